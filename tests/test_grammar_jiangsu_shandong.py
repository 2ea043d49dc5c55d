"""The 2024 部门决算 of Jiangsu and Shandong departments: their layout and wording, read as the template's.

tests/data/regions/jiangsu-2024.txt and shandong-2024.txt mirror the structure and phrases of the provinces'
published reports (江苏: 第一部分 …概况, 第三部分 情况说明 in ten sections, 收、支总计各增加, （一）收入决算总计 …。包括：
1．本年收入决算合计…, 十、其他重要事项的情况说明 with its （四）预算绩效情况说明 and a project's 绩效自评结果; 山东: fourteen
sections, 占本年收入 p%, 十一、一般性支出情况说明 with 会议费, 培训费 and their persons, 十四、预算绩效管理情况说明 counting the
projects at each stage), in our own words with fictional units and numbers: every total the exact sum of its parts,
every rate computed with Decimal and rounded half up. So each imports with nothing not understood and checks clean
(test_grammar_regions.py's COVERAGE); here, one figure made wrong at a time is found as exactly that figure.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from budgetkit.io.grammar import Amount, Change, Count, parse_paragraphs, parse_text
from budgetkit.io.text import read_text
from region_reports import REGIONS, found_after, paragraph


def test_totals_printed_as_decisions_are_the_totals() -> None:
    """Jiangsu's （一）收入决算总计 A 万元。包括： and （二）支出决算总计 A 万元 are 收入总计 and 支出总计; 收入、支出决算总计 stays
    the pair's."""
    statements = parse_text("（一）收入决算总计3,400.00万元。包括：（二）支出决算总计3,400.00万元。包括：", section="一")
    assert [(s.subject.key, str(s.figure)) for s in statements if isinstance(s, Amount)] == [
        ("income.total", "3,400.00万元"), ("expenditure.total", "3,400.00万元")]
    both = parse_text("2024年度收入、支出决算总计3,400.00万元。", section="一")
    assert [s.subject.key for s in both if isinstance(s, Amount)] == ["total"]


def test_a_project_s_achievements_are_kept_in_its_text() -> None:
    """Under （四）预算绩效情况说明, a project's 绩效目标完成情况：完成…8 个，接入…1,260 家 is kept in its text; its
    自评得分 is read after it, and the summary's budget, execution and rate are the section's, not the account's."""
    narrative = parse_paragraphs([
        paragraph("十、其他重要事项的情况说明"),
        paragraph("（四）预算绩效情况说明"),
        paragraph("该项目全年预算数300.00万元，执行数300.00万元，完成预算的100.00%。项目绩效目标完成情况：完成系统升级模块8个，"
              "接入监督对象1,260家，自评得分96.00分。"),
    ])
    # the summary's figures are left to the importer, which reads them as the project's (performance_projects)
    assert [u.text for u in narrative.unread] == ["300.00", "300.00", "100.00%"]
    assert sorted(narrative.performance) == [1, 2]
    counts = [(s.subject.key, str(s.figure)) for s in narrative.statements if isinstance(s, Count)]
    assert counts == [("performance.score", "96.00分")]


def test_achievements_naming_the_account_s_subjects_are_read() -> None:
    """…目标完成情况： followed by figures of the account's subjects (“三公”经费 …) is read as any sentence (it was kept in
    text whole: its amounts and rate unchecked, a wrong 支出决算 not found)."""
    statements = parse_text(
        "“三公”经费压减目标完成情况：2024年度“三公”经费财政拨款支出预算为40.00万元，支出决算为32.00万元，完成预算的80.00%。",
        section="七",
    )
    amounts = [(s.subject.key, str(s.figure)) for s in statements if isinstance(s, Amount)]
    assert amounts == [("three_public", "40.00万元"), ("three_public", "32.00万元")]


def test_projects_counted_by_level_and_by_stage() -> None:
    """一级项目 3 个，二级项目 12 个 (Jiangsu) and Shandong's 对 N 个项目开展了事前绩效评估，对 N 个项目编制了绩效目标，选取 N
    个项目开展绩效监控，对 N 个项目开展了绩效目标完成情况自评 are counts of projects, each of its stage."""
    levels = parse_text("本部门全面开展绩效自评，其中，一级项目3个，二级项目12个，共涉及资金720.00万元。", section="十（四）")
    assert [(s.subject.key, str(s.figure)) for s in levels if isinstance(s, Count)] == [
        ("performance.level_projects", "3个"), ("performance.level_projects", "12个")]
    text = ("本部门组织对5个项目开展了事前绩效评估，对12个项目编制了绩效目标，预算执行过程中，选取10个项目开展绩效监控，"
            "年终执行完毕后，对9个项目开展了绩效目标完成情况自评。")
    assert [(s.subject.key, str(s.figure)) for s in parse_text(text, section="十四") if isinstance(s, Count)] == [
        ("performance.ex_ante", "5个"), ("performance.targets", "12个"), ("performance.monitoring", "10个"),
        ("performance.self_evaluation", "9个")]


def test_projects_evaluated_by_the_department_are_counted() -> None:
    """组织开展部门评价项目 N 个 and 对 N 个项目开展了部门评价 count the projects the department evaluated; the money after
    is the evaluated projects', as 涉及资金 is elsewhere."""
    for text in ("组织开展部门评价项目2个，涉及资金120.00万元。", "组织对2个项目开展了部门评价，涉及资金120.00万元。"):
        statements = parse_text(text, section="十（四）")
        assert [(s.subject.key, str(s.figure)) for s in statements if isinstance(s, Amount | Count)] == [
            ("performance.evaluation", "2个"), ("performance.funds", "120.00万元")], text


def test_office_running_against_the_year_s_budget() -> None:
    """Jiangsu's 机关运行经费支出 A 万元，比年初预算数减少 D 万元，降低 p%: a change against the budget, not last year."""
    text = "本部门2024年度机关运行经费支出250.00万元，比年初预算数减少10.00万元，降低3.85%，主要原因是压减会议费。"
    changes = [s for s in parse_text(text, section="十（一）") if isinstance(s, Change)]
    assert [(s.subject.key, s.figure.text, s.budget.value if s.budget else None) for s in changes] == [
        ("office_running", "10.00", "年初预算"), ("office_running", "3.85", "年初预算")]


def test_general_spending_of_shandong_is_read() -> None:
    """十一、一般性支出情况说明: 会议费 and 培训费 with their count and persons (人数 260 人), and the 节庆 cost; no number
    left not understood."""
    narrative = parse_paragraphs([
        paragraph("十一、一般性支出情况说明"),
        paragraph("2024年本部门开支会议费3.60万元，用于召开全省工作会议等2个会议，人数260人，内容为部署年度工作；"
              "举办节庆、晚会、论坛、赛事活动开支费用0.00万元。"),
    ])
    assert narrative.unread == ()
    assert [(type(s).__name__, s.subject.key, str(s.figure)) for s in narrative.statements
            if isinstance(s, Amount | Count)] == [
        ("Amount", "meetings", "3.60万元"), ("Count", "meetings", "2个"), ("Count", "general_spending.persons", "260人"),
        ("Amount", "general_spending.events", "0.00万元")]  # fmt: skip
    # a number of 人次 is no count of persons
    visits = parse_text("开支培训费1.00万元，人数20人次。", section="十一")
    assert "general_spending.persons" not in [s.subject.key for s in visits]


def test_jiangsu_s_performance_section_holds_no_account_figure() -> None:
    """涉及一般公共预算支出 200.00 万元 under （四）预算绩效情况说明 is no claim on 一般公共预算财政拨款支出 (before, it was
    checked against its 3,020.00); the project's 完成预算的 100.00% is a claim on its own budget and execution."""
    account = read_text(REGIONS / "jiangsu-2024.txt").account
    summary = [(c.kind.value, str(c.stated), c.subject, c.base) for c in account.claims if c.section.startswith("十（四）")]
    assert summary == [("share", "100", "720.00", "general_budget.project"), ("completion", "100.00", "300.00", "300.00")]
    assert "200.00万元" in " ".join(str(i) for i in read_text(REGIONS / "jiangsu-2024.txt").report.issues)


#: (region, printed, printed instead, the findings check must give: (code, stated, expected))
MISTAKES = [
    ("jiangsu-2024", "事业收入180.00万元，占5.54%", "事业收入180.00万元，占5.45%", [("claim.share", "5.45", "5.54")]),
    ("jiangsu-2024", "收、支总计各增加200.00万元，增长6.25%", "收、支总计各增加200.00万元，增长6.52%", [("claim.growth", "6.52", "6.25")]),
    ("jiangsu-2024", "财政拨款收、支总计各增加150.00万元，增长5.08%", "财政拨款收、支总计各增加150.00万元，增长5.80%",
     [("claim.growth", "5.80", "5.08")]),
    ("jiangsu-2024", "完成年初预算的103.03%", "完成年初预算的103.30%", [("claim.completion", "103.30", "103.03")]),
    ("jiangsu-2024", "完成年初预算的100.83%", "完成年初预算的100.38%", [("claim.completion", "100.38", "100.83")]),
    ("jiangsu-2024", "占本年支出合计的92.07%", "占本年支出合计的92.70%", [("claim.share", "92.70", "92.07")]),
    ("jiangsu-2024", "卫生健康支出（类）110.00万元", "卫生健康支出（类）120.00万元",
     [("identity.general_budget_classes", "3020.00", "3030.00"), ("identity.category_rollup", "120.00", "110.00"),
      ("claim.share", "3.64", "3.97")]),
    ("jiangsu-2024", "支出决算为17.00万元，完成预算的85.00%", "支出决算为17.00万元，完成预算的58.00%",
     [("claim.completion", "58.00", "85.00")]),
    ("jiangsu-2024", "公务接待费支出决算7.00万元，占21.88%", "公务接待费支出决算7.00万元，占21.98%", [("claim.share", "21.98", "21.88")]),
    ("jiangsu-2024", "减少10.00万元，下降3.85%", "减少10.00万元，下降3.58%", [("claim.growth", "-3.58", "-3.85")]),
    ("jiangsu-2024", "占政府采购支出总额的72.00%", "占政府采购支出总额的72.50%", [("claim.share", "72.50", "72.00")]),
    ("jiangsu-2024", "政府采购服务支出300.00万元", "政府采购服务支出310.00万元", [("identity.procurement", "420.00", "430.00")]),
    ("jiangsu-2024", "执法执勤用车2辆", "执法执勤用车3辆", [("identity.vehicles_by_use", "5", "6")]),
    # （一）收入决算总计 printed again over the first section's total (before, not understood)
    ("jiangsu-2024", "（一）收入决算总计3,400.00万元", "（一）收入决算总计3,410.00万元", [("claim.amount", "3410.00", "3400.00")]),
    ("jiangsu-2024", "3．年末结转和结余120.00万元", "3．年末结转和结余130.00万元", [("identity.expenditure_total", "3400.00", "3410.00")]),
    # a project's 绩效自评结果: its rate against its own budget and execution
    ("jiangsu-2024", "执行数300.00万元，完成预算的100.00%", "执行数300.00万元，完成预算的99.00%", [("claim.completion", "99.00", "100.00")]),
    ("shandong-2024", "占本年收入83.33%", "占本年收入83.43%", [("claim.share", "83.43", "83.33")]),
    ("shandong-2024", "占本年支出62.50%", "占本年支出65.20%", [("claim.share", "65.20", "62.50")]),
    ("shandong-2024", "收、支总计各增加120.00万元，增长6.67%", "收、支总计各增加120.00万元，增长6.76%", [("claim.growth", "6.76", "6.67")]),
    ("shandong-2024", "占本年支出合计的84.09%", "占本年支出合计的84.90%", [("claim.share", "84.90", "84.09")]),
    ("shandong-2024", "卫生健康（类）支出60.00万元", "卫生健康（类）支出70.00万元",
     [("identity.general_budget_classes", "1480.00", "1490.00"), ("identity.category_rollup", "70.00", "60.00"),
      ("claim.share", "4.05", "4.73")]),
    ("shandong-2024", "完成年初预算的102.56%", "完成年初预算的102.65%", [("claim.completion", "102.65", "102.56")]),
    ("shandong-2024", "完成年初预算的99.53%", "完成年初预算的99.35%", [("claim.completion", "99.35", "99.53")]),
    ("shandong-2024", "人员经费960.00万元", "人员经费950.00万元", [("identity.basic_split", "1050.00", "1040.00")]),
    ("shandong-2024", "公务接待费支出预算为5.00万元，支出决算为3.00万元，完成预算的60.00%",
     "公务接待费支出预算为5.00万元，支出决算为3.00万元，完成预算的66.00%", [("claim.completion", "66.00", "60.00")]),
    ("shandong-2024", "公务用车购置及运行维护费支出决算9.00万元，占75.00%", "公务用车购置及运行维护费支出决算9.00万元，占57.00%",
     [("claim.share", "57.00", "75.00")]),
    ("shandong-2024", "减少1.00万元，下降7.69%", "减少1.00万元，下降7.96%", [("claim.growth", "-7.96", "-7.69")]),
    ("shandong-2024", "国内公务接待支出3.00万元", "国内公务接待支出4.00万元", [("identity.three_public_reception", "3.00", "4.00")]),
    ("shandong-2024", "增加5.00万元，增长5.88%", "增加5.00万元，增长8.55%", [("claim.growth", "8.55", "5.88")]),
    ("shandong-2024", "政府采购货物支出60.00万元", "政府采购货物支出50.00万元", [("identity.procurement", "200.00", "190.00")]),
    ("shandong-2024", "占授予中小企业合同金额的80.00%", "占授予中小企业合同金额的85.00%", [("claim.share", "85.00", "80.00")]),
    ("shandong-2024", "应急保障用车1辆", "应急保障用车2辆", [("identity.vehicles_by_use", "2", "3")]),
]


@pytest.mark.parametrize(("name", "printed", "instead", "expected"), MISTAKES)
def test_a_wrong_figure_is_found_and_only_it(
    tmp_path: Path, name: str, printed: str, instead: str, expected: list[tuple[str, str, str]]
) -> None:
    """One figure printed wrong: check gives exactly the findings listed, nothing else above a note."""
    assert found_after(tmp_path, name, printed, instead) == expected


def test_the_reports_rates_are_exact() -> None:
    """A few of the rates the two reports print, as Decimal computes them (rounded half up at two places)."""
    def pct(part: str, whole: str) -> Decimal:
        return (Decimal(part) / Decimal(whole) * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    assert [pct("3000", "3250"), pct("3020", "3280"), pct("3020", "2995"), pct("17", "32"), pct("7", "32")] == [
        Decimal("92.31"), Decimal("92.07"), Decimal("100.83"), Decimal("53.13"), Decimal("21.88")]
    assert [pct("1500", "1800"), pct("1480", "1760"), pct("1480", "1487"), pct("1", "13"), pct("144", "180")] == [
        Decimal("83.33"), Decimal("84.09"), Decimal("99.53"), Decimal("7.69"), Decimal("80.00")]
