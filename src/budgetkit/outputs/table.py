"""Accounts, category trees, projects and indicators as pandas or Arrow tables (an edge module).

Four tables, each from the model objects it describes:

- ``"figures"``: a :class:`~budgetkit.model.account.FinalAccount`, one row per published
  :class:`~budgetkit.model.account.Figure` (path, label, current, previous, budget);
- ``"categories"``: :class:`~budgetkit.model.category.ExpenseCategory` trees, one row per
  类, 款 or 项 line, depth first (code, name, level, path, actual, budget, basic, project);
- ``"projects"``: :class:`~budgetkit.model.project.Project` objects, one row each with the 总额
  line of the money grid (code, name, kind, initial, adjusted, executed, execution rate);
- ``"indicators"``: :class:`~budgetkit.model.indicator.PerformanceIndicator` rows with their
  project and the rule score beside the stated one.

Column types:

- **Money and other exact numbers** (amounts in 万元, weights, scores, rates) are
  ``pd.ArrowDtype(pa.decimal128(p, s))`` — never float. The scale ``s`` is chosen
  per column, as the most decimal places any value in the column has, so the column
  holds every value exactly and prints as the report does (426.43, not
  426.430000000000). The precision ``p`` is sized to the data: the digits the
  widest value needs plus :data:`HEADROOM`, and at least :data:`MIN_PRECISION`.
  Arrow widens the type of every result (``a - b`` needs one digit more, ``a * b``
  and ``a / b`` about twice as many), so sized columns leave room for the
  arithmetic an analyst does — ``a - b``, ``a / b * 100``, ``a / a.sum()`` — within
  Arrow's 38 digits; frames of accounts of similar size share one type and stack
  with ``pd.concat``. A column needing more than 38 digits becomes
  ``decimal256(p, s)``. An empty or all-blank column has scale 2.
- Arrow divides by truncating, and pandas' ``round`` rounds half to even; the
  ``.bk`` accessor (:mod:`budgetkit.outputs.accessor`, registered when this module first
  builds or reads a frame) gives exact, half-up (四舍五入) columns instead:
  ``round_half_up``, ``change``, ``rate``, ``growth``, ``share``, ``cumsum``,
  ``mean``, ``std`` and ``describe``.
- A value printed with fewer places than its column's scale widens to it:
  ``Decimal("0.8")`` among two-place figures reads back as ``Decimal("0.80")`` —
  equal as a number, not as printed. ``places=True`` adds an ``int8`` column
  ``<column>_places`` after each decimal column with the places each value was
  printed with, so ``value.quantize(Decimal(1).scaleb(-places))`` gives back the
  printed digits. (For a digit-exact archive of a whole account use :mod:`budgetkit.io`.)
- Text is ``pd.ArrowDtype(pa.string())``, flags ``pa.bool_()``; a blank (unknown)
  value is ``<NA>``, never 0.
- Column labels are English identifiers by default (``labels="en"``) and the
  report's Chinese headings with ``labels="zh"`` (决算数, 预算执行率(%), 一级指标…).

Two years line up with :func:`compare` (this year's account beside last year's,
figure by figure, line by line or project by project), and :func:`write_excel`
writes any of these tables to an Excel workbook.

pandas and pyarrow are optional: :func:`to_frame` and :func:`read_parquet` need
``pip install 'budgetkit[pandas]'``, :func:`to_arrow` and :func:`write_parquet` need
``pip install 'budgetkit[arrow]'``, :func:`write_excel` ``pip install 'budgetkit[excel]'``;
without them a :class:`MissingExtraError` says so.

>>> from budgetkit.datasets import load
>>> account = load("zigong-hr-2023")
>>> lines = to_frame(account, "categories")
>>> lines.loc[lines["name"] == "事业运行", ["level", "actual"]].to_string(index=False)
'level  actual\\n    项  426.43'
>>> str(lines["actual"].dtype)
'decimal128(12, 2)[pyarrow]'
>>> list(to_frame(account.projects[:1], labels="zh").columns)
['项目编码', '项目名称', '项目类别', '年初预算数', '调整后预算数', '预算执行数', '预算执行率(%)']
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from os import PathLike
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, NamedTuple

import attrs

from budgetkit.checks.scoring import IndicatorScore, score_indicator, score_project
from budgetkit.errors import BudgetkitError, InvalidNumberError, MissingExtraError
from budgetkit.model.account import Figure, FinalAccount
from budgetkit.model.category import ExpenseCategory
from budgetkit.model.indicator import PerformanceIndicator
from budgetkit.model.paths import walk
from budgetkit.model.project import Project
from budgetkit.reference.vocabulary import FIGURE_LABELS
from budgetkit.values.money import Money

__all__ = [
    "EXCEL_DIGITS",
    "FIGURE_LABELS",
    "HEADROOM",
    "MIN_PRECISION",
    "TABLES",
    "CompareName",
    "Labels",
    "MissingExtraError",
    "PublishedFigure",
    "TableError",
    "TableName",
    "compare",
    "decimal_type",
    "published_figures",
    "read_parquet",
    "to_arrow",
    "to_frame",
    "write_excel",
    "write_parquet",
]

TableName = Literal["figures", "categories", "projects", "indicators"]
Labels = Literal["en", "zh"]
CompareName = Literal["figures", "categories", "projects"]

#: The tables this module builds.
TABLES: tuple[TableName, ...] = ("figures", "categories", "projects", "indicators")

#: Digits of room a decimal column keeps above what its values need: a sum of up to 1000 of them fits.
HEADROOM = 3
#: The smallest precision of a decimal column, so that the frames of accounts of similar size share one type.
MIN_PRECISION = 12
#: Most digits of decimal128; wider columns are decimal256 (76 digits).
_PRECISION = 38
_WIDE_PRECISION = 76
#: Scale of a decimal column with no value to choose one from (published 万元 figures).
_EMPTY_SCALE = 2


class TableError(BudgetkitError, TypeError):
    """An object, or a table name, that cannot be made into a table.

    >>> to_arrow("事业运行")
    Traceback (most recent call last):
    ...
    budgetkit.outputs.table.TableError: cannot tabulate a str; pass a FinalAccount, ExpenseCategory, Project or PerformanceIndicator (or a sequence of them)
    """


def _require(module: str, extra: str) -> Any:
    """Import an optional dependency, or raise :class:`MissingExtraError` naming its extra."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError(module.partition(".")[0], extra) from exc


def _pandas() -> Any:
    """pandas, with pyarrow, and the ``.bk`` accessor registered; or :class:`MissingExtraError` naming the extra."""
    pd = _require("pandas", "pandas")
    _require("pyarrow", "pandas")
    from budgetkit.outputs.accessor import register

    register()
    return pd


# -- published figures ------------------------------------------------------------------------

#: The Chinese name of every :class:`~budgetkit.model.account.Figure` of a final account, by path.


class PublishedFigure(NamedTuple):
    """A figure of a final account with its path (``income.total``) and Chinese label (收入总计)."""

    path: str
    label: str
    figure: Figure


def _walk_figures(node: attrs.AttrsInstance, prefix: str) -> Iterator[PublishedFigure]:
    for path, value in walk(node, prefix, sequences=False, leaves=(Figure,)):
        if isinstance(value, Figure):
            yield PublishedFigure(path, FIGURE_LABELS.get(path, path), value)


def published_figures(account: FinalAccount, *, blank: bool = False) -> tuple[PublishedFigure, ...]:
    """The account's figures in model order; those with nothing printed only when ``blank``.

    >>> from budgetkit.datasets import load
    >>> first = published_figures(load("zigong-hr-2023"))[0]
    >>> first.path, first.label, first.figure.current
    ('income.general_budget', '一般公共预算财政拨款收入', Money('1025.98'))
    """
    figures = _walk_figures(account, "")
    if blank:
        return tuple(figures)
    return tuple(f for f in figures if (f.figure.current, f.figure.previous, f.figure.budget) != (None, None, None))


# -- columns ----------------------------------------------------------------------------------

_ColumnKind = Literal["text", "decimal", "bool"]


class _Column(NamedTuple):
    name: str
    zh: str
    kind: _ColumnKind


def _columns(*spec: tuple[str, str, _ColumnKind]) -> tuple[_Column, ...]:
    return tuple(_Column(*item) for item in spec)


_SCHEMAS: Mapping[str, tuple[_Column, ...]] = MappingProxyType(
    {
        "figures": _columns(
            ("path", "路径", "text"),
            ("label", "项目", "text"),
            ("current", "本年数", "decimal"),
            ("previous", "上年数", "decimal"),
            ("budget", "预算数", "decimal"),
        ),
        "categories": _columns(
            ("code", "科目编码", "text"),
            ("name", "科目名称", "text"),
            ("level", "级次", "text"),
            ("path", "科目路径", "text"),
            ("actual", "决算数", "decimal"),
            ("budget", "预算数", "decimal"),
            ("basic", "基本支出", "decimal"),
            ("project", "项目支出", "decimal"),
        ),
        "projects": _columns(
            ("code", "项目编码", "text"),
            ("name", "项目名称", "text"),
            ("kind", "项目类别", "text"),
            ("initial", "年初预算数", "decimal"),
            ("adjusted", "调整后预算数", "decimal"),
            ("executed", "预算执行数", "decimal"),
            ("execution_rate_percent", "预算执行率(%)", "decimal"),
        ),
        "indicators": _columns(
            ("project_code", "项目编码", "text"),
            ("project_name", "项目名称", "text"),
            ("level1", "一级指标", "text"),
            ("level2", "二级指标", "text"),
            ("level3", "三级指标", "text"),
            ("operator", "指标性质", "text"),
            ("target", "指标值", "text"),
            ("unit", "度量单位", "text"),
            ("actual", "完成值", "text"),
            ("weight", "权重", "decimal"),
            ("stated_score", "得分", "decimal"),
            ("rule_score", "规则得分", "decimal"),
            ("matches", "得分一致", "bool"),
        ),
        "compare-figures": _columns(
            ("path", "路径", "text"),
            ("label", "项目", "text"),
            ("current", "本年数", "decimal"),
            ("previous", "上年数", "decimal"),
            ("stated_previous", "本年报告所列上年数", "decimal"),
        ),
        "compare-categories": _columns(
            ("code", "科目编码", "text"),
            ("name", "科目名称", "text"),
            ("level", "级次", "text"),
            ("path", "科目路径", "text"),
            ("current", "本年决算数", "decimal"),
            ("previous", "上年决算数", "decimal"),
        ),
        "compare-projects": _columns(
            ("code", "项目编码", "text"),
            ("name", "项目名称", "text"),
            ("kind", "项目类别", "text"),
            ("current", "本年预算执行数", "decimal"),
            ("previous", "上年预算执行数", "decimal"),
        ),
    }
)

#: Path segments joining a category line to its ancestors.
_PATH_SEPARATOR = " / "
#: Places of the rule score and the execution rate (scores and rates print with two).
_SHOWN_PLACES = 2

_Row = dict[str, object]


def _figure_rows(account: FinalAccount) -> list[_Row]:
    return [
        {
            "path": f.path,
            "label": f.label,
            "current": _amount(f.figure.current),
            "previous": _amount(f.figure.previous),
            "budget": _amount(f.figure.budget),
        }
        for f in published_figures(account)
    ]


def _amount(money: Money | None) -> Decimal | None:
    return None if money is None else money.amount


def _decimals(values: list[object]) -> list[Decimal | None]:
    """The values of a decimal column, checked: a float here would be a bug upstream."""
    checked: list[Decimal | None] = []
    for value in values:
        if value is not None and type(value) is not Decimal:
            raise TypeError(f"a decimal column holds Decimal or None, got {type(value).__name__}")
        checked.append(value)
    return checked


def _category_rows(categories: Iterable[ExpenseCategory]) -> list[_Row]:
    return [
        {
            "code": line.code,
            "name": line.name,
            "level": line.level.value,
            "path": _PATH_SEPARATOR.join(names),
            "actual": _amount(line.actual),
            "budget": _amount(line.budget),
            "basic": _amount(line.basic),
            "project": _amount(line.project),
        }
        for category in categories
        for line, names in category.walk_named()
    ]


def _project_rows(projects: Iterable[Project]) -> list[_Row]:
    rows: list[_Row] = []
    for p in projects:
        total = p.funds.total
        rows.append(
            {
                "code": p.code,
                "name": p.name,
                "kind": p.kind.value,
                "initial": _amount(total.initial),
                "adjusted": _amount(total.adjusted),
                "executed": _amount(total.executed),
                "execution_rate_percent": p.execution_rate.percent(_SHOWN_PLACES),
            }
        )
    return rows


def _indicator_row(project: Project | None, score: IndicatorScore) -> _Row:
    ind = score.indicator
    return {
        "project_code": None if project is None else project.code,
        "project_name": None if project is None else project.name,
        "level1": ind.level1,
        "level2": ind.level2,
        "level3": ind.level3,
        "operator": ind.operator.value,
        "target": ind.target,
        "unit": ind.unit or None,
        "actual": ind.actual,
        "weight": ind.weight,
        "stated_score": ind.stated_score,
        "rule_score": score.rule_rounded(_SHOWN_PLACES),
        "matches": score.matches,
    }


def _indicator_rows(items: Iterable[Project | PerformanceIndicator]) -> list[_Row]:
    rows: list[_Row] = []
    for item in items:
        if isinstance(item, Project):
            rows += [_indicator_row(item, score) for score in score_project(item).indicators]
        else:
            rows.append(_indicator_row(None, score_indicator(item)))
    return rows


# -- choosing the table -----------------------------------------------------------------------

_MODEL_TYPES = (FinalAccount, ExpenseCategory, Project, PerformanceIndicator)
_DEFAULT_TABLE: Mapping[type, TableName] = MappingProxyType(
    {FinalAccount: "figures", ExpenseCategory: "categories", Project: "projects", PerformanceIndicator: "indicators"}
)


def _items(obj: object) -> tuple[object, ...]:
    if isinstance(obj, _MODEL_TYPES):
        return (obj,)
    if isinstance(obj, (str, bytes)) or not isinstance(obj, Iterable):
        raise TableError(
            f"cannot tabulate a {type(obj).__name__}; pass a FinalAccount, ExpenseCategory, Project "
            "or PerformanceIndicator (or a sequence of them)"
        )
    items = tuple(obj)
    kinds = {type(item) for item in items}
    if not kinds <= set(_MODEL_TYPES) or len(kinds) > 1 or FinalAccount in kinds:
        names = ", ".join(sorted(k.__name__ for k in kinds))
        raise TableError(
            f"cannot tabulate a sequence of {names}; a sequence holds ExpenseCategory, Project or "
            "PerformanceIndicator objects of one kind"
        )
    return items


def _rows(obj: object, table: TableName | None) -> tuple[TableName, list[_Row]]:
    items = _items(obj)
    if table is not None and table not in TABLES:
        raise TableError(f"unknown table {table!r}; known: {', '.join(TABLES)}")
    if not items:
        if table is None:
            raise TableError("cannot tell which table an empty sequence is; pass table=")
        return table, []
    kind = type(items[0])
    chosen = _DEFAULT_TABLE[kind] if table is None else table
    if kind is FinalAccount:
        account = items[0]
        assert isinstance(account, FinalAccount)
        builders: dict[str, Callable[[], list[_Row]]] = {
            "figures": lambda: _figure_rows(account),
            "categories": lambda: _category_rows(account.general_budget.categories),
            "projects": lambda: _project_rows(account.projects),
            "indicators": lambda: _indicator_rows(account.projects),
        }
        return chosen, builders[chosen]()
    if chosen == "categories" and kind is ExpenseCategory:
        return chosen, _category_rows(i for i in items if isinstance(i, ExpenseCategory))
    if chosen == "projects" and kind is Project:
        return chosen, _project_rows(i for i in items if isinstance(i, Project))
    if chosen == "indicators" and kind in (Project, PerformanceIndicator):
        return chosen, _indicator_rows(i for i in items if isinstance(i, (Project, PerformanceIndicator)))
    raise TableError(f"a {kind.__name__} has no {chosen!r} table")


# -- Arrow types ------------------------------------------------------------------------------


def _shape(value: Decimal) -> tuple[int, int]:
    """(digits before the point, places after it) of a finite Decimal."""
    _sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    return max(len(digits) + exponent, 1), max(-exponent, 0)


def _places(value: Decimal) -> int:
    return _shape(value)[1]


def decimal_type(values: Iterable[Decimal | None]) -> Any:
    """The Arrow decimal type of a column holding ``values`` exactly, sized to them with room for arithmetic.

    The scale is the most places of any value; the precision is the digits the
    widest value needs plus :data:`HEADROOM`, at least :data:`MIN_PRECISION`.

    >>> decimal_type([Decimal("426.43"), Decimal("0.8"), None])
    Decimal128Type(decimal128(12, 2))
    >>> decimal_type([Decimal("0.059979")]), decimal_type([]), decimal_type([Decimal("123456789012.5")])
    (Decimal128Type(decimal128(12, 6)), Decimal128Type(decimal128(12, 2)), Decimal128Type(decimal128(16, 1)))
    """
    pa = _require("pyarrow", "arrow")
    whole, scale, seen = 1, 0, False
    for value in values:
        if value is None:
            continue
        digits, places = _shape(value)
        whole, scale, seen = max(whole, digits), max(scale, places), True
    if not seen:
        scale = _EMPTY_SCALE
    needed = whole + scale
    if needed > _WIDE_PRECISION:
        raise InvalidNumberError(
            f"{whole} integer digits and {scale} places",
            f"a column needs at most {_WIDE_PRECISION} digits to be held exactly in Arrow",
        )
    precision = min(max(needed + HEADROOM, MIN_PRECISION), _WIDE_PRECISION)
    if precision <= _PRECISION:
        return pa.decimal128(precision, scale)
    return pa.decimal256(precision, scale)


def _arrow_table(table: str, rows: list[_Row], labels: Labels, places: bool) -> Any:
    pa = _require("pyarrow", "arrow")
    if labels not in ("en", "zh"):
        raise TableError(f"labels is 'en' or 'zh', not {labels!r}")
    names: list[str] = []
    arrays: list[Any] = []
    for column in _SCHEMAS[table]:
        values = [row[column.name] for row in rows]
        label = column.zh if labels == "zh" else column.name
        if column.kind == "text":
            arrays.append(pa.array(values, pa.string()))
        elif column.kind == "bool":
            arrays.append(pa.array(values, pa.bool_()))
        else:
            decimals = _decimals(values)
            arrays.append(pa.array(decimals, decimal_type(decimals)))
            if places:
                names.append(label)
                arrays.append(pa.array([None if v is None else _places(v) for v in decimals], pa.int8()))
                label = f"{label}小数位数" if labels == "zh" else f"{label}_places"
        names.append(label)
    metadata = {"budgetkit.outputs.table": table, "budgetkit.money_unit": "万元"}
    return pa.Table.from_arrays(arrays, names=names, metadata=metadata)


# -- public API -------------------------------------------------------------------------------


def to_arrow(obj: object, table: TableName | None = None, *, labels: Labels = "en", places: bool = False) -> Any:
    """A ``pyarrow.Table`` of ``obj``: the same columns and types as :func:`to_frame`.

    ``table`` picks one of :data:`TABLES`; by default a FinalAccount gives
    ``"figures"``, category lines ``"categories"``, projects ``"projects"`` and
    indicators ``"indicators"``. A FinalAccount gives any of the four (its lines,
    projects, or all its projects' indicators); projects also give ``"indicators"``.

    >>> from budgetkit.datasets import load
    >>> t = to_arrow(load("zigong-hr-2023"), "projects")
    >>> t.num_rows, str(t.schema.field("executed").type)
    (9, 'decimal128(12, 2)')
    """
    name, rows = _rows(obj, table)
    return _arrow_table(name, rows, labels, places)


def to_frame(obj: object, table: TableName | None = None, *, labels: Labels = "en", places: bool = False) -> Any:
    """A pandas DataFrame of ``obj`` with exact decimal money columns (see the module notes).

    >>> from budgetkit.datasets import load
    >>> df = to_frame(load("zigong-hr-2023"))
    >>> df.loc[df["path"] == "income.total", ["label", "current", "previous"]].to_string(index=False)
    'label current previous\\n 收入总计 1054.90   988.88'
    >>> df["current"].dtype.pyarrow_dtype
    Decimal128Type(decimal128(12, 2))
    """
    pd = _pandas()
    return to_arrow(obj, table, labels=labels, places=places).to_pandas(types_mapper=pd.ArrowDtype)


def write_parquet(
    obj: object,
    path: str | PathLike[str],
    table: TableName | None = None,
    *,
    labels: Labels = "en",
    places: bool = False,
) -> Path:
    """Write the table of ``obj`` (as :func:`to_arrow` builds it) to a Parquet file; return its path.

    >>> import tempfile
    >>> from budgetkit.datasets import load
    >>> with tempfile.TemporaryDirectory() as d:
    ...     target = write_parquet(load("zigong-hr-2023"), Path(d) / "figures.parquet")
    ...     read_parquet(target).equals(to_frame(load("zigong-hr-2023")))
    True
    """
    pq = _require("pyarrow.parquet", "arrow")
    target = Path(path)
    pq.write_table(to_arrow(obj, table, labels=labels, places=places), target)
    return target


# -- Excel ---------------------------------------------------------------------------------------

#: Sheet names of an account's tables in an Excel workbook, by label language.
_SHEETS: Mapping[str, Mapping[TableName, str]] = MappingProxyType(
    {
        "en": MappingProxyType({t: t for t in TABLES}),
        "zh": MappingProxyType(
            {"figures": "主要数据", "categories": "功能分类", "projects": "项目", "indicators": "绩效指标"}
        ),
    }
)
#: Significant digits an Excel number holds (a binary float); longer values are written as text, not rounded.
EXCEL_DIGITS = 15


def _excel_cell(value: object) -> object:
    if value is None or value is _pandas().NA:
        return None
    if isinstance(value, Decimal) and len(value.as_tuple().digits) > EXCEL_DIGITS:
        return str(value)  # Excel would round it to 15 digits: keep every digit as text
    return value


def _number_format(scale: int) -> str:
    return "#,##0" + ("." + "0" * scale if scale else "")


def write_excel(
    obj: object,
    path: str | PathLike[str],
    tables: Iterable[TableName] | None = None,
    *,
    labels: Labels = "zh",
) -> Path:
    """Write tables to an Excel workbook (``.xlsx``), one sheet each; return its path.

    ``obj`` is what :func:`to_frame` takes — a FinalAccount gives a sheet for each
    of ``tables`` (all four by default), other objects their one table — or a
    mapping of sheet names to DataFrames (e.g. from :func:`compare`). Money cells
    are Excel numbers shown with the places of their column (``#,##0.00``); as
    Excel keeps numbers as binary floats of 15 significant digits, a longer value
    is written as text instead of being rounded. Blank values are empty cells.
    Needs the ``excel`` extra (openpyxl).

    >>> import tempfile
    >>> from budgetkit.datasets import load
    >>> from openpyxl import load_workbook
    >>> with tempfile.TemporaryDirectory() as d:
    ...     book = load_workbook(write_excel(load("zigong-hr-2023"), Path(d) / "决算.xlsx"))
    >>> book.sheetnames
    ['主要数据', '功能分类', '项目', '绩效指标']
    >>> [cell.value for cell in book["项目"][1]][:4]
    ['项目编码', '项目名称', '项目类别', '年初预算数']
    >>> book["项目"]["E2"].number_format
    '#,##0.00'
    """
    openpyxl = _require("openpyxl", "excel")
    pa = _require("pyarrow", "pandas")
    if isinstance(obj, Mapping):
        frames = dict(obj)
    else:
        chosen = _rows(obj, None)[0] if tables is None and not isinstance(obj, FinalAccount) else None
        names = [chosen] if chosen is not None else list(TABLES if tables is None else tables)
        sheets = _SHEETS.get(labels, _SHEETS["en"])
        frames = {sheets.get(name, name): to_frame(obj, name, labels=labels) for name in names}
    book = openpyxl.Workbook()
    book.remove(book.active)
    for sheet_name, frame in frames.items():
        sheet = book.create_sheet(str(sheet_name)[:31])  # Excel's limit on a sheet name
        sheet.append([str(c) for c in frame.columns])
        for row in frame.itertuples(index=False, name=None):
            sheet.append([_excel_cell(v) for v in row])
        for i, name in enumerate(frame.columns, start=1):
            arrow = getattr(frame[name].dtype, "pyarrow_dtype", None)
            if arrow is not None and pa.types.is_decimal(arrow):
                number_format = _number_format(arrow.scale)
                for (cell,) in sheet.iter_rows(min_row=2, min_col=i, max_col=i):
                    cell.number_format = number_format
        sheet.freeze_panes = "A2"
    target = Path(path)
    book.save(target)
    return target


# -- two years ---------------------------------------------------------------------------------


def _lined_up(
    current: list[_Row], previous: list[_Row], keys: tuple[str, ...], fields: tuple[str, ...], amount: str
) -> list[_Row]:
    """Rows of ``current`` with the matching row of ``previous`` beside them; rows only last year follow.

    Rows match on the first of ``keys`` both rows have a value for (a code, then a name path).
    """
    index: dict[tuple[str, object], int] = {}
    for i, row in enumerate(previous):
        for key in keys:
            if row[key] is not None:
                index.setdefault((key, row[key]), i)
    used: set[int] = set()
    lined: list[_Row] = []
    for row in current:
        match = next(
            (
                index[(key, row[key])]
                for key in keys
                if row[key] is not None and (key, row[key]) in index and index[(key, row[key])] not in used
            ),
            None,
        )
        before = None if match is None else previous[match]
        if match is not None:
            used.add(match)
        lined.append({**{f: row[f] for f in fields}, "current": row[amount], "previous": _get(before, amount)})
    for i, row in enumerate(previous):
        if i not in used:
            lined.append({**{f: row[f] for f in fields}, "current": None, "previous": row[amount]})
    return lined


def _get(row: _Row | None, field: str) -> object:
    return None if row is None else row[field]


def compare(
    current: FinalAccount, previous: FinalAccount, table: CompareName = "figures", *, labels: Labels = "en"
) -> Any:
    """Two years lined up from two accounts: this year's amounts beside last year's, one row per line.

    ``table`` is ``"figures"`` (by path; ``stated_previous`` is the comparative the
    later report prints, so a restated figure shows), ``"categories"`` (类/款/项
    lines, matched by code where both years give one, else by their name path) or
    ``"projects"`` (the 预算执行数 of the 总额 line, matched by code, else by name). A
    line of one year only has a blank on the other side, never 0. Columns are
    exact decimals, so ``frame["current"].bk.change(frame["previous"])`` gives the
    增减额 and ``.bk.growth(...)`` the 增长率.

    >>> from budgetkit.model.account import Figure, Income
    >>> from budgetkit.datasets import load
    >>> this_year = load("zigong-hr-2023")
    >>> last_year = FinalAccount(unit=this_year.unit, year=2022, unit_type="公益一类事业单位",
    ...     income=Income(total=Figure("988.88")))
    >>> both = compare(this_year, last_year).set_index("path")
    >>> both.loc["income.total", ["current", "previous", "stated_previous"]].tolist()
    [Decimal('1054.90'), Decimal('988.88'), Decimal('988.88')]
    >>> both["current"].bk.growth(both["previous"])["income.total"]
    Decimal('6.68')
    """
    if not isinstance(current, FinalAccount) or not isinstance(previous, FinalAccount):
        raise TableError(
            f"compare takes two FinalAccount objects, not a {type(current).__name__} and a {type(previous).__name__}"
        )
    if previous.year >= current.year:
        raise TableError(
            f"compare(current, previous): the previous account is for {previous.year}, "
            f"not a year before the current {current.year}"
        )
    if table == "figures":
        earlier = {f.path: _amount(f.figure.current) for f in published_figures(previous)}
        rows: list[_Row] = [
            {
                "path": f.path,
                "label": f.label,
                "current": _amount(f.figure.current),
                "previous": earlier.get(f.path),
                "stated_previous": _amount(f.figure.previous),
            }
            for f in published_figures(current, blank=True)
            if f.figure.current is not None or f.figure.previous is not None or f.path in earlier
        ]
    elif table == "categories":
        rows = _lined_up(
            _category_rows(current.general_budget.categories),
            _category_rows(previous.general_budget.categories),
            ("code", "path"),
            ("code", "name", "level", "path"),
            "actual",
        )
    elif table == "projects":
        rows = _lined_up(
            _project_rows(current.projects),
            _project_rows(previous.projects),
            ("code", "name"),
            ("code", "name", "kind"),
            "executed",
        )
    else:
        raise TableError(f"compare has no table {table!r}; known: figures, categories, projects")
    frame = _arrow_table(f"compare-{table}", rows, labels, False).to_pandas(types_mapper=_pandas().ArrowDtype)
    frame.attrs["years"] = (current.year, previous.year)
    return frame


def read_parquet(path: str | PathLike[str]) -> Any:
    """Read a Parquet file written by :func:`write_parquet` back into the frame :func:`to_frame` gives."""
    pd = _pandas()
    pq = _require("pyarrow.parquet", "pandas")
    return pq.read_table(Path(path)).to_pandas(types_mapper=pd.ArrowDtype)
