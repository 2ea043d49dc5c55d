"""Projects (项目) and their money: a grid of fund source × budget phase.

A self-evaluation table (项目支出绩效自评表) comes in two layouts (:class:`Layout`): Sichuan's
(总额 / 财政资金 / 财政专户管理资金 / 单位资金 / 其他资金, phases 年初预算 → 调整后预算数 →
预算执行数, a project code) and the central 财预〔2020〕10号 附件1 (年度资金总额 / 当年财政拨款 /
上年结转资金 / 其他资金, phases 年初预算数 → 全年预算数 → 全年执行数, no project code). Both
fill the same grid: a phase is ``initial`` / ``adjusted`` / ``executed`` in either.

>>> p = Project(name="市人力资源服务中心档案专项", kind="其他运转类",
...     funds=FundGrid(lines=(FundLine(source="总额", initial="12.00", adjusted="11.30", executed="11.30"),)))
>>> p.execution_rate.format()
'100.00%'
>>> p.budget_adjusted
True
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

import attrs

from budgetkit.errors import ModelError
from budgetkit.model.indicator import PerformanceIndicator
from budgetkit.values import validators as v
from budgetkit.values.money import Money
from budgetkit.values.ratio import Ratio

__all__ = ["FundGrid", "FundLine", "FundSource", "Layout", "Project", "ProjectKind", "parse_source"]


class ProjectKind(enum.Enum):
    """项目类别: 人员类, 运转类 (公用经费 / 其他运转类) or 特定目标类."""

    PERSONNEL = "人员类"
    PUBLIC_USE = "公用经费"
    OTHER_OPERATING = "其他运转类"
    SPECIFIC = "特定目标类"

    @property
    def is_operating(self) -> bool:
        """运转类: 公用经费 and 其他运转类 projects."""
        return self in (ProjectKind.PUBLIC_USE, ProjectKind.OTHER_OPERATING)


class Layout(enum.Enum):
    """The layout of a project's self-evaluation table.

    >>> Layout("central").label
    '财预〔2020〕10号 附件1'
    """

    #: Sichuan's 部门预算项目支出绩效自评表: a project code, 指标性质 and 度量单位 columns.
    SICHUAN = "sichuan"
    #: The central 项目支出绩效自评表 of 财预〔2020〕10号 附件1: no code; operator and unit inside the target cell.
    CENTRAL = "central"

    @property
    def label(self) -> str:
        """How the layout is named to users."""
        return "四川省部门预算项目支出绩效自评表" if self is Layout.SICHUAN else "财预〔2020〕10号 附件1"


class FundSource(enum.Enum):
    """资金来源: a row of the money grid; 总额 is the sum of the others.

    财政资金 / 财政专户管理资金 / 单位资金 are Sichuan's rows, 当年财政拨款 / 上年结转资金 the
    central 附件1's (whose 年度资金总额 is 总额); 其他资金 is in both.
    """

    TOTAL = "总额"
    FISCAL = "财政资金"
    SPECIAL_ACCOUNT = "财政专户管理资金"
    UNIT = "单位资金"
    OTHER = "其他资金"
    APPROPRIATION = "当年财政拨款"
    CARRIED_OVER = "上年结转资金"


_SOURCE_ALIASES = {
    "其中：财政资金": FundSource.FISCAL,
    "合计": FundSource.TOTAL,
    "年度资金总额": FundSource.TOTAL,
    "其中：当年财政拨款": FundSource.APPROPRIATION,
    "其中：财政拨款": FundSource.APPROPRIATION,  # 江苏, 北京: the 附件1 row without 当年
    "上年结转": FundSource.CARRIED_OVER,
}


def parse_source(value: Any) -> FundSource:
    """Read a fund source as printed (``其中：财政资金`` is 财政资金).

    >>> parse_source("其中：财政资金"), parse_source("年度资金总额"), parse_source("其中: 当年财政拨款")
    (<FundSource.FISCAL: '财政资金'>, <FundSource.TOTAL: '总额'>, <FundSource.APPROPRIATION: '当年财政拨款'>)
    >>> parse_source("其中：财政拨款")
    <FundSource.APPROPRIATION: '当年财政拨款'>
    """
    if isinstance(value, FundSource):
        return value
    text = "".join(str(value).split()).replace(":", "：")
    if text in _SOURCE_ALIASES:
        return _SOURCE_ALIASES[text]
    try:
        return FundSource(text)
    except ValueError:
        known = "、".join(s.value for s in FundSource)
        raise ModelError(f"unknown fund source {text!r}; known: {known}") from None


@attrs.frozen(kw_only=True)
class FundLine:
    """One fund source across the phases 年初预算 → 调整后预算 → 预算执行数.

    A blank phase is ``None`` (unknown), never 0. ``stated_rate`` is the
    预算执行率 column as printed, in percent.
    """

    source: FundSource = attrs.field(converter=parse_source)
    initial: Money | None = attrs.field(default=None, converter=v.optional_money, validator=v.non_negative)
    adjusted: Money | None = attrs.field(default=None, converter=v.optional_money, validator=v.non_negative)
    executed: Money | None = attrs.field(default=None, converter=v.optional_money, validator=v.non_negative)
    stated_rate: Decimal | None = attrs.field(default=None, converter=v.optional_decimal, validator=v.non_negative)

    @property
    def execution_rate(self) -> Ratio:
        """预算执行率 = 预算执行数 / 调整后预算数; undefined when unknown or the budget is 0."""
        if self.executed is None or self.adjusted is None:
            return Ratio(0, 0)
        return self.executed / self.adjusted


@attrs.frozen(kw_only=True)
class FundGrid:
    """The money of a project: one :class:`FundLine` per fund source."""

    lines: tuple[FundLine, ...] = attrs.field(default=(), converter=v.tuple_of)

    def __attrs_post_init__(self) -> None:
        seen: set[FundSource] = set()
        for i, line in enumerate(self.lines):
            if line.source in seen:
                raise ModelError(f"fund source {line.source.value} appears twice", f"lines[{i}]")
            seen.add(line.source)

    def line(self, source: FundSource | str) -> FundLine | None:
        """The line of ``source``, or ``None`` when the grid does not have it."""
        wanted = parse_source(source)
        for line in self.lines:
            if line.source is wanted:
                return line
        return None

    @property
    def total(self) -> FundLine:
        """The 总额 line (an empty one when the grid has none)."""
        return self.line(FundSource.TOTAL) or FundLine(source=FundSource.TOTAL)

    @property
    def parts(self) -> tuple[FundLine, ...]:
        """The lines other than 总额."""
        return tuple(line for line in self.lines if line.source is not FundSource.TOTAL)


def _kind(value: Any) -> ProjectKind:
    return v.member(ProjectKind, value)


def _layout(value: Any) -> Layout:
    return v.member(Layout, value)


@attrs.frozen(kw_only=True)
class Project:
    """A project (项目) with its money grid and, if it was self-evaluated, its table.

    ``execution_weight`` and ``execution_score`` are the 预算执行情况 row's 权重 and
    得分; ``stated_weight_total`` and ``stated_total`` are the 合计 row. A project
    that the narrative describes but that has no self-evaluation table has
    ``evaluated=False``. ``printed_grade`` is the 自评等级 the table prints (a row of
    its own, or beside 总分), compared with the grade of ``stated_total`` by the
    scoring rules. ``layout`` is the table's layout (:class:`Layout`); the
    central 附件1 prints no project code, its 分值 is ``execution_weight``, its
    总分 row ``stated_weight_total`` / ``stated_total``, and its 年度总体目标 /
    实际完成情况 are ``goals`` / ``results``.

    >>> Project(name="示例项目", kind="特定目标类", layout="central").layout
    <Layout.CENTRAL: 'central'>
    """

    code: str | None = None
    name: str
    kind: ProjectKind = attrs.field(converter=_kind)
    department: str = ""
    implementer: str = ""
    evaluated: bool = True
    goals: str = ""
    results: str = ""
    process: str = ""
    use: str = ""  #: 资金用途, "主要用于…", as the narrative's 预算绩效管理 section describes the project
    funds: FundGrid = attrs.field(factory=FundGrid)
    execution_weight: Decimal | None = attrs.field(default=None, converter=v.optional_decimal, validator=v.non_negative)
    execution_score: Decimal | None = attrs.field(default=None, converter=v.optional_decimal, validator=v.non_negative)
    execution_reason: str = ""
    indicators: tuple[PerformanceIndicator, ...] = attrs.field(default=(), converter=v.tuple_of)
    stated_weight_total: Decimal | None = attrs.field(
        default=None, converter=v.optional_decimal, validator=v.non_negative
    )
    stated_total: Decimal | None = attrs.field(default=None, converter=v.optional_decimal, validator=v.non_negative)
    printed_grade: str = ""  #: the 自评等级 (绩效等级, 评价等级) as printed: 优, 良好 …; "" when the table prints none
    conclusion: str = ""
    problems: str = ""
    measures: str = ""
    leader: str = ""
    finance_officer: str = ""
    layout: Layout = attrs.field(default=Layout.SICHUAN, converter=_layout)

    @property
    def label(self) -> str:
        """How findings name the project: its code when it has one, else its name."""
        return self.code or self.name

    @property
    def execution_rate(self) -> Ratio:
        """预算执行率 of the 总额 line: executed / adjusted budget (undefined when that is 0)."""
        return self.funds.total.execution_rate

    @property
    def budget_adjusted(self) -> bool:
        """Whether the budget changed during the year (年初预算 ≠ 调整后预算)."""
        total = self.funds.total
        return total.initial is not None and total.adjusted is not None and total.initial != total.adjusted

    @property
    def indicator_weight(self) -> Decimal:
        """The sum of the indicators' weights."""
        return sum((i.weight for i in self.indicators), Decimal(0))

    @property
    def stated_indicator_total(self) -> Decimal | None:
        """The sum of the indicators' stated scores (None when any is blank)."""
        scores = [i.stated_score for i in self.indicators]
        if any(s is None for s in scores):
            return None
        return sum((s for s in scores if s is not None), Decimal(0))
