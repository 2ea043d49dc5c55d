"""A reason that lists signed amounts (主要变动原因是：人员支出增加50.47万（…）；公用经费减少2.74万元) is read as
the change's explanation (``ChangeExplanation(exhaustive=False)``): its items must add up to the change, and a
bracketed list to its item, or a warning (``explanation.listed_sum``) says a figure may be misprinted."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from budgetkit import datasets, io
from budgetkit.checks.audit import check
from budgetkit.checks.batch import check_batch
from budgetkit.errors import LoadError
from budgetkit.io.grammar import Listed, breakdown
from budgetkit.io.pdf import Imported
from budgetkit.io.text import read_text
from budgetkit.model.account import FinalAccount
from budgetkit.model.claim import ChangeExplanation, Contribution
from budgetkit.values.money import Money

SEED = Path(__file__).parent / "data" / "seeds" / "000_ad8dd908a3134475.txt"
LINE_15 = SEED.read_text(encoding="utf-8").splitlines()[14]


def _shown(items: tuple[Listed, ...] | None) -> object:
    return None if items is None else [(i.label, str(i.amount), _shown(i.parts) if i.parts else []) for i in items]


# -- reading a list ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A增加1.00万元，B减少2.00万元", [("A", "1.00", []), ("B", "-2.00", [])]),
        ("一是A增加5.00万元；二是B减少1.00万元", [("A", "5.00", []), ("B", "-1.00", [])]),
        ("（1）A增加5.00万元；（2）B减少1.00万元；1.C增加1万元", [("A", "5.00", []), ("B", "-1.00", []), ("C", "1", [])]),
        ("主要是：A增长3万、B下降1万元等", [("A", "3", []), ("B", "-1", [])]),
        ("A增加3万元，B减少1万元等原因", [("A", "3", []), ("B", "-1", [])]),
        # a name holding 、 and an amount whose 万元 the list's other items give
        ("医保、公积金等增加2.27万元、工资减少1.5", [("医保、公积金等", "2.27", []), ("工资", "-1.5", [])]),
        ("甲支出增加1,200.00万元、乙支出减少200.00万元", [("甲支出", "1200.00", []), ("乙支出", "-200.00", [])]),
        (
            "人员支出增加3万(主要是A增加4、B减少1万元）；公用经费减少1万元",
            [("人员支出", "3", [("A", "4", []), ("B", "-1", [])]), ("公用经费", "-1", [])],
        ),
    ],
)
def test_a_list_of_signed_amounts_is_read(text: str, expected: object) -> None:
    assert _shown(breakdown(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "人员经费增加8万元",  # one item: a main reason, not a list
        "人员变动，人员支出增加50.47万元，公用经费减少2万元",  # words that are no item
        "主要是人员增加3人、经费增加2万元",  # a count
        "A增加5元、B增加3元",  # 元, not 万元
        "A增长5%、B减少3%",  # rates
        "A增加5、B减少3",  # no item says 万元
        "A增加5万元（主要是甲增加5万元、乙减少0万元）后又调减、B减少3万元",  # text after a bracket
        "A增加5万元（主要是甲增加5万元、B减少3万元",  # a bracket left open
        "A增加5万元、B减少3万元、新增项目",  # a name without its amount
    ],
)
def test_anything_else_is_not_a_list(text: str) -> None:
    assert breakdown(text) is None


def test_a_bracketed_list_that_is_not_one_leaves_its_item_whole() -> None:
    assert _shown(breakdown("A增加5万元（详见附表）、B减少3万元")) == [("A", "5", []), ("B", "-3", [])]


# -- importing ------------------------------------------------------------------------------------------------


def test_the_seed_imports_the_explanations_its_transcriber_typed() -> None:
    """The four lists of the seed (一 twice, 四, 五（一）) are read as the built-in dataset holds them, item for item;
    the one difference is the subject of 五（一）'s, whose sentence prints 财政拨款收、支总计 (copied from 四) and
    which the transcriber took for 一般公共预算's."""
    imported, typed = read_text(SEED).account, datasets.load("zigong-hr-2023")
    numeric = [e for e in typed.explanations if e.contributions]
    assert len(imported.explanations) == len(numeric) == 4
    for made, kept in zip(imported.explanations, numeric, strict=True):
        assert not made.exhaustive and kept.exhaustive
        assert (made.change, made.contributions, made.section) == (kept.change, kept.contributions, kept.section)
    assert [e.subject for e in imported.explanations] == [e.subject for e in numeric[:3]] + ["fiscal.total"]
    assert not [f for f in check(imported) if f.rule.startswith("explanation.")]  # they add up


def test_the_report_counts_the_listed_amounts_as_imported() -> None:
    report = read_text(SEED).report
    # 71 amounts of four lists (562 and 416 before them), the 14 values of the charts' data and their 7 numbers; 6 of 十（四）'s clauses (completion claims)
    assert (report.numbers_imported, report.numbers_in_text) == (660, 331)


def _imported(folder: Path, text: str) -> Imported:
    lines = (Path(__file__).parent / "data" / "regions" / "hubei.txt").read_text(encoding="utf-8").splitlines()
    lines[10] = text  # 一's sentence of 收、支总计
    path = folder / "hubei.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return read_text(path)


def test_a_misprinted_amount_of_a_list_is_a_warning_placed_on_its_line(tmp_path: Path) -> None:
    changed = tmp_path / "seed.txt"
    changed.write_text(SEED.read_text(encoding="utf-8").replace("养保增加8.57万元", "养保增加8.75万元", 1), encoding="utf-8")
    imported = read_text(changed)
    found = [f for f in check(imported.account) if f.rule == "explanation.listed_sum"]
    assert [(f.path, f.severity.value, f.stated, f.expected) for f in found] == [
        ("explanations[0].contributions[0]", "warning", Decimal("50.47"), Decimal("50.65"))
    ]
    assert "若所列已是全部原因" in found[0].message and "养保 8.75" in found[0].message
    assert str(imported.report.box(found[0].path)) == "第15行"  # placed on the reason's line


@pytest.mark.parametrize(
    ("reason", "kept"),
    [
        ("主要原因是人员经费增加80.00万元、公用经费减少20.00万元", True),  # both signs: a net change broken down
        ("主要原因是人员经费增加40.00万元、公用经费增加20.00万元", True),  # adds up to the change
        ("主要原因是人员经费增加30.00万元、公用经费增加20.00万元", False),  # one sign, short of it: the main ones only
    ],
)
def test_a_list_is_kept_where_it_can_be_the_whole_change(tmp_path: Path, reason: str, kept: bool) -> None:
    text = f"2023年度收入总计600.00万元，支出总计600.00万元。与2022年度相比，收入总计增加60.00万元，增长11.11%，{reason}。"
    explanations = _imported(tmp_path, text).account.explanations
    assert bool(explanations) is kept
    if kept:
        assert explanations[0].subject == "income.total" and explanations[0].change == Money("60.00")


# -- the rule, the file format and the batch ------------------------------------------------------------------


def _listed(change: str = "10.00", *amounts: str, exhaustive: bool = False) -> FinalAccount:
    seed = datasets.load("zigong-hr-2023")
    contributions = tuple(Contribution(label=f"第{k}项", amount=a) for k, a in enumerate(amounts))
    explanation = ChangeExplanation(subject="income.total", change=change, contributions=contributions,
                                    section="一", exhaustive=exhaustive)  # fmt: skip
    return attrs.evolve(seed, explanations=(explanation,))


def test_a_listed_explanation_warns_where_an_exhaustive_one_is_an_error() -> None:
    listed, exhaustive = _listed("10.00", "12.00", "-1.00"), _listed("10.00", "12.00", "-1.00", exhaustive=True)
    found = {f.rule: f.severity.value for f in check(listed) if f.rule.startswith("explanation.")}
    assert found == {"explanation.listed_sum": "warning"}  # its change is its sentence's: no explanation.change
    found = {f.rule: f.severity.value for f in check(exhaustive) if f.rule.startswith("explanation.")}
    assert found == {"explanation.sum": "error", "explanation.change": "error"}  # 10.00 is not 1054.90 − 988.88


def test_the_batch_finds_what_check_finds() -> None:
    accounts = [_listed("10.00", "12.00", "-1.00"), _listed("10.00", "10.004", "0.00"), read_text(SEED).account]
    assert check_batch(accounts) == [check(a) for a in accounts]


def test_a_listed_explanation_is_written_as_format_0_4_and_refused_under_0_3() -> None:
    account = _listed("10.00", "12.00", "-1.00")
    text = io.dumps(account)
    assert text.startswith('format_version = "0.4"\n') and "exhaustive = false" in text
    assert io.loads(text) == account and io.loads(io.dumps(account, "json"), "json") == account
    with pytest.raises(LoadError, match=r'\$\.explanations\[0\]\.exhaustive: exhaustive needs format_version = "0.4"'):
        io.loads(text.replace('format_version = "0.4"', 'format_version = "0.3"', 1))
    assert io.dumps(_listed("10.00", "12.00", exhaustive=True)).startswith('format_version = "0.2"\n')


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="人员支出项目增加减少万元等、，,；（）()0123456789.主要是其中一二是：", max_size=60))
def test_any_text_is_a_list_or_none(text: str) -> None:
    """Whatever the text, a list or None; a list's items are named and their amounts printed in the text."""
    items = breakdown(text)
    for item in items or ():
        assert item.label.strip() and str(abs(item.amount)) in text.replace(",", "")
