"""The 情况说明 against its own figures and the tables: direction words, reasons, adjustments, years, units.

The narrative (``account.passages``) is read by :mod:`budgetkit.io.grammar` into typed statements; each
check below compares what a sentence says with the figures it describes:

- ``narrative.direction``: 决算数大于/小于/等于/同…持平 预算数 against the 决算 and the budget printed in the
  same paragraph (or held by the account), and 增加/减少/增长/下降/持平 against this year's and last year's
  figures when both are known;
- ``narrative.reason``: a 决算 that differs from its budget (五（三）, 七) without the reason the template asks;
- ``narrative.adjustment``: "年初预算为 A，调整预算为 B（因调减…C）" where C is not A − B;
- ``narrative.count_parts``: counts printed as the parts of a count that do not add up to it: 绩效自评的项目 N 个
  against those rated 优/良/合格/不合格 (every grade printed), 发现问题 N 个 against 已完成整改 and 正在整改, the cars
  bought against those of each type, the 因公出国（境）团组 and 人次 against each delegation's;
- ``narrative.grade``: a score printed with its grade (评价得分 91.50 分，评价等级为良) whose grade is not the score's by
  the scoring rules' bands (the national 优 90, 良 80, 中 60, 差 below);
- ``narrative.balance``: "年末/年初结转结余增加/减少 C" against the balances the account holds;
- ``narrative.year``: a comparison year other than the year before, a 截至 date (of the 国有资产 sentence) or
  a title of another year;
- ``narrative.unit``: a figure printed in 万元 that is a table's figure × 10000, or in 元 where the table holds
  the same digits in 万元.

Printed figures stand for the interval that rounds to them (:meth:`budgetkit.values.interval.Interval.published`):
two figures are ordered only when their intervals do not overlap, and equal ("持平") when printed alike.
Nothing is guessed: a comparison whose figure is not printed is listed by :func:`coverage` as skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

import attrs

from budgetkit.checks.context import Context, Rule, make_finding
from budgetkit.checks.finding import Finding, Part, Words
from budgetkit.checks.rules.sums import SumCheck
from budgetkit.checks.scoring import ScoringRules, grade, grade_named
from budgetkit.checks.section import SectionParts
from budgetkit.model.account import FIGURE_LABELS, Figure, FinalAccount
from budgetkit.model.category import ExpenseCategory, lines_with_paths
from budgetkit.model.claim import ClaimKind
from budgetkit.reference.vocabulary import YEAR_WORDS
from budgetkit.values.formatting import format_plain
from budgetkit.values.interval import Interval
from budgetkit.values.money import Money
from budgetkit.values.numbers import EXACT, places_of, plain, round_quotient

if TYPE_CHECKING:  # budgetkit.io is imported on first use: a bare ``import budgetkit`` stays light
    from budgetkit.io.grammar import Amount, Change, Statement

__all__ = ["RULES", "Parsed", "coverage", "order", "parsed", "unit_misspellings"]

#: The account figure a narrative subject names (grammar subject key → path of a model Figure).
_FIGURES: Final = {
    "total": "income.total",
    "income.total": "income.total",
    "expenditure.total": "expenditure.total",
    "income.year_total": "income.year_total",
    "expenditure.year_total": "expenditure.year_total",
    "expenditure.basic": "expenditure.basic",
    "expenditure.project": "expenditure.project",
    "fiscal.total": "fiscal.total",
    "fiscal.expenditure_total": "fiscal.expenditure_total",
    "fiscal.opening_total": "fiscal.opening",
    "fiscal.year_expenditure": "fiscal.expenditure",
    "fiscal.closing_total": "fiscal.closing",
    "general_budget.expenditure": "general_budget.total",
    "general_budget.basic": "general_budget.basic",
    "personnel": "general_budget.personnel",
    "public_use": "general_budget.public_use",
    "three_public": "three_public.total",
    "three_public.outbound": "three_public.outbound",
    "three_public.vehicle": "three_public.vehicle",
    "three_public.vehicle_purchase": "three_public.vehicle_purchase",
    "three_public.vehicle_operation": "three_public.vehicle_operation",
    "three_public.reception": "three_public.reception",
    "office_running": "operating_costs",
}

_UP: Final = ("增加", "增长", "上升", "提高")
_DOWN: Final = ("减少", "下降", "降低")
#: The budgets (values of :class:`budgetkit.io.grammar.Role`) a sentence's 预算数 may mean.
_BUDGET_OF: Final = {
    "年初预算数": ("年初预算",),
    "年初预算": ("年初预算",),
    "全年预算数": ("全年预算",),
    "全年预算": ("全年预算",),
    "预算数": ("年初预算", "全年预算", "预算"),
    # an adjusted budget (调整预算, 调整后预算, 调整后的预算数) is the 全年预算
    **{f"调整{after}预算{n}": ("全年预算",) for after in ("", "后", "后的") for n in ("", "数")},
}

_NUMBER: Final = r"(?P<{0}>\d+(?:,\d{{3}})*(?:\.\d+)?)\s*万元"
#: The three parts of an adjustment sentence, found one after the other within one clause (linear time):
#: 年初预算为 A 万元 … 调整预算数为 B 万元（因调减 … C 万元…）.
_OPENING: Final = re.compile(r"年初预算(?:数)?(?:为|是)\s*" + _NUMBER.format("n"))
_ADJUSTED: Final = re.compile(r"调整(?:后)?预算(?:数)?(?:为|是)?\s*" + _NUMBER.format("n"))
_ADJUSTING: Final = re.compile(r"(?P<w>调减|调增)[^。；，\d]{0,20}?" + _NUMBER.format("n"))
_CLAUSE: Final = re.compile(r"[^。；]+")


@attrs.frozen
class _Adjustment:
    """年初预算 A, 调整预算 B and the adjustment C said (调减 or 调增), as printed, with the span they cover."""

    opening: Decimal
    adjusted: Decimal
    stated: Decimal
    word: str
    printed: str


def _adjustment_sentences(text: str) -> Iterator[_Adjustment]:
    """Each clause that prints a 年初预算, then a 调整预算, then 调减/调增 an amount.

    >>> [a.stated for a in _adjustment_sentences("年初预算为48.03万元，调整预算数为39.32万元（因调减公用经费预算7.83万元）。")]
    [Decimal('7.83')]
    """
    for clause in _CLAUSE.finditer(text):
        position, end = clause.start(), clause.end()
        while (opening := _OPENING.search(text, position, end)) is not None:
            adjusted = _ADJUSTED.search(text, opening.end(), end)
            if adjusted is None:
                break
            adjusting = _ADJUSTING.search(text, adjusted.end(), end)
            following = _OPENING.search(text, opening.end(), end)
            if adjusting is not None and (following is None or adjusting.start() < following.start()):
                yield _Adjustment(
                    _number(opening.group("n")),
                    _number(adjusted.group("n")),
                    _number(adjusting.group("n")),
                    adjusting.group("w"),
                    text[opening.start() : adjusting.end()],
                )
                position = adjusting.end()
            else:
                position = adjusted.end()


#: A count and the counts of its parts, in one passage (Shanghai's 预算绩效管理 sentence): 绩效自评的2024年度项目
#: 39个…（其中，绩效评级为“优”的项目39个；…“良”…0个；…“合格”…0个；…“不合格”…0个。
#: Other provinces: 对 14 个项目开展了绩效自评，其中：优 10 个、良 4 个、中 0 个、差 0 个 (or 自评结果为优的 9 个，为良的 4 个…);
#: the year and what the projects are may come between (对2024年度5个项目…, Yunnan's 对2024年度…安排的6个项目全部开展了
#: 绩效自评), as the grammar reads them.
_SELF_EVALUATED: Final = re.compile(
    r"绩效自评的\s*(?:\d{4}\s*年度?\s*)?项目\s*(?P<n>\d{1,6})\s*个"
    r"|对(?:\s*\d{4}\s*年度?)?[^，。；\d]{0,20}?(?P<m>\d{1,6})\s*个[^，。；\d]{0,12}?项目(?:全部|均|都)?开展了?(?:绩效)?自评"
    r"|共有\s*(?P<j>\d{1,6})\s*个项目(?:全部|均|都)?开展了?(?:绩效)?自评"
    # the national template's; 共涉及二级项目 N 个 (Guangxi): the projects evaluated counted at their level
    r"|开展(?:了)?(?:绩效)?自评[，,]\s*(?:其中[，,]?\s*)?共涉及(?:[一二三]级)?项目\s*(?P<k>\d{1,6})\s*个"
    r"|开展(?:了)?(?:绩效)?自评[，,]\s*共自评项目\s*(?P<i>\d{1,6})\s*个"  # Fujian's
)
_GRADE: Final = re.compile(
    r"(?:(?:(?:绩效)?评级|(?:自评|评价)(?:结果|等级)|(?<=[：:、，,；;]))为\s*[“\"'‘]?(?P<g>优|良|合格|不合格|中|差)[”\"'’]?\s*"
    r"的(?:项目)?"
    r"|(?<=[：:、，,；;])\s*[“\"'‘]?(?P<b>优秀?|良好?|合格|不合格|中|差)[”\"'’]?(?:等级)?(?:的)?(?:项目)?)\s*(?P<n>\d{1,6})\s*个"
    # 10个项目评价等级为“优”，1个项目评价等级为“良” (Shaanxi; 12个项目自评等级均为“优”): the count before
    r"|(?P<m>\d{1,6})\s*个项目(?:的)?(?:自评|评价|绩效)?(?:等级|结果|评级)(?:均|全部|都)?为\s*[“\"'‘]?(?P<a>优秀?|良好?|合格|不合格|中|差)"
)
_GRADE_WORDS: Final = MappingProxyType({"优秀": "优", "良好": "良"})
#: Beijing: 自评得分90分（含）以上的项目41个，自评得分80分（含）至90分的项目6个，…60分以下的项目0个: the grades by their
#: bands' lower ends (the national bands: 优 90, 良 80, 中 60, 差 below).
_BAND: Final = re.compile(
    r"得分\s*(?:(?P<low>90|80|60)\s*分\s*[（(]含[）)]\s*(?:以上|至\s*\d{2}\s*分(?:以下)?)|(?P<below>60)\s*分以下)"
    r"的?项目\s*(?P<n>\d{1,6})\s*个"
)
_BAND_GRADES: Final = MappingProxyType({"90": "优", "80": "良", "60": "中", None: "差"})
#: The grades of a complete list: Shanghai's, or the 优/良/中/差 of other provinces.
_GRADES: Final = (("优", "良", "合格", "不合格"), ("优", "良", "中", "差"))
#: 发现问题 N 个，已经完成整改的 x 个，正在整改的 y 个.
_PROBLEMS: Final = re.compile(
    r"发现问题\s*(?P<n>\d{1,6})\s*个\s*[，,]\s*已(?:经)?完成整改的?\s*(?P<x>\d{1,6})\s*个\s*[，,、；;]\s*"
    r"正在整改的?\s*(?P<y>\d{1,6})\s*个"
)
#: 全年按规定更新购置公务用车 2 辆，其中：轿车 1 辆…、越野车 1 辆…: the cars bought by type.
_BOUGHT: Final = re.compile(r"购置(?:公务用车)?\s*(?P<n>\d{1,4})\s*辆\s*[，,]?\s*其中\s*[：:，,]?")
_CAR_TYPE: Final = re.compile(r"(?P<name>轿车|越野车|载客汽车|其他车辆)\s*(?P<k>\d{1,4})\s*辆")
#: 因公出国（境）团组 3 个，累计 11 人次。开支内容包括：…团组 1 个、5 人次，…团组 2 个、6 人次: each delegation's.
_GROUPS: Final = re.compile(r"团组\s*(?P<n>\d{1,4})\s*个\s*[，,、]\s*(?:累计|共计?)?\s*(?P<p>\d{1,5})\s*人次")
_LISTS: Final = re.compile(r"包括|其中|分别|具体")


@attrs.frozen
class _CountParts:
    """A count printed with the counts of its parts: what it counts, its count, and each part (name, count)."""

    whole: str
    whole_en: str
    count: int
    parts: tuple[tuple[str, int], ...]
    unit: str = "个"


def _count_parts(text: str) -> Iterator[_CountParts]:
    """Each count of a passage printed with the counts of all its parts.

    >>> [(c.count, c.parts) for c in _count_parts("绩效自评的2024年度项目3个（其中，绩效评级为“优”的项目2个；绩效评级为“良”的"
    ...     "项目0个；绩效评级为“合格”的项目0个；绩效评级为“不合格”的项目0个。绩效自评中共发现问题2个，已经完成整改的1个，正在整改的1个）")]
    [(3, (('“优”', 2), ('“良”', 0), ('“合格”', 0), ('“不合格”', 0))), (2, (('已经完成整改', 1), ('正在整改', 1)))]
    >>> [(c.count, c.parts) for c in _count_parts("全面开展绩效自评，共涉及二级项目8个，资金900.00万元。自评结果显示，优7个，良2个。")]
    [(8, (('“优”', 7), ('“良”', 2)))]
    """
    for m in _SELF_EVALUATED.finditer(text):
        following = _SELF_EVALUATED.search(text, m.end())
        end = following.start() if following is not None else len(text)
        grades = {_GRADE_WORDS.get(word := g.group("g") or g.group("b") or g.group("a"), word): int(g.group("n") or g.group("m"))
                  for g in _GRADE.finditer(text, m.end(), end)}  # fmt: skip
        grades |= {_BAND_GRADES[b.group("low")]: int(b.group("n")) for b in _BAND.finditer(text, m.end(), end)}
        count = int(m.group("n") or m.group("m") or m.group("k") or m.group("j") or m.group("i"))
        for complete in _GRADES:
            if set(grades) == set(complete):
                parts = tuple((f"“{grade}”", grades[grade]) for grade in complete)
                yield _CountParts("绩效自评的项目", "projects self-evaluated", count, parts)
                break
        else:  # some grades not printed (优 10 个，良 3 个): those printed are no more than the projects
            if grades and sum(grades.values()) > count:
                parts = tuple((f"“{grade}”", n) for grade, n in grades.items())
                yield _CountParts("绩效自评的项目", "projects self-evaluated", count, parts)
    for m in _PROBLEMS.finditer(text):
        parts = (("已经完成整改", int(m.group("x"))), ("正在整改", int(m.group("y"))))
        yield _CountParts("发现问题", "problems found", int(m.group("n")), parts)
    for m in _BOUGHT.finditer(text):
        end = text.find("。", m.end())
        types = [(t.group("name"), int(t.group("k"))) for t in _CAR_TYPE.finditer(text, m.end(), end if end >= 0 else len(text))]
        if types:
            yield _CountParts("购置公务用车", "official cars bought", int(m.group("n")), tuple(types), "辆")
    groups = list(_GROUPS.finditer(text))
    if len(groups) > 2 and _LISTS.search(text, groups[0].end(), groups[1].start()):
        whole, listed = groups[0], groups[1:]  # 团组 3 个，累计 11 人次。开支内容包括：…团组 1 个、5 人次，…
        yield _CountParts("因公出国（境）团组", "delegations abroad", int(whole.group("n")),
                          tuple((f"第{k}项", int(g.group("n"))) for k, g in enumerate(listed, 1)))  # fmt: skip
        yield _CountParts("因公出国（境）累计", "persons abroad", int(whole.group("p")),
                          tuple((f"第{k}项", int(g.group("p"))) for k, g in enumerate(listed, 1)), "人次")  # fmt: skip


_BALANCE: Final = re.compile(r"(?P<which>年末|年初)结转(?:和)?结余(?:资金)?(?P<w>增加|减少)\s*" + _NUMBER.format("c"))
_CUTOFF: Final = re.compile(r"截至\s*(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?:(?P<d>\d{1,2})\s*日|底|末)")
#: The template's 国有资产 sentence after a 截至 date: 截至 2024 年 12 月 31 日，…共有车辆 … (the date must be the year end).
_ASSETS: Final = re.compile(r"[^。]{0,60}?(?:共有车辆|公务用车|车辆|资产|设备)")
#: A title is a short line of its own (a heading), not a sentence that mentions another year's 决算.
_TITLE_LENGTH: Final = 80
_TITLE: Final = re.compile(r"(?P<y>\d{4})\s*年度?\s*(?:部门|单位)?决算(?:表|情况说明|报告|编制的说明|公开)")


@attrs.frozen
class Parsed:
    """The statements of each passage (same order as ``account.passages``), and the part of each section."""

    statements: tuple[tuple[Statement, ...], ...]
    #: the report part of each section label, by its headings
    parts: SectionParts = attrs.field(eq=False, repr=False)


def parsed(account: FinalAccount) -> Parsed:
    """Every passage read into statements by :func:`budgetkit.io.grammar.parse_text`, under the headings of its
    section and subsection (:meth:`budgetkit.checks.section.SectionParts.headings`), which say what it is.

    >>> from budgetkit import datasets
    >>> p = parsed(datasets.load("putuo-planning-2024"))
    >>> len(p.statements) == len(datasets.load("putuo-planning-2024").passages)
    True
    """
    global _LAST
    last = _LAST
    if last is not None and last[0] is account:  # the rule and coverage() of one check read the account once
        return last[1]
    from budgetkit.io.grammar import parse_text

    parts = SectionParts.of(account.passages)
    found = Parsed(
        tuple(
            parse_text(p.text, section=p.section, headings=parts.headings(p.section))
            for p in account.passages
        ),
        parts,
    )
    _LAST = (account, found)
    return found


#: The account :func:`parsed` read last, and what it read (an account is immutable: the same object reads the same).
_LAST: tuple[FinalAccount, Parsed] | None = None


#: A passage that ends by opening its parts (…。其中：, …。具体情况如下：): the parts that follow say the rest.
_PARTS_FOLLOW: Final = re.compile(r"(?:其中|如下)\s*[：:]\s*$")


def order(a: Interval, b: Interval, a_printed: Decimal, b_printed: Decimal) -> int | None:
    """−1, 0 or 1 when ``a`` is provably below, equal at the printed precision to, or above ``b``; None when not known.

    >>> P = Interval.published
    >>> order(P(Decimal("54.52")), P(Decimal("54.53")), Decimal("54.52"), Decimal("54.53"))
    -1
    >>> order(P(Decimal("54.53")), P(Decimal("54.530")), Decimal("54.53"), Decimal("54.530"))
    0
    >>> order(P(Decimal("12")), P(Decimal("11.8")), Decimal("12"), Decimal("11.8")) is None
    True
    """
    if _below(a, b):
        return -1
    if _below(b, a):
        return 1
    if a_printed == b_printed:
        return 0
    return None


def _below(a: Interval, b: Interval) -> bool:
    if a.hi is None or b.lo is None:
        return False
    return a.hi < b.lo or (a.hi == b.lo and (a.hi_open or b.lo_open))


def _figure(account: FinalAccount, key: str) -> Figure | None:
    path = _FIGURES.get(key)
    if path is None:
        return None
    value: object = account
    for part in path.split("."):
        value = getattr(value, part)
    return value if isinstance(value, Figure) else None


def _published(value: Decimal) -> Interval:
    return Interval.published(value)


def _word_order(word: str) -> int | None:
    """The order a direction word asserts (决算 against budget): 1 for 大于, −1 for 小于, 0 for 等于/持平."""
    if word.startswith("大于"):
        return 1
    if word.startswith("小于"):
        return -1
    if word.startswith(("等于", "持平")):
        return 0
    return None


_SAY: Final = {1: ("大于", "greater than"), -1: ("小于", "less than"), 0: ("持平", "equal to")}


# -- the comparisons ----------------------------------------------------------------------------------------------


@attrs.frozen
class _Comparison:
    """One direction claim and what it was compared with, or why it could not be."""

    path: str
    section: str
    printed: str
    said: int  #: the order the text asserts
    found: int | None  #: the order of the figures (None when not known)
    #: what the figures are, as a reader sees them: (label, exact value) pairs, or the printed words alone
    left: tuple[tuple[str, Decimal | None], ...]
    skipped: Words | None = None  #: why it could not be checked (None when it was)


#: Why a comparison with the budget was skipped: one of its figures is not printed, or their printed places do not
#: decide the order.
_NO_BUDGET: Final = Words("决算数或预算数未公布", "the 决算 or the budget is not printed")
_UNDECIDED: Final = Words("按公布的位数无法判断大小", "the printed precisions do not decide")


def _not_printed(this_year: bool, name: str) -> Words:
    """Why a comparison with last year was skipped: this year's or last year's ``name`` is not printed."""
    year = YEAR_WORDS["current" if this_year else "previous"][0]
    return Words(f"{year}{name}未公布", f"{'this' if this_year else 'last'} year's {name} is not printed")


def _budget_directions(account: FinalAccount, p: Parsed) -> Iterator[_Comparison]:
    """决算数大于/小于/等于/持平 预算数, each against the 决算 and budget of its subject printed since the last one."""
    from budgetkit.io.grammar import Amount, Direction

    for i, statements in enumerate(p.statements):
        path, section = f"passages[{i}]", account.passages[i].section
        since: list[Amount] = []  # the amounts printed since the previous direction (one 项 after another)
        for d in statements:
            if isinstance(d, Amount):
                if d.figure.known:
                    since.append(d)
                continue
            if not isinstance(d, Direction) or "预算" not in d.against:
                continue
            amounts, since = since, []
            said = _word_order(d.word)
            if said is None or "（" in d.word or "或" in d.printed:
                continue
            same = [s for s in amounts if d.subject is not None and s.subject == d.subject]
            actual = next((s for s in reversed(same) if s.role.value == "决算"), None)
            actual_value = actual.figure.wan if actual is not None else None
            roles = _BUDGET_OF.get(d.against, ())
            candidates = [
                (s.role.value, value) for s in same if s.role.value in roles and (value := s.figure.wan) is not None
            ]
            if d.subject is not None and (actual_value is None or not candidates):
                figure = _figure(account, d.subject.key)  # the account's own figures when the paragraph prints none
                if figure is not None and actual_value is None and figure.current is not None:
                    actual_value = figure.current.amount
                if figure is not None and not candidates and figure.budget is not None:
                    candidates = [("预算", figure.budget.amount)]
            if actual_value is None or not candidates:
                yield _Comparison(path, section, d.printed, said, None, (), _NO_BUDGET)
                continue
            orders = [
                order(_published(actual_value), _published(value), actual_value, value) for _, value in candidates
            ]
            if said in orders:  # a budget the sentence may mean bears it out
                yield _Comparison(path, section, d.printed, said, said, ())
            elif None in orders:
                yield _Comparison(path, section, d.printed, said, None, (), _UNDECIDED)
            else:
                figures = (("决算", actual_value), *candidates)
                yield _Comparison(path, section, d.printed, said, orders[0], figures)


def _year_directions(account: FinalAccount, p: Parsed) -> Iterator[_Comparison]:
    """增加/减少/增长/下降 against this year's and last year's figures, and a negative change amount."""
    from budgetkit.io.grammar import Change, Direction

    for i, statements in enumerate(p.statements):
        path, section = f"passages[{i}]", account.passages[i].section
        for s in statements:
            if isinstance(s, Change):
                if "（" in s.word or s.figure.value is None:
                    continue
                said = 1 if s.word.startswith(_UP) else -1 if s.word.startswith(_DOWN) else None
                if said is None:
                    continue
                printed = f"{s.word}{s.figure}"
                if s.figure.value < 0:  # 增加 −5 万元 says the opposite of its word
                    yield _Comparison(path, section, printed, said, -said, ((f"{s.word}{s.figure.text}", None),))
                    continue
                if s.figure.value == 0:
                    continue  # 增加 0: the word is the template's, the figure says 持平
                if not s.compared_with or s.budget is not None or (s.year is not None and s.year != account.year - 1):
                    continue  # compared with nothing said (年初预算?) or another year (narrative.year reports it)
                yield _against_last_year(account, path, section, printed, said, s.subject.key)
            elif isinstance(s, Direction) and s.word == "持平" and "年" in s.against and "预算" not in s.against:
                if s.subject is None or "或" in s.printed or s.printed.endswith("基本持平"):
                    continue  # 基本持平 says roughly as much, not equal at the printed places
                yield _against_last_year(account, path, section, s.printed, 0, s.subject.key)


def _against_last_year(
    account: FinalAccount, path: str, section: str, printed: str, said: int, key: str
) -> _Comparison:
    figure = _figure(account, key)
    if figure is None or figure.current is None or figure.previous is None:
        name = FIGURE_LABELS.get(_FIGURES.get(key, ""), key)
        this_year = figure is not None and figure.current is None
        return _Comparison(path, section, printed, said, None, (), _not_printed(this_year, name))
    now, then = figure.current.amount, figure.previous.amount
    found = order(_published(now), _published(then), now, then)
    return _Comparison(path, section, printed, said, found, (("本年", now), ("上年", then)))


#: A reason's own direction word, printed just before its 主要原因 (公务接待费支出减少的主要原因是…: the template's 七).
_REASON_WORD: Final = re.compile(r"(?P<w>增加|减少|增长|下降|上升|降低|提高)的?\s*$")
#: Where a clause starts (after ，。；：), and how far back an excerpt of a rate's clause looks.
_CLAUSE_START: Final = re.compile(r"[，。；：,;:\n]")
_EXCERPT: Final = 16


def _reason_directions(account: FinalAccount, p: Parsed) -> Iterator[tuple[int, str, Change, bool]]:
    """Each reason worded with a direction (…支出增加的主要原因是…) against the change its passage states of the same
    subject before it (…支出决算减少 1.00 万元): (passage, the reason's words, the change, whether their directions
    agree). A change against a budget, a reason whose clause names a budget, and a 0 or unchosen word are not read."""
    from budgetkit.io.grammar import Change, Reason

    for i, statements in enumerate(p.statements):
        text = account.passages[i].text
        last: dict[str, Change] = {}  # the latest change of each subject against last year, as the passage goes
        for s in statements:
            if isinstance(s, Change):
                # against last year, a word chosen, not 0; the amount's word (减少) kept before the rate's (下降)
                if (
                    s.budget is None
                    and "（" not in s.word
                    and s.figure.value
                    and (not s.is_rate or s.subject.key not in last)
                ):
                    last[s.subject.key] = s
                continue
            if not isinstance(s, Reason) or s.subject is None or (change := last.get(s.subject.key)) is None:
                continue
            clause = _CLAUSE_START.split(text[max(0, s.start - 60) : s.start])[-1]
            m = _REASON_WORD.search(clause)
            if m is None or "预算" in clause:
                continue
            yield i, f"{clause.strip()}主要原因", change, m.group("w").startswith(_UP) == change.word.startswith(_UP)


def _reason_direction_findings(account: FinalAccount, p: Parsed) -> Iterator[Finding]:
    for i, words, change, agrees in _reason_directions(account, p):
        if agrees:
            continue
        section = account.passages[i].section
        yield make_finding(
            "narrative.reason_direction",
            f"passages[{i}]",
            stated=words,
            expected=f"{change.word}的主要原因",
            part=p.parts(section),
            section=section,
            change=f"{change.word}{change.figure}",
        )


def _directions(account: FinalAccount, p: Parsed) -> Iterator[Finding]:
    for c in (*_budget_directions(account, p), *_year_directions(account, p)):
        if c.skipped or c.found is None or c.found == c.said:
            continue
        word, word_en = _SAY[c.found]
        yield make_finding(
            "narrative.direction",
            c.path,
            stated=c.printed,
            expected=word,
            part=p.parts(c.section),
            section=c.section,
            figures=_figures(c.left),
            relation=Words(word, word_en),
        )


#: The labels of the figures a direction is compared with, in English (the negative change's word is kept).
_LABELS_EN: Final = {
    "决算": "actual",
    "本年": "this year",
    "上年": "last year",
    "年初预算": "opening budget",
    "全年预算": "full-year budget",
    "预算": "budget",
}


def _figures(left: tuple[tuple[str, Decimal | None], ...]) -> Words:
    """The figures a direction was compared with, "决算 48.03，预算 39.32", each number shown plain."""

    def shown(label: str, value: Decimal | None) -> str:
        return label if value is None else f"{label} {format_plain(value)}"

    return Words(
        "，".join(shown(label, value) for label, value in left),
        ", ".join(shown(_LABELS_EN.get(label, label), value) for label, value in left),
    )


# -- reasons --------------------------------------------------------------------------------------------------------


def _reason_sections(account: FinalAccount) -> tuple[str, ...]:
    """The sections whose template asks a reason: 五（三） — the （三） of the section whose heading names the
    一般公共预算财政拨款支出 (Gansu's 三), 五 when no heading says otherwise — and the 三公 section — 七, unless
    the report's 七 is headed otherwise, or the section whose heading names 三公 (Guangxi's 六).

    >>> from budgetkit.datasets import synthetic
    >>> from budgetkit.model.account import Passage
    >>> account = synthetic.generate(1)
    >>> _reason_sections(attrs.evolve(account, passages=(Passage(section="七", text="七、其他重要事项"),)))
    ('五（三）',)
    >>> _reason_sections(attrs.evolve(account, passages=(Passage(section="六", text="六、“三公”经费支出情况"),)))
    ('五（三）', '六')
    >>> _reason_sections(attrs.evolve(account, passages=(Passage(section="七（一）", text="（一）总体情况"),)))
    ('五（三）', '七')
    >>> _reason_sections(attrs.evolve(account, passages=(Passage(section="三", text="三、一般公共预算财政拨款支出决算情况"),
    ...     Passage(section="五", text="五、“三公”经费支出情况"))))
    ('三（三）', '五')
    """
    from budgetkit.io.grammar import section_role

    headed = {p.section: p.text.partition("\n")[0] for p in account.passages if p.section and "（" not in p.section}

    def named(role: str, number: str) -> tuple[str, ...]:
        found = tuple(section for section, heading in headed.items() if section_role("", heading) == role)
        return found or (() if number in headed else (number,))  # no heading to go by: the template's numbering

    return (*(f"{section}（三）" for section in named("五", "五")), *named("七", "七"))


def _missing_reasons(account: FinalAccount, p: Parsed) -> Iterator[tuple[int, Amount, Amount]]:
    """Paragraphs of 五（三） and of the 三公 section whose 决算 differs from its budget with no reason given.

    A total whose parts follow (…完成年初预算的 101.25%。其中： or 具体情况如下：, then each 项 with its own reason, as
    the national template prints 五（三）) is explained by them: it asks for no reason of its own.
    """
    from budgetkit.io.grammar import Amount, Reason

    sections = _reason_sections(account)
    for i, statements in enumerate(p.statements):
        section = account.passages[i].section
        top = section.partition("（")[0]
        asked = any(section.startswith(s) if s.endswith("）") else top == s for s in sections)
        if not asked or any(isinstance(s, Reason) for s in statements) or _PARTS_FOLLOW.search(account.passages[i].text):
            continue
        amounts = [s for s in statements if isinstance(s, Amount) and s.figure.value is not None]
        for actual in amounts:
            if actual.role.value != "决算":
                continue
            budgets = [s for s in amounts if s.subject == actual.subject and s.role.value not in ("决算", "上年决算")]
            budget = next((b for b in budgets if b.role.value == "全年预算"), budgets[0] if budgets else None)
            if budget is None:
                continue
            a, b = actual.figure.wan, budget.figure.wan  # 万元, whichever unit each is printed in
            if a is not None and b is not None and order(_published(a), _published(b), a, b) in (-1, 1):
                yield i, actual, budget


def _reasons(account: FinalAccount, p: Parsed) -> Iterator[Finding]:
    for i, actual, budget in _missing_reasons(account, p):
        section = account.passages[i].section
        word = "大于" if (actual.figure.wan or 0) > (budget.figure.wan or 0) else "小于"
        yield make_finding(
            "narrative.reason",
            f"passages[{i}]",
            stated=actual.figure.value,
            expected=budget.figure.value,
            part=p.parts(section),
            section=section,
            subject=actual.subject.name,
            actual=str(actual.figure),  # as printed, with its unit
            word=word,
            budget_name=budget.role.value,
            budget=str(budget.figure),
        )


# -- budget adjustments and balances ----------------------------------------------------------------------------


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _adjustments(account: FinalAccount, p: Parsed) -> Iterator[Finding]:
    for i, passage in enumerate(account.passages):
        for m in _adjustment_sentences(passage.text):
            opening, adjusted, stated = m.opening, m.adjusted, m.stated
            difference = _published(opening) - _published(adjusted)
            word = m.word
            # 调减 C: opening − adjusted = C; 调增 C: opening − adjusted = −C
            stated_difference = _published(stated) if word == "调减" else -_published(stated)
            if difference.overlaps(stated_difference):
                continue
            excerpt = m.printed if len(m.printed) <= 80 else m.printed[:77] + "…"
            exact = EXACT.subtract(opening, adjusted)  # every digit kept (the default context keeps 28)
            yield make_finding(
                "narrative.adjustment",
                f"passages[{i}]",
                stated=stated,
                expected=exact,
                part=p.parts(passage.section),
                section=passage.section,
                excerpt=excerpt,
                opening=opening,
                adjusted=adjusted,
                word=word,
            )


def _count_sums(account: FinalAccount, p: Parsed) -> Iterator[Finding]:
    for i, passage in enumerate(account.passages):
        for c in _count_parts(passage.text):
            total = sum(n for _, n in c.parts)
            if total == c.count:
                continue
            yield make_finding(
                "narrative.count_parts",
                f"passages[{i}]",
                stated=c.count,
                expected=total,
                part=p.parts(passage.section),
                section=passage.section,
                whole=Words(c.whole, c.whole_en),
                labels=Words("、".join(f"{name}{n}{c.unit}" for name, n in c.parts), " + ".join(f"{name} {n}" for name, n in c.parts)),
                unit=c.unit,
            )


#: A score printed with its grade: 重点绩效评价…评价得分 91.50 分，评价等级为优; 部门整体支出绩效自评得分为 88.60 分，评价等级为良.
_SCORED_GRADE: Final = re.compile(
    r"得分(?:为|是)?\s*(?P<s>\d{1,3}(?:\.\d{1,2})?)\s*分\s*[，,、]?\s*(?:评价|绩效|自评|综合)?(?:等级|评级)(?:为|是)?"
    r"\s*[“\"']?(?P<g>优秀|良好|中等|不合格|合格|较差|优|良|中|差)"
)


def _grades(account: FinalAccount, rules: ScoringRules) -> Iterator[tuple[int, re.Match[str], str, str]]:
    """Each score printed with its grade: the grade the text names and the grade of that score, by ``rules``' bands
    (:func:`~budgetkit.checks.scoring.grade_named`: 优秀 is 优, 合格 is 中; a word the rules do not know is not compared)."""
    for i, passage in enumerate(account.passages):
        for m in _SCORED_GRADE.finditer(passage.text):
            score = Decimal(m.group("s"))
            if score <= 100 and (printed := grade_named(m.group("g"), rules)) is not None:
                yield i, m, printed, grade(score, rules)


def _grade_findings(account: FinalAccount, p: Parsed, rules: ScoringRules) -> Iterator[Finding]:
    for i, m, printed, expected in _grades(account, rules):
        if printed != expected:
            section = account.passages[i].section
            yield make_finding(
                "narrative.grade",
                f"passages[{i}]",
                stated=m.group("g"),
                expected=expected,
                part=p.parts(section),
                section=section,
                score=Decimal(m.group("s")),
            )


#: Shanghai's 政府采购 sentence: the whole, and what 中小企业 won in the projects reserved for them and in the others.
_SME_PARTS: Final = ("procurement", "procurement.sme_reserved.awarded", "procurement.other.sme_awarded")


#: Shanghai's reserved budgets: for 中小企业, and of it for 小微企业 (财库〔2020〕46号: 其中预留给小微企业的比例不低于60%).
_RESERVED: Final = ("procurement.sme_reserved", "procurement.small_reserved")


def _passage_amounts(p: Parsed, keys: Sequence[str]) -> Iterator[tuple[int, tuple[Decimal, ...]]]:
    """Each passage that prints an amount of every subject of ``keys``: the first of each in 万元 (one printed in 元
    with its places kept), in ``keys``' order."""
    from budgetkit.io.grammar import Amount

    for i, statements in enumerate(p.statements):
        amounts: dict[str, Decimal] = {}
        for s in statements:
            if isinstance(s, Amount) and s.subject.key in keys and (value := s.figure.wan) is not None:
                amounts.setdefault(s.subject.key, value)
        if len(amounts) == len(keys):
            yield i, tuple(amounts[key] for key in keys)


def _sme_reserved(account: FinalAccount, p: Parsed) -> Iterator[Finding]:
    """What is reserved for 小微企业 is part of what is reserved for 中小企业: an error when it is more for every value
    the printed figures stand for."""
    for i, (sme, small) in _passage_amounts(p, _RESERVED):
        if not _below(_published(sme), _published(small)):
            continue
        passage = account.passages[i]
        yield make_finding(
            "narrative.sme_reserved",
            f"passages[{i}]",
            stated=_shown(small),
            expected=f"≤ {plain(_shown(sme))}",
            part=p.parts(passage.section),
            section=passage.section,
            whole=_shown(sme),
        )


def _sme_awarded(account: FinalAccount, p: Parsed) -> Iterator[Finding]:
    """What 中小企业 won (在面向中小企业预留的政府采购项目中 … 采购金额 A 万元；在其他政府采购项目中 … 采购金额 B 万元)
    is part of the 政府采购金额 T the same passage prints: an error when A + B exceeds T for every value the printed
    figures stand for."""
    for i, (whole, reserved, other) in _passage_amounts(p, _SME_PARTS):
        if not _below(_published(whole), _published(reserved) + _published(other)):
            continue
        passage = account.passages[i]
        yield make_finding(
            "narrative.sme_awarded",
            f"passages[{i}]",
            stated=_shown(EXACT.add(reserved, other)),
            expected=f"≤ {plain(_shown(whole))}",
            part=p.parts(passage.section),
            section=passage.section,
            reserved=_shown(reserved),
            other=_shown(other),
            whole=_shown(whole),
        )


def _shown(value: Decimal) -> Decimal:
    """An amount in 万元 as a finding words it: printed in 元 to the 分, it is shown to the 分 of a 万元 where that is
    all it says (15,000,000.00 元 is 1500.00 万元, not 1500.000000)."""
    cents = value.quantize(Decimal("0.01"))
    return cents if cents == value else value



#: The funds whose 情况说明 section lists each 项 it spent on (八 政府性基金, 九 国有资本经营: the template's "1、XX（类）
#: XX（款）XX（项）。…支出决算为 XXX 万元" under "…支出 XXX 万元，支出具体情况如下"): the fund's words.
_FUNDS: Final = (
    ("government_fund", "政府性基金预算财政拨款支出", "government fund spending"),
    ("state_capital", "国有资本经营预算财政拨款支出", "state capital spending"),
)


@attrs.frozen
class _FundItems:
    """A fund's 支出 as its section prints it (the passage and its section) and the 项 of its numbered points: each
    one's 决算 as first printed, by its path as printed."""

    fund: str
    passage: int
    section: str
    total: Decimal
    items: dict[str, tuple[int, Amount]]


def _fund_sections(p: Parsed, sections: Sequence[str]) -> Iterator[_FundItems]:
    """Each fund whose section prints its 支出 and then, in its numbered points (八1, 八2 …), the 决算 of its 项."""
    from budgetkit.io.grammar import Amount, Role

    for fund, _, _ in _FUNDS:
        found: _FundItems | None = None
        whole = True  # every figure in 万元 and known: a 项 printed in 元, or unread, leaves the sum unjudged
        for i, (section, statements) in enumerate(zip(sections, p.statements, strict=True)):
            for s in statements:
                if not isinstance(s, Amount) or s.role is not Role.ACTUAL:
                    continue
                if s.subject.key == f"{fund}.expenditure" and found is None:
                    if s.figure.unit != "万元" or s.figure.value is None:
                        break
                    found = _FundItems(fund, i, section, s.figure.value, {})
                elif (
                    s.subject.key == f"{fund}.item"
                    and found is not None
                    and section[: len(found.section)] == found.section
                    and section[len(found.section) :].isdigit()  # a numbered point of the total's own section
                ):
                    whole = whole and s.figure.unit == "万元" and s.figure.value is not None
                    found.items.setdefault(str(s.subject.path or s.subject.name), (i, s))
        if found is not None and found.items and whole:
            yield found


def _fund_sum(f: _FundItems) -> SumCheck:
    """A fund section's identity 支出 = Σ the 项' 决算 (the template lists every 项: 按上述格式依次说明到各项级科目)."""
    what, what_en = next((what, what_en) for fund, what, what_en in _FUNDS if fund == f.fund)
    return SumCheck(
        "narrative.fund_items",
        f"passages[{f.passage}]",
        f"{f.section}：{what}",
        f"{f.section}: {what_en}",
        Money(f.total),
        tuple((name.rsplit("（款）", 1)[-1], Money(s.figure.value or 0)) for name, (_, s) in f.items.items()),
        Part.FISCAL,
    )


def _fund_items(account: FinalAccount, p: Parsed, zero_is_exact: bool) -> Iterator[Finding]:
    """Each fund section's sum (:func:`_fund_sum`), then each of its 项 whose 决算 is not its row's 本年支出 in the
    fund's table (表八, 表九), where the table prints the row by the 项's names."""
    from budgetkit.io.grammar import differences

    for f in _fund_sections(p, [passage.section for passage in account.passages]):
        yield from _fund_sum(f).findings(zero_is_exact)
        table = account.tables.table(f.fund)
        if table is None:
            continue
        for name, (i, statement) in f.items.items():
            for d in differences([statement], account.tables):
                if d.reason != "differs" or d.cell is None or d.place is None:
                    continue  # a row the table does not print by these names: the classification rules say so
                yield make_finding(
                    "narrative.fund_item",
                    f"passages[{i}]",
                    stated=statement.figure.value,
                    expected=d.cell.value,
                    section=account.passages[i].section,
                    label=name,
                    table=f"表{table.number}" if table.number else table.key,
                    row=d.place.row,
                )


#: The 三公 figures whose changes the template's 七（一） states one by one: each whole and its parts (the whole changes
#: by what its parts change by).
_CHANGE_PARTS: Final = (
    ("three_public.total", ("three_public.outbound", "three_public.vehicle", "three_public.reception")),
    ("three_public.vehicle", ("three_public.vehicle_purchase", "three_public.vehicle_operation")),
    ("three_public.reception", ("three_public.reception_domestic", "three_public.reception_foreign")),
)


def _change_sums(account: FinalAccount) -> Iterator[SumCheck]:
    """Each whole of :data:`_CHANGE_PARTS` whose change against last year is stated, and every part's too: the change
    of the whole = Σ the changes of its parts (last year's figures need not be printed)."""
    first: dict[str, tuple[int, Money]] = {}  # each figure's first stated change (signed), and its claim
    for i, claim in enumerate(account.claims):
        if claim.kind is ClaimKind.CHANGE and claim.base is None and claim.subject not in first:
            first[claim.subject] = (i, Money(claim.stated))
    for whole, parts in _CHANGE_PARTS:
        if whole not in first or any(part not in first for part in parts):
            continue
        i, change = first[whole]
        yield SumCheck(
            "narrative.change_parts",
            f"claims[{i}]",
            f"{FIGURE_LABELS[whole]}的增减额",
            f"the change of {whole}",
            change,
            tuple((FIGURE_LABELS[part], first[part][1]) for part in parts),
            Part.THREE_PUBLIC,
        )


#: Spaces and line breaks, which a printed name may be broken by.
_SPACE: Final = re.compile(r"\s+")
#: The shortest unit name whose misspellings are looked for (one character of a shorter name is too often a word),
#: the longest (a unit's name is a line, not a text), and the most places a text may print the name's start at (prose
#: names its unit a few times; more is not prose, and is not searched).
_NAME_LENGTH: Final = 6
_NAME_LONGEST: Final = 80
_MOST_NAMES: Final = 500


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by exactly one character changed, added or left out.

    >>> _one_edit("规划与自然", "规划和自然"), _one_edit("规划自然", "规划和自然"), _one_edit("规划和自然", "规划和自然")
    (True, True, False)
    """
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    k = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    if len(a) == len(b):
        return a[k + 1 :] == b[k + 1 :]
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[k + 1 :] == shorter[k:]


def unit_misspellings(unit: str, text: str) -> list[tuple[int, str]]:
    """Where ``text`` (its spaces and line breaks taken out) names the unit with one character changed, added or left
    out (上海市普陀区规划与自然资源局 for …规划和…), and the name as printed: it starts and ends as the unit's name
    does, and the unit's own name is not printed at that place (…局局长 is the unit and a word).

    >>> unit_misspellings("上海市普陀区规划和自然资源局", "上海市普陀区规划与自然资源局年度决算；上海市普陀区规划和自然资源局局长")
    [(0, '上海市普陀区规划与自然资源局')]
    >>> unit_misspellings("上海市普陀区规划和自然资源局", "上海市普陀区规划和自 然资源局 2024 年度")
    []
    """
    unit, text = _SPACE.sub("", unit), _SPACE.sub("", text)  # a name a line break or a space runs through is whole
    if not _NAME_LENGTH <= len(unit) <= _NAME_LONGEST or text.count(unit[:2]) > _MOST_NAMES:
        return []
    found: list[tuple[int, str]] = []
    start = text.find(unit[:2])
    while start >= 0:
        if not text.startswith(unit, start):
            for size in (len(unit), len(unit) - 1, len(unit) + 1):
                printed = text[start : start + size]
                if printed.endswith(unit[-1]) and _one_edit(printed, unit):
                    found.append((start, printed))
                    break
        start = text.find(unit[:2], start + 1)
    return found


def _unit_names(account: FinalAccount, p: Parsed) -> Iterator[Finding]:
    """The unit named with one character changed, added or left out (七 to 九 of the planning sample: 规划与自然资源局),
    once for each spelling, where it is first printed."""
    seen: set[str] = set()
    for i, passage in enumerate(account.passages):
        for _, printed in unit_misspellings(account.unit, passage.text):
            if printed in seen:
                continue
            seen.add(printed)
            yield make_finding(
                "narrative.unit_name",
                f"passages[{i}]",
                stated=printed,
                expected=account.unit,
                part=p.parts(passage.section),
                section=passage.section,
            )


#: Two-character words of a line's use that say nothing of which line it is (单位, 支出: every use prints them).
_GENERIC_WORDS: Final = frozenset({"单位", "支出", "行政", "事业", "人员", "项目", "经费", "机关", "其他"})


def _words(text: str) -> set[str]:
    """The two-character words (bigrams) of ``text`` that tell one line from another."""
    return {text[k : k + 2] for k in range(len(text) - 1)} - _GENERIC_WORDS


def _copied_uses(account: FinalAccount) -> Iterator[tuple[str, ExpenseCategory, ExpenseCategory]]:
    """Each 项 whose 主要用于 is word for word another line's and speaks of that line, not of itself (住房公积金
    "主要用于：事业单位医疗保险支出", the use of 事业单位医疗): its path, the line, and the line it was copied from."""
    lines = [
        (path, line, _words(line.name))
        for path, line in lines_with_paths(account.general_budget.categories)
        if line.use
    ]
    for path, line, own in lines:
        use = _words(line.use)
        if use & own:
            continue  # the use names its own line
        source = next(
            (other for _, other, named in lines
             if other is not line and other.use == line.use and other.name != line.name and use & named),
            None,
        )  # fmt: skip
        if source is not None:
            yield path, line, source


def _uses(account: FinalAccount) -> Iterator[Finding]:
    for path, line, source in _copied_uses(account):
        yield make_finding(
            "narrative.use_copied",
            f"{path}.use",
            stated=line.use,
            line=f"{line.name}（{line.code}）" if line.code else line.name,
            source=f"{source.name}（{source.code}）" if source.code else source.name,
        )


def _percent_signs(account: FinalAccount, p: Parsed) -> Iterator[Finding]:
    """A rate (增长/下降…, 占…, 完成…的) the grammar reads with no unit printed: its % sign left out (增长 13.95。)."""
    from budgetkit.io.grammar import Change, Completion, Share

    for i, statements in enumerate(p.statements):
        passage = account.passages[i]
        for s in statements:
            if not (isinstance(s, Share | Completion) or (isinstance(s, Change) and s.is_rate)):
                continue
            if s.figure.value is None or s.figure.unit:
                continue
            clause = _CLAUSE_START.split(passage.text[max(0, s.start - _EXCERPT) : s.end])[-1].strip()
            yield make_finding(
                "narrative.percent_sign",
                f"passages[{i}]",
                stated=clause,
                expected=f"{clause}%",
                part=p.parts(passage.section),
                section=passage.section,
            )


def _balance_figures(account: FinalAccount, which: str) -> tuple[tuple[Decimal, Interval] | None, ...]:
    """This year's and last year's 年末 (or 年初) 结转和结余: as printed, or as 总计 − 本年合计 (with its interval)."""
    side = account.expenditure if which == "年末" else account.income
    figure = account.expenditure.closing_balance if which == "年末" else account.income.opening_balance
    total, year_total = side.total, side.year_total

    def one(attribute: str) -> tuple[Decimal, Interval] | None:
        printed = getattr(figure, attribute)
        if printed is not None:
            return printed.amount, _published(printed.amount)
        whole, part = getattr(total, attribute), getattr(year_total, attribute)
        if whole is None or part is None:
            return None
        return EXACT.subtract(whole.amount, part.amount), _published(whole.amount) - _published(part.amount)

    return one("current"), one("previous")


def _balance_changes(
    account: FinalAccount,
) -> Iterator[tuple[int, re.Match[str], tuple[Decimal, Interval] | None, tuple[Decimal, Interval] | None]]:
    for i, passage in enumerate(account.passages):
        for m in _BALANCE.finditer(passage.text):
            now, then = _balance_figures(account, m.group("which"))
            yield i, m, now, then


def _balances(account: FinalAccount, p: Parsed) -> Iterator[Finding]:
    for i, m, now, then in _balance_changes(account):
        if now is None or then is None:
            continue
        printed = _number(m.group("c"))
        stated = printed if m.group("w") == "增加" else EXACT.minus(printed)
        if (now[1] - then[1]).overlaps(_published(stated)):
            continue
        section = account.passages[i].section
        change = EXACT.subtract(now[0], then[0])
        which = m.group("which")
        yield make_finding(
            "narrative.balance",
            f"passages[{i}]",
            stated=stated,
            expected=change,
            part=p.parts(section),
            section=section,
            printed=m.group(0),
            which=Words(which, "closing" if which == "年末" else "opening"),
            current=now[0],
            previous=then[0],
        )


# -- years ------------------------------------------------------------------------------------------------------


@attrs.frozen
class _YearIssue:
    path: str
    section: str
    printed: str
    expected: str
    why: str
    why_en: str


def _year_issues(account: FinalAccount, p: Parsed) -> Iterator[_YearIssue]:
    """Years that do not fit the report year, where the template fixes them (comparisons, the 截至 date, titles).

    Other years and dates (history, plans, a document's date) are the unit's own and are not judged.
    """
    from budgetkit.io.grammar import Change, Direction, Year

    year = account.year
    for i, passage in enumerate(account.passages):
        path, section, text = f"passages[{i}]", passage.section, passage.text
        statements = p.statements[i]
        # a year compared with: the one a change or a 持平 of the account's figures is measured against
        # (a base year printed beside last year, 比2019年（疫情前）…, is the unit's own choice)
        compared = {s.year for s in statements if isinstance(s, Change) and s.year is not None and not s.baseline}
        compared |= {
            int(m.group(0))
            for s in statements
            if isinstance(s, Direction) and (m := re.match(r"\d{4}", s.against)) is not None
        }
        for s in statements:
            if isinstance(s, Year) and s.what == "compared" and s.year in compared and s.year != year - 1:
                start = max(text.rfind(word, max(0, s.start - 3), s.start) for word in "与比较")
                end = s.end + 2 if text[s.end : s.end + 2] in ("相比", "持平", "比较") else s.end
                yield _YearIssue(
                    path, section, text[start if start >= 0 else s.start : end], f"{year - 1}年",
                    "比较年度不是上年", f"the comparison year is not the year before ({year - 1})",
                )  # fmt: skip
        for m in _CUTOFF.finditer(text):
            if int(m.group("y")) != year and _ASSETS.match(text, m.end()) is not None:
                yield _YearIssue(
                    path, section, m.group(0), f"截至{year}年12月31日",
                    "截至日期应为决算年度末", "the cut-off date should be the end of the report year",
                )  # fmt: skip
        if len(text) <= _TITLE_LENGTH:
            for m in _TITLE.finditer(text):
                if int(m.group("y")) != year:
                    yield _YearIssue(
                        path, section, m.group(0), f"{year}年度",
                        "标题年度与决算年度不符", "the title names another year than the account's",
                    )  # fmt: skip


def _years(account: FinalAccount, p: Parsed) -> Iterator[Finding]:
    for issue in _year_issues(account, p):
        yield make_finding(
            "narrative.year",
            issue.path,
            stated=issue.printed,
            expected=issue.expected,
            part=p.parts(issue.section),
            section=issue.section,
            why=Words(issue.why, issue.why_en),
            year=account.year,
        )


# -- changes against the budget -----------------------------------------------------------------------------------


@attrs.frozen
class _BudgetChange:
    """A change against the budget that its figures contradict (the amount, or the rate of the amount)."""

    path: str
    section: str
    printed: str
    stated: Decimal
    expected: Interval
    places: int
    subject: str
    actual: str
    word: str  # as printed
    against: str  # the budget as printed (年初预算数)
    rate: bool


def _budget_change_issues(account: FinalAccount, p: Parsed) -> Iterator[_BudgetChange]:
    """决算数为 A 万元，比年初预算数增加 D 万元，增长 p%: D is A − the budget when the budget is printed, and p is
    D / (A − D) (the budget the change implies), each compared by the intervals the printed figures stand for.

    A change is paired with the 决算 of its subject printed before it in the passage, and the rate with the amount
    printed just before it; a change with no 决算 to pair with is not judged.
    """
    from budgetkit.io.grammar import Amount, Change

    for i, statements in enumerate(p.statements):
        path, section = f"passages[{i}]", account.passages[i].section
        # by the subject's key and path: its name may be printed otherwise in the change's clause (“三公”经费财政拨款支出
        # 决算为 92.92 万元，比2024年“三公”经费财政拨款年初预算…减少 20.08 万元)
        actuals: dict[object, Amount] = {}
        budgets: dict[object, Amount] = {}  # the budget printed with the subject's last 决算 (before or after it)
        amount: tuple[Change, Interval] | None = None
        for s in statements:
            if isinstance(s, Amount) and s.figure.value is not None:
                if s.role.value == "上年决算":
                    continue  # the year compared with: no budget, and no 决算 of this year
                subject = (s.subject.key, s.subject.path)
                if s.role.value != "决算":
                    budgets[subject] = s
                    continue
                before = actuals.get(subject)
                budget = budgets.get(subject)
                if before is not None and budget is not None and budget.start < before.start:
                    del budgets[subject]  # a second 决算 of the subject (two lines named alike): its own budget only
                actuals[subject] = s
                continue
            if not isinstance(s, Change) or s.budget is None or s.figure.value is None:
                continue
            subject = (s.subject.key, s.subject.path)
            actual = actuals.get(subject)
            if actual is None or actual.figure.value is None:
                amount = None
                continue
            a = _in_wan(actual)
            sign = -1 if s.word.startswith(_DOWN) else 1
            printed = f"比{s.compared_with}{s.word}{s.figure}"
            if s.is_rate:
                if amount is None or (amount[0].subject.key, amount[0].subject.path) != subject:
                    continue
                d = amount[1]
                implied = a - d
                if implied.contains(Fraction(0)):
                    continue  # the budget may be 0: no rate to judge
                expected = d / implied * 100
                stated = s.figure.value * sign
                if not _published(stated).overlaps(expected):
                    places = places_of(s.figure.value)
                    yield _BudgetChange(path, section, printed, stated, expected, places, s.subject.name,
                                        str(actual.figure), s.word, s.compared_with, True)  # fmt: skip
                continue
            d = _in_wan(s) * sign
            amount = (s, d)
            budget = budgets.get(subject)
            if budget is not None and budget.figure.value is not None:
                expected = a - _in_wan(budget)
                stated = s.figure.value * sign
                if not d.overlaps(expected):
                    places = places_of(s.figure.value)
                    yield _BudgetChange(path, section, printed, stated, expected, places, s.subject.name,
                                        str(actual.figure), s.word, s.compared_with, False)  # fmt: skip


def _in_wan(s: Amount | Change) -> Interval:
    """The interval a printed money figure stands for, in 万元."""
    value = s.figure.value
    assert value is not None
    interval = _published(value)
    return interval * Fraction(1, 10000) if s.figure.unit == "元" else interval


def _budget_changes(account: FinalAccount, p: Parsed) -> Iterator[Finding]:
    for issue in _budget_change_issues(account, p):
        midpoint = issue.expected.midpoint()
        expected = round_quotient(midpoint.numerator, midpoint.denominator, issue.places) if midpoint is not None else None
        should = "" if expected is None else _said_change(issue, expected)
        yield make_finding(
            "narrative.budget_change",
            issue.path,
            stated=issue.stated,
            expected=expected,
            part=p.parts(issue.section),
            section=issue.section,
            printed=issue.printed,
            subject=issue.subject,
            actual=issue.actual,
            should=should,
        )


def _said_change(issue: _BudgetChange, expected: Decimal) -> str:
    """The change as the sentence should say it (比年初预算数增长 6.25%): the printed word when its direction holds."""
    down = issue.word.startswith(_DOWN)
    word = issue.word if down == (expected < 0) else ("增长" if issue.rate else "增加") if expected >= 0 else (
        "下降" if issue.rate else "减少")  # fmt: skip
    return f"比{issue.against}{word}{plain(abs(expected))}{'%' if issue.rate else '万元'}"


# -- units --------------------------------------------------------------------------------------------------------


def _unit_slips(account: FinalAccount, p: Parsed) -> Iterator[tuple[int, Amount, Decimal]]:
    """Amounts whose digits are the table's (or the account's) figure in the other unit: (passage, amount, 万元 value)."""
    from budgetkit.io.grammar import Amount

    tables = account.tables
    for i, statements in enumerate(p.statements):
        amounts = [s for s in statements if isinstance(s, Amount) and s.figure.value and s.role.value == "决算"]
        for a in amounts:
            value = a.figure.value
            assert value is not None
            reference: Decimal | None = None
            if a.place is not None and tables.tables:
                cell = tables.cell(a.place.table, a.place.row, a.place.column)
                reference = cell.value if cell is not None else None
            elif not tables.tables:
                figure = _figure(account, a.subject.key)
                reference = figure.current.amount if figure is not None and figure.current is not None else None
            if not reference:
                continue
            in_wan = a.figure.unit in ("万元", "万")
            if value == (EXACT.multiply(reference, 10000) if in_wan else reference) and a.figure.unit in ("万元", "万", "元"):
                yield i, a, reference  # 万元 digits of 元, or 元 digits of 万元 (never 0: 0 is 0 in either unit)


def _units(account: FinalAccount, p: Parsed) -> Iterator[Finding]:
    for i, a, reference in _unit_slips(account, p):
        section = account.passages[i].section
        right = "元" if a.figure.unit in ("万元", "万") else "万元"
        yield make_finding(
            "narrative.unit",
            f"passages[{i}]",
            stated=str(a.figure),  # as printed, with its unit
            expected=f"{format_plain(a.figure.value or Decimal(0))}{right}",  # the same digits in the right unit
            part=p.parts(section),
            section=section,
            subject=a.subject.name,
            reference=reference,
            unit=right,
        )


# -- coverage -------------------------------------------------------------------------------------------------------


def coverage(account: FinalAccount) -> tuple[int, tuple[Words, ...]]:
    """How many narrative comparisons were made, and each one skipped with why (a line in Chinese and in English).

    >>> from budgetkit import datasets
    >>> n, skipped = coverage(datasets.load("putuo-planning-2024"))
    >>> n > 10, skipped[0].en, skipped[0].zh
    (True, "一 “增加1062.85万元” comparison skipped: last year's 收入总计 is not printed", '一“增加1062.85万元”：上年收入总计未公布')
    """
    from budgetkit.io.grammar import Year

    p = parsed(account)
    checked = 0
    skipped: list[Words] = []

    def skip(section: str, printed: str, why: Words) -> None:
        skipped.append(Words(f"{section}“{printed}”：{why.zh}", f"{section} “{printed}” comparison skipped: {why.en}"))

    for c in (*_budget_directions(account, p), *_year_directions(account, p)):
        if c.skipped:
            skip(c.section, c.printed, c.skipped)
        elif c.found is not None:
            checked += 1
    for i, m, now, then in _balance_changes(account):
        if now is None or then is None:
            skip(account.passages[i].section, m.group(0), _not_printed(now is None, f"{m.group('which')}结转和结余"))
        else:
            checked += 1
    checked += sum(1 for passage in account.passages for _ in _adjustment_sentences(passage.text))
    checked += sum(1 for passage in account.passages for _ in _count_parts(passage.text))
    checked += sum(1 for passage in account.passages for _ in _SCORED_GRADE.finditer(passage.text))
    checked += sum(1 for _ in _passage_amounts(p, _SME_PARTS))
    checked += sum(1 for _ in _passage_amounts(p, _RESERVED))
    checked += sum(1 for _ in _reason_directions(account, p))
    checked += sum(1 for _ in _change_sums(account))
    checked += sum(1 for _ in _fund_sections(p, [passage.section for passage in account.passages]))
    years = (s for statements in p.statements for s in statements if isinstance(s, Year))
    checked += sum(1 for s in years if s.what in ("compared", "date"))
    checked += sum(1 for passage in account.passages for _ in _TITLE.finditer(passage.text))
    return checked, tuple(skipped)


def _narrative(ctx: Context) -> Iterator[Finding]:
    account = ctx.account
    if not account.passages:
        return
    p = parsed(account)
    yield from _directions(account, p)
    yield from _reason_direction_findings(account, p)
    yield from _reasons(account, p)
    yield from _adjustments(account, p)
    yield from _count_sums(account, p)
    yield from _grade_findings(account, p, ctx.scoring_rules)
    yield from _sme_awarded(account, p)
    yield from _sme_reserved(account, p)
    for check in _change_sums(account):
        yield from check.findings(ctx.zero_is_exact)
    yield from _fund_items(account, p, ctx.zero_is_exact)
    yield from _percent_signs(account, p)
    yield from _unit_names(account, p)
    yield from _uses(account)
    yield from _balances(account, p)
    yield from _years(account, p)
    yield from _units(account, p)
    yield from _budget_changes(account, p)


CODES: Final[Sequence[str]] = (
    "narrative.direction",
    "narrative.reason_direction",
    "narrative.reason",
    "narrative.adjustment",
    "narrative.count_parts",
    "narrative.grade",
    "narrative.sme_awarded",
    "narrative.sme_reserved",
    "narrative.fund_items",
    "narrative.fund_item",
    "narrative.change_parts",
    "narrative.percent_sign",
    "narrative.unit_name",
    "narrative.use_copied",
    "narrative.balance",
    "narrative.year",
    "narrative.unit",
    "narrative.budget_change",
    "rounding.residue",  # a fund's 项 or a 三公 change whose printed parts reach the printed whole only by rounding
)

RULES = (
    Rule(
        code="narrative",
        title="情况说明的文字与其所述数字一致",
        title_en="The narrative agrees with the figures it describes",
        func=_narrative,
        source="issue 10; template-shanghai-2024.pdf pp. 15–21 [practice]",
        codes=tuple(CODES),
    ),
)
