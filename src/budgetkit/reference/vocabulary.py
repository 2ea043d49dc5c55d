"""The vocabulary of the report: every label a reader sees, written once.

Figures (by model path), sections of 情况说明, parts of the report, severities, the "not comparable"
wording and the money units live here, so a ministry renaming a line is a one-place change. The
model, the checks, the narrative, the tables, the charts and the importer all read these tables;
this module sits low (reference data), so every layer may import it.

>>> FIGURE_LABELS["three_public.vehicle"], THREE_PUBLIC_LABELS["vehicle"] == FIGURE_LABELS["three_public.vehicle"]
('公务用车购置及运行维护费', True)
>>> NOT_COMPARABLE, NOT_COMPARABLE_EN
('--（基数为0，不可比）', 'n/a (zero base)')
>>> SECTION_TITLES[6], PART_LABELS["THREE_PUBLIC"]
('“三公”经费财政拨款支出决算情况说明', '"三公"经费')
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Final

__all__ = [
    "CHART_FIGURES",
    "CHART_PARTS",
    "CHART_TITLES",
    "CLAIM_KIND_LABELS",
    "FIGURE_LABELS",
    "FIGURE_TABLES",
    "FUND_NAMES",
    "MONEY_UNITS",
    "MONEY_UNITS_EN",
    "NOT_COMPARABLE",
    "NOT_COMPARABLE_EN",
    "PART_LABELS",
    "PROCUREMENT_LABELS",
    "SECTION_TITLES",
    "SEVERITY_LABELS",
    "SHANGHAI_SECTION_TITLES",
    "SHANGHAI_SUBSECTION_TITLES",
    "SHANGHAI_TITLE",
    "SICHUAN_TITLE",
    "SUBSECTION_TITLES",
    "THREE_PUBLIC_COUNTS",
    "THREE_PUBLIC_LABELS",
    "YEAR_WORDS",
    "chart_title_key",
    "figure_names",
]

#: How published Chinese text writes a rate whose base is zero.
NOT_COMPARABLE: Final = "--（基数为0，不可比）"
#: The same in English output.
NOT_COMPARABLE_EN: Final = "n/a (zero base)"

#: A severity's Chinese label, by its value.
SEVERITY_LABELS: Final[Mapping[str, str]] = MappingProxyType({"info": "提示", "warning": "警告", "error": "错误"})

#: The money units a figure is shown in, Chinese and English (``{}`` is the number).
MONEY_UNITS: Final[Mapping[str, str]] = MappingProxyType({"元": "{}元", "万元": "{}万元", "亿元": "{}亿元"})
MONEY_UNITS_EN: Final[Mapping[str, str]] = MappingProxyType(
    {"元": "{} CNY", "万元": "{} (10k CNY)", "亿元": "{} (100m CNY)"}
)

#: This year and last year in messages: (Chinese, English).
YEAR_WORDS: Final[Mapping[str, tuple[str, str]]] = MappingProxyType(
    {"current": ("本年", "current"), "previous": ("上年", "previous")}
)

#: What a claim of each kind (``budgetkit.model.claim.ClaimKind`` value) states, in Chinese.
CLAIM_KIND_LABELS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "amount": "金额",
        "change": "增减额",
        "growth": "增长率",
        "share": "占比",
        "completion": "完成率",
        "ratio": "比率",
        "count": "数量",
        "sum": "合计",
        "score": "得分",
    }
)

#: The three fund types of 财政拨款, by the model's attribute name.
FUND_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {"general_budget": "一般公共预算", "government_fund": "政府性基金预算", "state_capital": "国有资本经营预算"}
)

_VEHICLE: Final = "公务用车购置及运行维护费"

#: The Chinese name of every published figure of the model, by its path.
FIGURE_LABELS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "income.fiscal": "财政拨款收入",
        "income.general_budget": "一般公共预算财政拨款收入",
        "income.government_fund": "政府性基金预算财政拨款收入",
        "income.state_capital": "国有资本经营预算财政拨款收入",
        "income.superior_subsidy": "上级补助收入",
        "income.business": "事业收入",
        "income.operating": "经营收入",
        "income.affiliated": "附属单位上缴收入",
        "income.other": "其他收入",
        "income.year_total": "本年收入合计",
        "income.non_fiscal_balance_used": "使用非财政拨款结余（含专用结余）",
        "income.opening_balance": "年初结转和结余",
        "income.total": "收入总计",
        "expenditure.basic": "基本支出",
        "expenditure.project": "项目支出",
        "expenditure.to_superior": "上缴上级支出",
        "expenditure.operating": "经营支出",
        "expenditure.to_affiliated": "对附属单位补助支出",
        "expenditure.year_total": "本年支出合计",
        "expenditure.surplus_distribution": "结余分配",
        "expenditure.closing_balance": "年末结转和结余",
        "expenditure.total": "支出总计",
        **{
            f"fiscal.{fund}.{field}": f"{name}财政拨款{word}"
            for fund, name in FUND_NAMES.items()
            for field, word in (
                ("opening", "年初结转和结余"),
                ("income", "收入"),
                ("expenditure", "支出"),
                ("closing", "年末结转和结余"),
            )
        },
        "fiscal.total": "财政拨款收、支总计",
        "fiscal.opening": "年初财政拨款结转和结余",
        "fiscal.expenditure": "本年财政拨款支出",
        "fiscal.closing": "年末财政拨款结转和结余",
        "fiscal.expenditure_total": "财政拨款支出总计",
        "general_budget.total": "一般公共预算财政拨款支出",
        "general_budget.basic": "一般公共预算财政拨款基本支出",
        "general_budget.project": "一般公共预算财政拨款项目支出",
        "general_budget.personnel": "人员经费",
        "general_budget.public_use": "公用经费",
        "three_public.total": "“三公”经费财政拨款支出",
        "three_public.outbound": "因公出国（境）费",
        "three_public.vehicle": _VEHICLE,
        "three_public.vehicle_purchase": "公务用车购置费",
        "three_public.vehicle_operation": "公务用车运行维护费",
        "three_public.reception": "公务接待费",
        "three_public.reception_domestic": "国内公务接待费",
        "three_public.reception_foreign": "外事接待费",
        "three_public.reception_guests": "外宾接待费",
        "operating_costs": "机关运行经费",
        "procurement.total": "政府采购支出总额",
        "procurement.goods": "政府采购货物支出",
        "procurement.works": "政府采购工程支出",
        "procurement.services": "政府采购服务支出",
        "procurement.sme": "授予中小企业合同金额",
        "procurement.small_micro": "授予小微企业合同金额",
    }
)

#: The table that prints the figures of each part of the model, by the part's attribute name: what tells apart two
#: figures of one label (一般公共预算财政拨款支出 is a line of 财政拨款收入支出决算总表 and the 合计 of its own table).
FIGURE_TABLES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "income": "收入支出决算总表",
        "expenditure": "收入支出决算总表",
        "fiscal": "财政拨款收入支出决算总表",
        "general_budget": "一般公共预算财政拨款支出决算表",
        "three_public": "财政拨款“三公”经费支出决算表",
        "operating_costs": "情况说明",
        "procurement": "情况说明",
    }
)


def figure_names(paths: Sequence[str]) -> tuple[str, ...]:
    """The Chinese names of the figures at ``paths``, each told apart: a label two of them share is followed by the
    table each is printed in (:data:`FIGURE_TABLES`); a path without a label is its own name.

    >>> figure_names(["fiscal.general_budget.expenditure", "general_budget.total", "income.total"])
    ('一般公共预算财政拨款支出（财政拨款收入支出决算总表）', '一般公共预算财政拨款支出（一般公共预算财政拨款支出决算表）', '收入总计')
    >>> figure_names(["general_budget.total"])
    ('一般公共预算财政拨款支出',)
    """
    labels = [FIGURE_LABELS.get(path, path) for path in paths]
    shared = {label for label in labels if labels.count(label) > 1}
    return tuple(
        f"{label}（{FIGURE_TABLES.get(path.split('.')[0], path)}）" if label in shared else label
        for path, label in zip(paths, labels, strict=True)
    )


#: The three parts of the "三公"经费, by the model's attribute name.
THREE_PUBLIC_LABELS: Final[Mapping[str, str]] = MappingProxyType(
    {name: FIGURE_LABELS[f"three_public.{name}"] for name in ("outbound", "vehicle", "reception")}
)
#: What each count of the 三公 counts (Chinese), its unit, and the English words, by the model's field
#: (``budgetkit.model.account.ThreePublic``).
THREE_PUBLIC_COUNTS: Final[Mapping[str, tuple[str, str, str]]] = MappingProxyType(
    {
        "outbound_groups": ("因公出国（境）团组", "个", "groups abroad"),
        "outbound_persons": ("因公出国（境）", "人次", "persons abroad"),
        "vehicles_purchased": ("购置车辆", "辆", "vehicles bought"),
        "vehicles_owned": ("公务用车保有量", "辆", "official vehicles owned"),
        "domestic_batches": ("国内公务接待", "批次", "domestic receptions"),
        "domestic_persons": ("国内公务接待", "人次", "domestic receptions"),
        "foreign_batches": ("外事接待", "批次", "foreign receptions"),
        "foreign_persons": ("外事接待", "人次", "foreign receptions"),
        "reception_batches": ("公务接待", "批次", "official receptions"),
        "reception_persons": ("公务接待", "人次", "official receptions"),
        "guest_batches": ("接待外宾", "批次", "foreign guests received"),
        "guest_persons": ("接待外宾", "人次", "foreign guests received"),
    }
)
#: The three kinds of government procurement, by the model's attribute name.
PROCUREMENT_LABELS: Final[Mapping[str, str]] = MappingProxyType(
    {name: FIGURE_LABELS[f"procurement.{name}"] for name in ("goods", "works", "services")}
)

#: The ten section titles of 情况说明 (一 to 十).
SECTION_TITLES: Final[tuple[str, ...]] = (
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
#: The subsection titles of the sections that have them, by section number (1-based).
_GENERAL_BUDGET_SUBSECTIONS: Final = (
    "一般公共预算财政拨款支出决算总体情况",
    "一般公共预算财政拨款支出决算结构情况",
    "一般公共预算财政拨款支出决算具体情况",
)
_THREE_PUBLIC_SUBSECTIONS: Final = ("“三公”经费财政拨款支出决算总体情况说明", "“三公”经费财政拨款支出决算具体情况说明")
SUBSECTION_TITLES: Final[Mapping[int, tuple[str, ...]]] = MappingProxyType(
    {
        5: _GENERAL_BUDGET_SUBSECTIONS,
        7: _THREE_PUBLIC_SUBSECTIONS,
        10: ("机关运行经费支出情况", "政府采购支出情况", "国有资产占有使用情况", "预算绩效管理情况"),
    }
)

#: The title of Part Two of a Sichuan 单位决算说明 (the seed's layout), whose sections are :data:`SECTION_TITLES`.
SICHUAN_TITLE: Final = "第二部分 {year}年度单位决算情况说明"

#: Part Three (情况说明) of a 部门决算 in the national 2024 layout (Shanghai's template).
SHANGHAI_TITLE: Final = "第三部分 {unit}{year}年度部门决算情况说明"
SHANGHAI_SECTION_TITLES: Final[tuple[str, ...]] = (
    *SECTION_TITLES[:6],  # 一 to 六 as in every layout
    "财政拨款“三公”经费支出决算情况说明",
    "政府性基金预算财政拨款收入支出决算情况说明",
    "国有资本经营预算财政拨款收入支出决算情况说明",
    "预算绩效管理情况",
    "其他重要事项的情况说明",
)
SHANGHAI_SUBSECTION_TITLES: Final[Mapping[int, tuple[str, ...]]] = MappingProxyType(
    {
        5: _GENERAL_BUDGET_SUBSECTIONS,
        7: _THREE_PUBLIC_SUBSECTIONS,
        11: ("机关运行经费支出情况", "政府采购支出情况", "国有资产占有使用情况说明"),
    }
)

#: The titles of the seven charts of 情况说明, by chart number.
CHART_TITLES: Final[Mapping[int, str]] = MappingProxyType(
    {
        1: "收、支决算总计变动情况图",
        2: "收入决算结构图",
        3: "支出决算结构图",
        4: "财政拨款收、支决算总计变动情况",
        5: "一般公共预算财政拨款支出决算变动情况",
        6: "一般公共预算财政拨款支出决算结构",
        7: "“三公”经费财政拨款支出结构",
    }
)

#: The figure each bar chart of the seven shows this year and last year, by chart number (chart 1's 收、支决算总计 is
#: 收入总计, which equals 支出总计).
CHART_FIGURES: Final[Mapping[int, str]] = MappingProxyType({1: "income.total", 4: "fiscal.total", 5: "general_budget.total"})
#: What each pie chart of the seven divides, by chart number: the model path whose parts are its wedges (the
#: 类 lines of ``general_budget.categories`` for chart 6).
CHART_PARTS: Final[Mapping[int, str]] = MappingProxyType(
    {2: "income", 3: "expenditure", 6: "general_budget.categories", 7: "three_public"}
)

#: What printings of one chart title vary in: a number (图1：), the year, a unit in brackets (（单位：万元）), spaces,
#: brackets, quotes and marks, 图, 情况.
_CHART_TITLE_NOISE: Final = re.compile(
    r"^\s*图\s*\d{1,2}\s*[：:.、]?|\d{4}\s*年度?|[（(][^（）()]{0,8}元[)）]|[\s（）()【】\[\]“”\"'‘’、，,：:。·]|图|情况"
)


def chart_title_key(title: str) -> str:
    """A chart title without what its printings vary in (a number, the year, spaces, brackets, quotes and marks, 图,
    情况), to tell two printings of one title from two titles.

    >>> chart_title_key("收、支决算总计变动情况图") == chart_title_key("图1：2023年收支决算总计变动（单位：万元） ")
    True
    >>> chart_title_key("一般公共预算财政拨款支出决算变动情况") == chart_title_key("财政拨款收、支决算总计变动情况")
    False
    """
    return _CHART_TITLE_NOISE.sub("", title)


#: The parts of the report findings are grouped by (``budgetkit.checks.finding.Part``), by member name.
PART_LABELS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "TOTALS": "收入支出决算总体情况",
        "INCOME": "收入决算",
        "EXPENDITURE": "支出决算",
        "FISCAL": "财政拨款收入支出决算",
        "GENERAL_BUDGET": "一般公共预算财政拨款支出决算",
        "THREE_PUBLIC": '"三公"经费',
        "OTHER": "其他重要事项",
        "PERFORMANCE": "预算绩效管理",
        "PROJECTS": "项目支出绩效自评表",
        "TEXT": "文字表述",
        "CHARTS": "图表",
    }
)
