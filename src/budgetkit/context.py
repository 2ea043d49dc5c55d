"""What every rule sees: the account, the options, shared computations (cached)."""

from __future__ import annotations

import functools
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from budgetkit.account import FinalAccount
from budgetkit.classification import ClassificationTable
from budgetkit.finding import Finding, Part, Severity
from budgetkit.interval import Interval
from budgetkit.money import Money
from budgetkit.numbers import plain

if TYPE_CHECKING:
    from budgetkit.scoring import ScoringRules

__all__ = ["Context", "fmt", "make_finding"]


def fmt(value: Fraction | Decimal | Money | int | None, places: int = 2) -> str | None:
    """Show a value for a finding's stated/expected field (half-up to ``places`` for fractions)."""
    if value is None:
        return None
    if isinstance(value, Money):
        return plain(value.amount)
    if isinstance(value, Fraction):
        scaled = abs(value) * 10**places
        units = int(scaled) + (1 if scaled - int(scaled) >= Fraction(1, 2) else 0)  # half-up, away from zero
        return plain(Decimal(-units if value < 0 else units).scaleb(-places))
    return plain(value)


def _shown(value: object) -> str | None:
    """A stated or expected value as text: numbers through the one door (never ``1E-12``)."""
    if value is None:
        return None
    if isinstance(value, Money):
        return plain(value.amount)
    if isinstance(value, (Decimal, Fraction)):
        return fmt(value)
    return str(value)


def make_finding(
    rule: str,
    severity: Severity,
    path: str,
    message: str,
    message_en: str,
    *,
    stated: object = None,
    expected: object = None,
    part: Part = Part.OTHER,
) -> Finding:
    """Build a finding, showing the stated and expected values as strings.

    >>> make_finding("claim.count", Severity.ERROR, "claims[3]", "数量不符", "count differs", stated=5).stated
    '5'
    """
    return Finding(
        rule=rule,
        severity=severity,
        path=path,
        message=message,
        message_en=message_en,
        stated=_shown(stated),
        expected=_shown(expected),
        part=part,
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
    def scoring_rules(self) -> Any:
        """The scoring rules in force."""
        from budgetkit.scoring import DEFAULT_RULES as DEFAULT_SCORING

        return self.scoring if self.scoring is not None else DEFAULT_SCORING

    @functools.cached_property
    def project_scores(self) -> tuple[Any, ...]:
        """budgetkit.scoring.ProjectScore for every evaluated project (same order as account.projects)."""
        from budgetkit.scoring import score_project

        return tuple(score_project(p, self.scoring_rules) if p.evaluated else None for p in self.account.projects)

    def finding(
        self,
        rule: str,
        severity: Severity,
        path: str,
        message: str,
        message_en: str,
        *,
        stated: object = None,
        expected: object = None,
        part: Part = Part.OTHER,
    ) -> Finding:
        """Build a finding (values shown as strings); see :func:`make_finding`."""
        return make_finding(rule, severity, path, message, message_en, stated=stated, expected=expected, part=part)
