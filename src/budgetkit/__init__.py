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

import importlib
import sys
from types import ModuleType

from budgetkit import _moved
from budgetkit.checks.audit import DEFAULT_RULES, check
from budgetkit.checks.finding import Finding, Severity
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
from budgetkit.model.account import Figure, FinalAccount
from budgetkit.model.category import ExpenseCategory
from budgetkit.model.claim import Claim, ClaimKind
from budgetkit.model.indicator import Operator, PerformanceIndicator
from budgetkit.model.project import Project
from budgetkit.values.allocation import Shares, allocate, shares
from budgetkit.values.change import Change, Direction, change
from budgetkit.values.money import InexactDivisionError, Money
from budgetkit.values.numbers import round_half_up, to_decimal
from budgetkit.values.ratio import NOT_COMPARABLE, PointChange, Ratio

__version__ = "0.2.0"

#: The packages of budgetkit, reachable as attributes (``budgetkit.datasets.load(...)``), imported on first use.
SUBPACKAGES = frozenset(
    {"values", "reference", "model", "checks", "narrative", "outputs", "io", "datasets", "cli", "errors"}
)


def __getattr__(name: str) -> ModuleType:
    # Packages are imported on first use, so `import budgetkit` stays light (budgetkit.datasets reads files
    # through budgetkit.io: cattrs, TOML) and `budgetkit.datasets.load(...)` works without importing it first.
    if name in SUBPACKAGES:
        return importlib.import_module(f"budgetkit.{name}")
    if f"budgetkit.{name}" in _moved.MOVED:  # a 0.1 module path: the alias warns and gives the new module
        return importlib.import_module(f"budgetkit.{name}")
    raise AttributeError(f"module 'budgetkit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *SUBPACKAGES})


def _repr_html_(self: object) -> str:
    """Notebook display: an HTML table with Chinese headers (rendered by :mod:`budgetkit.outputs.html`)."""
    from budgetkit.outputs.html import render

    return render(self)  # type: ignore[arg-type]


# The package wires the notebook display into the model classes, so that no model module imports an
# output module (the layers contract in pyproject.toml); ``budgetkit`` is imported before any of them.
for _cls in (FinalAccount, ExpenseCategory, Project, PerformanceIndicator):
    _cls._repr_html_ = _repr_html_  # type: ignore[union-attr]
del _cls

# The 0.1 module paths keep importing (with a DeprecationWarning); see budgetkit._moved. ``budgetkit.change``
# stays the public function: its 0.1 module is registered directly so that importing it never rebinds the name.
_moved.install()
sys.modules.setdefault("budgetkit.change", importlib.import_module("budgetkit.values.change"))


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
