"""How much a problem matters: the one severity type of budgetkit (error, warning, info).

Reference data (a classification issue), the finding catalogue and every finding use this one
type; ``budgetkit.checks.finding.Severity`` is the same class. It is a :class:`str` enum, so a
severity compares equal to its value and orders by rank.

>>> Severity.ERROR >= Severity.WARNING, Severity("info").label, Severity.WARNING == "warning"
(True, '提示', True)
"""

from __future__ import annotations

import enum

__all__ = ["Severity"]

_RANKS = ("info", "warning", "error")


class Severity(enum.StrEnum):
    """How much a finding matters: error (a figure is wrong), warning (needs attention), info."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return _RANKS.index(self.value)

    @property
    def label(self) -> str:
        """The Chinese label: 错误, 警告, 提示."""
        from budgetkit.reference.vocabulary import SEVERITY_LABELS

        return SEVERITY_LABELS[self.value]

    def __repr__(self) -> str:
        return f"<Severity.{self.name}: {self.value!r}>"

    def __ge__(self, other: object) -> bool:
        return self.rank >= Severity(other).rank  # type: ignore[arg-type]

    def __gt__(self, other: object) -> bool:
        return self.rank > Severity(other).rank  # type: ignore[arg-type]

    def __le__(self, other: object) -> bool:
        return self.rank <= Severity(other).rank  # type: ignore[arg-type]

    def __lt__(self, other: object) -> bool:
        return self.rank < Severity(other).rank  # type: ignore[arg-type]
