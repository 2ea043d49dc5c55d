"""Tests for budgetkit.model.performance: the unit's own words for 预算绩效管理情况."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from budgetkit import datasets, io
from budgetkit.errors import ModelError
from budgetkit.model.performance import KindReview, PerformanceReview, Topic
from budgetkit.model.project import ProjectKind

SEED = datasets.load("zigong-hr-2023")


def test_review_is_optional_and_empty_by_default() -> None:
    """An account without the unit's words has an empty review, and its file has no [performance] table."""
    account = datasets.load("putuo-planning-2024")
    assert not account.performance
    assert "[performance]" not in io.dumps(account)


def test_old_files_keep_loading() -> None:
    """Every format-0.1 fixture loads, with an empty review."""
    files = sorted((Path(__file__).parent / "fixtures" / "format-0.1").glob("*.toml"))
    assert files
    for file in files:
        assert not io.load(file).performance


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_review_round_trips(fmt: io.Format) -> None:
    """The seed's review survives dump and load, text for text."""
    assert SEED.performance
    assert io.loads(io.dumps(SEED, fmt), fmt).performance == SEED.performance


def test_seed_keeps_the_units_words() -> None:
    """The seed's review holds the words around the figures, by kind, and its points in order."""
    review = SEED.performance
    personnel = review.kind("人员类")
    assert personnel is not None and personnel.before.startswith("为进一步夯实")
    assert review.kind(ProjectKind.SPECIFIC) is None
    assert [t.title for t in review.unit_results] == ["保障运转", "厉行节约", "节能降耗"]
    assert len(review.project_results[2].paragraphs) == 5
    assert len(review.problems) == 3 and len(review.suggestions) == 2


def test_bad_input_is_refused() -> None:
    """An unknown kind or a single string where a list of paragraphs belongs raises ModelError."""
    with pytest.raises(ModelError, match="人员类"):
        KindReview(kind="行政类")
    with pytest.raises(ModelError, match="sequence"):
        Topic(title="厉行节约", paragraphs="一段")  # type: ignore[arg-type]
    with pytest.raises(ModelError):
        PerformanceReview(problems="一个问题")  # type: ignore[arg-type]


def test_a_bad_kind_in_a_file_names_its_place() -> None:
    """A file with an unknown kind fails with the path of the field."""
    text = io.dumps(attrs.evolve(SEED, performance=PerformanceReview(kinds=(KindReview(kind="人员类"),))))
    with pytest.raises(io.LoadError, match=r"performance"):
        io.loads(text.replace('kind = "人员类"', 'kind = "行政类"'))


SELFEVAL = Path(__file__).parent / "data" / "selfeval" / "sichuan-reasons-after-the-notes.txt"


@pytest.mark.parametrize(
    ("answers", "rules"),
    [
        (True, []),
        (False, ["project.adjustment_reason", "project.low_execution_reason"]),
    ],
)
def test_a_reason_written_after_the_template_s_instructions_is_a_reason(
    tmp_path: Path, answers: bool, rules: list[str]
) -> None:
    """The 原因 cell keeps the template's instructions and writes its answers after them: both reasons are given
    (before, a cell holding any instruction counted as none, and both were warned of). With the instructions
    alone, both are asked for."""
    from budgetkit.checks.audit import check
    from budgetkit.io.text import read_text

    text = SELFEVAL.read_text(encoding="utf-8")
    if not answers:
        text = text.replace("：2所学校改扩建暂缓维护；", "；").replace("应单独说明理由：年中调减预算10万元用于应急维修。", "应单独说明理由。")
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    findings = check(read_text(path).account)
    assert sorted(f.rule for f in findings if f.rule in ("project.adjustment_reason", "project.low_execution_reason")) == rules


CENTRAL = Path(__file__).parent / "data" / "selfeval" / "central-reason-in-an-indicator-row.txt"


@pytest.mark.parametrize(("said", "rules"), [(True, []), (False, ["project.low_execution_reason"])])
def test_the_central_template_s_execution_reason_in_an_indicator_s_row(tmp_path: Path, said: bool, rules: list[str]) -> None:
    """附件1 prints no 原因 cell for the money: a reason that speaks of the execution in an indicator's 偏差原因 cell
    is one (before, only the table-wide cell counted, and the filer was warned)."""
    from budgetkit.checks.audit import check
    from budgetkit.io.text import read_text

    text = CENTRAL.read_text(encoding="utf-8")
    if not said:
        text = text.replace("全年执行率87.5%，低于90%，原因是部分学员延期参训，补贴资金未拨付", "部分学员延期参训")
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    assert [f.rule for f in check(read_text(path).account) if f.rule == "project.low_execution_reason"] == rules
