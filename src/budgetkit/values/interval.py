"""Exact interval arithmetic on published (rounded) figures.

A figure printed to ``d`` decimals stands for every value that rounds to it
half-up (四舍五入): ``2.00`` is ``[1.995, 2.005)``. A statement derived from
printed figures is consistent when it is reachable from *some* values inside
their intervals; fixed tolerances are wrong in both directions. Bounds are
exact :class:`~fractions.Fraction` values, and each end knows whether it is
open, so ``1.99`` (``[1.985, 1.995)``) and ``2.00`` do not touch.

>>> from decimal import Decimal
>>> share = Interval.published(Decimal("20.63")) / Interval.published(Decimal("1.96")) * 100
>>> share.overlaps(Interval.published(Decimal("1055.4")))
True
>>> Interval.published(Decimal("1.99")).overlaps(Interval.published(Decimal("2.00")))
False
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs

from budgetkit.values.numbers import places_of, plain, round_half_up

__all__ = ["Interval"]


def _half_unit(places: int) -> Fraction:
    return Fraction(1, 2 * 10**places)


@attrs.frozen
class Interval:
    """The set of real values between ``lo`` and ``hi``; each end open or closed.

    ``lo is None`` / ``hi is None`` stand for an unbounded end.
    """

    lo: Fraction | None
    hi: Fraction | None
    lo_open: bool = False
    hi_open: bool = False

    @classmethod
    def exact(cls, value: Decimal | int | Fraction) -> Interval:
        """A single, exactly known value.

        >>> Interval.exact(3).contains(Fraction(3))
        True
        """
        v = Fraction(value)
        return cls(v, v)

    @classmethod
    def published(cls, value: Decimal, *, places: int | None = None, zero_is_exact: bool = True) -> Interval:
        """The values that round half-up to ``value`` at its printed places.

        A printed 0 is taken as exactly zero by default: reports print 0 for
        "nothing", not for an amount below half a unit.

        >>> Interval.published(Decimal("0.8"))
        Interval(lo=Fraction(3, 4), hi=Fraction(17, 20), lo_open=False, hi_open=True)
        >>> Interval.published(Decimal("-1.5"))
        Interval(lo=Fraction(-31, 20), hi=Fraction(-29, 20), lo_open=True, hi_open=False)
        """
        if zero_is_exact and not value:
            return cls.exact(0)
        p = places_of(value) if places is None else places
        v = Fraction(value)
        h = _half_unit(p)
        if v == 0:  # both −h and +h round away from zero, to ∓1 unit
            return cls(-h, h, True, True)
        if v > 0:  # half-up rounds x.5 away from zero: [v − h, v + h)
            return cls(v - h, v + h, False, True)
        return cls(v - h, v + h, True, False)

    def __add__(self, other: Interval) -> Interval:
        lo = None if self.lo is None or other.lo is None else self.lo + other.lo
        hi = None if self.hi is None or other.hi is None else self.hi + other.hi
        return Interval(lo, hi, self.lo_open or other.lo_open, self.hi_open or other.hi_open)

    def __neg__(self) -> Interval:
        return Interval(
            None if self.hi is None else -self.hi, None if self.lo is None else -self.lo, self.hi_open, self.lo_open
        )

    def __sub__(self, other: Interval) -> Interval:
        return self + (-other)

    def __mul__(self, factor: int | Fraction) -> Interval:
        f = Fraction(factor)
        if f == 0:
            return Interval.exact(0)
        lo = None if self.lo is None else self.lo * f
        hi = None if self.hi is None else self.hi * f
        if f > 0:
            return Interval(lo, hi, self.lo_open, self.hi_open)
        return Interval(hi, lo, self.hi_open, self.lo_open)

    def __truediv__(self, other: Interval) -> Interval:
        """Divide; when ``other`` can be zero the result is unbounded."""
        if other.lo is None or other.hi is None or self.lo is None or self.hi is None:
            return Interval(None, None, True, True)
        if other.lo <= 0 <= other.hi:
            return Interval(None, None, True, True)
        ends = [
            (self.lo / other.lo, self.lo_open or other.lo_open),
            (self.lo / other.hi, self.lo_open or other.hi_open),
            (self.hi / other.lo, self.hi_open or other.lo_open),
            (self.hi / other.hi, self.hi_open or other.hi_open),
        ]
        lo = min(e[0] for e in ends)
        hi = max(e[0] for e in ends)
        lo_open = all(e[1] for e in ends if e[0] == lo)
        hi_open = all(e[1] for e in ends if e[0] == hi)
        return Interval(lo, hi, lo_open, hi_open)

    def contains(self, value: Fraction) -> bool:
        """Whether ``value`` lies in the interval."""
        if self.lo is not None and (value < self.lo or (value == self.lo and self.lo_open)):
            return False
        return not (self.hi is not None and (value > self.hi or (value == self.hi and self.hi_open)))

    def overlaps(self, other: Interval) -> bool:
        """Whether some value lies in both intervals."""
        lo, lo_open = _max_lo(self, other)
        hi, hi_open = _min_hi(self, other)
        if lo is None or hi is None:
            return True
        return lo < hi or (lo == hi and not lo_open and not hi_open)

    def midpoint(self) -> Fraction | None:
        """The middle of a bounded interval (``None`` when unbounded)."""
        if self.lo is None or self.hi is None:
            return None
        return (self.lo + self.hi) / 2

    def describe(self, places: int = 4) -> str:
        """Show the interval with decimals, for messages.

        >>> Interval.published(Decimal("2.00")).describe()
        '[1.9950, 2.0050)'
        """

        def show(v: Fraction | None) -> str:
            return "∞" if v is None else plain(round_half_up(v, places))  # half-up, like every printed figure

        return f"{'(' if self.lo_open else '['}{show(self.lo)}, {show(self.hi)}{')' if self.hi_open else ']'}"


def _max_lo(a: Interval, b: Interval) -> tuple[Fraction | None, bool]:
    if a.lo is None:
        return b.lo, b.lo_open
    if b.lo is None:
        return a.lo, a.lo_open
    if a.lo > b.lo:
        return a.lo, a.lo_open
    if b.lo > a.lo:
        return b.lo, b.lo_open
    return a.lo, a.lo_open or b.lo_open


def _min_hi(a: Interval, b: Interval) -> tuple[Fraction | None, bool]:
    if a.hi is None:
        return b.hi, b.hi_open
    if b.hi is None:
        return a.hi, a.hi_open
    if a.hi < b.hi:
        return a.hi, a.hi_open
    if b.hi < a.hi:
        return b.hi, b.hi_open
    return a.hi, a.hi_open or b.hi_open
