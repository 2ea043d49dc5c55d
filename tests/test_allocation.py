"""Tests for budgetkit.values.allocation: shares of a whole and exact splitting of an amount."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from budgetkit import Money, Ratio, allocate, shares
from budgetkit.errors import BudgetkitError, FloatRefusedError, ModelError
from budgetkit.values.allocation import largest_remainder

SEED_PARTS = [Money("980"), Money("18.93"), Money("27.05")]

parts_lists = st.lists(
    st.builds(
        lambda units, places: Money(Decimal(units).scaleb(-places)),
        st.integers(min_value=0, max_value=10**12),
        st.integers(min_value=0, max_value=6),
    ),
    min_size=1,
    max_size=12,
).filter(lambda parts: any(not p.is_zero() for p in parts))
weights_lists = st.lists(
    st.one_of(
        st.integers(min_value=0, max_value=10**6),
        st.builds(
            lambda units, places: Decimal(units).scaleb(-places),
            st.integers(min_value=0, max_value=10**9),
            st.integers(min_value=0, max_value=4),
        ),
    ),
    min_size=1,
    max_size=10,
).filter(any)
quanta = st.sampled_from([Money("0.01"), Money("0.000001"), Money("0.05"), Money("1"), Money("0.0001"), Money("10")])


# -- shares -----------------------------------------------------------------------


def test_seed_shares_rounded_sum_to_100_01() -> None:
    """Plainly rounded shares of 980, 18.93 and 27.05 are 95.52, 1.85, 2.64 and sum to 100.01."""
    s = shares(SEED_PARTS)
    assert [str(x) for x in s.rounded] == ["95.52", "1.85", "2.64"]
    assert str(sum(x for x in s.rounded if x is not None)) == "100.01"


def test_seed_shares_balanced_sum_to_exactly_100() -> None:
    """Balanced shares of the seed example are 95.52, 1.84, 2.64 and sum to exactly 100.00."""
    s = shares(SEED_PARTS)
    assert [str(x) for x in s.balanced] == ["95.52", "1.84", "2.64"]
    assert str(sum(x for x in s.balanced if x is not None)) == "100.00"


def test_shares_keep_the_exact_ratios() -> None:
    """ratios holds each part over the exact total; places is recorded."""
    s = shares(SEED_PARTS)
    assert s.ratios == (
        Ratio(980, Decimal("1025.98")),
        Ratio(Decimal("18.93"), Decimal("1025.98")),
        Ratio(Decimal("27.05"), Decimal("1025.98")),
    )
    assert s.places == 2


def test_shares_to_one_place() -> None:
    """places=1 rounds and balances to one decimal."""
    s = shares([Money(1), Money(1), Money(1)], places=1)
    assert [str(x) for x in s.rounded] == ["33.3", "33.3", "33.3"]
    assert [str(x) for x in s.balanced] == ["33.4", "33.3", "33.3"]


def test_zero_total_shares_are_undefined() -> None:
    """Parts summing to zero have no shares: None, never 0%."""
    s = shares([Money(0), Money("0.00")])
    assert s.rounded == (None, None)
    assert s.balanced == (None, None)
    assert all(r.is_undefined for r in s.ratios)


def test_zero_part_has_zero_share() -> None:
    """A zero part among others has a 0.00 share, both ways."""
    s = shares([Money(0), Money(3)])
    assert [str(x) for x in s.rounded] == ["0.00", "100.00"]
    assert [str(x) for x in s.balanced] == ["0.00", "100.00"]


def test_negative_part_is_refused() -> None:
    """A negative part raises ModelError naming the part's position."""
    with pytest.raises(ModelError) as info:
        shares([Money(1), Money("-0.01")])
    assert info.value.path == "parts[1]"
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, BudgetkitError)
    assert "-0.01" in str(info.value)


# -- allocate ---------------------------------------------------------------------


def test_allocate_preserves_the_total() -> None:
    """10.00 split three ways is 3.34 + 3.33 + 3.33, the extra cent to the first part."""
    parts = allocate(Money("10.00"), [1, 1, 1])
    assert parts == (Money("3.34"), Money("3.33"), Money("3.33"))
    assert Money.sum(parts) == Money("10.00")
    assert [str(p.amount) for p in parts] == ["3.34", "3.33", "3.33"]


def test_allocate_by_money_and_decimal_weights() -> None:
    """Weights may be Money, Decimal or int."""
    assert allocate(Money("1.00"), [Money("2"), Money("1")]) == (Money("0.67"), Money("0.33"))
    assert allocate(Money("1.00"), [Decimal("0.5"), Decimal("0.25"), Decimal("0.25")]) == (
        Money("0.50"),
        Money("0.25"),
        Money("0.25"),
    )


def test_allocate_negative_total() -> None:
    """A negative total splits into negative parts that sum to it."""
    parts = allocate(Money("-1.00"), [Money("2"), Money("1")])
    assert parts == (Money("-0.67"), Money("-0.33"))
    assert Money.sum(parts) == Money("-1.00")


def test_allocate_to_a_coarser_quantum() -> None:
    """With quantum 0.05 every part is a multiple of 0.05."""
    parts = allocate(Money("1.00"), [1, 1, 1], quantum=Money("0.05"))
    assert parts == (Money("0.35"), Money("0.35"), Money("0.30"))
    assert [str(p.amount) for p in parts] == ["0.35", "0.35", "0.30"]


def test_allocate_to_the_fen() -> None:
    """Splitting to 分 (0.000001 万元) keeps six places."""
    parts = allocate(Money("0.059979"), [1, 1], quantum=Money("0.000001"))
    assert [str(p.amount) for p in parts] == ["0.029990", "0.029989"]


def test_allocate_zero_total() -> None:
    """Zero splits into zeros."""
    assert allocate(Money("0.00"), [1, 2]) == (Money(0), Money(0))


def test_allocate_zero_weight_gets_nothing() -> None:
    """A part with zero weight gets zero, even when cents are left over."""
    assert allocate(Money("0.01"), [0, 1, 1]) == (Money(0), Money("0.01"), Money(0))


@pytest.mark.parametrize(("total", "quantum"), [("1.005", None), ("1.03", Money("0.05")), ("-0.001", None)])
def test_total_not_a_multiple_of_the_quantum(total: str, quantum: Money | None) -> None:
    """A total that is not a whole number of quanta raises ModelError at path 'total'."""
    with pytest.raises(ModelError) as info:
        allocate(Money(total), [1, 1], quantum=quantum)
    assert info.value.path == "total"
    assert "not a multiple" in str(info.value)


@pytest.mark.parametrize("weights", [[0, 0], [Decimal(0)], [Money(0), Money("0.00")]])
def test_zero_weights_are_refused(weights: list[int | Decimal | Money]) -> None:
    """Weights summing to zero leave nothing to split by: ModelError."""
    with pytest.raises(ModelError) as info:
        allocate(Money("1.00"), weights)
    assert info.value.path == "weights"


def test_no_weights_are_refused() -> None:
    """An empty weight list is a ModelError."""
    with pytest.raises(ModelError):
        allocate(Money("1.00"), [])


def test_negative_weight_is_refused() -> None:
    """A negative weight is a ModelError naming its position."""
    with pytest.raises(ModelError) as info:
        allocate(Money("1.00"), [1, -1, 2])
    assert info.value.path == "weights[1]"


def test_float_weight_is_refused() -> None:
    """A float weight is refused like any float."""
    with pytest.raises(FloatRefusedError):
        allocate(Money("1.00"), [1, 0.5])  # type: ignore[list-item]


@pytest.mark.parametrize("quantum", [Money(0), Money("-0.01")])
def test_quantum_must_be_positive(quantum: Money) -> None:
    """A zero or negative quantum is a ModelError at path 'quantum'."""
    with pytest.raises(ModelError) as info:
        allocate(Money("1.00"), [1], quantum=quantum)
    assert info.value.path == "quantum"


# -- largest remainder -----------------------------------------------------------------


def test_largest_remainder_ties_go_to_the_earlier_part() -> None:
    """Equal remainders give the leftover units to earlier parts first."""
    assert largest_remainder(100, [Decimal(1), Decimal(1), Decimal(1)]) == (34, 33, 33)
    assert largest_remainder(2, [Decimal(1), Decimal(1), Decimal(1)]) == (1, 1, 0)


def test_largest_remainder_goes_to_the_largest_remainder() -> None:
    """The leftover unit goes to the part with the largest fractional quota, not the largest part."""
    assert largest_remainder(10, [Decimal("0.66"), Decimal("0.34")]) == (7, 3)
    assert largest_remainder(10, [Decimal("0.64"), Decimal("0.36")]) == (6, 4)


@pytest.mark.parametrize(("total", "weights"), [(-1, [Decimal(1)]), (1, [Decimal(0)]), (1, [])])
def test_largest_remainder_refuses_bad_input(total: int, weights: list[Decimal]) -> None:
    """A negative total or a zero weight sum is a ValueError."""
    with pytest.raises(ValueError):
        largest_remainder(total, weights)


# -- properties -------------------------------------------------------------------------


@given(parts_lists, st.sampled_from([0, 1, 2]))
def test_balanced_shares_sum_to_exactly_100(parts: list[Money], places: int) -> None:
    """Balanced shares always add up to exactly 100 at 0, 1 or 2 places."""
    s = shares(parts, places)
    balanced = [x for x in s.balanced if x is not None]
    assert len(balanced) == len(parts)
    assert sum(balanced, Decimal(0)) == 100
    assert all(x.as_tuple().exponent == -places for x in balanced)


@given(parts_lists, st.sampled_from([0, 1, 2]))
def test_balanced_shares_stay_within_one_unit_of_the_exact_share(parts: list[Money], places: int) -> None:
    """Each balanced share is the exact share rounded down or up to the last place, never further."""
    s = shares(parts, places)
    total = sum((Fraction(p.amount) for p in parts), Fraction(0))
    unit = Fraction(1, 10**places)
    for part, share in zip(parts, s.balanced, strict=True):
        assert share is not None
        exact = Fraction(part.amount) * 100 / total
        assert exact - unit < Fraction(share) < exact + unit


@given(parts_lists, st.sampled_from([0, 1, 2]))
def test_rounded_shares_are_each_rounded_half_up(parts: list[Money], places: int) -> None:
    """Each plainly rounded share is its own exact share, rounded half-up."""
    s = shares(parts, places)
    total = sum((Fraction(p.amount) for p in parts), Fraction(0))
    for part, share in zip(parts, s.rounded, strict=True):
        assert share is not None
        exact = Fraction(part.amount) * 100 / total * 10**places
        assert Fraction(share) * 10**places == int(exact + Fraction(1, 2))


@given(st.integers(min_value=-(10**12), max_value=10**12), weights_lists, quanta)
def test_allocation_preserves_the_total_in_multiples_of_the_quantum(
    units: int, weights: list[int | Decimal], quantum: Money
) -> None:
    """Parts sum to exactly the total, each is a multiple of the quantum and within one quantum of its quota."""
    total = quantum * units
    parts = allocate(total, weights, quantum=quantum)
    assert len(parts) == len(weights)
    assert Money.sum(parts) == total
    step = Fraction(quantum.amount)
    weight_sum = sum((Fraction(w) for w in weights), Fraction(0))
    for part, weight in zip(parts, weights, strict=True):
        assert (Fraction(part.amount) / step).denominator == 1
        quota = Fraction(total.amount) * Fraction(weight) / weight_sum
        assert abs(Fraction(part.amount) - quota) < step
        if not weight:
            assert part.is_zero()


@given(st.integers(min_value=1, max_value=10**12), weights_lists, quanta)
def test_allocation_of_a_negative_total_mirrors_the_positive_one(
    units: int, weights: list[int | Decimal], quantum: Money
) -> None:
    """Splitting −t gives exactly the negated parts of splitting t."""
    total = quantum * units
    assert allocate(-total, weights, quantum=quantum) == tuple(-p for p in allocate(total, weights, quantum=quantum))


@given(st.integers(min_value=0, max_value=10**6), weights_lists)
def test_largest_remainder_preserves_the_units(total: int, weights: list[int | Decimal]) -> None:
    """Hamilton's method hands out exactly the total number of units."""
    decimals = [Decimal(w) for w in weights]
    assert sum(largest_remainder(total, decimals)) == total
