"""Small attrs converters and validators shared by the model modules (internal)."""

from __future__ import annotations

import datetime
import enum
from decimal import Decimal
from typing import Any, TypeVar

from budgetkit.errors import FloatRefusedError, ModelError
from budgetkit.values.money import Money
from budgetkit.values.numbers import MAX_PLACES, plain, to_decimal

E = TypeVar("E", bound=enum.Enum)


def money(value: Any) -> Money:
    """Convert ``str | int | Decimal | Money`` to Money (floats refused)."""
    return value if type(value) is Money else Money(value)


def optional_money(value: Any) -> Money | None:
    """Like :func:`money`, but ``None`` (and a blank string) stay unknown, never 0."""
    if value is None or (type(value) is str and not value.strip()):
        return None
    return money(value)


#: Longest text of a Decimal that :func:`short_plain` lets through: at most MAX_PLACES places and far
#: fewer than MAX_DIGITS digits, so the number door would accept it as it is.
_SHORT = MAX_PLACES + 1


def short_plain(value: Decimal) -> bool:
    """Whether ``value`` is a Decimal the number door accepts as it is, told from its text (cheap).

    A loader's hook has already made the Decimal through :func:`~budgetkit.values.numbers.to_decimal`;
    a converter that passes it again need not take it apart. A short text of plain ASCII digits (one
    point and a minus at most) shows every place the Decimal has and no more digits than it has
    characters, so it is within every limit. Any other value, still maybe valid, is for the door.

    >>> short_plain(Decimal("-12.50")), short_plain(Decimal("1E+3")), short_plain(Decimal("NaN"))
    (True, False, False)
    """
    text = str(value)
    return (
        len(text) <= _SHORT and text.isascii() and (text[1:] if text[:1] == "-" else text).replace(".", "", 1).isdigit()
    )


def decimal(value: Any) -> Decimal:
    """Convert ``str | int | Decimal`` to Decimal through the one door."""
    if type(value) is Decimal and short_plain(value):
        return value
    return to_decimal(value)


def optional_decimal(value: Any) -> Decimal | None:
    """Like :func:`decimal`, but ``None`` and blank strings stay unknown."""
    if value is None or (type(value) is str and not value.strip()):
        return None
    if type(value) is Decimal and short_plain(value):
        return value
    return to_decimal(value)


def non_negative(instance: object, attribute: Any, value: Any) -> None:
    """attrs validator: refuse a negative number."""
    if value is None:
        return
    amount = value.amount if type(value) is Money else value
    if amount < 0:
        raise ModelError(f"must not be negative, got {plain(amount)}", attribute.name)


def yuan(instance: object, attribute: Any, value: Any) -> None:
    """attrs validator: an amount in 元 must also be a valid amount in 万元 (four more places)."""
    exponent = value.amount.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > MAX_PLACES - 4:
        raise ModelError(
            f"{format(value.amount, 'f')} 元 has more than {MAX_PLACES - 4} decimal places; "
            f"in 万元 that is more than the {MAX_PLACES} an amount may have",
            attribute.name,
        )


def whole(instance: object, attribute: Any, value: Any) -> None:
    """attrs validator: an ``int`` (a float or bool is refused with FloatRefusedError)."""
    if isinstance(value, (bool, float)):
        raise FloatRefusedError(value)
    if not isinstance(value, int):
        raise ModelError(f"must be a whole number, got {type(value).__name__} {value!r}", attribute.name)


def count(instance: object, attribute: Any, value: Any) -> None:
    """attrs validator: a whole, non-negative count (persons, vehicles), or None."""
    if value is None:
        return
    whole(instance, attribute, value)
    if value < 0:
        raise ModelError(f"a count must not be negative, got {value}", attribute.name)


def iso_date(instance: object, attribute: Any, value: Any) -> None:
    """attrs validator: a calendar date written YYYY-MM-DD."""
    try:
        if not (isinstance(value, str) and len(value) == 10):
            raise ValueError
        datetime.date.fromisoformat(value)
    except ValueError:
        raise ModelError(f"expected a date written YYYY-MM-DD, got {value!r}", attribute.name) from None


def pairs(value: Any) -> tuple[Any, ...]:
    """Convert ``[[name, count], …]`` from a file to a tuple of tuples (checked by :func:`name_counts`)."""
    return tuple(tuple(p) if isinstance(p, list) else p for p in tuple_of(value))


def name_counts(instance: object, attribute: Any, value: tuple[Any, ...]) -> None:
    """attrs validator: (name, count) pairs with a non-negative whole count."""
    for i, pair in enumerate(value):
        path = f"{attribute.name}[{i}]"
        if not isinstance(pair, tuple) or len(pair) != 2 or not isinstance(pair[0], str):
            raise ModelError(f"expected a [name, count] pair, got {pair!r}", path)
        number = pair[1]
        if isinstance(number, (bool, float)):
            raise FloatRefusedError(number)
        if not isinstance(number, int) or number < 0:
            raise ModelError(f"expected a non-negative whole count, got {number!r}", path)


def member(kind: type[E], value: Any) -> E:
    """Read an enum member from its value, with an error that lists the choices."""
    if isinstance(value, kind):
        return value
    try:
        return kind(value)
    except ValueError:
        known = "、".join(str(m.value) for m in kind)
        raise ModelError(f"{value!r} is not one of the known values: {known}") from None


def tuple_of(value: Any) -> tuple[Any, ...]:
    """Convert any iterable (list from a file) to a tuple, keeping objects immutable."""
    if type(value) is tuple:  # a loader's hook made it already
        return value
    if isinstance(value, (str, bytes)):
        raise ModelError(f"expected a sequence, got a {type(value).__name__}")
    return tuple(value)
