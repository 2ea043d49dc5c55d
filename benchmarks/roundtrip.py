"""Round trip at scale: synthetic accounts rendered to PDF in the Shanghai layout and imported back, compared digit for digit.

Run from the project root::

    .venv/bin/python benchmarks/roundtrip.py                      # 2,000 accounts on every core
    .venv/bin/python benchmarks/roundtrip.py --accounts 200 --jobs 2 --speed 5   # a quick look

Each synthetic account (:func:`budgetkit.datasets.synthetic.generate` with ``tables=True``: the nine
published tables, the 目录 and the 情况说明) is drawn by :func:`budgetkit.outputs.pdf.render_pdf` and read
back by :func:`budgetkit.io.read_pdf`, in ``--jobs`` worker processes. Every printed cell of the original
tables is compared with the imported one by its place (a number with its printed places, a printed blank,
or absent: a cell of either side missing from the other is a difference), and so are the figures the
report prints, the 情况说明 passages and the 目录. Any difference is printed (the first 20) and the
script exits with status 1: a difference is a bug of the renderer or of the importer.

``--speed K`` then times, on K rendered reports one after the other, the whole import against pdfplumber
alone extracting the text and the tables of every page (the baseline of ``benchmarks/pdfimport.py``), the
two taking turns; the ratio is the issue's target (import at most 2x pdfplumber). Timing never fails the run.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from budgetkit.datasets import synthetic
from budgetkit.io.pdf import read_pdf
from budgetkit.model.account import FinalAccount
from budgetkit.outputs.pdf import render_pdf

TARGET = 2.0
#: The figures every synthetic report prints, in its 情况说明 or in its tables.
FIGURES = (
    "income.total", "income.year_total", "income.general_budget", "income.opening_balance",
    "expenditure.total", "expenditure.year_total", "expenditure.basic", "expenditure.project",
    "expenditure.closing_balance", "general_budget.total", "general_budget.basic", "general_budget.project",
    "general_budget.personnel", "general_budget.public_use", "three_public.total", "three_public.vehicle",
    "three_public.vehicle_operation", "three_public.reception",
)  # fmt: skip


def differences(original: FinalAccount, imported: FinalAccount) -> tuple[int, list[str]]:
    """The cells compared and every difference: cells by place, figures, passages, 目录, unit and year."""
    found = []
    printed, read = original.tables.by_place(), imported.tables.by_place()
    places = printed.keys() | read.keys()
    for place in places:
        a, b = printed.get(place), read.get(place)
        if a != b or (a is not None and b is not None and a.text != b.text):
            found.append(f"{original.unit}: {place}: {a!r} → {b!r}")
    for path in FIGURES:
        a, b = _figure(original, path), _figure(imported, path)
        if a != b or str(a) != str(b):
            found.append(f"{original.unit}: {path}: {a} → {b}")
    if original.passages != imported.passages:
        found.append(f"{original.unit}: passages differ")
    if original.tables.contents != imported.tables.contents:
        found.append(f"{original.unit}: 目录 differs")
    if (original.unit, original.year) != (imported.unit, imported.year):
        found.append(f"{original.unit}: unit and year read as {imported.unit} {imported.year}")
    if [t.key for t in original.tables.tables] != [t.key for t in imported.tables.tables]:
        found.append(f"{original.unit}: tables {[t.key for t in imported.tables.tables]}")
    return len(places), found


def _figure(account: FinalAccount, path: str) -> object:
    node: object = account
    for part in path.split("."):
        node = getattr(node, part)
    return getattr(node, "current", None)


def _chunk(seeds: range) -> tuple[int, int, int, list[str], float, float]:
    """Render and import the accounts of ``seeds`` (a worker): accounts, pages, cells, differences, times."""
    pages = cells = 0
    found: list[str] = []
    render_time = import_time = 0.0
    with tempfile.TemporaryDirectory(prefix="budgetkit-roundtrip-") as folder:
        for seed in seeds:
            account = synthetic.generate(seed, tables=True)
            path = Path(folder) / f"{seed}.pdf"
            start = time.perf_counter()
            render_pdf(account, path)
            middle = time.perf_counter()
            imported = read_pdf(path)
            import_time += time.perf_counter() - middle
            render_time += middle - start
            pages += imported.report.pages
            compared, diffs = differences(account, imported.account)
            cells += compared
            found += diffs
            path.unlink()
    return len(seeds), pages, cells, found, render_time, import_time


def baseline(path: Path) -> None:
    """pdfplumber alone: the text and the tables of every page."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()


def speed(count: int, repeat: int) -> None:
    """Import against pdfplumber alone on ``count`` rendered reports, taking turns; the best of ``repeat``."""
    with tempfile.TemporaryDirectory(prefix="budgetkit-roundtrip-") as folder:
        paths = [
            render_pdf(synthetic.generate(seed, tables=True), Path(folder) / f"{seed}.pdf") for seed in range(count)
        ]
        base = full = 0.0
        for path in paths:
            best_base = best_full = float("inf")
            for _ in range(repeat):
                start = time.perf_counter()
                baseline(path)
                middle = time.perf_counter()
                read_pdf(path)
                best_full = min(best_full, time.perf_counter() - middle)
                best_base = min(best_base, middle - start)
            base += best_base
            full += best_full
    ratio = full / base
    verdict = "PASS" if ratio <= TARGET else "MISS"
    print(
        f"import speed on {count} rendered reports (best of {repeat} each): pdfplumber alone {base / count:.3f} s, "
        f"read_pdf {full / count:.3f} s per report, ratio {ratio:.2f}x"
    )
    print(
        f"target (timing only; never affects the exit status): {verdict} import at most {TARGET:g}x pdfplumber: {ratio:.2f}x"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=2000, help="synthetic accounts to render and import back")
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: one per core)"
    )
    parser.add_argument("--chunk", type=int, default=25, help="accounts per task of a worker")
    parser.add_argument("--speed", type=int, default=10, help="rendered reports to time against pdfplumber (0: none)")
    parser.add_argument("--repeat", type=int, default=3, help="repeats of each timing (the best is kept)")
    args = parser.parse_args()
    chunks = [range(start, min(start + args.chunk, args.accounts)) for start in range(0, args.accounts, args.chunk)]
    start = time.perf_counter()
    accounts = pages = cells = 0
    found: list[str] = []
    render_time = import_time = 0.0
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for done, pages_, cells_, found_, render_, import_ in pool.map(_chunk, chunks):
            accounts += done
            pages += pages_
            cells += cells_
            found += found_
            render_time += render_
            import_time += import_
            if sys.stderr.isatty():
                sys.stderr.write(f"\r{accounts}/{args.accounts}")
    elapsed = time.perf_counter() - start
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    print(f"accounts {accounts}, pages {pages}, cells compared {cells}, differences {len(found)}")
    print(
        f"time {elapsed:.1f} s on {args.jobs} processes ({accounts / elapsed:.1f} accounts/s); "
        f"per account: render {render_time / max(accounts, 1):.3f} s, import {import_time / max(accounts, 1):.3f} s"
    )
    for line in found[:20]:
        print(f"  DIFFERENT {line}")
    if args.speed:
        speed(args.speed, args.repeat)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
