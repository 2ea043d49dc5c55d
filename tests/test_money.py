"""Tests for budgetkit.values.money: exact amounts in 万元."""

from __future__ import annotations

import copy
import decimal
import pickle
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from budgetkit import Money, Ratio
from budgetkit.errors import BudgetkitError, FloatRefusedError, InvalidNumberError
from budgetkit.values.money import InexactDivisionError

# Amounts as they reach budgetkit: plain text, up to 12 places, at most 30 digits.
amount_texts = st.builds(
    lambda units, places: f"{Decimal(units).scaleb(-places):f}",
    st.integers(min_value=-(10**17), max_value=10**17),
    st.integers(min_value=0, max_value=12),
)
# Down to one 分 (0.000001 万元): str() of these is plain notation.
published_texts = st.builds(
    lambda units, places: f"{Decimal(units).scaleb(-places):f}",
    st.integers(min_value=-(10**17), max_value=10**17),
    st.integers(min_value=0, max_value=6),
)
factors = st.one_of(
    st.integers(min_value=-(10**6), max_value=10**6),
    st.builds(
        lambda units, places: Decimal(units).scaleb(-places),
        st.integers(min_value=-(10**8), max_value=10**8),
        st.integers(min_value=0, max_value=6),
    ),
)


# -- construction -------------------------------------------------------------


def test_constructs_from_str_int_and_decimal() -> None:
    """Money takes str, int or Decimal and keeps the exact amount."""
    assert Money("1054.90").amount == Decimal("1054.90")
    assert Money(12).amount == Decimal(12)
    assert Money(Decimal("-0.059979")).amount == Decimal("-0.059979")
    assert Money("１２.５") == Money("12.5")


def test_keeps_the_places_it_was_written_with() -> None:
    """Money('2.00') remembers two places; its amount prints as written."""
    assert str(Money("2.00").amount) == "2.00"
    assert str(Money("1054.9").amount) == "1054.9"


def test_default_is_zero() -> None:
    """Money() is zero."""
    assert Money() == Money(0)
    assert Money().is_zero()
    assert not Money()


def test_constructing_from_money_returns_it() -> None:
    """Money(money) is the same amount (the same object, since Money is immutable)."""
    m = Money("3.30")
    assert Money(m) is m


@pytest.mark.parametrize("bad", [0.1, 1.0, True, float("nan")])
def test_refuses_floats_and_bools(bad: object) -> None:
    """Money never takes a float or bool, not even a round one."""
    with pytest.raises(FloatRefusedError):
        Money(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["1e5", "NaN", "1,000.00", "", "12万元", Decimal("Infinity")])
def test_refuses_text_that_is_not_an_amount(bad: str | Decimal) -> None:
    """Money refuses what to_decimal refuses, with InvalidNumberError."""
    with pytest.raises(InvalidNumberError):
        Money(bad)


def test_from_yuan_is_exact() -> None:
    """599.79元 is exactly 0.059979万元, every digit kept."""
    m = Money.from_yuan("599.79")
    assert m == Money("0.059979")
    assert str(m.amount) == "0.059979"
    assert str(m) == "0.059979万元"


def test_from_yuan_keeps_the_precision_of_the_yuan_figure() -> None:
    """770元 printed to the 元 is 0.0770万元: known to 0.0001万元."""
    assert str(Money.from_yuan(770).amount) == "0.0770"
    assert str(Money.from_yuan(Decimal("12.34")).amount) == "0.001234"


def test_yuan_gives_back_the_yuan_figure() -> None:
    """.yuan converts back to 元 exactly, in plain notation."""
    assert Money.from_yuan("599.79").yuan == Decimal("599.79")
    assert str(Money.from_yuan("599.79").yuan) == "599.79"
    assert str(Money("1.5").yuan) == "15000"
    assert str(Money("1054.90").yuan) == "10549000"
    assert str(Money(0).yuan) == "0"


def test_from_yuan_refuses_floats() -> None:
    """from_yuan goes through the same door and refuses floats."""
    with pytest.raises(FloatRefusedError):
        Money.from_yuan(599.79)  # type: ignore[arg-type]


@given(st.integers(min_value=-(10**14), max_value=10**14), st.integers(min_value=0, max_value=8))
def test_yuan_round_trip_keeps_digits(units: int, places: int) -> None:
    """from_yuan(y).yuan is y, digit for digit."""
    yuan = Decimal(units).scaleb(-places)
    text = f"{yuan:f}"
    back = Money.from_yuan(text).yuan
    assert back.as_tuple() == yuan.as_tuple()
    assert f"{back:f}" == text


# -- arithmetic -----------------------------------------------------------------


def test_adds_and_subtracts_exactly() -> None:
    """Sums and differences are exact, with the finer of the two precisions."""
    assert Money("1054.90") - Money("988.88") == Money("66.02")
    assert str((Money("1054.90") - Money("988.88")).amount) == "66.02"
    assert str((Money("0.1") + Money("0.2")).amount) == "0.3"
    assert str((Money("980") + Money("0.059979")).amount) == "980.059979"


@pytest.mark.parametrize("other", [1, Decimal(1), "1", None, Ratio(1, 2)])
def test_adds_and_subtracts_only_money(other: object) -> None:
    """Adding or subtracting anything but Money is a TypeError, on either side."""
    m = Money("1.00")
    with pytest.raises(TypeError):
        m + other  # type: ignore[operator]
    with pytest.raises(TypeError):
        other + m  # type: ignore[operator]
    with pytest.raises(TypeError):
        m - other  # type: ignore[operator]


@pytest.mark.parametrize("other", [0.5, 0.0, True])
def test_add_refuses_floats_as_floats(other: object) -> None:
    """A float or bool operand is reported as FloatRefusedError, whichever side it is on."""
    m = Money("1.00")
    with pytest.raises(FloatRefusedError):
        m + other  # type: ignore[operator]
    with pytest.raises(FloatRefusedError):
        other + m  # type: ignore[operator]
    with pytest.raises(FloatRefusedError):
        m - other  # type: ignore[operator]


def test_multiplies_by_int_and_decimal_exactly() -> None:
    """* takes an int or Decimal on either side and never rounds."""
    assert str((Money("12.50") * 3).amount) == "37.50"
    assert 3 * Money("12.50") == Money("37.50")
    assert str((Money("1054.90") * Decimal("0.15")).amount) == "158.2350"
    assert Decimal("0.15") * Money("1054.90") == Money("158.235")


@pytest.mark.parametrize("factor", [0.5, 2.0, True])
def test_multiply_refuses_floats(factor: object) -> None:
    """Multiplying by a float or bool is refused on either side."""
    with pytest.raises(FloatRefusedError):
        Money("2") * factor  # type: ignore[operator]
    with pytest.raises(FloatRefusedError):
        factor * Money("2")  # type: ignore[arg-type]


@pytest.mark.parametrize("factor", ["2", Money("2"), None])
def test_multiply_refuses_non_numbers(factor: object) -> None:
    """Money * Money or Money * str makes no sense and is a TypeError."""
    with pytest.raises(TypeError):
        Money("2") * factor  # type: ignore[operator]


def test_multiply_refuses_hostile_factors() -> None:
    """A factor goes through the number door, so 'too precise' is refused."""
    with pytest.raises(InvalidNumberError):
        Money("2") * Decimal("1E-13")


def test_divides_by_int_and_decimal_when_exact() -> None:
    """Exact division by a number gives Money with the natural places."""
    assert str((Money("10.00") / 4).amount) == "2.50"
    assert Money("10") / 4 == Money("2.5")
    assert Money("1.00") / Decimal("0.5") == Money("2")
    assert Money("-9") / 3 == Money("-3")


@pytest.mark.parametrize(("amount", "divisor"), [("10", 3), ("1.00", 7), ("1", Decimal("3"))])
def test_inexact_division_raises(amount: str, divisor: int | Decimal) -> None:
    """A division that would need rounding raises InexactDivisionError, pointing at allocate()."""
    with pytest.raises(InexactDivisionError) as info:
        Money(amount) / divisor
    assert isinstance(info.value, ArithmeticError)
    assert isinstance(info.value, BudgetkitError)
    assert "allocate" in str(info.value)


@pytest.mark.parametrize("zero", [0, Decimal(0), Decimal("0.00")])
def test_division_by_zero_number_raises(zero: int | Decimal) -> None:
    """Dividing an amount by the number zero is a ZeroDivisionError, not a Money."""
    with pytest.raises(ZeroDivisionError):
        Money("1") / zero


def test_divide_refuses_floats() -> None:
    """Dividing by a float is refused."""
    with pytest.raises(FloatRefusedError):
        Money("1") / 0.5


def test_money_over_money_is_a_ratio() -> None:
    """Money / Money is an exact Ratio, undefined when the base is zero."""
    r = Money("66.02") / Money("988.88")
    assert isinstance(r, Ratio)
    assert r.numerator == Decimal("66.02")
    assert r.denominator == Decimal("988.88")
    assert (Money("1") / Money("0")).is_undefined


def test_unary_minus_plus_and_abs() -> None:
    """-m, +m and abs(m) keep the digits."""
    assert str((-Money("1.50")).amount) == "-1.50"
    assert str((-Money("-1.50")).amount) == "1.50"
    assert +Money("1.50") == Money("1.50")
    assert str(abs(Money("-1.50")).amount) == "1.50"
    assert str(-Money("0.00")) == "0.00万元"


def test_arithmetic_is_exact_whatever_the_callers_context() -> None:
    """A caller's low decimal precision never rounds Money arithmetic, sign changes included."""
    big = Money("123456789012345678901234567.891")
    with decimal.localcontext() as ctx:
        ctx.prec = 5
        assert str((big + Money("0.009")).amount) == "123456789012345678901234567.900"
        assert str((big - big).amount) == "0.000"
        assert str((-big).amount) == "-123456789012345678901234567.891"
        assert str(abs(-big).amount) == "123456789012345678901234567.891"
        assert str((big * 2).amount) == "246913578024691357802469135.782"


# -- comparison, hashing ---------------------------------------------------------


def test_compares_by_value() -> None:
    """Comparisons look at the amount, not the written places."""
    assert Money("1.0") == Money("1.00")
    assert Money("1.00") != Money("1.01")
    assert Money("-1") < Money("0") < Money("0.000001")
    assert Money("2") <= Money("2.00")
    assert Money("3") > Money("2.99")
    assert Money("3") >= Money("3.000")
    assert sorted([Money("2"), Money("-1"), Money("0.5")]) == [Money("-1"), Money("0.5"), Money("2")]
    assert max(Money("1"), Money("10")) == Money("10")


def test_money_is_not_equal_to_bare_numbers() -> None:
    """Money('1') is not equal to 1 or Decimal('1'): an amount has a unit."""
    assert Money("1") != 1
    assert Money("1") != Decimal("1")
    assert Money("1") != "1"


@pytest.mark.parametrize("other", [1, Decimal("1"), "1"])
def test_ordering_refuses_non_money(other: object) -> None:
    """Ordering Money against a bare number is a TypeError."""
    m = Money("1")
    with pytest.raises(TypeError):
        _ = m < other  # type: ignore[operator]
    with pytest.raises(TypeError):
        _ = m >= other  # type: ignore[operator]


def test_ordering_refuses_floats() -> None:
    """Comparing Money with a float is refused as a float, whichever operator."""
    m = Money("1")
    for compare in (m.__lt__, m.__le__, m.__gt__, m.__ge__):
        with pytest.raises(FloatRefusedError):
            compare(0.5)  # type: ignore[arg-type]
    with pytest.raises(FloatRefusedError):
        m > 0.5  # type: ignore[operator]  # noqa: B015


def test_hash_agrees_with_equality() -> None:
    """Equal amounts hash alike, so Money('1.0') and Money('1.00') are one dict key."""
    assert hash(Money("1.0")) == hash(Money("1.00"))
    assert len({Money("1.0"), Money("1.00"), Money("1"), Money("2")}) == 2
    assert {Money("0.50"): "x"}[Money("0.5")] == "x"


def test_truthiness_and_is_zero() -> None:
    """Only a zero amount is falsy."""
    assert not Money("0.00")
    assert Money("0.00").is_zero()
    assert Money("-0.01")
    assert not Money("-0.01").is_zero()


# -- sums ------------------------------------------------------------------------


def test_sum_with_money_start() -> None:
    """sum(amounts, Money(0)) is exact."""
    assert sum([Money("0.1"), Money("0.2")], Money(0)) == Money("0.3")
    assert str(sum([Money("1.10"), Money("2.2")], Money(0)).amount) == "3.30"


def test_builtin_sum_without_start() -> None:
    """sum(amounts) works for a non-empty list, starting from the int 0."""
    total = sum([Money("980"), Money("18.93"), Money("27.05")])  # type: ignore[list-item]
    assert isinstance(total, Money)
    assert str(total.amount) == "1025.98"


def test_money_sum() -> None:
    """Money.sum is exact, takes any iterable, and an empty sum is Money(0)."""
    assert Money.sum([]) == Money(0)
    assert isinstance(Money.sum([]), Money)
    assert str(Money.sum([Money("1.10"), Money("2.2")]).amount) == "3.30"
    assert Money.sum(Money(i) for i in range(5)) == Money(10)


def test_money_sum_refuses_non_money() -> None:
    """Money.sum refuses bare numbers, and floats as floats."""
    with pytest.raises(TypeError):
        Money.sum([Money("1"), Decimal("1")])  # type: ignore[list-item]
    with pytest.raises(FloatRefusedError):
        Money.sum([Money("1"), 0.5])  # type: ignore[list-item]


# -- rounding --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "places", "expected"),
    [
        ("0.125", 2, "0.13"),
        ("-0.125", 2, "-0.13"),
        ("2.675", 2, "2.68"),
        ("1054.895", 2, "1054.90"),
        ("0.059979", 2, "0.06"),
        ("0.059979", 4, "0.0600"),
        ("2.5", 0, "3"),
        ("980", 2, "980.00"),
    ],
)
def test_round_is_half_up(amount: str, places: int, expected: str) -> None:
    """round() is 四舍五入 (half away from zero) to exactly `places` places."""
    assert str(Money(amount).round(places).amount) == expected


def test_round_defaults_to_two_places() -> None:
    """m.round() gives the two places of a published 万元 figure."""
    assert str(Money("0.125").round().amount) == "0.13"


def test_builtin_round() -> None:
    """round(m, n) rounds half-up like m.round(n); round(m) rounds to whole 万元."""
    assert round(Money("2.675"), 2) == Money("2.68")
    assert round(Money("2.5")) == Money("3")
    assert isinstance(round(Money("2.5")), Money)


def test_round_ignores_the_callers_rounding_mode() -> None:
    """Banker's rounding set by the caller does not leak into Money.round."""
    with decimal.localcontext() as ctx:
        ctx.rounding = decimal.ROUND_HALF_EVEN
        assert Money("0.125").round(2) == Money("0.13")


# -- display ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        ("1054.9", "1,054.90万元"),
        ("1054.90", "1,054.90万元"),
        ("980", "980.00万元"),
        ("0", "0.00万元"),
        ("1234567.8", "1,234,567.80万元"),
        ("-1234.5", "-1,234.50万元"),
        ("0.059979", "0.059979万元"),
        ("-0.059979", "-0.059979万元"),
        ("0.0000001", "0.0000001万元"),
    ],
)
def test_str_shows_at_least_two_places_and_more_when_finer(amount: str, text: str) -> None:
    """str() groups thousands, shows two places, and every finer digit the amount has."""
    assert str(Money(amount)) == text


def test_str_of_a_positive_exponent_amount_is_plain() -> None:
    """An amount held with a positive exponent still prints in plain notation."""
    assert str(Money(Decimal("1E+2"))) == "100.00万元"
    assert str(Money("100") / Decimal("0.5")) == "200.00万元"


def test_repr() -> None:
    """repr() shows the constructor call with the exact digits."""
    assert repr(Money("1054.90")) == "Money('1054.90')"
    assert eval(repr(Money("-0.059979"))) == Money("-0.059979")


def test_format_with_empty_spec_is_str() -> None:
    """f'{m}' reads like str(m)."""
    assert f"{Money('1054.9')}" == "1,054.90万元"


def test_format_spec_formats_the_amount() -> None:
    """A format spec applies to the bare amount."""
    assert f"{Money('1054.9'):,.2f}" == "1,054.90"
    assert f"{Money('0.05'):.1%}" == "5.0%"


@pytest.mark.parametrize(("amount", "text"), [("0.125", "0.13"), ("-0.125", "-0.13"), ("2.665", "2.67")])
def test_format_spec_rounds_half_up(amount: str, text: str) -> None:
    """Rounding in a format spec is 四舍五入 too, not the banker's rounding of the default context."""
    assert f"{Money(amount):.2f}" == text


# -- immutability, pickling --------------------------------------------------------


def test_is_immutable() -> None:
    """No attribute of Money can be set, replaced or deleted."""
    m = Money("1.00")
    with pytest.raises(AttributeError):
        m._amount = Decimal(2)
    with pytest.raises(AttributeError):
        m.amount = Decimal(2)  # type: ignore[misc]
    with pytest.raises(AttributeError):
        m.note = "x"
    with pytest.raises(AttributeError):
        del m._amount
    assert m == Money("1.00")
    assert not hasattr(m, "__dict__")


@pytest.mark.parametrize(
    "m",
    [
        Money("1054.90"),
        Money("-0.059979"),
        Money("0"),
        Money("0.0000001"),
        Money(Decimal("1E+2")),
        Money("100") / Decimal("0.5"),
        Money("123.456789") * Decimal("0.123456789"),
        Money("9" * 30) + Money("1"),
    ],
    ids=repr,
)
def test_pickle_and_copy_keep_every_digit(m: Money) -> None:
    """pickle, copy and deepcopy give back the amount with identical digits."""
    for twin in (pickle.loads(pickle.dumps(m)), copy.copy(m), copy.deepcopy(m)):
        assert type(twin) is Money
        assert twin == m
        assert str(twin.amount) == str(m.amount)


# -- properties ------------------------------------------------------------------


@given(amount_texts, amount_texts)
def test_addition_and_subtraction_are_exact(a: str, b: str) -> None:
    """+ and - equal rational arithmetic on the written values."""
    assert Fraction((Money(a) + Money(b)).amount) == Fraction(a) + Fraction(b)
    assert Fraction((Money(a) - Money(b)).amount) == Fraction(a) - Fraction(b)


@given(st.lists(amount_texts, max_size=30))
def test_sums_are_exact(texts: list[str]) -> None:
    """Money.sum and sum(..., Money(0)) equal the rational sum of the written values."""
    monies = [Money(t) for t in texts]
    expected = sum((Fraction(t) for t in texts), Fraction(0))
    assert Fraction(Money.sum(monies).amount) == expected
    assert Fraction(sum(monies, Money(0)).amount) == expected


@given(amount_texts, factors)
def test_multiplication_is_exact(a: str, factor: int | Decimal) -> None:
    """m * k equals rational multiplication, whichever side k is on."""
    expected = Fraction(a) * Fraction(factor)
    assert Fraction((Money(a) * factor).amount) == expected
    assert Fraction((factor * Money(a)).amount) == expected


@given(amount_texts, factors.filter(bool))
def test_division_is_exact_or_refused(a: str, divisor: int | Decimal) -> None:
    """m / k is the exact quotient when it has a finite decimal form, and InexactDivisionError otherwise."""
    expected = Fraction(a) / Fraction(divisor)
    try:
        result = Money(a) / divisor
    except InexactDivisionError:
        denominator = expected.denominator
        for prime in (2, 5):
            while denominator % prime == 0:
                denominator //= prime
        assert denominator != 1
    else:
        assert Fraction(result.amount) == expected


@given(amount_texts)
def test_negation_and_abs_are_exact(a: str) -> None:
    """-m and abs(m) change only the sign."""
    assert Fraction((-Money(a)).amount) == -Fraction(a)
    assert Fraction(abs(Money(a)).amount) == abs(Fraction(a))


@given(amount_texts, amount_texts)
def test_ordering_matches_the_values(a: str, b: str) -> None:
    """Money orders exactly as the written values do."""
    assert (Money(a) < Money(b)) == (Fraction(a) < Fraction(b))
    assert (Money(a) == Money(b)) == (Fraction(a) == Fraction(b))


@given(published_texts)
def test_str_of_amount_round_trips(text: str) -> None:
    """Money(str(m.amount)) == m, digit for digit, for amounts down to one 分."""
    m = Money(text)
    again = Money(str(m.amount))
    assert again == m
    assert str(again.amount) == str(m.amount) == text


@given(amount_texts)
def test_plain_format_of_amount_round_trips(text: str) -> None:
    """Money(f'{m.amount:f}') == m, digit for digit, at every accepted precision."""
    m = Money(text)
    assert f"{Money(f'{m.amount:f}').amount:f}" == text


@given(amount_texts)
def test_pickle_round_trips(text: str) -> None:
    """pickle keeps every digit of every accepted amount."""
    m = Money(text)
    assert pickle.loads(pickle.dumps(m)).amount.as_tuple() == m.amount.as_tuple()


@given(published_texts)
def test_str_agrees_with_decimal_formatting(text: str) -> None:
    """str(m) is the amount grouped by thousands with max(2, places) decimals, plus 万元."""
    m = Money(text)
    places = max(2, -m.amount.as_tuple().exponent)  # type: ignore[operator]
    assert str(m) == f"{Decimal(text):,.{places}f}万元"
