"""Exact ratios and percentages that know when they are undefined.

A ratio keeps its numerator and denominator exactly and divides only when it
is shown or compared. A zero denominator makes it *undefined*: a state of its
own, never 0 nor infinity, shown as ``--（基数为0，不可比）`` in Chinese text.

>>> from budgetkit import Money
>>> (Money("66.02") / Money("988.88")).format()
'6.68%'
>>> Ratio(5, 0).format()
'--（基数为0，不可比）'
>>> Ratio(5, 0).is_undefined
True
"""

from __future__ import annotations

import decimal
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from budgetkit.errors import UndefinedRatioError
from budgetkit.reference import vocabulary
from budgetkit.values.numbers import EXACT, round_quotient, to_decimal
from budgetkit.values.wording import describe_point_change, describe_rate

__all__ = ["NOT_COMPARABLE", "PointChange", "Ratio"]

#: How published Chinese text writes a rate whose base is zero (from :mod:`budgetkit.reference.vocabulary`).
NOT_COMPARABLE = vocabulary.NOT_COMPARABLE

_HUNDRED = Decimal(100)
_DIVIDE = decimal.Context(prec=60, rounding=ROUND_HALF_UP, traps=[decimal.InvalidOperation])


def _quantize(numerator: Decimal, denominator: Decimal, places: int) -> Decimal:
    """Divide and round half-up (away from zero) to ``places``, exactly: no double rounding."""
    return round_quotient(numerator, denominator, places)


class Ratio:
    """An exact ratio ``numerator / denominator``; undefined when the denominator is 0.

    >>> r = Ratio(Decimal("20.63"), Decimal("1.96"))
    >>> r.percent(1)
    Decimal('1052.6')
    >>> Ratio(1, 3) == Ratio(2, 6)
    True
    >>> Ratio(0, 0).percent() is None
    True
    """

    __slots__ = ("_den", "_num")
    _num: Decimal
    _den: Decimal

    def __init__(self, numerator: str | int | Decimal, denominator: str | int | Decimal) -> None:
        object.__setattr__(self, "_num", to_decimal(numerator))
        object.__setattr__(self, "_den", to_decimal(denominator))

    @classmethod
    def _of(cls, numerator: Decimal, denominator: Decimal) -> Ratio:
        """Wrap two already validated Decimals (internal fast path, e.g. ``Money / Money``)."""
        self = object.__new__(cls)
        object.__setattr__(self, "_num", numerator)
        object.__setattr__(self, "_den", denominator)
        return self

    @property
    def numerator(self) -> Decimal:
        """The exact numerator."""
        return self._num

    @property
    def denominator(self) -> Decimal:
        """The exact denominator."""
        return self._den

    @property
    def is_undefined(self) -> bool:
        """Whether the denominator is zero (the ratio has no value)."""
        return not self._den

    @property
    def value(self) -> Decimal:
        """The ratio as a Decimal to 60 significant digits; raises when undefined."""
        if not self._den:
            raise UndefinedRatioError(f"{self._num}/0 is undefined (基数为0，不可比)")
        return _DIVIDE.divide(self._num, self._den)

    def rounded(self, places: int) -> Decimal | None:
        """The ratio rounded half-up to ``places``; ``None`` when undefined.

        >>> Ratio(2, 3).rounded(3)
        Decimal('0.667')
        """
        if not self._den:
            return None
        return _quantize(self._num, self._den, places)

    def percent(self, places: int = 2) -> Decimal | None:
        """The ratio in percent, rounded half-up to ``places``; ``None`` when undefined.

        >>> Ratio(Decimal("27.05"), Decimal("1025.98")).percent()
        Decimal('2.64')
        """
        if not self._den:
            return None
        return _quantize(EXACT.multiply(self._num, _HUNDRED), self._den, places)

    def format(self, places: int = 2, *, undefined: str = NOT_COMPARABLE) -> str:
        """Render as a percentage with ``places`` decimals, half-up.

        >>> Ratio(1, 8).format(1), Ratio(1, 0).format(undefined="--")
        ('12.5%', '--')
        """
        return describe_rate(self, places, undefined=undefined)  # the words live with formatting

    def points_since(self, previous: Ratio) -> PointChange:
        """The change from ``previous`` to this ratio in percentage points (个百分点).

        >>> Ratio(52, 100).points_since(Ratio(50, 100)).describe()
        '提高2.00个百分点'
        """
        return PointChange(self, previous)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Ratio):
            return NotImplemented
        if not self._den or not other._den:
            return not self._den and not other._den and self._num == other._num
        return EXACT.multiply(self._num, other._den) == EXACT.multiply(other._num, self._den)

    def __hash__(self) -> int:
        if not self._den:
            return hash(("undefined", self._num))
        return hash(self.value)

    def _compare(self, other: Ratio) -> int:
        if not isinstance(other, Ratio):
            raise TypeError(f"cannot compare Ratio with {type(other).__name__}")
        if not self._den or not other._den:
            raise UndefinedRatioError("an undefined ratio (基数为0) cannot be ordered")
        left = EXACT.multiply(self._num, other._den)
        right = EXACT.multiply(other._num, self._den)
        if (self._den < 0) != (other._den < 0):
            left, right = right, left
        return (left > right) - (left < right)

    def __lt__(self, other: Ratio) -> bool:
        return self._compare(other) < 0

    def __le__(self, other: Ratio) -> bool:
        return self._compare(other) <= 0

    def __gt__(self, other: Ratio) -> bool:
        return self._compare(other) > 0

    def __ge__(self, other: Ratio) -> bool:
        return self._compare(other) >= 0

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Ratio is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("Ratio is immutable")

    def __reduce__(self) -> tuple[Any, ...]:
        return (Ratio, (self._num, self._den))  # str() may use an exponent the number door refuses

    def __repr__(self) -> str:
        return f"Ratio({self._num!r}, {self._den!r})"

    def __str__(self) -> str:
        return self.format()


class PointChange:
    """A difference between two ratios in percentage points (个百分点).

    >>> Ratio(1, 4).points_since(Ratio(1, 2)).points()
    Decimal('-25.00')
    >>> Ratio(1, 4).points_since(Ratio(1, 0)).describe()
    '--（基数为0，不可比）'
    """

    __slots__ = ("current", "previous")

    def __init__(self, current: Ratio, previous: Ratio) -> None:
        self.current = current
        self.previous = previous

    def points(self, places: int = 2) -> Decimal | None:
        """The difference in points, half-up to ``places``; ``None`` if either side is undefined."""
        a, b = self.current, self.previous
        if a.is_undefined or b.is_undefined:
            return None
        numerator = EXACT.subtract(
            EXACT.multiply(a.numerator, b.denominator), EXACT.multiply(b.numerator, a.denominator)
        )
        return _quantize(EXACT.multiply(numerator, _HUNDRED), EXACT.multiply(a.denominator, b.denominator), places)

    def describe(self, places: int = 2) -> str:
        """Write the change as reports do: 提高/降低…个百分点, or 持平."""
        return describe_point_change(self, places)

    def __repr__(self) -> str:
        return f"PointChange({self.current!r}, {self.previous!r})"
