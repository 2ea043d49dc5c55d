"""The 情况说明 of provinces not seen before (Gansu's other layout, Hunan, Zhejiang), and sections known by their
headings' words rather than by Shanghai's numbers.

Each structure is mirrored from published reports, written here in our own words and numbers. As in
tests/test_grammar_field.py, rule one: a figure is either read — subject, value and claim asserted — or asserted to
stay unread, never misbound; and check on each composed report finds nothing that the text does not really get
wrong (each sum, share and rate below was checked by hand with exact arithmetic).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from budgetkit.checks.audit import check
from budgetkit.checks.finding import Severity
from budgetkit.io.document import Box, Line, Paragraph
from budgetkit.io.grammar import (
    FISCAL_EXPENDITURE_SECTION,
    Amount,
    Change,
    Completion,
    Count,
    Role,
    Share,
    parse_paragraphs,
    parse_text,
    section_role,
)
from budgetkit.io.pdf import Imported
from budgetkit.io.text import read_text
from budgetkit.model.account import FinalAccount


def _read(text: str, section: str = "一", headings: tuple[str, ...] = ()) -> list[tuple[str, str, str]]:
    """(kind, subject key, figure as printed) of every statement with a figure, in order."""
    out = []
    for s in parse_text(text, section=section, headings=headings):
        if isinstance(s, Amount | Change | Share | Completion | Count):
            out.append((type(s).__name__, s.subject.key, str(s.figure)))
    return out


def _unread(text: str, heading: str = "一、示例") -> list[str]:
    """The numbers of one paragraph no statement accounts for, read under a section heading."""
    paragraph = Paragraph(text, (Line(text, Box(1, 0, 0, 9, 9)),))
    return [u.text for u in parse_paragraphs([Paragraph(heading, ()), paragraph]).unread]


def _wholes(text: str, section: str = "二") -> list[tuple[str, str | None]]:
    """(part, whole) of every share of a paragraph."""
    return [
        (s.subject.key, s.of.key if s.of is not None else None)
        for s in parse_text(text, section=section)
        if isinstance(s, Share)
    ]


def _import(tmp_path: Path, name: str, text: str) -> Imported:
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return read_text(path)


def _value(account: FinalAccount, path: str) -> str | None:
    node: object = account
    for part in path.split("."):
        node = getattr(node, part)
    current = node.current  # type: ignore[attr-defined]
    return None if current is None else str(current.amount)


# -- sections known by their headings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("section", "headings", "role"),
    [
        # Shanghai's own headings keep their numbers' meaning
        ("一", ("一、收入支出决算总体情况说明",), "一"),
        ("四", ("四、财政拨款收入支出决算总体情况说明",), "四"),
        ("五（三）", ("五、一般公共预算财政拨款支出决算情况说明", "（三）一般公共预算财政拨款支出决算具体情况"), "五"),
        ("六", ("六、一般公共预算财政拨款基本支出决算情况说明",), "六"),
        ("七（二）", ("七、财政拨款“三公”经费支出决算情况说明", "（二）“三公”经费财政拨款支出决算具体情况说明。"), "七"),
        ("八", ("八、政府性基金预算财政拨款收入支出决算情况说明",), "八"),
        ("九", ("九、国有资本经营预算财政拨款收入支出决算情况说明",), "九"),
        ("十一", ("十一、其他重要事项的情况说明",), "其他"),
        # other provinces number them otherwise (Gansu, Guangxi, Hubei, Zhejiang, Inner Mongolia)
        ("三", ("三、一般公共预算财政拨款支出决算情况。",), "五"),
        ("二", ("二、2021年度一般公共预算财政拨款支出决算情况",), "五"),
        ("六", ("六、财政拨款安排的“三公”经费支出决算情况说明",), "七"),
        ("四", ("四、2021年度政府性基金支出决算情况",), "八"),
        ("三（七）", ("三、2020年度单位决算情况说明", "（七）政府性基金预算财政拨款支出决算总体情况说明"), "八"),
        ("三（九）", ("三、2020年度单位决算情况说明", "（九）一般公共预算财政拨款“三公”经费支出决算情况说明"), "七"),
        ("七", ("七、一般公共预算项目支出决算情况说明",), "其他"),
        ("三", ("三、财政拨款收入决算情况",), "四"),
        # Hubei: every fund's 财政拨款支出, not 表三's 支出 (its subsections say which part: 四's 总体, 五)
        ("二", ("二、2021 年度财政拨款支出决算情况",), FISCAL_EXPENDITURE_SECTION),
        # a heading that names none of them keeps its number; a sentence is no heading
        ("五", ("五、其他",), "五"),
        ("三（二）", ("三、支出决算情况说明", "（二）本单位2021年度总支出150.00万元，其中本年支出130.00万元"), "三"),
        ("", (), ""),
    ],
)
def test_a_section_is_what_its_heading_names(section: str, headings: tuple[str, ...], role: str) -> None:
    assert section_role(section, *headings) == role


def test_a_path_is_of_the_fund_its_section_names() -> None:
    """A 类/款/项 path is a line of 表五 in the 一般公共预算 section, of 表八 in the 政府性基金 one — whatever their
    numbers — and of no table in a section of every fund (三's 支出) or of none (a 项目支出 section): there its
    figure stays not understood. Before, every path outside 五/八/九 was taken for a line of 表五."""
    path = "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）支出30.00万元。"
    assert _read(path, "三", ("三、一般公共预算财政拨款支出决算情况",)) == [
        ("Amount", "general_budget.item", "30.00万元")]
    assert _read("城乡社区支出（类）10.00万元。", "四", ("四、政府性基金预算支出决算情况",)) == [
        ("Amount", "government_fund.class", "10.00万元")]
    for heading in ("三、支出决算情况说明", "七、一般公共预算项目支出决算情况说明", "四、财政拨款收入支出决算总体情况说明"):
        assert _read(path, heading[0], (heading,)) == []
        assert _unread(path, heading) == ["30.00"]
    # with no heading at all (a paragraph read alone), the template's numbering decides, as before
    assert _read(path, "五") == [("Amount", "general_budget.item", "30.00万元")]


def test_a_class_named_without_lei_in_gansu_s_third_section() -> None:
    """Gansu's 三、一般公共预算财政拨款支出决算情况 lists each 类 as 五（二） does: read as lines of 表五 (before, as
    section 三's, they were not understood). Under 三、支出决算情况说明 a 类 is one of every fund's (按支出功能分类),
    which no line of 表五 is."""
    text = "1. 教育支出700.00万元，主要用于保教工作的人员经费和办公经费，完成年初预算100%。"
    assert _read(text, "三", ("三、一般公共预算财政拨款支出决算情况",)) == [
        ("Amount", "general_budget.class", "700.00万元"), ("Completion", "general_budget.class", "100%")]
    assert _read(text, "三", ("三、支出决算情况说明",)) == [
        ("Amount", "expenditure.class", "700.00万元"), ("Completion", "expenditure.class", "100%")]


# -- Gansu: 本单位收入为 A 万元 ----------------------------------------------------------------------------------------


def test_unit_income_is_this_year_s_when_its_sources_follow() -> None:
    """本单位收入为 A 万元，其中：财政拨款收入 …，事业收入 …: the parts are the year's sources, so A is 本年收入合计
    (their shares are of it: 720/800 = 90%); 本单位支出为 A 万元。其中：基本支出 … alike."""
    text = "2023年度，本单位收入为800.00万元，其中：财政拨款收入720.00万元，占90.00%；事业收入80.00万元，占10.00%。"
    assert _read(text, "二") == [
        ("Amount", "income.year_total", "800.00万元"),
        ("Amount", "income.fiscal", "720.00万元"), ("Share", "income.fiscal", "90.00%"),
        ("Amount", "income.business", "80.00万元"), ("Share", "income.business", "10.00%")]
    assert _wholes(text) == [("income.fiscal", "income.year_total"), ("income.business", "income.year_total")]
    text = "2023年度，本单位支出为850.00万元。其中：基本支出600.00万元，占70.59%；项目支出250.00万元，占29.41%。"
    assert _read(text, "三")[0] == ("Amount", "expenditure.year_total", "850.00万元")
    assert _wholes(text, "三") == [
        ("expenditure.basic", "expenditure.year_total"), ("expenditure.project", "expenditure.year_total")]


def test_unit_income_is_the_total_when_the_balances_follow() -> None:
    """本单位收入为 A 万元，其中：本年收入 B 万元，年初结转和结余 C 万元: A is 收入总计."""
    text = "本单位收入为120.00万元，其中：本年收入100.00万元，年初结转和结余20.00万元。"
    assert [key for _, key, _ in _read(text)] == ["income.total", "income.year_total", "income.opening_balance"]


def test_unit_income_alone_stays_unread() -> None:
    """With no parts after it, 本单位收入为 A 万元 may be either total: not read (never guessed)."""
    for text in ("2023年度，本单位收入为800.00万元。", "本单位收入为800.00万元，较上年增加10.00万元。",
                 "本单位收入为800.00万元，主要是财政拨款收入。"):
        assert _read(text, "二") == []
        assert _unread(text, "二、收入决算情况")[0] == "800.00"


# -- a share's whole -------------------------------------------------------------------------------------------------


def test_a_sibling_part_named_first_is_no_whole() -> None:
    """基本支出 A，占 p%；项目支出 B，占 q%, with no whole named before 其中: q% is of no whole (before, it was read as
    a share of 基本支出, and check raised a false claim.share error); the whole of a sentence opened by 其中 is the
    sentence's before."""
    text = "基本支出600.00万元，占70.59%；项目支出250.00万元，占29.41%。"
    assert _wholes(text, "三") == [("expenditure.basic", None), ("expenditure.project", None)]
    text = "本年支出合计850.00万元。其中：基本支出600.00万元，占70.59%；项目支出250.00万元，占29.41%。"
    assert _wholes(text, "三") == [
        ("expenditure.basic", "expenditure.year_total"), ("expenditure.project", "expenditure.year_total")]
    # the template's wordings keep their wholes: 其中, 主要用于以下方面, …支出决算中，
    assert _wholes("本年收入合计307.82万元，其中：财政拨款收入307.82万元，占100.00%。") == [
        ("income.fiscal", "income.year_total")]
    assert _wholes("“三公”经费财政拨款支出决算中，公务接待费支出决算0.39万元，占100.00%。", "七") == [
        ("three_public.reception", "three_public")]


# -- Hunan: 三公 with 实际支出…决算为, shares after 其中 ---------------------------------------------------------------------


def test_three_public_in_hunan_words() -> None:
    """预算为 A 万元，实际支出“三公经费”决算为 B 万元。其中公务接待费为 C 万元，占 p%: A the budget, B the 决算, the
    shares of B (15/20 = 75%, 5/20 = 25%); 接待人次为 N 人 stays unread (no subject counts persons)."""
    text = ("2023年度“三公”经费财政拨款支出预算为30.00万元，2023年实际支出“三公经费”决算为20.00万元。"
            "其中公务接待费为15.00万元，占75.00%；公务用车运行维护费为5.00万元，占25.00%。")
    statements = parse_text(text, section="七")
    amounts = [(s.subject.key, s.role.value, str(s.figure)) for s in statements if isinstance(s, Amount)]
    assert amounts == [
        ("three_public", "预算", "30.00万元"), ("three_public", "决算", "20.00万元"),
        ("three_public.reception", "决算", "15.00万元"), ("three_public.vehicle_operation", "决算", "5.00万元")]
    assert _wholes(text, "七") == [
        ("three_public.reception", "three_public"), ("three_public.vehicle_operation", "three_public")]
    assert _unread("公务用车保有量为2辆，接待人次为240人。", "七、三公经费") == ["240"]


# -- composed reports: imported and checked ------------------------------------------------------------------------

GANSU = """天水河市幼儿园2023年度部门决算
第二部分 天水河市幼儿园2023年度部门决算情况说明
一、收入决算情况
2023年度，本单位收入为800.00万元，其中：财政拨款收入720.00万元，占90.00%；事业收入80.00万元，占10.00%；经营收入0万元，占0%；其他收入0万元，占0%。
二、支出决算情况
2023年度，本单位支出为850.00万元。其中：基本支出600.00万元，占70.59%；项目支出250.00万元，占29.41%；经营支出0万元，占0%。
三、财政拨款收入决算情况
2023年度，本单位财政拨款收入总计720.00万元，与上年相比减少30.00万元，降低4.00%。其中：一般公共预算财政拨款收入700.00万元，政府性基金预算财政拨款收入20.00万元。
四、一般公共预算财政拨款支出决算情况
2023年度，本单位一般公共预算财政拨款支出总计760.00万元，与上年相比减少40.00万元，降低5.00%；完成年初预算105.56%，决算数大于预算数40.00万元，主要原因：工资调标。其中：
1. 教育支出700.00万元，主要用于保教工作的人员经费和办公经费，完成年初预算100%。
2. 社会保障和就业支出60.00万元，主要用于养老保险缴费，完成年初预算150.00%，决算数大于预算数20.00万元，主要原因：补缴。
五、“三公”经费支出情况
2023年度“三公”经费财政拨款支出预算为30.00万元，2023年实际支出“三公经费”决算为20.00万元。其中公务接待费为15.00万元，占75.00%；公务用车运行维护费为5.00万元，占25.00%。决算数小于预算数的主要原因是厉行节约。
"""


@pytest.fixture(scope="module")
def gansu(tmp_path_factory: pytest.TempPathFactory) -> Imported:
    return _import(tmp_path_factory.mktemp("gansu"), "gansu", GANSU)


def test_a_report_in_gansu_s_layout_holds_what_it_says(gansu: Imported) -> None:
    """本单位收入/支出为 (本年收入合计, 本年支出合计), 财政拨款收入 of two funds (not held as 一般公共预算's: the
    text prints 政府性基金's 20.00 beside it; the 一般公共预算财政拨款收入 700.00 is), the 类 of 四 (表五's lines),
    三公 in 五. Before: 800.00 and 850.00 not understood, income.general_budget 720.00 (wrong), the 类 of 四 not
    understood, and the share 29.41% of 项目支出 read as a share of 基本支出."""
    account = gansu.account
    assert {p: _value(account, p) for p in (
        "income.year_total", "income.general_budget", "income.government_fund", "income.business",
        "expenditure.year_total", "expenditure.basic", "expenditure.project", "fiscal.total", "general_budget.total",
        "three_public.total", "three_public.reception", "three_public.vehicle_operation",
    )} == {
        "income.year_total": "800.00", "income.general_budget": "700.00", "income.government_fund": "20.00",
        "income.business": "80.00", "expenditure.year_total": "850.00", "expenditure.basic": "600.00",
        "expenditure.project": "250.00", "fiscal.total": "720.00", "general_budget.total": "760.00",
        "three_public.total": "20.00", "three_public.reception": "15.00", "three_public.vehicle_operation": "5.00",
    }
    assert account.three_public.total.budget is not None and account.three_public.total.budget.amount == Decimal("30.00")
    assert [(c.name, str(c.actual)) for c in account.general_budget.categories] == [
        ("教育支出", "700.00万元"), ("社会保障和就业支出", "60.00万元")]
    shares = sorted((c.subject, c.base, str(c.stated)) for c in account.claims if c.kind.value == "share")
    assert ("expenditure.project", "expenditure.year_total", "29.41") in shares
    assert all(base != "expenditure.basic" for _, base, _ in shares)
    assert [u.text for u in gansu.report.not_understood] == ["40.00", "20.00"]  # differences from the budget


def test_a_report_in_gansu_s_layout_checks_clean(gansu: Imported) -> None:
    """800 = 700 + 20 + 80 + 0 + 0; 720/800 = 90%, 80/800 = 10%; 850 = 600 + 250 + 0; 600/850 = 70.59%,
    250/850 = 29.41%; 30/750 = 4.00%, 40/800 = 5.00%; 760 = 700 + 60; 15/20 = 75%, 5/20 = 25%: check finds
    nothing. Before, it raised claim.share 29.41% (of 基本支出, "should be 41.67%"): a false error."""
    assert check(gansu.account) == []


def test_reasons_are_asked_where_the_heading_says(tmp_path: Path) -> None:
    """The template asks a reason for a 项 whose 决算 differs from its budget in the 一般公共预算 section's （三）
    and in the 三公 section — here 三（三） (Gansu's numbering) — and not in a 政府性基金 section that happens to be
    numbered 五. Before, 五（三）'s 政府性基金 项 got a false narrative.reason (and its path was taken for a line
    of 表五, with two false classification hints), and 三（三）'s 项 none."""
    text = """青禾县自然资源局2023年度部门决算
第三部分 2023年度部门决算情况说明
三、一般公共预算财政拨款支出决算情况说明
（三）一般公共预算财政拨款支出决算具体情况
1、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。年初预算为20.00万元，支出决算为25.00万元，完成年初预算的125.00%。
五、政府性基金预算财政拨款收入支出决算情况说明
（三）政府性基金预算财政拨款支出决算具体情况
1、城乡社区支出（类）国有土地使用权出让收入安排的支出（款）城市建设支出（项）。年初预算为10.00万元，支出决算为8.00万元，完成年初预算的80.00%。
"""
    imported = _import(tmp_path, "reasons", text)
    assert [c.name for c in imported.account.general_budget.categories] == ["社会保障和就业支出"]
    found = [(f.code, f.path) for f in check(imported.account)]
    assert found == [("narrative.reason", "passages[3]")]
    assert imported.account.passages[3].section == "三（三）1"


# -- 基本支出 printed short as a whole (Guangxi, Hunan …) -------------------------------------------------------------


def test_a_whole_printed_short_is_the_sentence_s_subject() -> None:
    """一般公共预算财政拨款基本支出 A，其中：人员经费 B，占基本支出 p%: the whole is 表六's 基本支出 (A), not 表一's
    基本支出 of every fund (before, it was; with 表一's 基本支出 400.00 beside 表六's 380.00, check raised two false
    claim.share errors: "342/400 = 85.50%" and "38/400 = 9.50%", where the sentence rightly says 90% and 10% of 380)."""
    text = "一般公共预算财政拨款基本支出380.00万元，其中：人员经费342.00万元，占基本支出90.00%；公用经费38.00万元，占基本支出10.00%。"
    assert _wholes(text, "六") == [("personnel", "general_budget.basic"), ("public_use", "general_budget.basic")]
    # 人员经费 and 公用经费 are 表六's whatever the section; 表一's 基本支出 stays 表一's
    assert _wholes("人员经费342.00万元，占基本支出90.00%。", "三") == [("personnel", "general_budget.basic")]
    assert _wholes("本年支出合计490.00万元，其中：基本支出400.00万元，占本年支出合计的81.63%。", "三") == [
        ("expenditure.basic", "expenditure.year_total")]


def test_the_share_of_basic_expenditure_checks_clean(tmp_path: Path) -> None:
    text = """青禾县档案馆2023年度部门决算
第三部分 2023年度部门决算情况说明
三、支出决算情况说明
本年支出合计490.00万元，其中：基本支出400.00万元，占81.63%；项目支出90.00万元，占18.37%。
六、一般公共预算财政拨款基本支出决算情况说明
2023年度一般公共预算财政拨款基本支出380.00万元，其中：人员经费342.00万元，占基本支出90.00%；公用经费38.00万元，占基本支出10.00%。
"""
    imported = _import(tmp_path, "basic", text)
    assert _value(imported.account, "general_budget.basic") == "380.00"
    assert _value(imported.account, "expenditure.basic") == "400.00"
    assert check(imported.account) == []


# -- Zhejiang: the 情况说明 as section 三 of parts numbered as sections -----------------------------------------------

ZHEJIANG = """江岭市财政局2023年度单位决算
一、概况
（一）单位职责
负责全市财政管理。
二、2023年度单位决算公开表
三、2023年度单位决算情况说明
（一）收入支出决算总体情况说明
2023年度收入总计500.00万元，支出总计500.00万元。与2022年度相比，收、支总计各增加50.00万元，增长11.11%。
（二）收入决算情况说明
本年收入合计480.00万元，其中：财政拨款收入460.00万元，占95.83%；其他收入20.00万元，占4.17%。
（三）支出决算情况说明
本年支出合计490.00万元，其中：基本支出400.00万元，占81.63%；项目支出90.00万元，占18.37%。
（六）一般公共预算财政拨款基本支出决算情况说明
2023年度一般公共预算财政拨款基本支出380.00万元，其中：人员经费342.00万元，占基本支出90.00%；公用经费38.00万元，占基本支出10.00%。
（七）政府性基金预算财政拨款支出决算总体情况说明
城乡社区支出（类）10.00万元。
（九）一般公共预算财政拨款“三公”经费支出决算情况说明
“三公”经费决算总额6.00万元，比上年下降25.0%。分项情况是：因公出国(境)经费决算0万元；公务接待费决算1.00万元，与上年下降50.0%；公务用车购置及运行费决算5.00万元，比上年下降16.7%，其中：公务用车购置费决算0万元；公务用车运行费决算5.00万元，与上年下降16.7%。
（十一）政府采购支出说明
2023年度政府采购支出总额120.123456万元，其中：政府采购货物支出20.100000万元，政府采购工程支出90.023456万元，政府采购服务支出10.000000万元。授予中小企业合同金额60.061728万元，占政府采购支出总额的50.0%，其中：授予小微企业合同金额30.030864万元，占政府采购支出总额的25.0%。
四、名词解释
1.财政拨款收入：指本级财政当年拨付的资金。
"""


def test_a_report_in_zhejiang_s_layout(tmp_path: Path) -> None:
    """一、概况 二、…公开表 三、…决算情况说明 with its sections （一）…（十一）: the 情况说明 is 三 up to 四、名词解释,
    its sections known by their headings ((七) 政府性基金: its path is no line of 表五; (九) 三公). 三公 in
    决算总额 / 分项情况是 / 与上年下降 words, 政府采购 in 万元 to six places (Shandong). Before, no 情况说明 was found:
    all 46 numbers kept in text, none read; now 42 read, 1 read but not held (the 政府性基金 类), 0 not understood,
    and check finds nothing (50/450 = 11.11%, 460/480 = 95.83%, 20/480 = 4.17%, 400/490 = 81.63%,
    90/490 = 18.37%, 342/380 = 90%, 38/380 = 10%, 6 = 0 + 1 + 5, 20.1 + 90.023456 + 10 = 120.123456,
    60.061728/120.123456 = 50%, 30.030864/120.123456 = 25%)."""
    imported = _import(tmp_path, "zhejiang", ZHEJIANG)
    account = imported.account
    assert [p.section for p in account.passages] == ["三", "三（一）", "三（二）", "三（三）", "三（六）", "三（七）", "三（九）", "三（十一）"]
    assert {p: _value(account, p) for p in (
        "income.total", "expenditure.total", "income.year_total", "income.general_budget", "expenditure.basic",
        "general_budget.basic", "general_budget.personnel", "three_public.total", "three_public.reception",
        "three_public.vehicle_operation", "procurement.total", "procurement.works", "procurement.small_micro",
    )} == {
        "income.total": "500.00", "expenditure.total": "500.00", "income.year_total": "480.00",
        "income.general_budget": "460.00", "expenditure.basic": "400.00", "general_budget.basic": "380.00",
        "general_budget.personnel": "342.00", "three_public.total": "6.00", "three_public.reception": "1.00",
        "three_public.vehicle_operation": "5.00", "procurement.total": "120.123456", "procurement.works": "90.023456",
        "procurement.small_micro": "30.030864",
    }
    assert not account.general_budget.categories  # (七)'s 城乡社区支出（类） is 政府性基金's
    growth = sorted((c.subject, str(c.stated)) for c in account.claims if c.kind.value == "growth")
    assert ("three_public.reception", "-50.0") in growth and ("three_public.total", "-25.0") in growth
    coverage = imported.report
    assert (coverage.numbers_imported, coverage.numbers_not_held, len(coverage.not_understood)) == (42, 1, 0)
    assert check(account) == []


CHONGQING = """重庆市示例区城市管理局2024年度部门决算情况说明
一、部门基本情况
（一）职能职责
负责全区城市管理工作。
二、部门决算情况说明
（一）收入支出决算总体情况
2024年度收入总计900.00万元。
三、“三公”经费情况说明
（一）“三公”经费支出总体情况
2024年度“三公”经费支出10.00万元。其中：因公出国（境）费0.00万元；公务用车购置及运行维护费8.00万元；公务接待费{reception}万元。
四、其他需要说明的事项
（一）机关运行经费情况
本部门2024年度机关运行经费支出50.00万元。
（二）政府采购支出情况
本部门2024年度政府采购支出总额30.00万元，其中：政府采购货物支出10.00万元、政府采购工程支出0.00万元、政府采购服务支出20.00万元。
五、专业名词解释
（一）机关运行经费：指为保障行政单位运行用于购买货物和服务的各项资金。
"""


@pytest.mark.parametrize(("reception", "rules"), [("2.00", []), ("3.00", ["identity.three_public_total"])])
def test_a_report_in_chongqing_s_layout(tmp_path: Path, reception: str, rules: list[str]) -> None:
    """二、部门决算情况说明 （一）…（八）, then the template's own sections as sections: 三、“三公”经费情况说明 and
    四、其他需要说明的事项. Before, the 情况说明 ended at 三: its 三公, 机关运行经费 and 政府采购 were kept in text, unchecked."""
    imported = _import(tmp_path, "chongqing", CHONGQING.format(reception=reception))
    account = imported.account
    assert [p.section for p in account.passages][-4:] == ["三（一）", "四", "四（一）", "四（二）"]
    assert {p: _value(account, p) for p in ("three_public.total", "operating_costs", "procurement.services")} == {
        "three_public.total": "10.00", "operating_costs": "50.00", "procurement.services": "20.00"}
    assert [f.rule for f in check(account) if f.severity is not Severity.INFO] == rules


# -- the central template of 2023 on (central ministries) -------------------------------------------------------------


def test_vehicles_in_the_central_template_s_new_words() -> None:
    """副部（省）级及以上领导用车, 主要负责人用车, 离退休干部服务用车 (the central template since 2023): each its own
    use. Before, their counts went to the use named before them (共有车辆, or 特种专业技术用车: 0 辆 read as its)."""
    text = ("截至2023年12月31日，本部门共有车辆3辆，其中：副部（省）级及以上领导用车0辆，主要负责人用车0辆，"
            "机要通信用车1辆，应急保障用车1辆，执法执勤用车0辆，特种专业技术用车1辆，离退休干部服务用车0辆，其他用车0辆。")
    assert [key for _, key, _ in _read(text, "十")] == [
        "vehicles", "vehicles.ministerial", "vehicles.principal", "vehicles.confidential", "vehicles.emergency",
        "vehicles.law_enforcement", "vehicles.special", "vehicles.retired", "vehicles.other"]


def test_a_count_is_no_amount_s_figure() -> None:
    """一般公共预算项目支出…，共涉及项目 12 个，资金 150.00 万元: 12 is no count of 项目支出 (before, it was read as
    one) but of the projects evaluated, and 150.00 the funds evaluated, whose share of 项目支出 the 100% is (before,
    the three numbers were not understood)."""
    text = "组织对2023年度一般公共预算项目支出全面开展绩效自评，共涉及项目12个，资金150.00万元，占一般公共预算项目支出总额的100%。"
    assert _read(text, "十") == [
        ("Count", "performance.self_evaluation", "12个"), ("Amount", "performance.funds", "150.00万元"),
        ("Share", "performance.funds", "100%")]
    assert _unread(text, "十、其他重要事项的情况说明") == []


def test_four_s_bare_totals_are_table_four_s() -> None:
    """财政拨款收入总计 A，支出总计 A。…收、支总计各增加 X: in 四 every total is 表四's (before, 支出总计 was 表一's
    expenditure.total, and 收、支总计's changes were claims about 表一's two totals)."""
    text = "2023年度财政拨款收入总计560.00万元，支出总计560.00万元。与2022年度相比，收、支总计各增加56.00万元，增长11.11%。"
    assert _read(text, "四") == [
        ("Amount", "fiscal.total", "560.00万元"), ("Amount", "fiscal.expenditure_total", "560.00万元"),
        ("Change", "fiscal.total", "56.00万元"), ("Change", "fiscal.total", "11.11%")]
    assert [key for _, key, _ in _read(text, "一")][:2] == ["fiscal.total", "expenditure.total"]  # 一 keeps 表一's


CENTRAL = """国家示范资源局2023年度部门决算
第三部分 2023年度部门决算情况说明
一、收入支出决算总体情况说明
本部门2023年度收、支总计均为600.00万元。与2022年度相比，收、支总计各增加60.00万元，增长11.11%。主要原因是新增业务。
二、收入决算情况说明
本部门2023年度本年收入合计600.00万元，比2022年度增加60.00万元，增长11.11%。其中：财政拨款收入560.00万元，占本年收入合计的93.33%；其他收入40.00万元，占本年收入合计的6.67%。
三、支出决算情况说明
本部门2023年度本年支出合计600.00万元，比2022年度增加60.00万元，增长11.11%。其中：基本支出450.00万元，占本年支出合计的75.00%；项目支出150.00万元，占本年支出合计的25.00%。
四、财政拨款收入支出决算总体情况说明
本部门2023年度财政拨款收入总计560.00万元，支出总计560.00万元。与2022年度相比，财政拨款收、支总计各增加56.00万元，增长11.11%。
五、一般公共预算财政拨款支出决算情况说明
（一）一般公共预算财政拨款支出决算总体情况
本部门2023年度一般公共预算财政拨款支出560.00万元，占本年支出合计的93.33%。与2022年度相比，一般公共预算财政拨款支出增加56.00万元，增长11.11%。
六、一般公共预算财政拨款基本支出决算情况说明
本部门2023年度一般公共预算财政拨款基本支出420.00万元，其中：人员经费378.00万元，占基本支出90.00%；公用经费42.00万元，占基本支出10.00%。
七、财政拨款“三公”经费支出决算情况说明
本部门2023年度“三公”经费财政拨款支出预算为10.00万元，支出决算为8.00万元，完成预算的80.00%，其中：因公出国（境）费支出预算为2.00万元，支出决算为1.00万元，完成预算的50.00%；公务用车购置及运行维护费支出预算为5.00万元，支出决算为4.50万元，完成预算的90.00%；公务接待费支出预算为3.00万元，支出决算为2.50万元，完成预算的83.33%。决算数小于预算数的主要原因是厉行节约。
国内公务接待10批次，60人次（不包括陪同人员），共计支出2.50万元。
十、其他重要事项的情况说明
（一）机关运行经费支出情况
本部门2023年度机关运行经费支出30.00万元，比2022年度增加3.00万元，增长11.11%。主要原因是新增人员。
（三）国有资产占有使用情况
截至2023年12月31日，本部门共有车辆3辆，其中：副部（省）级及以上领导用车0辆，主要负责人用车0辆，机要通信用车1辆，应急保障用车1辆，执法执勤用车0辆，特种专业技术用车1辆，离退休干部服务用车0辆，其他用车0辆。单价100万元以上设备1台（套）。
（四）预算绩效管理情况
组织对2023年度一般公共预算项目支出全面开展绩效自评，共涉及项目12个，资金140.00万元，占一般公共预算项目支出总额的100%。
"""


def test_a_central_ministry_s_report(tmp_path: Path) -> None:
    """The central template's wording: check finds nothing (60/540 = 56/504 = 3/27 = 11.11%, 560/600 = 93.33%,
    40/600 = 6.67%, 450/600 = 75%, 150/600 = 25%, 378/420 = 90%, 42/420 = 10%, 8/10 = 80%, 1/2 = 50%,
    4.5/5 = 90%, 2.5/3 = 83.33%, 8 = 1 + 4.5 + 2.5, 3 = 1 + 1 + 1, the 资金 self-evaluated 140 = 560 − 420: it was 150,
    表一's 项目支出, not found until the share was checked against 五 less 六). Before: two false claim.share errors (人员经费
    and 公用经费 "of 表一's 基本支出 450": 84.00% and 9.33%), 12 个 read as a count of 项目支出, the new vehicle uses'
    counts read as 共有车辆's; now 79 numbers read (国内公务接待 10 批次，60 人次 the account's counts; the 绩效自评
    sentence's 资金 and its share of 项目支出; since the nineteenth session 表四's 支出总计, held as
    ``fiscal.expenditure_total``), 1 read but not held (the 12 projects evaluated, which no field holds)."""
    imported = _import(tmp_path, "central", CENTRAL)
    account = imported.account
    assert check(account) == []
    assert _value(account, "general_budget.basic") == "420.00" and _value(account, "expenditure.total") == "600.00"
    assert dict(account.assets.vehicles_by_use) == {
        "副部（省）级及以上领导用车": 0, "主要负责人用车": 0, "机要通信用车": 1, "应急保障用车": 1, "执法执勤用车": 0,
        "特种专业技术用车": 1, "离退休干部服务用车": 0, "其他用车": 0}
    report = imported.report
    assert (account.three_public.domestic_batches, account.three_public.domestic_persons) == (10, 60)
    assert (report.numbers_imported, report.numbers_not_held) == (80, 1)
    assert report.not_understood == ()


# -- Heilongjiang: 三公 against last year and against the budget, with 差值为 and 原因为 ----------------------------------

HEILONGJIANG = """松岭县农业技术推广中心2023年度部门决算
第三部分 2023年度部门决算情况说明
七、一般公共预算财政拨款“三公”经费支出决算情况说明
（一）“三公”经费财政拨款支出总体情况说明。
2023年度本部门一般公共预算财政拨款安排的“三公”经费支出2.10万元，较上年2.40减少0.30万元，减少了12.50%，原因为厉行节约；其中：因公出国(境)支出0万元；公务用车购置支出0万元；公务用车运行维护费用支出0.60万元；公务接待费支出1.50万元，占“三公”经费的71.43%。
（二）“三公”经费财政拨款支出与年初预算对比情况。
2023年度本部门一般公共预算财政拨款安排的“三公”经费支出2.10万元，年初预算为3.00万元，差值为0.90万元。其中：因公出国(境)支出0万元，年初预算为0万元，差值为0万元，原因为压缩开支；公务用车运行维护费支出0.60万元，年初预算为1.00万元，差值为0.40万元，原因为厉行节约；公务接待费支出1.50万元，年初预算为2.00万元，差值为0.50万元，原因为接待减少。
"""


def test_three_public_against_the_budget_with_a_difference(tmp_path: Path) -> None:
    """差值为 X 万元 is a difference from the budget, not a second 决算 (before, it was read as one: 三公's 决算 0.90
    beside 2.10, and check raised two false narrative.reason warnings for the "决算" 0.90 and 0.40 against their
    budgets); 原因为… after a clause mark is a reason, up to the clause's end (the next item's figures are read);
    较上年 2.40 is last year's; 减少了 12.50% a rate. 0.3/2.4 = 12.5%, 1.5/2.1 = 71.43%, 2.1 = 0.6 + 1.5,
    3 = 0 + 1 + 2: check finds nothing."""
    imported = _import(tmp_path, "heilongjiang", HEILONGJIANG)
    account = imported.account
    total = account.three_public.total
    assert total.current is not None and total.current.amount == Decimal("2.10")
    assert total.budget is not None and total.budget.amount == Decimal("3.00")
    operation = account.three_public.vehicle_operation
    assert operation.budget is not None and operation.budget.amount == Decimal("1.00")
    growth = [(c.subject, str(c.stated)) for c in account.claims if c.kind.value == "growth"]
    assert growth == [("three_public.total", "-12.50")]
    assert [u.text for u in imported.report.not_understood] == ["2.40", "0.90", "0", "0.40", "0.50"]
    assert check(account) == []


# -- Zhejiang: 财政拨款收入 with its funds in parentheses, 占收入合计 -------------------------------------------------------

JINHUA = """金溪市救助管理站2023年度单位决算
一、概况
（一）单位职责
负责流浪乞讨人员的救助服务。
二、2023年度单位决算公开表
详见附表。
三、2023年度单位决算情况说明
（一）收入支出决算总体情况说明
2023 年度收入总计 520.00 万元，支出总计 520.00 万元，与 2022 年度相比，增加 20.00 万元，增长 4.00%。主要原因是：1、人员经费标准提高；2、业务量增加。
（二）收入决算情况说明
本年收入合计 520.00 万元；包括财政拨款收入 500.00 万元（其中，一般公共预算 500.00 万元，政府性基金预算 0 万元，国有资本经营预算 0 万元），占收入合计 96.15%；上级补助收入 0 万元，占收入合计 0%；事业收入 0 万元，占收入合计 0%；经营收入 0 万元，占收入合计 0%；附属单位上缴收入 0 万元，占收入合计 0%；其他收入 20.00 万元，占收入合计 3.85%。
（三）支出决算情况说明
本年支出合计 520.00 万元，其中基本支出 400.00 万元，占 76.92%；项目支出 120.00 万元，占 23.08%；上缴上级支出 0 万元，占 0%；经营支出 0 万元，占 0%；对附属单位补助支出 0 万元，占 0%。
（四）财政拨款收入支出决算总体情况说明
2023 年度财政拨款收入总计 500.00 万元，支出总计 500.00 万元，与 2022 年相比，增加 25.00 万元，增长 5.26%。主要原因是人员经费标准提高；财政拨款支出年初预算数 480.00 万元，完成年初预算的 104.17%，主要原因是年中追加。
"""


def test_fiscal_income_with_its_funds_in_parentheses() -> None:
    """财政拨款收入 A 万元（其中，一般公共预算 B 万元，政府性基金预算 C 万元，国有资本经营预算 D 万元），占收入合计 p%:
    B, C, D are each fund's 财政拨款收入 (before, "预算" at the end of each name made them budgets of 财政拨款收入 —
    a budget of 0 万元 among them), and p% is 财政拨款收入's share of 本年收入合计 (before, of no known whole)."""
    text = ("本年收入合计 520.00 万元；包括财政拨款收入 500.00 万元（其中，一般公共预算 500.00 万元，政府性基金预算 0 万元，"
            "国有资本经营预算 0 万元），占收入合计 96.15%；其他收入 20.00 万元，占收入合计 3.85%。")
    statements = parse_text(text, section="二")
    assert [(s.subject.key, s.role.value, str(s.figure)) for s in statements if isinstance(s, Amount)] == [
        ("income.year_total", "决算", "520.00万元"), ("income.fiscal", "决算", "500.00万元"),
        ("general_budget.income", "决算", "500.00万元"), ("government_fund.income", "决算", "0万元"),
        ("state_capital.income", "决算", "0万元"), ("income.other", "决算", "20.00万元")]
    assert _wholes(text) == [("income.fiscal", "income.year_total"), ("income.other", "income.year_total")]
    # a fund's name before a figure anywhere else names no subject
    assert _read("本年一般公共预算 300 万元。", "五") == []


def test_a_report_in_zhejiang_s_layout_with_funds_in_parentheses(tmp_path: Path) -> None:
    """20/500 = 4%, 500/520 = 96.15%, 20/520 = 3.85%, 400/520 = 76.92%, 120/520 = 23.08%, 25/475 = 5.26%,
    520 = 500 + 20 = 400 + 120: check finds nothing. Before, no 情况说明 was found in this layout (every number
    kept in text); its 四's 支出总计 would have been 表一's."""
    imported = _import(tmp_path, "jinhua", JINHUA)
    account = imported.account
    assert {p: _value(account, p) for p in (
        "income.total", "income.year_total", "income.general_budget", "income.government_fund", "income.other",
        "expenditure.year_total", "fiscal.total",
    )} == {
        "income.total": "520.00", "income.year_total": "520.00", "income.general_budget": "500.00",
        "income.government_fund": "0", "income.other": "20.00", "expenditure.year_total": "520.00",
        "fiscal.total": "500.00",
    }
    shares = {(c.subject, c.base) for c in account.claims if c.kind.value == "share"}
    assert ("income.general_budget", "income.year_total") in shares
    assert check(account) == []


def test_a_report_in_guizhou_s_layout(tmp_path: Path) -> None:
    """Guizhou prints Zhejiang's layout with the unit's name and year in every heading: the 情况说明 is found, and
    (五)'s path is a line of 表五 (its heading names the 一般公共预算财政拨款支出 after the unit's name)."""
    text = """贵阳市花溪区示范局2023年度部门决算
一、贵阳市花溪区示范局概况
（一）主要职能
负责民政工作。
二、贵阳市花溪区示范局2023年度部门决算公开报表（见附表）
三、贵阳市花溪区示范局2023年度部门决算情况说明
（一）贵阳市花溪区示范局2023年度收入支出决算总体情况说明
2023年度收入总计300.00万元，支出总计300.00万元。
（五）贵阳市花溪区示范局2023年度一般公共预算财政拨款支出决算情况说明
社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）支出决算为30.00万元。
（八）政府性基金预算收入支出决算情况说明
本单位无政府性基金预算收入和支出。
四、名词解释
"""
    imported = _import(tmp_path, "guizhou", text)
    account = imported.account
    assert _value(account, "income.total") == "300.00"
    assert [c.name for c in account.general_budget.categories] == ["社会保障和就业支出"]
    assert not imported.report.not_understood
    assert check(account) == []


def test_a_rate_against_the_budget_is_no_change_against_last_year() -> None:
    """较年初预算数减少 2.00 万元，降低 6.25% (Jiangsu, Shandong): both figures are against the budget (2/32), not
    last year's — before, 6.25% was a growth claim of -6.25% against last year. They are changes against the
    年初预算 (``Change.budget``: narrative.budget_change compares them with the 决算). A change that names its own
    comparison after it (…，比上年增加 3.00 万元) is still read."""
    text = "本部门2023年度机关运行经费支出30.00万元，较年初预算数减少2.00万元，降低6.25%，主要原因是厉行节约。"
    assert _read(text, "十") == [
        ("Amount", "office_running", "30.00万元"), ("Change", "office_running", "2.00万元"),
        ("Change", "office_running", "6.25%")]
    assert [s.budget for s in parse_text(text, section="十") if isinstance(s, Change)] == [Role.OPENING_BUDGET] * 2
    assert _unread(text, "十、其他重要事项的情况说明") == []
    text = "本部门2023年度机关运行经费支出30.00万元，较年初预算数减少2.00万元，比上年增加3.00万元，增长11.11%。"
    assert _read(text, "十") == [
        ("Amount", "office_running", "30.00万元"), ("Change", "office_running", "2.00万元"),
        ("Change", "office_running", "3.00万元"), ("Change", "office_running", "11.11%")]
    assert [s.budget for s in parse_text(text, section="十") if isinstance(s, Change)] == [Role.OPENING_BUDGET, None, None]
