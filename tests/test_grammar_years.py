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
from test_grammar_regions import coverage

YEARS = Path(__file__).parent / "data" / "years"


@pytest.fixture(scope="module")
def imported() -> dict[str, Imported]:
    return {path.stem: read_text(path) for path in sorted(YEARS.glob("*.txt"))}


#: (numbers seen, imported, kept in text, read but not held, not understood) of each report.
COVERAGE = {
    # 第四部分's 对 N 个项目开展了绩效自评 and 涉及资金 A 万元 are read, held by no field (as the scores of the projects no
    # table prints); 共涉及项目 N 个，资金 A 万元，占…p% is a share claim of A
    "anhui-2021": (106, 93, 11, 2, 0),
    "guangxi-2021": (100, 90, 10, 0, 0),
    "hubei-2022": (159, 139, 17, 3, 0),
    "hunan-2019": (145, 126, 16, 3, 0),
    "jiangxi-2019": (70, 65, 5, 0, 0),
    # 会议费 and its change, 培训费 (no field holds them; before, 培训费支出 4.00 万元 after ； was the reason's words)
    "shaanxi-2023": (109, 90, 12, 7, 0),
    "sichuan-2020": (109, 98, 10, 1, 0),
    "zhejiang-2020": (137, 115, 19, 3, 0),
}


@pytest.mark.parametrize("name", sorted(COVERAGE))
def test_every_number_is_accounted_for(imported: dict[str, Imported], name: str) -> None:
    """Each report's numbers are imported, kept in text, read but not held or not understood, as counted."""
    assert coverage(imported[name].report) == COVERAGE[name]


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
    # 一般公务用车 (the templates before 2022) is a use of the vehicles held, as 执法执勤用车 is (before, a second count
    # of 共有车辆, read but not held, and a list off its total unfound)
    ("anhui-2021", "其中：一般公务用车2辆", "其中：一般公务用车3辆", [("identity.vehicles_by_use", "2", "3")]),
    ("hubei-2022", "占本年支出合计的80.80%", "占本年支出合计的80.08%", [("claim.share", "80.08", "80.80")]),
    ("hubei-2022", "公务接待费支出决算为2.00万元", "公务接待费支出决算为3.00万元", [("identity.three_public_total", "8.00", "9.00")]),
    ("hubei-2022", "占政府采购支出总额的75.00%", "占政府采购支出总额的57.00%", [("claim.share", "57.00", "75.00")]),
    ("hubei-2022", "支出决算为120.00万元，完成年初预算的80.00%", "支出决算为120.00万元，完成年初预算的85.00%",
     [("claim.completion", "85.00", "80.00")]),
    # 第四部分's 项目绩效自评 summaries: 全年预算数为A万元，执行数为B万元，完成预算的p% (p of A and B as printed)
    ("hubei-2022", "完成预算的80.00%", "完成预算的85.00%", [("claim.completion", "85.00", "80.00")]),
    ("hubei-2022", "完成预算的100.00%", "完成预算的10.00%", [("claim.completion", "10.00", "100.00")]),
    ("hubei-2022", "执行数为120.00万元", "执行数为125.00万元", [("claim.completion", "80.00", "83.33")]),
    ("jiangxi-2019", "占76.92%", "占79.62%", [("claim.share", "79.62", "76.92")]),
    ("jiangxi-2019", "公务接待费1.20万元", "公务接待费1.50万元",
     [("identity.three_public_total", "3.60", "3.90"), ("claim.growth", "20.00", "15.38")]),
    ("jiangxi-2019", "下降4.76%", "下降4.67%", [("claim.growth", "-4.67", "-4.76")]),
    ("shaanxi-2023", "公务接待费1.50万元", "公务接待费2.50万元", [("identity.three_public_total", "5.50", "6.50")]),
    # 三、财政拨款支出决算情况说明 (2019, Jiangxi): 财政拨款支出 by 类, all 一般公共预算 here; 收入 of 收入总计
    ("jiangxi-2019", "一般公共服务支出（类）330.00万元", "一般公共服务支出（类）340.00万元",
     [("identity.general_budget_classes", "390.00", "400.00"), ("claim.share", "84.62", "87.18")]),
    ("jiangxi-2019", "占84.62%", "占84.26%", [("claim.share", "84.26", "84.62")]),
    ("jiangxi-2019", "增长5.41%", "增长5.14%", [("claim.growth", "5.14", "5.41")]),
    ("jiangxi-2019", "增长8.11%", "增长8.01%", [("claim.growth", "8.01", "8.11")]),
    # 二's inline （一）…（四） of Shaanxi (2023): each of the subject it opens with
    ("shaanxi-2023", "一般公共服务支出600.00万元", "一般公共服务支出610.00万元",
     [("identity.general_budget_classes", "780.00", "790.00"), ("identity.category_rollup", "610.00", "600.00"),
      ("claim.share", "76.92", "78.21")]),
    ("shaanxi-2023", "占76.92%", "占76.29%", [("claim.share", "76.29", "76.92")]),
    ("shaanxi-2023", "完成年初预算的107.14%", "完成年初预算的107.41%", [("claim.completion", "107.41", "107.14")]),
    ("shaanxi-2023", "年初预算为200.00万元", "年初预算为210.00万元",
     [("identity.category_budgets", "800.00", "810.00"), ("claim.completion", "75.00", "71.43")]),
    ("shaanxi-2023", "完成年初预算的97.50%", "完成年初预算的97.05%", [("claim.completion", "97.05", "97.50")]),
    ("shaanxi-2023", "收入760.00万元，占95.00%", "收入760.00万元，占94.00%", [("claim.share", "94.00", "95.00")]),
    ("shaanxi-2023", "占24.39%", "占24.93%", [("claim.share", "24.93", "24.39")]),
    ("shaanxi-2023", "人员经费520.00万元", "人员经费530.00万元", [("identity.basic_split", "600.00", "610.00")]),
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


def test_a_section_on_fiscal_expenditure_lists_its_classes() -> None:
    """三、财政拨款支出决算情况说明 (Jiangxi, 2019) is a section on 财政拨款支出 by 类, every fund's (before, read as 四,
    its 类 were of no fund and its figures not understood); 四's own headings stay 四."""
    from budgetkit.io.grammar import FISCAL_EXPENDITURE_SECTION, parse_text, section_role

    assert section_role("三", "三、财政拨款支出决算情况说明") == FISCAL_EXPENDITURE_SECTION
    assert section_role("二（一）", "二、2023年度财政拨款支出决算情况", "（一）财政拨款支出决算总体情况") == "四"
    assert section_role("四", "四、财政拨款收入支出决算总体情况说明") == "四"
    text = "本部门财政拨款支出390.00万元，主要用于以下方面：一般公共服务支出（类）330.00万元，占84.62%。"
    read = [(type(s).__name__, s.subject.key) for s in parse_text(text, section="三", headings=["三、财政拨款支出决算情况说明"])
            if type(s).__name__ in ("Amount", "Share")]  # fmt: skip
    assert read == [("Amount", "fiscal.expenditure"), ("Amount", "fiscal.class"), ("Share", "fiscal.class")]
    # elsewhere 财政拨款支出 stays a noun of no subject, as before
    assert [s.subject.key for s in parse_text("财政拨款支出390.00万元。", section="四") if type(s).__name__ == "Amount"] == []


def test_fiscal_classes_are_general_budget_only_where_that_is_all_of_it(tmp_path: Path) -> None:
    """The 类 of 财政拨款支出 are 一般公共预算's lines only where 财政拨款 is all 一般公共预算: with a 政府性基金 income
    printed, they are every fund's, which no line of the account holds (read but not held, never misplaced)."""
    text = (YEARS / "jiangxi-2019.txt").read_text(encoding="utf-8")
    assert read_text(YEARS / "jiangxi-2019.txt").account.general_budget.categories
    printed = "本年收入合计中：财政拨款收入380.00万元，占本年收入的100%。"
    assert text.count(printed) == 1
    path = tmp_path / "jiangxi-2019.txt"
    path.write_text(text.replace(printed, printed + "其中：一般公共预算财政拨款收入360.00万元，政府性基金预算财政拨款收入20.00万元。"), encoding="utf-8")
    imported = read_text(path)
    assert imported.account.general_budget.categories == ()
    assert imported.report.numbers_not_held == 11  # 390.00, its 类, shares and change: no path for every fund's
    assert [f for f in check(imported.account) if f.severity.value != "info"] == []


def test_a_bare_income_compared_with_last_year_is_the_total_before() -> None:
    """收入较上年增加 … after a sentence opening with 收入总计 is 收入总计's change (before, not understood); a bare 收入
    elsewhere stays a noun of no subject."""
    from budgetkit.io.grammar import Change, parse_text

    text = "本部门收入总计400.00万元，其中：本年收入合计380.00万元。收入较上年增加30.00万元，增长8.11%。"
    changes = [s for s in parse_text(text, section="一") if isinstance(s, Change)]
    assert [(s.subject.key, str(s.figure)) for s in changes] == [("income.total", "30.00万元"), ("income.total", "8.11%")]
    assert [s for s in parse_text("其中：本年收入合计380.00万元，收入较上年增加30.00万元。", section="一") if isinstance(s, Change)] == []


def test_a_subsection_printed_as_a_sentence_is_of_the_subject_it_opens_with() -> None:
    """（二）一般公共预算财政拨款支出 780.00 万元，主要用于… under 二、财政拨款收入支出决算总体情况说明 is 五's (Shaanxi);
    （一）收入情况：… is its section's, and its 收入情况 names no amount (the shares after it are of 本年收入合计)."""
    from budgetkit.io.grammar import Share, parse_text, section_role

    heading = "二、财政拨款收入支出决算总体情况说明"
    assert section_role("二（二）", heading, "（二）一般公共预算财政拨款支出780.00万元，主要用于以下方面：") == "五"
    assert section_role("二（三）", heading, "（三）一般公共预算财政拨款支出年初预算为800.00万元，支出决算为780.00万元") == "五"
    assert section_role("二（四）", heading, "（四）一般公共预算财政拨款基本支出600.00万元，其中：") == "六"
    assert section_role("二（二）", heading, "（二）本年收入合计800.00万元") == "四"  # no section's words before its figure
    assert section_role("二", "二、一般公共预算财政拨款支出780.00万元") == "二"  # a section's sentence says nothing
    text = "（一）收入情况：2023年度本年收入合计800.00万元，其中：一般公共预算财政拨款收入760.00万元，占95.00%。"
    shares = [s for s in parse_text(text, section="一（一）", headings=["一、收入支出决算总体情况说明"]) if isinstance(s, Share)]
    assert [(s.subject.key, s.of.key if s.of else None) for s in shares] == [("general_budget.income", "income.year_total")]


def test_the_funds_a_self_evaluation_covers_are_not_project_expenditure(tmp_path: Path) -> None:
    """九、预算绩效情况说明's 对6个项目开展了绩效自评，涉及一般公共预算财政拨款项目支出620.00万元 (Hunan) names the money of
    the projects evaluated, which need not be all of 五's 项目支出: read as the funds evaluated, held by no field. Before,
    it was taken for 一般公共预算财政拨款项目支出, and 600.00 there gave a false identity.general_budget_split."""
    imported = read_text(YEARS / "hunan-2019.txt")
    assert imported.account.general_budget.project.current is None
    issues = [(i.text, i.reason) for i in imported.report.issues if "620.00" in i.text or i.text.startswith("对")]
    assert issues == [("对 6个", "a count no field of the account holds"),
                      ("一般公共预算财政拨款项目支出 620.00万元", "an amount no field of the account holds")]
    text = (YEARS / "hunan-2019.txt").read_text(encoding="utf-8")
    path = tmp_path / "hunan-2019.txt"
    path.write_text(text.replace("项目支出620.00万元", "项目支出600.00万元"), encoding="utf-8")
    assert [f for f in check(read_text(path).account) if f.severity.value != "info"] == []


def test_meeting_and_training_costs_are_read_but_not_held() -> None:
    """“三公”经费、培训费及会议费 (Shaanxi): 会议费支出 A 万元，比上年增加 D 万元，增长 p% and 培训费支出 B 万元 are read as the
    amounts and changes of subjects of their own, which no field of the account holds (before, not understood); a
    会议费 listed among 公用经费's items names no figure."""
    from budgetkit.io.grammar import parse_text

    text = "2023年度会议费支出3.00万元，比上年增加1.00万元，增长50.00%；培训费4.00万元。公用经费主要包括办公费、会议费、培训费。"
    read = [(type(s).__name__, s.subject.key, str(s.figure)) for s in parse_text(text, section="三") if hasattr(s, "figure")]
    assert read == [("Amount", "meetings", "3.00万元"), ("Change", "meetings", "1.00万元"), ("Change", "meetings", "50.00%"),
                    ("Amount", "training", "4.00万元")]
    issues = [(i.text, i.reason) for i in read_text(YEARS / "shaanxi-2023.txt").report.issues if "会议费支出" in i.reason or i.text.startswith("会议费")]
    assert issues == [("会议费支出 3.00万元", "an amount no field of the account holds"),
                      ("1.00万元", "a claim about 会议费支出, which the account has no path for"),
                      ("50.00%", "a claim about 会议费支出, which the account has no path for")]
