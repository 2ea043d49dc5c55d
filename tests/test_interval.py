"""Tests for budgetkit.values.interval: exact intervals of published (rounded) figures and their arithmetic."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from budgetkit.values.interval import Interval


def _f(text: str) -> Fraction:
    return Fraction(Decimal(text))


def _published(text: str) -> Interval:
    return Interval.published(Decimal(text))


# -- published figures --------------------------------------------------------------------------------------------


def test_published_positive_is_closed_below_open_above() -> None:
    """2.00 stands for [1.995, 2.005): 1.995 rounds half-up to 2.00, 2.005 to 2.01."""
    two = _published("2.00")
    assert two == Interval(_f("1.995"), _f("2.005"), lo_open=False, hi_open=True)
    assert two.contains(_f("1.995")) and not two.contains(_f("2.005"))
    assert two.contains(_f("2.004999")) and not two.contains(_f("1.994999"))


def test_published_negative_is_open_below_closed_above() -> None:
    """−2.00 stands for (−2.005, −1.995]: half-up rounds −2.005 away from zero, to −2.01."""
    minus_two = _published("-2.00")
    assert minus_two == Interval(_f("-2.005"), _f("-1.995"), lo_open=True, hi_open=False)
    assert minus_two.contains(_f("-1.995")) and not minus_two.contains(_f("-2.005"))


def test_published_keeps_the_printed_places() -> None:
    """0.8 (one place) is wider than 0.80 (two places); 980 stands for [979.5, 980.5)."""
    assert _published("0.8") == Interval(_f("0.75"), _f("0.85"), False, True)
    assert _published("0.80") == Interval(_f("0.795"), _f("0.805"), False, True)
    assert _published("980") == Interval(_f("979.5"), _f("980.5"), False, True)
    assert Interval.published(Decimal("2"), places=2) == _published("2.00")


def test_published_zero_is_exact_by_default() -> None:
    """A printed 0 is exactly nothing, unless zero_is_exact=False makes it a rounded value."""
    assert _published("0.00") == Interval.exact(0) == _published("0")
    rounded = Interval.published(Decimal("0.00"), zero_is_exact=False)
    assert rounded.contains(_f("0.004")) and rounded.contains(_f("-0.004"))
    assert not rounded.contains(_f("0.005"))


def test_published_rounded_zero_is_open_at_both_ends() -> None:
    """A rounded 0.00 excludes both −0.005 and 0.005: each rounds away from zero to ∓0.01."""
    assert not Interval.published(Decimal("0.00"), zero_is_exact=False).contains(_f("-0.005"))


def test_exact() -> None:
    """An exact value is a closed one-point interval."""
    three = Interval.exact(3)
    assert (three.lo, three.hi, three.lo_open, three.hi_open) == (3, 3, False, False)
    assert three.contains(Fraction(3)) and not three.contains(Fraction(3) + Fraction(1, 10**9))


# -- arithmetic ---------------------------------------------------------------------------------------------------


def test_add_sums_ends_and_keeps_openness() -> None:
    """[1.995, 2.005) + [0.985, 0.995) = [2.98, 3.00): an end is open when either summand's end is."""
    assert _published("2.00") + _published("0.99") == Interval(_f("2.98"), _f("3.00"), False, True)
    assert _published("2.00") + Interval.exact(1) == Interval(_f("2.995"), _f("3.005"), False, True)


def test_neg_swaps_ends_and_openness() -> None:
    """−[1.995, 2.005) = (−2.005, −1.995], the interval of −2.00."""
    assert -_published("2.00") == _published("-2.00")
    assert -Interval(None, Fraction(1), True, False) == Interval(Fraction(-1), None, False, True)


def test_sub_is_add_of_neg() -> None:
    """[1.995, 2.005) − [0.985, 0.995) = (1.00, 1.02): the difference of printed 2.00 and 0.99."""
    assert _published("2.00") - _published("0.99") == Interval(_f("1.00"), _f("1.02"), True, True)


def test_mul_by_a_factor() -> None:
    """Multiplying scales the ends; a negative factor swaps them; 0 gives exactly 0."""
    two = _published("2.00")
    assert two * 100 == Interval(_f("199.5"), _f("200.5"), False, True)
    assert two * -1 == -two
    assert two * Fraction(1, 2) == Interval(_f("0.9975"), _f("1.0025"), False, True)
    assert two * 0 == Interval.exact(0)


def test_div_of_positive_intervals() -> None:
    """[1, 2] / [4, 5] = [0.2, 0.5], each end open when the ends it came from are."""
    assert Interval(Fraction(1), Fraction(2)) / Interval(Fraction(4), Fraction(5)) == Interval(
        Fraction(1, 5), Fraction(1, 2)
    )
    share = _published("0.8") / _published("2.80")
    assert share.lo == _f("0.75") / _f("2.805") and share.lo_open  # 2.805 is not in [2.795, 2.805)
    assert share.hi == _f("0.85") / _f("2.795") and share.hi_open  # 0.85 is not in [0.75, 0.85)


def test_div_of_negative_numerator() -> None:
    """A negative numerator over a positive denominator gives a negative interval."""
    result = Interval(Fraction(-2), Fraction(-1)) / Interval(Fraction(4), Fraction(5))
    assert result == Interval(Fraction(-1, 2), Fraction(-1, 5))


@pytest.mark.parametrize(
    "denominator",
    [
        Interval.exact(0),
        Interval(Fraction(-1), Fraction(1)),
        Interval(Fraction(0), Fraction(1), True, False),
        Interval.published(Decimal("0.00"), zero_is_exact=False),
        Interval(None, Fraction(1)),
    ],
)
def test_div_by_an_interval_that_may_be_zero_is_unbounded(denominator: Interval) -> None:
    """A denominator that can be 0 (or is unbounded) gives an unbounded result, never ∞ nor an error."""
    result = _published("1.00") / denominator
    assert (result.lo, result.hi) == (None, None)
    assert result.overlaps(_published("12345.67")) and result.midpoint() is None


def test_overlaps_at_touching_ends() -> None:
    """Touching ends overlap only when both are closed: 1.99 and 2.00 do not, [1, 2] and [2, 3] do."""
    assert not _published("1.99").overlaps(_published("2.00"))
    assert not _published("2.00").overlaps(_published("1.99"))
    assert Interval(Fraction(1), Fraction(2)).overlaps(Interval(Fraction(2), Fraction(3)))
    assert not Interval(Fraction(1), Fraction(2), False, True).overlaps(Interval(Fraction(2), Fraction(3)))
    assert _published("2.00").overlaps(Interval.exact(_f("1.995")))
    assert not _published("2.00").overlaps(Interval.exact(_f("2.005")))


def test_overlaps_with_unbounded_ends() -> None:
    """An unbounded end overlaps whatever lies on its side."""
    assert Interval(None, Fraction(0), True, False).overlaps(Interval.exact(-(10**9)))
    assert not Interval(Fraction(1), None, False, True).overlaps(Interval.exact(0))


def test_midpoint_and_describe() -> None:
    """midpoint() is the exact middle; describe() shows ends and brackets."""
    assert _published("2.00").midpoint() == 2
    assert _published("2.00").describe() == "[1.9950, 2.0050)"
    assert _published("-2.00").describe(3) == "(-2.005, -1.995]"


# -- the DOMAIN.md example ----------------------------------------------------------------------------------------


def test_domain_example_accepted_where_a_fixed_tolerance_rejects() -> None:
    """20.63 / 1.96 万元 stated as 1055.4% is reachable; a ±0.1-point tolerance around 1052.55% rejects it."""
    ratio = _published("20.63") / _published("1.96") * 100
    assert ratio == Interval(_f("20.625") / _f("1.965") * 100, _f("20.635") / _f("1.955") * 100, True, True)
    assert ratio.overlaps(_published("1055.4"))
    point = _f("20.63") / _f("1.96") * 100  # 1052.55…%
    assert abs(_f("1055.4") - point) > Fraction(1, 10)
    assert not ratio.overlaps(_published("1055.6"))  # and the interval still rejects what rounding cannot give


# -- properties ---------------------------------------------------------------------------------------------------

_CENTS = st.integers(min_value=-(10**8), max_value=10**8)


def _round(value: Fraction, places: int = 2) -> Decimal:
    """Round half-up (away from zero) exactly, without a decimal context's precision."""
    scaled = abs(value) * 10**places
    units = math.floor(scaled) + (1 if scaled - math.floor(scaled) >= Fraction(1, 2) else 0)
    return Decimal(-units if value < 0 else units).scaleb(-places)


@given(a=_CENTS, b=st.integers(min_value=1, max_value=10**8))
def test_rounded_ratio_is_reachable_from_the_printed_figures(a: int, b: int) -> None:
    """For printed a and b > 0 (two places), the exact a/b·100 lies in pub(a)/pub(b)·100, which meets pub(round(a/b·100))."""
    printed_a, printed_b = Decimal(a).scaleb(-2), Decimal(b).scaleb(-2)
    exact = Fraction(printed_a) / Fraction(printed_b) * 100
    stated = _round(exact)
    truth = Interval.published(printed_a) / Interval.published(printed_b) * 100
    assert truth.contains(exact)
    assert truth.overlaps(Interval.published(stated, zero_is_exact=False))
    assume(stated != 0)  # a printed 0.00% of a non-zero ratio is a rounded value, not "nothing"
    assert truth.overlaps(Interval.published(stated))


@given(value=_CENTS, places=st.integers(min_value=0, max_value=4), offset=st.fractions(-1, 1))
def test_published_is_exactly_what_rounds_to_the_figure(value: int, places: int, offset: Fraction) -> None:
    """A number lies in pub(x) exactly when it rounds half-up to x (x ≠ 0)."""
    printed = Decimal(value).scaleb(-places)
    assume(printed != 0)
    candidate = Fraction(printed) + offset / 10**places
    assert Interval.published(printed).contains(candidate) == (_round(candidate, places) == printed)


@given(a=_CENTS, b=_CENTS)
def test_sum_of_printed_figures_contains_the_sum_of_what_they_stand_for(a: int, b: int) -> None:
    """pub(a) + pub(b) contains the midpoints' sum and the printed sum, and no more than its width allows."""
    x, y = Decimal(a).scaleb(-2), Decimal(b).scaleb(-2)
    total = Interval.published(x, zero_is_exact=False) + Interval.published(y, zero_is_exact=False)
    assert total.contains(Fraction(x) + Fraction(y))
    assert total.hi is not None and total.lo is not None and total.hi - total.lo == Fraction(1, 50)
