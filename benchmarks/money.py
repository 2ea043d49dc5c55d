"""Time budgetkit's Money against bare Decimal, py-moneyed and pint, in one run.

Run from the project root::

    .venv/bin/python benchmarks/money.py [--repeat 7] [--min-time 0.2]

Every group is timed against a bare ``Decimal`` baseline measured in the same
process, and the table shows ns/op and the ratio to that baseline. The targets
(Money addition at most 8x bare Decimal addition, and faster than py-moneyed)
print PASS or MISS; they never change the exit status, because timings depend
on the machine. The exit status is 1 only when two paths compute different
*results* for the same data (sums, percentages or formatted text).
"""

from __future__ import annotations

import argparse
import itertools
import platform
import random
import sys
import timeit
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from budgetkit import Money

ADD_TARGET = Decimal(8)  # Money + Money at most this many times bare Decimal + Decimal
DATA_SIZE = 1000
SEED = 20240601
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Row:
    """One timed path: its group, label, ns per operation and the group's baseline."""

    group: str
    label: str
    ns: float
    baseline_ns: float

    @property
    def ratio(self) -> float:
        return self.ns / self.baseline_ns


def columns(text: str) -> int:
    """Terminal columns ``text`` takes (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int) -> str:
    """Left-justify ``text`` to ``width`` terminal columns."""
    return text + " " * max(width - columns(text), 0)


def best_ns(stmt: str, namespace: dict[str, Any], repeat: int, min_time: float) -> float:
    """Best-of-``repeat`` time of ``stmt`` in nanoseconds per execution."""
    timer = timeit.Timer(stmt, globals=namespace)
    number, elapsed = timer.autorange()
    if elapsed < min_time:
        number = max(1, int(number * min_time / max(elapsed, 1e-9)))
    return min(timer.repeat(repeat=repeat, number=number)) / number * 1e9


def pint_registry() -> tuple[Any, str, str]:
    """budgetkit's registry if budgetkit.values.units is usable, else a local Decimal registry."""
    try:
        from budgetkit.values.units import registry  # type: ignore[import-not-found,unused-ignore]

        return registry(), "万元", "budgetkit.values.units.registry()"
    except Exception as exc:  # units.py may be missing or half-written; fall back
        import pint

        ureg: Any = pint.UnitRegistry(non_int_type=Decimal)
        ureg.define("yuan = [currency]")
        ureg.define("wan_yuan = 10000 * yuan")
        return ureg, "wan_yuan", f"local pint.UnitRegistry(non_int_type=Decimal) ({type(exc).__name__}: {exc})"


def make_data(rng: random.Random) -> list[Decimal]:
    """Deterministic 万元 amounts with two places, as in published tables (a few negative)."""
    values = [Decimal(rng.randrange(-50_000, 5_000_000)).scaleb(-2) for _ in range(DATA_SIZE)]
    return [v if v else Decimal("0.01") for v in values]


def check(label: str, results: Sequence[tuple[str, object]]) -> bool:
    """Print whether every path computed the same result; return whether they agree."""
    first = results[0][1]
    agree = all(value == first for _, value in results)
    detail = ", ".join(f"{name}={value!s}" for name, value in results) if not agree else f"{first!s}"
    print(f"  {'same' if agree else 'DIFFERENT'}  {label}: {detail}")
    return agree


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=7, help="timing repeats; the best is kept (default 7)")
    parser.add_argument("--min-time", type=float, default=0.2, help="seconds per repeat, at least (default 0.2)")
    args = parser.parse_args(argv)

    moneyed: Any
    try:
        import moneyed
    except ImportError:
        moneyed = None
    ureg: Any
    ureg, wan, registry_note = pint_registry()

    data = make_data(random.Random(SEED))
    x, y = Decimal("1054.90"), Decimal("988.88")
    ns: dict[str, Any] = {
        "Money": Money,
        "x": x,
        "y": y,
        "a": Money(x),
        "b": Money(y),
        "q1": ureg.Quantity(x, wan),
        "q2": ureg.Quantity(y, wan),
        "n": Decimal("66.02"),
        "d": Decimal("988.88"),
        "mn": Money("66.02"),
        "md": Money("988.88"),
        "ROUND_HALF_UP": ROUND_HALF_UP,
        "CENT": CENT,
        "f": Decimal("1054.90"),
        "mf": Money("1054.90"),
    }
    if moneyed is not None:
        ns["p1"] = moneyed.Money(x, "CNY")
        ns["p2"] = moneyed.Money(y, "CNY")

    def timed(group: str, cases: Sequence[tuple[str, str]]) -> list[Row]:
        baseline_label, baseline_stmt = cases[0]
        base = best_ns(baseline_stmt, ns, args.repeat, args.min_time)
        rows = [Row(group, baseline_label, base, base)]
        for label, stmt in cases[1:]:
            rows.append(Row(group, label, best_ns(stmt, ns, args.repeat, args.min_time), base))
        return rows

    addition = [
        ("Decimal + Decimal (baseline)", "x + y"),
        ("budgetkit Money + Money", "a + b"),
        ("pint Quantity + Quantity (Decimal)", "q1 + q2"),
    ]
    if moneyed is not None:
        addition.insert(2, ("py-moneyed Money + Money (CNY)", "p1 + p2"))
    rows = timed("addition", addition)
    rows += timed(
        "ratio",
        [
            ("(n / d * 100).quantize(0.01, HALF_UP)", "(n / d * 100).quantize(CENT, ROUND_HALF_UP)"),
            ("budgetkit (mn / md).percent(2)", "(mn / md).percent(2)"),
        ],
    )
    rows += timed(
        "format",
        [
            ('f"{dec:,.2f}万元" (baseline)', 'f"{f:,.2f}万元"'),
            ("budgetkit str(Money)", "str(mf)"),
        ],
    )

    print(f"budgetkit Money benchmark — Python {platform.python_version()} ({platform.python_implementation()})")
    print(f"best of {args.repeat} repeats, at least {args.min_time}s each; pint registry: {registry_note}")
    if moneyed is None:
        print("py-moneyed is not installed (pip install py-moneyed); its row and target are skipped")
    print()
    width = max(columns(r.label) for r in rows)
    print(f"{'group':<9} {pad('path', width)} {'ns/op':>10} {'x baseline':>11}")
    for row in rows:
        print(f"{row.group:<9} {pad(row.label, width)} {row.ns:>10.1f} {row.ratio:>10.2f}x")

    by_label = {r.label: r for r in rows}
    money_add = by_label["budgetkit Money + Money"]
    print("\ntargets (timing only; never affects the exit status):")
    verdict = "PASS" if Decimal(str(round(money_add.ratio, 6))) <= ADD_TARGET else "MISS"
    print(f"  {verdict}  Money + Money at most {ADD_TARGET}x Decimal + Decimal: {money_add.ratio:.2f}x")
    if moneyed is not None:
        py_moneyed = by_label["py-moneyed Money + Money (CNY)"]
        verdict = "PASS" if money_add.ns < py_moneyed.ns else "MISS"
        print(
            f"  {verdict}  Money + Money faster than py-moneyed: "
            f"{money_add.ns:.1f} vs {py_moneyed.ns:.1f} ns ({money_add.ns / py_moneyed.ns:.2f}x)"
        )

    print(f"\nresults on {len(data)} amounts (any difference exits with status 1):")
    ok = True
    monies = [Money(v) for v in data]
    builtin_total = sum(monies, Money(0))
    assert isinstance(builtin_total, Money)
    sums: list[tuple[str, object]] = [
        ("Decimal", sum(data, Decimal(0))),
        ("Money", builtin_total.amount),
        ("Money.sum", Money.sum(monies).amount),
        ("pint", sum((ureg.Quantity(v, wan) for v in data[1:]), ureg.Quantity(data[0], wan)).magnitude),
    ]
    if moneyed is not None:
        sums.append(("py-moneyed", sum(moneyed.Money(v, "CNY") for v in data).amount))
    ok &= check("sum", sums)

    pairs = list(itertools.pairwise(data))
    percents_dec = [(p / q * 100).quantize(CENT, ROUND_HALF_UP) for p, q in pairs]
    percents_money = [(Money(p) / Money(q)).percent(2) for p, q in pairs]
    mismatches = [i for i, (u, v) in enumerate(zip(percents_dec, percents_money, strict=True)) if u != v]
    ok &= check("percent of consecutive pairs, mismatches", [("Decimal", []), ("Money", mismatches)])
    n, d = ns["n"], ns["d"]
    ok &= check(
        "percent 66.02 / 988.88",
        [("Decimal", (n / d * 100).quantize(CENT, ROUND_HALF_UP)), ("Money", (Money(n) / Money(d)).percent(2))],
    )

    texts_dec = [f"{v:,.2f}万元" for v in data]
    texts_money = [str(m) for m in monies]
    mismatches = [i for i, (u, v) in enumerate(zip(texts_dec, texts_money, strict=True)) if u != v]
    ok &= check("formatted text, mismatches", [("f-string", []), ("str(Money)", mismatches)])

    print("\nall paths agree" if ok else "\nRESULTS DIFFER between paths")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
