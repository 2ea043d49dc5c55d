"""A text report printed to PDF as Word or WPS prints it (reportlab), for tests of the PDF path against the text path.

A4 portrait; every line of the text is a paragraph, justified with lines broken anywhere (inside numbers and words,
``1,054.`` / ``90``, as CJK wrapping does), its first line indented by two characters, in 16pt (三号 仿宋-like);
headings (第一部分, 一、, （一）) are stroked as well as filled (bold-ish); the title is centred in 22pt; pages break
mid-paragraph (and where a line of the text is a form feed alone) and print ``- N -`` in the footer. Run as a script to print files: ``python tests/printed_reports.py
SRC.txt... DSTDIR``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

#: A heading as reports print it: 第一部分…, 一、…, （一）…, short and not ending a sentence
_HEADING = re.compile(r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)[^。；]{0,40}$")

SIZE = 16.0
LEADING = 28.0


#: Characters a line never starts with (避头点): a line that would is ended one character earlier
_NO_START = frozenset("，。、；：？！）》」”’%％…")
#: The page (A4, pt) and its margins as Word's 公文 template sets them
WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 595.3, 841.9, 79.0, 79.0, 105.0, 85.0


def _lines(text: str, font: str, size: float, width: float, indent: float) -> list[str]:
    """``text`` broken into lines of at most ``width`` (the first ``indent`` narrower), anywhere but before a
    character that never starts a line."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    line, room = "", width - indent
    for char in text:
        if line and stringWidth(line + char, font, size) > room:
            # a closing mark takes the character before it onto the next line
            cut = len(line) - 1 if char in _NO_START and len(line) > 1 else len(line)
            lines.append(line[:cut])
            line, room = line[cut:], width
        line += char
    lines.append(line)
    return lines


def print_report(
    text: str,
    path: Path,
    *,
    size: float = SIZE,
    leading: float = LEADING,
    title: bool = True,
    contents: bool = False,
    flush: bool = False,
    typed: bool = False,
) -> Path:
    """Write ``text`` (a paragraph a line) to ``path`` as a printed PDF; the first line is the title when ``title``.

    With ``contents`` the title is a cover page of its own, followed by a page of contents (目录: each 第…部分 and
    一、… heading, dot leaders, its page number) before the text. With ``flush`` headings start at the margin,
    not indented. With ``typed`` the first line is indented by two ideographic spaces typed before it (U+3000), as
    many reports are, not by the paragraph's indent."""
    lines = [line.strip(" \t\u3000") for line in text.split("\n") if line.strip() or line == "\f"]
    if typed:
        lines = [line if n == 0 or line == "\f" or (flush and _HEADING.match(line)) else "\u3000\u3000" + line for n, line in enumerate(lines)]
        flush = True
    if not contents:
        _draw(lines, path, size, leading, title, [], flush)
        return path
    pages = _draw(lines, None, size, leading, title, [("", 0)] * _toc_count(lines), flush)
    _draw(lines, path, size, leading, title, pages, flush)
    return path


def _toc_count(lines: list[str]) -> int:
    return sum(1 for line in lines[1:] if _TOC.match(line.lstrip("\u3000")))


#: The headings a contents page lists
_TOC = re.compile(r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、)[^。；]{0,40}$")


def _draw(
    lines: list[str],
    path: Path | None,
    size: float,
    leading: float,
    title: bool,
    toc: list[tuple[str, int]],
    flush: bool = False,
) -> list[tuple[str, int]]:
    """Lay ``lines`` out (and draw them to ``path`` unless None); the contents ``toc`` (heading, page) go on a page
    of their own after the title when given. Return each listed heading with the page it is printed on."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    from budgetkit.outputs.pdf import _font

    font = _font(frozenset("".join(lines) + "- 0123456789.目录"))
    pdf = canvas.Canvas(str(path) if path is not None else "unused.pdf", pagesize=(WIDTH, HEIGHT))
    width = WIDTH - LEFT - RIGHT
    page, y = 1, HEIGHT - TOP
    listed: list[tuple[str, int]] = []

    def new_page() -> None:
        nonlocal page, y
        pdf.setFont(font, 14)
        pdf.drawCentredString(WIDTH / 2, 40, f"- {page} -")
        pdf.showPage()
        page, y = page + 1, HEIGHT - TOP

    def draw(line: str, pt: float, x: float, bold: bool, space: float = 0.0) -> None:
        t = pdf.beginText()
        t.setFont(font, pt)
        t.setTextRenderMode(2 if bold else 0)
        t.setCharSpace(space)
        t.setTextOrigin(x, y)
        t.textOut(line)
        pdf.drawText(t)

    body = list(lines)
    if toc:
        body[1:1] = ["\f", "\x00目  录", *(f"\x01{h}" for h, _ in toc), "\f"]
    numbers = iter([p for _, p in toc])
    for n, paragraph in enumerate(body):
        if paragraph == "\f":
            new_page()
            continue
        if paragraph.startswith("\x00"):  # the contents' own title
            y -= leading
            draw(paragraph[1:], 22.0, LEFT + (width - stringWidth(paragraph[1:], font, 22.0)) / 2, True)
            y -= leading / 2
            continue
        if paragraph.startswith("\x01"):  # a line of contents: heading, dot leaders, page number
            heading, number = paragraph[1:], str(next(numbers))
            x = LEFT + (0.0 if heading.startswith("第") else 2 * size)
            room = LEFT + width - x - stringWidth(number + "......", font, size)
            *above, heading = _lines(heading, font, size, room, 0.0)  # a long entry runs on to a second line
            for part in above:
                if y - leading < BOTTOM:
                    new_page()
                y -= leading
                draw(part, size, x, False)
            if y - leading < BOTTOM:
                new_page()
            y -= leading
            draw(heading, size, x, False)
            start, end = x + stringWidth(heading, font, size) + 4, LEFT + width - stringWidth(number, font, size) - 4
            dots = max(int((end - start) / stringWidth(".", font, size)), 3)
            draw("." * dots, size, start, False)
            draw(number, size, LEFT + width - stringWidth(number, font, size), False)
            continue
        centred = n == 0 and title
        bold = centred or bool(_HEADING.match(paragraph.lstrip("\u3000")))
        pt = 22.0 if centred else size
        indent = 0.0 if centred or (bold and flush) or paragraph.startswith("\u3000") else 2 * pt
        broken = _lines(paragraph, font, pt, width, indent)
        for i, line in enumerate(broken):
            if y - leading < BOTTOM:
                new_page()
            y -= leading
            natural = stringWidth(line, font, pt)
            x = LEFT + (indent if i == 0 else 0.0)
            space = 0.0
            if centred:
                x = LEFT + (width - natural) / 2
            elif i < len(broken) - 1 and len(line) > 1:  # justified: the slack spread between the characters
                space = (width - (x - LEFT) - natural) / (len(line) - 1)
            draw(line, pt, x, bold, space)
        if n > 0 and _TOC.match(paragraph.lstrip("\u3000")):
            listed.append((paragraph.lstrip("\u3000"), page))
        if centred:
            y -= leading / 2
    new_page()
    if path is not None:
        pdf.save()
    return listed


if __name__ == "__main__":
    *sources, target = sys.argv[1:]
    for source in sources:
        src = Path(source)
        print_report(src.read_text(encoding="utf-8"), Path(target) / (src.stem + ".pdf"), contents=True)
