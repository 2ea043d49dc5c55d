"""Hostile PDFs, generated at test time: thousands of pages, merged and missing cells, scanned pages.

Each gives a BudgetkitError naming the file, or an import whose report names the page of what was not read.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

from budgetkit.datasets import synthetic
from budgetkit.errors import BudgetkitError, LoadError
from budgetkit.io.document import MAX_PAGES, Box
from budgetkit.io.document import read_pdf as read_document
from budgetkit.io.pdf import read_pdf

pytest.importorskip("pdfplumber")
pytest.importorskip("reportlab")
pypdf = pytest.importorskip("pypdf")

from budgetkit.outputs import pdf as render  # noqa: E402  (after the skips: it needs reportlab to draw)
from budgetkit.outputs.layout import Grid, Spot  # noqa: E402


@pytest.fixture(scope="session")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic report rendered once for the session."""
    return render.render_pdf(synthetic.generate(5, tables=True), tmp_path_factory.mktemp("hostile") / "report.pdf")


@pytest.fixture(scope="session")
def thousands(report: Path) -> Path:
    """A PDF of 2,500 pages, each a copy of one page of the report (pypdf shares the page: built in a second)."""
    source = pypdf.PdfReader(report)
    writer = pypdf.PdfWriter()
    for _ in range(MAX_PAGES + 500):
        writer.add_page(source.pages[2])
    path = report.parent / "thousands.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def test_thousands_of_pages_are_refused_by_count_before_any_is_read(thousands: Path) -> None:
    """2,500 pages: a LoadError naming the file and the limit, raised after counting pages, none of them read."""
    with pytest.raises(LoadError, match=rf"(?s)thousands\.pdf.*2500 pages; at most {MAX_PAGES} are read"):
        read_pdf(thousands)


def test_a_long_document_within_the_limit_is_read_page_by_page(thousands: Path, tmp_path: Path) -> None:
    """Under a lower limit the same document is refused; at a higher one every page is read (memory is one page's)."""
    with pytest.raises(LoadError, match="at most 40 are read"):
        read_document(thousands, max_pages=40)
    writer = pypdf.PdfWriter()
    source = pypdf.PdfReader(thousands)
    for page in source.pages[:30]:
        writer.add_page(page)
    short = tmp_path / "thirty.pdf"
    with short.open("wb") as handle:
        writer.write(handle)
    doc = read_document(short, max_pages=40)
    assert doc.pages == 30 and {line.box.page for p in doc.paragraphs for line in p.lines} == set(range(1, 31))


def _merged_table() -> bytes:
    """A report whose 表五 has two amounts printed in one merged cell and a cell that is not ruled at all."""
    from reportlab.pdfgen import canvas

    spot = Spot
    chars = "示例局2024年度部门决算目录第二分一般公共预算财政拨款支出决算表单位万元项目合计基本功能类科编码名称社会保障和就业行政事养老卫生健康"
    font = render._font(frozenset(chars))
    buffer = io.BytesIO()
    pages = render._Pages(canvas.Canvas(buffer, pagesize=render._A4), font)
    pages.new_page()
    pages.line("示例局", 26, "center")
    pages.line("2024 年度部门决算", 26, "center")
    pages.new_page()
    pages.line("目 录", 16, "center")
    pages.paragraph("第二部分 决算表")
    pages.new_page(landscape=True)
    pages.line("一般公共预算财政拨款支出决算表", 15, "center")
    pages.line("单位：万元", 9, "right")
    header = (
        spot(0, 0, "项目", cols=2), spot(1, 0, "功能分类科目编码"), spot(1, 1, "科目名称"),
        spot(0, 2, "合计", rows=2), spot(0, 3, "基本支出", rows=2), spot(0, 4, "项目支出", rows=2),
    )  # fmt: skip
    body = (
        (spot(0, 0, "208"), spot(0, 1, "社会保障和就业支出"), spot(0, 2, "10.00"), spot(0, 3, "6.00 4.00", cols=2)),
        (spot(0, 0, "20805"), spot(0, 1, "行政事业单位养老支出"), spot(0, 2, "10.00"), spot(0, 3, "6.00")),
        (spot(0, 0, "合计", cols=2), spot(0, 2, "10.00"), spot(0, 3, "6.00"), spot(0, 4, "4.00")),
    )
    pages.grid(Grid((64.0, 200.0, 60.0, 60.0, 60.0), header, 2, body))
    pages.finish()
    return buffer.getvalue()


def test_merged_and_missing_cells_are_issues_with_their_page(tmp_path: Path) -> None:
    """Two amounts in one merged cell and an unruled cell: the import goes on and names each, with its page; the
    column of the cell not read is absent (never a blank summing as 0), each of its figures named."""
    path = tmp_path / "merged.pdf"
    path.write_bytes(_merged_table())
    imported = read_pdf(path)
    table = imported.account.tables.table("general_budget_expenditure")
    assert table is not None and table.columns == ("total", "project")
    assert [c.text for c in table.row("total").cells] == ["10.00", "4.00"]  # type: ignore[union-attr]
    issues = [(i.page, i.text, i.reason.split(" of 一般")[0]) for i in imported.report.issues if i.page == 3]
    assert issues == [
        (3, "6.004.00", "not a number in column basic"),
        (3, "208", "no cell of its own in column project"),
        (3, "20805", "no cell of its own in column project"),
        (3, "6.00", "not read: column basic"),
        (3, "6.00", "not read: column basic"),
    ]
    assert sorted(u.text for u in imported.report.not_understood) == ["4.00", "6.00", "6.00", "6.00"]
    assert not imported.report.complete


def test_a_scanned_page_inside_a_report_is_named_and_ocr_is_not_done(report: Path, tmp_path: Path) -> None:
    """A page of images in a report with text: its page is an issue saying OCR is not done; the rest is read."""
    image = pytest.importorskip("PIL.Image")
    scan = tmp_path / "scan.pdf"
    image.new("RGB", (200, 280), "white").save(scan)
    writer = pypdf.PdfWriter()
    for page in pypdf.PdfReader(report).pages:
        writer.add_page(page)
    writer.add_page(pypdf.PdfReader(scan).pages[0])
    path = tmp_path / "with-scan.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    imported = read_pdf(path)
    last = imported.report.pages
    assert [(i.page, i.reason) for i in imported.report.issues] == [
        (last, "a scanned page (images, no text layer): not read, as budgetkit does not do OCR")
    ]
    assert imported.account.tables == synthetic.generate(5, tables=True).tables


@pytest.mark.parametrize(
    ("name", "cut"),
    [("header-only.pdf", 16), ("half.pdf", 2), ("no-trailer.pdf", -200)],
)
def test_truncated_reports_are_errors_naming_the_file(report: Path, tmp_path: Path, name: str, cut: int) -> None:
    """A rendered report cut short anywhere gives a BudgetkitError that names the file, never another exception."""
    data = report.read_bytes()
    path = tmp_path / name
    path.write_bytes(data[:cut] if cut in (16, -200) else data[: len(data) // cut])
    try:
        read_pdf(path)
    except BudgetkitError as exc:
        assert name in str(exc)
    else:  # pdfminer may rebuild a file that lost only its trailer: then it must import whole
        assert read_pdf(report).account.tables == read_pdf(path).account.tables


def _transformed(report: Path, path: Path, change: Callable[[Any, Any], None]) -> Path:
    """The report with ``change(writer, page)`` applied to each page."""
    writer = pypdf.PdfWriter(clone_from=report)
    for page in writer.pages:
        change(writer, page)
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def _unruled(writer: Any, page: Any) -> None:
    """Nothing painted: every path ends with ``n`` (no fill, no stroke), the text stays where it was."""
    paint = {b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"}
    content = pypdf.generic.ContentStream(page.get_contents(), writer)
    content.operations = [(operands, b"n" if op in paint else op) for operands, op in content.operations]
    page.replace_contents(content)


def _turned(writer: Any, page: Any) -> None:
    """Drawn a quarter turn counter-clockwise on a page that says /Rotate 90: displayed as before."""
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    page.add_transformation(pypdf.Transformation((0, 1, -1, 0, height, 0)))
    for box in (page.mediabox, page.cropbox):
        box.lower_left, box.upper_right = (0, 0), (height, width)
    page.rotation = 90


def test_tables_printed_without_ruling_lines_are_read_from_their_words_or_named(report: Path, tmp_path: Path) -> None:
    """A report whose tables have no ruling lines: each table is read from its words' alignment exactly as the ruled
    one, or — where its words do not line up in columns beyond doubt — not read at all and named as an issue at its
    title's page; the text above them (the organisation of 第一部分) stays as it was, and `check` does not call the
    目录 wrong for tables it could not read."""
    from budgetkit.checks.audit import check
    from budgetkit.io.pdf import UNRULED

    ruled = read_pdf(report)
    imported = read_pdf(_transformed(report, tmp_path / "unruled.pdf", _unruled))
    assert ruled.account.tables is not None and imported.account.tables is not None
    read = imported.account.tables.tables
    assert read and all(table == ruled.account.tables.table(table.key) for table in read)  # never half-read
    # budgetkit's own layout (names from the left of wide cells, headers centred and wrapped): every table read
    assert len(read) == 9
    titles = [t.title for t in ruled.account.tables.tables if imported.account.tables.table(t.key) is None]
    assert len(titles) + len(read) == 9
    unruled = sorted((i for i in imported.report.issues if i.reason == UNRULED), key=lambda i: i.page or 0)
    assert [i.text for i in unruled] == titles
    assert all(i.page is not None and i.page > 1 for i in unruled)
    assert imported.account.organisation == ruled.account.organisation
    assert imported.account.duties == ruled.account.duties
    assert "table.contents" not in {f.rule for f in check(imported.account)}


def test_check_says_which_tables_it_could_not_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`budgetkit check` on a PDF whose tables have no ruling lines names those it could not read from their words
    (a figure printed across two columns: 6.004.00) and their pages, in text and in json, so that nobody takes their
    figures for checked."""
    import json

    from budgetkit.cli import main
    from test_unruled import BODY, _draw

    doubtful = (BODY[0], ("20805", "行政事业单位养老支出", "10.00", "6.004.00", ""), BODY[3])
    path = _draw(tmp_path / "unruled.pdf", ruled=False, pages=(doubtful,))
    from budgetkit.io.table_import import IssueKind

    issues = read_pdf(path).report.issues
    unread = [i.text for i in issues if i.kind is IssueKind.TABLE_UNRULED]
    assert unread and unread == [i.text for i in issues if "no table read under it" in i.reason]
    main(["check", str(path)])
    text = capsys.readouterr().out
    assert f"表格未能按单元格读入（其数字未核对）：{unread[0]}（第" in text and "没有框线且文字未能确切对齐成列，或印作图片" in text
    main(["check", str(path), "--lang", "en"])
    assert f"Tables not read cell by cell (their figures not checked): {unread[0]} (第" in capsys.readouterr().out
    main(["check", str(path), "--format", "json"])
    unruled = json.loads(capsys.readouterr().out)["import"]["tables_unruled"]
    assert [u["title"] for u in unruled] == unread and unruled[0]["place"].startswith("第")


def _turned_in_floats(writer: Any, page: Any) -> None:
    """As :func:`_turned`, with the quarter turn computed in floating point (cos 90° = 6.1e-17, as pypdf's
    ``Transformation().rotate(90)`` writes it): the two ends of each horizontal rule lie 1e-14 pt apart."""
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    page.add_transformation(pypdf.Transformation().rotate(90).translate(height, 0))
    for box in (page.mediabox, page.cropbox):
        box.lower_left, box.upper_right = (0, 0), (height, width)
    page.rotation = 90


@pytest.mark.parametrize("turn", [_turned, _turned_in_floats], ids=["exact", "floats"])
def test_pages_turned_by_rotate_import_as_the_upright_report(
    report: Path, tmp_path: Path, turn: Callable[[Any, Any], None]
) -> None:
    """Pages drawn turned and shown upright by /Rotate 90 (as some PDF printers write landscape tables) import
    exactly as the upright report, also when the turn leaves the rules a hair out of level."""
    imported = read_pdf(_transformed(report, tmp_path / "turned.pdf", turn))
    assert imported.account == read_pdf(report).account


def _margins(head: str | None, foot: Callable[[int, int], str] | None) -> Callable[[Any, Any], None]:
    """A change that prints a running head and a page number in each page's margins, as a word processor does."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    numbered = iter(range(1, 10_000))

    def change(writer: Any, page: Any) -> None:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        drawn = io.BytesIO()
        sheet = canvas.Canvas(drawn, pagesize=(width, height))
        sheet.setFont("STSong-Light", 9)
        if head is not None:
            sheet.drawCentredString(width / 2, height - 30, head)
        if foot is not None:
            sheet.drawCentredString(width / 2, 25, foot(next(numbered), len(writer.pages)))
        sheet.save()
        page.merge_page(pypdf.PdfReader(drawn).pages[0])

    return change


@pytest.mark.parametrize(
    ("head", "foot"),
    [
        (None, lambda n, _: f"- {n} -"),
        (None, lambda n, _: f"—{n}—"),
        (None, lambda n, pages: f"第 {n} 页 共 {pages} 页"),
        (None, lambda n, _: str(n)),
        ("示例单位2023年度部门决算", lambda n, _: f"{n}/30"),
        ("示例单位2023年度部门决算", None),
    ],
    ids=["dashes", "em-dashes", "of-pages", "plain", "head-and-fraction", "head"],
)
def test_page_numbers_and_running_heads_are_set_aside(
    report: Path, tmp_path: Path, head: str | None, foot: Callable[[int, int], str] | None
) -> None:
    """A page number or a running head in every page's margin is not text of the report: the account is the one
    of the same report without them (before, a page number split a table continued over two pages into an
    unknown table, and a sentence running over two pages into two, each not understood)."""
    imported = read_pdf(_transformed(report, tmp_path / "margins.pdf", _margins(head, foot)))
    plain = read_pdf(report)
    assert imported.account == plain.account
    assert imported.report.not_understood == plain.report.not_understood


@pytest.mark.parametrize("top", ["项目支出绩效自评表", "金额单位：元", "公开0{n}表"])
def test_a_title_printed_in_the_same_place_on_every_page_is_kept(top: str) -> None:
    """A self-evaluation table on each page prints its title at the top of each, and a table's page may start with
    its unit or its number: a title (…表), a unit or a number line is never taken for a running head; a number
    ending a paragraph at a page's foot is kept, being no farther from it than a line."""
    from budgetkit.io.document import Box, Line, _margin_lines, _Page

    pages = [
        _Page(
            n,
            595.0,
            (
                Line(top.format(n=n), Box(n, 200.0, 60.0, 395.0, 72.0)),
                Line("一、收入支出决算总体情况说明：本年收入合计为", Box(n, 72.0, 100.0, 520.0, 112.0)),
                Line("2024", Box(n, 72.0, 118.0, 100.0, 130.0)),  # 6 pt below the line above: no margin
            ),
            (),
        )
        for n in range(1, 6)
    ]
    assert _margin_lines(pages) == frozenset()


@pytest.mark.parametrize("quarter", [90, 270])
def test_pages_shown_sideways_are_read_turned_back_upright(report: Path, tmp_path: Path, quarter: int) -> None:
    """Pages whose text runs sideways as shown (/Rotate on content drawn upright: a landscape table printed on a
    portrait page) are read turned back upright: the same account (before, most tables were lost and the text came
    out a character a line)."""

    def sideways(writer: Any, page: Any) -> None:
        page.rotation = quarter

    imported = read_pdf(_transformed(report, tmp_path / "sideways.pdf", sideways))
    plain = read_pdf(report)
    assert imported.account == plain.account
    # each place is on its page as shown (where a renderer draws it), not in the frame the page was read in:
    # the characters inside it are the characters inside the same place of the report printed upright
    assert _printed_at(tmp_path / "sideways.pdf", imported.report.places) == _printed_at(report, plain.report.places)


def _printed_at(pdf: Path, places: Mapping[str, Box]) -> dict[str, str]:
    """The characters whose centres lie in each place's box, sorted (a sideways line reads in another order)."""
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        chars = {n: document.pages[n - 1].chars for n in {box.page for box in places.values()}}
    return {
        path: "".join(
            sorted(
                c["text"]
                for c in chars[box.page]
                if box.x0 <= (c["x0"] + c["x1"]) / 2 <= box.x1 and box.top <= (c["top"] + c["bottom"]) / 2 <= box.bottom
            )
        )
        for path, box in places.items()
    }


def _watermarked(writer: Any, page: Any) -> None:
    """A light grey watermark across the page at 45°, as some portals stamp the reports they publish."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    drawn = io.BytesIO()
    sheet = canvas.Canvas(drawn, pagesize=(width, height))
    sheet.setFont("STSong-Light", 48)
    sheet.setFillGray(0.85)
    sheet.translate(width / 2, height / 2)
    sheet.rotate(45)
    sheet.drawCentredString(0, 0, "某某区政务公开 2024")
    sheet.save()
    page.merge_page(pypdf.PdfReader(drawn).pages[0])


def test_a_watermark_across_the_pages_is_not_read(report: Path, tmp_path: Path) -> None:
    """Characters set at a slant (a watermark) are not text of the report: the account is the one without them
    (before, the watermark's characters were read into the lines and cells they cross)."""
    imported = read_pdf(_transformed(report, tmp_path / "watermarked.pdf", _watermarked))
    plain = read_pdf(report)
    assert imported.account == plain.account
    assert imported.report.not_understood == plain.report.not_understood


def test_a_pdf_whose_fonts_map_no_unicode_is_refused_saying_why(report: Path, tmp_path: Path) -> None:
    """Fonts without their Unicode map (no /ToUnicode): pdfminer reads each character as (cid:N). The file is
    refused saying so and what to do, not with "no unit and year" as before."""

    def unmapped(writer: Any, page: Any) -> None:
        for ref in page["/Resources"].get_object().get("/Font", {}).values():
            font = ref.get_object()
            if "/ToUnicode" in font:
                del font[pypdf.generic.NameObject("/ToUnicode")]

    path = _transformed(report, tmp_path / "unmapped.pdf", unmapped)
    with pytest.raises(LoadError, match=r"(?s)unmapped\.pdf.*fonts map \d+% of its characters to no Unicode"):
        read_pdf(path)


def test_a_damaged_page_tree_is_a_load_error_even_when_closing_fails_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pdfplumber's close() lists the pages again; on a damaged page tree it raises once more. The LoadError that
    names the file stays (the fuzzer found pdfminer's own exception in its place)."""
    from budgetkit.io import document

    class Damaged:
        @property
        def pages(self) -> list[object]:
            raise ValueError("Invalid dictionary construct")

        def close(self) -> None:
            raise ValueError("Invalid dictionary construct")

    class Plumber:
        @staticmethod
        def open(path: object) -> Damaged:
            return Damaged()

    path = tmp_path / "damaged.pdf"
    path.write_bytes(b"%PDF-1.7\n")
    monkeypatch.setattr(document, "_pdfplumber", lambda: Plumber)
    with pytest.raises(LoadError, match=r"damaged\.pdf"):
        document.read_pdf(path)
