"""Every account that survives dump/load also survives a Parquet round trip: tables (format 0.2), the
附件1 fields (format 0.3) and listed change explanations (format 0.4) included, with the same findings."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from budgetkit import datasets, io
from budgetkit.checks.audit import check
from budgetkit.checks.batch import Batch, check_batch, read_parquet, write_parquet
from budgetkit.io.selfeval import read_selfeval_table
from budgetkit.model.account import FinalAccount
from test_selfeval import central_rows

pytest.importorskip("pyarrow.parquet")


def _central() -> FinalAccount:
    seed = datasets.load("zigong-hr-2023")
    return attrs.evolve(seed, projects=(*seed.projects, read_selfeval_table(central_rows())))


def _listed() -> FinalAccount:
    seed = datasets.load("zigong-hr-2023")
    return attrs.evolve(seed, explanations=tuple(attrs.evolve(e, exhaustive=False) for e in seed.explanations))


def _accounts() -> list[FinalAccount]:
    return [*(datasets.load(name) for name in datasets.names()), _central(), _listed()]


def test_the_accounts_need_every_format_version() -> None:
    """The set covers what is at stake: accounts with published tables (0.2), one with 附件1 fields (0.3), one
    with listed explanations (0.4), one with Shanghai's 外宾接待 within 国内接待 and its 公务接待 counts (0.5)."""
    versions = {io.versioned(io.unstructure(a))["format_version"] for a in _accounts()}
    assert versions == {"0.2", "0.3", "0.4", "0.5"}
    assert any(a.tables.tables for a in _accounts())
    for account in _accounts():
        assert io.loads(io.dumps(account, "json"), "json") == account


def test_each_row_carries_the_format_version_its_account_needs() -> None:
    batch = Batch.from_accounts(_accounts())
    for k, account in enumerate(_accounts()):
        text = batch.account_json(k)
        assert text.startswith('{"format_version":')
        assert io.loads(text, "json") == account


def test_accounts_round_trip_through_parquet_with_the_same_findings(tmp_path: Path) -> None:
    accounts = _accounts()
    write_parquet(Batch.from_accounts(accounts), tmp_path, partition_size=2)
    back = read_parquet(tmp_path)
    assert [back.account(k) for k in range(len(back))] == accounts
    assert check_batch(back) == check_batch(accounts) == [check(a) for a in accounts]


def test_a_parquet_file_of_an_older_budgetkit_still_reads(tmp_path: Path) -> None:
    """Rows written without a format version (0.1: accounts without tables) keep loading."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    seed = datasets.load("zigong-hr-2023")
    table = Batch.from_accounts([seed]).to_arrow()
    text = io.dumps(seed, "json")
    assert '"format_version": "0.2",' in text
    unversioned = pa.array([text.replace('"format_version": "0.2",', "", 1)], type=pa.large_string())
    table = table.set_column(table.column_names.index("json"), "json", unversioned)
    pq.write_table(table, tmp_path / "part-00000.parquet")
    assert read_parquet(tmp_path).account(0) == seed


#: The columns of each project's money block below its 总额, which batches written early in 0.2.0 lack.
MONEY_BLOCK = [f"projects.{name}" for name in ("n_parts", "parts_initial", "blank_initial", "parts_adjusted",
                                              "blank_adjusted", "parts_executed", "blank_executed")]  # fmt: skip


def test_a_parquet_batch_of_the_earlier_layout_still_reads(tmp_path: Path) -> None:
    """A batch written before the projects' money-block columns existed (layout 1: no layout key) reads, its
    columns made again from its rows' json; a batch of this layout that lacks a column is refused."""
    import pyarrow.parquet as pq

    from budgetkit.errors import LoadError

    accounts = _accounts()
    table = Batch.from_accounts(accounts).to_arrow()
    earlier = table.drop_columns(MONEY_BLOCK)
    pq.write_table(earlier.replace_schema_metadata(None), tmp_path / "part-00000.parquet")
    back = read_parquet(tmp_path / "part-00000.parquet")
    assert [back.account(k) for k in range(len(back))] == accounts
    assert back.to_arrow().equals(table)
    assert check_batch(back) == [check(a) for a in accounts]
    pq.write_table(earlier, tmp_path / "part-00000.parquet")
    with pytest.raises(LoadError, match=r"column projects\.n_parts: is missing"):
        read_parquet(tmp_path / "part-00000.parquet")


def test_a_batch_of_another_layout_is_made_again_from_its_json(tmp_path: Path) -> None:
    """A batch written by a version whose rules derived other columns (no layout key, or another layout) reads: its
    columns are made again from its json, not compared, so the findings are this version's; the same edit to a batch
    of this layout is refused, naming the column (issue 12 F9)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from budgetkit.checks.batch import LAYOUT, LAYOUT_KEY
    from budgetkit.errors import LoadError

    accounts = _accounts()
    [path] = write_parquet(Batch.from_accounts(accounts), tmp_path / "now")
    stored = pq.read_table(path)
    assert stored.schema.metadata[LAYOUT_KEY] == LAYOUT
    at = stored.column_names.index("compares.kind")
    fewer = pa.array([row[:-1] for row in stored.column(at).to_pylist()], type=stored.schema.field(at).type)
    edited = stored.set_column(at, "compares.kind", fewer)  # the comparisons an earlier version did not make
    for metadata in (None, {LAYOUT_KEY: b"1"}, {LAYOUT_KEY: b"2"}, {LAYOUT_KEY: b"3"}, {LAYOUT_KEY: b"4"}, {LAYOUT_KEY: b"5"}):
        older = tmp_path / f"older-{metadata is None}.parquet"
        pq.write_table(edited.replace_schema_metadata(metadata), older)
        back = read_parquet(older)
        assert [back.account(k) for k in range(len(back))] == accounts
        assert check_batch(back) == [check(a) for a in accounts]
    pq.write_table(edited, tmp_path / "edited.parquet")
    with pytest.raises(LoadError, match=r"column compares\.kind"):
        read_parquet(tmp_path / "edited.parquet")
