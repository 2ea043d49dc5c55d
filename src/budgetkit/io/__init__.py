"""Reading and writing final accounts as TOML or JSON, losslessly.

Files are human-editable: every number is written as a string (``"1054.90"``)
so its digits survive exactly; integers are accepted where a count or amount is
whole, floats never. A file starts with its format version
(``format_version = "0.2"``, :data:`FORMAT_VERSION`); a file without one is a
0.1 file and loads unchanged (0.2 only adds the published tables, ``[tables]``; 0.3 only adds the
self-evaluation layout of a project and the printed target/completion cells of an indicator; 0.4 only adds
whether a change explanation's contributions are ``exhaustive``; :func:`dumps` writes 0.3 or 0.4 only for an
account that uses what they add, so older budgetkits keep reading the rest);
a version newer than this budgetkit knows is refused. Every structural problem in a file is reported at once,
each with its path (``$.projects[2].indicators[0].weight``), in a
:class:`~budgetkit.errors.LoadError`.

>>> from budgetkit.model.account import FinalAccount, Income, Figure
>>> acc = FinalAccount(unit="示例", year=2023, unit_type="行政单位",
...     income=Income(total=Figure("10.50", previous="9.00")))
>>> text = dumps(acc)
>>> print(text.splitlines()[0], text.splitlines()[5])
format_version = "0.2" [income.total]
>>> loads(text) == acc
True
>>> loads('unit = "示例"\\nyear = 2023\\nunit_type = "行政单位"\\n[income]\\ntotal = 10.5\\n')
Traceback (most recent call last):
...
budgetkit.errors.LoadError: cannot load <string>: 1 problem
  $.income.total: 10.5 is a float; write numbers as strings ("10.5") so no digit is lost
"""

from __future__ import annotations

import datetime
import enum
import functools
import json
import re
import tomllib
import types
import typing
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import attrs

from budgetkit._bulk import paused_collector
from budgetkit._files import problem, read_bounded
from budgetkit.errors import BudgetkitError, LoadError, LoadIssue, ModelError
from budgetkit.io import _toml
from budgetkit.model.account import Figure, FinalAccount
from budgetkit.model.claim import STATED_DIGITS, Claim
from budgetkit.model.indicator import Operator, parse_operator
from budgetkit.model.project import FundSource, parse_source
from budgetkit.model.tables import Cell
from budgetkit.values.money import Money
from budgetkit.values.numbers import to_decimal

if TYPE_CHECKING:
    import cattrs

    #: The one converter between model objects and plain data (built on first use: see ``__getattr__``).
    converter: cattrs.Converter

__all__ = [
    "FORMAT_VERSION",
    "FORMAT_VERSIONS",
    "MAX_FILE_BYTES",
    "MAX_ITEMS",
    "MAX_KEY_WORK",
    "MAX_NESTING",
    "MAX_STRING",
    "Format",
    "converter",
    "dump",
    "dumps",
    "load",
    "load_all",
    "loads",
    "read_docx",
    "read_excel",
    "read_html",
    "read_pdf",
    "read_text",
    "unstructure",
    "versioned",
]

Format = Literal["toml", "json"]
T = TypeVar("T")

#: The newest version of the file format; :func:`dumps` writes it when the account needs it, else 0.2.
FORMAT_VERSION = "0.5"
#: The versions :func:`loads` reads, oldest first; a file without ``format_version`` is 0.1.
FORMAT_VERSIONS = ("0.1", "0.2", "0.3", "0.4", "0.5")
#: Keys of a project and of an indicator that 0.3 adds (the 附件1 layout, its printed cells).
_PROJECT_KEYS_0_3 = frozenset({"layout"})
_INDICATOR_KEYS_0_3 = frozenset({"printed_target", "printed_actual"})
#: Keys of a change explanation that 0.4 adds (whether its contributions are all of the change).
_EXPLANATION_KEYS_0_4 = frozenset({"exhaustive"})
#: Keys of the "三公"经费 that 0.5 adds (Shanghai's 外宾接待 within 国内接待, and its 公务接待 counts in all).
_THREE_PUBLIC_KEYS_0_5 = frozenset(
    {"reception_guests", "reception_batches", "reception_persons", "guest_batches", "guest_persons"}
)
#: Keys of 财政拨款 that 0.5 adds (四's totals over the funds).
_FISCAL_KEYS_0_5 = frozenset({"opening", "expenditure", "closing", "expenditure_total"})

#: Largest file read (10 MiB); a real 决算说明 is well under 1 MiB.
MAX_FILE_BYTES = 10 * 1024 * 1024
#: Deepest nesting of tables/arrays accepted.
MAX_NESTING = 32
#: Longest single string accepted (1 MiB of text).
MAX_STRING = 1024 * 1024
#: Most elements in one list (claims, projects, categories …).
MAX_ITEMS = 100_000
#: Most work in the dotted keys of one TOML file: the sum over keys of (number of parts)².
#: 100,000 headers of four parts cost 1,600,000; a file of 31-part keys stops after about 2,000 of them.
MAX_KEY_WORK = 2_000_000


_SURROGATE = re.compile("[\ud800-\udfff]")


class _Float:
    """A float read from a file, kept as its text so it can be reported, never used."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class _FieldError(BudgetkitError, ValueError):
    """A value refused while structuring; cattrs attaches the path."""


def _shown(value: Any) -> str:
    """A value read from a file, named in the file's own terms for a message (never a Python repr).

    >>> _shown(None), _shown(True), _shown([1, 2]), _shown({"a": 1}), _shown(_Float("1.5")), _shown("x" * 50)
    ('null', 'true', 'a list', 'a table', '1.5', '"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…"')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _Float):
        return value.text[:40]
    if isinstance(value, int):
        text = str(value) if value.bit_length() < 128 else f"a whole number of {value.bit_length()} bits"
        return text
    if isinstance(value, str):
        return json.dumps(value[:40] + ("…" if len(value) > 40 else ""), ensure_ascii=False)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, (datetime.date, datetime.time)):  # TOML dates and times
        return f"a {type(value).__name__} {value.isoformat()}"
    return f"a value of type {type(value).__name__}"


def _refuse_float(value: Any) -> None:
    if isinstance(value, (_Float, float)):
        text = value.text if isinstance(value, _Float) else repr(value)
        raise _FieldError(f'{text} is a float; write numbers as strings ("{text}") so no digit is lost')


#: Amounts, numbers and one-amount figures already made from a text, by that exact text. Each is immutable
#: and a function of its text alone (a refused text raises and is never kept), so the one made first is
#: handed out again: a report prints the same amount in several tables, and a directory of accounts the
#: same small numbers (weights, scores, percentages) over and over. Cleared when full, so bounded.
_MONEY_MEMO: dict[str, Money] = {}
_DECIMAL_MEMO: dict[str, Decimal] = {}
_STATED_MEMO: dict[str, Decimal] = {}
_FIGURE_MEMO: dict[str, Figure] = {}
_MEMO_SIZE = 1 << 15


def _kept(memo: dict[str, T], text: str, value: T) -> T:
    """``value``, kept in ``memo`` as the one made from ``text``."""
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    memo[text] = value
    return value


def _structure_money(value: Any, _: Any) -> Money:
    if type(value) is str:  # what a file writes; the checks below let any str through
        found = _MONEY_MEMO.get(value)
        return found if found is not None else _kept(_MONEY_MEMO, value, Money(value))
    _refuse_float(value)
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise _FieldError(f'expected an amount as a string such as "12.34", got {_shown(value)}')
    return Money(value)


def _structure_decimal(value: Any, _: Any) -> Decimal:
    if type(value) is str:
        found = _DECIMAL_MEMO.get(value)
        return found if found is not None else _kept(_DECIMAL_MEMO, value, to_decimal(value))
    _refuse_float(value)
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise _FieldError(f'expected a number as a string such as "12.34", got {_shown(value)}')
    return to_decimal(value)


def _structure_stated(value: Any, _: Any) -> Decimal:
    """A claim's stated figure: as wide as the model takes it (a report's percentages need more than 30 digits)."""
    if type(value) is str:
        found = _STATED_MEMO.get(value)
        return found if found is not None else _kept(_STATED_MEMO, value, to_decimal(value, max_digits=STATED_DIGITS))
    _refuse_float(value)
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise _FieldError(f'expected a number as a string such as "12.34", got {_shown(value)}')
    return to_decimal(value, max_digits=STATED_DIGITS)


def _structure_str(value: Any, _: Any) -> str:
    if type(value) is str and len(value) <= MAX_STRING and (value.isascii() or not _SURROGATE.search(value)):
        return value  # what a file writes: the checks below in one line
    if type(value) is not str:
        _refuse_float(value)
    if not isinstance(value, str):
        raise _FieldError(f"expected text, got {_shown(value)}")
    if len(value) > MAX_STRING:
        raise _FieldError(f"text longer than {MAX_STRING} characters")
    if _SURROGATE.search(value):
        raise _FieldError("text holds a lone surrogate (\\ud800–\\udfff), which is not a character")
    return value


def _structure_int(value: Any, _: Any) -> int:
    _refuse_float(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise _FieldError(f"expected a whole number, got {_shown(value)}")
    if abs(value) > 10**15:
        raise _FieldError(f"{value} is out of range")
    return value


def _structure_name_count(value: Any, _: Any) -> tuple[str, int]:
    """A ``[name, count]`` pair (vehicles by type, by use), its shape named in the file's terms when it is off."""
    if not isinstance(value, list) or len(value) != 2:
        shown = f"a list of {len(value)}" if isinstance(value, list) else _shown(value)
        raise _FieldError(f"expected a [name, count] pair, got {shown}")
    return _structure_str(value[0], str), _structure_int(value[1], int)


def _structure_bool(value: Any, _: Any) -> bool:
    if not isinstance(value, bool):
        raise _FieldError(f"expected true or false, got {_shown(value)}")
    return value


_FIGURE_KEYS = frozenset({"current", "previous", "budget"})


def _structure_figure(value: Any, _: Any) -> Figure:
    if type(value) is str:  # one amount, as dumps writes a figure with only this year's
        found = _FIGURE_MEMO.get(value)
        return found if found is not None else _kept(_FIGURE_MEMO, value, Figure._of(_structure_money(value, Money)))
    if isinstance(value, dict):
        if not value.keys() <= _FIGURE_KEYS:
            extra = set(value) - _FIGURE_KEYS
            raise _FieldError(
                f"unknown keys {_listed(sorted(map(str, extra)))}; a figure has current, previous, budget"
            )
        amounts = {k: _structure_money(val, Money) for k, val in value.items()}  # each a Money, or it raised
        return Figure._of(amounts.get("current"), amounts.get("previous"), amounts.get("budget"))
    return Figure(_structure_money(value, Money))


def _plain(value: Decimal) -> str:
    """A Decimal as plain digits ("0.0000001", never "1E-7"), keeping its places."""
    return format(value, "f")


def _unstructure_figure(figure: Figure) -> Any:
    if figure.previous is None and figure.budget is None and figure.current is not None:
        return _plain(figure.current.amount)
    return {
        k: _plain(getattr(figure, k).amount)
        for k in ("current", "previous", "budget")
        if getattr(figure, k) is not None
    }


def _structure_cell(value: Any, _: Any) -> Cell:
    if type(value) is str:
        return Cell(value)
    _refuse_float(value)
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise _FieldError(
            f'expected a printed cell as a string such as "12.34" (or "" for a blank), got {_shown(value)}'
        )
    return Cell(value)


@functools.cache
def _members(kind: type[enum.Enum]) -> dict[Any, enum.Enum]:
    """An enum's members by value."""
    return {member.value: member for member in kind}


def _structure_enum(value: Any, kind: type[enum.Enum]) -> enum.Enum:
    if type(value) is str and kind is not Operator and kind is not FundSource:
        member = _members(kind).get(value)  # kind(value), without the enum machinery
        if member is not None:
            return member
    _refuse_float(value)
    if kind is Operator:
        return parse_operator(_structure_str(value, str))
    if kind is FundSource:
        return parse_source(_structure_str(value, str))
    try:
        return kind(value)
    except ValueError:
        known = "、".join(str(member.value) for member in kind)
        raise _FieldError(f"{_shown(value)} is not one of: {known}") from None


#: The structure hooks of the values a file writes as text, a number or a pair (the converter's and the fast plan's).
_LEAF_HOOKS: dict[Any, Callable[[Any, Any], Any]] = {
    Money: _structure_money,
    Decimal: _structure_decimal,
    str: _structure_str,
    int: _structure_int,
    bool: _structure_bool,
    Figure: _structure_figure,
    Cell: _structure_cell,
}
#: Fields structured by a hook of their own: every claim the model holds loads back, with one limit,
#: Claim's, for its stated figure.
_FIELD_HOOKS: dict[type, dict[str, Callable[[Any, Any], Any]]] = {Claim: {"stated": _structure_stated}}


def _is_enum(hint: Any) -> bool:
    return isinstance(hint, type) and issubclass(hint, enum.Enum)


def _is_name_count(hint: Any) -> bool:
    return bool(hint == tuple[str, int])


def _make_converter() -> cattrs.Converter:
    import cattrs
    from cattrs.gen import make_dict_structure_fn, override

    conv = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True, detailed_validation=True)
    for kind, hook in _LEAF_HOOKS.items():
        conv.register_structure_hook(kind, hook)
    conv.register_unstructure_hook(Money, lambda m: _plain(m.amount))
    conv.register_unstructure_hook(Decimal, _plain)
    conv.register_structure_hook_func(_is_name_count, _structure_name_count)
    conv.register_structure_hook_func(_is_enum, _structure_enum)
    conv.register_unstructure_hook(Figure, _unstructure_figure)
    for cls, hooks in _FIELD_HOOKS.items():
        fields = {name: override(struct_hook=hook) for name, hook in hooks.items()}
        conv.register_structure_hook(cls, make_dict_structure_fn(cls, conv, **fields))  # type: ignore[arg-type]
    conv.register_unstructure_hook(Cell, lambda cell: cell.text)
    return conv


@functools.cache
def _converter() -> cattrs.Converter:
    """The one converter between model objects and plain data, built on first use: reading an account takes the
    fast path (:func:`_fast`), which needs neither it nor cattrs, so checking a file or a dataset imports neither."""
    return _make_converter()


def __getattr__(name: str) -> Any:
    if name == "converter":
        return _converter()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), "converter"})  # the converter is public, though built on first use


def _issues(exc: BaseException, path: str = "$") -> list[LoadIssue]:
    """Flatten cattrs' nested validation errors into path-named issues."""
    from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

    if isinstance(exc, ClassValidationError):
        found: list[LoadIssue] = []
        for sub in exc.exceptions:
            note = _note(sub)
            found.extend(_issues(sub, f"{path}.{note}" if note else path))
        return found
    if isinstance(exc, IterableValidationError):
        found = []
        for sub in exc.exceptions:
            note = _note(sub)
            found.extend(_issues(sub, f"{path}[{note}]" if note else path))
        return found
    if isinstance(exc, ForbiddenExtraKeysError):
        return [LoadIssue(path, f"unknown keys: {_listed(sorted(exc.extra_fields))}")]
    if isinstance(exc, KeyError) and not isinstance(exc, BudgetkitError):
        return [LoadIssue(path, f"required field {exc.args[0]!r} is missing")]
    if isinstance(exc, ModelError) and exc.path:
        joiner = "" if exc.path.startswith("[") else "."
        return [LoadIssue(f"{path}{joiner}{exc.path}", exc.message)]
    if isinstance(exc, BudgetkitError):
        return [LoadIssue(path, str(exc))]
    if isinstance(exc, (ValueError, TypeError, AttributeError)):
        return [LoadIssue(path, f"invalid value: {exc}")]
    raise exc


def _listed(keys: list[str], most: int = 20) -> str:
    """Keys for a message: the first ``most``, each cut to 40 characters, and how many more."""
    shown = ", ".join(key if len(key) <= 40 else key[:39] + "…" for key in keys[:most])
    return shown if len(keys) <= most else f"{shown} … and {len(keys) - most} more"


def _note(exc: BaseException) -> str:
    for note in getattr(exc, "__notes__", []):
        if type(note) is str:  # a plain note carries no path
            continue
        name = getattr(note, "name", None)
        if name is not None:
            return str(name)
        index = getattr(note, "index", None)
        if index is not None:
            return str(index)
    return ""


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _shape_issues(data: Any, cls: type, path: str) -> list[LoadIssue]:
    """Lists where a file gives text or a table; cattrs would otherwise read a string as a list of letters."""
    if not isinstance(data, dict) or not attrs.has(cls):
        return []
    found: list[LoadIssue] = []
    hints = _hints(cls)
    for field in attrs.fields(cls):
        if field.name not in data:
            continue
        value, hint = data[field.name], _optional(hints[field.name])
        if value is None and hint is not hints[field.name]:  # null where None is allowed: cattrs takes it
            continue
        if typing.get_origin(hint) is tuple:
            if not isinstance(value, list):
                found.append(LoadIssue(f"{path}.{field.name}", f"expected a list, got {_shown(value)}"))
                continue
            element = typing.get_args(hint)[0]
            if isinstance(value, list) and _is_table(element):
                for i, item in enumerate(value):
                    found.extend(_table_issues(item, element, f"{path}.{field.name}[{i}]"))
        elif _is_table(hint):
            found.extend(_table_issues(value, hint, f"{path}.{field.name}"))
    return found


def _optional(hint: Any) -> Any:
    """``X | None`` as ``X``: the shape of an optional value is the shape of ``X``."""
    args = [arg for arg in typing.get_args(hint) if arg is not type(None)]
    if (isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union) and len(args) == 1:
        return args[0]
    return hint


def _is_table(hint: Any) -> bool:
    """Whether a file writes values of this type as a table (Figure, Money and Cell are written as text)."""
    return attrs.has(hint) and hint not in (Figure, Cell, Money)


def _table_issues(value: Any, cls: type, path: str) -> list[LoadIssue]:
    """A value where a table is due: its shape issues, or one issue when it is no table at all."""
    if not isinstance(value, dict):
        return [LoadIssue(path, f"expected a table, got {_shown(value)}")]
    return _shape_issues(value, cls, path)


def _bounds_issue(value: Any) -> LoadIssue | None:
    """The first place where the data is nested deeper than MAX_NESTING or a list is longer than MAX_ITEMS."""
    stack: list[tuple[Any, int, str]] = [(value, 1, "$")]
    while stack:
        item, depth, path = stack.pop()
        if depth > MAX_NESTING:
            return LoadIssue(path, f"nested deeper than {MAX_NESTING} levels")
        if isinstance(item, dict):
            stack.extend((v, depth + 1, f"{path}.{k}") for k, v in item.items())
        elif isinstance(item, list):
            if len(item) > MAX_ITEMS:
                return LoadIssue(path, f"{len(item)} items is more than the limit of {MAX_ITEMS}")
            stack.extend((v, depth + 1, f"{path}[{i}]") for i, v in enumerate(item))
    return None


class _Detailed(Exception):
    """Raised by the fast path where only the detailed path can tell what the data is (or what is wrong)."""


#: How the fast path structures one kind of value: ``(function, argument, nullable)``. ``function(value,
#: argument)`` gives the model value or raises; the argument is the type, as the converter passes it to a
#: hook, or :data:`_NESTED` for a table or a list, whose function is given the value's depth instead;
#: ``nullable`` lets ``null`` through as None (``X | None``), as cattrs does.
_Step = tuple[Callable[[Any, Any], Any], Any, bool]
_NESTED = object()
#: The deepest a table may lie for the fast path: a table's values lie at most three levels below it (a list
#: of [name, count] pairs), so no value it accepts is nested deeper than MAX_NESTING.
_FAST_DEPTH = MAX_NESTING - 3


def _fast(data: Any) -> FinalAccount | None:
    """The account in ``data`` when it is well formed, else None; None says nothing about why.

    The same hooks, validators and constructors as :data:`converter`, without its bookkeeping for
    messages (``detailed_validation``), the shape and bounds walks or a single path string: a table
    with a key, a type or a place the plan does not expect, any refused value, a list longer than
    MAX_ITEMS or a table deeper than ``_FAST_DEPTH`` makes it give up. :func:`loads` then runs the
    detailed path, so whatever this accepts the detailed path accepts equal, and every refusal is
    the detailed path's own (tests/test_io_fast.py compares the two).
    """
    if type(data) is not dict:
        return None
    structure, _, _ = _step(FinalAccount)
    try:
        account: FinalAccount = structure(_migrate(data, "<fast>"), 1)
    except Exception:  # any problem at all: the detailed path names it, or accepts what this declined
        return None
    return account


_STEPS: dict[Any, _Step] = {}


def _step(hint: Any) -> _Step:
    """The fast path's step for ``hint``, compiled once per type from the converter's own hooks."""
    found = _STEPS.get(hint)
    if found is None:
        found = _STEPS[hint] = _compile(hint)
    return found


def _compile(hint: Any) -> _Step:
    inner = _optional(hint)
    if inner is not hint:  # X | None: null is None, anything else is an X
        function, argument, _ = _step(inner)
        return function, argument, True
    # the hook the converter would dispatch to, decided as it decides (_make_converter) without asking it: asking
    # makes cattrs generate and compile a structuring function for every class, which the fast path never calls
    if hint in _LEAF_HOOKS:
        return _LEAF_HOOKS[hint], hint, False
    if _is_enum(hint):
        return _structure_enum, hint, False
    if _is_name_count(hint):
        return _structure_name_count, hint, False
    if typing.get_origin(hint) is tuple and typing.get_args(hint)[1:] == (Ellipsis,):
        return _sequence(_step(typing.get_args(hint)[0])), _NESTED, False
    if attrs.has(hint) and isinstance(hint, type):
        return _table(hint), _NESTED, False
    raise TypeError(f"no fast structuring for {hint!r}; give it a step or a hook in budgetkit.io")


def _sequence(element: _Step) -> Callable[[Any, Any], Any]:
    """A list of elements, as a tuple."""
    function, argument, nullable = element

    def sequence(value: Any, depth: int) -> tuple[Any, ...]:
        if type(value) is not list or len(value) > MAX_ITEMS:
            raise _Detailed
        if argument is _NESTED:
            depth += 1
            return tuple([function(item, depth) for item in value])
        if nullable:
            return tuple([None if item is None else function(item, argument) for item in value])
        return tuple([function(item, argument) for item in value])

    return sequence


def _table(cls: type) -> Callable[[Any, Any], Any]:
    """A table of ``cls``'s fields: every required key present, no other key, each value structured.

    Compiled once per class into a function of its own (as attrs and cattrs compile theirs): each
    field is looked up by its key, a text, an amount or an enum member of the usual kind is taken
    inline, and anything else goes through the same hook as before; a key the table does not read
    leaves the count of keys read short of the table's, and the fast path gives up.
    """
    # a class whose converters would hand the hooks' values back as they are may offer a constructor without them
    make = cls.__dict__["_loaded"].__get__(None, cls) if "_loaded" in cls.__dict__ else cls
    names: dict[str, Any] = {"_Detailed": _Detailed, "make": make, "_M": _ABSENT}
    body: list[str] = []
    late: list[tuple[str, Any]] = []  # names bound once every field is compiled (a category holds categories)
    trampoline: list[Callable[[Any, Any], Any]] = []

    def enter(value: Any, depth: int) -> Any:  # until the compiled function exists
        return trampoline[0](value, depth)

    _STEPS[cls] = (enter, _NESTED, False)
    hints = _hints(cls)
    hooks = _FIELD_HOOKS.get(cls, {})
    fields = [field for field in attrs.fields(cls) if field.init]  # cattrs neither reads nor passes the others
    for k, field in enumerate(fields):
        hint = hints[field.name]
        hook = hooks.get(field.name)
        target = f"kw[{field.alias!r}]"
        if hook is not None:
            names[f"h{k}"] = hook
            names[f"a{k}"] = hint
            code = [f"{target} = h{k}(x, a{k})"]
            if hook in _MEMOS:
                names[f"m{k}"] = _MEMOS[hook]
                code = [
                    f"m = m{k}.get(x) if type(x) is str else None",
                    f"{target} = m if m is not None else h{k}(x, a{k})",
                ]
            nullable = False
        else:
            code, nullable = _field_code(k, hint, target, names, late)
        required = field.default is attrs.NOTHING
        body.append(f"    x = get({field.name!r}, _M)")
        body.append("    if x is not _M:")
        body.append("        n += 1")
        if nullable:
            body.append("        if x is None:")
            body.append(f"            {target} = None")
            body.append("        else:")
            body.extend("            " + line for line in code)
        else:
            body.extend("        " + line for line in code)
        if required:
            body.append("    else:")
            body.append("        raise _Detailed")
    source = "\n".join(
        [
            "def table(value, depth):",
            f"    if type(value) is not dict or depth > {_FAST_DEPTH}:",
            "        raise _Detailed",
            "    depth += 1",
            "    get = value.get",
            "    kw = {}",
            "    n = 0",
            *body,
            "    if n != len(value):",  # a key no field reads
            "        raise _Detailed",
            "    return make(**kw)",
        ]
    )
    exec(compile(source, f"<budgetkit.io fast structuring of {cls.__name__}>", "exec"), names)
    for name, hint in late:
        names[name] = _step(hint)[0]
    table: Callable[[Any, Any], Any] = names["table"]
    trampoline.append(table)
    _STEPS[cls] = (table, _NESTED, False)
    return table


_ABSENT = object()
_MEMOS: dict[Callable[[Any, Any], Any], dict[str, Any]] = {
    _structure_money: _MONEY_MEMO,
    _structure_decimal: _DECIMAL_MEMO,
    _structure_stated: _STATED_MEMO,
    _structure_figure: _FIGURE_MEMO,
}


def _field_code(
    k: int, hint: Any, target: str, names: dict[str, Any], late: list[tuple[str, Any]]
) -> tuple[list[str], bool]:
    """The lines structuring the value ``x`` of field number ``k`` into ``target``, and whether null is None."""
    function, argument, nullable = _step(hint)
    inner = _optional(hint)
    if argument is _NESTED and attrs.has(inner):
        late.append((f"f{k}", inner))  # bound after the class is compiled: it may be this very class
        return [f"{target} = f{k}(x, depth)"], nullable
    if argument is _NESTED and typing.get_origin(inner) is tuple:
        element = typing.get_args(inner)[0]
        e_function, e_argument, e_nullable = _step(element)
        head = [f"if type(x) is not list or len(x) > {MAX_ITEMS}:", "    raise _Detailed"]
        if e_argument is _NESTED and attrs.has(_optional(element)) and not e_nullable:
            late.append((f"f{k}", _optional(element)))
            return [*head, "d = depth + 1", f"{target} = tuple([f{k}(i, d) for i in x])"], nullable
        if e_argument is not _NESTED and not e_nullable:
            names[f"f{k}"], names[f"a{k}"] = e_function, e_argument
            if e_function is _structure_str:
                text = f"i if type(i) is str and i.isascii() and len(i) <= {MAX_STRING} else f{k}(i, a{k})"
                return [*head, f"{target} = tuple([{text} for i in x])"], nullable
            return [*head, f"{target} = tuple([f{k}(i, a{k}) for i in x])"], nullable
        names[f"f{k}"] = function
        return [f"{target} = f{k}(x, depth)"], nullable
    names[f"f{k}"], names[f"a{k}"] = function, argument
    if function is _structure_str:
        return [
            f"if type(x) is str and len(x) <= {MAX_STRING} and x.isascii():",
            f"    {target} = x",
            "else:",
            f"    {target} = f{k}(x, a{k})",
        ], nullable
    memo = _MEMOS.get(function)
    if memo is not None:  # the hook's own memo, looked up inline
        names[f"m{k}"] = memo
        return [
            f"m = m{k}.get(x) if type(x) is str else None",
            f"{target} = m if m is not None else f{k}(x, a{k})",
        ], nullable
    if function is _structure_enum and argument is not Operator and argument is not FundSource:
        names[f"m{k}"] = _members(argument)
        return [
            f"m = m{k}.get(x) if type(x) is str else None",
            f"{target} = m if m is not None else f{k}(x, a{k})",
        ], nullable
    return [f"{target} = f{k}(x, a{k})"], nullable


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """json object hook: a repeated key would silently keep only its last value."""
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    seen: set[str] = set()
    for key, _ in pairs:  # name the first key met again
        if key in seen:
            raise _DuplicateKeyError(key)
        seen.add(key)
    raise AssertionError("unreachable: fewer keys than pairs means a key repeats")


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(key)


_KEY = r"""(?:[A-Za-z0-9_-]++|"[^"\n]{0,200}"|'[^'\n]{0,200}')"""
#: A dotted TOML key (``a.b.c``), in a header, before ``=`` or inside an inline table. Possessive, and
#: starting only where a bare key can start, so that the scan is linear (a run of letters is tried once).
_DOTTED_KEY = re.compile(rf"(?<![A-Za-z0-9_-]){_KEY}(?:[ \t]*+\.[ \t]*+{_KEY})++")
_KEY_END = re.compile(r"[ \t]*[=\]]")  # checked after a match, so a run that is no key is still scanned once


def _key_work_bound(text: str) -> int:
    """At least the work :func:`_key_work_issue` counts, and more than MAX_KEY_WORK when a key in ``text``
    may have more than MAX_NESTING dots: a dotted key lies on one line, and the keys of a line with n dots
    have at most n dots each and cost at most (n + 1)² together.

    >>> _key_work_bound('a.b = 1\\n[c.d.e]\\nf = "1.5"\\n'), _key_work_bound("." * 33) > MAX_KEY_WORK
    (17, True)
    """
    bound = 0
    for line in text.split("\n"):
        if "." in line:
            dots = line.count(".")
            bound += MAX_KEY_WORK + 1 if dots > MAX_NESTING else (dots + 1) ** 2
    return bound


def _key_work_issue(text: str) -> LoadIssue | None:
    """Refuse TOML whose dotted keys would cost tomllib more than MAX_KEY_WORK, before parsing.

    tomllib spends time and memory on a dotted key of n parts in proportion to n²
    (each prefix is a table it tracks): 146,000 keys of 31 parts fit in 10 MiB and
    take half a minute and 2 GB. Counting is a scan of the text, skipped when :func:`_key_work_bound`
    is within the limit.
    """
    if _key_work_bound(text) <= MAX_KEY_WORK:
        return None
    work = 0
    for match in _DOTTED_KEY.finditer(text):
        if not _KEY_END.match(text, match.end()):
            continue
        dots = match.group(0).count(".")
        work += (dots + 1) ** 2
        if dots > MAX_NESTING or work > MAX_KEY_WORK:
            line = text.count("\n", 0, match.start()) + 1
        if dots > MAX_NESTING:
            return LoadIssue("$", f"line {line}: a key nested deeper than {MAX_NESTING} levels")
        if work > MAX_KEY_WORK:
            return LoadIssue(
                "$",
                f"line {line}: the dotted keys up to here are more work than the limit of {MAX_KEY_WORK} "
                "(the sum of the squares of their numbers of parts)",
            )
    return None


def _parse(text: str, fmt: Format, source: str) -> Any:
    if fmt == "toml":
        issue = _key_work_issue(text)
        if issue is not None:
            raise LoadError(source, [issue])
        written = _toml.loads(text)  # TOML as dumps writes it, read fast; None leaves the text to tomllib
        if written is not None:
            return written
    try:
        if fmt == "toml":
            return tomllib.loads(text, parse_float=_Float)
        return json.loads(text, parse_float=_Float, parse_constant=_Float, object_pairs_hook=_no_duplicate_keys)
    except _DuplicateKeyError as exc:
        raise LoadError(source, [LoadIssue("$", f"the key {exc.key!r} appears twice in one object")]) from None
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        raise LoadError(source, [LoadIssue("$", f"not valid {fmt.upper()}: {exc}")]) from None
    except RecursionError:
        raise LoadError(source, [LoadIssue("$", f"nested deeper than {MAX_NESTING} levels")]) from None
    except ValueError as exc:  # e.g. an integer literal longer than Python converts (4300 digits)
        raise LoadError(source, [LoadIssue("$", f"a value cannot be read: {exc}")]) from None


def _migrate(data: dict[str, Any], source: str) -> dict[str, Any]:
    """The data of a file of any known format version, as the current version reads it.

    0.1 → 0.2 adds the optional ``tables``, 0.2 → 0.3 the optional project ``layout`` and
    indicator ``printed_target`` / ``printed_actual``, 0.3 → 0.4 the optional explanation ``exhaustive``, 0.4 → 0.5
    the optional ``income.fiscal`` and 三公 ``reception_guests`` and counts ``reception_batches``, ``reception_persons``, ``guest_batches``,
    ``guest_persons``, and 四's totals ``fiscal.opening``, ``fiscal.expenditure``, ``fiscal.closing``,
    ``fiscal.expenditure_total``;
    every older key keeps its meaning, so nothing is rewritten. The version key itself is not part of the
    account.
    """
    version = data.get("format_version", "0.1")
    if version not in FORMAT_VERSIONS:
        known = ", ".join(FORMAT_VERSIONS)
        message = f"format version {_shown(version)} is not one this budgetkit reads ({known})"
        if isinstance(version, str):
            message += "; a file from a newer budgetkit needs that budgetkit"
        raise LoadError(source, [LoadIssue("$.format_version", message)])
    if version == "0.1" and "tables" in data:
        raise LoadError(source, [LoadIssue("$.tables", 'tables need format_version = "0.2" or later')])
    issues = [
        LoadIssue(path, f'{path.rsplit(".", 1)[-1]} needs format_version = "{needed}" or later')
        for needed, keys in (("0.3", _keys_0_3), ("0.4", _keys_0_4), ("0.5", _keys_0_5))
        if FORMAT_VERSIONS.index(version) < FORMAT_VERSIONS.index(needed)
        for path in keys(data)
    ]
    if issues:
        raise LoadError(source, issues)
    return {key: value for key, value in data.items() if key != "format_version"}


def loads(text: str, fmt: Format = "toml", *, source: str = "<string>") -> FinalAccount:
    """Read a final account from TOML or JSON text; raise :class:`LoadError` listing every problem.

    A well-formed text is read along a fast path (TOML as :func:`dumps` writes it without tomllib, the
    account without the bookkeeping of places); any problem sends it along the detailed path, which
    decides and words every refusal, so the two accept the same texts and give the same accounts.

    >>> loads('{"unit": "示例", "year": 2023, "unit_type": "行政单位", "income": {"total": "10.50"}}', "json").income
    Income(general_budget=Figure(...), ..., total=Figure(current=Money('10.50'), previous=None, budget=None), fiscal=Figure(...))
    >>> loads('unit = "示例"\\nyear = "2023"\\ncolour = "red"\\n')
    Traceback (most recent call last):
    ...
    budgetkit.errors.LoadError: cannot load <string>: 3 problems
      $.year: expected a whole number, got "2023"
      $.unit_type: required field 'unit_type' is missing
      $: unknown keys: colour
    """
    if len(text) > MAX_FILE_BYTES:
        raise LoadError(source, [LoadIssue("$", f"longer than {MAX_FILE_BYTES} characters")])
    data = _parse(text, fmt, source)
    account = _fast(data)
    if account is not None:
        return account
    return _detailed(data, source)


def _detailed(data: Any, source: str) -> FinalAccount:
    """The account in parsed ``data``, or a :class:`LoadError` naming every problem with its path."""
    bounds = _bounds_issue(data)
    if bounds is not None:
        raise LoadError(source, [bounds])
    if not isinstance(data, dict):
        raise LoadError(source, [LoadIssue("$", "the top level must be a table/object")])
    data = _migrate(data, source)
    shape = _shape_issues(data, FinalAccount, "$")
    if shape:
        raise LoadError(source, shape)
    from cattrs.errors import ClassValidationError, IterableValidationError

    try:
        return _converter().structure(data, FinalAccount)
    except (ClassValidationError, IterableValidationError) as exc:
        raise LoadError(source, _issues(exc)) from None
    except BudgetkitError as exc:
        raise LoadError(source, _issues(exc)) from None
    except (TypeError, AttributeError) as exc:  # a value of the wrong shape where a table was expected
        raise LoadError(source, [LoadIssue("$", f"invalid structure: {exc}")]) from None


def load(path: str | Path) -> FinalAccount:
    """Read a final account from a ``.toml`` or ``.json`` file (the suffix picks the format).

    >>> import pathlib, tempfile
    >>> from budgetkit import datasets
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "seed.json"
    >>> dump(datasets.load("zigong-hr-2023"), path)
    >>> load(path) == datasets.load("zigong-hr-2023")
    True
    >>> load(path.with_name("absent.toml"))
    Traceback (most recent call last):
    ...
    budgetkit.errors.LoadError: cannot load .../absent.toml: 1 problem
      $: cannot read the file: No such file or directory
    """
    file = Path(path)
    fmt: Format = "json" if file.suffix.lower() == ".json" else "toml"
    try:
        raw = read_bounded(file, MAX_FILE_BYTES)  # a regular file only: a FIFO would block, /dev/zero never end
        if len(raw) > MAX_FILE_BYTES:
            size = max(file.stat().st_size, len(raw))
            raise LoadError(str(file), [LoadIssue("$", f"{size} bytes is larger than the limit of {MAX_FILE_BYTES}")])
    except OSError as exc:
        raise LoadError(str(file), [LoadIssue("$", f"cannot read the file: {problem(exc)}")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(str(file), [LoadIssue("$", f"not UTF-8 text: {exc.reason} at byte {exc.start}")]) from None
    return loads(text, fmt, source=str(file))


def load_all(paths: Iterable[str | Path]) -> list[FinalAccount | LoadError]:
    """Each file's account, or the :class:`LoadError` naming its problem, in order: :func:`load` on each.

    What ``budgetkit check DIR`` reads. The accounts are the ones :func:`load` gives and every refusal is
    its own; only the cyclic garbage collector is paused while the files are read (see ``budgetkit._bulk``),
    so it does not walk the accounts already kept each time it runs.

    >>> import pathlib, tempfile
    >>> from budgetkit import datasets
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> dump(datasets.load("zigong-hr-2023"), folder / "seed.json")
    >>> [type(x).__name__ for x in load_all([folder / "seed.json", folder / "absent.toml"])]
    ['FinalAccount', 'LoadError']
    """
    results: list[FinalAccount | LoadError] = []
    with paused_collector() as step:
        for path in paths:
            try:
                results.append(load(path))
            except LoadError as exc:
                results.append(exc.with_traceback(None))  # kept without the frames that read the file
            step()
    return results


def _keys_0_3(data: dict[str, Any]) -> list[str]:
    """The paths of keys in ``data`` that only format 0.3 has."""
    found: list[str] = []
    tables = data.get("tables")
    if isinstance(tables, dict) and "unread" in tables:
        found.append("$.tables.unread")
    projects = data.get("projects")
    if not isinstance(projects, list):
        return found
    for i, project in enumerate(projects):
        if not isinstance(project, dict):
            continue
        found += [f"$.projects[{i}].{key}" for key in sorted(_PROJECT_KEYS_0_3 & project.keys())]
        indicators = project.get("indicators")
        if isinstance(indicators, list):
            for j, indicator in enumerate(indicators):
                if isinstance(indicator, dict):
                    keys = sorted(_INDICATOR_KEYS_0_3 & indicator.keys())
                    found += [f"$.projects[{i}].indicators[{j}].{key}" for key in keys]
    return found


def _keys_0_4(data: dict[str, Any]) -> list[str]:
    """The paths of keys in ``data`` that only format 0.4 has."""
    explanations = data.get("explanations")
    if not isinstance(explanations, list):
        return []
    return [
        f"$.explanations[{i}].{key}"
        for i, explanation in enumerate(explanations)
        if isinstance(explanation, dict)
        for key in sorted(_EXPLANATION_KEYS_0_4 & explanation.keys())
    ]


def _keys_0_5(data: dict[str, Any]) -> list[str]:
    """The paths of keys in ``data`` that only format 0.5 has."""
    found: list[str] = []
    income = data.get("income")
    if isinstance(income, dict) and "fiscal" in income:
        found.append("$.income.fiscal")
    three_public = data.get("three_public")
    if isinstance(three_public, dict):
        found += [f"$.three_public.{key}" for key in sorted(_THREE_PUBLIC_KEYS_0_5 & three_public.keys())]
    fiscal = data.get("fiscal")
    if isinstance(fiscal, dict):
        found += [f"$.fiscal.{key}" for key in sorted(_FISCAL_KEYS_0_5 & fiscal.keys())]
    return found


def unstructure(account: FinalAccount) -> dict[str, Any]:
    """The account as plain data: dicts, lists and strings (numbers as strings).

    >>> from budgetkit import datasets
    >>> unstructure(datasets.load("zigong-hr-2023"))["income"]["total"]
    {'current': '1054.90', 'previous': '988.88'}
    """
    data = _converter().unstructure(account)
    assert isinstance(data, dict)
    return data


def versioned(body: dict[str, Any]) -> dict[str, Any]:
    """An account's plain data (:func:`unstructure`) with the ``format_version`` it needs in front: 0.4 when it
    uses a 0.4 field (0.5, 0.3 likewise), else 0.2 (which 0.2 readers keep reading).

    >>> from budgetkit import datasets
    >>> list(versioned(unstructure(datasets.load("zigong-hr-2023"))))[0:2]
    ['format_version', 'unit']
    """
    version = "0.5" if _keys_0_5(body) else "0.4" if _keys_0_4(body) else "0.3" if _keys_0_3(body) else "0.2"
    return {"format_version": version, **body}


def dumps(account: FinalAccount, fmt: Format = "toml") -> str:
    """Write a final account as TOML or JSON text that :func:`loads` reads back equal, digit for digit.

    >>> from budgetkit import datasets
    >>> seed = datasets.load("zigong-hr-2023")
    >>> loads(dumps(seed, "json"), "json") == seed and dumps(loads(dumps(seed))) == dumps(seed)
    True
    """
    data = versioned(unstructure(account))
    if fmt == "toml":
        import tomli_w

        return tomli_w.dumps(data)  # single-line strings keep "\r\n" exact
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def dump(account: FinalAccount, path: str | Path) -> None:
    """Write a final account to a ``.toml`` or ``.json`` file (the suffix picks the format); see :func:`load`."""
    file = Path(path)
    fmt: Format = "json" if file.suffix.lower() == ".json" else "toml"
    file.write_text(dumps(account, fmt), encoding="utf-8")


def read_pdf(path: str | Path, **options: Any) -> Any:
    """Import a published PDF report: :func:`budgetkit.io.pdf.read_pdf` (needs the ``import`` extra).

    Returns an :class:`~budgetkit.io.pdf.Imported` — the account and the import report. Imported here on
    first use, so that reading account files never loads pdfplumber.

    >>> read_pdf("missing.pdf")
    Traceback (most recent call last):
    ...
    budgetkit.errors.LoadError: cannot load missing.pdf: 1 problem
      file: No such file or directory
    """
    from budgetkit.io.pdf import read_pdf as read

    return read(path, **options)


def read_excel(path: str | Path, **options: Any) -> Any:
    """Import a published workbook (``.xlsx``/``.xls``): :func:`budgetkit.io.excel.read_excel` (``excel`` extra).

    Returns an :class:`~budgetkit.io.pdf.Imported` — the account and the import report, every imported
    cell's place its sheet and cell ("表五!C12"). Imported here on first use.

    >>> read_excel("missing.xlsx")
    Traceback (most recent call last):
    ...
    budgetkit.errors.LoadError: cannot load missing.xlsx: 1 problem
      file: No such file or directory
    """
    from budgetkit.io.excel import read_excel as read

    return read(path, **options)


def read_text(path: str | Path, **options: Any) -> Any:
    """Import a report saved as text (``.txt``): :func:`budgetkit.io.text.read_text` (the account and the report).

    >>> read_text("missing.txt")
    Traceback (most recent call last):
    ...
    budgetkit.errors.LoadError: cannot load missing.txt: 1 problem
      file: No such file or directory
    """
    from budgetkit.io.text import read_text as read

    return read(path, **options)


def read_docx(path: str | Path, **options: Any) -> Any:
    """Import a report published as a Word document (``.docx``): :func:`budgetkit.io.word.read_docx`.

    >>> read_docx("missing.docx")
    Traceback (most recent call last):
    ...
    budgetkit.errors.LoadError: cannot load missing.docx: 1 problem
      file: No such file or directory
    """
    from budgetkit.io.word import read_docx as read

    return read(path, **options)


def read_html(path: str | Path, **options: Any) -> Any:
    """Import a report published as a web page (``.html``/``.htm``): :func:`budgetkit.io.text.read_html`.

    >>> read_html("missing.html")
    Traceback (most recent call last):
    ...
    budgetkit.errors.LoadError: cannot load missing.html: 1 problem
      file: No such file or directory
    """
    from budgetkit.io.text import read_html as read

    return read(path, **options)
