"""A final account drawn as a published PDF in the Shanghai 部门决算 layout (extra ``render``).

:func:`render_pdf` draws what an account holds the way the 2024 Shanghai template
(``samples/template-shanghai-2024.pdf``) prints it: a cover (unit, year), the 目录, 第一部分 概况
(主要职能, 部门决算单位构成), 第二部分 the published tables, 第三部分 the 情况说明 passages and
第四部分 名词解释. Each table gets its title centred above it, ``单位：万元`` and its ruled cells:
merged header cells (项目 over the code and name columns, 本年支出 over 合计/基本支出/项目支出, the
four header rows of 表七), the 合计 lines spanning the code and name columns, 表一 and 表四 in a 收入
half and a 支出 half, 表六 in two economic halves; a table too long for its page continues on the
next without repeating its header, and its 注 and 本表无数据 statement follow its last row.
Printed blanks stay blank and absent rows are not drawn.

This is the other half of importing (:func:`budgetkit.io.read_pdf`): a rendered account imports back
to the same tables, cell for cell, and the same figures (``benchmarks/roundtrip.py``). Text is set in
Noto Sans SC (the ``pylopdf_fonts_zh_cn`` package), embedded as a subset; reportlab needs TrueType
outlines, so the font's CFF outlines are converted once per process for the characters a report uses.

>>> from budgetkit.datasets import synthetic
>>> import pathlib, tempfile
>>> path = render_pdf(synthetic.generate(7, tables=True), pathlib.Path(tempfile.mkdtemp()) / "7.pdf")
>>> path.read_bytes()[:5]
b'%PDF-'
"""

from __future__ import annotations

import functools
import io
import itertools
import re
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, Final

import attrs

from budgetkit.errors import BudgetkitError, MissingExtraError
from budgetkit.model.account import FinalAccount
from budgetkit.model.tables import Row, Side, Table, TableTemplate

__all__ = ["RenderError", "render_pdf"]

_A4: Final = (595.3, 841.9)
_MARGIN: Final = 72.0
_TEXT_SIZE: Final = 12.0
_CELL_SIZE: Final = 8.0
_PAD: Final = 3.0
#: Tables printed on portrait pages in the template; the others are landscape.
_PORTRAIT: Final = frozenset({"summary", "basic_expenditure"})
#: The classes of 表六's left half (人员经费: 工资福利支出, 对个人和家庭的补助); the others print on the right.
_PERSONNEL_CLASSES: Final = ("301", "303")
_CODE_HEADER: Final = {"functional": "功能分类科目编码", "economic": "经济分类科目编码"}
#: Characters every report prints, so that most reports reuse the font converted for the first.
_BASE_CHARS: Final = (
    "0123456789.,-%（）()、：:，。；“”《》 第一二三四五六七八九十部分目录概况主要职能部门决算单位构成表情况说明名词解释"
    "收入支出总计合计项目功能分类科目编码名称经济万元注本无数据年度基本财政拨款一般公共预算政府性基金国有资本经营"
    "上级补助事业附属缴其他使用非结余初结转和末对小计三公费因出境车购置及运行维护接待"
)


class RenderError(BudgetkitError, ValueError):
    """An account cannot be drawn (a table the renderer has no layout for), or the file cannot be written."""


@attrs.frozen
class _Spot:
    """One drawn cell of a grid: its row and column, how many it spans, its text and how it is aligned."""

    row: int
    col: int
    text: str
    rows: int = 1
    cols: int = 1
    align: str = "center"  # "left", "right" or "center"


@attrs.frozen
class _Grid:
    """A table laid out as cells on a grid: header rows first, then body rows (each a list of spots)."""

    widths: tuple[float, ...]
    header: tuple[_Spot, ...]
    header_rows: int
    body: tuple[tuple[_Spot, ...], ...]  #: per body row, its spots (rows counted from 0 in the body)


def render_pdf(account: FinalAccount, path: str | Path) -> Path:
    """Draw ``account`` as a PDF at ``path`` in the Shanghai 部门决算 layout; return the path.

    Needs the ``render`` extra (reportlab and the Noto Sans SC font package).

    >>> render_pdf(FinalAccount(unit="示例局", year=2024, unit_type="行政单位"), "/no/such/dir/x.pdf")
    Traceback (most recent call last):
    ...
    budgetkit.outputs.pdf.RenderError: cannot write /no/such/dir/x.pdf: ...
    """
    target = Path(path)
    canvas_module = _reportlab()
    font = _font(frozenset(_characters(account)))
    buffer = io.BytesIO()
    pages = _Pages(canvas_module.Canvas(buffer, pagesize=_A4, pageCompression=1), font)
    _Report(account, pages).draw()
    pages.finish()
    try:
        target.write_bytes(buffer.getvalue())
    except OSError as exc:
        raise RenderError(f"cannot write {target}: {exc.strerror or exc}") from None
    return target


def _reportlab() -> Any:
    try:
        from reportlab.pdfgen import canvas
    except ImportError:
        raise MissingExtraError("reportlab", "render", "drawing a report as PDF") from None
    return canvas


# -- the font ------------------------------------------------------------------------------------------------------

_FONTS: dict[frozenset[str], str] = {}


def _font(chars: frozenset[str]) -> str:
    """The name of a registered font that draws ``chars``: Noto Sans SC subset to them, as TrueType."""
    for covered, name in _FONTS.items():
        if chars <= covered:
            return name
    wanted = chars | frozenset(_BASE_CHARS) | frozenset().union(*_FONTS) if _FONTS else chars | frozenset(_BASE_CHARS)
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    name = f"NotoSansSC-{len(_FONTS)}"
    font = TTFont(name, io.BytesIO(_truetype(wanted)))
    font.face.name = name.encode()  # reportlab keeps one font per face name: each subset needs its own
    pdfmetrics.registerFont(font)
    _FONTS[wanted] = name
    return name


def _truetype(chars: frozenset[str]) -> bytes:
    """Noto Sans SC subset to ``chars`` with its cubic (CFF) outlines turned into quadratic TrueType ones."""
    try:
        from fontTools import subset
        from fontTools.pens.cu2quPen import Cu2QuPen
        from fontTools.pens.ttGlyphPen import TTGlyphPen
        from fontTools.ttLib import TTFont, newTable
    except ImportError:
        raise MissingExtraError("fonttools", "render", "drawing a report as PDF") from None
    try:
        source = resources.files("pylopdf_fonts_zh_cn") / "NotoSansSC-Regular.otf"
        data = source.read_bytes()
    except (ModuleNotFoundError, OSError):
        raise MissingExtraError("pylopdf-fonts-zh-cn", "render", "drawing a report as PDF") from None
    font = TTFont(io.BytesIO(data))
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.notdef_outline = True
    options.name_IDs = ["*"]
    options.desubroutinize = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(chars)))
    subsetter.subset(font)
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font["maxp"].tableVersion = 0x00010000
    for field in (
        "maxZones",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(font["maxp"], field, 0)
    font["maxp"].maxZones = 1
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _characters(account: FinalAccount) -> Iterator[str]:
    """Every character the report of ``account`` prints (so that the font subset covers them)."""
    yield from account.unit
    yield from str(account.year)
    yield from account.duties
    yield from account.organisation
    for line in account.tables.contents:
        yield from line
    for passage in account.passages:
        yield from passage.text
    for entry in account.glossary:
        yield from entry.term
        yield from entry.definition
    for table in account.tables.tables:
        yield from table.title
        yield from table.unit
        yield from table.empty_note
        for note in table.notes:
            yield from note
        for row in table.rows:
            yield from row.number
            yield from row.name
            yield from row.key
        template = account.tables.template(table.key)
        if template is not None:
            for column in (*template.columns, *template.income_columns):
                yield from column.name


# -- pages ---------------------------------------------------------------------------------------------------------


class _Pages:
    """A canvas with a cursor: lines of text and ruled grids placed top to bottom, page after page."""

    def __init__(self, canvas: Any, font: str) -> None:
        from reportlab.pdfbase import pdfmetrics

        self.canvas = canvas
        self.font = font
        self.size = _A4
        self.y = _MARGIN
        self.started = False
        self._width = functools.partial(pdfmetrics.stringWidth, fontName=font)

    def width(self, text: str, size: float) -> float:
        return float(self._width(text, fontSize=size))

    def new_page(self, landscape: bool = False) -> None:
        if self.started:
            self.canvas.showPage()
        self.started = True
        self.size = (_A4[1], _A4[0]) if landscape else _A4
        self.canvas.setPageSize(self.size)
        self.y = _MARGIN

    @property
    def text_width(self) -> float:
        return self.size[0] - 2 * _MARGIN

    def room(self) -> float:
        return self.size[1] - _MARGIN - self.y

    def line(self, text: str, size: float = _TEXT_SIZE, align: str = "left", indent: float = 0.0) -> None:
        """One line of text at the cursor (a new page when the page is full)."""
        leading = size * 1.7
        if self.room() < leading:
            self.new_page(self.size[0] > self.size[1])
        width = self.width(text, size)
        if align == "center":
            x = (self.size[0] - width) / 2
        elif align == "right":
            x = self.size[0] - _MARGIN - width
        else:
            x = _MARGIN + indent
        self.canvas.setFont(self.font, size)
        self.canvas.drawString(x, self.size[1] - self.y - size, text)
        self.y += leading

    def paragraph(self, text: str, size: float = _TEXT_SIZE, indent: float = 0.0) -> None:
        """A paragraph wrapped to the text width, its first line indented by ``indent``."""
        first = True
        for piece in _wrap(text, self.text_width - indent, lambda t: self.width(t, size)):
            self.line(piece, size, indent=indent if first else 0.0)
            first = False

    def fitted(self, text: str, size: float, align: str = "left") -> None:
        """One line that must stay one line (a table's note): made smaller until it fits the text width."""
        while size > 5 and self.width(text, size) > self.text_width:
            size -= 0.5
        self.line(text, size, align)

    def finish(self) -> None:
        if not self.started:
            self.new_page()
        self.canvas.showPage()
        self.canvas.save()

    # -- grids ---------------------------------------------------------------------------------------------
    def grid(self, grid: _Grid) -> None:
        """Draw a grid at the cursor: the header, then body rows, continuing on new pages without a header."""
        left = (self.size[0] - sum(grid.widths)) / 2
        lefts = [left + sum(grid.widths[:c]) for c in range(len(grid.widths) + 1)]
        header_heights = self._heights(grid.header, grid.header_rows, grid.widths)
        body_heights = [self._heights(spots, 1, grid.widths, body_row=r)[0] for r, spots in enumerate(grid.body)]
        if self.room() < sum(header_heights) + (body_heights[0] if body_heights else 0):
            self.new_page(self.size[0] > self.size[1])
        tops = list(itertools.accumulate(header_heights, initial=self.y))
        for spot in grid.header:
            self._cell(spot, lefts, tops[spot.row], tops[spot.row + spot.rows])
        self.y = tops[-1]
        r = 0
        while r < len(grid.body):
            end = r
            y = self.y
            while end < len(grid.body) and y + body_heights[end] <= self.size[1] - _MARGIN:
                y += body_heights[end]
                end += 1
            if end == r:  # not even one row fits: start a page
                self.new_page(self.size[0] > self.size[1])
                continue
            if end < len(grid.body):
                # a continuation of only merged lines would lose a column (the code | name rule): keep one row more
                while end - 1 > r and all(_merged(grid.body[k]) for k in range(end, len(grid.body))):
                    end -= 1
            for k in range(r, end):
                for spot in grid.body[k]:
                    self._cell(spot, lefts, self.y, self.y + body_heights[k])
                self.y += body_heights[k]
            r = end
            if r < len(grid.body):
                self.new_page(self.size[0] > self.size[1])
        self.y += 4

    def _heights(
        self, spots: Sequence[_Spot], rows: int, widths: Sequence[float], body_row: int | None = None
    ) -> list[float]:
        leading = _CELL_SIZE * 1.35
        heights = [leading + 2 * _PAD] * rows
        spanning = []
        for spot in spots:
            width = sum(widths[spot.col : spot.col + spot.cols]) - 2 * _PAD
            lines = len(_wrap(spot.text, width, lambda t: self.width(t, _CELL_SIZE))) if spot.text else 1
            need = lines * leading + 2 * _PAD
            row = 0 if body_row is not None else spot.row
            if spot.rows == 1:
                heights[row] = max(heights[row], need)
            else:
                spanning.append((row, spot.rows, need))
        for row, span, need in spanning:
            have = sum(heights[row : row + span])
            if need > have:
                heights[row + span - 1] += need - have
        return heights

    def _cell(self, spot: _Spot, lefts: Sequence[float], top: float, bottom: float) -> None:
        x0, x1 = lefts[spot.col], lefts[spot.col + spot.cols]
        height = self.size[1]
        self.canvas.setLineWidth(0.5)
        self.canvas.rect(x0, height - bottom, x1 - x0, bottom - top, stroke=1, fill=0)
        if not spot.text:
            return
        leading = _CELL_SIZE * 1.35
        lines = _wrap(spot.text, x1 - x0 - 2 * _PAD, lambda t: self.width(t, _CELL_SIZE))
        y = (top + bottom) / 2 - len(lines) * leading / 2
        self.canvas.setFont(self.font, _CELL_SIZE)
        for text in lines:
            baseline = height - y - _CELL_SIZE - (leading - _CELL_SIZE) / 2
            if spot.align == "right":
                self.canvas.drawRightString(x1 - _PAD, baseline, text)
            elif spot.align == "left":
                self.canvas.drawString(x0 + _PAD, baseline, text)
            else:
                self.canvas.drawCentredString((x0 + x1) / 2, baseline, text)
            y += leading


def _merged(spots: Sequence[_Spot]) -> bool:
    return any(spot.cols > 1 for spot in spots)


def _wrap(text: str, width: float, measure: Any) -> list[str]:
    """``text`` cut into lines no wider than ``width`` (characters are cut anywhere: Chinese has no spaces)."""
    lines: list[str] = []
    current = ""
    for char in text:
        if current and measure(current + char) > width:
            lines.append(current)
            current = char.lstrip() if char == " " else char
        else:
            current += char
    if current or not lines:
        lines.append(current)
    return lines


# -- the report ----------------------------------------------------------------------------------------------------


class _Report:
    """Draws the parts of a report in the template's order."""

    def __init__(self, account: FinalAccount, pages: _Pages) -> None:
        self.account = account
        self.pages = pages

    def draw(self) -> None:
        account = self.account
        pages = self.pages
        pages.new_page()
        pages.y = 260
        pages.line(account.unit, 26, "center")
        pages.y += 20
        pages.line(f"{account.year} 年度部门决算", 26, "center")
        if account.tables.contents:
            pages.new_page()
            pages.line("目 录", 16, "center")
            for line in account.tables.contents:
                pages.paragraph(line)
        if account.duties or account.organisation:
            pages.new_page()
            pages.paragraph(f"第一部分 {account.unit}概况")
            pages.paragraph("一、主要职能")
            self.text(account.duties)
            pages.paragraph("二、部门决算单位构成")
            self.text(account.organisation)
        self.tables()
        self.narrative()
        if account.glossary:
            pages.new_page()
            pages.paragraph("第四部分 名词解释")
            for number, entry in zip(_numbers(), account.glossary, strict=False):
                pages.paragraph(f"{number}、{entry.term}：{entry.definition}")

    def text(self, text: str) -> None:
        for paragraph in text.split("\n"):
            if paragraph.strip():
                self.pages.paragraph(paragraph, indent=2 * _TEXT_SIZE)

    def tables(self) -> None:
        account = self.account
        heading = next((p.text for p in account.passages if p.section == "第二部分"), "")
        for i, table in enumerate(account.tables.tables):
            template = account.tables.template(table.key)
            self.pages.new_page(landscape=table.key not in _PORTRAIT)
            if i == 0:
                self.pages.paragraph(heading or f"第二部分 {account.unit}{account.year}年度部门决算表")
            self.pages.line(table.title, 15, "center")
            self.pages.line(f"单位：{table.unit}", 9, "right")
            self.pages.grid(_layout(table, template, self.pages))
            for note in (*table.notes, *((table.empty_note,) if table.empty_note else ())):
                self.pages.fitted(note, 9)

    def narrative(self) -> None:
        passages = [p for p in self.account.passages if p.section != "第二部分"]
        if not passages:
            return
        self.pages.new_page()
        if not passages[0].section.startswith("第三部分"):
            self.pages.paragraph(f"第三部分 {self.account.unit}{self.account.year}年度部门决算情况说明")
        for passage in passages:
            head, *body = passage.text.split("\n")
            self.pages.paragraph(head, indent=0.0 if _is_heading(head) else 2 * _TEXT_SIZE)
            for paragraph in body:
                self.pages.paragraph(paragraph, indent=0.0 if _is_heading(paragraph) else 2 * _TEXT_SIZE)


def _is_heading(text: str) -> bool:
    return bool(
        re.match(
            r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[、.．])", text
        )
    )


def _numbers() -> Iterator[str]:
    digits = "一二三四五六七八九"
    for n in itertools.count(1):
        tens, ones = divmod(n, 10)
        yield ("" if tens == 0 else "十" if tens == 1 else digits[tens - 1] + "十") + (digits[ones - 1] if ones else "")


# -- table layouts -------------------------------------------------------------------------------------------------


def _layout(table: Table, template: TableTemplate | None, pages: _Pages) -> _Grid:
    """The grid of one table, after the template: two halves, classified rows, or lines printed across."""
    if table.income_columns:
        return _two_sided(table, template, pages)
    if table.key == "three_public":
        return _across(table, template, pages)
    if (template is not None and template.classified_by) or any(row.code for row in table.rows):
        return _classified(table, template, pages)
    raise RenderError(f"no layout for table {table.key} ({table.title}): it is neither two-sided nor classified")


def _column_name(template: TableTemplate | None, key: str, side: Side | None = None) -> str:
    if template is None:
        return key
    try:
        return template.column(key, side if template.two_sided else None).name
    except KeyError:
        return key


def _amount_width(table: Table, pages: _Pages, columns: int) -> float:
    widest = max((pages.width(cell.text, _CELL_SIZE) for row in table.rows for cell in row.cells), default=20.0)
    return max(widest + 2 * _PAD + 4, 44.0 if columns > 5 else 60.0)


def _two_sided(table: Table, template: TableTemplate | None, pages: _Pages) -> _Grid:
    """表一, 表四: a 收入 half (项目, its amounts) beside a 支出 half (项目, its amounts), row by row."""
    income = [row for row in table.rows if row.side is Side.INCOME]
    spent = [row for row in table.rows if row.side is not Side.INCOME]
    left, right = len(table.income_columns), len(table.columns)
    amount = _amount_width(table, pages, left + right)
    names = max(pages.text_width - (left + right) * amount, 160.0)
    widths = (names / 2, *[amount] * left, names / 2, *[amount] * right)
    header = [
        _Spot(0, 0, "收入", cols=1 + left),
        _Spot(0, 1 + left, "支出", cols=1 + right),
        _Spot(1, 0, "项目"),
        *(_Spot(1, 1 + c, _column_name(template, k, Side.INCOME)) for c, k in enumerate(table.income_columns)),
        _Spot(1, 1 + left, "项目"),
        *(_Spot(1, 2 + left + c, _column_name(template, k)) for c, k in enumerate(table.columns)),
    ]
    body = []
    for a, b in itertools.zip_longest(income, spent):
        spots: list[_Spot] = []
        for row, start, count in ((a, 0, left), (b, 1 + left, right)):
            spots.append(_Spot(0, start, "" if row is None else f"{row.number}{row.name}", align="left"))
            for c in range(count):
                spots.append(_Spot(0, start + 1 + c, "" if row is None else row.cells[c].text, align="right"))
        body.append(tuple(spots))
    return _Grid(tuple(widths), tuple(header), 2, tuple(body))


def _grouped(name: str, names: Sequence[str]) -> tuple[str, str] | None:
    """A column printed under a common heading: 本年支出 over 合计 / 基本支出 / 项目支出 (表八, 表九)."""
    for group in ("本年支出",):
        if name.startswith(group) and sum(n.startswith(group) for n in names) > 1:
            rest = name[len(group) :]
            return group, rest or "合计"
    return None


def _classified(table: Table, template: TableTemplate | None, pages: _Pages) -> _Grid:
    """Rows keyed by code: code and name columns, then amounts; 表六 prints two such halves side by side."""
    classified_by = template.classified_by if template is not None else "functional"
    names = [_column_name(template, key) for key in table.columns]
    amount = _amount_width(table, pages, len(names))
    halves: list[list[Row]]
    if classified_by == "economic":
        left = [r for r in table.rows if r.code is not None and r.code[:3] in _PERSONNEL_CLASSES]
        right = [r for r in table.rows if r.code is not None and r.code[:3] not in _PERSONNEL_CLASSES]
        lines = [r for r in table.rows if r.code is None]
        left += [r for r in lines if r.key.endswith("personnel")]
        right += [r for r in lines if not r.key.endswith("personnel")]
        halves = [left, right]
        code_width = 56.0
        name_width = max((pages.text_width - 2 * (code_width + amount * len(names))) / 2, 80.0)
        widths = (code_width, name_width, *[amount] * len(names)) * 2
        header = []
        for h in range(2):
            start = h * (2 + len(names))
            header += [_Spot(0, start, _CODE_HEADER["economic"]), _Spot(0, start + 1, "科目名称")]
            header += [_Spot(0, start + 2 + c, n) for c, n in enumerate(names)]
        header_rows = 1
    else:
        halves = [list(table.rows)]
        code_width = 64.0
        name_width = max(pages.text_width - code_width - amount * len(names), 100.0)
        widths = (code_width, name_width, *[amount] * len(names))
        header = [_Spot(0, 0, "项目", cols=2), _Spot(1, 0, _CODE_HEADER["functional"]), _Spot(1, 1, "科目名称")]
        c = 0
        while c < len(names):
            group = _grouped(names[c], names)
            if group is None:
                header.append(_Spot(0, 2 + c, names[c], rows=2))
                c += 1
                continue
            span = 0
            while c + span < len(names) and (g := _grouped(names[c + span], names)) is not None and g[0] == group[0]:
                header.append(_Spot(1, 2 + c + span, g[1]))
                span += 1
            header.append(_Spot(0, 2 + c, group[0], cols=span))
            c += span
        header_rows = 2
    width = 2 + len(names)
    body: list[tuple[_Spot, ...]] = []
    for k in range(max((len(h) for h in halves), default=0) or 1):
        spots = []
        for h, rows in enumerate(halves):
            start = h * width
            row = rows[k] if k < len(rows) else None
            if row is None:
                spots += [_Spot(0, start + c, "") for c in range(width)]
            elif row.code is None:
                spots.append(_Spot(0, start, row.name, cols=2))
                spots += [_Spot(0, start + 2 + c, cell.text, align="right") for c, cell in enumerate(row.cells)]
            else:
                spots += [_Spot(0, start, row.code, align="left"), _Spot(0, start + 1, row.name, align="left")]
                spots += [_Spot(0, start + 2 + c, cell.text, align="right") for c, cell in enumerate(row.cells)]
        body.append(tuple(spots))
    return _Grid(tuple(widths), tuple(header), header_rows, tuple(body))


#: 表七's header above each line: (group, name under the group) — the template prints 公务用车 in two levels.
_ACROSS: Final = {
    "three_public.total": ("", "合计"),
    "three_public.outbound": ("", "因公出国（境）费"),
    "three_public.vehicle": ("公务用车购置及运行维护费", "小计"),
    "three_public.vehicle_purchase": ("公务用车购置及运行维护费", "公务用车购置费"),
    "three_public.vehicle_operation": ("公务用车购置及运行维护费", "公务用车运行维护费"),
    "three_public.reception": ("", "公务接待费"),
}


def _across(table: Table, template: TableTemplate | None, pages: _Pages) -> _Grid:
    """表七: one row of 预算数/决算数 pairs under a four-row header, a pair per line of the template."""
    unknown = [row.key for row in table.rows if row.key not in _ACROSS]
    if unknown:
        raise RenderError(f"no layout for the lines {', '.join(unknown)} of {table.title}")
    pairs = len(table.columns)
    count = len(table.rows) * pairs
    amount = max(_amount_width(table, pages, count), min(pages.text_width / max(count, 1), 60.0))
    header = [_Spot(0, 0, "财政拨款“三公”经费", cols=count)]
    c = 0
    for group, rows in itertools.groupby(table.rows, key=lambda row: _ACROSS[row.key][0]):
        members = list(rows)
        if group:
            header.append(_Spot(1, c, group, cols=pairs * len(members)))
            for k, row in enumerate(members):
                header.append(_Spot(2, c + k * pairs, _ACROSS[row.key][1], cols=pairs))
        else:
            for k, row in enumerate(members):
                header.append(_Spot(1, c + k * pairs, _ACROSS[row.key][1], rows=2, cols=pairs))
        c += pairs * len(members)
    names = [_column_name(template, key) for key in table.columns]
    header += [_Spot(3, k, names[k % pairs]) for k in range(count)]
    body = tuple(
        _Spot(0, k * pairs + j, cell.text, align="right")
        for k, row in enumerate(table.rows)
        for j, cell in enumerate(row.cells)
    )
    return _Grid(tuple([amount] * count), tuple(header), 4, (body,))
