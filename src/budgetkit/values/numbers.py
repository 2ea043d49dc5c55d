"""The one door for numbers: every amount, rate and score enters budgetkit here.

:func:`to_decimal` turns ``str | int | Decimal`` into :class:`~decimal.Decimal`
and refuses ``float``, ``bool``, NaN, infinities and anything that is not a
plain decimal number. Arithmetic runs in :data:`EXACT`, a context that raises
instead of rounding, so a result is either exact or an error.

>>> to_decimal("1054.90")
Decimal('1054.90')
>>> to_decimal(12)
Decimal('12')
>>> to_decimal("１２.５")  # full-width digits, as printed in Chinese tables
Decimal('12.5')
>>> to_decimal(0.1)
Traceback (most recent call last):
...
budgetkit.errors.FloatRefusedError: 0.1 is a float; budgetkit keeps money exact and refuses floats. Pass a str such as '0.1', an int, or a decimal.Decimal.
"""

from __future__ import annotations

import decimal
import re
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from budgetkit.errors import FloatRefusedError, InvalidNumberError

__all__ = [
    "EXACT",
    "MAX_DIGITS",
    "MAX_PLACES",
    "MAX_STRING_LENGTH",
    "Number",
    "half_up_units",
    "places_of",
    "plain",
    "readable",
    "round_half_up",
    "round_quotient",
    "to_decimal",
]

Number = str | int | Decimal

#: Most significant digits accepted in one number (a 万元 amount with 18
#: integer digits and 12 decimals is far beyond any budget).
MAX_DIGITS = 30
#: Most decimal places accepted (0.000001 万元 is one 分; twelve leaves room).
MAX_PLACES = 12
#: Longest string looked at; longer input is refused before any parsing.
MAX_STRING_LENGTH = 64

#: The context of all budgetkit arithmetic: precise enough for any sum of
#: accepted numbers, and trapping ``Inexact`` so nothing is silently rounded.
EXACT = decimal.Context(
    prec=120,
    rounding=ROUND_HALF_UP,
    Emax=999,
    Emin=-999,
    traps=[
        decimal.Inexact,
        decimal.InvalidOperation,
        decimal.DivisionByZero,
        decimal.Overflow,
        decimal.FloatOperation,
    ],
)

_PLAIN = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")  # ASCII digits only (after full-width mapping)
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．－＋", "0123456789.-+")


def _check_size(value: Decimal, given: object, max_places: int = MAX_PLACES, max_digits: int = MAX_DIGITS) -> Decimal:
    if not value.is_finite():
        raise InvalidNumberError(given, "NaN and infinities are not amounts")
    _sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    if -exponent > max_places:
        raise InvalidNumberError(given, f"more than {max_places} decimal places")
    if len(digits) + max(exponent, 0) > max_digits:
        raise InvalidNumberError(given, f"more than {max_digits} significant digits")
    return value


def to_decimal(value: object, *, max_places: int = MAX_PLACES, max_digits: int = MAX_DIGITS) -> Decimal:
    """Return ``value`` as an exact :class:`~decimal.Decimal`, or raise.

    Accepts ``int``, ``Decimal`` and strings holding a plain decimal number
    (optional sign, digits, optional point; surrounding spaces and full-width
    digits are allowed; exponents and thousands separators are not). Refuses
    ``float`` and ``bool`` (:class:`~budgetkit.errors.FloatRefusedError`) and
    NaN, infinities, exponents, over-long or over-precise numbers
    (:class:`~budgetkit.errors.InvalidNumberError`). Size checks run before any
    arithmetic, so hostile input such as ``"1e999999999"`` is refused at once.
    ``max_places`` and ``max_digits`` let a caller accept more than an amount
    may have: chart values written by a spreadsheet (``"1054.9000000000001"``),
    or a claim's stated ratio of two accepted amounts; every other limit stays.

    >>> to_decimal(" -3.50 ")
    Decimal('-3.50')
    >>> to_decimal("1e999999999")
    Traceback (most recent call last):
    ...
    budgetkit.errors.InvalidNumberError: '1e999999999' is not accepted as a number: not a plain decimal number (digits with an optional sign and point)
    >>> to_decimal("0.30000000000000004", max_places=24)
    Decimal('0.30000000000000004')
    >>> to_decimal(True)
    Traceback (most recent call last):
    ...
    budgetkit.errors.FloatRefusedError: True is a bool; budgetkit keeps money exact and refuses bools. Pass a str such as 'True', an int, or a decimal.Decimal.
    """
    kind = type(value)
    if kind is str:
        text: str = value  # type: ignore[assignment]
        # ASCII digits with one point at most and a minus at most, and no more places or digits than
        # characters: a text that _PLAIN matches after strip and translate, and that _check_size passes
        size = len(text)
        if (
            size <= max_places + 1
            and size <= max_digits
            and text.isascii()
            and (text[1:] if text[:1] == "-" else text).replace(".", "", 1).isdigit()
        ):
            return Decimal(text)
        if len(text) > MAX_STRING_LENGTH:
            raise InvalidNumberError(value, f"longer than {MAX_STRING_LENGTH} characters")
        text = text.strip().translate(_FULL_WIDTH)
        if not _PLAIN.fullmatch(text):
            raise InvalidNumberError(value, "not a plain decimal number (digits with an optional sign and point)")
        return _check_size(Decimal(text), value, max_places, max_digits)
    if kind is Decimal:
        return _check_size(value, value, max_places, max_digits)  # type: ignore[arg-type]
    if kind is bool or isinstance(value, (bool, float)):
        raise FloatRefusedError(value)
    if isinstance(value, int):
        if value.bit_length() > 4 * max_digits:  # refused before converting a huge int
            raise InvalidNumberError(value, f"more than {max_digits} significant digits")
        return _check_size(Decimal(value), value, max_places, max_digits)
    if isinstance(value, Decimal):
        return _check_size(value, value, max_places, max_digits)
    raise InvalidNumberError(value, f"a {kind.__name__} is not a number budgetkit accepts (str, int or Decimal)")


def plain(value: Decimal | int) -> str:
    """Write a number for a reader: plain digits with the places it has, never exponent notation.

    The one door for numbers into user-facing text (messages, findings, JSON):
    ``str(Decimal("0.000000000001"))`` is ``'1E-12'``, which no report prints.

    >>> plain(Decimal("0.000000000001")), plain(Decimal("1.50")), plain(Decimal("1E+5")), plain(12)
    ('0.000000000001', '1.50', '100000', '12')
    """
    if isinstance(value, Decimal):
        text = str(value)  # plain already unless the exponent is positive or the number tiny: then format "f"
        return format(value, "f") if "E" in text or "e" in text else text
    return str(value)


def readable(value: Decimal | int) -> str:
    """Write a figure for a message: :func:`plain`, and a figure carried from 元 into 万元 without its noughts.

    An amount printed in 元 is held in 万元 with four places more than it was printed with (``18,606,070.30``
    元 is ``1860.607030`` 万元): exact, but no report prints a 万元 figure to more than four places. Past
    four places the trailing noughts go, down to two; the value is unchanged.

    >>> readable(Decimal("1860.607030")), readable(Decimal("100.000000")), readable(Decimal("0.0001"))
    ('1860.60703', '100.00', '0.0001')
    >>> readable(Decimal("2.500")), readable(7)
    ('2.500', '7')
    """
    text = plain(value)
    point = text.find(".")
    if point < 0 or len(text) - point <= 5:
        return text
    kept = max(len(text.rstrip("0")), point + 3)
    return text[:kept]


def places_of(value: Decimal) -> int:
    """Return how many decimal places ``value`` was written with.

    A published figure keeps the places it was printed with (``Decimal('2.00')``
    has two), which is what makes its rounding interval known.

    >>> places_of(Decimal("2.00")), places_of(Decimal("0.8")), places_of(Decimal("980"))
    (2, 1, 0)
    """
    text = str(value)  # read from the text, several times cheaper than value.as_tuple()
    point = text.find(".")
    if "E" in text or "e" in text or not value.is_finite():
        exponent = value.as_tuple().exponent
        assert isinstance(exponent, int)
        return max(-exponent, 0)
    return 0 if point < 0 else len(text) - point - 1


def round_half_up(value: Decimal | Fraction | int, places: int) -> Decimal:
    """Round ``value`` to ``places`` decimals the way reports do (四舍五入, ROUND_HALF_UP): the one rounding routine.

    A :class:`~decimal.Decimal`, an ``int`` or an exact :class:`~fractions.Fraction` is rounded once,
    halves away from zero; the result always has exactly ``places`` decimals.

    >>> round_half_up(Decimal("2.635"), 2), round_half_up(Decimal("-2.635"), 2)
    (Decimal('2.64'), Decimal('-2.64'))
    >>> round_half_up(Decimal("0.125"), 2)  # banker's rounding would give 0.12
    Decimal('0.13')
    >>> round_half_up(Fraction(2, 3), 2), round_half_up(Fraction(-1, 8), 2), round_half_up(7, 1)
    (Decimal('0.67'), Decimal('-0.13'), Decimal('7.0'))
    """
    if isinstance(value, Fraction):
        return _round_ratio(value.numerator, value.denominator, places)
    if isinstance(value, int):
        value = Decimal(value)
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP, context=_ROUNDING)


def round_quotient(numerator: Decimal | int, denominator: Decimal | int, places: int) -> Decimal:
    """Round ``numerator / denominator`` half-up to ``places``, exactly, without dividing first (no double rounding).

    The same rounding as :func:`round_half_up` on the exact quotient, in integer arithmetic.

    >>> round_quotient(Decimal("66.02") * 100, Decimal("988.88"), 2), round_quotient(-1, 8, 2)
    (Decimal('6.68'), Decimal('-0.13'))
    """
    a, b = numerator.as_integer_ratio()
    c, d = denominator.as_integer_ratio()
    if not c:
        raise ZeroDivisionError("round_quotient() with a zero denominator")
    n, m = a * d, b * c
    if m < 0:
        n, m = -n, -m
    return _round_ratio(n, m, places)


def half_up_units(n: int, m: int, places: int) -> int:
    """``n / m`` (``m`` > 0) rounded half-up, away from zero, to ``places`` decimals, in units of 10^-places.

    >>> half_up_units(1549, 135, 0), half_up_units(-5, 2, 0), half_up_units(1, 3, 2)
    (11, -3, 33)
    """
    units: int
    remainder: int
    units, remainder = divmod(abs(n) * 10**places, m)
    if 2 * remainder >= m:
        units += 1
    return -units if n < 0 else units


def _round_ratio(n: int, m: int, places: int) -> Decimal:
    """``n / m`` (``m`` > 0) rounded half-up, away from zero, to exactly ``places`` decimals."""
    units = half_up_units(n, m, places)
    # Decimal reads a string exactly whatever the context's precision (and faster than a digit tuple)
    return Decimal(f"{units}E-{places}")


_ROUNDING = decimal.Context(prec=120, rounding=ROUND_HALF_UP, traps=[decimal.InvalidOperation])
