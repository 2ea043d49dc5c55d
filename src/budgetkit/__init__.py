"""budgetkit: exact, typed and checkable Chinese public-sector final accounts.

>>> import budgetkit
>>> budgetkit.change(budgetkit.Money("1054.90"), budgetkit.Money("988.88")).describe()
'增加66.02万元，增长6.68%'
"""

from __future__ import annotations

from budgetkit.allocation import Shares, allocate, shares
from budgetkit.change import Change, Direction, change
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
from budgetkit.money import InexactDivisionError, Money
from budgetkit.numbers import round_half_up, to_decimal
from budgetkit.ratio import NOT_COMPARABLE, PointChange, Ratio

__version__ = "0.1.0"

__all__ = [
    "NOT_COMPARABLE",
    "BudgetkitError",
    "Change",
    "ClassificationError",
    "Direction",
    "FloatRefusedError",
    "InexactDivisionError",
    "InvalidNumberError",
    "LoadError",
    "ModelError",
    "Money",
    "PointChange",
    "Ratio",
    "Shares",
    "UndefinedRatioError",
    "UnitMismatchError",
    "UnknownUnitError",
    "__version__",
    "allocate",
    "change",
    "round_half_up",
    "shares",
    "to_decimal",
]
