"""Tests for budgetkit.checks.audit: check() runs the catalogue, returns every finding, and filters as asked.

The seed report's findings are pinned here: each error-level finding was
confirmed against the published text (``seeds/000_ad8dd908a3134475.txt``), so
a regression in either direction — a defect no longer found, or a new false
alarm — fails.
"""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import attrs
import pytest

from budgetkit import datasets, io
from budgetkit.checks.audit import DEFAULT_RULES, UnknownRuleError, catalogue, check, summary
from budgetkit.checks.batch import check_batch
from budgetkit.checks.context import Context, Rule, fmt
from budgetkit.checks.finding import Finding, Part, Severity
from budgetkit.model.account import FinalAccount
from budgetkit.values.interval import Interval
from budgetkit.values.money import Money

FIXTURES = Path(__file__).parent / "fixtures" / "audit"

#: The seed report's error-level findings (rule, path), each confirmed in the published text.
SEED_ERRORS = {
    # 公务用车购置及运行维护费 2.00 = 购置 0 + 运行维护 1.99 does not hold (section 七).
    ("identity.three_public_vehicle", "three_public.vehicle.current"),
    # "“人力资源服务运行经费”等6个项目" while seven self-evaluation tables follow (十（四）).
    ("claim.count", "claims[77]"),
    # 产业园二期工程建设 "年初预算为73.30万元"; its table prints 年初预算 40.88 (十（四）).
    ("claim.amount", "claims[102]"),
    # "全年完成302人，完成率1.01%": 302 / 300 is 100.67% (project 51030023T000008352755).
    ("claim.ratio", "claims[123]"),
    # "自评100分" in the conclusion of a table whose 合计 得分 is 98 (project 51030023T000008349584).
    ("claim.score", "claims[124]"),
    # 其他就业补助支出（项, 2080799) printed under 人力资源和社会保障管理事务（款, 20801); it is under 就业补助 (20807).
    ("classification.item_not_in_section", "general_budget.categories[4].children[0].children[2]"),
    # 事业单位离退休（项, 2080502) printed under 20801; it is under 行政事业单位离退休/养老支出 (20805).
    ("classification.item_not_in_section", "general_budget.categories[4].children[0].children[3]"),
    # 档案专项: 人力资源服务对象满意度 has a blank 完成值 yet scores 9 of 9.
    ("indicator.missing_actual", "projects[3].indicators[4].actual"),
    # 技能人才培养: the 合计 row gives weight 90; the weights 10 + 15×4 + 30 add up to 100.
    ("project.weight_total_row", "projects[4].stated_weight_total"),
    # 技能人才培养: 赛前培训完成率 80 of a target 90 (weight 15) scored 14; 80/90×15 = 13.33.
    ("indicator.score", "projects[4].indicators[2].stated_score"),
    # 公用经费: "年初预算为48.03万元 … 调整预算数为39.32万元（因调减公用经费预算7.83万元…）": 48.03 − 39.32 = 8.71 (十（四）).
    ("narrative.adjustment", "passages[37]"),
}


@pytest.fixture(scope="module")
def seed() -> FinalAccount:
    """The built-in transcription of the seed report."""
    return datasets.load("zigong-hr-2023")


@pytest.fixture(scope="module")
def seed_findings(seed: FinalAccount) -> list[Finding]:
    """Every finding on the seed report."""
    return check(seed)


@pytest.fixture(scope="module")
def consistent() -> FinalAccount:
    """The consistent synthetic account of the audit fixtures."""
    return io.load(FIXTURES / "consistent.toml")


def _keys(findings: list[Finding], severity: Severity | None = None) -> set[tuple[str, str]]:
    return {(f.rule, f.path) for f in findings if severity is None or f.severity is severity}


def _one(findings: list[Finding], rule: str, path: str) -> Finding:
    matches = [f for f in findings if (f.rule, f.path) == (rule, path)]
    assert len(matches) == 1, matches
    return matches[0]


# -- the seed report ----------------------------------------------------------------------------------------------


def test_seed_errors_are_exactly_the_confirmed_ones(seed_findings: list[Finding]) -> None:
    """The seed report has exactly the eleven confirmed error-level findings, no more and no fewer."""
    assert _keys(seed_findings, Severity.ERROR) == SEED_ERRORS
    assert sum(f.severity is Severity.ERROR for f in seed_findings) == len(SEED_ERRORS)


@pytest.mark.parametrize(
    ("rule", "path", "stated", "expected"),
    [
        ("identity.three_public_vehicle", "three_public.vehicle.current", "2.00", "1.99"),
        ("claim.count", "claims[77]", "6", "7"),
        ("claim.amount", "claims[102]", "73.30", "40.88"),
        ("claim.ratio", "claims[123]", "1.01", "100.67"),
        ("claim.score", "claims[124]", "100", "98"),
        ("project.weight_total_row", "projects[4].stated_weight_total", "90", "100"),
        ("indicator.score", "projects[4].indicators[2].stated_score", "14", "13.33"),
        ("indicator.missing_actual", "projects[3].indicators[4].actual", "9", "完成值"),
    ],
)
def test_seed_error_values(seed_findings: list[Finding], rule: str, path: str, stated: str, expected: str) -> None:
    """Each seed error carries the printed value and the value the data gives."""
    finding = _one(seed_findings, rule, path)
    assert (finding.stated_text, finding.expected_text) == (stated, expected)


def test_seed_vehicle_sum_is_2_00_against_1_99(seed_findings: list[Finding]) -> None:
    """公务用车购置及运行维护费 2.00 against 0 + 1.99 is an error of the "三公" part, both figures in the message."""
    finding = _one(seed_findings, "identity.three_public_vehicle", "three_public.vehicle.current")
    assert finding.part is Part.THREE_PUBLIC
    assert "2.00" in finding.message and "1.99" in finding.message


def test_seed_housing_share_was_nudged(seed_findings: list[Finding]) -> None:
    """住房保障支出 占2.63% rounds to 2.64%: a nudged share (warning), not a share error."""
    finding = _one(seed_findings, "rounding.nudged", "claims[29]")
    assert finding.severity is Severity.WARNING
    assert (finding.stated_text, finding.expected_text) == ("2.63", "2.64")
    assert [f for f in seed_findings if f.rule == "claim.share"] == []


def test_seed_template_wording(seed_findings: list[Finding]) -> None:
    """Unfilled template wording is reported in six passages of sections 七 and 十."""
    paths = {f.path for f in seed_findings if f.rule == "text.template"}
    assert paths == {f"passages[{i}]" for i in (21, 22, 24, 28, 31, 33)}
    assert "增加/减少" in _one(seed_findings, "text.template", "passages[31]").message


def test_seed_zero_base_rates(seed_findings: list[Finding]) -> None:
    """增长/下降0% over a base of 0 (两处) and 0.00% execution of 0.00 budgets (14 fund lines) are zero-base rates."""
    paths = {f.path for f in seed_findings if f.rule == "rate.zero_base"}
    lines = {f"projects[{k}].funds.lines[{j}].stated_rate" for k in range(7) for j in (2, 3)}
    assert paths == {"claims[49]", "claims[68]"} | lines
    assert all(f.severity is Severity.WARNING for f in seed_findings if f.rule == "rate.zero_base")


def test_seed_other_warnings(seed_findings: list[Finding]) -> None:
    """The seed's overall score, old category names, mixed editions and chart title are warnings."""
    warnings = _keys(seed_findings, Severity.WARNING)
    assert ("claim.overall_score", "claims[113]") in warnings
    assert ("classification.mixed_editions", "general_budget.categories") in warnings
    assert ("chart.title", "charts[4].data_title") in warnings
    assert ("project.code_missing", "projects[3].code") in warnings


# -- check(): all findings, rules, disable, min_severity -----------------------------------------------------------


def test_check_returns_the_findings_of_every_rule_in_order(seed: FinalAccount, seed_findings: list[Finding]) -> None:
    """check() is the concatenation of every rule's findings, in catalogue order."""
    assert seed_findings == [f for rule in DEFAULT_RULES for f in check(seed, rules=[rule])]


def test_check_reports_every_defect_at_once(consistent: FinalAccount) -> None:
    """Two independent defects give two findings: checking does not stop at the first."""
    claims = list(consistent.claims)
    claims[27] = attrs.evolve(claims[27], stated=5)
    procurement = attrs.evolve(consistent.procurement, works=attrs.evolve(consistent.procurement.works, current="1"))
    acc = attrs.evolve(consistent, claims=tuple(claims), procurement=procurement)
    assert _keys(check(acc), Severity.ERROR) == {
        ("claim.count", "claims[27]"),
        ("identity.procurement", "procurement.total"),
    }


def test_consistent_account_has_no_errors_or_warnings(consistent: FinalAccount) -> None:
    """The consistent fixture gives an empty list at warning level; its infos are rounding residues and whole points."""
    assert check(consistent, min_severity=Severity.WARNING) == []
    assert {f.rule for f in check(consistent)} == {"rounding.residue", "selfeval.whole_points"}


def test_disable_a_rule_by_its_code(seed: FinalAccount, seed_findings: list[Finding]) -> None:
    """disable=("identity",) skips the identity rule: the result is the other rules' findings."""
    others = [rule for rule in DEFAULT_RULES if rule.code != "identity"]
    assert check(seed, disable=("identity",)) == check(seed, rules=others)
    assert ("identity.three_public_vehicle", "three_public.vehicle.current") in _keys(seed_findings)
    assert not any(f.rule.startswith("identity.") for f in check(seed, disable=("identity",)))


def test_disable_a_finding_code(seed: FinalAccount, seed_findings: list[Finding]) -> None:
    """disable=("claim.count",) drops exactly the claim.count findings."""
    assert check(seed, disable=("claim.count",)) == [f for f in seed_findings if f.rule != "claim.count"]


@pytest.mark.parametrize("prefix", ["text", "rounding", "classification", "indicator", "rate"])
def test_disable_by_prefix(seed: FinalAccount, seed_findings: list[Finding], prefix: str) -> None:
    """A prefix disables every finding code under it ("rounding" drops rounding.nudged), and only those."""
    kept = check(seed, disable=(prefix,))
    assert any(f.rule.startswith(prefix + ".") for f in seed_findings)
    assert kept == [f for f in seed_findings if not f.rule.startswith(prefix + ".")]


def test_disable_by_rule_code_also_drops_its_codes_from_other_rules(seed: FinalAccount) -> None:
    """disable=("claim",) skips the claim rule and drops claim.* findings of the funds rule; zero bases remain."""
    findings = check(seed, disable=("claim",))
    assert not any(f.rule.startswith("claim.") or f.path.startswith("claims[") for f in findings)
    assert any(f.rule == "rate.zero_base" and f.path.startswith("projects[") for f in findings)


@pytest.mark.parametrize("prefix", ["clai", "claim.c", "identity.three", "text.templat"])
def test_disable_refuses_what_is_not_a_whole_code_or_segment(seed: FinalAccount, prefix: str) -> None:
    """A code that is not a whole code or dotted segment is refused, so a typo never silently disables nothing."""
    with pytest.raises(UnknownRuleError, match="known prefixes"):
        check(seed, disable=(prefix,))


def test_min_severity(seed_findings: list[Finding], seed: FinalAccount) -> None:
    """min_severity keeps findings at or above the level, in the same order."""
    assert check(seed, min_severity=Severity.WARNING) == [f for f in seed_findings if f.severity is not Severity.INFO]
    assert check(seed, min_severity=Severity.ERROR) == [f for f in seed_findings if f.severity is Severity.ERROR]
    assert check(seed, min_severity=Severity.INFO) == seed_findings
    assert {f.severity for f in seed_findings} == set(Severity)


def test_custom_rule_subset(seed: FinalAccount) -> None:
    """rules= runs only the given rules, from any iterable."""
    text_rules = (rule for rule in DEFAULT_RULES if rule.code == "text")
    findings = check(seed, rules=text_rules)
    assert findings and {f.rule for f in findings} == {"text.template"}
    assert check(seed, rules=()) == []


def test_a_custom_rule_is_run(consistent: FinalAccount) -> None:
    """A user's own Rule runs beside the catalogue and its findings are filtered like any other."""

    def unit_named(ctx: Context) -> list[Finding]:
        return [
            ctx.finding(
                "custom.unit", "unit", "单位名称", "unit name", stated=ctx.account.unit, severity=Severity.WARNING
            )
        ]

    rule = Rule(code="custom", title="单位名称", title_en="Unit name", func=unit_named, codes=("custom.unit",))
    findings = check(consistent, rules=(*DEFAULT_RULES, rule), min_severity=Severity.WARNING)
    assert [(f.rule, f.path, f.stated_text) for f in findings] == [("custom.unit", "unit", "示例单位87")]
    assert check(consistent, rules=(rule,), disable=("custom",)) == []


# -- summary, findings, catalogue ---------------------------------------------------------------------------------


def test_summary_counts_by_severity(seed_findings: list[Finding]) -> None:
    """summary() counts each severity and the total."""
    counts = summary(seed_findings)
    assert counts["error"] == len(SEED_ERRORS)
    assert counts["info"] + counts["warning"] + counts["error"] == counts["total"] == len(seed_findings)
    assert summary([]) == {"info": 0, "warning": 0, "error": 0, "total": 0}


def test_finding_as_dict(seed_findings: list[Finding]) -> None:
    """as_dict() gives plain JSON-ready data with the stable keys, and the typed values beside them."""
    data = _one(seed_findings, "claim.ratio", "claims[123]").as_dict()
    assert list(data)[:8] == ["rule", "severity", "path", "part", "message", "message_en", "stated", "expected"]
    assert (data["severity"], data["part"], data["stated"]) == ("error", "项目支出绩效自评表", "1.01")
    assert data["stated_value"] == {"kind": "number", "value": "1.01"}
    assert data["expected_value"] == {"kind": "number", "value": "100.67"}
    assert json.loads(json.dumps([f.as_dict() for f in seed_findings], ensure_ascii=False))[0]["rule"]


def test_severity_order() -> None:
    """info < warning < error, with Chinese labels."""
    assert Severity.INFO < Severity.WARNING < Severity.ERROR
    assert Severity.ERROR >= Severity.WARNING and not Severity.INFO > Severity.WARNING
    assert [s.label for s in Severity] == ["提示", "警告", "错误"]


def test_catalogue_is_immutable() -> None:
    """The catalogue is a tuple of frozen rules, each with a code, titles, a source and its finding codes."""
    assert isinstance(DEFAULT_RULES, tuple) and catalogue() is DEFAULT_RULES
    codes = [rule.code for rule in DEFAULT_RULES]
    assert len(set(codes)) == len(codes)
    for rule in DEFAULT_RULES:
        assert rule.code and rule.title and rule.title_en and rule.source, rule.code
        assert isinstance(rule.codes, tuple) and rule.codes, rule.code
        assert len(set(rule.codes)) == len(rule.codes), rule.code
        assert all(code.count(".") == 1 for code in rule.codes), rule.code
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        DEFAULT_RULES[0].code = "changed"  # type: ignore[misc]


def test_check_leaves_the_account_untouched(consistent: FinalAccount) -> None:
    """Checking is pure: the account is unchanged and a second check gives the same findings."""
    before = io.dumps(consistent)
    first = check(consistent)
    assert io.dumps(consistent) == before
    assert check(consistent) == first


# -- context helpers ----------------------------------------------------------------------------------------------


def test_context_published_intervals(consistent: FinalAccount) -> None:
    """Counts are exact, printed amounts stand for their rounding interval, a printed 0 is exact by default."""
    ctx = Context(consistent)
    assert ctx.published(3) == Interval.exact(3)
    assert ctx.published(Money("2.00")) == Interval(Fraction(1995, 1000), Fraction(2005, 1000), False, True)
    assert ctx.published(Money("0.00")) == Interval.exact(0)
    assert Context(consistent, zero_is_exact=False).published(Money("0.00")).hi == Fraction(5, 1000)


@pytest.mark.parametrize(
    ("value", "places", "shown"),
    [
        (Fraction(2635, 1000), 2, "2.64"),
        (Fraction(-2635, 1000), 2, "-2.64"),
        (Fraction(1, 8) * 100, 1, "12.5"),
        (Fraction(2, 3) * 100, 2, "66.67"),
        (Money("1.50"), 2, "1.50"),
        (None, 2, None),
    ],
)
def test_fmt(value: Fraction | Money | None, places: int, shown: str | None) -> None:
    """fmt rounds fractions half-up (away from zero) and shows money as its amount."""
    assert fmt(value, places) == shown


def test_a_full_classification_table_can_replace_the_shipped_one(seed: FinalAccount, tmp_path: Path) -> None:
    """check(classification=table) resolves names against the given table: a table without 208 makes its names unknown."""
    from budgetkit.reference.classification import load_table

    path = tmp_path / "table.csv"
    path.write_text("code,name,level,valid_from,valid_to,note\n221,住房保障支出,类,,,\n", encoding="utf-8")
    findings = check(seed, classification=load_table(path))
    unknown = {f.stated_text for f in findings if f.rule == "classification.unknown_name"}
    assert "社会保障和就业支出" in unknown and "住房保障支出" not in unknown


def test_a_table_s_notes_are_published_text() -> None:
    """The social-work sample prints, under its empty 表八 and 表九, the template's instruction to the filler
    (无…的，仍保留该表格式，并在本表下方作下述说明：) above their 说明 (its defect 5); an empty table's 说明 with a
    placeholder left in (上海市XX局) is template wording too, and the batch finds what check finds."""
    social = datasets.load("putuo-social-work-2024")
    found = [f for f in check(social) if f.rule == "text.template"]
    assert [(f.path, f.stated) for f in found] == [
        ("tables.tables[7].notes", "仍保留该表格式, 在本表下方作下述说明"),
        ("tables.tables[8].notes", "仍保留该表格式, 在本表下方作下述说明"),
    ]
    assert found[0].message.startswith("表八：公开文本中留有未填写的模板文字“仍保留该表格式”（模板中的填表说明）")
    tables = list(social.tables.tables)
    tables[7] = attrs.evolve(
        tables[7],
        notes=tables[7].notes[:1],
        empty_note=tables[7].empty_note.replace("中共上海市普陀区委社会工作部", "XX"),
    )
    changed = attrs.evolve(social, tables=attrs.evolve(social.tables, tables=tuple(tables)))
    found = [(f.path, f.stated) for f in check(changed) if f.rule == "text.template"]
    assert found == [
        ("tables.tables[7].empty_note", "XX"),
        ("tables.tables[8].notes", "仍保留该表格式, 在本表下方作下述说明"),
    ]
    assert check_batch([social, changed]) == [check(social), check(changed)]
    # a note printed over two lines is read as one text: its bracket closes on the next line
    wrapped = ("注：本表反映部门本年度政府性基金预算财政拨款收支情况（不含", "上年结转）。")
    tables[7] = attrs.evolve(tables[7], notes=wrapped)
    two_lines = attrs.evolve(social, tables=attrs.evolve(social.tables, tables=tuple(tables)))
    assert [f.path for f in check(two_lines) if f.rule == "text.unclosed_bracket"] == []


def test_a_rate_without_its_percent_sign_and_a_bracket_left_open() -> None:
    """The planning sample: 五（一） prints "增长 13.95。" (no %), 十 opens "（其中，" and never closes it (its defect 8):
    two warnings, placed on their passages; the batch finds what check finds."""
    planning = datasets.load("putuo-planning-2024")
    found = [(f.rule, f.path, f.stated, f.expected) for f in check(planning)
             if f.rule in ("narrative.percent_sign", "text.unclosed_bracket")]  # fmt: skip
    assert found == [
        ("text.unclosed_bracket", "passages[32]", "（其中，绩效评级为“优”的项目39个", None),
        ("narrative.percent_sign", "passages[7]", "增长 13.95", "增长 13.95%"),
    ]
    mended = [
        attrs.evolve(p, text=p.text.replace("增长 13.95。", "增长 13.95%。").replace("绩效自评中共发现问题0个。", "绩效自评中共发现问题0个）。"))
        for p in planning.passages
    ]
    fixed = attrs.evolve(planning, passages=tuple(mended))
    assert [f for f in check(fixed) if f.rule in ("narrative.percent_sign", "text.unclosed_bracket")] == []
    assert check_batch([planning, fixed]) == [check(planning), check(fixed)]


def test_what_small_enterprises_won_is_part_of_the_procurement() -> None:
    """The social-work sample: 中小企业 won 21.07 in the reserved projects and another 21.07 in the others, 42.14 in
    all, of a 政府采购金额 of 21.07 (its defect 6): an error. 21.07 + 0.00 (the planning sample's 225.10 + 0.00 of
    2319.21) is none, nor is a sum the rounding of its figures may bring down to the whole."""
    social = datasets.load("putuo-social-work-2024")
    [found] = [f for f in check(social) if f.rule == "narrative.sme_awarded"]
    assert (found.path, found.severity, found.stated, found.expected) == ("passages[26]", Severity.ERROR, Decimal("42.14"), "≤ 21.07")
    at = 26
    for other, flagged in (("0", False), ("0.01", False), ("0.02", True)):  # 21.07 + 0.01 may be 21.065 + 0.005
        text = social.passages[at].text.replace("采购金额21.07 万元。", f"采购金额{other} 万元。")
        passages = (*social.passages[:at], attrs.evolve(social.passages[at], text=text), *social.passages[at + 1 :])
        changed = attrs.evolve(social, passages=passages)
        assert any(f.rule == "narrative.sme_awarded" for f in check(changed)) is flagged, other
        assert check_batch([changed]) == [check(changed)]


def test_the_unit_named_with_one_character_changed() -> None:
    """The planning sample names itself 上海市普陀区规划与自然资源局 in 七（二） to 九 (its defect 9): one warning, where
    the spelling is first printed; the batch finds what check finds."""
    planning = datasets.load("putuo-planning-2024")
    found = [(f.path, f.stated, f.expected) for f in check(planning) if f.rule == "narrative.unit_name"]
    assert found == [("passages[28]", "上海市普陀区规划与自然资源局", "上海市普陀区规划和自然资源局")]
    assert check_batch([planning]) == [check(planning)]


def test_a_use_copied_from_the_line_above() -> None:
    """The social-work sample's 住房公积金 "主要用于：事业单位医疗保险支出" is the use of 事业单位医疗 (its defect 3): a
    warning on the copied line only. Two 行政运行 lines with one use, or a use that names its own line, are none."""
    social = datasets.load("putuo-social-work-2024")
    found = [(f.path, f.message) for f in check(social) if f.rule == "narrative.use_copied"]
    assert found == [(
        "general_budget.categories[3].children[0].children[0].use",
        "住房公积金（2210201）的用途“事业单位医疗保险支出”与事业单位医疗（2101102）的用途相同，说的是后者而非本科目",
    )]  # fmt: skip
    housing, *rest = reversed(social.general_budget.categories)
    [section] = housing.children
    mended = attrs.evolve(section.children[0], use="行政单位、事业单位住房公积金支出")
    fixed_housing = attrs.evolve(housing, children=(attrs.evolve(section, children=(mended, *section.children[1:])),))
    fixed = attrs.evolve(social, general_budget=attrs.evolve(social.general_budget, categories=(*reversed(rest), fixed_housing)))
    assert [f for f in check(fixed) if f.rule == "narrative.use_copied"] == []
    assert check_batch([social, fixed]) == [check(social), check(fixed)]


def test_shared_uses_that_are_no_copy() -> None:
    """Two 行政运行 lines (of two 款) printing one use, and 一般行政管理事务 printing 行政运行's generic use, are no copy:
    the first pair share their name, and the use names neither line beyond generic words (单位, 支出, 行政)."""
    from budgetkit.model.account import Passage
    from budgetkit.model.category import ExpenseCategory

    def item(name: str, code: str) -> ExpenseCategory:
        return ExpenseCategory(level="项", name=name, code=code, actual="1.00", use="行政单位人员支出、公用支出")

    first = ExpenseCategory(level="款", name="人大事务", code="20101", actual="2.00",
                            children=(item("行政运行", "2010101"), item("一般行政管理事务", "2010102")))  # fmt: skip
    second = ExpenseCategory(level="款", name="政协事务", code="20102", actual="1.00", children=(item("行政运行", "2010201"),))
    general = ExpenseCategory(level="类", name="一般公共服务支出", code="201", actual="3.00", children=(first, second))
    seed = datasets.load("zigong-hr-2023")
    account = attrs.evolve(
        seed,
        general_budget=attrs.evolve(seed.general_budget, categories=(general,)),
        passages=(Passage(section="五（三）", text="（三）一般公共预算财政拨款支出决算具体情况"),),
    )
    assert [f for f in check(account) if f.rule == "narrative.use_copied"] == []


def test_a_coverage_made_of_plain_lines_gives_its_dict_and_combines() -> None:
    """A Coverage made with plain strings, as before 0.2 (skipped was tuple[str]): as_dict and combine raised
    AttributeError ('str' has no zh); each line is its own Chinese line."""
    from budgetkit.checks.audit import Coverage, Unchecked

    plain = Coverage({"identity": 1}, ("x skipped",))
    assert plain.as_dict()["skipped_zh"] == ["x skipped"]
    assert Coverage.combine([("a.toml", plain)]).skipped == (Unchecked("a.toml: x skipped", "a.toml：x skipped"),)
    assert isinstance(plain.skipped[0], Unchecked) and plain.skipped[0].zh == "x skipped"
