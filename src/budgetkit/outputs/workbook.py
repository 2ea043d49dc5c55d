"""The published tables as a workbook: :func:`write_xlsx` lays out each of an account's tables on a sheet.

Each sheet prints one table as the template lays it out: its title, the unit that prepares it and the
year (``编制单位：…``, ``2024年度``), the money unit (``单位：万元``), the header (the template's column
names; a two-sided table's 收入 and 支出 halves side by side; 表七's lines across), the rows as printed
(classification code, name, amounts), and the table's 注 and 说明 under it. Amounts are Excel numbers
shown with their printed places (``#,##0.00``), so that the workbook shows what the report printed;
a printed blank is an empty cell; an amount longer than Excel's 15 significant digits is written as
text, never rounded. :func:`budgetkit.io.excel.read_excel` reads such a workbook back to the same
tables, digit for digit. Needs the ``excel`` extra (openpyxl).

>>> import tempfile
>>> from budgetkit.datasets import load
>>> from openpyxl import load_workbook
>>> with tempfile.TemporaryDirectory() as d:
...     book = load_workbook(write_xlsx(load("putuo-planning-2024"), Path(d) / "决算.xlsx"))
>>> book.sheetnames[:3], book["表五"]["A1"].value
(['表一', '表二', '表三'], '一般公共预算财政拨款支出决算表')
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from os import PathLike
from pathlib import Path
from typing import Any, Final

from budgetkit.errors import BudgetkitError, MissingExtraError
from budgetkit.model.account import FinalAccount
from budgetkit.model.tables import Cell, Row, Side, Table, Tables, TableTemplate

__all__ = ["write_xlsx"]

#: Significant digits an Excel number holds (a binary float); longer amounts are written as text.
EXCEL_DIGITS: Final = 15


class WorkbookError(BudgetkitError, ValueError):
    """An account that has no published tables to lay out."""


def _openpyxl() -> Any:
    try:
        return importlib.import_module("openpyxl")
    except ImportError:
        raise MissingExtraError("openpyxl", "excel", "writing Excel workbooks") from None


def write_xlsx(account: FinalAccount, path: str | PathLike[str]) -> Path:
    """Write the account's published tables to an ``.xlsx`` workbook, one table a sheet; return its path.

    An account without tables (a dataset transcribed from the 情况说明 only) raises
    :class:`WorkbookError`: there is nothing printed to lay out.
    """
    tables = account.tables
    if not tables.tables:
        raise WorkbookError(f"{account.unit} {account.year}: the account holds no published tables to write")
    openpyxl = _openpyxl()
    book = openpyxl.Workbook()
    book.remove(book.active)
    for table in tables.tables:
        name = f"表{table.number}" if table.number else table.key
        sheet = book.create_sheet(name[:31])
        _Sheet(sheet, table, _template(tables, table), account).write()
    target = Path(path)
    book.save(target)
    return target


def _template(tables: Tables, table: Table) -> TableTemplate | None:
    return tables.template(table.key)


class _Sheet:
    """Writes one table on one sheet, row by row."""

    def __init__(self, sheet: Any, table: Table, template: TableTemplate | None, account: FinalAccount) -> None:
        self.sheet = sheet
        self.table = table
        self.template = template
        self.account = account
        self.row = 0

    def column_name(self, key: str, side: Side | None = None) -> str:
        if self.template is not None:
            try:
                return self.template.column(key, side).name
            except KeyError:
                pass
        return key

    def put(self, values: Sequence[object], merges: Sequence[tuple[int, int]] = ()) -> None:
        """One row of values; ``merges`` are (first, last) columns, from 0, merged across."""
        self.row += 1
        for column, value in enumerate(values, 1):
            if value is None:
                continue
            cell = self.sheet.cell(row=self.row, column=column)
            if isinstance(value, Cell):
                if value.amount is None:
                    continue
                if len(value.amount.as_tuple().digits) > EXCEL_DIGITS:
                    cell.value = value.text  # Excel would round it: every digit as text
                else:
                    cell.value = value.amount
                    places = value.places or 0
                    cell.number_format = "#,##0" + ("." + "0" * places if places else "")
            else:
                cell.value = value
        for first, last in merges:
            if last > first:
                self.sheet.merge_cells(start_row=self.row, start_column=first + 1, end_row=self.row, end_column=last + 1)

    def write(self) -> None:
        table = self.table
        width = self.width()
        self.put([table.title or (self.template.title if self.template else table.key)], [(0, width - 1)])
        self.put([f"编制单位：{self.account.unit}", *[None] * (width - 3), f"{self.account.year}年度", f"单位：{table.unit}"])
        if table.income_columns:
            self.two_sided(width)
        elif self.template is not None and not self.template.classified_by and self.template.lines:
            self.across()
        else:
            self.classified()
        for note in (*table.notes, *((table.empty_note,) if table.empty_note else ())):
            self.put([note], [(0, width - 1)])

    def width(self) -> int:
        table = self.table
        if table.income_columns:
            return 2 + len(table.income_columns) + len(table.columns)
        if self.template is not None and not self.template.classified_by and self.template.lines:
            return max(3, len(table.rows) * len(table.columns))
        return 2 + len(table.columns)

    def classified(self) -> None:
        table = self.table
        self.put(["科目编码", "科目名称", *(self.column_name(c) for c in table.columns)])
        for row in table.rows:
            if row.code is None:  # a line of the template (合计, 人员经费合计): its name across code and name
                self.put([f"{row.number}{row.name}", None, *row.cells], [(0, 1)])
            else:
                self.put([row.code, f"{row.number}{row.name}", *row.cells])

    def two_sided(self, width: int) -> None:
        table = self.table
        split = 1 + len(table.income_columns)
        self.put(["收入", *[None] * (split - 1), "支出"], [(0, split - 1), (split, width - 1)])
        self.put(
            [
                "项目",
                *(self.column_name(c, Side.INCOME) for c in table.income_columns),
                "项目",
                *(self.column_name(c, Side.EXPENDITURE) for c in table.columns),
            ]
        )
        income = [row for row in table.rows if row.side is Side.INCOME]
        spending = [row for row in table.rows if row.side is not Side.INCOME]
        for i in range(max(len(income), len(spending))):
            left: list[object] = _side(income[i] if i < len(income) else None, len(table.income_columns))
            right: list[object] = _side(spending[i] if i < len(spending) else None, len(table.columns))
            self.put([*left, *right])

    def across(self) -> None:
        """表七: the template's lines printed across, each a 预算数 and a 决算数 under its name."""
        table = self.table
        n = len(table.columns)
        names: list[object] = []
        merges = []
        for i, row in enumerate(table.rows):
            names.extend([row.name, *[None] * (n - 1)])
            merges.append((i * n, i * n + n - 1))
        self.put(names, merges)
        self.put([self.column_name(c) for _ in table.rows for c in table.columns])
        self.put([cell for row in table.rows for cell in row.cells])


def _side(row: Row | None, columns: int) -> list[object]:
    if row is None:
        return [None] * (1 + columns)
    return [f"{row.number}{row.name}", *row.cells]

