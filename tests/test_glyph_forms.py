"""Characters as fonts print them: read as the characters they are, whatever the report is published as.

A PDF exported through some fonts gives, for a glyph a character shares with a Kangxi radical or a simplified
radical, the radical's code point (⼀般公共预算⽀出, 公务⽤⻋); text copied from such a PDF into a web page, a workbook
or a Word document keeps them (:func:`budgetkit.io.document.unified_characters`). A bold face a font lacks is printed
by drawing each character twice. Each test reads a report both ways and asks for the same account.
"""

from __future__ import annotations

import re
import types
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

from budgetkit import datasets
from budgetkit import io as bio
from budgetkit.datasets import synthetic
from budgetkit.io.document import _glyph_forms, unified_characters
from budgetkit.io.pdf import Imported
from budgetkit.model.account import FinalAccount

pdfplumber = pytest.importorskip("pdfplumber")

SEED = Path(__file__).parent / "data" / "seeds" / "000_ad8dd908a3134475.txt"
SAMPLES = Path(__file__).parent / "data" / "samples"


def _radical_forms() -> dict[int, str]:
    """Every character that has a radical's code point (Kangxi or simplified: 一 ⼀, 车 ⻋) mapped to it."""
    return {ord(char): chr(cp) for cp, char in _glyph_forms().items() if 0x2E80 <= cp < 0x2FE0}


FORMS = _radical_forms()


def _with_radicals(source: Path, target: Path) -> Path:
    """An Office file (a zip of XML parts) with every character of its XML that has a radical's form in that form."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.endswith((".xml", ".rels")):
                data = data.decode("utf-8").translate(FORMS).encode("utf-8")
            zout.writestr(info, data)
    return target


def test_every_form_is_one_character_of_the_unified_ideographs() -> None:
    forms = _glyph_forms()
    assert all(
        len(c) == 1 and ("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" or c >= "\U00020000")
        for c in forms.values()
    )
    assert len(FORMS) > 200  # the 214 Kangxi radicals and the simplified ones, less those sharing a character
    assert unified_characters("公务⽤⻋运⾏维护费") == "公务用车运行维护费"


def test_a_text_report_with_radicals_reads_as_its_plain_twin(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    odd = text.translate(FORMS)
    assert sum(a != b for a, b in zip(text, odd, strict=True)) > 1_000  # not a vacuous change
    (tmp_path / "plain.txt").write_text(text, encoding="utf-8")
    (tmp_path / "odd.txt").write_text(odd, encoding="utf-8")
    plain, read = bio.read_text(tmp_path / "plain.txt"), bio.read_text(tmp_path / "odd.txt")
    assert bio.dumps(read.account) == bio.dumps(plain.account)
    assert len(read.account.claims) == len(plain.account.claims) > 50


def test_a_web_page_with_radicals_reads_as_its_plain_twin(tmp_path: Path) -> None:
    from test_text_import import PAGE

    (tmp_path / "plain.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "odd.html").write_text(PAGE.translate(FORMS), encoding="utf-8")
    plain, read = bio.read_html(tmp_path / "plain.html"), bio.read_html(tmp_path / "odd.html")
    assert bio.dumps(read.account) == bio.dumps(plain.account)
    assert read.account.claims


def test_a_word_document_with_radicals_reads_as_its_plain_twin(tmp_path: Path) -> None:
    from budgetkit.io.document import read_pdf as read_document
    from word_docs import from_document as as_docx

    plain_path = tmp_path / "plain.docx"
    plain_path.write_bytes(as_docx(read_document(SAMPLES / "putuo-social-work-2024.pdf")))
    odd_path = _with_radicals(plain_path, tmp_path / "odd.docx")
    plain, read = bio.read_docx(plain_path), bio.read_docx(odd_path)
    assert bio.dumps(read.account) == bio.dumps(plain.account)
    assert read.report.tables_found == plain.report.tables_found and len(plain.report.tables_found) == 9


def test_a_workbook_with_radicals_reads_as_its_plain_twin(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    from budgetkit.outputs.workbook import write_xlsx

    plain_path = write_xlsx(datasets.load("putuo-planning-2024"), tmp_path / "plain.xlsx")
    odd_path = _with_radicals(plain_path, tmp_path / "odd.xlsx")
    plain, read = bio.read_excel(plain_path), bio.read_excel(odd_path)
    assert read.account.tables == plain.account.tables
    assert len(read.account.tables.tables) == 9


def _drawn(monkeypatch: pytest.MonkeyPatch, account: FinalAccount, path: Path, draw: Callable[..., None]) -> Path:
    """``account`` rendered with every string drawn by ``draw(method, x, y, text, *args)``."""
    from budgetkit.outputs import pdf as renderer

    canvas = renderer._reportlab()

    class Canvas(canvas.Canvas):  # type: ignore[misc,name-defined]
        def drawString(self, *args: Any, **kw: Any) -> None:
            draw(super().drawString, *args, **kw)

        def drawRightString(self, *args: Any, **kw: Any) -> None:
            draw(super().drawRightString, *args, **kw)

        def drawCentredString(self, *args: Any, **kw: Any) -> None:
            draw(super().drawCentredString, *args, **kw)

    with monkeypatch.context() as patch:
        patch.setattr(renderer, "_reportlab", lambda: types.SimpleNamespace(Canvas=Canvas))
        characters = renderer._characters
        patch.setattr(
            renderer, "_characters", lambda a: "".join(characters(a)).translate(FORMS) + "".join(characters(a))
        )
        return renderer.render_pdf(account, path)


def _text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "".join(page.extract_text() for page in pdf.pages)


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> tuple[FinalAccount, Imported]:
    pytest.importorskip("reportlab")
    from budgetkit.outputs.pdf import render_pdf

    account = synthetic.generate(3, tables=True)
    return account, bio.read_pdf(render_pdf(account, tmp_path_factory.mktemp("plain") / "plain.pdf"))


def _same(read: Imported, plain: Imported) -> None:
    assert read.account == plain.account
    assert attrs.evolve(read.report, source="") == attrs.evolve(plain.report, source="")


def test_a_pdf_whose_font_gives_radicals_reads_as_its_plain_twin(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, plain: tuple[FinalAccount, Imported]
) -> None:
    """Every character that has a radical's form drawn in that form (its glyph the radical's, as such a font has
    it): the same account, tables, passages and import report as the plain rendering."""

    def radicals(method: Callable[..., None], x: float, y: float, text: str, *args: Any, **kw: Any) -> None:
        method(x, y, text.translate(FORMS), *args, **kw)

    path = _drawn(monkeypatch, plain[0], tmp_path / "radicals.pdf", radicals)
    printed = _text(path)
    assert "⼀般公共预算" in printed and "⽀出" in printed  # the file's text is the radicals'
    _same(bio.read_pdf(path), plain[1])


@pytest.mark.parametrize("which", ["headings", "everything"])
def test_a_pdf_printing_bold_by_drawing_twice_reads_as_its_plain_twin(
    which: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, plain: tuple[FinalAccount, Imported]
) -> None:
    """Each character drawn twice, 0.3 pt apart (a bold face the font lacks): headings and titles alone, or every
    string. Before, the headings read 第第一一部部分分 and 一一、、 (an uncaught ValueError on 一一) and nothing was read."""

    def bold(method: Callable[..., None], x: float, y: float, text: str, *args: Any, **kw: Any) -> None:
        method(x, y, text, *args, **kw)
        if which == "everything" or (len(text) < 30 and any(w in text for w in ("表", "部分", "、"))):
            method(x + 0.3, y, text, *args, **kw)

    path = _drawn(monkeypatch, plain[0], tmp_path / "bold.pdf", bold)
    assert "第第一一部部分分" in _text(path)
    _same(bio.read_pdf(path), plain[1])


def test_a_heading_numbered_with_a_numeral_twice_is_no_heading() -> None:
    """一一、 is not section 11 nor an error: what a heading's number may be is a number (:data:`NUMERAL`)."""
    from budgetkit.io.document import NUMERAL, numeral, numeral_value

    assert [numeral_value(numeral(n)) for n in range(1, 100)] == list(range(1, 100))
    assert all(re.fullmatch(NUMERAL, numeral(n)) for n in range(1, 100))
    assert not any(re.match(NUMERAL, bad) for bad in ("一一", "十十", "二二十", "十一一"))


def test_a_pdf_with_letter_spaced_titles_reads_as_its_plain_twin(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, plain: tuple[FinalAccount, Imported]
) -> None:
    """Table titles, part headings and unit lines letter-spaced to fill their lines (收 入 支 出 决 算 总 表, 第 一 部 分
    …, 单 位 ： 万 元): the same tables, figures and claims. Before, every table was lost. The one difference is a space
    the letter-spacing hides: the part heading's 示例单位3 2023 年度 reads 示例单位32023年度."""

    def spaced(method: Callable[..., None], x: float, y: float, text: str, *args: Any, **kw: Any) -> None:
        if len(text) < 30 and re.search(r"表$|^第.部分|^单位", text):
            text = " ".join(text)
        method(x, y, text, *args, **kw)

    path = _drawn(monkeypatch, plain[0], tmp_path / "spaced.pdf", spaced)
    assert "收 入 支 出 决 算 总 表" in _text(path)
    read = bio.read_pdf(path)
    assert read.report.tables_found == plain[1].report.tables_found
    assert [p.text.replace(" ", "") for p in read.account.passages] == [
        p.text.replace(" ", "") for p in plain[1].account.passages
    ]
    assert attrs.evolve(read.account, passages=()) == attrs.evolve(plain[1].account, passages=())


def test_a_letter_spaced_run_is_joined_only_where_it_is_words() -> None:
    from budgetkit.io.document import letters_joined

    assert letters_joined("收 入 支 出 决 算 总 表") == "收入支出决算总表"
    assert letters_joined("单　位　：　万　元") == "单位：万元"  # ideographic spaces; ： a character of its own
    assert letters_joined("合计 0 0 0 0 0") == "合计 0 0 0 0 0"  # figures in a row are not a word
    assert letters_joined("项目 合计 基本支出 项目支出") == "项目 合计 基本支出 项目支出"  # a header's words
    assert letters_joined("与 2023 年相比") == "与 2023 年相比"  # too short a run


def test_a_web_page_with_letter_spaced_titles_reads_as_its_plain_twin(tmp_path: Path) -> None:
    from test_text_import import PAGE

    spaced = PAGE.replace("一般公共预算财政拨款支出决算表", " ".join("一般公共预算财政拨款支出决算表"))
    spaced = spaced.replace("<p>单位：万元</p>", "<p>单　位：万　元</p>")
    assert spaced.count("　") == 2 and "一 般 公 共" in spaced
    (tmp_path / "plain.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "spaced.html").write_text(spaced, encoding="utf-8")
    plain, read = bio.read_html(tmp_path / "plain.html"), bio.read_html(tmp_path / "spaced.html")
    assert read.account.tables.table("general_budget_expenditure") is not None
    assert bio.dumps(read.account) == bio.dumps(plain.account)


def test_a_title_letter_spaced_across_the_page_is_its_tables_heading() -> None:
    """A centred title wider than 0.6 of the page (letter-spaced: its line reads as the words) belongs to the table
    below it; a centred line of running text as wide does not, even ending in 表."""
    from budgetkit.io.document import Box, Line, _heading

    def line(text: str) -> Line:
        return Line(text, Box(9, 100.0, 74.0, 495.0, 90.0))  # centred on a portrait page, 395 of its 595 points

    assert _heading(line("一般公共预算财政拨款基本支出决算表"), 595.0)
    assert not _heading(line("本单位2024年度决算的详细情况，见第二部分的各张决算表"), 595.0)
    assert not _heading(Line("一般公共预算财政拨款基本支出决算表", Box(9, 20.0, 74.0, 415.0, 90.0)), 595.0)  # not centred
