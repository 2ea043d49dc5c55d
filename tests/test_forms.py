"""Tests for budgetkit.checks.rules.forms: the exact and the vectorised evaluator read the same forms and agree.

The vectorised evaluator may flag a form the exact one accepts (it is conservative: touching bounds,
values beyond the int64-safe range, stated zeros), never the other way round; on linear forms it
decides exactly what the exact evaluator decides.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs
import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from budgetkit.checks.rules.forms import (
    COMPARISONS,
    FORM_EXACT,
    FORM_LINEAR,
    VALUE_LIMIT,
    ClaimForm,
    FormKind,
    Outcome,
    Term,
    UnknownFormError,
    compare,
    compare_columns,
    decide,
    evaluate,
    round_half_up,
    screen,
    screen_claims,
)
from budgetkit.values.interval import Interval

#: The largest whole 万元 the columns hold (2**55 millionths), and just beyond it.
NEAR_LIMIT = VALUE_LIMIT // 10**6


@st.composite
def printed(draw: st.DrawFn, *, positive: bool = False) -> Decimal:
    """A printed figure: 0 to 7 places (7 cannot be held), often 0, sometimes negative, small or near the limit."""
    places = draw(st.sampled_from((0, 1, 2, 2, 2, 4, 6, 7)))
    size = draw(st.sampled_from((0, 10, 10**4, 10**8, NEAR_LIMIT - 1, NEAR_LIMIT + 1)))
    whole = draw(st.integers(min_value=0 if size == 0 else 1, max_value=max(size, 0)))
    if size >= NEAR_LIMIT - 1:
        whole = size
    value = Decimal(whole * 10**places + draw(st.integers(0, 10**places - 1))).scaleb(-places)
    if not positive and draw(st.booleans()) and draw(st.booleans()):
        value = -value
    return value


@st.composite
def small(draw: st.DrawFn) -> Decimal:
    """A figure of a self-evaluation table: a target, an actual or a budget, 0 to 2 places; sometimes any figure."""
    if draw(st.integers(0, 5)) == 0:
        return draw(printed(positive=True))
    places = draw(st.sampled_from((0, 1, 2)))
    return Decimal(draw(st.integers(0, 10**6))).scaleb(-places)


@st.composite
def terms(draw: st.DrawFn, *, min_size: int = 1, max_size: int = 4, positive: bool = False) -> tuple[Term, ...]:
    """One to four terms of either sign; some whole counts."""
    found = []
    for _ in range(draw(st.integers(min_size, max_size))):
        if draw(st.integers(0, 5)) == 0:
            found.append((1, draw(st.integers(0 if positive else -50, 50)), True))
        else:
            sign = 1 if positive else draw(st.sampled_from((1, -1)))
            found.append((sign, draw(printed(positive=positive)), False))
    return tuple(found)


def _near(value: Fraction | None, places: int, nudge: int) -> Decimal:
    """The stated figure a report would print for ``value`` (or beside it by ``nudge`` units): touching cases."""
    if value is None:
        return Decimal(nudge)
    scaled = value * 10**places
    units = (scaled.numerator * 2 + scaled.denominator) // (2 * scaled.denominator)  # half-up on the number line
    return Decimal(units + nudge).scaleb(-places)


@st.composite
def forms(draw: st.DrawFn) -> ClaimForm:
    """A random claim form whose stated figure sits on, beside or far from what its terms give."""
    kind = draw(st.sampled_from(list(FormKind)))
    places = draw(st.sampled_from((0, 1, 2, 2, 6)))
    nudge = draw(st.sampled_from((0, 0, 1, -1, 5)))
    if kind is FormKind.EQUALITY:
        count = draw(st.integers(0, 1000))
        return ClaimForm(kind, Decimal(count + draw(st.sampled_from((0, 0, 1)))), ((1, count, True),))
    if kind is FormKind.MEAN:
        num = tuple((1, draw(printed(positive=True)), False) for _ in range(draw(st.integers(2, 4))))
        form = ClaimForm(kind, Decimal(0), num)
        return attrs.evolve(form, stated=_near(form.point(), places, nudge))
    if kind is FormKind.SCORE:  # B/A·w, (2A − B)/A·w or min(B/A, 1)·w at the stated places or the rules'
        num = draw(terms(max_size=2)) if draw(st.integers(0, 4)) == 0 else ((1, draw(small()), False),)
        den = draw(terms(max_size=2)) if draw(st.integers(0, 4)) == 0 else ((1, draw(small()), False),)
        weight = draw(st.sampled_from((Decimal(10), Decimal(20), Decimal("15"), Decimal("7.5"), Decimal("0.25"), 3)))
        score_places = draw(st.sampled_from((None, None, 0, 2)))
        form = ClaimForm(kind, Decimal(0), num, den, scale=weight, places=score_places)
        shown = places if score_places is None else draw(st.sampled_from((score_places, places)))
        return attrs.evolve(form, stated=_near(form.point(), shown, nudge))
    if kind is FormKind.BAND:  # a 定性 score against its band of the weight
        weight = draw(printed(positive=True)) if draw(st.booleans()) else draw(st.sampled_from((Decimal(20), 10)))
        low, high = draw(
            st.sampled_from(
                ((Fraction(4, 5), Fraction(1)), (Fraction(3, 5), Fraction(4, 5)), (Fraction(0), Fraction(3, 5)))
            )
        )
        closed = draw(st.booleans())
        edge = draw(st.sampled_from((low, high, (low + high) / 2)))
        form = ClaimForm(kind, Decimal(0), ((1, weight, False),), band=(low, high), closed=closed)
        stated = draw(st.one_of(st.just(_near(edge * Fraction(weight), places, nudge)), printed()))
        return attrs.evolve(form, stated=stated)
    num = draw(terms())
    den = draw(terms()) if kind is FormKind.RATIO else ()
    form = ClaimForm(kind, Decimal(0), num, den, abs_base=draw(st.booleans()), zero_means_none=draw(st.booleans()))
    if draw(st.booleans()):
        return attrs.evolve(form, stated=draw(printed()))
    return attrs.evolve(form, stated=_near(form.point(), places, nudge))


@settings(max_examples=600, deadline=None)
@given(many=st.lists(forms(), min_size=1, max_size=8), zero_is_exact=st.booleans())
@example(  # touching bounds: 2.00 + 0.99 reaches [2.98, 3.00); a stated 3.00 only touches it
    many=[ClaimForm(FormKind.LINEAR, Decimal("3.00"), ((1, Decimal("2.00"), False), (1, Decimal("0.99"), False)))],
    zero_is_exact=True,
)
@example(  # a zero base: undefined, never "holds"
    many=[ClaimForm(FormKind.RATIO, Decimal("0"), ((1, Decimal("5.00"), False),), ((1, Decimal("0.00"), False),))],
    zero_is_exact=True,
)
@example(  # a printed 0 that is not exact: [−0.005, 0.005] reaches a stated 0.00 and a tiny ratio
    many=[ClaimForm(FormKind.RATIO, Decimal("0.00"), ((1, Decimal("0.00"), False),), ((1, Decimal("3.00"), False),))],
    zero_is_exact=False,
)
@example(  # beyond the int64-safe limit: must fall back to the exact evaluator
    many=[ClaimForm(FormKind.LINEAR, Decimal(NEAR_LIMIT + 1), ((1, Decimal(NEAR_LIMIT + 1), False),))],
    zero_is_exact=True,
)
def test_the_vectorised_evaluator_never_passes_what_the_exact_one_fails(
    many: list[ClaimForm], zero_is_exact: bool
) -> None:
    """A form the vectorised evaluator does not flag holds exactly; on linear forms both decide the same."""
    flagged = screen(many, zero_is_exact)
    for form, flag in zip(many, flagged, strict=True):
        outcome = evaluate(form, zero_is_exact)
        if not flag:
            assert outcome is Outcome.HOLDS, form
        elif form.kind is FormKind.LINEAR and form.stated and screen([form], zero_is_exact) == [True]:
            representable = all(
                abs(v) * 10**6 < VALUE_LIMIT and -Decimal(v).as_tuple().exponent <= 6  # type: ignore[operator]
                for _, v, _ in (*form.num, (1, form.stated, False))
            )
            if representable:
                assert outcome is not Outcome.HOLDS, form


def test_the_screen_decides_most_well_inside_forms() -> None:
    """Away from every boundary the vectorised evaluator decides by itself (it is not a pass-through)."""
    share = ClaimForm(
        FormKind.RATIO, Decimal("95.52"), ((1, Decimal("1007.77"), False),), ((1, Decimal("1055.05"), False),)
    )
    growth = ClaimForm(
        FormKind.RATIO,
        Decimal("6.68"),
        ((1, Decimal("1054.90"), False), (-1, Decimal("988.88"), False)),
        ((1, Decimal("988.88"), False),),
        abs_base=True,
    )
    mean = ClaimForm(FormKind.MEAN, Decimal("95.5"), ((1, Decimal("95"), False), (1, Decimal("96"), False)))
    count = ClaimForm(FormKind.EQUALITY, Decimal("8"), ((1, 8, True),))
    # a shortfall 1549/2700 × 20 = 11.47…, stated 11; an execution rate 1130/1200 × 10 = 9.416…, stated 9.42;
    # a 定性 score 19 inside [16, 20]
    shortfall = ClaimForm(
        FormKind.SCORE,
        Decimal("11"),
        ((1, Decimal("1549"), False),),
        ((1, Decimal("2700"), False),),
        scale=Decimal("20"),
    )
    execution = ClaimForm(
        FormKind.SCORE, Decimal("9.42"), ((1, Decimal("11.30"), False),), ((1, Decimal("12.00"), False),), scale=10
    )
    band = ClaimForm(FormKind.BAND, Decimal("19"), ((1, Decimal("20"), False),), band=(Fraction(4, 5), Fraction(1)))
    forms = [share, growth, mean, count, shortfall, execution, band]
    assert [evaluate(f) for f in forms] == [Outcome.HOLDS] * 7
    assert screen(forms) == [False] * 7
    wrong = [attrs.evolve(f, stated=Decimal("12")) for f in (shortfall, band)] + [
        attrs.evolve(band, stated=Decimal("20"), closed=False),
        attrs.evolve(shortfall, places=2),  # 11 is not 11.47 at two places
    ]
    assert [evaluate(f) for f in wrong] == [Outcome.FAILS] * 4
    assert screen(wrong) == [True] * 4


def test_values_beyond_the_int64_safe_range_fall_back_to_the_exact_evaluator() -> None:
    """A figure of 2**55 millionths or more is flagged, never wrapped around."""
    huge = Decimal(NEAR_LIMIT + 1)
    form = ClaimForm(FormKind.LINEAR, huge, ((1, huge, False),))
    assert evaluate(form) is Outcome.HOLDS
    assert screen([form]) == [True]


def test_a_zero_base_is_undefined_and_flagged() -> None:
    """A rate over a base printed as exactly 0 is undefined for the exact evaluator and flagged by the screen."""
    form = ClaimForm(FormKind.RATIO, Decimal("0"), ((1, Decimal("5.00"), False),), ((1, Decimal("0.00"), False),))
    assert evaluate(form) is Outcome.UNDEFINED
    assert screen([form]) == [True]
    # a printed 0.00 not taken as exact is [−0.005, 0.005]: 5.00 over it is at least 100,000% away from 0, so a
    # stated 0% is reached by no value, and the printed base is 0: undefined still
    assert evaluate(form, zero_is_exact=False) is Outcome.UNDEFINED
    assert evaluate(attrs.evolve(form, stated=Decimal("100000")), zero_is_exact=False) is Outcome.HOLDS


def test_a_base_that_may_be_zero_reaches_two_rays_not_every_rate() -> None:
    """Last year implied by a stated change (this year − D) may be 0 or near it: the rate is far from 0, not anything.

    The social-work sample (一): 增加 307.82 万元，增长 100.00% of a 收入总计 of 307.82: last year's is 0."""
    change = ((1, Decimal("307.82"), False),)
    implied = ((1, Decimal("307.82"), False), (-1, Decimal("307.82"), False))
    growth = ClaimForm(FormKind.RATIO, Decimal("100.00"), change, implied, abs_base=True, base="增长率")
    assert decide(growth) == (Outcome.UNDEFINED, None)
    assert screen([growth]) == [True]
    # a base near 0 but not printed as 0 (0.50 − 0.49): the stated rate must lie on a ray
    near = ((1, Decimal("0.50"), False), (-1, Decimal("0.49"), False))
    small = ((1, Decimal("0.49"), False),)
    outcome, truth = decide(ClaimForm(FormKind.RATIO, Decimal("100.00"), small, near, abs_base=True))
    assert outcome is Outcome.FAILS and truth is not None and truth.hi is None and truth.lo == Fraction(485, 2) * 10
    assert decide(ClaimForm(FormKind.RATIO, Decimal("4900.00"), small, near, abs_base=True))[0] is Outcome.HOLDS
    # a signed base on both sides of 0 (0.50 − 0.50) reaches both rays: −4900% as well as 4900%
    both = ((1, Decimal("0.50"), False), (-1, Decimal("0.50"), False))
    for stated in ("-4900.00", "4900.00"):
        assert decide(ClaimForm(FormKind.RATIO, Decimal(stated), small, both))[0] is Outcome.HOLDS
    assert decide(ClaimForm(FormKind.RATIO, Decimal("-4800.00"), small, both))[0] is Outcome.UNDEFINED
    # a numerator that may be 0 reaches every rate
    maybe_zero = ((1, Decimal("0.00"), False),)
    assert decide(ClaimForm(FormKind.RATIO, Decimal("1.00"), maybe_zero, near), zero_is_exact=False)[0] is Outcome.HOLDS


def test_an_unknown_kind_raises_in_both_evaluators() -> None:
    """Neither evaluator falls back to some default for a kind it does not know."""
    odd = ClaimForm("bogus", Decimal(1), ((1, 1, True),))  # type: ignore[arg-type]
    with pytest.raises(UnknownFormError, match="bogus"):
        evaluate(odd)
    with pytest.raises(UnknownFormError):
        screen_claims(
            *(np.array([9], dtype=t) for t in (np.int8, np.int64, np.int8, np.bool_, np.int64, np.int64)),
            np.zeros(0, np.int64),
            np.zeros(0, np.int8),
            np.zeros(0, np.int64),
        )
    with pytest.raises(UnknownFormError, match="bogus"):
        screen([odd])
    with pytest.raises(UnknownFormError, match="bogus"):
        screen([ClaimForm(FormKind.BAND, Decimal(1), ((1, 1, True),)), odd])
    with pytest.raises(UnknownFormError, match="'bigger'"):
        compare("bigger", 1, 2)


def test_exact_and_opaque_rows_are_flagged_and_empty_rows_are_not() -> None:
    """FORM_EXACT rows always go to the exact evaluator; FORM_NONE rows (nothing to check) never do."""
    rows = np.array([FORM_EXACT, 0, FORM_LINEAR], dtype=np.int8)
    flagged = screen_claims(
        rows,
        np.array([0, 0, 3_000_000], dtype=np.int64),
        np.array([0, 0, -2], dtype=np.int8),
        np.zeros(3, dtype=np.bool_),
        np.array([0, 0, 1], dtype=np.int64),
        np.zeros(3, dtype=np.int64),
        np.array([3_000_000], dtype=np.int64),
        np.array([-2], dtype=np.int8),
        np.array([1], dtype=np.int64),
    )
    assert flagged.tolist() == [True, False, False]


def test_a_linear_form_is_the_interval_rule() -> None:
    """evaluate() on a linear form is Interval.overlaps of the terms' sum and the stated figure."""
    form = ClaimForm(FormKind.LINEAR, Decimal("1.02"), ((1, Decimal("2.00"), False), (-1, Decimal("0.99"), False)))
    truth = Interval.published(Decimal("2.00")) - Interval.published(Decimal("0.99"))
    assert form.truth() == truth  # (1.00, 1.02)
    assert evaluate(form) is Outcome.HOLDS  # 1.02 stands for [1.015, 1.025)
    assert evaluate(attrs.evolve(form, stated=Decimal("1.03"))) is Outcome.FAILS


@settings(max_examples=300, deadline=None)
@given(value=st.fractions(), places=st.integers(0, 4))
def test_round_half_up_is_the_scores_rounding(value: Fraction, places: int) -> None:
    """SCORE forms round as the scoring module prints a score: 四舍五入, halves away from zero."""
    from budgetkit.checks.scoring import _round

    assert round_half_up(value, places) == Fraction(_round(value, places))


def test_a_zero_denominator_score_is_undefined_and_flagged() -> None:
    """A SCORE over a zero base has no value: undefined for the exact evaluator, flagged by the screen."""
    form = ClaimForm(FormKind.SCORE, Decimal("10"), ((1, Decimal("5"), False),), ((1, Decimal("0"), False),), scale=10)
    assert evaluate(form) is Outcome.UNDEFINED
    assert screen([form]) == [True]


@settings(max_examples=400, deadline=None)
@given(many=terms(max_size=6), zero_is_exact=st.booleans())
@example(
    many=((1, Decimal("-0.00"), False), (-1, Decimal("0"), False), (1, Decimal("1E+2"), False)), zero_is_exact=False
)
@example(many=((-1, Decimal("0.0"), False), (1, 7, True), (1, Decimal("2.5"), True)), zero_is_exact=True)
def test_term_sums_are_the_sum_of_each_figures_interval(many: tuple[Term, ...], zero_is_exact: bool) -> None:
    """term_interval adds whole half-units; it is exactly the sum of each printed figure's own interval."""
    from budgetkit.checks.rules.forms import published, term_interval, term_point

    expected = Interval.exact(0)
    for sign, value, exact in many:
        part = published(value, exact, zero_is_exact)
        expected = expected + part if sign > 0 else expected - part
    assert term_interval(many, zero_is_exact) == expected
    assert term_point(many) == sum((sign * Fraction(value) for sign, value, _ in many), Fraction(0))


@settings(max_examples=500, deadline=None)
@given(form=forms(), zero_is_exact=st.booleans())
@example(  # a zero base: undefined in both
    form=ClaimForm(FormKind.RATIO, Decimal("0"), ((1, Decimal("5.00"), False),), ((1, Decimal("0.00"), False),)),
    zero_is_exact=True,
)
@example(  # a base that may be 0: unbounded, holds whatever is stated
    form=ClaimForm(FormKind.RATIO, Decimal("12.5"), ((1, Decimal("5.00"), False),), ((1, Decimal("0.00"), False),)),
    zero_is_exact=False,
)
@example(  # a negative base taken as |previous|, and ends that touch the stated figure's
    form=ClaimForm(
        FormKind.RATIO,
        Decimal("-150.0"),
        ((1, Decimal("1.0"), False), (-1, Decimal("-2.0"), False)),
        ((1, Decimal("-2.0"), False),),
        abs_base=True,
    ),
    zero_is_exact=True,
)
@example(  # a positive exponent and a whole count among the terms
    form=ClaimForm(FormKind.LINEAR, Decimal("1E+2"), ((1, Decimal("1E+2"), False), (-1, 3, True))),
    zero_is_exact=False,
)
def test_the_integer_decision_is_the_interval_decision(form: ClaimForm, zero_is_exact: bool) -> None:
    """decide()'s integer path gives the interval evaluator's verdict and interval, and point() its value."""
    from budgetkit.checks.rules.forms import _decide_intervals, _decide_units, term_point

    fast = _decide_units(form, zero_is_exact) if form.kind in (FormKind.LINEAR, FormKind.RATIO) else None
    if fast is not None:
        assert fast == _decide_intervals(form, zero_is_exact), form
    if form.kind is FormKind.RATIO:
        base = term_point(form.den)
        slow = None if not base else term_point(form.num) / (abs(base) if form.abs_base else base) * 100
        assert form.point() == slow, form


@settings(max_examples=400, deadline=None)
@given(
    ends=st.lists(st.integers(-40, 40), min_size=4, max_size=4),
    opens=st.lists(st.booleans(), min_size=4, max_size=4),
    scales=st.lists(st.sampled_from((1, 2, 3, 10, 200)), min_size=2, max_size=2),
)
def test_overlaps_in_integers_is_interval_overlaps(ends: list[int], opens: list[bool], scales: list[int]) -> None:
    """overlaps_units answers what Interval.overlaps answers, touching and open ends included."""
    from budgetkit.checks.rules.forms import overlaps_units

    a_lo, a_hi = sorted(ends[:2])
    b_lo, b_hi = sorted(ends[2:])
    truth = Interval(Fraction(a_lo, scales[0]), Fraction(a_hi, scales[0]), opens[0], opens[1])
    other = Interval(Fraction(b_lo, scales[1]), Fraction(b_hi, scales[1]), opens[2], opens[3])
    assert overlaps_units(truth, b_lo, b_hi, opens[2], opens[3], scales[1]) == truth.overlaps(other)


@settings(max_examples=300, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(sorted(COMPARISONS)),
            st.one_of(st.none(), st.integers(-3, 3)),
            st.one_of(st.none(), st.integers(-3, 3)),
        ),
        max_size=12,
    )
)
def test_the_vectorised_comparisons_are_the_exact_ones(rows: list[tuple[str, int | None, int | None]]) -> None:
    """compare_columns answers what compare answers, row by row, for every comparison kind (0 and unknown included)."""
    kinds = [kind for kind, _, _ in rows]
    left = np.array([0 if a is None else a for _, a, _ in rows], dtype=np.int64)
    right = np.array([0 if b is None else b for _, _, b in rows], dtype=np.int64)
    left_known = np.array([a is not None for _, a, _ in rows], dtype=np.bool_)
    right_known = np.array([b is not None for _, _, b in rows], dtype=np.bool_)
    fails = compare_columns(kinds, left, left_known, right, right_known).tolist()
    assert fails == [compare(kind, a, b) for kind, a, b in rows]
