"""Tests for budgetkit.values.formatting: half-up display of money, rates, counts and headings."""

from __future__ import annotations

from decimal import Decimal

import pytest
from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

from budgetkit import NOT_COMPARABLE, BudgetkitError, FloatRefusedError, Money, Ratio, round_half_up
from budgetkit.errors import InvalidNumberError, ModelError, UnknownUnitError
from budgetkit.values.formatting import (
    MAX_ORDINAL,
    chinese_ordinal,
    format_compact,
    format_count,
    format_money,
    format_percent,
    heading,
)

# -- format_money ---------------------------------------------------------------


def test_money_default_is_wan_yuan_with_two_places_and_separators() -> None:
    """An amount shows in 万元 with two decimals and thousands separators."""
    assert format_money(Money("1054.9")) == "1,054.90万元"
    assert format_money(Money("1234567.5")) == "1,234,567.50万元"
    assert format_money(Money("980")) == "980.00万元"


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        ("0.125", "0.13万元"),
        ("2.675", "2.68万元"),
        ("-0.125", "-0.13万元"),
        ("0.145", "0.15万元"),
        ("1.005", "1.01万元"),
    ],
)
def test_money_rounds_half_up(amount: str, shown: str) -> None:
    """Ties round away from zero (四舍五入), never to even."""
    assert format_money(Money(amount)) == shown


def test_babel_alone_would_round_half_even() -> None:
    """Babel's own rounding gives 0.12 for 0.125, which is why budgetkit rounds first."""
    assert format_decimal(Decimal("0.125"), format="#,##0.00", locale="zh_CN") == "0.12"
    assert format_money(Money("0.125")) == "0.13万元"


def test_money_negative_keeps_sign_before_number() -> None:
    """A negative amount reads -1,054.90万元."""
    assert format_money(Money("-1054.9")) == "-1,054.90万元"


def test_money_that_rounds_to_zero_has_no_minus_sign() -> None:
    """A tiny negative amount that rounds to zero shows 0.00, not -0.00."""
    assert format_money(Money("-0.001")) == "0.00万元"


def test_money_in_yuan_converts_exactly() -> None:
    """Unit 元 shows the exact yuan amount, e.g. a 599.79 元 meal."""
    assert format_money(Money.from_yuan("599.79"), unit="元") == "599.79元"
    assert format_money(Money("0.059979"), unit="元") == "599.79元"
    assert format_money(Money("1054.9"), unit="元") == "10,549,000.00元"


def test_money_in_yi_yuan_divides_before_rounding() -> None:
    """Unit 亿元 divides by 10,000 exactly, then rounds once half-up."""
    assert format_money(Money("123456"), unit="亿元") == "12.35亿元"
    assert format_money(Money("125"), unit="亿元") == "0.01亿元"  # 0.0125 → 0.01
    assert format_money(Money("150"), unit="亿元") == "0.02亿元"  # 0.015 is a tie → up


def test_money_places_are_explicit() -> None:
    """``places`` sets the decimals shown, including none."""
    assert format_money(Money("1054.5"), places=0) == "1,055万元"
    assert format_money(Money("0.059979"), places=4) == "0.0600万元"


def test_money_english_renderings() -> None:
    """English puts CNY, (10k CNY) or (100m CNY) after the number."""
    assert format_money(Money("1054.9"), locale="en") == "1,054.90 (10k CNY)"
    assert format_money(Money("1054.9"), unit="元", locale="en") == "10,549,000.00 CNY"
    assert format_money(Money("123456"), unit="亿元", locale="en") == "12.35 (100m CNY)"
    assert format_money(Money("-1054.9"), locale="en") == "-1,054.90 (10k CNY)"


def test_money_other_locales_use_their_own_separators() -> None:
    """A German locale swaps the separators but keeps half-up rounding."""
    assert format_money(Money("1234.125"), locale="de") == "1.234,13 (10k CNY)"


def test_money_keeps_every_digit_of_the_largest_amounts() -> None:
    """A 30-digit amount in 元 prints digit for digit (Babel would otherwise hit precision 28)."""
    digits = "123456789012345678901234567890"
    shown = format_money(Money(digits), unit="元")
    assert shown.removesuffix("元").replace(",", "") == digits + "0000.00"


def test_money_refuses_unknown_unit() -> None:
    """An unknown unit raises UnknownUnitError naming the known units."""
    with pytest.raises(UnknownUnitError, match="万元"):
        format_money(Money(1), unit="千元")  # type: ignore[arg-type]


@pytest.mark.parametrize("places", [-1, 13, True])
def test_money_refuses_bad_places(places: int) -> None:
    """``places`` must be an int from 0 to 12."""
    with pytest.raises(InvalidNumberError):
        format_money(Money(1), places=places)


def test_money_refuses_non_money() -> None:
    """A bare Decimal is not Money; the caller must say which unit it is in."""
    with pytest.raises(TypeError):
        format_money(Decimal("1"))  # type: ignore[arg-type]


@given(
    st.decimals(min_value="-1e12", max_value="1e12", places=6, allow_nan=False, allow_infinity=False),
    st.integers(min_value=0, max_value=6),
    st.sampled_from([("元", 4), ("万元", 0), ("亿元", -4)]),
)
def test_money_parses_back_to_half_up_rounded_value(amount: Decimal, places: int, unit_shift: tuple[str, int]) -> None:
    """Removing separators and unit from format_money gives the half-up rounded amount in that unit."""
    unit, shift = unit_shift
    shown = format_money(Money(amount), unit=unit, places=places)  # type: ignore[arg-type]
    number = Decimal(shown.removesuffix(unit).replace(",", ""))
    expected = round_half_up(amount.scaleb(shift), places)
    assert number == expected
    assert places == 0 or len(shown.removesuffix(unit).split(".")[1]) == places


# -- format_percent ---------------------------------------------------------------


def test_percent_of_ratio() -> None:
    """A Ratio shows as a half-up percentage: 66.02/988.88 is 6.68%."""
    assert format_percent(Money("66.02") / Money("988.88")) == "6.68%"
    assert format_percent(Ratio(1, 8), 1) == "12.5%"
    assert format_percent(Ratio(1, 800)) == "0.13%"  # 0.125% is a tie → up


def test_percent_of_decimal_is_already_in_percent() -> None:
    """A Decimal is taken as a percentage and rounded half-up."""
    assert format_percent(Decimal("6.675")) == "6.68%"
    assert format_percent(Decimal("-0.125")) == "-0.13%"
    assert format_percent(Decimal("1055.4"), 1) == "1,055.4%"


def test_percent_undefined_reads_not_comparable() -> None:
    """An undefined ratio or None reads --（基数为0，不可比）, or n/a (zero base) in English."""
    assert format_percent(Ratio(5, 0)) == NOT_COMPARABLE
    assert format_percent(None) == "--（基数为0，不可比）"
    assert format_percent(Ratio(0, 0), locale="en") == "n/a (zero base)"


def test_percent_english() -> None:
    """English percentages use the same digits and a % sign."""
    assert format_percent(Ratio(Decimal("66.02"), Decimal("988.88")), locale="en") == "6.68%"


def test_percent_refuses_float() -> None:
    """A float rate is refused rather than converted."""
    with pytest.raises(FloatRefusedError):
        format_percent(6.68)  # type: ignore[arg-type]


# -- format_compact -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        ("0", "0.00元"),
        ("0.5", "5,000.00元"),
        ("0.059979", "599.79元"),
        ("0.9999994", "9,999.99元"),  # 9,999.994 元 rounds below 10,000 元
        ("0.9999995", "1.00万元"),  # 9,999.995 元 rounds to 10,000.00 元 → 万元
        ("1", "1.00万元"),
        ("1054.9", "1,054.90万元"),
        ("9999.994", "9,999.99万元"),
        ("9999.995", "1.00亿元"),  # rounds to 10,000.00 万元 → 亿元
        ("9999.999", "1.00亿元"),
        ("123456", "12.35亿元"),
    ],
)
def test_compact_rounds_before_choosing_the_unit(amount: str, shown: str) -> None:
    """The unit is chosen from the rounded figure, so 10,000.00 of a unit never shows."""
    assert format_compact(Money(amount)) == shown
    assert format_compact(-Money(amount)) == (shown if shown.startswith("0.00") else "-" + shown)


def test_compact_threshold_depends_on_places() -> None:
    """With more places fewer figures round up to the next unit."""
    assert format_compact(Money("9999.999"), 3) == "9,999.999万元"
    assert format_compact(Money("9999.9995"), 3) == "1.000亿元"
    assert format_compact(Money("9999.5"), 0) == "1亿元"


def test_compact_english() -> None:
    """English compact display uses the English unit labels."""
    assert format_compact(Money("0.5"), locale="en") == "5,000.00 CNY"
    assert format_compact(Money("-123456"), locale="en") == "-12.35 (100m CNY)"


@given(st.decimals(min_value="-1e10", max_value="1e10", places=6, allow_nan=False, allow_infinity=False))
def test_compact_figure_is_between_one_and_ten_thousand(amount: Decimal) -> None:
    """A compact figure is below 10,000 of its unit and at least 1 unless shown in 元."""
    shown = format_compact(Money(amount))
    unit = next(u for u in ("亿元", "万元", "元") if shown.endswith(u))
    shift = {"亿元": -4, "万元": 0, "元": 4}[unit]
    number = Decimal(shown.removesuffix(unit).replace(",", ""))
    assert number == round_half_up(amount.scaleb(shift), 2)
    assert unit == "亿元" or abs(number) < 10000
    assert unit == "元" or abs(number) >= 1


# -- format_count -------------------------------------------------------------------


def test_count_with_measure_word() -> None:
    """A count is followed directly by its measure word and grouped by thousands."""
    assert format_count(8, "批次") == "8批次"
    assert format_count(12000, "人次") == "12,000人次"
    assert format_count(Decimal("2.50"), "天") == "2.50天"


def test_count_english_adds_a_space() -> None:
    """English puts a space between the number and the unit."""
    assert format_count(3, "visits", locale="en") == "3 visits"
    assert format_count(1200, "", locale="en") == "1,200"


def test_count_refuses_float() -> None:
    """A float count is refused."""
    with pytest.raises(FloatRefusedError):
        format_count(8.0, "批次")  # type: ignore[arg-type]


# -- chinese_ordinal and heading ---------------------------------------------------

_REFERENCE_DIGITS = ["一", "二", "三", "四", "五", "六", "七", "八", "九"]


def _reference_ordinals() -> list[str]:
    """Chinese numerals 1..99 built as a table, independently of the module's divmod logic."""
    table = list(_REFERENCE_DIGITS)  # 1..9
    for tens_word in ["十"] + [d + "十" for d in _REFERENCE_DIGITS[1:]]:  # 10, 20, .. 90
        table.append(tens_word)
        table.extend(tens_word + d for d in _REFERENCE_DIGITS)
    return table


def test_ordinals_one_to_ninety_nine_match_reference() -> None:
    """Every number 1..99 is written as in the reference table (十一, not 一十一)."""
    reference = _reference_ordinals()
    assert len(reference) == 99
    assert [chinese_ordinal(n) for n in range(1, 100)] == reference


def test_ordinal_spot_checks() -> None:
    """Familiar numerals come out as written by hand."""
    assert chinese_ordinal(1) == "一"
    assert chinese_ordinal(10) == "十"
    assert chinese_ordinal(15) == "十五"
    assert chinese_ordinal(20) == "二十"
    assert chinese_ordinal(99) == "九十九"


def test_ordinals_above_one_hundred() -> None:
    """Hundreds use 零 for a missing ten and keep 一十 after 百."""
    assert chinese_ordinal(100) == "一百"
    assert chinese_ordinal(101) == "一百零一"
    assert chinese_ordinal(110) == "一百一十"
    assert chinese_ordinal(111) == "一百一十一"
    assert chinese_ordinal(999) == "九百九十九"


def test_ordinals_are_distinct() -> None:
    """No two numbers up to the maximum share a numeral."""
    assert len({chinese_ordinal(n) for n in range(1, MAX_ORDINAL + 1)}) == MAX_ORDINAL


@pytest.mark.parametrize("n", [0, -1, MAX_ORDINAL + 1])
def test_ordinal_out_of_range_is_a_budgetkit_value_error(n: int) -> None:
    """Numbers outside 1..999 raise an error that is both BudgetkitError and ValueError."""
    with pytest.raises(InvalidNumberError) as info:
        chinese_ordinal(n)
    assert isinstance(info.value, BudgetkitError)
    assert isinstance(info.value, ValueError)
    assert info.value.given == n


def test_ordinal_refuses_non_int() -> None:
    """Bools and strings are not heading numbers."""
    with pytest.raises(FloatRefusedError):
        chinese_ordinal(True)
    with pytest.raises(TypeError):
        chinese_ordinal("1")  # type: ignore[arg-type]


def test_heading_styles() -> None:
    """Style 、 gives 一、 and style （） gives （一）."""
    assert heading(1) == "一、"
    assert heading(11) == "十一、"
    assert heading(1, style="（）") == "（一）"
    assert heading(23, style="（）") == "（二十三）"


def test_heading_refuses_unknown_style_and_zero() -> None:
    """An unknown style raises ModelError; heading 0 raises InvalidNumberError."""
    with pytest.raises(ModelError, match="heading style"):
        heading(1, style="()")  # type: ignore[arg-type]
    with pytest.raises(InvalidNumberError):
        heading(0)
