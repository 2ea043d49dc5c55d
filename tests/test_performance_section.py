"""预算绩效管理情况 (Sichuan 十（四）, Shanghai 十): its figures describe projects and project kinds, not the
account's figures; a clause on a tabled project gives that project's kind, use and claims."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from budgetkit.checks.audit import check
from budgetkit.io.grammar import parse_paragraphs, performance_projects
from budgetkit.io.text import read_text, text_document

HEAD = [
    "示例局2024年度部门决算",
    "第三部分 2024年度部门决算情况说明",
    "六、一般公共预算财政拨款基本支出决算情况说明",
    "2024年度一般公共预算财政拨款基本支出100.00万元，其中：人员经费60.00万元；公用经费40.00万元。",
]
PERFORMANCE = "公用经费年初预算为48.03万元，调整预算数为39.32万元，决算数为39.32万元，执行率为100%。"


def _import(tmp_path: Path, *lines: str) -> object:
    path = tmp_path / "report.txt"
    path.write_text("\n".join([*HEAD, *lines]) + "\n", encoding="utf-8")
    return read_text(path)


def test_shanghai_section_ten_figures_are_read_but_not_held(tmp_path: Path) -> None:
    """Under 十、预算绩效管理情况 the 公用经费 sentence is the 公用经费 projects': not the account's 公用经费
    budget, no completion claim of it (its 执行率 is checked on the two figures printed beside it only); the
    section's own figures (绩效自评的项目…个) are read as before."""
    imported = _import(tmp_path, "十、预算绩效管理情况", "绩效自评的2024年度项目2个，涉及预算金额50.00万元。" + PERFORMANCE)
    account, report = imported.account, imported.report  # type: ignore[attr-defined]
    assert account.general_budget.public_use.current.amount == Decimal("40.00")
    assert account.general_budget.public_use.budget is None
    claims = [(c.kind.value, c.subject, c.base, str(c.stated)) for c in account.claims if c.section == "十"]
    assert claims == [("completion", "39.32", "39.32", "100")]
    held = [(str(i.box), i.text) for i in report.issues if "预算绩效管理情况" in i.reason]
    assert held == [("第6行", "48.03万元")]
    assert report.numbers_seen == report.numbers_imported + report.numbers_in_text + report.numbers_not_held + len(
        report.not_understood
    )


def test_the_same_sentence_outside_the_section_is_the_account_s(tmp_path: Path) -> None:
    """Printed in 六 (no performance heading above it), the sentence is read as 公用经费's budget: its 调整预算 (the
    全年预算, of which the 执行率 100% is), not its 年初预算 48.03."""
    imported = _import(tmp_path, PERFORMANCE)
    account = imported.account  # type: ignore[attr-defined]
    assert account.general_budget.public_use.budget is not None
    assert account.general_budget.public_use.budget.amount == Decimal("39.32")


def test_a_later_section_ends_the_performance_section() -> None:
    doc = text_document("\n".join([*HEAD, "十、预算绩效管理情况", "绩效自评的项目2个。", "十一、其他重要事项的情况说明", PERFORMANCE]))
    narrative = parse_paragraphs(doc.paragraphs)
    assert sorted(narrative.performance) == [4, 5]
    assert performance_projects(narrative) == ()


def test_sichuan_subsection_and_the_kinds_it_names() -> None:
    """Sichuan's （四）预算绩效管理情况 under 十: each clause printing a 调整预算 or 决算 is a project's, with the kind
    it names or the last one named before it."""
    lines = [
        "十、其他重要事项的情况说明",
        "（四）预算绩效管理情况。",
        "(2)运转类项目绩效分析",
        "2023年其他运转类项目：档案管理项目，项目资金主要用于档案保管的支付，年初预算为12万元，调整预算为11.30万元，决算为11.30万元，执行率为100%。",
        "(3)特定目标类项目绩效分析",
        "一是甲项目，项目资金主要用于甲的支出，调整预算数为5.00万元，决算数为4.00万元，执行率80%；二是乙项目，调整预算数为1.00万元，决算数为1.00万元。",
        "（五）其他情况。",
        "调整预算数为9.00万元，决算数为9.00万元。",
    ]
    narrative = parse_paragraphs(text_document("\n".join(lines)).paragraphs)
    found = [(p.kind, p.section, p.value("adjusted"), p.value("executed"), p.value("rate"), p.use)
             for p in performance_projects(narrative)]
    assert found == [
        ("其他运转类", "十（四）", Decimal("11.30"), Decimal("11.30"), Decimal("100"), "主要用于档案保管的支付"),
        ("特定目标类", "十（四）", Decimal("5.00"), Decimal("4.00"), Decimal("80"), "主要用于甲的支出"),
        ("特定目标类", "十（四）", Decimal("1.00"), Decimal("1.00"), None, ""),
    ]


SUMMARIES = [
    "三、部门决算中项目绩效自评结果",
    "1.示例甲项目绩效自评综述：项目全年预算数为500.00万元，执行数为500.00万元，完成预算的100.00%。项目自评得分95分。",
    "2.示例乙项目绩效自评综述：项目预算数为150.00万元，支出决算为120.00万元，预算执行率为80.00%。",
    "3.示例丙项目：年初预算数为30.00万元，实际支出为29.00万元，完成年初预算的96.67%。",
]


def test_a_project_summary_is_a_completion_of_its_printed_figures(tmp_path: Path) -> None:
    """Under a …项目绩效自评结果 heading each summary (全年预算数/预算数/年初预算数, 执行数/支出决算/实际支出,
    完成预算的/预算执行率/完成年初预算的 p%) is a completion claim of the two figures it prints; they hold."""
    imported = _import(tmp_path, *SUMMARIES)
    account, report = imported.account, imported.report  # type: ignore[attr-defined]
    claims = [(c.kind.value, c.subject, c.base, str(c.stated), c.section) for c in account.claims if c.section.startswith("三")]
    assert claims == [
        ("completion", "500.00", "500.00", "100.00", "三1"),
        ("completion", "120.00", "150.00", "80.00", "三2"),
        ("completion", "29.00", "30.00", "96.67", "三3"),
    ]
    assert report.not_understood == ()  # the score 95: read, held by no field (no project table to compare with)
    assert [i.text for i in report.issues] == ["自评得分 95分"]
    assert [f for f in check(account) if f.rule.startswith("claim.")] == []


def test_a_wrong_rate_of_a_project_summary_is_found_beyond_rounding(tmp_path: Path) -> None:
    """p = B/A×100 with A and B the intervals their printed places round (DOMAIN §2): 120.00/150.00 万元 stand for
    [119.995, 120.005]/[149.995, 150.005], p for [79.993%, 80.007%]: a printed 80.01% may be right (the rate of the
    unrounded figures), 80.02% may not."""
    for printed, found in (("80.01%", []), ("80.02%", [("claim.completion", "80.02", "80.00")])):
        lines = [SUMMARIES[0], SUMMARIES[2].replace("80.00%", printed)]
        findings = [f for f in check(_import(tmp_path, *lines).account) if f.rule.startswith("claim.")]  # type: ignore[attr-defined]
        assert [(f.rule, f.stated_text, f.expected_text) for f in findings] == found, printed
