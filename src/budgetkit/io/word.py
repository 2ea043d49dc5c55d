"""From a report published as a Word document (``.docx``): :func:`read_docx`.

A 决算说明 is written in Word, and many departments publish the ``.docx`` itself beside (or instead of) a PDF.
Its paragraphs and tables are read straight from the document's XML — no conversion, nothing to install —
into the :class:`~budgetkit.io.document.Document` a web page is read into
(:func:`budgetkit.io.text.assemble`), and imported by the steps a PDF is (:func:`budgetkit.io.pdf.from_document`):
the narrative grammar reads the 情况说明, the table importer maps each table to the template's by its title, the
self-evaluation tables become projects.

What Word shows is what is read:

- **Numbering.** A heading numbered by Word's list numbering (``一、`` ``（二）`` ``3.`` typed by Word, not by
  hand) is read with its number, counted as Word counts it (``numbering.xml``, through the paragraph's own
  numbering or its style's): the sections of the 情况说明 are found by those numbers.
- **Tables.** Merged cells (``gridSpan`` across, ``vMerge`` down) are merged places, as a PDF's and a web
  page's are; a cell's paragraphs are joined (a label wrapped in its cell reads whole).
- **Edits.** Tracked deletions and moved-away text are left out, insertions kept; field codes (``PAGEREF``,
  ``TOC``) and hidden text are left out, field results kept; text boxes are read once, after their paragraph.

The place of everything is its paragraph, counted from the start of the body as Word's paragraphs are
(``第12段``), and, in a table, its cell (``第40段 表2 第3行第2格``).

The charts the captions name ("（图1：收、支决算总计变动情况图）（柱状图）") are the account's ``charts``, each placed on its
caption's paragraph, with the data Word keeps in each chart part drawn in the body (``word/charts/chart1.xml``: its
title, its categories and its values as last computed), paired with the captions in order when there is one chart
for each (:func:`word_charts`).

A Word 97–2003 ``.doc`` (and a password-protected ``.docx``, which is stored the same way) or an RTF file is not
read: save it as ``.docx`` or PDF. A web page saved under a Word name (as sites often serve a ``.doc``) is read as
the web page it is (:func:`budgetkit.io.text.read_html`). A file whose document part is larger than :data:`MAX_XML_BYTES` unpacked, or that declares
a DTD, or has more than :data:`MAX_ELEMENTS` elements or nests them deeper than :data:`MAX_DEPTH`, is refused
unread.

>>> read_docx("no-such-report.docx")
Traceback (most recent call last):
...
budgetkit.errors.LoadError: cannot load no-such-report.docx: 1 problem
  file: No such file or directory
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Final
from xml.etree import ElementTree

import attrs

from budgetkit.errors import InvalidNumberError, LoadError, LoadIssue
from budgetkit.io.document import Box, Document, letters_joined, unified_characters
from budgetkit.io.pdf import Imported, from_document
from budgetkit.io.text import (
    ChartData,
    NotAReport,
    Rows,
    TextBox,
    assemble,
    chart_captions,
    one_series,
    read_bytes,
    report_line,
    with_charts,
    with_data,
)
from budgetkit.model.account import Chart, UnitType
from budgetkit.values.formatting import chinese_ordinal

__all__ = ["MAX_BYTES", "MAX_CELLS", "MAX_COLUMNS", "MAX_DEPTH", "MAX_ELEMENTS", "MAX_XML_BYTES", "WordBox", "not_a_word_report", "read_docx", "word_charts", "word_document"]

#: Largest file read (50 MiB): a report with its pictures is well under.
MAX_BYTES: Final = 50 * 1024 * 1024
#: Largest document part read unpacked (32 MiB of XML): a 200-page report's is a few MiB.
MAX_XML_BYTES: Final = 32 * 1024 * 1024
#: Most elements read in one part (a 200-page report's document has about a hundred thousand).
MAX_ELEMENTS: Final = 1_000_000
#: Widest table row read (grid columns; a report's widest table has about 20), and most places of one table.
MAX_COLUMNS: Final = 200
MAX_CELLS: Final = 200_000
#: Deepest nesting of elements read (a table in a cell in a text box is about 30 levels deep).
MAX_DEPTH: Final = 200

_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC: Final = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC, _R, _T = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc", f"{_W}r", f"{_W}t"
_VAL: Final = f"{_W}val"
_RPR, _VANISH = f"{_W}rPr", f"{_W}vanish"
#: What a paragraph's text never holds: deleted and moved-away text, field codes, the properties of runs and
#: paragraphs, and the second copy of a drawing (``mc:Fallback``, the same text box for older readers)
_LEFT_OUT: Final = frozenset(
    {f"{_W}{tag}" for tag in ("del", "moveFrom", "instrText", "delInstrText", "rPr", "pPr", "tblPr", "trPr", "tcPr")}
    | {f"{_MC}Fallback"}
)
#: Containers whose content is read as if it stood in their place (content controls, custom XML, smart tags)
_TRANSPARENT: Final = frozenset({f"{_W}{tag}" for tag in ("sdt", "sdtContent", "customXml", "smartTag", "ins", "moveTo")})
_HTML: Final = re.compile(rb"<html|<!doctype html")
_CJK: Final = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")

_STEMS: Final = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED: Final = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_FULL_WIDTH: Final = str.maketrans("0123456789", "０１２３４５６７８９")


@attrs.frozen
class WordBox(TextBox):
    """The place of a paragraph of a Word document: ``line`` is the paragraph, counted from 1; ``element`` names
    a table cell.

    >>> str(WordBox(1, 0.0, 11.0, 40.0, 12.0, line=12)), str(WordBox(1, 0.0, 0.0, 1.0, 1.0, line=40, element="表2 第3行第2格"))
    ('第12段', '第40段 表2 第3行第2格')
    """

    def __str__(self) -> str:
        return f"第{self.line}段" + (f" {self.element}" if self.element else "")


def read_docx(
    path: str | Path, *, table_set: str = "national-2024", unit_type: UnitType | str | None = None
) -> Imported:
    """Import a report published as a Word document (``.docx``): its paragraphs and tables (see the module)."""
    data = read_bytes(path, MAX_BYTES)
    if _HTML.search(data[:2048].lower()):  # a web page Word saved, or a site served, under a Word name
        from budgetkit.io.text import read_html

        return read_html(path, table_set=table_set, unit_type=unit_type)
    doc, parts = _read_package(data, str(path))
    imported = from_document(doc, table_set=table_set, unit_type=unit_type)
    return with_charts(imported, _paired(doc, parts), values_printed=False)


def not_a_word_report(path: str | Path) -> NotAReport | None:
    """Why a Word document found in a directory is not a report (a covering letter beside the reports), or ``None``
    when it is one: a report has a line of its own — a title, a section heading, a table title naming 决算 or
    绩效自评表 (:func:`budgetkit.io.text.report_line`) — among its paragraphs or table titles. A file that cannot be
    read is not judged here (``None``): its import names the problem.
    """
    try:
        data = read_bytes(path, MAX_BYTES)
        if _HTML.search(data[:2048].lower()):
            return None
        doc = word_document(data, str(path))
    except LoadError:
        return None
    texts = [p.text for p in doc.paragraphs] + [line.text for t in doc.tables for line in t.heading]
    if any(report_line(text) for text in texts):
        return None
    return NotAReport("no 决算 title, section heading or table title in it", "其中没有决算标题、章节标题或表名")


#: The chart parts' namespaces, and the relationships of the document part.
_C: Final = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
_A: Final = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_R_ID: Final = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_CHART: Final = f"{_C}chart"
_CHART_RELATION: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
#: What reading a damaged package raises (zipfile raises several kinds: a ValueError for a negative seek), and with a
#: refusal of a part (too large, malformed).
_DAMAGED: Final = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError, ValueError)
_UNREADABLE: Final = (LoadError, *_DAMAGED)


def word_document(data: bytes, source: str = "<docx>") -> Document:
    """A ``.docx`` file's body as a :class:`~budgetkit.io.document.Document` (see the module); LoadError when it
    is not one.

    >>> word_document(b"%PDF-1.7", "x.docx")
    Traceback (most recent call last):
    ...
    budgetkit.errors.LoadError: cannot load x.docx: 1 problem
      file: not a Word document (.docx): a PDF; import it as .pdf
    """
    return _read_package(data, source)[0]


def _read_package(data: bytes, source: str) -> tuple[Document, list[ChartData | None]]:
    """The document (:func:`word_document`) and the data of each chart part its body draws, in reading order
    (None for a part that cannot be read, or holds no one series: :func:`_series`)."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise _refused(source, "a Word 97-2003 document (.doc) or a password-protected one: save it as .docx or PDF")
    if data.startswith(b"%PDF-"):
        raise _refused(source, "not a Word document (.docx): a PDF; import it as .pdf")
    if data.startswith(b"{\\rtf"):
        raise _refused(source, "a rich-text (RTF) document, not .docx: save it as .docx or PDF")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            body = _part(package, "word/document.xml", source)
            numbering = _part(package, "word/numbering.xml", source)
            styles = _part(package, "word/styles.xml", source)
            if body is None:
                raise _refused(source, "not a Word document (.docx): it has no word/document.xml")
            root = _xml(body, source)
            found = root.find(f"{_W}body")
            if found is None:
                raise _refused(source, "not a Word document (.docx): its document part has no body")
            counter = _Counter(
                _xml(numbering, source) if numbering else None, _xml(styles, source) if styles else None
            )
            reader = _Reader(counter)
            try:
                items = list(reader.items(found))
            except _TableTooLarge as exc:
                raise _refused(source, f"{exc}, more than a report's has") from None
            charts = _chart_parts(package, reader.charts, source) if reader.charts else []
    except LoadError:
        raise
    except _DAMAGED as exc:  # a damaged package: zipfile raises several kinds (a ValueError for a negative seek)
        raise _refused(source, f"not a Word document (.docx): {exc}") from None
    return assemble(items, source, WordBox), charts


def word_charts(data: bytes, source: str = "<docx>") -> list[tuple[Chart, Box]]:
    """The charts a ``.docx`` file's captions name (:func:`budgetkit.io.text.chart_captions`), each with its caption's
    place and the data of the chart part drawn in the body in the same order (one for each caption), where that part
    holds one series of numbers (its title, its categories and its cached values); a chart whose part holds another
    shape, or cannot be read, keeps no data."""
    return _paired(*_read_package(data, source))


def _paired(doc: Document, parts: Sequence[ChartData | None]) -> list[tuple[Chart, Box]]:
    """The charts ``doc``'s captions name, with the chart parts' data in order (see :func:`word_charts`)."""
    return with_data(chart_captions([(p.text, p.lines[0].box) for p in doc.paragraphs if "图" in p.text]), parts)


def _chart_parts(package: zipfile.ZipFile, ids: Sequence[str], source: str) -> list[ChartData | None]:
    """The data of the chart part of each relationship id, in order; None where it cannot be read (a part too large,
    malformed or damaged keeps its chart without data, and the document is read all the same)."""
    try:
        rels = _part(package, "word/_rels/document.xml.rels", source)
        relations = [] if rels is None else list(_xml(rels, source))
    except _UNREADABLE:
        relations = []
    targets = {r.get("Id"): r.get("Target", "") for r in relations if r.get("Type") == _CHART_RELATION}
    found: list[ChartData | None] = []
    for rid in ids:
        target = targets.get(rid)
        try:
            part = None if not target else _part(package, _target(target), source)
            found.append(None if part is None else _series(_xml(part, source)))
        except _UNREADABLE:
            found.append(None)
    return found


def _target(target: str) -> str:
    """A relationship's target as a part name of the package (relative to ``word/``, or absolute)."""
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("word", target))


def _series(root: ElementTree.Element) -> ChartData | None:
    """A chart part's title and its one series' categories and values as cached, or None (no series, or several)."""
    chart = root.find(f"{_C}chart")
    plot = None if chart is None else chart.find(f"{_C}plotArea")
    if chart is None or plot is None:
        return None
    series = [ser for kind in plot for ser in kind.findall(f"{_C}ser")]
    if len(series) != 1:
        return None
    title = chart.find(f"{_C}title")
    text = "" if title is None else "".join(t.text or "" for t in title.iter(f"{_A}t"))
    return one_series(text.strip(), _points(series[0].find(f"{_C}cat")), _points(series[0].find(f"{_C}val")))


def _points(node: ElementTree.Element | None) -> tuple[str, ...]:
    """The cached points of a series' categories or values, in their order (``c:pt``'s ``idx``)."""
    if node is None:
        return ()
    points = sorted((_to_int(pt.get("idx"), 0), (pt.findtext(f"{_C}v") or "").strip()) for pt in node.iter(f"{_C}pt"))
    return tuple(value for _, value in points)


def _refused(source: str, why: str) -> LoadError:
    return LoadError(source, [LoadIssue("file", why)])


def _part(package: zipfile.ZipFile, name: str, source: str) -> bytes | None:
    """One part of the package, read no further than :data:`MAX_XML_BYTES` whatever its header says."""
    try:
        info = package.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_XML_BYTES:
        raise _refused(source, f"{name} is {info.file_size} bytes unpacked, more than the {MAX_XML_BYTES} bytes a report's has")
    with package.open(info) as handle:
        data = handle.read(MAX_XML_BYTES + 1)
    if len(data) > MAX_XML_BYTES:
        raise _refused(source, f"{name} unpacks to more than the {MAX_XML_BYTES} bytes a report's has")
    return data


def _xml(data: bytes, source: str) -> ElementTree.Element:
    """Parse a part; one that declares a DTD (entities, the way to a billion laughs) is refused, as Word writes none."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise _refused(source, "a document part declares a DTD, which Word never writes: refused unread")
    depth = elements = 0
    root: ElementTree.Element | None = None
    try:
        for event, element in ElementTree.iterparse(io.BytesIO(data), events=("start", "end")):
            if event == "end":
                depth -= 1
                continue
            root = element if root is None else root
            depth += 1
            elements += 1
            if elements > MAX_ELEMENTS:  # each costs memory: a part of millions of empty runs is refused
                raise _refused(source, f"a document part has more than {MAX_ELEMENTS} elements, more than a report's has")
            if depth > MAX_DEPTH:  # what is read is walked recursively: a hostile nesting is refused, not followed
                raise _refused(source, f"a document part nests elements deeper than {MAX_DEPTH} levels, as Word never does")
    except (ElementTree.ParseError, LookupError) as exc:  # LookupError: an encoding the declaration names, unknown
        raise _refused(source, f"a document part is not well-formed XML: {exc}") from None
    if root is None:
        raise _refused(source, "a document part is empty")
    return root


class _TableTooLarge(Exception):
    """A table larger than a report prints (its grid is built place by place): the document is refused."""


class _Reader:
    """Walks a body in reading order: each paragraph's text (numbered as Word shows it), each top-level table."""

    def __init__(self, counter: _Counter) -> None:
        self.counter = counter
        self.paragraphs = 0  # paragraphs seen: the place of the last
        self.charts: list[str] = []  # the relationship ids of the charts drawn, in reading order

    def items(self, parent: ElementTree.Element) -> Iterator[tuple[str, int] | Rows]:
        for child in parent:
            if child.tag == _P:
                yield from self.paragraph(child)
            elif child.tag == _TBL:
                yield self.table(child)
            elif child.tag in _TRANSPARENT:
                yield from self.items(child)

    def paragraph(self, p: ElementTree.Element) -> Iterator[tuple[str, int] | Rows]:
        self.paragraphs += 1
        line = self.paragraphs
        boxes: list[ElementTree.Element] = []
        text = self.counter.label(p) + _text(p, boxes, self.charts)
        if text.strip():
            yield text, line
        for content in boxes:  # a text box's paragraphs, after the paragraph that holds it
            yield from self.items(content)

    def table(self, tbl: ElementTree.Element) -> Rows:
        rows: list[list[tuple[str, int, int, int, bool]]] = []  # (text, colspan, line, column, continues above)
        for tr in _children(tbl, _TR):
            row: list[tuple[str, int, int, int, bool]] = []
            column = max(0, min(MAX_COLUMNS, _int(tr.find(f"{_W}trPr/{_W}gridBefore"), 0)))
            for filler in range(column):
                row.append(("", 1, self.paragraphs, filler, False))
            for tc in _children(tr, _TC):
                props = tc.find(f"{_W}tcPr")
                span = max(1, min(MAX_COLUMNS, _int(None if props is None else props.find(f"{_W}gridSpan"), 1)))
                merge = None if props is None else props.find(f"{_W}vMerge")
                continues = merge is not None and merge.get(_VAL, "continue") != "restart"
                first = self.paragraphs + 1
                row.append((self.cell(tc), span, first, column, continues))
                column += span
                if column > MAX_COLUMNS:
                    raise _TableTooLarge(f"a table row of more than {MAX_COLUMNS} columns")
            rows.append(row)
        width = max((sum(cell[1] for cell in row) for row in rows), default=0)
        if width * len(rows) > MAX_CELLS:  # every place of the grid is a cell of the table read
            raise _TableTooLarge(f"a table of {len(rows)} rows × {width} columns, more than {MAX_CELLS} places")
        return _spans(rows)

    def cell(self, tc: ElementTree.Element) -> str:
        """A cell's paragraphs joined (a label Word wraps in its cell reads whole); a table in it read as text."""
        parts: list[str] = []
        for item in self.items(tc):
            if isinstance(item, tuple):
                parts.append(item[0])
            else:
                parts.extend(text for row in item for text, *_ in row if text)
        return _joined(parts)


def _children(parent: ElementTree.Element, tag: str) -> Iterator[ElementTree.Element]:
    """The children of one kind, looking through content controls and custom XML."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in _TRANSPARENT:
            yield from _children(child, tag)


def _spans(rows: list[list[tuple[str, int, int, int, bool]]]) -> Rows:
    """Rows of (text, colspan, rowspan, line): a cell that continues the one above (``vMerge``) lengthens it."""
    out: Rows = []
    above: dict[int, tuple[int, int]] = {}  # column → (row, index) of the cell that starts there
    for r, row in enumerate(rows):
        cells: list[tuple[str, int, int, int]] = []
        for text, span, line, column, continues in row:
            start = above.get(column)
            if continues and start is not None:
                i, k = start
                t, s, rowspan, at = out[i][k]
                out[i][k] = (t, s, rowspan + 1, at)  # the merged cell takes this row too; its place is not a cell
                continue
            above[column] = (r, len(cells))
            cells.append((text, span, 1, line))
        out.append(cells)
    return out


def _int(element: ElementTree.Element | None, default: int) -> int:
    if element is None:
        return default
    try:
        return int(element.get(_VAL, default))
    except ValueError:
        return default


def _text(p: ElementTree.Element, boxes: list[ElementTree.Element], charts: list[str]) -> str:
    """A paragraph's text as Word shows it: runs, tabs and breaks, without what :data:`_LEFT_OUT` names; the text
    boxes it holds are put in ``boxes``, the relationship ids of the charts it draws in ``charts``."""
    parts: list[str] = []

    def walk(element: ElementTree.Element) -> None:
        for child in element:
            tag = child.tag
            if tag in _LEFT_OUT or (tag == _R and _hidden(child)):
                continue
            if tag == _T:
                parts.append(child.text or "")
            elif tag in (f"{_W}tab", f"{_W}ptab"):
                parts.append(" ")
            elif tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
            elif tag == f"{_W}noBreakHyphen":
                parts.append("-")
            elif tag == f"{_W}txbxContent":
                boxes.append(child)
            elif tag == _CHART:
                charts.append(child.get(_R_ID, ""))
            elif tag != _P and tag != _TBL:
                walk(child)

    walk(p)
    return _joined([letters_joined(line) for line in unified_characters("".join(parts)).split("\n")])


def _hidden(run: ElementTree.Element) -> bool:
    """Whether a run is hidden text (``w:vanish``), which Word neither shows nor prints."""
    props = run.find(_RPR)  # one tag at a time: a path would go through ElementPath, many times slower
    vanish = None if props is None else props.find(_VANISH)
    return vanish is not None and vanish.get(_VAL, "true") not in ("false", "0", "off")


def _joined(parts: list[str]) -> str:
    """Pieces of one paragraph or cell (lines Word broke, a cell's paragraphs) as one text: run together between
    Chinese characters (a wrapped label), a space elsewhere (so that two numbers never run into one)."""
    text = ""
    for piece in (part.strip() for part in parts):
        if not piece:
            continue
        if text and not (_CJK.match(text[-1]) and _CJK.match(piece[0])):
            text += " "
        text += piece
    return text


# -- Word's list numbering ----------------------------------------------------------------------------------------


@attrs.frozen
class _Level:
    start: int
    format: str
    text: str


class _Counter:
    """Word's list numbering: which list level a paragraph is at (its own ``numPr`` or its style's) and the label
    Word shows before it, counted as Word counts (a level's count restarts when a level above it moves on)."""

    def __init__(self, numbering: ElementTree.Element | None, styles: ElementTree.Element | None) -> None:
        abstract: dict[str, dict[int, _Level]] = {}
        self.lists: dict[str, dict[int, _Level]] = {}  # numId → its levels, overrides applied
        if numbering is not None:
            for node in numbering.findall(f"{_W}abstractNum"):
                abstract[node.get(f"{_W}abstractNumId", "")] = _levels(node)
            for node in numbering.findall(f"{_W}num"):
                ref = node.find(f"{_W}abstractNumId")
                key = "" if ref is None else ref.get(_VAL, "")
                levels = dict(abstract.get(key, {}))
                for override in node.findall(f"{_W}lvlOverride"):
                    ilvl = _int_attr(override, f"{_W}ilvl")
                    level = override.find(f"{_W}lvl")
                    if level is not None:
                        levels.update(_levels(override))
                    start = override.find(f"{_W}startOverride")
                    if start is not None and ilvl in levels:
                        levels[ilvl] = attrs.evolve(levels[ilvl], start=_int(start, 1))
                self.lists[node.get(f"{_W}numId", "")] = levels
        self.styles: dict[str, tuple[str | None, str | None, int | None]] = {}  # style → (based on, numId, ilvl)
        if styles is not None:
            for style in styles.findall(f"{_W}style"):
                based = style.find(f"{_W}basedOn")
                num = style.find(f"{_W}pPr/{_W}numPr")
                num_id = None if num is None else _val(num.find(f"{_W}numId"))
                level_of = None if num is None else _val(num.find(f"{_W}ilvl"))
                self.styles[style.get(f"{_W}styleId", "")] = (
                    None if based is None else based.get(_VAL), num_id, None if level_of is None else _to_int(level_of, 0)
                )
        self.counts: dict[str, dict[int, int]] = {}  # numId → level → count so far

    def label(self, p: ElementTree.Element) -> str:
        """The number Word shows before the paragraph (``一、``), or "" when it is not in a numbered list."""
        num_id, ilvl = self._numbering(p)
        if num_id is None or num_id == "0" or num_id not in self.lists:
            return ""
        levels = self.lists[num_id]
        level = levels.get(ilvl)
        if level is None:
            return ""
        counts = self.counts.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]  # a level restarts when one above it moves on
        if level.format == "bullet":
            return ""

        def shown(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            at = levels.get(k)
            if at is None:
                return ""
            return _formatted(counts.get(k, at.start), at.format)

        label = re.sub(r"%([1-9])", shown, level.text)
        return label if not label or _CJK.match(label[-1]) else label + " "  # 一、收入… but 1. 收入…

    def _numbering(self, p: ElementTree.Element) -> tuple[str | None, int]:
        props = p.find(f"{_W}pPr")
        if props is None:
            return None, 0
        num = props.find(f"{_W}numPr")
        num_id = None if num is None else _val(num.find(f"{_W}numId"))
        ilvl = None if num is None else _val(num.find(f"{_W}ilvl"))
        style = props.find(f"{_W}pStyle")
        seen: set[str] = set()
        name = None if style is None else style.get(_VAL)
        while name is not None and name not in seen and (num_id is None or ilvl is None):
            seen.add(name)  # a style based on itself (a damaged file) is followed once
            based, style_num, style_ilvl = self.styles.get(name, (None, None, None))
            num_id = num_id if num_id is not None else style_num
            if ilvl is None and style_ilvl is not None:
                ilvl = str(style_ilvl)
            name = based
        return num_id, _to_int(ilvl, 0) if ilvl is not None else 0


def _levels(node: ElementTree.Element) -> dict[int, _Level]:
    levels: dict[int, _Level] = {}
    for lvl in node.findall(f"{_W}lvl"):
        fmt, text = lvl.find(f"{_W}numFmt"), lvl.find(f"{_W}lvlText")
        levels[_int_attr(lvl, f"{_W}ilvl")] = _Level(
            start=_int(lvl.find(f"{_W}start"), 1),
            format="decimal" if fmt is None else fmt.get(_VAL, "decimal"),
            text="" if text is None else text.get(_VAL, ""),
        )
    return levels


def _val(element: ElementTree.Element | None) -> str | None:
    return None if element is None else element.get(_VAL)


def _int_attr(element: ElementTree.Element, name: str) -> int:
    return _to_int(element.get(name), 0)


def _to_int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _formatted(n: int, fmt: str) -> str:
    """A list count as Word shows it in ``fmt`` (the formats Chinese reports use; any other shows the digits).

    >>> [_formatted(n, f) for n, f in ((3, "chineseCounting"), (12, "chineseCountingThousand"), (2, "ideographTraditional"),
    ...     (4, "decimalEnclosedCircle"), (3, "lowerLetter"), (9, "upperRoman"), (7, "decimalFullWidth"))]
    ['三', '十二', '乙', '④', 'c', 'IX', '７']
    """
    if n < 1:
        return str(n)
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital",
               "taiwaneseCounting", "taiwaneseCountingThousand", "japaneseCounting"):
        try:
            return chinese_ordinal(n)
        except InvalidNumberError:
            return str(n)
    if fmt == "ideographTraditional" and n <= len(_STEMS):
        return _STEMS[n - 1]
    if fmt == "decimalEnclosedCircle" and n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman") and n < 4000:
        roman = _roman(n)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt == "decimalFullWidth":
        return str(n).translate(_FULL_WIDTH)
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out += numeral * count
    return out

