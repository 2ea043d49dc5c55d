"""Tests for budgetkit check DIR over a directory of PDF reports, alone or mixed with account files."""

from __future__ import annotations

import io as text_io
import json
from pathlib import Path

import pytest

from budgetkit import io
from budgetkit.cli import main
from budgetkit.datasets import synthetic

pytest.importorskip("pdfplumber")
pytest.importorskip("reportlab")

from budgetkit.outputs.pdf import render_pdf


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two rendered reports, an account file and a damaged PDF, in one directory."""
    path = tmp_path_factory.mktemp("reports")
    render_pdf(synthetic.generate(2, tables=True), path / "b-second.pdf")
    render_pdf(synthetic.generate(1, tables=True), path / "a-first.pdf")
    io.dump(synthetic.generate(3), path / "c-account.toml")
    (path / "d-broken.pdf").write_bytes(b"%PDF-1.4\n" + b"\x00" * 200)
    return path


def test_a_directory_of_pdfs_and_accounts_is_checked_in_its_order(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every readable file is checked in the directory's sorted order; the damaged PDF is named; exit status 2."""
    out = text_io.StringIO()
    assert main(["check", str(folder), "--jobs", "2"], out=out) == 2
    printed = out.getvalue()
    heads = [line for line in printed.splitlines() if line.startswith("== ")]
    assert heads == ["== a-first.pdf", "== b-second.pdf", "== c-account.toml"]
    assert "共检查 3 份，无法读取 1 份" in printed
    err = capsys.readouterr().err
    assert "d-broken.pdf" in err and "\r" not in err  # stderr is not a terminal: no progress bar


def test_json_findings_of_an_imported_pdf_carry_their_page(folder: Path) -> None:
    """In JSON each PDF's findings name the file and page of their figure; the damaged file is unreadable."""
    out = text_io.StringIO()
    main(["check", str(folder), "--format", "json", "--jobs", "1"], out=out)
    doc = json.loads(out.getvalue())
    assert [a["source"] for a in doc["accounts"]] == ["a-first.pdf", "b-second.pdf", "c-account.toml"]
    assert [u["source"] for u in doc["unreadable"]] == [str(folder / "d-broken.pdf")]
    pdf_findings = [f for a in doc["accounts"][:2] for f in a["findings"]]
    assert pdf_findings and all(f["source"]["page"] for f in pdf_findings if "source" in f)
    assert all("source" in f for f in pdf_findings)
    assert all("source" not in f for f in doc["accounts"][2]["findings"])


def test_parallel_and_serial_checks_give_the_same_report(folder: Path) -> None:
    """--jobs 2 and --jobs 1 print the same results: workers finishing in any order change nothing."""
    outputs = []
    for jobs in ("1", "2"):
        out = text_io.StringIO()
        main(["check", str(folder), "--format", "json", "--jobs", jobs], out=out)
        outputs.append(json.loads(out.getvalue()))
    assert outputs[0] == outputs[1]


def test_a_directory_of_only_pdfs_with_one_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A directory holding PDFs alone is checked; a truncated PDF is named with its problem, the other checked."""
    good = render_pdf(synthetic.generate(4, tables=True), tmp_path / "good.pdf")
    (tmp_path / "cut.pdf").write_bytes(good.read_bytes()[:400])
    out = text_io.StringIO()
    assert main(["check", str(tmp_path), "--min-severity", "error"], out=out) == 2
    assert "== good.pdf" in out.getvalue() and "共检查 1 份，无法读取 1 份" in out.getvalue()
    assert "cut.pdf" in capsys.readouterr().err
