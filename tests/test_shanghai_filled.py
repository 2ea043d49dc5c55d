"""A Shanghai 情况说明 filled in from the template with consistent figures (tests/data/shanghai/README.md).

Every sentence the template asks for, including the "三公" details the two real samples print as 0: read as text, it
gives no error and no warning; a slip in its 三公 counts or amounts is found.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from budgetkit.checks.audit import check
from budgetkit.checks.finding import Severity
from budgetkit.io.text import read_text
from budgetkit.values.money import Money

FILLED = Path(__file__).parent / "data" / "shanghai" / "filled-template-2024.txt"
TEXT = FILLED.read_text(encoding="utf-8")


def _read(text: str, tmp_path: Path) -> object:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return read_text(path)


def test_the_filled_template_reads_whole_and_gives_no_error_or_warning(tmp_path: Path) -> None:
    imported = _read(TEXT, tmp_path)
    account = imported.account  # type: ignore[attr-defined]
    tp = account.three_public
    assert (tp.reception.current, tp.reception_domestic.current, tp.reception_guests.current) == (
        Money("3.00"),
        Money("3.00"),
        Money("0.50"),
    )
    assert tp.reception_foreign.current is None  # 外宾 within 国内, not 外事接待 beside it
    counts = (tp.reception_batches, tp.reception_persons, tp.guest_batches, tp.guest_persons)
    assert counts == (20, 150, 2, 10)
    assert (tp.outbound_groups, tp.outbound_persons, tp.vehicles_purchased, tp.vehicles_owned) == (2, 6, 1, 5)
    assert account.income.fiscal.current == Money("1100.00")  # 一般公共预算 and 政府性基金 together
    assert imported.report.not_understood == ()  # type: ignore[attr-defined]
    findings = check(account)
    assert [f.rule for f in findings if f.severity is not Severity.INFO] == []


@pytest.mark.parametrize(
    ("printed", "slip", "rules"),
    [
        ("含外宾接待支出0.50万元", "含外宾接待支出3.50万元", {"identity.reception_subset"}),
        ("接待外宾2批次、10人次", "接待外宾2批次、1人次", {"identity.count_persons"}),
        ("公务接待20批次、150人次", "公务接待20批次、15人次", {"identity.count_persons"}),
        ("团组2个、累计6人次", "团组2个、累计1人次", {"identity.count_persons"}),
        # 0 批次 of 150 人次, as many 人次 within them: three findings, the persons' since 0.2 (no 批次 holds them)
        ("公务接待20批次", "公务接待0批次", {"identity.three_public_counts", "identity.reception_subset", "identity.count_persons"}),
        ("含外宾接待支出0.50万元", "含外宾接待支出0.00万元", {"identity.three_public_counts"}),
        ("支出决算为50.00万元。决算数小于预算数的主要原因：项目结余", "支出决算为51.00万元。决算数小于预算数的主要原因：项目结余",
         {"narrative.fund_items"}),
        ("收入50.00万元，支出50.00万元", "收入50.00万元，支出50.01万元", {"narrative.fund_items"}),
        # a 项's 决算 printed in 元 is compared in 万元 (500000 元 of a 年初预算 of 60.00 万元 is less), and leaves the
        # fund's sum unjudged
        ("年初预算为60.00万元，支出决算为50.00万元", "年初预算为60.00万元，支出决算为500000元", set()),
        ("年初预算为60.00万元，支出决算为50.00万元", "年初预算为60.00万元，支出决算为700000元", {"narrative.direction"}),
        # a 项 of 五（三） printed in 元 is compared in 万元: no reason is asked of 520000 元 against 52.00 万元
        ("年初预算为52.00万元，支出决算为50.00万元。决算数小于预算数的主要原因：人员减少。",
         "年初预算为52.00万元，支出决算为520000元。", {"identity.category_rollup"}),
        ("年初预算为52.00万元，支出决算为50.00万元。决算数小于预算数的主要原因：人员减少。",
         "年初预算为52.00万元，支出决算为500000元。", {"narrative.reason"}),
        ("面向小微企业预留政府采购项目预算金额50.00万元", "面向小微企业预留政府采购项目预算金额90.00万元",
         {"narrative.sme_reserved"}),
        # a reason worded against the change it explains (the template's 七: …减少（增加）的主要原因是…)
        ("公务接待费支出减少的主要原因是", "公务接待费支出增加的主要原因是", {"narrative.reason_direction"}),
        ("因公出国（境）费支出增加的主要原因是", "因公出国（境）费支出减少的主要原因是", {"narrative.reason_direction"}),
        # the 三公 parts' changes add up to the whole's, though last year's figures are not printed
        ("公务接待费支出决算减少1.00万元，下降25.00%", "公务接待费支出决算减少1.50万元，下降33.33%",
         {"narrative.change_parts"}),
        # 财政拨款收入 over two fund types is a figure of its own, and its share is checked
        ("占91.67%", "占92.67%", {"claim.share"}),
        # … and the sources printed (the others not) add up to more than 本年收入合计: 1,101 + 80 + 20 over 1,200
        ("财政拨款收入1,100.00万元", "财政拨款收入1,101.00万元", {"claim.share", "identity.parts_over_total"}),
    ],
)
def test_a_slip_in_the_three_public_details_or_a_fund_is_found(
    tmp_path: Path, printed: str, slip: str, rules: set[str]
) -> None:
    assert TEXT.count(printed) == 1
    account = _read(TEXT.replace(printed, slip), tmp_path).account  # type: ignore[attr-defined]
    found = {f.rule for f in check(account) if f.severity is not Severity.INFO}
    assert found == rules


def test_income_of_the_year_adds_up_from_the_fiscal_income_printed_as_one(tmp_path: Path) -> None:
    """二 printing 财政拨款收入 as one figure and every other source: 本年收入合计 is their sum (表二's columns), though
    the report prints 一般公共预算 nowhere."""
    whole = (
        "本年收入合计1,200.00万元，其中：财政拨款收入1,050.00万元，占87.50%；上级补助收入30.00万元，占2.50%；"
        "事业收入60.00万元，占5.00%；经营收入40.00万元，占3.33%；附属单位上缴收入5.00万元，占0.42%；"
        "其他收入15.00万元，占1.25%。"
    )
    printed = "本年收入合计1,200.00万元，其中：财政拨款收入1,100.00万元，占91.67%；事业收入80.00万元，占6.67%；其他收入20.00万元，占1.67%。"
    assert TEXT.count(printed) == 1
    account = _read(TEXT.replace(printed, whole), tmp_path).account  # type: ignore[attr-defined]
    assert account.income.general_budget.current is None
    assert [f.rule for f in check(account) if f.severity is not Severity.INFO] == []
    slip = whole.replace("经营收入40.00万元", "经营收入50.00万元")
    account = _read(TEXT.replace(printed, slip), tmp_path).account  # type: ignore[attr-defined]
    assert "identity.income_year_total" in {f.rule for f in check(account)}


def test_the_items_of_nine_add_up_to_its_spending(tmp_path: Path) -> None:
    """九 (国有资本经营) lists its 项 as 八 does: they add up to the 支出 the section prints."""
    printed = "上海市普陀区示例局2024年度无国有资本经营预算财政拨款收入和支出。"
    nine = (
        "国有资本经营预算财政拨款收入 20.00 万元，支出 20.00 万元，支出具体情况如下：\n"
        "1、国有资本经营预算支出（类）解决历史遗留问题及改革成本支出（款）其他解决历史遗留问题及改革成本支出（项）。"
        "主要用于：改革成本。年初预算为 25.00 万元，支出决算为 {item} 万元。决算数小于预算数的主要原因：项目结余。"
    )
    assert TEXT.count(printed) == 1
    for item, found in (("20.00", set()), ("21.00", {"narrative.fund_items"})):
        account = _read(TEXT.replace(printed, nine.format(item=item)), tmp_path).account  # type: ignore[attr-defined]
        assert {f.rule for f in check(account) if f.severity is not Severity.INFO} == found


def test_a_unit_printed_with_a_space_inside_reads_the_same(tmp_path: Path) -> None:
    """万 元 (a justified line's spacing, which a PDF's text keeps) is 万元: the report reads to the same figures and
    claims, only the texts it keeps as printed differ."""

    def read(text: str) -> object:
        account = _read(text, tmp_path).account  # type: ignore[attr-defined]
        return attrs.evolve(account, passages=(), claims=tuple(attrs.evolve(c, text="") for c in account.claims))

    assert read(TEXT.replace("万元", "万 元")) == read(TEXT)
