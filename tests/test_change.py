"""Tests for budgetkit.values.change: year-over-year changes in the words of 决算说明."""

from __future__ import annotations

import decimal
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from budgetkit import Change, Direction, Money, Ratio, change

amounts = st.builds(
    lambda units, places: Money(Decimal(units).scaleb(-places)),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.integers(min_value=0, max_value=6),
)


def test_increase_wording() -> None:
    """A rise reads 增加…万元，增长…%, as in the published example."""
    assert change(Money("1054.90"), Money("988.88")).describe() == "增加66.02万元，增长6.68%"


def test_decrease_wording() -> None:
    """A fall reads 减少…万元，下降…%, with both figures unsigned."""
    assert change(Money("1.00"), Money("1.50")).describe() == "减少0.50万元，下降33.33%"
    assert change(Money("988.88"), Money("1054.90")).describe() == "减少66.02万元，下降6.26%"


@pytest.mark.parametrize(("current", "previous"), [("3", "3.00"), ("0", "0"), ("-2.5", "-2.50")])
def test_equal_values_read_flat(current: str, previous: str) -> None:
    """Equal amounts read 持平, whatever places they were written with."""
    c = change(Money(current), Money(previous))
    assert c.describe() == "持平"
    assert c.direction is Direction.UNCHANGED
    assert c.difference.is_zero()


def test_zero_previous_has_no_growth_rate() -> None:
    """From a zero base the amount is given but the rate is said to be not comparable."""
    c = change(Money("5"), Money("0"))
    assert c.describe() == "增加5.00万元，增长率--（基数为0，不可比）"
    assert c.growth.is_undefined
    assert c.growth.percent() is None
    assert "%" not in c.describe()


def test_fall_to_below_a_zero_base() -> None:
    """A fall from zero reads 减少 and is not comparable either."""
    assert change(Money("-1.5"), Money("0.00")).describe() == "减少1.50万元，增长率--（基数为0，不可比）"


def test_amount_has_thousands_separators() -> None:
    """The amount in the sentence groups thousands."""
    assert change(Money("2000"), Money("500")).describe() == "增加1,500.00万元，增长300.00%"


def test_amount_and_rate_round_half_up() -> None:
    """Both figures in the sentence are 四舍五入 to the places asked for."""
    assert change(Money("1.005"), Money("1.000")).describe() == "增加0.01万元，增长0.50%"
    assert change(Money("1.00"), Money("1.50")).describe(1) == "减少0.5万元，下降33.3%"
    assert change(Money("2.80"), Money("2.22")).describe(0) == "增加1万元，增长26%"


def test_rounding_ignores_the_callers_context() -> None:
    """Banker's rounding in the caller's context does not leak into the sentence."""
    with decimal.localcontext() as ctx:
        ctx.rounding = decimal.ROUND_HALF_EVEN
        assert change(Money("1.125"), Money("1")).describe() == "增加0.13万元，增长12.50%"


def test_growth_base_is_the_absolute_previous_value() -> None:
    """A rise from a negative balance reads as growth over |previous|."""
    c = change(Money("-1"), Money("-2"))
    assert c.direction is Direction.INCREASE
    assert c.growth == Ratio(1, 2)
    assert c.describe() == "增加1.00万元，增长50.00%"


def test_growth_is_exact_in_a_low_precision_context() -> None:
    """The growth base is exact even when the caller lowered decimal precision."""
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        c = change(Money("123456.78"), Money("-100000.01"))
        assert c.growth.denominator == Decimal("100000.01")
        assert c.growth.numerator == Decimal("223456.79")


def test_difference_and_growth() -> None:
    """difference is current − previous exactly; growth is the exact ratio to the base."""
    c = change(Money("2.80"), Money("2.22"))
    assert str(c.difference.amount) == "0.58"
    assert c.growth == Ratio(Decimal("0.58"), Decimal("2.22"))
    assert c.growth.format() == "26.13%"


def test_direction_words() -> None:
    """Each direction carries the amount word and the rate word of the report."""
    assert (Direction.INCREASE.value, Direction.INCREASE.rate_word) == ("增加", "增长")
    assert (Direction.DECREASE.value, Direction.DECREASE.rate_word) == ("减少", "下降")
    assert (Direction.UNCHANGED.value, Direction.UNCHANGED.rate_word) == ("持平", "持平")


@pytest.mark.parametrize(
    ("current", "previous"),
    [(Decimal("1"), Money("1")), (Money("1"), "1"), (1054.90, Money("1")), (Money("1"), 0), (None, Money("1"))],
)
def test_refuses_non_money(current: object, previous: object) -> None:
    """change() takes two Money amounts and nothing else."""
    with pytest.raises(TypeError):
        change(current, previous)  # type: ignore[arg-type]


def test_change_is_frozen() -> None:
    """A Change cannot be altered after it is made."""
    c = change(Money("2"), Money("1"))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        c.current = Money("3")  # type: ignore[misc]
    assert isinstance(c, Change)


@given(amounts, amounts)
def test_difference_is_current_minus_previous(current: Money, previous: Money) -> None:
    """difference == current − previous, exactly."""
    c = change(current, previous)
    assert c.difference == current - previous
    assert Fraction(c.difference.amount) == Fraction(current.amount) - Fraction(previous.amount)


@given(amounts, amounts)
def test_wording_follows_the_direction(current: Money, previous: Money) -> None:
    """The sentence opens with 增加 for a rise, 减少 for a fall, and is 持平 only for equal amounts."""
    text = change(current, previous).describe()
    not_comparable = "，增长率--（基数为0，不可比）"
    body = text.removesuffix(not_comparable)
    if current > previous:
        assert body.startswith("增加")
        assert "下降" not in body
    elif current < previous:
        assert body.startswith("减少")
        assert "增长" not in body
    else:
        assert text == "持平"
    assert (body != text) == (previous.is_zero() and current != previous)
    assert "-" not in body  # amounts are unsigned: the word carries the direction


@given(amounts, amounts.filter(lambda m: not m.is_zero()))
def test_rate_in_the_sentence_is_the_rounded_growth(current: Money, previous: Money) -> None:
    """The rate printed is |difference| / |previous| as a percentage, rounded half-up."""
    c = change(current, previous)
    if c.direction is Direction.UNCHANGED:
        return
    rate = Ratio(abs(c.difference).amount, abs(previous).amount).percent(2)
    assert c.describe().endswith(f"{c.direction.rate_word}{rate}%")
