"""Tests for budgetkit.io.excel (read_excel) and budgetkit.outputs.workbook (write_xlsx): the round trip."""

from __future__ import annotations

import random
import zipfile
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from budgetkit import datasets
from budgetkit.errors import LoadError
from budgetkit.io.excel import SheetBox, read_excel, read_workbook
from budgetkit.model.account import FinalAccount
from budgetkit.model.tables import Cell, Row, Table
from budgetkit.outputs.workbook import WorkbookError, write_xlsx

openpyxl = pytest.importorskip("openpyxl")

WORKBOOKS = Path(__file__).parent / "data" / "workbooks"
PUTUO = ("putuo-planning-2024", "putuo-social-work-2024")


def _cell(rng: random.Random, blank: bool) -> Cell:
    """A random printed cell: a blank, or an amount with 0 to 4 places, now and then negative or of 16 digits."""
    if blank and rng.random() < 0.25:
        return Cell.blank()
    places = rng.choice((0, 1, 2, 2, 2, 3, 4))
    digits = rng.choice((1, 3, 5, 7, 9)) if rng.random() > 0.03 else 16  # 16 digits: written as text, not rounded
    amount = Decimal(rng.randrange(10 ** (digits - 1), 10**digits)).scaleb(-places)
    return Cell(-amount if rng.random() < 0.05 else amount)


def perturbed(account: FinalAccount, seed: int) -> FinalAccount:
    """The account with every table cell replaced by a random printing (the first row of each table keeps
    printing numbers: a first row of blanks reads as part of the header, in a PDF as in a workbook)."""
    rng = random.Random(seed)
    tables = []
    for table in account.tables.tables:
        rows = []
        for i, row in enumerate(table.rows):
            first = i == 0 or (table.income_columns and row.side is not None and i == len(
                [r for r in table.rows if r.side is table.rows[0].side]))
            rows.append(attrs.evolve(row, cells=tuple(_cell(rng, not first) for _ in row.cells)))
        tables.append(attrs.evolve(table, rows=tuple(rows)))
    return attrs.evolve(account, tables=attrs.evolve(account.tables, tables=tuple(tables)))


def _differences(read: tuple[Table, ...], written: tuple[Table, ...]) -> list[str]:
    out = []
    by_key = {t.key: t for t in read}
    for table in written:
        got = by_key.get(table.key)
        if got != table:
            rows: list[tuple[Row, Row]] = list(zip(table.rows, got.rows, strict=False)) if got is not None else []
            out.append(f"{table.key}: " + "; ".join(f"{a} != {b}" for a, b in rows if a != b)[:300])
    return out


@pytest.mark.parametrize("name", PUTUO)
def test_the_putuo_tables_round_trip(name: str, tmp_path: Path) -> None:
    """The nine tables of each Shanghai report → xlsx → read_excel: equal, digit for digit, notes and all."""
    account = datasets.load(name)
    imported = read_excel(write_xlsx(account, tmp_path / "t.xlsx"))
    assert _differences(imported.account.tables.tables, account.tables.tables) == []
    report = imported.report
    assert report.complete and report.numbers_seen == report.numbers_imported + report.numbers_in_text
    assert (imported.account.unit, imported.account.year) == (account.unit, account.year)


@pytest.mark.parametrize("seed", range(30))
def test_perturbed_tables_round_trip_digit_for_digit(seed: int, tmp_path: Path) -> None:
    """Thirty accounts whose every cell is a random printing (blanks, 0–4 places, negatives, 16 digits)."""
    account = perturbed(datasets.load(PUTUO[seed % 2]), seed)
    imported = read_excel(write_xlsx(account, tmp_path / "t.xlsx"))
    assert _differences(imported.account.tables.tables, account.tables.tables) == []


def test_a_printed_blank_stays_blank_and_gives_a_zero_figure(tmp_path: Path) -> None:
    account = datasets.load("putuo-planning-2024")
    imported = read_excel(write_xlsx(account, tmp_path / "t.xlsx")).account
    cell = imported.tables.cell("summary", "income.government_fund", "amount")
    assert cell is not None and cell.is_blank
    assert imported.income.government_fund.current is not None and imported.income.government_fund.current.amount == 0


def test_every_cell_is_placed_by_sheet_and_cell(tmp_path: Path) -> None:
    """A finding on an imported figure names the sheet and the cell, as a PDF's names the page."""
    imported = read_excel(write_xlsx(datasets.load("putuo-planning-2024"), tmp_path / "t.xlsx"))
    box = imported.report.places["tables.general_budget_expenditure[208].total"]
    assert isinstance(box, SheetBox) and str(box) == "表五!C4"
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    assert str(book["表五"]["C4"].value) == "754.75" and book["表五"]["C4"].number_format == "#,##0.00"
    assert book["表五"]["B4"].value == "社会保障和就业支出"


def test_all_tables_on_one_sheet(tmp_path: Path) -> None:
    """Tables printed one under the other on one sheet (as some departments publish them) are found by title."""
    account = datasets.load("putuo-social-work-2024")
    source = openpyxl.load_workbook(write_xlsx(account, tmp_path / "t.xlsx"))
    book = openpyxl.Workbook()
    target = book.active
    target.title = "决算公开表"
    offset = 0
    for sheet in source.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if type(cell).__name__ == "MergedCell" or cell.value is None:
                    continue
                copied = target.cell(row=cell.row + offset, column=cell.column, value=cell.value)
                copied.number_format = cell.number_format
        for merge in sheet.merged_cells.ranges:
            target.merge_cells(start_row=merge.min_row + offset, start_column=merge.min_col,
                               end_row=merge.max_row + offset, end_column=merge.max_col)
        offset += sheet.max_row + 2  # two empty rows between tables
    book.save(tmp_path / "one.xlsx")
    imported = read_excel(tmp_path / "one.xlsx")
    assert _differences(imported.account.tables.tables, account.tables.tables) == []
    places = [str(box) for path, box in imported.report.places.items() if path.startswith("tables.")]
    assert len(places) > 200 and all(place.startswith("决算公开表!") for place in places)


def test_an_xls_workbook(tmp_path: Path) -> None:
    """The old binary format (xlrd): number formats give the printed places, merged cells their spans."""
    pytest.importorskip("xlrd")
    imported = read_excel(WORKBOOKS / "putuo-planning-2024.xls")
    account = datasets.load("putuo-planning-2024")
    assert _differences(imported.account.tables.tables, account.tables.tables) == []
    assert str(imported.report.places["tables.summary[income.general_budget].amount"]) == "表一!B5"


def test_a_hand_made_sheet_with_merged_headers(tmp_path: Path) -> None:
    """A header of two rows with merged cells (本年支出 over 合计/基本支出/项目支出; 项目 over code and name),
    the unit and year above, a number stored as text and a General-formatted one, a blank, a note below."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["一般公共预算财政拨款支出决算表"])
    sheet.merge_cells("A1:E1")
    sheet.append(["编制单位：示例中心", None, None, "2023年度", "单位：万元"])
    sheet.append(["项目", None, "本年支出", None, None])
    sheet.merge_cells("A3:B3")
    sheet.merge_cells("C3:E3")
    sheet.append(["科目编码", "科目名称", "合计", "基本支出", "项目支出"])
    sheet.append(["208", "社会保障和就业支出", 754.75, "754.75", None])
    sheet.append(["合计", None, 754.75, 754.75, None])
    sheet.merge_cells("A6:B6")
    sheet.append(["注：本表反映本年度一般公共预算财政拨款支出情况。"])
    sheet.merge_cells("A7:E7")
    sheet["C5"].number_format = "#,##0.00"
    book.save(tmp_path / "hand.xlsx")
    imported = read_excel(tmp_path / "hand.xlsx")
    table = imported.account.tables.table("general_budget_expenditure")
    assert table is not None and table.columns == ("total", "basic", "project")
    assert [r.key for r in table.rows] == ["208", "total"]
    assert table.cell("208", "total") == Cell("754.75") and table.cell("208", "project") == Cell.blank()
    assert table.notes == ("注：本表反映本年度一般公共预算财政拨款支出情况。",)
    assert (imported.account.unit, imported.account.year) == ("示例中心", 2023)
    assert str(imported.report.box("tables.general_budget_expenditure[208].basic")) == "Sheet1!D5"


def test_the_cover_comes_from_the_caller_when_the_sheets_print_none(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["财政拨款“三公”经费支出决算表"])
    sheet.append(["合计", None, "因公出国（境）费", None])
    sheet.merge_cells("A2:B2")
    sheet.merge_cells("C2:D2")
    sheet.append(["预算数", "决算数", "预算数", "决算数"])
    sheet.append([2.8, 2.8, 0, 0])
    book.save(tmp_path / "t.xlsx")
    with pytest.raises(LoadError, match="no unit and year"):
        read_excel(tmp_path / "t.xlsx")
    imported = read_excel(tmp_path / "t.xlsx", unit="示例中心", year=2023)
    assert imported.account.three_public.total.current is not None
    assert imported.account.three_public.total.current.amount == Decimal("2.8")


def test_unreadable_files_are_named(tmp_path: Path) -> None:
    (tmp_path / "text.xlsx").write_text("单位：万元", encoding="utf-8")
    with pytest.raises(LoadError, match=r"(?s)text\.xlsx.*not a \.xlsx workbook"):
        read_excel(tmp_path / "text.xlsx")
    with zipfile.ZipFile(tmp_path / "zip.xlsx", "w") as z:
        z.writestr("hello.txt", "not a workbook")
    with pytest.raises(LoadError, match=r"(?s)zip\.xlsx.*not a readable \.xlsx workbook"):
        read_excel(tmp_path / "zip.xlsx")
    (tmp_path / "bad.xls").write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 600)
    with pytest.raises(LoadError, match=r"(?s)bad\.xls.*not a readable \.xls workbook"):
        read_excel(tmp_path / "bad.xls")
    with pytest.raises(LoadError, match="No such file"):
        read_workbook(tmp_path / "missing.xlsx")


def test_an_account_without_tables_is_not_written(tmp_path: Path) -> None:
    with pytest.raises(WorkbookError, match="no published tables"):
        write_xlsx(datasets.load("zigong-hr-2023"), tmp_path / "t.xlsx")


def test_a_sheet_spanning_too_many_cells_is_refused(tmp_path: Path) -> None:
    """One value far away (or one huge merge) would make a grid of billions of cells: refused, named."""
    book = openpyxl.Workbook()
    book.active["A1"] = "收入决算表"
    book.active["ZZ900000"] = 1
    book.save(tmp_path / "far.xlsx")
    with pytest.raises(LoadError, match="spans 900000 rows"):
        read_excel(tmp_path / "far.xlsx")


def test_a_table_printed_in_yuan_is_read_in_wan_yuan_exactly(tmp_path: Path) -> None:
    """表一 printed in 元 (单位：元, every amount ×10000), the other tables in 万元: read in 万元 digit for digit,
    its links to the other tables hold as in the all-万元 workbook, and the import says what it did."""
    from collections import Counter

    from budgetkit.checks.audit import check

    write_xlsx(datasets.load("putuo-planning-2024"), tmp_path / "wan.xlsx")
    book = openpyxl.load_workbook(tmp_path / "wan.xlsx")
    for row in book["表一"].iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and "单位：万元" in cell.value:
                cell.value = cell.value.replace("单位：万元", "单位：元")
            elif isinstance(cell.value, int | float) and cell.number_format == "#,##0.00":
                cell.value = float(Decimal(repr(cell.value)) * 10000)
    book.save(tmp_path / "yuan.xlsx")
    wan, yuan = read_excel(tmp_path / "wan.xlsx"), read_excel(tmp_path / "yuan.xlsx")
    summary = yuan.account.tables.table("summary")
    assert summary is not None and summary.unit == "万元"
    assert summary.cell("210", "amount") == Cell("236.630000")  # 2,366,300.00 元, to the 分
    assert [(i.text, i.reason) for i in yuan.report.issues] == [("单位：元", "收入支出决算总表 prints 元: read in 万元, exactly")]
    assert yuan.account.income.total.current == wan.account.income.total.current
    assert Counter((f.code, f.path) for f in check(yuan.account)) == Counter((f.code, f.path) for f in check(wan.account))
