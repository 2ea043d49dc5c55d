"""Tests for budgetkit.narrative.shanghai: Part Three (情况说明) of a 部门决算 written from its published tables."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import attrs
import pytest

from budgetkit import datasets
from budgetkit.checks.audit import check
from budgetkit.checks.finding import Finding, Severity
from budgetkit.model.account import Figure, FinalAccount
from budgetkit.model.claim import ChangeExplanation, ClaimKind, resolve
from budgetkit.narrative.report import generated_claims, render, report_account
from budgetkit.narrative.shanghai import uses_layout

PLANNING = datasets.load("putuo-planning-2024")
SOCIAL = datasets.load("putuo-social-work-2024")
PLANNING_TEXT = render(PLANNING, "text")
SOCIAL_TEXT = render(SOCIAL, "text")


def _measure() -> object:
    spec = importlib.util.spec_from_file_location(
        "narrative_bench", Path(__file__).parents[1] / "benchmarks" / "narrative.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _share(account: FinalAccount, text: str) -> float:
    """The share of the published 情况说明's sentences (cut at 。；：) the text writes word for word."""
    bench: object = _measure()
    published = [(p.section, p.text) for p in account.passages if p.section != "第二部分"]
    rows = bench.measure(published, text)  # type: ignore[attr-defined]
    found = sum(r[0] for r in rows.values())
    return found / sum(r[1] for r in rows.values())


def test_layout_follows_the_account() -> None:
    """An account with the national tables gets the Shanghai Part Three; the seed keeps its Sichuan Part Two."""
    assert uses_layout(PLANNING) and uses_layout(SOCIAL)
    assert not uses_layout(datasets.load("zigong-hr-2023"))
    assert PLANNING_TEXT.startswith("第三部分 上海市普陀区规划和自然资源局2024年度部门决算情况说明\n")
    assert render(PLANNING).startswith("# 第三部分 上海市普陀区规划和自然资源局2024年度部门决算情况说明\n")
    assert "\n十、预算绩效管理情况\n" in PLANNING_TEXT
    assert "\n十一、其他重要事项的情况说明\n（一）机关运行经费支出情况\n" in PLANNING_TEXT
    assert render(datasets.load("zigong-hr-2023"), "text").startswith("第二部分 2023年度单位决算情况说明")


def test_sections_one_to_four_read_as_the_template() -> None:
    """一 to 四 state 收入支出总计, 本年收入（支出）合计 with each part's share and 财政拨款收入支出总计."""
    assert "上海市普陀区规划和自然资源局2024年度收入支出总计9859.38万元。\n" in PLANNING_TEXT
    assert "本年收入合计9746.50万元，其中：财政拨款收入9746.50万元，占100.00%。" in PLANNING_TEXT
    assert (
        "本年支出合计9759.38万元，其中：基本支出5377.64万元，占55.10%；项目支出4381.74万元，占44.90%。" in PLANNING_TEXT
    )
    assert "上海市普陀区规划和自然资源局2024年度财政拨款收入支出总计9746.50万元。" in PLANNING_TEXT


def test_text_follows_the_tables_where_the_report_does_not() -> None:
    """Where the published 情况说明 disagrees with its tables (notes 3, 4, 5, 10), the text prints the tables' figure."""
    # 六: 表五 基本支出 5364.75 and 表六 人员经费合计 4884.09, not 5377.64 and 4896.98
    assert "一般公共预算财政拨款基本支出5364.75万元。其中：人员经费4884.09万元，主要包括：基本工资" in PLANNING_TEXT
    assert "；公用经费480.66万元，主要包括：办公费" in PLANNING_TEXT
    # 五（一）: 9746.50 / 9759.38 = 99.868% is 99.87%, not the truncated 99.86%
    assert "一般公共预算财政拨款支出9746.50万元，占本年支出合计的99.87%。" in PLANNING_TEXT
    # 五（三）: 9746.50 / 10210.34 = 95.457% is 95.46%
    assert "年初预算为10210.34万元，支出决算为9746.50万元，完成年初预算的95.46%。其中：\n" in PLANNING_TEXT
    # 五（二）: 表五 prints 卫生健康支出 236.64 (40.35 + 196.29)
    assert "卫生健康支出（类）236.64万元，占2.43%；" in PLANNING_TEXT
    # 五（三） item 5 is 2080599 其他行政事业单位养老支出 in the tables
    assert (
        "\n5、社会保障和就业支出（类）行政事业单位养老支出（款）其他行政事业单位养老支出（项）。"
        "主要用于：退休人员开展活动支出。年初预算为0.88万元，支出决算为0.88万元，完成年初预算的100.00%。"
        "决算数同预算数持平。\n" in PLANNING_TEXT
    )
    assert "住房保障支出（类）住房改革支出（款）住房公积金（项）" in PLANNING_TEXT


def test_a_zero_base_gives_no_rate() -> None:
    """完成预算 of a budget of 0.00 is left out (never 0.00%); a share of a nonzero whole is printed."""
    assert "其中：因公出国（境）费决算为0.00万元；公务用车购置及运行维护费支出决算为0.00万元；" in PLANNING_TEXT
    assert "公务接待费支出决算为0.39万元，完成预算的13.68%。" in PLANNING_TEXT
    assert "完成预算的0.00%" not in PLANNING_TEXT
    assert "因公出国（境）费支出决算0.00万元，占0.00%；" in PLANNING_TEXT
    assert "增长100.00%" not in SOCIAL_TEXT  # the unit is new: no last-year figure, no growth rate


def test_empty_tables_read_as_the_template_says() -> None:
    """An empty 表七, 表八 or 表九 gives the template's one sentence, 七 without its subsections."""
    assert (
        "\n七、财政拨款“三公”经费支出决算情况说明\n中共上海市普陀区委社会工作部2024年度无“三公”经费财政拨款支出。\n"
        in SOCIAL_TEXT
    )
    assert "中共上海市普陀区委社会工作部2024年度无政府性基金预算财政拨款收入和支出。" in SOCIAL_TEXT
    assert "上海市普陀区规划和自然资源局2024年度无国有资本经营预算财政拨款收入和支出。" in PLANNING_TEXT


def test_other_matters() -> None:
    """十一 gives 机关运行经费, 政府采购 by kind with the amounts won by SMEs, and the vehicles by use."""
    assert "\n机关运行经费支出10.23万元。\n" in SOCIAL_TEXT
    assert (
        "政府采购金额（以合同签订为准）为21.07万元，其中：货物采购金额21.07万元、工程采购金额0万元、服务采购金额0万元。"
        in SOCIAL_TEXT
    )
    assert "在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额225.10万元；" in PLANNING_TEXT
    assert "截至2024年12月31日，上海市普陀区规划和自然资源局共有车辆0辆，其中：部级领导干部用车0辆、" in PLANNING_TEXT
    assert "单价100万元（含）以上设备（不含车辆）0台（套）。" in PLANNING_TEXT


def test_changes_and_reasons_when_the_model_keeps_them() -> None:
    """With last year's figure and a reason, 一 and 十一（一） state the change, the growth and 主要原因."""
    account = attrs.evolve(
        PLANNING,
        income=attrs.evolve(PLANNING.income, total=Figure("9859.38", "8796.53")),
        operating_costs=Figure("142.80", "156.32"),
        explanations=(ChangeExplanation(subject="income.total", change="1062.85", reason="项目支出增加。"),),
    )
    text = render(account, "text")
    assert (
        "2024年度收入支出总计9859.38万元。与2023年度相比，收入支出总计增加1062.85万元，增长12.08%。"
        "主要原因：项目支出增加。\n" in text
    )
    assert "机关运行经费支出142.80万元，比2023年度减少13.52万元，下降8.65%。" in text
    growth = [c for c in generated_claims(account) if c.kind is ClaimKind.GROWTH]
    assert [(c.subject, str(c.stated)) for c in growth] == [("income.total", "12.08"), ("operating_costs", "-8.65")]
    assert _added(report_account(account)) == []


def _added(account: FinalAccount) -> list[Finding]:
    """The findings on the generated claims and passages, but the reasons the template asks for: the model keeps
    no per-项 reason text (决算数小于预算数的主要原因), so the generated text leaves them for its writer and
    ``narrative.reason`` rightly says so (a warning, never an error)."""
    found = [f for f in check(account) if f.path.startswith(("claims[", "passages["))]
    assert all(f.severity is Severity.WARNING for f in found if f.rule == "narrative.reason")
    return [f for f in found if f.rule != "narrative.reason"]


@pytest.mark.parametrize("account", [PLANNING, SOCIAL], ids=["planning", "social-work"])
def test_round_trip_adds_no_finding(account: FinalAccount) -> None:
    """check on the account with the generated 情况说明 finds only what its tables already have."""
    bare = attrs.evolve(account, claims=(), passages=(), explanations=())
    before = {(f.rule, f.path) for f in check(bare)}
    regenerated = report_account(account)
    added = [f for f in check(regenerated) if (f.rule, f.path) not in before]
    # a line's 主要用于 copied from another's is the account's own (the social-work 住房公积金), reported wherever a
    # 情况说明 is printed: the generated one prints the uses as the account holds them
    copied = [f for f in check(account) if f.rule == "narrative.use_copied"]
    assert [f for f in added if f.rule == "narrative.use_copied"] == copied
    assert [f for f in added if f.rule not in ("narrative.reason", "narrative.use_copied")] == []  # see _added
    assert generated_claims(account)
    for claim in generated_claims(account):
        assert resolve(account, claim.subject) is not None
        assert claim.text in render(account, "text")


@pytest.mark.parametrize(
    ("account", "text", "floor"),
    [(PLANNING, PLANNING_TEXT, 0.60), (SOCIAL, SOCIAL_TEXT, 0.55)],
    ids=["planning", "social"],
)
def test_published_sentences_are_reproduced(account: FinalAccount, text: str, floor: float) -> None:
    """At least 60% (planning) and 55% (social work) of the real 情况说明's sentences are written word for word.

    benchmarks/narrative.py prints them by section (61.0% and 57.6%); the rest are
    the units' own reasons and 绩效 prose, figures the model does not keep, and the
    reports' defects, which the text does not repeat.
    """
    assert _share(account, re.sub(r"\s+", "", text)) >= floor


def test_performance_section_counts_the_evaluated_projects() -> None:
    """十 gives the evaluated projects, their money, the mean score and the count per grade in the template's names."""
    seed = datasets.load("zigong-hr-2023")
    text = render(attrs.evolve(PLANNING, projects=seed.projects), "text")
    assert (
        "\n十、预算绩效管理情况\n绩效自评的2024年度项目7个，涉及预算金额474.95万元，平均得分96.14分"
        "（其中，绩效评级为“优”的项目7个；绩效评级为“良”的项目0个；绩效评级为“合格”的项目0个；"
        "绩效评级为“不合格”的项目0个）。\n" in text
    )
    assert "\n十、预算绩效管理情况\n\n十一、" in PLANNING_TEXT  # no project record: nothing is invented


def test_a_line_whose_parents_are_not_printed_keeps_the_models_name() -> None:
    """A 项 of 表五 printed without its 类 and 款 rows is named by the model's printed path, never by empty brackets."""
    table = PLANNING.tables.table("general_budget_expenditure")
    assert table is not None
    rows = tuple(r for r in table.rows if r.key not in ("220", "22001"))
    tables = attrs.evolve(
        PLANNING.tables,
        tables=tuple(attrs.evolve(t, rows=rows) if t.key == table.key else t for t in PLANNING.tables.tables),
    )
    text = render(attrs.evolve(PLANNING, tables=tables), "text")
    assert "（类）（款）" not in text
    assert "\n10、自然资源海洋气象等支出（类）自然资源事务（款）事业运行（项）。主要用于" in text


def test_three_public_change_item_by_item() -> None:
    """With last year's "三公" figures, 七（一） gives the total's change and each item's, flat items read 持平."""
    tp = PLANNING.three_public
    account = attrs.evolve(
        PLANNING,
        three_public=attrs.evolve(
            tp,
            total=attrs.evolve(tp.total, previous="0.54"),
            outbound=attrs.evolve(tp.outbound, previous="0.00"),
            vehicle=attrs.evolve(tp.vehicle, previous="0.00"),
            reception=attrs.evolve(tp.reception, previous="0.54"),
        ),
        explanations=(
            ChangeExplanation(subject="three_public.reception", change="-0.15", reason="严格落实中央八项规定。"),
        ),
    )
    text = render(account, "text")
    assert (
        "2024年度“三公”经费财政拨款支出决算数比2023年度减少0.15万元，下降27.78%，其中：因公出国（境）费支出与上一年度持平；"
        "公务用车购置及运行维护费支出与上一年度持平；公务接待费支出决算减少0.15万元，下降27.78%。"
        "公务接待费支出减少的主要原因是严格落实中央八项规定。" in text
    )
    assert _added(report_account(account)) == []


def test_foreign_guests_are_worded_within_the_domestic_reception() -> None:
    """七（二）3 words 外宾接待 within 国内公务接待 (含外宾接待支出…) and the 公务接待 counts with their 接待外宾, as the
    template does; the account's 外宾 are read back so, and add no finding (a 外宾 amount held as 外事接待, a part
    beside 国内, was an error against 公务接待费)."""
    assert (
        "3、公务接待费支出0.39万元。其中：国内公务接待支出0.39万元（含外宾接待支出0.00万元）。"
        "列明公务接待2批次、26人次，其中：接待外宾0批次、0人次。" in PLANNING_TEXT
    )
    tp = PLANNING.three_public
    guests = attrs.evolve(
        PLANNING,
        three_public=attrs.evolve(tp, reception_guests=Figure("0.10"), guest_batches=1, guest_persons=3),
    )
    assert "（含外宾接待支出0.10万元）" in render(guests, "text")
    assert _added(report_account(guests)) == []
    assert [f.rule for f in check(guests) if f.rule.startswith("identity")] == []



def test_a_unit_name_ending_in_a_digit_is_set_apart_from_the_year() -> None:
    """示例单位0 2024年度, not 示例单位02024年度: the digits would run into one number when the report is read back."""
    text = render(attrs.evolve(SOCIAL, unit="示例单位0"), "text")
    assert text.startswith("第三部分 示例单位0 2024年度部门决算情况说明\n")
    assert "示例单位02024" not in text and "示例单位0 2024年度收入支出总计" in text
