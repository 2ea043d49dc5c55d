"""Check many final accounts with Dask, one Parquet partition per task, and compare with one process.

Run from the project root::

    .venv/bin/python examples/dask_check.py                       # 2,000 accounts, 2 worker processes
    .venv/bin/python examples/dask_check.py --accounts 200 --threads

The script makes synthetic accounts (about 5% with an injected defect), writes
them as Parquet partitions with :func:`budgetkit.checks.batch.write_parquet`, starts a
local Dask cluster, and has each worker check one partition: it reads the file
back as a :class:`budgetkit.checks.batch.Batch` (numbers from the columns, each
account's JSON beside them for the few checks that need the account itself) and
runs :func:`budgetkit.checks.batch.check_batch` on it. The findings are compared with a
single-process check of the same accounts; the exit status is 1 if they differ.
Needs the ``dask`` extra: ``pip install 'budgetkit[dask]'``.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from budgetkit.checks.batch import Batch, check_batch, read_parquet, write_parquet
from budgetkit.datasets.synthetic import DEFECTS, generate


def check_partition(path: str) -> list[list[dict[str, Any]]]:
    """Check one Parquet partition; its findings per account, as plain data."""
    return [[finding.as_dict() for finding in findings] for findings in check_batch(read_parquet(path))]


def accounts(count: int, seed: int = 2024) -> list[Any]:
    """``count`` synthetic accounts, about 5% with one random defect."""
    rng = random.Random(seed)
    kinds = sorted(DEFECTS)
    return [generate(n, defects=(rng.choice(kinds),) if rng.random() < 0.05 else ()) for n in range(count)]


def main(argv: list[str] | None = None) -> int:
    """Check the accounts on a local Dask cluster and in this process; 0 when the findings agree."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=2000, help="how many synthetic accounts (default 2000)")
    parser.add_argument("--partition-size", type=int, default=250, help="accounts per Parquet file (default 250)")
    parser.add_argument("--workers", type=int, default=2, help="Dask workers (default 2)")
    parser.add_argument("--threads", action="store_true", help="workers as threads of this process, not processes")
    args = parser.parse_args(argv)

    try:
        from distributed import Client, LocalCluster
    except ImportError:
        print("this example needs dask and distributed: pip install 'budgetkit[dask]'", file=sys.stderr)
        return 2

    batch_accounts = accounts(args.accounts)
    with tempfile.TemporaryDirectory() as folder:
        paths = [
            str(p)
            for p in write_parquet(
                Batch.from_accounts(batch_accounts), Path(folder), partition_size=args.partition_size
            )
        ]
        print(f"{len(batch_accounts)} accounts in {len(paths)} Parquet partitions of up to {args.partition_size}")
        started = time.perf_counter()
        with (
            LocalCluster(
                n_workers=args.workers, threads_per_worker=1, processes=not args.threads, dashboard_address=None
            ) as cluster,
            Client(cluster) as client,
        ):
            parts = client.gather(client.map(check_partition, paths))
        print(f"checked on {args.workers} Dask workers in {time.perf_counter() - started:.1f} s")
    distributed = [findings for part in parts for findings in part]

    local = [[finding.as_dict() for finding in findings] for findings in check_batch(batch_accounts)]
    counts = Counter(f["rule"] for findings in distributed for f in findings if f["severity"] != "info")
    print("errors and warnings found:", ", ".join(f"{rule} {n}" for rule, n in sorted(counts.items())) or "none")
    if distributed != local:
        differing = [k for k, (a, b) in enumerate(zip(distributed, local, strict=True)) if a != b]
        print(f"DIFFERENT from the single-process check for accounts {differing[:10]}")
        return 1
    print(f"the same findings as the single-process check for all {len(local)} accounts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
