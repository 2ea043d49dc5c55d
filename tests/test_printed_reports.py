"""Text reports printed to PDF as Word or WPS prints them read as the text itself reads.

Found by printing every made-up regional report (tests/data/regions, tests/data/years) with
:mod:`printed_reports` and comparing what :func:`budgetkit.io.pdf.read_pdf` gives with what
:func:`budgetkit.io.text.read_text` gives: claims, figures, passages, numbers not understood and findings.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetkit.io.document import read_pdf

pytest.importorskip("pdfplumber")
pytest.importorskip("reportlab")

from printed_reports import print_report

LONG = "截至2023年12月31日，本处共有车辆2辆，其中：应急保障用车2辆，主要用于防汛抗旱等应急保障工作，保障了各项任务顺利完成。"


def _paragraphs(tmp_path: Path, text: str) -> list[str]:
    return [p.text for p in read_pdf(print_report(text, tmp_path / "printed.pdf")).paragraphs]


def test_a_heading_ending_a_page_is_not_joined_to_the_next_page_s_first_paragraph(tmp_path: Path) -> None:
    """A heading alone on the last line of a page ends there: before, it ran on into the paragraph opening the next
    page (第四部分：名词解释1.财政拨款收入：…), and the glossary was lost."""
    text = "\n".join(["示例处2023年度部门决算", LONG, "第四部分：名词解释", "\f", "1.财政拨款收入：指本级财政当年拨付的资金。"])
    assert _paragraphs(tmp_path, text)[-2:] == ["第四部分：名词解释", "1.财政拨款收入：指本级财政当年拨付的资金。"]
