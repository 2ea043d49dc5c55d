"""The 2024 部门决算 of Zhejiang and Anhui: the national template's sections, in each province's wording.

tests/data/regions/zhejiang-2024.txt and anhui-2024.txt (a provincial department's) and zhejiang-2024-county.txt and
anhui-2024-county.txt (a county's) mirror the layout and wording of published reports of the two provinces, written
in our own words with fictional units and numbers: every total is the sum of its parts exactly, every share, change and
completion rate was computed with Decimal and rounded half up at its printed places. So ``check`` finds nothing on
them above a note on the built-in classification; each is then made inconsistent in one figure at a time, and the
checker must find exactly that figure.

Zhejiang prints 收入、支出决算总计均为, each change as 同比增长 (同比下降), each share as 占比 p%; 三公 against its
年初预算 (完成年初预算的 p%) and each item's change after it; 其他重要事项 holds 机关运行经费, 政府采购, 国有资产 (单价 100
万元（含）以上设备) and 绩效 (自评等级为“优”的项目 N 个). A county prints 收入总计 with 本年收入 and 年初结转和结余, the 类
of 五（二） with one decimal (占 84.5%), 因公出国（境）费为0 (a nought without its unit), 公务用车购置及运行维护费 A 万元，
其中：购置费 B 万元，运行维护费 C 万元, 国内接待 N 批次 and 政府采购 by 货物类 and 服务类. Anhui prints 主要原因： with a
colon (also after 决算数大于年初预算数的), each 三公 item on a point of its own with 完成预算的 p% and 比上年决算减少, 国内公务
接待 N 批次、M 人次（不包括外宾接待）, 八 with its fund's figures, and 组织对“甲”“乙”等 N 个项目开展了部门评价; a county
prints 收入总计 and 支出总计 each with its change, 本年收入合计 … 全部为财政拨款收入, and 三's parts with 所占比重为 p%.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from budgetkit.io.grammar import Amount, Count, Share, parse_paragraphs
from budgetkit.io.pdf import Imported
from region_reports import paragraph, province_tests

NAMES = ("zhejiang-2024", "anhui-2024", "zhejiang-2024-county", "anhui-2024-county")


# -- the whole reports ----------------------------------------------------------------------------------------------

#: (numbers seen, imported, kept in text, read but not held, not understood), as `import --report` prints them.
COVERAGE = {
    # not held: 共涉及项目 12 个 and its grades (自评等级为“优”的项目 10 个 …), 反映…等 2 个项目, a project's 自评得分
    "zhejiang-2024": (174, 150, 19, 5, 0),
    # not held: 单价50万元以上通用设备, 一级项目 3 个, 二级项目 15 个, 部门评价's 2 个 and its 涉及…支出 900.00 万元
    # (before: the 2 of 对“甲”“乙”等2个项目开展了部门评价 not understood), a project's 自评得分
    "anhui-2024": (162, 138, 18, 6, 0),
    # not held: 对 8 个项目 and 涉及资金 without its share (before: 92 imported, 5 not held and 3 not understood —
    # 因公出国（境）费为0's nought and 其中：购置费 0.00 万元，运行维护费 6.00 万元 not understood, 货物类 40.00 万元 and
    # 服务类 80.00 万元 read as second figures of 政府采购支出总额); 四's 支出总计 (表四's, printed apart) is held as
    # fiscal.expenditure_total
    "zhejiang-2024-county": (110, 98, 10, 2, 0),
    # not held: 对2024年度 6 个项目
    "anhui-2024-county": (113, 100, 12, 1, 0),
}

#: The notes a consistent report gives: the built-in classification does not hold 文物's, 水利's, 自然资源事务's and
#: 市场监督管理事务's 项.
NOTES = {
    "zhejiang-2024": ["classification.unknown_name", "classification.generic_name", "classification.unknown_name",
                      "classification.unknown_name", "classification.generic_name"],
    "anhui-2024": ["classification.unknown_name", "classification.generic_name", "classification.unknown_name",
                   "classification.unknown_name", "classification.generic_name"],
    "zhejiang-2024-county": ["classification.generic_name", "classification.unknown_name",
                             "classification.unknown_name"],
    "anhui-2024-county": ["classification.unknown_name", "classification.generic_name", "classification.unknown_name",
                          "classification.unknown_name"],
}  # fmt: skip


def test_the_reports_hold_the_template_s_figures(imported: dict[str, Imported]) -> None:
    """三公 and its parts, 政府采购 by kind and 国内接待's counts are read into the account's fields; Zhejiang's 三公
    items' changes (同比…) are claims on their subjects."""
    zhejiang, county = imported["zhejiang-2024"].account, imported["zhejiang-2024-county"].account
    anhui = imported["anhui-2024"].account
    assert str(zhejiang.three_public.total.current.amount) == "51.50"  # type: ignore[union-attr]
    assert str(zhejiang.three_public.total.budget.amount) == "60.00"  # type: ignore[union-attr]
    claims = {(c.kind.value, c.subject, str(c.stated)) for c in zhejiang.claims}
    assert {("growth", "three_public.outbound", "33.33"), ("growth", "three_public.reception", "-24.00"),
            ("growth", "operating_costs", "-5.88"), ("growth", "income.total", "5.88")} <= claims  # fmt: skip
    # 其中：购置费 0.00 万元，运行维护费 6.00 万元; 货物类 40.00 万元，服务类 80.00 万元; 国内接待 15 批次、90 人次
    tp = county.three_public
    assert (str(tp.vehicle_purchase.current.amount), str(tp.vehicle_operation.current.amount)) == ("0.00", "6.00")  # type: ignore[union-attr]
    assert (tp.domestic_batches, tp.domestic_persons, tp.reception_batches) == (15, 90, None)
    procurement = county.procurement
    assert procurement is not None
    assert (str(procurement.goods.current.amount), str(procurement.services.current.amount)) == ("40.00", "80.00")  # type: ignore[union-attr]
    assert (anhui.three_public.domestic_batches, anhui.three_public.domestic_persons) == (110, 680)


#: (region, printed, printed instead, the findings check must give: (code, stated, expected))
MISTAKES = [
    ("zhejiang-2024", "各增加250.00万元，同比增长5.88%", "各增加250.00万元，同比增长5.98%", [("claim.growth", "5.98", "5.88")]),
    ("zhejiang-2024", "事业收入300.00万元，占比7.14%", "事业收入300.00万元，占比7.41%", [("claim.share", "7.41", "7.14")]),
    ("zhejiang-2024", "项目支出1,740.00万元", "项目支出1,750.00万元",
      [("identity.parts_over_total", "4350.00", "≥ 4360.00"), ("claim.share", "40.00", "40.23")]),
    ("zhejiang-2024", "各增加280.00万元，同比增长7.57%", "各增加280.00万元，同比增长7.75%", [("claim.growth", "7.75", "7.57")]),
    ("zhejiang-2024", "占本年支出合计的88.74%", "占本年支出合计的88.47%", [("claim.share", "88.47", "88.74")]),
    ("zhejiang-2024", "增加260.00万元，同比增长7.22%", "增加260.00万元，同比增长7.27%", [("claim.growth", "7.27", "7.22")]),
    ("zhejiang-2024", "卫生健康支出130.00万元，占比3.37%", "卫生健康支出130.00万元，占比3.73%", [("claim.share", "3.73", "3.37")]),
    ("zhejiang-2024", "住房保障支出200.00万元", "住房保障支出210.00万元",
      [("identity.general_budget_classes", "3860.00", "3870.00"), ("identity.category_rollup", "210.00", "200.00"), ("claim.share", "5.18", "5.44")]),
    ("zhejiang-2024", "完成年初预算的98.97%", "完成年初预算的98.79%", [("claim.completion", "98.79", "98.97")]),
    ("zhejiang-2024", "完成年初预算的104.35%", "完成年初预算的104.53%", [("claim.completion", "104.53", "104.35")]),
    ("zhejiang-2024", "年初预算为1,300.00万元，支出决算为1,250.00万元", "年初预算为1,300.00万元，支出决算为1,350.00万元",
      [("identity.category_rollup", "3200.00", "3300.00"), ("claim.completion", "96.15", "103.85"), ("narrative.direction", "决算数小于年初预算数", "大于")]),
    ("zhejiang-2024", "年初预算为220.00万元，支出决算为220.00万元", "年初预算为220.00万元，支出决算为230.00万元",
      [("identity.category_rollup", "330.00", "340.00"), ("claim.completion", "100.00", "104.55"), ("narrative.direction", "决算数与年初预算数持平", "大于"), ("narrative.reason", "230.00", "220.00")]),
    ("zhejiang-2024", "人员经费2,200.00万元", "人员经费2,220.00万元", [("identity.basic_split", "2560.00", "2580.00")]),
    ("zhejiang-2024", "完成年初预算的85.83%", "完成年初预算的85.38%", [("claim.completion", "85.38", "85.83")]),
    ("zhejiang-2024", "同比减少4.00万元，下降7.21%", "同比减少4.00万元，下降7.12%", [("claim.growth", "-7.12", "-7.21")]),
    ("zhejiang-2024", "公务接待费支出决算9.50万元，占比18.45%", "公务接待费支出决算9.50万元，占比18.54%", [("claim.share", "18.54", "18.45")]),
    ("zhejiang-2024", "同比增加2.00万元，增长33.33%", "同比增加2.00万元，增长33.00%", [("claim.growth", "33.00", "33.33")]),
    ("zhejiang-2024", "同比减少3.00万元，下降24.00%", "同比减少3.00万元，下降25.00%", [("claim.growth", "-25.00", "-24.00")]),
    ("zhejiang-2024", "公务用车运行维护费34.00万元", "公务用车运行维护费36.00万元", [("identity.three_public_vehicle", "34.00", "36.00")]),
    ("zhejiang-2024", "同比下降5.88%", "同比下降5.68%", [("claim.growth", "-5.68", "-5.88")]),
    ("zhejiang-2024", "政府采购工程支出150.00万元", "政府采购工程支出160.00万元", [("identity.procurement", "600.00", "610.00")]),
    ("zhejiang-2024", "占政府采购支出总额的90.00%", "占政府采购支出总额的99.00%", [("claim.share", "99.00", "90.00")]),
    ("zhejiang-2024", "执法执勤用车2辆", "执法执勤用车3辆", [("identity.vehicles_by_use", "6", "7")]),
    ("zhejiang-2024", "为“良”的项目2个", "为“良”的项目3个", [("narrative.count_parts", "12", "13")]),
    ("zhejiang-2024", "完成预算的96.00%", "完成预算的69.00%", [("claim.completion", "69.00", "96.00")]),
    ("anhui-2024", "各减少200.00万元，下降3.45%", "各减少200.00万元，下降3.54%", [("claim.growth", "-3.54", "-3.45")]),
    ("anhui-2024", "财政拨款收入5,000.00万元，占94.34%", "财政拨款收入5,000.00万元，占94.43%", [("claim.share", "94.43", "94.34")]),
    ("anhui-2024", "其他收入100.00万元", "其他收入110.00万元", [("identity.parts_over_total", "5300.00", "≥ 5310.00"), ("claim.share", "1.89", "2.08")]),
    ("anhui-2024", "各减少200.00万元，下降3.70%", "各减少200.00万元，下降3.07%", [("claim.growth", "-3.07", "-3.70")]),
    ("anhui-2024", "占本年支出合计的90.37%", "占本年支出合计的90.73%", [("claim.share", "90.73", "90.37")]),
    ("anhui-2024", "减少120.00万元，下降2.40%", "减少120.00万元，下降2.04%", [("claim.growth", "-2.04", "-2.40")]),
    ("anhui-2024", "卫生健康（类）支出150.00万元，占3.07%", "卫生健康（类）支出150.00万元，占3.70%", [("claim.share", "3.70", "3.07")]),
    ("anhui-2024", "完成年初预算的98.59%", "完成年初预算的98.95%", [("claim.completion", "98.95", "98.59")]),
    ("anhui-2024", "年初预算为250.00万元，支出决算为300.00万元", "年初预算为250.00万元，支出决算为200.00万元",
      [("identity.category_rollup", "4100.00", "4000.00"), ("claim.completion", "120.00", "80.00"), ("narrative.direction", "决算数大于年初预算数", "小于")]),
    ("anhui-2024", "完成年初预算的92.31%", "完成年初预算的93.21%", [("claim.completion", "93.21", "92.31")]),
    ("anhui-2024", "公用经费430.00万元", "公用经费450.00万元", [("identity.basic_split", "3180.00", "3200.00")]),
    ("anhui-2024", "比上年决算减少6.00万元，下降8.57%", "比上年决算减少6.00万元，下降8.75%", [("claim.growth", "-8.75", "-8.57")]),
    ("anhui-2024", "比上年决算减少2.00万元，下降12.50%", "比上年决算减少2.00万元，下降12.05%", [("claim.growth", "-12.05", "-12.50")]),
    ("anhui-2024", "公务用车运行维护费50.00万元", "公务用车运行维护费55.00万元", [("identity.three_public_vehicle", "50.00", "55.00")]),
    ("anhui-2024", "国内公务接待支出14.00万元", "国内公务接待支出15.00万元", [("identity.three_public_reception", "14.00", "15.00")]),
    ("anhui-2024", "比上年决算减少20.00万元，下降5.00%", "比上年决算减少20.00万元，下降5.50%", [("claim.growth", "-5.50", "-5.00")]),
    ("anhui-2024", "政府采购服务支出200.00万元", "政府采购服务支出210.00万元", [("identity.procurement", "900.00", "910.00")]),
    ("anhui-2024", "占政府采购支出总额的50.00%", "占政府采购支出总额的55.00%", [("claim.share", "55.00", "50.00")]),
    ("anhui-2024", "特种专业技术用车5辆", "特种专业技术用车6辆", [("identity.vehicles_by_use", "8", "9")]),
    ("anhui-2024", "完成预算的95.00%", "完成预算的59.00%", [("claim.completion", "59.00", "95.00")]),
]


MISTAKES += [
    ("zhejiang-2024-county", "各增加80.00万元，增长6.78%", "各增加80.00万元，增长6.87%", [("claim.growth", "6.87", "6.78")]),
    ("zhejiang-2024-county", "年初结转和结余60.00万元", "年初结转和结余70.00万元", [("identity.parts_over_total", "1260.00", "≥ 1270.00")]),
    ("zhejiang-2024-county", "其他收入50.00万元，占4.17%", "其他收入50.00万元，占4.71%", [("claim.share", "4.71", "4.17")]),
    ("zhejiang-2024-county", "各增加60.00万元，增长5.36%", "各增加60.00万元，增长5.63%", [("claim.growth", "5.63", "5.36")]),
    ("zhejiang-2024-county", "增加60.00万元，增长5.45%", "增加60.00万元，增长5.54%", [("claim.growth", "5.54", "5.45")]),
    ("zhejiang-2024-county", "社会保障和就业支出100.00万元，占8.6%", "社会保障和就业支出100.00万元，占8.7%", [("claim.share", "8.7", "8.6")]),
    ("zhejiang-2024-county", "完成年初预算的103.57%", "完成年初预算的103.75%", [("claim.completion", "103.75", "103.57")]),
    ("zhejiang-2024-county", "年初预算90.00万元，支出决算100.00万元", "年初预算90.00万元，支出决算110.00万元",
      [("identity.category_rollup", "980.00", "990.00"), ("claim.completion", "111.11", "122.22")]),
    # before: the four below were not found (购置费, 运行维护费, 货物类 and 服务类 unread or misbound)
    ("zhejiang-2024-county", "运行维护费6.00万元；", "运行维护费6.50万元；", [("identity.three_public_vehicle", "6.00", "6.50")]),
    ("zhejiang-2024-county", "购置费0.00万元", "购置费1.00万元", [("identity.three_public_vehicle", "6.00", "7.00")]),
    ("zhejiang-2024-county", "服务类80.00万元", "服务类90.00万元", [("identity.parts_over_total", "120.00", "≥ 130.00")]),
    ("zhejiang-2024-county", "货物类40.00万元", "货物类50.00万元", [("identity.parts_over_total", "120.00", "≥ 130.00")]),
    ("zhejiang-2024-county", "应急保障用车1辆", "应急保障用车2辆", [("identity.vehicles_by_use", "3", "4")]),
    ("zhejiang-2024-county", "因公出国（境）费为0；", "因公出国（境）费为1.00万元；", [("identity.three_public_total", "8.40", "9.40")]),
    ("anhui-2024-county", "较上年减少50.00万元，下降4.76%；支出总计", "较上年减少50.00万元，下降4.67%；支出总计", [("claim.growth", "-4.67", "-4.76")]),
    ("anhui-2024-county", "下降4.76%。主要原因：上年", "下降4.67%。主要原因：上年", [("claim.growth", "-4.67", "-4.76")]),
    # before: the two below were not found (所占比重为 p%'s whole read as 重)
    ("anhui-2024-county", "项目支出250.00万元，所占比重为25.77%", "项目支出250.00万元，所占比重为25.27%", [("claim.share", "25.27", "25.77")]),
    ("anhui-2024-county", "基本支出720.00万元，所占比重为74.23%", "基本支出720.00万元，所占比重为72.43%", [("claim.share", "72.43", "74.23")]),
    ("anhui-2024-county", "减少40.00万元，下降3.96%", "减少40.00万元，下降3.69%", [("claim.growth", "-3.69", "-3.96")]),
    ("anhui-2024-county", "一般公共服务支出820.00万元，占84.54%", "一般公共服务支出820.00万元，占84.45%", [("claim.share", "84.45", "84.54")]),
    ("anhui-2024-county", "完成年初预算的102.11%", "完成年初预算的102.01%", [("claim.completion", "102.01", "102.11")]),
    ("anhui-2024-county", "年初预算为120.00万元，支出决算为100.00万元", "年初预算为120.00万元，支出决算为110.00万元",
      [("identity.category_rollup", "820.00", "830.00"), ("claim.completion", "83.33", "91.67")]),
    ("anhui-2024-county", "比上年决算减少0.80万元，下降10.00%", "比上年决算减少0.80万元，下降11.00%", [("claim.growth", "-11.00", "-10.00")]),
    ("anhui-2024-county", "公务接待费1.60万元", "公务接待费1.80万元", [("identity.three_public_total", "7.20", "7.40")]),
    ("anhui-2024-county", "比上年决算减少4.00万元，下降4.76%", "比上年决算减少4.00万元，下降4.67%", [("claim.growth", "-4.67", "-4.76")]),
    ("anhui-2024-county", "政府采购服务支出35.00万元", "政府采购服务支出45.00万元", [("identity.parts_over_total", "60.00", "≥ 70.00")]),
    ("anhui-2024-county", "执法执勤用车3辆", "执法执勤用车2辆", [("identity.vehicles_by_use", "4", "3")]),
    ("anhui-2024-county", "人员经费640.00万元", "人员经费650.00万元", [("identity.basic_split", "720.00", "730.00")]),
]  # fmt: skip


def test_each_provincial_report_has_its_slips() -> None:
    """At least ten one-figure slips of each provincial report are found."""
    for name in ("zhejiang-2024", "anhui-2024"):
        assert sum(m[0] == name for m in MISTAKES) >= 10


# -- the wording ----------------------------------------------------------------------------------------------------


def _three_public(text: str) -> list[tuple[str, str]]:
    narrative = parse_paragraphs([paragraph("七、财政拨款“三公”经费支出决算情况说明"), paragraph(text)])
    assert narrative.unread == ()
    return [(s.subject.key, str(s.figure)) for s in narrative.statements if isinstance(s, Amount | Count)]


def test_the_vehicle_s_parts_named_without_公务用车() -> None:
    """公务用车购置及运行维护费 A 万元，其中：购置费 B 万元，运行维护费 C 万元: the parts are 公务用车购置费 and
    公务用车运行维护费 (before: B and C not understood); a 购置费 of no 公务用车 before it names nothing."""
    assert _three_public("公务用车购置及运行维护费6.00万元，其中：购置费0.00万元，运行维护费6.00万元；公务接待费2.40万元。") == [
        ("three_public.vehicle", "6.00万元"), ("three_public.vehicle_purchase", "0.00万元"),
        ("three_public.vehicle_operation", "6.00万元"), ("three_public.reception", "2.40万元")]  # fmt: skip
    narrative = parse_paragraphs([paragraph("十一、政府采购支出情况说明"), paragraph("其中：购置费40.00万元。")])
    assert not any(s.subject.key.startswith("three_public") for s in narrative.statements)


def test_a_nought_printed_without_its_unit() -> None:
    """因公出国（境）费为0: nothing spent, 0 万元 with a note that the unit is missing (before: the 0 not understood); a
    number other than 0 without its unit, or a nought after a change's word, is not an amount."""
    narrative = parse_paragraphs([paragraph("七、财政拨款“三公”经费支出决算情况说明"), paragraph(
        "其中：因公出国（境）费为0；公务用车购置及运行维护费支出决算为0；公务接待费为3。")])
    amounts = [(s.subject.key, str(s.figure), s.notes) for s in narrative.statements if isinstance(s, Amount)]
    assert amounts == [("three_public.outbound", "0万元", ("unit missing: a nought, read as 0 万元",)),
                       ("three_public.vehicle", "0万元", ("unit missing: a nought, read as 0 万元",))]  # fmt: skip
    assert [u.text for u in narrative.unread] == ["3"]


def test_domestic_reception_counted_without_公务() -> None:
    """公务接待费 A 万元，国内接待 15 批次、90 人次: the counts are 国内公务接待's, as 国内公务接待 15 批次 are (before:
    every 接待's)."""
    assert _three_public("公务接待费2.40万元，国内接待15批次、90人次。") == [
        ("three_public.reception", "2.40万元"), ("three_public.reception.domestic", "15批次"),
        ("three_public.reception.domestic", "90人次")]  # fmt: skip


def test_procurement_kinds_named_by_their_class() -> None:
    """政府采购支出总额 A 万元，其中：货物类 B 万元，服务类 C 万元: the kinds of procurement (before: B and C read as
    second figures of 政府采购支出总额); 服务类 followed by a count is no amount."""
    narrative = parse_paragraphs([paragraph("十一、政府采购支出情况说明"), paragraph(
        "2024年度本部门政府采购支出总额120.00万元，其中：货物类40.00万元，工程类0.00万元，服务类80.00万元。")])
    assert [(s.subject.key, str(s.figure)) for s in narrative.statements if isinstance(s, Amount)] == [
        ("procurement", "120.00万元"), ("procurement.goods", "40.00万元"), ("procurement.works", "0.00万元"),
        ("procurement.services", "80.00万元")]  # fmt: skip
    counted = parse_paragraphs([paragraph("十一、政府采购支出情况说明"), paragraph("其中，服务类5个。")])
    assert not any(s.subject.key.startswith("procurement") for s in counted.statements)


def test_the_projects_a_department_evaluated_named_before_their_count() -> None:
    """组织对“甲”“乙”等 2 个项目开展了部门评价: the projects the department evaluated, their names between 对 and the
    count (before: the 2 not understood), as 组织对 2 个项目开展了部门评价 is."""
    text = "组织对“水文站网运行维护”“水情预警预报”等2个项目开展了部门评价，涉及一般公共预算支出900.00万元。"
    narrative = parse_paragraphs([paragraph("十三、预算绩效管理情况说明"), paragraph(text)])
    assert [(s.subject.key, str(s.figure)) for s in narrative.statements if isinstance(s, Count)] == [
        ("performance.evaluation", "2个")]
    assert narrative.unread == ()


def test_a_share_printed_as_占比重() -> None:
    """基本支出 A 万元，所占比重为 p% (占比重为 p%): a share of the whole 其中 follows, as 占 p% is; 占比 p% and 占本年支出合计
    的比重为 p% as before (before: the whole was read as 重, and the share went unchecked)."""
    def wholes(text: str) -> list[tuple[str, str]]:
        narrative = parse_paragraphs([paragraph("三、支出决算情况说明"), paragraph(text)])
        return [(s.subject.key, s.of.key) for s in narrative.statements if isinstance(s, Share) and s.of is not None]

    listed = "本年支出合计970.00万元，其中：基本支出720.00万元，{}74.23%；项目支出250.00万元，{}25.77%。"
    for lead in ("所占比重为", "占比重为", "占比", "占", "占本年支出合计的比重为"):
        assert wholes(listed.format(lead, lead)) == [
            ("expenditure.basic", "expenditure.year_total"), ("expenditure.project", "expenditure.year_total")]


def test_numbers_of_the_reports_are_exact() -> None:
    """The arithmetic the reports rest on (Decimal, rounded half up at the printed places)."""
    def pct(part: str, whole: str, places: str = "0.01") -> Decimal:
        return (Decimal(part) / Decimal(whole) * 100).quantize(Decimal(places), rounding=ROUND_HALF_UP)

    # Zhejiang: 收支总计 4500 against 4250; 三公 51.50 of 60.00 (8.00 + 34.00 + 9.50), its shares adding up to 100.00
    assert Decimal("8.00") + Decimal("34.00") + Decimal("9.50") == Decimal("51.50")
    assert [pct("250", "4250"), pct("51.50", "60"), pct("8", "51.50"), pct("34", "51.50"), pct("9.50", "51.50")] == [
        Decimal("5.88"), Decimal("85.83"), Decimal("15.53"), Decimal("66.02"), Decimal("18.45")]
    # Zhejiang's county: the 类 of 五（二） with one decimal, adding up to 100.0
    assert [pct("980", "1160", "0.1"), pct("100", "1160", "0.1"), pct("80", "1160", "0.1")] == [
        Decimal("84.5"), Decimal("8.6"), Decimal("6.9")]
    # Anhui: 收支总计 5600 against 5800; 三公 64 against 70; 一般公共预算 4880 of 4950
    assert [pct("200", "5800"), pct("6", "70"), pct("4880", "4950")] == [Decimal("3.45"), Decimal("8.57"), Decimal("98.59")]


(imported, test_every_number_is_accounted_for, test_a_consistent_report_checks_clean,
 test_a_wrong_figure_is_found_and_only_it) = province_tests(NAMES, COVERAGE, NOTES, MISTAKES)
