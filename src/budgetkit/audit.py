"""Checking a final account: run every rule, return every finding.

>>> from budgetkit import datasets
>>> findings = check(datasets.load("zigong-hr-2023"))
>>> any(f.severity is Severity.ERROR for f in findings)
True
>>> check(datasets.load("zigong-hr-2023"), disable=("claim", "identity", "rounding", "rate", "classification",
...     "project", "indicator", "text", "chart", "explanation", "count"))
[]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from budgetkit.account import FinalAccount
from budgetkit.context import Context, fmt
from budgetkit.finding import Finding, Rule, Severity
from budgetkit.rules import ALL_RULES

#: The whole rule catalogue, immutable.
DEFAULT_RULES: tuple[Rule, ...] = ALL_RULES

__all__ = ["DEFAULT_RULES", "Context", "catalogue", "check", "fmt"]


def catalogue() -> tuple[Rule, ...]:
    """Every registered rule, in the order they run.

    >>> [rule.code for rule in catalogue()][:2]
    ['identity', 'explanation']
    """
    return DEFAULT_RULES


def _disabled(code: str, disable: Sequence[str]) -> bool:
    return any(code == d or code.startswith(d + ".") for d in disable)


def check(
    account: FinalAccount,
    rules: Iterable[Rule] | None = None,
    *,
    disable: Sequence[str] = (),
    min_severity: Severity = Severity.INFO,
    scoring: Any = None,
    zero_is_exact: bool = True,
) -> list[Finding]:
    """Run ``rules`` (default: the whole catalogue) and return every finding.

    ``disable`` drops findings whose code is given, or starts with a given
    prefix and a dot (``"text"`` disables ``text.template``). An empty list means
    the account is consistent.
    """
    ctx = Context(account, scoring, zero_is_exact)
    findings: list[Finding] = []
    for rule in DEFAULT_RULES if rules is None else rules:
        if _disabled(rule.code, disable):
            continue
        for finding in rule.func(ctx):
            if finding.severity >= min_severity and not _disabled(finding.rule, disable):
                findings.append(finding)
    return findings


def summary(findings: Sequence[Finding]) -> Mapping[str, int]:
    """Counts by severity, for reports."""
    counts = {s.value: 0 for s in Severity}
    for f in findings:
        counts[f.severity.value] += 1
    counts["total"] = len(findings)
    return counts


__all__ += ["summary"]
