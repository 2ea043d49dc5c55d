"""Checking Parquet partitions on a local Dask cluster gives the same findings as one process.

Skipped when dask or distributed is not installed (the ``dask`` extra).
"""

from __future__ import annotations

import runpy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")

from budgetkit.checks.audit import check  # noqa: E402
from budgetkit.checks.batch import Batch, check_batch, read_parquet, write_parquet  # noqa: E402
from budgetkit.checks.finding import Finding  # noqa: E402
from budgetkit.datasets.synthetic import generate  # noqa: E402

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "dask_check.py"


def _check_partition(path: str) -> list[list[Finding]]:
    return check_batch(read_parquet(path))


def test_partitions_checked_by_dask_workers_give_the_same_findings(tmp_path: Path) -> None:
    """Each Parquet partition checked on a Dask worker gives, in order, each account's own findings."""
    kinds = ("wrong_share", "missing_actual", "template_text", "item_under_wrong_section", "chart_value")
    accounts = [generate(seed, defects=(kinds[seed % 5],) if seed % 4 == 0 else ()) for seed in range(40)]
    paths = write_parquet(Batch.from_accounts(accounts), tmp_path, partition_size=10)
    with distributed.Client(processes=False, n_workers=2, threads_per_worker=1, dashboard_address=None) as client:
        parts = client.gather(client.map(_check_partition, [str(p) for p in paths]))
    assert len(parts) == 4
    assert [findings for part in parts for findings in part] == [check(a) for a in accounts]


def test_the_dask_example_agrees_with_one_process(capsys: pytest.CaptureFixture[str]) -> None:
    """examples/dask_check.py reports the same findings from the cluster as from one process."""
    namespace: dict[str, Any] = runpy.run_path(str(EXAMPLE))
    main: Callable[[list[str]], int] = namespace["main"]
    assert main(["--accounts", "60", "--partition-size", "20", "--threads"]) == 0
    out = capsys.readouterr().out
    assert "60 accounts in 3 Parquet partitions" in out
    assert "the same findings as the single-process check for all 60 accounts" in out
