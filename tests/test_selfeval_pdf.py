"""Tests for reading self-evaluation tables from PDF: both layouts drawn with reportlab at run time, read back.

The PDFs are made in the test (no binary is committed): reportlab draws the tables with their grid and
merged cells, in Noto Sans SC (``pylopdf_fonts_zh_cn``) subset to the characters drawn and converted to
TrueType by the renderer's own font helper (:mod:`budgetkit.outputs.pdf`), about a second.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import attrs
import pytest

pytest.importorskip("pdfplumber")
pytest.importorskip("reportlab")
pytest.importorskip("fontTools")
pytest.importorskip("pylopdf_fonts_zh_cn")

from budgetkit import datasets
from budgetkit.checks.audit import check
from budgetkit.io.pdf import SELFEVAL_UNREAD, read_pdf
from budgetkit.io.selfeval import read_selfeval_table, split_text_tables
from budgetkit.model.project import Layout
from test_selfeval import SEED, central_rows

Rows = Sequence[Sequence[str | None]]


#: The titles and texts the PDFs draw beside their tables.
_TITLES = (
    "示例局2024年度部门决算",
    "第三部分 情况说明",
    "项目支出绩效自评表（2024年度）",
    "部门预算项目支出绩效自评表（2023年度）",
)


def _seed_rows() -> list[list[str]]:
    """The seed's first self-evaluation table as rows of cells, without its title row."""
    return split_text_tables(SEED.read_text(encoding="utf-8").splitlines()[139:360])[0][1:]


@pytest.fixture(scope="module")
def font() -> str:
    """A registered Noto Sans SC (TrueType, as reportlab embeds it) holding every character drawn: the renderer's."""
    from budgetkit.outputs.pdf import _font

    cells = [cell or "" for rows in (central_rows(), _seed_rows()) for row in rows for cell in row]
    return _font(frozenset("".join((*_TITLES, *cells)) + "0123456789.%"))


def _pdf(
    path: Path, font: str, title: str, rows: Rows, spans: Sequence[tuple[int, int, int, int]] = (), *, ruled: bool = True
) -> Path:
    """A one-table report: cover, 第三部分 heading, the table's title, the table (merged cells as SPANs), with its
    ruling lines unless ``ruled`` is false."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    width = max(len(row) for row in rows)
    cells = [[cell or "" for cell in row] + [""] * (width - len(row)) for row in rows]
    texts = [_TITLES[0], _TITLES[1], title]
    text = ParagraphStyle("text", fontName=font, fontSize=10, leading=14)
    small = ParagraphStyle("cell", fontName=font, fontSize=6, leading=8, wordWrap="CJK")
    data = [
        [Paragraph(cell.replace("\n", "<br/>"), small) if len(cell) > 10 else cell for cell in row] for row in cells
    ]
    table = Table(data, colWidths=[(landscape(A4)[0] - 60) / width] * width)
    style = [("GRID", (0, 0), (-1, -1), 0.5, "black")] if ruled else []
    style.append(("FONT", (0, 0), (-1, -1), font, 6))
    style += [("SPAN", (c0, r0), (c1, r1)) for c0, r0, c1, r1 in spans]
    table.setStyle(TableStyle(style))
    story = [Paragraph(texts[0], text), Paragraph(texts[1], text), Spacer(1, 8)]
    story += [Paragraph(title, ParagraphStyle("title", parent=text, alignment=1)), table]
    SimpleDocTemplate(str(path), pagesize=landscape(A4), leftMargin=30, rightMargin=30).build(story)
    return path


#: The merged cells of the 附件1 table of ``central_rows()[2:]`` (first column, row; last column, row).
CENTRAL_SPANS = (
    (1, 0, 8, 0),
    (1, 1, 3, 1),
    (5, 1, 8, 1),
    (0, 2, 1, 2),
    (0, 3, 0, 6),
    (0, 7, 0, 8),
    (1, 7, 4, 7),
    (5, 7, 8, 7),
    (1, 8, 4, 8),
    (5, 8, 8, 8),
    (0, 9, 0, 15),
    (1, 10, 1, 13),
    (2, 10, 2, 11),
    (0, 16, 5, 16),
    (1, 17, 8, 17),
)


def test_a_central_table_pdf_is_read_into_its_project(tmp_path: Path, font: str) -> None:
    """A 附件1 PDF gives the project the same cells give, with its page, and no unknown table."""
    rows = [list(row) for row in central_rows()[2:]]
    imported = read_pdf(_pdf(tmp_path / "central.pdf", font, _TITLES[2], rows, CENTRAL_SPANS))
    (p,) = imported.account.projects
    assert (p.layout, p.code, p.name) == (Layout.CENTRAL, None, "社区就业服务")
    assert p == read_selfeval_table(central_rows())
    assert imported.report.page("projects[0].indicators[0]") == 1
    assert imported.report.tables_unknown == ()
    found = {(f.rule, f.path) for f in check(imported.account)}
    assert ("selfeval.text_actual", "projects[0].indicators[1].actual") in found
    assert not {rule for rule, _ in found} & {"project.code_missing", "project.adjustment_reason"}


def test_a_table_printed_without_lines_is_named_not_lost(tmp_path: Path, font: str) -> None:
    """A self-evaluation table printed without ruling lines gives no project (its cells are not read): the import
    report names its title at its page, where before the project was lost without a word."""
    imported = read_pdf(_pdf(tmp_path / "unruled.pdf", font, _TITLES[3], _seed_rows(), ruled=False))
    assert imported.account.projects == ()
    named = [(str(issue.box), issue.text) for issue in imported.report.issues if issue.reason == SELFEVAL_UNREAD]
    assert named == [("第1页", _TITLES[3])]
    ruled = read_pdf(_pdf(tmp_path / "ruled.pdf", font, _TITLES[3], _seed_rows()))
    assert len(ruled.account.projects) == 1
    assert not any(issue.reason == SELFEVAL_UNREAD for issue in ruled.report.issues)


def test_a_sichuan_table_pdf_is_the_seed_project(tmp_path: Path, font: str) -> None:
    """The seed's first table drawn as a PDF reads back as the dataset's project (texts are wrapped, not split)."""
    imported = read_pdf(_pdf(tmp_path / "sichuan.pdf", font, _TITLES[3], _seed_rows()))
    (p,) = imported.account.projects
    expected = attrs.evolve(datasets.load("zigong-hr-2023").projects[0], use="")
    texts = ("goals", "results", "process", "conclusion", "problems", "measures", "execution_reason")
    same = {name: getattr(expected, name).replace(" ", "") for name in texts}
    assert {name: getattr(p, name).replace(" ", "") for name in texts} == same
    assert attrs.evolve(p, **{name: "" for name in texts}) == attrs.evolve(expected, **{name: "" for name in texts})
