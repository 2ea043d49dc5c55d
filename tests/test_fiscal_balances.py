"""四's totals over the funds: 年初财政拨款结转和结余, 本年财政拨款支出, 年末财政拨款结转和结余 and 财政拨款支出总计.

Many provinces' 四 prints them (Xinjiang, Fujian's and Guizhou's counties, the central template's 支出总计 apart):
``fiscal.opening``, ``fiscal.expenditure``, ``fiscal.closing`` and ``fiscal.expenditure_total`` hold them, each is
checked against 表四's line of the same key, and 总计 = 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余
(``identity.fiscal_balances``; 收入总计 = 支出总计 as ``identity.balance``). Until the nineteenth session they were read
and held by no field, so a wrong one went unfound.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest

from budgetkit import io
from budgetkit.checks.audit import check
from budgetkit.checks.batch import check_batch
from budgetkit.datasets import synthetic
from budgetkit.errors import LoadError
from budgetkit.model.account import Figure, FinalAccount, FiscalFund
from budgetkit.values.money import Money
from region_reports import REGIONS, found_after


def _printed(account: FinalAccount, **figures: str) -> FinalAccount:
    """``account`` whose 四 prints the given totals over the funds."""
    printed: dict[str, Any] = {k: Figure(v) for k, v in figures.items()}
    return attrs.evolve(account, fiscal=attrs.evolve(account.fiscal, **printed))


def _errors(account: FinalAccount) -> list[tuple[str, str, str | None, str | None]]:
    found = check(account)
    assert check_batch([account]) == [found]  # the batch derives the same checks from the same rules
    return [(f.rule, f.path, f.stated_text, f.expected_text) for f in found if f.severity.value != "info"]


@pytest.fixture(scope="module")
def account() -> FinalAccount:
    """A consistent account with its nine tables; 四 prints what 表四 prints (no balances, all 一般公共预算)."""
    account = synthetic.generate(5, tables=True)
    total = account.fiscal.total.current
    assert total is not None
    return _printed(account, opening="0", expenditure=str(total.amount), closing="0", expenditure_total=str(total.amount))


def test_the_totals_printed_as_the_table_prints_them_check_clean(account: FinalAccount) -> None:
    assert _errors(account) == []


@pytest.mark.parametrize("field", ["opening", "expenditure", "closing", "expenditure_total"])
def test_each_total_is_compared_with_its_line_of_table_four(account: FinalAccount, field: str) -> None:
    """With 表四 printed, a wrong total is found once, against its line (the identities among the totals, which
    表四's own identities hold, would find it again)."""
    printed = getattr(account.fiscal, field).current
    assert printed is not None
    wrong = _printed(account, **{field: str((printed + Money("1.00")).amount)})
    assert _errors(wrong) == [
        ("table.figure", f"fiscal.{field}.current", str((printed + Money("1.00")).amount), str(printed.amount))
    ]


def test_the_total_is_compared_with_table_four_s(account: FinalAccount) -> None:
    """财政拨款收、支总计 against 表四's 总计 (before the nineteenth session: not compared, a wrong one unfound)."""
    total = account.fiscal.total
    assert total.current is not None
    wrong = attrs.evolve(account, fiscal=attrs.evolve(account.fiscal, total=Figure("1.00", total.previous)))
    assert ("table.figure", "fiscal.total.current", "1.00", str(total.current.amount)) in _errors(wrong)


def test_a_wrong_opening_balance_breaks_the_income_side() -> None:
    """年初财政拨款结转和结余 10.00 + 本年收入 is not the 总计: found on the 总计 (no tables needed)."""
    account = synthetic.generate(7)
    total = account.fiscal.total.current
    assert total is not None
    wrong = _printed(account, opening="10.00")
    assert _errors(wrong) == [
        ("identity.fiscal_balances", "fiscal.total", str(total.amount), str((total + Money("10.00")).amount))
    ]
    message = check(wrong)[0].message
    assert "年初财政拨款结转和结余 10.00" in message and "本年财政拨款收入" in message


def test_the_expenditure_side_and_the_two_totals() -> None:
    account = synthetic.generate(7)
    total = account.fiscal.total.current
    assert total is not None
    spent = total - Money("5.00")
    # 本年支出 + 年末结转和结余 = 支出总计, which is the 收入总计 where no 支出总计 is printed apart
    assert _errors(_printed(account, expenditure=str(spent.amount), closing="5.00")) == []
    assert _errors(_printed(account, expenditure=str(spent.amount), closing="6.00")) == [
        ("identity.fiscal_balances", "fiscal.expenditure_total", str(total.amount), str((total + Money("1.00")).amount))
    ]
    # a 支出总计 printed apart with nothing to add up: compared with the 收入总计
    apart = _printed(account, expenditure_total=str((total + Money("1.00")).amount))
    assert _errors(apart) == [
        ("identity.balance", "fiscal.expenditure_total", str((total + Money("1.00")).amount), str(total.amount))
    ]
    assert check(apart)[0].message.startswith(f"财政拨款收入总计{total.amount}万元与支出总计")


def test_the_funds_add_up_to_the_totals() -> None:
    account = synthetic.generate(7)
    funds = {"general_budget": ("3.00", "2.00"), "government_fund": ("1.00", "0"), "state_capital": ("0", "0")}
    fiscal = attrs.evolve(
        account.fiscal,
        **{
            name: attrs.evolve(getattr(account.fiscal, name), opening=Figure(opening), closing=Figure(closing))
            for name, (opening, closing) in funds.items()
        },
    )
    account = attrs.evolve(account, fiscal=fiscal)
    assert ("identity.fiscal_balances", "fiscal.opening", "5.00", "4.00") in _errors(_printed(account, opening="5.00"))
    assert ("identity.fiscal_balances", "fiscal.closing", "1.00", "2.00") in _errors(_printed(account, closing="1.00"))


def test_an_unknown_fund_s_income_leaves_the_income_side_unchecked() -> None:
    """A 政府性基金 that spends but whose income is not printed: 本年财政拨款收入 is unknown, nothing is found."""
    account = synthetic.generate(7)
    fiscal = attrs.evolve(account.fiscal, government_fund=FiscalFund(expenditure=Figure("8.00")))
    account = attrs.evolve(account, fiscal=fiscal)
    assert not [e for e in _errors(_printed(account, opening="10.00")) if e[0] == "identity.fiscal_balances"]


def test_the_totals_are_kept_by_the_account_file(account: FinalAccount) -> None:
    for fmt in ("toml", "json"):
        back = io.loads(io.dumps(account, fmt), fmt)
        assert back.fiscal == account.fiscal


@pytest.mark.parametrize(
    ("name", "printed", "instead", "found"),
    [
        ("xinjiang", "年初财政拨款结转和结余10.00", "年初财政拨款结转和结余11.00",
         [("identity.fiscal_balances", "410.00", "411.00")]),
        ("xinjiang", "本年财政拨款支出405.00", "本年财政拨款支出406.00", [("identity.fiscal_balances", "410.00", "411.00")]),
        ("xinjiang", "年末财政拨款结转和结余5.00", "年末财政拨款结转和结余6.00",
         [("identity.fiscal_balances", "410.00", "411.00")]),
        ("xinjiang", "财政拨款支出总计410.00", "财政拨款支出总计411.00", [("identity.fiscal_balances", "411.00", "410.00")]),
        # 财政拨款收入 printed again in 四, otherwise than in 二: a claim on the first printing (before: not held, unfound)
        ("xinjiang", "本年财政拨款收入400.00", "本年财政拨款收入401.00", [("claim.amount", "401.00", "400.00")]),
        # 四's bare 财政拨款收入 may be its 收入总计 (balances included): no second printing of 二's, nothing to find
        ("liaoning-2024", "2024年度财政拨款收入总计2,230.00万元，支出总计2,230.00万元",
         "2024年度财政拨款收入2,230.00万元，支出2,230.00万元", []),
        ("fujian-2024-county", "年初财政拨款结转和结余10.00", "年初财政拨款结转和结余20.00",
         [("identity.fiscal_balances", "630.00", "640.00")]),
        ("guizhou-2024-county", "年初财政拨款结转和结余20.00", "年初财政拨款结转和结余30.00",
         [("identity.fiscal_balances", "860.00", "870.00")]),
    ],
)  # fmt: skip
def test_a_wrong_total_of_four_is_found_in_a_report(
    tmp_path: Path, name: str, printed: str, instead: str, found: list[tuple[str, str, str]]
) -> None:
    assert found_after(tmp_path, name, printed, instead) == found


@pytest.mark.parametrize(
    "instead",
    [
        "2023年度财政拨款收入决算总计410.00万元",  # 财政拨款收入总计 with 决算 in it: 四's 总计, not 本年财政拨款收入
        "2023年度一般公共预算财政拨款收入总计410.00万元",  # one fund's 总计 (with its 年初结转): no field's
    ],
)
def test_a_total_of_the_income_is_no_restated_income(tmp_path: Path, instead: str) -> None:
    """财政拨款收入 printed again is a claim on the first printing (二's): a 收入…总计 named after it is not a printing
    of it (a false claim.amount 410.00 ≠ 400.00 before)."""
    assert found_after(tmp_path, "xinjiang", "2023年度财政拨款收入总计410.00万元", instead) == []


def test_the_totals_need_format_0_5(account: FinalAccount) -> None:
    """An account holding 四's totals is written as 0.5 (it was written as 0.2, which a budgetkit reading 0.2 refused
    with 'unknown keys: opening'), and a file marked older holding them is refused at their paths, as income.fiscal."""
    assert io.dumps(account, "json").startswith('{\n  "format_version": "0.5"')
    older = io.dumps(account, "toml").replace('format_version = "0.5"', 'format_version = "0.4"')
    with pytest.raises(LoadError) as refused:
        io.loads(older)
    assert [issue.path for issue in refused.value.issues] == [
        "$.fiscal.closing", "$.fiscal.expenditure", "$.fiscal.expenditure_total", "$.fiscal.opening"
    ]  # fmt: skip


_FUND_SENTENCE = "2024年度政府性基金预算财政拨款收入100.00万元，支出110.00万元。"


@pytest.mark.parametrize(
    ("instead", "found"),
    [
        # 八 printing its fund's balances as 四 prints every fund's: the fund's (表八's), never 四's totals, and its
        # 收入总计 and 支出总计 none of 表一's (before: 四's totals broken, 本年财政拨款收入 100.00 a claim on 二's
        # 2,150.00 and 支出总计 110.00 on 表一's 2,460.00)
        ("2024年度政府性基金预算财政拨款收入总计110.00万元，其中：年初财政拨款结转和结余10.00万元，本年财政拨款收入"
         "100.00万元；支出总计110.00万元，其中：本年财政拨款支出110.00万元，年末财政拨款结转和结余0.00万元。", []),
        ("2024年度政府性基金预算财政拨款收入100.00万元，支出110.00万元，年初财政拨款结转和结余10.00万元，"
         "年末财政拨款结转和结余0.00万元。", []),
        # a wrong 年末 of the fund is found on the fund's identity
        ("2024年度政府性基金预算财政拨款收入100.00万元，支出110.00万元，年初财政拨款结转和结余10.00万元，"
         "年末财政拨款结转和结余1.00万元。", [("identity.fiscal_fund", "110.00", "111.00")]),
    ],
)  # fmt: skip
def test_a_fund_s_section_prints_its_own_balances(
    tmp_path: Path, instead: str, found: list[tuple[str, str, str]]
) -> None:
    assert found_after(tmp_path, "liaoning-2024", _FUND_SENTENCE, instead) == found


def test_both_sides_adding_up_still_balance(tmp_path: Path) -> None:
    """总计 410 = 10 + 400 and 支出总计 411 = 406 + 5: each side adds up, the two totals differ (before: nothing found,
    the comparison left out wherever both sides are printed)."""
    printed, instead = "财政拨款支出总计410.00万元，其中：本年财政拨款支出405.00万元", "财政拨款支出总计411.00万元，其中：本年财政拨款支出406.00万元"
    assert found_after(tmp_path, "xinjiang", printed, instead) == [("identity.balance", "411.00", "410.00")]


def test_part_two_writes_the_balances_and_reads_them_back(tmp_path: Path) -> None:
    """`budgetkit report` writes 四's balances after the 收、支总计, as Xinjiang's 四 prints them, and they read back."""
    from budgetkit.io.text import read_text
    from budgetkit.narrative.report import render

    account = read_text(REGIONS / "xinjiang.txt").account
    text = render(account, "text")
    assert "财政拨款收、支总计410.00万元，其中：年初财政拨款结转和结余10.00万元，本年财政拨款支出405.00万元，年末财政拨款结转和结余5.00万元" in text
    path = tmp_path / "written.txt"
    path.write_text(f"{account.unit}{account.year}年度部门决算\n第二部分 {account.year}年度部门决算情况说明\n{text}", encoding="utf-8")
    back = read_text(path).account.fiscal
    assert (back.opening, back.expenditure, back.closing) == (
        account.fiscal.opening, account.fiscal.expenditure, account.fiscal.closing)
