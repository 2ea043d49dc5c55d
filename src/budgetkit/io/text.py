"""From a report published as plain text or a web page: :func:`read_text` and :func:`read_html`.

Some reports reach an analyst as text (a 决算说明 saved from Word, one paragraph a line) or as a web page
(the department's site prints the 情况说明 as paragraphs and the tables as ``<table>``). Both are read into
the :class:`~budgetkit.io.document.Document` a PDF is read into, and imported by the same steps
(:func:`budgetkit.io.pdf.from_document`): the same narrative grammar reads the 情况说明's paragraphs and
the same table importer maps ``<table>`` elements to the template's tables by their titles.

- **Text**: every non-empty line is a paragraph, unless the text is hard-wrapped (taken from a PDF: most
  long lines about one width), when a line that reaches that width mid-sentence runs on into the next
  (:func:`~budgetkit.io.document.text_paragraphs`); marks a conversion leaves (``[bookmark: _Toc3028]``)
  and indentation are dropped. Text is kept as printed; numbers typed in full-width forms (１，０５４．９０万元,
  ９８％) are read as their ASCII forms (:func:`~budgetkit.io.document.half_width_numbers`), in the 情况说明 as
  in the self-evaluation tables' cells of figures. The place of everything is its line (``第12行``, :class:`TextBox`). The
  self-evaluation tables a text export prints one cell a line (a tab, then the cell) are the account's
  projects (:func:`~budgetkit.io.selfeval.split_text_tables`), each placed on its title's line.
- **HTML** (``html.parser`` of the standard library): ``<p>``, ``<h1>``…``<h6>``, ``<li>`` and
  ``<div>`` text are paragraphs; every ``<table>`` is a table whose cells keep their ``colspan`` and
  ``rowspan`` as merged places (``None``), with the paragraphs just above it (its title, ``单位：万元``)
  as its heading. The place is the line of the source and the element (``第40行 表2 第3行第2格``).

**Layouts.** A report numbered in another province's way (Sichuan's 单位决算说明 puts the 情况说明 in
第二部分) is read in the national layout, as a PDF is: see :func:`~budgetkit.io.document.national_layout`.

>>> read_text("no-such-report.txt")
Traceback (most recent call last):
...
budgetkit.errors.LoadError: cannot load no-such-report.txt: 1 problem
  file: No such file or directory
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path
from types import MappingProxyType
from typing import Final

import attrs

from budgetkit._files import read_head
from budgetkit.errors import LoadError, LoadIssue
from budgetkit.io.document import (
    MAX_CHARS,
    Box,
    Cell,
    Document,
    Line,
    Paragraph,
    RawTable,
    half_width_numbers,
    heading_lines,
    letters_joined,
    national_layout,
    printed_numbers,
    table_note,
    table_title,
    text_paragraphs,
    unified_characters,
    unit_of,
)
from budgetkit.io.grammar import _NUMBER
from budgetkit.io.pdf import (
    _SELFEVAL_FIGURE,
    SELFEVAL_UNREAD,
    Imported,
    ReportIssue,
    Unplaced,
    _selfeval_refused,
    from_document,
)
from budgetkit.io.selfeval import (
    is_other_evaluation_title,
    is_selfeval_title,
    read_selfeval_table,
    split_projects,
    split_text_tables,
)
from budgetkit.model.account import Chart, UnitType
from budgetkit.model.project import Project
from budgetkit.reference.vocabulary import CHART_FIGURES, CHART_PARTS, CHART_TITLES, FIGURE_LABELS, chart_title_key

__all__ = [
    "ChartData",
    "NotAReport",
    "Rows",
    "TextBox",
    "assemble",
    "chart_captions",
    "chart_subjects",
    "html_document",
    "not_a_report",
    "one_series",
    "read_bytes",
    "read_html",
    "read_text",
    "report_line",
    "text_charts",
    "text_document",
    "with_charts",
    "with_data",
]

#: Largest file read (20 MiB): a report's text is well under 1 MiB.
MAX_BYTES: Final = 20 * 1024 * 1024

#: Marks a conversion from Word leaves: bookmarks, and the field codes of a 目录 copied as text (``TOC \o "1-3" \h \z``,
#: ``HYPERLINK \l "_Toc3"``, ``PAGEREF _Toc25831 \h 3`` with its page number), often without their backslashes
_MARK: Final = re.compile(
    r"\[bookmark:[^\]]*\]"
    r"|(?<![A-Za-z])PAGEREF\s+_Toc[0-9A-Za-z_]*(?:\s*\\?h(?![A-Za-z]))?(?:\s*\d+)?"
    r"|(?<![A-Za-z])HYPERLINK\s+\\?l\s+\"_Toc[0-9A-Za-z_]*\""
    r"|(?<![A-Za-z])TOC\s+\\?o\s+\"[^\"]*\"(?:\s+\\?[hzuwnt](?![A-Za-z]))*"
)
_SPACES: Final = re.compile(r"[^\S\n]+")  # every space but a line break: \u3000, \xa0, an en or em space (\u2002, \u2003)
#: Characters that print nothing (zero-width space and joiners, word joiner, byte order mark, soft hyphen): a page
#: copied from a web editor leaves them anywhere, inside a number too (2\u200b00.00 reads 200.00), so they are dropped
_INVISIBLE: Final = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]+")


@attrs.frozen
class TextBox(Box):
    """The place of a line of a text or web page: ``line`` counts from 1 (``page`` is 1, the box spans the
    line); ``element`` names a table cell of a web page.

    >>> str(TextBox(1, 0.0, 11.0, 40.0, 12.0, line=12)), str(TextBox(1, 0.0, 39.0, 1.0, 40.0, line=40, element="表2 第3行第2格"))
    ('第12行', '第40行 表2 第3行第2格')
    """

    line: int = 0
    element: str = ""

    def __str__(self) -> str:
        return f"第{self.line}行" + (f" {self.element}" if self.element else "")


def read_bytes(path: str | Path, limit: int) -> bytes:
    """A report file's bytes; a LoadError naming the file when it cannot be read or is larger than ``limit``."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise LoadError(str(path), [LoadIssue("file", exc.strerror or str(exc))]) from None
    if len(data) > limit:
        raise LoadError(str(path), [LoadIssue("file", f"larger than {limit // (1024 * 1024)} MiB, more than a report has")])
    return data


def _read(path: str | Path) -> str:
    source = str(path)
    data = read_bytes(path, MAX_BYTES)
    if data.startswith(b"%PDF-") or data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise LoadError(source, [LoadIssue("file", "a PDF or Office file, not text: import it by its own suffix")])
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError(source, [LoadIssue("file", "a binary file, not text")])
    for encoding in ("utf-8-sig", "utf-16", "gb18030"):
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if len(text) > MAX_CHARS:
            raise LoadError(source, [LoadIssue("file", f"{len(text)} characters, more than the {MAX_CHARS} a report may have")])
        return unified_characters(text)
    raise LoadError(source, [LoadIssue("file", "not text in UTF-8 or GB18030")])


def _clean(text: str) -> str:
    """A line without a conversion's marks, characters that print nothing and runs of spaces.

    >>> _clean("授予中小企业合同金额2\u200b00.00\u00a0\u00a0万元")
    '授予中小企业合同金额200.00 万元'
    >>> _clean("\u2003\u2003一、收入合计\u2002100.00万元")  # em and en spaces, as a web page indents
    '一、收入合计 100.00万元'
    """
    return letters_joined(unified_characters(_SPACES.sub(" ", _MARK.sub("", _INVISIBLE.sub("", text))).strip()))


def text_document(text: str, source: str = "<text>") -> Document:
    """A text's lines as a :class:`~budgetkit.io.document.Document` (one paragraph a non-empty line, or the
    lines of a hard-wrapped text joined: :func:`~budgetkit.io.document.text_paragraphs`), in the national
    layout (see the module's description).

    >>> doc = text_document("示例中心\\n2023年度单位决算编制的说明\\n第二部分 2023年度单位决算情况说明\\n1、 收入决算情况说明\\n")
    >>> [p.text for p in doc.paragraphs], str(doc.paragraphs[3].lines[0].box)
    (['示例中心', '2023年度单位决算编制的说明', '第三部分 2023年度单位决算情况说明', '一、收入决算情况说明'], '第4行')
    """
    lines = []
    for number, raw in enumerate(text.splitlines(), 1):
        cleaned = _clean(raw)
        if cleaned:
            box = TextBox(1, 0.0, float(number - 1), float(len(cleaned)), float(number), line=number)
            lines.append(Line(cleaned, box))
    return Document(source, 1, national_layout(text_paragraphs(lines)), ())


def read_text(
    path: str | Path, *, table_set: str = "national-2024", unit_type: UnitType | str | None = None
) -> Imported:
    """Import a report saved as plain text (``.txt``) into an account and a report of what was (not) understood.

    The 情况说明 is read by the grammar a PDF's is read by; the place of every imported figure is its line.
    The self-evaluation tables a text export prints one cell a line (:func:`~budgetkit.io.selfeval.split_text_tables`)
    are its projects, each placed on its title's line (see :func:`_with_projects`). The charts its captions name
    ("（图1：收、支决算总计变动情况图）（柱状图）") are its charts, with the data Word exports at the end of the text
    (:func:`text_charts`) and, for the seven charts of the template, the figure each value depicts
    (:func:`chart_subjects`), each placed on its caption's line.
    """
    text = _read(path)
    doc = text_document(text, str(path))
    lines = text.splitlines()
    projects, issues, counted = _text_projects(doc.source, lines)
    imported = from_document(doc, table_set=table_set, unit_type=unit_type, projects=projects)
    report = imported.report
    # a table refused by name is read, not lost: the title of a table printed as a picture does not fit it
    refused = {issue.box for issue in issues}
    kept = [issue for issue in report.issues if issue.reason != SELFEVAL_UNREAD or issue.box not in refused]
    report = attrs.evolve(
        report,
        numbers_imported=report.numbers_imported + counted,
        numbers_in_text=report.numbers_in_text - counted,
        issues=(*kept, *issues),
    )
    return _captions_numbered(with_charts(Imported(imported.account, report), text_charts(lines), values_printed=True), lines)


def _captions_numbered(imported: Imported, lines: Sequence[str]) -> Imported:
    """``imported`` with the number of each caption whose chart was not read (numbered 1, 2, 4: which is which is not
    known for certain) kept in the text: a chart's number (图4), not a figure left not understood."""
    report = imported.report
    numbered = {(k, m.group("n")) for k, raw in enumerate(lines, 1) if "图" in raw for m in _CAPTION.finditer(_clean(raw))}
    unread = tuple(u for u in report.not_understood if not _numbering(u, numbered))
    if len(unread) == len(report.not_understood):
        return imported
    shown = len(report.not_understood) - len(unread)
    return Imported(
        imported.account,
        attrs.evolve(report, numbers_in_text=report.numbers_in_text + shown, not_understood=unread),
    )


#: A chart's data as read: its title ("" when none), a label for each value, and the values as exported.
ChartData = tuple[str, tuple[str, ...], tuple[str, ...]]


def with_charts(imported: Imported, charts: Sequence[tuple[Chart, Box]], *, values_printed: bool) -> Imported:
    """``imported`` with ``charts`` (each with the box of its caption), the figure each value depicts where one of the
    seven charts says it (:func:`chart_subjects`). A caption's number (图1) is its chart's, no number not understood;
    the values are numbers imported when the document prints them in its text (``values_printed``: a text export),
    not when a chart part holds them (a Word document)."""
    if not charts:
        return imported
    year = imported.account.year
    charts = [(attrs.evolve(chart, subjects=chart_subjects(chart, year)), box) for chart, box in charts]
    counted = sum(len(printed_numbers(value)) for chart, _ in charts for value in chart.values) if values_printed else 0
    report = imported.report
    numbered = {(box.line, str(chart.number)) for chart, box in charts if isinstance(box, TextBox)}  # 图1 of a caption
    unread = tuple(u for u in report.not_understood if not _numbering(u, numbered))
    report = attrs.evolve(
        report,
        numbers_imported=report.numbers_imported + counted + len(report.not_understood) - len(unread),
        numbers_in_text=report.numbers_in_text - counted,
        not_understood=unread,
        places={**report.places, **{f"charts[{k}]": box for k, (_, box) in enumerate(charts)}},
    )
    return Imported(attrs.evolve(imported.account, charts=tuple(chart for chart, _ in charts)), report)


def _numbering(unplaced: Unplaced, numbered: set[tuple[int, str]]) -> bool:
    """Whether a number the grammar did not understand is a chart's number on its caption's line (图1: a chart's)."""
    return isinstance(unplaced.box, TextBox) and (unplaced.box.line, unplaced.text) in numbered


def chart_captions(paragraphs: Sequence[tuple[str, Box]]) -> list[tuple[Chart, Box]]:
    """The charts ``paragraphs`` (each text with its box) name by their captions, in order, without data; none
    when they are numbered otherwise (图1 twice, 图3 before 图2: which is which is not known for certain).

    >>> [(c.number, c.title, c.kind) for c, _ in chart_captions([("（图1：支出决算结构图）（饼状图）", TextBox(1, 0, 0, 1, 1))])]
    [(1, '支出决算结构图', '饼状图')]
    """
    found = [(m, box) for text, box in paragraphs for m in _CAPTION.finditer(_clean(text))]
    if [int(m.group("n")) for m, _ in found] != list(range(1, len(found) + 1)):
        return []
    return [(Chart(number=k + 1, title=m.group("title"), kind=m.group("kind") or ""), box) for k, (m, box) in enumerate(found)]


def with_data(charts: list[tuple[Chart, Box]], data: Sequence[ChartData | None]) -> list[tuple[Chart, Box]]:
    """Each chart with its data (title, labels, values) in order, when there is one for each chart; else as they are
    (a guess would be checked as the report's). A chart whose data is None keeps none."""
    if len(data) != len(charts):
        return charts
    return [
        (attrs.evolve(chart, data_title=d[0], labels=d[1], values=d[2]) if d is not None else chart, box)
        for (chart, box), d in zip(charts, data, strict=True)
    ]


#: A chart's caption: （图1：收、支决算总计变动情况图）（柱状图）, the kind in brackets after it optional.
_CAPTION: Final = re.compile(
    r"[（(]\s*图\s*(?P<n>\d{1,2})\s*[：:]\s*(?P<title>[^（）()]{1,60}?)\s*[）)]"
    r"(?:\s*[（(]\s*(?P<kind>[^（）()\d\s]{1,6}图)\s*[）)])?"
)
#: A value of a chart's data as a spreadsheet exports it: 1025.98, 980, 1054.9000000000001, -3.5.
_CHART_VALUE: Final = re.compile(r"-?\d{1,15}(?:\.\d{1,24})?")


def text_charts(lines: Sequence[str]) -> list[tuple[Chart, Box]]:
    """The charts a text names by its captions, in order, each with its caption's line.

    Word exports a chart's data as lines of tab-separated cells that do not start with a tab (a self-evaluation
    table's cells do): its title, then its labels, then its values (``收入决算结构图`` / ``一般公共预算财政拨款收入
    <tab>1025.98``; numbers typed in full width are read in ASCII), a block of such lines each. Blocks after the last
    caption are the charts' data, in order, when there is one for each caption; a block that is not one series (a
    title or none, a label for each value, then the values) leaves its chart without data, and so do blocks that do
    not pair with the captions: a guess would be checked as the report's. Which figure each value depicts
    (``Chart.subjects``) is :func:`chart_subjects`'s to say.

    >>> [(c.number, c.title, c.kind, c.data_title, c.labels, c.values) for c, _ in text_charts(
    ...     ["（图1：支出决算结构图）（饼状图）", "", "支出决算结构图\\t", "基本支出\\t项目支出\\t551.03\\t493.62\\t"])]
    [(1, '支出决算结构图', '饼状图', '支出决算结构图', ('基本支出', '项目支出'), ('551.03', '493.62'))]
    """
    charts = chart_captions([(raw, _line_box(number, raw)) for number, raw in enumerate(lines, 1) if "图" in raw])
    if not charts:
        return []
    last = charts[-1][1]
    assert isinstance(last, TextBox)
    blocks: list[list[str]] = []
    after_block = False
    for line in lines[last.line :]:
        if "\t" in line and "\t" not in line[:2] and line.strip():
            if not after_block:
                blocks.append([])
            blocks[-1] += [half_width_numbers(cell.strip()) for cell in line.split("\t") if cell.strip()]
            after_block = True
        else:
            after_block = False
    return with_data(charts, [_chart_data(cells) for cells in blocks])


#: The template's seven charts by their titles' keys (:func:`~budgetkit.reference.vocabulary.chart_title_key`).
_TEMPLATE_CHARTS: Final = MappingProxyType({chart_title_key(title): n for n, title in CHART_TITLES.items()})


def chart_subjects(chart: Chart, year: int) -> tuple[str, ...]:
    """The figure each value of ``chart`` depicts, where its title is one of the seven charts' and every label
    names one of that chart's figures (a bar: "2023年" and "2022年" of ``year``'s report; a wedge: a figure the
    chart divides, or a 类 by its name); else none, and its values are compared with nothing.

    >>> chart = Chart(number=3, title="支出决算结构图", labels=("基本支出", "项目支出"), values=("551.03", "493.62"))
    >>> chart_subjects(chart, 2023)
    ('expenditure.basic.current', 'expenditure.project.current')
    >>> chart_subjects(attrs.evolve(chart, labels=("基本支出", "其他")), 2023)
    ()
    """
    n = _TEMPLATE_CHARTS.get(chart_title_key(chart.title))
    if n is None or not chart.labels or len(chart.labels) != len(chart.values):
        return ()
    if n in CHART_FIGURES:
        years = {f"{year}年": f"{CHART_FIGURES[n]}.current", f"{year - 1}年": f"{CHART_FIGURES[n]}.previous"}
        found = [years.get(label) for label in chart.labels]
    elif n == 6:  # the 类 lines, by name (a name the account does not hold resolves to nothing, and is not compared)
        return tuple(f"{CHART_PARTS[n]}[{label}].actual" for label in chart.labels)
    else:
        paths = {label: f"{path}.current" for path, label in FIGURE_LABELS.items() if path.startswith(f"{CHART_PARTS[n]}.")}
        paths.update({f"{label}支出": path for label, path in list(paths.items())})  # 公务接待费支出
        found = [paths.get(label) for label in chart.labels]
    return () if None in found else tuple(path for path in found if path is not None)


def one_series(title: str, labels: Sequence[str], values: Sequence[str]) -> ChartData | None:
    """A chart's data as read (its title, a label for each value, values as a spreadsheet exports them), or None when
    it is not one series of numbers (a value that is no number, labels not one for each value)."""
    if not values or len(labels) != len(values) or not all(_CHART_VALUE.fullmatch(value) for value in values):
        return None
    return title, tuple(labels), tuple(values)


def _chart_data(cells: list[str]) -> ChartData | None:
    """A block's cells as one series of a chart: its title (or none), then a label for each value, then the values;
    None when it is not that (several series, a value that is no number: what it depicts is not known for certain)."""
    first_value = next((k for k, cell in enumerate(cells) if _CHART_VALUE.fullmatch(cell)), None)
    if first_value is None:
        return None
    texts, values = cells[:first_value], cells[first_value:]
    titled = len(texts) == len(values) + 1
    return one_series(texts[0] if titled else "", texts[1:] if titled else texts, values)


def read_html(
    path: str | Path, *, table_set: str = "national-2024", unit_type: UnitType | str | None = None
) -> Imported:
    """Import a report published as a web page (``.html``/``.htm``): paragraphs and ``<table>`` elements."""
    doc = html_document(_read(path), str(path))
    return from_document(doc, table_set=table_set, unit_type=unit_type)


# -- is it a report? --------------------------------------------------------------------------------------------

#: How much of a text or web page :func:`not_a_report` reads: a report names itself in its first lines.
SNIFF_BYTES: Final = 32 * 1024
#: A title, a section heading or a table title of a report: a short line that names 决算 or 绩效自评表.
_REPORT_LINE: Final = re.compile(r"决算|绩效自评表")
_LONGEST_TITLE: Final = 60
_SENTENCE: Final = re.compile(r"[，。；,;]")  #: a line with these is a sentence, not a title
_SCRIPT: Final = re.compile(r"(?is)<(script|style)\b.*?</\1\s*>")
_TAG: Final = re.compile(r"<[^>]*>")


@attrs.frozen
class NotAReport:
    """Why a text or web page found in a directory is not taken for a report, in English and in Chinese.

    >>> str(NotAReport("a binary file, not text", "二进制文件，不是文本"))
    'a binary file, not text'
    """

    reason: str
    reason_zh: str

    def __str__(self) -> str:
        return self.reason


def not_a_report(path: str | Path) -> NotAReport | None:
    """Why a text (``.txt``) or web page (``.html``/``.htm``) is not a report, or ``None`` when it is one.

    A directory holds a README or notes beside the reports; ``budgetkit check DIR`` and ``import DIR`` take
    a text or web page for a report only when its first part (:data:`SNIFF_BYTES`) says so: a short line
    (a title, a section heading, a table title: at most 60 characters once a web page's tags are dropped,
    and no sentence — no ，。；) naming 决算 or 绩效自评表 — "自贡市人力资源服务中心2023年度单位决算编制的说明", "一、收入支出决算总体情况说明",
    "收入支出决算总表", "部门预算项目支出绩效自评表". A file that cannot be read is not judged here (``None``): its
    import names the problem. A file named on the command line is always imported, whatever it holds.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "README.txt").write_text("这个目录放的是各单位的公开文件，用 budgetkit check 检查。\\n", encoding="utf-8")
    >>> _ = (folder / "seed.txt").write_text("示例中心\\n2023年度单位决算编制的说明\\n", encoding="utf-8")
    >>> str(not_a_report(folder / "README.txt")), not_a_report(folder / "seed.txt")
    ('no 决算 title, section heading or table title in its first 32 KiB', None)
    """
    try:
        data = read_head(path, SNIFF_BYTES)
    except OSError:
        return None
    text = _decode_head(data)
    if text is None:
        return NotAReport("not text in UTF-8, UTF-16 or GB18030 (a binary file?)", "不是UTF-8、UTF-16或GB18030文本（二进制文件？）")
    if Path(path).suffix.lower() in (".html", ".htm"):
        text = html.unescape(_TAG.sub("\n", _SCRIPT.sub("", text)))
    if any(report_line(_clean(line)) for line in text.splitlines()):
        return None
    kib = SNIFF_BYTES // 1024
    return NotAReport(
        f"no 决算 title, section heading or table title in its first {kib} KiB",
        f"前{kib}KiB中没有决算标题、章节标题或表名",
    )


def report_line(text: str) -> bool:
    """Whether a line is a report's own (a title, a section heading, a table title): short, no sentence, and naming
    决算 or 绩效自评表 (what :func:`not_a_report` looks for).

    >>> report_line("一、收入支出决算总体情况说明"), report_line("请于月底前报送决算，逾期不候。")
    (True, False)
    """
    return len(text) <= _LONGEST_TITLE and bool(_REPORT_LINE.search(text)) and not _SENTENCE.search(text)


def _decode_head(data: bytes) -> str | None:
    """The first bytes of a file as text (a character cut at the end is dropped), or ``None`` for a binary file."""
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    for encoding in ("utf-8-sig", "utf-16", "gb18030"):
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        for cut in range(4):  # the head may end inside a character
            try:
                return data[: len(data) - cut].decode(encoding)
            except UnicodeDecodeError:
                if len(data) < SNIFF_BYTES:
                    break  # the whole file was read: no character was cut
    return None


# -- self-evaluation tables ------------------------------------------------------------------------------------


def _table_lines(lines: Sequence[str]) -> list[list[int]]:
    """The line numbers (from 1) of each self-evaluation table's cells, as
    :func:`~budgetkit.io.selfeval.split_text_tables` splits them (a table starts at its title's cell)."""
    tables: list[list[int]] = []
    in_row = other = False
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        if not line.strip() and "\t" not in line:
            in_row = False
            continue
        if "\t" in line[:2]:
            if is_selfeval_title(line.split("\t", 1)[1].strip()) and not in_row:
                tables.append([])
                other = False
            elif is_other_evaluation_title(line.split("\t", 1)[1].strip()) and not in_row:
                other = True  # a table that is no project's (部门整体支出绩效自评表) ends the one above
            in_row = True
        elif not in_row:
            continue
        if tables and not other:
            tables[-1].append(number)
    return tables


def _text_projects(source: str, lines: Sequence[str]) -> tuple[list[tuple[Project, Box]], list[ReportIssue], int]:
    """The projects of a text's self-evaluation tables (one cell a line), each with its title's line; the
    issues of the tables that cannot be read (on their titles' lines); and how many numbers their figure
    cells print, which are imported (the table lines are otherwise paragraphs, kept in text).

    The projects' kinds, uses and 预算绩效管理情况 claims come as a PDF's do (:func:`~budgetkit.io.pdf.from_document`).
    """
    projects: list[tuple[Project, Box]] = []
    issues: list[ReportIssue] = []
    counted = 0
    for table, numbers in zip(split_text_tables(lines), _table_lines(lines), strict=True):
        # one table may hold several projects' (printed one after another with no title between them): each is
        # placed on the line of its first row (a row is a run of lines: a blank line ends it)
        parts = split_projects(table)
        rows_at = [n for i, n in enumerate(numbers) if i == 0 or numbers[i - 1] != n - 1]
        starts = [rows_at[part.start] if len(rows_at) == len(table) else numbers[0] for part in parts]
        for part, start, end in zip(parts, starts, [*starts[1:], numbers[-1] + 1], strict=True):
            box = _line_box(start, lines[start - 1])
            rows = [table[r] for r in part]
            try:
                project = read_selfeval_table(rows, source=f"{source} {box}", paragraphs=True)
            except LoadError as exc:
                issues.extend(_selfeval_refused(box, issue) for issue in exc.issues)
                continue
            projects.append((project, box))
            for number in numbers:
                if not start <= number < end:
                    continue
                cell = half_width_numbers(_clean(lines[number - 1]))  # as split_text_tables reads a cell of figures
                if _SELFEVAL_FIGURE.fullmatch(cell.replace(" ", "")):
                    counted += len(_NUMBER.findall(cell))
    return projects, issues, counted



def _line_box(number: int, text: str) -> TextBox:
    cleaned = _clean(text)
    return TextBox(1, 0.0, float(number - 1), float(len(cleaned)), float(number), line=number)


# -- web pages -----------------------------------------------------------------------------------------------

_BLOCKS: Final = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div", "caption", "title", "br", "tr", "section", "article"})


#: A web page's table as parsed: rows of cells (text, colspan, rowspan, source line).
#: A table's rows of cells: (text, colspan, rowspan, line)
Rows = list[list[tuple[str, int, int, int]]]


class _Nesting(HTMLParser):
    """Which tables of a page (numbered in the order they open) hold another table: tables that lay the page out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.opened = 0
        self.open: list[int] = []
        self.layout: set[int] = set()

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.layout.update(self.open)
            self.open.append(self.opened)
            self.opened += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self.open:
            self.open.pop()


class _Page(HTMLParser):
    """Collects a page's paragraphs and tables, each with its source line.

    A table that holds another table lays the page out (old sites put the whole page in one): its cells are read as
    paragraphs and the tables inside it as tables.
    """

    def __init__(self, layout: frozenset[int] = frozenset()) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[tuple[str, int] | Rows] = []  # a paragraph (text, line), or a table's rows
        self.text: list[str] = []
        self.line = 1
        self.skip = 0
        self.layout = layout  # the numbers of the tables that lay the page out (see _Nesting)
        self.opened = 0
        self.kinds: list[bool] = []  # of each table open: whether it lays the page out
        self.tables: list[Rows] = []  # the data tables open
        self.cell: list[str] | None = None
        self.span = (1, 1)
        self.cell_line = 1

    def flush(self) -> None:
        text = _clean("".join(self.text))
        self.text = []
        if text and not self.tables:
            self.items.append((text, self.line))

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head"):
            self.skip += 1
            return
        if tag == "table":
            self.flush()
            layout = self.opened in self.layout
            self.opened += 1
            self.kinds.append(layout)
            if not layout:
                self.tables.append([])
        elif self.tables and tag == "tr":
            self.tables[-1].append([])
        elif self.tables and tag in ("td", "th"):
            values = dict(attrs_)
            self.cell = []
            self.span = (_span(values.get("colspan")), _span(values.get("rowspan")))
            self.cell_line = self.getpos()[0]
        elif (tag in _BLOCKS or tag in ("td", "th")) and self.cell is None:
            self.flush()
        if not self.text:
            self.line = self.getpos()[0]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head"):
            self.skip = max(0, self.skip - 1)
            return
        if self.tables and tag in ("td", "th") and self.cell is not None:
            if not self.tables[-1]:
                self.tables[-1].append([])
            self.tables[-1][-1].append((_clean("".join(self.cell)), *self.span, self.cell_line))
            self.cell = None
        elif tag == "table" and self.kinds:
            if self.kinds.pop():  # a layout table: its cells were paragraphs
                self.flush()
            elif self.tables:
                rows = self.tables.pop()
                if not self.tables:
                    self.items.append(rows)
        elif (tag in _BLOCKS or tag in ("td", "th")) and self.cell is None:
            self.flush()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif not self.tables:
            if not self.text:
                self.line = self.getpos()[0]
            self.text.append(data)


def _span(value: str | None) -> int:
    try:
        return max(1, min(100, int(value or "1")))
    except ValueError:
        return 1


def html_document(html: str, source: str = "<html>") -> Document:
    """A web page as a :class:`~budgetkit.io.document.Document`: its paragraphs and tables (see the module).

    >>> doc = html_document("<h1>示例局2024年度部门决算</h1><p>一般公共预算财政拨款支出决算表</p><p>单位：万元</p>"
    ...     "<table><tr><th colspan=2>项目</th><th>合计</th></tr><tr><td>208</td><td>社会保障和就业支出</td><td>9.50</td></tr></table>")
    >>> table = doc.tables[0]
    >>> table.title, table.unit, table.texts()[0], str(table.rows[1][2].box)
    ('一般公共预算财政拨款支出决算表', '万元', ['项目', None, '合计'], '第1行 表1 第2行第3格')
    """
    nesting = _Nesting()
    nesting.feed(html)
    nesting.close()
    page = _Page(frozenset(nesting.layout))
    page.feed(html)
    page.close()
    page.flush()
    return assemble(page.items, source)


def assemble(items: Sequence[tuple[str, int] | Rows], source: str, box: type[TextBox] = TextBox) -> Document:
    """A document of paragraphs ``(text, line)`` and tables (rows of ``(text, colspan, rowspan, line)``) in reading
    order, each table with the paragraphs just above it as its heading (its title, ``单位：万元``) and the note just
    below it as its note; every place a ``box`` on that line. What a web page and a Word document are read into."""
    paragraphs: list[Paragraph] = []
    tables: list[RawTable] = []
    pending: list[Line] = []  # the paragraphs since the last table: the next table's heading
    for item in items:
        if isinstance(item, tuple):
            text, line = item
            place = box(1, 0.0, float(line - 1), float(len(text)), float(line), line=line)
            if tables and not pending and table_note(text, tables[-1].rows):  # the note just below a table is the table's
                tables[-1] = attrs.evolve(tables[-1], notes=(*tables[-1].notes, Line(text, place)))
                continue
            paragraph = Paragraph(text, (Line(text, place),))
            paragraphs.append(paragraph)
            pending.append(paragraph.lines[0])
            continue
        rows = _grid(item, len(tables) + 1, box)
        if not rows:
            continue
        heading = tuple(pending[len(pending) - heading_lines([line.text for line in pending]) :])  # none: not [-0:]
        unit = next((found for h in heading if (found := unit_of(h.text))), None)
        title = table_title([h.text for h in heading])
        # the heading lines are the table's, not running text
        held = {id(line) for line in heading}
        paragraphs = [p for p in paragraphs if id(p.lines[0]) not in held]
        tables.append(RawTable(rows=rows, pages=(1,), title=title, unit=unit, heading=heading))
        pending = []
    return Document(source, 1, national_layout(paragraphs), tuple(tables))


def _grid(rows: Rows, number: int, make: type[TextBox]) -> tuple[tuple[Cell, ...], ...]:
    """A table's rows with merged places (``colspan``/``rowspan``) as ``None``, every cell's place its element."""
    taken: dict[tuple[int, int], bool] = {}
    out: list[list[Cell]] = []
    for r, row in enumerate(rows):
        line: list[Cell] = []
        c = 0
        for text, colspan, rowspan, source_line in row:
            while taken.get((r, c)):
                line.append(Cell(None, None))
                c += 1
            box = make(
                1, float(c), float(r), float(c + colspan), float(r + rowspan),
                line=source_line, element=f"表{number} 第{r + 1}行第{c + 1}格",
            )
            line.append(Cell(text, box))
            for dr in range(rowspan):
                for dc in range(colspan):
                    if dr or dc:
                        taken[(r + dr, c + dc)] = True
            line.extend(Cell(None, None) for _ in range(colspan - 1))
            c += colspan
        while taken.get((r, c)):
            line.append(Cell(None, None))
            c += 1
        out.append(line)
    width = max((len(row) for row in out), default=0)
    return tuple(tuple(row + [Cell("", None)] * (width - len(row))) for row in out if row)
