"""The shared test of a printed total against its printed parts (internal)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from budgetkit.context import Context
from budgetkit.finding import Finding, Part, Severity
from budgetkit.interval import Interval
from budgetkit.money import Money
from budgetkit.numbers import places_of


def sum_findings(
    ctx: Context,
    code: str,
    path: str,
    what: str,
    what_en: str,
    total: Money | None,
    parts: Sequence[tuple[str, Money | None]],
    part: Part,
) -> Iterator[Finding]:
    """Check ``total`` = Σ ``parts`` on printed precision.

    Unreachable from the rounding intervals → an error under ``code``; reachable
    but the printed parts do not add up to the printed total → a
    ``rounding.residue`` info. Unknown figures (``None``) skip the check.
    """
    if total is None or any(amount is None for _, amount in parts) or not parts:
        return
    amounts = [amount for _, amount in parts if amount is not None]
    printed_sum = Money.sum(amounts)
    if printed_sum == total:
        return
    reach = Interval.exact(0)
    for amount in amounts:
        reach = reach + ctx.published(amount)
    labels = " + ".join(f"{label} {amount.amount}" for label, amount in parts if amount is not None)
    labels_en = " + ".join(f"{amount.amount}" for _, amount in parts if amount is not None)
    if reach.overlaps(ctx.published(total)):
        places = max([places_of(a.amount) for a in amounts] + [places_of(total.amount)])
        unit = Money(1).amount.scaleb(-places)
        diff = abs((printed_sum - total).amount)
        yield ctx.finding(
            "rounding.residue",
            Severity.INFO,
            path,
            f"{what}{total.amount}万元与各项之和{printed_sum.amount}万元（{labels}）相差{diff}万元，"
            f"{'为末位一个单位的' if diff == unit else ''}四舍五入尾差，在各数的舍入区间内可以成立",
            f"{what_en}: printed total {total.amount} vs printed parts summing to {printed_sum.amount} "
            f"({labels_en}); the difference {diff} is a rounding residue within the figures' rounding intervals",
            stated=total.amount,
            expected=printed_sum.amount,
            part=part,
        )
        return
    yield ctx.finding(
        code,
        Severity.ERROR,
        path,
        f"{what}{total.amount}万元不等于各项之和{printed_sum.amount}万元（{labels}），超出四舍五入可解释的范围",
        f"{what_en}: total {total.amount} does not equal the sum of its parts {printed_sum.amount} ({labels_en}), "
        "beyond what rounding explains",
        stated=total.amount,
        expected=printed_sum.amount,
        part=part,
    )


def count_findings(
    ctx: Context,
    code: str,
    path: str,
    what: str,
    what_en: str,
    total: int | None,
    parts: Sequence[int | None],
    part: Part,
) -> Iterator[Finding]:
    """Check a whole count against the sum of its parts (exact)."""
    if total is None or not parts or any(p is None for p in parts):
        return
    expected = sum(p for p in parts if p is not None)
    if expected != total:
        yield ctx.finding(
            code,
            Severity.ERROR,
            path,
            f"{what}{total}不等于各项之和{expected}",
            f"{what_en}: {total} does not equal the sum of its parts {expected}",
            stated=total,
            expected=expected,
            part=part,
        )
