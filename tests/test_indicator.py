"""Tests for budgetkit.model.indicator: rows of a 绩效指标 table."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from budgetkit.errors import FloatRefusedError, ModelError, UnknownUnitError
from budgetkit.model.indicator import Operator, PerformanceIndicator, parse_cell, parse_operator
from budgetkit.values.ratio import Ratio
from budgetkit.values.units import quantity


def _row(**fields: Any) -> PerformanceIndicator:
    fields.setdefault("level1", "产出指标")
    fields.setdefault("level2", "数量指标")
    fields.setdefault("level3", "人才网站点击量")
    fields.setdefault("operator", "≥")
    fields.setdefault("target", "50")
    fields.setdefault("weight", "18")
    return PerformanceIndicator(**fields)


# -- operators ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "operator"),
    [
        ("≥", Operator.AT_LEAST),
        (">=", Operator.AT_LEAST),
        ("＞＝", Operator.AT_LEAST),
        ("大于等于", Operator.AT_LEAST),
        (">", Operator.MORE_THAN),
        ("＞", Operator.MORE_THAN),
        ("=", Operator.EQUAL),
        ("＝", Operator.EQUAL),
        ("等于", Operator.EQUAL),
        ("≤", Operator.AT_MOST),
        ("＜＝", Operator.AT_MOST),
        ("<=", Operator.AT_MOST),
        ("<", Operator.LESS_THAN),
        ("＜", Operator.LESS_THAN),
        ("定性", Operator.QUALITATIVE),
        (" ≤ ", Operator.AT_MOST),
        (Operator.EQUAL, Operator.EQUAL),
    ],
)
def test_parse_operator_reads_printed_forms(printed: str | Operator, operator: Operator) -> None:
    """Operators parse as printed, full-width forms and words included."""
    assert parse_operator(printed) is operator


@pytest.mark.parametrize("printed", ["≈", "", "≥≥", "at least", "≠"])
def test_unknown_operator_is_a_model_error(printed: str) -> None:
    """An unknown operator raises ModelError listing the known ones and mentioning full-width forms."""
    with pytest.raises(ModelError) as caught:
        parse_operator(printed)
    message = str(caught.value)
    assert f"unknown indicator operator {printed!r}" in message
    assert "≥ > = ≤ < 定性" in message
    assert "full-width" in message


def test_indicator_refuses_unknown_operator() -> None:
    """Constructing a row with an unknown operator fails at once."""
    with pytest.raises(ModelError, match="unknown indicator operator"):
        _row(operator="≈")


def test_operator_direction() -> None:
    """≥ and > are 正向, ≤ and < are 反向, = and 定性 are neither."""
    assert [op for op in Operator if op.is_positive] == [Operator.AT_LEAST, Operator.MORE_THAN]
    assert [op for op in Operator if op.is_reverse] == [Operator.AT_MOST, Operator.LESS_THAN]
    assert _row(operator="定性", target="好坏").is_qualitative
    assert not _row().is_qualitative


# -- cells ------------------------------------------------------------------------------------


def test_target_and_actual_are_kept_as_printed() -> None:
    """Cells are kept as printed text, stripped; numbers are read from them exactly."""
    row = _row(target=" 50 ", unit="万", actual="79")
    assert (row.target, row.actual, row.unit) == ("50", "79", "万")
    assert row.target_value == Decimal("50")
    assert row.actual_value == Decimal("79")
    assert row.name == "人才网站点击量"


def test_numeric_cells_keep_their_digits() -> None:
    """A target '98.50' is read as Decimal('98.50') with its two places."""
    row = _row(target="98.50", actual="１００")
    assert str(row.target_value) == "98.50"
    assert row.actual_value == Decimal(100)


def test_int_and_decimal_cells_become_text() -> None:
    """An int or Decimal target is stored as its text."""
    row = _row(target=2000, actual=Decimal("3000.0"))
    assert (row.target, row.actual) == ("2000", "3000.0")


def test_text_cells_have_no_value() -> None:
    """Qualitative targets like 好坏 and 11月底前 are text: their value is None."""
    row = _row(operator="定性", target="11月底前", actual="11月底前")
    assert row.target_value is None and row.actual_value is None
    assert row.target_quantity is None and row.actual_quantity is None


@pytest.mark.parametrize("blank", [None, "", "   "])
def test_blank_actual_is_missing_not_zero(blank: str | None) -> None:
    """A blank 完成值 is None and missing; its value is None, never 0."""
    row = _row(target="98", unit="%", actual=blank)
    assert row.actual is None
    assert row.is_missing_actual
    assert row.actual_value is None
    assert row.actual_quantity is None
    assert row.completion().is_undefined


def test_zero_actual_is_not_missing() -> None:
    """A printed 0 is an actual of zero, not a blank."""
    row = _row(level3="产业园网站建设", target="1", unit="个", actual="0")
    assert not row.is_missing_actual
    assert row.actual_value == Decimal(0)
    assert row.completion().percent() == Decimal("0.00")


@pytest.mark.parametrize("field", ["target", "actual", "weight", "stated_score"])
def test_floats_are_refused(field: str) -> None:
    """Target, actual, weight and score refuse floats."""
    with pytest.raises(FloatRefusedError):
        _row(**{field: 15.0})


def test_bool_cells_are_refused() -> None:
    """A bool is not a cell value."""
    with pytest.raises(FloatRefusedError):
        _row(actual=True)


def test_non_text_cells_are_refused() -> None:
    """A list is not a cell value."""
    with pytest.raises(ModelError, match="expected text or a number"):
        _row(target=["50"])


@pytest.mark.parametrize("field", ["weight", "stated_score"])
def test_negative_weight_and_score_are_refused(field: str) -> None:
    """A negative 权重 or 得分 raises ModelError naming the field."""
    with pytest.raises(ModelError) as caught:
        _row(**{field: "-1"})
    assert caught.value.path == field
    assert "must not be negative" in caught.value.message


def test_weight_and_score_are_exact() -> None:
    """Weights and scores keep their digits; a blank score is None."""
    row = _row(weight="7.5", stated_score="7.50")
    assert (str(row.weight), str(row.stated_score)) == ("7.5", "7.50")
    assert _row(stated_score=" ").stated_score is None
    assert _row(weight=0).weight == Decimal(0)


# -- completion and quantities ----------------------------------------------------------------


def test_completion_is_exact() -> None:
    """完成率 = actual / target, exactly: 79 of 50 is 158.00%, 757 of 700 is 108.14%."""
    assert _row(target="50", actual="79").completion().format() == "158.00%"
    assert _row(target="700", actual="757").completion().format() == "108.14%"
    assert _row(target="3", actual="1").completion() == Ratio(1, 3)  # kept as a fraction, not rounded


@pytest.mark.parametrize(("target", "actual"), [("0", "5"), ("好坏", "好"), ("50", None), ("50", "约80")])
def test_completion_undefined_when_not_numbers_or_zero_target(target: str, actual: str | None) -> None:
    """With a text cell, a blank actual or a zero target the completion is undefined, never 0%."""
    ratio = _row(target=target, actual=actual).completion()
    assert ratio.is_undefined
    assert ratio.percent() is None


def test_quantities_use_the_printed_unit() -> None:
    """50 万 is 500000 次: the unit column turns cells into exact pint quantities."""
    row = _row(target="50", unit="万", actual="79")
    assert row.target_quantity == quantity("500000", "次")
    assert row.target_quantity.to("次").magnitude == 500000
    assert row.actual_quantity.to("次").magnitude == 790000
    assert isinstance(row.actual_quantity.to("次").magnitude, Decimal)
    assert row.actual_quantity < quantity("793100", "次")  # 79 万 is below the 793100 次 of the narrative


def test_quantities_of_the_seed_units() -> None:
    """平方米, %, 人数 and 工作日 from the seed tables are known units."""
    assert _row(target="2000", unit="平方米").target_quantity == quantity("2000", "平方米")
    assert _row(target="96", unit="%").target_quantity.to("dimensionless").magnitude == Decimal("0.96")
    assert _row(target="300", unit="人数").target_quantity == quantity("300", "人")
    assert _row(target="15", unit="工作日").target_quantity == quantity("15", "工作日")


def test_quantity_without_unit_is_the_bare_number() -> None:
    """A row with no 度量单位 gives its number unchanged."""
    assert _row(target="2", unit="").target_quantity == Decimal(2)


def test_unknown_unit_is_refused_when_used() -> None:
    """Asking for a quantity in a unit the registry does not know raises UnknownUnitError."""
    with pytest.raises(UnknownUnitError):
        _row(unit="斤斤").target_quantity  # noqa: B018


def test_unknown_unit_is_refused_at_construction() -> None:
    """A row whose 度量单位 the registry does not know is refused when it is built."""
    with pytest.raises(UnknownUnitError):
        _row(unit="斤斤")


@pytest.mark.parametrize(
    ("printed", "value", "unit"),
    [("约3万人", "3", ""), ("约 3", "3", ""), ("≈3.5%", "3.5", "%"), ("大约10个", "10", "个"), ("50人左右", "50", "人")],
)
def test_an_approximate_target_is_a_number_compared_as_equal(printed: str, value: str, unit: str) -> None:
    """约/大约/≈ before a number, or 左右 after it, is a target about that number: read as "=", the cell kept."""
    cell = parse_cell(printed)
    assert (cell.operator, cell.value, cell.unit, cell.printed) == (Operator.EQUAL, value, unit, printed)
    row = PerformanceIndicator.from_cells(
        level1="产出指标", level2="数量指标", level3="x", target=printed, actual="2.4", weight=15
    )
    assert (row.operator, row.target, row.printed_target) == (Operator.EQUAL, value, printed)


@pytest.mark.parametrize("printed", ["约定时间完成", "左右", "前后左右", "约≥3"])
def test_words_with_approximate_marks_stay_text(printed: str) -> None:
    """约 not before a number, 左右 alone, or 约 beside an operator of its own: text, as printed."""
    assert parse_cell(printed) == parse_cell(printed).__class__(printed, None, printed, "")
