"""The final account (决算) of one budget unit for one year.

:class:`FinalAccount` holds what a 决算说明 publishes — figures with last year's
comparatives, the functional-classification lines, "三公" spending, purchases,
assets, projects and the glossary — plus the claims and change explanations
printed about them (:mod:`budgetkit.model.claim`). Amounts that the report does not
print are ``None`` (unknown), never 0. Derived figures (totals, shares,
changes, rates) are computed by methods and never stored twice.

>>> acc = FinalAccount(unit="示例单位", year=2023, unit_type="公益一类事业单位",
...     income=Income(total=Figure(current="1054.90", previous="988.88")))
>>> acc.income.total.change().describe()
'增加66.02万元，增长6.68%'
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from typing import Any, Final

import attrs

from budgetkit.errors import ModelError
from budgetkit.model.category import ExpenseCategory, unique_codes
from budgetkit.model.claim import ChangeExplanation, Claim
from budgetkit.model.performance import PerformanceReview
from budgetkit.model.project import Project
from budgetkit.model.tables import Tables
from budgetkit.reference import vocabulary
from budgetkit.values import validators as v
from budgetkit.values.change import Change, change
from budgetkit.values.money import Money
from budgetkit.values.ratio import Ratio

__all__ = [
    "FIGURE_LABELS",
    "Assets",
    "Chart",
    "ExpenseSide",
    "Figure",
    "FinalAccount",
    "FiscalAppropriation",
    "FiscalFund",
    "GeneralBudget",
    "GlossaryEntry",
    "Income",
    "Passage",
    "Procurement",
    "ReceptionEvent",
    "ThreePublic",
    "UnitType",
]


#: The years an account may be of: a final account is published for a year of this range.
YEARS: Final = range(1990, 2101)

#: The Chinese name of every published figure of the model, by its path: written once, in
#: :mod:`budgetkit.reference.vocabulary` (tables, charts, the narrative and the checks all use it).
FIGURE_LABELS: Mapping[str, str] = vocabulary.FIGURE_LABELS


class UnitType(enum.Enum):
    """单位性质: which rules apply (机关运行经费 only for 行政 and 参公 units)."""

    ADMINISTRATIVE = "行政单位"
    CIVIL_SERVICE_MANAGED = "参公事业单位"
    PUBLIC_WELFARE_1 = "公益一类事业单位"
    PUBLIC_WELFARE_2 = "公益二类事业单位"
    OTHER = "其他"

    @property
    def reports_operating_costs(self) -> bool:
        """Whether the unit reports 机关运行经费 (行政单位 and 参公事业单位 only)."""
        return self in (UnitType.ADMINISTRATIVE, UnitType.CIVIL_SERVICE_MANAGED)


@attrs.frozen
class Figure:
    """A published amount with last year's figure and the budget, each ``None`` when not printed.

    >>> Figure("2.00", budget="2.00").completion().format(0)
    '100%'
    """

    current: Money | None = attrs.field(default=None, converter=v.optional_money)
    previous: Money | None = attrs.field(default=None, converter=v.optional_money)
    budget: Money | None = attrs.field(default=None, converter=v.optional_money)

    @classmethod
    def _of(cls, current: Money | None, previous: Money | None = None, budget: Money | None = None) -> Figure:
        """A figure of amounts that are each a ``Money`` or ``None`` (internal fast path for the loader).

        The converters would hand such amounts back as they are, so they are set without running them;
        the figure is the one ``Figure(current, previous, budget)`` makes, equal, hashed and pickled alike.
        """
        self = _new_object(cls)
        _set_current(self, current)
        _set_previous(self, previous)
        _set_budget(self, budget)
        return self

    def change(self) -> Change | None:
        """The year-over-year change, or ``None`` when either year is unknown."""
        if self.current is None or self.previous is None:
            return None
        return change(self.current, self.previous)

    def completion(self) -> Ratio:
        """完成预算: current / budget (undefined when either is unknown or the budget is 0)."""
        if self.current is None or self.budget is None:
            return Ratio(0, 0)
        return self.current / self.budget

    def share_of(self, whole: Figure) -> Ratio:
        """This year's amount as a share of ``whole``'s (undefined when unknown or 0)."""
        if self.current is None or whole.current is None:
            return Ratio(0, 0)
        return self.current / whole.current


_new_object = object.__new__
# The slots' own setters: a frozen attrs class refuses setattr, and its __init__ would run the converters.
_set_current, _set_previous, _set_budget = (Figure.__dict__[name].__set__ for name in ("current", "previous", "budget"))


def _figure(value: Any) -> Figure:
    if isinstance(value, Figure):
        return value
    if isinstance(value, dict):
        return Figure(**value)
    return Figure(value)


def _figure_field() -> Any:
    return attrs.field(factory=Figure, converter=_figure)


@attrs.frozen(kw_only=True)
class Income:
    """收入: the eight sources, 本年收入合计, balances used, and 收入总计."""

    general_budget: Figure = _figure_field()  #: 一般公共预算财政拨款收入
    government_fund: Figure = _figure_field()  #: 政府性基金预算财政拨款收入
    state_capital: Figure = _figure_field()  #: 国有资本经营预算财政拨款收入
    superior_subsidy: Figure = _figure_field()  #: 上级补助收入
    business: Figure = _figure_field()  #: 事业收入
    operating: Figure = _figure_field()  #: 经营收入
    affiliated: Figure = _figure_field()  #: 附属单位上缴收入
    other: Figure = _figure_field()  #: 其他收入
    year_total: Figure = _figure_field()  #: 本年收入合计
    non_fiscal_balance_used: Figure = _figure_field()  #: 使用非财政拨款结余（含专用结余）
    opening_balance: Figure = _figure_field()  #: 年初结转和结余
    total: Figure = _figure_field()  #: 收入总计
    #: 财政拨款收入 as one figure, where the 情况说明 prints it so over more than one fund type (Shanghai's 二:
    #: 财政拨款收入 X 万元，占 Y%): 一般公共预算 + 政府性基金 + 国有资本经营, not a source beside them (format 0.5)
    fiscal: Figure = _figure_field()

    SOURCES = (
        "general_budget",
        "government_fund",
        "state_capital",
        "superior_subsidy",
        "business",
        "operating",
        "affiliated",
        "other",
    )

    def sources(self) -> tuple[Figure, ...]:
        """The eight sources of 本年收入, in the order of the standard table."""
        return tuple(getattr(self, name) for name in self.SOURCES)


@attrs.frozen(kw_only=True)
class ExpenseSide:
    """支出: 基本 / 项目 / 上缴上级 / 经营 / 对附属单位补助, 本年支出合计, 结余分配, 年末结转和结余, 支出总计."""

    basic: Figure = _figure_field()  #: 基本支出
    project: Figure = _figure_field()  #: 项目支出
    to_superior: Figure = _figure_field()  #: 上缴上级支出
    operating: Figure = _figure_field()  #: 经营支出
    to_affiliated: Figure = _figure_field()  #: 对附属单位补助支出
    year_total: Figure = _figure_field()  #: 本年支出合计
    surplus_distribution: Figure = _figure_field()  #: 结余分配
    closing_balance: Figure = _figure_field()  #: 年末结转和结余
    total: Figure = _figure_field()  #: 支出总计

    PARTS = ("basic", "project", "to_superior", "operating", "to_affiliated")

    def parts(self) -> tuple[Figure, ...]:
        """The five parts of 本年支出合计."""
        return tuple(getattr(self, name) for name in self.PARTS)


@attrs.frozen(kw_only=True)
class FiscalFund:
    """One fund type of 财政拨款: 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余."""

    opening: Figure = _figure_field()
    income: Figure = _figure_field()
    expenditure: Figure = _figure_field()
    closing: Figure = _figure_field()


@attrs.frozen(kw_only=True)
class FiscalAppropriation:
    """财政拨款收入支出: per fund type, and the 收、支总计."""

    general_budget: FiscalFund = attrs.field(factory=FiscalFund)  #: 一般公共预算
    government_fund: FiscalFund = attrs.field(factory=FiscalFund)  #: 政府性基金预算
    state_capital: FiscalFund = attrs.field(factory=FiscalFund)  #: 国有资本经营预算
    total: Figure = _figure_field()  #: 财政拨款收、支总计 (the 收入总计 where the two are printed apart)
    # 四's totals over the three funds, as 表四 prints them (总计 = 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余)
    opening: Figure = _figure_field()  #: 年初财政拨款结转和结余
    expenditure: Figure = _figure_field()  #: 本年财政拨款支出 (表四's 本年支出合计)
    closing: Figure = _figure_field()  #: 年末财政拨款结转和结余
    expenditure_total: Figure = _figure_field()  #: 财政拨款支出总计, where printed apart from the 收入总计

    FUNDS = ("general_budget", "government_fund", "state_capital")


@attrs.frozen(kw_only=True)
class GeneralBudget:
    """一般公共预算财政拨款支出: total, 基本/项目, the 类 → 款 → 项 lines, 人员经费/公用经费."""

    total: Figure = _figure_field()
    basic: Figure = _figure_field()  #: 基本支出
    project: Figure = _figure_field()  #: 项目支出
    categories: tuple[ExpenseCategory, ...] = attrs.field(default=(), converter=v.tuple_of)  #: 类 lines
    personnel: Figure = _figure_field()  #: 人员经费
    public_use: Figure = _figure_field()  #: 公用经费
    personnel_items: tuple[str, ...] = attrs.field(default=(), converter=v.tuple_of)
    public_use_items: tuple[str, ...] = attrs.field(default=(), converter=v.tuple_of)

    def __attrs_post_init__(self) -> None:
        unique_codes(self.categories, "categories")

    def lines(self) -> Iterator[ExpenseCategory]:
        """Every 类, 款 and 项 line, depth first."""
        for category in self.categories:
            yield from category.walk()


@attrs.frozen(kw_only=True)
class ReceptionEvent:
    """One 公务接待 event: date, visiting party, persons and cost in 元 (exact)."""

    date: str = attrs.field(validator=v.iso_date)  #: YYYY-MM-DD
    party: str
    persons: int = attrs.field(validator=v.count)
    cost_yuan: Money = attrs.field(converter=v.money, validator=[v.non_negative, v.yuan])  # held in 元, not 万元
    purpose: str = ""

    @property
    def cost(self) -> Money:
        """The cost in 万元."""
        return Money.from_yuan(self.cost_yuan.amount)


@attrs.frozen(kw_only=True)
class ThreePublic:
    """ "三公"经费: 因公出国（境）, 公务用车购置及运行维护, 公务接待, with their parts and details."""

    total: Figure = _figure_field()
    outbound: Figure = _figure_field()  #: 因公出国（境）费
    vehicle: Figure = _figure_field()  #: 公务用车购置及运行维护费
    vehicle_purchase: Figure = _figure_field()  #: 公务用车购置费
    vehicle_operation: Figure = _figure_field()  #: 公务用车运行维护费
    reception: Figure = _figure_field()  #: 公务接待费
    reception_domestic: Figure = _figure_field()  #: 国内接待
    reception_foreign: Figure = _figure_field()  #: 外事接待, a part of 公务接待费 beside 国内接待
    #: 外宾接待 counted within 国内接待, as Shanghai's template prints it: 国内公务接待支出 X 万（含外宾接待支出 Y 万元）
    #: (a part of ``reception_domestic``, not a part of ``reception`` beside it)
    reception_guests: Figure = _figure_field()
    outbound_groups: int | None = attrs.field(default=None, validator=v.count)  #: 因公出国（境）团组数
    outbound_persons: int | None = attrs.field(default=None, validator=v.count)
    vehicles_purchased: int | None = attrs.field(default=None, validator=v.count)
    vehicles_owned: int | None = attrs.field(default=None, validator=v.count)
    vehicles_owned_by_type: tuple[tuple[str, int], ...] = attrs.field(
        default=(), converter=v.pairs, validator=v.name_counts
    )
    events: tuple[ReceptionEvent, ...] = attrs.field(default=(), converter=v.tuple_of)  #: 国内公务接待
    foreign_batches: int | None = attrs.field(default=None, validator=v.count)
    foreign_persons: int | None = attrs.field(default=None, validator=v.count)
    #: 国内公务接待 批次 and 人次 as the 情况说明 prints them when it lists no events (an account without them
    #: dumps as before)
    domestic_batches: int | None = attrs.field(default=None, validator=v.count)
    domestic_persons: int | None = attrs.field(default=None, validator=v.count)
    #: 公务接待 批次 and 人次 in all, and of them 接待外宾, as Shanghai's template prints them (公务接待 N 批次、N 人次，
    #: 其中：接待外宾 N 批次、N 人次; format 0.5)
    reception_batches: int | None = attrs.field(default=None, validator=v.count)
    reception_persons: int | None = attrs.field(default=None, validator=v.count)
    guest_batches: int | None = attrs.field(default=None, validator=v.count)
    guest_persons: int | None = attrs.field(default=None, validator=v.count)


@attrs.frozen(kw_only=True)
class Procurement:
    """政府采购: 货物 + 工程 + 服务, and the contracts awarded to 中小企业 ⊇ 小微企业."""

    total: Figure = _figure_field()
    goods: Figure = _figure_field()
    works: Figure = _figure_field()
    services: Figure = _figure_field()
    sme: Figure = _figure_field()  #: 授予中小企业合同金额
    small_micro: Figure = _figure_field()  #: 授予小微企业合同金额


@attrs.frozen(kw_only=True)
class Assets:
    """国有资产占有使用: vehicles by use and large equipment (单价100万元以上)."""

    vehicles: int | None = attrs.field(default=None, validator=v.count)
    vehicles_by_use: tuple[tuple[str, int], ...] = attrs.field(default=(), converter=v.pairs, validator=v.name_counts)
    large_equipment: int | None = attrs.field(default=None, validator=v.count)


@attrs.frozen(kw_only=True)
class GlossaryEntry:
    """名词解释: a term and its definition."""

    term: str
    definition: str


@attrs.frozen(kw_only=True)
class Passage:
    """A paragraph of published text, kept to check its wording."""

    section: str
    text: str


@attrs.frozen(kw_only=True)
class Chart:
    """A chart the report names, with the data behind it as exported (raw strings)."""

    number: int = attrs.field(validator=v.count)
    title: str
    kind: str = ""  #: 柱状图 / 饼状图
    data_title: str = ""  #: the title on the chart data, which may differ from ``title``
    labels: tuple[str, ...] = attrs.field(default=(), converter=v.tuple_of)
    values: tuple[str, ...] = attrs.field(default=(), converter=v.tuple_of)
    subjects: tuple[str, ...] = attrs.field(default=(), converter=v.tuple_of)  #: model paths each value depicts


def _unit_type(value: Any) -> UnitType:
    return v.member(UnitType, value)


@attrs.frozen(kw_only=True)
class FinalAccount:
    """One unit's final account for one year, with last year's comparatives.

    Construct it from parts, or load one with :func:`budgetkit.io.load` or
    :func:`budgetkit.datasets.load`.
    """

    unit: str
    year: int = attrs.field(validator=v.whole)
    unit_type: UnitType = attrs.field(converter=_unit_type)
    duties: str = ""
    organisation: str = ""
    income: Income = attrs.field(factory=Income)
    expenditure: ExpenseSide = attrs.field(factory=ExpenseSide)
    fiscal: FiscalAppropriation = attrs.field(factory=FiscalAppropriation)
    general_budget: GeneralBudget = attrs.field(factory=GeneralBudget)
    three_public: ThreePublic = attrs.field(factory=ThreePublic)
    operating_costs: Figure = _figure_field()  #: 机关运行经费
    procurement: Procurement = attrs.field(factory=Procurement)
    assets: Assets = attrs.field(factory=Assets)
    projects: tuple[Project, ...] = attrs.field(default=(), converter=v.tuple_of)
    #: the unit's own words for 预算绩效管理情况 (conclusions, problems, per-kind analyses …), all optional
    performance: PerformanceReview = attrs.field(factory=PerformanceReview)
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=v.tuple_of)
    explanations: tuple[ChangeExplanation, ...] = attrs.field(default=(), converter=v.tuple_of)
    charts: tuple[Chart, ...] = attrs.field(default=(), converter=v.tuple_of)
    glossary: tuple[GlossaryEntry, ...] = attrs.field(default=(), converter=v.tuple_of)
    passages: tuple[Passage, ...] = attrs.field(default=(), converter=v.tuple_of)
    tables: Tables = attrs.field(factory=Tables)  #: the published tables (部门决算公开表), cell by cell
    notes: str = ""  #: the transcriber's notes: the source, and the report's defects verified by hand

    def __attrs_post_init__(self) -> None:
        if self.year not in YEARS:
            raise ModelError(f"year {self.year!r} is outside {YEARS[0]}–{YEARS[-1]}", "year")
        labels: set[str] = set()
        for i, project in enumerate(self.projects):
            if project.label in labels:
                raise ModelError(f"project {project.label!r} appears twice", f"projects[{i}]")
            labels.add(project.label)

    @property
    def previous_year(self) -> int:
        """The comparative year."""
        return self.year - 1

    @property
    def evaluated_projects(self) -> tuple[Project, ...]:
        """The projects with a self-evaluation table."""
        return tuple(p for p in self.projects if p.evaluated)

    def project(self, key: str) -> Project:
        """The project whose code or name is ``key``."""
        for p in self.projects:
            if key in (p.code, p.name):
                return p
        raise KeyError(key)
