"""Year-over-year changes, described the way 决算说明 write them.

>>> from budgetkit import Money
>>> change(Money("1054.90"), Money("988.88")).describe()
'增加66.02万元，增长6.68%'
>>> change(Money("1.00"), Money("1.50")).describe()
'减少0.50万元，下降33.33%'
>>> change(Money("3"), Money("3.00")).describe()
'持平'
>>> change(Money("5"), Money("0")).describe()
'增加5.00万元，增长率--（基数为0，不可比）'
"""

from __future__ import annotations

import enum

import attrs

from budgetkit.values.money import Money
from budgetkit.values.ratio import Ratio
from budgetkit.values.wording import RATE_WORDS, describe_change

__all__ = ["Change", "Direction", "change"]


class Direction(enum.Enum):
    """Which way a figure moved: 增加, 减少 or 持平."""

    INCREASE = "增加"
    DECREASE = "减少"
    UNCHANGED = "持平"

    @property
    def rate_word(self) -> str:
        """The word used with the growth rate: 增长, 下降, or 持平."""
        return RATE_WORDS[self.value]


@attrs.frozen
class Change:
    """The change of an amount from ``previous`` (last year) to ``current``.

    >>> c = change(Money("2.80"), Money("2.22"))
    >>> c.difference, c.direction, c.growth.format()
    (Money('0.58'), <Direction.INCREASE: '增加'>, '26.13%')
    """

    current: Money
    previous: Money

    @property
    def difference(self) -> Money:
        """``current − previous``, exactly."""
        return self.current - self.previous

    @property
    def growth(self) -> Ratio:
        """The growth rate ``difference / |previous|``; undefined when ``previous`` is 0.

        The base is the absolute previous value, so a rise from a negative
        balance reads as growth, as in published practice.
        """
        # Money / Money: exact, and a difference of two accepted amounts may have one digit more than an input may
        return self.difference / abs(self.previous)

    @property
    def direction(self) -> Direction:
        """增加, 减少 or 持平."""
        if self.current > self.previous:
            return Direction.INCREASE
        if self.current < self.previous:
            return Direction.DECREASE
        return Direction.UNCHANGED

    def describe(self, places: int = 2) -> str:
        """Write the change as a report does, amounts and rate to ``places`` decimals.

        The words are :func:`budgetkit.values.formatting.describe_change`'s; this method delegates to it.
        """
        return describe_change(self, places)


def change(current: Money, previous: Money) -> Change:
    """Return the :class:`Change` from ``previous`` to ``current``.

    >>> change(Money("2.00"), Money("1.93")).growth.format()
    '3.63%'
    >>> change(Money("2"), 1.93)
    Traceback (most recent call last):
    ...
    TypeError: change() takes two Money amounts
    """
    if type(current) is not Money or type(previous) is not Money:
        raise TypeError("change() takes two Money amounts")
    return Change(current, previous)
