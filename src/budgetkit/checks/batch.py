"""Checking many final accounts at once: a columnar batch and vectorised screens.

A provincial finance department receives thousands of 决算说明 a year. A
:class:`Batch` holds many :class:`~budgetkit.model.account.FinalAccount` as columns —
money as numpy ``int64`` millionths of a 万元 (1 分 = 0.000001 万元) beside the
printed exponent, never a float — and :func:`check_batch` checks them all. Its
result is exactly ``[check(a) for a in accounts]``: the same findings, in the
same order, worded by the same code.

How. The rules yield their checks as forms (:mod:`budgetkit.checks.rules.forms`): an
identity, a comparison, a claim, a fund line, a chart value. The batch holds
every form of every account as columns and evaluates them with the vectorised
evaluator of that module — exact integer arithmetic on half-units of the
printed figures. A form that certainly holds is done. An identity whose
printed parts do not add up is decided (rounding residue or error) in the same
pass and worded by the rule's own :class:`~budgetkit.checks.rules.sums.SumCheck`.
Everything else that might yield a finding is *flagged* — conservatively: an
unusual shape, a value out of the int64-safe range or a bound that merely
touches counts as flagged — and goes through the rule's own exact evaluator
and wording (one claim, one fund line, one table) on the account itself. The
self-evaluation tables are screened by the performance rule's own table forms
(:func:`budgetkit.checks.rules.performance.screen_tables`: weights, totals,
scores, bands, reasons) under whatever scoring rules are asked for; the selfeval rule
sums each table's fund rows and scores only the indicators its screen flags
(:func:`budgetkit.checks.rules.selfeval.screen_indicators`), or the whole table when
:func:`~budgetkit.checks.rules.selfeval.screen_projects` flags its own rows. The
functional-classification rule runs once per distinct shape of category
lines; the text rule only on texts a single combined pattern matches; the
chart rule only on accounts with charts. An account the batch cannot
represent exactly (a printed ``-0``) is checked whole by
:func:`budgetkit.checks.audit.check`. :func:`check_batch` takes every option
:func:`~budgetkit.checks.audit.check` takes.

A batch travels as Arrow or Parquet (:meth:`Batch.to_arrow`, :func:`write_parquet`):
one row per account with its numbers in columns and its lossless JSON beside
them, so each partition can be checked on its own (by Dask, say) and gives the
same findings.

>>> from budgetkit.datasets import synthetic
>>> from budgetkit.checks.audit import check
>>> accounts = [synthetic.generate(seed) for seed in range(3)]
>>> batch = Batch.from_accounts(accounts)
>>> len(batch), batch.money("income.total").sum() == sum(a.income.total.current for a in accounts)
(3, True)
>>> check_batch(batch) == [check(a) for a in accounts]
True
"""

from __future__ import annotations

import importlib
import itertools
import json
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Final, NamedTuple

import attrs
import numpy as np
import numpy.typing as npt

from budgetkit._bulk import paused_collector
from budgetkit.checks.audit import DEFAULT_RULES, check, check_disable, disabled
from budgetkit.checks.context import Context
from budgetkit.checks.finding import Finding, Part, Severity
from budgetkit.checks.rules import charts as chart_rules
from budgetkit.checks.rules import claims as claim_rules
from budgetkit.checks.rules import classification as classification_rules
from budgetkit.checks.rules import identity as identity_rules
from budgetkit.checks.rules import narrative as narrative_rules
from budgetkit.checks.rules import performance as performance_rules
from budgetkit.checks.rules import selfeval as selfeval_rules
from budgetkit.checks.rules import tables as table_rules
from budgetkit.checks.rules import text as text_rules
from budgetkit.checks.rules.forms import (
    COMPARISONS,
    FORM_CODES,
    FORM_EXACT,
    FORM_NONE,
    INT,
    UNKNOWN,
    VALUE_LIMIT,
    ClaimForm,
    UnrepresentableError,
    compare_columns,
    millionths,
    overlaps_columns,
    published_columns,
    screen_claims,
    segment_sums,
)
from budgetkit.checks.rules.sums import CountCheck, SumCheck, sum_finding
from budgetkit.checks.scoring import DEFAULT_RULES as DEFAULT_SCORING
from budgetkit.checks.scoring import ScoringRules
from budgetkit.errors import BudgetkitError, LoadError, LoadIssue, MissingExtraError
from budgetkit.model.account import Figure, FinalAccount
from budgetkit.model.category import CategoryLevel, lines_with_paths
from budgetkit.model.indicator import PerformanceIndicator
from budgetkit.model.project import FundSource, Project
from budgetkit.reference.classification import ClassificationTable
from budgetkit.values.money import Money
from budgetkit.values.numbers import EXACT

_Unrepresentable = UnrepresentableError
_micro = millionths

__all__ = [
    "LAYOUT",
    "LAYOUT_KEY",
    "Batch",
    "BatchError",
    "MoneyColumn",
    "check_batch",
    "read_parquet",
    "write_parquet",
]

Int64Array = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

#: Exponent of a value the report does not print (``None``), and of a whole count (exact).
_UNKNOWN, _INT = UNKNOWN, INT
#: Exponent of a printed amount the columns cannot hold (finer than 1 分, or beyond int64): its account's JSON has it.
_LOST = 125
#: Sums with more terms than this are decided one by one.
_MAX_TERMS = 64
#: A money block with more rows below its 总额 is left to ``funds_add_up``: 255 sums of amounts below 2**55 stay in int64.
_MAX_FUND_PARTS = 255
_MILLION = 10**6
_POW10 = np.array([10**p for p in range(19)], dtype=np.int64)
#: Accounts per block while building and checking (bounds the memory of Python lists).
_BLOCK = 5_000


class BatchError(BudgetkitError, ValueError):
    """A money column holding an amount it cannot hold exactly: finer than 1 分, or too large for int64.

    ``index`` is the account's position, ``unit`` its unit, ``path`` the amount's place in it.
    """

    def __init__(self, index: int, unit: str, path: str, value: object, reason: str) -> None:
        self.index = index
        self.unit = unit
        self.path = path
        self.value = value
        self.reason = reason
        shown = format(value, "f") if isinstance(value, Decimal) else str(value)
        super().__init__(f"account {index} ({unit}): {path} = {shown} 万元 {reason}")


def _reason(value: Decimal) -> str:
    """Why the int64 columns cannot hold an amount."""
    exponent = value.as_tuple().exponent
    if type(exponent) is int and exponent < -6:
        return "is finer than 1 分 (0.000001 万元): the account is checked by itself, but this column cannot be summed"
    return f"is too large for the batch (at most {VALUE_LIMIT} 分): the account is checked by itself, but this column cannot be summed"


class _Irregular(Exception):
    """An account the batch checks whole (internal)."""


def _number(value: Decimal | int | None) -> tuple[int, int]:
    """(millionths, exponent) of a non-money number, ``(0, _UNKNOWN)`` when not given; see ``forms.millionths``."""
    if value is None:
        return 0, _UNKNOWN
    if isinstance(value, Decimal) and not value and value.is_signed():
        raise _Unrepresentable(f"{value}: its sign would be lost")
    return millionths(value)


def _money(amount: Money | None) -> tuple[int, int]:
    """(millionths, exponent) of an amount, ``(0, _UNKNOWN)`` when not printed."""
    if amount is None:
        return 0, _UNKNOWN
    value = amount.amount
    if not value and value.is_signed():
        raise _Irregular  # a printed "-0.00": its sign would be lost
    return _micro(value)  # sub-分 and out-of-range amounts raise: the account is then checked by itself


def _lenient(amount: Money) -> tuple[int, int]:
    """(millionths, exponent) of an amount of an account checked by itself: ``_LOST`` when the columns cannot hold it."""
    try:
        return _micro(amount.amount)
    except _Unrepresentable:
        return 0, _LOST


def _decimal(micro: int, exponent: int) -> Decimal:
    """The printed decimal back from (millionths, exponent), digit for digit."""
    coefficient = micro // 10 ** (exponent + 6)
    return Decimal(coefficient).scaleb(exponent, EXACT)


def _amount(micro: int, exponent: int) -> Money | None:
    return None if exponent == _UNKNOWN else Money._of(_decimal(micro, exponent))


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


def _figure_amounts() -> Callable[[FinalAccount], Iterable[Money | None]]:
    """A function giving every slot of every figure of an account, in column order (attribute getters run in C)."""
    figures = operator.attrgetter(*(".".join(chain) for chain in _FIGURE_CHAINS))
    slots = operator.attrgetter(*_SLOTS)

    def amounts(account: FinalAccount) -> Iterable[Money | None]:
        return itertools.chain.from_iterable(map(slots, figures(account)))

    return amounts


_FIGURE_AMOUNTS = _figure_amounts()
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
        "n_parts": np.int32,
        "parts_initial": np.int64,
        "blank_initial": np.int32,
        "parts_adjusted": np.int64,
        "blank_adjusted": np.int32,
        "parts_executed": np.int64,
        "blank_executed": np.int32,
        "grade": np.int32,
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
        ("projects", "grade"),
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
_COMPARISON_KINDS: tuple[str, ...] = tuple(COMPARISONS)
_COMPARISON_INDEX = {k: n for n, k in enumerate(_COMPARISON_KINDS)}
_OPERATOR_INDEX = {op: k for k, op in enumerate(performance_rules.OPERATORS)}

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

    >>> from budgetkit.datasets import synthetic
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

    >>> from budgetkit.datasets import synthetic
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
        """Put accounts into columns: every account the loader takes.

        An account with an amount the int64 columns cannot hold (finer than 1 分, or beyond
        about 3.6×10¹⁰ 万元) is kept and checked by itself; only a money column holding such an
        amount refuses to be read, with :class:`BatchError` naming the account and the amount.

        >>> from budgetkit.model.account import Figure, FinalAccount, Income
        >>> batch = Batch.from_accounts([FinalAccount(unit="示例", year=2023, unit_type="行政单位",
        ...     income=Income(total=Figure("1.0000001")))])
        >>> len(check_batch(batch))
        1
        >>> batch.money("income.total")
        Traceback (most recent call last):
        ...
        budgetkit.checks.batch.BatchError: account 0 (示例): income.total.current = 1.0000001 万元 is finer than 1 分 (0.000001 万元): the account is checked by itself, but this column cannot be summed
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

        # with its format version, as a file has it: an account with tables or 0.3 fields needs 0.2 or 0.3
        return json.dumps(io.versioned(io.unstructure(self.account(i))), ensure_ascii=False, separators=(",", ":"))

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
        lost = np.flatnonzero(self._figure_exp[:, k] == _LOST)
        if len(lost):
            i = int(lost[0])
            figure: Any = self.account(i)
            for step in name.split("."):
                figure = getattr(figure, step)
            raise BatchError(i, self.units[i], name, figure.amount, _reason(figure.amount))
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

        >>> from budgetkit.datasets import synthetic
        >>> batch = Batch.from_accounts([synthetic.generate(1)])
        >>> Batch.from_arrow(batch.to_arrow()).account(0) == synthetic.generate(1)
        True
        """
        return _to_arrow(self)

    @classmethod
    def from_arrow(cls, table: Any, *, source: str = "<arrow table>") -> Batch:
        """Read a batch written by :meth:`to_arrow` (or a slice of one, or a Parquet partition).

        The table is validated as strictly as an account file: each row's ``json`` is loaded, and
        every other column must hold what that account gives, else :class:`~budgetkit.errors.LoadError`
        names ``source``, the row and the column.
        """
        return _from_tables([(source, table)])


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
        #: (millionths, exponent) of each printed decimal met in this block, by its text: ``str`` of a Decimal
        #: gives its digits, places and sign exactly, so one text always converts alike (about 3/4 of the
        #: conversions of a synthetic batch are a text met before)
        self.converted: dict[str, tuple[int, int]] = {}

    def build(self, accounts: list[FinalAccount]) -> Batch:
        with paused_collector() as step:  # the rows kept are not walked again and again (see budgetkit._bulk)
            for index, account in enumerate(accounts):
                self.add(index, account)
                if (index + 1) % _BLOCK == 0:
                    self.flush()
                step()
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
        self.converted.clear()

    def add(self, index: int, account: FinalAccount) -> None:
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
        except (_Irregular, _Unrepresentable):  # a "-0.00", an amount finer than 1 分 or beyond int64
            for name, builder in self.tables.items():
                builder.rollback(marks[name])
            del self.figures[figures_mark:], self.figure_exp[figures_mark:]
            self._figures(account, lenient=True)
            irregular = True
        for name, builder in self.tables.items():
            builder.end_account(marks[name])
        s = self.strings.id
        # in _ACCOUNT_SCHEMA order: unit, year, irregular, charts, classification
        self.account_rows.append(
            (s(account.unit), account.year, irregular, len(account.charts), s(_classification_key(account)))
        )

    def money(self, amount: Money | None) -> tuple[int, int]:
        """(millionths, exponent) of an amount, each printed text converted once per block."""
        if amount is None:
            return 0, _UNKNOWN
        value = amount.amount
        text = str(value)
        known = self.converted.get(text)
        if known is None:
            known = self.converted[text] = _money(amount)  # a "-0.00" or an unholdable amount raises, never kept
        return known

    def _figures(self, account: FinalAccount, *, lenient: bool = False) -> None:
        values, exps = self.figures, self.figure_exp
        converted = self.converted
        for amount in _FIGURE_AMOUNTS(account):  # every slot of every figure, in FIGURE_COLUMNS order
            if amount is None:
                values.append(0)
                exps.append(_UNKNOWN)
                continue
            if lenient:
                micro, exponent = _lenient(amount)
            else:  # self.money, inlined: a figure slot is the commonest amount
                text = str(amount.amount)
                known = converted.get(text)
                if known is None:
                    known = converted[text] = _money(amount)
                micro, exponent = known
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
                elif isinstance(item, SumCheck) and item.printed_over_total:
                    raise _Irregular  # parts printed over a total some of whose parts are not: the rule's to decide
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
                elif item.printed_over_total:
                    raise _Irregular
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
            try:
                form: ClaimForm | bool | None = claim_rules.claim_form(ctx, claim)
            except Exception:  # an unresolved path, or an error the per-account rule meets too: let it
                form = True
            self._claim_row(_CLAIM_GROUP, i, 0, form)
        for i, project in enumerate(account.projects):
            for j, line in enumerate(project.funds.lines):
                fund = claim_rules.fund_line_form(line)
                if fund is not None:
                    self._claim_row(_FUNDS_GROUP, i, j, fund)

    def number(self, value: Decimal | int | None) -> tuple[int, int]:
        """(millionths, exponent) of a number (an int is exact), each printed text converted once per block."""
        if type(value) is not Decimal:  # an int, None, or (never from a file) a Decimal subclass
            return _number(value)
        text = str(value)
        known = self.converted.get(text)
        if known is None:
            known = self.converted[text] = _number(value)  # a "-0" or an unholdable number raises, never kept
        return known

    def _claim_row(self, group: int, i: int, j: int, form: ClaimForm | bool | None) -> None:
        """One claim form as a row: nothing to check (None), one to check exactly (True), or a form to screen."""
        claims = self.tables["claims"].rows
        # group, i, j, form, stated, stated_exp, abs_base, n_num, n_den
        if form is None or form is True or form is False:
            claims.append((group, i, j, FORM_NONE if form is None else FORM_EXACT, 0, UNKNOWN, False, 0, 0))
            return
        num, den = form.num, form.den
        if len(num) > _MAX_TERMS or len(den) > _MAX_TERMS:
            claims.append((group, i, j, FORM_EXACT, 0, UNKNOWN, False, 0, 0))
            return
        number, converted = self.number, self.converted
        try:
            stated_value, stated_exp = number(form.stated)
            rows = []
            for sign, value, exact in (*num, *den):
                known = converted.get(str(value)) if type(value) is Decimal else None  # self.number's cache, inlined
                micro, exp = number(value) if known is None else known
                rows.append((micro, INT if exact else exp, sign))  # value, exp, sign
        except _Unrepresentable:
            claims.append((group, i, j, FORM_EXACT, 0, UNKNOWN, False, 0, 0))
            return
        self.tables["cterms"].rows.extend(rows)
        claims.append((group, i, j, FORM_CODES[form.kind], stated_value, stated_exp, form.abs_base, len(num), len(den)))

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
            # i, representable, has_code, exec_weight … executed_exp, reason, principle, n_indicators, n_parts …, grade
            projects.append(
                (
                    i,
                    representable,
                    project.code is not None,
                    *values,
                    s(project.execution_reason),
                    s(performance_rules.principle_key(project)),
                    len(project.indicators),
                    *self._fund_parts(project),
                    s(project.printed_grade),
                )
            )

    def _fund_parts(self, project: Project) -> tuple[int, ...]:
        """The rows of a money block below its 总额, for ``selfeval.screen_funds``: how many, then per phase the sum
        of the printed ones (millionths) and how many are blank; ``n_parts`` is -1 when the columns cannot hold them."""
        lines = project.funds.lines
        parts = [line for line in lines if line.source is not FundSource.TOTAL]
        if len(parts) == len(lines) or not parts:  # no 总额, or nothing below it: nothing to add up
            return (0, 0, 0, 0, 0, 0, 0)
        if len(parts) > _MAX_FUND_PARTS:
            return (-1, 0, 0, 0, 0, 0, 0)
        row = [len(parts)]
        for amounts in (
            [line.initial for line in parts],
            [line.adjusted for line in parts],
            [line.executed for line in parts],
        ):
            summed, blank = 0, 0
            for amount in amounts:
                if amount is None:
                    blank += 1
                    continue
                try:
                    summed += self.money(amount)[0]
                except (_Irregular, _Unrepresentable):  # a "-0.00" or an amount the columns cannot hold
                    return (-1, 0, 0, 0, 0, 0, 0)
            row += (summed, blank)
        return tuple(row)

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
        judged = s(performance_rules.band_key(ind))
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
                try:
                    form: ClaimForm | bool | None = chart_rules.chart_form(account, raw, subject)
                except Exception:  # not a number, floating-point noise, or an error the rule meets too
                    form = True
                self._claim_row(_CHART_GROUP, i, j, form)

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
    lines = lines_with_paths(account.general_budget.categories)
    rows = [[path, c.level.value, c.name, c.printed, c.code] for path, c in lines]
    return json.dumps([account.year, rows], ensure_ascii=False)


class _Line(NamedTuple):
    """A category line as the classification rule reads it (see ``rules.classification.Line``)."""

    level: CategoryLevel
    name: str
    printed: str
    code: str | None


class _Found:
    """Findings per account, each with its sort key (rule position, ordinal); only those the options keep."""

    def __init__(self, options: _Options) -> None:
        self.items: dict[int, list[tuple[int, int, Finding]]] = {}
        default = not options.disable and options.min_severity is Severity.INFO
        self.keeps: Callable[[Finding], bool] | None = None if default else options.keeps  #: None: keep all
        self.off = {k for k, rule in enumerate(DEFAULT_RULES) if disabled(rule.code, options.disable)}

    def add(self, account: int, rule: int, ordinal: int, findings: Iterable[Finding]) -> None:
        if rule in self.off:
            return
        keeps = self.keeps
        if keeps is None:
            found = [(rule, ordinal, finding) for finding in findings]
        else:
            found = [(rule, ordinal, finding) for finding in findings if keeps(finding)]
        if found:
            bucket = self.items.get(account)
            if bucket is None:
                self.items[account] = found
            else:
                bucket.extend(found)

    def add_one(self, account: int, rule: int, ordinal: int, finding: Finding) -> None:
        """:meth:`add` of a single finding, without a list around it."""
        if rule in self.off or (self.keeps is not None and not self.keeps(finding)):
            return
        bucket = self.items.get(account)
        if bucket is None:
            self.items[account] = [(rule, ordinal, finding)]
        else:
            bucket.append((rule, ordinal, finding))

    def result(self, n: int) -> list[list[Finding]]:
        out: list[list[Finding]] = [[] for _ in range(n)]
        for account, bucket in self.items.items():
            bucket.sort(key=_SORT_KEY)  # stable: findings of one (rule, ordinal) keep their order
            out[account] = [finding for _, _, finding in bucket]
        return out


_SORT_KEY = operator.itemgetter(0, 1)


_RULE_CODES = (
    "identity",
    "explanation",
    "claim",
    "funds",
    "classification",
    "project",
    "selfeval",
    "text",
    "chart",
    "table",
    "narrative",
)


@attrs.frozen
class _Options:
    """What :func:`budgetkit.checks.audit.check` takes besides the account: the batch honours every one."""

    disable: tuple[str, ...] = ()
    min_severity: Severity = Severity.INFO
    scoring: ScoringRules | None = None
    zero_is_exact: bool = True
    classification: ClassificationTable | None = None

    def check(self, account: FinalAccount) -> list[Finding]:
        """The account checked by itself, with these options."""
        return check(
            account,
            disable=self.disable,
            min_severity=self.min_severity,
            scoring=self.scoring,
            zero_is_exact=self.zero_is_exact,
            classification=self.classification,
        )

    def context(self, account: FinalAccount) -> Context:
        return Context(account, self.scoring, self.zero_is_exact, self.classification)

    def keeps(self, finding: Finding) -> bool:
        """Whether ``check()`` would report the finding under these options."""
        return finding.severity >= self.min_severity and not disabled(finding.rule, self.disable)


class _Checker:
    """Checks one batch (or a slice of one)."""

    def __init__(self, batch: Batch, cache: dict[tuple[str, int], Any], options: _Options) -> None:
        self.batch = batch
        self.strings = batch._strings.strings
        self.cache = cache
        self.options = options
        self.found = _Found(options)
        self.contexts: dict[int, Context] = {}
        self.chart_accounts: set[int] = set()  #: accounts the chart rule must see
        position = {rule.code: k for k, rule in enumerate(DEFAULT_RULES)}
        self.position = position
        self.regular = set(position) == set(_RULE_CODES) and len(position) == len(DEFAULT_RULES)

    def context(self, k: int) -> Context:
        ctx = self.contexts.get(k)
        if ctx is None:
            ctx = self.contexts[k] = self.options.context(self.batch.account(k))
        return ctx

    def run(self) -> list[list[Finding]]:
        batch = self.batch
        n = len(batch)
        irregular = batch._accounts["irregular"]
        if not self.regular:  # a rule catalogue this module does not know: check each account whole
            return [self.options.check(batch.account(k)) for k in range(n)]
        steps = (  # a step that serves one rule only is skipped when that rule is disabled
            ("", self.sums),
            ("identity", self.compares),
            ("explanation", self.changes),
            ("", self.claims),
            ("classification", self.classification),
            ("project", self.projects),
            ("selfeval", self.selfeval),
            ("text", self.texts),
            ("chart", self.charts),
            ("table", self.tables),
            ("narrative", self.narrative),
        )
        for code, step in steps:
            if not (code and disabled(code, self.options.disable)):
                step()
        out = self.found.result(n)
        for k in np.flatnonzero(irregular).tolist():
            out[k] = self.options.check(batch.account(k))
        return out

    # -- identities and change explanations
    def sums(self) -> None:
        """Identities and explanation sums: printed parts against printed totals, decided in one pass."""
        table = self.batch._tables["sums"]
        if not table.rows():
            return
        c, terms = table.columns, self.batch._tables["terms"].columns
        zero = self.options.zero_is_exact
        counts = c["n_terms"].astype(np.int64)
        value, exp = terms["value"], terms["exp"]
        decided = counts <= _MAX_TERMS  # longer sums might overflow: judged one by one
        differ = (segment_sums(value, counts) != c["total"]) | ~decided
        if not differ.any():
            return
        total, total_exp = c["total"], c["total_exp"]
        # residue or error: is the printed total reachable from the parts' rounding intervals?
        lo, lo_open, hi, hi_open = published_columns(value, exp, exp == _INT, zero)
        reach_lo, reach_hi = segment_sums(lo, counts), segment_sums(hi, counts)
        reach_lo_open = segment_sums(lo_open.astype(np.int64), counts) > 0
        reach_hi_open = segment_sums(hi_open.astype(np.int64), counts) > 0
        tlo, tlo_open, thi, thi_open = published_columns(total, total_exp, total_exp == _INT, zero)
        residue = overlaps_columns(reach_lo, reach_lo_open, reach_hi, reach_hi_open, tlo, tlo_open, thi, thi_open)
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
        found, add = self.found, self.found.add
        at = 0
        for n in range(len(rows)):
            here = slice(at, at + length[n])
            at += length[n]
            if quick[n] and money[n]:  # the common case: one finding, added without a list around it
                parts = [(lb, _decimal(v, e)) for lb, v, e in zip(labels[here], values[here], exps[here], strict=True)]
                finding = sum_finding(
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
                found.add_one(owner[n], rule[n], ordinal[n], finding)
                continue
            findings: Iterable[Finding]
            if not money[n]:
                check_ = CountCheck(code[n], path[n], what[n], what_en[n], totals[n], tuple(values[here]), part[n])
                findings = check_.findings()
            else:
                amounts = tuple(
                    (lb, _amount(v, e)) for lb, v, e in zip(labels[here], values[here], exps[here], strict=True)
                )
                total_n = _amount(totals[n], total_exps[n])
                findings = SumCheck(code[n], path[n], what[n], what_en[n], total_n, amounts, part[n]).findings(zero)
            add(owner[n], rule[n], ordinal[n], findings)

    def compares(self) -> None:
        table = self.batch._tables["compares"]
        c = table.columns
        if not table.rows():
            return
        left, right = c["left"], c["right"]
        known_left, known_right = c["left_exp"] != _UNKNOWN, c["right_exp"] != _UNKNOWN
        kinds = [_COMPARISON_KINDS[k] for k in c["kind"].tolist()]
        fails = compare_columns(kinds, left, known_left, right, known_right)
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
        no, zero = np.zeros(table.rows(), dtype=np.bool_), self.options.zero_is_exact
        clo, clo_open, chi, chi_open = published_columns(c["current"], c["current_exp"], no, zero)
        plo, plo_open, phi, phi_open = published_columns(c["previous"], c["previous_exp"], no, zero)
        tlo, tlo_open, thi, thi_open = published_columns(c["change"], c["change_exp"], no, zero)
        ok = overlaps_columns(
            clo - phi, clo_open | phi_open, chi - plo, chi_open | plo_open, tlo, tlo_open, thi, thi_open
        )
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
            self.found.add(int(owner[r]), rule, int(c["ordinal"][r]), check.findings(zero))

    # -- claims and fund lines
    def claims(self) -> None:
        table = self.batch._tables["claims"]
        c = table.columns
        if not table.rows():
            return
        t = self.batch._tables["cterms"].columns
        flagged = screen_claims(
            c["form"],
            c["stated"],
            c["stated_exp"],
            c["abs_base"],
            c["n_num"].astype(np.int64),
            c["n_den"].astype(np.int64),
            t["value"],
            t["exp"],
            t["sign"].astype(np.int64),
            self.options.zero_is_exact,
        )
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
                cached = self.cache[("classification", key)] = _line_findings(
                    self.strings[key], memo, self.options.classification
                )
            results.append(cached)
        has = np.array([bool(r) for r in results], dtype=np.bool_)
        for k in np.flatnonzero(has[inverse]).tolist():
            self.found.add(k, rule, 0, results[inverse[k]])

    # -- self-evaluation tables
    def projects(self) -> None:
        table = self.batch._tables["projects"]
        if not table.rows():
            return
        rules = self.options.scoring or DEFAULT_SCORING
        indicators = self.batch._tables["indicators"].columns
        flagged = performance_rules.screen_tables(table.columns, indicators, self.strings, self.cache, rules)
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
        screen = text_rules.may_report
        hits = self.cache.setdefault(("texts", 0), {})
        for r, text_id in enumerate(c["text"].tolist()):
            hit = hits.get(text_id)
            if hit is None:
                hit = hits[text_id] = screen(strings[text_id])
            if hit:
                findings = text_rules.text_findings(
                    strings[c["path"][r]], strings[text_id], _PARTS[c["part"][r]], strings[c["where"][r]]
                )
                if findings:
                    self.found.add(int(owner[r]), rule, int(r - starts[r]), findings)

    def narrative(self) -> None:
        """The narrative rule, not vectorised: run whole on each account that prints a 情况说明 (its passages)."""
        table = self.batch._tables["texts"]
        if not table.rows():
            return
        paths = table.columns["path"].tolist()
        strings = self.strings
        owners = {
            int(k)
            for k, path in zip(table.owner().tolist(), paths, strict=True)
            if strings[path].startswith("passages[")
        }
        rule_func = next(r.func for r in narrative_rules.RULES)
        rule = self.position["narrative"]
        for k in sorted(owners):
            self.found.add(k, rule, 0, list(rule_func(self.context(k))))

    def selfeval(self) -> None:
        """The selfeval rule, table by table: whole where a screen flags the table's own rows (under the default
        rules), else the fund sums a screen cannot settle and the indicators a screen flags (nothing else of it is
        scored); a table no screen flags is not visited."""
        table = self.batch._tables["projects"]
        if not table.rows():
            return
        columns = table.columns
        n_ind = columns["n_indicators"].astype(np.int64)
        funds = selfeval_rules.screen_funds(columns)  # fund sums do not depend on the scoring rules
        if self.options.scoring is None or self.options.scoring == DEFAULT_SCORING:
            whole = selfeval_rules.screen_projects(columns)
            marked = np.flatnonzero(selfeval_rules.screen_indicators(self.batch._tables["indicators"].columns))
        else:
            whole = np.ones(table.rows(), dtype=np.bool_)
            marked = np.zeros(0, dtype=np.int64)
        # the flagged indicators of each table, as (table row, j): one pass, not one array slice per table
        starts = np.concatenate(([0], np.cumsum(n_ind)))
        at = np.searchsorted(starts, marked, side="right") - 1
        flagged: dict[int, list[int]] = {}
        for r, j in zip(at.tolist(), (marked - starts[at]).tolist(), strict=True):
            flagged.setdefault(r, []).append(j)
        visit = whole | funds
        visit[at] = True
        rows = np.flatnonzero(visit)
        rule = self.position["selfeval"]
        found, screened = self.found, selfeval_rules.screened_findings
        owner, index = table.owner()[rows].tolist(), columns["i"][rows].tolist()
        for r, k, i, w, f in zip(rows.tolist(), owner, index, whole[rows].tolist(), funds[rows].tolist(), strict=True):
            if w:
                found.add(k, rule, i, selfeval_rules.project_findings(self.context(k), i))
            else:  # one call per table: its fund sums where unsettled, then its flagged indicators
                found.add(k, rule, i, screened(self.context(k), i, flagged.get(r, ()), funds=f))

    def tables(self) -> None:
        """The table rule, not vectorised: run whole on each account that prints tables or a 目录 (few do)."""
        rule_func = next(r.func for r in table_rules.RULES)
        rule = self.position["table"]
        for k in range(len(self.batch)):
            if _tables_printed(self.batch, k):
                self.found.add(k, rule, 0, list(rule_func(self.context(k))))

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


def _tables_printed(batch: Batch, k: int) -> bool:
    """Whether account ``k`` prints tables or a 目录, read from its JSON when the batch came from Arrow (no parsing)."""
    if batch._objects is not None:
        tables = batch._objects[k].tables
        return bool(tables.tables or tables.unread or tables.contents)
    text = batch.account_json(k)
    return '"rows"' in text or '"unread"' in text or '"contents"' in text


def _side_value(value: int, exponent: int) -> Money | int | None:
    if exponent == _UNKNOWN:
        return None
    if exponent == _INT:
        return value
    return Money(_decimal(value, exponent))


def _line_findings(key: str, memo: dict[Any, Any], table: ClassificationTable | None) -> list[Finding]:
    """The classification rule's findings for one shape of lines (see ``_classification_key``)."""
    year, rows = json.loads(key)
    lines = [(path, _Line(CategoryLevel(level), name, printed, code)) for path, level, name, printed, code in rows]
    return list(classification_rules.line_findings(year, lines, memo, table=table))


# -- checking ---------------------------------------------------------------------------------------------------


def check_batch(
    batch_or_accounts: Batch | Iterable[FinalAccount],
    *,
    disable: Sequence[str] = (),
    min_severity: Severity = Severity.INFO,
    scoring: ScoringRules | None = None,
    zero_is_exact: bool = True,
    classification: ClassificationTable | None = None,
    progress: Callable[[int, int], object] | None = None,
) -> list[list[Finding]]:
    """Check every account of a batch: one list of findings per account, equal to ``[check(a) for a in accounts]``.

    Takes every option of :func:`budgetkit.checks.audit.check` (``disable``, ``min_severity``, ``scoring``,
    ``zero_is_exact``, ``classification``) with the same meaning, so that
    ``check_batch(accounts, **options) == [check(a, **options) for a in accounts]``.
    ``progress(done, total)`` is called after each block of accounts.

    >>> from budgetkit import datasets
    >>> from budgetkit.checks.audit import check
    >>> seed = datasets.load("zigong-hr-2023")
    >>> check_batch([seed]) == [check(seed)]
    True
    >>> check_batch([seed], disable=("claim",), min_severity=Severity.ERROR) == [
    ...     check(seed, disable=("claim",), min_severity=Severity.ERROR)]
    True
    """
    check_disable(DEFAULT_RULES, disable)
    options = _Options(tuple(disable), min_severity, scoring, zero_is_exact, classification)
    batch = batch_or_accounts if isinstance(batch_or_accounts, Batch) else Batch.from_accounts(batch_or_accounts)
    total = len(batch)
    cache: dict[tuple[str, int], Any] = {}
    out: list[list[Finding]] = []
    block = 4 * _BLOCK
    with paused_collector(every=1) as step:  # the findings kept are not walked again and again (see budgetkit._bulk)
        for start in range(0, total, block):
            out.extend(_Checker(batch[start : start + block], cache, options).run())
            step()
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
    return pa.table(columns, metadata={LAYOUT_KEY: LAYOUT})


#: The schema metadata key that says which layout a batch table's derived columns are of, and this version's layout.
#: The columns beside ``json`` are what this version's rules derive from each account; a version whose rules derive
#: more (a new identity, a text the rules read) writes a new layout. Layout 1 (no key) was written until 0.2.0's
#: eleventh session (through the tenth); layout 2 adds the 项 budgets' identity, the 三公 counts' comparisons and the tables' notes as texts;
#: layout 3 (twelfth session) the 公务接待 parts within their wholes, the persons of each 团组 or 批次, 财政拨款收入 as one
#: figure and 机关运行经费 against 公用经费; layout 4 (fourteenth session) a self-evaluation table's printed 自评等级
#: (``projects.grade``), and an account marked irregular (checked by the rules themselves) where the printed parts of a
#: total some of whose parts are not printed add up to more than it; layout 5 (nineteenth session) the figures of 四's
#: totals over the funds (``fiscal.opening``, ``fiscal.expenditure``, ``fiscal.closing``, ``fiscal.expenditure_total``);
#: layout 6 (nineteenth session too) 财政拨款收入总计 = 支出总计 compared where both of 四's sides add up as well.
LAYOUT_KEY: Final = b"budgetkit.batch_layout"
LAYOUT: Final = b"6"


def _accounts_of(table: Any, source: str) -> tuple[list[FinalAccount], Any]:
    """Every account of one batch table, loaded from its ``json`` column as strictly as an account file."""
    pa = _require("pyarrow")
    if table.num_rows == 0:
        raise LoadError(source, [LoadIssue("file", "holds no accounts (a batch file has one row per account)")])
    if "json" not in table.column_names:
        raise LoadError(source, [LoadIssue("column json", "is missing: it holds each account, the source of truth")])
    texts = table.column("json").combine_chunks()
    if not (pa.types.is_string(texts.type) or pa.types.is_large_string(texts.type)):
        raise LoadError(source, [LoadIssue("column json", f"has type {texts.type}, expected text")])
    from budgetkit import io

    accounts: list[FinalAccount] = []
    issues: list[LoadIssue] = []
    with paused_collector() as step:  # as io.load_all: the accounts kept are not walked again and again
        for i in range(table.num_rows):
            step()
            where = f"row {i}, column json"
            try:
                text = texts[i].as_py()
            except UnicodeDecodeError:
                issues.append(LoadIssue(where, "is not UTF-8 text"))
                continue
            if text is None:
                issues.append(LoadIssue(where, "is empty (null)"))
                continue
            try:
                accounts.append(io.loads(text, "json", source=f"{source} {where}"))
            except LoadError as exc:
                issues.extend(LoadIssue(f"{where}: {issue.path}", issue.message) for issue in exc.issues)
            if len(issues) >= LoadError.MAX_ISSUES:
                break
    if issues:
        raise LoadError(source, issues)
    return accounts, texts.cast(pa.large_string())


def _plain(array: Any) -> Any:
    """An Arrow array with its dictionary encoding undone (also inside list columns), for comparing values."""
    pa = _require("pyarrow")
    if pa.types.is_dictionary(array.type):
        return array.dictionary.take(array.indices)
    if pa.types.is_large_list(array.type) or pa.types.is_list(array.type):
        kind = pa.LargeListArray if pa.types.is_large_list(array.type) else pa.ListArray
        return kind.from_arrays(array.offsets, _plain(array.values))
    return array


def _shown(value: Any) -> str:
    """A cell's value for a message: JSON, never a Python repr."""
    return json.dumps(value, ensure_ascii=False, default=str)


def _mismatches(stored: Any, rebuilt: Any) -> list[LoadIssue]:
    """Where the columns of a stored batch table differ from those rebuilt from its ``json`` column."""
    pa = _require("pyarrow")
    issues: list[LoadIssue] = []
    for name in rebuilt.column_names:
        if name == "json":
            continue
        if name not in stored.column_names:
            issues.append(LoadIssue(f"column {name}", "is missing"))
            continue
        want = _plain(rebuilt.column(name).combine_chunks())
        column = stored.column(name).combine_chunks()
        try:
            got = _plain(column).cast(want.type)
        except (pa.ArrowException, ValueError, TypeError):
            issues.append(LoadIssue(f"column {name}", f"has type {column.type}, expected {want.type}"))
            continue
        if got.equals(want):
            continue
        row = next((i for i in range(len(want)) if not got[i].equals(want[i])), 0)
        issues.append(
            LoadIssue(
                f"row {row}, column {name}",
                f"holds {_shown(got[row].as_py())} but the row's json gives {_shown(want[row].as_py())} "
                "(a column edited without its json twin, or not a budgetkit batch)",
            )
        )
    extra = [name for name in stored.column_names if name not in rebuilt.column_names]
    issues.extend(LoadIssue(f"column {name}", "is not a column of a budgetkit batch") for name in extra)
    return issues


def _column_names() -> list[str]:
    """The columns of every batch table, in :meth:`Batch.to_arrow`'s order."""
    names = list(_ACCOUNT_SCHEMA)
    for name in FIGURE_COLUMNS:
        names += [name, f"{name}:exp"]
    names += [f"{table}.{column}" for table, schema in _SCHEMAS.items() for column in schema]
    return [*names, "json"]


_COLUMN_NAMES = frozenset(_column_names())

def _agrees(table: Any, batch: Batch) -> bool:
    """Whether every column of a stored batch table holds exactly what ``batch`` (built from its json) holds.

    A test in bulk, column by column in numpy, of what :func:`_mismatches` tests cell by cell
    through Arrow: it answers ``True`` only when the table has exactly the batch's columns, each
    of exactly the type :meth:`Batch.to_arrow` writes, with nulls exactly where the batch has an
    unknown figure and none elsewhere, list offsets equal to the batch's, numbers equal to the
    batch's, and text equal to the batch's strings (each dictionary entry looked up in the batch's
    own strings, so two texts agree exactly when their ids do). Those are the conditions under
    which the Arrow comparison finds every column equal (the cast to the expected type is then
    the identity). Anything else — another type that might still cast, a null, a dictionary entry
    the batch has not got — answers ``False``, and :func:`_mismatches` decides and names the
    place: the bulk test may send an agreeing table to the slow one, never let a differing one pass.
    """
    pa = _require("pyarrow")
    pc = _require("pyarrow.compute")
    if len(table.column_names) != len(_COLUMN_NAMES) or set(table.column_names) != _COLUMN_NAMES:
        return False
    ids = batch._strings.ids

    def column(name: str) -> Any:
        return table.column(name).combine_chunks()

    def texts(array: Any, expected: np.ndarray[Any, Any]) -> bool:
        if not pa.types.is_dictionary(array.type) or array.type.value_type != pa.string() or array.null_count:
            return False
        if len(array) != len(expected) or array.dictionary.null_count:
            return False
        lookup = np.array([ids.get(text, -1) for text in array.dictionary.to_pylist()] + [-1], dtype=np.int64)
        indices = array.indices.to_numpy(zero_copy_only=False).astype(np.int64)
        if len(indices) and (indices.min() < 0 or indices.max() >= len(lookup) - 1):
            return False
        return bool(np.array_equal(lookup[indices], expected))

    def numbers(array: Any, expected: np.ndarray[Any, Any], unknown: BoolArray | None = None) -> bool:
        if array.type != pa.from_numpy_dtype(expected.dtype) or len(array) != len(expected):
            return False
        if unknown is None:
            return array.null_count == 0 and bool(np.array_equal(array.to_numpy(zero_copy_only=False), expected))
        if not np.array_equal(array.is_null().to_numpy(zero_copy_only=False), unknown):
            return False
        got = pc.fill_null(array, 0).to_numpy(zero_copy_only=False)
        return bool(np.array_equal(got[~unknown], expected[~unknown]))

    for name, values in batch._accounts.items():
        agree = texts if name in _ACCOUNT_STRINGS else numbers
        if not agree(column(name), values):
            return False
    unknown = batch._figure_exp == _UNKNOWN
    for k, name in enumerate(FIGURE_COLUMNS):
        if not numbers(column(name), batch._figures[:, k], unknown[:, k]):
            return False
        if not numbers(column(f"{name}:exp"), batch._figure_exp[:, k], unknown[:, k]):
            return False
    for table_name, rows in batch._tables.items():
        for name, values in rows.columns.items():
            array = column(f"{table_name}.{name}")
            if not pa.types.is_large_list(array.type) or array.null_count or len(array) != len(batch):
                return False
            offsets = array.offsets.to_numpy(zero_copy_only=False)
            if not np.array_equal(offsets - offsets[0], rows.offsets):
                return False
            agree = texts if (table_name, name) in _STRING_COLUMNS else numbers
            if not agree(array.flatten(), values):
                return False
    return True


def _from_tables(tables: Sequence[tuple[str, Any]]) -> Batch:
    """One batch from batch tables (each named by its source), validated as strictly as account files.

    Each account is loaded from the ``json`` column, the one source of truth; the batch is built
    from those accounts, and every other column must hold exactly what was built, else
    :class:`~budgetkit.errors.LoadError` names the source, the row and the column. A table of another
    layout (:data:`LAYOUT`: written by a version whose rules derived other columns, or with its
    metadata taken away) is not compared: its columns are made again from its json, which is the
    migration of a stored batch to this version, and never lets a column edited by hand be used. The comparison
    runs in bulk (:func:`_agrees`, numpy over whole columns); only a table it cannot pass is
    compared cell by cell (:func:`_mismatches`), which names the first difference.

    Why every account is still loaded, not made lazily from the columns: a row is refused when its
    json is one :func:`budgetkit.io.loads` would refuse (issue 12 F9), and loading it *is* building
    the account — the validators and converters of the model are what decide. Nor can the stored
    columns stand in for the account: they hold what the rules derive from it (claim forms over
    resolved paths, identities, band and principle keys), not the account's fields, so testing the
    json against them needs those derivations made again from the account. A plain ``json.loads``
    compared with the columns would let through every field the columns do not hold (a name, a
    type, a value a validator refuses). The accounts so built are kept: :meth:`Batch.account` and
    the rules that read an account whole use them.
    """
    pa = _require("pyarrow")
    accounts: list[FinalAccount] = []
    texts = []
    for source, table in tables:
        try:  # a damaged file's text may not be UTF-8: Parquet does not check it, Arrow's full validation does
            table.validate(full=True)
        except (pa.ArrowException, UnicodeDecodeError) as exc:
            what = "a column name or text that is not UTF-8" if isinstance(exc, UnicodeDecodeError) else str(exc)
            raise LoadError(source, [LoadIssue("file", f"damaged Arrow data: {what}")]) from None
        found, text = _accounts_of(table, source)
        accounts.extend(found)
        texts.append(text)
    batch = Batch.from_accounts(accounts)
    batch._texts = pa.concat_arrays(texts)
    start = 0
    for source, stored in tables:
        stop = start + stored.num_rows
        part = batch[start:stop]
        if (stored.schema.metadata or {}).get(LAYOUT_KEY) != LAYOUT:
            start = stop  # derived by another version's rules: the batch is made again from the json, not compared
            continue
        if not _agrees(stored, part):  # in bulk; a table that may differ is compared cell by cell, which names the place
            issues = _mismatches(stored, part.to_arrow())
            if issues:
                raise LoadError(source, issues)
        start = stop
    return batch


def write_parquet(batch: Batch, directory: str | Path, *, partition_size: int = 10_000) -> list[Path]:
    """Write a batch as Parquet files of ``partition_size`` accounts each; return their paths in order.

    Each file is a batch of its own (:func:`read_parquet`), so a distributed engine
    can check the partitions independently.

    >>> import tempfile
    >>> from budgetkit.datasets import synthetic
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
    """Read a batch from one Parquet file, or from every ``*.parquet`` file of a directory in name order.

    Validated as strictly as account files (see :meth:`Batch.from_arrow`): a file with no rows, a
    missing, retyped or extra column, a damaged ``json`` cell or a column that disagrees with its
    row's ``json`` raises :class:`~budgetkit.errors.LoadError` naming the file, the row and the column.
    A file written by an earlier version (another :data:`LAYOUT`) reads: its columns are made again
    from the ``json`` of its rows, so its findings are this version's.
    """
    pa = _require("pyarrow")
    pq = _require("pyarrow.parquet")

    where = Path(path)
    files = sorted(where.glob("*.parquet")) if where.is_dir() else [where]
    if not files:
        raise LoadError(str(where), [LoadIssue("$", "no .parquet files in this directory")])
    tables = []
    for file in files:
        try:
            tables.append((str(file), pq.read_table(file)))
        except (OSError, pa.ArrowException) as exc:
            raise LoadError(str(file), [LoadIssue("file", f"cannot read Parquet: {exc}")]) from None
    return _from_tables(tables)
