"""From a published PDF to a checkable account: :func:`read_pdf` gives a :class:`FinalAccount` and an :class:`ImportReport`.

This joins the three steps of importing (extra ``import``): the document is read
(:func:`budgetkit.io.document.read_pdf`), its tables are mapped to the table set
(:func:`budgetkit.io.table_import.read_tables`) and its 情况说明 is read into statements
(:func:`budgetkit.io.grammar.read_narrative`). The account follows the conventions of the built-in
datasets: the figures hold the 情况说明's printing where it prints one, else the table's; every table
printing is in ``tables``; every 情况说明 paragraph is in a passage; derived figures (growth, shares,
completion rates, changes) are claims; previous-year figures are never inferred.

Nothing is silent. The :class:`ImportReport` counts every number printed in the document — imported
with its place, kept inside text (a passage, the duties, the glossary, a reason), or not understood —
and lists the ones not understood with their page, and every statement the model cannot hold.

>>> imported = read_pdf(Path(__file__))
Traceback (most recent call last):
...
budgetkit.errors.LoadError: cannot load .../pdf.py: 1 problem
  file: not a PDF file (it does not start with %PDF-)
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final, TypeGuard

import attrs

from budgetkit.errors import LoadError, LoadIssue
from budgetkit.io import document as _document
from budgetkit.io.document import (
    Box,
    Document,
    Paragraph,
    half_width_numbers,
    is_note,
    national_layout,
    printed_numbers,
    without_table_tag,
)
from budgetkit.io.grammar import (
    Amount,
    Change,
    Completion,
    Count,
    Event,
    Listed,
    Narrative,
    NarrativeError,
    ProjectFigure,
    ProjectFigures,
    Reason,
    Role,
    Share,
    Statement,
    Subject,
    _lines_in,
    breakdown,
    continued_parts,
    heading_words,
    narrative_range,
    performance_projects,
    read_narrative,
)
from budgetkit.io.selfeval import (
    REFUSED,
    is_other_evaluation_title,
    is_selfeval_rows,
    is_selfeval_title,
    read_selfeval_table,
    split_projects,
)
from budgetkit.io.table_import import UNRULED, ImportReason, IssueKind, TableImport, issue_kind, read_tables, reason_zh
from budgetkit.model import account as model
from budgetkit.model.account import Figure, FinalAccount, GlossaryEntry, Passage, ReceptionEvent, UnitType
from budgetkit.model.category import ExpenseCategory
from budgetkit.model.claim import ChangeExplanation, Claim, Contribution
from budgetkit.model.project import Project, ProjectKind
from budgetkit.model.tables import Cell as TableCell
from budgetkit.model.tables import Place, Tables, TableSet
from budgetkit.model.tables import table_set as _table_set
from budgetkit.values.interval import Interval
from budgetkit.values.numbers import plain
from budgetkit.values.wording import Bilingual

__all__ = ["BUDGET_REFUSED", "FILE_YEAR", "NO_NARRATIVE", "SELFEVAL_UNREAD", "UNRULED", "ImportReport", "Imported", "ReportIssue", "Unplaced", "file_year", "from_document", "is_budget_title", "read_pdf", "year_of_name"]


@attrs.frozen
class Unplaced:
    """A number printed in the document that was not understood: its page, text and where it stands.

    >>> str(Unplaced(Box(20, 0.0, 0.0, 1.0, 1.0), "42", "text"))
    '第20页: 42 (text)'
    """

    box: Box | None
    text: str
    where: str

    @property
    def page(self) -> int | None:
        """The page it is printed on (from 1), or ``None`` when unknown."""
        return None if self.box is None else self.box.page

    def __str__(self) -> str:
        page = f"{self.box}" if self.box is not None else "（位置不明）"
        return f"{page}: {self.text} ({self.where})"


@attrs.frozen
class ReportIssue:
    """Something printed that the account does not hold: its page, the printed text and why.

    >>> str(ReportIssue(Box(26, 0.0, 0.0, 1.0, 1.0), "2 批次", "no field of the model holds it"))
    '第26页: 2 批次: no field of the model holds it'
    """

    box: Box | None
    text: str
    #: why, a :class:`~budgetkit.io.table_import.ImportReason` (English, and Chinese as ``.zh``) where the importer words it
    reason: str

    @property
    def reason_zh(self) -> str:
        """Why, in Chinese; the English where no Chinese is worded (a self-evaluation table's or the model's message).

        >>> ReportIssue(None, "2 批次", ImportReason("a count no field of the account holds", "账户中没有字段容纳的数量")).reason_zh
        '账户中没有字段容纳的数量'
        """
        return reason_zh(self.reason)

    @property
    def text_zh(self) -> str:
        """The printed text in Chinese where it is budgetkit's words (a refused self-evaluation table's row:
        ``自评表 表中第6行（绩效指标）``), else as printed.

        >>> ReportIssue(None, Bilingual("自评表 row 6", "自评表 表中第6行"), "no weight").text_zh
        '自评表 表中第6行'
        """
        return self.text.zh if isinstance(self.text, Bilingual) else self.text

    @property
    def kind(self) -> IssueKind:
        """What was not read: a table of the set, a self-evaluation table … (:func:`~budgetkit.io.table_import.issue_kind`).

        >>> ReportIssue(None, "表七", UNRULED).kind, ReportIssue(None, "2 批次", "no field of the model holds it").kind
        (<IssueKind.TABLE_UNRULED: 'table_unruled'>, <IssueKind.OTHER: 'other'>)
        """
        return issue_kind(self.reason)

    @property
    def page(self) -> int | None:
        """The page it is printed on (from 1), or ``None`` when unknown."""
        return None if self.box is None else self.box.page

    def __str__(self) -> str:
        page = f"{self.box}" if self.box is not None else "（位置不明）"
        return f"{page}: {self.text}: {self.reason}"


def _selfeval_refused(box: Box | None, issue: LoadIssue) -> ReportIssue:
    """A self-evaluation table refused, as an import issue: ``自评表 row 6 (绩效指标)`` and why, of the kind
    :attr:`~budgetkit.io.table_import.IssueKind.SELFEVAL_REFUSED` (``budgetkit check`` names it: its project is not read)."""
    why = ImportReason(issue.message, reason_zh(issue.message), IssueKind.SELFEVAL_REFUSED)
    row_zh = issue.path.zh if isinstance(issue.path, Bilingual) else issue.path
    return ReportIssue(box, Bilingual(f"{REFUSED} {issue.path}", f"{REFUSED} {row_zh}"), why)


def _frozen(places: Mapping[str, Box]) -> Mapping[str, Box]:
    return MappingProxyType(dict(places))


#: The text of the issue an import raises when it finds no 情况说明 (see :attr:`ImportReport.narrative_found`).
NO_NARRATIVE: Final = "第三部分"
#: Why a self-evaluation table's title printed with no table under it gives no project.
SELFEVAL_UNREAD: Final = ImportReason(
    "a self-evaluation table title with no table read under it: the table is printed as a picture or without ruling "
    "lines, so its project is not read (budgetkit reads a PDF's self-evaluation tables by their ruling lines; it does "
    "no OCR)",
    "自评表标题下没有读入表格：表格印作图片或没有框线，其项目未读入（budgetkit 按框线读 PDF 的自评表；不做文字识别）",
)
#: The longest line read as a self-evaluation table's title (部门预算项目支出绩效自评表（2023年度）, a unit's name first).
_SELFEVAL_TITLE_LENGTH: Final = 48
#: How a sentence ends: a line ending so mentions a table, it is no title (…自评表见附件。).
_SENTENCE_ENDS: Final = ("。", "；", ";", "：", ":", "，", ",")


@attrs.frozen
class ImportReport:
    """What an import found and did: tables, numbers (seen = imported + in text + not understood), issues, places.

    ``places`` gives the place in the document (on its page as shown) of every imported value keyed by its model path as
    findings name it: ``tables.<table>[<row>].<column>``, ``claims[<i>]``, ``passages[<i>]`` and figure
    paths such as ``income.total``.

    >>> r = ImportReport(source="x.pdf", pages=1, tables_found=("summary",), tables_expected=("summary",),
    ...     tables_unknown=(), numbers_seen=3, numbers_imported=2, numbers_in_text=0, numbers_not_held=0,
    ...     not_understood=(Unplaced(None, "42", "text"),), issues=(), places={})
    >>> r.complete, r.summary()
    (False, '3 numbers seen: 2 imported, 0 kept in text, 0 read but not held, 1 not understood; 1 of 1 tables found, 0 unknown')
    """

    source: str
    pages: int
    tables_found: tuple[str, ...]
    tables_expected: tuple[str, ...]
    tables_unknown: tuple[str, ...]
    numbers_seen: int
    numbers_imported: int
    #: numbers kept inside text, not interpreted: passages of the 概况, the glossary, reasons, headings, enumerators
    numbers_in_text: int
    #: numbers read into statements that no field of the account holds (each is one of ``issues``)
    numbers_not_held: int
    not_understood: tuple[Unplaced, ...]
    issues: tuple[ReportIssue, ...]
    places: Mapping[str, Box] = attrs.field(converter=_frozen, repr=False)

    @property
    def complete(self) -> bool:
        """Whether every number was accounted for, every expected table found, and no issue raised."""
        return (
            not self.not_understood
            and not self.issues
            and set(self.tables_expected) <= set(self.tables_found)
            and not self.tables_unknown
        )

    @property
    def narrative_found(self) -> bool:
        """Whether the 情况说明 was found: when it was not, none of its figures was read, so none was checked."""
        return not any(issue.box is None and issue.text == NO_NARRATIVE for issue in self.issues)

    def summary_zh(self) -> str:
        """:meth:`summary` in Chinese, as ``budgetkit check`` prints it under a report's counts.

        >>> r = ImportReport(source="x.pdf", pages=1, tables_found=(), tables_expected=("summary",),
        ...     tables_unknown=(), numbers_seen=3, numbers_imported=2, numbers_in_text=0, numbers_not_held=0,
        ...     not_understood=(Unplaced(None, "42", "text"),), issues=(), places={})
        >>> r.summary_zh()
        '导入：数字 3 个，读入 2、留在文字中 0、读到但无处存放 0、未读懂 1；找到表 0/1'
        """
        return (
            f"导入：数字 {self.numbers_seen} 个，读入 {self.numbers_imported}、留在文字中 {self.numbers_in_text}、"
            f"读到但无处存放 {self.numbers_not_held}、未读懂 {len(self.not_understood)}；"
            f"找到表 {len(self.tables_found)}/{len(self.tables_expected)}"
        )

    def summary(self) -> str:
        """One line of coverage: numbers seen, imported, in text, not understood; tables found of expected."""
        return (
            f"{self.numbers_seen} numbers seen: {self.numbers_imported} imported, {self.numbers_in_text} kept in text, "
            f"{self.numbers_not_held} read but not held, "
            f"{len(self.not_understood)} not understood; {len(self.tables_found)} of {len(self.tables_expected)} "
            f"tables found, {len(self.tables_unknown)} unknown"
        )

    def page(self, path: str) -> int | None:
        """The page of the value at a model path (a finding's path), or of its nearest enclosing path."""
        box = self.box(path)
        return None if box is None else box.page

    def box(self, path: str) -> Box | None:
        """The place of the value at a model path, or of its nearest enclosing path that has one."""
        while path:
            if path in self.places:
                return self.places[path]
            cut = max(path.rfind("."), path.rfind("["))
            if cut <= 0:
                return None
            path = path[:cut]
        return None


@attrs.frozen
class Imported:
    """An imported report: the account and the import report.

    >>> Imported.__annotations__["account"]
    'FinalAccount'
    """

    account: FinalAccount
    report: ImportReport


#: Subjects the account holds no figure of, whose share a report prints beside their amount (三's 按支出功能分类，本年支出合计
#: 中：科学技术支出 A 万元，占 p%; 绩效自评…共涉及资金 A 万元，占一般公共预算项目支出总额的 p%): the share is a claim of that
#: amount, printed, of the whole.
_PRINTED_PARTS: Final = frozenset({"expenditure.class", "performance.funds"})

#: Narrative subjects (grammar keys, 决算) → the account's figure paths that hold them.
_FIGURES: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "total": ("income.total", "expenditure.total"),
        "income.total": ("income.total",),
        "expenditure.total": ("expenditure.total",),
        "income.year_total": ("income.year_total",),
        "expenditure.year_total": ("expenditure.year_total",),
        "expenditure.basic": ("expenditure.basic",),
        "expenditure.project": ("expenditure.project",),
        "expenditure.to_superior": ("expenditure.to_superior",),
        "expenditure.operating": ("expenditure.operating",),
        "expenditure.to_affiliated": ("expenditure.to_affiliated",),
        "income.superior_subsidy": ("income.superior_subsidy",),
        "income.business": ("income.business",),
        "income.operating": ("income.operating",),
        "income.affiliated": ("income.affiliated",),
        "income.other": ("income.other",),
        "income.fiscal": ("income.fiscal",),  # where 财政拨款收入 is not all 一般公共预算 (see _path)
        "general_budget.income": ("income.general_budget",),
        "government_fund.income": ("income.government_fund",),
        "state_capital.income": ("income.state_capital",),
        "government_fund.expenditure": ("fiscal.government_fund.expenditure",),
        "state_capital.expenditure": ("fiscal.state_capital.expenditure",),
        **{f"{fund}.{end}": (f"fiscal.{fund}.{end}",) for fund in ("government_fund", "state_capital") for end in ("opening", "closing")},
        "fiscal.total": ("fiscal.total",),
        "fiscal.expenditure_total": ("fiscal.expenditure_total",),
        "fiscal.opening_total": ("fiscal.opening",),
        "fiscal.year_expenditure": ("fiscal.expenditure",),
        "fiscal.closing_total": ("fiscal.closing",),
        "income.opening_balance": ("income.opening_balance",),
        "income.non_fiscal_balance_used": ("income.non_fiscal_balance_used",),
        "expenditure.surplus_distribution": ("expenditure.surplus_distribution",),
        "expenditure.closing_balance": ("expenditure.closing_balance",),
        "general_budget.expenditure": ("general_budget.total",),
        "general_budget.basic": ("general_budget.basic",),
        "general_budget.project": ("general_budget.project",),
        "personnel": ("general_budget.personnel",),
        "public_use": ("general_budget.public_use",),
        "three_public": ("three_public.total",),
        "three_public.outbound": ("three_public.outbound",),
        "three_public.vehicle": ("three_public.vehicle",),
        "three_public.vehicle_purchase": ("three_public.vehicle_purchase",),
        "three_public.vehicle_operation": ("three_public.vehicle_operation",),
        "three_public.reception": ("three_public.reception",),
        "three_public.reception.all": ("three_public.reception",),  # 共接待 N 批次…，支出 X 万元
        "three_public.reception.domestic": ("three_public.reception_domestic",),
        "three_public.reception.foreign": ("three_public.reception_foreign",),
        "three_public.reception.guests": ("three_public.reception_guests",),
        "office_running": ("operating_costs",),
        "procurement": ("procurement.total",),
        "procurement.goods": ("procurement.goods",),
        "procurement.works": ("procurement.works",),
        "procurement.services": ("procurement.services",),
        "procurement.sme_reserved.awarded": ("procurement.sme",),
        "procurement.small_reserved.awarded": ("procurement.small_micro",),
        "procurement.sme": ("procurement.sme",),
        "procurement.small_micro": ("procurement.small_micro",),
    }
)

#: Figures taken from a table where the 情况说明 does not print them: path → (table, row, column).
_TABLE_FIGURES: Final[Mapping[str, tuple[str, str, str]]] = MappingProxyType(
    {
        **{
            f"income.{key}": ("summary", f"income.{key}", "amount")
            for key in (
                "general_budget", "government_fund", "state_capital", "superior_subsidy", "business", "operating",
                "affiliated", "other", "year_total", "non_fiscal_balance_used", "opening_balance", "total",
            )
        },
        **{
            f"expenditure.{key}": ("summary", f"expenditure.{key}", "amount")
            for key in ("year_total", "surplus_distribution", "closing_balance", "total")
        },
        **{f"expenditure.{key}": ("expenditure", "total", key) for key in ("basic", "project", "to_superior", "operating", "to_affiliated")},
        **{
            f"fiscal.{fund}.{what}": ("fiscal_summary", f"fiscal.{fund}.{what}", "amount")
            for fund in ("general_budget", "government_fund", "state_capital")
            for what in ("income", "opening")
        },
        "fiscal.general_budget.expenditure": ("fiscal_summary", "fiscal.expenditure", "general_budget"),
        "fiscal.general_budget.closing": ("fiscal_summary", "fiscal.closing", "general_budget"),
        "fiscal.government_fund.expenditure": ("fiscal_summary", "fiscal.expenditure", "government_fund"),
        "fiscal.government_fund.closing": ("fiscal_summary", "fiscal.closing", "government_fund"),
        "fiscal.state_capital.expenditure": ("fiscal_summary", "fiscal.expenditure", "state_capital"),
        "fiscal.state_capital.closing": ("fiscal_summary", "fiscal.closing", "state_capital"),
        "fiscal.total": ("fiscal_summary", "fiscal.income_total", "amount"),
        "general_budget.total": ("general_budget_expenditure", "total", "total"),
        "general_budget.basic": ("general_budget_expenditure", "total", "basic"),
        "general_budget.project": ("general_budget_expenditure", "total", "project"),
        "general_budget.personnel": ("basic_expenditure", "general_budget.personnel", "amount"),
        "general_budget.public_use": ("basic_expenditure", "general_budget.public_use", "amount"),
        **{
            f"three_public.{key}": ("three_public", f"three_public.{key}", "actual")
            for key in ("total", "outbound", "vehicle", "vehicle_purchase", "vehicle_operation", "reception")
        },
    }
)

#: The figures a report prints again under the same name (本年支出合计 in 一 and in 三; 一般公共预算财政拨款支出 in
#: 四 and 五; 财政拨款收入 in 二 and 四, which is 一般公共预算's where that is all of it; each 三公 line in 表七 and
#: twice in 七; 机关运行经费; 基本支出 and its 人员经费 and 公用经费 in 六): a
#: later printing that differs from the first is a claim ``amount`` on it, which check compares (a later printing
#: of any other figure is kept only when the first is not: a subject's name may mean another fund's figure).
_RESTATED: Final = frozenset(
    {
        "income.total", "expenditure.total", "income.year_total", "expenditure.year_total", "fiscal.total",
        "general_budget.total", "three_public.total", "three_public.outbound", "three_public.vehicle",
        "three_public.vehicle_purchase", "three_public.vehicle_operation", "three_public.reception",
        "three_public.reception_domestic", "three_public.reception_foreign", "operating_costs", "general_budget.basic",
        "general_budget.personnel", "general_budget.public_use", "income.operating", "expenditure.operating",
        "fiscal.opening", "fiscal.expenditure", "fiscal.closing", "fiscal.expenditure_total", "income.fiscal",
        "income.general_budget",
    }
)  # fmt: skip


def _loose_total(path: str, statement: Amount) -> bool:
    """Whether a printing of 财政拨款收入 may mean 四's 收入总计: in 四, without 本年 (财政拨款收入 2,230.00 万元，支出
    2,230.00 万元, the balances included), it is not a second printing of 二's 本年 财政拨款收入 to compare with it."""
    return path in ("income.fiscal", "income.general_budget") and statement.section.startswith("四") and not (
        statement.subject.name.startswith("本年")
    )


#: Budgets of 三公 taken from 表七's 预算数 where the 情况说明 does not print them.
_TABLE_BUDGETS: Final[Mapping[str, tuple[str, str, str]]] = MappingProxyType(
    {
        f"three_public.{key}": ("three_public", f"three_public.{key}", "budget")
        for key in ("total", "outbound", "vehicle", "vehicle_purchase", "vehicle_operation", "reception")
    }
)

#: Counts of the 三公 taken from the 三公 table's 决算数 where the 情况说明 does not print them (Yunnan's 表十 prints them
#: below the amounts: 因公出国（境）团组数（个） …); where it does, ``table.count`` compares the two printings.
_TABLE_COUNTS: Final[Mapping[str, tuple[str, str, str]]] = MappingProxyType(
    {
        f"three_public.{key}": ("three_public", f"three_public.{key}", "actual")
        for key in ("outbound_groups", "outbound_persons", "vehicles_purchased", "vehicles_owned", "domestic_batches", "domestic_persons")
    }
)

#: Counts by subject and unit: of 国内公务接待 where 七 lists no events (which it counts itself), 批次 (团组 N 个) and
#: 人次; Shanghai's 公务接待 N 批次、N 人次 in all, and 其中：接待外宾 N 批次、N 人次; the cars 公务用车购置支出 bought
#: (…主要用于更新公务用车，购置公务用车 1 辆, the count the template asks for: 列明公务用车购置数量).
_COUNTS_BY_UNIT: Final[Mapping[str, Mapping[str, str]]] = MappingProxyType(
    {
        "three_public.vehicle_purchase": {"辆": "three_public.vehicles_purchased"},
        "three_public.reception.domestic": {
            "批次": "three_public.domestic_batches",
            "个": "three_public.domestic_batches",
            "次": "three_public.domestic_batches",
            "人次": "three_public.domestic_persons",
            "人": "three_public.domestic_persons",
        },
        "three_public.reception": {"批次": "three_public.reception_batches", "人次": "three_public.reception_persons"},
        "three_public.reception.all": {
            "批次": "three_public.reception_batches",
            "个": "three_public.reception_batches",
            "人次": "three_public.reception_persons",
            "人": "three_public.reception_persons",
        },
        "three_public.reception.guests": {"批次": "three_public.guest_batches", "人次": "three_public.guest_persons"},
    }
)
#: Count subjects → (the account's integer field, which printed count of the clause: 0 first, 1 second).
_COUNTS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "three_public.outbound.groups": ("three_public.outbound_groups", "three_public.outbound_persons"),
        "three_public.reception.foreign": ("three_public.foreign_batches", "three_public.foreign_persons"),
        "three_public.vehicles_held": ("three_public.vehicles_owned",),
        "three_public.vehicles_purchased": ("three_public.vehicles_purchased",),
        "vehicles": ("assets.vehicles",),
        "equipment": ("assets.large_equipment",),
    }
)

#: Count subjects whose counts are kept by name (each printed name with its count, in order): the field.
_BY_NAME: Final[Mapping[str, str]] = MappingProxyType(
    {"vehicles.*": "assets.vehicles_by_use", "three_public.vehicles_held.type": "three_public.vehicles_owned_by_type"}
)

_PART: Final = re.compile(r"^\s*第(?P<n>[一二三四五六七八九十]+)部分")
#: A 第四部分 heading that names a part other than the 名词解释 (Beijing: 第四部分 2023年度部门绩效评价情况).
_NOT_GLOSSARY: Final = re.compile(r"^(?!.*名词解释).*(?:绩效|联系方式|信息反馈)")
_SECTION: Final = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")
_ITEM: Final = re.compile(r"^\s*(\d+)\s*[、.．](?!\d)")
_TITLE: Final = re.compile(r"^(?:关于)?(?P<unit>.+?)\s*(?P<year>\d{4})\s*年度?\s*(?:部门|单位)?决算")
#: The unit a table's heading names when no title names it (部门：示例局　　金额单位：万元, 编制单位：…): Yunnan's tables,
#: published as a file of their own with no cover, print no year either. A line printing the label blank (部门：　　金额单位：
#: 万元, the template's) names no unit: never 金额单位.
_MAKER_NAME: Final = re.compile(
    r"^\s*(?:编制单位|填报单位|单位名称|部门名称|部门)\s*[:：]\s*"
    r"(?P<name>(?!(?:金额|计量|货币)?单位[:：])[^\s:：]+?)(?=\s|$|(?:金额|计量|货币)?单位[:：])"
)
#: The report's year in the file's name (示例局2024年度部门决算公开表.pdf, ….xlsx), for a file of tables printing none.
FILE_YEAR: Final = re.compile(r"((?:19|20)\d{2})\s*年(度)?")


def file_year(name: str) -> int | None:
    """The report's year in a file's name: the one year written ``YYYY年度``, else the one written ``YYYY年``; None when
    the name writes none, or two that may each be it (a name's other year is often the upload's, not the report's).

    >>> file_year("示例局2024年度部门决算公开表.pdf"), file_year("2025年上传_示例局2024年度部门决算公开表.pdf")
    (2024, 2024)
    >>> file_year("部门决算公开表（2024年）.xlsx"), file_year("2025年6月上传_2024年部门决算.xlsx"), file_year("公开表.pdf")
    (2024, None, None)
    """
    found = [(int(m.group(1)), bool(m.group(2))) for m in FILE_YEAR.finditer(name)]
    for years in ({y for y, of_year in found if of_year}, {y for y, _ in found}):
        if years:
            return years.pop() if len(years) == 1 else None
    return None


def year_of_name(source: str | Path, texts: Iterable[str]) -> int | None:
    """The year in the name of a file whose document prints no title (:func:`file_year`), given the document's lines.

    Raises :class:`~budgetkit.errors.LoadError` when the lines print a report's year (``2024年度``) and never the
    name's: the file's name is not the document's word (``某局2023年度部门决算.txt`` printing ``（2024年度）``).
    """
    year = file_year(Path(source).name)
    printed = {int(y) for text in texts for y in _PRINTED_YEAR.findall(_ZH_YEAR.sub(_zh_year, text))}
    if year is not None and printed and year not in printed:
        shown = "、".join(f"{y}年度" for y in sorted(printed))
        message = f"no title (…YYYY 年度部门决算): the file's name gives the year {year}, but the document prints {shown}"
        raise LoadError(str(source), [LoadIssue("title", message)])
    return year


def _zh_year(m: re.Match[str]) -> str:
    return m.group(0).translate(_ZH_DIGITS)
#: A year a document prints as a report's (2024年度), which the year in its file's name must be when it prints no title
_PRINTED_YEAR: Final = re.compile(r"((?:19|20)\d{2})\s*年度")
#: A year written in Chinese numerals (二〇二四年度), read as its digits
_ZH_YEAR: Final = re.compile(r"[〇○零一二三四五六七八九]{4}(?=\s*年)")
_ZH_DIGITS: Final = str.maketrans("〇○零一二三四五六七八九", "000123456789")
#: The most paragraphs of a cover a title is looked for in, first one first, before the cover is read whole
_COVER_LINES: Final = 8
#: The number of a table's row before its name (（1）国内接待费, 7．国（境）外公务接待批次（个）, 其中：（2）…).
_ROW_NUMBER: Final = re.compile(r"^\s*(?:其中\s*[:：]\s*)?(?:[（(]\d{1,2}[)）]|\d{1,2}\s*[、.．](?!\d))")
#: Spaces between two characters or digits of a title set with letter spacing (dropped before it is read)
_LETTER_SPACED: Final = re.compile(r"(?<=[\u4e00-\u9fff\d])\s+(?=[\u4e00-\u9fff\d])")
#: The year printed before the unit: 2023年度某某局部门决算
_TITLE_YEAR_FIRST: Final = re.compile(r"^(?P<year>\d{4})\s*年度?+\s*(?:关于)?(?P<unit>[^\d\s].*?)\s*(?:部门|单位)决算")
#: A cover line's label before the unit (预算单位：示例局 / 2024年度部门决算): not the unit's name
_UNIT_LABEL: Final = re.compile(r"^\s*(?:预算单位|编制单位|填报单位|单位名称|部门名称|部门|单位)\s*[:：]\s*")
#: A budget's title (…2025年度部门预算, …单位预算公开): a report of another kind, named as such when no 决算 title is found
_BUDGET_TITLE: Final = re.compile(
    r"\d{4}\s*年度?\s*(?:部门|单位)预算|(?:部门|单位)预算\s*(?:公开|情况说明)?$"
    r"|预算(?:总|情况)?表$"  # a budget's table: 部门收支预算总表, 一般公共预算支出预算表 (a 决算's tables end 决算表)
)
#: A table of the central 部门预算 template published alone (收支总表, 一般公共预算支出表, 政府性基金预算支出表 …): a
#: 决算's tables end 决算表. Read as a budget only where nothing in the document says 决算 (:func:`is_budget_title`).
_BUDGET_TABLE: Final = re.compile(r"(?:收支|收入|支出)总表$|预算[^决]*支出表$")
#: Why a budget is refused
BUDGET_REFUSED: Final = "a 部门预算 or 单位预算 (a budget), not a 决算: budgetkit reads final accounts"


def is_budget_title(text: str) -> bool:
    """Whether a title names a budget (部门预算, 单位预算) and no 决算.

    >>> is_budget_title("某局2025年度部门预算"), is_budget_title("某预算中心2024年度部门决算"), is_budget_title("部门收支预算总表")
    (True, False, True)
    >>> is_budget_title("一般公共预算支出预算表"), is_budget_title("一般公共预算财政拨款支出决算表"), is_budget_title("预算单位：某局")
    (True, False, False)

    The central template's budget tables (收支总表, 一般公共预算支出表 …) name a budget too; a caller asks only where no
    line of the document says 决算:

    >>> is_budget_title("部门收支总表"), is_budget_title("一般公共预算“三公”经费支出表"), is_budget_title("财政拨款“三公”经费支出决算表")
    (True, True, False)
    """
    return bool(_BUDGET_TITLE.search(text) or _BUDGET_TABLE.search(text.strip())) and "决算" not in text


#: A 名词解释 entry: "一、term：definition"; a term is at most 30 characters, but for a 类/款/项 path, which may be
#: longer and end in ，as well ("8.社会保障和就业支出（类）…（款）其他就业补助支出（项），用于…"); "16..基本支出" keeps no point.
_GLOSSARY: Final = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|\d+\s*[、.．]+)?\s*"
    r"(?:(?P<path>[^：:，,。]{1,120}?（[类款项]）)\s*[：:，,]|(?P<term>[^：:]{1,30})[：:])\s*(?P<definition>.+)$",
    re.S,
)
_PURPOSE: Final = re.compile(r"主要用于[：:]\s*(?P<use>[^。]*)。")
_PURPOSE_RUN_ON: Final = re.compile(r"主要用于[^。]*。?")
#: A cell of a self-evaluation table that is a figure read into the project: an amount, a rate, a weight,
#: a score, a target or completion value with its operator and unit ("≥50个").
_SELFEVAL_FIGURE: Final = re.compile(r"[≥≤><=＞＜＝]*[+-]?\d[\d,]*(?:\.\d+)?[%％]?[^\d\s]{0,4}")
#: A completion of counts in a project's text: N 人 (or 个, 件 …) planned, 完成 M of the same unit, 完成率 p%.
_COUNT_COMPLETION: Final = re.compile(
    r"[^，。；,;]*?(?<![\d.])(?P<planned>\d{1,9})(?P<unit>人次|人|个|件|次|批次|户|份|家|项|场|期)[，,]\s*"
    r"[^，。；,;\d]{0,12}?完成(?:了)?\s*(?P<done>\d{1,9})(?P=unit)[，,]\s*完成率(?:为|是)?\s*(?P<rate>\d{1,4}(?:\.\d+)?)\s*%",
    re.ASCII,  # ASCII digits: the text is read through half_width_numbers
)
#: A project's own score in its text: 自评100分, 自评得分为 98 分 (the clause before it kept as the claim's text).
_OWN_SCORE: Final = re.compile(r"[^，。；,;]*?[，,]?\s*自评(?:得分|分数|分)?(?:为|是)?\s*(?P<score>\d{1,3}(?:\.\d+)?)\s*分", re.ASCII)
#: The 单位性质 a report states: 单位性质为行政单位; 本部门为行政单位, 本院为…所属公益二类事业单位 (national wording).
_UNIT_TYPE: Final = re.compile(
    r"(?:单位性质[为是：:]|(?:本|我)(?:部门|单位|院|局|中心|所|馆|校|会)(?:属于|为|是)[^，。；\d]{0,16}?)\s*"
    r"(?P<type>行政单位|参公事业单位|参照公务员法管理的?事业单位|公益一类事业单位|公益二类事业单位)"
)


def read_pdf(
    path: str | Path, *, table_set: str = "national-2024", unit_type: UnitType | str | None = None
) -> Imported:
    """Import a published 部门决算 PDF into an account and a report of what was (not) understood.

    ``unit_type`` is the 单位性质 when the caller knows it; otherwise it is read from the report where it
    states one ("单位性质为行政单位", "本部门为行政单位", "本院为…所属公益二类事业单位"), else 其他. A file that cannot be read raises
    :class:`~budgetkit.errors.LoadError` naming it.

    >>> read_pdf("no-such-report.pdf")
    Traceback (most recent call last):
    ...
    budgetkit.errors.LoadError: cannot load no-such-report.pdf: 1 problem
      file: No such file or directory
    """
    doc = _document.read_pdf(path)
    return from_document(doc, table_set=table_set, unit_type=unit_type)


def from_document(
    doc: Document,
    *,
    table_set: str = "national-2024",
    unit_type: UnitType | str | None = None,
    projects: Sequence[tuple[Project, Box]] = (),
) -> Imported:
    """Import a read :class:`~budgetkit.io.document.Document` (see :func:`read_pdf`).

    ``projects`` are self-evaluation tables read apart from the document's tables (a text export prints
    them one cell a line), each with its place; they follow the projects of the document's own tables.
    Every project that 预算绩效管理情况 describes by its 调整预算 and 决算 takes its kind and use from there,
    and the figures printed about it are its claims (:meth:`_Builder._narrated`); what a project's own text
    states (a completion of counts, 自评100分) is a claim too (:meth:`_Builder._project_text_claims`).

    >>> from budgetkit.io.document import Line
    >>> def para(text, top):
    ...     return Paragraph(text, (Line(text, Box(1, 0, top, 9, top + 9)),))
    >>> doc = Document("x.pdf", 1, (para("示例局2024年度部门决算", 0), para("第三部分 情况说明", 10),
    ...     para("一、收入支出决算总体情况说明", 20), para("本年收入合计 9.50 万元。", 30)), ())
    >>> imported = from_document(doc)
    >>> imported.account.unit, imported.account.year, str(imported.account.income.year_total.current)
    ('示例局', 2024, '9.50万元')
    >>> imported.report.places["income.year_total"].page, imported.report.numbers_seen
    (1, 2)
    """
    doc = attrs.evolve(doc, paragraphs=continued_parts(national_layout(doc.paragraphs)))
    return _Builder(doc, _table_set(table_set), unit_type, projects).build()


class _Builder:
    """Builds the account from a document, keeping the place of every value and every issue."""

    def __init__(
        self,
        doc: Document,
        tables_set: TableSet,
        unit_type: UnitType | str | None,
        projects: Sequence[tuple[Project, Box]] = (),
    ) -> None:
        self.doc = doc
        self.apart = tuple(projects)
        self.set = tables_set
        self.unit_type = unit_type
        self.places: dict[str, Box] = {}
        self.issues: list[ReportIssue] = []
        self.values: dict[str, Any] = {}  # dotted path → value (Decimal or int or str)
        self.claims: list[Claim] = []
        self.explanations: list[ChangeExplanation] = []
        self.explained_numbers = 0  #: the numbers of reasons read as explanations' contributions
        self.narrative_statements: tuple[Statement, ...] = ()
        self.tables = Tables()
        self.not_held = 0  # numbers read into statements that no field of the account holds
        self.resolved: dict[int, str | None] = {}  # paragraph → the code of its 类/款/项 path
        self.unit = ""  # the unit's name, once read from the cover
        self.year = 0  # the report's year, once read from the cover
        self.projects: list[Project] = []  # the self-evaluation tables (项目支出绩效自评表), in order
        self.selfeval_cells: set[Box] = set()  # their cells read into projects
        self.selfeval_titles: set[str] = set()  # their titles, which are not unknown tables
        self.narrated: list[tuple[int, ProjectFigures]] = []  # (project, the clause of 预算绩效管理情况 on it)
        self.narrated_numbers: set[tuple[int, int]] = set()  # (paragraph, start) of the clauses' figures
        #: the clauses of 预算绩效管理情况 on no project read that print a budget, its 执行数 and the rate of the two
        self.summaries: list[tuple[ProjectFigures, ProjectFigure, ProjectFigure, ProjectFigure]] = []
        #: the 情况说明's 类/款/项 lines when no 表五 prints them: (code or «name» at each level) → the line's fields
        self.lines: dict[tuple[str, ...], dict[str, Any]] = {}
        #: claims about those lines, held once all are known, each with its line's key in ``lines``
        self.line_claims: list[tuple[Claim, Box | None, tuple[str, ...]]] = []

    # -- the whole -------------------------------------------------------------------------------------------
    def build(self) -> Imported:
        doc = self.doc
        imported = read_tables(doc.tables, self.set)
        tables = imported.tables
        self.tables = tables
        for place, box in imported.places.items():
            self.places[f"tables.{place}"] = box
        self.places.update(imported.notes)
        for issue in imported.issues:
            self.issues.append(ReportIssue(issue.box, issue.text, issue.reason))
        for page in doc.image_pages:
            self.issues.append(
                ReportIssue(Box(page, 0.0, 0.0, 0.0, 0.0), "", ImportReason("a scanned page (images, no text layer): not read, as budgetkit does not do OCR", "扫描页（图像，无文字层）：未读入，budgetkit 不做文字识别"))
            )
        self._selfeval(doc)
        paragraphs = doc.paragraphs
        parts = [(i, m.group("n")) for i, p in enumerate(paragraphs) if (m := _PART.match(p.text))]
        start = _body_start(parts, paragraphs)
        body = paragraphs[start:]
        self._unread_selfeval(body)
        unruled = self._unruled(body, tables)
        if unruled:  # printed, so never missing, but not read: no figure of theirs is checked
            tables = self.tables = attrs.evolve(tables, unread=(*tables.unread, *unruled))
        narrative: Narrative | None
        try:
            narrative = read_narrative(doc)
        except NarrativeError as exc:
            narrative = None
            self.issues.append(ReportIssue(None, NO_NARRATIVE, exc.reason))
        unit, year = self._title(paragraphs, parts)
        self.unit, self.year = unit, year
        contents = self._contents(paragraphs, parts, start)
        duties, organisation = self._overview(paragraphs, parts, doc)
        glossary = self._glossary(paragraphs, parts, start)
        passages: list[Passage] = []
        categories: tuple[ExpenseCategory, ...] = ()
        if narrative is not None:
            passages = self._passages(narrative, parts)
            self._match_projects(narrative)
            self._statements(narrative, tables)
            self._narrated()
        categories = self._categories(tables, narrative)
        if narrative is not None:
            self._items(narrative)
        self._from_tables(tables)
        self._category_places(categories, "general_budget.categories")
        self._project_text_claims()  # after every other claim: their numbers stay as they were
        account = self._account(
            unit, year, duties, organisation, contents, tables, passages, glossary, categories
        )
        report = self._report(imported, narrative)
        return Imported(account, report)

    # -- self-evaluation tables --------------------------------------------------------------------------------
    def _selfeval(self, doc: Document) -> None:
        """Each table titled 项目支出绩效自评表 (either layout) into a project, its problems into issues."""
        for table in doc.tables:
            head = [table.title, *(line.text for line in table.heading)]
            head += [cell.text for cell in (table.rows[0] if table.rows else ())]
            own = [table.title, *(cell.text for cell in (table.rows[0] if table.rows else ()))]
            nearest = [table.title, *(line.text for line in table.heading[-1:])]
            texts = table.texts()
            if not any(is_selfeval_title(text) for text in head):
                # no title says so: a project's table all the same when its own cells do (the tables printed one
                # after another under one heading), unless the nearest title names a department's whole spending
                if any(map(is_other_evaluation_title, nearest)) or not is_selfeval_rows(texts):
                    continue
            elif not any(is_selfeval_title(text) for text in own) and any(map(is_other_evaluation_title, nearest)):
                continue  # a department's whole spending (部门整体支出绩效自评表) under a 项目支出绩效自评表 heading
            if table.title is not None:
                self.selfeval_titles.add(table.title)
            where = f"{doc.source} page {table.pages[0]}"
            for rows in split_projects(texts):  # one printed table may hold several projects' tables
                cells = [table.rows[r] for r in rows]
                first = next((cell.box for row in cells for cell in row if cell.box is not None), None)
                try:
                    project = read_selfeval_table([texts[r] for r in rows], source=where)
                except LoadError as exc:
                    self.issues.extend(_selfeval_refused(first, issue) for issue in exc.issues)
                    continue
                if first is not None:
                    self.places[f"projects[{len(self.projects)}]"] = first
                self.projects.append(project)
                self.selfeval_cells.update(
                    cell.box
                    for row in cells
                    for cell in row
                    if cell.box is not None and cell.text and _SELFEVAL_FIGURE.fullmatch(cell.text.replace(" ", ""))
                )

        for project, box in self.apart:
            self.places[f"projects[{len(self.projects)}]"] = box
            self.projects.append(project)

    def _project_text_claims(self) -> None:
        """What a project's own text (goals, results, process, 评价结论) states of its figures, as claims check
        compares (it was read as text only):

        - a completion of counts (组织…鉴定300人，全年完成302人，完成率1.01%): a claim ``ratio`` of the two counts as
          printed (302/300 is 100.67%, not 1.01%): a number with its unit, 完成 the same unit;
        - its self-evaluation score (较好完成年度目标及预算指标，自评100分): a claim ``score`` on the project, which
          check compares with its table's total score.
        """
        for i, project in enumerate(self.projects):
            key, section = project.code or project.name, f"项目:{project.code or project.name}"
            for text in (project.goals, project.results, project.process, project.conclusion):
                # read through half-width numbers (character for character: a span is the printed text's too)
                read = half_width_numbers(text)
                for m in _COUNT_COMPLETION.finditer(read):
                    claim = Claim(kind="ratio", subject=m.group("done"), stated=Decimal(m.group("rate")),
                                  base=m.group("planned"), text=text[m.start() : m.end()], section=section)  # fmt: skip
                    self._add_claim(claim, self.places.get(f"projects[{i}]"))
                for m in _OWN_SCORE.finditer(read):
                    claim = Claim(kind="score", subject=f"projects[{key}]", stated=Decimal(m.group("score")),
                                  text=text[m.start() : m.end()], section=section)  # fmt: skip
                    self._add_claim(claim, self.places.get(f"projects[{i}]"))

    def _match_projects(self, narrative: Narrative) -> None:
        """The clause of 预算绩效管理情况 that describes each project: the one clause printing the project's
        调整预算 and 决算 (both, and no other clause the same two)."""
        clauses = performance_projects(narrative)
        for i, project in enumerate(self.projects):
            total = project.funds.total
            if total.adjusted is None or total.executed is None:
                continue
            same = [
                c for c in clauses
                if c.value("adjusted") == total.adjusted.amount and c.value("executed") == total.executed.amount
            ]
            if len(same) == 1:
                self.narrated.append((i, same[0]))
                self.narrated_numbers.update((same[0].paragraph, f.number) for f in same[0].figures)
        described = {id(clause) for _, clause in self.narrated}
        for clause in clauses:
            if id(clause) not in described and (summary := _summary(clause, self.doc.paragraphs[clause.paragraph].text)):
                self.summaries.append((clause, *summary))
                self.narrated_numbers.update((clause.paragraph, f.number) for f in summary)

    def _narrated(self) -> None:
        """Each described project takes the clause's kind (a table prints no 项目类别) and use (``主要用于…``,
        when the table has none), and every figure the clause prints about it is a claim of the account
        (``amount`` of ``projects[<code>].funds.total.<phase>``, ``completion`` of the 执行率), placed on its line."""
        for i, clause in self.narrated:
            project = self.projects[i]
            kind = ProjectKind(clause.kind) if clause.kind else project.kind
            self.projects[i] = attrs.evolve(project, kind=kind, use=project.use or clause.use)
            key = f"projects[{project.code or project.name}]"
            paragraph = self.doc.paragraphs[clause.paragraph]
            for figure in clause.figures:
                printed = paragraph.text[figure.start : figure.end]
                lines = _lines_in(paragraph, figure.start, figure.end)
                if figure.role == "rate":
                    claim = Claim(kind="completion", subject=key, stated=figure.value, text=printed, section=clause.section)
                else:
                    subject = f"{key}.funds.total.{figure.role}"
                    claim = Claim(kind="amount", subject=subject, stated=figure.value, text=printed, section=clause.section)
                self._add_claim(claim, lines[0].box if lines else None)
        for clause, budget, executed, rate in self.summaries:
            paragraph = self.doc.paragraphs[clause.paragraph]
            start, end = min(budget.start, executed.start, rate.start), max(budget.end, executed.end, rate.end)
            lines = _lines_in(paragraph, start, end)
            point = _point(paragraph.text)
            section = clause.section if point is None else f"{clause.section}{point}"
            claim = Claim(kind="completion", subject=plain(executed.value), stated=rate.value, base=plain(budget.value),
                          text=paragraph.text[start:end], section=section)  # fmt: skip
            self._add_claim(claim, lines[0].box if lines else None)

    # -- front matter --------------------------------------------------------------------------------------------
    def _title(self, paragraphs: Sequence[Paragraph], parts: list[tuple[int, str]]) -> tuple[str, int]:
        """The unit and year from the cover (the paragraphs before the 目录), else from the 第三部分 heading."""
        cover_end = next((i for i, p in enumerate(paragraphs) if p.text.replace(" ", "") in ("目录", "目 录")), None)
        if cover_end is None:
            cover_end = parts[0][0] if parts else len(paragraphs)  # no parts (a workbook): all is the cover
        cover = [p.text for p in paragraphs[:cover_end]]
        # a note under the title (注：2023年决算数为…) is no part of it: a 部门预算's cover joined with its note was read
        # as a 决算's title, its unit "…2024年度部门预算注： 2023"
        cover = cover[: next((i for i, text in enumerate(cover) if i and is_note(text)), len(cover))]
        # the shortest run of the cover's first paragraphs that reads as a title (one printed over several lines
        # is read whole; a cover with no 目录 and no parts never runs into the text after its title)
        candidates = ["".join(cover[:n]) for n in range(1, min(len(cover), _COVER_LINES + 1))] + ["".join(cover)]
        candidates += [_PART.sub("", paragraphs[i].text).strip() for i, n in parts if n == "三"]
        for text in candidates:
            text = _LETTER_SPACED.sub("", text.strip())  # a cover set with letter spacing: 2 0 2 4 年 度 部 门 决 算
            text = _ZH_YEAR.sub(lambda m: m.group(0).translate(_ZH_DIGITS), text)
            if m := _TITLE.match(text) or _TITLE_YEAR_FIRST.match(text):
                if int(m.group("year")) not in model.YEARS:  # a slip (2923年度): no other line is taken for the title
                    years = f"{model.YEARS[0]}–{model.YEARS[-1]}"
                    raise LoadError(
                        self.doc.source,
                        [LoadIssue("title", f"the title's year {m.group('year')} is not a year of {years}")],
                    )
                return _UNIT_LABEL.sub("", m.group("unit")).strip(), int(m.group("year"))
        if any(_BUDGET_TITLE.search(text) and "决算" not in text for text in candidates):
            raise LoadError(self.doc.source, [LoadIssue("title", BUDGET_REFUSED)])
        # no title: the tables alone (Yunnan's attached 部门决算公开表), their unit on their 部门：… line, the year in the
        # file's name
        lines = [line.text for table in self.doc.tables for line in table.heading] + [p.text for p in paragraphs]
        named = [Path(self.doc.source).stem, *lines]
        if any(map(is_budget_title, named)) and not any("决算" in text for text in named):
            raise LoadError(self.doc.source, [LoadIssue("title", BUDGET_REFUSED)])  # a budget's tables (部门收支预算总表 …)
        unit = next((m.group("name") for text in lines if (m := _MAKER_NAME.match(text))), None)
        year = year_of_name(self.doc.source, lines)
        if unit is not None and year is not None and year in model.YEARS:
            return unit, year
        raise LoadError(
            self.doc.source,
            [
                LoadIssue(
                    "title",
                    "no unit and year (…YYYY 年度部门决算) on the cover or in 第三部分, nor a 部门：… line above a table "
                    "and the year in the file's name",
                )
            ],
        )

    def _contents(self, paragraphs: Sequence[Paragraph], parts: list[tuple[int, str]], body: int) -> tuple[str, ...]:
        """The 目录 as printed: the paragraphs from the first part heading up to where the parts start again (``body``,
        :func:`_body_start`; each in its printed words, not as :func:`~budgetkit.io.document.national_layout`
        renumbers it)."""
        if len(parts) < 2 or not body:
            return ()
        return tuple("".join(line.text for line in p.lines) for p in paragraphs[parts[0][0] : body])

    def _overview(self, paragraphs: Sequence[Paragraph], parts: list[tuple[int, str]], doc: Document) -> tuple[str, str]:
        """第一部分: the duties (一、) and the organisation (二、, with its table of units)."""
        starts = [i for i, n in parts if n == "一"]
        if len(starts) < 1:
            return "", ""
        start = starts[-1]
        end = next((i for i, _ in parts if i > start), len(paragraphs))
        duties: list[str] = []
        organisation: list[str] = []
        current: list[str] | None = None
        stop = end
        for k, paragraph in enumerate(paragraphs[start + 1 : end], start=start + 1):
            text = paragraph.text
            if re.match(r"^\s*一、", text):
                current = duties
                continue
            if re.match(r"^\s*二、", text):
                current = organisation
                continue
            if _table_heading(text):  # the tables follow 第一部分 with no 第二部分 heading (Shanghai's body)
                stop = k
                break
            if current is not None:
                current.append(text)
        pages = {p for paragraph in paragraphs[start:stop] for p in paragraph.pages}
        known = {_norm_title(title) for t in self.set.templates for title in (t.title, *t.other_titles)}
        # a table printed between 第一部分 and what follows it (a web page is one page: every table is on it, 表七 of
        # Yunnan's 决算表 was taken into the organisation's text)
        since, until = _place(paragraphs[start]), _place(paragraphs[stop]) if stop < len(paragraphs) else None
        for table in doc.tables:
            at = next((_at(c.box) for row in table.rows for c in row if c.box is not None), None)
            inside = at is None or since is None or (since <= at and (until is None or at < until))
            if set(table.pages) & pages and inside and _norm_title(table.title or "") not in known:
                organisation.extend(" ".join(t or "" for t in row).strip() for row in table.texts())
        return "\n".join(duties), "\n".join(organisation)

    def _unruled(self, body: Sequence[Paragraph], tables: Tables) -> list[str]:
        """An issue for each table of the set whose title is printed as a line of text in the body (not in the 目录)
        with no table read for it: a table printed as a picture, or without ruling lines and with its words not lined
        up in columns beyond doubt, whose cells are not read (they are counted
        as kept in text), so that the missing table is explained where it is printed. Returns their keys: printed, so
        never to be reported missing."""
        titles = {_norm_title(title): t.key for t in self.set.templates for title in (t.title, *t.other_titles)}
        read = {t.key for t in tables.tables} | set(tables.unread)
        found: list[str] = []
        for paragraph in body:
            # the title with its number after it on one line (收入支出决算表公开01表: 公开01表 printed below it, and joined)
            key = titles.get(_norm_title(paragraph.text)) or titles.get(_norm_title(without_table_tag(paragraph.text)))
            if key is not None and key not in read:
                read.add(key)  # once per table
                found.append(key)
                self.issues.append(ReportIssue(paragraph.lines[0].box, paragraph.text.strip(), UNRULED))
        return found

    def _unread_selfeval(self, body: Sequence[Paragraph]) -> None:
        """When no project was read, an issue for each self-evaluation table title printed as a line of text in the
        body (or as the heading of the part they make): tables printed as pictures, or without ruling lines, whose
        projects would else be lost without a word. (A table read takes its title into its heading; a text export's
        tables are read apart.)"""
        if self.projects:
            return
        for paragraph in body:
            text = _PART.sub("", paragraph.text).strip()
            if len(text) <= _SELFEVAL_TITLE_LENGTH and not text.endswith(_SENTENCE_ENDS) and is_selfeval_title(text):
                self.issues.append(ReportIssue(paragraph.lines[0].box, text, SELFEVAL_UNREAD))

    def _glossary(self, paragraphs: Sequence[Paragraph], parts: list[tuple[int, str]], body: int) -> tuple[GlossaryEntry, ...]:
        """第四部分 名词解释: "一、term：definition" paragraphs after the 目录 (from ``body``, :func:`_body_start`: a part
        heading listed in the 目录 is not the part), not a 第四部分 that names another part (Beijing's 第四部分
        部门绩效评价情况)."""
        starts = [i for i, n in parts if n == "四" and i >= body and not _NOT_GLOSSARY.search(paragraphs[i].text)]
        if not starts:
            return ()
        end = next((i for i, _ in parts if i > starts[-1]), len(paragraphs))
        entries: list[GlossaryEntry] = []
        for paragraph in paragraphs[starts[-1] + 1 : end]:
            m = _GLOSSARY.match(paragraph.text)
            if m is None:
                if entries:  # a definition continued in a paragraph of its own
                    last = entries[-1]
                    entries[-1] = GlossaryEntry(term=last.term, definition=last.definition + paragraph.text)
                else:
                    self.issues.append(ReportIssue(paragraph.lines[0].box, paragraph.text[:40], ImportReason("a 名词解释 paragraph without a term", "没有名词的名词解释段落")))
                continue
            term = m.group("path") or m.group("term")
            entries.append(GlossaryEntry(term=term.strip(), definition=m.group("definition").strip()))
        return tuple(entries)

    # -- the 情况说明 ----------------------------------------------------------------------------------------------
    def _passages(self, narrative: Narrative, parts: list[tuple[int, str]]) -> list[Passage]:
        """Each section's heading and its body (joined with a line break), the 第三部分 heading first."""
        indexes = sorted({s.paragraph for s in narrative.statements} | set(self._narrative_range()))
        passages: list[tuple[str, list[str], Box]] = []
        section = ""
        for index in indexes:
            paragraph = self.doc.paragraphs[index]
            text = paragraph.text
            label = _section_of(text, section)
            heading = bool(_PART.match(text) or _SECTION.match(text) or _ITEM.match(text))
            if heading or not passages:
                passages.append((label, [text], paragraph.lines[0].box))
                section = label
                continue
            head = passages[-1][1]
            if len(head) == 1 and (_SECTION.match(head[0]) and not head[0].rstrip().endswith("：")):
                head.append("\n" + text)
            else:
                head.append(text)
        out: list[Passage] = []
        for label, texts, box in passages:
            self.places[f"passages[{len(out)}]"] = box
            out.append(Passage(section=label, text="".join(texts)))
        return out

    def _narrative_range(self) -> range:
        return narrative_range(self.doc.paragraphs) or range(0)

    def _statements(self, narrative: Narrative, tables: Tables) -> None:
        """Figures and claims from the statements; what the model cannot hold is an issue."""
        counts: dict[tuple[int, str], int] = {}
        statements = _of_general_budget(narrative.statements, tables)
        self.narrative_statements = statements
        events = [s for s in statements if isinstance(s, Event)]
        for statement in statements:
            boxes = narrative.boxes(statement)
            box = boxes[0] if boxes else None
            section = self._claim_section(statement)
            if (
                isinstance(statement, Amount | Change | Share | Completion | Count)
                and (statement.paragraph, statement.figure.start) in self.narrated_numbers
            ):
                continue  # a figure of a project the 预算绩效管理情况 describes: one of its claims (_narrated)
            if (
                isinstance(statement, Amount | Change | Share | Completion)
                and narrative.in_performance(statement)
                and not statement.subject.key.startswith("performance.")
                and statement.figure.value is not None
            ):
                printed = self.doc.paragraphs[statement.paragraph].text[statement.start : statement.end]
                self._not_held(box, printed, ImportReason("a figure of 预算绩效管理情况, which describes projects, not the account's figures", "预算绩效管理情况中的数字：说的是项目，不是账户的数字"))
            elif isinstance(statement, Amount):
                self._amount(statement, box)
            elif isinstance(statement, Change | Share | Completion):
                self._claim(statement, box, section, tables)
            elif isinstance(statement, Event):
                self._event(statement, box)
            elif isinstance(statement, Reason) and not narrative.in_performance(statement):
                self._explanation(statement, box, section)
            elif (
                isinstance(statement, Count)
                and statement.subject.key in ("three_public.reception.domestic", "three_public.reception.all")
                and events
                and not narrative.in_performance(statement)
            ):
                self._reception_count(statement, box, section)
            elif (
                isinstance(statement, Count)
                and not narrative.in_performance(statement)
                and (field := _COUNTS_BY_UNIT.get(statement.subject.key, {}).get(statement.figure.unit)) is not None
                and _whole(statement.figure.value)
            ):
                self._set(field, int(statement.figure.value), box)  # 共接待国内来访团组 10 个、来宾 60 人次
            elif isinstance(statement, Count):
                key = (statement.paragraph, statement.subject.key)
                nth = counts.get(key, 0)
                counts[key] = nth + 1
                fields = _COUNTS.get(statement.subject.key, ())
                by_name = _BY_NAME.get("vehicles.*" if statement.subject.key.startswith("vehicles.") else statement.subject.key)
                if by_name is not None and statement.figure.unit == "辆" and _whole(statement.figure.value):
                    pairs = self.values.setdefault(by_name, [])
                    pairs.append((statement.subject.name, int(statement.figure.value)))
                    self._place(f"{by_name}[{len(pairs) - 1}]", box)
                elif nth < len(fields) and _whole(statement.figure.value):
                    self._set(fields[nth], int(statement.figure.value), box)
                else:
                    self._not_held(box, f"{statement.subject.name} {statement.figure}", ImportReason("a count no field of the account holds", "账户中没有字段容纳的数量"))

    def _event(self, event: Event, box: Box | None) -> None:
        """One 国内公务接待 of 七's dated list: an event of ``three_public.events`` (a list without its year
        printed is of the report's year)."""
        value = event.cost.value
        cost = None if value is None else value if event.cost.unit == "元" else value * 10000
        try:
            day = datetime.date(event.year or self.year, event.month, event.day)
        except ValueError:
            day = None
        if day is None or cost is None or cost != round(cost, 2):
            printed = self.doc.paragraphs[event.paragraph].text[event.start : event.end]
            self._not_held(box, printed[:40], ImportReason("a 公务接待 whose date or cost (to the fen) is not one", "日期或费用（精确到分）不成立的公务接待"))
            return
        events = self.values.setdefault("three_public.events", [])
        self._place(f"three_public.events[{len(events)}]", box)
        events.append(
            ReceptionEvent(date=day.isoformat(), party=event.party, persons=event.persons, cost_yuan=cost, purpose=event.purpose)
        )

    def _explanation(self, reason: Reason, box: Box | None, section: str) -> None:
        """A reason that lists signed amounts (主要变动原因是：人员支出增加50.47万（…）；公用经费减少2.74万元) after
        the change of a figure it explains (…增加66.02万元): that change's explanation, not ``exhaustive`` (the list
        may name only the main reasons). Kept only where the list can be a sum: its items differ in sign (a net
        change broken down), or they add up to the change within their rounding; a bracketed list likewise."""
        subject = reason.subject
        items = breakdown(reason.text)
        if subject is None or items is None:
            return
        changes = [
            s for s in self._statements_of(reason.paragraph)
            if isinstance(s, Change) and s.subject == subject and s.end <= reason.start and not s.is_rate
            and s.figure.unit == "万元" and s.figure.value is not None and s.budget is None and not s.baseline
        ]  # fmt: skip
        path = self._path(subject.key, changes[-1]) if changes else None
        if path is None:
            return
        change = changes[-1]
        assert change.figure.value is not None
        signed = -change.figure.value if change.word.startswith(("减少", "下降", "降低")) else change.figure.value
        if not _may_sum(signed, items):
            return
        contributions = tuple(_contribution(item) for item in items)
        self.explained_numbers += sum(_numbers(c) for c in contributions)
        self._place(f"explanations[{len(self.explanations)}]", box)
        self.explanations.append(
            ChangeExplanation(subject=path, change=signed, contributions=contributions, section=section, exhaustive=False)
        )

    def _reception_count(self, statement: Count, box: Box | None, section: str) -> None:
        """国内公务接待 N 批次，M 人次 (全年共计接待…) where 七 lists the events: claims of their number and persons."""
        value = statement.figure.value
        if not _whole(value) or statement.figure.unit not in ("批次", "人次", "人"):
            self._not_held(box, f"{statement.subject.name} {statement.figure}", ImportReason("a count no field of the account holds", "账户中没有字段容纳的数量"))
            return
        printed = self.doc.paragraphs[statement.paragraph].text[statement.start : statement.end]
        kind, subject = ("count", "three_public.events") if statement.figure.unit == "批次" else ("sum", "three_public.events[*].persons")
        self._add_claim(Claim(kind=kind, subject=subject, stated=value, text=printed, section=section), box)

    def _add_claim(self, claim: Claim, box: Box | None) -> None:
        """A claim of the account, placed where it is printed."""
        self._place(f"claims[{len(self.claims)}]", box)
        self.claims.append(claim)

    def _not_held(self, box: Box | None, text: str, reason: ImportReason) -> None:
        """A statement read but held by no field of the account: an issue, and its number is not imported."""
        self.not_held += 1
        self.issues.append(ReportIssue(box, text, reason))

    def _claim_section(self, statement: Statement) -> str:
        point = _point(self.doc.paragraphs[statement.paragraph].text)
        return statement.section if point is None else f"{statement.section}{point}"

    def _path(self, key: str, statement: Amount | Change | Share | Completion) -> str | None:
        subject = statement.subject
        if subject.path is not None and key.startswith("general_budget.") and key.split(".")[1] in ("class", "section", "item"):
            code = subject.path.code or self._resolve(statement)
            return None if code is None else f"general_budget.categories[{code}]"
        if key == "income.fiscal" and _only_general_budget(self.tables, self.narrative_statements):
            return "income.general_budget"  # 财政拨款收入 is all 一般公共预算: the account's field for it
        paths = _FIGURES.get(key)
        return paths[0] if paths else None

    def _resolve(self, statement: Amount | Change | Share | Completion) -> str | None:
        """The code of a 项 path the classification cannot resolve (its printed names differ from the tables').

        It is looked up in 表五 under its resolved 类: by its printed name, else as the one 项 of that 类
        whose 决算 is the figure the same paragraph prints as 支出决算 — an inference, reported as an issue.
        """
        if statement.paragraph in self.resolved:
            return self.resolved[statement.paragraph]
        code: str | None = None
        path = statement.subject.path
        table = self.tables.table("general_budget_expenditure")
        parent = next((c for c in reversed(path.codes) if c is not None), None) if path is not None else None
        if path is not None and table is not None and parent is not None and len(path.names) == 3:
            items = [r for r in table.rows if r.code is not None and len(r.code) == 7 and r.code.startswith(parent)]
            named = [r.code for r in items if r.name == path.names[-1]]
            actual = next(
                (
                    s.figure.value
                    for s in self._statements_of(statement.paragraph)
                    if isinstance(s, Amount) and s.role is Role.ACTUAL
                ),
                None,
            )
            by_amount = [r.code for r in items if actual is not None and r.cells and r.cells[0].value == actual]
            if len(named) == 1:
                code = named[0]
            elif len(by_amount) == 1:
                code = by_amount[0]
                lines = self.doc.paragraphs[statement.paragraph].lines
                self.issues.append(
                    ReportIssue(
                        lines[0].box if lines else None,
                        str(path),
                        ImportReason(f"a 项 path the tables do not print by these names: matched to {code} by its 决算 {actual}", f"表中未按这些名称列出的项：按其决算数{actual}对应到{code}"),
                    )
                )
        self.resolved[statement.paragraph] = code
        return code

    def _statements_of(self, paragraph: int) -> list[Statement]:
        return [s for s in self.narrative_statements if s.paragraph == paragraph]

    def _amount(self, statement: Amount, box: Box | None) -> None:
        figure = statement.figure
        if figure.value is None:
            return
        value = figure.value if (wan := figure.wan) is None else wan  # 元 in 万元, its printed places kept
        key = statement.subject.key
        if key in _PRINTED_PARTS and any(
            isinstance(s, Share) and s.subject == statement.subject and s.start >= statement.end
            for s in self._statements_of(statement.paragraph)
        ):
            return  # the amount of a share's part: the share's claim holds it (_printed_part)
        narrated = self._narrated_line(statement)
        path = None if narrated else self._path(key, statement)
        if value < 0 and (narrated or (path is not None and path.startswith("general_budget.categories["))):
            # a 类/款/项 line spends no negative amount (−2739.56: a minus typed by mistake); its value is not known
            self._not_held(box, f"{statement.subject.name} {figure}", ImportReason("a negative amount of a 类/款/项 line, which no line holds", "类/款/项的负数金额，无行容纳"))
            return
        if narrated:
            self._line_amount(statement, value, box)
            return
        if path is not None and path.startswith("general_budget.categories["):
            code = path[len("general_budget.categories[") : -1]
            field = {Role.ACTUAL: "actual", Role.OPENING_BUDGET: "budget", Role.FULL_YEAR_BUDGET: "budget"}.get(statement.role)
            if field is None:
                self._not_held(box, str(figure), ImportReason(f"a {statement.role.value} of {statement.subject.name} the account has no field for", f"{statement.subject.name}的{statement.role.value}，账户中没有相应字段"))
                return
            lines = self.values.setdefault("categories", {})
            line = lines.setdefault(code, {})
            if field not in line or statement.role is Role.FULL_YEAR_BUDGET:
                line[field] = value
                line["printed"] = str(statement.subject.path)
                line["name"] = statement.subject.path.names[-1] if statement.subject.path else ""
                self._place(f"{path}.{field}", box)
            return
        # 财政拨款收入 is the account's 一般公共预算 where that is all of it, else a figure of its own (see _path)
        paths = (_FIGURES.get(key) if key != "income.fiscal" else None) or ((path,) if path else ())
        if not paths:
            self._not_held(box, f"{statement.subject.name} {figure}", ImportReason("an amount no field of the account holds", "账户中没有字段容纳的金额"))
            return
        if statement.role is Role.LAST_YEAR and statement.year not in (None, self.year - 1):
            self._not_held(box, str(figure), ImportReason(f"an amount of {statement.year}, not of the year before the account's", f"{statement.year}年的金额，不是上一年度的"))
            return
        field = {
            Role.ACTUAL: "current",
            Role.OPENING_BUDGET: "budget",
            Role.FULL_YEAR_BUDGET: "budget",
            Role.BUDGET: "budget",
            Role.LAST_YEAR: "previous",
        }[statement.role]
        first = self.values.get(f"{paths[0]}.{field}")
        if (
            field in ("current", "previous")
            and first is not None
            and first != value
            and paths[0] in _RESTATED
            and (field == "previous" or not self._of_another_year(statement))
            and not _loose_total(paths[0], statement)
        ):
            # the figure printed again, otherwise (本年支出合计 425.00 in 一, 435.00 in 三; last year's 954.70 in 四,
            # 955.70 in 五（一）): the first printing is the account's, the other a claim that check compares with it
            printed = self.doc.paragraphs[statement.paragraph].text[statement.start : statement.end]
            subject = paths[0] if field == "current" else f"{paths[0]}.previous"
            self._add_claim(Claim(kind="amount", subject=subject, stated=value, text=printed, section=self._claim_section(statement)), box)
            return
        if field in ("current", "previous") and first is not None and first != value:
            # another figure after the subject's own (…总额 2,110.02 万元，其中：货物类采购 1,245.30 万元…, a part the
            # grammar has no name for): not the subject's, and not silently counted as imported
            self._not_held(box, f"{statement.subject.name} {figure}", ImportReason(f"a second figure of {statement.subject.name}, not the {first} printed first", f"{statement.subject.name}的第二个数字，与先印的{first}不同"))
            return
        for path in paths:
            if statement.role is Role.FULL_YEAR_BUDGET:  # the 全年预算 (adjusted) is the budget a completion is of
                self.values.pop(f"{path}.{field}", None)
            self._set(f"{path}.{field}", value, box)

    def _of_another_year(self, statement: Amount) -> bool:
        """Whether the clause of an amount names a year other than the account's (2022年度为 5.00 万元, 上年…)."""
        text = self.doc.paragraphs[statement.paragraph].text
        start = max(text.rfind(mark, 0, statement.start) for mark in "。；，;,") + 1
        clause = text[start : statement.start]
        return bool(re.search(r"上一?年|去年", clause)) or any(
            int(m.group(1)) != self.year for m in re.finditer(r"(\d{4})\s*年", clause)
        )

    # -- 类/款/项 lines of the 情况说明, when no 表五 prints them ----------------------------------------------------
    def _narrated_line(self, statement: Amount | Change | Share | Completion) -> bool:
        """Whether a statement is about a 类/款/项 line of 五 in a report that prints no 表五 (Sichuan publishes
        its tables apart): the 情况说明's lines are then the account's (:meth:`_line`)."""
        return (
            statement.subject.path is not None
            and statement.subject.key in ("general_budget.class", "general_budget.section", "general_budget.item")
            and self.tables.table("general_budget_expenditure") is None
        )

    def _line(self, statement: Amount | Change | Share | Completion) -> dict[str, Any]:
        """The line a printed path names, with its parents: 五（二）'s 类 (社会保障和就业支出 980 万元) and 五（三）'s
        类/款/项 paths are one tree. A name is the same line as another when the classification gives both one
        code (医疗卫生和计划生育支出 is 卫生健康支出, 210), or when both print it alike; a line keeps the name
        it is first printed with. No code is printed, so none is kept (``code`` is ``None``)."""
        path = statement.subject.path
        assert path is not None
        key: tuple[str, ...] = ()
        line: dict[str, Any] = {}
        for depth, name in enumerate(path.names):
            key = (*key, path.codes[depth] or f"«{name}»")
            line = self.lines.setdefault(
                key,
                {"level": "类款项"[depth], "name": name, "printed": "", "actual": None, "budget": None, "use": "", "boxes": {}, "key": key},
            )
        if len(path.names) == 3 and not line["printed"]:
            line["printed"] = str(path)
        return line

    def _line_amount(self, statement: Amount, value: Decimal, box: Box | None) -> None:
        """An amount of a 类/款/项 line printed in the 情况说明 (its first printing in each role is kept), and the
        use its numbered point prints (``主要用于…``)."""
        field = {Role.ACTUAL: "actual", Role.OPENING_BUDGET: "budget", Role.FULL_YEAR_BUDGET: "budget"}.get(statement.role)
        if field is None:
            self._not_held(box, str(statement.figure), ImportReason(f"a {statement.role.value} of {statement.subject.name} the account has no field for", f"{statement.subject.name}的{statement.role.value}，账户中没有相应字段"))
            return
        line = self._line(statement)
        if line[field] is None or (statement.role is Role.FULL_YEAR_BUDGET and field == "budget"):
            line[field] = value
            line["boxes"][field] = box
        text = self.doc.paragraphs[statement.paragraph].text
        if line["level"] == "项" and not line["use"] and _ITEM.match(text):
            if m := _PURPOSE.search(text):
                line["use"] = m.group("use")
            elif m := _PURPOSE_RUN_ON.search(text):  # 主要用于保障…支出。 (no colon): the sentence as printed
                line["use"] = m.group()

    def _narrated_categories(self) -> tuple[ExpenseCategory, ...]:
        """The tree of the 情况说明's 类/款/项 lines (:meth:`_line`), in the order first printed, each figure
        placed on its line; and the claims about them, by name, or by the line's place in the tree where two
        lines print one name (两个 行政运行 under two 款, a 款 and its 项 both 其他教育支出: their printed paths tell
        them apart, as no code is printed)."""
        prefixes: dict[tuple[str, ...], str] = {}

        def make(key: tuple[str, ...], prefix: str) -> ExpenseCategory:
            prefixes[key] = prefix
            line = self.lines[key]
            for field, box in line["boxes"].items():
                self._place(f"{prefix}.{field}", box)
            first = line["boxes"].get("actual") or line["boxes"].get("budget")
            self._place(prefix, first)
            children = [k for k in self.lines if len(k) == len(key) + 1 and k[: len(key)] == key]
            return ExpenseCategory(
                level=line["level"],
                name=line["name"],
                printed=line["printed"],
                actual=line["actual"],
                budget=line["budget"],
                use=line["use"],
                children=tuple(make(k, f"{prefix}.children[{j}]") for j, k in enumerate(children)),
            )

        tree = tuple(make(k, f"general_budget.categories[{i}]") for i, k in enumerate(k for k in self.lines if len(k) == 1))
        names = Counter(line["name"] for line in self.lines.values())
        for claim, box, key in self.line_claims:
            if names[self.lines[key]["name"]] > 1:
                claim = attrs.evolve(claim, subject=prefixes[key])
            self._add_claim(claim, box)
        return tree

    def _place(self, path: str, box: Box | None, *, replace: bool = True) -> None:
        """Keep the place of the value at ``path`` (nothing when the place is unknown)."""
        if box is not None and (replace or path not in self.places):
            self.places[path] = box

    def _set(self, path: str, value: Any, box: Box | None) -> None:
        """Keep the first printing of a figure (the 情况说明's sections print the totals first)."""
        if path in self.values:
            return
        self.values[path] = value
        if box is not None:
            self.places[path.removesuffix(".current")] = box

    def _claim(self, statement: Change | Share | Completion, box: Box | None, section: str, tables: Tables) -> None:
        figure = statement.figure
        if figure.value is None:
            return
        printed = self.doc.paragraphs[statement.paragraph].text[statement.start : statement.end]
        if self._narrated_line(statement):
            path: str | None = f"general_budget.categories[{self._line(statement)['name']}]"
        else:
            path = self._path(statement.subject.key, statement)
        if statement.subject.key == "income.fiscal" and _only_general_budget(tables, self.narrative_statements):
            path = "income.general_budget"
        if isinstance(statement, Share) and statement.subject.key in _PRINTED_PARTS:
            path = self._printed_part(statement)
        if path is None:
            self._not_held(box, printed, ImportReason(f"a claim about {statement.subject.name}, which the account has no path for", f"关于{statement.subject.name}的表述，账户中没有相应路径"))
            return
        base: str | None = None
        if isinstance(statement, Change) and statement.budget is not None:
            self._not_held(box, printed, ImportReason(f"a change against the {statement.budget.value}, which check compares with the 决算 (narrative.budget_change)", f"与{statement.budget.value}相比的增减，check 将其与决算数比较（narrative.budget_change）"))
            return
        if isinstance(statement, Change) and statement.baseline:
            self._not_held(box, printed, ImportReason(f"a change against {statement.compared_with}, a base year the account holds no figure of", f"与{statement.compared_with}相比的增减，账户中没有该基年的数字"))
            return
        if isinstance(statement, Change):
            kind = "growth" if statement.is_rate else "change"
            # a change printed in 元 is held in 万元, as the figure it changes is (its printed digits kept)
            stated = figure.value if statement.is_rate or (wan := figure.wan) is None else wan
            stated = -stated if statement.word.startswith(("减少", "下降", "降低")) else stated
        elif isinstance(statement, Share):
            kind = "share"
            stated = figure.value
            if statement.of is None or not (base := self._path(statement.of.key, statement) or ""):
                self._not_held(box, printed, ImportReason("a share of a whole the account has no path for", "占比的总数在账户中没有相应路径"))
                return
            if base == path:  # the part is not a subject the grammar knows: the share was given to the whole
                self._not_held(box, printed, ImportReason("a share whose part is not a subject the grammar knows", "占比的部分不是语法认识的主语"))
                return
        else:
            kind = "completion"
            stated = figure.value
            base = self._completion_base(statement, path)
        claim = Claim(kind=kind, subject=path, stated=stated, base=base, text=printed, section=section)
        if self._narrated_line(statement):
            self.line_claims.append((claim, box, self._line(statement)["key"]))  # held once every line is known
            return
        self._add_claim(claim, box)

    def _printed_part(self, share: Share) -> str | None:
        """The amount printed for a share's part just before it (科学技术支出 6424.81 万元，占 71.29%), in 万元: the
        share's literal subject. None when none is printed there."""
        amounts = [
            s for s in self._statements_of(share.paragraph)
            if isinstance(s, Amount) and s.subject == share.subject and s.end <= share.start and s.role is Role.ACTUAL
        ]  # fmt: skip
        if not amounts or (value := amounts[-1].figure.value) is None:
            return None
        return plain(value if (wan := amounts[-1].figure.wan) is None else wan)

    def _completion_base(self, statement: Completion, path: str) -> str | None:
        """The budget a completion names (完成年初预算的…%), as its paragraph prints it, when the account holds
        another budget for the figure (a 全年预算 printed beside it is the one kept): a literal base, so that the
        rate is checked against the budget it names (年初预算为 0 万元，全年预算为 321.02 万元 … 完成年初预算的
        95.89%: a rate of a zero base). None when the budget held is the one named, or none is printed."""
        if statement.of not in (Role.OPENING_BUDGET, Role.FULL_YEAR_BUDGET):
            return None
        named = [
            s.figure.value
            for s in self._statements_of(statement.paragraph)
            if isinstance(s, Amount) and s.role is statement.of and s.subject == statement.subject
            and s.end <= statement.start and s.figure.unit == "万元" and s.figure.value is not None
        ]  # fmt: skip
        if not named:
            return None
        if self._narrated_line(statement):
            held = self._line(statement)["budget"]
        elif path.startswith("general_budget.categories["):
            held = self.values.get("categories", {}).get(path[len("general_budget.categories[") : -1], {}).get("budget")
        else:
            held = self.values.get(f"{path}.budget")
        return None if held is None or held == named[-1] else str(named[-1])

    def _items(self, narrative: Narrative) -> None:
        """六: the economic items 人员经费 and 公用经费 each 主要包括, as printed."""
        for index in sorted({s.paragraph for s in narrative.statements if s.section == "六"}):
            text = self.doc.paragraphs[index].text
            for subject, field in (("人员经费", "personnel_items"), ("公用经费", "public_use_items")):
                if m := re.search(subject + r"[^；。]*?主要包括[：:]\s*(?P<items>[^；。]*)", text):
                    items = [item.strip() for item in m.group("items").split("、") if item.strip()]
                    self.values.setdefault(f"general_budget.{field}", tuple(items))

    # -- tables and categories -----------------------------------------------------------------------------
    def _from_tables(self, tables: Tables) -> None:
        for path, (table, row, column) in _TABLE_FIGURES.items():
            cell = tables.cell(table, row, column)
            # a cell the table prints gives the figure; a printed blank means nothing, 0 (DOMAIN §8)
            if cell is not None and f"{path}.current" not in self.values:
                self.values[f"{path}.current"] = cell.value
                self._place(path, self.places.get(f"tables.{Place(table, row, column)}"), replace=False)
        for path, (table, row, column) in _TABLE_BUDGETS.items():
            cell = tables.cell(table, row, column)
            if _printed(cell) and f"{path}.budget" not in self.values:
                self.values[f"{path}.budget"] = cell.value
                self._place(f"{path}.budget", self.places.get(f"tables.{Place(table, row, column)}"), replace=False)
        for path, (table, row, column) in _TABLE_COUNTS.items():
            cell = tables.cell(table, row, column)
            # a count printed whole (a count field holds no 1.5, no −1: such a cell is left in the table alone)
            if _printed(cell) and _whole(cell.value) and cell.value >= 0 and path not in self.values:
                self.values[path] = int(cell.value)
                self._place(path, self.places.get(f"tables.{Place(table, row, column)}"), replace=False)

    def _categories(self, tables: Tables, narrative: Narrative | None) -> tuple[ExpenseCategory, ...]:
        """The 类/款/项 of 表五, with the 情况说明's printed names, amounts, budgets and uses where it prints them."""
        table = tables.table("general_budget_expenditure")
        if table is None:
            return self._narrated_categories()
        lines: dict[str, dict[str, Any]] = self.values.get("categories", {})
        uses: dict[str, str] = {}
        if narrative is not None:
            for statement in narrative.statements:
                if isinstance(statement, Amount) and statement.subject.path is not None:
                    code = statement.subject.path.code or self.resolved.get(statement.paragraph)
                    text = self.doc.paragraphs[statement.paragraph].text
                    if code is not None and _ITEM.match(text) and (m := _PURPOSE.search(text)):
                        uses[code] = m.group("use")
        rows = [row for row in table.rows if row.code is not None]

        def make(code: str) -> ExpenseCategory:
            row = next(r for r in rows if r.code == code)
            line = lines.get(code, {})
            children = tuple(make(r.code) for r in rows if r.code is not None and r.parent_code == code)
            level = {3: "类", 5: "款", 7: "项"}[len(code)]
            return ExpenseCategory(
                level=level,
                name=line.get("name") or row.name,
                code=code,
                printed=line.get("printed", "") if level == "项" else "",
                actual=line.get("actual"),
                budget=line.get("budget"),
                use=uses.get(code, ""),
                children=children,
            )

        return tuple(make(r.code) for r in rows if r.code is not None and len(r.code) == 3)

    def _category_places(self, lines: Sequence[ExpenseCategory], prefix: str) -> None:
        """Each 类/款/项 line's place under the path findings name it by (categories[0].children[1]): its
        情况说明 printing, else its row in 表五."""
        for i, line in enumerate(lines):
            path = f"{prefix}[{i}]"
            box = self.places.get(f"general_budget.categories[{line.code}].actual") or self.places.get(
                f"tables.{Place('general_budget_expenditure', line.code or '', 'total')}"
            )
            if box is not None:
                self.places[path] = box
            self._category_places(line.children, f"{path}.children")

    # -- the account and the report ---------------------------------------------------------------------------
    def _account(
        self,
        unit: str,
        year: int,
        duties: str,
        organisation: str,
        contents: tuple[str, ...],
        tables: Tables,
        passages: list[Passage],
        glossary: tuple[GlossaryEntry, ...],
        categories: tuple[ExpenseCategory, ...],
    ) -> FinalAccount:
        data: dict[str, Any] = {}
        for path, value in self.values.items():
            if path == "categories":
                continue
            node = data
            parts = path.split(".")
            for part in parts[:-1]:
                node = node.setdefault(part, {})
            node[parts[-1]] = value
        if "events" in data.get("three_public", {}):
            data["three_public"]["events"] = tuple(data["three_public"]["events"])
        for by_name in _BY_NAME.values():
            part, field = by_name.split(".")
            if field in data.get(part, {}):
                data[part][field] = tuple(data[part][field])
        operating = data.pop("operating_costs", None)
        general = data.pop("general_budget", {})
        return FinalAccount(
            unit=unit,
            year=year,
            unit_type=self._unit_type(),
            duties=duties,
            organisation=organisation,
            income=_structure("income", data.get("income", {})),
            expenditure=_structure("expenditure", data.get("expenditure", {})),
            fiscal=_structure("fiscal", data.get("fiscal", {})),
            general_budget=_structure("general_budget", {**general, "categories": categories}),
            three_public=_structure("three_public", data.get("three_public", {})),
            operating_costs=Figure(**operating) if operating else Figure(),
            procurement=_structure("procurement", data.get("procurement", {})),
            assets=_structure("assets", data.get("assets", {})),
            claims=tuple(self.claims),
            explanations=tuple(self.explanations),
            glossary=glossary,
            passages=tuple(passages),
            # A report that prints no table at all is a 说明 whose tables are published apart (as Sichuan
            # publishes them): it follows no table set, so that no table is reported missing from it. The
            # import report still counts the tables found against those the set expects.
            tables=(
                Tables(set=tables.set, contents=contents, tables=tables.tables, unread=tables.unread)
                if tables.tables or tables.unread
                else Tables(contents=contents)
            ),
            projects=tuple(self.projects),
        )

    def _unit_type(self) -> UnitType:
        if self.unit_type is not None:
            return UnitType(self.unit_type) if isinstance(self.unit_type, str) else self.unit_type
        for paragraph in self.doc.paragraphs:
            if m := _UNIT_TYPE.search(paragraph.text):
                kind = m.group("type")
                return UnitType.CIVIL_SERVICE_MANAGED if kind.startswith("参照") else UnitType(kind)
        return UnitType.OTHER

    def _report(self, imported: TableImport, narrative: Narrative | None) -> ImportReport:
        seen = imported_count = in_text = 0
        unplaced: list[Unplaced] = []
        # cells by their whole place: a web page's cells share grid coordinates from table to table
        placed_cells = set(imported.places.values())
        issue_cells = {i.box for i in imported.issues if i.box is not None}
        for table in self.doc.tables:
            for line in (*table.heading, *table.notes):
                n = len(printed_numbers(line.text))
                seen += n
                in_text += n
            for row in table.rows:
                for cell in row:
                    if not cell.text or cell.box is None:
                        continue
                    n = len(printed_numbers(cell.text))
                    seen += n
                    key = cell.box
                    if key in imported.noted:  # 95.36注1: its amount imported, the note's number text
                        imported_count += 1
                        in_text += n - 1
                    elif key in issue_cells:
                        # a row not read keeps its label's number (（1）国内接待费, 7．…批次) in its text: no figure
                        numbered = _ROW_NUMBER.match(cell.text)
                        numbers = printed_numbers(cell.text[numbered.end() :] if numbered else cell.text)
                        in_text += n - len(numbers)
                        unplaced.extend(Unplaced(cell.box, m, "table") for m in numbers)
                    elif key in placed_cells or key in self.selfeval_cells or re.fullmatch(r"\d{3}(?:\d{2}){0,2}", cell.text.replace(" ", "")):
                        imported_count += n  # a figure with its place, or a row's classification code
                    else:
                        in_text += n  # a header, a 序号 of the units' table
        narrative_paragraphs = set(self._narrative_range()) if narrative is not None else set()
        for index, paragraph in enumerate(self.doc.paragraphs):
            if index in narrative_paragraphs:
                continue
            n = sum(len(printed_numbers(line.text)) for line in paragraph.lines)
            seen += n
            in_text += n
        if narrative is not None:
            coverage = narrative.coverage
            seen += coverage.seen
            imported_count += coverage.stated + self.explained_numbers
            in_text += coverage.in_reasons - self.explained_numbers + coverage.numbering + coverage.in_profile
            for unread in narrative.unread:
                if (unread.paragraph, unread.start) in self.narrated_numbers:
                    imported_count += 1  # a figure of a project the 预算绩效管理情况 describes: a claim
                elif self._in_unit_name(unread.paragraph, unread.start, unread.end):
                    in_text += 1  # a digit of the unit's own name (示例单位7), not a figure
                else:
                    unplaced.append(Unplaced(unread.box, unread.text, "text"))
        found = tuple(t.key for t in imported.tables.tables)
        shown, issues, places = self.doc.shown, tuple(self.issues), self.places
        if self.doc.turns:  # places on the pages read turned back upright, as the pages are shown
            unplaced = [attrs.evolve(u, box=shown(u.box)) if u.box is not None else u for u in unplaced]
            issues = tuple(attrs.evolve(i, box=shown(i.box)) if i.box is not None else i for i in issues)
            places = {path: shown(box) for path, box in places.items()}
        return ImportReport(
            source=self.doc.source,
            pages=self.doc.pages,
            tables_found=found,
            tables_expected=tuple(t.key for t in self.set.templates if not t.optional or t.key in found),  # 表十一 where printed
            tables_unknown=tuple(title for title in imported.unknown if title not in self.selfeval_titles),
            numbers_seen=seen,
            numbers_imported=imported_count - self.not_held,
            numbers_not_held=self.not_held,
            numbers_in_text=in_text,
            not_understood=tuple(unplaced),
            issues=issues,
            places=places,
        )

    def _in_unit_name(self, paragraph: int, start: int, end: int) -> bool:
        """Whether the span of a paragraph lies inside a printing of the unit's name."""
        if not self.unit:
            return False
        text = self.doc.paragraphs[paragraph].text
        return any(m.start() <= start and end <= m.end() for m in re.finditer(re.escape(self.unit), text))


def _may_sum(total: Decimal, items: Sequence[Listed]) -> bool:
    """Whether a list of signed amounts can be meant as the whole of ``total``: its items differ in sign (a net
    change broken down), or they add up to it within the rounding of the printed figures."""
    signs = {item.amount > 0 for item in items if item.amount}
    if len(signs) == 2:
        return True
    reach = Interval.published(total)
    return reach.overlaps(sum((Interval.published(item.amount) for item in items), Interval.exact(0)))


def _contribution(item: Listed) -> Contribution:
    """A listed item as a contribution, with its bracketed list as its parts where that list can be a sum."""
    parts = item.parts if len(item.parts) >= 2 and _may_sum(item.amount, item.parts) else ()
    return Contribution(label=item.label, amount=item.amount, parts=tuple(_contribution(p) for p in parts))


def _numbers(contribution: Contribution) -> int:
    """How many printed amounts a contribution holds, its parts' included."""
    return 1 + sum(_numbers(p) for p in contribution.parts)


def _whole(value: Decimal | None) -> TypeGuard[Decimal]:
    """Whether a count is printed as a whole number (a count field holds no 1.5)."""
    return value is not None and value == value.to_integral_value()


def _printed(cell: TableCell | None) -> TypeGuard[TableCell]:
    """Whether a table cell prints a figure (a printed blank is nothing, and not a figure of the account)."""
    return cell is not None and not cell.is_blank


#: A line that heads the published tables: a table's title, or the heading over them (…2024 年度部门决算表).
_TABLE_HEADING: Final = re.compile(r"^[^，。；：:,;]{0,60}决算(?:总)?表$")


def _table_heading(text: str) -> bool:
    """Whether a paragraph is a heading of the published tables (its title or the heading over them), which ends
    the 第一部分 text above it.

    >>> _table_heading("收入支出决算总表"), _table_heading("某某局 2024 年度部门决算表"), _table_heading("详见附表。")
    (True, True, False)
    """
    return _TABLE_HEADING.match(text.strip()) is not None


def _place(paragraph: Paragraph) -> tuple[int, float] | None:
    """Where a paragraph starts (page, top), to order it with the tables; ``None`` when no line has a place."""
    return next((_at(line.box) for line in paragraph.lines if line.box is not None), None)


def _at(box: Box) -> tuple[int, float]:
    """A place in reading order: the page and the top on it, or the source line of a text or web page (whose table
    cells are placed by their row and column, not their line)."""
    line = getattr(box, "line", 0)
    return box.page, float(line) if line else box.top


def _norm_title(text: str) -> str:
    return re.sub(r"[\s“”\"（）()]|^[一二三四五六七八九十]+、", "", text)


def _body_start(parts: list[tuple[int, str]], paragraphs: Sequence[Paragraph]) -> int:
    """Where the parts start again after the 目录 (which lists them first), or 0 when there is no 目录.

    That is where the 目录's first part heading is printed again, in its words (leaders and page aside): a 目录 may
    list two parts the national layout numbers alike (Beijing's 第二部分 …决算说明 and 第三部分 …其他重要事项的情况说明,
    both 情况说明); failing that, where a part of the first one's number is.

    >>> from budgetkit.io.document import Line
    >>> def para(text):
    ...     return Paragraph(text, (Line(text, Box(1, 0, 0, 9, 9)),))
    >>> doc = [para(t) for t in ("第三部分 决算说明……3", "第三部分 其他重要事项的情况说明……5", "第三部分 决算说明", "一、…")]
    >>> _body_start([(0, "三"), (1, "三"), (2, "三")], doc), _body_start([(0, "三"), (1, "三")], doc)
    (2, 1)
    """
    if not parts:
        return 0
    first = _printed_heading(paragraphs[parts[0][0]])
    again = next((i for i, _ in parts[1:] if _printed_heading(paragraphs[i]) == first), None)
    if again is not None:
        return again
    return next((i for i, n in parts[1:] if n == parts[0][1]), 0)


def _section_of(text: str, previous: str) -> str:
    """A passage's section: 第三部分, "五", "五（三）", or "五（三）1" for a numbered point of 五（三）.

    >>> _section_of("（三）一般公共预算财政拨款支出决算具体情况", "五（二）"), _section_of("2、社会…", "五（三）1")
    ('五（三）', '五（三）2')
    """
    if m := _PART.match(text):
        return f"第{m.group('n')}部分"
    label = _section_label(text, re.sub(r"\d+$", "", previous))
    point = _point(text)
    return label if point is None else re.sub(r"\d+$", "", label) + point


def _printed_heading(paragraph: Paragraph) -> str:
    """A part heading's words as printed (its lines: the paragraph's text may be renumbered), :func:`heading_words`."""
    return heading_words("".join(line.text for line in paragraph.lines) or paragraph.text)


#: The budget a project's rate is of, by the words before it (完成年初预算的…, 完成全年预算的…), else the first
#: printed of: 调整预算 (预算执行率 = 执行数 / 调整后预算数), 全年预算, a bare 预算数 — never a 年初预算 the rate
#: does not name (the budget may have been adjusted: 年初预算为50万元，决算为45万元，执行率为100%).
_RATE_OF: Final = (("年初", ("initial",)), ("全年", ("full_year",)), ("", ("adjusted", "full_year", "budget")))


def _summary(clause: ProjectFigures, text: str) -> tuple[ProjectFigure, ProjectFigure, ProjectFigure] | None:
    """The budget, 执行数 and rate of a clause of 预算绩效管理情况 that prints one rate of its 执行数 and a budget
    (项目全年预算数为500.00万元，执行数为500.00万元，完成预算的100.00%), each printed once; else ``None``.

    >>> from budgetkit.io.grammar import ProjectFigure as F
    >>> text = "项目全年预算数为150.00万元，执行数为120.00万元，完成预算的80.00%"
    >>> c = ProjectFigures(None, (F("full_year", Decimal("150.00"), 2, 16, 8), F("executed", Decimal("120.00"), 17, 29, 21),
    ...     F("rate", Decimal("80.00"), 30, 41, 35)), "", 0, "十五", 0, len(text))
    >>> [str(f.value) for f in _summary(c, text)]
    ['150.00', '120.00', '80.00']
    """
    once = {role: [f for f in clause.figures if f.role == role] for role in ("executed", "rate")}
    if len(once["executed"]) != 1 or len(once["rate"]) != 1:
        return None
    executed, rate = once["executed"][0], once["rate"][0]
    named = text[rate.start : rate.number]
    roles = next(roles for word, roles in _RATE_OF if word in named)
    for role in roles:
        budgets = [f for f in clause.figures if f.role == role]
        if budgets:
            return (budgets[0], executed, rate) if len(budgets) == 1 else None
    return None


def _point(text: str) -> str | None:
    """The number of the point a paragraph opens (2、…, 2.…), in ASCII (a point typed １、 is 1), or ``None``.

    >>> _point("２、社会保障和就业支出"), _point("2.5万元")
    ('2', None)
    """
    m = _ITEM.match(text)
    return None if m is None else half_width_numbers(m.group(1))


def _section_label(text: str, previous: str) -> str:
    """The section a heading opens ("五", "五（三）"), or the previous one for a paragraph that opens none."""
    if m := re.match(r"^\s*([一二三四五六七八九十]+)、", text):
        return m.group(1)
    if m := re.match(r"^\s*(（[一二三四五六七八九十]+）)", text):
        return re.sub(r"（.*$", "", previous) + m.group(1)
    return previous


def _only_general_budget(tables: Tables, statements: Sequence[Statement] = ()) -> bool:
    """Whether 财政拨款收入 is all 一般公共预算 (the other two fund types print blank or 0, in the tables and in
    the 情况说明: Gansu's 财政拨款收入 A …，其中：一般公共预算财政拨款收入 B，政府性基金预算财政拨款收入 C)."""
    for row in ("income.government_fund", "income.state_capital"):
        cell = tables.cell("summary", row, "amount")
        if cell is not None and cell.value not in (None, Decimal(0)):
            return False
    return not any(
        isinstance(s, Amount) and s.subject.key in _OTHER_FUND_INCOME and s.figure.value not in (None, Decimal(0))
        for s in statements
    )


_OTHER_FUND_INCOME: Final = frozenset({"government_fund.income", "state_capital.income"})
_OTHER_FUND_EXPENDITURE: Final = frozenset({"government_fund.expenditure", "state_capital.expenditure"})
#: Every fund's 财政拨款支出 and its 类/款/项 (a section on them: Jiangxi's 2019 三、财政拨款支出决算情况说明) are
#: 一般公共预算's where that is all of 财政拨款: the subjects of 五 they then are.
_FISCAL_AS_GENERAL_BUDGET: Final = MappingProxyType(
    {f"fiscal.{end}": f"general_budget.{end}" for end in ("expenditure", "class", "section", "item")}
)


def _of_general_budget(statements: tuple[Statement, ...], tables: Tables) -> tuple[Statement, ...]:
    """The statements with every fund's 财政拨款支出 (and its 类/款/项) read as 一般公共预算's, where 财政拨款 is all
    一般公共预算 (no other fund's income, nor its expenditure, printed or in the tables); else as they are (no field
    of the account holds every fund's: read but not held)."""
    if not any(getattr(getattr(s, "subject", None), "key", "") in _FISCAL_AS_GENERAL_BUDGET for s in statements):
        return statements
    spent = any(
        isinstance(s, Amount) and s.subject.key in _OTHER_FUND_EXPENDITURE and s.figure.value not in (None, Decimal(0))
        for s in statements
    )
    if spent or not _only_general_budget(tables, statements):
        return statements

    def moved(subject: Subject | None) -> Subject | None:
        if subject is None or subject.key not in _FISCAL_AS_GENERAL_BUDGET:
            return subject
        return attrs.evolve(subject, key=_FISCAL_AS_GENERAL_BUDGET[subject.key])

    out: list[Statement] = []
    for statement in statements:
        changes: dict[str, Any] = {}
        if (subject := moved(getattr(statement, "subject", None))) is not getattr(statement, "subject", None):
            changes["subject"] = subject
        if isinstance(statement, Share) and (of := moved(statement.of)) is not statement.of:
            changes["of"] = of
        out.append(attrs.evolve(statement, **changes) if changes else statement)
    return tuple(out)


#: The parts of the account built from nested plain values, by field name.
_PARTS: Final[Mapping[str, type]] = MappingProxyType(
    {
        "income": model.Income,
        "expenditure": model.ExpenseSide,
        "fiscal": model.FiscalAppropriation,
        "general_budget": model.GeneralBudget,
        "three_public": model.ThreePublic,
        "procurement": model.Procurement,
        "assets": model.Assets,
    }
)


def _structure(name: str, data: Mapping[str, Any]) -> Any:
    """A part of the account from nested plain values (figures as {current, budget} mappings)."""
    values: dict[str, Any] = {}
    for key, value in data.items():
        if name == "fiscal" and key in model.FiscalAppropriation.FUNDS:
            values[key] = model.FiscalFund(**value)
        else:
            values[key] = value
    return _PARTS[name](**values)
