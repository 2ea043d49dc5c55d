"""Tests for budgetkit.outputs.html: notebook HTML of accounts, category trees, projects and indicators."""

from __future__ import annotations

import re
import sys

import pytest

from budgetkit.datasets import load
from budgetkit.errors import BudgetkitError
from budgetkit.model.account import Figure, FinalAccount, Income
from budgetkit.model.category import ExpenseCategory
from budgetkit.model.indicator import PerformanceIndicator
from budgetkit.model.project import FundGrid, FundLine, Project
from budgetkit.outputs.html import RenderError, render


@pytest.fixture(scope="module")
def seed() -> FinalAccount:
    """The built-in dataset (the seed report)."""
    return load("zigong-hr-2023")


def _rows(page: str) -> list[list[str]]:
    """The text of every body row's cells (tags stripped, entities kept)."""
    body = "".join(re.findall(r"<tbody>(.*?)</tbody>", page))
    return [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", body)]


def _headers(page: str) -> list[str]:
    return re.findall(r"<th(?: [^>]*)?>(.*?)</th>", page)


def _row(page: str, first: str) -> list[str]:
    matches = [row for row in _rows(page) if first in row]
    assert len(matches) == 1, f"{first!r} is in {len(matches)} rows"
    return matches[0]


def test_account_shows_key_totals_with_last_year_and_change(seed: FinalAccount) -> None:
    """The account table has Chinese headers and 收入总计 with 2023, 2022, +66.02 and 6.68%."""
    page = render(seed)
    assert _headers(page) == ["项目", "2023年", "2022年", "增减额", "增减率"]
    assert _row(page, "收入总计") == ["收入总计", "1,054.90", "988.88", "+66.02", "6.68%"]
    assert _row(page, "本年收入合计") == ["本年收入合计", "1,025.98", "—", "—", "—"]
    assert "自贡市人力资源服务中心 · 2023年度" in page


def test_a_decrease_and_a_zero_base_read_as_reports_write_them() -> None:
    """A fall shows a negative change and rate; a rise from 0 shows the rate as not comparable."""
    account = FinalAccount(
        unit="x",
        year=2023,
        unit_type="其他",
        income=Income(total=Figure("1.00", "1.50"), year_total=Figure("5", "0")),
    )
    page = render(account)
    assert _row(page, "收入总计")[3:] == ["-0.50", "-33.33%"]
    assert _row(page, "本年收入合计")[3:] == ["+5", "--（基数为0，不可比）"]


def test_all_text_is_escaped() -> None:
    """Names with <, > and & are escaped in every table: no markup can be injected."""
    account = FinalAccount(unit="<script>alert(1)</script>", year=2023, unit_type="其他")
    assert "<script>" not in render(account) and "&lt;script&gt;alert(1)&lt;/script&gt;" in render(account)
    line = ExpenseCategory(level="类", name="A&B<i>", actual="1")
    assert "A&amp;B&lt;i&gt;" in render(line) and "<i>" not in render(line)
    project = Project(name='"档案"<b>', kind="其他运转类")
    assert "&quot;档案&quot;&lt;b&gt;" in render(project)


def test_category_tree_is_an_indented_table(seed: FinalAccount) -> None:
    """The 类 line comes first, its 款 indented once and each 项 twice, with the amounts as printed."""
    page = render(seed.general_budget.categories[4])
    assert _headers(page) == ["科目编码", "科目名称", "级次", "决算数", "预算数", "完成预算", "基本支出", "项目支出"]
    rows = _rows(page)
    assert [r[1] for r in rows[:3]] == ["社会保障和就业支出", "人力资源和社会保障管理事务", "事业运行"]
    assert _row(page, "事业运行")[3] == "426.43" and _row(page, "社会保障和就业支出")[3] == "980"
    assert re.search(r'<td style="[^"]*;padding-left:3.0em">事业运行</td>', page)
    assert re.search(r'<td style="[^"]*;padding-left:1.5em">人力资源和社会保障管理事务</td>', page)


def test_category_completion_is_shown_when_both_amounts_are_known() -> None:
    """完成预算 is actual/budget in percent; blank when the budget is not printed."""
    line = ExpenseCategory(
        level="类",
        name="住房保障支出",
        actual="27.05",
        budget="30",
        children=(ExpenseCategory(level="款", name="住房改革支出", actual="27.05"),),
    )
    page = render(line)
    assert _row(page, "住房保障支出")[5] == "90.17%"
    assert _row(page, "住房改革支出")[5] == "—"


def test_project_shows_money_grid_and_rule_beside_stated_scores(seed: FinalAccount) -> None:
    """档案专项 shows its 总额 line, then 档案增长量 with stated 11 and rule 11.47, and the 合计 row."""
    page = render(seed.project("市人力资源服务中心档案专项"))
    assert "资金来源" in _headers(page) and "规则得分" in _headers(page)
    assert _row(page, "总额") == ["总额", "12.00", "11.30", "11.30", "100.00%", "100.00%"]
    growth = _row(page, "档案增长量")
    assert growth[7:] == ["20", "11", "11.47", "是"]
    execution = _row(page, "预算执行情况")
    assert execution[6:] == ["100.00%", "10", "10", "10.00", "是"]
    assert _row(page, "合计")[7:9] == ["100", "91"]


def test_project_marks_a_stated_score_that_the_rule_does_not_give(seed: FinalAccount) -> None:
    """修建电梯基础设施 states 14 where the rule gives 15: the row says 否, highlighted."""
    page = render(seed.project("51030022T000000326059"))
    assert _row(page, "修建电梯基础设施")[8:] == ["14", "15.00", "否"]
    assert re.search(r'<td style="[^"]*;color:#b00020;font-weight:bold">否</td>', page)


def test_project_without_a_table_shows_only_its_money() -> None:
    """A project with no indicators or execution score has no scoring table."""
    project = Project(
        name="人员类项目",
        kind="人员类",
        evaluated=False,
        funds=FundGrid(lines=(FundLine(source="总额", initial="462.87", adjusted="511.71", executed="511.71"),)),
    )
    page = render(project)
    assert "规则得分" not in page and _row(page, "总额")[1:5] == ["462.87", "511.71", "511.71", "100.00%"]


def test_indicator_is_one_row_with_its_band_when_qualitative() -> None:
    """A 定性 indicator renders as one row whose rule column shows its band and whose blank cells show —."""
    indicator = PerformanceIndicator(
        level1="效益指标",
        level2="社会效益指标",
        level3="群众获得感",
        operator="定性",
        target="好坏",
        actual="好",
        weight="20",
        stated_score="19",
    )
    page = render(indicator)
    assert _rows(page) == [
        ["效益指标", "社会效益指标", "群众获得感", "定性", "好坏", "—", "好", "20", "19", "16.00–20", "是"]
    ]


def test_missing_actual_is_blank_not_zero() -> None:
    """A blank 完成值 and stated score show as —, and the agreement as unknown."""
    indicator = PerformanceIndicator(
        level1="满意度指标",
        level2="服务对象满意度指标",
        level3="满意度",
        operator="≥",
        target="98",
        unit="%",
        weight="9",
    )
    assert _rows(render(indicator))[0][6:] == ["—", "9", "—", "—", "—"]


def test_render_refuses_other_objects() -> None:
    """Anything else raises RenderError, a TypeError."""
    with pytest.raises(RenderError, match="no HTML for a str") as info:
        render("收入总计")  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError) and isinstance(info.value, BudgetkitError)


def test_rendering_needs_no_pandas(seed: FinalAccount, monkeypatch: pytest.MonkeyPatch) -> None:
    """HTML works with pandas and pyarrow unavailable."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    assert "收入总计" in render(seed) and "档案增长量" in render(seed.project("市人力资源服务中心档案专项"))


def test_model_classes_display_as_html_in_notebooks() -> None:
    """FinalAccount, ExpenseCategory, Project and PerformanceIndicator have _repr_html_ giving budgetkit.outputs.html.render."""
    from budgetkit import datasets
    from budgetkit.outputs.html import render

    account = datasets.load("zigong-hr-2023")
    project = account.projects[0]
    for obj in (account, account.general_budget.categories[4], project, project.indicators[0]):
        assert obj._repr_html_() == render(obj)


def test_every_cell_has_a_border_and_padding_and_numbers_align_right(seed: FinalAccount) -> None:
    """Readable without any stylesheet: each th/td carries border and padding inline; amounts are right-aligned."""
    page = render(seed)
    cells = re.findall(r"<t([dh]) style=\"([^\"]*)\">(.*?)</t[dh]>", page)
    assert cells
    for _tag, style, _text in cells:
        assert "border:1px solid" in style and "padding:" in style
    numeric = {text: style for tag, style, text in cells if tag == "d" and text in ("1,054.90", "+66.02", "6.68%")}
    assert len(numeric) == 3 and all("text-align:right" in style for style in numeric.values())
    assert all("background:" in style for tag, style, _text in cells if tag == "h")
    assert "<link" not in page and "<style" not in page and "<script" not in page
