"""The 2024 部门决算 of Hunan and Jiangxi: the national template's sections, in each province's wording.

tests/data/regions/hunan-2024.txt and jiangxi-2024.txt (a provincial department's) and hunan-2024-county.txt and
jiangxi-2024-county.txt (a county's unit's 单位决算) mirror the layout and wording of published reports of the two
provinces, written in our own words with fictional units and numbers (tests/data/regions/ holds no generator: the
figures were computed with Decimal, rounded half up at their printed places, and each report's arithmetic is restated in
``test_numbers_of_the_reports_are_exact``). So ``check`` finds nothing on them above a note on the built-in
classification; each is then made inconsistent in one figure at a time, and the checker must find exactly that figure.

Hunan prints 收、支总计均为 and 财政拨款收、支总计各增加; every income and expenditure line, 0万元，占0% included; 类 as
农林水支出（类）A 万元; a 项 with 年初预算为0万元 and no completion; 九 (三公) after 七 and 八, with 公务用车购置费 and
公务用车运行维护费 each given a budget and a share, and its receptions （不包括陪同人员）; 十、其他重要事项的情况说明 with
（一）机关运行经费 （二）一般性支出情况 （三）政府采购 （四）国有资产 （五）预算绩效情况说明 (一级项目 2 个，二级项目 8 个). A
county's 三 prints 占总支出的 p% for 本年支出合计's parts; its 三公 is one paragraph whose 其中： follows the reason on the
budget; its 项 print 比年初预算数增加 D 万元.
Jiangxi prints 收入总计 and 支出总计 then 收、支总计各增加; 本年收入合计 with its change; 十、机关运行经费支出说明,
十一、一般性支出情况说明, 十二、政府采购支出说明; 副部（省）级及以上领导用车 and 单价100万元（含）以上设备（不含车辆）; 组织对
水文测报项目等 2 个项目开展了部门评价; 自评得分 96 分，评价等次为“优”. Its county prints 公务用车购置及运行费.

Before this module's fixes: 0, 1, 0 and 0 numbers not understood (Jiangxi's 部门评价 count); on the consistent Hunan
county two false claim.share errors (占总支出的 read as of 支出总计) and a false rate.zero_base (its 三公 items' shares
bound to no whole and to 因公出国（境）费); the 资金 self-evaluated never checked. 74 of the 93 slips below were found
exactly then (the county's all beside the false findings), all 93 now.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from budgetkit.io.grammar import Count, Share, parse_paragraphs
from budgetkit.io.pdf import Imported
from region_reports import found_after, paragraph, province_tests

NAMES = ("hunan-2024", "jiangxi-2024", "hunan-2024-county", "jiangxi-2024-county")


# -- the whole reports ----------------------------------------------------------------------------------------------

#: (numbers seen, imported, kept in text, read but not held, not understood), as `import --report` prints them.
COVERAGE = {
    # not held: 一般性支出's 会议费, 培训费, their counts and persons and 节庆 (as Shandong's), 单位价值50万元以上通用设备,
    # 一级/二级项目 counts, 反映…等 2 个项目, the project's and 部门整体's 自评得分
    "hunan-2024": (209, 170, 26, 13, 0),
    # not held: 一般性支出's (培训费's 600人次 among them), 一级/二级项目, 涉及一般公共预算支出 of the 部门评价 and its
    # 2 个 project (before: not understood), 自评得分 twice; 四's 支出总计 (printed apart) is fiscal.expenditure_total
    "jiangxi-2024": (194, 164, 17, 13, 0),
    # not held: the 项' 比年初预算数增加 D 万元 (checked as narrative.budget_change), 一般性支出's, 对2024年度 4 个…项目
    # (before: the 三公 items' shares after 其中： bound to no whole and to 因公出国（境）费, a false rate.zero_base)
    "hunan-2024-county": (109, 89, 9, 11, 0),
    # not held: 一般性支出's, 对2024年度 2 个…项目 (四's 支出总计 is fiscal.expenditure_total)
    "jiangxi-2024-county": (124, 110, 8, 6, 0),
}

#: The notes a consistent report gives: the built-in classification does not hold 农业农村's, 水利's, 林业和草原's 项.
NOTES = {
    "hunan-2024": ["classification.unknown_name", "classification.generic_name", "classification.generic_name",
                   "classification.unknown_name", "classification.unknown_name"],
    "jiangxi-2024": ["classification.unknown_name", "classification.generic_name", "classification.unknown_name",
                     "classification.unknown_name", "classification.unknown_name"],
    "hunan-2024-county": ["classification.unknown_name", "classification.generic_name", "classification.unknown_name"],
    "jiangxi-2024-county": ["classification.unknown_name", "classification.generic_name",
                            "classification.unknown_name"],
}  # fmt: skip


def test_the_reports_hold_the_template_s_figures(imported: dict[str, Imported]) -> None:
    """收、支总计均为 is 收入总计; 三公 and the 车辆 and 设备 are read into the account's fields; Jiangxi's 副部（省）级
    及以上领导用车 is a use of vehicles and 单价100万元（含）以上设备（不含车辆） the large equipment."""
    hunan, jiangxi = imported["hunan-2024"].account, imported["jiangxi-2024"].account
    assert str(hunan.income.total.current.amount) == "3450.00"  # type: ignore[union-attr]
    assert str(hunan.three_public.total.budget.amount) == "45.00"  # type: ignore[union-attr]
    assert (hunan.assets.vehicles, hunan.assets.large_equipment) == (5, 1)  # type: ignore[union-attr]
    assert jiangxi.assets is not None
    assert (jiangxi.assets.vehicles, jiangxi.assets.large_equipment) == (7, 2)
    assert dict(jiangxi.assets.vehicles_by_use)["副部（省）级及以上领导用车"] == 0
    county = imported["hunan-2024-county"].account
    claims = {(c.kind.value, c.subject, c.base, str(c.stated)) for c in county.claims}
    assert {("share", "three_public.vehicle_operation", "three_public.total", "75.00"),
            ("share", "three_public.reception", "three_public.total", "25.00")} <= claims  # fmt: skip


#: (region, printed, printed instead, the findings check must give: (code, stated, expected))
MISTAKES = [
    ("hunan-2024", "收、支总计各增加210.00万元，增长6.48%", "收、支总计各增加210.00万元，增长6.84%", [("claim.growth", "6.84", "6.48")]),
    ("hunan-2024", "收、支总计均为3450.00万元", "收、支总计均为3460.00万元", [("claim.growth", "6.48", "6.46")]),
    ("hunan-2024", "事业收入180.00万元，占5.45%", "事业收入180.00万元，占5.54%", [("claim.share", "5.54", "5.45")]),
    ("hunan-2024", "其他收入70.00万元", "其他收入80.00万元", [("identity.income_year_total", "3300.00", "3310.00"), ("claim.share", "2.12", "2.42")]),
    ("hunan-2024", "项目支出1220.00万元，占36.75%", "项目支出1220.00万元，占37.75%", [("claim.share", "37.75", "36.75")]),
    ("hunan-2024", "各增加150.00万元，增长5.00%", "各增加150.00万元，增长5.50%", [("claim.growth", "5.50", "5.00")]),
    ("hunan-2024", "财政拨款收、支总计均为3150.00万元", "财政拨款收、支总计均为3160.00万元", [("claim.growth", "5.00", "4.98")]),
    ("hunan-2024", "占本年支出合计的92.77%", "占本年支出合计的92.47%", [("claim.share", "92.47", "92.77")]),
    ("hunan-2024", "增加130.00万元，增长4.41%", "增加130.00万元，增长4.14%", [("claim.growth", "4.14", "4.41")]),
    ("hunan-2024", "社会保障和就业支出（类）240.00万元，占7.79%", "社会保障和就业支出（类）240.00万元，占7.97%", [("claim.share", "7.97", "7.79")]),
    ("hunan-2024", "卫生健康支出（类）120.00万元", "卫生健康支出（类）130.00万元",
      [("identity.general_budget_classes", "3080.00", "3090.00"), ("identity.category_rollup", "130.00", "120.00"), ("claim.share", "3.90", "4.22")]),
    ("hunan-2024", "完成年初预算的101.99%", "完成年初预算的102.99%", [("claim.completion", "102.99", "101.99")]),
    ("hunan-2024", "完成年初预算的97.22%", "完成年初预算的97.92%", [("claim.completion", "97.92", "97.22")]),
    ("hunan-2024", "年初预算为0万元，支出决算为60.00万元", "年初预算为0万元，支出决算为70.00万元", [("identity.category_rollup", "2560.00", "2570.00")]),
    ("hunan-2024", "年初预算为65.00万元，支出决算为70.00万元", "年初预算为65.00万元，支出决算为60.00万元",
      [("identity.category_rollup", "120.00", "110.00"), ("claim.completion", "107.69", "92.31"), ("narrative.direction", "决算数大于年初预算数", "小于")]),
    ("hunan-2024", "人员经费1760.00万元", "人员经费1770.00万元", [("identity.basic_split", "2050.00", "2060.00")]),
    ("hunan-2024", "支出决算为38.40万元，完成预算的85.33%", "支出决算为38.40万元，完成预算的83.53%", [("claim.completion", "83.53", "85.33")]),
    ("hunan-2024", "支出决算为31.20万元，完成预算的89.14%", "支出决算为31.20万元，完成预算的89.41%", [("claim.completion", "89.41", "89.14")]),
    ("hunan-2024", "完成预算的72.00%", "完成预算的70.20%", [("claim.completion", "70.20", "72.00")]),
    ("hunan-2024", "减少2.60万元，下降6.34%", "减少2.60万元，下降6.43%", [("claim.growth", "-6.43", "-6.34")]),
    ("hunan-2024", "公务用车运行维护费支出决算31.20万元，占81.25%", "公务用车运行维护费支出决算31.20万元，占82.15%", [("claim.share", "82.15", "81.25")]),
    ("hunan-2024", "公务接待费支出决算7.20万元，占18.75%", "公务接待费支出决算7.20万元，占17.85%", [("claim.share", "17.85", "18.75")]),
    ("hunan-2024", "3.公务用车运行维护费31.20万元", "3.公务用车运行维护费32.20万元", [("claim.amount", "32.20", "31.20")]),
    ("hunan-2024", "4.公务接待费7.20万元", "4.公务接待费7.50万元", [("claim.amount", "7.50", "7.20")]),
    ("hunan-2024", "国内公务接待支出7.20万元", "国内公务接待支出7.50万元", [("identity.three_public_reception", "7.20", "7.50")]),
    ("hunan-2024", "比上年减少10.00万元，下降3.33%", "比上年减少10.00万元，下降3.23%", [("claim.growth", "-3.23", "-3.33")]),
    ("hunan-2024", "政府采购工程支出0万元", "政府采购工程支出10.00万元", [("identity.procurement", "520.00", "530.00")]),
    ("hunan-2024", "授予小微企业合同金额312.00万元，占政府采购支出总额的60.00%", "授予小微企业合同金额312.00万元，占政府采购支出总额的62.00%", [("claim.share", "62.00", "60.00")]),
    ("hunan-2024", "特种专业技术用车3辆", "特种专业技术用车4辆", [("identity.vehicles_by_use", "5", "6")]),
    ("hunan-2024", "完成预算的96.00%", "完成预算的95.00%", [("claim.completion", "95.00", "96.00")]),
    ("hunan-2024", "共涉及资金1030.00万元", "共涉及资金1130.00万元", [("claim.share", "100", "110")]),
    ("hunan-2024", "公务用车保有量为5辆", "公务用车保有量为6辆", [("identity.vehicles_owned", "6", "5")]),
    ("jiangxi-2024", "收、支总计各增加200.00万元，增长4.65%", "收、支总计各增加200.00万元，增长4.56%", [("claim.growth", "4.56", "4.65")]),
    ("jiangxi-2024", "2024年度收入总计4,500.00万元", "2024年度收入总计4,510.00万元", [("identity.balance", "4500.00", "4510.00"), ("claim.growth", "4.65", "4.64")]),
    ("jiangxi-2024", "事业收入200.00万元，占4.76%", "事业收入200.00万元，占4.67%", [("claim.share", "4.67", "4.76")]),
    ("jiangxi-2024", "基本支出2,600.00万元，占61.18%", "基本支出2,600.00万元，占61.81%", [("claim.share", "61.81", "61.18")]),
    ("jiangxi-2024", "财政拨款收、支总计各增加200.00万元，增长5.13%", "财政拨款收、支总计各增加200.00万元，增长5.31%", [("claim.growth", "5.31", "5.13")]),
    ("jiangxi-2024", "占本年支出合计的92.94%", "占本年支出合计的92.49%", [("claim.share", "92.49", "92.94")]),
    ("jiangxi-2024", "增加150.00万元，增长3.95%", "增加150.00万元，增长3.59%", [("claim.growth", "3.59", "3.95")]),
    ("jiangxi-2024", "卫生健康（类）支出150.00万元，占3.80%", "卫生健康（类）支出150.00万元，占3.08%", [("claim.share", "3.08", "3.80")]),
    ("jiangxi-2024", "住房保障（类）支出200.00万元", "住房保障（类）支出210.00万元",
      [("identity.general_budget_classes", "3950.00", "3960.00"), ("identity.category_rollup", "210.00", "200.00"), ("claim.share", "5.06", "5.32")]),
    ("jiangxi-2024", "完成年初预算的105.47%", "完成年初预算的104.57%", [("claim.completion", "104.57", "105.47")]),
    ("jiangxi-2024", "完成年初预算的96.00%", "完成年初预算的96.50%", [("claim.completion", "96.50", "96.00")]),
    ("jiangxi-2024", "年初预算为0.00万元，支出决算为200.00万元", "年初预算为0.00万元，支出决算为210.00万元", [("identity.category_rollup", "3300.00", "3310.00")]),
    ("jiangxi-2024", "公用经费350.00万元", "公用经费360.00万元", [("identity.basic_split", "2500.00", "2510.00")]),
    ("jiangxi-2024", "支出决算为50.00万元，完成预算的83.33%", "支出决算为50.00万元，完成预算的88.33%", [("claim.completion", "88.33", "83.33")]),
    ("jiangxi-2024", "支出决算为4.00万元，完成预算的80.00%", "支出决算为4.00万元，完成预算的85.00%", [("claim.completion", "85.00", "80.00")]),
    ("jiangxi-2024", "减少5.00万元，下降9.09%", "减少5.00万元，下降9.90%", [("claim.growth", "-9.90", "-9.09")]),
    ("jiangxi-2024", "公务用车购置及运行维护费支出决算40.00万元，占80.00%", "公务用车购置及运行维护费支出决算40.00万元，占82.00%", [("claim.share", "82.00", "80.00")]),
    ("jiangxi-2024", "公务接待费支出决算6.00万元，占12.00%", "公务接待费支出决算6.00万元，占21.00%", [("claim.share", "21.00", "12.00")]),
    ("jiangxi-2024", "3.公务接待费支出6.00万元，完成预算的60.00%", "3.公务接待费支出6.00万元，完成预算的66.00%", [("claim.completion", "66.00", "60.00")]),
    ("jiangxi-2024", "减少1.50万元，下降20.00%", "减少1.50万元，下降25.00%", [("claim.growth", "-25.00", "-20.00")]),
    ("jiangxi-2024", "公务用车运行维护费40.00万元", "公务用车运行维护费42.00万元", [("identity.three_public_vehicle", "40.00", "42.00")]),
    ("jiangxi-2024", "国内公务接待支出6.00万元", "国内公务接待支出6.50万元", [("identity.three_public_reception", "6.00", "6.50")]),
    ("jiangxi-2024", "比2023年度减少20.00万元，下降5.41%", "比2023年度减少20.00万元，下降5.14%", [("claim.growth", "-5.14", "-5.41")]),
    ("jiangxi-2024", "政府采购服务支出200.00万元", "政府采购服务支出220.00万元", [("identity.procurement", "800.00", "820.00")]),
    ("jiangxi-2024", "占政府采购支出总额的90.00%", "占政府采购支出总额的99.00%", [("claim.share", "99.00", "90.00")]),
    ("jiangxi-2024", "特种专业技术用车4辆", "特种专业技术用车5辆", [("identity.vehicles_by_use", "7", "8")]),
    ("jiangxi-2024", "执行数为480.00万元，完成预算的96.00%", "执行数为480.00万元，完成预算的97.00%", [("claim.completion", "97.00", "96.00")]),
    ("jiangxi-2024", "公务用车保有量为7辆", "公务用车保有量为8辆", [("identity.vehicles_owned", "8", "7")]),
    ("jiangxi-2024", "比2023年度增加200.00万元，增长5.00%", "比2023年度增加200.00万元，增长5.20%", [("claim.growth", "5.20", "5.00")]),
    ("jiangxi-2024", "共涉及资金1,450.00万元", "共涉及资金1,550.00万元", [("claim.share", "100", "107")]),
]  # fmt: skip


MISTAKES += [
    ("hunan-2024-county", "收、支总计各减少50.00万元，下降7.14%", "收、支总计各减少50.00万元，下降7.41%", [("claim.growth", "-7.41", "-7.14")]),
    ("hunan-2024-county", "财政拨款收入600.00万元，占96.77%", "财政拨款收入600.00万元，占96.67%", [("claim.share", "96.67", "96.77")]),
    ("hunan-2024-county", "项目支出180.00万元，占总支出的28.57%", "项目支出180.00万元，占总支出的27.69%", [("claim.share", "27.69", "28.57")]),
    ("hunan-2024-county", "基本支出450.00万元", "基本支出460.00万元", [("identity.parts_over_total", "630.00", "≥ 640.00"), ("claim.share", "71.43", "73.02")]),
    ("hunan-2024-county", "各减少40.00万元，下降6.06%", "各减少40.00万元，下降6.60%", [("claim.growth", "-6.60", "-6.06")]),
    ("hunan-2024-county", "完成年初预算的103.13%", "完成年初预算的103.31%", [("claim.completion", "103.31", "103.13")]),
    ("hunan-2024-county", "完成预算的80.00%", "完成预算的82.00%", [("claim.completion", "82.00", "80.00")]),
    ("hunan-2024-county", "减少0.60万元，下降11.11%", "减少0.60万元，下降12.11%", [("claim.growth", "-12.11", "-11.11")]),
    ("hunan-2024-county", "公务用车运行维护费支出决算3.60万元，占75.00%", "公务用车运行维护费支出决算3.60万元，占76.00%", [("claim.share", "76.00", "75.00")]),
    ("hunan-2024-county", "公务接待费支出决算1.20万元，占25.00%", "公务接待费支出决算1.20万元，占24.00%", [("claim.share", "24.00", "25.00")]),
    ("hunan-2024-county", "公务接待费支出决算1.20万元", "公务接待费支出决算1.30万元", [("identity.three_public_total", "4.80", "4.90"), ("claim.share", "25.00", "27.08")]),
    ("hunan-2024-county", "比上年减少2.00万元，下降3.85%", "比上年减少2.00万元，下降3.58%", [("claim.growth", "-3.58", "-3.85")]),
    ("hunan-2024-county", "公用经费50.00万元", "公用经费55.00万元", [("identity.basic_split", "430.00", "435.00")]),
    ("hunan-2024-county", "涉及资金180.00万元", "涉及资金190.00万元", [("claim.share", "100", "106")]),
    ("hunan-2024-county", "比年初预算数增加10.00万元", "比年初预算数增加12.00万元", [("narrative.budget_change", "12.00", "10.00")]),
    ("hunan-2024-county", "比年初预算数减少3.00万元", "比年初预算数减少2.00万元", [("narrative.budget_change", "-2.00", "-3.00")]),
    ("jiangxi-2024-county", "收、支总计各减少20.00万元，下降5.00%", "收、支总计各减少20.00万元，下降5.50%", [("claim.growth", "-5.50", "-5.00")]),
    ("jiangxi-2024-county", "财政拨款收入350.00万元，占97.22%", "财政拨款收入350.00万元，占97.92%", [("claim.share", "97.92", "97.22")]),
    ("jiangxi-2024-county", "项目支出80.00万元，占21.62%", "项目支出80.00万元，占21.26%", [("claim.share", "21.26", "21.62")]),
    ("jiangxi-2024-county", "各减少20.00万元，下降5.26%", "各减少20.00万元，下降5.62%", [("claim.growth", "-5.62", "-5.26")]),
    ("jiangxi-2024-county", "减少15.00万元，下降4.05%", "减少15.00万元，下降4.50%", [("claim.growth", "-4.50", "-4.05")]),
    ("jiangxi-2024-county", "完成年初预算的114.29%", "完成年初预算的114.92%", [("claim.completion", "114.92", "114.29")]),
    ("jiangxi-2024-county", "支出决算为3.20万元，完成预算的80.00%", "支出决算为3.20万元，完成预算的82.00%", [("claim.completion", "82.00", "80.00")]),
    ("jiangxi-2024-county", "完成预算的83.33%", "完成预算的88.33%", [("claim.completion", "88.33", "83.33")]),
    ("jiangxi-2024-county", "完成预算的70.00%", "完成预算的77.00%", [("claim.completion", "77.00", "70.00")]),
    ("jiangxi-2024-county", "减少0.30万元，下降8.57%", "减少0.30万元，下降8.75%", [("claim.growth", "-8.75", "-8.57")]),
    ("jiangxi-2024-county", "公务用车运行维护费2.50万元", "公务用车运行维护费2.60万元", [("identity.three_public_vehicle", "2.50", "2.60")]),
    ("jiangxi-2024-county", "国内公务接待支出0.70万元", "国内公务接待支出0.80万元",
      [("identity.parts_over_total", "0.70", "≥ 0.80"), ("identity.reception_subset", "0.80", "≤ 0.70")]),
    ("jiangxi-2024-county", "比2023年度减少2.00万元，下降7.41%", "比2023年度减少2.00万元，下降7.14%", [("claim.growth", "-7.14", "-7.41")]),
    ("jiangxi-2024-county", "政府采购服务支出30.00万元", "政府采购服务支出35.00万元", [("identity.procurement", "45.00", "50.00")]),
    ("jiangxi-2024-county", "共涉及资金80.00万元", "共涉及资金85.00万元", [("claim.share", "100", "106")]),
]  # fmt: skip


def test_each_provincial_report_has_its_slips() -> None:
    """At least ten one-figure slips of each provincial report are found."""
    for name in ("hunan-2024", "jiangxi-2024"):
        assert sum(m[0] == name for m in MISTAKES) >= 10


# -- the wording ----------------------------------------------------------------------------------------------------


def test_a_share_after_其中_following_a_reason_is_of_the_sentence_before_it() -> None:
    """…完成预算的 80.00%。决算数小于预算数的主要原因是…。其中：公务用车运行维护费 3.60 万元，占 75.00%: the reason names no
    subject, so the items are parts of the 三公 total before it (not of no whole, nor of the first item listed)."""
    text = ("2024年度“三公”经费财政拨款支出预算为6.00万元，支出决算为4.80万元，完成预算的80.00%。决算数小于预算数的主要原因是"
            "严格控制公务用车使用。其中：因公出国（境）费支出决算0万元；公务用车运行维护费支出决算3.60万元，占75.00%；"
            "公务接待费支出决算1.20万元，占25.00%。")
    narrative = parse_paragraphs([paragraph("九、财政拨款“三公”经费支出决算情况说明"), paragraph(text)])
    shares = [(s.subject.key, s.of.key if s.of else None) for s in narrative.statements if isinstance(s, Share)]
    assert shares == [("three_public.vehicle_operation", "three_public"), ("three_public.reception", "three_public")]


def test_a_share_of_总支出_is_of_the_year_s_total_the_sentence_names() -> None:
    """本年支出合计 A 万元，其中：基本支出 B 万元，占总支出的 p%: a loose 总支出 is the 本年支出合计 named before 其中, which
    基本支出 is part of (it was read as 支出总计, two false claim.share errors); alone, 总支出 stays 支出总计 (Guangxi's)."""
    text = "本年支出合计630.00万元，其中：基本支出450.00万元，占总支出的71.43%；项目支出180.00万元，占总支出的28.57%。"
    narrative = parse_paragraphs([paragraph("三、支出决算情况说明"), paragraph(text)])
    assert [(s.subject.key, s.of.key if s.of else None) for s in narrative.statements if isinstance(s, Share)] == [
        ("expenditure.basic", "expenditure.year_total"), ("expenditure.project", "expenditure.year_total")]
    alone = parse_paragraphs([paragraph("三、支出决算情况说明"), paragraph("基本支出450.00万元，占总支出的71.43%。")])
    assert [s.of.key for s in alone.statements if isinstance(s, Share) and s.of] == ["expenditure.total"]


def test_the_projects_of_a_部门评价_named_before_their_count() -> None:
    """组织对水文测报项目等 2 个项目开展了部门评价 counts the projects evaluated, as 组织对 2 个项目开展了部门评价 does; the
    number was not understood."""
    text = "组织对水文测报项目等2个项目开展了部门评价，涉及一般公共预算支出600.00万元。"
    narrative = parse_paragraphs([paragraph("十四、预算绩效情况说明"), paragraph(text)])
    assert [(s.subject.key, str(s.figure)) for s in narrative.statements if isinstance(s, Count)] == [
        ("performance.evaluation", "2个")]
    assert narrative.unread == ()


def test_the_funds_self_evaluated_are_checked_against_the_project_spending_unprinted(tmp_path: Path) -> None:
    """共涉及资金 A 万元，占一般公共预算项目支出总额的 100%: when 五 and 六 print 一般公共预算财政拨款支出 and its 基本支出
    but not its 项目支出, the share is of their difference (it was not checked)."""
    assert found_after(tmp_path, "hunan-2024", "共涉及资金1030.00万元", "共涉及资金1030.00万元") == []
    assert found_after(tmp_path, "hunan-2024", "共涉及资金1030.00万元", "共涉及资金1020.00万元") == [
        ("claim.share", "100", "99")]


def test_numbers_of_the_reports_are_exact() -> None:
    """The arithmetic the reports rest on (Decimal, rounded half up at the printed places)."""
    def pct(part: str, whole: str) -> Decimal:
        return (Decimal(part) / Decimal(whole) * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    # Hunan: 收、支总计 3450 = 3300 + 150 against 3240; 五（三） 3080 of 3020; 三公 38.40 = 31.20 + 7.20 of 45
    assert Decimal("3050") + Decimal("180") + Decimal("70") + Decimal("150") == Decimal("3450")
    assert [pct("210", "3240"), pct("3080", "3020"), pct("38.40", "45"), pct("31.20", "38.40")] == [
        Decimal("6.48"), Decimal("101.99"), Decimal("85.33"), Decimal("81.25")]
    # 一般公共预算项目支出 1030 = 3080 − 2050, all of it self-evaluated
    assert Decimal("3080") - Decimal("1760") - Decimal("290") == Decimal("1030")
    # Jiangxi: 收入总计 4500 = 4200 + 300 against 4300; 五（三） 3950 of 3745; 三公 50 = 4 + 40 + 6 against 55
    assert Decimal("3900") + Decimal("200") + Decimal("100") + Decimal("300") == Decimal("4500")
    assert [pct("200", "4300"), pct("3950", "3745"), pct("5", "55"), pct("1.50", "7.50")] == [
        Decimal("4.65"), Decimal("105.47"), Decimal("9.09"), Decimal("20.00")]


(imported, test_every_number_is_accounted_for, test_a_consistent_report_checks_clean,
 test_a_wrong_figure_is_found_and_only_it) = province_tests(NAMES, COVERAGE, NOTES, MISTAKES)
