"""Claims: the derived figures a report prints, kept beside what can be computed.

Every number a 决算说明 prints about something the model can compute is a
*claim*: "增长6.68%" claims the growth rate of 收入总计, "占95.52%" claims a share,
"全年共计接待8批次" claims a count. A :class:`Claim` names its quantity with a
*kind* and a *subject*, a path into the model (see :func:`resolve`), and keeps
the stated figure exactly as printed, so that its rounding interval is known.

Paths are dotted attribute names with three kinds of brackets:

- ``[key]`` picks the element of a tuple whose ``code`` or ``name`` is ``key``
  (searching a category tree at every depth) or, when none has it, the element
  at that integer index;
- ``[*]`` maps the rest of the path over every element;
- ``[?field=a|b]`` keeps the elements whose ``field`` is one of the values.

A subject that parses as a number is a literal operand printed in the claim's
own sentence ("完成757人……完成率108.14%").

>>> import attrs
>>> @attrs.frozen
... class Item:
...     name: str
...     size: int
>>> @attrs.frozen
... class Box:
...     items: tuple[Item, ...]
>>> box = Box(items=(Item("a", 1), Item("b", 2)))
>>> resolve(box, "items[b].size")
2
>>> resolve(box, "items[*].size")
(1, 2)
>>> resolve(box, "items[?name=a|c][*].size")
(1,)
"""

from __future__ import annotations

import enum
import functools
import re
from decimal import Decimal
from typing import Any, Protocol

import attrs

from budgetkit.errors import ModelError
from budgetkit.values import validators as v
from budgetkit.values.money import Money
from budgetkit.values.numbers import to_decimal

__all__ = ["ChangeExplanation", "Claim", "ClaimKind", "Contribution", "PathError", "resolve"]


class ClaimKind(enum.Enum):
    """What a claim states about its subject."""

    #: a money figure stated again elsewhere (narrative against narrative, chart, table): 万元
    AMOUNT = "amount"
    #: current − previous, signed (减少 is negative): 万元
    CHANGE = "change"
    #: (current − previous) / |previous|, signed, in percent (增长 / 下降)
    GROWTH = "growth"
    #: subject / base, in percent (占…%)
    SHARE = "share"
    #: 完成预算: actual / budget of the subject figure (or ``base``, the budget named), in percent
    COMPLETION = "completion"
    #: subject / base with literal or path operands, in percent (完成率)
    RATIO = "ratio"
    #: how many elements the subject holds (批次, 个项目)
    COUNT = "count"
    #: the sum of the subject's values (人次; 万元 when they are money)
    SUM = "sum"
    #: the overall self-evaluation score of the projects the subject selects (分)
    SCORE = "score"


class PathError(ModelError, LookupError):
    """A claim's path that does not lead to anything in the model."""


_STEP = re.compile(r"\.?([A-Za-z_][A-Za-z0-9_]*)|\[([^\]]*)\]")


def children(item: Any) -> tuple[Any, ...]:
    """The elements under ``item`` in a category tree: its ``children`` field, or none (a printed table's
    ``children`` is a method, which a path does not step through).

    >>> from budgetkit.model.tables import Table
    >>> children(Table(key="summary", columns=("amount",)))
    ()
    """
    found = getattr(item, "children", ())
    return found if isinstance(found, tuple) else ()


def _lookup(items: tuple[Any, ...], key: str, path: str) -> Any:
    stack = list(items)
    while stack:  # depth-first through category trees
        item = stack.pop(0)
        if getattr(item, "code", None) == key or getattr(item, "name", None) == key:
            return item
        stack[0:0] = list(children(item))
    if key.isdigit() and len(key) <= 6:  # no element has that code: an index
        if int(key) < len(items):
            return items[int(key)]
        raise PathError(f"no element with code or name {key!r}, and index {key} is out of range", path)
    raise PathError(f"no element with code or name {key!r}", path)


def _matches(item: Any, field: str, values: frozenset[str]) -> bool:
    value = getattr(item, field, None)
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, bool):
        value = str(value).lower()
    return str(value) in values


class _Index(Protocol):
    def lookup(self, items: tuple[Any, ...], key: str, path: str) -> Any: ...


#: One step of a compiled path: ``(kind, text, extra, written)``. Kinds: an attribute (``text`` the
#: name, ``extra`` whether it is private), ``[*]`` (``extra`` the rest of the path), a filter (``text``
#: the field, ``extra`` the wanted values), a keyed step (``text`` the key), or a place where the path
#: cannot be read (``text`` the rest of the path); ``written`` is a bracket's text as the path has it.
_ATTRIBUTE, _EVERY, _FILTER, _KEY, _UNREADABLE = range(5)
_Compiled = tuple[tuple[int, str, Any, str], ...]


#: Longest path whose steps are kept: longer ones (only hostile input writes them) are read each time.
_CACHED_PATH = 200


def _compile(path: str) -> _Compiled:
    """``path`` read into its steps, once per distinct path of up to ``_CACHED_PATH`` characters."""
    return _compiled(path) if len(path) <= _CACHED_PATH else _read(path)


@functools.lru_cache(maxsize=8192)
def _compiled(path: str) -> _Compiled:
    return _read(path)


def _read(path: str) -> _Compiled:
    """``path`` read into its steps (claims name the same paths over and over, so :func:`_compile` keeps them).

    Reading stops at ``[*]``, whose rest is mapped over each element, and at the first place that
    cannot be read, which :func:`resolve` reports only when it gets there, as it did reading step by step.
    """
    steps: list[tuple[int, str, Any, str]] = []
    position = 0
    while position < len(path):
        match = _STEP.match(path, position)
        if match is None:
            steps.append((_UNREADABLE, path[position:], None, ""))
            break
        position = match.end()
        attribute, key = match.group(1), match.group(2)
        if attribute is not None:
            steps.append((_ATTRIBUTE, attribute, attribute.startswith("_"), attribute))
        elif key == "*":
            steps.append((_EVERY, key, path[position:], key))
            break
        elif key.startswith("?"):
            field, _, wanted = key[1:].partition("=")
            steps.append((_FILTER, field, frozenset(wanted.split("|")), key))
        else:
            steps.append((_KEY, key, None, key))
    return tuple(steps)


_MISSING = object()


def resolve(root: Any, path: str, *, index: _Index | None = None) -> Any:
    """Follow ``path`` from ``root``; raise :class:`PathError` naming the failing step.

    ``index`` (a :class:`budgetkit.model.paths.ModelIndex`) finds keyed elements without scanning.

    >>> from budgetkit import datasets
    >>> seed = datasets.load("zigong-hr-2023")
    >>> resolve(seed, "general_budget.categories[事业运行].actual")
    Money('426.43')
    >>> resolve(seed, "three_public.events[*].persons")
    (4, 4, 14, 6, 3, 4, 7, 8)
    >>> resolve(seed, "income.totl")
    Traceback (most recent call last):
    ...
    budgetkit.model.claim.PathError: income.totl: Income has no field 'totl'
    """
    value = root
    for kind, text, extra, written in _compile(path):
        if kind == _ATTRIBUTE:
            found = getattr(value, text, _MISSING)
            if found is _MISSING or extra:
                raise PathError(f"{type(value).__name__} has no field {text!r}", path)
            if callable(found):
                raise PathError(f"{text!r} is a method, not a field", path)
            value = found
        elif kind == _UNREADABLE:
            raise PathError(f"cannot read the path at {text!r}", path)
        elif not isinstance(value, tuple):
            raise PathError(f"[{written}] needs a sequence, found {type(value).__name__}", path)
        elif kind == _EVERY:
            return tuple(resolve(item, extra, index=index) for item in value)
        elif kind == _FILTER:
            missing = [item for item in value if not hasattr(item, text) or text.startswith("_")]
            if missing:
                raise PathError(f"{type(missing[0]).__name__} has no field {text!r} to filter on", path)
            value = tuple(item for item in value if _matches(item, text, extra))
        else:
            value = _lookup(value, text, path) if index is None else index.lookup(value, text, path)
    return value


def _kind(value: Any) -> ClaimKind:
    return v.member(ClaimKind, value)


#: Most significant digits of a stated figure: a percentage of two accepted amounts
#: (up to 10^30 over 10^-12) printed to two places needs 47, more than an amount may have.
STATED_DIGITS = 60


def _stated(value: Any) -> Decimal:
    if type(value) is Decimal and v.short_plain(value):  # within MAX_DIGITS, so within STATED_DIGITS
        return value
    return to_decimal(value, max_digits=STATED_DIGITS)


@attrs.frozen(kw_only=True)
class Claim:
    """A derived figure as the report prints it.

    ``stated`` keeps the printed digits (``Decimal("6.68")`` for "6.68%");
    ``base`` is the denominator's path for shares and ratios, and for a completion
    the budget it names when that is not the subject's own (a literal: 完成年初预算的
    95.89% beside a printed 年初预算 of 0 and a 全年预算 the figure holds); ``text``
    is the printed words and ``section`` where they stand.

    >>> Claim(kind="growth", subject="income.total", stated="6.68", section="一").stated
    Decimal('6.68')
    """

    kind: ClaimKind = attrs.field(converter=_kind)
    subject: str
    stated: Decimal = attrs.field(converter=_stated)
    base: str | None = None
    text: str = ""
    section: str = ""

    @classmethod
    def _loaded(
        cls,
        *,
        kind: ClaimKind,
        subject: str,
        stated: Decimal,
        base: str | None = None,
        text: str = "",
        section: str = "",
    ) -> Claim:
        """A claim of values the loader's hooks made (internal fast path for ``budgetkit.io``).

        ``kind`` is a ClaimKind and ``stated`` a Decimal the number door took with STATED_DIGITS, which
        the converters would hand back as they are; so they are set without running them, and the claim
        is the one ``Claim(...)`` makes of the same values, equal, hashed and pickled alike.
        """
        self = _new_object(cls)
        _set_kind(self, kind)
        _set_subject(self, subject)
        _set_stated(self, stated)
        _set_base(self, base)
        _set_text(self, text)
        _set_section(self, section)
        return self


_new_object = object.__new__
_set_kind, _set_subject, _set_stated, _set_base, _set_text, _set_section = (
    Claim.__dict__[name].__set__ for name in ("kind", "subject", "stated", "base", "text", "section")
)


@attrs.frozen(kw_only=True)
class Contribution:
    """One signed reason in a change explanation ("人员支出增加50.47万"), maybe itself broken down."""

    label: str
    amount: Money = attrs.field(converter=v.money)
    parts: tuple[Contribution, ...] = attrs.field(default=(), converter=v.tuple_of)


@attrs.frozen(kw_only=True)
class ChangeExplanation:
    """A change of ``subject`` explained as signed contributions that must add up to it, or in words.

    ``reason`` is the explanation as text ("主要原因是…" without those words), for a change
    the report explains without amounts; contributions, when given, must add up to ``change``.

    ``exhaustive`` says whether the contributions are all of the change, as an analyst records them (the
    default). An importer reading a report's 主要原因是… list cannot know that the list names every reason, so
    it sets ``False``: contributions that do not add up are then a warning that a figure may be misprinted
    (``explanation.listed_sum``), not an error, and ``change`` is the change the same sentence prints, which
    the claim of that change already compares with the figures (so ``explanation.change`` does not again).

    >>> e = ChangeExplanation(subject="income.total", change="66.02", section="一",
    ...     contributions=(Contribution(label="人员支出", amount="50.47"),
    ...                    Contribution(label="公用经费", amount="-2.74")))
    >>> Money.sum(c.amount for c in e.contributions)
    Money('47.73')
    >>> ChangeExplanation(subject="three_public.vehicle", change="0.07", reason="进一步开展服务工作").contributions
    ()
    """

    subject: str
    change: Money = attrs.field(converter=v.money)
    contributions: tuple[Contribution, ...] = attrs.field(default=(), converter=v.tuple_of)
    section: str = ""
    reason: str = ""
    exhaustive: bool = True
