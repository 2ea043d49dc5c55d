"""The exceptions budgetkit raises.

Every exception subclasses :class:`BudgetkitError` and the builtin a caller
would expect (``ValueError``, ``TypeError``, ``KeyError``), so that
``except ValueError`` keeps working while ``except BudgetkitError`` catches
everything budgetkit refuses.

>>> from budgetkit import Money
>>> try:
...     Money(0.1)
... except BudgetkitError as exc:
...     print(type(exc).__name__, exc.given)
FloatRefusedError 0.1
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = [
    "BudgetkitError",
    "ClassificationError",
    "FloatRefusedError",
    "InvalidNumberError",
    "LoadError",
    "LoadIssue",
    "MissingExtraError",
    "ModelError",
    "UndefinedRatioError",
    "UnitMismatchError",
    "UnknownUnitError",
]


class BudgetkitError(Exception):
    """The root of every error budgetkit raises."""


class InvalidNumberError(BudgetkitError, ValueError):
    """A value that is not a plain, finite, reasonably sized decimal number.

    ``given`` is the refused value and ``reason`` says why.
    """

    def __init__(self, given: object, reason: str) -> None:
        self.given = given
        self.reason = reason
        if isinstance(given, int) and not isinstance(given, bool) and given.bit_length() > 256:
            shown = f"an int of {given.bit_length()} bits"  # repr() itself refuses ints over 4300 digits
        else:
            shown = repr(given)
        if len(shown) > 80:
            shown = shown[:77] + "..."
        super().__init__(f"{shown} is not accepted as a number: {reason}")


class FloatRefusedError(BudgetkitError, TypeError):
    """A ``float`` (or ``bool``) where an exact number is required.

    Floats cannot hold 0.1 exactly; budgetkit never converts one silently.
    """

    def __init__(self, given: object) -> None:
        self.given = given
        kind = type(given).__name__
        super().__init__(
            f"{given!r} is a {kind}; budgetkit keeps money exact and refuses {kind}s. "
            f"Pass a str such as {str(given)!r}, an int, or a decimal.Decimal."
        )


class MissingExtraError(BudgetkitError, ImportError):
    """An optional dependency is not installed; the message names the extra that brings it.

    ``package`` is the missing import and ``extra`` the budgetkit extra to install.

    >>> str(MissingExtraError("matplotlib", "plot", "drawing charts"))
    "drawing charts needs matplotlib, which is not installed: pip install 'budgetkit[plot]'"
    """

    def __init__(self, package: str, extra: str, purpose: str = "this") -> None:
        self.package = package
        self.extra = extra
        self.purpose = purpose
        super().__init__(
            f"{purpose} needs {package}, which is not installed: pip install 'budgetkit[{extra}]'", name=package
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.package, self.extra, self.purpose))


class UndefinedRatioError(BudgetkitError, ArithmeticError):
    """A ratio with a zero denominator was asked for its value."""


class UnknownUnitError(BudgetkitError, KeyError):
    """A unit name that the unit registry does not know."""

    def __init__(self, name: str, known: Sequence[str]) -> None:
        self.name = name
        self.known = tuple(known)
        super().__init__(name)

    def __str__(self) -> str:
        return (
            f"unknown unit {self.name!r}; known units: {'、'.join(self.known)}. "
            "Register a new one with budgetkit.values.units.register_unit(name, definition)."
        )


class UnitMismatchError(BudgetkitError, ValueError):
    """Two quantities whose units cannot be compared or converted."""


class ModelError(BudgetkitError, ValueError):
    """A broken local invariant when constructing a model object.

    ``path`` names the field (``projects[2].indicators[0].weight``) when known.
    """

    def __init__(self, message: str, path: str = "") -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)


class ClassificationError(BudgetkitError, ValueError):
    """A classification code or name that cannot be resolved or loaded."""


def _bounded(text: str, limit: int) -> str:
    return text if len(text) <= limit else f"{text[: limit - 30]}… ({len(text)} characters in all)"


class LoadIssue:
    """One problem found while loading a file: where it is and what is wrong.

    The path and the message are cut to ``MAX_PATH`` and ``MAX_MESSAGE``
    characters, so that a hostile file (a key of a megabyte, a hundred thousand
    unknown keys) cannot make a huge message.

    >>> issue = LoadIssue("$", "x" * 100_000)
    >>> len(issue.message) <= LoadIssue.MAX_MESSAGE, issue.message[-28:]
    (True, '… (100000 characters in all)')
    """

    __slots__ = ("message", "path")

    #: Longest message of one issue, in characters.
    MAX_MESSAGE = 1000
    #: Longest path of one issue, in characters.
    MAX_PATH = 300

    def __init__(self, path: str, message: str) -> None:
        self.path = _bounded(path, self.MAX_PATH)
        self.message = _bounded(message, self.MAX_MESSAGE)

    def __repr__(self) -> str:
        return f"LoadIssue({self.path!r}, {self.message!r})"

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class LoadError(BudgetkitError, ValueError):
    """A file that cannot be loaded; lists every problem found, each with its path.

    ``source`` names the file (or dataset); ``issues`` holds :class:`LoadIssue` records.
    """

    #: Most issues kept; a file broken everywhere would otherwise give a message of hundreds of megabytes.
    MAX_ISSUES = 1000

    def __init__(self, source: str, issues: Sequence[LoadIssue]) -> None:
        self.source = source
        kept = tuple(issues)
        if len(issues) > self.MAX_ISSUES:
            shown = self.MAX_ISSUES - 1
            where = "$" if issues[0].path.startswith("$") else "file"  # a data path, or a CSV table's
            kept = (*issues[:shown], LoadIssue(where, f"… and {len(issues) - shown} more problems not listed"))
        self.issues = kept
        lines = "\n".join(f"  {issue}" for issue in self.issues)
        count = len(self.issues)
        super().__init__(f"cannot load {source}: {count} problem{'s' if count != 1 else ''}\n{lines}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.source, self.issues))
