"""The shared test of a printed total against its printed parts, used by the rules and the batch.

An identity is data — :class:`SumCheck` (money, on printed precision) or
:class:`CountCheck` (whole counts, exact) — so that the per-account rules and
the vectorised batch (:mod:`budgetkit.checks.batch`) judge and word it with the same
code.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

import attrs

from budgetkit.checks.context import Context, make_finding
from budgetkit.checks.finding import Finding, Part, Words, words
from budgetkit.checks.rules.forms import sum_reaches, term_interval
from budgetkit.values.interval import Interval
from budgetkit.values.money import Money
from budgetkit.values.numbers import EXACT, places_of, readable
from budgetkit.values.wording import LaterWords

__all__ = ["CountCheck", "SumCheck", "count_findings", "sum_finding", "sum_findings"]


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
    yield from SumCheck(code, path, what, what_en, total, tuple(parts), part).findings(ctx.zero_is_exact)


@attrs.frozen
class SumCheck:
    """One identity between printed money figures: ``total`` = Σ ``parts``, as data.

    ``what``/``what_en`` name the total in messages; each part is (label, amount).
    """

    code: str
    path: str
    what: str
    what_en: str
    total: Money | None
    parts: tuple[tuple[str, Money | None], ...]
    part: Part
    #: whether printed parts over the total are an error when some parts are not printed (:meth:`findings`)
    bounded: bool = True

    @property
    def complete(self) -> bool:
        """Whether every figure is printed (an identity with an unknown figure is skipped)."""
        return self.total is not None and bool(self.parts) and all(amount is not None for _, amount in self.parts)

    @property
    def printed_over_total(self) -> bool:
        """Whether :meth:`findings` reports the printed parts over the total with zeros exact, the narrower
        intervals, so that it does under either setting: the batch's screen (it leaves such an account to the rules)."""
        return self._over_total(zero_is_exact=True)

    def _over_total(self, zero_is_exact: bool) -> bool:
        """Some parts not printed, none below 0, and those printed add up to more than the total beyond rounding."""
        total = self.total
        if not self.bounded or total is None or total.amount < 0 or self.complete:
            return False
        printed = [amount for _, amount in self.parts if amount is not None]
        if not printed or any(a.amount < 0 for a in printed) or Money.sum(printed) <= total:
            return False  # (the exact test first: most totals are above their printed parts)
        least = term_interval([(1, a.amount, False) for a in printed], zero_is_exact)
        most = Interval.published(total.amount, zero_is_exact=zero_is_exact)
        return least.lo is not None and most.hi is not None and least.lo >= most.hi

    def findings(self, zero_is_exact: bool = True) -> Iterator[Finding]:
        """Nothing when the printed parts add up; else a residue (info) or an error (see :func:`sum_findings`).

        With a part not printed the identity cannot be checked, but parts of none below 0 add up to no more than
        the total: printed parts whose sum exceeds it beyond their rounding are an ``identity.parts_over_total``
        error (本年收入合计 1000.00 with 财政拨款收入 900.00 and 其他收入 150.00 printed, the other sources not)."""
        if not self.complete:
            if self._over_total(zero_is_exact):
                yield self._over_total_finding()
            return
        total = self.total
        assert total is not None
        amounts = [amount for _, amount in self.parts if amount is not None]
        if Money.sum(amounts) == total:
            return
        yield self.finding(residue=sum_reaches(total.amount, [a.amount for a in amounts], zero_is_exact))

    def _over_total_finding(self) -> Finding:
        total = self.total
        assert total is not None
        printed = [(label, amount.amount) for label, amount in self.parts if amount is not None]
        printed_sum = Money.sum([amount for _, amount in self.parts if amount is not None]).amount
        return make_finding(
            "identity.parts_over_total",
            self.path,
            stated=total.amount,
            expected=f"≥ {readable(printed_sum)}",  # at least the parts printed: text, the bound shown plain
            part=self.part,
            printed=printed_sum,
            what=words(self.what, self.what_en),
            labels=LaterWords(_labelled, printed),
            missing=words(
                "、".join(label for label, amount in self.parts if amount is None),
                ", ".join(label for label, amount in self.parts if amount is None),
            ),
        )

    def finding(self, *, residue: bool) -> Finding:
        """The finding of a complete identity whose printed parts do not add up to the printed total.

        ``residue``: whether the total is reachable within the figures' rounding intervals.
        """
        total = self.total
        assert total is not None
        parts = [(label, amount.amount) for label, amount in self.parts if amount is not None]
        return sum_finding(
            self.code, self.path, self.what, self.what_en, total.amount, parts, self.part, residue=residue
        )


def sum_finding(
    code: str,
    path: str,
    what: str,
    what_en: str,
    total: Decimal,
    parts: Sequence[tuple[str, Decimal]],
    part: Part,
    *,
    residue: bool,
    places: int | None = None,
) -> Finding:
    """Word the finding of a printed total (in 万元) that its printed parts do not add up to.

    ``residue``: the total is reachable within the figures' rounding intervals
    (a ``rounding.residue`` info); otherwise an error under ``code``. ``places``,
    when the caller knows it, is the most places any of the figures is printed with.

    >>> sum_finding("identity.procurement", "procurement.total", "政府采购支出总额", "procurement",
    ...     Decimal("44.55"), [("货物", Decimal("33.40")), ("服务", Decimal("11.14"))], Part.OTHER, residue=True).rule
    'rounding.residue'
    """
    printed_sum = Decimal(0)
    add = EXACT.add
    for _, amount in parts:
        printed_sum = add(printed_sum, amount)  # as Money.sum does
    labels = LaterWords(_labelled, parts)  # worded with the message, when it is read
    named = words(what, what_en)
    if not residue:
        return make_finding(  # the code's own wording, else the shared ``sum`` one its catalogue entry names
            code, path, stated=total, expected=printed_sum, part=part, what=named, labels=labels
        )
    if places is None:
        places = max([places_of(a) for _, a in parts] + [places_of(total)])
    difference = abs(EXACT.subtract(printed_sum, total))
    return make_finding(
        "rounding.residue",
        path,
        stated=total,
        expected=printed_sum,
        part=part,
        variant="last_unit" if difference == Decimal(1).scaleb(-places) else "",
        what=named,
        labels=labels,
        difference=difference,
    )


def _labelled(parts: Sequence[tuple[str, Decimal]]) -> Words:
    """The parts of a sum as a message shows them: ``货物 33.40 + 服务 11.14`` (in English the figures only)."""
    shown = [readable(amount) for _, amount in parts]
    return words(" + ".join([f"{label} {text}" for (label, _), text in zip(parts, shown, strict=True)]), " + ".join(shown))


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
    yield from CountCheck(code, path, what, what_en, total, tuple(parts), part).findings()


@attrs.frozen
class CountCheck:
    """One identity between whole counts: ``total`` = Σ ``parts``, exactly, as data."""

    code: str
    path: str
    what: str
    what_en: str
    total: int | None
    parts: tuple[int | None, ...]
    part: Part

    @property
    def complete(self) -> bool:
        """Whether every count is given (an identity with an unknown count is skipped)."""
        return self.total is not None and bool(self.parts) and all(p is not None for p in self.parts)

    def findings(self, zero_is_exact: bool = True) -> Iterator[Finding]:
        """An error when the parts do not add up to the total (``zero_is_exact`` is not used: counts are exact)."""
        del zero_is_exact
        if not self.complete:
            return
        expected = sum(p for p in self.parts if p is not None)
        if expected != self.total:
            yield make_finding(
                self.code,
                self.path,
                stated=self.total,
                expected=expected,
                part=self.part,
                template="count",
                what=Words(self.what, self.what_en),
            )
