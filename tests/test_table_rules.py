"""The checks over the published tables (budgetkit.checks.rules.tables) and the coverage of a check."""

from __future__ import annotations

import json

import attrs
import pytest

from budgetkit import datasets
from budgetkit.checks.audit import check, coverage
from budgetkit.checks.batch import check_batch
from budgetkit.checks.finding import Severity
from budgetkit.cli import main
from budgetkit.model.account import Figure, FinalAccount, Passage
from budgetkit.model.tables import Cell, Row, Table


@pytest.fixture(scope="module")
def social() -> FinalAccount:
    return datasets.load("putuo-social-work-2024")


@pytest.fixture(scope="module")
def planning() -> FinalAccount:
    return datasets.load("putuo-planning-2024")


def _with_table(account: FinalAccount, table: Table) -> FinalAccount:
    tables = tuple(table if t.key == table.key else t for t in account.tables.tables)
    return attrs.evolve(account, tables=attrs.evolve(account.tables, tables=tables))


def _set_cell(account: FinalAccount, table_key: str, row_key: str, column: str, text: str) -> FinalAccount:
    table = account.tables.table(table_key)
    assert table is not None
    rows = []
    for row in table.rows:
        if row.key == row_key:
            i = table.columns_of(row.side).index(column)
            row = attrs.evolve(row, cells=(*row.cells[:i], Cell(text), *row.cells[i + 1 :]))
        rows.append(row)
    return _with_table(account, attrs.evolve(table, rows=tuple(rows)))


#: The headings the Putuo samples' 目录 names otherwise (十一、其他重要事项说明, as the template's 目录 does), left out of
#: the table findings the tests below compare: test_contents_headings checks them.
_HEADINGS = "table.contents_heading"


def _table_findings(account: FinalAccount) -> list[tuple[str, str]]:
    return [(f.rule, f.path) for f in check(account) if f.rule.startswith("table.") and f.rule not in (_HEADINGS, "table.name")]


def test_social_work_has_no_table_errors(social: FinalAccount) -> None:
    """The consistent report's tables give no table finding (only residues its notes list)."""
    assert _table_findings(social) == []
    residues = [f.path for f in check(social) if f.rule == "rounding.residue" and "[" in f.path]
    assert residues == ["tables.basic_expenditure[302].amount", "tables.basic_expenditure[general_budget.personnel].amount"]


def test_planning_finds_the_verified_defects(planning: FinalAccount) -> None:
    """Planning's two printings of 卫生健康支出 and 城乡社区支出 and its 人员经费 4896.98 and 基本支出 5377.64 are errors, nothing else."""
    errors = [(f.rule, f.path, f.stated_text, f.expected_text) for f in check(planning)
              if f.rule.startswith("table.") and f.rule != "table.name"]  # fmt: skip
    assert errors.pop() == (_HEADINGS, "passages[33]", "十一、其他重要事项说明", "十一、其他重要事项的情况说明")
    assert errors == [
        ("table.link", "tables.summary[210].amount", "236.63", "236.64"),
        ("table.link", "tables.summary[212].amount", "3845.25", "3845.24"),
        ("table.link", "tables.general_budget_expenditure[210].total", "236.64", "236.63"),
        ("table.figure", "general_budget.personnel.current", "4896.98", "4884.09"),
        ("table.figure", "general_budget.basic.current", "5377.64", "5364.75"),
    ]


def test_planning_table_four_sum_is_a_residue(planning: FinalAccount) -> None:
    """表四's 类 rows adding up to 9746.49 against 9746.50 is a rounding residue (info), not an error."""
    found = {f.path: f for f in check(planning) if f.rule == "rounding.residue"}
    residue = found["tables.fiscal_summary[fiscal.expenditure].total"]
    assert (residue.severity, residue.stated_text, residue.expected_text) == (Severity.INFO, "9746.50", "9746.49")


def test_column_sum(social: FinalAccount) -> None:
    """A row whose 本年支出合计 is not 基本 + 项目 + … is a table.column_sum error."""
    broken = _set_cell(social, "expenditure", "2013901", "basic", "50.32")
    assert ("table.column_sum", "tables.expenditure[2013901].year_total") in _table_findings(broken)


def test_line_sum(social: FinalAccount) -> None:
    """表一's 本年收入合计 that is not the sum of the income lines is a table.line_sum error."""
    broken = _set_cell(social, "summary", "income.general_budget", "amount", "300.82")
    assert ("table.line_sum", "tables.summary[income.year_total].amount") in _table_findings(broken)


def test_hierarchy(social: FinalAccount) -> None:
    """A 款 that is not the sum of its 项 is a table.hierarchy error, even when its row adds up."""
    broken = _set_cell(social, "income", "2013950", "year_total", "12.31")
    broken = _set_cell(broken, "income", "2013950", "fiscal", "12.31")
    found = _table_findings(broken)
    assert ("table.hierarchy", "tables.income[20139].year_total") in found
    assert not any(rule == "table.column_sum" for rule, _ in found)


def test_link(social: FinalAccount) -> None:
    """A 类 printed in 表一 with other digits than in 表三 is a table.link error naming both places."""
    broken = _set_cell(social, "summary", "201", "amount", "264.88")
    finding = next(f for f in check(broken) if f.rule == "table.link" and f.path == "tables.summary[201].amount")
    assert "表一" in finding.message and "表三" in finding.message
    assert (finding.stated_text, finding.expected_text) == ("264.88", "264.87")


def test_figure(social: FinalAccount) -> None:
    """A 情况说明 figure that differs from its table line is a table.figure error."""
    broken = attrs.evolve(social, general_budget=attrs.evolve(social.general_budget, personnel=Figure("96.36")))
    assert ("table.figure", "general_budget.personnel.current") in _table_findings(broken)


def test_missing_table_and_contents(social: FinalAccount) -> None:
    """A table of the set left out is table.missing, and the 目录 then lists a table not printed."""
    tables = attrs.evolve(social.tables, tables=social.tables.tables[:-1])
    found = _table_findings(attrs.evolve(social, tables=tables))
    assert found == [("table.missing", "tables[state_capital]"), ("table.contents", "tables.contents")]


def test_order(social: FinalAccount) -> None:
    """Two tables printed out of the set's order are table.order."""
    first, second, *rest = social.tables.tables
    tables = attrs.evolve(social.tables, tables=(second, first, *rest))
    assert ("table.order", "tables") in _table_findings(attrs.evolve(social, tables=tables))


def test_the_central_templates_order_is_in_order(social: FinalAccount) -> None:
    """The nine tables with 三公 printed last (the central template's order, one of the set's other_orders) are in
    order; any other move of 三公 still is table.order."""
    by_key = {t.key: t for t in social.tables.tables}
    central = [k for k in by_key if k != "three_public"] + ["three_public"]
    assert central != list(by_key)
    tables = attrs.evolve(social.tables, tables=tuple(by_key[k] for k in central))
    assert ("table.order", "tables") not in _table_findings(attrs.evolve(social, tables=tables))
    moved = [k for k in by_key if k not in ("three_public", "state_capital")] + ["three_public", "state_capital"]
    tables = attrs.evolve(social.tables, tables=tuple(by_key[k] for k in moved))
    assert ("table.order", "tables") in _table_findings(attrs.evolve(social, tables=tables))


def test_an_other_order_must_name_each_table_once() -> None:
    from budgetkit.errors import ModelError
    from budgetkit.model.tables import table_set

    shipped = table_set("national-2024")
    with pytest.raises(ModelError, match="an order names each table of the set once"):
        attrs.evolve(shipped, other_orders=[["summary", "income"]])


def test_contents(social: FinalAccount) -> None:
    """A 目录 that lists the tables in another order than printed is table.contents."""
    contents = list(social.tables.contents)
    i = contents.index("一、收入支出决算总表")
    contents[i], contents[i + 1] = contents[i + 1], contents[i]
    tables = attrs.evolve(social.tables, contents=tuple(contents))
    assert _table_findings(attrs.evolve(social, tables=tables)) == [("table.contents", "tables.contents")]


@pytest.mark.parametrize("leader", ["……………", ".........", " ", "·····"])
def test_contents_with_page_numbers(social: FinalAccount, leader: str) -> None:
    """A 目录 that prints each line's page after leader dots (as a word processor's table of contents does) lists the
    tables it lists; in their order it says nothing, and a table it leaves out is still table.contents."""
    contents = tuple(f"{line}{leader}{page}" for page, line in enumerate(social.tables.contents, start=3))
    tables = attrs.evolve(social.tables, contents=contents)
    assert _table_findings(attrs.evolve(social, tables=tables)) == []
    fewer = tuple(line for line in contents if not line.startswith("二、收入决算表"))
    tables = attrs.evolve(social.tables, contents=fewer)
    assert _table_findings(attrs.evolve(social, tables=tables)) == [("table.contents", "tables.contents")]


def test_empty_note(social: FinalAccount) -> None:
    """An empty table without its note, in the table and in its 情况说明 section, is table.empty_note twice: at the
    table and at the section's first passage (a path that resolves in the account)."""
    table = social.tables.table("three_public")
    assert table is not None and table.is_empty
    broken = _with_table(social, attrs.evolve(table, empty_note=""))
    passages = tuple(
        Passage(section=p.section, text="“三公”经费情况如下。") if p.section == "七" else p for p in social.passages
    )
    found = _table_findings(attrs.evolve(broken, passages=passages))
    first = next(i for i, p in enumerate(passages) if p.section == "七")
    assert found == [("table.empty_note", "tables.tables[6].empty_note"), ("table.empty_note", f"passages[{first}]")]
    assert _table_findings(broken) == [("table.empty_note", "tables.tables[6].empty_note")]


def test_empty_note_in_a_section_numbered_otherwise(social: FinalAccount) -> None:
    """A report whose tables and 情况说明 sections are numbered apart (Guangxi: 表七 政府性基金, 表九 三公, and the
    政府性基金 in section 四) says an empty table is empty in the section whose heading names it: no
    table.empty_note; a section of that name that does not say so still is one."""
    government_fund, three_public = social.tables.table("government_fund"), social.tables.table("three_public")
    assert government_fund is not None and government_fund.is_empty and three_public is not None
    account = _with_table(_with_table(social, attrs.evolve(government_fund, number="七")), attrs.evolve(three_public, number="九"))
    # its 三公 section is 六 (七 in Shanghai's numbering), its 政府性基金 section 四 (八)
    kept = tuple(attrs.evolve(p, section="六") if p.section == "七" else p for p in social.passages if p.section != "八")
    fund = Passage(section="四", text="四、2023年度政府性基金支出决算情况\n本单位2023年度无政府性基金预算财政拨款收入和支出。")
    assert _table_findings(attrs.evolve(account, passages=(*kept, fund))) == []
    silent = attrs.evolve(fund, text="四、2023年度政府性基金支出决算情况\n情况如下。")
    assert ("table.empty_note", f"passages[{len(kept)}]") in _table_findings(attrs.evolve(account, passages=(*kept, silent)))


def test_absent_cell_is_skipped_and_named(social: FinalAccount) -> None:
    """A row the report does not print skips the identity needing it, and coverage names it as skipped."""
    table = social.tables.table("summary")
    assert table is not None
    rows = tuple(r for r in table.rows if r.key != "income.other")
    broken = _with_table(social, attrs.evolve(table, rows=rows))
    assert _table_findings(broken) == []
    report = coverage(broken)
    assert any(
        line.startswith("表一“本年收入合计”决算数 identity skipped") and "其他收入" in line for line in report.skipped
    )
    assert report.checked["table"] == coverage(social).checked["table"] - 1


def test_coverage_counts(social: FinalAccount) -> None:
    """Coverage counts the identities checked and words the account identities skipped for absent figures."""
    report = coverage(social)
    # narrative 20: the 预算绩效管理 sentence's grades against its projects self-evaluated (narrative.count_parts),
    # what 中小企业 won against the 政府采购金额 (narrative.sme_awarded) and the budget reserved for 小微企业 against
    # the one for 中小企业 (narrative.sme_reserved); identity 14: the 项 budgets against the total's and 机关运行经费
    # against 公用经费; table 289: 表四's 总计 against the 情况说明's 财政拨款收、支总计 too (since the nineteenth session)
    assert report.checked == {"identity": 14, "table": 289, "narrative": 20}
    assert "收入总计 identity skipped: 使用非财政拨款结余、年初结转和结余 absent" in report.skipped
    assert report.as_dict()["checked"] == {"identity": 14, "table": 289, "narrative": 20, "total": 323}
    assert coverage(social, disable=("table", "narrative")).checked == {"identity": 14}


def test_blank_cells_sum_as_zero() -> None:
    """A blank cell sums as 0 in a row: 合计 5.00 = 基本 5.00 + 项目 (blank) holds."""
    table = Table(
        key="general_budget_expenditure",
        number="五",
        columns=("total", "basic", "project"),
        rows=(Row(key="201", name="一般公共服务支出", cells=("5.00", "5.00", "")),),
    )
    account = attrs.evolve(
        datasets.load("zigong-hr-2023"),
        tables=attrs.evolve(datasets.load("putuo-social-work-2024").tables, tables=(table,)),
    )
    assert coverage(account).checked["table"] == 1
    assert not any(f.rule in ("table.column_sum", "table.line_sum") for f in check(account))


def test_cli_prints_coverage(capsys: pytest.CaptureFixture[str]) -> None:
    """`budgetkit check` prints what it checked and skipped, in text and in JSON."""
    main(["check", "putuo-social-work-2024", "--format", "json"])
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert summary["checked"]["total"] == 323 and len(summary["skipped"]) == 23
    main(["check", "putuo-social-work-2024"])
    assert "已核对恒等式和比较 323 个" in capsys.readouterr().out


def test_batch_runs_the_table_rule(social: FinalAccount, planning: FinalAccount) -> None:
    """check_batch gives exactly check() on accounts with tables."""
    accounts = [planning, social, datasets.load("zigong-hr-2023")]
    assert check_batch(accounts) == [check(a) for a in accounts]


def test_contents_headings(social: FinalAccount, planning: FinalAccount) -> None:
    """The 目录 of both samples (and of the template) lists 十一、其他重要事项说明 for the heading 十一、其他重要事项的
    情况说明: a warning placed on the heading. Spaces, quote marks, a page number and a closing 。 are no difference;
    the 目录's part lines are not compared (an importer names the 情况说明's part 第三部分, as printed or not)."""
    for account, at in ((social, 24), (planning, 33)):
        found = [(f.path, f.severity.value, f.message) for f in check(account) if f.rule == _HEADINGS]
        assert found == [(f"passages[{at}]", "warning", "目录中的“十一、其他重要事项说明”与正文标题“十一、其他重要事项的情况说明”不一致")]
    contents = tuple(
        "十一、其他重要事项的情况说明……22" if line.startswith("十一") else line.replace("“", "").replace("”", "") + " 7"
        for line in social.tables.contents
    )
    same = attrs.evolve(social, tables=attrs.evolve(social.tables, contents=contents))
    assert [f for f in check(same) if f.rule == _HEADINGS] == []
    cut = tuple("十一、其他重要事项的情况" if line.startswith("十一") else line for line in social.tables.contents)
    short = attrs.evolve(social, tables=attrs.evolve(social.tables, contents=cut))  # a 目录 line run on to the next
    assert [f for f in check(short) if f.rule == _HEADINGS] == []
    assert check_batch([social, same, short]) == [check(social), check(same), check(short)]


def test_line_names_against_table_five(planning: FinalAccount, social: FinalAccount) -> None:
    """The planning sample's 五（三） names four lines otherwise than 表五 (its defect 10): 2080599 and 2200199 by other
    项 names, 2210201 and 2210203 under 住房保障支出（款） for 22102 住房改革支出. The social-work sample's names agree."""
    found = [(f.path, f.severity.value, f.message) for f in check(planning) if f.rule == "table.name"]
    assert [path for path, _, _ in found] == [
        "general_budget.categories[0].children[0].children[4]",
        "general_budget.categories[3].children[0].children[1]",
        "general_budget.categories[4].children[0].children[0]",
        "general_budget.categories[4].children[0].children[1]",
    ]
    assert found[0][2] == (
        "情况说明的“社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位退休人员活动费支出（项）”与表五的科目名称"
        "不一致（2080599：项“机关事业单位退休人员活动费支出”表五为“其他行政事业单位养老支出”）"
    )
    assert found[2][2].endswith("（2210201：款“住房保障支出”表五为“住房改革支出”）")
    assert [f for f in check(social) if f.rule == "table.name"] == []
    assert check_batch([planning, social]) == [check(planning), check(social)]
