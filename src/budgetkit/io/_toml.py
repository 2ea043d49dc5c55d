"""The TOML that budgetkit writes, read without tomllib; anything else is left to tomllib (internal).

:func:`budgetkit.io.dumps` writes a small part of TOML (tomli_w's layout): ``key = value`` lines with bare
keys, ``[a.b]`` and ``[[a.b]]`` headers, basic strings with the short escapes, whole numbers, ``true`` and
``false``, arrays and one-line inline tables, blank lines and whole-line comments. :func:`loads` reads
exactly that, about ten times faster than ``tomllib.loads``, and gives up (None) at the first thing it
does not know, so that tomllib reads the file and words its errors. Where it gives a table, tomllib gives
the same one (tests/test_io_fast.py compares them on the fuzzers' texts): a redefined table, a repeated
key, a header into a value, anything TOML refuses, is a thing it does not know.

>>> loads('a = "x"\\n\\n[b.c]\\nd = [\\n    1,\\n    -2,\\n]\\ne = { f = true }\\n')
{'a': 'x', 'b': {'c': {'d': [1, -2], 'e': {'f': True}}}}
>>> loads("a = 1.5\\n") is None  # a float: tomllib reads it (and budgetkit refuses it)
True
>>> loads("[a]\\n[a]\\n") is None  # a table defined twice: tomllib says so
True
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["loads"]

_BARE = r"[A-Za-z0-9_-]+"
_KEY = re.compile(rf"({_BARE}) = ")
_INLINE_KEY = re.compile(rf"({_BARE})[ \t]*=[ \t]*")
_TABLE = re.compile(rf"\[({_BARE}(?:\.{_BARE})*)\](?:\n|\Z)")
_ARRAY_TABLE = re.compile(rf"\[\[({_BARE}(?:\.{_BARE})*)\]\](?:\n|\Z)")
_COMMENT = re.compile(r"#[^\x00-\x08\x0a-\x1f\x7f]*(?:\n|\Z)")
#: The text of a basic string without control characters, whose escapes are only the short ones (no \\u,
#: \\U); possessive, so that a string with no end is scanned once.
_TEXT = r'"((?:[^"\\\x00-\x08\x0a-\x1f\x7f]++|\\[btnfr"\\])*+)"'
_STRING = re.compile(_TEXT)
#: The most common line, ``key = "text"``, read in one match.
_KEY_TEXT = re.compile(rf"({_BARE}) = {_TEXT}(?:\n|\Z)")
_ESCAPE = re.compile(r"\\(.)")
_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}
#: A whole number as TOML writes it (no leading zero, sign, underscore or base), short enough for any int.
_INT = re.compile(r"-?(?:0|[1-9][0-9]{0,17})")
_ARRAY_SPACE = re.compile(r"[ \t\n]*")
_SPACE = re.compile(r"[ \t]*")
#: Deepest arrays and inline tables read here; deeper ones are tomllib's.
_MOST_NESTED = 16


class _Unknown(Exception):
    """Something this reader does not know: tomllib reads the text."""


def loads(text: str) -> dict[str, Any] | None:
    """The table ``tomllib.loads(text)`` gives, when ``text`` is TOML as budgetkit writes it; else None."""
    if "\r" in text:  # line ends and the rest of TOML's newline rules are tomllib's
        return None
    try:
        return _document(text)
    except (_Unknown, IndexError):
        return None


def _document(text: str) -> dict[str, Any]:
    root: dict[str, Any] = {}
    headed = {id(root)}  # tables made by headers (explicitly or on the way), which a header may enter
    defined: set[int] = set()  # tables a header has defined: defining one again is an error
    arrays: set[int] = set()  # arrays of tables made by [[…]] headers
    table = root
    pos, end = 0, len(text)
    while pos < end:
        char = text[pos]
        if char == "\n":
            pos += 1
            continue
        if char == "#":
            match = _COMMENT.match(text, pos)
        elif char == "[":
            match = _ARRAY_TABLE.match(text, pos)
            if match is not None:
                table = _array_table(root, match.group(1).split("."), headed, arrays)
            else:
                match = _TABLE.match(text, pos)
                if match is not None:
                    table = _table(root, match.group(1).split("."), headed, defined, arrays)
        else:
            match = _KEY_TEXT.match(text, pos)
            if match is not None:
                key, body = match.group(1, 2)
                if key in table:
                    raise _Unknown
                table[key] = _ESCAPE.sub(_unescape, body) if "\\" in body else body
                pos = match.end()
                continue
            match = _KEY.match(text, pos)
            if match is not None:
                key = match.group(1)
                value, pos = _value(text, match.end(), 0)
                if key in table or (pos < end and text[pos] != "\n"):
                    raise _Unknown
                table[key] = value
                pos += 1
                continue
        if match is None:
            raise _Unknown
        pos = match.end()
    return root


def _enter(root: dict[str, Any], keys: list[str], headed: set[int], arrays: set[int]) -> dict[str, Any]:
    """The table a header's leading keys name, made on the way: a header's table or an array of tables' last."""
    table = root
    for key in keys:
        inner = table.get(key)
        if inner is None:
            inner = table[key] = {}
            headed.add(id(inner))
        elif type(inner) is list and id(inner) in arrays:
            inner = inner[-1]
        elif type(inner) is not dict or id(inner) not in headed:  # a value: a header cannot enter it
            raise _Unknown
        table = inner
    return table


def _table(
    root: dict[str, Any], keys: list[str], headed: set[int], defined: set[int], arrays: set[int]
) -> dict[str, Any]:
    """``[a.b]``: a new table, or one a header made on the way and none defined yet."""
    parent = _enter(root, keys[:-1], headed, arrays)
    table = parent.get(keys[-1])
    if table is None:
        table = parent[keys[-1]] = {}
        headed.add(id(table))
    elif type(table) is not dict or id(table) not in headed or id(table) in defined:
        raise _Unknown
    defined.add(id(table))
    return table


def _array_table(root: dict[str, Any], keys: list[str], headed: set[int], arrays: set[int]) -> dict[str, Any]:
    """``[[a.b]]``: a new table at the end of the array of tables ``a.b``, made when it is new."""
    parent = _enter(root, keys[:-1], headed, arrays)
    array = parent.get(keys[-1])
    if array is None:
        array = parent[keys[-1]] = []
        arrays.add(id(array))
    elif type(array) is not list or id(array) not in arrays:
        raise _Unknown
    table: dict[str, Any] = {}
    headed.add(id(table))
    array.append(table)
    return table


def _value(text: str, pos: int, depth: int) -> tuple[Any, int]:
    """The value at ``pos`` and the position after it; what may follow it is the caller's to check."""
    char = text[pos]
    if char == '"':
        match = _STRING.match(text, pos)
        if match is None:
            raise _Unknown
        body = match.group(1)
        return _ESCAPE.sub(_unescape, body) if "\\" in body else body, match.end()
    if char == "[":
        return _array(text, pos + 1, depth + 1)
    if char == "{":
        return _inline_table(text, pos + 1, depth + 1)
    if text.startswith("true", pos):
        return True, _ended(text, pos + 4)
    if text.startswith("false", pos):
        return False, _ended(text, pos + 5)
    match = _INT.match(text, pos)
    if match is None:
        raise _Unknown
    return int(match.group(0)), _ended(text, match.end())


def _unescape(escape: re.Match[str]) -> str:
    return _ESCAPES[escape.group(1)]


def _ended(text: str, pos: int) -> int:
    """``pos``, after a number or boolean: a letter, digit or sign there would make it another value."""
    if pos < len(text) and text[pos] not in " \t\n,]}":
        raise _Unknown
    return pos


def _array(text: str, pos: int, depth: int) -> tuple[list[Any], int]:
    if depth > _MOST_NESTED:
        raise _Unknown
    items: list[Any] = []
    while True:
        pos = _ARRAY_SPACE.match(text, pos).end()  # type: ignore[union-attr]
        if text[pos] == "]":
            return items, pos + 1
        item, pos = _value(text, pos, depth)
        items.append(item)
        pos = _ARRAY_SPACE.match(text, pos).end()  # type: ignore[union-attr]
        if text[pos] == ",":
            pos += 1
        elif text[pos] == "]":
            return items, pos + 1
        else:
            raise _Unknown


def _inline_table(text: str, pos: int, depth: int) -> tuple[dict[str, Any], int]:
    if depth > _MOST_NESTED:
        raise _Unknown
    table: dict[str, Any] = {}
    pos = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
    if text[pos] == "}":
        return table, pos + 1
    while True:
        match = _INLINE_KEY.match(text, pos)
        if match is None:
            raise _Unknown
        key = match.group(1)
        value, pos = _value(text, match.end(), depth)
        if key in table:
            raise _Unknown
        table[key] = value
        pos = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
        if text[pos] == ",":
            pos = _SPACE.match(text, pos + 1).end()  # type: ignore[union-attr]
        elif text[pos] == "}":
            return table, pos + 1
        else:
            raise _Unknown
