"""Fuzz every entry point of budgetkit with 100,000 inputs, and count what each input gave.

Run from the project root::

    .venv/bin/python benchmarks/fuzz.py                          # a smoke run: 1 minute over every entry point
    .venv/bin/python benchmarks/fuzz.py --minutes 20 --jobs 2    # the release run: 100,000 inputs, about 18 minutes
    .venv/bin/python benchmarks/fuzz.py --minutes 2 --only check report --inputs 2000
    .venv/bin/python benchmarks/fuzz.py --save fuzz-found        # also write every first bad input as a file
    .venv/bin/python benchmarks/fuzz.py --sizes                  # time the large inputs (about 2 minutes)

Each entry point runs in a process of its own (so its peak memory is its own), drawing
inputs from the Hypothesis strategies of ``tests/test_fuzz.py`` with fresh random seeds,
no example database and no shrinking, and checking each with the ``check_*`` functions of
that file. ``--inputs`` (default 100,000) is shared out by the fixed proportions of the
table below; ``--minutes`` is shared out by each entry point's expected cost, and an entry
point stops at twice its share even when it has not run its inputs, so a short run does a
little of everything; ``--jobs`` fuzzes that many entry points at once.

==============  ===========================================================================  ======
entry point     input                                                                        inputs
==============  ===========================================================================  ======
numbers         random str/int/float/Decimal/bool/None → to_decimal, Money, from_yuan, Ratio  68,075
load-json       random JSON-like values → ``io.loads`` JSON and (when it can hold them) TOML  20,000
variants        random scoring-variant files → ``scoring.load_variants``                       2,500
tables          random CSV tables → ``classification.load_table``                              2,500
load-shaped     dicts shaped like an account, with odd leaves → ``io.loads`` JSON and TOML       500
load-text       the built-in dataset's TOML, one character replaced/inserted/deleted             700
load-truncated  the built-in dataset's TOML cut at a random place                                500
load-file       the dataset file, one byte replaced/inserted/deleted → ``io.load``               500
round-trip      ``synthetic.generate(seed)`` → dumps → loads → dumps, TOML and JSON              300
reload          odd accounts (below) that load → dumps → loads equal, and so does the            400
                account the report writes (``report_account``, its claims)
check           odd accounts → ``check()``, every finding scanned                                600
score           odd accounts → ``score_report`` under every scoring variant, as JSON             400
report          odd accounts → ``narrative.report.render``, Markdown and text                    500
html            odd accounts → ``outputs.html.render`` of the account, projects, lines           600
batch           odd accounts → ``check_batch``, which must give ``check()``'s findings           400
parquet         a Parquet batch with damaged bytes or a damaged column → ``read_parquet``;       100
                when read, ``check_batch`` and ``Batch.account(i)``
pdf             the sample PDFs (cover and 3 pages, or whole) with bytes damaged or cut →         80
                ``io.read_pdf``; when read, ``check()`` and a dump → load round trip
docx            the samples as Word documents, bytes of the package or of its document part     200
                damaged or cut → ``io.read_docx``; when read, ``check()`` and the round trip
cli             odd accounts as a file, a directory, Parquet → ``budgetkit check/score/          120
                report`` in-process, text and JSON (6 of the 21 combinations each)
cli-process     odd accounts as a file, directory or Parquet, or a damaged PDF → the              25
                installed ``budgetkit`` run as a subprocess
perturb         real reports (below) with 1–4 realistic variations → ``io.read_text`` and       1,000
                ``read_html`` (the text as a simple page), ``check()`` and ``coverage()``;
                every finding's path must resolve; 1 in 20 also ``budgetkit check FILE
                --format json`` in-process
==============  ===========================================================================  ======

"Real reports" are the seed and regional texts of ``tests/data``, the built-in datasets' passages under
their sections' headings and the sample PDFs as a text export prints them; "realistic variations" are
what units publish (:func:`perturb`): a float's artefact (1054.9000000000001), 20–40 digits, full-width
digits and signs, thousands separated by 、，or spaces, minus signs and bracketed negatives, blanks
(—, /, 空, 无), another unit (元, 千元, 亿元, none), years (2024年度, 二〇二四年, 24年), a 13th month,
invisible characters, tabs, CRLF, a BOM, a number broken over two lines, lines merged, a heading
repeated or dropped, a section emptied, a long line, a cell added or dropped, a doubled percent sign,
zero bases, template placeholders (XXX) and amounts in Chinese numerals (一百二十万).

"Odd accounts" are the built-in account, whole or 1–5 sections, with 1–4 values replaced by
odd ones (tiny, 30-digit, exponent, null, containers, floats, odd text).

For each entry point the report gives: inputs; values (loaded, built, or ran); refusals
(a ``BudgetkitError`` — for a loader a well-formed ``LoadError`` naming the source with a
``$`` path for every issue); inputs its loader refused before the entry point was reached;
every other exception by type with its count and first input; the slowest input (CPU and
wall seconds); the inputs over 5 CPU seconds (an input is stopped at 30); the peak memory
(RSS) of its process; and every bad output — ``None``, ``nan``, exponent notation or a
Python repr that the input did not hold — by where it was seen (a finding is named by its
rule code), with the text around it and the first input. ``--save DIR`` writes the first
input of each exception and each bad output into DIR, with the command that reruns it.

Exit status: 0 when no input raised anything but a value or a budgetkit refusal, none was
over 5 s, no process went over 500 MB and no output was bad; 1 otherwise; 2 for a bad
command line. ``--sizes`` instead loads each large input once (100,000 claims, projects,
category lines and table rows; a 10 MB text; nesting 100,000 deep; floods of broken items)
and prints its seconds and outcome; timings never change the exit status, an exception
other than ``LoadError`` does.
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import io as text_io
import json
import logging
import multiprocessing
import os
import random
import re
import resource
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from budgetkit.checks.scoring import load_variants
from budgetkit.errors import BudgetkitError, LoadError
from budgetkit.io import load, loads
from budgetkit.reference.classification import load_table
from budgetkit.values.money import Money
from budgetkit.values.numbers import to_decimal
from budgetkit.values.ratio import Ratio

ROOT = Path(__file__).resolve().parents[1]
FUZZERS_FILE = ROOT / "tests" / "test_fuzz.py"
SAMPLES = ROOT / "tests" / "data" / "samples"
BUDGETKIT = Path(sys.executable).with_name("budgetkit")

#: An input taking more CPU seconds than this is counted as slow; one taking HUNG_SECONDS is stopped.
SLOW_SECONDS, HUNG_SECONDS = 5.0, 30
#: Peak memory (RSS) an entry point's process may reach.
MAX_MB = 500


def _fuzzers_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("budgetkit_test_fuzz", FUZZERS_FILE)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the fuzzers from {FUZZERS_FILE}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # attrs classes of the module need it importable by name
    spec.loader.exec_module(module)
    return module


class Probe:
    """What one input's check hands back besides its outcomes: its bad outputs, and a file that reruns it."""

    def __init__(self) -> None:
        self.leaks: list[Any] = []
        self.payload: tuple[str, bytes] | None = None  # (file suffix, content)


Check = Callable[[Any, Probe], Iterable[str]]


# -- the entry points ---------------------------------------------------------------------------------------------


def _pdf_bases(scratch: Path) -> list[tuple[str, bytes]]:
    """The sample PDFs cut to a few pages (cover, then 1–3 pages from the middle), and two of them whole."""
    from pypdf import PdfReader, PdfWriter

    bases = []
    for name in ("putuo-social-work-2024", "template-shanghai-2024", "putuo-planning-2024"):
        path = SAMPLES / f"{name}.pdf"
        count = len(PdfReader(path).pages)
        for first in range(2, count, 4):
            writer = PdfWriter(clone_from=path)
            keep = {0, *range(first, min(first + 3, count))}
            for index in reversed(range(count)):
                if index not in keep:
                    writer.remove_page(index)
            buffer = text_io.BytesIO()
            writer.write(buffer)
            bases.append((f"{name} pages {sorted(k + 1 for k in keep)}", buffer.getvalue()))
        if name != "putuo-planning-2024":
            bases.append((f"{name} whole", path.read_bytes()))
    return bases


def _docx_bases() -> list[tuple[str, bytes]]:
    """The three samples as the Word documents they were made from (``tests/word_docs.py``)."""
    from budgetkit.io.document import read_pdf as read_document

    sys.path.insert(0, str(ROOT / "tests"))
    from word_docs import from_document  # type: ignore[import-not-found]

    names = ("putuo-social-work-2024", "template-shanghai-2024", "putuo-planning-2024")
    return [(name, from_document(read_document(SAMPLES / f"{name}.pdf"))) for name in names]


def _damaged_part(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    """A Word package with its document part damaged (:func:`_damaged` of the XML), packed again."""
    import zipfile

    source = zipfile.ZipFile(text_io.BytesIO(data))
    what, xml = _damaged(source.read("word/document.xml"), rng)
    out = text_io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info in source.infolist():
            package.writestr(info.filename, xml if info.filename == "word/document.xml" else source.read(info))
    return f"word/document.xml: {what}", out.getvalue()


def _parquet_base(scratch: Path) -> tuple[bytes, Any]:
    """A Parquet batch of three synthetic accounts: its bytes and its Arrow table."""
    import pyarrow.parquet as pq

    from budgetkit.checks.batch import Batch, write_parquet
    from budgetkit.datasets.synthetic import generate

    (part,) = write_parquet(Batch.from_accounts([generate(seed) for seed in range(3)]), scratch / "base")
    return part.read_bytes(), pq.read_table(part)


def _damaged(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    """``data`` with a few bytes replaced, inserted or deleted, a run zeroed, or cut: what was done, and the bytes."""
    kind = rng.choice(["replace", "insert", "delete", "zero", "cut", "several"])
    at = rng.randrange(len(data))
    if kind == "cut":
        return f"cut at {at}", data[:at]
    if kind == "zero":
        size = rng.randint(1, 4096)
        return f"{size} bytes zeroed at {at}", data[:at] + bytes(size) + data[at + size :]
    if kind == "several":
        out = bytearray(data)
        places = sorted(rng.randrange(len(data)) for _ in range(rng.randint(2, 20)))
        for place in places:
            out[place] = rng.randrange(256)
        return f"bytes replaced at {places}", bytes(out)
    byte = bytes([rng.randrange(256)])
    if kind == "replace":
        return f"byte {byte[0]} at {at}", data[:at] + byte + data[at + 1 :]
    if kind == "insert":
        return f"byte {byte[0]} inserted at {at}", data[:at] + byte + data[at:]
    return f"byte deleted at {at}", data[:at] + data[at + 1 :]


def _column_edit(table: Any, rng: random.Random) -> tuple[str, Any]:
    """The Arrow table with one column damaged: nulls, negative or huge numbers, text, dropped, or rows shuffled."""
    import pyarrow as pa

    names = table.column_names
    name = rng.choice(names)
    index = names.index(name)
    column = table.column(name)
    kind = rng.choice(["nulls", "negative", "huge", "text", "drop", "shuffle", "swap"])
    if kind == "drop":
        return f"column {name} dropped", table.remove_column(index)
    if kind == "shuffle":
        order = list(range(table.num_rows))
        rng.shuffle(order)
        return f"rows shuffled {order}", table.take(order)
    if kind == "swap":
        other = rng.choice(names)
        return f"column {name} given {other}'s values", table.set_column(index, name, table.column(other))
    if kind == "nulls":
        return f"column {name} all null", table.set_column(index, name, pa.nulls(len(column), column.type))
    if kind == "text":
        values = [str(v) for v in column.to_pylist()]
        return f"column {name} as text", table.set_column(index, name, pa.array(values))
    value = -rng.choice([1, 7, 10**6, 2**31]) if kind == "negative" else rng.choice([2**62, 10**18, 127, 10**15])
    try:
        replaced = pa.array([value] * len(column), column.type)
    except (pa.ArrowException, TypeError, ValueError, OverflowError):
        return f"column {name} all null (no {kind} value fits {column.type})", table.set_column(
            index, name, pa.nulls(len(column), column.type)
        )
    return f"column {name} all {value}", table.set_column(index, name, replaced)


def _cli_process(command: list[str], given: str, probe: Probe, f: ModuleType) -> str:
    """The installed ``budgetkit`` as a subprocess: exit 0, 1 or 2, no traceback, JSON when asked, no leaks."""
    done = subprocess.run(
        [str(BUDGETKIT), *command], capture_output=True, text=True, timeout=120, errors="replace", check=False
    )
    where = f"cli-process {command[0]} {' '.join(command[2:])}".strip()
    assert done.returncode in (0, 1, 2), (command, done.returncode, done.stderr[-2000:])
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr, (command, done.stderr[-2000:])
    f.scan(done.stdout + done.stderr, given, where, probe.leaks)
    if "--format" in command and command[command.index("--format") + 1] == "json":
        doc = json.loads(done.stdout)
        assert ("error" in doc) == (done.returncode == 2 and "accounts" not in doc), doc
    return "ran"


# -- perturb: real reports with the sloppy variations units publish --------------------------------------------------

#: A printed figure: digits with separators and decimals (half-width, as the bases print them).
_FIGURE = re.compile(r"(?<![\d.])\d[\d,]*(?:\.\d+)?")
#: A heading of the 情况说明: 一、… / （一）… / 第二部分 ….
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+部分)")
_FULL_WIDTH = str.maketrans("0123456789%.,", "０１２３４５６７８９％．，")
_DIGITS_ZH = "〇一二三四五六七八九"


def _zh_amount(value: int) -> str:
    """A whole number of up to 99,999,999 as Chinese numerals (1200000 → 一百二十万), as a writer types it."""

    def small(n: int) -> str:
        out, zero = "", False
        for digit, unit in ((n // 1000 % 10, "千"), (n // 100 % 10, "百"), (n // 10 % 10, "十"), (n % 10, "")):
            if digit:
                out += ("零" if zero and out else "") + _DIGITS_ZH[digit] + unit
                zero = False
            else:
                zero = True
        return out or "零"

    high, low = divmod(value, 10_000)
    return (small(high) + "万" + (small(low) if low else "")) if high else small(low)


def _perturb_line(line: str, rng: random.Random) -> tuple[str, str]:
    """One realistic variation of a line's figures or words: what was done, and the line."""
    figures = list(_FIGURE.finditer(line))
    kind = rng.choice(
        [
            "float",
            "digits",
            "full-width",
            "separator",
            "minus",
            "blank",
            "unit",
            "year",
            "month",
            "invisible",
            "tab",
            "percent",
            "zero",
            "placeholder",
            "zh-amount",
        ]
    )
    if kind in ("float", "digits", "separator", "minus", "blank", "zero", "placeholder", "zh-amount") and not figures:
        kind = rng.choice(["full-width", "unit", "year", "invisible", "tab", "percent"])
    if figures:
        m = rng.choice(figures)
        head, figure, tail = line[: m.start()], m.group(0), line[m.end() :]
        plain = figure.replace(",", "")
        whole, _, decimals = plain.partition(".")
    if kind == "float":
        digits = (decimals or "0")[:1]
        new = (
            f"{whole}.{digits}000000000001" if rng.random() < 0.5 else f"{whole}.{max(0, int(digits) - 1)}999999999999"
        )
        return f"float artefact {figure} → {new}", head + new + tail
    if kind == "digits":
        size = rng.randint(20, 40)
        new = str(rng.randint(10 ** (size - 1), 10**size - 1))
        if rng.random() < 0.5:
            new = f"{new[:-2]}.{new[-2:]}"
        return f"{size} digits {figure} → {new}", head + new + tail
    if kind == "separator":
        grouped = f"{int(whole):,}" + (f".{decimals}" if decimals else "")
        sep = rng.choice(["、", "，", " ", "\u3000", "'"])
        new = grouped.replace(",", sep) if "," in grouped else whole[:1] + sep + plain[1:]
        return f"thousands separator {figure} → {new}", head + new + tail
    if kind == "minus":
        new = rng.choice(["−{}", "－{}", "‐{}", "-{}", "({})", "（{}）", "- {}", "—{}"]).format(figure)
        return f"negative {figure} → {new}", head + new + tail
    if kind == "blank":
        new = rng.choice(["—", "——", "-", "/", "空", "无", "--", "－", "", "…"])
        return f"blank {figure} → {new!r}", head + new + tail
    if kind == "zero":
        new = rng.choice(["0", "0.00", "-0.00", "0.0", "0,000.00", "０.００"])
        return f"zero {figure} → {new}", head + new + tail
    if kind == "placeholder":
        new = rng.choice(["XXX", "XX.XX", "xx", "××", "X", "*.**", "（具体金额）"])
        return f"placeholder {figure} → {new}", head + new + tail
    if kind == "zh-amount":
        value = rng.choice([int(whole) if len(whole) < 8 else 120, 1_200_000, 35, 10_000, 100, 20_300])
        new = _zh_amount(value)
        return f"Chinese numerals {figure} → {new}", head + new + tail
    if kind == "full-width":
        return "full-width", line.translate(_FULL_WIDTH)
    if kind == "unit":
        new = rng.choice(["元", "千元", "亿元", "", "万", "万万元", "(万元)"])
        return f"unit 万元 → {new!r}", line.replace("万元", new) if "万元" in line else line + new
    if kind == "year":
        new = rng.choice(["{}年度", "二〇{}年", "{}年年", "{}", "二零{}年"])
        year = re.search(r"20(\d\d)年", line)
        if year is None:
            return "year (none)", line
        short = year.group(1)
        text = new.format(
            "".join(_DIGITS_ZH[int(c)] for c in "20" + short)[2:] if new.startswith("二") else "20" + short
        )
        if rng.random() < 0.3:
            text = short + "年"
        return f"year → {text}", line[: year.start()] + text + line[year.end() :]
    if kind == "month":
        month = re.search(r"(\d{1,2})月", line)
        new = rng.choice(["13月", "0月", "13月32日", "12月31日24时", "2月30日"])
        if month is None:
            return f"month {new} appended", line + f"2023年{new}"
        return f"month → {new}", line[: month.start()] + new + line[month.end() :]
    if kind == "invisible":
        mark = rng.choice(["\u00a0", "\u200b", "\ufeff", "\u3000", "\u200d", "\u2060", "\u00ad"])
        at = rng.randrange(len(line) + 1)
        return f"{mark!r} at {at}", line[:at] + mark + line[at:]
    if kind == "tab":
        return "spaces as tabs", line.replace(" ", "\t") if " " in line else line.replace("，", "，\t", 1)
    # percent
    return "percent doubled", line.replace("%", rng.choice(["%%", "％%", "% %", "%."])) if "%" in line else line + "%"


def perturb(text: str, rng: random.Random) -> tuple[list[str], str]:
    """A report's text with 1–4 realistic variations: what was done, and the text."""
    lines = text.splitlines()
    done: list[str] = []
    for _ in range(rng.randint(1, 4)):
        if not lines:
            break
        figured = [i for i, line in enumerate(lines) if _FIGURE.search(line)]
        at = rng.choice(figured) if figured and rng.random() < 0.8 else rng.randrange(len(lines))
        headings = [i for i, line in enumerate(lines) if _HEADING.match(line)]
        kind = rng.choice(["line"] * 8 + ["split", "merge", "repeat", "drop", "empty", "long", "cell", "crlf", "bom"])
        if kind == "line":
            what, lines[at] = _perturb_line(lines[at], rng)
        elif kind == "split":
            figures = list(_FIGURE.finditer(lines[at]))
            cut = (rng.choice(figures).start() + 1) if figures else rng.randrange(len(lines[at]) + 1)
            lines[at : at + 1] = [lines[at][:cut], lines[at][cut:]]
            what = f"line {at + 1} broken at {cut}"
        elif kind == "merge" and at + 1 < len(lines):
            lines[at : at + 2] = [lines[at] + rng.choice(["", " ", "\t"]) + lines[at + 1]]
            what = f"lines {at + 1}–{at + 2} merged"
        elif kind in ("repeat", "drop", "empty") and headings:
            h = rng.choice(headings)
            what = f"heading {lines[h][:20]!r} {kind}"
            if kind == "repeat":
                lines.insert(h, lines[h])
            elif kind == "drop":
                del lines[h]
            else:
                end = next((i for i in headings if i > h), len(lines))
                del lines[h + 1 : end]
        elif kind == "long":
            if "\t" in lines[at]:  # a table row runs on into the next ones (a row of 3,000 cells is no table's)
                lines[at] = "\t".join([lines[at]] * rng.randint(2, 8))
            elif rng.random() < 0.5:
                lines[at] = lines[at] * rng.choice([50, 500])
            else:
                lines[at] = lines[at] + "，" + "说明" * 20_000
            what = f"line {at + 1} made long"
        elif kind == "cell":
            cells = re.split(r"(\t|\s+)", lines[at])
            words = cells[::2]
            if len(words) > 1 and rng.random() < 0.5:
                del words[rng.randrange(len(words))]
                what = f"a cell of line {at + 1} dropped"
            else:
                words.insert(rng.randrange(len(words) + 1), rng.choice(["0.00", "—", "合计", ""]))
                what = f"a cell added to line {at + 1}"
            lines[at] = "\t".join(words) if "\t" in lines[at] else " ".join(words)
        elif kind == "crlf":
            done.append("CRLF line ends")
            text = "\r\n".join(lines)
            lines = text.split("\n")  # the \r stays at each line's end
            continue
        else:
            lines[0] = "\ufeff" + lines[0]
            what = "BOM"
        done.append(what if kind != "merge" or at + 1 < len(lines) else "merge at the end (nothing)")
    return done, "\n".join(lines) + "\n"


#: A finding's path into the published tables: ``tables.<table>[<row>].<column>`` (a :class:`Place`), a table
#: the report lacks ``tables[<table>]``, or a printed table by its order ``tables.tables[<n>].<field>``.
_TABLE_PATH = re.compile(r"tables\.tables\[(\d+)\]\.\w+|tables\[(\w+)\]|tables\.(\w+)\[([^\]]+)\]\.(\w+)")


def _finding_resolves(account: Any, path: str, resolve: Callable[[Any, str], Any], error: type[Exception]) -> bool:
    """Whether a finding's path names something in the account: a claim path that resolves, a printed table
    cell, a table the report lacks (``table.missing`` names it), or a printed table by its order."""
    from budgetkit.model.tables import Place

    table = _TABLE_PATH.fullmatch(path)
    if table is not None:
        order, missing, key, row, column = table.groups()
        if missing is not None:
            return True
        if order is not None:
            return int(order) < len(account.tables.tables)
        return account.tables.at(Place(key, row, column)) is not None
    try:
        resolve(account, path)
    except error:
        return False
    return True


def as_page(text: str) -> str:
    """A text as a simple web page: a line with tabs is a table row (the rows in a run are one table), any
    other line a paragraph."""
    out = ["<html><head><meta charset='utf-8'><title>决算</title></head><body>"]
    in_table = False
    for line in text.splitlines():
        cells = line.split("\t")
        if len(cells) > 1:
            if not in_table:
                out.append("<table>")
                in_table = True
            out.append("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in cells) + "</tr>")
            continue
        if in_table:
            out.append("</table>")
            in_table = False
        out.append(f"<p>{html.escape(line)}</p>")
    out.append("</table></body></html>" if in_table else "</body></html>")
    return "\n".join(out)


def _pdf_text(path: Path) -> str:
    """A sample PDF as a text export prints it: its paragraphs page by page, each table after its page's
    paragraphs, title first and one row a line with its cells between tabs."""
    from budgetkit.io.document import read_pdf as read_document

    doc = read_document(path)
    lines: list[str] = []
    tables = list(doc.tables)
    for paragraph in doc.paragraphs:
        page = paragraph.lines[0].box.page if paragraph.lines and paragraph.lines[0].box else 0
        while tables and min(tables[0].pages) < page:
            table = tables.pop(0)
            lines.extend([table.title or "", *("\t".join(cell.text or "" for cell in row) for row in table.rows)])
        lines.append(paragraph.text)
    for table in tables:
        lines.extend([table.title or "", *("\t".join(cell.text or "" for cell in row) for row in table.rows)])
    return "\n".join(lines) + "\n"


def perturb_bases() -> list[tuple[str, str]]:
    """The real reports the variations are made on: the seed and regional texts, the built-in datasets'
    passages (each under its section's heading) and the sample PDFs as text."""
    from budgetkit import datasets

    data = ROOT / "tests" / "data"
    bases = [(path.name, path.read_text(encoding="utf-8")) for path in sorted(data.glob("seeds/*.txt"))]
    bases += [(path.name, path.read_text(encoding="utf-8")) for path in sorted(data.glob("regions/*.txt"))]
    for name in datasets.names():
        account = datasets.load(name)
        lines = [f"{account.unit}{account.year}年度部门决算", f"第二部分 {account.year}年度部门决算情况说明"]
        section = None
        for passage in account.passages:
            top = re.match(r"[一二三四五六七八九十]+", passage.section)
            if top is not None and top.group(0) != section:
                section = top.group(0)
                lines.append(f"{section}、{_SECTION_TITLES.get(section, '其他情况说明')}")
            lines.append(passage.text)
        bases.append((f"dataset {name}", "\n".join(lines) + "\n"))
    bases += [(path.name, _pdf_text(path)) for path in sorted(SAMPLES.glob("*.pdf"))]
    return bases


#: The national headings of the 情况说明's sections, for a dataset's passages (keyed by their section).
_SECTION_TITLES = {
    "一": "收入支出决算总体情况说明",
    "二": "收入决算情况说明",
    "三": "支出决算情况说明",
    "四": "财政拨款收入支出决算总体情况说明",
    "五": "一般公共预算财政拨款支出决算情况说明",
    "六": "一般公共预算财政拨款基本支出决算情况说明",
    "七": "“三公”经费财政拨款支出决算情况说明",
    "八": "政府性基金预算支出决算情况说明",
    "九": "国有资本经营预算支出决算情况说明",
    "十": "其他重要事项的情况说明",
}


def entry_points(f: ModuleType, scratch: Path) -> dict[str, tuple[st.SearchStrategy[Any], Check]]:
    """Each entry point's strategy and the check that turns one input into outcomes ('loaded', 'ran', …)."""
    mutant = scratch / "mutant.toml"
    table = scratch / "table.csv"

    def account_payload(probe: Probe, data: Any) -> None:
        probe.payload = (".json", json.dumps(data, ensure_ascii=False, default=str).encode("utf-8", "surrogatepass"))

    def json_like(value: Any, probe: Probe) -> Iterable[str]:
        account_payload(probe, value)
        yield f.check_account(lambda: loads(json.dumps(value), "json"))
        text = f.toml_text(value)
        if text is not None:
            yield f.check_account(lambda: loads(text, "toml"))

    def text(value: str, probe: Probe) -> Iterable[str]:
        probe.payload = (".toml", value.encode("utf-8", "surrogatepass"))
        yield f.check_account(lambda: loads(value))

    def data(value: bytes, probe: Probe) -> Iterable[str]:
        probe.payload = (".toml", value)
        mutant.write_bytes(value)
        yield f.check_account(lambda: load(mutant), str(mutant))

    def numbers(pair: tuple[Any, Any], probe: Probe) -> Iterable[str]:
        value = pair[0]
        for make, args in ((to_decimal, (value,)), (Money, (value,)), (Money.from_yuan, (value,)), (Ratio, pair)):
            yield f.check_number(make, *args)

    def round_trip(seed: int, probe: Probe) -> Iterable[str]:
        yield f.check_round_trip(seed, "toml")
        yield f.check_round_trip(seed, "json")

    def variants(value: dict[str, Any], probe: Probe) -> Iterable[str]:
        rendered = f.toml_text(value)
        if rendered is not None:
            probe.payload = (".toml", rendered.encode("utf-8", "surrogatepass"))
            yield f.check_variants(rendered)

    def tables(value: tuple[str, list[list[str]], bool], probe: Probe) -> Iterable[str]:
        rendered = f.csv_text(*value)
        probe.payload = (".csv", rendered.encode("utf-8", "surrogatepass"))
        table.write_text(rendered, encoding="utf-8", errors="surrogatepass")
        yield f.check_table(table)

    def odd(step: Callable[..., str]) -> Check:
        def run(value: dict[str, Any], probe: Probe) -> Iterable[str]:
            account_payload(probe, value)
            yield step(value, probe.leaks)

        return run

    def cli(value: dict[str, Any], probe: Probe) -> Iterable[str]:
        account_payload(probe, value)
        given, sources = f.cli_sources(value, scratch / "cli")
        rng = random.Random(json.dumps(value, default=str))
        for source in rng.sample(sources, k=min(2, len(sources))):
            for command in rng.sample(f.CLI_COMMANDS, k=3):
                yield f.check_cli_command([part.format(source) for part in command], given, probe.leaks)

    def imported(read: Callable[[Path], Any], kind: str, content: bytes, probe: Probe, given: str) -> Iterable[str]:
        """A damaged document imported: refused with a LoadError naming it, or checked and round-tripped."""
        from budgetkit.checks.audit import check
        from budgetkit.io import dumps

        probe.payload = (f".{kind}", content)
        path = scratch / f"damaged.{kind}"
        path.write_bytes(content)
        try:
            result = read(path)
        except LoadError as exc:
            assert exc.source == str(path) and exc.issues, exc
            f.scan(str(exc), "", f"{kind} load message", probe.leaks)
            yield "refused"
            return
        f.scan_findings(check(result.account), "", probe.leaks, f"{kind} finding")
        for fmt in ("toml", "json"):
            assert loads(dumps(result.account, fmt), fmt) == result.account, f"{given}: {fmt} round trip"
        yield "ran"

    pdf_bases: list[tuple[str, bytes]] = []
    parquet: list[Any] = []

    def damaged_pdf(choice: tuple[int, int], probe: Probe) -> Iterable[str]:
        from budgetkit.io import read_pdf

        if not pdf_bases:
            pdf_bases.extend(_pdf_bases(scratch))
        name, base = pdf_bases[choice[0] % len(pdf_bases)]
        what, content = _damaged(base, random.Random(choice[1]))
        yield from imported(read_pdf, "pdf", content, probe, f"{name}, {what}")

    docx_bases: list[tuple[str, bytes]] = []

    def damaged_docx(choice: tuple[int, int, bool], probe: Probe) -> Iterable[str]:
        """A sample written as the Word document it was made from, damaged in its package or in its XML."""
        from budgetkit.io import read_docx

        if not docx_bases:
            docx_bases.extend(_docx_bases())
        name, base = docx_bases[choice[0] % len(docx_bases)]
        rng = random.Random(choice[1])
        what, content = _damaged(base, rng) if choice[2] else _damaged_part(base, rng)
        yield from imported(read_docx, "docx", content, probe, f"{name}, {what}")

    def damaged_parquet(choice: tuple[int, bool], probe: Probe) -> Iterable[str]:
        import pyarrow.parquet as pq

        from budgetkit.checks.batch import check_batch, read_parquet

        if not parquet:
            parquet.extend(_parquet_base(scratch))
        rng = random.Random(choice[0])
        path = scratch / "damaged.parquet"
        if choice[1]:
            _, content = _damaged(parquet[0], rng)
            path.write_bytes(content)
        else:
            _, edited = _column_edit(parquet[1], rng)
            pq.write_table(edited, path)
        probe.payload = (".parquet", path.read_bytes())
        try:
            batch = read_parquet(path)
        except BudgetkitError as exc:
            assert isinstance(exc, LoadError) and exc.issues, exc
            f.scan(str(exc), "", "parquet load message", probe.leaks)
            yield "refused"
            return
        results = check_batch(batch)  # read, so checked: a refusal from here on is counted apart
        accounts = [batch.account(i) for i in range(len(batch))]
        for findings in results:
            f.scan_findings(list(findings), "", probe.leaks, "parquet finding")
        assert len(accounts) == len(results)
        yield "ran"

    def cli_process(choice: tuple[dict[str, Any], int, int], probe: Probe) -> Iterable[str]:
        value, kind, seed = choice
        rng = random.Random(seed)
        if kind == 0:  # a damaged PDF
            if not pdf_bases:
                pdf_bases.extend(_pdf_bases(scratch))
            _, base = pdf_bases[seed % len(pdf_bases)]
            _, content = _damaged(base, rng)
            path = scratch / "process.pdf"
            path.write_bytes(content)
            probe.payload = (".pdf", content)
            yield _cli_process(["check", str(path), "--format", "json"], "", probe, f)
            return
        account_payload(probe, value)
        given, sources = f.cli_sources(value, scratch / "process")
        source = rng.choice(sources)
        command = [part.format(source) for part in rng.choice(f.CLI_COMMANDS)]
        yield _cli_process(command, given, probe, f)

    perturb_texts: list[tuple[str, str]] = []

    def perturbed(choice: tuple[int, int]) -> tuple[str, list[str], str]:
        """A real report's text (chosen by ``choice[0]``) with the variations ``choice[1]`` seeds."""
        if not perturb_texts:
            perturb_texts.extend(perturb_bases())
        name, base = perturb_texts[choice[0] % len(perturb_texts)]
        done, text = perturb(base, random.Random(choice[1]))
        return name, done, text

    def perturbed_report(value: tuple[str, list[str], str], probe: Probe) -> Iterable[str]:
        """A varied report read as text and as a web page: refused with a LoadError naming it, or read, checked
        and its coverage counted, every finding's path resolving in the account; every 20th also through
        ``budgetkit check FILE --format json`` in-process."""
        from budgetkit.checks.audit import check, coverage
        from budgetkit.io.text import read_html, read_text
        from budgetkit.model.claim import PathError, resolve

        _, done, text = value
        probe.payload = (".txt", text.encode("utf-8", "surrogatepass"))
        for read, suffix, content in ((read_text, "txt", text), (read_html, "html", as_page(text))):
            path = scratch / f"perturbed.{suffix}"
            path.write_text(content, encoding="utf-8", errors="surrogatepass")
            try:
                result = read(path)
            except LoadError as exc:
                assert exc.source == str(path) and exc.issues, exc
                f.scan(str(exc), text, f"perturb {suffix} load message", probe.leaks)
                yield "refused"
                continue
            account = result.account
            findings = check(account)
            coverage(account)
            for finding in findings:
                if not _finding_resolves(account, finding.path, resolve, PathError):
                    raise AssertionError(f"{suffix}: {finding.rule}'s path {finding.path!r} does not resolve")
            f.scan_findings(findings, text, probe.leaks, f"perturb {suffix} finding")
            yield "ran"
        if sum(map(ord, "".join(done))) % 20 == 0:
            yield f.check_cli_command(["check", str(scratch / "perturbed.txt"), "--format", "json"], text, probe.leaks)

    odd_accounts = f.odd_accounts()
    return {
        "numbers": (st.tuples(f.number_inputs, f.number_inputs), numbers),
        "load-json": (f.junk, json_like),
        "load-shaped": (f.accounts_like, json_like),
        "variants": (f.variant_files, variants),
        "tables": (st.tuples(f.csv_header, f.csv_rows, st.booleans()), tables),
        "load-text": (f.mutated_text(), text),
        "load-truncated": (f.truncations, text),
        "load-file": (f.mutated_bytes(), data),
        "round-trip": (f.seeds, round_trip),
        "reload": (odd_accounts, odd(f.check_reload)),
        "check": (odd_accounts, odd(f.check_findings)),
        "score": (odd_accounts, odd(f.check_score)),
        "report": (odd_accounts, odd(f.check_report)),
        "html": (odd_accounts, odd(f.check_html)),
        "batch": (odd_accounts, odd(f.check_batch_beside_check)),
        "parquet": (st.tuples(st.integers(0, 2**32), st.booleans()), damaged_parquet),
        "pdf": (st.tuples(st.integers(0, 2**16), st.integers(0, 2**32)), damaged_pdf),
        "docx": (st.tuples(st.integers(0, 2**16), st.integers(0, 2**32), st.booleans()), damaged_docx),
        "cli": (odd_accounts, cli),
        "cli-process": (st.tuples(odd_accounts, st.integers(0, 3), st.integers(0, 2**32)), cli_process),
        "perturb": (st.tuples(st.integers(0, 2**16), st.integers(0, 2**32)).map(perturbed), perturbed_report),
    }


#: Inputs of each entry point in a run of 100,000 (``--inputs`` scales them), and the wall milliseconds one
#: input took (drawing it included) on the development machine, 2 cores shared by many jobs: they share out
#: ``--minutes``.
PLAN: dict[str, tuple[int, float]] = {
    "numbers": (68_075, 9),
    "load-json": (20_000, 12),
    "variants": (2_500, 60),
    "tables": (2_500, 50),
    "load-shaped": (500, 300),
    "load-text": (700, 225),
    "load-truncated": (500, 80),
    "load-file": (500, 90),
    "round-trip": (300, 230),
    "reload": (400, 225),
    "check": (600, 260),
    "score": (400, 330),
    "report": (500, 235),
    "html": (600, 240),
    "batch": (400, 195),
    "parquet": (100, 1960),
    "pdf": (80, 2330),
    "docx": (200, 300),
    "cli": (120, 930),
    "cli-process": (25, 1760),
    "perturb": (1_000, 600),
}


# -- counting -----------------------------------------------------------------------------------------------------


class Tally:
    """Outcomes of one entry point: counts, each exception and bad output with its first input, times, memory."""

    def __init__(self) -> None:
        self.inputs = 0
        self.outcomes: Counter[str] = Counter()
        self.other: dict[tuple[str, str], list[Any]] = {}  # (type, message) → [count, input, payload, where]
        self.refusals: dict[tuple[str, str], list[Any]] = {}  # refusals of a loaded input: [count, input]
        self.bad: dict[tuple[str, str], list[Any]] = {}  # (where, token) → [count, context, input, payload]
        self.slow: list[str] = []
        self.slowest = (0.0, 0.0, "")  # CPU seconds, wall seconds, input
        self.seconds = 0.0
        self.cpu = 0.0
        self.peak_mb = 0.0

    def record(self, check: Check, value: Any) -> None:
        self.inputs += 1
        probe = Probe()
        start, wall = _cpu(), time.perf_counter()  # the machine is shared: CPU time is the measure
        signal.setitimer(signal.ITIMER_PROF, HUNG_SECONDS)
        try:
            self.outcomes.update(check(value, probe))
        except BudgetkitError as exc:  # a refusal where the check did not expect one (e.g. after loading)
            self.outcomes["refused"] += 1
            key = (type(exc).__name__, _first_line(exc))
            self.refusals.setdefault(key, [0, _shown(value)])[0] += 1
        except Exception as exc:  # anything but a value or a well-formed refusal is a finding
            self.outcomes["other"] += 1
            tb = traceback.extract_tb(exc.__traceback__)
            where = f"{Path(tb[-1].filename).name}:{tb[-1].lineno}" if tb else ""
            key = (type(exc).__name__, _first_line(exc))
            self.other.setdefault(key, [0, _shown(value), probe.payload, where])[0] += 1
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
        cpu, elapsed = _cpu() - start, time.perf_counter() - wall
        self.cpu += cpu
        if cpu > self.slowest[0]:
            self.slowest = (cpu, elapsed, _shown(value))
        if cpu > SLOW_SECONDS:
            self.outcomes["slow"] += 1
            self.slow.append(_shown(value))
        for leak in probe.leaks:
            entry = self.bad.setdefault((leak.where, leak.token), [0, leak.context, _shown(value), probe.payload])
            entry[0] += 1
        if probe.leaks:
            self.outcomes["bad"] += 1


def _cpu() -> float:
    """CPU seconds of this process and of the subprocesses it waited for (``budgetkit`` run as a command)."""
    children = os.times()  # clock ticks: coarse, but only the subprocesses' share is taken from it
    return time.process_time() + children.children_user + children.children_system


def _first_line(exc: BaseException) -> str:
    text = str(exc)
    return text.splitlines()[0][:200] if text else ""


def _shown(value: Any) -> str:
    """An input for the report: what was changed in the built-in account, else its repr, cut to 300 characters."""
    if isinstance(value, tuple) and value and isinstance(value[0], dict):
        value = value[0]
    if isinstance(value, dict) and {"unit", "year", "unit_type"} <= set(value) and FUZZ is not None:
        kept = sorted(set(value) - {"unit", "year", "unit_type"})
        changes = list(_changes(value, FUZZ.SEED_DATA))
        whole = set(kept) == set(FUZZ.SEED_DATA) - {"unit", "year", "unit_type"}
        text = f"zigong-hr-2023 ({'whole' if whole else 'sections ' + ', '.join(kept)}) with " + "; ".join(changes)
        return text[:300]
    return repr(value)[:300]


def _changes(data: Any, seed: Any, path: str = "$") -> Iterable[str]:
    """Where ``data`` differs from ``seed``: each changed value at its path."""
    if isinstance(data, dict) and isinstance(seed, dict):
        for key, value in data.items():
            if key in seed:
                yield from _changes(value, seed[key], f"{path}.{key}")
            else:
                yield f"{path}.{key} = {json.dumps(value, ensure_ascii=False, default=str)[:60]}"
    elif isinstance(data, list) and isinstance(seed, list) and len(data) == len(seed):
        for i, (value, old) in enumerate(zip(data, seed, strict=True)):
            yield from _changes(value, old, f"{path}[{i}]")
    elif type(data) is not type(seed) or data != seed:
        yield f"{path} = {json.dumps(data, ensure_ascii=False, default=str)[:60]}"


FUZZ: ModuleType | None = None


#: Inputs drawn at once by the cheap entry points: Hypothesis spends more on one example than these inputs cost.
BULK = {"numbers": 25, "load-json": 10, "variants": 5, "tables": 5}


def fuzz(
    strategy: st.SearchStrategy[Any], check: Check, seconds: float, batch: int, inputs: int, bulk: int = 1
) -> Tally:
    """Run ``check`` on inputs drawn from ``strategy`` until ``inputs`` are run or ``seconds`` pass, in batches.

    With ``bulk`` > 1 each Hypothesis example is a list of ``bulk`` inputs, each checked and counted alone.
    """
    tally = Tally()
    _draw_one(strategy, check)  # warm up (imports, sample files) outside the count and the times
    drawn = st.lists(strategy, min_size=bulk, max_size=bulk) if bulk > 1 else strategy.map(lambda v: [v])
    start = time.monotonic()
    while time.monotonic() - start < seconds and tally.inputs < inputs:

        @settings(
            max_examples=max(1, min(batch, -(-(inputs - tally.inputs) // bulk))),
            deadline=None,
            database=None,
            derandomize=False,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(drawn)
        def one(values: list[Any]) -> None:
            for value in values:
                if time.monotonic() - start < seconds and tally.inputs < inputs:
                    tally.record(check, value)

        one()
    tally.seconds = time.monotonic() - start
    tally.peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return tally


def _draw_one(strategy: st.SearchStrategy[Any], check: Check) -> None:
    @settings(
        max_examples=1, deadline=None, database=None, phases=[Phase.generate], suppress_health_check=list(HealthCheck)
    )
    @given(strategy)
    def one(value: Any) -> None:
        Tally().record(check, value)

    one()


#: What the processes of a run share (set before they are forked): entry points, and each one's count and seconds.
RUN: dict[str, Any] = {}


def run_entry(name: str) -> tuple[str, Tally]:
    """Fuzz one entry point (in a process of its own, so that the peak memory it reports is its own)."""
    strategy, check = RUN["table"][name]
    try:
        count = RUN["counts"][name]
        tally = fuzz(strategy, check, RUN["seconds"][name], min(RUN["batch"], count), count, BULK.get(name, 1))
    except Exception as exc:  # the fuzzer itself failed: report it as this entry point's failure
        tally = Tally()
        tally.other[(type(exc).__name__, _first_line(exc))] = [1, "(the fuzzer itself)", None, ""]
    return name, tally


# -- the report ---------------------------------------------------------------------------------------------------

HEADER = (
    f"{'entry point':<15}{'inputs':>8}{'values':>8}{'refused':>8}{'unloaded':>9}{'other':>6}{'bad':>5}"
    f"{'slow':>5}{'slowest s':>10}{'peak MB':>8}{'CPU s':>8}{'wall s':>8}"
)


def row(name: str, tally: Tally) -> str:
    """One line of the table: the entry point's counts, slowest input (CPU seconds), peak memory and time."""
    values = tally.outcomes["loaded"] + tally.outcomes["built"] + tally.outcomes["ran"]
    return (
        f"{name:<15}{tally.inputs:>8}{values:>8}{tally.outcomes['refused']:>8}{tally.outcomes['unloaded']:>9}"
        f"{tally.outcomes['other']:>6}{tally.outcomes['bad']:>5}{tally.outcomes['slow']:>5}"
        f"{tally.slowest[0]:>10.2f}{tally.peak_mb:>8.0f}{tally.cpu:>8.1f}{tally.seconds:>8.1f}"
    )


def _save(folder: Path | None, name: str, n: int, payload: tuple[str, bytes] | None) -> str:
    """Write a payload into ``folder`` as a file; the words that say how to rerun it (or nothing)."""
    if folder is None or payload is None:
        return ""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}-{n}{payload[0]}"
    path.write_bytes(payload[1])
    command = {
        ".json": "budgetkit check",
        ".toml": "budgetkit check",
        ".pdf": "budgetkit check",
        ".parquet": "budgetkit check",
    }.get(payload[0])
    return f"\n      saved: {path}" + (f"  (rerun: {command} {path})" if command else "")


def report(tallies: dict[str, Tally], save: Path | None) -> int:
    """Print the totals, every exception, slow input, refusal after loading and bad output; return the status."""
    total = sum(t.inputs for t in tallies.values())
    peak = max((t.peak_mb for t in tallies.values()), default=0.0)
    seconds = sum(t.seconds for t in tallies.values())
    slow = [(name, example) for name, tally in tallies.items() for example in tally.slow]
    other = [(name, key, entry) for name, tally in tallies.items() for key, entry in tally.other.items()]
    bad = [(name, key, entry) for name, tally in tallies.items() for key, entry in tally.bad.items()]
    heavy = [name for name, tally in tallies.items() if tally.peak_mb > MAX_MB]
    print(
        f"\n{total:,} inputs, {seconds / 60:.1f} minutes of fuzzing summed over the processes; {sum(e[0] for *_, e in other)} other exception(s); "
        f"{len(slow)} input(s) over {SLOW_SECONDS:.0f} CPU s; peak memory {peak:.0f} MB (limit {MAX_MB}); "
        f"{sum(t.outcomes['bad'] for t in tallies.values())} input(s) with bad output"
    )
    print("\nslowest input of each entry point (CPU s / wall s):")
    for name, tally in tallies.items():
        cpu, wall, example = tally.slowest
        print(f"  {name}: {cpu:.2f} / {wall:.2f}  {example[:200]}")
    for name, example in slow[:20]:
        print(f"  SLOW: {name}: {example}")
    for name in heavy:
        print(f"  MEMORY: {name} reached {tallies[name].peak_mb:.0f} MB")
    refusals = [(name, key, entry) for name, tally in tallies.items() for key, entry in tally.refusals.items()]
    if refusals:
        print(f"\n{len(refusals)} kind(s) of refusal of an input that had loaded (a BudgetkitError, not a failure):")
        for name, (kind, message), (count, example) in refusals:
            print(f"  {name}: {kind}: {message}  ×{count}\n      first input: {example}")
    if other:
        print(f"\n{len(other)} kind(s) of exception other than BudgetkitError:")
        for n, (name, (kind, message), (count, example, payload, where)) in enumerate(other):
            print(f"  {name}: {kind} at {where}: {message}  ×{count}\n      first input: {example}")
            print(_save(save, f"{name}-error", n, payload), end="")
            print()
    if bad:
        print(f"\n{len(bad)} kind(s) of bad output (None, nan, exponent notation or a repr the input did not hold):")
        findings = sorted((b for b in bad if "finding" in b[1][0]), key=lambda b: b[1])
        for n, (name, (where, token), (count, context, example, payload)) in enumerate(
            findings + [b for b in bad if "finding" not in b[1][0]]
        ):
            print(f"  {name}: {where}: {token!s}  ×{count}\n      …{context}…\n      first input: {example}")
            print(_save(save, f"{name}-bad", n, payload), end="")
            print()
    if not other and not slow and not heavy and not bad:
        print("no input raised anything but a value or a budgetkit refusal, none was slow, and no output was bad")
        return 0
    return 1


# -- --sizes: large inputs, loaded once each and timed ---------------------------------------------------------------

HEAD = 'unit = "示例单位"\nyear = 2023\nunit_type = "公益一类事业单位"\n'
CSV_HEADER = "code,name,level,valid_from,valid_to,note\n"


def _table_rows(count: int) -> str:
    classes = "".join(f"{100 + k},类{k},类,,,\n" for k in range(10))
    sections = "".join(f"{100 + k // 100}{k % 100:02d},款{k},款,,,\n" for k in range(1000))
    items = "".join(f"{100 + i // 10000}{(i // 100) % 100:02d}{i % 100:02d},项{i},项,,,\n" for i in range(count))
    return CSV_HEADER + classes + sections + items


def sizes(scratch: Path) -> list[tuple[str, Callable[[], Any]]]:
    """The large inputs: a label and a call that builds the input, then loads it."""
    csv = scratch / "big.csv"

    def table(text: str) -> Callable[[], Any]:
        def run() -> Any:
            csv.write_text(text, encoding="utf-8")
            return load_table(csv)

        return run

    n = 100_000
    claim = '[[claims]]\nkind = "amount"\nsubject = "income.total"\nstated = "1.00"\n'
    minimal = {"unit": "示例单位", "year": 2023, "unit_type": "公益一类事业单位"}
    return [
        ("100,000 claims, TOML (5.9 MB)", lambda: loads(HEAD + claim * n)),
        (
            "100,000 claims, JSON (6.2 MB)",
            lambda: loads(
                json.dumps({**minimal, "claims": [{"kind": "amount", "subject": "s", "stated": "1"}] * n}), "json"
            ),
        ),
        ("100,000 glossary entries, TOML", lambda: loads(HEAD + '[[glossary]]\nterm = "a"\ndefinition = "b"\n' * n)),
        (
            "100,000 projects, TOML",
            lambda: loads(HEAD + "".join(f'[[projects]]\nname = "p{i}"\nkind = "人员类"\n' for i in range(n))),
        ),
        (
            "100,000 category lines, TOML",
            lambda: loads(HEAD + '[[general_budget.categories]]\nlevel = "类"\nname = "a"\n' * n),
        ),
        (
            "100,000 strings in one list, TOML",
            lambda: loads(HEAD + "[general_budget]\npersonnel_items = [" + '"a",' * n + "]\n"),
        ),
        ("101,010-row classification table, CSV", table(_table_rows(n))),
        ("10 MB text value, TOML", lambda: loads(HEAD + 'duties = "' + "职" * 10_000_000 + '"\n')),
        ("JSON objects nested 100,000 deep", lambda: loads('{"a": ' * n + "1" + "}" * n, "json")),
        ("TOML inline tables nested 100,000 deep", lambda: loads("a = " + "{ b = " * n + "1" + " }" * n)),
        ("TOML [header] of 100,000 dotted parts", lambda: loads(HEAD + "[" + ".".join(["a"] * n) + "]\n")),
        (
            "146,000 keys of 31 dotted parts (10 MB)",
            lambda: loads("\n".join(".".join([f"k{i}"] + ["a"] * 30) + " = 1" for i in range(145_987))),
        ),
        (
            "2,000 keys of 31 dotted parts, just under MAX_KEY_WORK",
            lambda: loads(HEAD + "".join(".".join([f"k{i}"] + ["a"] * 30) + " = 1\n" for i in range(2_000))),
        ),
        ("5 MB of 'a.a.a…' that is no key", lambda: loads(HEAD + 'x = """' + "a." * 2_500_000 + '"""\n')),
        ("10 MB of letters", lambda: loads(HEAD + "x = '" + "a" * 10_000_000 + "'\n")),
        (
            "100,000 empty claims, JSON (300,000 issues)",
            lambda: loads(json.dumps({**minimal, "claims": [{}] * n}), "json"),
        ),
        ("250,000 broken CSV rows (750,000 issues)", table(CSV_HEADER + "x,,目,,,\n" * 250_000)),
        (
            "100,000 scoring variants",
            lambda: load_variants("".join(f'[variants.v{i}]\nreverse = "inverse"\n' for i in range(n))),
        ),
    ]


def time_sizes(scratch: Path) -> int:
    """Load each large input once; print its seconds and outcome; return the exit status."""
    status = 0
    for label, run in sizes(scratch):
        start = time.perf_counter()
        try:
            run()
            outcome = "loaded"
        except LoadError as exc:
            outcome = f"LoadError, {len(exc.issues)} issue(s), message of {len(str(exc)):,} characters"
        except Exception as exc:
            outcome = f"UNEXPECTED {type(exc).__name__}: {str(exc)[:120]}"
            status = 1
        print(f"{time.perf_counter() - start:8.2f} s  {label:<46} {outcome}", flush=True)
    return status


def _hung(signum: int, frame: Any) -> None:
    raise Hung(f"still running after {HUNG_SECONDS} CPU seconds")


class Hung(Exception):
    """Raised in the fuzzed call by SIGPROF when one input has run HUNG_SECONDS of CPU time."""


#: The fuzzer names of budgetkit 0.2.0's fuzz.py, as the entry points they became.
OLD_NAMES = {
    "json": ["load-json", "load-shaped"],
    "mutate-text": ["load-text"],
    "truncate": ["load-truncated"],
    "mutate-bytes": ["load-file"],
    "pipeline": ["check", "score", "report", "html"],
}


def main(argv: Sequence[str] | None = None) -> int:
    global FUZZ
    logging.disable(logging.WARNING)  # pdfminer's complaints about the damaged PDFs are expected
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--minutes", type=float, default=1.0, help="the longest the whole run may take (default 1)")
    parser.add_argument("--inputs", type=int, default=100_000, help="inputs in all, shared out (default 100,000)")
    parser.add_argument("--jobs", type=int, default=1, help="entry points fuzzed at once (default 1)")
    parser.add_argument("--batch", type=int, default=200, help="examples per Hypothesis run (default 200)")
    parser.add_argument("--only", nargs="+", metavar="ENTRY", help="run only these entry points")
    parser.add_argument("--save", type=Path, metavar="DIR", help="write the first input of each failure into DIR")
    parser.add_argument("--sizes", action="store_true", help="time the large inputs instead of fuzzing")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="budgetkit-fuzz-") as folder:
        scratch = Path(folder)
        if args.sizes:
            return time_sizes(scratch)
        FUZZ = _fuzzers_module()
        table = entry_points(FUZZ, scratch)
        chosen = [name for given in args.only or list(table) for name in OLD_NAMES.get(given, [given])]
        unknown = sorted(set(chosen) - set(table))
        if unknown:
            parser.error(f"unknown entry point(s) {', '.join(unknown)}; known: {', '.join(table)}")
        if min(args.minutes, args.batch, args.inputs, args.jobs) <= 0:
            parser.error("--minutes, --inputs, --batch and --jobs must be positive")
        share = sum(PLAN[name][0] for name in chosen)
        counts = {name: max(1, -(-args.inputs * PLAN[name][0] // share)) for name in chosen}  # rounded up
        cost = sum(counts[name] * PLAN[name][1] for name in chosen)
        # each entry point may take twice its share of the minutes: the counts, not the clock, end a normal run
        budget = {name: 2 * args.minutes * 60 * args.jobs * counts[name] * PLAN[name][1] / cost for name in chosen}
        print(
            f"fuzzing {len(chosen)} entry points, {sum(counts.values()):,} inputs, at most {args.minutes:g} minutes "
            f"(python {sys.version.split()[0]}, {os.cpu_count()} cores)\n\n{HEADER}",
            flush=True,
        )
        signal.signal(signal.SIGPROF, _hung)
        RUN.update(table=table, seconds=budget, batch=args.batch, counts=counts)
        start = time.monotonic()
        tallies: dict[str, Tally] = {}
        # a fresh process for each entry point (maxtasksperchild=1): its peak memory is its own
        with multiprocessing.get_context("fork").Pool(args.jobs, maxtasksperchild=1) as pool:
            for name, tally in pool.imap_unordered(run_entry, chosen):
                tallies[name] = tally
                print(row(name, tally), flush=True)
        tallies = {name: tallies[name] for name in chosen}
        print(
            f"\nin the order of the plan, after {(time.monotonic() - start) / 60:.1f} minutes of wall time:\n{HEADER}"
        )
        for name, tally in tallies.items():
            print(row(name, tally))
        return report(tallies, args.save)


if __name__ == "__main__":
    sys.exit(main())
