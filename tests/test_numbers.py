"""Tests for budgetkit.values.numbers: the one door through which every number enters."""

from __future__ import annotations

import decimal
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from budgetkit.errors import BudgetkitError, FloatRefusedError, InvalidNumberError
from budgetkit.values.numbers import (
    EXACT,
    MAX_DIGITS,
    MAX_PLACES,
    MAX_STRING_LENGTH,
    places_of,
    round_half_up,
    to_decimal,
)

# -- accepted input ---------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("1054.90", "1054.90"),
        ("0", "0"),
        ("-3.50", "-3.50"),
        ("+7", "7"),
        (".5", "0.5"),
        ("980", "980"),
        ("0.000001", "0.000001"),
        ("-0.059979", "-0.059979"),
    ],
)
def test_accepts_plain_decimal_strings(given: str, expected: str) -> None:
    """A plain decimal string becomes the Decimal it spells, digit for digit."""
    result = to_decimal(given)
    assert type(result) is Decimal
    assert result == Decimal(expected)
    assert str(result) == expected


def test_keeps_the_places_a_figure_was_written_with() -> None:
    """'2.00' keeps two places, so its rounding interval stays known."""
    assert to_decimal("2.00").as_tuple().exponent == -2
    assert str(to_decimal("1054.90")) == "1054.90"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("１２.５", "12.5"),
        ("１０５４．９０", "1054.90"),
        ("－３．５０", "-3.50"),
        ("＋７", "7"),
        ("\u3000１２\u3000", "12"),
    ],
)
def test_accepts_full_width_digits(given: str, expected: str) -> None:
    """Full-width digits, point and signs, as printed in Chinese tables, are read as ASCII ones."""
    assert str(to_decimal(given)) == expected


@pytest.mark.parametrize("given", [" 1.5", "1.5 ", "\t1.5\n", "\u00a01.5", "  1.5  "])
def test_accepts_surrounding_whitespace(given: str) -> None:
    """Spaces, tabs, newlines and no-break spaces around a number are ignored."""
    assert str(to_decimal(given)) == "1.5"


def test_accepts_int() -> None:
    """An int becomes the exact Decimal with no places."""
    assert str(to_decimal(12)) == "12"
    assert str(to_decimal(-980)) == "-980"
    assert str(to_decimal(10**29)) == str(10**29)


def test_accepts_decimal_unchanged() -> None:
    """A finite Decimal passes through with its digits and exponent."""
    value = Decimal("1054.90")
    assert to_decimal(value) is value
    assert str(to_decimal(Decimal("-0.000001"))) == "-0.000001"


def test_accepts_the_limits_exactly() -> None:
    """Exactly MAX_PLACES places and MAX_DIGITS digits are still accepted."""
    assert places_of(to_decimal("0." + "0" * (MAX_PLACES - 1) + "1")) == MAX_PLACES
    assert len(to_decimal("9" * MAX_DIGITS).as_tuple().digits) == MAX_DIGITS


# -- refused input ----------------------------------------------------------


@pytest.mark.parametrize("given", [0.1, 1.0, -0.0, float("nan"), float("inf")])
def test_refuses_float(given: float) -> None:
    """Every float is refused with FloatRefusedError, a TypeError carrying the value."""
    with pytest.raises(FloatRefusedError) as info:
        to_decimal(given)
    assert isinstance(info.value, TypeError)
    assert isinstance(info.value, BudgetkitError)
    assert info.value.given is given


def test_float_message_names_the_value_and_the_fix() -> None:
    """The float message shows the value, says why, and suggests passing a str."""
    with pytest.raises(FloatRefusedError) as info:
        to_decimal(0.1)
    message = str(info.value)
    assert "0.1" in message
    assert "float" in message
    assert "'0.1'" in message


@pytest.mark.parametrize("given", [True, False])
def test_refuses_bool(given: bool) -> None:
    """A bool is not an amount, even though it is an int subclass."""
    with pytest.raises(FloatRefusedError) as info:
        to_decimal(given)
    assert info.value.given is given
    assert "bool" in str(info.value)


def test_refuses_numpy_float64() -> None:
    """numpy.float64 (a float subclass) is refused as a float."""
    with pytest.raises(FloatRefusedError):
        to_decimal(np.float64("0.1"))


@pytest.mark.parametrize("kind", [np.float16, np.float32, np.longdouble])
def test_refuses_other_numpy_floats(kind: type) -> None:
    """numpy floats that are not float subclasses are refused too, naming their type."""
    value = kind("0.5")
    with pytest.raises(BudgetkitError) as info:
        to_decimal(value)
    assert isinstance(info.value, (TypeError, ValueError))
    assert kind.__name__ in str(info.value)


@pytest.mark.parametrize(
    "given", ["NaN", "nan", "-NaN", "sNaN", "Infinity", "-Infinity", "+Infinity", "inf", "-inf", "Inf"]
)
def test_refuses_nan_and_infinity_strings(given: str) -> None:
    """NaN and infinities written as text are refused."""
    with pytest.raises(InvalidNumberError) as info:
        to_decimal(given)
    assert isinstance(info.value, ValueError)
    assert info.value.given == given
    assert repr(given) in str(info.value)


@pytest.mark.parametrize("given", ["NaN", "-NaN", "sNaN", "Infinity", "-Infinity"])
def test_refuses_nan_and_infinity_decimals(given: str) -> None:
    """NaN and infinite Decimals are refused and the message says why."""
    value = Decimal(given)
    with pytest.raises(InvalidNumberError) as info:
        to_decimal(value)
    assert info.value.given is value
    assert "NaN and infinities" in str(info.value)


@pytest.mark.parametrize("given", ["1e5", "1E5", "2.5E+3", "1e-5", "1e999999999", "-1e-999999999", "1E+999999999"])
def test_refuses_exponent_strings(given: str) -> None:
    """Scientific notation is not how a budget table writes an amount; it is refused."""
    with pytest.raises(InvalidNumberError) as info:
        to_decimal(given)
    assert info.value.given == given
    assert repr(given) in str(info.value)
    assert "plain decimal number" in str(info.value)


def test_hostile_exponents_are_refused_at_once() -> None:
    """Huge exponents are refused before any arithmetic, so a thousand attempts finish promptly."""
    refused = 0
    for _ in range(1000):
        for hostile in ("1e999999999", Decimal("1E+999999999"), Decimal("1E-999999999"), 10**200):
            try:
                to_decimal(hostile)
            except InvalidNumberError:
                refused += 1
    assert refused == 4000


@pytest.mark.parametrize("given", [Decimal("1E+31"), Decimal("1E-13"), Decimal("1E+999999999")])
def test_refuses_decimals_outside_the_limits(given: Decimal) -> None:
    """A Decimal too large or too fine is refused like the equivalent text."""
    with pytest.raises(InvalidNumberError):
        to_decimal(given)


@pytest.mark.parametrize("given", ["1,054.90", "1 054.90", "1_054.90", "１，０５４.９０", "1'054.90", "1.054,90"])
def test_refuses_thousands_separators(given: str) -> None:
    """Grouped digits are refused rather than guessed at."""
    with pytest.raises(InvalidNumberError) as info:
        to_decimal(given)
    assert info.value.given == given


@pytest.mark.parametrize("given", ["", "   ", "\u3000", "+", "-", ".", "1.2.3", "abc", "0x10", "1-", "--1", "12元"])
def test_refuses_text_that_is_not_a_number(given: str) -> None:
    """Empty, blank or non-numeric text is refused with the reason in the message."""
    with pytest.raises(InvalidNumberError) as info:
        to_decimal(given)
    assert info.value.given == given
    assert "is not accepted as a number" in str(info.value)
    assert info.value.reason in str(info.value)


def test_refuses_over_long_strings_before_parsing() -> None:
    """A string longer than MAX_STRING_LENGTH is refused for its length, even if it is mostly spaces."""
    for text in ("1" * (MAX_STRING_LENGTH + 1), " " * MAX_STRING_LENGTH + "1", "9" * 100_000):
        with pytest.raises(InvalidNumberError) as info:
            to_decimal(text)
        assert f"longer than {MAX_STRING_LENGTH} characters" in str(info.value)


def test_long_values_are_shortened_in_the_message() -> None:
    """The message quotes a long value shortened, not in full."""
    given = "9" * 100_000
    with pytest.raises(InvalidNumberError) as info:
        to_decimal(given)
    assert len(str(info.value)) < 200
    assert "..." in str(info.value)
    assert info.value.given is given


@pytest.mark.parametrize("given", ["0.0000000000001", "1.1234567890123", Decimal("0.0000000000001")])
def test_refuses_too_many_places(given: str | Decimal) -> None:
    """More than MAX_PLACES decimal places are refused, naming the limit."""
    with pytest.raises(InvalidNumberError) as info:
        to_decimal(given)
    assert f"more than {MAX_PLACES} decimal places" in str(info.value)


@pytest.mark.parametrize("given", ["1" * 31, "-" + "1" * 31, 10**30, -(10**30), 10**40, Decimal("1" * 31)])
def test_refuses_too_many_digits(given: str | int | Decimal) -> None:
    """More than MAX_DIGITS significant digits are refused, naming the limit."""
    with pytest.raises(InvalidNumberError) as info:
        to_decimal(given)
    assert f"more than {MAX_DIGITS} significant digits" in str(info.value)


@pytest.mark.parametrize("given", [None, [1], (1,), {"a": 1}, 1j, b"12", bytearray(b"1"), object()])
def test_refuses_other_types(given: object) -> None:
    """Anything but str, int or Decimal is refused, naming its type."""
    with pytest.raises(InvalidNumberError) as info:
        to_decimal(given)
    assert type(given).__name__ in str(info.value)
    assert info.value.given is given


def test_errors_subclass_the_builtins_callers_expect() -> None:
    """`except ValueError` / `except TypeError` keep working, and BudgetkitError catches both."""
    assert issubclass(InvalidNumberError, ValueError)
    assert issubclass(InvalidNumberError, BudgetkitError)
    assert issubclass(FloatRefusedError, TypeError)
    assert issubclass(FloatRefusedError, BudgetkitError)
    with pytest.raises(ValueError):
        to_decimal("1e5")
    with pytest.raises(TypeError):
        to_decimal(0.5)


# -- exact context and rounding ---------------------------------------------


def test_exact_context_raises_instead_of_rounding() -> None:
    """EXACT raises on an inexact result instead of rounding silently."""
    with pytest.raises(decimal.Inexact):
        EXACT.divide(Decimal(1), Decimal(3))
    assert EXACT.divide(Decimal(1), Decimal(8)) == Decimal("0.125")


def test_exact_context_traps_floats() -> None:
    """EXACT refuses to mix a float into arithmetic."""
    with pytest.raises(decimal.FloatOperation):
        EXACT.create_decimal(0.5)


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        ("0.125", 2, "0.13"),
        ("-0.125", 2, "-0.13"),
        ("2.675", 2, "2.68"),
        ("2.665", 2, "2.67"),
        ("1054.895", 2, "1054.90"),
        ("0.124999", 2, "0.12"),
        ("2.5", 0, "3"),
        ("-2.5", 0, "-3"),
        ("0.05", 1, "0.1"),
        ("980", 2, "980.00"),
        ("1.2", 3, "1.200"),
    ],
)
def test_round_half_up_rounds_like_reports(value: str, places: int, expected: str) -> None:
    """Rounding is 四舍五入: halves go away from zero, and the result has exactly `places` places."""
    assert str(round_half_up(Decimal(value), places)) == expected


def test_round_half_up_ignores_the_ambient_context() -> None:
    """A caller's banker's rounding or low precision does not change report rounding."""
    with decimal.localcontext() as ctx:
        ctx.rounding = decimal.ROUND_HALF_EVEN
        ctx.prec = 3
        assert str(round_half_up(Decimal("123456.125"), 2)) == "123456.13"


@pytest.mark.parametrize(("value", "places"), [("2.00", 2), ("0.8", 1), ("980", 0), ("0.059979", 6), ("-1.5", 1)])
def test_places_of_counts_written_places(value: str, places: int) -> None:
    """places_of tells how many decimals a figure was printed with."""
    assert places_of(Decimal(value)) == places


def test_places_of_positive_exponent_is_zero() -> None:
    """A Decimal with a positive exponent has no decimal places."""
    assert places_of(Decimal("1E+2")) == 0


# -- properties ---------------------------------------------------------------

plain_decimals = st.builds(
    lambda units, places: Decimal(units).scaleb(-places),
    st.integers(min_value=-(10**18), max_value=10**18),
    st.integers(min_value=0, max_value=MAX_PLACES),
)


@given(plain_decimals)
def test_plain_text_round_trips_digit_for_digit(value: Decimal) -> None:
    """Any accepted amount written in plain notation reads back with the same digits and places."""
    text = f"{value:f}"
    result = to_decimal(text)
    assert result.as_tuple() == value.as_tuple()


@given(st.integers(min_value=-(10**29) + 1, max_value=10**29 - 1))
def test_ints_within_limits_are_exact(value: int) -> None:
    """Every int with at most MAX_DIGITS digits is accepted exactly."""
    assert int(to_decimal(value)) == value
    assert to_decimal(str(value)) == to_decimal(value)


@given(plain_decimals, st.integers(min_value=0, max_value=4))
def test_round_half_up_matches_integer_reference(value: Decimal, places: int) -> None:
    """round_half_up equals half-away-from-zero rounding done in integers."""
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    units = int("".join(map(str, digits)))
    shift = -exponent - places
    if shift > 0:
        units, rest = divmod(units, 10**shift)
        if 2 * rest >= 10**shift:
            units += 1
    else:
        units *= 10**-shift
    expected = Decimal(-units if sign else units).scaleb(-places)
    result = round_half_up(value, places)
    assert result == expected
    assert places_of(result) == places
