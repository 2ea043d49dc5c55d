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
from budgetkit.checks.finding import Finding, Part
from budgetkit.checks.rules.forms import sum_reaches
from budgetkit.checks.scoring import FULL_SCORE, IndicatorScore, score_project
from budgetkit.model.project import Layout, Project

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
    if project.code is None and project.layout is Layout.SICHUAN:  # 附件1 prints no project code
        yield ctx.finding(
            "project.code_missing",
            f"{path}.code",
            f"项目“{project.name}”的自评表未列出项目编码",
            f"the table of project {project.name!r} gives no project code",
            part=part,
        )
    weight_total = score.weight_total
    if weight_total != FULL_SCORE:
        yield ctx.finding(
            "project.weight_sum",
            path,
            f"{label}：预算执行情况权重{score.execution_weight}与各指标权重之和{project.indicator_weight}合计为"
            f"{weight_total}，应为100",
            f"{label}: execution weight plus indicator weights total {weight_total}, not 100",
            stated=weight_total,
            expected=FULL_SCORE,
            part=part,
        )
    if project.stated_weight_total is not None and project.stated_weight_total != weight_total:
        yield ctx.finding(
            "project.weight_total_row",
            f"{path}.stated_weight_total",
            f"{label}：合计行权重为{project.stated_weight_total}，而各项权重之和为{weight_total}",
            f"{label}: the total row gives weight {project.stated_weight_total}, the weights sum to {weight_total}",
            stated=project.stated_weight_total,
            expected=weight_total,
            part=part,
        )
    stated_sum = score.stated_sum
    if project.stated_total is not None and stated_sum is not None and project.stated_total != stated_sum:
        parts = [s for s in ([project.execution_score] + [x.stated_score for x in project.indicators]) if s is not None]
        reachable = sum_reaches(project.stated_total, parts)
        yield ctx.finding(
            "rounding.residue" if reachable else "project.total",
            f"{path}.stated_total",
            f"{label}：合计得分{project.stated_total}不等于执行得分与各指标得分之和{stated_sum}",
            f"{label}: the total score {project.stated_total} is not the sum of the row scores {stated_sum}",
            stated=project.stated_total,
            expected=stated_sum,
            part=part,
        )
    if score.execution_matches is False:
        yield ctx.finding(
            "project.execution_score",
            f"{path}.execution_score",
            f"{label}：预算执行率{project.execution_rate.format()}应得{score.execution_score}分，自评{project.execution_score}分",
            f"{label}: execution rate {project.execution_rate.format()} scores {score.execution_score}, "
            f"stated {project.execution_score}",
            stated=project.execution_score,
            expected=score.execution_score,
            part=part,
        )
    rate = project.execution_rate
    low = not rate.is_undefined and Fraction(rate.numerator) / Fraction(rate.denominator) < _LOW_EXECUTION
    # 附件1 has no 原因 cell for the money: its table-wide 偏差原因分析及改进措施 (``problems``) gives the reason
    central_reason = project.layout is Layout.CENTRAL and has_reason(project.problems)
    if low and not has_reason(project.execution_reason) and not central_reason:
        yield ctx.finding(
            "project.low_execution_reason",
            f"{path}.execution_reason",
            f"{label}：预算执行率{rate.format()}低于90%，未说明原因",
            f"{label}: execution rate {rate.format()} is below 90% and no reason is given",
            stated=rate.format(),
            part=part,
        )
    adjusted = project.budget_adjusted and project.layout is Layout.SICHUAN  # 附件1 has no cell for the reason
    if adjusted and not has_reason(project.execution_reason):
        total = project.funds.total
        assert total.initial is not None and total.adjusted is not None
        yield ctx.finding(
            "project.adjustment_reason",
            f"{path}.execution_reason",
            f"{label}：年初预算{total.initial.amount}万元调整为{total.adjusted.amount}万元，未单独说明调整理由",
            f"{label}: the budget was adjusted from {total.initial.amount} to {total.adjusted.amount} without a reason",
            stated=f"{total.initial.amount}→{total.adjusted.amount}",
            part=part,
        )
    for j, ind_score in enumerate(score.indicators):
        yield from _indicator(ctx, f"{path}.indicators[{j}]", label, ind_score)
    deviations = score.principle_deviations()
    if deviations:
        shown = "、".join(
            f"{d.name}{d.actual}（原则{d.principle if d.principle is not None else '无'}）" for d in deviations
        )
        yield ctx.finding(
            "project.principle_weights",
            f"{path}.indicators",
            f"{label}：指标权重与原则权重（产出50、效益30、满意度10、执行率10）不同：{shown}；如有特殊情况可以调整",
            f"{label}: weights depart from the principle weights: "
            + ", ".join(
                f"{d.name} {d.actual} (principle {d.principle if d.principle is not None else 'none'})"
                for d in deviations
            ),
            part=part,
        )


def _indicator(ctx: Context, path: str, label: str, s: IndicatorScore) -> Iterator[Finding]:
    ind = s.indicator
    part = Part.PROJECTS
    name = f"{label}：指标“{ind.name}”"
    stated = ind.stated_score
    if stated is not None and not 0 <= stated <= ind.weight:
        yield ctx.finding(
            "indicator.score_range",
            f"{path}.stated_score",
            f"{name}得分{stated}超出0至权重{ind.weight}的范围",
            f"{label}: score {stated} of {ind.name!r} is outside [0, {ind.weight}]",
            stated=stated,
            expected=f"0–{ind.weight}",
            part=part,
        )
        return
    if ind.is_missing_actual:
        if stated is not None and stated > 0:
            yield ctx.finding(
                "indicator.missing_actual",
                f"{path}.actual",
                f"{name}未填写完成值，却得{stated}分",
                f"{label}: {ind.name!r} has no actual value but scores {stated}",
                stated=stated,
                expected="完成值",
                part=part,
            )
        return
    if ind.is_qualitative:
        if s.agrees() is False and s.band is not None:
            low, high = s.band
            yield ctx.finding(
                "indicator.qualitative_band",
                f"{path}.stated_score",
                f"{name}为定性指标，完成情况“{ind.actual}”对应{s.band_name}档（{low}–{high}分），自评{stated}分不在该档内",
                f"{label}: qualitative {ind.name!r} falls in band {s.band_name} ({low}–{high}) but scores {stated}",
                stated=stated,
                expected=f"{low}–{high}",
                part=part,
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
                f"{name}已完成指标值（{ind.operator.value}{ind.target}{ind.unit}，完成{ind.actual}），应得满分{ind.weight}分，"
                f"自评{stated}分且未说明扣分原因",
                f"{label}: {ind.name!r} met its target but scores {stated} of {ind.weight} without a reason",
                stated=stated,
                expected=ind.weight,
                part=part,
            )
    elif s.matches is False:
        expected = s.rule_rounded(2)
        yield ctx.finding(
            "indicator.score",
            f"{path}.stated_score",
            f"{name}自评{stated}分，按评分规则应为{expected}分（{s.explanation}）",
            f"{label}: {ind.name!r} scores {stated}; the rule gives {expected} ({s.formula})",
            stated=stated,
            expected=expected,
            part=part,
        )
    if s.is_met is False and not reason:
        yield ctx.finding(
            "indicator.shortfall_reason",
            f"{path}.reason",
            f"{name}未完成指标值（{ind.operator.value}{ind.target}{ind.unit}，完成{ind.actual}），未分析原因",
            f"{label}: {ind.name!r} fell short of its target without a reason",
            stated=ind.actual,
            part=part,
        )
    if s.overshoot and not reason:
        completion = s.completion.format(0)
        yield ctx.finding(
            "indicator.overshoot",
            f"{path}.actual",
            f"{name}完成值{ind.actual}为指标值{ind.target}的{completion}，大幅超额完成而未说明（指标值可能设置偏低）",
            f"{label}: {ind.name!r} reached {completion} of its target without an explanation (target set too low?)",
            stated=ind.actual,
            expected=f"<{ctx.scoring_rules.overshoot_threshold * 100:.0f}%",
            part=part,
        )


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
