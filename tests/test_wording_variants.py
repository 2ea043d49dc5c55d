"""Wordings real reports use that the templates do not: each reads to the figures it prints, gives no false finding,
and a slip in it is still found.

Found by writing made-up reports in the wording of other Shanghai departments and other provinces (江苏, 浙江, 山东,
河南, 云南, 湖南), every figure checked with exact arithmetic, and reading them with ``budgetkit check``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetkit.checks.audit import check
from budgetkit.checks.finding import Severity
from budgetkit.io.text import read_text
from budgetkit.values.money import Money

HEAD = "上海市普陀区示例局2024年度部门决算\n第三部分 上海市普陀区示例局2024年度部门决算情况说明\n"
FIVE = "五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n"
ITEM = "1、城乡社区支出（类）城乡社区管理事务（款）行政运行（项）。"


def _read(text: str, tmp_path: Path) -> object:
    path = tmp_path / "report.txt"
    path.write_text(HEAD + text, encoding="utf-8")
    return read_text(path)


def _rules(text: str, tmp_path: Path) -> list[str]:
    """The codes of the errors and warnings ``check`` gives on the report of ``text``."""
    account = _read(text, tmp_path).account  # type: ignore[attr-defined]
    return [f.rule for f in check(account) if f.severity is not Severity.INFO]


YUAN = (
    "一、收入支出决算总体情况说明\n"
    "本部门2024年度收、支总计199,210,123.10元。与{year}相比，收、支总计各增加11,555,802.10元，增长{rate}%，"
    "主要原因是教师工资调标。\n"
)


@pytest.mark.parametrize("year", ["上年", "2023年度187,654,321.00元"])
def test_a_change_printed_in_yuan_is_compared_in_wan(tmp_path: Path, year: str) -> None:
    """A county report kept in 元: its change is taken in 万元 as its totals are (11,555,802.10 / 187,654,321.00 =
    6.158% → 6.16%); before, the change stayed in 元 and every change and rate of such a report was an error."""
    assert _rules(YUAN.format(year=year, rate="6.16"), tmp_path) == []
    assert _rules(YUAN.format(year=year, rate="6.17"), tmp_path) == ["claim.growth"]
    account = _read(YUAN.format(year=year, rate="6.16"), tmp_path).account  # type: ignore[attr-defined]
    change = next(c for c in account.claims if c.kind.value == "change")
    assert str(change.stated) == "1155.580210"  # its printed places kept: the 分 of a 元


def test_a_growth_as_a_multiple_is_no_percentage(tmp_path: Path) -> None:
    """增长2.3倍 is 18.80 / 8.05 = 2.34 times: not a rate of 2.3% with its % sign missing. It is left in the text."""
    text = (
        "七、财政拨款“三公”经费支出决算情况说明\n"
        "2024年度“三公”经费财政拨款支出决算为26.85万元，比上年增加18.80万元，增长2.3倍，主要原因是按规定更新公务用车1辆。\n"
    )
    assert _rules(text, tmp_path) == []
    account = _read(text, tmp_path).account  # type: ignore[attr-defined]
    assert [c.kind.value for c in account.claims] == ["change"]


@pytest.mark.parametrize("opens", ["其中：", "具体情况如下：", "分项情况如下:"])
def test_a_total_whose_items_follow_asks_no_reason_of_its_own(tmp_path: Path, opens: str) -> None:
    text = (
        FIVE + f"一般公共预算财政拨款支出年初预算为510.00万元，支出决算为480.00万元，完成年初预算的94.12%。{opens}\n"
        f"{ITEM}年初预算为510.00万元，支出决算为480.00万元，完成年初预算的94.12%。决算数小于预算数的主要原因：厉行节约。\n"
    )
    assert _rules(text, tmp_path) == []


def test_only_equipment_of_100_wan_is_the_account_s_large_equipment(tmp_path: Path) -> None:
    """The national template's 单价50万元以上通用设备 beside its 单价100万元以上专用设备: the account holds the
    second; the first is read but held by no field (before, it was taken for the second)."""
    text = (
        "十、其他重要事项的情况说明\n（三）国有资产占用情况\n"
        "截至2024年12月31日，本部门共有车辆12辆，其中：其他用车12辆；单价50万元以上通用设备2台（套），"
        "单价100万元以上专用设备1台（套）。\n"
    )
    imported = _read(text, tmp_path)
    assert imported.account.assets.large_equipment == 1  # type: ignore[attr-defined]
    assert any("单价50万元以上通用设备" in issue.text for issue in imported.report.issues)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "text",
    [
        # a half-width ; between 人员经费's items and 公用经费
        "六、一般公共预算财政拨款基本支出决算情况说明\n一般公共预算财政拨款基本支出800.00万元。其中：人员经费700.00万元，"
        "主要包括：基本工资、津贴补贴、退休费;公用经费100.00万元,主要包括:办公费、印刷费。\n",
        # the items' amounts after 主要包括: a breakdown, not 人员经费 or 公用经费 printed again
        "六、一般公共预算财政拨款基本支出决算情况说明\n一般公共预算财政拨款基本支出800.00万元。其中：人员经费700.00万元，"
        "主要包括：基本工资200.00万元、津贴补贴150.00万元、奖金100.00万元等；公用经费100.00万元，主要包括：办公费30.00万元、"
        "差旅费10.00万元等。\n",
    ],
)
def test_six_reads_personnel_and_public_use(tmp_path: Path, text: str) -> None:
    account = _read(text, tmp_path).account  # type: ignore[attr-defined]
    gb = account.general_budget
    assert (gb.basic.current, gb.personnel.current, gb.public_use.current) == (
        Money("800.00"), Money("700.00"), Money("100.00")
    )
    assert _rules(text, tmp_path) == []


def test_half_width_brackets_of_a_path_are_read(tmp_path: Path) -> None:
    """社会保障和就业支出(类)…(项) typed with an English input method reads as （类）…（项）: its figures are held and
    a slip in its rate is found (before, every figure of such a 五 was left unread, and no slip found)."""
    item = (
        "1、社会保障和就业支出(类)行政事业单位养老支出(款)机关事业单位基本养老保险缴费支出(项)。主要用于：养老保险缴费。"
        "年初预算为160.00万元，支出决算为150.00万元，完成年初预算的{rate}%。决算数小于预算数的主要原因：人员减少。\n"
    )
    imported = _read(FIVE + item.format(rate="93.75"), tmp_path)
    assert imported.report.not_understood == ()  # type: ignore[attr-defined]
    leaf = imported.account.general_budget.categories[0].children[0].children[0]  # type: ignore[attr-defined]
    assert (leaf.name, leaf.actual, leaf.budget) == ("机关事业单位基本养老保险缴费支出", Money("150.00"), Money("160.00"))
    assert _rules(FIVE + item.format(rate="93.75"), tmp_path) == []
    assert _rules(FIVE + item.format(rate="93.57"), tmp_path) == ["claim.completion"]


@pytest.mark.parametrize(
    "budget", ["调整后预算为230.00万元", "调整预算数为230.00万元", "预算调整为230.00万元", "全年预算为230.00万元"]
)
def test_an_adjusted_budget_is_the_full_year_s(tmp_path: Path, budget: str) -> None:
    """完成调整后预算的 95.65% is 220 / 230, not 220 / 200 (the 年初预算); 预算调整为 230 is no 决算."""
    text = FIVE + (
        f"一般公共预算财政拨款支出年初预算为200.00万元，{budget}，支出决算为220.00万元，完成调整后预算的{{rate}}%。"
        "决算数小于调整后预算数的主要原因：厉行节约。\n"
    )
    assert _rules(text.format(rate="95.65"), tmp_path) == []
    assert _rules(text.format(rate="95.75"), tmp_path) == ["claim.completion"]


@pytest.mark.parametrize(
    "reason", ["决算数小于预算数的原因是人员减少。", "决算数小于预算数主要是由于人员减少。", "决算数小于预算数主要由于人员减少。"]
)
def test_a_reason_worded_otherwise_is_a_reason(tmp_path: Path, reason: str) -> None:
    text = FIVE + f"{ITEM}年初预算为160.00万元，支出决算为150.00万元，完成年初预算的93.75%。"
    assert _rules(text + "\n", tmp_path) == ["narrative.reason"]  # no reason at all: asked for
    assert _rules(text + reason + "\n", tmp_path) == []


def test_an_amount_of_a_use_is_not_the_line_s_actual(tmp_path: Path) -> None:
    """主要用于：人员工资400.00万元、日常运转80.00万元 lists what the 480.00 went on; the 项's 决算 is 480.00."""
    text = FIVE + (
        f"{ITEM}主要用于：人员工资400.00万元、日常运转80.00万元。年初预算为500.00万元，支出决算为480.00万元，"
        "完成年初预算的96.00%。决算数小于预算数的主要原因：厉行节约。\n"
    )
    account = _read(text, tmp_path).account  # type: ignore[attr-defined]
    leaf = account.general_budget.categories[0].children[0].children[0]
    assert (leaf.actual, leaf.budget) == (Money("480.00"), Money("500.00"))
    assert _rules(text, tmp_path) == []


THREE_PUBLIC_CHANGES = (
    "七、财政拨款“三公”经费支出决算情况说明\n（一）“三公”经费财政拨款支出决算总体情况说明。\n"
    "2024年度“三公”经费财政拨款支出决算数比2023年度减少0.79万元，下降8.09%。其中：因公出国（境）费支出决算减少0.00万元，下降0.00%；公务用车购置及运行维护费支出决算减少"
    "0.56万元，下降6.65%，主要原因是车辆维修支出减少；公务接待费支出决算减少{reception}万元，下降17.04%，主要原因是接待批次减少。\n"
)


def test_a_reason_stops_where_the_next_part_s_decision_begins(tmp_path: Path) -> None:
    """主要原因是车辆维修支出减少；公务接待费支出决算减少 0.23 万元: the reason is the first clause; the second is
    公务接待费's change, read and added up with the other part's (before, it was taken into the reason, unread)."""
    account = _read(THREE_PUBLIC_CHANGES.format(reception="0.23"), tmp_path).account  # type: ignore[attr-defined]
    changes = {(c.subject, c.kind.value): c.stated for c in account.claims}
    assert str(changes[("three_public.reception", "change")]) == "-0.23"
    assert str(changes[("three_public.reception", "growth")]) == "-17.04"
    assert _rules(THREE_PUBLIC_CHANGES.format(reception="0.23"), tmp_path) == []
    assert _rules(THREE_PUBLIC_CHANGES.format(reception="0.32"), tmp_path) == ["narrative.change_parts"]


def test_a_reason_s_own_items_set_apart_by_semicolons_stay_in_it(tmp_path: Path) -> None:
    """主要原因：一是…；公用经费增加 5.00 万元: a clause naming no 决算 is the reason's own item, not a change."""
    text = (
        "一、收入支出决算总体情况说明\n2024年度收入总计1,200.00万元。与2023年度相比，增加100.00万元，增长9.09%，"
        "主要原因：一是人员增加；公用经费增加5.00万元。\n"
    )
    account = _read(text, tmp_path).account  # type: ignore[attr-defined]
    assert [c.subject for c in account.claims] == ["income.total", "income.total"]


@pytest.mark.parametrize(("rates", "rules"), [(("9.09", "4.17"), []), (("9.90", "4.71"), ["claim.growth", "claim.growth"])])
def test_a_rise_or_fall_worded_as_its_size_is_a_rate(tmp_path: Path, rates: tuple[str, str], rules: list[str]) -> None:
    """增幅 9.09% and 降幅 4.17% are the rates 增长 and 下降 (100 / 1100 and 50 / 1200); before, not understood."""
    text = (
        "一、收入支出决算总体情况说明\n2024年度收入总计1,200.00万元，比上年增加100.00万元，增幅{}%。\n"
        "二、收入决算情况说明\n2024年度本年收入合计1,150.00万元，比上年减少50.00万元，降幅为{}%。\n"
    ).format(*rates)
    assert _rules(text, tmp_path) == rules


def test_the_older_name_of_non_fiscal_balance_used_is_read(tmp_path: Path) -> None:
    """用事业基金弥补收支差额 (the line's name before 使用非财政拨款结余) is that line: 收入总计 adds up from it."""
    text = (
        "一、收入支出决算总体情况说明\n本部门2024年度收入总计6,089.78万元，支出总计6,089.78万元。\n"
        "其中：本年收入合计5,534.85万元，用事业基金弥补收支差额48.60万元，上年结转和结余506.33万元；本年支出合计"
        "5,554.81万元，结余分配12.36万元，年末结转和结余522.61万元。\n"
    )
    imported = _read(text, tmp_path)
    assert imported.account.income.non_fiscal_balance_used.current == Money("48.60")  # type: ignore[attr-defined]
    assert imported.report.not_understood == ()  # type: ignore[attr-defined]
    assert _rules(text, tmp_path) == []
    assert _rules(text.replace("48.60", "84.60"), tmp_path) == ["identity.income_total"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）", "城乡社区支出（类）城乡社区管理事务（款）行政运行（项）"),
        ("教育支出（类）职业教育（款）高等职业教育（项）", "教育支出（类）其他教育支出（款）其他教育支出（项）"),
    ],
)
def test_a_claim_about_one_of_two_lines_of_one_name_is_held_by_its_place(tmp_path: Path, first: str, second: str) -> None:
    """Two 行政运行 under two 款, or a 款 and its 项 both 其他教育支出: with no table and no code printed, the printed
    paths tell the lines apart, and each rate is checked on its own line (before, both were read but not held)."""
    text = FIVE + (
        "一般公共预算财政拨款支出年初预算为700.00万元，支出决算为650.00万元，完成年初预算的92.86%。其中：\n"
        f"1、{first}。年初预算为300.00万元，支出决算为290.00万元，完成年初预算的96.67%。决算数小于预算数的主要原因：节约。\n"
        f"2、{second}。年初预算为400.00万元，支出决算为360.00万元，完成年初预算的{{rate}}%。决算数小于预算数的主要原因：节约。\n"
    )
    imported = _read(text.format(rate="90.00"), tmp_path)
    assert not any("no code tells apart" in issue.reason for issue in imported.report.issues)  # type: ignore[attr-defined]
    assert _rules(text.format(rate="90.00"), tmp_path) == []
    assert _rules(text.format(rate="91.00"), tmp_path) == ["claim.completion"]


def test_sub_points_under_a_class_printed_alone_are_its_lines(tmp_path: Path) -> None:
    """Henan's 五（三）: "1.一般公共服务支出（类）…其中：" then "（1）市场监督管理事务（款）行政运行（项）…": each sub-point is
    a 项 of that 类, its figures read and its rate checked (before, all of them were left not understood)."""
    text = FIVE + (
        "2024年度一般公共预算财政拨款支出年初预算为3500.00万元，支出决算为3470.48万元，完成年初预算的99.16%。具体如下：\n"
        "1.一般公共服务支出（类）。年初预算为3500.00万元，支出决算为3470.48万元，完成年初预算的99.16%。其中：\n"
        "（1）市场监督管理事务（款）行政运行（项）。年初预算为2800.00万元，支出决算为2850.33万元，完成年初预算的{rate}%。"
        "决算数大于年初预算数的主要原因是年中追加经费。\n"
        "（2）市场监督管理事务（款）市场监管执法（项）。年初预算为700.00万元，支出决算为620.15万元，完成年初预算的88.59%。"
        "决算数小于年初预算数的主要原因是厉行节约。\n"
    )
    imported = _read(text.format(rate="101.80"), tmp_path)
    assert imported.report.not_understood == ()  # type: ignore[attr-defined]
    [category] = imported.account.general_budget.categories  # type: ignore[attr-defined]
    assert [(leaf.name, leaf.actual) for leaf in category.children[0].children] == [
        ("行政运行", Money("2850.33")), ("市场监管执法", Money("620.15"))
    ]
    assert _rules(text.format(rate="101.80"), tmp_path) == []
    assert _rules(text.format(rate="120.00"), tmp_path) == ["claim.completion"]


def test_shares_in_a_paragraph_opening_with_qizhong_are_of_the_paragraph_before_s_subject(tmp_path: Path) -> None:
    """"…“三公”经费…支出决算为 18.70 万元…。" then, as a paragraph of its own, "其中：…公务接待费支出决算 3.08 万元，占
    16.5%…": the shares are of the 三公 (before, held by no path, so a wrong one went unfound)."""
    text = (
        "七、一般公共预算财政拨款“三公”经费支出决算情况说明\n"
        "2024年度“三公”经费财政拨款支出年初预算为34.00万元，支出决算为18.70万元，完成年初预算的55.0%。"
        "决算数小于年初预算数的主要原因是本年未安排因公出国（境）团组。\n"
        "其中：因公出国（境）费支出决算0.00万元，占0.0%；公务用车购置及运行维护费支出决算15.62万元，占{}%；"
        "公务接待费支出决算3.08万元，占{}%。\n"
    )
    assert _rules(text.format("83.5", "16.5"), tmp_path) == []
    assert _rules(text.format("60.0", "40.0"), tmp_path) == ["claim.share", "claim.share"]


@pytest.mark.parametrize("note", ["（上年为0，不可比）", "（上年基数为0，不可比）", "（基数为0，不可比）"])
def test_the_zero_of_a_no_base_note_is_its_text(tmp_path: Path, note: str) -> None:
    text = f"七、“三公”经费支出决算情况说明\n2024年度因公出国（境）费6.20万元，比上年增加6.20万元，增长--{note}。\n"
    imported = _read(text, tmp_path)
    assert imported.report.not_understood == ()  # type: ignore[attr-defined]


def test_reception_fees_and_their_counts_after_the_amount(tmp_path: Path) -> None:
    """国内公务接待费 5.62 万元，接待 46 批次，391 人次 …；外事接待费 0 万元: both parts and the counts are held."""
    text = (
        "七、“三公”经费支出决算情况说明\n（三）公务接待费5.62万元。其中：国内公务接待费5.62万元，接待46批次，391人次，"
        "主要用于接待上级部门检查指导；外事接待费0万元。\n"
    )
    imported = _read(text, tmp_path)
    tp = imported.account.three_public  # type: ignore[attr-defined]
    assert (tp.reception_domestic.current, tp.reception_foreign.current) == (Money("5.62"), Money("0"))
    assert (tp.domestic_batches, tp.domestic_persons) == (46, 391)
    assert imported.report.not_understood == ()  # type: ignore[attr-defined]


@pytest.mark.parametrize(("closing", "rules"), [("20.00", []), ("30.00", ["identity.fiscal_fund"])])
def test_a_fund_s_balances_in_its_section_are_the_fund_s(tmp_path: Path, closing: str, rules: list[str]) -> None:
    """八's 年初/年末结转和结余 are 政府性基金's (表八's): 50 + 320 − 350 = 20 (before, both were not understood)."""
    text = (
        "八、政府性基金预算财政拨款支出决算情况说明\n2024年度政府性基金预算财政拨款年初结转和结余50.00万元，本年收入320.00万元，"
        f"本年支出350.00万元，年末结转和结余{closing}万元。\n"
    )
    imported = _read(text, tmp_path)
    fund = imported.account.fiscal.government_fund  # type: ignore[attr-defined]
    assert (fund.opening.current, fund.closing.current) == (Money("50.00"), Money(closing))
    assert _rules(text, tmp_path) == rules


@pytest.mark.parametrize(("share", "rules"), [("75.00", []), ("57.00", ["claim.share"])])
def test_points_listed_after_a_paragraph_opening_them_are_its_parts(tmp_path: Path, share: str, rules: list[str]) -> None:
    """"…支出 200.00 万元，主要用于以下方面：" then "1.社会保障和就业支出（类）150.00 万元，占 75.00%；" as points of their
    own: the shares are of 一般公共预算财政拨款支出 (before, of no path)."""
    text = (
        "五、一般公共预算财政拨款支出决算情况说明\n（二）一般公共预算财政拨款支出决算结构情况\n"
        "一般公共预算财政拨款支出200.00万元，主要用于以下方面：\n"
        f"1.社会保障和就业支出（类）150.00万元，占{share}%；\n2.住房保障支出（类）50.00万元，占25.00%。\n"
    )
    assert _rules(text, tmp_path) == rules


@pytest.mark.parametrize(
    ("said", "unit_type"),
    [
        ("本部门为行政单位，纳入2024年度部门决算编制范围的单位为局机关本级。", "行政单位"),
        ("本院为省示例局所属公益二类事业单位，内设9个处室。", "公益二类事业单位"),
        ("本单位为参照公务员法管理的事业单位。", "参公事业单位"),
        ("单位性质为公益一类事业单位。", "公益一类事业单位"),
        ("本部门为事业单位，无机关运行经费支出。", "其他"),  # which kind is not said
    ],
)
def test_the_unit_type_a_report_states(tmp_path: Path, said: str, unit_type: str) -> None:
    text = f"第一部分 部门概况\n一、部门职责\n{said}\n二、收入决算情况说明\n本年收入合计100.00万元。\n"
    account = _read(text, tmp_path).account  # type: ignore[attr-defined]
    assert account.unit_type.value == unit_type


@pytest.mark.parametrize(("last", "rules"), [("95.00", []), ("96.00", ["claim.change", "claim.growth"])])
def test_last_year_s_amount_before_the_change_is_read(tmp_path: Path, last: str, rules: list[str]) -> None:
    """比2023年度 95.00 万元增加 5.00 万元: 95.00 is last year's 机关运行经费 (before, not understood)."""
    text = (
        "十一、其他重要事项的情况说明\n（一）机关运行经费支出情况\n"
        f"2024年度本部门机关运行经费支出100.00万元，比2023年度的{last}万元增加5.00万元，增长5.26%。主要原因是业务工作量增加。\n"
    )
    assert _rules(text, tmp_path) == rules


RECEPTIONS = (
    "七、“三公”经费支出决算情况说明\n2024年度“三公”经费财政拨款支出决算为18.52万元。其中：公务接待费18.52万元，"
    "全年共接待90批次、733人次，其中：国内公务接待86批次、702人次，支出{domestic}万元；外事接待4批次、31人次，支出3.32万元。\n"
)


def test_receptions_counted_in_all_then_by_kind_with_their_amounts_after(tmp_path: Path) -> None:
    """全年共接待 90 批次 is every 公务接待 (before, taken for 国内's, whose 86 was then dropped); each kind's 支出 after
    its counts is its amount (before, not understood), so 15.30 + 3.32 against 18.52 is found."""
    imported = _read(RECEPTIONS.format(domestic="15.20"), tmp_path)
    tp = imported.account.three_public  # type: ignore[attr-defined]
    assert (tp.reception_batches, tp.reception_persons, tp.domestic_batches, tp.domestic_persons) == (90, 733, 86, 702)
    assert (tp.reception_domestic.current, tp.reception_foreign.current) == (Money("15.20"), Money("3.32"))
    assert imported.report.not_understood == ()  # type: ignore[attr-defined]
    assert _rules(RECEPTIONS.format(domestic="15.20"), tmp_path) == []
    assert _rules(RECEPTIONS.format(domestic="15.30"), tmp_path) == ["identity.three_public_reception"]


@pytest.mark.parametrize(("flat", "rules"), [("基本持平", []), ("持平", ["narrative.direction"])])
def test_last_year_s_amount_before_flat_is_read(tmp_path: Path, flat: str, rules: list[str]) -> None:
    """与上年 10.02 万元基本持平: 10.02 is last year's 三公 (before, not understood); 基本持平 says roughly as much, so
    10.05 against 10.02 is no finding, where 持平 alone says equal and is one."""
    text = f"七、“三公”经费支出决算情况说明\n2024年度“三公”经费财政拨款支出决算为10.05万元，与上年10.02万元{flat}。\n"
    imported = _read(text, tmp_path)
    assert imported.account.three_public.total.previous == Money("10.02")  # type: ignore[attr-defined]
    assert _rules(text, tmp_path) == rules


@pytest.mark.parametrize(("rate", "rules"), [("8.49", []), ("9.49", ["claim.growth"])])
def test_a_paired_change_grouped_in_thousands_is_one_figure(tmp_path: Path, rate: str, rules: list[str]) -> None:
    """收、支总计各增加 1,120.96 万元: one change of both totals (1120.96 / 13210.88 = 8.49%), not the pair 1 and 120.96."""
    text = (
        "一、收入支出决算总体情况说明\n2024年度收、支总计14,331.84万元。与上年相比，收、支总计各增加1,120.96万元，"
        f"增长{rate}%。主要原因是高标准农田建设项目资金增加。\n"
    )
    assert _rules(text, tmp_path) == rules


def test_cars_bought_of_a_use_are_not_cars_held(tmp_path: Path) -> None:
    """七's 更新购置执法执勤用车 2 辆 are the cars bought; 十's 执法执勤用车 12 辆 of the 19 held are the only ones of
    that use (before, 2 + 12 were added up against the 19: a false error)."""
    text = (
        "七、“三公”经费支出决算情况说明\n2.公务用车购置费。预算数为26.00万元，决算数为25.80万元，完成预算的99.23%。"
        "本年度按规定更新购置执法执勤用车2辆，单价均为12.90万元。决算数小于预算数的主要原因是采购节约。\n"
        "十、其他重要事项的情况说明\n（三）国有资产占有使用情况\n截至2024年12月31日，本部门共有车辆19辆，其中："
        "主要负责人用车1辆、机要通信用车1辆、应急保障用车3辆、执法执勤用车12辆、特种专业技术用车2辆、其他用车0辆。\n"
    )
    account = _read(text, tmp_path).account  # type: ignore[attr-defined]
    assert account.three_public.vehicles_purchased == 2
    assert dict(account.assets.vehicles_by_use)["执法执勤用车"] == 12
    assert _rules(text, tmp_path) == []


@pytest.mark.parametrize(("share", "rules"), [("62.58", []), ("73.09", ["claim.share"])])
def test_the_small_business_share_left_unsaid_is_of_all_procurement(tmp_path: Path, share: str, rules: list[str]) -> None:
    """…其中授予小微企业合同金额 1320.40 万元，占 62.58%: of 政府采购支出总额 (2110.02), as the template words it."""
    text = (
        "十、其他重要事项的情况说明\n（二）政府采购支出情况\n2024年度本部门政府采购支出总额2110.02万元，其中：政府采购货物支出"
        "1245.30万元、政府采购工程支出0.00万元、政府采购服务支出864.72万元。授予中小企业合同金额1806.55万元，"
        f"占政府采购支出总额的85.62%，其中授予小微企业合同金额1320.40万元，占{share}%。\n"
    )
    assert _rules(text, tmp_path) == rules


@pytest.mark.parametrize(("change", "rules"), [("20.08", []), ("21.08", ["narrative.budget_change"] * 2)])
def test_a_change_against_a_year_s_budget(tmp_path: Path, change: str, rules: list[str]) -> None:
    """Beijing's 比2024年“三公”经费财政拨款年初预算 113.00 万元减少 20.08 万元，下降 17.77%: against the budget
    (113.00 − 92.92), not last year's 决算 (before, 113.00 was last year's and 2024 the wrong year); the change on 2023
    after it is last year's, as before."""
    text = (
        "七、一般公共预算财政拨款“三公”经费支出决算情况说明\n（一）“三公”经费财政拨款支出决算总体情况\n"
        "2024年“三公”经费财政拨款支出决算为92.92万元，比2024年“三公”经费财政拨款年初预算113.00万元减少"
        f"{change}万元，下降17.77%；比2023年“三公”经费财政拨款支出决算增加16.85万元，增长22.15%。主要原因是按规定更新购置执法执勤车辆。\n"
    )
    assert _rules(text, tmp_path) == rules


@pytest.mark.parametrize(("services", "rules"), [("864.72", []), ("964.72", ["identity.procurement"])])
def test_procurement_parts_worded_as_kinds(tmp_path: Path, services: str, rules: list[str]) -> None:
    """货物类采购 / 工程类采购 / 服务类采购 (Hebei) are the parts of 政府采购 (before, each was taken for the total
    printed first and silently dropped, counted as imported)."""
    text = (
        "十、其他重要事项的情况说明\n（二）政府采购支出情况\n2024年度本部门政府采购支出总额2,110.02万元，其中：货物类采购"
        f"1,245.30万元，工程类采购0.00万元，服务类采购{services}万元。\n"
    )
    assert _rules(text, tmp_path) == rules


def test_a_second_figure_of_a_subject_is_not_counted_as_imported(tmp_path: Path) -> None:
    """A figure after a subject's own that the grammar names no part for (其中：办公设备类 1,245.30 万元) is not the
    subject's: it is read but not held, never counted as imported and dropped."""
    text = (
        "十、其他重要事项的情况说明\n（二）政府采购支出情况\n2024年度本部门政府采购支出总额2,110.02万元，其中：办公设备类"
        "1,245.30万元。\n"
    )
    imported = _read(text, tmp_path)
    assert imported.account.procurement.total.current == Money("2110.02")  # type: ignore[attr-defined]
    assert any("second figure" in issue.reason for issue in imported.report.issues)  # type: ignore[attr-defined]


def test_other_vehicles_by_type_keep_their_label(tmp_path: Path) -> None:
    text = (
        "七、“三公”经费支出决算情况说明\n2.公务用车购置及运行维护费。截至2024年12月31日，本单位公务用车保有量为6辆，其中："
        "越野车2辆、载客汽车1辆、其他车辆3辆。\n"
    )
    account = _read(text, tmp_path).account  # type: ignore[attr-defined]
    assert account.three_public.vehicles_owned_by_type == (("越野车", 2), ("载客汽车", 1), ("其他车辆", 3))


BANDS = "自评得分90分（含）以上的项目10个，自评得分80分（含）至90分的项目{good}个，自评得分60分（含）至80分的项目0个，自评得分60分以下的项目0个"


@pytest.mark.parametrize(("grades", "rules"), [("优10个、良4个、中0个、差0个", []), ("优10个、良4个、中1个、差0个", ["narrative.count_parts"]),
                                               ("优秀10个、良好3个、合格1个、不合格0个", []),
                                               ("自评结果为优的10个，为良的4个，为中的0个，为差的0个", []),
                                               ("自评结果为优的10个，为良的5个，为中的0个，为差的0个", ["narrative.count_parts"]),
                                               (BANDS.format(good=4), []), (BANDS.format(good=3), ["narrative.count_parts"]),
                                               ("优10个，良4个", []), ("优10个，良3个", []), ("优10个，良5个", ["narrative.count_parts"]),
                                               ("优秀项目10个，良好项目5个", ["narrative.count_parts"]),
                                               ("自评等级为优的项目10个，良的项目5个", ["narrative.count_parts"]),
                                               ("10个项目评价等级为“优”，5个项目评价等级为“良”", ["narrative.count_parts"]),
                                               ("10个项目评价等级为“优”，4个项目评价等级为“良”", [])])
def test_grades_of_self_evaluated_projects_in_other_wording(tmp_path: Path, grades: str, rules: list[str]) -> None:
    """对 14 个项目开展了绩效自评，其中：优 10 个、良 4 个… (or 自评结果为优的 10 个，为良的 4 个…, or by the grades' bands,
    自评得分90分（含）以上的项目 10 个…: Beijing): the grades add up to the projects (before, read only in Shanghai's
    wording 绩效评级为“优”的项目 N 个). With some grades not printed (优 10 个，良 3 个), they are at most the projects."""
    text = f"十、其他重要事项的情况说明\n（四）预算绩效管理情况\n2024年度，本部门对14个项目开展了绩效自评，其中：{grades}。\n"
    assert _rules(text, tmp_path) == rules


@pytest.mark.parametrize(("reception", "rules"), [("3.28", []), ("4.28", ["identity.three_public_total"])])
def test_three_public_with_the_car_costs_as_parts_of_their_own(tmp_path: Path, reception: str, rules: list[str]) -> None:
    """Hebei: 因公出国（境）费、公务用车购置费、公务用车运行维护费、公务接待费 as the four parts of the 三公, their
    公务用车购置及运行维护费 not printed (before, the total was not checked at all)."""
    text = (
        "七、一般公共预算财政拨款“三公”经费支出决算情况说明\n2024年度“三公”经费财政拨款支出决算数为63.85万元。其中：因公出国（境）费"
        f"7.62万元，公务用车购置费25.80万元，公务用车运行维护费27.15万元，公务接待费{reception}万元。\n"
    )
    assert _rules(text, tmp_path) == rules


@pytest.mark.parametrize(("small", "rules"), [("6,500,000.00", []), ("15,000,000.00", ["narrative.sme_reserved"])])
def test_reserved_budgets_printed_in_yuan(tmp_path: Path, small: str, rules: list[str]) -> None:
    """The budgets reserved for 中小企业 and 小微企业 in 元 are compared as in 万元 (before, only 万元 was read)."""
    text = (
        "十、其他重要事项的情况说明\n（二）政府采购支出情况\n本单位2024年度政府采购支出总额18,606,070.30元。本年度面向中小企业"
        f"预留政府采购项目预算金额10,500,000.00元，其中，面向小微企业预留政府采购项目预算金额{small}元。\n"
    )
    assert _rules(text, tmp_path) == rules
    if rules:
        [finding] = [f for f in check(_read(text, tmp_path).account) if f.rule == rules[0]]  # type: ignore[attr-defined]
        assert "1500.00万元" in finding.message and "1050.00万元" in finding.message


def test_figures_printed_in_yuan_are_shown_without_the_noughts_of_wan(tmp_path: Path) -> None:
    """18,606,070.30 元 is held as 1860.607030 万元; a message shows 1860.60703万元, as no report prints 万元 to six places."""
    text = (
        "十、其他重要事项的情况说明\n（二）政府采购支出情况\n本单位2024年度政府采购支出总额18,606,070.30元，其中：政府采购货物"
        "支出3,865,420.00元、政府采购工程支出12,560,000.00元、政府采购服务支出2,108,650.30元。\n"
    )
    [finding] = [f for f in check(_read(text, tmp_path).account) if f.rule == "identity.procurement"]  # type: ignore[attr-defined]
    assert "1860.60703万元不等于各项之和1853.40703万元（货物 386.542 + 工程 1256.00 + 服务 210.86503）" in finding.message
    assert (finding.stated_text, finding.expected_text) == ("1860.60703", "1853.40703")
    assert finding.as_dict()["stated_value"] == {"kind": "number", "value": "1860.607030"}  # typed: every place kept


@pytest.mark.parametrize(("office", "rules"), [("8.40", []), ("18.40", ["explanation.listed_sum"])])
def test_a_listed_reason_whose_item_name_holds_brackets(tmp_path: Path, office: str, rules: list[str]) -> None:
    """…主要原因是：办公费减少 8.40 万元，…维修（护）费减少 4.20 万元…: a bracket inside an item's name is part of the
    name (before, it made the list no list, and its sum went unchecked)."""
    text = (
        "十、其他重要事项的情况说明\n（一）机关运行经费支出情况\n2024年度本部门机关运行经费支出385.62万元，较上年减少16.55万元，"
        f"下降4.12%。主要原因是：办公费减少{office}万元，差旅费减少5.35万元，维修（护）费减少4.20万元，邮电费增加1.40万元。\n"
    )
    assert _rules(text, tmp_path) == rules


@pytest.mark.parametrize(("groups", "rules"), [("1", []), ("2", ["narrative.count_parts", "narrative.count_parts"])])
def test_delegations_and_cars_bought_add_up(tmp_path: Path, groups: str, rules: list[str]) -> None:
    """团组 3 个，累计 11 人次 against each delegation's 团组 and 人次; 购置公务用车 2 辆 against its types."""
    text = (
        "七、财政拨款“三公”经费支出决算情况说明\n（二）“三公”经费财政拨款支出决算具体情况说明\n"
        "1.因公出国（境）费支出24.56万元。全年安排因公出国（境）团组3个，累计11人次。开支内容包括：赴荷兰开展考察交流团组1个、"
        f"5人次，赴泰国参加论坛团组1个、4人次，赴澳大利亚开展技术交流团组{groups}个、{int(groups) + 1}人次。\n"
        "2.公务用车购置及运行维护费支出101.27万元。其中：公务用车购置费48.90万元。全年按规定更新购置公务用车2辆，其中："
        "轿车1辆、金额18.90万元，越野车1辆、金额30.00万元。公务用车运行维护费52.37万元。\n"
    )
    assert _rules(text, tmp_path) == rules
    assert _rules(text.replace("越野车1辆", "越野车2辆"), tmp_path) == [*rules, "narrative.count_parts"]


@pytest.mark.parametrize(
    ("breakdown", "rules"),
    [
        ("按支出功能分类，本年支出合计中：科学技术支出6424.81万元，占71.29%；农林水支出2587.75万元，占28.71%。", []),
        ("按支出功能分类，本年支出合计中：科学技术支出6424.81万元，占71.29%；农林水支出2587.75万元，占28.17%。", ["claim.share"]),
        ("按支出功能分类，科学技术支出6424.81万元，占本年支出合计的71.92%；农林水支出2587.75万元，占28.71%。", ["claim.share"]),
        ("按支出功能分类，科学技术支出64,248,100.00元，占71.29%；农林水支出25,877,500.00元，占28.17%。", ["claim.share"]),
    ],
)
def test_the_functional_breakdown_of_the_year_s_expenditure(tmp_path: Path, breakdown: str, rules: list[str]) -> None:
    """三 (Hubei): 按支出功能分类，本年支出合计中：科学技术支出 6424.81 万元，占 71.29%: each 类 of every fund a share of
    本年支出合计 (6424.81 / 9012.56 = 71.287% → 71.29%), its amount printed beside it. Before, none was understood."""
    text = f"三、支出决算情况说明\n2024年度本年支出合计9012.56万元，其中：基本支出4622.06万元，占51.28%；项目支出4390.50万元，占48.72%。{breakdown}\n"
    assert _rules(text, tmp_path) == rules


def test_a_chart_s_number_in_its_caption_is_numbering(tmp_path: Path) -> None:
    """（图1：收、支决算总计变动情况图） where a chart stood (Sichuan's text versions): its 1 is the chart's number, kept in the
    text, not a figure left not understood, also where the charts are numbered 1, 3 and so are not read as charts."""
    text = "一、收入支出决算总体情况说明\n（图1：收、支决算总计变动情况图）（柱状图）\n（图3：支出决算结构图）（饼状图）\n"
    assert [u.text for u in _read(text, tmp_path).report.not_understood] == []  # type: ignore[attr-defined]


@pytest.mark.parametrize(("second", "rules"), [("200.00", []), ("210.00", ["identity.category_rollup"])])
def test_an_item_s_name_may_hold_a_pause_mark(tmp_path: Path, second: str, rules: list[str]) -> None:
    """在乡复员、退伍军人生活补助（项） (a 项 of 抚恤, Tianjin): the 、 is part of the name. Before, the line was not
    understood and its 200.00 was missing from the 类's sum (a false identity.category_rollup)."""
    text = (
        "五、一般公共预算财政拨款支出决算情况说明\n（二）一般公共预算财政拨款支出决算结构情况\n"
        "2024年度一般公共预算财政拨款支出300.00万元，主要用于以下方面：社会保障和就业支出（类）300.00万元，占100.00%。\n"
        "（三）一般公共预算财政拨款支出决算具体情况\n1.社会保障和就业支出（类）抚恤（款）伤残抚恤（项）。支出决算为100.00万元。\n"
        f"2.社会保障和就业支出（类）抚恤（款）在乡复员、退伍军人生活补助（项）。支出决算为{second}万元。\n"
    )
    assert _rules(text, tmp_path) == rules


@pytest.mark.parametrize(("rate", "rules"), [("10.00", []), ("10.10", ["claim.growth"])])
def test_both_totals_named_in_full_and_set_apart_by_a_pause_mark(tmp_path: Path, rate: str, rules: list[str]) -> None:
    """收入总计900.00万元、支出总计900.00万元 (Anhui): the second figure is 支出总计's; 收入总计、支出总计各减少 (Guizhou) is a
    change of both. Before, the 支出总计 after 、 was no subject and the paired change was not understood."""
    text = (
        "一、收入支出决算总体情况说明\n2024年度收入总计900.00万元、支出总计900.00万元，与上年相比，收入总计、支出总计"
        f"各减少100.00万元，下降{rate}%。\n"
    )
    imported = _read(text, tmp_path)
    assert imported.report.not_understood == ()  # type: ignore[attr-defined]
    assert imported.account.expenditure.total.current == Money("900.00")  # type: ignore[attr-defined]
    assert _rules(text, tmp_path) == rules


@pytest.mark.parametrize(("first", "rules"), [("1,260.00", []), ("1,560.00", ["identity.reception_events"])])
def test_a_reception_s_cost_grouped_in_thousands(tmp_path: Path, first: str, rules: list[str]) -> None:
    """七's dated list with a cost printed 1,260.00 元 (Jiangxi): before, the events were not read at all (their 16 numbers
    not understood), so a wrong cost went unfound."""
    text = (
        "七、“三公”经费财政拨款支出决算情况说明\n国内公务接待支出2580.00元。国内公务接待2批次，10人次，共计支出2580.00元。"
        f"3月12日接待省疾控中心专家一行6人前来开展督导工作，支出接待餐费{first}元；5月20日接待市卫健委督导组一行4人前来开展"
        "检查工作，支出接待餐费1,320.00元。\n"
    )
    assert _rules(text, tmp_path) == rules


def test_receptions_counted_after_each_kind_s_amount_are_that_kind_s(tmp_path: Path) -> None:
    """国内公务接待支出 9.12 万元，共接待 68 批次，612 人次；外事接待支出 3.25 万元，共接待 5 批次，46 人次 (Fujian): each 共接待
    counts the kind its clause names. Before, 68 and 612 were held as every reception's, and 5 and 46 were lost."""
    text = (
        "七、“三公”经费财政拨款支出决算情况说明\n3.公务接待费支出12.37万元。其中：国内公务接待支出9.12万元，共接待68批次，"
        "612人次；外事接待支出3.25万元，共接待5批次，46人次。\n"
    )
    tp = _read(text, tmp_path).account.three_public  # type: ignore[attr-defined]
    assert (tp.domestic_batches, tp.domestic_persons, tp.foreign_batches, tp.foreign_persons) == (68, 612, 5, 46)
    assert (tp.reception_batches, tp.reception_persons) == (None, None)


@pytest.mark.parametrize(
    ("other", "rules"),
    [("100.00", []), ("100.01", []), ("150.00", ["identity.parts_over_total"]), ("99.99", [])],
)
def test_printed_parts_of_a_total_some_of_whose_parts_are_not_printed(tmp_path: Path, other: str, rules: list[str]) -> None:
    """二 prints 本年收入合计 and only the sources it has (Tianjin): the identity cannot be checked, but the sources
    printed add up to no more than the total. 900.00 + 150.00 against 1000.00 is an error; 900.00 + 100.01 is within
    the figures' rounding (the total may be 1000.005 and the parts 1000.005 too), so no finding. Both check() and the
    batch find it (the batch leaves such an account to the rules)."""
    from budgetkit.checks.batch import Batch, check_batch

    text = f"二、收入决算情况说明\n2024年度本年收入合计1000.00万元，其中：一般公共预算财政拨款收入900.00万元；其他收入{other}万元。\n"
    assert _rules(text, tmp_path) == rules
    account = _read(text, tmp_path).account  # type: ignore[attr-defined]
    assert check_batch(Batch.from_accounts([account])) == [check(account)]


@pytest.mark.parametrize(
    ("funds", "rules"),
    [("400.00万元", []), ("300.00万元", ["claim.share"]), ("4,000,000.00元", []), ("3,000,000.00元", ["claim.share"])],
)
@pytest.mark.parametrize("counted", ["其中，一级项目2个，二级项目6个，共涉及资金", "共涉及项目8个，资金"])
def test_the_self_evaluated_funds_share_of_project_expenditure(tmp_path: Path, funds: str, rules: list[str], counted: str) -> None:
    """The national template's 绩效 sentence: …共涉及资金 A 万元，占一般公共预算项目支出总额的 100%: A over 五's 项目支出
    (seven of twelve made-up provinces' reports print it). Before, it was not understood: 300 of 400 said 100% unfound.
    共涉及项目 8 个，资金 A 万元 (the funds after the count) likewise; before, that wording was not understood."""
    text = (
        "五、一般公共预算财政拨款支出决算情况说明\n2024年度一般公共预算财政拨款支出1000.00万元，其中：基本支出600.00万元，"
        "项目支出400.00万元。\n十、其他重要事项的情况说明\n（四）预算绩效管理情况\n根据预算绩效管理要求，本单位组织对2024年度"
        f"一般公共预算项目支出全面开展绩效自评，{counted}{funds}，占一般公共预算项目支出"
        "总额的100%。自评结果为优的7个，为良的1个，为中的0个，为差的0个。\n"
    )
    assert _rules(text, tmp_path) == rules


@pytest.mark.parametrize(("share", "rules"), [("100.00", []), ("90.00", ["claim.share"])])
def test_a_class_share_in_five_with_its_whole_unsaid(tmp_path: Path, share: str, rules: list[str]) -> None:
    """（二）…决算结构情况：一般公共服务支出 30.30 万元，占 90.00% (the heading and its text in one paragraph, as a Word
    document may print it): a 类's share in 五 is of 一般公共预算财政拨款支出 when no whole is said. Before, it was read but
    not held ("a share of a whole the account has no path for")."""
    text = (
        "五、一般公共预算财政拨款支出决算情况说明\n（一）一般公共预算财政拨款支出决算总体情况：2024年度一般公共预算财政拨款支出"
        f"30.30万元。\n（二）一般公共预算财政拨款支出决算结构情况：一般公共服务支出30.30万元，占{share}%。\n"
    )
    assert _rules(text, tmp_path) == rules


@pytest.mark.parametrize(
    ("sentence", "rules"),
    [
        ("评价得分为89.50分，绩效等级为“良”", []),
        ("评价得分为89.50分，绩效等级为“优”", ["narrative.grade"]),
        ("自评得分为94分，等级为优秀", []),
        ("评价得分95分，评价等级为合格", ["narrative.grade"]),
    ],
)
def test_a_score_printed_with_its_grade(tmp_path: Path, sentence: str, rules: list[str]) -> None:
    """重点绩效评价 and 部门整体支出绩效自评 print a score and its grade: the grade is the score's by the bands (the
    national 优 90, 良 80, 中 60, 差 below; 合格 ranks as 中). Before, a grade against its score went unfound."""
    text = f"十、其他重要事项的情况说明\n（四）预算绩效管理情况\n本部门选取“背街小巷整治”项目开展部门评价，{sentence}。\n"
    assert _rules(text, tmp_path) == rules


@pytest.mark.parametrize(("share", "rules"), [("40.00", []), ("45.00", ["claim.share"])])
def test_balances_of_basic_and_project_expenditure_are_not_those_expenditures(
    tmp_path: Path, share: str, rules: list[str]
) -> None:
    """年末结转和结余 20.00 万元，其中基本支出结转 5.00 万元，项目支出结转和结余 15.00 万元 (Jilin, Shanxi): balances. Before,
    5.00 was taken for 基本支出 and 三's 40.00 became a second figure of it, its share an error (应为 5.00%)."""
    text = (
        "一、收入支出决算总体情况说明\n2024年度本年支出合计100.00万元；年末结转和结余20.00万元，其中基本支出结转5.00万元，"
        "项目支出结转和结余15.00万元。\n三、支出决算情况说明\n2024年度本年支出合计100.00万元，其中：基本支出40.00万元，"
        f"占{share}%；项目支出60.00万元，占60.00%。\n"
    )
    assert _rules(text, tmp_path) == rules


@pytest.mark.parametrize(("share", "rules"), [("90.00", []), ("80.00", ["claim.share"])])
def test_a_figure_said_to_be_the_subject_named_after_it(tmp_path: Path, share: str, rules: list[str]) -> None:
    """…其中：90.00 万元为财政拨款收入，占 90.00%; 60.00 万元用于基本支出 (Tibet): the figure is of the subject named after
    it. Before, it was taken for the whole named before (claim.amount 90.00 against 100.00, and a share of 10.00%)."""
    text = (
        "二、收入决算情况说明\n2024年度本年收入合计100.00万元，其中：90.00万元为财政拨款收入，"
        f"占{share}%；10.00万元为其他收入，占10.00%。\n三、支出决算情况说明\n2024年度本年支出合计100.00万元，其中：60.00万元"
        "用于基本支出，占60.00%；40.00万元用于项目支出，占40.00%。\n"
    )
    assert _rules(text, tmp_path) == rules


def test_headings_of_one_length_do_not_make_a_text_wrapped(tmp_path: Path) -> None:
    """A text a paragraph a line whose many template headings share one length (Ningxia) is not hard-wrapped at it:
    before, （二）…决算结构情况 was joined to the line after it, its words taken into the first 类's name, and one 项
    summed as a 类 (a false identity.general_budget_classes, 8019.2670 against 7663.0540)."""
    from shutil import copyfile

    path = tmp_path / "report.txt"
    copyfile(Path(__file__).parent / "data" / "wrapped" / "ningxia-headings.txt", path)
    assert [f.rule for f in check(read_text(path).account) if f.severity is not Severity.INFO] == []


@pytest.mark.parametrize(("rate", "rules"), [("17.17", []), ("17.71", ["claim.growth"])])
def test_a_fall_worded_as_huiluo(tmp_path: Path, rate: str, rules: list[str]) -> None:
    """同比减少 4.22 万元，回落 17.17% (Hainan): 回落 is 下降 (4.22 / 24.58 = 17.168% → 17.17%); before, not understood."""
    text = (
        "七、“三公”经费财政拨款支出决算情况说明\n2024年度“三公”经费财政拨款支出决算为20.36万元，比上年24.58万元减少4.22万元，"
        f"回落{rate}%，主要原因是压减公务接待。\n"
    )
    assert _rules(text, tmp_path) == rules


@pytest.mark.parametrize(("closing", "rules"), [("534.10", []), ("544.10", ["identity.fiscal_fund"])])
def test_a_fund_s_opening_balance_worded_shangnian_jiezhuan(tmp_path: Path, closing: str, rules: list[str]) -> None:
    """八: 政府性基金预算财政拨款上年结转 863.50 万元 (Hainan, no 和结余) is the fund's opening balance, so 863.50 + 2356.00
    − 2685.40 = 534.10 is checked; before, 863.50 was not understood."""
    text = (
        "八、政府性基金预算支出决算情况说明\n2024年度政府性基金预算财政拨款上年结转863.50万元，本年收入2356.00万元，"
        f"本年支出2685.40万元，年末结转和结余{closing}万元。\n"
    )
    assert _rules(text, tmp_path) == rules


@pytest.mark.parametrize(("good", "rules"), [("2", []), ("3", ["narrative.count_parts"])])
def test_the_projects_of_the_national_template_s_sentence_and_their_grades(tmp_path: Path, good: str, rules: list[str]) -> None:
    """…全面开展绩效自评，共涉及项目 12 个… 绩效评级为“优”的项目 10 个，绩效评级为“良”的项目 3 个 (Xinjiang): 13 graded of 12
    projects. Before, the count was not read in this wording, and a list missing a grade was never compared."""
    text = (
        "十、其他重要事项的情况说明\n（三）预算绩效管理情况\n本部门组织对2024年度一般公共预算项目支出全面开展绩效自评，"
        f"共涉及项目12个。自评结果显示，绩效评级为“优”的项目10个，绩效评级为“良”的项目{good}个，平均得分93.6分。\n"
    )
    assert _rules(text, tmp_path) == rules


@pytest.mark.parametrize(("printed", "rules"), [("200.00", []), ("210.00", ["claim.amount"])])
def test_operating_income_printed_again_and_a_fund_s_balance(tmp_path: Path, printed: str, rules: list[str]) -> None:
    """十's 经营收支情况 prints 经营收入 again: a second, different figure is a claim against 二's (before, dropped as "a
    second figure"); 年末事业基金余额 is no 使用非财政拨款结余 (before, taken for a second one)."""
    text = (
        "二、收入决算情况说明\n2024年度本年收入合计1000.00万元，其中：财政拨款收入800.00万元，占80.00%；经营收入200.00万元，"
        "占20.00%。\n十、其他重要事项的情况说明\n（一）事业基金情况\n2024年度本单位使用非财政拨款结余（事业基金）150.00万元"
        f"弥补收支差额。年末事业基金余额1863.79万元。\n（二）经营收支情况\n2024年度本单位经营收入{printed}万元。\n"
    )
    assert _rules(text, tmp_path) == rules
    issues = [i.reason for i in _read(text, tmp_path).report.issues]  # type: ignore[attr-defined]
    assert not any("second figure of 使用非财政拨款结余" in reason for reason in issues)


@pytest.mark.parametrize(("purchase", "rules"), [("0", []), ("1", ["identity.three_public_vehicle"])])
def test_three_public_budgets_add_up_as_the_actuals_do(tmp_path: Path, purchase: str, rules: list[str]) -> None:
    """公务用车购置及运行维护费支出预算为 32.00 万元 … 购置费支出预算为 0 万元 … 运行维护费支出预算为 32.00 万元: the budgets
    add up as the 决算 do (表七's 预算数 columns). Before, only the 决算 were added up."""
    text = (
        "七、“三公”经费财政拨款支出决算情况说明\n2024年度“三公”经费财政拨款支出预算为59.00万元，支出决算为45.44万元，完成预算的"
        "77.02%，其中：因公出国（境）费支出预算为15.00万元，支出决算为9.86万元，完成预算的65.73%；公务用车购置及运行维护费支出"
        f"预算为32.00万元，支出决算为27.43万元，完成预算的85.72%，其中：公务用车购置费支出预算为{purchase}万元，支出决算为0万元；"
        "公务用车运行维护费支出预算为32.00万元，支出决算为27.43万元，完成预算的85.72%；公务接待费支出预算为12.00万元，支出决算为"
        "8.15万元，完成预算的67.92%。决算数小于预算数的主要原因是厉行节约。\n"
    )
    assert _rules(text, tmp_path) == rules


@pytest.mark.parametrize(("rate", "rules"), [("58.71", []), ("68.71", ["claim.growth"])])
def test_a_comparison_with_last_year_after_a_reason_on_the_budget(tmp_path: Path, rate: str, rules: list[str]) -> None:
    """…比年初预算减少 2.16 万元，下降 18.00%，主要原因是严格控制出访规模；比2023年增加 3.64 万元，增长 58.71% (Beijing): the
    reason ends at the ；, and the change on last year is read (3.64 / (9.84 − 3.64) = 58.71%). Before, it was kept in
    the reason's text: a wrong rate there went unfound."""
    text = (
        "七、“三公”经费财政拨款支出决算情况说明\n1.因公出国（境）费支出决算9.84万元，比年初预算减少2.16万元，下降18.00%，"
        f"主要原因是严格控制出访规模；比2023年增加3.64万元，增长{rate}%，主要原因是团组增加。\n"
    )
    assert _rules(text, tmp_path) == rules


THREE_PUBLIC_TYPED = (
    "七、“三公”经费财政拨款支出决算情况说明\n2024年度“三公”经费财政拨款支出预算与决算情况如下表（单位：万元）：\n"
    "项目 预算数 决算数\n合计 25.00 20.36\n因公出国（境）费 0.00 0.00\n公务用车购置及运行维护费 20.00 17.20\n"
    "其中：公务用车购置费 0.00 0.00\n公务用车运行维护费 20.00 17.20\n公务接待费 5.00 {reception}\n"
    "2024年度“三公”经费财政拨款支出决算为20.36万元，完成预算的{rate}%。\n"
)


@pytest.mark.parametrize(
    ("reception", "rate", "rules"),
    [("3.16", "81.44", []), ("3.26", "81.44", ["identity.three_public_total"]), ("3.16", "81.54", ["claim.completion"])],
)
def test_a_three_public_table_typed_as_lines_of_text(tmp_path: Path, reception: str, rate: str, rules: list[str]) -> None:
    """表七 typed in the 情况说明 as lines of text (Hainan: …如下表（单位：万元）：⏎项目 预算数 决算数⏎公务接待费 5.00 3.16):
    each row's figures are the 预算数 and 决算数 of the 三公 line it names, in the unit the sentence before gives, so
    that the lines add up and the 完成预算 of the sentence after is of them. Before, its 12 numbers were not understood."""
    imported = _read(THREE_PUBLIC_TYPED.format(reception=reception, rate=rate), tmp_path)
    assert imported.report.not_understood == ()  # type: ignore[attr-defined]
    three_public = imported.account.three_public  # type: ignore[attr-defined]
    assert (str(three_public.total.budget), str(three_public.vehicle_purchase.current)) == ("25.00万元", "0.00万元")
    assert _rules(THREE_PUBLIC_TYPED.format(reception=reception, rate=rate), tmp_path) == rules


def test_rows_of_a_typed_table_on_no_three_public_line_are_not_read() -> None:
    """A typed table's row that names no line of 表七 in full, or one outside a section on 三公, is read as any
    paragraph is: its numbers (printed without their unit) stay not understood."""
    from budgetkit.io.document import Box, Line, Paragraph
    from budgetkit.io.grammar import parse_paragraphs

    def unread(*texts: str) -> list[str]:
        paragraphs = [Paragraph(t, (Line(t, Box(1, 0, 0, 9, 9)),)) for t in texts]
        return [u.text for u in parse_paragraphs(paragraphs).unread]

    head = ("七、“三公”经费财政拨款支出决算情况说明", "情况如下表（单位：万元）：", "项目 预算数 决算数")
    assert unread(*head, "公务接待费 5.00 3.16") == []
    assert unread(*head, "接待费用 5.00 3.16") == ["5.00", "3.16"]
    assert unread("五、一般公共预算财政拨款支出决算情况说明", *head[1:], "公务接待费 5.00 3.16") == ["5.00", "3.16"]
    assert unread(*head[:2], "公务接待费 5.00 3.16") == ["5.00", "3.16"]  # no header: no table
