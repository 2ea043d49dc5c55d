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
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, Final

from budgetkit.errors import MissingExtraError
from budgetkit.model.account import FinalAccount
from budgetkit.outputs.layout import (
    CELL_SIZE,
    PAD,
    TEXT_SIZE,
    Grid,
    Page,
    RenderError,
    Space,
    Spot,
    TableBlock,
    Text,
    blocks,
    grid,
)

__all__ = ["RenderError", "render_pdf"]

_A4: Final = (595.3, 841.9)
_MARGIN: Final = 72.0
#: Characters every report prints, so that most reports reuse the font converted for the first.
_BASE_CHARS: Final = (
    "0123456789.,-%（）()、：:，。；“”《》 第一二三四五六七八九十部分目录概况主要职能部门决算单位构成表情况说明名词解释"
    "收入支出总计合计项目功能分类科目编码名称经济万元注本无数据年度基本财政拨款一般公共预算政府性基金国有资本经营"
    "上级补助事业附属缴其他使用非结余初结转和末对小计三公费因出境车购置及运行维护接待"
)


def render_pdf(account: FinalAccount, path: str | Path) -> Path:
    """Draw ``account`` as a PDF at ``path`` in the Shanghai 部门决算 layout; return the path.

    Needs the ``render`` extra (reportlab and the Noto Sans SC font package).

    >>> render_pdf(FinalAccount(unit="示例局", year=2024, unit_type="行政单位"), "/no/such/dir/x.pdf")
    Traceback (most recent call last):
    ...
    budgetkit.outputs.layout.RenderError: cannot write /no/such/dir/x.pdf: ...
    """
    target = Path(path)
    canvas_module = _reportlab()
    font = _font(frozenset(_characters(account)))
    buffer = io.BytesIO()
    pages = _Pages(canvas_module.Canvas(buffer, pagesize=_A4, pageCompression=1), font)
    _draw(account, pages)
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
    """Every character the report of ``account`` prints (so that the font subset covers them): the text of its
    blocks and of every cell of its tables' grids, as drawn (:mod:`budgetkit.outputs.layout`)."""
    for block in blocks(account):
        if isinstance(block, Text):
            yield from block.text
        elif isinstance(block, TableBlock):
            laid = grid(block.table, block.template, _Unmeasured())
            for spot in itertools.chain(laid.header, *laid.body):
                yield from spot.text


class _Unmeasured:
    """A measure for what a grid holds, not where (a grid's texts do not depend on its widths)."""

    text_width = _A4[0] - 2 * _MARGIN

    def width(self, text: str, size: float) -> float:
        return len(text) * size


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

    def line(self, text: str, size: float = TEXT_SIZE, align: str = "left", indent: float = 0.0) -> None:
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

    def paragraph(self, text: str, size: float = TEXT_SIZE, indent: float = 0.0) -> None:
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
    def grid(self, grid: Grid) -> None:
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
        self, spots: Sequence[Spot], rows: int, widths: Sequence[float], body_row: int | None = None
    ) -> list[float]:
        leading = CELL_SIZE * 1.35
        heights = [leading + 2 * PAD] * rows
        spanning = []
        for spot in spots:
            width = sum(widths[spot.col : spot.col + spot.cols]) - 2 * PAD
            lines = len(_wrap(spot.text, width, lambda t: self.width(t, CELL_SIZE))) if spot.text else 1
            need = lines * leading + 2 * PAD
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

    def _cell(self, spot: Spot, lefts: Sequence[float], top: float, bottom: float) -> None:
        x0, x1 = lefts[spot.col], lefts[spot.col + spot.cols]
        height = self.size[1]
        self.canvas.setLineWidth(0.5)
        self.canvas.rect(x0, height - bottom, x1 - x0, bottom - top, stroke=1, fill=0)
        if not spot.text:
            return
        leading = CELL_SIZE * 1.35
        lines = _wrap(spot.text, x1 - x0 - 2 * PAD, lambda t: self.width(t, CELL_SIZE))
        y = (top + bottom) / 2 - len(lines) * leading / 2
        self.canvas.setFont(self.font, CELL_SIZE)
        for text in lines:
            baseline = height - y - CELL_SIZE - (leading - CELL_SIZE) / 2
            if spot.align == "right":
                self.canvas.drawRightString(x1 - PAD, baseline, text)
            elif spot.align == "left":
                self.canvas.drawString(x0 + PAD, baseline, text)
            else:
                self.canvas.drawCentredString((x0 + x1) / 2, baseline, text)
            y += leading


def _merged(spots: Sequence[Spot]) -> bool:
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


def _draw(account: FinalAccount, pages: _Pages) -> None:
    """Draw the report's blocks (:func:`budgetkit.outputs.layout.blocks`) page by page."""
    for block in blocks(account):
        if isinstance(block, Page):
            pages.new_page(landscape=block.landscape)
            if block.top is not None:
                pages.y = block.top
        elif isinstance(block, Space):
            pages.y += block.height
        elif isinstance(block, TableBlock):
            pages.grid(grid(block.table, block.template, pages))
        elif block.how == "line":
            pages.line(block.text, block.size, block.align, block.indent)
        elif block.how == "fitted":
            pages.fitted(block.text, block.size, block.align)
        else:
            pages.paragraph(block.text, block.size, block.indent)
