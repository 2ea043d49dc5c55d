"""Reading many account files at once: ``io.load_all``, the paused garbage collector, the loader's memos.

``load_all`` must give exactly what ``io.load`` gives file by file (the account, or the same LoadError), with
the cyclic collector paused only for its length; the memos of amounts and numbers by their text must hand out
values equal to the ones made afresh, keep no refused text, and stay bounded.
"""

from __future__ import annotations

import gc
import json
import weakref
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from budgetkit import io
from budgetkit._bulk import paused_collector
from budgetkit.datasets.synthetic import generate
from budgetkit.errors import LoadError
from budgetkit.model.account import Figure
from budgetkit.values.money import Money
from budgetkit.values.numbers import to_decimal


def test_load_all_gives_what_load_gives_file_by_file(tmp_path: Path) -> None:
    paths = []
    for seed in range(3):
        path = tmp_path / f"a{seed}.json"
        io.dump(generate(seed), path)
        paths.append(path)
    (tmp_path / "bad.json").write_text('{"unit": "示例", "year": "2023"}', encoding="utf-8")
    (tmp_path / "float.toml").write_text('unit = "示例"\nyear = 2023\nunit_type = "行政单位"\n[income]\ntotal = 1.5\n')
    paths[1:1] = [tmp_path / "bad.json", tmp_path / "absent.json", tmp_path / "float.toml"]
    loaded = io.load_all(paths)
    assert len(loaded) == len(paths)
    for path, one in zip(paths, loaded, strict=True):
        try:
            expected: object = io.load(path)
        except LoadError as exc:
            assert isinstance(one, LoadError)
            assert str(one) == str(exc) and one.source == exc.source
            assert one.__traceback__ is None  # kept without the frames that read the file
        else:
            assert one == expected
    assert [type(x).__name__ for x in loaded] == ["FinalAccount", *["LoadError"] * 3, "FinalAccount", "FinalAccount"]
    assert gc.isenabled()


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_comes_back_as_it_was(enabled: bool) -> None:
    (gc.enable if enabled else gc.disable)()
    try:
        with pytest.raises(RuntimeError), paused_collector() as step:
            step()
            assert not gc.isenabled()
            raise RuntimeError
        assert gc.isenabled() is enabled
    finally:
        gc.enable()


def test_cycles_left_in_a_bulk_job_are_still_freed() -> None:
    """The young generations are collected every ``every`` steps: garbage cycles do not pile up."""

    class Node:
        other: object

    gc.collect()
    refs = []
    with paused_collector(every=10) as step:
        for _ in range(25):
            a, b = Node(), Node()
            a.other, b.other = b, a  # a cycle only the collector frees
            refs.append(weakref.ref(a))
            del a, b
            step()
        alive = sum(ref() is not None for ref in refs)
    assert alive <= 5  # the last 5 were made after the last collection; the 20 before it are gone


texts = st.one_of(
    st.from_regex(r"-?[0-9]{1,14}(\.[0-9]{0,6})?", fullmatch=True),
    st.text(alphabet="0123456789.-+ eE０１", max_size=12),
)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_the_memos_give_what_is_made_afresh(text: str) -> None:
    for hook, make in (
        (io._structure_money, Money),
        (io._structure_decimal, to_decimal),
        (io._structure_figure, lambda t: Figure(Money(t))),
    ):
        try:
            fresh = make(text)
        except Exception as exc:  # refused afresh: refused from the memo, and never kept
            with pytest.raises(type(exc)):
                hook(text, None)
            assert text not in io._MONEY_MEMO or hook is not io._structure_money
            continue
        for _ in range(2):  # made, then handed out from the memo
            got = hook(text, None)
            assert got == fresh and repr(got) == repr(fresh)
            if isinstance(got, Decimal):
                assert str(got) == str(fresh)  # the places too


def test_the_memos_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(io, "_MEMO_SIZE", 8)
    # from empty: a memo filled past the patched size by earlier tests is cleared only when it next keeps a value,
    # and what this test asks for may already be in it (it was, when an earlier test had loaded 0.5)
    io._MONEY_MEMO.clear()
    for k in range(50):
        assert io._structure_money(f"{k}.5", None) == Money(f"{k}.5")
        assert len(io._MONEY_MEMO) <= 8


def test_accounts_loaded_from_the_memos_equal_the_detailed_paths() -> None:
    """The second account reads every amount from the memos; it still equals the detailed path's."""
    for seed in (1, 1, 2):
        text = io.dumps(generate(seed), "json")
        data = json.loads(text)
        assert io.loads(text, "json") == io._detailed(data, "<string>") == generate(seed)
