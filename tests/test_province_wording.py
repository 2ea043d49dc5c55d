"""Wordings real reports of other provinces print (Sichuan's 单位决算说明 among them), read as the template's:
each for the field, not for one report — with a report made up here, not the seed."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from budgetkit.io.grammar import Amount, Count, Event, Share, parse_text
from budgetkit.io.pdf import Imported
from budgetkit.io.text import read_text
from budgetkit.model.paths import ModelIndex
from budgetkit.values.money import Money


def _text(money: Money | None) -> str | None:
    return None if money is None else str(money.amount)


def _counts(text: str, section: str) -> list[tuple[str, str]]:
    return [(s.subject.key, str(s.figure)) for s in parse_text(text, section=section) if isinstance(s, Count)]


def test_procurement_as_the_national_template_words_it() -> None:
    text = ("本单位政府采购支出总额12.50万元，其中：政府采购货物支出10万元、政府采购工程支出0万元、政府采购服务支出2.50万元。"
            "授予中小企业合同金额12.50万元，占政府采购支出总额的100%，其中：授予小微企业合同金额6.25万元，占政府采购支出总额的50%。")
    statements = parse_text(text, section="十（二）")
    amounts = [(s.subject.key, s.figure.value) for s in statements if isinstance(s, Amount)]
    assert amounts == [
        ("procurement", Decimal("12.50")), ("procurement.goods", Decimal("10")), ("procurement.works", Decimal("0")),
        ("procurement.services", Decimal("2.50")), ("procurement.sme", Decimal("12.50")),
        ("procurement.small_micro", Decimal("6.25")),
    ]
    shares = [(s.subject.key, s.of.key if s.of else None, s.figure.value) for s in statements if isinstance(s, Share)]
    assert shares == [("procurement.sme", "procurement", Decimal("100")), ("procurement.small_micro", "procurement", Decimal("50"))]


def test_three_public_counts_follow_their_phrase() -> None:
    assert _counts("全年安排因公出国（境）团组2次，出国（境）5人。", "七（二）") == [
        ("three_public.outbound.groups", "2次"), ("three_public.outbound.groups", "5人")]
    assert _counts("全年安排因公出国（境）团组 XX 个、累计 XX 人次。", "七（二）") == [
        ("three_public.outbound.groups", "XX个"), ("three_public.outbound.groups", "XX人次")]
    assert _counts("外事接待3批次，12人次（不包括陪同人员），共计支出0.40万元。", "七（二）") == [
        ("three_public.reception.foreign", "3批次"), ("three_public.reception.foreign", "12人次")]
    # a part of the year's receptions, or the persons of one, is not the count the phrase opens
    assert _counts("国内公务接待支出0.8万元，全年分别接待了相关人员5批次36人和其他人员3批14人。", "七（二）") == []
    assert _counts("公务接待费支出0.5万元，共2批次2人参加培训。", "七（二）") == [("three_public.reception", "2批次")]


def test_vehicles_held_and_bought_by_type() -> None:
    text = ("全年按规定更新购置公务用车1辆，其中：轿车1辆、金额15万元。截至2023年12月底，单位共有公务用车3辆，"
            "其中：轿车2辆、越野车1辆、载客汽车0辆。")
    assert _counts(text, "七（二）") == [
        ("three_public.vehicles_purchased", "1辆"), ("three_public.vehicles_purchased.type", "1辆"),
        ("three_public.vehicles_held", "3辆"), ("three_public.vehicles_held.type", "2辆"),
        ("three_public.vehicles_held.type", "1辆"), ("three_public.vehicles_held.type", "0辆"),
    ]


def test_equipment_in_other_wording_and_no_second_other_vehicle() -> None:
    text = "本单位共有车辆2辆，其中：其他用车2辆，其他用车主要是用于……。单价100万元以上专用设备1台（套）。"
    assert _counts(text, "十（三）") == [("vehicles", "2辆"), ("vehicles.other", "2辆"), ("equipment", "1台（套）")]
    # the national template's 50 万元 通用设备 are not the 100 万元 ones the account holds
    assert _counts("单价50万元以上通用设备0台（套）。", "十（三）") == [("equipment.other_price", "0台（套）")]


def test_classes_named_without_the_level_in_five() -> None:
    text = "2023年一般公共预算财政拨款支出100万元，主要用于以下方面：教育支出60万元，占60%；卫生健康支出40万元，占40%。"
    classes = [(s.subject.key, s.subject.path.code if s.subject.path else None, str(s.figure))
               for s in parse_text(text, section="五（二）") if isinstance(s, Amount | Share) and s.subject.path]
    assert classes == [("general_budget.class", "205", "60万元"), ("general_budget.class", "205", "60%"),
                       ("general_budget.class", "210", "40万元"), ("general_budget.class", "210", "40%")]
    # outside 五, or a name inside a longer one, or without its figure, is no 类
    assert not [s for s in parse_text("教育支出60万元。", section="七") if isinstance(s, Amount) and s.subject.path]
    assert not [s for s in parse_text("其他教育支出60万元。", section="五（二）") if isinstance(s, Amount) and s.subject.path]


def test_the_dated_reception_list() -> None:
    text = ("具体内容包括：2024年3月1日接待某大学专家一行5人前来调研，支出接待餐费800元；12月30日接待某局工作人员一行2人"
            "赴本单位考察，支出接待费0.05万元。")
    events = [s for s in parse_text(text, section="七（二）") if isinstance(s, Event)]
    assert [(e.year, e.month, e.day, e.party, e.persons, str(e.cost), e.purpose) for e in events] == [
        (2024, 3, 1, "某大学专家", 5, "800元", "调研"), (2024, 12, 30, "某局工作人员", 2, "0.05万元", "赴本单位考察")]
    assert not [s for s in parse_text(text, section="十（四）") if isinstance(s, Event)]  # 七's list only


REPORT = """示例中心
2023年度单位决算编制的说明
第二部分 2023年度单位决算情况说明
2、 收入决算情况说明
2023年本年收入合计100万元，其中：一般公共预算财政拨款收入100万元，占100%；政府性基金预算财政拨款收入0万元，占0%。
五、一般公共预算财政拨款支出决算情况说明
（二）一般公共预算财政拨款支出决算结构情况
2023年一般公共预算财政拨款支出100万元，主要用于以下方面:教育支出60万元，占60%；卫生健康支出40万元，占40%。
（三）一般公共预算财政拨款支出决算具体情况
1.教育支出（类）普通教育（款）小学教育（项）：年初预算为55万元，支出决算数为60万元，完成预算109.09%。主要用于小学的运转。
2.医疗卫生和计划生育支出（类）行政事业单位医疗（款）事业单位医疗（项）：支出决算数为30万元，完成预算100%。
3.医疗卫生和计划生育支出（类）行政事业单位医疗（款）其他行政事业单位医疗支出（项）：支出决算数为10万元。
七、“三公”经费财政拨款支出决算情况说明
3.公务接待费支出0.13万元。国内公务接待2批次，7人次，具体内容包括：2023年5月9日接待某中心领导一行4人前来调研，支出接待餐费760元；6月1日接待某局一行3人进行交流，支出接待餐费540元。
八、政府性基金预算支出决算情况说明
2023年政府性基金预算财政拨款支出0万元。
"""


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Imported:
    path = tmp_path_factory.mktemp("province") / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return read_text(path)


def test_lines_from_the_narrative_without_table_five(imported: Imported) -> None:
    lines = imported.account.general_budget.categories
    tree = [(c.level.value, c.name, c.code, _text(c.actual), _text(c.budget),
             [(k.name, [(i.name, _text(i.actual), i.use) for i in k.children]) for k in c.children]) for c in lines]
    assert tree == [
        ("类", "教育支出", None, "60", None, [("普通教育", [("小学教育", "60", "主要用于小学的运转。")])]),
        ("类", "卫生健康支出", None, "40", None,
         [("行政事业单位医疗", [("事业单位医疗", "30", ""), ("其他行政事业单位医疗支出", "10", "")])]),
    ]
    item = lines[0].children[0].children[0]
    assert (_text(item.budget), item.printed) == ("55", "教育支出（类）普通教育（款）小学教育（项）")
    report = imported.report
    assert str(report.box("general_budget.categories[1].children[0].children[1].actual")) == "第12行"
    assert str(report.box("general_budget.categories[0].actual")) == "第8行"
    claims = [(c.kind.value, c.subject, str(c.stated), c.base) for c in imported.account.claims
              if c.subject.startswith("general_budget.categories")]
    assert claims == [
        ("share", "general_budget.categories[教育支出]", "60", "general_budget.total"),
        ("share", "general_budget.categories[卫生健康支出]", "40", "general_budget.total"),
        ("completion", "general_budget.categories[小学教育]", "109.09", None),
        ("completion", "general_budget.categories[事业单位医疗]", "100", None),
    ]


def test_the_account_holds_what_the_wording_says(imported: Imported) -> None:
    account = imported.account
    assert account.income.government_fund.current is not None and account.income.government_fund.current.amount == 0
    assert _text(account.fiscal.government_fund.expenditure.current) == "0"
    events = account.three_public.events
    assert [(e.date, e.party, e.persons, str(e.cost_yuan.amount), e.purpose) for e in events] == [
        ("2023-05-09", "某中心领导", 4, "760", "调研"), ("2023-06-01", "某局", 3, "540", "进行交流")]
    assert str(imported.report.box("three_public.events[1]")) == "第14行"
    claims = [(c.kind.value, c.subject, str(c.stated)) for c in account.claims if c.subject.startswith("three_public.events")]
    assert claims == [("count", "three_public.events", "2"), ("sum", "three_public.events[*].persons", "7")]


def test_the_made_up_report_checks_clean_where_it_adds_up(imported: Imported) -> None:
    """Its lines add up (60 = 60; 40 = 30 + 10; 100 = 60 + 40), its events to their count and persons, and
    小学教育's 60 of 55 is 109.09%: no claim, sum or completion finding."""
    from budgetkit.checks.audit import check

    rules = {f.rule for f in check(imported.account)}
    assert not rules & {"claim.count", "claim.sum", "claim.completion", "claim.share", "identity.categories"}


def test_a_name_two_lines_print_is_claimed_about_by_its_place(tmp_path: Path) -> None:
    """Two 事业单位医疗 lines (under two 款): a claim about one is held on the line its printed path names, not by the
    name they share (which would be either)."""
    text = REPORT.replace("其他行政事业单位医疗支出（项）：支出决算数为10万元。", "事业单位医疗（项）：支出决算数为10万元，完成预算100%。")
    text = text.replace("医疗卫生和计划生育支出（类）行政事业单位医疗（款）事业单位医疗（项）：支出决算数为10万元",
                        "医疗卫生和计划生育支出（类）行政事业单位医疗二（款）事业单位医疗（项）：支出决算数为10万元")
    path = tmp_path / "twice.txt"
    path.write_text(text, encoding="utf-8")
    imported = read_text(path)
    assert not [c for c in imported.account.claims if c.subject == "general_budget.categories[事业单位医疗]"]
    by_place = [c.subject for c in imported.account.claims if c.kind.value == "completion" and ".children[" in c.subject]
    assert by_place and all(c.startswith("general_budget.categories[") for c in by_place)
    resolved = ModelIndex(imported.account).resolve(f"{by_place[-1]}.name")
    assert resolved == "事业单位医疗"


def test_glossary_terms_that_are_paths(tmp_path: Path) -> None:
    """A 类/款/项 path is a term however long, after ：or ，; a doubled point after the number is no part of it."""
    path = tmp_path / "glossary.txt"
    path.write_text(
        REPORT + "第3部分 名词解释\n1.财政拨款收入：指单位从同级财政部门取得的财政预算资金。\n"
        "2.社会保障和就业支出（类）人力资源和社会保障管理事务（款）其他人力资源和社会保障管理事务支出（项），用于特定工作任务。\n"
        "3..基本支出：指为保障机构正常运转而发生的支出。\n",
        encoding="utf-8",
    )
    glossary = [(g.term, g.definition) for g in read_text(path).account.glossary]
    assert glossary == [
        ("财政拨款收入", "指单位从同级财政部门取得的财政预算资金。"),
        ("社会保障和就业支出（类）人力资源和社会保障管理事务（款）其他人力资源和社会保障管理事务支出（项）", "用于特定工作任务。"),
        ("基本支出", "指为保障机构正常运转而发生的支出。"),
    ]
