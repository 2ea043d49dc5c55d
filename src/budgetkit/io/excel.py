"""From a published workbook to a checkable account: :func:`read_excel` for ``.xlsx`` and ``.xls``.

Shanghai and Sichuan publish the nine tables of a 部门决算 as workbooks too — one table per sheet, or
all of them on one sheet, one under the other. A workbook is read into the same
:class:`~budgetkit.io.document.Document` a PDF is read into, and then imported by the same steps
(:func:`budgetkit.io.pdf.from_document`): each table is found **by its title** and its header rows are
mapped to the template's columns by :func:`budgetkit.io.table_import.read_tables`, exactly as for a PDF.

What is particular to a workbook is done here:

- **merged cells** keep their text in their top-left cell; the other places of the merge are ``None``
  (as a PDF's merged cells), and the top-left cell's box spans the merge, so that a header spanning
  three columns belongs to each of them;
- a **number** is printed as Excel shows it: to Excel's 15 significant digits (the double
  ``30.299999999999997`` a sum leaves is ``30.3``), in General format to the 11 characters it shows at most,
  with the places of its number format (``#,##0.00``
  shows ``754.7`` as ``754.70``), never as the binary float it is stored as; a percent format shows ``%``;
- a **formula** is read as the value the file saved with it; a workbook that saved none (written by a program
  that does not calculate, never opened in Excel) is refused, naming the cells, and a formula with no value among
  calculated ones is its text, not a number, so its column is not read (a blank would sum as 0);
- a **hidden column** is not read (a reader never sees it: an export's row ids, a helper column); hidden rows
  are read, as a table's rows are what its totals sum;
- an **empty cell** inside a table is a printed blank (``""``): a blank in a published table means
  nothing, and it is kept as a blank, never made a 0;
- a **table** starts at its title row (one text, the template's title, or a line ending in 表) and its
  header; the lines above its header (title, ``编制单位：…``, ``单位：万元``) are its heading and the
  one-text lines under its body (``注：…``, ``说明：…本表无数据``) its notes;
- the **place** of every cell is its sheet and cell reference: a finding on an imported figure says
  ``表五!C12``, as it says ``第12页`` for a PDF (:class:`SheetBox`).

The unit and year come from the sheets (``编制单位：…`` and a ``2023年度`` printed above a table, or, with no
``编制单位`` line, a title line that is the report's name: ``某县水利局2024年度单位决算``), or from the caller
(``unit=``, ``year=``). ``.xlsx`` is read with openpyxl and ``.xls`` with xlrd (both in
the ``excel`` and ``import`` extras; MIT and BSD licences).

>>> read_excel("no-such-report.xlsx")
Traceback (most recent call last):
...
budgetkit.errors.LoadError: cannot load no-such-report.xlsx: 1 problem
  file: No such file or directory
"""

from __future__ import annotations

import datetime
import importlib
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Final

import attrs

from budgetkit.errors import LoadError, LoadIssue, MissingExtraError
from budgetkit.io.document import (
    Box,
    Cell,
    Document,
    Line,
    Paragraph,
    RawTable,
    half_width_numbers,
    national_layout,
    table_furniture,
    text_paragraphs,
    unified_characters,
    unit_of,
    without_unit,
)
from budgetkit.io.pdf import (
    BUDGET_REFUSED,
    NO_NARRATIVE,
    Imported,
    ReportIssue,
    from_document,
    is_budget_title,
    year_of_name,
)
from budgetkit.io.table_import import ImportReason
from budgetkit.model.account import UnitType

__all__ = ["SheetBox", "read_excel", "read_workbook"]

#: Most cells a workbook may have (a 决算's nine tables hold a few thousand).
MAX_CELLS: Final = 2_000_000

#: The maker of the tables (编制单位：…); the 单位 of a money or measure unit (金额单位：万元) is no maker.
#: A label printed blank (部门：　　金额单位：万元) names no maker.
_MAKER: Final = re.compile(
    r"(?:编制单位|填报单位|单位名称|部门名称|部门|(?<!金额|计量|货币|数量)单位)[:：]\s*"
    r"(?P<name>(?!(?:金额|计量|货币|数量)?单位[:：])[^\s:：]+?)(?=\s|$|单位[:：]|金额)"
)
_MONEY_UNITS: Final = frozenset({"元", "千元", "万元", "百万元", "亿元"})
_YEAR: Final = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年度?")
#: A title line naming the report, when no 编制单位 line names the unit: 某县水利局2024年度单位决算(表).
_REPORT_TITLE: Final = re.compile(r"^(?P<unit>[^\d\s].*?)\s*(?P<year>(?:19|20)\d{2})\s*年度?\s*(?:部门|单位)?决算表?$")
_NOTE: Final = re.compile(r"^\s*(?:注|说明|备注)\s*\d*\s*[:：]|本表无数据|无数据")
_HEADING_WORDS: Final = re.compile(r"^\s*(?:(?:编制单位|填报单位|单位名称|部门名称|部门)[:：].*|(?:金额)?单位[:：].*|(?:19|20)\d{2}\s*年度?|公开\s*\d+\s*表|表[一二三四五六七八九十\d]+)\s*$")
_NUMBER: Final = re.compile(r"^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")


@attrs.frozen
class SheetBox(Box):
    """The place of a cell in a workbook: ``page`` is the sheet's number (from 1), the box its rows and
    columns (a merged cell spans several), ``sheet`` and ``ref`` how a spreadsheet names it.

    >>> str(SheetBox(5, 2.0, 11.0, 3.0, 12.0, sheet="表五", ref="C12"))
    '表五!C12'
    """

    sheet: str = ""
    ref: str = ""

    def __str__(self) -> str:
        return f"{self.sheet}!{self.ref}" if self.ref else self.sheet


@attrs.frozen
class _Sheet:
    """A sheet as plain data: its name and number, and its cells' printed texts with their places."""

    name: str
    number: int
    #: (row, column) → text as Excel shows it ("" for an empty cell); from 0
    texts: dict[tuple[int, int], str]
    #: merged ranges: (first row, first column, last row, last column), from 0, inclusive
    merges: tuple[tuple[int, int, int, int], ...]
    #: hidden columns, from 0: not shown, so not read (see :func:`_shown_sheet`)
    hidden: frozenset[int] = frozenset()


def _shown_sheet(
    name: str, number: int, texts: dict[tuple[int, int], str], merges: Sequence[tuple[int, int, int, int]], hidden: Iterable[int]
) -> _Sheet:
    """A sheet as it is shown: without its hidden columns (an export's row ids, a helper column of last year's
    figures), which a reader never sees and a table never prints. A merge starting in a hidden column starts at its
    first shown one, with its text; one wholly hidden is none.

    >>> sheet = _shown_sheet("表一", 1, {(0, 0): "7", (0, 1): "项目", (1, 0): "收入"}, [(1, 0, 1, 2)], [0])
    >>> sheet.texts, sheet.merges
    ({(0, 1): '项目', (1, 1): '收入'}, ((1, 1, 1, 2),))
    """
    gone = frozenset(hidden)
    if not gone:
        return _Sheet(name, number, texts, tuple(merges))
    shown = {place: text for place, text in texts.items() if place[1] not in gone}
    kept = []
    for r0, c0, r1, c1 in merges:
        first = next((c for c in range(c0, c1 + 1) if c not in gone), None)
        if first is None:
            continue
        if first != c0 and (r0, c0) in texts:
            shown[(r0, first)] = texts[(r0, c0)]
        kept.append((r0, first, r1, c1))
    return _Sheet(name, number, shown, tuple(kept), gone)


def _column_name(column: int) -> str:
    """A column's letters: 0 → A, 26 → AA.

    >>> _column_name(0), _column_name(2), _column_name(27)
    ('A', 'C', 'AB')
    """
    letters = ""
    n = column + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _places(number_format: str) -> tuple[int | None, bool]:
    """The decimals a number format shows (``None`` for General: as stored) and whether it shows a percent.

    >>> _places("#,##0.00"), _places("0%"), _places("General"), _places('#,##0.0_);[Red](#,##0.0)')
    ((2, False), (0, True), (None, False), (1, False))
    """
    section = number_format.split(";")[0]
    section = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.|_.', "", section)
    if not section or section.lower() == "general" or section == "@" or not re.search(r"[0#?]", section):
        return None, "%" in section
    decimals = re.search(r"\.([0#?]+)", section)
    return (len(decimals.group(1)) if decimals else 0), "%" in section


#: How many significant digits Excel keeps of a number: it stores the sum 10.1 + 20.2 as the double
#: 30.299999999999997 and shows 30.3.
_EXCEL_DIGITS: Final = 15
#: How many characters (digits and the point) a number in General format shows at most, however wide its column:
#: its decimals are rounded to fit (3.14159265358979 shows 3.141592654; 30.3000000000001, a sum's error in the
#: 15th digit, 30.3).
_GENERAL_WIDTH: Final = 11


def _shown(value: Any, number_format: str) -> str:
    """A cell's value as Excel shows it: numbers to Excel's 15 significant digits, then with their format's places,
    text stripped, empty as "".

    >>> _shown(30.299999999999997, "General"), _shown(30.299999999999997, "#,##0.00"), _shown(754.7, "#,##0.00")
    ('30.3', '30.30', '754.70')
    >>> _shown(1054.9000000000001, "General"), _shown(5.0, "General"), _shown(0.125, "0.00%")
    ('1054.9', '5', '12.50%')
    >>> _shown(30.3 + 1e-13, "General"), _shown(3.14159265358979, "General"), _shown(12345678.91, "General")
    ('30.3', '3.141592654', '12345678.91')
    >>> _shown("  １，０５４．９０ ", "@"), _shown("２０２４年度", "General")
    ('1,054.90', '2024年度')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float | Decimal):
        places, percent = _places(number_format)
        try:
            # a float is the binary double the file stores; Excel never shows more than its first 15 digits (the
            # 17 of repr print the double's error, 30.299999999999997, which no published table means)
            number = Decimal(format(value, f".{_EXCEL_DIGITS}g")) if isinstance(value, float) else Decimal(value)
        except InvalidOperation:
            return str(value)
        if not number.is_finite():
            return str(value)
        if percent:
            number *= 100
        if places is None and isinstance(value, float):
            whole = len(str(abs(number.to_integral_value(rounding=ROUND_HALF_UP))))
            shown = max(0, _GENERAL_WIDTH - whole - 1)  # the decimals that fit beside the whole part and the point
            if -number.as_tuple().exponent > shown:  # type: ignore[operator]
                number = number.quantize(Decimal(1).scaleb(-shown), rounding=ROUND_HALF_UP).normalize()
        if places is not None:
            number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        elif isinstance(value, float) and number == number.to_integral_value():
            number = number.quantize(Decimal(1))
        return format(number, "f") + ("%" if percent else "")
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()[:10]
    # a figure typed as text with a Chinese input method (３０．３０) is the number it shows, as in a Word table
    return half_width_numbers(unified_characters(re.sub(r"[ \t\u3000\xa0]+", " ", str(value)).strip()))


def _module(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError:
        raise MissingExtraError(name, "excel", "reading Excel workbooks") from None


#: A formula in a sheet's XML (``<f>``, ``<x:f …>``): only a workbook holding one is loaded a second time, for its formulas.
_FORMULA_TAG: Final = re.compile(rb"<(?:\w+:)?f[\s>/]")
#: How many cells a refusal names (the rest are counted).
_SHOWN_CELLS: Final = 5
#: Why a workbook whose formulas all lack their values is refused (after the cells named).
_NEVER_CALCULATED: Final = (
    "formulas never calculated: the workbook was saved without their values (by a program that does not calculate, "
    "such as openpyxl); open and save the workbook in Excel/LibreOffice first"
)


def _has_formulas(path: Path) -> bool:
    """Whether a sheet of the ``.xlsx`` workbook at ``path`` holds a formula."""
    with zipfile.ZipFile(path) as archive:
        return any(
            _FORMULA_TAG.search(archive.read(name))
            for name in archive.namelist()
            if name.startswith("xl/worksheets/") and name.endswith(".xml")
        )


def _xlsx_sheets(path: Path, source: str) -> list[_Sheet]:
    openpyxl = _module("openpyxl")
    try:
        book = openpyxl.load_workbook(path, data_only=True)
        # a formula's value is the one the file saved with it: a workbook written by a program that does not
        # calculate (openpyxl, some exporters) saves none, and its cells would read as blanks summing as 0
        formulas = openpyxl.load_workbook(path) if _has_formulas(path) else None
    except Exception as exc:  # zipfile, XML and openpyxl's own errors for a damaged file
        raise LoadError(source, [LoadIssue("file", f"not a readable .xlsx workbook ({type(exc).__name__})")]) from None
    sheets = []
    uncalculated: list[LoadIssue] = []
    calculated = 0
    for number, sheet in enumerate(book.worksheets, 1):
        texts: dict[tuple[int, int], str] = {}
        # the cells the file holds (iter_rows would visit every place of the sheet's rectangle, however large)
        cells = sheet._cells
        if formulas is not None:
            for (row, column), formula in list(formulas.worksheets[number - 1]._cells.items()):
                if formula.data_type != "f":
                    continue
                saved = cells.get((row, column))
                # no value saved: None, typed as a number (a formula giving "" saves an empty text, typed str)
                if saved is not None and (saved.value is not None or saved.data_type != "n"):
                    calculated += 1
                    continue
                # the formula is the cell's text: not a number, so the table import leaves its column absent
                texts[(row - 1, column - 1)] = str(getattr(formula.value, "text", formula.value))
                ref = f"{sheet.title}!{_column_name(column - 1)}{row}"
                uncalculated.append(LoadIssue(ref, f"a formula with no value saved ({texts[(row - 1, column - 1)]})"))
        for cell in list(cells.values()):
            if type(cell).__name__ == "MergedCell" or cell.value is None:
                continue
            texts[(cell.row - 1, cell.column - 1)] = _shown(cell.value, cell.number_format or "General")
        merges = tuple(
            (m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1) for m in sheet.merged_cells.ranges
        )
        hidden: set[int] = set()
        for letter, dimension in sheet.column_dimensions.items():
            if dimension.hidden:  # one <col> element may hide a range of columns (min..max, from 1)
                first = dimension.min or openpyxl.utils.column_index_from_string(letter)
                hidden.update(range(first - 1, max(first, dimension.max or first)))
        sheets.append(_shown_sheet(str(sheet.title), number, texts, merges, hidden))
    if uncalculated and not calculated:  # never calculated at all: refused, rather than every sum left unread
        more = len(uncalculated) - _SHOWN_CELLS
        counted = f"{len(uncalculated)} cells ({more} more not listed) hold " if more > 0 else ""
        raise LoadError(source, [*uncalculated[:_SHOWN_CELLS], LoadIssue("file", counted + _NEVER_CALCULATED)])
    return sheets


def _xls_sheets(path: Path, source: str) -> list[_Sheet]:
    xlrd = _module("xlrd")
    try:
        book = xlrd.open_workbook(str(path), formatting_info=True)
    except Exception as exc:  # xlrd raises XLRDError, struct and compound-document errors for a bad file
        raise LoadError(source, [LoadIssue("file", f"not a readable .xls workbook ({type(exc).__name__}: {exc})")]) from None
    sheets = []
    for number, sheet in enumerate(book.sheets(), 1):
        texts: dict[tuple[int, int], str] = {}
        if sheet.nrows * sheet.ncols > MAX_CELLS:
            problem = f"sheet {sheet.name} spans {sheet.nrows} rows × {sheet.ncols} columns, more than the {MAX_CELLS} cells a report may have"
            raise LoadError(source, [LoadIssue("file", problem)])
        for r in range(sheet.nrows):
            for c in range(sheet.ncols):
                cell = sheet.cell(r, c)
                if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                    continue
                fmt = "General"
                if cell.xf_index is not None and cell.xf_index < len(book.xf_list):
                    found = book.format_map.get(book.xf_list[cell.xf_index].format_key)
                    fmt = found.format_str if found is not None else "General"
                value: Any = cell.value
                if cell.ctype == xlrd.XL_CELL_DATE:
                    value = xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
                elif cell.ctype == xlrd.XL_CELL_ERROR:
                    value = "#ERROR"
                elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                    value = bool(cell.value)
                texts[(r, c)] = _shown(value, fmt)
        merges = tuple((rlo, clo, rhi - 1, chi - 1) for rlo, rhi, clo, chi in sheet.merged_cells)
        hidden = (c for c, info in sheet.colinfo_map.items() if info.hidden)
        sheets.append(_shown_sheet(str(sheet.name), number, texts, merges, hidden))
    return sheets


def read_workbook(path: str | Path) -> Document:
    """Read a workbook (``.xlsx`` or ``.xls``) into a :class:`~budgetkit.io.document.Document`.

    Each sheet's tables are :class:`~budgetkit.io.document.RawTable` values (merged places ``None``,
    empty cells ``""``, every cell's place a :class:`SheetBox`); a unit and year printed above the tables
    make the document's one paragraph, as a PDF's cover does. See the module's description.
    """
    source = str(path)
    file = Path(path)
    try:
        with open(file, "rb") as handle:
            magic = handle.read(8)
    except OSError as exc:
        raise LoadError(source, [LoadIssue("file", exc.strerror or str(exc))]) from None
    suffix = file.suffix.lower()
    if magic.startswith(b"PK"):
        sheets = _xlsx_sheets(file, source)
    elif magic.startswith(b"\xd0\xcf\x11\xe0"):
        sheets = _xls_sheets(file, source)
    else:
        kind = ".xls" if suffix == ".xls" else ".xlsx"
        raise LoadError(source, [LoadIssue("file", f"not a {kind} workbook (it starts with neither PK nor an OLE header)")])
    for sheet in sheets:  # the grid a sheet spans (its far corner, its merges) is built cell by cell: bound it
        height = 1 + max((r for r, _ in sheet.texts), default=-1)
        width = 1 + max((c for _, c in sheet.texts), default=-1)
        for _, _, r1, c1 in sheet.merges:
            height, width = max(height, r1 + 1), max(width, c1 + 1)
        if height * width > MAX_CELLS:
            problem = f"sheet {sheet.name} spans {height} rows × {width} columns, more than the {MAX_CELLS} cells a report may have"
            raise LoadError(source, [LoadIssue("file", problem)])
    tables: list[RawTable] = []
    text: list[Line] = []
    for sheet in sheets:
        found = list(_tables(sheet))
        tables.extend(found)
        if not found:  # a sheet of text, no table: the 情况说明 printed a paragraph a cell (or a row)
            text.extend(_sheet_lines(sheet))
    return Document(source, len(sheets), _cover(tables) + national_layout(text_paragraphs(text)), tuple(tables))


def read_excel(
    path: str | Path,
    *,
    table_set: str = "national-2024",
    unit_type: UnitType | str | None = None,
    unit: str | None = None,
    year: int | None = None,
) -> Imported:
    """Import a published workbook (``.xlsx`` or ``.xls``) into an account and a report of what was (not) understood.

    The tables are imported as :func:`budgetkit.io.read_pdf` imports a PDF's; every imported cell's place
    is its sheet and cell (``report.places["tables.general_budget_expenditure[208].total"]`` prints as
    ``表五!C12``). A sheet that prints text and no table (the 情况说明 a paragraph a cell) is read as a text
    import reads its lines, its figures placed at their cells (``情况说明!A12``); when no 情况说明 is found in it,
    an issue names the sheet. A workbook of tables alone has no 情况说明: its figures come from the tables. ``unit`` and
    ``year`` are needed when the sheets do not print them (``编制单位：…``, ``2023年度``); the year may be read from the
    file's name (``…2024年度部门决算公开表.xlsx``).
    """
    doc = read_workbook(path)
    titles = [line.text for table in doc.tables for line in table.heading] + [t.title for t in doc.tables if t.title]
    said = [*titles, Path(path).stem]  # a workbook named a 决算 (…2024年度部门决算公开表.xlsx) is never refused
    if any(map(is_budget_title, titles)) and not any("决算" in text for text in said):
        raise LoadError(doc.source, [LoadIssue("title", BUDGET_REFUSED)])  # its sheets' titles were read as a 决算's
    cover = _cover(doc.tables)
    if not cover and year is None:
        year = year_of_name(path, [p.text for p in doc.paragraphs] + [line.text for table in doc.tables for line in table.heading])  # the tables print no year (Yunnan's 部门：… above each): the file's name does
    if unit is not None or year is not None:
        found_unit, found_year = _unit_and_year(doc.tables)
        given = _title_paragraph(unit or found_unit, year or found_year, None)
        doc = attrs.evolve(doc, paragraphs=given + doc.paragraphs[len(cover) :])
        cover = given
    if not cover:
        raise LoadError(
            doc.source,
            [
                LoadIssue(
                    "title",
                    "the sheets print no unit and year: add a line 编制单位：… (or 部门：…) and the year (2023年度) "
                    "above a table, name the year in the file's name (…2023年度….xlsx), or pass unit= and year= to "
                    "budgetkit.io.excel.read_excel",
                )
            ],
        )
    imported = from_document(doc, table_set=table_set, unit_type=unit_type)
    return _without_narrative(imported, doc.paragraphs[len(cover) :])


def _without_narrative(imported: Imported, text: Sequence[Paragraph]) -> Imported:
    """A workbook of tables alone has no 第三部分 by design: that is no issue of the import. A workbook with a sheet
    of text (``text``, its paragraphs) whose 情况说明 was not found keeps the issue and names the sheets, whose
    numbers are kept in text."""
    report = imported.report
    why = next((i.reason for i in report.issues if i.box is None and i.text == NO_NARRATIVE), None)
    if why is None:
        return imported
    if not text:
        issues = tuple(i for i in report.issues if not (i.box is None and i.text == NO_NARRATIVE))
        return Imported(imported.account, attrs.evolve(report, issues=issues))
    boxes = [line.box for paragraph in text for line in paragraph.lines if isinstance(line.box, SheetBox)]
    names = "、".join(dict.fromkeys(box.sheet for box in boxes))
    reason = ImportReason(
        f"the text of sheet {names} is not read as a 情况说明 ({why}); its numbers are kept in text",
        f"工作表{names}的文字未能作为情况说明读入（{why}）：其中的数字作为文字保留",
    )
    issue = ReportIssue(boxes[0] if boxes else None, text[0].text[:40], reason)
    return Imported(imported.account, attrs.evolve(report, issues=(*report.issues, issue)))


# -- sheets into tables ----------------------------------------------------------------------------------


@attrs.frozen
class _Grid:
    """A sheet's cells as rows of :class:`Cell` (merged places ``None``) with their places."""

    rows: list[list[Cell]]
    spans: dict[tuple[int, int], int]  # (row, column) of a merge's first cell → columns it spans


def _grid(sheet: _Sheet) -> _Grid:
    covered: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    spans: dict[tuple[int, int], int] = {}
    for r0, c0, r1, c1 in sheet.merges:
        spans[(r0, c0)] = c1 - c0 + 1
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                covered[(r, c)] = (r0, c0, r1, c1)
    height = 1 + max((r for r, _ in (*sheet.texts, *covered)), default=-1)
    width = 1 + max((c for _, c in (*sheet.texts, *covered)), default=-1)
    rows: list[list[Cell]] = []
    for r in range(height):
        row: list[Cell] = []
        for c in range(width):
            if c in sheet.hidden:
                continue
            merge = covered.get((r, c))
            if merge is not None and (merge[0], merge[1]) != (r, c):
                row.append(Cell(None, None))
                continue
            r1, c1 = (merge[2], merge[3]) if merge is not None else (r, c)
            ref = f"{_column_name(c)}{r + 1}"
            box = SheetBox(sheet.number, float(c), float(r), float(c1 + 1), float(r1 + 1), sheet=sheet.name, ref=ref)
            row.append(Cell(sheet.texts.get((r, c), ""), box))
        rows.append(row)
    return _Grid(rows, spans)


def _sheet_lines(sheet: _Sheet) -> list[Line]:
    """The lines of a sheet that prints text, no table: a row's texts joined, placed at its first cell."""
    lines = []
    for row in _grid(sheet).rows:
        texts = _texts(row)
        box = next((cell.box for cell in row if cell.text), None)
        if texts and box is not None:
            lines.append(Line(" ".join(texts), box))
    return lines


def _texts(row: Sequence[Cell]) -> list[str]:
    return [cell.text for cell in row if cell.text]


def _reach(row: Sequence[Cell]) -> int:
    """How many columns a row reaches: to its last cell that prints text or is covered by a merge."""
    return 1 + max((i for i, c in enumerate(row) if c.text is None or c.text), default=0)


def _first_column(body: Sequence[Sequence[Cell]], width: int) -> int:
    """Where a table's grid starts: past the columns left of it that print nothing in any of its rows (a table laid
    out from column B), as a table's first column is its names' (表一's income half) or its codes'.

    A column whose empty cell starts a merge reaching right (a blank header spanning two columns) is the table's.

    >>> empty, name, covered = Cell("", None), Cell("项目", None), Cell(None, None)
    >>> _first_column([[empty, name, covered], [empty, Cell("合计", None), Cell("1.00", None)]], 3)
    1
    >>> _first_column([[empty, covered, name], [empty, Cell("合计", None), Cell("1.00", None)]], 3)
    0
    """
    start = 0
    while start < width - 1 and all(
        row[start].text == "" and not (start + 1 < len(row) and row[start + 1].text is None) for row in body
    ):
        start += 1
    return start


def _is_title(text: str) -> bool:
    return text.rstrip().endswith("表") or "决算表" in text or "总表" in text


def _tables(sheet: _Sheet) -> Iterator[RawTable]:
    """The tables of a sheet, top to bottom: heading rows, then the grid (header and body), then notes."""
    grid = _grid(sheet)
    heading: list[Line] = []
    body: list[list[Cell]] = []
    notes: list[Line] = []
    # the sheet's name is read as a heading line above every table of the sheet: a title the sheet
    # prints finds the template first, the name (表五, or the table's title) when it prints none
    name = Line(sheet.name, SheetBox(sheet.number, 0.0, 0.0, 0.0, 0.0, sheet=sheet.name))

    def line(row: Sequence[Cell]) -> Line:
        box = next(cell.box for cell in row if cell.text)
        assert box is not None
        return Line(" ".join(_texts(row)), box)

    def table() -> RawTable | None:
        while body and not _texts(body[-1]):
            body.pop()
        if not body:
            return None
        width = max(_reach(row) for row in body)
        start = _first_column(body, width)
        rows = tuple(tuple(row[start:width]) for row in body)
        # a title printing its unit after it (收入支出决算总表（单位：元）) is a title, without the unit
        titles = [without_unit(h.text) for h in heading if not table_furniture(h.text) and not _HEADING_WORDS.match(h.text)]
        unit = next((found for h in heading if (found := unit_of(h.text))), None)
        return RawTable(
            rows=rows,
            pages=(sheet.number,),
            title=titles[-1] if titles else sheet.name,
            unit=unit,
            heading=(name, *heading),
            notes=tuple(notes),
        )

    for row in grid.rows:
        texts = _texts(row)
        if not texts:
            if body:
                body.append(row)
            continue
        first = next(c for c in row if c.text)
        # a line merged across the table (most of its width) is a note; 合计 merged over code and name is a row
        reach = max((_reach(r) for r in body[:8]), default=0)  # the header's width
        spans = first.box is not None and first.box.x1 - first.box.x0 > max(2, reach / 2)
        alone = len(texts) == 1 and not _NUMBER.match(texts[0].replace(" ", ""))
        words = all(_HEADING_WORDS.match(t) or unit_of(t) for t in texts)
        if not body:
            if alone or words:
                heading.append(line(row))
            else:
                body.append(row)
            continue
        if words or (alone and _is_title(texts[0]) and not _NOTE.search(texts[0])):
            # the title or heading lines of the next table, under this one
            if (made := table()) is not None:
                yield made
            heading, body, notes = [line(row)], [], []
            continue
        if alone and (_NOTE.search(texts[0]) or spans or notes):
            notes.append(line(row))
            continue
        if notes:  # a grid row after notes: a new table without a title of its own
            if (made := table()) is not None:
                yield made
            heading, body, notes = [], [], []
        body.append(row)
    if (made := table()) is not None:
        yield made


# -- the unit and year -------------------------------------------------------------------------------------


def _unit_and_year(tables: Sequence[RawTable]) -> tuple[str | None, int | None]:
    unit = year = None
    for table in tables:
        for heading in table.heading:
            if unit is None and (found := _maker(heading.text)) is not None:
                unit = found
            if year is None and (y := _YEAR.search(heading.text)):
                year = int(y.group("year"))
    if unit is None:  # no 编制单位 line: a title line that is the report's whole name names the unit, and its year
        titled = next((m for t in tables for h in t.heading if (m := _REPORT_TITLE.match(h.text.strip()))), None)
        if titled is not None:
            unit, year = titled.group("unit"), year or int(titled.group("year"))
    return unit, year


def _maker(text: str) -> str | None:
    """The maker a heading line names (编制单位：示例中心), never a unit (金额单位：万元, or 单位：万元 printed first).

    >>> _maker("编制单位：示例中心　2023年度　单位：万元"), _maker("金额单位：万元"), _maker("单位：万元"), _maker("单位：示例中心")
    ('示例中心', None, None, '示例中心')
    """
    return next((m.group("name") for m in _MAKER.finditer(text) if m.group("name") not in _MONEY_UNITS), None)


def _cover(tables: Sequence[RawTable]) -> tuple[Paragraph, ...]:
    unit, year = _unit_and_year(tables)
    box = next((h.box for t in tables for h in t.heading if _maker(h.text) is not None), None) or next(
        (h.box for t in tables for h in t.heading if _REPORT_TITLE.match(h.text.strip())), None
    )
    return _title_paragraph(unit, year, box)


def _title_paragraph(unit: str | None, year: int | None, box: Box | None) -> tuple[Paragraph, ...]:
    """The cover a PDF prints ("…2023年度部门决算"), from the unit and year the sheets print: one paragraph
    whose line is where the unit is printed (its text is empty: its numbers are counted in the heading)."""
    if unit is None or year is None:
        return ()
    place = box if box is not None else Box(1, 0.0, 0.0, 1.0, 1.0)
    return (Paragraph(f"{unit}{year}年度部门决算", (Line("", place),)),)
