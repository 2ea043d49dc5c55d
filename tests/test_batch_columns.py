"""Reading a Parquet batch compares its columns with its rows' json in bulk, never more leniently than cell by cell.

``batch._agrees`` (numpy, column by column) decides that a stored table holds exactly what the
batch built from its json holds; only when it cannot say so does ``batch._mismatches`` (Arrow,
cell by cell) decide and name the place. These tests hold the bulk test to that contract: on an
intact table it agrees (so the cheap path is the one taken), and on every damaged table it never
agrees where the cell-by-cell comparison finds a difference.
"""

from __future__ import annotations

import decimal
import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from budgetkit.checks import batch as batch_module
from budgetkit.checks.audit import check
from budgetkit.checks.batch import Batch, check_batch, read_parquet, write_parquet
from budgetkit.datasets.synthetic import DEFECTS, generate
from budgetkit.errors import LoadError

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


@pytest.fixture(autouse=True, scope="module")
def _trap_floats_in_module_fixtures() -> Iterator[None]:
    """Module-scoped fixtures below run before the per-test float trap of conftest.py: trap them too."""
    with decimal.localcontext() as context:
        context.traps[decimal.FloatOperation] = True
        yield


@pytest.fixture(scope="module")
def built() -> Batch:
    """Six synthetic accounts, two with a defect: every child table has rows."""
    kinds = sorted(DEFECTS)
    return Batch.from_accounts([generate(s, defects=(kinds[s % len(kinds)],) if s % 3 == 0 else ()) for s in range(6)])


@pytest.fixture(scope="module")
def stored(built: Batch, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The batch as Parquet wrote it and read it back (chunked as a reader gives it)."""
    folder = tmp_path_factory.mktemp("columns")
    write_parquet(built, folder)
    return pq.read_table(folder / "part-00000.parquet")


def _replaced(table: Any, name: str, array: Any) -> Any:
    return table.set_column(table.column_names.index(name), name, array)


def _cells(table: Any, name: str, edit: Callable[[list[Any]], list[Any]]) -> Any:
    """The table with one column's Python values edited (its Arrow type kept)."""
    column = table.column(name).combine_chunks()
    return _replaced(table, name, pa.array(edit(column.to_pylist()), type=column.type))


def _sound(table: Any, built: Batch) -> bool:
    """The contract: the bulk test agrees only where the cell-by-cell comparison finds nothing."""
    agrees = batch_module._agrees(table, built)
    differs = bool(batch_module._mismatches(table, built.to_arrow()))
    return not (agrees and differs)


def test_an_intact_table_agrees_in_bulk(built: Batch, stored: Any) -> None:
    """The cheap path is the one taken for an intact batch, from Arrow and from Parquet, whole and in slices."""
    assert batch_module._agrees(built.to_arrow(), built)
    assert batch_module._agrees(stored, built)
    assert batch_module._agrees(stored.slice(2, 3), built[2:5])
    assert not batch_module._mismatches(stored, built.to_arrow())


def _bump(values: list[Any]) -> list[Any]:
    """The first non-null value changed by one (a number) or by a character (a text), the rest kept."""
    out = list(values)
    for k, value in enumerate(out):
        if isinstance(value, list):
            edited = _bump(value)
            if edited != value:
                out[k] = edited
                return out
        elif isinstance(value, bool):
            out[k] = not value
            return out
        elif isinstance(value, int):
            out[k] = value + 1 if value < 100 else value - 1
            return out
        elif isinstance(value, str):
            out[k] = value + "x"
            return out
    return out


def _columns(stored: Any) -> list[str]:
    return [name for name in stored.column_names if name != "json"]


def test_every_column_edited_without_its_json_twin_is_caught_in_bulk(built: Batch, stored: Any) -> None:
    """One value changed in any column (figure, exponent, count, text, child row): the bulk test disagrees."""
    edited = 0
    for name in _columns(stored):
        table = _cells(stored, name, _bump)
        if table.column(name).equals(stored.column(name)):
            continue  # nothing to change (an empty list column)
        edited += 1
        assert batch_module._mismatches(table, built.to_arrow()), name
        assert not batch_module._agrees(table, built), name
    assert edited > 150  # every column that holds a value in these six accounts (165 of them)


def test_damage_of_every_kind_never_passes_the_bulk_test(built: Batch, stored: Any) -> None:
    """Nulls, moved list boundaries, retyped, missing, extra and renamed columns, dictionaries with strange entries."""
    first_figure = "income.total.current"
    strings = stored.column("unit").combine_chunks()
    damaged = {
        "a null where a figure is printed": _cells(stored, first_figure, lambda v: [None, *v[1:]]),
        "a figure printed where the account has none": _cells(
            stored, "income.total.budget", lambda v: [7 if x is None else x for x in v]
        ),
        "a null count": _cells(stored, "charts", lambda v: [None, *v[1:]]),
        "a null list": _cells(stored, "claims.i", lambda v: [None, *v[1:]]),
        "a null inside a list": _cells(stored, "claims.i", lambda v: [[None, *v[0][1:]], *v[1:]]),
        "a child row moved to the next account": _cells(
            stored, "claims.i", lambda v: [v[0][:-1], [v[0][-1], *v[1]], *v[2:]]
        ),
        "a child row dropped": _cells(stored, "sums.code", lambda v: [v[0][1:], *v[1:]]),
        "a narrower integer type": _replaced(stored, "year", stored.column("year").cast(pa.int32())),
        "a plain string column": _replaced(stored, "unit", strings.cast(pa.string())),
        "a dictionary entry the batch has not got": _replaced(
            stored,
            "unit",
            pa.DictionaryArray.from_arrays(
                strings.indices, pa.array([s + "x" for s in strings.dictionary.to_pylist()])
            ),
        ),
        "a missing column": stored.drop_columns(["sums.code"]),
        "an extra column": stored.append_column("colour", [["red"] * stored.num_rows]),
        "a renamed column": stored.rename_columns(["unit2" if n == "unit" else n for n in stored.column_names]),
        "a row too few": stored.slice(0, stored.num_rows - 1),
    }
    for what, table in damaged.items():
        assert _sound(table, built if what != "a row too few" else built[: stored.num_rows - 1]), what
        assert not batch_module._agrees(table, built), what


def test_an_unused_dictionary_entry_or_another_index_type_agrees_as_cell_by_cell_does(
    built: Batch, stored: Any
) -> None:
    """What the cell-by-cell comparison accepts (values equal after decoding) the bulk test accepts or defers."""
    strings = stored.column("unit").combine_chunks()
    unused = pa.DictionaryArray.from_arrays(strings.indices, pa.array([*strings.dictionary.to_pylist(), "没有的单位"]))
    wide = pa.DictionaryArray.from_arrays(strings.indices.cast(pa.int64()), strings.dictionary)
    for table in (_replaced(stored, "unit", unused), _replaced(stored, "unit", wide)):
        assert not batch_module._mismatches(table, built.to_arrow())
        assert batch_module._agrees(table, built)


@pytest.mark.parametrize("seed", range(40))
def test_random_edits_of_random_cells_are_judged_like_cell_by_cell(seed: int, built: Batch, stored: Any) -> None:
    """A random column, row and replacement value: the bulk test agrees only when cell by cell finds no difference."""
    rng = random.Random(seed)
    name = rng.choice(_columns(stored))
    values = stored.column(name).combine_chunks().to_pylist()
    row = rng.randrange(len(values))
    pool = [v for v in stored.column(name).combine_chunks().to_pylist() if v is not None]

    def edit(cells: list[Any]) -> list[Any]:
        out = list(cells)
        choice = rng.random()
        if choice < 0.4 and pool:
            out[row] = rng.choice(pool)  # another row's value: sometimes equal, often not
        elif choice < 0.7:
            out[row] = _bump([out[row]])[0]
        else:
            out[row], out[-1 - row] = out[-1 - row], out[row]  # two rows swapped
        return out

    table = _cells(stored, name, edit)
    assert _sound(table, built)
    assert batch_module._agrees(table, built) == (not batch_module._mismatches(table, built.to_arrow()))


def test_a_damaged_column_read_from_parquet_is_still_named_cell_by_cell(
    built: Batch, stored: Any, tmp_path: Path
) -> None:
    """read_parquet refuses a column edited without its json twin, naming the file, the row and the column."""
    path = tmp_path / "edited.parquet"
    pq.write_table(_cells(stored, "claims.stated", lambda v: [v[0], v[1], _bump([v[2]])[0], *v[3:]]), path)
    with pytest.raises(LoadError) as caught:
        read_parquet(path)
    assert str(path) in str(caught.value) and "row 2, column claims.stated" in str(caught.value)


def test_a_batch_read_in_bulk_checks_the_same(built: Batch, tmp_path: Path) -> None:
    """Several partitions read back (each compared in bulk) give the findings of check() one by one."""
    write_parquet(built, tmp_path, partition_size=4)
    again = read_parquet(tmp_path)
    assert check_batch(again) == [check(built.account(i)) for i in range(len(built))]
