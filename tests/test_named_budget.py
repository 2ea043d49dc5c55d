"""A completion names its budget (完成年初预算的…%, 完成全年预算的…%): where its paragraph prints that budget and
the account holds another for the figure (a 全年预算 printed beside it), the claim keeps the named one as its
``base`` and the rate is checked against it. The social-work sample: 年初预算为 0 万元，全年预算为 321.02 万元，
支出决算为 307.82 万元，完成年初预算的 95.89% is a rate of a zero base (its defect 2)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

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
