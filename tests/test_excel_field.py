"""Tests for budgetkit.io.excel on workbooks as they come from the field: how Excel stores what it shows, where a
table starts, what a sheet hides (each a defect a field test found, with a workbook built in ``tmp_path``)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from budgetkit.checks.audit import check
from budgetkit.errors import LoadError
from budgetkit.io.excel import read_excel
from budgetkit.model.tables import Cell
from budgetkit.reference.severity import Severity

openpyxl = pytest.importorskip("openpyxl")

TITLE5 = "一般公共预算财政拨款支出决算表"
HEAD5 = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]
#: 表五 of one 类: 30.30 = 10.10 + 20.20, at every level (rows 4 to 8 of the sheet ``table5`` lays out)
BODY5: list[list[Any]] = [
    ["201", "一般公共服务支出", 30.3, 10.1, 20.2],
    ["20106", "财政事务", 30.3, 10.1, 20.2],
    ["2010601", "行政运行", 10.1, 10.1, None],
    ["2010602", "一般行政管理事务", 20.2, None, 20.2],
    ["合计", None, 30.3, 10.1, 20.2],
]


def table5(sheet: Any, rows: list[list[Any]] | None = None, *, title: str = TITLE5, number_format: str = "#,##0.00") -> None:
    """Lay out 表五 on ``sheet`` from A1: title, maker/year/unit line, header, ``rows`` (BODY5 by default)."""
    sheet.append([title])
    sheet.append(["编制单位：示例事务中心", None, None, "2024年度", "单位：万元"])
    sheet.append(HEAD5)
    for row in BODY5 if rows is None else rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, float):
                cell.number_format = number_format


def errors(path: Path) -> list[str]:
    """The error and warning findings of checking the workbook (its other tables are missing: not counted)."""
    account = read_excel(path).account
    return [f"{f.rule} {f.path}" for f in check(account, min_severity=Severity.WARNING, disable=("table.missing",))]


def stored(path: Path, cells: dict[str, str]) -> None:
    """Write the values of ``cells`` (ref → the digits of <v>) into the first sheet's XML, as Excel stores them
    (openpyxl writes a double's shortest digits, and no value for a formula; Excel writes 17 significant digits)."""
    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in items:
            if info.filename == "xl/worksheets/sheet1.xml":
                for ref, digits in cells.items():
                    pattern = rf'(<c r="{ref}"[^>]*>(?:<f>[^<]*</f>)?)(?:<v\s*/>|<v>[^<]*</v>)'.encode()
                    data, n = re.subn(pattern, rb"\g<1><v>" + digits.encode() + rb"</v>", data)
                    assert n == 1, ref
            target.writestr(info, data)


def test_a_double_in_general_format_is_read_as_excel_shows_it(tmp_path: Path) -> None:
    """A sum Excel stored as 30.299999999999997 in General format (Excel shows 30.3) is read as 30.3, not refused
    as a number of 15 places and then summed as a blank 0 (false errors 公布值：0)."""
    book = openpyxl.Workbook()
    book.active.title = "表五"
    table5(book.active, number_format="General")
    book.save(tmp_path / "t.xlsx")
    stored(tmp_path / "t.xlsx", {"C4": "30.299999999999997", "C5": "30.299999999999997", "C8": "30.299999999999997"})
    imported = read_excel(tmp_path / "t.xlsx")
    table = imported.account.tables.table("general_budget_expenditure")
    assert table is not None and table.cell("total", "total") == Cell("30.3")
    assert imported.report.issues == () and errors(tmp_path / "t.xlsx") == []


def test_a_cell_that_cannot_be_read_leaves_its_column_absent_never_a_blank_zero(tmp_path: Path) -> None:
    """A cell printing more than a figure holds (a float's artefact typed as text) is not read: its column is absent
    (the checks that need it skipped), not a blank summing as 0 (false errors 公布值：0); every figure of it is named."""
    rows = [list(row) for row in BODY5]
    rows[0][3] = "10.100000000000001"
    book = openpyxl.Workbook()
    book.active.title = "表五"
    table5(book.active, rows)
    book.save(tmp_path / "t.xlsx")
    imported = read_excel(tmp_path / "t.xlsx")
    table = imported.account.tables.table("general_budget_expenditure")
    assert table is not None and table.columns == ("total", "project")
    assert table.cell("201", "basic") is None and table.cell("201", "total") == Cell("30.30")
    assert [(str(i.box), i.text) for i in imported.report.issues] == [
        ("表五!D4", "10.100000000000001"), ("表五!D5", "10.10"), ("表五!D6", "10.10"), ("表五!D8", "10.10")
    ]
    assert "its column is not read (absent)" in imported.report.issues[0].reason
    assert "tables.general_budget_expenditure[201].basic" not in imported.report.places
    assert errors(tmp_path / "t.xlsx") == []


def formulas(sheet: Any) -> None:
    """Make 表五's sums (rows 4, 5 and 8 of ``table5``) formulas, as a workbook that computes them prints them."""
    for column in "CDE":
        sheet[f"{column}5"] = f"=SUM({column}6:{column}7)"
        sheet[f"{column}4"] = f"={column}5"
        sheet[f"{column}8"] = f"={column}4"


def test_a_workbook_whose_formulas_were_never_calculated_is_refused_naming_the_cells(tmp_path: Path) -> None:
    """Formulas saved with no value (written by openpyxl, never opened in Excel) are refused with the sheet and cell,
    not read as blanks summing as 0 (false errors 公布值：0)."""
    book = openpyxl.Workbook()
    book.active.title = "表五"
    table5(book.active)
    formulas(book.active)
    book.save(tmp_path / "t.xlsx")
    with pytest.raises(LoadError, match=r"(?s)表五!C4: a formula with no value saved \(=C5\).*9 cells \(4 more not listed\).*"
                       r"open and save the workbook in Excel/LibreOffice first"):
        read_excel(tmp_path / "t.xlsx")


def test_a_formula_with_no_value_among_calculated_ones_leaves_its_column_absent(tmp_path: Path) -> None:
    """In a calculated workbook, a formula saved with no value (and one giving "", saved as an empty text) : the
    first is not read (its column absent, named), the second is a printed blank; no false finding."""
    book = openpyxl.Workbook()
    book.active.title = "表五"
    table5(book.active)
    formulas(book.active)
    book.active["D7"] = '=IF(C7=E7,"",C7-E7)'
    book.save(tmp_path / "t.xlsx")
    cached = {"C4": "30.3", "D4": "10.1", "E4": "20.2", "C5": "30.3", "E5": "20.2", "C8": "30.3", "D8": "10.1", "E8": "20.2"}
    stored(tmp_path / "t.xlsx", cached)
    with zipfile.ZipFile(tmp_path / "t.xlsx") as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").replace(b'<c r="D7">', b'<c r="D7" t="str">')
        items = [(info, sheet if info.filename == "xl/worksheets/sheet1.xml" else archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(tmp_path / "t.xlsx", "w") as archive:
        for info, data in items:
            archive.writestr(info, data)
    imported = read_excel(tmp_path / "t.xlsx")
    table = imported.account.tables.table("general_budget_expenditure")
    assert table is not None and table.columns == ("total", "project")  # D5 has no value: 基本支出 is not read
    assert table.cell("total", "total") == Cell("30.30")
    issues = [(str(i.box), i.text) for i in imported.report.issues]
    assert issues[0] == ("表五!D5", "=SUM(D6:D7)") and ("表五!D7", "") not in issues
    assert errors(tmp_path / "t.xlsx") == []


def test_figures_typed_as_full_width_text_are_numbers(tmp_path: Path) -> None:
    """Amounts typed as text with a Chinese input method (３０．３０), the 合计 row first as the Shanghai template
    prints it: read as numbers (the table was dropped, its 合计 row taken for a header, silently)."""
    full = str.maketrans("0123456789.", "０１２３４５６７８９．")
    rows = [[f"{v:.2f}".translate(full) if isinstance(v, float) else v for v in row] for row in [BODY5[-1], *BODY5[:-1]]]
    book = openpyxl.Workbook()
    book.active.title = "表五"
    table5(book.active, rows)
    book.save(tmp_path / "t.xlsx")
    imported = read_excel(tmp_path / "t.xlsx")
    table = imported.account.tables.table("general_budget_expenditure")
    assert table is not None and table.cell("total", "total") == Cell("30.30")
    assert table.cell("2010602", "project") == Cell("20.20") and table.cell("2010602", "basic") == Cell.blank()
    assert imported.report.issues == () and errors(tmp_path / "t.xlsx") == []


#: 表一 as two halves (收入 | 支出), each a name and its 决算数: 30.30 in, 30.30 out
SUMMARY: list[list[Any]] = [
    ["收入", None, "支出", None],
    ["项目", "决算数", "项目", "决算数"],
    ["一、一般公共预算财政拨款收入", 30.3, "一、一般公共服务支出", 30.3],
    ["本年收入合计", 30.3, "本年支出合计", 30.3],
    ["总计", 30.3, "总计", 30.3],
]


def summary(sheet: Any, column: int) -> None:
    """Lay out 表一 on ``sheet`` from ``column`` (1 is A): title, maker/year/unit, two header rows, three rows."""
    sheet.cell(row=1, column=column, value="收入支出决算总表")
    sheet.cell(row=2, column=column, value="编制单位：示例事务中心")
    sheet.cell(row=2, column=column + 2, value="2024年度")
    sheet.cell(row=2, column=column + 3, value="单位：万元")
    for r, row in enumerate(SUMMARY, 3):
        for c, value in enumerate(row, column):
            if value is not None:
                sheet.cell(row=r, column=c, value=value).number_format = "#,##0.00"
    sheet.merge_cells(start_row=3, start_column=column, end_row=3, end_column=column + 1)
    sheet.merge_cells(start_row=3, start_column=column + 2, end_row=3, end_column=column + 3)


def test_a_table_laid_out_from_column_b_reads_as_from_column_a(tmp_path: Path) -> None:
    """表一 printed from column B (column A empty): both halves read, as from column A (its 收入 half was lost,
    each amount "without a row name", with no finding)."""
    for column in (1, 2):
        book = openpyxl.Workbook()
        book.active.title = "表一"
        summary(book.active, column)
        book.save(tmp_path / f"{column}.xlsx")
    a, b = read_excel(tmp_path / "1.xlsx"), read_excel(tmp_path / "2.xlsx")
    assert b.account.tables == a.account.tables and b.report.issues == ()
    table = b.account.tables.table("summary")
    assert table is not None and table.cell("income.general_budget", "amount") == Cell("30.30")
    assert str(b.report.places["tables.summary[income.general_budget].amount"]) == "表一!C5"


def test_hidden_columns_are_not_read(tmp_path: Path) -> None:
    """Hidden columns A:B (one <col min=1 max=2 hidden> element) holding an export's row ids on every row, the table
    from column C: read as the table shown (the ids were read as row names and beside the title and the unit, so
    表一 was lost or the workbook refused for printing no unit)."""
    book = openpyxl.Workbook()
    book.active.title = "表一"
    summary(book.active, 1)
    book.save(tmp_path / "shown.xlsx")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "表一"
    summary(sheet, 3)
    for row in range(1, 8):
        sheet.cell(row=row, column=1, value=row)
        sheet.cell(row=row, column=2, value=f"id{row}")
    sheet.column_dimensions.group("A", "B", hidden=True)
    book.save(tmp_path / "hidden.xlsx")
    shown, hidden = read_excel(tmp_path / "shown.xlsx"), read_excel(tmp_path / "hidden.xlsx")
    assert hidden.account.tables == shown.account.tables and hidden.report.issues == ()
    assert (hidden.account.unit, hidden.account.year) == ("示例事务中心", 2024)
    assert str(hidden.report.places["tables.summary[income.general_budget].amount"]) == "表一!D5"


@pytest.mark.parametrize("unit_line", ["金额单位：万元", "单位：万元", "计量单位：万元"])
def test_a_unit_line_above_the_maker_is_not_the_units_name(unit_line: str, tmp_path: Path) -> None:
    """金额单位：万元 (or 单位：万元) printed above the title, 编制单位 under it: the unit's name is the maker's, not 万元."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "表五"
    sheet.append([None, None, None, None, unit_line])
    sheet.append([TITLE5])
    sheet.append(["编制单位：示例事务中心", None, None, "2024年度"])
    for row in [HEAD5, *BODY5]:
        sheet.append(row)
    book.save(tmp_path / "t.xlsx")
    imported = read_excel(tmp_path / "t.xlsx")
    assert (imported.account.unit, imported.account.year) == ("示例事务中心", 2024)
    assert imported.account.tables.table("general_budget_expenditure") is not None


@pytest.mark.parametrize("tag", ["表五", "表5", "表 五"])
def test_a_table_number_glued_to_its_title_is_its_number(tag: str, tmp_path: Path) -> None:
    """表五一般公共预算财政拨款支出决算表: the number stops where the title starts (the 一 of 一般 was read as part of the
    number 五一, and the table, titled 般公共预算…, was unknown)."""
    book = openpyxl.Workbook()
    book.active.title = "Sheet1"
    table5(book.active, title=tag + TITLE5)
    book.save(tmp_path / "t.xlsx")
    imported = read_excel(tmp_path / "t.xlsx")
    table = imported.account.tables.table("general_budget_expenditure")
    assert table is not None and table.number == "五" and table.cell("total", "total") == Cell("30.30")
    assert imported.report.tables_unknown == ()


@pytest.mark.parametrize("dash", ["-", "—", "／"])
def test_an_empty_table_whose_total_row_prints_dashes_is_read_empty_with_its_note(dash: str, tmp_path: Path) -> None:
    """表九 printed empty: its 合计 row a dash in every amount cell, its 说明 under it; read as an empty table with its
    说明 (the dashes were taken for headings of the 合计 row, and the table was not imported, its 说明 lost)."""
    note = "说明：示例事务中心本年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "表九"
    sheet.append(["国有资本经营预算财政拨款收入支出决算表"])
    sheet.append(["编制单位：示例事务中心", None, None, None, None, None, "2024年度", "单位：万元"])
    sheet.append(["科目编码", "科目名称", "年初结转和结余", "本年收入", "本年支出合计", "本年支出基本支出", "本年支出项目支出", "年末结转和结余"])
    sheet.append(["合计", None, *[dash] * 6])
    sheet.append([note])
    book.save(tmp_path / "t.xlsx")
    imported = read_excel(tmp_path / "t.xlsx")
    table = imported.account.tables.table("state_capital")
    assert table is not None and table.is_empty and table.empty_note == note
    assert [row.key for row in table.rows] == ["total"] and imported.report.issues == ()


def test_a_sheet_of_text_is_read_as_the_text_import_reads_it(tmp_path: Path) -> None:
    """A sheet printing the 情况说明 a paragraph a cell: its figures are read as claims placed at their cells, and a
    wrong one is found (it was dropped without a trace, its numbers not even counted)."""
    book = openpyxl.Workbook()
    book.active.title = "表五"
    table5(book.active)
    sheet = book.create_sheet("情况说明")
    for line in [
        "第三部分 2024年度部门决算情况说明",
        "五、一般公共预算财政拨款支出决算情况说明",
        "（一）一般公共预算财政拨款支出决算总体情况",
        "2024年度一般公共预算财政拨款支出40.30万元，主要用于一般公共服务支出。",
    ]:
        sheet.append([line])
    book.save(tmp_path / "t.xlsx")
    imported = read_excel(tmp_path / "t.xlsx")
    assert imported.report.narrative_found and imported.report.numbers_seen == 18 + 3  # 2024 twice, 40.30
    assert any(str(box).startswith("情况说明!A4") for box in imported.report.places.values())
    assert any("40.3" in str(f.stated) for f in check(imported.account) if f.severity >= Severity.WARNING)


def test_a_sheet_of_text_with_no_narrative_is_named(tmp_path: Path) -> None:
    """A sheet of text in which no 情况说明 is found: an issue names the sheet, its numbers are counted as seen."""
    book = openpyxl.Workbook()
    book.active.title = "表五"
    table5(book.active)
    book.create_sheet("备注")["A1"] = "本表数据来源于2024年度部门决算报表，共3张。"
    book.save(tmp_path / "t.xlsx")
    imported = read_excel(tmp_path / "t.xlsx")
    assert [(str(i.box), i.reason.split(" (")[0]) for i in imported.report.issues if i.box is not None] == [
        ("备注!A1", "the text of sheet 备注 is not read as a 情况说明")
    ]
    assert imported.report.numbers_seen == 18 + 2 and not imported.report.narrative_found


def test_code_columns_printing_each_levels_own_digits_carry_the_parent_code(tmp_path: Path) -> None:
    """科目编码 over 类 | 款 | 项 columns, each row printing only its own level's digits (201 | | , | 06 | , | | 01): the
    款 and 项 take their parent's code from the rows above (they were rows "neither a code nor a line", lost)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "表五"
    sheet.append([TITLE5])
    sheet.append(["编制单位：示例事务中心", None, None, None, None, "2024年度", "单位：万元"])
    sheet.append(["科目编码", None, None, "科目名称", "合计", "基本支出", "项目支出"])
    sheet.append(["类", "款", "项", None, None, None, None])
    for code, (_, name, *amounts) in zip(
        [["201", None, None], [None, "06", None], [None, None, "01"], [None, None, "02"], ["合计", None, None]], BODY5, strict=True
    ):
        sheet.append([*code, name, *amounts])
    sheet.merge_cells("A3:C3")
    for column in "DEFG":
        sheet.merge_cells(f"{column}3:{column}4")
    imported_path = tmp_path / "t.xlsx"
    book.save(imported_path)
    imported = read_excel(imported_path)
    table = imported.account.tables.table("general_budget_expenditure")
    assert table is not None and [row.key for row in table.rows] == ["201", "20106", "2010601", "2010602", "total"]
    assert table.cell("2010602", "project") == Cell("20.20") and imported.report.issues == ()
    assert errors(imported_path) == []


def test_a_table_none_of_whose_figures_is_read_is_not_read_rather_than_empty(tmp_path: Path) -> None:
    """Every amount column holding a cell that is not read: the table is not read (printed, so never missing), not an
    empty table that lacks its 本表无数据 (a false table.empty_note)."""
    rows = [[*row[:2], *(f"{v}00000000000001" if isinstance(v, float) else v for v in row[2:])] for row in BODY5]
    book = openpyxl.Workbook()
    book.active.title = "表五"
    table5(book.active, rows)
    book.save(tmp_path / "t.xlsx")
    imported = read_excel(tmp_path / "t.xlsx")
    assert imported.account.tables.table("general_budget_expenditure") is None
    assert imported.account.tables.unread == ("general_budget_expenditure",)
    assert "not imported: no figure of it is read" in imported.report.issues[-1].reason
    assert errors(tmp_path / "t.xlsx") == []


def test_a_general_number_is_read_to_the_eleven_characters_excel_shows(tmp_path: Path) -> None:
    """General format shows at most 11 characters, its decimals rounded to fit: a sum whose error reaches the 15th
    digit (30.3000000000001) is read as the 30.3 Excel shows, not refused with its column."""
    book = openpyxl.Workbook()
    book.active.title = "表五"
    table5(book.active, number_format="General")
    book.save(tmp_path / "t.xlsx")
    stored(tmp_path / "t.xlsx", {"C4": "30.300000000000097", "D5": "10.100000000000051", "C8": "30.29999999999991"})
    imported = read_excel(tmp_path / "t.xlsx")
    table = imported.account.tables.table("general_budget_expenditure")
    assert table is not None and table.cell("201", "total") == Cell("30.3") and table.cell("20106", "basic") == Cell("10.1")
    assert imported.report.issues == () and errors(tmp_path / "t.xlsx") == []
