"""Built-in example datasets, loaded through the same loader users use.

>>> account = load("zigong-hr-2023")
>>> account.unit, account.year
('自贡市人力资源服务中心', 2023)
>>> names()
('zigong-hr-2023', 'putuo-planning-2024', 'putuo-social-work-2024')
>>> len(load("putuo-planning-2024").tables.tables)
9
"""

from __future__ import annotations

from importlib import resources

from budgetkit.account import FinalAccount
from budgetkit.errors import LoadError, LoadIssue
from budgetkit.io import loads

__all__ = ["load", "names"]

_FILES = {
    "zigong-hr-2023": "zigong-hr-2023.toml",
    "putuo-planning-2024": "putuo-planning-2024.toml",
    "putuo-social-work-2024": "putuo-social-work-2024.toml",
}


def names() -> tuple[str, ...]:
    """The names of the built-in datasets."""
    return tuple(_FILES)


def load(name: str) -> FinalAccount:
    """Load a built-in dataset by name (see :func:`names`)."""
    try:
        filename = _FILES[name]
    except KeyError:
        raise LoadError(
            name, [LoadIssue("$", f"no built-in dataset named {name!r}; known: {', '.join(_FILES)}")]
        ) from None
    text = resources.files(__package__).joinpath(filename).read_text(encoding="utf-8")
    return loads(text, "toml", source=f"budgetkit dataset {name}")
