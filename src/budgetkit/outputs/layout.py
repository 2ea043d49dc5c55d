"""The published layout of a final account, shared by the renderers (:mod:`budgetkit.outputs.pdf`,
:mod:`budgetkit.outputs.word`): what the 2024 Shanghai template prints, in its order, as :data:`Block` s, and
each table as a :class:`Grid` of cells.

:func:`blocks` gives the report part by part — a cover (unit, year), the 目录, 第一部分 概况 (主要职能,
部门决算单位构成), 第二部分 the published tables, 第三部分 the 情况说明 passages, 第四部分 名词解释 — and
:func:`grid` lays a table out as the template does: merged header cells (项目 over the code and name
columns, 本年支出 over 合计/基本支出/项目支出, the four header rows of 表七), the 合计 lines spanning the code
and name columns, 表一 and 表四 in a 收入 half and a 支出 half, 表六 in two economic halves. A renderer
measures text its own way (:class:`Measure`), for the widths of the columns.

>>> from budgetkit import datasets
>>> kinds = [type(block).__name__ for block in blocks(datasets.load("putuo-social-work-2024"))]
>>> kinds[:4], kinds.count("TableBlock")
(['Page', 'Text', 'Space', 'Text'], 9)
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from typing import Final, Literal, Protocol, TypeAlias

import attrs

from budgetkit.errors import BudgetkitError
from budgetkit.model.account import FinalAccount
from budgetkit.model.tables import Row, Side, Table, TableTemplate

__all__ = [
    "CELL_SIZE",
    "PAD",
    "TEXT_SIZE", "Block", "Grid", "Measure", "Page", "RenderError", "Space", "Spot", "TableBlock", "Text", "blocks", "grid"]

#: The size of running text, in points.
TEXT_SIZE: Final = 12.0
#: Tables printed on portrait pages in the template; the others are landscape.
_PORTRAIT: Final = frozenset({"summary", "basic_expenditure"})
#: The classes of 表六's left half (人员经费: 工资福利支出, 对个人和家庭的补助); the others print on the right.
_PERSONNEL_CLASSES: Final = ("301", "303")
_CODE_HEADER: Final = {"functional": "功能分类科目编码", "economic": "经济分类科目编码"}
#: The size of a table cell's text, and the padding around it (points).
CELL_SIZE: Final = 8.0
PAD: Final = 3.0


class RenderError(BudgetkitError, ValueError):
    """An account cannot be drawn (a table the renderer has no layout for), or the file cannot be written."""


@attrs.frozen
class Spot:
    """One drawn cell of a grid: its row and column, how many it spans, its text and how it is aligned."""

    row: int
    col: int
    text: str
    rows: int = 1
    cols: int = 1
    align: str = "center"  # "left", "right" or "center"


@attrs.frozen
class Grid:
    """A table laid out as cells on a grid: header rows first, then body rows (each a list of spots)."""

    widths: tuple[float, ...]
    header: tuple[Spot, ...]
    header_rows: int
    body: tuple[tuple[Spot, ...], ...]  #: per body row, its spots (rows counted from 0 in the body)


class Measure(Protocol):
    """How a renderer measures text: the width of a text at a size, and the width of the text area (points)."""

    def width(self, text: str, size: float) -> float: ...

    @property
    def text_width(self) -> float: ...


@attrs.frozen
class Page:
    """A new page (``landscape`` for a wide table), its first line ``top`` points down when given (the cover)."""

    landscape: bool = False
    top: float | None = None


@attrs.frozen
class Text:
    """Text: a ``paragraph`` wrapped to the width, a ``line`` that stays one line, or a ``fitted`` line made smaller
    until it fits (a table's note); ``indent`` is the first line's."""

    text: str
    size: float = TEXT_SIZE
    align: Literal["left", "center", "right"] = "left"
    indent: float = 0.0
    how: Literal["paragraph", "line", "fitted"] = "paragraph"


@attrs.frozen
class Space:
    """Room left blank below the last line (points)."""

    height: float


@attrs.frozen
class TableBlock:
    """A published table, laid out by :func:`grid` with the renderer's measure."""

    table: Table
    template: TableTemplate | None


#: One piece of a report as it is printed.
Block: TypeAlias = Page | Text | Space | TableBlock


def blocks(account: FinalAccount) -> Iterator[Block]:
    """The report of ``account`` as the template prints it, piece by piece (see the module)."""
    yield Page(top=260)
    yield Text(account.unit, 26, "center", how="line")
    yield Space(20)
    yield Text(f"{account.year} 年度部门决算", 26, "center", how="line")
    if account.tables.contents:
        yield Page()
        yield Text("目 录", 16, "center", how="line")
        yield from (Text(line) for line in account.tables.contents)
    if account.duties or account.organisation:
        yield Page()
        yield Text(f"第一部分 {account.unit}概况")
        yield Text("一、主要职能")
        yield from _body(account.duties)
        yield Text("二、部门决算单位构成")
        yield from _body(account.organisation)
    heading = next((p.text for p in account.passages if p.section == "第二部分"), "")
    for i, table in enumerate(account.tables.tables):
        yield Page(landscape=table.key not in _PORTRAIT)
        if i == 0:
            yield Text(heading or f"第二部分 {account.unit}{account.year}年度部门决算表")
        yield Text(table.title, 15, "center", how="line")
        yield Text(f"单位：{table.unit}", 9, "right", how="line")
        yield TableBlock(table, account.tables.template(table.key))
        for note in (*table.notes, *((table.empty_note,) if table.empty_note else ())):
            yield Text(note, 9, how="fitted")
    passages = [p for p in account.passages if p.section != "第二部分"]
    if passages:
        yield Page()
        if not passages[0].section.startswith("第三部分"):
            yield Text(f"第三部分 {account.unit}{account.year}年度部门决算情况说明")
        for passage in passages:
            for paragraph in passage.text.split("\n"):
                yield Text(paragraph, indent=0.0 if _is_heading(paragraph) else 2 * TEXT_SIZE)
    if account.glossary:
        yield Page()
        yield Text("第四部分 名词解释")
        for number, entry in zip(_numbers(), account.glossary, strict=False):
            yield Text(f"{number}、{entry.term}：{entry.definition}")


def _body(text: str) -> Iterator[Text]:
    for paragraph in text.split("\n"):
        if paragraph.strip():
            yield Text(paragraph, indent=2 * TEXT_SIZE)


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


def grid(table: Table, template: TableTemplate | None, measure: Measure) -> Grid:
    """The grid of one table, after the template: two halves, classified rows, or lines printed across."""
    if table.income_columns:
        return _two_sided(table, template, measure)
    if table.key == "three_public":
        return _across(table, template, measure)
    if (template is not None and template.classified_by) or any(row.code for row in table.rows):
        return _classified(table, template, measure)
    raise RenderError(f"no layout for table {table.key} ({table.title}): it is neither two-sided nor classified")


def _column_name(template: TableTemplate | None, key: str, side: Side | None = None) -> str:
    if template is None:
        return key
    try:
        return template.column(key, side if template.two_sided else None).name
    except KeyError:
        return key


def _amount_width(table: Table, measure: Measure, columns: int) -> float:
    widest = max((measure.width(cell.text, CELL_SIZE) for row in table.rows for cell in row.cells), default=20.0)
    return max(widest + 2 * PAD + 4, 44.0 if columns > 5 else 60.0)


def _two_sided(table: Table, template: TableTemplate | None, measure: Measure) -> Grid:
    """表一, 表四: a 收入 half (项目, its amounts) beside a 支出 half (项目, its amounts), row by row."""
    income = [row for row in table.rows if row.side is Side.INCOME]
    spent = [row for row in table.rows if row.side is not Side.INCOME]
    left, right = len(table.income_columns), len(table.columns)
    amount = _amount_width(table, measure, left + right)
    names = max(measure.text_width - (left + right) * amount, 160.0)
    widths = (names / 2, *[amount] * left, names / 2, *[amount] * right)
    header = [
        Spot(0, 0, "收入", cols=1 + left),
        Spot(0, 1 + left, "支出", cols=1 + right),
        Spot(1, 0, "项目"),
        *(Spot(1, 1 + c, _column_name(template, k, Side.INCOME)) for c, k in enumerate(table.income_columns)),
        Spot(1, 1 + left, "项目"),
        *(Spot(1, 2 + left + c, _column_name(template, k)) for c, k in enumerate(table.columns)),
    ]
    body = []
    for a, b in itertools.zip_longest(income, spent):
        spots: list[Spot] = []
        for row, start, count in ((a, 0, left), (b, 1 + left, right)):
            spots.append(Spot(0, start, "" if row is None else f"{row.number}{row.name}", align="left"))
            for c in range(count):
                spots.append(Spot(0, start + 1 + c, "" if row is None else row.cells[c].text, align="right"))
        body.append(tuple(spots))
    return Grid(tuple(widths), tuple(header), 2, tuple(body))


def _grouped(name: str, names: Sequence[str]) -> tuple[str, str] | None:
    """A column printed under a common heading: 本年支出 over 合计 / 基本支出 / 项目支出 (表八, 表九)."""
    for group in ("本年支出",):
        if name.startswith(group) and sum(n.startswith(group) for n in names) > 1:
            rest = name[len(group) :]
            return group, rest or "合计"
    return None


def _classified(table: Table, template: TableTemplate | None, measure: Measure) -> Grid:
    """Rows keyed by code: code and name columns, then amounts; 表六 prints two such halves side by side."""
    classified_by = template.classified_by if template is not None else "functional"
    names = [_column_name(template, key) for key in table.columns]
    amount = _amount_width(table, measure, len(names))
    halves: list[list[Row]]
    if classified_by == "economic":
        left = [r for r in table.rows if r.code is not None and r.code[:3] in _PERSONNEL_CLASSES]
        right = [r for r in table.rows if r.code is not None and r.code[:3] not in _PERSONNEL_CLASSES]
        lines = [r for r in table.rows if r.code is None]
        left += [r for r in lines if r.key.endswith("personnel")]
        right += [r for r in lines if not r.key.endswith("personnel")]
        halves = [left, right]
        code_width = 56.0
        name_width = max((measure.text_width - 2 * (code_width + amount * len(names))) / 2, 80.0)
        widths = (code_width, name_width, *[amount] * len(names)) * 2
        header = []
        for h in range(2):
            start = h * (2 + len(names))
            header += [Spot(0, start, _CODE_HEADER["economic"]), Spot(0, start + 1, "科目名称")]
            header += [Spot(0, start + 2 + c, n) for c, n in enumerate(names)]
        header_rows = 1
    else:
        halves = [list(table.rows)]
        code_width = 64.0
        name_width = max(measure.text_width - code_width - amount * len(names), 100.0)
        widths = (code_width, name_width, *[amount] * len(names))
        header = [Spot(0, 0, "项目", cols=2), Spot(1, 0, _CODE_HEADER["functional"]), Spot(1, 1, "科目名称")]
        c = 0
        while c < len(names):
            group = _grouped(names[c], names)
            if group is None:
                header.append(Spot(0, 2 + c, names[c], rows=2))
                c += 1
                continue
            span = 0
            while c + span < len(names) and (g := _grouped(names[c + span], names)) is not None and g[0] == group[0]:
                header.append(Spot(1, 2 + c + span, g[1]))
                span += 1
            header.append(Spot(0, 2 + c, group[0], cols=span))
            c += span
        header_rows = 2
    width = 2 + len(names)
    body: list[tuple[Spot, ...]] = []
    for k in range(max((len(h) for h in halves), default=0) or 1):
        spots = []
        for h, rows in enumerate(halves):
            start = h * width
            row = rows[k] if k < len(rows) else None
            if row is None:
                spots += [Spot(0, start + c, "") for c in range(width)]
            elif row.code is None:
                spots.append(Spot(0, start, row.name, cols=2))
                spots += [Spot(0, start + 2 + c, cell.text, align="right") for c, cell in enumerate(row.cells)]
            else:
                spots += [Spot(0, start, row.code, align="left"), Spot(0, start + 1, row.name, align="left")]
                spots += [Spot(0, start + 2 + c, cell.text, align="right") for c, cell in enumerate(row.cells)]
        body.append(tuple(spots))
    return Grid(tuple(widths), tuple(header), header_rows, tuple(body))


#: 表七's header above each line: (group, name under the group) — the template prints 公务用车 in two levels.
_ACROSS: Final = {
    "three_public.total": ("", "合计"),
    "three_public.outbound": ("", "因公出国（境）费"),
    "three_public.vehicle": ("公务用车购置及运行维护费", "小计"),
    "three_public.vehicle_purchase": ("公务用车购置及运行维护费", "公务用车购置费"),
    "three_public.vehicle_operation": ("公务用车购置及运行维护费", "公务用车运行维护费"),
    "three_public.reception": ("", "公务接待费"),
}


def _across(table: Table, template: TableTemplate | None, measure: Measure) -> Grid:
    """表七: one row of 预算数/决算数 pairs under a four-row header, a pair per line of the template."""
    unknown = [row.key for row in table.rows if row.key not in _ACROSS]
    if unknown:
        raise RenderError(f"no layout for the lines {', '.join(unknown)} of {table.title}")
    pairs = len(table.columns)
    count = len(table.rows) * pairs
    amount = max(_amount_width(table, measure, count), min(measure.text_width / max(count, 1), 60.0))
    header = [Spot(0, 0, "财政拨款“三公”经费", cols=count)]
    c = 0
    for group, rows in itertools.groupby(table.rows, key=lambda row: _ACROSS[row.key][0]):
        members = list(rows)
        if group:
            header.append(Spot(1, c, group, cols=pairs * len(members)))
            for k, row in enumerate(members):
                header.append(Spot(2, c + k * pairs, _ACROSS[row.key][1], cols=pairs))
        else:
            for k, row in enumerate(members):
                header.append(Spot(1, c + k * pairs, _ACROSS[row.key][1], rows=2, cols=pairs))
        c += pairs * len(members)
    names = [_column_name(template, key) for key in table.columns]
    header += [Spot(3, k, names[k % pairs]) for k in range(count)]
    body = tuple(
        Spot(0, k * pairs + j, cell.text, align="right")
        for k, row in enumerate(table.rows)
        for j, cell in enumerate(row.cells)
    )
    return Grid(tuple([amount] * count), tuple(header), 4, (body,))
