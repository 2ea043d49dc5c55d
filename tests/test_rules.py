"""Tests for budgetkit.checks.rules: one broken fixture per finding code, and each rule's boundaries.

Every file in ``tests/fixtures/audit`` is the consistent synthetic account
(``consistent.toml``) with exactly one defect, written by
``tests/fixtures/audit/make_fixtures.py``. :data:`MANIFEST` says which finding
each must produce (code, path, severity); no other error-level finding may
appear, so every fixture isolates its failure mode.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from types import ModuleType

import attrs
import pytest

from budgetkit import datasets, io
from budgetkit.checks.audit import DEFAULT_RULES, check
from budgetkit.checks.finding import Finding, Severity
from budgetkit.checks.rules.text import placeholders
from budgetkit.checks.scoring import ScoringRules
from budgetkit.datasets import synthetic
from budgetkit.model.account import Figure, FinalAccount, GeneralBudget, GlossaryEntry, Income, Procurement
from budgetkit.model.category import ExpenseCategory
from budgetkit.model.claim import Claim
from budgetkit.model.indicator import PerformanceIndicator
from budgetkit.model.project import FundGrid, FundLine, Project
from budgetkit.reference.classification import load_table

FIXTURES = Path(__file__).parent / "fixtures" / "audit"
ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

_GB = "general_budget.categories"

#: fixture file (without .toml) → the finding it must produce: code, path, severity.
MANIFEST: tuple[tuple[str, str, str, Severity], ...] = (
    # identities
    ("identity.income_year_total", "identity.income_year_total", "income.year_total", ERROR),
    ("identity.income_total", "identity.income_total", "income.total", ERROR),
    ("identity.expenditure_year_total", "identity.expenditure_year_total", "expenditure.year_total", ERROR),
    ("identity.expenditure_total", "identity.expenditure_total", "expenditure.total", ERROR),
    ("identity.balance", "identity.balance", "expenditure.total.previous", ERROR),  # last year's totals
    ("identity.cross_year", "identity.cross_year", "income.opening_balance", WARNING),
    ("identity.fiscal_fund", "identity.fiscal_fund", "fiscal.general_budget", ERROR),
    ("identity.fiscal_total", "identity.fiscal_total", "fiscal.total", ERROR),
    ("identity.fiscal_balances", "identity.fiscal_balances", "fiscal.expenditure_total", ERROR),
    ("identity.fiscal_general_budget", "identity.fiscal_general_budget", "fiscal.general_budget.expenditure", ERROR),
    ("identity.general_budget_classes", "identity.general_budget_classes", "general_budget.total", ERROR),
    ("identity.category_rollup", "identity.category_rollup", f"{_GB}[0]", ERROR),
    ("identity.category_budgets", "identity.category_budgets", "general_budget.total.budget", ERROR),
    ("identity.category_split", "identity.category_split", f"{_GB}[0].children[0].children[0]", ERROR),
    ("identity.general_budget_split", "identity.general_budget_split", "general_budget.total", ERROR),
    ("identity.basic_split", "identity.basic_split", "general_budget.basic", ERROR),
    ("identity.three_public_total", "identity.three_public_total", "three_public.total.current", ERROR),
    ("identity.three_public_vehicle", "identity.three_public_vehicle", "three_public.vehicle.current", ERROR),
    ("identity.three_public_reception", "identity.three_public_reception", "three_public.reception.current", ERROR),
    ("identity.reception_events", "identity.reception_events", "three_public.reception_domestic.current", ERROR),
    ("identity.vehicles_owned", "identity.vehicles_owned", "three_public.vehicles_owned", ERROR),
    ("identity.vehicles_owned--assets", "identity.vehicles_owned", "three_public.vehicles_owned", ERROR),
    ("identity.vehicles_by_use", "identity.vehicles_by_use", "assets.vehicles", ERROR),
    ("identity.procurement", "identity.procurement", "procurement.total", ERROR),
    ("identity.procurement_subset", "identity.procurement_subset", "procurement.small_micro", ERROR),
    ("identity.operating_costs_unit_type", "identity.operating_costs_unit_type", "operating_costs.current", ERROR),
    ("identity.three_public_counts", "identity.three_public_counts", "three_public.outbound_groups", WARNING),
    ("identity.operating_costs_public_use", "identity.operating_costs_public_use", "operating_costs.current", ERROR),
    ("identity.parts_over_total", "identity.parts_over_total", "income.year_total", ERROR),
    ("identity.income_fiscal", "identity.income_fiscal", "income.fiscal", ERROR),
    ("identity.reception_subset", "identity.reception_subset", "three_public.reception_guests", ERROR),
    ("identity.count_persons", "identity.count_persons", "three_public.reception_batches", ERROR),
    ("rounding.residue", "rounding.residue", "procurement.total", INFO),
    ("rounding.residue--score_total", "rounding.residue", "projects[0].stated_total", INFO),
    # change explanations
    ("explanation.sum", "explanation.sum", "explanations[0]", ERROR),
    ("explanation.change", "explanation.change", "explanations[0]", ERROR),
    ("explanation.listed_sum", "explanation.listed_sum", "explanations[0]", WARNING),
    # claims and fund lines
    ("claim.amount", "claim.amount", "claims[33]", ERROR),
    ("claim.change", "claim.change", "claims[0]", ERROR),
    ("claim.growth", "claim.growth", "claims[1]", ERROR),
    ("claim.share", "claim.share", "claims[5]", ERROR),
    ("claim.completion", "claim.completion", "claims[8]", ERROR),
    ("claim.ratio", "claim.ratio", "claims[33]", ERROR),
    ("claim.ratio--fund_line", "claim.ratio", "projects[0].funds.lines[1].stated_rate", ERROR),
    ("claim.count", "claim.count", "claims[27]", ERROR),
    ("claim.sum", "claim.sum", "claims[28]", ERROR),
    ("claim.score", "claim.score", "claims[33]", ERROR),
    ("claim.overall_score", "claim.overall_score", "claims[32]", WARNING),
    ("claim.unresolved", "claim.unresolved", "claims[33]", ERROR),
    ("rounding.truncated", "rounding.truncated", "claims[17]", WARNING),
    ("rounding.truncated--fund_line", "rounding.truncated", "projects[0].funds.lines[1].stated_rate", WARNING),
    ("rounding.nudged", "rounding.nudged", "claims[16]", WARNING),
    ("rate.zero_base", "rate.zero_base", "claims[33]", WARNING),
    ("rate.zero_base--fund_line", "rate.zero_base", "projects[0].funds.lines[2].stated_rate", WARNING),
    # functional classification
    ("classification.unknown_name", "classification.unknown_name", f"{_GB}[2].children[0]", INFO),
    ("classification.generic_name", "classification.generic_name", f"{_GB}[0].children[2].children[1]", INFO),
    (
        "classification.section_not_in_class",
        "classification.section_not_in_class",
        f"{_GB}[2].children[0].children[0]",
        ERROR,
    ),
    (
        "classification.item_not_in_section",
        "classification.item_not_in_section",
        f"{_GB}[0].children[2].children[0]",
        ERROR,
    ),
    (
        "classification.item_not_in_class",
        "classification.item_not_in_class",
        f"{_GB}[2].children[0].children[0]",
        ERROR,
    ),
    ("classification.mixed_editions", "classification.mixed_editions", _GB, WARNING),
    ("classification.outdated_name", "classification.outdated_name", f"{_GB}[1]", WARNING),
    ("classification.name_after_edition", "classification.name_after_edition", f"{_GB}[1]", WARNING),
    ("classification.variant_spelling", "classification.variant_spelling", f"{_GB}[0].children[0]", INFO),
    ("classification.code_name", "classification.code_name", f"{_GB}[0].code", ERROR),
    ("classification.unreadable", "classification.unreadable", f"{_GB}[0].children[0].children[0]", ERROR),
    # self-evaluation tables
    ("selfeval.fund_sum", "selfeval.fund_sum", "projects[0].funds.lines[0].initial", ERROR),
    ("selfeval.unfilled", "selfeval.unfilled", "projects[2]", WARNING),
    ("selfeval.text_actual", "selfeval.text_actual", "projects[0].indicators[0].actual", WARNING),
    ("selfeval.variant_fit", "selfeval.variant_fit", "projects[0].execution_weight", WARNING),
    ("selfeval.whole_points", "selfeval.whole_points", "projects[0].execution_score", INFO),
    ("project.code_missing", "project.code_missing", "projects[0].code", WARNING),
    ("project.weight_sum", "project.weight_sum", "projects[0]", ERROR),
    ("project.weight_total_row", "project.weight_total_row", "projects[0].stated_weight_total", ERROR),
    ("project.total", "project.total", "projects[0].stated_total", ERROR),
    ("project.grade", "project.grade", "projects[0].printed_grade", ERROR),
    ("project.execution_score", "project.execution_score", "projects[0].execution_score", ERROR),
    ("project.low_execution_reason", "project.low_execution_reason", "projects[0].execution_reason", WARNING),
    ("project.adjustment_reason", "project.adjustment_reason", "projects[1].execution_reason", WARNING),
    ("project.principle_weights", "project.principle_weights", "projects[0].indicators", INFO),
    ("indicator.score_range", "indicator.score_range", "projects[0].indicators[0].stated_score", ERROR),
    ("indicator.missing_actual", "indicator.missing_actual", "projects[0].indicators[0].actual", ERROR),
    ("indicator.qualitative_band", "indicator.qualitative_band", "projects[0].indicators[3].stated_score", ERROR),
    (
        "indicator.deducted_without_reason",
        "indicator.deducted_without_reason",
        "projects[0].indicators[0].stated_score",
        WARNING,
    ),
    ("indicator.score", "indicator.score", "projects[0].indicators[1].stated_score", ERROR),
    ("indicator.shortfall_reason", "indicator.shortfall_reason", "projects[0].indicators[1].reason", WARNING),
    ("indicator.overshoot", "indicator.overshoot", "projects[0].indicators[0].actual", INFO),
    # text and charts
    ("text.template", "text.template", "passages[0]", WARNING),
    ("chart.title", "chart.title", "charts[0].data_title", WARNING),
    ("chart.shape", "chart.shape", "charts[0]", ERROR),
    ("chart.value", "chart.value", "charts[0].values[0]", ERROR),
    ("chart.float_artifact", "chart.float_artifact", "charts[0].values[0]", INFO),
    # the published tables (broken copies of putuo-social-work-2024)
    ("table.column_sum", "table.column_sum", "tables.expenditure[2013901].year_total", ERROR),
    ("table.line_sum", "table.line_sum", "tables.summary[income.total].amount", ERROR),
    ("table.hierarchy", "table.hierarchy", "tables.basic_expenditure[301].amount", ERROR),
    ("table.link", "table.link", "tables.government_fund[total].expenditure", ERROR),
    ("table.figure", "table.figure", "general_budget.personnel.current", ERROR),
    ("table.count", "table.count", "three_public.outbound_persons", ERROR),
    ("table.missing", "table.missing", "tables[state_capital]", WARNING),
    ("table.order", "table.order", "tables", WARNING),
    ("table.contents", "table.contents", "tables.contents", WARNING),
    ("table.contents_heading", "table.contents_heading", "passages[4]", WARNING),
    ("table.name", "table.name", "general_budget.categories[3].children[0].children[0]", WARNING),
    ("table.empty_note", "table.empty_note", "tables.tables[6].empty_note", WARNING),
    # the narrative and its wording
    ("text.doubled_punctuation", "text.doubled_punctuation", "passages[0]", WARNING),
    ("text.doubled_word", "text.doubled_word", "passages[0]", WARNING),
    ("text.unclosed_bracket", "text.unclosed_bracket", "passages[0]", WARNING),
    ("narrative.direction", "narrative.direction", "passages[0]", ERROR),
    ("narrative.reason", "narrative.reason", "passages[0]", WARNING),
    ("narrative.adjustment", "narrative.adjustment", "passages[0]", ERROR),
    ("narrative.reason_direction", "narrative.reason_direction", "passages[0]", ERROR),
    ("narrative.change_parts", "narrative.change_parts", "claims[0]", ERROR),
    ("narrative.count_parts", "narrative.count_parts", "passages[0]", ERROR),
    ("narrative.grade", "narrative.grade", "passages[0]", WARNING),
    ("narrative.sme_awarded", "narrative.sme_awarded", "passages[0]", ERROR),
    ("narrative.sme_reserved", "narrative.sme_reserved", "passages[0]", ERROR),
    ("narrative.fund_items", "narrative.fund_items", "passages[0]", ERROR),
    ("narrative.fund_item", "narrative.fund_item", "passages[1]", ERROR),
    ("narrative.percent_sign", "narrative.percent_sign", "passages[0]", WARNING),
    ("narrative.unit_name", "narrative.unit_name", "passages[0]", WARNING),
    ("narrative.use_copied", "narrative.use_copied", f"{_GB}[2].children[0].children[0].use", WARNING),
    ("narrative.balance", "narrative.balance", "passages[0]", ERROR),
    ("narrative.year", "narrative.year", "passages[0]", ERROR),
    ("narrative.unit", "narrative.unit", "passages[0]", ERROR),
    ("narrative.budget_change", "narrative.budget_change", "passages[0]", ERROR),
)

#: Catalogued codes no account file can produce, and why.
NOT_FROM_DATA = {
    # The rule always resolves names with the shipped (partial) table, in which no two codes share a
    # name at one level; see test_ambiguous_name_with_a_fuller_table for the rule's behaviour.
    "classification.ambiguous_name": "the shipped functional table has no name shared by two codes",
}


def _load(name: str) -> FinalAccount:
    return io.load(FIXTURES / f"{name}.toml")


def _keys(findings: list[Finding], severity: Severity | None = None) -> set[tuple[str, str]]:
    return {(f.rule, f.path) for f in findings if severity is None or f.severity is severity}


@pytest.fixture(scope="module")
def consistent() -> FinalAccount:
    """The consistent account every fixture starts from."""
    return _load("consistent")


def _make_fixtures() -> ModuleType:
    spec = importlib.util.spec_from_file_location("audit_make_fixtures", FIXTURES / "make_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- the fixtures -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "code", "path", "severity"), MANIFEST, ids=[row[0] for row in MANIFEST])
def test_fixture_produces_its_finding_and_no_other_error(name: str, code: str, path: str, severity: Severity) -> None:
    """Each broken fixture yields its finding (code, path, severity) and no error-level finding besides it."""
    findings = check(_load(name))
    assert any((f.rule, f.path, f.severity) == (code, path, severity) for f in findings), findings
    assert _keys(findings, ERROR) <= {(code, path)}


def test_consistent_fixture_has_no_error_or_warning(consistent: FinalAccount) -> None:
    """The consistent fixture has only informational findings, rounding residues and whole-point scores among them."""
    findings = check(consistent)
    assert check(consistent, min_severity=WARNING) == []
    assert {f.rule for f in findings} == {"rounding.residue", "selfeval.whole_points"}


def test_consistent_fixture_is_the_synthetic_account(consistent: FinalAccount) -> None:
    """consistent.toml is synthetic.generate(SEED), digit for digit."""
    assert consistent == synthetic.generate(_make_fixtures().SEED)


def test_every_catalogued_code_has_a_fixture() -> None:
    """Every finding code of the catalogue has a fixture, except the codes listed as not producible from data."""
    catalogued = {code for rule in DEFAULT_RULES for code in rule.codes}
    covered = {code for _, code, _, _ in MANIFEST}
    assert covered <= catalogued
    assert catalogued - covered == set(NOT_FROM_DATA)


def test_manifest_lists_every_fixture_file() -> None:
    """Every .toml file in fixtures/audit is the consistent account or a manifest entry, and vice versa."""
    files = {p.stem for p in FIXTURES.glob("*.toml")}
    assert files == {name for name, *_ in MANIFEST} | {"consistent"}
    assert len({name for name, *_ in MANIFEST}) == len(MANIFEST)


def test_fixture_files_are_what_make_fixtures_writes() -> None:
    """The committed fixtures are exactly the output of make_fixtures.py (regenerate after editing it)."""
    for name, text in _make_fixtures().build_all().items():
        assert (FIXTURES / name).read_text(encoding="utf-8") == text, name


def test_fixture_differs_from_the_consistent_account(consistent: FinalAccount) -> None:
    """No fixture is the consistent account itself: each carries its defect."""
    for name, *_ in MANIFEST:
        assert _load(name) != consistent, name


def _accounts() -> Iterator[tuple[str, FinalAccount]]:
    yield "seed", datasets.load("zigong-hr-2023")
    for name, *_ in MANIFEST:
        yield name, _load(name)


def test_each_rule_reports_only_its_catalogued_codes() -> None:
    """A rule reports only the finding codes its catalogue entry lists, on the seed and every fixture."""
    for name, account in _accounts():
        for rule in DEFAULT_RULES:
            reported = {f.rule for f in check(account, rules=[rule])}
            assert reported <= set(rule.codes), (name, rule.code, reported - set(rule.codes))


# -- identities ---------------------------------------------------------------------------------------------------


def test_unprinted_part_skips_the_identity(consistent: FinalAccount) -> None:
    """A part the report does not print (None) skips its identity instead of counting as 0: 事业收入 33.70 leaves 5.00
    of 本年收入合计 to the sources not printed (其他收入 etc.). Parts printed over the total are an error even so
    (the fixture identity.parts_over_total)."""
    income = attrs.evolve(consistent.income, business=Figure("33.70"))  # 上级补助收入 etc. stay unprinted
    # (the text's share of 事业收入 no longer follows: claims aside)
    assert check(attrs.evolve(consistent, income=income), min_severity=WARNING, disable=["claim"]) == []


def test_one_unit_off_is_a_residue_and_more_is_an_error(consistent: FinalAccount) -> None:
    """A total 0.01 off two printed parts is a rounding residue; 0.02 off is beyond rounding, an error."""
    gb = consistent.general_budget  # basic 1173.96 + personnel 1110.48 + public_use 63.48
    residue = check(attrs.evolve(consistent, general_budget=attrs.evolve(gb, basic=Figure("1173.97"))))
    wrong = check(attrs.evolve(consistent, general_budget=attrs.evolve(gb, basic=Figure("1173.98"))))
    assert ("rounding.residue", "general_budget.basic") in _keys(residue, INFO)
    assert ("identity.basic_split", "general_budget.basic") in _keys(wrong, ERROR)


def test_residue_gives_the_printed_total_and_the_printed_sum() -> None:
    """0.994 + 0.994 + 0.994 = 2.982 prints as 0.99 + 0.99 + 0.99 = 2.98: a residue, stated 2.98, expected 2.97."""
    acc = FinalAccount(
        unit="示例单位",
        year=2023,
        unit_type="公益一类事业单位",
        procurement=Procurement(total="2.98", goods="0.99", works="0.99", services="0.99"),
    )
    findings = check(acc)
    assert [(f.rule, f.severity) for f in findings] == [("rounding.residue", INFO)]
    assert (findings[0].stated_text, findings[0].expected_text) == ("2.98", "2.97")


def _rolled_up_account() -> FinalAccount:
    """One 类 of 10.01 over a 款 printed without an amount whose three 项 are printed 3.33 + 3.33 + 3.34.

    Exact amounts 3.33499 + 3.33499 + 3.34499 = 10.01497 print exactly so: the account is consistent.
    """
    names = ("事业运行", "行政运行", "其他人力资源和社会保障管理事务支出")
    items = tuple(
        ExpenseCategory(
            level="项",
            name=name,
            printed=f"社会保障和就业支出（类）人力资源和社会保障管理事务（款）{name}（项）",
            actual=amount,
        )
        for name, amount in zip(names, ("3.33", "3.33", "3.34"), strict=True)
    )
    section = ExpenseCategory(level="款", name="人力资源和社会保障管理事务", children=items)
    social = ExpenseCategory(level="类", name="社会保障和就业支出", actual="10.01", children=(section,))
    return FinalAccount(
        unit="示例单位",
        year=2023,
        unit_type="公益一类事业单位",
        general_budget=GeneralBudget(total=Figure("10.01"), categories=(social,)),
    )


def test_rollup_over_a_printed_section_allows_its_own_rounding() -> None:
    """A 类 over 款 lines that print their own amounts is checked against those amounts' rounding."""
    acc = _rolled_up_account()
    section = acc.general_budget.categories[0].children[0]
    printed = attrs.evolve(section, actual="10.00")  # the 款 now prints 10.00, one figure
    social = attrs.evolve(acc.general_budget.categories[0], children=(printed,))
    acc = attrs.evolve(acc, general_budget=attrs.evolve(acc.general_budget, categories=(social,)))
    assert ("identity.category_rollup", f"{_GB}[0]") in _keys(check(acc), ERROR)  # 10.01 vs 10.00 ± 0.005


def test_rollup_over_unprinted_sections_uses_every_printed_line() -> None:
    """A 类 over 款 lines without amounts is checked against the rounding of every printed 项 below them."""
    findings = check(_rolled_up_account())
    assert _keys(findings, ERROR) == set()
    assert ("rounding.residue", f"{_GB}[0]") in _keys(findings, INFO)


# -- claims -------------------------------------------------------------------------------------------------------


def _two_years(current: str, previous: str, claim: Claim) -> FinalAccount:
    return FinalAccount(
        unit="示例单位",
        year=2023,
        unit_type="公益一类事业单位",
        income=Income(total=Figure(current, previous)),
        claims=(claim,),
    )


def test_growth_within_rounding_is_accepted() -> None:
    """增长6.68% of 988.88 → 1054.90 is consistent; 6.69% is not reachable and is an error."""
    ok = _two_years("1054.90", "988.88", Claim(kind="growth", subject="income.total", stated="6.68"))
    wrong = _two_years("1054.90", "988.88", Claim(kind="growth", subject="income.total", stated="6.69"))
    assert check(ok) == []
    assert _keys(check(wrong), ERROR) == {("claim.growth", "claims[0]")}


def test_a_count_is_never_reported_as_truncated(consistent: FinalAccount) -> None:
    """A count one below the listed items is a claim.count error, not a truncation warning."""
    acc = attrs.evolve(consistent, claims=(Claim(kind="count", subject="three_public.events", stated=3),))
    assert [f.rule for f in check(acc) if f.path == "claims[0]"] == ["claim.count"]


def test_nudged_only_when_the_printed_shares_total_100(consistent: FinalAccount) -> None:
    """A share one unit off is 'nudged' only if its group prints 100% in all; otherwise it is a plain error."""
    claims = list(consistent.claims)
    claims[16] = attrs.evolve(claims[16], stated=Decimal("2.41"))  # group now totals 100.01
    findings = check(attrs.evolve(consistent, claims=tuple(claims)))
    assert ("claim.share", "claims[16]") in _keys(findings, ERROR)
    assert "rounding.nudged" not in {f.rule for f in findings}


def test_zero_base_is_not_reported_when_zero_is_not_exact() -> None:
    """With zero_is_exact=False a printed 0 is a rounded value (below 0.5), so a rate over it that some such value
    gives is not a zero-base finding; a rate none gives still is (5.00 over less than 0.5 is more than 900%)."""
    acc = _two_years("5.00", "0", Claim(kind="growth", subject="income.total", stated="2000.00"))
    assert [f.rule for f in check(acc)] == ["rate.zero_base"]
    assert check(acc, zero_is_exact=False) == []
    acc = _two_years("5.00", "0", Claim(kind="growth", subject="income.total", stated="12.00"))
    assert [f.rule for f in check(acc, zero_is_exact=False)] == ["rate.zero_base"]


def test_a_growth_printed_as_zero_is_a_rounded_value() -> None:
    """增长0.00% for 100.01 → 100.00 is reachable (−0.004% rounds to 0.00%) and is not an error."""
    acc = _two_years("100.00", "100.01", Claim(kind="growth", subject="income.total", stated="0.00"))
    assert _keys(check(acc), ERROR) == set()


def test_a_change_printed_as_zero_is_a_rounded_value() -> None:
    """增加0.00万元 for 0.05 → 0.04 is reachable (0.045 → 0.04499…) and is not an error."""
    acc = _two_years("0.04", "0.05", Claim(kind="change", subject="income.total", stated="0.00"))
    assert _keys(check(acc), ERROR) == set()


def test_overall_score_accepts_the_weighted_mean(consistent: FinalAccount) -> None:
    """The overall score may be the mean of the tables' totals weighted by their executed amounts."""
    pairs = [(p.funds.total.executed, p.stated_total) for p in consistent.projects]
    assert all(e is not None and t is not None for e, t in pairs)
    weighted = sum((Fraction(e.amount) * Fraction(t) for e, t in pairs if e and t), Fraction(0)) / sum(
        (Fraction(e.amount) for e, _ in pairs if e), Fraction(0)
    )
    stated = synthetic.published(weighted)
    assert stated != consistent.claims[32].stated  # not the plain mean 94.50
    acc = attrs.evolve(consistent, claims=(*consistent.claims[:32], attrs.evolve(consistent.claims[32], stated=stated)))
    assert "claims[32]" not in {f.path for f in check(acc)}


# -- classification -----------------------------------------------------------------------------------------------


def test_ambiguous_name_with_a_fuller_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A specific 项 name shared by two codes is ambiguous; a generic one (行政运行) is placed by its parent 款."""
    csv = tmp_path / "functional.csv"
    csv.write_text(
        "code,name,level,valid_from,valid_to,note\n"
        "201,一般公共服务支出,类,,,\n20101,人大事务,款,,,\n2010101,行政运行,项,,,\n2010104,专项监督,项,,,\n"
        "208,社会保障和就业支出,类,,,\n20801,人力资源和社会保障管理事务,款,,,\n2080101,行政运行,项,,,\n"
        "2080104,专项监督,项,,,\n",
        encoding="utf-8",
    )
    table = load_table(csv, title="支出功能分类科目")
    monkeypatch.setattr("budgetkit.checks.rules.classification._table", lambda: table)
    generic = ExpenseCategory(level="项", name="行政运行", actual="5.00")
    specific = ExpenseCategory(level="项", name="专项监督", actual="0.00")
    section = ExpenseCategory(level="款", name="人力资源和社会保障管理事务", children=(generic, specific))
    social = ExpenseCategory(level="类", name="社会保障和就业支出", actual="5.00", children=(section,))
    acc = FinalAccount(
        unit="示例单位",
        year=2023,
        unit_type="公益一类事业单位",
        general_budget=GeneralBudget(total=Figure("5.00"), categories=(social,)),
    )
    rule = next(r for r in DEFAULT_RULES if r.code == "classification")
    assert _keys(check(acc, rules=[rule])) == {("classification.ambiguous_name", f"{_GB}[0].children[0].children[1]")}


def test_generic_item_lines_with_codes_under_20106_are_not_errors() -> None:
    """2010601 行政运行, 2010602 一般行政管理事务, 2010607 信息化建设 under 款 20106 give no classification finding."""
    items = tuple(
        ExpenseCategory(level="项", name=name, code=code, actual="1.00")
        for code, name in (("2010601", "行政运行"), ("2010602", "一般行政管理事务"), ("2010607", "信息化建设"))
    )
    section = ExpenseCategory(level="款", name="财政事务", code="20106", actual="3.00", children=items)
    general = ExpenseCategory(level="类", name="一般公共服务支出", code="201", actual="3.00", children=(section,))
    acc = FinalAccount(
        unit="示例单位",
        year=2024,
        unit_type="行政单位",
        general_budget=GeneralBudget(total=Figure("3.00"), categories=(general,)),
    )
    rule = next(r for r in DEFAULT_RULES if r.code == "classification")
    assert check(acc, rules=[rule]) == []


def test_generic_item_lines_under_a_section_the_table_lacks_are_info_only() -> None:
    """Generic 项 names under a 款 the shipped table lacks are info at most: no error, no warning, no guess."""
    items = tuple(ExpenseCategory(level="项", name=name, actual="1.00") for name in ("行政运行", "一般行政管理事务"))
    section = ExpenseCategory(level="款", name="税收事务", actual="2.00", children=items)
    general = ExpenseCategory(level="类", name="一般公共服务支出", actual="2.00", children=(section,))
    acc = FinalAccount(
        unit="示例单位",
        year=2024,
        unit_type="行政单位",
        general_budget=GeneralBudget(total=Figure("2.00"), categories=(general,)),
    )
    rule = next(r for r in DEFAULT_RULES if r.code == "classification")
    findings = check(acc, rules=[rule])
    assert findings and {f.severity for f in findings} == {INFO}
    assert {f.rule for f in findings} == {"classification.unknown_name", "classification.generic_name"}


def test_a_name_repeated_in_item_lines_is_reported_once() -> None:
    """An outdated 款 name printed in two 项 lines is one outdated_name finding, at its first line."""
    items = tuple(
        ExpenseCategory(level="项", name=name, printed=f"社会保障和就业支出（类）行政事业单位离退休（款）{name}（项）")
        for name in ("机关事业单位基本养老保险缴费支出", "机关事业单位职业年金缴费支出")
    )
    section = ExpenseCategory(level="款", name="行政事业单位离退休", children=items)
    social = ExpenseCategory(level="类", name="社会保障和就业支出", children=(section,))
    acc = FinalAccount(
        unit="示例单位", year=2023, unit_type="公益一类事业单位", general_budget=GeneralBudget(categories=(social,))
    )
    outdated = [f.path for f in check(acc) if f.rule == "classification.outdated_name"]
    assert outdated == [f"{_GB}[0].children[0]"]


# -- self-evaluation tables ---------------------------------------------------------------------------------------


def _reverse_project(stated: str) -> FinalAccount:
    """A table with one 反向 indicator (≤ 10 日, 13 achieved, weight 90) scored ``stated``."""
    indicator = PerformanceIndicator(
        level1="产出指标",
        level2="时效指标",
        level3="办结时限",
        operator="≤",
        target="10",
        unit="日",
        actual="13",
        weight=90,
        stated_score=stated,
        reason="受客观因素影响",
    )
    project = Project(
        code="51030023T000000000001",
        name="示例项目",
        kind="特定目标类",
        funds=FundGrid(lines=(FundLine(source="总额", initial="1.00", adjusted="1.00", executed="1.00"),)),
        execution_weight=10,
        execution_score=10,
        indicators=(indicator,),
    )
    return FinalAccount(unit="示例单位", year=2023, unit_type="公益一类事业单位", projects=(project,))


def test_scoring_option_reaches_the_rules() -> None:
    """A 反向 score of 69.23 is wrong under the default deduction (63) but right under the A/B·w template."""
    acc = _reverse_project("69.23")
    path = "projects[0].indicators[0].stated_score"
    assert ("indicator.score", path) in _keys(check(acc), ERROR)
    assert ("indicator.score", path) not in _keys(check(acc, scoring=ScoringRules.preset("inverse_template")))
    assert ("indicator.score", path) not in _keys(check(_reverse_project("63")))


# -- text -----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("比2022年增加/减少0万元，增长/下降0%", ["增加/减少", "增长/下降"]),
        ("与2022年决算数持平（或与2022年决算数持平）", ["（或与2022年决算数持平）"]),
        ("主要原因是……。", ["……"]),
        ("接待××单位", ["××"]),
        ("主要用于接待…（具体项目）", ["…", "（具体项目）"]),
        ("比2022年增加66.02万元，增长6.68%", []),
    ],
)
def test_placeholders(text: str, found: list[str]) -> None:
    """Template alternatives, ellipses, placeholders and fill-in notes are found; finished wording is not."""
    assert [match for match, _, _ in placeholders(text)] == found


def test_template_wording_in_project_text_and_glossary(consistent: FinalAccount) -> None:
    """Project conclusions and glossary definitions are checked for template wording too."""
    project = attrs.evolve(consistent.projects[0], conclusion="较好完成年度目标……")
    acc = attrs.evolve(
        consistent,
        projects=(project, *consistent.projects[1:]),
        glossary=(GlossaryEntry(term="机关运行经费", definition="指……"),),
    )
    paths = {f.path for f in check(acc) if f.rule == "text.template"}
    assert paths == {"projects[0].conclusion", "glossary[0]"}


# -- charts ---------------------------------------------------------------------------------------------------------


def test_chart_value_printed_with_fewer_places_is_accepted(consistent: FinalAccount) -> None:
    """A chart value 954.7 depicting 954.70 (the seed's chart 4) is not a mismatch."""
    fixture = _load("chart.value")
    chart = attrs.evolve(fixture.charts[0], values=("2646.9", "2692.7"))
    assert check(attrs.evolve(consistent, charts=(chart,)), min_severity=WARNING) == []


def test_chart_value_that_is_not_a_number(consistent: FinalAccount) -> None:
    """A chart value with a thousands separator is reported as not a number, without a crash."""
    chart = attrs.evolve(_load("chart.value").charts[0], values=("2,646.86", "2692.71"))
    assert _keys(check(attrs.evolve(consistent, charts=(chart,))), ERROR) == {("chart.value", "charts[0].values[0]")}


@pytest.mark.parametrize(
    ("rate", "found"),
    [("-8.65", []), ("-8.66", [("claim.growth", "-8.65")]), ("-8.64", [("rounding.truncated", "-8.65")])],
)
def test_a_growth_over_the_year_its_change_implies(rate: str, found: list[tuple[str, str]]) -> None:
    """机关运行经费支出 142.80 万元，比上年减少 13.52 万元，下降 p%, last year not printed: p is 13.52 / 156.32 =
    8.6489…%, and the printed figures allow 13.515/156.33 to 13.525/156.31, that is 8.6452% to 8.6527%, which
    rounds to 8.65 only (8.64 is that truncated). Before, the rule counted 142.80 twice (142.80 − (142.80 − 13.52)),
    which widened the interval to 8.639%–8.659% and let 8.66 pass (found by putting one wrong figure into the
    planning report)."""
    account = attrs.evolve(
        synthetic.generate(1),
        unit_type="行政单位",
        operating_costs=Figure("142.80"),
        claims=(
            Claim(kind="change", subject="operating_costs", stated=Decimal("-13.52"), text="13.52万元", section="十"),
            Claim(kind="growth", subject="operating_costs", stated=Decimal(rate), text=f"{rate[1:]}%", section="十"),
        ),
    )
    assert [(f.code, str(f.expected)) for f in check(account) if f.path.startswith("claims[")] == found
