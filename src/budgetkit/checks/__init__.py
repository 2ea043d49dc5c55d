"""Checks: the rules, the engine that evaluates them, findings, scoring and the batch."""
