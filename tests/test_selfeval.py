"""Tests for self-evaluation tables in both layouts: the 附件1 model, reading cells and text, the selfeval checks."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from budgetkit import datasets, io
from budgetkit.checks.audit import check
from budgetkit.checks.batch import check_batch
from budgetkit.checks.context import Context
from budgetkit.checks.finding import Finding, Severity
from budgetkit.checks.rules import selfeval as selfeval_rules
from budgetkit.checks.scoring import ScoringRules, score_project
from budgetkit.errors import LoadError
from budgetkit.io.selfeval import layout_of, read_selfeval_table, read_selfeval_text, split_text_tables
from budgetkit.model.account import FinalAccount
from budgetkit.model.indicator import Operator, PerformanceIndicator, parse_cell
from budgetkit.model.project import FundGrid, FundLine, FundSource, Layout, Project, ProjectKind
from budgetkit.values.money import Money

SEED = Path("/work/shared/seeds/000_ad8dd908a3134475.txt")
FIXTURES = Path(__file__).parent / "fixtures"


def central_rows(*, other: str = "", executed: str = "114.00") -> list[list[str | None]]:
    """A central 附件1 table as pdfplumber extracts it: merged cells are None."""
    blank9: list[str | None] = [None] * 7
    return [
        ["项目支出绩效自评表", None, None, None, None, None, None, None, None],
        ["（2024年度）", None, None, None, None, None, None, None, None],
        ["项目名称", "社区就业服务", *blank9],
        ["主管部门", "示例局", None, None, "实施单位", "示例中心", None, None, None],
        ["项目资金（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", None],
        [None, "年度资金总额", "100.00", "120.00", executed, "10", "95.00%", "9.5", None],
        [None, "其中：当年财政拨款", "80.00", "100.00", "95.00", "—", "—", "—", None],
        [None, "上年结转资金", "20.00", "20.00", "19.00", "—", "—", "—", None],
        [None, "其他资金", other, other, other, "—", "—", "—", None],
        ["年度总体目标", "预期目标", None, None, None, "实际完成情况", None, None, None],
        [None, "开展就业培训，\n提升就业能力", None, None, None, "完成培训52人", None, None, None],
        [
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
            "偏差原因分析及改进措施",
        ],
        [None, "产出指标", "数量指标", "培训人数", "≥50个", "52个", "20", "20", None],
        [None, None, None, "宣传活动", "≥4次", "完成", "10", "10", None],
        [None, None, "质量指标", "培训合格率", "≥95%", "96%", "20", "20", None],
        [None, None, "时效指标", "办结时限", "≤3天", "2天", "10", "10", None],
        [None, "效益指标", "社会效益指标", "政策知晓率", "≥90%", "85%", "20", "18.89", "宣传不足，将增加宣传场次"],
        [None, "满意度指标", "服务对象满意度指标", "服务对象满意度", "≥95%", "96%", "10", "10", None],
        ["总分", None, None, None, None, None, "100", "98.39", None],
        ["偏差原因分析及改进措施", "政策宣传覆盖不足，下年度增加社区宣传", *blank9],
    ]


# -- the model: target cells, layout, fund rows ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "operator", "value", "unit"),
    [
        ("≥50个", Operator.AT_LEAST, "50", "个"),
        ("≤3天", Operator.AT_MOST, "3", "天"),
        ("100%", None, "100", "%"),
        ("≥95%", Operator.AT_LEAST, "95", "%"),
        ("＞ 1,200 人次", Operator.MORE_THAN, "1200", "人次"),
        ("＝2个", Operator.EQUAL, "2", "个"),
        ("≥3万元", Operator.AT_LEAST, "3", "万元"),
        ("好", None, "好", ""),
        ("11月底前", None, "11月底前", ""),
        ("≥50栋", Operator.AT_LEAST, "50", ""),
    ],
)
def test_a_target_cell_is_read_into_operator_value_and_unit(
    text: str, operator: Operator | None, value: str, unit: str
) -> None:
    """ "≥50个" gives ≥, 50, 个; text stays whole; an unknown unit is left in the printed text only."""
    cell = parse_cell(text)
    assert (cell.operator, cell.value, cell.unit, cell.printed) == (operator, value, unit, text.strip())


def test_from_cells_keeps_the_printed_target_and_completion() -> None:
    """An indicator from 附件1 cells: ≥ 95 % with 96 done; the printed "≥95%" and "96%" are kept."""
    ind = PerformanceIndicator.from_cells(
        level1="产出指标", level2="质量指标", level3="合格率", target="≥95%", actual="96%", weight=20, stated_score=20
    )
    assert (ind.operator, ind.target, ind.unit, ind.actual) == (Operator.AT_LEAST, "95", "%", "96")
    assert (ind.printed_target, ind.printed_actual) == ("≥95%", "96%")
    assert ind.completion().format() == "101.05%"


def test_from_cells_without_an_operator() -> None:
    """A numeric target without operator is "=" (scored as 正向); a text target is 定性."""
    plain = PerformanceIndicator.from_cells(level1="a", level2="b", level3="c", target="100%", actual="100%", weight=5)
    judged = PerformanceIndicator.from_cells(level1="a", level2="b", level3="c", target="好", actual="好", weight=5)
    assert (plain.operator, plain.target, plain.printed_target) == (Operator.EQUAL, "100", "100%")
    assert (judged.operator, judged.target, judged.printed_target) == (Operator.QUALITATIVE, "好", "")


def test_central_fund_rows_and_layout() -> None:
    """年度资金总额 is 总额; 当年财政拨款 and 上年结转资金 are rows of their own; the layout defaults to Sichuan."""
    grid = FundGrid(
        lines=(FundLine(source="年度资金总额"), FundLine(source="其中：当年财政拨款"), FundLine(source="上年结转资金"))
    )
    assert [line.source for line in grid.lines] == [FundSource.TOTAL, FundSource.APPROPRIATION, FundSource.CARRIED_OVER]
    assert Project(name="x", kind="特定目标类").layout is Layout.SICHUAN
    with pytest.raises(ValueError, match="central"):
        Project(name="x", kind="特定目标类", layout="federal")


# -- the file format ------------------------------------------------------------------------------------------


def _account_with(project: Project) -> FinalAccount:
    seed = datasets.load("zigong-hr-2023")
    return attrs.evolve(seed, projects=(*seed.projects, project))


def test_an_account_with_a_central_table_round_trips_as_format_0_3() -> None:
    """The layout and the printed cells survive dump/load; such a file says format_version 0.3."""
    account = _account_with(read_selfeval_table(central_rows()))
    text = io.dumps(account)
    assert text.startswith('format_version = "0.3"\n')
    assert io.loads(text) == account
    assert io.loads(io.dumps(account, "json"), "json") == account


def test_accounts_without_the_new_fields_are_still_written_as_0_2() -> None:
    """An account that does not use the 附件1 fields is written as 0.2, so 0.2 readers keep reading it."""
    assert io.dumps(datasets.load("zigong-hr-2023")).startswith('format_version = "0.2"\n')


def test_old_files_keep_loading() -> None:
    """The 0.1 fixture and the 0.2 fixtures load unchanged; their projects are Sichuan tables, written back as 0.2."""
    for path in (FIXTURES / "format-0.1" / "zigong-hr-2023.toml", FIXTURES / "audit" / "consistent.toml"):
        account = io.load(path)
        assert account.projects and all(p.layout is Layout.SICHUAN for p in account.projects)
        assert io.dumps(account).startswith('format_version = "0.2"\n')


def test_a_0_2_file_with_0_3_fields_is_refused_with_their_paths() -> None:
    """A file marked 0.2 that uses layout or printed cells names every such key and the version it needs."""
    text = io.dumps(_account_with(read_selfeval_table(central_rows())))
    with pytest.raises(LoadError) as caught:
        io.loads(text.replace('format_version = "0.3"', 'format_version = "0.2"', 1))
    paths = [issue.path for issue in caught.value.issues]
    assert "$.projects[9].layout" in paths and "$.projects[9].indicators[0].printed_target" in paths
    assert all("0.3" in issue.message for issue in caught.value.issues)


# -- reading cells ------------------------------------------------------------------------------------------


def test_a_central_table_is_read_figure_for_figure() -> None:
    """附件1 cells with merged (None) cells give the project: money, goals, indicators, totals, deviations."""
    p = read_selfeval_table(central_rows())
    assert (p.layout, p.code, p.name, p.department, p.implementer) == (
        Layout.CENTRAL,
        None,
        "社区就业服务",
        "示例局",
        "示例中心",
    )
    assert (p.goals, p.results) == ("开展就业培训，提升就业能力", "完成培训52人")
    total = p.funds.total
    assert (total.initial, total.adjusted, total.executed, total.stated_rate) == (
        Money("100.00"),
        Money("120.00"),
        Money("114.00"),
        Decimal("95.00"),
    )
    assert [line.source for line in p.funds.lines] == [
        FundSource.TOTAL,
        FundSource.APPROPRIATION,
        FundSource.CARRIED_OVER,
        FundSource.OTHER,
    ]
    assert p.funds.line("其他资金") == FundLine(source="其他资金")  # blank stays unknown, never 0
    assert (p.execution_weight, p.execution_score, p.stated_weight_total, p.stated_total) == (
        Decimal(10),
        Decimal("9.5"),
        Decimal(100),
        Decimal("98.39"),
    )
    assert [(i.level1, i.level2, i.level3) for i in p.indicators][1:3] == [
        ("产出指标", "数量指标", "宣传活动"),
        ("产出指标", "质量指标", "培训合格率"),
    ]
    limit = p.indicators[3]
    assert (limit.operator, limit.target, limit.unit, limit.actual, limit.printed_target) == (
        Operator.AT_MOST,
        "3",
        "天",
        "2",
        "≤3天",
    )
    assert p.indicators[4].reason == "宣传不足，将增加宣传场次"
    assert p.problems == "政策宣传覆盖不足，下年度增加社区宣传"
    assert score_project(p).stated_sum == p.stated_total  # 9.5 + 88.89 = 98.39


def test_layout_is_detected_from_the_labels() -> None:
    """附件1 labels give the central layout; the seed's tables are Sichuan's."""
    assert layout_of(central_rows()) is Layout.CENTRAL
    seed_tables = split_text_tables(SEED.read_text(encoding="utf-8").splitlines())
    assert {layout_of(rows) for rows in seed_tables} == {Layout.SICHUAN}


def _refused() -> LoadError:
    """The error refusing a central table with a bad amount, an indicator without weight and a repeated fund row."""
    rows = central_rows()
    rows[5][2] = "一百"
    rows[12][6] = None
    rows.insert(8, [None, "上年结转资金", "1.00", "1.00", "1.00", "—", "—", "—", None])
    with pytest.raises(LoadError) as caught:
        read_selfeval_table(rows, source="report.pdf page 7")
    return caught.value


def test_every_problem_of_a_table_is_reported_at_once() -> None:
    """A bad amount, an indicator without weight and a repeated fund row: one LoadError naming each row."""
    refused = _refused()
    assert refused.source == "report.pdf page 7"
    assert [issue.path for issue in refused.issues] == [
        "row 6 (总额)",
        "row 9 (上年结转资金)",
        "row 14 (培训人数)",
    ]


def test_a_refusal_is_worded_in_chinese_too() -> None:
    """Each problem that refuses a table says why in Chinese as well (``budgetkit check --lang zh`` prints it; it was
    English only), and names its row in Chinese, as an issue of the kind SELFEVAL_REFUSED."""
    from budgetkit.io.table_import import IssueKind, issue_kind, reason_zh

    refused = _refused()
    issues = refused.issues
    assert [(getattr(issue.path, "zh", None), reason_zh(issue.message)) for issue in issues] == [
        ("表中第6行（总额）", "不是数字：“一百”"),
        ("表中第9行（上年结转资金）", "资金来源上年结转资金印了两次"),
        ("表中第14行（培训人数）", "没有分值（权重/分值）"),
    ]
    assert {issue_kind(issue.message) for issue in issues} == {IssueKind.SELFEVAL_REFUSED}
    assert str(refused).splitlines()[1] == "  row 6 (总额): not a number: '一百'"  # the English as before


# -- reading the seed's text --------------------------------------------------------------------------------


def test_the_seed_text_tables_are_the_dataset_projects() -> None:
    """The seven Sichuan tables of the seed text equal the built-in dataset's evaluated projects.

    Two fields are not printed in the tables and come from the narrative (第二部分 十（四）): ``use``
    ("主要用于…") and the 档案专项's kind (其他运转类; the tables print no 项目类别).
    """
    lines = SEED.read_text(encoding="utf-8").splitlines()[139:1578]
    projects = read_selfeval_text(lines, kinds={"市人力资源服务中心档案专项": "其他运转类"})
    expected = [attrs.evolve(p, use="") for p in datasets.load("zigong-hr-2023").projects if p.evaluated]
    assert list(projects) == expected
    assert projects[3].kind is ProjectKind.OTHER_OPERATING and projects[3].code is None


def test_the_whole_seed_text_gives_the_same_tables() -> None:
    """Reading the whole text export finds the same seven tables (the narrative around them is left alone)."""
    whole = read_selfeval_text(SEED.read_text(encoding="utf-8").splitlines())
    part = read_selfeval_text(SEED.read_text(encoding="utf-8").splitlines()[139:1578])
    assert whole == part and len(whole) == 7


# -- the checks ---------------------------------------------------------------------------------------------


def _central_account(rows: list[list[str | None]] | None = None) -> FinalAccount:
    seed = datasets.load("zigong-hr-2023")
    return attrs.evolve(seed, projects=(read_selfeval_table(rows or central_rows()),))


def _rules(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.rule, f.path) for f in findings if f.rule.startswith(("selfeval", "project"))]


def test_a_central_table_needs_no_code_nor_a_separate_adjustment_reason() -> None:
    """附件1 prints no project code and no reason cell for the money: neither is asked for."""
    found = check(_central_account())
    rules = {f.rule for f in found}
    assert "project.code_missing" not in rules and "project.adjustment_reason" not in rules
    assert ("selfeval.text_actual", "projects[0].indicators[1].actual") in _rules(found)


def test_the_total_row_against_its_fund_rows() -> None:
    """年度资金总额 executes 120.00 where the rows (其他资金 printed 0.00) print 95.00 + 19.00 + 0.00."""
    found = check(_central_account(central_rows(other="0.00", executed="120.00")))
    sums = [f for f in found if f.rule == "selfeval.fund_sum"]
    assert [(f.path, f.severity, f.stated_text, f.expected_text) for f in sums] == [
        ("projects[0].funds.lines[0].executed", Severity.ERROR, "120.00", "114.00")
    ]
    assert "年度资金总额全年执行数120.00万元不等于各项之和114.00万元" in sums[0].message


def test_a_blank_fund_row_is_unknown_but_cannot_hide_an_excess() -> None:
    """With 其他资金 blank, 95 + 19 under a total of 120 is possible; printed rows above the total are not."""
    assert not [f for f in check(_central_account(central_rows(executed="120.00"))) if f.rule == "selfeval.fund_sum"]
    found = [f for f in check(_central_account(central_rows(executed="110.00"))) if f.rule == "selfeval.fund_sum"]
    assert [(f.path, f.expected_text) for f in found] == [("projects[0].funds.lines[0].executed", "≥114.00")]


def test_a_rounding_residue_in_the_fund_rows_is_info() -> None:
    """33.20 against 33.19 + 0.00 + 0.00 + 0.00 is an error; 0.01 of three rounded rows is a residue."""
    line = FundLine(source="总额", initial="1.00", adjusted="1.00", executed="1.00")
    parts = tuple(
        FundLine(source=s, initial="0.33", adjusted="0.33", executed="0.33")
        for s in ("财政资金", "单位资金", "其他资金")
    )
    p = Project(name="x", code="5103", kind="特定目标类", funds=FundGrid(lines=(line, *parts)))
    ctx = Context(attrs.evolve(datasets.load("zigong-hr-2023"), projects=(p,)))
    found = list(selfeval_rules.selfeval_findings(ctx))
    assert {(f.rule, f.severity) for f in found} == {("rounding.residue", Severity.INFO)}


def test_a_table_never_filled_in() -> None:
    """Labels and weights printed, every amount, completion and score blank: one warning, nothing else of it."""
    rows: list[list[str | None]] = [
        ["项目名称", "空白项目"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        [None, "产出指标", "数量指标", "培训人数", "≥50个", None, "90", None],
    ]
    found = list(selfeval_rules.selfeval_findings(Context(_central_account(rows))))
    assert [(f.rule, f.severity) for f in found] == [("selfeval.unfilled", Severity.WARNING)]


def test_a_variant_that_does_not_fit_is_reported_not_scored() -> None:
    """Under Hubei (execution worth 20) a 10-point table is reported once, and no execution score is claimed."""
    hubei = ScoringRules.preset("hubei")
    found = check(_central_account(), scoring=hubei)
    assert ("selfeval.variant_fit", "projects[0].execution_weight") in _rules(found)
    assert "project.execution_score" not in {f.rule for f in found}
    fit = next(f for f in found if f.rule == "selfeval.variant_fit")
    assert "hubei" in fit.message and (fit.stated_text, fit.expected_text) == ("10", "20")
    assert not [f for f in check(_central_account()) if f.rule == "selfeval.variant_fit"]


def test_whole_points_are_explained_as_info() -> None:
    """The seed's 档案增长量 scores 11, the rule's 11.47 in whole points: info, not an error."""
    found = [f for f in check(datasets.load("zigong-hr-2023")) if f.rule == "selfeval.whole_points"]
    assert [(f.path, f.severity, f.stated_text, f.expected_text) for f in found] == [
        ("projects[3].indicators[0].stated_score", Severity.INFO, "11", "11.47")
    ]
    assert "11.47" in found[0].message_en and "四舍五入到整数" in found[0].message
    two_places = attrs.evolve(ScoringRules.preset("default"), score_places=0)
    assert not [
        f for f in check(datasets.load("zigong-hr-2023"), scoring=two_places) if f.rule == "selfeval.whole_points"
    ]


def test_messages_carry_no_python_reprs() -> None:
    """Every selfeval message reads as text: no None, no exponent, no Decimal(…)."""
    accounts = [_central_account(central_rows(other="0.00", executed="120.00")), datasets.load("zigong-hr-2023")]
    for account in accounts:
        for f in check(account, scoring=ScoringRules.preset("hubei")):
            if f.rule.startswith("selfeval"):
                for text in (f.message, f.message_en):
                    assert "None" not in text and "Decimal" not in text and "E-" not in text, text


def test_check_batch_equals_check_with_central_tables() -> None:
    """The batch reports exactly what check() reports for accounts with 附件1 tables, under two variants."""
    accounts = [
        _central_account(),
        _central_account(central_rows(other="0.00", executed="120.00")),
        datasets.load("zigong-hr-2023"),
    ]
    for scoring in (None, ScoringRules.preset("hubei")):
        batch = check_batch(accounts, scoring=scoring)
        assert batch == [check(a, scoring=scoring) for a in accounts]


def test_the_format_page_example_of_a_central_table_loads() -> None:
    """The 附件1 example of docs/dataset-format.md is a valid 0.3 fragment that reads as its table does."""
    page = (Path(__file__).parents[1] / "docs" / "dataset-format.md").read_text(encoding="utf-8")
    block = page[page.index('[[projects]]\nname = "社区就业服务"') :]
    block = block[: block.index("```")]
    head = 'format_version = "0.3"\nunit = "示例"\nyear = 2024\nunit_type = "行政单位"\n'
    (project,) = io.loads(head + block).projects
    from_cells = read_selfeval_table(central_rows())
    assert project.layout is Layout.CENTRAL and project.indicators[0] == from_cells.indicators[3]
    assert project.funds.lines == from_cells.funds.lines[:2]


def test_template_rows_left_empty_and_any_of_which_label() -> None:
    """附件1's empty 指标N： rows are skipped, and 其中： may precede any fund row."""
    rows = central_rows()
    rows.insert(18, [None, None, None, "指标7：", None, None, None, None, None])
    rows[7][1] = "其中：上年结转资金"
    project = read_selfeval_table(rows)
    assert project == read_selfeval_table(central_rows())


def test_check_batch_equals_check_on_the_broken_selfeval_fixtures() -> None:
    """Each selfeval fixture (and the consistent account) gets from the batch's screen what check() gives."""
    names = ["consistent", *(f"selfeval.{c}" for c in ("fund_sum", "unfilled", "text_actual", "variant_fit"))]
    accounts = [io.load(FIXTURES / "audit" / f"{name}.toml") for name in [*names, "selfeval.whole_points"]]
    for scoring in (None, attrs.evolve(ScoringRules.preset("default"), score_places=2)):
        assert check_batch(accounts, scoring=scoring) == [check(a, scoring=scoring) for a in accounts]


def _fund_findings_one_by_one(ctx: Context, i: int) -> list[Finding]:
    """fund_findings without its shortcut: every identity of the money block checked and worded."""
    project = ctx.account.projects[i]
    if not project.evaluated or selfeval_rules.is_unfilled(project):
        return []
    found: list[Finding] = []
    for identity in selfeval_rules.fund_sum_checks(i, project):
        if identity.complete:
            found += identity.findings(ctx.zero_is_exact)
        elif (finding := selfeval_rules._exceeding(ctx, identity)) is not None:
            found.append(finding)
    return found


def test_the_split_screens_miss_no_finding() -> None:
    """A table screen_projects leaves gives its fund sums and the findings of the indicators screen_indicators
    flags, nothing else; an indicator it leaves gives none, nor do fund rows that add up exactly (the batch
    scores and sums only what is flagged); funds_add_up, fund_findings' shortcut, never hides a finding of the
    identities worded one by one, and screen_funds leaves only money blocks that funds_add_up settles."""
    from budgetkit.checks.batch import Batch
    from budgetkit.datasets.synthetic import DEFECTS, generate

    names = ["consistent", *(f"selfeval.{c}" for c in ("fund_sum", "unfilled", "text_actual", "whole_points"))]
    accounts = [io.load(FIXTURES / "audit" / f"{name}.toml") for name in names]
    accounts += [generate(seed, defects=(kind,)) for seed, kind in enumerate(sorted(DEFECTS))]
    accounts += [datasets.load("zigong-hr-2023"), _central_account()]
    batch = Batch.from_accounts(accounts)
    tables, rows = batch._tables["projects"], batch._tables["indicators"]
    whole = selfeval_rules.screen_projects(tables.columns).tolist()
    marked = selfeval_rules.screen_indicators(rows.columns).tolist()
    unsettled = selfeval_rules.screen_funds(tables.columns).tolist()
    assert not all(whole) and 0 < sum(marked) < len(marked)  # both screens leave something out
    assert 0 < sum(unsettled) < len(unsettled)
    start, left, scored, summed, unequal = 0, 0, 0, 0, 0
    for r, (k, i, n) in enumerate(
        zip(tables.owner().tolist(), tables.columns["i"].tolist(), tables.columns["n_indicators"].tolist(), strict=True)
    ):
        ctx = Context(accounts[k])
        flagged = [j for j in range(n) if marked[start + j]]
        for j in range(n):
            if not marked[start + j]:
                assert list(selfeval_rules.indicator_findings(ctx, i, j)) == []
        funds = list(selfeval_rules.fund_findings(ctx, i))
        assert funds == _fund_findings_one_by_one(ctx, i)
        if selfeval_rules.funds_add_up(accounts[k].projects[i]):
            summed += 1
            assert funds == []
        if not unsettled[r]:  # the numpy twin of funds_add_up settles only blocks that add up
            assert selfeval_rules.funds_add_up(accounts[k].projects[i])
        unequal += bool(funds)
        if not whole[r]:
            left += 1
            screened = list(funds)
            by_indicator = [f for j in flagged for f in selfeval_rules.indicator_findings(ctx, i, j)]
            scored += len(by_indicator)
            screened += by_indicator
            assert screened == list(selfeval_rules.project_findings(ctx, i))
            assert list(selfeval_rules.screened_findings(ctx, i, flagged, funds=unsettled[r])) == screened
        start += n
    assert left and scored and summed and unequal and start == len(marked)


def test_a_central_table_gives_its_low_execution_reason_in_its_deviation_row() -> None:
    """Below 90% executed, 附件1's 偏差原因分析及改进措施 row is the reason; without it the warning stays."""
    rows = central_rows(executed="100.00")
    rows[5][6], rows[5][7], rows[-2][7] = "83.33%", "8.33", "97.22"
    with_reason = check(_central_account(rows))
    assert "project.low_execution_reason" not in {f.rule for f in with_reason}
    without = check(_central_account(rows[:-1]))
    assert ("project.low_execution_reason", "projects[0].execution_reason") in _rules(without)
    for account in (_central_account(rows), _central_account(rows[:-1])):
        assert check_batch([account]) == [check(account)]


_BLOCKS = {  # 总额 (initial, adjusted, executed), then the rows below it
    "adds up": (("12.00", "11.30", "11.30"), [("10.00", "10.30", "10.30"), ("2", "1", "1.00")]),
    "one row off": (("12.00", "11.30", "11.30"), [("10.00", "10.30", "10.30"), ("2", "1", "0.90")]),
    "a blank row within": (("12.00", "11.30", None), [("12.00", "11.30", None), (None, None, "1")]),
    "a blank row beyond": (("12.00", "11.30", "11.30"), [("13.00", "11.30", "11.30"), (None, "0", "0")]),
    "all rows blank": (("12.00", None, None), [(None, None, None), (None, None, None)]),
    "no row": (("12.00", "11.30", "11.30"), []),
    "finer than 1 分": (("12.00", None, None), [("11.9999999", None, None), ("0.0000001", None, None)]),
}


@pytest.mark.parametrize("name", sorted(_BLOCKS))
def test_screen_funds_settles_exactly_the_money_blocks_that_add_up(name: str) -> None:
    """screen_funds leaves a money block only when funds_add_up settles it, and the batch then finds what check() does."""
    from budgetkit.checks.batch import Batch

    total, parts = _BLOCKS[name]
    lines = [FundLine(source="总额", initial=total[0], adjusted=total[1], executed=total[2])]
    sources = ("当年财政拨款", "上年结转资金")
    lines += [FundLine(source=s, initial=a, adjusted=b, executed=c) for s, (a, b, c) in zip(sources, parts, strict=False)]
    seed = datasets.load("zigong-hr-2023")
    i = next(i for i, p in enumerate(seed.projects) if p.evaluated)
    project = attrs.evolve(seed.projects[i], funds=FundGrid(lines=tuple(lines)))
    account = attrs.evolve(seed, projects=(*seed.projects[:i], project, *seed.projects[i + 1 :]))
    batch = Batch.from_accounts([account])
    tables = batch._tables["projects"]
    r = tables.columns["i"].tolist().index(i)
    flagged = bool(selfeval_rules.screen_funds(tables.columns)[r])
    adds_up = selfeval_rules.funds_add_up(project)
    assert flagged == (not adds_up or name == "finer than 1 分")  # that block's rows are left to funds_add_up
    assert adds_up == (name in ("adds up", "all rows blank", "no row", "finer than 1 分"))  # a blank row: the rule decides
    found = check(account)
    assert check_batch([account]) == [found]
    assert ("selfeval.fund_sum" in {f.rule for f in found}) == (name in ("one row off", "a blank row beyond"))


_NUMBERS = ["0", "-3", "1", "2", "2.5", "3", "7", "10", "13", "19.99", "20", "100", "1549", "2700"]


@settings(max_examples=300, deadline=None)
@given(
    op=st.sampled_from(["≥", ">", "=", "≤", "<"]),
    target=st.sampled_from(_NUMBERS),
    actual=st.sampled_from([*_NUMBERS, "完成"]),
    weight=st.sampled_from(["0", "5", "10", "15", "20"]),
    stated=st.sampled_from(["0", "1", "7", "11", "12", "14", "15", "11.5", "1.2E+1"]),
    rules=st.sampled_from(["default", "inverse_template"]),
)
def test_a_whole_point_note_is_the_indicator_score_rounded(
    op: str, target: str, actual: str, weight: str, stated: str, rules: str
) -> None:
    """selfeval notes a whole-point score exactly when score_indicator's exact score is not whole and matches the
    stated score at whole points, with that score rounded to two places and its explanation."""
    ind = PerformanceIndicator(
        level1="产出指标", level2="数量指标", level3="x", operator=op, target=target, actual=actual, weight=weight,
        stated_score=Decimal(stated),
    )
    scoring = ScoringRules.preset(rules)
    ctx = Context(datasets.load("zigong-hr-2023"), scoring)
    found = selfeval_rules._indicator(ctx, "p", "表", ind, scoring, True)
    notes = [found] if found is not None and found.rule == "selfeval.whole_points" else []
    s = score_project(Project(name="x", kind="特定目标类", indicators=(ind,)), scoring).indicators[0]
    expected = s.exact is not None and s.exact.denominator != 1 and s.matches is True and s.stated == int(s.stated)
    assert bool(notes) == expected
    if notes:
        assert notes[0].expected == s.rule_rounded(2) and s.explanation in notes[0].message


def test_a_total_row_printed_after_an_empty_cell_is_read(tmp_path: Path) -> None:
    """The seed's 合计 rows printed with the empty first cell the table's other rows have: the totals are read as
    before (the label was taken for the weight total, and each such table refused: its project left unchecked)."""
    from budgetkit.io.text import read_text

    seed = Path(__file__).parent / "data" / "seeds" / "000_ad8dd908a3134475.txt"
    text = seed.read_text(encoding="utf-8")
    assert text.count("\n\t合计\n") >= 2
    path = tmp_path / "report.txt"
    path.write_text(text.replace("\n\t合计\n", "\n\t\n\t合计\n"), encoding="utf-8")
    printed, shifted = read_text(seed), read_text(path)
    totals = [(p.name, p.stated_total, p.stated_weight_total) for p in printed.account.projects]
    assert totals and [(p.name, p.stated_total, p.stated_weight_total) for p in shifted.account.projects] == totals
    assert not [i for i in shifted.report.issues if "合计" in str(i)]
