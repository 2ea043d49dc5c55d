"""budgetkit._regex: a long alternation searched fast gives exactly the matches of the plain pattern."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from budgetkit import datasets
from budgetkit._regex import Phrases, _first_characters
from budgetkit.io import grammar

DATA = Path(__file__).parent / "data"
PHRASES = [pattern for pattern, _ in grammar._SUBJECTS]
NAMED = re.compile("|".join(f"(?P<s{k}>{pattern})" for k, pattern in enumerate(PHRASES)))


def _texts() -> list[str]:
    """Every passage of the built-in datasets, and every line of the seed report and of the regions' reports."""
    texts = [p.text for name in datasets.names() for p in datasets.load(name).passages]
    for path in sorted([*DATA.glob("seeds/*.txt"), *DATA.glob("regions/*.txt")]):
        texts += path.read_text(encoding="utf-8").splitlines()
    return texts


def _named(text: str) -> list[tuple[tuple[int, int], int]]:
    return [(m.span(), int(m.lastgroup[1:])) for m in NAMED.finditer(text) if m.lastgroup]


def test_the_subjects_are_found_as_their_named_alternation_finds_them() -> None:
    phrases = Phrases(PHRASES)
    texts = _texts()
    assert sum(len(_named(text)) for text in texts) > 700  # the corpus names subjects: the comparison means something
    for text in texts:
        assert [(m.span(), k) for k, m in phrases.finditer(text)] == _named(text), text


ALPHABET = sorted({c for pattern in PHRASES for c in pattern if "\u4e00" <= c <= "\u9fff"} | set("、，“”（）0123456789 X"))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*ALPHABET, *PHRASES[:40]]), max_size=40))
def test_random_text_matches_alike(pieces: list[str]) -> None:
    text = "".join(re.sub(r"[\\()?:|*+{}\[\]^$.<=!]", "", piece) for piece in pieces)
    phrases = Phrases(PHRASES)
    assert [(m.span(), k) for k, m in phrases.finditer(text)] == _named(text)
    found = phrases.search(text)
    first = NAMED.search(text)
    assert (found is None) == (first is None)
    if found is not None and first is not None:
        assert (found[1].span(), found[0]) == (first.span(), int(first.lastgroup[1:]))  # type: ignore[index]


@pytest.mark.parametrize(
    ("pattern", "first"),
    [
        (r"收入|(?<!、)支出|[“”]?三公", "“”三支收"),
        (r"a*b|c{0,2}d", "abcd"),
        (r"(?=\s*\d)总计|年(?:初|末)", "年总"),
    ],
)
def test_the_first_characters_are_listed(pattern: str, first: str) -> None:
    assert _first_characters(pattern) == set(first)


@pytest.mark.parametrize(
    "pattern",
    [
        r"\d+万元",
        r"[^，]+",
        r".收入",
        r"(?i)abc",
        r"(?i:a)b",
        r"a*",
        r"(a|)",
        r"(?>ab)c",
        r"(a)?\1b",
        r"[\u4e00-\u9fff]",
    ],
)
def test_first_characters_not_listed(pattern: str) -> None:
    """Any character, a negated or wide set, a flag, an empty match, an atomic group, a back reference: not listed,
    and phrases holding such a pattern are searched as the plain alternation."""
    assert _first_characters(pattern) is None
    if not pattern.startswith("(?i)"):  # a global flag stands only at the start of a whole pattern
        assert Phrases([pattern, "收入"])._any.pattern == f"(?:{pattern})|(?:收入)"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab、cd收入支出总计 X", max_size=30))
def test_led_phrases_match_alike(text: str) -> None:
    for alternatives in (["收入", "(?<!、)支出", "[“”]?总计"], ["a*b", "c{0,2}d"], ["(?<=a)b", "(?<!c)d+"]):
        plain = re.compile("|".join(f"(?P<a{k}>{a})" for k, a in enumerate(alternatives)))
        led = Phrases(alternatives)
        assert led._any.pattern.startswith("(?=[")
        assert [(m.span(), k) for k, m in led.finditer(text)] == [
            (m.span(), int(m.lastgroup[1:])) for m in plain.finditer(text) if m.lastgroup
        ]
