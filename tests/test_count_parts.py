"""``narrative.count_parts``: counts the 情况说明 prints as the parts of a count add up to it (Shanghai's 预算绩效管理
sentence: the projects self-evaluated and their grades, the problems found and their rectification)."""

from __future__ import annotations

import attrs

from budgetkit import datasets
from budgetkit.checks.audit import check
from budgetkit.checks.batch import check_batch
from budgetkit.model.account import FinalAccount

PLANNING = datasets.load("putuo-planning-2024")
AT = next(k for k, p in enumerate(PLANNING.passages) if "绩效评级" in p.text)


def _with(old: str, new: str, account: FinalAccount = PLANNING) -> FinalAccount:
    passages = list(account.passages)
    assert old in passages[AT].text
    passages[AT] = attrs.evolve(passages[AT], text=passages[AT].text.replace(old, new, 1))
    return attrs.evolve(account, passages=tuple(passages))


def _found(account: FinalAccount) -> list[tuple[str, str, object, object, str]]:
    return [(f.path, f.severity.value, f.stated, f.expected, f.message) for f in check(account)
            if f.rule == "narrative.count_parts"]  # fmt: skip


def test_the_published_counts_add_up() -> None:
    """The planning report: 39 projects self-evaluated, 39 优 and none of the other grades; 0 problems."""
    assert _found(PLANNING) == []


def test_grades_that_do_not_add_up_are_an_error() -> None:
    found = _found(_with("“良”的项目0个", "“良”的项目1个"))
    assert [f[:4] for f in found] == [(f"passages[{AT}]", "error", 39, 40)]
    assert found[0][4] == "十：绩效自评的项目39个，而“优”39个、“良”1个、“合格”0个、“不合格”0个，合计40个"


def test_problems_found_against_those_rectified() -> None:
    changed = _with("绩效自评中共发现问题0个。", "绩效自评中共发现问题5个，已经完成整改的3个，正在整改的1个。")
    assert [f[:4] for f in _found(changed)] == [(f"passages[{AT}]", "error", 5, 4)]
    assert _found(_with("绩效自评中共发现问题0个。", "绩效自评中共发现问题5个，已经完成整改的4个，正在整改的1个。")) == []


def test_a_count_not_printed_is_not_checked() -> None:
    blank = _with("绩效自评的2024年度项目39个", "绩效自评的2024年度项目XX个")  # a template blank
    assert _found(blank) == []
    assert _found(_with("“良”的项目0个", "“良”的项目1个", blank)) == []


def test_grades_printed_in_part_are_at_most_the_projects() -> None:
    """With a grade not printed the list may not be all of them: fewer graded than projects is no finding, more is
    (39 优 and 1 良 of 39 projects, whatever the grade not printed)."""
    partial = _with("；绩效评级为“不合格”的项目0个", "")
    assert _found(partial) == []
    assert _found(_with("“优”的项目39个", "“优”的项目38个", partial)) == []
    found = _found(_with("“良”的项目0个", "“良”的项目1个", partial))
    assert [f[:4] for f in found] == [(f"passages[{AT}]", "error", 39, 40)]


def test_the_batch_finds_what_check_finds() -> None:
    accounts = [_with("“良”的项目0个", "“良”的项目1个"), PLANNING]
    assert check_batch(accounts) == [check(a) for a in accounts]
