"""Tests for budgetkit.values.ratio: exact ratios, percentages and percentage-point changes."""

from __future__ import annotations

import copy
import pickle
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from budgetkit import NOT_COMPARABLE, Money, PointChange, Ratio
from budgetkit.errors import BudgetkitError, FloatRefusedError, InvalidNumberError, UndefinedRatioError

numbers = st.builds(
    lambda units, places: Decimal(units).scaleb(-places),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.integers(min_value=0, max_value=4),
)
nonzero_numbers = numbers.filter(bool)


def half_up(value: Fraction, places: int) -> Decimal:
    """Reference 四舍五入 of an exact fraction, in integers."""
    scaled = abs(value) * 10**places
    units = int(scaled + Fraction(1, 2))  # floor(x + 1/2) for x >= 0
    return Decimal(units if value >= 0 else -units).scaleb(-places)


# -- percent and format ----------------------------------------------------------


@pytest.mark.parametrize(
    ("numerator", "denominator", "percent"),
    [
        ("66.02", "988.88", "6.68"),
        ("27.05", "1025.98", "2.64"),
        ("980", "1025.98", "95.52"),
        ("18.93", "1025.98", "1.85"),
        ("20.63", "1.96", "1052.55"),
        ("2.80", "2.22", "126.13"),
        ("0", "5", "0.00"),
        ("5", "5", "100.00"),
    ],
)
def test_percent_rounds_half_up_exactly(numerator: str, denominator: str, percent: str) -> None:
    """percent() is the exact ratio ×100, rounded half-up to two places, as published."""
    ratio = Ratio(Decimal(numerator), Decimal(denominator))
    assert str(ratio.percent()) == percent
    assert ratio.format() == percent + "%"


def test_percent_with_other_places() -> None:
    """percent(places) and format(places) round to the places asked for."""
    r = Ratio(Decimal("20.63"), Decimal("1.96"))
    assert str(r.percent(1)) == "1052.6"
    assert str(r.percent(0)) == "1053"
    assert r.format(1) == "1052.6%"
    assert r.format(0) == "1053%"


@pytest.mark.parametrize(
    ("numerator", "denominator", "places", "percent"),
    [
        (1, 8, 1, "12.5"),
        (1, 8, 0, "13"),
        (1, 16, 1, "6.3"),
        (3, 16, 1, "18.8"),
        (1, 400, 1, "0.3"),
        (1, 200, 0, "1"),
    ],
)
def test_exact_halves_round_up_not_to_even(numerator: int, denominator: int, places: int, percent: str) -> None:
    """An exact half rounds away from zero (6.25% → 6.3%), never to even."""
    assert str(Ratio(numerator, denominator).percent(places)) == percent


@pytest.mark.parametrize(("numerator", "denominator"), [(-1, 8), (1, -8)])
def test_negative_halves_round_away_from_zero(numerator: int, denominator: int) -> None:
    """A negative ratio rounds like its positive mirror, with the sign in front."""
    assert str(Ratio(numerator, denominator).percent(0)) == "-13"
    assert str(Ratio(numerator, denominator).percent(1)) == "-12.5"
    assert Ratio(numerator, denominator).format(0) == "-13%"


def test_negative_over_negative_is_positive() -> None:
    """Two negative terms give a positive ratio."""
    assert str(Ratio(-1, -8).percent(0)) == "13"


def test_tiny_negative_ratio_does_not_print_minus_zero() -> None:
    """A negative ratio that rounds to zero prints 0.00%, not -0.00%."""
    assert Ratio(-1, 1_000_000).format() == "0.00%"


def test_rounded_gives_the_plain_ratio() -> None:
    """rounded(places) is the ratio itself (not ×100), half-up."""
    assert str(Ratio(2, 3).rounded(3)) == "0.667"
    assert str(Ratio(1, 8).rounded(2)) == "0.13"
    assert str(Ratio(-1, 8).rounded(2)) == "-0.13"


def test_value_is_the_exact_quotient_when_finite() -> None:
    """value is the quotient as a Decimal."""
    assert Ratio(1, 4).value == Decimal("0.25")
    assert Ratio(Decimal("20.63"), Decimal("1.96")).value.as_tuple().digits[:6] == (1, 0, 5, 2, 5, 5)
    assert str(Ratio(1, 3).value).startswith("0.3333333333")


def test_money_ratio_formats_like_the_seed_example() -> None:
    """Money / Money formats as the published 6.68%."""
    assert (Money("66.02") / Money("988.88")).format() == "6.68%"


# -- undefined ratios ------------------------------------------------------------


@pytest.mark.parametrize(("numerator", "denominator"), [(5, 0), (0, 0), (-3, Decimal("0.00"))])
def test_zero_denominator_is_undefined(numerator: int, denominator: int | Decimal) -> None:
    """A zero base makes the ratio undefined: no percent, shown as not comparable."""
    r = Ratio(numerator, denominator)
    assert r.is_undefined
    assert r.percent() is None
    assert r.rounded(2) is None
    assert r.format() == "--（基数为0，不可比）"
    assert r.format() == NOT_COMPARABLE
    assert str(r) == NOT_COMPARABLE


def test_undefined_is_never_zero_percent() -> None:
    """An undefined ratio never reads as 0% or as infinity."""
    text = Ratio(5, 0).format()
    assert "0%" not in text
    assert "inf" not in text.lower()


def test_undefined_text_can_be_replaced() -> None:
    """format(undefined=...) lets a table print its own placeholder."""
    assert Ratio(1, 0).format(undefined="--") == "--"
    assert Ratio(1, 4).format(undefined="--") == "25.00%"


def test_value_of_undefined_ratio_raises() -> None:
    """Asking an undefined ratio for its value raises UndefinedRatioError, an ArithmeticError."""
    with pytest.raises(UndefinedRatioError) as info:
        _ = Ratio(5, 0).value
    assert isinstance(info.value, ArithmeticError)
    assert isinstance(info.value, BudgetkitError)
    assert "基数为0" in str(info.value)


# -- construction ----------------------------------------------------------------


def test_keeps_terms_exactly() -> None:
    """numerator and denominator are kept exactly as given."""
    r = Ratio("66.02", "988.88")
    assert str(r.numerator) == "66.02"
    assert str(r.denominator) == "988.88"


@pytest.mark.parametrize(("numerator", "denominator"), [(0.5, 1), (1, 0.5), (True, 1)])
def test_refuses_floats(numerator: object, denominator: object) -> None:
    """A ratio never takes a float or bool term."""
    with pytest.raises(FloatRefusedError):
        Ratio(numerator, denominator)  # type: ignore[arg-type]


def test_refuses_bad_text() -> None:
    """Terms go through the number door."""
    with pytest.raises(InvalidNumberError):
        Ratio("1e5", 1)


def test_is_immutable() -> None:
    """A ratio's terms cannot be replaced."""
    r = Ratio(1, 2)
    with pytest.raises(AttributeError):
        r._num = Decimal(5)
    with pytest.raises(AttributeError):
        r.extra = 1
    assert r == Ratio(1, 2)


@pytest.mark.parametrize(
    "r",
    [Ratio("66.02", "988.88"), Ratio(5, 0), Ratio(Decimal("1E+2"), 3), Ratio("0.0000001", "2")],
    ids=repr,
)
def test_pickle_and_copy_keep_terms(r: Ratio) -> None:
    """pickle and copy keep both terms digit for digit."""
    for twin in (pickle.loads(pickle.dumps(r)), copy.copy(r), copy.deepcopy(r)):
        assert str(twin.numerator) == str(r.numerator)
        assert str(twin.denominator) == str(r.denominator)
        assert twin == r


def test_repr_shows_the_terms() -> None:
    """repr() names both exact terms."""
    assert repr(Ratio("66.02", "988.88")) == "Ratio(Decimal('66.02'), Decimal('988.88'))"


# -- equality and ordering ------------------------------------------------------------


def test_equality_is_by_value() -> None:
    """1/3 equals 2/6; sign moves between the terms freely."""
    assert Ratio(1, 3) == Ratio(2, 6)
    assert Ratio(1, 2) == Ratio(-1, -2)
    assert Ratio(-1, 2) == Ratio(1, -2)
    assert Ratio(Decimal("0.5"), 1) == Ratio(1, 2)
    assert Ratio(1, 3) != Ratio(1, 2)


def test_equal_ratios_hash_alike() -> None:
    """Equal ratios are one set member."""
    assert hash(Ratio(1, 3)) == hash(Ratio(2, 6))
    assert len({Ratio(1, 3), Ratio(2, 6), Ratio(-1, -3), Ratio(1, 2)}) == 2


def test_undefined_ratios_equal_only_each_other() -> None:
    """An undefined ratio never equals a defined one."""
    assert Ratio(1, 0) != Ratio(0, 1)
    assert Ratio(0, 0) != Ratio(0, 1)
    assert Ratio(1, 0) == Ratio(1, 0)


def test_ratio_is_not_a_number() -> None:
    """A ratio is not equal to the bare quotient."""
    assert Ratio(1, 2) != Decimal("0.5")
    assert Ratio(1, 1) != 1


def test_ordering() -> None:
    """Ratios order by value, whatever the signs of their terms."""
    assert Ratio(1, 3) < Ratio(1, 2)
    assert Ratio(1, 2) > Ratio(1, 3)
    assert Ratio(1, -2) < Ratio(1, 3)
    assert Ratio(-1, -2) > Ratio(1, 3)
    assert Ratio(1, 3) <= Ratio(2, 6)
    assert Ratio(1, 3) >= Ratio(2, 6)
    assert sorted([Ratio(2, 3), Ratio(-1, 3), Ratio(1, -4)]) == [Ratio(-1, 3), Ratio(-1, 4), Ratio(2, 3)]


def test_ordering_undefined_raises() -> None:
    """An undefined ratio cannot be ordered."""
    with pytest.raises(UndefinedRatioError):
        _ = Ratio(1, 0) < Ratio(1, 2)
    with pytest.raises(UndefinedRatioError):
        _ = Ratio(1, 2) >= Ratio(1, 0)


def test_ordering_against_a_number_is_a_type_error() -> None:
    """A ratio is only ordered against a ratio."""
    with pytest.raises(TypeError):
        _ = Ratio(1, 2) < Decimal("0.6")  # type: ignore[operator]


# -- percentage points ---------------------------------------------------------------


def test_point_change_rise() -> None:
    """A higher rate reads 提高…个百分点."""
    assert Ratio(52, 100).points_since(Ratio(50, 100)).describe() == "提高2.00个百分点"


def test_point_change_fall() -> None:
    """A lower rate reads 降低…个百分点, with the size unsigned."""
    change = Ratio(1, 4).points_since(Ratio(1, 2))
    assert str(change.points()) == "-25.00"
    assert change.describe() == "降低25.00个百分点"


def test_point_change_flat() -> None:
    """Equal rates read 持平."""
    assert Ratio(1, 2).points_since(Ratio(2, 4)).describe() == "持平"
    assert str(Ratio(1, 2).points_since(Ratio(2, 4)).points()) == "0.00"


def test_point_change_that_rounds_to_zero_is_flat() -> None:
    """A change smaller than half the last printed digit reads 持平."""
    assert Ratio(1_000_001, 100_000_000).points_since(Ratio(1, 100)).describe() == "持平"


def test_point_change_rounds_half_up() -> None:
    """Point differences are rounded half-up to the places asked for."""
    change = Ratio(1, 3).points_since(Ratio(0, 1))
    assert change.describe() == "提高33.33个百分点"
    assert change.describe(1) == "提高33.3个百分点"
    assert str(Ratio(1, 8).points_since(Ratio(0, 1)).points(0)) == "13"


@pytest.mark.parametrize(("current", "previous"), [(Ratio(1, 0), Ratio(1, 2)), (Ratio(1, 2), Ratio(0, 0))])
def test_point_change_with_an_undefined_side(current: Ratio, previous: Ratio) -> None:
    """If either rate is undefined the change is not comparable and has no points."""
    change = PointChange(current, previous)
    assert change.points() is None
    assert change.describe() == NOT_COMPARABLE


# -- properties ------------------------------------------------------------------------


@given(numbers, nonzero_numbers, st.integers(min_value=0, max_value=4))
def test_percent_matches_exact_reference(numerator: Decimal, denominator: Decimal, places: int) -> None:
    """percent() equals the exact fraction ×100 rounded half away from zero, with `places` places."""
    percent = Ratio(numerator, denominator).percent(places)
    assert percent is not None
    assert percent == half_up(Fraction(numerator) * 100 / Fraction(denominator), places)
    assert percent.as_tuple().exponent == -places


@given(numbers, nonzero_numbers, st.integers(min_value=0, max_value=4))
def test_rounding_is_symmetric_in_sign(numerator: Decimal, denominator: Decimal, places: int) -> None:
    """Negating either term negates the rounded percentage exactly."""
    positive = Ratio(abs(numerator), abs(denominator)).percent(places)
    assert positive is not None
    assert Ratio(-abs(numerator), abs(denominator)).percent(places) == -positive
    assert Ratio(abs(numerator), -abs(denominator)).percent(places) == -positive
    assert Ratio(-abs(numerator), -abs(denominator)).percent(places) == positive


@given(numbers, nonzero_numbers, numbers, nonzero_numbers)
def test_equality_and_order_match_fractions(a: Decimal, b: Decimal, c: Decimal, d: Decimal) -> None:
    """== and < agree with exact rational comparison."""
    left, right = Fraction(a) / Fraction(b), Fraction(c) / Fraction(d)
    assert (Ratio(a, b) == Ratio(c, d)) == (left == right)
    assert (Ratio(a, b) < Ratio(c, d)) == (left < right)
    assert (Ratio(a, b) >= Ratio(c, d)) == (left >= right)
    if left == right:
        assert hash(Ratio(a, b)) == hash(Ratio(c, d))


@given(numbers, nonzero_numbers, numbers, nonzero_numbers)
def test_points_match_exact_reference(a: Decimal, b: Decimal, c: Decimal, d: Decimal) -> None:
    """Point changes equal the exact difference of the two percentages, rounded half-up."""
    points = Ratio(a, b).points_since(Ratio(c, d)).points(2)
    expected = half_up((Fraction(a) / Fraction(b) - Fraction(c) / Fraction(d)) * 100, 2)
    assert points == expected


@given(numbers, nonzero_numbers)
def test_pickle_round_trip(numerator: Decimal, denominator: Decimal) -> None:
    """pickle keeps both terms digit for digit."""
    r = Ratio(numerator, denominator)
    twin = pickle.loads(pickle.dumps(r))
    assert twin.numerator.as_tuple() == numerator.as_tuple()
    assert twin.denominator.as_tuple() == denominator.as_tuple()
