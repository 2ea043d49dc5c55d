"""Exact money in 万元 (ten thousand yuan), the unit of every published total.

>>> Money("1054.90") - Money("988.88")
Money('66.02')
>>> str(Money("1054.9"))
'1,054.90万元'
>>> Money.from_yuan("599.79")
Money('0.059979')
>>> Money.from_yuan("599.79").yuan
Decimal('599.79')
>>> sum([Money("0.1"), Money("0.2")], Money(0)) == Money("0.3")
True
"""

from __future__ import annotations

import decimal
from collections.abc import Callable, Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any, NoReturn, overload

from budgetkit.errors import BudgetkitError, FloatRefusedError, InvalidNumberError
from budgetkit.values.numbers import EXACT, round_half_up, to_decimal
from budgetkit.values.wording import describe_money

if TYPE_CHECKING:
    from budgetkit.values.ratio import Ratio

__all__ = ["InexactDivisionError", "Money"]

_ONE = Decimal(1)
_new_object = object.__new__
_add = EXACT.add
_sub = EXACT.subtract
_mul = EXACT.multiply


class InexactDivisionError(BudgetkitError, ArithmeticError):
    """Dividing an amount would need rounding; use :func:`budgetkit.allocate` instead."""


def _refuse(operation: str, other: object) -> NoReturn:
    if isinstance(other, (float, bool)):
        raise FloatRefusedError(other)
    raise TypeError(f"unsupported operand for Money {operation}: {type(other).__name__}")


class Money:
    """An immutable, exact amount of money in 万元.

    Built from ``str``, ``int`` or :class:`~decimal.Decimal` (never ``float``);
    keeps the places it was written with, so ``Money("2.00")`` remembers that it
    was printed to two decimals. Arithmetic is exact and never rounds: ``+`` and
    ``-`` take another ``Money``; ``*`` and ``/`` take an ``int`` or ``Decimal``;
    ``Money / Money`` gives a :class:`~budgetkit.values.ratio.Ratio`. Only
    :meth:`round` rounds, half-up (四舍五入).

    >>> Money("12.50") * 3
    Money('37.50')
    >>> Money("10") / Money("4")
    Ratio(Decimal('10'), Decimal('4'))
    >>> -Money("1.5"), abs(Money("-1.5"))
    (Money('-1.5'), Money('1.5'))
    >>> Money("0.125").round(2)
    Money('0.13')
    """

    __slots__ = ("_amount",)
    _amount: Decimal

    def __new__(cls, value: Money | str | int | Decimal = 0) -> Money:
        if type(value) is Money:
            return value
        self = _new_object(cls)
        _set_amount(self, to_decimal(value))
        return self

    @classmethod
    def _of(cls, amount: Decimal) -> Money:
        """Wrap an already validated Decimal (internal fast path)."""
        self = _new_object(cls)
        _set_amount(self, amount)
        return self

    @classmethod
    def from_yuan(cls, value: str | int | Decimal) -> Money:
        """Return the amount ``value`` given in 元 (yuan), exactly.

        >>> Money.from_yuan(770)  # printed to the 元, so known to 0.0001 万元
        Money('0.0770')
        """
        return cls._of(to_decimal(EXACT.scaleb(to_decimal(value), -4)))  # the 万元 amount must fit the limits too

    @classmethod
    def sum(cls, amounts: Iterable[Money]) -> Money:
        """Return the exact sum of ``amounts``; an empty sum is ``Money(0)``.

        >>> Money.sum([])
        Money('0')
        >>> Money.sum([Money("1.10"), Money("2.2")])
        Money('3.30')
        """
        total = Decimal(0)
        for amount in amounts:
            if type(amount) is not Money:
                _refuse("sum", amount)
            total = _add(total, amount._amount)
        return cls._of(total)

    @property
    def amount(self) -> Decimal:
        """The amount in 万元 as an exact :class:`~decimal.Decimal`."""
        return self._amount

    @property
    def yuan(self) -> Decimal:
        """The amount in 元 (yuan) as an exact :class:`~decimal.Decimal`."""
        yuan = EXACT.scaleb(self._amount, 4)
        exponent = yuan.as_tuple().exponent
        assert isinstance(exponent, int)
        return yuan.quantize(_ONE, context=EXACT) if exponent > 0 else yuan

    def round(self, places: int = 2) -> Money:
        """Round half-up (四舍五入) to ``places`` decimals of 万元."""
        rounded = round_half_up(self._amount, places)
        return Money._of(rounded if rounded else rounded.copy_abs())  # no "-0.00"

    def __round__(self, ndigits: int | None = None) -> Money:
        return self.round(0 if ndigits is None else ndigits)

    def is_zero(self) -> bool:
        """Return whether the amount is exactly zero."""
        return not self._amount

    # -- arithmetic -------------------------------------------------------
    def __add__(self, other: object) -> Money:
        if type(other) is Money:
            # Money._of inlined: addition is the hot path of every total (benchmarks/money.py).
            new = _new_object(Money)
            _set_amount(new, _add(self._amount, other._amount))
            return new
        if type(other) is int and other == 0:  # lets sum() start from 0
            return self
        _refuse("+", other)

    def __radd__(self, other: object) -> Money:
        return self.__add__(other)

    def __sub__(self, other: Money) -> Money:
        if type(other) is Money:
            new = _new_object(Money)
            _set_amount(new, _sub(self._amount, other._amount))
            return new
        _refuse("-", other)

    def __mul__(self, factor: int | Decimal) -> Money:
        if type(factor) is int or type(factor) is Decimal:
            try:
                return Money._of(_mul(self._amount, to_decimal(factor)))
            except ArithmeticError:  # more digits than exact arithmetic holds
                raise InvalidNumberError(self, f"multiplying by {factor} exceeds {EXACT.prec} digits") from None
        _refuse("*", factor)

    __rmul__ = __mul__

    @overload
    def __truediv__(self, other: Money) -> Ratio: ...
    @overload
    def __truediv__(self, other: int | Decimal) -> Money: ...
    def __truediv__(self, other: object) -> Ratio | Money:
        if type(other) is Money:
            from budgetkit.values.ratio import Ratio

            return Ratio._of(self._amount, other._amount)
        if type(other) is int or type(other) is Decimal:
            divisor = to_decimal(other)
            if not divisor:
                raise ZeroDivisionError(f"{self!r} divided by zero")
            try:
                return Money._of(EXACT.divide(self._amount, divisor))
            except ArithmeticError:
                raise InexactDivisionError(
                    f"{self!r} / {other} is not exact; use budgetkit.allocate() to split "
                    "an amount into parts that add up to it"
                ) from None
        _refuse("/", other)

    def __neg__(self) -> Money:
        return Money._of(EXACT.minus(self._amount))  # the unary operator would round to the caller's context

    def __pos__(self) -> Money:
        return self

    def __abs__(self) -> Money:
        return Money._of(EXACT.abs(self._amount))

    def __bool__(self) -> bool:
        return bool(self._amount)

    # -- comparison -------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        if type(other) is Money:
            return self._amount == other._amount
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._amount)

    def __lt__(self, other: Money) -> bool:
        if type(other) is Money:
            return self._amount < other._amount
        _refuse("<", other)

    def __le__(self, other: Money) -> bool:
        if type(other) is Money:
            return self._amount <= other._amount
        _refuse("<=", other)

    def __gt__(self, other: Money) -> bool:
        if type(other) is Money:
            return self._amount > other._amount
        _refuse(">", other)

    def __ge__(self, other: Money) -> bool:
        if type(other) is Money:
            return self._amount >= other._amount
        _refuse(">=", other)

    # -- conversion and display -------------------------------------------
    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError("Money is immutable")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError("Money is immutable")

    def __reduce__(self) -> tuple[Callable[[Decimal], Money], tuple[Decimal]]:
        # The Decimal itself, not str(): str() may use an exponent ('1E-7') that the
        # number door refuses, and sums or products may exceed its size limits.
        return (Money._of, (self._amount,))

    def __copy__(self) -> Money:
        return self

    def __deepcopy__(self, memo: object) -> Money:
        return self

    def __repr__(self) -> str:
        return f"Money('{self._amount}')"

    def __str__(self) -> str:
        """Show the amount with thousands separators and at least two places.

        >>> str(Money("-0.059979")), str(Money("980"))
        ('-0.059979万元', '980.00万元')
        """
        return describe_money(self)  # the words live with formatting

    def __format__(self, spec: str) -> str:
        if not spec:
            return str(self)
        with decimal.localcontext(rounding=ROUND_HALF_UP):  # 四舍五入, not the default banker's rounding
            return format(self._amount, spec)

    def to_quantity(self) -> Any:
        """Return the amount as a pint quantity in 万元 (``Decimal`` magnitude).

        >>> Money("1.5").to_quantity().to("元").magnitude == 15000
        True
        """
        from budgetkit.values.units import registry

        return registry().Quantity(self._amount, "万元")

    @classmethod
    def from_quantity(cls, quantity: Any) -> Money:
        """Return the money held by a pint quantity in 元, 万元 or 亿元.

        >>> from budgetkit.values.units import registry
        >>> Money.from_quantity(registry().Quantity(Decimal("599.79"), "元"))
        Money('0.059979')
        """
        from budgetkit.values.units import registry, to_exact

        ureg = registry()
        if not isinstance(quantity, ureg.Quantity):
            raise TypeError(f"expected a pint Quantity from budgetkit's registry, got {type(quantity).__name__}")
        try:
            in_wan = to_exact(quantity, "万元")
        except BudgetkitError:
            raise
        except Exception as exc:
            raise InvalidNumberError(quantity, f"not an amount of money ({exc})") from None
        return cls._of(to_decimal(in_wan))


# Set the slot through its descriptor: cheaper than object.__setattr__, and it
# bypasses Money.__setattr__, which refuses every assignment.
_set_amount: Callable[[Money, Decimal], None] = Money.__dict__["_amount"].__set__
