"""The cheap paths of the model's converters and claim paths give what the general paths give (issue 9)."""

from __future__ import annotations

import enum
import json
import pickle
import re
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from budgetkit import datasets, io
from budgetkit.errors import BudgetkitError, LoadError
from budgetkit.model.account import Figure
from budgetkit.model.claim import Claim, PathError, resolve
from budgetkit.values import validators as v
from budgetkit.values.money import Money
from budgetkit.values.numbers import to_decimal

# -- converters ---------------------------------------------------------------------------------------------------

_DIGITS = st.text(alphabet="0123456789", min_size=1, max_size=40)
_DECIMALS = st.one_of(
    st.builds(
        lambda sign, whole, places: Decimal(f"{sign}{whole}{'.' if places else ''}{places}"),
        st.sampled_from(["", "-"]),
        _DIGITS,
        st.text(alphabet="0123456789", max_size=20),
    ),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.builds(lambda digits, exponent: Decimal(f"{digits}E{exponent}"), _DIGITS, st.integers(-40, 40)),
)


def _outcome(convert: Any, value: Any) -> tuple[str, str]:
    try:
        result = convert(value)
    except BudgetkitError as exc:
        return type(exc).__name__, str(exc)
    return "value", repr(result)


@settings(max_examples=400, deadline=None)
@given(_DECIMALS)
def test_a_decimal_passes_the_converters_as_the_number_door_passes_it(value: Decimal) -> None:
    """The same Decimal back, or the same refusal, as ``to_decimal`` (and, for a claim, its wider door)."""
    door = _outcome(to_decimal, value)
    assert _outcome(v.decimal, value) == door
    assert _outcome(v.optional_decimal, value) == door
    stated = _outcome(lambda d: to_decimal(d, max_digits=60), value)
    assert _outcome(lambda d: Claim(kind="growth", subject="income.total", stated=d).stated, value) == stated
    if v.short_plain(value):
        assert door == ("value", repr(value))
        assert v.decimal(value) is value


def test_the_text_shortcut_leaves_every_long_or_odd_decimal_to_the_door() -> None:
    assert v.short_plain(Decimal("-12345.789012"))  # 13 characters
    for odd in ("1E+3", "1E-7", "NaN", "-Infinity", "12345678901234", "0.0000000000001"):
        assert not v.short_plain(Decimal(odd)), odd


def test_tuple_of_keeps_a_tuple_and_refuses_text() -> None:
    items = (1, 2)
    assert v.tuple_of(items) is items
    assert v.tuple_of([1, 2]) == items
    with pytest.raises(BudgetkitError, match="expected a sequence, got a str"):
        v.tuple_of("ab")


# -- claim paths: the compiled reader against the step-by-step one it replaced --------------------------------------

_STEP = re.compile(r"\.?([A-Za-z_][A-Za-z0-9_]*)|\[([^\]]*)\]")


def _lookup(items: tuple[Any, ...], key: str, path: str) -> Any:
    stack = list(items)
    while stack:
        item = stack.pop(0)
        if getattr(item, "code", None) == key or getattr(item, "name", None) == key:
            return item
        stack[0:0] = list(getattr(item, "children", ()))
    if key.isdigit() and len(key) <= 6:
        if int(key) < len(items):
            return items[int(key)]
        raise PathError(f"no element with code or name {key!r}, and index {key} is out of range", path)
    raise PathError(f"no element with code or name {key!r}", path)


def _matches(item: Any, field: str, values: set[str]) -> bool:
    value = getattr(item, field, None)
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, bool):
        value = str(value).lower()
    return str(value) in values


def _resolve_step_by_step(root: Any, path: str) -> Any:
    """budgetkit 0.2.0's ``resolve``, reading the path as it goes."""
    value = root
    position = 0
    while position < len(path):
        match = _STEP.match(path, position)
        if match is None:
            raise PathError(f"cannot read the path at {path[position:]!r}", path)
        position = match.end()
        attribute, key = match.group(1), match.group(2)
        if attribute is not None:
            if not hasattr(value, attribute) or attribute.startswith("_"):
                raise PathError(f"{type(value).__name__} has no field {attribute!r}", path)
            value = getattr(value, attribute)
            if callable(value):
                raise PathError(f"{attribute!r} is a method, not a field", path)
        elif not isinstance(value, tuple):
            raise PathError(f"[{key}] needs a sequence, found {type(value).__name__}", path)
        elif key == "*":
            rest = path[position:]
            return tuple(_resolve_step_by_step(item, rest) for item in value)
        elif key.startswith("?"):
            field, _, wanted = key[1:].partition("=")
            missing = [item for item in value if not hasattr(item, field) or field.startswith("_")]
            if missing:
                raise PathError(f"{type(missing[0]).__name__} has no field {field!r} to filter on", path)
            value = tuple(item for item in value if _matches(item, field, set(wanted.split("|"))))
        else:
            value = _lookup(value, key, path)
    return value


_SEED = datasets.load("zigong-hr-2023")
_PIECES = [
    "income",
    ".total",
    ".current",
    "general_budget",
    ".categories",
    "[事业运行]",
    "[0]",
    "[99]",
    "[2080505]",
    "[*]",
    "[?level=项]",
    "[?level=类|款]",
    ".actual",
    ".name",
    "three_public",
    ".events",
    ".persons",
    "projects",
    ".indicators",
    "[?operator=≥]",
    ".weight",
    ".completion",
    "._amount",
    ".nope",
    "[",
    "]",
    "..",
    "[?nope=1]",
    "[x",
    " ",
    "claims",
    ".stated",
    "[?kind=growth]",
    ".children",
    "[*].children",
    "[1]",
]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=7).map("".join))
def test_a_compiled_path_resolves_as_the_step_by_step_reader(path: str) -> None:
    """The same value, or a PathError with the same message, twice over (the second from the kept steps)."""
    expected = _outcome(lambda p: _resolve_step_by_step(_SEED, p), path)
    assert _outcome(lambda p: resolve(_SEED, p), path) == expected
    assert _outcome(lambda p: resolve(_SEED, p), path) == expected


def test_every_claim_of_the_seed_resolves_as_before() -> None:
    for claim in _SEED.claims:
        for path in (claim.subject, claim.base):
            if path:
                assert _outcome(lambda p: resolve(_SEED, p), path) == _outcome(
                    lambda p: _resolve_step_by_step(_SEED, p), path
                ), path


def test_a_long_path_is_read_each_time_not_kept() -> None:
    path = "income" + ".total" * 60 + "x"
    with pytest.raises(PathError, match="Figure has no field 'total'"):
        resolve(_SEED, path)


# -- the loader's own steps ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('{"a": 1, "b": 2, "a": 3, "b": 4}', "a"),
        ('{"b": 1, "a": 2, "a": 3, "b": 4}', "a"),
        ('{"x": {"y": 1, "y": 2}}', "y"),
    ],
)
def test_a_repeated_json_key_is_named_first_met_again(text: str, key: str) -> None:
    with pytest.raises(LoadError, match=f"the key '{key}' appears twice in one object"):
        io.loads(text, "json")


@pytest.mark.parametrize(
    "text",
    [
        "\ud800",
        "a\udfffb",
        "中文\ud83d",
        "a" * io.MAX_STRING,
        "a" * (io.MAX_STRING + 1),
        "é" * (io.MAX_STRING + 1),
        "plain",
        "中文",
    ],
)
def test_a_text_field_is_taken_or_refused_as_by_the_detailed_path(text: str) -> None:
    data = {"unit": text, "year": 2023, "unit_type": "行政单位", "income": {"total": "10.50"}}
    try:
        expected: tuple[str, str] = ("value", repr(io._detailed(dict(data), "<string>")))
    except LoadError as exc:
        expected = ("LoadError", str(exc))
    assert _outcome(lambda t: io.loads(t, "json"), json.dumps(data)) == expected
    assert (io._fast(dict(data)) is None) == (expected[0] == "LoadError")  # the fast path declines every refusal


@pytest.mark.parametrize(
    "amounts", [("1.50", None, None), ("1.50", "-0.20", "2.00"), (None, None, "0"), (None, None, None)]
)
def test_a_figure_of_money_is_the_figure_its_constructor_makes(amounts: tuple[str | None, ...]) -> None:
    money = tuple(None if a is None else Money(a) for a in amounts)
    fast, built = Figure._of(*money), Figure(*amounts)
    assert fast == built and hash(fast) == hash(built) and repr(fast) == repr(built)
    assert pickle.loads(pickle.dumps(fast)) == built
    assert attrs.asdict(fast) == attrs.asdict(built)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fast.current = None  # type: ignore[misc]


@pytest.mark.parametrize(
    "figure",
    ['"1.50"', '{"current": "1.50", "budget": "2"}', "{}", '{"previous": "1", "colour": "2"}', '{"current": 1.5}'],
)
def test_a_figure_loads_as_the_detailed_path_loads_it(figure: str) -> None:
    text = f'{{"unit": "示例", "year": 2023, "unit_type": "行政单位", "income": {{"total": {figure}}}}}'
    data = json.loads(text, parse_float=io._Float)
    try:
        expected: tuple[str, str] = ("value", repr(io._detailed(data, "<string>")))
    except LoadError as exc:
        expected = ("LoadError", str(exc))
    assert _outcome(lambda t: io.loads(t, "json"), text) == expected
