"""The 2024 部门决算 of Hebei and Shanxi: the national template's sections, in each province's wording.

tests/data/regions/hebei-2024.txt and shanxi-2024.txt (a provincial department's) and hebei-2024-county.txt and
shanxi-2024-county.txt (a county's) mirror the layout and wording of published reports of the two provinces, written in
our own words with fictional units and numbers: every total is the sum of its parts exactly, every share, change and
completion rate was computed with Decimal and rounded half up at its printed places. So ``check`` finds nothing on
them above a note on the built-in classification; each is then made inconsistent in one figure at a time, and the
checker must find exactly that figure.

Hebei prints 收、支总计 and its 三公 against the 全年预算 (完成全年预算的 p%), its parts 第一部分 to 第五部分 with the
情况说明 second and the tables last; its county the 三公 against the 年度预算 (完成年度预算的 p%). Shanxi prints 收入总计
and 支出总计 apart (财政拨款 alike in 四) and each 项 of 五（三） with a colon after it; its county opens 五（二）'s 类 with
主要用于： and prints the 三公's change after the reason on its budget (…主要原因是…，较上年减少 A 万元，下降 p%).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest

from budgetkit.io.grammar import Amount, Change, Completion, Reason, Share, parse_paragraphs, parse_text
from budgetkit.io.pdf import Imported
from region_reports import paragraph, province_tests

NAMES = ("hebei-2024", "shanxi-2024", "hebei-2024-county", "shanxi-2024-county")


# -- the whole reports ----------------------------------------------------------------------------------------------

#: (numbers seen, imported, kept in text, read but not held, not understood), as `import --report` prints them.
COVERAGE = {
    # not held: 共涉及项目 14 个, 反映…等 2 个项目, a project's and 部门整体支出's 自评得分
    "hebei-2024": (177, 153, 20, 4, 0),
    # not held: 共涉及项目 18 个, 反映…等 2 个项目, the 自评得分s, 通用设备 2 台 (四's 支出总计, printed apart, is held
    # since the nineteenth session)
    "shanxi-2024": (179, 153, 21, 5, 0),
    # 完成年度预算的 80.00% (before, not understood); 对 5 个一般公共预算项目 and 涉及资金: read, held by no field
    "hebei-2024-county": (113, 101, 10, 2, 0),
    # 主要用于：自然资源海洋气象等支出 700.00 万元 (before, kept in text as a purpose); 完成年度预算的 90.00% (before, not
    # understood); 较上年减少 0.60 万元，下降 10.00% after the reason (before, kept in the reason's text); 四's 支出总计
    # and its change (held since the nineteenth session)
    "shanxi-2024-county": (101, 88, 11, 2, 0),
}

#: The notes a consistent report gives: the built-in classification does not hold 水利's, 农业农村's and 自然资源事务's 项.
NOTES = {
    "hebei-2024": ["classification.unknown_name", "classification.generic_name"] + ["classification.unknown_name"] * 3,
    "shanxi-2024": ["classification.generic_name", "classification.unknown_name", "classification.unknown_name"],
    "hebei-2024-county": ["classification.unknown_name", "classification.generic_name", "classification.unknown_name",
                          "classification.unknown_name"],
    "shanxi-2024-county": ["classification.generic_name", "classification.unknown_name"],
}  # fmt: skip


def test_the_reports_hold_the_template_s_figures(imported: dict[str, Imported]) -> None:
    """三公 against its 全年预算 (Hebei) and 年度预算 (Hebei's county) is read into the account; the 类 Shanxi's county
    lists after 主要用于： are the account's classes, the first of them too."""
    hebei, county = imported["hebei-2024"].account, imported["hebei-2024-county"].account
    assert str(hebei.three_public.total.budget.amount) == "52.00"  # type: ignore[union-attr]
    assert str(hebei.three_public.vehicle.budget.amount) == "32.00"  # type: ignore[union-attr]
    assert str(county.three_public.total.budget.amount) == "10.00"  # type: ignore[union-attr]
    shanxi = imported["shanxi-2024-county"].account
    first = shanxi.general_budget.categories[0]
    assert (first.name, str(first.actual.amount)) == ("自然资源海洋气象等支出", "700.00")  # type: ignore[union-attr]
    claims = {(c.kind.value, c.subject, str(c.stated)) for c in shanxi.claims}
    assert {("completion", "three_public.total", "90.00"), ("growth", "three_public.total", "-10.00")} <= claims


#: (region, printed, printed instead, the findings check must give: (code, stated, expected))
MISTAKES = [
    ("hebei-2024", "收、支总计各增加240.00万元，增长6.63%", "收、支总计各增加240.00万元，增长6.36%", [("claim.growth", "6.36", "6.63")]),
    ("hebei-2024", "财政拨款收入3,450.00万元，占本年收入合计的93.24%", "财政拨款收入3,450.00万元，占本年收入合计的93.42%", [("claim.share", "93.42", "93.24")]),
    ("hebei-2024", "基本支出2,280.00万元", "基本支出2,290.00万元", [("identity.parts_over_total", "3700.00", "≥ 3710.00"), ("claim.share", "61.62", "61.89")]),
    ("hebei-2024", "财政拨款收、支总计各增加150.00万元，增长4.41%", "财政拨款收、支总计各增加150.00万元，增长4.14%", [("claim.growth", "4.14", "4.41")]),
    ("hebei-2024", "占本年支出合计的91.89%", "占本年支出合计的91.98%", [("claim.share", "91.98", "91.89")]),
    ("hebei-2024", "增加150.00万元，增长4.62%", "增加150.00万元，增长4.26%", [("claim.growth", "4.26", "4.62")]),
    ("hebei-2024", "农林水（类）支出2,860.00万元，占84.12%", "农林水（类）支出2,860.00万元，占84.21%", [("claim.share", "84.21", "84.12")]),
    ("hebei-2024", "支出决算为1,060.00万元，完成年初预算的92.17%", "支出决算为1,060.00万元，完成年初预算的92.71%", [("claim.completion", "92.71", "92.17")]),
    ("hebei-2024", "完成年初预算的98.32%", "完成年初预算的98.23%", [("claim.completion", "98.23", "98.32")]),
    ("hebei-2024", "支出决算为420.00万元", "支出决算为430.00万元", [("identity.category_rollup", "2860.00", "2870.00"), ("claim.completion", "105.00", "107.50")]),
    ("hebei-2024", "人员经费1,820.00万元", "人员经费1,830.00万元", [("identity.basic_split", "2150.00", "2160.00")]),
    # 七（一）'s 全年预算为 / 完成全年预算的 p%
    ("hebei-2024", "完成全年预算的86.15%", "完成全年预算的86.51%", [("claim.completion", "86.51", "86.15")]),
    ("hebei-2024", "支出决算为29.20万元，完成全年预算的91.25%", "支出决算为29.20万元，完成全年预算的92.25%", [("claim.completion", "92.25", "91.25")]),
    ("hebei-2024", "减少3.20万元，下降6.67%", "减少3.20万元，下降6.76%", [("claim.growth", "-6.76", "-6.67")]),
    ("hebei-2024", "公务用车购置及运行维护费支出决算29.20万元，占65.18%", "公务用车购置及运行维护费支出决算29.20万元，占65.81%", [("claim.share", "65.81", "65.18")]),
    ("hebei-2024", "减少20.00万元，降低7.14%", "减少20.00万元，降低7.41%", [("claim.growth", "-7.41", "-7.14")]),
    ("hebei-2024", "政府采购工程支出90.00万元", "政府采购工程支出95.00万元", [("identity.procurement", "520.00", "525.00")]),
    ("hebei-2024", "占政府采购支出总额的60.00%", "占政府采购支出总额的66.00%", [("claim.share", "66.00", "60.00")]),
    ("hebei-2024", "应急保障用车2辆", "应急保障用车3辆", [("identity.vehicles_by_use", "8", "9")]),
    # 十三（二）'s summary of a project: 项目全年预算数为 A 万元，执行数为 B 万元，完成预算的 p%
    ("hebei-2024", "执行数为399.00万元，完成预算的95.00%", "执行数为399.00万元，完成预算的94.00%", [("claim.completion", "94.00", "95.00")]),
    # 收入总计 and 支出总计 printed apart, then changed together
    ("shanxi-2024", "收入总计、支出总计各增加390.00万元，增长7.21%", "收入总计、支出总计各增加390.00万元，增长7.12%", [("claim.growth", "7.12", "7.21")]),
    ("shanxi-2024", "事业收入360.00万元，占本年收入合计的6.47%", "事业收入360.00万元，占本年收入合计的6.74%", [("claim.share", "6.74", "6.47")]),
    ("shanxi-2024", "项目支出2,260.00万元", "项目支出2,270.00万元", [("identity.parts_over_total", "5410.00", "≥ 5420.00"), ("claim.share", "41.77", "41.96")]),
    ("shanxi-2024", "财政拨款收入总计、支出总计各增加220.00万元，增长4.38%", "财政拨款收入总计、支出总计各增加220.00万元，增长4.83%", [("claim.growth", "4.83", "4.38")]),
    ("shanxi-2024", "占本年支出合计的92.79%", "占本年支出合计的92.97%", [("claim.share", "92.97", "92.79")]),
    ("shanxi-2024", "自然资源海洋气象等支出4,350.00万元，占86.65%", "自然资源海洋气象等支出4,350.00万元，占86.56%", [("claim.share", "86.56", "86.65")]),
    # 五（三）'s 项 with a colon after （项）
    ("shanxi-2024", "支出决算数为1,480.00万元", "支出决算数为1,490.00万元", [("identity.category_rollup", "4350.00", "4360.00"), ("claim.completion", "92.50", "93.13")]),
    ("shanxi-2024", "完成年初预算的99.86%", "完成年初预算的99.68%", [("claim.completion", "99.68", "99.86")]),
    ("shanxi-2024", "公用经费420.00万元", "公用经费430.00万元", [("identity.basic_split", "3000.00", "3010.00")]),
    ("shanxi-2024", "支出决算为7.40万元，完成预算的74.00%", "支出决算为7.40万元，完成预算的47.00%", [("claim.completion", "47.00", "74.00")]),
    ("shanxi-2024", "因公出国（境）费支出决算12.00万元，占22.64%", "因公出国（境）费支出决算12.00万元，占22.46%", [("claim.share", "22.46", "22.64")]),
    ("shanxi-2024", "减少3.80万元，下降6.69%", "减少3.80万元，下降6.96%", [("claim.growth", "-6.96", "-6.69")]),
    ("shanxi-2024", "减少26.00万元，降低5.96%", "减少26.00万元，降低5.69%", [("claim.growth", "-5.69", "-5.96")]),
    ("shanxi-2024", "政府采购服务支出830.00万元", "政府采购服务支出840.00万元", [("identity.procurement", "1400.00", "1410.00")]),
    ("shanxi-2024", "占政府采购支出总额的85.00%", "占政府采购支出总额的58.00%", [("claim.share", "58.00", "85.00")]),
    ("shanxi-2024", "特种专业技术用车8辆", "特种专业技术用车9辆", [("identity.vehicles_by_use", "12", "13")]),
    # 七's 公务用车保有量 more than 十二's 车辆
    ("shanxi-2024", "公务用车保有量为12辆", "公务用车保有量为13辆", [("identity.vehicles_owned", "13", "12")]),
    ("hebei-2024-county", "收、支总计各减少60.00万元，下降4.65%", "收、支总计各减少60.00万元，下降4.56%", [("claim.growth", "-4.56", "-4.65")]),
    # 年度预算为 / 完成年度预算的 p% (before, not understood)
    ("hebei-2024-county", "完成年度预算的80.00%", "完成年度预算的88.00%", [("claim.completion", "88.00", "80.00")]),
    ("hebei-2024-county", "公务用车运行维护费6.40万元", "公务用车运行维护费6.60万元", [("identity.three_public_vehicle", "6.40", "6.60")]),
    ("hebei-2024-county", "农林水支出980.00万元", "农林水支出990.00万元", [("identity.general_budget_classes", "1160.00", "1170.00"), ("identity.category_rollup", "990.00", "980.00"), ("claim.share", "84.48", "85.34")]),
    # a change after the reason on the budget (before, kept in the reason's text)
    ("shanxi-2024-county", "较上年减少0.60万元，下降10.00%", "较上年减少0.60万元，下降11.00%", [("claim.growth", "-11.00", "-10.00")]),
    # 五（二）'s 主要用于： then the 类 (before, a purpose: the class lost, its share bound to the whole)
    ("shanxi-2024-county", "自然资源海洋气象等支出700.00万元，占82.35%", "自然资源海洋气象等支出700.00万元，占82.53%", [("claim.share", "82.53", "82.35")]),
    ("shanxi-2024-county", "自然资源海洋气象等支出700.00万元", "自然资源海洋气象等支出710.00万元", [("identity.general_budget_classes", "850.00", "860.00"), ("identity.category_rollup", "710.00", "700.00"), ("claim.share", "82.35", "83.53")]),
]  # fmt: skip


def test_each_provincial_report_has_ten_slips_found() -> None:
    """At least ten one-figure slips of each provincial report are found."""
    assert all(sum(m[0] == name for m in MISTAKES) >= 10 for name in ("hebei-2024", "shanxi-2024"))


# -- the wording ----------------------------------------------------------------------------------------------------

_STRUCTURE = ("五、一般公共预算财政拨款支出决算情况说明", "（二）一般公共预算财政拨款支出决算结构情况")


def test_main_uses_with_a_colon_open_the_classes() -> None:
    """主要用于： followed by 类 with their shares lists the parts, as 主要用于以下方面： does (before, it was a purpose:
    the first class's amount was kept in text and its share bound to the whole)."""
    text = ("2024年度一般公共预算财政拨款支出850.00万元，主要用于：自然资源海洋气象等支出700.00万元，占82.35%；"
            "社会保障和就业支出60.00万元，占7.06%。")
    statements = [s for s in parse_text(text, section="五（二）", headings=_STRUCTURE) if isinstance(s, Amount | Share)]
    assert [(type(s).__name__, s.subject.key, str(s.figure)) for s in statements] == [
        ("Amount", "general_budget.expenditure", "850.00万元"),
        ("Amount", "general_budget.class", "700.00万元"),
        ("Share", "general_budget.class", "82.35%"),
        ("Amount", "general_budget.class", "60.00万元"),
        ("Share", "general_budget.class", "7.06%"),
    ]


def test_a_purpose_with_a_colon_keeps_its_items_in_text() -> None:
    """主要用于： followed by items without shares is still a purpose: its amounts are its breakdown, kept in text."""
    text = "公务接待费支出1.20万元，主要用于：接待上级检查0.80万元、兄弟单位调研0.40万元。"
    narrative = parse_paragraphs([paragraph("七、财政拨款“三公”经费支出决算情况说明"), paragraph(text)])
    assert [(s.subject.key, str(s.figure)) for s in narrative.statements if isinstance(s, Amount)] == [
        ("three_public.reception", "1.20万元")]
    assert narrative.unread == ()


@pytest.mark.parametrize("budget", ["年度预算", "全年预算"])
def test_a_completion_of_the_year_s_budget(budget: str) -> None:
    """完成年度预算的 p% is a completion of the 三公's budget, as 完成全年预算的 is (before, 年度 left it not understood)."""
    text = f"2024年度“三公”经费财政拨款支出决算5.40万元，完成{budget}的90.00%，比上年减少0.60万元，下降10.00%。"
    narrative = parse_paragraphs([paragraph("七、财政拨款“三公”经费支出决算情况说明"), paragraph(text)])
    assert [(type(s).__name__, str(s.figure)) for s in narrative.statements if isinstance(s, Completion | Change)] == [
        ("Completion", "90.00%"), ("Change", "0.60万元"), ("Change", "10.00%")]
    assert narrative.unread == ()


def test_a_reason_ends_before_a_change_by_an_amount() -> None:
    """…主要原因是…，较上年减少 A 万元，下降 p%: the change is the subject's, not the reason's (before, kept in its
    text); a reason's own comparison without an amount stays in it."""
    text = ("2024年度“三公”经费财政拨款支出决算为5.40万元，完成年度预算的90.00%，决算数小于年度预算数的主要原因是"
            "严格控制公务用车运行维护费支出，较上年减少0.60万元，下降10.00%。")
    narrative = parse_paragraphs([paragraph("七、财政拨款“三公”经费支出决算情况说明"), paragraph(text)])
    assert [(s.subject.key, str(s.figure)) for s in narrative.statements if isinstance(s, Change)] == [
        ("three_public", "0.60万元"), ("three_public", "10.00%")]
    kept = "2024年度机关运行经费支出68.00万元，比上年增加4.00万元，增长6.25%，主要原因是办公用房维修，较上年有所增加。"
    reasons = [s for s in parse_text(kept, section="十", headings=("十、机关运行经费支出情况说明",)) if isinstance(s, Reason)]
    assert [r.text for r in reasons] == ["办公用房维修，较上年有所增加"]


def test_numbers_of_the_reports_are_exact() -> None:
    """The arithmetic the reports rest on (Decimal, rounded half up at the printed places)."""
    def pct(part: str, whole: str) -> Decimal:
        return (Decimal(part) / Decimal(whole) * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    # Hebei: 收、支总计 3860 against 3620; 五（三） 3400 of 3458; 三公 44.80 of 52.00, against 48.00
    assert [pct("240", "3620"), pct("3400", "3458"), pct("44.80", "52"), pct("3.20", "48")] == [
        Decimal("6.63"), Decimal("98.32"), Decimal("86.15"), Decimal("6.67")]
    # Shanxi: 收入总计 5800 against 5410; 四 5240 against 5020; 五（三） 5020 of 5027; 三公 53.00 against 56.80
    assert [pct("390", "5410"), pct("220", "5020"), pct("5020", "5027"), pct("3.80", "56.80")] == [
        Decimal("7.21"), Decimal("4.38"), Decimal("99.86"), Decimal("6.69")]


(imported, test_every_number_is_accounted_for, test_a_consistent_report_checks_clean,
 test_a_wrong_figure_is_found_and_only_it) = province_tests(NAMES, COVERAGE, NOTES, MISTAKES)
