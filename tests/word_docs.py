"""Word documents (``.docx``) written for the tests of :mod:`budgetkit.io.word`: by hand, and from a read PDF.

:func:`docx` packs a body (and numbering and styles) as Word does; :func:`paragraph` and :func:`table` write the
XML of the body; :func:`from_document` writes a PDF's :class:`~budgetkit.io.document.Document` as the Word
document it was made from: its paragraphs, table headings and notes as paragraphs and its tables as Word tables,
merged cells merged (``gridSpan`` across, ``vMerge`` down), in the order the pages print them.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import escape

from budgetkit.io.document import Cell, Document, RawTable

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def part(root: str, inner: str) -> str:
    """One XML part of the package: ``root`` element in Word's namespaces around ``inner``."""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{root} xmlns:w="{W}" xmlns:mc="{MC}">'
        f"{inner}</w:{root}>"
    )


def docx(body: str, numbering: str | None = None, styles: str | None = None, parts: dict[str, str] | None = None) -> bytes:
    """A ``.docx`` file whose body is ``body`` (paragraph and table XML), with its numbering and styles parts, and any
    other ``parts`` (name → XML: a chart, the document's relationships)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", RELS)
        package.writestr("word/document.xml", part("document", f"<w:body>{body}<w:sectPr/></w:body>"))
        if numbering is not None:
            package.writestr("word/numbering.xml", part("numbering", numbering))
        if styles is not None:
            package.writestr("word/styles.xml", part("styles", styles))
        for name, xml in (parts or {}).items():
            package.writestr(name, xml)
    return buffer.getvalue()


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def paragraph(text: str = "", *, num: tuple[int, int] | None = None, style: str | None = None, inner: str = "") -> str:
    """A paragraph of ``text`` (and raw ``inner`` XML after it), in list ``num`` = (numId, level) or ``style``."""
    props = ""
    if style is not None:
        props += f'<w:pStyle w:val="{style}"/>'
    if num is not None:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{run(text) if text else ''}{inner}</w:p>"


def cell(text: str, span: int = 1, merge: str | None = None) -> str:
    """A table cell: ``span`` grid columns wide; ``merge`` is ``restart`` or ``continue`` (``vMerge``)."""
    props = (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + (
        "" if merge is None else '<w:vMerge/>' if merge == "continue" else f'<w:vMerge w:val="{merge}"/>'
    )
    return f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{paragraph(text)}</w:tc>"


def table(rows: Sequence[Sequence[str]]) -> str:
    """A table of rows of :func:`cell` XML."""
    return "<w:tbl><w:tblPr/>" + "".join(f"<w:tr>{''.join(row)}</w:tr>" for row in rows) + "</w:tbl>"


def level(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


def numbering(*abstract: Sequence[str], nums: Sequence[tuple[int, int]] = ()) -> str:
    """Abstract lists (each a list of :func:`level` XML, numbered from 0) and the lists (numId, abstractNumId) over
    them; by default one list a numId from 1 for each abstract list."""
    defined = "".join(
        f'<w:abstractNum w:abstractNumId="{k}">{"".join(levels)}</w:abstractNum>' for k, levels in enumerate(abstract)
    )
    pairs = nums or [(k + 1, k) for k in range(len(abstract))]
    return defined + "".join(f'<w:num w:numId="{n}"><w:abstractNumId w:val="{a}"/></w:num>' for n, a in pairs)


# -- a read PDF written back as its Word document ------------------------------------------------------------------


def from_document(doc: Document) -> bytes:
    """A PDF's document as the ``.docx`` it was made from: every paragraph, table heading and note a paragraph,
    every table a Word table with its merged cells merged, in the order of the pages."""
    items: list[tuple[tuple[int, float, int], str]] = []
    for k, p in enumerate(doc.paragraphs):
        box = p.lines[0].box
        items.append(((box.page, box.top, k), paragraph(p.text)))
    for k, t in enumerate(doc.tables):
        first = next(c.box for row in t.rows for c in row if c.box is not None)
        heading = "".join(paragraph(line.text) for line in t.heading)
        notes = "".join(paragraph(line.text) for line in t.notes)
        top = min([line.box.top for line in t.heading if line.box.page == first.page] + [first.top])
        items.append(((first.page, top, 10_000 + k), heading + word_table(t) + notes))
    return docx("".join(xml for _, xml in sorted(items)))


def word_table(t: RawTable) -> str:
    """A read table as a Word table: each merged place (``None``) belongs to the cell whose box reaches over its
    column (merged across) or to the cell above it (merged down)."""
    rows = [list(row) for row in t.rows]
    width = max(len(row) for row in rows)
    for row in rows:
        row.extend([Cell("", None)] * (width - len(row)))
    left_edge: dict[int, float] = {}
    for row in rows:
        for c, place in enumerate(row):
            if place.text is not None and place.box is not None:
                left_edge[c] = min(left_edge.get(c, place.box.x0), place.box.x0)
    owner: dict[tuple[int, int], tuple[int, int]] = {}  # a merged place → the (row, column) of its cell
    span: dict[tuple[int, int], int] = {}
    for r, row in enumerate(rows):
        for c, place in enumerate(row):
            if place.text is not None:
                owner[(r, c)] = (r, c)
                span[(r, c)] = 1
                continue
            left = owner.get((r, c - 1)) if c else None
            box = None if left is None else rows[left[0]][left[1]].box
            across = box is not None and (c not in left_edge or box.x1 > left_edge[c] + 1.0)
            if across and left is not None and left[0] == r:
                owner[(r, c)] = left
                span[left] += 1
            elif r and (r - 1, c) in owner:
                owner[(r, c)] = owner[(r - 1, c)]
            elif left is not None:  # a block merged down and across: the rest of the row under the cell above
                owner[(r, c)] = left
            else:  # nothing to merge with: an empty place of its own
                owner[(r, c)] = (r, c)
                span[(r, c)] = 1
    out = []
    for r, row in enumerate(rows):
        cells = []
        c = 0
        while c < width:
            start = owner[(r, c)]
            wide = span[start]
            if start == (r, c):
                below = (r + 1, c) in owner and owner[(r + 1, c)] == start
                cells.append(cell(row[c].text or "", wide, "restart" if below else None))
            else:  # a place merged down from the cell above: a continuing cell as wide as it
                cells.append(cell("", wide, "continue"))
            c += wide
        out.append(cells)
    return table(out)




def merged_rows(rows: Sequence[Sequence[str | None]]) -> str:
    """Rows as a PDF gives them (``None`` for a merged place) as a Word table: a place merges across with the text
    on its left, else down into the cell above; a text that merges down merges across nothing (a Word cell is a
    rectangle): the places beside it are empty cells. A text's lines are paragraphs of its cell."""
    kinds: dict[tuple[int, int], str] = {}
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            left = kinds.get((r, c - 1))
            kinds[(r, c)] = "text" if text is not None else "across" if left in ("text", "across") else "down"
    for (r, c), kind in list(kinds.items()):
        if kind == "text" and kinds.get((r + 1, c)) == "down":
            k = c + 1
            while kinds.get((r, k)) == "across":
                kinds[(r, k)] = "empty"
                k += 1
    for r, row in enumerate(rows):
        for c in range(len(row)):
            if kinds[(r, c)] == "down" and kinds.get((r - 1, c)) not in ("text", "down"):
                kinds[(r, c)] = "empty"
    out = []
    for r, row in enumerate(rows):
        cells = []
        c = 0
        while c < len(row):
            width = 1
            while kinds.get((r, c + width)) == "across":
                width += 1
            if kinds[(r, c)] == "down":
                cells.append(cell("", width, "continue"))
            else:
                below = kinds.get((r + 1, c)) == "down"
                props = (f'<w:gridSpan w:val="{width}"/>' if width > 1 else "") + (
                    '<w:vMerge w:val="restart"/>' if below else ""
                )
                lines = "".join(paragraph(line) for line in (row[c] or "").split("\n"))
                cells.append(f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{lines}</w:tc>")
            c += width
        out.append(cells)
    return table(out)
