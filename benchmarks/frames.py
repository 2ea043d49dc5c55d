"""Time the ``.bk`` accessor against the pandas/Arrow operations it replaces, in one run.

Run from the project root::

    .venv/bin/python benchmarks/frames.py [--rows 100000] [--repeat 5]

Each ``.bk`` operation is timed against the nearest pandas operation on the same
decimal column (Arrow kernels, which truncate or round half to even), and the
table shows milliseconds per call and the ratio to that baseline. The exit status
is 1 only when a ``.bk`` result differs from the exact result computed with plain
``Decimal`` in a loop (the timings never change it).
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import timeit
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pandas as pd

from budgetkit.outputs.accessor import register
from budgetkit.outputs.table import decimal_type

SEED = 20240601
CENT = Decimal("0.01")


def _column(rows: int, rng: random.Random) -> Any:
    values = [Decimal(rng.randrange(1, 10**8)).scaleb(-2) for _ in range(rows)]
    kind = decimal_type(values)
    return pd.Series(values, dtype=pd.ArrowDtype(kind))


def _best_ms(call: Callable[[], object], repeat: int) -> float:
    return min(timeit.repeat(call, number=1, repeat=repeat)) * 1000


def main(argv: list[str] | None = None) -> int:
    """Print ms per call of each .bk operation beside its pandas baseline; 1 if a result is wrong."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=100_000, help="rows in each column (default 100000)")
    parser.add_argument("--repeat", type=int, default=5, help="repeats; the best is kept (default 5)")
    args = parser.parse_args(argv)
    register()
    rng = random.Random(SEED)
    a, b = _column(args.rows, rng), _column(args.rows, rng)
    hundred = Decimal(100)
    pairs: list[tuple[str, Callable[[], object], str, Callable[[], object]]] = [
        ("a.round(1)", lambda: a.round(1), "a.bk.round_half_up(1)", lambda: a.bk.round_half_up(1)),
        ("a - b", lambda: a - b, "a.bk.change(b)", lambda: a.bk.change(b)),
        ("a / b * Decimal(100)", lambda: a / b * hundred, "a.bk.rate(b)", lambda: a.bk.rate(b)),
        ("a / a.sum()", lambda: a / a.sum(), "a.bk.share()", lambda: a.bk.share()),
        ("a.sum()", lambda: a.sum(), "a.bk.cumsum()", lambda: a.bk.cumsum()),
        ("a.std() (float)", lambda: a.std(), "a.bk.std(2)", lambda: a.bk.std(2)),
    ]
    print(f"{args.rows} rows, best of {args.repeat}")
    print(f"{'pandas / Arrow':<24}{'ms':>9}  {'.bk':<24}{'ms':>9}  {'x baseline':>10}")
    for base_label, base, label, call in pairs:
        base_ms, ms = _best_ms(base, args.repeat), _best_ms(call, args.repeat)
        print(f"{base_label:<24}{base_ms:>9.1f}  {label:<24}{ms:>9.1f}  {ms / base_ms:>9.1f}x")

    # Results, checked against plain Decimal arithmetic.
    left, right = a.tolist(), b.tolist()
    wrong = []
    rate = [(x * 100 / y).quantize(CENT, ROUND_HALF_UP) for x, y in zip(left, right, strict=True)]
    if a.bk.rate(b).tolist() != rate:
        wrong.append("rate")
    if a.bk.round_half_up(1).tolist() != [x.quantize(Decimal("0.1"), ROUND_HALF_UP) for x in left]:
        wrong.append("round_half_up")
    if a.bk.change(b).tolist() != [x - y for x, y in zip(left, right, strict=True)]:
        wrong.append("change")
    if a.bk.cumsum().tolist() != list(itertools.accumulate(left)):
        wrong.append("cumsum")
    print("results: " + ("all exact" if not wrong else "WRONG " + ", ".join(wrong)))
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
