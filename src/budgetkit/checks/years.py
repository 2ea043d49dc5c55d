"""Two years' reports of one unit, checked together: last year's figures from last year's report.

A 决算 prints many figures beside their last-year values only in words: "收入总计X万元，比上年增加D万元，增长p%"
prints X, D and p, never last year's total, so the change and the rate cannot be checked from the report alone
(``budgetkit check`` lists them as not checked). Last year's report printed that total as its 本年 figure.
:func:`with_previous` fills each last-year figure a report does not print from last year's report, so that
:func:`budgetkit.check` checks every change, rate and direction against it — and the 年初结转和结余 against last
year's 年末结转和结余 (``identity.cross_year``) — and finds where the report prints a last-year figure other than
last year's report did (``years.previous``: restated figures must be explained). To see the two years side by
side rather than check them, :func:`budgetkit.outputs.table.compare` lines them up in a data frame.

>>> from budgetkit import Money, check
>>> from budgetkit.model.account import Figure, FinalAccount, Income, UnitType
>>> from budgetkit.model.claim import Claim, ClaimKind
>>> unit = dict(unit="某局", unit_type=UnitType.ADMINISTRATIVE)
>>> last = FinalAccount(**unit, year=2023, income=Income(total=Figure("900.00")))
>>> this = FinalAccount(
...     **unit, year=2024, income=Income(total=Figure("1000.00")),
...     claims=(Claim(kind=ClaimKind.GROWTH, subject="income.total", stated="10.00", section="一"),),
... )
>>> joined = with_previous(this, last)
>>> joined.filled, joined.account.income.total.previous
(('income.total',), Money('900.00'))
>>> [(f.rule, f.stated_text, f.expected_text) for f in check(joined.account) if f.rule.startswith("claim")]
[('claim.growth', '10.00', '11.11')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

import attrs

from budgetkit.checks.context import Context, Rule, make_finding
from budgetkit.checks.finding import Finding, Part, Words
from budgetkit.errors import ModelError
from budgetkit.model.account import FIGURE_LABELS, Figure, FinalAccount
from budgetkit.model.paths import walk
from budgetkit.values.interval import Interval

__all__ = ["RULE", "Joined", "same_unit", "with_previous"]

#: The part of the report a figure belongs to, by the start of its path (the first that matches).
_PARTS = (
    (("income.total", "expenditure.total"), Part.TOTALS),
    (("income.",), Part.INCOME),
    (("expenditure.",), Part.EXPENDITURE),
    (("fiscal.",), Part.FISCAL),
    (("general_budget.",), Part.GENERAL_BUDGET),
    (("three_public.",), Part.THREE_PUBLIC),
)


def _one_report(ctx: Context) -> Iterator[Finding]:
    """Nothing: one report alone has no last year's report to be joined with (see :func:`with_previous`)."""
    del ctx
    return iter(())


#: The finding codes of a join, as a rule: it documents them and lets ``disable`` name them (``--disable years``);
#: it is not among the rules :func:`budgetkit.check` runs, since it needs two reports.
RULE = Rule(
    code="years",
    title="上年度报告：本报告未列的上年数取自上年度报告，已列的与之核对",
    title_en="Last year's report: the last-year figures a report does not print taken from it, those it prints "
    "compared with it",
    func=_one_report,
    source="DOMAIN.md §3 (cross-year: last year's 年末结转和结余 = this year's 年初结转和结余) [rule]",
    codes=("years.previous", "years.unit"),
)


@attrs.frozen
class Joined:
    """A report joined with last year's: ``account`` with the last-year figures it did not print taken from last
    year's report (their paths in ``filled``), and the ``findings`` of the join itself (``years.previous``,
    ``years.unit``), to be shown with those of :func:`budgetkit.check` on ``account``."""

    account: FinalAccount
    filled: tuple[str, ...]
    findings: tuple[Finding, ...]

    def own(self, findings: Iterable[Finding]) -> list[Finding]:
        """``findings`` of :func:`budgetkit.check` on :attr:`account` without those that are last year's report's own:
        an identity among last year's figures (上年收入总计 = 支出总计, "三公"经费（上年） = its parts, their rounding
        notes) whose total this report does not print but last year's report does. Last year's report answers for
        those; a change this report states against them is still checked.
        """
        filled = set(self.filled)
        return [f for f in findings if not _last_years_own(f, filled)]


def _last_years_own(finding: Finding, filled: set[str]) -> bool:
    path = finding.path.removesuffix(".previous")
    return (
        finding.rule.startswith(("identity.", "rounding.residue"))
        and path != finding.path
        and path in filled
    )


def with_previous(current: FinalAccount, previous: FinalAccount) -> Joined:
    """``current`` with each last-year figure it does not print taken from ``previous`` (that report's 本年 figure).

    Each last-year figure ``current`` prints is kept, and compared with what ``previous`` printed: where the two
    cannot be the same figure at their printed places, a ``years.previous`` warning. A unit named otherwise in the
    two reports gives a ``years.unit`` warning (a unit renamed, or the wrong file); the figures are still joined.

    Raises :class:`~budgetkit.errors.ModelError` when ``previous`` is not of the year before ``current``.
    """
    if previous.year != current.year - 1:
        raise ModelError(
            f"last year's report must be of {current.year - 1}, the year before {current.unit}'s {current.year}: "
            f"the report given is of {previous.year} ({previous.unit})"
        )
    findings: list[Finding] = []
    if same_unit(previous.unit) != same_unit(current.unit):
        findings.append(make_finding("years.unit", "unit", stated=current.unit, expected=previous.unit))
    then = dict(_figures(previous))
    filled: list[str] = []
    account = current
    for path, figure in _figures(current):
        before = then.get(path)
        if before is None or before.current is None:
            continue
        if figure.previous is None:
            account = _replace(account, path.split("."), attrs.evolve(figure, previous=before.current))
            filled.append(path)
        elif not _same(figure.previous.amount, before.current.amount):
            findings.append(
                make_finding(
                    "years.previous",
                    f"{path}.previous",
                    stated=figure.previous,
                    expected=before.current,
                    part=_part(path),
                    label=Words(FIGURE_LABELS.get(path, path), path),
                    year=previous.year,
                )
            )
    return Joined(account, tuple(filled), tuple(findings))


def _figures(account: FinalAccount) -> Iterator[tuple[str, Figure]]:
    for path, value in walk(account, sequences=False, leaves=(Figure,)):
        if isinstance(value, Figure):
            yield path, value


def _replace(root: Any, names: list[str], value: Any) -> Any:
    """``root`` with the field at the dotted ``names`` replaced by ``value`` (every object on the way evolved)."""
    head, *rest = names
    return attrs.evolve(root, **{head: _replace(getattr(root, head), rest, value) if rest else value})


def _same(a: Decimal, b: Decimal) -> bool:
    """Whether two printed amounts may be one figure: their rounding intervals meet (10.2 and 10.23 may be)."""
    return Interval.published(a).overlaps(Interval.published(b))


def same_unit(unit: str) -> str:
    """A unit's name as the join compares it: without spaces (a PDF's title may print them between characters).

    >>> same_unit("上海市 普陀区 规划和自然资源局") == same_unit("上海市普陀区规划和自然资源局")
    True
    """
    return "".join(unit.split())


def _part(path: str) -> Part:
    return next((part for starts, part in _PARTS if path.startswith(starts)), Part.OTHER)
