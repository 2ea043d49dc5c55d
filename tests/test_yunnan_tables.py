"""Yunnan's 2024 部门决算 tables as its units publish them (eleven, not the nine): 表一 and 表四 titled without 总,
表五 with its balances, 表七 项目支出 (an optional table of the set, against 表五's 项目支出), 表十 the 三公 listed with their
counts and the 机关运行经费, 表十一 the 一般公共预算 三公 across under numbered columns. A composed report
(:mod:`yunnan_report`, own unit and numbers, every identity holding) read as a web page and as PDFs with and without
ruling lines; then one cell at a time made wrong, and exactly that found, named by the table's own number."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from io import StringIO
from pathlib import Path

import attrs
import pytest

import yunnan_report as report
from budgetkit.checks.audit import check, coverage
from budgetkit.cli import main
from budgetkit.io.pdf import Imported
from budgetkit.io.text import read_html

#: The set's tables the report is read into, in its order
READ = [
    ("summary", "一"), ("income", "二"), ("expenditure", "三"), ("fiscal_summary", "四"), ("general_budget_expenditure", "五"),
    ("basic_expenditure", "六"), ("general_budget_project", "七"), ("government_fund", "八"), ("state_capital", "九"), ("three_public", "十"),
    ("general_budget_three_public", "十一"),
]


def _read(tmp_path: Path, tables: list[report.Table] | None = None) -> Imported:
    path = tmp_path / "yunnan.html"
    path.write_text(report.page(tables), encoding="utf-8")
    return read_html(path)


def _found(imported: Imported) -> set[tuple[str, str]]:
    """The errors and warnings of a check, as (code, path)."""
    return {(f.rule, f.path) for f in check(imported.account) if f.severity.value in ("error", "warning")}


def _cells(imported: Imported) -> dict[tuple[str, str, str], str]:
    tables = imported.account.tables
    assert tables is not None
    return {
        (t.key, row.key, column): cell.text
        for t in tables.tables
        for row in t.rows
        for column, cell in zip(t.columns_of(row.side), row.cells, strict=True)
    }


def test_the_eleven_tables_are_read_as_the_sets(tmp_path: Path) -> None:
    """Every table is read as its table of the set, under its own number; no finding on a consistent report (表一 and
    表四 were read as 表三 — refused and dropped as printed twice — and both called missing; 表十一 was unknown; 表七 was
    named as a table the set has not, its figures not checked; the 目录's 表七 made a false table.contents)."""
    imported = _read(tmp_path)
    tables = imported.account.tables
    assert tables is not None
    assert [(t.key, t.number) for t in tables.tables] == READ
    assert imported.report.tables_unknown == ()
    # the rows of 表十 not read (（1）国内接待费, 7．国（境）外公务接待批次) keep their numbers 1 and 7 in their text: they
    # were four numbers not understood
    assert imported.report.not_understood == ()
    # a 项 表五 prints with 项目支出 0.00 and 表七 leaves out has no money to link: not listed as a comparison skipped
    assert not [line for line in coverage(imported.account).skipped if "表七" in line.zh]
    assert set(imported.report.tables_expected) == {key for key, _ in READ}
    assert _found(imported) == set()


def test_the_figures_are_read_under_their_rows_and_columns(tmp_path: Path) -> None:
    """Figures of each table where it prints them: 表一's two halves, 表四's funds, 表五's balances, 表十's 机关运行经费
    and 表十一's twelve columns (its 1 to 12 were read as its figures)."""
    cells = _cells(_read(tmp_path))
    assert cells[("summary", "income.total", "amount")] == cells[("summary", "expenditure.total", "amount")] == "527.00"
    assert cells[("summary", "210", "amount")] == "18.72"
    assert cells[("fiscal_summary", "fiscal.general_budget.opening", "amount")] == "10.00"
    assert cells[("fiscal_summary", "fiscal.closing", "general_budget")] == "19.00"
    assert cells[("fiscal_summary", "fiscal.closing", "government_fund")] == "2.00"
    five = [cells[("general_budget_expenditure", "2070199", c)] for c in ("opening", "income", "total", "basic", "project", "closing")]
    assert five == ["10.00", "104.50", "95.50", "0.00", "95.50", "19.00"]
    assert cells[("basic_expenditure", "general_budget.public_use", "amount")] == "40.00"
    assert (cells[("three_public", "operating_costs", "budget")], cells[("three_public", "operating_costs", "actual")]) == ("42.00", "40.00")
    across = {k[1:]: v for k, v in cells.items() if k[0] == "general_budget_three_public"}
    assert across == {(f"three_public.{line}", column): value for line, column, value in [
        ("total", "budget", "8.00"), ("total", "actual", "7.30"), ("outbound", "budget", "0.00"), ("outbound", "actual", "0.00"),
        ("vehicle", "budget", "6.00"), ("vehicle", "actual", "5.80"), ("vehicle_purchase", "budget", "0.00"),
        ("vehicle_purchase", "actual", "0.00"), ("vehicle_operation", "budget", "6.00"), ("vehicle_operation", "actual", "5.80"),
        ("reception", "budget", "2.00"), ("reception", "actual", "1.50"),
    ]}


def test_numbered_columns_of_the_central_three_public_are_not_its_figures(tmp_path: Path) -> None:
    """The central template's 表七 (一般公共预算财政拨款“三公”经费支出决算表) printed across with 1 to 12 under its
    headers, as 表十一 is: its figures are the row below (the numbers were read, and the figures dropped as a second
    row)."""
    rows = report.tables()[10][2]
    imported = _read(tmp_path, [("一般公共预算财政拨款“三公”经费支出决算表", 7, rows)])
    tables = imported.account.tables
    assert tables is not None
    assert tables.cell("three_public", "three_public.total", "actual").amount == Decimal("7.30")  # type: ignore[union-attr]
    assert tables.cell("three_public", "three_public.reception", "budget").amount == Decimal("2.00")  # type: ignore[union-attr]
    assert not any("more than one row" in issue.reason for issue in imported.report.issues)


def test_a_report_without_table_eleven_lacks_nothing(tmp_path: Path) -> None:
    """表十一 is printed in Yunnan only: a report without it is not told it is missing, nor expected to print it."""
    imported = _read(tmp_path, report.tables()[:10])
    assert "general_budget_three_public" not in imported.report.tables_expected
    assert not any(f.path == "tables[general_budget_three_public]" for f in check(imported.account))
    assert _found(imported) == set()


def _ten_not_eleven(tables: list[report.Table]) -> None:
    """表十's 公务接待费 0.10 more than 表十一's, 表十 adding up in itself."""
    report.set_cell(tables, 10, lambda t: t[0] == "（一）支出合计", 2, "7.40")
    report.set_cell(tables, 10, lambda t: t[0] == "3．公务接待费", 2, "1.60")
    report.set_cell(tables, 10, lambda t: t[0] == "（1）国内接待费", 2, "1.60")


def test_table_ten_against_table_eleven_while_no_government_fund_is_spent(tmp_path: Path) -> None:
    """表十 (财政拨款's 三公) = 表十一 (一般公共预算's) where no 政府性基金 is spent: a difference is a table.link naming
    both tables; where a fund is spent (its 三公 are 表十's, not 表十一's) the two are not compared."""
    tables = report.tables(fund=False)
    _ten_not_eleven(tables)
    imported = _read(tmp_path, tables)
    assert _found(imported) == {("table.link", "tables.three_public[three_public.total].actual")}
    (finding,) = [f for f in check(imported.account) if f.rule == "table.link"]
    assert "表十“合计”决算数7.40万元" in finding.message and "表十一“合计”决算数 7.30" in finding.message
    with_fund = report.tables()
    _ten_not_eleven(with_fund)
    assert _found(_read(tmp_path, with_fund)) == set()


def test_table_ten_against_table_eleven_not_compared_is_listed_as_not_checked(tmp_path: Path) -> None:
    """The link 表十 = 表十一 left unchecked by its ``unless`` (表八 spends 28.00, or is not printed) is listed in the
    coverage with why, in English and Chinese, and in JSON; where it is checked it is not listed (it was never)."""
    link = "表十财政拨款“三公”经费决算数 = 表十一一般公共预算财政拨款“三公”经费决算数（无政府性基金预算财政拨款支出时）"
    with_fund = _read(tmp_path, report.tables()).account
    [line] = [line for line in coverage(with_fund).skipped if line.startswith(link)]
    assert line == f"{link} comparison skipped: 表八“合计”本年支出合计 is 28.00: the identity holds only while it is nothing"
    assert line.zh == f"{link}：表八“合计”本年支出合计为28.00，此等式仅在其为0时成立"
    assert not [line for line in coverage(_read(tmp_path, report.tables(fund=False)).account).skipped if link in line]
    assert not [line for line in coverage(with_fund, disable=("table.link",)).skipped if link in line]
    tables = with_fund.tables
    no_eight = attrs.evolve(with_fund, tables=attrs.evolve(tables, tables=tuple(t for t in tables.tables if t.key != "government_fund")))
    [line] = [line for line in coverage(no_eight).skipped if line.startswith(link)]
    assert line.zh == f"{link}：表八“合计”本年支出合计未公布，不知此等式是否适用"
    path = tmp_path / "yunnan.html"
    path.write_text(report.page(report.tables()), encoding="utf-8")
    out = StringIO()
    main(["check", str(path), "--format", "json"], out=out)
    summary = json.loads(out.getvalue())["summary"]
    assert any(line.startswith(link) for line in summary["skipped"]) and any(
        line.startswith(f"{link}：") for line in summary["skipped_zh"]
    )


Pick = Callable[[list[str]], bool]
#: One cell made wrong (table, row, column, printed) → exactly what is found
WRONG: list[tuple[int, Pick, int, str, set[tuple[str, str]]]] = [
    (3, lambda t: t[0] == "2070101", 3, "269.00", {
        ("table.column_sum", "tables.expenditure[2070101].year_total"), ("table.hierarchy", "tables.expenditure[20701].basic")}),
    (11, lambda t: t[0] == "8.00", 6, "7.40", {
        ("table.line_sum", "tables.general_budget_three_public[three_public.total].actual")}),
    (5, lambda t: t[1] == "合计", 7, "18.00", {
        ("table.column_sum", "tables.general_budget_expenditure[total].closing"),
        ("table.line_sum", "tables.general_budget_expenditure[total].closing"),
        ("table.link", "tables.general_budget_expenditure[total].closing")}),
    (5, lambda t: t[0] == "2070199", 2, "11.00", {
        ("table.column_sum", "tables.general_budget_expenditure[2070199].closing"),
        ("table.hierarchy", "tables.general_budget_expenditure[20701].opening")}),
    (6, lambda t: t[3] == "30201", 5, "7.00", {("table.hierarchy", "tables.basic_expenditure[302].amount")}),
    (8, lambda t: t[1] == "合计", 7, "3.00", {
        ("table.column_sum", "tables.government_fund[total].closing"), ("table.line_sum", "tables.government_fund[total].closing")}),
    (2, lambda t: t[1] == "合计", 3, "501.00", {
        ("table.column_sum", "tables.income[total].year_total"), ("table.line_sum", "tables.income[total].fiscal"),
        ("table.link", "tables.income[total].fiscal")}),
    (1, lambda t: t[3] == "九、卫生健康支出", 5, "18.82", {
        ("table.line_sum", "tables.summary[expenditure.year_total].amount"), ("table.link", "tables.summary[210].amount")}),
    (7, lambda t: t[1] == "合计", 2, "96.50", {
        ("table.line_sum", "tables.general_budget_project[total].amount"),
        ("table.link", "tables.general_budget_project[total].amount")}),
    (7, lambda t: t[0] == "207", 2, "95.60", {
        ("table.hierarchy", "tables.general_budget_project[207].amount"),
        ("table.line_sum", "tables.general_budget_project[total].amount"),
        ("table.link", "tables.general_budget_project[207].amount")}),
    (7, lambda t: t[0] == "2070199", 2, "94.50", {
        ("table.hierarchy", "tables.general_budget_project[20701].amount"),
        ("table.link", "tables.general_budget_project[2070199].amount")}),
    (10, lambda t: t[0] == "3．公务接待费", 2, "1.60", {
        ("identity.three_public_total", "three_public.total.current"),
        ("table.line_sum", "tables.three_public[three_public.total].actual")}),
]


@pytest.mark.parametrize(("number", "row", "column", "printed", "expected"), WRONG, ids=[f"表{report.NUMERALS[w[0] - 1]}-{w[3]}" for w in WRONG])
def test_one_cell_made_wrong_is_found_in_its_table(
    tmp_path: Path, number: int, row: Pick, column: int, printed: str, expected: set[tuple[str, str]]
) -> None:
    """A cell that no longer adds up, or no longer agrees with another table, is found — and nothing else is; each
    table finding names the table by its own number (表十一, not 表七)."""
    tables = report.tables()
    report.set_cell(tables, number, row, column, printed)
    imported = _read(tmp_path, tables)
    assert _found(imported) == expected
    own = f"表{report.NUMERALS[number - 1]}“"
    messages = [f.message for f in check(imported.account) if f.rule.startswith("table.")]
    assert messages and all(own in message for message in messages)


def test_table_ten_s_counts_are_the_accounts_and_checked(tmp_path: Path) -> None:
    """表十's counts below the 三公 (团组数, 人次数, 购置数, 保有量, 国内接待批次 and 人次) are the account's (they were rows
    not read, each named): checked against the amounts they count for, and a 团组 where 因公出国（境）费 is 0.00 found."""
    imported = _read(tmp_path)
    tp = imported.account.three_public
    counts = (tp.outbound_groups, tp.outbound_persons, tp.vehicles_purchased, tp.vehicles_owned, tp.domestic_batches, tp.domestic_persons)
    assert counts == (0, 0, 0, 2, 12, 86)
    assert not [issue for issue in imported.report.issues if "团组数" in issue.text or "保有量" in issue.text]
    tables = report.tables()
    report.set_cell(tables, 10, lambda t: t[0].startswith("1．因公出国（境）团组数"), 2, "2")
    assert _found(_read(tmp_path, tables)) == {
        ("identity.three_public_counts", "three_public.outbound_groups"),
        ("identity.count_persons", "three_public.outbound_groups"),
    }
    # 0 批次 of 86 人次: the persons belong to no 批次 (only more 批次 than 人次 was found)
    tables = report.tables()
    report.set_cell(tables, 10, lambda t: t[0].startswith("5．国内公务接待批次"), 2, "0")
    (found,) = [f for f in check(_read(tmp_path, tables).account) if f.severity.value != "info"]
    assert (found.rule, found.path, found.stated_text, found.expected_text) == (
        "identity.count_persons", "three_public.domestic_batches", "0", "≥ 1"
    )
    assert found.message == "国内公务接待0批次，却有86人次（人次须属于某一批次）"


@pytest.mark.parametrize("header", ["决算数", "金额", "本年支出", "项目支出合计"])
def test_table_seven_under_another_header_is_read(tmp_path: Path, header: str) -> None:
    """表七's one column headed otherwise than 项目支出 (决算数, 金额, 本年支出, 项目支出合计: the column's other_names) is
    read and checked as Yunnan's (it was named as a table not read, its figures unchecked)."""
    tables = report.tables()
    rows = tables[6][2]
    rows[:2] = [["科目编码", "科目名称", header]]
    assert _found(_read(tmp_path, tables)) == set()
    report.set_cell(tables, 7, lambda t: t[1] == "合计", 2, "96.50")
    assert _found(_read(tmp_path, tables)) == {
        ("table.line_sum", "tables.general_budget_project[total].amount"),
        ("table.link", "tables.general_budget_project[total].amount"),
    }


def test_table_seven_by_economic_class_is_held_to_table_five_in_total_only(tmp_path: Path) -> None:
    """表七 printed by economic class (商品和服务支出 …, as Sichuan's set prints its 项目支出 table) under the national set:
    read, its 合计 still against 表五's 项目支出 and its classes summed, no false finding (表五 has no row 302 to match)."""
    tables = report.tables()
    rows = tables[6][2]
    rows[1:] = [["科目编码", "科目名称", "项目支出"], ["", "合计", "95.50"], ["302", "商品和服务支出", "80.50"],
                ["30201", "办公费", "30.50"], ["30227", "委托业务费", "50.00"], ["310", "资本性支出", "15.00"],
                ["31002", "办公设备购置", "15.00"]]
    assert _found(_read(tmp_path, tables)) == set()
    report.set_cell(tables, 7, lambda t: t[1] == "合计", 2, "95.40")
    assert _found(_read(tmp_path, tables)) == {
        ("table.line_sum", "tables.general_budget_project[total].amount"),
        ("table.link", "tables.general_budget_project[total].amount"),
    }


def test_table_five_with_its_balances_split_into_basic_and_project(tmp_path: Path) -> None:
    """表五 printing 年初结转和结余 and 年末结转和结余 each as 小计 | 基本支出结转 | 项目支出结转和结余 (as 本年支出 is
    split): each 小计 is its balance, the parts named as not read (the three 小计 were all taken for the 合计, and the
    table refused)."""
    tables = report.tables()
    title, number, rows = tables[4]
    split: list[report.Cells] = [
        [("项目", 2), ("年初结转和结余", 3), "本年收入", ("本年支出", 3), ("年末结转和结余", 3)],
        ["科目编码", "科目名称", "小计", "基本支出结转", "项目支出结转和结余", "", "小计", "基本支出", "项目支出", "小计",
         "基本支出结转", "项目支出结转和结余"],
        ["栏次", "", *(str(n) for n in range(1, 11))],
    ]
    for row in rows[3:]:
        code, name, opening, income, total, basic, project, closing = (str(c) for c in row)
        split.append([code, name, opening, "0.00", opening, income, total, basic, project, closing, "0.00", closing])
    tables[4] = (title, number, split)
    imported = _read(tmp_path, tables)
    assert _cells(imported) == _cells(_read(tmp_path))
    unread = [i.text for i in imported.report.issues if "a column" in i.reason]
    assert unread == ["年初结转和结余/基本支出结转", "年初结转和结余/项目支出结转和结余", "年末结转和结余/基本支出结转", "年末结转和结余/项目支出结转和结余"]
    assert _found(imported) == set()


@pytest.mark.parametrize(
    "head",
    [["项目", "上年决算数", "本年预算数", "本年决算数"], ["项目", "本年预算数", "本年决算数", "上年决算数"], ["项目", "上年决算", "本年决算"]],
)
def test_table_ten_beside_last_years_figures(tmp_path: Path, head: list[str]) -> None:
    """表十 with last year's 决算 beside this year's: 本年预算数 is the 预算数 (it was taken for another figure, not
    read), 本年决算 without 数 the 决算数 (the table was read as one row across, empty: a false table.empty_note), last
    year's named as not read; a heading row over the total printing last year's figure alone does not take the total
    line (its blank was read as this year's total: two false errors)."""
    tables = report.tables()
    title, number, rows = tables[9]
    listed: list[report.Cells] = [list(head), ["栏次", *(str(n) for n in range(1, len(head)))]]
    for row in rows[2:]:
        label, budget, actual = (str(c) for c in row)
        by_head = {"上年决算数": "9.99", "上年决算": "9.99", "本年预算数": budget, "本年决算数": actual, "本年决算": actual}
        listed.append([label, *(by_head[h] for h in head[1:])])
    tables[9] = (title, number, listed)
    imported = _read(tmp_path, tables)
    read = {k: v for k, v in _cells(imported).items() if k[0] == "three_public"}
    page = {k: v for k, v in _cells(_read(tmp_path)).items() if k[0] == "three_public"}
    assert read == (page if "本年预算数" in head else {k: v for k, v in page.items() if k[2] == "actual"})
    assert [i.text for i in imported.report.issues if "a column" in i.reason] == [head[1] if "上年" in head[1] else head[3]]
    assert _found(imported) == set()


def test_an_empty_table_eleven_is_said_so_by_the_three_public_section(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """表十一 printed blank is explained by the 情况说明's 三公 section (Yunnan's 四、财政拨款“三公”经费支出决算情况说明), as
    表十 is (a false warning asked for its section 十一); the table itself still lacks its note 本表无数据."""
    monkeypatch.setattr(report, "THREE_PUBLIC", {k: ("0.00", "0.00") for k in report.THREE_PUBLIC})
    tables = report.tables()
    for _, number, rows in tables:
        for row in rows if number == 11 else ():
            row[:] = ["" if cell == "0.00" else cell for cell in row]
    said = "<p>第三部分 2024年度部门决算情况说明</p><p>四、财政拨款“三公”经费支出决算情况说明</p><p>本部门2024年度无“三公”经费财政拨款支出。</p>"
    path = tmp_path / "yunnan.html"
    path.write_text(report.page(tables).replace("</body>", said + "</body>"), encoding="utf-8")
    imported = read_html(path)
    tables_read = imported.account.tables
    assert tables_read is not None and tables_read.table("general_budget_three_public").is_empty  # type: ignore[union-attr]
    assert _found(imported) == {("table.empty_note", "tables.tables[10].empty_note")}


def test_the_organisation_of_a_web_page_takes_in_no_table_printed_after_it(tmp_path: Path) -> None:
    """第一部分 on the same web page as the tables (a page is one page: every table was on it): the organisation's
    text is its own, not 表七's rows (a table the set has not, printed in 第二部分, was taken into it)."""
    overview = "\n".join(
        ["<p>第一部分 部门概况</p>", "<p>一、主要职责</p>", "<p>负责全州文化和旅游工作。</p>", "<p>二、基本情况</p>",
         "<p>内设机构5个，所属单位2个。</p>", "<p>第二部分 2024年度部门决算表</p>"]
    )
    page = report.page().replace("<p>第二部分 2024年度部门决算表</p>", "<p>第一部分 部门概况</p>", 1)
    at = page.rindex("<p>第二部分 2024年度部门决算表</p>")
    path = tmp_path / "yunnan.html"
    path.write_text(page[:at] + overview + page[at + len("<p>第二部分 2024年度部门决算表</p>") :], encoding="utf-8")
    account = read_html(path).account
    assert account.organisation == "内设机构5个，所属单位2个。"
    assert account.duties == "负责全州文化和旅游工作。"


def test_check_names_the_table_the_set_has_not(tmp_path: Path) -> None:
    """`budgetkit check` says a table the set has not (表十二 国有资产使用情况表, as some Yunnan units print) was not read,
    so not checked (the unknown table was not named at all), in text and JSON, and does not call the report clean."""
    assets = ("国有资产使用情况表", 12, [["项目", "金额"], ["资产总额", "1250.00"], ["其中：车辆", "36.00"]])
    path = tmp_path / "yunnan.html"
    path.write_text(report.page([*report.tables(), assets]), encoding="utf-8")
    out = StringIO()
    main(["check", str(path)], out=out)
    assert "表套中没有的表（未读入，其数字未核对）：国有资产使用情况表" in out.getvalue()
    out = StringIO()
    main(["check", str(path), "--format", "json"], out=out)
    assert json.loads(out.getvalue())["import"]["tables_unknown"] == ["国有资产使用情况表"]


def test_check_names_a_table_of_the_set_printed_but_not_read(tmp_path: Path) -> None:
    """表十一 printed under the central template's title of 表七 (the 三公 table 表十 already is) is a second printing,
    not read: `budgetkit check` names it as not checked (it said nothing of it), in text and JSON, and the 目录 that
    lists it is not found to differ from the tables read (a false table.contents)."""
    tables = report.tables()
    tables[10] = ("一般公共预算财政拨款“三公”经费支出决算表", 11, tables[10][2])
    path = tmp_path / "yunnan.html"
    path.write_text(report.page(tables), encoding="utf-8")
    out = StringIO()
    main(["check", str(path)], out=out)
    (line,) = [line for line in out.getvalue().splitlines() if line.startswith("表格未能读入（其数字未核对）：")]
    # why, in the output's language (it was English in the Chinese output)
    assert line.endswith("一般公共预算财政拨款“三公”经费支出决算表：财政拨款“三公”经费支出决算表印了两次，读入第一次的")
    assert "table.contents" not in out.getvalue()
    out = StringIO()
    main(["check", str(path), "--lang", "en"], out=out)
    (line,) = [line for line in out.getvalue().splitlines() if line.startswith("Table not read (its figures not checked): ")]
    assert line.endswith(": 财政拨款“三公”经费支出决算表 is printed twice; the first is kept")
    out = StringIO()
    main(["check", str(path), "--format", "json"], out=out)
    (not_read,) = json.loads(out.getvalue())["import"]["tables_not_read"]
    assert not_read["title"] == "一般公共预算财政拨款“三公”经费支出决算表" and "printed twice" in not_read["problem"]
    assert not_read["problem_zh"] == "财政拨款“三公”经费支出决算表印了两次，读入第一次的"
    # the same from a directory, whose reports are imported in worker processes: the Chinese travels with the reason
    (tmp_path / "yunnan-again.html").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    out = StringIO()
    main(["check", str(tmp_path), "--jobs", "2"], out=out)
    assert out.getvalue().count("财政拨款“三公”经费支出决算表印了两次，读入第一次的") == 2


def test_check_names_the_tables_not_read_by_their_issue_s_kind(tmp_path: Path) -> None:
    """A second printing of a table is an issue of the kind TABLE_REPEATED; `budgetkit check` selects the tables not
    read by that kind, never by the words of the reason (it matched " is printed twice; the first is kept")."""
    from budgetkit.cli import _tables_not_read
    from budgetkit.io.table_import import ImportReason, IssueKind

    tables = report.tables()
    tables[10] = ("一般公共预算财政拨款“三公”经费支出决算表", 11, tables[10][2])
    path = tmp_path / "yunnan.html"
    path.write_text(report.page(tables), encoding="utf-8")
    imported = read_html(path)
    (twice,) = [issue for issue in imported.report.issues if issue.kind is IssueKind.TABLE_REPEATED]
    assert twice.reason.endswith(" is printed twice; the first is kept")
    # reworded, it is still named; an issue of another kind in the old words is not
    reworded = attrs.evolve(twice, reason=ImportReason("printed again", "再次印出", IssueKind.TABLE_REPEATED))
    lookalike = attrs.evolve(twice, reason="x is printed twice; the first is kept")
    both = attrs.evolve(imported.report, issues=(reworded, lookalike))
    assert _tables_not_read(both) == [reworded]


def test_a_misprinted_contents_line_is_still_found_but_a_table_the_set_has_not_is_not(tmp_path: Path) -> None:
    """The 目录 lists 表七, a table the set has not: no table.contents (it was one); a line of the set's misprinted
    (出决算表 for 支出决算表) still is."""
    imported = _read(tmp_path)
    assert not any(f.rule == "table.contents" for f in check(imported.account))
    misprinted = report.page().replace("<p>三、支出决算表</p>", "<p>三、出决算表</p>", 1)
    path = tmp_path / "misprinted.html"
    path.write_text(misprinted, encoding="utf-8")
    assert any(f.rule == "table.contents" for f in check(read_html(path).account))


# -- the same report typeset as a PDF ---------------------------------------------------------------------------------

#: column widths (pt) of each table on an A4 landscape page
WIDTHS = {1: [150, 30, 60, 170, 30, 60], 2: [60, 170, 70, 70, 60, 60, 60, 80, 60], 3: [60, 170, 70, 70, 70, 70, 60, 90],
          4: [130, 30, 60, 150, 30, 60, 90, 90, 90], 5: [60, 180, 80, 70, 70, 70, 70, 80], 6: [40, 150, 55, 40, 110, 55, 40, 110, 55],
          7: [60, 200, 80], 8: [60, 180, 80, 70, 70, 70, 70, 80], 9: [60, 180, 80, 70, 70, 70, 70, 80], 10: [260, 80, 80],
          11: [60] * 12}


def _pdf(path: Path, ruled: bool, cover: bool = True) -> Path:
    """The eleven tables, a page each under their heading lines (title centred, 公开NN表 and 部门：… below it), ruled as
    Word prints them or with no line at all; after a cover, or alone (the tables attached as a file of their own)."""
    pytest.importorskip("pdfplumber")
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    from budgetkit.outputs.pdf import _font
    from test_central_tables import covered, grid

    tables = report.tables()
    texts = "".join(str(c[0] if isinstance(c, tuple) else c) for _, _, rows in tables for row in rows for c in row)
    texts += "".join("".join(report.heading(t, n)) for t, n, _ in tables)
    if cover:
        pdf, font = covered(path, texts)
    else:
        pdf, font = canvas.Canvas(str(path), pagesize=(842, 595)), _font(frozenset(texts))
    for title, n, rows in tables:
        y = 570.0
        for line in report.heading(title, n):
            pdf.setFont(font, 11)
            if line == title:
                pdf.drawCentredString(421, y, line)
            else:
                pdf.drawString(30, y, line)
            y -= 14
        if ruled:
            grid(pdf, font, rows, WIDTHS[n], y)
        else:
            for r, row in enumerate(rows):
                x, column = 30.0, 0
                for cell in row:
                    text, span = cell if isinstance(cell, tuple) else (cell, 1)
                    if text:
                        pdf.setFont(font, 7)
                        pdf.drawString(x + 2, y + 1 - (r + 1) * 16, text)
                    x, column = x + sum(WIDTHS[n][column : column + span]), column + span
        pdf.showPage()
    pdf.save()
    return path


def test_the_ruled_pdf_reads_as_the_web_page(tmp_path: Path) -> None:
    """Every figure of the ruled PDF is the web page's, under the same row and column; no finding."""
    from budgetkit.io.pdf import read_pdf

    page = _read(tmp_path)
    imported = read_pdf(_pdf(tmp_path / "yunnan.pdf", ruled=True))
    assert _cells(imported) == _cells(page)
    assert imported.report.tables_unknown == ()
    assert _found(imported) == set()


def test_the_tables_alone_take_their_unit_from_the_department_line_and_the_year_from_the_files_name(tmp_path: Path) -> None:
    """The tables published as a PDF of their own (no cover, no title with the year; 部门：… above each): the unit is the
    部门's, the year the file name's (it was refused); a name without a year is still refused, saying what is missing."""
    from budgetkit.errors import LoadError
    from budgetkit.io.pdf import read_pdf

    imported = read_pdf(_pdf(tmp_path / f"{report.UNIT}2024年度部门决算公开表.pdf", ruled=True, cover=False))
    assert (imported.account.unit, imported.account.year) == (report.UNIT, 2024)
    assert _cells(imported) == _cells(_read(tmp_path))
    with pytest.raises(LoadError, match="nor a 部门：… line above a table and the year in the file's name"):
        read_pdf(_pdf(tmp_path / "公开表.pdf", ruled=True, cover=False))


def test_the_pdf_without_ruling_lines_reads_each_table_right_or_names_it(tmp_path: Path) -> None:
    """Without ruling lines: each table read is read as the web page's (表六's 公用经费合计, its one amount far right of
    its label, was read blank: three false errors), and each not read is named as printed but not read (表一 and 表十,
    their titles joined with 公开01表 on one line, were called missing)."""
    from budgetkit.io.pdf import read_pdf

    page = _cells(_read(tmp_path))
    imported = read_pdf(_pdf(tmp_path / "unruled.pdf", ruled=False))
    cells = _cells(imported)
    read = {key for key, _, _ in cells}
    assert read >= {"income", "expenditure", "general_budget_expenditure", "basic_expenditure"}
    assert cells == {k: v for k, v in page.items() if k[0] in read}
    tables = imported.account.tables
    assert tables is not None
    assert read | set(tables.unread) == {key for key, _ in READ}
    assert _found(imported) == set()


def _workbook(path: Path) -> Path:
    """The eleven tables a sheet each, as a workbook attached to the page prints them: the title merged across, 公开NN表
    at the right, 部门：… and 金额单位 below, then the table (merged cells where the page spans columns); no year."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, number, rows in report.tables():
        sheet = book.create_sheet(f"表{number}")
        width = sum(c[1] if isinstance(c, tuple) else 1 for c in rows[-1])
        sheet.cell(1, 1, title)
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        sheet.cell(2, width, f"公开{number:02d}表")
        sheet.cell(3, 1, f"部门：{report.UNIT}")
        sheet.cell(3, width, "金额单位：万元")
        for r, row in enumerate(rows, start=4):
            c = 1
            for cell in row:
                text, span = cell if isinstance(cell, tuple) else (cell, 1)
                if text:
                    sheet.cell(r, c, text)
                if span > 1:
                    sheet.merge_cells(start_row=r, start_column=c, end_row=r, end_column=c + span - 1)
                c += span
        if number == 9:
            sheet.cell(4 + len(rows), 1, "注：本部门2024年度无国有资本经营预算财政拨款收入支出，故本表无数据。")
    book.save(path)
    return path


def test_the_workbook_reads_as_the_web_page_its_year_from_its_name(tmp_path: Path) -> None:
    """The attached workbook, whose sheets print no year (部门：… only), takes it from its file name (…2024年度…: it was
    refused) and reads every figure as the web page does; a name without a year is still refused, saying so."""
    from budgetkit.errors import LoadError
    from budgetkit.io.excel import read_excel

    imported = read_excel(_workbook(tmp_path / f"{report.UNIT}2024年度部门决算公开表.xlsx"))
    assert (imported.account.unit, imported.account.year) == (report.UNIT, 2024)
    assert _cells(imported) == _cells(_read(tmp_path))
    assert _found(imported) == set()
    with pytest.raises(LoadError, match="name the year in the file's name"):
        read_excel(_workbook(tmp_path / "决算公开表.xlsx"))


def test_a_file_name_with_another_year_before_the_report_s_takes_the_report_s_or_none(tmp_path: Path) -> None:
    """A name's first year is not always the report's (2025年上传_…2024年度…: it was read as 2025): the one 年度 year is;
    two years that may each be the report's are refused, not guessed."""
    from budgetkit.errors import LoadError
    from budgetkit.io.excel import read_excel

    imported = read_excel(_workbook(tmp_path / f"2025年上传_{report.UNIT}2024年度部门决算公开表.xlsx"))
    assert (imported.account.unit, imported.account.year) == (report.UNIT, 2024)
    with pytest.raises(LoadError, match="name the year in the file's name"):
        read_excel(_workbook(tmp_path / "2025年6月上传_2024年部门决算公开表.xlsx"))


def test_a_department_line_printed_blank_names_no_unit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """部门：　　金额单位：万元 (the template's label left blank) gave the unit 金额单位 (PDF) or 金额 (workbook): the
    tables alone are refused for want of a unit, as with no 部门：… line at all."""
    from budgetkit.errors import LoadError
    from budgetkit.io.excel import read_excel
    from budgetkit.io.pdf import read_pdf

    monkeypatch.setattr(report, "UNIT", "")
    name = "2024年度部门决算公开表"
    with pytest.raises(LoadError, match="nor a 部门：… line above a table"):
        read_pdf(_pdf(tmp_path / f"{name}.pdf", ruled=True, cover=False))
    with pytest.raises(LoadError, match="the sheets print no unit and year"):
        read_excel(_workbook(tmp_path / f"{name}.xlsx"))


def test_the_file_s_year_is_not_taken_against_the_year_the_document_prints(tmp_path: Path) -> None:
    """A document with no title the importer knows but printing its year (某局 / 部门决算 / （2024年度）) saved as
    …2023年度….txt was read as a 2023 report without a word: refused naming both years; the file's year among those
    printed is taken."""
    from budgetkit.errors import LoadError
    from budgetkit.io.text import read_text

    text = "某局\n部门决算\n（2024年度）\n部门：某局　　金额单位：万元\n收入总计100.00万元。\n"
    (tmp_path / "某局2023年度部门决算.txt").write_text(text, encoding="utf-8")
    with pytest.raises(LoadError, match="the file's name gives the year 2023, but the document prints 2024年度"):
        read_text(tmp_path / "某局2023年度部门决算.txt")
    (tmp_path / "某局2024年度部门决算.txt").write_text(text, encoding="utf-8")
    assert read_text(tmp_path / "某局2024年度部门决算.txt").account.year == 2024
    # a workbook alike: a sheet of text printing 2024年度 and no title, its name 2023
    import openpyxl

    from budgetkit.io.excel import read_excel

    book = openpyxl.load_workbook(_workbook(tmp_path / f"{report.UNIT}2023年度部门决算公开表.xlsx"))
    book.create_sheet("情况说明").cell(1, 1, "一、收入支出决算总体情况说明\n2024年度收入、支出总计均为100.00万元。")
    book.save(tmp_path / f"{report.UNIT}2023年度部门决算公开表.xlsx")
    with pytest.raises(LoadError, match="the file's name gives the year 2023, but the document prints 2024年度"):
        read_excel(tmp_path / f"{report.UNIT}2023年度部门决算公开表.xlsx")


@pytest.mark.parametrize("order", [[0, 1, 2, 3, 4, 5, 6, 9, 10, 7, 8], [0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 6]])
def test_table_seven_is_held_to_no_place(tmp_path: Path, order: list[int]) -> None:
    """The optional 项目支出 table after 基本支出 in the order 三公 before 政府性基金, or printed last, is in order (both
    were a false table.order: the set's orders placed it after 基本支出 in the central order only)."""
    printed = report.tables()
    tables = [(printed[i][0], n + 1, printed[i][2]) for n, i in enumerate(order)]
    assert _found(_read(tmp_path, tables)) == set()
