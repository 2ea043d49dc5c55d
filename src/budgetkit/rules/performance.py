"""Placeholder while the rule module is written."""

from __future__ import annotations

from budgetkit.finding import Rule

RULES: tuple[Rule, ...] = ()
