"""Tests for budgetkit.datasets: the seed report 自贡市人力资源服务中心 2023年度决算说明, as transcribed.

Every expected value below is read from the published report
(/work/shared/seeds/000_ad8dd908a3134475.txt), not from the dataset file.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetkit import datasets
from budgetkit.errors import LoadError
from budgetkit.model.account import FinalAccount, UnitType
from budgetkit.model.category import CategoryLevel
from budgetkit.model.claim import Claim, ClaimKind, resolve
from budgetkit.model.indicator import Operator
from budgetkit.model.project import FundSource, ProjectKind
from budgetkit.values.money import Money
from budgetkit.values.numbers import to_decimal


@pytest.fixture(scope="module")
def acc() -> FinalAccount:
    """The built-in seed account."""
    return datasets.load("zigong-hr-2023")


def _digits(money: Money | None) -> str:
    assert money is not None
    return str(money.amount)


def _claims(acc: FinalAccount, kind: str, subject: str) -> list[Claim]:
    return [c for c in acc.claims if c.kind is ClaimKind(kind) and c.subject == subject]


# -- the dataset registry ------------------------------------------------------------


def test_names_lists_the_seed() -> None:
    """datasets.names() lists the built-in dataset."""
    assert "zigong-hr-2023" in datasets.names()


def test_unknown_dataset_is_a_load_error_naming_the_known_ones() -> None:
    """Asking for a dataset that does not exist raises LoadError listing the known names."""
    with pytest.raises(LoadError) as caught:
        datasets.load("zigong-hr-2032")
    error = caught.value
    assert error.source == "zigong-hr-2032"
    assert "no built-in dataset named 'zigong-hr-2032'" in error.issues[0].message
    assert "zigong-hr-2023" in error.issues[0].message


def test_each_load_gives_an_equal_account() -> None:
    """Loading the dataset twice gives equal accounts."""
    assert datasets.load("zigong-hr-2023") == datasets.load("zigong-hr-2023")


# -- 第一部分 单位概况 -------------------------------------------------------------------


def test_unit_year_and_type(acc: FinalAccount) -> None:
    """The unit is 自贡市人力资源服务中心, 2023, a 公益一类事业单位 (no 机关运行经费 rule)."""
    assert acc.unit == "自贡市人力资源服务中心"
    assert acc.year == 2023
    assert acc.previous_year == 2022
    assert acc.unit_type is UnitType.PUBLIC_WELFARE_1
    assert not acc.unit_type.reports_operating_costs
    assert acc.duties.startswith("主要职能为参与全市人力资源市场发展规划的拟定")
    assert "内设8个科室" in acc.organisation


# -- 一、二、三 收入支出 ----------------------------------------------------------------


def test_income_and_expenditure_totals(acc: FinalAccount) -> None:
    """收入总计 and 支出总计 are 1054.90 against 988.88 in 2022 (增加66.02万元，增长6.68%)."""
    for figure in (acc.income.total, acc.expenditure.total):
        assert _digits(figure.current) == "1054.90"
        assert _digits(figure.previous) == "988.88"
        change = figure.change()
        assert change is not None
        assert change.describe() == "增加66.02万元，增长6.68%"


def test_income_sources(acc: FinalAccount) -> None:
    """本年收入合计 1025.98 is all 一般公共预算财政拨款; the seven other sources print 0."""
    assert _digits(acc.income.year_total.current) == "1025.98"
    assert [_digits(f.current) for f in acc.income.sources()] == ["1025.98"] + ["0"] * 7
    assert acc.income.general_budget.share_of(acc.income.year_total).format(0) == "100%"


def test_balances_not_printed_are_unknown(acc: FinalAccount) -> None:
    """年初结转和结余, 年末结转和结余 and 一般公共预算项目支出 are not printed, so they are None, not 0."""
    assert acc.income.opening_balance.current is None
    assert acc.income.non_fiscal_balance_used.current is None
    assert acc.expenditure.closing_balance.current is None
    assert acc.general_budget.project.current is None
    assert acc.income.total.budget is None


def test_expenditure_parts(acc: FinalAccount) -> None:
    """本年支出合计 1044.65: 基本支出 551.03 (52.75%), 项目支出 493.62 (47.25%), three parts of 0."""
    exp = acc.expenditure
    assert _digits(exp.year_total.current) == "1044.65"
    assert [_digits(f.current) for f in exp.parts()] == ["551.03", "493.62", "0", "0", "0"]
    assert exp.basic.share_of(exp.year_total).format() == "52.75%"
    assert exp.project.share_of(exp.year_total).format() == "47.25%"


# -- 四、五、六 财政拨款 --------------------------------------------------------------


def test_fiscal_totals(acc: FinalAccount) -> None:
    """财政拨款收、支总计 1025.98 against 954.70 (年增加71.28万元，增长7.47%), digits as printed."""
    for figure in (acc.fiscal.total, acc.general_budget.total):
        assert _digits(figure.current) == "1025.98"
        assert _digits(figure.previous) == "954.70"
        change = figure.change()
        assert change is not None
        assert change.describe() == "增加71.28万元，增长7.47%"
    assert acc.fiscal.government_fund.expenditure.current == Money(0)
    assert acc.fiscal.state_capital.expenditure.current == Money(0)


def test_general_budget_basic_personnel_and_public_use(acc: FinalAccount) -> None:
    """基本支出 551.03 = 人员经费 497.24 + 公用经费 53.79, with their printed economic items."""
    gb = acc.general_budget
    assert _digits(gb.basic.current) == "551.03"
    assert _digits(gb.personnel.current) == "497.24"
    assert _digits(gb.public_use.current) == "53.79"
    assert gb.personnel.current + gb.public_use.current == gb.basic.current  # type: ignore[operator]
    assert len(gb.personnel_items) == 13
    assert gb.personnel_items[0] == "基本工资"
    assert gb.personnel_items[-1] == "其他对个人和家庭的补助支出"
    assert len(gb.public_use_items) == 28
    assert "因公出国（境）费用" in gb.public_use_items
    assert gb.public_use_items[-1] == "其他资本性支出"


def test_class_lines_with_their_shares(acc: FinalAccount) -> None:
    """The seven 类 of 五（二）, in printed order, with actuals 0,0,0,0,980,18.93,27.05 (27.05 is 2.64%, printed 2.63%)."""
    classes = acc.general_budget.categories
    assert [(c.level, c.name, _digits(c.actual)) for c in classes] == [
        (CategoryLevel.CLASS, "一般公共服务支出", "0"),
        (CategoryLevel.CLASS, "教育支出", "0"),
        (CategoryLevel.CLASS, "科学技术支出", "0"),
        (CategoryLevel.CLASS, "文化旅游体育与传媒支出", "0"),
        (CategoryLevel.CLASS, "社会保障和就业支出", "980"),
        (CategoryLevel.CLASS, "卫生健康支出", "18.93"),
        (CategoryLevel.CLASS, "住房保障支出", "27.05"),
    ]
    total = acc.general_budget.total
    shares = [(c.actual / total.current).format() for c in classes[4:]]  # type: ignore[operator]
    assert shares == ["95.52%", "1.85%", "2.64%"]  # the report prints 2.63% so that the shares sum to 100%
    assert all(c.code is None for c in acc.general_budget.lines())  # the report prints no codes


def test_item_lines_with_their_printed_paths(acc: FinalAccount) -> None:
    """The eight 项 of 五（三） hang under their printed 类 and 款, with amounts and printed lines."""
    items = [line for line in acc.general_budget.lines() if line.level is CategoryLevel.ITEM]
    assert [(i.name, _digits(i.actual)) for i in items] == [
        ("事业运行", "426.43"),
        ("其他人力资源和社会保障管理事务支出", "100.39"),
        ("其他就业补助支出", "374.56"),
        ("事业单位离退休", "4.41"),
        ("机关事业单位基本养老保险缴费支出", "49.47"),
        ("机关事业单位职业年金缴费支出", "24.74"),
        ("事业单位医疗", "18.93"),
        ("住房公积金", "27.05"),
    ]
    first = items[0]
    assert first.printed == "社会保障和就业支出（类）人力资源和社会保障管理事务（款）事业运行（项）"
    assert first.use.startswith("主要用于保障劳动技能鉴定、大学生就业创业")
    social = acc.general_budget.categories[4]
    assert [(s.name, len(s.children)) for s in social.children] == [
        ("人力资源和社会保障管理事务", 4),
        ("行政事业单位离退休", 2),
    ]


def test_class_named_differently_keeps_section_name_and_item_keeps_its_line(acc: FinalAccount) -> None:
    """卫生健康支出 (五（二）) keeps that name; its 项 keeps the printed 医疗卫生和计划生育支出（类）… line."""
    health = resolve(acc, "general_budget.categories[卫生健康支出]")
    item = health.children[0].children[0]
    assert (health.children[0].name, item.name) == ("行政事业单位医疗", "事业单位医疗")
    assert item.printed == "医疗卫生和计划生育支出（类）行政事业单位医疗（款）事业单位医疗（项）"


def test_item_lines_roll_up_to_their_class(acc: FinalAccount) -> None:
    """The 项 under 社会保障和就业支出 add up to its printed 980; 款 lines carry no printed amount."""
    social = acc.general_budget.categories[4]
    assert social.rolled_up() == Money("980")
    assert all(section.actual is None for section in social.children)
    assert acc.general_budget.categories[6].rolled_up() == Money("27.05")


# -- 七 “三公”经费 ----------------------------------------------------------------------


def test_three_public_figures_keep_printed_digits(acc: FinalAccount) -> None:
    """“三公” 2.80 = 出国 0 + 公务用车 2.00 + 接待 0.8, 运行维护 1.99, each with the places it was printed with."""
    tp = acc.three_public
    assert [_digits(f.current) for f in (tp.total, tp.outbound, tp.vehicle, tp.reception)] == [
        "2.80",
        "0",
        "2.00",
        "0.8",
    ]
    assert _digits(tp.vehicle_purchase.current) == "0"
    assert _digits(tp.vehicle_operation.current) == "1.99"
    assert _digits(tp.reception_domestic.current) == "0.8"
    assert _digits(tp.reception_foreign.current) == "0"
    assert tp.outbound.current + tp.vehicle.current + tp.reception.current == tp.total.current  # type: ignore[operator]
    assert tp.vehicle.share_of(tp.total).format() == "71.43%"
    assert tp.reception.share_of(tp.total).format() == "28.57%"


def test_three_public_counts(acc: FinalAccount) -> None:
    """No trips abroad, no cars bought, one 轿车 owned, no foreign receptions."""
    tp = acc.three_public
    assert (tp.outbound_groups, tp.outbound_persons, tp.vehicles_purchased, tp.vehicles_owned) == (0, 0, 0, 1)
    assert tp.vehicles_owned_by_type == (("轿车", 1), ("越野车", 0), ("载客汽车", 0))
    assert (tp.foreign_batches, tp.foreign_persons) == (0, 0)


def test_reception_events(acc: FinalAccount) -> None:
    """Eight 公务接待 events: 50 persons and 8000.00 元, which is the printed 0.8万元."""
    events = acc.three_public.events
    assert [e.date for e in events] == [
        "2023-02-10",
        "2023-05-09",
        "2023-05-25",
        "2023-06-14",
        "2023-10-10",
        "2023-10-20",
        "2023-10-30",
        "2023-12-06",
    ]
    assert [e.persons for e in events] == [4, 4, 14, 6, 3, 4, 7, 8]
    assert sum(e.persons for e in events) == 50
    assert [str(e.cost_yuan.amount) for e in events] == [
        "770",
        "760",
        "1926",
        "980",
        "599.79",
        "765",
        "1100",
        "1099.21",
    ]
    assert sum((e.cost_yuan.amount for e in events), Decimal(0)) == Decimal("8000.00")
    assert Money.sum(e.cost for e in events) == Money("0.8")
    assert events[0].party == "西华大学专家"
    assert events[4].cost == Money("0.059979")


# -- 十 其他重要事项 --------------------------------------------------------------------


def test_operating_costs_procurement_and_assets(acc: FinalAccount) -> None:
    """机关运行经费 0; 采购 8.36 = 货物 7.37 + 工程 0 + 服务 0.99, all to 小微企业; one vehicle, no large equipment."""
    assert _digits(acc.operating_costs.current) == "0"
    pr = acc.procurement
    assert [_digits(f.current) for f in (pr.total, pr.goods, pr.works, pr.services, pr.sme, pr.small_micro)] == [
        "8.36",
        "7.37",
        "0",
        "0.99",
        "8.36",
        "8.36",
    ]
    assert pr.goods.current + pr.works.current + pr.services.current == pr.total.current  # type: ignore[operator]
    assert acc.assets.vehicles == 1
    assert acc.assets.vehicles_by_use == (
        ("主要领导干部用车", 0),
        ("机要通信用车", 1),
        ("应急保障用车", 0),
        ("其他用车", 0),
    )
    assert acc.assets.large_equipment == 0


# -- projects -------------------------------------------------------------------------

PROJECTS = [
    # code, kind, number of indicators, 年初预算 → 调整后预算 → 执行数, 合计 weight and score
    ("51030022T000000326059", ProjectKind.SPECIFIC, 6, ("40.88", "33.19", "33.19"), "100", "98"),
    ("51030022T000006691363", ProjectKind.SPECIFIC, 6, ("0.00", "35.19", "35.19"), "100", "98"),
    ("51030022T000006696080", ProjectKind.SPECIFIC, 5, ("0.00", "0.75", "0.75"), "100", "98"),
    ("市人力资源服务中心档案专项", ProjectKind.OTHER_OPERATING, 5, ("12.00", "11.30", "11.30"), "100", "91"),
    ("51030023T000008349584", ProjectKind.SPECIFIC, 5, ("93.00", "105.45", "105.45"), "90", "98"),
    ("51030023T000008349602", ProjectKind.SPECIFIC, 9, ("269.00", "268.36", "268.36"), "100", "91"),
    ("51030023T000008352755", ProjectKind.SPECIFIC, 6, ("20.80", "20.71", "20.71"), "100", "99"),
]


def test_nine_projects_seven_evaluated(acc: FinalAccount) -> None:
    """Seven self-evaluation tables plus the narrative-only 人员类 and 公用经费 projects."""
    assert len(acc.projects) == 9
    assert [p.label for p in acc.evaluated_projects] == [row[0] for row in PROJECTS]
    unevaluated = [p for p in acc.projects if not p.evaluated]
    assert [(p.name, p.kind) for p in unevaluated] == [
        ("人员类项目", ProjectKind.PERSONNEL),
        ("公用经费项目", ProjectKind.PUBLIC_USE),
    ]
    assert all(p.indicators == () for p in unevaluated)


def test_the_archive_project_has_no_code(acc: FinalAccount) -> None:
    """档案专项's table prints no project code, so it is named by its name."""
    archive = acc.project("市人力资源服务中心档案专项")
    assert archive.code is None
    assert archive.label == "市人力资源服务中心档案专项"
    assert [p.code is None for p in acc.projects].count(True) == 3  # 档案专项, 人员类, 公用经费


@pytest.mark.parametrize(("label", "kind", "count", "grid", "weight_total", "total"), PROJECTS)
def test_project_tables(
    acc: FinalAccount,
    label: str,
    kind: ProjectKind,
    count: int,
    grid: tuple[str, str, str],
    weight_total: str,
    total: str,
) -> None:
    """Each evaluated table: its kind, indicator count, 总额 grid, 执行率 100.00% and 合计 row as printed."""
    project = acc.project(label)
    assert project.kind is kind
    assert len(project.indicators) == count
    line = project.funds.total
    assert (_digits(line.initial), _digits(line.adjusted), _digits(line.executed)) == grid
    assert str(line.stated_rate) == "100.00"
    assert project.execution_rate.format() == "100.00%"
    assert (str(project.execution_weight), str(project.execution_score)) == ("10", "10")
    assert (str(project.stated_weight_total), str(project.stated_total)) == (weight_total, total)
    assert project.department == "自贡市人力资源和社会保障局部门"
    assert project.implementer == "自贡市人力资源服务中心"
    assert project.finance_officer == "张炯"


def test_money_grid_of_the_industrial_park_project(acc: FinalAccount) -> None:
    """51030022T000000326059: 40.88 → 33.19 → 33.19 in 总额 and 财政资金, 0.00 elsewhere, 其他资金 blank."""
    project = acc.project("51030022T000000326059")
    assert project.name == "市人力资源服务中心自贡人力资源服务产业园工程建设"
    grid = project.funds
    assert [line.source for line in grid.lines] == list(FundSource)[:5]  # the Sichuan rows (the central 附件1 rows follow)
    fiscal = grid.line("其中：财政资金")
    assert fiscal is not None
    assert (_digits(fiscal.initial), _digits(fiscal.adjusted), _digits(fiscal.executed)) == ("40.88", "33.19", "33.19")
    special = grid.line(FundSource.SPECIAL_ACCOUNT)
    assert special is not None and _digits(special.executed) == "0.00" and str(special.stated_rate) == "0.00"
    assert special.execution_rate.is_undefined  # 0.00 / 0.00 is not 0%
    other = grid.line(FundSource.OTHER)
    assert other is not None
    assert (other.initial, other.adjusted, other.executed, other.stated_rate) == (None, None, None, None)
    assert project.budget_adjusted
    assert (project.leader, project.finance_officer) == ("陈益海", "张炯")


def test_narrative_projects_grids(acc: FinalAccount) -> None:
    """人员类 462.87 → 511.71 → 511.71 and 公用经费 48.03 → 39.32 → 39.32, rate printed as 100."""
    for name, grid in (("人员类项目", ("462.87", "511.71", "511.71")), ("公用经费项目", ("48.03", "39.32", "39.32"))):
        line = acc.project(name).funds.total
        assert (_digits(line.initial), _digits(line.adjusted), _digits(line.executed)) == grid
        assert str(line.stated_rate) == "100"
        assert acc.project(name).funds.parts == ()


def test_indicators_of_the_industrial_park_project(acc: FinalAccount) -> None:
    """The first table's six rows, with the full-width ＝ read as EQUAL and 度量单位 as printed."""
    rows = acc.project("51030022T000000326059").indicators
    assert [(i.level3, i.operator, i.target, i.unit, i.actual, str(i.weight), str(i.stated_score)) for i in rows] == [
        ("装修办公室面积", Operator.AT_LEAST, "2000", "平方米", "3000", "15", "15"),
        ("修建电梯基础设施", Operator.EQUAL, "2", "个", "2", "15", "14"),
        ("办公室装修验收合格率", Operator.AT_LEAST, "96", "%", "98", "15", "15"),
        ("办公室装修项目按期完成率", Operator.AT_LEAST, "100", "%", "100", "15", "15"),
        ("办公室使用年限", Operator.AT_LEAST, "8", "年", "8", "21", "21"),
        ("人力资源服务对象满意度", Operator.AT_LEAST, "98", "%", "98", "9", "8"),
    ]
    assert [(i.level1, i.level2) for i in rows][1] == ("产出指标", "数量指标")  # merged cells filled in
    assert rows[-1].level1 == "满意度指标"


def test_operators_across_the_tables(acc: FinalAccount) -> None:
    """Every table row's operator parses: ≥ mostly, ＝ twice, ≤ four times, 定性 twice."""
    operators = [i.operator for p in acc.projects for i in p.indicators]
    assert len(operators) == 42
    assert operators.count(Operator.EQUAL) == 2
    assert operators.count(Operator.AT_MOST) == 4
    assert operators.count(Operator.QUALITATIVE) == 2
    assert operators.count(Operator.AT_LEAST) == 34


def test_blank_actual_is_missing_not_zero(acc: FinalAccount) -> None:
    """档案专项's 满意度 row has a blank 完成值: None and missing, yet its 得分 9 is kept."""
    row = acc.project("市人力资源服务中心档案专项").indicators[-1]
    assert row.level3 == "人力资源服务对象满意度"
    assert row.actual is None
    assert row.is_missing_actual
    assert row.actual_value is None
    assert row.completion().is_undefined
    assert (str(row.weight), str(row.stated_score)) == ("9", "9")
    others = [i for p in acc.projects for i in p.indicators if i is not row]
    assert all(i.actual is not None for i in others)


def test_qualitative_rows_keep_their_text(acc: FinalAccount) -> None:
    """The 定性 rows keep text targets: 好坏 → 好, and 11月底前 → 11月底前, with no number."""
    rows = [i for p in acc.projects for i in p.indicators if i.is_qualitative]
    assert [(i.level3, i.target, i.actual, i.unit) for i in rows] == [
        ("群众获得感、幸福感", "好坏", "好", ""),
        ("完成举办技能大赛时间", "11月底前", "11月底前", ""),
    ]
    assert all(i.target_value is None and i.actual_value is None for i in rows)


def test_indicator_reasons_and_units(acc: FinalAccount) -> None:
    """未完成原因 cells are kept verbatim; the 点击量 row is 50 万 against 79 万 (793100 次 in the text)."""
    archive_growth = acc.project("市人力资源服务中心档案专项").indicators[0]
    assert (archive_growth.target, archive_growth.actual, str(archive_growth.stated_score)) == ("2700", "1549", "11")
    assert archive_growth.reason == "档案室容量限制，新进档案按秘籍归属原则进行分流。"
    clicks = acc.project("51030022T000006696080").indicators[1]
    assert (clicks.level3, clicks.target, clicks.unit, clicks.actual) == ("人才网站点击量", "50", "万", "79")
    assert clicks.actual_quantity.to("次").magnitude == 790000
    site = acc.project("51030023T000008349602").indicators[1]
    assert (site.level3, site.actual, str(site.stated_score)) == ("产业园网站建设", "0", "0")
    assert site.actual_value == 0 and not site.is_missing_actual


def test_skills_table_weight_total_is_transcribed_as_printed(acc: FinalAccount) -> None:
    """技能人才培养 prints a 合计 weight of 90 (the others print 100); the dataset keeps the 90."""
    skills = acc.project("51030023T000008349584")
    assert skills.stated_weight_total == Decimal("90")
    assert skills.indicator_weight == Decimal("90")
    park = acc.project("51030022T000000326059")
    assert park.indicator_weight + park.execution_weight == park.stated_weight_total  # type: ignore[operator]


def test_stated_indicator_scores_add_up_with_execution(acc: FinalAccount) -> None:
    """For 档案专项 the 得分 column (81) plus 预算执行 10 is the printed 合计 91."""
    archive = acc.project("市人力资源服务中心档案专项")
    assert archive.stated_indicator_total == Decimal("81")
    assert archive.stated_indicator_total + archive.execution_score == archive.stated_total  # type: ignore[operator]


# -- claims ---------------------------------------------------------------------------


def test_every_claim_kind_is_used(acc: FinalAccount) -> None:
    """The seed prints claims of all nine kinds."""
    assert {c.kind for c in acc.claims} == set(ClaimKind)


def test_growth_and_change_claims(acc: FinalAccount) -> None:
    """一: 收入总计 增加66.02万元，增长6.68%; 七: “三公” 增加0.58万元，增长26.13%."""
    (growth,) = _claims(acc, "growth", "income.total")
    assert (str(growth.stated), growth.section, growth.text) == ("6.68", "一", "增长6.68%")
    (change,) = _claims(acc, "change", "income.total")
    assert str(change.stated) == "66.02"
    assert [str(c.stated) for c in _claims(acc, "growth", "three_public.total")] == ["26.13"]
    assert [str(c.stated) for c in _claims(acc, "growth", "three_public.reception")] == ["175.86"]


def test_share_claims(acc: FinalAccount) -> None:
    """五（二）: 住房保障支出 占2.63% of 一般公共预算支出; 三: 基本支出 占52.75% of 本年支出合计."""
    (housing,) = _claims(acc, "share", "general_budget.categories[住房保障支出]")
    assert (str(housing.stated), housing.base, housing.section) == ("2.63", "general_budget.total", "五（二）")
    (basic,) = _claims(acc, "share", "expenditure.basic")
    assert (str(basic.stated), basic.base) == ("52.75", "expenditure.year_total")
    (whole,) = _claims(acc, "share", "general_budget.total")
    assert str(whole.stated) == "98.21"


def test_score_claims(acc: FinalAccount) -> None:
    """十（四）: 项目绩效自评分为 89.30分 over the evaluated projects; 技能人才培养's conclusion says 自评100分."""
    (overall,) = _claims(acc, "score", "projects[?evaluated=true]")
    assert str(overall.stated) == "89.30"
    (skills,) = _claims(acc, "score", "projects[51030023T000008349584]")
    assert str(skills.stated) == "100"


def test_ratio_claims_with_literal_operands(acc: FinalAccount) -> None:
    """The printed 完成率 108.14% (757/700) and 1.01% (302/300) keep their literal operands."""
    ratios = [(c.subject, c.base, str(c.stated)) for c in acc.claims if c.kind is ClaimKind.RATIO]
    assert ratios == [("757", "700", "108.14"), ("302", "300", "1.01")]
    assert all(c.section == "项目:51030023T000008352755" for c in acc.claims if c.kind is ClaimKind.RATIO)


def test_count_and_sum_claims(acc: FinalAccount) -> None:
    """8批次 counts the events, 50人 sums their persons, 474.95 sums 运转类 and 特定目标类 executions."""
    assert {str(c.stated) for c in _claims(acc, "count", "three_public.events")} == {"8"}
    assert {str(c.stated) for c in _claims(acc, "sum", "three_public.events[*].persons")} == {"50"}
    subject = "projects[?kind=其他运转类|特定目标类][*].funds.total.executed"
    assert {str(c.stated) for c in _claims(acc, "sum", subject)} == {"474.95"}
    assert Money.sum(resolve(acc, subject)) == Money("474.95")
    assert len(resolve(acc, "projects[?kind=特定目标类]")) == 6


def test_amount_claims_keep_the_narrative_figure(acc: FinalAccount) -> None:
    """十（四） says 产业园 年初预算 73.30 while its table says 40.88; both are kept as printed."""
    subject = "projects[51030022T000000326059].funds.total.initial"
    (claim,) = _claims(acc, "amount", subject)
    assert str(claim.stated) == "73.30"
    assert resolve(acc, subject) == Money("40.88")
    (twelve,) = _claims(acc, "amount", "projects[市人力资源服务中心档案专项].funds.total.initial")
    assert str(twelve.stated) == "12"


def test_completion_claims(acc: FinalAccount) -> None:
    """五（三） claims 完成预算100% for the total and each of the eight 项, e.g. 事业运行."""
    (item,) = _claims(acc, "completion", "general_budget.categories[事业运行]")
    assert str(item.stated) == "100"
    assert item.text == "支出决算数为426.43万元，完成预算100%"
    items = [c for c in acc.claims if c.kind is ClaimKind.COMPLETION and c.section == "五（三）"]
    assert len(items) == 9


def test_every_claim_path_resolves(acc: FinalAccount) -> None:
    """Each claim's subject and base is a literal number or a path that leads into the model."""
    for claim in acc.claims:
        for path in (claim.subject, claim.base):
            if path is None:
                continue
            try:
                to_decimal(path)
            except ValueError:
                resolve(acc, path)


# -- explanations ---------------------------------------------------------------------


def test_four_change_explanations(acc: FinalAccount) -> None:
    """一 (收入, 支出), 四 and 五（一） explain 66.02, 66.02, 71.28 and 71.28 by signed contributions."""
    assert [(e.subject, str(e.change.amount), e.section) for e in acc.explanations if e.contributions] == [
        ("income.total", "66.02", "一"),
        ("expenditure.total", "66.02", "一"),
        ("fiscal.total", "71.28", "四"),
        ("general_budget.total", "71.28", "五（一）"),
    ]
    for explanation in acc.explanations:
        figure = resolve(acc, explanation.subject)
        assert figure.change().difference == explanation.change
        if explanation.contributions:
            assert Money.sum(c.amount for c in explanation.contributions) == explanation.change


def test_three_public_changes_explained_in_words(acc: FinalAccount) -> None:
    """七 explains the rise of 公务用车 (+0.07) and 公务接待 (+0.51) in words only ("主要原因是…")."""
    worded = [(e.subject, str(e.change.amount), e.section) for e in acc.explanations if not e.contributions]
    assert worded == [("three_public.vehicle", "0.07", "七"), ("three_public.reception", "0.51", "七")]
    assert acc.explanations[-1].reason.startswith("2023年人力资源产业园入住企业二十多家")


def test_three_public_previous_and_budgets_from_the_printed_changes(acc: FinalAccount) -> None:
    """Last year's “三公” figures follow from the printed changes; budgets from 完成预算100% and 持平."""
    tp = acc.three_public
    assert [_digits(f.previous) for f in (tp.total, tp.outbound, tp.vehicle, tp.reception)] == [
        "2.22",
        "0",
        "1.93",
        "0.29",
    ]
    assert [str(f.change().describe()) for f in (tp.total, tp.vehicle, tp.reception)] == [  # type: ignore[union-attr]
        "增加0.58万元，增长26.13%",
        "增加0.07万元，增长3.63%",
        "增加0.51万元，增长175.86%",
    ]
    assert [f.budget == f.current for f in (tp.total, tp.vehicle, tp.reception)] == [True, True, True]
    assert tp.outbound.budget is None  # "完成预算0%" of a 0 budget cannot be checked
    items = [line for line in acc.general_budget.lines() if line.level is CategoryLevel.ITEM]
    assert all(line.budget == line.actual and line.completion.format(0) == "100%" for line in items)
    assert acc.general_budget.total.completion().format(0) == "100%"


def test_contributions_and_their_nested_parts(acc: FinalAccount) -> None:
    """人员支出 +50.47 (six parts, two negative) and 项目支出 +23.55 (eight parts) add up as printed."""
    income = acc.explanations[0]
    assert [(c.label, str(c.amount.amount), len(c.parts)) for c in income.contributions] == [
        ("人员支出", "50.47", 6),
        ("项目支出", "23.55", 8),
        ("公用经费", "-2.74", 0),
        ("年初结转结余", "-5.26", 0),
    ]
    personnel = income.contributions[0]
    assert [str(p.amount.amount) for p in personnel.parts] == ["39.24", "8.57", "4.28", "2.27", "-2.48", "-1.41"]
    for contribution in income.contributions[:2]:
        assert Money.sum(p.amount for p in contribution.parts) == contribution.amount
    spending_project = acc.explanations[1].contributions[1]
    assert (spending_project.amount, len(spending_project.parts)) == (Money("36.97"), 9)
    assert spending_project.parts[4].label == "非财政拨款结转支出"
    assert [c.label for c in acc.explanations[3].contributions] == ["人员支出", "公用经费", "项目支出"]


# -- charts, glossary, passages -------------------------------------------------------


def test_seven_charts(acc: FinalAccount) -> None:
    """图1–图7 with their kinds; chart 1 keeps the raw export value 1054.9000000000001."""
    charts = acc.charts
    assert [c.number for c in charts] == [1, 2, 3, 4, 5, 6, 7]
    assert [c.kind for c in charts] == ["柱状图", "饼状图", "饼状图", "柱状图", "柱状图", "饼状图", "饼状图"]
    assert charts[0].values == ("1054.9000000000001", "988.88")
    assert charts[0].labels == ("2023年", "2022年")
    assert charts[3].values == ("1025.98", "954.7")
    assert charts[6].values == ("2", "0.8")
    assert charts[4].title == "一般公共预算财政拨款支出决算变动情况"
    assert charts[4].data_title == "财政拨款收、支决算总计变动情况"  # the data is titled like chart 4


def test_chart_subjects_resolve_to_their_figures(acc: FinalAccount) -> None:
    """Each chart value depicts a model figure; all but chart 1's float artefact equal it exactly."""
    for chart in acc.charts:
        assert len(chart.values) == len(chart.subjects) == len(chart.labels)
        for value, subject in zip(chart.values, chart.subjects, strict=True):
            depicted = resolve(acc, subject)
            assert isinstance(depicted, Money)
            if value != "1054.9000000000001":
                assert Money(value) == depicted, subject
    assert resolve(acc, acc.charts[0].subjects[0]) == Money("1054.90")


def test_glossary(acc: FinalAccount) -> None:
    """第三部分 名词解释 has 19 entries, from 财政拨款收入 to 机关运行经费."""
    assert len(acc.glossary) == 19
    assert acc.glossary[0].term == "财政拨款收入"
    assert acc.glossary[0].definition == "指单位从同级财政部门取得的财政预算资金。"
    assert acc.glossary[17].term == "“三公”经费"
    assert acc.glossary[-1].term == "机关运行经费"


def test_passages_are_verbatim(acc: FinalAccount) -> None:
    """Narrative paragraphs are kept verbatim, including the report's own typos and score."""
    texts = [p.text for p in acc.passages]
    assert texts[0].startswith("2023年度收入总计1,054.90万元。与2022年988.88万元相比")
    assert any("增长6.68%.主要变动原因是" in t for t in texts)  # the printed ASCII full stop
    assert any(t.endswith("项目绩效自评分为：89.30分。") for t in texts)
    assert {p.section for p in acc.passages} >= {"一", "二", "三", "四", "五（一）", "七", "十（四）"}


def test_budgetkit_datasets_works_after_a_bare_import_budgetkit() -> None:
    """`import budgetkit; budgetkit.datasets.load(...)` works in a fresh interpreter, without importing io first."""
    import subprocess
    import sys

    code = (
        "import sys, budgetkit; assert 'budgetkit.io' not in sys.modules; "
        "print(budgetkit.datasets.load('zigong-hr-2023').year)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "2023\n"


def test_every_dataset_says_what_it_is_and_reads_unit_and_year_from_itself() -> None:
    """datasets.describe() gives each dataset a description, 万元, and the unit and year its file holds."""
    from budgetkit import datasets

    for entry in datasets.describe():
        account = datasets.load(entry.name)
        assert entry.description
        assert (entry.unit, entry.year, entry.money_unit) == (account.unit, account.year, "万元")
