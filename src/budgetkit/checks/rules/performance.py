"""Self-evaluation tables (项目支出绩效自评表): weights, scores, reasons and totals.

Scores are recomputed by :mod:`budgetkit.checks.scoring` under the account's scoring
rules and compared with the stated 得分 at the table's own precision
(DOMAIN.md §6). Reasons the template requires (a shortfall, an adjusted
budget, an execution rate below 90%, a deduction from a met target) are
checked for presence.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final

from budgetkit.checks.context import Context, Rule
from budgetkit.checks.finding import Finding, Part, Words
from budgetkit.checks.rules.forms import UNKNOWN, band_columns, score_columns, segment_sums
from budgetkit.checks.scoring import (
    FULL_SCORE,
    ExecutionVariant,
    IndicatorScore,
    ScoringRules,
    _judge,
    below_target_grade,
    grade_named,
    score_project,
)
from budgetkit.model.indicator import Operator, PerformanceIndicator
from budgetkit.model.project import Layout, Project
from budgetkit.values.interval import Interval
from budgetkit.values.numbers import round_half_up
from budgetkit.values.wording import describe_rate, format_plain

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    BoolArray = npt.NDArray[np.bool_]
    Columns = Mapping[str, np.ndarray[Any, Any]]

__all__ = [
    "OPERATORS",
    "RULES",
    "TEMPLATE_NOTES",
    "band_key",
    "has_reason",
    "principle_key",
    "project_findings",
    "scores_reach",
    "screen_tables",
]

#: Text of the template's own note in the 原因 column; a cell holding only that gives no reason.
TEMPLATE_NOTES = ("预算执行率=预算执行数/调整后预算数", "预算执行率未达到90%的需说明原因", "应单独说明理由")
_LOW_EXECUTION = Fraction(90, 100)
#: Words of a reason that speaks of the budget's execution, wherever the table prints it.
_EXECUTION_WORDS: Final = re.compile(r"执行率|预算执行|资金执行|支出进度")


#: The template's instructions as printed in the 原因 cell, each one whole (its number and word limit with it).
_TEMPLATE_SENTENCES: Final = re.compile(
    r"\d?\s*[.、．]?\s*预算执行率\s*=\s*预算执行数\s*/\s*调整后预算数\s*[，,]?"
    r"|预算执行率未达到\s*90\s*%\s*的需说明原因\s*(?:[（(]\s*\d+\s*字以内\s*[)）])?"
    r"|\d?\s*[.、．]?\s*(?:年中发生预算调整的\s*(?:[（(]追加或调减[)）])?\s*[，,]?\s*)?应单独说明理由\s*(?:[（(]\s*\d+\s*字以内\s*[)）])?"
    r"|\d?\s*[.、．]?\s*其他资金包括\s*[：:]\s*社会投入资金、银行贷款"
)


def has_reason(text: str) -> bool:
    """Whether a reason cell says something beyond the template's own instructions: a cell holding only those gives
    no reason, one that keeps them and writes its answer after them gives one.

    >>> has_reason(""), has_reason("1.预算执行率=预算执行数/调整后预算数，预算执行率未达到90%的需说明原因（100字以内）"),
    (False, False)
    >>> has_reason("年中追加预算"), has_reason("1.预算执行率=预算执行数/调整后预算数，预算执行率未达到90%的需说明原因：项目延期")
    (True, True)
    """
    return bool(re.search(r"[^\W\d_]", _TEMPLATE_SENTENCES.sub("", text)))


def _project(ctx: Context, i: int, project: Project, score: Any) -> Iterator[Finding]:
    path = f"projects[{i}]"
    label = project.label
    part = Part.PROJECTS
    if project.code is None and project.layout is Layout.SICHUAN:  # 附件1 prints no project code
        yield ctx.finding(
            "project.code_missing",
            f"{path}.code",
            part=part,
            project=project.name,
        )
    weight_total = score.weight_total
    if weight_total != FULL_SCORE:
        yield ctx.finding(
            "project.weight_sum",
            path,
            stated=weight_total,
            expected=FULL_SCORE,
            part=part,
            label=label,
            execution_weight=score.execution_weight,
            indicator_weight=project.indicator_weight,
        )
    if project.stated_weight_total is not None and project.stated_weight_total != weight_total:
        yield ctx.finding(
            "project.weight_total_row",
            f"{path}.stated_weight_total",
            stated=project.stated_weight_total,
            expected=weight_total,
            part=part,
            label=label,
        )
    stated_sum = score.stated_sum
    if project.stated_total is not None and stated_sum is not None and project.stated_total != stated_sum:
        scored = [(project.execution_score, score.execution_weight, score._execution_exact())]
        scored += [(x.indicator.stated_score, x.weight, x.exact) for x in score.indicators]
        reachable = scores_reach(project.stated_total, [(s, w, r) for s, w, r in scored if s is not None])
        yield ctx.finding(
            "rounding.residue" if reachable else "project.total",
            f"{path}.stated_total",
            stated=project.stated_total,
            expected=stated_sum,
            part=part,
            template="project.total",
            variant="" if score.execution_scored else "indicators",
            label=label,
        )
    if score.grade_matches is False:
        yield ctx.finding(
            "project.grade",
            f"{path}.printed_grade",
            stated=project.printed_grade,
            expected=score.stated_grade,
            part=part,
            label=label,
            total=project.stated_total,
            bands=_bands(score.rules),
        )
    if score.execution_matches is False:
        yield ctx.finding(
            "project.execution_score",
            f"{path}.execution_score",
            stated=project.execution_score,
            expected=score.execution_score,
            part=part,
            label=label,
            rate=describe_rate(project.execution_rate),
        )
    rate = project.execution_rate
    low = not rate.is_undefined and Fraction(rate.numerator) / Fraction(rate.denominator) < _LOW_EXECUTION
    # 附件1 has no 原因 cell for the money: its table-wide 偏差原因分析及改进措施 (``problems``) gives the reason, or an
    # indicator's own 偏差原因 cell that speaks of the execution (全年执行率87.5%，低于90%，原因是…)
    central_reason = project.layout is Layout.CENTRAL and (
        has_reason(project.problems) or any(_EXECUTION_WORDS.search(i.reason) for i in project.indicators)
    )
    if low and not has_reason(project.execution_reason) and not central_reason:
        yield ctx.finding(
            "project.low_execution_reason",
            f"{path}.execution_reason",
            stated=describe_rate(rate),
            part=part,
            label=label,
        )
    adjusted = project.budget_adjusted and project.layout is Layout.SICHUAN  # 附件1 has no cell for the reason
    if adjusted and not has_reason(project.execution_reason):
        total = project.funds.total
        assert total.initial is not None and total.adjusted is not None
        yield ctx.finding(
            "project.adjustment_reason",
            f"{path}.execution_reason",
            stated=f"{format_plain(total.initial)}→{format_plain(total.adjusted)}",
            part=part,
            label=label,
            initial=total.initial,
            adjusted=total.adjusted,
        )
    for j, ind_score in enumerate(score.indicators):
        yield from _indicator(ctx, f"{path}.indicators[{j}]", label, ind_score)
    deviations = score.principle_deviations()
    if deviations:
        shown = Words(
            "、".join(
                f"{d.name}{format_plain(d.actual)}（原则{'无' if d.principle is None else format_plain(d.principle)}）"
                for d in deviations
            ),
            ", ".join(
                f"{d.name} {format_plain(d.actual)} "
                f"(principle {'none' if d.principle is None else format_plain(d.principle)})"
                for d in deviations
            ),
        )
        yield ctx.finding("project.principle_weights", f"{path}.indicators", part=part, label=label, deviations=shown)


def _bands(rules: ScoringRules) -> Words:
    """The rules' grade bands as a message shows them: 优≥90、良≥80、中≥60、差<60."""
    bands = rules.grade_bands
    shown = [f"{name}≥{format_plain(low)}" for name, low in bands[:-1]]
    last = f"{bands[-1][0]}<{format_plain(bands[-2][1])}" if len(bands) > 1 else bands[-1][0]
    return Words("、".join([*shown, last]), ", ".join([*shown, last]))


def _indicator(ctx: Context, path: str, label: str, s: IndicatorScore) -> Iterator[Finding]:
    ind = s.indicator
    part = Part.PROJECTS
    stated = ind.stated_score
    if stated is not None and not 0 <= stated <= ind.weight:
        yield ctx.finding(
            "indicator.score_range",
            f"{path}.stated_score",
            stated=stated,
            expected=f"0–{format_plain(ind.weight)}",
            part=part,
            label=label,
            indicator=ind.name,
            weight=ind.weight,
        )
        return
    if ind.is_missing_actual:
        if stated is not None and stated > 0:
            yield ctx.finding(
                "indicator.missing_actual",
                f"{path}.actual",
                stated=stated,
                expected="完成值",
                part=part,
                label=label,
                indicator=ind.name,
            )
        return
    if ind.is_qualitative:
        if s.agrees() is False and s.band is not None:
            low, high = s.band
            yield ctx.finding(
                "indicator.qualitative_band",
                f"{path}.stated_score",
                stated=stated,
                expected=f"{format_plain(low)}–{format_plain(high)}",
                part=part,
                label=label,
                indicator=ind.name,
                actual=ind.actual,
                band=s.band_name,
            )
        yield from _qualitative_reason(ctx, path, label, s)
        return
    reason = has_reason(ind.reason)
    if (
        s.is_met
        and stated is not None
        and stated < ind.weight
        and s.exact is not None
        and s.exact >= Fraction(ind.weight)
    ):
        if not reason:
            yield ctx.finding(
                "indicator.deducted_without_reason",
                f"{path}.stated_score",
                stated=stated,
                expected=ind.weight,
                part=part,
                label=label,
                indicator=ind.name,
                target=_target(ind),
                actual=ind.actual,
            )
    elif s.matches is False:
        expected = s.rule_rounded(2)
        yield ctx.finding(
            "indicator.score",
            f"{path}.stated_score",
            stated=stated,
            expected=expected,
            part=part,
            label=label,
            indicator=ind.name,
            explanation=Words(s.explanation, s.formula),
        )
    if s.is_met is False and not reason:
        yield ctx.finding(
            "indicator.shortfall_reason",
            f"{path}.reason",
            stated=ind.actual,
            part=part,
            label=label,
            indicator=ind.name,
            target=_target(ind),
            actual=ind.actual,
        )
    if s.overshoot and not reason:
        threshold = round_half_up(Fraction(ctx.scoring_rules.overshoot_threshold) * 100, 0)
        yield ctx.finding(
            "indicator.overshoot",
            f"{path}.actual",
            stated=ind.actual,
            expected=f"<{format_plain(threshold)}%",
            part=part,
            label=label,
            indicator=ind.name,
            actual=ind.actual,
            target=ind.target,
            completion=describe_rate(s.completion, 0),
        )


def _qualitative_reason(ctx: Context, path: str, label: str, s: IndicatorScore) -> Iterator[Finding]:
    """A 定性 row that fell short needs a reason as a 定量 one does (``indicator.shortfall_reason``): its 完成值 is
    judged below the top band or below a target grade (良 for 优), or cannot be judged and its score lies below the
    top band (below 80% of w). A score below full inside the top band is the band's own range (达成年度指标 scores
    [80%, 100%] of w), no deviation."""
    ind, stated = s.indicator, s.indicator.stated_score
    if has_reason(ind.reason):
        return
    top = ctx.scoring_rules.qualitative_bands[0]
    unjudged_short = s.is_met is None and stated is not None and stated < ind.weight * top.low
    if s.is_met is False or unjudged_short:
        yield ctx.finding(
            "indicator.shortfall_reason",
            f"{path}.reason",
            stated=ind.actual,
            part=Part.PROJECTS,
            label=label,
            indicator=ind.name,
            target=_target(ind),
            actual=ind.actual,
        )


def _target(ind: Any) -> str:
    """An indicator's target as the table prints it: operator, value and unit (≥90%); a 定性 one's text (明显改善)."""
    if ind.operator is Operator.QUALITATIVE:
        return str(ind.target)
    return f"{ind.operator.value}{format_plain(ind.target)}{ind.unit}"


def project_findings(ctx: Context, i: int) -> Iterator[Finding]:
    """The findings of project ``i``'s self-evaluation table (none when the project was not evaluated).

    >>> from budgetkit import datasets
    >>> ctx = Context(datasets.load("zigong-hr-2023"))
    >>> [f.rule for f in project_findings(ctx, 0)][:1]
    ['project.adjustment_reason']
    """
    project = ctx.account.projects[i]
    if project.evaluated:
        yield from _project(ctx, i, project, score_project(project, ctx.scoring_rules))


def _performance(ctx: Context) -> Iterator[Finding]:
    for i, (project, score) in enumerate(zip(ctx.account.projects, ctx.project_scores, strict=True)):
        if score is not None:
            yield from _project(ctx, i, project, score)


# -- the tables as forms, for many accounts at once ------------------------------------------------------------
#
# A table yields no finding when its figures satisfy these forms: Σ weights = 100 and the total row
# (EQUALITY), the execution score min(rate, 1)·w at the stated places (SCORE), each shortfall score
# B/A·w (SCORE), each 定性 score inside its band (BAND), and the reasons the template asks for are
# given. ``screen_tables`` evaluates them with the vectorised evaluators of ``rules.forms`` on the
# columns of a batch; a table it flags goes through the rule above (the exact evaluator) whole.

#: Operators in the order of the batch's ``op`` column.
OPERATORS: tuple[Operator, ...] = tuple(Operator)
_OPERATOR_INDEX = {op: k for k, op in enumerate(OPERATORS)}
_MILLION = 10**6


def principle_key(project: Project) -> str:
    """What the principle-weight test reads of a table, as JSON (tables with the same key deviate alike)."""
    weight = project.execution_weight
    rows = [[ind.level1, str(ind.weight)] for ind in project.indicators]
    return json.dumps([None if weight is None else str(weight), rows], ensure_ascii=False)


def band_key(ind: PerformanceIndicator) -> str:
    """What judging a 定性 row reads (its target and actual), as JSON; "" for a row that is not 定性."""
    return json.dumps([ind.target, ind.actual], ensure_ascii=False) if ind.is_qualitative else ""


def _deviates(key: str, rules: ScoringRules) -> bool:
    """Whether a table of these weights departs from the principle weights (see :func:`principle_key`)."""
    weight, rows = json.loads(key)
    project = Project(
        name="-",
        kind="特定目标类",
        execution_weight=weight,
        indicators=tuple(
            PerformanceIndicator(level1=level1, level2="", level3="", operator="定性", target="", weight=w)
            for level1, w in rows
        ),
    )
    return bool(score_project(project, rules).principle_deviations())


def _grade_rank(word: str, rules: ScoringRules) -> int:
    """The place in ``rules.grade_bands`` (the highest 0) of the grade a printed 自评等级 names; -1 for none."""
    name = grade_named(word, rules) if word else None
    return -1 if name is None else [band for band, _ in rules.grade_bands].index(name)


def _band(key: str, rules: ScoringRules) -> tuple[int, int, int, bool, bool, bool]:
    """The band a 定性 row of this :func:`band_key` is judged to fall in, as the BAND form's bounds:
    low·den, high·den, den, closed at the top, whether no band is judged, and whether the row is judged short of
    its target (a band below the top, or a grade below the target's: :func:`~budgetkit.checks.scoring.below_target_grade`)."""
    if not key:
        return 0, 0, 1, True, True, False  # not a 定性 row
    target, actual = json.loads(key)
    row = PerformanceIndicator(level1="", level2="", level3="", operator="定性", target=target, actual=actual, weight=1)
    found = _judge(row, rules)
    if found is None:
        return 0, 0, 1, True, True, False
    low, high = Fraction(found.low), Fraction(found.high)
    den = low.denominator * high.denominator
    short = found is not rules.qualitative_bands[0] or below_target_grade(row)
    return int(low * den), int(high * den), den, found.is_closed, False, short


def _memo(cache: dict[tuple[str, int], Any], name: str, keys: Any, strings: Sequence[str], work: Any) -> list[Any]:
    """``work(strings[key])`` for each distinct key, remembered in ``cache`` across blocks."""
    found = []
    for key in keys.tolist():
        value = cache.get((name, key))
        if value is None:
            value = cache[(name, key)] = work(strings[key])
        found.append(value)
    return found


def _reasons(strings: Sequence[str], cache: dict[tuple[str, int], Any], *ids: Any) -> BoolArray:
    """Whether each string gives a reason (:func:`has_reason`), decided for the strings of the ``ids`` columns only
    (the reason cells, not every name and path of the batch), each distinct one once, remembered in ``cache``."""
    import numpy as np

    known: dict[int, bool] = cache.setdefault(("reasons", 0), {})
    used = np.unique(np.concatenate(ids)).tolist()
    hits = []
    for key in used:
        hit = known.get(key)
        if hit is None:
            hit = known[key] = has_reason(strings[key])
        hits.append(hit)
    result: BoolArray = np.zeros(len(strings), dtype=np.bool_)
    result[used] = hits
    return result


def _known(c: Columns, name: str) -> BoolArray:
    known: BoolArray = c[f"{name}_exp"] != UNKNOWN
    return known


def screen_tables(
    p: Columns, ind: Columns, strings: Sequence[str], cache: dict[tuple[str, int], Any], rules: ScoringRules
) -> BoolArray:
    """Which self-evaluation tables may yield a finding (conservative): the vectorised twin of the rule.

    ``p`` holds one row per table and ``ind`` one per indicator (the batch's columns: millionths beside
    printed exponents, string ids for texts and keys); ``cache`` remembers what is worked out per string
    (reasons, principle weights, bands) under these scoring ``rules``.
    """
    import numpy as np

    rows = len(p["i"])
    n_ind = p["n_indicators"].astype(np.int64)
    reasons = _reasons(strings, cache, p["reason"], ind["reason"])
    flagged = ~p["representable"] | ~p["has_code"]
    flagged |= segment_sums(_screen_indicators(ind, reasons, strings, cache, rules).astype(np.int64), n_ind) > 0

    # EQUALITY: execution weight (or the rules', or 0 where execution is not scored: no points printed and the
    # indicators weigh 100, ProjectScore.execution_scored) + Σ indicator weights = 100, and the total row says the same
    weight = int(rules.execution_weight) * _MILLION
    indicator_weight = segment_sums(ind["weight"], n_ind)
    scored = _known(p, "exec_weight") | (indicator_weight != 100 * _MILLION)
    exec_weight = np.where(_known(p, "exec_weight"), p["exec_weight"], np.where(scored, weight, 0))
    weight_total = exec_weight + indicator_weight
    flagged |= weight_total != 100 * _MILLION
    flagged |= _known(p, "stated_weight") & (p["stated_weight"] != weight_total)

    # EQUALITY: the total row = execution score (none where execution is not scored) + Σ stated scores, when all
    # are printed; an unknown execution score's column holds 0
    all_stated = segment_sums((~_known(ind, "stated")).astype(np.int64), n_ind) == 0
    stated_sum = p["exec_score"] + segment_sums(ind["stated"], n_ind)
    sum_known = (_known(p, "exec_score") | ~scored) & all_stated
    flagged |= _known(p, "stated_total") & sum_known & (p["stated_total"] != stated_sum)

    # SCORE: the execution row, min(rate, 100%) × w at the stated places (a banded variant: the rule decides)
    executed, adjusted, initial = p["executed"], p["adjusted"], p["initial"]
    defined = _known(p, "executed") & _known(p, "adjusted") & (adjusted != 0)
    full = executed >= adjusted
    w = np.full(rows, weight)
    w_exp = np.zeros(rows, dtype=np.int8)
    partial = score_columns(
        p["exec_score"],
        p["exec_score_exp"],
        executed,
        p["executed_exp"],
        adjusted,
        p["adjusted_exp"],
        w,
        w_exp,
        rules.score_places,
    )
    capped = rules.execution is not ExecutionVariant.JIANGXI_BANDS
    execution_ok = (adjusted > 0) & np.where(full, p["exec_score"] == weight, partial)
    flagged |= _known(p, "exec_score") & defined & ~(capped & execution_ok)

    # the reasons the template asks for: below 90% executed, a budget adjusted during the year
    reason = reasons[p["reason"]]
    flagged |= defined & ((adjusted < 0) | (10 * executed < 9 * adjusted)) & ~reason
    adjusted_budget = _known(p, "initial") & _known(p, "adjusted") & (initial != adjusted)
    flagged |= adjusted_budget & ~reason

    # the printed 自评等级 against the grade of the stated 总分 (ProjectScore.grade_matches), each word judged once
    keys, inverse = np.unique(p["grade"], return_inverse=True)
    named = np.array(_memo(cache, "grade", keys, strings, lambda word: _grade_rank(word, rules)), dtype=np.int64)
    printed = named[inverse]
    total = p["stated_total"]
    rank = np.zeros(rows, dtype=np.int64)
    for _, low in rules.grade_bands:  # lows from the highest: the bands above a total are its rank
        rank += total < math.ceil(Fraction(low) * _MILLION)  # exact for a total in whole millionths
    graded = (total >= 0) & (total <= 100 * _MILLION)
    flagged |= (printed >= 0) & _known(p, "stated_total") & ~(graded & (rank == printed))

    # principle weights (产出 50, 效益 30, 满意度 10, 执行率 10), once per distinct shape
    keys, inverse = np.unique(p["principle"], return_inverse=True)
    deviating = _memo(cache, "principle", keys, strings, lambda key: _deviates(key, rules))
    flagged |= np.array(deviating, dtype=np.bool_)[inverse]
    result: BoolArray = flagged
    return result


def _screen_indicators(
    c: Columns, reasons: BoolArray, strings: Sequence[str], cache: dict[tuple[str, int], Any], rules: ScoringRules
) -> BoolArray:
    """Which indicators may yield a finding (the forms of ``_indicator``; conservative)."""
    import numpy as np

    op = c["op"]
    weight, stated = c["weight"], c["stated"]
    stated_known = _known(c, "stated")
    reason = reasons[c["reason"]]
    target, actual = c["target"], c["actual"]
    numeric = _known(c, "target") & _known(c, "actual")
    missing = c["missing"]

    flagged = ~c["representable"]
    flagged |= stated_known & ((stated < 0) | (stated > weight))
    flagged |= missing & stated_known & (stated > 0)
    active = ~missing & ~flagged

    # BAND: a 定性 score inside the band its actual is judged to fall in (or any score when none is judged)
    qualitative = op == _OPERATOR_INDEX[Operator.QUALITATIVE]
    keys, inverse = np.unique(c["judged"], return_inverse=True)
    if len(keys):
        bands = _memo(cache, "band", keys, strings, lambda key: _band(key, rules))
        low, high, den, closed, unjudged, judged_short = (
            np.array(column)[inverse] for column in zip(*bands, strict=True)
        )
        in_band = unjudged | band_columns(stated, weight, low, high, den, closed)
        flagged |= active & qualitative & stated_known & ~in_band
        # a reason, as for a 定量 row: judged short of the target, or not judged and scored below the top band's
        # lowest share of the weight
        top = Fraction(rules.qualitative_bands[0].low)
        below_top = stated_known & (stated * top.denominator < weight * top.numerator)
        short = judged_short | (unjudged & below_top)
        flagged |= active & qualitative & short & ~reason

    quantitative = active & ~qualitative & numeric
    at_least = op == _OPERATOR_INDEX[Operator.AT_LEAST]
    more_than = op == _OPERATOR_INDEX[Operator.MORE_THAN]
    equal = op == _OPERATOR_INDEX[Operator.EQUAL]
    at_most = op == _OPERATOR_INDEX[Operator.AT_MOST]
    less_than = op == _OPERATOR_INDEX[Operator.LESS_THAN]
    positive = at_least | more_than | (equal & (target != 0))
    reverse = at_most | less_than
    met = np.where(
        more_than,
        actual > target,
        np.where(less_than, actual < target, np.where(at_most, actual <= target, actual >= target)),
    )
    deducted = stated_known & (stated < weight)
    threshold = Fraction(rules.overshoot_threshold)
    overshoot = (
        (target > 0) & (np.abs(actual) < 2**40) & (threshold.denominator * actual >= threshold.numerator * target)
    ) | (np.abs(actual) >= 2**40)
    met_ok = met & ~deducted & (reverse | ~overshoot | reason)
    # a shortfall: SCORE B/A·w at the stated places, and a reason given
    short_ok = positive & ~met & (actual != target) & (target > 0) & (actual >= 0) & reason
    rounds = score_columns(
        stated,
        c["stated_exp"],
        actual,
        c["actual_exp"],
        target,
        c["target_exp"],
        weight,
        c["weight_exp"],
        rules.score_places,
    )
    short_ok &= ~stated_known | rounds
    ok = (positive | reverse) & (met_ok | short_ok)
    flagged |= quantitative & ~ok
    result: BoolArray = flagged
    return result


def scores_reach(total: Decimal, scores: Sequence[tuple[Decimal, Decimal | None, Fraction | None]]) -> bool:
    """Whether a printed 合计 is reachable from printed scores (a rounding residue, not an error). Each score is
    ``(printed, weight, the rule's exact score)``; it stands for

    - its rule's exact score when it prints exactly that (a met target's full 20, a shortfall's 18): a printed
      figure that is the rule's value to the last digit was not rounded from another;
    - else the values that round to it and that its weight allows — never below 0 nor above its weight, so a full
      score printed as an integer (20 of 20) may be 19.5 but never 20.5; a score printed above its weight keeps its own
      interval (:func:`~budgetkit.checks.rules.forms.sum_reaches` without the weights).

    >>> from decimal import Decimal as D
    >>> scores_reach(D("99.50"), [(D("20"), D("20"), None), (D("79.18"), D("80"), None)])
    False
    >>> scores_reach(D("98.9"), [(D("20"), D("20"), None), (D("79.18"), D("80"), None)])
    True
    >>> scores_reach(D("98.9"), [(D("20"), D("20"), Fraction(20)), (D("79.18"), D("80"), None)])
    False
    """
    reach = Interval.exact(0)
    for stated, weight, rule in scores:
        printed = Interval.published(stated)
        if rule is not None and Fraction(stated) == rule:
            printed = Interval.exact(stated)
        elif weight is not None and printed.lo is not None and printed.hi is not None and 0 <= printed.lo <= weight:
            top = Fraction(weight)
            printed = Interval(printed.lo, min(printed.hi, top), printed.lo_open, printed.hi_open and printed.hi <= top)
        reach = reach + printed
    return reach.overlaps(Interval.published(total))


RULES = (
    Rule(
        code="project",
        title="自评表：权重合计100、合计行、自评等级、执行得分、调整与低执行的理由、项目编码",
        title_en="Self-evaluation tables: weights total 100, total rows, grades, execution score, reasons, project codes",
        func=_performance,
        source="DOMAIN.md §5–§6 [rule, practice]; 财预〔2020〕10号 [recalled]",
        codes=(
            "project.code_missing",
            "project.weight_sum",
            "project.weight_total_row",
            "project.total",
            "project.grade",
            "project.execution_score",
            "project.low_execution_reason",
            "project.adjustment_reason",
            "project.principle_weights",
            "indicator.score_range",
            "indicator.missing_actual",
            "indicator.qualitative_band",
            "indicator.deducted_without_reason",
            "indicator.score",
            "indicator.shortfall_reason",
            "indicator.overshoot",
            "rounding.residue",
        ),
    ),
)
