"""How check() time grows with the size of an account: it should grow linearly.

Builds accounts 1×, 4× and 16× the size of a synthetic account (projects, claims, category lines:
k synthetic accounts of ``budgetkit.datasets.synthetic`` merged into one) and prints the time of
``check()`` on each, per unit of size, and the ratio to the 1× account. Linear means the time per
unit stays flat (ratio ≈ factor); quadratic would make the 16× account take ~256× as long.

Run from the project root::

    .venv/bin/python benchmarks/scaling.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import time

import attrs

from budgetkit.checks.audit import check
from budgetkit.datasets import synthetic
from budgetkit.model.account import FinalAccount

FACTORS = (1, 4, 16)
#: Claims over every project (counts, sums, means) come once per report: only the first account's are kept.


def scaled(factor: int, seed: int = 1) -> FinalAccount:
    """One account holding the projects, claims and category lines of ``factor`` synthetic accounts."""
    parts = [synthetic.generate(seed + k) for k in range(factor)]
    first = parts[0]
    return attrs.evolve(
        first,
        projects=tuple(p for a in parts for p in a.projects),
        claims=first.claims + tuple(c for a in parts[1:] for c in a.claims if not _over_all(c.subject)),
        explanations=tuple(e for a in parts for e in a.explanations),
        general_budget=attrs.evolve(
            first.general_budget, categories=tuple(c for a in parts for c in a.general_budget.categories)
        ),
    )


def _over_all(subject: str) -> bool:
    """A claim over every project (a count, a sum, a mean): one per report, whatever its size."""
    return subject.startswith("projects[?") or subject.startswith("projects[*]")


def size(account: FinalAccount) -> int:
    """Projects + claims + category lines (every level)."""
    lines = sum(1 for c in account.general_budget.categories for _ in c.walk())
    return len(account.projects) + len(account.claims) + lines


def timed(account: FinalAccount, repeat: int) -> float:
    """The best of ``repeat`` runs of check(), in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        check(account)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the best is kept")
    args = parser.parse_args()
    accounts = {factor: scaled(factor) for factor in FACTORS}
    check(accounts[1])  # warm caches (classification table, catalogue)
    base_time, base_size = 0.0, 0
    print(f"{'factor':>6} {'size':>6} {'check() s':>10} {'ms/unit':>8} {'time ratio':>10}")
    for factor, account in accounts.items():
        seconds, n = timed(account, args.repeat), size(account)
        if factor == 1:
            base_time, base_size = seconds, n
        print(f"{factor:>6} {n:>6} {seconds:>10.3f} {1000 * seconds / n:>8.3f} {seconds / base_time:>10.2f}")
    print(f"size ratio 16×/1×: {size(accounts[16]) / base_size:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
