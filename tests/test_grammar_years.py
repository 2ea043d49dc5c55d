"""Reports of earlier years (2019–2023) in the wording and layouts of their templates.

Each report in tests/data/years/ is written by ``make_reports.py`` there from its figures (every share, rate and
change computed with Decimal and rounded half up), so a correct reader finds nothing in it but notes on the built-in
classification; each is then made inconsistent in one figure at a time, and the checker must find that figure.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from budgetkit.checks.audit import check
from budgetkit.io.pdf import Imported
from budgetkit.io.text import read_text
from budgetkit.model.tables import table_set

YEARS = Path(__file__).parent / "data" / "years"


@pytest.fixture(scope="module")
def imported() -> dict[str, Imported]:
    return {path.stem: read_text(path) for path in sorted(YEARS.glob("*.txt"))}


#: (numbers seen, imported, kept in text, read but not held, not understood) of each report.
COVERAGE = {
    "anhui-2021": (106, 91, 11, 3, 1),
    "guangxi-2021": (100, 90, 10, 0, 0),
    "hubei-2022": (159, 131, 17, 0, 11),  # 第四部分's 项目绩效自评 summaries: budgets, rates and scores
    "hunan-2019": (145, 126, 16, 2, 1),
    "jiangxi-2019": (70, 51, 5, 1, 13),  # 三、财政拨款支出决算情况说明's 类 and shares
    "shaanxi-2023": (109, 63, 13, 4, 29),  # 二's 类, 项 and shares; 会议费; 绩效 scores
    "sichuan-2020": (109, 98, 10, 0, 1),
    "zhejiang-2020": (137, 115, 19, 2, 1),
}


@pytest.mark.parametrize("name", sorted(COVERAGE))
def test_every_number_is_accounted_for(imported: dict[str, Imported], name: str) -> None:
    """Each report's numbers are imported, kept in text, read but not held or not understood, as counted."""
    report = imported[name].report
    got = (
        report.numbers_seen,
        report.numbers_imported,
        report.numbers_in_text,
        report.numbers_not_held,
        len(report.not_understood),
    )
    assert got == COVERAGE[name]


@pytest.mark.parametrize("name", sorted(COVERAGE))
def test_a_consistent_report_checks_clean(imported: dict[str, Imported], name: str) -> None:
    """A report whose figures add up gives no error and no warning (notes on the built-in classification only)."""
    findings = check(imported[name].account)
    assert [(f.rule, f.path, f.message) for f in findings if f.severity.value != "info"] == []
    assert {f.rule for f in findings} <= {"classification.unknown_name", "classification.generic_name"}


def test_a_report_of_2019_lacks_no_state_capital_table(imported: dict[str, Imported]) -> None:
    """The 2019 决算 published eight tables: 表九 (国有资本经营预算) joined them with the 2020 决算, so a 2019 report
    that lists eight lacks nothing (before, table.missing warned of 表九); a 2020 report without it still lacks it."""
    assert table_set("national-2024").template("state_capital").published_from == 2020
    for name in ("hunan-2019", "jiangxi-2019"):
        assert not [f for f in check(imported[name].account) if f.rule == "table.missing"]
    account = imported["hunan-2019"].account
    later = check(attrs.evolve(account, year=2020))
    assert [f.path for f in later if f.rule == "table.missing"] == ["tables[state_capital]"]


#: (report, printed, printed instead, the findings check must give: (code, stated, expected))
MISTAKES = [
    ("hunan-2019", "占本年支出合计的94.05%", "占本年支出合计的94.15%", [("claim.share", "94.15", "94.05")]),
    ("hunan-2019", "比上年增加10.00万元，增长4.35%", "比上年增加10.00万元，增长4.53%", [("claim.growth", "4.53", "4.35")]),
    ("hunan-2019", "社会保障和就业支出（类）250.00万元", "社会保障和就业支出（类）260.00万元",
     [("identity.general_budget_classes", "2370.00", "2380.00"), ("identity.category_rollup", "260.00", "250.00"),
      ("claim.share", "10.55", "10.97")]),
    ("zhejiang-2020", "占69.57%", "占69.75%", [("claim.share", "69.75", "69.57")]),
    ("zhejiang-2020", "各增加800.00万元，增长19.05%", "各增加800.00万元，增长19.50%", [("claim.growth", "19.50", "19.05")]),
    ("zhejiang-2020", "公务接待费支出决算为4.00万元", "公务接待费支出决算为5.00万元",
     [("identity.three_public_total", "12.00", "13.00"), ("claim.growth", "-20.00", "-16.67")]),
    ("zhejiang-2020", "完成年初预算的266.67%", "完成年初预算的276.67%", [("claim.completion", "276.67", "266.67")]),
    ("sichuan-2020", "占70.73%", "占70.37%", [("claim.share", "70.37", "70.73")]),
    ("sichuan-2020", "各增加550.00万元，增长55.00%", "各增加550.00万元，增长50.00%", [("claim.growth", "50.00", "55.00")]),
    ("guangxi-2021", "占88.89%", "占88.98%", [("claim.share", "88.98", "88.89")]),
    ("guangxi-2021", "完成年初预算的146.67%", "完成年初预算的146.76%", [("claim.completion", "146.76", "146.67")]),
    ("guangxi-2021", "公务接待费支出决算为1.50万元", "公务接待费支出决算为2.50万元", [("identity.three_public_total", "6.00", "7.00")]),
    ("guangxi-2021", "较上年减少1.00万元，下降14.29%", "较上年减少1.00万元，下降12.29%", [("claim.growth", "-12.29", "-14.29")]),
    ("anhui-2021", "公务接待费支出决算2.00万元", "公务接待费支出决算2.50万元",
     [("identity.three_public_total", "5.00", "5.50"), ("claim.growth", "-20.00", "-16.67")]),
    ("anhui-2021", "占82.52%", "占85.52%", [("claim.share", "85.52", "82.52")]),
    ("hubei-2022", "占本年支出合计的80.80%", "占本年支出合计的80.08%", [("claim.share", "80.08", "80.80")]),
    ("hubei-2022", "公务接待费支出决算为2.00万元", "公务接待费支出决算为3.00万元", [("identity.three_public_total", "8.00", "9.00")]),
    ("hubei-2022", "占政府采购支出总额的75.00%", "占政府采购支出总额的57.00%", [("claim.share", "57.00", "75.00")]),
    ("hubei-2022", "支出决算为120.00万元，完成年初预算的80.00%", "支出决算为120.00万元，完成年初预算的85.00%",
     [("claim.completion", "85.00", "80.00")]),
    ("jiangxi-2019", "占76.92%", "占79.62%", [("claim.share", "79.62", "76.92")]),
    ("jiangxi-2019", "公务接待费1.20万元", "公务接待费1.50万元",
     [("identity.three_public_total", "3.60", "3.90"), ("claim.growth", "20.00", "15.38")]),
    ("jiangxi-2019", "下降4.76%", "下降4.67%", [("claim.growth", "-4.67", "-4.76")]),
    ("shaanxi-2023", "公务接待费1.50万元", "公务接待费2.50万元", [("identity.three_public_total", "5.50", "6.50")]),
]


@pytest.mark.parametrize(("name", "printed", "instead", "expected"), MISTAKES)
def test_a_wrong_figure_is_found(
    tmp_path: Path, name: str, printed: str, instead: str, expected: list[tuple[str, str, str]]
) -> None:
    """One figure printed wrong: check gives exactly the findings listed, nothing else above a note."""
    text = (YEARS / f"{name}.txt").read_text(encoding="utf-8")
    assert text.count(printed) == 1
    path = tmp_path / f"{name}.txt"
    path.write_text(text.replace(printed, instead), encoding="utf-8")
    findings = [f for f in check(read_text(path).account) if f.severity.value != "info"]
    assert [(f.rule, f.stated_text, f.expected_text) for f in findings] == expected
