"""The 2024 部门决算 of Qinghai and Hainan: the national template's sections, in each province's wording.

tests/data/regions/qinghai-2024.txt and hainan-2024.txt (a provincial department's) and qinghai-2024-county.txt and
hainan-2024-county.txt (a county's) mirror the layout and wording of published reports of the two provinces, written in
our own words with fictional units and numbers: every total is the sum of its parts exactly, every share, change and
completion rate was computed with Decimal and rounded half up at its printed places. So ``check`` finds nothing on
them above a note on the built-in classification; each is then made inconsistent in one figure at a time, and the
checker must find exactly that figure.

Qinghai prints the central template's sentences (收、支总计各增加, 二 and 三 with their change before 其中, 农林水（类）支出 A
万元 in 五（二）, each 项 in a sentence of its own after （项）。), a 十、一般性支出情况说明 (会议费 … 用于召开会议 N 个，人数 N 人),
授予小微企业合同金额 … 占授予中小企业合同金额的 p%, 副部（省）级及以上领导用车, and one project's 绩效自评综述 (全年预算数为 A
万元，执行数为 B 万元，完成预算的 p%); its county prints 收入总计 A 万元，其中：本年收入 B 万元，年初结转和结余 C 万元, …与上年相比
均增加 D 万元 after 四's two totals, each 三公 item's change after it and 全年共接待国内公务 N 批次 N 人次. Hainan (and its
counties) print 收入、支出总计各增加, 主要原因： with a colon, （一）收入总计主要构成 / （二）支出总计主要构成 with each balance's
change against 2023年度决算数, 四 as 财政拨款收入 A 万元，支出 B 万元 with the change of each in a sentence of its own
(…财政拨款收入增加 D 万元，增长 p%，主要原因：…。支出增加 E 万元，增长 q%), 十、预算绩效情况说明 before 十一、其他重要事项情况说明
(机关运行经费, 政府采购, 国有资产 in its subsections), 单价50万元以上通用设备 beside 100 万元 ones; its county prints its
shares to one decimal (占98.3%).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from budgetkit.io.grammar import Amount, Change, Count, parse_paragraphs
from budgetkit.io.pdf import Imported
from region_reports import found_after, paragraph, province_tests

NAMES = ("qinghai-2024", "hainan-2024", "qinghai-2024-county", "hainan-2024-county")


# -- the whole reports ----------------------------------------------------------------------------------------------

#: (numbers seen, imported, kept in text, read but not held, not understood), as `import --report` prints them.
COVERAGE = {
    # not held: 会议费 and 培训费 with the meetings', trainings' and persons' counts, 节庆…开支费用, the 货物/服务采购授予
    # 中小企业 shares (of no whole the account holds), 共涉及项目 6 个, the project's 自评得分 (unchanged by this module)
    "qinghai-2024": (176, 147, 18, 11, 0),
    # not held: 对 3 个, 资金 150.00 万元 (before: the same counts, but 四's 均增加 was 支出总计's alone, and 全年共接待国内公务
    # 8 批次 56 人次 every 接待's, not 国内's)
    "qinghai-2024-county": (114, 104, 8, 2, 0),
    # not held: 项目 8 个, the 部门评价's 涉及一般公共预算支出, the project's 自评得分, 单价50万元以上通用设备 (before:
    # (166, 142, 17, 4, 3), 四's 支出 3,050.00 万元 and its change 150.00 万元, 5.17% not understood)
    "hainan-2024": (166, 145, 17, 4, 0),
    # not held: 项目 3 个 (before: (116, 103, 9, 1, 3), 四's 支出 600.00 万元 and its change not understood)
    "hainan-2024-county": (116, 106, 9, 1, 0),
}

#: The notes a consistent report gives: the built-in classification does not hold 林业和草原's or 农业农村's 项.
NOTES = {
    "qinghai-2024": ["classification.unknown_name", "classification.unknown_name", "classification.unknown_name"],
    "hainan-2024": ["classification.unknown_name", "classification.generic_name", "classification.unknown_name",
                    "classification.unknown_name"],
    "qinghai-2024-county": ["classification.unknown_name", "classification.generic_name",
                            "classification.unknown_name"],
    "hainan-2024-county": ["classification.unknown_name", "classification.generic_name",
                           "classification.unknown_name"],
}  # fmt: skip


def test_the_reports_hold_the_template_s_figures(imported: dict[str, Imported]) -> None:
    """Hainan's 四 holds 本年财政拨款支出 and its change, Qinghai's county's 四 its change by 均 as the 收、支总计's, and its
    国内 reception counts."""
    hainan = imported["hainan-2024"].account
    assert hainan.fiscal.expenditure is not None and str(hainan.fiscal.expenditure.current.amount) == "3050.00"  # type: ignore[union-attr]
    claims = {(c.kind.value, c.subject, str(c.stated)) for c in hainan.claims}
    assert {("change", "fiscal.expenditure", "150.00"), ("growth", "fiscal.expenditure", "5.17")} <= claims
    county = imported["qinghai-2024-county"].account
    claims = {(c.kind.value, c.subject, str(c.stated)) for c in county.claims}
    assert {("change", "fiscal.total", "36.00"), ("growth", "fiscal.total", "8.00")} <= claims
    assert (county.three_public.domestic_batches, county.three_public.domestic_persons) == (8, 56)


#: (region, printed, printed instead, the findings check must give: (code, stated, expected))
MISTAKES = [
    ("qinghai-2024", "收、支总计各增加150.00万元，增长5.77%", "收、支总计各增加150.00万元，增长5.87%", [("claim.growth", "5.87", "5.77")]),
    ("qinghai-2024", "比上年增加120.00万元，增长4.84%", "比上年增加120.00万元，增长4.48%", [("claim.growth", "4.48", "4.84")]),
    ("qinghai-2024", "事业收入120.00万元，占4.62%", "事业收入120.00万元，占4.26%", [("claim.share", "4.26", "4.62")]),
    ("qinghai-2024", "其他收入30.00万元", "其他收入35.00万元", [("identity.parts_over_total", "2600.00", "≥ 2605.00"), ("claim.share", "1.15", "1.35")]),
    ("qinghai-2024", "比上年增加130.00万元，增长5.16%", "比上年增加130.00万元，增长5.61%", [("claim.growth", "5.61", "5.16")]),
    ("qinghai-2024", "项目支出1,130.00万元，占42.64%", "项目支出1,130.00万元，占42.46%", [("claim.share", "42.46", "42.64")]),
    ("qinghai-2024", "财政拨款收、支总计各增加130.00万元，增长5.42%", "财政拨款收、支总计各增加130.00万元，增长5.24%", [("claim.growth", "5.24", "5.42")]),
    ("qinghai-2024", "占本年支出合计的93.58%", "占本年支出合计的93.85%", [("claim.share", "93.85", "93.58")]),
    ("qinghai-2024", "一般公共预算财政拨款支出增加130.00万元，增长5.53%", "一般公共预算财政拨款支出增加130.00万元，增长5.35%", [("claim.growth", "5.35", "5.53")]),
    ("qinghai-2024", "社会保障和就业（类）支出190.00万元", "社会保障和就业（类）支出195.00万元", [("identity.general_budget_classes", "2480.00", "2485.00"), ("identity.category_rollup", "195.00", "190.00"), ("claim.share", "7.66", "7.86")]),
    ("qinghai-2024", "占3.23%", "占3.32%", [("claim.share", "3.32", "3.23")]),
    ("qinghai-2024", "完成年初预算的104.42%", "完成年初预算的104.24%", [("claim.completion", "104.24", "104.42")]),
    ("qinghai-2024", "支出决算为850.00万元", "支出决算为860.00万元", [("identity.category_rollup", "2100.00", "2110.00"), ("claim.completion", "106.25", "107.50")]),
    ("qinghai-2024", "完成年初预算的104.76%", "完成年初预算的107.46%", [("claim.completion", "107.46", "104.76")]),
    ("qinghai-2024", "人员经费1,280.00万元", "人员经费1,290.00万元", [("identity.basic_split", "1450.00", "1460.00")]),
    ("qinghai-2024", "支出决算为24.60万元，完成预算的82.00%", "支出决算为24.60万元，完成预算的82.20%", [("claim.completion", "82.20", "82.00")]),
    ("qinghai-2024", "较上年减少1.40万元，下降5.38%", "较上年减少1.40万元，下降5.83%", [("claim.growth", "-5.83", "-5.38")]),
    ("qinghai-2024", "完成预算的76.67%", "完成预算的67.67%", [("claim.completion", "67.67", "76.67")]),
    ("qinghai-2024", "占81.30%", "占80.30%", [("claim.share", "80.30", "81.30")]),
    ("qinghai-2024", "公务用车运行维护费20.00万元，主要用于", "公务用车运行维护费21.00万元，主要用于", [("identity.three_public_vehicle", "20.00", "21.00")]),
    ("qinghai-2024", "国内公务接待支出4.60万元", "国内公务接待支出4.80万元", [("identity.three_public_reception", "4.60", "4.80")]),
    ("qinghai-2024", "比上年决算数减少8.00万元，下降4.49%", "比上年决算数减少8.00万元，下降4.94%", [("claim.growth", "-4.94", "-4.49")]),
    ("qinghai-2024", "政府采购服务支出170.00万元", "政府采购服务支出180.00万元", [("identity.procurement", "380.00", "390.00")]),
    ("qinghai-2024", "占授予中小企业合同金额的62.50%", "占授予中小企业合同金额的50.00%", [("claim.share", "50.00", "62.50")]),
    ("qinghai-2024", "特种专业技术用车3辆", "特种专业技术用车2辆", [("identity.vehicles_by_use", "4", "3")]),
    ("qinghai-2024", "执行数为598.00万元", "执行数为599.00万元", [("claim.completion", "96.45", "96.61")]),
    ("qinghai-2024", "完成预算的96.45%", "完成预算的96.54%", [("claim.completion", "96.54", "96.45")]),
    ("qinghai-2024", "占一般公共预算项目支出总额的100.00%", "占一般公共预算项目支出总额的95.00%", [("claim.share", "95.00", "100.00")]),
    ("qinghai-2024-county", "收支总计均增加36.00万元，增长8.00%", "收支总计均增加36.00万元，增长8.08%", [("claim.growth", "8.08", "8.00")]),
    ("qinghai-2024-county", "年初结转和结余16.00万元", "年初结转和结余18.00万元", [("identity.parts_over_total", "486.00", "≥ 488.00")]),
    ("qinghai-2024-county", "较上年增加25.00万元，增长5.62%", "较上年增加25.00万元，增长5.26%", [("claim.growth", "5.26", "5.62")]),
    ("qinghai-2024-county", "基本支出330.00万元，占68.75%", "基本支出330.00万元，占68.57%", [("claim.share", "68.57", "68.75")]),
    ("qinghai-2024-county", "与上年相比均增加36.00万元，增长8.00%", "与上年相比均增加36.00万元，增长8.80%", [("claim.growth", "8.80", "8.00")]),
    ("qinghai-2024-county", "财政拨款收入总计486.00万元", "财政拨款收入总计496.00万元", [("identity.balance", "486.00", "496.00"), ("claim.growth", "8.00", "7.83")]),
    ("qinghai-2024-county", "与上年相比增加40.00万元，增长9.09%", "与上年相比增加40.00万元，增长9.90%", [("claim.growth", "9.90", "9.09")]),
    ("qinghai-2024-county", "完成年初预算的104.35%", "完成年初预算的103.45%", [("claim.completion", "103.45", "104.35")]),
    ("qinghai-2024-county", "公用经费30.00万元", "公用经费32.00万元", [("identity.basic_split", "330.00", "332.00")]),
    ("qinghai-2024-county", "支出决算2.80万元，完成预算的80.00%", "支出决算2.80万元，完成预算的82.00%", [("claim.completion", "82.00", "80.00")]),
    ("qinghai-2024-county", "比上年减少0.30万元，下降13.04%", "比上年减少0.30万元，下降13.40%", [("claim.growth", "-13.40", "-13.04")]),
    ("qinghai-2024-county", "比上年减少0.10万元，下降11.11%", "比上年减少0.10万元，下降10.11%", [("claim.growth", "-10.11", "-11.11")]),
    ("qinghai-2024-county", "较上年减少2.00万元，下降6.25%", "较上年减少2.00万元，下降6.52%", [("claim.growth", "-6.52", "-6.25")]),
    ("qinghai-2024-county", "共有车辆1辆", "共有车辆2辆", [("identity.vehicles_by_use", "2", "1")]),
    ("hainan-2024", "收入、支出总计各增加160.00万元，增长5.00%", "收入、支出总计各增加160.00万元，增长5.50%", [("claim.growth", "5.50", "5.00")]),
    ("hainan-2024", "本年收入3,210.00万元。", "本年收入3,220.00万元。", [("identity.income_total", "3360.00", "3370.00"), ("claim.amount", "3210.00", "3220.00"), ("claim.share", "92.83", "92.55"), ("claim.share", "6.23", "6.21")]),
    ("hainan-2024", "年末结转和结余120.00万元", "年末结转和结余130.00万元", [("identity.expenditure_total", "3360.00", "3370.00")]),
    ("hainan-2024", "财政拨款收入2,980.00万元，占92.83%", "财政拨款收入2,980.00万元，占92.38%", [("claim.share", "92.38", "92.83")]),
    ("hainan-2024", "基本支出1,900.00万元", "基本支出1,910.00万元", [("identity.parts_over_total", "3240.00", "≥ 3250.00"), ("claim.share", "58.64", "58.95")]),
    ("hainan-2024", "财政拨款收入增加120.00万元，增长4.20%", "财政拨款收入增加120.00万元，增长4.02%", [("claim.growth", "4.02", "4.20")]),
    ("hainan-2024", "支出增加150.00万元，增长5.17%，主要原因：新增", "支出增加150.00万元，增长5.71%，主要原因：新增", [("claim.growth", "5.71", "5.17")]),
    ("hainan-2024", "支出3,050.00万元。与", "支出3,060.00万元。与", [("claim.growth", "5.17", "5.15")]),
    ("hainan-2024", "占本年支出合计的94.14%", "占本年支出合计的94.41%", [("claim.share", "94.41", "94.14")]),
    ("hainan-2024", "社会保障和就业支出230.00万元，占7.54%", "社会保障和就业支出230.00万元，占7.45%", [("claim.share", "7.45", "7.54")]),
    ("hainan-2024", "完成年初预算的104.81%", "完成年初预算的104.18%", [("claim.completion", "104.18", "104.81")]),
    ("hainan-2024", "支出决算为880.00万元", "支出决算为890.00万元", [("identity.category_rollup", "2600.00", "2610.00"), ("claim.completion", "110.00", "111.25")]),
    ("hainan-2024", "完成年初预算的90.91%", "完成年初预算的90.19%", [("claim.completion", "90.19", "90.91")]),
    ("hainan-2024", "公用经费200.00万元", "公用经费210.00万元", [("identity.basic_split", "1800.00", "1810.00")]),
    ("hainan-2024", "较上年决算减少1.50万元，下降5.00%", "较上年决算减少1.50万元，下降5.50%", [("claim.growth", "-5.50", "-5.00")]),
    ("hainan-2024", "占21.05%", "占21.50%", [("claim.share", "21.50", "21.05")]),
    ("hainan-2024", "公务用车运行维护费22.50万元", "公务用车运行维护费23.50万元", [("identity.three_public_vehicle", "22.50", "23.50")]),
    ("hainan-2024", "国内公务接待支出6.00万元", "国内公务接待支出6.50万元", [("identity.three_public_reception", "6.00", "6.50")]),
    ("hainan-2024", "政府采购工程支出80.00万元", "政府采购工程支出90.00万元", [("identity.procurement", "560.00", "570.00")]),
    ("hainan-2024", "占政府采购支出总额的50.00%", "占政府采购支出总额的55.00%", [("claim.share", "55.00", "50.00")]),
    ("hainan-2024", "其他用车1辆", "其他用车2辆", [("identity.vehicles_by_use", "5", "6")]),
    ("hainan-2024", "完成预算的96.43%", "完成预算的96.34%", [("claim.completion", "96.34", "96.43")]),
    ("hainan-2024-county", "年末结转和结余10.00万元", "年末结转和结余12.00万元", [("identity.expenditure_total", "620.00", "622.00")]),
    ("hainan-2024-county", "其他收入10.00万元，占1.7%", "其他收入10.00万元，占1.6%", [("rounding.truncated", "1.6", "1.7")]),
    ("hainan-2024-county", "项目支出210.00万元，占34.4%", "项目支出210.00万元，占34.6%", [("claim.share", "34.6", "34.4")]),
    ("hainan-2024-county", "支出减少12.00万元，下降1.96%，主要原因：农业", "支出减少12.00万元，下降1.69%，主要原因：农业", [("claim.growth", "-1.69", "-1.96")]),
    ("hainan-2024-county", "占本年支出合计的98.4%", "占本年支出合计的98.6%", [("claim.share", "98.6", "98.4")]),
    ("hainan-2024-county", "住房保障支出（类）35.00万元", "住房保障支出（类）36.00万元", [("identity.general_budget_classes", "600.00", "601.00"), ("identity.category_rollup", "36.00", "35.00"), ("claim.share", "5.8", "6.0")]),
    ("hainan-2024-county", "完成年初预算的140.00%", "完成年初预算的104.00%", [("claim.completion", "104.00", "140.00")]),
    ("hainan-2024-county", "人员经费360.00万元", "人员经费365.00万元", [("identity.basic_split", "395.00", "400.00")]),
    ("hainan-2024-county", "较上年减少0.20万元，下降14.29%", "较上年减少0.20万元，下降12.29%", [("claim.growth", "-12.29", "-14.29")]),
    ("hainan-2024-county", "支出决算为1.80万元，完成预算的90.00%，较上年减少0.20万元，下降10.00%", "支出决算为1.80万元，完成预算的90.00%，较上年减少0.20万元，下降11.00%", [("claim.growth", "-11.00", "-10.00")]),
]  # fmt: skip

# Before the fixes of this module 3 of these 74 slips went unfound: hainan-2024's 四 支出 and its growth (2) and
# hainan-2024-county's 四 支出's growth (1), all not understood; and qinghai-2024-county's 财政拨款收入总计 was found only
# as unequal to the 支出总计, its change by 均 being the 支出总计's alone. Its 公务用车购置及运行维护费's change was the
# 运行维护费's (the same figure there, with no 购置费: see the test of a closed parenthesis below).


def test_each_report_has_its_slips() -> None:
    """At least ten one-figure slips of each provincial report are found, and some of each county's."""
    for name in ("qinghai-2024", "hainan-2024"):
        assert sum(m[0] == name for m in MISTAKES) >= 10
    for name in ("qinghai-2024-county", "hainan-2024-county"):
        assert sum(m[0] == name for m in MISTAKES) >= 5


@pytest.mark.parametrize(("name", "printed", "instead"), [
    # 45.00/480.00 is 9.375% exactly and 20.00/640.00 3.125%: within the printed figures' rounding either neighbour is
    # reachable, so neither is a slip (§2 of the domain: intervals, not a fixed tolerance)
    ("qinghai-2024-county", "占9.38%", "占9.37%"),
    ("hainan-2024-county", "收入、支出总计各减少20.00万元，下降3.13%", "收入、支出总计各减少20.00万元，下降3.12%"),
    # no budget of 公务用车购置及运行维护费 is printed (only its completion): the rate is listed as not checked
    ("hainan-2024-county", "完成预算的85.71%", "完成预算的87.51%"),
    # 会议费 with its count of meetings: read, no field of the account holds it
    ("qinghai-2024", "用于召开会议4个", "用于召开会议5个"),
])  # fmt: skip
def test_slips_in_figures_the_account_does_not_hold_go_unfound(tmp_path: Path, name: str, printed: str, instead: str) -> None:
    """Not findings: a rate half-way between two printed places, a completion of no printed budget, a figure the
    account does not hold. Said here, not hidden."""
    assert found_after(tmp_path, name, printed, instead) == []


# -- the wording ----------------------------------------------------------------------------------------------------


def _read(heading: str, *texts: str):  # type: ignore[no-untyped-def]
    return parse_paragraphs([paragraph(heading), *(paragraph(text) for text in texts)])


def test_four_s_bare_expenditure_after_its_fiscal_income() -> None:
    """财政拨款收入 A 万元，支出 B 万元。与2023年度相比，财政拨款收入增加 …。支出增加 D 万元，增长 p% (Hainan): the bare 支出
    right after 财政拨款收入 is 本年财政拨款支出, in its sentence or opening the next (before: not understood)."""
    narrative = _read("四、财政拨款收入支出决算总体情况说明",
                      "2024年度财政拨款收入590.00万元，支出600.00万元。与2023年度相比，财政拨款收入减少15.00万元，下降2.48%，"
                      "主要原因：项目经费减少。支出减少12.00万元，下降1.96%，主要原因：项目经费减少。")  # fmt: skip
    figures = [(type(s).__name__, s.subject.key, str(s.figure)) for s in narrative.statements if isinstance(s, Amount | Change)]
    assert figures == [("Amount", "income.fiscal", "590.00万元"), ("Amount", "fiscal.year_expenditure", "600.00万元"),
                       ("Change", "income.fiscal", "15.00万元"), ("Change", "income.fiscal", "2.48%"),
                       ("Change", "fiscal.year_expenditure", "12.00万元"), ("Change", "fiscal.year_expenditure", "1.96%")]  # fmt: skip
    assert narrative.unread == ()


def test_a_bare_expenditure_after_anything_else_stays_no_subject() -> None:
    """A bare 支出 in 四 after anything but 财政拨款收入 (or outside 四) names no subject: its figure stays not understood."""
    narrative = _read("四、财政拨款收入支出决算总体情况说明", "2024年度财政拨款收入总计590.00万元。其中，支出600.00万元。")
    assert "fiscal.year_expenditure" not in {s.subject.key for s in narrative.statements if isinstance(s, Amount)}
    other = _read("二、收入决算情况说明", "本年收入600.00万元，其中：财政拨款收入590.00万元。支出增加12.00万元。")
    assert "fiscal.year_expenditure" not in {s.subject.key for s in other.statements if isinstance(s, Change)}


@pytest.mark.parametrize(("heading", "text", "key"), [
    ("四、财政拨款收入支出决算总体情况说明", "2024年度财政拨款收入总计486.00万元，支出总计486.00万元，与上年相比均增加36.00万元，增长8.00%。",
     "fiscal.total"),
    ("一、收入支出决算总体情况说明", "2024年度收入总计486.00万元，支出总计486.00万元，与上年相比均增加36.00万元，增长8.00%。", "total"),
])  # fmt: skip
def test_a_change_by_jun_after_two_totals_is_of_both(heading: str, text: str, key: str) -> None:
    """…支出总计 A 万元，与上年相比均增加 D 万元 (Qinghai's county): 均 is of both totals, as 各 is (before: 支出总计's
    alone, in 四 表四's 支出总计)."""
    narrative = _read(heading, text)
    assert {s.subject.key for s in narrative.statements if isinstance(s, Change)} == {key}


def test_domestic_reception_counted_after_jiedai_guonei() -> None:
    """…，全年共接待国内公务 8 批次 56 人次 (Qinghai's county) counts the 国内 receptions (before: every 接待's)."""
    narrative = _read("九、财政拨款“三公”经费支出决算情况说明",
                      "公务接待费0.80万元，比上年减少0.10万元，下降11.11%，全年共接待国内公务8批次56人次。")  # fmt: skip
    counts = [(s.subject.key, str(s.figure)) for s in narrative.statements if isinstance(s, Count)]
    assert counts == [("three_public.reception.domestic", "8批次"), ("three_public.reception.domestic", "56人次")]


def test_a_change_after_a_closed_parenthesis_is_of_the_subject_before_it(tmp_path: Path) -> None:
    """公务用车购置及运行维护费 2.00 万元（其中：公务用车购置费 0.50 万元，公务用车运行维护费 1.50 万元），比上年减少 0.30 万元
    (Qinghai's county): the change is the 购置及运行维护费's, as a share after the parenthesis is (before: the 运行维护费's,
    so a consistent report with a 购置费 was flagged, claim.growth -13.04 against -16.67)."""
    narrative = _read("九、财政拨款“三公”经费支出决算情况说明",
                      "公务用车购置及运行维护费2.00万元（其中：公务用车购置费0.50万元，公务用车运行维护费1.50万元），比上年减少0.30万元，"
                      "下降13.04%。")  # fmt: skip
    assert {s.subject.key for s in narrative.statements if isinstance(s, Change)} == {"three_public.vehicle"}
    printed = "公务用车购置费0.00万元，公务用车运行维护费2.00万元"
    assert found_after(tmp_path, "qinghai-2024-county", printed, "公务用车购置费0.50万元，公务用车运行维护费1.50万元") == []


def test_numbers_of_the_reports_are_exact() -> None:
    """The arithmetic the reports rest on (Decimal, rounded half up at the printed places)."""
    def pct(part: str, whole: str, places: str = "0.01") -> Decimal:
        return (Decimal(part) / Decimal(whole) * 100).quantize(Decimal(places), rounding=ROUND_HALF_UP)

    # Qinghai: 收入 2450 + 120 + 30 = 2600 (+ 150 年初 = 2750 = 2650 + 100 年末); 五（三） 2480 of 2375; 三公 24.60 of 30
    assert Decimal("2450") + Decimal("120") + Decimal("30") + Decimal("150") == Decimal("1520") + Decimal("1130") + Decimal("100")
    assert [pct("150", "2600"), pct("2480", "2375"), pct("24.60", "30"), pct("190", "304")] == [
        Decimal("5.77"), Decimal("104.42"), Decimal("82.00"), Decimal("62.50")]
    # Hainan: 3210 + 150 = 3240 + 120; 四's 支出 3050 against 2900; 三公 22.50 of 28.50; its county's shares to one place
    assert Decimal("3210") + Decimal("150") == Decimal("3240") + Decimal("120")
    assert [pct("150", "2900"), pct("22.50", "28.50"), pct("590", "600", "0.1"), pct("25", "600", "0.1")] == [
        Decimal("5.17"), Decimal("78.95"), Decimal("98.3"), Decimal("4.2")]


(imported, test_every_number_is_accounted_for, test_a_consistent_report_checks_clean,
 test_a_wrong_figure_is_found_and_only_it) = province_tests(NAMES, COVERAGE, NOTES, MISTAKES)
