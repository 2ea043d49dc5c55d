"""budgetkit: exact, typed and checkable Chinese public-sector final accounts.

>>> import budgetkit
>>> budgetkit.change(budgetkit.Money("1054.90"), budgetkit.Money("988.88")).describe()
'增加66.02万元，增长6.68%'
>>> from budgetkit import datasets
>>> findings = budgetkit.check(datasets.load("zigong-hr-2023"))
>>> sorted({f.rule for f in findings if f.severity is budgetkit.Severity.ERROR})[:3]
['claim.amount', 'claim.count', 'claim.ratio']
"""

from __future__ import annotations

from budgetkit.account import Figure, FinalAccount
from budgetkit.allocation import Shares, allocate, shares
from budgetkit.audit import DEFAULT_RULES, check
from budgetkit.category import ExpenseCategory
from budgetkit.change import Change, Direction, change
from budgetkit.claim import Claim, ClaimKind
from budgetkit.errors import (
    BudgetkitError,
    ClassificationError,
    FloatRefusedError,
    InvalidNumberError,
    LoadError,
    ModelError,
    UndefinedRatioError,
    UnitMismatchError,
    UnknownUnitError,
)
from budgetkit.finding import Finding, Severity
from budgetkit.indicator import Operator, PerformanceIndicator
from budgetkit.money import InexactDivisionError, Money
from budgetkit.numbers import round_half_up, to_decimal
from budgetkit.project import Project
from budgetkit.ratio import NOT_COMPARABLE, PointChange, Ratio

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    # budgetkit.datasets reads files through budgetkit.io (cattrs, TOML): imported on first use, so
    # `import budgetkit` stays light and `budgetkit.datasets.load(...)` works without importing it first.
    if name == "datasets":
        import importlib

        return importlib.import_module("budgetkit.datasets")
    raise AttributeError(f"module 'budgetkit' has no attribute {name!r}")


__all__ = [
    "DEFAULT_RULES",
    "NOT_COMPARABLE",
    "BudgetkitError",
    "Change",
    "Claim",
    "ClaimKind",
    "ClassificationError",
    "Direction",
    "ExpenseCategory",
    "Figure",
    "FinalAccount",
    "Finding",
    "FloatRefusedError",
    "InexactDivisionError",
    "InvalidNumberError",
    "LoadError",
    "ModelError",
    "Money",
    "Operator",
    "PerformanceIndicator",
    "PointChange",
    "Project",
    "Ratio",
    "Severity",
    "Shares",
    "UndefinedRatioError",
    "UnitMismatchError",
    "UnknownUnitError",
    "__version__",
    "allocate",
    "change",
    "check",
    "round_half_up",
    "shares",
    "to_decimal",
]
