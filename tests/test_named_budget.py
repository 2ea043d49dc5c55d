"""A completion names its budget (完成年初预算的…%, 完成全年预算的…%): where its paragraph prints that budget and
the account holds another for the figure (a 全年预算 printed beside it), the claim keeps the named one as its
``base`` and the rate is checked against it. The social-work sample: 年初预算为 0 万元，全年预算为 321.02 万元，
支出决算为 307.82 万元，完成年初预算的 95.89% is a rate of a zero base (its defect 2)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from budgetkit import datasets
from budgetkit.checks.audit import check
from budgetkit.checks.batch import check_batch
from budgetkit.io.text import read_text
from budgetkit.model.account import FinalAccount

REGION = Path(__file__).parent / "data" / "regions" / "neimenggu.txt"
PRINTED = "2023年度一般公共预算财政拨款支出年初预算为2,000.00万元，支出决算为2,050.00万元，完成年初预算的102.50%。"


def _imported(folder: Path, sentence: str) -> FinalAccount:
    text = REGION.read_text(encoding="utf-8")
    assert PRINTED in text
    path = folder / "neimenggu.txt"
    path.write_text(text.replace(PRINTED, sentence, 1), encoding="utf-8")
    return read_text(path).account


def _completion(account: FinalAccount) -> tuple[str | None, list[tuple[str, str, object]]]:
    k, claim = next((k, c) for k, c in enumerate(account.claims) if c.kind.value == "completion"
                    and c.subject == "general_budget.total")  # fmt: skip
    found = [(f.rule, f.severity.value, f.stated) for f in check(account) if f.path == f"claims[{k}]"]
    return claim.base, found


@pytest.mark.parametrize(
    ("sentence", "base", "found"),
    [
        (PRINTED, None, []),  # the budget named is the one held: no base
        (  # a 年初预算 of 0 beside the 全年预算 held: the rate of the 年初预算 is undefined
            "2023年度一般公共预算财政拨款支出年初预算为0.00万元，全年预算为2,000.00万元，支出决算为2,050.00万元，完成年初预算的102.50%。",
            "0.00",
            [("rate.zero_base", "warning", Decimal("102.50"))],
        ),
        (  # 2,050.00 / 1,800.00 is 113.89%: the rate printed is of the 全年预算
            "2023年度一般公共预算财政拨款支出年初预算为1,800.00万元，全年预算为2,000.00万元，支出决算为2,050.00万元，完成年初预算的102.50%。",
            "1800.00",
            [("claim.completion", "error", Decimal("102.50"))],
        ),
        (  # the 全年预算 named is the one held
            "2023年度一般公共预算财政拨款支出年初预算为1,800.00万元，全年预算为2,000.00万元，支出决算为2,050.00万元，完成全年预算的102.50%。",
            None,
            [],
        ),
    ],
)
def test_a_completion_is_checked_against_the_budget_it_names(
    tmp_path: Path, sentence: str, base: str | None, found: list[tuple[str, str, object]]
) -> None:
    assert _completion(_imported(tmp_path, sentence)) == (base, found)


def test_the_dataset_keeps_the_named_budget_and_the_batch_finds_what_check_finds() -> None:
    social = datasets.load("putuo-social-work-2024")
    k = next(k for k, c in enumerate(social.claims) if c.kind.value == "completion" and c.stated == Decimal("95.89"))
    assert social.claims[k].base == "0"
    findings = check(social)
    assert [(f.rule, f.expected) for f in findings if f.path == f"claims[{k}]"] == [
        ("rate.zero_base", "--（基数为0，不可比）")
    ]
    assert check_batch([social]) == [findings]


def test_the_items_budgets_add_up_to_the_total_s() -> None:
    """五（三）'s 项 budgets against the total's (identity.category_budgets): the social-work sample's nine 全年预算 add up
    to its 321.02; the planning sample's thirteen 年初预算 to 10,210.33 of its 10,210.34 (a residue, within the
    rounding of thirteen figures); a total printed 322.02 is an error; a tree with a 项 printing no budget, or one
    leaving a 项 out, is skipped."""
    social, planning = datasets.load("putuo-social-work-2024"), datasets.load("putuo-planning-2024")
    assert [f for f in check(social) if f.path == "general_budget.total.budget"] == []
    assert [(f.rule, f.severity.value) for f in check(planning) if f.path == "general_budget.total.budget"] == [
        ("rounding.residue", "info")
    ]
    gb = social.general_budget
    wrong = attrs.evolve(social, general_budget=attrs.evolve(gb, total=attrs.evolve(gb.total, budget="322.02")))
    found = [(f.rule, f.stated, f.expected) for f in check(wrong) if f.path == "general_budget.total.budget"]
    assert found == [("identity.category_budgets", Decimal("322.02"), Decimal("321.02"))]
    first, *rest = gb.categories
    section = first.children[0]
    unprinted = attrs.evolve(section, children=(attrs.evolve(section.children[0], budget=None), *section.children[1:]))
    partial = attrs.evolve(wrong, general_budget=attrs.evolve(wrong.general_budget,
                           categories=(attrs.evolve(first, children=(unprinted,)), *rest)))  # fmt: skip
    assert [f for f in check(partial) if f.rule == "identity.category_budgets"] == []
    # a tree that leaves a 项 out (a 情况说明 narrating its main lines, no 表五): its 决算 fall short, so it is skipped
    shorter = attrs.evolve(section, children=section.children[1:])
    left_out = attrs.evolve(wrong, general_budget=attrs.evolve(wrong.general_budget,
                            categories=(attrs.evolve(first, children=(shorter,)), *rest)))  # fmt: skip
    assert [f for f in check(left_out) if f.rule == "identity.category_budgets"] == []
    assert check_batch([wrong, partial, left_out]) == [check(wrong), check(partial), check(left_out)]
