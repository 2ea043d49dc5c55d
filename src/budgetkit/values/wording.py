"""How the report writes a value in Chinese: amounts in 万元, rates, year-over-year changes, point changes.

The value classes (:class:`~budgetkit.values.money.Money`, :class:`~budgetkit.values.ratio.Ratio`,
:class:`~budgetkit.values.change.Change`) format nothing in Chinese themselves: ``str(Money)``,
``Ratio.format``, ``Change.describe`` and ``PointChange.describe`` delegate here. This module is part of
formatting (:mod:`budgetkit.values.formatting` re-exports every function); it reads the values through
small protocols so that it imports none of their modules (the values import it, not the other way round).
The words come from :mod:`budgetkit.reference.vocabulary`.

>>> from budgetkit import Money, change
>>> describe_money(Money("1054.9")), describe_change(change(Money("1054.90"), Money("988.88")))
('1,054.90万元', '增加66.02万元，增长6.68%')
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Any, Protocol, Self

import attrs

from budgetkit.errors import FloatRefusedError
from budgetkit.reference.vocabulary import MONEY_UNITS, NOT_COMPARABLE
from budgetkit.values.interval import Interval
from budgetkit.values.numbers import plain, round_half_up

__all__ = ["RATE_WORDS", "Bilingual", "LaterWords", "Words", "describe_change", "describe_money", "describe_point_change", "describe_rate", "format_plain"]

#: The word a growth rate takes after each direction of a change: 增加 → 增长, 减少 → 下降.
RATE_WORDS: Mapping[str, str] = MappingProxyType({"增加": "增长", "减少": "下降", "持平": "持平"})
_UNCHANGED = "持平"
_CHANGE = "{direction}{amount}，{rate_word}{rate}"
_CHANGE_NO_RATE = "{direction}{amount}，增长率" + NOT_COMPARABLE
_POINTS = "{direction}{points}个百分点"
_POINT_WORDS = ("提高", "降低")



class _Amount(Protocol):
    @property
    def amount(self) -> Decimal: ...


class _Rate(Protocol):
    @property
    def is_undefined(self) -> bool: ...

    def percent(self, places: int = 2) -> Decimal | None: ...


class _Direction(Protocol):
    @property
    def value(self) -> str: ...


class _Change(Protocol):
    @property
    def direction(self) -> _Direction: ...

    @property
    def difference(self) -> _Amount: ...

    @property
    def growth(self) -> _Rate: ...


class _Points(Protocol):
    def points(self, places: int = 2) -> Decimal | None: ...


_WAN = MONEY_UNITS["万元"]


def _wan(amount: Decimal, places: int) -> str:
    """``amount`` in 万元 with separators; ``places`` is never fewer than it has, so nothing is rounded here."""
    return _WAN.format(f"{amount:,.{places}f}")


def describe_money(m: _Amount) -> str:
    """An amount in 万元 with thousands separators and at least two places (what ``str(Money)`` prints).

    >>> from budgetkit import Money
    >>> describe_money(Money("-0.059979")), describe_money(Money("1054.9")), describe_money(Money(Decimal("1E+3")))
    ('-0.059979万元', '1,054.90万元', '1,000.00万元')
    """
    amount = m.amount
    exponent = amount.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < -2 else 2
    return _WAN.format(f"{amount:,.{places}f}")


def describe_rate(ratio: _Rate, places: int = 2, *, undefined: str = NOT_COMPARABLE) -> str:
    """A ratio as a percentage with ``places`` decimals, half-up; ``undefined`` for a zero base.

    >>> from budgetkit import Ratio
    >>> describe_rate(Ratio(1, 8), 1), describe_rate(Ratio(1, 0)), describe_rate(Ratio(10**20, 1), 0)
    ('12.5%', '--（基数为0，不可比）', '10000000000000000000000%')
    """
    pct = ratio.percent(places)
    return undefined if pct is None else f"{plain(pct)}%"


def describe_change(c: _Change, places: int = 2) -> str:
    """A year-over-year change as 决算说明 write it: 增加66.02万元，增长6.68%, or 持平.

    >>> from budgetkit import Money, change
    >>> describe_change(change(Money("1054.90"), Money("988.88"))), describe_change(change(Money("5"), Money("0")))
    ('增加66.02万元，增长6.68%', '增加5.00万元，增长率--（基数为0，不可比）')
    """
    direction = c.direction.value
    if direction == _UNCHANGED:
        return _UNCHANGED
    amount = _wan(round_half_up(abs(c.difference.amount), places), places)
    growth = c.growth
    if growth.is_undefined:
        return _CHANGE_NO_RATE.format(direction=direction, amount=amount)
    rate = growth.percent(places)
    assert rate is not None
    return _CHANGE.format(
        direction=direction, amount=amount, rate_word=RATE_WORDS[direction], rate=f"{plain(abs(rate))}%"
    )


def describe_point_change(change: _Points, places: int = 2) -> str:
    """A change of a rate in percentage points: 提高2.00个百分点, 降低…, 持平, or not comparable.

    >>> from budgetkit import Ratio
    >>> describe_point_change(Ratio(52, 100).points_since(Ratio(50, 100)))
    '提高2.00个百分点'
    """
    pts = change.points(places)
    if pts is None:
        return NOT_COMPARABLE
    if not pts:
        return _UNCHANGED
    return _POINTS.format(direction=_POINT_WORDS[pts < 0], points=plain(abs(pts)))



class Bilingual(str):
    """A line in two languages: the English is the string (so code that compares or joins strings keeps working), the
    Chinese is :attr:`zh`; output in one language takes :meth:`text`. It pickles with both lines (it travels from
    worker processes).

    >>> line = Bilingual("3 skipped", "未核对 3 个")
    >>> line == "3 skipped", line.zh, line.text(english=False)
    (True, '未核对 3 个', '未核对 3 个')
    >>> import pickle
    >>> pickle.loads(pickle.dumps(line)).zh
    '未核对 3 个'
    """

    zh: str

    def __new__(cls, en: str, zh: str) -> Self:
        line = super().__new__(cls, en)
        line.zh = zh
        return line

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]  # pickled with both lines
        return str(self), self.zh

    def text(self, english: bool) -> str:
        """The line in English or in Chinese."""
        return str(self) if english else self.zh

@attrs.frozen
class Words:
    """A piece of message text in Chinese and in English, for a message field that is words, not a number.

    >>> Words("本年", "current year").zh
    '本年'
    """

    zh: str
    en: str


class LaterWords:
    """A message field of :class:`Words` made only when the message is shown: ``make(*args)``.

    A finding's message is worded when it is first read; a field that costs something to word (the labelled parts
    of a sum) waits with it.

    >>> LaterWords(Words, "本年", "current year").words()
    Words(zh='本年', en='current year')
    """

    __slots__ = ("_args", "_make")

    def __init__(self, make: Callable[..., Words], *args: Any) -> None:
        self._make = make
        self._args = args

    def words(self) -> Words:
        """The words, made now."""
        return self._make(*self._args)


def format_plain(value: Decimal | int | Fraction | _Amount | Interval | str, places: int = 2) -> str:
    """Show a value in a message or a finding's field: plain digits, never ``1E-12``, ``None`` or a repr.

    A Decimal (or Money, in 万元) keeps the places it was written with; an int is itself; an exact
    Fraction is rounded half-up to ``places``; an Interval shows its ends rounded half-up to
    ``places``; text is itself.

    >>> from budgetkit import Money
    >>> from budgetkit.values.interval import Interval
    >>> format_plain(Decimal("1E-12")), format_plain(Decimal("9.74E+28")), format_plain(Money("2.50"))
    ('0.000000000001', '97400000000000000000000000000', '2.50')
    >>> format_plain(Fraction(2, 3)), format_plain(Interval.published(Decimal("2.00")), 4), format_plain("增加/减少")
    ('0.67', '[1.9950, 2.0050)', '增加/减少')
    >>> format_plain(0.5)
    Traceback (most recent call last):
    ...
    budgetkit.errors.FloatRefusedError: 0.5 is a float; budgetkit keeps money exact and refuses floats. Pass a str such as '0.5', an int, or a decimal.Decimal.
    """
    if type(value) is str:  # the common cases first: a finding's text and its exact numbers
        return value
    if type(value) is Decimal:
        return plain(value)
    if isinstance(value, str):
        return value
    if isinstance(getattr(value, "amount", None), Decimal):  # a Money (not imported: it imports this module)
        return plain(value.amount)  # type: ignore[union-attr]
    if isinstance(value, (bool, float)):
        raise FloatRefusedError(value)
    if isinstance(value, (Decimal, int)):
        return plain(value)
    if isinstance(value, Fraction):
        return plain(round_half_up(value, places))
    if isinstance(value, Interval):

        def end(v: Fraction | None, infinite: str) -> str:
            return infinite if v is None else plain(round_half_up(v, places))

        return (
            f"{'(' if value.lo_open else '['}{end(value.lo, '-∞')}, {end(value.hi, '∞')}{')' if value.hi_open else ']'}"
        )
    raise TypeError(f"format_plain() shows a number, an interval or text, not a {type(value).__name__}")
