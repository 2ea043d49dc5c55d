"""An account written as a Word document (budgetkit.outputs.word) and read back (budgetkit.io.word)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from budgetkit import datasets
from budgetkit import io as bio
from budgetkit.datasets import synthetic
from budgetkit.io.word import read_docx
from budgetkit.model.account import FinalAccount
from budgetkit.outputs.layout import RenderError
from budgetkit.outputs.word import write_docx


@pytest.mark.parametrize("seed", range(24))
def test_a_synthetic_report_written_as_word_reads_back_as_written(seed: int, tmp_path: Path) -> None:
    """Every table cell for cell, the 情况说明 passages, the 目录, the 概况, the unit and the year."""
    account = synthetic.generate(seed, tables=True)
    got = read_docx(write_docx(account, tmp_path / f"{seed}.docx")).account
    assert got.tables == account.tables
    assert got.passages == account.passages
    assert (got.unit, got.year, got.duties, got.organisation) == (
        account.unit,
        account.year,
        account.duties,
        account.organisation,
    )


@pytest.mark.parametrize("seed", [0, 5])
def test_word_and_pdf_give_the_same_account(seed: int, tmp_path: Path) -> None:
    """The same layout (budgetkit.outputs.layout) drawn as a PDF and written as Word imports to one account."""
    pytest.importorskip("reportlab")
    from budgetkit.io.pdf import read_pdf
    from budgetkit.outputs.pdf import render_pdf

    account = synthetic.generate(seed, tables=True)
    from_word = read_docx(write_docx(account, tmp_path / "a.docx")).account
    from_pdf = read_pdf(render_pdf(account, tmp_path / "a.pdf")).account
    assert bio.dumps(from_word) == bio.dumps(from_pdf)


@pytest.mark.parametrize("name", ["putuo-planning-2024", "putuo-social-work-2024"])
def test_a_real_report_written_as_word_keeps_its_tables_and_claims(name: str, tmp_path: Path) -> None:
    account = datasets.load(name)
    got = read_docx(write_docx(account, tmp_path / f"{name}.docx")).account
    assert got.tables.tables == account.tables.tables
    assert got.tables.contents == account.tables.contents


def test_wide_tables_are_on_landscape_pages(tmp_path: Path) -> None:
    path = write_docx(datasets.load("putuo-social-work-2024"), tmp_path / "social.docx")
    document = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert document.count('w:orient="landscape"') >= 1 and "<w:pageBreakBefore/>" in document
    assert '<w:vMerge w:val="restart"/>' in document and "<w:gridSpan" in document  # the merged headers


def test_an_account_without_tables_is_a_cover_and_its_text(tmp_path: Path) -> None:
    account = FinalAccount(unit="示例局", year=2024, unit_type="行政单位")
    path = write_docx(account, tmp_path / "bare.docx")
    document = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert "示例局" in document and "2024 年度部门决算" in document and "<w:tbl>" not in document


def test_a_file_that_cannot_be_written_is_a_render_error(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="cannot write"):
        write_docx(synthetic.generate(1, tables=True), tmp_path / "no" / "such" / "x.docx")


def test_a_published_pdf_imports_into_a_word_document_to_edit_on(tmp_path: Path) -> None:
    """`budgetkit import report.pdf -o report.docx`: the report as Word, whose tables read back as the PDF's."""
    from budgetkit.cli import main
    from budgetkit.io.pdf import read_pdf

    pdf = Path(__file__).parent / "data" / "samples" / "putuo-social-work-2024.pdf"
    target = tmp_path / "social.docx"
    assert main(["import", str(pdf), "-o", str(target)]) == 0
    again, published = read_docx(target).account, read_pdf(pdf).account
    assert again.tables.tables == published.tables.tables
    assert (again.unit, again.year, again.tables.contents) == (published.unit, published.year, published.tables.contents)
