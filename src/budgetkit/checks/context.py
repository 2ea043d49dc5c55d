"""What every rule sees: the account, the options, shared computations (cached)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from budgetkit.checks.finding import (
    CATALOGUE,
    SHARED_TEMPLATES,
    Finding,
    FindingCode,
    Part,
    Severity,
    UnknownFindingCodeError,
    entry,
    show_value,
    typed_finding,
    typed_value,
)
from budgetkit.checks.section import SectionParts
from budgetkit.model.account import FinalAccount
from budgetkit.model.paths import ModelIndex
from budgetkit.reference.classification import ClassificationTable
from budgetkit.values.interval import Interval
from budgetkit.values.money import Money

if TYPE_CHECKING:
    from budgetkit.checks.scoring import ScoringRules

__all__ = ["Context", "Rule", "fmt", "make_finding"]


def fmt(value: Fraction | Decimal | Money | int | None, places: int = 2) -> str | None:
    """Show a value for a finding's stated/expected field (half-up to ``places`` for fractions); see :func:`show_value`."""
    return show_value(value, places)


def make_finding(
    code: str,
    path: str,
    message: str | None = None,
    message_en: str | None = None,
    *,
    stated: object = None,
    expected: object = None,
    part: Part | None = None,
    severity: Severity | None = None,
    variant: str = "",
    template: str | None = None,
    **fields: object,
) -> Finding:
    """Build a finding under a catalogued code: its severity, part and message come from the catalogue.

    The message is the code's catalogue template (``variant`` picks one of its wordings;
    ``template`` names a template shared by several codes), filled with the typed ``fields``
    and the finding's own ``stated``/``expected``: every number is shown through
    :func:`budgetkit.values.formatting.format_plain`, never ``1E-12``. A rule of your own may pass
    ``message``/``message_en`` instead.

    ``part`` is given only for codes whose part is the statement's section (the catalogue says
    ``section``); ``severity`` only for codes whose severity depends on the input (a catalogue
    ``severity_note``), or for a code of your own rule that is not in the catalogue (then
    ``part`` defaults to :attr:`Part.OTHER`). ``stated``/``expected`` are kept typed
    (:func:`budgetkit.checks.finding.typed_value`).

    >>> f = make_finding("claim.count", "claims[3]", stated=5, expected=7, where="（十）", subject="projects",
    ...     part=Part.OTHER)
    >>> f.stated, f.severity.value, f.message
    (Decimal('5'), 'error', '数量5（十）与明细不符，明细共7项')
    >>> make_finding("my.code", "unit", "单位名称有误", "wrong unit name", severity=Severity.WARNING).message_en
    'wrong unit name'
    >>> make_finding("claim.cuont", "claims[3]", "数量不符", "count differs")
    Traceback (most recent call last):
    ...
    budgetkit.checks.finding.UnknownFindingCodeError: finding code 'claim.cuont' is not in the catalogue (budgetkit/data/findings.toml)
    """
    known = CATALOGUE.get(code)
    if known is None:  # a code of the caller's own rule: it says how much it matters
        if severity is None:
            raise UnknownFindingCodeError(code)
        known = FindingCode(code, severity, part or Part.OTHER, "")
    if severity is not None and severity is not known.severity and not known.severity_note:
        raise ValueError(
            f"finding code {code!r} has severity {known.severity.value} in the catalogue, not {severity.value}"
        )
    if known.part is not None:
        part = known.part
    elif part is None:
        raise ValueError(f"finding code {code!r} belongs to its statement's part of the report: pass part=")
    # a Decimal or None is typed already (the common case: no call)
    stated_value = stated if stated is None or type(stated) is Decimal else typed_value(stated)
    expected_value = expected if expected is None or type(expected) is Decimal else typed_value(expected)
    if message is None:
        if template is None:  # the code's own wording; known.template(variant) says why there is none
            wording = known.messages.get(variant) or known.template(variant)
        elif template in SHARED_TEMPLATES:
            wording = SHARED_TEMPLATES[template]
        else:  # another code's wording, e.g. a residue worded as the error it is not
            wording = entry(template).template(variant)
        fields["stated"], fields["expected"] = stated_value, expected_value
        wording.check(fields)
        return typed_finding(  # worded when its message is first read
            code, known.severity if severity is None else severity, path, wording, fields, stated_value,
            expected_value, part,
        )
    elif fields or template is not None or variant:
        raise TypeError("pass either a message or the fields of the catalogue's template, not both")
    return typed_finding(  # the values are typed above: Finding's converters need not run again
        code,
        known.severity if severity is None else severity,
        path,
        message,
        message_en or "",
        stated_value,
        expected_value,
        part,
    )


@attrs.frozen
class Context:
    """What every rule sees: the account, the options, and shared computations (cached)."""

    account: FinalAccount
    scoring: ScoringRules | None = None  #: the scoring variant (the default when None)
    zero_is_exact: bool = True
    #: the functional classification to resolve names against (the shipped partial table when None)
    classification: ClassificationTable | None = None

    def published(self, value: Money | Decimal | int) -> Interval:
        """The interval a printed figure stands for."""
        if isinstance(value, int):
            return Interval.exact(value)
        amount = value.amount if isinstance(value, Money) else value
        return Interval.published(amount, zero_is_exact=self.zero_is_exact)

    @functools.cached_property
    def index(self) -> ModelIndex:
        """The account's path index, built once: claim paths resolve without scanning (see :mod:`budgetkit.model.paths`)."""
        return ModelIndex(self.account)

    def resolve(self, path: str) -> Any:
        """The model value at a claim path of the account (raises :class:`budgetkit.model.claim.PathError`).

        >>> from budgetkit import datasets
        >>> Context(datasets.load("zigong-hr-2023")).resolve("income.total.current")
        Money('1054.90')
        """
        return self.index.resolve(path)

    @functools.cached_property
    def section_parts(self) -> SectionParts:
        """The report part of each section label of the account's 情况说明, by its headings, read once.

        >>> from budgetkit import datasets
        >>> Context(datasets.load("zigong-hr-2023")).section_parts("七（二）1").name
        'THREE_PUBLIC'
        """
        return SectionParts.of(self.account.passages)

    @functools.cached_property
    def scoring_rules(self) -> Any:
        """The scoring rules in force."""
        from budgetkit.checks.scoring import DEFAULT_RULES as DEFAULT_SCORING

        return self.scoring if self.scoring is not None else DEFAULT_SCORING

    @functools.cached_property
    def stated_changes(self) -> Mapping[str, Decimal]:
        """The first stated change (增减额) of each claim subject: it implies last year's figure for a growth rate."""
        from budgetkit.model.claim import ClaimKind

        found: dict[str, Decimal] = {}
        for claim in self.account.claims:
            if claim.kind is ClaimKind.CHANGE:
                found.setdefault(claim.subject, claim.stated)
        return found

    @functools.cached_property
    def project_scores(self) -> tuple[Any, ...]:
        """budgetkit.checks.scoring.ProjectScore for every evaluated project (same order as account.projects)."""
        from budgetkit.checks.scoring import score_project

        return tuple(score_project(p, self.scoring_rules) if p.evaluated else None for p in self.account.projects)

    #: Build a finding under a catalogued code, its message from the catalogue's template: :func:`make_finding`
    #: itself (a static method, so that a rule's ``ctx.finding(...)`` costs no second call).
    finding = staticmethod(make_finding)


@attrs.frozen(kw_only=True)
class Rule:
    """A registered check: a stable code, what it checks, and the function that does it.

    ``func`` takes a :class:`Context` and yields findings; it
    must be pure (read the account, write nothing).
    """

    code: str
    title: str
    title_en: str
    func: Callable[[Context], Iterable[Finding]] = attrs.field(eq=False, repr=False)
    source: str = ""
    #: the finding codes this rule may report
    codes: tuple[str, ...] = ()
