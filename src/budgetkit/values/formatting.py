"""Locale-aware display of amounts, rates, counts and heading numbers (an edge module).

Numbers are rounded half-up (四舍五入) by budgetkit *before* Babel sees them,
so Babel only places separators and never rounds: its own default,
half-even, would print 0.125 as 0.12. Model modules never import this module.

Chinese wording is used when the locale's language is ``zh`` (the default is
``zh_CN``); every other locale gets English wording with that locale's number
symbols. The English renderings are ``599.79 CNY`` (元), ``1,054.90 (10k CNY)``
(万元) and ``0.11 (100m CNY)`` (亿元), so the figure itself stays the one
printed in the Chinese report.

>>> from budgetkit import Money, Ratio
>>> format_money(Money("1054.9"))
'1,054.90万元'
>>> format_money(Money("1054.9"), locale="en")
'1,054.90 (10k CNY)'
>>> format_percent(Money("66.02") / Money("988.88"))
'6.68%'
>>> format_compact(Money("123456"))
'12.35亿元'
>>> heading(3), heading(12, style="（）")
('三、', '（十二）')
"""

from __future__ import annotations

import copy
import decimal
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from types import MappingProxyType
from typing import Literal, NamedTuple

from babel import Locale
from babel.numbers import NumberPattern, format_decimal

from budgetkit.errors import FloatRefusedError, InvalidNumberError, ModelError, UnknownUnitError
from budgetkit.reference.vocabulary import MONEY_UNITS, MONEY_UNITS_EN, NOT_COMPARABLE, NOT_COMPARABLE_EN
from budgetkit.values.money import Money
from budgetkit.values.numbers import MAX_PLACES, places_of, round_half_up, to_decimal
from budgetkit.values.ratio import Ratio
from budgetkit.values.wording import (
    Words,
    describe_change,
    describe_money,
    describe_point_change,
    describe_rate,
    format_plain,
)

__all__ = [
    "COMPACT_STEP",
    "DEFAULT_LOCALE",
    "MAX_ORDINAL",
    "HeadingStyle",
    "Unit",
    "Words",
    "chinese_ordinal",
    "describe_change",
    "describe_money",
    "describe_point_change",
    "describe_rate",
    "format_compact",
    "format_count",
    "format_money",
    "format_percent",
    "format_plain",
    "heading",
]

# -- every word a reader sees ------------------------------------------------
#: The money units a figure can be shown in (元, 万元, 亿元).
Unit = Literal["元", "万元", "亿元"]
#: Heading styles: ``"、"`` gives 一、 and ``"（）"`` gives （一）.
HeadingStyle = Literal["、", "（）"]

#: The power of ten that turns an amount in 万元 into each unit.
_UNIT_SHIFT: Mapping[str, int] = MappingProxyType({"元": 4, "万元": 0, "亿元": -4})
_HEADING_TEMPLATES: Mapping[str, str] = MappingProxyType({"、": "{}、", "（）": "（{}）"})
_DIGITS = "零一二三四五六七八九"
_TEN = "十"
_HUNDRED = "百"


class _Wording(NamedTuple):
    units: Mapping[str, str]
    not_comparable: str
    count_template: str


_CHINESE = _Wording(units=MONEY_UNITS, not_comparable=NOT_COMPARABLE, count_template="{}{}")
_ENGLISH = _Wording(units=MONEY_UNITS_EN, not_comparable=NOT_COMPARABLE_EN, count_template="{} {}")

# ----------------------------------------------------------------------------

#: The locale used when none is given.
DEFAULT_LOCALE = "zh_CN"
#: Largest number :func:`chinese_ordinal` writes (九百九十九).
MAX_ORDINAL = 999
#: :func:`format_compact` moves up a unit (元 → 万元 → 亿元) once the figure,
#: rounded in the smaller unit, reaches this many of it.
COMPACT_STEP = Decimal(10000)
_COMPACT_LADDER: tuple[Unit, ...] = ("元", "万元")

# Babel runs under this context: precise enough for any accepted amount, and
# trapping Inexact so that Babel can never round (it quantizes with the ambient
# context, whose default precision of 28 would silently cut long amounts).
_RENDER = decimal.Context(
    prec=120,
    rounding=ROUND_HALF_UP,
    traps=[decimal.Inexact, decimal.InvalidOperation, decimal.FloatOperation],
)


@lru_cache(maxsize=64)
def _locale(name: str) -> Locale:
    return Locale.parse(name)


def _wording(locale: Locale) -> _Wording:
    return _CHINESE if locale.language == "zh" else _ENGLISH


@lru_cache(maxsize=256)
def _pattern(locale: Locale, places: int, percent: bool) -> NumberPattern:
    """The locale's own decimal (or percent) pattern with exactly ``places`` decimals."""
    base: NumberPattern = locale.percent_formats[None] if percent else locale.decimal_formats[None]
    pattern = copy.copy(base)
    pattern.frac_prec = (places, places)
    return pattern


def _check_places(places: int) -> int:
    if type(places) is not int or not 0 <= places <= MAX_PLACES:
        raise InvalidNumberError(places, f"places must be an int from 0 to {MAX_PLACES}")
    return places


def _number(value: Decimal, places: int, locale: Locale, *, percent: bool = False) -> str:
    """Round ``value`` half-up to ``places`` and let Babel place the separators."""
    rounded = round_half_up(value, places)
    if not rounded:
        rounded = rounded.copy_abs()  # -0.001 rounds to 0.00, not -0.00
    if percent:
        rounded = _RENDER.scaleb(rounded, -2)  # the percent pattern scales by 100
    with decimal.localcontext(_RENDER):
        text: str = format_decimal(rounded, format=_pattern(locale, places, percent), locale=locale)
    return text


def _in_unit(m: Money, unit: str) -> Decimal:
    try:
        shift = _UNIT_SHIFT[unit]
    except KeyError:
        raise UnknownUnitError(unit, tuple(_UNIT_SHIFT)) from None
    return _RENDER.scaleb(m.amount, shift)


def _check_money(m: object) -> Money:
    if type(m) is not Money:
        raise TypeError(f"expected a budgetkit Money, got {type(m).__name__}")
    return m


def format_money(m: Money, *, unit: Unit = "万元", places: int = 2, locale: str = DEFAULT_LOCALE) -> str:
    """Show an amount in 元, 万元 or 亿元, rounded half-up (四舍五入) to ``places``.

    The amount is converted to ``unit`` exactly, then rounded once. In English
    the unit is written ``CNY``, ``(10k CNY)`` or ``(100m CNY)`` after the number.

    >>> format_money(Money("1054.9")), format_money(Money("-1054.9"))
    ('1,054.90万元', '-1,054.90万元')
    >>> format_money(Money.from_yuan("599.79"), unit="元")
    '599.79元'
    >>> format_money(Money("0.125")), format_money(Money("2.675")), format_money(Money("-0.125"))
    ('0.13万元', '2.68万元', '-0.13万元')
    >>> format_money(Money("123456"), unit="亿元"), format_money(Money("1054.9"), unit="元", locale="en")
    ('12.35亿元', '10,549,000.00 CNY')
    """
    value = _in_unit(_check_money(m), unit)
    loc = _locale(locale)
    return _wording(loc).units[unit].format(_number(value, _check_places(places), loc))


def format_percent(value: Ratio | Decimal | None, places: int = 2, *, locale: str = DEFAULT_LOCALE) -> str:
    """Show a rate as a percentage rounded half-up; an undefined ratio reads 不可比.

    A :class:`~budgetkit.values.ratio.Ratio` is divided exactly and rounded once; a
    ``Decimal`` is taken as already in percent; ``None`` (or a ratio with a
    zero base) gives ``--（基数为0，不可比）``, or ``n/a (zero base)`` in English.

    >>> format_percent(Ratio(Decimal("66.02"), Decimal("988.88")))
    '6.68%'
    >>> format_percent(Decimal("12.345"), 1), format_percent(Decimal("-0.125"))
    ('12.3%', '-0.13%')
    >>> format_percent(Ratio(5, 0)), format_percent(None, locale="en")
    ('--（基数为0，不可比）', 'n/a (zero base)')
    """
    loc = _locale(locale)
    _check_places(places)
    if isinstance(value, Ratio):
        # Ratio.percent rounds the exact quotient once, so no double rounding here.
        pct = value.percent(places)
    elif value is None:
        pct = None
    else:
        pct = to_decimal(value)
    if pct is None:
        return _wording(loc).not_comparable
    return _number(pct, places, loc, percent=True)


def format_compact(m: Money, places: int = 2, *, locale: str = DEFAULT_LOCALE) -> str:
    """Show an amount in whichever of 元, 万元 or 亿元 reads best.

    Thresholds, on the figure *after* rounding half-up to ``places``: below
    10,000 元 it is shown in 元; from 1 万元 up to (not including) 10,000 万元
    in 万元; from 1 亿元 up in 亿元. Rounding first means no figure ever shows
    as ``10,000.00`` of a unit; negatives follow their absolute value.

    >>> format_compact(Money("0.5")), format_compact(Money("1054.9")), format_compact(Money("123456"))
    ('5,000.00元', '1,054.90万元', '12.35亿元')
    >>> format_compact(Money("9999.999")), format_compact(Money("-0.9999996"))
    ('1.00亿元', '-1.00万元')
    >>> format_compact(Money("1054.9"), locale="en")
    '1,054.90 (10k CNY)'
    """
    _check_money(m)
    _check_places(places)
    chosen: Unit = "亿元"
    for unit in _COMPACT_LADDER:
        if abs(round_half_up(_in_unit(m, unit), places)) < COMPACT_STEP:
            chosen = unit
            break
    return format_money(m, unit=chosen, places=places, locale=locale)


def format_count(n: int | Decimal, unit: str, *, locale: str = DEFAULT_LOCALE) -> str:
    """Show a count with its measure word, e.g. 8批次, keeping the places it was written with.

    Counts are not rounded; thousands are grouped. English puts a space before the unit.

    >>> format_count(8, "批次"), format_count(12000, "人次"), format_count(Decimal("2.5"), "天")
    ('8批次', '12,000人次', '2.5天')
    >>> format_count(3, "visits", locale="en")
    '3 visits'
    """
    value = to_decimal(n)
    loc = _locale(locale)
    number = _number(value, places_of(value), loc)
    return _wording(loc).count_template.format(number, unit) if unit else number


def chinese_ordinal(n: int) -> str:
    """Write ``n`` (1 to 999) in Chinese numerals as headings do: 一, 十一, 二十, 一百零一.

    >>> [chinese_ordinal(k) for k in (1, 10, 11, 20, 99, 100, 101, 110)]
    ['一', '十', '十一', '二十', '九十九', '一百', '一百零一', '一百一十']
    >>> chinese_ordinal(0)
    Traceback (most recent call last):
    ...
    budgetkit.errors.InvalidNumberError: 0 is not accepted as a number: headings are numbered from 1 to 999
    """
    if type(n) is not int:
        if isinstance(n, (bool, float)):
            raise FloatRefusedError(n)
        raise TypeError(f"chinese_ordinal() takes an int, got {type(n).__name__}")
    if not 1 <= n <= MAX_ORDINAL:
        raise InvalidNumberError(n, f"headings are numbered from 1 to {MAX_ORDINAL}")
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    if hundreds:
        text = _DIGITS[hundreds] + _HUNDRED
        if tens:
            text += _DIGITS[tens] + _TEN  # 一百一十, not 一百十
        elif ones:
            text += _DIGITS[0]  # 一百零一
    else:
        text = (_DIGITS[tens] if tens > 1 else "") + (_TEN if tens else "")  # 十一, not 一十一
    return text + (_DIGITS[ones] if ones else "")


def heading(n: int, style: HeadingStyle = "、") -> str:
    """Number a heading: style ``"、"`` gives 一、, style ``"（）"`` gives （一）.

    >>> heading(1), heading(11), heading(2, style="（）")
    ('一、', '十一、', '（二）')
    """
    try:
        template = _HEADING_TEMPLATES[style]
    except (KeyError, TypeError):
        known = ", ".join(repr(s) for s in _HEADING_TEMPLATES)
        raise ModelError(f"unknown heading style {style!r}; use one of {known}", path="style") from None
    return template.format(chinese_ordinal(n))
