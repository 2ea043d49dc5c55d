"""From a read document to the model: the published tables, cell by cell, each with its place in the document.

:func:`read_tables` takes the :class:`~budgetkit.io.document.RawTable` values of a
:class:`~budgetkit.io.document.Document` and a table set (:func:`budgetkit.model.tables.table_set`) and gives
:class:`~budgetkit.model.tables.Tables`:

- each printed table is matched to its template **by title** (whitespace, quote styles and the report's
  own name in front ignored);
- its **header rows** are read as a tree (merged cells span), and each printed column is mapped to a
  template column by its header path ("本年支出" / "基本支出" → ``basic``); a table printed in two halves
  (表一, 表四: 收入 | 支出; 表六: two economic halves side by side) is read half by half; a table printed
  across (表七: one row of 预算数/决算数 pairs) is read as the template's lines × columns;
- each **row** is keyed by its classification code, or by the template line its name matches, in the
  template's order (so that 表四's two lines called 一般公共预算财政拨款 — income, then opening balance —
  each find their own);
- printed blanks stay blanks; an empty table keeps its printed 说明.

Nothing is dropped silently: every row, column or cell that could not be placed is an
:class:`ImportIssue` with its page and text, and :attr:`TableImport.places` gives the place in the
document (page and box) of every imported cell, for provenance and highlighting.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Final, Self

import attrs

from budgetkit.errors import InvalidNumberError, ModelError
from budgetkit.io.document import (
    CONTINUED_TITLE,
    FOOTNOTE_MARK,
    Box,
    Cell,
    Line,
    RawTable,
    half_width_numbers,
    table_furniture,
    table_note,
    table_number,
    table_title,
    unit_of,
    without_table_tag,
    without_unit,
)
from budgetkit.model.tables import Cell as TableCell
from budgetkit.model.tables import Line as TemplateLine
from budgetkit.model.tables import (
    Place,
    Row,
    RowKind,
    Side,
    Table,
    Tables,
    TableSet,
    TableTemplate,
    parse_cell,
)
from budgetkit.reference.classification import Level, functional_table
from budgetkit.values.wording import Bilingual

__all__ = ["UNRULED", "ImportIssue", "ImportReason", "IssueKind", "TableImport", "issue_kind", "read_tables", "reason_zh"]

_CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
#: A classification code and its name printed in one cell: 2080505 机关事业单位基本养老保险缴费支出.
_CODE_AND_NAME = re.compile(r"^\s*(?P<code>\d{3}(?:\d{2}){0,2})(?!\d)\s*(?P<name>[^\d\s].*?)\s*$")
_ENUMERATOR = re.compile(r"^\s*(?:[一二三四五六七八九十]+|\d+)\s*[、.．]\s*")
_NUMBER = re.compile(r"^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_PUNCTUATION = re.compile(r"[\s“”\"'‘’「」（）()：:、，,]")
_TOTALS = ("合计", "总计")
#: Lines of 表一 and 表四 printed under another (an earlier template's) name: printed → the template's names to try.
_SAME_LINES: Final = {
    "收入总计": ("总计",),
    "支出总计": ("总计",),
    "上年结转和结余": ("年初结转和结余", "年初财政拨款结转和结余"),
    "年初结转结余": ("年初结转和结余", "年初财政拨款结转和结余"),
    "年末结转结余": ("年末结转和结余", "年末财政拨款结转和结余"),
    "用事业基金弥补收支差额": ("使用非财政拨款结余",),
    "使用非财政拨款结余含专用结余": ("使用非财政拨款结余",),
}
#: What a table keyed by code (表二, 三, 五, 八, 九) may print for its total line, the template's 合计.
_CODED_TOTALS: Final = (*_TOTALS, "本年收入合计", "本年支出合计", "收入合计", "支出合计", "本年合计")
#: The column that numbers a table's rows (行次) and the row that numbers its columns (栏次), as the central template
#: prints them: never data.
_ROW_NUMBERS: Final = "行次"
_COLUMN_NUMBERS: Final = "栏次"
#: Names of 表七's items printed otherwise (the central template's 运行费 for 运行维护费): printed → the template's.
_SAME_ITEMS: Final = {
    "公务用车购置及运行费": "公务用车购置及运行维护费",
    "公务用车运行费": "公务用车运行维护费",
    "因公出国境费用": "因公出国（境）费",
    "公务接待费用": "公务接待费",
    "行政参公单位机关运行经费": "机关运行经费",  # Yunnan's 表十: 行政单位 and 参照公务员法管理的事业单位's
}
#: Headers printed for a template's column under another name (the central template's 金额 for 决算数, 小计 for
#: 合计 under 本年支出): printed name → the template's name.
_SAME_HEADERS: Final = {"金额": "决算数", "决算金额": "决算数", "本年决算数": "决算数", "本年决算": "决算数", "小计": "合计"}
#: A header naming a figure that is not this year's 决算数, printed beside it by some provinces (年初预算数 and
#: 调整预算数 before 决算数, 上年决算数 beside it, 比上年增减 and 增长% after it): such a column is never read as the
#: template's, whose every column (but 表七's 预算数) is this year's 决算数.
_OTHER_FIGURE: Final = re.compile(r"预算数|年初预算|调整预算|全年预算|上年|同期|增减|增长|变动|差额|完成|执行率|占比|比重|[%％]")
#: What 表七 printed as a list of rows (项目 | 预算数 | 决算数) heads its figure columns with: the template's 预算数
#: (the year's budget: 全年预算数, or 年初预算数 when no other budget is printed) and 决算数.
_THREE_PUBLIC_HEADERS: Final = {
    "预算数": "预算数",
    "全年预算数": "预算数",
    "年初预算数": "预算数",
    "决算数": "决算数",
    "本年决算数": "决算数",
    "决算金额": "决算数",
    "本年预算数": "预算数",  # beside 上年决算数 (Yunnan's 表十)
    "本年预算": "预算数",
    "本年决算": "决算数",
}
#: What opens an item of a list (1、, （1）, 其中：) before its name.
_ITEM_OPENING: Final = re.compile(r"^(?:其中[:：]?)?\s*(?:[（(]?(?:\d+|[一二三四五六七八九十]+)[)）]|(?:\d+|[一二三四五六七八九十]+)\s*[、.．])?\s*(?:其中[:：]?)?")
#: Longer names of the 三公 totals some tables print for the line: 合计 as the template names it.
_THREE_PUBLIC_TOTALS: Final = ("合计", "总计", "三公经费合计", "三公经费支出合计", "支出合计", "三公经费支出", "三公经费")


class IssueKind(enum.Enum):
    """What an import issue says was not read, for a caller that selects issues (``budgetkit check`` names the tables
    not read, so not checked): by this kind, never by the words of the reason, which may be reworded.

    >>> IssueKind.TABLE_REPEATED.value
    'table_repeated'
    """

    #: anything else: a cell, a row, a figure no field holds …
    OTHER = "other"
    #: a table of the set laid out otherwise than its template (``… not imported: …``): none of it is read
    TABLE_NOT_IMPORTED = "table_not_imported"
    #: a second printing of a table of the set already read (``… is printed twice; the first is kept``)
    TABLE_REPEATED = "table_repeated"
    #: a table's title with no table read under it (printed as a picture, or without ruling lines beyond doubt)
    TABLE_UNRULED = "table_unruled"
    #: a self-evaluation table (项目支出绩效自评表) refused: its project is not read
    SELFEVAL_REFUSED = "selfeval_refused"


class ImportReason(Bilingual):
    """Why something of a document was not read or not held: the English line is the string (as it was before 0.2),
    the Chinese line is :attr:`zh`; ``budgetkit check`` prints the one of its ``--lang``. :attr:`kind` says what was not
    read (:class:`IssueKind`), for a caller that selects issues.

    >>> why = ImportReason("a row the template does not have", "模板中没有的行")
    >>> why == "a row the template does not have", why.zh, why.text(english=False), why.kind
    (True, '模板中没有的行', '模板中没有的行', <IssueKind.OTHER: 'other'>)
    >>> import pickle
    >>> twice = ImportReason("表七 is printed twice; the first is kept", "表七印了两次，读入第一次的", IssueKind.TABLE_REPEATED)
    >>> again = pickle.loads(pickle.dumps(twice))  # it travels from the worker processes importing a directory
    >>> again.zh, again.kind
    ('表七印了两次，读入第一次的', <IssueKind.TABLE_REPEATED: 'table_repeated'>)
    """

    kind: IssueKind

    def __new__(cls, en: str, zh: str, kind: IssueKind = IssueKind.OTHER) -> Self:
        line = super().__new__(cls, en, zh)
        line.kind = kind
        return line

    def __getnewargs__(self) -> tuple[str, str, IssueKind]:  # type: ignore[override]  # pickled with its kind
        return str(self), self.zh, self.kind


def issue_kind(reason: str) -> IssueKind:
    """What an issue of ``reason`` is about: its :attr:`ImportReason.kind`, or :attr:`IssueKind.OTHER` for a reason
    worded in English only (a message of the model).

    >>> issue_kind(ImportReason("printed twice", "印了两次", IssueKind.TABLE_REPEATED)), issue_kind("no project name")
    (<IssueKind.TABLE_REPEATED: 'table_repeated'>, <IssueKind.OTHER: 'other'>)
    """
    return reason.kind if isinstance(reason, ImportReason) else IssueKind.OTHER


def reason_zh(reason: str) -> str:
    """The Chinese line of ``reason``: its :attr:`ImportReason.zh`, or the string itself when it has none (a message of the
    model or of a self-evaluation table, worded in English only).

    >>> reason_zh(ImportReason("printed twice", "印了两次")), reason_zh("no project name")
    ('印了两次', 'no project name')
    """
    return reason.zh if isinstance(reason, ImportReason) else reason


@attrs.frozen
class ImportIssue:
    """Something in the document that was not imported: where, what was printed, and why (a :class:`ImportReason` where
    the importer words it in Chinese too)."""

    box: Box | None
    text: str
    reason: str

    @property
    def reason_zh(self) -> str:
        """Why, in Chinese (:func:`reason_zh`)."""
        return reason_zh(self.reason)

    @property
    def kind(self) -> IssueKind:
        """What was not read (:func:`issue_kind`)."""
        return issue_kind(self.reason)

    def __str__(self) -> str:
        where = f"{self.box}" if self.box is not None else "（位置不明）"
        return f"{where}: {self.text!r}: {self.reason}"


@attrs.frozen
class TableImport:
    """The tables read from a document, the place of every imported cell, and what was not understood."""

    tables: Tables
    places: dict[Place, Box]
    issues: tuple[ImportIssue, ...]
    #: the printed tables that matched no template of the set (their titles), in order
    unknown: tuple[str, ...] = ()
    #: the place of what a table prints under it, by its path: its notes (``tables.tables[7].notes``, where the first
    #: is printed, and each ``….notes[1]``) and its 说明 (``….empty_note``)
    notes: dict[str, Box] = attrs.field(factory=dict)
    #: the cells whose amount is read with a note printed after it (95.36注1), each with its note: the amount is
    #: imported, the note is text (an issue names the cell)
    noted: dict[Box, str] = attrs.field(factory=dict)


def _norm(text: str | None) -> str:
    """A name or title compared loosely: no whitespace, no quotes, brackets or enumerators."""
    if not text:
        return ""
    return _PUNCTUATION.sub("", _ENUMERATOR.sub("", text))


#: How the name of a table the set does not have ends just before a title of the set: 政府性基金预算财政拨款支出决算表
#: and 一般公共预算财政拨款项目支出决算表 (where a set has not that table) end with 支出决算表 (表三), but are other
#: tables; a report's own name in front (示例局2023年度) never ends so.
_OTHER_TABLE: Final = re.compile(r"(?:拨款|预算|经费|会议费|培训费|基金|资本|经营|项目|基本|明细|一般公共)$")


def _template_for(raw: RawTable, templates: Sequence[TableTemplate]) -> TableTemplate | None:
    """The template one of whose titles the printed title is or ends with (a report may print its own name or
    the table's number first, and the table's number after: 收入支出决算总表（公开01表）), unless what is printed in
    front makes it another table's name (政府性基金预算财政拨款支出决算表 is not 支出决算表).

    >>> from budgetkit.io.document import Line
    >>> from budgetkit.model.tables import table_set
    >>> def title(text):
    ...     found = _template_for(RawTable(rows=(), pages=(1,), heading=(Line(text, None),)), table_set("national-2024").templates)
    ...     return None if found is None else found.key
    >>> title("示例局2023年度支出决算表"), title("政府性基金预算财政拨款支出决算表"), title("表1-7 “三公”经费支出决算表")
    ('expenditure', None, 'three_public')
    """
    titles = [(_norm(title), t) for t in templates for title in (t.title, *t.other_titles)]
    for line in reversed(raw.heading):
        printed = _norm(without_table_tag(without_unit(line.text)))
        if not printed:
            continue
        exact = [t for title, t in titles if title == printed]
        if exact:
            return exact[0]
        ending = [(title, t) for title, t in titles if printed.endswith(title)]
        if ending:
            title, template = max(ending, key=lambda found: len(found[0]))  # 财政拨款收入支出决算总表 over 收入支出决算总表
            if _OTHER_TABLE.search(printed[: -len(title)]):
                return None
            return template
    return None


def read_tables(tables: Iterable[RawTable], table_set: TableSet) -> TableImport:
    """Map printed tables to the templates of ``table_set``; see the module's description.

    >>> from budgetkit.io.document import Box, Cell as Printed, Line, RawTable
    >>> from budgetkit.model.tables import table_set
    >>> def row(r, *texts):  # cells 10 points wide; a merged cell spans its neighbours' places
    ...     return tuple(Printed(t, None if t is None else Box(1, 10 * c, 10 * r, 10 * c + (19 if t == "项目" else 9), 10 * r + 9))
    ...         for c, t in enumerate(texts))
    >>> raw = RawTable(rows=(row(0, "项目", None, "合计", "基本支出", "项目支出"), row(1, "功能分类科目编码", "科目名称", None, None, None),
    ...     row(2, "208", "社会保障和就业支出", "754.75", "754.75", "0.00"), row(3, "合计", None, "754.75", "754.75", "0.00")),
    ...     pages=(1,), title="一般公共预算财政拨款支出决算表", heading=(Line("一般公共预算财政拨款支出决算表", Box(1, 0, -20, 50, -10)),))
    >>> result = read_tables([raw], table_set("national-2024"))
    >>> result.tables.cell("general_budget_expenditure", "208", "basic"), result.issues
    (Cell('754.75'), ())
    """
    templates = table_set.templates
    out: list[Table] = []
    places: dict[Place, Box] = {}
    issues: list[ImportIssue] = []
    unknown: list[str] = []
    unread: list[str] = []
    notes: dict[str, Box] = {}
    noted: dict[Box, str] = {}
    for raw, template in _joined(tables, templates):
        if template is None:
            if raw.title is not None:
                unknown.append(raw.title)
            continue
        if any(t.key == template.key for t in out):
            issues.append(ImportIssue(_first_box(raw), raw.title or "", ImportReason(f"{template.title} is printed twice; the first is kept", f"{template.title}印了两次，读入第一次的", IssueKind.TABLE_REPEATED)))
            continue
        reader = _TableReader(raw, template)
        try:
            out.append(reader.table())
        except ModelError as exc:  # what was read does not make a table of the template: say so, keep the others
            issues.extend(reader.issues)
            issues.append(ImportIssue(_first_box(raw), raw.title or template.title, ImportReason(f"{template.title} not imported: {exc}", f"{template.title}未能读入：{reason_zh(exc.message) if not exc.path else str(exc)}", IssueKind.TABLE_NOT_IMPORTED)))
            if template.key not in unread:
                unread.append(template.key)  # printed all the same: never reported missing
            continue
        if raw.unruled and _doubt(reader.issues):
            out.pop()  # read from its words with doubt: not half-read, but reported as a table not read
            title = next((line for line in reversed(raw.heading) if _norm(raw.title) in _norm(line.text)), None)
            where = title.box if title is not None else _first_box(raw)
            issues.append(ImportIssue(where, raw.title or template.title, UNRULED))
            if template.key not in unread:
                unread.append(template.key)  # printed all the same: never reported missing
            continue
        places.update(reader.places)
        issues.extend(reader.issues)
        noted.update(reader.noted)
        notes.update(_note_places(raw, out[-1], len(out) - 1))
    read = {table.key for table in out}
    refused = tuple(key for key in unread if key not in read)
    tables_read = Tables(set=table_set.name, tables=tuple(out), unread=refused)
    return TableImport(tables_read, places, tuple(issues), tuple(unknown), notes, noted)


def _note_places(raw: RawTable, table: Table, index: int) -> dict[str, Box]:
    """The place of each line printed under a table, by its path in the account: its 说明 (``empty_note``, the
    first line that says so) and its other notes in order, as :meth:`_TableReader.table` takes them."""
    found: dict[str, Box] = {}
    kept = 0
    for line in raw.notes:
        if table.empty_note and line.text == table.empty_note:
            found.setdefault(f"tables.tables[{index}].empty_note", line.box)
        else:
            found[f"tables.tables[{index}].notes[{kept}]"] = line.box
            found.setdefault(f"tables.tables[{index}].notes", line.box)
            kept += 1
    return found


#: Why a table whose title is printed is not read (an import issue's reason): no table was found under it, neither by
#: its ruling lines nor by the alignment of its words.
UNRULED: Final = ImportReason(
    "a table title with no table read under it: the table is printed as a picture, or without ruling lines and with "
    "its words not lined up in columns beyond doubt, so its cells are not read (budgetkit reads a PDF's tables by "
    "their ruling lines, or by the alignment of their words where there are none; it does no OCR)",
    "表格标题下没有读入表格：表格印作图片，或没有框线且文字未能确切对齐成列，其单元格未读入（budgetkit 按框线读 PDF 的表格，"
    "无框线时按文字对齐读；不做文字识别）",
    IssueKind.TABLE_UNRULED,
)
#: The issues of a row whose name is not the template's (a ruled table gives them alike, 表 placeholders "… …"), and
#: the note of a table's unit: the others say a cell or a column was not placed.
_ROW_OR_UNIT: Final = re.compile(r"^(?:a row that is neither|a (?:\S+ )?row the template of|a note “)|prints \S+: read in 万元")


def _doubt(issues: Sequence[ImportIssue]) -> bool:
    """Whether reading a table gave an issue of a cell or a column not placed (not a number, no cell of its own, a
    column the template has not): for a table read from the alignment of its words, a sign that its columns were
    not found as printed — the table is then not read at all, rather than half-read.

    >>> _doubt([ImportIssue(None, "… …", ImportReason("a row that is neither a code nor a line of the template", "既非科目编码也非模板中的行"))])
    False
    >>> _doubt([ImportIssue(None, "6.004.00", "not a number in column basic of 一般公共预算财政拨款支出决算表")])
    True
    """
    return any(not _ROW_OR_UNIT.search(issue.reason) for issue in issues)


#: A money unit printed in a header cell after its name: 决算数（元）, 金额(万元).
_HEADER_UNIT: Final = re.compile(r"[（(]\s*(?:单位[:：]\s*)?(百万元|千元|万元|亿元|元)\s*[)）]$")


def _lifted(raw: RawTable) -> RawTable:
    """A printed table whose first rows are its heading — title, number, maker and unit printed as rows of the grid, as
    pages made from a workbook print them — with those rows moved to its heading, their unit its unit. Else, when no
    line above gives a unit, the unit its header cells print (决算数（元）).

    A title row inside the grid was no title (the table unknown, or found by a line above it), and its
    ``金额单位：元`` was missed: the table was read in 万元, ten thousand times its amounts.
    """
    lifted: list[Line] = []
    taken = 0
    for row in raw.rows[:-1]:
        printed = [cell for cell in row if cell.text and cell.text.strip()]
        texts = {cell.text.strip() for cell in printed if cell.text}
        if not texts or len(texts) > 2 or len(row) < 2 or any(cell.box is None for cell in printed):
            break
        if not all(table_furniture(text) or without_unit(without_table_tag(text)).endswith("表") for text in texts):
            break
        lifted.extend(Line(cell.text.strip(), cell.box) for cell in printed if cell.text and cell.box is not None)
        taken += 1
    if taken:
        inner = next((found for line in lifted if (found := unit_of(line.text))), None)
        heading = (*raw.heading, *lifted)
        title = table_title([line.text for line in heading])
        raw = attrs.evolve(raw, rows=raw.rows[taken:], heading=heading, unit=inner or raw.unit, title=title)
    # a note printed as a row across the table (本单位无政府性基金…，故本表无数据): its note, not a row or a header
    notes = [row for row in raw.rows if len(row) > 1 and _note_row(row, raw.rows) is not None]
    if notes:
        cells = [_note_row(row, raw.rows) for row in notes]
        lines = tuple(Line(cell.text.strip(), cell.box) for cell in cells if cell is not None and cell.text and cell.box)
        raw = attrs.evolve(raw, rows=tuple(row for row in raw.rows if all(row is not n for n in notes)), notes=(*raw.notes, *lines))
    if taken or notes:
        return raw
    if raw.unit is None:
        for row in raw.rows[:4]:
            for cell in row:
                if cell.text and (m := _HEADER_UNIT.search(cell.text.strip())):
                    return attrs.evolve(raw, unit=m.group(1))
    return raw


def _note_row(row: Sequence[Cell], rows: Sequence[Sequence[Cell]]) -> Cell | None:
    """The cell of a row that prints only a note (one text, the rest blank or merged into it), else None; a sentence
    saying that the table is empty is its note only when the table's ``rows`` print no amount."""
    printed = [cell for cell in row if cell.text and cell.text.strip()]
    if len(printed) != 1 or printed[0].box is None or not table_note((printed[0].text or "").strip(), rows):
        return None
    return printed[0]


def _numbers_columns(row: Sequence[Cell]) -> bool:
    """Whether a printed row numbers the columns (栏次 1 2 3 …), as the central template prints under its header; a
    table printed across (表七's 预算数 and 决算数 in twelve columns) prints the numbers 1 to 12 without 栏次, and they
    were read as its figures.

    >>> _numbers_columns([Cell(str(n), None) for n in range(1, 13)]), _numbers_columns([Cell("栏次", None), Cell("1", None)])
    (True, True)
    >>> _numbers_columns([Cell("3.00", None), Cell("1", None), Cell("2", None)]), _numbers_columns([Cell("1", None), Cell("2", None)])
    (False, False)
    """
    if any(_norm(cell.text) == _COLUMN_NUMBERS for cell in row):
        return True
    printed = [(cell.text or "").strip() for cell in row if (cell.text or "").strip()]
    return len(printed) >= 3 and printed == [str(n) for n in range(1, len(printed) + 1)]


def _header_texts(raw: RawTable) -> list[tuple[str | None, ...]]:
    """The texts of a printed table's rows above its first row of figures or codes (its header, as printed)."""
    header = []
    for row in raw.rows:
        if _numbers_columns(row):
            continue
        if _CODE.match((row[0].text or "").replace(" ", "")) or any(_is_number(cell.text) for cell in row):
            break
        header.append(tuple(cell.text for cell in row))
    return header


def _joined(
    tables: Iterable[RawTable], templates: Sequence[TableTemplate]
) -> Iterator[tuple[RawTable, TableTemplate | None]]:
    """Each printed table with its template, a table continued in a second printed table joined to it first: a web
    page (or a PDF whose next page repeats the title) that splits a table prints the rest under no title, 续表, or
    its title with （续）, and repeats its header or prints none. Such a rest was dropped (its rows lost, so the
    totals of the part read did not add up) or taken for an unknown table."""
    held: tuple[RawTable, TableTemplate] | None = None
    for printed in tables:
        raw = _lifted(printed)
        template = _template_for(raw, templates)
        if held is not None and _continues(raw, template, *held):
            first, first_template = held
            # the header printed again at the top of the rest is left out by the reader (_TableReader.split)
            held = (
                attrs.evolve(first, rows=first.rows + raw.rows, pages=first.pages + raw.pages, notes=first.notes + raw.notes),
                first_template,
            )
            continue
        if held is not None:
            yield held
            held = None
        if template is None:
            yield raw, None
        else:
            held = (raw, template)
    if held is not None:
        yield held


def _continues(raw: RawTable, template: TableTemplate | None, first: RawTable, first_template: TableTemplate) -> bool:
    """Whether ``raw`` is the rest of ``first``: as wide, under no title of another table (none, 续表, the same title
    with （续）, or the same title again), and with no header but the one ``first`` printed."""
    if raw.width != first.width:
        return False
    if template is first_template:
        # the title printed again on the next page: the rest of the table when it prints none of the rows already read
        # (a table printed twice over is not joined: the second is reported as printed twice)
        header = set(_header_texts(first))
        printed = {tuple(cell.text for cell in row) for row in first.rows if not _numbers_columns(row)} - header
        return not any(tuple(cell.text for cell in row) in printed for row in raw.rows) and all(
            row in header for row in _header_texts(raw)
        )
    if raw.title is not None:
        title = _norm(without_table_tag(raw.title))
        if template is not None or not CONTINUED_TITLE.search(title):
            return False
        rest = CONTINUED_TITLE.sub("", title)
        titles = [_norm(t) for t in (first_template.title, *first_template.other_titles)]
        if rest and not any(rest.endswith(t) for t in titles):
            return False
    header = set(_header_texts(first))
    repeated = _header_texts(raw)
    if not repeated and raw.title is None:
        # no title and no header: the rest only when it goes on with coded rows (no other table prints like that)
        return bool(raw.rows) and bool(_CODE.match((raw.rows[0][0].text or "").replace(" ", "")))
    return all(row in header for row in repeated)


#: What tables print in a cell for "nothing" instead of leaving it empty: dashes of every width, a slash.
_BLANK_MARKS: Final = frozenset({"-", "--", "－", "‐", "–", "—", "——", "―", "/", "／"})
#: The money units a table may print other than 万元, and the power of ten that takes their amounts to 万元.
_TO_WAN: Final = {"元": -4, "千元": -1, "百万元": 2, "亿元": 4}


def _scaled(cell: TableCell, shift: int) -> TableCell:
    """A printed amount in 万元: its digits moved by ``shift`` places (a blank stays blank)."""
    return cell if cell.amount is None else TableCell(cell.amount.scaleb(shift))


def _joined_code(pieces: Sequence[str]) -> str:
    """The code a row prints in the columns before its name: in one column, or across 类 | 款 | 项 columns
    (``208`` ``05`` ``01``, or each column the whole code so far); beside anything else (a 序号) the text
    nearest the name.

    >>> _joined_code(["208", "05", "01"]), _joined_code(["208", "", ""]), _joined_code(["208", "20805", ""])
    ('2080501', '208', '20805')
    >>> _joined_code(["12", "20805"]), _joined_code(["合计"]), _joined_code(["", ""])
    ('20805', '合计', '')
    """
    printed = [piece for piece in pieces if piece]
    code = printed[0] if printed else ""
    for piece in printed[1:]:
        if piece.startswith(code):  # the whole code so far
            code = piece
        elif _CODE.match(code) and len(piece) == 2 and piece.isdigit():  # the 款 or 项 digits
            code += piece
        else:
            code = piece
    return code


def _own_digits(pieces: Sequence[str], above: str) -> str:
    """The code of a row printed in 类 | 款 | 项 columns with only its own level's digits (``| 06 |``, ``| | 01``),
    its parent's digits taken from ``above`` (the code of the coded row above it), else "". Only three code
    columns, two digits in the 款 or 项 column alone, and a parent above of the level just over it.

    >>> _own_digits(["", "06", ""], "201"), _own_digits(["", "", "01"], "20106"), _own_digits(["", "", "02"], "2010601")
    ('20106', '2010601', '2010602')
    >>> _own_digits(["", "06", ""], ""), _own_digits(["201", "06", "01"], "208"), _own_digits(["", "", "01"], "201")
    ('', '', '')
    """
    if len(pieces) != 3 or pieces[0]:
        return ""
    printed = [(k, piece) for k, piece in enumerate(pieces) if piece]
    if len(printed) != 1 or len(printed[0][1]) != 2 or not printed[0][1].isdigit():
        return ""
    level = printed[0][0]  # 1: a 款, under a 类 (3 digits); 2: a 项, under a 款 (5)
    parent = above[: 1 + 2 * level]
    if not _CODE.match(above) or len(parent) != 1 + 2 * level:
        return ""
    return parent + printed[0][1]


def _listed_header(text: str) -> str:
    """A header of 表七's figures compared with the template's: 全年预算数 or 年初预算数 as 预算数, 本年决算数 as 决算数."""
    name = _norm(text)
    return _norm(_THREE_PUBLIC_HEADERS.get(name, _SAME_HEADERS.get(name, name)))


def _header(text: str) -> str:
    """A column header compared with the template's names: normalised, and its other name (金额) made the template's."""
    name = _norm(text)
    return _norm(_SAME_HEADERS.get(name, name))


def _past_label(row: Sequence[Cell], position: int) -> int:
    """Where a total line prints its one amount: at ``position``, or — when its label is merged across that
    column (表六's 公用经费合计 spanning the next half's code and name) — in the first cell of its own to the right,
    if that cell holds a number or nothing; or — when ``position`` is printed blank and the row prints one number
    alone further right (the same label printed without ruling lines, where nothing shows the merge) — there.

    >>> label, merged, amount, blank = Cell("公用经费合计", None), Cell(None, None), Cell("20.00", None), Cell("", None)
    >>> _past_label([label, merged, merged, amount], 1), _past_label([label, Cell("5.00", None)], 1)
    (3, 1)
    >>> _past_label([label, blank, blank, amount], 1), _past_label([label, blank, Cell("其他", None), amount], 1)
    (3, 1)
    """
    if position < len(row) and row[position].text == "":
        rest = [p for p in range(position + 1, len(row)) if row[p].text]
        if len(rest) == 1 and _is_number(row[rest[0]].text):
            return rest[0]
        return position
    if position >= len(row) or row[position].text is not None:
        return position
    right = next((p for p in range(position + 1, len(row)) if row[p].text is not None), None)
    if right is None or not (_is_number(row[right].text) or row[right].text == ""):
        return position
    return right


#: What the issue of a cell printed but not read adds (see :meth:`_TableReader.without_unread`).
_COLUMN_UNREAD: Final = ": its column is not read (absent), as a blank would sum as 0"
_COLUMN_UNREAD_ZH: Final = "：该列按未读入（缺失）处理，因空白会按0求和"


def _first_box(raw: RawTable) -> Box | None:
    return next((cell.box for row in raw.rows for cell in row if cell.box is not None), None)


#: The spaces an amount's digits may be grouped or padded with: a space, a no-break, thin, narrow no-break,
#: figure, six-per-em or ideographic space
_CELL_SPACES: Final = re.compile("[ \u00a0\u2002-\u2009\u202f\u3000]")
#: A minus printed otherwise than as a hyphen: the minus sign, the full-width and small hyphen-minus, an en dash, a
#: hyphen
_MINUS: Final = str.maketrans(dict.fromkeys("−－﹣–‐‑", "-"))
#: A negative amount as an accountant's format prints it: in brackets, (12.50) or （12.50）, or with its minus after
#: it, 12.50-. Only with decimals: a number in brackets alone, (1), numbers something.
_ACCOUNTING: Final = re.compile(r"^(?:[(（](?P<bracketed>[\d,]+\.\d+)[)）]|(?P<trailing>[\d,]+\.\d+)-)$")
#: A footnote mark printed after an amount: 1,054.90*, 1,054.90①, 1,054.90¹, 1,054.90[1]
_FOOTNOTE: Final = re.compile(rf"(?<=\d)(?:{FOOTNOTE_MARK})$")


#: A note printed after an amount, calling a note under the table: 95.36注1, 95.36（注1）, 95.36 注, 95.36(见注2).
#: Only after an amount with decimals, as for an accountant's negative: a code or a count followed by 注 is no amount.
_NOTE_AFTER: Final = re.compile(
    r"^(?P<amount>[-(（]?[\d,]+\.\d+[)）-]?)(?P<note>[(（\[［]?(?:见|详见)?注[:：]?(?:\d{1,2}|[①-⑳一二三四五六七八九十])?[)）\]］]?)$"
)


def _amount_and_note(text: str | None) -> tuple[str, str]:
    """A cell's text as the plain number it prints (see :func:`_amount_text`), and the note printed after it, if any.

    >>> [_amount_and_note(t) for t in ("95.36注1", "95.36（注1）", "95.36 注", "(12.50)见注2", "95.36")]
    [('95.36', '注1'), ('95.36', '（注1）'), ('95.36', '注'), ('-12.50', '见注2'), ('95.36', '')]
    >>> [_amount_and_note(t) for t in ("2080505注", "95.36注明", "注1")]
    [('2080505注', ''), ('95.36注明', ''), ('注1', '')]
    """
    plain = half_width_numbers(_CELL_SPACES.sub("", text or "")).translate(_MINUS)
    note = ""
    if m := _NOTE_AFTER.match(plain):
        plain, note = m["amount"], m["note"]
    plain = _FOOTNOTE.sub("", plain)
    if m := _ACCOUNTING.match(plain):
        return "-" + (m["bracketed"] or m["trailing"]), note
    return plain, note


def _amount_text(text: str | None) -> str:
    """A cell's text as the plain number it prints, or as printed when it prints none.

    Exports print one amount in many ways: its digits grouped by thin or no-break spaces (1 054.90) or by a
    full-width comma (1，054.90), in full-width digits (３０．３０), its minus as a minus sign, a full-width or
    small hyphen-minus or an en dash (−12.50, －12.50), or, from a spreadsheet's accounting format, the amount in
    brackets or its minus after it ((12.50), 12.50-), and a footnote mark after it (1,054.90*, 1,054.90①). Each is
    the amount: read otherwise, a table's column was left unread (absent) for one such cell, and a table whose only
    amounts column it was was not imported at all. A mark is dropped, not read: the note it calls is text. So is a
    note printed after an amount (95.36注1, 95.36（注1）): the importer reports it (:func:`_amount_and_note`).

    >>> [_amount_text(t) for t in ("1\u2009054.90", "1，054.90", "－12.50", "(12.50)", "（12.50）", "12.50-")]
    ['1054.90', '1,054.90', '-12.50', '-12.50', '-12.50', '-12.50']
    >>> [_amount_text(t) for t in ("1,054.90*", "307.82①", "307.82¹", "(1)", "合计", "-")]
    ['1,054.90', '307.82', '307.82', '(1)', '合计', '-']
    >>> _amount_text("95.36注1")
    '95.36'
    """
    return _amount_and_note(text)[0]


def _noted(note: str, where: str, where_zh: str) -> ImportReason:
    """Why a cell is imported with part of its text left out: a note printed after its amount (95.36注1), in
    ``where`` (``where_zh`` in Chinese); the amount is read, the note is text that calls a note under the table, no
    figure.

    >>> why = _noted("注1", "column year_total of 支出决算表", "支出决算表的year_total列")
    >>> why, why.zh
    ('a note “注1” printed after the amount in column year_total of 支出决算表: the amount is read, the note is kept as text', '支出决算表的year_total列的金额后印有注“注1”：金额已读入，注作为文字保留')
    """
    return ImportReason(
        f"a note “{note}” printed after the amount in {where}: the amount is read, the note is kept as text",
        f"{where_zh}的金额后印有注“{note}”：金额已读入，注作为文字保留",
    )


def _is_number(text: str | None) -> bool:
    """Whether a cell prints one number, in any form :func:`_amount_text` reads (３０．３０, (12.50), 1 054.90):
    a 合计 row printed first in full-width digits was taken for a header row.

    >>> _is_number("1,054.90"), _is_number("３０．３０"), _is_number("(12.50)"), _is_number("合计")
    (True, True, True, False)
    """
    return bool(text) and bool(_NUMBER.match(_amount_text(text)))


def _unheld(text: str) -> str | None:
    """Why a printed number is more than a cell holds (1054.9000000000001, a float copied from a spreadsheet, or 31
    digits), or None when it is held: such a number is not read, and the import names it.

    >>> _unheld("1,054.90"), _unheld("1054.9000000000001")
    (None, 'more than 12 decimal places')
    """
    try:
        parse_cell(text)
    except InvalidNumberError as exc:
        return exc.reason
    return None


class _TableReader:
    """Reads one printed table against its template."""

    def __init__(self, raw: RawTable, template: TableTemplate) -> None:
        self.raw = raw
        self.template = template
        self.places: dict[Place, Box] = {}
        self.issues: list[ImportIssue] = []
        #: texts of a body row that are headings, not figures (see :meth:`split`)
        self.header_words: set[str] = set()
        #: (row key, column key) → place of each cell printed but not read (not a number, or more than a cell
        #: holds): its column is left out of the table (see :meth:`without_unread`)
        self.unread: dict[tuple[str, str], Box | None] = {}
        #: place → note of each cell read with a note after its amount (95.36注1)
        self.noted: dict[Box, str] = {}

    # -- the header ---------------------------------------------------------------------------------------
    def split(self) -> tuple[list[tuple[Cell, ...]], list[tuple[Cell, ...]]]:
        """Header rows and body rows: the body starts at the first row that prints a number or a code.

        A row that numbers the columns (栏次 1 2 3 …) is neither: it is left out, and so is the header printed again
        in the body (a table continued on the next page under its header).
        """
        rows = [row for row in self.raw.rows if not _numbers_columns(row)]
        for i, row in enumerate(rows):
            first = row[0].text or ""
            if _CODE.match(first) or any(_is_number(cell.text) for cell in row):
                header = {tuple(cell.text for cell in row) for row in rows[:i]}
                return rows[:i], [row for row in rows[i:] if tuple(cell.text for cell in row) not in header]
        # no number at all: an empty table; its header is everything up to a row that starts with 合计
        for i, row in enumerate(rows):
            if i and self.template.classified_by and _norm(row[0].text) in _TOTALS:
                # the Shanghai template prints the sub-headings of 本年支出 (合计 基本支出 项目支出) in the 合计 row;
                # a dash printed for nothing (an empty table's 合计 row of "-") is a blank, no heading
                words = [
                    cell.text for cell in row[2:]
                    if cell.text and not _is_number(cell.text) and cell.text.replace(" ", "") not in _BLANK_MARKS
                ]
                if words:
                    self.header_words.update(_amount_text(word) for word in words)  # as a cell below is read
                    return rows[: i + 1], rows[i:]
                return rows[:i], rows[i:]
        # or up to the first row of printed blanks (表七 printed empty), a dash printed for nothing being one
        for i, row in enumerate(rows):
            if i and all(cell.text == "" or (cell.text or "").replace(" ", "") in _BLANK_MARKS for cell in row):
                return rows[:i], rows[i:]
        return rows, []

    def paths(self, header: list[tuple[Cell, ...]], keep_totals: bool = False) -> list[tuple[str, ...]]:
        """Each printed column's header path, top to bottom; a merged cell belongs to every column it spans.

        A place with no cell of its own (``None``) is covered by a merged cell: the nearest cell to its left
        when that cell's box reaches over this column, else the nearest cell above (spanning down). A 合计 in the
        first two columns of the last header row is the label of a total row, not a header, unless ``keep_totals``.
        """
        width = self.raw.width
        every = [row for row in self.raw.rows]
        centres: list[float | None] = []
        for c in range(width):
            boxes = [row[c].box for row in every if c < len(row) and row[c].box is not None]
            narrow = min(boxes, key=lambda b: b.x1 - b.x0) if boxes else None  # type: ignore[union-attr]
            centres.append(None if narrow is None else (narrow.x0 + narrow.x1) / 2)
        grid: list[list[str]] = []
        for row in header:
            line: list[str] = []
            for c in range(width):
                cell = row[c] if c < len(row) else Cell(None, None)
                if cell.text is not None:
                    line.append(cell.text)
                    continue
                left = next((row[k] for k in range(c - 1, -1, -1) if k < len(row) and row[k].text is not None), None)
                centre = centres[c]
                spans = left is not None and left.box is not None and centre is not None and left.box.x1 > centre
                line.append(left.text or "" if spans and left is not None else "")
            grid.append(line)
        paths = []
        for c in range(width):
            path: list[str] = []
            for r in range(len(grid)):
                text = _HEADER_UNIT.sub("", grid[r][c]).strip()  # 决算数（万元）: the unit is the table's (see _lifted)
                if text and (not path or path[-1] != text) and not (
                    not keep_totals and r == len(grid) - 1 and _norm(text) in _TOTALS and c < 2
                ):
                    path.append(text)
            paths.append(tuple(path))
        return paths

    # -- the table ------------------------------------------------------------------------------------------
    def table(self) -> Table:
        header, body = self.split()
        paths = self.paths(header)
        template = self.template
        printed = [line.text for line in self.raw.notes]
        empty_note = next((n for n in printed if "无数据" in n or n.startswith("说明")), "")
        notes = tuple(n for n in printed if n != empty_note)
        if template.two_sided:
            rows, income_columns, columns = self.two_sided(paths, body)
        elif template.classified_by:
            columns, rows = self.classified(paths, body)
            income_columns = ()
        elif self.listed(paths):
            columns, rows = self.down(paths, body)
            income_columns = ()
        else:
            columns, rows = self.across(paths, body)
            income_columns = ()
        if self.unread:
            rows, income_columns, columns = self.without_unread(rows, income_columns, columns)
            if all(cell.is_blank for row in rows for cell in row.cells):
                # what is left prints nothing: no empty table (which must say 本表无数据), but a table not read
                raise ModelError(ImportReason(f"no figure of it is read ({len(self.unread)} cells not read)", f"其数字均未读入（{len(self.unread)}个单元格未读入）"))
        unit = self.raw.unit or "万元"
        if (shift := _TO_WAN.get(unit)) is not None:
            # every amount of an account is in 万元: a table printed in 元 is read in 万元 exactly, its printed
            # digits kept (12345.67元 is 1.234567万元, printed to the 元's 分), and the import says so
            rows = [attrs.evolve(row, cells=tuple(_scaled(cell, shift) for cell in row.cells)) for row in rows]
            self.issues.append(
                ImportIssue(_first_box(self.raw), f"单位：{unit}", ImportReason(f"{template.title} prints {unit}: read in 万元, exactly", f"{template.title}以{unit}为单位：按万元精确读入"))
            )
            unit = "万元"
        return Table(
            key=template.key,
            number=table_number([line.text for line in self.raw.heading]) or template.number,
            title=self.raw.title or template.title,
            unit=unit,
            columns=columns,
            income_columns=income_columns,
            rows=tuple(rows),
            notes=notes,
            empty_note=empty_note,
        )

    def without_unread(
        self, rows: list[Row], income_columns: tuple[str, ...], columns: tuple[str, ...]
    ) -> tuple[list[Row], tuple[str, ...], tuple[str, ...]]:
        """The rows and columns without each column (of its side) one of whose cells was printed but not read.

        Such a cell is no blank: a blank sums as 0, and a sum over it would be reported wrong (公布值：0) for what
        is only unread. The model keeps no unknown cell, so its whole column is absent — every check that needs it
        is skipped and says so — and each other figure of the column is named as not read, with the reason. A half
        of a two-sided table left with no column loses its rows, and the other half is kept.
        """

        def side(row: Row) -> tuple[bool, tuple[str, ...]]:
            income = row.side is Side.INCOME
            return income, income_columns if income else columns

        gone: dict[tuple[bool, str], Box | None] = {}
        for row in rows:
            income, printed = side(row)
            for column in printed:
                if (row.key, column) in self.unread:
                    gone.setdefault((income, column), self.unread[(row.key, column)])
        kept: list[Row] = []
        for row in rows:
            income, printed = side(row)
            cells = []
            for column, cell in zip(printed, row.cells, strict=True):
                if (income, column) not in gone:
                    cells.append(cell)
                    continue
                box = self.places.pop(Place(self.template.key, row.key, column), None)
                if (row.key, column) not in self.unread and not cell.is_blank:
                    where = gone[(income, column)]
                    which = "a cell of it" if where is None else f"its cell at {where}"
                    self.issues.append(
                        ImportIssue(box, cell.text, ImportReason(f"not read: column {column} of {self.template.title} is absent, as {which} is not read", f"未读入：{self.template.title}的{column}列缺失，因{which}未读入"))
                    )
            kept.append(attrs.evolve(row, cells=tuple(cells)))
        left = {True: tuple(c for c in income_columns if (True, c) not in gone), False: tuple(c for c in columns if (False, c) not in gone)}
        if self.template.two_sided:
            # a half of 表一 or 表四 whose every column is unread has no figure left: its rows go, the other half's stay
            # (a row of no cells was refused, and the whole table with it)
            for income, printed in ((True, income_columns), (False, columns)):
                if printed and not left[income]:
                    half = Side.INCOME if income else Side.EXPENDITURE
                    kept = [row for row in kept if (row.side is Side.INCOME) is not income]
                    where = next((box for (i, _), box in gone.items() if i is income), None)
                    self.issues.append(ImportIssue(where, "", ImportReason(f"the {half.zh} half of {self.template.title} has no column read; its rows are not read", f"{self.template.title}的{half.zh}部分没有读入任何列，其各行未读入")))
        return kept, left[True], left[False]

    def column_key(self, path: Sequence[str], side: Side | None) -> str | None:
        """The template column a header path names (the whole path, or its last part; a last part printed under
        another name, 金额 for 决算数, read as the template's name; or one of the column's ``other_names``)."""
        names = {_norm(name): c.key for c in self.template.columns_of(side) for name in (*c.other_names, c.name)}
        if any(_OTHER_FIGURE.search(_norm(part)) for part in path):
            return None
        if len(path) > 1 and _header(path[-1]) == _norm("合计") and _norm(path[-2]) in names:
            # the 小计 of a column the template has, split into parts beside it (Yunnan's 表五: 年初结转和结余 over
            # 小计 | 基本支出结转 | 项目支出结转和结余) is that column, not the table's 合计
            return names[_norm(path[-2])]
        paths = [path]
        if path and _header(path[-1]) != _norm(path[-1]):
            paths.append((*path[:-1], _header(path[-1])))
        for printed in paths:
            joined = _norm("".join(printed))
            for candidate in (joined, _norm(printed[-1]) if printed else ""):
                if candidate in names:
                    return names[candidate]
            for name, key in names.items():  # a header that prints more than the name (单位：万元 folded in)
                if name and joined.endswith(name):
                    return key
        return None

    def header_box(self, column: int) -> Box | None:
        """The place of a column's lowest header cell of its own (where an issue about the column points)."""
        header, _ = self.split()
        for row in reversed(header):
            if column < len(row) and row[column].text and row[column].box is not None:
                return row[column].box
        return None

    def unread_column(self, path: Sequence[str]) -> str:
        """Why a printed column is not read: a figure other than this year's 决算数, or one the template has not."""
        if any(_OTHER_FIGURE.search(_norm(part)) for part in path):
            return ImportReason(
                f"not this year's 决算数 (a budget, last year's figure or a change): a column {self.template.title} does "
                "not have; not read",
                f"不是本年决算数（预算数、上年数或增减）：{self.template.title}没有的列，未读入",
            )
        return ImportReason(f"a column {self.template.title} does not have", f"{self.template.title}没有的列")

    def cells(self, row: tuple[Cell, ...], positions: Sequence[int], table_row: str, keys: Sequence[str]) -> list[str]:
        texts = []
        for position, key in zip(positions, keys, strict=True):
            cell = row[position] if position < len(row) else Cell(None, None)
            if cell.text is None:  # no ruled cell of its own: merged into a neighbour, or never drawn
                left = next((c.box for c in reversed(row[:position]) if c.box is not None), None)
                # the place just right of its left neighbour: the page is known, and no printed cell is blamed
                where = None if left is None else Box(left.page, left.x1, left.top, left.x1, left.bottom)
                self.issues.append(
                    ImportIssue(where, table_row, ImportReason(f"no cell of its own in column {key} of {self.template.title} (merged or not ruled); read as blank", f"{self.template.title}的{key}列中没有自己的单元格（合并或无框线）：按空白读入"))
                )
            text, note = _amount_and_note(cell.text)
            if text in _BLANK_MARKS:  # a dash printed for nothing is a printed blank, as an empty cell is
                text = ""
            if note and _is_number(text):
                self.issues.append(ImportIssue(cell.box, cell.text or "", _noted(note, f"column {key} of {self.template.title}", f"{self.template.title}的{key}列")))
                if cell.box is not None:
                    self.noted[cell.box] = note
            if text and not _is_number(text):
                if text not in self.header_words:
                    self.issues.append(ImportIssue(cell.box, text, ImportReason(f"not a number in column {key} of {self.template.title}{_COLUMN_UNREAD}", f"{self.template.title}的{key}列中不是数字{_COLUMN_UNREAD_ZH}")))
                    self.unread[(table_row, key)] = cell.box
                text = ""
            elif text and (why := _unheld(text)) is not None:
                self.issues.append(ImportIssue(cell.box, text, ImportReason(f"not read ({why}) in column {key} of {self.template.title}{_COLUMN_UNREAD}", f"{self.template.title}的{key}列中未读入（{why}）{_COLUMN_UNREAD_ZH}")))
                self.unread[(table_row, key)] = cell.box
                text = ""
            texts.append(text)
            if cell.box is not None:
                self.places[Place(self.template.key, table_row, key)] = cell.box
        return texts

    def classified(self, paths: list[tuple[str, ...]], body: list[tuple[Cell, ...]]) -> tuple[tuple[str, ...], list[Row]]:
        """A table keyed by classification code: code and name columns, then amounts (maybe in two halves)."""
        if any(path and _norm(path[-1]) == "项目名称" for path in paths):
            # 科目编码 | 科目名称 | 项目名称 | 决算数 (many cities' 项目支出决算表): a project a row, several under one code
            raise ModelError(
                ImportReason(
                    "it lists projects (项目名称), not the template's rows by 类, 款 and 项: nothing is read",
                    "列的是项目（项目名称），不是模板中按类、款、项的行：均未读入",
                )
            )
        groups = self.halves(paths, body)
        if groups[0][1] == 0 and len(paths) > 1 and not paths[1]:
            # the 合计 over the second column is its header, not the label of a total row (see paths)
            paths = [*paths[:1], self.paths(self.split()[0], keep_totals=True)[1], *paths[2:]]
        rows: list[Row] = []
        columns: tuple[str, ...] = ()
        for code_at, name_at, amount_at in groups:
            keys = [self.column_key(paths[p], None) for p in amount_at]
            mapped = [(p, k) for p, k in zip(amount_at, keys, strict=True) if k is not None]
            for p, k in zip(amount_at, keys, strict=True):
                if not paths[p] and not any(p < len(row) and row[p].text for row in body):
                    continue  # no header and nothing printed: the second place of a name merged across two columns
                if k is None and not (paths[p] and _norm(paths[p][-1]) == _ROW_NUMBERS):
                    self.issues.append(ImportIssue(self.header_box(p), "/".join(paths[p]), self.unread_column(paths[p])))
            twice = [k for n, (_, k) in enumerate(mapped) if k in [key for _, key in mapped[:n]]]
            if twice:
                names = "、".join("/".join(paths[p]) for p, k in mapped if k == twice[0])
                column = self.template.column(twice[0]).name
                raise ModelError(
                    ImportReason(
                        f"its columns {names} would each be its {column} (several units or several figures side by "
                        "side): none is read",
                        f"其{names}列都会是其{column}（几个单位或几个数字并列）：均未读入",
                    )
                )
            if not mapped and amount_at:
                raise ModelError(ImportReason("it prints no column the template has (it is laid out otherwise): nothing is read", "没有模板中的列（版式不同）：均未读入"))
            if not columns:
                columns = tuple(k for _, k in mapped)
            above = ""  # the code of the coded row above: its 类 and 款 go on in a row printing only its own digits
            for row in body:
                printed = [row[p] for p in code_at if p < len(row)]
                code_cell = next((cell for cell in printed if cell.text), printed[0] if printed else row[0])
                pieces = [(cell.text or "").replace(" ", "") for cell in printed]
                code = _own_digits(pieces, above) or _joined_code(pieces)
                if _CODE.match(code):
                    above = code
                name = row[name_at].text if name_at < len(row) else None
                if not code and name and (m := _CODE_AND_NAME.match(name)):
                    code, name = m.group("code"), m.group("name")  # 207 文化旅游体育与传媒支出 in one cell
                if not code and not name:
                    continue
                key = self.row_key(code, name or "", rows)
                if key is None:
                    self.issues.append(ImportIssue(code_cell.box, f"{code} {name or ''}".strip(), ImportReason("a row that is neither a code nor a line of the template", "既非科目编码也非模板中的行")))
                    continue
                positions = [p for p, _ in mapped]
                if not _CODE.match(code) and len(positions) == 1:
                    positions = [_past_label(row, positions[0])]
                texts = self.cells(row, positions, key, [k for _, k in mapped])
                rows.append(Row(key=key, name=name or code, cells=tuple(parse_cell(t) for t in texts)))
        if len(groups) > 1:  # the halves' totals share the last printed row: both after the coded rows
            rows.sort(key=lambda row: row.code is None)
        return columns, rows

    def named_first(self, body: list[tuple[Cell, ...]]) -> bool:
        """Whether the first column prints each coded row's code and name together, the second an amount."""
        coded = [row for row in body if len(row) > 1 and _CODE_AND_NAME.match(row[0].text or "")]
        return bool(coded) and all(_is_number(row[1].text) or not (row[1].text or "").strip() for row in coded)

    def halves(self, paths: list[tuple[str, ...]], body: list[tuple[Cell, ...]]) -> list[tuple[range, int, list[int]]]:
        """(code columns, name column, amount columns) of each half: one half, or two when the code/name columns
        repeat (表六). The code is one column before the name, or several (类 | 款 | 项) before the first half's."""
        starts = [c for c, path in enumerate(paths) if path and ("科目名称" in path[-1] or path[-1].endswith("名称"))]
        if not starts:
            # no 名称 header: the name is in the second column, unless the first prints each row's code before its name
            # (项目 | 合计 | 基本支出 …, 207 文化旅游体育与传媒支出 | 90.00 | …): then the name is the first column's
            starts = [0] if self.named_first(body) else [1]
        groups = []
        for n, start in enumerate(starts):
            end = starts[n + 1] - 1 if n + 1 < len(starts) else len(paths)
            codes = range(0, start) if n == 0 else range(start - 1, start)
            groups.append((codes, start, list(range(start + 1, end))))
        return groups

    def row_key(self, code: str, name: str, rows: list[Row], side: Side | None = None) -> str | None:
        """A row's key: its code, a total line (合计), or the next template line its name matches."""
        if _CODE.match(code):
            return code
        label = _norm(code or name)
        if self.template.classified_by and label in _CODED_TOTALS:
            label = "合计"  # 本年支出合计 printed for 表三's total line
        lines = [line for line in self.template.lines if side is None or line.side in (side, None)]
        taken = {row.key for row in rows}
        for printed in (label, *_SAME_LINES.get(label, ())):
            for line in lines:
                if line.key in taken:
                    continue
                if _norm(line.name) == printed or (
                    printed in _TOTALS and line.kind is RowKind.TOTAL and _norm(line.name) in _TOTALS
                ):
                    return line.key
        if side is Side.EXPENDITURE:
            # a 类 the template does not list (债务还本支出 in a report of a year that has it): its code
            found = functional_table().find(_ENUMERATOR.sub("", name).strip(), level=Level.CLASS)
            if len(found) == 1 and found[0].code not in taken:
                return found[0].code
        return None

    def two_sided(
        self, paths: list[tuple[str, ...]], body: list[tuple[Cell, ...]]
    ) -> tuple[list[Row], tuple[str, ...], tuple[str, ...]]:
        """表一/表四: a 收入 half and a 支出 half, each a name column and amount columns."""
        split = next((c for c, path in enumerate(paths) if path and _norm(path[0]).startswith("支出")), len(paths) // 2)
        halves = ((Side.INCOME, range(0, split)), (Side.EXPENDITURE, range(split, len(paths))))
        rows: list[Row] = []
        columns_by_side: dict[Side, tuple[str, ...]] = {}
        for side, positions in halves:
            name_at = positions[0]
            amount_at = list(positions[1:])
            keys = [self.column_key(paths[p][1:] if len(paths[p]) > 1 else paths[p], side) for p in amount_at]
            mapped = [(p, k) for p, k in zip(amount_at, keys, strict=True) if k is not None]
            columns_by_side[side] = tuple(k for _, k in mapped)
            for p, k in zip(amount_at, keys, strict=True):
                if k is None and any(_OTHER_FIGURE.search(_norm(part)) for part in paths[p]):
                    self.issues.append(ImportIssue(self.header_box(p), "/".join(paths[p]), self.unread_column(paths[p])))
            if not mapped:  # no column of this half is one the template has: its rows cannot be read
                printed = "、".join(paths[p][-1] for p in amount_at if paths[p]) or "no column"
                self.issues.append(
                    ImportIssue(_first_box(self.raw), printed, ImportReason(f"the {side.zh} half of {self.template.title} prints no column the template has; its rows are not read", f"{self.template.title}的{side.zh}部分没有模板中的列，其各行未读入"))
                )
                continue
            for row in body:
                name = row[name_at].text if name_at < len(row) else None
                if not name:  # (a 行次 printed beside no name is no amount)
                    amounts = [row[p] for p, _ in mapped if p < len(row) and _is_number(row[p].text)]
                    if amounts:
                        self.issues.append(ImportIssue(amounts[0].box, "", ImportReason("an amount without a row name", "没有行名的金额")))
                    continue
                key = self.row_key("", name, rows, side)
                if key is None:
                    self.issues.append(ImportIssue(row[name_at].box, name, ImportReason(f"a {side.zh} row the template of {self.template.title} does not have", f"{self.template.title}模板中没有的{side.zh}行")))
                    continue
                texts = self.cells(row, [p for p, _ in mapped], key, [k for _, k in mapped])
                number = m.group() if (m := _ENUMERATOR.match(name)) else ""
                rows.append(
                    Row(key=key, name=name[len(number):].strip(), cells=tuple(parse_cell(t) for t in texts),
                        number=number.strip(), side=side)
                )
        return rows, columns_by_side[Side.INCOME], columns_by_side[Side.EXPENDITURE]

    def across(self, paths: list[tuple[str, ...]], body: list[tuple[Cell, ...]]) -> tuple[tuple[str, ...], list[Row]]:
        """表七: the template's lines printed across, one (line, column) per printed column."""
        columns = tuple(c.key for c in self.template.columns)
        column_names = {_norm(c.name): c.key for c in self.template.columns}
        values: dict[str, dict[str, tuple[str, Box | None]]] = {}
        names: dict[str, str] = {}
        data = [row for row in body if any(cell.text for cell in row)]
        if len(data) > 1:
            self.issues.append(ImportIssue(_first_box(self.raw), self.template.title, ImportReason("more than one row of figures; the first is read", "数字不止一行：读入第一行")))
        # a table printed empty keeps its row of blanks, with their places
        row = data[0] if data else body[0] if body else tuple(Cell("", None) for _ in paths)
        for position, path in enumerate(paths):
            if not path:
                continue
            # the column (预算数/决算数) under its line (Shanghai), or the line under its column (the central template)
            at = next((k for k in range(len(path) - 1, -1, -1) if _listed_header(path[k]) in column_names), None)
            column = None if at is None else column_names[_listed_header(path[at])]
            titles = {_norm(self.template.title), _norm(self.raw.title)}
            parts = [_SAME_ITEMS.get(_norm(p), p) for k, p in enumerate(path) if k != at and _norm(p) not in titles]
            label = _norm("".join(parts[-2:]))
            line = next((ln for ln in self.template.lines if _norm(ln.name) in (label, _norm(parts[-1]) if parts else "")), None)
            if line is None and parts:
                line = next((ln for ln in self.template.lines if _norm(ln.name) == _norm("".join(parts)) or _norm(ln.name) == _norm(parts[0] + parts[-1])), None)
            cell = row[position] if position < len(row) else Cell(None, None)
            if column is None or line is None:
                self.issues.append(ImportIssue(cell.box, "/".join(path), ImportReason(f"a column {self.template.title} does not have", f"{self.template.title}没有的列")))
                continue
            names[line.key] = line.name
            text, note = _amount_and_note(cell.text)
            if note and _is_number(text):
                self.issues.append(ImportIssue(cell.box, cell.text or "", _noted(note, f"{line.name} {column}", f"{line.name} {column}")))
                if cell.box is not None:
                    self.noted[cell.box] = note
            if text in _BLANK_MARKS:  # as in a table of lines: a dash printed for nothing is a printed blank
                text = ""
            values.setdefault(line.key, {})[column] = (text, cell.box)
        if values:  # a column the table does not print (决算数 alone) is absent, not a column of blanks
            columns = tuple(c for c in columns if any(c in printed for printed in values.values()))
        rows = []
        for line in self.template.lines:
            if line.key not in values:
                continue
            texts = []
            for column in columns:
                text, box = values[line.key].get(column, ("", None))
                if text and not _is_number(text):
                    self.issues.append(ImportIssue(box, text, ImportReason(f"not a number in {line.name} {column}{_COLUMN_UNREAD}", f"{line.name} {column}中不是数字{_COLUMN_UNREAD_ZH}")))
                    self.unread[(line.key, column)] = box
                    text = ""
                elif text and (why := _unheld(text)) is not None:
                    self.issues.append(ImportIssue(box, text, ImportReason(f"not read ({why}) in {line.name} {column}{_COLUMN_UNREAD}", f"{line.name} {column}中未读入（{why}）{_COLUMN_UNREAD_ZH}")))
                    self.unread[(line.key, column)] = box
                    text = ""
                texts.append(text)
                if box is not None:
                    self.places[Place(self.template.key, line.key, column)] = box
            rows.append(Row(key=line.key, name=names[line.key], cells=tuple(parse_cell(t) for t in texts)))
        return columns, rows

    def listed(self, paths: list[tuple[str, ...]]) -> bool:
        """Whether 表七 is printed as a list (项目 | 预算数 | 决算数, one item a row): a column is headed by a figure
        alone, no item of the template above or below it."""
        return any(path and all(_norm(part) in _THREE_PUBLIC_HEADERS for part in path) for path in paths)

    def down(self, paths: list[tuple[str, ...]], body: list[tuple[Cell, ...]]) -> tuple[tuple[str, ...], list[Row]]:
        """表七 printed as a list: the item's name in the first column, the template's 预算数 and 决算数 in the
        columns so headed (one of each; two budgets, 年初 and 全年, make 全年 the 预算数), any other column an issue."""
        columns = tuple(c.key for c in self.template.columns)
        by_name = {_norm(c.name): c.key for c in self.template.columns}
        headed = {p: _THREE_PUBLIC_HEADERS.get(_norm(path[-1])) if path else None for p, path in enumerate(paths)}
        at: dict[str, int] = {}
        for p, header in headed.items():
            if header is None or p == 0:
                continue
            key = by_name[_norm(header)]
            if key in at and _norm(paths[p][-1]) != "全年预算数":
                continue  # the first 预算数 column, unless the year's whole budget comes later
            at[key] = p
        for p, path in enumerate(paths):
            if p and p not in at.values() and path and _norm(path[-1]) != _ROW_NUMBERS:
                self.issues.append(ImportIssue(self.header_box(p), "/".join(path), self.unread_column(path)))
        printed = tuple(c for c in columns if c in at)  # a column not printed (no 预算数 beside 本年决算数) is absent
        rows: list[Row] = []

        def figures(row: tuple[Cell, ...]) -> bool:
            return any(_is_number(row[p].text) for p in at.values() if p < len(row))

        for k, row in enumerate(body):
            name = (row[0].text or "").strip() if row else ""
            if not name:
                continue
            line = self.item(name, rows)
            if line is None:
                if figures(row):
                    self.issues.append(ImportIssue(row[0].box, name, ImportReason(f"a row the template of {self.template.title} does not have", f"{self.template.title}模板中没有的行")))
                continue
            if not figures(row) and any(
                figures(later) and self.item((later[0].text or "").strip(), rows) is line for later in body[k + 1 :] if later
            ):
                continue  # a heading over the line's own row (一、“三公”经费支出 over （一）支出合计): the row below prints it
            texts = self.cells(row, [at[c] for c in printed], line.key, list(printed))
            rows.append(Row(key=line.key, name=line.name, cells=tuple(parse_cell(t) for t in texts)))
        order = [line.key for line in self.template.lines]
        rows.sort(key=lambda r: order.index(r.key))
        return printed, rows

    def item(self, name: str, rows: list[Row]) -> TemplateLine | None:
        """The template line a listed item names (1、因公出国（境）费, 其中：（1）公务用车购置费, 公务用车购置及运行费
        as the template's 公务用车购置及运行维护费 小计), if no row has taken it yet."""
        label = _norm(_ITEM_OPENING.sub("", name.strip()))
        label = _norm(_SAME_ITEMS.get(label, label))
        if label in _THREE_PUBLIC_TOTALS:
            label = "合计"
        taken = {row.key for row in rows}
        for line in self.template.lines:
            if line.key not in taken and _norm(line.name) in (label, label + "小计"):
                return line
        return None
