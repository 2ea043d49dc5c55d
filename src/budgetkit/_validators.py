"""Small attrs converters and validators shared by the model modules (internal)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from budgetkit.errors import ModelError
from budgetkit.money import Money
from budgetkit.numbers import to_decimal


def money(value: Any) -> Money:
    """Convert ``str | int | Decimal | Money`` to Money (floats refused)."""
    return value if type(value) is Money else Money(value)


def optional_money(value: Any) -> Money | None:
    """Like :func:`money`, but ``None`` (and a blank string) stay unknown, never 0."""
    if value is None or (type(value) is str and not value.strip()):
        return None
    return money(value)


def decimal(value: Any) -> Decimal:
    """Convert ``str | int | Decimal`` to Decimal through the one door."""
    return to_decimal(value)


def optional_decimal(value: Any) -> Decimal | None:
    """Like :func:`decimal`, but ``None`` and blank strings stay unknown."""
    if value is None or (type(value) is str and not value.strip()):
        return None
    return to_decimal(value)


def non_negative(instance: object, attribute: Any, value: Any) -> None:
    """attrs validator: refuse a negative number."""
    if value is None:
        return
    amount = value.amount if type(value) is Money else value
    if amount < 0:
        raise ModelError(f"must not be negative, got {amount}", f"{type(instance).__name__}.{attribute.name}")


def tuple_of(value: Any) -> tuple[Any, ...]:
    """Convert any iterable (list from a file) to a tuple, keeping objects immutable."""
    if isinstance(value, (str, bytes)):
        raise ModelError(f"expected a sequence, got a {type(value).__name__}")
    return tuple(value)
