"""Griffe extension for the API reference: read budgetkit's docstrings as Markdown.

budgetkit's docstrings put their ``>>>`` examples straight into the text (the
test suite runs them as doctests), use Sphinx roles such as
``:class:`~decimal.Decimal``` and, here and there, reST links
(```text <url>`_``). Markdown reads a ``>>>`` line as three nested block
quotes, joins the example lines into one paragraph and takes ``[a][b]`` in an
example for a cross-reference (which fails ``mkdocs build --strict``); it
prints roles and reST links verbatim. Before a docstring is parsed, this
extension fences every doctest block as ``pycon`` code, turns every role into
a code span and every reST link into a Markdown link. It also shows an attrs
field (``x: Money | None = attrs.field(default=None, converter=...)``) by its
default (``= None``) instead of its declaration, and gives an attribute
without a docstring its Sphinx ``#:`` comment. ``mkdocs.yml`` loads it
(``extensions:`` of the python handler).
"""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path
from typing import Any

import griffe

_ROLE = re.compile(r":(?:py:)?(?:class|func|meth|mod|data|attr|exc|obj|const):`(~?)([^`]+)`")
_LINK = re.compile(r"`([^`<]+?)\s*<(https?://[^>]+)>`__?")


def _code_span(match: re.Match[str]) -> str:
    """``:class:`~decimal.Decimal``` → ```Decimal```; without ``~`` the whole target is kept."""
    short, target = match.group(1), match.group(2)
    return f"`{target.rsplit('.', 1)[-1] if short else target}`"


def fence_doctests(text: str) -> str:
    """Wrap every run of lines that starts with ``>>>`` (up to a blank line) in a pycon fence.

    >>> fence_doctests("Text.\\n>>> 1 + 1\\n2\\n\\nMore.").splitlines()
    ['Text.', '', '```pycon', '>>> 1 + 1', '2', '```', '', '', 'More.']
    """
    out: list[str] = []
    in_example = in_fence = False
    for line in text.split("\n"):
        if not in_example and line.lstrip().startswith("```"):
            in_fence = not in_fence
        if not in_fence and not in_example and line.startswith(">>>"):
            out += ["", "```pycon"]
            in_example = True
        elif in_example and not line.strip():
            out += ["```", ""]
            in_example = False
        out.append(line)
    if in_example:
        out.append("```")
    return "\n".join(out)


def field_default(value: str) -> str | None:
    """The default an attrs field declaration gives, as source; ``None`` when it has none to show.

    >>> field_default("attrs.field(default=None, converter=v.optional_money)")
    'None'
    >>> field_default("attrs.field(factory=Income)"), field_default("_figure_field()"), field_default("Decimal(100)")
    ('Income()', None, 'Decimal(100)')
    """
    try:
        node = ast.parse(value, mode="eval").body
    except SyntaxError:
        return value
    if not isinstance(node, ast.Call):
        return value
    name = ast.unparse(node.func)
    if name.startswith("_") or "._" in name:
        return None  # a private helper such as _figure_field(): its call says nothing to a reader
    if name not in ("attrs.field", "attr.ib", "attrs.attrib", "field"):
        return value
    for keyword in node.keywords:
        if keyword.arg == "default":
            return ast.unparse(keyword.value)
        if keyword.arg == "factory":
            return f"{ast.unparse(keyword.value)}()"
    return None


@functools.cache
def _source_lines(path: Path) -> tuple[str, ...]:
    return tuple(path.read_text(encoding="utf-8").splitlines())


def comment_doc(lines: tuple[str, ...], first: int, last: int) -> str | None:
    """The Sphinx ``#:`` comment of the assignment on lines ``first``–``last`` (1-based): above it, or after it.

    >>> comment_doc(("#: Largest file.", "#: In bytes.", "MAX = 10"), 3, 3)
    'Largest file.\\nIn bytes.'
    >>> comment_doc(("x: int = 0  #: 人员经费",), 1, 1), comment_doc(("x = 0  # why",), 1, 1)
    ('人员经费', None)
    """
    above: list[str] = []
    index = first - 2
    while index >= 0 and lines[index].lstrip().startswith("#:"):
        above.insert(0, lines[index].lstrip()[2:].strip())
        index -= 1
    if above:
        return "\n".join(above)
    _, marker, after = lines[last - 1].partition("  #:")
    return after.strip() if marker else None


class MarkdownDocstrings(griffe.Extension):
    """Read budgetkit's reST-flavoured docstrings as Markdown (see the module docstring)."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Rewrite each object's docstring as Griffe loads it; attributes get their default and ``#:`` comment."""
        if isinstance(obj, griffe.Attribute):
            if obj.value is not None:
                obj.value = field_default(str(obj.value))
            if obj.docstring is None and obj.lineno and obj.endlineno and isinstance(obj.filepath, Path):
                text = comment_doc(_source_lines(obj.filepath), obj.lineno, obj.endlineno)
                if text:
                    obj.docstring = griffe.Docstring(text, parent=obj)
        if obj.docstring is not None:
            text = _LINK.sub(r"[\1](\2)", _ROLE.sub(_code_span, obj.docstring.value))
            obj.docstring.value = fence_doctests(text)
