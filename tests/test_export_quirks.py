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

