"""Time writing Part Two (``budgetkit.narrative.report.render``) against ``budgetkit.checks.audit.check`` on the same accounts.

Run from the project root::

    .venv/bin/python benchmarks/report.py                       # 1,000, 4,000 and 10,000 lines (about a minute)
    .venv/bin/python benchmarks/report.py --lines 10000 --repeat 1

Each account has one 一般公共预算 total and a tree of 类 → 款 → 项 lines (10 款 of 9 项 per
类, as in the reproducer of issue 12's F7). For each size the script times, in the same
process, ``check(account)`` (the baseline), ``render(account, "md")`` and
``render(account, "text")``, taking turns and keeping the best of ``--repeat`` runs of each,
and prints the ratio of each render to check. The target (issue 12, F7: render within 2x check at
10,000 lines) prints PASS or MISS and never changes the exit status: timings depend
on the machine and its load. The output is checked for completeness (every 项 line is
written, numbered in order); a missing line exits with status 1.
"""

from __future__ import annotations

import argparse
import gc
import platform
import sys
import time
from collections.abc import Callable, Sequence

from budgetkit.checks.audit import check
from budgetkit.model.account import Figure, FinalAccount, GeneralBudget
from budgetkit.model.category import ExpenseCategory
from budgetkit.narrative.report import render

TARGET = 2.0  # render at most this many times check, at 10,000 lines
SECTIONS, ITEMS = 10, 9  # per 类, per 款


def account(classes: int) -> FinalAccount:
    """An account of ``classes`` 类, each with 10 款 of 9 项 (100 lines per 类)."""
    tree = tuple(
        ExpenseCategory(
            level="类",
            name=f"类{a}",
            code=f"{201 + a:03d}",
            actual="90.00",
            children=tuple(
                ExpenseCategory(
                    level="款",
                    name=f"款{a}-{b}",
                    code=f"{201 + a:03d}{b + 1:02d}",
                    actual="9.00",
                    children=tuple(
                        ExpenseCategory(
                            level="项",
                            name=f"项{a}-{b}-{c}",
                            code=f"{201 + a:03d}{b + 1:02d}{c + 1:02d}",
                            actual="1.00",
                            budget="1.00",
                        )
                        for c in range(ITEMS)
                    ),
                )
                for b in range(SECTIONS)
            ),
        )
        for a in range(classes)
    )
    total = Figure(current=f"{90 * classes}.00", budget=f"{90 * classes}.00")
    return FinalAccount(
        unit="基准单位", year=2023, unit_type="行政单位", general_budget=GeneralBudget(total=total, categories=tree)
    )


def best_of(paths: Sequence[tuple[Callable[..., object], tuple[object, ...]]], repeat: int) -> list[float]:
    """The shortest of ``repeat`` runs of each ``f(*args)``, in seconds.

    The paths take turns within each repeat, so a change in the machine's load
    touches all of them alike; the minimum is the run least disturbed by it.
    """
    times = [float("inf")] * len(paths)
    for _ in range(repeat):
        for i, (f, args) in enumerate(paths):
            gc.collect()  # each run starts from a clean heap, not with the previous run's garbage
            started = time.perf_counter()
            f(*args)
            times[i] = min(times[i], time.perf_counter() - started)
    return times


def complete(text: str, classes: int) -> bool:
    """Whether every 项 line is written, numbered 1… in order."""
    numbers = [int(line.split(".", 1)[0]) for line in text.splitlines() if line[:1].isdigit() and "（项）" in line]
    return numbers == list(range(1, classes * SECTIONS * ITEMS + 1))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, nargs="+", default=[1000, 4000, 10000], help="类/款/项 lines per account")
    parser.add_argument("--repeat", type=int, default=5, help="runs per path; the best is kept")
    args = parser.parse_args(argv)
    print(f"python {platform.python_version()} on {platform.machine()}, best of {args.repeat}")
    print(f"{'lines':>7} {'check s':>9} {'md s':>9} {'text s':>9} {'md/check':>9} {'text/check':>11}")
    status = 0
    ratios: dict[int, float] = {}
    for lines in args.lines:
        classes = max(1, -(-lines // (1 + SECTIONS + SECTIONS * ITEMS)))
        acc = account(classes)
        n = sum(1 for _ in acc.general_budget.lines())
        baseline, md, text = best_of([(check, (acc,)), (render, (acc, "md")), (render, (acc, "text"))], args.repeat)
        ratios[n] = max(md, text) / baseline
        print(f"{n:>7} {baseline:>9.3f} {md:>9.3f} {text:>9.3f} {md / baseline:>8.2f}x {text / baseline:>10.2f}x")
        if not complete(render(acc, "text"), classes):
            print(f"  INCOMPLETE: not every 项 line of the {n}-line account was written", file=sys.stderr)
            status = 1
    largest = max(ratios)
    verdict = "PASS" if ratios[largest] <= TARGET else "MISS"
    print("target (timing only; never affects the exit status):")
    print(f"  {verdict}  render at most {TARGET:g}x check at {largest} lines: {ratios[largest]:.2f}x")
    return status


if __name__ == "__main__":
    sys.exit(main())
