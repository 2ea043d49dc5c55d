"""Findings: what a check reports, as data.

A :class:`Finding` names the rule that produced it (a stable code), its
severity, the path to the place in the model, a message in Chinese and in
English, and the value stated beside the value expected. An empty list of
findings means the account is consistent.

>>> f = Finding(rule="claim.growth", severity=Severity.ERROR, path="claims[3]",
...     message="增长率与数据不符", message_en="growth rate does not follow", stated="6.86", expected="6.68")
>>> f.severity >= Severity.WARNING
True
>>> f.as_dict()["rule"]
'claim.growth'
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from budgetkit.context import Context

__all__ = ["Finding", "Part", "Rule", "Severity"]


class Severity(enum.Enum):
    """How much a finding matters: error (a figure is wrong), warning (needs attention), info."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return ("info", "warning", "error").index(self.value)

    @property
    def label(self) -> str:
        """The Chinese label: 错误, 警告, 提示."""
        return {"info": "提示", "warning": "警告", "error": "错误"}[self.value]

    def __ge__(self, other: Severity) -> bool:
        return self.rank >= other.rank

    def __gt__(self, other: Severity) -> bool:
        return self.rank > other.rank

    def __le__(self, other: Severity) -> bool:
        return self.rank <= other.rank

    def __lt__(self, other: Severity) -> bool:
        return self.rank < other.rank


class Part(enum.Enum):
    """The part of the report a finding belongs to, for grouping output."""

    TOTALS = "收入支出决算总体情况"
    INCOME = "收入决算"
    EXPENDITURE = "支出决算"
    FISCAL = "财政拨款收入支出决算"
    GENERAL_BUDGET = "一般公共预算财政拨款支出决算"
    THREE_PUBLIC = '"三公"经费'
    OTHER = "其他重要事项"
    PERFORMANCE = "预算绩效管理"
    PROJECTS = "项目支出绩效自评表"
    TEXT = "文字表述"
    CHARTS = "图表"


@attrs.frozen(kw_only=True)
class Finding:
    """One inconsistency found in an account."""

    rule: str
    severity: Severity
    path: str
    message: str
    message_en: str = ""
    stated: str | None = None
    expected: str | None = None
    part: Part = Part.OTHER

    def as_dict(self) -> dict[str, Any]:
        """The finding as plain data (decimals already strings), for JSON output."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "path": self.path,
            "part": self.part.value,
            "message": self.message,
            "message_en": self.message_en,
            "stated": self.stated,
            "expected": self.expected,
        }


@attrs.frozen(kw_only=True)
class Rule:
    """A registered check: a stable code, what it checks, and the function that does it.

    ``func`` takes a :class:`budgetkit.audit.Context` and yields findings; it
    must be pure (read the account, write nothing).
    """

    code: str
    title: str
    title_en: str
    func: Callable[[Context], Iterable[Finding]] = attrs.field(eq=False, repr=False)
    source: str = ""
    #: the finding codes this rule may report
    codes: tuple[str, ...] = ()
