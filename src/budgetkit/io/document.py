"""A published report read as a document: its pages, paragraphs, tables and numbers, each with its place.

This is the first step of importing a report (extra ``import``): :func:`read_pdf` reads a PDF made from
Word/WPS — the way 决算 are published — into a :class:`Document` of plain data, before anything is
interpreted. Nothing is lost and nothing is guessed here:

- every **paragraph** of running text is kept as printed, with the page and box of each of its lines
  (lines are joined into paragraphs by their indentation, across page breaks);
- every ruled **table** is kept cell by cell, blanks as blanks (``""``) and the empty places of merged
  cells as ``None``; a table continued on the next page without a title of its own is joined to the
  one before it; the lines printed just above a table (its title, ``单位：万元``) and just below it
  (``注：本表…``) are kept with it;
- every **number** printed anywhere is listed (:meth:`Document.numbers`), so that an importer can
  account for each one: imported, or reported as not understood.

Places are :class:`Box` values: a page number (from 1) and the box in PDF points from the top-left
corner, so a finding can say "第12页" and a review page can highlight the cell.

A document is plain data; an importer reads it, and tests can build one by hand:

>>> line = Line("收入支出总计9859.38万元，增长12.08%。", Box(20, 90.0, 111.0, 506.0, 126.0))
>>> doc = Document("report.pdf", 30, (Paragraph(line.text, (line,)),), ())
>>> [(n.text, str(n.box)) for n in doc.numbers()]
[('9859.38', '第20页'), ('12.08%', '第20页')]
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

import attrs

from budgetkit._files import problem, read_head
from budgetkit._regex import Lazy
from budgetkit.errors import LoadError, LoadIssue, MissingExtraError
from budgetkit.reference.vocabulary import SECTION_TITLES, SHANGHAI_SECTION_TITLES

__all__ = ["FOOTNOTE_MARK", "Box", "Cell", "Document", "Line", "NumberToken", "Paragraph", "RawTable", "Turn", "full_width_marks", "half_width_numbers", "heading_lines", "is_note", "letters_joined", "national_layout", "numeral", "numeral_value", "page_number", "printed_numbers", "read_pdf", "table_furniture", "table_note", "table_number", "table_title", "text_paragraphs", "unified_characters", "unit_of", "without_table_tag", "without_unit"]

#: Most pages a document may have: a 决算 runs to a few dozen, a whole department's volume to a few hundred.
MAX_PAGES = 2000
#: Most characters of text a document may have (about 1,000 pages of dense text).
MAX_CHARS = 2_000_000

#: A number as printed: optional sign, digits with optional thousands separators, optional decimals,
#: optional percent sign; not preceded by a Latin letter, digit or point (Chinese characters may touch it:
#: 总计9859.38万元). A classification code like 2080501 is a number too.
_NUMBER = re.compile(r"(?<![0-9A-Za-z.])[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?")
_UNIT_LINE = re.compile(r"^\s*(?:金额)?单位\s*[:：]\s*(\S+)\s*$")
#: A money unit printed at the end of a longer line (部门：示例局　　金额单位：万元), never the 编制单位 or 填报单位 itself.
_MONEY_UNIT: Final = Lazy(r"(?<!编制)(?<!填报)(?:金额)?单位\s*[:：]\s*(百万元|千元|万元|亿元|元)(?![\u4e00-\u9fff])")
_NOTE_LINE = re.compile(r"^\s*(?:注|说明)\s*[:：]")
#: The money unit as a heading line prints it, in brackets after a title or alone.
_UNIT_PART = re.compile(r"[（(]?\s*(?:金额)?单位\s*[:：]\s*(?:百万元|千元|万元|亿元|元)\s*[)）]?")
#: A report's own title (示例局2023年度部门决算, …决算公开说明): a year, 决算, and no table named at its end.
_REPORT_TITLE = re.compile(r"(?:19|20)\d{2}\s*年.*决算(?!.*表$)")
#: An amount as a table prints it (with its decimals): what an empty table prints none of.
_AMOUNT = re.compile(r"\d\.\d")
#: What a note says of an empty table (本表无数据, 本表为空, 本单位无政府性基金预算财政拨款收入、支出…).
_EMPTY_NOTE = re.compile(r"无数据|本表为空|空表|(?:无|没有)[^，。；]*(?:收入|支出|经费)")
#: The line above a table that names who made it (部门：示例局, 编制单位：…, 单位名称：…): never its title.
_MAKER_LINE = re.compile(r"^\s*(?:编制单位|填报单位|单位名称|部门名称|部门|单位)\s*[:：]")
#: A numeral of a table's number: not the 一 of 一般 nor the 三 of 三公 of a title glued to it (表五一般公共预算…,
#: 表七三公经费…), where the number stops and the title starts.
_NUMERAL = r"[一二三四五六七八九十](?![般公])"
#: The number a table's heading prints: 公开09表, 表9, 表九, 附表3 anywhere in a line, or 九、 opening it.
#: A number in two parts (表1-3, a volume's first part) names no table of the set by itself: no number.
_TABLE_NUMBER: Final = Lazy(
    r"公开\s*(?P<tag>\d{1,2})\s*表|公开表\s*(?P<tagged>\d{1,2})(?![\d\-－—])"
    rf"|(?<![\u4e00-\u9fff])附?表\s*(?P<n>\d{{1,2}}|(?:{_NUMERAL}){{1,3}})(?![\d\-－—]|{_NUMERAL})"
    r"|^\s*(?P<lead>[一二三四五六七八九十]{1,3})\s*、"
)
#: A table's number printed after its title or on a line of its own: （公开01表）, （公开表1）, 表1, （表一）, 附表3,
#: 表1-3.
_TABLE_TAG = re.compile(
    r"[（(]?\s*(?:公开\s*\d+\s*表|(?:公开|附)?表\s*[0-9一二三四五六七八九十]+(?:\s*[-－—]\s*\d+)?)\s*[）)]?\s*$"
)
#: The same number printed before the title: 公开01表　收入支出决算总表, 表3：支出决算表.
_TABLE_TAG_LEAD = re.compile(rf"^\s*(?:公开\s*\d+\s*表|(?:公开|附)?表\s*(?:[0-9]|{_NUMERAL})+)\s*[：:、.]?\s*(?=\S)")
_SPACES = re.compile(r"\s+")
#: A character whose font maps it to no Unicode, as pdfminer writes it: its glyph number
_UNMAPPED: Final = re.compile(r"\(cid:\d+\)")
#: The share of a document's characters that may be unmapped before it cannot be read (a symbol or two may be)
_UNMAPPED_SHARE: Final = 0.1
_UNMAPPED_PROBLEM: Final = (
    "its text cannot be read: the PDF's fonts map {share:.0%} of its characters to no Unicode (they read as "
    "(cid:N)); export the PDF again from the source document with the fonts' Unicode mapping kept (ToUnicode), or "
    "read it by OCR"
)
#: A line that starts a heading or a numbered point: 第三部分 (第3部分), 一、, （一）, 1、 or 1. — a new
#: paragraph, except a point in digits that follows a line ending mid-sentence (see :func:`_opens`).
_HEADING_START: Final = Lazy(
    r"^(?:第\s*(?:[一二三四五六七八九十]+|\d{1,2})\s*部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|(?P<digits>\d+[、.．](?!\d)))"
)
#: How a sentence or clause ends: a numbered point comes after one of these (or after a short line).
_CLAUSE_END = ("。", "；", "：", ";", ":", "！", "？", "!", "?")
#: A part heading in any numbering (第三部分, 第3部分), a numbered section heading of the 情况说明 in digits,
#: and the title of a self-evaluation table: what :func:`national_layout` renumbers.
_NUMERALS = "一二三四五六七八九十"
#: A number of 1 to 99 in Chinese numerals (三, 十二, 二十): a heading's number. Not 一一, which a font printed bold
#: by drawing each character twice gives for 一.
NUMERAL: Final = r"(?:[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])(?![一二三四五六七八九十])"
_PART_HEADING: Final = Lazy(rf"^\s*第\s*(?P<n>{NUMERAL}|\d{{1,2}})\s*部分\s*(?P<title>.*)$")
_SECTION_DIGIT = re.compile(r"^\s*(?P<n>\d{1,2})\s*、\s*(?P<title>.{2,38}说明)\s*$")
#: A section heading of the 情况说明 in Chinese numerals (五、…), printed or renumbered.
_SECTION_NUMERAL: Final = Lazy(rf"^\s*(?P<n>{NUMERAL})、")
#: A point of a section's text, numbered in digits (1、…, 2.…).
_POINT = re.compile(r"^\s*(?P<n>\d{1,2})\s*[、.．](?!\d)")
#: The titles of the template's sections: a heading in digits that prints one is a section, whatever its number.
_SECTION_TITLES = frozenset((*SECTION_TITLES, *SHANGHAI_SECTION_TITLES))
_SELF_EVALUATION = re.compile(r"^\s*(?:部门预算)?项目支出绩效自评表|^\s*部门整体支出绩效自评表")


@attrs.frozen
class Box:
    """A place on a page: ``page`` counts from 1; the box is in PDF points from the page's top-left corner."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float

    def __str__(self) -> str:
        return f"第{self.page}页"


@attrs.frozen
class Turn:
    """How a page shown sideways (its text runs down or up the page as shown) was turned a quarter to be read.

    A page's places are read in the upright frame; :meth:`shown` takes a box back to the page as it is shown (and
    as a renderer draws it). ``width`` and ``height`` are the shown page's, in points.

    >>> turn = Turn(clockwise=True, width=595.0, height=842.0)
    >>> turn.shown(Box(3, 100.0, 20.0, 300.0, 35.0))
    Box(page=3, x0=560.0, top=100.0, x1=575.0, bottom=300.0)
    >>> Turn(clockwise=False, width=595.0, height=842.0).shown(Box(3, 100.0, 20.0, 300.0, 35.0))
    Box(page=3, x0=20.0, top=542.0, x1=35.0, bottom=742.0)
    """

    clockwise: bool  #: the text reads top to bottom as shown
    width: float
    height: float

    def shown(self, box: Box) -> Box:
        """``box`` (in the upright frame the page was read in) on the page as shown."""
        if self.clockwise:  # read at (top, width - x): shown x = width - upright top, shown top = upright x
            x0, top, x1, bottom = self.width - box.bottom, box.x0, self.width - box.top, box.x1
        else:  # read at (height - top, x): shown x = upright top, shown top = height - upright x
            x0, top, x1, bottom = box.top, self.height - box.x1, box.bottom, self.height - box.x0
        return Box(box.page, round(x0, 1), round(top, 1), round(x1, 1), round(bottom, 1))


def _frozen_turns(turns: Mapping[int, Turn]) -> Mapping[int, Turn]:
    return MappingProxyType(dict(turns))


@attrs.frozen
class Line:
    """One printed line of text and its box."""

    text: str
    box: Box


@attrs.frozen
class Paragraph:
    """A paragraph of running text (outside the tables), its lines joined; ``lines`` keep every line's place."""

    text: str
    lines: tuple[Line, ...]

    @property
    def pages(self) -> tuple[int, ...]:
        """The pages the paragraph is printed on."""
        return tuple(sorted({line.box.page for line in self.lines}))


@attrs.frozen
class Cell:
    """One table cell: ``text`` as printed (``""`` for a printed blank), with its box.

    ``text`` is ``None`` where a merged cell leaves no cell of its own.
    """

    text: str | None
    box: Box | None


@attrs.frozen
class RawTable:
    """A ruled table as printed, before interpretation: rows of cells, and the lines around it.

    ``title`` is the last line above the table that is neither its unit (``单位：万元``, kept in
    ``unit``) nor a report-level heading; ``heading`` keeps every line between the previous table
    (or the top of the page) and this one; ``notes`` the ``注：…`` lines below it. A table continued
    over several pages is one ``RawTable`` whose ``pages`` lists them. A table printed without ruling lines
    (``unruled``) is given as a ruled one would be: its cells boxed by where its columns and rows print.
    """

    rows: tuple[tuple[Cell, ...], ...]
    pages: tuple[int, ...]
    title: str | None = None
    unit: str | None = None
    heading: tuple[Line, ...] = ()
    notes: tuple[Line, ...] = ()
    #: whether the table was printed without (all) ruling lines, and read from the alignment of its words
    unruled: bool = False

    @property
    def width(self) -> int:
        """The number of columns (the widest row)."""
        return max((len(row) for row in self.rows), default=0)

    def texts(self) -> list[list[str | None]]:
        """The cells' texts, row by row (``None`` for the empty places of merged cells)."""
        return [[cell.text for cell in row] for row in self.rows]


@attrs.frozen
class NumberToken:
    """A number printed somewhere in the document: its text as printed and where."""

    text: str
    box: Box
    #: "table" for a table cell, "text" for running text, "heading" or "note" for the lines around a table
    where: str


@attrs.frozen
class Document:
    """A document's paragraphs and tables in reading order, and where it came from."""

    source: str
    pages: int
    paragraphs: tuple[Paragraph, ...]
    tables: tuple[RawTable, ...]
    #: pages that are images with no text layer (scanned): nothing on them is read, as OCR is not done
    image_pages: tuple[int, ...] = ()
    #: pages shown sideways, read turned back upright: their boxes are in the upright frame (:meth:`Turn.shown`)
    turns: Mapping[int, Turn] = attrs.field(factory=dict, converter=_frozen_turns)

    def shown(self, box: Box) -> Box:
        """A box of the document on its page as shown: itself, unless the page was read turned (:attr:`turns`)."""
        turn = self.turns.get(box.page)
        return box if turn is None else turn.shown(box)

    def numbers(self) -> Iterator[NumberToken]:
        """Every number printed in the document, with its place (table cells, text, headings and notes).

        >>> doc = Document("x.pdf", 1, (Paragraph("收入9.50万元，增长1.2%", (Line("收入9.50万元，增长1.2%", Box(1, 0, 0, 9, 9)),)),), ())
        >>> [n.text for n in doc.numbers()]
        ['9.50', '1.2%']
        """
        for paragraph in self.paragraphs:
            for line in paragraph.lines:
                for text in printed_numbers(line.text):
                    yield NumberToken(text, line.box, "text")
        for table in self.tables:
            for line in table.heading:
                for text in printed_numbers(line.text):
                    yield NumberToken(text, line.box, "heading")
            for row in table.rows:
                for cell in row:
                    if cell.text and cell.box is not None:
                        for text in printed_numbers(cell.text):
                            yield NumberToken(text, cell.box, "table")
            for line in table.notes:
                for text in printed_numbers(line.text):
                    yield NumberToken(text, line.box, "note")


def printed_numbers(text: str) -> list[str]:
    """The numbers of ``text`` as printed, each found as its ASCII form is (１，０５４．９０ is one number, not three).

    >>> printed_numbers("收入１，０５４．９０万元，增长1.2%")
    ['１，０５４．９０', '1.2%']
    """
    return [text[m.start() : m.end()] for m in _NUMBER.finditer(half_width_numbers(text))]


# -- text lines ---------------------------------------------------------------------------------------------


def text_paragraphs(lines: Sequence[Line]) -> tuple[Paragraph, ...]:
    """A text's non-empty lines as paragraphs: one a line, unless the text is hard-wrapped.

    Text saved from Word prints a paragraph a line. Text taken from a PDF (``pdftotext``, a copy of the
    page) breaks every paragraph at the page's margin, so most of its long lines are about one width
    (counting a Chinese character as two columns). In such a text a line about that wide that ends
    mid-sentence runs on into the next, unless the next opens a heading or a numbered point — the
    rule the PDF reader applies to a line that reaches the margin.

    >>> body = "本年收入合计九千八百五十九万元，比上年增加一千零六十三万元，主要是项目支出增加。" * 8
    >>> texts = ["一、收入支出决算总体情况说明", *(body[i : i + 27] for i in range(0, len(body), 27))]
    >>> lines = [Line(t, Box(1, 0.0, n - 1.0, float(len(t)), float(n))) for n, t in enumerate(texts, 1)]
    >>> [len(p.lines) for p in text_paragraphs(lines)], text_paragraphs(lines)[1].text == body
    ([1, 12], True)
    """
    width = _wrap_width([line.text for line in lines])
    paragraphs: list[Paragraph] = []
    run: list[Line] = []
    for line in lines:
        if run and not (width is not None and _runs_on(run[-1].text, width) and not _opens(line, run)):
            paragraphs.append(Paragraph("".join(item.text for item in run), tuple(run)))
            run = []
        run.append(line)
    if run:
        paragraphs.append(Paragraph("".join(item.text for item in run), tuple(run)))
    return tuple(paragraphs)


def _columns(text: str) -> int:
    """How wide ``text`` prints: a Chinese (wide) character two columns, others one."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


_CLAUSE_MARKS: Final = re.compile(r"[，。；：,;:]")


def _wrap_width(texts: Sequence[str]) -> int | None:
    """The width a hard-wrapped text breaks its lines at, or ``None`` when it prints a paragraph a line.

    Wrapped: of the lines at least 24 columns wide, 30% or more (and at least 10) are within a few columns
    of the commonest width. A text from Word prints lines of every length (a tenth of them near any one).
    Headings (a line with no clause mark: （二）一般公共预算财政拨款支出决算结构情况) are not counted: the many of one
    template's length made a text a paragraph a line look wrapped at theirs (Ningxia).
    """
    widths = [w for text in texts if (w := _columns(text)) >= 24 and _CLAUSE_MARKS.search(text)]
    if not widths:
        return None
    common = Counter(widths).most_common(1)[0][0]
    near = sum(1 for w in widths if common - 6 <= w <= common + 2)
    return common if near >= 10 and near >= 0.3 * len(widths) else None


def _runs_on(text: str, width: int) -> bool:
    """Whether a line of a text wrapped at ``width`` runs on into the next: it reaches the margin mid-sentence."""
    return width - 6 <= _columns(text) and not text.rstrip().endswith(_CLAUSE_END)


# -- the national layout ------------------------------------------------------------------------------------


def _part_number(title: str) -> str | None:
    """The national part a part heading's title names (一 概况 … 五 附件), or ``None`` when it names none."""
    if "情况说明" in title or "决算说明" in title:
        return "三"
    if "名词解释" in title:
        return "四"
    if "决算表" in title or "公开表" in title or "报表" in title:  # 部门决算报表 comes after the 说明 in some provinces
        return "二"
    if "概况" in title:
        return "一"
    if "附件" in title or "自评" in title:
        return "五"
    return None


def numeral_value(printed: str) -> int:
    """A heading's printed number (digits, or Chinese numerals as :data:`NUMERAL` matches): 3 → 3, 三 → 3, 十二 → 12.

    >>> [numeral_value(n) for n in ("4", "四", "十", "十二", "二十")]
    [4, 4, 10, 12, 20]
    """
    if printed.isdigit():
        return int(printed)
    tens, ten, units = printed.rpartition("十")
    if not ten:
        return _NUMERALS.index(printed) + 1
    return 10 * (_NUMERALS.index(tens) + 1 if tens else 1) + (_NUMERALS.index(units) + 1 if units else 0)


def numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 25 → 二十五."""
    if n <= 10:
        return _NUMERALS[n - 1]
    if n < 20:
        return "十" + (_NUMERALS[n % 10 - 1] if n % 10 else "")
    return _NUMERALS[n // 10 - 1] + "十" + (_NUMERALS[n % 10 - 1] if n % 10 else "")


def national_layout(paragraphs: Sequence[Paragraph]) -> tuple[Paragraph, ...]:
    """Paragraphs read in the national layout, whatever the report's own numbering.

    The national layout puts the 情况说明 in 第三部分 and the 名词解释 in 第四部分; Sichuan's 单位决算说明 puts
    the 情况说明 in 第二部分 (it publishes its tables apart) and numbers parts and sections loosely
    (``第3部分``, ``1、 收入决算情况说明`` beside ``五、…``). Here each part heading is numbered by what it
    is (概况 一, 决算表 二, 情况说明 三, 名词解释 四, 附件 五; a part that is none of them keeps its number, or is
    numbered past them when a named part takes that number), a section heading of the 情况说明 numbered in
    digits gets its Chinese numeral (a "1、…说明" that neither goes on from the section before it nor names a
    section of the template is a point of that section's text, and stays as printed), and the self-evaluation tables printed after the 名词解释 open a part of
    their own. A 说明 printed without any part heading is taken for a 情况说明 throughout. A report already
    in the national layout is returned as it is. Only the paragraphs' reading
    changes: each line keeps its text and place as printed. Every importer (PDF, text, web page) reads
    through it.

    >>> def para(text):
    ...     return Paragraph(text, (Line(text, Box(1, 0, 0, 9, 9)),))
    >>> [p.text for p in national_layout([para("第二部分 2023年度单位决算情况说明"), para("1、 收入决算情况说明")])]
    ['第三部分 2023年度单位决算情况说明', '一、收入决算情况说明']
    >>> [p.text for p in national_layout([para("第二部分 2023年度部门决算情况说明"), para("第三部分 2023年度部门决算报表")])]
    ['第三部分 2023年度部门决算情况说明', '第二部分 2023年度部门决算报表']
    >>> [p.text for p in national_layout([para("第二部分 情况说明"), para("十、其他重要事项的情况说明"), para("1、绩效自评结果说明")])]
    ['第三部分 情况说明', '十、其他重要事项的情况说明', '1、绩效自评结果说明']
    """
    out: list[Paragraph] = []
    # A 说明 printed without part headings is all 情况说明: its sections are numbered as part 三's are.
    headings = [m for paragraph in paragraphs if (m := _PART_HEADING.match(paragraph.text))]
    part: str | None = None if headings else "三"
    # the national parts the headings that say what they are take, and the printed numbers they take them from
    claimed: dict[str, set[int]] = {}
    for m in headings:
        if (known := _part_number(m.group("title"))) is not None:
            claimed.setdefault(known, set()).add(numeral_value(m.group("n")))
    # the numbers of the last section heading of part 三 and of the last point of its text: a section heading in
    # digits goes on from the one, a point from the other
    section = point = 0
    for paragraph in paragraphs:
        text = paragraph.text
        if m := _PART_HEADING.match(text):
            n = _part_number(m.group("title"))
            if n is None:  # a part that does not say what it is keeps its number, unless another part is that one
                printed = numeral_value(m.group("n"))
                n = numeral(printed)
                if n in claimed and printed not in claimed[n]:  # (第四部分 联系方式 beside 第三部分 名词解释)
                    n = numeral(5 + printed)
            part = n
            text = f"第{n}部分 {m.group('title')}".rstrip()
            section = point = 0
        elif part == "三" and (s := _SECTION_DIGIT.match(text)) and _is_section(int(s.group("n")), s.group("title"), section, point):
            text = f"{numeral(int(s.group('n')))}、{s.group('title')}"
        elif part in ("三", "四") and _SELF_EVALUATION.match(text):
            part = "五"
            text = f"第五部分 {text}"
        if part == "三" and (c := _SECTION_NUMERAL.match(text)):
            section, point = numeral_value(c.group("n")), 0
        elif part == "三" and (d := _POINT.match(text)):
            point = int(d.group("n"))
        out.append(attrs.evolve(paragraph, text=text) if text != paragraph.text else paragraph)
    return tuple(out)


def _is_section(n: int, title: str, section: int, point: int = 0) -> bool:
    """Whether a paragraph printed "n、…说明" is a section heading of the 情况说明 (Sichuan numbers its sections so):
    its title is one of the template's sections', or it goes on from the section before it (numbered ``section``)
    and not from the last point of that section's text (numbered ``point``, 0 for none). A point (1、…原因说明
    under 十、其他重要事项的情况说明, 2、…说明 after a point 1、) is not.

    >>> _is_section(2, "收入决算情况说明", 1, 1), _is_section(9, "国有资本经营预算支出决算情况说明", 3)
    (True, True)
    >>> _is_section(2, "财政拨款收支情况说明", 1), _is_section(2, "财政拨款收支情况说明", 1, 1)
    (True, False)
    >>> _is_section(1, "绩效自评结果说明", 10), _is_section(3, "绩效自评结果说明", 1)
    (False, False)
    """
    if not 1 <= n <= 20:
        return False
    return "".join(title.split()) in _SECTION_TITLES or (n == section + 1 and not (point and n == point + 1))


def read_pdf(path: str | Path, *, max_pages: int = MAX_PAGES) -> Document:
    """Read a PDF report into a :class:`Document` (needs the ``import`` extra: pdfplumber).

    A file that cannot be read as a report — not a PDF, damaged, encrypted, more than ``max_pages``
    pages, or scanned images with no text layer (OCR is not done) — raises
    :class:`~budgetkit.errors.LoadError` naming the file and what is wrong.

    >>> read_pdf(Path(__file__))
    Traceback (most recent call last):
    ...
    budgetkit.errors.LoadError: cannot load .../document.py: 1 problem
      file: not a PDF file (it does not start with %PDF-)
    """
    source = str(path)
    try:
        magic = read_head(path, 1024)  # a regular file only: a FIFO would block open()
    except OSError as exc:
        raise LoadError(source, [LoadIssue("file", problem(exc))]) from None
    if b"%PDF-" not in magic:
        raise LoadError(source, [LoadIssue("file", "not a PDF file (it does not start with %PDF-)")])
    pdfplumber = _pdfplumber()
    try:
        pdf = pdfplumber.open(path)
    except Exception as exc:  # pdfminer raises many unrelated types for damaged or encrypted files
        raise LoadError(source, [LoadIssue("file", _open_problem(exc))]) from None
    try:
        try:
            count = len(pdf.pages)
        except Exception as exc:
            raise LoadError(source, [LoadIssue("file", _open_problem(exc))]) from None
        if count > max_pages:
            raise LoadError(source, [LoadIssue("file", f"{count} pages; at most {max_pages} are read")])
        reader = _Reader(source)
        for number, page in enumerate(pdf.pages, start=1):
            try:
                reader.page(number, page)
            except LoadError:
                raise
            except Exception as exc:  # a damaged page: name it
                raise LoadError(source, [LoadIssue(f"page {number}", f"cannot be read ({type(exc).__name__})")]) from None
            finally:
                page.close()  # drop the page's parsed objects: what is kept of a page is its text and its cells
        return reader.document(count)
    finally:
        # pdfplumber's close() lists the pages again: on a file whose page tree is damaged that raises once more,
        # and would replace the LoadError above with pdfminer's own exception
        with contextlib.suppress(Exception):
            pdf.close()


def _square(page: Any) -> None:
    """Round the ends of the page's ruling lines and of its drawn outlines to 1/1000 pt, in place, before its
    tables are looked for.

    pdfplumber takes a line for horizontal only when both ends have exactly the same height (and an outline's side
    alike). A page drawn through a rotation computed in floating point (``6.1e-17 1 -1 6.1e-17 … cm``, as some
    tools write a quarter turn) sets the ends of a horizontal rule 1e-14 pt apart: every rule then counts as a short
    vertical one (a cell's box as a curve with no side level), and the page's tables are lost. No printed rule is
    drawn 1/1000 pt out of level.
    """
    objects = page.objects
    for line in objects.get("line", ()):
        for key in ("x0", "x1", "top", "bottom"):
            line[key] = round(line[key], 3)
    for curve in objects.get("curve", ()):
        curve["pts"] = [(round(x, 3), round(y, 3)) for x, y in curve["pts"]]


#: The share of a page's characters that must be turned a quarter for the page to be read turned back upright
_TURNED_SHARE: Final = 0.8


def _upright(page: Any) -> Any:
    """The page as read upright: itself, or — when most of its characters are turned a quarter (a landscape table
    printed on a portrait page, shown sideways) — a page of the same objects turned back a quarter, so that its
    lines run across and its tables are found. Places on such a page are in the upright page's frame."""
    chars = page.chars
    turned = [c["matrix"][1] for c in chars if _level(c["matrix"][1], c["matrix"][0])]
    if not chars or len(turned) < _TURNED_SHARE * len(chars):
        return page
    return _turned_class()(page, clockwise=sum(1 if b < 0 else -1 for b in turned) > 0)


def _unify_characters(page: Any) -> None:
    """Read a page's characters printed with a radical's code point as the characters they print
    (:func:`unified_characters`): in place, before its lines, words and tables are made of them."""
    for char in page.chars:
        text = char["text"]
        if _ODD_FORM.match(text):
            char["text"] = unified_characters(text)


#: How far apart (points, across and down) two strikes of one character may be to be one character printed twice
_STRIKE_GAP: Final = 1.0


def _single_strike(page: Any) -> Any:
    """The page with each character drawn twice in one place read once.

    A bold face a font lacks is often printed by drawing each character twice, a fraction of a point apart: its text
    would read 第第一一部部分分. A character of the same text, font and size within :data:`_STRIKE_GAP` of one drawn
    before it is that one's second strike. In one pass over the characters (pdfplumber's ``dedupe_chars`` does the
    same, but in time growing with the square of a page's characters).
    """
    kept: dict[tuple[Any, ...], list[tuple[float, float]]] = {}
    doubled: set[int] = set()
    for char in page.chars:
        x, y = char["x0"], char["doctop"]
        key = (char["text"], char["fontname"], char["size"], char["upright"])
        column, row = int(x // _STRIKE_GAP), int(y // _STRIKE_GAP)
        if any(
            abs(px - x) <= _STRIKE_GAP and abs(py - y) <= _STRIKE_GAP
            for dx in (-1, 0, 1)
            for dy in (-1, 0, 1)
            for px, py in kept.get((*key, column + dx, row + dy), ())
        ):
            doubled.add(id(char))
        else:
            kept.setdefault((*key, column, row), []).append((x, y))
    if not doubled:
        return page
    return page.filter(lambda obj: obj.get("object_type") != "char" or id(obj) not in doubled)


#: What a note mark raised after a figure or a word prints: digits, letters, stars, daggers, circled numbers, brackets
_MARK_CHARACTERS: Final = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ*＊※†‡()（）[]［］") | frozenset(
    map(chr, range(ord("①"), ord("⑳") + 1))
)
#: A mark is set at most this share of the size of the character it follows, and raised by at least that share of
#: that size (Word and WPS set a superscript at about two thirds of the size, reportlab at 0.8, raised a third)
_MARK_SIZE: Final = 0.85
_MARK_RISE: Final = 0.2


def _without_superscripts(page: Any) -> Any:
    """The page without the note marks set as superscripts: small characters raised right after a character of the
    text (307.82¹, 其他支出²).

    pdfplumber reads a raised character into the line above it, and a table cell's lines are joined: a cell printing
    307.82 with the note mark 1 raised after it was read as 1307.82, a figure a thousand more, without a word. A mark
    says where its note is; the note is text. A run of marks (¹²) goes with the first. Only upright characters: a
    page turned a quarter keeps its marks.
    """
    chars = [c for c in page.chars if c.get("upright", True)]
    ends: dict[int, list[dict[str, Any]]] = {}
    for char in chars:
        ends.setdefault(int(char["x1"]), []).append(char)
    raised: set[int] = set()

    def after(char: dict[str, Any], mark: bool) -> bool:
        """Whether ``char`` is a mark set after a character of the text (``mark``: after a mark of its run)."""
        x = char["x0"]
        for end in range(int(x) - 1, int(x) + 2):
            for base in ends.get(end, ()):
                if base is char or (id(base) in raised) is not mark or not -0.5 <= x - base["x1"] <= 0.5 * base["size"]:
                    continue
                if mark:
                    if abs(base["size"] - char["size"]) < 0.1 and abs(base["bottom"] - char["bottom"]) < 0.5:
                        return True
                elif char["size"] <= _MARK_SIZE * base["size"] and base["top"] < char["bottom"] <= base["bottom"] - _MARK_RISE * base["size"]:
                    return True
        return False

    candidates = [c for c in chars if c["text"] in _MARK_CHARACTERS]
    raised.update(id(c) for c in candidates if after(c, mark=False))
    for _ in range(3):  # the rest of a run, one character further each time
        more = {id(c) for c in candidates if id(c) not in raised and after(c, mark=True)}
        if not more:
            break
        raised |= more
    if not raised:
        return page
    return page.filter(lambda obj: obj.get("object_type") != "char" or id(obj) not in raised)


def _turned_point(x: float, top: float, width: float, height: float, clockwise: bool) -> tuple[float, float]:
    """A point of a page shown turned a quarter (clockwise: its text reads top to bottom), in the upright frame."""
    return (top, width - x) if clockwise else (height - top, x)


def _turned_object(obj: dict[str, Any], width: float, height: float, clockwise: bool) -> dict[str, Any]:
    """A page object (a character, a line, a rectangle, a curve) in the upright frame of a page shown turned."""
    turned = dict(obj)
    (ax, atop), (bx, btop) = (
        _turned_point(obj["x0"], obj["top"], width, height, clockwise),
        _turned_point(obj["x1"], obj["bottom"], width, height, clockwise),
    )
    turned["x0"], turned["x1"] = min(ax, bx), max(ax, bx)
    turned["top"], turned["bottom"] = min(atop, btop), max(atop, btop)
    turned["doctop"] = turned["top"] + (obj["doctop"] - obj["top"]) if "doctop" in obj else turned["top"]
    turned["width"], turned["height"] = turned["x1"] - turned["x0"], turned["bottom"] - turned["top"]
    turned["y0"], turned["y1"] = width - turned["bottom"], width - turned["top"]  # the upright page is `width` high
    if "pts" in obj:
        turned["pts"] = [_turned_point(x, top, width, height, clockwise) for x, top in obj["pts"]]
    if obj.get("object_type") == "char":
        turned["upright"] = True
    return turned


@functools.cache
def _turned_class() -> Any:
    """The class of a page turned back upright (made once, on first use: pdfplumber is imported lazily)."""
    from pdfplumber.page import DerivedPage

    class Turned(DerivedPage):
        """A pdfplumber page whose objects are those of a page shown turned a quarter, turned back upright."""

        def __init__(self, parent: Any, *, clockwise: bool) -> None:
            super().__init__(parent)
            width, height = float(parent.width), float(parent.height)
            self.bbox = (0, 0, height, width)
            self.turn = Turn(clockwise, width, height)  #: how to take its places back to the page as shown
            self._turned = {
                kind: [_turned_object(obj, width, height, clockwise) for obj in objects]
                for kind, objects in parent.objects.items()
            }

        @property
        def objects(self) -> dict[str, list[dict[str, Any]]]:
            return self._turned

    return Turned


def _kept(obj: dict[str, Any]) -> bool:
    """Whether a page object is read: neither a character set at a slant nor one printed faint (watermarks)."""
    return _not_slanted(obj) and _not_faint(obj)


#: How light a grey a character may be printed in and still be read (0 black, 1 white): a watermark is printed
#: lighter (WPS's default grey is 0.85, #C0C0C0 is 0.75); the grey of running heads and notes (0.5) is darker
_FAINT: Final = 0.7


def _not_faint(obj: dict[str, Any]) -> bool:
    """Whether a page object is kept: anything but a character printed in a light grey — a watermark set level
    (WPS's 水平 watermark, a unit's name or 内部资料 run across every page behind the text), which pdfplumber reads
    into the cells it crosses (社会工作事务 read 中共上海市普社会工作事务, and its amounts column unread). White
    is kept: it is text printed on a dark fill (a header row's shading), and so is any colour but grey.

    >>> _not_faint({"object_type": "char", "non_stroking_color": (0.85,)})
    False
    >>> [_not_faint({"object_type": "char", "non_stroking_color": c}) for c in ((0,), (0.5, 0.5, 0.5), (1,), (0.9, 0.6, 0.6), None)]
    [True, True, True, True, True]
    """
    if obj.get("object_type") != "char":
        return True
    color = obj.get("non_stroking_color")
    if not isinstance(color, (tuple, list)) or not all(isinstance(v, (int, float)) for v in color):
        return True  # a pattern, or no colour: as printed
    if len(color) == 1:
        grey = float(color[0])
    elif len(color) == 3 and max(color) - min(color) < 0.05:
        grey = float(sum(color)) / 3
    elif len(color) == 4 and max(color[:3]) < 0.05:
        grey = 1 - float(color[3])
    else:
        return True
    return not _FAINT <= grey < 0.99


def _not_slanted(obj: dict[str, Any]) -> bool:
    """Whether a page object is kept: anything but a character set at a slant — a watermark across the page
    (某某区政务公开 at 45°), which pdfplumber would otherwise read into the lines and the cells it crosses. Text
    turned a quarter, a half or three quarters is kept."""
    if obj.get("object_type") != "char":
        return True
    a, b = obj["matrix"][:2]
    return _level(a, b) or _level(b, a)


def _level(a: float, b: float) -> bool:
    """Whether a glyph's matrix ``(a, b, …)`` sets it along one axis: ``b`` is nothing beside ``a`` (upright or upside
    down when ``a`` is the first entry; turned a quarter when the entries are given the other way round)."""
    return bool(abs(b) < 1e-3 * abs(a))


def _pdfplumber() -> Any:
    try:
        import pdfplumber
    except ImportError:
        raise MissingExtraError("pdfplumber", "import", "reading PDF reports") from None
    return pdfplumber


def _open_problem(exc: Exception) -> str:
    name = type(exc).__name__
    if "Password" in name or "Encrypt" in name or "password" in str(exc).lower():
        return "the PDF is encrypted (password-protected); save an unprotected copy first"
    return f"a damaged or unsupported PDF ({name})"


#: The characters of the CJK Radicals Supplement a font may map a character's glyph to, with the character they
#: print: the simplified radicals that are characters of their own (⻋ is 车, ⻓ 长, ⻔ 门) and those printed as a
#: whole character (⺠ 民, ⺩ 王, ⺝ 月). The Kangxi radicals (⼀ ⽀ ⼊) and the compatibility ideographs are
#: mapped by Unicode's own decompositions (:func:`_glyph_forms`).
_SUPPLEMENT_FORMS: Final = dict(
    zip("⺝⺟⺠⺩⺰⺼⻄⻅⻆⻈⻉⻋⻐⻓⻔⻘⻙⻚⻛⻜⻝⻠⻢⻣⻤⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳", "月母民王纟月西见角讠贝车钅长门青韦页风飞食饣马骨鬼鱼鸟卤麦黄黾齐齿龙龟", strict=True)
)
_ODD_FORM: Final = re.compile("[\u2e80-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f]")


@functools.cache
def _glyph_forms() -> dict[int, str]:
    """The table :func:`unified_characters` translates by (built once, when a text first needs it)."""
    forms = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)}  # Kangxi radicals
    for cp in (*range(0xF900, 0xFB00), *range(0x2F800, 0x2FA20)):  # CJK compatibility ideographs
        if (unified := unicodedata.normalize("NFC", chr(cp))) != chr(cp):
            forms[cp] = unified
    forms.update((ord(radical), character) for radical, character in _SUPPLEMENT_FORMS.items())
    return forms


def unified_characters(text: str) -> str:
    """``text`` with the radicals and compatibility ideographs that stand for characters in their own forms.

    A PDF exported through some fonts gives, for a glyph that a character and a radical share, the radical's
    code point (⼀般公共预算⽀出, with the Kangxi radicals ⼀ and ⽀; ⻋辆 with the simplified radical ⻋), and text
    copied from such a PDF into a web page or a workbook keeps them. They print as the characters, and are read as
    them. Character for character, so every place in the text stays where it was.

    >>> unified_characters("⼀般公共预算财政拨款⽀出，公务⽤⻋购置费，⼈⺠币")
    '一般公共预算财政拨款支出，公务用车购置费，人民币'
    >>> unified_characters("社会保障和就业支出（类）")
    '社会保障和就业支出（类）'
    """
    return text.translate(_glyph_forms()) if _ODD_FORM.search(text) else text


#: A run of four or more characters printed one by one, spaces between them (收 入 支 出 决 算 总 表)
_LETTER_SPACED: Final = re.compile(r"(?<!\S)\S(?=[ \u3000])(?:[ \u3000]+\S(?!\S)){3,}")
_PART_JOINED: Final = Lazy(rf"^(第{NUMERAL}部分)(?=\S)")
#: A part heading that lost its 分 before the spaces after it (第三部  2024年度部门决算情况说明: Yunnan pages, in their
#: 目录 and headings alike, as stored from some county and city sites)
_PART_CUT: Final = Lazy(rf"^(第{NUMERAL})部(?=[ \u3000]+\S)")
#: … and the 名词解释's heading that lost its 第N (部分  名词解释, from the same pages): the part its title names, which
#: national_layout numbers 四 whatever it was printed as
_GLOSSARY_CUT: Final = re.compile(r"^部分(?=[ \u3000]+名词解释\s*$)")
#: A money unit spaced by hand to fill its line (单 位：万 元, 金 额 单 位 ： 元)
_SPACED_UNIT: Final = re.compile(r"(?:金[ \u3000]*额[ \u3000]*)?单[ \u3000]*位[ \u3000]*[:：][ \u3000]*(?:(?:百[ \u3000]*)?万|千|亿)?[ \u3000]*元")
_GAPS: Final = re.compile("[ \u3000]+")


def _han_count(text: str) -> int:
    """How many Chinese characters (CJK unified ideographs and extension A) ``text`` holds. (A loop: the regular
    expression ``[\u3400-\u9fff]`` costs ``re`` two milliseconds to compile, in every process that imports this.)"""
    return sum("\u3400" <= char <= "\u9fff" for char in text)


def letters_joined(text: str) -> str:
    """``text`` with the runs of characters printed one by one with spaces between them joined, where at least
    three of a run's characters are Chinese: a title letter-spaced to fill its line (收 入 支 出 决 算 总 表, 2 0 2 4
    年 度) reads as the title, and so does a money unit spaced so (单 位：万 元). A run of figures alone (0 0 0 0, a
    row of blanks and noughts) is kept as printed.

    >>> letters_joined("一 般 公 共 预 算 财 政 拨 款 支 出 决 算 表  单位：万元")
    '一般公共预算财政拨款支出决算表  单位：万元'
    >>> letters_joined("示 例 局 2 0 2 4 年 度 部 门 决 算"), letters_joined("第 二 部 分 示 例 局 决 算 表")
    ('示例局2024年度部门决算', '第二部分 示例局决算表')
    >>> letters_joined("合计 0 0 0 0"), letters_joined("部门：示例局 金额单位：万元")
    ('合计 0 0 0 0', '部门：示例局 金额单位：万元')

    A part heading that lost its 分 before the spaces after its number reads as the part, and so does a 名词解释
    heading that lost its 第N:

    >>> letters_joined("第三部  2024年度部门决算情况说明"), letters_joined("第三部门决算")
    ('第三部分  2024年度部门决算情况说明', '第三部门决算')
    >>> letters_joined("部分  名词解释"), letters_joined("部分 名词解释：略")
    ('第四部分  名词解释', '部分 名词解释：略')
    """
    if " " not in text and "\u3000" not in text:
        return text
    text = _GLOSSARY_CUT.sub("第四部分", _PART_CUT.sub(r"\1部分", text))
    joined = _LETTER_SPACED.sub(lambda m: _GAPS.sub("", m.group()) if _han_count(m.group()) >= 3 else m.group(), text)
    joined = _SPACED_UNIT.sub(lambda m: _GAPS.sub("", m.group()), joined)
    return _PART_JOINED.sub(r"\1 ", joined)  # 第二部分 示例局2024年度部门决算表: the space the template prints


#: A footnote mark printed after a figure (1,054.90*, 307.82①, 307.82¹, 307.82[1]): a pattern for the table importer and
#: the 情况说明's grammar, which read the figure and drop the mark (the note it calls is text)
FOOTNOTE_MARK: Final = r"[*＊※†‡]|[①-⑳]|[¹²³⁰⁴-⁹]{1,2}|\[\d{1,2}\]|［\d{1,2}］"

#: The title of a table's continuation: 续表, 支出决算表（续）, 支出决算表（续表）.
CONTINUED_TITLE: Final = re.compile(r"^续表?$|[（(]?\s*续表?\s*[)）]?$")

_FULL_WIDTH = re.compile(r"[０-９％．]|\d，\d")
_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_FULL_POINT = re.compile(r"(?<=\d)．(?=\d)")
_FULL_PERCENT = re.compile(r"(?<=\d)％")
#: A number grouped in thousands with a full-width comma (1，054．90): its groups of three digits, then a decimal
#: fraction. Only with the fraction: 100，200，300 may be a list of three numbers.
_FULL_GROUPED = re.compile(r"(?<![\d.,，])\d{1,3}(?:[,，]\d{3})+(?=\.\d)")


def half_width_numbers(text: str) -> str:
    """``text`` with numbers typed in full-width forms (a Chinese input method's １，０５４．９０％) in ASCII.

    Character for character, so every place in the text stays where it was; a full-width point or percent
    sign changes only next to a digit, and a full-width comma only between the thousands of a number with
    decimals (a sentence's own punctuation is left alone). The document keeps its text as printed: the
    narrative grammar and the table importer read numbers through this.

    >>> half_width_numbers("本年收入合计１，０５４．９０万元，增长６．６８％。")
    '本年收入合计1,054.90万元，增长6.68%。'
    >>> half_width_numbers("收入合计1，054.90万元，分别为100，200，300人。")
    '收入合计1,054.90万元，分别为100，200，300人。'
    """
    if _FULL_WIDTH.search(text) is None:
        return text
    text = _FULL_PERCENT.sub("%", _FULL_POINT.sub(".", text.translate(_FULL_DIGITS)))
    return _FULL_GROUPED.sub(lambda m: m.group().replace("，", ","), text)


#: A pair of half-width brackets around words (类), (含外宾接待支出0.50万元), not around a point's number (1).
_HALF_BRACKETS = re.compile(r"\(([^()（）]*[^\x00-\x7f][^()（）]*)\)")
#: A half-width comma or colon that is no separator of a number's digits (1,054.90; 10:30).
_HALF_MARK = re.compile(r"[,:](?!(?<=\d[,:])\d)")
_FULL_MARKS = str.maketrans({",": "，", ":": "：", ";": "；"})


def full_width_marks(text: str) -> str:
    """``text`` with the half-width marks typed among Chinese (; , : and brackets) in their full-width forms.

    Character for character, as :func:`half_width_numbers`: a report typed with an English input method
    (…退休费;公用经费…, 社会保障和就业支出(类)) reads as the template prints it. A comma or colon between
    digits and brackets around a number alone ((1) numbering a point) are kept.

    >>> full_width_marks("其中:人员经费700.00万元,主要包括:基本工资;公用经费1,100.00万元(含差旅费)(1)")
    '其中：人员经费700.00万元，主要包括：基本工资；公用经费1,100.00万元（含差旅费）(1)'
    """
    if not any(mark in text for mark in ",:;("):
        return text
    text = _HALF_MARK.sub(lambda m: m.group().translate(_FULL_MARKS), text.replace(";", "；"))
    return _HALF_BRACKETS.sub(lambda m: f"（{m.group(1)}）", text)


def _clean(text: str | None) -> str | None:
    """A cell's text with the line breaks of wrapped cells removed (社会保障和就\\n业支出 → 社会保障和就业支出)."""
    if text is None:
        return None
    return "".join(part.strip() for part in text.splitlines()).strip()


def _box(page: int, bbox: Sequence[float]) -> Box:
    x0, top, x1, bottom = bbox
    return Box(page, round(float(x0), 1), round(float(top), 1), round(float(x1), 1), round(float(bottom), 1))


@attrs.define
class _Pending:
    """A table being read, possibly continued on the next page."""

    rows: list[tuple[Cell, ...]]
    pages: list[int]
    title: str | None
    unit: str | None
    heading: list[Line]
    notes: list[Line]
    #: whether nothing followed the table yet (no note, no text), so that it may continue on the next page
    open_end: bool = True
    #: whether it was read from the alignment of its words (printed without ruling lines)
    unruled: bool = False

    def freeze(self) -> RawTable:
        return RawTable(
            tuple(self.rows), tuple(self.pages), self.title, self.unit, tuple(self.heading), tuple(self.notes), self.unruled
        )


@attrs.frozen
class _Page:
    """What a page gives: its lines of text outside its tables, in reading order, and its ruled tables."""

    number: int
    width: float
    lines: tuple[Line, ...]
    #: (bbox, rows, whether read from its words' alignment)
    tables: tuple[tuple[tuple[float, float, float, float], tuple[tuple[Cell, ...], ...], bool], ...]


class _Reader:
    """Accumulates pages into paragraphs and tables, in reading order.

    The pages are read first (:meth:`page`); the lines every page prints in its margins — page numbers, running
    heads — are then set aside (:func:`_margin_lines`), and the rest joined into paragraphs and tables
    (:meth:`document`), so that a page number between two pages neither splits a sentence nor a table.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.chars = 0
        self.pages: list[_Page] = []
        self.paragraphs: list[Paragraph] = []
        self.tables: list[RawTable] = []
        self.lines: list[Line] = []  # the paragraph being read
        self.pending: _Pending | None = None
        self.image_pages: list[int] = []  # pages that are images with no text
        self.turns: dict[int, Turn] = {}  # pages read turned back upright
        self.after_table = 0  # how many paragraphs were read before the last table ended
        self.glyphs = 0  # characters printed
        self.unmapped = 0  # of them, those whose font gives no Unicode for them: pdfminer writes (cid:N)
        #: a table read from its words that ends its page, which the next page may go on with
        self.carried: _Unruled | None = None
        #: the running-text lines of the page assembled last: where a paragraph ending it ends (its right margin)
        self.before: list[Line] = []

    def page(self, number: int, page: Any) -> None:
        _unify_characters(page)
        page = _upright(_without_superscripts(_single_strike(page).filter(_kept)))
        turn = getattr(page, "turn", None)
        if turn is not None:
            self.turns[number] = turn
        _square(page)
        found = sorted(page.find_tables(), key=lambda table: table.bbox[1])
        lines = [
            Line(letters_joined(_SPACES.sub(" ", line["text"]).strip()), _box(number, (line["x0"], line["top"], line["x1"], line["bottom"])))
            for line in page.extract_text_lines()
        ]
        for line in lines:
            self.chars += len(line.text)
            glyphs, unmapped = _UNMAPPED.subn("#", line.text)
            self.glyphs += len(glyphs)
            self.unmapped += unmapped
        if self.chars > MAX_CHARS:
            raise LoadError(self.source, [LoadIssue(f"page {number}", f"more than {MAX_CHARS:,} characters of text")])
        if page.images and not lines:
            self.image_pages.append(number)
        unruled = _unruled_tables(number, page, lines, found)
        if not unruled and self.carried is not None and all(_degenerate(t) for t in found):
            rest = _continued(number, page, self.carried)
            unruled = [] if rest is None else [rest]
        self.carried = unruled[-1] if unruled and _open(unruled[-1], lines) else None
        if unruled:  # an outer frame alone is read as a table of one cell: the table read from its words replaces it
            found = [t for t in found if not _degenerate(t) or not any(_meets(t.bbox, u.bbox) for u in unruled)]
        boxes = [tuple(table.bbox) for table in found] + [table.bbox for table in unruled]
        outside = sorted(
            (line for line in lines if not any(_inside(line.box, bbox) for bbox in boxes)),
            key=lambda line: line.box.top,
        )
        tables = tuple(
            sorted(
                [
                    *((tuple(table.bbox), _rows(number, table), False) for table in found),
                    *((t.bbox, t.rows, True) for t in unruled),
                ],
                key=lambda t: t[0][1],
            )
        )
        self.pages.append(_Page(number, float(page.width), tuple(outside), tables))

    def _assemble(self, page: _Page, margins: frozenset[int]) -> None:
        """Join a page's lines (but those of its margins) and tables to the paragraphs and tables read so far."""
        outside = [line for line in page.lines if id(line) not in margins]
        margin = min((line.box.x0 for line in outside), default=None)
        cursor = -1.0
        for bbox, rows, unruled in page.tables:
            gap = [line for line in outside if cursor <= line.box.top < bbox[1]]
            gap = self._notes(gap)
            split = len(gap)
            while split > 0 and _heading(gap[split - 1], page.width):
                split -= 1
            self._text(gap[:split], margin)
            self._table(page.number, rows, gap[split:], unruled)
            cursor = bbox[3]
        rest = self._notes([line for line in outside if line.box.top >= cursor])
        self._text(rest, margin)
        self.before = outside

    def _notes(self, lines: list[Line]) -> list[Line]:
        """Give the 注：… lines (or the sentence saying it is empty) that directly follow the table being read to it;
        return the others."""
        if self.pending is None:
            return lines
        taken = 0
        # the first line below: a 注：… line, or a sentence saying that a table printing no amount is empty
        while taken < len(lines) and (
            table_note(lines[taken].text, self.pending.rows) if taken == 0 else _NOTE_LINE.match(lines[taken].text) or self.pending.notes
        ):
            if taken and not _NOTE_LINE.match(lines[taken].text) and lines[taken].box.top - lines[taken - 1].box.bottom > 8:
                break
            self.pending.notes.append(lines[taken])
            self.pending.open_end = False
            taken += 1
        return lines[taken:]

    def _text(self, lines: list[Line], margin: float | None) -> None:
        """Add running-text lines to paragraphs: an indented line starts a new paragraph."""
        if not lines:
            return
        self._close_table()
        for line in lines:
            indented = margin is not None and line.box.x0 - margin > 12
            if indented or _opens(line, self.lines) or (
                # the last line of the page before is measured against that page's margin, not this one's
                self.lines and _short(self.lines[-1], [*self.before, *lines], line, alone=len(self.lines) == 1)
            ):
                self._close_paragraph()
            self.lines.append(line)

    def _close_paragraph(self) -> None:
        if self.lines:
            text = "".join(line.text for line in self.lines)
            self.paragraphs.append(Paragraph(text, tuple(self.lines)))
            self.lines = []

    def _table(self, number: int, cells: tuple[tuple[Cell, ...], ...], above: list[Line], unruled: bool = False) -> None:
        rows = list(cells)
        pending = self.pending
        if (
            pending is not None
            and pending.open_end
            and not above
            and not self.lines
            and number == pending.pages[-1] + 1
        ):
            going_on = _spread(rows, pending.rows)
            if max((len(r) for r in going_on), default=0) == max((len(r) for r in pending.rows), default=0):
                pending.rows.extend(going_on)
                pending.unruled = pending.unruled or unruled
                pending.pages.append(number)
                return
        if not above:
            above = self._heading_left_behind(number)
        unit = next((found for line in above if (found := unit_of(line.text))), None)
        title = table_title([line.text for line in above])
        self._close_paragraph()
        self._close_table()
        self.pending = _Pending(rows, [number], title, unit, list(above), [], unruled=unruled)
        self.after_table = len(self.paragraphs)

    def _heading_left_behind(self, number: int) -> list[Line]:
        """The heading of a table printed at the foot of the page before it, the page break between them: the last
        lines read since the last table, all on that page and each a heading line (its unit, or a centred line
        narrower than the text), whose title names a table (…表). They are taken out of the text they were read into."""
        if number < 2:
            return []
        width = self.pages[number - 2].width  # the page before (pages are read in order, from 1)

        def heading(line: Line) -> bool:
            return line.box.page == number - 1 and _heading(line, width)

        k = len(self.lines)
        while k and heading(self.lines[k - 1]):
            k -= 1
        whole = 0  # the paragraphs before, each wholly heading lines (a title, closed by the unit line below it)
        if k == 0:
            since = len(self.paragraphs) - self.after_table
            while whole < since and all(heading(line) for line in self.paragraphs[-1 - whole].lines):
                whole += 1
        first = len(self.paragraphs) - whole
        lines = [line for paragraph in self.paragraphs[first:] for line in paragraph.lines] + self.lines[k:]
        title = table_title([line.text for line in lines])
        # a title with its number and unit is three lines at most; more is a list of titles (a 目录), not a heading
        if not lines or len(lines) > 3 or title is None or not title.endswith("表"):
            return []
        del self.lines[k:]
        del self.paragraphs[first:]
        return lines

    def _close_table(self) -> None:
        if self.pending is not None:
            self.tables.append(self.pending.freeze())
            self.pending = None

    def document(self, pages: int) -> Document:
        if self.unmapped > _UNMAPPED_SHARE * self.glyphs:
            problem = _UNMAPPED_PROBLEM.format(share=self.unmapped / self.glyphs)
            raise LoadError(self.source, [LoadIssue("file", problem)])
        margins = _margin_lines(self.pages)
        for page in self.pages:
            self._assemble(page, margins)
        self._close_paragraph()
        self._close_table()
        if not self.paragraphs and not self.tables:
            problem = (
                "no text layer: the pages are scanned images, and budgetkit does not do OCR"
                if self.image_pages
                else "no text in the document"
            )
            raise LoadError(self.source, [LoadIssue("file", problem)])
        return Document(
            self.source, pages, tuple(self.paragraphs), tuple(self.tables), tuple(self.image_pages), self.turns
        )


def unit_of(text: str) -> str | None:
    """The unit a line printed above a table gives: the whole line (单位：万元, 单位：个), or the money unit a longer
    line prints (部门：示例局　　金额单位：元, as the central template does); None for any other line.

    >>> unit_of("单位：万元"), unit_of("部门：示例局　　　金额单位：元"), unit_of("编制单位：示例局"), unit_of("收入决算表")
    ('万元', '元', None, None)
    >>> unit_of("单位： 万元"), unit_of(letters_joined("单 位：万 元"))
    ('万元', '万元')
    """
    m = _UNIT_LINE.match(text) or _MONEY_UNIT.search(text)
    return None if m is None else m.group(1)


def without_table_tag(text: str) -> str:
    """A heading line without the table's number printed after it (or all of it, when the line is only that).

    >>> without_table_tag("收入支出决算总表（公开01表）"), without_table_tag("公开01表"), without_table_tag("支出决算表 表3")
    ('收入支出决算总表', '', '支出决算表')
    >>> without_table_tag("收入决算表（公开表2）"), without_table_tag("支出决算表（表1-3）")
    ('收入决算表', '支出决算表')
    >>> without_table_tag("公开01表　收入支出决算总表"), without_table_tag("表3：支出决算表")
    ('收入支出决算总表', '支出决算表')
    >>> without_table_tag("表五一般公共预算财政拨款支出决算表"), without_table_tag("表5一般公共预算财政拨款支出决算表")
    ('一般公共预算财政拨款支出决算表', '一般公共预算财政拨款支出决算表')
    """
    return _TABLE_TAG_LEAD.sub("", _TABLE_TAG.sub("", text)).strip()


def table_title(heading: Sequence[str]) -> str | None:
    """The title among the lines printed above a table: the last that is not its unit, a note, its number alone
    or the line naming who made it (部门：…).

    >>> table_title(["收入支出决算总表", "公开01表", "部门：示例局　　金额单位：万元"])
    '收入支出决算总表'
    >>> table_title(["收入支出决算总表", "公开01表", "部门:示例局", "金额单位:万元"])
    '收入支出决算总表'
    >>> table_title(["收入决算表（公开表2）"])  # the number printed after it is no part of it
    '收入决算表'
    """
    return next(
        (
            without_table_tag(without_unit(text))
            for text in reversed(heading)
            if not table_furniture(text) and not _NOTE_LINE.match(text)
        ),
        None,
    )


def table_furniture(text: str) -> bool:
    """Whether a line is one printed between a table's title and the table: its number alone, its unit, who made it.
    A title that prints its unit after it (收入决算表（单位：元）) is a title.

    >>> table_furniture("公开01表"), table_furniture("部门：示例局"), table_furniture("金额单位：元"), table_furniture("收入决算表")
    (True, True, True, False)
    >>> table_furniture("收入决算表（单位：元）"), table_furniture("部门：示例局　　金额单位：万元")
    (False, True)
    >>> table_furniture("公开01表　　　　单位：万元")  # its number and its unit on one line
    True
    """
    if not without_table_tag(text) or _MAKER_LINE.match(text) is not None:
        return True
    return unit_of(text) is not None and not without_table_tag(without_unit(text))  # (公开01表　　单位：万元)


def without_unit(text: str) -> str:
    """A heading line without the money unit printed in or after it (（单位：元）, 金额单位：万元).

    >>> without_unit("收入决算表（单位：元）"), without_unit("金额单位：万元"), without_unit("收入决算表")
    ('收入决算表', '', '收入决算表')
    """
    return _UNIT_PART.sub("", text).strip()


def is_note(text: str) -> bool:
    """Whether a line opens a note: ``注：…`` or ``说明：…`` (under a table, or under a cover's title).

    >>> is_note("注：2023年决算数为上年决算。"), is_note("说明 ：无"), is_note("注意事项")
    (True, True, False)
    """
    return _NOTE_LINE.match(text) is not None


def table_note(text: str, rows: Sequence[Sequence[Cell]] = ()) -> bool:
    """Whether a line printed just below a table (or as a row of its own across it) is its note: ``注：…``,
    ``说明：…``, or a sentence saying that the table is empty — when the table (its ``rows``) prints no amount.

    >>> table_note("注：本表金额单位为万元。"), table_note("本单位无政府性基金预算财政拨款收入，也没有相应支出。")
    (True, True)
    >>> table_note("一、收入决算情况说明"), table_note("无")
    (False, False)
    >>> table_note("本单位无政府性基金预算财政拨款收入。", [[Cell("合计", None), Cell("12.50", None)]])
    False
    """
    if _NOTE_LINE.match(text):
        return True
    amounts = any(cell.text and _AMOUNT.search(cell.text) for row in rows for cell in row)
    return not amounts and len(text) > 4 and bool(_EMPTY_NOTE.search(text))


def heading_lines(texts: Sequence[str], least: int = 3) -> int:
    """How many of the last lines above a table are its heading: ``least``, or more when the title is further up,
    above more lines of its number, unit and maker (收入支出决算总表 / 公开01表 / 部门：… / 金额单位：万元, each a line).

    >>> heading_lines(["正文。", "收入支出决算总表", "公开01表", "部门:示例局", "金额单位:万元"])
    4
    >>> heading_lines(["正文。", "另一段。", "收入决算表", "单位：万元"])
    3

    The report's title and a part heading are never a table's heading (a page that prints its tables alone):

    >>> heading_lines(["示例局2023年度部门决算", "第二部分 2023年度部门决算表", "收入决算表"])
    1
    """
    furniture = 0
    for text in reversed(texts):
        if not table_furniture(text):
            break
        furniture += 1
    lines = 0
    for text in reversed(texts[-max(least, furniture + 1) :]):
        if _PART_HEADING.match(text) or _REPORT_TITLE.search(without_table_tag(text)):
            break  # never the report's title or a part heading above the table: they are text
        lines += 1
    return lines


def table_number(heading: Sequence[str]) -> str | None:
    """The number a table's heading prints for it, as a Chinese numeral (公开09表 → 九, 表3 → 三, 九、… → 九), or None.

    >>> table_number(["财政拨款“三公”经费支出决算表", "公开09表"]), table_number(["表3：支出决算表"]), table_number(["收入决算表"])
    ('九', '三', None)
    >>> table_number(["收入决算表（公开表2）"]), table_number(["支出决算表（表1-3）"])  # 1-3 names no table of the set
    ('二', None)
    >>> table_number(["表五一般公共预算财政拨款支出决算表"]), table_number(["表5一般公共预算财政拨款支出决算表"])
    ('五', '五')
    >>> table_number(["表十一一般公共预算财政拨款项目支出决算表"]), table_number(["表七三公经费支出决算表"])
    ('十一', '七')
    """
    for text in heading:
        if m := _TABLE_NUMBER.search(text):
            printed = m.group("tag") or m.group("tagged") or m.group("n") or m.group("lead")
            return numeral(int(printed)) if printed.isdigit() else printed
    return None


def _rows(number: int, table: Any) -> tuple[tuple[Cell, ...], ...]:
    """A ruled table's rows as cells: each cell's text as printed (wrapped lines joined) and its box on the page."""
    rows = []
    for row, texts in zip(table.rows, _extract(table), strict=True):
        cells = []
        for cell_box, text in zip(row.cells, texts, strict=True):
            box = None if cell_box is None else _box(number, cell_box)
            cells.append(Cell(_clean(text), box))
        rows.append(tuple(cells))
    return tuple(rows)


#: How far apart (points) two glyphs may be and still be set one after the other in one run of text: the glyphs of a
#: string drawn at once end where the next begins; a cell's padding, on both sides of a rule, is wider.
_RUN_GAP: Final = 0.05


def _extract(table: Any) -> list[list[str | None]]:
    """The texts of a ruled table's cells, as pdfplumber's ``Table.extract`` gives them, but for a run of text that
    crosses a cell's edge: it is its own cell's whole, not cut at the rule.

    A text wider than its cell (a long 科目名称 in a narrow column, a note after an amount) is printed across the
    rule — Excel clips it on screen, but every glyph is in the PDF — and pdfplumber puts each glyph in the cell its
    middle falls in: the overflow went into the next cell, whose amount was then "not a number" and its column lost.
    A run (glyphs set one after the other, :data:`_RUN_GAP`) is the cell's it starts or ends in that prints nothing
    else (the other holds its own amount, which the overflow may be printed over); when both or neither do, the
    cell's by where it is aligned: the cell whose left edge it starts near (left-aligned text running over to the
    right), or whose right edge it ends near (right-aligned text running over to the left).
    """
    from pdfplumber.utils.text import extract_text

    texts: list[list[str | None]] = []
    for row in table.rows:
        chars = [char for char in table.page.chars if _middle_in(char, row.bbox)]
        held: dict[int, int] = {}
        for i, cell in enumerate(row.cells):
            if cell is not None:
                held.update((id(char), i) for char in chars if _middle_in(char, cell))
        for run in _runs(chars):
            cells = {held[id(char)] for char in run if id(char) in held}
            if len(cells) > 1:
                ends = (min(cells), max(cells))
                ours = {id(char) for char in run}
                alone = [i for i in ends if not any(held.get(id(c)) == i and id(c) not in ours for c in chars)]
                owner = alone[0] if len(alone) == 1 else _run_cell(run, row.cells[ends[0]], row.cells[ends[1]], ends)
                held.update((id(char), owner) for char in run)
        texts.append([
            None if cell is None else extract_text(mine) if (mine := [c for c in chars if held.get(id(c)) == i]) else ""
            for i, cell in enumerate(row.cells)
        ])
    return texts


def _middle_in(char: dict[str, Any], bbox: Sequence[float]) -> bool:
    """Whether a glyph's middle is inside a box, as pdfplumber places a glyph in a cell."""
    x0, top, x1, bottom = bbox
    h_mid, v_mid = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
    return bool(x0 <= h_mid < x1 and top <= v_mid < bottom)


def _runs(chars: Sequence[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Glyphs (in the order they are drawn) in runs of text: each glyph drawn next, on the same line, starting where
    the one before it ends. Runs printed over each other (a clipped overflow over its neighbour's amount) stay apart.
    """
    runs: list[list[dict[str, Any]]] = []
    for char in chars:
        last = runs[-1][-1] if runs else None
        if last is not None and all(
            abs(float(last[a]) - float(char[b])) <= _RUN_GAP for a, b in (("x1", "x0"), ("bottom", "bottom"), ("size", "size"))
        ):
            runs[-1].append(char)
        else:
            runs.append([char])
    return runs


def _run_cell(run: Sequence[dict[str, Any]], first: Sequence[float], last: Sequence[float], ends: tuple[int, int]) -> int:
    """The cell a run of text crossing from the ``first`` cell into the ``last`` (their indices ``ends``) is printed
    in: the first when the run starts nearer its left edge than it ends to the last one's right edge, else the last."""
    start, end = float(run[0]["x0"]), float(run[-1]["x1"])
    return ends[0] if start - float(first[0]) <= float(last[2]) - end else ends[1]


#: A page number as printed alone in a page's margin: 5, - 5 -, —5—, 第5页, 第 5 页 共 30 页, 第1页，共3页, 5/30, - iv -.
_PAGE_NUMBER: Final = Lazy(
    r"^[-—–－‐\s]*(?:第\s*)?(?:\d{1,3}|[ivxlIVXL]{1,6})\s*(?:页)?[\s,，、]*(?:(?:[/／]|共)\s*\d{1,4}\s*(?:页)?)?[-—–－‐\s]*$"
)


def page_number(text: str) -> bool:
    """Whether a line is a page number as printed alone in a page's margin.

    >>> [page_number(t) for t in ("5", "- 5 -", "—5—", "第 5 页 共 30 页", "第1页，共3页", "5/30", "- iv -")]
    [True, True, True, True, True, True, True]
    >>> [page_number(t) for t in ("2024", "合计", "5万元", "第5部分")]
    [False, False, False, False]
    """
    return _PAGE_NUMBER.match(text) is not None


#: On how many pages (at least, and what share of the pages with text) a line must recur in the same place to be
#: a running head or foot.
_RECURS: Final = 3
_RECURS_SHARE: Final = 0.5


def _margin_lines(pages: Sequence[_Page]) -> frozenset[int]:
    """The lines (by ``id``) that a page prints in its margins, not its text: the top or bottom line of a page, standing
    apart from the text (a line's height or more away from it), that is a page number, or that recurs — the same
    words, its numbers aside, within 3 pt of the same height — as such a line of at least three pages and of half
    the pages with text (a running head: 某某局2024年度部门决算); a line that recurs so, apart from the text on one
    page at least, is the head also on the pages whose text (a title, a table continued) starts right below it. A
    title that ends in 表 is never one (a self-evaluation table on each page prints its title in the same place), nor
    a line a table prints above it (its unit, its number, who made it: each table's page may start with 单位：元)."""
    found: set[int] = set()
    recurring: dict[tuple[str, str], list[tuple[Line, bool]]] = {}
    with_text = 0
    for page in pages:
        lines = page.lines
        if not lines:
            continue
        with_text += 1
        ends = [("top", lines[0], lines[1] if len(lines) > 1 else None)]
        if len(lines) > 1:
            ends.append(("bottom", lines[-1], lines[-2]))
        for where, line, neighbour in ends:
            apart = neighbour is None or abs(
                (line.box.top - neighbour.box.bottom) if where == "bottom" else (neighbour.box.top - line.box.bottom)
            ) >= line.box.bottom - line.box.top
            if apart and page_number(line.text):
                found.add(id(line))
            elif not line.text.rstrip().endswith("表") and not table_furniture(line.text):
                recurring.setdefault((where, re.sub(r"\d+", "#", line.text)), []).append((line, apart))
    least = max(_RECURS, _RECURS_SHARE * with_text)
    for same in recurring.values():
        if len(same) < least or not any(apart for _, apart in same):
            continue
        heights = sorted(line.box.top for line, _ in same)
        middle = heights[len(heights) // 2]
        placed = [(line, apart) for line, apart in same if abs(line.box.top - middle) <= 3]
        if len(placed) >= least and any(apart for _, apart in placed):
            # in its place on enough pages, and apart from the text on one at least: the head on every page, also
            # where a title or a table continued from the page before starts right below it
            found.update(id(line) for line, _ in placed)
    return frozenset(found)


def _inside(box: Box, bbox: Sequence[float]) -> bool:
    x0, top, x1, bottom = bbox
    middle = (box.top + box.bottom) / 2
    return top - 1 <= middle <= bottom + 1 and box.x0 >= x0 - 1 and box.x1 <= x1 + 1


def _spread(rows: list[tuple[Cell, ...]], above: Sequence[tuple[Cell, ...]]) -> list[tuple[Cell, ...]]:
    """Rows printed at the top of a page in fewer columns than the table they may continue, spread over its columns:
    a cell in the first column it covers, ``None`` in the others it spans, as a ruled table gives a merged cell. A
    total row left alone on the next page (合计 merged across the code and name columns) is a table of its own to
    pdfplumber, with a column fewer. The rows unchanged unless each cell starts and ends on an edge of those columns.

    >>> def row(*spans):
    ...     return tuple(Cell(t, Box(1, x0, 0, x1, 9)) for t, x0, x1 in spans)
    >>> above = [row(("201", 0, 50), ("一般公共服务支出", 50, 150), ("264.87", 150, 200))]
    >>> [c.text for c in _spread([row(("合计", 0, 150), ("307.82", 150.4, 200))], above)[0]]
    ['合计', None, '307.82']
    >>> [c.text for c in _spread([row(("合计", 0, 120), ("307.82", 120, 200))], above)[0]]
    ['合计', '307.82']
    """
    edges = sorted({round(c.box.x0) for r in above for c in r if c.box} | {round(c.box.x1) for r in above for c in r if c.box})
    width = max((len(r) for r in above), default=0)
    if len(edges) != width + 1 or max((len(r) for r in rows), default=width) >= width:
        return rows

    def edge(x: float) -> int | None:
        return next((k for k, e in enumerate(edges) if abs(e - x) <= _SLACK), None)

    spread: list[tuple[Cell, ...]] = []
    for row in rows:
        cells: list[Cell] = []
        for cell in row:
            first, end = (None, None) if cell.box is None else (edge(cell.box.x0), edge(cell.box.x1))
            if first != len(cells) or end is None or end <= first:
                return rows
            cells += [cell, *(Cell(None, None) for _ in range(first + 1, end))]
        if len(cells) != width:
            return rows
        spread.append(tuple(cells))
    return spread


#: The most characters of a table's title line (the longest of the template, 国有资本经营预算财政拨款收入支出决算表, has 19)
_TITLE_CHARS: Final = 30
_SENTENCE_MARK: Final = re.compile(r"[，。；：,;]")


def _heading(line: Line, width: float) -> bool:
    """Whether a line above a table belongs to it: its unit line, its number alone or who made it (公开01表 and
    部门：… printed at a margin), a line that prints its unit or number after its title (收入支出决算总表　　单位：万元,
    across the page), or a centred title narrower than running text — or as wide, when it is a short line naming
    a table (…表) with no sentence's marks: a title letter-spaced across the page (收  入  决  算  表)."""
    text = line.text
    if table_furniture(text) or unit_of(text) is not None or _TABLE_TAG.search(text) or _TABLE_TAG_LEAD.match(text):
        return True
    centre = (line.box.x0 + line.box.x1) / 2
    narrow = line.box.x1 - line.box.x0 < 0.6 * width or (len(text) <= _TITLE_CHARS and text.endswith("表") and not _SENTENCE_MARK.search(text))
    return abs(centre - width / 2) < 40 and narrow


def _opens(line: Line, paragraph: list[Line]) -> bool:
    """Whether ``line`` starts a heading or a numbered point, so a paragraph of its own.

    A point numbered in digits that follows a full line ending mid-sentence is the wrapped rest of that
    line — a number broken at the line's end (``…增加39.`` / ``24、养保增加8.57万元``) — not a new point.

    >>> full = [Line("主要是职工绩效工资增加39.", Box(1, 0, 0, 9, 9))]
    >>> _opens(Line("24、养保增加8.57万元", Box(1, 0, 9, 9, 18)), full)
    False
    >>> _opens(Line("2、收入决算情况说明", Box(1, 0, 9, 9, 18)), [Line("增长6.68%。", Box(1, 0, 0, 9, 9))])
    True
    """
    m = _HEADING_START.match(line.text)
    if m is None:
        return False
    return not (m.group("digits") and paragraph and not paragraph[-1].text.rstrip().endswith(_CLAUSE_END))


def _short(previous: Line, lines: list[Line], following: Line | None = None, alone: bool = False) -> bool:
    """Whether ``previous`` ends well before the right margin of its page's text (the end of a paragraph).

    Not where text set ragged (left-aligned) broke before ``following``'s first word, which did not fit in the room
    left: a number, a run of Latin letters, or a mark no line starts with (…全年预算为 ⏎ 321.02 万元, a gap of
    some 50 pt at 15 pt). A line ending a clause (。：；), and a heading on a line of its own (``alone``: 一、…,
    （一）…, 第三部分…), end their paragraph as before.
    """
    right = max((line.box.x1 for line in lines if line.box.page == previous.box.page), default=previous.box.x1)
    gap = right - previous.box.x1
    if gap <= 40:
        return False
    heading = alone and (m := _HEADING_START.match(previous.text)) is not None and not m.group("digits")
    if following is None or heading or previous.text.rstrip().endswith(_CLAUSE_END):
        return True
    size = following.box.bottom - following.box.top  # about the font size of a line of text
    word = _UNBROKEN.match(following.text)
    return word is None or gap > (len(word.group()) * 0.6 + 1.5) * size


#: A line's first word that ragged text does not break: a number or a run of Latin letters, or the marks no line starts
#: with (，。、；：）%).
_UNBROKEN: Final = re.compile(r"^(?:[0-9A-Za-z.,%％+\-]+|[，。、；：:）)”》%％])")


# -- tables printed without ruling lines --------------------------------------------------------------------

#: The title of a published table (收入支出决算总表, …决算表): what a table read from its words' alignment must stand under.
_UNRULED_TITLE: Final = re.compile(r"决算(?:总)?表$")
#: A figure as a cell prints it (an amount, a share, a code, or a blank printed as a dash: - or —): what makes a text
#: line a row of the table's body.
_FIGURE: Final = re.compile(r"^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$|^[-−－—–]{1,2}$")
#: What opens a row of a table's body that prints no figure: an enumerated line (一、…).
_ENUMERATED: Final = re.compile(r"^[一二三四五六七八九十]+、")
#: A total's label (合计, 本年收入合计, 人员经费合计).
_TOTAL_LABEL: Final = re.compile(r"^[^，。；\d]{0,10}(?:合计|总计)$")
#: How far apart (pt) two words may be and still print one cell's text; words this near print one word.
_WORD_GAP: Final = 1.5
#: How far (pt) a word may reach past its column's edges and still be in it.
_SLACK: Final = 2.0
#: How far (pt) the printed text stands from the left and right edges of its cell (where no ruling line shows them).
_PADDING: Final = 5.0
#: How far off centre (a share of its width) a header cell spanning columns may print its text and still be read.
_OFF_CENTRE: Final = 0.15


@attrs.frozen
class _Word:
    """A word printed on a page (its characters closer than :data:`_WORD_GAP`), and its box."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


def _text_rows(words: Sequence[_Word]) -> list[list[_Word]]:
    """Words grouped into text lines (tops within 2 pt), top to bottom, each line left to right."""
    rows: list[list[_Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if rows and abs(word.top - rows[-1][0].top) <= 2:
            rows[-1].append(word)
        else:
            rows.append([word])
    return [sorted(row, key=lambda w: w.x0) for row in rows]


def _anchors(row: Sequence[_Word]) -> bool:
    """Whether a text line is a row of a table's body: it prints a figure, or a row's opening (一、…, on either side
    of a table of two sides: 表一's income and expenditure), or a total alone (合计)."""
    if _prints_row(row):
        return True
    # a total alone (合计 over blanks); beside other names it is a header's (表七's 合计 | 因公出国（境）费 | …)
    return bool(_TOTAL_LABEL.match(row[0].text)) and len(row) == 1


def _prints_row(line: Sequence[_Word]) -> bool:
    """Whether a text line prints what only a row of the body prints: a figure, or a row's opening (一、…)."""
    return any(_FIGURE.match(w.text) or _ENUMERATED.match(w.text) for w in line)


def _merged(spans: Sequence[tuple[float, float]]) -> list[list[float]]:
    """Overlapping (or touching) spans merged, left to right."""
    out: list[list[float]] = []
    for x0, x1 in sorted(spans):
        if out and x0 <= out[-1][1] + _SLACK:
            out[-1][1] = max(out[-1][1], x1)
        else:
            out.append([x0, x1])
    return out


def _body_columns(words: Sequence[_Word]) -> list[list[float]]:
    """The columns the words of a table's body print in (their spans along the line), but for a word that bridges two
    (a label printed across the code and name columns): a word without which its column falls in two, each of two
    words or more."""
    bridging: set[int] = set()
    while True:
        kept = [w for i, w in enumerate(words) if i not in bridging]
        found = None
        for i, word in enumerate(words):
            if i in bridging or _FIGURE.match(word.text):
                continue
            inside = [w for j, w in enumerate(words) if j != i and j not in bridging and w.x0 < word.x1 and w.x1 > word.x0]
            parts = _merged([(w.x0, w.x1) for w in inside])
            if len(parts) >= 2 and all(sum(1 for w in inside if p[0] <= w.x0 and w.x1 <= p[1]) >= 2 for p in parts):
                found = i
                break
        if found is None:
            return _merged([(w.x0, w.x1) for w in kept])
        bridging.add(found)


def _overlapping(word: _Word, columns: Sequence[Sequence[float]]) -> list[int]:
    return [k for k, (x0, x1) in enumerate(columns) if word.x0 < x1 and word.x1 > x0]


def _edges(columns: Sequence[Sequence[float]]) -> list[float]:
    """The estimated edges of the columns' cells: between two columns the middle of the gap, outside a padding."""
    inner = [(columns[k][1] + columns[k + 1][0]) / 2 for k in range(len(columns) - 1)]
    return [columns[0][0] - _PADDING, *inner, columns[-1][1] + _PADDING]


@attrs.frozen
class _Columns:
    """The columns of a table read from its words: the edges of their cells, left to right, and where each column's
    text prints (its body's words and the headers over it alone), which the edges only bound."""

    edges: tuple[float, ...]
    texts: tuple[tuple[float, float], ...]

    @property
    def width(self) -> int:
        return len(self.edges) - 1

    def centre(self, column: int) -> float:
        return (self.edges[column] + self.edges[column + 1]) / 2

    def of(self, word: _Word) -> list[int]:
        """The columns a word reaches into (beyond the slack)."""
        return [
            k for k in range(self.width)
            if word.x0 < self.edges[k + 1] - _SLACK and word.x1 > self.edges[k] + _SLACK
        ]

    def centred(self, word: _Word, first: int, last: int) -> bool:
        """Whether a word is centred over the run of columns from ``first`` to ``last`` (within :data:`_OFF_CENTRE`
        of its width): over their cells as the edges place them, or over their text — an edge beside names printed
        from the left of a wide cell falls far inside the next cell, which its header is centred in."""
        width = self.edges[last + 1] - self.edges[first]
        middles = ((self.edges[first] + self.edges[last + 1]) / 2, (self.texts[first][0] + self.texts[last][1]) / 2)
        return min(abs(middle - word.centre) for middle in middles) <= _OFF_CENTRE * width + _SLACK


def _header_spans(
    header: Sequence[Sequence[_Word]], columns: _Columns, leaves: dict[int, int]
) -> dict[int, tuple[int, int]] | None:
    """The columns each header word spans, by ``id``: a leaf its column; a word over others (a merged cell) the run of
    columns it is best centred over for its width, read bottom-up so that a run never cuts a merged cell below it
    nor takes a column of another word of its line. A merged cell over columns whose header prints only on the header's last line (表八's 本年支出
    over 合计 | 基本支出 | 项目支出) spans them too. ``None`` when a header word is centred over no run of columns
    (the table is read with doubt)."""
    edges = columns.edges
    spans: dict[int, tuple[int, int]] = {}
    units = [(k, k) for k in range(columns.width)]  # the merged cells read so far, left to right
    words = [w for row in header for w in row]
    for row in reversed(header):
        for word in row:
            if id(word) in leaves:
                spans[id(word)] = (leaves[id(word)], leaves[id(word)])
                continue
            # a column whose header prints beside this word (its line, or a taller cell's text level with it) is not under it
            taken = {
                k for other in words if other is not word and other.top < word.bottom and word.top < other.bottom
                for k in columns.of(other)
            }
            # nor a column under or past another word of its line: the words of a line head runs of columns in their
            # order, each the run it is centred over (a column nearer another word's middle may still be under this
            # word: 支出 over 项目 | 合计 | … five columns, 收入 over two beside it)
            taken.update(
                k for k in range(columns.width) for other in row
                if other is not word and (columns.centre(k) - other.centre) * (word.centre - other.centre) <= 0
            )
            starts = [first for first, _ in units if edges[first] <= word.x0 + _SLACK]
            ends = [last for _, last in units if edges[last + 1] >= word.x1 - _SLACK]
            runs = [
                (abs((edges[i] + edges[j + 1]) / 2 - word.centre), i, j)
                for i in starts for j in ends if i <= j and not taken & set(range(i, j + 1))
            ]
            if not runs:
                return None
            # the run it is best centred over, for its width: an edge between two columns is known only within the
            # gap between their texts, so a narrow run can look as well centred as the right, wide one
            _, first, last = min(runs, key=lambda run: run[0] / (edges[run[2] + 1] - edges[run[1]]))
            if not columns.centred(word, first, last):
                return None
            spans[id(word)] = (first, last)
            units = [u for u in units if u[1] < first or u[0] > last] + [(first, last)]
            units.sort()
    bottom = header[-1]
    only_bottom = {
        k for k in range(columns.width)
        if any(spans[id(w)] == (k, k) for w in bottom)
        and all(w in bottom or not spans[id(w)][0] <= k <= spans[id(w)][1] for w in words)
    }
    for word in words:
        if word in bottom or id(word) in leaves:
            continue
        first, last = spans[id(word)]
        while first - 1 in only_bottom:
            first -= 1
        while last + 1 in only_bottom:
            last += 1
        only_bottom -= set(range(first, last + 1))
        spans[id(word)] = (first, last)
    return spans


def _columns_of(header: Sequence[Sequence[_Word]], body: Sequence[Sequence[_Word]]) -> tuple[_Columns, dict[int, int]] | None:
    """The columns of a table from its words: those its body prints in, and those only a header names (a column of
    blanks); with the header words that head one column each (its leaves, by ``id``)."""
    words = [w for row in body for w in row]
    # a total's label is centred across the code and name columns (合计, 人员经费合计): placed, but no column's edge
    placing = [w for w in words if not _TOTAL_LABEL.match(w.text)]
    body_spans = _body_columns(placing) if placing else []
    spans = [[*span] for span in body_spans]
    below: list[_Word] = []
    leaf_words: list[_Word] = []
    for row in reversed(header):
        for word in row:
            if _over(word, below, row if row is header[0] else ()):
                continue  # a merged cell's text over others: its place is found by centring
            hit = _overlapping(word, spans)
            if len(hit) > 1:
                continue
            if hit:
                spans[hit[0]] = [min(spans[hit[0]][0], word.x0), max(spans[hit[0]][1], word.x1)]
            else:
                spans.append([word.x0, word.x1])
                spans.sort()
            leaf_words.append(word)
        below.extend(row)
    heads = [w for row in header for w in row]
    spans = _merged([(a, b) for a, b in _named(_paired(spans, body_spans, heads), placing)])
    if len(spans) < 2:
        return None
    _widened(spans, heads)
    edges = _edges(spans)
    every = heads + words  # the outer edges hold every word (a merged header is wider)
    edges[0], edges[-1] = min(edges[0], min(w.x0 for w in every) - _PADDING), max(edges[-1], max(w.x1 for w in every) + _PADDING)
    columns = _Columns(tuple(edges), tuple((a, b) for a, b in spans))
    leaves = {}
    for word in leaf_words:
        hit = columns.of(word)
        if len(hit) != 1:
            return None
        leaves[id(word)] = hit[0]
    return columns, leaves


def _paired(spans: list[list[float]], body: Sequence[Sequence[float]], header: Sequence[_Word]) -> list[list[float]]:
    """The columns' spans with a column of figures no header word reaches and a header's column over no figure, next
    to each other and nearer each other than either is to its other neighbour, made one column: a header centred in
    a cell over figures printed narrower to one side of it (合计 over 307.82 at the cell's right) reaches none of
    them, and each would be read as a column of its own."""
    bare = [not any(w.x0 < span[1] and span[0] < w.x1 for w in header) for span in spans]
    headed_only = [not any(b[0] < span[1] and span[0] < b[1] for b in body) for span in spans]

    def gap(k: int) -> float:
        """The gap between span k and the next."""
        return spans[k + 1][0] - spans[k][1] if k in range(len(spans) - 1) else float("inf")

    out: list[list[float]] = []
    k = 0
    while k < len(spans):
        j = k + 1
        if (
            j < len(spans)
            and ((bare[k] and headed_only[j]) or (headed_only[k] and bare[j]))
            and gap(k) < min(gap(k - 1), gap(j))
        ):
            out.append([spans[k][0], spans[j][1]])
            k += 2
        else:
            out.append(spans[k])
            k += 1
    return out


def _named(spans: list[list[float]], body: Sequence[_Word]) -> list[list[float]]:
    """The columns' spans with a header's column over no word of the body, right of a column of names (or codes),
    made one with it when the header is centred over that column and the blank up to the next column the body prints
    in: names print from the left of a cell wider than they are, and its header (科目名称, 项目) centred in it is
    the names' header, not a column of blanks of its own. A column of blanks under a header of its own (年初结转和结余)
    is centred over its own cell, well right of that middle."""

    printing = [[w for w in body if w.x0 < span[1] and span[0] < w.x1] for span in spans]
    out: list[list[float]] = []
    names: list[_Word] = []  # the body's words in the last span of ``out``
    for k, span in enumerate(spans):
        if out and names and not printing[k] and not any(_FIGURE.match(w.text) for w in names):
            left = out[-1][0]
            right = next((spans[m][0] for m in range(k + 1, len(spans)) if printing[m]), None)
            if right is not None and abs((span[0] + span[1]) / 2 - (left + right) / 2) <= _OFF_CENTRE * (right - left) + _SLACK:
                out[-1] = [left, span[1]]
                continue
        out.append(span)
        names = printing[k]
    return out


def _widened(spans: list[list[float]], header: Sequence[_Word]) -> None:
    """The columns' spans widened to the header words printed over one column alone (a wrapped header's first line,
    功能分类科目 over 编码, is wider than the codes under it): short of the next column's text, each shows that its
    cell reaches at least that far, where the middle of the gap between two columns' texts may fall inside it. A word
    centred over the column's text, as its header's lines are: a merged cell's text (项目 over 编码 | 名称) is centred
    over the gap between its columns, and may reach one of them alone where the other's text is narrow."""
    for word in header:
        hit = _overlapping(word, spans)
        if len(hit) != 1 or not spans[hit[0]][0] <= word.centre <= spans[hit[0]][1]:
            continue
        k = hit[0]
        if (k == 0 or spans[k - 1][1] + _SLACK < word.x0) and (k == len(spans) - 1 or word.x1 < spans[k + 1][0] - _SLACK):
            spans[k] = [min(spans[k][0], word.x0), max(spans[k][1], word.x1)]


def _over(word: _Word, below: Sequence[_Word], line: Sequence[_Word] = ()) -> bool:
    """Whether a header word heads others printed below it: it has some on both sides of its middle, within its own
    width (a merged cell's text is centred over its columns' headers, or is a wrapped header's first line) or, given
    the header's first ``line`` (the widest groupings: 收入 | 支出, 预算数 | 决算数), nearer it than any other word of
    that line (收入 over 项目 and 决算数 of wide columns, each far from it)."""
    reach = word.x1 - word.x0 + _SLACK
    lower = [w for w in below if w.top > word.bottom - 1]
    left = any(w.x0 < word.centre and w.x1 > word.x0 - reach for w in lower)
    right = any(w.x1 > word.centre and w.x0 < word.x1 + reach for w in lower)
    if left and right:
        return True
    others = [w for w in line if w is not word]
    if not others:
        return False
    mine = [w for w in lower if all(abs(w.centre - word.centre) < abs(w.centre - other.centre) for other in others)]
    return any(w.x0 < word.centre for w in mine) and any(w.x1 > word.centre for w in mine)


def _cell_text(words: Sequence[_Word]) -> str:
    """A cell's words as one text: words of a line joined by a space, wrapped lines joined as they run on."""
    return "".join(_line_text(line) for line in _text_rows(words))


def _text_grid(
    number: int, header: Sequence[Sequence[_Word]], body: Sequence[Sequence[_Word]], columns: _Columns,
    spans: dict[int, tuple[int, int]],
) -> tuple[tuple[float, float, float, float], tuple[tuple[Cell, ...], ...]] | None:
    """The table as a ruled one gives it: header rows (a merged cell's text in its first column, ``None`` in the
    others it spans) and body rows (a wrapped cell's lines joined), each cell boxed by its column's edges. ``None``
    when a figure falls across two columns or two figures in one cell (the table is read with doubt)."""
    edges = columns.edges
    rows: list[tuple[Cell, ...]] = []

    def box(first: int, last: int, line: Sequence[_Word]) -> Box:
        return _box(number, (edges[first], min(w.top for w in line), edges[last + 1], max(w.bottom for w in line)))

    for line in header:
        cells = [Cell("", box(k, k, line)) for k in range(columns.width)]
        for word in sorted(line, key=lambda w: spans[id(w)][1] - spans[id(w)][0], reverse=True):
            first, last = spans[id(word)]
            if cells[first].text != "" or any(cells[k].text for k in range(first + 1, last + 1)):
                return None  # two header words in one place
            cells[first] = Cell(word.text, box(first, last, line))
            for k in range(first + 1, last + 1):
                cells[k] = Cell(None, None)
        rows.append(tuple(cells))
    for line in body:
        placed: dict[int, list[_Word]] = {}
        reach: dict[int, int] = {}  # how far right the cell's words reach (a label printed across two columns)
        starts = {columns.of(w)[0] for w in line if columns.of(w)}
        for word in line:
            hit = columns.of(word)
            if not hit or (len(hit) > 1 and _FIGURE.match(word.text)):
                return None
            # a label runs on over its cell's edge only into cells its line leaves blank: a cell its line prints in
            # stops it (the edge, estimated where the label's column printed narrower, was too near: on the page
            # before, when a table goes on with the columns read there)
            stop = next((k for k in hit[1:] if k in starts), None)
            if stop is not None:
                hit = [k for k in hit if k < stop]
            placed.setdefault(hit[0], []).append(word)
            reach[hit[0]] = max(reach.get(hit[0], hit[0]), hit[-1])
        if any(sum(1 for w in words if _FIGURE.match(w.text)) > 1 for words in placed.values()):
            return None
        cells = [Cell("", box(k, k, line)) for k in range(columns.width)]
        for k in sorted(placed):
            if cells[k].text is None:
                return None  # a cell under another's label
            cells[k] = Cell(_cell_text(placed[k]), box(k, reach[k], line))
            for m in range(k + 1, reach[k] + 1):
                cells[m] = Cell(None, None)
        rows.append(tuple(cells))
    rows = [_label_across(row) for row in rows]
    top = min(w.top for line in (*header, *body) for w in line)
    bottom = max(w.bottom for line in (*header, *body) for w in line)
    return (edges[0], top - 1, edges[-1], bottom + 1), tuple(rows)


def _label_across(row: tuple[Cell, ...]) -> tuple[Cell, ...]:
    """A row whose total's label (合计) prints in the name column with the code column blank, as a ruled table gives
    it: the label across both (a ruled table merges the code and name cells of its total row)."""
    if len(row) < 3 or row[0].text != "" or not row[1].text or not _TOTAL_LABEL.match(row[1].text):
        return row
    first, second = row[0].box, row[1].box
    if first is None or second is None:
        return row
    return (Cell(row[1].text, attrs.evolve(first, x1=second.x1)), Cell(None, None), *row[2:])


def _body_rows(lines: Sequence[Sequence[_Word]], columns: _Columns) -> list[list[_Word]]:
    """The body's text lines as rows. Lines closer than :func:`_close` make a band; in a band each line that prints a
    figure (or opens a row: 一、…, 合计) is a row, and each other line is a line of a wrapped cell of the row whose line
    is nearest its own (a wrapped cell's lines are centred on its row's) — when the line before it in the cell runs
    to the column's right edge, as a wrapped line does; else it is a row of its own."""
    right: dict[int, float] = {}
    for line in lines:
        for word in line:
            for k in columns.of(word)[:1]:
                right[k] = max(right.get(k, word.x1), word.x1)

    def full(lines: Sequence[Sequence[_Word]], under: Sequence[_Word]) -> bool:
        """Whether each word of ``under`` (a line's) has in its column, in the nearest of ``lines`` (nearest first)
        that prints in it, a word reaching the column's right edge (within a character): the line it wraps from."""
        for word in under:
            k = columns.of(word)[:1]
            above = next(([w for w in line if columns.of(w)[:1] == k] for line in lines if any(columns.of(w)[:1] == k for w in line)), [])
            if not k or not above or max(w.x1 for w in above) < right[k[0]] - (word.bottom - word.top):
                return False
        return True

    rows: list[list[_Word]] = []
    band: list[Sequence[_Word]] = []

    def beside(upper: Sequence[_Word], line: Sequence[_Word]) -> bool:
        """Whether a line opening a row only goes on with the row of the line above it: it opens it in a column that
        line leaves blank (二、外交支出 beside a name wrapped on three lines, 二、政府性基金 / 预算财政拨款收 / 入) and
        prints in the others only what wraps that line's text there, not a figure or a row's opening."""
        used = {k for w in upper for k in columns.of(w)[:1]}
        wraps = [w for w in line if set(columns.of(w)[:1]) & used]
        return bool(wraps) and len(wraps) < len(line) and all(
            not _FIGURE.match(w.text) and not _ENUMERATED.match(w.text) and full([upper], [w]) for w in wraps
        )

    def close_band() -> None:
        for n in range(len(band) - 1, 0, -1):  # a row's code printed level with its name and figures, a little higher
            if _anchors(band[n]) and _anchors(band[n - 1]) and (
                _level_with(band[n - 1], band[n], columns) or beside(band[n - 1], band[n])
            ):
                band[n - 1 : n + 1] = [[*band[n - 1], *band[n]]]
        anchors = [n for n, line in enumerate(band) if _anchors(line)]
        found: dict[int, list[_Word]] = {n: list(band[n]) for n in anchors}
        owner: dict[int, int] = {n: n for n in anchors}  # the row each line of the band went to
        for n, line in enumerate(band):
            if n in found:
                continue
            nearest = min(anchors, key=lambda a: abs(_middle(band[a]) - _middle(line)), default=None)
            level = next((m for m in range(n) if _level_with(line, band[m], columns)), None)
            if nearest is None and level is not None:
                # a band that opens no row (labels with blanks beside them): a line level with one before it is
                # the same row's other cell (结余分配 beside 使用非财政拨款 / 结余, centred on it)
                nearest = owner[level]
            elif nearest is None and n and full(band[n - 1 :: -1], line):
                # and a line under one that runs to its column's edge wraps it (年初财政拨款结转 / 和结余)
                k = columns.of(line[0])[:1]
                nearest = owner[next(m for m in range(n - 1, -1, -1) if any(columns.of(w)[:1] == k for w in band[m]))]
            elif nearest is None or not (
                _level_with(line, band[nearest], columns)
                or (full([line], line) if n < nearest else full(band[n - 1 :: -1], line))
            ):
                found[n] = list(line)
                owner[n] = n
                continue
            found[nearest].extend(line)
            owner[n] = nearest
        rows.extend(found[n] for n in sorted(found))

    spacing = _row_spacing(lines)
    for line in lines:
        if band and not _close(band[-1], line, spacing):
            close_band()
            band = []
        band.append(line)
    if band:
        close_band()
    return rows


def _middle(line: Sequence[_Word]) -> float:
    return (min(w.top for w in line) + max(w.bottom for w in line)) / 2


def _close(upper: Sequence[_Word], lower: Sequence[_Word], spacing: float = 0.0) -> bool:
    """Whether two text lines may be lines of one wrapped cell: less than 0.4 of a line's height apart, or than 0.6 of
    the space between two rows of the table (``spacing``; rows stand further apart, by twice their cells' padding)."""
    height = min(w.bottom - w.top for w in (*upper, *lower))
    return min(w.top for w in lower) - max(w.bottom for w in upper) < max(0.4 * height, 0.6 * spacing)


def _row_spacing(lines: Sequence[Sequence[_Word]]) -> float:
    """The space usual between two rows of a table's body: the median gap between two lines next to each other that
    each print a figure (0 when there are none)."""
    gaps = sorted(
        min(w.top for w in lower) - max(w.bottom for w in upper)
        for upper, lower in itertools.pairwise(lines)
        if _anchors(upper) and _anchors(lower)
    )
    return max(gaps[len(gaps) // 2], 0.0) if gaps else 0.0


def _level_with(line: Sequence[_Word], anchor: Sequence[_Word], columns: _Columns) -> bool:
    """Whether a line of words is printed level with a row's line (the two overlap) in columns the row leaves blank:
    the row's other cells, centred otherwise in a taller row."""
    if not (min(w.top for w in line) < max(w.bottom for w in anchor) and min(w.top for w in anchor) < max(w.bottom for w in line)):
        return False
    used = {k for w in anchor for k in columns.of(w)}
    return not any(k in used for w in line for k in columns.of(w))


def _words(page: Any) -> list[_Word]:
    """The page's words; two that pdfplumber gives apart though they touch on one line (a wrapped header's 位补 | 助支,
    its characters drawn in another order) are one."""
    words: list[_Word] = []
    for w in sorted(page.extract_words(x_tolerance=_WORD_GAP, keep_blank_chars=False), key=lambda w: (w["top"], w["x0"])):
        word = _Word(w["text"], float(w["x0"]), float(w["x1"]), float(w["top"]), float(w["bottom"]))
        last = words[-1] if words else None
        if last is not None and abs(word.top - last.top) < 0.5 and 0 <= word.x0 - last.x1 <= _WORD_GAP:
            words[-1] = attrs.evolve(last, text=last.text + word.text, x1=word.x1, bottom=max(last.bottom, word.bottom))
        else:
            words.append(word)
    return words


@attrs.frozen
class _Unruled:
    """A table read from its words' alignment: its box, its rows as a ruled table gives them, its columns, and its
    header's lines (each line's words joined by a space), which a page it goes on to may print again."""

    bbox: tuple[float, float, float, float]
    rows: tuple[tuple[Cell, ...], ...]
    columns: _Columns
    heading: tuple[str, ...]


def _unruled_tables(number: int, page: Any, lines: Sequence[Line], found: Sequence[Any]) -> list[_Unruled]:
    """The tables a page prints under a table's title (…决算表) without ruling lines, read from the alignment of their
    words: the columns from where the body's figures and words print and where the header names a column, the
    rows from the text lines. Only where no ruled table (of two rows and two columns at least) stands under the
    title or holds it (a title printed in the grid's first row, merged across it, as a workbook prints it: read from
    its words as well, the table was read twice, and the second copy took its notes and its continuation); a table
    read with doubt is not read at all (the title stays reported as unruled)."""
    ruled = [t.bbox for t in found if not _degenerate(t)]
    texts = sorted(lines, key=lambda line: line.box.top)
    starts: list[int] = []
    for i, line in enumerate(texts):
        if _UNRULED_TITLE.search(without_table_tag(without_unit(line.text))) and not _PART_HEADING.match(line.text):
            starts.append(i)
    if not starts:
        return []
    words: list[_Word] | None = None
    out: list[_Unruled] = []
    for n, i in enumerate(starts):
        j = i + 1
        while j < len(texts) and table_furniture(texts[j].text):
            j += 1
        if j >= len(texts) or (n + 1 < len(starts) and starts[n + 1] == j):
            continue  # a title over another title (the report's own 某某局2024年度部门决算表 over the first table)
        top = texts[j].box.top
        end = next((k for k in range(j, len(texts)) if _ends_table(texts[k].text) or k in starts[n + 1 :]), len(texts))
        bottom = texts[end].box.top if end < len(texts) else float("inf")
        if any(texts[i].box.bottom - 1 <= bbox[1] < bottom or _inside(texts[i].box, bbox) for bbox in ruled):
            continue  # a ruled table stands under the title, or prints it in its first row
        if words is None:
            words = _words(page)
        region = [w for w in words if top - 1 <= w.top and w.bottom <= bottom]
        read = _read_unruled(number, _text_rows(region))
        if read is not None:
            out.append(read)
    return out


def _ends_table(text: str) -> bool:
    """Whether a line printed below a table's title ends what may be its table: a note (注：…), a sentence, a part's
    heading — running text, never a row."""
    return bool(_NOTE_LINE.match(text) or _PART_HEADING.match(text)) or text.rstrip().endswith(("。", "；"))


def _read_unruled(number: int, lines: Sequence[Sequence[_Word]]) -> _Unruled | None:
    """A table from its text lines (header, then body), or None when they do not make one without doubt."""
    first = next((k for k, line in enumerate(lines) if _anchors(line) and not _header_total(lines, k)), len(lines))
    names = [w for line in lines[first:] for w in line if not _FIGURE.match(w.text)]
    while 0 < first < len(lines) and _close(lines[first - 1], lines[first]) and all(
        any(w.x0 < word.x1 and word.x0 < w.x1 for w in names) for word in lines[first - 1]
    ):
        first -= 1  # the first line of a wrapped name of the body's first row, not a header (over no name)
    header, printed = list(lines[:first]), list(lines[first:])
    if not header or (not printed and not _bare_header(header)):
        return None
    found = _columns_of(header, printed)
    if found is None:
        return None
    columns, leaves = found
    spans = _header_spans(header, columns, leaves)
    if spans is None:
        return None
    grid = _text_grid(number, header, _body_rows(printed, columns), columns, spans)
    return None if grid is None else _Unruled(*grid, columns, tuple(_line_text(line) for line in header))


def _header_total(lines: Sequence[Sequence[_Word]], k: int) -> bool:
    """Whether line ``k``, a total alone (合计), is a header's: a header cell's text centred level with the header's
    other lines (the next line, no row, prints level with it: 合计 merged down two header rows beside 功能分类 /
    科目编码), not the label of a total row over blanks."""
    line = lines[k]
    if _prints_row(line) or k + 1 >= len(lines):
        return False
    after = lines[k + 1]
    return not _anchors(after) and min(w.top for w in after) < max(w.bottom for w in line)


#: Most characters a header's word prints (公务用车购置及运行维护费 is 12): a longer word is running text.
_HEADER_WORD: Final = 16


def _bare_header(header: Sequence[Sequence[_Word]]) -> bool:
    """Whether lines with no row under them are the header of an empty table (表七 printed with no figures, under its
    预算数 | 决算数 pairs), not running text: the last line names four columns at least, and no word is longer than a
    header's or prints a digit."""
    words = [w for line in header for w in line]
    return len(header[-1]) >= 4 and all(len(w.text) <= _HEADER_WORD and not any(c.isdigit() for c in w.text) for w in words)


def _continued(number: int, page: Any, table: _Unruled) -> _Unruled | None:
    """The rest of a table read from its words on the page before, printed at the top of this page under no title
    or under its title marked as continued (收入决算表（续）, 续表, with its unit; the title stays above the rest, as
    over a ruled table's rest, which the table importer joins): its rows from the first that prints a figure (with
    the lines of a wrapped name above it; after a running head at most), or from the first under its header printed
    again (within the table's box, so that it is not read as text), while their words keep to the table's columns,
    up to a note."""
    columns = table.columns
    lines = _text_rows(_words(page))
    # the title marked as continued and its furniture (单位：万元), after a running head at most
    lead = max(
        (k + 1 for k in range(min(3, len(lines))) if _continuation_heading(_line_text(lines[k]))), default=0
    )
    size = len(table.heading)
    header = next(
        (
            k for k in range(lead, lead + 2)
            if size and [_line_text(line) for line in lines[k : k + size]] == list(table.heading)
        ),
        None,
    )
    if header is not None:
        first = header + size
    else:
        found = next((k for k, line in enumerate(lines) if k >= lead and _anchors(line)), None)
        while found and found > lead and _close(lines[found - 1], lines[found]) and _keeps_to(lines[found - 1], columns):
            found -= 1  # the first line of the first row's wrapped name
        if found is None or found > lead + 1:
            return None
        first = found
    rows: list[list[_Word]] = []
    for line in lines[first:]:
        if _ends_table(_line_text(line)) or not _keeps_to(line, columns):
            break
        rows.append(line)
    grid = _text_grid(number, [], _body_rows(rows, columns), columns, {}) if rows else None
    if grid is None:
        return None
    (x0, top, x1, bottom), cells = grid
    if header is not None:
        top = min(w.top for w in lines[header]) - 1
    return _Unruled((x0, top, x1, bottom), cells, columns, table.heading)


def _keeps_to(line: Sequence[_Word], columns: _Columns) -> bool:
    """Whether a text line's words keep to a table's columns: each in one, but a label that runs over its cell's
    edge (a figure never does)."""
    return all(columns.of(w) and (len(columns.of(w)) == 1 or not _FIGURE.match(w.text)) for w in line)


def _continuation_heading(text: str) -> bool:
    """Whether a line printed at the top of a page is a table's title marked as continued (…表（续）, 续表), or
    a table's furniture (its unit, its number)."""
    return bool(CONTINUED_TITLE.search(without_table_tag(without_unit(text)))) or table_furniture(text)


def _line_text(line: Sequence[_Word]) -> str:
    return " ".join(w.text for w in line)


def _open(table: _Unruled, lines: Sequence[Line]) -> bool:
    """Whether a table read from its words ends its page: nothing but a page number printed below it."""
    return not any(line.box.top > table.bbox[3] and not page_number(line.text) for line in lines)


def _degenerate(table: Any) -> bool:
    """Whether a ruled table found is one row or one column: an outer frame, or a box, not a grid."""
    return len(table.rows) < 2 or max((len(row.cells) for row in table.rows), default=0) < 2


def _meets(a: Sequence[float], b: Sequence[float]) -> bool:
    """Whether two boxes (x0, top, x1, bottom) overlap."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
