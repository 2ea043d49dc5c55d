"""Tests for budgetkit.document: a published PDF read into paragraphs, tables and numbers with their places."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from budgetkit.document import Box, Document, Line, Paragraph, read_pdf
from budgetkit.errors import LoadError

pytest.importorskip("pdfplumber")

SAMPLES = Path(__file__).parent / "data" / "samples"
PLANNING = SAMPLES / "putuo-planning-2024.pdf"
SOCIAL = SAMPLES / "putuo-social-work-2024.pdf"
TEMPLATE = SAMPLES / "template-shanghai-2024.pdf"

#: The nine tables of the 2024 Shanghai set, in their printed order.
NINE = (
    "收入支出决算总表",
    "收入决算表",
    "支出决算表",
    "财政拨款收入支出决算总表",
    "一般公共预算财政拨款支出决算表",
    "一般公共预算财政拨款基本支出决算表",
    "财政拨款“三公”经费支出决算表",
    "政府性基金预算财政拨款收入支出决算表",
    "国有资本经营预算财政拨款收入支出决算表",
)


@pytest.fixture(scope="module")
def planning() -> Document:
    """The 规划和自然资源局 report, read once."""
    return read_pdf(PLANNING)


@pytest.fixture(scope="module")
def social() -> Document:
    """The 区委社会工作部 report, read once."""
    return read_pdf(SOCIAL)


@pytest.mark.parametrize("path", [PLANNING, SOCIAL, TEMPLATE], ids=lambda p: p.stem)
def test_the_nine_tables_are_found_by_title_in_order(path: Path) -> None:
    """Each sample prints the nine tables (after the unit-list table), found with their titles and unit."""
    doc = read_pdf(path)
    titled = [table for table in doc.tables if table.title in NINE]
    assert [table.title for table in titled] == list(NINE)
    assert {table.unit for table in titled} == {"万元"}


def test_a_table_split_over_two_pages_is_joined(planning: Document) -> None:
    """收入决算表 runs over pages 8 and 9: one table, its rows in order, the note after the last row."""
    income = next(table for table in planning.tables if table.title == "收入决算表")
    assert income.pages == (8, 9)
    codes = [row[0].text for row in income.rows]
    assert codes.index("208") < codes.index("212") < codes.index("220")  # 208 on page 8, 212 on page 9
    assert [line.text[:10] for line in income.notes] == ["注：本表反映部门本年"]


def test_a_table_split_without_a_closing_note_on_its_first_page_is_joined(social: Document) -> None:
    """A table that fills its page up to the margin continues on the next page (社会工作部 pages 6–7)."""
    income = next(table for table in social.tables if table.title == "收入决算表")
    assert income.pages == (6, 7)
    assert [c.text for c in income.rows[-1][:4]] == ["2210203", "购房补贴", "11.72", "11.72"]  # page 7's last row


def test_cells_keep_blanks_and_merged_places_apart(planning: Document) -> None:
    """A printed blank is "", the empty place of a merged cell is None, and wrapped names are joined."""
    three_public = next(table for table in planning.tables if table.title == "财政拨款“三公”经费支出决算表")
    assert three_public.rows[0][0].text == "财政拨款“三公”经费"
    assert three_public.rows[0][1].text is None  # merged across the row
    assert three_public.texts()[-1] == ["2.85", "0.39", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "2.85", "0.39"]
    general = next(table for table in planning.tables if table.title == "一般公共预算财政拨款支出决算表")
    assert general.texts()[2][:2] == ["208", "社会保障和就业支出"]  # printed over two lines in its cell
    income_total = next(table for table in planning.tables if table.title == "收入支出决算总表")
    assert income_total.texts()[3][:2] == ["二、政府性基金预算财政拨款收入", ""]


def test_every_cell_has_its_page_and_box(planning: Document) -> None:
    """Cells carry the page they are printed on and a box inside it, for provenance and highlighting."""
    income = next(table for table in planning.tables if table.title == "收入决算表")
    row_212 = next(row for row in income.rows if row[0].text == "212")
    box = row_212[2].box
    assert box is not None and box.page == 9 and row_212[2].text == "3832.36"
    assert 0 < box.x0 < box.x1 < 842 and 0 < box.top < box.bottom < 596  # a landscape page


def test_paragraphs_are_joined_across_lines_and_pages(planning: Document) -> None:
    """Running text is rebuilt into paragraphs: a sentence wrapped over lines reads whole, with every line's page."""
    total = next(p for p in planning.paragraphs if p.text.startswith("上海市普陀区规划和自然资源局 2024 年度收入支出总计"))
    assert "9859.38 万元。与 2023 年度相比，收入支出总计增加 1062.85万元，增长 12.08%。" in total.text
    assert total.pages == (20,)
    spanning = [p for p in planning.paragraphs if len(p.pages) > 1]
    assert spanning, "a paragraph continued on the next page is one paragraph"


def test_no_table_text_leaks_into_paragraphs(planning: Document) -> None:
    """Lines printed inside a table, its title and its notes are not running text."""
    texts = "\n".join(p.text for p in planning.paragraphs)
    assert "2120101 行政运行" not in texts
    assert "注：本表反映部门本年度取得的各项收入情况" not in texts
    assert "单位：万元" not in texts


def test_every_number_is_listed_with_its_place(planning: Document) -> None:
    """numbers() lists every number the text layer prints, in tables and text alike, none without a place."""
    numbers = list(planning.numbers())
    where = {n.where for n in numbers}
    assert {"table", "text"} <= where
    assert all(n.box.page >= 1 for n in numbers)
    # every number token of the pages' raw text is accounted for (no line dropped on the way)
    import pdfplumber

    token = re.compile(r"(?<![0-9A-Za-z.])[-−]?\d+(?:\.\d+)?%?")
    with pdfplumber.open(PLANNING) as pdf:
        raw = sum(len(token.findall(page.extract_text() or "")) for page in pdf.pages)
    assert len(numbers) >= raw


def test_a_handmade_document_lists_its_numbers() -> None:
    """A Document built by hand (as an importer's test would) lists its numbers from text."""
    line = Line("较上年增加0.58万元，增长26.13%", Box(3, 1.0, 2.0, 3.0, 4.0))
    doc = Document("x.pdf", 3, (Paragraph(line.text, (line,)),), ())
    assert [(n.text, n.where, n.box.page) for n in doc.numbers()] == [("0.58", "text", 3), ("26.13%", "text", 3)]


def test_not_a_pdf_is_refused_naming_the_file(tmp_path: Path) -> None:
    """A file that is not a PDF is a LoadError naming it."""
    path = tmp_path / "report.pdf"
    path.write_text("决算说明", encoding="utf-8")
    with pytest.raises(LoadError, match=r"(?s)report\.pdf.*not a PDF"):
        read_pdf(path)


def test_a_missing_file_is_a_load_error(tmp_path: Path) -> None:
    """A path that does not exist is a LoadError, not an OSError."""
    with pytest.raises(LoadError, match="No such file"):
        read_pdf(tmp_path / "missing.pdf")


def test_a_truncated_pdf_is_refused(tmp_path: Path) -> None:
    """A PDF cut short (a broken download) is a LoadError saying it is damaged."""
    data = SOCIAL.read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(LoadError, match="damaged"):
        read_pdf(path)


def test_an_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    """A password-protected PDF is a LoadError that says so."""
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=SOCIAL)
    writer.encrypt("secret")
    path = tmp_path / "locked.pdf"
    writer.write(path)
    with pytest.raises(LoadError, match="encrypted"):
        read_pdf(path)


def test_a_scanned_pdf_says_that_ocr_is_not_done(tmp_path: Path) -> None:
    """A PDF of images with no text layer is refused with a message that OCR is not done."""
    image = pytest.importorskip("PIL.Image")
    path = tmp_path / "scan.pdf"
    pages = [image.new("RGB", (120, 160), "white") for _ in range(2)]
    pages[0].save(path, save_all=True, append_images=pages[1:])
    with pytest.raises(LoadError, match="does not do OCR"):
        read_pdf(path)


def test_too_many_pages_are_refused_before_reading(tmp_path: Path) -> None:
    """A document over the page limit is refused at once, naming the count."""
    image = pytest.importorskip("PIL.Image")
    path = tmp_path / "long.pdf"
    pages = [image.new("RGB", (20, 20), "white") for _ in range(3)]
    pages[0].save(path, save_all=True, append_images=pages[1:])
    with pytest.raises(LoadError, match="3 pages; at most 2"):
        read_pdf(path, max_pages=2)
