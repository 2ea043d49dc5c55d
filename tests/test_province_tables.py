"""The nine tables as provinces print them beyond the central template: budget and last year's columns beside the
决算数, 表七 as a list of rows, other table numbers (公开表1, 表1-3), other names of the total line, tables the set does
not have whose names end like one it has. Composed pages (own words and numbers, the structure of published
reports), read through the same steps as any report."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from budgetkit.checks.audit import check
from budgetkit.errors import LoadError
from budgetkit.io.pdf import Imported
from test_central_tables import EXPENDITURE, SUMMARY, _issues, _page, _read, _table


def _heading(title: str, unit: str = "万元") -> str:
    return f"<p>{title}</p><p>部门：示例县文化馆　　　　金额单位：{unit}</p>"


def _errors(imported: Imported) -> list[str]:
    return [f"{f.rule} {f.path}" for f in check(imported.account) if f.severity.value == "error"]


#: 表五 with the year's budget printed before the 决算数, each as 合计 · 基本支出 · 项目支出 (Hunan, Jiangxi)
GENERAL_BUDGET_WITH_BUDGET = _table(
    [
        ["科目编码", "科目名称", ("年初预算数", 3), ("决算数", 3)],
        ["", "", "合计", "基本支出", "项目支出", "合计", "基本支出", "项目支出"],
        ["", "合计", "120.00", "90.00", "30.00", "100.00", "80.00", "20.00"],
        ["207", "文化旅游体育与传媒支出", "110.00", "80.00", "30.00", "90.00", "70.00", "20.00"],
        ["208", "社会保障和就业支出", "10.00", "10.00", "", "10.00", "10.00", ""],
    ]
)


def test_a_budget_printed_beside_the_actual_is_not_read_as_it(tmp_path: Path) -> None:
    """年初预算数 | 决算数 side by side: the 决算数 columns are the template's, the budget's an issue naming them (the
    table was refused: 'column total appears twice')."""
    imported = _read(tmp_path, _page(_heading("一般公共预算财政拨款支出决算表"), GENERAL_BUDGET_WITH_BUDGET))
    tables = imported.account.tables
    assert tables is not None
    table = tables.table("general_budget_expenditure")
    assert table is not None and table.columns == ("total", "basic", "project")
    assert [(row.key, [cell.text for cell in row.cells]) for row in table.rows] == [
        ("total", ["100.00", "80.00", "20.00"]),
        ("207", ["90.00", "70.00", "20.00"]),
        ("208", ["10.00", "10.00", ""]),
    ]
    assert (
        "年初预算数/合计: not this year's 决算数 (a budget, last year's figure or a change): a column "
        "一般公共预算财政拨款支出决算表 does not have; not read"
    ) in _issues(imported)
    assert _errors(imported) == []


#: 表一 with last year's 决算数 before this year's, both halves (Zhejiang, Jiangsu)
SUMMARY_WITH_LAST_YEAR = _table(
    [
        [("收入", 3), ("支出", 3)],
        ["项目", "上年决算数", "本年决算数", "项目", "上年决算数", "本年决算数"],
        ["一、一般公共预算财政拨款收入", "80.00", "100.00", "一、文化旅游体育与传媒支出", "70.00", "90.00"],
        ["八、其他收入", "", "5.00", "二、社会保障和就业支出", "10.00", "10.00"],
        ["本年收入合计", "80.00", "105.00", "本年支出合计", "80.00", "100.00"],
        ["年初结转和结余", "", "", "年末结转和结余", "", "5.00"],
        ["总计", "80.00", "105.00", "总计", "80.00", "105.00"],
    ]
)


def test_last_years_figures_beside_this_years_are_not_read(tmp_path: Path) -> None:
    """上年决算数 | 本年决算数: this year's are read, last year's named as not read (the table was refused)."""
    imported = _read(tmp_path, _page(_heading("收入支出决算总表"), SUMMARY_WITH_LAST_YEAR))
    tables = imported.account.tables
    assert tables is not None
    assert tables.cell("summary", "income.general_budget", "amount").amount == Decimal("100.00")
    assert tables.cell("summary", "expenditure.total", "amount").amount == Decimal("105.00")
    assert tables.cell("summary", "207", "amount").amount == Decimal("90.00")
    assert imported.account.income.total.current is not None
    assert str(imported.account.income.total.current.amount) == "105.00"
    assert sum("上年决算数: not this year's 决算数" in issue for issue in _issues(imported)) == 2
    assert _errors(imported) == []


#: 表七 as a list: 项目 | 预算数 | 决算数, items numbered, the vehicle's two parts under 其中 (Hunan, Shaanxi)
THREE_PUBLIC_LISTED = _table(
    [
        ["项目", "预算数", "决算数"],
        ["合计", "12.00", "11.50"],
        ["1、因公出国（境）费", "", ""],
        ["2、公务用车购置及运行费", "10.00", "9.80"],
        ["其中：（1）公务用车购置费", "", ""],
        ["（2）公务用车运行费", "10.00", "9.80"],
        ["3、公务接待费", "2.00", "1.70"],
    ]
)


def test_three_public_printed_as_a_list_of_rows(tmp_path: Path) -> None:
    """Each item's 预算数 and 决算数 are read from its row (only the first row was read, as if printed across: the
    table was empty and table.empty_note a false warning)."""
    imported = _read(tmp_path, _page(_heading("财政拨款“三公”经费支出决算表"), THREE_PUBLIC_LISTED))
    tables = imported.account.tables
    assert tables is not None
    read = {
        (row.key, column): cell.text
        for row in tables.table("three_public").rows  # type: ignore[union-attr]
        for column, cell in zip(("budget", "actual"), row.cells, strict=True)
    }
    assert read == {
        ("three_public.total", "budget"): "12.00",
        ("three_public.total", "actual"): "11.50",
        ("three_public.outbound", "budget"): "",
        ("three_public.outbound", "actual"): "",
        ("three_public.vehicle", "budget"): "10.00",
        ("three_public.vehicle", "actual"): "9.80",
        ("three_public.vehicle_purchase", "budget"): "",
        ("three_public.vehicle_purchase", "actual"): "",
        ("three_public.vehicle_operation", "budget"): "10.00",
        ("three_public.vehicle_operation", "actual"): "9.80",
        ("three_public.reception", "budget"): "2.00",
        ("three_public.reception", "actual"): "1.70",
    }
    assert imported.report.not_understood == ()
    findings = check(imported.account)
    assert not any(f.rule == "table.empty_note" for f in findings)
    assert [f.rule for f in findings if f.severity.value == "error"] == []


def test_three_public_with_meetings_and_training_is_three_public_not_the_expenditure_table(tmp_path: Path) -> None:
    """`…“三公”经费及会议费、培训费支出决算表` (Shaanxi) is 表七; it ends with 支出决算表 and was read as 表三, so that
    the real 表三 after it was dropped as printed twice. Its 会议费 and 培训费 rows are issues, not read."""
    listed = THREE_PUBLIC_LISTED.replace(
        "</table>", "<tr><td>4、会议费</td><td>3.00</td><td>2.50</td></tr><tr><td>5、培训费</td><td>1.00</td><td>0.80</td></tr></table>"
    )
    imported = _read(
        tmp_path,
        _page(
            _heading("一般公共预算财政拨款“三公”经费及会议费、培训费支出决算表"),
            listed,
            _heading("支出决算表"),
            EXPENDITURE,
        ),
    )
    tables = imported.account.tables
    assert tables is not None
    assert [t.key for t in tables.tables] == ["three_public", "expenditure"]
    assert tables.cell("three_public", "three_public.reception", "actual").amount == Decimal("1.70")
    assert tables.cell("expenditure", "2080505", "basic").amount == Decimal("10.00")
    issues = _issues(imported)
    assert "4、会议费: a row the template of 财政拨款“三公”经费支出决算表 does not have" in issues
    assert "5、培训费: a row the template of 财政拨款“三公”经费支出决算表 does not have" in issues
    assert _errors(imported) == []


def test_three_public_with_the_operating_costs_of_yunnan_is_three_public(tmp_path: Path) -> None:
    """`财政拨款“三公”经费、行政参公单位机关运行经费情况表` (Yunnan's 部门决算) is 表七: it was an unknown table. Its first
    row `一、“三公”经费支出` is the total; the 机关运行经费 row below the 三公 is the template's line of it (it was an
    issue, not read), not a part of the 三公's total."""
    listed = _table(
        [
            ["项目", "预算数", "决算数"],
            ["一、“三公”经费支出", "12.00", "11.50"],
            ["（一）因公出国（境）费", "0.00", "0.00"],
            ["（二）公务用车购置及运行维护费", "10.00", "9.80"],
            ["1．公务用车购置费", "0.00", "0.00"],
            ["2．公务用车运行维护费", "10.00", "9.80"],
            ["（三）公务接待费", "2.00", "1.70"],
            ["二、机关运行经费", "50.00", "45.00"],
        ]
    )
    imported = _read(tmp_path, _page(_heading("财政拨款“三公”经费、行政参公单位机关运行经费情况表"), listed))
    tables = imported.account.tables
    assert tables is not None
    assert [t.key for t in tables.tables] == ["three_public"]
    assert tables.cell("three_public", "three_public.total", "actual").amount == Decimal("11.50")
    assert tables.cell("three_public", "three_public.total", "budget").amount == Decimal("12.00")
    assert tables.cell("three_public", "three_public.vehicle_operation", "actual").amount == Decimal("9.80")
    assert tables.cell("three_public", "operating_costs", "actual").amount == Decimal("45.00")
    assert tables.cell("three_public", "operating_costs", "budget").amount == Decimal("50.00")
    assert [issue for issue in _issues(imported) if "a row the template" in issue] == []
    assert _errors(imported) == []


def test_table_five_with_its_balances_of_yunnan_is_table_five_not_table_three(tmp_path: Path) -> None:
    """`一般公共预算财政拨款收入支出决算表` (Yunnan's 表五, with 年初结转和结余, 本年收入 and 年末结转和结余 beside the year's
    支出) ends with 支出决算表 and was read as 表三 (支出决算表), whose totals are all funds'. It is 表五; its balance
    and income columns are its optional columns, read (they were named as columns the template has not)."""
    table = _table(
        [
            ["科目编码", ("科目名称", 2), "年初结转和结余", "本年收入", ("本年支出", 3), "年末结转和结余"],
            ["", ("", 2), "", "", "小计", "基本支出", "项目支出", ""],
            ["", ("合计", 2), "0.00", "100.00", "100.00", "80.00", "20.00", "0.00"],
            ["208", ("社会保障和就业支出", 2), "0.00", "100.00", "100.00", "80.00", "20.00", "0.00"],
        ]
    )
    imported = _read(tmp_path, _page(_heading("一般公共预算财政拨款收入支出决算表"), table))
    tables = imported.account.tables
    assert tables is not None
    assert [t.key for t in tables.tables] == ["general_budget_expenditure"]
    assert tables.cell("general_budget_expenditure", "208", "basic").amount == Decimal("80.00")
    assert tables.cell("general_budget_expenditure", "208", "total").amount == Decimal("100.00")
    assert tables.cell("general_budget_expenditure", "208", "income").amount == Decimal("100.00")
    assert tables.cell("general_budget_expenditure", "total", "closing").amount == Decimal("0.00")
    assert [issue for issue in _issues(imported) if "a column" in issue] == []
    assert _errors(imported) == []


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("收入决算总表", "income"),  # Shaanxi's 表二 and 表三 (2020)
        ("支出决算总表", "expenditure"),
        ("示例局收入支出决算总表", "summary"),  # the longest title it ends with, not 支出决算总表
        ("收入支出决算表", "summary"),  # Yunnan's 表一 (2024), without 总: not 表三
        ("财政拨款收入支出决算表", "fiscal_summary"),  # Yunnan's 表四
        ("一般公共预算财政拨款“三公”经费情况表", "general_budget_three_public"),  # Yunnan's 表十一
        ("财政拨款收入支出决算总表", "fiscal_summary"),
        ("一般公共预算财政拨款收入支出决算表", "general_budget_expenditure"),  # Yunnan's 表五
        ("政府性基金预算财政拨款支出决算表", None),  # a 13-table set's table of its own, not 表三
        ("国有资本经营预算财政拨款支出决算表", "state_capital"),
        ("财政拨款“三公”经费、行政参公单位机关运行经费情况表", "three_public"),  # Yunnan's 表七
        ("政府性基金预算财政拨款“三公”经费支出决算表", None),  # a table of the 三公 paid from another fund
        ("一般公共预算财政拨款项目支出决算表", "general_budget_project"),  # Yunnan's 表七, optional
        ("机关运行经费支出决算表", None),
    ],
)
def test_a_title_is_its_table_s_or_none(title: str, key: str | None) -> None:
    """What a printed title is read as in the national set: a title of another province names its table; a table the
    set has not stays unknown, even when its name ends as one the set has."""
    from budgetkit.io.document import Line, RawTable
    from budgetkit.io.table_import import _template_for
    from budgetkit.model.tables import table_set

    found = _template_for(RawTable(rows=(), pages=(1,), heading=(Line(title, None),)), table_set("national-2024").templates)  # type: ignore[arg-type]
    assert (None if found is None else found.key) == key


def test_table_numbers_printed_otherwise_find_their_tables(tmp_path: Path) -> None:
    """`（公开表1）` and `（表1-3）` after a title (the number was taken for part of it: both tables unknown, and
    table.missing warned of them); 表1-3 gives no number of its own, the template's 三 stays."""
    imported = _read(
        tmp_path,
        _page(_heading("收入支出决算总表（公开表1）"), SUMMARY, _heading("支出决算表（表1-3）"), EXPENDITURE),
    )
    tables = imported.account.tables
    assert tables is not None
    assert [(t.key, t.number) for t in tables.tables] == [("summary", "一"), ("expenditure", "三")]
    assert imported.report.tables_unknown == ()


def test_a_table_the_set_has_not_is_not_taken_for_the_one_its_name_ends_with(tmp_path: Path) -> None:
    """政府性基金预算财政拨款支出决算表 ends with 支出决算表: it is a table the set has not, never 表三, which is still read
    from its own table. So is 一般公共预算财政拨款项目支出决算表 (Sichuan's and many cities' thirteen tables), a table of
    the set (optional, Yunnan's 表七: 项目支出 by 类, 款 and 项): printed as a list of projects, it is named as not read."""
    project = _table(
        [
            ["科目编码", "科目名称", "项目名称", "决算数"],
            ["2070109", "群众文化", "文化惠民工程", "20.00"],
        ]
    )
    imported = _read(
        tmp_path,
        _page(
            _heading("一般公共预算财政拨款项目支出决算表"),
            project,
            _heading("政府性基金预算财政拨款支出决算表"),
            project,
            _heading("支出决算表"),
            EXPENDITURE,
        ),
    )
    tables = imported.account.tables
    assert tables is not None
    assert [t.key for t in tables.tables] == ["expenditure"]
    assert imported.report.tables_unknown == ("政府性基金预算财政拨款支出决算表",)
    (not_read,) = [issue.reason for issue in imported.report.issues if " not imported: " in issue.reason]
    assert not_read.startswith("一般公共预算财政拨款项目支出决算表 not imported: it lists projects (项目名称)")
    assert tables.cell("expenditure", "total", "year_total").amount == Decimal("100.00")


def test_the_total_line_of_a_coded_table_printed_as_this_years_total(tmp_path: Path) -> None:
    """表三's total line printed 本年支出合计 (not 合计) is its total line; it was an issue and table.line_sum lost it."""
    imported = _read(
        tmp_path,
        _page(_heading("支出决算表"), EXPENDITURE.replace("<td>合计</td>", "<td>本年支出合计</td>", 1)),
    )
    tables = imported.account.tables
    assert tables is not None
    total = tables.table("expenditure").row("total")  # type: ignore[union-attr]
    assert total is not None and total.name == "本年支出合计"
    assert [cell.text for cell in total.cells][:3] == ["100.00", "80.00", "20.00"]
    assert not any("本年支出合计" in issue for issue in _issues(imported))


def test_a_heading_of_four_lines_title_number_maker_and_unit_each_its_own(tmp_path: Path) -> None:
    """收入支出决算总表 / 公开01表 / 部门:… / 金额单位:万元, each a paragraph of the page (Hubei's pages of the central
    template): the title four lines up is the table's (only three lines were its heading: the table was unknown
    under the title 部门:示例县文化馆, and none of its figures read)."""
    heading = "<p>收入支出决算总表</p><p>公开01表</p><p>部门:示例县文化馆</p><p>金额单位:元</p>"
    imported = _read(tmp_path, _page("<p>本部分公开以下九张表。</p>", heading, SUMMARY))
    tables = imported.account.tables
    assert tables is not None
    summary = tables.table("summary")
    assert summary is not None and summary.title == "收入支出决算总表"
    assert tables.cell("summary", "income.general_budget", "amount").amount == Decimal("0.0100")  # 100.00 元
    assert imported.report.tables_unknown == ()


def _draw_with_margins(path: Path) -> Path:
    """表一 and 表三 as a PDF whose 公开0n表 is printed at the right margin and 部门：… at the left, the unit at the right."""
    pytest.importorskip("pdfplumber")
    pytest.importorskip("reportlab")
    from test_central_tables import EXPENDITURE_ROWS, SUMMARY_ROWS, covered, grid

    tables = [
        ("收入支出决算总表", "公开01表", "万元", SUMMARY_ROWS, [150, 40, 80, 150, 40, 80]),
        ("支出决算表", "公开03表", "元", EXPENDITURE_ROWS, [35, 30, 30, 170, 70, 60, 60, 70, 60, 90]),
    ]
    texts = "".join(str(c[0] if isinstance(c, tuple) else c) for *_, rows, _ in tables for row in rows for c in row)
    pdf, font = covered(path, texts + "收入支出决算总表公开表部门：金额单位万元")
    for title, number, unit, rows, widths in tables:
        pdf.setFont(font, 12)
        pdf.drawCentredString(421, 560, title)
        pdf.setFont(font, 9)
        pdf.drawRightString(812, 542, number)
        pdf.drawString(30, 524, "部门：示例县文化馆")
        pdf.drawRightString(812, 524, f"金额单位：{unit}")
        grid(pdf, font, rows, widths, 524.0)
        pdf.showPage()
    pdf.save()
    return path


def test_a_pdf_whose_table_number_and_maker_are_printed_at_the_margins(tmp_path: Path) -> None:
    """A line above a table that is only its number (公开01表 at the right margin) or names its maker (部门：… at the
    left) is the table's heading, not running text: the title above it is found (no table was found at all)."""
    from budgetkit.io.pdf import read_pdf

    imported = read_pdf(_draw_with_margins(tmp_path / "margins.pdf"))
    tables = imported.account.tables
    assert tables is not None
    assert [(t.key, t.title, t.unit) for t in tables.tables] == [
        ("summary", "收入支出决算总表", "万元"),
        ("expenditure", "支出决算表", "万元"),
    ]
    assert tables.cell("expenditure", "2080505", "basic").amount == Decimal("0.001000")  # 10.00 元
    assert imported.report.tables_unknown == ()


@pytest.mark.parametrize(
    ("between", "case"),
    [("", "no title"), ("<p>续表</p>", "续表"), ("<p>支出决算表（续）</p>", "title with 续"), (_heading("支出决算表"), "same title")],
)
def test_a_table_continued_in_a_second_table_is_joined(tmp_path: Path, between: str, case: str) -> None:
    """表三 split in two printed tables, the second repeating the header (and the 栏次 row) under no title, 续表, its
    title with （续）, or its title again: one table of every row. The rest was dropped (or unknown, or "printed
    twice"), so that 合计 did not add up to the 类 read: two false table.line_sum errors."""
    from test_central_tables import EXPENDITURE_ROWS

    first = _table(EXPENDITURE_ROWS[:7])
    rest = _table(EXPENDITURE_ROWS[:3] + EXPENDITURE_ROWS[7:])
    imported = _read(tmp_path, _page(_heading("支出决算表"), first, between, rest))
    tables = imported.account.tables
    assert tables is not None
    expenditure = tables.table("expenditure")
    assert expenditure is not None, case
    assert [row.key for row in expenditure.rows] == ["total", "207", "20701", "2070109", "208", "20805", "2080505"]
    assert imported.report.tables_unknown == ()
    assert not any("printed twice" in issue or "neither a code" in issue for issue in _issues(imported))
    assert [f.rule for f in check(imported.account) if f.rule == "table.line_sum"] == []


def test_a_table_printed_twice_over_is_not_joined(tmp_path: Path) -> None:
    """The same rows printed again under the same title are not a continuation: the first is kept, the second named."""
    imported = _read(tmp_path, _page(_heading("支出决算表"), EXPENDITURE, _heading("支出决算表"), EXPENDITURE))
    tables = imported.account.tables
    assert tables is not None
    assert [row.key for row in tables.table("expenditure").rows][:2] == ["total", "207"]  # type: ignore[union-attr]
    assert "支出决算表: 支出决算表 is printed twice; the first is kept" in _issues(imported)


def _summary_with_its_heading_inside(unit: str) -> str:
    """表一 whose title, number, maker and unit are rows of its own grid (a page made from a workbook)."""
    from test_central_tables import SUMMARY_ROWS

    return _table(
        [
            [("收入支出决算总表", 6)],
            [("", 5), "公开01表"],
            [("部门：示例县文化馆", 3), (f"金额单位：{unit}", 3)],
            *SUMMARY_ROWS,
        ]
    )


@pytest.mark.parametrize("above", ["<p>一、收入支出决算总表</p>", "<p>表格如下。</p>"])
def test_a_title_and_unit_printed_as_rows_of_the_grid_are_its_heading(tmp_path: Path, above: str) -> None:
    """The grid's first rows (title, 公开01表, 部门：…, 金额单位：元) are the table's heading: its unit 元 scales it. It was
    read in 万元 (100.00 元 as 100.00 万元) when a line above named the table, and was unknown when none did."""
    imported = _read(tmp_path, _page("<p>以下为决算表。</p><p>第一张。</p>", above, _summary_with_its_heading_inside("元")))
    tables = imported.account.tables
    assert tables is not None
    summary = tables.table("summary")
    assert summary is not None and summary.title == "收入支出决算总表"
    assert tables.cell("summary", "income.general_budget", "amount").amount == Decimal("0.0100")
    assert tables.cell("summary", "income.total", "amount").amount == Decimal("0.0105")
    assert "单位：元: 收入支出决算总表 prints 元: read in 万元, exactly" in _issues(imported)
    assert imported.report.tables_unknown == ()


def test_a_unit_printed_in_a_header_cell_scales_the_table(tmp_path: Path) -> None:
    """`决算数（元）` in the header, and no unit line above: the table is in 元 (it was read in 万元)."""
    general = _table(
        [
            ["科目编码", "科目名称", "合计（元）", "基本支出（元）", "项目支出（元）"],
            ["", "合计", "950,000.00", "750,000.00", "200,000.00"],
            ["207", "文化旅游体育与传媒支出", "950,000.00", "750,000.00", "200,000.00"],
        ]
    )
    imported = _read(tmp_path, _page("<p>一般公共预算财政拨款支出决算表</p>", general))
    tables = imported.account.tables
    assert tables is not None
    assert tables.cell("general_budget_expenditure", "207", "basic").amount == Decimal("75.0000000")
    assert tables.table("general_budget_expenditure").columns == ("total", "basic", "project")  # type: ignore[union-attr]


#: 表五 printing the department's total and its own unit's (本级) side by side, each 合计 · 基本支出 · 项目支出
GENERAL_BUDGET_OF_TWO_UNITS = _table(
    [
        ["科目编码", "科目名称", ("部门合计", 3), ("本级", 3)],
        ["", "", "合计", "基本支出", "项目支出", "合计", "基本支出", "项目支出"],
        ["", "合计", "100.00", "80.00", "20.00", "60.00", "50.00", "10.00"],
        ["207", "文化旅游体育与传媒支出", "100.00", "80.00", "20.00", "60.00", "50.00", "10.00"],
    ]
)

#: 表六 laid out by function (rows 类/款/项) with 人员经费 and 公用经费 as columns: no column of the template
BASIC_BY_FUNCTION = _table(
    [
        ["科目编码", "科目名称", "合计", "人员经费", "公用经费"],
        ["", "合计", "80.00", "60.00", "20.00"],
        ["2070109", "群众文化", "80.00", "60.00", "20.00"],
    ]
)


def test_a_table_printed_but_not_readable_is_named_and_never_called_missing(tmp_path: Path) -> None:
    """A table of two units side by side and a 表六 laid out by function are refused, each with an issue saying why,
    and kept as unread: table.missing said they were not published (a false warning), and the first was refused as
    "column 'total' appears twice"."""
    imported = _read(
        tmp_path,
        _page(
            _heading("一般公共预算财政拨款支出决算表"),
            GENERAL_BUDGET_OF_TWO_UNITS,
            _heading("一般公共预算财政拨款基本支出决算表"),
            BASIC_BY_FUNCTION,
        ),
    )
    tables = imported.account.tables
    assert tables is not None
    assert tables.unread == ("general_budget_expenditure", "basic_expenditure")
    issues = _issues(imported)
    assert (
        "一般公共预算财政拨款支出决算表: 一般公共预算财政拨款支出决算表 not imported: its columns 部门合计/合计、本级/合计 "
        "would each be its 合计 (several units or several figures side by side): none is read"
    ) in issues
    assert (
        "一般公共预算财政拨款基本支出决算表: 一般公共预算财政拨款基本支出决算表 not imported: it prints no column the "
        "template has (it is laid out otherwise): nothing is read"
    ) in issues
    # each of the kind budgetkit check names as a table not read
    from budgetkit.io.table_import import IssueKind

    assert [i.text for i in imported.report.issues if i.kind is IssueKind.TABLE_NOT_IMPORTED] == [
        "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款基本支出决算表"]
    # and in Chinese, as budgetkit check prints them (they were English only)
    assert {i.reason_zh for i in imported.report.issues} >= {
        "一般公共预算财政拨款支出决算表未能读入：其部门合计/合计、本级/合计列都会是其合计（几个单位或几个数字并列）：均未读入",
        "一般公共预算财政拨款基本支出决算表未能读入：没有模板中的列（版式不同）：均未读入",
    }
    missing = [f.path for f in check(imported.account) if f.rule == "table.missing"]
    assert "tables[general_budget_expenditure]" not in missing and "tables[basic_expenditure]" not in missing
    assert "tables[summary]" in missing  # the tables not printed at all are still missing
    from budgetkit import io

    assert io.loads(io.dumps(imported.account)).tables == tables  # kept in the account file


GOVERNMENT_FUND_HEADER: list[list[str | tuple[str, int]]] = [
    ["科目编码", "科目名称", "年初结转和结余", "本年收入", ("本年支出", 3), "年末结转和结余"],
    ["", "", "", "", "合计", "基本支出", "项目支出", ""],
    ["", "合计", "", "", "", "", "", ""],
]
EMPTY_NOTE = "本单位2023年度无政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出，故本表无数据。"


@pytest.mark.parametrize("where", ["a row across the table", "a paragraph below it"])
def test_the_note_of_an_empty_table_printed_across_it_or_below_it(tmp_path: Path, where: str) -> None:
    """表八 printed empty with its note as a row spanning the table, or as the paragraph just below it with no 注：:
    the note is the table's. Taken for a header (six unknown columns) or for running text, it left table.empty_note
    warning that the empty table said nothing."""
    if where == "a row across the table":
        table, below = _table([*GOVERNMENT_FUND_HEADER, [(EMPTY_NOTE, 8)]]), ""
    else:
        table, below = _table(GOVERNMENT_FUND_HEADER), f"<p>{EMPTY_NOTE}</p>"
    imported = _read(tmp_path, _page(_heading("政府性基金预算财政拨款收入支出决算表"), table, below))
    tables = imported.account.tables
    assert tables is not None
    fund = tables.table("government_fund")
    assert fund is not None and fund.is_empty
    assert fund.columns == ("opening", "income", "expenditure", "basic", "project", "closing")
    assert fund.empty_note == EMPTY_NOTE
    assert not any(f.rule == "table.empty_note" and f.path.startswith("tables.") for f in check(imported.account))
    assert not any("a column" in issue for issue in _issues(imported))


def test_a_sentence_below_a_table_with_amounts_stays_text(tmp_path: Path) -> None:
    """Only a table that prints no amount takes the sentence below it for its note: below 表五 with figures, a line
    saying some fund had no spending is the report's text."""
    general = _table(
        [
            ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
            ["", "合计", "10.00", "10.00", ""],
            ["208", "社会保障和就业支出", "10.00", "10.00", ""],
        ]
    )
    imported = _read(tmp_path, _page(_heading("一般公共预算财政拨款支出决算表"), general, f"<p>{EMPTY_NOTE}</p>"))
    tables = imported.account.tables
    assert tables is not None
    assert tables.table("general_budget_expenditure").notes == ()  # type: ignore[union-attr]


def test_a_pdf_note_below_an_empty_table_without_a_note_mark(tmp_path: Path) -> None:
    """In a PDF, the sentence just below an empty 表八 (no 注：) is its note, not running text."""
    pytest.importorskip("pdfplumber")
    pytest.importorskip("reportlab")
    from budgetkit.io.pdf import read_pdf
    from test_central_tables import covered

    rows = [[str(c[0] if isinstance(c, tuple) else c) for c in row] for row in GOVERNMENT_FUND_HEADER]
    path = tmp_path / "empty.pdf"
    pdf, font = covered(path, "".join(t for row in rows for t in row) + EMPTY_NOTE + "政府性基金预算财政拨款收入支出决算表单位万元：")
    pdf.setFont(font, 12)
    pdf.drawCentredString(421, 560, "政府性基金预算财政拨款收入支出决算表")
    pdf.setFont(font, 9)
    pdf.drawRightString(812, 542, "单位：万元")
    widths = [60, 160, 90, 90, 90, 90, 90, 90]
    for r, row in enumerate(rows):
        x = 30.0
        for c, text in enumerate(row):
            pdf.rect(x, 520 - (r + 1) * 16, widths[c], 16)
            if text:
                pdf.setFont(font, 7)
                pdf.drawString(x + 2, 525 - (r + 1) * 16, text)
            x += widths[c]
    pdf.setFont(font, 9)
    pdf.drawString(30, 520 - 4 * 16 - 14, EMPTY_NOTE)
    pdf.showPage()
    pdf.save()
    imported = read_pdf(path)
    tables = imported.account.tables
    assert tables is not None
    fund = tables.table("government_fund")
    assert fund is not None and fund.empty_note == EMPTY_NOTE


def test_the_contents_and_the_titles_compared_loosely(tmp_path: Path) -> None:
    """The 目录 lists 收入支出决算总表 and 支出决算表; the tables print `2023年度收入支出决算总表（公开表1）` and
    `支出决算表 表3`: the same titles (table.contents warned that they differ). A 目录 in another order still differs."""
    contents = (
        "<p>目录</p><p>第一部分 部门概况</p><p>第二部分 2023年度部门决算表</p><p>一、收入支出决算总表</p>"
        "<p>二、支出决算表</p><p>第三部分 2023年度部门决算情况说明</p>"
    )
    tables = (
        "<p>第一部分 部门概况</p><p>负责群众文化活动。</p><p>第二部分 2023年度部门决算表</p>",
        _heading("2023年度收入支出决算总表（公开表1）"),
        SUMMARY,
        _heading("支出决算表 表3"),
        EXPENDITURE,
        "<p>第三部分 2023年度部门决算情况说明</p><p>一、收入支出决算总体情况说明</p><p>2023年度收入总计105.00万元。</p>",
    )
    page = "<html><body><h1>示例县文化馆2023年度部门决算</h1>" + contents + "".join(tables) + "</body></html>"
    imported = _read(tmp_path, page)
    assert imported.account.tables is not None and imported.account.tables.contents
    assert not any(f.rule == "table.contents" for f in check(imported.account))
    swapped = _read(tmp_path, page.replace("一、收入支出决算总表", "一、@").replace("二、支出决算表", "二、收入支出决算总表").replace("一、@", "一、支出决算表"))
    assert any(f.rule == "table.contents" for f in check(swapped.account))


def test_three_public_listed_with_last_years_figures_and_the_change_and_no_budget(tmp_path: Path) -> None:
    """表七 as a list headed 上年决算数 | 本年决算数 | 比上年增、减情况 (Yunnan): this year's figures are the 决算数, the
    others named as not read, and the 预算数 is absent (not a printed blank that would sum as 0). It was read as one
    row printed across: empty, and table.empty_note a false warning."""
    listed = _table(
        [
            ["项目", "上年决算数", "本年决算数", ("比上年增、减情况", 2)],
            ["", "", "", "增、减金额", "增、减幅度"],
            ["合计", "12.00", "11.50", "-0.50", "-4.17%"],
            ["1.因公出国(境)费", "", "", "", ""],
            ["2.公务接待费", "2.00", "1.70", "-0.30", "-15%"],
            ["3.公务用车购置及运行费", "10.00", "9.80", "-0.20", "-2%"],
            ["其中:(1)公务用车购置费", "", "", "", ""],
            ["(2)公务用车运行费", "10.00", "9.80", "-0.20", "-2%"],
        ]
    )
    imported = _read(tmp_path, _page(_heading("财政拨款“三公”经费支出决算表"), listed))
    tables = imported.account.tables
    assert tables is not None
    table = tables.table("three_public")
    assert table is not None and table.columns == ("actual",)
    assert [(row.key, row.cells[0].text) for row in table.rows] == [
        ("three_public.total", "11.50"),
        ("three_public.outbound", ""),
        ("three_public.vehicle", "9.80"),
        ("three_public.vehicle_purchase", ""),
        ("three_public.vehicle_operation", "9.80"),
        ("three_public.reception", "1.70"),
    ]
    assert tables.cell("three_public", "three_public.total", "budget") is None
    assert sum("not this year's 决算数" in issue for issue in _issues(imported)) == 3
    assert [f.rule for f in check(imported.account) if f.rule != "table.missing"] == []


def test_three_public_with_the_operating_costs_column_of_shanghai_districts(tmp_path: Path) -> None:
    """`一般公共预算财政拨款“三公”经费及机关运行经费支出决算表` (a Shanghai district's earlier layout: the items over
    预算数 | 决算数, and 机关运行经费决算数 in a column of its own) is 表七; the 机关运行经费 column is not read. The title
    was unknown (and 表七 missing)."""
    three_public = _table(
        [
            [("一般公共预算财政拨款“三公”经费", 12), "机关运行经费决算数"],
            [("合计", 2), ("因公出国（境）费", 2), ("公务用车购置及运行费", 6), ("公务接待费", 2), ""],
            [("", 2), ("", 2), ("小计", 2), ("公务用车购置费", 2), ("公务用车运行费", 2), ("", 2), ""],
            [*(["预算数", "决算数"] * 6), ""],
            ["20.00", "9.00", "", "", "15.00", "8.70", "", "", "15.00", "8.70", "5.00", "0.30", "300.00"],
        ]
    )
    imported = _read(tmp_path, _page(_heading("一般公共预算财政拨款“三公”经费及机关运行经费支出决算表"), three_public))
    tables = imported.account.tables
    assert tables is not None
    assert tables.cell("three_public", "three_public.vehicle", "budget").amount == Decimal("15.00")  # type: ignore[union-attr]
    assert tables.cell("three_public", "three_public.reception", "actual").amount == Decimal("0.30")  # type: ignore[union-attr]
    assert "机关运行经费决算数: a column 财政拨款“三公”经费支出决算表 does not have" in _issues(imported)
    assert imported.report.tables_unknown == ()


def test_three_public_across_with_its_actual_alone_has_no_budget(tmp_path: Path) -> None:
    """表七 across printing only 决算数 under its items: the 预算数 is absent (each was a printed blank, summing as 0)."""
    items: list[str | tuple[str, int]] = ["合计", "因公出国（境）费", ("公务用车购置及运行费", 3), "公务接待费"]
    three_public = _table(
        [
            [("决算数", 6)],
            items,
            ["", "", "小计", "公务用车购置费", "公务用车运行费", ""],
            ["11.50", "", "9.80", "", "9.80", "1.70"],
        ]
    )
    imported = _read(tmp_path, _page(_heading("财政拨款“三公”经费支出决算表"), three_public))
    tables = imported.account.tables
    assert tables is not None
    assert tables.table("three_public").columns == ("actual",)  # type: ignore[union-attr]
    assert tables.cell("three_public", "three_public.total", "actual").amount == Decimal("11.50")  # type: ignore[union-attr]
    assert tables.cell("three_public", "three_public.total", "budget") is None


def test_the_summary_lines_under_their_earlier_names(tmp_path: Path) -> None:
    """表一 printing 用事业基金弥补收支差额, 上年结转和结余, 收入总计 and 支出总计 (earlier templates, still printed by
    some units): the template's lines (each was a row the template does not have, and 总计 went unchecked)."""
    summary = _table(
        [
            [("收入", 2), ("支出", 2)],
            ["项目", "决算数", "项目", "决算数"],
            ["一、一般公共预算财政拨款收入", "100.00", "一、文化旅游体育与传媒支出", "90.00"],
            ["八、其他收入", "5.00", "二、社会保障和就业支出", "10.00"],
            ["本年收入合计", "105.00", "本年支出合计", "100.00"],
            ["用事业基金弥补收支差额", "", "结余分配", ""],
            ["上年结转和结余", "3.00", "年末结转和结余", "8.00"],
            ["收入总计", "108.00", "支出总计", "108.00"],
        ]
    )
    imported = _read(tmp_path, _page(_heading("收入支出决算总表"), summary))
    tables = imported.account.tables
    assert tables is not None
    assert tables.cell("summary", "income.opening_balance", "amount").amount == Decimal("3.00")
    assert tables.cell("summary", "income.non_fiscal_balance_used", "amount").is_blank  # type: ignore[union-attr]
    assert tables.cell("summary", "income.total", "amount").amount == Decimal("108.00")
    assert tables.cell("summary", "expenditure.total", "amount").amount == Decimal("108.00")
    assert not any("does not have" in issue for issue in _issues(imported))
    assert _errors(imported) == []


def test_a_title_that_prints_its_unit_after_it(tmp_path: Path) -> None:
    """`收入支出决算总表（单位：元）` on one line is the title, and 元 its unit: the line was taken for a unit line alone,
    so the table had no title (unknown, its figures unread)."""
    imported = _read(tmp_path, _page("<p>表格如下。</p><p>收入支出决算总表（单位：元）</p>", SUMMARY))
    tables = imported.account.tables
    assert tables is not None
    summary = tables.table("summary")
    assert summary is not None and summary.title == "收入支出决算总表"
    assert tables.cell("summary", "income.general_budget", "amount").amount == Decimal("0.0100")
    assert imported.report.tables_unknown == ()


def test_a_workbook_whose_title_prints_its_unit_after_it(tmp_path: Path) -> None:
    """The same in a workbook: the sheet's table is 表一, titled without its unit, read in 元 (it was unknown)."""
    openpyxl = pytest.importorskip("openpyxl")
    from budgetkit.io.excel import read_excel

    book = openpyxl.Workbook()
    sheet = book.active
    for row in [
        ["示例县文化馆2023年度部门决算"],
        ["收入支出决算总表（单位：元）"],
        ["编制单位：示例县文化馆"],
        ["收入", None, "支出", None],
        ["项目", "决算数", "项目", "决算数"],
        ["一、一般公共预算财政拨款收入", 1000000, "一、文化旅游体育与传媒支出", 1000000],
        ["本年收入合计", 1000000, "本年支出合计", 1000000],
        ["总计", 1000000, "总计", 1000000],
    ]:
        sheet.append(row)
    book.save(tmp_path / "report.xlsx")
    imported = read_excel(tmp_path / "report.xlsx")
    tables = imported.account.tables
    assert tables is not None
    summary = tables.table("summary")
    assert summary is not None and summary.title == "收入支出决算总表"
    assert tables.cell("summary", "income.total", "amount").amount == Decimal("100.0000")
    assert imported.report.tables_unknown == ()


def test_codes_printed_before_their_names_in_one_column(tmp_path: Path) -> None:
    """表五 headed 项目 | 合计 | 基本支出 | 项目支出, each row's code and name in the first cell (`207 文化旅游体育与传媒支出`):
    the 合计 column is the template's 合计 and every row keyed by its code. The 合计 column was taken for the names
    (the total line named 100.00) and every coded row dropped."""
    general = _table(
        [
            ["项目", "合计", "基本支出", "项目支出"],
            ["合计", "100.00", "80.00", "20.00"],
            ["207 文化旅游体育与传媒支出", "90.00", "70.00", "20.00"],
            ["20701 文化和旅游", "90.00", "70.00", "20.00"],
            ["2070109 群众文化", "90.00", "70.00", "20.00"],
            ["208 社会保障和就业支出", "10.00", "10.00", ""],
        ]
    )
    imported = _read(tmp_path, _page(_heading("一般公共预算财政拨款支出决算表"), general))
    tables = imported.account.tables
    assert tables is not None
    table = tables.table("general_budget_expenditure")
    assert table is not None and table.columns == ("total", "basic", "project")
    assert [(row.key, row.name, row.cells[0].text) for row in table.rows] == [
        ("total", "合计", "100.00"),
        ("207", "文化旅游体育与传媒支出", "90.00"),
        ("20701", "文化和旅游", "90.00"),
        ("2070109", "群众文化", "90.00"),
        ("208", "社会保障和就业支出", "10.00"),
    ]
    assert not any("neither a code" in issue for issue in _issues(imported))


def test_a_table_with_no_title_and_no_header_goes_on_only_with_coded_rows(tmp_path: Path) -> None:
    """The rest of 表三 printed with no title and no header is joined when its rows are coded; a table of other rows
    under no title and no header is not taken for the rest of the one before it."""
    from test_central_tables import EXPENDITURE_ROWS

    first = _table(EXPENDITURE_ROWS[:7])
    coded = _table(EXPENDITURE_ROWS[7:])
    joined = _read(tmp_path, _page(_heading("支出决算表"), first, coded))
    assert [row.key for row in joined.account.tables.table("expenditure").rows][-1] == "2080505"  # type: ignore[union-attr]
    other = _table([["示例项目", "", "", "", "10.00", "", "", "", "", ""]])
    apart = _read(tmp_path, _page(_heading("支出决算表"), first, other))
    assert [row.key for row in apart.account.tables.table("expenditure").rows][-1] == "2070109"  # type: ignore[union-attr]


def test_a_title_row_inside_the_grid_that_prints_its_unit(tmp_path: Path) -> None:
    """The grid's first row `收入支出决算总表（单位：元）` is its heading: title and unit (元 read as 万元 before)."""
    from test_central_tables import SUMMARY_ROWS

    summary = _table([[("收入支出决算总表（单位：元）", 6)], *SUMMARY_ROWS])
    imported = _read(tmp_path, _page("<p>以下为决算表。</p><p>一、收入支出决算总表</p>", summary))
    tables = imported.account.tables
    assert tables is not None
    assert tables.cell("summary", "income.general_budget", "amount").amount == Decimal("0.0100")


def test_an_account_with_an_unread_table_is_a_format_0_3_file() -> None:
    """``tables.unread`` is what format 0.3 adds for tables: such an account is written as 0.3 and reads back equal,
    a file marked 0.2 that holds it is refused at its path, and an account without it is still written as 0.2."""
    from budgetkit import datasets, io

    social = datasets.load("putuo-social-work-2024")
    assert social.tables is not None
    tables = attrs.evolve(social.tables, tables=social.tables.tables[:-1], unread=("state_capital",))
    account = attrs.evolve(social, tables=tables)
    text = io.dumps(account)
    assert text.startswith('format_version = "0.3"\n') and io.loads(text) == account
    with pytest.raises(LoadError, match=r'\$\.tables\.unread: unread needs format_version = "0.3" or later'):
        io.loads(text.replace('format_version = "0.3"', 'format_version = "0.2"', 1))
    assert io.dumps(social).startswith('format_version = "0.2"\n')
