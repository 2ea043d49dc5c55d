"""Tests for budgetkit.outputs.plot: the seven charts as data, and drawn to PNG/SVG files."""

from __future__ import annotations

import sys
import warnings
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from budgetkit import BudgetkitError, ModelError
from budgetkit.datasets import load
from budgetkit.datasets.synthetic import generate
from budgetkit.model.account import Figure, FinalAccount
from budgetkit.model.claim import resolve
from budgetkit.outputs import plot
from budgetkit.outputs.plot import (
    ChartKind,
    ChartSkippedWarning,
    ChartSpec,
    CjkFontWarning,
    MissingExtraError,
    charts,
    save_charts,
)
from budgetkit.values.numbers import round_half_up
from budgetkit.values.ratio import Ratio

SEED_TITLES = (
    "收、支决算总计变动情况图",
    "收入决算结构图",
    "支出决算结构图",
    "财政拨款收、支决算总计变动情况",
    "一般公共预算财政拨款支出决算变动情况",
    "一般公共预算财政拨款支出决算结构",
    "“三公”经费财政拨款支出结构",
)


@pytest.fixture(scope="module")
def seed() -> FinalAccount:
    """The seed report's account."""
    return load("zigong-hr-2023")


def by_number(specs: list[ChartSpec]) -> dict[int, ChartSpec]:
    return {spec.number: spec for spec in specs}


def skipped(account: FinalAccount) -> tuple[dict[int, ChartSpec], list[str]]:
    """The charts of ``account`` and the messages of the charts it skipped."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        specs = by_number(charts(account))
    return specs, [str(w.message) for w in caught if issubclass(w.category, ChartSkippedWarning)]


# -- charts(): the seed ---------------------------------------------------------


def test_seed_gives_the_seven_charts_titled_as_the_report_names_them(seed: FinalAccount) -> None:
    """The seed yields charts 1–7, titled and kinded as the report's chart mentions."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing of the seed is skipped
        specs = charts(seed)
    assert [s.number for s in specs] == [1, 2, 3, 4, 5, 6, 7]
    assert tuple(s.title for s in specs) == SEED_TITLES == tuple(c.title for c in seed.charts)
    assert [s.kind.value for s in specs] == [c.kind for c in seed.charts]
    assert [s.kind for s in specs] == [ChartKind.BAR, *[ChartKind.PIE] * 2, *[ChartKind.BAR] * 2, *[ChartKind.PIE] * 2]


def test_seed_bar_charts_compare_this_year_with_last(seed: FinalAccount) -> None:
    """Bars 1, 4 and 5 run chronologically, 2022 then 2023, labelled to two decimals in 万元."""
    specs = by_number(charts(seed))
    assert specs[1].labels == ("2022年", "2023年")
    assert specs[1].values == (Decimal("988.88"), Decimal("1054.90"))
    assert specs[1].value_labels() == ("988.88万元", "1,054.90万元")
    assert specs[4].value_labels() == ("954.70万元", "1,025.98万元")
    assert specs[5].subjects == ("general_budget.total.previous", "general_budget.total.current")
    assert specs[5].values == (Decimal("954.70"), Decimal("1025.98"))
    assert specs[1].shares == () and specs[1].share_labels() == ()


def test_seed_chart_6_prints_the_shares_the_text_prints(seed: FinalAccount) -> None:
    """Chart 6 shows the 类 above zero with 95.52 / 1.85 / 2.63 as 五（二） prints them, never re-balanced."""
    spec = by_number(charts(seed))[6]
    assert spec.labels == ("社会保障和就业支出", "卫生健康支出", "住房保障支出")
    assert spec.values == (Decimal("980"), Decimal("18.93"), Decimal("27.05"))
    assert spec.value_labels() == ("980.00万元", "18.93万元", "27.05万元")
    # A largest-remainder balance would print 1.84 for 卫生健康; the text prints 1.85 (and a nudged 2.63,
    # which check reports as rounding.nudged), and so does the chart.
    assert spec.share_labels() == ("95.52%", "1.85%", "2.63%")
    text = next(p.text for p in seed.passages if "主要用于以下方面" in p.text)
    for label, value, share in zip(spec.labels, spec.values, spec.shares, strict=True):
        assert f"{label}{value}万元，占{share}%" in text


def test_without_printed_shares_a_pie_rounds_each_share_half_up(seed: FinalAccount) -> None:
    """An account whose text prints no shares gets plain half-up shares: 95.52 / 1.85 / 2.64, summing to 100.01."""
    spec = by_number(charts(attrs.evolve(seed, claims=())))[6]
    assert spec.stated_shares == (None, None, None)
    assert spec.shares == (Decimal("95.52"), Decimal("1.85"), Decimal("2.64"))


def test_seed_pies_leave_out_the_zero_parts(seed: FinalAccount) -> None:
    """Pies 2, 3 and 7 show only the parts above zero, with their shares."""
    specs = by_number(charts(seed))
    assert specs[2].labels == ("一般公共预算财政拨款收入",) and specs[2].share_labels() == ("100.00%",)
    assert specs[3].labels == ("基本支出", "项目支出")
    assert specs[3].share_labels() == ("52.75%", "47.25%")
    assert specs[7].labels == ("公务用车购置及运行维护费支出", "公务接待费支出")
    assert specs[7].value_labels() == ("2.00万元", "0.80万元")
    assert specs[7].share_labels() == ("71.43%", "28.57%")


def test_every_value_is_the_model_figure_its_subject_names(seed: FinalAccount) -> None:
    """Each chart value equals the amount at its model path, so charts come from the model."""
    for spec in charts(seed):
        assert len(spec.subjects) == len(spec.values)
        for subject, value in zip(spec.subjects, spec.values, strict=True):
            assert resolve(seed, subject).amount == value, subject


def test_computed_charts_agree_with_the_chart_data_the_report_exported(seed: FinalAccount) -> None:
    """Labels and values match the exported chart data to the cent (it holds 1054.9000000000001), bars in time order."""
    for spec, exported in zip(charts(seed), seed.charts, strict=True):
        pairs = sorted(zip(exported.labels, (round_half_up(Decimal(v), 2) for v in exported.values), strict=True))
        if spec.kind is ChartKind.PIE:
            pairs = list(zip(exported.labels, (round_half_up(Decimal(v), 2) for v in exported.values), strict=True))
        assert list(zip(spec.labels, (round_half_up(v, 2) for v in spec.values), strict=True)) == pairs


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=0, max_value=10**6))
def test_synthetic_pies_print_each_share_as_stated_or_rounded_half_up(seed_number: int) -> None:
    """On any synthetic account, pie parts are above zero; each share is the stated one, else value/whole half-up."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ChartSkippedWarning)
        specs = charts(generate(seed_number))
    pies = [s for s in specs if s.kind is ChartKind.PIE]
    assert pies
    for spec in pies:
        assert all(v > 0 for v in spec.values)
        whole = sum(spec.values, Decimal(0))
        for value, stated, share in zip(spec.values, spec.stated_shares, spec.shares, strict=True):
            assert share == (stated if stated is not None else Ratio(value, whole).percent(2))


# -- charts(): unknown and zero figures ------------------------------------------


def test_a_bar_chart_with_an_unknown_year_is_skipped_with_a_warning(seed: FinalAccount) -> None:
    """An unknown 2022 figure skips chart 5 with a warning naming it; it is not drawn as 0."""
    account = attrs.evolve(seed, general_budget=attrs.evolve(seed.general_budget, total=Figure("1025.98")))
    specs, messages = skipped(account)
    assert 5 not in specs and 4 in specs
    assert messages == ["chart 5 (一般公共预算财政拨款支出决算变动情况) is not drawn: 2022年 unknown"]


def test_a_bar_chart_of_zeros_is_skipped_with_a_warning(seed: FinalAccount) -> None:
    """Chart 4 with both years at zero is skipped with a warning."""
    account = attrs.evolve(seed, fiscal=attrs.evolve(seed.fiscal, total=Figure("0", "0.00")))
    specs, messages = skipped(account)
    assert 4 not in specs
    assert messages == ["chart 4 (财政拨款收、支决算总计变动情况) is not drawn: every value is zero"]


def test_a_pie_of_zeros_is_skipped_with_a_warning(seed: FinalAccount) -> None:
    """ "三公" spending of zero in every part skips chart 7 with a warning."""
    zero = Figure("0")
    three_public = attrs.evolve(seed.three_public, total=zero, outbound=zero, vehicle=zero, reception=zero)
    specs, messages = skipped(attrs.evolve(seed, three_public=three_public))
    assert 7 not in specs
    assert messages == ["chart 7 (“三公”经费财政拨款支出结构) is not drawn: every part is zero"]


def test_a_pie_with_an_unknown_part_is_skipped_unless_the_known_parts_make_up_the_total(seed: FinalAccount) -> None:
    """An unknown part counts as 0 only when the known parts add up to the printed total."""
    unknown = Figure()
    fits = attrs.evolve(seed.three_public, outbound=unknown)  # 2.00 + 0.8 = the total 2.80
    specs, messages = skipped(attrs.evolve(seed, three_public=fits))
    assert specs[7].values == (Decimal("2.00"), Decimal("0.8")) and messages == []

    short = attrs.evolve(seed.three_public, reception=unknown)  # 0 + 2.00 ≠ 2.80
    specs, messages = skipped(attrs.evolve(seed, three_public=short))
    assert 7 not in specs
    assert messages == [
        "chart 7 (“三公”经费财政拨款支出结构) is not drawn: "
        "公务接待费支出 unknown and the known parts do not make up the total"
    ]


def test_a_pie_with_a_negative_part_is_skipped(seed: FinalAccount) -> None:
    """A negative part cannot be a wedge: chart 3 is skipped rather than drawn without it."""
    expenditure = attrs.evolve(seed.expenditure, operating=Figure("-1.00"))
    specs, messages = skipped(attrs.evolve(seed, expenditure=expenditure))
    assert 3 not in specs
    assert messages == ["chart 3 (支出决算结构图) is not drawn: a pie cannot show the negative 经营支出"]


def test_chart_1_uses_the_expenditure_total_when_the_income_total_is_unknown(seed: FinalAccount) -> None:
    """收、支总计 is one series: 收入总计, or 支出总计 for a year whose 收入总计 is not printed."""
    income = attrs.evolve(seed.income, total=Figure("1054.90"))
    expenditure = attrs.evolve(seed.expenditure, total=Figure("1054.90", "988.88"))
    spec = by_number(charts(attrs.evolve(seed, income=income, expenditure=expenditure)))[1]
    assert spec.values == (Decimal("988.88"), Decimal("1054.90"))
    assert spec.subjects == ("expenditure.total.previous", "income.total.current")


def test_chart_spec_rounds_labels_half_up_and_checks_its_lengths() -> None:
    """Value labels round half-up to two decimals; labels and values pair up; pie parts are above zero."""
    spec = ChartSpec(number=1, title="t", kind="柱状图", labels=("a", "b"), values=("0.125", "-0.125"))
    assert spec.value_labels() == ("0.13万元", "-0.13万元")
    with pytest.raises(ModelError, match="2 labels for 1 values"):
        ChartSpec(number=1, title="t", kind=ChartKind.BAR, labels=("a", "b"), values=("1",))
    with pytest.raises(ModelError, match="above zero"):
        ChartSpec(number=2, title="t", kind=ChartKind.PIE, labels=("a", "b"), values=("1", "0"))


# -- save_charts() -----------------------------------------------------------------


def test_save_charts_writes_non_empty_png_and_svg_files(seed: FinalAccount, tmp_path: Path) -> None:
    """Each chart is written as chart-<n>.png and chart-<n>.svg, real files with content."""
    paths = save_charts(seed, tmp_path / "out")
    assert [p.name for p in paths] == [f"chart-{n}.{fmt}" for n in range(1, 8) for fmt in ("png", "svg")]
    for path in paths:
        assert path.parent == tmp_path / "out" and path.stat().st_size > 1000
    assert paths[0].read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert paths[1].read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_svg_holds_the_chinese_text_it_draws(seed: FinalAccount, tmp_path: Path) -> None:
    """The SVG draws text as glyph paths, each preceded by the text as a comment, and carries the title."""
    save_charts(seed, tmp_path, formats=["svg"])
    svg = (tmp_path / "chart-6.svg").read_text(encoding="utf-8")
    assert "<dc:title>一般公共预算财政拨款支出决算结构</dc:title>" in svg
    assert "<!-- 图6：一般公共预算财政拨款支出决算结构 -->" in svg
    assert "<!-- 卫生健康支出  18.93万元（1.85%） -->" in svg
    assert "<!-- 95.52% -->" in svg
    assert "<text" not in svg  # outlines, so it reads the same on a machine without the font
    bars = (tmp_path / "chart-1.svg").read_text(encoding="utf-8")
    assert "<!-- 1,054.90万元 -->" in bars and "<!-- 2022年 -->" in bars


def test_saved_charts_are_reproducible(seed: FinalAccount, tmp_path: Path) -> None:
    """The same account gives byte-identical SVG and PNG files."""
    first = save_charts(seed, tmp_path / "a")
    second = save_charts(seed, tmp_path / "b")
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_chinese_text_renders_without_missing_glyphs_when_a_cjk_font_is_available(
    seed: FinalAccount, tmp_path: Path
) -> None:
    """With a CJK font found, drawing every chart reports no glyph missing from the fonts."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        family = plot._cjk_family()
    if family is None:
        pytest.skip("no CJK font here: pip install pylopdf-fonts-zh-cn, or apt-get install fonts-noto-cjk")
    assert not caught
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        save_charts(seed, tmp_path, formats=["png"])
    assert [str(w.message) for w in caught] == []


def test_a_glyph_the_cjk_font_lacks_comes_from_dejavu_sans(seed: FinalAccount, tmp_path: Path) -> None:
    """A character the Chinese font lacks (⅓ in Noto Sans SC, − in WenQuanYi Zen Hei) draws from DejaVu Sans."""
    if plot._cjk_family() is None:
        pytest.skip("no CJK font here: pip install pylopdf-fonts-zh-cn, or apt-get install fonts-noto-cjk")
    categories = tuple(
        attrs.evolve(c, name=f"{c.name}−⅓") if c.name == "卫生健康支出" else c for c in seed.general_budget.categories
    )
    account = attrs.evolve(seed, general_budget=attrs.evolve(seed.general_budget, categories=categories))
    assert "卫生健康支出−⅓" in by_number(charts(account))[6].labels  # chart 6 names the class
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        save_charts(account, tmp_path, formats=["png"])
    assert [str(w.message) for w in caught] == []


def test_without_a_cjk_font_one_warning_says_how_to_install_one(
    seed: FinalAccount, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No CJK font anywhere gives one CjkFontWarning naming the fix, not a warning per missing glyph."""
    from matplotlib import font_manager

    monkeypatch.setattr(plot, "_CJK_FAMILIES", ("No Such Font SC",))
    monkeypatch.setattr(plot, "_PACKAGED_CJK_FONTS", (("budgetkit_no_such_font_package", "x.otf"),))
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda *args, **kwargs: [])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        paths = save_charts(seed, tmp_path, formats=["png"])
    assert len(paths) == 7
    assert [w.category for w in caught] == [CjkFontWarning]
    message = str(caught[0].message)
    assert "pip install pylopdf-fonts-zh-cn" in message and "fonts-noto-cjk" in message
    assert caught[0].filename == __file__  # attributed to the caller of save_charts


def _draw_own_plot() -> list[str]:
    """Draw a user's own pandas bar chart with Chinese labels; return the warnings drawing it raised."""
    import io

    import pandas as pd
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure as MplFigure

    figure = MplFigure()
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    spending = pd.Series([980, 18.93, 27.05], index=["社会保障和就业支出", "卫生健康支出", "住房保障支出"])
    # − (U+2212) is missing from WenQuanYi Zen Hei and ⅓ from Noto Sans SC: both must come from the fallback font.
    spending.plot.bar(ax=axes, title="一般公共预算财政拨款支出（万元）− 约⅓")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure.savefig(io.BytesIO(), format="png")
    return [str(w.message) for w in caught]


def test_use_chinese_font_lets_a_users_own_pandas_plot_render_chinese() -> None:
    """After use_chinese_font(), a pandas plot with Chinese labels draws without one missing-glyph warning."""
    import matplotlib

    with matplotlib.rc_context({"font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans"]}):
        before = _draw_own_plot()
        family = plot.use_chinese_font()
        after = _draw_own_plot()
        assert matplotlib.rcParams["font.family"] == [family, "sans-serif"]
        assert matplotlib.rcParams["font.sans-serif"] == ["DejaVu Sans"]
    assert any("missing from font" in message for message in before)  # the failure this fixes
    assert family is not None
    assert after == []  # Chinese from the CJK font, what it lacks from DejaVu Sans
    assert matplotlib.rcParams["font.family"] == ["sans-serif"]  # rc_context put the defaults back


def test_use_chinese_font_without_a_font_warns_and_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """With no Chinese font anywhere, use_chinese_font() returns None with one CjkFontWarning."""
    import matplotlib
    from matplotlib import font_manager

    monkeypatch.setattr(plot, "_CJK_FAMILIES", ("No Such Font SC",))
    monkeypatch.setattr(plot, "_PACKAGED_CJK_FONTS", (("budgetkit_no_such_font_package", "x.otf"),))
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda *args, **kwargs: [])
    with matplotlib.rc_context(), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        before = list(matplotlib.rcParams["font.sans-serif"])
        assert plot.use_chinese_font() is None
        assert matplotlib.rcParams["font.sans-serif"] == before
    assert [w.category for w in caught] == [CjkFontWarning]
    assert caught[0].filename == __file__


def test_skipped_charts_are_not_saved(seed: FinalAccount, tmp_path: Path) -> None:
    """A chart skipped for unknown figures leaves no file behind, and save_charts warns."""
    account = attrs.evolve(seed, general_budget=attrs.evolve(seed.general_budget, total=Figure("1025.98")))
    with pytest.warns(ChartSkippedWarning, match="chart 5"):
        paths = save_charts(account, tmp_path, formats=["svg"])
    assert [p.name for p in paths] == [f"chart-{n}.svg" for n in (1, 2, 3, 4, 6, 7)]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)


def test_an_unknown_format_is_refused_before_anything_is_written(seed: FinalAccount, tmp_path: Path) -> None:
    """An unsupported format raises ModelError naming it, and no file or folder is created."""
    with pytest.raises(ModelError, match="'docx'"):
        save_charts(seed, tmp_path / "out", formats=["png", "docx"])
    assert not (tmp_path / "out").exists()


def test_missing_matplotlib_names_the_plot_extra(
    seed: FinalAccount, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without matplotlib, save_charts raises an ImportError-derived error naming the extra; charts() still works."""
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # makes `import matplotlib` fail
    assert len(charts(seed)) == 7
    with pytest.raises(MissingExtraError) as raised:
        save_charts(seed, tmp_path)
    error = raised.value
    assert isinstance(error, ImportError) and isinstance(error, BudgetkitError)
    assert "pip install 'budgetkit[plot]'" in str(error)
    assert (error.package, error.extra, error.name) == ("matplotlib", "plot", "matplotlib")
    assert isinstance(error.__cause__, ImportError)
    assert list(tmp_path.iterdir()) == []
