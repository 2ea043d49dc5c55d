"""The titles of the narrative's parts, sections and subsections, for both layouts (kept in :mod:`budgetkit.reference.vocabulary`).

Two layouts are written: Sichuan's 单位决算 Part Two (the seed, ten sections,
:data:`SICHUAN_SECTIONS`) and the national 部门决算 Part Three as issued to
Shanghai departments (one section per published table, then 预算绩效管理情况
and 其他重要事项, :data:`SHANGHAI_SECTIONS`). A subsection tuple is keyed by the
number of its section (1-based).

>>> SHANGHAI_SECTIONS[4], SHANGHAI_SUBSECTIONS[5][1]
('一般公共预算财政拨款支出决算情况说明', '一般公共预算财政拨款支出决算结构情况')
"""

from __future__ import annotations

from budgetkit.reference.vocabulary import SECTION_TITLES as SICHUAN_SECTIONS
from budgetkit.reference.vocabulary import SHANGHAI_SECTION_TITLES as SHANGHAI_SECTIONS
from budgetkit.reference.vocabulary import SHANGHAI_SUBSECTION_TITLES as SHANGHAI_SUBSECTIONS
from budgetkit.reference.vocabulary import SHANGHAI_TITLE, SICHUAN_TITLE
from budgetkit.reference.vocabulary import SUBSECTION_TITLES as SICHUAN_SUBSECTIONS

__all__ = [
    "SHANGHAI_SECTIONS",
    "SHANGHAI_SUBSECTIONS",
    "SHANGHAI_TITLE",
    "SICHUAN_SECTIONS",
    "SICHUAN_SUBSECTIONS",
    "SICHUAN_TITLE",
]
