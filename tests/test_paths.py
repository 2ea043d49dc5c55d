"""One walker and one indexed resolver over the model."""

from __future__ import annotations

import attrs
import pytest

from budgetkit import datasets
from budgetkit.checks.context import Context
from budgetkit.datasets import synthetic
from budgetkit.model.account import Figure
from budgetkit.model.claim import PathError, resolve
from budgetkit.model.paths import ModelIndex, walk
from budgetkit.outputs.table import published_figures


@pytest.mark.parametrize("name", ["zigong-hr-2023", "putuo-planning-2024", "putuo-social-work-2024"])
def test_the_index_resolves_every_path_as_resolve_does(name: str) -> None:
    """Every claim subject and base resolves to the same value (or the same error) through the index."""
    account = datasets.load(name)
    index = ModelIndex(account)
    paths = [c.subject for c in account.claims] + [c.base for c in account.claims if c.base]
    paths += [path for path, _ in walk(account) if "[" in path][:200]
    for path in paths:
        try:
            expected = resolve(account, path)
        except PathError as exc:
            with pytest.raises(PathError, match=str(exc.args[0]).split(":")[0][:20]):
                index.resolve(path)
            continue
        assert index.resolve(path) == expected, path


def test_the_index_finds_the_first_element_depth_first() -> None:
    """A key held by a 项 and by a later 类 finds the one a depth-first scan meets first, like resolve."""
    account = synthetic.generate(3)
    categories = account.general_budget.categories
    first_item = categories[0].children[0].children[0] if categories[0].children[0].children else categories[0]
    twisted = attrs.evolve(categories[-1], name=first_item.name, code=None, children=())
    account = attrs.evolve(
        account, general_budget=attrs.evolve(account.general_budget, categories=(*categories, twisted))
    )
    path = f"general_budget.categories[{first_item.name}]"
    assert ModelIndex(account).resolve(path) is resolve(account, path) is first_item


def test_context_keeps_one_index_per_account() -> None:
    """A rule's Context builds the index once and resolves through it."""
    ctx = Context(datasets.load("zigong-hr-2023"))
    assert ctx.index is ctx.index
    assert ctx.resolve("general_budget.categories[事业运行].actual") == resolve(
        ctx.account, "general_budget.categories[事业运行].actual"
    )


def test_walk_lists_the_published_figures_in_model_order() -> None:
    """The walker, stopped at figures, gives the tables' figure paths in the same order."""
    account = datasets.load("zigong-hr-2023")
    walked = [p for p, v in walk(account, sequences=False, leaves=(Figure,)) if isinstance(v, Figure)]
    assert walked == [f.path for f in published_figures(account, blank=True)]
    assert ("projects[0].indicators[0]", account.projects[0].indicators[0]) in list(walk(account))
