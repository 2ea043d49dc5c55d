"""Published PDFs laid out otherwise than the two samples: each reads as the samples' layout does.

Found by re-typesetting the social-work sample some sixty ways (Word, WPS and spreadsheet exports differ in where
they put a table's number and unit, how they align text, what they print for nothing) and comparing what
``budgetkit check`` and ``import`` give with what they give on the sample itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest

from budgetkit.io.document import read_pdf
from budgetkit.io.table_import import read_tables
from budgetkit.model.tables import table_set

SAMPLES = Path(__file__).parent / "data" / "samples"
ROWS = (("项目", "决算数"), ("本年收入合计", "100.00"), ("本年支出合计", "100.00"))


def _canvas(path: Path, text: str) -> tuple[Any, str]:
    """An A4 reportlab canvas writing ``path`` and a font holding ``text``."""
    from reportlab.pdfgen import canvas

    from budgetkit.outputs.pdf import _font

    return canvas.Canvas(str(path), pagesize=(595, 842)), _font(frozenset(text + "".join(c for r in ROWS for c in r)))


def _grid(pdf: Any, font: str, top: float) -> None:
    for r, row in enumerate(ROWS):
        for c, text in enumerate(row):
            x, y = 60 + 240 * c, top - (r + 1) * 20
            pdf.rect(x, y, 240, 20)
            pdf.setFont(font, 10)
            pdf.drawString(x + 4, y + 6, text)


@pytest.mark.parametrize(
    "heading",
    [
        # its number and its unit on one line under the title
        (("收入支出决算总表", "centre"), ("公开01表", "left"), ("单位：万元", "right")),
        (("收入支出决算总表", "centre"), ("公开01表　　　　　　　　　　　　　　　　　　　　单位：万元", "left")),
        # the title and the unit on one line across the page
        (("收入支出决算总表　　　　　　　　　　　　　　　单位：万元", "left"),),
        # the number before the title
        (("公开01表　收入支出决算总表", "centre"), ("单位：万元", "right")),
    ],
)
def test_a_table_s_title_number_and_unit_however_set(tmp_path: Path, heading: tuple[tuple[str, str], ...]) -> None:
    """Before, each of these headings made its table unknown (its title taken for running text, or for nothing):
    every table of such a report was lost."""
    path = tmp_path / "table.pdf"
    pdf, font = _canvas(path, "".join(text for text, _ in heading))
    y = 760.0
    for text, where in heading:
        pdf.setFont(font, 14)
        if where == "centre":
            pdf.drawCentredString(297, y, text)
        elif where == "right":
            pdf.drawRightString(540, y, text)
        else:
            pdf.drawString(60, y, text)
        y -= 22
    _grid(pdf, font, y - 4)
    pdf.save()
    [table] = read_pdf(path).tables
    assert (table.title, table.unit) == ("收入支出决算总表", "万元")


def test_ragged_text_broken_before_a_number_is_one_paragraph(tmp_path: Path) -> None:
    """Text set left-aligned breaks before a number that does not fit: the line ends short of the margin, yet the
    paragraph goes on (before, it was split there, and the amount on the next line lost its subject)."""
    lines = [
        "　　一般公共预算财政拨款支出年初预算为0万元，全年预算为",
        "321.02万元，支出决算为307.82万元，完成全年预算的95.89%。决算数小",
        "于预算数的主要原因：厉行节约。",
    ]
    path = tmp_path / "ragged.pdf"
    pdf, font = _canvas(path, "".join(lines))
    pdf.setFont(font, 15)
    for k, line in enumerate(lines):
        pdf.drawString(60, 760 - 30 * k, line)
    pdf.save()
    paragraphs = [p.text for p in read_pdf(path).paragraphs]
    assert "".join(lines).strip("　") in [p.strip("　") for p in paragraphs]


def test_an_empty_three_public_table_printing_dashes_is_read_as_blanks() -> None:
    """表七 of the social-work sample with a dash for every nothing (as a spreadsheet exports it): its row of dashes
    is the printed blanks, not more header (before, the table's figures were all lost)."""
    tables = read_pdf(SAMPLES / "putuo-social-work-2024.pdf").tables
    three = next(t for t in tables if t.title == "财政拨款“三公”经费支出决算表")
    rows = (*three.rows[:-1], tuple(attrs.evolve(cell, text="-") for cell in three.rows[-1]))
    result = read_tables([attrs.evolve(three, rows=rows)], table_set("national-2024"))
    assert result.tables.cell("three_public", "three_public.total", "actual").is_blank
    assert result.tables.cell("three_public", "three_public.reception", "budget").is_blank


def test_a_running_head_right_above_a_continued_table_is_the_head(tmp_path: Path) -> None:
    """A running head set a few points above the text (a title, or a table continued from the page before, starting
    right below it): the head on every page, not the continued table's title (before, the table's rest was read as
    an unknown table, its rows lost, and its totals gave false errors)."""
    head = "示例局2024年度部门决算"
    rows = [("项目", "决算数"), ("合计", "100.00"), ("201", "60.00"), ("20101", "60.00"), ("208", "40.00"), ("20805", "40.00")]
    path = tmp_path / "head.pdf"
    pdf, font = _canvas(path, head + "收入决算表单位：万元情况说明本年收入合计一百万元。")

    def page(lines: list[tuple[str, float]], table: list[tuple[str, str]], top: float) -> None:
        pdf.setFont(font, 10)
        pdf.drawCentredString(297, 812, head)  # the head, its bottom some 4 pt above what follows
        for text, y in lines:
            pdf.setFont(font, 14)
            pdf.drawCentredString(297, y, text)
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                pdf.rect(60 + 240 * c, top - (r + 1) * 20, 240, 20)
                pdf.setFont(font, 10)
                pdf.drawString(64 + 240 * c, top - (r + 1) * 20 + 6, text)
        pdf.showPage()

    page([("收入决算表", 794), ("单位：万元", 776)], rows[:4], 770)
    page([], rows[4:], 808)
    page([("情况说明", 700), ("本年收入合计一百万元。", 670)], [], 0)
    pdf.save()
    doc = read_pdf(path)
    assert [(t.title, [row[0].text for row in t.rows]) for t in doc.tables] == [
        ("收入决算表", [row[0] for row in rows])
    ]


def test_a_heading_on_its_line_ends_its_paragraph_before_a_number(tmp_path: Path) -> None:
    """Ragged text goes on before a number, but a section heading on a line of its own does not run into the text
    under it, even when that text starts with a year and the heading nearly fills its line."""
    lines = ["五、一般公共预算财政拨款支出决算情况说明（二）结构情况明细分析表", "2024年度一般公共预算财政拨款支出307.82万元。"]
    path = tmp_path / "heading.pdf"
    pdf, font = _canvas(path, "".join(lines) + "示例局本年收入合计")
    pdf.setFont(font, 15)
    pdf.drawString(60, 760, lines[0])
    pdf.drawString(60, 730, lines[1])
    pdf.drawString(60, 700, "示例局本年收入合计示例局本年收入合计示例局本年收入合计示例局本年收入合")  # the right margin
    pdf.save()
    paragraphs = [p.text for p in read_pdf(path).paragraphs]
    assert paragraphs[:2] == lines


def test_a_total_row_left_alone_on_the_next_page_ends_its_table(tmp_path: Path) -> None:
    """A table whose last row, its total (合计 merged across the code and name columns), is printed alone at the top
    of the next page: that row is the table's, spread over its columns (before, pdfplumber saw a table of a column
    fewer there, read as another table, and the total was lost)."""
    widths = (90, 150, 80, 80, 80)
    header = ("功能分类科目编码", "科目名称", "合计", "基本支出", "项目支出")
    body = [("201", "一般公共服务支出", "100.00", "60.00", "40.00"), ("20101", "人大事务", "100.00", "60.00", "40.00")]
    path = tmp_path / "total.pdf"
    pdf, font = _canvas(path, "一般公共预算财政拨款支出决算表单位：万元" + "".join(header) + "".join(body[1][:2]) + "一般公共服务支出合计")

    def cells(texts: tuple[str, ...], spans: tuple[int, ...], y: float) -> None:
        x, k = 60.0, 0
        for text, span in zip(texts, spans, strict=True):
            width = sum(widths[k : k + span])
            pdf.rect(x, y, width, 20)
            pdf.setFont(font, 10)
            pdf.drawString(x + 4, y + 6, text)
            x, k = x + width, k + span

    pdf.setFont(font, 14)
    pdf.drawCentredString(297, 790, "一般公共预算财政拨款支出决算表")
    pdf.setFont(font, 10)
    pdf.drawRightString(540, 770, "单位：万元")
    for n, texts in enumerate((header, *body)):
        cells(texts, (1,) * 5, 740 - 20 * n)
    pdf.showPage()
    cells(("合计", "100.00", "60.00", "40.00"), (2, 1, 1, 1), 790)
    pdf.save()
    [table] = read_pdf(path).tables
    assert table.pages == (1, 2)
    assert [cell.text for cell in table.rows[-1]] == ["合计", None, "100.00", "60.00", "40.00"]
    result = read_tables([table], table_set("national-2024"))
    total = result.tables.cell("general_budget_expenditure", "total", "total")
    assert total is not None and str(total.amount) == "100.00"
