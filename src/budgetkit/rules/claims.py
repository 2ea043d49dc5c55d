"""Claims and change explanations: every derived figure the report prints, recomputed.

A claim is consistent when it is reachable from the printed figures it is
derived from, each taken as the interval of values that round to it
(DOMAIN.md §2). An unreachable claim is an error, unless it is explained by
truncation instead of rounding (``rounding.truncated``) or by shares nudged to
add up to 100% (``rounding.nudged``), which are warnings of their own. A rate
whose base is zero is undefined; stating it as a number is ``rate.zero_base``.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from budgetkit.account import Figure, FinalAccount
from budgetkit.category import ExpenseCategory
from budgetkit.claim import Claim, ClaimKind, PathError, resolve
from budgetkit.context import Context, fmt, make_finding
from budgetkit.finding import Finding, Part, Rule, Severity
from budgetkit.interval import Interval
from budgetkit.money import Money
from budgetkit.numbers import places_of, to_decimal
from budgetkit.project import Project
from budgetkit.ratio import NOT_COMPARABLE
from budgetkit.rules._sums import SumCheck

__all__ = [
    "RULES",
    "ChangeCheck",
    "claim_findings",
    "explanation_checks",
    "fund_line_findings",
    "part_of",
    "relabel_nudged",
]

_KIND_ZH = {
    ClaimKind.AMOUNT: "金额",
    ClaimKind.CHANGE: "增减额",
    ClaimKind.GROWTH: "增长率",
    ClaimKind.SHARE: "占比",
    ClaimKind.COMPLETION: "完成率",
    ClaimKind.RATIO: "比率",
    ClaimKind.COUNT: "数量",
    ClaimKind.SUM: "合计",
    ClaimKind.SCORE: "得分",
}

_SECTION_PARTS = (
    ("一", Part.TOTALS),
    ("二", Part.INCOME),
    ("三", Part.EXPENDITURE),
    ("四", Part.FISCAL),
    ("五", Part.GENERAL_BUDGET),
    ("六", Part.GENERAL_BUDGET),
    ("七", Part.THREE_PUBLIC),
    ("八", Part.FISCAL),
    ("九", Part.FISCAL),
    ("十（四）", Part.PERFORMANCE),
    ("十", Part.OTHER),
    ("项目", Part.PROJECTS),
    ("图", Part.CHARTS),
)


def part_of(section: str) -> Part:
    """The report part a section label belongs to."""
    for prefix, part in _SECTION_PARTS:
        if section.startswith(prefix) and not (prefix == "十" and section.startswith("十（四）")):
            return part
    return Part.OTHER


_HUNDRED = Interval.exact(100)


def _interval(ctx: Context, value: Any) -> Interval | None:
    """The printed-precision interval of a model value (None when unknown)."""
    if value is None:
        return None
    if isinstance(value, Money | Decimal):
        return ctx.published(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Interval.exact(value)
    if isinstance(value, Figure):
        return _interval(ctx, value.current)
    if isinstance(value, ExpenseCategory):
        if value.actual is not None:
            return ctx.published(value.actual)
        total = Interval.exact(0)
        for child in value.children:
            part = _interval(ctx, child)
            if part is None:
                return None
            total = total + part
        return total if value.children else None
    if isinstance(value, Project):
        return _interval(ctx, value.funds.total.executed)
    return None


def _point(value: Any) -> Fraction | None:
    """The printed value itself, exactly (None when unknown)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, Money):
        return Fraction(value.amount)
    if isinstance(value, Decimal | int):
        return Fraction(value)
    if isinstance(value, Figure):
        return _point(value.current)
    if isinstance(value, ExpenseCategory):
        amount = value.actual if value.actual is not None else value.rolled_up()
        return _point(amount)
    if isinstance(value, Project):
        return _point(value.funds.total.executed)
    return None


def _operand(ctx: Context, spec: str) -> Any:
    """A literal printed number, or the model value at a path."""
    try:
        number = to_decimal(spec)
    except ValueError:
        return resolve(ctx.account, spec)
    # A whole literal ("757人") is an exact count; one with decimals was rounded.
    return int(number) if places_of(number) == 0 and "." not in spec else number


class _Judge:
    """Compares a claim with the interval of values the printed figures allow."""

    def __init__(self, ctx: Context, claim: Claim, path: str) -> None:
        self.ctx = ctx
        self.claim = claim
        self.path = path
        self.stated = claim.stated
        self.places = places_of(claim.stated)
        self.part = part_of(claim.section)
        self.where = (
            f"（{claim.section}：{claim.text}）" if claim.text else (f"（{claim.section}）" if claim.section else "")
        )

    def stated_interval(self) -> Interval:
        # A stated amount, count or sum of 0 means "none"; a derived 0.00 (a change, a rate) is a rounding.
        exact_zero = self.ctx.zero_is_exact and self.claim.kind in (ClaimKind.AMOUNT, ClaimKind.COUNT, ClaimKind.SUM)
        return Interval.published(self.stated, zero_is_exact=exact_zero)

    def truncation_interval(self) -> Interval:
        unit = Fraction(1, 10**self.places)
        v = Fraction(self.stated)
        if v >= 0:
            return Interval(v, v + unit, False, True)
        return Interval(v - unit, v, True, False)

    def verdict(self, truth: Interval, point: Fraction | None, unit: str) -> Finding | None:
        """None when reachable; otherwise a truncation warning or an error."""
        if truth.overlaps(self.stated_interval()):
            return None
        expected = fmt(point, self.places) if point is not None else truth.describe()
        kind = self.claim.kind
        subject = self.claim.subject
        if truth.overlaps(self.truncation_interval()) and (self.places > 0 or kind is not ClaimKind.COUNT):
            return self.ctx.finding(
                "rounding.truncated",
                Severity.WARNING,
                self.path,
                f"{_KIND_ZH[kind]}{self.stated}{unit}{self.where}是截断而非四舍五入的结果，按四舍五入应为{expected}{unit}",
                f"{kind.value} {self.stated} of {subject} was truncated, not rounded half-up; expected {expected}",
                stated=self.stated,
                expected=expected,
                part=self.part,
            )
        return self.ctx.finding(
            f"claim.{kind.value}",
            Severity.ERROR,
            self.path,
            f"{_KIND_ZH[kind]}{self.stated}{unit}{self.where}与数据不符，按已公布数据应为{expected}{unit}"
            f"（可成立区间{truth.describe()}）",
            f"stated {kind.value} {self.stated} of {subject} does not follow from the published figures; "
            f"expected {expected} (reachable {truth.describe()})",
            stated=self.stated,
            expected=expected,
            part=self.part,
        )

    def zero_base(self, what: str) -> Finding | None:
        return self.ctx.finding(
            "rate.zero_base",
            Severity.WARNING,
            self.path,
            f"{what}的基数为0，比率无定义，不应写作{self.stated}%{self.where}，应写作“{NOT_COMPARABLE}”或不写比率",
            f"the base of this rate is zero, so the rate is undefined; it is stated as {self.stated}% "
            f"instead of '{NOT_COMPARABLE}'",
            stated=self.stated,
            expected=NOT_COMPARABLE,
            part=self.part,
        )


def _ratio_claim(judge: _Judge, num: Any, den: Any, what: str) -> Iterator[Finding]:
    ctx = judge.ctx
    n, d = _interval(ctx, num), _interval(ctx, den)
    if n is None or d is None:
        return
    pn, pd = _point(num), _point(den)
    if d.lo == 0 and d.hi == 0:
        zero = judge.zero_base(what)
        if zero is not None:
            yield zero
        return
    truth = n / d * 100
    point = pn / pd * 100 if pn is not None and pd else None
    found = judge.verdict(truth, point, "%")
    if found is not None:
        yield found


def _previous_interval(ctx: Context, figure: Figure, subject: str) -> tuple[Interval, Fraction] | None:
    """Last year's value: printed, or implied by a change claim on the same subject."""
    if figure.previous is not None:
        return ctx.published(figure.previous), Fraction(figure.previous.amount)
    if figure.current is None:
        return None
    for claim in ctx.account.claims:
        if claim.kind is ClaimKind.CHANGE and claim.subject == subject:
            change = Interval.published(claim.stated, zero_is_exact=ctx.zero_is_exact)
            return ctx.published(figure.current) - change, Fraction(figure.current.amount) - Fraction(claim.stated)
    return None


def claim_findings(ctx: Context, index: int, claim: Claim) -> Iterator[Finding]:
    """The findings of one claim, ``ctx.account.claims[index]``, before :func:`relabel_nudged`."""
    path = f"claims[{index}]"
    judge = _Judge(ctx, claim, path)
    kind = claim.kind
    try:
        subject = _operand(ctx, claim.subject)
        base = _operand(ctx, claim.base) if claim.base else None
    except PathError as exc:
        yield ctx.finding(
            "claim.unresolved",
            Severity.ERROR,
            path,
            f"声明所指的数据不存在：{exc}",
            f"the claim's subject does not exist: {exc}",
            stated=claim.subject,
            part=judge.part,
        )
        return
    if kind is ClaimKind.AMOUNT:
        truth = _interval(ctx, subject)
        if truth is not None:
            found = judge.verdict(truth, _point(subject), "万元")
            if found is not None:
                yield found
    elif kind in (ClaimKind.CHANGE, ClaimKind.GROWTH):
        if not isinstance(subject, Figure) or subject.current is None:
            return
        prev = (
            _previous_interval(ctx, subject, claim.subject)
            if kind is ClaimKind.GROWTH
            else (
                (ctx.published(subject.previous), Fraction(subject.previous.amount))
                if subject.previous is not None
                else None
            )
        )
        if prev is None:
            return
        cur, cur_point = ctx.published(subject.current), Fraction(subject.current.amount)
        prev_interval, prev_point = prev
        if kind is ClaimKind.CHANGE:
            found = judge.verdict(cur - prev_interval, cur_point - prev_point, "万元")
        elif prev_interval.lo == 0 and prev_interval.hi == 0:
            found = judge.zero_base("上年数")
        else:
            base_interval = prev_interval if prev_point >= 0 else -prev_interval
            truth = (cur - prev_interval) / base_interval * 100
            point = (cur_point - prev_point) / abs(prev_point) * 100 if prev_point else None
            found = judge.verdict(truth, point, "%")
        if found is not None:
            yield found
    elif kind is ClaimKind.SHARE:
        yield from _ratio_claim(judge, subject, base, "占比")
    elif kind is ClaimKind.RATIO:
        yield from _ratio_claim(judge, subject, base, "比率")
    elif kind is ClaimKind.COMPLETION:
        if isinstance(subject, Project):
            total = subject.funds.total
            if total.executed is not None and total.adjusted is not None:
                yield from _ratio_claim(judge, total.executed, total.adjusted, "预算执行率")
        elif isinstance(subject, Figure | ExpenseCategory):
            actual = subject.current if isinstance(subject, Figure) else subject.actual
            if actual is not None and subject.budget is not None:
                yield from _ratio_claim(judge, actual, subject.budget, "完成预算")
    elif kind is ClaimKind.COUNT:
        if isinstance(subject, tuple) and Decimal(len(subject)) != claim.stated:
            yield ctx.finding(
                "claim.count",
                Severity.ERROR,
                path,
                f"数量{claim.stated}{judge.where}与明细不符，明细共{len(subject)}项",
                f"stated count {claim.stated} of {claim.subject} differs from the {len(subject)} listed",
                stated=claim.stated,
                expected=len(subject),
                part=judge.part,
            )
    elif kind is ClaimKind.SUM:
        yield from _sum_claim(ctx, judge, subject)
    elif kind is ClaimKind.SCORE:
        yield from _score_claim(ctx, judge, subject)


def _sum_claim(ctx: Context, judge: _Judge, subject: Any) -> Iterator[Finding]:
    values = subject if isinstance(subject, tuple) else (subject,)
    if not values or any(v is None for v in values):
        return
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        total = sum(values)
        if Decimal(total) != judge.stated:
            yield ctx.finding(
                "claim.sum",
                Severity.ERROR,
                judge.path,
                f"合计{judge.stated}{judge.where}与明细之和{total}不符",
                f"stated sum {judge.stated} of {judge.claim.subject} differs from the listed total {total}",
                stated=judge.stated,
                expected=total,
                part=judge.part,
            )
        return
    truth = Interval.exact(0)
    point = Fraction(0)
    for v in values:
        iv, pv = _interval(ctx, v), _point(v)
        if iv is None or pv is None:
            return
        truth, point = truth + iv, point + pv
    found = judge.verdict(truth, point, "万元")
    if found is not None:
        yield found


def _score_claim(ctx: Context, judge: _Judge, subject: Any) -> Iterator[Finding]:
    projects = subject if isinstance(subject, tuple) else (subject,)
    projects = tuple(p for p in projects if isinstance(p, Project))
    totals = [p.stated_total for p in projects]
    if not projects or any(t is None for t in totals):
        return
    stated = judge.stated_interval()
    if len(projects) == 1:
        total = totals[0]
        assert total is not None
        if not stated.overlaps(ctx.published(total)):
            yield ctx.finding(
                "claim.score",
                Severity.ERROR,
                judge.path,
                f"文字中的自评分{judge.stated}分{judge.where}与自评表合计得分{total}分不一致",
                f"the text states a score of {judge.stated} but the table's total is {total}",
                stated=judge.stated,
                expected=total,
                part=judge.part,
            )
        return
    exact = [Fraction(t) for t in totals if t is not None]
    mean = sum(exact, Fraction(0)) / len(exact)
    weights = [_point(p.funds.total.executed) for p in projects]
    candidates = [("算术平均", "mean", mean)]
    known = [w for w in weights if w is not None]
    if len(known) == len(weights) and sum(known, Fraction(0)):
        weighted = sum((w * t for w, t in zip(known, exact, strict=True)), Fraction(0)) / sum(known, Fraction(0))
        candidates.append(("按执行数加权平均", "weighted by executed amount", weighted))
    if any(stated.contains(value) for _, _, value in candidates):
        return
    shown = "；".join(f"{zh}{fmt(value, 2)}分" for zh, _, value in candidates)
    shown_en = "; ".join(f"{en} {fmt(value, 2)}" for _, en, value in candidates)
    yield ctx.finding(
        "claim.overall_score",
        Severity.WARNING,
        judge.path,
        f"项目绩效自评分{judge.stated}分{judge.where}无法由{len(projects)}张自评表的得分得出（{shown}），请说明计算口径",
        f"the overall score {judge.stated} does not follow from the {len(projects)} tables' totals ({shown_en})",
        stated=judge.stated,
        expected=shown,
        part=judge.part,
    )


def relabel_nudged(ctx: Context, findings: list[tuple[int, Finding]]) -> list[tuple[int, Finding]]:
    """Re-label share errors as ``rounding.nudged`` when the shares were adjusted to total 100%.

    ``findings`` pairs each claim finding with the index of its claim, in claim order.
    """
    claims = ctx.account.claims
    groups: dict[tuple[str | None, str], list[int]] = defaultdict(list)
    for i, claim in enumerate(claims):
        if claim.kind is ClaimKind.SHARE:
            groups[(claim.base, claim.section)].append(i)
    result = []
    for index, finding in findings:
        claim = claims[index]
        group = groups.get((claim.base, claim.section), [])
        nudgeable = finding.rule == "claim.share" or (
            finding.rule == "rounding.truncated" and claim.kind is ClaimKind.SHARE
        )
        if nudgeable and len(group) > 1 and finding.expected is not None:
            total = sum((claims[i].stated for i in group), Decimal(0))
            unit = Decimal(1).scaleb(-places_of(claim.stated))
            try:
                off = abs(Decimal(finding.expected) - claim.stated)
            except ArithmeticError:
                off = Decimal(-1)
            if total == 100 and off == unit:
                finding = ctx.finding(
                    "rounding.nudged",
                    Severity.WARNING,
                    finding.path,
                    f"占比{claim.stated}%（{claim.section}：{claim.text}）按四舍五入应为{finding.expected}%；"
                    f"为使各项占比合计为100%而人为调整了尾数",
                    f"the share {claim.stated}% should round to {finding.expected}%; it was nudged so that the "
                    "printed shares add up to 100%",
                    stated=claim.stated,
                    expected=finding.expected,
                    part=finding.part,
                )
        result.append((index, finding))
    return result


def _claims(ctx: Context) -> Iterator[Finding]:
    found: list[tuple[int, Finding]] = []
    for i, claim in enumerate(ctx.account.claims):
        found.extend((i, f) for f in claim_findings(ctx, i, claim))
    for _, finding in relabel_nudged(ctx, found):
        yield finding


@attrs.frozen
class ChangeCheck:
    """An explained change against the change of the figures it explains, as data."""

    path: str
    part: Part
    section: str
    change: Money
    current: Money
    previous: Money

    def findings(self, zero_is_exact: bool = True) -> Iterator[Finding]:
        """An error when the explained change is unreachable from the two printed figures."""
        published = functools.partial(Interval.published, zero_is_exact=zero_is_exact)
        truth = published(self.current.amount) - published(self.previous.amount)
        if not truth.overlaps(published(self.change.amount)):
            expected = self.current - self.previous
            yield make_finding(
                "explanation.change",
                Severity.ERROR,
                self.path,
                f"{self.section}：变动原因所解释的变动额{self.change.amount}万元与实际变动{expected.amount}万元不符",
                f"the explained change {self.change.amount} differs from the actual change {expected.amount}",
                stated=self.change.amount,
                expected=expected.amount,
                part=self.part,
            )


def explanation_checks(account: FinalAccount) -> Iterator[SumCheck | ChangeCheck]:
    """Every test of the change explanations of ``account`` as data, in the order the rule reports them.

    >>> from budgetkit import synthetic
    >>> [type(c).__name__ for c in explanation_checks(synthetic.generate(1))]
    ['SumCheck', 'ChangeCheck']
    """
    for i, exp in enumerate(account.explanations):
        path = f"explanations[{i}]"
        part = part_of(exp.section)
        if exp.contributions:  # a change explained only in words has no amounts to add up
            yield SumCheck(
                "explanation.sum",
                path,
                f"{exp.section}：变动额",
                f"explained change of {exp.subject}",
                exp.change,
                tuple((c.label, c.amount) for c in exp.contributions),
                part,
            )
        for j, contribution in enumerate(exp.contributions):
            if contribution.parts:
                yield SumCheck(
                    "explanation.sum",
                    f"{path}.contributions[{j}]",
                    f"{exp.section}：{contribution.label}",
                    contribution.label,
                    contribution.amount,
                    tuple((p.label, p.amount) for p in contribution.parts),
                    part,
                )
        try:
            figure = resolve(account, exp.subject)
        except PathError:
            continue
        if isinstance(figure, Figure) and figure.current is not None and figure.previous is not None:
            yield ChangeCheck(path, part, exp.section, exp.change, figure.current, figure.previous)


def _explanations(ctx: Context) -> Iterator[Finding]:
    for check in explanation_checks(ctx.account):
        yield from check.findings(ctx.zero_is_exact)


def fund_line_findings(ctx: Context, i: int, j: int) -> Iterator[Finding]:
    """The findings of the stated execution rate of line ``j`` of project ``i``'s money grid."""
    project = ctx.account.projects[i]
    line = project.funds.lines[j]
    if line.stated_rate is None or line.executed is None or line.adjusted is None:
        return
    claim = Claim(
        kind="ratio",
        subject=str(line.executed.amount),
        base=str(line.adjusted.amount),
        stated=line.stated_rate,
        text=f"{line.source.value}预算执行率",
        section=f"项目:{project.label}",
    )
    judge = _Judge(ctx, claim, f"projects[{i}].funds.lines[{j}].stated_rate")
    yield from _ratio_claim(judge, line.executed, line.adjusted, f"{project.label}的{line.source.value}预算执行率")


def _fund_lines(ctx: Context) -> Iterator[Finding]:
    for i, project in enumerate(ctx.account.projects):
        for j in range(len(project.funds.lines)):
            yield from fund_line_findings(ctx, i, j)


RULES = (
    Rule(
        code="explanation",
        title="变动原因中各项增减之和等于所解释的变动额",
        title_en="Change explanations add up to the change they explain",
        func=_explanations,
        source="DOMAIN.md §3 [rule]",
        codes=("explanation.sum", "explanation.change", "rounding.residue"),
    ),
    Rule(
        code="claim",
        title="文字中的增减额、增长率、占比、完成率、数量、合计和得分可由数据得出",
        title_en="Stated changes, growth rates, shares, completion rates, counts, sums and scores follow from the data",
        func=_claims,
        source="DOMAIN.md §2, §7 [practice]",
        codes=(
            "claim.amount",
            "claim.change",
            "claim.growth",
            "claim.share",
            "claim.completion",
            "claim.ratio",
            "claim.count",
            "claim.sum",
            "claim.score",
            "claim.overall_score",
            "claim.unresolved",
            "rounding.truncated",
            "rounding.nudged",
            "rate.zero_base",
        ),
    ),
    Rule(
        code="funds",
        title="自评表中各资金来源的预算执行率可由执行数和调整后预算数得出",
        title_en="Each fund line's execution rate follows from its executed and adjusted amounts",
        func=_fund_lines,
        source="DOMAIN.md §5 [rule]",
        codes=("claim.ratio", "rounding.truncated", "rate.zero_base"),
    ),
)
