"""Built-in example datasets, loaded through the same loader users use.

``import budgetkit`` is enough: ``budgetkit.datasets`` is imported on first use.

>>> account = load("zigong-hr-2023")
>>> account.unit, account.year
('自贡市人力资源服务中心', 2023)
>>> names()
('zigong-hr-2023', 'putuo-planning-2024', 'putuo-social-work-2024')
>>> len(load("putuo-planning-2024").tables.tables)
9
>>> info("zigong-hr-2023").money_unit
'万元'
"""

from __future__ import annotations

from importlib import resources
from typing import NamedTuple

from budgetkit.errors import LoadError, LoadIssue
from budgetkit.io import loads
from budgetkit.model.account import FinalAccount

__all__ = ["DatasetInfo", "describe", "info", "load", "names"]

_FILES = {
    "zigong-hr-2023": "zigong-hr-2023.toml",
    "putuo-planning-2024": "putuo-planning-2024.toml",
    "putuo-social-work-2024": "putuo-social-work-2024.toml",
}

#: What each dataset is and where it comes from (the unit and year are read from the dataset itself).
_DESCRIPTIONS = {
    "zigong-hr-2023": (
        "四川省自贡市人力资源服务中心2023年度单位决算说明，本库据以建立的报告：第二部分的全部数字、说法与图表，"
        "9个项目（7张绩效自评表）；原文的错漏照录，供 budgetkit check 查出"
    ),
    "putuo-planning-2024": (
        "上海市普陀区规划和自然资源局2024年度部门决算：九张公开表逐格、情况说明逐段、名词解释全文照录，"
        "经手工核对的错漏列于 notes"
    ),
    "putuo-social-work-2024": (
        "中共上海市普陀区委社会工作部2024年度部门决算（当年新设部门）：九张公开表逐格、情况说明逐段照录，"
        "经手工核对的错漏列于 notes"
    ),
}

#: Every amount of a final account is in 万元 (10,000 元); reception costs are kept in 元 beside them.
_MONEY_UNIT = "万元"


class DatasetInfo(NamedTuple):
    """What a built-in dataset is: its name, budget unit, year, unit type, money unit and a description."""

    name: str
    unit: str
    year: int
    unit_type: str
    money_unit: str
    description: str


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


def info(name: str) -> DatasetInfo:
    """What the built-in dataset ``name`` is: unit and year (read from it), money unit and description.

    >>> dataset = info("zigong-hr-2023")
    >>> dataset.unit, dataset.year, dataset.unit_type
    ('自贡市人力资源服务中心', 2023, '公益一类事业单位')
    """
    account = load(name)
    return DatasetInfo(
        name=name,
        unit=account.unit,
        year=account.year,
        unit_type=account.unit_type.value,
        money_unit=_MONEY_UNIT,
        description=_DESCRIPTIONS.get(name, ""),
    )


def describe() -> tuple[DatasetInfo, ...]:
    """:func:`info` of every built-in dataset, in the order of :func:`names`.

    >>> [(d.name, d.year) for d in describe()]
    [('zigong-hr-2023', 2023), ('putuo-planning-2024', 2024), ('putuo-social-work-2024', 2024)]
    """
    return tuple(info(name) for name in names())
