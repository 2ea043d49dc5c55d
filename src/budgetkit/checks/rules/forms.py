"""Checks as data: the forms a rule yields, and the two evaluators that read them side by side.

A rule does not test an account itself: it yields *forms* — a claim that a
stated figure follows from printed figures (:class:`ClaimForm`), a comparison
of two figures (:func:`compare`), an identity between a printed total and its
printed parts (:func:`sum_reaches`) — and one function per rule words a form
that fails as a finding. Two evaluators read the same forms:

- the **exact** evaluator (:func:`evaluate`, :func:`compare`, :func:`sum_reaches`)
  works on :class:`~budgetkit.values.interval.Interval` bounds in exact fractions, the
  rounding rule of DOMAIN.md §2;
- the **vectorised** evaluator (:func:`screen_claims`, :func:`compare_columns`,
  :func:`segment_sums`, :func:`published_columns`, :func:`overlaps_columns`)
  works on numpy ``int64`` half-millionths for a whole batch at once. It is
  conservative: it answers "certainly holds" or "look closer" (a bound that
  merely touches, a value beyond the int64-safe range, a shape it does not
  know), and what it flags goes through the exact evaluator.

``tests/test_forms.py`` compares the two directly on random forms. A form of
an unknown kind raises :class:`UnknownFormError` in both.

>>> from decimal import Decimal
>>> share = ClaimForm(FormKind.RATIO, Decimal("95.52"), num=((1, Decimal("1007.77"), False),),
...     den=((1, Decimal("1055.05"), False),))
>>> evaluate(share)
<Outcome.HOLDS: 'holds'>
>>> evaluate(attrs.evolve(share, stated=Decimal("95.62")))
<Outcome.FAILS: 'fails'>
"""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs

from budgetkit.errors import BudgetkitError
from budgetkit.values.interval import Interval
from budgetkit.values.numbers import EXACT, places_of

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Int64Array = npt.NDArray[np.int64]
    BoolArray = npt.NDArray[np.bool_]

__all__ = [
    "COMPARISONS",
    "ClaimForm",
    "FormKind",
    "Outcome",
    "Term",
    "UnknownFormError",
    "band_columns",
    "compare",
    "compare_columns",
    "decide",
    "evaluate",
    "millionths",
    "overlaps_columns",
    "overlaps_units",
    "published_columns",
    "round_half_up",
    "score_columns",
    "screen",
    "screen_claims",
    "segment_sums",
    "sum_reaches",
    "term_interval",
    "term_point",
]

#: One printed figure of a form: (sign, value, exact). ``exact`` marks a whole count (no rounding).
Term: TypeAlias = tuple[int, Decimal | int, bool]


class UnknownFormError(BudgetkitError, ValueError):
    """A form of a kind neither evaluator knows (``kind``), with the known kinds (``known``)."""

    def __init__(self, kind: object, known: Sequence[str]) -> None:
        self.kind = kind
        self.known = tuple(known)
        super().__init__(f"unknown form kind {kind!r}; known kinds: {', '.join(self.known)}")


class FormKind(enum.Enum):
    """What a claim form asserts about its stated figure."""

    #: stated ≈ Σ num (an amount, a change, a sum of amounts)
    LINEAR = "linear"
    #: stated % ≈ Σ num / Σ den × 100 (a share, a ratio, a completion or growth rate)
    RATIO = "ratio"
    #: stated = Σ num exactly (a count)
    EQUALITY = "equality"
    #: stated ≈ the mean of num, or their mean weighted by ``weights`` (an overall score)
    MEAN = "mean"
    #: stated = Σ num / Σ den × scale rounded half-up at the stated figure's places (or ``places``): a score
    #: by its rule (a shortfall B/A·w, an execution rate × 10, a reverse deduction (2A − B)/A·w)
    SCORE = "score"
    #: low·Σ num ≤ stated ≤ high·Σ num (below high·Σ num unless ``closed``): a score inside its 定性 band
    BAND = "band"


class Outcome(enum.Enum):
    """What the exact evaluator says of a form."""

    HOLDS = "holds"
    FAILS = "fails"
    #: a rate whose base is exactly zero: undefined, never a number
    UNDEFINED = "undefined"


@attrs.frozen
class ClaimForm:
    """A stated figure and the printed figures it must follow from, as data.

    ``num``/``den`` are terms (sign, value, exact); ``abs_base``: a growth rate divides by
    |previous|; ``zero_means_none``: a stated 0 means "none" (exact when zero is exact), not a
    rounded 0.00; ``weights``: for MEAN, the weights of the weighted mean (empty: plain mean only);
    ``base``: what the base of a rate is called, for the finding of a zero base;
    ``scale``: for SCORE, the factor of the quotient (the weight w); ``places``: for SCORE, the places
    to round at (None: the stated figure's own); ``band``/``closed``: for BAND, its bounds as shares
    of Σ num and whether it holds its top.
    """

    kind: FormKind
    stated: Decimal
    num: tuple[Term, ...] = ()
    den: tuple[Term, ...] = ()
    abs_base: bool = False
    zero_means_none: bool = False
    weights: tuple[Fraction, ...] = ()
    base: str = ""
    scale: Decimal | int = 1
    places: int | None = None
    band: tuple[Fraction, Fraction] = (Fraction(0), Fraction(1))
    closed: bool = True

    def stated_interval(self, zero_is_exact: bool = True) -> Interval:
        """The values the stated figure stands for."""
        return Interval.published(self.stated, zero_is_exact=zero_is_exact and self.zero_means_none)

    def truth(self, zero_is_exact: bool = True) -> Interval:
        """The values the printed figures allow (for RATIO: × 100; unbounded when the base may be 0)."""
        kind = self.kind
        if kind is FormKind.LINEAR or kind is FormKind.EQUALITY:
            return term_interval(self.num, zero_is_exact)
        if kind is FormKind.RATIO:
            base = term_interval(self.den, zero_is_exact)
            if self.abs_base and term_point(self.den) < 0:
                base = -base
            return term_interval(self.num, zero_is_exact) / base * 100
        if kind is FormKind.MEAN or kind is FormKind.SCORE:
            value = self.point()
            return Interval(None, None) if value is None else Interval.exact(value)
        if kind is FormKind.BAND:
            whole = term_point(self.num)
            low, high = self.band[0] * whole, self.band[1] * whole
            return Interval(low, high, False, not self.closed)  # empty when low > high (a negative weight)
        raise UnknownFormError(kind, [k.value for k in FormKind])

    def point(self) -> Fraction | None:
        """The value the printed figures give taken as exact (None for a rate over a zero base)."""
        kind = self.kind
        if kind is FormKind.LINEAR or kind is FormKind.EQUALITY:
            return term_point(self.num)
        if kind is FormKind.RATIO:
            num, den = _term_units(self.num), _term_units(self.den)
            if num is not None and den is not None:  # one Fraction: 100·Σnum / Σden, multiplied out
                units = abs(den[0]) if self.abs_base else den[0]
                return None if not units else Fraction(100 * num[0] * den[1], units * num[1])
            base = term_point(self.den)
            if not base:
                return None
            return term_point(self.num) / (abs(base) if self.abs_base else base) * 100
        if kind is FormKind.MEAN:
            values = [Fraction(sign * value) for sign, value, _ in self.num]
            return sum(values, Fraction(0)) / len(values)
        if kind is FormKind.SCORE:
            base = term_point(self.den)
            return None if not base else term_point(self.num) / base * Fraction(self.scale)
        if kind is FormKind.BAND:
            return Fraction(self.stated)
        raise UnknownFormError(kind, [k.value for k in FormKind])

    def weighted(self) -> Fraction | None:
        """For MEAN: the mean weighted by ``weights`` (None without usable weights)."""
        if len(self.weights) != len(self.num) or not sum(self.weights, Fraction(0)):
            return None
        total = sum(
            (w * sign * Fraction(v) for w, (sign, v, _) in zip(self.weights, self.num, strict=True)), Fraction(0)
        )
        return total / sum(self.weights, Fraction(0))


def published(value: Decimal | int, exact: bool, zero_is_exact: bool = True) -> Interval:
    """The interval of one printed figure (a whole count, ``exact``, stands for itself)."""
    if exact or isinstance(value, int):
        return Interval.exact(value)
    return Interval.published(value, zero_is_exact=zero_is_exact)


def _places(terms: Sequence[Term]) -> int | None:
    """The most places of the terms' printed figures (None: a figure that is not a finite number)."""
    places = 0
    for _, value, _ in terms:
        if not isinstance(value, int):
            if not value.is_finite():
                return None
            places = max(places, places_of(value))
    return places


def term_interval(terms: Sequence[Term], zero_is_exact: bool = True) -> Interval:
    """Σ sign·value over the terms' rounding intervals.

    Added in whole units of half the finest printed place (integers), then made one interval:
    the same as adding each figure's :meth:`Interval.published`, without a Fraction per figure.

    >>> term_interval([(1, Decimal("2.00"), False), (-1, Decimal("0.99"), False)]).describe(3)
    '(1.000, 1.020)'
    """
    ends = _term_ends(terms, zero_is_exact)
    if ends is None:  # NaN or infinity: the interval arithmetic says what it makes of it
        total = Interval.exact(0)
        for sign, value, exact in terms:
            part = published(value, exact, zero_is_exact)
            total = total + part if sign > 0 else total - part
        return total
    lo, hi, lo_open, hi_open, scale = ends
    return Interval(Fraction(lo, scale), Fraction(hi, scale), lo_open, hi_open)


#: The ends of an interval in whole units of 1/``scale``: (lo, hi, lo_open, hi_open, scale).
_Ends: TypeAlias = tuple[int, int, bool, bool, int]


def _term_ends(terms: Sequence[Term], zero_is_exact: bool = True) -> _Ends | None:
    """:func:`term_interval` as integers: its ends in units of half the finest printed place (None: NaN or infinity)."""
    found = _figures(terms)
    if found is None:
        return None
    figures, finest = found
    lo = hi = 0
    lo_open = hi_open = False
    for sign, coefficient, places, exact in figures:
        step = 10 ** (finest - places)
        centre = 2 * coefficient * step
        half = 0 if exact or (zero_is_exact and not centre) else step
        low, high, low_open, high_open = centre - half, centre + half, half and centre <= 0, half and centre >= 0
        if sign < 0:
            low, high, low_open, high_open = -high, -low, high_open, low_open
        lo, hi = lo + low, hi + high
        lo_open, hi_open = lo_open or bool(low_open), hi_open or bool(high_open)
    return lo, hi, lo_open, hi_open, 2 * 10**finest


def _term_units(terms: Sequence[Term]) -> tuple[int, int] | None:
    """:func:`term_point` as integers: (Σ sign·value in units of the finest printed place, units per 1)."""
    found = _figures(terms)
    if found is None:
        return None
    figures, finest = found
    total = 0
    for sign, coefficient, places, _ in figures:
        whole = coefficient * 10 ** (finest - places)
        total += whole if sign > 0 else -whole
    return total, 10**finest


def _figures(terms: Sequence[Term]) -> tuple[list[tuple[int, int, int, bool]], int] | None:
    """Each term as (sign, coefficient, places, exact), its value coefficient / 10^places (a whole count: 0 places,
    exact), and the most places of any; None when a figure is not a finite number. Read from ``str(value)``, as
    :func:`millionths` reads a figure, not from ``value.as_tuple()``."""
    found = []
    finest = 0
    for sign, value, exact in terms:
        if isinstance(value, int):
            found.append((sign, value, 0, True))
            continue
        text = str(value)
        point = text.find(".")
        if "E" in text or "e" in text or not value.is_finite():
            if not value.is_finite():
                return None
            places = places_of(value)
            coefficient = int(value.scaleb(places, EXACT))
        elif point < 0:
            places, coefficient = 0, int(text)
        else:
            places, coefficient = len(text) - point - 1, int(text[:point] + text[point + 1 :])
        if places > finest:
            finest = places
        found.append((sign, coefficient, places, exact))
    return found, finest


def term_point(terms: Sequence[Term]) -> Fraction:
    """Σ sign·value of the printed figures themselves."""
    units = _term_units(terms)
    if units is None:
        return sum((sign * Fraction(value) for sign, value, _ in terms), Fraction(0))
    return Fraction(*units)


def evaluate(form: ClaimForm, zero_is_exact: bool = True) -> Outcome:
    """The exact verdict on a claim form.

    >>> count = ClaimForm(FormKind.EQUALITY, Decimal("8"), num=((1, 8, True),))
    >>> evaluate(count), evaluate(attrs.evolve(count, stated=Decimal("9")))
    (<Outcome.HOLDS: 'holds'>, <Outcome.FAILS: 'fails'>)
    """
    return decide(form, zero_is_exact)[0]


def decide(form: ClaimForm, zero_is_exact: bool = True) -> tuple[Outcome, Interval | None]:
    """The exact verdict on a claim form, with the interval the printed figures allow (LINEAR, RATIO).

    A sum or a rate of finite printed figures is decided in integers (:func:`_decide_units`); every other
    form, and a figure that is not a finite number, in interval arithmetic. Both give the same verdict and
    the same interval (``tests/test_forms.py`` compares them on random forms).

    >>> decide(ClaimForm(FormKind.LINEAR, Decimal("3.10"), num=((1, Decimal("3.00"), False),)))
    (<Outcome.FAILS: 'fails'>, Interval(lo=Fraction(599, 200), hi=Fraction(601, 200), lo_open=False, hi_open=True))
    """
    kind = form.kind
    if kind is FormKind.LINEAR or kind is FormKind.RATIO:
        decided = _decide_units(form, zero_is_exact)
        if decided is not None:
            return decided
    return _decide_intervals(form, zero_is_exact)


#: A bounded end of an interval as an exact ratio of integers (numerator, denominator > 0).
_End: TypeAlias = tuple[int, int]


def _decide_units(form: ClaimForm, zero_is_exact: bool) -> tuple[Outcome, Interval | None] | None:
    """:func:`decide` of a LINEAR or RATIO form in integers, multiplied out (None: a figure is not a finite number).

    The figures' rounding intervals are added in whole half-units (:func:`_term_ends`); a rate's ends are
    the four corner quotients compared by cross-multiplication, as :meth:`Interval.__truediv__` picks them;
    only the interval returned is made of Fractions.

    >>> _decide_units(ClaimForm(FormKind.RATIO, Decimal("50.0"), ((1, Decimal("1.0"), False),),
    ...     ((1, Decimal("2.0"), False),)), True)[0]
    <Outcome.HOLDS: 'holds'>
    """
    stated = _term_ends(((1, form.stated, False),), zero_is_exact and form.zero_means_none)
    num = _term_ends(form.num, zero_is_exact)
    if stated is None or num is None:
        return None
    nl, nh, nl_open, nh_open, n_scale = num
    if form.kind is FormKind.LINEAR:
        truth = Interval(Fraction(nl, n_scale), Fraction(nh, n_scale), nl_open, nh_open)
        return _reaches((nl, n_scale), nl_open, (nh, n_scale), nh_open, stated), truth
    den = _term_ends(form.den, zero_is_exact)
    if den is None:
        return None
    dl, dh, dl_open, dh_open, d_scale = den
    if dl == 0 and dh == 0:
        return Outcome.UNDEFINED, None
    if dl <= 0 <= dh:  # the base may be 0 (and need not be): rays, not an interval (_decide_near_zero)
        return None
    if form.abs_base and dl + dh < 0:  # |previous|: the sign of the printed base (lo + hi has it)
        dl, dh, dl_open, dh_open = -dh, -dl, dh_open, dl_open
    sign = 1 if dl > 0 else -1  # x/y as (sign·x)/(sign·y): every denominator positive
    corners = [
        (sign * 100 * x * d_scale, sign * y * n_scale, x_open or y_open)
        for x, x_open in ((nl, nl_open), (nh, nh_open))
        for y, y_open in ((dl, dl_open), (dh, dh_open))
    ]
    lo = hi = corners[0]
    for corner in corners[1:]:
        if corner[0] * lo[1] < lo[0] * corner[1]:
            lo = corner
        if corner[0] * hi[1] > hi[0] * corner[1]:
            hi = corner
    lo_open = all(c[2] for c in corners if c[0] * lo[1] == lo[0] * c[1])
    hi_open = all(c[2] for c in corners if c[0] * hi[1] == hi[0] * c[1])
    truth = Interval(Fraction(lo[0], lo[1]), Fraction(hi[0], hi[1]), lo_open, hi_open)
    return _reaches((lo[0], lo[1]), lo_open, (hi[0], hi[1]), hi_open, stated), truth


def overlaps_units(truth: Interval, lo: int, hi: int, lo_open: bool, hi_open: bool, scale: int) -> bool:
    """``truth.overlaps(Interval(lo/scale, hi/scale, lo_open, hi_open))`` in integers (``scale`` > 0), without a Fraction.

    >>> overlaps_units(Interval(Fraction(1), Fraction(2), False, True), 20, 30, False, False, 10)
    False
    >>> overlaps_units(Interval(Fraction(1), Fraction(2)), 20, 30, False, False, 10)
    True
    """
    if truth.lo is None or truth.hi is None:
        return truth.overlaps(Interval(Fraction(lo, scale), Fraction(hi, scale), lo_open, hi_open))
    found = _reaches(
        (truth.lo.numerator, truth.lo.denominator),
        truth.lo_open,
        (truth.hi.numerator, truth.hi.denominator),
        truth.hi_open,
        (lo, hi, lo_open, hi_open, scale),
    )
    return found is Outcome.HOLDS


def _reaches(lo: _End, lo_open: bool, hi: _End, hi_open: bool, stated: _Ends) -> Outcome:
    """Whether the interval from ``lo`` to ``hi`` meets the stated figure's (:meth:`Interval.overlaps`, in integers)."""
    sl, sh, sl_open, sh_open, scale = stated
    order = lo[0] * scale - sl * lo[1]  # the higher of the two lower ends
    low, low_open = (lo, lo_open) if order > 0 else ((sl, scale), sl_open) if order < 0 else (lo, lo_open or sl_open)
    order = hi[0] * scale - sh * hi[1]  # the lower of the two upper ends
    high, high_open = (hi, hi_open) if order < 0 else ((sh, scale), sh_open) if order > 0 else (hi, hi_open or sh_open)
    order = low[0] * high[1] - high[0] * low[1]
    return Outcome.HOLDS if order < 0 or (order == 0 and not low_open and not high_open) else Outcome.FAILS


def _decide_intervals(form: ClaimForm, zero_is_exact: bool = True) -> tuple[Outcome, Interval | None]:
    """:func:`decide` in :class:`~budgetkit.values.interval.Interval` arithmetic: every kind, every figure."""
    kind = form.kind
    if kind is FormKind.EQUALITY:
        return (Outcome.HOLDS if term_point(form.num) == Fraction(form.stated) else Outcome.FAILS), None
    if kind is FormKind.SCORE:
        value = form.point()
        if value is None:
            return Outcome.UNDEFINED, None
        places = places_of(form.stated) if form.places is None else form.places
        return (Outcome.HOLDS if round_half_up(value, places) == Fraction(form.stated) else Outcome.FAILS), None
    if kind is FormKind.BAND:
        return (Outcome.HOLDS if form.truth().contains(Fraction(form.stated)) else Outcome.FAILS), None
    if kind is FormKind.MEAN:
        stated = form.stated_interval(zero_is_exact)
        candidates = [form.point(), form.weighted()]
        held = any(c is not None and stated.contains(c) for c in candidates)
        return (Outcome.HOLDS if held else Outcome.FAILS), None
    if kind is FormKind.RATIO:
        base = term_interval(form.den, zero_is_exact)
        if base.lo == 0 and base.hi == 0:
            return Outcome.UNDEFINED, None
        if base.lo is not None and base.hi is not None and base.lo <= 0 <= base.hi:
            return _decide_near_zero(form, base, zero_is_exact)
    elif kind is not FormKind.LINEAR:
        raise UnknownFormError(kind, [k.value for k in FormKind])
    truth = form.truth(zero_is_exact)
    held = truth.overlaps(form.stated_interval(zero_is_exact))
    return (Outcome.HOLDS if held else Outcome.FAILS), truth


def _decide_near_zero(form: ClaimForm, base: Interval, zero_is_exact: bool) -> tuple[Outcome, Interval | None]:
    """:func:`decide` of a rate whose base may be 0 and need not be: last year implied by a stated change of
    the whole amount (307.82 − 307.82), a base printed 0.00 when a printed 0 is not taken as exact.

    Dividing by values near 0 gives values far from 0: the rate reaches two rays, |rate| ≥ |num|/|base|
    at the base's ends, not every number (a numerator that may be 0 does reach every number). A stated rate
    on neither ray fails; when the printed figures themselves make the base 0, the rate is undefined.

    >>> change = ((1, Decimal("307.82"), False),)
    >>> implied = ((1, Decimal("307.82"), False), (-1, Decimal("307.82"), False))  # this year − the change
    >>> decide(ClaimForm(FormKind.RATIO, Decimal("100.00"), change, implied, abs_base=True))[0]
    <Outcome.UNDEFINED: 'undefined'>
    >>> decide(ClaimForm(FormKind.RATIO, Decimal("3078200"), change, implied, abs_base=True))[0]
    <Outcome.HOLDS: 'holds'>
    """
    num = term_interval(form.num, zero_is_exact)
    if num.lo is None or num.hi is None or num.lo <= 0 <= num.hi:
        return Outcome.HOLDS, Interval(None, None, True, True)
    assert base.lo is not None and base.hi is not None
    near, near_open = (num.lo, num.lo_open) if num.lo > 0 else (num.hi, num.hi_open)  # the end nearest 0
    ends: list[tuple[Fraction, bool]] = []  # the base's ends away from 0, each giving a ray
    if form.abs_base:  # |base| runs from 0 to the larger of its ends
        far = max(abs(base.lo), base.hi)
        ends.append((far, all(o for e, o in ((-base.lo, base.lo_open), (base.hi, base.hi_open)) if e == far)))
    else:
        ends += [end for end in ((base.lo, base.lo_open), (base.hi, base.hi_open)) if end[0] != 0]
    stated = form.stated_interval(zero_is_exact)
    rays = []
    for end, end_open in ends:
        bound, closed = near / end * 100, not (near_open or end_open)
        outward = (near > 0) == (end > 0)  # the ray runs from bound away from 0: up when positive
        rays.append(Interval(bound, None, not closed, True) if outward else Interval(None, bound, True, not closed))
    for ray in rays:
        if ray.overlaps(stated):
            return Outcome.HOLDS, ray
    point = form.point()
    if point is None:  # the printed figures give a base of 0
        return Outcome.UNDEFINED, None
    return Outcome.FAILS, next((ray for ray in rays if ray.contains(point)), rays[0])


def round_half_up(value: Fraction, places: int) -> Fraction:
    """``value`` rounded half-up (四舍五入: halves away from zero) to ``places`` decimals, as a score is printed.

    >>> round_half_up(Fraction(27, 2), 0), round_half_up(Fraction(-27, 2), 0), round_half_up(Fraction(1, 3), 2)
    (Fraction(14, 1), Fraction(-14, 1), Fraction(33, 100))
    """
    scaled = abs(value) * 10**places
    quotient, remainder = divmod(scaled.numerator, scaled.denominator)
    if 2 * remainder >= scaled.denominator:
        quotient += 1
    return Fraction(-quotient if value < 0 else quotient, 10**places)


def sum_reaches(total: Decimal, parts: Sequence[Decimal], zero_is_exact: bool = True) -> bool:
    """Whether a printed total is reachable from its printed parts' rounding intervals (a residue, not an error).

    >>> sum_reaches(Decimal("44.55"), [Decimal("33.40"), Decimal("11.14")])
    True
    >>> sum_reaches(Decimal("44.60"), [Decimal("33.40"), Decimal("11.14")])
    False
    """
    reach = term_interval([(1, p, False) for p in parts], zero_is_exact)
    return reach.overlaps(Interval.published(total, zero_is_exact=zero_is_exact))


#: Each comparison's test: ``ne`` (both printed and different), ``gt`` (left above right), ``nonzero`` (left not 0),
#: ``one_zero`` (both printed, one of them 0 and the other not), ``groups`` (groups on the left, the persons they count
#: on the right: more groups than persons, or none with persons). New kinds go last: a stored batch keeps their order.
COMPARISONS: Mapping[str, str] = MappingProxyType(
    {
        "balance": "ne",
        "cross_year": "ne",
        "fiscal_general_budget": "ne",
        "vehicles_over_assets": "gt",
        "procurement_subset": "gt",
        "operating_costs_unit_type": "nonzero",
        "three_public_counts": "one_zero",
        "reception_subset": "gt",
        "count_persons": "groups",
        "operating_costs_public_use": "gt",
    }
)
_TESTS = ("ne", "gt", "nonzero", "one_zero", "groups")


def _test(kind: str) -> str:
    op = COMPARISONS.get(kind)
    if op is None:
        raise UnknownFormError(kind, list(COMPARISONS))
    return op


def compare(kind: str, left: Any, right: Any) -> bool:
    """Whether the comparison ``kind`` fails for these values (``None``: not printed).

    >>> compare("balance", 1, 2), compare("balance", 1, None), compare("operating_costs_unit_type", 3, None)
    (True, False, True)
    >>> compare("three_public_counts", 0, 2), compare("three_public_counts", 5, 2), compare("three_public_counts", 0, 0)
    (True, False, False)
    >>> compare("count_persons", 2, 1), compare("count_persons", 0, 86), compare("count_persons", 3, 86)
    (True, True, False)
    >>> compare("bigger", 1, 2)
    Traceback (most recent call last):
    ...
    budgetkit.checks.rules.forms.UnknownFormError: unknown form kind 'bigger'; known kinds: balance, cross_year, fiscal_general_budget, vehicles_over_assets, procurement_subset, operating_costs_unit_type, three_public_counts, reception_subset, count_persons, operating_costs_public_use
    """
    op = _test(kind)
    if op == "nonzero":
        return left is not None and bool(left)
    if left is None or right is None:
        return False
    if op == "ne":
        return bool(left != right)
    if op == "one_zero":
        return (not left) != (not right)  # a Money is false when it is 0, as a count is
    if op == "groups":  # 2 团组 of 1 person, or 0 批次 of 86 人次
        return bool(left > right) or (not left and bool(right))
    return bool(left > right)


# -- the vectorised evaluator ------------------------------------------------------------------------------------

#: Exponent of a value the report does not print (``None``).
UNKNOWN = 127
#: Exponent marking a whole count (an ``int``, exact), not a printed decimal.
INT = 126
#: Products and sums of the screens stay below this; anything that could exceed it is flagged.
SAFE = 2**62
#: Largest magnitude held, in millionths: 2**55 millionths of a 万元 is about 3.6e10 万元.
VALUE_LIMIT = 2**55
#: Sums with more terms than this are left to the exact evaluator.
MAX_TERMS = 64
_MILLION = 10**6
_SCALE = tuple(10**p for p in range(7))


class UnrepresentableError(BudgetkitError, ValueError):
    """A number the vectorised evaluator cannot hold exactly (finer than 0.000001, or beyond ``VALUE_LIMIT``)."""


def millionths(value: Decimal | int) -> tuple[int, int]:
    """(value in millionths, printed exponent) of a number; an int is exact (exponent :data:`INT`).

    Raises :class:`UnrepresentableError` for what the int64 columns cannot hold exactly:
    more than 6 places, a magnitude of :data:`VALUE_LIMIT` millionths or more, NaN.
    Read from ``str(value)``, which is several times faster than ``value.as_tuple()``.

    >>> millionths(Decimal("12.30")), millionths(7)
    ((12300000, -2), (7000000, 126))
    >>> millionths(Decimal("0.0000001"))
    Traceback (most recent call last):
    ...
    budgetkit.checks.rules.forms.UnrepresentableError: 1E-7 is finer than 0.000001 or too large for int64 columns
    """
    if isinstance(value, int):
        if not -VALUE_LIMIT < value * _MILLION < VALUE_LIMIT:
            raise UnrepresentableError(f"{value} is too large for int64 columns")
        return value * _MILLION, INT
    if not value.is_finite():
        raise UnrepresentableError(f"{value} has no exact int64 form")
    text = str(value)
    if "E" in text:  # scientific notation: a positive exponent, or far below 1 分
        exponent = value.as_tuple().exponent
        if type(exponent) is not int or exponent < -6 or exponent > 100 or value.adjusted() > 11:
            raise UnrepresentableError(f"{value} is finer than 0.000001 or too large for int64 columns")
        micro = int(value.scaleb(6, EXACT))
    else:
        point = text.find(".")
        if point < 0:
            exponent, micro = 0, int(text) * _MILLION
        else:
            exponent = point + 1 - len(text)
            if exponent < -6:
                raise UnrepresentableError(f"{value} is finer than 0.000001")
            micro = int(text[:point] + text[point + 1 :]) * _SCALE[6 + exponent]
    if not -VALUE_LIMIT < micro < VALUE_LIMIT:
        raise UnrepresentableError(f"{value} is too large for int64 columns")
    return micro, exponent


def _np() -> Any:
    import numpy

    return numpy


def compare_columns(
    kinds: Sequence[str], left: Int64Array, left_known: BoolArray, right: Int64Array, right_known: BoolArray
) -> BoolArray:
    """:func:`compare` for columns of millionths; ``kinds`` names each row's comparison."""
    np = _np()
    ops = np.array([_test(k) for k in kinds], dtype=object) if len(kinds) else np.zeros(0, dtype=object)
    both = left_known & right_known
    fails: BoolArray = np.select(
        [ops == "ne", ops == "gt", ops == "one_zero", ops == "groups"],
        [
            both & (left != right),
            both & (left > right),
            both & ((left == 0) != (right == 0)),
            both & ((left > right) | ((left == 0) & (right != 0))),
        ],
        left_known & (left != 0),
    ).astype(np.bool_)
    return fails


def segment_sums(values: Int64Array, counts: Int64Array) -> Int64Array:
    """Σ of consecutive runs of ``values`` of the given lengths (a run may be empty).

    int64 addition may wrap around modulo 2**64 on the way, but each run's sum is
    exact whenever it fits in int64, which the value and term limits guarantee.
    """
    np = _np()
    if not len(counts):
        return np.zeros(0, dtype=np.int64)  # type: ignore[no-any-return]
    starts = np.cumsum(counts) - counts
    padded = np.zeros(len(values) + 1, dtype=np.int64)  # a trailing 0 for empty runs at the end to point at
    padded[:-1] = values
    result: Int64Array = np.add.reduceat(padded, starts)
    result[counts == 0] = 0  # reduceat gives the element at the start of an empty run
    return result


def published_columns(
    value: Int64Array, exp: npt.NDArray[np.int8], exact: BoolArray, zero_is_exact: bool = True
) -> tuple[Int64Array, BoolArray, Int64Array, BoolArray]:
    """The rounding interval of printed values, in half-millionths: lo, lo_open, hi, hi_open.

    A printed value v with p places stands for [v − ½·10⁻ᵖ, v + ½·10⁻ᵖ) (mirrored below 0);
    a whole count is exact, and so is a printed 0 when ``zero_is_exact`` (else it is open at both ends),
    as :meth:`budgetkit.values.interval.Interval.published` says.
    """
    np = _np()
    twice = 2 * value
    places = np.clip(-exp.astype(np.int64), 0, 6)
    point = exact | (value == 0) if zero_is_exact else exact
    half = np.where(point, 0, 10 ** (6 - places))
    return twice - half, ~point & (value <= 0), twice + half, ~point & (value >= 0)


def overlaps_columns(
    lo: Int64Array,
    lo_open: BoolArray,
    hi: Int64Array,
    hi_open: BoolArray,
    tlo: Int64Array,
    tlo_open: BoolArray,
    thi: Int64Array,
    thi_open: BoolArray,
) -> BoolArray:
    """Whether two intervals share a value, open ends respected (as :meth:`Interval.overlaps`)."""
    np = _np()
    low = np.maximum(lo, tlo)
    low_open = np.where(lo > tlo, lo_open, np.where(tlo > lo, tlo_open, lo_open | tlo_open))
    high = np.minimum(hi, thi)
    high_open = np.where(hi < thi, hi_open, np.where(thi < hi, thi_open, hi_open | thi_open))
    result: BoolArray = (low < high) | ((low == high) & ~low_open & ~high_open)
    return result


#: Codes of the claim form column: nothing to check, check exactly (opaque to the screen), or a form kind.
FORM_NONE, FORM_EXACT, FORM_LINEAR, FORM_RATIO, FORM_EQUALITY, FORM_MEAN = range(6)
#: Kinds read by :func:`score_columns` and :func:`band_columns` rather than by :func:`screen_claims`.
_SCORE_KINDS = frozenset({FormKind.SCORE, FormKind.BAND})
FORM_CODES: Mapping[FormKind, int] = MappingProxyType(
    {
        FormKind.LINEAR: FORM_LINEAR,
        FormKind.RATIO: FORM_RATIO,
        FormKind.EQUALITY: FORM_EQUALITY,
        FormKind.MEAN: FORM_MEAN,
    }
)


def screen_claims(
    form: npt.NDArray[np.int8],
    stated: Int64Array,
    stated_exp: npt.NDArray[np.int8],
    abs_base: BoolArray,
    n_num: Int64Array,
    n_den: Int64Array,
    value: Int64Array,
    exp: npt.NDArray[np.int8],
    sign: Int64Array,
    zero_is_exact: bool = True,
) -> BoolArray:
    """Which claim forms the exact evaluator must look at: the vectorised twin of :func:`evaluate` (conservative).

    One row per form (``form`` holds :data:`FORM_CODES`); the terms of each row are the next
    ``n_num`` then ``n_den`` entries of ``value``/``exp``/``sign`` (millionths, exponent or
    :data:`INT`, ±1). A row that is not flagged certainly holds.
    """
    np = _np()
    known = {FORM_NONE, FORM_EXACT, *FORM_CODES.values()}
    unknown = set(np.unique(form).tolist()) - known
    if unknown:
        raise UnknownFormError(sorted(unknown)[0], [k.value for k in FormKind])
    rows = len(form)
    # interleave numerator and denominator runs: row r owns [num_r, den_r]
    runs = np.empty(2 * rows, dtype=np.int64)
    runs[0::2], runs[1::2] = n_num, n_den
    exact = exp == INT
    lo, lo_open, hi, hi_open = published_columns(value, exp, exact, zero_is_exact)
    flip = sign < 0
    lo, hi = np.where(flip, -hi, lo), np.where(flip, -lo, hi)
    lo_open, hi_open = np.where(flip, hi_open, lo_open), np.where(flip, lo_open, hi_open)
    s_lo, s_hi, centre = segment_sums(lo, runs), segment_sums(hi, runs), segment_sums(2 * sign * value, runs)
    s_lo_open = segment_sums(lo_open.astype(np.int64), runs) > 0
    s_hi_open = segment_sums(hi_open.astype(np.int64), runs) > 0
    nlo, nhi, nlo_open, nhi_open, ncentre = s_lo[0::2], s_hi[0::2], s_lo_open[0::2], s_hi_open[0::2], centre[0::2]
    dlo, dhi, dlo_open, dhi_open, dcentre = s_lo[1::2], s_hi[1::2], s_lo_open[1::2], s_hi_open[1::2], centre[1::2]

    clean = form == FORM_NONE
    # LINEAR: the stated value's own interval, in half-millionths (a stated 0 taken as a point: narrower, so
    # an overlap with it is an overlap with whatever the stated 0 stands for)
    no = np.zeros(rows, dtype=np.bool_)
    tlo, tlo_open, thi, thi_open = published_columns(stated, stated_exp, no)
    clean |= (form == FORM_LINEAR) & overlaps_columns(nlo, nlo_open, nhi, nhi_open, tlo, tlo_open, thi, thi_open)
    # RATIO and MEAN compare in half-units of the stated figure's last place: S ± ½
    places = np.clip(-stated_exp.astype(np.int64), 0, 6)
    pow10 = np.array([10**p for p in range(19)], dtype=np.int64)
    whole = stated // pow10[6 - places]
    # EQUALITY: a whole count against the stated number
    clean |= (form == FORM_EQUALITY) & (stated == ncentre // 2)
    # MEAN: the mean of the stated values lies in [S − ½, S + ½) of the last place (S > 0)
    n = np.maximum(n_num, 1)
    mean_ok = (
        (whole > 0)
        & (whole < 2**30)
        & ((2 * whole - 1) * n * _MILLION <= pow10[places] * ncentre)
        & (pow10[places] * ncentre < (2 * whole + 1) * n * _MILLION)
    )
    clean |= (form == FORM_MEAN) & mean_ok
    rat = np.flatnonzero(form == FORM_RATIO)
    clean[rat] = _ratio_holds(
        whole[rat],
        places[rat],
        nlo[rat],
        nhi[rat],
        dlo[rat],
        dhi[rat],
        dlo_open[rat],
        dhi_open[rat],
        dcentre[rat],
        abs_base[rat],
        pow10,
    )
    flagged: BoolArray = ~clean
    return flagged


def _ratio_holds(
    whole: Int64Array,
    places: Int64Array,
    nlo: Int64Array,
    nhi: Int64Array,
    dlo: Int64Array,
    dhi: Int64Array,
    dlo_open: BoolArray,
    dhi_open: BoolArray,
    dcentre: Int64Array,
    abs_base: BoolArray,
    pow10: Int64Array,
) -> BoolArray:
    """Whether num/den × 100 certainly reaches the stated percentage (as ``Interval.__truediv__``)."""
    np = _np()
    zero_base = (dlo == 0) & (dhi == 0)
    # growth rates divide by |previous|: mirror the base when the previous value is negative
    mirror = abs_base & (dcentre < 0)
    dlo, dhi = np.where(mirror, -dhi, dlo), np.where(mirror, -dlo, dhi)
    dlo_open, dhi_open = np.where(mirror, dhi_open, dlo_open), np.where(mirror, dlo_open, dhi_open)
    # the base and the numerator may both be 0: the truth is unbounded and reaches anything (a base that may be 0
    # under a numerator that may not reaches two rays only: the exact evaluator decides, _decide_near_zero)
    unbounded = (dlo <= 0) & (dhi >= 0) & ~zero_base & (nlo <= 0) & (nhi >= 0)
    # make the denominator positive: n/d = (−n)/(−d)
    negative = dhi < 0
    nlo, nhi = np.where(negative, -nhi, nlo), np.where(negative, -nlo, nhi)
    dlo, dhi = np.where(negative, -dhi, dlo), np.where(negative, -dlo, dhi)
    dlo_open, dhi_open = np.where(negative, dhi_open, dlo_open), np.where(negative, dlo_open, dhi_open)
    # corner n/d·100 against the stated bound b/(2·10^places): compare K·n with b·d, K = 200·10^places
    k = 200 * pow10[places]
    point = whole == 0  # a stated 0 is taken as exact (narrower: conservative)
    t_lo, t_hi = 2 * whole - 1, 2 * whole + 1
    safe_d = np.maximum(np.maximum(np.abs(dlo), np.abs(dhi)), 1)
    safe = (
        (np.maximum(np.abs(nlo), np.abs(nhi)) <= SAFE // k)
        & (np.maximum(np.abs(t_lo), np.abs(t_hi)) <= SAFE // safe_d)
        & (dlo > 0)
    )
    kn_lo, kn_hi = np.where(safe, k * nlo, 0), np.where(safe, k * nhi, 0)
    below_hi = (kn_lo < t_hi * dlo) | (kn_lo < t_hi * dhi) | (kn_hi < t_hi * dlo) | (kn_hi < t_hi * dhi)
    above_lo = (kn_lo > t_lo * dlo) | (kn_lo > t_lo * dhi) | (kn_hi > t_lo * dlo) | (kn_hi > t_lo * dhi)
    n_point = nlo == nhi
    spread = ~n_point | ((dlo < dhi) & (nlo != 0))
    nondegenerate = ~point & safe & below_hi & above_lo & spread
    # a stated 0: the truth must hold 0
    zero_truth = n_point & (nlo == 0) & ~(dlo_open & dhi_open)
    straddles = (nlo < 0) & (nhi > 0)
    degenerate = point & (dlo > 0) & (zero_truth | straddles)
    clean: BoolArray = ~zero_base & (unbounded | nondegenerate | degenerate)
    return clean


def _own(value: Int64Array, exp: npt.NDArray[np.int8], pow10: Int64Array) -> tuple[Int64Array, Int64Array]:
    """Printed values as whole units of their own last place: (units, places); a whole count has 0 places."""
    np = _np()
    places = np.clip(-exp.astype(np.int64), 0, 6)
    return value // pow10[6 - places], places


def score_columns(
    stated: Int64Array,
    stated_exp: npt.NDArray[np.int8],
    num: Int64Array,
    num_exp: npt.NDArray[np.int8],
    den: Int64Array,
    den_exp: npt.NDArray[np.int8],
    scale: Int64Array,
    scale_exp: npt.NDArray[np.int8],
    places: int | None = None,
) -> BoolArray:
    """Which SCORE forms of one numerator, denominator and scale certainly hold: the vectorised twin of
    :func:`evaluate` (conservative: False also for what it cannot decide in int64).

    Each value is millionths with its printed exponent. With B = num, A = den, w = scale and s the
    stated figure at p places, the form holds when s − ½ ≤ B·w/A·10ᵖ < s + ½, decided on integers
    of each figure's own last place; only B ≥ 0 and A > 0 are decided (halves round up there).
    """
    np = _np()
    pow10 = np.array([10**p for p in range(19)], dtype=np.int64)
    a, pa = _own(den, den_exp, pow10)
    b, pb = _own(num, num_exp, pow10)
    w, pw = _own(scale, scale_exp, pow10)
    if places is None:
        s, ps = _own(stated, stated_exp, pow10)
        whole = np.ones(len(s), dtype=np.bool_)
    else:
        ps = np.full(len(stated), min(max(places, 0), 6), dtype=np.int64)
        s = stated // pow10[6 - ps]
        whole = stated % pow10[6 - ps] == 0  # a stated figure finer than ``places`` never rounds to itself
    safe = (
        whole
        & (pa + ps <= 4)
        & (pb + pw <= 4)
        & (a > 0)
        & (a < 2**30)
        & (b >= 0)
        & (b < 2**30)
        & (np.abs(w) < 2**14)
        & (np.abs(s) < 2**14)
    )  # so that 2·10⁴·B·w and (2s + 1)·A·10⁴ stay below 2**59
    a, b, w, s = (np.where(safe, x, 1) for x in (a, b, w, s))
    scaled = 2 * pow10[np.minimum(ps, 4)] * b * w * pow10[np.minimum(pa, 4)]
    unit = a * pow10[np.minimum(pb + pw, 8)]
    holds: BoolArray = safe & ((2 * s - 1) * unit <= scaled) & (scaled < (2 * s + 1) * unit)
    return holds


def band_columns(
    stated: Int64Array,
    weight: Int64Array,
    low: Int64Array,
    high: Int64Array,
    den: Int64Array,
    closed: BoolArray,
) -> BoolArray:
    """Which BAND forms certainly hold: low/den·w ≤ stated ≤ high/den·w (below the top unless ``closed``).

    ``stated`` and ``weight`` in millionths; ``low``, ``high`` and ``den`` whole numbers (the band as
    fractions over one denominator). Conservative: False beyond the int64-safe range.
    """
    np = _np()
    safe = (np.abs(weight) < 2**40) & (np.abs(stated) < 2**40) & (den > 0) & (den < 2**16)
    safe &= (np.abs(low) <= den) & (np.abs(high) <= den)
    above = den * stated >= low * weight
    below = np.where(closed, den * stated <= high * weight, den * stated < high * weight)
    holds: BoolArray = safe & above & below
    return holds


def _band_row(form: ClaimForm) -> tuple[int, int, int] | None:
    """A BAND form's bounds as (low, high, den) whole numbers, or None when too fine for the columns."""
    low, high = form.band
    den = low.denominator * high.denominator // math.gcd(low.denominator, high.denominator)
    if den >= 2**16:
        return None
    return int(low * den), int(high * den), den


def _screen_scores(forms: Sequence[ClaimForm]) -> list[bool]:
    """:func:`screen` for SCORE and BAND forms: one row each, flagged unless certainly holding."""
    np = _np()
    flagged = [True] * len(forms)
    scores: list[tuple[int, int, ClaimForm, tuple[tuple[int, int], ...]]] = []
    bands: list[tuple[int, int, int, tuple[int, int, int], bool]] = []
    for k, form in enumerate(forms):
        if form.kind is FormKind.SCORE and len(form.num) == 1 and len(form.den) == 1:
            try:
                row = tuple(millionths(v) for v in (form.stated, form.num[0][1], form.den[0][1], form.scale))
            except UnrepresentableError:
                continue
            if form.num[0][0] > 0 and form.den[0][0] > 0:
                scores.append((k, form.places if form.places is not None else -1, form, row))
        elif form.kind is FormKind.BAND and len(form.num) == 1 and form.num[0][0] > 0:
            shape = _band_row(form)
            try:
                stated, weight = millionths(form.stated)[0], millionths(form.num[0][1])[0]
            except UnrepresentableError:
                continue
            if shape is not None:
                bands.append((k, stated, weight, shape, form.closed))
        elif form.kind is not FormKind.SCORE and form.kind is not FormKind.BAND:
            raise UnknownFormError(form.kind, [k.value for k in FormKind])
    for places in {p for _, p, _, _ in scores}:
        group = [(k, row) for k, p, _, row in scores if p == places]
        cols = list(zip(*(row for _, row in group), strict=True))
        values = [np.array([v for v, _ in col], dtype=np.int64) for col in cols]
        exps = [np.array([e for _, e in col], dtype=np.int8) for col in cols]
        holds = score_columns(
            values[0],
            exps[0],
            values[1],
            exps[1],
            values[2],
            exps[2],
            values[3],
            exps[3],
            None if places < 0 else places,
        )
        for (k, _), ok in zip(group, holds.tolist(), strict=True):
            flagged[k] = not ok
    if bands:
        holds = band_columns(
            np.array([b[1] for b in bands], dtype=np.int64),
            np.array([b[2] for b in bands], dtype=np.int64),
            np.array([b[3][0] for b in bands], dtype=np.int64),
            np.array([b[3][1] for b in bands], dtype=np.int64),
            np.array([b[3][2] for b in bands], dtype=np.int64),
            np.array([b[4] for b in bands], dtype=np.bool_),
        )
        for b, ok in zip(bands, holds.tolist(), strict=True):
            flagged[b[0]] = not ok
    return flagged


def screen(forms: Sequence[ClaimForm | None], zero_is_exact: bool = True) -> list[bool]:
    """Which forms the vectorised evaluator flags for the exact one (None: nothing to check, never flagged).

    A form whose figures the int64 columns cannot hold, or with more than :data:`MAX_TERMS`
    terms, is flagged without screening. (The batch builds the same columns, memoising each
    number it converts.)

    >>> ok = ClaimForm(FormKind.LINEAR, Decimal("3.00"), num=((1, Decimal("1.00"), False), (1, Decimal("2.00"), False)))
    >>> screen([ok, attrs.evolve(ok, stated=Decimal("3.10")), attrs.evolve(ok, stated=Decimal("1E-9")), None])
    [False, True, True, False]
    """
    np = _np()
    codes: list[int] = []
    stated: list[int] = []
    stated_exp: list[int] = []
    abs_base: list[bool] = []
    n_num: list[int] = []
    n_den: list[int] = []
    values: list[int] = []
    exps: list[int] = []
    signs: list[int] = []
    for form in forms:
        if form is not None and not isinstance(form.kind, FormKind):
            raise UnknownFormError(form.kind, [k.value for k in FormKind])
    scored = [k for k, form in enumerate(forms) if form is not None and form.kind in _SCORE_KINDS]
    if scored:  # scores and bands are read by their own vectorised evaluators
        rest = list(forms)
        for k in scored:
            rest[k] = None
        flags = screen(rest, zero_is_exact)
        scores = [form for form in forms if form is not None and form.kind in _SCORE_KINDS]
        for k, flag in zip(scored, _screen_scores(scores), strict=True):
            flags[k] = flag
        return flags
    for form in forms:
        row: tuple[int, int, int, bool, int, int] = (FORM_NONE, 0, UNKNOWN, False, 0, 0)
        if form is not None:
            row = (FORM_EXACT, 0, UNKNOWN, False, 0, 0)
            if len(form.num) <= MAX_TERMS and len(form.den) <= MAX_TERMS:
                try:
                    s, s_exp = millionths(form.stated)
                    terms = [(*millionths(v), sign, exact) for sign, v, exact in (*form.num, *form.den)]
                except UnrepresentableError:
                    terms = None
                if terms is not None:
                    row = (FORM_CODES[form.kind], s, s_exp, form.abs_base, len(form.num), len(form.den))
                    for micro, exp, sign, exact in terms:
                        values.append(micro)
                        exps.append(INT if exact else exp)
                        signs.append(sign)
        codes.append(row[0])
        stated.append(row[1])
        stated_exp.append(row[2])
        abs_base.append(row[3])
        n_num.append(row[4])
        n_den.append(row[5])
    flagged = screen_claims(
        np.array(codes, dtype=np.int8),
        np.array(stated, dtype=np.int64),
        np.array(stated_exp, dtype=np.int8),
        np.array(abs_base, dtype=np.bool_),
        np.array(n_num, dtype=np.int64),
        np.array(n_den, dtype=np.int64),
        np.array(values, dtype=np.int64),
        np.array(exps, dtype=np.int8),
        np.array(signs, dtype=np.int64),
        zero_is_exact,
    )
    return [bool(f) for f in flagged.tolist()]
