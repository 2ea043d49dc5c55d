"""Shares of a whole and splitting an amount into parts, both exact.

>>> from budgetkit import Money
>>> s = shares([Money("980"), Money("18.93"), Money("27.05")])
>>> s.rounded
(Decimal('95.52'), Decimal('1.85'), Decimal('2.64'))
>>> sum(s.rounded)  # plainly rounded shares need not add up to 100
Decimal('100.01')
>>> s.balanced, sum(s.balanced)
((Decimal('95.52'), Decimal('1.84'), Decimal('2.64')), Decimal('100.00'))
>>> allocate(Money("10.00"), [1, 1, 1])
(Money('3.34'), Money('3.33'), Money('3.33'))
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import attrs

from budgetkit.errors import ModelError
from budgetkit.values.money import Money
from budgetkit.values.numbers import EXACT, to_decimal
from budgetkit.values.ratio import Ratio

__all__ = ["Shares", "allocate", "largest_remainder", "shares"]


def largest_remainder(total_units: int, weights: Sequence[Decimal]) -> tuple[int, ...]:
    """Split ``total_units`` (≥ 0) in proportion to non-negative ``weights``.

    Each part gets the floor of its exact quota; the units left over go one
    each to the largest remainders, ties to the earlier part (Hamilton's method).

    >>> largest_remainder(100, [Decimal(1), Decimal(1), Decimal(1)])
    (34, 33, 33)
    """
    weight_sum = EXACT.add(Decimal(0), Decimal(0))
    for w in weights:
        weight_sum = EXACT.add(weight_sum, w)
    if total_units < 0 or not weight_sum:
        raise ValueError("largest_remainder needs a non-negative total and a positive weight sum")
    floors: list[int] = []
    remainders: list[Decimal] = []
    for w in weights:
        quota_num = EXACT.multiply(w, total_units)
        q = int(EXACT.divide_int(quota_num, weight_sum))
        floors.append(q)
        remainders.append(EXACT.subtract(quota_num, EXACT.multiply(weight_sum, q)))
    left = total_units - sum(floors)
    order = sorted(range(len(weights)), key=lambda i: (-remainders[i], i))
    for i in order[:left]:
        floors[i] += 1
    return tuple(floors)


@attrs.frozen
class Shares:
    """Each part's share of the sum of parts, in percent.

    ``rounded`` rounds every share on its own (四舍五入); ``balanced`` uses the
    largest-remainder method so the shares add up to exactly 100. Comparing a
    statement with both tells faithful rounding from a nudge to reach 100%.
    ``ratios`` holds the exact shares (undefined when the parts sum to zero).
    """

    ratios: tuple[Ratio, ...]
    rounded: tuple[Decimal | None, ...]
    balanced: tuple[Decimal | None, ...]
    places: int


def shares(parts: Sequence[Money], places: int = 2) -> Shares:
    """Return each part's share of their sum, plainly rounded and balanced to 100.

    Parts must be non-negative. When they sum to zero every share is undefined
    (``None``), never 0%.

    >>> shares([Money(0), Money(0)]).rounded
    (None, None)
    """
    amounts = [p.amount for p in parts]
    for i, a in enumerate(amounts):
        if a < 0:
            raise ModelError(f"a share needs a non-negative part, got {parts[i]!r}", f"parts[{i}]")
    whole = Money.sum(parts)
    total = whole.amount
    ratios = tuple(part / whole for part in parts)  # Money / Money: exact, however many digits the sum has
    if not total:
        none: tuple[Decimal | None, ...] = tuple(None for _ in amounts)
        return Shares(ratios, none, none, places)
    rounded = tuple(r.percent(places) for r in ratios)
    units = largest_remainder(100 * 10**places, amounts)
    balanced = tuple(Decimal(u).scaleb(-places) for u in units)
    return Shares(ratios, rounded, balanced, places)


def allocate(total: Money, weights: Sequence[int | Decimal | Money], quantum: Money | None = None) -> tuple[Money, ...]:
    """Split ``total`` in proportion to ``weights`` into multiples of ``quantum``.

    The parts add up to exactly ``total`` (largest remainder); a negative total
    splits into negative parts. ``total`` must itself be a multiple of ``quantum``
    (default ``Money("0.01")``).

    >>> allocate(Money("-1.00"), [Money("2"), Money("1")])
    (Money('-0.67'), Money('-0.33'))
    >>> allocate(Money("1.005"), [1, 1])
    Traceback (most recent call last):
    ...
    budgetkit.errors.ModelError: total: 1.005 is not a multiple of the quantum 0.01
    """
    step = (quantum if quantum is not None else Money("0.01")).amount
    if step <= 0:
        raise ModelError(f"the quantum must be positive, got {step}", "quantum")
    units, rest = EXACT.divmod(total.amount, step)
    if rest:
        raise ModelError(f"{total.amount} is not a multiple of the quantum {step}", "total")
    ws = [w.amount if type(w) is Money else to_decimal(w) for w in weights]
    if not ws:
        raise ModelError("allocate needs at least one weight", "weights")
    for i, w in enumerate(ws):
        if w < 0:
            raise ModelError(f"weights must be non-negative, got {w}", f"weights[{i}]")
    if not any(ws):
        raise ModelError("the weights sum to zero", "weights")
    count = int(units)
    parts = largest_remainder(abs(count), ws)
    sign = -1 if count < 0 else 1
    return tuple(Money._of(EXACT.multiply(step, sign * p).quantize(step, context=EXACT)) for p in parts)
