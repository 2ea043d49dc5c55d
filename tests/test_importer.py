"""Tests for budgetkit.io.table_import: printed tables mapped to the table set, cell by cell, with their places."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from budgetkit import datasets
from budgetkit.io.document import Box, Line, RawTable, read_pdf
from budgetkit.io.document import Cell as Printed
from budgetkit.io.table_import import TableImport, read_tables
from budgetkit.model.tables import Place, Side, table_set

pytest.importorskip("pdfplumber")

SAMPLES = Path(__file__).parent / "data" / "samples"


def _read(name: str) -> TableImport:
    return read_tables(read_pdf(SAMPLES / f"{name}.pdf").tables, table_set("national-2024"))


@pytest.fixture(scope="module")
def planning() -> TableImport:
    """The 规划和自然资源局 report's tables, read once."""
    return _read("putuo-planning-2024")


@pytest.fixture(scope="module")
def social() -> TableImport:
    """The 区委社会工作部 report's tables, read once."""
    return _read("putuo-social-work-2024")


def test_both_reports_import_all_nine_tables_with_nothing_left_over(planning: TableImport, social: TableImport) -> None:
    """Every printed table finds its template, and no row, column or cell is left unexplained."""
    keys = [t.key for t in table_set("national-2024").templates if not t.optional]
    for result in (planning, social):
        assert [t.key for t in result.tables.tables] == keys
        assert result.issues == ()
        assert result.unknown == ()


def test_classified_tables_are_keyed_by_code_with_blanks_kept(planning: TableImport) -> None:
    """收入决算表: rows by code, the 合计 row by its template line, printed blanks as blanks."""
    tables = planning.tables
    assert tables.cell("income", "2120101", "fiscal").value == Decimal("1092.80")
    assert tables.cell("income", "total", "year_total").value == Decimal("9746.50")
    assert tables.cell("income", "208", "business").is_blank
    assert tables.cell("income", "209", "fiscal") is None  # absent: not printed


def test_two_sided_tables_read_each_half_against_its_lines(planning: TableImport) -> None:
    """收入支出决算总表 and 财政拨款收入支出决算总表: income lines on the left, 类 and totals on the right."""
    tables = planning.tables
    summary = tables.table("summary")
    assert summary is not None
    assert summary.row("income.opening_balance").cells[0].value == Decimal("112.88")
    assert summary.row("expenditure.closing_balance").cells[0].value == Decimal("100.00")
    assert summary.row("212").side is Side.EXPENDITURE and summary.row("212").number == "十一、"
    fiscal = tables.table("fiscal_summary")
    assert fiscal is not None and fiscal.columns == ("total", "general_budget", "government_fund", "state_capital")
    assert tables.cell("fiscal_summary", "212", "general_budget").value == Decimal("3832.36")


def test_lines_of_the_same_name_are_told_apart_by_their_order(social: TableImport) -> None:
    """表四 prints 一般公共预算财政拨款 twice (income, then opening balance): each lands on its own line."""
    fiscal = social.tables.table("fiscal_summary")
    assert fiscal is not None
    keys = [row.key for row in fiscal.rows if row.side is Side.INCOME]
    assert keys.index("fiscal.general_budget.income") < keys.index("fiscal.opening") < keys.index("fiscal.general_budget.opening")


def test_a_class_the_template_does_not_list_is_kept_by_its_code(social: TableImport) -> None:
    """二十四、债务还本支出 is not in the 2024 template's list of 类, but it is a 类: kept as 231."""
    summary = social.tables.table("summary")
    assert summary is not None and summary.row("231") is not None and summary.row("232") is not None


def test_the_economic_table_is_read_in_two_halves(planning: TableImport) -> None:
    """表六 prints 工资福利 and 商品和服务 side by side: both halves are rows, with the two 经费 totals."""
    tables = planning.tables
    assert tables.cell("basic_expenditure", "301", "amount").value == Decimal("4816.14")
    assert tables.cell("basic_expenditure", "302", "amount").value == Decimal("440.90")
    assert tables.cell("basic_expenditure", "general_budget.personnel", "amount").value == Decimal("4884.09")
    assert tables.cell("basic_expenditure", "general_budget.public_use", "amount").value == Decimal("480.66")


def test_the_three_public_table_printed_across_is_read_as_lines_by_columns(planning: TableImport) -> None:
    """表七's one row of 预算数/决算数 pairs becomes the template's lines × (budget, actual)."""
    tables = planning.tables
    assert tables.cell("three_public", "three_public.total", "budget").value == Decimal("2.85")
    assert tables.cell("three_public", "three_public.reception", "actual").value == Decimal("0.39")
    assert tables.cell("three_public", "three_public.vehicle_purchase", "actual").value == Decimal("0.00")


def test_empty_tables_keep_their_printed_statement(social: TableImport) -> None:
    """An empty table is imported empty, with the 说明 it prints (本表无数据)."""
    for key in ("three_public", "government_fund", "state_capital"):
        table = social.tables.table(key)
        assert table is not None and table.is_empty
        assert "本表无数据" in table.empty_note


def test_what_a_table_prints_under_it_has_its_place(social: TableImport) -> None:
    """notes maps each note and 说明 printed under a table to its place, by its path in the account (a text finding
    on it is placed on its page; the notes as one text where the first is printed): 表八's two notes and its 说明 on
    page 15."""
    index = next(i for i, t in enumerate(social.tables.tables) if t.key == "government_fund")
    table = social.tables.tables[index]
    paths = [path for path in social.notes if path.startswith(f"tables.tables[{index}].")]
    assert sorted(paths) == [f"tables.tables[{index}].{field}" for field in ("empty_note", "notes", "notes[0]", "notes[1]")]
    assert len(table.notes) == 2 and {social.notes[path].page for path in paths} == {15}


def test_every_imported_cell_has_its_place_in_the_document(planning: TableImport) -> None:
    """places maps each printed cell to its page and box (provenance for findings and the review page)."""
    box = planning.places[Place("expenditure", "212", "year_total")]
    assert box.page == 11
    printed = sum(1 for _ in planning.tables.printings())
    assert len(planning.places) == printed


def test_two_printings_of_one_figure_are_both_kept(planning: TableImport) -> None:
    """城乡社区支出 is 3845.25 in 表一 and 3845.24 in 表三: both printings are imported as printed."""
    tables = planning.tables
    assert tables.cell("summary", "212", "amount").text == "3845.25"
    assert tables.cell("expenditure", "212", "year_total").text == "3845.24"


def test_a_cell_that_is_not_a_number_is_reported_with_its_place() -> None:
    """A figure cell printed as text is an issue naming page and text, and its column is absent: never a blank, which
    would sum as 0."""
    def row(r: int, *texts: str | None) -> tuple[Printed, ...]:
        width = {"项目": 19}
        return tuple(
            Printed(t, None if t is None else Box(4, 10.0 * c, 10.0 * r, 10.0 * c + width.get(t, 9), 10.0 * r + 9))
            for c, t in enumerate(texts)
        )

    raw = RawTable(
        rows=(
            row(0, "项目", None, "合计", "基本支出", "项目支出"),
            row(1, "功能分类科目编码", "科目名称", None, None, None),
            row(2, "208", "社会保障和就业支出", "754.75", "见附表", "0.00"),
        ),
        pages=(4,),
        title="一般公共预算财政拨款支出决算表",
        heading=(Line("一般公共预算财政拨款支出决算表", Box(4, 0.0, -20.0, 50.0, -10.0)),),
    )
    result = read_tables([raw], table_set("national-2024"))
    assert [(str(i.box), i.text) for i in result.issues] == [("第4页", "见附表")]
    assert result.tables.cell("general_budget_expenditure", "208", "basic") is None
    assert result.tables.cell("general_budget_expenditure", "208", "total").text == "754.75"


def test_a_total_row_printed_first_in_full_width_digits_is_a_row_not_a_header() -> None:
    """合计 printed first (as the Shanghai template prints it) with its figures in full-width digits (３０．３０, a Word
    or PDF table typed with a Chinese input method): a row of figures, not part of the header."""
    def row(r: int, *texts: str | None) -> tuple[Printed, ...]:
        return tuple(Printed(t, None if t is None else Box(4, 10.0 * c, 10.0 * r, 10.0 * c + 9, 10.0 * r + 9))
                     for c, t in enumerate(texts))

    raw = RawTable(
        rows=(
            row(0, "科目编码", "科目名称", "合计", "基本支出", "项目支出"),
            row(1, "合计", "", "３０．３０", "１０．１０", "２０．２０"),
            row(2, "201", "一般公共服务支出", "３０．３０", "１０．１０", "２０．２０"),
        ),
        pages=(4,),
        title="一般公共预算财政拨款支出决算表",
        heading=(Line("一般公共预算财政拨款支出决算表", Box(4, 0.0, -20.0, 50.0, -10.0)),),
    )
    result = read_tables([raw], table_set("national-2024"))
    assert result.issues == ()
    assert result.tables.cell("general_budget_expenditure", "total", "basic").text == "10.10"


@pytest.mark.parametrize("dash", ["-", "—", "——", "－", "/"])
def test_a_dash_printed_for_nothing_is_a_blank(dash: str) -> None:
    """A cell printing a dash (or a slash) for nothing reads as a printed blank, with no issue."""
    def row(r: int, *texts: str | None) -> tuple[Printed, ...]:
        return tuple(Printed(t, None if t is None else Box(4, 10.0 * c, 10.0 * r, 10.0 * c + 9, 10.0 * r + 9))
                     for c, t in enumerate(texts))

    raw = RawTable(
        rows=(
            row(0, "项目", None, "合计", "基本支出", "项目支出"),
            row(1, "功能分类科目编码", "科目名称", None, None, None),
            row(2, "208", "社会保障和就业支出", "754.75", "754.75", dash),
        ),
        pages=(4,),
        title="一般公共预算财政拨款支出决算表",
        heading=(Line("一般公共预算财政拨款支出决算表", Box(4, 0.0, -20.0, 50.0, -10.0)),),
    )
    result = read_tables([raw], table_set("national-2024"))
    assert result.issues == ()
    assert result.tables.cell("general_budget_expenditure", "208", "project").is_blank


@pytest.mark.parametrize("dash", ["-", "—", "／"])
def test_the_three_public_table_reads_dashes_as_blanks_and_full_width_digits_as_numbers(dash: str) -> None:
    """表七 printed across: a dash for nothing is a printed blank and ０．３９ is 0.39, as in a table of lines (both were
    "not a number", and the figure was lost)."""
    tables = read_pdf(SAMPLES / "putuo-planning-2024.pdf").tables
    three = next(t for t in tables if t.title == "财政拨款“三公”经费支出决算表")
    printed = {"0.00": dash, "0.39": "０．３９"}
    rows = tuple(tuple(attrs.evolve(c, text=printed.get(c.text or "", c.text)) for c in row) for row in three.rows)
    assert rows != three.rows
    result = read_tables([attrs.evolve(three, rows=rows)], table_set("national-2024"))
    assert result.issues == ()
    assert result.tables.cell("three_public", "three_public.reception", "actual").value == Decimal("0.39")
    assert result.tables.cell("three_public", "three_public.vehicle_purchase", "actual").is_blank


def test_labels_spread_with_full_width_spaces_are_read_as_printed_closely() -> None:
    """Labels set with full-width spaces to fill their cells (合　　计, 收　　入, 项　　目): every table reads as the
    same table printed closely, but the names kept as printed (before, 表一/表四's 支出 half was not found and its
    rows were reported as rows the template does not have)."""
    import re

    printed = read_pdf(SAMPLES / "putuo-planning-2024.pdf").tables

    def spread(text: str | None) -> str | None:
        return text if text is None or not re.fullmatch(r"[\u4e00-\u9fff]{2,3}", text) else "\u3000\u3000".join(text)

    spaced = [attrs.evolve(t, rows=tuple(tuple(attrs.evolve(c, text=spread(c.text)) for c in r) for r in t.rows)) for t in printed]
    close, wide = read_tables(printed, table_set("national-2024")), read_tables(spaced, table_set("national-2024"))
    assert wide.issues == close.issues == ()
    for a, b in zip(close.tables.tables, wide.tables.tables, strict=True):
        assert [(r.key, r.cells) for r in a.rows] == [(r.key, r.cells) for r in b.rows]


def test_a_table_of_no_known_title_is_listed_as_unknown() -> None:
    """A printed table that matches no template is named in ``unknown``, never dropped silently."""
    box = Box(2, 1.0, 2.0, 3.0, 4.0)
    raw = RawTable(rows=((Printed("序号", box), Printed("单位名称", box)),), pages=(2,), title="部门决算单位构成",
        heading=(Line("部门决算单位构成", box),))
    result = read_tables([raw], table_set("national-2024"))
    assert result.unknown == ("部门决算单位构成",) and result.tables.tables == ()


@pytest.mark.parametrize(
    "title",
    ["一般公共预算财政拨款支出决算表（公开05表）", "一般公共预算财政拨款支出决算表 表5", "附表5：一般公共预算财政拨款支出决算表",
     "2024年度一般公共预算财政拨款支出决算表(表五)"],
)
def test_a_title_with_the_tables_number_still_names_its_template(title: str) -> None:
    """Provinces print a table's number before or after its title (公开05表, 表5, 附表5): it matches all the same."""
    box = Box(4, 0.0, 0.0, 9.0, 9.0)
    raw = RawTable(rows=((Printed("项目", box),),), pages=(4,), title=title, heading=(Line(title, box),))
    result = read_tables([raw], table_set("national-2024"))
    assert result.unknown == () and [t.key for t in result.tables.tables] == ["general_budget_expenditure"]


@pytest.mark.parametrize("name", ["putuo-planning-2024", "putuo-social-work-2024"])
def test_the_import_equals_the_hand_transcription(name: str) -> None:
    """Both reports' tables import equal, cell for cell and row for row, to the hand-transcribed datasets."""
    imported = _read(name).tables
    transcribed = datasets.load(name).tables
    assert [t.key for t in imported.tables] == [t.key for t in transcribed.tables]
    for made, typed in zip(imported.tables, transcribed.tables, strict=True):
        assert (made.number, made.title, made.unit, made.columns, made.income_columns) == (
            typed.number, typed.title, typed.unit, typed.columns, typed.income_columns)
        assert (made.notes, made.empty_note) == (typed.notes, typed.empty_note)
        assert made.rows == typed.rows, made.key
