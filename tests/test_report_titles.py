"""The unit and year a report's title gives, in the orders reports print them."""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetkit.io.text import read_text


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
