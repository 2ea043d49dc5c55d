"""Checking many final accounts at once: a columnar batch and vectorised screens.

A provincial finance department receives thousands of 决算说明 a year. A
:class:`Batch` holds many :class:`~budgetkit.account.FinalAccount` as columns —
money as numpy ``int64`` millionths of a 万元 (1 分 = 0.000001 万元) beside the
printed exponent, never a float — and :func:`check_batch` checks them all. Its
result is exactly ``[check(a) for a in accounts]``: the same findings, in the
same order, worded by the same code.

How. Every check of every account — one identity, one claim, one fund line, one
self-evaluation table — is judged for the whole batch at once by exact integer
arithmetic on half-units of the printed figures (the rounding intervals of
:mod:`budgetkit.interval`, scaled to integers). A check that certainly yields
nothing is done. An identity whose printed parts do not add up is decided
(rounding residue or error) in the same vectorised pass and worded by the
rule's own :class:`~budgetkit.rules.identity.SumCheck`. Everything else that
might yield a finding is *flagged* — conservatively: an unusual shape, a value
out of the int64-safe range or a bound that merely touches counts as flagged —
and goes through the per-instance functions of the rule modules (one claim, one
fund line, one table), on the account itself. The functional-classification
rule runs once per distinct shape of category lines; the text rule only on
texts a single combined pattern matches; the chart rule only on accounts with
charts. An account the batch cannot represent exactly (a printed ``-0``) is
checked whole by :func:`budgetkit.audit.check`.

A batch travels as Arrow or Parquet (:meth:`Batch.to_arrow`, :func:`write_parquet`):
one row per account with its numbers in columns and its lossless JSON beside
them, so each partition can be checked on its own (by Dask, say) and gives the
same findings.

>>> from budgetkit import synthetic
>>> from budgetkit.audit import check
>>> accounts = [synthetic.generate(seed) for seed in range(3)]
>>> batch = Batch.from_accounts(accounts)
>>> len(batch), batch.money("income.total").sum() == sum(a.income.total.current for a in accounts)
(3, True)
>>> check_batch(batch) == [check(a) for a in accounts]
True
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, NamedTuple

import attrs
import numpy as np
import numpy.typing as npt

from budgetkit.account import Figure, FinalAccount
from budgetkit.audit import DEFAULT_RULES, check
from budgetkit.category import CategoryLevel, ExpenseCategory
from budgetkit.claim import Claim, ClaimKind, PathError, resolve
from budgetkit.context import Context
from budgetkit.errors import BudgetkitError, InvalidNumberError, LoadError, LoadIssue, MissingExtraError
from budgetkit.finding import Finding, Part
from budgetkit.indicator import Operator, PerformanceIndicator
from budgetkit.money import Money
from budgetkit.numbers import EXACT, to_decimal
from budgetkit.project import Project
from budgetkit.rules import charts as chart_rules
from budgetkit.rules import claims as claim_rules
from budgetkit.rules import classification as classification_rules
from budgetkit.rules import identity as identity_rules
from budgetkit.rules import performance as performance_rules
from budgetkit.rules import text as text_rules
from budgetkit.rules._sums import CountCheck, SumCheck, sum_finding

__all__ = [
    "Batch",
    "BatchError",
    "MoneyColumn",
    "check_batch",
    "read_parquet",
    "write_parquet",
]

Int64Array = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

#: Exponent of a value the report does not print (``None``).
_UNKNOWN = 127
#: Exponent marking a whole count (an ``int``, exact), not a printed decimal.
_INT = 126
#: Largest magnitude held, in millionths: 2**55 millionths of a 万元 is about 3.6e10 万元.
VALUE_LIMIT = 2**55
#: Products and sums of the screens stay below this; anything that could exceed it is flagged.
_SAFE = 2**62
#: Sums with more terms than this are decided one by one.
_MAX_TERMS = 64
_MILLION = 10**6
#: 10**(6 - places): half a unit of the last printed place, in half-millionths.
_HALF_UNIT = np.array([10 ** (6 - p) for p in range(7)], dtype=np.int64)
_POW10 = np.array([10**p for p in range(19)], dtype=np.int64)
#: Accounts per block while building and checking (bounds the memory of Python lists).
_BLOCK = 5_000


class BatchError(BudgetkitError, ValueError):
    """An amount the batch cannot hold exactly: finer than 1 分, or too large for its int64 columns.

    ``index`` is the account's position, ``unit`` its unit, ``path`` the amount's place in it.
    """

    def __init__(self, index: int, unit: str, path: str, value: object, reason: str) -> None:
        self.index = index
        self.unit = unit
        self.path = path
        self.value = value
        self.reason = reason
        super().__init__(f"account {index} ({unit}): {path} = {value} 万元 {reason}")


class _Unrepresentable(Exception):
    """A value outside what the columns hold (internal)."""


class _Irregular(Exception):
    """An account the batch checks whole (internal)."""


_SCALE = tuple(10**p for p in range(7))


def _micro(value: Decimal) -> tuple[int, int]:
    """(value in millionths, exponent) of a printed decimal; raise _Unrepresentable when it does not fit.

    Read from ``str(value)``, which is several times faster than ``value.as_tuple()``.
    """
    if not value.is_finite():
        raise _Unrepresentable
    text = str(value)
    if "E" in text:  # scientific notation: a positive exponent, or far below 1 分
        exponent = value.as_tuple().exponent
        if type(exponent) is not int or exponent < -6 or exponent > 100 or value.adjusted() > 11:
            raise _Unrepresentable
        micro = int(value.scaleb(6, EXACT))
    else:
        point = text.find(".")
        if point < 0:
            exponent, micro = 0, int(text) * _MILLION
        else:
            exponent = point + 1 - len(text)
            if exponent < -6:
                raise _Unrepresentable
            micro = int(text[:point] + text[point + 1 :]) * _SCALE[6 + exponent]
    if not -VALUE_LIMIT < micro < VALUE_LIMIT:
        raise _Unrepresentable
    return micro, exponent


def _money(amount: Money | None) -> tuple[int, int]:
    """(millionths, exponent) of an amount, ``(0, _UNKNOWN)`` when not printed."""
    if amount is None:
        return 0, _UNKNOWN
    value = amount.amount
    if not value and value.is_signed():
        raise _Irregular  # a printed "-0.00": its sign would be lost
    return _micro(value)  # sub-分 and out-of-range amounts were refused by _refuse_unrepresentable


def _number(value: Decimal | int | None) -> tuple[int, int]:
    """(millionths, exponent) of a non-money number; an int is exact (_INT); raise _Unrepresentable."""
    if value is None:
        return 0, _UNKNOWN
    if isinstance(value, int):
        if not -VALUE_LIMIT < value * _MILLION < VALUE_LIMIT:
            raise _Unrepresentable
        return value * _MILLION, _INT
    if not value and value.is_signed():
        raise _Unrepresentable
    return _micro(value)


def _decimal(micro: int, exponent: int) -> Decimal:
    """The printed decimal back from (millionths, exponent), digit for digit."""
    coefficient = micro // 10 ** (exponent + 6)
    return Decimal(coefficient).scaleb(exponent, EXACT)


def _amount(micro: int, exponent: int) -> Money | None:
    return None if exponent == _UNKNOWN else Money._of(_decimal(micro, exponent))


# -- where money may sit in an account: refused when it does not fit ------------------------------------------


def _money_fields(account: FinalAccount) -> Iterator[tuple[str, Money | None]]:
    """Every amount of ``account`` with its path (events in 万元)."""
    for chain in _FIGURE_CHAINS:
        figure: Any = account
        for name in chain:
            figure = getattr(figure, name)
        for slot in _SLOTS:
            yield f"{'.'.join(chain)}.{slot}", getattr(figure, slot)
    for i, category in enumerate(account.general_budget.categories):
        yield from _category_money(category, f"general_budget.categories[{i}]")
    for i, event in enumerate(account.three_public.events):
        yield f"three_public.events[{i}].cost", event.cost  # cost_yuan in 万元
    for i, project in enumerate(account.projects):
        for j, line in enumerate(project.funds.lines):
            for slot in ("initial", "adjusted", "executed"):
                yield f"projects[{i}].funds.lines[{j}].{slot}", getattr(line, slot)
    for i, exp in enumerate(account.explanations):
        yield f"explanations[{i}].change", exp.change
        stack = [(f"explanations[{i}].contributions[{j}]", c) for j, c in enumerate(exp.contributions)]
        while stack:
            path, contribution = stack.pop()
            yield f"{path}.amount", contribution.amount
            stack.extend((f"{path}.parts[{k}]", p) for k, p in enumerate(contribution.parts))


def _category_money(category: ExpenseCategory, path: str) -> Iterator[tuple[str, Money | None]]:
    for slot in ("actual", "budget", "basic", "project"):
        yield f"{path}.{slot}", getattr(category, slot)
    for i, child in enumerate(category.children):
        yield from _category_money(child, f"{path}.children[{i}]")


def _refuse_unrepresentable(account: FinalAccount, index: int) -> None:
    """Raise BatchError naming the first amount finer than 1 分 or too large for the columns."""
    for path, amount in _money_fields(account):
        if amount is None:
            continue
        value = amount.amount
        try:
            _micro(value)
        except _Unrepresentable:
            exponent = value.as_tuple().exponent
            if type(exponent) is int and exponent < -6:
                raise BatchError(index, account.unit, path, value, "is finer than 1 分 (0.000001 万元)") from None
            raise BatchError(
                index, account.unit, path, value, f"is too large for the batch (at most {VALUE_LIMIT} 分)"
            ) from None


# -- the figures of the model, as columns -----------------------------------------------------------------------


def _figure_chains() -> tuple[tuple[str, ...], ...]:
    """The attribute path of every Figure field of the model (found from a blank account)."""
    chains: list[tuple[str, ...]] = []

    def walk(obj: Any, chain: tuple[str, ...]) -> None:
        for f in attrs.fields(type(obj)):
            value = getattr(obj, f.name)
            if isinstance(value, Figure):
                chains.append((*chain, f.name))
            elif attrs.has(type(value)):
                walk(value, (*chain, f.name))

    walk(FinalAccount(unit="", year=2000, unit_type="其他"), ())
    return tuple(chains)


_FIGURE_CHAINS = _figure_chains()
_SLOTS = ("current", "previous", "budget")
#: Column name of every figure slot: "income.total.current", …
FIGURE_COLUMNS: tuple[str, ...] = tuple(f"{'.'.join(c)}.{s}" for c in _FIGURE_CHAINS for s in _SLOTS)
_FIGURE_INDEX = {name: k for k, name in enumerate(FIGURE_COLUMNS)}


# -- tables -----------------------------------------------------------------------------------------------------

#: Each child table: column name → dtype. Rows belong to accounts in order; ``offsets`` delimit them.
_SCHEMAS: Mapping[str, Mapping[str, Any]] = {
    "sums": {
        "group": np.int8,
        "ordinal": np.int32,
        "kind": np.int8,
        "code": np.int32,
        "path": np.int32,
        "what": np.int32,
        "what_en": np.int32,
        "part": np.int8,
        "total": np.int64,
        "total_exp": np.int8,
        "n_terms": np.int32,
    },
    "terms": {"value": np.int64, "exp": np.int8, "label": np.int32},
    "compares": {
        "ordinal": np.int32,
        "kind": np.int8,
        "variant": np.int32,
        "left": np.int64,
        "left_exp": np.int8,
        "right": np.int64,
        "right_exp": np.int8,
    },
    "changes": {
        "ordinal": np.int32,
        "path": np.int32,
        "part": np.int8,
        "section": np.int32,
        "change": np.int64,
        "change_exp": np.int8,
        "current": np.int64,
        "current_exp": np.int8,
        "previous": np.int64,
        "previous_exp": np.int8,
    },
    "claims": {
        "group": np.int8,
        "i": np.int32,
        "j": np.int32,
        "form": np.int8,
        "stated": np.int64,
        "stated_exp": np.int8,
        "abs_base": np.bool_,
        "n_num": np.int32,
        "n_den": np.int32,
    },
    "cterms": {"value": np.int64, "exp": np.int8, "sign": np.int8},
    "projects": {
        "i": np.int32,
        "representable": np.bool_,
        "has_code": np.bool_,
        "exec_weight": np.int64,
        "exec_weight_exp": np.int8,
        "stated_weight": np.int64,
        "stated_weight_exp": np.int8,
        "stated_total": np.int64,
        "stated_total_exp": np.int8,
        "exec_score": np.int64,
        "exec_score_exp": np.int8,
        "initial": np.int64,
        "initial_exp": np.int8,
        "adjusted": np.int64,
        "adjusted_exp": np.int8,
        "executed": np.int64,
        "executed_exp": np.int8,
        "reason": np.int32,
        "principle": np.int32,
        "n_indicators": np.int32,
    },
    "indicators": {
        "representable": np.bool_,
        "op": np.int8,
        "missing": np.bool_,
        "target": np.int64,
        "target_exp": np.int8,
        "actual": np.int64,
        "actual_exp": np.int8,
        "weight": np.int64,
        "weight_exp": np.int8,
        "stated": np.int64,
        "stated_exp": np.int8,
        "reason": np.int32,
        "judged": np.int32,
    },
    "texts": {"path": np.int32, "text": np.int32, "part": np.int8, "where": np.int32},
    "charts": {"title": np.int32, "data_title": np.int32, "n_labels": np.int32, "n_values": np.int32},
}
#: Columns holding ids of the batch's strings.
_STRING_COLUMNS = frozenset(
    {
        ("sums", "code"),
        ("sums", "path"),
        ("sums", "what"),
        ("sums", "what_en"),
        ("terms", "label"),
        ("compares", "variant"),
        ("changes", "path"),
        ("changes", "section"),
        ("projects", "reason"),
        ("projects", "principle"),
        ("indicators", "reason"),
        ("indicators", "judged"),
        ("texts", "path"),
        ("texts", "text"),
        ("texts", "where"),
        ("charts", "title"),
        ("charts", "data_title"),
    }
)
_ACCOUNT_SCHEMA: Mapping[str, Any] = {
    "unit": np.int32,
    "year": np.int16,
    "irregular": np.bool_,
    "charts": np.int32,
    "classification": np.int32,
}
_ACCOUNT_STRINGS = frozenset({"unit", "classification"})

_PARTS: tuple[Part, ...] = tuple(Part)
_PART_INDEX = {p: k for k, p in enumerate(_PARTS)}
_COMPARISON_KINDS: tuple[str, ...] = tuple(identity_rules.COMPARISONS)
_COMPARISON_INDEX = {k: n for n, k in enumerate(_COMPARISON_KINDS)}
_OPERATORS: tuple[Operator, ...] = tuple(Operator)
_OPERATOR_INDEX = {op: k for k, op in enumerate(_OPERATORS)}

# claim forms
_NONE, _PY, _LIN, _RAT, _EQ, _MEAN = range(6)
_CLAIM_GROUP, _FUNDS_GROUP, _CHART_GROUP = 0, 1, 2


@dataclass
class _Table:
    """Child rows of a batch: per-account ``offsets`` into flat numpy columns."""

    offsets: Int64Array
    columns: dict[str, np.ndarray[Any, Any]]

    def rows(self) -> int:
        return int(self.offsets[-1] - self.offsets[0])

    def owner(self) -> Int64Array:
        """The account index of every row."""
        counts = np.diff(self.offsets)
        return np.repeat(np.arange(len(counts), dtype=np.int64), counts)

    def slice(self, start: int, stop: int) -> _Table:
        lo, hi = int(self.offsets[start]), int(self.offsets[stop])
        return _Table(self.offsets[start : stop + 1] - lo, {k: v[lo:hi] for k, v in self.columns.items()})


@dataclass
class _TableBuilder:
    """The rows of one table while it is built (tuples in schema order), flushed to numpy blocks."""

    schema: Mapping[str, Any]
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)
    blocks: list[list[np.ndarray[Any, Any]]] = field(default_factory=list)

    def mark(self) -> int:
        return len(self.rows)

    def rollback(self, mark: int) -> None:
        del self.rows[mark:]

    def end_account(self, mark: int) -> None:
        self.counts.append(len(self.rows) - mark)

    def flush(self) -> None:
        columns = list(zip(*self.rows, strict=True)) or [() for _ in self.schema]
        self.blocks.append(
            [np.array(col, dtype=dtype) for col, dtype in zip(columns, self.schema.values(), strict=True)]
        )
        self.rows = []

    def table(self) -> _Table:
        self.flush()
        offsets = np.zeros(len(self.counts) + 1, dtype=np.int64)
        np.cumsum(np.array(self.counts, dtype=np.int64), out=offsets[1:])
        columns = {
            name: np.concatenate([block[k] for block in self.blocks]).astype(dtype, copy=False)
            for k, (name, dtype) in enumerate(self.schema.items())
        }
        return _Table(offsets, columns)


class _Strings:
    """The batch's strings, each stored once; columns hold their ids. Id 0 is always the empty string."""

    def __init__(self) -> None:
        self.strings: list[str] = [""]
        self.ids: dict[str, int] = {"": 0}

    def id(self, text: str) -> int:
        found = self.ids.get(text)
        if found is None:
            found = self.ids[text] = len(self.strings)
            self.strings.append(text)
        return found


# -- the batch --------------------------------------------------------------------------------------------------


class MoneyColumn:
    """One figure of every account of a batch: int64 millionths of a 万元 (分) and the printed exponent.

    A figure an account does not print is 0 with an unknown exponent; :attr:`known` says which.
    ``bound``, when given, is at least the largest magnitude in ``fen``, and
    ``finest`` the smallest exponent (the batch keeps both per column, like the
    statistics of a Parquet column); they are found from the data when not given.

    >>> from budgetkit import synthetic
    >>> column = Batch.from_accounts([synthetic.generate(1), synthetic.generate(2)]).money("income.total")
    >>> column.fen.dtype, column[0] == synthetic.generate(1).income.total.current
    (dtype('int64'), True)
    """

    def __init__(
        self, fen: Int64Array, exponent: npt.NDArray[np.int8], bound: int | None = None, finest: int | None = None
    ) -> None:
        self.fen = fen
        self.exponent = exponent
        self.bound = bound
        self.finest = finest

    @property
    def known(self) -> BoolArray:
        """Whether each account prints the figure."""
        known: BoolArray = self.exponent != _UNKNOWN
        return known

    def __len__(self) -> int:
        return len(self.fen)

    def __getitem__(self, i: int) -> Money | None:
        return _amount(int(self.fen[i]), int(self.exponent[i]))

    def sum(self) -> Money:
        """The exact sum of the printed figures, with the places of the finest one (like :meth:`Money.sum`).

        int64 never overflows silently here: one numpy pass when the column's bound
        shows that no partial sum can leave int64, else blocks of 256 values (each
        below 2**55 分, so each block sum fits) added as Python integers.

        >>> import numpy as np
        >>> MoneyColumn(np.array([1_500_000, 20_000_000]), np.array([-1, -2], dtype=np.int8)).sum()
        Money('21.50')
        """
        fen = self.fen
        bound = int(np.abs(fen).max()) if self.bound is None and len(fen) else (self.bound or 0)
        if len(fen) * bound < 2**63:
            total = int(fen.sum())
        else:
            whole = len(fen) - len(fen) % 256
            total = int(fen[whole:].sum()) + sum(fen[:whole].reshape(-1, 256).sum(axis=1).tolist())
        finest = self.finest if self.finest is not None else int(self.exponent.min()) if len(fen) else _UNKNOWN
        exponent = 0 if finest >= _INT else min(finest, 0)  # Money.sum starts from Decimal(0)
        return Money._of(Decimal(total).scaleb(-6, EXACT).quantize(Decimal(1).scaleb(exponent), context=EXACT))


class Batch:
    """Many final accounts as columns, checked together by :func:`check_batch`.

    Build one with :meth:`from_accounts`, or read one with :meth:`from_arrow` /
    :func:`read_parquet`. ``batch.account(i)`` gives the i-th account back.

    >>> from budgetkit import synthetic
    >>> batch = Batch.from_accounts([synthetic.generate(seed) for seed in range(4)])
    >>> len(batch), batch.account(2) == synthetic.generate(2), len(batch[1:3])
    (4, True, 2)
    """

    def __init__(
        self,
        accounts: dict[str, np.ndarray[Any, Any]],
        figures: Int64Array,
        figure_exp: npt.NDArray[np.int8],
        tables: dict[str, _Table],
        strings: _Strings,
        objects: Sequence[FinalAccount] | None,
        texts: Any = None,
    ) -> None:
        self._accounts = accounts
        self._figures = figures
        self._figure_exp = figure_exp
        self._tables = tables
        self._strings = strings
        self._objects = objects  #: the accounts themselves, when the batch was built from them
        self._texts = texts  #: else an Arrow array of their JSON
        self._figure_bound: Int64Array | None = None  #: per figure column, its largest magnitude (a statistic)
        self._figure_finest: npt.NDArray[np.int8] | None = None  #: per figure column, its smallest exponent

    # -- building
    @classmethod
    def from_accounts(cls, accounts: Iterable[FinalAccount]) -> Batch:
        """Put accounts into columns; raise :class:`BatchError` for an amount finer than 1 分.

        >>> from budgetkit.account import Figure, FinalAccount, Income
        >>> Batch.from_accounts([FinalAccount(unit="示例", year=2023, unit_type="行政单位",
        ...     income=Income(total=Figure("1.0000001")))])
        Traceback (most recent call last):
        ...
        budgetkit.batch.BatchError: account 0 (示例): income.total.current = 1.0000001 万元 is finer than 1 分 (0.000001 万元)
        """
        return _Builder().build(list(accounts))

    def __len__(self) -> int:
        return len(self._accounts["year"])

    def account(self, i: int) -> FinalAccount:
        """The i-th account (read back from its JSON when the batch came from Arrow)."""
        if not 0 <= i < len(self):
            raise IndexError(i)
        if self._objects is not None:
            return self._objects[i]
        from budgetkit import io

        return io.loads(self._texts[i].as_py(), "json", source=f"batch account {i}")

    def account_json(self, i: int) -> str:
        """The i-th account as compact, lossless JSON (what :func:`budgetkit.io.loads` reads back)."""
        if self._texts is not None:
            text: str = self._texts[i].as_py()
            return text
        from budgetkit import io

        return json.dumps(io.unstructure(self.account(i)), ensure_ascii=False, separators=(",", ":"))

    def __getitem__(self, index: slice) -> Batch:
        start, stop, step = index.indices(len(self))
        if step != 1:
            raise ValueError("a batch is sliced in one piece (step 1)")
        stop = max(start, stop)
        part = Batch(
            {k: v[start:stop] for k, v in self._accounts.items()},
            self._figures[start:stop],
            self._figure_exp[start:stop],
            {name: t.slice(start, stop) for name, t in self._tables.items()},
            self._strings,
            None if self._objects is None else self._objects[start:stop],
            None if self._texts is None else self._texts[start:stop],
        )
        part._figure_bound = self._figure_bound  # still a bound on a part of the rows (the finest exponent is not)
        return part

    def money(self, path: str) -> MoneyColumn:
        """One figure across the batch: ``"income.total"`` (this year) or ``"income.total.previous"``."""
        name = path if path in _FIGURE_INDEX else f"{path}.current"
        if name not in _FIGURE_INDEX:
            raise KeyError(f"no figure {path!r}; known: {', '.join(FIGURE_COLUMNS[:6])}, …")
        k = _FIGURE_INDEX[name]
        bound, finest = self._figure_bound, self._figure_finest
        width = len(FIGURE_COLUMNS)
        if bound is None:  # every column's largest magnitude, once per batch (the columns never change)
            bound = self._figure_bound = np.abs(self._figures).max(axis=0) if len(self) else np.zeros(width, np.int64)
        if finest is None:  # and its finest exponent (_UNKNOWN, the largest int8, never wins over a printed one)
            finest = self._figure_finest = (
                self._figure_exp.min(axis=0) if len(self) else np.full(width, _UNKNOWN, np.int8)
            )
        return MoneyColumn(self._figures[:, k], self._figure_exp[:, k], int(bound[k]), int(finest[k]))

    @property
    def units(self) -> list[str]:
        """The unit (单位) of each account."""
        strings = self._strings.strings
        return [strings[k] for k in self._accounts["unit"].tolist()]

    @property
    def years(self) -> list[int]:
        """The year of each account."""
        return [int(year) for year in self._accounts["year"].tolist()]

    def nbytes(self) -> int:
        """Bytes held by the batch's columns (not counting the accounts or their JSON)."""
        total = self._figures.nbytes + self._figure_exp.nbytes + sum(v.nbytes for v in self._accounts.values())
        for table in self._tables.values():
            total += table.offsets.nbytes + sum(v.nbytes for v in table.columns.values())
        return total + sum(len(s.encode()) + 49 for s in self._strings.strings)

    # -- Arrow
    def to_arrow(self) -> Any:
        """The batch as an Arrow table: one row per account, child rows as list columns, and each account's JSON.

        >>> from budgetkit import synthetic
        >>> batch = Batch.from_accounts([synthetic.generate(1)])
        >>> Batch.from_arrow(batch.to_arrow()).account(0) == synthetic.generate(1)
        True
        """
        return _to_arrow(self)

    @classmethod
    def from_arrow(cls, table: Any) -> Batch:
        """Read a batch written by :meth:`to_arrow` (or a slice of one, or a Parquet partition)."""
        return _from_arrow(table)


# -- building ---------------------------------------------------------------------------------------------------


class _Builder:
    """Turns accounts into the batch's columns."""

    def __init__(self) -> None:
        self.strings = _Strings()
        self.tables = {name: _TableBuilder(schema) for name, schema in _SCHEMAS.items()}
        self.account_rows: list[tuple[Any, ...]] = []
        self.figures: list[int] = []
        self.figure_exp: list[int] = []
        self.figure_blocks: list[tuple[Int64Array, npt.NDArray[np.int8]]] = []
        self.seen: dict[int, tuple[Decimal, tuple[int, int]]] = {}  # each Decimal object converted once per account

    def build(self, accounts: list[FinalAccount]) -> Batch:
        for index, account in enumerate(accounts):
            self.add(index, account)
            if (index + 1) % _BLOCK == 0:
                self.flush()
        self.flush()
        columns = list(zip(*self.account_rows, strict=True)) or [() for _ in _ACCOUNT_SCHEMA]
        accounts_columns = {
            name: np.array(col, dtype=dtype)
            for col, (name, dtype) in zip(columns, _ACCOUNT_SCHEMA.items(), strict=True)
        }
        width = len(FIGURE_COLUMNS)
        figures = np.concatenate([b[0] for b in self.figure_blocks]).reshape(-1, width)
        figure_exp = np.concatenate([b[1] for b in self.figure_blocks]).reshape(-1, width)
        tables = {name: builder.table() for name, builder in self.tables.items()}
        return Batch(accounts_columns, figures, figure_exp, tables, self.strings, accounts)

    def flush(self) -> None:
        for builder in self.tables.values():
            builder.flush()
        self.figure_blocks.append((np.array(self.figures, dtype=np.int64), np.array(self.figure_exp, dtype=np.int8)))
        self.figures, self.figure_exp = [], []

    def add(self, index: int, account: FinalAccount) -> None:
        _refuse_unrepresentable(account, index)
        self.seen.clear()
        marks = {name: builder.mark() for name, builder in self.tables.items()}
        figures_mark = len(self.figures)
        try:
            self._figures(account)
            self._identities(account)
            self._explanations(account)
            self._claims(account)
            self._projects(account)
            self._texts(account)
            self._charts(account)
            irregular = False
        except _Irregular:
            for name, builder in self.tables.items():
                builder.rollback(marks[name])
            del self.figures[figures_mark:], self.figure_exp[figures_mark:]
            self._figures(account, lenient=True)
            irregular = True
        self.seen.clear()
        for name, builder in self.tables.items():
            builder.end_account(marks[name])
        s = self.strings.id
        # in _ACCOUNT_SCHEMA order: unit, year, irregular, charts, classification
        self.account_rows.append(
            (s(account.unit), account.year, irregular, len(account.charts), s(_classification_key(account)))
        )

    def money(self, amount: Money | None) -> tuple[int, int]:
        """(millionths, exponent) of an amount, each Decimal object converted once per account."""
        if amount is None:
            return 0, _UNKNOWN
        value = amount.amount
        known = self.seen.get(id(value))
        if known is not None:
            return known[1]
        result = _money(amount)
        self.seen[id(value)] = (value, result)  # holding the value keeps its id from being reused
        return result

    def _figures(self, account: FinalAccount, *, lenient: bool = False) -> None:
        values, exps = self.figures, self.figure_exp
        convert = (lambda m: _micro(m.amount)) if lenient else self.money
        for chain in _FIGURE_CHAINS:
            figure: Any = account
            for name in chain:
                figure = getattr(figure, name)
            for slot in _SLOTS:
                amount = getattr(figure, slot)
                if amount is None:
                    values.append(0)
                    exps.append(_UNKNOWN)
                else:
                    micro, exponent = convert(amount)
                    values.append(micro)
                    exps.append(exponent)

    def _sum_row(self, group: int, ordinal: int, check: SumCheck | CountCheck) -> None:
        s = self.strings.id
        terms = self.tables["terms"].rows
        if isinstance(check, SumCheck):
            assert check.total is not None
            total, total_exp = self.money(check.total)
            for label, amount in check.parts:
                terms.append((*self.money(amount), s(label)))  # value, exp, label
            kind = 0
        else:
            assert check.total is not None
            if abs(check.total) >= VALUE_LIMIT or any(abs(p or 0) >= VALUE_LIMIT for p in check.parts):
                raise _Irregular
            total, total_exp = check.total, _INT
            terms.extend((count, _INT, 0) for count in check.parts)
            kind = 1
        # group, ordinal, kind, code, path, what, what_en, part, total, total_exp, n_terms
        self.tables["sums"].rows.append(
            (
                group,
                ordinal,
                kind,
                s(check.code),
                s(check.path),
                s(check.what),
                s(check.what_en),
                _PART_INDEX[check.part],
                total,
                total_exp,
                len(check.parts),
            )
        )

    def _identities(self, account: FinalAccount) -> None:
        compares = self.tables["compares"].rows
        for ordinal, item in enumerate(identity_rules.checks(account)):
            if isinstance(item, SumCheck | CountCheck):
                if item.complete:
                    self._sum_row(0, ordinal, item)
                continue
            # ordinal, kind, variant, left, left_exp, right, right_exp
            compares.append(
                (
                    ordinal,
                    _COMPARISON_INDEX[item.kind],
                    self.strings.id(item.variant),
                    *self.side(item.left),
                    *self.side(item.right),
                )
            )

    def side(self, value: Money | int | None) -> tuple[int, int]:
        return self.money(value) if isinstance(value, Money) else _side(value)

    def _explanations(self, account: FinalAccount) -> None:
        changes = self.tables["changes"].rows
        s = self.strings.id
        for ordinal, item in enumerate(claim_rules.explanation_checks(account)):
            if isinstance(item, SumCheck):
                if item.complete:
                    self._sum_row(1, ordinal, item)
                continue
            # ordinal, path, part, section, change, change_exp, current, current_exp, previous, previous_exp
            changes.append(
                (
                    ordinal,
                    s(item.path),
                    _PART_INDEX[item.part],
                    s(item.section),
                    *self.money(item.change),
                    *self.money(item.current),
                    *self.money(item.previous),
                )
            )

    def _claims(self, account: FinalAccount) -> None:
        ctx = Context(account)
        for i, claim in enumerate(account.claims):
            self._claim_row(_CLAIM_GROUP, i, 0, *_claim_form(ctx, claim))
        for i, project in enumerate(account.projects):
            for j, line in enumerate(project.funds.lines):
                if line.stated_rate is None or line.executed is None or line.adjusted is None:
                    continue
                executed, adjusted = [(1, line.executed.amount, False)], [(1, line.adjusted.amount, False)]
                self._claim_row(_FUNDS_GROUP, i, j, _RAT, line.stated_rate, False, executed, adjusted)

    def number(self, value: Decimal | int | None) -> tuple[int, int]:
        """(millionths, exponent) of a number (an int is exact), each Decimal object converted once per account."""
        if not isinstance(value, Decimal):
            return _number(value)
        known = self.seen.get(id(value))
        if known is not None:
            return known[1]
        result = _number(value)
        self.seen[id(value)] = (value, result)
        return result

    def _claim_row(
        self,
        group: int,
        i: int,
        j: int,
        form: int,
        stated: Decimal,
        abs_base: bool,
        num: Sequence[_Term] = (),
        den: Sequence[_Term] = (),
    ) -> None:
        claims = self.tables["claims"].rows
        if form in (_NONE, _PY) or len(num) > _MAX_TERMS or len(den) > _MAX_TERMS:
            claims.append((group, i, j, _PY if form != _NONE else _NONE, 0, _UNKNOWN, False, 0, 0))
            return
        try:
            stated_value, stated_exp = self.number(stated)
            rows = []
            for sign, value, exact in (*num, *den):
                micro, exp = self.number(value)
                rows.append((micro, _INT if exact else exp, sign))  # value, exp, sign
        except _Unrepresentable:
            claims.append((group, i, j, _PY, 0, _UNKNOWN, False, 0, 0))
            return
        self.tables["cterms"].rows.extend(rows)
        # group, i, j, form, stated, stated_exp, abs_base, n_num, n_den
        claims.append((group, i, j, form, stated_value, stated_exp, abs_base, len(num), len(den)))

    def _projects(self, account: FinalAccount) -> None:
        projects = self.tables["projects"].rows
        s = self.strings.id
        for i, project in enumerate(account.projects):
            if not project.evaluated:
                continue
            total = project.funds.total
            representable = True
            values: list[int] = []
            for value in (
                project.execution_weight,
                project.stated_weight_total,
                project.stated_total,
                project.execution_score,
            ):
                try:
                    values.extend(self.number(value))
                except _Unrepresentable:
                    values.extend((0, _UNKNOWN))
                    representable = False
            for amount in (total.initial, total.adjusted, total.executed):
                values.extend(self.money(amount))
            for ind in project.indicators:
                representable &= self._indicator_row(ind)
            # i, representable, has_code, exec_weight … executed_exp, reason, principle, n_indicators
            projects.append(
                (
                    i,
                    representable,
                    project.code is not None,
                    *values,
                    s(project.execution_reason),
                    s(_principle_key(project)),
                    len(project.indicators),
                )
            )

    def _indicator_row(self, ind: PerformanceIndicator) -> bool:
        s = self.strings.id
        representable = True
        values: list[int] = []
        for value in (ind.target_value, ind.actual_value, ind.weight, ind.stated_score):
            try:
                values.extend(self.number(value))
            except _Unrepresentable:
                values.extend((0, _UNKNOWN))
                representable = False
        judged = s(json.dumps([ind.target, ind.actual], ensure_ascii=False)) if ind.is_qualitative else 0
        # representable, op, missing, target … stated_exp, reason, judged
        self.tables["indicators"].rows.append(
            (representable, _OPERATOR_INDEX[ind.operator], ind.is_missing_actual, *values, s(ind.reason), judged)
        )
        return representable

    def _charts(self, account: FinalAccount) -> None:
        """Each chart's title and shape, and each value as a claim that it depicts its figure."""
        s = self.strings.id
        charts = self.tables["charts"].rows
        for i, chart in enumerate(account.charts):
            charts.append((s(chart.title), s(chart.data_title), len(chart.labels), len(chart.values)))
            for j, (raw, subject) in enumerate(zip(chart.values, chart.subjects, strict=False)):
                self._claim_row(_CHART_GROUP, i, j, *_chart_form(account, raw, subject))

    def _texts(self, account: FinalAccount) -> None:
        texts = self.tables["texts"].rows
        s = self.strings.id
        for path, text, part, where in text_rules.texts(account):
            texts.append((s(path), s(text), _PART_INDEX[part], s(where)))  # path, text, part, where


def _side(value: Money | int | None) -> tuple[int, int]:
    if isinstance(value, Money):
        return _money(value)
    if value is None:
        return 0, _UNKNOWN
    if abs(value) >= VALUE_LIMIT:
        raise _Irregular
    return value, _INT


def _classification_key(account: FinalAccount) -> str:
    """What the classification rule reads of an account, as JSON: the year and each line (path first)."""
    lines = classification_rules._lines(account.general_budget.categories, "general_budget.categories")
    rows = [[path, c.level.value, c.name, c.printed, c.code] for path, c in lines]
    return json.dumps([account.year, rows], ensure_ascii=False)


class _Line(NamedTuple):
    """A category line as the classification rule reads it (see ``rules.classification.Line``)."""

    level: CategoryLevel
    name: str
    printed: str
    code: str | None


def _principle_key(project: Project) -> str:
    """What the principle-weight test reads of a table, as JSON."""
    weight = project.execution_weight
    rows = [[ind.level1, str(ind.weight)] for ind in project.indicators]
    return json.dumps([None if weight is None else str(weight), rows], ensure_ascii=False)


# -- claims as forms ------------------------------------------------------------------------------------------

_Term = tuple[int, Decimal | int, bool]  # sign, value, exact
_Form = tuple[int, Decimal, bool, list[_Term]]


def _terms(value: Any) -> list[_Term] | None:
    """The printed figures a claim operand's interval adds up (mirrors ``rules.claims._interval``)."""
    if value is None:
        return None
    if isinstance(value, Money):
        return [(1, value.amount, False)]
    if isinstance(value, Decimal):
        return [(1, value, False)]
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return [(1, value, True)]
    if isinstance(value, Figure):
        return _terms(value.current)
    if isinstance(value, ExpenseCategory):
        if value.actual is not None:
            return [(1, value.actual.amount, False)]
        total: list[_Term] = []
        for child in value.children:
            part = _terms(child)
            if part is None:
                return None
            total += part
        return total if value.children else None
    if isinstance(value, Project):
        return _terms(value.funds.total.executed)
    return None


def _negated(terms: list[_Term]) -> list[_Term]:
    return [(-sign, value, exact) for sign, value, exact in terms]


def _operand(ctx: Context, spec: str) -> Any:
    """``rules.claims._operand``, skipping the attempt to read a number when ``spec`` starts with a letter."""
    if spec[:1].isalpha():  # no number starts with a letter: a path
        return resolve(ctx.account, spec)
    return claim_rules._operand(ctx, spec)


def _claim_form(ctx: Context, claim: Claim) -> tuple[int, Decimal, bool, list[_Term], list[_Term]]:
    """A claim as a screenable form (mirrors ``rules.claims.claim_findings``): form, stated, abs_base, num, den."""
    stated = claim.stated
    none: tuple[int, Decimal, bool, list[_Term], list[_Term]] = (_NONE, stated, False, [], [])
    python: tuple[int, Decimal, bool, list[_Term], list[_Term]] = (_PY, stated, False, [], [])
    try:
        subject = _operand(ctx, claim.subject)
        base = _operand(ctx, claim.base) if claim.base else None
    except PathError:
        return python
    except Exception:  # the per-account rule meets the same error; let it
        return python
    kind = claim.kind
    if kind is ClaimKind.AMOUNT:
        terms = _terms(subject)
        return none if terms is None else (_LIN, stated, False, terms, [])
    if kind in (ClaimKind.CHANGE, ClaimKind.GROWTH):
        if not isinstance(subject, Figure) or subject.current is None:
            return none
        current: _Term = (1, subject.current.amount, False)
        previous: list[_Term] | None = None
        if subject.previous is not None:
            previous = [(1, subject.previous.amount, False)]
        elif kind is ClaimKind.GROWTH:
            for other in ctx.account.claims:
                if other.kind is ClaimKind.CHANGE and other.subject == claim.subject:
                    previous = [current, (-1, other.stated, False)]
                    break
        if previous is None:
            return none
        if kind is ClaimKind.CHANGE:
            return (_LIN, stated, False, [current, *_negated(previous)], [])
        return (_RAT, stated, True, [current, *_negated(previous)], previous)
    if kind in (ClaimKind.SHARE, ClaimKind.RATIO):
        return _ratio_form(stated, subject, base)
    if kind is ClaimKind.COMPLETION:
        if isinstance(subject, Project):
            total = subject.funds.total
            if total.executed is not None and total.adjusted is not None:
                return _ratio_form(stated, total.executed, total.adjusted)
            return none
        if isinstance(subject, Figure | ExpenseCategory):
            actual = subject.current if isinstance(subject, Figure) else subject.actual
            if actual is not None and subject.budget is not None:
                return _ratio_form(stated, actual, subject.budget)
        return none
    if kind is ClaimKind.COUNT:
        return (_EQ, stated, False, [(1, len(subject), True)], []) if isinstance(subject, tuple) else none
    if kind is ClaimKind.SUM:
        values = subject if isinstance(subject, tuple) else (subject,)
        if not values or any(v is None for v in values):
            return none
        if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            return (_EQ, stated, False, [(1, sum(values), True)], [])
        num: list[_Term] = []
        for v in values:
            terms = _terms(v)
            if terms is None or claim_rules._point(v) is None:
                return none
            num += terms
        return (_LIN, stated, False, num, [])
    if kind is ClaimKind.SCORE:
        projects = subject if isinstance(subject, tuple) else (subject,)
        projects = tuple(p for p in projects if isinstance(p, Project))
        totals = [p.stated_total for p in projects]
        if not projects or any(t is None for t in totals):
            return none
        exact = [(1, t, False) for t in totals if t is not None]
        return (_LIN if len(projects) == 1 else _MEAN, stated, False, exact, [])
    return python


def _chart_form(account: FinalAccount, raw: str, subject: str) -> tuple[int, Decimal, bool, list[_Term], list[_Term]]:
    """A chart value as a screenable form (mirrors ``rules.charts._value``): it must reach its figure."""
    python: tuple[int, Decimal, bool, list[_Term], list[_Term]] = (_PY, Decimal(0), False, [], [])
    try:
        value = to_decimal(raw, max_places=chart_rules.CHART_PLACES)  # the number door, as in the rule
    except InvalidNumberError:  # the rule reports a value that is not a number
        return python
    exponent = value.as_tuple().exponent
    if not value.is_finite() or type(exponent) is not int or exponent < -6:
        return python  # not a number, or floating-point noise the rule reports
    try:
        figure = resolve(account, subject)
    except PathError:
        return (_NONE, value, False, [], [])
    except Exception:
        return python
    terms = _terms(figure)
    return (_NONE, value, False, [], []) if terms is None else (_LIN, value, False, terms, [])


def _ratio_form(stated: Decimal, num: Any, den: Any) -> tuple[int, Decimal, bool, list[_Term], list[_Term]]:
    n, d = _terms(num), _terms(den)
    if n is None or d is None:
        return (_NONE, stated, False, [], [])
    return (_RAT, stated, False, n, d)


# -- vectorised arithmetic on printed figures ---------------------------------------------------------------------


def _segment_sums(values: Int64Array, counts: Int64Array) -> Int64Array:
    """Σ of consecutive runs of ``values`` of the given lengths (a run may be empty).

    int64 addition may wrap around modulo 2**64 on the way, but each run's sum is
    exact whenever it fits in int64, which the value and term limits guarantee.
    """
    if not len(counts):
        return np.zeros(0, dtype=np.int64)
    starts = np.cumsum(counts) - counts
    padded = np.zeros(len(values) + 1, dtype=np.int64)  # a trailing 0 for empty runs at the end to point at
    padded[:-1] = values
    result: Int64Array = np.add.reduceat(padded, starts)
    result[counts == 0] = 0  # reduceat gives the element at the start of an empty run
    return result


def _published(
    value: Int64Array, exp: npt.NDArray[np.int8], exact: BoolArray
) -> tuple[Int64Array, BoolArray, Int64Array, BoolArray]:
    """The rounding interval of printed values, in half-millionths: lo, lo_open, hi, hi_open.

    A printed value v with p places stands for [v − ½·10⁻ᵖ, v + ½·10⁻ᵖ) (mirrored below 0);
    a printed 0 and a whole count are exact.
    """
    twice = 2 * value
    places = np.clip(-exp.astype(np.int64), 0, 6)
    point = exact | (value == 0)
    half = np.where(point, 0, _HALF_UNIT[places])
    negative = value < 0
    return twice - half, ~point & negative, twice + half, ~point & ~negative


def _overlaps(
    lo: Int64Array,
    lo_open: BoolArray,
    hi: Int64Array,
    hi_open: BoolArray,
    tlo: Int64Array,
    tlo_open: BoolArray,
    thi: Int64Array,
    thi_open: BoolArray,
) -> BoolArray:
    """Whether two intervals share a value, open ends respected (mirrors ``Interval.overlaps``)."""
    low = np.maximum(lo, tlo)
    low_open = np.where(lo > tlo, lo_open, np.where(tlo > lo, tlo_open, lo_open | tlo_open))
    high = np.minimum(hi, thi)
    high_open = np.where(hi < thi, hi_open, np.where(thi < hi, thi_open, hi_open | thi_open))
    result: BoolArray = (low < high) | ((low == high) & ~low_open & ~high_open)
    return result


@dataclass
class _Found:
    """Findings per account, each with its sort key (rule position, ordinal)."""

    items: dict[int, list[tuple[int, int, Finding]]] = field(default_factory=dict)

    def add(self, account: int, rule: int, ordinal: int, findings: Iterable[Finding]) -> None:
        bucket = self.items.get(account)
        for finding in findings:
            if bucket is None:
                bucket = self.items[account] = []
            bucket.append((rule, ordinal, finding))

    def result(self, n: int) -> list[list[Finding]]:
        out: list[list[Finding]] = [[] for _ in range(n)]
        for account, bucket in self.items.items():
            bucket.sort(key=lambda item: (item[0], item[1]))
            out[account] = [finding for _, _, finding in bucket]
        return out


_RULE_CODES = ("identity", "explanation", "claim", "funds", "classification", "project", "text", "chart")


class _Checker:
    """Checks one batch (or a slice of one)."""

    def __init__(self, batch: Batch, cache: dict[tuple[str, int], Any]) -> None:
        self.batch = batch
        self.strings = batch._strings.strings
        self.cache = cache
        self.found = _Found()
        self.contexts: dict[int, Context] = {}
        self.chart_accounts: set[int] = set()  #: accounts the chart rule must see
        position = {rule.code: k for k, rule in enumerate(DEFAULT_RULES)}
        self.position = position
        self.regular = set(position) == set(_RULE_CODES) and len(position) == len(DEFAULT_RULES)

    def context(self, k: int) -> Context:
        ctx = self.contexts.get(k)
        if ctx is None:
            ctx = self.contexts[k] = Context(self.batch.account(k))
        return ctx

    def run(self) -> list[list[Finding]]:
        batch = self.batch
        n = len(batch)
        irregular = batch._accounts["irregular"]
        if not self.regular:  # a rule catalogue this module does not know: check each account whole
            return [check(batch.account(k)) for k in range(n)]
        self.sums()
        self.compares()
        self.changes()
        self.claims()
        self.classification()
        self.projects()
        self.texts()
        self.charts()
        out = self.found.result(n)
        for k in np.flatnonzero(irregular).tolist():
            out[k] = check(batch.account(k))
        return out

    # -- identities and change explanations
    def sums(self) -> None:
        """Identities and explanation sums: printed parts against printed totals, decided in one pass."""
        table = self.batch._tables["sums"]
        if not table.rows():
            return
        c, terms = table.columns, self.batch._tables["terms"].columns
        counts = c["n_terms"].astype(np.int64)
        value, exp = terms["value"], terms["exp"]
        decided = counts <= _MAX_TERMS  # longer sums might overflow: judged one by one
        differ = (_segment_sums(value, counts) != c["total"]) | ~decided
        if not differ.any():
            return
        total, total_exp = c["total"], c["total_exp"]
        # residue or error: is the printed total reachable from the parts' rounding intervals?
        lo, lo_open, hi, hi_open = _published(value, exp, exp == _INT)
        reach_lo, reach_hi = _segment_sums(lo, counts), _segment_sums(hi, counts)
        reach_lo_open = _segment_sums(lo_open.astype(np.int64), counts) > 0
        reach_hi_open = _segment_sums(hi_open.astype(np.int64), counts) > 0
        tlo, tlo_open, thi, thi_open = _published(total, total_exp, total_exp == _INT)
        residue = _overlaps(reach_lo, reach_lo_open, reach_hi, reach_hi_open, tlo, tlo_open, thi, thi_open)
        # the most places any figure of an identity is printed with
        starts = np.cumsum(counts) - counts
        term_places = np.maximum(-np.where(exp == _INT, 0, exp).astype(np.int64), 0)
        places = np.maximum(
            np.maximum.reduceat(term_places, starts), np.maximum(-np.where(total_exp == _INT, 0, total_exp), 0)
        )

        rows = np.flatnonzero(differ)
        n_terms = counts[rows]
        gather = np.repeat(starts[rows] - np.cumsum(n_terms) + n_terms, n_terms) + np.arange(n_terms.sum())
        strings = self.strings
        values, exps = value[gather].tolist(), exp[gather].tolist()
        labels = [strings[k] for k in terms["label"][gather].tolist()]
        owner = table.owner()[rows].tolist()
        rule = np.where(c["group"][rows] == 0, self.position["identity"], self.position["explanation"]).tolist()
        ordinal, length = c["ordinal"][rows].tolist(), n_terms.tolist()
        code, path = [strings[k] for k in c["code"][rows].tolist()], [strings[k] for k in c["path"][rows].tolist()]
        what, what_en = (
            [strings[k] for k in c["what"][rows].tolist()],
            [strings[k] for k in c["what_en"][rows].tolist()],
        )
        part = [_PARTS[k] for k in c["part"][rows].tolist()]
        totals, total_exps = total[rows].tolist(), total_exp[rows].tolist()
        money, quick = (c["kind"][rows] == 0).tolist(), decided[rows].tolist()
        is_residue, most_places = residue[rows].tolist(), places[rows].tolist()
        at = 0
        for n in range(len(rows)):
            here = slice(at, at + length[n])
            at += length[n]
            findings: Iterable[Finding]
            if not money[n]:
                check_ = CountCheck(code[n], path[n], what[n], what_en[n], totals[n], tuple(values[here]), part[n])
                findings = check_.findings()
            elif quick[n]:
                parts = [(lb, _decimal(v, e)) for lb, v, e in zip(labels[here], values[here], exps[here], strict=True)]
                findings = [
                    sum_finding(
                        code[n],
                        path[n],
                        what[n],
                        what_en[n],
                        _decimal(totals[n], total_exps[n]),
                        parts,
                        part[n],
                        residue=is_residue[n],
                        places=most_places[n],
                    )
                ]
            else:
                amounts = tuple(
                    (lb, _amount(v, e)) for lb, v, e in zip(labels[here], values[here], exps[here], strict=True)
                )
                total_n = _amount(totals[n], total_exps[n])
                findings = SumCheck(code[n], path[n], what[n], what_en[n], total_n, amounts, part[n]).findings()
            self.found.add(owner[n], rule[n], ordinal[n], findings)

    def compares(self) -> None:
        table = self.batch._tables["compares"]
        c = table.columns
        if not table.rows():
            return
        left, right = c["left"], c["right"]
        known_left, known_right = c["left_exp"] != _UNKNOWN, c["right_exp"] != _UNKNOWN
        ops = np.array([identity_rules.COMPARISONS[k] for k in _COMPARISON_KINDS])[c["kind"]]
        both = known_left & known_right
        fails = np.where(
            ops == "ne",
            both & (left != right),
            np.where(ops == "gt", both & (left > right), known_left & (left != 0)),
        )
        owner = table.owner()
        rule = self.position["identity"]
        for r in np.flatnonzero(fails).tolist():
            comparison = identity_rules.Comparison(
                _COMPARISON_KINDS[c["kind"][r]],
                self.strings[c["variant"][r]],
                _side_value(int(left[r]), int(c["left_exp"][r])),
                _side_value(int(right[r]), int(c["right_exp"][r])),
            )
            self.found.add(int(owner[r]), rule, int(c["ordinal"][r]), comparison.findings())

    def changes(self) -> None:
        table = self.batch._tables["changes"]
        c = table.columns
        if not table.rows():
            return
        no = np.zeros(table.rows(), dtype=np.bool_)
        clo, clo_open, chi, chi_open = _published(c["current"], c["current_exp"], no)
        plo, plo_open, phi, phi_open = _published(c["previous"], c["previous_exp"], no)
        tlo, tlo_open, thi, thi_open = _published(c["change"], c["change_exp"], no)
        ok = _overlaps(clo - phi, clo_open | phi_open, chi - plo, chi_open | plo_open, tlo, tlo_open, thi, thi_open)
        owner = table.owner()
        rule = self.position["explanation"]
        for r in np.flatnonzero(~ok).tolist():
            check = claim_rules.ChangeCheck(
                self.strings[c["path"][r]],
                _PARTS[c["part"][r]],
                self.strings[c["section"][r]],
                Money(_decimal(int(c["change"][r]), int(c["change_exp"][r]))),
                Money(_decimal(int(c["current"][r]), int(c["current_exp"][r]))),
                Money(_decimal(int(c["previous"][r]), int(c["previous_exp"][r]))),
            )
            self.found.add(int(owner[r]), rule, int(c["ordinal"][r]), check.findings())

    # -- claims and fund lines
    def claims(self) -> None:
        table = self.batch._tables["claims"]
        c = table.columns
        if not table.rows():
            return
        flagged = _screen_claims(c, self.batch._tables["cterms"].columns)
        owner = table.owner()
        by_account: dict[int, list[int]] = {}
        for r in np.flatnonzero(flagged).tolist():
            by_account.setdefault(int(owner[r]), []).append(r)
        claim_rule, funds_rule = self.position["claim"], self.position["funds"]
        for k, rows in by_account.items():
            if all(c["group"][r] == _CHART_GROUP for r in rows):
                self.chart_accounts.add(k)
                continue
            ctx = self.context(k)
            found: list[tuple[int, Finding]] = []
            for r in rows:
                i, j = int(c["i"][r]), int(c["j"][r])
                if c["group"][r] == _CHART_GROUP:
                    self.chart_accounts.add(k)
                elif c["group"][r] == _CLAIM_GROUP:
                    found.extend((i, f) for f in claim_rules.claim_findings(ctx, i, ctx.account.claims[i]))
                else:
                    self.found.add(k, funds_rule, i * 100_000 + j, claim_rules.fund_line_findings(ctx, i, j))
            for i, finding in claim_rules.relabel_nudged(ctx, found):
                self.found.add(k, claim_rule, i, [finding])

    # -- classification: once per shape of category lines
    def classification(self) -> None:
        """The classification rule once per distinct shape of category lines, each line resolved once."""
        rule = self.position["classification"]
        memo = self.cache.setdefault(("lines", 0), {})
        keys, inverse = np.unique(self.batch._accounts["classification"], return_inverse=True)
        results: list[list[Finding]] = []
        for key in keys.tolist():
            cached = self.cache.get(("classification", key))
            if cached is None:
                cached = self.cache[("classification", key)] = _line_findings(self.strings[key], memo)
            results.append(cached)
        has = np.array([bool(r) for r in results], dtype=np.bool_)
        for k in np.flatnonzero(has[inverse]).tolist():
            self.found.add(k, rule, 0, results[inverse[k]])

    # -- self-evaluation tables
    def projects(self) -> None:
        table = self.batch._tables["projects"]
        if not table.rows():
            return
        flagged = _screen_projects(table, self.batch._tables["indicators"], self.strings, self.cache)
        owner = table.owner()
        rule = self.position["project"]
        for r in np.flatnonzero(flagged).tolist():
            k, i = int(owner[r]), int(table.columns["i"][r])
            self.found.add(k, rule, i, performance_rules.project_findings(self.context(k), i))

    # -- text and charts
    def texts(self) -> None:
        table = self.batch._tables["texts"]
        c = table.columns
        if not table.rows():
            return
        owner = table.owner()
        starts = table.offsets[:-1][owner]
        rule = self.position["text"]
        strings = self.strings
        search = text_rules.ANY_PLACEHOLDER.search
        hits = self.cache.setdefault(("texts", 0), {})
        for r, text_id in enumerate(c["text"].tolist()):
            hit = hits.get(text_id)
            if hit is None:
                hit = hits[text_id] = search(strings[text_id]) is not None
            if hit:
                finding = text_rules.template_finding(
                    strings[c["path"][r]], strings[text_id], _PARTS[c["part"][r]], strings[c["where"][r]]
                )
                if finding is not None:
                    self.found.add(int(owner[r]), rule, int(r - starts[r]), [finding])

    def charts(self) -> None:
        """The chart rule on the accounts whose charts may be off: a value flagged by ``claims``, a title, a shape."""
        table = self.batch._tables["charts"]
        c = table.columns
        if table.rows():
            strings = self.strings
            same = self.cache.setdefault(("titles", 0), {})
            titles = []
            for pair in zip(c["title"].tolist(), c["data_title"].tolist(), strict=True):
                ok = same.get(pair)
                if ok is None:
                    title, data_title = strings[pair[0]], strings[pair[1]]
                    ok = same[pair] = not data_title or chart_rules._same_title(title, data_title)
                titles.append(ok)
            labels, values = c["n_labels"], c["n_values"]
            shape = (labels == 0) | (values == 0) | (labels == values)
            off = ~np.array(titles, dtype=np.bool_) | ~shape
            self.chart_accounts.update(table.owner()[off].tolist())
        rule_func = next(r.func for r in chart_rules.RULES)
        rule = self.position["chart"]
        for k in sorted(self.chart_accounts):
            self.found.add(k, rule, 0, list(rule_func(self.context(k))))


def _side_value(value: int, exponent: int) -> Money | int | None:
    if exponent == _UNKNOWN:
        return None
    if exponent == _INT:
        return value
    return Money(_decimal(value, exponent))


def _line_findings(key: str, memo: dict[Any, Any]) -> list[Finding]:
    """The classification rule's findings for one shape of lines (see ``_classification_key``)."""
    year, rows = json.loads(key)
    lines = [(path, _Line(CategoryLevel(level), name, printed, code)) for path, level, name, printed, code in rows]
    return list(classification_rules.line_findings(year, lines, memo))


def _screen_claims(c: Mapping[str, np.ndarray[Any, Any]], t: Mapping[str, np.ndarray[Any, Any]]) -> BoolArray:
    """Which claims and fund lines may yield a finding (conservative)."""
    form = c["form"]
    n_num, n_den = c["n_num"].astype(np.int64), c["n_den"].astype(np.int64)
    rows = len(form)
    # interleave numerator and denominator runs: row r owns [num_r, den_r]
    runs = np.empty(2 * rows, dtype=np.int64)
    runs[0::2], runs[1::2] = n_num, n_den
    value, exp, sign = t["value"], t["exp"], t["sign"].astype(np.int64)
    exact = exp == _INT
    lo, lo_open, hi, hi_open = _published(value, exp, exact)
    flip = sign < 0
    lo, hi = np.where(flip, -hi, lo), np.where(flip, -lo, hi)
    lo_open, hi_open = np.where(flip, hi_open, lo_open), np.where(flip, lo_open, hi_open)
    s_lo, s_hi, centre = _segment_sums(lo, runs), _segment_sums(hi, runs), _segment_sums(2 * sign * value, runs)
    s_lo_open = _segment_sums(lo_open.astype(np.int64), runs) > 0
    s_hi_open = _segment_sums(hi_open.astype(np.int64), runs) > 0
    nlo, nhi, nlo_open, nhi_open, ncentre = s_lo[0::2], s_hi[0::2], s_lo_open[0::2], s_hi_open[0::2], centre[0::2]
    dlo, dhi, dlo_open, dhi_open, dcentre = s_lo[1::2], s_hi[1::2], s_lo_open[1::2], s_hi_open[1::2], centre[1::2]

    stated, stated_exp = c["stated"], c["stated_exp"]
    clean = form == _NONE
    # the stated value's own interval, in half-millionths (LIN) …
    no = np.zeros(rows, dtype=np.bool_)
    tlo, tlo_open, thi, thi_open = _published(stated, stated_exp, no)
    lin = form == _LIN
    clean |= lin & _overlaps(nlo, nlo_open, nhi, nhi_open, tlo, tlo_open, thi, thi_open)
    # … and in half-units of its last place (RAT, MEAN): S ± ½
    places = np.clip(-stated_exp.astype(np.int64), 0, 6)
    whole = stated // _POW10[6 - places]
    # EQ: a whole count against the stated number
    clean |= (form == _EQ) & (stated == ncentre // 2)
    # MEAN: the mean of the stated table totals lies in [S − ½, S + ½) of the last place (S > 0)
    n = np.maximum(n_num, 1)
    mean_ok = (
        (whole > 0)
        & (whole < 2**30)
        & (places <= 6)
        & ((2 * whole - 1) * n * _MILLION <= _POW10[places] * ncentre)
        & (_POW10[places] * ncentre < (2 * whole + 1) * n * _MILLION)
    )
    clean |= (form == _MEAN) & mean_ok
    rat = np.flatnonzero(form == _RAT)
    clean[rat] = _ratio_clean(
        whole[rat],
        places[rat],
        nlo[rat],
        nhi[rat],
        dlo[rat],
        dhi[rat],
        dlo_open[rat],
        dhi_open[rat],
        dcentre[rat],
        c["abs_base"][rat],
    )
    flagged: BoolArray = ~clean
    return flagged


def _ratio_clean(
    whole: Int64Array,
    places: Int64Array,
    nlo: Int64Array,
    nhi: Int64Array,
    dlo: Int64Array,
    dhi: Int64Array,
    dlo_open: BoolArray,
    dhi_open: BoolArray,
    dcentre: Int64Array,
    abs_base: BoolArray,
) -> BoolArray:
    """Whether num/den × 100 certainly reaches the stated percentage (mirrors ``Interval.__truediv__``)."""
    zero_base = (dlo == 0) & (dhi == 0)
    # growth rates divide by |previous|: mirror the base when the previous value is negative
    mirror = abs_base & (dcentre < 0)
    dlo, dhi = np.where(mirror, -dhi, dlo), np.where(mirror, -dlo, dhi)
    dlo_open, dhi_open = np.where(mirror, dhi_open, dlo_open), np.where(mirror, dlo_open, dhi_open)
    unbounded = (dlo <= 0) & (dhi >= 0) & ~zero_base  # the truth is unbounded: it reaches anything
    # make the denominator positive: n/d = (−n)/(−d)
    negative = dhi < 0
    nlo, nhi = np.where(negative, -nhi, nlo), np.where(negative, -nlo, nhi)
    dlo, dhi = np.where(negative, -dhi, dlo), np.where(negative, -dlo, dhi)
    dlo_open, dhi_open = np.where(negative, dhi_open, dlo_open), np.where(negative, dlo_open, dhi_open)
    # corner n/d·100 against the stated bound b/(2·10^places): compare K·n with b·d, K = 200·10^places
    k = 200 * _POW10[places]
    point = whole == 0  # a printed 0 is exact
    t_lo, t_hi = 2 * whole - 1, 2 * whole + 1
    safe_d = np.maximum(np.maximum(np.abs(dlo), np.abs(dhi)), 1)
    safe = (
        (np.maximum(np.abs(nlo), np.abs(nhi)) <= _SAFE // k)
        & (np.maximum(np.abs(t_lo), np.abs(t_hi)) <= _SAFE // safe_d)
        & (dlo > 0)
    )
    kn_lo, kn_hi = np.where(safe, k * nlo, 0), np.where(safe, k * nhi, 0)
    below_hi = (kn_lo * 1 < t_hi * dlo) | (kn_lo < t_hi * dhi) | (kn_hi < t_hi * dlo) | (kn_hi < t_hi * dhi)
    above_lo = (kn_lo > t_lo * dlo) | (kn_lo > t_lo * dhi) | (kn_hi > t_lo * dlo) | (kn_hi > t_lo * dhi)
    n_point = nlo == nhi
    spread = ~n_point | ((dlo < dhi) & (nlo != 0))
    nondegenerate = ~point & safe & below_hi & above_lo & spread
    # a stated 0: the truth must hold 0
    zero_truth = n_point & (nlo == 0) & ~(dlo_open & dhi_open)
    straddles = (nlo < 0) & (nhi > 0)
    degenerate = point & (dlo > 0) & (zero_truth | straddles)
    clean: BoolArray = ~zero_base & (unbounded | nondegenerate | degenerate)
    return clean


def _screen_projects(
    projects: _Table, indicators: _Table, strings: Sequence[str], cache: dict[tuple[str, int], Any]
) -> BoolArray:
    """Which self-evaluation tables may yield a finding (conservative), under the default scoring rules."""
    from budgetkit.scoring import DEFAULT_RULES as SCORING
    from budgetkit.scoring import ExecutionVariant

    p, ind = projects.columns, indicators.columns
    rows = projects.rows()
    n_ind = p["n_indicators"].astype(np.int64)
    reasons = _has_reason(strings, cache)
    flagged = ~p["representable"] | ~p["has_code"]

    # indicators, one by one
    ind_flagged = _screen_indicators(ind, reasons, strings, cache)
    flagged |= _segment_sums(ind_flagged.astype(np.int64), n_ind) > 0

    # weights: execution weight (or the rules') + Σ indicator weights = 100; the total row says the same
    default_weight = int(SCORING.execution_weight) * _MILLION
    exec_weight = np.where(p["exec_weight_exp"] == _UNKNOWN, default_weight, p["exec_weight"])
    weight_total = exec_weight + _segment_sums(ind["weight"], n_ind)
    flagged |= weight_total != 100 * _MILLION
    flagged |= (p["stated_weight_exp"] != _UNKNOWN) & (p["stated_weight"] != weight_total)

    # the total row against the stated row scores
    stated_known = ind["stated_exp"] != _UNKNOWN
    all_stated = _segment_sums((~stated_known).astype(np.int64), n_ind) == 0
    stated_sum = p["exec_score"] + _segment_sums(ind["stated"], n_ind)
    sum_known = (p["exec_score_exp"] != _UNKNOWN) & all_stated
    flagged |= (p["stated_total_exp"] != _UNKNOWN) & sum_known & (p["stated_total"] != stated_sum)

    # the execution row: min(rate, 100%) × 10 at the stated precision; reasons for low execution and adjustments
    executed, adjusted, initial = p["executed"], p["adjusted"], p["initial"]
    defined = (p["executed_exp"] != _UNKNOWN) & (p["adjusted_exp"] != _UNKNOWN) & (adjusted != 0)
    score_known = p["exec_score_exp"] != _UNKNOWN
    capped = SCORING.execution is ExecutionVariant.CAPPED_10 and SCORING.execution_weight == 10
    places = np.clip(-p["exec_score_exp"].astype(np.int64), 0, 6)
    if SCORING.score_places is not None:
        places = np.full(rows, SCORING.score_places, dtype=np.int64)
    whole = p["exec_score"] // _POW10[np.clip(6 - np.clip(-p["exec_score_exp"].astype(np.int64), 0, 6), 0, 6)]
    full = executed >= adjusted
    full_ok = full & (p["exec_score"] == 10 * _MILLION) & (SCORING.score_places is None)
    partial_safe = (
        (executed >= 0)
        & (np.abs(executed) < 2**40)
        & (np.abs(adjusted) < 2**40)
        & (places <= 2)
        & (whole >= 0)
        & (whole < 2**12)
        & (SCORING.score_places is None)
    )
    scaled = 2 * _POW10[np.minimum(places, 2)] * 10 * executed
    partial_ok = ~full & partial_safe & ((2 * whole - 1) * adjusted <= scaled) & (scaled < (2 * whole + 1) * adjusted)
    execution_ok = ~score_known | ~defined | (capped & (adjusted > 0) & (full_ok | partial_ok))
    flagged |= ~execution_ok
    reason = reasons[p["reason"]]
    flagged |= defined & ((adjusted < 0) | (10 * executed < 9 * adjusted)) & ~reason
    adjusted_budget = (p["initial_exp"] != _UNKNOWN) & (p["adjusted_exp"] != _UNKNOWN) & (initial != adjusted)
    flagged |= adjusted_budget & ~reason

    # principle weights (产出 50, 效益 30, 满意度 10, 执行率 10), once per distinct shape
    keys, inverse = np.unique(p["principle"], return_inverse=True)
    deviating = []
    for key in keys.tolist():
        deviates = cache.get(("principle", key))
        if deviates is None:
            deviates = cache[("principle", key)] = _deviates(strings[key])
        deviating.append(deviates)
    flagged |= np.array(deviating, dtype=np.bool_)[inverse]
    result: BoolArray = flagged
    return result


def _has_reason(strings: Sequence[str], cache: dict[tuple[str, int], Any]) -> BoolArray:
    """Whether each string of the batch gives a reason (``rules.performance.has_reason``), cached."""
    known: list[bool] = cache.setdefault(("reasons", 0), [])
    if len(known) < len(strings):
        known.extend(performance_rules.has_reason(s) for s in strings[len(known) :])
    return np.array(known[: len(strings)], dtype=np.bool_)


def _deviates(key: str) -> bool:
    """Whether a table of these weights departs from the principle weights (the scoring module decides)."""
    from budgetkit.scoring import score_project

    weight, rows = json.loads(key)
    project = Project(
        name="-",
        kind="特定目标类",
        execution_weight=weight,
        indicators=tuple(
            PerformanceIndicator(level1=level1, level2="", level3="", operator="定性", target="", weight=w)
            for level1, w in rows
        ),
    )
    return bool(score_project(project).principle_deviations())


def _screen_indicators(
    c: Mapping[str, np.ndarray[Any, Any]], reasons: BoolArray, strings: Sequence[str], cache: dict[tuple[str, int], Any]
) -> BoolArray:
    """Which indicators may yield a finding (mirrors ``rules.performance._indicator``; conservative)."""
    from budgetkit.scoring import DEFAULT_RULES as SCORING

    op = c["op"]
    weight, stated = c["weight"], c["stated"]
    stated_known = c["stated_exp"] != _UNKNOWN
    reason = reasons[c["reason"]]
    target, actual = c["target"], c["actual"]
    numeric = (c["target_exp"] != _UNKNOWN) & (c["actual_exp"] != _UNKNOWN)
    missing = c["missing"]

    flagged = ~c["representable"].copy()
    flagged |= stated_known & ((stated < 0) | (stated > weight))
    flagged |= missing & stated_known & (stated > 0)
    active = ~missing & ~flagged

    qualitative = op == _OPERATOR_INDEX[Operator.QUALITATIVE]
    flagged |= active & qualitative & stated_known & ~_in_band(c, strings, cache, SCORING)

    quantitative = active & ~qualitative & numeric
    at_least = op == _OPERATOR_INDEX[Operator.AT_LEAST]
    more_than = op == _OPERATOR_INDEX[Operator.MORE_THAN]
    equal = op == _OPERATOR_INDEX[Operator.EQUAL]
    at_most = op == _OPERATOR_INDEX[Operator.AT_MOST]
    less_than = op == _OPERATOR_INDEX[Operator.LESS_THAN]
    positive = at_least | more_than | (equal & (target != 0))
    reverse = at_most | less_than
    met = np.where(
        more_than,
        actual > target,
        np.where(less_than, actual < target, np.where(at_most, actual <= target, actual >= target)),
    )
    deducted = stated_known & (stated < weight)
    threshold = Fraction(SCORING.overshoot_threshold)
    overshoot = (
        (target > 0) & (np.abs(actual) < 2**40) & (threshold.denominator * actual >= threshold.numerator * target)
    ) | (np.abs(actual) >= 2**40)
    met_ok = met & ~deducted & (reverse | ~overshoot | reason)
    # a shortfall: B/A·w rounded to the stated places, and a reason given
    short_ok = positive & ~met & (actual != target) & (target > 0) & (actual >= 0) & reason
    short_ok &= ~stated_known | _rounds_to(c, SCORING.score_places)
    ok = (positive | reverse) & (met_ok | short_ok)
    flagged |= quantitative & ~ok
    result: BoolArray = flagged
    return result


def _rounds_to(c: Mapping[str, np.ndarray[Any, Any]], score_places: int | None) -> BoolArray:
    """Whether actual/target × weight rounds half-up to the stated score (exact; out-of-range → False)."""

    def own(name: str) -> tuple[Int64Array, Int64Array]:
        places = np.clip(-c[f"{name}_exp"].astype(np.int64), 0, 6)
        return c[name] // _POW10[6 - places], places

    a, pa = own("target")
    b, pb = own("actual")
    w, pw = own("weight")
    s, ps = own("stated")
    if score_places is not None:
        return np.zeros(len(a), dtype=np.bool_)
    safe = (
        (pa + ps <= 4)
        & (pb + pw <= 4)
        & (np.abs(a) < 2**24)
        & (np.abs(b) < 2**24)
        & (np.abs(w) < 2**20)
        & (np.abs(s) < 2**20)
        & (a > 0)
    )
    a, b, w, s = (np.where(safe, x, 1) for x in (a, b, w, s))
    scaled = 2 * _POW10[np.minimum(ps, 4)] * b * w * _POW10[np.minimum(pa, 4)]
    unit = a * _POW10[np.minimum(pb + pw, 8)]
    result: BoolArray = safe & ((2 * s - 1) * unit <= scaled) & (scaled < (2 * s + 1) * unit)
    return result


def _in_band(
    c: Mapping[str, np.ndarray[Any, Any]], strings: Sequence[str], cache: dict[tuple[str, int], Any], rules: Any
) -> BoolArray:
    """Whether a 定性 score lies in the band its actual is judged to fall in (or no band is judged)."""
    keys, inverse = np.unique(c["judged"], return_inverse=True)
    bands = []
    for key in keys.tolist():
        band = cache.get(("band", key))
        if band is None:
            band = cache[("band", key)] = _band(strings[key], rules)
        bands.append(band)
    low, high, den, closed, unjudged = (np.array(column)[inverse] for column in zip(*bands, strict=True))
    weight, stated = c["weight"], c["stated"]
    safe = (np.abs(weight) < 2**40) & (den < 2**16)
    above = den * stated >= low * weight
    below = np.where(closed, den * stated <= high * weight, den * stated < high * weight)
    result: BoolArray = unjudged | (safe & above & below)
    return result


def _band(key: str, rules: Any) -> tuple[int, int, int, bool, bool]:
    """The band a 定性 (target, actual) pair is judged to fall in (the scoring module judges):
    low·den, high·den, den, closed at the top, and whether no band is judged."""
    from budgetkit.scoring import _judge

    if not key.startswith("["):
        return 0, 0, 1, True, True  # not a 定性 row
    target, actual = json.loads(key)
    row = PerformanceIndicator(level1="", level2="", level3="", operator="定性", target=target, actual=actual, weight=1)
    found = _judge(row, rules)
    if found is None:
        return 0, 0, 1, True, True
    low, high = Fraction(found.low), Fraction(found.high)
    den = low.denominator * high.denominator
    return int(low * den), int(high * den), den, found.is_closed, False


# -- checking ---------------------------------------------------------------------------------------------------


def check_batch(
    batch_or_accounts: Batch | Iterable[FinalAccount],
    *,
    progress: Callable[[int, int], object] | None = None,
) -> list[list[Finding]]:
    """Check every account of a batch: one list of findings per account, equal to ``[check(a) for a in accounts]``.

    ``progress(done, total)`` is called after each block of accounts.

    >>> from budgetkit import datasets
    >>> from budgetkit.audit import check
    >>> seed = datasets.load("zigong-hr-2023")
    >>> check_batch([seed]) == [check(seed)]
    True
    """
    batch = batch_or_accounts if isinstance(batch_or_accounts, Batch) else Batch.from_accounts(batch_or_accounts)
    total = len(batch)
    cache: dict[tuple[str, int], Any] = {}
    out: list[list[Finding]] = []
    block = 4 * _BLOCK
    for start in range(0, total, block):
        out.extend(_Checker(batch[start : start + block], cache).run())
        if progress is not None:
            progress(len(out), total)
    return out


# -- Arrow and Parquet ------------------------------------------------------------------------------------------


def _require(module: str) -> Any:
    """Import pyarrow (or one of its modules), or raise MissingExtraError naming the ``arrow`` extra."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError("pyarrow", "arrow", "reading and writing batches as Arrow or Parquet") from exc


def _to_arrow(batch: Batch) -> Any:
    pa = _require("pyarrow")
    pool = batch._strings.strings

    def strings(ids: np.ndarray[Any, Any]) -> Any:
        used, inverse = np.unique(ids, return_inverse=True)  # only the strings this batch uses
        dictionary = pa.array([pool[k] for k in used.tolist()], type=pa.string())
        return pa.DictionaryArray.from_arrays(pa.array(inverse.astype(np.int32), type=pa.int32()), dictionary)

    columns: dict[str, Any] = {}
    for name, values in batch._accounts.items():
        columns[name] = strings(values) if name in _ACCOUNT_STRINGS else pa.array(values)
    known = batch._figure_exp != _UNKNOWN
    for k, name in enumerate(FIGURE_COLUMNS):
        mask = ~known[:, k]
        columns[name] = pa.array(batch._figures[:, k], mask=mask)
        columns[f"{name}:exp"] = pa.array(batch._figure_exp[:, k], mask=mask)
    for table_name, table in batch._tables.items():
        offsets = pa.array(table.offsets.astype(np.int64))
        for name, values in table.columns.items():
            flat = strings(values) if (table_name, name) in _STRING_COLUMNS else pa.array(values)
            columns[f"{table_name}.{name}"] = pa.LargeListArray.from_arrays(offsets, flat)
    if batch._texts is not None:
        columns["json"] = batch._texts
    else:
        columns["json"] = pa.array((batch.account_json(k) for k in range(len(batch))), type=pa.large_string())
    return pa.table(columns)


def _strings_of(array: Any, strings: _Strings) -> Int64Array:
    """Ids in ``strings`` of a string (or dictionary) Arrow array."""
    pa = _require("pyarrow")
    pc = _require("pyarrow.compute")

    if not pa.types.is_dictionary(array.type):
        array = pc.dictionary_encode(array)
    dictionary = array.dictionary.to_pylist()
    remap = np.array([strings.id(s) for s in dictionary], dtype=np.int64)
    indices = array.indices.to_numpy(zero_copy_only=False)
    result: Int64Array = remap[indices] if len(remap) else np.zeros(0, dtype=np.int64)
    return result


def _from_arrow(table: Any) -> Batch:
    pa = _require("pyarrow")
    table = table.combine_chunks()
    strings = _Strings()
    accounts: dict[str, np.ndarray[Any, Any]] = {}
    for name, dtype in _ACCOUNT_SCHEMA.items():
        column = table.column(name).combine_chunks()
        if name in _ACCOUNT_STRINGS:
            accounts[name] = _strings_of(column, strings).astype(dtype)
        else:
            accounts[name] = column.to_numpy(zero_copy_only=False).astype(dtype)
    n = table.num_rows
    figures = np.zeros((n, len(FIGURE_COLUMNS)), dtype=np.int64)
    figure_exp = np.full((n, len(FIGURE_COLUMNS)), _UNKNOWN, dtype=np.int8)
    for k, name in enumerate(FIGURE_COLUMNS):
        values = table.column(name).combine_chunks()
        exps = table.column(f"{name}:exp").combine_chunks()
        figures[:, k] = values.fill_null(0).to_numpy(zero_copy_only=False)
        figure_exp[:, k] = exps.fill_null(_UNKNOWN).to_numpy(zero_copy_only=False)
    tables: dict[str, _Table] = {}
    for table_name, schema in _SCHEMAS.items():
        offsets: Int64Array | None = None
        columns: dict[str, np.ndarray[Any, Any]] = {}
        for name, dtype in schema.items():
            array = table.column(f"{table_name}.{name}").combine_chunks()
            raw = np.asarray(array.offsets.to_numpy(zero_copy_only=False), dtype=np.int64)
            here = raw - raw[0]
            if offsets is None:
                offsets = here
            elif not np.array_equal(offsets, here):
                raise BatchError(-1, "", f"{table_name}.{name}", "", "has rows that do not line up with its table")
            flat = array.flatten()
            if (table_name, name) in _STRING_COLUMNS:
                columns[name] = _strings_of(flat, strings).astype(dtype)
            else:
                columns[name] = flat.to_numpy(zero_copy_only=False).astype(dtype)
        assert offsets is not None
        tables[table_name] = _Table(offsets, columns)
    texts = table.column("json").combine_chunks()
    if not pa.types.is_large_string(texts.type):
        texts = texts.cast(pa.large_string())
    return Batch(accounts, figures, figure_exp, tables, strings, None, texts)


def write_parquet(batch: Batch, directory: str | Path, *, partition_size: int = 10_000) -> list[Path]:
    """Write a batch as Parquet files of ``partition_size`` accounts each; return their paths in order.

    Each file is a batch of its own (:func:`read_parquet`), so a distributed engine
    can check the partitions independently.

    >>> import tempfile
    >>> from budgetkit import synthetic
    >>> batch = Batch.from_accounts([synthetic.generate(seed) for seed in range(5)])
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     paths = write_parquet(batch, folder, partition_size=2)
    ...     [p.name for p in paths], check_batch(read_parquet(folder)) == check_batch(batch)
    (['part-00000.parquet', 'part-00001.parquet', 'part-00002.parquet'], True)
    """
    pq = _require("pyarrow.parquet")

    if partition_size < 1:
        raise ValueError(f"partition_size must be at least 1, got {partition_size}")
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, start in enumerate(range(0, len(batch), partition_size)):
        path = folder / f"part-{number:05d}.parquet"
        pq.write_table(batch[start : start + partition_size].to_arrow(), path)
        paths.append(path)
    return paths


def read_parquet(path: str | Path) -> Batch:
    """Read a batch from one Parquet file, or from every ``*.parquet`` file of a directory in name order."""
    pa = _require("pyarrow")
    pq = _require("pyarrow.parquet")

    where = Path(path)
    files = sorted(where.glob("*.parquet")) if where.is_dir() else [where]
    if not files:
        raise LoadError(str(where), [LoadIssue("$", "no .parquet files in this directory")])
    try:
        table = pa.concat_tables(pq.read_table(f) for f in files)
    except (OSError, pa.ArrowException) as exc:
        raise LoadError(str(where), [LoadIssue("$", f"cannot read Parquet: {exc}")]) from None
    try:
        return Batch.from_arrow(table)
    except BudgetkitError:
        raise
    except (KeyError, ValueError, TypeError, pa.ArrowException) as exc:
        raise LoadError(str(where), [LoadIssue("$", f"not a budgetkit batch: {exc}")]) from None
