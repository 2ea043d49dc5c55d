"""Charts: each chart's data depicts the figures it is named for.

The chart data exported with a report is compared with the model figures it
depicts (at their printed precision); a value carrying binary floating-point
noise ("1054.9000000000001") is reported as information.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from budgetkit.checks.context import Context, Rule
from budgetkit.checks.finding import Finding, Part, Words
from budgetkit.checks.rules.claims import _interval, operand_terms
from budgetkit.checks.rules.forms import ClaimForm, FormKind
from budgetkit.errors import InvalidNumberError
from budgetkit.model.account import FinalAccount
from budgetkit.model.claim import PathError, resolve
from budgetkit.reference.vocabulary import chart_title_key
from budgetkit.values.interval import Interval
from budgetkit.values.numbers import round_half_up, to_decimal

__all__ = ["RULES", "chart_form"]

#: Places a chart value may have: a spreadsheet writes floats such as 1054.9000000000001.
CHART_PLACES = 24


def _same_title(a: str, b: str) -> bool:
    return chart_title_key(a) == chart_title_key(b)


def _charts(ctx: Context) -> Iterator[Finding]:
    for i, chart in enumerate(ctx.account.charts):
        path = f"charts[{i}]"
        name = Words(f"图{chart.number}“{chart.title}”", f"chart {chart.number}")
        if chart.data_title and not _same_title(chart.title, chart.data_title):
            yield ctx.finding(
                "chart.title",
                f"{path}.data_title",
                stated=chart.data_title,
                expected=chart.title,
                part=Part.CHARTS,
                chart=name,
            )
        if chart.labels and chart.values and len(chart.labels) != len(chart.values):
            yield ctx.finding(
                "chart.shape",
                path,
                part=Part.CHARTS,
                chart=name,
                labels=len(chart.labels),
                values=len(chart.values),
            )
        for j, (raw, subject) in enumerate(zip(chart.values, chart.subjects, strict=False)):
            yield from _value(ctx, f"{path}.values[{j}]", name, raw, subject)


def _value(ctx: Context, path: str, name: Words, raw: str, subject: str) -> Iterator[Finding]:
    try:  # the number door: "1e999999999" is refused here, never expanded
        value = to_decimal(raw, max_places=CHART_PLACES)
    except InvalidNumberError:
        yield ctx.finding(
            "chart.value",
            path,
            stated=raw[:40],
            part=Part.CHARTS,
            variant="not_a_number",
            chart=name,
        )
        return
    try:
        figure = ctx.resolve(subject)
    except PathError:
        return
    truth = _interval(ctx, figure)
    if truth is None:
        return
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    shown = round_half_up(value, 2) if -exponent > 6 else value
    if not (truth.overlaps(Interval.published(shown)) or truth.contains(Fraction(value))):
        yield ctx.finding(
            "chart.value",
            path,
            stated=raw,
            expected=truth,
            part=Part.CHARTS,
            chart=name,
            subject=subject,
        )
    elif -exponent > 6:
        yield ctx.finding(
            "chart.float_artifact",
            path,
            stated=raw,
            expected=shown,
            part=Part.CHARTS,
            chart=name,
        )


def chart_form(account: FinalAccount, raw: str, subject: str) -> ClaimForm | None:
    """The claim a chart value makes, that it depicts its figure, as a form (None: nothing to compare).

    Raises :class:`ValueError` for a value only the rule itself can judge: not a number, or
    finer than 1 分 (floating-point noise, which the rule reports).

    >>> from budgetkit import datasets
    >>> chart_form(datasets.load("zigong-hr-2023"), "1054.9", "income.total").num
    ((1, Decimal('1054.90'), False),)
    """
    try:  # the number door: "1e999999999" is refused here, never expanded
        value = to_decimal(raw, max_places=CHART_PLACES)
    except InvalidNumberError:
        raise ValueError("not a number") from None
    exponent = value.as_tuple().exponent
    if not value.is_finite() or type(exponent) is not int or exponent < -6:
        raise ValueError("not a number, or finer than 1 分")
    try:
        figure = resolve(account, subject)
    except PathError:
        return None
    terms = operand_terms(figure)
    return None if terms is None else ClaimForm(FormKind.LINEAR, value, terms)


RULES = (
    Rule(
        code="chart",
        title="图表数据与正文数据一致，图名一致",
        title_en="Chart data matches the figures it depicts, and chart titles match the text",
        func=_charts,
        source="DOMAIN.md §1 (charts)",
        codes=("chart.title", "chart.shape", "chart.value", "chart.float_artifact"),
    ),
)
