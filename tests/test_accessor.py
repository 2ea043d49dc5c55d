"""Tests for budgetkit.outputs.accessor: the exact, half-up ``.bk`` pandas accessor."""

from __future__ import annotations

import statistics
from decimal import Decimal
from fractions import Fraction
from itertools import accumulate
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from budgetkit.datasets import load
from budgetkit.errors import BudgetkitError
from budgetkit.outputs.accessor import ColumnTypeError, register
from budgetkit.outputs.table import to_frame
from budgetkit.values.numbers import round_half_up
from budgetkit.values.ratio import Ratio

register()

amounts = st.decimals(min_value=Decimal("-99999.99"), max_value=Decimal("99999.99"), places=2)
maybe_amounts = st.one_of(st.none(), amounts)


def column(values: list[Decimal | None], scale: int = 2) -> Any:
    return pd.Series(values, dtype=pd.ArrowDtype(pa.decimal128(12, scale)))


def plain(series: Any) -> list[Decimal | None]:
    return [None if v is pd.NA else v for v in series.tolist()]


# -- rounding ---------------------------------------------------------------------------------


def test_round_half_up_rounds_105_45_to_105_5_where_pandas_gives_105_4() -> None:
    """四舍五入: 105.45 → 105.5 and -105.45 → -105.5, where pandas' round gives 105.4."""
    s = column([Decimal("105.45"), Decimal("-105.45")])
    assert plain(s.round(1)) == [Decimal("105.40"), Decimal("-105.40")]
    rounded = s.bk.round_half_up(1)
    assert plain(rounded) == [Decimal("105.5"), Decimal("-105.5")]
    assert rounded.dtype.pyarrow_dtype.scale == 1


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.one_of(st.none(), st.decimals(min_value=-(10**6), max_value=10**6, places=4)), max_size=12),
    st.integers(min_value=0, max_value=3),
)
def test_round_half_up_is_the_library_rounding_element_by_element(values: list[Decimal | None], places: int) -> None:
    """Each value of the column is rounded exactly as budgetkit.round_half_up rounds it."""
    rounded = plain(column(values, 4).bk.round_half_up(places))
    assert rounded == [None if v is None else round_half_up(v, places) for v in values]


def test_frame_round_half_up_rounds_only_the_exact_columns() -> None:
    """DataFrame.bk.round_half_up rounds decimal columns and leaves text alone."""
    seed = to_frame(load("zigong-hr-2023"), "projects")
    rounded = seed.bk.round_half_up(0)
    assert list(rounded["name"]) == list(seed["name"])
    assert rounded.loc[4, "executed"] == Decimal(105)  # 105.45
    assert seed.loc[4, "executed"] == Decimal("105.45")  # the original is untouched


# -- change, rate, growth, share --------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(maybe_amounts, maybe_amounts), max_size=12))
def test_change_rate_and_growth_agree_with_money_and_ratio(pairs: list[tuple[Decimal | None, Decimal | None]]) -> None:
    """change is a − b exactly; rate and growth are Ratio(…).percent(2), blank where undefined or unknown."""
    a, b = column([p[0] for p in pairs]), column([p[1] for p in pairs])
    both = [(x, y) for x, y in pairs]
    assert plain(a.bk.change(b)) == [None if x is None or y is None else x - y for x, y in both]
    assert plain(a.bk.rate(b)) == [None if x is None or y is None else Ratio(x, y).percent(2) for x, y in both]
    assert plain(a.bk.growth(b)) == [None if x is None or y is None else Ratio(x - y, y).percent(2) for x, y in both]


def test_a_zero_base_is_undefined_not_zero_nor_infinite() -> None:
    """rate and growth against 0 are <NA>: 基数为0，不可比."""
    s = column([Decimal("5"), Decimal("0")])
    zero = column([Decimal("0"), Decimal("0")])
    assert plain(s.bk.rate(zero)) == [None, None]
    assert plain(s.bk.growth(zero)) == [None, None]
    assert plain(zero.bk.share()) == [None, None]


def test_operands_align_on_the_index_and_scalars_apply_to_every_row() -> None:
    """Another column is matched by index like pandas arithmetic; an int or Decimal applies to each row."""
    a = pd.Series(
        [Decimal("2.80"), Decimal("2.00")], index=["total", "vehicle"], dtype=pd.ArrowDtype(pa.decimal128(12, 2))
    )
    b = pd.Series([Decimal("1.93"), Decimal("2.22")], index=["vehicle", "total"], dtype=a.dtype)
    assert a.bk.change(b).to_dict() == {"total": Decimal("0.58"), "vehicle": Decimal("0.07")}
    assert plain(a.bk.change(Decimal("0.80"))) == [Decimal("2.00"), Decimal("1.20")]
    assert plain(a.bk.rate(4)) == [Decimal("70.00"), Decimal("50.00")]
    with pytest.raises(TypeError, match="not float"):
        a.bk.change(0.5)


def test_share_prints_what_the_report_prints_not_a_balanced_100() -> None:
    """The seed's 类 shares are 95.52 / 1.85 / 2.64 as the text prints them (100.01), none nudged."""
    lines = to_frame(load("zigong-hr-2023"), "categories")
    classes = lines[(lines["level"] == "类") & (lines["actual"] > 0)].set_index("name")["actual"]
    assert classes.bk.share().to_dict() == {
        "社会保障和就业支出": Decimal("95.52"),
        "卫生健康支出": Decimal("1.85"),
        "住房保障支出": Decimal("2.64"),
    }


def test_share_leaves_blank_values_out_of_the_sum() -> None:
    """A blank value has no share and adds nothing to the whole."""
    assert plain(column([Decimal("1"), None, Decimal("3")]).bk.share(1)) == [Decimal("25.0"), None, Decimal("75.0")]


# -- cumsum and statistics --------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.lists(amounts, max_size=15))
def test_cumsum_is_the_exact_running_total(values: list[Decimal]) -> None:
    """bk.cumsum equals itertools.accumulate over the Decimals."""
    assert plain(column(list(values)).bk.cumsum()) == list(accumulate(values))


def test_cumsum_skips_blanks_like_pandas() -> None:
    """A blank stays blank in the running total and adds nothing."""
    assert plain(column([Decimal("0.10"), None, Decimal("0.20")]).bk.cumsum()) == [
        Decimal("0.10"),
        None,
        Decimal("0.30"),
    ]


@settings(max_examples=60, deadline=None)
@given(st.lists(amounts, min_size=2, max_size=15), st.integers(min_value=0, max_value=4))
def test_std_is_the_square_root_rounded_half_up_exactly(values: list[Decimal], places: int) -> None:
    """The stated std r satisfies (r − ½ulp)² ≤ variance < (r + ½ulp)², computed with fractions."""
    r = column(list(values)).bk.std(places)
    assert isinstance(r, Decimal)
    variance = statistics.variance([Fraction(v) for v in values])
    half = Fraction(1, 2 * 10**places)
    assert max(Fraction(r) - half, Fraction(0)) ** 2 <= variance < (Fraction(r) + half) ** 2


@settings(max_examples=60, deadline=None)
@given(st.lists(amounts, min_size=1, max_size=15))
def test_describe_gives_exact_count_mean_quartiles_and_extremes(values: list[Decimal]) -> None:
    """describe() rows are exact: count, the mean half-up, pandas' linear quartiles, min and max."""
    summary = column(list(values)).bk.describe().to_dict()
    assert summary["count"] == len(values)
    assert summary["min"] == min(values) and summary["max"] == max(values)
    assert summary["mean"] == round_half_up(Decimal(sum(values)) / len(values), 4)
    if len(values) > 1:
        quartiles = statistics.quantiles([Fraction(v) for v in values], n=4, method="inclusive")
        assert [Fraction(summary[q]) for q in ("25%", "50%", "75%")] == quartiles
    else:
        assert pd.isna(summary["std"])  # one value has no sample deviation


def test_describe_and_std_never_give_a_float() -> None:
    """Where pandas' describe() raises and std() gives a float, .bk gives Decimals in a decimal column."""
    s = column([Decimal("1054.90"), Decimal("988.88")])
    with pytest.raises(Exception, match="Decimal"):
        s.describe()
    assert isinstance(s.std(), float)
    summary = s.bk.describe()
    assert pa.types.is_decimal(summary.dtype.pyarrow_dtype)
    assert summary["std"] == Decimal("46.6832") and s.bk.std(2) == Decimal("46.68")
    assert s.bk.mean() == Decimal("1021.8900")


def test_frame_describe_covers_every_decimal_column() -> None:
    """DataFrame.bk.describe has one column per decimal column and pandas' row names."""
    summary = to_frame(load("zigong-hr-2023"), "projects").bk.describe()
    assert list(summary.columns) == ["initial", "adjusted", "executed", "execution_rate_percent"]
    assert list(summary.index) == ["count", "mean", "std", "min", "25%", "50%", "75%", "max"]
    assert summary.loc["count", "executed"] == 9


# -- errors -----------------------------------------------------------------------------------


def test_a_float_column_is_refused_with_its_name() -> None:
    """A float column cannot be computed with exactly: ColumnTypeError (a TypeError) names it."""
    with pytest.raises(ColumnTypeError, match="column 'x' is float64") as info:
        pd.Series([1.5], name="x").bk.round_half_up(0)
    assert isinstance(info.value, TypeError) and isinstance(info.value, BudgetkitError)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(maybe_amounts, maybe_amounts), max_size=12), st.integers(min_value=0, max_value=4))
def test_the_arrow_path_and_the_decimal_path_give_the_same_values(
    pairs: list[tuple[Decimal | None, Decimal | None]], places: int
) -> None:
    """Sized columns go through Arrow; 38-digit ones (too wide for it) through Decimal: the values agree."""
    a, b = column([p[0] for p in pairs]), column([p[1] for p in pairs])
    wide = pd.ArrowDtype(pa.decimal128(38, 2))
    wa, wb = a.astype(wide), b.astype(wide)
    for name, fast, slow in [
        ("change", a.bk.change(b), wa.bk.change(wb)),
        ("rate", a.bk.rate(b, places), wa.bk.rate(wb, places)),
        ("growth", a.bk.growth(b, places), wa.bk.growth(wb, places)),
        ("share", a.bk.share(places), wa.bk.share(places)),
        ("round", a.bk.round_half_up(min(places, 1)), wa.bk.round_half_up(min(places, 1))),
    ]:
        assert plain(fast) == plain(slow), name


def test_integer_columns_are_exact_too() -> None:
    """An Arrow integer column (counts of persons, batches) takes the Decimal path with the same results."""
    persons = pd.Series([4, 4, 14, None], dtype=pd.ArrowDtype(pa.int64()))
    assert plain(persons.bk.share(1)) == [Decimal("18.2"), Decimal("18.2"), Decimal("63.6"), None]
    assert plain(persons.bk.cumsum()) == [Decimal(4), Decimal(8), Decimal(22), None]


@settings(max_examples=60, deadline=None)
@given(st.lists(maybe_amounts, max_size=15), st.integers(min_value=0, max_value=5))
def test_running_totals_and_statistics_agree_on_slices_and_wide_columns(
    values: list[Decimal | None], start: int
) -> None:
    """cumsum, mean, std and describe read int64 words of a sliced column right, and match the 38-digit path."""
    sliced = column([Decimal("12345.67"), None, *values]).iloc[start:]  # an Arrow array with an offset
    wide = sliced.astype(pd.ArrowDtype(pa.decimal128(38, 2)))  # too wide for int64 words: the Decimal path
    known = [v for v in plain(sliced) if v is not None]
    assert plain(sliced.bk.cumsum()) == plain(wide.bk.cumsum())
    assert [v for v in plain(sliced.bk.cumsum()) if v is not None] == list(accumulate(known))
    assert sliced.bk.mean(3) == wide.bk.mean(3) and sliced.bk.std(3) == wide.bk.std(3)
    assert plain(sliced.bk.describe()) == plain(wide.bk.describe())
