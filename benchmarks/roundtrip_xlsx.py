"""The xlsx round trip at scale: accounts → write_xlsx → read_excel, every table equal digit for digit.

Run from the project root::

    .venv/bin/python benchmarks/roundtrip_xlsx.py              # 1000 accounts
    .venv/bin/python benchmarks/roundtrip_xlsx.py --accounts 200 --seed 7

The accounts are the two Shanghai datasets (``putuo-planning-2024``, ``putuo-social-work-2024``, the
ones with all nine tables) with every table cell replaced by a random printing — a blank, or an amount
of 0 to 4 places, now and then negative or of 16 digits (written as text: Excel keeps 15) — as
``tests/test_excel.py`` makes them. Each is written to an .xlsx, read back with
:func:`budgetkit.io.excel.read_excel` and compared cell for cell with what was written. The run prints
how many round-tripped exactly (the rest, with the first difference, fail the run), the cells compared,
and the time per account of writing and of reading (openpyxl dominates both).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from budgetkit import datasets
from budgetkit.io.excel import read_excel
from budgetkit.outputs.workbook import write_xlsx
from test_excel import _differences, perturbed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0, help="first seed of the perturbed copies")
    args = parser.parse_args()
    bases = [datasets.load(name) for name in ("putuo-planning-2024", "putuo-social-work-2024")]
    written = read = 0.0
    cells = exact = 0
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "account.xlsx"
        for n in range(args.accounts):
            account = perturbed(bases[n % 2], args.seed + n)
            start = time.perf_counter()
            write_xlsx(account, path)
            middle = time.perf_counter()
            imported = read_excel(path)
            end = time.perf_counter()
            written += middle - start
            read += end - middle
            cells += sum(len(row.cells) for table in account.tables.tables for row in table.rows)
            differences = _differences(imported.account.tables.tables, account.tables.tables)
            if differences:
                failures.append(f"seed {args.seed + n}: {differences[0]}")
            else:
                exact += 1
    print(f"{exact} of {args.accounts} accounts round-tripped exactly ({cells} cells compared)")
    print(f"write_xlsx {1000 * written / args.accounts:.1f} ms/account, read_excel {1000 * read / args.accounts:.1f} ms/account")
    for failure in failures[:10]:
        print(f"  FAIL {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
