"""Whole-process CPU time of ``budgetkit check zigong-hr-2023`` against ``python -c "import budgetkit"``.

Run from the project root::

    .venv/bin/python benchmarks/startup.py [--runs 15]

Both commands run as fresh processes, alternately, ``--runs`` times each; the CPU time (user + system)
of each child is read from ``resource.getrusage(RUSAGE_CHILDREN)`` and the **median** is kept, so a
run disturbed by the rest of the machine does not decide the ratio. Both run with Python's bytecode caches, as
an installed package does (pip compiles it at install): the children's environment drops
``PYTHONDONTWRITEBYTECODE`` and each command runs once untimed first, so neither pays for compiling
budgetkit's source. (Without caches each process compiles every module it imports, which costs the longer
import of the check more and made the ratio look about a fifth smaller than a user's.) The target (issue "One definition
per check"): the check costs at most 2x the import. It prints PASS or MISS and never changes the exit
status, because timings depend on the machine; the exit status is 1 only when the check's output
differs between runs.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path

TARGET = 2.0
VENV = Path(sys.executable).parent


#: The children's environment: bytecode caches written and read, as for an installed package.
CACHED = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def _cpu(command: list[str]) -> tuple[float, bytes]:
    """CPU seconds (user + system) that one run of ``command`` took, and what it printed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, capture_output=True, check=False, env=CACHED)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, done.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each command (default 15)")
    args = parser.parse_args(argv)
    baseline = [sys.executable, "-c", "import budgetkit"]
    checked = [str(VENV / "budgetkit"), "check", "zigong-hr-2023"]
    imports: list[float] = []
    checks: list[float] = []
    outputs: set[bytes] = set()
    _cpu(baseline), _cpu(checked)  # untimed: each module's bytecode cached, as after an install
    for _ in range(args.runs):
        imports.append(_cpu(baseline)[0])
        cpu, out = _cpu(checked)
        checks.append(cpu)
        outputs.add(out)
    base, check = statistics.median(imports), statistics.median(checks)
    ratio = check / base
    print(f"{'command':52} {'median CPU s':>12} {'x baseline':>10}")
    label = 'python -c "import budgetkit" (baseline)'
    print(f"{label:52} {base:12.3f} {1:10.2f}x")
    print(f"{'budgetkit check zigong-hr-2023':52} {check:12.3f} {ratio:10.2f}x")
    verdict = "PASS" if ratio <= TARGET else "MISS"
    print(f"targets (timing only; never affects the exit status):\n  {verdict}  check at most {TARGET:g}x import: {ratio:.2f}x")
    if len(outputs) != 1:
        print("the check printed different output between runs")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
