"""Tests for budgetkit.io.grammar: the 情况说明 read into typed statements, every number accounted for."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from budgetkit.errors import BudgetkitError
from budgetkit.io.document import Box, Document, Line, Paragraph, read_pdf
from budgetkit.io.grammar import (
    SUBJECT_KEYS,
    Absence,
    Amount,
    Change,
    ClassPath,
    Completion,
    Count,
    Direction,
    Narrative,
    NarrativeError,
    Reason,
    Role,
    Share,
    Statement,
    Unfilled,
    Year,
    differences,
    parse_paragraphs,
    parse_text,
    read_narrative,
)
from budgetkit.io.table_import import read_tables
from budgetkit.model.tables import Place, Row, Table, Tables, table_set

pytest.importorskip("pdfplumber")

SAMPLES = Path(__file__).parent / "data" / "samples"


@pytest.fixture(scope="module")
def template() -> tuple[Document, Narrative]:
    """The Shanghai 2024 template, read once."""
    doc = read_pdf(SAMPLES / "template-shanghai-2024.pdf")
    return doc, read_narrative(doc)


@pytest.fixture(scope="module")
def planning() -> tuple[Document, Narrative, Tables]:
    """The 规划和自然资源局 report: its narrative and its imported tables, read once."""
    doc = read_pdf(SAMPLES / "putuo-planning-2024.pdf")
    return doc, read_narrative(doc), read_tables(doc.tables, table_set("national-2024")).tables


@pytest.fixture(scope="module")
def social() -> tuple[Document, Narrative, Tables]:
    """The 区委社会工作部 report: its narrative and its imported tables, read once."""
    doc = read_pdf(SAMPLES / "putuo-social-work-2024.pdf")
    return doc, read_narrative(doc), read_tables(doc.tables, table_set("national-2024")).tables


def one(statements: tuple[Statement, ...], kind: type[Statement]) -> Statement:
    """The only statement of a kind."""
    found = [s for s in statements if isinstance(s, kind)]
    assert len(found) == 1, found
    return found[0]


def of_kind(statements: tuple[Statement, ...], kind: type[Statement]) -> list[Statement]:
    """The statements of a kind, in order."""
    return [s for s in statements if isinstance(s, kind)]


# -- the template ----------------------------------------------------------------------------------------------

_BLANK_FIGURE = re.compile(r"X{2,}\s*(?:万元|万|%|个|辆|批次|人次|台（套）|分)")
_HEADING = re.compile(r"^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")


def test_template_every_blank_figure_is_an_unknown_figure(template: tuple[Document, Narrative]) -> None:
    """Every XXX blank with a unit in the template's 情况说明 is read as a figure with no value."""
    doc, narrative = template
    paragraphs = {s.paragraph for s in narrative.statements}
    texts = [doc.paragraphs[i].text for i in range(min(paragraphs), max(paragraphs) + 1)]
    printed = sum(len(_BLANK_FIGURE.findall(text)) for text in texts)
    assert printed == 116
    assert narrative.coverage.blanks == printed
    figures = [s.figure for s in narrative.statements if isinstance(s, Amount | Change | Share | Completion | Count)]
    assert len(figures) == printed
    assert all(not f.known for f in figures)


def test_template_every_sentence_is_recognised(template: tuple[Document, Narrative]) -> None:
    """Each sentence of the template's 情况说明 (headings aside) yields at least one statement."""
    doc, narrative = template
    indexes = sorted({s.paragraph for s in narrative.statements})
    spans: dict[int, list[tuple[int, int]]] = {}
    paths: dict[int, list[ClassPath]] = {}
    for s in narrative.statements:
        spans.setdefault(s.paragraph, []).append((s.start, s.end))
        subject = getattr(s, "subject", None)
        if subject is not None and subject.path is not None:
            paths.setdefault(s.paragraph, []).append(subject.path)
    missed = []
    for index in range(indexes[0], indexes[-1] + 1):
        text = doc.paragraphs[index].text
        if _HEADING.match(text):
            continue
        offset = 0
        for sentence in re.split(r"(?<=。)", text):
            start, offset = offset, offset + len(sentence)
            if len(sentence.strip("。：: ")) < 4 or sentence.strip() in ("其中：", "具体情况如下："):
                continue  # connectives
            if sentence.endswith("（项）。") and any(str(p) in sentence for p in paths.get(index, [])):
                continue  # the 类/款/项 path the paragraph's statements are about
            if not any(a < offset and start < b for a, b in spans.get(index, [])):
                missed.append(sentence)
    assert missed == []


def test_template_numbers_are_all_accounted_for(template: tuple[Document, Narrative]) -> None:
    """The template's printed numbers (years, 1、 2、, 单价 100 万元) are all understood."""
    _, narrative = template
    assert narrative.unread == ()
    assert narrative.coverage.seen == 32
    assert narrative.coverage.complete


def test_template_choices_and_instructions_are_unfilled_wording(template: tuple[Document, Narrative]) -> None:
    """The template's choices (增加（减少）) and instructions ((如持平作持平表述)) are Unfilled statements."""
    _, narrative = template
    texts = Counter(s.text for s in narrative.statements if isinstance(s, Unfilled))
    assert texts["增加（减少）"] == 4  # 一, 四, 五（一）, 十一（一）
    assert texts["（如持平作持平表述）"] == 11
    assert texts["按上述格式依次说明到各项级科目，预决算持平的不用说明变动原因。"] == 3
    changes = of_kind(narrative.statements, Change)
    assert all(c.notes for c in changes)  # every change word in the template is a choice


# -- the two real reports: every number accounted for -------------------------------------------------------------


def test_planning_every_number_is_accounted_for(planning: tuple[Document, Narrative, Tables]) -> None:
    """规划和自然资源局: 184 numbers, 164 in statements, 4 inside reasons, 16 enumerators, none unread."""
    _, narrative, _ = planning
    coverage = narrative.coverage
    assert (coverage.seen, coverage.stated, coverage.in_reasons, coverage.numbering, coverage.unread) == (
        184,
        164,
        4,
        16,
        0,
    )
    assert coverage.complete


def test_social_work_every_number_is_accounted_for(social: tuple[Document, Narrative, Tables]) -> None:
    """区委社会工作部: 128 numbers, 119 in statements (its reasons print only years), 9 enumerators, none unread."""
    _, narrative, _ = social
    coverage = narrative.coverage
    assert (coverage.seen, coverage.stated, coverage.in_reasons, coverage.numbering, coverage.unread) == (
        128,
        119,
        0,
        9,
        0,
    )
    in_reasons = [s for s in narrative.statements if isinstance(s, Year) and s.what == "reason"]
    assert len(in_reasons) == 10 and {s.year for s in in_reasons} == {2024}


def test_the_numbers_counted_are_the_documents_own(planning: tuple[Document, Narrative, Tables]) -> None:
    """The numbers seen are the ones Document.numbers() finds in the 情况说明's paragraphs."""
    doc, narrative, _ = planning
    indexes = {s.paragraph for s in narrative.statements}
    pages = {line.box.page for i in indexes for line in doc.paragraphs[i].lines}
    in_text = [n for n in doc.numbers() if n.where == "text" and n.box.page in pages and n.box.page >= 20]
    assert len(in_text) == narrative.coverage.seen


def test_planning_variations_are_kept_as_printed(planning: tuple[Document, Narrative, Tables]) -> None:
    """A missing %, 下降（增长） left from the template and 部门（单位） are kept and noted, not fixed."""
    _, narrative, _ = planning
    changes = of_kind(narrative.statements, Change)
    missing = [c for c in changes if "unit missing: %" in c.notes]
    assert [(c.section, c.figure.text, c.figure.unit) for c in missing] == [("五（一）", "13.95", "")]
    unfilled_change = [c for c in changes if c.word == "下降（增长）"]
    assert [(c.figure.text, c.year) for c in unfilled_change] == [("27.78", 2023)]
    assert {s.text for s in narrative.statements if isinstance(s, Unfilled)} == {"下降（增长）", "部门（单位）"}


def test_statements_find_their_page(planning: tuple[Document, Narrative, Tables]) -> None:
    """A statement's boxes are the printed lines it came from: 人员经费 4896.98 is on page 24."""
    _, narrative, _ = planning
    personnel = next(s for s in narrative.statements if isinstance(s, Amount) and s.subject.key == "personnel")
    assert personnel.figure.text == "4896.98"
    assert {box.page for box in narrative.boxes(personnel)} == {24}


def test_social_work_budget_roles(social: tuple[Document, Narrative, Tables]) -> None:
    """全年预算 in place of 年初预算 is read as its own role, and 完成全年预算数的 as completion of it."""
    _, narrative, _ = social
    first = [s for s in narrative.statements if s.section == "五（三）" and isinstance(s, Amount | Completion)][:4]
    assert [(type(s).__name__, str(s.figure)) for s in first] == [
        ("Amount", "0万元"),
        ("Amount", "321.02万元"),
        ("Amount", "307.82万元"),
        ("Completion", "95.89%"),
    ]
    assert [s.role for s in first[:3] if isinstance(s, Amount)] == [
        Role.OPENING_BUDGET,
        Role.FULL_YEAR_BUDGET,
        Role.ACTUAL,
    ]
    completions = [s for s in narrative.statements if isinstance(s, Completion) and s.subject.key.endswith("item")]
    assert {c.of for c in completions} == {Role.FULL_YEAR_BUDGET}


def test_absences_of_the_real_reports(social: tuple[Document, Narrative, Tables]) -> None:
    """区委社会工作部 states it has no 三公, no 政府性基金 and no 国有资本经营 money, each in its section."""
    _, narrative, _ = social
    absences = [(s.section, s.subject.key) for s in narrative.statements if isinstance(s, Absence)]
    assert absences == [("七", "three_public"), ("八", "government_fund"), ("九", "state_capital")]


# -- places ----------------------------------------------------------------------------------------------------


def test_places_of_the_planning_report(planning: tuple[Document, Narrative, Tables]) -> None:
    """Each subject and role maps to the cell that prints it, and those cells print the same figures."""
    _, narrative, tables = planning
    placed = {
        (s.section, s.subject.name, s.role): str(s.place)
        for s in narrative.statements
        if isinstance(s, Amount) and s.place is not None
    }
    assert placed[("二", "本年收入合计", Role.ACTUAL)] == "summary[income.year_total].amount"
    assert placed[("三", "基本支出", Role.ACTUAL)] == "expenditure[total].basic"
    assert placed[("五（一）", "一般公共预算财政拨款支出", Role.ACTUAL)] == "general_budget_expenditure[total].total"
    assert placed[("五（二）", "城乡社区支出（类）", Role.ACTUAL)] == "general_budget_expenditure[212].total"
    assert placed[("六", "人员经费", Role.ACTUAL)] == "basic_expenditure[general_budget.personnel].amount"
    assert (
        placed[("七（一）", "“三公”经费财政拨款支出", Role.OPENING_BUDGET)] == "three_public[three_public.total].budget"
    )
    assert placed[("七（一）", "公务接待费", Role.ACTUAL)] == "three_public[three_public.reception].actual"
    item = "社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）"
    assert placed[("五（三）", item, Role.ACTUAL)] == "general_budget_expenditure[2080501].total"
    assert ("五（三）", item, Role.OPENING_BUDGET) not in placed  # no table prints a 项's 年初预算
    unplaced = {s.subject.key for s in narrative.statements if isinstance(s, Amount) and s.place is None}
    assert {"office_running", "procurement", "three_public.reception.domestic"} <= unplaced
    matched = [
        s
        for s in narrative.statements
        if isinstance(s, Amount) and s.place is not None and (cell := tables.cell(*_parts(s.place))) is not None
        if cell.value == s.figure.value
    ]
    assert len(matched) == 37


def _parts(place: Place) -> tuple[str, str, str]:
    return place.table, place.row, place.column


def test_differences_of_the_planning_report(planning: tuple[Document, Narrative, Tables]) -> None:
    """The narrative figures of 规划和自然资源局 that are not its tables' printings (each verified by hand)."""
    _, narrative, tables = planning
    found = [
        (d.statement.section, d.statement.figure.text, d.reason, d.cell and d.cell.text)
        for d in differences(narrative.statements, tables)
    ]
    assert found == [
        ("五（二）", "236.63", "differs", "236.64"),  # 表五 210 = 40.35 + 196.29; 表一 and 表四 print 236.63
        ("五（三）", "0.88", "not found", None),  # 机关事业单位退休人员活动费支出: 表五 prints 2080599 其他…
        ("五（三）", "45.00", "not found", None),  # 其他国土资源事务支出: 表五 prints 2200199 其他自然资源事务支出
        ("五（三）", "289.59", "not found", None),  # printed 款 住房保障支出: 表五's 款 is 22102 住房改革支出
        ("五（三）", "171.49", "not found", None),  # the same wrong 款 name
        ("六", "5377.64", "differs", "5364.75"),  # 表三's all-funds 基本支出, not 表五's
        ("六", "4896.98", "differs", "4884.09"),  # 5377.64 − 480.66: includes 12.89 of non-fiscal money
    ]


def test_social_work_items_resolve_through_the_printed_table(social: tuple[Document, Narrative, Tables]) -> None:
    """社会工作事务 (款 20139) and its 项 are placed by their printed names and parents, and all agree with 表五."""
    _, narrative, tables = social
    administration = next(
        s
        for s in narrative.statements
        if isinstance(s, Amount) and s.role is Role.ACTUAL and s.subject.name.endswith("行政运行（项）")
    )
    assert str(administration.place) == "general_budget_expenditure[2013901].total"
    changed = Tables(
        set="national-2024",
        tables=tuple(
            t if t.key != "general_budget_expenditure" else _with_cell(t, "2013901", "51.33") for t in tables.tables
        ),
    )
    assert differences(narrative.statements, tables) == ()
    found = differences(narrative.statements, changed)
    assert [(str(d.place), d.statement.figure.text, d.cell and d.cell.text) for d in found] == [
        ("general_budget_expenditure[2013901].total", "51.32", "51.33")
    ]


def _with_cell(table: Table, row_key: str, text: str) -> Table:
    rows = tuple(
        row if row.key != row_key else Row(key=row.key, name=row.name, cells=(text, *row.cells[1:]), side=row.side)
        for row in table.rows
    )
    return Table(key=table.key, number=table.number, title=table.title, columns=table.columns, rows=rows)


def test_a_place_the_tables_do_not_print_is_a_difference() -> None:
    """A narrative amount whose table is not printed is reported as "not printed", not skipped."""
    statements = parse_text("机关运行经费支出 1.00 万元。人员经费 2.00 万元。")
    found = differences(statements, Tables(set="national-2024"))
    assert [(d.statement.subject.key, d.reason, str(d.place)) for d in found] == [
        ("personnel", "not printed", "basic_expenditure[general_budget.personnel].amount")
    ]


def test_a_blank_cell_equals_a_printed_zero() -> None:
    """A printed blank sums as 0: the narrative's 0.00 agrees with it; 0.01 does not."""
    table = Table(
        key="three_public",
        columns=("budget", "actual"),
        rows=(Row(key="three_public.outbound", name="因公出国（境）费", cells=("", "")),),
    )
    tables = Tables(set="national-2024", tables=(table,))
    assert differences(parse_text("因公出国（境）费决算为 0.00 万元。"), tables) == ()
    assert len(differences(parse_text("因公出国（境）费决算为 0.01 万元。"), tables)) == 1


# -- statements, one kind at a time ----------------------------------------------------------------------------


def test_amount_roles() -> None:
    """年初预算为, 全年预算为 and 支出决算为 give the role of the amount that follows."""
    statements = parse_text("年初预算为 1.00 万元，全年预算为 2.00 万元，支出决算为 3.00 万元。", section="五（三）")
    assert statements == ()  # no subject named: nothing is guessed
    statements = parse_text(
        "一般公共预算财政拨款支出年初预算为 1.00 万元，全年预算为 2.00 万元，支出决算为 3.00 万元。"
    )
    assert [(s.role, s.figure.value) for s in statements if isinstance(s, Amount)] == [
        (Role.OPENING_BUDGET, Decimal("1.00")),
        (Role.FULL_YEAR_BUDGET, Decimal("2.00")),
        (Role.ACTUAL, Decimal("3.00")),
    ]


def test_amount_keeps_printed_text_and_exact_value() -> None:
    """Thousands separators and trailing zeros are kept in the text; the value is an exact Decimal."""
    amount = one(parse_text("本年支出合计 1,092.80 万元。"), Amount)
    assert isinstance(amount, Amount)
    assert (amount.figure.text, amount.figure.value, amount.figure.unit) == ("1,092.80", Decimal("1092.80"), "万元")
    assert amount.figure.value.as_tuple().exponent == -2


def test_amount_unit_wan_is_noted() -> None:
    """ "0.39 万" (万元 meant) is read as an amount with the printed unit kept and a note."""
    amount = one(parse_text("国内公务接待支出 0.39 万（含外宾接待支出 0.00 万元）。")[:1], Amount)
    assert isinstance(amount, Amount)
    assert (amount.figure.unit, amount.notes) == ("万", ("unit printed as 万 where 万元 is meant",))


def test_foreign_guests_within_the_domestic_reception() -> None:
    """Shanghai's 外宾 are within 国内公务接待 (含外宾接待支出, 其中：接待外宾), not 外事接待 beside it; a 主要用于 clause
    ends where the 公务接待 counts begin."""
    text = (
        "国内公务接待支出3.00万（含外宾接待支出0.50万元）。主要用于接待上级部门调研，公务接待20批次、150人次，"
        "其中：接待外宾2批次、10人次。"
    )
    read = [(s.subject.key, s.figure.text, s.figure.unit) for s in parse_text(text) if isinstance(s, Amount | Count)]
    assert read == [
        ("three_public.reception.domestic", "3.00", "万"),
        ("three_public.reception.guests", "0.50", "万元"),
        ("three_public.reception", "20", "批次"),
        ("three_public.reception", "150", "人次"),
        ("three_public.reception.guests", "2", "批次"),
        ("three_public.reception.guests", "10", "人次"),
    ]
    beside = parse_text("外事接待支出0万元。外事接待0批次，0人次。")
    assert {s.subject.key for s in beside if isinstance(s, Amount | Count)} == {"three_public.reception.foreign"}


def test_change_amount_and_rate_with_year() -> None:
    """增加/减少 an amount and 增长/下降 a rate, with the year compared with."""
    statements = parse_text("机关运行经费支出 142.80 万元，比 2023 年度减少 13.52 万元，下降 8.65%。")
    changes = [s for s in statements if isinstance(s, Change)]
    assert [(c.word, c.is_rate, c.figure.value, c.compared_with, c.year) for c in changes] == [
        ("减少", False, Decimal("13.52"), "2023 年度", 2023),
        ("下降", True, Decimal("8.65"), "2023 年度", 2023),
    ]
    assert all(c.place is None for c in changes)


def test_change_against_last_year_in_words() -> None:
    """较上一年度 is kept as printed, with no year."""
    change = one(parse_text("公务接待费支出较上一年度增加 1.00 万元。"), Change)
    assert isinstance(change, Change)
    assert (change.compared_with, change.year, change.subject.key) == ("上一年度", None, "three_public.reception")


def test_change_word_left_as_a_template_choice() -> None:
    """ "下降（增长）27.78%" keeps both words as printed and notes the unfilled choice."""
    statements = parse_text("“三公”经费财政拨款支出决算数比 2023 年度减少 0.15 万元，下降（增长）27.78%。")
    change = [s for s in statements if isinstance(s, Change)][1]
    assert (change.word, change.notes) == ("下降（增长）", ("unfilled template wording: 下降（增长）",))
    assert [s.text for s in statements if isinstance(s, Unfilled)] == ["下降（增长）"]


def test_share_of_the_sentence_whole() -> None:
    """占XX% without a named whole is a share of the sentence's first subject (本年支出合计)."""
    statements = parse_text(
        "本年支出合计 10.00 万元，其中：基本支出 6.00 万元，占 60.00%；项目支出 4.00 万元，占 40.00%。"
    )
    shares = [s for s in statements if isinstance(s, Share)]
    assert [(s.subject.key, s.of and s.of.key, s.figure.value) for s in shares] == [
        ("expenditure.basic", "expenditure.year_total", Decimal("60.00")),
        ("expenditure.project", "expenditure.year_total", Decimal("40.00")),
    ]


def test_share_of_a_class() -> None:
    """A 类 with its share: the 类 is resolved to its code and placed in 表五."""
    statements = parse_text(
        "一般公共预算财政拨款支出 9.00 万元，主要用于以下方面：住房保障支出（类）3.00 万元，占 33.33%。",
        section="五（二）",
    )
    amount = [s for s in statements if isinstance(s, Amount)][1]
    assert amount.subject.path is not None and amount.subject.path.codes == ("221",)
    assert str(amount.place) == "general_budget_expenditure[221].total"
    share = one(statements, Share)
    assert isinstance(share, Share) and share.of is not None and share.of.key == "general_budget.expenditure"


def test_completion_of_each_budget() -> None:
    """完成年初预算的, 完成全年预算数的 and 完成预算的 name the budget the rate is of."""
    cases = {
        "基本支出完成年初预算的 95.45%。": Role.OPENING_BUDGET,
        "基本支出完成全年预算数的 98.69%。": Role.FULL_YEAR_BUDGET,
        "公务接待费支出决算为 0.39 万元，完成预算的 13.68%。": Role.BUDGET,
    }
    for text, role in cases.items():
        completion = one(parse_text(text), Completion)
        assert isinstance(completion, Completion) and completion.of is role, text


def test_counts_and_score() -> None:
    """个, 人次, 批次 and 分 figures are counts of their subject."""
    statements = parse_text(
        "全年安排因公出国（境）团组 2 个、累计 5 人次。列明公务接待 2 批次、26 人次。平均得分 99.33 分。"
    )
    assert [(s.subject.key, str(s.figure)) for s in statements if isinstance(s, Count)] == [
        ("three_public.outbound.groups", "2个"),
        ("three_public.outbound.groups", "5人次"),
        ("three_public.reception", "2批次"),
        ("three_public.reception", "26人次"),
        ("performance.average_score", "99.33分"),
    ]


def test_equipment_threshold_is_part_of_its_name() -> None:
    """单价 100 万元（含）以上设备: the 100 is in the subject's name, the count is 台（套）."""
    count = one(parse_text("单价 100 万元（含）以上设备（不含车辆）3 台（套）。"), Count)
    assert isinstance(count, Count)
    assert (count.subject.key, str(count.figure)) == ("equipment", "3台（套）")


def test_directions() -> None:
    """大于/小于 预算数, 同/与 …预算数持平 and 与上一年度持平 are directions with what they compare."""
    cases = {
        "决算数大于预算数的主要原因：追加。": ("大于", "预算数"),
        "决算数小于全年预算数的主要原因：节约。": ("小于", "全年预算数"),
        "决算数同预算数持平。": ("持平", "预算数"),
        "决算数与全年预算数持平。": ("持平", "全年预算数"),
        "因公出国（境）费支出与上一年度持平。": ("持平", "上一年度"),
    }
    for text, expected in cases.items():
        direction = one(parse_text(text), Direction)
        assert isinstance(direction, Direction)
        assert (direction.word, direction.against) == expected, text


def test_direction_choice_left_from_the_template() -> None:
    """ "决算数大于（小于）预算数" keeps both words and notes the unfilled choice."""
    direction = one(parse_text("决算数大于（小于）预算数的主要原因：增加。"), Direction)
    assert isinstance(direction, Direction)
    assert direction.word == "大于（小于）" and direction.notes


def test_reason_keeps_its_figures_uninterpreted() -> None:
    """A reason's numbers are kept with it as printed, and counted as in reasons."""
    text = "收入支出总计增加 10.00 万元。主要原因：项目支出增加，较上一年度增加 8.00 万元。"
    reason = one(parse_text(text), Reason)
    assert isinstance(reason, Reason)
    assert reason.subject is not None and reason.subject.key == "total"
    assert [str(f) for f in reason.figures] == ["8.00万元"]
    line = Line(text, Box(20, 0, 0, 9, 9))
    coverage = parse_paragraphs([Paragraph(text, (line,))]).coverage
    assert (coverage.seen, coverage.stated, coverage.in_reasons) == (2, 1, 1)


def test_absences() -> None:
    """无“三公”经费…, 无政府性基金…, 无国有资本经营… and 无机关运行经费支出 are absences; the template's instruction is not."""
    text = "本单位2024年度无“三公”经费财政拨款支出。无机关运行经费支出。无政府性基金预算财政拨款收入支出的部门，作下述说明："
    statements = parse_text(text)
    assert [s.subject.key for s in statements if isinstance(s, Absence)] == ["three_public", "office_running"]
    assert [s.text for s in statements if isinstance(s, Unfilled)] == [
        "无政府性基金预算财政拨款收入支出的部门，作下述说明："
    ]


def test_years_and_dates() -> None:
    """2024 年度 is a year, 与 2023 年度相比 a comparison year, 截至 2024 年 12 月 31 日 a date."""
    statements = parse_text(
        "2024 年度收入支出总计 1.00 万元。与 2023 年度相比，持平。截至 2024 年 12 月 31 日，共有车辆 0 辆。"
    )
    years = [(s.year, s.month, s.day, s.what) for s in statements if isinstance(s, Year)]
    assert years == [(2024, None, None, "year"), (2023, None, None, "compared"), (2024, 12, 31, "date")]
    in_reason = one(parse_text("主要原因：单位于 2019 年成立。"), Year)
    assert isinstance(in_reason, Year) and (in_reason.year, in_reason.what) == (2019, "reason")


def test_item_path_resolves_each_name_under_its_printed_parent() -> None:
    """A 项 is resolved under its printed 款: 行政运行 under 20801 is 2080101; under an unknown 款 it is not guessed."""
    known = one(
        parse_text(
            "1、社会保障和就业支出（类）人力资源和社会保障管理事务（款）行政运行（项）。支出决算为 5.00 万元。",
            section="五（三）",
        ),
        Amount,
    )
    assert isinstance(known, Amount) and known.subject.path is not None
    assert known.subject.path.codes == ("208", "20801", "2080101")
    assert str(known.place) == "general_budget_expenditure[2080101].total"
    unknown = one(
        parse_text(
            "2、教育支出（类）教育管理事务（款）行政运行（项）。支出决算为 5.00 万元。", section="五（三）"
        ),
        Amount,
    )
    assert isinstance(unknown, Amount) and unknown.subject.path is not None
    assert unknown.subject.path.codes == ("205", None, None)  # never 2080101 by the generic name alone
    assert unknown.place is None


def test_item_of_a_fund_section_is_placed_in_its_table() -> None:
    """In 八 a 项 is of 政府性基金: its 决算 is placed in 表八's 本年支出 column."""
    amount = one(
        parse_text(
            "1、社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）。支出决算为 5.00 万元。",
            section="八",
        ),
        Amount,
    )
    assert isinstance(amount, Amount)
    assert str(amount.place) == "government_fund[2080501].expenditure"


def test_a_number_without_a_subject_is_unread_with_its_page() -> None:
    """A figure the grammar cannot attach to a subject is listed as not understood, with its page."""
    text = "本年收入合计 5.00 万元。另有 42 项工作。"
    lines = (Line("本年收入合计 5.00 万元。", Box(20, 0, 0, 9, 9)), Line("另有 42 项工作。", Box(21, 0, 0, 9, 9)))
    narrative = parse_paragraphs([Paragraph(text, lines)])
    assert [(u.text, u.box and u.box.page) for u in narrative.unread] == [("42", 21)]
    assert not narrative.coverage.complete


def test_no_third_part_is_an_error() -> None:
    """A document without a 第三部分 heading raises NarrativeError, a BudgetkitError and ValueError."""
    doc = Document("x.pdf", 1, (Paragraph("第一部分 概况", (Line("第一部分 概况", Box(1, 0, 0, 9, 9)),)),), ())
    with pytest.raises(NarrativeError) as info:
        read_narrative(doc)
    assert isinstance(info.value, BudgetkitError) and isinstance(info.value, ValueError)
    assert info.value.source == "x.pdf"


def test_statements_are_frozen() -> None:
    """Statements are immutable data."""
    amount = parse_text("公用经费 1.00 万元。")[0]
    with pytest.raises(AttributeError):
        amount.section = "七"  # type: ignore[misc]


# -- variations real writers use -------------------------------------------------------------------------------


def test_share_worded_as_zhanbi() -> None:
    """占比, 占…的比重为 are shares too, of the sentence's whole or of the named whole."""
    statements = parse_text(
        "本年支出合计 10.00 万元，其中：基本支出 6.00 万元，占比 60.00%；项目支出 4.00 万元，占本年支出合计的比重为 40.00%。"
    )
    shares = [(s.subject.key, s.of and s.of.key, str(s.figure)) for s in statements if isinstance(s, Share)]
    assert shares == [
        ("expenditure.basic", "expenditure.year_total", "60.00%"),
        ("expenditure.project", "expenditure.year_total", "40.00%"),
    ]


def test_completion_worded_as_a_rate() -> None:
    """预算完成率为 98.00% is a completion of the budget (not said which)."""
    completion = one(parse_text("基本支出预算完成率为 98.00%。"), Completion)
    assert isinstance(completion, Completion) and completion.of is Role.BUDGET


def test_flat_against_a_year_in_a_separate_clause() -> None:
    """ "与 2023 年度相比，收入支出总计持平" is a 持平 direction against 2023 年度."""
    direction = one(parse_text("与 2023 年度相比，收入支出总计持平。"), Direction)
    assert isinstance(direction, Direction)
    assert (direction.subject and direction.subject.key, direction.word, direction.against) == (
        "total",
        "持平",
        "2023 年度",
    )


def test_an_amount_in_yuan_is_compared_in_wan() -> None:
    """An amount printed in 元 is compared with the 万元 cell rounded half up to its places (3900.00 元 = 0.39)."""
    table = Table(
        key="three_public",
        columns=("budget", "actual"),
        rows=(Row(key="three_public.reception", name="公务接待费", cells=("1.00", "0.39")),),
    )
    tables = Tables(set="national-2024", tables=(table,))
    amount = one(parse_text("公务接待费支出 3900.00 元。"), Amount)
    assert isinstance(amount, Amount) and amount.figure.unit == "元"
    assert differences((amount,), tables) == ()
    assert len(differences(parse_text("公务接待费支出 3950.00 元。"), tables)) == 1


def test_the_reference_page_lists_every_subject_and_place() -> None:
    """docs/reference/grammar.md has a row for every subject key, naming each cell the grammar places it in."""
    from budgetkit.io.grammar import _PLACES  # the registry the page documents

    page = (Path(__file__).parent.parent / "docs" / "reference" / "grammar.md").read_text(encoding="utf-8")
    section = page.split("## Subjects", 1)[1]
    rows = {line.split("|")[1].strip().strip("`"): line for line in section.splitlines() if line.startswith("| `")}
    assert set(rows) == set(SUBJECT_KEYS)
    for (key, role), (table, row, column) in _PLACES.items():
        assert f"{role.value}: `{table}[{row}].{column}`" in rows[key], key


# -- properties ------------------------------------------------------------------------------------------------

_AMOUNTS = st.decimals(min_value=0, max_value=Decimal("99999999.99"), places=2, allow_nan=False, allow_infinity=False)
_RATES = st.decimals(min_value=0, max_value=Decimal("999.99"), places=2, allow_nan=False, allow_infinity=False)


@settings(max_examples=60, deadline=None)
@given(total=_AMOUNTS, part=_AMOUNTS, rate=_RATES, spaced=st.booleans())
def test_template_sentence_round_trips_its_figures(total: Decimal, part: Decimal, rate: Decimal, spaced: bool) -> None:
    """A template sentence filled with any figures reads back those exact figures, spaced or not."""
    gap = " " if spaced else ""
    text = f"本年收入合计{gap}{total}{gap}万元，其中：财政拨款收入{gap}{part}{gap}万元，占{gap}{rate}%。"
    statements = parse_text(text, section="二")
    assert [(type(s).__name__, s.figure.value) for s in statements if isinstance(s, Amount | Share)] == [
        ("Amount", total),
        ("Amount", part),
        ("Share", rate),
    ]
    line = Line(text, Box(20, 0, 0, 9, 9))
    assert parse_paragraphs([Paragraph(text, (line,))]).coverage.complete


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(
        alphabet=st.sampled_from(
            list("0123456789.%，。；：、（）万元个年度月日增加减少占完成预算决算类款项其中原因主要X ")
        ),
        max_size=120,
    )
)
def test_any_text_is_accounted_for(text: str) -> None:
    """Whatever the text, every number is counted exactly once: in a statement, a reason, a numbering or unread."""
    line = Line(text, Box(20, 0, 0, 9, 9))
    coverage = parse_paragraphs([Paragraph(text, (line,))]).coverage
    assert coverage.seen == coverage.stated + coverage.in_reasons + coverage.numbering + coverage.unread
    assert coverage.seen == len(re.findall(r"(?<![0-9A-Za-z.])[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?", text))


def _read_figures(text: str) -> tuple[list[tuple[str, str, Decimal | None]], list[str]]:
    """(statement kind, subject, value) of each figure of ``text`` read under 一, and the numbers left unread."""
    paragraphs = [Paragraph(t, (Line(t, Box(1, 0, 0, 9, 9)),)) for t in ("一、收入支出决算总体情况说明", text)]
    narrative = parse_paragraphs(paragraphs)
    read = [
        (type(s).__name__, s.subject.key, s.figure.value)
        for s in narrative.statements if isinstance(s, (Amount, Change))
    ]
    return read, [u.text for u in narrative.unread]


@pytest.mark.parametrize(
    "printed",
    ["1\u2009054.90", "1\u00a0054.90", "1\u202f054.90", "1 054.90", "1,054.90①", "1,054.90*", "1,054.90¹", "1,054.90[1]"],
)
def test_a_figure_printed_as_exports_print_it_is_read(printed: str) -> None:
    """1 054.90 grouped by a thin, no-break or plain space, and 1,054.90 with a footnote mark before its unit, are the
    figure 1054.90万元, as in a table cell: a thin or no-break space gave 54.90 (a tenth of the figure), a plain
    space left it unread, and a mark lost its unit and the statement."""
    read, unread = _read_figures(f"2024年度收入总计{printed}万元，支出总计1,054.90万元。")
    assert (read, unread) == ([("Amount", "income.total", Decimal("1054.90")), ("Amount", "expenditure.total", Decimal("1054.90"))], [])


@pytest.mark.parametrize("printed", ["－66.02万元", "﹣66.02万元", "(66.02)万元", "（66.02）万元", "−66.02万元"])
def test_a_negative_figure_printed_full_width_or_in_brackets_is_negative(printed: str) -> None:
    """A change printed with a full-width minus (－66.02) or in an accountant's brackets ((66.02)万元) is −66.02, as
    −66.02 is: the full-width minus was dropped (66.02, a figure of another sign) and the bracketed one left unread."""
    read, unread = _read_figures(f"与2023年度相比，收入总计增加{printed}。")
    assert (read, unread) == ([("Change", "income.total", Decimal("-66.02"))], [])


def test_an_aside_in_brackets_a_range_and_a_letter_spaced_number_are_read_as_before() -> None:
    """（1,054.90万元） is an aside (its unit inside), 2023－2025 a range and 4 80.00 a number split by a PDF's letter
    spacing (no group of three digits): none is read otherwise than before."""
    read, unread = _read_figures("2024年度收入总计（1,054.90万元），2023－2025年支出总计4 80.00万元。")
    assert read == [("Amount", "income.total", Decimal("1054.90"))]
    assert {"4", "80.00"} <= set(unread)
