"""Tests for budgetkit.checks.scoring: rule scores of self-evaluation tables beside the stated ones."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from importlib import resources
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from budgetkit import BudgetkitError, FloatRefusedError, Ratio, round_half_up
from budgetkit.checks.scoring import (
    DEFAULT_RULES,
    QUALITATIVE_WORDS,
    VARIANTS,
    ExecutionVariant,
    IndicatorScore,
    QualitativeBand,
    ReverseFormula,
    ScoringRules,
    execution_score,
    grade,
    load_variants,
    rescale,
    score_indicator,
    score_project,
)
from budgetkit.errors import LoadError, ModelError
from budgetkit.model.indicator import PerformanceIndicator
from budgetkit.model.project import FundGrid, FundLine, Project
from budgetkit.values.numbers import plain

INVERSE = ScoringRules.preset("inverse_template")
HUBEI = ScoringRules.preset("hubei")
JIANGXI = ScoringRules.preset("jiangxi")


def row(
    operator: str,
    target: str,
    actual: str | None,
    weight: str | int | Decimal = 10,
    stated: str | int | None = None,
    *,
    name: str = "指标",
    level1: str = "产出指标",
    level2: str = "数量指标",
    unit: str = "",
) -> PerformanceIndicator:
    """An indicator row with only what scoring looks at."""
    return PerformanceIndicator(
        level1=level1,
        level2=level2,
        level3=name,
        operator=operator,
        target=target,
        unit=unit,
        actual=actual,
        weight=weight,
        stated_score=stated,
    )


def score(
    operator: str,
    target: str,
    actual: str | None,
    weight: str | int = 10,
    stated: str | int | None = None,
    rules: ScoringRules = DEFAULT_RULES,
) -> IndicatorScore:
    """Score a hand-made row."""
    return score_indicator(row(operator, target, actual, weight, stated), rules)


# -- the seed's real rows ---------------------------------------------------------------------------


def test_seed_archive_growth_shortfall_agrees_at_integer_precision() -> None:
    """档案增长量 ≥2700 份, actual 1549, w 20: rule 1549/2700×20 = 11.47…, and the stated 11 agrees at 0 places."""
    s = score_indicator(row("≥", "2700", "1549", 20, 11, name="档案增长量", unit="份"))
    assert s.formula == "positive_ratio"
    assert s.exact is not None and s.exact * 2700 == 1549 * 20
    assert s.rule_rounded(2) == Decimal("11.47")
    assert s.rule_score is not None and str(s.rule_score).startswith("11.474074074")
    assert s.matches is True
    assert s.agrees(2) is False
    assert s.is_met is False
    assert s.explanation == "正向指标：完成值1549 < 指标值2700，得分 = 1549/2700×20 = 11.47"


def test_seed_training_rate_stated_score_is_above_the_rule() -> None:
    """赛前培训完成率 ≥90 %, actual 80, w 15, stated 14: the rule gives 13.33, which 14 does not match."""
    s = score_indicator(row("≥", "90", "80", 15, 14, name="赛前培训完成率", unit="%", level2="质量指标"))
    assert s.rule_rounded(2) == Decimal("13.33")
    assert s.matches is False
    assert s.difference() == Decimal("1")
    assert s.explanation == "正向指标：完成值80 < 指标值90，得分 = 80/90×15 = 13.33"
    assert s.completion == Ratio(8, 9)


def test_seed_elevator_met_target_was_deducted() -> None:
    """修建电梯基础设施 ＝ 2 个, actual 2, w 15, stated 14: the target is met, the rule gives 15."""
    s = score_indicator(row("＝", "2", "2", 15, 14, name="修建电梯基础设施", unit="个"))
    assert s.formula == "equal"
    assert s.rule_score == Decimal(15)
    assert s.is_met is True
    assert s.matches is False
    assert s.difference() == Decimal(-1)


def test_seed_satisfaction_with_blank_actual_has_no_rule_score() -> None:
    """人力资源服务对象满意度 ≥98 % with a blank actual and stated 9: no rule score, agreement unknown."""
    s = score_indicator(row("≥", "98", None, 9, 9, name="人力资源服务对象满意度", unit="%"))
    assert s.formula == "missing_actual"
    assert s.rule_score is None and s.exact is None
    assert s.matches is None
    assert s.is_met is None
    assert s.explanation == "完成值空缺，无法计分"


def test_seed_website_not_built_scores_zero() -> None:
    """产业园网站建设 ≥1 个, actual 0, stated 0: the rule gives 0 and agrees."""
    s = score("≥", "1", "0", 8, 0)
    assert s.rule_score == 0
    assert s.matches is True


def test_seed_qualitative_good_is_top_band() -> None:
    """群众获得感 定性 target 好坏, actual 好, w 20, stated 19: the top band [16, 20] holds 19."""
    s = score("定性", "好坏", "好", 20, 19)
    assert s.formula == "qualitative_band"
    assert s.rule_score is None
    assert s.band == (Decimal(16), Decimal(20))
    assert s.band_name == "达成年度指标"
    assert s.matches is True
    assert s.is_met is True
    assert s.explanation == "定性指标：完成值“好”判为“达成年度指标”，得分应在[16, 20]"


def test_seed_qualitative_actual_equal_to_target_is_top_band() -> None:
    """完成举办技能大赛时间 定性 11月底前 / 11月底前: the actual equals the target, so the top band."""
    s = score("定性", "11月底前", "11月底前", 15, 15)
    assert s.band == (Decimal(12), Decimal(15))
    assert s.matches is True


def test_seed_click_count_in_wan_is_an_overshoot() -> None:
    """人才网站点击量 ≥50 万, actual 79: met, and 158% of the target is past the 130% overshoot line."""
    s = score_indicator(row("≥", "50", "79", 18, 18, unit="万"))
    assert s.formula == "positive_met"
    assert s.overshoot is True
    assert s.matches is True


# -- 正向 ------------------------------------------------------------------------------------------


def test_positive_met_scores_full_weight() -> None:
    """≥ with B ≥ A scores w."""
    s = score("≥", "2000", "3000", 15, 15)
    assert (s.formula, s.rule_score, s.is_met) == ("positive_met", Decimal(15), True)
    assert s.explanation == "正向指标：完成值3000 > 指标值2000，达到目标，得满分15"


def test_rule_score_is_exact_when_it_terminates() -> None:
    """A shortfall whose ratio terminates gives an exact Decimal: 9/10×15 = 13.5."""
    assert score("≥", "10", "9", 15).rule_score == Decimal("13.5")


def test_more_than_needs_an_actual_strictly_above_the_target() -> None:
    """ ">" with B = A is not met, yet scores w by the formula B/A·w; with B > A it is met."""
    tie = score(">", "5", "5", 10)
    assert (tie.formula, tie.rule_score, tie.is_met) == ("positive_ratio", Decimal(10), False)
    assert "未达到“>5”" in tie.explanation
    above = score("＞", "5", "6", 10)
    assert (above.formula, above.is_met) == ("positive_met", True)


def test_positive_zero_target() -> None:
    """正向 with A = 0: B ≥ 0 scores w; B < 0 scores 0 (no ratio exists)."""
    assert score("≥", "0", "0").rule_score == 10
    assert score("≥", "0", "3").formula == "positive_met"
    below = score("≥", "0", "-1")
    assert (below.formula, below.rule_score) == ("positive_zero_target", Decimal(0))
    tie = score(">", "0", "0")
    assert (tie.formula, tie.rule_score, tie.is_met) == ("positive_zero_target", Decimal(10), False)


def test_negative_actual_on_positive_indicator_scores_zero_not_below() -> None:
    """A negative actual against a positive target scores 0, never a negative score."""
    s = score("≥", "10", "-5", 10, 0)
    assert s.rule_score == 0
    assert s.matches is True
    assert "低于0" in s.explanation


def test_unmet_negative_target_has_no_rule_score() -> None:
    """A negative target that is not met has no ratio score; a met one scores w."""
    missed = score("≥", "-5", "-6", 10, 3)
    assert (missed.formula, missed.rule_score, missed.matches) == ("negative_target", None, None)
    assert score("≥", "-5", "-4").rule_score == 10
    assert score("≤", "-5", "-4").formula == "negative_target"


def test_text_actual_on_quantitative_indicator_is_not_numeric() -> None:
    """A text actual (完成) on a ≥ indicator has no rule score; the text is named in the explanation."""
    s = score("≥", "90", "完成", 10, 10)
    assert (s.formula, s.rule_score, s.matches) == ("not_numeric", None, None)
    assert "完成值“完成”" in s.explanation


def test_text_target_on_quantitative_indicator_is_not_numeric() -> None:
    """A text target on a ≤ indicator has no rule score."""
    assert score("≤", "11月底前", "10").formula == "not_numeric"


def test_unknown_rule_with_stated_score_above_weight_never_agrees() -> None:
    """A stated score above w is wrong even when the rule cannot score the row."""
    assert score("≥", "98", None, 9, 10).matches is False
    assert score("≥", "98", "好", 9, 10).matches is False


def test_blank_stated_score_agreement_is_unknown() -> None:
    """Without a stated score there is nothing to agree with."""
    s = score("≥", "10", "9", 15)
    assert s.stated is None and s.matches is None and s.difference() is None


def test_agreement_at_explicit_places() -> None:
    """agrees(places) rounds the rule to the given places: 11.47 agrees at 2, 11 does not."""
    assert score("≥", "2700", "1549", 20, "11.47").agrees(2) is True
    assert score("≥", "2700", "1549", 20, "11.47").matches is True
    assert score("≥", "2700", "1549", 20, "11.5").matches is True
    assert score("≥", "2700", "1549", 20, "11").agrees(2) is False
    assert score("≥", "2700", "1549", 20, "11.48").agrees(2) is False


def test_rules_score_places_sets_the_table_rounding() -> None:
    """With score_places=2 a stated integer 11 is compared with 11.47 and does not match."""
    rules = attrs.evolve(DEFAULT_RULES, score_places=2)
    assert score("≥", "2700", "1549", 20, 11, rules=rules).matches is False
    assert score("≥", "2700", "1549", 20, "11.47", rules=rules).matches is True


def test_rounding_is_half_up_on_the_exact_score() -> None:
    """A rule score of exactly 12.5 rounds to 13 (四舍五入), so a stated 13 agrees and 12 does not."""
    assert score("≥", "4", "1", 50).rule_score == Decimal("12.5")
    assert score("≥", "4", "1", 50, 13).matches is True
    assert score("≥", "4", "1", 50, 12).matches is False


@pytest.mark.parametrize(("actual", "flag"), [("130", True), ("129.99", False), ("200", True), ("100", False)])
def test_overshoot_at_130_percent(actual: str, flag: bool) -> None:
    """An actual at or past 130% of a positive target is flagged as an overshoot."""
    assert score("≥", "100", actual).overshoot is flag


# -- 等于 ------------------------------------------------------------------------------------------


def test_equal_with_positive_target_scores_as_positive() -> None:
    """= with A > 0 is scored as 正向: B < A gives B/A·w, B ≥ A gives w."""
    short = score("=", "4", "3", 20)
    assert (short.formula, short.rule_score, short.is_met) == ("equal", Decimal(15), False)
    assert short.explanation.startswith("等于指标（按正向计分）")
    assert score("=", "4", "5", 20).rule_score == 20


@pytest.mark.parametrize(("actual", "points"), [("0", 10), ("-1", 10), ("1", 0), ("0.01", 0)])
def test_equal_with_zero_target(actual: str, points: int) -> None:
    """= with A = 0: B ≤ 0 scores w, anything above scores 0."""
    s = score("=", "0", actual, 10)
    assert s.formula == "equal_zero_target"
    assert s.rule_score == points


# -- 反向 ------------------------------------------------------------------------------------------


def test_reverse_met_scores_full_weight() -> None:
    """≤ with B ≤ A scores w (按时申报 ≤7 月, actual 5)."""
    s = score("≤", "7", "5", 15, 15)
    assert (s.formula, s.rule_score, s.matches) == ("reverse_met", Decimal(15), True)
    assert score("≤", "4", "4", 20).formula == "reverse_met"


def test_less_than_needs_an_actual_strictly_below_the_target() -> None:
    """ "<" with B = A is not met, yet both reverse formulas give w."""
    for rules in (DEFAULT_RULES, INVERSE):
        tie = score("<", "5", "5", 10, rules=rules)
        assert (tie.rule_score, tie.is_met) == (Decimal(10), False)
    assert score("＜", "5", "4").is_met is True


@pytest.mark.parametrize(
    ("actual", "points"),
    [("13", Decimal(7)), ("19", Decimal(1)), ("20", Decimal(0)), ("25", Decimal(0)), ("10.5", Decimal("9.5"))],
)
def test_reverse_ratio_deduction(actual: str, points: Decimal) -> None:
    """(1 − (B−A)/A)·w for B > A, and 0 once B ≥ 2A."""
    s = score("≤", "10", actual, 10)
    assert s.formula == "reverse_ratio_deduction"
    assert s.rule_score == points


def test_reverse_ratio_deduction_explanations() -> None:
    """The deduction and its floor are explained with their numbers."""
    assert score("≤", "10", "13", 10).explanation == "反向指标：完成值13 > 指标值10，得分 = (1 − (13−10)/10)×10 = 7.00"
    assert score("≤", "10", "20", 10).explanation == "反向指标：完成值20 ≥ 2×指标值10，得0分"


@pytest.mark.parametrize(("actual", "points"), [("13", "7.69"), ("20", "5.00"), ("25", "4.00"), ("1000", "0.10")])
def test_reverse_inverse(actual: str, points: str) -> None:
    """A/B·w for B > A; it never reaches 0, even past 2A."""
    s = score("≤", "10", actual, 10, rules=INVERSE)
    assert s.formula == "reverse_inverse"
    assert s.rule_rounded(2) == Decimal(points)
    assert s.explanation.endswith(f"得分 = 10/{actual}×10 = {points}")


def test_reverse_zero_target() -> None:
    """反向 with A = 0 (no accidents allowed): B = 0 scores w, B > 0 scores 0 under both formulas."""
    for rules in (DEFAULT_RULES, INVERSE):
        assert score("≤", "0", "0", rules=rules).rule_score == 10
        over = score("≤", "0", "3", rules=rules)
        assert (over.formula, over.rule_score) == ("reverse_zero_target", Decimal(0))


# -- 定性 ------------------------------------------------------------------------------------------


def test_qualitative_stated_score_below_its_band_disagrees() -> None:
    """A 好 actual puts the score in [16, 20]; a stated 15 lies below the band."""
    assert score("定性", "好坏", "好", 20, 15).matches is False
    assert score("定性", "好坏", "好", 20, 16).matches is True
    assert score("定性", "好坏", "好", 20, 20).matches is True


def test_qualitative_partial_band_is_half_open() -> None:
    """较好 puts the score in [6, 8) of 10: 6 and 7.99 agree, 8 (the top band's) does not."""
    s = score("定性", "好", "较好", 10, 8)
    assert s.band_name == "部分达成并具有一定效果"
    assert s.band == (Decimal(6), Decimal(8))
    assert s.matches is False
    assert score("定性", "好", "较好", 10, 6).matches is True
    assert score("定性", "好", "较好", 10, "7.99").matches is True
    assert "[6, 8)" in s.explanation


def test_qualitative_failed_band() -> None:
    """未完成 puts the score in [0, 6) of 10 and the target counts as not met."""
    s = score("定性", "完成", "未完成", 10, 5)
    assert (s.band_name, s.matches, s.is_met) == ("未达成且效果较差", True, False)
    assert score("定性", "完成", "未完成", 10, 6).matches is False


def test_qualitative_unjudged_text_is_checked_against_the_weight_only() -> None:
    """Text the words cannot judge gives no band; the stated score only has to lie in [0, w]."""
    s = score("定性", "提升", "有所改善", 10, 3)
    assert (s.band, s.is_met, s.matches) == (None, None, True)
    assert score("定性", "提升", "有所改善", 10, 11).matches is False
    assert "无法判定档次" in s.explanation


def test_qualitative_negative_target_reverses_polarity() -> None:
    """Target 否 (是否发生事故): actual 否 is met; actual 是 is not judged by the word lists."""
    assert score("定性", "否", "否", 10, 10).band_name == "达成年度指标"
    assert score("定性", "否", "是", 10, 10).band is None


def test_qualitative_words_ignore_spaces() -> None:
    """Spaces (full-width included) do not change a judgement."""
    assert score("定性", "好坏", " 好\u3000", 10).band_name == "达成年度指标"
    assert score("定性", "按 时", "按时", 10).band_name == "达成年度指标"


@pytest.mark.parametrize(
    ("actual", "band"),
    [
        ("达成年度指标", "达成年度指标"),
        ("达成预期指标", "达成年度指标"),
        ("良", "达成年度指标"),
        ("部分达成年度指标并具有一定效果", "部分达成并具有一定效果"),
        ("部分达成年度指标，并具有一定效果。", "部分达成并具有一定效果"),
        ("部分达成并具有一定效果", "部分达成并具有一定效果"),
        ("中", "部分达成并具有一定效果"),
        ("未达成年度指标且效果较差", "未达成且效果较差"),
        ("未达成且效果较差", "未达成且效果较差"),
        ("未达成年度指标", "未达成且效果较差"),
    ],
)
def test_qualitative_template_wordings_and_grade_words_name_their_band(actual: str, band: str) -> None:
    """The template's wordings of the three bands, budgetkit's band names and the grade words 良/中 are judged into
    their band, whole: 未达成年度指标 (which contains 达成年度指标) is the bottom band, never the top."""
    assert score("定性", "明显提升", actual, 20, 20).band_name == band


def test_qualitative_band_names_of_a_variant_name_their_band() -> None:
    """A variant's own band names judge an actual into that band, whatever the word lists say."""
    rules = ScoringRules(qualitative_bands=[["好", "0.9", "1"], ["较好", "0.7", "0.9"], ["一般", "0", "0.7"]])
    row = PerformanceIndicator(level1="效益指标", level2="社会效益指标", level3="q", operator="定性", target="提升",
        actual="一般", weight=10, stated_score=10)
    assert score_indicator(row, rules).band_name == "一般"


def test_qualitative_missing_actual() -> None:
    """A blank 定性 actual is missing: no band, agreement unknown unless the score exceeds w."""
    s = score("定性", "好坏", None, 10, 9)
    assert (s.formula, s.band, s.matches) == ("missing_actual", None, None)


def test_qualitative_words_are_disjoint() -> None:
    """No word judges an actual into two bands."""
    achieved, partial, failed = (QUALITATIVE_WORDS[k] for k in ("achieved", "partial", "failed"))
    assert not (achieved & partial or achieved & failed or partial & failed)
    assert {"好", "完成", "达成", "是"} <= achieved


# -- execution -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("executed", "adjusted", "points"),
    [
        ("33.19", "33.19", "10.00"),
        ("85", "100", "8.50"),
        ("120", "100", "10.00"),
        ("0", "50", "0.00"),
        ("-5", "100", "0.00"),
        ("2", "3", "6.67"),
        ("0.4445", "1", "4.45"),
    ],
)
def test_execution_capped_10(executed: str, adjusted: str, points: str) -> None:
    """min(rate, 100%) × 10, rounded half-up to two decimals; negative rates score 0."""
    assert execution_score(Ratio(executed, adjusted)) == Decimal(points)


@pytest.mark.parametrize(("rate", "points"), [("1.2", "20.00"), ("1", "20.00"), ("0.5", "10.00"), ("0.333", "6.66")])
def test_execution_hubei_20(rate: str, points: str) -> None:
    """×20 capped at 20 under the Hubei variant."""
    assert HUBEI.execution_weight == 20
    assert execution_score(Ratio(rate, 1), HUBEI) == Decimal(points)


@pytest.mark.parametrize(
    ("rate", "points"),
    [("1.2", 10), ("1", 10), ("0.9999", 7), ("0.8", 7), ("0.7999", 5), ("0.6", 5), ("0.5999", 0), ("0", 0), ("-1", 0)],
)
def test_execution_jiangxi_bands(rate: str, points: int) -> None:
    """100% → 10, [80%, 100%) → 7, [60%, 80%) → 5, below 60% → 0, boundaries included from below."""
    assert execution_score(Ratio(rate, 1), JIANGXI) == points


@pytest.mark.parametrize("rules", [DEFAULT_RULES, HUBEI, JIANGXI])
def test_execution_undefined_rate_has_no_score(rules: ScoringRules) -> None:
    """An adjusted budget of 0 makes the rate undefined and the score None, never 0 or full."""
    assert execution_score(Ratio("5", "0"), rules) is None
    assert execution_score(Ratio("0", "0"), rules) is None


# -- grades and rescaling ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "name"),
    [
        ("100", "优"),
        ("90", "优"),
        ("89.99", "良"),
        ("89.5", "良"),
        ("80", "良"),
        ("79.99", "中"),
        ("60", "中"),
        ("59.99", "差"),
        ("0", "差"),
        (95, "优"),
        (Decimal("89.30"), "良"),
    ],
)
def test_grade_boundaries_are_half_open(total: str | int | Decimal, name: str) -> None:
    """Grades 优 [90, 100], 良 [80, 90), 中 [60, 80), 差 [0, 60)."""
    assert grade(total) == name


@pytest.mark.parametrize("total", ["100.01", "-0.01", 101, -1])
def test_grade_outside_0_to_100_raises(total: str | int) -> None:
    """A total outside [0, 100] is refused with a budgetkit ValueError."""
    with pytest.raises(ModelError) as info:
        grade(total)
    assert isinstance(info.value, BudgetkitError) and isinstance(info.value, ValueError)


def test_grade_refuses_float() -> None:
    """A float total is refused, not silently converted."""
    with pytest.raises(FloatRefusedError):
        grade(89.5)  # type: ignore[arg-type]


def test_rescale_to_100() -> None:
    """A total earned on the applicable weight is rescaled to 100, exactly or rounded half-up."""
    assert rescale(72, 80) == Decimal(90)
    assert rescale("80", "90", places=2) == Decimal("88.89")
    assert rescale("80", "90", places=0) == Decimal(89)
    assert rescale(90, 100) == Decimal(90)
    assert str(rescale(80, 90)).startswith("88.888888")


@pytest.mark.parametrize(("total", "weight"), [(10, 0), (10, 101), (-1, 80), (81, 80)])
def test_rescale_refuses_impossible_inputs(total: int, weight: int) -> None:
    """A zero or over-full applicable weight, or a total outside [0, weight], is refused."""
    with pytest.raises(ModelError):
        rescale(total, weight)


# -- rules and variants -----------------------------------------------------------------------------


def test_variants_are_named_and_sourced() -> None:
    """The package data names four variants, each with a description and a source with evidence level."""
    assert set(VARIANTS) == {"default", "inverse_template", "hubei", "jiangxi"}
    for name, rules in VARIANTS.items():
        assert rules.name == name
        assert rules.description and "[" in rules.source
    text = (resources.files("budgetkit") / "data" / "scoring_variants.toml").read_text(encoding="utf-8")
    assert "Dated 20" in text and "DOMAIN.md" in text


def test_default_rules_are_the_documented_choices() -> None:
    """Defaults: ratio deduction, capped_10, stated precision, 130%, three bands, four grades, 50/30/10/10."""
    r = DEFAULT_RULES
    assert r is VARIANTS["default"] and r is ScoringRules.preset("default")
    assert (r.reverse, r.execution) == (ReverseFormula.RATIO_DEDUCTION, ExecutionVariant.CAPPED_10)
    assert r.execution_weight == 10
    assert (r.execution_places, r.score_places, r.overshoot_threshold) == (2, None, Decimal("1.3"))
    assert [(b.name, b.low, b.high) for b in r.qualitative_bands] == [
        ("达成年度指标", Decimal("0.8"), 1),
        ("部分达成并具有一定效果", Decimal("0.6"), Decimal("0.8")),
        ("未达成且效果较差", 0, Decimal("0.6")),
    ]
    assert r.grade_bands == tuple((name, Decimal(low)) for name, low in (("优", 90), ("良", 80), ("中", 60), ("差", 0)))
    assert dict(r.principle_weights) == {"产出": 50, "效益": 30, "满意度": 10, "执行率": 10}
    assert attrs.evolve(ScoringRules(), name="default", description=r.description, source=r.source) == r


def test_presets_change_only_their_own_settings() -> None:
    """inverse_template changes the reverse formula, jiangxi the execution variant, and nothing else."""
    same = {"name", "description", "source"}
    assert (
        attrs.evolve(INVERSE, reverse="ratio_deduction", **{k: getattr(DEFAULT_RULES, k) for k in same})
        == DEFAULT_RULES
    )
    assert attrs.evolve(JIANGXI, execution="capped_10", **{k: getattr(DEFAULT_RULES, k) for k in same}) == DEFAULT_RULES
    assert dict(HUBEI.principle_weights) == {"执行率": 20}


def test_unknown_preset_names_the_known_ones() -> None:
    """Asking for an unknown variant raises ModelError listing the known names."""
    with pytest.raises(ModelError, match="hubei"):
        ScoringRules.preset("sichuan")


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"reverse": "upside_down"}, "unknown reverse formula"),
        ({"execution": "capped_15"}, "unknown execution variant"),
        ({"score_places": -1}, "decimal places"),
        ({"score_places": True}, "decimal places"),
        ({"overshoot_threshold": "0.9"}, "at least 1"),
        ({"qualitative_bands": [["a", "0.5", "1"], ["b", "0", "0.4"]]}, "covering"),
        ({"qualitative_bands": [["a", "0", "1.2"]]}, "low < high"),
        ({"grade_bands": [["优", 90], ["良", 80]]}, "to 0"),
        ({"execution_bands": [["1", "12"], ["0", "0"]]}, "points must lie"),
        ({"principle_weights": {"产出": -1}}, "non-negative"),
    ],
)
def test_broken_rules_are_refused_at_construction(change: dict[str, Any], fragment: str) -> None:
    """Each broken setting raises ModelError naming what is wrong."""
    with pytest.raises(ModelError, match=fragment):
        attrs.evolve(DEFAULT_RULES, **change)


def test_rules_refuse_float_settings() -> None:
    """A float threshold is refused like any other float."""
    with pytest.raises(FloatRefusedError):
        ScoringRules(overshoot_threshold=1.3)


def test_rules_are_frozen() -> None:
    """Rules cannot be changed in place; evolve makes a new object."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        DEFAULT_RULES.reverse = ReverseFormula.INVERSE  # type: ignore[misc]


def test_load_variants_inherits_from_the_files_default() -> None:
    """A file's variants build on its own default, which builds on the package defaults."""
    v = load_variants('[variants.default]\nscore_places = 2\n[variants.strict]\nreverse = "inverse"\n')
    assert (v["default"].score_places, v["default"].reverse) == (2, ReverseFormula.RATIO_DEDUCTION)
    assert (v["strict"].score_places, v["strict"].reverse) == (2, ReverseFormula.INVERSE)


def test_load_variants_reports_every_problem_with_its_path() -> None:
    """All problems of a file come back at once, each with its path."""
    text = '[variants.a]\nreverse = "x"\n[variants.b]\nexecution = "y"\nscore_places = "two"\n[variants.c]\nnope = 1\n'
    with pytest.raises(LoadError) as info:
        load_variants(text)
    paths = [issue.path for issue in info.value.issues]
    assert paths == ["$.variants.a.reverse", "$.variants.b.execution", "$.variants.b.score_places", "$.variants.c.nope"]


@pytest.mark.parametrize("text", ["not toml [", "", "[variants]\n", "[variants.a]\n[variants]\nb = 3\n"])
def test_load_variants_refuses_files_without_variants(text: str) -> None:
    """Broken TOML, or no variant tables, is a LoadError."""
    with pytest.raises(LoadError):
        load_variants(text)


def test_qualitative_band_contains() -> None:
    """Only the top band (ending at w) includes its upper end."""
    top = QualitativeBand(name="top", low="0.8", high="1")
    middle = QualitativeBand(name="mid", low="0.6", high="0.8")
    assert top.contains(Decimal(20), Decimal(20)) and top.contains(Decimal(16), Decimal(20))
    assert not middle.contains(Decimal(16), Decimal(20)) and middle.contains(Decimal(12), Decimal(20))
    assert (top.describe(Decimal(20)), middle.describe(Decimal(20))) == ("[16, 20]", "[12, 16)")


# -- projects ---------------------------------------------------------------------------------------


def funds(initial: str, adjusted: str, executed: str) -> FundGrid:
    """A money grid with only the 总额 line."""
    return FundGrid(lines=(FundLine(source="总额", initial=initial, adjusted=adjusted, executed=executed),))


def archive_project() -> Project:
    """The seed's 市人力资源服务中心档案专项 table (合计 91)."""
    return Project(
        name="市人力资源服务中心档案专项",
        kind="其他运转类",
        funds=funds("12.00", "11.30", "11.30"),
        execution_weight=10,
        execution_score=10,
        stated_weight_total=100,
        stated_total=91,
        indicators=(
            row("≥", "2700", "1549", 20, 11, name="档案增长量", unit="份"),
            row("≥", "98", "98", 19, 19, name="档案查询准确率", unit="%"),
            row("≤", "4", "4", 20, 20, name="及时录入档案到档信息，完成时限", unit="月", level2="质量指标"),
            row("≥", "80", "80", 22, 22, name="档案查询服务覆盖率", unit="%", level1="效益指标", level2="社会效益指标"),
            row(
                "≥",
                "98",
                None,
                9,
                9,
                name="人力资源服务对象满意度",
                unit="%",
                level1="满意度指标",
                level2="服务对象满意度指标",
            ),
        ),
    )


def capacity_project() -> Project:
    """The seed's 人社公共服务能力建设资金 table (合计 98, one 定性 row)."""
    return Project(
        code="51030022T000006691363",
        name="人社公共服务能力建设资金",
        kind="特定目标类",
        funds=funds("0.00", "35.19", "35.19"),
        execution_weight=10,
        execution_score=10,
        stated_weight_total=100,
        stated_total=98,
        indicators=(
            row("＝", "1", "1", 15, 15, name="建成省级人力资源产业园", unit="个"),
            row("≥", "96", "96", 15, 15, name="达到省级产业园验收标准", unit="%", level2="质量指标"),
            row("≤", "7", "5", 15, 15, name="按时申报省级人力资源产业园验收", unit="月", level2="时效指标"),
            row("≤", "7", "6", 15, 15, name="按照完成基础工程建设", unit="月", level2="时效指标"),
            row("定性", "好坏", "好", 20, 19, name="群众获得感、幸福感", level1="效益指标", level2="社会效益指标"),
            row(
                "≥",
                "90",
                "98",
                10,
                9,
                name="服务群众满意度",
                unit="%",
                level1="满意度指标",
                level2="服务对象满意度指标",
            ),
        ),
    )


def test_seed_archive_project_totals() -> None:
    """档案专项: the blank satisfaction actual leaves the strict total unknown; filled with 9 it is 91.47…."""
    ps = score_project(archive_project())
    assert ps.execution_rate == Ratio(1, 1)
    assert (ps.execution_score, ps.stated_execution_score, ps.execution_matches) == (
        Decimal("10.00"),
        Decimal(10),
        True,
    )
    assert ps.indicator_total is None and ps.rule_total is None and ps.rule_grade is None
    assert ps.indicator_total_or_stated is not None
    assert round_half_up(ps.indicator_total_or_stated, 2) == Decimal("81.47")
    assert ps.rule_total_or_stated is not None and round_half_up(ps.rule_total_or_stated, 2) == Decimal("91.47")
    assert (ps.stated_total, ps.stated_indicator_sum, ps.stated_sum) == (Decimal(91), Decimal(81), Decimal(91))
    assert ps.total_matches is None
    assert ps.stated_grade == "优"
    assert ps.weight_total == 100
    assert [s.formula for s in ps.indicators] == [
        "positive_ratio",
        "positive_met",
        "reverse_met",
        "positive_met",
        "missing_actual",
    ]
    assert ps.disagreements() == ()


def test_seed_capacity_project_totals_and_grades() -> None:
    """人社公共服务能力建设: rule total 99 (定性 19 taken as stated, in band) against the stated 98."""
    ps = score_project(capacity_project())
    assert ps.indicator_total == Decimal(89)
    assert ps.rule_total == Decimal("99.00")
    assert ps.rule_total_rounded(0) == Decimal(99)
    assert ps.total_matches is False
    assert (ps.rule_grade, ps.stated_grade) == ("优", "优")
    assert [s.indicator.name for s in ps.disagreements()] == ["服务群众满意度"]


def test_weights_by_level_and_principles() -> None:
    """Weights sum per 一级 and 二级 (trailing 指标 dropped) and are compared with 50/30/10/10."""
    ps = score_project(archive_project())
    assert dict(ps.weights_by_level1()) == {"产出": 59, "效益": 22, "满意度": 9}
    assert dict(ps.weights_by_level2()) == {
        ("产出", "数量指标"): 39,
        ("产出", "质量指标"): 20,
        ("效益", "社会效益指标"): 22,
        ("满意度", "服务对象满意度指标"): 9,
    }
    rows = {(p.name, p.principle, p.actual) for p in ps.principle_deviations()}
    assert rows == {
        ("产出", Decimal(50), Decimal(59)),
        ("效益", Decimal(30), Decimal(22)),
        ("满意度", Decimal(10), Decimal(9)),
    }
    assert [p.name for p in ps.principle_weights()] == ["产出", "效益", "满意度", "执行率"]


def test_principle_weights_list_levels_the_rules_do_not_know() -> None:
    """A 一级指标 without a principle weight (成本) and Hubei's lone 执行率 20 are both reported."""
    p = attrs.evolve(archive_project(), indicators=(row("≤", "5", "4", 90, 90, level1="成本指标"),))
    names = {(w.name, w.principle, w.actual, w.deviates) for w in score_project(p, HUBEI).principle_weights()}
    assert names == {("执行率", Decimal(20), Decimal(10), True), ("成本", None, Decimal(90), True)}


def test_seed_training_project_weight_total_is_100_not_the_stated_90() -> None:
    """技能人才培养 prints 合计 权重 90; the execution row and indicators sum to 100."""
    p = Project(
        name="技能人才培养",
        kind="特定目标类",
        funds=funds("93.00", "105.45", "105.45"),
        execution_weight=10,
        execution_score=10,
        stated_weight_total=90,
        stated_total=98,
        indicators=(
            row("≥", "100", "110", 15, 15, name="评选激励选手", unit="人"),
            row("≥", "2", "2", 15, 15, name="开展多种形式宣传活动", unit="次"),
            row("≥", "90", "80", 15, 14, name="赛前培训完成率", unit="%", level2="质量指标"),
            row("定性", "11月底前", "11月底前", 15, 15, name="完成举办技能大赛时间", level2="时效指标"),
            row("≥", "10000", "10000", 30, 29, name="组织发动劳动者参与人次", unit="人次", level1="效益指标"),
        ),
    )
    ps = score_project(p)
    assert ps.weight_total == 100 and p.stated_weight_total == 90
    assert ps.stated_sum == 98
    assert [s.indicator.name for s in ps.disagreements()] == ["赛前培训完成率", "组织发动劳动者参与人次"]
    assert ps.rule_total_rounded(2) == Decimal("98.33")


def test_project_with_undefined_rate_or_impossible_total() -> None:
    """An adjusted budget of 0 leaves the execution score, rule total and grade unknown; 合计 105 has no grade."""
    p = attrs.evolve(archive_project(), funds=funds("0", "0", "0"), stated_total=105)
    ps = score_project(p)
    assert ps.execution_rate.is_undefined
    assert (ps.execution_score, ps.execution_matches, ps.rule_total, ps.rule_grade) == (None, None, None, None)
    assert ps.stated_grade is None


def test_project_scores_use_the_given_rules() -> None:
    """Under the Hubei variant the execution row is worth 20: a 10-point row does not fit and is not scored."""
    ps = score_project(capacity_project(), HUBEI)
    assert ps.variant_fits is False
    assert ps.execution_score is None and ps.execution_matches is None and ps.rule_total is None
    assert ps.rules is HUBEI
    twenty = score_project(attrs.evolve(capacity_project(), execution_weight=20, execution_score=20), HUBEI)
    assert twenty.variant_fits is True
    assert twenty.execution_score == Decimal("20.00") and twenty.execution_matches is True


# -- properties -------------------------------------------------------------------------------------

hundredths = st.integers(min_value=-100_000, max_value=1_000_000).map(lambda n: Decimal(n).scaleb(-2))
weights = st.integers(min_value=0, max_value=10_000).map(lambda n: Decimal(n).scaleb(-2))
operators = st.sampled_from(["≥", ">", "=", "≤", "<"])
all_rules = st.sampled_from([DEFAULT_RULES, INVERSE])


@given(operators, hundredths, hundredths, weights, all_rules)
def test_rule_scores_lie_between_0_and_the_weight(
    op: str, target: Decimal, actual: Decimal, weight: Decimal, rules: ScoringRules
) -> None:
    """Whatever the operator, target, actual and formula, a rule score lies in [0, w]."""
    s = score_indicator(row(op, str(target), str(actual), weight), rules)
    if s.exact is not None:
        assert 0 <= s.exact <= weight
        assert s.rule_score is not None and 0 <= s.rule_score <= weight
    else:
        assert s.formula == "negative_target" and target < 0


@given(st.sampled_from(["≥", ">", "="]), hundredths, hundredths, hundredths, weights)
def test_positive_score_is_monotone_in_the_actual(
    op: str, target: Decimal, low: Decimal, high: Decimal, weight: Decimal
) -> None:
    """For 正向 indicators, and 等于 ones with a non-zero target, a larger actual never scores less."""
    assume(op != "=" or target != 0)  # = with A = 0 is not monotone by design: B ≤ 0 → w, else 0
    low, high = min(low, high), max(low, high)
    a = score_indicator(row(op, str(target), str(low), weight))
    b = score_indicator(row(op, str(target), str(high), weight))
    if a.exact is not None and b.exact is not None:
        assert a.exact <= b.exact


@given(st.sampled_from(["≤", "<"]), hundredths, hundredths, hundredths, weights, all_rules)
def test_reverse_score_is_antitone_in_the_actual(
    op: str, target: Decimal, low: Decimal, high: Decimal, weight: Decimal, rules: ScoringRules
) -> None:
    """For 反向 indicators a larger actual never scores more, under either formula."""
    low, high = min(low, high), max(low, high)
    a = score_indicator(row(op, str(target), str(low), weight), rules)
    b = score_indicator(row(op, str(target), str(high), weight), rules)
    if a.exact is not None and b.exact is not None:
        assert a.exact >= b.exact


@given(
    st.integers(min_value=1, max_value=10**8),
    st.integers(min_value=0, max_value=10**8),
    weights,
    st.integers(min_value=0, max_value=4),
)
def test_shortfall_rounding_matches_ratio_rounding(target: int, actual: int, weight: Decimal, places: int) -> None:
    """A 正向 shortfall rounds exactly as budgetkit.Ratio rounds B·w/A (one rounding, half-up)."""
    s = score_indicator(row("≥", str(target), str(actual), weight))
    if actual < target:
        assert s.rule_rounded(places) == Ratio(actual * weight, target).rounded(places)


@given(
    st.integers(min_value=-(10**6), max_value=10**7),
    st.integers(min_value=1, max_value=10**6),
    st.sampled_from([DEFAULT_RULES, HUBEI, JIANGXI]),
)
def test_execution_score_lies_between_0_and_its_weight(executed: int, adjusted: int, rules: ScoringRules) -> None:
    """An execution score lies in [0, execution weight] and is full once the rate reaches 100%."""
    points = execution_score(Ratio(executed, adjusted), rules)
    assert points is not None and 0 <= points <= rules.execution_weight
    if executed >= adjusted:
        assert points == rules.execution_weight


@given(st.integers(min_value=0, max_value=10_000), st.integers(min_value=0, max_value=10_000))
def test_grade_is_monotone_in_the_total(low: int, high: int) -> None:
    """A higher total never gets a lower grade."""
    order = ["差", "中", "良", "优"]
    low, high = min(low, high), max(low, high)
    a, b = (grade(Decimal(n).scaleb(-2)) for n in (low, high))
    assert order.index(a) <= order.index(b)


# -- the integer formulas against Fraction arithmetic ------------------------------------------------


def _reference(ind: PerformanceIndicator, rules: ScoringRules) -> tuple[str, Fraction | None, bool, bool, str]:
    """DOMAIN.md §6 written directly in Fractions: formula, exact score, met, overshoot, relation B ? A."""
    a, b, w = (Fraction(x) for x in (ind.target, ind.actual, ind.weight))
    op = ind.operator
    rel = "<" if b < a else ">" if b > a else "="
    overshoot = a > 0 and not op.is_reverse and b >= Fraction(rules.overshoot_threshold) * a
    if op.is_reverse:
        met = b < a if op.value == "<" else b <= a
        formula = "reverse_inverse" if rules.reverse is ReverseFormula.INVERSE else "reverse_ratio_deduction"
        if met:
            return "reverse_met", w, True, overshoot, rel
        if b == a:
            return formula, w, False, overshoot, rel
        if a == 0:
            return "reverse_zero_target", Fraction(0), False, overshoot, rel
        if a < 0:
            return "negative_target", None, False, overshoot, rel
        if rules.reverse is ReverseFormula.INVERSE:
            return formula, a / b * w, False, overshoot, rel
        return formula, max(Fraction(0), (1 - (b - a) / a) * w), False, overshoot, rel
    if op.value == "=" and a == 0:
        return "equal_zero_target", w if b <= 0 else Fraction(0), b <= 0, overshoot, rel
    met = b > a if op.value == ">" else b >= a
    ratio = "equal" if op.value == "=" else "positive_ratio"
    if met:
        return ("equal" if op.value == "=" else "positive_met"), w, True, overshoot, rel
    if b == a:  # ">" with B = A
        return (ratio if a else "positive_zero_target"), w, False, overshoot, rel
    if a > 0:
        return ratio, max(b / a * w, Fraction(0)), False, overshoot, rel
    if a == 0:
        return "positive_zero_target", Fraction(0), False, overshoot, rel
    return "negative_target", None, False, overshoot, rel


any_places = st.tuples(st.integers(min_value=-(10**9), max_value=10**9), st.integers(min_value=0, max_value=6)).map(
    lambda t: Decimal(t[0]).scaleb(-t[1])
)
thresholds = st.sampled_from([DEFAULT_RULES, INVERSE, attrs.evolve(DEFAULT_RULES, overshoot_threshold="1.005")])


@given(operators, any_places, any_places, any_places.map(abs), thresholds)
def test_integer_formulas_give_the_fraction_results(
    op: str, target: Decimal, actual: Decimal, weight: Decimal, rules: ScoringRules
) -> None:
    """score_indicator's integer arithmetic gives exactly the Fractions of the written formulas, at any places."""
    ind = row(op, plain(target), plain(actual), weight)
    s = score_indicator(ind, rules)
    formula, exact, met, overshoot, rel = _reference(ind, rules)
    assert (s.formula, s.exact, s.is_met, s.overshoot) == (formula, exact, met, overshoot)
    assert s.exact is None or type(s.exact) is Fraction
    if s.formula != "negative_target" and "≥ 2×" not in s.explanation and "等于指标值" not in s.explanation:
        assert f"{plain(actual)} {rel} 指标值" in s.explanation


@given(
    st.fractions(max_denominator=10**6).filter(lambda f: abs(f) < 10**6),
    st.integers(min_value=0, max_value=4),
    st.tuples(st.integers(min_value=-(10**8), max_value=10**8), st.integers(min_value=0, max_value=5)).map(
        lambda t: Decimal(t[0]).scaleb(-t[1])
    ),
)
def test_rounds_to_is_rounding_then_comparing(value: Fraction, places: int, stated: Decimal) -> None:
    """The integer comparison agrees() uses is round_half_up(value, places) == stated, including its own rounding."""
    from budgetkit.checks.scoring import _rounds_to

    assert _rounds_to(value, places, stated) == (round_half_up(value, places) == stated)
    rounded = round_half_up(value, places)
    assert _rounds_to(value, places, rounded) and _rounds_to(value, places, rounded.normalize())
