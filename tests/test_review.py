"""Tests for budgetkit.outputs.review: findings beside the rendered pages of a real report, cells highlighted, offline."""

from __future__ import annotations

import base64
import io
import re
import sys
from collections.abc import Mapping
from html.parser import HTMLParser
from pathlib import Path

import pytest

from budgetkit.checks.finding import Finding, Severity
from budgetkit.errors import LoadError, MissingExtraError
from budgetkit.io.document import Box, read_pdf
from budgetkit.io.table_import import read_tables
from budgetkit.model.tables import table_set
from budgetkit.outputs.review import ReviewError, locate, render_review, write_review

pytest.importorskip("pdfplumber")
pypdfium2 = pytest.importorskip("pypdfium2")
Image = pytest.importorskip("PIL.Image")

PDF = Path(__file__).parent / "data" / "samples" / "putuo-planning-2024.pdf"
PAGES = 30
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Element:
    def __init__(self, tag: str, attrs: dict[str, str], sections: tuple[str, ...]) -> None:
        self.tag = tag
        self.attrs = attrs
        #: the ids of the <section> elements it is inside, outermost first
        self.sections = sections
        self.text = ""


class _Page(HTMLParser):
    """Parse a page into its elements, recording nesting errors instead of guessing."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.doctype = ""
        self.elements: list[_Element] = []
        self.errors: list[str] = []
        self.stack: list[_Element] = []
        self.feed(html)
        self.close()
        if self.stack:
            self.errors.append(f"unclosed: {[e.tag for e in self.stack]}")

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        sections = tuple(e.attrs.get("id", "") for e in self.stack if e.tag == "section")
        element = _Element(tag, {k: v or "" for k, v in attrs}, sections)
        self.elements.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1].tag != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1].tag if self.stack else None}>")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        for element in self.stack:
            element.text += data

    def find(self, tag: str, cls: str | None = None) -> list[_Element]:
        return [e for e in self.elements if e.tag == tag and (cls is None or cls in e.attrs.get("class", "").split())]


def _finding(path: str, severity: Severity = Severity.ERROR, message: str = "合计不符", **values: str) -> Finding:
    return Finding(
        rule="identity.category_split",
        severity=severity,
        path=path,
        message=message,
        message_en="totals differ",
        **values,
    )


@pytest.fixture(scope="module")
def places() -> dict[str, Box]:
    """The places of every imported table cell of the sample report, keyed by model path."""
    imported = read_tables(read_pdf(PDF).tables, table_set("national-2024"))
    return {"tables." + str(place): box for place, box in imported.places.items()}


FINDINGS = (
    _finding(
        "tables.expenditure[212]",
        Severity.ERROR,
        "本年支出合计 <不等于> 基本支出 & 项目支出之和",
        stated="3845.24",
        expected="3845.25",
    ),
    _finding("tables.expenditure[208].basic", Severity.WARNING, "基本支出与表五不一致"),
    _finding("tables.general_budget_expenditure[2080505].total", Severity.INFO, "尾差"),
    _finding("claims[3]", Severity.WARNING, "增长率与数据不符", stated="6.86", expected="6.68"),
    _finding("tables.expenditure[999].basic", Severity.ERROR, "no such row"),
)


@pytest.fixture(scope="module")
def page(places: dict[str, Box]) -> str:
    """The review page of the sample report with the hand-built findings, rendered small."""
    return render_review(PDF, FINDINGS, places, scale=0.25)


@pytest.fixture(scope="module")
def parsed(page: str) -> _Page:
    """The review page parsed."""
    return _Page(page)


def _page_size(number: int) -> tuple[float, float]:
    document = pypdfium2.PdfDocument(str(PDF))
    try:
        width, height = document[number - 1].get_size()
        return float(width), float(height)
    finally:
        document.close()


def _percent(style: str) -> dict[str, float]:
    return {key: float(value) for key, value in re.findall(r"([a-z]+):([0-9.]+)%", style)}


def test_page_is_well_formed_html(page: str, parsed: _Page) -> None:
    """The page parses with every element closed in order, one html/head/body, unique ids and no dangling anchors."""
    assert parsed.doctype.lower() == "doctype html"
    assert parsed.errors == []
    assert [len(parsed.find(tag)) for tag in ("html", "head", "body", "title", "main")] == [1, 1, 1, 1, 1]
    ids = [e.attrs["id"] for e in parsed.elements if "id" in e.attrs]
    assert len(ids) == len(set(ids))
    targets = [e.attrs["href"][1:] for e in parsed.find("a") if e.attrs.get("href", "").startswith("#")]
    assert targets and set(targets) <= set(ids)
    assert '<meta charset="utf-8">' in page


def test_one_image_per_page_inlined_as_png(parsed: _Page) -> None:
    """Every page of the PDF is one inlined PNG in its own page section, in order, at the asked scale."""
    images = parsed.find("img")
    assert [e.sections for e in images] == [(f"page-{n}",) for n in range(1, PAGES + 1)]
    for number, element in enumerate(images, start=1):
        prefix = "data:image/png;base64,"
        assert element.attrs["src"].startswith(prefix)
        picture = Image.open(io.BytesIO(base64.b64decode(element.attrs["src"][len(prefix) :])))
        width, height = _page_size(number)
        assert picture.format == "PNG"
        assert abs(picture.width - width / 4) <= 1 and abs(picture.height - height / 4) <= 1
        assert (element.attrs["width"], element.attrs["height"]) == (str(picture.width), str(picture.height))


def test_each_located_finding_has_one_mark_at_its_place(parsed: _Page, places: dict[str, Box]) -> None:
    """Each finding with a place has one box, on its page, at its cells' position in percent, coloured by severity."""
    marks = parsed.find("a", "mark")
    assert sorted(int(m.attrs["data-finding"]) for m in marks) == [0, 1, 2]
    for mark in marks:
        number = int(mark.attrs["data-finding"])
        finding = FINDINGS[number]
        (box,) = locate(finding.path, places)
        assert mark.sections == (f"page-{box.page}",)
        assert mark.attrs["data-page"] == str(box.page)
        assert finding.severity.value in mark.attrs["class"].split()
        assert mark.attrs["title"] == f"{finding.rule}: {finding.message}"
        width, height = _page_size(box.page)
        shown = _percent(mark.attrs["style"])
        # the box is drawn 1.5 points larger on each side, so that its border leaves the figures readable
        assert shown["left"] == pytest.approx(100 * (box.x0 - 1.5) / width, abs=0.002)
        assert shown["top"] == pytest.approx(100 * (box.top - 1.5) / height, abs=0.002)
        assert shown["width"] == pytest.approx(100 * (box.x1 - box.x0 + 3) / width, abs=0.002)
        assert shown["height"] == pytest.approx(100 * (box.bottom - box.top + 3) / height, abs=0.002)


def test_a_row_finding_covers_exactly_that_rows_cells(places: dict[str, Box]) -> None:
    """A finding on a row is one box around all of its cells, above the next row's cells."""
    (box,) = locate("tables.expenditure[212]", places)
    cells = [b for key, b in places.items() if key.startswith("tables.expenditure[212].")]
    assert len(cells) == 6
    assert box.page == 11
    assert box.x0 == min(c.x0 for c in cells) and box.x1 == max(c.x1 for c in cells)
    assert box.top == min(c.top for c in cells) and box.bottom == max(c.bottom for c in cells)
    assert box.bottom <= places["tables.expenditure[21201].basic"].top + 0.5


def test_finding_entries_sit_beside_their_page_and_link_to_their_mark(parsed: _Page) -> None:
    """Each located finding is listed in its page's section and links to its box, which links back."""
    entries = {int(e.attrs["data-finding"]): e for e in parsed.find("li", "finding")}
    for mark in parsed.find("a", "mark"):
        entry = entries[int(mark.attrs["data-finding"])]
        assert entry.sections == mark.sections
        assert mark.attrs["href"] == "#" + entry.attrs["id"]
        link = next(a for a in parsed.find("a", "entry") if a.attrs["href"] == "#" + mark.attrs["id"])
        assert link.sections == mark.sections


def test_unlocated_findings_are_listed_never_dropped(parsed: _Page) -> None:
    """Findings with no place are in the "no place in the document" group; every finding is listed once."""
    listed = [int(e.attrs["data-finding"]) for e in parsed.find("li", "finding")]
    assert sorted(listed) == list(range(len(FINDINGS)))
    unplaced = [e for e in parsed.find("li", "finding") if e.sections == ("unplaced",)]
    assert [int(e.attrs["data-finding"]) for e in unplaced] == [3, 4]
    assert "claims[3]" in unplaced[0].text and "6.86" in unplaced[0].text and "6.68" in unplaced[0].text
    (section,) = [e for e in parsed.find("section") if e.attrs.get("id") == "unplaced"]
    assert "文档中无位置" in section.text


def test_entry_shows_severity_code_message_values_and_path(parsed: _Page) -> None:
    """A finding's entry shows its severity, code, message, stated and expected values and model path."""
    (entry,) = [e for e in parsed.find("li", "finding") if e.attrs["data-finding"] == "0"]
    for text in (
        "错误",
        "identity.category_split",
        "本年支出合计",
        "所载: 3845.24",
        "应为: 3845.25",
        "tables.expenditure[212]",
    ):
        assert text in entry.text


def test_nothing_is_loaded_from_outside_the_file(page: str, parsed: _Page) -> None:
    """The page names no URL: no http(s) or protocol-relative source, no script, stylesheet link or font."""
    assert "http://" not in page and "https://" not in page and 'src="//' not in page
    assert not parsed.find("script") and not parsed.find("link") and not parsed.find("iframe")
    assert all(e.attrs["src"].startswith("data:") for e in parsed.elements if "src" in e.attrs)
    assert "@import" not in page and "url(" not in page


def test_messages_are_escaped(page: str, parsed: _Page) -> None:
    """A message with < and & is shown as written and cannot inject markup."""
    assert "本年支出合计 &lt;不等于&gt; 基本支出 &amp; 项目支出之和" in page
    assert "<不等于>" not in page
    (entry,) = [e for e in parsed.find("li", "finding") if e.attrs["data-finding"] == "0"]
    assert "本年支出合计 <不等于> 基本支出 & 项目支出之和" in entry.text
    hostile = _finding('claims[1]"><script>alert(1)</script>', message="<script>alert(2)</script>")
    other = _Page(render_review(PDF, [hostile], {}, scale=0.25, max_pages=0))
    assert not other.find("script") and other.errors == []


def test_english_page_uses_english_words_and_messages(places: dict[str, Box]) -> None:
    """With lang="en" the page is in English and shows message_en."""
    html = render_review(PDF, FINDINGS[:1], places, lang="en", scale=0.25, pages="findings")
    parsed = _Page(html)
    assert parsed.find("html")[0].attrs["lang"] == "en"
    (entry,) = parsed.find("li", "finding")
    assert "totals differ" in entry.text and "error" in entry.text and "合计不符" not in entry.text
    assert "Page 11" in html


def test_only_pages_with_findings_and_a_page_limit(places: dict[str, Box]) -> None:
    """pages="findings" renders only their pages; beyond max_pages a page is listed with its findings, unrendered."""
    parsed = _Page(render_review(PDF, FINDINGS, places, scale=0.25, pages="findings"))
    assert [e.sections for e in parsed.find("img")] == [("page-10",), ("page-11",), ("page-14",)]
    limited = _Page(render_review(PDF, FINDINGS, places, scale=0.25, max_pages=10))
    assert len(limited.find("img")) == 10
    assert [m.attrs["data-page"] for m in limited.find("a", "mark")] == ["10"]
    late = [e for e in limited.find("li", "finding") if e.sections == ("page-11",)]
    assert [e.attrs["data-finding"] for e in late] == ["0"]
    assert not [a for a in limited.find("a", "entry") if a.sections == ("page-11",)]
    (section,) = [e for e in limited.find("section") if e.attrs.get("id") == "page-11"]
    assert "未渲染" in section.text


def test_a_place_on_a_page_the_pdf_does_not_have_is_unplaced() -> None:
    """A place beyond the last page is not drawn; the finding is listed with those that have no place."""
    parsed = _Page(
        render_review(PDF, FINDINGS[:1], {"tables.expenditure[212].basic": Box(99, 1, 1, 2, 2)}, max_pages=0)
    )
    assert not parsed.find("a", "mark")
    assert [e.sections for e in parsed.find("li", "finding")] == [("unplaced",)]


def test_rendering_is_bounded_in_pixels(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page is never rendered larger than MAX_PIXELS on its longest side, whatever the scale."""
    monkeypatch.setattr("budgetkit.outputs.review.MAX_PIXELS", 200)
    parsed = _Page(render_review(PDF, [], {}, scale=4, max_pages=1))
    (image,) = parsed.find("img")
    assert max(int(image.attrs["width"]), int(image.attrs["height"])) <= 200


def test_locate_prefers_the_exact_place_and_matches_whole_path_steps() -> None:
    """A path's own place wins; claims[1] does not cover claims[10]; a split row gives one box per page."""
    places: Mapping[str, Box] = {
        "claims[1]": Box(3, 10, 10, 20, 20),
        "claims[1].stated": Box(3, 12, 12, 14, 14),
        "claims[10]": Box(4, 10, 10, 20, 20),
        "tables.summary[210].amount": Box(5, 100, 700, 150, 715),
        "tables.summary[210].note": Box(6, 100, 40, 150, 55),
    }
    assert locate("claims[1]", places) == (Box(3, 10, 10, 20, 20),)
    assert locate("claims", places) == (Box(3, 10, 10, 20, 20), Box(4, 10, 10, 20, 20))
    assert locate("claims[1].stated.text", places) == (Box(3, 12, 12, 14, 14),)
    assert locate("tables.summary[210]", places) == (Box(5, 100, 700, 150, 715), Box(6, 100, 40, 150, 55))
    assert locate("tables.summary[21]", places) == ()
    assert locate("", places) == ()


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("truncated.pdf", PDF.read_bytes()[:5000], "damaged"),
        ("garbage.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 100, "damaged"),
        ("letter.pdf", b"Dear reader,\n", "not a PDF"),
    ],
)
def test_a_damaged_pdf_is_a_load_error_naming_the_file(
    tmp_path: Path, name: str, content: bytes, fragment: str
) -> None:
    """A file pdfium cannot open is a LoadError naming it and saying what is wrong."""
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(LoadError, match=fragment) as caught:
        render_review(path, FINDINGS, {})
    assert caught.value.source == str(path)


def test_a_missing_file_is_a_load_error(tmp_path: Path) -> None:
    """A file that does not exist is a LoadError naming it."""
    with pytest.raises(LoadError) as caught:
        render_review(tmp_path / "absent.pdf", [], {})
    assert caught.value.source == str(tmp_path / "absent.pdf")


def test_an_encrypted_pdf_is_a_load_error(tmp_path: Path) -> None:
    """A password-protected PDF is refused with a message that says so."""
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=PDF)
    writer.encrypt("secret")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(LoadError, match="encrypted"):
        render_review(path, [], {})


@pytest.mark.parametrize(
    "options", [{"scale": 0}, {"scale": 4.5}, {"max_pages": -1}, {"lang": "fr"}, {"pages": "some"}]
)
def test_options_out_of_range_are_refused(options: dict[str, object]) -> None:
    """A scale, page limit, language or page choice out of range is a ReviewError (a ValueError)."""
    with pytest.raises(ReviewError) as caught:
        render_review(PDF, [], {}, **options)  # type: ignore[arg-type]
    assert isinstance(caught.value, ValueError)


def test_write_review_writes_the_page(tmp_path: Path, places: dict[str, Box]) -> None:
    """write_review writes the same page as render_review, in UTF-8, and returns its path."""
    target = tmp_path / "review.html"
    written = write_review(PDF, FINDINGS, places, target, scale=0.25, max_pages=2)
    assert written == target
    assert target.read_text(encoding="utf-8") == render_review(PDF, FINDINGS, places, scale=0.25, max_pages=2)


def test_missing_pypdfium2_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pypdfium2 the error names the import extra."""
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    with pytest.raises(MissingExtraError) as caught:
        render_review(PDF, [], {})
    assert caught.value.extra == "import"


def _transformed(tmp_path: Path, rotation: int, crop: tuple[int, int, int, int] | None) -> Path:
    """Page 14 of the sample (表五) alone, rotated and/or with a crop box."""
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    writer.add_page(pypdf.PdfReader(PDF).pages[13])
    if rotation:
        writer.pages[0].rotate(rotation)
    if crop is not None:
        writer.pages[0].cropbox = pypdf.generic.RectangleObject(crop)
    path = tmp_path / f"page14-{rotation}-{crop}.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    return path


@pytest.mark.parametrize(
    ("rotation", "crop"), [(0, None), (90, None), (180, None), (270, None), (0, (40, 60, 560, 800))]
)
def test_boxes_land_on_the_printed_figure_on_rotated_and_cropped_pages(
    tmp_path: Path, rotation: int, crop: tuple[int, int, int, int] | None
) -> None:
    """A cell's box, as the document reader places it, is drawn over its printed figure on rotated and cropped pages."""
    path = _transformed(tmp_path, rotation, crop)
    cells = [cell for table in read_pdf(path).tables for row in table.rows for cell in row]
    # upside down and at 270°, pdfminer reads the characters right to left: the place is right all the same
    box = next(cell.box for cell in cells if cell.text in ("446.11", "11.644") and cell.box is not None)
    parsed = _Page(render_review(path, [_finding("tables.x[1].y")], {"tables.x[1].y": box}, scale=2))
    (mark,) = parsed.find("a", "mark")
    (image,) = parsed.find("img")
    picture = Image.open(io.BytesIO(base64.b64decode(image.attrs["src"].split(",", 1)[1]))).convert("L")
    shown = _percent(mark.attrs["style"])
    left, top = shown["left"] / 100 * picture.width, shown["top"] / 100 * picture.height
    right, bottom = left + shown["width"] / 100 * picture.width, top + shown["height"] / 100 * picture.height
    # inside the cell's ruled borders (3 pixels of padding, then 4 points): only the printed figure is left
    inside = picture.crop((round(left + 11), round(top + 11), round(right - 11), round(bottom - 11)))
    ink = sum(count for value, count in enumerate(inside.histogram()) if value < 128)
    assert ink > 40
    # the box's width on the image is the word's width at the page's displayed scale
    displayed = (crop[2] - crop[0]) if crop else (841.92 if rotation in (90, 270) else 595.32)
    assert shown["width"] == pytest.approx(100 * (box.x1 - box.x0 + 3) / displayed, abs=0.01)
