"""Importing a published PDF against pdfplumber alone extracting the text and tables of every page.

Run from the project root::

    .venv/bin/python benchmarks/pdfimport.py              # both samples, 3 repeats
    .venv/bin/python benchmarks/pdfimport.py --repeat 5 tests/data/samples/putuo-planning-2024.pdf

For each PDF the baseline (``page.extract_text()`` and ``page.extract_tables()`` on every page, with
pdfplumber alone) and the whole import (:func:`budgetkit.io.pdf.read_pdf`: the document, the tables
against the table set, the 情况说明's statements, the account and its report) take turns within each
repeat, so that the load of a shared machine touches both alike; the best time of each is kept. The
ratio import / baseline is printed with PASS when it is at most 2 (the target of issue 11) and MISS
otherwise; timing never fails the run.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber

from budgetkit.io.pdf import read_pdf

SAMPLES = Path(__file__).resolve().parent.parent / "tests" / "data" / "samples"
TARGET = 2.0


def baseline(path: Path) -> None:
    """pdfplumber alone: the text and the tables of every page."""
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()


def whole_import(path: Path) -> None:
    """budgetkit's import: document, tables, statements, account and report."""
    read_pdf(path)


def _time(func: Callable[[Path], None], path: Path) -> float:
    start = time.perf_counter()
    func(path)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path, help="PDF reports (default: the two samples)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    pdfs = args.pdfs or [SAMPLES / "putuo-planning-2024.pdf", SAMPLES / "putuo-social-work-2024.pdf"]
    print(f"{'report':<32} {'pages':>5} {'pdfplumber':>11} {'import':>9} {'ratio':>6}")
    for path in pdfs:
        base = best = float("inf")
        for _ in range(args.repeat):
            base = min(base, _time(baseline, path))
            best = min(best, _time(whole_import, path))
        with pdfplumber.open(path) as pdf:
            pages = len(pdf.pages)
        ratio = best / base
        verdict = "PASS" if ratio <= TARGET else "MISS"
        print(f"{path.name:<32} {pages:>5} {base:>10.2f}s {best:>8.2f}s {ratio:>5.2f}× {verdict} (target ≤ {TARGET:.0f}×)")


if __name__ == "__main__":
    main()
