"""The made-up reports of tests/data/regions, each with one figure printed wrong (shared by the test modules of the
provinces' wording: test_grammar_jiangsu_shandong, test_grammar_henan_fujian …)."""

from __future__ import annotations

from pathlib import Path

from budgetkit.checks.audit import check
from budgetkit.io.document import Box, Line, Paragraph
from budgetkit.io.pdf import ImportReport
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
