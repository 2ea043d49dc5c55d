"""The published table set (部门决算公开表): templates, and the tables a report prints, cell by cell.

A 部门决算 prints a standard set of tables (DOMAIN.md §8): nine in the national
2024 set (一 收入支出决算总表 … 九 国有资本经营预算财政拨款收入支出决算表), thirteen
in Sichuan's. Two kinds of object describe them:

- a :class:`TableTemplate` is what the template prescribes for one table —
  its title, its columns (and which column is the sum of which), its fixed
  lines (the income rows of 表一, 人员经费合计 …, and which line is the sum of
  which) and whether its other rows are keyed by a functional or an economic
  classification code; a :class:`TableSet` is an ordered set of templates,
  shipped as package data (:func:`table_set`) or read from a file
  (:func:`load_table_set`);
- a :class:`Table` is what a report printed: its rows, each keyed by a
  classification code ("2080501") or a template line key
  ("income.year_total"), with the printed name and one :class:`Cell` per
  column. :class:`Tables` holds a report's tables in printed order with the
  目录 lines, and is :attr:`budgetkit.model.account.FinalAccount.tables`.

A figure has three states: a printed number (with its printed places), a
printed blank (sums as 0, shows as blank) and *absent* — a table, row or column
the report does not print, for which :meth:`Tables.cell` returns ``None``.
Every cell is a printing with its own place (:class:`Place`): the same amount
printed in two tables is two printings, never merged, so a check can compare
them.

>>> gb = Table(key="general_budget_expenditure", number="五", title="一般公共预算财政拨款支出决算表",
...     columns=("total", "basic", "project"),
...     rows=(Row(key="total", name="合计", cells=("9746.50", "5364.75", "4381.74")),
...           Row(key="208", name="社会保障和就业支出", cells=("754.75", "754.75", "0.00"))))
>>> tables = Tables(set="national-2024", tables=(gb,))
>>> tables.cell("general_budget_expenditure", "208", "basic")
Cell('754.75')
>>> tables.cell("general_budget_expenditure", "208", "basic").places
2
>>> tables.cell("general_budget_expenditure", "209", "basic") is None  # absent: not printed
True
>>> tables.template("general_budget_expenditure").column("total").sum_of
('basic', 'project')
"""

from __future__ import annotations

import enum
import functools
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

import attrs

from budgetkit.errors import BudgetkitError, LoadError, LoadIssue, ModelError
from budgetkit.reference.classification import Level
from budgetkit.values import validators as v
from budgetkit.values.numbers import to_decimal

__all__ = [
    "CLASSIFIED_BY",
    "Cell",
    "Column",
    "Line",
    "Link",
    "Place",
    "Printing",
    "Row",
    "RowKind",
    "Side",
    "Table",
    "TableSet",
    "TableSetError",
    "TableTemplate",
    "Tables",
    "load_table_set",
    "parse_cell",
    "table_set",
    "table_set_names",
]

#: The classifications whose codes key the rows of a table: 支出功能分类 or 部门预算支出经济分类.
CLASSIFIED_BY: Final = ("functional", "economic")

_CODE: Final = re.compile(r"[0-9]{3}(?:[0-9]{2}){0,2}")
_KEY: Final = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*")


class Side(enum.Enum):
    """The half of a two-sided table (表一, 表四) a row sits in: 收入 or 支出.

    >>> Side("income").zh, Side.EXPENDITURE.zh
    ('收入', '支出')
    """

    INCOME = "income"
    EXPENDITURE = "expenditure"

    @property
    def zh(self) -> str:
        """收入 or 支出."""
        return "收入" if self is Side.INCOME else "支出"


class RowKind(enum.Enum):
    """What a row is: a classification line (类/款/项), a template line, a subtotal or a total.

    >>> table_set("national-2024").template("summary").line("income.total").kind
    <RowKind.TOTAL: 'total'>
    """

    CLASS = "类"
    SECTION = "款"
    ITEM = "项"
    LINE = "line"  #: a fixed line of the template: an income source, a balance, an economic-class heading
    SUBTOTAL = "subtotal"  #: 本年收入合计, 小计, 人员经费合计 …
    TOTAL = "total"  #: 总计, 合计


_LEVEL_KIND: Final = MappingProxyType(
    {Level.CLASS: RowKind.CLASS, Level.SECTION: RowKind.SECTION, Level.ITEM: RowKind.ITEM}
)


def _is_code(key: str) -> bool:
    return bool(_CODE.fullmatch(key))


def _check_key(key: object, what: str) -> str:
    if type(key) is not str or not (_is_code(key) or _KEY.fullmatch(key)):
        raise ModelError(
            f"{what} {key!r} is neither a classification code (3, 5 or 7 digits) nor a key such as 'income.total'"
        )
    return key


def _check_term(term: str, where: str) -> None:
    """A term of a sum: a key, a key with a leading '-', or 类/款/项 (every row of that level)."""
    bare = term[1:] if term.startswith("-") else term
    if bare in ("类", "款", "项"):
        return
    try:
        _check_key(bare, "term")
    except ModelError as exc:
        raise ModelError(exc.message, where) from None


@attrs.frozen
class Cell:
    """One printed cell: a number with its printed places, or a printed blank (``amount is None``).

    A blank sums as 0 but is shown blank; a cell the report does not print at
    all is not a Cell (absent, ``None``).

    >>> Cell("754.75").places, Cell("0.00").value, Cell("").is_blank, Cell("").value
    (2, Decimal('0.00'), True, Decimal('0'))
    >>> Cell(0.5)
    Traceback (most recent call last):
    ...
    budgetkit.errors.FloatRefusedError: 0.5 is a float; ...
    """

    amount: Decimal | None = attrs.field(converter=v.optional_decimal)

    @classmethod
    def blank(cls) -> Cell:
        """A printed blank cell."""
        return cls(None)

    @property
    def is_blank(self) -> bool:
        """Whether the cell was printed blank."""
        return self.amount is None

    @property
    def value(self) -> Decimal:
        """The amount, 0 for a blank (a blank in a printed table means nothing)."""
        return Decimal(0) if self.amount is None else self.amount

    @property
    def places(self) -> int | None:
        """How many decimals were printed (``None`` for a blank)."""
        if self.amount is None:
            return None
        exponent = self.amount.as_tuple().exponent
        assert isinstance(exponent, int)  # to_decimal refuses NaN and infinities
        return max(0, -exponent)

    @property
    def text(self) -> str:
        """The cell as printed: its digits, or "" for a blank."""
        return "" if self.amount is None else format(self.amount, "f")

    def __repr__(self) -> str:
        return f"Cell({self.text!r})"


def _cell(value: Any) -> Cell:
    return value if isinstance(value, Cell) else Cell(value)


def _cells(value: Any) -> tuple[Cell, ...]:
    return tuple(_cell(item) for item in v.tuple_of(value))


def _terms(value: Any) -> tuple[str, ...]:
    return tuple(v.tuple_of(value))


def _side(value: Any) -> Side | None:
    return None if value is None else v.member(Side, value)


def _row_kind(value: Any) -> RowKind:
    return v.member(RowKind, value)


@attrs.frozen(kw_only=True)
class Column:
    """A column of a template: key, printed header and the columns it is the sum of.

    ``sum_of`` terms are column keys; a leading ``-`` subtracts
    (表八's 年末结转和结余 = 年初 + 本年收入 − 本年支出).

    >>> Column(key="closing", name="年末结转和结余", sum_of=("opening", "income", "-expenditure")).sum_of
    ('opening', 'income', '-expenditure')
    """

    key: str
    name: str
    sum_of: tuple[str, ...] = attrs.field(default=(), converter=_terms)
    #: a column some provinces print only (Yunnan's 表五 年初结转和结余): its identities hold where it is printed, and
    #: a table that does not print it lacks nothing
    optional: bool = False
    #: headers the same column is printed under elsewhere (the 项目支出 of Yunnan's 表七 as 决算数 or 本年支出)
    other_names: tuple[str, ...] = attrs.field(default=(), converter=_terms)

    def __attrs_post_init__(self) -> None:
        _check_key(self.key, "column key")
        for i, term in enumerate(self.sum_of):
            _check_term(term, f"sum_of[{i}]")


@attrs.frozen(kw_only=True)
class Line:
    """A fixed line of a template (an income source of 表一, 本年收入合计, 人员经费合计 …).

    ``sum_of`` terms are row keys or codes; a leading ``-`` subtracts, and
    ``类``, ``款`` or ``项`` stand for every row of that level on the same side.

    >>> Line(key="income.year_total", name="本年收入合计", side="income", kind="subtotal",
    ...     sum_of=("income.general_budget", "income.other")).kind
    <RowKind.SUBTOTAL: 'subtotal'>
    """

    key: str
    name: str
    kind: RowKind = attrs.field(default=RowKind.LINE, converter=_row_kind)
    side: Side | None = attrs.field(default=None, converter=_side)
    sum_of: tuple[str, ...] = attrs.field(default=(), converter=_terms)

    def __attrs_post_init__(self) -> None:
        _check_key(self.key, "line key")
        for i, term in enumerate(self.sum_of):
            _check_term(term, f"sum_of[{i}]")


def _unique(keys: list[str], what: str, path: str) -> None:
    seen: set[str] = set()
    for i, key in enumerate(keys):
        if key in seen:
            raise ModelError(f"{what} {key!r} appears twice", f"{path}[{i}]")
        seen.add(key)


@attrs.frozen(kw_only=True)
class TableTemplate:
    """What the template prescribes for one table: title, columns, fixed lines, how rows are keyed.

    ``income_columns`` are the columns of the income half of a two-sided table
    (表一, 表四); ``columns`` are those of the other half, or of the whole table.
    ``classified_by`` says which classification's codes key the other rows
    (``"functional"``, ``"economic"`` or ``""`` for none). ``other_titles`` are titles the same table is
    published under elsewhere (表九 as 国有资本经营预算财政拨款支出决算表), by which an importer finds it too.
    ``published_from`` is the first report year the set publishes the table in (``None``: every year): a report of
    an earlier year that lacks it lacks nothing (表九 joined the eight tables with the 2020 决算). An ``optional``
    table is one only some provinces print beside the set's (Yunnan's 一般公共预算财政拨款“三公”经费情况表): read and
    checked where it is printed, never missing where it is not.

    >>> t = table_set("national-2024").template("income")
    >>> t.number, t.title, [c.key for c in t.columns][:3], t.classified_by
    ('二', '收入决算表', ['year_total', 'fiscal', 'superior_subsidy'], 'functional')
    """

    key: str
    number: str
    title: str
    columns: tuple[Column, ...] = attrs.field(converter=v.tuple_of)
    income_columns: tuple[Column, ...] = attrs.field(default=(), converter=v.tuple_of)
    lines: tuple[Line, ...] = attrs.field(default=(), converter=v.tuple_of)
    classified_by: str = ""
    note: str = ""  #: the printed 注 (what the table shows)
    empty_note: str = ""  #: what an empty table prints instead of rows ("本表无数据")
    other_titles: tuple[str, ...] = attrs.field(default=(), converter=v.tuple_of)
    published_from: int | None = None  #: the first report year the table is published in (None: every year)
    optional: bool = False  #: printed by some provinces only: never missing, not among the tables expected

    def __attrs_post_init__(self) -> None:
        _check_key(self.key, "table key")
        if self.classified_by not in ("", *CLASSIFIED_BY):
            raise ModelError(f"classified_by must be functional, economic or blank, got {self.classified_by!r}")
        if not self.columns:
            raise ModelError(f"table {self.key} has no columns", "columns")
        for field, columns in (("columns", self.columns), ("income_columns", self.income_columns)):
            _unique([c.key for c in columns], "column", field)
            keys = {c.key for c in columns}
            for i, column in enumerate(columns):
                for term in column.sum_of:
                    if term.lstrip("-") not in keys:
                        raise ModelError(f"column {column.key} sums {term!r}, which is not a column", f"{field}[{i}]")
        _unique([line.key for line in self.lines], "line", "lines")

    @property
    def two_sided(self) -> bool:
        """Whether the table prints an income half beside an expenditure half."""
        return bool(self.income_columns)

    def columns_of(self, side: Side | None) -> tuple[Column, ...]:
        """The columns of the rows on ``side``."""
        return self.income_columns if side is Side.INCOME else self.columns

    def column(self, key: str, side: Side | None = None) -> Column:
        """The column ``key`` (of the ``side`` half), or KeyError."""
        for column in self.columns_of(side):
            if column.key == key:
                return column
        raise KeyError(key)

    def line(self, key: str) -> Line | None:
        """The fixed line ``key``, or ``None`` (a classification row is not a fixed line)."""
        return next((line for line in self.lines if line.key == key), None)


_REF: Final = re.compile(r"([a-z][a-z0-9_]*)\[([^\]]+)\]\.([a-z][a-z0-9_]*)")
_LEVELS: Final = MappingProxyType({"类": 3, "款": 5, "项": 7})


def _refs(value: Any) -> tuple[str, ...]:
    refs = tuple(v.tuple_of(value))
    for i, ref in enumerate(refs):
        if type(ref) is not str or not _REF.fullmatch(ref):
            raise ModelError(f"{ref!r} is not a cell reference such as 'summary[income.total].amount'", f"[{i}]")
    return refs


@attrs.frozen(kw_only=True)
class Link:
    """An identity between printed cells, within or across tables: Σ ``left`` = Σ ``right``.

    Each term is a cell reference ``table[row].column``. A row written ``类``,
    ``款`` or ``项`` stands for every row of that level: the identity then holds
    row by row, for each code either table prints.

    >>> link = Link(left=("summary[类].amount",), right=("expenditure[类].year_total",), note="each 类 of 表一 = 表三")
    >>> link.level, [str(p) for p in link.places("208")[0]]
    ('类', ['summary[208].amount'])
    """

    left: tuple[str, ...] = attrs.field(converter=_refs)
    right: tuple[str, ...] = attrs.field(converter=_refs)
    note: str = ""
    #: cells that must be printed as nothing (0 or blank) for the identity to hold: 表十's 财政拨款 三公 is 表十一's
    #: 一般公共预算 三公 only while no 政府性基金 is spent (whose 三公 the first includes); otherwise not checked
    unless: tuple[str, ...] = attrs.field(default=(), converter=_refs)

    def __attrs_post_init__(self) -> None:
        if not self.left or not self.right:
            raise ModelError("an identity needs cells on both sides")
        levels = {self._parts(ref)[1] for ref in (*self.left, *self.right)} & set(_LEVELS)
        if len(levels) > 1:
            raise ModelError(f"an identity walks one level at a time, not {', '.join(sorted(levels))}")
        if any(self._parts(ref)[1] in _LEVELS for ref in self.unless):
            raise ModelError("a cell the identity depends on is one cell, not a level")

    @staticmethod
    def _parts(ref: str) -> tuple[str, str, str]:
        match = _REF.fullmatch(ref)
        assert match is not None  # checked by the converter
        return match.group(1), match.group(2), match.group(3)

    @property
    def level(self) -> str | None:
        """类, 款 or 项 when the identity holds row by row for that level, else ``None``."""
        for ref in (*self.left, *self.right):
            row = self._parts(ref)[1]
            if row in _LEVELS:
                return row
        return None

    def tables(self) -> frozenset[str]:
        """The keys of the tables the identity reads."""
        return frozenset(self._parts(ref)[0] for ref in (*self.left, *self.right))

    def places(self, code: str | None = None) -> tuple[tuple[Place, ...], tuple[Place, ...]]:
        """The places of both sides, with the level row replaced by ``code``."""

        def place(ref: str) -> Place:
            table, row, column = self._parts(ref)
            if row in _LEVELS:
                if code is None or len(code) != _LEVELS[row]:
                    raise ModelError(f"the identity {ref} needs a {row} code, got {code!r}")
                row = code
            return Place(table, row, column)

        return tuple(place(ref) for ref in self.left), tuple(place(ref) for ref in self.right)


def _orders(orders: Iterable[Iterable[str]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(order) for order in orders)


@attrs.frozen(kw_only=True)
class TableSet:
    """An ordered set of table templates, dated and sourced (national 2024, Sichuan 2023 …).

    >>> s = table_set("national-2024")
    >>> len(s), [t.number for t in s.templates][:3], s.template("three_public").title
    (11, ['一', '二', '三'], '财政拨款“三公”经费支出决算表')
    >>> [t.number for t in s.templates if t.optional]  # Yunnan's 项目支出 表七 and 表十一, printed there only
    ['十一', '十二']
    """

    name: str
    title: str
    source: str = ""
    aliases: tuple[str, ...] = attrs.field(default=(), converter=v.tuple_of)
    templates: tuple[TableTemplate, ...] = attrs.field(converter=v.tuple_of)
    links: tuple[Link, ...] = attrs.field(default=(), converter=v.tuple_of)  #: identities across tables
    #: other orders the same tables are published in, each every table key once (the central template prints
    #: 三公 last): a report in one of them is in order too
    other_orders: tuple[tuple[str, ...], ...] = attrs.field(default=(), converter=_orders)

    def __attrs_post_init__(self) -> None:
        keys = [t.key for t in self.templates]
        _unique(keys, "table", "templates")
        for i, order in enumerate(self.other_orders):
            if sorted(order) != sorted(keys):
                raise ModelError("an order names each table of the set once", f"other_orders[{i}]")
        for i, link in enumerate(self.links):
            for ref in (*link.left, *link.right, *link.unless):
                table, row, column = Link._parts(ref)
                try:
                    template = self.template(table)
                except KeyError:
                    raise ModelError(f"{ref}: no table {table!r} in the set", f"links[{i}]") from None
                columns = {c.key for c in (*template.columns, *template.income_columns)}
                if column not in columns:
                    raise ModelError(f"{ref}: {template.title} has no column {column!r}", f"links[{i}]")
                if row not in _LEVELS and not _is_code(row) and template.line(row) is None:
                    raise ModelError(f"{ref}: {template.title} has no line {row!r}", f"links[{i}]")

    def __len__(self) -> int:
        return len(self.templates)

    def in_order(self, keys: Sequence[str]) -> bool:
        """Whether tables printed in the order ``keys`` (some of the set's, maybe not all) follow the set's order or
        one of its ``other_orders``. An optional table (printed by some provinces only, each where it likes: Yunnan's
        项目支出 表七 after 基本支出, in either order of 三公 and 政府性基金) is held to no place.

        >>> s = table_set("national-2024")
        >>> s.in_order(["summary", "income", "three_public", "government_fund"]), s.in_order(["income", "summary"])
        (True, False)
        >>> s.in_order(["general_budget_expenditure", "government_fund", "state_capital", "three_public"])
        True
        >>> s.in_order(["basic_expenditure", "general_budget_project", "three_public", "government_fund"])
        True
        """
        optional = {t.key for t in self.templates if t.optional}
        keys = [key for key in keys if key not in optional]
        orders = ([t.key for t in self.templates], *self.other_orders)
        return any([key for key in order if key in keys] == keys for order in orders)

    def template(self, key: str) -> TableTemplate:
        """The template of table ``key``, or KeyError."""
        for template in self.templates:
            if template.key == key:
                return template
        raise KeyError(key)


class TableSetError(BudgetkitError, KeyError):
    """A table set name that is neither shipped nor loaded."""


_SHIPPED: Final = MappingProxyType({"national-2024": "national-2024.toml", "sichuan-2023": "sichuan-2023.toml"})


def _structure_set(data: Any, source: str) -> TableSet:
    if not isinstance(data, dict):
        raise LoadError(source, [LoadIssue("$", "the top level must be a table")])
    issues: list[LoadIssue] = []
    templates: list[TableTemplate] = []
    for i, raw in enumerate(data.get("tables", [])):
        path = f"$.tables[{i}]"
        try:
            fields = dict(raw)
            for name in ("columns", "income_columns"):
                fields[name] = tuple(Column(**c) for c in fields.get(name, ()))
            fields["lines"] = tuple(Line(**line) for line in fields.get("lines", ()))
            templates.append(TableTemplate(**fields))
        except ModelError as exc:
            issues.append(LoadIssue(f"{path}.{exc.path}" if exc.path else path, exc.message))
        except (TypeError, ValueError) as exc:
            issues.append(LoadIssue(path, f"invalid table template: {exc}"))
    links: list[Link] = []
    for i, raw in enumerate(data.get("links", [])):
        try:
            links.append(Link(**dict(raw)))
        except ModelError as exc:
            issues.append(LoadIssue(f"$.links[{i}]", exc.message))
        except (TypeError, ValueError) as exc:
            issues.append(LoadIssue(f"$.links[{i}]", f"invalid identity: {exc}"))
    rest = {k: val for k, val in data.items() if k not in ("tables", "links")}
    if issues:
        raise LoadError(source, issues)
    try:
        return TableSet(**rest, templates=tuple(templates), links=tuple(links))
    except ModelError as exc:
        raise LoadError(source, [LoadIssue(f"$.{exc.path}" if exc.path else "$", exc.message)]) from None
    except TypeError as exc:
        raise LoadError(source, [LoadIssue("$", f"invalid table set: {exc}")]) from None


def load_table_set(path: str | Path) -> TableSet:
    """Read a table set from a TOML file shaped like the shipped ones (``data/table_sets/*.toml``).

    >>> import pathlib, tempfile
    >>> file = pathlib.Path(tempfile.mkdtemp()) / "mine.toml"
    >>> _ = file.write_text('name = "mine"\\ntitle = "自定义"\\n[[tables]]\\nkey = "summary"\\nnumber = "一"\\n'
    ...     'title = "收入支出决算总表"\\ncolumns = [{key = "amount", name = "决算数"}]\\n', encoding="utf-8")
    >>> load_table_set(file).template("summary").columns[0].name
    '决算数'
    """
    file = Path(path)
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise LoadError(str(file), [LoadIssue("$", f"cannot read the file: {exc.strerror or exc}")]) from None
    except tomllib.TOMLDecodeError as exc:
        raise LoadError(str(file), [LoadIssue("$", f"not valid TOML: {exc}")]) from None
    return _structure_set(data, str(file))


@functools.cache
def _shipped(filename: str) -> TableSet:
    text = (resources.files("budgetkit") / "data" / "table_sets" / filename).read_text(encoding="utf-8")
    return _structure_set(tomllib.loads(text), f"budgetkit table set {filename}")


def table_set_names() -> tuple[str, ...]:
    """The names of the shipped table sets (aliases not included).

    >>> table_set_names()
    ('national-2024', 'sichuan-2023')
    """
    return tuple(_SHIPPED)


def table_set(name: str) -> TableSet:
    """The shipped table set called ``name`` (or one of its aliases), or :class:`TableSetError`.

    >>> table_set("shanghai-2024").name
    'national-2024'
    >>> table_set("tibet-1999")
    Traceback (most recent call last):
    ...
    budgetkit.model.tables.TableSetError: "no shipped table set named 'tibet-1999'; shipped: national-2024, sichuan-2023"
    """
    if name in _SHIPPED:
        return _shipped(_SHIPPED[name])
    for filename in _SHIPPED.values():
        shipped = _shipped(filename)
        if name in shipped.aliases:
            return shipped
    raise TableSetError(f"no shipped table set named {name!r}; shipped: {', '.join(_SHIPPED)}")


@attrs.frozen(kw_only=True)
class Row:
    """A printed row: its key (a classification code or a template line key), printed name and cells.

    ``number`` is a printed enumerator ("八、"); ``side`` is the half of a
    two-sided table. The cells follow the table's columns for that side, in order.

    >>> row = Row(key="2080501", name="行政单位离退休", cells=("54.53", "54.53", ""))
    >>> row.level, row.parent_code, row.cells[2].is_blank
    (<Level.ITEM: '项'>, '20805', True)
    """

    key: str = attrs.field()
    name: str
    cells: tuple[Cell, ...] = attrs.field(default=(), converter=_cells)
    number: str = ""
    side: Side | None = attrs.field(default=None, converter=_side)

    @key.validator
    def _key(self, attribute: Any, value: Any) -> None:
        try:
            _check_key(value, "row key")
        except ModelError as exc:
            raise ModelError(exc.message, "key") from None

    @property
    def code(self) -> str | None:
        """The classification code, or ``None`` for a template line."""
        return self.key if _is_code(self.key) else None

    @property
    def level(self) -> Level | None:
        """类, 款 or 项 by the length of the code; ``None`` for a template line."""
        return Level.of_code(self.key) if _is_code(self.key) else None

    @property
    def parent_code(self) -> str | None:
        """The code of the parent row (``None`` for a 类 or a template line)."""
        return self.key[:-2] if _is_code(self.key) and len(self.key) > 3 else None


@attrs.frozen(kw_only=True)
class Table:
    """One table as a report printed it: key, number, printed title, column keys, rows and notes.

    ``columns`` (and ``income_columns`` for 表一 and 表四) list the printed
    columns by key, in order; every row has one cell per column of its side.
    ``empty_note`` keeps the printed statement of an empty table ("本表无数据").

    >>> Table(key="three_public", number="七", title="财政拨款“三公”经费支出决算表", columns=("budget", "actual"),
    ...     rows=(Row(key="three_public.total", name="合计", cells=("2.85",)),))
    Traceback (most recent call last):
    ...
    budgetkit.errors.ModelError: rows[0].cells: 1 cell for 2 columns (budget, actual)
    """

    key: str
    number: str = ""
    title: str = ""
    unit: str = "万元"
    columns: tuple[str, ...] = attrs.field(converter=v.tuple_of)
    income_columns: tuple[str, ...] = attrs.field(default=(), converter=v.tuple_of)
    rows: tuple[Row, ...] = attrs.field(default=(), converter=v.tuple_of)
    notes: tuple[str, ...] = attrs.field(default=(), converter=v.tuple_of)  #: printed 注 and 说明
    empty_note: str = ""  #: the printed statement that the table is empty

    def __attrs_post_init__(self) -> None:
        _check_key(self.key, "table key")
        _unique(list(self.columns), "column", "columns")
        _unique(list(self.income_columns), "column", "income_columns")
        _unique([row.key for row in self.rows], "row", "rows")
        for i, row in enumerate(self.rows):
            columns = self.columns_of(row.side)
            if row.side is Side.INCOME and not self.income_columns:
                raise ModelError("an income row in a table without income columns", f"rows[{i}].side")
            if len(row.cells) != len(columns):
                raise ModelError(
                    f"{len(row.cells)} cell{'s' if len(row.cells) != 1 else ''} for {len(columns)} columns "
                    f"({', '.join(columns)})",
                    f"rows[{i}].cells",
                )

    def columns_of(self, side: Side | None) -> tuple[str, ...]:
        """The column keys of the rows on ``side``."""
        return self.income_columns if side is Side.INCOME else self.columns

    @property
    def is_empty(self) -> bool:
        """Whether the table prints no row with a number (only blanks, or no rows)."""
        return all(cell.is_blank for row in self.rows for cell in row.cells)

    def row(self, key: str) -> Row | None:
        """The row ``key``, or ``None`` when the table does not print it."""
        return next((row for row in self.rows if row.key == key), None)

    def cell(self, row: str, column: str) -> Cell | None:
        """The cell at (``row``, ``column``), or ``None`` when absent (row or column not printed)."""
        found = self.row(row)
        if found is None:
            return None
        columns = self.columns_of(found.side)
        return found.cells[columns.index(column)] if column in columns else None

    def children(self, code: str) -> tuple[Row, ...]:
        """The rows whose parent code is ``code`` (款 of a 类, 项 of a 款), in printed order."""
        return tuple(row for row in self.rows if row.parent_code == code)

    def kind(self, row: Row, template: TableTemplate | None = None) -> RowKind:
        """What ``row`` is: 类/款/项 by its code, else the kind of the template line (LINE by default)."""
        if row.level is not None:
            return _LEVEL_KIND[row.level]
        line = template.line(row.key) if template is not None else None
        return line.kind if line is not None else RowKind.LINE


@attrs.frozen
class Place:
    """Where a figure is printed: a table, a row and a column.

    >>> str(Place("income", "208", "fiscal"))
    'income[208].fiscal'
    """

    table: str
    row: str
    column: str

    def __str__(self) -> str:
        return f"{self.table}[{self.row}].{self.column}"


@attrs.frozen
class Printing:
    """One printing of a figure: its place and the printed cell.

    >>> p = Printing(Place("summary", "210", "amount"), Cell("236.63"))
    >>> str(p.place), p.cell.places
    ('summary[210].amount', 2)
    """

    place: Place
    cell: Cell


@attrs.frozen(kw_only=True)
class Tables:
    """The tables a report prints, in printed order, with the set they follow and the 目录 lines.

    ``set`` names a table set (:func:`table_set`; blank when unknown); when it
    is a shipped set, each table's key and columns must be the template's.

    >>> t = Tables(set="national-2024", tables=(Table(key="summary", columns=("amount",)),))
    >>> t.template("summary").title
    '收入支出决算总表'
    >>> Tables(set="national-2024", tables=(Table(key="summery", columns=("amount",)),))
    Traceback (most recent call last):
    ...
    budgetkit.errors.ModelError: tables[0].key: table 'summery' is not in the table set national-2024 (summary, ...)
    """

    set: str = ""
    contents: tuple[str, ...] = attrs.field(default=(), converter=v.tuple_of)  #: the 目录 lines as printed
    tables: tuple[Table, ...] = attrs.field(default=(), converter=v.tuple_of)
    #: the keys of the tables the report prints but an import could not read (laid out otherwise than their
    #: template): published, so never missing, but with no figure to check
    unread: tuple[str, ...] = attrs.field(default=(), converter=v.tuple_of)

    def __attrs_post_init__(self) -> None:
        _unique([t.key for t in self.tables], "table", "tables")
        _unique(list(self.unread), "table", "unread")
        for i, key in enumerate(self.unread):
            if any(t.key == key for t in self.tables):
                raise ModelError(f"table {key!r} is both read and unread", f"unread[{i}]")
        shipped = self.template_set()
        if shipped is None:
            return
        for i, table in enumerate(self.tables):
            try:
                template = shipped.template(table.key)
            except KeyError:
                known = ", ".join(t.key for t in shipped.templates)
                raise ModelError(
                    f"table {table.key!r} is not in the table set {shipped.name} ({known})", f"tables[{i}].key"
                ) from None
            for field, side in (("columns", None), ("income_columns", Side.INCOME)):
                allowed = [c.key for c in template.columns_of(side)] if side is None or template.two_sided else []
                for j, column in enumerate(getattr(table, field)):
                    if column not in allowed:
                        raise ModelError(
                            f"column {column!r} is not a column of {template.title} ({', '.join(allowed) or 'none'})",
                            f"tables[{i}].{field}[{j}]",
                        )

    def __bool__(self) -> bool:
        return bool(self.tables or self.contents or self.set or self.unread)

    def template_set(self) -> TableSet | None:
        """The shipped table set named by ``set``, or ``None`` (blank or not shipped)."""
        if not self.set:
            return None
        try:
            return table_set(self.set)
        except TableSetError:
            return None

    def template(self, key: str) -> TableTemplate | None:
        """The template of table ``key`` in the shipped set, or ``None``."""
        shipped = self.template_set()
        if shipped is None:
            return None
        try:
            return shipped.template(key)
        except KeyError:
            return None

    def table(self, key: str) -> Table | None:
        """The printed table ``key``, or ``None`` when the report does not print it."""
        return next((t for t in self.tables if t.key == key), None)

    def cell(self, table: str, row: str, column: str) -> Cell | None:
        """The printed cell, or ``None`` when absent (table, row or column not printed)."""
        found = self.table(table)
        return None if found is None else found.cell(row, column)

    def at(self, place: Place) -> Cell | None:
        """The cell printed at ``place``, or ``None`` when absent."""
        return self.cell(place.table, place.row, place.column)

    def link_places(self, link: Link) -> Iterator[tuple[tuple[Place, ...], tuple[Place, ...]]]:
        """Every instance of ``link`` in these tables: once, or once per code of its level that a table prints.

        >>> t = Tables(set="national-2024", tables=(
        ...     Table(key="summary", columns=("amount",), income_columns=("amount",),
        ...           rows=(Row(key="210", name="卫生健康支出", side="expenditure", cells=("236.63",)),)),
        ...     Table(key="expenditure", columns=("year_total", "basic"),
        ...           rows=(Row(key="210", name="卫生健康支出", cells=("236.64", "236.64")),))))
        >>> link = t.template_set().links[1]
        >>> [(t.at(a[0]), t.at(b[0])) for a, b in t.link_places(link)]
        [(Cell('236.63'), Cell('236.64'))]
        """
        level = link.level
        if level is None:
            yield link.places()
            return
        codes: dict[str, None] = {}
        for table in self.tables:
            if table.key in link.tables():
                codes.update((row.key, None) for row in table.rows if row.code and len(row.code) == _LEVELS[level])
        for code in codes:
            yield link.places(code)

    def printings(self) -> Iterator[Printing]:
        """Every printed cell (blanks included) with its place, table by table, row by row.

        >>> t = Tables(tables=(Table(key="a", columns=("x",), rows=(Row(key="208", name="n", cells=("1.00",)),)),
        ...     Table(key="b", columns=("x",), rows=(Row(key="208", name="n", cells=("1.01",)),))))
        >>> [(str(p.place), p.cell.text) for p in t.printings() if p.place.row == "208"]
        [('a[208].x', '1.00'), ('b[208].x', '1.01')]
        """
        for table in self.tables:
            for row in table.rows:
                for column, cell in zip(table.columns_of(row.side), row.cells, strict=True):
                    yield Printing(Place(table.key, row.key, column), cell)

    def by_place(self) -> Mapping[Place, Cell]:
        """Every printed cell by its place (places are unique: a table's row keys are)."""
        return MappingProxyType({p.place: p.cell for p in self.printings()})


def parse_cell(text: str) -> Cell:
    """A cell from its printed text: digits (commas allowed), or blank.

    >>> parse_cell("1,092.80"), parse_cell("  ")
    (Cell('1092.80'), Cell(''))
    """
    cleaned = text.strip().replace(",", "")
    return Cell(to_decimal(cleaned) if cleaned else None)
