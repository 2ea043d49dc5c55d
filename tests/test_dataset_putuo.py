"""Tests for the built-in dataset putuo-planning-2024: a real 部门决算 transcribed with its nine tables."""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetkit import check, datasets
from budgetkit.checks.finding import Severity
from budgetkit.io import dumps, loads
from budgetkit.model.account import FinalAccount
from budgetkit.model.tables import Cell, table_set


@pytest.fixture(scope="module")
def planning() -> FinalAccount:
    return datasets.load("putuo-planning-2024")


def test_the_nine_tables_are_in_template_order(planning: FinalAccount) -> None:
    """The dataset prints the national set's nine tables, in order, under their template titles (and none of the
    optional ones only some provinces print)."""
    national = [t for t in table_set("national-2024").templates if not t.optional]
    assert [t.key for t in planning.tables.tables] == [t.key for t in national]
    assert [t.title for t in planning.tables.tables] == [t.title for t in national]
    assert planning.tables.contents[0] == "第一部分 上海市普陀区规划和自然资源局概况"
    assert "九、国有资本经营预算财政拨款收入支出决算表" in planning.tables.contents


def test_two_printings_of_one_class_that_differ_are_both_kept(planning: FinalAccount) -> None:
    """卫生健康支出 is printed 236.63 in 表一 and 表四 but 236.64 in 表二, 三 and 五: all five printings are kept."""
    first = ("amount", "year_total", "total")  # the column holding the class total in each table
    printed = {
        p.place.table: p.cell.text
        for p in planning.tables.printings()
        if p.place.row == "210" and p.place.column in first
    }
    assert printed == {
        "summary": "236.63",
        "income": "236.64",
        "expenditure": "236.64",
        "fiscal_summary": "236.63",
        "general_budget_expenditure": "236.64",
    }


def test_blanks_and_printed_zeros_are_told_apart(planning: FinalAccount) -> None:
    """A printed 0.00 (表三 项目支出 of 208) is a number; an empty column (上缴上级支出) is a printed blank."""
    assert planning.tables.cell("expenditure", "208", "project") == Cell("0.00")
    assert planning.tables.cell("expenditure", "208", "to_superior") == Cell("")
    assert planning.tables.cell("expenditure", "209", "project") is None


def test_the_fund_tables_are_empty_with_their_printed_note(planning: FinalAccount) -> None:
    """表八 and 表九 have no money and keep the printed statement "故本表无数据"."""
    for key in ("government_fund", "state_capital"):
        table = planning.tables.table(key)
        assert table is not None and table.is_empty and table.empty_note.endswith("故本表无数据。")


def test_column_sums_of_table_three_hold_exactly(planning: FinalAccount) -> None:
    """Every row of 表三 as transcribed has 本年支出合计 = 基本支出 + 项目支出, digit for digit."""
    table = planning.tables.table("expenditure")
    assert table is not None
    for row in table.rows:
        cells = dict(zip(table.columns, row.cells, strict=True))
        assert cells["year_total"].value == cells["basic"].value + cells["project"].value, row.key


def test_table_five_rows_off_by_one_cent_are_the_ones_in_the_notes(planning: FinalAccount) -> None:
    """In 表五 exactly the rows 212, 21201, 2120101 and 合计 miss 合计 = 基本 + 项目 by 0.01, as the notes say."""
    table = planning.tables.table("general_budget_expenditure")
    assert table is not None
    off = {
        row.key: row.cells[0].value - row.cells[1].value - row.cells[2].value
        for row in table.rows
        if row.cells[0].value != row.cells[1].value + row.cells[2].value
    }
    assert off == {key: Decimal("0.01") for key in ("212", "21201", "2120101", "total")}
    assert "212, 21201, 2120101 and 合计" in planning.notes


def test_check_raises_only_the_verified_errors_on_the_real_report(planning: FinalAccount) -> None:
    """budgetkit check's errors on this report are the notes' defects 1 and 3: two printings, 人员经费, 基本支出."""
    findings = check(planning)
    errors = [(f.rule, f.path) for f in findings if f.severity is Severity.ERROR]
    assert errors == [
        ("table.link", "tables.summary[210].amount"),
        ("table.link", "tables.summary[212].amount"),
        ("table.link", "tables.general_budget_expenditure[210].total"),
        ("table.figure", "general_budget.personnel.current"),
        ("table.figure", "general_budget.basic.current"),
    ]
    truncated = {f.stated_text for f in findings if f.rule == "rounding.truncated"}
    assert truncated == {"99.86", "95.45"}
    assert sum(f.rule == "rate.zero_base" for f in findings) == 2


def test_notes_list_the_verified_defects(planning: FinalAccount) -> None:
    """The dataset's notes name each defect verified by hand, with the exact figures."""
    for fragment in ("236.63", "3845.25", "9746.49", "4896.98", "99.87%", "95.46%", "下降（增长）", "普陀区"):
        assert fragment in planning.notes, fragment


def test_the_dataset_round_trips_digit_for_digit(planning: FinalAccount) -> None:
    """The dataset dumps and loads back equal, in TOML and JSON."""
    assert loads(dumps(planning)) == planning
    assert loads(dumps(planning, "json"), "json") == planning


@pytest.fixture(scope="module")
def social_work() -> FinalAccount:
    return datasets.load("putuo-social-work-2024")


def test_social_work_leaves_empty_cells_blank_and_table_seven_empty(social_work: FinalAccount) -> None:
    """The social-work report prints blanks (not 0.00) in empty split cells, and 表七's one row of blanks with its note."""
    assert social_work.tables.cell("expenditure", "2013901", "project") == Cell("")
    assert social_work.tables.cell("expenditure", "2013999", "basic") == Cell("")
    assert social_work.tables.cell("general_budget_expenditure", "2013999", "project") == Cell("202.24")
    three = social_work.tables.table("three_public")
    assert three is not None and three.is_empty and "故本表无数据" in three.empty_note
    assert three.cell("three_public.reception", "actual") == Cell("")  # printed blank, not absent


def test_social_work_check_finds_its_one_error_and_flags_the_nudged_share(social_work: FinalAccount) -> None:
    """budgetkit check finds one error on the social-work report, 中小企业 winning 42.14 of a 政府采购金额 of 21.07
    (its defect 6); the 9.55% share nudged to sum 100% is flagged."""
    findings = check(social_work)
    assert [f.rule for f in findings if f.severity is Severity.ERROR] == ["narrative.sme_awarded"]
    assert [f.stated_text for f in findings if f.rule == "rounding.nudged"] == ["9.55"]


def test_social_work_notes_list_the_verified_defects(social_work: FinalAccount) -> None:
    """The social-work notes name its verified defects: growth from zero, the copied use, the double-counted SME sum."""
    for fragment in ("100.00%", "事业单位医疗保险支出", "42.14", "9.5575%", "仍保留该表格式"):
        assert fragment in social_work.notes, fragment
    assert loads(dumps(social_work)) == social_work


def _differences(account: FinalAccount) -> set[tuple[str, str]]:
    """(identity note, row) for every instance of the set's identities whose printed sides differ."""
    tables = account.tables
    found = set()
    shipped = tables.template_set()
    assert shipped is not None
    for link in shipped.links:
        for left, right in tables.link_places(link):
            cells = [tables.at(place) for place in (*left, *right)]
            if any(cell is None for cell in cells):
                continue  # a side not printed: nothing to compare
            total = [sum((tables.at(p).value for p in side), Decimal(0)) for side in (left, right)]  # type: ignore[union-attr]
            if total[0] != total[1]:
                found.add((link.note, left[0].row))
    return found


def test_walking_the_identities_finds_the_two_class_printings_that_differ(planning: FinalAccount) -> None:
    """The set's cross-table identities, walked over the planning tables, find exactly the verified disagreements."""
    assert _differences(planning) == {
        ("表一的每个类 = 表三的本年支出合计", "210"),
        ("表一的每个类 = 表三的本年支出合计", "212"),
        ("表五的每个类 = 表四一般公共预算财政拨款列", "210"),
    }


def test_the_social_work_tables_agree_across_tables_but_one_residue(social_work: FinalAccount) -> None:
    """Every cross-table identity holds in the social-work tables but 人员 + 公用 (105.59) against 基本支出 (105.58)."""
    assert _differences(social_work) == {("表六：人员经费 + 公用经费 = 表五基本支出", "general_budget.personnel")}
    assert "105.59" in social_work.notes
