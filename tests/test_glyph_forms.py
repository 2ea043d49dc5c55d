"""Characters printed with a radical's or a compatibility ideograph's code point (⼀般公共预算⽀出, 公务⽤⻋) are read as
the characters they print, whatever the report is published as: :func:`budgetkit.io.document.unified_characters`.

A PDF exported through some fonts gives, for a glyph a character shares with a Kangxi radical or a simplified
radical, the radical's code point; text copied from such a PDF into a web page, a workbook or a Word document keeps
them. Each test reads a report both ways and asks for the same account.
"""

from __future__ import annotations

import types
import zipfile
from pathlib import Path

import attrs
import pytest

from budgetkit import datasets
from budgetkit import io as bio
from budgetkit.datasets import synthetic
from budgetkit.io.document import _glyph_forms, unified_characters

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


def test_a_pdf_whose_font_gives_radicals_reads_as_its_plain_twin(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Drawn twice by the renderer: once plain, once with every character that has a radical's form in that form
    (its glyph the radical's, as such a font has it): the same account, tables, passages and import report."""
    pdfplumber = pytest.importorskip("pdfplumber")
    pytest.importorskip("reportlab")
    from budgetkit.outputs import pdf as renderer

    account = synthetic.generate(3, tables=True)
    plain = bio.read_pdf(renderer.render_pdf(account, tmp_path / "plain.pdf"))
    canvas = renderer._reportlab()

    class Radicals(canvas.Canvas):  # type: ignore[misc,name-defined]
        def drawString(self, x: float, y: float, text: str, *args: object, **kw: object) -> None:
            super().drawString(x, y, text.translate(FORMS), *args, **kw)

        def drawRightString(self, x: float, y: float, text: str, *args: object, **kw: object) -> None:
            super().drawRightString(x, y, text.translate(FORMS), *args, **kw)

        def drawCentredString(self, x: float, y: float, text: str, *args: object, **kw: object) -> None:
            super().drawCentredString(x, y, text.translate(FORMS), *args, **kw)

    characters = renderer._characters
    monkeypatch.setattr(renderer, "_reportlab", lambda: types.SimpleNamespace(Canvas=Radicals))
    monkeypatch.setattr(renderer, "_characters", lambda a: "".join(characters(a)).translate(FORMS))
    path = renderer.render_pdf(account, tmp_path / "radicals.pdf")
    with pdfplumber.open(path) as pdf:
        printed = "".join(page.extract_text() for page in pdf.pages)
    assert "⼀般公共预算" in printed and "⽀出" in printed  # the file's text is the radicals'
    read = bio.read_pdf(path)
    assert read.account == plain.account
    assert attrs.evolve(read.report, source="") == attrs.evolve(plain.report, source="")
