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
import tomllib
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from importlib import resources
from types import MappingProxyType
from typing import Any

import attrs

from budgetkit.errors import BudgetkitError
from budgetkit.values.numbers import plain

__all__ = [
    "CATALOGUE",
    "Finding",
    "FindingCode",
    "Part",
    "Severity",
    "UnknownFindingCodeError",
    "show_value",
]


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


def _frozen(mapping: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(mapping))


@attrs.frozen
class FindingCode:
    """One entry of the finding catalogue: what a finding code means, how much it matters, where it belongs.

    ``part`` is None for codes that belong to the part of the report their statement sits in (a claim,
    an explanation, a wording); ``severity_note`` says when the severity depends on the input;
    ``what_in`` words the code differently for one rule (the rule's code → text).

    >>> CATALOGUE["claim.growth"].severity, CATALOGUE["identity.balance"].part
    (<Severity.ERROR: 'error'>, <Part.TOTALS: '收入支出决算总体情况'>)
    """

    code: str
    severity: Severity
    part: Part | None
    what: str
    severity_note: str = ""
    what_in: Mapping[str, str] = attrs.field(factory=dict, converter=_frozen)


class UnknownFindingCodeError(BudgetkitError, KeyError):
    """A finding code that is not in the catalogue (``code``): every finding must be documented there."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(f"finding code {code!r} is not in the catalogue (budgetkit/data/findings.toml)")

    def __str__(self) -> str:
        return str(self.args[0])


def _load_catalogue() -> tuple[Mapping[str, FindingCode], Mapping[str, Any]]:
    data = tomllib.loads(resources.files("budgetkit").joinpath("data/findings.toml").read_text(encoding="utf-8"))
    codes = {
        code: FindingCode(
            code=code,
            severity=Severity(entry["severity"]),
            part=None if entry["part"] == "section" else Part[entry["part"]],
            what=entry["what"],
            severity_note=entry.get("severity_note", ""),
            what_in=entry.get("what_in", {}),
        )
        for code, entry in data["codes"].items()
    }
    return MappingProxyType(codes), MappingProxyType({k: v for k, v in data.items() if k != "codes"})


#: The finding catalogue: finding code → :class:`FindingCode` (package data ``data/findings.toml``).
CATALOGUE, _PAGES = _load_catalogue()


def entry(code: str) -> FindingCode:
    """The catalogue entry of a finding code; raise :class:`UnknownFindingCodeError` for one it lacks.

    >>> entry("rounding.residue").severity.value
    'info'
    """
    found = CATALOGUE.get(code)
    if found is None:
        raise UnknownFindingCodeError(code)
    return found


def show_value(value: object, places: int = 2) -> str | None:
    """A finding's stated or expected value as text: plain decimals (never ``1E-12``), no ``None`` shown.

    Fractions are rounded half-up to ``places``; an interval shows its bounds.

    >>> show_value(Decimal("1E-12")), show_value(Decimal("-0.00")), show_value(Fraction(2, 3)), show_value(None)
    ('0.000000000001', '-0.00', '0.67', None)
    """
    from budgetkit.values.interval import Interval
    from budgetkit.values.money import Money

    if value is None:
        return None
    if isinstance(value, Money):
        value = value.amount
    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, Fraction):
        scaled = abs(value) * 10**places
        units = int(scaled) + (1 if scaled - int(scaled) >= Fraction(1, 2) else 0)  # half-up, away from zero
        return format(Decimal(-units if value < 0 else units).scaleb(-places), "f")
    if isinstance(value, Interval):
        return value.describe(places)
    if isinstance(value, float):
        raise TypeError("a finding never holds a float")
    return str(value)
