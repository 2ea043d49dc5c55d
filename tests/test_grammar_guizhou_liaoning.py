"""The 2024 部门决算 of Guizhou and Liaoning: the national template's sections, in each province's wording.

tests/data/regions/guizhou-2024.txt and liaoning-2024.txt (a provincial department's) and guizhou-2024-county.txt and
liaoning-2024-county.txt (a county's) mirror the layout and wording of published reports of the two provinces, written
in our own words with fictional units and numbers: every total is the sum of its parts exactly, every share, change and
completion rate was computed with Decimal and rounded half up at its printed places. So ``check`` finds nothing on
them above a note on the built-in classification; each is then made inconsistent in one figure at a time, and the
checker must find exactly that figure.

Guizhou prints 收入总计 and 支出总计, then 收支总计较2023年度增加; 本年一般公共预算财政拨款收入 in 二; 完成年初预算 p%
without 的 and a 项 with a colon; the 类 of 五（二） 占一般公共预算财政拨款支出的 p%; 部门整体支出绩效自评综合得分 and, in a
county, 绩效自评覆盖率100%. Liaoning prints 收入总计 with its parts (本年收入合计, 使用非财政拨款结余, 年初结转和结余) and
支出总计 with its; 财政拨款收入 with its funds in brackets; each 三公 item's change after it; 单位价值 100 万元以上专用设备;
and, in a county, each 三公 item on a line of its own (1.因公出国（境）费。本年度无因公出国（境）费支出。).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from budgetkit.checks.audit import check, coverage
from budgetkit.checks.batch import check_batch
from budgetkit.io.grammar import Count, parse_paragraphs
from budgetkit.io.pdf import Imported
from budgetkit.io.text import read_html, read_text
from region_reports import REGIONS, paragraph, province_tests

NAMES = ("guizhou-2024", "liaoning-2024", "guizhou-2024-county", "liaoning-2024-county")


# -- the whole reports ----------------------------------------------------------------------------------------------

#: (numbers seen, imported, kept in text, read but not held, not understood), as `import --report` prints them.
COVERAGE = {
    # not held: 单价50万元以上通用设备, 共涉及项目 10 个, 优 8 个, 良 2 个, 反映…等 2 个项目, a project's and 部门整体支出's
    # 自评（综合）得分 (before: 自评综合得分 94.20 分 not understood)
    "guizhou-2024": (189, 157, 25, 7, 0),
    # not held: 单位价值50万元以上通用设备, 共自评项目 8 个 and its grades (before: 单位价值 50 万元、100 万元以上设备 read
    # as 其他用车's amounts and counts, the 专用设备 not held); 四's 支出总计 (表四's, printed apart) is held since the
    # nineteenth session
    "liaoning-2024": (171, 147, 20, 4, 0),
    # not held: 对 5 个项目 and 涉及资金 without its share; 绩效自评覆盖率100% in text (before: not understood); 四's
    # balances (as Fujian's county) are held since the nineteenth session
    "guizhou-2024-county": (107, 94, 11, 2, 0),
    # not held: 对2024年度 3 个…项目 (四's 支出总计 is held since the nineteenth session)
    "liaoning-2024-county": (106, 94, 11, 1, 0),
}

#: The notes a consistent report gives: the built-in classification does not hold 农业农村's, 水利's, 林业和草原's 项.
NOTES = {
    "guizhou-2024": ["classification.unknown_name", "classification.generic_name", "classification.generic_name",
                     "classification.unknown_name", "classification.unknown_name"],
    "liaoning-2024": ["classification.unknown_name", "classification.generic_name", "classification.unknown_name",
                      "classification.unknown_name", "classification.unknown_name"],
    "guizhou-2024-county": ["classification.unknown_name", "classification.generic_name", "classification.unknown_name",
                            "classification.unknown_name"],
    "liaoning-2024-county": ["classification.unknown_name", "classification.generic_name",
                             "classification.unknown_name"],
}  # fmt: skip


def test_the_reports_hold_the_template_s_figures(imported: dict[str, Imported]) -> None:
    """三公, the 类 of 五（二） and the 车辆 and 设备 of 十二 are read into the account's fields; Liaoning's 三公 items'
    changes are claims on their subjects."""
    guizhou, liaoning = imported["guizhou-2024"].account, imported["liaoning-2024"].account
    assert str(guizhou.three_public.total.current.amount) == "40.50"  # type: ignore[union-attr]
    assert str(guizhou.three_public.total.budget.amount) == "48.00"  # type: ignore[union-attr]
    assert len(guizhou.general_budget.categories) == 4
    assert (guizhou.assets.vehicles, guizhou.assets.large_equipment) == (6, 2)  # type: ignore[union-attr]
    # 单位价值100万元以上专用设备3台（套）: the equipment, never 其他用车's
    assert liaoning.assets is not None
    assert (liaoning.assets.vehicles, liaoning.assets.large_equipment) == (4, 3)
    assert dict(liaoning.assets.vehicles_by_use)["其他用车"] == 1
    claims = {(c.kind.value, c.subject, str(c.stated)) for c in liaoning.claims}
    assert {("growth", "three_public.vehicle_operation", "-5.26"), ("growth", "three_public.reception", "-10.00"),
            ("growth", "income.total", "-4.65"), ("growth", "income.year_total", "-4.17")} <= claims  # fmt: skip


#: (region, printed, printed instead, the findings check must give: (code, stated, expected))
MISTAKES = [
    ("guizhou-2024", "收支总计较2023年度增加220.00万元，增长7.43%", "收支总计较2023年度增加220.00万元，增长7.34%",
      [("claim.growth", "7.34", "7.43")]),
    ("guizhou-2024", "本年一般公共预算财政拨款收入2,760.00万元，占92.00%", "本年一般公共预算财政拨款收入2,760.00万元，占92.20%",
      [("claim.share", "92.20", "92.00")]),
    ("guizhou-2024", "其他收入40.00万元，占1.33%", "其他收入40.00万元，占1.38%", [("claim.share", "1.38", "1.33")]),
    ("guizhou-2024", "项目支出1,070.00万元", "项目支出1,080.00万元",
      [("identity.parts_over_total", "3050.00", "≥ 3060.00"), ("claim.share", "35.08", "35.41")]),
    ("guizhou-2024", "各增加200.00万元，增长7.41%", "各增加200.00万元，增长7.14%", [("claim.growth", "7.14", "7.41")]),
    ("guizhou-2024", "占本年支出合计的91.15%", "占本年支出合计的91.51%", [("claim.share", "91.51", "91.15")]),
    ("guizhou-2024", "增加180.00万元，增长6.92%", "增加180.00万元，增长6.29%", [("claim.growth", "6.29", "6.92")]),
    ("guizhou-2024", "卫生健康（类）支出110.00万元", "卫生健康（类）支出120.00万元",
      [("identity.general_budget_classes", "2780.00", "2790.00"), ("identity.category_rollup", "120.00", "110.00"), ("claim.share", "3.96", "4.32")]),
    ("guizhou-2024", "占一般公共预算财政拨款支出的8.27%", "占一般公共预算财政拨款支出的8.72%", [("claim.share", "8.72", "8.27")]),
    ("guizhou-2024", "完成年初预算99.29%", "完成年初预算99.92%", [("claim.completion", "99.92", "99.29")]),
    ("guizhou-2024", "完成年初预算94.34%", "完成年初预算94.43%", [("claim.completion", "94.43", "94.34")]),
    ("guizhou-2024", "年初预算为145.00万元，支出决算为140.00万元", "年初预算为145.00万元，支出决算为150.00万元",
      [("identity.category_rollup", "140.00", "150.00"), ("claim.completion", "96.55", "103.45"), ("narrative.direction", "决算数小于年初预算数", "大于")]),
    ("guizhou-2024", "人员经费1,600.00万元", "人员经费1,610.00万元", [("identity.basic_split", "1900.00", "1910.00")]),
    ("guizhou-2024", "支出决算为40.50万元，完成预算的84.38%", "支出决算为40.50万元，完成预算的84.83%", [("claim.completion", "84.83", "84.38")]),
    ("guizhou-2024", "完成预算的68.75%", "完成预算的67.85%", [("claim.completion", "67.85", "68.75")]),
    ("guizhou-2024", "较上年减少3.50万元，下降7.95%", "较上年减少3.50万元，下降7.59%", [("claim.growth", "-7.59", "-7.95")]),
    ("guizhou-2024", "公务接待费支出决算5.50万元，占13.58%", "公务接待费支出决算5.50万元，占13.85%", [("claim.share", "13.85", "13.58")]),
    ("guizhou-2024", "较上年减少20.00万元，下降7.14%", "较上年减少20.00万元，下降7.41%", [("claim.growth", "-7.41", "-7.14")]),
    ("guizhou-2024", "政府采购工程支出80.00万元", "政府采购工程支出85.00万元", [("identity.procurement", "450.00", "455.00")]),
    ("guizhou-2024", "占政府采购支出总额的60.00%", "占政府采购支出总额的66.00%", [("claim.share", "66.00", "60.00")]),
    ("guizhou-2024", "特种专业技术用车3辆", "特种专业技术用车4辆", [("identity.vehicles_by_use", "6", "7")]),
    ("guizhou-2024", "优8个、良2个", "优8个、良3个", [("narrative.count_parts", "10", "11")]),
    ("guizhou-2024", "执行数为228.00万元，完成预算的95.00%", "执行数为228.00万元，完成预算的96.00%", [("claim.completion", "96.00", "95.00")]),
    ("guizhou-2024", "因公出国（境）费支出5.00万元，全年", "因公出国（境）费支出6.00万元，全年", [("claim.amount", "6.00", "5.00")]),
    ("liaoning-2024", "年初结转和结余160.00万元", "年初结转和结余170.00万元", [("identity.income_total", "2460.00", "2470.00")]),
    ("liaoning-2024", "年末结转和结余120.00万元", "年末结转和结余110.00万元", [("identity.expenditure_total", "2460.00", "2450.00")]),
    ("liaoning-2024", "各减少120.00万元，下降4.65%", "各减少120.00万元，下降4.56%", [("claim.growth", "-4.56", "-4.65")]),
    ("liaoning-2024", "比上年减少100.00万元，下降4.17%", "比上年减少100.00万元，下降4.71%", [("claim.growth", "-4.71", "-4.17")]),
    ("liaoning-2024", "政府性基金预算财政拨款收入100.00万元），", "政府性基金预算财政拨款收入110.00万元），",
      [("identity.parts_over_total", "2150.00", "≥ 2160.00")]),
    ("liaoning-2024", "事业收入120.00万元，占本年收入合计的5.22%", "事业收入120.00万元，占本年收入合计的5.32%", [("claim.share", "5.32", "5.22")]),
    ("liaoning-2024", "占本年支出合计的64.96%", "占本年支出合计的64.69%", [("claim.share", "64.69", "64.96")]),
    ("liaoning-2024", "各减少70.00万元，下降3.04%", "各减少70.00万元，下降3.40%", [("claim.growth", "-3.40", "-3.04")]),
    ("liaoning-2024", "比上年决算减少60.00万元，下降2.86%", "比上年决算减少60.00万元，下降2.68%", [("claim.growth", "-2.68", "-2.86")]),
    ("liaoning-2024", "卫生健康支出70.00万元，占3.43%", "卫生健康支出70.00万元，占3.34%", [("claim.share", "3.34", "3.43")]),
    ("liaoning-2024", "完成年初预算的94.59%", "完成年初预算的95.49%", [("claim.completion", "95.49", "94.59")]),
    ("liaoning-2024", "年初预算为160.00万元，支出决算为150.00万元", "年初预算为160.00万元，支出决算为155.00万元",
      [("identity.category_rollup", "1720.00", "1725.00"), ("claim.completion", "93.75", "96.88")]),
    ("liaoning-2024", "公用经费220.00万元，占基本支出的15.17%", "公用经费220.00万元，占基本支出的15.71%", [("claim.share", "15.71", "15.17")]),
    ("liaoning-2024", "增加10.00万元，增长10.00%", "增加10.00万元，增长11.00%", [("claim.growth", "11.00", "10.00")]),
    ("liaoning-2024", "比上年减少1.80万元，下降6.67%", "比上年减少1.80万元，下降6.76%", [("claim.growth", "-6.76", "-6.67")]),
    ("liaoning-2024", "比上年减少1.00万元，下降5.26%", "比上年减少1.00万元，下降5.62%", [("claim.growth", "-5.62", "-5.26")]),
    ("liaoning-2024", "比上年减少0.80万元，下降10.00%", "比上年减少0.80万元，下降11.00%", [("claim.growth", "-11.00", "-10.00")]),
    ("liaoning-2024", "支出决算18.00万元，占71.43%", "支出决算18.00万元，占71.34%", [("claim.share", "71.34", "71.43")]),
    ("liaoning-2024", "比上年减少10.00万元，下降5.00%", "比上年减少10.00万元，下降5.50%", [("claim.growth", "-5.50", "-5.00")]),
    ("liaoning-2024", "政府采购服务支出150.00万元", "政府采购服务支出160.00万元", [("identity.procurement", "300.00", "310.00")]),
    ("liaoning-2024", "特种专业技术用车2辆", "特种专业技术用车3辆", [("identity.vehicles_by_use", "4", "5")]),
    ("liaoning-2024", "优6个、良2个", "优6个、良3个", [("narrative.count_parts", "8", "9")]),
]


MISTAKES += [
    ("guizhou-2024-county", "增加40.00万元，增长4.88%", "增加40.00万元，增长4.78%", [("claim.growth", "4.78", "4.88")]),
    ("guizhou-2024-county", "项目支出245.00万元，占28.99%", "项目支出245.00万元，占29.99%", [("claim.share", "29.99", "28.99")]),
    ("guizhou-2024-county", "年初预算210.00万元，支出决算200.00万元", "年初预算210.00万元，支出决算205.00万元",
      [("identity.category_rollup", "720.00", "725.00"), ("claim.completion", "95.24", "97.62")]),
    ("guizhou-2024-county", "完成年初预算的101.56%", "完成年初预算的101.65%", [("claim.completion", "101.65", "101.56")]),
    ("guizhou-2024-county", "公务用车运行维护费4.50万元", "公务用车运行维护费5.00万元", [("identity.three_public_vehicle", "4.50", "5.00")]),
    ("guizhou-2024-county", "较2023年度减少4.00万元，降幅5.56%", "较2023年度减少4.00万元，降幅5.65%", [("claim.growth", "-5.65", "-5.56")]),
    ("liaoning-2024-county", "各减少40.00万元，下降7.14%", "各减少40.00万元，下降7.41%", [("claim.growth", "-7.41", "-7.14")]),
    ("liaoning-2024-county", "与上年相比减少35.00万元，下降6.48%", "与上年相比减少35.00万元，下降6.84%", [("claim.growth", "-6.84", "-6.48")]),
    ("liaoning-2024-county", "完成年初预算的99.58%", "完成年初预算的99.85%", [("claim.completion", "99.85", "99.58")]),
    ("liaoning-2024-county", "公务用车运行维护费2.40万元。", "公务用车运行维护费2.50万元。",
      [("identity.three_public_vehicle", "2.40", "2.50")]),
    ("liaoning-2024-county", "人员经费300.00万元", "人员经费310.00万元", [("identity.basic_split", "345.00", "355.00")]),
    ("liaoning-2024-county", "下降10.00%。决算数", "下降11.00%。决算数", [("claim.growth", "-11.00", "-10.00")]),
]  # fmt: skip


def test_each_provincial_report_has_its_slips() -> None:
    """At least ten one-figure slips of each provincial report are found."""
    for name in ("guizhou-2024", "liaoning-2024"):
        assert sum(m[0] == name for m in MISTAKES) >= 10


# -- the wording ----------------------------------------------------------------------------------------------------


def test_the_coverage_of_the_self_evaluation_is_kept_in_text() -> None:
    """绩效自评覆盖率100% says neither of the projects nor of their money: its rate is kept in text, not a figure."""
    text = "本部门2024年度组织对5个项目开展了绩效自评，涉及资金245.00万元，绩效自评覆盖率100%。"
    narrative = parse_paragraphs([paragraph("十三、预算绩效管理情况说明"), paragraph(text)])
    assert [(s.subject.key, str(s.figure)) for s in narrative.statements if isinstance(s, Count)] == [
        ("performance.self_evaluation", "5个")]
    assert narrative.unread == ()
    assert narrative.coverage.in_reasons >= 1


def test_a_score_printed_as_the_综合得分() -> None:
    """部门整体支出绩效自评综合得分为 94.20 分 is a score, as 自评得分为 94.20 分 is; 得分均在 90 分以上 stays a bound."""
    narrative = parse_paragraphs([paragraph("十三、预算绩效管理情况说明"), paragraph(
        "本部门对2024年度部门整体支出开展了绩效自评，部门整体支出绩效自评综合得分为94.20分，自评等级为“优”。"
        "反映甲项目等2个项目的绩效自评结果，自评综合得分均在90分以上。")])
    assert [(s.subject.key, str(s.figure)) for s in narrative.statements if isinstance(s, Count)] == [
        ("performance.score", "94.20分"), ("performance.reported", "2个")]
    assert narrative.unread == ()


def test_points_run_on_in_one_paragraph_are_numbering() -> None:
    """具体情况如下：1.因公出国（境）费。…2.公务用车购置及运行维护费。…: the enumerators of points joined to the
    sentence before (a paragraph run together) are numbering, never figures not understood."""
    text = ("“三公”经费财政拨款支出决算为3.60万元。具体情况如下：1.因公出国（境）费。本年度无因公出国（境）费支出。"
            "2.公务用车购置及运行维护费。公务用车购置及运行维护费支出决算2.40万元。3.公务接待费。公务接待费支出决算1.20万元。")
    narrative = parse_paragraphs([paragraph("九、财政拨款“三公”经费支出决算情况说明"), paragraph(text)])
    assert narrative.unread == ()
    assert narrative.coverage.numbering == 3
    # a decimal is never an enumerator (其中：1.50 万元)
    decimal = parse_paragraphs([paragraph("十、机关运行经费支出情况说明"), paragraph("本部门机关运行经费支出12.00万元。其中：1.50万元用于办公。")])
    assert decimal.coverage.numbering == 0


def test_numbers_of_the_reports_are_exact() -> None:
    """The arithmetic the reports rest on (Decimal, rounded half up at the printed places)."""
    def pct(part: str, whole: str) -> Decimal:
        return (Decimal(part) / Decimal(whole) * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    # Guizhou: 收支总计 3180 against 2960; 五（三） 2780 of 2800; 三公 40.50 of 48.00, against 44.00
    assert [pct("220", "2960"), pct("2780", "2800"), pct("40.50", "48"), pct("3.50", "44")] == [
        Decimal("7.43"), Decimal("99.29"), Decimal("84.38"), Decimal("7.95")]
    # Liaoning: 收入总计 2460 = 2300 + 0 + 160, against 2580; 公务用车运行维护费 18 against 19; 公务接待费 7.20 against 8
    assert Decimal("2300") + Decimal("160") == Decimal("2460")
    assert [pct("120", "2580"), pct("1", "19"), pct("0.80", "8"), pct("2040", "2060")] == [
        Decimal("4.65"), Decimal("5.26"), Decimal("10.00"), Decimal("99.03")]


# -- a 三公 completion rate printed without its budget --------------------------------------------------------------

#: Liaoning's 三公 table as a real report prints it (表九 一般公共预算财政拨款“三公”经费支出决算表, 预算数 and 决算数): the
#: budgets the 情况说明's rates are of (25.20 of 30.00 is 84.00%, 18.00 of 21.00 85.71%, 7.20 of 9.00 80.00%).
LIAONING_THREE_PUBLIC = """<p>一般公共预算财政拨款“三公”经费支出决算表</p><p>单位：万元</p><table>
<tr><td>项目</td><td>预算数</td><td>决算数</td></tr>
<tr><td>合计</td><td>30.00</td><td>25.20</td></tr>
<tr><td>1.因公出国（境）费</td><td>0.00</td><td>0.00</td></tr>
<tr><td>2.公务用车购置及运行维护费</td><td>21.00</td><td>18.00</td></tr>
<tr><td>（1）公务用车购置费</td><td>0.00</td><td>0.00</td></tr>
<tr><td>（2）公务用车运行维护费</td><td>21.00</td><td>18.00</td></tr>
<tr><td>3.公务接待费</td><td>9.00</td><td>7.20</td></tr>
</table>"""

#: Liaoning's three rates, each printed without its 预算数, and printed wrong: (printed, instead, (stated, expected))
THREE_PUBLIC_RATES = [
    ("决算为25.20万元，完成预算的84.00%", "决算为25.20万元，完成预算的84.50%", ("84.50", "84.00")),
    ("占71.43%，完成预算的85.71%", "占71.43%，完成预算的87.51%", ("87.51", "85.71")),
    ("占28.57%，完成预算的80.00%", "占28.57%，完成预算的81.00%", ("81.00", "80.00")),
]


def _liaoning_html(tmp_path: Path, printed: str = "", instead: str = "") -> Imported:
    """Liaoning's report as a web page, with its 三公 table in 第二部分 (a text export carries no table)."""
    text = (REGIONS / "liaoning-2024.txt").read_text(encoding="utf-8").replace(printed, instead)
    body = "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    first, rest = body.split("<p>第三部分", 1)  # the tables are printed before 第三部分's 情况说明
    path = tmp_path / "liaoning-2024.html"
    path.write_text(f"<html><body>{first}{LIAONING_THREE_PUBLIC}<p>第三部分{rest}</body></html>", encoding="utf-8")
    return read_html(path)


def test_a_rate_without_its_budget_is_listed_as_not_checked(imported: dict[str, Imported]) -> None:
    """决算为25.20万元，完成预算的84.00% with no 预算数 printed anywhere: unchecked, and coverage says so in both
    languages (it said nothing: the rate was silently passed)."""
    skipped = coverage(imported["liaoning-2024"].account).skipped
    rates = [line for line in skipped if "completion rate" in line]
    assert rates == [
        "九 “84.00%” completion rate skipped: the budget of “三公”经费财政拨款支出 is not printed",
        "九2 “85.71%” completion rate skipped: the budget of 公务用车购置及运行维护费 is not printed",
        "九3 “80.00%” completion rate skipped: the budget of 公务接待费 is not printed",
    ]
    assert rates[0].zh == "九“84.00%”：“三公”经费财政拨款支出的预算数未公布，完成率未核对"
    county = coverage(imported["guizhou-2024-county"].account).skipped
    assert [line.zh for line in county if "完成率" in line.zh] == ["七“75.00%”：“三公”经费财政拨款支出的预算数未公布，完成率未核对"]


@pytest.mark.parametrize(("printed", "instead", "expected"), THREE_PUBLIC_RATES)
def test_a_rate_without_its_budget_is_checked_against_the_table(
    tmp_path: Path, printed: str, instead: str, expected: tuple[str, str]
) -> None:
    """With the 三公 table's 预算数 the same rate is checked (half up at its places): the slip is found, by check and by
    check_batch alike, and the rate is no longer listed as skipped."""
    consistent = _liaoning_html(tmp_path).account
    assert [f for f in check(consistent) if f.rule.startswith("claim.")] == []
    assert not [line for line in coverage(consistent).skipped if "completion rate" in line]
    wrong = _liaoning_html(tmp_path, printed, instead).account
    found = check(wrong)
    assert [(f.rule, f.stated_text, f.expected_text) for f in found if f.rule.startswith("claim.")] == [
        ("claim.completion", *expected)]
    assert check_batch([wrong]) == [found]


def test_a_rate_is_checked_against_a_budget_printed_in_another_sentence(tmp_path: Path) -> None:
    """The 情况说明 printing the 三公 budget in a sentence of its own is the rate's budget as well."""
    text = (REGIONS / "liaoning-2024.txt").read_text(encoding="utf-8").replace(
        "其中：\n1.因公出国", "2024年度“三公”经费财政拨款支出预算为30.00万元。其中：\n1.因公出国")
    path = tmp_path / "liaoning-2024.txt"
    path.write_text(text.replace("完成预算的84.00%", "完成预算的84.50%"), encoding="utf-8")
    account = read_text(path).account
    assert [(f.rule, f.stated_text, f.expected_text) for f in check(account) if f.rule.startswith("claim.")] == [
        ("claim.completion", "84.50", "84.00")]
    assert [line.zh for line in coverage(account).skipped if "完成率" in line.zh] == [
        "九2“85.71%”：公务用车购置及运行维护费的预算数未公布，完成率未核对", "九3“80.00%”：公务接待费的预算数未公布，完成率未核对"]


(imported, test_every_number_is_accounted_for, test_a_consistent_report_checks_clean,
 test_a_wrong_figure_is_found_and_only_it) = province_tests(NAMES, COVERAGE, NOTES, MISTAKES)
