"""Claims and change explanations: every derived figure the report prints, recomputed.

A claim is consistent when it is reachable from the printed figures it is
derived from, each taken as the interval of values that round to it
(DOMAIN.md §2). An unreachable claim is an error, unless it is explained by
truncation instead of rounding (``rounding.truncated``) or by shares nudged to
add up to 100% (``rounding.nudged``), which are warnings of their own. A rate
whose base is zero is undefined; stating it as a number is ``rate.zero_base``. A
base that may be zero and need not be (last year implied by a stated change:
this year − 增加 D) gives rates far from zero only; a stated rate none of them
reaches is ``rate.zero_base`` when the printed figures make the base 0 (增加
307.82 of 307.82, 增长 100.00%), else the claim's error.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Any, Final

import attrs

from budgetkit.checks.context import Context, Rule, make_finding
from budgetkit.checks.finding import Finding, Part, Words
from budgetkit.checks.rules.forms import (
    ClaimForm,
    FormKind,
    Outcome,
    Term,
    UnknownFormError,
    decide,
    overlaps_units,
    term_interval,
    term_point,
)
from budgetkit.checks.rules.sums import SumCheck
from budgetkit.checks.section import SectionParts
from budgetkit.model.account import Figure, FinalAccount
from budgetkit.model.category import ExpenseCategory
from budgetkit.model.claim import Claim, ClaimKind, PathError
from budgetkit.model.paths import ModelIndex
from budgetkit.model.project import FundLine, Project
from budgetkit.reference.vocabulary import CLAIM_KIND_LABELS, FIGURE_LABELS, NOT_COMPARABLE
from budgetkit.values.interval import Interval
from budgetkit.values.money import Money
from budgetkit.values.numbers import places_of, round_half_up, to_decimal
from budgetkit.values.wording import format_plain

__all__ = [
    "RULES",
    "ChangeCheck",
    "claim_findings",
    "claim_form",
    "explanation_checks",
    "fund_line_findings",
    "fund_line_form",
    "operand_terms",
    "relabel_nudged",
    "unchecked_completions",
]


def operand_terms(value: Any) -> tuple[Term, ...] | None:
    """The printed figures a claim operand stands for, as terms of a form (None when unknown).

    A category line without its own amount stands for its children's; a project for its executed amount.

    >>> operand_terms(Money("2.50")), operand_terms(3)
    (((1, Decimal('2.50'), False),), ((1, 3, True),))
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, Money):
        return ((1, value.amount, False),)
    if isinstance(value, Decimal):
        return ((1, value, False),)
    if isinstance(value, int):
        return ((1, value, True),)
    if isinstance(value, Figure):
        return operand_terms(value.current)
    if isinstance(value, ExpenseCategory):
        if value.actual is not None:
            return ((1, value.actual.amount, False),)
        total: list[Term] = []
        for child in value.children:
            part = operand_terms(child)
            if part is None:
                return None
            total += part
        return tuple(total) if value.children else None
    if isinstance(value, Project):
        return operand_terms(value.funds.total.executed)
    return None


def _interval(ctx: Context, value: Any) -> Interval | None:
    """The printed-precision interval of a model value (None when unknown)."""
    terms = operand_terms(value)
    return None if terms is None else term_interval(terms, ctx.zero_is_exact)


def _operand(ctx: Context, spec: str) -> Any:
    """A literal printed number, or the model value at a path."""
    if spec[:1].isalpha():  # no number starts with a letter: a path
        return ctx.resolve(spec)
    try:
        number = to_decimal(spec)
    except ValueError:
        return ctx.resolve(spec)
    # A whole literal ("757人") is an exact count; one with decimals was rounded.
    return int(number) if places_of(number) == 0 and "." not in spec else number


def _negated(terms: tuple[Term, ...]) -> tuple[Term, ...]:
    return tuple((-sign, value, exact) for sign, value, exact in terms)


#: A whole a share is of that the narrative seldom prints, and the two printed figures it is the difference of: 十's
#: 共涉及资金 A 万元，占一般公共预算项目支出总额的 100% is of 一般公共预算财政拨款支出 less its 基本支出 (五 and 六 print those).
_DIFFERENCES: Final = MappingProxyType(
    {
        "general_budget.project": ("general_budget.total", "general_budget.basic"),
        "general_budget.project.current": ("general_budget.total", "general_budget.basic"),
    }
)


def _difference(ctx: Context, whole: str, part: str) -> tuple[Term, ...] | None:
    """The terms of ``whole`` less ``part`` when both are printed (None otherwise)."""
    w, p = operand_terms(_operand(ctx, whole)), operand_terms(_operand(ctx, part))
    return None if w is None or p is None else (*w, *_negated(p))


def _ratio_form(stated: Decimal, num: Any, den: Any, base: str) -> ClaimForm | None:
    n, d = operand_terms(num), operand_terms(den)
    if n is None or d is None:
        return None
    return ClaimForm(FormKind.RATIO, stated, n, d, base=base)


def claim_form(ctx: Context, claim: Claim) -> ClaimForm | None:
    """What ``claim`` asserts, as a form over the account's printed figures (None: nothing to check).

    Raises :class:`~budgetkit.model.claim.PathError` when the claim names a figure the account does not have.

    >>> from budgetkit import datasets
    >>> seed = datasets.load("zigong-hr-2023")
    >>> form = claim_form(Context(seed), seed.claims[0])
    >>> form.kind, decide(form)[0]
    (<FormKind.LINEAR: 'linear'>, <Outcome.HOLDS: 'holds'>)
    """
    stated = claim.stated
    kind = claim.kind
    subject = _operand(ctx, claim.subject)
    base = _operand(ctx, claim.base) if claim.base else None
    if kind is ClaimKind.AMOUNT:
        terms = operand_terms(subject)
        return None if terms is None else ClaimForm(FormKind.LINEAR, stated, terms, zero_means_none=True)
    if kind in (ClaimKind.CHANGE, ClaimKind.GROWTH):
        if not isinstance(subject, Figure) or subject.current is None:
            return None
        current: Term = (1, subject.current.amount, False)
        if subject.previous is not None:
            previous: tuple[Term, ...] = ((1, subject.previous.amount, False),)
            growth = (current, *_negated(previous))
        elif kind is ClaimKind.GROWTH and (change := ctx.stated_changes.get(claim.subject)) is not None:
            # last year implied by a stated change D of the same figure: the rate is D / (current − D). D is the
            # growth itself, not current − (current − D): a figure counted twice would widen its rounding twice
            previous = (current, (-1, change, False))
            growth = ((1, change, False),)
        else:
            return None
        if kind is ClaimKind.CHANGE:
            return ClaimForm(FormKind.LINEAR, stated, growth)
        return ClaimForm(FormKind.RATIO, stated, growth, previous, abs_base=True, base="增长率")
    if kind is ClaimKind.SHARE:
        if operand_terms(base) is None and (difference := _DIFFERENCES.get(claim.base or "")) is not None:
            n, d = operand_terms(subject), _difference(ctx, *difference)
            return None if n is None or d is None else ClaimForm(FormKind.RATIO, stated, n, d, base="占比")
        return _ratio_form(stated, subject, base, "占比")
    if kind is ClaimKind.RATIO:
        return _ratio_form(stated, subject, base, "比率")
    if kind is ClaimKind.COMPLETION:
        if isinstance(subject, Decimal | int) and isinstance(base, Decimal | int):
            # 预算数为A万元，执行数为B万元，完成预算的p%: p is of the two figures printed beside it, each standing for
            # the interval its printed places round (DOMAIN §2), as every printed figure does
            return ClaimForm(FormKind.RATIO, stated, ((1, subject, False),), ((1, base, False),), base="完成预算")
        if isinstance(subject, Project):
            total = subject.funds.total
            if total.executed is not None and total.adjusted is not None:
                return _ratio_form(stated, total.executed, total.adjusted, "预算执行率")
            return None
        if isinstance(subject, Figure | ExpenseCategory):
            actual = subject.current if isinstance(subject, Figure) else subject.actual
            budget = subject.budget if base is None else base  # a base: the budget named, printed in the sentence
            if actual is not None and budget is not None:
                return _ratio_form(stated, actual, budget, "完成预算")
        return None
    if kind is ClaimKind.COUNT:
        if not isinstance(subject, tuple):
            return None
        return ClaimForm(FormKind.EQUALITY, stated, ((1, len(subject), True),), zero_means_none=True)
    if kind is ClaimKind.SUM:
        values = subject if isinstance(subject, tuple) else (subject,)
        if not values or any(v is None for v in values):
            return None
        if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            return ClaimForm(FormKind.EQUALITY, stated, ((1, sum(values), True),), zero_means_none=True)
        num: list[Term] = []
        for v in values:
            terms = operand_terms(v)
            if terms is None:
                return None
            num += terms
        return ClaimForm(FormKind.LINEAR, stated, tuple(num), zero_means_none=True)
    if kind is ClaimKind.SCORE:
        projects = subject if isinstance(subject, tuple) else (subject,)
        projects = tuple(p for p in projects if isinstance(p, Project))
        totals = [p.stated_total for p in projects]
        if not projects or any(t is None for t in totals):
            return None
        stated_totals = tuple((1, t, False) for t in totals if t is not None)
        if len(projects) == 1:
            return ClaimForm(FormKind.LINEAR, stated, stated_totals)
        executed = [p.funds.total.executed for p in projects]
        weights = tuple(Fraction(e.amount) for e in executed if e is not None)
        return ClaimForm(FormKind.MEAN, stated, stated_totals, weights=weights if len(weights) == len(projects) else ())
    raise UnknownFormError(kind, [k.value for k in ClaimKind])


class _Judge:
    """Words a claim form that does not hold as a finding (one function for the exact and the batch path)."""

    def __init__(self, ctx: Context, claim: Claim, path: str) -> None:
        self.ctx = ctx
        self.claim = claim
        self.path = path
        self.stated = claim.stated
        self.places = places_of(claim.stated)
        self.part = ctx.section_parts(claim.section)
        self.where = (
            f"（{claim.section}：{claim.text}）" if claim.text else (f"（{claim.section}）" if claim.section else "")
        )

    def truncation_interval(self) -> Interval:
        unit = Fraction(1, 10**self.places)
        v = Fraction(self.stated)
        if v >= 0:
            return Interval(v, v + unit, False, True)
        return Interval(v - unit, v, True, False)

    def truncates_to(self, truth: Interval) -> bool:
        """Whether ``truth`` meets :meth:`truncation_interval`, in integers (the stated figure is a printed decimal)."""
        numerator, denominator = self.stated.as_integer_ratio()
        unit = 10**self.places
        low = numerator * unit
        if numerator >= 0:  # [v, v + unit)
            return overlaps_units(truth, low, low + denominator, False, True, denominator * unit)
        return overlaps_units(truth, low - denominator, low, True, False, denominator * unit)  # (v − unit, v]

    def findings(self, form: ClaimForm) -> Iterator[Finding]:
        """Nothing when the form holds; else the finding its claim's kind calls for."""
        ctx, claim = self.ctx, self.claim
        outcome, truth = decide(form, ctx.zero_is_exact)
        if outcome is Outcome.HOLDS:
            return
        if outcome is Outcome.UNDEFINED:
            yield self.zero_base(form.base)
        elif form.kind is FormKind.EQUALITY:
            yield self.count(form)
        elif form.kind is FormKind.MEAN:
            yield self.overall_score(form)
        elif claim.kind is ClaimKind.SCORE:
            yield ctx.finding(
                "claim.score", self.path, stated=self.stated, expected=form.num[0][1], part=self.part, where=self.where
            )
        else:
            unit = "%" if form.kind is FormKind.RATIO else "万元"
            assert truth is not None
            yield self.verdict(truth, form.point(), unit)

    def verdict(self, truth: Interval, point: Fraction | None, unit: str) -> Finding:
        """A truncation warning or an error for a stated figure outside ``truth``."""
        expected: Decimal | Interval = round_half_up(point, self.places) if point is not None else truth
        kind = self.claim.kind
        kind_words, subject = Words(CLAIM_KIND_LABELS[kind.value], kind.value), self.claim.subject
        if self.truncates_to(truth) and (self.places > 0 or kind is not ClaimKind.COUNT):
            return self.ctx.finding(
                "rounding.truncated",
                self.path,
                stated=self.stated,
                expected=expected,
                part=self.part,
                kind=kind_words,
                subject=subject,
                unit=unit,
                where=self.where,
            )
        return self.ctx.finding(
            f"claim.{kind.value}",
            self.path,
            stated=self.stated,
            expected=expected,
            part=self.part,
            template="claim",
            reachable=truth,
            kind=kind_words,
            subject=subject,
            unit=unit,
            where=self.where,
        )

    def count(self, form: ClaimForm) -> Finding:
        expected = term_point(form.num)
        code = "claim.count" if self.claim.kind is ClaimKind.COUNT else "claim.sum"
        return self.ctx.finding(
            code,
            self.path,
            stated=self.stated,
            expected=int(expected),
            part=self.part,
            where=self.where,
            subject=self.claim.subject,
        )

    def overall_score(self, form: ClaimForm) -> Finding:
        candidates = [("算术平均", "mean", form.point())]
        weighted = form.weighted()
        if weighted is not None:
            candidates.append(("按执行数加权平均", "weighted by executed amount", weighted))
        shown = Words(
            "；".join(f"{zh}{format_plain(value)}分" for zh, _, value in candidates if value is not None),
            "; ".join(f"{en} {format_plain(value)}" for _, en, value in candidates if value is not None),
        )
        return self.ctx.finding(
            "claim.overall_score",
            self.path,
            stated=self.stated,
            expected=shown.zh,
            part=self.part,
            where=self.where,
            tables=len(form.num),
            candidates=shown,
        )

    def zero_base(self, what: str) -> Finding:
        return self.ctx.finding(
            "rate.zero_base",
            self.path,
            stated=self.stated,
            expected=NOT_COMPARABLE,
            part=self.part,
            what=what,
            where=self.where,
        )


def claim_findings(ctx: Context, index: int, claim: Claim) -> Iterator[Finding]:
    """The findings of one claim, ``ctx.account.claims[index]``, before :func:`relabel_nudged`."""
    path = f"claims[{index}]"
    judge = _Judge(ctx, claim, path)
    try:
        form = claim_form(ctx, claim)
    except PathError as exc:
        yield ctx.finding(
            "claim.unresolved", path, stated=claim.subject, part=judge.part, problem=str(exc)
        )
        return
    if form is not None:
        yield from judge.findings(form)


def unchecked_completions(account: FinalAccount) -> Iterator[Words]:
    """Each completion rate printed on a figure whose budget (or 决算数) the account does not hold, and why: it is left
    unchecked (nothing is assumed), and :func:`~budgetkit.checks.audit.coverage` lists it as skipped.

    The budget is held when the sentence prints it, another sentence does (…支出预算为 30.00 万元) or the 三公 table's
    预算数 does; Liaoning's ``决算为 25.20 万元，完成预算的 84.00%`` with none of them has nothing to be checked against.

    >>> from budgetkit.model.account import FinalAccount, ThreePublic
    >>> account = FinalAccount(unit="示例单位", year=2024, unit_type="行政单位",
    ...     three_public=ThreePublic(total=Figure(current=Money("25.20"))),
    ...     claims=[Claim(kind="completion", subject="three_public.total", stated="84.00", text="84.00%", section="九")])
    >>> [(line.zh, line.en) for line in unchecked_completions(account)]
    [('九“84.00%”：“三公”经费财政拨款支出的预算数未公布，完成率未核对', '九 “84.00%” completion rate skipped: the budget of “三公”经费财政拨款支出 is not printed')]
    """
    index = ModelIndex(account)
    actual: object
    for claim in account.claims:
        if claim.kind is not ClaimKind.COMPLETION or claim.base is not None:
            continue  # a base is the budget printed beside the rate
        try:
            subject = index.resolve(claim.subject)
        except PathError:
            continue  # claim.unresolved says so
        # what claim_form compares: a line without its own 决算数 stands for its children's
        if isinstance(subject, Figure):
            name, actual, budget = FIGURE_LABELS.get(claim.subject, claim.subject), subject.current, subject.budget
        elif isinstance(subject, ExpenseCategory):
            name, actual, budget = subject.name, operand_terms(subject), subject.budget
        elif isinstance(subject, Project):
            name, actual, budget = subject.label, subject.funds.total.executed, subject.funds.total.adjusted
        else:
            continue
        if actual is not None and budget is not None:
            continue
        what = Words("预算数", "budget") if budget is None else Words("决算数", "actual (决算数)")
        printed = claim.text or f"{format_plain(claim.stated)}%"
        yield Words(
            f"{claim.section}“{printed}”：{name}的{what.zh}未公布，完成率未核对",
            f"{claim.section} “{printed}” completion rate skipped: the {what.en} of {name} is not printed",
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
    totals: dict[tuple[str | None, str], Decimal] = {}  # each group's sum, once (not once per finding in it)
    result = []
    for index, finding in findings:
        claim = claims[index]
        key = (claim.base, claim.section)
        group = groups.get(key, [])
        nudgeable = finding.rule == "claim.share" or (
            finding.rule == "rounding.truncated" and claim.kind is ClaimKind.SHARE
        )
        if nudgeable and len(group) > 1 and finding.expected is not None:
            total = totals.get(key)
            if total is None:
                total = totals[key] = sum((claims[i].stated for i in group), Decimal(0))
            unit = Decimal(1).scaleb(-places_of(claim.stated))
            try:
                assert isinstance(finding.expected, Decimal)
                off = abs(finding.expected - claim.stated)
            except (ArithmeticError, AssertionError):
                off = Decimal(-1)
            if total == 100 and off == unit:
                finding = ctx.finding(
                    "rounding.nudged",
                    finding.path,
                    stated=claim.stated,
                    expected=finding.expected,
                    part=finding.part,
                    section=claim.section,
                    text=claim.text,
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
                self.path,
                stated=self.change.amount,
                expected=expected.amount,
                part=self.part,
                section=self.section,
            )


def explanation_checks(account: FinalAccount) -> Iterator[SumCheck | ChangeCheck]:
    """Every test of the change explanations of ``account`` as data, in the order the rule reports them.

    >>> from budgetkit.datasets import synthetic
    >>> [type(c).__name__ for c in explanation_checks(synthetic.generate(1))]
    ['SumCheck', 'ChangeCheck']
    """
    index = ModelIndex(account)
    parts = SectionParts.of(account.passages)
    for i, exp in enumerate(account.explanations):
        path = f"explanations[{i}]"
        part = parts(exp.section)
        code = "explanation.sum" if exp.exhaustive else "explanation.listed_sum"  # a 主要原因 list may be partial
        if exp.contributions:  # a change explained only in words has no amounts to add up
            yield SumCheck(
                code,
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
                    code,
                    f"{path}.contributions[{j}]",
                    f"{exp.section}：{contribution.label}",
                    contribution.label,
                    contribution.amount,
                    tuple((p.label, p.amount) for p in contribution.parts),
                    part,
                )
        if not exp.exhaustive:  # its change is the one its sentence prints, which that change's claim compares
            continue
        try:
            figure = index.resolve(exp.subject)
        except PathError:
            continue
        if isinstance(figure, Figure) and figure.current is not None and figure.previous is not None:
            yield ChangeCheck(path, part, exp.section, exp.change, figure.current, figure.previous)


def _explanations(ctx: Context) -> Iterator[Finding]:
    for check in explanation_checks(ctx.account):
        yield from check.findings(ctx.zero_is_exact)


def fund_line_form(line: FundLine) -> ClaimForm | None:
    """The stated execution rate of one line of a project's money grid, as a form (None: not stated)."""
    if line.stated_rate is None or line.executed is None or line.adjusted is None:
        return None
    return ClaimForm(
        FormKind.RATIO,
        line.stated_rate,
        ((1, line.executed.amount, False),),
        ((1, line.adjusted.amount, False),),
        base=f"{line.source.value}预算执行率",
    )


def fund_line_findings(ctx: Context, i: int, j: int) -> Iterator[Finding]:
    """The findings of the stated execution rate of line ``j`` of project ``i``'s money grid."""
    project = ctx.account.projects[i]
    line = project.funds.lines[j]
    form = fund_line_form(line)
    if form is None:
        return
    claim = Claim(
        kind="ratio",
        subject=format_plain(line.executed) if line.executed is not None else "",
        base=format_plain(line.adjusted) if line.adjusted is not None else None,
        stated=line.stated_rate,
        text=f"{line.source.value}预算执行率",
        section=f"项目:{project.label}",
    )
    judge = _Judge(ctx, claim, f"projects[{i}].funds.lines[{j}].stated_rate")
    yield from judge.findings(attrs.evolve(form, base=f"{project.label}的{form.base}"))


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
        codes=("explanation.sum", "explanation.listed_sum", "explanation.change", "rounding.residue"),
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
