"""Self-evaluation tables in either layout (Sichuan, central 附件1): their money block and how they can be scored.

Beside the weights and scores of :mod:`budgetkit.checks.rules.performance`:

- ``selfeval.fund_sum``: 总额 (年度资金总额) = Σ the rows below it, per column (年初预算 /
  调整后预算 / 执行数), judged on printed precision like every other sum; a blank row is unknown,
  so such a column is checked only for printed rows that already exceed the total;
- ``selfeval.unfilled``: a table printed but never filled in (no amount, completion or score);
- ``selfeval.text_actual``: a quantitative indicator whose 完成值 is text ("完成") yet scored;
- ``selfeval.variant_fit``: a table whose execution row has other points than the scoring
  variant gives it (10 under a variant that expects 20) is reported instead of scored;
- ``selfeval.whole_points``: a stated score that is the rule score rounded to whole points
  (11 for 11.47), explained as info.

>>> from budgetkit import datasets
>>> ctx = Context(datasets.load("zigong-hr-2023"))
>>> sorted({f.rule for f in selfeval_findings(ctx)})
['selfeval.whole_points']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from budgetkit.checks.context import Context, Rule
from budgetkit.checks.finding import Finding, Part, Words
from budgetkit.checks.rules.forms import UNKNOWN, segment_sums
from budgetkit.checks.rules.performance import OPERATORS
from budgetkit.checks.rules.sums import SumCheck
from budgetkit.checks.scoring import Formula, ProjectScore, ScoringRules, agrees_at, apply_formula, explain
from budgetkit.model.indicator import Operator, PerformanceIndicator
from budgetkit.model.project import FundLine, FundSource, Layout, Project
from budgetkit.values.formatting import describe_rate, format_plain
from budgetkit.values.interval import Interval
from budgetkit.values.money import Money
from budgetkit.values.numbers import EXACT, places_of, round_half_up
from budgetkit.values.wording import LaterWords

if TYPE_CHECKING:
    from collections.abc import Mapping

    import numpy as np
    import numpy.typing as npt

    BoolArray = npt.NDArray[np.bool_]
    Columns = Mapping[str, np.ndarray[Any, Any]]

__all__ = [
    "RULES",
    "fund_findings",
    "fund_sum_checks",
    "funds_add_up",
    "indicator_findings",
    "is_unfilled",
    "project_findings",
    "screen_funds",
    "screen_indicators",
    "screen_projects",
    "screen_tables",
    "screened_findings",
    "selfeval_findings",
]

#: The phases of the money block: field → (Sichuan label, central label).
_PHASES: Final = (
    ("initial", "年初预算", "年初预算数"),
    ("adjusted", "调整后预算数", "全年预算数"),
    ("executed", "预算执行数", "全年执行数"),
)
_PART: Final = Part.PROJECTS
_UNIT: Final = Decimal(1)


def _total_label(project: Project) -> str:
    return "年度资金总额" if project.layout is Layout.CENTRAL else "总额"


def fund_sum_checks(i: int, project: Project) -> tuple[SumCheck, ...]:
    """The identities 总额 = Σ the other rows of project ``i``'s money block, one per phase, as data.

    >>> from budgetkit.model.project import FundGrid, FundLine
    >>> p = Project(name="示例", kind="特定目标类", funds=FundGrid(lines=(
    ...     FundLine(source="年度资金总额", initial="12.00"), FundLine(source="当年财政拨款", initial="10.00"),
    ...     FundLine(source="上年结转资金", initial="1.00"))))
    >>> [(c.what, c.complete) for c in fund_sum_checks(0, p)]
    [('示例的总额年初预算', True), ('示例的总额调整后预算数', False), ('示例的总额预算执行数', False)]
    """
    grid = project.funds
    total_at = next((j for j, line in enumerate(grid.lines) if line.source is FundSource.TOTAL), None)
    if total_at is None or not grid.parts:
        return ()
    central = project.layout is Layout.CENTRAL
    checks = []
    for field, sichuan, central_label in _PHASES:
        label = central_label if central else sichuan
        total: Money | None = getattr(grid.lines[total_at], field)
        parts = tuple((line.source.value, getattr(line, field)) for line in grid.parts)
        checks.append(
            SumCheck(
                "selfeval.fund_sum",
                f"projects[{i}].funds.lines[{total_at}].{field}",
                f"{project.label}的{_total_label(project)}{label}",
                f"{project.label}: {_total_label(project)} {field}",
                total,
                parts,
                _PART,
            )
        )
    return tuple(checks)


def _exceeding(ctx: Context, check: SumCheck) -> Finding | None:
    """A column with blank rows: the printed rows alone must not exceed the total (amounts are ≥ 0)."""
    total = check.total
    printed = [(label, amount) for label, amount in check.parts if amount is not None]
    if total is None or not printed:
        return None
    low = Interval.exact(0)
    for _, amount in printed:
        low = low + ctx.published(amount)
    high = ctx.published(total)
    assert low.lo is not None and high.hi is not None
    if low.lo < high.hi or (low.lo == high.hi and not (low.lo_open or high.hi_open)):
        return None
    shown = "、".join(f"{label}{format_plain(amount)}" for label, amount in printed)
    summed = Money.sum([amount for _, amount in printed]).amount
    return ctx.finding(
        "selfeval.fund_sum",
        check.path,
        stated=total.amount,
        expected=f"≥{format_plain(summed)}",  # a lower bound, as text: blank rows may add to it
        variant="exceeding",
        what=Words(check.what, check.what_en),
        summed=summed,
        labels=Words(shown, shown),
    )


def is_unfilled(project: Project) -> bool:
    """Whether a self-evaluation table was printed but never filled in: no amount, completion or score.

    >>> is_unfilled(Project(name="空表", kind="特定目标类")), is_unfilled(Project(name="x", kind="特定目标类",
    ...     stated_total=90))
    (True, False)
    """
    if not project.evaluated:
        return False
    if project.execution_score is not None or project.stated_total is not None:  # the usual case, asked first
        return False
    amounts = any(getattr(line, field) is not None for line in project.funds.lines for field, _, _ in _PHASES)
    rows = any(ind.actual is not None or ind.stated_score is not None for ind in project.indicators)
    return not (amounts or rows)


def funds_add_up(project: Project) -> bool:
    """Whether a table's money block certainly gives no ``selfeval.fund_sum`` finding, decided exactly and without
    wording anything: in each phase the printed rows add up to the printed 总额, or there is nothing to check (no
    总额, no row, or no row printed). Otherwise :func:`fund_findings` decides.

    >>> from budgetkit.model.project import FundGrid, FundLine
    >>> grid = FundGrid(lines=(FundLine(source="总额", initial="12.00"), FundLine(source="当年财政拨款",
    ...     initial="10.00"), FundLine(source="上年结转资金", initial="2")))
    >>> funds_add_up(Project(name="x", kind="特定目标类", funds=grid))
    True
    """
    lines = project.funds.lines
    total: FundLine | None = None
    for line in lines:
        if line.source is FundSource.TOTAL:
            total = line
            break
    if total is None or len(lines) < 2:  # sources are unique: every other line is a part
        return True
    parts = [line for line in lines if line is not total]
    for printed, amounts in (
        (total.initial, [line.initial for line in parts]),
        (total.adjusted, [line.adjusted for line in parts]),
        (total.executed, [line.executed for line in parts]),
    ):  # the phases of _PHASES, read directly
        if printed is None:
            continue
        summed, blank = Decimal(0), 0
        for amount in amounts:
            if amount is None:
                blank += 1
            else:
                summed = EXACT.add(summed, amount.amount)  # as Money.sum does
        if blank:
            if blank < len(amounts):
                return False  # a blank row: the printed rows must not exceed 总额, decided by the rule
            continue
        if summed != printed.amount:
            return False
    return True


def _variant(ctx: Context, path: str, project: Project, score: ProjectScore) -> Iterator[Finding]:
    if score.variant_fits:
        return
    rules = score.rules
    yield ctx.finding(
        "selfeval.variant_fit",
        f"{path}.execution_weight",
        stated=project.execution_weight,  # never None here: a table without the row fits every variant
        expected=rules.execution_weight,
        label=project.label,
        scoring=rules.name,
        description=rules.description,
    )


def _whole_stated(stated: Decimal | None, whole_places: bool) -> bool:
    """Whether a stated score is printed in whole points and compared at its own precision."""
    if not whole_places or stated is None:
        return False
    return stated.same_quantum(_UNIT) or places_of(stated) == 0  # "12" (as printed, the usual case) or "1.2E+1"


def _indicator(
    ctx: Context, path: str, label: str, ind: PerformanceIndicator, rules: ScoringRules, whole_places: bool
) -> Finding | None:
    """The one finding an indicator may give: its text 完成值 scored, or its whole-point score explained."""
    stated, actual = ind.stated_score, ind.actual_value  # each read once
    if ind.operator is Operator.QUALITATIVE:
        return None
    if actual is None:
        if ind.actual is not None and stated is not None and stated > 0 and ind.target_value is not None:
            return ctx.finding(
                "selfeval.text_actual",
                f"{path}.actual",
                stated=ind.actual,
                expected=f"{ind.operator.value}{ind.target}{ind.unit}",  # the target as printed
                label=label,
                indicator=ind.name,
                score=stated,
            )
        return None
    if not _whole_stated(stated, whole_places):
        return None  # scored only where a whole-point note can come of it
    assert stated is not None
    # score_indicator(ind, rules) decides from its exact score alone: its explanation is worded only for a note
    formula = apply_formula(ind, rules)
    if formula is None:
        return None
    exact = formula.exact
    if exact is None or exact.denominator == 1 or not agrees_at(exact, stated, ind.weight, 0):
        return None
    rule = round_half_up(exact, 2)  # IndicatorScore.rule_rounded(2)
    return ctx.finding(
        "selfeval.whole_points",
        f"{path}.stated_score",
        stated=stated,
        expected=rule,
        label=label,
        indicator=ind.name,
        explanation=LaterWords(_explained, ind, formula, rule),  # worded with the message, when it is read
    )


def _explained(ind: PerformanceIndicator, formula: Formula, shown: Decimal) -> Words:
    text = explain(ind, formula, shown)
    return Words(text, text)  # the rule's explanation is Chinese in both messages


def _execution(ctx: Context, path: str, project: Project, score: ProjectScore, whole_places: bool) -> Iterator[Finding]:
    stated = project.execution_score
    if not _whole_stated(stated, whole_places) or not score.execution_matches:
        return
    rule, exact = score.execution_rule_score, score.execution_score
    if stated is None or rule is None or exact is None or rule == rule.to_integral_value():
        return
    yield ctx.finding(
        "selfeval.whole_points",
        f"{path}.execution_score",
        stated=stated,
        expected=exact,
        variant="execution",
        label=project.label,
        rate=describe_rate(score.execution_rate),
    )


def fund_findings(ctx: Context, i: int) -> Iterator[Finding]:
    """The fund-sum findings of project ``i``'s table (总额 = Σ the rows below it), without scoring anything."""
    project = ctx.account.projects[i]
    if not project.evaluated or is_unfilled(project) or funds_add_up(project):
        return
    for check in fund_sum_checks(i, project):
        if check.complete:
            yield from check.findings(ctx.zero_is_exact)
        elif (finding := _exceeding(ctx, check)) is not None:
            yield finding


def indicator_findings(ctx: Context, i: int, j: int) -> Iterator[Finding]:
    """The findings of indicator ``j`` of project ``i``'s table alone, as :func:`project_findings` gives them
    (none when the table is not evaluated or was never filled in)."""
    project = ctx.account.projects[i]
    if not project.evaluated or is_unfilled(project):
        return
    rules: ScoringRules = ctx.scoring_rules
    path = f"projects[{i}].indicators[{j}]"
    finding = _indicator(ctx, path, project.label, project.indicators[j], rules, rules.score_places is None)
    if finding is not None:
        yield finding


def screened_findings(ctx: Context, i: int, indicators: Iterable[int] = (), *, funds: bool = True) -> list[Finding]:
    """The findings of project ``i``'s table where screens have flagged none of the table's own rows and, of its
    indicators, only ``indicators`` (:func:`screen_projects`, :func:`screen_indicators`): its fund sums (unless
    ``funds`` is false: :func:`screen_funds` found that they add up), then the findings of those indicators, as
    :func:`project_findings` gives them. One call per table, not one per indicator."""
    project = ctx.account.projects[i]
    if not project.evaluated or is_unfilled(project):
        return []
    found = list(fund_findings(ctx, i)) if funds else []
    rules: ScoringRules = ctx.scoring_rules
    whole_places, label, rows = rules.score_places is None, project.label, project.indicators
    for j in indicators:
        finding = _indicator(ctx, f"projects[{i}].indicators[{j}]", label, rows[j], rules, whole_places)
        if finding is not None:
            found.append(finding)
    return found


def project_findings(ctx: Context, i: int) -> Iterator[Finding]:
    """The findings of project ``i``'s self-evaluation table under this rule (none when not evaluated).

    Indicators are scored only where a whole-point note can come of it (a stated score in whole points).
    """
    project = ctx.account.projects[i]
    if not project.evaluated:
        return
    path = f"projects[{i}]"
    if is_unfilled(project):
        yield ctx.finding("selfeval.unfilled", path, label=project.label)
        return
    yield from fund_findings(ctx, i)
    rules: ScoringRules = ctx.scoring_rules
    execution = ProjectScore(project=project, rules=rules, indicators=())  # the execution row only
    yield from _variant(ctx, path, project, execution)
    whole_places = rules.score_places is None
    for j, ind in enumerate(project.indicators):
        finding = _indicator(ctx, f"{path}.indicators[{j}]", project.label, ind, rules, whole_places)
        if finding is not None:
            yield finding
    yield from _execution(ctx, path, project, execution, whole_places)


def selfeval_findings(ctx: Context) -> Iterator[Finding]:
    """The findings of every self-evaluation table of the account, project by project."""
    for i in range(len(ctx.account.projects)):
        yield from project_findings(ctx, i)


RULES = (
    Rule(
        code="selfeval",
        title="自评表（四川、附件1）：总额=各资金来源之和、未填写的表、文字完成值得分、评分口径不适用、整数得分",
        title_en="Self-evaluation tables (Sichuan, 附件1): total = Σ fund rows, unfilled tables, text actuals "
        "scored, variants that do not fit, whole-point scores",
        func=selfeval_findings,
        source="DOMAIN.md §2, §5–§6 [rule, practice]; 财预〔2020〕10号 附件1 [recalled]",
        codes=(
            "selfeval.fund_sum",
            "selfeval.unfilled",
            "selfeval.text_actual",
            "selfeval.variant_fit",
            "selfeval.whole_points",
            "rounding.residue",
        ),
    ),
)


_MILLION = 10**6
_OPERATOR_INDEX = {op: k for k, op in enumerate(OPERATORS)}


def screen_tables(p: Columns, c: Columns) -> BoolArray:
    """Which self-evaluation tables may give a finding besides fund sums (conservative), under the default rules:
    the vectorised twin of :func:`selfeval_findings` for the batch.

    ``p`` holds one row per table and ``c`` one per indicator (the batch's columns: millionths beside printed
    exponents). Flagged: a table :func:`screen_projects` flags, or one with an indicator :func:`screen_indicators`
    flags.
    """
    import numpy as np

    flagged: BoolArray = screen_projects(p) | (
        segment_sums(screen_indicators(c).astype(np.int64), p["n_indicators"].astype(np.int64)) > 0
    )
    return flagged


def screen_funds(p: Columns) -> BoolArray:
    """Which tables' money blocks may give a ``selfeval.fund_sum`` finding (conservative): the vectorised twin of
    :func:`funds_add_up`. ``p`` holds one row per table: 总额 per phase (millionths beside printed exponents) and,
    below it, how many rows there are (``n_parts``, -1 when the columns cannot hold them) and per phase the sum of
    the printed ones and how many are blank. An unflagged table's printed rows add up to its 总额 exactly in every
    phase, or there is nothing to check, so :func:`fund_findings` gives nothing for it."""
    import numpy as np

    n = p["n_parts"]
    flagged = n < 0
    for phase, _, _ in _PHASES:
        printed = (p[f"{phase}_exp"] != UNKNOWN) & (n > 0)
        blank = p[f"blank_{phase}"]
        # some rows blank: the printed ones must not exceed 总额, which the rule decides; none blank: Σ = 总额
        flagged |= printed & np.where(blank > 0, blank < n, p[f"parts_{phase}"] != p[phase])
    result: BoolArray = flagged
    return result


def screen_projects(p: Columns) -> BoolArray:
    """Which tables may give a finding from their own rows (conservative), under the default rules: a variant
    that does not fit, a table that may be unfilled, an execution score in whole points that the rule may not give
    in whole points. An unflagged table gives at most its fund sums and the findings of its indicators."""
    from budgetkit.checks.scoring import DEFAULT_RULES as SCORING

    flagged = ~p["representable"]
    weight_known = p["exec_weight_exp"] != UNKNOWN
    flagged |= weight_known & (p["exec_weight"] != int(SCORING.execution_weight) * _MILLION)
    flagged |= (p["exec_score_exp"] == UNKNOWN) & (p["stated_total_exp"] == UNKNOWN)
    whole = SCORING.score_places is None
    executed, adjusted = p["executed"], p["adjusted"]
    defined = (p["executed_exp"] != UNKNOWN) & (p["adjusted_exp"] != UNKNOWN) & (adjusted != 0)
    partly = defined & ~((executed >= adjusted) & (adjusted > 0))  # a full execution scores the whole 10
    flagged |= whole & (p["exec_score_exp"] != UNKNOWN) & (p["exec_score_exp"] >= 0) & partly
    result: BoolArray = flagged
    return result


def screen_indicators(c: Columns) -> BoolArray:
    """Which indicators may give a finding (conservative), under the default rules: a stated score in whole points
    that the rule may not give in whole points (not a met target of whole weight), a 完成值 that is text; an
    unflagged indicator gives none (:func:`indicator_findings`)."""
    import numpy as np

    from budgetkit.checks.scoring import DEFAULT_RULES as SCORING

    whole = SCORING.score_places is None
    op, target, actual, weight = c["op"], c["target"], c["actual"], c["weight"]
    qualitative = op == _OPERATOR_INDEX[Operator.QUALITATIVE]
    stated_known = c["stated_exp"] != UNKNOWN
    text_actual = ~c["missing"] & (c["actual_exp"] == UNKNOWN)
    ind = ~c["representable"] | (text_actual & ~qualitative & stated_known)
    met = np.where(
        op == _OPERATOR_INDEX[Operator.MORE_THAN],
        actual > target,
        np.where(
            op == _OPERATOR_INDEX[Operator.LESS_THAN],
            actual < target,
            np.where(op == _OPERATOR_INDEX[Operator.AT_MOST], actual <= target, actual >= target),
        ),
    )
    numeric = (c["target_exp"] != UNKNOWN) & (c["actual_exp"] != UNKNOWN)
    whole_stated = stated_known & (c["stated_exp"] >= 0)
    ind |= whole & whole_stated & numeric & ~qualitative & ~(met & (weight % _MILLION == 0) & (target != 0))
    result: BoolArray = ind
    return result
