"""Tables printed as the central template prints them (财政部's 部门决算公开表, used by many provinces): a 行次
column, a 栏次 row numbering the columns, 金额 for 决算数, 小计 for 合计, 公开01表 beside the title, the unit at the
end of a 部门：… line, and codes printed across 类 | 款 | 项 columns. Composed pages, read through the same steps
as any report (:func:`budgetkit.io.text.read_html` → :func:`budgetkit.io.table_import.read_tables`)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from budgetkit.checks.audit import check
from budgetkit.io.pdf import Imported
from budgetkit.io.text import read_html, read_text
from budgetkit.values.money import Money

Cells = Sequence[str | tuple[str, int]]


def _table(rows: Sequence[Cells]) -> str:
    """An HTML table; a cell given as (text, n) spans n columns."""
    html = ["<table border=1>"]
    for row in rows:
        cells = (f"<td colspan={c[1]}>{c[0]}</td>" if isinstance(c, tuple) else f"<td>{c}</td>" for c in row)
        html.append("<tr>" + "".join(cells) + "</tr>")
    return "\n".join([*html, "</table>"])


def _heading(title: str, number: str, unit: str = "万元") -> str:
    return f"<p>{title}</p><p>公开{number}表</p><p>部门：示例县文化馆　　　　金额单位：{unit}</p>"


SUMMARY_ROWS: list[Cells] = [
    [("收入", 3), ("支出", 3)],
    ["项目", "行次", "金额", "项目", "行次", "金额"],
    ["栏次", "", "1", "栏次", "", "2"],
    ["一、一般公共预算财政拨款收入", "1", "100.00", "一、一般公共服务支出", "32", ""],
    ["二、政府性基金预算财政拨款收入", "2", "", "二、文化旅游体育与传媒支出", "33", "90.00"],
    ["三、国有资本经营预算财政拨款收入", "3", "", "三、社会保障和就业支出", "34", "10.00"],
    ["八、其他收入", "8", "5.00", "", "", ""],
    ["本年收入合计", "9", "105.00", "本年支出合计", "57", "100.00"],
    ["使用非财政拨款结余", "10", "", "结余分配", "58", ""],
    ["年初结转和结余", "11", "", "年末结转和结余", "59", "5.00"],
    ["总计", "12", "105.00", "总计", "60", "105.00"],
]
SUMMARY = _table(SUMMARY_ROWS)

EXPENDITURE_ROWS: list[Cells] = [
    [("项目", 4), "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"],
    [("功能分类科目编码", 3), "科目名称", "", "", "", "", "", ""],
    ["类", "款", "项", "栏次", "1", "2", "3", "4", "5", "6"],
    ["", "", "", "合计", "100.00", "80.00", "20.00", "", "", ""],
    ["207", "", "", "文化旅游体育与传媒支出", "90.00", "70.00", "20.00", "", "", ""],
    ["207", "01", "", "文化和旅游", "90.00", "70.00", "20.00", "", "", ""],
    ["207", "01", "09", "群众文化", "90.00", "70.00", "20.00", "", "", ""],
    ["208", "", "", "社会保障和就业支出", "10.00", "10.00", "", "", "", ""],
    ["208", "05", "", "行政事业单位养老支出", "10.00", "10.00", "", "", "", ""],
    ["208", "05", "05", "机关事业单位基本养老保险缴费支出", "10.00", "10.00", "", "", "", ""],
]
EXPENDITURE = _table(EXPENDITURE_ROWS)

#: 表五 in 元, its header 本年支出 / 小计 · 基本支出 · 项目支出, its codes in one column
GENERAL_BUDGET_IN_YUAN = _table(
    [
        [("项目", 2), ("本年支出", 3)],
        ["科目编码", "科目名称", "小计", "基本支出", "项目支出"],
        ["栏次", "", "1", "2", "3"],
        ["", "合计", "950,000.00", "750,000.00", "200,000.00"],
        ["207", "文化旅游体育与传媒支出", "850,000.00", "650,000.00", "200,000.00"],
        ["208", "社会保障和就业支出", "100,000.00", "100,000.00", ""],
    ]
)


def _page(*parts: str) -> str:
    return (
        "<html><body><h1>示例县文化馆2023年度部门决算</h1><p>第二部分 2023年度部门决算表</p>"
        + "".join(parts)
        + "</body></html>"
    )


def _read(tmp_path: Path, html: str) -> Imported:
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    return read_html(path)


@pytest.fixture
def central(tmp_path: Path) -> Imported:
    return _read(
        tmp_path,
        _page(
            _heading("收入支出决算总表", "01"),
            SUMMARY,
            _heading("支出决算表", "03"),
            EXPENDITURE,
            _heading("一般公共预算财政拨款支出决算表", "05", unit="元"),
            GENERAL_BUDGET_IN_YUAN,
        ),
    )


def _issues(imported: Imported) -> list[str]:
    return [f"{issue.text}: {issue.reason}" for issue in imported.report.issues]


def test_the_summary_is_read_past_its_row_numbers_and_column_numbers(central: Imported) -> None:
    account, tables = central.account, central.account.tables
    assert tables is not None
    summary = tables.table("summary")
    assert summary is not None
    assert summary.title == "收入支出决算总表"  # not 公开01表, not the 部门：… line
    assert (account.income.general_budget.current, account.income.other.current) == (Money("100.00"), Money("5.00"))
    assert (account.income.total.current, account.expenditure.total.current) == (Money("105.00"), Money("105.00"))
    assert tables.cell("summary", "207", "amount").amount == Decimal("90.00")  # 金额 is the template's 决算数
    assert not any("栏次" in issue or "行次" in issue for issue in _issues(central))


def test_codes_printed_across_class_section_and_item_columns_are_joined(central: Imported) -> None:
    tables = central.account.tables
    assert tables is not None
    expenditure = tables.table("expenditure")
    assert expenditure is not None
    assert [row.key for row in expenditure.rows] == ["total", "207", "20701", "2070109", "208", "20805", "2080505"]
    assert tables.cell("expenditure", "2070109", "project").amount == Decimal("20.00")
    assert tables.cell("expenditure", "2080505", "basic").amount == Decimal("10.00")


def test_a_unit_at_the_end_of_the_department_line_scales_the_table(central: Imported) -> None:
    tables = central.account.tables
    assert tables is not None
    general = tables.table("general_budget_expenditure")
    assert general is not None and general.unit == "万元"
    assert general.columns == ("total", "basic", "project")  # 小计 under 本年支出 is the template's 合计
    assert tables.cell("general_budget_expenditure", "207", "total").amount == Decimal("85.0000000")
    assert "单位：元: 一般公共预算财政拨款支出决算表 prints 元: read in 万元, exactly" in _issues(central)


def test_the_composed_report_raises_no_error(central: Imported) -> None:
    errors = [f for f in check(central.account) if f.severity.value == "error"]
    assert errors == []


def test_a_half_with_no_known_column_is_an_issue_and_the_other_tables_still_import(tmp_path: Path) -> None:
    odd = SUMMARY.replace("<td>金额</td>", "<td>发生额</td>")
    imported = _read(
        tmp_path, _page(_heading("收入支出决算总表", "01"), odd, _heading("支出决算表", "03"), EXPENDITURE)
    )
    issues = _issues(imported)
    assert (
        "行次、发生额: the 收入 half of 收入支出决算总表 prints no column the template has; its rows are not read"
        in issues
    )
    assert (
        "行次、发生额: the 支出 half of 收入支出决算总表 prints no column the template has; its rows are not read"
        in issues
    )
    tables = imported.account.tables
    assert tables is not None
    assert tables.cell("expenditure", "2080505", "basic").amount == Decimal("10.00")


def test_a_table_published_under_another_title_is_found_by_it(tmp_path: Path) -> None:
    state_capital = _table(
        [
            [("项目", 2), ("本年支出", 3)],
            ["科目编码", "科目名称", "小计", "基本支出", "项目支出"],
            ["栏次", "", "1", "2", "3"],
            ["", "合计", "", "", ""],
        ]
    )
    imported = _read(tmp_path, _page(_heading("国有资本经营预算财政拨款支出决算表", "09"), state_capital))
    tables = imported.account.tables
    assert tables is not None
    table = tables.table("state_capital")
    assert table is not None and table.title == "国有资本经营预算财政拨款支出决算表"
    assert table.columns == ("expenditure", "basic", "project")
    assert imported.report.tables_unknown == ()
    assert not any(f.path == "tables[state_capital]" for f in check(imported.account))  # never called missing


def test_basic_expenditure_in_three_halves_with_a_total_label_merged_across(tmp_path: Path) -> None:
    basic = _table(
        [
            [("人员经费", 3), ("公用经费", 6)],
            ["科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"],
            ["301", "工资福利支出", "60.00", "302", "商品和服务支出", "15.00", "307", "债务利息及费用支出", ""],
            ["30101", "基本工资", "30.00", "30201", "办公费", "5.00", "310", "资本性支出", "5.00"],
            ["30102", "津贴补贴", "30.00", "30202", "印刷费", "10.00", "31002", "办公设备购置", "5.00"],
            [("人员经费合计", 2), "60.00", ("公用经费合计", 5), "20.00"],
        ]
    )
    imported = _read(tmp_path, _page(_heading("一般公共预算财政拨款基本支出决算明细表", "06"), basic))
    tables = imported.account.tables
    assert tables is not None
    assert tables.cell("basic_expenditure", "general_budget.personnel", "amount").amount == Decimal("60.00")
    assert tables.cell("basic_expenditure", "general_budget.public_use", "amount").amount == Decimal("20.00")
    assert tables.cell("basic_expenditure", "31002", "amount").amount == Decimal("5.00")
    assert imported.report.not_understood == ()
    assert [f.rule for f in check(imported.account) if f.severity.value == "error"] == []


def test_three_public_with_its_items_under_budget_and_actual(tmp_path: Path) -> None:
    items: list[str | tuple[str, int]] = ["合计", "因公出国（境）费", ("公务用车购置及运行费", 3), "公务接待费"]
    three_public = _table(
        [
            [("预算数", 6), ("决算数", 6)],
            items + items,
            ["", "", "小计", "公务用车购置费", "公务用车运行费", ""] * 2,
            ["栏次", *(str(i) for i in range(2, 13))],
            ["12.00", "", "10.00", "", "10.00", "2.00", "11.50", "", "9.80", "", "9.80", "1.70"],
        ]
    )
    imported = _read(tmp_path, _page(_heading("财政拨款“三公”经费支出决算表", "09"), three_public))
    tables = imported.account.tables
    assert tables is not None
    table = tables.table("three_public")
    assert table is not None and table.number == "九"  # the report's own number (the central template's 公开09表)
    read = {
        (row, column): tables.cell("three_public", f"three_public.{row}", column).amount
        for row in ("total", "vehicle", "vehicle_operation", "reception")
        for column in ("budget", "actual")
    }
    assert read == {
        ("total", "budget"): Decimal("12.00"),
        ("total", "actual"): Decimal("11.50"),
        ("vehicle", "budget"): Decimal("10.00"),
        ("vehicle", "actual"): Decimal("9.80"),
        ("vehicle_operation", "budget"): Decimal("10.00"),
        ("vehicle_operation", "actual"): Decimal("9.80"),
        ("reception", "budget"): Decimal("2.00"),
        ("reception", "actual"): Decimal("1.70"),
    }
    assert imported.report.not_understood == ()
    assert imported.account.three_public.total.current == Money("11.50")
    assert [f.rule for f in check(imported.account) if f.severity.value == "error"] == []


def test_the_central_names_of_the_vehicle_costs_in_the_narrative(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(
        "示例局2023年度部门决算\n第三部分 2023年度部门决算情况说明\n七、财政拨款“三公”经费支出决算情况说明\n"
        "2023年度“三公”经费财政拨款支出决算为11.50万元，完成预算的95.83%。其中：因公出国（境）费支出决算为0万元；"
        "公务用车购置及运行费支出决算为9.80万元，完成预算的98.00%，其中：公务用车购置费0万元，公务用车运行费9.80万元；"
        "公务接待费支出决算为1.70万元，完成预算的85.00%。\n",
        encoding="utf-8",
    )
    imported = read_text(path)
    three_public = imported.account.three_public
    assert (three_public.vehicle.current, three_public.vehicle_purchase.current) == (Money("9.80"), Money("0"))
    assert three_public.vehicle_operation.current == Money("9.80")  # 购置及运行费 is not 购置费
    assert [c.subject for c in imported.account.claims] == [
        "three_public.total",
        "three_public.vehicle",
        "three_public.reception",
    ]
    assert imported.report.not_understood == ()


FISCAL_SUMMARY = _table(
    [
        [("收入", 3), ("支出", 6)],
        [
            "项目",
            "行次",
            "金额",
            "项目",
            "行次",
            "合计",
            "一般公共预算财政拨款",
            "政府性基金预算财政拨款",
            "国有资本经营预算财政拨款",
        ],
        ["栏次", "", "1", "栏次", "", "2", "3", "4", "5"],
        ["一、一般公共预算财政拨款", "1", "100.00", "一、一般公共服务支出", "33", "", "", "", ""],
        ["二、政府性基金预算财政拨款", "2", "", "二、文化旅游体育与传媒支出", "34", "90.00", "90.00", "", ""],
        ["三、国有资本经营预算财政拨款", "3", "", "三、社会保障和就业支出", "35", "10.00", "10.00", "", ""],
        ["本年收入合计", "4", "100.00", "本年支出合计", "60", "100.00", "100.00", "", ""],
        ["年初财政拨款结转和结余", "5", "3.00", "年末财政拨款结转和结余", "61", "3.00", "3.00", "", ""],
        ["一般公共预算财政拨款", "6", "3.00", "", "62", "", "", "", ""],
        ["政府性基金预算财政拨款", "7", "", "", "63", "", "", "", ""],
        ["国有资本经营预算财政拨款", "8", "", "", "64", "", "", "", ""],
        ["总计", "9", "103.00", "总计", "65", "103.00", "103.00", "", ""],
    ]
)


def test_the_fiscal_summary_and_its_row_numbers_beside_no_name(tmp_path: Path) -> None:
    imported = _read(
        tmp_path,
        _page(_heading("财政拨款收入支出决算总表", "04"), FISCAL_SUMMARY, _heading("支出决算表", "03"), EXPENDITURE),
    )
    tables = imported.account.tables
    assert tables is not None
    assert tables.cell("fiscal_summary", "fiscal.general_budget.opening", "amount").amount == Decimal("3.00")
    assert tables.cell("fiscal_summary", "fiscal.expenditure_total", "general_budget").amount == Decimal("103.00")
    # 62, 63, 64 are 行次 beside no name, not amounts; and no cell of 表三 is taken for one of 表四's
    # (a web page's cells share grid places from table to table)
    assert imported.report.not_understood == ()
    assert not any("without a row name" in issue for issue in _issues(imported))
    assert [f.rule for f in check(imported.account) if f.severity.value == "error"] == []


def _workbook(path: Path, title: str) -> Path:
    """表一 as the central template's workbook prints it: title, 公开01表, 部门：… 金额单位：万元, 行次, 栏次."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [
        [title, None, None, None, None, None],
        [None, None, None, None, None, "公开01表"],
        ["部门：示例县文化馆", None, None, None, None, "金额单位：万元"],
        ["收入", None, None, "支出", None, None],
        ["项目", "行次", "金额", "项目", "行次", "金额"],
        ["栏次", None, 1, "栏次", None, 2],
        ["一、一般公共预算财政拨款收入", 1, 100, "二、文化旅游体育与传媒支出", 33, 100],
        ["本年收入合计", 9, 100, "本年支出合计", 57, 100],
        ["总计", 12, 100, "总计", 60, 100],
    ]:
        sheet.append(row)
    sheet.merge_cells("A1:F1")
    sheet.merge_cells("A4:C4")
    sheet.merge_cells("D4:F4")
    for row in sheet.iter_rows(min_row=7):
        for cell in row:
            if cell.column in (3, 6):
                cell.number_format = "#,##0.00"
    book.save(path)
    return path


def test_a_central_workbook_is_read_and_one_without_its_year_says_what_to_add(tmp_path: Path) -> None:
    from budgetkit.errors import LoadError
    from budgetkit.io.excel import read_excel

    imported = read_excel(_workbook(tmp_path / "with-year.xlsx", "2023年度收入支出决算总表"))
    account = imported.account
    assert (account.unit, account.year) == ("示例县文化馆", 2023)
    assert account.income.general_budget.current == Money("100.00")
    assert account.tables is not None and account.tables.cell("summary", "207", "amount").amount == Decimal("100.00")
    assert imported.report.not_understood == ()
    with pytest.raises(LoadError, match=r"add a line 编制单位：… \(or 部门：…\) and the year \(2023年度\)"):
        read_excel(_workbook(tmp_path / "no-year.xlsx", "收入支出决算总表"))


def _draw(path: Path, tables: Sequence[tuple[Sequence[str], Sequence[Cells], Sequence[int]]]) -> Path:
    """A PDF of ruled tables (a cover page, then a page a table with its heading lines above it), as Word prints them."""
    pytest.importorskip("pdfplumber")
    pytest.importorskip("reportlab")
    texts = "".join(str(c[0] if isinstance(c, tuple) else c) for _, rows, _ in tables for row in rows for c in row)
    pdf, font = covered(path, texts + "".join(h for heading, _, _ in tables for h in heading))
    for heading, rows, widths in tables:
        y = 560.0
        for line in heading:
            pdf.setFont(font, 12)
            pdf.drawCentredString(421, y, line)
            y -= 18
        grid(pdf, font, rows, widths, y)
        pdf.showPage()
    pdf.save()
    return path


def covered(path: Path, text: str) -> tuple[Any, str]:
    """A landscape reportlab canvas writing ``path``, its cover page (示例县文化馆2023年度部门决算) drawn, and a font that
    holds ``text``: the caller draws the pages after the cover and saves."""
    from reportlab.pdfgen import canvas

    from budgetkit.outputs.pdf import _font

    font = _font(frozenset(text + "示例县文化馆2023年度部门决算"))
    pdf = canvas.Canvas(str(path), pagesize=(842, 595))
    pdf.setFont(font, 16)
    pdf.drawCentredString(421, 400, "示例县文化馆2023年度部门决算")
    pdf.showPage()
    return pdf, font


def grid(pdf: Any, font: str, rows: Sequence[Cells], widths: Sequence[int], y: float) -> None:
    """Draw ``rows`` as a ruled grid below ``y`` on a reportlab canvas: each cell a box 16 pt high, ``(text, n)``
    spanning n columns."""
    for r, row in enumerate(rows):
        x, column = 30.0, 0
        for cell in row:
            text, span = cell if isinstance(cell, tuple) else (cell, 1)
            width = sum(widths[column : column + span])
            pdf.rect(x, y - 4 - (r + 1) * 16, width, 16)
            if text:
                pdf.setFont(font, 7)
                pdf.drawString(x + 2, y + 1 - (r + 1) * 16, text)
            x, column = x + width, column + span


def test_a_pdf_of_the_central_template_reads_as_its_web_page(tmp_path: Path) -> None:
    from budgetkit.io.pdf import read_pdf

    unit = "部门：示例县文化馆　　　　金额单位：万元"
    path = _draw(
        tmp_path / "central.pdf",
        [
            (["收入支出决算总表", "公开01表", unit], SUMMARY_ROWS, [150, 40, 80, 150, 40, 80]),
            (["支出决算表", "公开03表", unit], EXPENDITURE_ROWS, [35, 30, 30, 170, 70, 60, 60, 70, 60, 90]),
        ],
    )
    imported = read_pdf(path)
    tables = imported.account.tables
    assert tables is not None
    assert [(t.key, t.title) for t in tables.tables] == [("summary", "收入支出决算总表"), ("expenditure", "支出决算表")]
    expenditure = tables.table("expenditure")
    assert expenditure is not None
    assert [row.key for row in expenditure.rows] == ["total", "207", "20701", "2070109", "208", "20805", "2080505"]
    assert imported.account.income.total.current == Money("105.00")
    assert imported.report.not_understood == ()
    assert [f.rule for f in check(imported.account) if f.severity.value == "error"] == []


def test_a_page_laid_out_in_a_table_reads_its_paragraphs_and_its_tables(tmp_path: Path) -> None:
    """Old sites put the whole page in one table: its cells are paragraphs, the tables inside it tables; a cell's
    markup (<p>, <span>, &nbsp;, <br>) is its text."""
    summary = SUMMARY.replace("<td>100.00</td>", "<td><p><span style='font-size:9pt'>&nbsp;100.00&nbsp;</span></p></td>")
    summary = summary.replace("<td>一、一般公共预算财政拨款收入</td>", "<td><p>一、一般公共预算<br/>财政拨款收入</p></td>")
    page = _page(_heading("收入支出决算总表", "01"), summary).replace("<body>", "<body><table width=100%><tr><td>")
    imported = _read(tmp_path, page.replace("</body>", "</td></tr></table></body>"))
    account = imported.account
    assert (account.unit, account.year) == ("示例县文化馆", 2023)
    assert account.income.general_budget.current == Money("100.00")
    assert account.tables is not None and [t.key for t in account.tables.tables] == ["summary"]
    assert imported.report.not_understood == ()


@pytest.mark.parametrize(
    "again",
    [[], ["续表"], ["支出决算表（续）", "部门：示例县文化馆　　　　金额单位：万元"]],
    ids=["nothing-above", "xubiao", "title-continued-and-unit"],
)
def test_a_table_over_two_pages_with_its_header_printed_again_is_one_table(tmp_path: Path, again: list[str]) -> None:
    """A table split over two pages, its header rows printed again at the top of the second (a word processor's
    repeated header rows), under nothing, a 续表 line, or its title marked （续） and its unit: one table, read as the
    same table printed on one page, with no issue about the repeated rows."""
    from budgetkit.io.pdf import read_pdf

    unit = "部门：示例县文化馆　　　　金额单位：万元"
    widths = [35, 30, 30, 170, 70, 60, 60, 70, 60, 90]
    whole = read_pdf(_draw(tmp_path / "whole.pdf", [(["支出决算表", "公开03表", unit], EXPENDITURE_ROWS, widths)]))
    header, body = EXPENDITURE_ROWS[:3], EXPENDITURE_ROWS[3:]
    split = read_pdf(
        _draw(
            tmp_path / "split.pdf",
            [(["支出决算表", "公开03表", unit], [*header, *body[:3]], widths), (again, [*header, *body[3:]], widths)],
        )
    )
    assert split.account.tables is not None and whole.account.tables is not None
    assert split.account.tables.tables == whole.account.tables.tables
    assert [str(issue) for issue in split.report.issues] == [str(issue) for issue in whole.report.issues]
    assert split.report.not_understood == ()


@pytest.mark.parametrize("unit_line", [True, False], ids=["title-and-unit", "title-alone"])
def test_a_title_left_at_the_foot_of_the_page_before_its_table_is_its_title(tmp_path: Path, unit_line: bool) -> None:
    """A table whose title (and unit) a page break left at the foot of the page before it, under running text: the
    title is the table's, and no part of the text (before, the table had no title and was unknown)."""
    pytest.importorskip("pdfplumber")
    pytest.importorskip("reportlab")
    from budgetkit.io.pdf import read_pdf

    widths = [35, 30, 30, 170, 70, 60, 60, 70, 60, 90]
    prose = "本表反映示例县文化馆本年度各项支出情况，其中基本支出80.00万元，项目支出20.00万元。"
    texts = "".join(str(c[0] if isinstance(c, tuple) else c) for row in EXPENDITURE_ROWS for c in row)
    path = tmp_path / "orphan.pdf"
    pdf, font = covered(path, texts + prose + "支出决算表金额单位：万元")
    pdf.setFont(font, 12)
    pdf.drawString(72, 500, prose)
    pdf.drawCentredString(421, 90, "支出决算表")
    if unit_line:
        pdf.drawRightString(770, 70, "金额单位：万元")
    pdf.showPage()
    grid(pdf, font, EXPENDITURE_ROWS, widths, 560.0)
    pdf.showPage()
    pdf.save()
    imported = read_pdf(path)
    tables = imported.account.tables
    assert tables is not None and [(t.key, t.title) for t in tables.tables] == [("expenditure", "支出决算表")]
    assert [row.key for row in tables.table("expenditure").rows][:2] == ["total", "207"]  # type: ignore[union-attr]
    assert not any("支出决算表" in p.text for p in imported.account.passages)


def test_a_list_of_titles_before_an_untitled_table_is_not_its_heading(tmp_path: Path) -> None:
    """Centred table titles ending a page (a 目录 of the tables) before a page whose table prints no heading: a list of
    titles is no table's heading (more than a title, its number and its unit); they stay text."""
    pytest.importorskip("pdfplumber")
    pytest.importorskip("reportlab")
    from budgetkit.io.document import read_pdf as read_document

    titles = ["一、收入支出决算总表", "二、收入决算表", "三、支出决算表", "四、财政拨款收入支出决算总表"]
    widths = [35, 30, 30, 170, 70, 60, 60, 70, 60, 90]
    texts = "".join(str(c[0] if isinstance(c, tuple) else c) for row in EXPENDITURE_ROWS for c in row)
    path = tmp_path / "contents.pdf"
    pdf, font = covered(path, texts + "".join(titles))
    pdf.setFont(font, 12)
    for k, title in enumerate(titles):
        pdf.drawCentredString(421, 160 - 20 * k, title)
    pdf.showPage()
    grid(pdf, font, EXPENDITURE_ROWS, widths, 560.0)
    pdf.showPage()
    pdf.save()
    doc = read_document(path)
    assert [table.title for table in doc.tables] == [None]
    assert [p.text for p in doc.paragraphs if p.text in titles] == titles
