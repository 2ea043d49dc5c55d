"""The functional and economic expenditure classifications, as dated and sourced tables.

支出功能分类科目 (the *functional* classification, what money was spent on) is a
three-level code tree edited every year by 财政部 in 《政府收支分类科目》:
类 = 3 digits, 款 = 5 digits, 项 = 7 digits, and a child's code starts with its
parent's. 部门预算支出经济分类科目 (the *economic* classification, what kind of
spending it was) has two levels, 类 (3 digits) and 款 (5 digits).

Names change between editions, so a table holds one row per (code, name,
edition range). Both shipped tables are **partial** (see :data:`FUNCTIONAL_PARTIAL`
and :data:`ECONOMIC_PARTIAL`): they hold the entries listed in the project's
domain primer, not the whole of 《政府收支分类科目》. Load a complete table with
:func:`load_table`.

Table file format (UTF-8, optional BOM, one header line, no comments), columns
in any order:

``code``
    the code, ASCII digits only: 3 (类), 5 (款) or 7 (项) digits;
``name``
    the name used by the editions in the range, not blank;
``level``
    ``类``, ``款`` or ``项`` (``class``, ``section``, ``item`` are accepted
    too), which must agree with the length of the code;
``valid_from``, ``valid_to``
    the first and the last edition year using this name, both included; blank
    means open (no known first or last edition). A year is an integer from
    :data:`MIN_EDITION` to :data:`MAX_EDITION`;
``note``
    free text (the shipped tables say there which facts are recalled rather
    than given);
``source`` (optional)
    where the row comes from (the shipped tables name a document, a sample
    report and its table, or the domain primer).

Every code except a 类 needs its parent code in the table, and the rows of
one code must not overlap in editions. Files larger than
:data:`MAX_TABLE_BYTES` (10 MiB) are refused before parsing.

Names are matched after removing whitespace, unifying half- and full-width
parentheses and treating ``与`` and ``和`` as the same word (reports print
"医疗卫生和计划生育支出" for the official "医疗卫生与计划生育支出"); such a
spelling is reported as ``variant_spelling``.

>>> table = functional_table()
>>> table.get("2080150").name
'事业运行'
>>> [(e.name, str(e.editions)) for e in table.names("210")]
[('医疗卫生与计划生育支出', 'editions up to 2018'), ('卫生健康支出', 'editions 2019 on')]
>>> r = resolve_line("社会保障和就业支出（类）人力资源和社会保障管理事务（款）事业运行（项）", edition=2023)
>>> r.codes, r.issues
(('208', '20801', '2080150'), ())
"""

from __future__ import annotations

import csv
import enum
import functools
import io
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from importlib import resources
from types import MappingProxyType
from typing import Final

import attrs

from budgetkit._files import read_bounded
from budgetkit.errors import ClassificationError, LoadError, LoadIssue
from budgetkit.reference.severity import Severity

__all__ = [
    "COLUMNS",
    "ECONOMIC_PARTIAL",
    "ECONOMIC_SOURCE",
    "FUNCTIONAL_PARTIAL",
    "FUNCTIONAL_SOURCE",
    "GENERIC_NAMES",
    "ISSUE_CODES",
    "MAX_EDITION",
    "MAX_LINE_LENGTH",
    "MAX_TABLE_BYTES",
    "MIN_EDITION",
    "OPTIONAL_COLUMNS",
    "SHIPPED_DATE",
    "ClassificationTable",
    "Editions",
    "Entry",
    "Level",
    "Resolution",
    "ResolutionIssue",
    "ResolvedName",
    "Severity",
    "check_editions",
    "economic_table",
    "functional_table",
    "is_generic",
    "load_table",
    "resolve_code",
    "resolve_line",
    "resolve_name",
]

#: The columns of a table file, in the order the shipped files use.
COLUMNS: Final = ("code", "name", "level", "valid_from", "valid_to", "note")
#: Columns a table file may add after them.
OPTIONAL_COLUMNS: Final = ("source",)
#: Largest table file :func:`load_table` reads (10 MiB; a full table is far smaller).
MAX_TABLE_BYTES: Final = 10 * 1024 * 1024
#: Longest text :func:`resolve_line` and :func:`resolve_name` look at.
MAX_LINE_LENGTH: Final = 10_000
#: Earliest and latest edition years accepted (the 2007 reform created the tree).
MIN_EDITION: Final = 2000
MAX_EDITION: Final = 2100

#: When the shipped tables were compiled.
SHIPPED_DATE: Final = "2026-11-28"
#: Where the shipped functional table comes from.
FUNCTIONAL_SOURCE: Final = (
    "budgetkit DOMAIN.md §4, after 财政部《政府收支分类科目》; rows whose note says "
    "'recalled' were not checked against the published edition"
)
#: The shipped functional table lists only the entries met in units like the seed report.
FUNCTIONAL_PARTIAL: Final = True
#: Where the shipped economic table comes from.
ECONOMIC_SOURCE: Final = (
    "budgetkit DOMAIN.md §4 plus standard 302 items, after 财政部《政府收支分类科目》"
    "（部门预算支出经济分类科目）; rows whose note says 'recalled' were not checked"
)
#: The shipped economic table lists only the 类 and 款 used for 基本支出 in the seed report.
ECONOMIC_PARTIAL: Final = True



class Level(enum.Enum):
    """The level of a classification entry: 类 (CLASS), 款 (SECTION) or 项 (ITEM).

    >>> Level("款").code_length, Level.of_code("2080150")
    (5, <Level.ITEM: '项'>)
    """

    CLASS = "类"
    SECTION = "款"
    ITEM = "项"

    @property
    def code_length(self) -> int:
        """How many digits a code of this level has: 3, 5 or 7."""
        return 3 + 2 * self.depth

    @property
    def depth(self) -> int:
        """0 for 类, 1 for 款, 2 for 项."""
        return _DEPTH[self.value]

    @property
    def english(self) -> str:
        """The English word: class, section or item."""
        return self.name.lower()

    @classmethod
    def of_code(cls, code: str) -> Level:
        """Return the level a code's length implies, or raise ClassificationError."""
        for level in cls:
            if len(code) == level.code_length:
                return level
        raise ClassificationError(f"code {code!r} has {len(code)} digits; a code has 3 (类), 5 (款) or 7 (项)")


_DEPTH: Final = MappingProxyType({"类": 0, "款": 1, "项": 2})
_LEVEL_WORDS: Final = MappingProxyType(
    {
        "类": Level.CLASS,
        "款": Level.SECTION,
        "项": Level.ITEM,
        "class": Level.CLASS,
        "section": Level.SECTION,
        "item": Level.ITEM,
    }
)
_CODE: Final = re.compile(r"[0-9]+")


def _check_edition(edition: object, what: str = "edition") -> int | None:
    if edition is None:
        return None
    if type(edition) is not int:
        raise ClassificationError(f"{what} must be an int year or None, not {type(edition).__name__} {edition!r}")
    if not MIN_EDITION <= edition <= MAX_EDITION:
        raise ClassificationError(f"{what} {edition} is outside {MIN_EDITION}–{MAX_EDITION}")
    return edition


@attrs.frozen
class Editions:
    """A range of edition years, both ends included; ``None`` leaves an end open.

    >>> old, new = Editions(last=2018), Editions(first=2019)
    >>> 2018 in old, 2023 in old, old.overlaps(new), new.zh
    (True, False, False, '2019年版起')
    """

    first: int | None = None
    last: int | None = None

    def __attrs_post_init__(self) -> None:
        _check_edition(self.first, "first edition")
        _check_edition(self.last, "last edition")
        if self.first is not None and self.last is not None and self.first > self.last:
            raise ClassificationError(f"edition range {self.first}–{self.last} ends before it starts")

    def __contains__(self, edition: object) -> bool:
        if type(edition) is not int:
            return False
        return (self.first is None or self.first <= edition) and (self.last is None or edition <= self.last)

    def overlaps(self, other: Editions) -> bool:
        """Whether some edition year lies in both ranges."""
        low = max(self.first or MIN_EDITION, other.first or MIN_EDITION)
        high = min(self.last or MAX_EDITION, other.last or MAX_EDITION)
        return low <= high

    @property
    def zh(self) -> str:
        """The range in Chinese: ``2019年版起``, ``2018年版及以前``, ``2015–2018年版``, ``各年版``."""
        if self.first is not None and self.last is not None:
            return f"{self.first}–{self.last}年版"
        if self.first is not None:
            return f"{self.first}年版起"
        if self.last is not None:
            return f"{self.last}年版及以前"
        return "各年版"

    def __str__(self) -> str:
        if self.first is not None and self.last is not None:
            return f"editions {self.first}–{self.last}"
        if self.first is not None:
            return f"editions {self.first} on"
        if self.last is not None:
            return f"editions up to {self.last}"
        return "all editions"


@attrs.frozen
class Entry:
    """One row of a classification table: a code, its name in a range of editions, its level.

    >>> e = Entry("20805", "行政事业单位养老支出", Level.SECTION, valid_from=2019)
    >>> e.parent_code, str(e.editions), e.valid_in(2018)
    ('208', 'editions 2019 on', False)
    >>> Entry("2080", "x", Level.SECTION)
    Traceback (most recent call last):
    ...
    budgetkit.errors.ClassificationError: code '2080' has 4 digits but a 款 code has 5
    """

    code: str
    name: str
    level: Level
    valid_from: int | None = None
    valid_to: int | None = None
    note: str = ""
    source: str = ""

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.level, Level):
            raise ClassificationError(f"level must be a Level, not {self.level!r}")
        if type(self.code) is not str or not _CODE.fullmatch(self.code):
            raise ClassificationError(f"code {self.code!r} is not a string of ASCII digits")
        if len(self.code) != self.level.code_length:
            raise ClassificationError(
                f"code {self.code!r} has {len(self.code)} digits but a {self.level.value} code has "
                f"{self.level.code_length}"
            )
        if type(self.name) is not str or not self.name.strip():
            raise ClassificationError(f"code {self.code}: blank name")
        if type(self.note) is not str:
            raise ClassificationError(f"code {self.code}: note must be a str")
        Editions(self.valid_from, self.valid_to)  # validates the years

    @property
    def editions(self) -> Editions:
        """The editions that use this name."""
        return Editions(self.valid_from, self.valid_to)

    @property
    def parent_code(self) -> str | None:
        """The code of the parent (``None`` for a 类)."""
        return self.code[:-2] if self.level is not Level.CLASS else None

    def valid_in(self, edition: int) -> bool:
        """Whether the ``edition`` year uses this name."""
        return edition in self.editions


_SPACE: Final = re.compile(r"\s+")
_PARENS: Final = str.maketrans({"(": "（", ")": "）"})
#: Characters treated as the same when matching names (与 and 和 are used interchangeably in reports).
_VARIANTS: Final = str.maketrans({"与": "和"})


def _clean(name: str) -> str:
    return _SPACE.sub("", name).translate(_PARENS)


def _name_key(name: str) -> str:
    return _clean(name).translate(_VARIANTS)


def _sort_key(entry: Entry) -> tuple[str, int]:
    return entry.code, entry.valid_from or 0


def _newest(entries: Iterable[Entry]) -> Entry:
    return max(entries, key=lambda e: (e.valid_to is None, e.valid_to or 0, e.valid_from or 0))


def _table_problems(
    entries: tuple[Entry, ...], where: Callable[[int], str], other_codes: frozenset[str] = frozenset()
) -> list[tuple[int, str, str]]:
    """(index, column, message) for every duplicate and every missing parent.

    ``other_codes`` are codes of rows refused for another reason: their children
    are not reported again as orphans.
    """
    problems: list[tuple[int, str, str]] = []
    by_code: dict[str, list[int]] = {}
    for index, entry in enumerate(entries):
        for earlier in by_code.get(entry.code, ()):
            other = entries[earlier]
            if other.editions.overlaps(entry.editions):
                problems.append(
                    (
                        index,
                        "code",
                        f"duplicate code {entry.code}: {where(earlier)} already names it 「{other.name}」 "
                        f"for {other.editions}, which overlaps {entry.editions}",
                    )
                )
                break
        by_code.setdefault(entry.code, []).append(index)
    for index, entry in enumerate(entries):
        parent = entry.parent_code
        if parent is not None and parent not in by_code and parent not in other_codes:
            problems.append((index, "code", f"parent code {parent} of {entry.code} is not in the table"))
    return problems


def _entries(value: Iterable[Entry]) -> tuple[Entry, ...]:
    entries = tuple(value)
    for entry in entries:
        if not isinstance(entry, Entry):
            raise ClassificationError(f"a table holds Entry objects, not {type(entry).__name__}")
    return entries


@attrs.frozen
class ClassificationTable:
    """A classification as rows of (code, name, level, editions), indexed by code and by name.

    >>> t = functional_table()
    >>> t.title, t.is_partial, t.get("20805", edition=2018).name, t.get("20805").name
    ('支出功能分类科目', True, '行政事业单位离退休', '行政事业单位养老支出')
    >>> [e.code for e in t.find("事业单位离退休")], t.parent("2080502").name
    (['2080502'], '行政事业单位养老支出')
    """

    entries: tuple[Entry, ...] = attrs.field(converter=_entries, repr=lambda entries: f"<{len(entries)} entries>")
    title: str = attrs.field(default="", kw_only=True)
    source: str = attrs.field(default="", kw_only=True)
    date: str = attrs.field(default="", kw_only=True)
    is_partial: bool = attrs.field(default=False, kw_only=True)
    _by_code: Mapping[str, tuple[Entry, ...]] = attrs.field(init=False, repr=False, eq=False)
    _by_key: Mapping[str, tuple[Entry, ...]] = attrs.field(init=False, repr=False, eq=False)
    _children: Mapping[str, tuple[str, ...]] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        problems = _table_problems(self.entries, lambda index: f"entry {index}")
        if problems:
            raise ClassificationError(
                "inconsistent classification table: " + "; ".join(f"entry {i}: {m}" for i, _, m in problems)
            )
        by_code: dict[str, list[Entry]] = {}
        by_key: dict[str, list[Entry]] = {}
        children: dict[str, set[str]] = {}
        for entry in self.entries:
            by_code.setdefault(entry.code, []).append(entry)
            by_key.setdefault(_name_key(entry.name), []).append(entry)
            if entry.parent_code is not None:
                children.setdefault(entry.parent_code, set()).add(entry.code)
        object.__setattr__(self, "_by_code", {k: tuple(sorted(v, key=_sort_key)) for k, v in by_code.items()})
        object.__setattr__(self, "_by_key", {k: tuple(sorted(v, key=_sort_key)) for k, v in by_key.items()})
        object.__setattr__(self, "_children", {k: tuple(sorted(v)) for k, v in children.items()})

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def codes(self) -> tuple[str, ...]:
        """Every code of the table, sorted."""
        return tuple(sorted(self._by_code))

    def get(self, code: str, edition: int | None = None) -> Entry | None:
        """The entry of ``code`` in ``edition`` (default: its newest name), or ``None``.

        >>> functional_table().get("210", edition=2018).name, functional_table().get("999")
        ('医疗卫生与计划生育支出', None)
        """
        _check_edition(edition)
        rows = self._by_code.get(code)
        if not rows:
            return None
        if edition is None:
            return _newest(rows)
        current = [row for row in rows if row.valid_in(edition)]
        return _newest(current) if current else None

    def parent(self, code: str, edition: int | None = None) -> Entry | None:
        """The parent entry of ``code`` (``None`` for a 类 or a parent not in the table).

        >>> functional_table().parent("2101102").name
        '行政事业单位医疗'
        """
        if type(code) is not str or not _CODE.fullmatch(code):
            raise ClassificationError(f"code {code!r} is not a string of ASCII digits")
        if Level.of_code(code) is Level.CLASS:
            return None
        return self.get(code[:-2], edition)

    def children(self, code: str, edition: int | None = None) -> tuple[Entry, ...]:
        """The direct children of ``code``, one entry per code (named as in ``edition``), sorted by code.

        >>> [e.code for e in functional_table().children("22102")]
        ['2210201', '2210202', '2210203']
        """
        found = (self.get(child, edition) for child in self._children.get(code, ()))
        return tuple(entry for entry in found if entry is not None)

    def names(self, code: str) -> tuple[Entry, ...]:
        """Every row of ``code``: all its names, each with its editions, oldest first.

        >>> [(e.name, e.valid_to) for e in functional_table().names("207")]
        [('文化体育与传媒支出', 2018), ('文化旅游体育与传媒支出', None)]
        """
        return self._by_code.get(code, ())

    def find(
        self, name: str, level: Level | None = None, parent: str | None = None, edition: int | None = None
    ) -> tuple[Entry, ...]:
        """The rows whose name matches ``name``, optionally at ``level``, under ``parent`` (any depth), in ``edition``.

        Matching ignores whitespace, the width of parentheses and 与/和.

        >>> [(e.code, e.name) for e in functional_table().find("医疗卫生和计划生育支出")]
        [('210', '医疗卫生与计划生育支出')]
        >>> functional_table().find("事业单位离退休", parent="20801")
        ()
        """
        _check_edition(edition)
        found = self._by_key.get(_name_key(name), ())
        return tuple(
            entry
            for entry in found
            if (level is None or entry.level is level)
            and (parent is None or (entry.code.startswith(parent) and entry.code != parent))
            and (edition is None or entry.valid_in(edition))
        )


# -- reading tables --------------------------------------------------------------------------------------------


def _parse_year(text: str, column: str, problems: list[tuple[str, str]]) -> int | None:
    if not text:
        return None
    if not re.fullmatch(r"[0-9]{4}", text) or not MIN_EDITION <= int(text) <= MAX_EDITION:
        problems.append((column, f"{text!r} is not an edition year ({MIN_EDITION}–{MAX_EDITION}) or blank"))
        return None
    return int(text)


def _parse_table(
    text: str, source: str, *, title: str, date: str, is_partial: bool, described: str | None = None
) -> ClassificationTable:
    """Parse table text, collecting every problem; raise one LoadError listing them all.

    ``source`` names the file in errors; the table's own ``source`` is ``described`` when given.
    """
    issues: list[tuple[int, LoadIssue]] = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise LoadError(source, [LoadIssue("line 1, header", f"not readable as CSV: {exc}")]) from None
    if header is None:
        raise LoadError(source, [LoadIssue("line 1, header", f"empty file; expected the header {','.join(COLUMNS)}")])
    names = [column.strip() for column in header]
    missing = [column for column in COLUMNS if column not in names]
    unknown = [column for column in names if column not in COLUMNS + OPTIONAL_COLUMNS]
    doubled = sorted({column for column in names if names.count(column) > 1})
    if missing or unknown or doubled:
        parts = []
        if missing:
            parts.append(f"missing column(s) {', '.join(missing)}")
        if unknown:
            parts.append(f"unknown column(s) {', '.join(repr(c) for c in unknown)}")
        if doubled:
            parts.append(f"repeated column(s) {', '.join(doubled)}")
        message = "; ".join(parts) + f"; expected the header {','.join(COLUMNS)}"
        raise LoadError(source, [LoadIssue("line 1, header", message)])
    position = {column: names.index(column) for column in COLUMNS + OPTIONAL_COLUMNS if column in names}

    entries: list[Entry] = []
    lines: list[int] = []
    refused_codes: set[str] = set()  # well-formed codes of rows refused for another problem
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            issues.append((reader.line_num, LoadIssue(f"line {reader.line_num}", f"not readable as CSV: {exc}")))
            break
        line = reader.line_num
        if not row or all(not field.strip() for field in row):
            continue
        if len(row) != len(names):
            issues.append((line, LoadIssue(f"line {line}", f"expected {len(names)} fields, found {len(row)}")))
            continue
        field = {column: row[index].strip() for column, index in position.items()}
        problems: list[tuple[str, str]] = []
        code = field["code"]
        code_ok = False
        if not _CODE.fullmatch(code):
            problems.append(("code", f"{code!r} is not a code: a code is ASCII digits only"))
        elif len(code) not in (3, 5, 7):
            problems.append(("code", f"{code!r} has {len(code)} digits; a code has 3 (类), 5 (款) or 7 (项)"))
        else:
            code_ok = True
        level = _LEVEL_WORDS.get(field["level"]) or _LEVEL_WORDS.get(field["level"].lower())
        if level is None:
            problems.append(("level", f"{field['level']!r} is not a level: write 类, 款 or 项"))
        elif code_ok and len(code) != level.code_length:
            implied = Level.of_code(code)
            problems.append(
                (
                    "level",
                    f"level {level.value} does not match code {code}, whose {len(code)} digits make it a "
                    f"{implied.value} ({level.value} codes have {level.code_length} digits)",
                )
            )
        if not field["name"]:
            problems.append(("name", "blank name"))
        first = _parse_year(field["valid_from"], "valid_from", problems)
        last = _parse_year(field["valid_to"], "valid_to", problems)
        if first is not None and last is not None and first > last:
            problems.append(("valid_to", f"last edition {last} is before the first edition {first}"))
        if problems:
            if code_ok:
                refused_codes.add(code)
            issues.extend((line, LoadIssue(f"line {line}, column {column}", message)) for column, message in problems)
            continue
        assert level is not None
        entries.append(Entry(code, field["name"], level, first, last, field["note"], field.get("source", "")))
        lines.append(line)

    frozen = tuple(entries)
    for index, column, message in _table_problems(frozen, lambda i: f"line {lines[i]}", frozenset(refused_codes)):
        issues.append((lines[index], LoadIssue(f"line {lines[index]}, column {column}", message)))
    if issues:
        issues.sort(key=lambda numbered: numbered[0])
        raise LoadError(source, [issue for _, issue in issues])
    described = source if described is None else described
    return ClassificationTable(frozen, title=title, source=described, date=date, is_partial=is_partial)


def load_table(
    path: str | os.PathLike[str], *, title: str = "", date: str = "", is_partial: bool = False
) -> ClassificationTable:
    """Load a classification table from a CSV file, reporting every problem of the file at once.

    The columns are described in the module docstring. A file over
    :data:`MAX_TABLE_BYTES` is refused, and so is a file that cannot be opened;
    anything wrong inside raises :class:`~budgetkit.errors.LoadError` whose
    ``issues`` name line and column.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> good = folder / "good.csv"
    >>> _ = good.write_text("code,name,level,valid_from,valid_to,note\\n208,社会保障和就业支出,类,,,\\n", "utf-8")
    >>> load_table(good).get("208").name
    '社会保障和就业支出'
    >>> bad = folder / "bad.csv"
    >>> _ = bad.write_text("code,name,level,valid_from,valid_to,note\\n2O8,,类,19,,\\n", "utf-8")
    >>> load_table(bad)
    Traceback (most recent call last):
    ...
    budgetkit.errors.LoadError: cannot load .../bad.csv: 3 problems
      line 2, column code: '2O8' is not a code: a code is ASCII digits only
      line 2, column name: blank name
      line 2, column valid_from: '19' is not an edition year (2000–2100) or blank
    """
    source = os.fspath(path)
    try:
        data = read_bounded(path, MAX_TABLE_BYTES)  # a regular file only: a FIFO would block
    except OSError as exc:
        raise LoadError(source, [LoadIssue("file", f"cannot read the file: {exc.strerror or exc}")]) from None
    if len(data) > MAX_TABLE_BYTES:
        raise LoadError(
            source,
            [LoadIssue("file", f"larger than {MAX_TABLE_BYTES} bytes (MAX_TABLE_BYTES, 10 MiB); refused unread")],
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(source, [LoadIssue("file", f"not UTF-8 text (byte {exc.start}: {exc.reason})")]) from None
    return _parse_table(text, source, title=title, date=date, is_partial=is_partial)


def _shipped(filename: str, *, title: str, source: str, is_partial: bool) -> ClassificationTable:
    text = (resources.files("budgetkit") / "data" / filename).read_text(encoding="utf-8")
    return _parse_table(
        text, f"budgetkit/data/{filename}", title=title, date=SHIPPED_DATE, is_partial=is_partial, described=source
    )


@functools.cache
def functional_table() -> ClassificationTable:
    """The shipped functional classification (支出功能分类科目), partial, read once.

    >>> t = functional_table()
    >>> t.is_partial, t.get("2080799").name, t.parent("2080799").name
    (True, '其他就业补助支出', '就业补助')
    """
    return _shipped(
        "functional_classification.csv",
        title="支出功能分类科目",
        source=FUNCTIONAL_SOURCE,
        is_partial=FUNCTIONAL_PARTIAL,
    )


@functools.cache
def economic_table() -> ClassificationTable:
    """The shipped economic classification (部门预算支出经济分类科目), partial, read once.

    >>> t = economic_table()
    >>> t.get("30217").name, [e.code for e in t.children("310")][:2]
    ('公务接待费', ['31001', '31002'])
    """
    return _shipped(
        "economic_classification.csv",
        title="部门预算支出经济分类科目",
        source=ECONOMIC_SOURCE,
        is_partial=ECONOMIC_PARTIAL,
    )


# -- resolving published names ---------------------------------------------------------------------------------

#: Every issue code a resolution can report, with its severity.
ISSUE_CODES: Final[Mapping[str, Severity]] = MappingProxyType(
    {
        "unknown_name": Severity.ERROR,
        "generic_name": Severity.INFO,
        "ambiguous_name": Severity.ERROR,
        "section_not_in_class": Severity.ERROR,
        "item_not_in_section": Severity.ERROR,
        "item_not_in_class": Severity.ERROR,
        "mixed_editions": Severity.WARNING,
        "outdated_name": Severity.WARNING,
        "name_after_edition": Severity.WARNING,
        "variant_spelling": Severity.INFO,
    }
)

# The user-facing text of every issue, Chinese then English, in one place.
_TEXT: Final[Mapping[str, tuple[str, str]]] = MappingProxyType(
    {
        "unknown_name": (
            "「{name}」不是{table}中的{level}名称{partial_zh}",
            "'{name}' is not a {level_en} name of the {table}{partial_en}",
        ),
        "not_in_table": (
            "「{name}」{shown}不在内置的{table}中（内置科目表不完整，可用 load_table 载入完整科目表），未予核对",
            "'{name}'{shown_en} is not in the shipped {table_en} (which is partial; load a full one with "
            "load_table), so it was not checked",
        ),
        "generic_name_alone": (
            "「{name}」是多个款下共用的{level}名称，仅凭名称不能确定编码，未予核对",
            "'{name}' is a {level_en} name used under many sections; the name alone does not decide its code, "
            "so it was not checked",
        ),
        "generic_name_under": (
            "内置的{table}中{parent_level}「{parent_name}」{parent_code_zh}下没有「{name}」，"
            "而该名称是多个款下共用的{level}名称，未予核对",
            "the shipped {table_en} has no '{name}' under {parent_level_en} '{parent_name}'{parent_code_en}; "
            "the name is a {level_en} name used under many sections, so it was not checked",
        ),
        "ambiguous_name": (
            "「{name}」对应多个{level}：{candidates}，无法确定",
            "'{name}' matches several {level_en} entries: {candidates}",
        ),
        "misplaced": (
            "{level}「{name}」（{code}）不属于{parent_level}「{parent_name}」（{parent_code}），"
            "而属于{real_level}「{real_name}」（{real_code}）",
            "{level_en} '{name}' ({code}) is not under {parent_level_en} '{parent_name}' ({parent_code}); "
            "it belongs to {real_level_en} '{real_name}' ({real_code})",
        ),
        "mixed_editions": (
            "「{name}」（{editions_zh}）与「{other}」（{other_editions_zh}）出自不同年度版本的科目表",
            "'{name}' ({editions}) and '{other}' ({other_editions}) come from different editions of the classification",
        ),
        "outdated_renamed": (
            "「{name}」（{code}）是{editions_zh}的名称，{edition}年版为「{current}」",
            "'{name}' ({code}) is the name in {editions}; the {edition} edition calls it '{current}'",
        ),
        "outdated_gone": (
            "「{name}」（{code}）是{editions_zh}的名称，{edition}年版已不再使用",
            "'{name}' ({code}) is the name in {editions}, no longer used in the {edition} edition",
        ),
        "name_after_edition": (
            "「{name}」（{code}）是{editions_zh}的名称，{edition}年版尚未使用",
            "'{name}' ({code}) is the name in {editions}, not yet used in the {edition} edition",
        ),
        "variant_spelling": (
            "「{name}」是「{official}」（{code}）的异写",
            "'{name}' is a variant spelling of '{official}' ({code})",
        ),
    }
)
_PARTIAL_NOTE: Final = (
    "（内置科目表不完整，可用 load_table 载入完整科目表）",
    " (the shipped table is partial; load a full one with load_table)",
)


#: 项 names that recur under many 款 (DOMAIN.md §8): 2010101, 2010601, 2080101, 2120101 … are all 行政运行.
#: A name alone never decides their code; names of the form 其他…支出 count too unless they name their own 款.
GENERIC_NAMES: Final = frozenset({"行政运行", "一般行政管理事务", "机关服务", "事业运行", "信息化建设", "其他支出"})
_GENERIC_KEYS: Final = frozenset(_name_key(name) for name in GENERIC_NAMES)


def is_generic(name: str, table: ClassificationTable | None = None) -> bool:
    """Whether ``name`` is a 项 name used under many 款, so that only its code or its 款 can place it.

    A 其他…支出 name is generic unless it names the 款 it belongs to in ``table``
    (其他就业补助支出 names 就业补助, so it is specific).

    >>> is_generic("行政运行"), is_generic("其他支出"), is_generic("其他就业补助支出"), is_generic("住房公积金")
    (True, True, False, False)
    """
    key = _name_key(_check_text(name))
    if key in _GENERIC_KEYS:
        return True
    if not (key.startswith("其他") and key.endswith("支出")):
        return False
    table = functional_table() if table is None else table
    for entry in table.find(name):
        parent = table.get(entry.parent_code) if entry.parent_code else None
        if parent is not None and _name_key(parent.name).removesuffix("支出") in key:
            return False
    return True


@attrs.frozen
class ResolutionIssue:
    """A problem found while mapping published names to codes: a code string, severity and message.

    >>> issue = resolve_line("卫生健康支出（类）", edition=2017).issues[0]
    >>> issue.code, issue.severity.value, issue.message
    ('name_after_edition', 'warning', '「卫生健康支出」（210）是2019年版起的名称，2017年版尚未使用')
    """

    code: str
    severity: Severity
    message: str
    message_en: str
    level: Level | None = None
    name: str = ""

    def __str__(self) -> str:
        return f"{self.code}: {self.message} / {self.message_en}"


def _issue(
    issue_code: str,
    template: str,
    level: Level | None,
    name: str,
    /,
    **fields: object,
) -> ResolutionIssue:
    zh, en = _TEXT[template]
    values = {"name": name, "level": level.value if level else "", "level_en": level.english if level else "", **fields}
    return ResolutionIssue(issue_code, ISSUE_CODES[issue_code], zh.format(**values), en.format(**values), level, name)


def _unknown(level: Level | None, name: str, table: ClassificationTable, shown: str = "") -> ResolutionIssue:
    """A name (or code) the table does not know: info for a partial (shipped) table, an error for a full one."""
    table_name = table.title or "the table"
    if table.is_partial:
        shown_zh = f"（{shown}）" if shown else (f"（{level.value}）" if level else "")
        shown_en = f" ({shown})" if shown else (f" ({level.english})" if level else "")
        table_en = "classification table" if not table.title else f"table {table.title}"
        issue = _issue(
            "unknown_name", "not_in_table", level, name,
            table=table.title or "科目表", table_en=table_en, shown=shown_zh, shown_en=shown_en,
        )  # fmt: skip
        return attrs.evolve(issue, severity=Severity.INFO)
    return _issue("unknown_name", "unknown_name", level, name, table=table_name, partial_zh="", partial_en="")


def _generic(
    level: Level | None, name: str, table: ClassificationTable, parent: ResolvedName | None
) -> ResolutionIssue:
    """A generic name that its printed parent (if any) cannot place: never decided by the name, never an error."""
    if parent is None:
        return _issue("generic_name", "generic_name_alone", level, name)
    code = parent.code
    return _issue(
        "generic_name", "generic_name_under", level, name,
        table=table.title or "科目表", table_en=f"table {table.title}" if table.title else "classification table",
        parent_level=parent.level.value if parent.level else "", parent_level_en=parent.level.english if parent.level else "",
        parent_name=parent.name, parent_code_zh=f"（{code}）" if code else "", parent_code_en=f" ({code})" if code else "",
    )  # fmt: skip


@attrs.frozen
class ResolvedName:
    """One published name, its level, and the table entry it resolved to (``None`` if not resolved).

    >>> part = resolve_line("住房保障支出（类）住房改革支出（款）").parts[1]
    >>> part.level, part.name, part.code, str(part.editions)
    (<Level.SECTION: '款'>, '住房改革支出', '22102', 'all editions')
    """

    level: Level | None
    name: str
    entry: Entry | None = None

    @property
    def code(self) -> str | None:
        """The resolved code, or ``None``."""
        return self.entry.code if self.entry is not None else None

    @property
    def editions(self) -> Editions | None:
        """The editions the name belongs to, or ``None`` when unresolved."""
        return self.entry.editions if self.entry is not None else None


@attrs.frozen
class Resolution:
    """The result of resolving a published line: names per level, codes, editions and issues.

    Codes are given for the levels the line names; a 项 filed under the wrong
    款 still gets its real code, and an issue says where it belongs.

    >>> r = resolve_line("社会保障和就业支出（类）人力资源和社会保障管理事务（款）事业单位离退休（项）")
    >>> r.codes, r.issue_codes
    (('208', '20801', '2080502'), ('item_not_in_section',))
    >>> r.name(Level.ITEM), r.ok
    ('事业单位离退休', False)
    """

    text: str
    parts: tuple[ResolvedName, ...]
    issues: tuple[ResolutionIssue, ...] = ()
    edition: int | None = None

    def part(self, level: Level) -> ResolvedName | None:
        """The part naming ``level``, or ``None`` when the line does not name it."""
        return next((part for part in self.parts if part.level is level), None)

    def name(self, level: Level) -> str | None:
        """The published name at ``level``, or ``None``."""
        part = self.part(level)
        return part.name if part is not None else None

    def code_of(self, level: Level) -> str | None:
        """The resolved code at ``level``, or ``None`` (not named or not found)."""
        part = self.part(level)
        return part.code if part is not None else None

    @property
    def class_code(self) -> str | None:
        """The 类 code, or ``None``."""
        return self.code_of(Level.CLASS)

    @property
    def section_code(self) -> str | None:
        """The 款 code, or ``None``."""
        return self.code_of(Level.SECTION)

    @property
    def item_code(self) -> str | None:
        """The 项 code, or ``None``."""
        return self.code_of(Level.ITEM)

    @property
    def codes(self) -> tuple[str | None, str | None, str | None]:
        """(类, 款, 项) codes; ``None`` where not named or not found."""
        return self.class_code, self.section_code, self.item_code

    @property
    def code(self) -> str | None:
        """The deepest resolved code, or ``None``."""
        return next((part.code for part in reversed(self.parts) if part.code is not None), None)

    @property
    def issue_codes(self) -> tuple[str, ...]:
        """The codes of the issues, in order."""
        return tuple(issue.code for issue in self.issues)

    @property
    def ok(self) -> bool:
        """Whether no issue is an error or a warning (informational notes allowed)."""
        return all(issue.severity == "info" for issue in self.issues)


_MARKER: Final = re.compile(r"（(类|款|项)）")
_ENUMERATOR: Final = re.compile(r"^(?:[0-9]+[.．、]|（[0-9一二三四五六七八九十]+）|[一二三四五六七八九十]+、)")
_TAIL_START: Final = "：:，,。；;"


def _check_text(text: object) -> str:
    if type(text) is not str:
        raise ClassificationError(f"expected a str, not {type(text).__name__}")
    if len(text) > MAX_LINE_LENGTH:
        raise ClassificationError(f"text longer than {MAX_LINE_LENGTH} characters")
    return text


def _parse_line(text: str) -> list[tuple[Level, str]]:
    cleaned = _ENUMERATOR.sub("", _clean(text), count=1)
    pieces = _MARKER.split(cleaned)
    if len(pieces) == 1:
        raise ClassificationError(
            f"{text!r} names no 类, 款 or 项: expected names each followed by （类）, （款） or （项）"
        )
    tail = pieces[-1]
    if tail and tail[0] not in _TAIL_START:
        raise ClassificationError(f"unexpected text {tail[:20]!r} after the last （类）, （款） or （项） in {text!r}")
    parsed: list[tuple[Level, str]] = []
    for name, marker in zip(pieces[0:-1:2], pieces[1::2], strict=True):
        level = Level(marker)
        if not name:
            raise ClassificationError(f"no name before （{marker}） in {text!r}")
        if parsed and level.depth <= parsed[-1][0].depth:
            raise ClassificationError(
                f"（{marker}） after （{parsed[-1][0].value}） in {text!r}: levels go 类 → 款 → 项"
            )
        parsed.append((level, name))
    return parsed


def _choose(
    candidates: tuple[Entry, ...], published: str, within: str | None, edition: int | None
) -> tuple[tuple[Entry, ...], bool]:
    """Narrow candidates: placement under ``within``, then edition, then exact spelling; say if placed."""
    inside = tuple(e for e in candidates if within is not None and e.code.startswith(within) and e.code != within)
    placed = within is None or bool(inside)
    pool = inside or candidates
    if edition is not None:
        pool = tuple(e for e in pool if e.valid_in(edition)) or pool
    exact = tuple(e for e in pool if _clean(e.name) == published)
    return exact or pool, placed


def _resolve(
    text: str, parsed: list[tuple[Level | None, str]], table: ClassificationTable, edition: int | None
) -> Resolution:
    issues: list[ResolutionIssue] = []
    parts: list[ResolvedName] = []
    anchor: Entry | None = None  # the deepest resolved entry named so far
    for level, name in parsed:
        candidates = table.find(name, level=level)
        item = level is Level.ITEM or (level is None and all(e.level is Level.ITEM for e in candidates))
        if item and is_generic(name, table):
            # a generic name is placed only by the part printed just before it, never by the name alone
            parent = parts[-1] if parts else None
            within = tuple(
                e for e in candidates if parent is not None and parent.code is not None
                and e.code.startswith(parent.code) and e.code != parent.code
            )  # fmt: skip
            if not within:
                issues.append(_generic(level, name, table, parent))
                parts.append(ResolvedName(level, name))
                continue
            candidates = within
        if not candidates:
            issues.append(_unknown(level, name, table))
            parts.append(ResolvedName(level, name))
            continue
        pool, placed = _choose(candidates, name, anchor.code if anchor else None, edition)
        if len({e.code for e in pool}) > 1:
            listed = "、".join(f"{e.code} {e.name}" for e in pool)
            issues.append(_issue("ambiguous_name", "ambiguous_name", level, name, candidates=listed))
            parts.append(ResolvedName(level, name))
            continue
        entry = _newest(pool)
        level = entry.level
        if not placed and anchor is not None:
            real = table.get(entry.parent_code or "", edition) or table.get(entry.parent_code or "")
            code = {
                (Level.SECTION, Level.CLASS): "section_not_in_class",
                (Level.ITEM, Level.SECTION): "item_not_in_section",
            }.get((level, anchor.level), "item_not_in_class")
            issues.append(
                _issue(
                    code,
                    "misplaced",
                    level,
                    name,
                    code=entry.code,
                    parent_level=anchor.level.value,
                    parent_level_en=anchor.level.english,
                    parent_name=anchor.name,
                    parent_code=anchor.code,
                    real_level=real.level.value if real else "",
                    real_level_en=real.level.english if real else "",
                    real_name=real.name if real else "?",
                    real_code=entry.parent_code,
                )
            )
        if _clean(entry.name) != name:
            issues.append(
                _issue("variant_spelling", "variant_spelling", level, name, official=entry.name, code=entry.code)
            )
        if edition is not None and not entry.valid_in(edition):
            fields: dict[str, object] = {
                "code": entry.code,
                "editions": entry.editions,
                "editions_zh": entry.editions.zh,
                "edition": edition,
            }
            if entry.valid_to is not None and edition > entry.valid_to:
                current = table.get(entry.code, edition)
                if current is not None:
                    issues.append(
                        _issue("outdated_name", "outdated_renamed", level, name, current=current.name, **fields)
                    )
                else:
                    issues.append(_issue("outdated_name", "outdated_gone", level, name, **fields))
            else:
                issues.append(_issue("name_after_edition", "name_after_edition", level, name, **fields))
        parts.append(ResolvedName(level, name, entry))
        anchor = entry
    issues.extend(_edition_conflicts(parts))
    return Resolution(text, tuple(parts), tuple(issues), edition)


def _edition_conflicts(parts: Iterable[ResolvedName]) -> list[ResolutionIssue]:
    """One mixed_editions issue per pair of resolved names whose editions do not overlap.

    Edition ranges are intervals, so names that overlap pairwise share a common
    edition: checking pairs is enough.
    """
    unique: dict[tuple[str, str], ResolvedName] = {}
    for part in parts:
        if part.entry is not None:
            unique.setdefault((_name_key(part.name), part.entry.code), part)
    resolved = list(unique.values())
    issues: list[ResolutionIssue] = []
    for i, first in enumerate(resolved):
        for second in resolved[i + 1 :]:
            a, b = first.editions, second.editions
            assert a is not None and b is not None
            if not a.overlaps(b):
                issues.append(
                    _issue(
                        "mixed_editions",
                        "mixed_editions",
                        first.level,
                        first.name,
                        other=second.name,
                        editions=a,
                        editions_zh=a.zh,
                        other_editions=b,
                        other_editions_zh=b.zh,
                    )
                )
    return issues


def resolve_line(text: str, table: ClassificationTable | None = None, edition: int | None = None) -> Resolution:
    """Resolve a published line such as "X（类）Y（款）Z（项）" to codes, reporting (not raising) every issue.

    Half-width parentheses, whitespace, a leading list number ("1.") and text
    after the last marker that starts with punctuation ("：支出决算数为…") are
    accepted. Text that names no level raises
    :class:`~budgetkit.errors.ClassificationError`. With ``edition`` (a year),
    names not used in that edition are reported.

    >>> line = "7.医疗卫生和计划生育支出(类) 行政事业单位医疗(款) 事业单位医疗(项)：支出决算数为18.93万元"
    >>> r = resolve_line(line, edition=2023)
    >>> r.codes, r.issue_codes
    (('210', '21011', '2101102'), ('variant_spelling', 'outdated_name'))
    >>> print(r.issues[1].message)
    「医疗卫生和计划生育支出」（210）是2018年版及以前的名称，2023年版为「卫生健康支出」
    >>> print(resolve_line("人力资源和社会保障管理事务（款）其他就业补助支出（项）").issues[0].message_en)
    item '其他就业补助支出' (2080799) is not under section '人力资源和社会保障管理事务' (20801);
    it belongs to section '就业补助' (20807)
    """
    table = functional_table() if table is None else table
    edition = _check_edition(edition)
    parsed: list[tuple[Level | None, str]] = list(_parse_line(_check_text(text)))
    return _resolve(text, parsed, table, edition)


def resolve_name(
    name: str, level: Level | None = None, table: ClassificationTable | None = None, edition: int | None = None
) -> Resolution:
    """Resolve one bare name (as in "卫生健康支出18.93万元，占1.85%"), at ``level`` or at any level.

    >>> r = resolve_name("卫生健康支出")
    >>> r.code, r.parts[0].level, str(r.parts[0].editions)
    ('210', <Level.CLASS: '类'>, 'editions 2019 on')
    >>> resolve_name("住房改革支出", table=economic_table()).issue_codes
    ('unknown_name',)
    >>> resolve_name("行政运行").issue_codes  # a generic name alone decides no code
    ('generic_name',)
    """
    table = functional_table() if table is None else table
    edition = _check_edition(edition)
    cleaned = _clean(_check_text(name))
    if not cleaned:
        raise ClassificationError("blank name")
    return _resolve(name, [(level, cleaned)], table, edition)


def resolve_code(
    code: str, name: str, table: ClassificationTable | None = None, edition: int | None = None
) -> Resolution:
    """Resolve a printed code with its printed name (as in a table row "2010601 行政运行").

    The code decides: a code the table does not know is reported as
    ``unknown_name`` (info for the partial shipped table), never as wrong. A name
    that differs from the code's own is looked up under the code's parent, so
    that a name printed with a neighbour's code resolves to its real code.

    >>> r = resolve_code("2010601", "行政运行")
    >>> r.code, r.issue_codes, r.ok
    ('2010601', (), True)
    >>> r = resolve_code("2019901", "行政运行")
    >>> r.code, r.issue_codes, r.issues[0].severity.value
    (None, ('unknown_name',), 'info')
    >>> resolve_code("2080150", "行政运行").code  # the 款 20801 has 行政运行 as 2080101
    '2080101'
    """
    table = functional_table() if table is None else table
    edition = _check_edition(edition)
    if type(code) is not str or not _CODE.fullmatch(code):
        raise ClassificationError(f"code {code!r} is not a string of ASCII digits")
    level = Level.of_code(code)
    cleaned = _clean(_check_text(name))
    entry = table.get(code, edition) or table.get(code)
    if entry is None:
        return Resolution(
            name, (ResolvedName(level, cleaned),), (_unknown(level, cleaned, table, shown=code),), edition
        )
    if not cleaned or any(_name_key(e.name) == _name_key(cleaned) for e in table.names(code)):
        return Resolution(name, (ResolvedName(level, cleaned, entry),), (), edition)
    found = table.find(cleaned, level=level, parent=entry.parent_code) if entry.parent_code else ()
    if len({e.code for e in found}) == 1:
        return Resolution(name, (ResolvedName(level, cleaned, _newest(found)),), (), edition)
    parent = table.get(entry.parent_code, edition) if entry.parent_code else None
    parent_part = ResolvedName(parent.level, parent.name, parent) if parent is not None else None
    return Resolution(name, (ResolvedName(level, cleaned),), (_generic(level, cleaned, table, parent_part),), edition)


def check_editions(resolutions: Iterable[Resolution]) -> tuple[ResolutionIssue, ...]:
    """Report names, across a whole report, that come from different editions (``mixed_editions``).

    >>> seed = [resolve_name("卫生健康支出"), resolve_line("医疗卫生和计划生育支出（类）行政事业单位医疗（款）")]
    >>> [issue.message for issue in check_editions(seed)]
    ['「卫生健康支出」（2019年版起）与「医疗卫生和计划生育支出」（2018年版及以前）出自不同年度版本的科目表']
    """
    return tuple(_edition_conflicts(part for resolution in resolutions for part in resolution.parts))
