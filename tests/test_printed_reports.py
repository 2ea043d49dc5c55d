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

BEIJING_LIKE = [
    "示例中心2023年度部门决算",
    "第二部分 2023年度部门决算说明",
    "一、收入支出决算总体情况说明",
    "2023年度收、支总计1,500.00万元。",
    "二、收入决算情况说明",
    "2023年度本年收入合计1,450.00万元。",
    "第三部分 2023年度其他重要事项的情况说明",
    "一、机关运行经费支出情况说明",
    "2023年度本单位为事业单位，不涉及机关运行经费支出。",
    "二、政府采购支出情况说明",
    "2023年度本单位政府采购支出总额200.00万元。",
]


def _paragraphs(tmp_path: Path, text: str) -> list[str]:
    return [p.text for p in read_pdf(print_report(text, tmp_path / "printed.pdf")).paragraphs]


def test_a_heading_ending_a_page_is_not_joined_to_the_next_page_s_first_paragraph(tmp_path: Path) -> None:
    """A heading alone on the last line of a page ends there: before, it ran on into the paragraph opening the next
    page (第四部分：名词解释1.财政拨款收入：…), and the glossary was lost."""
    text = "\n".join(["示例处2023年度部门决算", LONG, "第四部分：名词解释", "\f", "1.财政拨款收入：指本级财政当年拨付的资金。"])
    assert _paragraphs(tmp_path, text)[-2:] == ["第四部分：名词解释", "1.财政拨款收入：指本级财政当年拨付的资金。"]



def test_the_body_after_a_contents_ending_with_a_second_explanation_part_keeps_its_numbers(tmp_path: Path) -> None:
    """A 目录 whose last part is 第三部分 …其他重要事项的情况说明 (listing its sections) is followed by the body's
    第二部分 …决算说明: before, the body was read as going on from the 目录's part, its 一、 renumbered 五、 and every
    passage put under the wrong section."""
    from budgetkit.io.pdf import read_pdf as import_pdf

    imported = import_pdf(print_report("\n".join(BEIJING_LIKE), tmp_path / "contents.pdf", contents=True))
    sections = [(p.section, p.text.partition("\n")[0]) for p in imported.account.passages]
    assert ("一", "一、收入支出决算总体情况说明") in sections
    assert ("三", "三、机关运行经费支出情况说明") in sections  # the second part numbered on, as printed without a 目录

