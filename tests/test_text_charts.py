"""The charts a text export names by its captions, with the data Word exports at its end (budgetkit.io.text.text_charts)."""

from __future__ import annotations

from pathlib import Path

import attrs

from budgetkit import datasets
from budgetkit.checks.audit import check
from budgetkit.checks.batch import check_batch
from budgetkit.io.text import chart_subjects, read_text, text_charts

SEED = Path(__file__).parent / "data" / "seeds" / "000_ad8dd908a3134475.txt"
LINES = SEED.read_text(encoding="utf-8").splitlines()


def test_the_seed_charts_are_read_as_its_transcriber_typed_them() -> None:
    """Seven captions, seven blocks of data: every title, kind, data title, label and value as the built-in dataset
    holds them, and the figure each value depicts (the seven charts' titles say which figures they show)."""
    imported, typed = read_text(SEED), datasets.load("zigong-hr-2023")
    assert imported.account.charts == typed.charts
    assert [str(imported.report.box(f"charts[{k}]")) for k in range(7)] == [
        "第17行", "第22行", "第26行", "第38行", "第43行", "第47行", "第69行"
    ]  # fmt: skip


def test_the_seed_chart_defects_are_found() -> None:
    """As the built-in dataset's: 图5 一般公共预算财政拨款支出决算变动情况 exports the data of 财政拨款收、支决算总计变动情况,
    and 图1's 1054.9000000000001 carries a float's noise."""
    account = read_text(SEED).account
    found = [(f.rule, f.path, f.severity.value) for f in check(account) if f.rule.startswith("chart.")]
    assert found == [("chart.float_artifact", "charts[0].values[0]", "info"), ("chart.title", "charts[4].data_title", "warning")]
    typed = datasets.load("zigong-hr-2023")
    assert found == [(f.rule, f.path, f.severity.value) for f in check(typed) if f.rule.startswith("chart.")]
    assert check_batch([account]) == [check(account)]


def test_a_value_that_is_not_its_figure_is_an_error(tmp_path: Path) -> None:
    """图3's 基本支出 exported as last year's 551.00, not the 551.03 the text prints (a chart not brought up to date)."""
    changed = tmp_path / "seed.txt"
    changed.write_text(SEED.read_text(encoding="utf-8").replace("\t551.03\t493.62", "\t551.00\t493.62"), encoding="utf-8")
    found = [(f.rule, f.path, f.stated_text) for f in check(read_text(changed).account) if f.rule == "chart.value"]
    assert found == [("chart.value", "charts[2].values[0]", "551.00")]


def test_only_the_seven_charts_get_their_figures() -> None:
    """A chart of another title, or one whose label names no figure of its chart, compares no value."""
    chart = read_text(SEED).account.charts[2]
    assert chart_subjects(chart, 2023) == ("expenditure.basic.current", "expenditure.project.current")
    assert chart_subjects(attrs.evolve(chart, title="人员结构图"), 2023) == ()
    assert chart_subjects(attrs.evolve(chart, labels=("基本支出", "其他支出")), 2023) == ()
    bars = read_text(SEED).account.charts[0]
    assert chart_subjects(bars, 2024) == ()  # 2023年 and 2022年 are not the years of a 2024 report


def test_data_that_does_not_pair_with_the_captions_is_not_guessed() -> None:
    """A block missing (six for seven captions): the charts are named, without data. A block that is not one series
    (a text after a value; two series, more values than labels) leaves its own chart without data."""
    without_one = [line for line in LINES if not line.startswith(("收入决算结构图", "一般公共预算财政拨款收入\t"))]
    charts = [c for c, _ in text_charts(without_one)]
    assert len(charts) == 7 and not any(c.data_title or c.values for c in charts)
    for garbled in ("551.03\t合计\t493.62", "551.03\t493.62\t1.00\t2.00"):
        changed = [c for c, _ in text_charts([line.replace("551.03\t493.62", garbled) for line in LINES])]
        assert [bool(c.values) for c in changed] == [True, True, False, True, True, True, True]


def test_a_block_without_a_title_is_read_with_none() -> None:
    """Labels as many as the values and no cell before them: the chart's data has no title (nothing to compare)."""
    lines = ["（图1：支出决算结构图）（饼状图）", "", "基本支出\t项目支出\t551.03\t493.62\t"]
    (chart, _), = text_charts(lines)
    assert (chart.data_title, chart.labels, chart.values) == ("", ("基本支出", "项目支出"), ("551.03", "493.62"))


def test_captions_numbered_otherwise_give_no_charts() -> None:
    assert text_charts(["（图1：甲）", "（图3：乙）"]) == []
    assert text_charts(["（图1：甲）", "（图1：乙）"]) == []
    assert text_charts(["没有图。"]) == []


def test_a_caption_number_is_the_chart_s_not_a_number_not_understood() -> None:
    """图1…图7 were listed as numbers not understood; they are the charts' numbers now."""
    report = read_text(SEED).report
    assert not [u for u in report.not_understood if str(u.box) in ("第17行", "第22行", "第26行", "第69行")]
