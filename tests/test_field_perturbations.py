"""Real reports with the sloppy variations units publish (benchmarks/fuzz.py ``perturb``): each imports and checks,
or is refused with a LoadError that says why; no figure is misread."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from budgetkit.checks.audit import check
from budgetkit.errors import LoadError
from budgetkit.io.document import Box, Line, Paragraph
from budgetkit.io.grammar import parse_paragraphs, parse_text
from budgetkit.io.text import read_html, read_text
from budgetkit.model.claim import resolve
from budgetkit.model.paths import ModelIndex
from budgetkit.values.money import Money

DATA = Path(__file__).parent / "data"
BEIJING = (DATA / "regions" / "beijing.txt").read_text(encoding="utf-8")
SAMPLES = DATA / "samples"


def _titled(tmp_path: Path, title: str) -> Path:
    """Beijing's report with its title line replaced by ``title``."""
    path = tmp_path / "report.txt"
    path.write_text(title + "\n" + BEIJING.split("\n", 1)[1], encoding="utf-8")
    return path


def test_a_year_in_chinese_numerals_in_the_title_is_read(tmp_path: Path) -> None:
    """A cover that writes its year in Chinese numerals (二〇二三年度) is read as the year in digits."""
    account = read_text(_titled(tmp_path, "北京市示例服务中心二〇二三年度部门决算")).account
    assert (account.unit, account.year) == ("北京市示例服务中心", 2023)


def test_a_misprinted_year_in_the_title_is_refused_with_a_load_error(tmp_path: Path) -> None:
    """A title whose year is a slip (2923年度) is refused naming the title's year, not a ModelError from the account;
    no other line is taken for the title instead."""
    with pytest.raises(LoadError, match="title: the title's year 2923 is not a year of 1990–2100"):
        read_text(_titled(tmp_path, "北京市示例服务中心2923年度部门决算"))


def test_a_heading_s_year_is_not_read_as_a_unit(tmp_path: Path) -> None:
    """A cover that prints no year (北京市示例服务中心部门决算) is a LoadError: the 第三部分 heading it falls back to,
    "2023年度部门决算说明", names no unit, and its 度 is not taken for one."""
    with pytest.raises(LoadError, match="no unit and year"):
        read_text(_titled(tmp_path, "北京市示例服务中心部门决算"))


def test_a_cover_line_s_label_is_not_the_unit_s_name(tmp_path: Path) -> None:
    """A cover printing 预算单位：… above the title gave the unit 预算单位：北京市示例服务中心: the label is not its name (a
    unit named otherwise each year is also a years.unit warning)."""
    path = tmp_path / "report.txt"
    path.write_text("预算单位：北京市示例服务中心\n2023年度部门决算\n" + BEIJING.split("\n", 1)[1], encoding="utf-8")
    assert read_text(path).account.unit == "北京市示例服务中心"


@pytest.mark.parametrize(
    "title", ["北京市示例服务中心2025年度部门预算", "2025年度北京市示例服务中心单位预算", "北京市示例服务中心部门预算公开"]
)
def test_a_budget_is_refused_as_a_budget_not_as_a_title_not_found(tmp_path: Path, title: str) -> None:
    """A 部门预算 (a budget: the same unit's plan, published in spring) is not a 决算: refused saying what it is."""
    budget = tmp_path / "budget.txt"
    budget.write_text(f"{title}\n第三部分 预算情况说明\n一、收支预算总体情况\n收入预算1,200.00万元。\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"a 部门预算 or 单位预算 \(a budget\), not a 决算"):
        read_text(budget)
    # a 决算 whose text speaks of its budget (预算) keeps its title: nothing of the above applies
    assert read_text(_titled(tmp_path, "北京市示例服务中心2023年度部门决算")).account.year == 2023


def test_a_budget_workbook_is_refused_as_a_budget(tmp_path: Path) -> None:
    """A workbook of a 部门预算 (某局2025年度部门预算 above its table, 编制单位：某局) was read as a 2025 决算 with no
    finding (its cover made from 编制单位 and the year); it is refused as a budget, as a PDF or text is."""
    openpyxl = pytest.importorskip("openpyxl")
    from budgetkit.io.excel import read_excel

    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["某局2025年度部门预算"], ["部门收支预算总表"], ["编制单位：某局", None, "单位：万元"], ["项目", "预算数"],
                ["一般公共预算拨款收入", "100.00"], ["收入总计", "100.00"]):  # fmt: skip
        sheet.append(row)
    book.save(tmp_path / "budget.xlsx")
    with pytest.raises(LoadError, match=r"a 部门预算 or 单位预算 \(a budget\), not a 决算"):
        read_excel(tmp_path / "budget.xlsx")


_BUDGET_TABLES = """<html><head><meta charset="utf-8"></head><body>
<p>{title}</p><p>部门：示例局　　　　金额单位：万元</p>
<table border="1"><tr><td>项目</td><td>预算数</td><td>项目</td><td>预算数</td></tr>
<tr><td>一、一般公共预算拨款收入</td><td>100.00</td><td>一、一般公共服务支出</td><td>100.00</td></tr>
<tr><td>收入总计</td><td>100.00</td><td>支出总计</td><td>100.00</td></tr></table></body></html>"""


@pytest.mark.parametrize(
    ("name", "title"),
    [("示例局2025年部门预算公开表.html", "部门收支预算总表"), ("示例局2025年公开表.html", "一般公共预算支出预算表"),
     ("示例局2025年部门预算.html", "收入支出总表")],
)  # fmt: skip
def test_a_budget_s_tables_alone_are_refused_as_a_budget(tmp_path: Path, name: str, title: str) -> None:
    """A budget's tables published alone (no cover; 部门：… above each, the year in the file's name) were read as that
    year's 决算, every table unknown and nothing checked; a budget's table title (部门收支预算总表) or a file named a
    部门预算 is refused as a budget, as a budget with its cover is."""
    from budgetkit.io.text import read_html

    path = tmp_path / name
    path.write_text(_BUDGET_TABLES.format(title=title), encoding="utf-8")
    with pytest.raises(LoadError, match=r"a 部门预算 or 单位预算 \(a budget\), not a 决算"):
        read_html(path)
    # the same tables as a 决算's (收入支出决算总表, the file named a 部门决算) keep being read
    path = tmp_path / "示例局2024年部门决算公开表.html"
    path.write_text(_BUDGET_TABLES.format(title="收入支出决算总表").replace("预算数", "决算数"), encoding="utf-8")
    assert read_html(path).account.year == 2024


@pytest.mark.parametrize("title", ["收支总表", "一般公共预算支出表", "一般公共预算“三公”经费支出表", "政府性基金预算支出表"])
def test_a_budget_s_tables_alone_under_the_central_template_s_titles_are_refused(tmp_path: Path, title: str) -> None:
    """The central 部门预算 template's tables (收支总表, 一般公共预算支出表 …; no 预算表 at the end) published alone in a
    file named no 部门预算 were read as a 决算, every table unknown, nothing checked: refused as a budget; the same
    tables in a file named a 部门决算 keep being read (a 决算 is never refused for its tables' titles alone)."""
    from budgetkit.io.text import read_html

    path = tmp_path / "示例局2025年预算公开.html"
    path.write_text(_BUDGET_TABLES.format(title=title), encoding="utf-8")
    with pytest.raises(LoadError, match=r"a 部门预算 or 单位预算 \(a budget\), not a 决算"):
        read_html(path)
    path = tmp_path / "示例局2024年部门决算公开表.html"
    path.write_text(_BUDGET_TABLES.format(title=title), encoding="utf-8")
    assert read_html(path).account.year == 2024


def test_a_note_under_a_budget_s_title_does_not_make_it_a_final_account(tmp_path: Path) -> None:
    """A 部门预算's cover with a note under its title (注：2023年决算数为…) was read as a 决算 of the unit
    "示例局2024年度部门预算注： 2023" (the title and the note joined); a note is no part of a title, and the budget is
    refused as one. A 决算's title printed over two lines is still read whole."""
    from budgetkit.io.text import read_html

    page = _BUDGET_TABLES.format(title="部门收支预算总表").replace("<body>", "<body><h1>示例局2024年度部门预算</h1><p>注：2023年决算数为上年决算。</p>")
    path = tmp_path / "cover.html"
    path.write_text(page, encoding="utf-8")
    with pytest.raises(LoadError, match=r"a 部门预算 or 单位预算 \(a budget\), not a 决算"):
        read_html(path)
    two_lines = _BUDGET_TABLES.format(title="收入支出决算总表").replace("<body>", "<body><p>示例局</p><p>2024年度部门决算</p>")
    path.write_text(two_lines, encoding="utf-8")
    assert (read_html(path).account.unit, read_html(path).account.year) == ("示例局", 2024)


def test_every_finding_s_path_resolves_in_the_account_read_from_a_web_page(tmp_path: Path) -> None:
    """The template's tables on a web page, each printed empty with no note: every table.empty_note finding names a
    place of the account — the printed table (tables.tables[n]), its section's first passage or the 情况说明 — and
    resolving a path through the printed tables is a value or a PathError, never a TypeError."""
    from budgetkit.io.document import read_pdf as read_document

    doc = read_document(SAMPLES / "template-shanghai-2024.pdf")
    rows = "".join(
        f"<p>{table.title}</p><table>"
        + "".join("<tr>" + "".join(f"<td>{cell.text or ''}</td>" for cell in row) + "</tr>" for row in table.rows)
        + "</table>"
        for table in doc.tables
    )
    text = "".join(f"<p>{p.text}</p>" for p in doc.paragraphs)
    page = tmp_path / "report.html"
    page.write_text(f"<html><body>{text}{rows}</body></html>", encoding="utf-8")
    account = read_html(page).account
    notes = [f for f in check(account) if f.rule == "table.empty_note"]
    assert {f.path.split("[")[0] for f in notes} == {"tables.tables", "passages"}
    index = ModelIndex(account)
    for finding in notes:
        assert resolve(account, finding.path) == index.resolve(finding.path)


def _figures(text: str, section: str = "七") -> list[tuple[str, str]]:
    """(subject key, figure as printed) of every statement of one paragraph that reads a figure."""
    return [(s.subject.key, str(s.figure)) for s in parse_text(text, section=section) if hasattr(s, "figure")]


def _unread(text: str, section: str = "七") -> list[str]:
    """The numbers of one paragraph that no statement reads."""
    paragraph = Paragraph(text, (Line(text, Box(1, 0, 0, 9, 9)),))
    return [u.text for u in parse_paragraphs([Paragraph(f"{section}、示例", ()), paragraph]).unread]


@pytest.mark.parametrize(
    ("printed", "tail"),
    [
        ("4 80.00", "80.00"),
        ("4\u300080.00", "80.00"),
        ("4、80.00", "80.00"),
        ("1、054.90", "054.90"),
        ("1'054.90", "054.90"),
    ],
)
def test_a_number_split_by_a_space_or_a_separator_is_left_unread(printed: str, tail: str) -> None:
    """A number split by a space or a separator no figure is grouped with (a PDF's letter spacing, 、 typed for a
    thousands comma) is not read as its tail (80.00, 54.90): that is not its value. The number is left unread and
    the figures around it are read as before."""
    text = f"一般公共预算财政拨款基本支出{printed}万元，其中：人员经费420.00万元。"
    assert _figures(text, "六") == [("personnel", "420.00万元")]
    assert tail in _unread(text, "六")


def test_the_head_of_a_split_number_is_left_unread_too() -> None:
    """增加1 50.00万元 is no change of 1 (the head of 150.00, whose tail 50.00 is not read either); the growth beside it
    is read as before."""
    text = "财政拨款收、支总计各增加1 50.00万元，增长7.50%。"
    assert _figures(text, "四") == [("fiscal.total", "7.50%")]
    assert {"1", "50.00"} <= set(_unread(text, "四"))


def test_a_thousands_comma_typed_full_width_and_a_list_are_still_read() -> None:
    """1，054.90 (a full-width comma between thousands) is 1,054.90; a list 1、2批次 keeps its figure."""
    assert _figures("本年收入合计1，054.90万元。", "二") == [("income.year_total", "1,054.90万元")]
    assert _figures("公务接待1、2批次。") == [("three_public.reception", "2批次")]


@pytest.mark.parametrize("unit", ["千元", "亿元", " 千元"])
def test_an_amount_in_a_unit_the_account_does_not_hold_is_left_unread(unit: str) -> None:
    """An amount printed in 千元 or 亿元 is left unread, not taken for a rate (完成全年预算80.00千元的75.0% gave a
    completion of 80.00%) nor for a change in 万元 (增加20.00千元 gave 20.00 万元)."""
    text = f"“三公”经费财政拨款支出决算为60.00{unit}，完成全年预算80.00{unit}的75.0%，比上年决算数增加20.00{unit}。"
    assert _figures(text) == []
    assert {"60.00", "80.00", "20.00"} <= set(_unread(text))


def test_a_zero_width_space_inside_a_number_is_dropped(tmp_path: Path) -> None:
    """A zero-width space or word joiner copied inside a number (2\\u200b00.00) prints nothing: the number reads
    200.00, not 00.00 (which was 0 万元, silently)."""
    lines = BEIJING.splitlines()
    at = next(i for i, line in enumerate(lines) if "授予中小企业合同金额200.00万元" in line)
    lines[at] = lines[at].replace("200.00万元", "2\u200b00.\u206000万元")
    path = tmp_path / "report.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = read_text(DATA / "regions" / "beijing.txt").account.procurement
    assert read_text(path).account.procurement == expected
    assert expected.sme.current == Money("200.00")


def _social_work_page(tmp_path: Path, row: str, printed: str) -> Path:
    """The sample 普陀区委社会工作部 report as a web page, its tables as <table> elements, with the first table row
    that prints ``row`` (cells between tabs) printing ``printed`` instead."""
    from budgetkit.io.document import read_pdf as read_document

    doc = read_document(SAMPLES / "putuo-social-work-2024.pdf")
    body = [f"<p>{p.text}</p>" for p in doc.paragraphs]
    for table in doc.tables:
        body.append(f"<p>{table.title or ''}</p><table>")
        for cells in table.rows:
            texts = [cell.text or "" for cell in cells]
            if "\t".join(texts) == row:
                texts, row = printed.split("\t"), ""
            body.append("<tr>" + "".join(f"<td>{text}</td>" for text in texts) + "</tr>")
        body.append("</table>")
    page = tmp_path / "report.html"
    page.write_text("<html><body>" + "".join(body) + "</body></html>", encoding="utf-8")
    return page


def test_a_table_cell_a_figure_cannot_hold_is_left_unread_and_named(tmp_path: Path) -> None:
    """A table cell printing a float's artefact (307.8200000000001) is not read, and the import names it with why,
    instead of the import failing with InvalidNumberError; its column is absent (a blank would sum as 0); a typeset
    minus sign (−105.58) is a minus."""
    page = _social_work_page(
        tmp_path, "合计\t\t307.82\t105.58\t202.24\t\t\t", "合计\t\t307.8200000000001\t−105.58\t202.24\t\t\t"
    )
    imported = read_html(page)
    expenditure = imported.account.tables.table("expenditure")
    assert expenditure is not None
    total = next(row for row in expenditure.rows if row.key == "total")
    assert "year_total" not in expenditure.columns
    assert [cell.amount for cell in total.cells[:2]] == [Decimal("-105.58"), Decimal("202.24")]
    assert [(issue.text, issue.reason) for issue in imported.report.issues if "307.82" in issue.text] == [
        ("307.8200000000001", "not read (more than 12 decimal places) in column year_total of 支出决算表: its column is "
         "not read (absent), as a blank would sum as 0")
    ]
    check(imported.account)


def test_a_negative_amount_of_a_line_is_not_held(tmp_path: Path) -> None:
    """支出决算为-2739.56 万元 on a 类/款/项 line (a minus typed by mistake) is read but not held, and the import names
    it, instead of failing with ModelError (a line's 决算 is never negative); the line keeps its 年初预算."""
    lines = [
        "示例局2024年度部门决算",
        "第二部分 2024年度部门决算情况说明",
        "五、一般公共预算财政拨款支出决算情况说明",
        "（三）一般公共预算财政拨款支出决算具体情况",
        "1、城乡社区支出（类）城乡社区规划与管理（款）城乡社区规划与管理（项）。年初预算为 3110.14 万元，"
        "支出决算为-2739.56 万元，完成年初预算的 88.08%。",
    ]
    path = tmp_path / "report.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    imported = read_text(path)
    (line,) = [leaf for c in imported.account.general_budget.categories for k in c.children for leaf in k.children]
    assert (line.budget, line.actual) == (Money("3110.14"), None)
    assert any("negative amount" in issue.reason for issue in imported.report.issues)
    check(imported.account)
