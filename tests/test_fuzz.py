"""Fuzzing the loaders and the number door: any input gives a value or a budgetkit error, nothing else.

Properties, each on bounded random input (the whole module runs in well under 40 s):

(a) random JSON-like values, and values shaped like an account with wrong or odd
    leaves, fed to ``io.loads`` as JSON and, when TOML can hold them, as TOML;
(b) single-character and single-byte mutations and truncations of the built-in
    dataset's TOML text, through ``loads`` and ``load``;
(c) ``to_decimal``, ``Money``, ``Money.from_yuan`` and ``Ratio`` on random
    str/int/float/Decimal/bool/None input;
(d) lossless round trips of synthetic accounts, TOML and JSON;
(e) random scoring-variant files for ``scoring.load_variants`` and random CSV
    rows for ``classification.load_table``.
(f) the built-in account, whole or a few sections, with one to four values
    replaced by odd ones (tiny, 30-digit, exponent, null, containers, floats):
    loaded or refused; a loaded one is checked, scored, reported and rendered as
    HTML, and the command line runs on it as a file, a directory and Parquet,
    with no output holding ``None``, ``nan``, exponent notation or a Python repr
    that the input did not hold;
(g) what loads dumps and loads back equal, and so does the account its report
    writes (``report_account``: claims of up to 60 digits).

A refusal must be a ``LoadError`` naming the source with every issue at a
``$`` path (``line N``/``file`` for CSV); any other exception fails. The
strategies and the ``check_*`` functions are shared with ``benchmarks/fuzz.py``,
which runs them, and damaged Parquet batches and PDFs, 100,000 inputs at a time and
counts the outcomes per entry point; there a bad output is collected (:class:`Leak`)
instead of failing.
"""

from __future__ import annotations

import copy
import enum
import io as text_io
import json
import re
import shutil
import sys
import tomllib
import typing
from collections.abc import Callable, Iterator
from decimal import Decimal
from importlib import resources
from pathlib import Path
from types import UnionType
from typing import Any

import attrs
import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from budgetkit.checks.audit import check
from budgetkit.checks.scoring import ScoringRules, load_variants
from budgetkit.cli import main, score_report
from budgetkit.datasets.synthetic import generate
from budgetkit.errors import BudgetkitError, FloatRefusedError, LoadError
from budgetkit.io import dumps, load, loads
from budgetkit.model.account import Figure, FinalAccount
from budgetkit.model.indicator import Operator
from budgetkit.model.project import FundSource
from budgetkit.narrative import report
from budgetkit.outputs import html
from budgetkit.reference.classification import load_table
from budgetkit.values.money import Money
from budgetkit.values.numbers import to_decimal
from budgetkit.values.ratio import Ratio

#: Settings of the in-suite runs: reproducible, no deadline (the first load warms caches).
SUITE = settings(
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SEED_TEXT = resources.files("budgetkit").joinpath("datasets/zigong-hr-2023.toml").read_text(encoding="utf-8")
_CSV_PATH = re.compile(r"line \d+(, (header|column \w+))?|file")

# -- outcomes --------------------------------------------------------------------------------------------------


def check_account(call: Callable[[], FinalAccount], source: str = "<string>") -> str:
    """Run a loader; return 'loaded' or 'refused' (a well-formed LoadError); let anything else propagate."""
    try:
        account = call()
    except LoadError as exc:
        assert exc.source == source, exc.source
        assert exc.issues and all(issue.path.startswith("$") for issue in exc.issues), exc.issues
        return "refused"
    assert isinstance(account, FinalAccount)
    return "loaded"


def check_variants(text: str) -> str:
    """load_variants(text): 'loaded' (a mapping of ScoringRules) or 'refused' (a LoadError listing issues)."""
    try:
        found = load_variants(text)
    except LoadError as exc:
        assert exc.issues
        return "refused"
    assert all(isinstance(rules, ScoringRules) for rules in found.values())
    return "loaded"


def check_table(path: Path) -> str:
    """load_table(path): 'loaded' or 'refused' (a LoadError naming the file, issues at 'line N…' or 'file')."""
    try:
        load_table(path)
    except LoadError as exc:
        assert exc.source == str(path)
        assert exc.issues and all(_CSV_PATH.fullmatch(issue.path) for issue in exc.issues), exc.issues
        return "refused"
    return "loaded"


def check_number(make: Callable[..., Any], *args: Any) -> str:
    """Build a number from ``args``: 'built', or 'refused' with a BudgetkitError (FloatRefusedError for floats)."""
    try:
        value = make(*args)
    except BudgetkitError as exc:
        if isinstance(args[0], (float, bool)):  # the first argument is read first
            assert isinstance(exc, FloatRefusedError), exc
        return "refused"
    assert not any(isinstance(arg, (float, bool)) for arg in args), (make, args)
    if isinstance(value, Money):  # an accepted amount can be shown, rounded and added
        assert (value + value) - value == value
        _ = (str(value), repr(value), value.round(2))
    if isinstance(value, Ratio) and not value.is_undefined:
        _ = (value.percent(2), value.format())
    return "built"


def toml_text(value: Any) -> str | None:
    """The value as TOML text, or None when TOML cannot hold it (not a table, or a null somewhere)."""
    if not isinstance(value, dict):
        return None
    try:
        return tomli_w.dumps(value)
    except (TypeError, ValueError):
        return None


# -- (a) JSON-like values, random and account-shaped ---------------------------------------------------------------

WORDS = [
    "",
    " ",
    "1054.90",
    "-0.00",
    "0",
    "１２.５",
    "1e999999999",
    "NaN",
    "-Infinity",
    "9" * 65,
    "2023",
    "2023-02-10",
    "2023-02-30",
    "≥",
    "定性",
    "总额",
    "其中：财政资金",
    "人员类",
    "类",
    "款",
    "项",
    "208",
    "20801",
    "2080150",
    "amount",
    "share",
    "income.total",
    "projects[?evaluated=true]",
    "万元",
    "人次",
    "斤",
    "\x00",
    "\r\n",
    "\ufeff",
    "示例单位",
    "format_version",
    "0.2",
]
texts = st.text(max_size=12) | st.sampled_from(WORDS)
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**40), max_value=10**40)
    | st.integers(min_value=-5, max_value=3000)
    | st.floats()
    | texts
)
junk: st.SearchStrategy[Any] = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
    max_leaves=12,
)
amounts = st.from_regex(r"-?[0-9]{1,8}(\.[0-9]{1,6})?", fullmatch=True) | st.integers(-(10**6), 10**6)

_ENUM_SPELLINGS: dict[type, list[str]] = {
    Operator: ["≥", ">=", "＞＝", "大于", "＝", "≤", "小于等于", "定性", "≈"],
    FundSource: ["总额", "合计", "其中：财政资金", "单位资金", "社会资金"],
}
_MAX_DEPTH = 3


def _for_hint(hint: Any, depth: int) -> st.SearchStrategy[Any]:
    """Plausible values for a field of this type, mixed with junk."""
    good: st.SearchStrategy[Any]
    origin = typing.get_origin(hint)
    if hint is Figure:
        good = amounts | st.fixed_dictionaries({}, optional=dict.fromkeys(("current", "previous", "budget"), amounts))
    elif isinstance(hint, UnionType) or origin is typing.Union:
        return st.one_of([_for_hint(arg, depth) for arg in typing.get_args(hint) if arg is not type(None)])
    elif origin is tuple:
        element = typing.get_args(hint)[0]
        if typing.get_origin(element) is tuple:
            good = st.lists(st.tuples(texts, st.integers(-2, 10)).map(list), max_size=3)
        elif depth >= _MAX_DEPTH:
            good = st.just([])
        else:
            good = st.lists(_for_hint(element, depth + 1), max_size=2)
    elif attrs.has(hint):
        return shaped(hint, depth)
    elif hint in (Money, Decimal):
        good = amounts
    elif hint is str:
        good = texts
    elif hint is bool:
        good = st.booleans()
    elif hint is int:
        good = st.integers(-2, 3000)
    elif isinstance(hint, type) and issubclass(hint, enum.Enum):
        good = st.sampled_from([str(member.value) for member in hint] + _ENUM_SPELLINGS.get(hint, []))
    else:
        raise AssertionError(f"no strategy for {hint!r}")
    return good | good | good | junk


def _deferred(hint: Any, depth: int) -> st.SearchStrategy[Any]:
    return st.deferred(lambda: _for_hint(hint, depth))  # built on first draw: the model's types are recursive


def shaped(cls: type, depth: int = 0) -> st.SearchStrategy[dict[str, Any]]:
    """Dicts with the fields of attrs class ``cls`` (each optional), sometimes with an unknown key."""
    hints = typing.get_type_hints(cls)
    optional = {field.name: _deferred(hints[field.name], depth) for field in attrs.fields(cls)}
    base = st.fixed_dictionaries({}, optional=optional)
    return base | st.builds(lambda d, k, v: {**d, k: v}, base, texts, junk)


accounts_like = st.builds(
    lambda head, rest: {**rest, **head},
    st.fixed_dictionaries(
        {"unit": texts, "year": st.integers(1985, 2105) | junk, "unit_type": st.sampled_from(["行政单位", "其他"])}
    ),
    shaped(FinalAccount),
)


@settings(SUITE, max_examples=400)
@given(value=junk | accounts_like)
def test_random_json_gives_an_account_or_a_load_error(value: Any) -> None:
    """Any JSON-like value, rendered as JSON and (when possible) TOML, loads or raises a well-formed LoadError."""
    check_account(lambda: loads(json.dumps(value), "json"))
    text = toml_text(value)
    if text is not None:
        check_account(lambda: loads(text, "toml"))


# -- (b) mutations and truncations of the built-in dataset ------------------------------------------------------


def positions(size: int) -> st.SearchStrategy[int]:
    """Positions 0 … size-1, spread over the whole text (plain integers() favour the first few KB)."""
    return st.integers(0, size - 1) | st.randoms(use_true_random=True).map(lambda r: r.randrange(size))


MUTANT_CHARS = [*"\"'[]{}=.,#\\\n\r\t \x00\x7f-+e0159", "\ufeff", "\u3000", "年", "．", "\ud800"]


@st.composite
def mutated_text(draw: st.DrawFn, text: str = SEED_TEXT) -> str:
    """The text with one character replaced, inserted or deleted."""
    at = draw(positions(len(text)))
    new = draw(st.sampled_from(MUTANT_CHARS) | st.characters())
    match draw(st.sampled_from(["replace", "insert", "delete"])):
        case "replace":
            return text[:at] + new + text[at + 1 :]
        case "insert":
            return text[:at] + new + text[at:]
        case _:
            return text[:at] + text[at + 1 :]


@st.composite
def mutated_bytes(draw: st.DrawFn, text: str = SEED_TEXT) -> bytes:
    """The UTF-8 bytes of the text with one byte replaced, inserted or deleted."""
    data = text.encode("utf-8")
    at = draw(positions(len(data)))
    byte = bytes([draw(st.integers(0, 255))])
    match draw(st.sampled_from(["replace", "insert", "delete"])):
        case "replace":
            return data[:at] + byte + data[at + 1 :]
        case "insert":
            return data[:at] + byte + data[at:]
        case _:
            return data[:at] + data[at + 1 :]


truncations = positions(len(SEED_TEXT) + 1).map(lambda n: SEED_TEXT[:n])


@settings(SUITE, max_examples=200)
@given(text=mutated_text())
def test_one_character_changed_in_the_dataset_gives_an_account_or_a_load_error(text: str) -> None:
    """The dataset's TOML with one character replaced, inserted or deleted loads or raises a well-formed LoadError."""
    check_account(lambda: loads(text))


@settings(SUITE, max_examples=80)
@given(text=truncations)
def test_a_truncated_dataset_gives_an_account_or_a_load_error(text: str) -> None:
    """The dataset's TOML cut anywhere loads or raises a well-formed LoadError."""
    check_account(lambda: loads(text))


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A file path reused by the byte-level fuzzer."""
    return tmp_path_factory.mktemp("fuzz") / "mutant.toml"


@settings(SUITE, max_examples=100)
@given(data=mutated_bytes())
def test_one_byte_changed_in_the_dataset_file_gives_an_account_or_a_load_error(scratch: Path, data: bytes) -> None:
    """The dataset file with one byte replaced, inserted or deleted loads or raises a LoadError naming the file."""
    scratch.write_bytes(data)
    check_account(lambda: load(scratch), str(scratch))


# -- (c) the number door -----------------------------------------------------------------------------------------

NUMBER_WORDS = [
    "1e999999999",
    "-1E-999999999",
    "NaN",
    "sNaN",
    "-Infinity",
    "inf",
    "１２.５",
    "٣٫٥",
    "1_000",
    "1,000",
    " 1 ",
    "+.5",
    "5.",
    "-0",
    ".",
    "",
    "0" * 100 + "1",
    "9" * 30,
    "9" * 31,
    "0." + "0" * 11 + "1",
    "0." + "0" * 12 + "1",
]
number_inputs: st.SearchStrategy[Any] = st.one_of(
    st.text(max_size=70),
    st.sampled_from(NUMBER_WORDS),
    st.from_regex(r"[+-]?[0-9]{0,35}(\.[0-9]{0,15})?", fullmatch=True),
    st.integers(),
    st.integers(min_value=-(10**60), max_value=10**60),
    st.floats(),
    st.decimals(),
    st.from_regex(r"-?[0-9]{1,40}E[+-]?[0-9]{1,10}", fullmatch=True).map(Decimal),
    st.booleans(),
    st.none(),
    st.lists(st.integers(), max_size=2),
)


@settings(SUITE, max_examples=600)
@given(value=number_inputs, other=number_inputs)
def test_numbers_are_built_or_refused_with_a_budgetkit_error(value: Any, other: Any) -> None:
    """to_decimal, Money, Money.from_yuan and Ratio build a value or raise a BudgetkitError (floats: FloatRefusedError)."""
    check_number(to_decimal, value)
    check_number(Money, value)
    check_number(Money.from_yuan, value)
    check_number(Ratio, value, other)


# -- (d) lossless round trips ------------------------------------------------------------------------------------

seeds = st.integers(min_value=0, max_value=2**32 - 1)


def check_round_trip(seed: int, fmt: str) -> str:
    """loads(dumps(a)) == a and dumps(loads(dumps(a))) == dumps(a) for the synthetic account of ``seed``."""
    account = generate(seed)
    text = dumps(account, fmt)  # type: ignore[arg-type]
    back = loads(text, fmt)  # type: ignore[arg-type]
    assert back == account
    assert dumps(back, fmt) == text  # type: ignore[arg-type]
    return "loaded"


@pytest.mark.parametrize("fmt", ["toml", "json"])
@settings(SUITE, max_examples=25)
@given(seed=seeds)
def test_synthetic_accounts_round_trip_digit_for_digit(fmt: str, seed: int) -> None:
    """A synthetic account loads back equal from its dump, and dumping it again gives the same text."""
    check_round_trip(seed, fmt)


# -- (e) scoring variants and classification tables ----------------------------------------------------------------

_VARIANT_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "description": texts,
    "source": texts,
    "reverse": st.sampled_from(["ratio_deduction", "inverse", "upside_down"]),
    "execution": st.sampled_from(["capped_10", "hubei_20", "jiangxi_bands", "x"]),
    "execution_places": st.integers(-2, 14),
    "execution_bands": st.lists(st.lists(amounts, min_size=2, max_size=2), max_size=4),
    "score_places": st.sampled_from(["stated", "two"]) | st.integers(-1, 13),
    "overshoot_threshold": amounts,
    "qualitative_bands": st.lists(st.tuples(texts, amounts, amounts).map(list), max_size=4),
    "grade_bands": st.lists(st.tuples(texts, amounts).map(list), max_size=4),
    "principle_weights": st.dictionaries(texts, amounts, max_size=4),
}
variant = st.fixed_dictionaries({}, optional={key: value | junk for key, value in _VARIANT_VALUES.items()})
variant_files = st.dictionaries(st.sampled_from(["default", "x", "y"]) | texts, variant | junk, max_size=3).map(
    lambda variants: {"variants": variants}
) | st.dictionaries(texts, junk, max_size=3)


@settings(SUITE, max_examples=200)
@given(value=variant_files)
def test_random_variant_files_give_rules_or_a_load_error(value: dict[str, Any]) -> None:
    """A random scoring-variants file gives a mapping of ScoringRules or a LoadError."""
    text = toml_text(value)
    if text is not None:
        check_variants(text)


_CELLS = ["208", "20801", "2080150", "2O8", "2080", "类", "款", "项", "class", "目", "2019", "1999", "二〇一九", ""]
csv_cells = st.sampled_from(_CELLS) | st.text(max_size=6)
csv_rows = st.lists(st.lists(csv_cells, min_size=5, max_size=7), max_size=8)
csv_header = st.sampled_from(
    ["code,name,level,valid_from,valid_to,note", "name,code,level,valid_from,valid_to,note", "code,name,level"]
)


def csv_text(header: str, rows: list[list[str]], quote: bool) -> str:
    """A CSV table: the header, then the rows, each cell quoted when ``quote``."""

    def cell(text: str) -> str:
        return '"' + text.replace('"', '""') + '"' if quote else text

    return header + "\n" + "".join(",".join(cell(c) for c in row) + "\n" for row in rows)


@settings(SUITE, max_examples=200)
@given(header=csv_header, rows=csv_rows, quote=st.booleans())
def test_random_tables_load_or_give_a_load_error(
    scratch: Path, header: str, rows: list[list[str]], quote: bool
) -> None:
    """A random CSV table loads or raises a LoadError naming the file, each issue at its line."""
    path = scratch.with_suffix(".csv")
    path.write_text(csv_text(header, rows, quote), encoding="utf-8", errors="surrogatepass")
    check_table(path)


# -- (f) the pipeline: check, score, report and HTML on accounts with odd values ------------------------------------

SEED_DATA: dict[str, Any] = tomllib.loads(SEED_TEXT)
ODD_VALUES: list[Any] = [
    "0.000000000001",
    "-0.000000000001",
    "0.0000001",
    "999999999999999999999999999999",
    "99999999999999999999999999999.9",
    "999999999999999999.999999999999",
    "1e999999999",
    "-1e-999999999",
    "1E+5",
    "0",
    "-0",
    "0.00",
    "１２",
    " 12 ",
    "1,000",
    "NaN",
    "十二",
    "",
    "None",
    None,
    True,
    0,
    -1,
    10**16,
    [],
    {},
    [[1.5]],
]
odd_values: st.SearchStrategy[Any] = st.sampled_from(ODD_VALUES) | amounts | texts | st.floats(allow_nan=True)
#: What must never appear in output unless the input holds it: a Python repr, None, NaN, exponent notation.
#: Exponent notation is a digit, e, digits — not inside an escaped character such as \U000e8b29, which a message
#: uses to show an unprintable character of the input.
LEAKS = re.compile(
    r"\bNone(?:Type)?\b|\bnan\b|\bNaN\b|object at 0x|'[A-Za-z_]+' object\b|<class '|Decimal\(|Fraction\(|(?<!\\U)(?<![0-9a-fA-F])\d+[eE][+-]?\d+(?![0-9a-fA-F])"
)


def _leaves(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in plain data that a value can be put: keys of tables, indices of lists."""
    found: list[tuple[Any, ...]] = []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        found.append((*path, key))
        found.extend(_leaves(value, (*path, key)))
    return found


def _put(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


@st.composite
def odd_accounts(draw: st.DrawFn) -> dict[str, Any]:
    """The built-in account, whole or a few of its sections, with one to four values replaced by odd ones."""
    data = copy.deepcopy(SEED_DATA)
    if draw(st.integers(0, 99)) >= 15:
        keep = draw(st.sets(st.sampled_from(sorted(set(data) - {"unit", "year", "unit_type"})), min_size=1, max_size=5))
        data = {k: v for k, v in data.items() if k in keep or k in ("unit", "year", "unit_type")}
    places = _leaves(data)
    for _ in range(draw(st.integers(1, 4))):
        if places:
            _put(data, draw(st.sampled_from(places)), draw(odd_values))
            places = _leaves(data)
    return data


def leaks(output: str, given: str) -> list[str]:
    """Reprs, None, NaN and exponent notation in ``output`` that are not in the input ``given``.

    Exponent notation that starts with one the input holds is the input's text shown next to a number
    (a label "1E+5" before a count 0 reads "1E+50"), not a number written by budgetkit.
    """
    own = {m.group(0) for m in LEAKS.finditer(given)}
    return sorted(
        {
            m.group(0)
            for m in LEAKS.finditer(output)
            if m.group(0) not in given and not any(m.group(0).startswith(text) for text in own)
        }
    )


@attrs.frozen
class Leak:
    """A bad output: a repr, None, NaN or exponent notation that the input did not hold.

    ``where`` names the output (``finding claim.ratio``, ``load message``, ``score JSON``, ``cli check json``);
    ``context`` is the text around the first hit.
    """

    where: str
    token: str
    context: str


def scan(output: str, given: str, where: str, found: list[Leak] | None) -> None:
    """Collect the leaks of ``output`` into ``found``; with ``found`` None (the test suite), fail on the first."""
    hits = leaks(output, given)
    if found is None:
        assert not hits, (where, hits, output[:2000])
        return
    for token in hits:
        at = output.find(token)
        found.append(Leak(where, token, output[max(0, at - 80) : at + len(token) + 80].replace("\n", " ")))


def scan_findings(findings: list[Any], given: str, found: list[Leak] | None, where: str = "finding") -> None:
    """Scan each finding as its JSON (messages, stated, expected), named by its rule code."""
    for finding in findings:
        scan(json.dumps(finding.as_dict(), ensure_ascii=False), given, f"{where} {finding.rule}", found)


def load_odd(data: dict[str, Any], found: list[Leak] | None = None) -> tuple[FinalAccount | None, str]:
    """``data`` loaded as JSON (None when refused, its message scanned) and the JSON text given."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    try:
        return loads(text, "json"), text
    except LoadError as exc:
        scan(str(exc), text, "load message", found)
        assert all(len(str(issue)) <= 1000 for issue in exc.issues), str(exc)[:2000]
        return None, text


def check_findings(data: dict[str, Any], found: list[Leak] | None = None) -> str:
    """``check()`` on the loaded account: 'ran', or 'unloaded' when the loader refused it."""
    account, text = load_odd(data, found)
    if account is None:
        return "unloaded"
    scan_findings(check(account), text, found)
    return "ran"


def check_score(data: dict[str, Any], found: list[Leak] | None = None) -> str:
    """The score report of the loaded account under every scoring variant, as JSON."""
    from budgetkit.checks.scoring import VARIANTS

    account, text = load_odd(data, found)
    if account is None:
        return "unloaded"
    for name in VARIANTS:
        doc = json.dumps(score_report(account, ScoringRules.preset(name)), ensure_ascii=False)
        scan(doc, text, f"score JSON ({name})", found)
    return "ran"


def check_report(data: dict[str, Any], found: list[Leak] | None = None) -> str:
    """Part Two of the 决算说明 of the loaded account, Markdown and text."""
    account, text = load_odd(data, found)
    if account is None:
        return "unloaded"
    for fmt in ("md", "text"):
        scan(report.render(account, fmt), text, f"report {fmt}", found)  # type: ignore[arg-type]
    return "ran"


def check_html(data: dict[str, Any], found: list[Leak] | None = None) -> str:
    """The HTML of the loaded account, and of each of its projects and category lines."""
    account, text = load_odd(data, found)
    if account is None:
        return "unloaded"
    scan(html.render(account), text, "html account", found)
    for project in account.projects[:3]:
        scan(html.render(project), text, "html project", found)
        for indicator in project.indicators[:3]:
            scan(html.render(indicator), text, "html indicator", found)
    for category in account.general_budget.categories[:3]:
        scan(html.render(category), text, "html category", found)
    return "ran"


def check_reload(data: dict[str, Any], found: list[Leak] | None = None) -> str:
    """What loads dumps and loads back equal, TOML and JSON; so does the account the report writes (its claims)."""
    from budgetkit.narrative.report import report_account

    account, _ = load_odd(data, found)
    if account is None:
        return "unloaded"
    for written in (account, report_account(account)):
        for fmt in ("toml", "json"):
            dumped = dumps(written, fmt)  # type: ignore[arg-type]
            assert loads(dumped, fmt) == written, fmt  # type: ignore[arg-type]
    return "ran"


def check_pipeline(data: dict[str, Any], found: list[Leak] | None = None) -> str:
    """Load ``data`` as JSON; when it loads, check, score, report and render it: 'loaded' or 'refused'."""
    for step in (check_findings, check_score, check_report, check_html):
        if step(data, found) == "unloaded":
            return "refused"
    return "loaded"


def check_batch_beside_check(data: dict[str, Any], found: list[Leak] | None = None) -> str:
    """A loaded odd account checked by the batch gives exactly check()'s findings: 'ran' or 'unloaded'."""
    from budgetkit.checks.batch import Batch, check_batch

    account, text = load_odd(data, found)
    if account is None:
        return "unloaded"
    batch = check_batch(Batch.from_accounts([account]))[0]
    assert sorted(map(repr, batch)) == sorted(map(repr, check(account)))
    scan_findings(list(batch), text, found, "batch finding")
    return "ran"


def _cli(command: list[str]) -> tuple[int, str, str]:
    out, err = text_io.StringIO(), text_io.StringIO()
    saved, sys.stderr = sys.stderr, err
    try:
        status = main(command, out=out)
    finally:
        sys.stderr = saved
    return status, out.getvalue(), err.getvalue()


def cli_sources(data: dict[str, Any], folder: Path) -> tuple[str, list[str]]:
    """The account as a file, in a directory and (when it loads) as a Parquet batch: the JSON text and the paths."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    file = folder / "account.json"
    file.write_text(text, encoding="utf-8", errors="surrogatepass")
    sources = [str(file), str(folder)]
    try:
        from budgetkit.checks.batch import Batch, write_parquet

        account = loads(text, "json")
        write_parquet(Batch.from_accounts([account]), folder / "parquet")
        sources.append(str(folder / "parquet"))
    except (BudgetkitError, ImportError):
        pass
    return text, sources


def check_cli_command(command: list[str], given: str, found: list[Leak] | None = None) -> str:
    """One command line run in-process: exit 0, 1 or 2, never an internal error; JSON output is JSON,
    with ``error`` exactly when the exit is 2 and nothing was checked; no output leaks. Returns 'ran'."""
    status, out, err = _cli(command)
    assert status in (0, 1, 2) and "internal error" not in err, (command, status, err[-2000:])
    scan(out + err, given, f"cli {command[0]} {' '.join(command[2:])}".strip(), found)
    if "--format" in command and command[command.index("--format") + 1] == "json":
        doc = json.loads(out)
        assert ("error" in doc) == (status == 2 and "accounts" not in doc), doc
        if "error" in doc:
            assert doc["error"]["file"] and doc["error"]["problems"], doc
    return "ran"


CLI_COMMANDS = (
    ["check", "{}"],
    ["check", "{}", "--format", "json"],
    ["check", "{}", "--lang", "en", "--min-severity", "warning"],
    ["score", "{}"],
    ["score", "{}", "--format", "json"],
    ["report", "{}"],
    ["report", "{}", "--format", "text"],
)


def check_cli_on_files(data: dict[str, Any], folder: Path, found: list[Leak] | None = None) -> Iterator[str]:
    """``budgetkit check`` (text and JSON), ``score`` and ``report`` on the account as a file, in a directory
    and as Parquet (see :func:`check_cli_command`)."""
    text, sources = cli_sources(data, folder)
    for source in sources:
        for command in CLI_COMMANDS:
            yield check_cli_command([part.format(source) for part in command], text, found)


@settings(SUITE, max_examples=150)
@given(data=odd_accounts())
def test_odd_accounts_are_checked_scored_and_reported_without_leaks(data: dict[str, Any]) -> None:
    """An account with odd values loads or is refused; a loaded one is checked, scored, reported, rendered cleanly."""
    check_pipeline(data)


@settings(SUITE, max_examples=60)
@given(data=odd_accounts())
def test_what_loads_dumps_and_loads_back_equal(data: dict[str, Any]) -> None:
    """An odd account that loads, and the account its report writes, dump and load back equal (TOML and JSON)."""
    check_reload(data)


@settings(SUITE, max_examples=8)
@given(data=odd_accounts())
def test_odd_accounts_through_the_command_line(tmp_path_factory: pytest.TempPathFactory, data: dict[str, Any]) -> None:
    """The CLI on an odd account as a file, a directory and Parquet exits 0, 1 or 2, never with an internal error."""
    for _ in check_cli_on_files(data, tmp_path_factory.mktemp("cli")):
        pass
