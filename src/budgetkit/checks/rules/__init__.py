"""The rule catalogue: every check budgetkit runs, in order.

Each module holds the rules of one feature and their user-facing text; see
``docs/rules.md`` for what each rule checks, why, and its source.
"""

from __future__ import annotations

from budgetkit.checks.context import Rule
from budgetkit.checks.rules import (
    charts,
    claims,
    classification,
    identity,
    narrative,
    performance,
    selfeval,
    tables,
    text,
)

#: Every rule, immutable; pass a subset to :func:`budgetkit.check` to run fewer.
ALL_RULES: tuple[Rule, ...] = (
    *identity.RULES,
    *claims.RULES,
    *classification.RULES,
    *performance.RULES,
    *selfeval.RULES,
    *text.RULES,
    *charts.RULES,
    *tables.RULES,
    *narrative.RULES,
)

__all__ = ["ALL_RULES"]
