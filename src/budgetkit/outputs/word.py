"""A final account written as a Word document (``.docx``) in the Shanghai 部门决算 layout: :func:`write_docx`.

What :func:`budgetkit.outputs.pdf.render_pdf` draws, as a document a unit can go on editing: the same parts in
the same order (:func:`budgetkit.outputs.layout.blocks`) — cover, 目录, 概况, the published tables, the 情况说明
passages, the 名词解释 — each table a Word table laid out as the template prints it (merged header cells,
合计 lines across the code and name columns, 表一 and 表四 in two halves), wide tables on landscape pages.
Written with the standard library alone (no extra to install), and read back by
:func:`budgetkit.io.read_docx` to the same tables, cell for cell, and the same passages.

>>> from budgetkit.datasets import synthetic
>>> import pathlib, tempfile, zipfile
>>> path = write_docx(synthetic.generate(7, tables=True), pathlib.Path(tempfile.mkdtemp()) / "7.docx")
>>> sorted(zipfile.ZipFile(path).namelist())[:3]
['[Content_Types].xml', '_rels/.rels', 'word/_rels/document.xml.rels']
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Final
from xml.sax.saxutils import escape, quoteattr

from budgetkit.model.account import FinalAccount
from budgetkit.outputs.layout import Grid, Page, RenderError, Space, Spot, TableBlock, Text, blocks, grid

__all__ = ["write_docx"]

#: A4 in twentieths of a point, and the margins (72 pt).
_A4: Final = (11906, 16838)
_MARGIN: Final = 1440
_W: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CJK_FONT: Final = "宋体"
_LATIN_FONT: Final = "Times New Roman"

_CONTENT_TYPES: Final = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>'
)
_PACKAGE_RELS: Final = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
_DOCUMENT_RELS: Final = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
    'Target="styles.xml"/></Relationships>'
)
_STYLES: Final = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<w:styles xmlns:w="{_W}"><w:docDefaults><w:rPrDefault><w:rPr>'
    f'<w:rFonts w:ascii="{_LATIN_FONT}" w:hAnsi="{_LATIN_FONT}" w:eastAsia="{_CJK_FONT}"/>'
    '<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
    "</w:docDefaults></w:styles>"
)


class _Measure:
    """Text measured as Word sets it near enough for column widths: a Chinese character an em, others half."""

    def __init__(self) -> None:
        self.landscape = False

    def width(self, text: str, size: float) -> float:
        return sum(size if ord(char) > 0x2E7F else size * 0.55 for char in text)

    @property
    def text_width(self) -> float:
        return ((_A4[1] if self.landscape else _A4[0]) - 2 * _MARGIN) / 20


def write_docx(account: FinalAccount, path: str | Path) -> Path:
    """Write ``account`` as a Word document at ``path`` in the Shanghai 部门决算 layout; return the path.

    >>> write_docx(FinalAccount(unit="示例局", year=2024, unit_type="行政单位"), "/no/such/dir/x.docx")
    Traceback (most recent call last):
    ...
    budgetkit.outputs.layout.RenderError: cannot write /no/such/dir/x.docx: No such file or directory
    """
    target = Path(path)
    body = "".join(_Body().parts(account))
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'
    try:
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
            package.writestr("[Content_Types].xml", _CONTENT_TYPES)
            package.writestr("_rels/.rels", _PACKAGE_RELS)
            package.writestr("word/_rels/document.xml.rels", _DOCUMENT_RELS)
            package.writestr("word/document.xml", document)
            package.writestr("word/styles.xml", _STYLES)
    except OSError as exc:
        raise RenderError(f"cannot write {target}: {exc.strerror or exc}") from None
    return target


class _Body:
    """The body's XML, block by block: a page is a page break, or a section break where the orientation turns."""

    def __init__(self) -> None:
        self.measure = _Measure()
        self.started = False
        self.break_before = False  # the next paragraph starts a page
        self.space = 0.0  # points left blank above the next paragraph

    def parts(self, account: FinalAccount) -> Iterator[str]:
        for block in blocks(account):
            if isinstance(block, Page):
                if self.started and block.landscape != self.measure.landscape:
                    yield f"<w:p><w:pPr>{self._section()}</w:pPr></w:p>"  # ends the section: the next is a new page
                else:
                    self.break_before = self.started
                self.measure.landscape = block.landscape
                self.started = True
                self.space = block.top or 0.0
            elif isinstance(block, Space):
                self.space += block.height
            elif isinstance(block, TableBlock):
                yield _table(grid(block.table, block.template, self.measure))
            else:
                yield self._paragraph(block)
        yield self._section()

    def _paragraph(self, text: Text) -> str:
        props = "<w:pageBreakBefore/>" if self.break_before else ""
        if self.space:
            props += f'<w:spacing w:before="{round(self.space * 20)}"/>'
        if text.indent:
            props += f'<w:ind w:firstLine="{round(text.indent * 20)}"/>'
        if text.align != "left":
            props += f'<w:jc w:val="{"center" if text.align == "center" else "right"}"/>'
        self.break_before, self.space = False, 0.0
        return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{_run(text.text, text.size)}</w:p>"

    def _section(self) -> str:
        width, height = (_A4[1], _A4[0]) if self.measure.landscape else _A4
        orient = ' w:orient="landscape"' if self.measure.landscape else ""
        margin = f'w:top="{_MARGIN}" w:right="{_MARGIN}" w:bottom="{_MARGIN}" w:left="{_MARGIN}"'
        return f'<w:sectPr><w:pgSz w:w="{width}" w:h="{height}"{orient}/><w:pgMar {margin}/></w:sectPr>'


def _run(text: str, size: float) -> str:
    props = "" if size == 12 else f'<w:rPr><w:sz w:val="{round(size * 2)}"/><w:szCs w:val="{round(size * 2)}"/></w:rPr>'
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""


def _table(layout: Grid) -> str:
    """A grid as a Word table: a spot over several columns is one cell (``gridSpan``), over several rows a cell
    that the rows below continue (``vMerge``); a place no spot covers is an empty cell."""
    rows = layout.header_rows + len(layout.body)
    spots: list[Spot] = list(layout.header)
    for r, body in enumerate(layout.body):
        spots += [Spot(layout.header_rows + r, s.col, s.text, s.rows, s.cols, s.align) for s in body]
    origin: dict[tuple[int, int], Spot] = {(s.row, s.col): s for s in spots}
    below: dict[tuple[int, int], Spot] = {}  # the places a spot covers in the rows under its first
    for s in spots:
        for r in range(s.row + 1, s.row + s.rows):
            below[(r, s.col)] = s
    columns = len(layout.widths)
    grid_cols = "".join(f'<w:gridCol w:w="{round(width * 20)}"/>' for width in layout.widths)
    out = [
        "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:jc w:val=\"center\"/><w:tblBorders>"
        + "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>' for side in _SIDES)
        + f"</w:tblBorders></w:tblPr><w:tblGrid>{grid_cols}</w:tblGrid>"
    ]
    for r in range(rows):
        out.append("<w:tr>")
        c = 0
        while c < columns:
            if (spot := origin.get((r, c))) is not None:
                merge = '<w:vMerge w:val="restart"/>' if spot.rows > 1 else ""
                out.append(_cell(spot.text, spot.cols, merge, spot.align))
                c += spot.cols
            elif (spot := below.get((r, c))) is not None:
                out.append(_cell("", spot.cols, "<w:vMerge/>", "center"))
                c += spot.cols
            else:
                out.append(_cell("", 1, "", "center"))
                c += 1
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


_SIDES: Final = ("top", "left", "bottom", "right", "insideH", "insideV")


def _cell(text: str, span: int, merge: str, align: str) -> str:
    props = (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + merge + '<w:vAlign w:val="center"/>'
    jc = f'<w:pPr><w:spacing w:line="240" w:lineRule="auto"/><w:jc w:val={quoteattr(align)}/></w:pPr>'  # single-spaced
    return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p>{jc}{_run(text, 8)}</w:p></w:tc>"
