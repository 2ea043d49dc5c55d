"""Units of performance tables (度量单位) as pint units with exact ``Decimal`` conversions.

budgetkit has one pint registry, built on first use from the package data file
``budgetkit/data/units.txt`` and nothing else. pint's default definitions are
not loaded: they take about 0.15 s to read and make a month 1/12 of 365.25
days, so a day would become a rounded 0.03285420944558521560574948666 month.

Every counted thing (个 人 次 项 …) is one dimension, so ``50 万`` compares
with ``793100 次``; 元, 万元 and 亿元 are one currency; ``%`` is dimensionless
×0.01; 年 = 12 月, while 日 and 工作日 are dimensions of their own because no
exact conversion joins them. Conversions go through :func:`to_exact`, which
never rounds.

>>> quantity("50", "万") < quantity("793100", "次")
True
>>> to_exact(quantity("599.79", "元"), "万元")
Decimal('0.059979')
>>> to_exact(quantity("3", "年"), "月")
Decimal('36')
>>> parse_unit(" ㎡ ")
<Unit('平方米')>
>>> to_exact(quantity("10", "工作日"), "日")
Traceback (most recent call last):
...
budgetkit.errors.UnitMismatchError: cannot convert 工作日 to 日: 工作日 measures [working_day] and 日 ...
"""

from __future__ import annotations

import decimal
import functools
import re
import threading
from decimal import Decimal
from importlib import resources
from typing import Any

from budgetkit.errors import BudgetkitError, UnitMismatchError, UnknownUnitError
from budgetkit.values.numbers import EXACT, Number, to_decimal

__all__ = [
    "InexactConversionError",
    "UnitDefinitionError",
    "check_unit",
    "known_units",
    "parse_unit",
    "quantity",
    "register_synonym",
    "register_unit",
    "registry",
    "to_exact",
]

_DATA_FILE = "units.txt"
_SYNONYM = "@synonym"
_COMPOUND = re.compile(r"[/／]")
_DIMENSION = re.compile(r"\[[A-Za-z_]\w*\]")
_TIME_DIMENSIONS = frozenset({"[month]", "[day]", "[working_day]"})
_TIME_HINT = (
    "budgetkit keeps 年/月 (calendar months), 日 (calendar days) and 工作日 (working days) apart "
    "because none converts exactly into another"
)


class UnitDefinitionError(BudgetkitError, ValueError):
    """A unit or synonym that cannot be registered; ``name``, ``definition`` and ``reason`` say why.

    >>> try:
    ...     register_unit("个", "= 2 count")
    ... except UnitDefinitionError as exc:
    ...     print(exc.reason)
    '个' is already a unit (= count); budgetkit never redefines a unit
    """

    def __init__(self, name: str, definition: str, reason: str) -> None:
        self.name = name
        self.definition = definition
        self.reason = reason
        super().__init__(f"cannot register unit {name!r} ({definition!r}): {reason}")


class _Units:
    """The name tables, and the pint registry built from them on first use; mutated only under ``_LOCK``.

    Names are read from the data file without pint, so checking a unit name (every
    indicator does at construction) never pays pint's import and registry build.
    """

    __slots__ = ("_ureg", "definitions", "lines", "names", "printed", "synonyms")

    def __init__(self) -> None:
        self._ureg: Any = None
        #: every accepted simple name (printed names, pint names, synonyms) → pint unit name
        self.names: dict[str, str] = {"dimensionless": "dimensionless"}
        #: pint unit name → right-hand side of its definition (to recognise a repeated registration)
        self.definitions: dict[str, str] = {}
        #: unit names as printed in tables, in definition order (``%``, not ``percent``)
        self.printed: list[str] = []
        self.synonyms: list[str] = []
        #: every definition line, in order, for the pint registry
        self.lines: list[str] = []

    @property
    def ureg(self) -> Any:
        """The pint registry with every definition so far, built on first use."""
        if self._ureg is None:
            with _LOCK:
                if self._ureg is None:
                    import pint  # imported on first use: pint costs about 0.2 s to import and build

                    # No default definitions (None): only the domain's units, with Decimal magnitudes.
                    ureg: Any = pint.UnitRegistry(None, non_int_type=Decimal, on_redefinition="raise")
                    for line in self.lines:
                        ureg.define(line)
                    self._ureg = ureg
        return self._ureg

    def define(self, line: str) -> None:
        """Define one ``name = definition [= symbol]`` line and record its names."""
        name, rhs, *rest = (part.strip() for part in line.split("="))
        symbol = rest[0] if rest and rest[0] != "_" else ""
        if self._ureg is not None:
            self._ureg.define(line)
        self.lines.append(line)
        printed = symbol or name
        self.names[name] = name
        self.names[printed] = name
        self.definitions[name] = rhs
        self.printed.append(printed)

    def add_synonym(self, alias: str, name: str) -> None:
        """Record ``alias`` as another spelling of the known unit name ``name``."""
        self.names[alias] = self.names[name]
        self.synonyms.append(alias)


_LOCK = threading.RLock()
_UNITS: _Units | None = None


def _units() -> _Units:
    global _UNITS
    units = _UNITS
    if units is None:
        with _LOCK:
            if _UNITS is None:
                _UNITS = _build()
            units = _UNITS
    return units


def _build() -> _Units:
    units = _Units()
    text = (resources.files("budgetkit") / "data" / _DATA_FILE).read_text(encoding="utf-8")
    for raw in text.splitlines():
        line = raw.partition("#")[0].strip()
        if not line:
            continue
        if line.startswith(_SYNONYM):
            alias, _, name = line.removeprefix(_SYNONYM).partition("=")
            units.add_synonym(alias.strip(), name.strip())
        else:
            units.define(line)
    return units


def registry() -> Any:
    """Return budgetkit's one pint ``UnitRegistry`` (``Decimal`` magnitudes), built on first use.

    >>> registry() is registry()
    True
    >>> registry().Quantity(Decimal("1.5"), "万元").to("元")
    <Quantity(15000.0, '元')>
    """
    return _units().ureg


def known_units() -> tuple[str, ...]:
    """Return the unit names :func:`parse_unit` knows: units in definition order, then synonyms.

    Units are listed as printed in tables (``%``, not pint's ``percent``);
    ``count`` is listed because it is what a new counted unit is defined in.

    >>> known_units()[:6]
    ('count', '个', '人', '人次', '份', '条')
    >>> {"万", "万元", "%", "人数", "㎡"} <= set(known_units())
    True
    """
    units = _units()
    with _LOCK:
        return (*units.printed, *units.synonyms)


def check_unit(name: str) -> tuple[str, ...]:
    """Check a unit name as printed in a table, without building pint; return its pint name(s).

    A simple name gives one pint name, a compound ``a/b`` two (numerator, denominator).
    An unknown name raises :class:`~budgetkit.errors.UnknownUnitError`, whose message
    lists the known units. Model classes call this at construction; only
    :func:`parse_unit` and the conversions build the pint registry.

    >>> check_unit("人数"), check_unit(" 元／人 ")
    (('人',), ('元', '人'))
    >>> check_unit("斤")
    Traceback (most recent call last):
    ...
    budgetkit.errors.UnknownUnitError: unknown unit '斤'; known units: count、个、人、...
    """
    if not isinstance(name, str):
        raise TypeError(f"a unit name is a str, not {type(name).__name__}")
    units = _units()
    key = name.strip()
    target = units.names.get(key)
    if target is not None:
        return (target,)
    parts = _COMPOUND.split(key)
    if len(parts) == 2:
        numerator, denominator = (units.names.get(part.strip()) for part in parts)
        if numerator is not None and denominator is not None:
            return (numerator, denominator)
    raise UnknownUnitError(name, known_units())


@functools.lru_cache(maxsize=1024)
def parse_unit(name: str) -> Any:
    """Return the pint unit for a unit name as printed in a table (synonyms and ``元/人`` accepted).

    Surrounding whitespace is ignored. A compound ``a/b`` of two known names
    (``元/人``, ``次/年``; a full-width ``／`` works too) gives their quotient. An
    unknown name raises :class:`~budgetkit.errors.UnknownUnitError`, whose
    message lists the known units.

    >>> parse_unit("人数"), parse_unit("％"), parse_unit("元/人")
    (<Unit('人')>, <Unit('percent')>, <Unit('元 / 人')>)
    >>> parse_unit("斤")
    Traceback (most recent call last):
    ...
    budgetkit.errors.UnknownUnitError: unknown unit '斤'; known units: count、个、人、...
    """
    names = check_unit(name)
    ureg = _units().ureg
    if len(names) == 1:
        return ureg.Unit(names[0])
    return ureg.Unit(names[0]) / ureg.Unit(names[1])


def register_unit(name: str, definition: str) -> Any:
    """Add the unit ``name`` at run time, defined in units already known, and return it.

    ``definition`` is the right-hand side of a pint definition, with or without
    the leading ``=``: ``"= 1 count"`` for a new counted thing, ``"= 1000 元"``
    for money, ``"= [volume]"`` for a new dimension. The factor must be positive
    and exact (``"= 1/3 count"`` is refused). Registering the same definition
    again is harmless; redefining a unit is refused, so a conversion never
    changes under a caller's feet.

    >>> register_unit("场", "= 1 count")
    <Unit('场')>
    >>> quantity("12", "场") == quantity("12", "次")
    True
    """
    if not isinstance(name, str) or not isinstance(definition, str):
        raise TypeError("register_unit(name, definition) takes two str")
    name = name.strip()
    rhs = definition.strip().removeprefix("=").strip()
    if not name.isidentifier():
        raise UnitDefinitionError(
            name,
            definition,
            "a unit name is one word (Chinese characters, letters, digits or _, not starting with a digit); "
            "use register_synonym() for other spellings",
        )
    if not rhs or "=" in rhs or ";" in rhs:
        raise UnitDefinitionError(
            name,
            definition,
            "give one definition such as '= 1 count'; symbols, aliases (use register_synonym) "
            "and offset or logarithmic units are not supported",
        )
    with _LOCK:
        units = _units()
        known = units.names.get(name)
        if known is not None:
            if known == name and units.definitions.get(name) == rhs:
                return units.ureg.Unit(name)
            if known != name:
                shown = f"a synonym of {known}"
            elif name in units.definitions:
                shown = f"a unit (= {units.definitions[name]})"
            else:
                shown = "a unit built into pint"
            reason = f"{name!r} is already {shown}; budgetkit never redefines a unit"
            raise UnitDefinitionError(name, definition, reason)
        _check_definition(units, name, definition, rhs)
        try:
            units.define(f"{name} = {rhs}")
        except Exception as exc:  # pint's parser raises several unrelated exception types
            raise UnitDefinitionError(name, definition, f"pint refused it: {exc}") from None
        parse_unit.cache_clear()
        return units.ureg.Unit(name)


def _check_definition(units: _Units, name: str, definition: str, rhs: str) -> None:
    ureg = units.ureg
    if rhs.startswith("["):
        if not _DIMENSION.fullmatch(rhs):
            raise UnitDefinitionError(name, definition, "a new dimension is written like '[volume]'")
        try:
            ureg.get_dimensionality(rhs)
        except ValueError:
            return  # a dimension nobody uses yet
        raise UnitDefinitionError(
            name, definition, f"{rhs} already has a base unit; define {name} in terms of it, e.g. '= 1 count'"
        )
    try:
        with decimal.localcontext(EXACT):
            value = ureg.parse_expression(rhs)
            factor = value.to_root_units().magnitude if isinstance(value, ureg.Quantity) else value
            positive = factor > 0
    except ArithmeticError:
        raise UnitDefinitionError(name, definition, "the factor is not an exact decimal or not finite") from None
    except Exception as exc:  # unknown names, syntax errors: pint raises several unrelated types
        raise UnitDefinitionError(name, definition, f"it cannot be read ({exc})") from None
    if not positive:
        raise UnitDefinitionError(name, definition, "the factor must be positive")


def register_synonym(alias: str, name: str) -> Any:
    """Make ``alias`` another spelling of the known unit ``name`` and return that unit.

    An alias may be any text without ``/`` (``㎡`` and ``％`` are synonyms).
    Registering the same synonym again is harmless; re-pointing one is refused.

    >>> register_synonym("人员", "人")
    <Unit('人')>
    >>> parse_unit("人员")
    <Unit('人')>
    """
    if not isinstance(alias, str) or not isinstance(name, str):
        raise TypeError("register_synonym(alias, name) takes two str")
    alias = alias.strip()
    if not alias or _COMPOUND.search(alias):
        raise UnitDefinitionError(alias, name, "a synonym is non-blank text without '/'")
    with _LOCK:
        units = _units()
        target = units.names.get(name.strip())
        if target is None:
            raise UnknownUnitError(name, known_units())
        known = units.names.get(alias)
        if known is not None:
            if known == target and alias in units.synonyms:
                return units.ureg.Unit(target)
            raise UnitDefinitionError(alias, name, f"{alias!r} already names the unit {known}")
        units.add_synonym(alias, name.strip())
        parse_unit.cache_clear()
        return units.ureg.Unit(target)


def quantity(value: Number, unit: str) -> Any:
    """Return ``value`` in ``unit`` as a pint quantity with an exact ``Decimal`` magnitude.

    The number goes through :func:`~budgetkit.values.numbers.to_decimal`, so floats,
    bools and NaN are refused.

    >>> quantity("79", "万")
    <Quantity(79, '万')>
    >>> quantity(0.5, "%")
    Traceback (most recent call last):
    ...
    budgetkit.errors.FloatRefusedError: 0.5 is a float; ...
    """
    return registry().Quantity(to_decimal(value), parse_unit(unit))


def to_exact(q: Any, unit: str) -> Decimal:
    """Return the magnitude of quantity ``q`` converted to ``unit``, exactly, as a ``Decimal``.

    Each unit's factor to its base unit is an exact decimal (definitions are
    checked), so a conversion is ``magnitude × a ÷ b`` with exact ``a`` and
    ``b``, computed in a context that raises instead of rounding: the result is
    exact or an error. ``18 月`` is ``1.5 年``, but ``1 月`` has no finite decimal
    number of 年 and raises :class:`InexactConversionError`. Units of different
    dimensions raise :class:`~budgetkit.errors.UnitMismatchError`.

    >>> to_exact(quantity("1", "亿元"), "万元"), to_exact(quantity("79", "万"), "次")
    (Decimal('10000'), Decimal('790000'))
    >>> to_exact(quantity("85", "%"), "dimensionless"), to_exact(quantity("18", "月"), "年")
    (Decimal('0.85'), Decimal('1.5'))
    >>> to_exact(quantity("3", "个"), "万元")
    Traceback (most recent call last):
    ...
    budgetkit.errors.UnitMismatchError: cannot convert 个 to 万元: 个 measures [count] and 万元 measures [currency]
    """
    ureg = registry()
    if not isinstance(q, ureg.Quantity):
        raise TypeError(f"expected a pint Quantity from budgetkit's registry, got {type(q).__name__}")
    magnitude = q.magnitude
    if type(magnitude) is not Decimal or not magnitude.is_finite():
        magnitude = to_decimal(magnitude)  # refuses floats, bools, NaN and infinities
    multiplier, divisor = _conversion(q.units, parse_unit(unit))
    try:
        scaled = EXACT.multiply(magnitude, multiplier)
        return scaled if divisor == 1 else EXACT.divide(scaled, divisor)
    except ArithmeticError:
        raise InexactConversionError(q, unit) from None


class InexactConversionError(BudgetkitError, ArithmeticError):
    """A quantity whose value in the asked unit is not a finite decimal (``1 月`` in 年).

    ``quantity`` and ``unit`` are the refused conversion.

    >>> to_exact(quantity("1", "月"), "年")
    Traceback (most recent call last):
    ...
    budgetkit.values.units.InexactConversionError: 1 月 is not a finite decimal number of 年; convert to a smaller unit ...
    """

    def __init__(self, quantity: Any, unit: str) -> None:
        self.quantity = quantity
        self.unit = unit
        super().__init__(
            f"{quantity.magnitude} {_show(quantity.units)} is not a finite decimal number of {unit}; "
            "convert to a smaller unit or compare in the unit given"
        )


@functools.lru_cache(maxsize=1024)
def _conversion(source: Any, target: Any) -> tuple[Decimal, Decimal]:
    """Return ``(multiplier, divisor)``: a magnitude in ``source`` × multiplier ÷ divisor is in ``target``."""
    if source.dimensionality != target.dimensionality:
        message = (
            f"cannot convert {_show(source)} to {_show(target)}: {_show(source)} measures "
            f"{source.dimensionality} and {_show(target)} measures {target.dimensionality}"
        )
        if {str(source.dimensionality), str(target.dimensionality)} <= _TIME_DIMENSIONS:
            message += f"; {_TIME_HINT}"
        raise UnitMismatchError(message)
    source_up, source_down = _to_base(source)
    target_up, target_down = _to_base(target)
    return EXACT.multiply(source_up, target_down), EXACT.multiply(source_down, target_up)


def _to_base(unit: Any) -> tuple[Decimal, Decimal]:
    """Return ``(up, down)``: one ``unit`` is up ÷ down of its base units, both exact.

    Dividing only at the very end keeps ``次/年`` (1/12 次 per 月) exact.
    """
    ureg = registry()
    up = down = Decimal(1)
    with decimal.localcontext(EXACT):
        for name, exponent in ureg.Quantity(Decimal(1), unit).unit_items():
            power = int(exponent)
            if power != exponent:
                raise UnitMismatchError(f"{_show(unit)} has a fractional power; budgetkit converts whole powers only")
            factor = ureg.get_root_units(name)[0]  # exact: register_unit checks every definition
            if power > 0:
                up *= factor**power
            else:
                down *= factor**-power
    return up, down


def _show(unit: Any) -> str:
    return f"{unit:~}"
