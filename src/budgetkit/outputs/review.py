"""A review page: a report's findings beside its rendered pages, the cells involved highlighted (an edge module).

:func:`render_review` turns a PDF, the findings of a check and the places of the model paths in the PDF
(``places``: ``"tables.expenditure[212].basic"`` → :class:`~budgetkit.io.document.Box`, as an importer
gives them) into **one self-contained HTML page** that works offline: the pages are rendered to PNG with
pypdfium2 (extra ``import``) and inlined, the style is inline, there is no script, font or link to
anything outside the file.

- Findings are listed beside the page they concern, in reading order, each with its severity, code,
  message, stated and expected values and model path. Clicking a finding scrolls to its box on the page;
  clicking a box scrolls back to the finding.
- A finding is drawn where its path has a place; a path with no place of its own covers the places inside
  it (a finding on ``tables.expenditure[212]`` covers that row's cells: one box around them per page),
  and otherwise the nearest enclosing path with a place (``claims[3].stated`` → ``claims[3]``).
  :func:`locate` gives those boxes.
- Findings with no place in the document are listed in their own group, never dropped.
- Boxes are positioned in percent of the page, so the page scales with the window. Colours follow the
  severity (error red, warning amber, info blue), which is also written out beside each finding.

Rendering is bounded: ``scale`` (at most :data:`MAX_SCALE`), at most :data:`MAX_PIXELS` on a page's
longest side, and at most ``max_pages`` pages (findings on the pages beyond are still listed). A file
that cannot be rendered is a :class:`~budgetkit.errors.LoadError` naming it.

>>> from budgetkit.io.document import Box
>>> places = {"tables.expenditure[212].basic": Box(11, 300.0, 120.0, 360.0, 135.0)}
>>> [str(box) for box in locate("tables.expenditure[212]", places)]
['第11页']
"""

from __future__ import annotations

import base64
import bisect
import contextlib
import io
from collections.abc import Iterator, Mapping, Sequence
from html import escape
from pathlib import Path
from typing import Any, Literal

import attrs

from budgetkit.checks.finding import Finding
from budgetkit.errors import BudgetkitError, LoadError, LoadIssue, MissingExtraError
from budgetkit.io.document import Box
from budgetkit.reference.vocabulary import SEVERITY_LABELS

__all__ = ["MAX_PAGES", "MAX_PIXELS", "MAX_SCALE", "ReviewError", "locate", "render_review", "write_review"]

#: Most pages rendered by default; a 决算 runs to a few dozen pages.
MAX_PAGES = 100
#: Most pixels on the longest side of a rendered page (a huge page is rendered at a smaller scale).
MAX_PIXELS = 4000
#: The largest ``scale`` accepted (1.0 renders one pixel per PDF point, 72 dpi).
MAX_SCALE = 4.0
#: Points a highlight reaches beyond its box, so that its border does not cover the printed text.
_PAD = 1.5

_SEVERITIES = ("error", "warning", "info")

# The page's words, per language: one place for the user-facing text of this feature.
_WORDS: Mapping[str, Mapping[str, str]] = {
    "zh": {
        "html_lang": "zh-CN",
        "title": "审阅：{name}",
        "pages": "共{n}页",
        "findings": "{n}项发现",
        "located": "{n}项在文档中有位置",
        "page": "第{n}页",
        "unplaced": "文档中无位置",
        "unplaced_note": "这些发现在文档中没有对应的位置（例如由多项数字推算而来，或所涉内容未印出）。",
        "no_findings": "本页无发现",
        "not_rendered": "本页未渲染（超过页数上限 {n} 页）",
        "stated": "所载",
        "expected": "应为",
        "path": "路径",
        **SEVERITY_LABELS,
        "nav": "跳转",
    },
    "en": {
        "html_lang": "en",
        "title": "Review: {name}",
        "pages": "{n} pages",
        "findings": "{n} findings",
        "located": "{n} placed in the document",
        "page": "Page {n}",
        "unplaced": "No place in the document",
        "unplaced_note": "These findings have no place in the document (derived from several figures, or about something not printed).",
        "no_findings": "No findings on this page",
        "not_rendered": "Page not rendered (beyond the limit of {n} pages)",
        "stated": "stated",
        "expected": "expected",
        "path": "path",
        "error": "error",
        "warning": "warning",
        "info": "info",
        "nav": "Go to",
    },
}

# Inline style: the file must read the same with no network. System fonts cover Latin and Chinese.
_STYLE = """
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1f2328;background:#eef0f3}
header{background:#fff;border-bottom:1px solid #d0d7de;padding:8px 16px}
h1{font-size:18px;margin:0 0 2px}
h2{font-size:16px;margin:0 0 8px}
.meta{margin:0;color:#57606a}
nav{margin-top:4px;font-size:13px}
nav a{margin-right:10px;white-space:nowrap}
main{padding:12px 16px}
section{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:12px;margin:0 0 16px}
.sheet{display:grid;grid-template-columns:minmax(0,3fr) minmax(18em,2fr);gap:16px;align-items:start}
@media (max-width:900px){.sheet{grid-template-columns:minmax(0,1fr)}}
.page-image{position:relative;margin:0;border:1px solid #d0d7de;line-height:0}
.page-image img{display:block;width:100%;height:auto}
.mark{position:absolute;display:block;border:2px solid;border-radius:2px;scroll-margin:40vh 0}
.mark:target{outline:3px solid #1f2328;outline-offset:2px;animation:flash 1s 2}
@keyframes flash{50%{outline-color:transparent}}
.mark.error{border-color:#cf222e;background:rgba(207,34,46,.18)}
.mark.warning{border-color:#bf8700;background:rgba(212,167,44,.22)}
.mark.info{border-color:#0969da;background:rgba(9,105,218,.14)}
.mark.other{border-color:#6e7781;background:rgba(110,119,129,.16)}
.findings{list-style:none;margin:0;padding:0;position:sticky;top:8px}
.finding{border-left:4px solid #6e7781;background:#f6f8fa;margin:0 0 8px;border-radius:0 4px 4px 0;scroll-margin:8px 0 0}
.finding:target{background:#fff8c5}
.finding.error{border-left-color:#cf222e}
.finding.warning{border-left-color:#bf8700}
.finding.info{border-left-color:#0969da}
.entry{display:block;padding:6px 8px;color:inherit;text-decoration:none}
a.entry:hover{background:#eaeef2}
.badge{display:inline-block;font-size:12px;font-weight:600;color:#fff;background:#6e7781;border-radius:3px;padding:0 5px;margin-right:6px}
.badge.error{background:#cf222e}
.badge.warning{background:#9a6700}
.badge.info{background:#0969da}
.code,.path{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:12px}
.message{display:block;margin:2px 0}
.values,.where{display:block;font-size:12px;color:#57606a}
.note,.empty{color:#57606a;margin:0 0 8px}
.count.error{color:#cf222e}
.count.warning{color:#9a6700}
.count.info{color:#0969da}
"""


class ReviewError(BudgetkitError, ValueError):
    """An option of the review page out of range (``scale``, ``max_pages``, ``lang``)."""


@attrs.frozen
class _Mark:
    """One finding's box on one page."""

    finding: int
    box: Box


@attrs.frozen
class _Page:
    """A rendered page: its PNG, its size in pixels, and the visible area in the places' coordinates."""

    number: int
    png: bytes
    width: int
    height: int
    #: x0, top, x1, bottom of the rendered area, in PDF points from the top-left (as :class:`Box`)
    area: tuple[float, float, float, float]


class _Places:
    """The places sorted by path, so that the places inside a path are one range of keys."""

    def __init__(self, places: Mapping[str, Box]) -> None:
        self.places = places
        self.keys = sorted(places)

    def inside(self, path: str) -> list[Box]:
        boxes = []
        for separator in (".", "["):
            prefix = path + separator
            start = bisect.bisect_left(self.keys, prefix)
            for key in self.keys[start:]:
                if not key.startswith(prefix):
                    break
                boxes.append(self.places[key])
        return boxes

    def locate(self, path: str) -> tuple[Box, ...]:
        if path in self.places:
            return (self.places[path],)
        inside = self.inside(path)
        if inside:
            return _union_per_page(inside)
        parent = _parent(path)
        while parent:
            if parent in self.places:
                return (self.places[parent],)
            parent = _parent(parent)
        return ()


def _parent(path: str) -> str:
    """The enclosing path: ``a.b[3].c`` → ``a.b[3]`` → ``a.b`` → ``a`` → ``""``."""
    cut = max(path.rfind("."), path.rfind("["))
    return path[:cut] if cut > 0 else ""


def _union_per_page(boxes: Sequence[Box]) -> tuple[Box, ...]:
    pages: dict[int, Box] = {}
    for box in boxes:
        seen = pages.get(box.page)
        if seen is None:
            pages[box.page] = box
        else:
            pages[box.page] = Box(
                box.page,
                min(seen.x0, box.x0),
                min(seen.top, box.top),
                max(seen.x1, box.x1),
                max(seen.bottom, box.bottom),
            )
    return tuple(pages[page] for page in sorted(pages))


def locate(path: str, places: Mapping[str, Box]) -> tuple[Box, ...]:
    """Where a finding's model path is printed: one box per page, in page order (empty when nowhere).

    The path's own place if it has one; otherwise one box around the places inside it on each page
    (a row covers its cells); otherwise the place of the nearest enclosing path.

    >>> places = {
    ...     "tables.expenditure[212].basic": Box(11, 300.0, 120.0, 360.0, 135.0),
    ...     "tables.expenditure[212].project": Box(11, 360.0, 120.0, 420.0, 135.0),
    ...     "claims[3]": Box(5, 90.0, 200.0, 500.0, 230.0),
    ... }
    >>> locate("tables.expenditure[212]", places)
    (Box(page=11, x0=300.0, top=120.0, x1=420.0, bottom=135.0),)
    >>> locate("claims[3].stated", places)
    (Box(page=5, x0=90.0, top=200.0, x1=500.0, bottom=230.0),)
    >>> locate("claims[30]", places), locate("income.total", places)
    ((), ())
    """
    return _Places(places).locate(path)


def render_review(
    pdf: str | Path,
    findings: Sequence[Finding],
    places: Mapping[str, Box],
    *,
    title: str | None = None,
    lang: Literal["zh", "en"] | str = "zh",
    scale: float = 1.5,
    max_pages: int = MAX_PAGES,
    pages: Literal["all", "findings"] = "all",
) -> str:
    """The review page of ``pdf`` and its ``findings`` as one self-contained HTML string (extra ``import``).

    ``places`` maps model paths to their boxes in ``pdf``; ``lang`` is ``"zh"`` or ``"en"`` (the words
    of the page and which message is shown); ``scale`` is pixels per PDF point; at most ``max_pages``
    pages are rendered, all of them or (``pages="findings"``) only those with a finding on them.

    >>> from budgetkit.checks.finding import Finding, Severity
    >>> sample = Path(__file__).parents[3] / "tests" / "data" / "samples" / "putuo-planning-2024.pdf"
    >>> finding = Finding(rule="identity.category_split", severity=Severity.ERROR, path="tables.expenditure[212]",
    ...     message="合计不等于各项之和", stated="9.00", expected="9.10")
    >>> places = {"tables.expenditure[212].basic": Box(11, 300.0, 120.0, 360.0, 135.0)}
    >>> page = render_review(sample, [finding], places, scale=0.5, pages="findings")
    >>> page.startswith("<!DOCTYPE html>"), page.count("<img "), page.count('class="mark error"')
    (True, 1, 1)
    >>> "http" in page
    False
    """
    words = _words(lang)
    if not 0 < scale <= MAX_SCALE:
        raise ReviewError(f"scale must be above 0 and at most {MAX_SCALE}, not {scale}")
    if max_pages < 0:
        raise ReviewError(f"max_pages must be 0 or more, not {max_pages}")
    if pages not in ("all", "findings"):
        raise ReviewError(f'pages must be "all" or "findings", not {pages!r}')
    source = str(pdf)
    index = _Places(places)
    located = [index.locate(finding.path) for finding in findings]
    with _opened(source) as document:
        count = len(document)
        marks: dict[int, list[_Mark]] = {}
        unplaced: list[int] = []
        for number, boxes in enumerate(located):
            kept = [box for box in boxes if 1 <= box.page <= count]
            if not kept:
                unplaced.append(number)
            for box in kept:
                marks.setdefault(box.page, []).append(_Mark(number, box))
        wanted = range(1, count + 1) if pages == "all" else sorted(marks)
        rendered = {n: _render(source, document, n, scale) for n in list(wanted)[:max_pages]}
    shown = sorted(set(rendered) | set(marks))
    name = Path(source).name
    heading = title if title is not None else words["title"].format(name=name)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{words["html_lang"]}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(heading)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        _header(heading, name, count, findings, len(findings) - len(unplaced), unplaced, marks, words),
        "<main>",
    ]
    if unplaced:
        parts.append('<section id="unplaced" class="group">')
        parts.append(f'<h2>{escape(words["unplaced"])}</h2><p class="note">{escape(words["unplaced_note"])}</p>')
        parts.append('<ol class="findings">')
        parts.extend(_entry(findings[number], number, None, words, linked=False) for number in unplaced)
        parts.append("</ol></section>")
    for number in shown:
        on_page = sorted(marks.get(number, []), key=lambda mark: (mark.box.top, mark.box.x0, mark.finding))
        parts.append(_page_section(number, rendered.get(number), on_page, findings, max_pages, words))
    parts.append("</main></body></html>")
    return "\n".join(parts) + "\n"


def write_review(
    pdf: str | Path, findings: Sequence[Finding], places: Mapping[str, Box], path: str | Path, **options: Any
) -> Path:
    """Write :func:`render_review`'s page to ``path`` (UTF-8) and return the path; ``options`` are its keywords.

    An ``OSError`` is raised as it is when the file cannot be written.

    >>> import tempfile
    >>> sample = Path(__file__).parents[3] / "tests" / "data" / "samples" / "putuo-planning-2024.pdf"
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     written = write_review(sample, [], {}, Path(folder) / "review.html", scale=0.25, max_pages=1)
    ...     written.name, written.read_text(encoding="utf-8").count("<img ")
    ('review.html', 1)
    """
    target = Path(path)
    target.write_text(render_review(pdf, findings, places, **options), encoding="utf-8")
    return target


def _words(lang: str) -> Mapping[str, str]:
    try:
        return _WORDS[lang]
    except KeyError:
        raise ReviewError(f"lang must be one of {', '.join(sorted(_WORDS))}, not {lang!r}") from None


def _pdfium() -> Any:
    try:
        import pypdfium2
    except ImportError:
        raise MissingExtraError("pypdfium2", "import", "rendering PDF pages for a review page") from None
    return pypdfium2


@contextlib.contextmanager
def _opened(source: str) -> Iterator[Any]:
    """Open a PDF with pypdfium2, turning every failure into a :class:`LoadError` naming the file."""
    try:
        with open(source, "rb") as handle:
            magic = handle.read(1024)
    except OSError as exc:
        raise LoadError(source, [LoadIssue("file", exc.strerror or str(exc))]) from None
    if b"%PDF-" not in magic:
        raise LoadError(source, [LoadIssue("file", "not a PDF file (it does not start with %PDF-)")])
    pdfium = _pdfium()
    document: Any = None
    try:
        document = pdfium.PdfDocument(source)
        len(document)
    except Exception as exc:  # pdfium reports damage and encryption alike as PdfiumError
        if document is not None:
            document.close()
        text = str(exc).lower()
        problem = (
            "the PDF is encrypted (password-protected); save an unprotected copy first"
            if "password" in text
            else f"a damaged or unsupported PDF ({type(exc).__name__}: {exc})"
        )
        raise LoadError(source, [LoadIssue("file", problem)]) from None
    try:
        yield document
    finally:
        document.close()


def _render(source: str, document: Any, number: int, scale: float) -> _Page:
    """Render one page (counted from 1) to PNG; grey pages are stored grey, a third of the size."""
    try:
        page = document[number - 1]
        try:
            left, bottom, right, top = page.get_cropbox()
            media_bottom, media_top = page.get_mediabox()[1::2]
            width, height = page.get_size()
            rotated = page.get_rotation() % 360 != 0
            longest = max(width, height)
            bitmap = page.render(scale=min(scale, MAX_PIXELS / longest) if longest > 0 else scale)
            pixels = bitmap.to_numpy()
            image = bitmap.to_pil()
        finally:
            page.close()
    except Exception as exc:  # a damaged page: name it
        raise LoadError(source, [LoadIssue(f"page {number}", f"cannot be rendered ({type(exc).__name__})")]) from None
    if (
        pixels.ndim == 3
        and pixels.shape[2] >= 3
        and (pixels[..., 0] == pixels[..., 1]).all()
        and (pixels[..., 1] == pixels[..., 2]).all()
    ):
        image = image.convert("L")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    if rotated:
        # pdfplumber gives the places of a rotated page as it is displayed, which is how pdfium renders it
        area = (0.0, 0.0, float(width), float(height))
    else:
        # places count from the top of the media box (as pdfplumber gives them); the image shows the crop box
        media_height = media_top - media_bottom
        area = (
            float(left),
            float(media_height - (top - media_bottom)),
            float(right),
            float(media_height - (bottom - media_bottom)),
        )
    return _Page(number, buffer.getvalue(), image.width, image.height, area)


def _severity(finding: Finding) -> str:
    value = str(finding.as_dict().get("severity", ""))
    return value if value in _SEVERITIES else "other"


def _header(
    heading: str,
    name: str,
    count: int,
    findings: Sequence[Finding],
    located: int,
    unplaced: Sequence[int],
    marks: Mapping[int, Sequence[_Mark]],
    words: Mapping[str, str],
) -> str:
    severities = [_severity(finding) for finding in findings]
    counts = " · ".join(
        f'<span class="count {kind}">{escape(words[kind])} {severities.count(kind)}</span>'
        for kind in _SEVERITIES
        if kind in severities
    )
    facts = [escape(name), escape(words["pages"].format(n=count)), escape(words["findings"].format(n=len(findings)))]
    if counts:
        facts.append(counts)
    facts.append(escape(words["located"].format(n=located)))
    links = []
    if unplaced:
        links.append(f'<a href="#unplaced">{escape(words["unplaced"])} ({len(unplaced)})</a>')
    links.extend(
        f'<a href="#page-{page}">{escape(words["page"].format(n=page))} ({len(marks[page])})</a>'
        for page in sorted(marks)
    )
    nav = f'<nav aria-label="{escape(words["nav"])}">{"".join(links)}</nav>' if links else ""
    return f'<header><h1>{escape(heading)}</h1><p class="meta">{" · ".join(facts)}</p>{nav}</header>'


def _page_section(
    number: int,
    page: _Page | None,
    marks: Sequence[_Mark],
    findings: Sequence[Finding],
    max_pages: int,
    words: Mapping[str, str],
) -> str:
    label = words["page"].format(n=number)
    parts = [f'<section id="page-{number}" class="page"><h2>{escape(label)}</h2><div class="sheet">']
    if page is None:
        parts.append(f'<p class="note">{escape(words["not_rendered"].format(n=max_pages))}</p>')
    else:
        encoded = base64.b64encode(page.png).decode("ascii")
        parts.append(
            f'<figure class="page-image"><img src="data:image/png;base64,{encoded}" alt="{escape(label)}" '
            f'width="{page.width}" height="{page.height}">'
        )
        for mark in marks:
            parts.append(_mark(mark, findings[mark.finding], page, words))
        parts.append("</figure>")
    if marks:
        parts.append('<ol class="findings">')
        parts.extend(
            _entry(findings[mark.finding], mark.finding, number, words, linked=page is not None) for mark in marks
        )
        parts.append("</ol>")
    else:
        parts.append(f'<p class="empty">{escape(words["no_findings"])}</p>')
    parts.append("</div></section>")
    return "".join(parts)


def _mark(mark: _Mark, finding: Finding, page: _Page, words: Mapping[str, str]) -> str:
    """A finding's box over the page image, in percent of the page so that it scales with the image."""
    x0, top, x1, bottom = page.area
    width, height = x1 - x0, bottom - top
    box = mark.box
    left = max(0.0, (box.x0 - _PAD - x0) / width)
    upper = max(0.0, (box.top - _PAD - top) / height)
    right = min(1.0, (box.x1 + _PAD - x0) / width)
    lower = min(1.0, (box.bottom + _PAD - top) / height)
    style = (
        f"left:{100 * left:.3f}%;top:{100 * upper:.3f}%;"
        f"width:{100 * max(0.0, right - left):.3f}%;height:{100 * max(0.0, lower - upper):.3f}%"
    )
    ident = f"{mark.finding}-{box.page}"
    tip = f"{_code(finding)}: {_message(finding, words)}"
    return (
        f'<a class="mark {_severity(finding)}" id="mark-{ident}" href="#finding-{ident}" '
        f'data-finding="{mark.finding}" data-page="{box.page}" style="{style}" title="{escape(tip)}"></a>'
    )


def _code(finding: Finding) -> str:
    data = finding.as_dict()
    return str(data.get("code") or data.get("rule") or "")


def _message(finding: Finding, words: Mapping[str, str]) -> str:
    """The message in the page's language (the Chinese one when there is no English one)."""
    data = finding.as_dict()
    english = words["html_lang"] == "en"
    return str((data.get("message_en") or data.get("message")) if english else data.get("message") or "")


def _entry(finding: Finding, number: int, page: int | None, words: Mapping[str, str], *, linked: bool) -> str:
    """One finding in a list (``page`` None for the unplaced group): a link to its box when ``linked``."""
    data = finding.as_dict()
    kind = _severity(finding)
    message = _message(finding, words)
    label = words.get(kind, str(data.get("severity", "")))
    values = [
        f"{escape(words[key])}: {escape(str(data[key]))}" for key in ("stated", "expected") if data.get(key) is not None
    ]
    body = [
        f'<span class="badge {kind}">{escape(label)}</span><span class="code">{escape(_code(finding))}</span>',
        f'<span class="message">{escape(message)}</span>',
    ]
    if values:
        body.append(f'<span class="values">{" · ".join(values)}</span>')
    body.append(f'<span class="where">{escape(words["path"])}: <span class="path">{escape(finding.path)}</span></span>')
    ident = f"{number}-{page}" if page is not None else f"{number}"
    inner = "".join(body)
    if not linked:
        return f'<li class="finding {kind}" id="finding-{ident}" data-finding="{number}"><div class="entry">{inner}</div></li>'
    return (
        f'<li class="finding {kind}" id="finding-{ident}" data-finding="{number}">'
        f'<a class="entry" href="#mark-{ident}">{inner}</a></li>'
    )
