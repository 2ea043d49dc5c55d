"""Time files → findings: a directory of account files, or a Parquet batch, checked end to end, in one run.

Run from the project root::

    .venv/bin/python benchmarks/files.py                     # 2,000 accounts (a few minutes on a loaded machine)
    .venv/bin/python benchmarks/files.py --size 10000        # the size of issue 9's target
    .venv/bin/python benchmarks/files.py --size 500 --cpu    # CPU seconds: steadier on a shared machine

Synthetic accounts (a share ``--defect-rate`` with one injected defect) are written once,
untimed, as one JSON (or ``--format toml``) file each and as one Parquet batch. Then, in the
same process, each path from the files to every account's findings is timed:

- one by one (the baseline): ``check(io.load(path))`` for each file;
- directory as a batch (what ``budgetkit check DIR`` does): ``io.load_all`` of the files (``io.load``
  each, the garbage collector paused; ``io.load`` file by file on a budgetkit without it), then
  ``Batch.from_accounts`` and ``check_batch``;
- Parquet as a batch (what ``budgetkit check DIR`` does for ``*.parquet``): ``read_parquet``
  (each row's JSON loaded, the columns built from those accounts and compared in bulk with the
  stored ones), then ``check_batch``. The rows' JSON is loaded once more, on its own, to show how
  much of the read that validation is.

Each timed pass starts with the loader's memos of amounts by their text empty, as a new process would.
Every finding of every path is compared with the baseline; any difference is printed and the
exit status is 1. The target (each batch path at least 20x the baseline, issue 9) prints PASS
or MISS and never changes the exit status: timings depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from budgetkit import io
from budgetkit.checks.audit import check
from budgetkit.checks.batch import Batch, check_batch, read_parquet, write_parquet
from budgetkit.checks.finding import Finding
from budgetkit.datasets.synthetic import DEFECTS, generate

TARGET = 20.0  # files → findings through the batch at least this many times faster than one by one
T = TypeVar("T")


def timed(f: Callable[[], T], clock: Callable[[], float] = time.perf_counter) -> tuple[T, float]:
    """``f()`` and the seconds it took by ``clock`` (wall clock unless told)."""
    started = clock()
    result = f()
    return result, clock() - started


def write_files(folder: Path, size: int, rate: float, suffix: str) -> tuple[list[Path], Path]:
    """``size`` synthetic accounts as one file each and as one Parquet batch; the files and the batch folder."""
    rng = random.Random(size)
    kinds = sorted(DEFECTS)
    files = []
    accounts = []
    for seed in range(size):
        account = generate(seed, defects=(rng.choice(kinds),) if rng.random() < rate else ())
        path = folder / f"account-{seed:06d}{suffix}"
        io.dump(account, path)
        files.append(path)
        accounts.append(account)
    parquet = folder / "parquet"
    write_parquet(Batch.from_accounts(accounts), parquet, partition_size=size)
    return files, parquet


def forget() -> None:
    """Empty the loader's memos of amounts and numbers by their text, so that each timed pass starts as a
    new process would, not with the values an earlier pass met (none before the branch loadbuild)."""
    for memo in getattr(io, "_MEMOS", {}).values():
        memo.clear()


def differences(found: Sequence[list[Finding]], expected: Sequence[list[Finding]], what: str) -> list[str]:
    """A line for each account whose findings differ."""
    return [
        f"  account {k} ({what}): {len(a)} findings, {len(b)} one by one"
        for k, (a, b) in enumerate(zip(found, expected, strict=True))
        if a != b
    ]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; 0 when every finding agrees."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2000, help="accounts")
    parser.add_argument("--defect-rate", type=float, default=0.05, help="share of accounts with a defect")
    parser.add_argument("--format", choices=("json", "toml"), default="json", help="one file per account")
    parser.add_argument(
        "--cpu",
        action="store_true",
        help="time by this process's CPU seconds, not the wall clock (on a machine shared with other jobs)",
    )
    args = parser.parse_args(argv)
    if args.size < 1 or not 0 <= args.defect_rate <= 1:
        parser.error("size must be positive and the defect rate between 0 and 1")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (files, parquet), seconds = timed(lambda: write_files(folder, args.size, args.defect_rate, f".{args.format}"))
        print(f"{args.size} accounts written as .{args.format} files and one Parquet batch in {seconds:.0f} s")
        clock = time.process_time if args.cpu else time.perf_counter
        warm = [io.load(path) for path in files[:2]]  # untimed: what a process pays once (imports, patterns)
        check_batch(Batch.from_accounts(warm)), [check(a) for a in warm]
        forget()
        expected, each = timed(lambda: [check(io.load(path)) for path in files], clock)
        load_all = getattr(io, "load_all", None)  # what `budgetkit check DIR` reads with (from 0.2.0's later commits)
        forget()
        loaded, load = timed(lambda: [io.load(path) for path in files] if load_all is None else load_all(files), clock)
        batch, build = timed(lambda: Batch.from_accounts(loaded), clock)
        found, checking = timed(lambda: check_batch(batch), clock)
        forget()
        stored, read = timed(lambda: read_parquet(parquet), clock)
        again, parquet_check = timed(lambda: check_batch(stored), clock)
        texts = [stored.account_json(k) for k in range(len(stored))]  # what read_parquet loads, row by row
        forget()
        _, rows = timed(lambda: [io.loads(text, "json") for text in texts], clock)
    n = args.size
    directory = load + build + checking
    from_parquet = read + parquet_check
    different = differences(found, expected, "directory") + differences(again, expected, "Parquet")

    def us(seconds: float) -> str:
        return f"{seconds / n * 1e6:,.0f} µs"

    load_average = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores, load {load_average:.1f}"
    )
    print(
        f"per account, {n} accounts, {args.defect_rate:.0%} with a defect "
        f"({'CPU time of this process' if args.cpu else 'wall clock'}):"
    )
    print(f"  one by one: io.load + check()        {us(each)}")
    print(f"  directory:  io.load {us(load)} + build {us(build)} + check_batch {us(checking)} = {us(directory)}")
    print(f"  Parquet:    read_parquet {us(read)} + check_batch {us(parquet_check)} = {us(from_parquet)}")
    print(f"              (of read_parquet: io.loads of each row's json {us(rows)}, timed again on its own)")
    print()
    print("targets (timing only; never affects the exit status):")
    for what, seconds in (("directory", directory), ("Parquet", from_parquet)):
        ratio = each / seconds
        print(
            f"  {'PASS' if ratio >= TARGET else 'MISS'}  {what} → findings at least {TARGET:.0f}x one by one: {ratio:.1f}x"
        )
    print()
    if different:
        print(f"{len(different)} accounts DIFFERENT:")
        print("\n".join(different[:20]))
        return 1
    print("every account's findings are the same from the directory batch, from Parquet and one by one")
    return 0


if __name__ == "__main__":
    sys.exit(main())
