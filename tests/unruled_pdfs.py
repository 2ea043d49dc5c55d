"""Copies of a PDF with some or all of its ruling lines left out (pypdf), for the tests of tables read without them.

Every path a page paints is kept or left unpainted (its painting operator made ``n``), by the direction of its
segments: ``borderless`` paints none, ``horizontal`` only level rules (三线表 style), ``vertical`` only upright ones,
``frame`` none but a box drawn around each ruled table of the original (an outer frame alone), ``rows`` the level
rules and that box (a grid of one column).
Run as a script to write the variants: ``python tests/unruled_pdfs.py SRC DSTDIR``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

_PAINT = frozenset({b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"})
#: How thin (pt) a filled rectangle is when it is drawn as a rule
_THIN = 2.0

Segment = tuple[float, float, float, float]


def _segments(ops: list[tuple[list[Any], bytes]]) -> list[Segment] | None:
    """The straight segments a path is built of (a rectangle's four sides; a thin one as its middle line), or None
    when it has a curve."""
    out: list[Segment] = []
    start = here = (0.0, 0.0)
    for operands, op in ops:
        values = [float(v) for v in operands]
        if op == b"m":
            start = here = (values[0], values[1])
        elif op == b"l":
            out.append((*here, values[0], values[1]))
            here = (values[0], values[1])
        elif op == b"h":
            out.append((*here, *start))
            here = start
        elif op == b"re":
            x, y, w, h = values
            if abs(h) < _THIN:
                out.append((x, y + h / 2, x + w, y + h / 2))
            elif abs(w) < _THIN:
                out.append((x + w / 2, y, x + w / 2, y + h))
            else:
                out.extend([(x, y, x + w, y), (x + w, y, x + w, y + h), (x, y + h, x + w, y + h), (x, y, x, y + h)])
        else:
            return None
    return out


def _level(segment: Segment) -> bool:
    return abs(segment[1] - segment[3]) < 0.01 and abs(segment[0] - segment[2]) >= 0.01


def _upright(segment: Segment) -> bool:
    return abs(segment[0] - segment[2]) < 0.01 and abs(segment[1] - segment[3]) >= 0.01


def _keep(kept: Callable[[Segment], bool]) -> Callable[[list[Segment] | None], bool]:
    return lambda segments: bool(segments) and segments is not None and all(kept(s) for s in segments)


KEEP: dict[str, Callable[[list[Segment] | None], bool]] = {
    "borderless": lambda segments: False,
    "horizontal": _keep(_level),
    "vertical": _keep(_upright),
    "frame": lambda segments: False,
    "rows": _keep(_level),
}


def variant(source: Path, target: Path, kind: str) -> Path:
    """Write ``source`` with only the paths ``kind`` keeps painted (a frame drawn around each table for "frame")."""
    from pypdf import PdfWriter
    from pypdf.generic import ContentStream

    keep = KEEP[kind]
    writer = PdfWriter(clone_from=source)
    frames = _table_boxes(source) if kind in ("frame", "rows") else {}
    for number, page in enumerate(writer.pages, start=1):
        content = ContentStream(page.get_contents(), writer)
        path: list[tuple[list[Any], bytes]] = []
        operations = []
        for operands, op in content.operations:
            if op in _PAINT or op == b"n":
                operations.append((operands, op if op == b"n" or keep(_segments(path)) else b"n"))
                path = []
                continue
            if op in (b"m", b"l", b"h", b"re", b"c", b"v", b"y"):
                path.append((operands, op))
            operations.append((operands, op))
        height = float(page.mediabox.top)
        for x0, top, x1, bottom in frames.get(number, ()):
            from pypdf.generic import FloatObject

            operations += [
                ([], b"q"),
                ([FloatObject(0.5)], b"w"),
                ([FloatObject(x0), FloatObject(height - bottom), FloatObject(x1 - x0), FloatObject(bottom - top)], b"re"),
                ([], b"S"),
                ([], b"Q"),
            ]
        content.operations = operations
        page.replace_contents(content)
    with target.open("wb") as handle:
        writer.write(handle)
    return target


def _table_boxes(source: Path) -> dict[int, list[tuple[float, float, float, float]]]:
    """The boxes of the ruled tables of each page (pdfplumber), to frame."""
    import pdfplumber

    with pdfplumber.open(source) as pdf:
        return {n: [tuple(t.bbox) for t in page.find_tables()] for n, page in enumerate(pdf.pages, start=1)}


if __name__ == "__main__":
    src, out = Path(sys.argv[1]), Path(sys.argv[2])
    for kind in KEEP:
        print(variant(src, out / f"{src.stem}-{kind}.pdf", kind))
