"""The made-up reports of tests/data/regions, each with one figure printed wrong (shared by the test modules of the
provinces' wording: test_grammar_jiangsu_shandong, test_grammar_henan_fujian …, which bind :func:`province_tests`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from budgetkit.checks.audit import check
from budgetkit.io.document import Box, Line, Paragraph
from budgetkit.io.pdf import Imported, ImportReport
from budgetkit.io.text import read_text

REGIONS = Path(__file__).parent / "data" / "regions"


def found_after(tmp_path: Path, name: str, printed: str, instead: str) -> list[tuple[str, str | None, str | None]]:
    """What ``check`` finds above a note in report ``name`` with ``printed`` (printed once in it) printed ``instead``:
    (finding code, stated, expected) of each finding, in order."""
    text = (REGIONS / f"{name}.txt").read_text(encoding="utf-8")
    assert text.count(printed) == 1, f"{printed!r} is printed {text.count(printed)} times in {name}"
    path = tmp_path / f"{name}.txt"
    path.write_text(text.replace(printed, instead), encoding="utf-8")
    findings = [f for f in check(read_text(path).account) if f.severity.value != "info"]
    return [(f.rule, f.stated_text, f.expected_text) for f in findings]


def paragraph(text: str) -> Paragraph:
    """``text`` as a paragraph of one line, as the grammar's ``parse_paragraphs`` takes it."""
    return Paragraph(text, (Line(text, Box(1, 0, 0, 9, 9)),))


def number_counts(report: ImportReport) -> tuple[int, int, int, int, int]:
    """(numbers seen, imported, kept in text, read but not held, not understood), as ``import --report`` prints them."""
    return (report.numbers_seen, report.numbers_imported, report.numbers_in_text, report.numbers_not_held,
            len(report.not_understood))  # fmt: skip


#: One figure printed wrong in a report: (report, printed, printed instead, the findings expected).
Mistake = tuple[str, str, str, list[tuple[str, str, str]]]


def province_tests(
    names: Sequence[str],
    coverage: Mapping[str, tuple[int, int, int, int, int]],
    notes: Mapping[str, list[str]],
    mistakes: list[Mistake],
) -> tuple[Callable[..., Any], ...]:
    """The fixture and the three tests every province's module runs on its made-up reports, for the module to bind:
    ``imported`` (each report read once), that every number is accounted for (``coverage``), that a consistent report
    checks clean but for its ``notes``, and that each of ``mistakes`` is found exactly. ``mistakes`` is read when the
    tests are collected, so the module may add to it after the call."""

    @pytest.fixture(scope="module")
    def imported() -> dict[str, Imported]:
        return {name: read_text(REGIONS / f"{name}.txt") for name in names}

    @pytest.mark.parametrize("name", names)
    def test_every_number_is_accounted_for(imported: dict[str, Imported], name: str) -> None:
        """Each report's numbers are imported, kept in text or read but not held; none is left not understood."""
        assert number_counts(imported[name].report) == coverage[name]

    @pytest.mark.parametrize("name", names)
    def test_a_consistent_report_checks_clean(imported: dict[str, Imported], name: str) -> None:
        """A report whose figures add up gives no error or warning, only notes on the built-in classification."""
        findings = check(imported[name].account)
        assert [(f.rule, f.path, f.message) for f in findings if f.severity.value != "info"] == []
        assert [f.rule for f in findings] == notes[name]

    @pytest.mark.parametrize(("name", "printed", "instead", "expected"), mistakes)
    def test_a_wrong_figure_is_found_and_only_it(
        tmp_path: Path, name: str, printed: str, instead: str, expected: list[tuple[str, str, str]]
    ) -> None:
        """One figure printed wrong: check gives exactly the findings listed, nothing else above a note."""
        assert found_after(tmp_path, name, printed, instead) == expected

    return (
        imported,
        test_every_number_is_accounted_for,
        test_a_consistent_report_checks_clean,
        test_a_wrong_figure_is_found_and_only_it,
    )
