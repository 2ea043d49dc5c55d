"""Checks over the published tables (部门决算公开表, DOMAIN.md §8): identities within and across tables.

Every identity is a :class:`~budgetkit.checks.rules.sums.SumCheck` over printed cells,
judged on printed precision by the engine (an unreachable total is an error, a
rounding residue the ``rounding.residue`` info):

- within a table: each row against the template's column sums (合计 = 基本 +
  项目; 表八 年末 = 年初 + 收入 − 支出), each fixed line against its ``sum_of``
  (本年收入合计, 总计, 人员经费合计 …; ``类``/``款``/``项`` meaning every row of that
  level on that side), and the code hierarchy 类 = Σ款, 款 = Σ项;
- across tables: every link of the table set, row by row for links by 类, and
  each figure of the account against its table printing where a template line's
  key is the figure's path (情况说明's 人员经费 against 表六's 人员经费合计).

A blank cell sums as 0; a cell the report does not print is absent and skips
the identity, which :func:`sum_checks` keeps (``complete`` is False) so that
coverage (:func:`budgetkit.checks.audit.coverage`) can say what was skipped and why.
Presence, order, the 目录 (its tables, and its 情况说明 sections against their headings) and the note of an empty
table are checked beside them.

>>> from budgetkit import datasets
>>> planning = datasets.load("putuo-planning-2024")
>>> sorted({f.rule for f in table_findings(planning)})
['rounding.residue', 'table.contents_heading', 'table.figure', 'table.link', 'table.name']
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Iterator
from typing import Final

from budgetkit.checks.context import Context, Rule, make_finding
from budgetkit.checks.finding import Finding, Part, Words
from budgetkit.checks.rules.sums import SumCheck
from budgetkit.model.account import Figure, FinalAccount
from budgetkit.model.category import lines_with_paths
from budgetkit.model.claim import PathError, resolve
from budgetkit.model.tables import Cell, Link, Place, Side, Table, Tables, TableTemplate
from budgetkit.reference.vocabulary import FIGURE_LABELS, THREE_PUBLIC_COUNTS
from budgetkit.values.money import Money

__all__ = ["RULES", "count_findings", "layout_findings", "sum_checks", "table_findings", "unchecked_links"]

_LEVEL_LENGTH: Final = {"类": 3, "款": 5, "项": 7}
#: The part of the report each table of the national set belongs to, for grouping findings.
_PARTS: Final = {
    "summary": Part.TOTALS,
    "income": Part.INCOME,
    "expenditure": Part.EXPENDITURE,
    "fiscal_summary": Part.FISCAL,
    "general_budget_expenditure": Part.GENERAL_BUDGET,
    "basic_expenditure": Part.GENERAL_BUDGET,
    "three_public": Part.THREE_PUBLIC,
    "general_budget_three_public": Part.THREE_PUBLIC,
}
#: Which figure of the account a table column prints: 决算数 the current amount, 预算数 the budget.
_FIGURE_FIELDS: Final = {"actual": "current", "budget": "budget"}
#: Figures of the account printed in a table's 合计 row rather than on a line keyed by their path.
_TOTAL_ROW_FIGURES: Final = {
    "general_budget.total": Place("general_budget_expenditure", "total", "total"),
    "general_budget.basic": Place("general_budget_expenditure", "total", "basic"),
    "general_budget.project": Place("general_budget_expenditure", "total", "project"),
    "income.fiscal": Place("income", "total", "fiscal"),
    "expenditure.basic": Place("expenditure", "total", "basic"),
    "expenditure.project": Place("expenditure", "total", "project"),
    "fiscal.total": Place("fiscal_summary", "fiscal.income_total", "amount"),
    "fiscal.expenditure": Place("fiscal_summary", "fiscal.expenditure", "total"),
    "fiscal.closing": Place("fiscal_summary", "fiscal.closing", "total"),
    "fiscal.expenditure_total": Place("fiscal_summary", "fiscal.expenditure_total", "total"),
}


def _part(table: str) -> Part:
    return _PARTS.get(table, Part.FISCAL)


def _money(cell: Cell | None) -> Money | None:
    """A printed cell as money: a blank is 0 (it means nothing), an absent cell ``None``."""
    if cell is None:
        return None
    return Money(cell.value)


class _Names:
    """How a place is named in messages: 表一[卫生健康支出].决算数."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables

    def __call__(self, place: Place) -> str:
        table = self.tables.table(place.table)
        template = self.tables.template(place.table)
        number = table.number if table is not None and table.number else (template.number if template else "")
        head = f"表{number}" if number else place.table
        row = table.row(place.row) if table is not None else None
        line = template.line(place.row) if template is not None else None
        row_name = row.name if row is not None else (line.name if line is not None else place.row)
        if row is not None and row.code:
            row_name = f"{row.code} {row_name}"
        column = place.column
        if template is not None:
            side = row.side if row is not None else (line.side if line is not None else None)
            with contextlib.suppress(KeyError):
                column = template.column(place.column, side if template.two_sided else None).name
        return f"{head}“{row_name}”{column}"


def _unprinted_column(tables: Tables, ref: str) -> bool:
    """Whether a link's cell lies in an optional column (Yunnan's 表五 年初结转和结余) that its table does not print."""
    key, _, column = Link._parts(ref)
    template = tables.template(key)
    if template is None:
        return False
    optional = {c.key for c in (*template.columns, *template.income_columns) if c.optional}
    table = tables.table(key)
    return column in optional and (table is None or column not in (*table.columns, *table.income_columns))


def _nothing(cell: Cell | None) -> bool:
    """Whether a printed cell says nothing was spent (0 or blank); an absent cell says nothing either way."""
    return cell is not None and cell.value == 0


def _signed(cell: Cell | None, sign: str) -> Money | None:
    money = _money(cell)
    return -money if money is not None and sign == "-" else money


def _level_rows(table: Table, level: str, side: Side | None) -> list[str]:
    length = _LEVEL_LENGTH[level]
    return [r.key for r in table.rows if r.code is not None and len(r.code) == length and r.side is side]


def _within(tables: Tables, table: Table, template: TableTemplate, name: _Names) -> Iterator[SumCheck]:
    part = _part(table.key)
    # each row against the column sums of its side (合计 = 基本 + 项目; 年末 = 年初 + 收入 − 支出)
    shown = set(table.columns) | set(table.income_columns)
    unprinted = {c.key for c in (*template.columns, *template.income_columns) if c.optional and c.key not in shown}
    for row in table.rows:
        for column in template.columns_of(row.side if template.two_sided else None):
            if not column.sum_of or {column.key, *(t.lstrip("-") for t in column.sum_of)} & unprinted:
                continue  # an identity of a column some provinces print only, which this table does not
            place = Place(table.key, row.key, column.key)
            parts = []
            for term in column.sum_of:
                sign, key = ("-", term[1:]) if term.startswith("-") else ("", term)
                term_place = Place(table.key, row.key, key)
                parts.append((name(term_place), _signed(tables.at(term_place), sign)))
            yield _TableSum(
                "table.column_sum", f"tables.{place}", name(place), str(place), _money(tables.at(place)), tuple(parts), part
            )
    # each fixed line against its sum_of, in every column of its side
    classified = bool(template.classified_by)
    for line in template.lines:
        if not line.sum_of or table.row(line.key) is None:
            continue
        side = line.side if template.two_sided else None
        for key_of_column in table.columns_of(side):
            place = Place(table.key, line.key, key_of_column)
            parts = []
            for term in line.sum_of:
                sign, key = ("-", term[1:]) if term.startswith("-") else ("", term)
                if key in _LEVEL_LENGTH:
                    level = [(Place(table.key, code, key_of_column), sign) for code in _level_rows(table, key, side)]
                    # a blank template line (表一's unused 类) adds nothing: leave it out of the message
                    printed = [(p, s) for p, s in level if not (tables.at(p) or Cell.blank()).is_blank]
                    parts += [(name(p), _signed(tables.at(p), s)) for p, s in printed or level]
                    continue
                term_place = Place(table.key, key, key_of_column)
                cell = tables.at(term_place)
                if cell is None and classified and key.isdigit():
                    continue  # a classification row not printed has no money (rows are printed where there is)
                parts.append((name(term_place), _signed(cell, sign)))
            total = tables.at(place)
            if not parts and total is not None and total.is_blank:
                continue  # a blank total over no printed rows (an empty 表八): nothing to check
            yield _TableSum("table.line_sum", f"tables.{place}", name(place), str(place), _money(total), tuple(parts), part)
    # the code hierarchy: 类 = Σ款, 款 = Σ项 (a 款 printed without its 项 counts as itself)
    if classified:
        for row in table.rows:
            children = table.children(row.key) if row.code is not None and len(row.key) < 7 else ()
            if not children:
                continue
            for key_of_column in table.columns_of(row.side):
                place = Place(table.key, row.key, key_of_column)
                parts = [
                    (
                        name(Place(table.key, c.key, key_of_column)),
                        _money(tables.at(Place(table.key, c.key, key_of_column))),
                    )
                    for c in children
                ]
                yield _TableSum(
                    "table.hierarchy", f"tables.{place}", name(place), str(place), _money(tables.at(place)), tuple(parts), part
                )


def _links(tables: Tables, name: _Names) -> Iterator[tuple[Link, Words | None]]:
    """Each link of the set the report's tables are compared by, with ``None``, or with why it is not checked (a cell
    of its ``unless``, :func:`_unless`). A link to a table or a column only some provinces print, which this report
    does not, is not among them: nothing is missing, nothing to link."""
    shipped = tables.template_set()
    if shipped is None:
        return
    printed = {t.key for t in tables.tables}
    optional = {t.key for t in shipped.templates if t.optional}
    for link in shipped.links:
        if (link.tables() & optional) - printed:
            continue  # a table only some provinces print is not printed
        if any(_unprinted_column(tables, ref) for ref in (*link.left, *link.right)):
            continue  # a column some provinces print only, which this report does not
        yield link, _unless(tables, link, name)


def _unless(tables: Tables, link: Link, name: _Names) -> Words | None:
    """Why ``link`` is not checked by its ``unless`` cells, which must print nothing for it to hold (表十 = 表十一 while
    no 政府性基金 is spent): one printing an amount, or one not printed (whether it holds is not known); ``None`` when
    each prints nothing."""
    for ref in link.unless:
        place = Place(*Link._parts(ref))
        cell = tables.at(place)
        if cell is None:
            return Words(
                zh=f"{name(place)}未公布，不知此等式是否适用",
                en=f"{name(place)} absent, so whether it applies is not known",
            )
        if not _nothing(cell):
            return Words(
                zh=f"{name(place)}为{cell.text}，此等式仅在其为0时成立",
                en=f"{name(place)} is {cell.text}: the identity holds only while it is nothing",
            )
    return None


def unchecked_links(account: FinalAccount) -> Iterator[Words]:
    """The links between the account's tables left unchecked by their ``unless`` cells, each with why, for coverage
    (:func:`budgetkit.checks.audit.coverage`).

    >>> from budgetkit import datasets
    >>> list(unchecked_links(datasets.load("putuo-planning-2024")))  # no 表十一: its link is none of the set's to check
    []
    """
    tables = account.tables
    name = _Names(tables)
    for link, why in _links(tables, name):
        if why is not None:
            what = link.note or " = ".join((*link.left, *link.right))
            yield Words(zh=f"{what}：{why.zh}", en=f"{what} comparison skipped: {why.en}")


def _across(account: FinalAccount, tables: Tables, name: _Names) -> Iterator[SumCheck]:
    if tables.template_set() is None:
        return
    for link, why in _links(tables, name):
        if why is not None:
            continue  # listed by unchecked_links: the identity holds only while its unless cells print nothing
        for left, right in tables.link_places(link):
            cells = [tables.at(p) for p in (*left, *right)]
            if link.level is not None and all(c is None or c.value == 0 for c in cells):
                # a 类 printed blank or 0 in one table and not at all in the other (表五's 项目支出 0.00 of a 项 that
                # Yunnan's 表七 leaves out): no money, nothing to link
                continue
            first, *rest = left
            parts = [(name(p), _money(tables.at(p))) for p in right]
            parts += [(name(p), _signed(tables.at(p), "-")) for p in rest]
            label = link.note or str(first)
            what = name(first) if not rest else f"{name(first)}（{label}）"
            yield _TableSum(
                "table.link",
                f"tables.{first}",
                what,
                f"{label}: {first}",
                _money(tables.at(first)),
                tuple(parts),
                _part(first.table),
            )
    # each figure of the account against its printing in a table whose line key is the figure's path
    for table in tables.tables:
        template = tables.template(table.key)
        if template is None or template.optional:
            # a table only some provinces print (表十一) prints a part of a figure another table prints whole: its
            # lines are compared with that table's by the set's links, not with the figure read from it
            continue
        for line in template.lines:
            if line.key not in FIGURE_LABELS or table.row(line.key) is None:
                continue
            try:
                figure = resolve(account, line.key)
            except PathError:
                continue
            if not isinstance(figure, Figure):
                continue
            columns = table.columns_of(line.side if template.two_sided else None)
            for column in columns:
                field = "current" if len(columns) == 1 else _FIGURE_FIELDS.get(column)
                if field is None:
                    continue
                stated: Money | None = getattr(figure, field)
                if stated is None:
                    continue  # the account does not print the figure apart from the table: nothing to compare
                place = Place(table.key, line.key, column)
                label = f"{FIGURE_LABELS[line.key]}{'预算数' if field == 'budget' else ''}"
                yield _TableSum(
                    "table.figure",
                    f"{line.key}.{field}",
                    f"情况说明{label}",
                    f"{line.key}.{field}",
                    stated,
                    ((name(place), _money(tables.at(place))),),
                    _part(table.key),
                )


def _total_rows(account: FinalAccount, tables: Tables, name: _Names) -> Iterator[SumCheck]:
    """Each figure of the account against the 合计 row cell that prints it (基本支出 of 表五 …)."""
    for path, place in _TOTAL_ROW_FIGURES.items():
        figure = resolve(account, path)
        cell = tables.at(place)
        if not isinstance(figure, Figure) or figure.current is None or cell is None:
            continue
        yield _TableSum(
            "table.figure",
            f"{path}.current",
            f"情况说明{FIGURE_LABELS[path]}",
            f"{path}.current",
            figure.current,
            ((name(place), _money(cell)),),
            _part(place.table),
        )


def sum_checks(account: FinalAccount) -> Iterator[SumCheck]:
    """Every identity over the account's printed tables as data, complete or not (an absent cell skips one).

    >>> from budgetkit import datasets
    >>> checks = list(sum_checks(datasets.load("putuo-social-work-2024")))
    >>> {c.code for c in checks} >= {"table.column_sum", "table.line_sum", "table.hierarchy", "table.link"}
    True
    >>> all(c.complete for c in checks if c.code == "table.hierarchy")
    True
    """
    tables = account.tables
    name = _Names(tables)
    for table in tables.tables:
        template = tables.template(table.key)
        if template is not None:
            yield from _within(tables, table, template, name)
    yield from _across(account, tables, name)
    yield from _total_rows(account, tables, name)


_NUMERAL: Final = re.compile(r"^[一二三四五六七八九十]+、\s*")
#: What a title in the 目录 and the same title above its table may print differently but the table's number after it
#: (which :func:`~budgetkit.io.document.without_table_tag` takes off): spaces and quote marks.
_LOOSE: Final = re.compile(r"[\s“”\"'‘’「」]")


def _same_titles(listed: list[str], titles: list[str]) -> bool:
    """Whether the 目录's titles are the tables', in order, allowing for spaces, quote marks, a number printed after
    a title, and the report's name and year printed before one (示例局2023年度收入支出决算总表).

    >>> _same_titles(["收入支出决算总表", "财政拨款“三公”经费支出决算表"], ["2023年度收入支出决算总表（公开表1）", '财政拨款"三公"经费支出决算表'])
    True
    >>> _same_titles(["收入决算表", "支出决算表"], ["支出决算表", "收入决算表"])
    False
    >>> _same_titles(["支出决算表"], ["一般公共预算财政拨款支出决算表"])
    False
    """
    from budgetkit.io.document import without_table_tag  # read only when a 目录 is compared

    if len(listed) != len(titles):
        return False
    for a, b in zip(listed, titles, strict=True):
        a, b = _LOOSE.sub("", without_table_tag(a)), _LOOSE.sub("", without_table_tag(b))
        longer, shorter = (a, b) if len(a) >= len(b) else (b, a)
        if not (longer == shorter or (shorter and longer.endswith(shorter) and _YEAR_END.search(longer[: -len(shorter)]))):
            return False
    return True


#: The page a 目录 line prints after its title, with the leader dots or spaces before it: ……5, .... 12, ·· 7.
_PAGE_AFTER: Final = re.compile(r"[\s.…·•_\-—－]*\d{1,3}\s*$")
#: What a title may print before the table's name: the report's name and year, ending with the year (2023年度).
_YEAR_END: Final = re.compile(r"(?:19|20)\d{2}\s*年度?$")
#: The template's 情况说明 section (its Shanghai number, as :func:`budgetkit.io.grammar.section_role` names it) on each
#: of the tables that are often empty.
_SECTION_ROLE: Final = {"government_fund": "八", "state_capital": "九", "three_public": "七", "general_budget_three_public": "七"}
#: Where an empty table says so: the template's note, or a 情况说明 sentence that there was none.
_EMPTY: Final = re.compile(r"无数据|(?:无|没有)[^，。；]*(?:收入|支出|经费)")


def _contents_titles(contents: tuple[str, ...]) -> list[str]:
    """The table titles the 目录 lists, in order (the lines of its 决算表 part), without the page each is on.

    >>> _contents_titles(("第二部分 示例局2023年度部门决算表……3", "一、收入支出决算总表……………5", "二、收入决算表 6"))
    ['收入支出决算总表', '收入决算表']
    """
    titles: list[str] = []
    inside = False
    for printed in contents:
        line = _PAGE_AFTER.sub("", printed)
        if line.startswith("第"):
            inside = line.endswith("决算表")
            continue
        if inside:
            titles.append(_NUMERAL.sub("", line).strip())
    return titles


#: A 目录 line naming a part of the report (第三部分 示例局2024年度部门决算情况说明).
_PART_LINE: Final = re.compile(r"^第[一二三四五六七八九十]+部分")
#: A 目录 line or a heading naming a section of the 情况说明 (十一、其他重要事项说明), and its title.
_SECTION_LINE: Final = re.compile(r"^([一二三四五六七八九十]+)、\s*(.*)$")
#: The longest heading line compared with the 目录: a longer first line holds its section's text too.
_HEADING_LENGTH: Final = 60


def _contents_sections(contents: tuple[str, ...]) -> list[tuple[int, str, str]]:
    """The 目录's lines that name a section of the 情况说明 (the numbered lines under a part whose title ends in
    情况说明 or 决算说明): (the line's index, the section's number, its title without the page).

    >>> _contents_sections(("第二部分 示例局2024年度部门决算表……3", "一、收入支出决算总表……5",
    ...     "第三部分 示例局2024年度部门决算情况说明 12", "十一、其他重要事项说明……20"))
    [(3, '十一', '其他重要事项说明')]

    A 情况说明 part listed right after another (Beijing's 第二部分 …决算说明, then 第三部分 …其他重要事项的情况说明) numbers
    its sections from 一 again; they are read as numbered on from the first part's, as the importer reads the body
    (:func:`budgetkit.io.grammar.continued_parts`):

    >>> _contents_sections(("第二部分 决算说明 3", "一、收入决算情况说明 3", "二、支出决算情况说明 4",
    ...     "第三部分 其他重要事项的情况说明 5", "一、机关运行经费支出情况说明 5"))[-1]
    (4, '三', '机关运行经费支出情况说明')

    A part heading too long for its line runs on to the next (…决算情况 / 说明……3), and is read whole:

    >>> _contents_sections(("第三部分 示例局2024年度部门决算情况", "说明……3", "一、收入决算情况说明……3"))
    [(2, '一', '收入决算情况说明')]
    """
    from budgetkit.io.document import numeral, numeral_value  # the importer's numerals, read only when checked

    found: list[tuple[int, str, str]] = []
    inside = False
    last = 0  # the number of the last section read (numbered on)
    before = 0  # the last section number of the part before this one, when that was a 情况说明 part: numbered on from it
    part = ""  # the part heading read last, while the line after it may be its run-on
    for k, printed in enumerate(contents):
        line = _PAGE_AFTER.sub("", printed).strip()
        run_on = bool(part) and not _PART_LINE.match(line) and not _SECTION_LINE.match(line)
        if run_on:
            line = part + line
        if _PART_LINE.match(line):
            if not run_on:
                before, last = (last if inside else 0), 0
            inside = line.endswith(("情况说明", "决算说明"))
            part = line
            continue
        part = ""
        if inside and (m := _SECTION_LINE.match(line)):
            n = numeral_value(m.group(1)) + before
            last = n
            found.append((k, numeral(n), m.group(2)))
    return found


def _heading_findings(account: FinalAccount) -> Iterator[Finding]:
    """A 目录 line whose title is not the heading of the 情况说明 section it lists, as the first line of that
    section's passage prints it (spaces, quote marks and a closing 。 or ： aside; a title that is the other's
    beginning is taken as cut short, not as another). Parts are not compared: an
    importer names the 情况说明's part in the national layout (第三部分), whatever the report numbers it."""
    headings: dict[str, tuple[int, str, str]] = {}
    for i, passage in enumerate(account.passages):
        line = passage.text.partition("\n")[0].strip()
        m = _SECTION_LINE.match(line)
        if m and len(line) <= _HEADING_LENGTH and m.group(1) == passage.section:
            headings.setdefault(m.group(1), (i, line, m.group(2)))
    for k, section, title in _contents_sections(account.tables.contents):
        if section not in headings or not title:
            continue
        i, heading, printed = headings[section]
        listed, shown = _loose_title(title), _loose_title(printed)
        if listed.startswith(shown) or shown.startswith(listed):
            continue  # the same title, or one cut short where a 目录 line ran on to the next (…情况说 / 明……12)
        yield make_finding(
            "table.contents_heading",
            f"passages[{i}]",
            stated=_PAGE_AFTER.sub("", account.tables.contents[k]).strip(),
            expected=heading,
        )


#: A 类/款/项 path as the 情况说明 prints it: 社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）.
_PRINTED_PATH: Final = re.compile(r"^(?P<c>.+?)（类）(?P<s>.+?)（款）(?P<i>.+?)（项）$")
_LEVELS: Final = (("c", 3, "类"), ("s", 5, "款"), ("i", 7, "项"))


def _name_findings(account: FinalAccount) -> Iterator[Finding]:
    """A 类/款/项 line the 情况说明 names (五（三）'s 类（类）款（款）项（项）) otherwise than 表五 names the codes it was
    matched to: one finding per line, naming each level that differs (spaces and quote marks aside)."""
    table = account.tables.table("general_budget_expenditure")
    if table is None:
        return
    names = {row.code: row.name for row in table.rows if row.code is not None}
    for path, category in lines_with_paths(account.general_budget.categories):
        code = category.code
        m = _PRINTED_PATH.match(_LOOSE.sub("", category.printed))
        if m is None or code is None or len(code) != 7:
            continue
        differ = [
            (level, m.group(group), names[code[:size]])
            for group, size, level in _LEVELS
            if code[:size] in names and _LOOSE.sub("", names[code[:size]]) != m.group(group)
        ]
        if differ:
            yield make_finding(
                "table.name",
                path,
                stated=category.printed,
                expected="".join(f"{names[code[:size]]}（{level}）" for _, size, level in _LEVELS if code[:size] in names),
                line=code,
                levels=Words(
                    "、".join(f"{level}“{printed}”表五为“{name}”" for level, printed, name in differ),
                    ", ".join(f"{level} {printed} is {name} in table 5" for level, printed, name in differ),
                ),
            )


def _loose_title(title: str) -> str:
    return _LOOSE.sub("", title).rstrip("。.：:")


def layout_findings(account: FinalAccount) -> Iterator[Finding]:
    """Table presence and order against the table set and the 目录; the 目录 against the headings; the 情况说明's
    names of 类/款/项 lines against 表五's; an empty table without its note.

    >>> import attrs
    >>> from budgetkit import datasets
    >>> planning = datasets.load("putuo-planning-2024")
    >>> [f.rule for f in layout_findings(planning)]
    ['table.contents_heading', 'table.name', 'table.name', 'table.name', 'table.name']
    >>> tables = attrs.evolve(planning.tables, tables=planning.tables.tables[:-1])
    >>> [f.rule for f in layout_findings(attrs.evolve(planning, tables=tables))][:3]
    ['table.missing', 'table.contents', 'table.contents_heading']
    """
    from budgetkit.io.grammar import section_role  # the narrative's words, read only when a table is checked

    tables = account.tables
    shipped = tables.template_set()
    if shipped is not None:
        printed = [t.key for t in tables.tables]
        for template in shipped.templates:
            if template.optional or (template.published_from is not None and account.year < template.published_from):
                continue  # a table some provinces print only, or one the set did not yet publish in the report's year
            if template.key not in printed and template.key not in tables.unread:
                yield make_finding(
                    "table.missing",
                    f"tables[{template.key}]",
                    expected=template.title,
                    number=template.number,
                    table_set=Words(shipped.title, shipped.name),
                )
        order = [t.key for t in shipped.templates if t.key in printed]
        if not shipped.in_order(printed):
            yield make_finding(
                "table.order",
                "tables",
                stated=", ".join(printed),
                expected=", ".join(order),
                printed=Words("、".join(printed), ", ".join(printed)),
                order=Words("、".join(order), ", ".join(order)),
            )
    listed = _contents_titles(tables.contents)
    if shipped is not None:
        # a table the set has not (Yunnan's 表十二 国有资产使用情况表) is listed
        # and printed but not read: no table of the set to compare (it was a false table.contents). A line of the set's
        # table misprinted (出决算表) is left out too, and the 目录 is one table short of those printed.
        # A second line naming a table already listed (表十一 under the central title of 表七, the 三公 table 表十
        # already is) is a second printing, which the import names as not read: left out as well.
        known = [(title, t.key) for t in shipped.templates for title in (t.title, *t.other_titles)]
        kept: list[str] = []
        keys: set[str] = set()
        for title in listed:
            key = next((key for k, key in known if _same_titles([title], [k])), None)
            if key is not None and key not in keys:
                kept.append(title)
                keys.add(key)
        listed = kept
    titles = [t.title for t in tables.tables]
    # no table held says nothing of what was published (an import that could not read them, a file without them),
    # and a table printed but not read has no title to compare
    if listed and titles and not tables.unread and not _same_titles(listed, titles):
        yield make_finding(
            "table.contents",
            "tables.contents",
            stated="、".join(listed),
            expected="、".join(titles),
            listed=Words("、".join(listed), ", ".join(listed)),
            titles=Words("、".join(titles), ", ".join(titles)),
        )
    yield from _heading_findings(account)
    yield from _name_findings(account)
    for i, table in enumerate(tables.tables):
        if not table.is_empty:
            continue
        printed_as = tables.template(table.key)
        number = table.number or (printed_as.number if printed_as else "")
        if not (table.empty_note or any(_EMPTY.search(note) and "下述说明" not in note for note in table.notes)):
            yield make_finding(
                "table.empty_note",
                f"tables.tables[{i}].empty_note",
                number=number,
                title=table.title,
            )
        # its 情况说明 section: the one numbered as the table, or one whose heading names its fund (a report whose
        # sections are numbered otherwise than its tables: Guangxi's 四、…政府性基金支出决算情况 beside 表七)
        role = _SECTION_ROLE.get(table.key)
        section = [
            at
            for at, p in enumerate(account.passages)
            if (number and p.section == number) or (role and section_role("", p.text.partition("\n")[0]) == role)
        ]
        if account.passages and not any(_EMPTY.search(account.passages[at].text) for at in section):
            # the section's first passage, where the sentence is missing; the 情况说明 when it has no such section
            yield make_finding(
                "table.empty_note",
                f"passages[{section[0]}]" if section else "passages",
                variant="passage",
                number=number,
                title=table.title,
            )



#: A table's sums: a part not printed is a cell of another layout or one not read, so printed parts over their total
#: with a part missing are left to the complete sums of the tables that print every part (SumCheck.bounded).
_TableSum = functools.partial(SumCheck, bounded=False)


def count_findings(account: FinalAccount) -> Iterator[Finding]:
    """The counts of the 三公 the 情况说明 prints (团组 N 个, 接待 N 批次) against their printing in the 三公 table
    (Yunnan's 表十 prints them below the amounts, in its 决算数 column): two printings that differ are a
    ``table.count`` error. A count the 情况说明 does not print is the table's (the importer takes it), so agrees.

    >>> from budgetkit import datasets
    >>> list(count_findings(datasets.load("putuo-planning-2024")))  # no count in its 三公 table
    []
    """
    tables = account.tables
    table = tables.table("three_public")
    if table is None:
        return
    where = Words(f"表{table.number}", f"table {table.number}") if table.number else Words(table.title, table.title)
    for field in THREE_PUBLIC_COUNTS:
        cell = tables.cell("three_public", f"three_public.{field}", "actual")
        stated = getattr(account.three_public, field)
        if cell is None or cell.is_blank or stated is None or cell.value == stated:
            continue
        what, unit, what_en = THREE_PUBLIC_COUNTS[field]
        yield make_finding(
            "table.count",
            f"three_public.{field}",
            stated=stated,
            expected=cell.value,
            counted=Words(what, what_en),
            unit=unit,
            where=where,
        )


def table_findings(account: FinalAccount, zero_is_exact: bool = True) -> Iterator[Finding]:
    """Every finding over the account's tables: identities within and across tables, then layout.

    >>> from budgetkit import datasets
    >>> list(table_findings(datasets.load("zigong-hr-2023")))  # no tables: nothing to check
    []
    """
    for check in sum_checks(account):
        yield from check.findings(zero_is_exact)
    yield from count_findings(account)
    yield from layout_findings(account)


def _all(ctx: Context) -> Iterator[Finding]:
    yield from table_findings(ctx.account, ctx.zero_is_exact)


#: Finding codes of the table rule.
CODES: Final = (
    "table.column_sum",
    "table.line_sum",
    "table.hierarchy",
    "table.link",
    "table.figure",
    "table.count",
    "table.missing",
    "table.order",
    "table.contents",
    "table.contents_heading",
    "table.name",
    "table.empty_note",
    "rounding.residue",
)

RULES = (
    Rule(
        code="table",
        title="公开表：表内各列、各行、类款项合计，表间勾稽，同一数字的各处印刷，表的齐全与顺序",
        title_en="Published tables: column, line and class sums, identities across tables, printings, presence",
        func=_all,
        source="DOMAIN.md §8 [rule]; 上海市2024年度部门决算公开模板",
        codes=CODES,
    ),
)
