"""Tests for budgetkit.outputs.fdp: the Fiscal Data Package written from an account and read back exactly."""

from __future__ import annotations

import csv
import json
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from budgetkit.datasets import load
from budgetkit.datasets.synthetic import generate
from budgetkit.errors import LoadError
from budgetkit.model.account import Figure, FinalAccount
from budgetkit.outputs.fdp import (
    CURRENCY,
    DESCRIPTOR,
    FACTOR,
    RESOURCES,
    fiscal_rows,
    read_fiscal_data_package,
    write_fiscal_data_package,
)


@pytest.fixture(scope="module")
def seed() -> FinalAccount:
    """The built-in dataset (the seed report)."""
    return load("zigong-hr-2023")


@pytest.fixture
def package(seed: FinalAccount, tmp_path: Path) -> Path:
    """The seed written as a package into a fresh directory."""
    return write_fiscal_data_package(seed, tmp_path / "package").parent


def _descriptor(directory: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((directory / DESCRIPTOR).read_text(encoding="utf-8"))
    return loaded


def _csv(directory: Path, resource: str) -> list[dict[str, str]]:
    with (directory / f"{resource}.csv").open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_package_files_are_written(seed: FinalAccount, tmp_path: Path) -> None:
    """The directory is created and holds datapackage.json and one CSV per resource; the descriptor path is returned."""
    descriptor = write_fiscal_data_package(seed, tmp_path / "new" / "dir")
    assert descriptor == tmp_path / "new" / "dir" / DESCRIPTOR
    assert sorted(p.name for p in descriptor.parent.iterdir()) == sorted([DESCRIPTOR, *(f"{r}.csv" for r in RESOURCES)])
    assert [r["path"] for r in _descriptor(descriptor.parent)["resources"]] == [f"{r}.csv" for r in RESOURCES]


def test_round_trip_gives_the_rows_back_as_decimals(seed: FinalAccount, package: Path) -> None:
    """Reading the package gives fiscal_rows(account) again, amounts as exact Decimals and blanks as None."""
    rows = read_fiscal_data_package(package)
    assert rows == fiscal_rows(seed)
    item = next(r for r in rows["general-budget-lines"] if r["name"] == "事业运行")
    assert type(item["actual"]) is Decimal and str(item["actual"]) == "426.43"
    assert item["code"] is None and str(item["budget"]) == "426.43" and item["year"] == 2023
    archive = next(r for r in rows["projects"] if r["project_name"] == "市人力资源服务中心档案专项")
    assert (archive["project_code"], archive["initial"], archive["executed"]) == (
        None,
        Decimal("12.00"),
        Decimal("11.30"),
    )


def test_reading_the_descriptor_path_works_too(package: Path) -> None:
    """read_fiscal_data_package accepts the datapackage.json path as well as its directory."""
    assert read_fiscal_data_package(package / DESCRIPTOR) == read_fiscal_data_package(package)


def test_csv_keeps_the_printed_digits(package: Path) -> None:
    """Amounts are plain decimal strings as printed: 0.8 stays 0.8, 980 stays 980, 12.00 stays 12.00."""
    summary = {(r["year"], r["item"]): r for r in _csv(package, "income-expenditure")}
    assert summary[("2023", "three_public.reception")]["expenditure"] == "0.8"
    assert summary[("2022", "income.total")]["revenue"] == "988.88"
    lines = {r["name"]: r for r in _csv(package, "general-budget-lines")}
    assert lines["社会保障和就业支出"]["actual"] == "980"
    assert lines["人力资源和社会保障管理事务"]["actual"] == ""  # not printed: blank, not 0
    assert _csv(package, "projects")[3]["initial"] == "12.00"
    text = "".join((package / f"{r}.csv").read_text(encoding="utf-8") for r in RESOURCES)
    assert "E+" not in text and "E-" not in text and "e-" not in text


def test_every_measure_is_cny_in_units_of_ten_thousand(package: Path) -> None:
    """Each measure names its source and resource, currency CNY and factor 10000 (amounts are 万元)."""
    descriptor = _descriptor(package)
    fields = {r["name"]: {f["name"] for f in r["schema"]["fields"]} for r in descriptor["resources"]}
    measures = descriptor["model"]["measures"]
    assert len(measures) == 11
    for measure in measures.values():
        assert (measure["currency"], measure["factor"]) == (CURRENCY, FACTOR) == ("CNY", 10000)
        assert measure["source"] in fields[measure["resource"]]


@pytest.mark.parametrize(
    ("measure", "direction", "phase"),
    [
        ("income-expenditure-revenue", "revenue", "executed"),
        ("income-expenditure-expenditure", "expenditure", "executed"),
        ("income-expenditure-expenditure-budget", "expenditure", "adjusted"),
        ("general-budget-lines-actual", "expenditure", "executed"),
        ("general-budget-lines-budget", "expenditure", "adjusted"),
        ("projects-initial", "expenditure", "approved"),
        ("projects-adjusted", "expenditure", "adjusted"),
        ("projects-executed", "expenditure", "executed"),
    ],
)
def test_measures_carry_direction_and_budget_phase(package: Path, measure: str, direction: str, phase: str) -> None:
    """年初预算 is approved, 调整后预算 and 预算数 adjusted, 决算/执行数 executed; income is revenue."""
    described = _descriptor(package)["model"]["measures"][measure]
    assert (described["direction"], described["phase"]) == (direction, phase)


def test_dimensions_describe_classification_project_and_year(package: Path) -> None:
    """The functional classification has code/name/level; projects are an activity; each resource has a year."""
    dimensions = _descriptor(package)["model"]["dimensions"]
    functional = dimensions["functional-classification"]
    assert (functional["dimensionType"], functional["classificationType"]) == ("classification", "functional")
    assert {"code", "name", "level"} <= set(functional["attributes"])
    assert functional["attributes"]["name"]["labelfor"] == "code"
    project = dimensions["project"]
    assert project["dimensionType"] == "activity" and project["attributes"]["id"]["source"] == "project_code"
    years = [d for d in dimensions.values() if d["dimensionType"] == "datetime"]
    assert sorted(d["attributes"]["year"]["resource"] for d in years) == sorted(RESOURCES)


def test_package_metadata_names_the_unit_and_fiscal_year(seed: FinalAccount, package: Path) -> None:
    """The descriptor is a fiscal, tabular package for calendar 2023 of the seed's unit."""
    descriptor = _descriptor(package)
    assert descriptor["profiles"] == {"fiscal": "*", "tabular": "*"}
    assert descriptor["fiscalPeriod"] == {"start": "2023-01-01", "end": "2023-12-31"}
    assert descriptor["title"] == "自贡市人力资源服务中心2023年度决算"
    assert descriptor["name"] == "budgetkit-final-account-2023"


def test_summary_has_last_year_and_both_sides_of_fiscal_total(seed: FinalAccount) -> None:
    """Comparatives become rows of the previous year; income is revenue, 财政拨款收、支总计 is on both sides."""
    summary = {(r["year"], r["item"]): r for r in fiscal_rows(seed)["income-expenditure"]}
    assert summary[(2022, "income.total")]["revenue"] == Decimal("988.88")
    assert summary[(2023, "income.total")]["expenditure"] is None
    assert summary[(2023, "expenditure.basic")]["revenue"] is None
    fiscal = summary[(2023, "fiscal.total")]
    assert fiscal["revenue"] == fiscal["expenditure"] == Decimal("1025.98")
    assert (2022, "expenditure.basic") not in summary  # no comparative printed


def test_read_reports_every_problem_with_its_place(package: Path) -> None:
    """Two bad cells and a missing file are reported together, each with resource, line and column."""
    path = package / "projects.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("40.88", "4O.88")
    lines[2] = lines[2].replace("2023", "二〇二三", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (package / "general-budget-lines.csv").unlink()
    with pytest.raises(LoadError) as info:
        read_fiscal_data_package(package)
    places = [issue.path for issue in info.value.issues]
    assert places == ["general-budget-lines", "projects:2.initial", "projects:3.year"]


def test_a_directory_without_descriptor_is_a_load_error(tmp_path: Path) -> None:
    """A directory with no datapackage.json raises LoadError naming the file."""
    with pytest.raises(LoadError, match=DESCRIPTOR):
        read_fiscal_data_package(tmp_path)


def test_a_header_that_is_not_the_schema_is_reported(package: Path) -> None:
    """A CSV whose header differs from the schema's fields is refused, not misread."""
    path = package / "projects.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("initial,adjusted", "adjusted,initial", 1), encoding="utf-8")
    with pytest.raises(LoadError, match="not the schema's fields"):
        read_fiscal_data_package(package)


@settings(max_examples=15, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_round_trip_of_synthetic_accounts(seed_number: int) -> None:
    """Any synthetic account's package reads back digit for digit."""
    account = generate(seed_number)
    with tempfile.TemporaryDirectory() as directory:
        write_fiscal_data_package(account, directory)
        back = read_fiscal_data_package(directory)
    expected = fiscal_rows(account)
    assert back == expected
    shown = [str(v) for rows in back.values() for row in rows for v in row.values() if type(v) is Decimal]
    assert shown == [str(v) for rows in expected.values() for row in rows for v in row.values() if type(v) is Decimal]


def test_a_fiscal_expenditure_total_printed_apart_takes_the_expenditure_side(seed: FinalAccount) -> None:
    """Where 四 prints its 支出总计 apart (and its balances), 收入总计 is revenue alone and each total on its side."""
    total = seed.fiscal.total.current
    assert total is not None
    fiscal = attrs.evolve(
        seed.fiscal, opening=Figure("0"), closing=Figure("0"), expenditure=Figure(total), expenditure_total=Figure(total)
    )
    summary = {(r["year"], r["item"]): r for r in fiscal_rows(attrs.evolve(seed, fiscal=fiscal))["income-expenditure"]}
    sides = {item: (r["revenue"], r["expenditure"]) for (year, item), r in summary.items() if year == 2023}
    assert sides["fiscal.total"] == (total.amount, None)
    assert sides["fiscal.expenditure_total"] == sides["fiscal.expenditure"] == (None, total.amount)
    assert sides["fiscal.opening"] == (Decimal("0"), None) and sides["fiscal.closing"] == (None, Decimal("0"))
