"""The 2024 部门决算 of Shaanxi and Gansu: the national template's sections, in each province's wording.

tests/data/regions/shaanxi-2024.txt and gansu-2024.txt (a provincial department's) and shaanxi-2024-county.txt and
gansu-2024-county.txt (a county's) mirror the layout and wording of published reports of the two provinces, written in
our own words with fictional units and numbers: every total is the sum of its parts exactly, every share, change and
completion rate was computed with Decimal and rounded half up at its printed places. So ``check`` finds nothing on
them above a note on the built-in classification; each is then made inconsistent in one figure at a time, and the
checker must find exactly that figure.

Shaanxi prints 收、支总计均为 A, its shares 占本年收入的 p% (占收入合计的 in a county), one section 九、财政拨款“三公”经费、
会议费、培训费支出决算情况说明 with a subsection for each, the 政府采购 of each kind 授予中小企业 (货物采购授予中小企业合同金额
占货物支出金额的 p%), and its grades counted before them (12个项目自评等级均为“优”); its county lists 五（二）'s 类 after
主要用于 without shares (主要用于农林水支出 740.00 万元、…) and each 项's 决算 without 支出. Gansu prints 主要变动原因是,
a 项's reason as 决算数与年初预算数的差异主要原因是, each 三公 item against its budget (…支出预算为 A，支出决算为 B，完成
预算的 p%), 国内公务接待 N 批次，N 人次 after the purpose of the 接待; its county 本单位收入为 / 本单位支出为, each 三公
item's change after it, and 四's change by 各 after the two totals (…支出总计 A 万元，与2023年度相比，各减少 D 万元).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from budgetkit.io.grammar import Amount, Change, Count, Reason, parse_paragraphs
from budgetkit.io.pdf import Imported
from region_reports import found_after, paragraph, province_tests

NAMES = ("shaanxi-2024", "gansu-2024", "shaanxi-2024-county", "gansu-2024-county")


# -- the whole reports ----------------------------------------------------------------------------------------------

#: (numbers seen, imported, kept in text, read but not held, not understood), as `import --report` prints them.
COVERAGE = {
    # not held: 会议费 and 培训费 with their changes (no field of the account), the three 货物/工程/服务采购授予中小企业
    # shares (of no whole the account holds), 共涉及项目 12 个, the 部门整体支出's 自评得分; kept in text: the grades
    # counted before them (before: (167, 134, 21, 11, 1), 12个项目自评等级均为“优” not understood)
    "shaanxi-2024": (167, 134, 22, 11, 0),
    # not held: 一级项目 2 个, 二级项目 7 个, the 部门评价's 涉及一般公共预算支出 (before: (158, 134, 18, 4, 2), 国内公务接待
    # 35 批次，280 人次 after a purpose not understood); 四's 支出总计 is fiscal.expenditure_total
    "gansu-2024": (158, 137, 18, 3, 0),
    # not held: 会议费 and 培训费 with their changes, 对 6 个, 资金 350.00 万元, the projects of two bands of scores, 自评得分
    # 96 分; the bands' bounds in text (before: (120, 92, 14, 9, 5), 五（二）'s four 类 kept in text as a purpose's
    # breakdown, 自评得分90分（含）以上的项目5个，…80分（含）至90分的项目1个 not understood)
    "shaanxi-2024-county": (120, 96, 13, 11, 0),
    # not held: 对 4 个, 资金 230.00 万元; 得分均在 90 分以上 in text (before: (110, 90, 15, 5, 0), 四's change by 各 the
    # 支出总计's, not held; 公务接待费 and its change kept in the reason on 公务用车); 四's 支出总计 is fiscal.expenditure_total
    "gansu-2024-county": (110, 98, 10, 2, 0),
}

#: The notes a consistent report gives: the built-in classification does not hold 农业农村's or 水利's 项.
NOTES = {
    "shaanxi-2024": ["classification.unknown_name", "classification.generic_name", "classification.unknown_name",
                     "classification.unknown_name"],
    "gansu-2024": ["classification.unknown_name", "classification.generic_name", "classification.unknown_name",
                   "classification.unknown_name"],
    "shaanxi-2024-county": ["classification.unknown_name", "classification.generic_name",
                            "classification.unknown_name", "classification.unknown_name"],
    "gansu-2024-county": ["classification.unknown_name", "classification.generic_name", "classification.unknown_name"],
}  # fmt: skip


def test_the_reports_hold_the_template_s_figures(imported: dict[str, Imported]) -> None:
    """五（二）'s 类 listed after 主要用于, Gansu's 国内公务接待 counts after a purpose and its county's 四 and 三公 changes are
    read into the account."""
    county = imported["shaanxi-2024-county"].account
    assert [(c.name, str(c.actual.amount)) for c in county.general_budget.categories] == [  # type: ignore[union-attr]
        ("农林水支出", "740.00"), ("社会保障和就业支出", "80.00"), ("卫生健康支出", "36.00"), ("住房保障支出", "64.00")]
    gansu = imported["gansu-2024"].account
    assert (gansu.three_public.domestic_batches, gansu.three_public.domestic_persons) == (35, 280)
    claims = {(c.kind.value, c.subject, str(c.stated)) for c in imported["gansu-2024-county"].account.claims}
    assert {("growth", "fiscal.total", "-2.50"), ("change", "fiscal.total", "-20.00"),
            ("growth", "three_public.reception", "-16.67"), ("change", "three_public.reception", "-0.30")} <= claims  # fmt: skip


#: (region, printed, printed instead, the findings check must give: (code, stated, expected))
MISTAKES = [
    # 项目支出 not printed: the share is of 五's total less 六's 基本支出
    ("shaanxi-2024", "占一般公共预算项目支出总额的100.00%", "占一般公共预算项目支出总额的98.00%", [("claim.share", "98.00", "100.00")]),
    ("gansu-2024", "占一般公共预算项目支出总额的100.00%", "占一般公共预算项目支出总额的90.00%", [("claim.share", "90.00", "100.00")]),
    ("shaanxi-2024", "收、支总计各增加200.00万元，增长6.56%", "收、支总计各增加200.00万元，增长6.65%", [("claim.growth", "6.65", "6.56")]),
    ("shaanxi-2024", "较上年增加150.00万元，增长5.17%", "较上年增加150.00万元，增长5.71%", [("claim.growth", "5.71", "5.17")]),
    ("shaanxi-2024", "占本年收入的93.77%", "占本年收入的93.87%", [("claim.share", "93.87", "93.77")]),
    ("shaanxi-2024", "其他收入40.00万元", "其他收入45.00万元",
      [("identity.parts_over_total", "3050.00", "≥ 3055.00"), ("claim.share", "1.31", "1.48")]),
    ("shaanxi-2024", "较上年增加130.00万元，增长4.41%", "较上年增加130.00万元，增长4.14%", [("claim.growth", "4.14", "4.41")]),
    ("shaanxi-2024", "占本年支出的61.69%", "占本年支出的61.96%", [("claim.share", "61.96", "61.69")]),
    ("shaanxi-2024", "项目支出1,180.00万元", "项目支出1,190.00万元",
      [("identity.parts_over_total", "3080.00", "≥ 3090.00"), ("claim.share", "38.31", "38.64")]),
    ("shaanxi-2024", "财政拨款收、支总计各增加180.00万元，增长6.43%", "财政拨款收、支总计各增加180.00万元，增长6.34%",
      [("claim.growth", "6.34", "6.43")]),
    ("shaanxi-2024", "占本年支出合计的90.91%", "占本年支出合计的90.19%", [("claim.share", "90.19", "90.91")]),
    ("shaanxi-2024", "一般公共预算财政拨款支出增加150.00万元，增长5.66%", "一般公共预算财政拨款支出增加150.00万元，增长5.86%",
      [("claim.growth", "5.86", "5.66")]),
    ("shaanxi-2024", "农林水支出（类）2,380.00万元，占85.00%", "农林水支出（类）2,380.00万元，占85.50%", [("claim.share", "85.50", "85.00")]),
    ("shaanxi-2024", "卫生健康支出（类）90.00万元", "卫生健康支出（类）95.00万元",
      [("identity.general_budget_classes", "2800.00", "2805.00"), ("identity.category_rollup", "95.00", "90.00"), ("claim.share", "3.21", "3.39")]),
    ("shaanxi-2024", "完成年初预算的100.79%", "完成年初预算的100.97%", [("claim.completion", "100.97", "100.79")]),
    ("shaanxi-2024", "完成年初预算的95.35%", "完成年初预算的95.53%", [("claim.completion", "95.53", "95.35")]),
    ("shaanxi-2024", "年初预算300.00万元，支出决算310.00万元", "年初预算300.00万元，支出决算320.00万元",
      [("identity.category_rollup", "2380.00", "2390.00"), ("claim.completion", "103.33", "106.67")]),
    ("shaanxi-2024", "完成年初预算的97.83%", "完成年初预算的98.73%", [("claim.completion", "98.73", "97.83")]),
    ("shaanxi-2024", "人员经费1,560.00万元", "人员经费1,570.00万元", [("identity.basic_split", "1820.00", "1830.00")]),
    ("shaanxi-2024", "年末结转和结余10.00万元", "年末结转和结余15.00万元", [("identity.fiscal_fund", "100.00", "105.00")]),
    ("shaanxi-2024", "完成预算的85.00%", "完成预算的85.50%", [("claim.completion", "85.50", "85.00")]),
    ("shaanxi-2024", "较上年减少2.40万元，下降7.27%", "较上年减少2.40万元，下降7.72%", [("claim.growth", "-7.72", "-7.27")]),
    ("shaanxi-2024", "占74.51%", "占75.41%", [("claim.share", "75.41", "74.51")]),
    ("shaanxi-2024", "公务用车运行维护费22.80万元", "公务用车运行维护费23.80万元", [("identity.three_public_vehicle", "22.80", "23.80")]),
    ("shaanxi-2024", "国内公务接待支出7.80万元", "国内公务接待支出7.90万元", [("identity.three_public_reception", "7.80", "7.90")]),
    ("shaanxi-2024", "较上年减少15.00万元，下降5.56%", "较上年减少15.00万元，下降5.65%", [("claim.growth", "-5.65", "-5.56")]),
    ("shaanxi-2024", "政府采购工程支出60.00万元", "政府采购工程支出70.00万元", [("identity.procurement", "420.00", "430.00")]),
    ("shaanxi-2024", "占政府采购支出总额的50.00%", "占政府采购支出总额的55.00%", [("claim.share", "55.00", "50.00")]),
    ("shaanxi-2024", "特种专业技术用车3辆", "特种专业技术用车4辆", [("identity.vehicles_by_use", "5", "6")]),
    ("shaanxi-2024", "12个项目自评等级均为", "13个项目自评等级均为", [("narrative.count_parts", "12", "13")]),
    ("shaanxi-2024", "本年收入80.00万元", "本年收入85.00万元", [("identity.fiscal_fund", "105.00", "100.00")]),
    ("gansu-2024", "收入总计和支出总计各减少80.00万元，下降3.72%", "收入总计和支出总计各减少80.00万元，下降3.27%", [("claim.growth", "-3.27", "-3.72")]),
    ("gansu-2024", "占本年收入合计的94.39%", "占本年收入合计的94.93%", [("claim.share", "94.93", "94.39")]),
    ("gansu-2024", "事业收入90.00万元", "事业收入95.00万元",
      [("identity.parts_over_total", "1960.00", "≥ 1965.00"), ("claim.share", "4.59", "4.85")]),
    ("gansu-2024", "占本年支出合计的64.65%", "占本年支出合计的64.56%", [("claim.share", "64.56", "64.65")]),
    ("gansu-2024", "基本支出1,280.00万元", "基本支出1,290.00万元",
      [("identity.parts_over_total", "1980.00", "≥ 1990.00"), ("claim.share", "64.65", "65.15")]),
    ("gansu-2024", "财政拨款收入总计和支出总计各减少90.00万元，下降4.50%", "财政拨款收入总计和支出总计各减少90.00万元，下降4.05%",
      [("claim.growth", "-4.05", "-4.50")]),
    ("gansu-2024", "占本年支出合计的85.35%", "占本年支出合计的85.53%", [("claim.share", "85.53", "85.35")]),
    ("gansu-2024", "减少240.00万元，下降12.44%", "减少240.00万元，下降12.34%", [("claim.growth", "-12.34", "-12.44")]),
    ("gansu-2024", "社会保障和就业支出120.00万元，占7.10%", "社会保障和就业支出120.00万元，占7.01%", [("claim.share", "7.01", "7.10")]),
    ("gansu-2024", "住房保障支出95.00万元", "住房保障支出96.00万元",
      [("identity.general_budget_classes", "1690.00", "1691.00"), ("identity.category_rollup", "96.00", "95.00"), ("claim.share", "5.62", "5.68")]),
    ("gansu-2024", "完成年初预算的102.18%", "完成年初预算的102.81%", [("claim.completion", "102.81", "102.18")]),
    ("gansu-2024", "年初预算为260.00万元，支出决算为240.00万元", "年初预算为260.00万元，支出决算为250.00万元",
      [("identity.category_rollup", "1415.00", "1425.00"), ("claim.completion", "92.31", "96.15")]),
    ("gansu-2024", "完成年初预算的110.00%", "完成年初预算的101.00%", [("claim.completion", "101.00", "110.00")]),
    ("gansu-2024", "完成年初预算的98.96%", "完成年初预算的99.96%", [("claim.completion", "99.96", "98.96")]),
    ("gansu-2024", "公用经费150.00万元", "公用经费160.00万元", [("identity.basic_split", "1230.00", "1240.00")]),
    ("gansu-2024", "支出预算为24.00万元，支出决算为19.20万元，完成预算的80.00%", "支出预算为24.00万元，支出决算为19.20万元，完成预算的82.00%",
      [("claim.completion", "82.00", "80.00")]),
    ("gansu-2024", "完成预算的83.33%", "完成预算的83.00%", [("claim.completion", "83.00", "83.33")]),
    ("gansu-2024", "完成预算的70.00%", "完成预算的75.00%", [("claim.completion", "75.00", "70.00")]),
    ("gansu-2024", "占78.13%", "占78.31%", [("claim.share", "78.31", "78.13")]),
    ("gansu-2024", "公务用车运行维护费15.00万元，主要用于", "公务用车运行维护费16.00万元，主要用于",
      [("identity.three_public_vehicle", "15.00", "16.00")]),
    ("gansu-2024", "国内公务接待支出4.20万元", "国内公务接待支出4.50万元", [("identity.three_public_reception", "4.20", "4.50")]),
    ("gansu-2024", "比2023年度减少10.00万元，下降6.25%", "比2023年度减少10.00万元，下降6.52%", [("claim.growth", "-6.52", "-6.25")]),
    ("gansu-2024", "政府采购服务支出100.00万元", "政府采购服务支出110.00万元", [("identity.parts_over_total", "320.00", "≥ 330.00")]),
    ("gansu-2024", "占政府采购支出总额的80.00%", "占政府采购支出总额的85.00%", [("claim.share", "85.00", "80.00")]),
    ("gansu-2024", "执法执勤用车2辆", "执法执勤用车3辆", [("identity.vehicles_by_use", "3", "4")]),
    ("gansu-2024", "公务用车保有量为3辆", "公务用车保有量为4辆", [("identity.vehicles_owned", "4", "3")]),
    ("gansu-2024", "占21.88%", "占22.88%", [("claim.share", "22.88", "21.88")]),
    ("shaanxi-2024-county", "较上年增加60.00万元，增长6.52%", "较上年增加60.00万元，增长6.25%", [("claim.growth", "6.25", "6.52")]),
    ("shaanxi-2024-county", "占收入合计的97.89%", "占收入合计的97.98%", [("claim.share", "97.98", "97.89")]),
    ("shaanxi-2024-county", "项目支出350.00万元", "项目支出360.00万元",
      [("identity.parts_over_total", "960.00", "≥ 970.00"), ("claim.share", "36.46", "37.50")]),
    ("shaanxi-2024-county", "较上年增加60.00万元，增长6.67%", "较上年增加60.00万元，增长6.76%", [("claim.growth", "6.76", "6.67")]),
    ("shaanxi-2024-county", "较上年增加40.00万元，增长4.55%", "较上年增加40.00万元，增长4.45%", [("claim.growth", "4.45", "4.55")]),
    ("shaanxi-2024-county", "卫生健康支出36.00万元", "卫生健康支出38.00万元",
      [("identity.general_budget_classes", "920.00", "922.00"), ("identity.category_rollup", "38.00", "36.00")]),
    ("shaanxi-2024-county", "社会保障和就业支出80.00万元、", "社会保障和就业支出85.00万元、",
      [("identity.general_budget_classes", "920.00", "925.00"), ("identity.category_rollup", "85.00", "80.00")]),
    ("shaanxi-2024-county", "完成年初预算的100.11%", "完成年初预算的101.11%", [("claim.completion", "101.11", "100.11")]),
    ("shaanxi-2024-county", "年初预算60.00万元，决算70.00万元", "年初预算60.00万元，决算75.00万元",
      [("identity.category_rollup", "740.00", "745.00"), ("claim.completion", "116.67", "125.00")]),
    ("shaanxi-2024-county", "完成年初预算的93.33%", "完成年初预算的93.53%", [("claim.completion", "93.53", "93.33")]),
    ("shaanxi-2024-county", "公务用车运行维护费4.80万元", "公务用车运行维护费5.80万元", [("identity.three_public_vehicle", "4.80", "5.80")]),
    ("shaanxi-2024-county", "较上年减少0.50万元，下降7.69%", "较上年减少0.50万元，下降7.96%", [("claim.growth", "-7.96", "-7.69")]),
    ("shaanxi-2024-county", "较上年减少2.80万元，下降3.85%", "较上年减少2.80万元，下降3.58%", [("claim.growth", "-3.58", "-3.85")]),
    ("shaanxi-2024-county", "占政府采购支出总额的62.50%", "占政府采购支出总额的60.50%", [("claim.share", "60.50", "62.50")]),
    ("shaanxi-2024-county", "执法执勤用车2辆", "执法执勤用车3辆", [("identity.vehicles_by_use", "3", "4")]),
    ("shaanxi-2024-county", "（含）以上的项目5个", "（含）以上的项目6个", [("narrative.count_parts", "6", "7")]),
    ("shaanxi-2024-county", "至90分的项目1个", "至90分的项目2个", [("narrative.count_parts", "6", "7")]),
    ("shaanxi-2024-county", "主要用于农林水支出740.00万元", "主要用于农林水支出750.00万元",
      [("identity.general_budget_classes", "920.00", "930.00"), ("identity.category_rollup", "750.00", "740.00")]),
    ("shaanxi-2024-county", "减少0.50万元，下降7.69%", "减少0.50万元，下降9.69%", [("claim.growth", "-9.69", "-7.69")]),
    ("gansu-2024-county", "各减少30.00万元，下降3.66%", "各减少30.00万元，下降3.36%", [("claim.growth", "-3.36", "-3.66")]),
    ("gansu-2024-county", "财政拨款收入760.00万元，占99.35%", "财政拨款收入760.00万元，占99.53%", [("claim.share", "99.53", "99.35")]),
    ("gansu-2024-county", "项目支出230.00万元，占29.87%", "项目支出230.00万元，占29.78%", [("claim.share", "29.78", "29.87")]),
    ("gansu-2024-county", "各减少20.00万元，下降2.50%", "各减少20.00万元，下降2.05%", [("claim.growth", "-2.05", "-2.50")]),
    ("gansu-2024-county", "减少95.00万元，下降12.03%", "减少95.00万元，下降12.30%", [("claim.growth", "-12.30", "-12.03")]),
    ("gansu-2024-county", "农林水支出580.00万元", "农林水支出590.00万元",
      [("identity.general_budget_classes", "695.00", "705.00"), ("identity.category_rollup", "590.00", "580.00"), ("claim.share", "83.45", "84.89")]),
    ("gansu-2024-county", "完成年初预算的100.14%", "完成年初预算的100.41%", [("claim.completion", "100.41", "100.14")]),
    ("gansu-2024-county", "年初预算180.00万元，支出决算170.00万元", "年初预算180.00万元，支出决算175.00万元",
      [("identity.category_rollup", "580.00", "585.00"), ("claim.completion", "94.44", "97.22")]),
    ("gansu-2024-county", "人员经费480.00万元", "人员经费490.00万元", [("identity.basic_split", "535.00", "545.00")]),
    ("gansu-2024-county", "减少0.90万元，下降15.00%", "减少0.90万元，下降15.50%", [("claim.growth", "-15.50", "-15.00")]),
    ("gansu-2024-county", "减少0.60万元，下降14.29%", "减少0.60万元，下降14.92%", [("claim.growth", "-14.92", "-14.29")]),
    ("gansu-2024-county", "减少5.00万元，下降8.33%", "减少5.00万元，下降8.38%", [("claim.growth", "-8.38", "-8.33")]),
    ("gansu-2024-county", "其他用车1辆", "其他用车2辆", [("identity.vehicles_by_use", "2", "3")]),
    ("gansu-2024-county", "各减少20.00万元，", "各减少25.00万元，", [("claim.growth", "-2.50", "-3.11")]),
    ("gansu-2024-county", "公务接待费1.50万元", "公务接待费1.60万元",
      [("identity.three_public_total", "5.10", "5.20"), ("claim.growth", "-16.67", "-15.79")]),
    ("gansu-2024-county", "减少0.30万元，下降16.67%", "减少0.30万元，下降18.67%", [("claim.growth", "-18.67", "-16.67")]),
    ("gansu-2024-county", "减少0.60万元，下降14.29%", "减少0.60万元，下降16.29%", [("claim.growth", "-16.29", "-14.29")]),
]  # fmt: skip

# Before the fixes of this module 8 of these 92 slips went unfound: shaanxi-2024-county's 五（二） 类 (3: kept in text as
# a purpose's breakdown), Shaanxi's grades counted before them (1: not understood), gansu-2024-county's 四 change by 各
# (2: 支出总计's, not held) and its 公务接待费 with its change (2: kept in the reason on 公务用车); and 防汛（项） 75.00 was
# found only as 一般公共预算's 类 sum, the 农林水 类 it rolls up to not being read.


def test_each_report_has_its_slips() -> None:
    """At least ten one-figure slips of each provincial report are found, and some of each county's."""
    for name in ("shaanxi-2024", "gansu-2024"):
        assert sum(m[0] == name for m in MISTAKES) >= 10
    for name in ("shaanxi-2024-county", "gansu-2024-county"):
        assert sum(m[0] == name for m in MISTAKES) >= 5


@pytest.mark.parametrize(("name", "printed", "instead"), [
    ("shaanxi-2024", "较上年减少2.00万元，下降14.29%", "较上年减少2.00万元，下降14.92%"),
    ("shaanxi-2024", "较上年增加5.00万元，增长12.50%", "较上年增加5.00万元，增长12.05%"),
])  # fmt: skip
def test_slips_in_figures_the_account_does_not_hold_go_unfound(tmp_path: Path, name: str, printed: str, instead: str) -> None:
    """Not checked, as the account holds no figure for them: a 会议费's or 培训费's change (read, not held). Said here,
    not hidden. (A share of 一般公共预算项目支出 where the report prints no 项目支出 of 五 was here too; since h34's
    merge it is checked against 五's total less 六's 基本支出, and is among MISTAKES.)"""
    assert found_after(tmp_path, name, printed, instead) == []


# -- the wording ----------------------------------------------------------------------------------------------------


def _read(heading: str, *texts: str):  # type: ignore[no-untyped-def]
    return parse_paragraphs([paragraph(heading), *(paragraph(text) for text in texts)])


def test_classes_listed_after_main_uses_without_shares() -> None:
    """主要用于农林水支出 740.00 万元、社会保障和就业支出 80.00 万元 in 五 lists the 类 (before: a purpose, the amounts kept in
    its text); 主要用于 items that are no 类 stay a purpose's breakdown."""
    narrative = _read("五、一般公共预算财政拨款支出决算情况说明",
                      "2024年度一般公共预算财政拨款支出920.00万元，主要用于农林水支出740.00万元、社会保障和就业支出180.00万元。",
                      "人员经费530.00万元，主要用于基本工资200.00万元、津贴补贴80.00万元。")  # fmt: skip
    amounts = [(s.subject.key, str(s.figure)) for s in narrative.statements if isinstance(s, Amount)]
    assert amounts == [("general_budget.expenditure", "920.00万元"), ("general_budget.class", "740.00万元"),
                       ("general_budget.class", "180.00万元"), ("personnel", "530.00万元")]  # fmt: skip
    assert narrative.unread == () and narrative.coverage.in_reasons == 2


def test_grades_counted_before_their_grade_are_kept_in_text() -> None:
    """12个项目自评等级均为“优” (and 10个项目评价等级为“优”，2个项目评价等级为“良”) count the grades before them: kept in text
    (narrative.count_parts adds them up), never figures not understood."""
    for text in ("共涉及项目12个。自评结果显示，12个项目自评等级均为“优”。",
                 "共涉及项目12个。自评结果显示，10个项目评价等级为“优”，2个项目评价等级为“良”。"):  # fmt: skip
        narrative = _read("十三、预算绩效管理情况说明", text)
        assert [(s.subject.key, str(s.figure)) for s in narrative.statements if isinstance(s, Count)] == [
            ("performance.self_evaluation", "12个")]
        assert narrative.unread == ()


def test_the_projects_of_a_band_of_scores() -> None:
    """自评得分90分（含）以上的项目5个 (and 80-90分的项目1个): the band's bounds are its name's, kept in text, and the count is
    the band's (before: 90分 read as a count of the projects evaluated, or not understood)."""
    narrative = _read("十三、预算绩效管理情况说明",
                      "对6个项目开展了绩效自评，其中：自评得分90分（含）以上的项目5个，自评得分80分（含）至90分的项目1个，60分以下的项目0个。",
                      "对6个项目开展了绩效自评，其中：自评得分90分以上的项目5个，80-90分的项目1个。")  # fmt: skip
    counts = [(s.subject.key, str(s.figure)) for s in narrative.statements if isinstance(s, Count)]
    assert counts == [("performance.self_evaluation", "6个"), ("performance.score_band", "5个"),
                      ("performance.score_band", "1个"), ("performance.score_band", "0个"),
                      ("performance.self_evaluation", "6个"), ("performance.score_band", "5个"),
                      ("performance.score_band", "1个")]  # fmt: skip
    assert narrative.unread == () and narrative.coverage.in_reasons == 7


def test_a_purpose_ends_before_the_domestic_reception_counts() -> None:
    """…主要用于接待…工作，国内公务接待 35 批次，280 人次 (Gansu): the counts after the purpose are 国内公务接待's."""
    narrative = _read("九、财政拨款“三公”经费支出决算情况说明",
                      "3.公务接待费支出4.20万元，其中：国内公务接待支出4.20万元，主要用于接待检查指导工作，国内公务接待35批次，280人次；"
                      "外事接待支出0.00万元。")  # fmt: skip
    counts = [(s.subject.key, str(s.figure)) for s in narrative.statements if isinstance(s, Count)]
    assert counts == [("three_public.reception.domestic", "35批次"), ("three_public.reception.domestic", "280人次")]
    assert narrative.unread == ()


def test_a_reason_ends_before_the_next_item_s_amount() -> None:
    """…主要原因是车辆老旧报废1辆；公务接待费1.50万元，减少0.30万元 (Gansu's county): the reason ends at ；, where the next
    item's amount follows its name (before, 公务接待费 and its change were the reason's words); a reason's own item
    (…；公用经费增加5.00万元) stays in it."""
    narrative = _read("九、财政拨款“三公”经费支出决算情况说明",
                      "公务用车购置及运行维护费3.60万元，减少0.60万元，下降14.29%，主要原因是车辆老旧报废1辆；公务接待费1.50万元，"
                      "减少0.30万元，下降16.67%。")  # fmt: skip
    assert [s.text for s in narrative.statements if isinstance(s, Reason)] == ["车辆老旧报废1辆"]
    assert [(s.subject.key, str(s.figure)) for s in narrative.statements if isinstance(s, Change)][-2:] == [
        ("three_public.reception", "0.30万元"), ("three_public.reception", "16.67%")]
    kept = _read("十、机关运行经费支出情况说明", "机关运行经费支出70.00万元，较上年增加8.00万元，增长12.90%，主要原因是办公用房维修；"
                 "公用经费增加5.00万元。")  # fmt: skip
    assert [s.text for s in kept.statements if isinstance(s, Reason)] == ["办公用房维修；公用经费增加5.00万元"]


@pytest.mark.parametrize(("heading", "text", "key"), [
    ("四、财政拨款收入支出决算总体情况说明", "财政拨款收入总计780.00万元，支出总计780.00万元，与2023年度相比，各减少20.00万元，下降2.50%。",
     "fiscal.total"),
    ("一、收入支出决算总体情况说明", "收入总计790.00万元，支出总计790.00万元，与2023年度相比，各减少30.00万元，下降3.66%。", "total"),
])  # fmt: skip
def test_a_change_by_each_after_two_totals_is_of_both(heading: str, text: str, key: str) -> None:
    """…支出总计 A 万元，与2023年度相比，各减少 D 万元: 各 is of both totals (before: 支出总计's alone, in 四 表四's, not held)."""
    narrative = _read(heading, text)
    assert {s.subject.key for s in narrative.statements if isinstance(s, Change)} == {key}


def test_numbers_of_the_reports_are_exact() -> None:
    """The arithmetic the reports rest on (Decimal, rounded half up at the printed places)."""
    def pct(part: str, whole: str) -> Decimal:
        return (Decimal(part) / Decimal(whole) * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    # Shaanxi: 收、支总计 3250 = 3050 + 200 against 3050; 五（三） 2800 of 2778; 三公 30.60 of 36.00 against 33.00
    assert Decimal("2860") + Decimal("150") + Decimal("40") + Decimal("200") == Decimal("3250")
    assert [pct("200", "3050"), pct("2800", "2778"), pct("30.60", "36"), pct("2.40", "33")] == [
        Decimal("6.56"), Decimal("100.79"), Decimal("85.00"), Decimal("7.27")]
    # Gansu: 三公 19.20 = 15.00 + 4.20 of 24.00; 公务接待费 4.20 of 19.20 (21.875, half up); its county's 四 780 against 800
    assert [pct("19.20", "24"), pct("4.20", "19.20"), pct("15", "19.20"), pct("20", "800")] == [
        Decimal("80.00"), Decimal("21.88"), Decimal("78.13"), Decimal("2.50")]


(imported, test_every_number_is_accounted_for, test_a_consistent_report_checks_clean,
 test_a_wrong_figure_is_found_and_only_it) = province_tests(NAMES, COVERAGE, NOTES, MISTAKES)
