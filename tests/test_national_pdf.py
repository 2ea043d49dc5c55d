"""A PDF in another province's layout reads like its text: the seed's 单位决算说明, typeset as a PDF.

The seed (Sichuan) numbers its 情况说明 第二部分 and its sections ``1、 收入决算情况说明``; the PDF importer
once looked for 第三部分 only and read none of its figures. Here the seed's lines are typeset the way
Word prints them (wrapped at the right margin, the first line of a paragraph indented) and read back:
every finding about its narrative is the one its text gives.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from budgetkit.checks.audit import check
from budgetkit.checks.finding import Finding
from budgetkit.io.pdf import read_pdf
from budgetkit.io.text import read_text
from budgetkit.values.money import Money

pytest.importorskip("pdfplumber")
pytest.importorskip("reportlab")
pytest.importorskip("fontTools")

SEED = Path(__file__).parent / "data" / "seeds" / "000_ad8dd908a3134475.txt"
_MARK = re.compile(r"\[bookmark:[^\]]*\]")  # left by the seed's conversion to text; a PDF has none


def _typeset(text: str, target: Path) -> None:
    """Lines of ``text`` as Word prints them on A4: 13 pt, wrapped at the margin, first lines indented."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    from budgetkit.outputs.pdf import _font  # Noto Sans SC subset as TrueType, as render_pdf draws with

    font, size, left, width = _font(frozenset(text)), 13, 60.0, 475.0
    page = canvas.Canvas(str(target), pagesize=(595, 842))
    y = 780.0
    for paragraph in filter(None, (line.strip() for line in text.splitlines())):
        x = left + 2 * size
        while paragraph:
            n = 1
            while n < len(paragraph) and stringWidth(paragraph[: n + 1], font, size) <= width - (x - left):
                n += 1
            page.setFont(font, size)
            page.drawString(x, y, paragraph[:n])
            paragraph, x, y = paragraph[n:], left, y - 20
            if y < 60:
                page.showPage()
                y = 780.0
    page.save()


def _about_the_narrative(findings: list[Finding]) -> Counter[tuple[str, str]]:
    """Code and path of each finding, without the self-evaluation tables (the text prints them one cell a
    line, not as ruled tables), the claims of their projects' own text (项目:…) and the charts (a text export carries
    their data, a PDF draws them), and with claims unnumbered (the tables' claims come first)."""
    return Counter(
        (f.code, re.sub(r"claims\[\d+\]", "claims[]", f.path))
        for f in findings
        if not f.path.startswith(("projects", "charts"))
        and "projects[" not in f.path
        and f.code != "claim.amount"
        and "（项目:" not in f.message
    )


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("national") / "seed.pdf"
    _typeset(_MARK.sub("", SEED.read_text(encoding="utf-8")), target)
    return target


def test_the_seed_typeset_as_a_pdf_imports_its_narrative(seed_pdf: Path) -> None:
    imported = read_pdf(seed_pdf)
    account, report = imported.account, imported.report
    assert (account.unit, account.year) == ("自贡市人力资源服务中心", 2023)
    assert not any("第三部分" in issue.text or "第三部分" in issue.reason for issue in report.issues)
    assert account.income.total.current == Money("1054.90")
    assert account.general_budget.total.current == Money("1025.98")
    assert [c.name for c in account.general_budget.categories] == [c.name for c in read_text(SEED).account.general_budget.categories]
    assert report.numbers_imported > 200  # none before the national layout was read from a PDF
    assert str(report.box("income.total")).endswith("页")


def test_the_seed_pdf_finds_what_its_text_finds(seed_pdf: Path) -> None:
    from_pdf = check(read_pdf(seed_pdf).account)
    from_text = check(read_text(SEED).account)
    assert _about_the_narrative(from_pdf) == _about_the_narrative(from_text)
    codes = {code for code, _ in _about_the_narrative(from_pdf)}
    assert {"narrative.adjustment", "identity.three_public_vehicle", "classification.item_not_in_section"} <= codes
