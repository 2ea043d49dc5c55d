"""Lines of the functional classification (支出功能分类) with their amounts.

A report prints 类 totals with shares, and 项 lines named by their full path
("社会保障和就业支出（类）人力资源和社会保障管理事务（款）事业运行（项）").
:class:`ExpenseCategory` keeps what was printed — names, and codes only where
the report gives them — as a tree 类 → 款 → 项 whose amounts roll up.

>>> item = ExpenseCategory(level="项", name="事业运行", actual="426.43")
>>> other = ExpenseCategory(level="项", name="事业单位离退休", actual="4.41")
>>> section = ExpenseCategory(level="款", name="人力资源和社会保障管理事务", children=(item, other))
>>> section.actual is None, section.rolled_up()
(True, Money('430.84'))
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import attrs

from budgetkit.errors import ModelError
from budgetkit.reference.classification import Level
from budgetkit.values import validators as v
from budgetkit.values.money import Money
from budgetkit.values.ratio import Ratio

__all__ = ["CategoryLevel", "ExpenseCategory", "lines_with_paths", "unique_codes"]


_ASCII_DIGITS = re.compile(r"[0-9]+")

#: The level of a functional-classification line: 类 (3 digits), 款 (5), 项 (7).
CategoryLevel = Level


def _level(value: Any) -> CategoryLevel:
    return v.member(CategoryLevel, value)


def unique_codes(lines: tuple[ExpenseCategory, ...], field: str) -> None:
    """Sibling lines must not share a code: a lookup by code would silently find only the first."""
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if line.code is not None:
            if line.code in seen:
                raise ModelError(f"code {line.code} appears twice among these lines", f"{field}[{i}].code")
            seen.add(line.code)


@attrs.frozen(kw_only=True)
class ExpenseCategory:
    """A 类, 款 or 项 line: printed name, optional code, amounts, use, and children.

    ``actual`` is the 决算数 and ``budget`` the 预算数 (``None`` when not printed);
    ``basic`` and ``project`` split the actual where known. ``printed`` is the
    line's full published name path, when the report gives one.
    """

    level: CategoryLevel = attrs.field(converter=_level)
    name: str
    code: str | None = None
    printed: str = ""
    actual: Money | None = attrs.field(default=None, converter=v.optional_money, validator=v.non_negative)
    budget: Money | None = attrs.field(default=None, converter=v.optional_money, validator=v.non_negative)
    basic: Money | None = attrs.field(default=None, converter=v.optional_money, validator=v.non_negative)
    project: Money | None = attrs.field(default=None, converter=v.optional_money, validator=v.non_negative)
    use: str = ""
    children: tuple[ExpenseCategory, ...] = attrs.field(default=(), converter=v.tuple_of)

    @classmethod
    def _loaded(
        cls,
        *,
        level: CategoryLevel,
        name: str,
        code: str | None = None,
        printed: str = "",
        actual: Money | None = None,
        budget: Money | None = None,
        basic: Money | None = None,
        project: Money | None = None,
        use: str = "",
        children: tuple[ExpenseCategory, ...] = (),
    ) -> ExpenseCategory:
        """A line of values the loader's hooks made (internal fast path for ``budgetkit.io``).

        The level is a CategoryLevel, each amount a Money or None and the children a tuple, which the
        converters would hand back as they are; so they are set without running them. The validators
        and the checks after ``__init__`` run as there, and the line is the one ``ExpenseCategory(...)``
        makes of the same values.
        """
        self = _new_object(cls)
        for setter, value in zip(
            _SETTERS, (level, name, code, printed, actual, budget, basic, project, use, children), strict=True
        ):
            setter(self, value)
        for amount, field in ((actual, "actual"), (budget, "budget"), (basic, "basic"), (project, "project")):
            if amount is not None and amount.amount < 0:
                v.non_negative(self, _FIELDS[field], amount)  # raises, naming the field as attrs' validator does
        self.__attrs_post_init__()
        return self

    def __attrs_post_init__(self) -> None:
        if self.code is not None and (
            not _ASCII_DIGITS.fullmatch(self.code) or len(self.code) != self.level.code_length
        ):
            raise ModelError(
                f"a {self.level.value} code has {self.level.code_length} digits, got {self.code!r}", "code"
            )
        for i, child in enumerate(self.children):
            if child.level.depth != self.level.depth + 1:
                raise ModelError(
                    f"a {self.level.value} holds {('款', '项', '-')[self.level.depth]} lines, "
                    f"not {child.level.value} {child.name!r}",
                    f"{self.name}.children[{i}]",
                )
            if self.code and child.code and not child.code.startswith(self.code):
                raise ModelError(
                    f"code {child.code} does not start with its parent's {self.code}", f"children[{i}].code"
                )
        unique_codes(self.children, "children")

    def rolled_up(self) -> Money | None:
        """The sum of the children's amounts (rolled up from 项), or the own actual for a leaf.

        ``None`` when a needed amount is unknown.
        """
        if not self.children:
            return self.actual
        total = Money(0)
        for child in self.children:
            amount = child.actual if child.actual is not None else child.rolled_up()
            if amount is None:
                return None
            total = total + amount
        return total

    @property
    def completion(self) -> Ratio:
        """完成预算: actual / budget (undefined when either is unknown or the budget is 0)."""
        if self.actual is None or self.budget is None:
            return Ratio(0, 0)
        return self.actual / self.budget

    def walk_named(self, parents: tuple[str, ...] = ()) -> Iterator[tuple[ExpenseCategory, tuple[str, ...]]]:
        """This line and every line below it, depth first, each with the names from its 类 down to itself.

        >>> section = ExpenseCategory(level="款", name="住房改革支出",
        ...     children=(ExpenseCategory(level="项", name="住房公积金", actual="27.05"),))
        >>> [names for _, names in section.walk_named(("住房保障支出",))][-1]
        ('住房保障支出', '住房改革支出', '住房公积金')
        """
        names = (*parents, self.name)
        yield self, names
        for child in self.children:
            yield from child.walk_named(names)

    def walk(self) -> Iterator[ExpenseCategory]:
        """This line and every line below it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


def lines_with_paths(
    categories: tuple[ExpenseCategory, ...], path: str = "general_budget.categories"
) -> Iterator[tuple[str, ExpenseCategory]]:
    """Every line of a category tree, depth first, with its model path.

    >>> tree = (ExpenseCategory(level="类", name="住房保障支出", children=(ExpenseCategory(level="款", name="住房改革支出"),)),)
    >>> [p for p, _ in lines_with_paths(tree)]
    ['general_budget.categories[0]', 'general_budget.categories[0].children[0]']
    """
    for i, category in enumerate(categories):
        here = f"{path}[{i}]"
        yield here, category
        yield from lines_with_paths(category.children, f"{here}.children")


_new_object = object.__new__
_FIELDS = attrs.fields_dict(ExpenseCategory)
_SETTERS = tuple(ExpenseCategory.__dict__[name].__set__ for name in _FIELDS)
