"""The module paths of budgetkit 0.1, kept importable after the move into layered subpackages.

budgetkit 0.2 moved its flat modules into packages that show the layers (``budgetkit.money`` is now
:mod:`budgetkit.values.money`, ``budgetkit.audit`` is :mod:`budgetkit.checks.audit`, …). Code written
for 0.1 keeps working: importing an old path gives the module at its new home, with a
``DeprecationWarning`` naming it. The old paths will be removed in 0.3.

>>> import warnings
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     from budgetkit.money import Money
>>> Money.__module__, str(caught[0].message)
('budgetkit.values.money', 'budgetkit.money moved to budgetkit.values.money; import it from there (the old path goes in 0.3)')
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
import warnings
from collections.abc import Mapping, Sequence
from types import MappingProxyType, ModuleType

__all__ = ["MOVED"]

#: old module path → new module path (0.1 → 0.2)
MOVED: Mapping[str, str] = MappingProxyType(
    {f"budgetkit.{old}": f"budgetkit.{new}" for old, new in (
        ("classification", "reference.classification"),
        ("numbers", "values.numbers"),
        ("money", "values.money"),
        ("ratio", "values.ratio"),
        ("change", "values.change"),
        ("interval", "values.interval"),
        ("allocation", "values.allocation"),
        ("units", "values.units"),
        ("formatting", "values.formatting"),
        ("account", "model.account"),
        ("category", "model.category"),
        ("project", "model.project"),
        ("indicator", "model.indicator"),
        ("claim", "model.claim"),
        ("finding", "checks.finding"),
        ("context", "checks.context"),
        ("audit", "checks.audit"),
        ("scoring", "checks.scoring"),
        ("batch", "checks.batch"),
        ("rules", "checks.rules"),
        ("rules.charts", "checks.rules.charts"),
        ("rules.claims", "checks.rules.claims"),
        ("rules.classification", "checks.rules.classification"),
        ("rules.identity", "checks.rules.identity"),
        ("rules.performance", "checks.rules.performance"),
        ("rules.text", "checks.rules.text"),
        ("synthetic", "datasets.synthetic"),
        ("report", "narrative.report"),
        ("table", "outputs.table"),
        ("plot", "outputs.plot"),
        ("html", "outputs.html"),
        ("fdp", "outputs.fdp"),
    )}
)


class _Alias(importlib.abc.Loader):
    """Loads an old path as the module at its new home (the same module object, not a copy)."""

    def __init__(self, new: str) -> None:
        self.new = new

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        warnings.warn(
            f"{spec.name} moved to {self.new}; import it from there (the old path goes in 0.3)",
            DeprecationWarning,
            stacklevel=2,
        )
        return importlib.import_module(self.new)

    def exec_module(self, module: ModuleType) -> None:
        """Nothing to run: the module at its new home is already executed."""


class _Finder(importlib.abc.MetaPathFinder):
    """Finds the 0.1 module paths listed in :data:`MOVED`."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        new = MOVED.get(fullname)
        if new is None:
            return None
        return importlib.util.spec_from_loader(fullname, _Alias(new))


def install() -> None:
    """Put the finder on ``sys.meta_path`` once (``import budgetkit`` does this)."""
    if not any(isinstance(finder, _Finder) for finder in sys.meta_path):
        sys.meta_path.append(_Finder())
