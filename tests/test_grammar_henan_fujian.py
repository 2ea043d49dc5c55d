"""The 2024 部门决算 of Henan and Fujian: the national template's thirteen sections, in each province's wording.

tests/data/regions/henan-2024.txt and fujian-2024.txt (a provincial department's) and henan-2024-county.txt and
fujian-2024-county.txt (a county's) mirror the layout and wording of published reports of the two provinces, written in our own words with fictional units and numbers: every total is the sum of its parts exactly,
every share, change and completion rate was computed with Decimal and rounded half up at its printed places. So
``check`` finds nothing on them above a note on the built-in classification; each is then made inconsistent in one
figure at a time, and the checker must find exactly that figure.

Henan prints 收入、支出决算总计 and the 类 of 五（二） as 农林水（类）支出, and reports the 项目 whose self-evaluations
it prints (…反映甲项目等3个项目的绩效自评结果，自评综合得分均在90分以上); Fujian prints 收入总计 and 支出总计 apart,
then 收入总计、支出总计各减少 (财政拨款 alike in 四), each 三公 item with its completion and its change, and 共自评
项目 N 个 with the grades after it.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from budgetkit.io.grammar import Amount, Change, Count, Share, parse_paragraphs, parse_text
from budgetkit.io.pdf import Imported
from region_reports import paragraph, province_tests

NAMES = ("henan-2024", "fujian-2024", "henan-2024-county", "fujian-2024-county")


# -- the whole reports ----------------------------------------------------------------------------------------------

#: (numbers seen, imported, kept in text, read but not held, not understood), as `import --report` prints them.
COVERAGE = {
    # not held: the central template's 货物（工程、服务）采购授予中小企业合同金额占货物支出金额的 p% (each of a whole no
    # field holds), 单价50万元以上通用设备, 共涉及项目 12 个, 反映…等 3 个项目, a project's and 部门整体支出's 自评得分
    "henan-2024": (190, 158, 24, 8, 0),
    # not held: 共自评项目 9 个, 优 7 个, 良 2 个, 部门整体支出's 自评得分, 反映“甲”“乙”2 个项目绩效自评结果 (四's 支出总计,
    # printed apart, is held since the nineteenth session)
    "fujian-2024": (162, 142, 15, 5, 0),
    # a county's: 收入总计 and 支出总计 apart, then 收、支总计各减少; 五（三）'s 项 with a colon; 对 5 个项目 and its
    # grades (优、良、中), 涉及资金 without its share: read, held by no field
    "henan-2024-county": (151, 128, 18, 5, 0),
    # 收、支总计均为 A 万元，比上年增加; 四's balances of every fund (held since the nineteenth session, as Xinjiang's);
    # 三公 in one paragraph, its 公务用车 split in brackets; 年初预算数为 / 支出决算数为
    "fujian-2024-county": (106, 94, 11, 1, 0),
}

#: The notes a consistent report gives: the built-in classification does not hold 农业农村's 项.
NOTES = {
    "henan-2024": ["classification.unknown_name", "classification.generic_name", "classification.generic_name",
                   "classification.unknown_name", "classification.unknown_name"],
    "fujian-2024": ["classification.unknown_name", "classification.generic_name", "classification.unknown_name",
                    "classification.generic_name"],
    # 市场监督管理事务（款） and its 项; 林业和草原（款） and its 项
    "henan-2024-county": ["classification.unknown_name", "classification.generic_name", "classification.unknown_name",
                          "classification.unknown_name"],
    "fujian-2024-county": ["classification.unknown_name"] * 4,
}  # fmt: skip


def test_the_reports_hold_the_template_s_figures(imported: dict[str, Imported]) -> None:
    """三公 and the 类 of 五（二） are read into the account's fields; Fujian's changes of 四 and of each 三公 item are
    claims on their subjects."""
    henan, fujian = imported["henan-2024"].account, imported["fujian-2024"].account
    assert str(henan.three_public.total.current.amount) == "35.00"  # type: ignore[union-attr]
    assert str(henan.three_public.total.budget.amount) == "41.00"  # type: ignore[union-attr]
    assert len(henan.general_budget.categories) == 4  # 农林水（类）支出 … 住房保障（类）支出
    assert str(fujian.three_public.total.current.amount) == "12.60"  # type: ignore[union-attr]
    claims = {(c.kind.value, c.subject, str(c.stated)) for c in fujian.claims}
    assert {("growth", "fiscal.total", "-4.29"), ("completion", "three_public.vehicle", "89.09"),
            ("growth", "three_public.reception", "-20.00")} <= claims  # fmt: skip


#: (region, printed, printed instead, the findings check must give: (code, stated, expected))
MISTAKES = [
    ("henan-2024", "财政拨款收入2,400.00万元，占92.31%", "财政拨款收入2,400.00万元，占92.13%", [("claim.share", "92.13", "92.31")]),
    ("henan-2024", "收入、支出总计各增加250.00万元，增长10.00%", "收入、支出总计各增加250.00万元，增长11.00%",
     [("claim.growth", "11.00", "10.00")]),
    ("henan-2024", "基本支出1,700.00万元，占64.89%", "基本支出1,710.00万元，占64.89%",
     [("identity.parts_over_total", "2620.00", "≥ 2630.00"), ("claim.share", "64.89", "65.27")]),
    ("henan-2024", "财政拨款收入、支出总计各增加200.00万元，增长8.70%", "财政拨款收入、支出总计各增加200.00万元，增长8.07%",
     [("claim.growth", "8.07", "8.70")]),
    ("henan-2024", "占本年支出合计的92.37%", "占本年支出合计的92.73%", [("claim.share", "92.73", "92.37")]),
    # 五（二）'s 类 printed as 农林水（类）支出
    ("henan-2024", "农林水（类）支出2,050.00万元，占84.71%", "农林水（类）支出2,050.00万元，占84.17%",
     [("claim.share", "84.17", "84.71")]),
    ("henan-2024", "住房保障（类）支出100.00万元", "住房保障（类）支出110.00万元",
     [("identity.general_budget_classes", "2420.00", "2430.00"), ("identity.category_rollup", "110.00", "100.00"),
      ("claim.share", "4.13", "4.55")]),
    ("henan-2024", "支出决算为470.00万元，完成年初预算的90.38%", "支出决算为470.00万元，完成年初预算的90.83%",
     [("claim.completion", "90.83", "90.38")]),
    ("henan-2024", "完成年初预算的99.18%", "完成年初预算的99.81%", [("claim.completion", "99.81", "99.18")]),
    ("henan-2024", "人员经费1,350.00万元", "人员经费1,360.00万元", [("identity.basic_split", "1600.00", "1610.00")]),
    ("henan-2024", "支出决算为22.40万元，完成预算的89.60%", "支出决算为22.40万元，完成预算的88.60%",
     [("claim.completion", "88.60", "89.60")]),
    ("henan-2024", "公务接待费支出决算4.60万元，占13.14%", "公务接待费支出决算4.60万元，占13.41%",
     [("claim.share", "13.41", "13.14")]),
    # 七（二） prints the 因公出国（境）费 of 七（一） again
    ("henan-2024", "因公出国（境）费支出决算8.00万元", "因公出国（境）费支出决算9.00万元", [("claim.amount", "9.00", "8.00")]),
    ("henan-2024", "减少3.00万元，下降7.89%", "减少3.00万元，下降7.98%", [("claim.growth", "-7.98", "-7.89")]),
    ("henan-2024", "减少15.00万元，降低6.67%", "减少15.00万元，降低6.76%", [("claim.growth", "-6.76", "-6.67")]),
    ("henan-2024", "政府采购服务支出200.00万元", "政府采购服务支出210.00万元", [("identity.procurement", "380.00", "390.00")]),
    ("henan-2024", "占政府采购支出总额的90.00%", "占政府采购支出总额的95.00%", [("claim.share", "95.00", "90.00")]),
    ("henan-2024", "特种专业技术用车3辆", "特种专业技术用车4辆", [("identity.vehicles_by_use", "5", "6")]),
    # 十三（二）'s summary of a project: 项目全年预算数为 A 万元，执行数为 B 万元，完成预算的 p%
    ("henan-2024", "执行数为285.00万元，完成预算的95.00%", "执行数为285.00万元，完成预算的96.00%",
     [("claim.completion", "96.00", "95.00")]),
]

MISTAKES += [
    ("fujian-2024", "收入总计、支出总计各减少80.00万元，下降4.88%", "收入总计、支出总计各减少80.00万元，下降4.78%",
     [("claim.growth", "-4.78", "-4.88")]),
    ("fujian-2024", "事业收入150.00万元，占本年收入合计的10.14%", "事业收入150.00万元，占本年收入合计的10.41%",
     [("claim.share", "10.41", "10.14")]),
    ("fujian-2024", "比上年减少80.00万元，下降5.13%", "比上年减少80.00万元，下降5.31%", [("claim.growth", "-5.31", "-5.13")]),
    ("fujian-2024", "项目支出450.00万元", "项目支出460.00万元",
     [("identity.parts_over_total", "1500.00", "≥ 1510.00"), ("claim.share", "30.00", "30.67")]),
    # 四's 财政拨款收入总计、支出总计各减少: a change of 表四's total (before, a claim on 支出总计 with no path, unchecked)
    ("fujian-2024", "财政拨款收入总计、支出总计各减少60.00万元，下降4.29%", "财政拨款收入总计、支出总计各减少60.00万元，下降4.92%",
     [("claim.growth", "-4.92", "-4.29")]),
    ("fujian-2024", "农林水支出1,080.00万元，占85.04%", "农林水支出1,080.00万元，占85.40%", [("claim.share", "85.40", "85.04")]),
    ("fujian-2024", "支出决算为280.00万元，完成年初预算的93.33%", "支出决算为280.00万元，完成年初预算的93.03%",
     [("claim.completion", "93.03", "93.33")]),
    ("fujian-2024", "完成年初预算的99.53%", "完成年初预算的99.35%", [("claim.completion", "99.35", "99.53")]),
    ("fujian-2024", "占本年支出合计的84.67%", "占本年支出合计的84.76%", [("claim.share", "84.76", "84.67")]),
    ("fujian-2024", "减少60.00万元，下降4.51%", "减少60.00万元，下降4.15%", [("claim.growth", "-4.15", "-4.51")]),
    # 财政拨款收入 A 万元（其中：一般公共预算财政拨款收入 B 万元，政府性基金预算财政拨款收入 C 万元）: the funds' parts
    ("fujian-2024", "政府性基金预算财政拨款收入50.00万元", "政府性基金预算财政拨款收入60.00万元",
     [("identity.parts_over_total", "1300.00", "≥ 1310.00")]),
    # Fujian's 七 is 政府性基金 (三公 is 九): its change is the fund's
    ("fujian-2024", "增加10.00万元，增长25.00%", "增加10.00万元，增长20.00%", [("claim.growth", "20.00", "25.00")]),
    ("fujian-2024", "人员经费860.00万元，占86.00%", "人员经费860.00万元，占87.00%", [("claim.share", "87.00", "86.00")]),
    ("fujian-2024", "减少1.40万元，下降10.00%", "减少1.40万元，下降11.00%", [("claim.growth", "-11.00", "-10.00")]),
    ("fujian-2024", "公务接待费支出决算2.80万元，占22.22%", "公务接待费支出决算2.80万元，占22.32%",
     [("claim.share", "22.32", "22.22")]),
    ("fujian-2024", "减少0.70万元，下降20.00%", "减少0.70万元，下降22.00%", [("claim.growth", "-22.00", "-20.00")]),
    ("fujian-2024", "比上年增加6.00万元，增长5.26%", "比上年增加6.00万元，增长5.62%", [("claim.growth", "5.62", "5.26")]),
    ("fujian-2024", "政府采购货物支出90.00万元", "政府采购货物支出95.00万元", [("identity.procurement", "210.00", "215.00")]),
    ("fujian-2024", "特种专业技术用车2辆", "特种专业技术用车3辆", [("identity.vehicles_by_use", "4", "5")]),
    # 共自评项目 9 个 … 优 7 个、良 3 个: ten graded of nine (before, the count was not understood and nothing added up)
    ("fujian-2024", "优7个、良2个", "优7个、良3个", [("narrative.count_parts", "9", "10")]),
]


MISTAKES += [
    ("henan-2024-county", "收、支总计各减少35.50万元，下降3.35%", "收、支总计各减少35.50万元，下降3.53%",
     [("claim.growth", "-3.53", "-3.35")]),
    ("henan-2024-county", "财政拨款收、支总计各减少10.00万元，下降1.00%", "财政拨款收、支总计各减少10.00万元，下降1.10%",
     [("claim.growth", "-1.10", "-1.00")]),
    # a 项 printed with a colon after （项）
    ("henan-2024-county", "行政运行（项）：年初预算为560.00万元，支出决算为575.00万元", "行政运行（项）：年初预算为560.00万元，支出决算为585.00万元",
     [("identity.category_rollup", "800.00", "810.00"), ("claim.completion", "102.68", "104.46")]),
    ("henan-2024-county", "完成年初预算的100.52%", "完成年初预算的100.25%", [("claim.completion", "100.25", "100.52")]),
    ("henan-2024-county", "完成预算的78.26%", "完成预算的78.62%", [("claim.completion", "78.62", "78.26")]),
    ("henan-2024-county", "增加9.00万元，增长100.00%", "增加9.00万元，增长110.00%", [("claim.growth", "110.00", "100.00")]),
    ("henan-2024-county", "公务用车购置费12.00万元", "公务用车购置费13.00万元", [("identity.three_public_vehicle", "16.50", "17.50")]),
    ("henan-2024-county", "优3个，良1个，中1个", "优3个，良2个，中1个", [("narrative.count_parts", "5", "6")]),
    ("henan-2024-county", "执法执勤用车3辆", "执法执勤用车2辆", [("identity.vehicles_by_use", "4", "3")]),
    ("henan-2024-county", "占授予中小企业合同金额的70.00%", "占授予中小企业合同金额的72.00%", [("claim.share", "72.00", "70.00")]),
    ("henan-2024-county", "增加4.00万元，增长5.26%", "增加4.00万元，增长5.62%", [("claim.growth", "5.62", "5.26")]),
    ("fujian-2024-county", "收、支总计均为685.00万元，比上年增加35.00万元，增长5.38%", "收、支总计均为685.00万元，比上年增加35.00万元，增长5.83%",
     [("claim.growth", "5.83", "5.38")]),
    ("fujian-2024-county", "支出决算数为140.00万元", "支出决算数为145.00万元",
     [("identity.category_rollup", "515.00", "520.00"), ("claim.completion", "93.33", "96.67")]),
    # 公务用车购置及运行维护费 A 万元（其中：公务用车购置费 B 万元，公务用车运行维护费 C 万元）
    ("fujian-2024-county", "公务用车运行维护费4.00万元", "公务用车运行维护费4.50万元", [("identity.three_public_vehicle", "4.00", "4.50")]),
    ("fujian-2024-county", "减少0.60万元，下降10.34%", "减少0.60万元，下降11.34%", [("claim.growth", "-11.34", "-10.34")]),
    ("fujian-2024-county", "减少3.00万元，下降6.25%", "减少3.00万元，下降6.52%", [("claim.growth", "-6.52", "-6.25")]),
    ("fujian-2024-county", "公务用车保有量为2辆", "公务用车保有量为3辆", [("identity.vehicles_owned", "3", "2")]),
    ("fujian-2024-county", "事业收入40.00万元，占6.06%", "事业收入40.00万元，占6.60%", [("claim.share", "6.60", "6.06")]),
]  # fmt: skip


# -- the wording ----------------------------------------------------------------------------------------------------


def test_fiscal_totals_printed_apart_then_changed_together() -> None:
    """Fujian's 四: 财政拨款收入总计、支出总计各减少 D 万元 is a change of 表四's total, as 财政拨款收、支总计 is."""
    text = ("本部门2024年度财政拨款收入总计1,340.00万元，支出总计1,340.00万元。与2023年度相比，财政拨款收入总计、"
            "支出总计各减少60.00万元，下降4.29%。")
    statements = [s for s in parse_text(text, section="四", headings=("四、财政拨款收入支出决算总体情况说明",))
                  if isinstance(s, Amount | Change)]  # fmt: skip
    assert [(type(s).__name__, s.subject.key, str(s.figure)) for s in statements] == [
        ("Amount", "fiscal.total", "1,340.00万元"),
        ("Amount", "fiscal.expenditure_total", "1,340.00万元"),
        ("Change", "fiscal.total", "60.00万元"),
        ("Change", "fiscal.total", "4.29%"),
    ]


def test_the_projects_self_evaluated_counted_after_their_noun() -> None:
    """共自评项目 9 个 counts the projects evaluated, as 共涉及项目 9 个 does; the grades after it are its parts."""
    text = ("本部门组织对2024年度一般公共预算项目支出开展绩效自评，共自评项目9个，涉及资金320.00万元，"
            "占一般公共预算项目支出总额的100%。自评结果为：优7个、良2个。")
    narrative = parse_paragraphs([paragraph("十三、预算绩效管理情况说明"), paragraph(text)])
    assert [(s.subject.key, str(s.figure)) for s in narrative.statements if isinstance(s, Count | Share)] == [
        ("performance.self_evaluation", "9个"),
        ("performance.funds", "100%"),
        ("performance.grade.excellent", "7个"),
        ("performance.grade.good", "2个"),
    ]
    assert narrative.unread == ()


def test_the_projects_reported_and_a_bound_of_their_scores() -> None:
    """…反映甲项目等 3 个项目的绩效自评结果 counts the projects whose results are printed; 得分均在 90 分以上 is a
    bound kept in text, never a project's score."""
    text = "本部门在2024年度部门决算中反映重大病虫害防控项目等3个项目的绩效自评结果，自评综合得分均在90分以上。"
    narrative = parse_paragraphs([paragraph("十三、预算绩效情况说明"), paragraph(text)])
    assert [(s.subject.key, str(s.figure)) for s in narrative.statements if isinstance(s, Count)] == [
        ("performance.reported", "3个")]
    assert narrative.unread == ()
    assert (narrative.coverage.stated, narrative.coverage.in_reasons) == (2, 1)  # 2024年度 and 3 个; 90 in text
    # the projects named in quotes, without 等 (Fujian)
    quoted = parse_paragraphs([paragraph("十三、预算绩效管理情况说明"),
                               paragraph("本部门在2024年度部门决算中反映“渔业资源养护”“水产良种推广”2个项目绩效自评结果。")])
    assert [(s.subject.key, str(s.figure)) for s in quoted.statements if isinstance(s, Count)] == [
        ("performance.reported", "2个")]
    assert quoted.unread == ()


def test_numbers_of_the_reports_are_exact() -> None:
    """The arithmetic the reports rest on (Decimal, rounded half up at the printed places)."""
    def pct(part: str, whole: str) -> Decimal:
        return (Decimal(part) / Decimal(whole) * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    # Henan: 本年收入合计 2600 of 2400 + 180 + 20; 收入、支出总计 2750 against 2500; 五（三） 2420 of 2440
    assert [pct("2400", "2600"), pct("250", "2500"), pct("2420", "2620"), pct("2420", "2440")] == [
        Decimal("92.31"), Decimal("10.00"), Decimal("92.37"), Decimal("99.18")]
    # Fujian: 收入总计 1560 against 1640; 四 1340 against 1400; 三公 12.60 of 15.00, against 14.00
    assert [pct("80", "1640"), pct("60", "1400"), pct("12.60", "15"), pct("1.40", "14")] == [
        Decimal("4.88"), Decimal("4.29"), Decimal("84.00"), Decimal("10.00")]


(imported, test_every_number_is_accounted_for, test_a_consistent_report_checks_clean,
 test_a_wrong_figure_is_found_and_only_it) = province_tests(NAMES, COVERAGE, NOTES, MISTAKES)
