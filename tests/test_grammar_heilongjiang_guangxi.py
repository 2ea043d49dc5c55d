"""The 2024 部门决算 of Heilongjiang and Guangxi: the national template's sections, in each province's wording.

tests/data/regions/heilongjiang-2024.txt and guangxi-2024.txt (a provincial department's) and
heilongjiang-2024-county.txt and guangxi-2024-county.txt (a county's) mirror the layout and wording of published reports
of the two provinces, written in our own words with fictional units and numbers: every total is the sum of its parts
exactly, every share, change and completion rate was computed with Decimal and rounded half up at its printed places.
So ``check`` finds nothing on them above a note on the built-in classification; each is then made inconsistent in one
figure at a time, and the checker must find exactly that figure. (tests/data/years/guangxi-2021.txt and
test_grammar_provinces.py's HEILONGJIANG hold the two provinces' older wording: 较上年 2.40 减少, 差值为, 原因为.)

Heilongjiang prints 收、支总计均为 A and 财政拨款收、支总计均为 A, 其他重要事项 as 十's four subsections, 机关运行经费
against the 年初预算 (比年初预算数减少 D 万元，降低 p%), 授予小微企业合同金额 占授予中小企业合同金额的 p% and each kind's
中小企业 share (货物采购授予中小企业合同金额占货物支出金额的 p%), 其中，一级项目 N 个，二级项目 N 个，共涉及资金 A; its
county 支出决算数为, a 项's reason as 决算数大于年初预算数的原因为, 三公 against last year (比上年 3.60 万元减少 D 万元，
下降了 p%) and against the 年初预算 in a subsection of its own. Guangxi prints 收入总计 A 万元、支出总计 A 万元, 本年收入合计
and 本年支出合计 with their changes, 年初预算数为 / 支出决算数为, 基本支出 A 万元，其中：⏎人员经费 B 万元，占 p% on lines
of their own, each 三公 item 占“三公”经费财政拨款支出决算的 p%, 国内公务接待 N 批次 N 人次（不包括外宾接待）, 从采购类型来看,
共涉及二级项目 N 个，资金 A 万元, 预算执行率 p% and 本部门部门整体支出绩效自评得分; its county 收支总计较上年增加, the
三公 parts with their shares before the 购置费 and 运行维护费 in brackets, and the 政府性基金 of 城乡社区.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from budgetkit.checks.rules.text import doubled_words
from budgetkit.io.grammar import Amount, Count, Share, parse_paragraphs
from budgetkit.io.pdf import Imported
from region_reports import paragraph, province_tests

NAMES = ("heilongjiang-2024", "guangxi-2024", "heilongjiang-2024-county", "guangxi-2024-county")


# -- the whole reports ----------------------------------------------------------------------------------------------

#: (numbers seen, imported, kept in text, read but not held, not understood), as `import --report` prints them.
COVERAGE = {
    # not held: 机关运行经费's change against the 年初预算 (checked as narrative.budget_change), the three 货物/工程/服务
    # 采购授予中小企业 shares (of no whole the account holds), 单位价值50万元以上通用设备, 一级项目 3 个, 二级项目 12 个, the
    # 部门评价's 涉及一般公共预算支出, the project's 自评得分
    "heilongjiang-2024": (159, 132, 17, 10, 0),
    # not held: 二级项目 8 个, 优 7 个, 良 1 个 (added up in text by narrative.count_parts), two 自评得分 (before: (164, 136, 20,
    # 8, 0): 人员经费's 占 87.41% on a line after 其中： of no whole, 资金 900.00 万元 and its 100% 二级项目's, and a false
    # text.doubled_word warning on 本部门部门整体支出)
    "guangxi-2024": (164, 139, 20, 5, 0),
    # not held: 对 3 个, 涉及资金 130.00 万元 without its share
    "heilongjiang-2024-county": (110, 96, 12, 2, 0),
    # not held: 对 4 个, 涉及一般公共预算项目支出 without its share, 优 3 个, 良 1 个 (added up in text)
    "guangxi-2024-county": (119, 104, 11, 4, 0),
}

#: The notes a consistent report gives: the built-in classification does not hold 农业农村's, 农村综合改革's 项.
NOTES = {
    "heilongjiang-2024": ["classification.unknown_name", "classification.generic_name", "classification.unknown_name",
                          "classification.generic_name"],
    "guangxi-2024": ["classification.unknown_name", "classification.generic_name", "classification.unknown_name"],
    "heilongjiang-2024-county": ["classification.unknown_name", "classification.generic_name",
                                 "classification.unknown_name", "classification.unknown_name"],
    "guangxi-2024-county": ["classification.unknown_name", "classification.generic_name", "classification.unknown_name",
                            "classification.unknown_name"],
}  # fmt: skip


def test_the_reports_hold_the_template_s_figures(imported: dict[str, Imported]) -> None:
    """收、支总计均为 is both totals; Guangxi's 人员经费 share is of 六's 基本支出; 三公 against the 年初预算 in its own
    subsection gives each item its budget; the evaluated projects' money is a share of 五 less 六."""
    heilongjiang, guangxi = imported["heilongjiang-2024"].account, imported["guangxi-2024"].account
    assert str(heilongjiang.income.total.current.amount) == str(heilongjiang.expenditure.total.current.amount) == "4200.00"  # type: ignore[union-attr]
    claims = {(c.kind.value, c.subject, c.base, str(c.stated)) for c in guangxi.claims}
    assert ("share", "general_budget.personnel", "general_budget.basic", "87.41") in claims
    # the evaluated projects' 900.00 万元 against 五's total less 六's 基本支出 (2,330.00 − 1,430.00)
    assert ("share", "900.00", "general_budget.project", "100") in claims
    county = imported["heilongjiang-2024-county"].account.three_public
    assert (str(county.total.previous.amount), str(county.vehicle_operation.budget.amount)) == ("3.60", "3.00")  # type: ignore[union-attr]


#: (region, printed, printed instead, the findings check must give: (code, stated, expected))
MISTAKES = [
    ('heilongjiang-2024', '各增加200.00万元，增长5.00%', '各增加200.00万元，增长5.50%', [('claim.growth', '5.50', '5.00')]),
    ('heilongjiang-2024', '财政拨款收入3,600.00万元，占92.31%', '财政拨款收入3,600.00万元，占92.13%', [('claim.share', '92.13', '92.31')]),
    ('heilongjiang-2024', '事业收入250.00万元', '事业收入260.00万元', [('identity.parts_over_total', '3900.00', '≥ 3910.00'), ('claim.share', '6.41', '6.67')]),
    ('heilongjiang-2024', '项目支出1,450.00万元，占36.71%', '项目支出1,450.00万元，占36.17%', [('claim.share', '36.17', '36.71')]),
    ('heilongjiang-2024', '各增加150.00万元，增长4.11%', '各增加150.00万元，增长4.01%', [('claim.growth', '4.01', '4.11')]),
    ('heilongjiang-2024', '占本年支出合计的91.65%', '占本年支出合计的91.56%', [('claim.share', '91.56', '91.65')]),
    ('heilongjiang-2024', '增加120.00万元，增长3.43%', '增加120.00万元，增长3.34%', [('claim.growth', '3.34', '3.43')]),
    ('heilongjiang-2024', '卫生健康支出（类）130.00万元，占3.59%', '卫生健康支出（类）130.00万元，占3.95%', [('claim.share', '3.95', '3.59')]),
    ('heilongjiang-2024', '完成年初预算的97.84%', '完成年初预算的98.74%', [('claim.completion', '98.74', '97.84')]),
    ('heilongjiang-2024', '支出决算为1,050.00万元', '支出决算为1,060.00万元', [('identity.category_rollup', '3000.00', '3010.00'), ('claim.completion', '95.45', '96.36')]),
    ('heilongjiang-2024', '完成年初预算的121.43%', '完成年初预算的124.13%', [('claim.completion', '124.13', '121.43')]),
    ('heilongjiang-2024', '人员经费2,050.00万元，占基本支出的85.42%', '人员经费2,050.00万元，占基本支出的84.52%', [('claim.share', '84.52', '85.42')]),
    ('heilongjiang-2024', '公用经费350.00万元', '公用经费360.00万元', [('identity.basic_split', '2400.00', '2410.00'), ('claim.share', '14.58', '15.00')]),
    ('heilongjiang-2024', '完成预算的83.33%，较上年减少2.00万元，下降6.25%', '完成预算的88.33%，较上年减少2.00万元，下降6.25%', [('claim.completion', '88.33', '83.33')]),
    ('heilongjiang-2024', '较上年减少2.00万元，下降6.25%', '较上年减少2.00万元，下降6.52%', [('claim.growth', '-6.52', '-6.25')]),
    ('heilongjiang-2024', '公务接待费支出决算8.00万元，占26.67%', '公务接待费支出决算8.00万元，占26.76%', [('claim.share', '26.76', '26.67')]),
    ('heilongjiang-2024', '公务用车运行维护费22.00万元', '公务用车运行维护费23.00万元', [('identity.three_public_vehicle', '22.00', '23.00')]),
    ('heilongjiang-2024', '比年初预算数减少15.00万元，降低4.62%', '比年初预算数减少15.00万元，降低4.26%', [('narrative.budget_change', '-4.26', '-4.62')]),
    ('heilongjiang-2024', '政府采购工程支出100.00万元', '政府采购工程支出110.00万元', [('identity.procurement', '520.00', '530.00')]),
    ('heilongjiang-2024', '占授予中小企业合同金额的66.67%', '占授予中小企业合同金额的60.00%', [('claim.share', '60.00', '66.67')]),
    ('heilongjiang-2024', '特种专业技术用车2辆', '特种专业技术用车3辆', [('identity.vehicles_by_use', '5', '6')]),
    ('heilongjiang-2024', '执行数为300.00万元，完成预算的93.75%', '执行数为300.00万元，完成预算的95.75%', [('claim.completion', '95.75', '93.75')]),
    ('guangxi-2024', '各减少150.00万元，下降5.36%', '各减少150.00万元，下降5.63%', [('claim.growth', '-5.63', '-5.36')]),
    ('guangxi-2024', '比上年减少100.00万元，下降3.85%', '比上年减少100.00万元，下降3.58%', [('claim.growth', '-3.58', '-3.85')]),
    ('guangxi-2024', '其他收入50.00万元', '其他收入60.00万元', [('identity.parts_over_total', '2500.00', '≥ 2510.00'), ('claim.share', '2.00', '2.40')]),
    ('guangxi-2024', '比上年减少30.00万元，下降1.18%', '比上年减少30.00万元，下降1.81%', [('claim.growth', '-1.81', '-1.18')]),
    ('guangxi-2024', '项目支出1,000.00万元，占本年支出合计的39.68%', '项目支出1,000.00万元，占本年支出合计的39.86%', [('claim.share', '39.86', '39.68')]),
    ('guangxi-2024', '各减少130.00万元，下降5.10%', '各减少130.00万元，下降5.01%', [('claim.growth', '-5.01', '-5.10')]),
    ('guangxi-2024', '减少70.00万元，下降2.92%', '减少70.00万元，下降2.29%', [('claim.growth', '-2.29', '-2.92')]),
    ('guangxi-2024', '社会保障和就业支出230.00万元，占9.87%', '社会保障和就业支出230.00万元，占9.78%', [('claim.share', '9.78', '9.87')]),
    ('guangxi-2024', '完成年初预算的95.30%', '完成年初预算的93.50%', [('claim.completion', '93.50', '95.30')]),
    ('guangxi-2024', '完成年初预算的88.89%', '完成年初预算的89.88%', [('claim.completion', '89.88', '88.89')]),
    ('guangxi-2024', '人员经费1,250.00万元，占87.41%', '人员经费1,250.00万元，占87.14%', [('claim.share', '87.14', '87.41')]),
    ('guangxi-2024', '公用经费180.00万元', '公用经费190.00万元', [('identity.basic_split', '1430.00', '1440.00')]),
    ('guangxi-2024', '支出决算为15.60万元，完成预算的78.00%', '支出决算为15.60万元，完成预算的87.00%', [('claim.completion', '87.00', '78.00')]),
    ('guangxi-2024', '较上年减少1.40万元，下降8.24%', '较上年减少1.40万元，下降8.42%', [('claim.growth', '-8.42', '-8.24')]),
    ('guangxi-2024', '完成预算的82.86%', '完成预算的82.68%', [('claim.completion', '82.68', '82.86')]),
    ('guangxi-2024', '占“三公”经费财政拨款支出决算的25.64%', '占“三公”经费财政拨款支出决算的26.54%', [('claim.share', '26.54', '25.64')]),
    ('guangxi-2024', '比2023年度减少12.00万元，降低6.42%', '比2023年度减少12.00万元，降低6.24%', [('claim.growth', '-6.24', '-6.42')]),
    ('guangxi-2024', '政府采购服务支出150.00万元', '政府采购服务支出160.00万元', [('identity.procurement', '310.00', '320.00')]),
    ('guangxi-2024', '授予小微企业合同金额186.00万元，占政府采购支出总额的60.00%', '授予小微企业合同金额186.00万元，占政府采购支出总额的66.00%', [('claim.share', '66.00', '60.00')]),
    ('guangxi-2024', '共涉及二级项目8个，资金900.00万元', '共涉及二级项目8个，资金990.00万元', [('claim.share', '100', '110')]),
    ('guangxi-2024', '优7个，良1个', '优7个，良2个', [('narrative.count_parts', '8', '9')]),
    ('guangxi-2024', '预算执行率94.00%', '预算执行率95.00%', [('claim.completion', '95.00', '94.00')]),
    ('guangxi-2024-county', '优3个，良1个', '优3个，良2个', [('narrative.count_parts', '4', '5')]),
    ('heilongjiang-2024-county', '增加20.00万元，增长3.33%，主要原因是村干部报酬标准提高。\n二', '增加20.00万元，增长3.53%，主要原因是村干部报酬标准提高。\n二', [('claim.growth', '3.53', '3.33')]),
    ('heilongjiang-2024-county', '年末结转和结余10.00万元', '年末结转和结余20.00万元', [('identity.parts_over_total', '620.00', '≥ 630.00')]),
    ('heilongjiang-2024-county', '基本支出480.00万元，占78.69%', '基本支出480.00万元，占78.96%', [('claim.share', '78.96', '78.69')]),
    ('heilongjiang-2024-county', '农林水支出130.00万元，占21.31%', '农林水支出130.00万元，占21.13%', [('claim.share', '21.13', '21.31')]),
    ('heilongjiang-2024-county', '完成年初预算的101.67%', '完成年初预算的101.76%', [('claim.completion', '101.76', '101.67')]),
    ('heilongjiang-2024-county', '完成年初预算的133.33%', '完成年初预算的133.00%', [('claim.completion', '133.00', '133.33')]),
    ('heilongjiang-2024-county', '比上年3.60万元减少0.40万元，下降了11.11%', '比上年3.60万元减少0.40万元，下降了11.41%', [('claim.growth', '-11.41', '-11.11')]),
    ('heilongjiang-2024-county', '公务接待费支出0.80万元，占“三公”经费的25.00%', '公务接待费支出0.80万元，占“三公”经费的20.00%', [('claim.share', '20.00', '25.00')]),
    ('heilongjiang-2024-county', '年初预算为4.00万元，完成年初预算的80.00%', '年初预算为4.00万元，完成年初预算的88.00%', [('claim.completion', '88.00', '80.00')]),
    ('heilongjiang-2024-county', '比上年增加2.00万元，增长4.17%', '比上年增加2.00万元，增长4.71%', [('claim.growth', '4.71', '4.17')]),
    ('guangxi-2024-county', '收支总计较上年增加80.00万元，增长10.00%', '收支总计较上年增加80.00万元，增长11.00%', [('claim.growth', '11.00', '10.00')]),
    ('guangxi-2024-county', '政府性基金预算财政拨款收入70.00万元，占8.24%', '政府性基金预算财政拨款收入70.00万元，占8.42%', [('claim.share', '8.42', '8.24')]),
    ('guangxi-2024-county', '占本年支出合计的91.86%', '占本年支出合计的91.68%', [('claim.share', '91.68', '91.86')]),
    ('guangxi-2024-county', '农林水支出150.00万元，占18.99%', '农林水支出150.00万元，占19.99%', [('claim.share', '19.99', '18.99')]),
    ('guangxi-2024-county', '完成年初预算的107.14%', '完成年初预算的107.41%', [('claim.completion', '107.41', '107.14')]),
    ('guangxi-2024-county', '增加10.00万元，增长16.67%', '增加10.00万元，增长16.76%', [('claim.growth', '16.76', '16.67')]),
    ('guangxi-2024-county', '比上年减少0.40万元，下降6.67%', '比上年减少0.40万元，下降7.67%', [('claim.growth', '-7.67', '-6.67')]),
    ('guangxi-2024-county', '公务用车运行维护费4.20万元', '公务用车运行维护费4.50万元', [('identity.three_public_vehicle', '4.20', '4.50')]),
    ('guangxi-2024-county', '政府采购服务支出20.00万元', '政府采购服务支出25.00万元', [('identity.parts_over_total', '45.00', '≥ 50.00')]),
    ('guangxi-2024-county', '执法执勤用车1辆', '执法执勤用车2辆', [('identity.vehicles_by_use', '2', '3')]),
]  # fmt: skip


def test_each_report_has_its_slips() -> None:
    """At least twenty one-figure slips of each provincial report and eight of each county's are found."""
    for name in NAMES:
        assert sum(m[0] == name for m in MISTAKES) >= (8 if name.endswith("county") else 20)


# -- the wording ----------------------------------------------------------------------------------------------------


def test_this_department_s_部门整体支出_is_no_doubled_word() -> None:
    """本部门部门整体支出绩效自评得分 is 本部门 + 部门整体支出 (before: text.doubled_word warned on 部门部门); a 部门部门
    not after 本/该/我/各, or not before a term of 部门, is still a slip."""
    assert doubled_words("本部门部门整体支出绩效自评得分92分，该单位单位决算公开。") == []
    assert doubled_words("部门部门整体支出绩效自评得分92分，本部门部门领导。") == ["部门部门", "部门部门"]


def test_parts_on_lines_after_其中_take_its_whole() -> None:
    """基本支出 A 万元，其中：⏎人员经费 B 万元，占 p%。⏎公用经费…: the parts printed as paragraphs of their own, not
    numbered, are of the whole before 其中 (before: 占 p% was of no whole, read but not held); a heading ends them."""
    narrative = parse_paragraphs([
        paragraph("六、一般公共预算财政拨款基本支出决算情况说明"),
        paragraph("2024年度一般公共预算财政拨款基本支出1,430.00万元，其中："),
        paragraph("人员经费1,250.00万元，占87.41%，主要包括：基本工资。"),
        paragraph("公用经费180.00万元，占12.59%，主要包括：办公费。"),
        paragraph("七、其他重要事项的情况说明"),
        paragraph("机关运行经费175.00万元，占10.00%。"),
    ])  # fmt: skip
    shares = [(s.subject.key, s.of.key if s.of else None) for s in narrative.statements if isinstance(s, Share)]
    assert shares == [("personnel", "general_budget.basic"), ("public_use", "general_budget.basic"),
                      ("office_running", None)]  # fmt: skip


def test_the_money_after_the_level_projects_is_the_evaluated_projects() -> None:
    """共涉及二级项目 8 个，资金 900.00 万元，占一般公共预算项目支出总额的 100%: the money is the evaluated projects' (before:
    二级项目's, an amount and a share no field holds), and the grades add up to the 二级项目 counted."""
    text = ("根据预算绩效管理要求，本部门组织对2024年度一般公共预算项目支出全面开展绩效自评，共涉及二级项目8个，资金900.00万元，"
            "占一般公共预算项目支出总额的100%。自评结果显示，优7个，良1个。")
    narrative = parse_paragraphs([paragraph("十、其他重要事项的情况说明"), paragraph("（四）预算绩效管理情况"), paragraph(text)])
    assert [(s.subject.key, str(s.figure)) for s in narrative.statements if isinstance(s, Amount | Count | Share)][:3] == [
        ("performance.level_projects", "8个"), ("performance.funds", "900.00万元"), ("performance.funds", "100%")]


def test_numbers_of_the_reports_are_exact() -> None:
    """The arithmetic the reports rest on (Decimal, rounded half up at the printed places)."""
    def pct(part: str, whole: str) -> Decimal:
        return (Decimal(part) / Decimal(whole) * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    # Heilongjiang: 收、支总计 4200 against 4000; 一般公共预算 3620 of 3950 and of its budget 3700; 三公 30 of 36; 小微 312
    # of 中小企业 468
    assert [pct("200", "4000"), pct("3620", "3950"), pct("3620", "3700"), pct("30", "36"), pct("312", "468")] == [
        Decimal("5.00"), Decimal("91.65"), Decimal("97.84"), Decimal("83.33"), Decimal("66.67")]
    # Guangxi: 收、支总计 2650 against 2800; 人员经费 1250 of 1430; 三公 15.60 against 17.00; 1000 + 1520 = 2520
    assert Decimal("1000") + Decimal("1520") == Decimal("2520")
    assert [pct("-150", "2800"), pct("1250", "1430"), pct("-1.40", "17"), pct("11.60", "15.60")] == [
        Decimal("-5.36"), Decimal("87.41"), Decimal("-8.24"), Decimal("74.36")]


(imported, test_every_number_is_accounted_for, test_a_consistent_report_checks_clean,
 test_a_wrong_figure_is_found_and_only_it) = province_tests(NAMES, COVERAGE, NOTES, MISTAKES)
