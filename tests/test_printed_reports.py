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


def test_a_contents_listing_sections_under_two_parts_matches_the_first_part_s_headings(tmp_path: Path) -> None:
    """A 目录 that numbers the sections of 第二部分 …决算说明 and again of 第三部分 …其他重要事项的情况说明 from 一、: before,
    the second part's entries were compared with the first part's headings of the same number, a false warning each."""
    from budgetkit.checks.audit import check
    from budgetkit.io.pdf import read_pdf as import_pdf

    text = "\n".join(BEIJING_LIKE)
    imported = import_pdf(print_report(text, tmp_path / "contents.pdf", contents=True))
    assert len(imported.account.tables.contents) == 6
    assert [f.message for f in check(imported.account) if f.rule == "table.contents_heading"] == []


def test_the_body_after_a_contents_ending_with_a_second_explanation_part_keeps_its_numbers(tmp_path: Path) -> None:
    """A 目录 whose last part is 第三部分 …其他重要事项的情况说明 (listing its sections) is followed by the body's
    第二部分 …决算说明: before, the body was read as going on from the 目录's part, its 一、 renumbered 五、 and every
    passage put under the wrong section."""
    from budgetkit.io.pdf import read_pdf as import_pdf

    imported = import_pdf(print_report("\n".join(BEIJING_LIKE), tmp_path / "contents.pdf", contents=True))
    sections = [(p.section, p.text.partition("\n")[0]) for p in imported.account.passages]
    assert ("一", "一、收入支出决算总体情况说明") in sections
    assert ("三", "三、机关运行经费支出情况说明") in sections  # the second part numbered on, as printed without a 目录


def test_a_contents_entry_running_on_to_a_second_line_still_names_its_part(tmp_path: Path) -> None:
    """A 目录 entry too long for its line (第三部分：…决算情况 / 说明……3) names the 情况说明 all the same: before, the part
    was not taken for one, and the sections of the 预算绩效情况说明 part after it were compared with its headings."""
    from budgetkit.checks.audit import check
    from budgetkit.io.pdf import read_pdf as import_pdf

    text = "\n".join([
        "示例镇人民政府本级2022年度部门决算",
        "第一部分：示例镇人民政府本级概况",
        "一、主要职责",
        "贯彻执行党和国家的方针政策。",
        "第三部分：示例镇人民政府本级2022年度部门决算情况说明",
        "一、收入支出决算总体情况说明",
        "2022年度收、支总计2,600.00万元。",
        "二、收入决算情况说明",
        "2022年度本年收入合计2,500.00万元。",
        "第四部分：预算绩效情况说明",
        "一、预算绩效管理工作开展情况",
        "本部门对2022年度一般公共预算项目支出开展了绩效自评。",
    ])
    imported = import_pdf(print_report(text, tmp_path / "contents.pdf", contents=True))
    assert any(line.startswith("说明") for line in imported.account.tables.contents)  # the entry did run on
    assert [f.message for f in check(imported.account) if f.rule == "table.contents_heading"] == []
