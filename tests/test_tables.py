"""Tests for budgetkit.model.tables: table templates and sets, printed tables, the three cell states."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from budgetkit.errors import BudgetkitError, FloatRefusedError, LoadError, ModelError
from budgetkit.model.account import FinalAccount
from budgetkit.model.tables import (
    Cell,
    Column,
    Line,
    Link,
    Place,
    Row,
    RowKind,
    Side,
    Table,
    Tables,
    TableSetError,
    TableTemplate,
    load_table_set,
    table_set,
    table_set_names,
)

NATIONAL_TITLES = [
    "收入支出决算总表",
    "收入决算表",
    "支出决算表",
    "财政拨款收入支出决算总表",
    "一般公共预算财政拨款支出决算表",
    "一般公共预算财政拨款基本支出决算表",
    "财政拨款“三公”经费支出决算表",
    "政府性基金预算财政拨款收入支出决算表",
    "国有资本经营预算财政拨款收入支出决算表",
]


def _gb_table(**changes: object) -> Table:
    fields: dict[str, object] = {
        "key": "general_budget_expenditure",
        "number": "五",
        "title": "一般公共预算财政拨款支出决算表",
        "columns": ("total", "basic", "project"),
        "rows": (
            Row(key="total", name="合计", cells=("9746.50", "5364.75", "4381.74")),
            Row(key="208", name="社会保障和就业支出", cells=("754.75", "754.75", "")),
            Row(key="20805", name="行政事业单位养老支出", cells=("754.75", "754.75", "")),
        ),
    }
    fields.update(changes)
    return Table(**fields)  # type: ignore[arg-type]


def test_national_set_has_the_nine_tables_in_template_order() -> None:
    """The shipped national 2024 set holds the nine tables of DOMAIN §8, numbered 一 to 九, in order; the tables only
    some provinces print (Yunnan's 项目支出 表七 and 三公 表十一) follow them, optional."""
    national = table_set("national-2024")
    required = [t for t in national.templates if not t.optional]
    assert [t.title for t in required] == NATIONAL_TITLES
    assert [t.number for t in required] == list("一二三四五六七八九")
    assert [(t.number, t.title) for t in national.templates if t.optional] == [
        ("十一", "一般公共预算财政拨款“三公”经费情况表"), ("十二", "一般公共预算财政拨款项目支出决算表")
    ]
    assert national.templates[: len(required)] == tuple(required)


def test_shanghai_is_an_alias_of_the_national_set() -> None:
    """'shanghai-2024' names the national set, as issued to Shanghai departments."""
    assert table_set("shanghai-2024") is table_set("national-2024")


def test_sichuan_set_has_thirteen_tables() -> None:
    """The Sichuan 2023 set has 13 tables and says its layout is recalled."""
    sichuan = table_set("sichuan-2023")
    assert len(sichuan) == 13
    assert "据记忆" in sichuan.title
    assert table_set_names() == ("national-2024", "sichuan-2023")


def test_unknown_table_set_is_a_keyerror_listing_the_shipped_ones() -> None:
    """An unknown set name is a TableSetError (a KeyError) that names the shipped sets."""
    with pytest.raises(KeyError, match="national-2024, sichuan-2023") as caught:
        table_set("beijing-2024")
    assert isinstance(caught.value, TableSetError) and isinstance(caught.value, BudgetkitError)


def test_every_sum_term_of_every_shipped_template_names_a_line_a_code_or_a_level() -> None:
    """A later check can walk every row identity: each sum term is a fixed line, a code, or 类/款/项."""
    for name in table_set_names():
        for template in table_set(name).templates:
            lines = {line.key for line in template.lines}
            for line in template.lines:
                for term in line.sum_of:
                    bare = term.lstrip("-")
                    assert bare in lines or bare.isdigit() or bare in ("类", "款", "项"), (name, template.key, term)


def test_column_sums_of_the_national_templates() -> None:
    """Each table knows which column is the sum of which (合计 = 基本 + 项目; 年末 = 年初 + 收入 − 支出)."""
    national = table_set("national-2024")
    assert national.template("expenditure").column("year_total").sum_of == (
        "basic",
        "project",
        "to_superior",
        "operating",
        "to_affiliated",
    )
    assert national.template("government_fund").column("closing").sum_of == ("opening", "income", "-expenditure")
    assert national.template("fiscal_summary").column("total").sum_of == (
        "general_budget",
        "government_fund",
        "state_capital",
    )


def test_summary_table_has_income_and_expenditure_rows_and_totals() -> None:
    """表一 knows its row kinds: eight income lines, 本年收入合计, the 类, and the two 总计."""
    summary = table_set("national-2024").template("summary")
    income = [line for line in summary.lines if line.side is Side.INCOME]
    assert [line.kind for line in income].count(RowKind.LINE) == 10
    year_total = summary.line("income.year_total")
    assert year_total is not None and year_total.kind is RowKind.SUBTOTAL and len(year_total.sum_of) == 8
    total = summary.line("expenditure.total")
    assert total is not None and total.kind is RowKind.TOTAL
    classes = [line for line in summary.lines if line.kind is RowKind.CLASS]
    assert len(classes) == 24 and classes[7].key == "208"


def test_a_cell_keeps_its_printed_places() -> None:
    """A printed number keeps its places: '0.00' is two places, not 0."""
    cell = Cell("0.00")
    assert cell.places == 2 and cell.text == "0.00" and not cell.is_blank


def test_a_blank_cell_sums_as_zero_but_is_blank() -> None:
    """A printed blank is blank (no places, shown as '') and counts 0 in sums."""
    blank = Cell("")
    assert blank.is_blank and blank.amount is None and blank.places is None and blank.text == ""
    assert blank.value == Decimal(0)
    assert Cell.blank() == blank


def test_a_cell_refuses_floats() -> None:
    """A float cell is refused, as everywhere in budgetkit."""
    with pytest.raises(FloatRefusedError):
        Cell(754.75)


def test_three_cell_states_number_blank_absent() -> None:
    """A printed number, a printed blank and an absent cell (row, column or table not printed) differ."""
    tables = Tables(set="national-2024", tables=(_gb_table(),))
    assert tables.cell("general_budget_expenditure", "208", "basic") == Cell("754.75")
    assert tables.cell("general_budget_expenditure", "208", "project") == Cell("")
    assert tables.cell("general_budget_expenditure", "210", "basic") is None
    assert tables.cell("general_budget_expenditure", "208", "to_superior") is None
    assert tables.cell("expenditure", "208", "basic") is None


def test_two_printings_that_differ_are_both_kept() -> None:
    """The same 类 printed with different digits in two tables is two printings, neither overwritten."""
    summary = Table(
        key="summary",
        columns=("amount",),
        income_columns=("amount",),
        rows=(Row(key="210", name="卫生健康支出", number="九、", side="expenditure", cells=("236.63",)),),
    )
    general = _gb_table(rows=(Row(key="210", name="卫生健康支出", cells=("236.64", "236.64", "0.00")),))
    tables = Tables(set="national-2024", tables=(summary, general))
    printed = {str(p.place): p.cell.text for p in tables.printings() if p.place.row == "210"}
    assert printed == {
        "summary[210].amount": "236.63",
        "general_budget_expenditure[210].total": "236.64",
        "general_budget_expenditure[210].basic": "236.64",
        "general_budget_expenditure[210].project": "0.00",
    }
    assert tables.by_place()[Place("summary", "210", "amount")] == Cell("236.63")


def test_a_row_printed_twice_in_one_table_is_refused_not_overwritten() -> None:
    """A table may not hold two rows with one key: a lookup would silently see only one."""
    row = Row(key="208", name="社会保障和就业支出", cells=("1.00", "1.00", ""))
    with pytest.raises(ModelError, match=r"rows\[1\]: row '208' appears twice"):
        _gb_table(rows=(row, row))


def test_a_row_with_the_wrong_number_of_cells_is_refused_with_its_path() -> None:
    """Every row has one cell per printed column of its side."""
    with pytest.raises(ModelError, match=r"rows\[0\]\.cells: 2 cells for 3 columns \(total, basic, project\)"):
        _gb_table(rows=(Row(key="208", name="x", cells=("1.00", "1.00")),))


def test_a_row_key_must_be_a_code_or_a_line_key() -> None:
    """A row key is a 3/5/7-digit code or a dotted key; anything else is refused."""
    with pytest.raises(ModelError, match=r"key: row key '20801011'"):
        Row(key="20801011", name="x")
    with pytest.raises(ModelError, match="row key '合计'"):
        Row(key="合计", name="合计")


def test_rows_know_their_parent_by_code() -> None:
    """A 项 row's parent is its 款, a 款's its 类; the table finds children by code."""
    table = _gb_table()
    assert table.row("20805").parent_code == "208"  # type: ignore[union-attr]
    assert [row.key for row in table.children("208")] == ["20805"]
    assert table.kind(table.row("208")) is RowKind.CLASS  # type: ignore[arg-type]
    template = table_set("national-2024").template("general_budget_expenditure")
    assert table.kind(table.row("total"), template) is RowKind.TOTAL  # type: ignore[arg-type]


def test_income_rows_use_the_income_columns() -> None:
    """In 表四 an income row has one 决算数 cell; an expenditure row has the four fund columns."""
    table = Table(
        key="fiscal_summary",
        columns=("total", "general_budget", "government_fund", "state_capital"),
        income_columns=("amount",),
        rows=(
            Row(key="fiscal.general_budget.income", name="一般公共预算财政拨款", side="income", cells=("9746.50",)),
            Row(key="208", name="社会保障和就业支出", side="expenditure", cells=("754.75", "754.75", "", "")),
        ),
    )
    assert table.cell("fiscal.general_budget.income", "amount") == Cell("9746.50")
    assert table.cell("208", "general_budget") == Cell("754.75")
    with pytest.raises(ModelError, match="an income row in a table without income columns"):
        _gb_table(rows=(Row(key="income.total", name="总计", side="income", cells=("1",)),))


def test_a_shipped_set_refuses_a_column_its_template_lacks() -> None:
    """Tables following a shipped set may only use that template's columns, with the path named."""
    bad = _gb_table(columns=("total", "basic", "projects"))
    with pytest.raises(ModelError, match=r"tables\[0\]\.columns\[2\]: column 'projects' is not a column"):
        Tables(set="national-2024", tables=(bad,))


def test_tables_without_a_known_set_are_not_checked_against_a_template() -> None:
    """A set name that is not shipped leaves the tables as printed (no template to compare with)."""
    tables = Tables(set="my-province-2024", tables=(_gb_table(key="t1", columns=("a", "b", "c")),))
    assert tables.template_set() is None and tables.template("t1") is None


def test_the_same_table_twice_is_refused() -> None:
    """A report's tables have distinct keys."""
    with pytest.raises(ModelError, match=r"tables\[1\]: table 'general_budget_expenditure' appears twice"):
        Tables(tables=(_gb_table(), _gb_table()))


def test_an_empty_table_keeps_its_printed_note() -> None:
    """An empty table (表八 without fund money) is printed with its note, and knows it is empty."""
    table = Table(
        key="government_fund",
        columns=("opening", "income", "expenditure", "basic", "project", "closing"),
        rows=(Row(key="total", name="合计", cells=("", "", "", "", "", "")),),
        empty_note="上海市普陀区规划和自然资源局本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。",
    )
    assert table.is_empty and "本表无数据" in table.empty_note
    assert not _gb_table().is_empty


def test_an_account_without_tables_is_unchanged() -> None:
    """FinalAccount.tables defaults to empty, so accounts built without it compare equal as before."""
    account = FinalAccount(unit="示例", year=2024, unit_type="行政单位")
    assert account.tables == Tables() and not account.tables


def test_template_columns_must_sum_existing_columns() -> None:
    """A template whose column sums a column it does not have is refused."""
    with pytest.raises(ModelError, match="column total sums 'basics', which is not a column"):
        TableTemplate(
            key="x",
            number="一",
            title="x",
            columns=(Column(key="total", name="合计", sum_of=("basics",)), Column(key="basic", name="基本支出")),
        )
    with pytest.raises(ModelError, match=r"sum_of\[0\]"):
        Line(key="a.b", name="x", sum_of=("本年",))


def test_load_table_set_reports_every_broken_template_with_its_path(tmp_path: Path) -> None:
    """A broken table-set file is a LoadError naming each broken table."""
    file = tmp_path / "bad.toml"
    file.write_text(
        'name = "bad"\ntitle = "坏"\n'
        '[[tables]]\nkey = "a"\nnumber = "一"\ntitle = "x"\ncolumns = []\n'
        '[[tables]]\nkey = "b"\nnumber = "二"\ntitle = "y"\nclassified_by = "both"\n'
        'columns = [{key = "amount", name = "决算数"}]\n',
        encoding="utf-8",
    )
    with pytest.raises(LoadError) as caught:
        load_table_set(file)
    assert [(issue.path, issue.message) for issue in caught.value.issues] == [
        ("$.tables[0].columns", "table a has no columns"),
        ("$.tables[1]", "classified_by must be functional, economic or blank, got 'both'"),
    ]


def test_load_table_set_reads_a_full_set(tmp_path: Path) -> None:
    """A set written like the shipped ones loads, so other provinces' sets are configuration."""
    shipped = Path(__file__).parents[1] / "src" / "budgetkit" / "data" / "table_sets" / "national-2024.toml"
    mine = tmp_path / "copy.toml"
    mine.write_text(shipped.read_text(encoding="utf-8").replace('name = "national-2024"', 'name = "copy"'), "utf-8")
    loaded = load_table_set(mine)
    assert loaded.name == "copy" and loaded.templates == table_set("national-2024").templates


def test_the_format_page_example_loads() -> None:
    """The [tables] example of docs/dataset-format.md is a valid account file fragment."""
    from budgetkit.io import loads

    page = (Path(__file__).parents[1] / "docs" / "dataset-format.md").read_text(encoding="utf-8")
    example = next(block for block in page.split("```toml\n")[1:] if block.startswith("[tables]"))
    example = example.split("```")[0]
    account = loads('format_version = "0.2"\nunit = "示例"\nyear = 2024\nunit_type = "行政单位"\n' + example)
    assert account.tables.cell("general_budget_expenditure", "2200199", "basic") == Cell("0.00")
    assert account.tables.cell("general_budget_expenditure", "2200199", "project") == Cell("")


def test_shipped_sets_link_tables_by_identities() -> None:
    """Both shipped sets carry the cross-table identities of DOMAIN §8, each naming cells their templates have."""
    for name in table_set_names():
        links = [
            link
            for link in table_set(name).links
            if not link.unless
            and "表五印有此列时" not in link.note
            and not link.tables() & {"general_budget_project", "project_expenditure"}
        ]
        assert len(links) == 14
        assert {link.level for link in links} == {None, "类"}
    # and three that hold where Yunnan's 表七 is printed: its 合计, each 类 and each 项 against 表五's 项目支出
    project = [link for link in table_set("national-2024").links if "general_budget_project" in link.tables()]
    assert [(link.tables(), link.level) for link in project] == [
        ({"general_budget_project", "general_budget_expenditure"}, level) for level in (None, "类", "项")
    ]
    # and Sichuan's, by economic class: its 合计 against 表五's 项目支出 (as 表六's 人员 + 公用 against its 基本支出)
    (economic,) = [link for link in table_set("sichuan-2023").links if "project_expenditure" in link.tables()]
    assert (economic.left, economic.right) == (("project_expenditure[total].amount",), ("general_budget_expenditure[total].project",))
    # and the national set one that holds while no 政府性基金 is spent: Yunnan's 表十 against its 表十一
    (conditional,) = [link for link in table_set("national-2024").links if link.unless]
    assert conditional.tables() == {"three_public", "general_budget_three_public"}
    # and three that hold where 表五 prints its optional balance columns (Yunnan's): 年初, 本年收入, 年末 against 表四
    balances = [link for link in table_set("national-2024").links if "表五印有此列时" in link.note]
    assert [link.tables() for link in balances] == [{"general_budget_expenditure", "fiscal_summary"}] * 3
    summary_vs_three = table_set("national-2024").links[1]
    assert summary_vs_three.tables() == {"summary", "expenditure"}


def test_sichuans_project_table_adds_up_to_its_general_budget_project_spending() -> None:
    """Sichuan's 一般公共预算财政拨款项目支出决算表 (by economic class) totals 表五's 项目支出: a 合计 that does not is a
    table.link error naming both tables."""
    from budgetkit.checks.audit import check

    def account(total: str) -> FinalAccount:
        tables = Tables(set="sichuan-2023", tables=(
            Table(key="general_budget_expenditure", columns=("total", "basic", "project"),
                  rows=(Row(key="total", name="合计", cells=("100.00", "60.00", "40.00")),)),
            Table(key="project_expenditure", columns=("amount",),
                  rows=(Row(key="total", name="合计", cells=(total,)), Row(key="302", name="商品和服务支出", cells=(total,)))),
        ))
        return FinalAccount(unit="示例局", year=2023, unit_type="行政单位", tables=tables)

    assert not [f for f in check(account("40.00")) if f.rule == "table.link"]
    (finding,) = [f for f in check(account("41.00")) if f.rule == "table.link"]
    assert finding.path == "tables.project_expenditure[total].amount"
    assert "表九“合计”决算数41.00万元" in finding.message and "表六“合计”项目支出 40.00" in finding.message


def test_a_link_to_a_missing_column_is_refused_with_its_place(tmp_path: Path) -> None:
    """A table-set file whose identity names a column its table lacks is a LoadError at $.links[i] or the set."""
    file = tmp_path / "bad.toml"
    file.write_text(
        'name = "bad"\ntitle = "坏"\n[[tables]]\nkey = "summary"\nnumber = "一"\ntitle = "x"\n'
        'columns = [{key = "amount", name = "决算数"}]\n'
        '[[links]]\nleft = ["summary[208].amount"]\nright = ["summary[208].amounts"]\n',
        encoding="utf-8",
    )
    with pytest.raises(LoadError, match=r"links\[0\]: summary\[208\]\.amounts: x has no column 'amounts'"):
        load_table_set(file)
    with pytest.raises(ModelError, match="is not a cell reference"):
        Link(left=("summary.total",), right=("summary[total].amount",))
