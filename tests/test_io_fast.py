"""The fast paths of ``io.loads`` accept nothing the detailed paths refuse, and give what they give.

``loads`` first tries ``io._fast`` (the converter's hooks and the model's constructors, no path bookkeeping);
when that declines, the detailed path (``io._detailed``: bounds, shape, cattrs with detailed validation)
decides and words every refusal. So the accepted set and every message are the detailed path's exactly when
whatever ``_fast`` returns, ``_detailed`` returns too, equal to the digit. These tests compare the two on the
fuzzers' inputs (tests/test_fuzz.py), on hostile shapes near the limits, and check that the fast path does
not decline the accounts it exists for.

TOML as budgetkit writes it is read by ``io._toml`` instead of tomllib; where it gives a table, tomllib gives
the same (compared strictly: types, order and all), and where tomllib refuses a text, it gives none. The
short cuts beside them (the key-work bound, ``to_decimal`` on plain ASCII digits) are compared with the long
way too.
"""

from __future__ import annotations

import json
import tomllib
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from budgetkit import datasets, io
from budgetkit.datasets.synthetic import generate
from budgetkit.errors import InvalidNumberError, LoadError
from budgetkit.io import _toml
from budgetkit.model.account import FinalAccount
from budgetkit.values import numbers
from budgetkit.values.numbers import to_decimal
from test_fuzz import SEED_TEXT, SUITE, accounts_like, junk, mutated_text, odd_accounts, toml_text, truncations


def outcome(call: Any) -> tuple[str, str]:
    """('loaded', the account's repr) or ('refused', the LoadError's text)."""
    try:
        account = call()
    except LoadError as exc:
        return "refused", str(exc)
    assert isinstance(account, FinalAccount)
    return "loaded", repr(account)


def assert_same(text: str, fmt: io.Format) -> str:
    """``loads`` and the detailed path alone agree on ``text``; when ``_fast`` loads it, the detailed path
    loads it equal. Returns what ``loads`` did."""
    try:
        data = io._parse(text, fmt, "<string>")
    except LoadError:  # refused before either path runs
        return "refused"
    fast = io._fast(data)
    detailed = outcome(lambda: io._detailed(data, "<string>"))
    if fast is not None:
        assert detailed == ("loaded", repr(fast)), detailed
        assert io.dumps(fast, "json") == io.dumps(io._detailed(data, "<string>"), "json")
    assert outcome(lambda: io.loads(text, fmt)) == detailed
    return detailed[0]


def both_formats(value: Any) -> None:
    assert_same(json.dumps(value, ensure_ascii=False), "json")
    text = toml_text(value)
    if text is not None:
        assert_same(text, "toml")


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("tables", [False, True])
def test_synthetic_accounts_take_the_fast_path(seed: int, tables: bool) -> None:
    """A synthetic account's JSON and TOML load through the fast path, equal to the detailed path's account."""
    account = generate(seed, tables=tables)
    for fmt in ("json", "toml"):
        data = io._parse(io.dumps(account, fmt), fmt, "<string>")  # type: ignore[arg-type]
        fast = io._fast(data)
        assert fast == account and repr(fast) == repr(io._detailed(data, "<string>"))


def test_the_seed_takes_the_fast_path() -> None:
    """The built-in zigong-hr-2023 (its packaged TOML, format 0.2) loads through the fast path."""
    account = datasets.load("zigong-hr-2023")
    for fmt in ("json", "toml"):
        assert io._fast(io._parse(io.dumps(account, fmt), fmt, "<string>")) == account  # type: ignore[arg-type]


@settings(SUITE, max_examples=300)
@given(value=junk | accounts_like)
def test_random_values_load_alike(value: Any) -> None:
    """Random JSON-like values and account-shaped ones with odd leaves: same account or same message."""
    both_formats(value)


@settings(SUITE, max_examples=200)
@given(data=odd_accounts())
def test_odd_accounts_load_alike(data: dict[str, Any]) -> None:
    """The built-in account with one to four values made odd: same account or same message, JSON and TOML."""
    both_formats(data)


@settings(SUITE, max_examples=150)
@given(text=mutated_text())
def test_mutated_dataset_loads_alike(text: str) -> None:
    """The dataset's TOML with one character changed: same account or same message."""
    assert_same(text, "toml")


@settings(SUITE, max_examples=40)
@given(text=truncations)
def test_truncated_dataset_loads_alike(text: str) -> None:
    """The dataset's TOML cut anywhere: same account or same message."""
    assert_same(text, "toml")


def _nested_parts(levels: int) -> dict[str, Any]:
    """An account whose one change explanation has contributions nested ``levels`` deep (each table two
    levels below the one before: the list of parts, then the part)."""
    part: dict[str, Any] = {"label": "最深", "amount": "0"}
    for _ in range(levels - 1):
        part = {"label": "一层", "amount": "0", "parts": [part]}
    explanation = {"subject": "支出", "change": "0", "contributions": [part]}
    return {"unit": "示例", "year": 2023, "unit_type": "行政单位", "explanations": [explanation]}


@pytest.mark.parametrize("levels", range(10, 17))
def test_parts_nested_near_the_limit_load_alike(levels: int) -> None:
    """Contributions nested around MAX_NESTING: the fast path never loads what the depth limit refuses."""
    assert_same(json.dumps(_nested_parts(levels)), "json")


def test_the_fast_path_declines_near_the_limit_and_the_detailed_path_decides() -> None:
    """The deepest part the limit allows (depth 31) loads, through the detailed path; one deeper is refused
    with the old message."""
    deepest = json.dumps(_nested_parts(14))
    assert io._fast(io._parse(deepest, "json", "<string>")) is None
    assert assert_same(deepest, "json") == "loaded"
    assert io._fast(io._parse(json.dumps(_nested_parts(13)), "json", "<string>")) is not None
    with pytest.raises(LoadError, match=r"\$\.explanations\[0\]\.contributions\[0\](\.parts\[0\]){14}: nested deeper"):
        io.loads(json.dumps(_nested_parts(15)), "json")


@pytest.mark.parametrize(
    "change",
    [
        {"projects": "项目"},  # text where a list is due: cattrs alone would read letters
        {"general_budget": {"personnel_items": "工资福利支出"}},
        {"income": {"total": 10.5}},
        {"income": {"total": {"current": "1", "later": "2"}}},
        {"three_public": {"vehicles_owned_by_type": [["轿车"]]}},
        {"three_public": {"vehicles_owned_by_type": ["轿车", 1]}},
        {"claims": [{"kind": "amount", "subject": "x", "stated": "1", "extra": 1}]},
        {"year": True},
        {"unit": "\ud800"},
        {"format_version": "0.1", "tables": {}},
        {"format_version": "9.9"},
        {"charts": [{"number": 1, "title": "图", "values": ["1"] * 3, "labels": None}]},
    ],
)
def test_hostile_values_are_refused_as_before(change: dict[str, Any]) -> None:
    """Values the detailed path refuses are refused with its message; the fast path declines them."""
    data = {"unit": "示例", "year": 2023, "unit_type": "行政单位", **change}
    text = json.dumps(data, ensure_ascii=False)
    assert io._fast(io._parse(text, "json", "<string>")) is None
    assert assert_same(text, "json") == "refused"


def test_too_many_items_are_refused_as_before() -> None:
    """A list longer than MAX_ITEMS is refused by the bounds check, not loaded by the fast path."""
    data = {"unit": "示例", "year": 2023, "unit_type": "行政单位"}
    data["performance"] = {"overall": ["段"] * (io.MAX_ITEMS + 1)}  # type: ignore[assignment]
    text = json.dumps(data, ensure_ascii=False)
    with pytest.raises(LoadError, match="more than the limit of 100000"):
        io.loads(text, "json")
    assert assert_same(text, "json") == "refused"


# -- the TOML reader ------------------------------------------------------------------------------------------------


def same(a: Any, b: Any) -> bool:
    """Equal and of the same types all the way down, dicts in the same order (True is not 1)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[key], b[key]) for key in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, io._Float):
        return bool(a.text == b.text)
    return bool(a == b)


def assert_read_alike(text: str) -> bool:
    """``_toml.loads`` gives tomllib's table or nothing; True when it gave one."""
    fast = _toml.loads(text)
    try:
        slow = tomllib.loads(text, parse_float=io._Float)
    except (tomllib.TOMLDecodeError, ValueError, RecursionError):
        assert fast is None, text[:300]
        return False
    assert fast is None or same(fast, slow), text[:300]
    return fast is not None


SYNTHETIC_TEXT = io.dumps(generate(3, tables=True))


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("tables", [False, True])
def test_dumped_toml_is_read_without_tomllib(seed: int, tables: bool) -> None:
    """What dumps writes, the reader reads, as tomllib does; so is the packaged dataset with its comments."""
    assert assert_read_alike(io.dumps(generate(seed, tables=tables)))
    assert assert_read_alike(SEED_TEXT)


@settings(SUITE, max_examples=300)
@given(text=mutated_text() | mutated_text(SYNTHETIC_TEXT))
def test_mutated_toml_is_read_alike(text: str) -> None:
    """The dataset's and a synthetic account's TOML with one character changed: tomllib's table, or none."""
    assert_read_alike(text)


@settings(SUITE, max_examples=60)
@given(text=truncations)
def test_truncated_toml_is_read_alike(text: str) -> None:
    """The dataset's TOML cut anywhere: tomllib's table, or none."""
    assert_read_alike(text)


@settings(SUITE, max_examples=200)
@given(value=junk | accounts_like | odd_accounts())
def test_written_values_are_read_alike(value: Any) -> None:
    """Random values as tomli_w writes them: tomllib's table, or none."""
    text = toml_text(value)
    if text is not None:
        assert_read_alike(text)


REFUSED_BY_TOMLLIB = [
    "[a]\n[a]\n",
    "[[a]]\n[a]\n",
    "[a.b]\n[[a]]\n",
    "a = 1\na = 2\n",
    "a = 1\n[a]\n",
    "a = 1\n[a.b]\n",
    "a = { b = 1 }\n[a]\n",
    "a = { b = 1 }\n[a.c]\n",
    "a = [1]\n[[a]]\n",
    "a = [{ b = 1 }]\n[[a]]\n",
    "[a]\nb = 1\n[a.b]\n",
    "[a.b]\n[a]\nb = 1\n",
    "a = { b = 1, b = 2 }\n",
    "a = { b = 1, }\n",
    "a = [,]\n",
    "a = [1 2]\n",
    'a = "x" "y"\n',
    "a = 01\n",
    "a = 1_\n",
    "a = truex\n",
    'a = "\x01"\n',
    'a = "\x7f"\n',
    'a = "\\q"\n',
    "# \x00 in a comment\n",
    "a = 1 b = 2\n",
    "a = 1979-05-27\n",
    "= 1\n",
    "a = \n",
    "a = ",
    "[a\n",
    "[[a]\n",
    "a = { b = [1,\n2] }\n",
    'a = "no end \\" here\nb = "x"\n',
]


@pytest.mark.parametrize("text", REFUSED_BY_TOMLLIB)
def test_what_tomllib_refuses_is_not_read(text: str) -> None:
    """Texts tomllib refuses (or reads as a datetime): the reader gives no table for them."""
    assert_read_alike(text)
    assert _toml.loads(text) is None or tomllib.loads(text) is not None


READ_BY_TOMLLIB = [
    "[a.b]\n[a]\nc = 1\n",
    "[[a.b]]\n[a]\n[[a.b]]\nc = [[1, 2], []]\n",
    "[[a]]\n[a.b]\n[[a]]\n[a.b]\n",
    'a = { b = { c = "d" }, e = [] }\n',
    'a = "tab\there, \\" quote, \\n newline"\n',
    "a = -0\nb = 999999999999999999\nc = true\nd = false\n",
    'a = ["x\\ty", { b = "\\\\", c = "\\"" }]\n',
    "# comment only",
    "",
    "a = 1",
]


@pytest.mark.parametrize("text", READ_BY_TOMLLIB)
def test_what_tomllib_reads_is_read_alike(text: str) -> None:
    """Texts of the written kind that tomllib reads: the reader gives the same table."""
    assert assert_read_alike(text)


KEY_TEXT = st.lists(
    st.sampled_from(["a", "b1", "-", '"q.r"', "'s'", ".", " ", "\t", "=", "]", "[", "\n", "\r", '"', "x" * 40]),
    max_size=60,
).map("".join)


@settings(SUITE, max_examples=300)
@given(text=KEY_TEXT)
def test_the_key_work_bound_is_a_bound(text: str) -> None:
    """The bound that lets loads skip the key-work scan is at least the work the scan counts, and passes the
    limit whenever a counted key has more than MAX_NESTING dots."""
    counted = [
        match.group(0).count(".") for match in io._DOTTED_KEY.finditer(text) if io._KEY_END.match(text, match.end())
    ]
    bound = io._key_work_bound(text)
    assert bound >= sum((dots + 1) ** 2 for dots in counted)
    if any(dots > io.MAX_NESTING for dots in counted):
        assert bound > io.MAX_KEY_WORK


def test_a_deep_key_still_passes_the_bound() -> None:
    """A 34-part key, or enough 31-part keys, are over the bound, so the scan runs and refuses them as before."""
    deep = "[" + ".".join(["k"] * 34) + "]\n"
    assert io._key_work_bound(deep) > io.MAX_KEY_WORK
    with pytest.raises(LoadError, match="a key nested deeper than 32 levels"):
        io.loads(deep)


def _to_decimal_the_long_way(text: str, max_places: int, max_digits: int) -> Decimal:
    """to_decimal's checks for a str, in full (length, strip, full-width digits, the pattern, the size)."""
    if len(text) > numbers.MAX_STRING_LENGTH:
        raise InvalidNumberError(text, f"longer than {numbers.MAX_STRING_LENGTH} characters")
    plain = text.strip().translate(numbers._FULL_WIDTH)
    if not numbers._PLAIN.fullmatch(plain):
        raise InvalidNumberError(text, "not a plain decimal number (digits with an optional sign and point)")
    return numbers._check_size(Decimal(plain), text, max_places, max_digits)


@settings(SUITE, max_examples=500)
@given(
    text=st.text(alphabet="0123456789.-+ e１", max_size=16)
    | st.from_regex(r"-?[0-9]{0,14}\.?[0-9]{0,14}", fullmatch=True),
    max_places=st.sampled_from([0, 2, 12, 24]),
    max_digits=st.sampled_from([1, 12, 30, 60]),
)
def test_to_decimal_reads_short_text_as_the_long_way_does(text: str, max_places: int, max_digits: int) -> None:
    """The short cut of to_decimal for plain ASCII digits gives the value, places and refusal of the full checks."""

    def result(call: Any) -> str:
        try:
            return repr(call())
        except InvalidNumberError as exc:
            return str(exc)

    assert result(lambda: to_decimal(text, max_places=max_places, max_digits=max_digits)) == result(
        lambda: _to_decimal_the_long_way(text, max_places, max_digits)
    )
