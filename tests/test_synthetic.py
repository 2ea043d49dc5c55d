"""Tests for budgetkit.datasets.synthetic: consistent accounts, and defects that produce the finding they stand for.

A generated account has no error or warning finding. Each kind of
:data:`DEFECTS` put into any generated account produces its own finding code
and no other error or warning.
"""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from budgetkit import io
from budgetkit.checks.audit import check
from budgetkit.checks.finding import Finding, Severity
from budgetkit.datasets.synthetic import DEFECTS, generate, inject
from budgetkit.errors import ModelError

SEEDS = st.integers(min_value=0, max_value=10**6)
KINDS = st.sampled_from(sorted(DEFECTS))


def _noteworthy(account_findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.rule, f.path) for f in account_findings if f.severity is not Severity.INFO]


@settings(max_examples=25, deadline=None)
@given(seed=SEEDS)
def test_generated_accounts_have_no_error_or_warning(seed: int) -> None:
    """Without defects a generated account has no error or warning finding."""
    account = generate(seed)
    assert _noteworthy(check(account)) == []


@pytest.mark.parametrize("seed", [1110, 2659, 3502])
def test_no_rate_is_stated_over_a_last_year_printed_as_zero(seed: int) -> None:
    """Draws whose last year would print as 0.00 print 0.01 instead, so no rate has a zero base."""
    account = generate(seed)
    tp = account.three_public
    assert all(f.previous is not None and f.previous.amount != 0 for f in (tp.total, tp.vehicle, tp.reception))
    assert "rate.zero_base" not in {f.rule for f in check(account)}


def test_same_seed_same_account_and_defects_do_not_change_the_clean_one() -> None:
    """generate is reproducible, with and without defects, and defects leave generate(seed) as it was."""
    assert generate(11) == generate(11)
    assert generate(11, defects=("wrong_share", "template_text")) == generate(
        11, defects=("wrong_share", "template_text")
    )
    before = io.dumps(generate(11))
    generate(11, defects=("wrong_total",))
    assert io.dumps(generate(11)) == before
    assert generate(11, defects=("wrong_total",)) != generate(11)


def test_the_audit_fixtures_still_start_from_the_same_account() -> None:
    """generate(87) is still the consistent account every audit fixture was made from, digit for digit."""
    assert io.load("tests/fixtures/audit/consistent.toml") == generate(87)


def test_every_defect_names_a_catalogued_code() -> None:
    """Each defect's code is one the rule catalogue reports."""
    from budgetkit.checks.audit import DEFAULT_RULES

    codes = {code for rule in DEFAULT_RULES for code in rule.codes}
    assert set(DEFECTS.values()) <= codes
    assert len(DEFECTS) >= 12


@pytest.mark.parametrize("kind", sorted(DEFECTS))
def test_each_defect_produces_its_code_and_no_other_problem(kind: str) -> None:
    """A defect of each kind gives its finding code, and no other error or warning, on several accounts."""
    for seed in (0, 1, 87):
        account = generate(seed, defects=(kind,))
        findings = check(account)
        assert DEFECTS[kind] in {f.rule for f in findings}, (kind, seed)
        others = [(r, p) for r, p in _noteworthy(findings) if r != DEFECTS[kind]]
        assert others == [], (kind, seed)


@settings(max_examples=30, deadline=None)
@given(seed=SEEDS, kind=KINDS)
def test_any_defect_in_any_account_produces_its_code(seed: int, kind: str) -> None:
    """Whatever the seed, a defect of any kind produces its own finding code."""
    account = generate(seed, defects=(kind,))
    assert DEFECTS[kind] in {f.rule for f in check(account)}


@settings(max_examples=10, deadline=None)
@given(seed=SEEDS, kinds=st.lists(KINDS, min_size=2, max_size=4, unique=True))
def test_several_defects_at_once_are_reproducible(seed: int, kinds: list[str]) -> None:
    """Several defects can be put into one account, and the same seed and kinds give the same account."""
    account = generate(seed, defects=tuple(kinds))
    assert account == generate(seed, defects=tuple(kinds))
    assert DEFECTS[kinds[-1]] in {f.rule for f in check(account)}


def test_inject_refuses_an_unknown_kind() -> None:
    """An unknown defect kind is refused with the list of known ones."""
    with pytest.raises(ModelError, match="unknown defect 'typo'; known: wrong_total"):
        inject(generate(1), "typo", random.Random(1))


def test_inject_says_when_a_defect_cannot_be_put_in() -> None:
    """An account without the figures a defect needs is refused, not silently returned unchanged."""
    account = generate(1)
    no_counts = account.__class__(
        unit=account.unit, year=account.year, unit_type=account.unit_type, claims=(), three_public=account.three_public
    )
    with pytest.raises(ModelError, match="cannot put a 'wrong_count' defect"):
        inject(no_counts, "wrong_count", random.Random(1))


def test_an_injected_wrong_total_is_beyond_rounding() -> None:
    """The wrong procurement total differs from its parts by whole 万元, an error rather than a residue."""
    account = generate(5, defects=("wrong_total",))
    pr = account.procurement
    assert pr.total.current is not None and pr.goods.current is not None and pr.services.current is not None
    gap = pr.total.current.amount - pr.goods.current.amount - pr.services.current.amount
    assert gap >= Decimal(1)
    assert [f.severity for f in check(account) if f.rule == "identity.procurement"] == [Severity.ERROR]
