"""How many single wrong figures in a real report does ``check`` notice? One figure is changed at a time.

Run from the project root::

    .venv/bin/python benchmarks/detection.py                      # the planning sample (about 2 CPU minutes)
    .venv/bin/python benchmarks/detection.py REPORT.pdf --show 30  # any report; list 30 of the unnoticed
    .venv/bin/python benchmarks/detection.py tests/data/seeds/000_ad8dd908a3134475.txt   # a text report

The report is read once (:func:`budgetkit.io.document.read_pdf`). Then each printed amount (a number with
decimals) of each table cell and of each line of the 情况说明 is changed, one at a time, in three ways a
hand-written report goes wrong: the last digit one up (``12.34`` → ``12.35``), one 万元 more (``13.34``), and its
last two digits swapped (``12.43``; tables only). The changed document is imported again
(:func:`budgetkit.io.pdf.from_document`) and checked; the change is **noticed** when a finding appears that the
unchanged report does not give (same code, place, stated and expected value), or one of its findings goes.
A text report (``.txt``) is changed line by line in its text and read again whole (:func:`budgetkit.io.text.read_text`:
its self-evaluation tables too); a line holding a tab is counted as a table row, any other as text.

The figures to read: by table and by kind of change, how many changes gave an error, a warning, only a note,
only took a finding away, or nothing at all. A change that gives nothing is not always a blind spot: a budget
printed only in the text, a reason's figures or a rate the printed figures still allow (98.69% for 51.32 of
52.00 may be 98.70% of the unrounded figures) cannot be told wrong. ``--show`` lists the unnoticed ones, to be
read by hand; a real miss found this way is a check to add (0.2.0's ``claim.growth`` over an implied year and
the 三公 lines printed twice were found so). Exit status 0; 1 when the import or the check raises on a change.
"""

from __future__ import annotations

import argparse
import collections
import functools
import re
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import attrs

from budgetkit.checks.audit import check
from budgetkit.checks.finding import Finding
from budgetkit.io.document import Document, Paragraph, RawTable, read_pdf
from budgetkit.io.pdf import from_document
from budgetkit.io.text import read_text

SAMPLE = Path(__file__).resolve().parent.parent / "tests" / "data" / "samples" / "putuo-planning-2024.pdf"
#: A printed amount: digits with decimals, thousands grouped or not (codes and counts are left alone).
AMOUNT = re.compile(r"(?<![\d.,])-?\d{1,3}(?:,\d{3})*\.\d+(?![\d.])|(?<![\d.,])-?\d+\.\d+(?![\d.])")
SEVERITIES = ("error", "warning", "info")
Key = tuple[str, str, str, str]


def changed(text: str, kind: str) -> str | None:
    """``text`` (a printed amount) gone wrong in one way; None when that way changes nothing."""
    negative = text.startswith("-")
    digits = text.lstrip("-").replace(",", "")
    if kind == "swap":
        a, b = len(digits) - 2, len(digits) - 1
        if digits[a] == "." or digits[a] == digits[b]:
            return None
        return ("-" if negative else "") + digits[:a] + digits[b] + digits[a] + digits[b + 1 :]
    value = Decimal(digits)
    places = -value.as_tuple().exponent  # type: ignore[operator]  # a printed decimal has an int exponent
    value += Decimal(1).scaleb(-places) if kind == "last" else 1
    return f"{-value if negative else value:.{places}f}"


def padded(text: str, width: int) -> str:
    """``text`` cut and padded to ``width`` columns of a terminal (a Chinese character takes two)."""
    out, used = "", 0
    for char in text:
        w = 2 if unicodedata.east_asian_width(char) in "WF" else 1
        if used + w > width:
            break
        out, used = out + char, used + w
    return out + " " * (width - used)


def key(finding: Finding) -> Key:
    return finding.code, finding.path, str(finding.stated), str(finding.expected)


@attrs.frozen
class Change:
    """One figure of the report changed: where, what to, and the document it makes."""

    where: str  # "表六 r3 c5" or "段 84"
    kind: str
    printed: str
    instead: str
    context: str
    document: Document


def table_changes(doc: Document) -> Iterator[Change]:
    for t, table in enumerate(doc.tables):
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row):
                text = (cell.text or "").strip()
                if not AMOUNT.fullmatch(text):
                    continue
                for kind in ("last", "big", "swap"):
                    instead = changed(text, kind)
                    if instead is None:
                        continue
                    cells = (*row[:c], attrs.evolve(cell, text=instead), *row[c + 1 :])
                    rows = (*table.rows[:r], cells, *table.rows[r + 1 :])
                    tables: tuple[RawTable, ...] = (*doc.tables[:t], attrs.evolve(table, rows=rows), *doc.tables[t + 1 :])
                    context = " ".join(x.text or "" for x in row if x.text)[:60]
                    where = f"{table.title or f'table {t}'} r{r} c{c}"
                    yield Change(where, kind, text, instead, context, attrs.evolve(doc, tables=tables))


def text_changes(doc: Document) -> Iterator[Change]:
    for p, paragraph in enumerate(doc.paragraphs):
        for n, line in enumerate(paragraph.lines):
            if paragraph.text.count(line.text) != 1:
                continue  # the line cannot be told apart in the paragraph's text
            for m in AMOUNT.finditer(line.text):
                for kind in ("last", "big"):
                    instead = changed(m.group(), kind)
                    assert instead is not None
                    text = line.text[: m.start()] + instead + line.text[m.end() :]
                    lines = (*paragraph.lines[:n], attrs.evolve(line, text=text), *paragraph.lines[n + 1 :])
                    edited: Paragraph = attrs.evolve(paragraph, text=paragraph.text.replace(line.text, text), lines=lines)
                    paragraphs = (*doc.paragraphs[:p], edited, *doc.paragraphs[p + 1 :])
                    yield Change(f"段 {p}", kind, m.group(), instead, line.text[:60], attrs.evolve(doc, paragraphs=paragraphs))


@attrs.frozen
class TextChange:
    """One figure of a text report changed: where, what to, and the text it makes."""

    where: str  # "第12行"
    part: str  # "table rows" or "text"
    kind: str
    printed: str
    instead: str
    context: str
    text: str


def text_file_changes(text: str) -> Iterator[TextChange]:
    lines = text.split("\n")
    for n, line in enumerate(lines):
        part = "table rows" if "\t" in line else "text"
        for m in AMOUNT.finditer(line):
            for kind in ("last", "big", "swap") if part == "table rows" else ("last", "big"):
                instead = changed(m.group(), kind)
                if instead is None:
                    continue
                edited = "\n".join((*lines[:n], line[: m.start()] + instead + line[m.end() :], *lines[n + 1 :]))
                context = line[max(0, m.start() - 30) : m.end() + 20].replace("\t", " ")
                yield TextChange(f"第{n + 1}行", part, kind, m.group(), instead, context, edited)


def text_outcome(change: TextChange, base: collections.Counter[Key], folder: Path) -> str:
    path = folder / "report.txt"
    path.write_text(change.text, encoding="utf-8")
    return judged(check(read_text(path).account), base)


def outcome(change: Change, base: collections.Counter[Key]) -> str:
    """error, warning or info (the worst new finding), "gone" (a finding went, none came), or "none"."""
    return judged(check(from_document(change.document).account), base)


def judged(findings: list[Finding], base: collections.Counter[Key]) -> str:
    """How the findings of a changed report differ from ``base``, the unchanged report's (see :func:`outcome`)."""
    found = collections.Counter(key(f) for f in findings)
    severities = {f.severity.value for f in findings if found[key(f)] > base[key(f)]}
    worst = next((s for s in SEVERITIES if s in severities), None)
    if worst is not None:
        return worst
    return "gone" if any(found[k] < base[k] for k in base) else "none"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", nargs="?", type=Path, default=SAMPLE, help="a published 部门决算 PDF")
    parser.add_argument("--show", type=int, default=10, help="list this many unnoticed changes (default 10)")
    args = parser.parse_args(argv)
    started = time.process_time()
    tally: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(collections.Counter)
    unnoticed: list[Change | TextChange] = []
    failures = 0
    runs: list[tuple[str, Change | TextChange, Callable[[], str]]] = []
    with tempfile.TemporaryDirectory() as name:
        if args.report.suffix.lower() == ".txt":
            text = args.report.read_text(encoding="utf-8")
            base = collections.Counter(key(f) for f in check(read_text(args.report).account))
            for each in text_file_changes(text):
                runs.append((each.part, each, functools.partial(text_outcome, each, base, Path(name))))
        else:
            doc = read_pdf(args.report)
            base = collections.Counter(key(f) for f in check(from_document(doc).account))
            for part, changes in (("tables", table_changes(doc)), ("情况说明", text_changes(doc))):
                for one in changes:
                    where = one.where.split(" r")[0] if part == "tables" else part
                    runs.append((where, one, functools.partial(outcome, one, base)))
        for where, change, run in runs:
            try:
                result = run()
            except Exception as exc:  # reported, and the exit status says so
                failures += 1
                print(f"RAISED on {change.where} {change.printed} → {change.instead}: {type(exc).__name__}: {exc}")
                continue
            tally[(where, change.kind)][result] += 1
            if result == "none":
                unnoticed.append(change)
    print(f"{args.report.name}: {len(base)} findings unchanged; {time.process_time() - started:.0f} CPU s")
    print(f"{padded('where', 34)} {'change':6} {'changes':>7} {'error':>6} {'warning':>7} {'info':>5} {'gone':>5} {'none':>5}")
    totals: collections.Counter[str] = collections.Counter()
    for (where, kind), counts in tally.items():
        totals.update(counts)
        cells = " ".join(f"{counts[s]:>{w}}" for s, w in zip((*SEVERITIES, "gone", "none"), (6, 7, 5, 5, 5), strict=True))
        print(f"{padded(where, 34)} {kind:6} {sum(counts.values()):>7} {cells}")
    noticed = sum(totals.values()) - totals["none"]
    print(f"noticed {noticed} of {sum(totals.values())} changes ({noticed / max(1, sum(totals.values())):.1%})")
    for missed in unnoticed[: args.show]:
        print(f"  unnoticed: {missed.where} {missed.printed} → {missed.instead} ({missed.kind}) | {missed.context}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
