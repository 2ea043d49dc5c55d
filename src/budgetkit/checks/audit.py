"""Checking a final account: run every rule, return every finding.

>>> from budgetkit import datasets
>>> findings = check(datasets.load("zigong-hr-2023"))
>>> any(f.severity is Severity.ERROR for f in findings)
True
>>> check(datasets.load("zigong-hr-2023"), disable=("claim", "identity", "rounding", "rate", "classification",
...     "project", "indicator", "text", "chart", "explanation", "funds"))
[]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from budgetkit.checks.context import Context, Rule, fmt
from budgetkit.checks.finding import Finding, Severity
from budgetkit.checks.rules import ALL_RULES
from budgetkit.checks.scoring import ScoringRules
from budgetkit.errors import BudgetkitError
from budgetkit.model.account import FinalAccount
from budgetkit.reference.classification import ClassificationTable

#: The whole rule catalogue, immutable.
DEFAULT_RULES: tuple[Rule, ...] = ALL_RULES

__all__ = [
    "DEFAULT_RULES",
    "Context",
    "UnknownRuleError",
    "catalogue",
    "check",
    "check_disable",
    "disabled",
    "fmt",
    "summary",
]


def catalogue() -> tuple[Rule, ...]:
    """Every registered rule, in the order they run.

    >>> [rule.code for rule in catalogue()][:2]
    ['identity', 'explanation']
    """
    return DEFAULT_RULES


class UnknownRuleError(BudgetkitError, ValueError):
    """A rule or finding code that no rule has (``code``), with the known prefixes (``known``)."""

    def __init__(self, code: str, known: Sequence[str]) -> None:
        self.code = code
        self.known = tuple(known)
        super().__init__(f"unknown rule or finding code {code!r}; known prefixes: {', '.join(self.known)}")


def _all_codes(rules: Iterable[Rule]) -> set[str]:
    return {code for rule in rules for code in (rule.code, *rule.codes)}


def disabled(code: str, disable: Sequence[str]) -> bool:
    """Whether a rule or finding code is left out by ``disable`` (codes or prefixes of them).

    >>> disabled("rounding.residue", ("rounding",)), disabled("claim.share", ("claim.sum",))
    (True, False)
    """
    return any(code == d or code.startswith(d + ".") for d in disable)


def check_disable(rules: Iterable[Rule], disable: Sequence[str]) -> None:
    """Raise :class:`UnknownRuleError` for a code in ``disable`` that no rule of ``rules`` has or reports."""
    codes = _all_codes(rules)
    unknown = [code for code in disable if not any(k == code or k.startswith(code + ".") for k in codes)]
    if unknown:
        raise UnknownRuleError(unknown[0], sorted({c.split(".")[0] for c in codes}))


def check(
    account: FinalAccount,
    rules: Iterable[Rule] | None = None,
    *,
    disable: Sequence[str] = (),
    min_severity: Severity = Severity.INFO,
    scoring: ScoringRules | None = None,
    zero_is_exact: bool = True,
    classification: ClassificationTable | None = None,
) -> list[Finding]:
    """Run ``rules`` (default: the whole catalogue) and return every finding; an empty list means consistent.

    - ``disable``: rule codes, finding codes, or prefixes of them to leave out (``"text"`` disables
      ``text.template``; ``"rounding"`` every ``rounding.*``). An unknown code raises
      :class:`UnknownRuleError`, so a typo never silently disables nothing.
    - ``min_severity``: drop findings below it.
    - ``scoring``: the :class:`~budgetkit.checks.scoring.ScoringRules` variant of the tables (default variant when None).
    - ``zero_is_exact``: take a printed 0 as exactly zero (reports print 0 for "none"), or as [0, 0.5) of its unit.
    - ``classification``: a full functional-classification table (:func:`budgetkit.reference.classification.load_table`)
      instead of the shipped partial one.

    >>> from budgetkit import datasets
    >>> seed = datasets.load("zigong-hr-2023")
    >>> [f.rule for f in check(seed, min_severity=Severity.ERROR, disable=("classification", "claim"))][:3]
    ['identity.three_public_vehicle', 'indicator.missing_actual', 'project.weight_total_row']
    >>> check(seed, disable=("txt",))
    Traceback (most recent call last):
    ...
    budgetkit.checks.audit.UnknownRuleError: unknown rule or finding code 'txt'; known prefixes: chart, claim, classification, explanation, funds, identity, indicator, project, rate, rounding, text
    """
    chosen = DEFAULT_RULES if rules is None else tuple(rules)
    check_disable(chosen, disable)
    ctx = Context(account, scoring, zero_is_exact, classification)
    findings: list[Finding] = []
    for rule in chosen:
        if disabled(rule.code, disable):
            continue
        for finding in rule.func(ctx):
            if finding.severity >= min_severity and not disabled(finding.rule, disable):
                findings.append(finding)
    return findings


def summary(findings: Sequence[Finding]) -> Mapping[str, int]:
    """Counts by severity, for reports."""
    counts = {s.value: 0 for s in Severity}
    for f in findings:
        counts[f.severity.value] += 1
    counts["total"] = len(findings)
    return counts
