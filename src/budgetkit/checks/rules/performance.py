"""Self-evaluation tables (项目支出绩效自评表): weights, scores, reasons and totals.

Scores are recomputed by :mod:`budgetkit.checks.scoring` under the account's scoring
rules and compared with the stated 得分 at the table's own precision
(DOMAIN.md §6). Reasons the template requires (a shortfall, an adjusted
budget, an execution rate below 90%, a deduction from a met target) are
checked for presence.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Any

from budgetkit.checks.context import Context, Rule
from budgetkit.checks.finding import Finding, Part, Words
from budgetkit.checks.rules.forms import sum_reaches
from budgetkit.checks.scoring import FULL_SCORE, IndicatorScore, score_project
from budgetkit.model.project import Project
from budgetkit.values.numbers import round_half_up
from budgetkit.values.wording import describe_rate, format_plain

__all__ = ["RULES", "TEMPLATE_NOTES", "has_reason", "project_findings"]

#: Text of the template's own note in the 原因 column; a cell holding only that gives no reason.
TEMPLATE_NOTES = ("预算执行率=预算执行数/调整后预算数", "预算执行率未达到90%的需说明原因", "应单独说明理由")
_LOW_EXECUTION = Fraction(90, 100)


def has_reason(text: str) -> bool:
    """Whether a reason cell says something beyond the template's own instructions.

    >>> has_reason(""), has_reason("1.预算执行率=预算执行数/调整后预算数，…"), has_reason("年中追加预算")
    (False, False, True)
    """
    stripped = text.strip()
    return bool(stripped) and not any(note in stripped for note in TEMPLATE_NOTES)


def _project(ctx: Context, i: int, project: Project, score: Any) -> Iterator[Finding]:
    path = f"projects[{i}]"
    label = project.label
    part = Part.PROJECTS
    if project.code is None:
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
        parts = [s for s in ([project.execution_score] + [x.stated_score for x in project.indicators]) if s is not None]
        reachable = sum_reaches(project.stated_total, parts)
        yield ctx.finding(
            "rounding.residue" if reachable else "project.total",
            f"{path}.stated_total",
            stated=project.stated_total,
            expected=stated_sum,
            part=part,
            template="project.total",
            label=label,
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
    if low and not has_reason(project.execution_reason):
        yield ctx.finding(
            "project.low_execution_reason",
            f"{path}.execution_reason",
            stated=describe_rate(rate),
            part=part,
            label=label,
        )
    if project.budget_adjusted and not has_reason(project.execution_reason):
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


def _target(ind: Any) -> str:
    """An indicator's target as the table prints it: operator, value and unit (≥90%)."""
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


RULES = (
    Rule(
        code="project",
        title="自评表：权重合计100、合计行、执行得分、调整与低执行的理由、项目编码",
        title_en="Self-evaluation tables: weights total 100, total rows, execution score, reasons, project codes",
        func=_performance,
        source="DOMAIN.md §5–§6 [rule, practice]; 财预〔2020〕10号 [recalled]",
        codes=(
            "project.code_missing",
            "project.weight_sum",
            "project.weight_total_row",
            "project.total",
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
