"""Reports laid out as provinces lay them out: the unit and year their titles give, the parts they print."""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetkit.io.text import read_text
from budgetkit.values.money import Money


@pytest.mark.parametrize(
    ("title", "unit"),
    [
        ("某某市财政局2023年度部门决算", "某某市财政局"),
        ("某某市财政局2023年部门决算公开说明", "某某市财政局"),
        ("某某区人大常委会 2023 年度部门决算", "某某区人大常委会"),
        ("某某县中医医院2023年度单位决算", "某某县中医医院"),
        ("关于某某县教育局2023年度部门决算的说明", "某某县教育局"),
        ("2023年度某某市财政局部门决算", "某某市财政局"),
        ("2023年度 某某街道办事处 部门决算", "某某街道办事处"),
    ],
)
def test_unit_and_year_from_the_title(tmp_path: Path, title: str, unit: str) -> None:
    path = tmp_path / "report.txt"
    path.write_text(f"{title}\n第三部分 情况说明\n一、收入支出决算总体情况说明\n2023年度收入总计100.00万元。\n", encoding="utf-8")
    account = read_text(path).account
    assert (account.unit, account.year) == (unit, 2023)


@pytest.mark.parametrize("title", ["2023年度某县文化馆单位决算", "某县文化馆2023年度单位决算"])
def test_a_cover_with_no_contents_and_no_parts_gives_the_title_alone(tmp_path: Path, title: str) -> None:
    """A report with no 目录 and no 第X部分 (一、单位概况 right under the title): the unit is the title's, not the title
    run on into the text below it up to some later 2022年…决算 (before, the unit was the whole text)."""
    path = tmp_path / "report.txt"
    text = f"{title}\n一、单位概况\n负责全县群众文化活动。与2022年度决算相比有所增加。\n"
    path.write_text(text, encoding="utf-8")
    account = read_text(path).account
    assert (account.unit, account.year) == ("某县文化馆", 2023)


INNER_MONGOLIA = """2022年度某某自治区公共资源交易中心部门决算
目录
第一部分 部门概况
第二部分 2022年度部门决算情况说明
第三部分 名词解释
第四部分 决算公开联系方式及信息反馈渠道
第五部分 2022年度部门决算表
第一部分 部门概况
一、主要职能、职责
负责公共资源交易。
第二部分 2022年度部门决算情况说明
二、收入决算情况说明
2022年度本年收入合计1054.90万元，其中：一般公共预算财政拨款收入1054.90万元，占100%。
十二、机构运行经费支出决算情况说明
2022年度本部门机构运行经费支出12.30万元，比2021年度减少1.20万元，下降8.89%。主要原因是厉行节约。
第三部分 名词解释
一、财政拨款收入：指本级财政当年拨付的资金。
第四部分 决算公开联系方式及信息反馈渠道
联系电话：0471-1234567
第五部分 2022年度部门决算表
"""


def test_a_part_that_says_nothing_known_is_not_taken_for_the_part_its_number_names(tmp_path: Path) -> None:
    """第四部分 联系方式 beside 第三部分 名词解释 (the national 四): the contact line is no term of the glossary, and
    the 目录 is kept as printed, not as the national layout renumbers it."""
    path = tmp_path / "report.txt"
    path.write_text(INNER_MONGOLIA, encoding="utf-8")
    account = read_text(path).account
    assert [entry.term for entry in account.glossary] == ["财政拨款收入"]
    assert account.tables is not None
    assert account.tables.contents[:3] == ("第一部分 部门概况", "第二部分 2022年度部门决算情况说明", "第三部分 名词解释")
    assert account.income.general_budget.current is not None
    # 机构运行经费 is Inner Mongolia's 机关运行经费: 1.20 / 13.50 = 8.888…% → 8.89
    assert account.operating_costs.current == Money("12.30")
    assert [(c.kind.value, c.subject) for c in account.claims if c.section == "十二"] == [
        ("change", "operating_costs"),
        ("growth", "operating_costs"),
    ]
