"""The titles of the narrative's parts, sections and subsections, for both layouts, in one place.

Two layouts are written: Sichuan's 单位决算 Part Two (the seed, ten sections,
:data:`SICHUAN_SECTIONS`) and the national 部门决算 Part Three as issued to
Shanghai departments (one section per published table, then 预算绩效管理情况
and 其他重要事项, :data:`SHANGHAI_SECTIONS`). A subsection tuple is keyed by the
number of its section (1-based).

>>> SHANGHAI_SECTIONS[4], SHANGHAI_SUBSECTIONS[5][1]
('一般公共预算财政拨款支出决算情况说明', '一般公共预算财政拨款支出决算结构情况')
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

__all__ = [
    "SHANGHAI_SECTIONS",
    "SHANGHAI_SUBSECTIONS",
    "SHANGHAI_TITLE",
    "SICHUAN_SECTIONS",
    "SICHUAN_SUBSECTIONS",
    "SICHUAN_TITLE",
]

#: Part Two of a Sichuan 单位决算说明 (the seed's layout).
SICHUAN_TITLE: Final = "第二部分 {year}年度单位决算情况说明"
SICHUAN_SECTIONS: Final[tuple[str, ...]] = (
    "收入支出决算总体情况说明",
    "收入决算情况说明",
    "支出决算情况说明",
    "财政拨款收入支出决算总体情况说明",
    "一般公共预算财政拨款支出决算情况说明",
    "一般公共预算财政拨款基本支出决算情况说明",
    "“三公”经费财政拨款支出决算情况说明",
    "政府性基金预算支出决算情况说明",
    "国有资本经营预算支出决算情况说明",
    "其他重要事项的情况说明",
)
SICHUAN_SUBSECTIONS: Final[Mapping[int, tuple[str, ...]]] = MappingProxyType(
    {
        5: (
            "一般公共预算财政拨款支出决算总体情况",
            "一般公共预算财政拨款支出决算结构情况",
            "一般公共预算财政拨款支出决算具体情况",
        ),
        7: ("“三公”经费财政拨款支出决算总体情况说明", "“三公”经费财政拨款支出决算具体情况说明"),
        10: ("机关运行经费支出情况", "政府采购支出情况", "国有资产占有使用情况", "预算绩效管理情况"),
    }
)

#: Part Three (情况说明) of a 部门决算 in the national 2024 layout (Shanghai's template).
SHANGHAI_TITLE: Final = "第三部分 {unit}{year}年度部门决算情况说明"
SHANGHAI_SECTIONS: Final[tuple[str, ...]] = (
    "收入支出决算总体情况说明",
    "收入决算情况说明",
    "支出决算情况说明",
    "财政拨款收入支出决算总体情况说明",
    "一般公共预算财政拨款支出决算情况说明",
    "一般公共预算财政拨款基本支出决算情况说明",
    "财政拨款“三公”经费支出决算情况说明",
    "政府性基金预算财政拨款收入支出决算情况说明",
    "国有资本经营预算财政拨款收入支出决算情况说明",
    "预算绩效管理情况",
    "其他重要事项的情况说明",
)
SHANGHAI_SUBSECTIONS: Final[Mapping[int, tuple[str, ...]]] = MappingProxyType(
    {
        5: (
            "一般公共预算财政拨款支出决算总体情况",
            "一般公共预算财政拨款支出决算结构情况",
            "一般公共预算财政拨款支出决算具体情况",
        ),
        7: ("“三公”经费财政拨款支出决算总体情况说明", "“三公”经费财政拨款支出决算具体情况说明"),
        11: ("机关运行经费支出情况", "政府采购支出情况", "国有资产占有使用情况说明"),
    }
)
