"""Time checking final accounts as a batch against checking them one by one, in one run.

Run from the project root::

    .venv/bin/python benchmarks/batch.py                  # 10,000 and 100,000 accounts (about 12 minutes)
    .venv/bin/python benchmarks/batch.py --sizes 10000    # a quick look (about a minute)
    .venv/bin/python benchmarks/batch.py --sizes 500 --chunk 500 --cpu   # CPU seconds: steadier when shared

For each size and each defect rate (``--defect-rates``, by default none, 5% and
every account with one injected defect, see ``budgetkit.datasets.synthetic.DEFECTS``),
synthetic accounts are made in chunks so that memory stays flat, and each chunk
is checked three ways in the same process:

- per account: ``[budgetkit.checks.audit.check(a) for a in accounts]`` (the baseline);
- as a batch: ``Batch.from_accounts(accounts)`` (building the columns, timed on its own)
  then ``check_batch(batch)``;
- from Parquet (the first chunk of the first rate only): ``write_parquet`` once, then ``read_parquet``
  and ``check_batch`` (a store of reports checked again, as a Dask worker does).

Every finding of every account is compared with the baseline; any difference is
printed and the exit status is 1. Targets (check_batch at least 50x faster than
checking one by one; a money sum through the batch API at most 3x numpy's own
int64 sum of the same column) print PASS or MISS and never change the exit
status: timings depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import sys
import tempfile
import time
import timeit
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from budgetkit.checks import batch as batch_module
from budgetkit.checks.audit import check
from budgetkit.checks.batch import Batch, MoneyColumn, check_batch, read_parquet, write_parquet
from budgetkit.checks.finding import Finding
from budgetkit.datasets.synthetic import DEFECTS, generate
from budgetkit.model.account import FinalAccount

SPEED_TARGET = 50.0  # check_batch at least this many times faster than check() one by one
SUM_TARGET = 3.0  # MoneyColumn.sum at most this many times numpy's int64 sum
DEFECT_RATES = (0.0, 0.05, 1.0)  # share of accounts with one injected defect: none, a few, every one
T = TypeVar("T")


#: The clock every timing reads: the wall clock, or this process's CPU seconds with ``--cpu``.
CLOCK: list[Callable[[], float]] = [time.perf_counter]


def timed(f: Callable[[], T]) -> tuple[T, float]:
    """``f()`` and the seconds it took by :data:`CLOCK`."""
    clock = CLOCK[0]
    started = clock()
    result = f()
    return result, clock() - started


def make_accounts(seeds: range, rng: random.Random, rate: float = 0.05) -> tuple[list[FinalAccount], int]:
    """Synthetic accounts for ``seeds``, a share ``rate`` of them with one random defect, and how many have one."""
    kinds = sorted(DEFECTS)
    defects = [(rng.choice(kinds),) if rng.random() < rate else () for _ in seeds]
    return [generate(seed, defects=d) for seed, d in zip(seeds, defects, strict=True)], sum(map(bool, defects))


def differences(found: Sequence[list[Finding]], expected: Sequence[list[Finding]], offset: int) -> list[str]:
    """A line for each account whose findings differ."""
    return [
        f"  account {offset + k}: {len(a)} findings from the batch, {len(b)} from check()"
        for k, (a, b) in enumerate(zip(found, expected, strict=True))
        if a != b
    ]


@dataclass
class Run:
    """Timings and checks of one size."""

    size: int
    rate: float = 0.05
    generate: float = 0.0
    each: float = 0.0
    build: float = 0.0
    batch: float = 0.0
    parquet_accounts: int = 0
    parquet_each: float = 0.0
    parquet_write: float = 0.0
    parquet_read: float = 0.0
    parquet_check: float = 0.0
    defective: int = 0
    findings: int = 0
    noteworthy: int = 0
    different: list[str] = field(default_factory=list)
    phases: dict[str, float] = field(default_factory=dict)
    fen: list[np.ndarray[Any, Any]] = field(default_factory=list)
    exponent: list[np.ndarray[Any, Any]] = field(default_factory=list)
    bound: int = 0
    finest: int = 127
    statistics: float = 0.0
    columns_bytes: int = 0


def phase_times(batch: Batch) -> dict[str, float]:
    """Seconds of each phase of check_batch on ``batch`` (internal: for the profile only)."""
    checker = batch_module._Checker(batch, {}, batch_module._Options())
    times = {}
    steps = ("sums", "compares", "changes", "claims", "classification", "projects", "selfeval", "texts", "charts")
    for name in (*steps, "tables", "narrative"):  # the order of _Checker.run
        times[name] = timed(getattr(checker, name))[1]
    return times


def parquet(
    result: Run, accounts: list[FinalAccount], built: Batch, expected: list[list[Finding]], folder: Path
) -> None:
    """Write up to 2,000 accounts as one Parquet file; time reading it back and checking it."""
    n = min(len(accounts), 2000)
    result.parquet_accounts = n
    result.parquet_each = timed(lambda: [check(a) for a in accounts[:n]])[1]
    paths, result.parquet_write = timed(lambda: write_parquet(built[:n], folder, partition_size=n))
    stored, result.parquet_read = timed(lambda: read_parquet(paths[0]))
    again, result.parquet_check = timed(lambda: check_batch(stored))
    result.different += [line + " (from Parquet)" for line in differences(again, expected[:n], 0)]


def run(size: int, rate: float, chunk: int, folder: Path, *, with_parquet: bool) -> Run:
    """Check ``size`` accounts (a share ``rate`` with a defect) every way, chunk by chunk."""
    rng = random.Random(size)
    result = Run(size, rate)
    for start in range(0, size, chunk):
        seeds = range(start, min(start + chunk, size))
        (accounts, defective), seconds = timed(lambda seeds=seeds: make_accounts(seeds, rng, rate))
        result.generate += seconds
        result.defective += defective
        expected, seconds = timed(lambda accounts=accounts: [check(a) for a in accounts])
        result.each += seconds
        built, seconds = timed(lambda accounts=accounts: Batch.from_accounts(accounts))
        result.build += seconds
        found, seconds = timed(lambda built=built: check_batch(built))
        result.batch += seconds
        result.different += differences(found, expected, start)
        result.findings += sum(len(f) for f in expected)
        result.noteworthy += sum(1 for f in expected if any(x.severity.value != "info" for x in f))
        column, seconds = timed(lambda built=built: built.money("income.total"))
        result.statistics += seconds
        result.fen.append(column.fen.copy())
        result.exponent.append(column.exponent.copy())
        result.bound = max(result.bound, column.bound or 0)
        result.finest = min(result.finest, column.finest if column.finest is not None else 127)
        result.columns_bytes += built.nbytes()
        if start == 0:
            result.phases = phase_times(built)
            if with_parquet:
                parquet(result, accounts, built, expected, folder / f"size-{size}")
        print(f"  {seeds.stop:>7} of {size} accounts checked", file=sys.stderr, flush=True)
    return result


def warm_up() -> None:
    """Check two accounts every way, untimed: what a process pays once (numpy.ma imported by ``np.unique``, the
    patterns compiled, the catalogue read) is not a cost per account, and would skew a small run."""
    accounts, _ = make_accounts(range(2), random.Random(0), 1.0)
    [check(a) for a in accounts]
    check_batch(Batch.from_accounts(accounts))


def memory(chunk: int) -> dict[str, float]:
    """Bytes per account: the account objects, and the peak while building a batch and checking it."""
    tracemalloc.start()
    accounts, _ = make_accounts(range(chunk), random.Random(1))
    objects = tracemalloc.get_traced_memory()[0]
    tracemalloc.reset_peak()
    before = tracemalloc.get_traced_memory()[0]
    batch = Batch.from_accounts(accounts)
    check_batch(batch)
    peak = tracemalloc.get_traced_memory()[1] - before
    tracemalloc.stop()
    return {"objects": objects / chunk, "batch_peak": peak / chunk, "columns": batch.nbytes() / chunk}


def money_sum(
    fen: np.ndarray[Any, Any], exponent: np.ndarray[Any, Any], bound: int, finest: int
) -> tuple[float, float, bool]:
    """Best seconds of MoneyColumn.sum and of numpy's own int64 sum on the same column, and whether they agree."""
    column = MoneyColumn(fen, exponent, bound, finest)
    repeat = max(1, 2_000_000 // max(len(fen), 1))
    ours = min(timeit.repeat(column.sum, number=repeat, repeat=7)) / repeat
    theirs = min(timeit.repeat(fen.sum, number=repeat, repeat=7)) / repeat
    agree = column.sum().amount * 1_000_000 == sum(fen.tolist())  # exact, in Python integers
    return ours, theirs, agree


def mark(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def report(runs: Sequence[Run], mem: dict[str, float]) -> int:
    """Print the results; 1 if any finding differed."""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"python {platform.python_version()} on {platform.machine()}, numpy {np.__version__}, "
        f"{os.cpu_count()} cores, load {load:.1f} at the end, "
        f"{'CPU time of this process' if CLOCK[0] is time.process_time else 'wall clock'}"
    )
    for r in runs:
        print(f"{r.size} accounts made in {r.generate:.0f} s (not counted below)")
    print()
    print("per account (µs)   defects   size  check()  build  check_batch  speed-up  build+check  speed-up")
    for r in runs:
        each, build, batch = (x / r.size * 1e6 for x in (r.each, r.build, r.batch))
        print(
            f"{'':18}{r.rate:>7.0%}{r.size:>7} {each:>8.0f} {build:>6.0f} {batch:>12.1f} {each / batch:>8.1f}x"
            f" {build + batch:>12.0f} {each / (build + batch):>8.1f}x"
        )
    print()
    print("from Parquet (first chunk; µs per account): write once, then read + check_batch")
    for r in runs:
        n = r.parquet_accounts
        if not n:
            continue
        each, write, read, again = (
            x / n * 1e6 for x in (r.parquet_each, r.parquet_write, r.parquet_read, r.parquet_check)
        )
        print(
            f"  {n} accounts: write {write:.0f}, read {read:.0f}, check_batch {again:.0f}; "
            f"check() {each:.0f} -> {each / (read + again):.1f}x"
        )
    print()
    print("where check_batch spends its time (first chunk, share of the phases):")
    for r in runs:
        total = sum(r.phases.values()) or 1.0
        shown = ", ".join(f"{name} {t / total:.0%}" for name, t in sorted(r.phases.items(), key=lambda x: -x[1]))
        print(f"  {r.size} ({r.rate:.0%} with a defect): {shown}")
    print()
    print("memory per account:")
    print(f"  account objects (what check() keeps)   {mem['objects'] / 1024:8.1f} KiB")
    print(f"  batch columns (Batch.nbytes)           {mem['columns'] / 1024:8.1f} KiB")
    print(f"  peak while building and checking       {mem['batch_peak'] / 1024:8.1f} KiB (tracemalloc, 2000 accounts)")
    print(
        f"  process peak RSS, whole run            {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:8.0f} MiB"
    )
    print()
    print("money sum of one column (income.total, int64 分):")
    sums = []
    status = 0
    for r in runs:
        fen, exponent = np.concatenate(r.fen), np.concatenate(r.exponent)
        ours, theirs, agree = money_sum(fen, exponent, r.bound, r.finest)
        sums.append((r.size, ours / theirs))
        status |= not agree
        print(
            f"  {r.size:>7} accounts: MoneyColumn.sum {ours * 1e6:7.1f} µs, numpy sum {theirs * 1e6:7.1f} µs,"
            f" {ours / theirs:.2f}x; {'same total' if agree else 'DIFFERENT TOTAL'}"
        )
        print(
            f"{'':19}(the column statistics it relies on cost {r.statistics / r.size * 1e9:.0f} ns per account"
            " once per batch, for all figure columns)"
        )

    print()
    print("targets (timing only; never affects the exit status):")
    for r in runs:
        speed = r.each / r.batch
        print(
            f"  {mark(speed >= SPEED_TARGET)}  check_batch at least {SPEED_TARGET:.0f}x check(): {speed:.1f}x at {r.size}"
            f" ({r.rate:.0%} with a defect)"
        )
    for size, ratio in sums:
        print(f"  {mark(ratio <= SUM_TARGET)}  money sum at most {SUM_TARGET:.0f}x numpy: {ratio:.2f}x at {size}")
    print()
    for r in runs:
        print(
            f"{r.size} accounts ({r.defective} with a defect, rate {r.rate:.0%}): {r.findings} findings, "
            f"{r.noteworthy} accounts with an error or warning; ",
            end="",
        )
        if r.different:
            print(f"{len(r.different)} accounts DIFFERENT:")
            print("\n".join(r.different[:20]))
            status = 1
        else:
            print("every account's findings are the same from the batch, from Parquet and from check()")
    return status


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; 0 when every finding agrees."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000], help="batch sizes")
    parser.add_argument("--chunk", type=int, default=5_000, help="accounts made and checked at a time")
    parser.add_argument(
        "--defect-rates", type=float, nargs="+", default=list(DEFECT_RATES), help="shares of accounts with a defect"
    )
    parser.add_argument(
        "--cpu",
        action="store_true",
        help="time by this process's CPU seconds, not the wall clock (steadier on a machine shared with other jobs)",
    )
    args = parser.parse_args(argv)
    CLOCK[0] = time.process_time if args.cpu else time.perf_counter
    if any(size < 1 for size in args.sizes) or args.chunk < 1:
        parser.error("sizes and chunk must be positive")
    if any(not 0 <= rate <= 1 for rate in args.defect_rates):
        parser.error("defect rates lie between 0 and 1")
    warm_up()
    with tempfile.TemporaryDirectory() as folder:
        runs = [
            run(size, rate, args.chunk, Path(folder) / f"rate-{k}", with_parquet=k == 0)
            for size in args.sizes
            for k, rate in enumerate(args.defect_rates)
        ]
    mem = memory(min(2000, args.chunk))
    return report(runs, mem)


if __name__ == "__main__":
    sys.exit(main())
