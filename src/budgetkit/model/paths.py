"""One walker and one resolver over the model: paths like ``projects[3].indicators[0].actual``.

:func:`walk` yields every ``(path, value)`` of a model object, depth first, in field order — the
one way to list the model's paths (the tables, the batch columns and the review page name figures
by these paths). :class:`ModelIndex` resolves claim paths (:func:`budgetkit.model.claim.resolve`)
against one account with an index built once: a keyed step such as ``projects[51030022T…]`` or
``categories[事业运行]`` is a dictionary lookup instead of a scan, and a path is followed once,
so checking an account is linear in its size. :class:`budgetkit.checks.context.Context` keeps one
per account.

>>> from budgetkit import datasets
>>> from budgetkit.model.account import Figure
>>> seed = datasets.load("zigong-hr-2023")
>>> [path for path, _ in walk(seed.income, "income.", leaves=(Figure,))][:2]
['income.general_budget', 'income.government_fund']
>>> index = ModelIndex(seed)
>>> index.resolve("general_budget.categories[事业运行].actual")
Money('426.43')
>>> index.resolve("three_public.events[*].persons")
(4, 4, 14, 6, 3, 4, 7, 8)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from budgetkit.model.claim import PathError, children, resolve

__all__ = ["ModelIndex", "walk"]


def walk(
    root: Any, prefix: str = "", *, sequences: bool = True, leaves: tuple[type, ...] = ()
) -> Iterator[tuple[str, Any]]:
    """Every ``(path, value)`` under ``root``: its fields, their fields, and (``sequences``) tuple elements.

    Values of the ``leaves`` types are yielded but not entered. Paths join field names with dots and
    elements with ``[i]``, as claim paths do.

    >>> from budgetkit import datasets
    >>> seed = datasets.load("zigong-hr-2023")
    >>> next(p for p, v in walk(seed) if p.startswith("projects[4].indicators[2]"))
    'projects[4].indicators[2]'
    """
    if not attrs.has(type(root)):
        return
    for field in attrs.fields(type(root)):
        value = getattr(root, field.name)
        path = prefix + field.name
        yield path, value
        if isinstance(value, leaves):
            continue
        if attrs.has(type(value)):
            yield from walk(value, path + ".", sequences=sequences, leaves=leaves)
        elif sequences and isinstance(value, tuple):
            for i, item in enumerate(value):
                here = f"{path}[{i}]"
                yield here, item
                if attrs.has(type(item)) and not isinstance(item, leaves):
                    yield from walk(item, here + ".", sequences=sequences, leaves=leaves)


class ModelIndex:
    """Claim paths resolved against one model object, with keyed steps indexed once.

    A keyed step ``[key]`` finds the first element, depth first through category trees, whose
    ``code`` or ``name`` is ``key`` — the same element :func:`budgetkit.model.claim.resolve` finds,
    from a dictionary built the first time that sequence is searched. Resolved paths are kept.
    """

    def __init__(self, root: Any) -> None:
        self.root = root
        self._keys: dict[int, tuple[tuple[Any, ...], Mapping[str, Any]]] = {}
        self._paths: dict[str, Any] = {}

    def keyed(self, items: tuple[Any, ...]) -> Mapping[str, Any]:
        """The elements of ``items`` (and of their category trees) by code and by name, first one first."""
        found = self._keys.get(id(items))
        if found is not None and found[0] is items:
            return found[1]
        keys: dict[str, Any] = {}
        stack = list(reversed(items))
        while stack:  # depth first, in order: the first element with a key keeps it
            item = stack.pop()
            for key in (getattr(item, "code", None), getattr(item, "name", None)):
                if isinstance(key, str):
                    keys.setdefault(key, item)
            stack.extend(reversed(children(item)))
        self._keys[id(items)] = (items, keys)  # the tuple is kept, so its id is not reused
        return keys

    def lookup(self, items: tuple[Any, ...], key: str, path: str) -> Any:
        """The element ``[key]`` of ``items``: by code or name, else by index (see :func:`~budgetkit.model.claim.resolve`)."""
        found = self.keyed(items).get(key)
        if found is not None:
            return found
        if key.isdigit() and len(key) <= 6:
            if int(key) < len(items):
                return items[int(key)]
            raise PathError(f"no element with code or name {key!r}, and index {key} is out of range", path)
        raise PathError(f"no element with code or name {key!r}", path)

    def resolve(self, path: str) -> Any:
        """Follow ``path`` from the root, as :func:`budgetkit.model.claim.resolve` does, once per path."""
        try:
            return self._paths[path]
        except KeyError:
            value = self._paths[path] = resolve(self.root, path, index=self)
            return value
