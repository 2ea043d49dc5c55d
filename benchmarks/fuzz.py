"""Fuzz budgetkit's loaders and number door for minutes, and count what every input gave.

Run from the project root::

    .venv/bin/python benchmarks/fuzz.py                        # 1 minute over all fuzzers
    .venv/bin/python benchmarks/fuzz.py --minutes 10           # the long run: 10 minutes
    .venv/bin/python benchmarks/fuzz.py --minutes 2 --only mutate-text numbers
    .venv/bin/python benchmarks/fuzz.py --inputs 100000 --minutes 60   # the release run
    .venv/bin/python benchmarks/fuzz.py --sizes                # time the large inputs (about 2 minutes)

The fuzzers are those of ``tests/test_fuzz.py``: the same Hypothesis strategies
and the same ``check_*`` functions, loaded from that file. The suite runs them
a few hundred examples each, derandomised; here each gets an equal share of
``--minutes`` and runs in batches of ``--batch`` examples with fresh random
seeds, no example database and no shrinking, until its share is spent.

================  =========================================================================
fuzzer            input
================  =========================================================================
json              random JSON-like values and account-shaped dicts → ``io.loads`` JSON, TOML
mutate-text       the built-in dataset's TOML, one character replaced/inserted/deleted
truncate          the built-in dataset's TOML cut at a random place
mutate-bytes      the dataset file, one byte replaced/inserted/deleted → ``io.load``
numbers           random str/int/float/Decimal/bool/None → to_decimal, Money, Money.from_yuan, Ratio
round-trip        ``synthetic.generate(seed)`` → dumps → loads → dumps, TOML and JSON
variants          random scoring-variant files → ``scoring.load_variants``
tables            random CSV tables → ``classification.load_table``
pipeline          the built-in account (whole or 1–5 sections) with 1–4 odd values → load,
                  ``check``, ``score_report``, ``report.render``, ``html.render``; outputs scanned
batch             the same odd accounts → ``check_batch`` beside ``check``
cli               the same odd accounts written to a file, a directory and a Parquet batch →
                  ``budgetkit check``/``score`` in-process, text and JSON
================  =========================================================================

What it asserts, for every input: a loader returns its value or raises a
``LoadError`` that names the source and gives each issue a ``$`` path
(``line N``/``file`` for CSV); a number is built or refused with a
``BudgetkitError`` (a ``FloatRefusedError`` for a float or bool); a round trip
gives back an equal account and the same text. The table counts the inputs,
the values (loaded or built), the refusals and everything else; each other
exception is listed once with its count and the first input that raised it
(cut to 300 characters). An input that takes more than 5 CPU seconds is counted
as slow (and stopped at 30); the peak memory of the process is printed at the end;
an output holding ``None``, ``nan``, exponent notation or a Python repr that
the input did not hold is a failure of its check (an "other" exception).
Exit status: 0 when nothing else was raised and no input was slow, 1
otherwise, 2 for a bad command line.

``--sizes`` instead loads each large input once (100,000 claims, projects,
category lines and table rows; a 10 MB text; nesting 100,000 deep; floods of
broken items) and prints its seconds and outcome; timings never change the exit
status, an exception other than ``LoadError`` does. Left out because they need
gigabytes: a dotted TOML key of 100,000 parts (see tests/test_hostile.py).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import resource
import signal
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from budgetkit.checks.scoring import load_variants
from budgetkit.errors import LoadError
from budgetkit.io import load, loads
from budgetkit.reference.classification import load_table
from budgetkit.values.money import Money
from budgetkit.values.numbers import to_decimal
from budgetkit.values.ratio import Ratio

ROOT = Path(__file__).resolve().parents[1]
FUZZERS_FILE = ROOT / "tests" / "test_fuzz.py"


def _fuzzers_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("budgetkit_test_fuzz", FUZZERS_FILE)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the fuzzers from {FUZZERS_FILE}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


Check = Callable[[Any], Iterable[str]]


def fuzzers(f: ModuleType, scratch: Path) -> dict[str, tuple[st.SearchStrategy[Any], Check]]:
    """Each fuzzer's strategy and the check that turns one input into outcomes ('loaded', 'refused', …)."""
    mutant = scratch / "mutant.toml"
    table = scratch / "table.csv"

    def json_like(value: Any) -> Iterable[str]:
        yield f.check_account(lambda: loads(json.dumps(value), "json"))
        text = f.toml_text(value)
        if text is not None:
            yield f.check_account(lambda: loads(text, "toml"))

    def text(value: str) -> Iterable[str]:
        yield f.check_account(lambda: loads(value))

    def data(value: bytes) -> Iterable[str]:
        mutant.write_bytes(value)
        yield f.check_account(lambda: load(mutant), str(mutant))

    def numbers(pair: tuple[Any, Any]) -> Iterable[str]:
        value = pair[0]
        for make, args in ((to_decimal, (value,)), (Money, (value,)), (Money.from_yuan, (value,)), (Ratio, pair)):
            yield f.check_number(make, *args)

    def round_trip(seed: int) -> Iterable[str]:
        yield f.check_round_trip(seed, "toml")
        yield f.check_round_trip(seed, "json")

    def variants(value: dict[str, Any]) -> Iterable[str]:
        rendered = f.toml_text(value)
        if rendered is not None:
            yield f.check_variants(rendered)

    def tables(value: tuple[str, list[list[str]], bool]) -> Iterable[str]:
        table.write_text(f.csv_text(*value), encoding="utf-8", errors="surrogatepass")
        yield f.check_table(table)

    def pipeline(value: dict[str, Any]) -> Iterable[str]:
        yield f.check_pipeline(value)

    def batch(value: dict[str, Any]) -> Iterable[str]:
        yield f.check_batch_beside_check(value)

    def cli(value: dict[str, Any]) -> Iterable[str]:
        yield from f.check_cli_on_files(value, scratch / "cli")

    return {
        "json": (f.junk | f.accounts_like, json_like),
        "mutate-text": (f.mutated_text(), text),
        "truncate": (f.truncations, text),
        "mutate-bytes": (f.mutated_bytes(), data),
        "numbers": (st.tuples(f.number_inputs, f.number_inputs), numbers),
        "round-trip": (f.seeds, round_trip),
        "variants": (f.variant_files, variants),
        "tables": (st.tuples(f.csv_header, f.csv_rows, st.booleans()), tables),
        "pipeline": (f.odd_accounts(), pipeline),
        "batch": (f.odd_accounts(), batch),
        "cli": (f.odd_accounts(), cli),
    }


class Tally:
    """Outcomes of one fuzzer: counts, and each unexpected exception with its first input."""

    def __init__(self) -> None:
        self.inputs = 0
        self.outcomes: Counter[str] = Counter()
        self.other: dict[tuple[str, str], list[Any]] = {}
        self.slow: list[str] = []
        self.seconds = 0.0

    def record(self, check: Check, value: Any) -> None:
        self.inputs += 1
        start = time.process_time()  # CPU seconds: the machine may be shared, wall time says little
        signal.setitimer(signal.ITIMER_PROF, HUNG_SECONDS)
        try:
            self.outcomes.update(check(value))
        except Exception as exc:  # anything but a value or a well-formed refusal is a finding
            self.outcomes["other"] += 1
            key = (type(exc).__name__, str(exc).splitlines()[0][:200] if str(exc) else "")
            self.other.setdefault(key, [0, repr(value)[:300]])[0] += 1
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
        if time.process_time() - start > SLOW_SECONDS:
            self.outcomes["slow"] += 1
            self.slow.append(repr(value)[:300])


#: An input taking more CPU seconds than this is counted as slow; one taking HUNG_SECONDS is stopped.
SLOW_SECONDS, HUNG_SECONDS = 5.0, 30


class Hung(Exception):
    """Raised in the fuzzed call by SIGPROF when one input has run HUNG_SECONDS of CPU time."""


def _hung(signum: int, frame: Any) -> None:
    raise Hung(f"still running after {HUNG_SECONDS} CPU seconds")


def fuzz(strategy: st.SearchStrategy[Any], check: Check, seconds: float, batch: int, inputs: int = 0) -> Tally:
    """Run ``check`` on inputs drawn from ``strategy`` for ``seconds`` (or until ``inputs``), in batches."""
    tally = Tally()

    @settings(
        max_examples=batch,
        deadline=None,
        database=None,
        derandomize=False,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def one(value: Any) -> None:
        tally.record(check, value)

    start = time.monotonic()
    while time.monotonic() - start < seconds and not (inputs and tally.inputs >= inputs):
        one()
    tally.seconds = time.monotonic() - start
    return tally


HEADER = f"{'fuzzer':<14}{'inputs':>9}{'values':>9}{'refused':>9}{'other':>7}{'slow':>6}{'seconds':>9}"


def row(name: str, tally: Tally) -> str:
    """One line of the table: the fuzzer's counts and time."""
    values = tally.outcomes["loaded"] + tally.outcomes["built"] + tally.outcomes["ran"]
    return (
        f"{name:<14}{tally.inputs:>9}{values:>9}{tally.outcomes['refused']:>9}"
        f"{tally.outcomes['other']:>7}{tally.outcomes['slow']:>6}{tally.seconds:>9.1f}"
    )


def report(tallies: dict[str, Tally]) -> int:
    """Print every unexpected exception with its count and first input; return the exit status."""
    total = sum(t.inputs for t in tallies.values())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    slow = [(name, example) for name, tally in tallies.items() for example in tally.slow]
    print(f"\n{total} inputs; peak memory {peak:.0f} MB; {len(slow)} input(s) over {SLOW_SECONDS:.0f} s")
    for name, example in slow[:20]:
        print(f"  slow: {name}: {example}")
    for name, tally in tallies.items():
        rare = {
            k: v for k, v in tally.outcomes.items() if k not in ("loaded", "built", "ran", "refused", "other", "slow")
        }
        if rare:
            print(f"  {name}: " + ", ".join(f"{k} {v}" for k, v in sorted(rare.items())))
    found = [(name, key, entry) for name, tally in tallies.items() for key, entry in tally.other.items()]
    if not found:
        print("no input raised anything but a value or a budgetkit refusal, and no output leaked")
        return 1 if slow else 0
    print(f"\n{len(found)} kind(s) of unexpected exception:")
    for name, (kind, message), (count, example) in found:
        print(f"  {name}: {kind}: {message}  ×{count}\n      first input: {example}")
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--minutes", type=float, default=1.0, help="total fuzzing time (default 1)")
    parser.add_argument("--batch", type=int, default=200, help="examples per Hypothesis run (default 200)")
    parser.add_argument("--only", nargs="+", metavar="FUZZER", help="run only these fuzzers")
    parser.add_argument("--sizes", action="store_true", help="time the large inputs instead of fuzzing")
    parser.add_argument(
        "--inputs", type=int, default=0, help="stop once this many inputs are run, shared as --minutes is (0: no limit)"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="budgetkit-fuzz-") as folder:
        scratch = Path(folder)
        if args.sizes:
            return time_sizes(scratch)
        table = fuzzers(_fuzzers_module(), scratch)
        chosen = args.only or list(table)
        unknown = sorted(set(chosen) - set(table))
        if unknown:
            parser.error(f"unknown fuzzer(s) {', '.join(unknown)}; known: {', '.join(table)}")
        if args.minutes <= 0 or args.batch <= 0:
            parser.error("--minutes and --batch must be positive")
        share = args.minutes * 60 / len(chosen)
        each = -(-args.inputs // len(chosen)) if args.inputs else 0
        print(f"fuzzing {', '.join(chosen)}: {share:.0f} s each, batches of {args.batch}\n\n{HEADER}", flush=True)
        signal.signal(signal.SIGPROF, _hung)
        tallies = {}
        for name in chosen:
            tallies[name] = fuzz(*table[name], seconds=share, batch=args.batch, inputs=each)
            print(row(name, tallies[name]), flush=True)
        return report(tallies)


if __name__ == "__main__":
    sys.exit(main())
