"""Tests for budgetkit.outputs.table: exact decimal pandas / Arrow tables and their Parquet round trip."""

from __future__ import annotations

import sys
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from budgetkit.datasets import load
from budgetkit.datasets.synthetic import generate
from budgetkit.errors import BudgetkitError, InvalidNumberError
from budgetkit.model.account import FinalAccount
from budgetkit.model.category import ExpenseCategory
from budgetkit.model.indicator import PerformanceIndicator
from budgetkit.outputs.table import (
    FIGURE_LABELS,
    TABLES,
    MissingExtraError,
    TableError,
    compare,
    decimal_type,
    published_figures,
    read_parquet,
    to_arrow,
    to_frame,
    write_excel,
    write_parquet,
)


@pytest.fixture(scope="module")
def seed() -> FinalAccount:
    """The built-in dataset (the seed report)."""
    return load("zigong-hr-2023")


def _row(frame: Any, column: str, value: str) -> Any:
    rows = frame[frame[column] == value]
    assert len(rows) == 1, f"{value!r} is in {len(rows)} rows"
    return rows.iloc[0]


def _decimal_columns(frame: Any) -> list[str]:
    return [c for c in frame.columns if pa.types.is_decimal(frame[c].dtype.pyarrow_dtype)]


# -- columns and types ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "columns", "money"),
    [
        ("figures", ["path", "label", "current", "previous", "budget"], ["current", "previous", "budget"]),
        (
            "categories",
            ["code", "name", "level", "path", "actual", "budget", "basic", "project"],
            ["actual", "budget", "basic", "project"],
        ),
        (
            "projects",
            ["code", "name", "kind", "initial", "adjusted", "executed", "execution_rate_percent"],
            ["initial", "adjusted", "executed", "execution_rate_percent"],
        ),
        (
            "indicators",
            [
                "project_code",
                "project_name",
                "level1",
                "level2",
                "level3",
                "operator",
                "target",
                "unit",
                "actual",
                "weight",
                "stated_score",
                "rule_score",
                "matches",
            ],
            ["weight", "stated_score", "rule_score"],
        ),
    ],
)
def test_seed_frames_have_the_documented_columns_and_exact_decimal_dtypes(
    seed: FinalAccount, table: str, columns: list[str], money: list[str]
) -> None:
    """Each table has its columns in order; number columns are Arrow decimal128 sized to the seed (12 digits), text is string, none float."""
    frame = to_frame(seed, table)  # type: ignore[arg-type]
    assert list(frame.columns) == columns
    assert _decimal_columns(frame) == money
    for column in money:
        assert frame[column].dtype == pd.ArrowDtype(frame[column].dtype.pyarrow_dtype)
        assert frame[column].dtype.pyarrow_dtype.precision == 12
    for column in frame.columns:
        assert not pd.api.types.is_float_dtype(frame[column].dtype), column
        if column not in money and column != "matches":
            assert pd.api.types.is_string_dtype(frame[column].dtype), column


def test_category_frame_holds_the_seed_lines_exactly(seed: FinalAccount) -> None:
    """事业运行 is a 项 of 426.43 under its 类 and 款; the 类 line of 980 keeps its amount."""
    lines = to_frame(seed, "categories")
    item = _row(lines, "name", "事业运行")
    assert item["actual"] == Decimal("426.43") and isinstance(item["actual"], Decimal)
    assert item["level"] == "项"
    assert item["path"] == "社会保障和就业支出 / 人力资源和社会保障管理事务 / 事业运行"
    assert _row(lines, "name", "社会保障和就业支出")["actual"] == Decimal("980")
    assert len(lines) == len(list(seed.general_budget.lines()))
    assert str(lines["actual"].dtype) == "decimal128(12, 2)[pyarrow]"


def test_figure_frame_lists_printed_figures_with_labels(seed: FinalAccount) -> None:
    """收入总计 has this and last year's amounts; figures the report does not print are left out, not 0."""
    figures = to_frame(seed)
    total = _row(figures, "path", "income.total")
    assert (total["label"], total["current"], total["previous"]) == ("收入总计", Decimal("1054.90"), Decimal("988.88"))
    assert pd.isna(total["budget"])
    assert "income.non_fiscal_balance_used" not in set(figures["path"])
    assert _row(figures, "path", "three_public.reception")["current"] == Decimal("0.8")


def test_every_figure_the_seed_compares_with_last_year_has_its_previous(seed: FinalAccount) -> None:
    """The seed prints last year for the four totals and (as changes) the 三公 lines: eight rows have one."""
    figures = to_frame(seed).set_index("path")
    previous = figures["previous"].dropna().to_dict()
    assert previous == {
        "income.total": Decimal("988.88"),
        "expenditure.total": Decimal("988.88"),
        "fiscal.total": Decimal("954.70"),
        "general_budget.total": Decimal("954.70"),
        "three_public.total": Decimal("2.22"),
        "three_public.outbound": Decimal("0"),
        "three_public.vehicle": Decimal("1.93"),
        "three_public.reception": Decimal("0.29"),
    }
    # The changes and growth rates the text prints follow from them.
    change = figures["current"].bk.change(figures["previous"])
    growth = figures["current"].bk.growth(figures["previous"])
    assert (change["three_public.total"], growth["three_public.total"]) == (Decimal("0.58"), Decimal("26.13"))
    assert (change["three_public.vehicle"], growth["three_public.vehicle"]) == (Decimal("0.07"), Decimal("3.63"))
    assert (change["three_public.reception"], growth["three_public.reception"]) == (Decimal("0.51"), Decimal("175.86"))


def test_project_frame_gives_the_total_line_and_execution_rate(seed: FinalAccount) -> None:
    """A project row holds its 总额 line and its 预算执行率 in percent to two places; a missing code is <NA>."""
    projects = to_frame(seed.projects)
    archive = _row(projects, "name", "市人力资源服务中心档案专项")
    assert pd.isna(archive["code"])
    assert (archive["initial"], archive["adjusted"], archive["executed"]) == (
        Decimal("12.00"),
        Decimal("11.30"),
        Decimal("11.30"),
    )
    assert archive["execution_rate_percent"] == Decimal("100.00")
    assert len(projects) == len(seed.projects)


def test_indicator_frame_puts_rule_scores_beside_stated_ones(seed: FinalAccount) -> None:
    """档案增长量 has rule score 11.47 beside its stated 11 (agreeing at integer precision); 修建电梯 disagrees."""
    indicators = to_frame(seed, "indicators")
    growth = _row(indicators, "level3", "档案增长量")
    assert (growth["stated_score"], growth["rule_score"], growth["matches"]) == (Decimal("11"), Decimal("11.47"), True)
    assert pd.isna(growth["project_code"]) and growth["project_name"] == "市人力资源服务中心档案专项"
    elevator = _row(indicators, "level3", "修建电梯基础设施")
    assert (elevator["project_code"], elevator["matches"]) == ("51030022T000000326059", False)
    qualitative = _row(indicators, "level3", "群众获得感、幸福感")
    assert pd.isna(qualitative["rule_score"]) and qualitative["actual"] == "好"
    assert len(indicators) == sum(len(p.indicators) for p in seed.projects)


def test_chinese_labels_name_the_same_columns(seed: FinalAccount) -> None:
    """labels="zh" gives the report's headings for the same data."""
    english, chinese = to_frame(seed, "categories"), to_frame(seed, "categories", labels="zh")
    assert list(chinese.columns) == [
        "科目编码",
        "科目名称",
        "级次",
        "科目路径",
        "决算数",
        "预算数",
        "基本支出",
        "项目支出",
    ]
    assert chinese.set_axis(english.columns, axis=1).equals(english)


def test_single_objects_and_sequences_pick_their_table(seed: FinalAccount) -> None:
    """A project, an indicator and a category line each give their own table; projects also give indicators."""
    project = seed.project("市人力资源服务中心档案专项")
    assert list(to_frame(project)["name"]) == [project.name]
    assert list(to_frame(project, "indicators")["level3"]) == [i.level3 for i in project.indicators]
    alone = to_frame(project.indicators[0])
    assert pd.isna(alone["project_name"].iloc[0]) and alone["rule_score"].iloc[0] == Decimal("11.47")
    social = seed.general_budget.categories[4]
    assert len(to_frame(social)) == len(list(social.walk())) == 9


def test_empty_sequence_needs_a_table_and_then_has_its_schema() -> None:
    """An empty sequence says which argument is missing; with table= it is an empty, typed frame."""
    with pytest.raises(TableError, match="table="):
        to_frame([])
    empty = to_frame([], "projects")
    assert len(empty) == 0
    assert str(empty["executed"].dtype) == "decimal128(12, 2)[pyarrow]"


@pytest.mark.parametrize(
    ("obj", "table", "message"),
    [
        ("事业运行", None, "cannot tabulate a str"),
        ([1, 2], None, "sequence of int"),
        (None, None, "NoneType"),
        ([ExpenseCategory(level="类", name="教育支出")], "projects", "no 'projects' table"),
        ([ExpenseCategory(level="类", name="教育支出")], "budgets", "unknown table 'budgets'"),
    ],
)
def test_what_cannot_be_tabulated_is_a_table_error(obj: object, table: str | None, message: str) -> None:
    """Other objects, mixed sequences and unknown table names raise TableError (a TypeError)."""
    with pytest.raises(TableError, match=message) as info:
        to_arrow(obj, table)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError) and isinstance(info.value, BudgetkitError)


def test_every_figure_of_the_model_has_a_chinese_label(seed: FinalAccount) -> None:
    """Each Figure field reachable from FinalAccount has a label, so a new figure cannot go unnamed."""
    everything = published_figures(seed, blank=True)
    assert [f.path for f in everything if f.label == f.path] == []
    assert {f.path for f in everything} == set(FIGURE_LABELS)


# -- scale and printed places -----------------------------------------------------------------


def test_scale_is_the_most_places_in_the_column() -> None:
    """A column's scale holds its most precise value exactly (0.059979 万元 = 599.79 元 needs six)."""
    lines = [
        ExpenseCategory(level="类", name="a", actual="0.059979"),
        ExpenseCategory(level="类", name="b", actual="1054.9"),
    ]
    frame = to_frame(lines)
    assert frame["actual"].dtype.pyarrow_dtype == pa.decimal128(13, 6)  # 4 + 6 digits and 3 of headroom
    assert list(frame["actual"]) == [Decimal("0.059979"), Decimal("1054.9")]
    assert frame["budget"].dtype.pyarrow_dtype == pa.decimal128(12, 2)  # nothing to choose from


def test_values_beyond_38_digits_fall_back_to_decimal256() -> None:
    """30 integer digits beside 12 places need 42 digits: the column becomes decimal256(45, 12), still exact."""
    big, fine = "9" * 30, "0." + "0" * 11 + "1"
    assert decimal_type([Decimal(big), Decimal(fine)]) == pa.decimal256(45, 12)
    frame = to_frame(
        [ExpenseCategory(level="类", name="a", actual=big), ExpenseCategory(level="类", name="b", actual=fine)]
    )
    assert list(frame["actual"]) == [Decimal(big), Decimal(fine)]


def test_decimal_type_refuses_what_even_decimal256_cannot_hold() -> None:
    """More than 76 digits at the column's scale is an InvalidNumberError, not a silent rounding."""
    with pytest.raises(InvalidNumberError, match="76 digits"):
        decimal_type([Decimal("9" * 70), Decimal("0." + "0" * 10 + "1")])


def test_places_columns_keep_the_printed_digits(seed: FinalAccount) -> None:
    """0.8 widens to 0.80 in a two-place column, and its _places column (1) gives back the printed 0.8."""
    figures = to_frame(seed, places=True)
    assert list(figures.columns[:4]) == ["path", "label", "current", "current_places"]
    reception = _row(figures, "path", "three_public.reception")
    assert str(reception["current"]) == "0.80" and reception["current_places"] == 1
    printed = reception["current"].quantize(Decimal(1).scaleb(-int(reception["current_places"])))
    assert str(printed) == "0.8"
    assert list(to_frame(seed, labels="zh", places=True).columns[2:4]) == ["本年数", "本年数小数位数"]


# -- Arrow and Parquet ------------------------------------------------------------------------


def test_arrow_table_has_the_frame_schema(seed: FinalAccount) -> None:
    """to_arrow gives the same columns and types as to_frame, with the table named in the metadata."""
    table = to_arrow(seed, "projects")
    assert isinstance(table, pa.Table)
    assert table.schema.field("executed").type == pa.decimal128(12, 2)
    assert table.schema.metadata[b"budgetkit.outputs.table"] == b"projects"
    assert table.to_pandas(types_mapper=pd.ArrowDtype).equals(to_frame(seed, "projects"))


@pytest.mark.parametrize("table", TABLES)
def test_parquet_round_trip_gives_the_same_frame(seed: FinalAccount, tmp_path: Path, table: str) -> None:
    """read_parquet(write_parquet(x)) equals to_frame(x): same columns, dtypes and Decimal values."""
    path = write_parquet(seed, tmp_path / f"{table}.parquet", table, places=True)  # type: ignore[arg-type]
    back, expected = read_parquet(path), to_frame(seed, table, places=True)  # type: ignore[arg-type]
    assert back.equals(expected)
    assert list(back.dtypes) == list(expected.dtypes)
    for column in _decimal_columns(back):
        assert all(a is pd.NA or type(a) is Decimal for a in back[column])


@settings(max_examples=15, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_parquet_round_trip_of_synthetic_accounts(seed_number: int) -> None:
    """Every table of a synthetic account survives Parquet with the same Decimal values."""
    account = generate(seed_number)
    with tempfile.TemporaryDirectory() as directory:
        for table in TABLES:
            path = write_parquet(account, Path(directory) / f"{table}.parquet", table, labels="zh")
            assert read_parquet(path).equals(to_frame(account, table, labels="zh"))


# -- optional dependencies --------------------------------------------------------------------


def test_missing_pandas_names_the_pandas_extra(seed: FinalAccount, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas, to_frame raises MissingExtraError (an ImportError) naming budgetkit[pandas]."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'budgetkit\[pandas\]'") as info:
        to_frame(seed)
    assert isinstance(info.value, ImportError) and isinstance(info.value, BudgetkitError)
    assert (info.value.package, info.value.extra, info.value.name) == ("pandas", "pandas", "pandas")


def test_missing_pyarrow_names_the_arrow_extra(seed: FinalAccount, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pyarrow, to_arrow and write_parquet name budgetkit[arrow]; to_frame names budgetkit[pandas]."""
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(MissingExtraError, match=r"budgetkit\[arrow\]"):
        to_arrow(seed)
    with pytest.raises(MissingExtraError, match=r"budgetkit\[arrow\]"):
        write_parquet(seed, "unused.parquet")
    with pytest.raises(MissingExtraError, match=r"budgetkit\[pandas\]"):
        to_frame(seed)


def test_indicators_alone_have_no_project(seed: FinalAccount) -> None:
    """A sequence of bare indicators gives rows whose project columns are <NA>."""
    rows = to_frame(
        [
            PerformanceIndicator(
                level1="产出指标", level2="数量指标", level3="x", operator="≥", target="4", weight="10", actual="3"
            )
        ]
    )
    assert pd.isna(rows["project_code"].iloc[0]) and rows["rule_score"].iloc[0] == Decimal("7.50")
    assert pd.isna(rows["stated_score"].iloc[0]) and pd.isna(rows["matches"].iloc[0])


# -- arithmetic on the columns ----------------------------------------------------------------


def test_analyst_arithmetic_on_seed_columns_stays_exact_and_in_range(seed: FinalAccount) -> None:
    """+, −, × and ÷ between money columns, by scalars and by sums no longer overflow Arrow's 38 digits."""
    figures = to_frame(seed, "figures").set_index("path")
    projects = to_frame(seed, "projects")
    lines = to_frame(seed, "categories")
    change = figures["current"] - figures["previous"]
    assert change["income.total"] == Decimal("66.02")
    assert (projects["executed"] + projects["adjusted"]).iloc[0] == 2 * projects["executed"].iloc[0]
    rate = (projects["executed"] / projects["adjusted"] * Decimal(100)).iloc[0]
    assert rate == Decimal(100)
    assert (figures["current"] * 2)["income.total"] == Decimal("2109.80")
    assert (figures["current"] * Decimal("10000"))["income.total"] == Decimal("10549000")  # 万元 → 元
    assert (figures["current"] / 3)["income.total"].quantize(Decimal("0.01")) == Decimal("351.63")
    share = lines["actual"] / lines["actual"].sum()
    assert share.sum().quantize(Decimal("0.000001")) == Decimal(1)  # Arrow truncates: 0.9999995 before rounding
    totals = figures.loc[["income.total", "fiscal.total"]]
    growth = (totals["current"] - totals["previous"]) / totals["previous"] * Decimal(100)
    assert growth["income.total"].quantize(Decimal("0.01")) == Decimal("6.68")
    # Arrow raises on a zero base (因公出国（境）费 was 0 last year); .bk.growth makes it <NA>, 不可比.
    assert figures["current"].bk.growth(figures["previous"]).isna()["three_public.outbound"]


def test_frames_of_two_accounts_of_similar_size_stack_with_one_type(seed: FinalAccount) -> None:
    """The precision floor gives two accounts' frames one decimal type, so pd.concat keeps it exact."""
    other = generate(7)
    stacked = pd.concat([to_frame(seed, "projects"), to_frame(other, "projects")])
    assert str(stacked["executed"].dtype).startswith("decimal128(")


# -- two years --------------------------------------------------------------------------------


def _last_year(seed: FinalAccount) -> FinalAccount:
    """A 2022 account with some of the seed's lines: a restated total, a class of its own, one project."""
    from budgetkit.model.account import Figure, GeneralBudget, Income

    return FinalAccount(
        unit=seed.unit,
        year=2022,
        unit_type=seed.unit_type,
        income=Income(total=Figure("988.80")),  # the 2023 report prints 988.88 for it
        general_budget=GeneralBudget(
            total=Figure("954.70"),
            categories=(
                ExpenseCategory(level="类", name="社会保障和就业支出", actual="900.00"),
                ExpenseCategory(level="类", name="医疗卫生与计划生育支出", actual="17.00"),
            ),
        ),
        projects=(attrs.evolve(seed.projects[5], code=None),),
    )


def test_compare_lines_up_figures_and_keeps_the_printed_comparative(seed: FinalAccount) -> None:
    """previous is last year's account; stated_previous what this year's report prints, so a restatement shows."""
    both = compare(seed, _last_year(seed)).set_index("path")
    row = both.loc["income.total"]
    assert (row["current"], row["previous"], row["stated_previous"]) == (
        Decimal("1054.90"),
        Decimal("988.80"),
        Decimal("988.88"),
    )
    assert pd.isna(both.loc["expenditure.total", "previous"])  # not in the 2022 account: blank, not 0
    assert both.attrs["years"] == (2023, 2022)


def test_compare_lines_up_categories_by_name_path_and_keeps_unmatched_lines(seed: FinalAccount) -> None:
    """A 类 of both years shares a row; a 类 of one year only has a blank on the other side."""
    lines = compare(seed, _last_year(seed), "categories")
    social = _row(lines, "path", "社会保障和就业支出")
    assert (social["current"], social["previous"]) == (Decimal("980"), Decimal("900.00"))
    old_name = _row(lines, "path", "医疗卫生与计划生育支出")
    assert pd.isna(old_name["current"]) and old_name["previous"] == Decimal("17.00")
    assert pd.isna(_row(lines, "path", "卫生健康支出")["previous"])
    assert len(lines) == len(list(seed.general_budget.lines())) + 1


def test_compare_lines_up_projects_by_code_then_name(seed: FinalAccount) -> None:
    """A project is matched by name when last year's has no code; its 预算执行数 of both years sit side by side."""
    projects = compare(seed, _last_year(seed), "projects", labels="zh")
    row = _row(projects, "项目名称", seed.projects[5].name)
    assert row["本年预算执行数"] == row["上年预算执行数"] == Decimal("268.36")
    assert projects["上年预算执行数"].notna().sum() == 1


@pytest.mark.parametrize(
    ("previous_year", "table", "message"),
    [(2023, "figures", "not a year before"), (2022, "budgets", "no table 'budgets'")],
)
def test_compare_refuses_the_same_year_and_unknown_tables(
    seed: FinalAccount, previous_year: int, table: str, message: str
) -> None:
    """Comparing a year with itself, or an unknown table, is a TableError."""
    with pytest.raises(TableError, match=message):
        compare(seed, attrs.evolve(seed, year=previous_year), table)  # type: ignore[arg-type]


# -- Excel ------------------------------------------------------------------------------------


def test_excel_workbook_holds_every_table_with_printed_places(seed: FinalAccount, tmp_path: Path) -> None:
    """Each table is a sheet; money cells are numbers formatted to their column's places; blanks are empty."""
    from openpyxl import load_workbook

    book = load_workbook(write_excel(seed, tmp_path / "seed.xlsx", labels="en"))
    assert book.sheetnames == list(TABLES)
    sheet = book["figures"]
    header = [c.value for c in sheet[1]]
    assert header == ["path", "label", "current", "previous", "budget"]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert str(rows["income.total"][2]) == "1054.9" and str(rows["three_public.total"][3]) == "2.22"
    assert rows["income.total"][4] is None
    assert sheet["C2"].number_format == "#,##0.00"
    assert len(rows) == len(to_frame(seed))


def test_excel_keeps_long_values_whole_as_text(tmp_path: Path) -> None:
    """A value of more than 15 significant digits is written as text rather than rounded by Excel."""
    from openpyxl import load_workbook

    long = "1234567890.123456"
    path = write_excel([ExpenseCategory(level="类", name="a", actual=long)], tmp_path / "long.xlsx")
    sheet = load_workbook(path)["功能分类"]
    assert sheet["E2"].value == long


def test_excel_takes_a_mapping_of_frames(seed: FinalAccount, tmp_path: Path) -> None:
    """Frames from compare() or the accessor are written under the given sheet names."""
    from openpyxl import load_workbook

    both = compare(seed, _last_year(seed))
    book = load_workbook(write_excel({"两年对比": both}, tmp_path / "two.xlsx"))
    assert book.sheetnames == ["两年对比"]


def test_missing_openpyxl_names_the_excel_extra(
    seed: FinalAccount, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without openpyxl, write_excel raises MissingExtraError naming the excel extra."""
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(MissingExtraError, match=r"budgetkit\[excel\]"):
        write_excel(seed, tmp_path / "x.xlsx")
