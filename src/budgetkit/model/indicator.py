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
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

import attrs

from budgetkit.errors import InvalidNumberError, ModelError
from budgetkit.values import validators as v
from budgetkit.values.numbers import to_decimal
from budgetkit.values.ratio import Ratio

__all__ = ["Operator", "PerformanceIndicator", "parse_operator"]


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


def _numeric(text: str | None) -> Decimal | None:
    """The number a cell holds, or None for text and blanks."""
    if text is None:
        return None
    try:
        return to_decimal(text)
    except InvalidNumberError:
        return None


def _cell(value: Any) -> str:
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
    ``reason`` is the 未完成原因分析 cell.
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
