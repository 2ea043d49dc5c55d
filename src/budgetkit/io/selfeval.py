"""Self-evaluation tables (项目支出绩效自评表) read from their cells into projects and indicators.

A table is given as rows of cell strings, as pdfplumber extracts them: a merged
cell is ``None`` (or empty) in the rows and columns it spans. Both layouts are read
(:class:`~budgetkit.model.project.Layout`):

- **Sichuan** (部门预算项目支出绩效自评表): 项目名称 ``code-name``; 预算执行情况 rows 总额 /
  其中：财政资金 / 财政专户管理资金 / 单位资金 / 其他资金 with 年初预算 / 调整后预算数 /
  预算执行数 / 预算执行率 / 权重 / 得分 / 原因; indicators with 指标性质, 指标值, 度量单位,
  完成值 in columns of their own; 合计; 评价结论, 存在问题, 改进措施; the persons responsible.
- **central** (财预〔2020〕10号 附件1): 项目名称 without a code; 项目资金 rows 年度资金总额 /
  当年财政拨款 / 上年结转资金 / 其他资金 with 年初预算数 / 全年预算数 / 全年执行数 / 分值 /
  执行率 / 得分; 年度总体目标 (预期目标, 实际完成情况); indicators whose 年度指标值 cell
  holds operator, value and unit ("≥50个"), read apart with the printed text kept; 总分;
  a table-wide 偏差原因分析及改进措施 row (when printed) is the project's ``problems``.

Rows are found by their labels, columns by the header row of their block, so a
table read from a PDF and one read from text (:func:`read_selfeval_text`, one cell per
line) go through the same mapping. Other provinces' tables are read the same way: a label's
bracketed note or colon is dropped (年初预算数（A）, 分值（10分）, 年度资金总额：), columns come in any order
(a column not read, 得分计算方法, keeps its place), a two-row indicator header (绩效指标 over
一级/二级/三级指标, 年度指标值 over 指标性质/指标值/度量单位) is merged. What cannot be placed for certain —
a header without a weight column or naming one twice, a fund row not known, a row whose cells do
not line up with its header — is refused by name, never read shifted. A 部门整体支出绩效自评表 is no
project (:func:`is_other_evaluation_title`). A table prints no 项目类别: the kind is the caller's,
else 特定目标类 for a code with ``T`` (the Sichuan code's kind letter) or no code at all.

>>> rows = [["项目支出绩效自评表"], ["项目名称", "示例项目"],
...     ["项目资金（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
...     [None, "年度资金总额", "10.00", "12.00", "11.40", "10", "95.00%", "9.5"],
...     [None, "其中：当年财政拨款", "10.00", "12.00", "11.40", "—", "—", "—"],
...     ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
...     [None, "产出指标", "数量指标", "培训人数", "≥50个", "52个", "90", "90", None],
...     ["总分", None, None, None, None, None, "100", "99.5", None]]
>>> p = read_selfeval_table(rows)
>>> p.layout.value, p.code, p.execution_score, p.funds.total.executed, p.stated_total
('central', None, Decimal('9.5'), Money('11.40'), Decimal('99.5'))
>>> ind = p.indicators[0]
>>> ind.operator.value, ind.target, ind.unit, ind.actual, ind.printed_target
('≥', '50', '个', '52', '≥50个')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final

import attrs

from budgetkit.errors import BudgetkitError, LoadError, LoadIssue, UnknownUnitError
from budgetkit.io.document import half_width_numbers
from budgetkit.io.table_import import ImportReason, IssueKind
from budgetkit.model.indicator import PerformanceIndicator, parse_cell
from budgetkit.model.project import FundGrid, FundLine, FundSource, Layout, Project, ProjectKind, parse_source
from budgetkit.values.numbers import to_decimal
from budgetkit.values.wording import Bilingual

__all__ = [
    "REFUSED",
    "TITLE_WORDS",
    "is_other_evaluation_title",
    "is_selfeval_rows",
    "is_selfeval_title",
    "layout_of",
    "read_selfeval_table",
    "read_selfeval_text",
    "split_projects",
    "split_text_tables",
]

Rows = Sequence[Sequence[str | None]]

#: What an import issue's text starts with when a self-evaluation table was refused (``自评表 row 6 (绩效指标)``):
#: its project is not in the account, so ``budgetkit check`` names it (none of its figures was checked).
REFUSED: Final = "自评表"
#: Words of a table's title or heading that mark a self-evaluation table.
TITLE_WORDS: Final = ("项目支出绩效自评表", "绩效自评表", "绩效目标自评表")
#: Cells only the central 附件1 prints.
_CENTRAL_WORDS: Final = frozenset(
    {"年度资金总额", "年初预算数", "全年预算数", "全年执行数", "当年财政拨款", "本年财政拨款", "上年结转资金"}
    | {"年度指标值", "实际完成值", "全年实际值", "总分"}
)
#: Cells only Sichuan's layout prints.
_SICHUAN_WORDS: Final = frozenset(
    {"指标性质", "度量单位", "调整后预算数", "预算执行数", "未完成原因分析", "财政专户管理资金"}
)

#: Header labels of the money block → the column they name.
_FUND_COLUMNS: Final[Mapping[str, str]] = {
    "年初预算": "initial",
    "年初预算数": "initial",
    "调整后预算数": "adjusted",
    "调整后预算": "adjusted",
    "全年预算数": "adjusted",
    "预算执行数": "executed",
    "全年执行数": "executed",
    "预算数": "adjusted",
    "执行数": "executed",
    "预算执行率": "rate",
    "执行率": "rate",
    "权重": "weight",
    "分值": "weight",
    "得分": "score",
    "原因": "reason",
}
#: Header labels of the indicator block → the column they name.
_INDICATOR_COLUMNS: Final[Mapping[str, str]] = {
    "一级指标": "level1",
    "二级指标": "level2",
    "三级指标": "level3",
    "指标性质": "operator",
    "指标值": "target",
    "年度指标值": "target",
    "度量单位": "unit",
    "目标值": "target",
    "年初目标值": "target",
    "完成值": "actual",
    "实际完成值": "actual",
    "实际值": "actual",
    "全年实际值": "actual",
    "权重": "weight",
    "分值": "weight",
    "得分": "score",
    "自评得分": "score",
    "未完成原因分析": "reason",
    "偏差原因分析及改进措施": "reason",
    "指标分值": "weight",
    "指标权重": "weight",
    "年度目标值": "target",
    "全年完成值": "actual",
}
#: A two-row indicator header (云南's 附件1): the top row's cells that span columns the second row names.
_HEADER_GROUPS: Final[Mapping[str, frozenset[str]]] = {
    "绩效指标": frozenset({"一级指标", "二级指标", "三级指标"}),
    "年度指标值": frozenset({"指标性质", "指标值", "度量单位"}),
    "指标值": frozenset({"指标性质", "指标值", "度量单位"}),
}
#: Fund rows other provinces spell their own way → the label :func:`~budgetkit.model.project.parse_source` reads.
_SOURCE_SPELLINGS: Final[Mapping[str, str]] = {
    "本年财政拨款": "当年财政拨款",
    "财政拨款": "当年财政拨款",  # 江苏, 北京: 其中：财政拨款
    "年度财政资金总额": "年度资金总额",
}
#: Words of a title naming an evaluation of a department's or unit's whole spending, not of a project.
_WHOLE_WORDS: Final = ("整体支出", "整体绩效", "部门整体", "单位整体")
#: Operators printed in compatibility forms (﹦ U+FE66, ≧) → the forms :class:`~budgetkit.model.indicator.Operator` reads.
_OPERATOR_FORMS: Final = str.maketrans({"﹦": "=", "﹥": ">", "﹤": "<", "≧": "≥", "≦": "≤"})
#: A trailing note in brackets: 年初预算数(A), 分值（10分）, 执行率(B/A), 项目资金（万元）.
_NOTE: Final = re.compile(r"[（(][^（）()]*[)）]$")
#: A level's printed points: 产出指标(50分).
_POINTS: Final = re.compile(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]$")
#: A template's numbering before an indicator's name: 指标1：.
_NUMBERED: Final = re.compile(r"^指标\s*\d+\s*[：:]?\s*(?=\S)")
#: 自评等级 words a 总分 row may print beside the score.
_GRADES: Final = frozenset({"优", "良", "中", "差", "优秀", "良好", "合格", "不合格", "较差"})
#: The label of a table's grade: 自评等级, 绩效等级, 评价等级 (自评结果等级 …).
_GRADE_LABEL: Final = re.compile(r"(?:自评|绩效|评价)\S{0,2}等级")
_CODE_NAME: Final = re.compile(r"^(?P<code>\d{2,}[A-Z]\d{6,})\s*[-－—]\s*(?P<name>.+)$")
_YEAR: Final = re.compile(r"[（(]\s*(?P<year>\d{4})\s*年度?\s*[)）]")
#: Cells that print "nothing here": a dash, a slash.
_NOTHING: Final = frozenset({"", "/", "／", "-", "—", "－", "——", "--", "\\", "无"})
_PERSONS: Final = (("项目负责人", "leader"), ("财务负责人", "finance_officer"))
_TEXT_ROWS: Final = (("评价结论", "conclusion"), ("存在问题", "problems"), ("改进措施", "measures"))
#: A cell of a text export that holds sentences (a project's goals, results, conclusion): kept as printed.
_SENTENCE: Final = re.compile(r"[。；;！？]")


def _key(cell: str | None) -> str:
    """A cell as a label: every space and line break removed."""
    return "".join((cell or "").split())


def _text(cell: str | None, paragraphs: bool = False) -> str:
    """A cell as text, each line trimmed: a PDF cell's lines are wraps, joined without a space (Chinese
    wraps so); a text export's are paragraphs (``paragraphs``), kept on lines of their own."""
    return ("\n" if paragraphs else "").join(line.strip() for line in (cell or "").splitlines())


def _label(cell: str | None) -> str:
    """A cell as a header or row label: its key without a trailing colon or bracketed note
    (``年初预算数(A)`` is 年初预算数, ``年度资金总额：`` is 年度资金总额); a cell that is only a note stays.

    >>> _label("分值（10分）"), _label(" 执行率(B/A)"), _label("年度资金总额:"), _label("（2024年度）")
    ('分值', '执行率', '年度资金总额', '（2024年度）')
    """
    key = _key(cell).rstrip(":：")
    while (stripped := _NOTE.sub("", key).rstrip(":：")) != key and stripped:
        key = stripped
    return key


def is_selfeval_title(text: str | None) -> bool:
    """Whether a table title or heading names a project's self-evaluation table (not a department's whole
    spending: 部门整体支出绩效自评表 is no project, see :func:`is_other_evaluation_title`).

    >>> is_selfeval_title("部门预算项目支出绩效自评表（2023年度）"), is_selfeval_title("收入支出决算总表")
    (True, False)
    >>> is_selfeval_title("2023年度部门整体支出绩效自评表")
    False
    """
    key = _key(text)
    return any(word in key for word in TITLE_WORDS) and not any(word in key for word in _WHOLE_WORDS)


def is_other_evaluation_title(text: str | None) -> bool:
    """Whether a title names an evaluation table that is not a project's (部门整体支出绩效自评表): in a text
    export it ends the project table above it, and its rows are nobody's project.

    >>> is_other_evaluation_title("部门整体支出绩效自评表"), is_other_evaluation_title("项目支出绩效自评表")
    (True, False)
    """
    key = _key(text)
    return any(word in key for word in _WHOLE_WORDS) and any(word in key for word in ("自评表", "评价表", "评分表"))


#: The labels of an indicator block's completion column (实际完成值, 完成值 …): what an evaluation prints and a
#: 绩效目标表 (targets only) does not.
_DONE_LABELS: Final = frozenset(label for label, name in _INDICATOR_COLUMNS.items() if name == "actual")


def _first_labels(rows: Rows) -> Iterable[tuple[str, list[str]]]:
    """Each row's first printed label and all its printed labels."""
    for row in rows:
        labels = [_label(cell) for cell in row if _key(cell)]
        if labels:
            yield labels[0], labels


def is_selfeval_rows(rows: Rows) -> bool:
    """Whether a table's own cells make it a project's self-evaluation table when no title says so (a web page or a
    PDF printing the tables one after another under one heading): a 项目名称 row naming a project, an indicator
    header naming 三级指标 and a completion column (实际完成值 …: a 绩效目标表 has none), and no word of a department's
    whole spending (部门整体 …: :func:`is_other_evaluation_title`).

    >>> rows = [["项目名称", "示例项目"], ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]]
    >>> is_selfeval_rows(rows), is_selfeval_rows(rows[:1]), is_selfeval_rows([["部门整体支出绩效"], *rows])
    (True, False, False)
    """
    named = False
    seen: set[str] = set()  # a two-row header prints 三级指标 in its second row, 实际完成值 in its first
    for first, labels in _first_labels(rows):
        if any(word in label for label in labels for word in _WHOLE_WORDS):
            return False
        named |= first == "项目名称" and len(labels) > 1
        seen.update(labels)
    return named and "三级指标" in seen and bool(_DONE_LABELS & seen)


def split_projects(rows: Rows) -> list[range]:
    """The rows of each project in one printed table (a web page or a workbook that puts every project's table in
    one ``<table>``, or a PDF whose tables ran together): a project starts at a second 项目名称 row, or at a
    self-evaluation title printed above it. One range when the table holds one project.

    >>> rows = [["项目名称", "甲"], ["总分", "100", "98"], ["项目支出绩效自评表"], ["项目名称", "乙"], ["总分", "100", "99"]]
    >>> split_projects(rows)
    [range(0, 2), range(2, 5)]
    >>> split_projects(rows[:2])
    [range(0, 2)]
    """
    starts = [0]
    named = False
    for r, row in enumerate(rows):
        first = next((_label(cell) for cell in row if _key(cell)), "")  # 项目名称： as 项目名称, as is_selfeval_rows reads it
        if named and (first == "项目名称" or is_selfeval_title(first)):
            starts.append(r)
            named = False
        named |= first == "项目名称"
    return [range(start, stop) for start, stop in zip(starts, [*starts[1:], len(rows)], strict=True)]


def layout_of(rows: Rows) -> Layout:
    """The layout of a table: central 附件1 when it prints one of its own labels, else Sichuan.

    >>> layout_of([["项目资金（万元）", "年初预算数", "全年预算数"]]).value
    'central'
    """
    keys = {_label(cell).replace(":", "：").removeprefix("其中：") for row in rows for cell in row}
    central, sichuan = len(keys & _CENTRAL_WORDS), len(keys & _SICHUAN_WORDS)
    return Layout.CENTRAL if central > sichuan else Layout.SICHUAN


def _refusal(where: str, en: str, zh: str) -> LoadIssue:
    """An issue that refuses the table, why worded in English and in Chinese (``budgetkit check`` prints the one of its
    ``--lang``), of the kind :attr:`~budgetkit.io.table_import.IssueKind.SELFEVAL_REFUSED`.

    >>> issue = _refusal("row 1 (项目名称)", "no project name", "没有项目名称")
    >>> issue.message, issue.message.zh, issue.message.kind.value
    ('no project name', '没有项目名称', 'selfeval_refused')
    """
    return LoadIssue(where, ImportReason(en, zh, IssueKind.SELFEVAL_REFUSED))


def _number(text: str, where: str, issues: list[LoadIssue]) -> Decimal | None:
    """A printed number (``"100.00%"`` gives 100.00); a dash, slash or blank is ``None``."""
    cleaned = _key(text).replace(",", "").removesuffix("%").removesuffix("％")
    if cleaned in _NOTHING:
        return None
    try:
        return to_decimal(cleaned)
    except BudgetkitError:
        issues.append(_refusal(where, f"not a number: {text.strip()[:40]!r}", f"不是数字：“{text.strip()[:40]}”"))
        return None


@attrs.define
class _Block:
    """The columns of a block (money or indicators): column index → what it holds, from its header row."""

    columns: dict[int, str]
    width: int
    #: every labelled column from the first one read, in order; ``""`` for a label budgetkit does not read
    order: tuple[str, ...] = ()
    #: the labels as printed, in order (for messages)
    labels: tuple[str, ...] = ()

    def doubled(self) -> str:
        """The labels of columns that name one thing twice (权重 and 分值: which is the weight?), or ""."""
        for name in dict.fromkeys(self.order):
            labels = [label for what, label in zip(self.order, self.labels, strict=True) if what == name]
            if name and len(labels) > 1:
                return "、".join(labels)
        return ""

    def cell(self, row: Sequence[str | None], name: str) -> str:
        """The cell of column ``name`` in ``row`` (a row shorter than its header is aligned on the right)."""
        for index, what in self.columns.items():
            if what == name:
                if len(row) < self.width:
                    index -= self.width - len(row)
                return row[index] or "" if 0 <= index < len(row) else ""
        return ""


def _header(row: Sequence[str | None], names: Mapping[str, str]) -> _Block | None:
    labels = [_label(cell) for cell in row]
    columns = {i: names[label] for i, label in enumerate(labels) if label in names}
    if len(columns) < 3:
        return None
    after = [i for i in range(min(columns), len(row)) if labels[i]]
    return _Block(columns, len(row), tuple(columns.get(i, "") for i in after), tuple(labels[i] for i in after))


def _merge_header(top: Sequence[str | None], sub: Sequence[str | None]) -> list[str | None] | None:
    """A two-row indicator header as one row: 绩效指标 over 一级/二级/三级指标, 年度指标值 over 指标性质/指标值/
    度量单位, the other labels spanning both rows. Rows of one width (a PDF's, a web page's) merge column by
    column; a text export's (merged cells left out, no cell empty) by expanding each spanning label into the labels under
    it. ``None`` when the second row's labels are not all placed so."""
    if len(top) == len(sub) and not all(_label(cell) for cell in top):  # spans printed as empty cells
        return [s if _label(s) else t for t, s in zip(top, sub, strict=True)]
    below = [_label(cell) for cell in sub if _label(cell)]
    merged: list[str | None] = []
    for label in (_label(cell) for cell in top if _label(cell)):
        group = _HEADER_GROUPS.get(label, frozenset())
        taken = 0
        while below and below[0] in group:
            merged.append(below.pop(0))
            taken += 1
        if not taken:
            merged.append(label)
    return None if below else merged


class _Reader:
    """Reads one table's rows, label by label, collecting every problem."""

    def __init__(self, rows: Rows, source: str, layout: Layout, paragraphs: bool) -> None:
        self.rows = rows
        self.paragraphs = paragraphs
        self.source = source
        self.layout = layout
        self.issues: list[LoadIssue] = []
        self.fields: dict[str, Any] = {"layout": layout}
        self.lines: list[FundLine] = []
        self.indicators: list[PerformanceIndicator] = []
        self.funds: _Block | None = None
        self.block: _Block | None = None
        self.section = ""
        self.levels = ["", ""]
        self.goals_next = False
        self.top: tuple[int, list[str | None]] | None = None  # the first row of a two-row indicator header

    def read(self) -> dict[str, Any]:
        for r, row in enumerate(self.rows):
            self.row(r, list(row))
        self.fields["funds"] = FundGrid(lines=tuple(self.lines))
        self.fields["indicators"] = tuple(self.indicators)
        return self.fields

    def text(self, cell: str | None) -> str:
        return _text(cell, self.paragraphs)

    def after(self, row: Sequence[str | None], index: int) -> str:
        """The first non-empty cell after ``index`` (a label's value), as text."""
        for cell in row[index + 1 :]:
            if _key(cell):
                return self.text(cell)
        return ""

    def where(self, r: int, what: str = "") -> str:
        """A row of the table, and what it holds: ``row 6 (绩效指标)``, in Chinese ``表中第6行（绩效指标）``."""
        return Bilingual(f"row {r + 1}" + (f" ({what})" if what else ""), f"表中第{r + 1}行" + (f"（{what}）" if what else ""))

    def row(self, r: int, row: list[str | None]) -> None:
        keys = [_key(cell) for cell in row]
        filled = [i for i, key in enumerate(keys) if key]
        if not filled:
            return
        first = keys[filled[0]]
        if self.labels(r, row, keys, first):
            return
        labels = [_label(cell) for cell in row]
        if self.top is not None:
            top_r, top = self.top
            self.top = None
            if "一级指标" not in labels:
                self.issues.append(
                    _refusal(
                        self.where(top_r, "绩效指标"),
                        "an indicator header without 一级指标 (nor a second header row naming it): "
                        + " ".join(_label(c) for c in top if _label(c)),
                        "绩效指标的表头没有一级指标（下一行表头也没有）：" + " ".join(_label(c) for c in top if _label(c)),
                    )
                )
                self.block, self.section = None, "refused"
                return
            merged = _merge_header(top, row)
            if merged is None:
                self.issues.append(
                    _refusal(
                        self.where(top_r, "绩效指标"),
                        "an indicator header whose second row "
                        "budgetkit cannot place under its first: "
                        + " ".join(_label(c) for c in (*top, *row) if _label(c)),
                        "绩效指标表头的第二行无法对应到第一行之下：" + " ".join(_label(c) for c in (*top, *row) if _label(c)),
                    )
                )
                self.block, self.section = None, "refused"
                return
            row, labels = merged, [_label(cell) for cell in merged]
        if (block := _header(row, _INDICATOR_COLUMNS)) is not None:
            if "一级指标" in labels:
                self.indicator_header(r, block)
                return
            if "绩效指标" in labels or {"年度指标值", "指标值"} & set(labels):
                self.top = (r, row)  # the first row of two: the second names 一级指标 …
                return
        elif "一级指标" in labels:  # a header all the same, whose columns are not known: 年初指标值, 自评分 …
            self.issues.append(
                _refusal(
                    self.where(r, "绩效指标"),
                    "an indicator header budgetkit does not know: " + " ".join(label for label in labels if label),
                    "budgetkit 不认识的绩效指标表头：" + " ".join(label for label in labels if label),
                )
            )
            self.block, self.section = None, "refused"
            return
        if (block := _header(row, _FUND_COLUMNS)) is not None and "得分" in labels:
            if doubled := block.doubled():
                self.issues.append(
                    _refusal(
                        self.where(r, "项目资金"),
                        f"a money header naming one column twice: {doubled}",
                        f"资金表头两列同名：{doubled}",
                    )
                )
                self.funds, self.section = None, "refused"
                return
            if "executed" not in block.columns.values():
                self.issues.append(
                    _refusal(
                        self.where(r, "项目资金"),
                        "a money header without 全年执行数/预算执行数: " + " ".join(block.labels),
                        "资金表头没有全年执行数/预算执行数：" + " ".join(block.labels),
                    )
                )
                self.funds, self.section = None, "refused"
                return
            self.funds, self.section = block, "funds"
            return
        if labels[filled[0]] in ("合计", "总分") and self.section == "indicators":
            self.totals(r, row)
            return
        if _GRADE_LABEL.search(keys[filled[0]]):  # the grade the 总分 gives (优/良/中/差), in a row of its own
            if grade := _grade(keys[filled[0]:]):
                self.fields["printed_grade"] = grade
            return
        if self.goals_next:
            texts = [self.text(row[i]) for i in filled if keys[i] not in ("年度总体目标", "项目基本情况")]
            if len(texts) >= 2:
                self.fields["goals"], self.fields["results"] = texts[-2], texts[-1]
                self.goals_next = False
                return
        if self.section == "funds":
            self.fund(r, row, labels)
        elif self.section == "indicators":
            self.indicator(r, row)

    def indicator_header(self, r: int, block: _Block) -> None:
        """The indicator block's header: it must name the columns an indicator is read from."""
        wanted = (("level3", "三级指标"), ("target", "指标值"), ("actual", "完成值"), ("weight", "分值/权重"))
        missing = [label for name, label in wanted if name not in block.columns.values()]
        if doubled := block.doubled():
            self.issues.append(
                _refusal(
                    self.where(r, "绩效指标"),
                    f"an indicator header naming one column twice: {doubled}",
                    f"绩效指标表头两列同名：{doubled}",
                )
            )
            self.block, self.section = None, "refused"
            return
        if missing:
            self.issues.append(
                _refusal(
                    self.where(r, "绩效指标"),
                    f"an indicator header without {'、'.join(missing)}: " + " ".join(block.labels),
                    f"绩效指标的表头没有{'、'.join(missing)}：" + " ".join(block.labels),
                )
            )
            self.block, self.section = None, "refused"
            return
        self.block, self.section = block, "indicators"

    def labels(self, r: int, row: list[str | None], keys: list[str], first: str) -> bool:
        """Rows that name a field by a label: 项目名称, 主管部门, goals, texts, persons."""
        if is_selfeval_title(first):
            if m := _YEAR.search(first):
                self.fields["year"] = int(m.group("year"))
            return True
        if first.rstrip(":：") == "项目名称":  # 项目名称： as well
            self.name(r, self.after(row, keys.index(first)))
            return True
        if first.startswith("主管部门"):  # 主管部门及代码 as well
            self.fields["department"] = self.after(row, keys.index(first))
            for i, key in enumerate(keys):
                if key.startswith(("实施单位", "项目实施单位")):
                    self.fields["implementer"] = self.after(row, i)
            return True
        if any(key in ("项目年度目标", "预期目标") for key in keys):
            self.goals_next = True
            texts = [self.text(row[i]) for i, key in enumerate(keys) if key and key not in _GOAL_LABELS]
            if len(texts) >= 2:  # the goals printed in the header's own row
                self.fields["goals"], self.fields["results"] = texts[-2], texts[-1]
                self.goals_next = False
            return True
        for i, key in enumerate(keys):
            if "项目实施内容及过程概述" in key:
                self.fields["process"] = self.after(row, i)
                return True
        if first == "偏差原因分析及改进措施":  # a table-wide row (the indicator header starts with 绩效指标)
            self.fields["problems"] = self.after(row, keys.index(first))
            return True
        for label, field in _TEXT_ROWS:
            if first == label:
                self.fields[field] = self.after(row, keys.index(first))
                return True
        done = False
        for cell in row:
            text = self.text(cell)
            for label, field in _PERSONS:
                if _key(text).startswith(label):
                    self.fields[field] = re.sub(r"^\s*" + label + r"\s*[：:]\s*", "", text).strip()
                    done = True
        return done

    def name(self, r: int, text: str) -> None:
        m = _CODE_NAME.match(text)
        if m is not None:
            self.fields["code"], self.fields["name"] = m.group("code"), m.group("name").strip()
        else:
            self.fields["name"] = text
        if not text:
            self.issues.append(_refusal(self.where(r, "项目名称"), "no project name", "没有项目名称"))

    def fund(self, r: int, row: list[str | None], keys: list[str]) -> None:
        block = self.funds
        assert block is not None
        at = next((i for i, key in enumerate(keys) if key and _is_source(key)), None)
        if at is None:
            first = next(i for i, key in enumerate(keys) if key)
            label = keys[first]
            if any(_AMOUNT.fullmatch(key.replace(",", "")) for key in keys[first + 1 :]):
                known = "、".join(dict.fromkeys([*(s.value for s in FundSource), "年度资金总额", *_SOURCE_SPELLINGS]))
                self.issues.append(
                    _refusal(
                        self.where(r, label),
                        f"a fund row budgetkit does not know: {label} (known: {known})",
                        f"budgetkit 不认识的资金来源行：{label}（可识别：{known}）",
                    )
                )
            return
        source = parse_source(_source_key(keys[at]))
        # the values follow the source cell in the order of the header's columns (a column budgetkit does
        # not read, 得分计算方法, keeps its place)
        names = list(block.order)

        def in_order(merged: bool) -> dict[str, str | None]:
            """The cells after the fund row's name in the order of the header's labels, a merged one (None)
            taking a place (``merged``) or not."""
            cells = [cell for cell in row[at + 1 :] if merged or cell is not None][: len(names)]
            return {name: cell for name, cell in zip(names, cells, strict=False) if name}

        values = in_order(True)
        where = self.where(r, source.value)
        if len(row) == block.width:  # a PDF's or a web page's row: the header's columns, as read in order
            columns = {name: row[i] for i, name in block.columns.items()}

            def disagree(order: dict[str, str | None]) -> list[str]:
                return [
                    name
                    for name, cell in columns.items()
                    if _key(cell) != _key(order.get(name)) and not {_key(cell), _key(order.get(name))} <= _NOTHING
                ]

            shifted = disagree(in_order(False))
            if disagree(values) and shifted:
                order = in_order(False)
                shown = "、".join(f"{_key(columns[n]) or '(blank)'}/{_key(order.get(n)) or '(blank)'}" for n in shifted)
                self.issues.append(
                    _refusal(
                        where,
                        f"the row's cells do not line up with the header's columns (under the header / "
                        f"in order after the fund row's name: {shown})",
                        f"该行单元格与表头各列对不齐（表头下 / 资金来源名称后依次：{shown}）",
                    )
                )
                return
            values = columns
        for name, label in (
            ("initial", "年初预算数"),
            ("adjusted", "全年预算数"),
            ("executed", "全年执行数"),
            ("weight", "分值"),
            ("score", "得分"),
        ):
            if _key(values.get(name)).endswith(("%", "％")):
                self.issues.append(
                    _refusal(
                        where,
                        f"a rate ({_key(values.get(name))}) under {label}: the row's "
                        "cells do not line up with the header's columns",
                        f"{label}下是比率（{_key(values.get(name))}）：该行单元格与表头各列对不齐",
                    )
                )
                return
        amounts = {k: _number(values.get(k) or "", where, self.issues) for k in ("initial", "adjusted", "executed")}
        rate = _number(values.get("rate") or "", where, self.issues)
        try:
            line = FundLine(source=source, stated_rate=rate, **{k: v for k, v in amounts.items()})
        except BudgetkitError as exc:  # the model's message is worded in English only
            self.issues.append(_refusal(where, str(exc), f"资金行的数字不成立：{exc}"))
            return
        if any(existing.source is source for existing in self.lines):
            self.issues.append(
                _refusal(where, f"fund source {source.value} printed twice", f"资金来源{source.value}印了两次")
            )
            return
        self.lines.append(line)
        if source is FundSource.TOTAL:
            self.fields["execution_weight"] = _number(values.get("weight") or "", where, self.issues)
            self.fields["execution_score"] = _number(values.get("score") or "", where, self.issues)
            if "reason" in values:
                self.fields["execution_reason"] = self.text(values.get("reason"))

    def indicator(self, r: int, row: list[str | None]) -> None:
        block = self.block
        assert block is not None
        cell = {name: self.text(block.cell(row, name)) for name in set(block.columns.values())}
        for name in ("operator", "target"):
            if name in cell:
                cell[name] = cell[name].translate(_OPERATOR_FORMS)
        for level, name in enumerate(("level1", "level2")):
            if cell.get(name):  # a wrapped name (社会效益 / 指标) is one name; its printed points (50分) are not
                joined = "".join(cell[name].split())
                self.levels[level] = _POINTS.sub("", joined) or joined
                if level == 0:
                    self.levels[1] = ""
        level3 = _NUMBERED.sub("", cell.get("level3", ""))
        if not any(cell.get(k) for k in ("target", "actual", "weight", "score")):
            return  # a row of merged cells only, or a template row (指标1：) left empty
        where = self.where(r, level3 or "三级指标")
        for name, label in (("weight", "分值/权重"), ("score", "得分")):
            if _key(cell.get(name)).endswith(("%", "％")):
                self.issues.append(
                    _refusal(
                        where,
                        f"a rate ({_key(cell.get(name))}) under {label}: the row's cells "
                        "do not line up with the header's columns",
                        f"{label}下是比率（{_key(cell.get(name))}）：该行单元格与表头各列对不齐",
                    )
                )
                return
        printed_weight = _key(cell.get("weight")).replace(",", "")
        if len(row) < block.width and printed_weight not in _NOTHING and not _AMOUNT.fullmatch(printed_weight):
            self.issues.append(
                _refusal(
                    where,
                    f"{len(row)} cells under a header of {block.width} columns, and the one under 分值/权重 "
                    f"reads {printed_weight[:20]}: the row's cells do not line up with the header's columns "
                    "(a cell merged over several rows?)",
                    f"表头{block.width}列，该行{len(row)}个单元格，分值/权重下为{printed_weight[:20]}：该行单元格与表头各列"
                    "对不齐（有跨几行合并的单元格？）",
                )
            )
            return
        weight = _number(cell.get("weight", ""), where, self.issues)
        score = _number(cell.get("score", ""), where, self.issues)
        if weight is None:
            self.issues.append(_refusal(where, "no weight (权重/分值)", "没有分值（权重/分值）"))
            return
        actual = cell.get("actual") or None
        try:
            if "operator" in cell:  # Sichuan: operator and unit have columns of their own
                target, unit = cell.get("target", ""), cell.get("unit", "")
                printed = ""
                if unit and not _known_unit(unit):  # "公里": compared as printed, the unit kept in the printed text
                    printed, unit = f"{target}{unit}", ""
                indicator = PerformanceIndicator(
                    level1=self.levels[0],
                    level2=self.levels[1],
                    level3=level3,
                    operator=cell["operator"] or "定性",
                    target=target,
                    unit=unit,
                    printed_target=printed,
                    actual=actual,
                    weight=weight,
                    stated_score=score,
                    reason=cell.get("reason", ""),
                )
            else:
                done = _unit_dropped(cell.get("target", ""), actual)
                indicator = PerformanceIndicator.from_cells(
                    level1=self.levels[0],
                    level2=self.levels[1],
                    level3=level3,
                    target=cell.get("target", ""),
                    actual=done,
                    weight=weight,
                    stated_score=score,
                    reason=cell.get("reason", ""),
                )
                if done != actual and actual is not None:
                    indicator = attrs.evolve(indicator, printed_actual=actual)
        except BudgetkitError as exc:  # the model's message is worded in English only
            self.issues.append(_refusal(where, str(exc), f"绩效指标不成立：{exc}"))
            return
        self.indicators.append(indicator)

    def totals(self, r: int, row: list[str | None]) -> None:
        """合计 / 总分: the weight total and the score total — from their columns when the row is as wide as the
        header (a PDF's, a web page's) and prints under them, else the numbers of the row in order (a text export
        leaves merged cells out). A 自评等级 printed beside them (优) is the grade, not a number."""
        block = self.block
        assert block is not None
        where = self.where(r, "合计")
        self.section = ""
        label = next((i for i, cell in enumerate(row) if _key(cell) in ("合计", "总分")), 0)
        cells = [_key(cell) for cell in row[label + 1 :]]
        if grade := _grade(cells):
            self.fields["printed_grade"] = grade
        if len(row) == block.width and any(_key(block.cell(row, name)) for name in ("weight", "score")):
            for name, field in (("weight", "stated_weight_total"), ("score", "stated_total")):
                value = _number(self.text(block.cell(row, name)), where, self.issues)
                if value is not None:
                    self.fields[field] = value
            return
        # the numbers after the label (合计 may be printed after an empty cell, as the table's other rows are)
        if any("等级" in cell for cell in cells):
            cells = cells[: next(i for i, cell in enumerate(cells) if "等级" in cell)]
        numbers = [_number(cell, where, self.issues) for cell in cells if cell not in _NOTHING and cell not in _GRADES]
        known = [n for n in numbers if n is not None]
        if known:
            self.fields["stated_weight_total"] = known[0]
        if len(known) > 1:
            self.fields["stated_total"] = known[1]


_GOAL_LABELS: Final = frozenset(
    {
        "项目基本情况",
        "1.项目年度目标完成情况",
        "项目年度目标",
        "年度目标完成情况",
        "年度总体目标",
        "预期目标",
        "实际完成情况",
    }
)


def _grade(cells: Sequence[str]) -> str:
    """The grade printed among a row's cells (keys): the text after a 自评等级 label in its cell (自评等级：优) or the
    next cell's (自评等级 | 优), or a grade word printed alone (总分 | 100 | 98.5 | 优); "" when none is printed.

    >>> _grade(["100", "94.60", "自评等级：良"]), _grade(["自评等级", "", "优"]), _grade(["100", "98", "优秀"])
    ('良', '优', '优秀')
    >>> _grade(["自评等级", "", ""]), _grade(["100", "98"])
    ('', '')
    """
    for i, cell in enumerate(cells):
        m = _GRADE_LABEL.search(cell)
        if m is not None:
            after = cell[m.end() :].lstrip(":：")
            return after or next((other for other in cells[i + 1 :] if other and other not in _NOTHING), "")
    return next((cell for cell in cells if cell in _GRADES), "")


def _unit_dropped(target: str, actual: str | None) -> str | None:
    """A completion cell without the unit its target prints when budgetkit does not know that unit: "8处" under
    "≥8处" is 8 (a number, as the target's 8 is), where "8处" alone could be text ("11月底前")."""
    goal = parse_cell(target)
    if actual is None or not goal.is_numeric or goal.unit:
        return actual
    unit = re.sub(r"^\D*?[+-]?\d[\d,]*(?:\.\d+)?", "", _key(target)).removesuffix("左右")  # 3万人左右
    if not unit or re.search(r"\d", unit):
        return actual
    m = re.fullmatch(r"([+-]?\d[\d,]*(?:\.\d+)?)" + re.escape(unit), _key(actual))
    return actual if m is None else m.group(1)


def _known_unit(unit: str) -> bool:
    """Whether budgetkit knows a 度量单位 (an unknown one, 公里, is kept in the printed target, as 附件1's is)."""
    from budgetkit.values.units import check_unit

    try:
        check_unit(unit)
    except UnknownUnitError:
        return False
    return True


def _source_key(key: str) -> str:
    """A fund row's label without its "其中：" (any row may carry it: 其中：上年结转资金) or a trailing colon,
    other provinces' spellings read as the central ones (本年财政拨款 and 财政拨款 are 当年财政拨款)."""
    label = _label(key.replace(":", "：").removeprefix("其中：")) or key
    return _SOURCE_SPELLINGS.get(label, label)


#: A cell that prints an amount (a fund row's figure).
_AMOUNT: Final = re.compile(r"[+-]?\d+(?:\.\d+)?%?")


def _is_source(key: str) -> bool:
    try:
        parse_source(_source_key(key))
    except BudgetkitError:
        return False
    return True


def read_selfeval_table(
    rows: Rows,
    *,
    layout: Layout | str | None = None,
    kind: ProjectKind | str | None = None,
    source: str = "self-evaluation table",
    paragraphs: bool = False,
) -> Project:
    """Map one self-evaluation table (rows of cell strings) to a :class:`~budgetkit.model.project.Project`.

    ``layout`` is detected from the labels when not given (:func:`layout_of`); ``kind`` is
    the 项目类别 when the caller knows it (the tables do not print it). A line break inside a
    cell is a wrap (a PDF cell), unless ``paragraphs`` says it separates paragraphs (a text
    export), which are then kept on lines of their own. Every problem —
    a number that is not one, an indicator without a weight, a fund source printed twice,
    no project name — is reported at once in a :class:`~budgetkit.errors.LoadError` naming
    ``source`` and the row.

    >>> read_selfeval_table([["项目名称", ""], ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值",
    ...     "实际完成值", "分值", "得分"], [None, "产出指标", "数量指标", "培训人数", "≥50人", "52人", "十", "9"]],
    ...     source="p.pdf page 3")
    Traceback (most recent call last):
    ...
    budgetkit.errors.LoadError: cannot load p.pdf page 3: 3 problems
      row 1 (项目名称): no project name
      row 3 (培训人数): not a number: '十'
      row 3 (培训人数): no weight (权重/分值)
    """
    chosen = layout_of(rows) if layout is None else Layout(layout) if isinstance(layout, str) else layout
    reader = _Reader(rows, source, chosen, paragraphs)
    fields = reader.read()
    fields.pop("year", None)
    if "name" not in fields and not reader.issues:
        reader.issues.append(_refusal("项目名称", "no 项目名称 row", "没有项目名称行"))
    if reader.issues:
        raise LoadError(source, reader.issues)
    fields["kind"] = ProjectKind.SPECIFIC if kind is None else kind
    try:
        return Project(**fields)
    except BudgetkitError as exc:
        raise LoadError(source, [_refusal("table", str(exc), f"项目不成立：{exc}")]) from None


def split_text_tables(lines: Iterable[str]) -> list[list[list[str]]]:
    """Self-evaluation tables of a text export, one cell per line, as rows of cells.

    A line starting with a tab starts a cell, a line without one continues the cell
    above (a wrapped label: "评价" / "结论"), an empty line ends a row; a table starts
    at its title line and ends where the next one starts, where a table that is no project's starts
    (:func:`is_other_evaluation_title`), or where the text ends. A cell of figures or names typed in
    full-width forms is read in ASCII (:func:`~budgetkit.io.document.half_width_numbers`: ５１０３…T…-项目名,
    ９８．５０％, ≥９６); a cell of sentences (goals, results, a conclusion: it has 。 or ；) is kept as printed.

    >>> split_text_tables(["\\t项目支出绩效自评表（2023年度）", "", "\\t项目名称", "\\t示例", "", "\\t评价", "结论"])
    [[['项目支出绩效自评表（2023年度）'], ['项目名称', '示例'], ['评价\\n结论']]]
    >>> split_text_tables(["\\t项目支出绩效自评表（２０２３年度）", "", "\\t执行率", "\\t９８．５０％", "\\t引进２家。"])[0][1]
    ['执行率', '98.50%', '引进２家。']
    """
    tables: list[list[list[str]]] = []
    row: list[str] = []
    other = False  # inside a table that is no project's (部门整体支出绩效自评表)

    def close() -> None:
        nonlocal row
        if row and tables and not other:
            tables[-1].append([cell if _SENTENCE.search(cell) else half_width_numbers(cell) for cell in row])
        row = []

    for raw in lines:
        line = raw.rstrip("\r\n")
        if not line.strip() and "\t" not in line:
            close()
            continue
        if "\t" in line[:2]:  # " \t" as well as "\t": a cell starts
            text = line.split("\t", 1)[1].strip()
            if is_selfeval_title(text) and not row:
                tables.append([])
                other = False
            elif is_other_evaluation_title(text) and not row:
                other = True
            row.append(text)
        elif row:
            row[-1] = f"{row[-1]}\n{line.strip()}"
    close()
    return tables


def read_selfeval_text(
    lines: Iterable[str],
    *,
    kinds: Mapping[str, ProjectKind | str] | None = None,
    source: str = "text",
) -> tuple[Project, ...]:
    """The projects of every self-evaluation table in a text export (one cell per line, see :func:`split_text_tables`).

    ``kinds`` maps a project's name to its 项目类别 when the caller knows it (the narrative says
    it; the tables do not). Every table's problems are reported at once in one
    :class:`~budgetkit.errors.LoadError`, each with the table's number and row.

    >>> text = ["\\t项目支出绩效自评表", "", "\\t项目名称", "\\t51030022T000000326059-示例项目", ""]
    >>> [(p.code, p.name, p.kind.value) for p in read_selfeval_text(text)]
    [('51030022T000000326059', '示例项目', '特定目标类')]
    """
    projects: list[Project] = []
    issues: list[LoadIssue] = []
    wanted = dict(kinds or {})
    for t, table in enumerate(split_text_tables(lines)):
        parts = split_projects(table)  # several projects printed one after another with no title between them
        for k, part in enumerate(parts):
            name = f"table {t + 1}" + (f" project {k + 1}" if len(parts) > 1 else "")
            try:
                project = read_selfeval_table([table[r] for r in part], source=f"{source} {name}", paragraphs=True)
            except LoadError as exc:
                issues += [LoadIssue(f"{name} {issue.path}", issue.message) for issue in exc.issues]
                continue
            if project.name in wanted:
                project = attrs.evolve(project, kind=wanted[project.name])
            projects.append(project)
    if issues:
        raise LoadError(source, issues)
    return tuple(projects)
