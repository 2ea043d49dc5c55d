"""The 情况说明 (第三部分) read by a grammar of the template's sentences: typed statements, one per figure.

A 部门决算's narrative follows the template's sentences (``samples/template-shanghai-2024.pdf``,
pages 15–21): "本年收入合计 XXX 万元，其中：财政拨款收入 XXX 万元，占XX%", "年初预算为 XXX 万元，
支出决算为 XXX 万元，完成年初预算的 XX%", "比 2023 年度增加（减少）XXX 万元，增长（下降）XX%" …
This module reads each paragraph into small frozen **statements**, one per printed figure, each
keeping the figure as printed (:class:`Figure`: text, exact value, unit and character span), the
section it sits in ("五（三）") and what it states:

- :class:`Amount` — an amount of a :class:`Subject` (收入支出总计, 基本支出, a 类 or 类/款/项 path …) in a
  :class:`Role` (决算, 年初预算, 全年预算, 预算), with the :class:`~budgetkit.model.tables.Place` of the table
  cell that prints the same figure, or ``None`` when no table prints it;
- :class:`Change` (增加/减少 an amount, 增长/下降 a rate, and the year compared with), :class:`Share`
  (占…%, and of what), :class:`Completion` (完成年初预算的…%), :class:`Count` (个, 辆, 批次, 人次,
  台（套）, 分 …);
- :class:`Direction` (决算数大于/小于/同…预算数持平, 与上一年度持平), :class:`Reason` (主要原因…, its figures
  kept as printed, not interpreted), :class:`Absence` (无“三公”经费财政拨款支出), :class:`Year` (2024 年度,
  截至 2024 年 12 月 31 日) and :class:`Unfilled` (template wording left in: "下降（增长）", "XXXXXXXX",
  "（如持平作持平表述）");
- :class:`Event` — one 国内公务接待 of 七's dated list (2月10日接待…一行4人…，支出接待餐费770元).

Nothing is silent: every number printed in the 情况说明 is in a statement or listed in
:attr:`Narrative.unread` with its paragraph, page and text (:attr:`Narrative.coverage` counts them).
:func:`differences` lists the statements whose figure differs from the table cell at their place.

>>> statements = parse_text("本年收入合计 307.82 万元，其中：财政拨款收入 307.82 万元，占 100.00%。", section="二")
>>> [type(s).__name__ for s in statements]
['Amount', 'Amount', 'Share']
>>> total = statements[0]
>>> total.subject.key, total.figure.value, total.figure.unit, str(total.place)
('income.year_total', Decimal('307.82'), '万元', 'summary[income.year_total].amount')
>>> statements[2].of.key, str(statements[2].figure)
('income.year_total', '100.00%')
"""

from __future__ import annotations

import bisect
import enum
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType
from typing import Final, TypedDict

import attrs

from budgetkit._regex import Lazy, Phrases
from budgetkit.errors import BudgetkitError, InvalidNumberError
from budgetkit.io.document import (
    FOOTNOTE_MARK,
    NUMERAL,
    Box,
    Document,
    Line,
    Paragraph,
    full_width_marks,
    half_width_numbers,
    numeral,
    numeral_value,
)
from budgetkit.model.tables import Cell, Place, Table, Tables
from budgetkit.reference.classification import ClassificationTable, Level, functional_table
from budgetkit.values import validators as v
from budgetkit.values.numbers import round_half_up

__all__ = [
    "FISCAL_EXPENDITURE_SECTION",
    "NOTES",
    "OTHER_SECTION",
    "PROFILE_SECTION",
    "SUBJECT_KEYS",
    "Absence",
    "Amount",
    "Change",
    "ClassPath",
    "Completion",
    "Count",
    "Coverage",
    "Difference",
    "Direction",
    "Event",
    "Figure",
    "Listed",
    "Narrative",
    "NarrativeError",
    "ProjectFigure",
    "ProjectFigures",
    "Reason",
    "Role",
    "Share",
    "Statement",
    "Subject",
    "Unfilled",
    "Unread",
    "Year",
    "breakdown",
    "continued_parts",
    "differences",
    "heading_words",
    "narrative_range",
    "parse_paragraphs",
    "parse_text",
    "performance_projects",
    "read_narrative",
    "section_role",
]


class NarrativeError(BudgetkitError, ValueError):
    """A document without a 情况说明 (no 第三部分 … 情况说明 heading) where one is required.

    >>> str(NarrativeError("report.pdf", "no 第三部分 heading"))
    'report.pdf: no 情况说明 found (no 第三部分 heading)'
    """

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: no 情况说明 found ({reason})")


class Role(enum.Enum):
    """Which amount of a subject a figure is: the 决算, the 年初预算, the 全年预算, a 预算 not said which, or the
    决算 of the year a change is against (与2022年988.88万元相比, 上年决算数为 90 万元: ``LAST_YEAR``).

    >>> Role("年初预算").name
    'OPENING_BUDGET'
    """

    ACTUAL = "决算"
    OPENING_BUDGET = "年初预算"
    FULL_YEAR_BUDGET = "全年预算"
    BUDGET = "预算"
    LAST_YEAR = "上年决算"


@attrs.frozen
class Figure:
    """A figure as printed: its text, exact value (``None`` for a template blank such as ``XXX``), unit and span.

    ``unit`` is the unit as printed ("万元", "元", "%", "个", "" when none is printed, "万" where 万元 was
    meant); ``start`` and ``end`` are character offsets in the paragraph's text. The value is exact: a
    float is refused.

    >>> f = Figure("9,746.50", Decimal("9746.50"), "万元", 10, 18)
    >>> f.known, str(f)
    (True, '9,746.50万元')
    >>> Figure("XXX", None, "万元", 0, 3).known
    False
    >>> Figure("0.1", 0.1, "万元", 0, 3)
    Traceback (most recent call last):
    ...
    budgetkit.errors.FloatRefusedError: 0.1 is a float; ...
    """

    text: str
    value: Decimal | None = attrs.field(converter=v.optional_decimal)
    unit: str
    start: int
    end: int

    @property
    def known(self) -> bool:
        """Whether a number was printed (not a template blank)."""
        return self.value is not None

    @property
    def wan(self) -> Decimal | None:
        """The money printed, in 万元 with its printed places kept (4800 元 is 0.4800 万元); None for another unit.

        >>> Figure("11,555,802.10", Decimal("11555802.10"), "元", 0, 13).wan
        Decimal('1155.580210')
        >>> Figure("3", Decimal("3"), "人次", 0, 1).wan is None
        True
        """
        if self.value is None or self.unit not in ("万元", "万", "元"):
            return None
        return self.value.scaleb(-4) if self.unit == "元" else self.value

    def __str__(self) -> str:
        return f"{self.text}{self.unit}"


@attrs.frozen
class ClassPath:
    """A 类/款/项 path as printed (names only) and the codes resolved for it (``None`` where unresolved).

    >>> path = ClassPath(("社会保障和就业支出", "行政事业单位养老支出", "行政单位离退休"), ("208", "20805", "2080501"))
    >>> path.level, path.code, str(path)
    (<Level.ITEM: '项'>, '2080501', '社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）')
    """

    names: tuple[str, ...]
    codes: tuple[str | None, ...]

    @property
    def level(self) -> Level:
        """The level of the last name: 类, 款 or 项."""
        return (Level.CLASS, Level.SECTION, Level.ITEM)[len(self.names) - 1]

    @property
    def code(self) -> str | None:
        """The code of the last name, or ``None`` when it could not be resolved."""
        return self.codes[-1]

    def __str__(self) -> str:
        return "".join(f"{name}（{level}）" for name, level in zip(self.names, "类款项", strict=False))


@attrs.frozen
class Subject:
    """What a figure is about: a key of the grammar's vocabulary, the name as printed and, for 类/款/项, the path.

    >>> Subject("expenditure.basic", "基本支出")
    Subject(key='expenditure.basic', name='基本支出', path=None)
    """

    key: str
    name: str
    path: ClassPath | None = None


class _Where(TypedDict):
    """Where a statement was read (the fields every statement starts with); see :meth:`_ParagraphReader._at`."""

    paragraph: int
    section: str
    start: int
    end: int


@attrs.frozen(kw_only=True)
class _Statement:
    #: index of the paragraph in the document (or in the paragraphs given)
    paragraph: int
    #: the section of the 情况说明 it sits in: "二", "五（三）" …
    section: str
    #: the character span of what the statement was read from, in the paragraph's text
    start: int
    end: int
    #: oddities kept as printed: unfilled template wording, a missing unit …
    notes: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Amount(_Statement):
    """An amount of a subject in a role, and the table cell that prints the same figure (``place``).

    An amount of the year compared with (:attr:`Role.LAST_YEAR`) has that year in ``year`` when printed
    (与2022年988.88万元相比), ``None`` for 上年.

    >>> a = parse_text("机关运行经费支出 142.80 万元。", section="十一（一）")[0]
    >>> a.subject.key, a.role, a.figure.value, a.place is None
    ('office_running', <Role.ACTUAL: '决算'>, Decimal('142.80'), True)
    >>> before = parse_text("收入总计1,054.90万元。与2022年988.88万元相比，增加66.02万元。", section="一")[2]
    >>> before.subject.key, before.role.name, before.year, str(before.figure)
    ('income.total', 'LAST_YEAR', 2022, '988.88万元')
    """

    subject: Subject
    role: Role
    figure: Figure
    place: Place | None = None
    year: int | None = None


@attrs.frozen(kw_only=True)
class Change(_Statement):
    """A change against an earlier year: ``word`` as printed (增加, 减少, 增长, 下降 …), an amount or a rate.

    ``compared_with`` is the comparison as printed ("2023 年度", "上一年度"; "" when none is printed) and
    ``year`` its year when printed. ``baseline`` marks a change against an earlier base year printed beside the
    change on last year (Guangdong's …比上年决算数增加 A 万元；比2019年（疫情前）决算数减少 B 万元): no claim on last
    year's figure, and no slip of the comparison year. ``budget`` is the budget a change is against, when it is
    one (Chongqing's 决算数为 A 万元，比年初预算数增加 D 万元，增长 p%: ``budget`` 年初预算, ``compared_with``
    年初预算数): no change on last year's figure. A change has no table cell (``place`` is ``None``).

    >>> c = parse_text("与 2023 年度相比，收入支出总计增加 1062.85万元，增长 12.08%。")
    >>> [(s.word, s.is_rate, s.figure.text, s.year) for s in c if isinstance(s, Change)]
    [('增加', False, '1062.85', 2023), ('增长', True, '12.08', 2023)]
    """

    subject: Subject
    word: str
    figure: Figure
    compared_with: str = ""
    year: int | None = None
    baseline: bool = False
    budget: Role | None = None
    place: None = None

    @property
    def is_rate(self) -> bool:
        """Whether the change is a rate (增长/下降 …%) rather than an amount: any figure in % is (Gansu's 降低 p%,
        Heilongjiang's 减少了 p%), and a bare number after 增长/下降 (its % missing)."""
        return self.figure.unit == "%" or (self.figure.unit == "" and self.word[:2] in ("增长", "下降"))


@attrs.frozen(kw_only=True)
class Share(_Statement):
    """A share (占…%) of a subject in a whole (``of``; ``None`` when the sentence does not say of what).

    A whole printed after 占 that is not in the vocabulary keeps its printed name with the key ``""``.

    >>> s = parse_text("一般公共预算财政拨款支出 9746.50 万元，占本年支出合计的 99.86%。")[1]
    >>> s.subject.key, s.of.key, s.figure.value
    ('general_budget.expenditure', 'expenditure.year_total', Decimal('99.86'))
    """

    subject: Subject
    figure: Figure
    of: Subject | None
    place: None = None


@attrs.frozen(kw_only=True)
class Completion(_Statement):
    """A completion rate (完成年初预算的…%, 完成全年预算数的…%, 完成预算的…%) and the budget it is of.

    >>> c = parse_text("基本支出年初预算为 54.53 万元，支出决算为 54.53 万元，完成年初预算的100.00%。")[2]
    >>> c.of, str(c.figure)
    (<Role.OPENING_BUDGET: '年初预算'>, '100.00%')
    """

    subject: Subject
    figure: Figure
    of: Role
    place: None = None


@attrs.frozen(kw_only=True)
class Count(_Statement):
    """A count or score: projects (个), vehicles (辆), batches (批次), persons (人次), equipment (台（套）), 分.

    >>> c = parse_text("共有车辆 3 辆，其中：执法执勤用车 2 辆。", section="十一（三）")
    >>> [(s.subject.key, s.figure.value, s.figure.unit) for s in c]
    [('vehicles', Decimal('3'), '辆'), ('vehicles.law_enforcement', Decimal('2'), '辆')]
    """

    subject: Subject
    figure: Figure
    place: None = None


@attrs.frozen(kw_only=True)
class Direction(_Statement):
    """A direction word and what it compares: 决算数 ``word`` ``against`` (大于 预算数, 同 全年预算数 持平 …).

    ``word`` is 大于, 小于, 等于 or 持平 (a choice left from the template, "大于（小于）", is kept as
    printed and noted); ``against`` what the figure is compared with as printed ("预算数", "全年预算数",
    "上一年度").

    >>> d = parse_text("决算数同预算数持平。")[0]
    >>> d.word, d.against, d.printed
    ('持平', '预算数', '决算数同预算数持平')
    """

    subject: Subject | None
    word: str
    against: str
    printed: str


@attrs.frozen(kw_only=True)
class Reason(_Statement):
    """A reason sentence (主要原因：…) of a subject, with the figures it prints kept as printed.

    >>> r = parse_text("主要原因：单位于 2024 年成立。")[0]
    >>> r.text, [f.text for f in r.figures]
    ('单位于 2024 年成立', ['2024'])
    """

    subject: Subject | None
    text: str
    figures: tuple[Figure, ...] = ()


@attrs.frozen(kw_only=True)
class Absence(_Statement):
    """A statement that a subject does not occur (无“三公”经费财政拨款支出 …).

    >>> a = parse_text("上海市XX局2024年度无政府性基金预算财政拨款收入和支出。")
    >>> [s.subject.key for s in a if isinstance(s, Absence)]
    ['government_fund']
    """

    subject: Subject
    text: str


@attrs.frozen(kw_only=True)
class Year(_Statement):
    """A year or date as printed (2024 年度, 截至 2024 年 12 月 31 日), for a check against the report year.

    ``what`` says how it is used: "compared" after 与/比/较 (the comparison year), "date" for a full date,
    "reason" inside a reason (单位于 2024 年成立: an event's year), otherwise "year".

    >>> [(y.year, y.month, y.day, y.what) for y in parse_text("截至 2024 年 12 月 31 日，共有车辆 0 辆。") if isinstance(y, Year)]
    [(2024, 12, 31, 'date')]
    """

    text: str
    year: int
    month: int | None = None
    day: int | None = None
    what: str = "year"


@attrs.frozen(kw_only=True)
class Unfilled(_Statement):
    """Template wording left in the text as printed: a blank (XXXXXXXX), a choice (增加（减少）), an instruction.

    >>> [u.text for u in parse_text("主要原因：XXXXXXXX。（如持平作持平表述）") if isinstance(u, Unfilled)]
    ['XXXXXXXX', '（如持平作持平表述）']
    """

    text: str


@attrs.frozen(kw_only=True)
class Event(_Statement):
    """One 国内公务接待 of 七's dated list: "2月10日接待西华大学专家一行4人前来开展…调研工作，支出接待餐费770元".

    ``year`` is the one printed with the date, else the one printed with an earlier date of the list
    (``None`` when none is: the report's year is meant); ``purpose`` is what the party came for, without 前来; the
    cost is as printed (``cost.unit`` 元 or 万元).

    >>> e = [s for s in parse_text("2023年2月10日接待示例大学专家一行4人前来开展调研工作，支出接待餐费770元；5月9日接待示例中心一行3人赴本单位考察，支出接待费599.79元。", section="七（二）") if isinstance(s, Event)]
    >>> [(x.year, x.month, x.day, x.party, x.persons, str(x.cost), x.purpose) for x in e]
    [(2023, 2, 10, '示例大学专家', 4, '770元', '开展调研工作'), (2023, 5, 9, '示例中心', 3, '599.79元', '赴本单位考察')]
    """

    year: int | None
    month: int
    day: int
    party: str
    persons: int
    cost: Figure
    purpose: str = ""


Statement = Amount | Change | Share | Completion | Count | Direction | Reason | Absence | Year | Unfilled | Event


@attrs.frozen
class Unread:
    """A number printed in the 情况说明 that no statement accounts for: its paragraph, text, span and box.

    >>> str(Unread(3, "42", 5, 7, Box(20, 0.0, 0.0, 1.0, 1.0)))
    '第20页 paragraph 3: 42'
    """

    paragraph: int
    text: str
    start: int
    end: int
    box: Box | None

    def __str__(self) -> str:
        page = f"{self.box} " if self.box is not None else ""
        return f"{page}paragraph {self.paragraph}: {self.text}"


@attrs.frozen
class Coverage:
    """How the numbers printed in the 情况说明 were accounted for.

    ``seen`` counts every number printed (as :meth:`budgetkit.io.document.Document.numbers` finds them);
    ``stated`` those in a typed statement; ``in_reasons`` those kept inside a reason's text, not
    interpreted; ``numbering`` enumerators of points ("1、"); ``in_profile`` those of a section on the unit
    itself (:data:`PROFILE_SECTION`), kept in its text; ``unread`` the rest. ``blanks`` counts the template
    blanks read as unknown figures (XXX 万元).

    >>> Coverage(seen=10, stated=8, in_reasons=1, numbering=1, unread=0, blanks=0).complete
    True
    """

    seen: int
    stated: int
    in_reasons: int
    numbering: int
    unread: int
    blanks: int
    in_profile: int = 0

    @property
    def complete(self) -> bool:
        """Whether every number printed is accounted for (nothing unread)."""
        return self.unread == 0 and self.stated + self.in_reasons + self.numbering + self.in_profile == self.seen


@attrs.frozen
class Narrative:
    """The statements read from a 情况说明, the numbers not understood, and the paragraphs they came from.

    ``paragraphs`` are the paragraphs the statement indexes refer to (a whole document's, or the ones
    given to :func:`parse_paragraphs`).

    >>> n = parse_paragraphs([Paragraph("本年支出合计 9.50 万元。", (Line("本年支出合计 9.50 万元。", Box(20, 0, 0, 9, 9)),))])
    >>> n.coverage.seen, n.coverage.stated, n.boxes(n.statements[0])
    (1, 1, (Box(page=20, x0=0, top=0, x1=9, bottom=9),))
    """

    statements: tuple[Statement, ...]
    unread: tuple[Unread, ...]
    coverage: Coverage
    paragraphs: tuple[Paragraph, ...] = attrs.field(repr=False)
    #: the paragraphs of 预算绩效管理情况 (Sichuan's 十（四）, Shanghai's 十), heading included: their figures
    #: describe projects and project kinds, not the account's figures; and of a section on the department's budget
    #: execution (Inner Mongolia's 一、关于…预算执行情况分析), whose budgets and rate are summarised as a project's
    performance: frozenset[int] = frozenset()

    def in_performance(self, statement: Statement) -> bool:
        """Whether a statement was read in 预算绩效管理情况 (:attr:`performance`).

        >>> para = lambda text: Paragraph(text, (Line(text, Box(1, 0, 0, 9, 9)),))
        >>> n = parse_paragraphs([para("（四）预算绩效管理情况。"), para("公用经费年初预算为48.03万元。")])
        >>> [n.in_performance(s) for s in n.statements], sorted(n.performance)
        ([True], [0, 1])
        """
        return statement.paragraph in self.performance

    def boxes(self, statement: Statement) -> tuple[Box, ...]:
        """The boxes of the printed lines a statement was read from (its page and place on the page)."""
        paragraph = self.paragraphs[statement.paragraph]
        return tuple(line.box for line in _lines_in(paragraph, statement.start, statement.end))


@attrs.frozen
class ProjectFigure:
    """One figure a clause of 预算绩效管理情况 prints about a project: which (``initial`` 年初预算, ``adjusted``
    调整预算, ``full_year`` 全年预算, ``budget`` a bare 预算数, ``executed`` 决算 (执行数, 实际支出) in 万元, ``rate``
    执行率 or 完成预算的… in %), its exact value, the printed phrase's span in the paragraph ("年初预算为12万元") and
    where its number starts (as :class:`Unread` places a number)."""

    role: str
    value: Decimal
    start: int
    end: int
    number: int


@attrs.frozen
class ProjectFigures:
    """A project (or a project kind) that 预算绩效管理情况 describes with its money: the kind its clause
    names (人员类, 公用经费, 其他运转类, 特定目标类; ``None`` when none is named), its printed figures, what it
    is used for (``主要用于…``, "" when not printed), and where: paragraph, section ("十（四）") and span.
    """

    kind: str | None
    figures: tuple[ProjectFigure, ...]
    use: str
    paragraph: int
    section: str
    start: int
    end: int

    def value(self, role: str) -> Decimal | None:
        """The figure printed in ``role`` ("initial", "adjusted", "full_year", "budget", "executed", "rate"), or ``None``."""
        return next((f.value for f in self.figures if f.role == role), None)


#: The project kinds 预算绩效管理情况 names (the enum values of :class:`~budgetkit.model.project.ProjectKind`).
_PROJECT_KIND: Final = re.compile(r"人员类|公用经费|其他运转类|特定目标类")
_AMOUNT_OF: Final = r"\s*(?:为|是)?\s*(?P<v>\d[\d,]*(?:\.\d+)?)\s*万元"
_PROJECT_FIGURES: Final = (
    ("initial", re.compile(r"年初预算(?:数)?" + _AMOUNT_OF)),
    ("adjusted", re.compile(r"调整(?:后)?预算(?:数)?" + _AMOUNT_OF)),
    # the summaries of 项目绩效自评结果 (Hubei): 项目全年预算数为A万元，执行数为B万元，完成预算的p%; 预算数为A万元
    ("full_year", re.compile(r"全年预算(?:数)?" + _AMOUNT_OF)),
    ("budget", re.compile(r"(?<![初整后年])预算(?:数)?" + _AMOUNT_OF)),
    ("executed", re.compile(r"(?:决算(?:数)?|执行数|实际支出(?:数)?)" + _AMOUNT_OF)),
    ("rate", re.compile(r"(?:执行率|完成(?:全年|年初|年度)?预算(?:数)?的?)\s*(?:为|是|达)?\s*(?P<v>\d+(?:\.\d+)?)\s*[%％]")),
)
_USE: Final = re.compile(r"主要用于[^，。；]+")


def performance_projects(narrative: Narrative) -> tuple[ProjectFigures, ...]:
    """The projects 预算绩效管理情况 describes by their money, one per clause (``；``) that prints a 调整预算
    or a 决算: Sichuan's "2023年其他运转类项目：流动人员人事档案管理项目，项目资金主要用于…，年初预算为12万元，
    调整预算为11.30万元，决算为11.30万元，执行率为100%". The kind is the first the clause names, else the last
    named before it (in the clause's paragraph or the headings above it).

    >>> para = lambda text: Paragraph(text, (Line(text, Box(1, 0, 0, 9, 9)),))
    >>> n = parse_paragraphs([para("十、其他重要事项的情况说明"), para("（四）预算绩效管理情况。"), para("(3)特定目标类项目绩效分析"),
    ...     para("一是示例项目，项目资金主要用于培训的支出，年初预算为9万元，调整预算数为8.50万元，决算数为8.50万元，执行率100%；二是…")])
    >>> [(p.kind, p.section, p.value("initial"), p.value("executed"), p.value("rate"), p.use) for p in performance_projects(n)]
    [('特定目标类', '十（四）', Decimal('9'), Decimal('8.50'), Decimal('100'), '主要用于培训的支出')]
    """
    out: list[ProjectFigures] = []
    kind: str | None = None
    for index in sorted(narrative.performance):
        text = full_width_marks(_numbers_as_read(narrative.paragraphs[index].text))  # ７３．３０; in place
        start = 0
        for clause in re.split(r"(?<=；)", text):
            end = start + len(clause)
            figures = tuple(
                ProjectFigure(
                    role,
                    Decimal(m.group("v").replace(",", "")),
                    start + m.start(),
                    start + m.end(),
                    start + m.start("v"),
                )
                for role, pattern in _PROJECT_FIGURES
                for m in pattern.finditer(clause)
            )
            if any(f.role in ("adjusted", "executed") for f in figures):
                named = _PROJECT_KIND.search(clause)
                use = _USE.search(clause)
                out.append(
                    ProjectFigures(
                        kind=named.group() if named else kind,
                        figures=tuple(sorted(figures, key=lambda f: f.start)),
                        use=use.group() if use else "",
                        paragraph=index,
                        section=_section_at(narrative.paragraphs, index),
                        start=start,
                        end=end,
                    )
                )
            kinds = _PROJECT_KIND.findall(clause)
            if kinds:
                kind = kinds[-1]
            start = end
    return tuple(out)


def _section_at(paragraphs: Sequence[Paragraph], index: int) -> str:
    """The section ("十（四）") a paragraph sits in: the nearest section heading above it, with the nearest
    subsection heading between the two."""
    subsection = ""
    for i in range(index, -1, -1):
        text = paragraphs[i].text
        if m := _SECTION.match(text):
            return m.group("n") + subsection
        if not subsection and (m := _SUBSECTION.match(text)):
            subsection = m.group("n")
    return subsection


# -- vocabulary ------------------------------------------------------------------------------------------------

#: The notes a statement may carry, by kind: what is odd in the printed text, kept as printed.
NOTES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "choice": "unfilled template wording: {word}",
        "blank reason": "unfilled template wording: the reason is a blank",
        "percent": "unit missing: %",
        "wan": "unit printed as 万 where 万元 is meant",
        "table unit": "unit printed once, in the sentence before the table the figure is a cell of",
        "zero": "unit missing: a nought, read as 0 万元",
    }
)

#: The subjects the template's sentences name, longest phrases first where one contains another:
#: (regular expression, subject key). Keys of a fund's own figures (八, 九) are resolved by section.
_SUBJECTS: Final = (
    (r"财政拨款收入支出总计", "fiscal.total"),
    (r"收入支出总计", "total"),
    # Sichuan's; Fujian's 财政拨款收入总计、支出总计各减少 D 万元 (the 支出总计 of 表四, not 表一's)
    (r"财政拨款收、支总计|财政拨款收入、支出总计|财政拨款收(?:入、?|、)?支(?:出)?决算总计|财政拨款收入总计[、和及与]支出总计",
     "fiscal.total"),
    # 表四's 总计 printed in two sentences (财政拨款收入总计 …；财政拨款支出总计 …): the table balances them, but a
    # writer may print two figures; the 支出 one is a subject of its own, never 表一's 支出总计
    # 一般公共预算财政拨款收入总计: one fund's (年初结转和结余 and 本年收入), no field's; never its 本年收入
    (r"(?:一般公共|政府性基金|国有资本经营)预算财政拨款收入(?:决算)?总计", "fund.income_total"),
    (r"财政拨款收入(?:决算)?总计", "fiscal.total"),
    (r"财政拨款支出(?:决算)?总计", "fiscal.expenditure_total"),
    # one subject, or two figures paired (收、支总计各是 A、B: _PAIRS); 收支较上年…, 收入支出总体与上年相比…
    (r"收、支总计|收入、支出总计|收入总计[、和及与]支出总计|收支总计|收(?:入、?|、)?支(?:出)?决算总计"
     r"|(?:收支|收入支出总体)(?=\s*(?:较|比|与|同))", "total"),
    # Sichuan: 收入总计 and 支出总计 in sentences of their own; Jiangsu: （一）收入决算总计 A 万元。包括：…
    (r"(?<!、)收入(?:决算)?总计|(?<![预算拨款])总收入", "income.total"),
    (r"(?<!入、)支出(?:决算)?总计|(?<![预算拨款])总支出", "expenditure.total"),  # Guangxi: 总收入 …，其中本年收入 …; 收入总计 A、支出总计 A
    (r"本年收入(?:合计)?", "income.year_total"),
    (r"本年支出(?:合计)?", "expenditure.year_total"),
    # Chongqing, Xinjiang: 2023年度收入合计 A 万元 — 表一's 本年收入合计, printed without 本年 after a year or a unit
    (r"(?:(?<=[年度门位])|(?<![\u4e00-\u9fff]))收入合计", "income.year_total"),
    (r"(?:(?<=[年度门位])|(?<![\u4e00-\u9fff]))支出合计", "expenditure.year_total"),
    # Xinjiang's 四: 财政拨款收入总计 A 万元，其中：年初财政拨款结转和结余 B 万元，本年财政拨款收入 C 万元 (and the
    # 支出 side alike): 本年财政拨款收入 is 表一's 财政拨款收入; the others are every fund's, which no field holds
    (r"本年财政拨款收入", "income.fiscal"),
    (r"年初财政拨款结转和?结余", "fiscal.opening_total"),
    (r"本年财政拨款支出", "fiscal.year_expenditure"),
    (r"年末财政拨款结转和?结余", "fiscal.closing_total"),
    (r"(?:年初|上年)结转(?:和?结余)?(?!项目)", "income.opening_balance"),  # 上年结转 863.50 万元 (Hainan's 八) too
    (r"年末结转和?结余", "expenditure.closing_balance"),
    # 用事业基金弥补收支差额: the older name of the same line (the tables read it so too)
    (r"使用非财政拨款结余(?:[（(]含专用结余[）)])?|用事业基金弥补收支差额", "income.non_fiscal_balance_used"),
    (r"结余分配", "expenditure.surplus_distribution"),
    # Gansu: 本单位收入为 A 万元，其中：财政拨款收入 …: 收入总计 or 本年收入合计 by the parts that follow (_unit_totals)
    (r"本(?:单位|部门)(?:\d{4}年度?)?收入(?=\s*(?:为|是)?\s*\d)", "unit.income"),
    (r"本(?:单位|部门)(?:\d{4}年度?)?支出(?=\s*(?:为|是)?\s*\d)", "unit.expenditure"),
    # Zhejiang: 财政拨款收入 A 万元（其中，一般公共预算 B 万元，政府性基金预算 C 万元…）: each fund's part (_fund_parts)
    (r"(?:一般公共|政府性基金|国有资本经营)预算(?=\s*(?:为|是)?\s*\d)", "fund.part"),
    # 一般公共预算财政拨款收入 is of one fund; a bare 财政拨款收入 may hold 政府性基金's too (Gansu)
    (r"一般公共预算财政拨款收入", "general_budget.income"),
    (r"政府性基金预算财政拨款收入", "government_fund.income"),
    (r"国有资本经营预算财政拨款收入", "state_capital.income"),
    (r"政府性基金预算财政拨款支出", "government_fund.expenditure"),  # 八 in a sentence of its own
    (r"国有资本经营预算财政拨款支出", "state_capital.expenditure"),  # 九 in a sentence of its own
    (r"一般公共预算财政拨款基本支出", "general_budget.basic"),
    # Sichuan's 五（三）: 一般公共预算支出决算数为; 涉及一般公共预算支出 X 万元 is evaluated projects' (performance.funds)
    (r"(?<!涉及)一般公共预算(?:财政拨款)?支出", "general_budget.expenditure"),
    (r"财政拨款收入", "income.fiscal"),
    (r"上级补助收入", "income.superior_subsidy"),
    (r"事业收入", "income.business"),
    (r"经营收入", "income.operating"),
    (r"附属单位上缴收入", "income.affiliated"),
    (r"其他收入", "income.other"),
    # …年末结转和结余，其中基本支出结转 B，项目支出结转和结余 C (Jilin, Shanxi): balances, not 基本支出 or 项目支出
    (r"基本支出(?!结转|结余)", "expenditure.basic"),
    (r"项目支出(?!结转|结余)", "expenditure.project"),
    (r"上缴上级支出", "expenditure.to_superior"),
    (r"经营支出", "expenditure.operating"),
    (r"对附属单位补助支出", "expenditure.to_affiliated"),
    (r"人员经费", "personnel"),
    (r"公用经费(?!项目)", "public_use"),  # 公用经费项目 is a project (十（四）)
    (r"[“”\"‘’'「」]?三公[“”\"‘’'「」]?经费(?:财政拨款)?(?:支出)?", "three_public"),
    (r"因公出国[（(]境[）)]团组", "three_public.outbound.groups"),
    (r"因公出国[（(]境[）)](?:经?费(?:用)?|支出)", "three_public.outbound"),  # 费, 经费(支出), 支出决算; (境) too
    (r"公务用车购置及运行(?:维护)?费", "three_public.vehicle"),  # the national template: 公务用车购置及运行费
    (r"公务用车购置(?:费|支出)?", "three_public.vehicle_purchase"),
    (r"公务用车运行(?:维护)?(?:费|支出)?", "three_public.vehicle_operation"),
    # Zhejiang: 公务用车购置及运行维护费 A 万元，其中：购置费 B 万元，运行维护费 C 万元 — the parts named without
    # 公务用车 (_vehicle_parts)
    (r"(?<=[：:，,；;、])(?:购置费|运行(?:维护)?费)(?=\s*(?:为|是)?\s*\d)", "three_public.vehicle.part"),
    (r"公务用车保有量|共有公务用车", "three_public.vehicles_held"),
    (r"购置公务用车", "three_public.vehicles_purchased"),  # 全年按规定更新购置公务用车 N 辆
    (r"轿车|越野车|载客汽车|其他车辆", "three_public.vehicle_type"),  # of the vehicles held or bought named before
    (r"国内公务接待(?:支出|费)", "three_public.reception.domestic"),
    # N 批次，N 人次 (Zhejiang's counties: 国内接待 N 批次); Beijing's 共接待国内来访团组 N 个、来宾 N 人次; Qinghai's
    # 全年共接待国内公务 N 批次 N 人次
    (r"国内(?:公务)?接待(?=\s*\d)|共(?:计)?接待国内(?:来访|公务)(?:团组)?(?=\s*\d)", "three_public.reception.domestic"),
    # 全年共接待 90 批次、733 人次，其中：国内公务接待 86 批次…；外事接待 4 批次…: every 公务接待, 国内 and 外事
    (r"共(?:计)?接待(?=\s*\d)", "three_public.reception.all"),
    # Shanghai's 国内公务接待支出 X 万（含外宾接待支出 Y 万元）and …，其中：接待外宾 N 批次、N 人次: 外宾 within 国内接待
    (r"(?<=含)外宾接待支出|接待外宾", "three_public.reception.guests"),
    # Jilin's 国外公务接待支出 X 万元，接待 N 批次、N 人次 (国（境）外公务接待): 外事接待 by another name
    (r"(?:外宾|外事|国外公务|国[（(]境[）)]外公务)接待(?:支出|费)", "three_public.reception.foreign"),
    (r"(?:外事|国外公务)接待(?=\s*(?:\d|X))", "three_public.reception.foreign"),  # 外事接待 N 批次，N 人次: beside 国内接待
    (r"公务接待费?", "three_public.reception"),
    (r"(?:机关|机构)运行经?费(?:支出)?", "office_running"),  # 机构运行经费: Inner Mongolia
    # Shaanxi's “三公”经费、培训费及会议费: 会议费支出 A 万元，比上年增加 D 万元…, amounts no field of the account holds
    (r"会议费(?:支出)?(?=\s*(?:决算)?(?:为|是)?\s*\d)", "meetings"),
    (r"培训费(?:支出)?(?=\s*(?:决算)?(?:为|是)?\s*\d)", "training"),
    # Shandong's 一般性支出情况说明: 开支会议费 A 万元，用于召开…等 N 个会议，人数 N 人，…；举办节庆、晚会、论坛、赛事活动开支
    # 费用 A 万元: the persons of a meeting or a training, and the festivities' cost, none the account's
    (r"(?<=[，,])(?:参会|参训)?人数(?=\s*(?:为|是)?\s*\d{1,7}\s*人(?!次))", "general_spending.persons"),
    (r"举办节庆、晚会、论坛、赛事活动(?:开支)?(?:费用|支出)?(?=\s*(?:为|是)?\s*\d)", "general_spending.events"),
    # the national template's 绩效自评 sentence: …共涉及资金 X 万元，占一般公共预算项目支出总额的 p%; 共涉及项目 N 个，资金 X
    # 万元 (the funds after the count; 共涉及二级项目 N 个，资金 X 万元: Guangxi); 涉及一般公共预算财政拨款项目支出 X 万元
    # (Hunan): the evaluated projects' money, which need not be all of 项目支出; the template's 部门评价 sentence,
    # …开展了部门评价，涉及一般公共预算支出 X 万元，占一般公共预算项目支出总额的 p% (Ningxia), is the evaluated projects'
    # money as well
    (r"(?:(?<=涉及)|(?<=涉及项目\d个[，,])|(?<=涉及项目\d\d个[，,])|(?<=涉及项目\d\d\d个[，,])"
     r"|(?<=级项目\d个[，,])|(?<=级项目\d\d个[，,])|(?<=级项目\d\d\d个[，,]))"
     r"(?:(?:一般公共预算(?:财政拨款)?)?(?:资金|项目支出)|一般公共预算(?:财政拨款)?支出(?=\s*\d))", "performance.funds"),
    # Jiangsu: …全面开展绩效自评，其中，一级项目 3 个，二级项目 12 个: the projects evaluated by their level
    (r"[一二三]级项目(?=\s*\d{1,6}\s*个)", "performance.level_projects"),
    (r"一般公共预算(?:财政拨款)?项目支出(?:总额)?", "general_budget.project"),
    (r"编报绩效目标的", "performance.targets"),
    (r"绩效跟踪评价的", "performance.monitoring"),
    (r"绩效自评的", "performance.self_evaluation"),
    # Shandong: 组织对 N 个项目开展了事前绩效评估，对 N 个项目编制了绩效目标，…选取 N 个项目开展绩效监控，…对 N 个项目开展了
    # 绩效目标完成情况自评: the projects at each stage, counted after 对 (选取)
    (r"对(?=\s*\d{1,6}\s*个项目开展了?事前绩效评估)", "performance.ex_ante"),
    (r"对(?=\s*\d{1,6}\s*个项目(?:编制|编报|设定)了?绩效目标)", "performance.targets"),
    (r"选取(?=\s*\d{1,6}\s*个项目开展了?绩效(?:运行)?监控)", "performance.monitoring"),
    # Jiangsu: 组织开展部门评价项目 N 个, 组织对 N 个项目开展了部门评价 (重点绩效评价): the projects evaluated by the department;
    # the projects named between 对 and the count (Anhui: 组织对“甲”“乙”等 N 个项目…; Jiangxi: 组织对水文测报项目等 N 个项目…)
    (r"(?:部门|重点)(?:绩效)?评价的?项目(?=\s*\d{1,6}\s*个)"
     r"|对(?:\s*\d{4}\s*年度?)?[^，。；\d]{0,40}?(?=\d{1,6}\s*个项目开展了?(?:部门|重点)(?:绩效)?评价)",
     "performance.evaluation"),
    # …共涉及项目 N 个 (the national template's), 对 N 个项目开展了绩效自评 (其他省份: 对2023年度2个项目…, 对…专项等3个项目…;
    # Yunnan's 对2024年度…安排的6个项目全部开展了绩效自评): the projects evaluated, counted after 项目 or after 对
    # (the words between 对 and the count are the subject's: 对部门整体支出和6个项目… names no 支出 of its own); 共有 N 个
    # 项目开展绩效自评 too
    (r"(?<=涉及)项目(?=\s*\d)"
     r"|对(?:\s*\d{4}\s*年度?)?[^，。；\d]{0,20}?(?=\d{1,6}\s*个[^，。；\d]{0,12}?项目(?:全部|均|都)?开展了?(?:绩效目标完成情况|绩效)?自评)"
     r"|共有(?=\s*\d{1,6}\s*个项目(?:全部|均|都)?开展了?(?:绩效)?自评)"
     r"|(?<=共)自评项目(?=\s*\d{1,6}\s*个)",  # Fujian's …开展绩效自评，共自评项目 9 个
     "performance.self_evaluation"),
    # the central template's 在2024年度部门决算中反映“甲”、“乙”等 N 个项目的绩效自评结果 (or “甲”“乙”N 个项目绩效自评
    # 结果, without 等): the projects whose results the report prints, some of those evaluated
    (r"(?<=反映)[^，。；\d]{0,40}?(?=\s*\d{1,6}\s*个项目的?绩效自评结果)", "performance.reported"),
    # a bound all the scores are above (自评综合得分均在 90 分以上): no score of a project, its number the words'
    (r"(?:自评)?(?:综合)?得分均(?:在|为)\s*\d{1,3}\s*分(?:（含）)?以上", "performance.score_bound"),
    # the projects of a band of scores (Beijing's 自评得分90分（含）以上的项目 10 个，自评得分80分（含）至90分的项目 2 个; 80-90
    # 分的项目, 60分以下的项目): the band's bounds are its name's, kept in text, never counts of projects evaluated
    (r"(?:(?:自评)?(?:综合)?得分\s*)?(?:[0-9]{2,3}\s*分\s*(?:[（(]含[）)])?\s*(?:以上|以下)"
     r"|[0-9]{2,3}\s*分?\s*(?:[（(]含[）)])?\s*(?:至|[-－~～—])\s*[0-9]{2,3}\s*分\s*(?:[（(]不?含[）)])?(?:以下)?)"
     r"的项目(?=\s*[0-9]{1,6}\s*个)", "performance.score_band"),
    # grades counted before their grade (Shaanxi: 10个项目评价等级为“优”，2个项目评价等级为“良”; 12个项目自评等级均为“优”):
    # the counts are the words', kept in text, as a list's are added up by narrative.count_parts
    (r"[0-9]{1,6}\s*个项目的?(?:自评|评价|绩效)?(?:等级|结果|评级)(?:均|全部|都)?为\s*[“\"‘]?(?:优秀?|良好?|不?合格|中|差)[”\"’]?",
     "performance.grades"),
    # a coverage of the self-evaluation (Guizhou: 共涉及项目 N 个，资金 A 万元，绩效自评覆盖率 100%): of the projects or of
    # their money, the sentence does not say which; its rate is the words', kept in text
    (r"(?:项目)?(?:绩效)?自评覆盖率(?:为|达到?)?\s*\d{1,3}(?:\.\d+)?\s*%", "performance.coverage"),
    # a project's score (项目自评得分 95 分, 自评得分分别为 96 分和 88 分; Guizhou's 部门整体支出绩效自评综合得分为 94.20 分),
    # never a band's bound (自评得分 90 分（含）以上的项目)
    (r"自评(?:综合)?得分(?=(?:分别)?\s*(?:为|是)?\s*\d{1,3}(?:\.\d+)?\s*分(?![（(]含|以[上下]|至))", "performance.score"),
    (r"平均得分", "performance.average_score"),
    (r"绩效评级为“优”的项目", "performance.grade.excellent"),
    (r"绩效评级为“良”的项目", "performance.grade.good"),
    (r"绩效评级为“不合格”的项目", "performance.grade.failed"),
    (r"绩效评级为“合格”的项目", "performance.grade.passed"),
    # a grade and its count in a list (自评结果为：优5个、良1个; 其中：优4个，良1个; 自评等级为优的项目5个，良的项目1个):
    # narrative.count_parts adds them up
    (r"(?<=[：:、，,；;为])\s*[“\"‘]?优秀?[”\"’]?(?:等级)?(?:的项目)?(?=\s*\d{1,6}\s*个)", "performance.grade.excellent"),
    (r"(?<=[：:、，,；;为])\s*[“\"‘]?良好?[”\"’]?(?:等级)?(?:的项目)?(?=\s*\d{1,6}\s*个)", "performance.grade.good"),
    (r"(?<=[：:、，,；;为])\s*[“\"‘]?中[”\"’]?(?:等级)?(?:的项目)?(?=\s*\d{1,6}\s*个)", "performance.grade.fair"),
    (r"(?<=[：:、，,；;为])\s*[“\"‘]?差[”\"’]?(?:等级)?(?:的项目)?(?=\s*\d{1,6}\s*个)", "performance.grade.poor"),
    (r"共发现问题", "performance.problems"),
    (r"已经完成整改的", "performance.problems.fixed"),
    (r"正在整改的", "performance.problems.fixing"),
    (r"在面向中小企业预留的?政府采购项目中", "procurement.sme_reserved.awarded"),
    (r"在面向小微企业预留的?政府采购项目中", "procurement.small_reserved.awarded"),
    (r"在其他政府采购项目中", "procurement.other.sme_awarded"),
    (r"面向中小企业预留的?政府采购项目预算金额", "procurement.sme_reserved"),
    (r"面向小微企业预留的?政府采购项目预算金额", "procurement.small_reserved"),
    # Zhejiang's counties: 政府采购支出总额 A 万元，其中：货物类 B 万元，服务类 C 万元 — a kind named alone in a list, an
    # amount in 万元 after it
    (r"货物类?采购(?:金额|支出)?|政府采购货物类?(?:支出|金额)|(?<=[：:，,；;、])货物类(?=\s*[\d,.]+\s*万?元)",
     "procurement.goods"),
    (r"工程类?采购(?:金额|支出)?|政府采购工程类?(?:支出|金额)|(?<=[：:，,；;、])工程类(?=\s*[\d,.]+\s*万?元)",
     "procurement.works"),
    (r"服务类?采购(?:金额|支出)?|政府采购服务类?(?:支出|金额)|(?<=[：:，,；;、])服务类(?=\s*[\d,.]+\s*万?元)",
     "procurement.services"),
    (r"政府采购金额|政府采购支出总额", "procurement"),
    (r"授予中小企业合同金额", "procurement.sme"),  # the national template's 授予中小企业合同金额，占政府采购支出总额的
    (r"授予小微企业合同金额", "procurement.small_micro"),
    (r"共有车辆", "vehicles"),
    # the central template of 2023 on: 副部（省）级及以上领导用车, 主要负责人用车, 离退休干部服务用车
    (r"(?:副部[（(]省[）)]级及以上|部级)领导(?:干部)?用车", "vehicles.ministerial"),
    (r"主要(?:领导干部|负责人)用车", "vehicles.principal"),
    (r"机要通信用车", "vehicles.confidential"),
    (r"一般公务用车", "vehicles.general"),  # the templates before 2022: 一般公务用车, 执法执勤用车, 特种专业技术用车
    (r"应急保障用车", "vehicles.emergency"),
    (r"执法执勤用车", "vehicles.law_enforcement"),
    (r"特种专业技术用车", "vehicles.special"),
    (r"离退休干部(?:服务)?用车", "vehicles.retired"),
    (r"其他用车", "vehicles.other"),
    # 单价 (Liaoning's 单位价值) 100 万元以上专用设备
    (r"(?:单价|单位价值)\s*(?:100|X+)\s*万\s?元(?:（含）)?以上的?(?:专用|通用)?设备(?:（不含车辆）)?", "equipment"),
    # the national template's 单价 50 万元以上通用设备 beside its 100 万元 ones: a count the account does not hold
    (r"(?:单价|单位价值)\s*\d+\s*万\s?元(?:（含）)?以上的?(?:专用|通用)?设备(?:（不含车辆）)?", "equipment.other_price"),
    # 八, 九: "…收入 XXX 万元，支出 XXX 万元" (the template prints "支出收入"): the fund's expenditure
    (r"(?<=[，,])支出(?:收入)?(?=\s*(?:\d|X))", "fund.expenditure"),
    # every fund's 财政拨款支出: a subject in a section on it (FISCAL_EXPENDITURE_SECTION), elsewhere a noun of none
    (r"财政拨款支出", "fiscal.expenditure"),
)
#: Every subject's phrase, searched as one alternation (:class:`budgetkit._regex.Phrases`: each match with the
#: number of its phrase in ``_SUBJECTS``).
_SUBJECT: Final = Phrases([pattern for pattern, _ in _SUBJECTS])

#: Every subject key a statement may carry: the phrases' keys, and ``<fund>.class|section|item`` for a
#: printed 类/款/项 path in 五 (general_budget), 八 (government_fund) or 九 (state_capital), and 三's 类 of every fund.
SUBJECT_KEYS: Final = tuple(
    dict.fromkeys(
        [
            key
            for _, key in _SUBJECTS
            if key not in ("fund.expenditure", "fund.part", "unit.income", "unit.expenditure", "three_public.vehicle.part")
        ]
        + ["government_fund.expenditure", "state_capital.expenditure", "general_budget.project", "expenditure.class"]
        + [f"{fund}.{end}" for fund in ("government_fund", "state_capital") for end in ("opening", "closing")]
        + [f"{context}.type" for context in ("three_public.vehicles_held", "three_public.vehicles_purchased")]
        + [
            f"{fund}.{level}"
            for fund in ("general_budget", "government_fund", "state_capital", "fiscal")
            for level in ("class", "section", "item")
        ]
    )
)

#: A 类/款/项 path as printed: 社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）.
#: A name may hold a word in brackets (政府办公厅（室）及相关机构事务, 中医（民族医）药专项), never （类）, （款） or （项）.
_BRACKETED: Final = r"（(?![类款项]）|[一二三四五六七八九十]+）)[\u4e00-\u9fff]{1,6}）"
#: A 款's or 项's name: it may hold a 、 after its first character (在乡复员、退伍军人生活补助). (The bracketed word
#: written once: ``re`` takes a millisecond to compile each class of CJK characters.)
_LOWER_NAME: Final = rf"(?!、)(?:[^\s，。；：（）]|{_BRACKETED}){{1,40}}?"
#: A 类 alone may print its 支出 after the bracket (社会保障和就业（类）支出 1,040.00 万元, as many 结构情况 lists do): the
#: class is 社会保障和就业支出 (:func:`_class_name`), as its 项 lines name it.
_PATH: Final = re.compile(
    rf"(?P<c>(?:[^\s，。；：、（）“”\d.．]|{_BRACKETED}){{1,40}}?)\s*（类）"
    rf"(?:(?P<x>支出)(?=\s*(?:决算)?(?:为|是)?\s*[\d.．]))?"
    rf"\s*(?:(?P<s>{_LOWER_NAME})\s*（款）)?"
    rf"\s*(?:(?P<i>{_LOWER_NAME})\s*（项）)?"
    # its code printed in brackets after it (…行政运行（项）（2080101）): part of its name, no figure
    r"(?:\s*[（(](?P<code>\d{3}|\d{5}|\d{7})[）)])?"
)


def _class_name(m: re.Match[str]) -> str:
    """The 类's name of a printed path: 社会保障和就业（类）支出 is 社会保障和就业支出.

    >>> _class_name(_PATH.search("社会保障和就业（类）支出 1,040.00 万元")), _class_name(_PATH.search("教育支出（类）10 万元"))
    ('社会保障和就业支出', '教育支出')
    """
    name = m.group("c")
    return name + "支出" if m.group("x") and not name.endswith("支出") else name

#: A 款（/项） path printed without its 类, in a point under one that printed the 类 alone (Henan: "1.一般公共服务支出
#: （类）…其中：" then "（1）市场监督管理事务（款）行政运行（项）…").
_PATH_UNDER: Final = Lazy(
    rf"(?P<s>(?:[^\s，。；：、（）“”\d.．]|{_BRACKETED}){{1,40}}?)\s*（款）\s*(?:(?P<i>{_LOWER_NAME})\s*（项）)?"
)
#: A paragraph that ends by opening a list of points, its parts (…主要用于以下方面：, 其中：, 具体如下：).
_LIST_OPENS: Final = re.compile(r"(?:其中|如下|以下方面|主要用于|包括)\s*[：:]\s*$")
#: A paragraph ending with 其中： after its whole (…基本支出 1,430.00 万元，其中：): the paragraphs that follow, numbered
#: or not, are its parts (Guangxi prints 人员经费 and 公用经费 each on a line of its own, 占 p% without a whole), up to
#: the next heading or the next paragraph ending with another opener (主要用于以下方面：).
_PARTS_OPEN: Final = re.compile(r"其中\s*[：:]\s*$")
#: A point's number that is a sub-point: （1）, (1).
_SUB_POINT: Final = re.compile(r"^\s*[（(]\d{1,2}[）)]")

#: 共接待 after a kind of 公务接待 in its clause counts that kind (国内公务接待支出 9.12 万元，共接待 68 批次，612 人次;
#: Fujian), not every reception (全年共接待 90 批次…，其中：国内公务接待 86 批次…).
_RECEPTION_KINDS: Final = frozenset({"three_public.reception.domestic", "three_public.reception.foreign"})
_OTHER_CLAUSE: Final = re.compile(r"[。；;]|其中")
#: What joins a figure to the subject named after it: 90.00 万元为财政拨款收入, 60.00 万元用于基本支出.
_NAMED_AFTER: Final = re.compile(r"\s*(?:为|用于|系)\s*")
#: The sections whose 类/款/项 are of which table and which fund (by the template's section: :func:`section_role`);
#: a section on 财政拨款支出's are every fund's (FISCAL_EXPENDITURE_SECTION).
_FUND_OF_SECTION: Final = MappingProxyType(
    {"五": "general_budget", "八": "government_fund", "九": "state_capital", "财政拨款支出": "fiscal"}
)
#: The sections whose 类 print without （类）: 五's lines (一般公共预算财政拨款支出 by 类), and 三's breakdown of 本年支出合计
#: by function (按支出功能分类，本年支出合计中：科学技术支出 A 万元，占 p%), every fund's, which no line of the model holds;
#: a section on 财政拨款支出's of every fund's.
_CLASSES_OF_SECTION: Final = MappingProxyType(
    {"五": "general_budget.class", "三": "expenditure.class", "财政拨款支出": "fiscal.class"}
)
#: The template's section a heading names, by its words, most specific first: provinces number their sections
#: otherwise (Gansu's 三、一般公共预算财政拨款支出决算情况; Guangxi's 六、…“三公”经费…; Zhejiang's （七）政府性基金…).
#: ``OTHER_SECTION`` is a section the grammar reads as none of the template's figures sections (项目支出,
#: 机关运行经费, 政府采购, 绩效 …).
OTHER_SECTION: Final = "其他"
#: A section on the unit itself (部门基本情况: 职能职责, 机构设置, 人员构成), printed inside the 情况说明 by Beijing,
#: Chongqing and Xinjiang (Shanghai prints it in 第一部分): its numbers (内设 5 个处室, 实有人数 38 人) are kept in its
#: text, never read as the account's figures.
PROFILE_SECTION: Final = "概况"
#: A section on every fund's 财政拨款支出 by 类 (Jiangxi's 2019 三、财政拨款支出决算情况说明: 一般公共服务支出（类）
#: 330.00 万元，占 84.62%): 四's kind of section (its bare 收入总计 and balances are 表四's), whose 财政拨款支出 and 类 are
#: every fund's, which the importer reads as 一般公共预算's where that is all of 财政拨款.
FISCAL_EXPENDITURE_SECTION: Final = "财政拨款支出"
#: How much of a heading is read for its section's words.
_HEADING_LENGTH: Final = 60  # room for a unit's name and year (（五）某某市某某局2017年度一般公共预算…)
_SECTION_ROLES: Final = (
    (re.compile(r"政府性基金"), "八"),
    (re.compile(r"国有资本经营"), "九"),
    (re.compile(r"三公"), "七"),
    (re.compile(r"项目支出|机关运行|机构运行|政府采购|国有资产|绩效|其他重要事项|名词解释"), OTHER_SECTION),
    (re.compile(r"基本支出"), "六"),
    (re.compile(r"一般公共预算(?:财政拨款)?支出"), "五"),
    # Hubei's （一）财政拨款支出决算总体情况 is 四's 财政拨款收、支总计
    (re.compile(r"财政拨款(?:收入?、?)?支出?(?:决算)?总|财政拨款收入支出|财政拨款收入(?:决算)?情况"), "四"),
    # Jiangxi's 2019 三、财政拨款支出决算情况说明: every fund's 财政拨款支出 by 类 (Hubei's 二、财政拨款支出决算情况 too,
    # whose subsections say which of its parts they are: （一）…总体情况 is 四, （二）一般公共预算… 五)
    (re.compile(r"(?<![预算])财政拨款支出(?:决算)?情况"), FISCAL_EXPENDITURE_SECTION),
    # Inner Mongolia's （一）关于收支情况总体说明
    (re.compile(r"收入支出决算总|收、?支决算总|收入支出(?:总体|总计)|收支(?:情况)?总体"), "一"),
    (re.compile(r"收入决算"), "二"),
    (re.compile(r"支出决算"), "三"),
    (re.compile(r"基本情况|概况|职能职责|主要职[能责]|机构设置|人员构成|人员情况"), PROFILE_SECTION),
)

#: What a subsection printed as a sentence may say after the subject it opens with, before its first figure
#: (…支出年初预算为 800.00 万元; …基本支出 600.00 万元): not words of a section's heading.
_LEADING_SUBJECT: Final = re.compile(r"(?:\d{4}\s*年度?)?(?:年初预算|全年预算|调整后?的?预算|决算)?数?(?:为|是)?\s*$")

_YEAR: Final = re.compile(r"(?P<y>\d{4})\s*年(?:\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*日)?)?(?P<du>度)?")
#: The units a figure may print after it; 万元 may be printed with a space inside (万 元: a justified line's spacing, which
#: a PDF's text keeps), read as 万元.
_UNITS: Final = r"万\s?元|万|元|%|％|个|辆|批次|人次|台（套）|分|次|人|倍"
_FIGURE: Final = re.compile(
    rf"(?<![0-9A-Za-z.])(?:(?P<n>[-−]?(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?)|(?P<x>X{{2,}}))\s*(?P<u>{_UNITS})?"
)
#: Every number as budgetkit.io.document counts them.
_NUMBER: Final = re.compile(r"(?<![0-9A-Za-z.])[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?")
#: The note printed for a rate that cannot be computed (增长--（基数为0，不可比）: Guangdong).
_NO_BASE: Final = re.compile(r"[（(]\s*(?:上年)?(?:基数)?为\s*(0)\s*[，,、]?\s*不可比\s*[）)]")  # (上年为0，不可比)
#: A point's number: 1、, 1. or (Inner Mongolia's points under a （七）) （1）.
_ENUMERATOR: Final = re.compile(r"^\s*(?:(\d+)\s*[、.．](?!\d)|[（(](\d{1,2})[）)])")
#: A point's enumerator run on after the sentence before it, its line joined to the paragraph (具体情况如下：1.因公出国
#: （境）费。本年度无…。2.公务用车购置及运行维护费。…): the enumerator of a point, no figure.
_INLINE_ENUMERATOR: Final = re.compile(r"(?<=[：:。；;])\s*(\d{1,2})[、.．](?=[\u4e00-\u9fff“（(])")

#: A change's word before its figure: 减少了 1.44%; 增幅 9.09%, 降幅为 4.17%, 回落 17.17% (Hainan; a rate, read as 增长,
#: 下降, 下降).
_CHANGE_WORD: Final = re.compile(r"(增加|减少|增长|下降|降低|增幅|降幅|回落)(?:了|为|达)?(（(?:增加|减少|增长|下降)）)?\s*$")
_RATE_WORDS: Final = MappingProxyType({"增幅": "增长", "降幅": "下降", "回落": "下降"})
#: A figure that is last year's (与 2022 年 988.88 万元相比, 上年决算数为 90 万元) or a difference from a budget (决算数大于预算数 55.93 万元,
#: 比年初预算增加 5 万元): no figure of the subject this year, and no change against last year.
#: A change against a budget, as :data:`_NOT_THIS_YEAR` finds it: 比年初预算数增加 (the budget, and the word).
_AGAINST_BUDGET: Final = re.compile(
    r"(?:与|比|较)\s*(?P<b>(?P<role>年初预算|全年预算|预算)数?)\s*(?P<w>增加|减少|增长|下降)(?:（(?:增加|减少|增长|下降)）)?\s*$"
)
#: A budget named after the year a change is against (比2024年“三公”经费财政拨款年初预算…减少: Beijing).
_YEAR_BUDGET: Final = re.compile(r"(年初预算|全年预算|调整后?的?预算)数?")  # (never 一般公共预算's 预算)
_NOT_THIS_YEAR: Final = re.compile(
    r"(?:(?:与|比|较)\s*(?:\d{4}\s*年度?|上一?年度?)(?:同期)?(?:决算数?)?(?:的)?"
    r"|(?<![\u4e00-\u9fff])上一?年度?(?:同期)?(?:决算数?)?(?:为|是)"  # ，上年决算数为 90 万元
    r"|(?:大于|小于|超过|超出|高于|低于)\s*(?:年初|全年|调整后?的?)?预算数?"
    r"|(?:与|比|较)\s*(?:年初|全年|调整后?的?)?预算数?\s*(?:增加|减少|增长|下降|超支|节约|节支)(?:（(?:增加|减少|增长|下降)）)?"
    r"|差(?:值|额|异)(?:为|是)?)\s*$"  # …，年初预算为 2.95 万元，差值为 0.9 万元 (Heilongjiang)
)
#: The words before the amount of a year compared with (a :data:`_NOT_THIS_YEAR` match): 与2022年 (then 相比 after
#: the amount), 上年决算数为.
_COMPARED_AMOUNT: Final = re.compile(
    r"(?P<against>(?:与|比|较)\s*)?(?:(?P<y>\d{4})\s*年度?|上一?年度?)(?:同期)?(?:决算数?)?(?:的|为|是)?\s*"
)
#: What follows last year's amount: 相比 (与2022年 988.88 万元相比), the change itself (比2023年度 95.00 万元增加 5.00
#: 万元), or 持平 (与上年 10.02 万元基本持平).
_THEN_COMPARED: Final = re.compile(r"\s*(?:相比|比较|相较|对比|[，,]?\s*(?:增加|减少|增长|下降|降低)了?\s*\d|(?:基本)?持平)")
#: A figure named short in a section of one fund or one table, by (section role, subject): the section's own
#: (八: 本年收入 10.00 万元，本年支出 8.00 万元 are the 政府性基金's; 五: 其中：基本支出 A 万元，项目支出 B 万元 and 六's
#: 基本支出 are 一般公共预算财政拨款's), never 表一's or 表三's figure of that name.
_OWN_FIGURES: Final = MappingProxyType(
    {
        **{(role, "income.year_total"): f"{fund}.income" for role, fund in (("八", "government_fund"), ("九", "state_capital"))},
        **{(role, "expenditure.year_total"): f"{fund}.expenditure" for role, fund in (("八", "government_fund"), ("九", "state_capital"))},
        # 八's 年初财政拨款结转和结余, 本年财政拨款收入/支出, 年末…: its fund's (表八's), not 四's over every fund
        **{
            (role, key): f"{fund}.{end}"
            for role, fund in (("八", "government_fund"), ("九", "state_capital"))
            for key, end in (
                ("fiscal.opening_total", "opening"),
                ("income.fiscal", "income"),
                ("fiscal.year_expenditure", "expenditure"),
                ("fiscal.closing_total", "closing"),
            )
        },
        # …收入总计 A 万元，…；支出总计 A 万元 in 八: the fund's totals, which no field holds (never 表一's)
        **{
            (role, key): ""
            for role in ("八", "九")
            for key in ("income.total", "expenditure.total", "fiscal.total", "fiscal.expenditure_total")
        },
        ("五", "expenditure.basic"): "general_budget.basic",
        ("六", "expenditure.basic"): "general_budget.basic",
        ("五", "expenditure.project"): "general_budget.project",
    }
)
#: The balances of 表一 (年初结转和结余, 年末结转和结余): named alike for a fund's balances in 四, 八 and 九.
_BALANCES: Final = MappingProxyType({"income.opening_balance": "opening", "expenditure.closing_balance": "closing"})
#: A noun naming an amount that is none of the grammar's subjects (财政拨款支出, 培训费, 使用非财政拨款结余): a figure
#: printed after it is its figure, not the subject's named before it (see :meth:`_ParagraphReader._others`).
_OTHER_HEAD: Final = re.compile(r"支出|收入|经费|费用|费|结余|结转|总计|合计|资金|工资|津贴|补贴|奖金|公积金|补助|余额")
#: What a head may be followed by and still not name an amount: 支出决算为, 收入预算数, 支出数 (a role of the subject),
#: 按支出功能分类 (a way of dividing one), （一）收入情况： (a subsection's heading on one).
_OTHER_ROLE_AFTER: Final = re.compile(r"\s*(?:决算|预算|数|功能分类|经济分类|情况)")
#: A subject's counts and nothing else, between its name and a bare 支出 (…86 批次、702 人次，支出 15.20 万元).
_COUNTS_BETWEEN: Final = re.compile(r"(?:[\s，,、]*\d+\s*(?:批次|人次|个|人|次|辆))+[\s，,]*")
#: What may stand before a bare head that then names no new amount: 共计支出 0.40 万元 (the subject's own).
_OTHER_LEAD: Final = re.compile(r"(?:共计|共|合计|累计|其中)$")
#: What opens a clause that says what the subject named before is (Guangxi: "上级补助收入 8.38 万元，为事业单位开展
#: 业务活动取得的收入"): a noun inside it names no amount of its own.
_DEFINING: Final = frozenset("为是指系即")
#: 收、支总计 with two figures, the first of each pair the income's and the second the expenditure's:
#: "收、支总计各是 A,B 万元", "各减少 X、Y 万元", "各下降 p%、q%", "分别为 A 万元、B 万元".
_PAIRS: Final = MappingProxyType(
    {
        "total": ("income.total", "expenditure.total"),
        "fiscal.total": ("fiscal.total", "fiscal.expenditure_total"),
    }
)
#: A number as printed, grouped in thousands or not (1,120.96 is one number, never the pair 1 and 120.96).
_GROUPED: Final = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+\.\d+|\d+(?!\d|,\d{3}(?!\d))"
_PAIR_VALUES: Final = re.compile(
    r"(?P<w>各是|各为|分别是|分别为|(?:各|分别)(?:增加|减少|增长|下降))(?:了)?\s*"
    rf"(?P<a>{_GROUPED})\s*(?P<ua>万元|元|%|％)?\s*[,，、和与及]\s*(?P<b>{_GROUPED})\s*(?P<ub>万元|元|%|％)"
)
#: A table typed as lines of text (Hainan's 三公: "…预算与决算情况如下表（单位：万元）：", then "项目 预算数 决算数" and a
#: line a row, "公务接待费 5.00 3.16"): the sentence that gives its unit, the header that names its columns' roles, and
#: a row of a subject's name and as many figures as the header has columns.
_TYPED_UNIT: Final = re.compile(r"如下表\s*[（(]单位[：:]\s*(?P<u>万元|元)\s*[）)]\s*[：:]?\s*$")
_TYPED_HEADER: Final = re.compile(r"^\s*项目(?P<columns>(?:\s+(?:预算数|决算数)){2})\s*$")
_TYPED_ROW: Final = re.compile(rf"^\s*(?:其中\s*[：:]\s*)?(?P<name>[^\s\d]+)(?:\s+(?:{_GROUPED})){{2}}\s*$")
#: The lines of 表七 a typed table's row may name (:meth:`_ParagraphReader.read_row`).
_TYPED_LINES: Final = frozenset(
    {
        "three_public", "three_public.outbound", "three_public.vehicle", "three_public.vehicle_purchase",
        "three_public.vehicle_operation", "three_public.reception",
    }
)
#: The words between a subject and a nought printed without its unit that make it the subject's amount (…费为0,
#: …支出决算为0); any other (增加0, 比上年0) leaves the nought not understood.
_BARE_ZERO_LEAD: Final = re.compile(r"\s*(?:支出)?(?:决算)?数?(?:为|是)?\s*")
#: A share's lead: 占 p%, 占比 p%, 占本年支出合计的（比重为） p%; 占比重为 p% (所占比重为: Anhui) names no whole — its 比 is
#: 比重's, never 占比's (before, 重 was read as the whole, and the share went unchecked).
_SHARE: Final = re.compile(r"占(?:比(?![重例]))?(?P<of>[^，。；：\d]*?)的?(?:比重|比例)?(?:为|是)?\s*$")
#: 完成年度预算的 p% (Hebei's and Shanxi's counties) is 完成预算的: the year's budget, which of them not said.
_COMPLETION: Final = re.compile(
    r"(?:完成(?:年度)?(?P<of>年初预算|全年预算|调整(?:后的?)?预算|预算)数?的?|(?:预算)?(?:完成率|执行率)(?:为|是)?"
    r"|为(?P<of2>年初预算|全年预算|调整(?:后的?)?预算|预算)数?的)\s*$"  # 为调整预算数的 100.66%
)
#: The role a money figure's lead names: 年初预算为, 全年预算数, 调整后预算为 / 预算调整为 (a 全年预算), 决算数为.
_ROLE: Final = re.compile(r"(年初预算|全年预算|调整后?的?预算|预算调整后?的?|预算|决算)(?:数)?(?:为|是)?\s*$")
_COMPARED: Final = re.compile(r"(?:与|比|较)\s*(?:(?P<y>\d{4})\s*年度?|(?P<last>上一?年度?))")
#: A compared year said to be a base year (比2019年（疫情前）决算数…: Guangdong prints it beside the change on last year).
_QUALIFIED_YEAR: Final = re.compile(r"\s*[（(][^）)]{1,10}[）)]")
_DIRECTION: Final = re.compile(
    r"决算数\s*(?:(?P<w>大于|小于|等于)(?P<alt>（(?:大于|小于|等于)）)?|(?P<p>同|与))\s*(?P<a>年初预算数|全年预算数|调整后?的?预算数?|预算数|年初预算|全年预算)(?P<flat>持平)?"
)
#: One event of 七's dated list of 国内公务接待: [YYYY年]M月D日接待 <party> 一行 N 人 <purpose>，支出…费 X 元.
_EVENT: Final = re.compile(
    r"(?:(?P<y>\d{4})\s*年\s*)?(?<!\d)(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日[，,]?\s*接待(?P<party>[^，。；\d]{1,60}?)"
    r"一行\s*(?P<n>\d+)\s*人(?!次)(?P<purpose>[^，。；]{0,80})[，,]\s*(?:共(?:计)?)?支出[^，。；\d]{0,8}?"
    r"(?P<cost>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?P<unit>元|万元)"  # 1,260.00 元 grouped in thousands too
)
_FLAT: Final = re.compile(r"(?:与|同)\s*(?P<a>上一?年度?|(?:\d{4})\s*年度?)\s*持平")
_REASON: Final = re.compile(
    r"(?:主要(?:变动|增减|变化)?原因(?:是|为)?|(?<=[，,；;])主要是(?![：:]|用于)|(?<=数)主要是?(?:由于|因为)|(?<=数的)主要情况)"
    r"[：:]?\s*(?P<t>[^。]*)"
)  # …增长 11.11%，主要是人员经费增加 8 万元 (决算数小于预算数主要是由于…): the reason's figures are kept as printed
#: A reason without 主要, after a clause mark (…，差值为 0.9 万元，原因为厉行节约；…; …，增长原因是…) or a direction
#: (决算数小于预算数的原因是…): it ends at the clause's end (；), where the next item's figures go on.
_SHORT_REASON: Final = re.compile(
    r"(?:(?<=[，,；;。])\s*(?:(?:增加|减少|增长|下降|变动|变化|差异)的?)?|(?<=数的))原因(?:是|为)[：:]?\s*(?P<t>[^。；;]*)"
)
#: A purpose ends at the sentence's end, or where a clause dated anew begins (…维修费等，截至2023年12月底，单位共有
#: 公务用车 4 辆: Beijing), or one counting receptions (主要用于接待…调研，公务接待 20 批次、150 人次; Gansu's …，国内公务
#: 接待 35 批次，280 人次), whose figures are of their own subjects. 主要用于： followed by figures with their shares
#: (Shanxi's 五（二）: 主要用于：自然资源海洋气象等支出 700.00 万元，占 82.35%) opens parts, as 主要用于以下方面： does; it is
#: no purpose (nor is one listing 类 with their figures in a section of 类: _ParagraphReader._lists_classes).
_PURPOSE: Final = re.compile(
    r"(?:主要用于(?!以下方面)(?![：:][^。；]*?占)|开支内容包括|主要包括)[：:]?[^。；]*?"
    r"(?=，列明|[，,]\s*截[至止]|[，,]\s*(?:全年)?(?:共计?)?(?:国内|外事)?(?:公务)?接待\s*\d|。|；|$)"
)
#: What a project achieved, as its 绩效自评结果 prints it (Jiangsu: 项目绩效目标完成情况：完成系统升级模块 8 个，接入监督对象
#: 1,260 家，自评得分 96 分): its outputs, kept in its text as a purpose's items are; its score is read after it. One that
#: names a subject of the account (…目标完成情况：“三公”经费支出决算 A 万元) is read as any sentence is.
_ACHIEVED: Final = re.compile(r"(?:绩效)?目标(?:完成|实现)情况[：:][^。；]*?(?=[，,]\s*(?:项目)?自评得分|。|；|$)")
#: The words that make an amount in a 主要用于 clause the subject's own figure, not an item of its breakdown.
_ROLE_WORD: Final = re.compile(r"预算|决算|完成|增加|减少|增长|下降|降低|占|为|是|合计|总计|共计")
_ABSENCE: Final = re.compile(
    r"无(?P<what>[“\"]三公[”\"]经费财政拨款支出|政府性基金预算财政拨款收入和支出|国有资本经营预算财政拨款收入和支出|机关运行经费支出)(?!的部门)"
)
_ABSENT_SUBJECT: Final = MappingProxyType(
    {
        "政府性基金": "government_fund",
        "国有资本经营": "state_capital",
        "三公": "three_public",
        "机关运行经费": "office_running",
    }
)
#: Template wording a writer should have replaced: instructions, choices, blanks.
_UNFILLED: Final = re.compile(
    r"（如持平作持平表述）|（不涉及的不列）|……|按上述格式依次说明到各项级科目[^。]*。?|无[^，。]*的部门，作下述说明："
    r"|列明公务用车购置数量|（制度名称）|部门（单位）|X{2,}(?!\s*(?:" + _UNITS + r"))"
    r"|(?:增加|减少|增长|下降|大于|小于)（(?:增加|减少|增长|下降|大于|小于)）"
)

#: Where each subject's figure is printed, by role: (table, row, column); the row "{code}" is the path's code.
_PLACES: Final[Mapping[tuple[str, Role], tuple[str, str, str]]] = MappingProxyType(
    {
        ("total", Role.ACTUAL): ("summary", "income.total", "amount"),
        ("income.total", Role.ACTUAL): ("summary", "income.total", "amount"),
        ("expenditure.total", Role.ACTUAL): ("summary", "expenditure.total", "amount"),
        ("income.year_total", Role.ACTUAL): ("summary", "income.year_total", "amount"),
        ("expenditure.year_total", Role.ACTUAL): ("summary", "expenditure.year_total", "amount"),
        ("income.fiscal", Role.ACTUAL): ("income", "total", "fiscal"),
        ("general_budget.income", Role.ACTUAL): ("summary", "income.general_budget", "amount"),
        ("income.superior_subsidy", Role.ACTUAL): ("income", "total", "superior_subsidy"),
        ("income.business", Role.ACTUAL): ("income", "total", "business"),
        ("income.operating", Role.ACTUAL): ("income", "total", "operating"),
        ("income.affiliated", Role.ACTUAL): ("income", "total", "affiliated"),
        ("income.other", Role.ACTUAL): ("income", "total", "other"),
        ("expenditure.basic", Role.ACTUAL): ("expenditure", "total", "basic"),
        ("expenditure.project", Role.ACTUAL): ("expenditure", "total", "project"),
        ("expenditure.to_superior", Role.ACTUAL): ("expenditure", "total", "to_superior"),
        ("expenditure.operating", Role.ACTUAL): ("expenditure", "total", "operating"),
        ("expenditure.to_affiliated", Role.ACTUAL): ("expenditure", "total", "to_affiliated"),
        ("fiscal.total", Role.ACTUAL): ("fiscal_summary", "fiscal.income_total", "amount"),
        ("fiscal.expenditure_total", Role.ACTUAL): ("fiscal_summary", "fiscal.expenditure_total", "total"),
        ("fiscal.opening_total", Role.ACTUAL): ("fiscal_summary", "fiscal.opening", "amount"),
        ("fiscal.year_expenditure", Role.ACTUAL): ("fiscal_summary", "fiscal.expenditure", "total"),
        ("fiscal.closing_total", Role.ACTUAL): ("fiscal_summary", "fiscal.closing", "total"),
        ("income.opening_balance", Role.ACTUAL): ("summary", "income.opening_balance", "amount"),
        ("expenditure.closing_balance", Role.ACTUAL): ("summary", "expenditure.closing_balance", "amount"),
        ("income.non_fiscal_balance_used", Role.ACTUAL): ("summary", "income.non_fiscal_balance_used", "amount"),
        ("expenditure.surplus_distribution", Role.ACTUAL): ("summary", "expenditure.surplus_distribution", "amount"),
        ("general_budget.expenditure", Role.ACTUAL): ("general_budget_expenditure", "total", "total"),
        ("general_budget.basic", Role.ACTUAL): ("general_budget_expenditure", "total", "basic"),
        ("general_budget.class", Role.ACTUAL): ("general_budget_expenditure", "{code}", "total"),
        ("general_budget.section", Role.ACTUAL): ("general_budget_expenditure", "{code}", "total"),
        ("general_budget.item", Role.ACTUAL): ("general_budget_expenditure", "{code}", "total"),
        ("personnel", Role.ACTUAL): ("basic_expenditure", "general_budget.personnel", "amount"),
        ("public_use", Role.ACTUAL): ("basic_expenditure", "general_budget.public_use", "amount"),
        ("three_public", Role.ACTUAL): ("three_public", "three_public.total", "actual"),
        # the template's 年初预算 of 三公 is the 预算数 of 表七
        ("three_public", Role.OPENING_BUDGET): ("three_public", "three_public.total", "budget"),
        ("three_public.outbound", Role.ACTUAL): ("three_public", "three_public.outbound", "actual"),
        ("three_public.vehicle", Role.ACTUAL): ("three_public", "three_public.vehicle", "actual"),
        ("three_public.vehicle_purchase", Role.ACTUAL): ("three_public", "three_public.vehicle_purchase", "actual"),
        ("three_public.vehicle_operation", Role.ACTUAL): ("three_public", "three_public.vehicle_operation", "actual"),
        ("three_public.reception", Role.ACTUAL): ("three_public", "three_public.reception", "actual"),
        ("government_fund.income", Role.ACTUAL): ("government_fund", "total", "income"),
        ("government_fund.expenditure", Role.ACTUAL): ("government_fund", "total", "expenditure"),
        ("government_fund.opening", Role.ACTUAL): ("government_fund", "total", "opening"),
        ("government_fund.closing", Role.ACTUAL): ("government_fund", "total", "closing"),
        ("government_fund.class", Role.ACTUAL): ("government_fund", "{code}", "expenditure"),
        ("government_fund.section", Role.ACTUAL): ("government_fund", "{code}", "expenditure"),
        ("government_fund.item", Role.ACTUAL): ("government_fund", "{code}", "expenditure"),
        ("state_capital.income", Role.ACTUAL): ("state_capital", "total", "income"),
        ("state_capital.expenditure", Role.ACTUAL): ("state_capital", "total", "expenditure"),
        ("state_capital.opening", Role.ACTUAL): ("state_capital", "total", "opening"),
        ("state_capital.closing", Role.ACTUAL): ("state_capital", "total", "closing"),
        ("state_capital.class", Role.ACTUAL): ("state_capital", "{code}", "expenditure"),
        ("state_capital.section", Role.ACTUAL): ("state_capital", "{code}", "expenditure"),
        ("state_capital.item", Role.ACTUAL): ("state_capital", "{code}", "expenditure"),
    }
)

_BUDGET_ROLES: Final = MappingProxyType(
    {"年初预算": Role.OPENING_BUDGET, "全年预算": Role.FULL_YEAR_BUDGET, "预算": Role.BUDGET, "决算": Role.ACTUAL}
)
_MONEY_UNITS: Final = MappingProxyType({"万元": Decimal(1), "万": Decimal(1), "元": Decimal(10000)})  #: per 万元
#: How far back a sentence is looked for: a run-on "sentence" longer than this is cut (bounded time).
_SENTENCE_WINDOW: Final = 600
#: How far back a noun with no subject is looked for before its head (财政拨款支出: 财政拨款 before 支出).
_NOUN_WINDOW: Final = 40
_COUNT_UNITS: Final = frozenset({"个", "辆", "批次", "人次", "台（套）", "分", "次", "人"})
#: The subjects counted in 次 or 人 (团组 N 次，出国（境）N 人); another subject's "N 人" is not read as its count.
_COUNTED_IN_PERSONS: Final = frozenset(
    {
        "three_public.outbound.groups", "three_public.reception.foreign", "three_public.reception.domestic",
        "three_public.reception.guests", "three_public.reception.all",
    }
)
#: Subjects that are themselves a number of persons (一般性支出's 人数 260 人), counted in 人 wherever printed.
_PERSONS: Final = frozenset({"general_spending.persons"})
#: What may stand between a counted phrase and its counts: 团组 N 个、累计 N 人次; 团组 N 次，出国（境）N 人;
#: 接待 N 批次，N 人次; 接待国内来访团组 N 个、来宾 N 人次.
_COUNT_LEAD: Final = re.compile(r"[，,、\s]*(?:累计|共|出国[（(]境[）)]|来宾|(?:共|累计)?接待)?\s*")
#: The vehicles a 轿车/越野车/载客汽车 count is of: the last of these named before it in the paragraph.
_VEHICLE_CONTEXTS: Final = ("three_public.vehicles_held", "three_public.vehicles_purchased")
_SECTION: Final = re.compile(rf"^\s*(?P<n>{NUMERAL})、")
_SUBSECTION: Final = re.compile(r"^\s*(?P<n>（[一二三四五六七八九十]+）)")
_PART: Final = re.compile(r"^\s*第(?P<n>[一二三四五六七八九十]+)部分")
#: The first section of a 情况说明 (一、收入支出决算总体情况说明), where one printed without part headings opens.
_FIRST_SECTION: Final = re.compile(r"^\s*一\s*、\s*\S{0,12}收入支出决算总体情况(?:说明)?\s*$")
#: A part printed as a section (Zhejiang: 一、概况 二、…决算公开表 三、2023年度单位决算情况说明; Guizhou's with the
#: unit's name in each heading), whose sections are its subsections, the first of them （一）收入支出决算总体情况说明.
_SECTION_PART: Final = re.compile(r"^\s*[一二三四五六七八九十]+\s*、\s*\S{0,40}?决算情况说明\s*$")
_FIRST_SUBSECTION: Final = re.compile(r"^\s*[（(]一[）)]\s*\S{0,40}?收入(?:支出)?决算(?:总体)?情况")
#: The sections such a 说明 goes on with after its part (Chongqing: 二、部门决算情况说明 （一）…（八）, then 三、“三公”经费
#: 情况说明, 四、其他需要说明的事项): sections of the template's, not a part of the report's own (名词解释 is none).
_LATER_SECTION: Final = re.compile(
    r"^\s*[一二三四五六七八九十]+\s*、\s*\S{0,12}?(?:三公|其他(?:需要|重要)?(?:说明的?)?事项|机关运行|政府采购|国有资产|绩效)"
)
#: A section heading of 预算绩效管理情况 (a short heading, not a sentence that mentions 绩效).
_PERFORMANCE_HEADING: Final = Lazy(
    r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)\s*(?:(?:\d{4}年度?)?(?:预算)?绩效管理(?:工作)?(?:开展)?情况"
    r"|(?:\d{4}年度?)?预算绩效情况(?:说明)?\s*$"  # Jiangsu's （四）预算绩效情况说明, Tianjin's 十三
    r"|\S{0,12}?项目(?:支出)?绩效自评(?:结果|情况)"  # Hubei's 二、部门决算中项目绩效自评结果: the projects' summaries
    # Inner Mongolia's 一、关于2023年度预算执行情况分析: the department's 年初预算数, 全年预算数, 决算数 and 预算执行率, in a
    # sentence of no subject, summarised as a project's are
    r"|(?:关于)?(?:\d{4}年度?)?预算执行情况(?:分析)?\s*$)"
)


# -- reading ---------------------------------------------------------------------------------------------------


def read_narrative(document: Document, *, classification: ClassificationTable | None = None) -> Narrative:
    """Read the 情况说明 (第三部分, up to 第四部分) of a document into statements.

    The part is found by :func:`narrative_range`: from its 第三部分 heading (or, in a 说明 printed without
    one, its first section) to the next part heading. Statement indexes are the document's paragraph
    indexes. Raises :class:`NarrativeError` when the document has no 情况说明.

    >>> doc = Document("x.pdf", 1, (Paragraph("第三部分 情况说明", (Line("第三部分 情况说明", Box(1, 0, 0, 9, 9)),)),
    ...     Paragraph("本年收入合计 9.50 万元。", (Line("本年收入合计 9.50 万元。", Box(1, 0, 10, 9, 19)),))), ())
    >>> [s.subject.key for s in read_narrative(doc).statements]
    ['income.year_total']
    """
    region = narrative_range(document.paragraphs)
    if region is None:
        raise NarrativeError(document.source, "no 第三部分 heading")
    return _parse(document.paragraphs, region, classification)


def narrative_range(paragraphs: Sequence[Paragraph]) -> range | None:
    """The indexes of the paragraphs of the 情况说明, or ``None`` when the document prints none.

    The last paragraph starting "第三部分" (the first is the 目录's) up to the next part heading; in a
    说明 printed without a 第三部分 heading, its first section (一、收入支出决算总体情况说明, the last such
    heading, as a 目录 lists it first) up to the next part heading, if any.

    >>> def para(text):
    ...     return Paragraph(text, (Line(text, Box(1, 0, 0, 9, 9)),))
    >>> narrative_range([para("示例局2024年度决算说明"), para("一、收入支出决算总体情况说明"), para("本年收入合计 9.50 万元。")])
    range(1, 3)
    """
    starts = [i for i, p in enumerate(paragraphs) if (m := _PART.match(p.text)) and m.group("n") == "三"]
    if not starts:
        starts = [i for i, p in enumerate(paragraphs) if _FIRST_SECTION.match(p.text)]
    if not starts:  # Zhejiang's parts numbered as sections: 三、…决算情况说明, then （一）收入支出决算总体情况说明 …
        starts = [
            i
            for i, p in enumerate(paragraphs[:-1])
            if _SECTION_PART.match(p.text) and _FIRST_SUBSECTION.match(paragraphs[i + 1].text)
        ]
        if starts:
            first = starts[-1]
            end = next(
                (i for i in range(first + 1, len(paragraphs)) if _PART.match(paragraphs[i].text) or (
                    _SECTION.match(paragraphs[i].text) and not _LATER_SECTION.search(paragraphs[i].text))),
                len(paragraphs),
            )
            return range(first, end)
    if not starts:
        return None
    first = last = starts[-1]
    while (earlier := _continued_from(paragraphs, starts, first)) is not None:  # Beijing's 说明 in two parts
        first = earlier
    return range(first, _next_part(paragraphs, last))


def _next_part(paragraphs: Sequence[Paragraph], index: int) -> int:
    """The index of the first part heading after ``index``, or the number of paragraphs."""
    return next((i for i in range(index + 1, len(paragraphs)) if _PART.match(paragraphs[i].text)), len(paragraphs))


def _continued_from(paragraphs: Sequence[Paragraph], starts: Sequence[int], start: int) -> int | None:
    """The 情况说明 part that the part at ``start`` goes on from, or ``None``.

    Beijing prints its 说明 in two parts, both 情况说明 (第二部分 2023年度部门决算说明, then 第三部分 2023年度其他重要
    事项的情况说明, its 三公, 机关运行经费, 政府采购 and 国有资产): the second goes on from the first when the first has
    text of its own and ends where the second begins. A 目录's part headings, one under the other, go on from none,
    nor does the body's first part from the 目录's last, even where the 目录 lists that part's sections under it:
    a part whose heading is printed again further on is a 目录's line.
    """
    earlier = [i for i in starts if i < start]
    if not earlier:
        return None
    before = earlier[-1]
    listed = heading_words(paragraphs[before].text)
    if any(heading_words(paragraphs[i].text) == listed for i in starts if i > before):
        return None
    return before if start - before > 1 and _next_part(paragraphs, before) == start else None


def heading_words(text: str) -> str:
    """A part heading's words: without spaces, and without the dot leaders and page number a 目录 prints after it.

    >>> heading_words("第三部分 示例局2024年度部门决算情况说明……12") == heading_words("第三部分  示例局2024年度部门决算情况说明")
    True
    """
    return re.sub(r"\s", "", re.sub(r"[\s.…·•_\-—－]*\d{1,3}\s*$", "", text))


def continued_parts(paragraphs: Sequence[Paragraph]) -> tuple[Paragraph, ...]:
    """Paragraphs with the sections of a 情况说明 printed in two parts numbered on from the first part's.

    Beijing's second part (第三部分 其他重要事项的情况说明) numbers its sections from 一 again; read as they are
    printed, its 一、“三公”经费 would share the number of the first part's 一、 (部门基本情况), and a passage would be
    read under the other's heading. Its sections are read as numbered on (一 → 八 after a first part of seven), as
    :func:`budgetkit.io.document.national_layout` renumbers; each line keeps its text and place as printed.

    >>> def para(text):
    ...     return Paragraph(text, (Line(text, Box(1, 0, 0, 9, 9)),))
    >>> doc = [para("第三部分 2023年度部门决算说明"), para("一、部门基本情况"), para("二、收入支出决算总体情况说明"),
    ...     para("第三部分 2023年度其他重要事项的情况说明"), para("一、财政拨款“三公”经费支出决算情况说明")]
    >>> [p.text for p in continued_parts(doc)][-1]
    '三、财政拨款“三公”经费支出决算情况说明'
    >>> narrative_range(continued_parts(doc))
    range(0, 5)
    """
    out = _points_as_printed(paragraphs)
    starts = [i for i, p in enumerate(out) if (m := _PART.match(p.text)) and m.group("n") == "三"]
    for start in starts:
        before = _continued_from(out, starts, start)
        if before is None:
            continue
        numbers = [numeral_value(m.group("n")) for p in out[before:start] if (m := _SECTION.match(p.text))]
        if not numbers:
            continue
        offset = max(numbers)
        for i in range(start + 1, _next_part(out, start)):
            if m := _SECTION.match(out[i].text):
                n = numeral_value(m.group("n")) + offset
                out[i] = attrs.evolve(out[i], text=f"{numeral(n)}、{out[i].text[m.end():]}")
    return tuple(out)


#: A point numbered in digits as printed (1、财政拨款三公经费支出决算总体情况说明).
_PRINTED_POINT: Final = re.compile(r"^\s*\d{1,2}\s*、")


def _points_as_printed(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """Paragraphs with a point under a subsection read as the point it is printed as.

    :func:`budgetkit.io.document.national_layout` reads a heading printed "n、…说明" as a section (Sichuan numbers its
    sections so) where it goes on from the section before it or names one of the template's sections; Inner
    Mongolia prints such points under a subsection (（七）关于…三公经费…, then 1、…总体情况说明, 2、…具体情况说明),
    which the layout keeps as points by their numbers. Under a subsection printed with its number in brackets, a
    paragraph the layout numbered anew all the same (its title is a template section's) is read as printed too.

    >>> def para(text, printed=None):
    ...     return Paragraph(text, (Line(printed or text, Box(1, 0, 0, 9, 9)),))
    >>> doc = [para("二、关于2023年度决算情况说明"), para("（七）关于三公经费支出决算情况说明"),
    ...     para("一、三公经费支出决算总体情况说明", "1、三公经费支出决算总体情况说明")]
    >>> _points_as_printed(doc)[2].text
    '1、三公经费支出决算总体情况说明'
    >>> _points_as_printed(doc[:1] + doc[2:])[1].text  # no subsection above: a section, as the layout reads it
    '一、三公经费支出决算总体情况说明'
    """
    out = list(paragraphs)
    under_subsection = False
    for i, paragraph in enumerate(out):
        text = paragraph.text
        if _PART.match(text):
            under_subsection = False
        elif m := _SECTION.match(text):
            printed = _PRINTED_POINT.match(paragraph.lines[0].text) if paragraph.lines else None
            if under_subsection and printed is not None:
                out[i] = attrs.evolve(paragraph, text=printed.group().strip() + text[m.end() :])
            else:
                under_subsection = False
        elif _SUBSECTION.match(text):
            under_subsection = True
    return out


def parse_paragraphs(
    paragraphs: Sequence[Paragraph], *, classification: ClassificationTable | None = None
) -> Narrative:
    """Read paragraphs that are all of a 情况说明 into statements (indexes are positions in ``paragraphs``).

    >>> p = Paragraph("机关运行经费支出 10.23 万元。", (Line("机关运行经费支出 10.23 万元。", Box(21, 0, 0, 9, 9)),))
    >>> parse_paragraphs([p]).statements[0].figure.value
    Decimal('10.23')
    """
    return _parse(tuple(paragraphs), range(len(paragraphs)), classification)


def parse_text(
    text: str,
    *,
    section: str = "",
    classification: ClassificationTable | None = None,
    headings: Sequence[str] = (),
) -> tuple[Statement, ...]:
    """The statements of one paragraph of text, read as if it sat in ``section`` ("五（三）") under ``headings``
    (its section's and subsection's, which say what the section is: :func:`section_role`).

    >>> [(type(s).__name__, str(s.figure)) for s in parse_text("公用经费 480.66 万元。")]
    [('Amount', '480.66万元')]
    >>> [s.subject.key for s in parse_text("教育支出 70.00 万元。", section="三", headings=["三、一般公共预算财政拨款支出决算情况"])]
    ['general_budget.class']
    """
    role = section_role(section, *headings)
    reader = _ParagraphReader(0, text, section, classification or functional_table(), role)
    return reader.read()[0]


def _parse(
    paragraphs: Sequence[Paragraph], indexes: Iterable[int], classification: ClassificationTable | None
) -> Narrative:
    table = classification or functional_table()
    statements: list[Statement] = []
    unread: list[Unread] = []
    seen = stated = in_reasons = numbering = blanks = in_profile = 0
    section = subsection = ""
    heading = subheading = ""  # the headings of the section and subsection we are in
    performance: set[int] = set()
    within: str | None = None  # "section" or "subsection": the level of the 预算绩效管理情况 heading we are under
    outer: str | None = None  # the 类 a point printed alone, for the sub-points under it (_PATH_UNDER)
    before: Subject | None = None  # the subject the last paragraph's last sentence opened with
    listing: Subject | None = None  # the whole of the points that follow a paragraph ending 主要用于以下方面：
    parts_of: Subject | None = None  # the whole of the paragraphs after one ending 其中：, up to the next heading
    unit: str | None = None  # the unit the last paragraph gives a table that follows it (如下表（单位：万元）：)
    typed: tuple[tuple[Role, ...], str] | None = None  # the columns' roles and unit of a table typed as lines of text
    for index in indexes:
        paragraph = paragraphs[index]
        text = paragraph.text
        if m := _SECTION.match(text):
            section, subsection, heading, subheading = m.group("n"), "", text, ""
            within = "section" if _PERFORMANCE_HEADING.search(text) else None
            parts_of = None
        elif m := _SUBSECTION.match(text):
            subsection, subheading = m.group("n"), text
            parts_of = None
            if within != "section":
                within = "subsection" if _PERFORMANCE_HEADING.search(text) else None
        if within is not None:
            performance.add(index)
        role = section_role(section + subsection, heading, subheading)
        if role == PROFILE_SECTION:  # the unit's 职能, 机构 and 人员: no figure of the account
            count = len(_NUMBER.findall(_numbers_as_read(text)))
            seen += count
            in_profile += count
            continue
        outer = _outer_class(text, outer if _SUB_POINT.match(text) and role in _FUND_OF_SECTION else None)
        point = _ENUMERATOR.match(text) is not None
        reader = _ParagraphReader(
            index, text, section + subsection, table, role, outer, before, listing if point else parts_of
        )
        row = typed is not None and _TYPED_ROW.match(text) is not None
        found, covered = reader.read_row(*typed) if typed is not None and row else reader.read()
        if (header := _TYPED_HEADER.match(text)) and unit is not None:
            typed = (tuple(_BUDGET_ROLES[column[:2]] for column in header.group("columns").split()), unit)
        elif not row:
            typed = None
        unit = m.group("u") if (m := _TYPED_UNIT.search(text)) else None
        before = reader.last_opening
        if _LIST_OPENS.search(text):  # …主要用于以下方面： the points that follow are its parts
            listing = reader.last_opening
        elif not point:
            listing = None
        if _LIST_OPENS.search(text):  # …基本支出 A 万元，其中：⏎人员经费 B 万元，占 p%。⏎公用经费…: unnumbered parts too
            parts_of = reader.last_opening if _PARTS_OPEN.search(text) else None
        statements.extend(found)
        blanks += sum(1 for s in found for f in _figures(s) if not f.known)
        for match in _NUMBER.finditer(_numbers_as_read(text)):  # the numbers the reader read, at their places
            seen += 1
            kind = covered.get(match.start())
            if kind == "stated":
                stated += 1
            elif kind == "reason":
                in_reasons += 1
            elif kind == "numbering":
                numbering += 1
            else:
                lines = _lines_in(paragraph, match.start(), match.end())
                unread.append(Unread(index, match.group(), match.start(), match.end(), lines[0].box if lines else None))
    coverage = Coverage(seen, stated, in_reasons, numbering, len(unread), blanks, in_profile)
    return Narrative(tuple(statements), tuple(unread), coverage, tuple(paragraphs), frozenset(performance))


def section_role(section: str, *headings: str) -> str:
    """The template's section (its Shanghai number, "五") that ``section`` ("三（二）") is, by the words of its
    headings (the section's, then its subsection's; the more specific decides), else by its number.

    A heading is read up to its first clause mark; one that prints a figure (…总收入 150.00 万元，…) is a sentence,
    not a heading, and says nothing.

    >>> section_role("三", "三、一般公共预算财政拨款支出决算情况")
    '五'
    >>> section_role("六", "六、财政拨款安排的“三公”经费支出决算情况说明")
    '七'
    >>> section_role("三（七）", "三、2020年度单位决算情况说明", "（七）政府性基金预算财政拨款支出决算总体情况说明")
    '八'
    >>> section_role("七", "七、一般公共预算项目支出决算情况说明"), section_role("五（三）", "五、…", "")
    ('其他', '五')
    """
    role = ""
    for heading in headings:
        clause = re.split(r"[。：:，,；;]", heading, maxsplit=1)[0][:_HEADING_LENGTH]
        # a sentence, not a heading; a subsection printed as one (Shaanxi's （二）一般公共预算财政拨款支出 780.00
        # 万元，主要用于…) says what it is of by the subject it opens with, its words before its first figure
        if (figure := re.search(r"[\d.,]*\d\s*(?:万?元|%)", clause)) and (
            not _SUBSECTION.match(clause) or not (clause := _LEADING_SUBJECT.sub("", clause[: figure.start()]))
        ):
            continue
        found = next((r for pattern, r in _SECTION_ROLES if pattern.search(clause)), role)
        if found == PROFILE_SECTION and role not in ("", PROFILE_SECTION):
            continue  # （一）基本情况 under a section of figures is that section's
        role = found
    return role or (m.group() if (m := re.match(r"[一二三四五六七八九十]+", section)) else "")


def _reason_matches(text: str) -> list[re.Match[str]]:
    """The reasons of a paragraph (主要原因…, 主要是…, and 原因为… after a clause mark), in order, none inside another."""
    found = sorted([*map(_own_clauses, _REASON.finditer(text)), *_SHORT_REASON.finditer(text)], key=lambda m: m.start())
    kept: list[re.Match[str]] = []
    for m in found:
        if not kept or m.start() >= kept[-1].end():
            kept.append(m)
    return kept


def _own_clauses(m: re.Match[str]) -> re.Match[str]:
    """A reason cut where a clause of another subject's 决算 begins (…下降 6.65%，主要原因是车辆维修支出减少；公务接待费
    支出决算减少 0.23 万元…): a reason runs to the sentence's end (its own items may be set apart by ；), but not over
    the next part's own figures."""
    text = m.string
    for mark in re.finditer(r"[；;，,]\s*", text[m.start("t") : m.end("t")]):
        start = m.start("t") + mark.end()
        if mark.group()[0] in "，,":  # …小于预算数的主要原因是严格控制用车支出，较上年减少 0.60 万元 (Shanxi): the change
            if _ON_BUDGET.search(text, 0, m.start()) and _CHANGE_BY_AMOUNT.match(text, start):
                cut = _REASON.match(text, m.start(), start - len(mark.group()))
                return m if cut is None else cut
            continue
        lead = re.split(r"[\d。；;]", text[start : m.end("t")], maxsplit=1)[0]
        # a part's own 决算, or its amount right after its name (Gansu's county: …主要原因是车辆老旧报废1辆；公务接待费
        # 1.50 万元，减少 0.30 万元…), not a reason's item (…；公用经费增加 5 万元)
        subject = _SUBJECT.match(text, start)
        own = subject is not None and ("决算" in lead or _OWN_AMOUNT.match(text, subject.end()) is not None)
        if own or _ANOTHER_COMPARISON.match(text, start):  # …；比2023年增加 3.64 万元 (Beijing): the next comparison
            cut = _REASON.match(text, m.start(), start - len(mark.group()))
            return m if cut is None else cut
    return m


#: Subjects whose own words hold numbers (得分均在 90 分以上, 绩效自评覆盖率 100%, 12个项目自评等级均为“优”, 80-90分的项目):
#: those numbers are kept in text, never figures.
_WORDS_NUMBERS: Final = frozenset(
    {"performance.score_bound", "performance.coverage", "performance.grades", "performance.score_band"}
)
#: 各 (均) before a change (…，与2023年度相比，各减少 D 万元; Qinghai: …，与上年相比均增加 D 万元), and the totals it is
#: of when the two named before it are a pair.
_EACH: Final = re.compile(r"[各均](?=增加|减少|增长|下降)")
_PAIR_TOTALS: Final[Mapping[tuple[str, ...], str]] = MappingProxyType(
    {("income.total", "expenditure.total"): "total", ("fiscal.total", "fiscal.expenditure_total"): "fiscal.total"}
)
#: An amount printed right after its subject's name (公务接待费 1.50 万元, 公务接待费支出为 1.50 万元).
_OWN_AMOUNT: Final = re.compile(r"(?:支出)?\s*(?:为|是)?\s*\d[\d,]*(?:\.\d+)?\s*万?元")
#: A clause comparing the subject with another year after a reason on its budget (…，主要原因是严格控制出访规模；比2023年
#: 增加 3.64 万元，增长 58.71%): the reason ends before it.
_ANOTHER_COMPARISON: Final = re.compile(r"(?:比|较|与)\s*(?:上年|上一年度?|\d{4}\s*年度?)(?:决算)?(?:数)?(?:相比)?[，,]?\s*(?:增加|减少|增长|下降|持平)")
#: After a clause mark, such a comparison by an amount (…，较上年减少 0.60 万元) ends a reason on the budget (_ON_BUDGET):
#: it is the subject's change, no item of the reason (a reason on last year may name its items' changes so).
_ON_BUDGET: Final = re.compile(r"决算数?\s*(?:大于|小于)[^，,。；;]*?预算数?的?\s*$")
_CHANGE_BY_AMOUNT: Final = re.compile(_ANOTHER_COMPARISON.pattern + r"\s*(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*万?元")


def _outer_class(text: str, outer: str | None) -> str | None:
    """The 类 the points after ``text`` are under: a point printing a 类 alone (1.一般公共服务支出（类）…) opens it; a
    sub-point ((1)…) keeps ``outer`` (None when given None: another point, or another section, closes it)."""
    m = _PATH.search(full_width_marks(text)) if _ENUMERATOR.match(text) else None
    if m is not None and m.group("s") is None and m.group("i") is None:
        return _class_name(m)
    return outer


def _figures(statement: Statement) -> tuple[Figure, ...]:
    if isinstance(statement, Reason):
        return statement.figures
    figure = getattr(statement, "figure", None)
    return (figure,) if isinstance(figure, Figure) else ()


def _lines_in(paragraph: Paragraph, start: int, end: int) -> tuple[Line, ...]:
    """The lines of a paragraph that hold characters ``start``…``end`` of its text."""
    found = []
    offset = 0
    for line in paragraph.lines:
        if offset < end and start < offset + len(line.text):
            found.append(line)
        offset += len(line.text)
    return tuple(found)


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", "").replace("−", "-"))


# -- a reason broken down into signed amounts ------------------------------------------------------------------


@attrs.frozen
class Listed:
    """One item of a reason's list (人员支出增加50.47万), signed (减少 is negative), with the list it opens in
    brackets, if any (…（主要是职工绩效工效增加39.24、养保增加8.57万元…）)."""

    label: str
    amount: Decimal
    parts: tuple[Listed, ...] = ()


#: An item of a list: a name, a direction word and an amount in 万元 (the unit may be left to the list's other
#: items: 职工绩效工效增加39.24、养保增加8.57万元), maybe closed by 等 (等原因, 所致).
_LISTED: Final = Lazy(
    r"(?P<label>[^\d，,；;。：:]+?)(?P<word>增加|增长|上升|提高|减少|下降|降低)了?\s*"
    r"(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<unit>万元|万)?(?:等(?:原因|因素)?|所致)?"
)
#: What may open an item or a bracketed list: 主要是, 其中：, 一是, 1., （1）, （一）.
_LIST_LEAD: Final = re.compile(
    r"\s*(?:主要(?:是|为|有|包括)|其中|包括|[一二三四五六七八九十]是|\d{1,2}[.．]|[(（](?:\d{1,2}|[一二三四五六七八九十])[)）])?[：:]?\s*"
)
_OPEN, _CLOSE = "(（", ")）"
_POINT_NUMBER: Final = re.compile(r"\s*(?:\d{1,2}|[一二三四五六七八九十])\s*")
#: Most items one list may have (a longer run is not a reason's list).
_MAX_LISTED = 40


def breakdown(text: str) -> tuple[Listed, ...] | None:
    """A reason read as a list of signed amounts in 万元 and nothing else, or None when it is not one.

    Items are separated by 、，；, each "name + 增加/减少 + amount", and may open a bracketed list of their own.
    A name may hold 、 (医保、住房公积金等增加2.27万元); any other text, an amount in 元 or in %, or a list whose
    amounts all lack 万元 makes it no list: what is read is then exactly what is printed.

    >>> [(i.label, str(i.amount), len(i.parts)) for i in breakdown(
    ...     "人员支出增加50.47万(主要是绩效工资增加52.95、基本工资减少2.48万元）；公用经费减少2.74万元")]
    [('人员支出', '50.47', 2), ('公用经费', '-2.74', 0)]
    >>> breakdown("人员变动，人员支出增加50.47万元") is None
    True
    """
    items = _listed(text, 0)
    return None if items is None or len(items) < 2 else items


def _listed(text: str, depth: int) -> tuple[Listed, ...] | None:
    if depth > 2 or len(text) > 4000:
        return None
    segments = _segments(text)
    if segments is None or not 0 < len(segments) <= _MAX_LISTED:
        return None
    items: list[Listed] = []
    with_unit = False
    pending = ""  # a name's first part before a 、 (医保、住房公积金…)
    for flat, inner, separator in segments:
        lead = _LIST_LEAD.match(flat)
        body = pending + flat[lead.end() if lead and not pending else 0 :]
        if not re.search(r"\d", body):
            if separator != "、" or inner is not None:
                return None  # words that are not an item's name: prose, not a list
            pending = body + separator
            continue
        pending = ""
        m = _LISTED.fullmatch(body.strip())
        if m is None:
            return None
        with_unit = with_unit or m.group("unit") is not None
        amount = _number(m.group("n"))
        if m.group("word") in ("减少", "下降", "降低"):
            amount = -amount
        parts: tuple[Listed, ...] = ()
        if inner is not None:
            parts = _listed(inner, depth + 1) or ()
        items.append(Listed(m.group("label").strip(), amount, parts))
    if pending or not with_unit:
        return None
    return tuple(items)


def _segments(text: str) -> list[tuple[str, str | None, str]] | None:
    """``text`` split at 、，；outside brackets: each piece without its brackets, what one bracket at its end
    held (None if none), and the mark after it. None when brackets do not pair or stand elsewhere."""
    pieces: list[tuple[str, str | None, str]] = []
    flat: list[str] = []
    inner: str | None = None
    depth, opened = 0, 0
    for k, ch in enumerate(text):
        if ch in _OPEN:
            if depth == 0:
                if inner is not None:
                    return None  # two bracketed lists in one item
                opened = k + 1
            depth += 1
        elif ch in _CLOSE:
            depth -= 1
            if depth < 0:
                return None
            if depth == 0:
                if _POINT_NUMBER.fullmatch(text[opened:k]) or (  # （1）: a point's number, read with the item
                    not re.search(r"\d", text[opened:k]) and text[k + 1 : k + 2] not in ("", *"、，,；;。等 ")
                ):  # … or a word inside a name, the name going on after it: 维修（护）费, 因公出国（境）费
                    flat.append(text[opened - 1 : k + 1])
                else:
                    inner = text[opened:k]
        elif depth == 0:
            if ch in "、，,；;" and not (ch == "," and text[k - 1 : k].isdigit() and text[k + 1 : k + 2].isdigit()):
                pieces.append(("".join(flat), inner, ch))
                flat, inner = [], None
            elif inner is not None and not ch.isspace() and ch not in "等。":
                return None  # text after an item's bracket: not a list of items
            else:
                flat.append(ch)
    if depth:
        return None
    rest = "".join(flat).strip()
    if rest or inner is not None:
        pieces.append((rest, inner, ""))
    return [(f, i, sep) for f, i, sep in pieces if f.strip() or i is not None]


@attrs.define
class _Mention:
    """A subject named in the text: where, and what."""

    start: int
    end: int
    subject: Subject


class _ParagraphReader:
    """Reads one paragraph: years, subjects, figures, directions, reasons, absences, template wording."""

    def __init__(
        self,
        index: int,
        text: str,
        section: str,
        classification: ClassificationTable,
        role: str | None = None,
        outer: str | None = None,
        before: Subject | None = None,
        listing: Subject | None = None,
    ) -> None:
        self.index = index
        #: the 类 an outer point printed alone, when this paragraph is one of its sub-points (_PATH_UNDER)
        self.outer = outer
        #: the subject the last sentence naming one in the paragraph before opens with: the whole of a share here
        #: when this one opens with 其中 (…支出决算为 18.70 万元。⏎其中：因公出国（境）费…，占 0.0%)
        self.before = before
        #: the whole the points of a list are parts of, when this paragraph is one of them (…主要用于以下方面：⏎
        #: 1.社会保障和就业支出（类）150.00 万元，占 75.00%；)
        self.listing = listing
        #: the subject this paragraph's last sentence opens with (the next paragraph's ``before``), once read
        self.last_opening: Subject | None = None
        self.text = full_width_marks(_numbers_as_read(text))  # １０５４．９０ is 1054.90, (类) is （类）: in place
        self.section = section
        #: the template's section this one is (:func:`section_role`): what its figures are of
        self.role = section_role(section) if role is None else role
        self.classification = classification
        self.statements: list[Statement] = []
        #: the start of every number accounted for, and how: "stated", "reason" or "numbering"
        self.covered: dict[int, str] = {}
        self.taken: list[tuple[int, int]] = []  # spans whose numbers are read (years, reasons, subjects' own)
        self._indexed: list[_Mention] | None = None
        self.last: Statement | None = None  # the statement of the figure read last (None: not understood)
        self.last_unit = ""  # the unit of the figure read last
        self.after_budget = False  # whether the figure read last was a difference from a budget
        self._starts: list[int] = []
        self._ends: list[int] = []

    def _at(self, start: int, end: int) -> _Where:
        """The span ``start:end`` of this paragraph, as the keyword arguments a statement starts with."""
        return _Where(paragraph=self.index, section=self.section, start=start, end=end)

    def read(self) -> tuple[tuple[Statement, ...], dict[int, str]]:
        text = self.text
        if m := _ENUMERATOR.match(text):
            number = 1 if m.group(1) is not None else 2
            self.covered[m.start(number)] = "numbering"
            self.taken.append((m.start(number), m.end(number)))
        for m in _INLINE_ENUMERATOR.finditer(text):
            self.covered[m.start(1)] = "numbering"
            self.taken.append((m.start(1), m.end(1)))

        for m in _NO_BASE.finditer(text):  # the 0 of （基数为0，不可比）: a note on a rate not printed, in its text
            self.covered[m.start(1)] = "reason"
            self.taken.append((m.start(1), m.end(1)))
        reasons = [(m.start(), m.end()) for m in _reason_matches(text)]
        purposes = [(m.start(), m.end()) for m in _PURPOSE.finditer(text) if not self._lists_classes(m.start())]
        self._breakdowns(purposes)
        for m in _ACHIEVED.finditer(text):
            if any(not _SUBJECTS[k][1].startswith("performance.") for k, _ in _SUBJECT.finditer(m.group())):
                continue  # …目标完成情况：“三公”经费支出 A 万元: figures of the account's subjects, read as such
            self._cover(m.start(), m.end(), "reason")
            purposes.append((m.start(), m.end()))
        mentions = self._mentions(reasons + purposes)
        keyed = [m for m in mentions if m.subject.key]
        if keyed:  # the last sentence that names a subject (a reason's words name none), by its first
            last = self._sentence_start(keyed[-1].start, "。")
            self.last_opening = next(m.subject for m in keyed if m.start >= last)
        self._years(reasons)
        self._reasons(mentions)
        self._unfilled()
        self._absences()
        self._directions(mentions, reasons)
        if self.role == "七":
            self._events()
        self._pairs(mentions)
        self._figures(mentions, reasons)
        self.statements.sort(key=lambda s: (s.start, s.end))
        return tuple(self.statements), self.covered

    def read_row(self, roles: Sequence[Role], unit: str) -> tuple[tuple[Statement, ...], dict[int, str]]:
        """A row of a 三公 table typed as lines of text (:data:`_TYPED_ROW`): each figure an amount of the line of 表七
        the row names in full (合计 is 三公's total), in its column's role and the table's unit. A row of another name,
        or in a section not on 三公, is read as any paragraph is."""
        m = _TYPED_ROW.match(self.text)
        if m is None or self.role != "七":
            return self.read()
        name = m.group("name")
        found = _SUBJECT.search(name)
        key = "three_public" if name == "合计" else _SUBJECTS[found[0]][1] if found and found[1].group() == name else ""
        if key not in _TYPED_LINES:
            return self.read()
        subject = Subject(key, name)
        for role, number in zip(roles, _NUMBER.finditer(self.text, m.end("name")), strict=True):
            figure = Figure(number.group(), _number(number.group()), unit, number.start(), number.end())
            self.statements.append(self._amount(number.start(), subject, figure, role, [NOTES["table unit"]]))
            self._cover(number.start(), number.end(), "stated")
        return tuple(self.statements), self.covered

    # subjects

    def _mentions(self, hidden: list[tuple[int, int]]) -> list[_Mention]:
        """The subjects named outside reasons and purposes, in order (a 类/款/项 path before a phrase inside it)."""
        mentions: list[_Mention] = []
        hidden_spans = _Spans(len(self.text), hidden)
        if "（类）" in self.text:  # a path prints （类）
            paths = [(m, (_class_name(m), m.group("s"), m.group("i"))) for m in _PATH.finditer(self.text)]
        elif self.outer and "（款）" in self.text:  # … or its 类 is the outer point's
            paths = [(m, (self.outer, m.group("s"), m.group("i"))) for m in _PATH_UNDER.finditer(self.text)]
        else:
            paths = []
        for m, printed in paths:
            if m.start() in hidden_spans:
                continue
            if m.re is _PATH and m.group("code") is not None:  # the code printed after it: part of its name
                self.covered[m.start("code")] = "stated"
                self.taken.append((m.start("code"), m.end("code")))
            names = tuple(name for name in printed if name)
            names = (self._class_of(names[0]), *names[1:])
            path = self._resolve(names, printed[1] is None and printed[2] is not None)
            # a path is of the fund its section is of (a section on 财政拨款支出: every fund's); in a section of no fund
            # (三's 支出 of every fund and source, 四, a 项目支出 section …) it is of no table's line: its figure stays
            # not understood
            fund = _FUND_OF_SECTION.get(self.role, "general_budget" if self.role == "" else "")
            key = f"{fund}.{('class', 'section', 'item')[len(names) - 1]}" if fund else ""
            mentions.append(_Mention(m.start(), m.end(), Subject(key, m.group().strip(), path)))
        skipped = _Spans(len(self.text), hidden + [(mention.start, mention.end) for mention in mentions])
        for phrase, m in _SUBJECT.finditer(self.text):
            if m.start() in skipped or self.text[max(0, m.start() - 4) : m.start()].rstrip().endswith("占"):
                continue  # a subject after 占 names the whole of a share
            key = _SUBJECTS[phrase][1]
            if key == "fiscal.expenditure" and self.role != FISCAL_EXPENDITURE_SECTION:
                continue  # 财政拨款支出 outside a section on it: a noun of no subject (_others), as before
            if key == "fund.expenditure":
                own = _FUND_OF_SECTION.get(self.role)
                if own is None or own == "general_budget":
                    continue
                key = f"{own}.expenditure"
            if key.startswith("equipment"):  # the unit price threshold printed inside the name is part of it
                for number in _NUMBER.finditer(m.group()):
                    self.covered[m.start() + number.start()] = "stated"
                self.taken.append((m.start(), m.end()))
            elif key in _WORDS_NUMBERS:  # 得分均在 90 分以上, 90分（含）以上的项目: the words', in text
                self._cover(m.start(), m.end(), "reason")
            mentions.append(_Mention(m.start(), m.end(), Subject(key, m.group())))
        if self.role in _CLASSES_OF_SECTION:
            mentions.extend(self._classes(skipped, _CLASSES_OF_SECTION[self.role]))
        mentions.extend(self._others(hidden, mentions))
        mentions.sort(key=lambda mention: mention.start)
        self._bare_totals(mentions)
        self._fiscal_expenditure_after_income(mentions)
        self._unit_totals(mentions)
        self._fund_parts(mentions)
        self._vehicle_parts(mentions)
        for mention in mentions:  # 四's bare 收入总计 / 支出总计 are 表四's: 财政拨款收入总计 A，支出总计 A
            if self.role in ("四", FISCAL_EXPENDITURE_SECTION) and mention.subject.key in _FISCAL_IN_FOUR:
                mention.subject = attrs.evolve(mention.subject, key=_FISCAL_IN_FOUR[mention.subject.key])
        for mention in mentions:  # 本年收入 of 八/九 is its fund's; 基本支出 of 五/六 is 一般公共预算's (not 表一's, 表三's)
            if (own := _OWN_FIGURES.get((self.role, mention.subject.key))) is not None:
                mention.subject = attrs.evolve(mention.subject, key=own)
        for mention in mentions:  # 年末结转和结余 of 四 (or of a sentence on 财政拨款) is 表四's, not 表一's
            if mention.subject.key in _BALANCES and (
                self.role in ("四", FISCAL_EXPENDITURE_SECTION, "八", "九")
                or re.search("(?<!非)财政拨款", self.text[self._sentence_start(mention.start, "。") : mention.start])
            ):
                # 八's (九's) are its fund's, 表八's (表九's); 四's are the 财政拨款's of every fund, which no field holds
                of_fund = _FUND_OF_SECTION.get(self.role) if self.role in ("八", "九") else None
                key = f"{of_fund}.{_BALANCES[mention.subject.key]}" if of_fund else ""
                mention.subject = Subject(key, mention.subject.name)
        for mention in mentions:  # 更新购置执法执勤用车 2 辆: cars bought (三公), not the 执法执勤用车 the unit holds
            if mention.subject.key.startswith("vehicles.") and re.search(
                r"购置|购买|更新", self.text[self._sentence_start(mention.start, "。；，,") : mention.start]
            ):
                mention.subject = Subject("three_public.vehicles_purchased", mention.subject.name)
        for before, mention in itertools.pairwise(mentions):  # 国内公务接待支出 9.12 万元，共接待 68 批次: the kind's own
            if (
                mention.subject.key == "three_public.reception.all"
                and before.subject.key in _RECEPTION_KINDS
                and not _OTHER_CLAUSE.search(self.text, before.end, mention.start)
            ):
                mention.subject = attrs.evolve(mention.subject, key=before.subject.key)
        context = None
        for mention in mentions:  # 轿车 N 辆 counts the vehicles held (共有公务用车) or bought (购置公务用车) named before
            if mention.subject.key in _VEHICLE_CONTEXTS:
                context = mention.subject.key
            elif mention.subject.key == "three_public.vehicle_type" and context is not None:
                mention.subject = attrs.evolve(mention.subject, key=f"{context}.type")
        return self._each_of_pair(mentions)

    def _each_of_pair(self, mentions: list[_Mention]) -> list[_Mention]:
        """…收入总计 A 万元，支出总计 A 万元，与2023年度相比，各减少 D 万元 (Gansu's county): a change by 各 right after
        the two totals of its sentence is of both, as 收、支总计各减少 is (财政拨款收、支总计 in 四); before, it was the
        支出总计's alone (in 四 表四's, which the account has no field for: its slips went unfound)."""
        added: list[_Mention] = []
        for m in _EACH.finditer(self.text):
            sentence = self._sentence_start(m.start(), "。")
            named = [x.subject.key for x in mentions if sentence <= x.start < m.start() and x.subject.key]
            if (key := _PAIR_TOTALS.get(tuple(named[-2:]))) is not None:
                added.append(_Mention(m.start(), m.end(), Subject(key, m.group())))
        return sorted([*mentions, *added], key=lambda mention: mention.start) if added else mentions

    def _bare_totals(self, mentions: list[_Mention]) -> None:
        """A sentence opening with a bare 收入 (支出) compared with a year (Jiangxi: …收入总计 400.00 万元，其中：…。收入
        较上年增加 30.00 万元，增长 8.11%) is of the total of that side the sentence before opens with (收入总计,
        本年收入合计); anything else leaves it a noun of no subject."""
        for i, mention in enumerate(mentions):
            side = _BARE_SIDES.get(mention.subject.name)
            if side is None or mention.subject.key or not _BARE_COMPARED.match(self.text, mention.end):
                continue
            sentence = self._sentence_start(mention.start, "。")
            if self.text[sentence : mention.start].strip() or sentence == 0:
                continue  # not the sentence's first word, or no sentence before it
            before = self._sentence_start(sentence - 1, "。")
            opening = next((m for m in mentions[:i] if m.start >= before and m.subject.key), None)
            if opening is not None and opening.subject.key in side:
                mention.subject = Subject(opening.subject.key, mention.subject.name)

    def _fiscal_expenditure_after_income(self, mentions: list[_Mention]) -> None:
        """四's bare 支出 right after its 财政拨款收入 (Hainan: 财政拨款收入 A 万元，支出 B 万元。与2023年度相比，财政拨款
        收入增加 …。支出增加 D 万元，增长 p%) is 本年财政拨款支出, in its sentence or opening the next; before, its
        figures were not understood. A bare 支出 after anything else stays a noun of no subject."""
        if self.role != "四":
            return
        for before, mention in itertools.pairwise([m for m in mentions if m.subject.key or m.subject.name == "支出"]):
            if mention.subject.name != "支出" or mention.subject.key or before.subject.key != "income.fiscal":
                continue
            between = self.text[before.end : mention.start]
            if between.count("。") <= 1 and (
                "。" not in between or not self.text[self._sentence_start(mention.start, "。") : mention.start].strip()
            ):
                mention.subject = Subject("fiscal.year_expenditure", mention.subject.name)

    def _unit_totals(self, mentions: list[_Mention]) -> None:
        """本单位收入为 A 万元 (Gansu) is 本年收入合计 when 其中 lists the year's sources after it (财政拨款收入,
        事业收入 …), and 收入总计 when it lists 本年收入 and the balances; 本单位支出为 alike. Anything else leaves
        it a noun of no subject (its figure not understood): the words alone do not say which total it is."""
        for i, mention in enumerate(mentions):
            side = {"unit.income": "income", "unit.expenditure": "expenditure"}.get(mention.subject.key)
            if side is None:
                continue
            following = mentions[i + 1] if i + 1 < len(mentions) else None
            key = ""
            if following is not None and re.fullmatch(
                r"\s*(?:为|是)?\s*[\d,.]+\s*万?元\s*[，,。；;]?\s*其中\s*[：:,，]?\s*",
                self.text[mention.end : following.start],
            ):
                key = _UNIT_TOTALS[side].get(following.subject.key, "")
            mention.subject = Subject(key, mention.subject.name)

    def _fund_parts(self, mentions: list[_Mention]) -> None:
        """财政拨款收入 A 万元（其中，一般公共预算 B 万元，政府性基金预算 C 万元…）(Zhejiang): each fund's name is
        its 财政拨款收入 when it follows 财政拨款收入 and 其中; anywhere else it names no subject (before, "预算" at
        its end made B and C budgets of the subject named before)."""
        owner: str | None = None
        for mention in mentions:
            key = mention.subject.key
            if key != "fund.part":
                owner = key if key else owner
                if key == "income.fiscal":
                    since = mention.end
                continue
            if owner == "income.fiscal" and "其中" in self.text[since : mention.start]:
                name = mention.subject.name
                fund = "general_budget" if name.startswith("一般") else (
                    "government_fund" if name.startswith("政府") else "state_capital")
                mention.subject = Subject(f"{fund}.income", name)
            else:
                mention.subject = Subject("", mention.subject.name)

    def _vehicle_parts(self, mentions: list[_Mention]) -> None:
        """公务用车购置及运行维护费 A 万元，其中：购置费 B 万元，运行维护费 C 万元 (Zhejiang): a bare 购置费 (运行维护费)
        is 公务用车购置费 (公务用车运行维护费) when it follows 公务用车购置及运行维护费 and 其中 in its sentence; anywhere
        else it names no subject."""
        owner: _Mention | None = None
        for mention in mentions:
            if mention.subject.key != "three_public.vehicle.part":
                owner = mention if mention.subject.key else owner
                continue
            key = ""
            if owner is not None and owner.subject.key == "three_public.vehicle":
                between = self.text[owner.end : mention.start]
                if "其中" in between and "。" not in between:
                    part = "purchase" if mention.subject.name.startswith("购置") else "operation"
                    key = f"three_public.vehicle_{part}"
            mention.subject = Subject(key, mention.subject.name)

    def _lists_classes(self, start: int) -> bool:
        """Whether the 主要用于 at ``start`` lists the 类 of a section of them with their figures and no shares
        (Shaanxi's county: 五（二）…支出 920.00 万元，主要用于农林水支出 740.00 万元、社会保障和就业支出 80.00 万元…): the 类
        are the section's lines, read as they are after 主要用于以下方面：, never a purpose's breakdown kept in text."""
        if self.role not in _CLASSES_OF_SECTION or (head := _PURPOSE_HEAD.match(self.text, start)) is None:
            return False
        name = _class_names(self.classification).match(self.text, head.end())
        return name is not None and _FIGURE_NEXT.match(self.text, name.end()) is not None

    def _classes(self, skipped: _Spans, key: str) -> list[_Mention]:
        """五（二）'s 类 named without （类）: "社会保障和就业支出 980 万元，占 95.52%" — a 类 of the classification
        followed by its figure (a name inside a longer phrase, or not followed by a figure, is not one)."""
        found: list[_Mention] = []
        for m in _class_names(self.classification).finditer(self.text):
            if m.start() in skipped or self.text[max(0, m.start() - 4) : m.start()].rstrip().endswith("占"):
                continue
            if not _FIGURE_NEXT.match(self.text[m.end() : m.end() + 4]):
                continue
            if m.start() > 0 and self.text[m.start() - 1] not in _CLASS_BEFORE and not self.text.endswith(
                "主要用于", 0, m.start()
            ):
                continue  # 主要用于农林水支出 740.00 万元: a 类 listed after 主要用于 without a mark (_lists_classes)
            codes = {e.code for e in self.classification.find(m.group(), level=Level.CLASS)}
            path = ClassPath((m.group(),), (codes.pop() if len(codes) == 1 else None,))
            found.append(_Mention(m.start(), m.end(), Subject(key, m.group(), path)))
        return found

    def _others(self, hidden: list[tuple[int, int]], mentions: list[_Mention]) -> list[_Mention]:
        """Nouns naming an amount the grammar has no subject for: 财政拨款支出, 年末结转和结余 (of another
        wording), 培训费, 社会保障和就业支出 outside 五 — each a mention of no subject (key ``""``), so that a figure
        printed after it is not taken for the subject named before it (it stays not understood).

        Not one: a noun that goes on from a subject's name (公务接待费支出, 公务接待用餐费), a role of it (支出决算为,
        收入预算数), the subject's own total (共计支出 0.40 万元), a whole after 占 (占本年支出合计的), a clause
        saying what the subject is (…，为…的资金), or a bare 支出/收入 not followed by its figure.
        """
        text = self.text
        taken = _Spans(len(text), hidden + [(m.start, m.end) for m in mentions])
        ends = {m.end for m in mentions}
        found: list[_Mention] = []
        for m in _OTHER_HEAD.finditer(text):
            if m.start() in taken or _OTHER_ROLE_AFTER.match(text, m.end()):
                continue
            start, limit = m.start(), max(0, m.start() - _NOUN_WINDOW)  # bounded: a long paragraph stays linear
            while start > limit and _is_word(text[start - 1]) and start - 1 not in taken:
                start -= 1
            own = text[start : m.start()]
            if start in ends:
                continue  # 公务接待费支出, 公务接待用餐费: the subject's own name goes on
            if not own:  # a bare 支出 or 收入 names an amount only when its figure follows (结余分配 0.00 万元 too)
                if not re.match(r"[\u4e00-\u9fff]{0,6}?\s*(?:为|是)?\s*(?:\d|X{2,})", text[m.end() : m.end() + 12]):
                    continue
                before = max((e for e in ends if e <= m.start()), default=None)
                if before is not None and _COUNTS_BETWEEN.fullmatch(text, before, m.start()):
                    continue  # 国内公务接待 86 批次、702 人次，支出 15.20 万元: the subject's own amount after its counts
            elif _OTHER_LEAD.search(own):
                continue  # 全年共计支出 0.40 万元: the subject's own total
            window = max(0, m.start() - _SENTENCE_WINDOW)
            clause = text[max(window, *(text.rfind(mark, window, m.start()) + 1 for mark in "，。；：,;:")) : m.start()]
            clause = clause.lstrip()
            if "占" in clause:
                continue  # 占本年支出合计的: the whole of a share
            if clause[:1] in _DEFINING:
                continue  # …，为以前年度…继续使用的资金: what the subject named before is
            found.append(_Mention(start, m.end(), Subject("", text[start : m.end()])))
        return found

    def _class_of(self, name: str) -> str:
        """A 类 printed short of its 支出 (一般公共服务（类）财政事务（款）…) is the 类 of the classification it names
        (一般公共服务支出), so that its lines and its total printed with 支出 (一般公共服务（类）支出 390.00 万元) are one 类."""
        if name.endswith("支出") or self.classification.find(name, level=Level.CLASS):
            return name
        return name + "支出" if self.classification.find(name + "支出", level=Level.CLASS) else name

    def _resolve(self, names: tuple[str, ...], skipped_section: bool) -> ClassPath:
        """Codes for a printed path: each name under its printed parent, never a generic name alone."""
        codes: list[str | None] = []
        parent: str | None = None
        for level, name in zip((Level.CLASS, Level.SECTION, Level.ITEM), names, strict=False):
            if level is not Level.CLASS and parent is None:
                codes.append(None)
                continue
            found = {entry.code for entry in self.classification.find(name, level=level, parent=parent)}
            parent = found.pop() if len(found) == 1 else None
            codes.append(parent)
        if skipped_section:  # 类 and 项 printed without the 款: the 项 cannot be placed
            codes = [codes[0], None]
        return ClassPath(names, tuple(codes))

    def _subject_at(self, mentions: list[_Mention], position: int, since: int = 0) -> Subject | None:
        """The last subject named before ``position`` (and from ``since`` on)."""
        last = self._last_before(mentions, position)
        if last is None or last.start < since or not last.subject.key:
            return None  # none named, or a noun the grammar has no subject for (_others)
        return last.subject

    def _last_before(self, mentions: list[_Mention], position: int) -> _Mention | None:
        i = bisect.bisect_right(self._index(mentions)[1], position) - 1
        return mentions[i] if i >= 0 else None

    def _index(self, mentions: list[_Mention]) -> tuple[list[int], list[int]]:
        """The starts and ends of the mentions (sorted, and not overlapping, so the ends are sorted too)."""
        if mentions is not self._indexed:
            self._indexed = mentions
            self._starts, self._ends = [m.start for m in mentions], [m.end for m in mentions]
        return self._starts, self._ends

    def _sentence_start(self, position: int, marks: str = "。；") -> int:
        """Where the sentence (or clause) holding ``position`` starts; a run-on longer than the window is cut."""
        window = max(0, position - _SENTENCE_WINDOW)
        return max(window, *(self.text.rfind(mark, window, position) + 1 for mark in marks))

    # years and dates

    def _years(self, reasons: list[tuple[int, int]]) -> None:
        """Every year and date printed, inside reasons too (their numbers are then stated, not just kept)."""
        for m in _YEAR.finditer(self.text):
            before = self.text[max(0, m.start() - 2) : m.start()].strip()
            if m.group("d"):
                what = "date"
            elif _inside(m.start(), reasons):
                what = "reason"  # 单位于 2024 年成立: an event's year, not necessarily the report's
            else:
                what = "compared" if before[-1:] in ("与", "比", "较") else "year"
            self.statements.append(
                Year(
                    **self._at(m.start(), m.end()),
                    text=m.group(),
                    year=int(m.group("y")),
                    month=int(m.group("m")) if m.group("m") else None,
                    day=int(m.group("d")) if m.group("d") else None,
                    what=what,
                )
            )
            self._cover(m.start(), m.end(), "stated")

    def _breakdowns(self, purposes: list[tuple[int, int]]) -> None:
        """The amounts of the items a 主要用于 or 主要包括 lists (基本工资 200.00 万元、津贴补贴 150.00 万元…): a
        breakdown of the figure before it, kept in its text, never the figure itself. An amount whose words name a
        role (年初预算为, 支出决算为, 完成…, 增加…) is the subject's own and is read as before."""
        for start, end in purposes:
            for m in _FIGURE.finditer(self.text, start, end):
                if m.group("n") is None or (m.group("u") or "") not in _MONEY_UNITS:
                    continue
                lead = self.text[max(start, *(self.text.rfind(mark, start, m.start()) + 1 for mark in "、，,：:")) : m.start()]
                if not _ROLE_WORD.search(lead):
                    self._cover(m.start(), m.end(), "reason")

    def _cover(self, start: int, end: int, how: str) -> None:
        for number in _NUMBER.finditer(self.text, start, end):
            self.covered.setdefault(number.start(), how)
        self.taken.append((start, end))

    # reasons, absences, template wording, directions

    def _reasons(self, mentions: list[_Mention]) -> None:
        for m in _reason_matches(self.text):
            start, end = m.start("t"), m.end("t")
            printed = (_figure(f) for f in _FIGURE.finditer(self.text, start, end) if f.group("n") is not None)
            figures = tuple(figure for figure in printed if figure is not None)
            text = m.group("t")
            notes = (NOTES["blank reason"],) if re.search(r"X{2,}", text) else ()
            self.statements.append(
                Reason(
                    **self._at(m.start(), m.end()),
                    subject=self._subject_at(mentions, m.start()),
                    text=text,
                    figures=figures,
                    notes=notes,
                )
            )
            self._cover(start, end, "reason")

    def _absences(self) -> None:
        for m in _ABSENCE.finditer(self.text):
            what = m.group("what")
            key = next(key for word, key in _ABSENT_SUBJECT.items() if word in what)
            self.statements.append(
                Absence(
                    **self._at(m.start(), m.end()),
                    subject=Subject(key, what),
                    text=m.group(),
                )
            )

    def _unfilled(self) -> None:
        for m in _UNFILLED.finditer(self.text):
            self.statements.append(Unfilled(**self._at(m.start(), m.end()), text=m.group()))

    def _directions(self, mentions: list[_Mention], reasons: list[tuple[int, int]]) -> None:
        for m in _DIRECTION.finditer(self.text):
            if _inside(m.start(), reasons):
                continue
            if m.group("p") and not m.group("flat"):
                continue  # 同/与 without 持平 says no direction
            word = m.group("w") or "持平"
            notes = (NOTES["choice"].format(word=word + m.group("alt")),) if m.group("alt") else ()
            self.statements.append(
                Direction(
                    **self._at(m.start(), m.end()),
                    subject=self._subject_at(mentions, m.start()),
                    word=word + (m.group("alt") or ""),
                    against=m.group("a"),
                    printed=m.group(),
                    notes=notes,
                )
            )
        flat = [(m.start(), m.end()) for m in _DIRECTION.finditer(self.text)]
        for m in _FLAT.finditer(self.text):
            flat.append((m.start(), m.end()))
            if _inside(m.start(), reasons):
                continue
            self.statements.append(
                Direction(
                    **self._at(m.start(), m.end()),
                    subject=self._subject_at(mentions, m.start(), self._sentence_start(m.start())),
                    word="持平",
                    against=m.group("a"),
                    printed=m.group(),
                )
            )
        unfilled = [(m.start(), m.end()) for m in _UNFILLED.finditer(self.text)]
        skipped = _Spans(len(self.text), flat + unfilled + reasons)
        for m in re.finditer("持平", self.text):  # 与 2023 年度相比，…持平
            if m.start() in skipped:
                continue
            sentence = self._sentence_start(m.start(), "。")
            comparisons = list(_COMPARED.finditer(self.text, sentence, m.start()))
            self.statements.append(
                Direction(
                    **self._at(m.start(), m.end()),
                    subject=self._subject_at(mentions, m.start(), sentence),
                    word="持平",
                    against=comparisons[-1].group(0)[1:].strip() if comparisons else "",
                    printed=self.text[sentence : m.end()],
                )
            )

    def _events(self) -> None:
        """七's dated list of 国内公务接待 (:class:`Event`), each event's numbers read with it."""
        year: int | None = None  # the list prints the year with its first date at most
        for m in _EVENT.finditer(self.text):
            if m.group("y"):
                year = int(m.group("y"))
            cost = Figure(m.group("cost"), _number(m.group("cost")), m.group("unit"), m.start("cost"), m.end("unit"))
            self.statements.append(
                Event(
                    **self._at(m.start(), m.end()),
                    year=year,
                    month=int(m.group("m")),
                    day=int(m.group("d")),
                    party=m.group("party").strip(),
                    persons=int(m.group("n")),
                    cost=cost,
                    purpose=re.sub(r"^前来", "", m.group("purpose").strip()),
                )
            )
            self._cover(m.start(), m.end(), "stated")

    def _pairs(self, mentions: list[_Mention]) -> None:
        """收、支总计 with its figures in pairs (:data:`_PAIRS`): "2022年度收、支总计各是 A,B 万元。与 2021 年相比，
        收、支总计各减少 X,Y 万元，各下降 p%、q%" — A, X and p are the income's, B, Y and q the expenditure's."""
        for m in _PAIR_VALUES.finditer(self.text):
            sentence = self._sentence_start(m.start(), "。")
            last = self._last_before(mentions, m.start())
            if last is None or last.start < sentence or last.subject.key not in _PAIRS:
                continue
            keys = _PAIRS[last.subject.key]
            unit = (m.group("ub") or "").replace("％", "%")
            word = m.group("w").removeprefix("各").removeprefix("分别")  # 是, 为, or the change word
            comparisons = list(_COMPARED.finditer(self.text, sentence, m.start()))
            compared = comparisons[-1] if comparisons else None
            for key, number in zip(keys, ("a", "b"), strict=True):
                end = m.end("ua") if number == "a" and m.group("ua") else m.end(number)
                figure = Figure(m.group(number), _number(m.group(number)), unit, m.start(number), end)
                subject = Subject(key, last.subject.name)
                where = self._at(m.start(number), figure.end)
                if word in ("是", "为"):
                    place = _place(subject, Role.ACTUAL)
                    self.statements.append(Amount(**where, subject=subject, role=Role.ACTUAL, figure=figure, place=place))
                else:
                    self.statements.append(
                        Change(
                            **where,
                            subject=subject,
                            word=word,
                            figure=figure,
                            compared_with=compared.group(0)[1:].strip() if compared else "",
                            year=int(compared.group("y")) if compared and compared.group("y") else None,
                        )
                    )
            self._cover(m.start(), m.end(), "stated")

    # figures

    def _figures(self, mentions: list[_Mention], reasons: list[tuple[int, int]]) -> None:
        previous = 0
        skipped = _Spans(len(self.text), self.taken + reasons)
        for m in _FIGURE.finditer(self.text):
            if m.start() in skipped:
                continue
            if m.group("x") is not None and m.group("u") is None:
                continue  # a blank without a unit is a name or text blank (an Unfilled statement)
            figure = _figure(m)
            if figure is None:
                continue
            statement = self._statement(figure, mentions, previous)
            self.last = statement
            self.last_unit = figure.unit
            previous = m.end()
            if statement is None:
                continue
            self.statements.append(statement)
            self._cover(m.start(), m.end(), "stated")

    def _statement(self, figure: Figure, mentions: list[_Mention], previous: int) -> Statement | None:
        start = figure.start
        sentence = self._sentence_start(start)
        last = self._last_before(mentions, start)
        clause_start = max(previous, sentence, last.end if last is not None else 0)
        lead = self.text[clause_start:start]
        after_budget, self.after_budget = self.after_budget, False
        subject = self._subject_at(mentions, start)
        if figure.unit in _MONEY_UNITS and (said := self._named_after(mentions, figure.end)) is not None:
            subject = said  # …其中：90.00 万元为财政拨款收入; 60.00 万元用于基本支出: the subject named after its figure
        if (
            last is not None
            and (close := self.text.rfind("）", last.end, start)) >= 0
            and re.match(r"）\s*[，,]?\s*(?:占|比|较)", self.text[close:start])
        ):
            opened = self.text.rfind("（", 0, last.start)
            if opened >= 0 and self.text.find("）", opened, last.start) < 0:
                # 财政拨款收入 A 万元（其中，…国有资本经营预算 0 万元），占收入合计 p%: the share after the closed
                # parenthesis is of the subject named before it, not of the last one inside it; so is a change
                # (Qinghai's county: 公务用车购置及运行维护费 A 万元（其中：公务用车购置费 B 万元，…运行维护费 C 万元），比上年
                # 减少 D 万元: the 购置及运行维护费's, not the 运行维护费's)
                subject = self._subject_at(mentions, opened)
        # the subject is the last one named before the figure in its paragraph (a 项's path opens its paragraph);
        # none named: nothing is guessed, and the number is listed as not understood
        if subject is None:
            return None
        if not_this_year := _NOT_THIS_YEAR.search(lead):
            self.after_budget = bool(re.search("预算|差", not_this_year.group()))
            if (against := _AGAINST_BUDGET.search(not_this_year.group())) and figure.unit in _MONEY_UNITS:
                # Chongqing: 决算数为 500.00 万元，比年初预算数增加 50.00 万元，增长 11.11%: a change against the budget
                return Change(
                    **self._at(start, figure.end),
                    subject=subject,
                    word=against.group("w"),
                    figure=figure,
                    compared_with=against.group("b"),
                    budget=_BUDGET_ROLES[against.group("role")],
                )
            if (year := self._compared_year(not_this_year, figure)) is not None:
                return Amount(  # 与2022年988.88万元相比, 上年决算数为 90 万元: the figure of the year compared with
                    **self._at(start, figure.end),
                    subject=subject,
                    role=Role.LAST_YEAR,
                    figure=figure,
                    year=year or None,
                    notes=(NOTES["wan"],) if figure.unit == "万" else (),
                )
            return None  # a difference from a budget, or another year's figure not said to be compared with
        notes: list[str] = []
        if figure.unit == "万":
            notes.append(NOTES["wan"])
        if change := _CHANGE_WORD.search(lead):
            if after_budget and clause_start == previous > 0 and not re.search(r"上一?年|\d{4}\s*年|同期", lead):
                if isinstance(self.last, Change) and self.last.budget is not None and self.last.subject == subject:
                    return Change(  # …增加 50.00 万元，增长 11.11%: the rate of that change against the budget
                        **self._at(start, figure.end),
                        subject=subject,
                        word=change.group(1),
                        figure=figure,
                        compared_with=self.last.compared_with,
                        budget=self.last.budget,
                    )
                return None  # 决算数小于预算数 2.00 万元，降低 6.25%: a rate of a difference not said to be one
            if figure.unit in _COUNT_UNITS or (clause_start == previous > 0 and self.last_unit in _COUNT_UNITS):
                return None  # 较上年减少 119 批次，下降 100%: a count's change and rate, which no statement holds
            if figure.unit == "倍":
                return None  # 增长 2.3 倍: a multiple, not a rate in %, which no claim states (left in the text)
            word = change.group(0).strip()
            if change.group(1) in _RATE_WORDS:
                word = _RATE_WORDS[change.group(1)]
            if change.group(2):
                notes.append(NOTES["choice"].format(word=word))
            if word[:2] in ("增长", "下降") and figure.unit == "":
                notes.append(NOTES["percent"])
            comparisons = list(_COMPARED.finditer(self.text, self._sentence_start(start, "。"), start))
            compared = comparisons[-1] if comparisons else None
            if compared is not None and (named := _YEAR_BUDGET.search(self.text, compared.end(), start)):
                # Beijing: 比2024年“三公”经费财政拨款年初预算 113.00 万元减少 20.08 万元: against that year's budget
                self.after_budget = True
                return Change(
                    **self._at(start, figure.end),
                    subject=subject,
                    word=word,
                    figure=figure,
                    compared_with=self.text[compared.start() + 1 : named.end()],
                    budget=Role.FULL_YEAR_BUDGET if named.group(1).startswith("调整") else _BUDGET_ROLES[named.group(1)],
                    notes=tuple(notes),
                )
            baseline = compared is not None and bool(compared.group("y")) and (
                bool(_QUALIFIED_YEAR.match(self.text, compared.end()))
                or any(c.group("last") for c in comparisons[:-1])
            )
            return Change(
                **self._at(start, figure.end),
                subject=subject,
                word=word,
                figure=figure,
                compared_with=compared.group(0)[1:].strip() if compared else "",
                year=int(compared.group("y")) if compared and compared.group("y") else None,
                baseline=baseline,
                notes=tuple(notes),
            )
        if share := _SHARE.search(lead):
            of = self._whole(share.group("of"), mentions, self._sentence_start(start, "。"), subject, start)
            if figure.unit == "":
                notes.append(NOTES["percent"])
            return Share(
                **self._at(start, figure.end),
                subject=subject,
                figure=figure,
                of=of,
                notes=tuple(notes),
            )
        if completion := _COMPLETION.search(lead):
            budget = completion.group("of") or completion.group("of2") or "预算"  # 预算完成率: the budget is not said
            of_role = Role.FULL_YEAR_BUDGET if budget.startswith("调整") else _BUDGET_ROLES[budget]  # 调整预算: full year
            if figure.unit in _MONEY_UNITS:  # Guangdong: 完成全年预算 80.00 万元的 75.0%: the budget, then its rate
                return self._amount(start, subject, figure, of_role if completion.group("of") or completion.group("of2") else Role.BUDGET, notes)
            return self._completion(start, subject, figure, of_role, notes)
        if (
            re.fullmatch(r"\s*的\s*", lead)
            and isinstance(self.last, Amount)
            and self.last.subject == subject
            and self.last.role is not Role.ACTUAL
            and self.last.role is not Role.LAST_YEAR
            and figure.unit in ("%", "")
        ):  # …完成全年预算 80.00 万元的 75.0%: the rate of the budget printed just before
            return self._completion(start, subject, figure, self.last.role, notes)
        if figure.unit in ("次", "人") and subject.key not in _COUNTED_IN_PERSONS | _PERSONS:
            return None  # 一行 4 人, 共 2 批次 2 人参加培训: persons of an event, not a figure of the subject
        opens = last is not None and clause_start == last.end  # the count follows its phrase directly
        # … or the phrase's first count, or its amount (国内公务接待费 5.62 万元，接待 46 批次，391 人次)
        follows = isinstance(self.last, Count | Amount) and self.last.subject == subject
        if subject.key in _COUNTED_IN_PERSONS and figure.unit in _COUNT_UNITS and not (
            _COUNT_LEAD.fullmatch(lead) and (opens or follows)
        ):
            return None  # …接待了相关人员 5 批次 36 人: a part of the whole, not the count the phrase opens
        if figure.unit in _COUNT_UNITS:
            if subject.key in _MONEY_ONLY or subject.key.startswith(_MONEY_ONLY_PREFIXES):
                return None  # 一般公共预算项目支出…，共涉及项目 12 个: no count of an amount's subject
            return Count(
                **self._at(start, figure.end),
                subject=subject,
                figure=figure,
                notes=tuple(notes),
            )
        if figure.unit == "" and figure.value == 0 and _BARE_ZERO_LEAD.fullmatch(lead) and _place(subject, Role.ACTUAL):
            # 因公出国（境）费为0 (Anhui's, Zhejiang's): a nought printed without its unit is nothing in any unit
            figure = attrs.evolve(figure, unit="万元")
            notes.append(NOTES["zero"])
        if figure.unit not in _MONEY_UNITS:
            return None
        role = Role.ACTUAL
        if m := _ROLE.search(lead):
            role = Role.FULL_YEAR_BUDGET if "调整" in m.group(1) else _BUDGET_ROLES[m.group(1)]
        elif "预算金额" in subject.name or "预算金额" in lead:  # 涉及预算金额, 预留…项目预算金额
            role = Role.BUDGET
        return self._amount(start, subject, figure, role, notes)

    def _named_after(self, mentions: list[_Mention], end: int) -> Subject | None:
        """The subject a figure is said to be right after it (X 万元为财政拨款收入, X 万元用于基本支出: Tibet), or None."""
        i = bisect.bisect_left(self._index(mentions)[0], end)
        if i == len(mentions) or not mentions[i].subject.key:
            return None
        return mentions[i].subject if _NAMED_AFTER.fullmatch(self.text, end, mentions[i].start) else None

    def _compared_year(self, lead: re.Match[str], figure: Figure) -> int | None:
        """The year (0 for 上年) whose amount ``figure`` is, when the words before it (``lead``, a
        :data:`_NOT_THIS_YEAR` match) say it is the amount a change is against: 与2022年 X 万元相比 (X followed by
        相比 or 比较), 上年决算数为 X 万元; None otherwise (比上年 X 万元 alone, a difference from a budget)."""
        if figure.unit not in _MONEY_UNITS or not figure.known:
            return None
        m = _COMPARED_AMOUNT.fullmatch(lead.group())
        if m is None or (m.group("against") and not _THEN_COMPARED.match(self.text, figure.end)):
            return None
        return int(m.group("y")) if m.group("y") else 0

    def _amount(self, start: int, subject: Subject, figure: Figure, role: Role, notes: list[str]) -> Amount:
        """An amount of ``subject`` in ``role`` (this year's, a budget …), placed where that figure is kept."""
        return Amount(
            **self._at(start, figure.end), subject=subject, role=role, figure=figure, place=_place(subject, role), notes=tuple(notes)
        )

    def _completion(self, start: int, subject: Subject, figure: Figure, of: Role, notes: list[str]) -> Completion:
        """A completion rate of ``subject`` against the budget ``of`` (a bare number noted as read as a percent)."""
        if figure.unit == "":
            notes.append(NOTES["percent"])
        return Completion(**self._at(start, figure.end), subject=subject, figure=figure, of=of, notes=tuple(notes))

    def _whole(
        self, printed: str, mentions: list[_Mention], sentence: int, part: Subject, position: int
    ) -> Subject | None:
        """What a share is of: the subject printed after 占 (占本年支出合计的), else the first of the sentence when
        其中 follows it (本年支出合计 X 万元，其中：…), or of the sentence before when the share's opens with
        其中 (本单位支出为 X 万元。其中：基本支出 A 万元，占 p%); 主要用于, 包括 and 中， open parts as 其中 does. Otherwise the sentence does not say (``None``): a
        sibling part named first (基本支出 A，占 p%；项目支出 B，占 q%) is no whole."""
        printed = printed.strip()
        if printed:
            found = _SUBJECT.search(printed)
            if found is None:  # 本年收入合计 …，占收入合计 p% (Zhejiang): the sentence's subject whose name ends with it
                i = bisect.bisect_left(self._index(mentions)[0], sentence)
                named = [mention.subject for mention in mentions[i:] if mention.start < position]
                longer = [s for s in named if s.key and s.name.endswith(printed)]
                if longer:
                    return Subject(longer[0].key, printed)
                # Beijing: 财政拨款收入 A 万元，占收入合计的 p%: 收入合计 (支出合计) is 表一's 本年收入合计 (本年支出合计)
                return Subject(_BARE_WHOLES.get(printed, ""), printed)
            phrase, m = found
            key = _SUBJECTS[phrase][1]
            # 一般公共预算财政拨款基本支出 A，其中：人员经费 B，占基本支出的 p%: the whole printed short is the
            # subject of the sentence whose full name ends with it (六's 基本支出 is 一般公共预算's, not 表一's)
            i = bisect.bisect_left(self._index(mentions)[0], sentence)
            named = [mention.subject for mention in mentions[i:] if mention.start < position]
            longer = [s for s in named if s.key and s.key != key and s.name.endswith(m.group())]
            if longer:
                return Subject(longer[0].key, printed)
            # 本年支出合计 A 万元，其中：基本支出 B 万元，占总支出的 p%: a loose 总支出 (总收入) is the year's total the sentence
            # names, which the part is of, not 支出总计 (its balances are no part's whole)
            side = "expenditure" if key == "expenditure.total" else "income" if key == "income.total" else ""
            year = _UNIT_TOTALS[side].get(part.key) if side and m.group().startswith("总") else None
            if year is not None and year != key and any(s.key == year for s in named):
                return Subject(year, printed)
            if key == "expenditure.basic" and (self.role == "六" or part.key in ("personnel", "public_use")):
                return Subject("general_budget.basic", printed)  # 人员经费 and 公用经费 are 表六's
            return Subject(key, printed)
        if part.key in _TEMPLATE_WHOLES:  # 授予小微企业合同金额 …，占 p%: of 政府采购支出总额, as the template says
            return _TEMPLATE_WHOLES[part.key]
        start = sentence
        if re.match(r"\s*其中", self.text[sentence:position]) and sentence > 0:
            start = self._sentence_start(sentence - 1, "。")
            # …完成预算的 80.00%。决算数小于预算数的主要原因是…。其中：…: a sentence naming no subject (a reason) is passed
            # over to the one before, which names the whole
            starts = self._index(mentions)[0]
            while start > 0 and bisect.bisect_left(starts, start) == bisect.bisect_left(starts, sentence):
                start = self._sentence_start(start - 1, "。")
        elif re.match(r"\s*其中", self.text[sentence:position]) and self.before is not None and self.before != part:
            return self.before  # the paragraph opens with 其中: the whole is the paragraph before's
        # a sentence is the whole clause run up to "。": the part before 其中/主要用于 names the whole
        i = bisect.bisect_left(self._index(mentions)[0], start)
        first = mentions[i] if i < len(mentions) else None
        if first is None or first.subject == part or not _PARTS_FOLLOW.search(self.text, first.end, position):
            return self.listing if self.listing != part else None
        return first.subject


#: The whole the national template gives a share of, when a report leaves it unsaid: 授予中小企业 and 授予小微企业
#: 合同金额 are each "占政府采购支出总额的" p%, the 小微企业's too (not of the 中小企业's, though it is part of them).
#: 三's 类 of every fund (按支出功能分类，科学技术支出 A 万元，占 p%) are shares of 本年支出合计, the section's subject; 五's
#: 类 (一般公共服务支出 A 万元，占 p%) of 一般公共预算财政拨款支出, 五（二）'s whole.
_TEMPLATE_WHOLES: Final = MappingProxyType(
    {
        "procurement.sme": Subject("procurement", "政府采购支出总额"),
        "procurement.small_micro": Subject("procurement", "政府采购支出总额"),
        "expenditure.class": Subject("expenditure.year_total", "本年支出合计"),
        "general_budget.class": Subject("general_budget.expenditure", "一般公共预算财政拨款支出"),
        "fiscal.class": Subject("fiscal.expenditure", "财政拨款支出"),
    }
)
#: A whole printed without 本年 (占收入合计的): 表一's line of that name.
_BARE_WHOLES: Final = MappingProxyType({"收入合计": "income.year_total", "支出合计": "expenditure.year_total"})

#: The totals a bare 收入 (支出) opening a sentence compared with a year may be of (:meth:`_bare_totals`).
_BARE_SIDES: Final = MappingProxyType(
    {
        "收入": frozenset({"income.total", "income.year_total"}),
        "支出": frozenset({"expenditure.total", "expenditure.year_total"}),
    }
)
_BARE_COMPARED: Final = re.compile(r"\s*(?:较|比|与)\s*(?:上一?年度?|\d{4}\s*年度?)")
#: 本单位收入/支出 (Gansu) is the total whose parts 其中 lists after it: by the first part's subject.
_UNIT_TOTALS: Final = MappingProxyType(
    {
        "income": MappingProxyType(
            {
                **dict.fromkeys(
                    ("income.fiscal", "general_budget.income", "government_fund.income", "state_capital.income",
                     "income.superior_subsidy", "income.business", "income.operating", "income.affiliated",
                     "income.other"),
                    "income.year_total",
                ),
                **dict.fromkeys(
                    ("income.year_total", "income.opening_balance", "income.non_fiscal_balance_used"), "income.total"
                ),
            }
        ),
        "expenditure": MappingProxyType(
            {
                **dict.fromkeys(
                    ("expenditure.basic", "expenditure.project", "expenditure.to_superior", "expenditure.operating",
                     "expenditure.to_affiliated"),
                    "expenditure.year_total",
                ),
                **dict.fromkeys(
                    ("expenditure.year_total", "expenditure.closing_balance", "expenditure.surplus_distribution"),
                    "expenditure.total",
                ),
            }
        ),
    }
)
#: Subjects that are amounts only: a count after one (项目支出…共涉及项目 12 个) is not its figure.
_MONEY_ONLY: Final = frozenset({"total", "personnel", "public_use", "office_running", "performance.funds"})
_MONEY_ONLY_PREFIXES: Final = ("income.", "expenditure.", "general_budget.", "fiscal.", "government_fund.", "state_capital.")
#: 四 is all 财政拨款: its bare 收入总计, 支出总计 and 收、支总计 are 表四's.
_FISCAL_IN_FOUR: Final = MappingProxyType(
    {"total": "fiscal.total", "income.total": "fiscal.total", "expenditure.total": "fiscal.expenditure_total"}
)
#: What opens the parts of a whole named before it: 其中, 主要用于（以下方面）, 包括, …支出决算中，.
_PARTS_FOLLOW: Final = re.compile(r"其中|主要用于|包括|中\s*[，,：:]")
#: What follows a 类 named without （类） before its figure: 为, 是 or nothing (社会保障和就业支出 980 万元).
_FIGURE_NEXT: Final = re.compile(r"\s*(?:为|是)?\s*(?:\d|X{2,})")
#: A 主要用于 before the 类 it lists (主要用于农林水支出 740.00 万元、…), without 以下方面.
_PURPOSE_HEAD: Final = re.compile(r"主要用于[：:]?\s*")
#: What may precede a 类 named without （类）: the start of a clause or a list item.
_CLASS_BEFORE: Final = frozenset("：:，,；;。、 )）1234567890.．")
_CLASS_NAMES: dict[int, tuple[ClassificationTable, re.Pattern[str]]] = {}


def _class_names(table: ClassificationTable) -> re.Pattern[str]:
    """The 类 names of a classification (every edition's, 与 or 和 alike), longest first, as one pattern."""
    cached = _CLASS_NAMES.get(id(table))
    if cached is not None and cached[0] is table:
        return cached[1]
    names = sorted({e.name for e in table if e.level is Level.CLASS}, key=len, reverse=True)
    pattern = re.compile("|".join(re.sub("[与和]", "[与和]", re.escape(name)) for name in names))
    if len(_CLASS_NAMES) > 8:
        _CLASS_NAMES.clear()
    _CLASS_NAMES[id(table)] = (table, pattern)
    return pattern


#: A number split by a space (a PDF's letter spacing, a zero-width space cleaned to one) or an apostrophe: a head of
#: 1–3 bare digits, then the rest (4 80.00, 1'054.90). Neither part is the number's value; decimals before the space
#: (307.82 105.58, a row's two columns) are two numbers.
_SPLIT_TAIL: Final = re.compile(r"(?<![\d.,])\d{1,3}[ \u3000']$")
_SPLIT_HEAD: Final = re.compile(r"[ \u3000']\d")
#: Thousands typed with 、 or a full-width comma (1、054.90, 1，054.90 where the text has no other full-width forms):
#: a head of 1–3 bare digits, then a number with decimals. A list of whole numbers (1、2、3批次, 100，200，300人)
#: keeps its figures.
_GROUPED_TAIL: Final = re.compile(r"(?<![\d.,])\d{1,3}[、，]$")
_GROUPED_HEAD: Final = re.compile(r"[、，]\d+\.\d")
#: A unit of money the account holds no figure in (80.00千元, 1.2亿元): the number is not in 万元 nor in 元.
_OTHER_MONEY: Final = re.compile(r"\s*(?:千万?|百万?|亿)元?")


#: A number grouped by spaces into thousands, as exports print it (1 054.90 with a thin, no-break or plain space, a
#: PDF's spaces all read as one): a head of 1–3 digits, then groups of exactly three, then decimals. The space is read
#: as a comma; a head then fewer or more digits (4 80.00, a PDF's letter spacing) is still left unread (_split).
_SPACE_GROUPED: Final = re.compile(r"(?<![0-9A-Za-z.,])\d{1,3}(?:[ \u00a0\u2006\u2007\u2009\u202f]\d{3})+(?=\.\d)")
#: A minus printed full-width or small (－12.50, ﹣12.50) before a number that follows no digit (2023－2025 is a range).
_WIDE_MINUS: Final = re.compile(r"(?<![\d.,])[－﹣](?=\d)")
#: A negative amount in an accountant's brackets, its unit after them ((12.50)万元, （12.50）元): never an aside in
#: brackets, which holds its unit inside (（12.50万元）).
_ACCOUNTANT_NEGATIVE: Final = re.compile(r"[(（](?=[\d,]+\.\d+[)）]\s*(?:万\s?元|元))([\d,]+\.\d+)[)）]")
#: A footnote mark printed after a figure, before its unit (1,054.90①万元, 1,054.90*万元, 1,054.90¹万元,
#: 1,054.90[1]万元), and a bracketed mark after a figure or its unit (1,054.90万元[1]), as the table importer reads it.
_MARK_BEFORE_UNIT: Final = re.compile(
    rf"(?<=\d)(?:{FOOTNOTE_MARK})(?=\s*(?:万\s?元|元|%|％))"
)
_BRACKETED_MARK: Final = re.compile(r"(?P<after>\d\s*(?:万\s?元|元|%)?)(?P<mark>\[\d{1,2}\]|［\d{1,2}］)")


def _numbers_as_read(text: str) -> str:
    """``text`` with figures printed in full-width forms (:func:`~budgetkit.io.document.half_width_numbers`) or as
    exports print them read as figures, character for character (every place stays): digits grouped by spaces
    (1 054.90 → 1,054.90), a full-width minus (－12.50 → -12.50), an accountant's brackets ((12.50)万元 → -12.50 万元)
    and a footnote mark after a figure (1,054.90①万元 → 1,054.90 万元).

    Read as before, 1 054.90 with a thin or no-break space was 54.90 (its head dropped), －66.02 was 66.02 and a
    figure with a mark before its unit had no unit: its statement was lost.

    >>> _numbers_as_read("收入1\u2009054.90万元，增加－6.02万元，结余(12.50)万元，支出1,054.90①万元[1]。")
    '收入1,054.90万元，增加-6.02万元，结余-12.50 万元，支出1,054.90 万元   。'
    >>> _numbers_as_read("增加4 80.00万元，2023－2025年，（12.50万元）")
    '增加4 80.00万元，2023－2025年，（12.50万元）'
    """
    text = _SPACE_GROUPED.sub(lambda m: re.sub(r"\s", ",", m.group()), half_width_numbers(text))
    text = _WIDE_MINUS.sub("-", text)
    text = _ACCOUNTANT_NEGATIVE.sub(lambda m: f"-{m.group(1)} ", text)
    text = _MARK_BEFORE_UNIT.sub(lambda m: " " * len(m.group()), text)
    return _BRACKETED_MARK.sub(lambda m: m["after"] + " " * len(m["mark"]), text)


def _split(m: re.Match[str], number: str) -> bool:
    """Whether the number ``m`` matched is one part of a longer number split by a space or a separator (see
    :data:`_SPLIT_TAIL`, :data:`_GROUPED_TAIL`)."""
    before, after = m.string[max(0, m.start() - 5) : m.start()], m.string[m.end("n") : m.end("n") + 5]
    bare = re.fullmatch(r"[-−]?\d{1,3}", number) is not None and not m.group("u")
    return (
        _SPLIT_TAIL.search(before) is not None
        or (_GROUPED_TAIL.search(before) is not None and re.fullmatch(r"\d+\.\d+", number) is not None)
        or (bare and (_SPLIT_HEAD.match(after) is not None or _GROUPED_HEAD.match(after) is not None))
    )


def _figure(m: re.Match[str]) -> Figure | None:
    """The figure ``m`` matched; None for a number the grammar cannot hold, which is left unread and listed with the
    others: one with more digits or decimal places than a figure holds (a float's artefact such as
    1054.9000000000001 copied from a spreadsheet), the tail of a number split by a space or a separator (4 80.00,
    1、054.90: its value is not 80.00 nor 54.90), or an amount in a unit other than 万元 and 元 (80.00千元)."""
    number = m.group("n")
    unit = "".join((m.group("u") or "").split()).replace("％", "%")  # 万 元 is 万元
    if number is None:
        return Figure(m.group("x"), None, unit, m.start(), m.end())
    if _split(m, number):
        return None
    if not unit and _OTHER_MONEY.match(m.string, m.end()):
        return None
    try:
        return Figure(number, _number(number), unit, m.start(), m.end())
    except InvalidNumberError:
        return None


def _is_word(char: str) -> bool:
    """Whether a character may be part of a printed noun (a CJK character or a quotation mark of “三公”)."""
    return "\u4e00" <= char <= "\u9fff" or char in "“”‘’（）"


def _inside(position: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


class _Spans:
    """Spans of a text, for constant-time "is this position inside one" (a long paragraph stays linear)."""

    def __init__(self, length: int, spans: Iterable[tuple[int, int]]) -> None:
        self.mask = bytearray(length + 1)
        for start, end in spans:
            self.mask[start:end] = b"\x01" * (end - start)

    def __contains__(self, position: int) -> bool:
        return bool(self.mask[position])


def _place(subject: Subject, role: Role) -> Place | None:
    """The table cell that prints a subject's figure in a role, or ``None`` (no table prints it, or unresolved)."""
    spec = _PLACES.get((subject.key, role))
    if spec is None:
        return None
    table, row, column = spec
    if row == "{code}":
        if subject.path is None or subject.path.code is None:
            return None
        row = subject.path.code
    return Place(table, row, column)


# -- against the tables ----------------------------------------------------------------------------------------


@attrs.frozen
class Difference:
    """A narrative figure that is not the table's printing at its place: both printings, and why.

    ``reason`` is "differs" (both printed, different values), "not printed" (the table does not print
    that place) or "not found" (the 类/款/项 path names no row of the printed table under its printed
    parent). ``cell`` is the table's printing (``None`` unless "differs").
    """

    statement: Amount
    place: Place | None
    cell: Cell | None
    reason: str

    def __str__(self) -> str:
        where = str(self.place) if self.place is not None else self.statement.subject.name
        table = f" vs {self.cell.text or '(blank)'}" if self.cell is not None else ""
        return f"{self.statement.section} {self.statement.subject.name}: {self.statement.figure}{table} at {where} ({self.reason})"


def differences(statements: Iterable[Statement], tables: Tables) -> tuple[Difference, ...]:
    """The amounts whose printed figure differs from the table cell at their place, or whose place is not printed.

    A 类/款/项 path the shipped classification cannot resolve is looked up in the printed table itself,
    each name under its printed parent (a generic 项 name alone never decides). Values in 万元 are compared
    exactly; a printed blank counts as 0; a figure printed in 元 is compared in 万元 rounded half up to
    the cell's printed places.

    >>> from budgetkit.model.tables import Row
    >>> t = Tables(set="national-2024", tables=(Table(key="basic_expenditure", columns=("amount",),
    ...     rows=(Row(key="general_budget.personnel", name="人员经费合计", cells=("4884.09",)),)),))
    >>> [str(d) for d in differences(parse_text("人员经费 4896.98 万元。", section="六"), t)]
    ['六 人员经费: 4896.98万元 vs 4884.09 at basic_expenditure[general_budget.personnel].amount (differs)']
    """
    found: list[Difference] = []
    for statement in statements:
        if not isinstance(statement, Amount) or not statement.figure.known:
            continue
        place = statement.place
        subject = statement.subject
        if place is None and subject.path is not None and (subject.key, statement.role) in _PLACES:
            table_key, _, column = _PLACES[(subject.key, statement.role)]
            table = tables.table(table_key)
            code = _printed_code(subject.path, table) if table is not None else None
            if code is None:
                found.append(Difference(statement, None, None, "not found"))
                continue
            place = Place(table_key, code, column)
        if place is None:
            continue
        cell = tables.cell(place.table, place.row, place.column)
        if cell is None:
            found.append(Difference(statement, place, None, "not printed"))
        elif cell.value != _in_wan(statement.figure, cell):
            found.append(Difference(statement, place, cell, "differs"))
    return tuple(found)


def _in_wan(figure: Figure, cell: Cell) -> Decimal | None:
    """A money figure in 万元; one printed in 元 is rounded (四舍五入) to the places the cell prints."""
    if figure.value is None or figure.unit not in _MONEY_UNITS:
        return figure.value
    per_wan = _MONEY_UNITS[figure.unit]
    if per_wan == 1:
        return figure.value
    return round_half_up(figure.value / per_wan, cell.places or 0)


def _printed_code(path: ClassPath, table: Table) -> str | None:
    """The code of a path's last name in a printed table, each name matched under its printed parent."""
    parent: str | None = None
    for depth, name in enumerate(path.names):
        candidates = [
            row.code
            for row in table.rows
            if row.code is not None
            and len(row.code) == 3 + 2 * depth
            and (parent is None or row.code.startswith(parent))
            and _same_name(row.name, name)
        ]
        if len(set(candidates)) != 1:
            return None
        parent = candidates[0]
    return parent


def _same_name(printed: str, name: str) -> bool:
    def key(text: str) -> str:
        return re.sub(r"[\s（）()]|^[一二三四五六七八九十]+、", "", text).replace("与", "和")

    return key(printed) == key(name)
