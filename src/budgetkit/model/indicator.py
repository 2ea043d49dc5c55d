"""Performance indicators (绩效指标) of a project's self-evaluation table.

An indicator names what was promised (指标值, the *target*), what was achieved
(完成值, the *actual*), how they compare (指标性质, the *operator*), its weight
(权重) and the score the unit gave itself (得分). Targets and actuals are kept as
printed — a number, or text for qualitative indicators — and are available as
exact pint quantities. A blank actual is *missing*, never 0.

>>> ind = PerformanceIndicator(
...     level1="产出指标", level2="数量指标", level3="人才网站点击量",
...     operator="≥", target="50", unit="万", actual="79", weight="18", stated_score="18")
>>> ind.operator
<Operator.AT_LEAST: '≥'>
>>> ind.actual_quantity.to("次").magnitude == 790000
True
>>> ind.completion().format()
'158.00%'

The central 附件1 layout prints operator, value and unit in one cell ("≥50个");
:meth:`PerformanceIndicator.from_cells` reads them apart and keeps the printed text:

>>> row = PerformanceIndicator.from_cells(level1="产出指标", level2="时效指标", level3="办结时限",
...     target="≤3天", actual="2天", weight="10", stated_score="10")
>>> row.operator.value, row.target, row.unit, row.actual, row.printed_target
('≤', '3', '天', '2', '≤3天')
"""

from __future__ import annotations

import enum
import functools
import re
from decimal import Decimal
from typing import Any

import attrs

from budgetkit.errors import InvalidNumberError, ModelError, UnknownUnitError
from budgetkit.values import validators as v
from budgetkit.values.numbers import to_decimal
from budgetkit.values.ratio import Ratio

__all__ = ["Operator", "PerformanceIndicator", "PrintedCell", "parse_cell", "parse_operator"]


class Operator(enum.Enum):
    """指标性质: how the actual value is compared with the target."""

    AT_LEAST = "≥"
    MORE_THAN = ">"
    EQUAL = "="
    AT_MOST = "≤"
    LESS_THAN = "<"
    QUALITATIVE = "定性"

    @property
    def is_positive(self) -> bool:
        """正向: more is better (≥, >)."""
        return self in (Operator.AT_LEAST, Operator.MORE_THAN)

    @property
    def is_reverse(self) -> bool:
        """反向: less is better (≤, <)."""
        return self in (Operator.AT_MOST, Operator.LESS_THAN)


_OPERATOR_SPELLINGS = {
    "≥": Operator.AT_LEAST,
    ">=": Operator.AT_LEAST,
    "＞＝": Operator.AT_LEAST,
    "大于等于": Operator.AT_LEAST,
    ">": Operator.MORE_THAN,
    "＞": Operator.MORE_THAN,
    "大于": Operator.MORE_THAN,
    "=": Operator.EQUAL,
    "＝": Operator.EQUAL,
    "==": Operator.EQUAL,
    "等于": Operator.EQUAL,
    "≤": Operator.AT_MOST,
    "<=": Operator.AT_MOST,
    "＜＝": Operator.AT_MOST,
    "小于等于": Operator.AT_MOST,
    "<": Operator.LESS_THAN,
    "＜": Operator.LESS_THAN,
    "小于": Operator.LESS_THAN,
    "定性": Operator.QUALITATIVE,
}


def parse_operator(text: str | Operator) -> Operator:
    """Read an operator as printed, full-width forms included.

    >>> parse_operator("＝"), parse_operator(" ≤ ")
    (<Operator.EQUAL: '='>, <Operator.AT_MOST: '≤'>)
    """
    if isinstance(text, Operator):
        return text
    try:
        return _OPERATOR_SPELLINGS[text.strip()]
    except KeyError:
        known = " ".join(dict.fromkeys(op.value for op in Operator))
        raise ModelError(f"unknown indicator operator {text!r}; known: {known} (full-width forms accepted)") from None


_CELL = re.compile(
    r"^(?P<op>"
    + "|".join(re.escape(k) for k in sorted((k for k in _OPERATOR_SPELLINGS if k != "定性"), key=len, reverse=True))
    + r")?\s*(?P<number>[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?P<unit>\S.*?)?$"
)


#: An approximate target: 约3万人, 大约3, ≈3, 3万人左右 — a number the table compares as "=" [practice].
_APPROXIMATE = re.compile(r"^(?:约为|大约|约|≈|～|~)\s*(?=[+-]?\d)|(?<=\S)\s*左右$")


@attrs.frozen
class PrintedCell:
    """A target or completion cell read apart: operator, value and unit, beside the text as printed.

    ``operator`` is ``None`` when the cell prints none; ``value`` is the number as
    printed (``"50"``) or, for a cell that is not a number, the whole text; ``unit``
    is the printed unit when budgetkit knows it, else ``""`` (the unit stays in ``printed``).
    """

    printed: str
    operator: Operator | None
    value: str
    unit: str

    @property
    def is_numeric(self) -> bool:
        """Whether the cell holds a number (with or without operator and unit)."""
        return _numeric(self.value) is not None


def parse_cell(text: str) -> PrintedCell:
    """Read a printed target or completion cell: "≥50个", "≤3天", "100%", "≥95%", "好", "11月底前".

    >>> parse_cell("≥50个")
    PrintedCell(printed='≥50个', operator=<Operator.AT_LEAST: '≥'>, value='50', unit='个')
    >>> parse_cell("100%").operator is None, parse_cell("100%").unit, parse_cell(" ＞ 1,200 人次").value
    (True, '%', '1200')
    >>> parse_cell("按时完成")
    PrintedCell(printed='按时完成', operator=None, value='按时完成', unit='')

    An approximate number (约3万人, ≈3, 50人左右) is read as "=" (a target about A is compared as one of A), the
    cell kept as printed:

    >>> parse_cell("约3万人"), parse_cell("50人左右").operator
    (PrintedCell(printed='约3万人', operator=<Operator.EQUAL: '='>, value='3', unit=''), <Operator.EQUAL: '='>)
    """
    printed = text.strip()
    body = _APPROXIMATE.sub("", printed)
    approximate = body != printed
    match = _CELL.match(body)
    if match is None or (approximate and match.group("op")):  # 约≥3 says two things at once: text
        return PrintedCell(printed, None, printed, "")
    op = match.group("op") or ("=" if approximate else None)
    unit = (match.group("unit") or "").strip()
    if unit:
        from budgetkit.values.units import check_unit

        try:
            check_unit(unit)
        except UnknownUnitError:
            if op is None or re.search(r"\d", unit):  # "11月底前", "3天2次": text, not a number with a unit
                return PrintedCell(printed, None, printed, "")
            unit = ""  # "≥50栋": a number compared with its target; the unit stays in the printed text
    number = match.group("number").replace(",", "")
    return PrintedCell(printed, None if op is None else parse_operator(op), number, unit)


def _numeric(text: str | None) -> Decimal | None:
    """The number a cell holds, or None for text and blanks."""
    return None if text is None else _number(text)


@functools.lru_cache(maxsize=4096)
def _number(text: str) -> Decimal | None:
    """A cell's text read as a number, once per distinct text: scoring and the checks ask for an indicator's
    target and actual several times, and a cache keyed by the text (a Decimal is immutable) leaves the
    indicator's equality, hashing, pickling, repr and serialisation as they are."""
    try:
        return to_decimal(text)
    except InvalidNumberError:
        return None


def _cell(value: Any) -> str:
    if type(value) is str:
        return value.strip()
    if isinstance(value, (float, bool)):
        return str(to_decimal(value))  # raises FloatRefusedError
    if isinstance(value, (int, Decimal)):
        return str(to_decimal(value))
    if not isinstance(value, str):
        raise ModelError(f"expected text or a number, got {type(value).__name__}")
    return value.strip()


def _optional_cell(value: Any) -> str | None:
    if value is None:
        return None
    cell = _cell(value)
    return cell or None


@attrs.frozen(kw_only=True)
class PerformanceIndicator:
    """One row of a 绩效指标 table: 一级/二级/三级 names, target, actual, weight, scores.

    ``target`` and ``actual`` are the cells as printed (``"2000"``, ``"好"``,
    ``"11月底前"``); ``actual`` is ``None`` when the cell is blank. ``unit`` is the
    printed 度量单位. ``weight`` (权重) and ``stated_score`` (得分) are exact.
    ``reason`` is the 未完成原因分析 cell (附件1: 偏差原因分析及改进措施).
    ``printed_target`` / ``printed_actual`` keep a cell as printed when it held
    more than the value (附件1's "≥50个"); they are ``""`` when the cell was the value.
    """

    level1: str
    level2: str
    level3: str
    operator: Operator = attrs.field(converter=parse_operator)
    target: str = attrs.field(converter=_cell)
    unit: str = ""
    actual: str | None = attrs.field(default=None, converter=_optional_cell)
    weight: Decimal = attrs.field(converter=v.decimal, validator=v.non_negative)
    stated_score: Decimal | None = attrs.field(default=None, converter=v.optional_decimal, validator=v.non_negative)
    reason: str = ""
    printed_target: str = ""
    printed_actual: str = ""

    @classmethod
    def from_cells(
        cls,
        *,
        level1: str,
        level2: str,
        level3: str,
        target: str,
        actual: str | None,
        weight: Any,
        stated_score: Any = None,
        reason: str = "",
    ) -> PerformanceIndicator:
        """An indicator from 附件1 cells, where the target cell holds operator, value and unit.

        A target that is not a number is 定性; a numeric target without an operator is
        "=" (scored as 正向 when positive, DOMAIN.md §6). The completion cell is read the
        same way; its unit is dropped when it is the target's.

        >>> row = PerformanceIndicator.from_cells(level1="产出指标", level2="数量指标", level3="培训人数",
        ...     target="≥50个", actual="完成", weight=10, stated_score=10)
        >>> row.operator.value, row.target, row.unit, row.actual, row.printed_actual
        ('≥', '50', '个', '完成', '')
        """
        goal = parse_cell(target)
        operator: Operator | str = goal.operator or (Operator.EQUAL if goal.is_numeric else Operator.QUALITATIVE)
        done = None if actual is None or not actual.strip() else parse_cell(actual)
        actual_value = None if done is None else done.value
        return cls(
            level1=level1,
            level2=level2,
            level3=level3,
            operator=operator,
            target=goal.value,
            unit=goal.unit,
            actual=actual_value,
            weight=weight,
            stated_score=stated_score,
            reason=reason,
            printed_target="" if goal.printed == goal.value else goal.printed,
            printed_actual="" if done is None or done.printed == done.value else done.printed,
        )

    def __attrs_post_init__(self) -> None:
        if self.unit:
            from budgetkit.values.units import check_unit

            check_unit(self.unit)  # raises UnknownUnitError, naming the known units; pint is not built

    @property
    def name(self) -> str:
        """The indicator's own name (三级指标)."""
        return self.level3

    @property
    def is_qualitative(self) -> bool:
        """Whether the indicator is judged, not measured (定性)."""
        return self.operator is Operator.QUALITATIVE

    @property
    def target_value(self) -> Decimal | None:
        """The target as an exact number, or ``None`` when it is text.

        >>> PerformanceIndicator(level1="a", level2="b", level3="c", operator="定性",
        ...     target="好坏", weight=20).target_value is None
        True
        """
        return _numeric(self.target)

    @property
    def actual_value(self) -> Decimal | None:
        """The actual as an exact number, or ``None`` when blank or text."""
        return _numeric(self.actual)

    @property
    def is_missing_actual(self) -> bool:
        """Whether the 完成值 cell is blank (missing, not zero)."""
        return self.actual is None

    @property
    def target_quantity(self) -> Any:
        """The target as a pint quantity in the table's unit (``None`` for text)."""
        return self._quantity(self.target_value)

    @property
    def actual_quantity(self) -> Any:
        """The actual as a pint quantity in the table's unit (``None`` for text or blank)."""
        return self._quantity(self.actual_value)

    def _quantity(self, value: Decimal | None) -> Any:
        if value is None:
            return None
        from budgetkit.values.units import quantity

        return quantity(value, self.unit) if self.unit else value

    def completion(self) -> Ratio:
        """完成率: actual / target, exact; undefined when either is not a number or the target is 0."""
        target, actual = self.target_value, self.actual_value
        if target is None or actual is None:
            return Ratio(0, 0)
        return Ratio(actual, target)
