"""Part Two of a 决算说明 (决算情况说明), written from a final account together with its claims.

:func:`render` writes the ten numbered sections of DOMAIN.md §1 — the totals and
their changes, the structure of income and expenditure, fiscal appropriations,
the 一般公共预算 lines, 基本支出, "三公"经费, the other matters and the
预算绩效管理 analysis of the projects — in the words of the seed report. Every
number is computed from the model and rounded half-up (四舍五入) in the style
reports print (``0万元``, ``占100%``, a published figure with its own decimals);
a figure the model does not know is left out, never printed as 0, and a rate
with a zero base is never printed as a number. :func:`generated_claims` returns the claims those sentences make, built
by the same code that writes them, so :func:`budgetkit.checks.audit.check` can verify
exactly what was written.

>>> from budgetkit import datasets
>>> account = datasets.load("zigong-hr-2023")
>>> print(render(account, fmt="text").splitlines()[3])
2023年度收入总计1,054.90万元。与2022年988.88万元相比，增加66.02万元，增长6.68%。主要变动原因是：...
>>> from budgetkit.checks.audit import check
>>> [f for f in check(report_account(account)) if f.path.startswith("claims[") and f.severity.value == "error"]
[]
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType
from typing import Literal, NamedTuple

import attrs

from budgetkit.checks.scoring import grade, score_project
from budgetkit.errors import ModelError
from budgetkit.model.account import ExpenseSide, Figure, FinalAccount, Income, Passage, ReceptionEvent
from budgetkit.model.category import CategoryLevel, ExpenseCategory
from budgetkit.model.claim import Claim, ClaimKind, Contribution
from budgetkit.model.performance import Topic
from budgetkit.model.project import FundLine, Project, ProjectKind
from budgetkit.narrative import shanghai
from budgetkit.narrative.blocks import Heading as _Heading
from budgetkit.narrative.blocks import Paragraph as _Paragraph
from budgetkit.narrative.titles import SICHUAN_SECTIONS as _SECTION_TITLES
from budgetkit.narrative.titles import SICHUAN_SUBSECTIONS as _SUBSECTION_TITLES
from budgetkit.narrative.titles import SICHUAN_TITLE as _TITLE
from budgetkit.reference import vocabulary
from budgetkit.reference.vocabulary import FIGURE_LABELS, NOT_COMPARABLE
from budgetkit.values.change import Direction
from budgetkit.values.formatting import chinese_ordinal, format_count, heading
from budgetkit.values.money import Money
from budgetkit.values.numbers import MAX_PLACES, places_of, round_half_up
from budgetkit.values.ratio import Ratio

__all__ = ["Format", "generated_claims", "render", "report_account"]

#: Output formats: Markdown headings (``"md"``) or plain lines (``"text"``).
Format = Literal["md", "text"]
_FORMATS: tuple[str, ...] = ("md", "text")

# -- every word a reader sees ------------------------------------------------
_THREE_PUBLIC_LABELS: Mapping[str, str] = vocabulary.THREE_PUBLIC_LABELS
_PROCUREMENT_LABELS: Mapping[str, str] = vocabulary.PROCUREMENT_LABELS
_WORDS: Mapping[str, str] = MappingProxyType(
    {
        # changes, shares and rates
        "versus": "与{year}年{previous}相比，{change}",
        "versus_flat": "与{year}年{previous}持平",
        "than_year": "比{year}年{change}",
        "than_year_flat": "与{year}年持平",
        "than_last": "较上年{change}",
        "than_last_flat": "与上年持平",
        "increase": "增加{amount}",
        "decrease": "减少{amount}",
        "flat": "持平",
        "growth": "，增长{rate}",
        "fall": "，下降{rate}",
        "no_rate": "，增长率" + NOT_COMPARABLE,
        "share": "，占{rate}",
        "completion": "，完成预算{rate}",
        "reasons": "主要变动原因是：{reasons}",
        "reason_words": "主要原因是{reason}",
        "reason_parts": "{reason}（主要是{parts}）",
        "item": "{label}{amount}",
        "of_which": "，其中：{items}",
        "then": "，{change}",
        "as_follows": "具体情况如下：",
        "numbered": "{n}.{text}",
        # 一 to 四
        "grand_total": "{year}年度{label}{amount}",
        "year_total": "{year}年本年{label}合计{amount}",
        "year_items": "{year}年本年{label}中，{items}",
        "fiscal_total": "{year}年财政拨款收、支总计{amount}",
        # 五
        "general_total": "{year}年一般公共预算财政拨款支出{amount}",
        "general_of_year": "，占本年支出合计的{rate}",
        "structure": "{year}年一般公共预算财政拨款支出{amount}",
        "structure_uses": "，主要用于以下方面：{items}",
        "structure_items": "{year}年一般公共预算财政拨款支出主要用于以下方面：{items}",
        "detail": "{year}年一般公共预算财政拨款支出决算数为{amount}",
        "of_which_below": "其中：",
        "line": "{name}：{facts}",
        "line_actual": "支出决算数为{amount}",
        "use": "主要用于{use}",
        # 六
        "basic": "{year}年一般公共预算财政拨款基本支出{amount}",
        "basic_of_which": "{year}年一般公共预算财政拨款基本支出{amount}，其中：",
        "basic_part": "{label}{amount}",
        "basic_items": "，主要包括：{items}等",
        "basic_items_only": "{label}主要包括：{items}等",
        "personnel": "人员经费",
        "public_use": "公用经费",
        # 七
        "tp_total": "{year}年“三公”经费财政拨款支出决算为{amount}",
        "tp_on_budget": "决算数与预算数持平",
        "tp_parts": "{year}年“三公”经费财政拨款支出决算中，{items}",
        "tp_part": "{label}支出决算{amount}",
        "outbound": "因公出国（境）经费支出{amount}",
        "outbound_change": "因公出国（境）支出决算{change}",
        "outbound_trips": "全年安排因公出国（境）团组{groups}，出国（境）{persons}",
        "outbound_groups": "全年安排因公出国（境）团组{groups}",
        "outbound_persons": "全年出国（境）{persons}",
        "vehicle": "公务用车购置及运行维护费支出{amount}",
        "vehicle_change": "公务用车购置及运行维护费支出决算{change}",
        "vehicle_purchase": "其中：公务用车购置支出{amount}",
        "vehicles_purchased": "全年按规定更新购置公务用车{count}",
        "vehicles_owned": "截至{year}年12月底，单位共有公务用车{count}",
        "vehicle_operation": "公务用车运行维护费支出{amount}",
        "reception": "公务接待费支出{amount}",
        "reception_change": "公务接待费支出决算{change}",
        "domestic": "国内公务接待支出{amount}",
        "domestic_counts": "国内公务接待{batches}，{persons}（不包括陪同人员）",
        "spent_in_all": "，共计支出{amount}",
        "events": "具体内容包括：{events}",
        "event": "{date}接待{party}一行{persons}{purpose}，支出接待餐费{cost}",
        "event_date": "{month}月{day}日",
        "event_date_year": "{year}年{month}月{day}日",
        "event_purpose": "前来{purpose}",
        "foreign": "外事接待支出{amount}",
        "foreign_counts": "外事接待{batches}，{persons}（不包括陪同人员）",
        "times": "次",
        "persons": "人",
        "person_times": "人次",
        "batches": "批次",
        "vehicles": "辆",
        "sets": "台（套）",
        "projects": "个",
        "points": "分",
        "wan_yuan": "万元",
        "yuan": "元",
        # 八 九
        "government_fund": "{year}年政府性基金预算财政拨款支出{amount}",
        "state_capital": "{year}年国有资本经营预算财政拨款支出{amount}",
        # 十
        "operating_costs": "{year}年，机关运行经费支出{amount}",
        "procurement": "{year}年，本单位政府采购支出总额{amount}",
        "procurement_items": "{year}年，本单位政府采购支出中，{items}",
        "sme": "授予中小企业合同金额{amount}",
        "small_micro": "授予小微企业合同金额{amount}",
        "small_micro_of_which": "，其中：授予小微企业合同金额{amount}",
        "procurement_share": "，占政府采购支出总额的{rate}",
        "assets_date": "截至{year}年12月31日，本单位",
        "assets_vehicles": "共有车辆{count}",
        "assets_equipment": "单价100万元以上专用设备{count}",
        "evaluated": "{year}年本单位对{count}项目开展了绩效自评，包括：{names}",
        "project_name": "“{name}”",
        "adjusted_total": "以上项目调整后预算数共计{amount}",
        "executed_total": "预算执行数共计{amount}",
        "overall_score": "按各项目自评表合计得分的算术平均计算，项目绩效自评分为{score}",
        "grade": "，评价等级为“{grade}”",
        # 十（四） 1. by kind of project
        "analysis_head": "部门预算项目绩效分析。",
        "kind_head": "({n}){kind}项目绩效分析",
        "personnel_kind": "人员类",
        "operating_kind": "运转类",
        "specific_kind": "特定目标类",
        "operating_parts": "运转类项目分为公用经费项目和其他运转类项目，其中：",
        "kind_project": "{kind}项目",
        "p_one": "{year}年{kind}项目{sep}{clause}",
        "p_group": "{year}年{kind}项目包括{count}项目",
        "p_listed": "{ordinal}是{clause}",
        "p_use": "项目资金{use}",
        "p_use_bare": "资金{use}",
        "general_rate_year": "{year}年一般公共预算财政拨款支出{rate}",
        "general_rate": "预算执行率为{rate}",
        "p_initial": "年初预算为{amount}",
        "p_adjusted": "调整预算数为{amount}",
        "p_executed": "决算数为{amount}",
        "p_rate": "执行率为{rate}",
        # 十（四） 2. indicators
        "overall_head": "部门整体履职绩效分析。",
        "indicators_set": "{year}年{projects}项目共设置绩效指标{count}，其中：{levels}",
        "indicators_full": "{count}指标均得满分",
        "indicators_short": "{full}指标得满分，{short}指标未得满分：{items}",
        "indicator_short": "{project}的“{name}”（权重{weight}，得{score}{reason}）",
        "indicator_reason": "，{reason}",
        # 十（四） 3. results
        "results_head": "结果应用情况。",
        "results_sub": "(1)绩效目标完成情况。",
        "result": "{ordinal}是{name}：{results}",
        # 十（四） 4. quality
        "quality_head": "自评质量。",
        "quality_match": "{count}项目的自评总分与按评分规则计算的得分一致",
        "quality_differ": "{match}项目的自评总分与按评分规则计算的得分一致，{differ}项目不一致：{items}",
        "quality_all_differ": "{differ}项目的自评总分与按评分规则计算的得分不一致：{items}",
        "quality_item": "{name}自评{stated}，按评分规则为{rule}",
        # 十（四） 5. conclusions
        "advice_head": "评价结论及建议",
        "conclusion_head": "(1)评价结论。",
        "scores": "各项目自评得分为：{items}",
        "project_score": "{name}{score}",
        "problems_head": "(2)存在问题。",
        "measures_head": "(3)改进建议。",
        "point": "<{n}>{name}：{text}",
        "point_own": "<{n}>{text}",
        "topic": "<{n}>{title}",
        "sub_head": "({n}){title}。",
        "unit_results": "单位支出绩效",
        "project_results": "专项预算项目支出绩效",
    }
)
# ----------------------------------------------------------------------------

_PLACES = 2  # published figures and rates have two decimals
_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# every wording parsed once into (literal, field name) pairs
_TEMPLATES: Mapping[str, tuple[tuple[str, str | None], ...]] = MappingProxyType(
    {
        key: tuple((literal, name) for literal, name, _, _ in string.Formatter().parse(words))
        for key, words in _WORDS.items()
    }
)


class _Stub(NamedTuple):
    """A claim being written: its words (``text``) are filled in by the clause that holds it.

    A plain tuple, made into a :class:`~budgetkit.model.claim.Claim` once per paragraph:
    a report of thousands of lines writes tens of thousands of these.
    """

    kind: ClaimKind
    subject: str
    stated: Decimal | int
    base: str | None = None
    text: str = ""


class _Phrase(NamedTuple):
    """Published words and the claims their numbers make."""

    text: str
    claims: tuple[_Stub, ...] = ()


_Piece = _Phrase | str


def _join(*pieces: _Piece | None, sep: str = "") -> _Phrase:
    """Concatenate the pieces that are present, keeping their claims in order."""
    texts: list[str] = []
    claims: list[_Stub] = []
    for piece in pieces:  # the innermost loop of the report: plain code, no intermediate phrases
        if piece is None:
            continue
        if isinstance(piece, str):
            texts.append(piece)
        else:
            texts.append(piece.text)
            claims.extend(piece.claims)
    return _Phrase(sep.join(texts), tuple(claims))


def _fill(key: str, **fields: _Piece) -> _Phrase:
    """The wording ``key`` with its fields filled in by phrases (whose claims it keeps)."""
    pieces: list[_Piece] = []
    for literal, name in _TEMPLATES[key]:
        pieces.append(literal)
        if name is not None:
            pieces.append(fields[name])
    return _join(*pieces)


def _clause(*pieces: _Piece | None, sep: str = "") -> _Phrase:
    """Join the pieces; every claim without words yet quotes the whole clause."""
    joined = _join(*pieces, sep=sep)
    return _Phrase(joined.text, tuple(c if c.text else c._replace(text=joined.text) for c in joined.claims))


def _paragraph(section: str, *sentences: _Piece | None, end: str = "。") -> _Paragraph | None:
    """Sentences joined by 。 (each quoted by the claims it holds), or None when none is present."""
    present = [_clause(s) for s in sentences if s is not None]
    if not present:
        return None
    body = _join(*present, sep="。")
    claims = tuple(
        Claim(kind=c.kind, subject=c.subject, stated=c.stated, base=c.base, text=c.text, section=section)
        for c in body.claims
    )
    return _Paragraph(section, body.text + end, claims)


def _numbered(n: int, paragraphs: Sequence[_Paragraph | None]) -> list[_Paragraph]:
    """The present paragraphs, the first one numbered ``n.``."""
    present = [p for p in paragraphs if p is not None]
    if present:
        first = present[0]
        present[0] = _Paragraph(first.section, _WORDS["numbered"].format(n=n, text=first.text), first.claims)
    return present


# -- numbers and the claims they make ----------------------------------------


def _places(value: Decimal) -> int:
    """The decimals a figure is printed with: as many as it was given, at most two.

    A figure kept as published ("0.8", "2.00", "980") prints as published; a
    computed one has the places its arithmetic gave. A nonzero value that would
    read 0 gets as many more places as it needs.
    """
    exponent = value.as_tuple().exponent
    places = min(max(0, -exponent) if isinstance(exponent, int) else _PLACES, _PLACES)
    while value and not round_half_up(value, places) and places < MAX_PLACES:
        places += 1
    return places


def _number(value: Decimal, places: int) -> str:
    """``value`` half-up to ``places`` with thousands grouped; zero is written 0, as reports write it.

    The same text as :func:`budgetkit.values.formatting.format_money` for Chinese
    (tested), written here without Babel because a report prints thousands of
    numbers and this is the hot path.
    """
    return f"{_shown(value, places):,f}"


def _shown(value: Decimal, places: int) -> Decimal:
    """``value`` as the text shows it: half-up to ``places``, and a plain 0 for any zero (never -0.00)."""
    rounded = round_half_up(value, places)
    return rounded if rounded else Decimal(0)


def _shown_money(money: Money) -> Decimal:
    """An amount in 万元 as the report shows it (see :func:`_places`)."""
    return _shown(money.amount, _places(money.amount))


def _money_text(money: Money) -> str:
    """An amount in 万元 in the report's number style (see :func:`_places`)."""
    return f"{_shown_money(money):,f}" + _WORDS["wan_yuan"]


def _shown_percent(value: Decimal) -> Decimal:
    """A percentage already rounded, as shown: 100 and 0 without decimals, others as rounded (95.52)."""
    return _shown(value, 0 if value == value.to_integral_value() else places_of(value))


def _percent_text(value: Decimal) -> str:
    """A percentage already rounded: 100% and 0% without decimals, others as rounded (95.52%)."""
    return f"{_shown_percent(value):,f}%"


def _stated(text: str, *, negative: bool = False) -> Decimal:
    """The number as written in ``text`` (separators dropped), signed."""
    match = _NUMBER.search(text)
    assert match is not None, text
    value = Decimal(match.group(0).replace(",", ""))
    return -value if negative else value


def _amount(path: str, money: Money) -> _Phrase:
    """An amount in 万元, claiming the Money at ``path``."""
    shown = _shown_money(money)  # the claim states what the text shows, without reading it back
    return _Phrase(f"{shown:,f}" + _WORDS["wan_yuan"], (_Stub(kind=ClaimKind.AMOUNT, subject=path, stated=shown),))


def _figure(path: str, figure: Figure) -> _Phrase | None:
    """This year's amount of the Figure at ``path``, or None when unknown."""
    return None if figure.current is None else _amount(f"{path}.current", figure.current)


def _percent(ratio: Ratio) -> Decimal | None:
    """The ratio in percent, half-up to two decimals (more when it would read 0).

    None when undefined, or when a nonzero ratio is too small to show at all.
    """
    places = _PLACES
    value = ratio.percent(places)
    while value is not None and not value and ratio.numerator and places < MAX_PLACES:
        places += 1
        value = ratio.percent(places)
    if value is not None and not value and ratio.numerator:
        return None
    return value


def _rate(key: str, kind: ClaimKind, subject: str, ratio: Ratio, base: str | None = None) -> _Phrase | None:
    """The wording ``key`` with the ratio as a percentage claimed as ``kind``; None when undefined."""
    value = _percent(ratio)
    if value is None:
        return None
    shown = _shown_percent(value)
    return _fill(key, rate=_Phrase(f"{shown:,f}%", (_Stub(kind=kind, subject=subject, base=base, stated=shown),)))


def _share(subject: str, ratio: Ratio, base: str, key: str = "share") -> _Phrase | None:
    """ "，占…%" of ``subject`` in ``base``; None when undefined."""
    return _rate(key, ClaimKind.SHARE, subject, ratio, base)


def _completion(subject: str, ratio: Ratio) -> _Phrase | None:
    """ "，完成预算…%" of ``subject``; None when the budget is unknown or 0."""
    return _rate("completion", ClaimKind.COMPLETION, subject, ratio)


def _count(subject: str, n: int, unit: str, kind: ClaimKind = ClaimKind.COUNT) -> _Phrase:
    """A count with its measure word, claimed as ``kind`` of ``subject``."""
    text = format_count(n, _WORDS[unit])
    return _Phrase(text, (_Stub(kind=kind, subject=subject, stated=_stated(text)),))


def _plain_count(n: int, unit: str) -> str:
    """A count stored in the model and printed as it is (no claim: nothing is derived)."""
    return format_count(n, _WORDS[unit])


def _change(path: str, figure: Figure, key: str, previous_year: int) -> _Phrase | None:
    """Year-over-year wording ``key`` (versus, than_year, than_last) with change and growth claims.

    None when either year is unknown. A zero base gives the amount and says the
    rate is not comparable; equal values read 持平 and claim a change of 0.
    """
    moved = figure.change()
    if moved is None or figure.previous is None:
        return None
    fields: dict[str, _Piece] = {"year": str(previous_year)}
    if key == "versus":
        fields["previous"] = _amount(f"{path}.previous", figure.previous)
    if moved.direction is Direction.UNCHANGED:
        flat = _fill(f"{key}_flat", **fields)
        return _Phrase(flat.text, (*flat.claims, _Stub(kind=ClaimKind.CHANGE, subject=path, stated=0)))
    decrease = moved.direction is Direction.DECREASE
    difference = moved.difference
    amount_text = _money_text(abs(difference))
    amount = _Phrase(
        amount_text, (_Stub(kind=ClaimKind.CHANGE, subject=path, stated=_stated(amount_text, negative=decrease)),)
    )
    growth = _percent(moved.growth)
    if growth is None:
        rate = _Phrase(_WORDS["no_rate"])
    else:
        rate_text = _percent_text(abs(growth))
        claim = _Stub(kind=ClaimKind.GROWTH, subject=path, stated=_stated(rate_text, negative=decrease))
        rate = _fill("fall" if decrease else "growth", rate=_Phrase(rate_text, (claim,)))
    fields["change"] = _join(_fill("decrease" if decrease else "increase", amount=amount), rate)
    return _fill(key, **fields)


def _then(path: str, figure: Figure, key: str, previous_year: int) -> _Phrase | None:
    """ "，" and the change wording, or None."""
    change = _change(path, figure, key, previous_year)
    return None if change is None else _fill("then", change=change)


def _movement(amount: Money) -> str:
    """增加…万元, 减少…万元 or 持平 for a signed contribution."""
    if amount.is_zero():
        return _WORDS["flat"]
    key = "increase" if amount > Money(0) else "decrease"
    return _WORDS[key].format(amount=_money_text(abs(amount)))


def _reason(contribution: Contribution) -> str:
    """One contribution, with its own parts in brackets."""
    text = contribution.label + _movement(contribution.amount)
    if contribution.parts:
        parts = "、".join(_reason(part) for part in contribution.parts)
        text = _WORDS["reason_parts"].format(reason=text, parts=parts)
    return text


def _reasons(account: FinalAccount, subject: str) -> str | None:
    """主要变动原因是：… from the account's explanation of ``subject``, or None."""
    for explanation in account.explanations:
        if explanation.subject == subject and explanation.contributions:
            return _WORDS["reasons"].format(reasons="；".join(_reason(c) for c in explanation.contributions))
        if explanation.subject == subject and (reason := _strip_end(explanation.reason)):
            return _WORDS["reason_words"].format(reason=reason.removeprefix("主要原因是"))
    return None


# -- paths -------------------------------------------------------------------


def _first_by_key(items: Iterable[ExpenseCategory | Project]) -> dict[str, object]:
    """Each code and name mapped to the first element that has it, in the order paths are resolved.

    :func:`budgetkit.model.claim.resolve` finds ``[key]`` by a depth-first search from
    the top; building the same answer for every key at once keeps the report
    linear in the number of lines instead of searching once per line.
    """
    first: dict[str, object] = {}
    stack: list[ExpenseCategory | Project] = list(items)[::-1]
    while stack:
        item = stack.pop()
        for key in (item.code, item.name):
            if key:
                first.setdefault(key, item)
        if isinstance(item, ExpenseCategory):
            stack.extend(reversed(item.children))
    return first


def _path_by_key(
    prefix: str, item: object, first: Mapping[str, object], keys: Iterable[str | None], fallback: str
) -> str:
    """``prefix[key]`` for the first key that leads to ``item`` itself, else ``fallback`` (by index)."""
    for key in keys:
        if key and first.get(key) is item:
            return f"{prefix}[{key}]"
    return fallback


def _category_lines(account: FinalAccount) -> list[tuple[str, tuple[ExpenseCategory, ...]]]:
    """Every category line depth first: (its path, the chain 类 → … → it)."""
    root = "general_budget.categories"
    first = _first_by_key(account.general_budget.categories)
    found: list[tuple[str, tuple[ExpenseCategory, ...]]] = []
    top: tuple[ExpenseCategory, ...] = ()
    stack = [(node, f"{root}[{i}]", top) for i, node in enumerate(account.general_budget.categories)][::-1]
    while stack:  # explicit stack: a deep or long tree must not hit the recursion limit
        node, by_index, chain = stack.pop()
        found.append((_path_by_key(root, node, first, (node.code, node.name), by_index), (*chain, node)))
        stack.extend(
            (child, f"{by_index}.children[{j}]", (*chain, node))
            for j, child in reversed(list(enumerate(node.children)))
        )
    return found


def _class_lines(account: FinalAccount) -> list[tuple[str, ExpenseCategory]]:
    """Every 类 line with its path (a 类 is always at the top: a line's children are one level down)."""
    root = "general_budget.categories"
    top = account.general_budget.categories
    first = _first_by_key(top)
    return [
        (_path_by_key(root, node, first, (node.code, node.name), f"{root}[{i}]"), node)
        for i, node in enumerate(top)
        if node.level is CategoryLevel.CLASS
    ]


def _project_paths(account: FinalAccount) -> tuple[str, ...]:
    """The path of every project: by code, by name, or by index."""
    first = _first_by_key(account.projects)
    return tuple(
        _path_by_key("projects", p, first, (p.code, p.name), f"projects[{i}]") for i, p in enumerate(account.projects)
    )


# -- the sections --------------------------------------------------------------

_Built = list[_Paragraph | None]


def _grand_totals(account: FinalAccount, section: str) -> _Built:
    """一: 收入总计 and 支出总计 against last year, with the reasons for the change."""
    year, previous = str(account.year), account.previous_year
    paragraphs: _Built = []
    for path, figure, label in (
        ("income.total", account.income.total, "收入总计"),
        ("expenditure.total", account.expenditure.total, "支出总计"),
    ):
        amount = _figure(path, figure)
        if amount is None:
            continue
        paragraphs.append(
            _paragraph(
                section,
                _fill("grand_total", year=year, label=label, amount=amount),
                _change(path, figure, "versus", previous),
                _reasons(account, path),
            )
        )
    return paragraphs


def _structure(
    account: FinalAccount,
    section: str,
    root: str,
    whole: Figure,
    label: str,
    parts: Sequence[tuple[str, str, Figure]],
) -> _Built:
    """二 and 三: 本年收入（支出）合计 and each part with its share; ``label`` is 收入 or 支出."""
    items = [
        _clause(
            _fill("item", label=part_label, amount=amount),
            _share(f"{root}.{name}", figure.share_of(whole), f"{root}.year_total"),
        )
        for name, part_label, figure in parts
        if (amount := _figure(f"{root}.{name}", figure)) is not None
    ]
    listed = _join(*items, sep="；") if items else None
    total = _figure(f"{root}.year_total", whole)
    year = str(account.year)
    if total is not None:
        lead = _clause(_fill("year_total", year=year, label=label, amount=total))
        return [_paragraph(section, lead if listed is None else _join(lead, _fill("of_which", items=listed)))]
    if listed is not None:
        return [_paragraph(section, _fill("year_items", year=year, label=label, items=listed))]
    return []


def _income(account: FinalAccount, section: str) -> _Built:
    """二: 本年收入合计 by source, each with its share."""
    income = account.income
    parts = [(name, FIGURE_LABELS[f"income.{name}"], getattr(income, name)) for name in Income.SOURCES]
    return _structure(account, section, "income", income.year_total, "收入", parts)


def _expenditure(account: FinalAccount, section: str) -> _Built:
    """三: 本年支出合计 by part, each with its share."""
    spent = account.expenditure
    parts = [(name, FIGURE_LABELS[f"expenditure.{name}"], getattr(spent, name)) for name in ExpenseSide.PARTS]
    return _structure(account, section, "expenditure", spent.year_total, "支出", parts)


def _fiscal(account: FinalAccount, section: str) -> _Built:
    """四: 财政拨款收、支总计 and the balances it holds (年初财政拨款结转和结余 …, where known) against last year, with
    the reasons."""
    figure = account.fiscal.total
    amount = _figure("fiscal.total", figure)
    if amount is None:
        return []
    items = [
        _fill("item", label=FIGURE_LABELS[f"fiscal.{end}"], amount=shown)
        for end in ("opening", "expenditure", "closing")
        if (shown := _figure(f"fiscal.{end}", getattr(account.fiscal, end))) is not None
    ]
    lead = _fill("fiscal_total", year=str(account.year), amount=amount)
    return [
        _paragraph(
            section,
            _join(_clause(lead), _fill("of_which", items=_join(*items, sep="，"))) if items else lead,
            _change("fiscal.total", figure, "versus", account.previous_year),
            _reasons(account, "fiscal.total"),
        )
    ]


def _general_total(account: FinalAccount, section: str) -> _Built:
    """五（一）: 一般公共预算财政拨款支出, its share of 本年支出合计, and its change."""
    figure = account.general_budget.total
    amount = _figure("general_budget.total", figure)
    if amount is None:
        return []
    share = _share(
        "general_budget.total",
        figure.share_of(account.expenditure.year_total),
        "expenditure.year_total",
        "general_of_year",
    )
    return [
        _paragraph(
            section,
            _join(_fill("general_total", year=str(account.year), amount=amount), share),
            _change("general_budget.total", figure, "versus", account.previous_year),
            _reasons(account, "general_budget.total"),
        )
    ]


def _category_amount(path: str, node: ExpenseCategory) -> _Phrase | None:
    """A line's amount: its own, else rolled up from its lines; None when unknown."""
    if node.actual is not None:
        return _amount(f"{path}.actual", node.actual)
    rolled = node.rolled_up()
    return None if rolled is None or not node.children else _amount(path, rolled)


def _general_structure(account: FinalAccount, section: str) -> _Built:
    """五（二）: each 类 with its amount and share of the total."""
    total = account.general_budget.total
    items: list[_Phrase] = []
    for path, node in _class_lines(account):
        if (amount := _category_amount(path, node)) is None:
            continue
        value = node.actual if node.actual is not None else node.rolled_up()
        ratio = value / total.current if value is not None and total.current is not None else Ratio(0, 0)
        items.append(
            _clause(_fill("item", label=node.name, amount=amount), _share(path, ratio, "general_budget.total"))
        )
    if not items:
        return []
    listed = _join(*items, sep="；")
    year = str(account.year)
    amount = _figure("general_budget.total", total)
    if amount is None:
        return [_paragraph(section, _fill("structure_items", year=year, items=listed))]
    lead = _clause(_fill("structure", year=year, amount=amount))
    return [_paragraph(section, _join(lead, _fill("structure_uses", items=listed)))]


def _use(text: str) -> str | None:
    """What a line was used for, as 主要用于…; None when not given."""
    text = text.strip().rstrip("。")
    if not text:
        return None
    if text.startswith("主要用于"):
        return text
    return _WORDS["use"].format(use=text.removeprefix("用于"))


def _item_line(n: int, path: str, chain: tuple[ExpenseCategory, ...], section: str) -> _Paragraph | None:
    """ "n.<类（类）款（款）项（项）>：支出决算数为…万元，完成预算…%。主要用于…。", or None when there is nothing to say.

    Written directly rather than through :func:`_paragraph`, with the same result:
    an account can have thousands of these lines.
    """
    node = chain[-1]
    name = node.printed or "".join(f"{line.name}（{line.level.value}）" for line in chain)  # 类（类）款（款）项（项）
    amount = _category_amount(path, node)
    use = _use(node.use)
    if amount is None and use is None:
        return None
    claims: tuple[Claim, ...] = ()
    first = name
    if amount is not None:
        completion = _completion(path, node.completion)
        facts = _WORDS["line_actual"].format(amount=amount.text) + ("" if completion is None else completion.text)
        first = _WORDS["line"].format(name=name, facts=facts)
        stubs = amount.claims if completion is None else amount.claims + completion.claims
        claims = tuple(
            Claim(kind=c.kind, subject=c.subject, stated=c.stated, base=c.base, text=first, section=section)
            for c in stubs
        )
    text = first + "。" if use is None else first + "。" + use + "。"
    return _Paragraph(section, _WORDS["numbered"].format(n=n, text=text), claims)


def _general_detail(account: FinalAccount, section: str) -> _Built:
    """五（三）: the total with its completion, then each 项 line."""
    lines: list[_Paragraph] = []
    for path, chain in _category_lines(account):
        if chain[-1].level is CategoryLevel.ITEM and (line := _item_line(len(lines) + 1, path, chain, section)):
            lines.append(line)
    figure = account.general_budget.total
    amount = _figure("general_budget.total", figure)
    lead = None
    if amount is not None:
        sentence = _join(
            _fill("detail", year=str(account.year), amount=amount),
            _completion("general_budget.total", figure.completion()),
        )
        lead = (
            _paragraph(section, sentence, _WORDS["of_which_below"], end="") if lines else _paragraph(section, sentence)
        )
    return [lead, *lines]


def _basic(account: FinalAccount, section: str) -> _Built:
    """六: 基本支出, 人员经费 and 公用经费 with the economic items each covers."""
    general = account.general_budget
    parts: _Built = []
    for name, figure, items in (
        ("personnel", general.personnel, general.personnel_items),
        ("public_use", general.public_use, general.public_use_items),
    ):
        label = _WORDS[name]
        amount = _figure(f"general_budget.{name}", figure)
        listed = "、".join(items)
        if amount is not None:
            covers = _fill("basic_items", items=listed) if listed else None
            parts.append(_paragraph(section, _join(_fill("basic_part", label=label, amount=amount), covers)))
        elif listed:
            parts.append(_paragraph(section, _fill("basic_items_only", label=label, items=listed)))
    amount = _figure("general_budget.basic", general.basic)
    lead = None
    if amount is not None:
        year = str(account.year)
        if any(p is not None for p in parts):
            lead = _paragraph(section, _fill("basic_of_which", year=year, amount=amount), end="")
        else:
            lead = _paragraph(section, _fill("basic", year=year, amount=amount))
    return [lead, *parts]


def _three_public_total(account: FinalAccount, section: str) -> _Built:
    """七（一）: the "三公" total, its completion and its change."""
    figure = account.three_public.total
    amount = _figure("three_public.total", figure)
    if amount is None:
        return []
    on_budget = figure.budget is not None and figure.budget == figure.current
    return [
        _paragraph(
            section,
            _join(
                _fill("tp_total", year=str(account.year), amount=amount),
                _completion("three_public.total", figure.completion()),
                _then("three_public.total", figure, "than_last", account.previous_year),
            ),
            _WORDS["tp_on_budget"] if on_budget else None,
            _reasons(account, "three_public.total"),
        )
    ]


def _spent(key: str, path: str, figure: Figure, previous_year: int, *, completion: bool = False) -> _Phrase | None:
    """ "<what>支出…万元" with its completion or its change, or None when unknown."""
    amount = _figure(path, figure)
    if amount is None:
        return None
    extra = _completion(path, figure.completion()) if completion else _then(path, figure, "than_year", previous_year)
    return _join(_fill(key, amount=amount), extra)


def _changed(key: str, path: str, figure: Figure, previous_year: int) -> _Phrase | None:
    """ "<what>支出决算比…年增加…" or None when either year is unknown."""
    change = _change(path, figure, "than_year", previous_year)
    return None if change is None else _fill(key, change=change)


def _event_date(date: str, year: int, first: bool) -> str:
    """2023年2月10日 for the first event (or another year), 5月9日 after it; other text as given."""
    match = _DATE.fullmatch(date.strip())
    if match is None:
        return date
    event_year, month, day = match.group(1), str(int(match.group(2))), str(int(match.group(3)))
    if first or event_year != str(year):
        return _WORDS["event_date_year"].format(year=event_year, month=month, day=day)
    return _WORDS["event_date"].format(month=month, day=day)


def _event(event: ReceptionEvent, year: int, first: bool) -> str:
    """One reception: date, party, persons, purpose and cost in 元."""
    purpose = event.purpose.strip().rstrip("。")
    if purpose and not purpose.startswith(("前来", "赴", "来")):
        purpose = _WORDS["event_purpose"].format(purpose=purpose)
    cost = _number(event.cost_yuan.amount, _places(event.cost_yuan.amount)) + _WORDS["yuan"]
    return _WORDS["event"].format(
        date=_event_date(event.date, year, first),
        party=event.party,
        persons=_plain_count(event.persons, "persons"),
        purpose=purpose,
        cost=cost,
    )


def _three_public_detail(account: FinalAccount, section: str) -> _Built:
    """七（二）: the parts with shares, then 出国, 公务用车 and 公务接待 in detail."""
    tp = account.three_public
    previous = account.previous_year
    year = str(account.year)
    items = [
        _clause(
            _fill("tp_part", label=_THREE_PUBLIC_LABELS[name], amount=amount),
            _share(f"three_public.{name}", figure.share_of(tp.total), "three_public.total"),
        )
        for name in _THREE_PUBLIC_LABELS
        if (amount := _figure(f"three_public.{name}", figure := getattr(tp, name))) is not None
    ]
    built: _Built = []
    if items:
        built.append(
            _paragraph(
                section, _fill("tp_parts", year=year, items=_join(*items, sep="；")), _WORDS["as_follows"], end=""
            )
        )

    trips = None
    if tp.outbound_groups is not None and tp.outbound_persons is not None:
        trips = _WORDS["outbound_trips"].format(
            groups=_plain_count(tp.outbound_groups, "times"), persons=_plain_count(tp.outbound_persons, "persons")
        )
    elif tp.outbound_groups is not None:
        trips = _WORDS["outbound_groups"].format(groups=_plain_count(tp.outbound_groups, "times"))
    elif tp.outbound_persons is not None:
        trips = _WORDS["outbound_persons"].format(persons=_plain_count(tp.outbound_persons, "persons"))
    outbound = [
        _paragraph(
            section,
            _spent("outbound", "three_public.outbound", tp.outbound, previous, completion=True),
            trips,
            _changed("outbound_change", "three_public.outbound", tp.outbound, previous),
            _reasons(account, "three_public.outbound"),
        )
    ]

    purchase = _spent("vehicle_purchase", "three_public.vehicle_purchase", tp.vehicle_purchase, previous)
    purchased = None
    if tp.vehicles_purchased is not None:
        purchased = _WORDS["vehicles_purchased"].format(count=_plain_count(tp.vehicles_purchased, "vehicles"))
    owned = None
    if tp.vehicles_owned is not None:
        owned = _WORDS["vehicles_owned"].format(year=year, count=_plain_count(tp.vehicles_owned, "vehicles"))
        if tp.vehicles_owned_by_type:
            kinds = "、".join(f"{kind}{_plain_count(n, 'vehicles')}" for kind, n in tp.vehicles_owned_by_type)
            owned += _WORDS["of_which"].format(items=kinds)
    vehicle = [
        _paragraph(
            section,
            _spent("vehicle", "three_public.vehicle", tp.vehicle, previous, completion=True),
            _changed("vehicle_change", "three_public.vehicle", tp.vehicle, previous),
            _reasons(account, "three_public.vehicle"),
        ),
        _paragraph(section, purchase, purchased, owned),
        _paragraph(
            section, _spent("vehicle_operation", "three_public.vehicle_operation", tp.vehicle_operation, previous)
        ),
    ]

    counts: _Phrase | None = None
    if not tp.events and tp.domestic_batches is not None and tp.domestic_persons is not None:
        spent = _figure("three_public.reception_domestic", tp.reception_domestic)  # the counts as the report printed them
        counts = _join(
            _WORDS["domestic_counts"].format(
                batches=_plain_count(tp.domestic_batches, "batches"),
                persons=_plain_count(tp.domestic_persons, "person_times"),
            ),
            None if spent is None else _fill("spent_in_all", amount=spent),
        )
    elif tp.events or tp.reception_domestic.current == Money(0):
        counts = _fill(
            "domestic_counts",
            batches=_count("three_public.events", len(tp.events), "batches"),
            persons=_count(
                "three_public.events[*].persons", sum(e.persons for e in tp.events), "person_times", ClaimKind.SUM
            ),
        )
        spent = _figure("three_public.reception_domestic", tp.reception_domestic)
        counts = _join(counts, None if spent is None else _fill("spent_in_all", amount=spent))
    events = None
    if tp.events:
        listed = "；".join(_event(e, account.year, i == 0) for i, e in enumerate(tp.events))
        events = _WORDS["events"].format(events=listed)
    foreign_counts: _Phrase | None = None
    if tp.foreign_batches is not None and tp.foreign_persons is not None:
        spent = _figure("three_public.reception_foreign", tp.reception_foreign)
        foreign_counts = _join(
            _WORDS["foreign_counts"].format(
                batches=_plain_count(tp.foreign_batches, "batches"),
                persons=_plain_count(tp.foreign_persons, "person_times"),
            ),
            None if spent is None else _fill("spent_in_all", amount=spent),
        )
    reception = [
        _paragraph(
            section,
            _spent("reception", "three_public.reception", tp.reception, previous, completion=True),
            _changed("reception_change", "three_public.reception", tp.reception, previous),
            _reasons(account, "three_public.reception"),
        ),
        _paragraph(
            section,
            _spent("domestic", "three_public.reception_domestic", tp.reception_domestic, previous),
            counts,
            events,
        ),
        _paragraph(
            section,
            _spent("foreign", "three_public.reception_foreign", tp.reception_foreign, previous),
            foreign_counts,
        ),
    ]

    n = 0
    for group in (outbound, vehicle, reception):
        if any(p is not None for p in group):
            n += 1
            built.extend(_numbered(n, group))
    return built


def _government_fund(account: FinalAccount, section: str) -> _Built:
    """八: 政府性基金预算财政拨款支出."""
    amount = _figure("fiscal.government_fund.expenditure", account.fiscal.government_fund.expenditure)
    return (
        [] if amount is None else [_paragraph(section, _fill("government_fund", year=str(account.year), amount=amount))]
    )


def _state_capital(account: FinalAccount, section: str) -> _Built:
    """九: 国有资本经营预算财政拨款支出."""
    amount = _figure("fiscal.state_capital.expenditure", account.fiscal.state_capital.expenditure)
    return (
        [] if amount is None else [_paragraph(section, _fill("state_capital", year=str(account.year), amount=amount))]
    )


def _operating_costs(account: FinalAccount, section: str) -> _Built:
    """十（一）: 机关运行经费 and its change."""
    figure = account.operating_costs
    amount = _figure("operating_costs", figure)
    if amount is None:
        return []
    return [
        _paragraph(
            section,
            _join(
                _fill("operating_costs", year=str(account.year), amount=amount),
                _then("operating_costs", figure, "than_year", account.previous_year),
            ),
            _reasons(account, "operating_costs"),
        )
    ]


def _procurement(account: FinalAccount, section: str) -> _Built:
    """十（二）: 政府采购 by kind, and the shares awarded to 中小企业 and 小微企业."""
    p = account.procurement
    year = str(account.year)
    kinds = [
        _clause(_fill("item", label=label, amount=amount))
        for name, label in _PROCUREMENT_LABELS.items()
        if (amount := _figure(f"procurement.{name}", getattr(p, name))) is not None
    ]
    listed = _join(*kinds, sep="、") if kinds else None
    total = _figure("procurement.total", p.total)
    first: _Phrase | None
    if total is not None:
        first = _join(
            _clause(_fill("procurement", year=year, amount=total)),
            None if listed is None else _fill("of_which", items=listed),
        )
    else:
        first = None if listed is None else _fill("procurement_items", year=year, items=listed)
    sme = _figure("procurement.sme", p.sme)
    small = _figure("procurement.small_micro", p.small_micro)
    sme_share = _share("procurement.sme", p.sme.share_of(p.total), "procurement.total", "procurement_share")
    small_share = _share(
        "procurement.small_micro", p.small_micro.share_of(p.total), "procurement.total", "procurement_share"
    )
    awarded = None
    if sme is not None:
        awarded = _join(
            _fill("sme", amount=sme),
            sme_share,
            None if small is None else _join(_fill("small_micro_of_which", amount=small), small_share),
        )
    elif small is not None:
        awarded = _join(_fill("small_micro", amount=small), small_share)
    return [_paragraph(section, first, awarded)]


def _assets(account: FinalAccount, section: str) -> _Built:
    """十（三）: vehicles by use and equipment over 1,000,000 元."""
    assets = account.assets
    vehicles = None
    if assets.vehicles is not None:
        vehicles = _WORDS["assets_vehicles"].format(count=_plain_count(assets.vehicles, "vehicles"))
    uses = "、".join(f"{use}{_plain_count(n, 'vehicles')}" for use, n in assets.vehicles_by_use)
    if vehicles is not None and uses:
        vehicles += _WORDS["of_which"].format(items=uses)
    elif uses:
        vehicles = uses
    equipment = None
    if assets.large_equipment is not None:
        equipment = _WORDS["assets_equipment"].format(count=_plain_count(assets.large_equipment, "sets"))
    date = _WORDS["assets_date"].format(year=account.year)
    if vehicles is not None:
        return [_paragraph(section, date + vehicles, equipment)]
    return [_paragraph(section, None if equipment is None else date + equipment)]


def _money_phrases(path: str, line: FundLine) -> list[_Phrase]:
    """年初预算为…，调整预算数为…，决算数为…，执行率为…% of a project's 总额 line: the phases it has."""
    phrases = [
        _fill(key, amount=_amount(f"{path}.funds.total.{phase}", amount))
        for phase, key in (("initial", "p_initial"), ("adjusted", "p_adjusted"), ("executed", "p_executed"))
        if (amount := getattr(line, phase)) is not None
    ]
    rate = _rate("p_rate", ClaimKind.COMPLETION, path, line.execution_rate)
    return phrases if rate is None else [*phrases, rate]


def _project_clause(path: str, project: Project, *, named: bool, use: bool = True) -> _Phrase:
    """A project's name (when ``named``), what its money was used for (when ``use``), and its money."""
    use_text = _strip_end(project.use) if use else ""
    pieces: list[_Phrase | None] = [
        _Phrase(project.name) if named else None,
        _fill("p_use" if named else "p_use_bare", use=use_text.removeprefix("项目资金")) if use_text else None,
        *_money_phrases(path, project.funds.total),
    ]
    return _join(*pieces, sep="，")


def _generic(project: Project) -> bool:
    """Whether the project stands for its whole kind ("人员类项目"), so that naming it would repeat the kind."""
    return project.name in (_WORDS["kind_project"].format(kind=project.kind.value), project.kind.value)


def _kind_texts(account: FinalAccount, kind: ProjectKind) -> tuple[str | None, str | None]:
    """The unit's words before and after the figures of ``kind`` (None when not kept)."""
    review = account.performance.kind(kind)
    if review is None:
        return None, None
    return _strip_end(review.before) or None, _strip_end(review.after) or None


def _project_analysis(account: FinalAccount, section: str, paths: Sequence[str]) -> _Built:
    """1.部门预算项目绩效分析: 人员类, 运转类 and 特定目标类 projects, each with its use and money.

    The unit's words about a kind (:class:`~budgetkit.model.performance.KindReview`)
    frame its figures; a project's use is then left to those words.
    """
    year = str(account.year)
    operating_order = {ProjectKind.PUBLIC_USE: 0, ProjectKind.OTHER_OPERATING: 1}
    groups = (
        ("personnel_kind", [i for i, p in enumerate(account.projects) if p.kind is ProjectKind.PERSONNEL]),
        (
            "operating_kind",
            sorted(
                (i for i, p in enumerate(account.projects) if p.kind.is_operating),
                key=lambda i: operating_order[account.projects[i].kind],
            ),
        ),
        ("specific_kind", [i for i, p in enumerate(account.projects) if p.kind is ProjectKind.SPECIFIC]),
    )
    built: _Built = []
    n = 0
    for kind_key, indices in groups:
        if not indices:
            continue
        n += 1
        built.append(_paragraph(section, _WORDS["kind_head"].format(n=n, kind=_WORDS[kind_key]), end=""))
        projects = [account.projects[i] for i in indices]
        if kind_key == "operating_kind" and len({p.kind for p in projects}) > 1:
            built.append(_paragraph(section, _WORDS["operating_parts"], end=""))
        if kind_key == "specific_kind" and len(indices) > 1:
            kind = ProjectKind.SPECIFIC.value
            before, after = _kind_texts(account, ProjectKind.SPECIFIC)
            listed = [
                _fill(
                    "p_listed",
                    ordinal=chinese_ordinal(k),
                    clause=_project_clause(paths[i], account.projects[i], named=True),
                )
                for k, i in enumerate(indices, start=1)
            ]
            count = _count(f"projects[?kind={kind}]", len(indices), "projects")
            group = _join(_fill("p_group", year=year, kind=kind, count=count), _join(*listed, sep="；"), sep="，")
            built.append(_paragraph(section, before, group, after))
            continue
        done: set[ProjectKind] = set()
        for i in indices:
            project = account.projects[i]
            before, after = _kind_texts(account, project.kind)
            if project.kind in done:  # the unit's words frame the first project of their kind only
                before = after = None
            done.add(project.kind)
            named = not _generic(project)
            clause = _project_clause(paths[i], project, named=named, use=before is None)
            built.append(
                _paragraph(
                    section,
                    before,
                    _fill("p_one", year=year, kind=project.kind.value, sep="：" if named else "", clause=clause),
                    after,
                )
            )
    if built:
        built.insert(0, _paragraph(section, _WORDS["analysis_head"], end=""))
        rate = _rate(
            "general_rate", ClaimKind.COMPLETION, "general_budget.total", account.general_budget.total.completion()
        )
        execution = _strip_end(account.performance.execution) or None
        if rate is not None or execution is not None:
            built.append(
                _paragraph(
                    section, execution, None if rate is None else _fill("general_rate_year", year=year, rate=rate)
                )
            )
    return built


def _indicator_analysis(account: FinalAccount, section: str, evaluated: Sequence[tuple[int, Project]]) -> _Built:
    """2.部门整体履职绩效分析: the unit's words, then how many indicators of each 一级指标 and those that lost points."""
    words = [_paragraph(section, _strip_end(text)) for text in account.performance.overall if _strip_end(text)]
    indicators = [(p, ind) for _, p in evaluated for ind in p.indicators]
    if not indicators:
        return [_paragraph(section, _WORDS["overall_head"], end=""), *words] if words else []
    by_level: dict[str, int] = {}
    for _, ind in indicators:
        by_level[ind.level1] = by_level.get(ind.level1, 0) + 1
    levels = "、".join(f"{level}{_plain_count(n, 'projects')}" for level, n in by_level.items())
    with_indicators = sum(1 for _, p in evaluated if p.indicators)
    sentences: list[str] = [
        _WORDS["indicators_set"].format(
            year=account.year,
            projects=_plain_count(with_indicators, "projects"),
            count=_plain_count(len(indicators), "projects"),
            levels=levels,
        )
    ]
    scored = [(p, ind) for p, ind in indicators if ind.stated_score is not None]
    short = [(p, ind) for p, ind in scored if ind.stated_score is not None and ind.stated_score < ind.weight]
    if scored and not short:
        sentences.append(_WORDS["indicators_full"].format(count=_plain_count(len(scored), "projects")))
    elif short:
        listed = "；".join(
            _WORDS["indicator_short"].format(
                name=ind.name,
                project=p.name,
                weight=_points(ind.weight),
                score=_points(ind.stated_score or Decimal(0)),
                reason=""
                if not ind.reason.strip()
                else _WORDS["indicator_reason"].format(reason=_strip_end(ind.reason)),
            )
            for p, ind in short
        )
        sentences.append(
            _WORDS["indicators_short"].format(
                full=_plain_count(len(scored) - len(short), "projects"),
                short=_plain_count(len(short), "projects"),
                items=listed,
            )
        )
    return [_paragraph(section, _WORDS["overall_head"], end=""), *words, _paragraph(section, *sentences)]


def _strip_end(text: str) -> str:
    """A kept text as one run of words: whitespace and line breaks collapsed, closing punctuation dropped."""
    return " ".join(text.split()).rstrip("。；;，,")


def _points(value: Decimal) -> str:
    """A score in 分 as reports print it: 100分, 98.5分."""
    return _number(value, 0 if value == value.to_integral_value() else places_of(value)) + _WORDS["points"]


def _topics(section: str, head: str, topics: Sequence[Topic]) -> _Built:
    """A titled group of 结果应用 points: "(n)head" then "<k>title。" and its paragraphs."""
    built: _Built = [_paragraph(section, head, end="")]
    for k, topic in enumerate(topics, start=1):
        built.append(_paragraph(section, _WORDS["topic"].format(n=k, title=_strip_end(topic.title)), end="。"))
        built.extend(_paragraph(section, _strip_end(text)) for text in topic.paragraphs if _strip_end(text))
    return built


def _results(account: FinalAccount, section: str, evaluated: Sequence[tuple[int, Project]]) -> _Built:
    """3.结果应用情况: the unit's points (单位支出绩效, 专项预算项目支出绩效), else each project's 年度目标完成情况."""
    review = account.performance
    groups = [
        (key, topics)
        for key, topics in (("unit_results", review.unit_results), ("project_results", review.project_results))
        if topics
    ]
    if groups:
        built: _Built = [_paragraph(section, _WORDS["results_head"], end="")]
        for n, (key, topics) in enumerate(groups, start=1):
            built += _topics(section, _WORDS["sub_head"].format(n=n, title=_WORDS[key]), topics)
        return built
    done = [p for _, p in evaluated if p.results.strip()]
    if not done:
        return []
    listed = "；".join(
        _WORDS["result"].format(ordinal=chinese_ordinal(k), name=p.name, results=_strip_end(p.results))
        for k, p in enumerate(done, start=1)
    )
    return [
        _paragraph(section, _WORDS["results_head"], end=""),
        _paragraph(section, _WORDS["results_sub"], end=""),
        _paragraph(section, listed),
    ]


def _quality(account: FinalAccount, section: str, evaluated: Sequence[tuple[int, Project]]) -> _Built:
    """4.自评质量: the unit's words, then whether each stated table total is what the scoring rules give."""
    words = _strip_end(account.performance.quality) or None
    scores = [(p, score_project(p)) for _, p in evaluated]
    judged = [(p, s) for p, s in scores if s.total_matches is not None and p.indicators]
    if not judged:
        return (
            [] if words is None else [_paragraph(section, _WORDS["quality_head"], end=""), _paragraph(section, words)]
        )
    differ = [(p, s) for p, s in judged if not s.total_matches]
    if not differ:
        sentence = _WORDS["quality_match"].format(count=_plain_count(len(judged), "projects"))
    else:
        listed = "；".join(
            _WORDS["quality_item"].format(
                name=p.name,
                stated=_points(s.stated_total or Decimal(0)),
                rule=_points(s.rule_total_rounded(_PLACES) or Decimal(0)),
            )
            for p, s in differ
        )
        key = "quality_differ" if len(differ) < len(judged) else "quality_all_differ"
        sentence = _WORDS[key].format(
            match=_plain_count(len(judged) - len(differ), "projects"),
            differ=_plain_count(len(differ), "projects"),
            items=listed,
        )
    return [_paragraph(section, _WORDS["quality_head"], end=""), _paragraph(section, words, sentence)]


def _text_points(section: str, evaluated: Sequence[tuple[int, Project]], field: str) -> _Built:
    """<1>项目：… for each distinct text the projects keep in ``field``; projects stating the same text share a point."""
    named: dict[str, list[str]] = {}
    for _, p in evaluated:
        if text := _strip_end(getattr(p, field)):
            named.setdefault(text, []).append(p.name)
    return [
        _paragraph(section, _WORDS["point"].format(n=k, name="、".join(names), text=text))
        for k, (text, names) in enumerate(named.items(), start=1)
    ]


def _conclusions(
    account: FinalAccount, section: str, evaluated: Sequence[tuple[int, Project]], paths: Sequence[str]
) -> _Built:
    """5.评价结论及建议: each project's score, the mean and its grade, then the projects' problems and measures."""
    selection = "projects[?evaluated=true]"
    built: _Built = []
    scored = [(i, p) for i, p in evaluated if p.stated_total is not None]
    conclusion: list[_Piece | None] = []
    if scored:
        listed = _join(
            *(
                _fill("project_score", name=p.name, score=_score(paths[i], p.stated_total))
                for i, p in scored
                if p.stated_total is not None
            ),
            sep="、",
        )
        conclusion.append(_fill("scores", items=listed))
    if scored and len(scored) == len(evaluated):
        total = sum((p.stated_total for _, p in scored if p.stated_total is not None), Decimal(0))
        mean = Ratio(total, len(scored)).rounded(_PLACES)
        assert mean is not None
        overall = _fill("overall_score", score=_score(selection, mean))
        if mean <= 100:
            overall = _join(overall, _WORDS["grade"].format(grade=grade(mean)))
        conclusion.append(overall)
    review = account.performance
    words = _strip_end(review.conclusion) or None
    # the unit's own conclusion, problems and suggestions stand for the projects' when it writes them
    conclusions = [] if words else _text_points(section, evaluated, "conclusion")
    if conclusion or conclusions or words:
        built += [_paragraph(section, _WORDS["conclusion_head"], end=""), _paragraph(section, words, *conclusion)]
        built += conclusions
    for head, field, own in (
        ("problems_head", "problems", review.problems),
        ("measures_head", "measures", review.suggestions),
    ):
        if own:
            points = [
                _paragraph(section, _WORDS["point_own"].format(n=k, text=t.strip()), end="")
                for k, t in enumerate(own, 1)
            ]
        else:
            points = _text_points(section, evaluated, field)
        if points:
            built += [_paragraph(section, _WORDS[head], end=""), *points]
    if built:
        built.insert(0, _paragraph(section, _WORDS["advice_head"], end=""))
    return built


def _performance(account: FinalAccount, section: str) -> _Built:
    """十（四）: the evaluated projects and their money, then the analysis by kind, by indicator, results and scores."""
    evaluated = [(i, p) for i, p in enumerate(account.projects) if p.evaluated]
    paths = _project_paths(account)
    head: _Built = []
    if evaluated:
        selection = "projects[?evaluated=true]"
        names = "、".join(_WORDS["project_name"].format(name=p.name) for _, p in evaluated)
        count = _count(selection, len(evaluated), "projects")
        lead = _fill("evaluated", year=str(account.year), count=count, names=names)
        totals = []
        for phase, key in (("adjusted", "adjusted_total"), ("executed", "executed_total")):
            amounts = [getattr(p.funds.total, phase) for _, p in evaluated]
            if all(a is not None for a in amounts):
                total = Money.sum(a for a in amounts if a is not None)
                text = _money_text(total)
                claim = _Stub(kind=ClaimKind.SUM, subject=f"{selection}[*].funds.total.{phase}", stated=_stated(text))
                totals.append(_fill(key, amount=_Phrase(text, (claim,))))
        summed = _join(*totals, sep="，") if totals else None
        purpose = _strip_end(account.performance.purpose) or None
        head = [_paragraph(section, purpose, lead, summed, _WORDS["as_follows"], end="")]
    numbered: list[_Built] = [
        _project_analysis(account, section, paths),
        _indicator_analysis(account, section, evaluated),
        _results(account, section, evaluated),
        _quality(account, section, evaluated),
        _conclusions(account, section, evaluated, paths),
    ]
    built = head
    n = 0
    for part in numbered:
        present = [p for p in part if p is not None]
        if present:  # each part opens with its title, numbered in the order the parts are present
            n += 1
            present[0] = _Paragraph(section, _WORDS["numbered"].format(n=n, text=present[0].text), present[0].claims)
            built += present
    if closing := _strip_end(account.performance.closing):
        built.append(_paragraph(section, closing))
    return built


def _score(subject: str, value: Decimal) -> _Phrase:
    """A score in 分, claimed for ``subject`` (one project, or the mean of a selection)."""
    text = format_count(value, _WORDS["points"])
    return _Phrase(text, (_Stub(kind=ClaimKind.SCORE, subject=subject, stated=_stated(text)),))


_Builder = Callable[[FinalAccount, str], _Built]
_SECTIONS: tuple[_Builder | tuple[_Builder, ...], ...] = (
    _grand_totals,
    _income,
    _expenditure,
    _fiscal,
    (_general_total, _general_structure, _general_detail),
    _basic,
    (_three_public_total, _three_public_detail),
    _government_fund,
    _state_capital,
    (_operating_costs, _procurement, _assets, _performance),
)


def _outline(account: FinalAccount) -> tuple[_Heading | _Paragraph, ...]:
    """The headings and paragraphs of the narrative, in order: Part Three of the national layout for an account
    with its published tables (:mod:`budgetkit.narrative.shanghai`), else the seed's Part Two."""
    if shanghai.uses_layout(account):
        return shanghai.outline(account)
    blocks: list[_Heading | _Paragraph] = [_Heading(1, _TITLE.format(year=account.year))]
    for n, (title, content) in enumerate(zip(_SECTION_TITLES, _SECTIONS, strict=True), start=1):
        blocks.append(_Heading(2, heading(n) + title))
        label = chinese_ordinal(n)
        if isinstance(content, tuple):
            for m, (subtitle, build) in enumerate(zip(_SUBSECTION_TITLES[n], content, strict=True), start=1):
                blocks.append(_Heading(3, heading(m, "（）") + subtitle))
                blocks.extend(p for p in build(account, label + heading(m, "（）")) if p is not None)
        else:
            blocks.extend(p for p in content(account, label) if p is not None)
    return tuple(blocks)


def _paragraphs(account: FinalAccount) -> tuple[_Paragraph, ...]:
    return tuple(b for b in _outline(account) if isinstance(b, _Paragraph))


# -- the public surface ----------------------------------------------------------


def render(account: FinalAccount, fmt: Format = "md") -> str:
    """Write Part Two (决算情况说明) of the account's 决算说明, as Markdown or plain text.

    >>> from budgetkit import datasets
    >>> md = render(datasets.load("zigong-hr-2023"))
    >>> md.splitlines()[0], md.splitlines()[2]
    ('# 第二部分 2023年度单位决算情况说明', '## 一、收入支出决算总体情况说明')
    """
    if fmt not in _FORMATS:
        raise ModelError(f"unknown format {fmt!r}; use one of {', '.join(_FORMATS)}", "fmt")
    lines: list[str] = []
    for block in _outline(account):
        if isinstance(block, _Paragraph):
            lines.append(block.text)
            if fmt == "md":
                lines.append("")
        elif fmt == "md":
            lines.extend(["#" * block.level + " " + block.text, ""])
        else:
            if block.level == 2:
                lines.append("")
            lines.append(block.text)
    return "\n".join(lines).rstrip("\n") + "\n"


def generated_claims(account: FinalAccount) -> tuple[Claim, ...]:
    """The claims the generated text makes, each with the words it was printed in.

    >>> from budgetkit import datasets
    >>> claim = generated_claims(datasets.load("zigong-hr-2023"))[2]
    >>> claim.kind.value, claim.subject, claim.stated, claim.section
    ('change', 'income.total', Decimal('66.02'), '一')
    """
    return tuple(c for p in _paragraphs(account) for c in p.claims)


def report_account(account: FinalAccount) -> FinalAccount:
    """The account with the generated claims and paragraphs in place of the published ones.

    >>> from budgetkit import datasets
    >>> a = report_account(datasets.load("zigong-hr-2023"))
    >>> a.passages[0].section, a.passages[0].text[:21]
    ('一', '2023年度收入总计1,054.90万元。')
    """
    paragraphs = _paragraphs(account)
    return attrs.evolve(
        account,
        claims=tuple(c for p in paragraphs for c in p.claims),
        explanations=account.explanations,
        passages=tuple(Passage(section=p.section, text=p.text) for p in paragraphs),
    )
