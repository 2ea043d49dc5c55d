"""Tests for the finding catalogue: one table of every finding code, the docs page generated from it."""

from __future__ import annotations

import runpy
from decimal import Decimal
from pathlib import Path

import pytest

from budgetkit import datasets, io
from budgetkit.checks import years
from budgetkit.checks.audit import check
from budgetkit.checks.context import make_finding
from budgetkit.checks.finding import CATALOGUE, Part, Severity, UnknownFindingCodeError, show_value
from budgetkit.checks.rules import ALL_RULES
from budgetkit.datasets import synthetic

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "audit"


def test_docs_rules_page_is_generated_from_the_catalogue() -> None:
    """docs/rules.md is exactly what docs/gen_rules.py writes (run it after editing the catalogue)."""
    render = runpy.run_path(str(ROOT / "docs" / "gen_rules.py"))["render"]
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == render()


def test_every_code_a_rule_reports_is_catalogued_and_nothing_else() -> None:
    """The catalogue and the rules' finding codes are the same set."""
    reported = {code for rule in (*ALL_RULES, years.RULE) for code in rule.codes}
    assert reported == set(CATALOGUE)


def test_findings_take_severity_and_part_from_the_catalogue() -> None:
    """On the seed, every fixture and defective synthetic accounts, each finding has its catalogued severity and part."""
    accounts = [datasets.load("zigong-hr-2023"), *(io.load(p) for p in sorted(FIXTURES.glob("*.toml")))]
    accounts += [synthetic.generate(s, defects=(d,)) for s in range(2) for d in sorted(synthetic.DEFECTS)]
    seen = set()
    for account in accounts:
        for finding in check(account):
            entry = CATALOGUE[finding.rule]
            seen.add(finding.rule)
            if not entry.severity_note:
                assert finding.severity is entry.severity, finding
            if entry.part is not None:
                assert finding.part is entry.part, finding
    assert len(seen) > 60  # nearly every code was met, so this compares something


def test_a_misspelt_code_is_refused_and_a_custom_code_states_its_severity() -> None:
    """A built-in code must be catalogued; a code of one's own rule passes its severity (part defaults to OTHER)."""
    with pytest.raises(UnknownFindingCodeError, match=r"claim\.grwoth"):
        make_finding("claim.grwoth", "claims[0]", "增长率", "growth", part=Part.TOTALS)
    custom = make_finding("custom.unit", "unit", "单位", "unit", severity=Severity.WARNING)
    assert (custom.severity, custom.part) == (Severity.WARNING, Part.OTHER)
    with pytest.raises(ValueError, match="severity error in the catalogue"):
        make_finding("identity.balance", "x", "m", "m", severity=Severity.INFO)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("1E-12"), "0.000000000001"),
        (Decimal("9.7E+28"), "97000000000000000000000000000"),
        (None, None),
        (5, "5"),
    ],
)
def test_stated_and_expected_values_are_shown_plainly(value: object, shown: str | None) -> None:
    """Values render without exponent notation, and an absent value stays absent (never the text 'None')."""
    assert show_value(value) == shown
    finding = make_finding("identity.balance", "expenditure.total", "m", "m", stated=value, expected=value)
    assert finding.stated_text == shown and finding.as_dict()["expected"] == shown
