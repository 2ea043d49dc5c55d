"""Fiscal Data Package export: a final account as CSV files and a ``datapackage.json`` (an edge module).

A `Fiscal Data Package <https://specs.frictionlessdata.io/fiscal-data-package/>`_ is
a Tabular Data Package whose descriptor adds a ``model``: *measures* name the
money columns with their currency, factor, direction and budget phase, and
*dimensions* name what the rows are classified by. The package written here
follows the model of version 0.3 of the spec (the one OpenSpending reads):

- ``income-expenditure.csv`` — the published figures of the account
  (收入, 支出, 财政拨款, 一般公共预算, "三公"经费, 机关运行经费, 政府采购), one row per
  figure and year: the report's year, and the year before for its comparatives.
  Measures ``revenue`` / ``expenditure`` (executed) and ``revenue_budget`` /
  ``expenditure_budget`` (the 预算数, phase adjusted); a figure of the income side
  fills the revenue columns, every other the expenditure ones, and
  财政拨款收、支总计 both, as the table prints it on both sides.
- ``general-budget-lines.csv`` — 一般公共预算财政拨款支出 by functional classification
  (支出功能分类), every 类, 款 and 项 line as printed. Rows repeat the tree: a 类 row
  includes its 款 and 项 rows, so sum one ``level`` only.
- ``projects.csv`` — each project's 总额 line: 年初预算 (phase approved), 调整后预算
  (adjusted) and 预算执行数 (executed).

Amounts are in 万元, so every measure has currency ``CNY`` and factor ``10000``. The
预算数 of a figure or line is the budget in force at year end (年初预算 plus
adjustments), hence phase ``adjusted``. Numbers are written as plain decimal
strings exactly as printed (``0.8`` stays ``0.8``); a blank cell is unknown, never
0. :func:`read_fiscal_data_package` reads a package back into rows of exact
``Decimal`` values, equal to :func:`fiscal_rows`.

>>> import tempfile
>>> from budgetkit.datasets import load
>>> account = load("zigong-hr-2023")
>>> with tempfile.TemporaryDirectory() as d:
...     descriptor = write_fiscal_data_package(account, d)
...     rows = read_fiscal_data_package(d)
>>> descriptor.name, rows == fiscal_rows(account)
('datapackage.json', True)
>>> [row["actual"] for row in rows["general-budget-lines"] if row["name"] == "事业运行"]
[Decimal('426.43')]
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from decimal import Decimal
from os import PathLike
from pathlib import Path
from typing import Any, Literal, NamedTuple

from budgetkit.errors import BudgetkitError, LoadError, LoadIssue
from budgetkit.model.account import FinalAccount
from budgetkit.model.category import ExpenseCategory
from budgetkit.outputs.table import published_figures
from budgetkit.values.money import Money
from budgetkit.values.numbers import to_decimal

__all__ = [
    "CURRENCY",
    "DESCRIPTOR",
    "FACTOR",
    "RESOURCES",
    "Row",
    "fiscal_rows",
    "read_fiscal_data_package",
    "write_fiscal_data_package",
]

#: The file name of the package descriptor.
DESCRIPTOR = "datapackage.json"
#: ISO 4217 code of every amount.
CURRENCY = "CNY"
#: Amounts are in 万元: multiply by this to get 元.
FACTOR = 10000

FieldType = Literal["string", "integer", "number"]
Direction = Literal["revenue", "expenditure"]
Phase = Literal["approved", "adjusted", "executed"]
#: A row of a resource: column name → ``str``, ``int``, exact ``Decimal`` or ``None`` (blank).
Row = dict[str, object]


class _Field(NamedTuple):
    name: str
    type: FieldType
    title: str
    #: (direction, phase) when the column is a measure
    measure: tuple[Direction, Phase] | None = None


class _Dimension(NamedTuple):
    key: str
    dimension_type: str
    #: attribute name → (source column, the attribute it labels, or "")
    attributes: tuple[tuple[str, str, str], ...]
    primary_key: tuple[str, ...]
    classification_type: str = ""


class _Resource(NamedTuple):
    name: str
    title: str
    fields: tuple[_Field, ...]
    dimensions: tuple[_Dimension, ...]


def _year_dimension(resource: str) -> _Dimension:
    return _Dimension(f"{resource}-year", "datetime", (("year", "year", ""),), ("year",))


_SUMMARY = _Resource(
    name="income-expenditure",
    title="收入支出决算（本年及上年）",
    fields=(
        _Field("year", "integer", "年度"),
        _Field("item", "string", "路径"),
        _Field("label", "string", "项目"),
        _Field("revenue", "number", "收入决算数", ("revenue", "executed")),
        _Field("revenue_budget", "number", "收入预算数", ("revenue", "adjusted")),
        _Field("expenditure", "number", "支出决算数", ("expenditure", "executed")),
        _Field("expenditure_budget", "number", "支出预算数", ("expenditure", "adjusted")),
    ),
    dimensions=(
        _Dimension("item", "other", (("item", "item", ""), ("label", "label", "item")), ("item",)),
        _year_dimension("income-expenditure"),
    ),
)
_LINES = _Resource(
    name="general-budget-lines",
    title="一般公共预算财政拨款支出（按支出功能分类科目）",
    fields=(
        _Field("year", "integer", "年度"),
        _Field("level", "string", "级次"),
        _Field("code", "string", "科目编码"),
        _Field("name", "string", "科目名称"),
        _Field("path", "string", "科目路径"),
        _Field("printed", "string", "公开的科目全称"),
        _Field("actual", "number", "决算数", ("expenditure", "executed")),
        _Field("budget", "number", "预算数", ("expenditure", "adjusted")),
        _Field("basic", "number", "基本支出", ("expenditure", "executed")),
        _Field("project", "number", "项目支出", ("expenditure", "executed")),
    ),
    dimensions=(
        _Dimension(
            "functional-classification",
            "classification",
            (("code", "code", ""), ("name", "name", "code"), ("level", "level", ""), ("path", "path", "")),
            ("path",),
            classification_type="functional",
        ),
        _year_dimension("general-budget-lines"),
    ),
)
_PROJECTS = _Resource(
    name="projects",
    title="项目支出（总额）",
    fields=(
        _Field("year", "integer", "年度"),
        _Field("project_code", "string", "项目编码"),
        _Field("project_name", "string", "项目名称"),
        _Field("kind", "string", "项目类别"),
        _Field("initial", "number", "年初预算数", ("expenditure", "approved")),
        _Field("adjusted", "number", "调整后预算数", ("expenditure", "adjusted")),
        _Field("executed", "number", "预算执行数", ("expenditure", "executed")),
    ),
    dimensions=(
        _Dimension(
            "project",
            "activity",
            (("id", "project_code", ""), ("title", "project_name", "id"), ("kind", "kind", "")),
            ("id", "title"),
        ),
        _year_dimension("projects"),
    ),
)

_ALL = (_SUMMARY, _LINES, _PROJECTS)
#: The resources a package holds, in order.
RESOURCES: tuple[str, ...] = tuple(r.name for r in _ALL)


# -- rows -------------------------------------------------------------------------------------


def _amount(money: Money | None) -> Decimal | None:
    return None if money is None else money.amount


def _is_revenue(path: str) -> bool:
    """Whether a figure sits on the income side (收入, 年初结转, 财政拨款收入, 财政拨款收入总计)."""
    return path.startswith("income.") or path == "fiscal.total" or (
        path.startswith("fiscal.") and path.endswith((".opening", ".income"))
    )


def _summary_rows(account: FinalAccount) -> list[Row]:
    rows: list[Row] = []
    spent = account.fiscal.expenditure_total
    # 财政拨款收、支总计 is both sides' unless 四 prints its 支出总计 apart (fiscal.expenditure_total)
    both = "fiscal.total" if spent.current is None and spent.previous is None else ""
    for figure in published_figures(account):
        revenue = figure.path == both or _is_revenue(figure.path)
        expenditure = figure.path == both or not _is_revenue(figure.path)
        for year, amount, budget in (
            (account.year, figure.figure.current, figure.figure.budget),
            (account.previous_year, figure.figure.previous, None),
        ):
            if amount is None and budget is None:
                continue
            rows.append(
                {
                    "year": year,
                    "item": figure.path,
                    "label": figure.label,
                    "revenue": _amount(amount) if revenue else None,
                    "revenue_budget": _amount(budget) if revenue else None,
                    "expenditure": _amount(amount) if expenditure else None,
                    "expenditure_budget": _amount(budget) if expenditure else None,
                }
            )
    return rows


def _line_rows(year: int, categories: Iterable[ExpenseCategory]) -> list[Row]:
    return [
        {
            "year": year,
            "level": line.level.value,
            "code": line.code,
            "name": line.name,
            "path": " / ".join(names),
            "printed": line.printed or None,
            "actual": _amount(line.actual),
            "budget": _amount(line.budget),
            "basic": _amount(line.basic),
            "project": _amount(line.project),
        }
        for category in categories
        for line, names in category.walk_named()
    ]


def _project_rows(account: FinalAccount) -> list[Row]:
    return [
        {
            "year": account.year,
            "project_code": p.code,
            "project_name": p.name,
            "kind": p.kind.value,
            "initial": _amount(p.funds.total.initial),
            "adjusted": _amount(p.funds.total.adjusted),
            "executed": _amount(p.funds.total.executed),
        }
        for p in account.projects
    ]


def fiscal_rows(account: FinalAccount) -> dict[str, tuple[Row, ...]]:
    """The rows of each resource of the package, by resource name, as exact values.

    >>> from budgetkit.datasets import load
    >>> rows = fiscal_rows(load("zigong-hr-2023"))
    >>> [(r["year"], r["revenue"], r["expenditure"]) for r in rows["income-expenditure"] if r["item"] == "income.total"]
    [(2023, Decimal('1054.90'), None), (2022, Decimal('988.88'), None)]
    """
    return {
        _SUMMARY.name: tuple(_summary_rows(account)),
        _LINES.name: tuple(_line_rows(account.year, account.general_budget.categories)),
        _PROJECTS.name: tuple(_project_rows(account)),
    }


# -- descriptor -------------------------------------------------------------------------------


def _descriptor(account: FinalAccount) -> dict[str, Any]:
    resources: list[dict[str, Any]] = []
    measures: dict[str, Any] = {}
    dimensions: dict[str, Any] = {}
    for resource in _ALL:
        resources.append(
            {
                "name": resource.name,
                "title": resource.title,
                "path": f"{resource.name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [{"name": f.name, "type": f.type, "title": f.title} for f in resource.fields],
                    "missingValues": [""],
                },
            }
        )
        for f in resource.fields:
            if f.measure is not None:
                direction, phase = f.measure
                measures[f"{resource.name}-{f.name.replace('_', '-')}"] = {
                    "source": f.name,
                    "resource": resource.name,
                    "title": f.title,
                    "currency": CURRENCY,
                    "factor": FACTOR,
                    "direction": direction,
                    "phase": phase,
                }
        for dim in resource.dimensions:
            attributes: dict[str, Any] = {}
            for name, source, labels in dim.attributes:
                attributes[name] = {"source": source, "resource": resource.name}
                if labels:
                    attributes[name]["labelfor"] = labels
            dimensions[dim.key] = {
                "dimensionType": dim.dimension_type,
                "attributes": attributes,
                "primaryKey": list(dim.primary_key),
            }
            if dim.classification_type:
                dimensions[dim.key]["classificationType"] = dim.classification_type
    return {
        "name": f"budgetkit-final-account-{account.year}",
        "title": f"{account.unit}{account.year}年度决算",
        "countryCode": "cn",
        "profiles": {"fiscal": "*", "tabular": "*"},
        "granularity": "aggregated",
        "fiscalPeriod": {"start": f"{account.year}-01-01", "end": f"{account.year}-12-31"},
        "budgetkit": {"unit": account.unit, "unit_type": account.unit_type.value, "money_unit": "万元"},
        "resources": resources,
        "model": {"measures": measures, "dimensions": dimensions},
    }


# -- writing and reading ----------------------------------------------------------------------


def _cell(value: object) -> str:
    if value is None:
        return ""
    if type(value) is Decimal:
        return format(value, "f")  # plain digits as printed: never an exponent, never a float
    return str(value)


def write_fiscal_data_package(account: FinalAccount, directory: str | PathLike[str]) -> Path:
    """Write the account's CSV files and ``datapackage.json`` into ``directory``; return the descriptor's path.

    The directory is created when missing; files of the same names are replaced.

    >>> import json, tempfile
    >>> from budgetkit.datasets import load
    >>> with tempfile.TemporaryDirectory() as d:
    ...     descriptor = json.loads(write_fiscal_data_package(load("zigong-hr-2023"), d).read_text("utf-8"))
    >>> m = descriptor["model"]["measures"]["projects-initial"]
    >>> m["currency"], m["factor"], m["direction"], m["phase"]
    ('CNY', 10000, 'expenditure', 'approved')
    """
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    rows = fiscal_rows(account)
    for resource in _ALL:
        names = [f.name for f in resource.fields]
        with (target / f"{resource.name}.csv").open("w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow(names)
            writer.writerows([_cell(row[name]) for name in names] for row in rows[resource.name])
    descriptor = target / DESCRIPTOR
    text = json.dumps(_descriptor(account), ensure_ascii=False, indent=2)
    descriptor.write_text(text + "\n", encoding="utf-8")
    return descriptor


class _BadCell(BudgetkitError, ValueError):
    """A CSV cell that does not hold a value of its field's type."""


def _parse(text: str, kind: FieldType) -> object:
    if text == "":
        return None
    if kind == "integer":
        if not text.lstrip("-").isdigit():
            raise _BadCell(f"{text!r} is not an integer")
        return int(text)
    if kind == "number":
        try:
            return to_decimal(text)
        except BudgetkitError as exc:
            raise _BadCell(str(exc)) from None
    return text


def _read_resource(directory: Path, spec: Mapping[str, Any], issues: list[LoadIssue]) -> tuple[Row, ...]:
    name = str(spec.get("name", "?"))
    fields = spec.get("schema", {}).get("fields", [])
    types: dict[str, FieldType] = {str(f["name"]): f.get("type", "string") for f in fields}
    path = directory / str(spec.get("path", f"{name}.csv"))
    try:
        with path.open(encoding="utf-8", newline="") as stream:
            lines = list(csv.reader(stream))
    except OSError as exc:
        issues.append(LoadIssue(f"{name}", f"cannot read {path.name}: {exc.strerror or exc}"))
        return ()
    header = lines[0] if lines else []
    if header != list(types):
        issues.append(LoadIssue(f"{name}", f"the header {header} is not the schema's fields {list(types)}"))
        return ()
    rows: list[Row] = []
    for number, line in enumerate(lines[1:], start=2):
        if len(line) != len(header):
            issues.append(LoadIssue(f"{name}:{number}", f"{len(line)} cells, expected {len(header)}"))
            continue
        row: Row = {}
        for column, text in zip(header, line, strict=True):
            try:
                row[column] = _parse(text, types[column])
            except _BadCell as exc:
                issues.append(LoadIssue(f"{name}:{number}.{column}", str(exc)))
        rows.append(row)
    return tuple(rows)


def read_fiscal_data_package(directory: str | PathLike[str]) -> dict[str, tuple[Row, ...]]:
    """Read a package back: rows of each resource by name, numbers as exact ``Decimal``, blanks ``None``.

    ``directory`` is the package's directory or its ``datapackage.json``. Every
    problem found (a missing file, a header that is not the schema, a cell that
    is not of its type) is reported at once in a :class:`~budgetkit.errors.LoadError`.

    >>> read_fiscal_data_package("/nonexistent")
    Traceback (most recent call last):
    ...
    budgetkit.errors.LoadError: cannot load /nonexistent: 1 problem
      $: no datapackage.json: ...
    """
    root = Path(directory)
    descriptor = root if root.name == DESCRIPTOR else root / DESCRIPTOR
    try:
        package = json.loads(descriptor.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise LoadError(str(directory), [LoadIssue("$", f"no {DESCRIPTOR}: {exc}")]) from None
    resources = package.get("resources") if isinstance(package, dict) else None
    if not isinstance(resources, list) or not all(isinstance(spec, dict) for spec in resources):
        raise LoadError(str(directory), [LoadIssue("$.resources", "expected a list of resource descriptors")])
    issues: list[LoadIssue] = []
    rows = {str(spec.get("name")): _read_resource(descriptor.parent, spec, issues) for spec in resources}
    if issues:
        raise LoadError(str(directory), issues)
    return rows
