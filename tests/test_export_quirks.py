"""Quirks of real PDF exports that the PDF import reads through: amounts printed as accountants and typesetters
print them (negatives in brackets or with a full-width minus, digits grouped by thin spaces, a footnote mark after
a figure)."""

from __future__ import annotations

from pathlib import Path

from budgetkit.io.pdf import read_pdf
from test_central_tables import EXPENDITURE_ROWS, Cells, _draw

UNIT = "部门：示例县文化馆　　　　金额单位：万元"
WIDTHS = [35, 30, 30, 170, 70, 60, 60, 70, 60, 90]


def _expenditure(tmp_path: Path, rows: list[Cells]) -> dict[str, tuple[str, ...]]:
    """Draw 表三 with ``rows`` as its body under the central header and read it: its cells by row key."""
    path = _draw(tmp_path / "quirks.pdf", [(["支出决算表", "公开03表", UNIT], [*EXPENDITURE_ROWS[:3], *rows], WIDTHS)])
    tables = read_pdf(path).account.tables
    assert tables is not None
    table = tables.table("expenditure")
    assert table is not None
    return {row.key: tuple(str(cell) for cell in row.cells) for row in table.rows}


def test_negative_amounts_in_brackets_or_with_another_minus_are_read_negative(tmp_path: Path) -> None:
    """(−5.00) as an accounting format prints it, －5.00 with a full-width minus and 5.00- with its minus after it are
    −5.00; before, each was 'not a number' and left its whole column unread."""
    rows: list[Cells] = [
        ["", "", "", "合计", "85.00", "（5.00）", "90.00", "", "", ""],
        ["207", "", "", "文化旅游体育与传媒支出", "85.00", "(5.00)", "90.00", "", "", ""],
        ["207", "01", "", "文化和旅游", "85.00", "－5.00", "90.00", "", "", ""],
        ["207", "01", "09", "群众文化", "85.00", "5.00-", "90.00", "", "", ""],
    ]
    cells = _expenditure(tmp_path, rows)
    assert {key: cells[key][:3] for key in ("total", "207", "20701", "2070109")} == dict.fromkeys(
        ("total", "207", "20701", "2070109"), ("Cell('85.00')", "Cell('-5.00')", "Cell('90.00')")
    )


def test_amounts_grouped_by_thin_spaces_or_marked_by_a_footnote_are_read(tmp_path: Path) -> None:
    """1 054.90 grouped by a no-break space, 1，054.90 by a full-width comma and 1,054.90* or 1,054.90① with a
    footnote mark are the amount 1054.90 (thin spaces, which the test's font cannot draw: see _amount_text)."""
    rows: list[Cells] = [
        ["", "", "", "合计", "1\u00a0054.90", "1\u00a0054.90", "", "", "", ""],
        ["207", "", "", "文化旅游体育与传媒支出", "1，054.90", "1，054.90", "", "", "", ""],
        ["207", "01", "", "文化和旅游", "1,054.90*", "1,054.90①", "", "", "", ""],
        ["207", "01", "09", "群众文化", "1054.90", "1054.90", "", "", "", ""],
    ]
    cells = _expenditure(tmp_path, rows)
    assert {cells[key][:2] for key in ("total", "207", "20701", "2070109")} == {("Cell('1054.90')", "Cell('1054.90')")}


def test_a_note_mark_raised_after_a_figure_is_no_digit_of_it(tmp_path: Path) -> None:
    """A footnote mark set as a superscript after a figure (307.82¹, drawn as a small raised 1) is dropped: pdfplumber
    reads it into the line above, and the cell read 1307.82, a figure a thousand more."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from test_central_tables import covered, grid

    rows: list[Cells] = [
        *EXPENDITURE_ROWS[:3],
        ["", "", "", "合计", "307.82", "300.00", "7.82", "", "", ""],
        ["207", "", "", "文化旅游体育与传媒支出", "307.82", "300.00", "7.82", "", "", ""],
    ]
    path = tmp_path / "marks.pdf"
    pdf, font = covered(path, "支出决算表公开03表" + UNIT + "".join(str(c[0] if isinstance(c, tuple) else c) for r in rows for c in r))
    y = 560.0
    for line in ("支出决算表", "公开03表", UNIT):
        pdf.setFont(font, 12)
        pdf.drawCentredString(421, y, line)
        y -= 18
    grid(pdf, font, rows, WIDTHS, y)
    x = 30 + sum(WIDTHS[:4]) + 2 + stringWidth("307.82", font, 7)
    for r, mark in ((3, "1"), (4, "12")):  # the marks of the year_total cells: raised 2.5 pt, at 4.5 pt
        pdf.setFont(font, 4.5)
        pdf.drawString(x, y + 1 - (r + 1) * 16 + 2.5, mark)
    pdf.showPage()
    pdf.save()
    tables = read_pdf(path).account.tables
    assert tables is not None
    table = tables.table("expenditure")
    assert table is not None
    assert [tuple(str(c) for c in row.cells[:3]) for row in table.rows] == [("Cell('307.82')", "Cell('300.00')", "Cell('7.82')")] * 2


def test_a_title_printed_in_the_first_row_of_its_grid_is_read_once(tmp_path: Path) -> None:
    """A table whose title is its grid's first row, merged across (as a workbook prints it), is one table: read from
    its words as well, it was read twice, and the copy took the note below it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table
    from reportlab.platypus.flowables import PageBreak

    from budgetkit.outputs.pdf import _font

    body = [
        ("201", "一般公共服务支出", "264.87", "62.63", "202.24"), ("20139", "社会工作事务", "264.87", "62.63", "202.24"),
        ("2013901", "行政运行", "51.32", "51.32", ""), ("2013950", "事业运行", "11.31", "11.31", ""),
        ("2013999", "其他社会工作事务支出", "202.24", "", "202.24"), ("208", "社会保障和就业支出", "10.82", "10.82", ""),
        ("20805", "行政事业单位养老支出", "10.82", "10.82", ""), ("2080505", "机关事业单位基本养老保险缴费支出", "6.18", "6.18", ""),
        ("2080506", "机关事业单位职业年金缴费支出", "4.64", "4.64", ""), ("210", "卫生健康支出", "2.71", "2.71", ""),
        ("21011", "行政事业单位医疗", "2.71", "2.71", ""), ("2101101", "行政单位医疗", "2.22", "2.22", ""),
        ("2101102", "事业单位医疗", "0.49", "0.49", ""), ("221", "住房保障支出", "29.42", "29.42", ""),
        ("22102", "住房改革支出", "29.42", "29.42", ""), ("2210201", "住房公积金", "17.70", "17.70", ""),
        ("2210203", "购房补贴", "11.72", "11.72", ""),
    ]
    rows = [
        ["一般公共预算财政拨款支出决算表", "", "", "", ""],
        ["项目", "", "合计", "基本支出", "项目支出"],
        ["功能分类科目编码", "科目名称", "", "", ""],
        *(list(row) for row in body),
        ["合计", "", "307.82", "105.58", "202.24"],
    ]
    note = "注：本表反映部门本年度一般公共预算财政拨款支出情况。"
    font = _font(frozenset("".join(c for r in rows for c in r) + note + "单位：万元示例局2024年度部门决算"))
    style = [("FONT", (0, 0), (-1, -1), font, 10), ("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("SPAN", (0, 0), (4, 0)), ("SPAN", (0, 1), (1, 1)), ("SPAN", (2, 1), (2, 2)), ("SPAN", (3, 1), (3, 2)), ("SPAN", (4, 1), (4, 2)),
             ("SPAN", (0, -1), (1, -1)), ("ALIGN", (0, 0), (-1, 2), "CENTER"), ("ALIGN", (2, 3), (-1, -1), "RIGHT")]
    text = ParagraphStyle("t", fontName=font, fontSize=10)
    path = tmp_path / "titled.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([
        Paragraph("示例局2024年度部门决算", text), PageBreak(), Paragraph("单位：万元", text),
        Table(rows, colWidths=[90, 170, 85, 85, 85], style=style), Paragraph(note, text),
    ])
    tables = read_pdf(path).account.tables
    assert tables is not None
    assert [(t.key, t.notes) for t in tables.tables] == [("general_budget_expenditure", (note,))]


def test_a_watermark_printed_level_in_light_grey_is_not_read_into_the_cells(tmp_path: Path) -> None:
    """A level watermark (WPS's 水平 watermark: the unit's name in light grey across every page, behind the table)
    is not read: pdfplumber read it into the cells it crossed, and their names and amounts were lost."""
    from test_central_tables import covered, grid

    rows: list[Cells] = [
        *EXPENDITURE_ROWS[:3],
        ["", "", "", "合计", "307.82", "300.00", "7.82", "", "", ""],
        ["207", "", "", "文化旅游体育与传媒支出", "307.82", "300.00", "7.82", "", "", ""],
    ]
    mark = "示例县文化馆 内部资料 示例县文化馆 内部资料 示例县文化馆 内部资料"
    path = tmp_path / "watermark.pdf"
    pdf, font = covered(path, mark + "支出决算表公开03表" + UNIT + "".join(str(c[0] if isinstance(c, tuple) else c) for r in rows for c in r))
    pdf.saveState()
    pdf.setFillGray(0.85)
    pdf.setFont(font, 12)
    pdf.drawString(60, 560 - 3 * 18 - 4 - 4 * 16, mark)  # across the 合计 row, under its text
    pdf.restoreState()
    y = 560.0
    for line in ("支出决算表", "公开03表", UNIT):
        pdf.setFont(font, 12)
        pdf.drawCentredString(421, y, line)
        y -= 18
    grid(pdf, font, rows, WIDTHS, y)
    pdf.showPage()
    pdf.save()
    tables = read_pdf(path).account.tables
    assert tables is not None
    table = tables.table("expenditure")
    assert table is not None
    assert [(row.key, row.name, tuple(str(c) for c in row.cells[:3])) for row in table.rows] == [
        ("total", "合计", ("Cell('307.82')", "Cell('300.00')", "Cell('7.82')")),
        ("207", "文化旅游体育与传媒支出", ("Cell('307.82')", "Cell('300.00')", "Cell('7.82')")),
    ]


def test_a_half_of_the_summary_with_its_only_column_unread_leaves_the_other_half(tmp_path: Path) -> None:
    """One cell of 表一's income 金额 that is no number (100.00万) leaves the income half unread, and the
    expenditure half is still imported: the table was refused whole (an income row in a table without income
    columns)."""
    from test_central_tables import SUMMARY_ROWS

    rows = [list(row) for row in SUMMARY_ROWS]
    rows[3][2] = "100.00万"
    path = _draw(tmp_path / "summary.pdf", [(["收入支出决算总表", "公开01表", UNIT], rows, [150, 40, 80, 150, 40, 80])])
    imported = read_pdf(path)
    tables = imported.account.tables
    assert tables is not None
    summary = tables.table("summary")
    assert summary is not None
    assert (summary.income_columns, {row.side.value for row in summary.rows}) == ((), {"expenditure"})
    assert any("收入 half of 收入支出决算总表 has no column read" in str(issue) for issue in imported.report.issues)


def test_a_note_printed_after_an_amount_is_text_and_the_amount_is_read(tmp_path: Path) -> None:
    """95.36注1, 95.36（注1） and 95.36 注 are the amount 95.36 with a note called after it: the amount is read, and an
    import issue names the cell and keeps the note; before, the cell was 'not a number' and its whole column was left
    unread."""
    rows: list[Cells] = [
        ["", "", "", "合计", "100.00注1", "80.00", "20.00", "", "", ""],
        ["207", "", "", "文化旅游体育与传媒支出", "90.00（注1）", "70.00", "20.00", "", "", ""],
        ["207", "01", "", "文化和旅游", "90.00 注", "70.00", "20.00", "", "", ""],
        ["207", "01", "09", "群众文化", "90.00", "70.00", "20.00", "", "", ""],
    ]
    path = _draw(tmp_path / "noted.pdf", [(["支出决算表", "公开03表", UNIT], [*EXPENDITURE_ROWS[:3], *rows], WIDTHS)])
    imported = read_pdf(path)
    tables = imported.account.tables
    assert tables is not None
    table = tables.table("expenditure")
    assert table is not None
    assert [str(row.cells[0]) for row in table.rows] == ["Cell('100.00')", "Cell('90.00')", "Cell('90.00')", "Cell('90.00')"]
    noted = [(issue.text, issue.box.page if issue.box else None) for issue in imported.report.issues if "a note “" in issue.reason]
    assert noted == [("100.00注1", 2), ("90.00（注1）", 2), ("90.00 注", 2)]
    assert not imported.report.not_understood  # the note's 1 is text, the amount imported


def test_a_cell_with_more_than_a_note_after_its_amount_stays_unread(tmp_path: Path) -> None:
    """90.00注明 (a word, not a note's mark) and 注1 alone are no amount: the column stays unread, as before."""
    rows: list[Cells] = [
        ["", "", "", "合计", "100.00", "80.00注明", "20.00", "", "", ""],
        ["207", "", "", "文化旅游体育与传媒支出", "90.00", "注1", "20.00", "", "", ""],
    ]
    path = _draw(tmp_path / "unread.pdf", [(["支出决算表", "公开03表", UNIT], [*EXPENDITURE_ROWS[:3], *rows], WIDTHS)])
    imported = read_pdf(path)
    tables = imported.account.tables
    assert tables is not None
    table = tables.table("expenditure")
    assert table is not None
    assert "basic" not in table.columns
    unread = [issue.text for issue in imported.report.issues if issue.reason.startswith("not a number in column basic")]
    assert unread == ["80.00注明", "注1"]


def test_a_text_printed_over_its_cell_s_edge_is_read_in_its_own_cell(tmp_path: Path) -> None:
    """A long 科目名称 printed on one line in a narrow column runs over into the amount cell beside it (Excel clips it
    on screen; the glyphs are in the PDF), even over that cell's amount, and a right-aligned amount with a note runs
    over into the cell on its left: each text is its own cell's. Before, pdfplumber cut each at the rule, and the
    amount cell it ran into was 'not a number', its whole column unread."""
    from test_central_tables import covered, grid

    widths = [35, 30, 30, 70, 35, 60, 60, 70, 60, 90]
    rows: list[Cells] = [
        ["", "", "", "合计", "100.00", "80.00", "20.00", "", "", ""],
        ["207", "", "", "文化旅游体育与传媒支出", "90.00", "70.00", "20.00", "", "", ""],  # into the blank part of a cell
        ["207", "01", "", "文化和旅游", "90.00（注1）", "70.00", "20.00", "", "", ""],  # an amount into the cell on its left
        ["207", "01", "09", "群众文化", "90.00", "70.00", "20.00", "", "", ""],
        ["208", "", "", "社会保障和就业支出", "10.00", "10.00", "", "", "", ""],
        ["208", "05", "", "行政事业单位养老支出", "10.00", "10.00", "", "", "", ""],
        ["208", "05", "06", "机关事业单位职业年金缴费支出", "10.00", "10.00", "", "", "", ""],  # over the next cell's amount
    ]
    path = tmp_path / "overflow.pdf"
    texts = "".join(str(c[0] if isinstance(c, tuple) else c) for r in [*EXPENDITURE_ROWS[:3], *rows] for c in r)
    pdf, font = covered(path, texts + "支出决算表公开03表" + UNIT)
    y = 560.0
    for line in ("支出决算表", "公开03表", UNIT):
        pdf.setFont(font, 12)
        pdf.drawCentredString(421, y, line)
        y -= 18
    grid(pdf, font, EXPENDITURE_ROWS[:3], widths, y)
    pdf.setFont(font, 7)
    for r, row in enumerate(rows, start=3):  # names left-aligned on one line, amounts right-aligned, as a workbook prints
        x = 30.0
        for c, text in enumerate(row):
            pdf.rect(x, y - 4 - (r + 1) * 16, widths[c], 16)
            if c >= 4:
                pdf.drawRightString(x + widths[c] - 2, y + 1 - (r + 1) * 16, str(text))
            else:
                pdf.drawString(x + 2, y + 1 - (r + 1) * 16, str(text))
            x += widths[c]
    pdf.showPage()
    pdf.save()
    tables = read_pdf(path).account.tables
    assert tables is not None
    table = tables.table("expenditure")
    assert table is not None
    assert [(row.key, row.name, tuple(str(c) for c in row.cells[:3])) for row in table.rows if row.key in ("207", "20701", "2080506")] == [
        ("207", "文化旅游体育与传媒支出", ("Cell('90.00')", "Cell('70.00')", "Cell('20.00')")),
        ("20701", "文化和旅游", ("Cell('90.00')", "Cell('70.00')", "Cell('20.00')")),
        ("2080506", "机关事业单位职业年金缴费支出", ("Cell('10.00')", "Cell('10.00')", "Cell('')")),
    ]
