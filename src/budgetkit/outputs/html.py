"""HTML tables of accounts, category lines, projects and indicators, for notebooks (an edge module).

:func:`render` turns a :class:`~budgetkit.model.account.FinalAccount`, an
:class:`~budgetkit.model.category.ExpenseCategory` tree, a :class:`~budgetkit.model.project.Project`
or a :class:`~budgetkit.model.indicator.PerformanceIndicator` into a self-contained HTML
fragment with Chinese headings, as Jupyter shows it through ``_repr_html_``.
Amounts are shown exactly as stored (in 万元, with thousands separators and the
places they were printed with); rates are rounded half-up to two places; a
blank (unknown) value shows as ``—``, never 0. Every piece of text is escaped.
No pandas is needed.

>>> from budgetkit.datasets import load
>>> account = load("zigong-hr-2023")
>>> page = render(account)
>>> ">项目</th>" in page, ">收入总计</td>" in page, ">+66.02</td>" in page, ">6.68%</td>" in page
(True, True, True, True)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from html import escape
from typing import NamedTuple

from budgetkit.checks.scoring import IndicatorScore, score_indicator, score_project
from budgetkit.errors import BudgetkitError
from budgetkit.model.account import Figure, FinalAccount
from budgetkit.model.category import ExpenseCategory
from budgetkit.model.indicator import PerformanceIndicator
from budgetkit.model.project import FundLine, Project
from budgetkit.outputs.table import published_figures
from budgetkit.values.money import Money
from budgetkit.values.ratio import Ratio

__all__ = ["KEY_FIGURES", "RenderError", "render"]

#: The figures :func:`render` shows for a final account, in order (those printed).
KEY_FIGURES: tuple[str, ...] = (
    "income.total",
    "income.year_total",
    "expenditure.total",
    "expenditure.year_total",
    "expenditure.basic",
    "expenditure.project",
    "fiscal.total",
    "general_budget.total",
    "general_budget.personnel",
    "general_budget.public_use",
    "three_public.total",
    "operating_costs",
    "procurement.total",
)

_BLANK = "—"
_PLACES = 2
_INDENT_EM = Decimal("1.5")
# Inline styles only: the fragment reads the same in a bare browser, Jupyter, VS Code and GitHub, none of
# which is asked to load a stylesheet (and GitHub drops <style> elements).
_TABLE_STYLE = "border-collapse:collapse;margin:8px 0;font-size:14px;line-height:1.45"
_CAPTION_STYLE = "caption-side:top;text-align:left;font-weight:bold;padding:4px 0"
_CELL_STYLE = "border:1px solid #c8c8c8;padding:4px 10px;vertical-align:top"
_HEADER_STYLE = "background:#f2f2f2;font-weight:bold;text-align:center;white-space:nowrap"
_NUMERIC_STYLE = "text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums"
_MISMATCH_STYLE = "color:#b00020;font-weight:bold"
_YES_NO = {True: "是", False: "否", None: _BLANK}

_INDICATOR_HEADERS = (
    "一级指标",
    "二级指标",
    "三级指标",
    "指标性质",
    "指标值",
    "度量单位",
    "完成值",
    "权重",
    "自评得分",
    "规则得分",
    "得分一致",
)


class RenderError(BudgetkitError, TypeError):
    """An object :func:`render` has no HTML for.

    >>> render(3)
    Traceback (most recent call last):
    ...
    budgetkit.outputs.html.RenderError: no HTML for a int; render takes a FinalAccount, ExpenseCategory, Project or PerformanceIndicator
    """


class _Cell(NamedTuple):
    """A table cell: its text (escaped when written), alignment and indentation."""

    text: str
    numeric: bool = False
    indent: int = 0
    style: str = ""


_AnyCell = _Cell | str


# -- values as text ---------------------------------------------------------------------------


def _money(amount: Money | None) -> _Cell:
    return _Cell(_BLANK if amount is None else format(amount.amount, ",f"), numeric=True)


def _number(value: Decimal | None) -> _Cell:
    return _Cell(_BLANK if value is None else format(value, "f"), numeric=True)


def _rate(ratio: Ratio, known: bool = True) -> _Cell:
    """A rate half-up to two places; blank when an operand is unknown, 不可比 when the base is 0."""
    return _Cell(ratio.format(_PLACES) if known else _BLANK, numeric=True)


# -- HTML -------------------------------------------------------------------------------------


def _td(cell: _AnyCell, tag: str = "td") -> str:
    if isinstance(cell, str):
        cell = _Cell(cell)
    styles = [_CELL_STYLE]
    if tag == "th":
        styles.append(_HEADER_STYLE)
    if cell.numeric:
        styles.append(_NUMERIC_STYLE)
    if cell.indent:
        styles.append(f"padding-left:{_INDENT_EM * cell.indent}em")
    if cell.style:
        styles.append(cell.style)
    return f'<{tag} style="{escape(";".join(styles))}">{escape(cell.text)}</{tag}>'


def _table(caption: str, headers: Sequence[str], rows: Iterable[Sequence[_AnyCell]]) -> str:
    head = "".join(_td(h, "th") for h in headers)
    body = "".join(f"<tr>{''.join(_td(c) for c in row)}</tr>" for row in rows)
    return (
        f'<table class="budgetkit" style="{_TABLE_STYLE}">'
        f'<caption style="{_CAPTION_STYLE}">{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _block(*parts: str) -> str:
    return f'<div class="budgetkit">{"".join(parts)}</div>'


def _paragraph(text: str) -> str:
    return f"<p>{escape(text)}</p>"


# -- the four objects -------------------------------------------------------------------------


def _change_cells(figure: Figure) -> list[_AnyCell]:
    change = figure.change()
    if change is None:
        return [_Cell(_BLANK, numeric=True), _Cell(_BLANK, numeric=True)]
    return [_Cell(format(change.difference.amount, "+,"), numeric=True), _rate(change.growth)]


def _figure_row(label: str, figure: Figure) -> list[_AnyCell]:
    return [label, _money(figure.current), _money(figure.previous), *_change_cells(figure)]


def _account(account: FinalAccount) -> str:
    figures = {f.path: f for f in published_figures(account)}
    rows = [_figure_row(figures[path].label, figures[path].figure) for path in KEY_FIGURES if path in figures]
    evaluated = len(account.evaluated_projects)
    summary = (
        f"{account.unit} · {account.year}年度 · {account.unit_type.value} · "
        f"项目{len(account.projects)}个（绩效自评{evaluated}个） · 功能分类{len(account.general_budget.categories)}类"
    )
    headers = ("项目", f"{account.year}年", f"{account.previous_year}年", "增减额", "增减率")
    return _block(_paragraph(summary), _table("主要收支情况（单位：万元）", headers, rows))


def _category_rows(line: ExpenseCategory, depth: int) -> Iterable[list[_AnyCell]]:
    known = line.actual is not None and line.budget is not None
    yield [
        line.code or _BLANK,
        _Cell(line.name, indent=depth),
        line.level.value,
        _money(line.actual),
        _money(line.budget),
        _rate(line.completion, known),
        _money(line.basic),
        _money(line.project),
    ]
    for child in line.children:
        yield from _category_rows(child, depth + 1)


def _category(line: ExpenseCategory) -> str:
    headers = ("科目编码", "科目名称", "级次", "决算数", "预算数", "完成预算", "基本支出", "项目支出")
    caption = f"{line.name}（{line.level.value}）支出决算（单位：万元）"
    return _block(_table(caption, headers, _category_rows(line, 0)))


def _fund_row(line: FundLine) -> list[_AnyCell]:
    known = line.executed is not None and line.adjusted is not None
    stated = _BLANK if line.stated_rate is None else f"{line.stated_rate}%"
    return [
        line.source.value,
        _money(line.initial),
        _money(line.adjusted),
        _money(line.executed),
        _rate(line.execution_rate, known),
        _Cell(stated, numeric=True),
    ]


def _agreement(matches: bool | None) -> _Cell:
    return _Cell(_YES_NO[matches], style=_MISMATCH_STYLE if matches is False else "")


def _rule_cell(score: IndicatorScore) -> _Cell:
    if score.exact is not None:
        return _number(score.rule_rounded(_PLACES))
    band = score.band
    if band is not None:
        return _Cell(f"{band[0]}–{band[1]}", numeric=True)
    return _Cell(_BLANK, numeric=True)


def _indicator_row(score: IndicatorScore) -> list[_AnyCell]:
    ind = score.indicator
    return [
        ind.level1,
        ind.level2,
        ind.level3,
        ind.operator.value,
        _Cell(ind.target, numeric=True),
        ind.unit or _BLANK,
        _Cell(_BLANK if ind.actual is None else ind.actual, numeric=True),
        _number(ind.weight),
        _number(ind.stated_score),
        _rule_cell(score),
        _agreement(score.matches),
    ]


def _project(project: Project) -> str:
    title = project.name if project.code is None else f"{project.name}（{project.code}）"
    details = [project.kind.value] + [t for t in (project.department, project.implementer) if t]
    parts = [_paragraph(f"{title} · {' · '.join(details)}")]
    if project.funds.lines:
        headers = ("资金来源", "年初预算数", "调整后预算数", "预算执行数", "预算执行率", "填报执行率")
        parts.append(_table("项目资金（单位：万元）", headers, [_fund_row(line) for line in project.funds.lines]))
    if project.indicators or project.execution_score is not None:
        scored, total = score_project(project), project.funds.total
        rows: list[Sequence[_AnyCell]] = [
            [
                "预算执行情况",
                _BLANK,
                "预算执行率",
                _BLANK,
                _BLANK,
                _BLANK,
                _rate(scored.execution_rate, total.executed is not None and total.adjusted is not None),
                _number(scored.execution_weight),
                _number(scored.stated_execution_score),
                _number(scored.execution_score),
                _agreement(scored.execution_matches),
            ]
        ]
        rows += [_indicator_row(score) for score in scored.indicators]
        rows.append(
            [
                "合计",
                *[_BLANK] * 6,
                _number(scored.weight_total),
                _number(scored.stated_total),
                _number(scored.rule_total_rounded(_PLACES)),
                _agreement(scored.total_matches),
            ]
        )
        parts.append(_table("绩效自评：规则得分与自评得分", _INDICATOR_HEADERS, rows))
    return _block(*parts)


def _indicator(indicator: PerformanceIndicator) -> str:
    return _block(_table("绩效指标", _INDICATOR_HEADERS, [_indicator_row(score_indicator(indicator))]))


def render(obj: FinalAccount | ExpenseCategory | Project | PerformanceIndicator) -> str:
    """An HTML fragment showing ``obj`` as Chinese tables: what ``_repr_html_`` returns.

    A FinalAccount shows its key totals with last year and the change; an
    ExpenseCategory its tree as an indented table; a Project its money grid and
    its indicators with the rule score beside the stated one (a mismatch in
    red); a PerformanceIndicator one such row.

    >>> ind = PerformanceIndicator(level1="产出指标", level2="数量指标", level3="档案<增长>量",
    ...     operator="≥", target="2700", unit="份", actual="1549", weight="20", stated_score="11")
    >>> page = render(ind)
    >>> "档案&lt;增长&gt;量" in page, "text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums\\">11.47</td>" in page
    (True, True)
    """
    if isinstance(obj, FinalAccount):
        return _account(obj)
    if isinstance(obj, ExpenseCategory):
        return _category(obj)
    if isinstance(obj, Project):
        return _project(obj)
    if isinstance(obj, PerformanceIndicator):
        return _indicator(obj)
    raise RenderError(
        f"no HTML for a {type(obj).__name__}; render takes a FinalAccount, ExpenseCategory, Project "
        "or PerformanceIndicator"
    )
