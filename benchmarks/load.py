"""``io.loads`` and ``io.dumps`` against the bare parser and writer they wrap, in the same process.

Run from the project root::

    .venv/bin/python benchmarks/load.py              # about 20 s on a quiet machine
    .venv/bin/python benchmarks/load.py --rounds 5   # quick look

For each account (synthetic seed 1, the same with published tables, and the built-in zigong-hr-2023) and
each format, the script times

- ``json.loads(text)`` / ``tomllib.loads(text)`` alone: the baseline, what no loader can beat;
- ``io.loads(text, fmt)``: parse, validate every value, build the typed account;
- ``json.dumps(data)`` / ``tomli_w.dumps(data)`` of the account's plain data, and ``io.dumps(account, fmt)``.

Each is timed as CPU time of this process (``time.process_time``, so other jobs on a shared machine count
less), in rounds that run every path once each, alternately; the **best** round of ``--rounds`` is kept.
The ratio ``x parse`` is the number to track between machines. It exits 1 when ``io.loads`` does not
give back the account that was dumped.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tomllib
from collections.abc import Callable
from typing import Any

import tomli_w

from budgetkit import datasets, io
from budgetkit.datasets import synthetic
from budgetkit.model.account import FinalAccount


def _seconds(call: Callable[[], object], number: int) -> float:
    start = time.process_time()
    for _ in range(number):
        call()
    return (time.process_time() - start) / number


def _accounts() -> dict[str, FinalAccount]:
    return {
        "synthetic 1": synthetic.generate(1),
        "synthetic 1, tables": synthetic.generate(1, tables=True),
        "zigong-hr-2023": datasets.load("zigong-hr-2023"),
    }


def _paths(account: FinalAccount, fmt: io.Format) -> dict[str, Callable[[], object]]:
    text = io.dumps(account, fmt)
    data = io.versioned(io.unstructure(account))
    parse: Callable[[], object] = (lambda: json.loads(text)) if fmt == "json" else (lambda: tomllib.loads(text))
    write: Callable[[], object] = (
        (lambda: json.dumps(data, ensure_ascii=False, indent=2)) if fmt == "json" else (lambda: tomli_w.dumps(data))
    )
    return {
        "parse": parse,
        "io.loads": lambda: io.loads(text, fmt),
        "write": write,
        "io.dumps": lambda: io.dumps(account, fmt),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15, help="rounds of every path; the best is kept (15)")
    parser.add_argument("--number", type=int, default=5, help="calls of a path in one round (5)")
    args = parser.parse_args(argv)
    status = 0
    print(f"{'account':22} {'fmt':4} {'parse µs':>9} {'loads µs':>9} {'x parse':>8} {'write µs':>9} {'dumps µs':>9} {'x write':>8}")
    for name, account in _accounts().items():
        for fmt in ("json", "toml"):
            if io.loads(io.dumps(account, fmt), fmt) != account:  # type: ignore[arg-type]
                print(f"{name} {fmt}: io.loads did not give back the account dumped")
                status = 1
            paths = _paths(account, fmt)  # type: ignore[arg-type]
            best: dict[str, float] = dict.fromkeys(paths, float("inf"))
            for _ in range(args.rounds):
                for path, call in paths.items():
                    best[path] = min(best[path], _seconds(call, args.number))
            us: dict[str, Any] = {path: seconds * 1e6 for path, seconds in best.items()}
            print(
                f"{name:22} {fmt:4} {us['parse']:9.0f} {us['io.loads']:9.0f} {us['io.loads'] / us['parse']:7.1f}x"
                f" {us['write']:9.0f} {us['io.dumps']:9.0f} {us['io.dumps'] / us['write']:7.1f}x"
            )
    return status


if __name__ == "__main__":
    sys.exit(main())
