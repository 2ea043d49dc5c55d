"""Tests for budgetkit.model.project: projects and their money grid (fund source × budget phase)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetkit.errors import FloatRefusedError, ModelError
from budgetkit.model.indicator import PerformanceIndicator
from budgetkit.model.project import FundGrid, FundLine, FundSource, Project, ProjectKind, parse_source
from budgetkit.values.money import Money
from budgetkit.values.ratio import Ratio


def _grid(initial: str | None, adjusted: str | None, executed: str | None) -> FundGrid:
    return FundGrid(lines=[FundLine(source="总额", initial=initial, adjusted=adjusted, executed=executed)])


def _indicator(weight: str, score: str | None) -> PerformanceIndicator:
    return PerformanceIndicator(
        level1="产出指标", level2="数量指标", level3="x", operator="≥", target="1", weight=weight, stated_score=score
    )


# -- kinds and sources -----------------------------------------------------------------------


def test_project_kinds() -> None:
    """The four 项目类别 parse from their printed names; 公用经费 and 其他运转类 are 运转类."""
    assert [ProjectKind(k) for k in ("人员类", "公用经费", "其他运转类", "特定目标类")] == list(ProjectKind)
    assert [k.is_operating for k in ProjectKind] == [False, True, True, False]


def test_unknown_kind_is_refused() -> None:
    """A kind outside the four is refused (a ValueError)."""
    with pytest.raises(ValueError, match="基建类"):
        Project(name="x", kind="基建类")


@pytest.mark.parametrize(
    ("printed", "source"),
    [
        ("总额", FundSource.TOTAL),
        ("合计", FundSource.TOTAL),
        ("其中：财政资金", FundSource.FISCAL),
        ("财政资金", FundSource.FISCAL),
        (" 财政专户管理资金 ", FundSource.SPECIAL_ACCOUNT),
        ("单位资金", FundSource.UNIT),
        ("其他资金", FundSource.OTHER),
        (FundSource.UNIT, FundSource.UNIT),
    ],
)
def test_parse_source_reads_printed_rows(printed: str | FundSource, source: FundSource) -> None:
    """Row headings parse as printed, including 其中：财政资金 and 合计."""
    assert parse_source(printed) is source


def test_unknown_source_is_a_model_error_listing_the_known_ones() -> None:
    """An unknown row heading raises ModelError naming the known sources."""
    with pytest.raises(ModelError) as caught:
        FundLine(source="社会资金")
    assert "unknown fund source '社会资金'" in str(caught.value)
    assert "总额、财政资金、财政专户管理资金、单位资金、其他资金" in str(caught.value)


# -- FundLine ---------------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["initial", "adjusted", "executed", "stated_rate"])
def test_fund_line_refuses_floats(field: str) -> None:
    """Every phase and the stated rate are exact: a float is refused."""
    with pytest.raises(FloatRefusedError):
        FundLine(source="总额", **{field: 33.19})


def test_fund_line_keeps_digits_and_blanks() -> None:
    """Printed places are kept ('0.00', '100.00'); a blank cell is None, not 0."""
    line = FundLine(source="财政专户管理资金", initial="0.00", adjusted="0.00", executed="0.00", stated_rate="0.00")
    assert str(line.executed.amount) == "0.00"  # type: ignore[union-attr]
    assert line.stated_rate == Decimal("0.00") and str(line.stated_rate) == "0.00"
    blank = FundLine(source="其他资金", initial="", adjusted=" ")
    assert (blank.initial, blank.adjusted, blank.executed, blank.stated_rate) == (None, None, None, None)


def test_fund_line_execution_rate() -> None:
    """预算执行率 = executed / adjusted, exactly: 33.19 / 33.19 is 100.00%, 20 / 30 is 66.67%."""
    line = FundLine(source="总额", initial="40.88", adjusted="33.19", executed="33.19")
    assert line.execution_rate.format() == "100.00%"
    assert FundLine(source="总额", adjusted="30", executed="20").execution_rate == Ratio(2, 3)


@pytest.mark.parametrize(
    ("adjusted", "executed"), [(None, "1"), ("1", None), (None, None), ("0.00", "0.00"), ("0", "5")]
)
def test_fund_line_rate_undefined_when_unknown_or_zero(adjusted: str | None, executed: str | None) -> None:
    """With an unknown phase or a zero adjusted budget the rate is undefined, never 0%."""
    rate = FundLine(source="总额", adjusted=adjusted, executed=executed).execution_rate
    assert rate.is_undefined
    assert rate.percent() is None


# -- FundGrid ---------------------------------------------------------------------------------


def test_grid_lookup_total_and_parts() -> None:
    """line() finds a source as printed; total is the 总额 line; parts are the others, in order."""
    grid = FundGrid(
        lines=[
            FundLine(source="总额", adjusted="35.19"),
            FundLine(source="其中：财政资金", adjusted="35.19"),
            FundLine(source="单位资金", adjusted="0.00"),
        ]
    )
    assert grid.total.adjusted == Money("35.19")
    assert grid.line("财政资金") is grid.lines[1]
    assert grid.line(FundSource.UNIT) is grid.lines[2]
    assert grid.line("其他资金") is None
    assert [line.source for line in grid.parts] == [FundSource.FISCAL, FundSource.UNIT]
    assert isinstance(grid.lines, tuple)


def test_grid_without_total_has_an_empty_total() -> None:
    """A grid with no 总额 line gives an empty total whose rate is undefined."""
    grid = FundGrid(lines=[FundLine(source="财政资金", adjusted="1", executed="1")])
    assert grid.total == FundLine(source="总额")
    assert grid.total.execution_rate.is_undefined


@pytest.mark.parametrize(("first", "second"), [("总额", "总额"), ("总额", "合计"), ("财政资金", "其中：财政资金")])
def test_duplicate_fund_sources_are_refused(first: str, second: str) -> None:
    """A source may appear once per grid, whatever spelling the second row uses."""
    with pytest.raises(ModelError) as caught:
        FundGrid(lines=[FundLine(source=first), FundLine(source=second)])
    assert caught.value.path == "lines[1]"
    assert "appears twice" in caught.value.message


# -- Project ----------------------------------------------------------------------------------


def test_label_is_code_or_name() -> None:
    """A project is named by its code, or by its name when the table prints no code."""
    assert Project(code="51030022T000000326059", name="产业园", kind="特定目标类").label == "51030022T000000326059"
    assert Project(name="市人力资源服务中心档案专项", kind="其他运转类").label == "市人力资源服务中心档案专项"


def test_project_execution_rate_is_the_total_lines() -> None:
    """Project.execution_rate is the 总额 line's executed / adjusted."""
    project = Project(name="档案专项", kind="其他运转类", funds=_grid("12.00", "11.30", "11.30"))
    assert project.execution_rate.format() == "100.00%"
    assert Project(name="x", kind="人员类", funds=_grid("10", "8", "6")).execution_rate.format() == "75.00%"
    assert Project(name="x", kind="人员类").execution_rate.is_undefined


@pytest.mark.parametrize(
    ("initial", "adjusted", "adjusted_flag"),
    [
        ("40.88", "33.19", True),
        ("93.00", "105.45", True),
        ("12.00", "12.0", False),
        (None, "35.19", False),
        ("1", None, False),
    ],
)
def test_budget_adjusted(initial: str | None, adjusted: str | None, adjusted_flag: bool) -> None:
    """budget_adjusted is True only when both 年初 and 调整后 are known and differ in value."""
    project = Project(name="x", kind="特定目标类", funds=_grid(initial, adjusted, None))
    assert project.budget_adjusted is adjusted_flag


def test_indicator_weight_sums_the_weights() -> None:
    """indicator_weight adds the rows' 权重 exactly (15+15+15+15+21+9 = 90)."""
    rows = [_indicator(w, w) for w in ("15", "15", "15", "15", "21", "9")]
    assert Project(name="x", kind="特定目标类", indicators=rows).indicator_weight == Decimal("90")
    assert Project(name="x", kind="特定目标类", indicators=[_indicator("0.5", None)] * 3).indicator_weight == Decimal(
        "1.5"
    )
    assert Project(name="x", kind="人员类").indicator_weight == Decimal(0)


def test_stated_indicator_total() -> None:
    """stated_indicator_total adds the 得分 column (11+19+20+22+9 = 81)."""
    rows = [_indicator("20", "11"), _indicator("19", "19"), _indicator("20", "20"), _indicator("22", "22")]
    rows.append(_indicator("9", "9"))
    assert Project(name="档案专项", kind="其他运转类", indicators=rows).stated_indicator_total == Decimal("81")


def test_stated_indicator_total_is_none_when_a_score_is_blank() -> None:
    """One blank 得分 makes the total unknown, not a partial sum."""
    rows = [_indicator("15", "15"), _indicator("15", None)]
    assert Project(name="x", kind="特定目标类", indicators=rows).stated_indicator_total is None


def test_stated_zero_score_counts() -> None:
    """A printed 得分 of 0 is a score, not a blank."""
    rows = [_indicator("8", "0"), _indicator("8", "8")]
    assert Project(name="x", kind="特定目标类", indicators=rows).stated_indicator_total == Decimal("8")


@pytest.mark.parametrize("field", ["execution_weight", "execution_score", "stated_weight_total", "stated_total"])
def test_project_scores_refuse_floats(field: str) -> None:
    """The 预算执行 weight and score and the 合计 row are exact: floats are refused."""
    with pytest.raises(FloatRefusedError):
        Project(name="x", kind="特定目标类", **{field: 10.0})


def test_project_keeps_printed_totals() -> None:
    """The 合计 row is kept as printed (a weight total of 90 stays 90)."""
    project = Project(name="技能人才培养", kind="特定目标类", stated_weight_total="90", stated_total="98")
    assert (project.stated_weight_total, project.stated_total) == (Decimal("90"), Decimal("98"))


@pytest.mark.parametrize("field", ["execution_weight", "stated_weight_total"])
def test_project_negative_weights_are_refused(field: str) -> None:
    """A negative 预算执行 weight or 合计 weight is refused with ModelError, like an indicator's."""
    with pytest.raises(ModelError, match="must not be negative"):
        Project(name="x", kind="特定目标类", **{field: "-10"})
