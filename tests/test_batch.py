"""Tests for budgetkit.checks.batch: checking many accounts at once gives exactly what checking each gives.

The equality ``check_batch(accounts) == [check(a) for a in accounts]`` is tested on the
seed report, on every audit fixture (one per finding code), on hundreds of synthetic
accounts with injected defects, and, with Hypothesis, on accounts whose printed figures
are drawn to sit on and around rounding boundaries (mixed places, zeros, negatives),
which is where the vectorised screens could go wrong. Then: amounts finer than 1 分 are
refused, Arrow and Parquet round trips keep every finding, and money columns sum exactly.
"""

from __future__ import annotations

import decimal
import json
import random
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import pytest
from hypothesis import given, reject, settings
from hypothesis import strategies as st

from budgetkit import datasets, io
from budgetkit.checks.audit import UnknownRuleError, check
from budgetkit.checks.batch import Batch, BatchError, MoneyColumn, check_batch, read_parquet, write_parquet
from budgetkit.checks.finding import Finding, Severity
from budgetkit.checks.scoring import VARIANTS, ScoringRules, score_indicator
from budgetkit.datasets.synthetic import DEFECTS, generate
from budgetkit.errors import LoadError, ModelError
from budgetkit.model.account import (
    Chart,
    ExpenseSide,
    Figure,
    FinalAccount,
    Income,
    Procurement,
    ReceptionEvent,
    ThreePublic,
)
from budgetkit.model.category import ExpenseCategory
from budgetkit.model.claim import ChangeExplanation, Claim, Contribution
from budgetkit.model.indicator import PerformanceIndicator
from budgetkit.model.project import FundGrid, FundLine, Project
from budgetkit.reference.classification import load_table
from budgetkit.values.money import Money

FIXTURES = Path(__file__).parent / "fixtures" / "audit"
CLASSIFICATION = Path(__file__).parent / "fixtures" / "classification" / "good_table.csv"
SEEDS = st.integers(min_value=0, max_value=10**6)


@pytest.fixture(autouse=True, scope="module")
def _trap_floats_in_module_fixtures() -> Iterator[None]:
    """Module-scoped fixtures below run before the per-test float trap of conftest.py: trap them too."""
    with decimal.localcontext() as context:
        context.traps[decimal.FloatOperation] = True
        yield


def _assert_same(accounts: list[FinalAccount], found: list[list[Finding]]) -> None:
    assert len(found) == len(accounts)
    for k, account in enumerate(accounts):
        assert found[k] == check(account), f"account {k} ({account.unit})"


@pytest.fixture(scope="module")
def seed_report() -> FinalAccount:
    """The real report the project starts from."""
    return datasets.load("zigong-hr-2023")


@pytest.fixture(scope="module")
def defective() -> list[FinalAccount]:
    """320 synthetic accounts, about a third with one to three random defects."""
    rng = random.Random(20240601)
    kinds = sorted(DEFECTS)
    accounts = []
    for seed in range(320):
        defects = tuple(rng.sample(kinds, rng.randrange(1, 4))) if rng.random() < 0.35 else ()
        accounts.append(generate(seed, defects=defects))
    return accounts


# -- equality with the per-account check ----------------------------------------------------------------------------


def test_the_seed_report_checks_the_same(seed_report: FinalAccount) -> None:
    """The seed report's findings from the batch are exactly check()'s, in the same order."""
    found = check_batch([seed_report])
    assert found == [check(seed_report)]
    assert len(found[0]) > 50  # the seed has findings of most rules, so this compares something


def test_every_audit_fixture_checks_the_same(seed_report: FinalAccount) -> None:
    """One batch of every audit fixture (one per finding code) and the seed gives each account's own findings."""
    accounts = [io.load(path) for path in sorted(FIXTURES.glob("*.toml"))] + [seed_report]
    assert len(accounts) > 70
    _assert_same(accounts, check_batch(accounts))


def test_hundreds_of_synthetic_accounts_with_defects_check_the_same(defective: list[FinalAccount]) -> None:
    """320 synthetic accounts, a third of them with random defects, give each account's own findings."""
    found = check_batch(defective)
    _assert_same(defective, found)
    assert sum(1 for f in found if any(x.severity.value != "info" for x in f)) > 80


def test_a_batch_checks_the_same_from_a_generator_and_in_slices(defective: list[FinalAccount]) -> None:
    """check_batch takes any iterable, and a slice of a batch checks like the accounts it holds."""
    batch = Batch.from_accounts(defective[:40])
    whole = check_batch(batch)
    assert check_batch(a for a in defective[:40]) == whole
    assert check_batch(batch[10:25]) == whole[10:25]
    assert check_batch(batch[5:5]) == []


OPTIONS = [
    {"disable": ("claim",)},
    {"disable": ("rounding", "text.template", "funds")},
    {"disable": ("identity",), "min_severity": Severity.WARNING},
    {"min_severity": Severity.ERROR},
    {"scoring": ScoringRules.preset("hubei")},
    {"scoring": ScoringRules(reverse="inverse", execution="jiangxi_bands")},
    {"zero_is_exact": False},
    {"classification": load_table(CLASSIFICATION)},
]


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: ",".join(o))
def test_every_option_of_check_gives_the_same_findings(
    options: dict[str, Any], defective: list[FinalAccount], seed_report: FinalAccount
) -> None:
    """check_batch takes every option check() takes, with the same meaning, on the fixtures and synthetic accounts."""
    accounts = [seed_report, *(io.load(path) for path in sorted(FIXTURES.glob("*.toml"))), *defective[:120]]
    found = check_batch(accounts, **options)
    assert found == [check(a, **options) for a in accounts]
    assert found != check_batch(accounts)  # each option changes something here, so the comparison means something


def test_an_unknown_disabled_code_is_refused_like_check() -> None:
    """A typo in ``disable`` raises UnknownRuleError, as check() does, instead of disabling nothing."""
    with pytest.raises(UnknownRuleError, match="'txt'"):
        check_batch([generate(1)], disable=("txt",))


@settings(max_examples=20, deadline=None)
@given(seeds=st.lists(SEEDS, min_size=1, max_size=4), kinds=st.lists(st.sampled_from(sorted(DEFECTS)), max_size=3))
def test_any_synthetic_accounts_with_any_defects_check_the_same(seeds: list[int], kinds: list[str]) -> None:
    """Whatever the seeds and defects, the batch gives each account's own findings."""
    try:
        accounts = [generate(seed, defects=tuple(kinds) if k % 2 == 0 else ()) for k, seed in enumerate(seeds)]
    except ModelError:  # defects the generator cannot put into that account (one kind twice, say): no case
        reject()
    _assert_same(accounts, check_batch(accounts))


# -- adversarial printed figures ------------------------------------------------------------------------------------


def _number(rng: random.Random, *, small: bool = False) -> Decimal:
    """A printed figure with 0 to 6 places, often 0, sometimes negative, of very different sizes."""
    places = rng.choice((0, 1, 2, 2, 2, 4, 6))
    size = rng.choice((0, 1, 2, 5, 10)) if small else rng.choice((0, 1, 5, 50, 999, 10**4, 10**7))
    value = Decimal(rng.randrange(0, size * 10**places + 1)).scaleb(-places) if size else Decimal(0)
    return -value if rng.random() < 0.15 else value


def _near(rng: random.Random, value: Fraction | None) -> Decimal:
    """A stated figure at, or one or two units of its last place beside, the rounding of ``value``."""
    unit = Decimal(1).scaleb(-rng.choice((0, 1, 2, 2, 3)))
    if value is None:
        return _number(rng)
    rounded = (Decimal(value.numerator) / Decimal(value.denominator)).quantize(unit, rounding=decimal.ROUND_HALF_UP)
    return rounded + unit * rng.choice((-2, -1, 0, 0, 0, 1, 2))


def _exact(amount: Money | None) -> Fraction | None:
    return None if amount is None else Fraction(amount.amount)


def _ratio(num: Money | None, den: Money | None) -> Fraction | None:
    n, d = _exact(num), _exact(den)
    return None if n is None or not d else n / d * 100


def _boundary_account(rng: random.Random) -> FinalAccount:
    """An account of random printed figures with identities and claims stated at or beside their rounding."""

    def figure() -> Figure:
        return Figure(
            _number(rng), _number(rng) if rng.random() < 0.8 else None, _number(rng) if rng.random() < 0.5 else None
        )

    income = Income(
        general_budget=figure(),
        business=figure(),
        other=figure(),
        year_total=figure(),
        opening_balance=figure(),
        total=figure(),
    )
    names = ("general_budget", "business", "other", "year_total", "opening_balance", "total")
    claims = []
    for _ in range(rng.randrange(1, 8)):
        a, b = rng.choice(names), rng.choice(names)
        fa, fb = getattr(income, a), getattr(income, b)
        kind = rng.choice(("share", "growth", "change", "completion", "amount", "ratio", "count"))
        if kind == "share":
            claims.append(
                Claim(
                    kind="share",
                    subject=f"income.{a}",
                    base=f"income.{b}",
                    stated=_near(rng, _ratio(fa.current, fb.current)),
                )
            )
        elif kind == "growth":
            previous = _exact(fa.previous)
            growth = (
                None
                if not previous or fa.current is None
                else (Fraction(fa.current.amount) - previous) / abs(previous) * 100
            )
            claims.append(Claim(kind="growth", subject=f"income.{a}", stated=_near(rng, growth)))
        elif kind == "change":
            change = None if fa.previous is None or fa.current is None else Fraction((fa.current - fa.previous).amount)
            claims.append(Claim(kind="change", subject=f"income.{a}", stated=_near(rng, change)))
        elif kind == "completion":
            claims.append(
                Claim(kind="completion", subject=f"income.{a}", stated=_near(rng, _ratio(fa.current, fa.budget)))
            )
        elif kind == "amount":
            claims.append(Claim(kind="amount", subject=f"income.{a}.current", stated=_near(rng, _exact(fa.current))))
        elif kind == "ratio":
            x, y = _number(rng, small=True), _number(rng, small=True)
            xs, ys = (str(int(v)) if rng.random() < 0.5 else str(v) for v in (x, y))
            value = Fraction(Decimal(xs)) / Fraction(Decimal(ys)) * 100 if Decimal(ys) else None
            claims.append(Claim(kind="ratio", subject=xs, base=ys, stated=_near(rng, value)))
        else:
            claims.append(Claim(kind="count", subject="claims", stated=rng.randrange(0, 9)))
    lines = []
    for source in ("总额", "财政资金"):  # fund-line amounts and rates are never negative
        executed, adjusted = abs(_number(rng)), abs(_number(rng))
        rate = Fraction(executed) / Fraction(adjusted) * 100 if adjusted else None
        lines.append(
            FundLine(
                source=source,
                initial=abs(_number(rng)),
                adjusted=adjusted,
                executed=executed,
                stated_rate=abs(_near(rng, rate)),
            )
        )
    project = Project(code="P1", name="p", kind="特定目标类", evaluated=False, funds=FundGrid(lines=tuple(lines)))
    claims.append(Claim(kind="completion", subject="projects[P1]", stated=_near(rng, None)))
    chart_values, chart_subjects = [], []
    for name in rng.sample(names, 3):
        fig = getattr(income, name)
        raw = rng.choice(
            (str(_near(rng, _exact(fig.current))), f"{_near(rng, _exact(fig.current))}0000000001", "12.3.4", "", "1E+2")
        )
        chart_values.append(raw)
        chart_subjects.append(rng.choice((f"income.{name}.current", f"income.{name}.previous", "income.grant")))
    chart = Chart(
        number=1,
        title="收入决算结构",
        data_title=rng.choice(("", "收入决算结构情况", "支出决算结构")),
        labels=tuple("abc"[: rng.choice((0, 2, 3))]),
        values=tuple(chart_values),
        subjects=tuple(chart_subjects),
    )
    change = _number(rng)
    explanation = ChangeExplanation(
        subject="income.total",
        change=change,
        contributions=(Contribution(label="a", amount=_number(rng)), Contribution(label="b", amount=change)),
    )
    return FinalAccount(
        unit="边界",
        year=2023,
        unit_type="行政单位",
        income=income,
        expenditure=ExpenseSide(total=figure(), year_total=figure(), closing_balance=figure()),
        three_public=ThreePublic(total=figure(), outbound=figure(), vehicle=figure(), reception=figure()),
        procurement=Procurement(
            total=figure(), goods=figure(), works=figure(), services=figure(), sme=figure(), small_micro=figure()
        ),
        projects=(project,),
        claims=tuple(claims),
        explanations=(explanation,),
        charts=(chart,) if rng.random() < 0.6 else (),
    )


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32))
def test_figures_on_rounding_boundaries_check_the_same(seed: int) -> None:
    """Identities, claims and chart values on and beside rounding boundaries give each account's own findings."""
    rng = random.Random(seed)
    accounts = [_boundary_account(rng) for _ in range(8)]
    _assert_same(accounts, check_batch(accounts))


def _table_row(rng: random.Random, level1: str, weight: Decimal) -> PerformanceIndicator:
    """An indicator met, short, on its target or just past 130% of it, scored at or one unit beside the rule."""
    operator = rng.choice(("≥", "≥", "≥", ">", "=", "≤", "<", "定性"))
    jitter = rng.random() < 0.15
    if operator == "定性":
        actual = rng.choice(
            ("好", "好", "较好", "一般", "差", None, "达成年度指标", "部分达成年度指标并具有一定效果", "未达成年度指标", "中", "良")
        )
        stated = weight if not jitter else weight - rng.choice((1, Decimal("0.5"), 5, 9))
        return PerformanceIndicator(
            level1=level1,
            level2="l2",
            level3="q",
            operator=operator,
            target=rng.choice(("好", "好", "优")),
            actual=actual,
            weight=weight,
            stated_score=stated,
        )
    places = rng.choice((0, 0, 1, 2))
    unit = Decimal(1).scaleb(-places)
    target = Decimal(rng.randrange(10**places, 300 * 10**places + 1)).scaleb(-places)
    shape = rng.choice(("met", "short", "edge", "over"))
    if shape == "met":
        actual = target + unit * rng.randrange(0, int(target / unit / 5) + 1)
    elif shape == "short":
        actual = Decimal(rng.randrange(0, int(target * 100))).scaleb(-2)
    elif shape == "edge":
        actual = target
    else:
        actual = (target * Decimal("1.3")).quantize(unit) + unit * rng.choice((-1, 0, 1))
    row = PerformanceIndicator(
        level1=level1, level2="l2", level3="x", operator=operator, target=str(target), actual=str(actual), weight=weight
    )
    exact = score_indicator(row).exact
    score_unit = Decimal(1).scaleb(-rng.choice((0, 0, 1, 2)))
    stated = (
        weight
        if exact is None
        else (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(
            score_unit, rounding=decimal.ROUND_HALF_UP
        )
    )
    if jitter:
        stated = max(stated + score_unit * rng.choice((-1, 1)), Decimal(0))
    reason = "" if jitter or (shape in ("met", "edge") and rng.random() < 0.5) else "受客观因素影响"
    return attrs.evolve(row, stated_score=min(stated, weight), reason=reason)


def _table_account(rng: random.Random) -> FinalAccount:
    """An account of two mostly consistent self-evaluation tables with boundary rows and execution rates."""
    projects = []
    for i in range(2):
        plan = (("产出指标", 20), ("产出指标", 15), ("产出指标", 15), ("效益指标", 30), ("满意度指标", 10))
        rows = tuple(_table_row(rng, level1, Decimal(w)) for level1, w in plan)
        adjusted = Decimal(rng.randrange(100, 100_000)).scaleb(-2)
        share = Decimal(rng.choice(("1", "1", "0.95", "0.9", "0.899", "0.5", "0.999")))
        executed = (adjusted * share).quantize(Decimal("0.01"))
        rate = min(Fraction(executed) / Fraction(adjusted), 1) * 10
        score = (Decimal(rate.numerator) / Decimal(rate.denominator)).quantize(
            Decimal(1).scaleb(-rng.choice((2, 2, 0))), rounding=decimal.ROUND_HALF_UP
        ) + (Decimal("0.01") if rng.random() < 0.05 else 0)
        total = score + sum(((r.stated_score or Decimal(0)) for r in rows), Decimal(0))
        projects.append(
            Project(
                code=f"C{i}",
                name=f"项目{i}",
                kind="特定目标类",
                execution_weight=10,
                execution_score=score,
                execution_reason=rng.choice(("", "年中调整", "年中调整")),
                indicators=rows,
                stated_weight_total=100,
                stated_total=total,
                printed_grade=rng.choice(("", "", "优", "良", "优秀", "合格", "差", "甲等")),
                funds=FundGrid(
                    lines=(
                        FundLine(
                            source="总额",
                            initial=rng.choice((adjusted, adjusted + 1)),
                            adjusted=adjusted,
                            executed=executed,
                        ),
                    )
                ),
            )
        )
    return FinalAccount(unit="自评表", year=2023, unit_type="行政单位", projects=tuple(projects))


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32))
def test_self_evaluation_tables_on_boundaries_check_the_same(seed: int) -> None:
    """Scores at and beside the rule's rounding, rates near 90% and 130%, reasons or none: the same findings."""
    rng = random.Random(seed)
    accounts = [_table_account(rng) for _ in range(6)]
    _assert_same(accounts, check_batch(accounts))


VARIANTS_TO_SCREEN = [
    *VARIANTS.values(),
    ScoringRules(score_places=2),
    ScoringRules(score_places=0, reverse="inverse", overshoot_threshold="1.1"),
]


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32), rules=st.sampled_from(VARIANTS_TO_SCREEN))
def test_self_evaluation_tables_under_every_scoring_variant_check_the_same(seed: int, rules: ScoringRules) -> None:
    """The table forms are screened under any scoring variant, not only the default: the same findings."""
    rng = random.Random(seed)
    accounts = [_table_account(rng) for _ in range(4)]
    assert check_batch(accounts, scoring=rules) == [check(a, scoring=rules) for a in accounts]


@pytest.mark.parametrize(
    "rules",
    [ScoringRules.preset("default"), ScoringRules.preset("inverse_template"), ScoringRules(overshoot_threshold="1.5")],
    ids=["default", "inverse_template", "overshoot 150%"],
)
def test_tables_are_screened_under_a_variant_not_judged_one_by_one(
    rules: ScoringRules, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under a non-default variant most consistent tables are passed by their forms, not run through the rule
    (under hubei the synthetic tables' 10-point execution rows are findings, so every table is looked at)."""
    from budgetkit.checks.rules import performance

    accounts = [generate(seed) for seed in range(40)]
    calls: list[int] = []
    whole = performance.project_findings

    def counted(ctx: Any, i: int) -> Any:
        calls.append(i)
        return whole(ctx, i)

    monkeypatch.setattr(performance, "project_findings", counted)
    assert check_batch(accounts, scoring=rules) == [check(a, scoring=rules) for a in accounts]
    tables = sum(1 for a in accounts for p in a.projects if p.evaluated)
    assert tables and len(calls) < tables / 2


def test_a_printed_minus_zero_is_checked_whole() -> None:
    """An account printing "-0.00" (whose sign the int64 columns would lose) still checks the same."""
    account = attrs.evolve(generate(4), operating_costs=Figure(Money("-0.00")))
    accounts = [generate(3), account, generate(5)]
    found = check_batch(accounts)
    _assert_same(accounts, found)
    assert bool(Batch.from_accounts(accounts)._accounts["irregular"][1])


# -- what the batch refuses -----------------------------------------------------------------------------------------


def _with_events(account: FinalAccount, cost_yuan: str) -> FinalAccount:
    event = ReceptionEvent(date="2023-05-06", party="来访单位", persons=3, cost_yuan=cost_yuan)
    return attrs.evolve(account, three_public=attrs.evolve(account.three_public, events=(event,)))


@pytest.mark.parametrize(
    ("edit", "path"),
    [
        (lambda a: attrs.evolve(a, income=attrs.evolve(a.income, total=Figure("1.0000001"))), "income.total.current"),
        (
            lambda a: attrs.evolve(a, three_public=attrs.evolve(a.three_public, vehicle=Figure("1.00", "0.0000005"))),
            "three_public.vehicle.previous",
        ),
        (lambda a: _with_events(a, "599.795"), "three_public.events[0].cost"),
        (
            lambda a: attrs.evolve(
                a,
                general_budget=attrs.evolve(
                    a.general_budget,
                    categories=(ExpenseCategory(level="类", name="卫生健康支出", actual="1.00", budget="1.00000001"),),
                ),
            ),
            "general_budget.categories[0].budget",
        ),
    ],
)
def test_an_amount_finer_than_a_fen_is_checked_by_itself_and_the_others_kept(edit: object, path: str) -> None:
    """An account with an amount finer than 0.000001 万元 is checked whole; every account keeps its findings (F4)."""
    assert callable(edit)
    bad = edit(generate(2))
    accounts = [generate(1), bad, generate(3)]
    batch = Batch.from_accounts(accounts)
    _assert_same(accounts, check_batch(batch))
    if path.endswith(("current", "previous")):  # a figure column: reading it names the account and the amount
        with pytest.raises(BatchError, match=r"finer than 1 分") as caught:
            batch.money(path)
        error = caught.value
        assert (error.index, error.unit, error.path) == (1, bad.unit, path)
        assert f"account 1 ({bad.unit}): {path} = " in str(error)
        assert "E-" not in str(error) and isinstance(error, ValueError)


def test_an_amount_too_large_for_int64_is_checked_by_itself_never_wrapped() -> None:
    """An amount beyond the int64 columns' range is checked exactly by itself; its column refuses to be summed."""
    huge = attrs.evolve(generate(1), operating_costs=Figure("99999999999999.00"))
    accounts = [generate(2), huge]
    batch = Batch.from_accounts(accounts)
    _assert_same(accounts, check_batch(batch))
    with pytest.raises(BatchError, match=r"operating_costs.current = 99999999999999.00 万元 is too large"):
        batch.money("operating_costs")
    incomes = [a.income.total.current for a in accounts]
    assert batch.money("income.total").sum() == Money.sum(m for m in incomes if m is not None)


def test_a_directory_with_one_unholdable_account_keeps_every_result(tmp_path: Path) -> None:
    """Issue 12 F4: a 7-place amount in one file no longer makes `check DIR` exit 2 and lose the others."""
    from budgetkit.cli import main

    folder = tmp_path / "d"
    folder.mkdir()
    io.dump(generate(1), folder / "good.json")
    data = io.unstructure(generate(2))
    data["income"]["other"] = "0.0000001"  # 7 places: allowed by the loader
    (folder / "tiny.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out.json"
    with out.open("w", encoding="utf-8") as stream:
        status = main(["check", str(folder), "--format", "json"], out=stream)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert status in (0, 1)
    assert [a["source"] for a in doc["accounts"]] == ["good.json", "tiny.json"]
    assert doc["accounts"][1]["findings"] == [f.as_dict() for f in check(io.load(folder / "tiny.json"))]


def test_projects_without_indicators_check_as_a_batch(tmp_path: Path) -> None:
    """Issue 12 F2: accounts whose projects have no indicators no longer crash the batch (nor `check DIR`)."""
    from budgetkit.cli import main

    folder = tmp_path / "d"
    folder.mkdir()
    text = (
        'unit = "示例单位"\nyear = 2023\nunit_type = "行政单位"\n[[projects]]\nname = "示例项目"\nkind = "特定目标类"\n'
    )
    (folder / "a.toml").write_text(text, encoding="utf-8")
    seed = datasets.load("zigong-hr-2023")
    emptied = attrs.evolve(seed, projects=tuple(attrs.evolve(p, indicators=()) for p in seed.projects))
    accounts = [io.load(folder / "a.toml"), emptied]
    _assert_same(accounts, check_batch(accounts))
    out = tmp_path / "out.txt"
    with out.open("w", encoding="utf-8") as stream:
        assert main(["check", str(folder)], out=stream) in (0, 1)
    assert "a.toml" in out.read_text(encoding="utf-8")


# -- Arrow and Parquet ----------------------------------------------------------------------------------------------


def test_parquet_partitions_read_back_check_the_same(
    tmp_path: Path, defective: list[FinalAccount], seed_report: FinalAccount
) -> None:
    """Written as Parquet partitions and read back, whole or one partition at a time, a batch checks the same."""
    accounts = [*defective[:30], seed_report, io.load(FIXTURES / "chart.value.toml")]
    batch = Batch.from_accounts(accounts)
    paths = write_parquet(batch, tmp_path, partition_size=7)
    assert [p.name for p in paths] == [f"part-{k:05d}.parquet" for k in range(5)]
    expected = [check(a) for a in accounts]
    assert check_batch(read_parquet(tmp_path)) == expected
    parts = [check_batch(read_parquet(path)) for path in paths]
    assert [f for part in parts for f in part] == expected
    back = read_parquet(paths[4])
    assert back.account(2) == accounts[30]
    assert io.loads(back.account_json(2), "json") == seed_report


def test_arrow_round_trip_keeps_figures_and_a_table_slice_is_a_batch(defective: list[FinalAccount]) -> None:
    """to_arrow/from_arrow keeps every figure column, and a slice of the Arrow table checks like its accounts."""
    batch = Batch.from_accounts(defective[:12])
    table = batch.to_arrow()
    again = Batch.from_arrow(table)
    assert len(again) == 12
    for path in ("income.total", "income.total.previous", "three_public.reception", "general_budget.personnel"):
        assert [again.money(path)[k] for k in range(12)] == [batch.money(path)[k] for k in range(12)]
    assert check_batch(Batch.from_arrow(table.slice(4, 5))) == check_batch(batch)[4:9]
    assert "json" in table.column_names and table.num_rows == 12


# -- money columns --------------------------------------------------------------------------------------------------


def test_a_money_column_sums_exactly_with_the_finest_places(defective: list[FinalAccount]) -> None:
    """Summing a figure across the batch gives Money.sum of the printed figures, unknown ones left out."""
    batch = Batch.from_accounts(defective[:300])
    for path in ("income.total", "income.business", "three_public.reception", "income.total.previous", "income.other"):
        column = batch.money(path)
        printed = [column[k] for k in range(len(column))]
        assert column.sum() == Money.sum(m for m in printed if m is not None)
        assert repr(column.sum()) == repr(Money.sum(m for m in printed if m is not None))
        assert column.known.tolist() == [m is not None for m in printed]


def test_a_slice_sums_with_its_own_places() -> None:
    """A slice of a batch sums its own figures, with the places of its own finest figure."""
    accounts = [
        attrs.evolve(generate(1), operating_costs=Figure("1.5")),
        attrs.evolve(generate(2), operating_costs=Figure("2.25")),
        attrs.evolve(generate(3), operating_costs=Figure("0.000001")),
    ]
    batch = Batch.from_accounts(accounts)
    assert repr(batch.money("operating_costs").sum()) == "Money('3.750001')"
    assert repr(batch[:2].money("operating_costs").sum()) == "Money('3.75')"
    assert repr(batch[:1].money("operating_costs").sum()) == "Money('1.5')"


def test_a_money_column_sum_never_overflows() -> None:
    """Values near the 2**55 分 limit sum exactly over thousands of accounts (int64 would wrap)."""
    fen = np.full(5000, 2**55 - 1, dtype=np.int64)
    fen[::3] = -(2**54)
    column = MoneyColumn(fen, np.full(5000, -6, dtype=np.int8))
    assert column.sum().amount == Decimal(sum(fen.tolist())).scaleb(-6)
    assert int(fen.sum()) != sum(fen.tolist())  # numpy's own int64 sum wraps around here


def test_batch_api_names_what_it_does_not_have() -> None:
    """An unknown figure is a KeyError that lists known ones; an account index out of range is an IndexError."""
    batch = Batch.from_accounts([generate(1)])
    with pytest.raises(KeyError, match=r"no figure 'income\.grant'"):
        batch.money("income.grant")
    with pytest.raises(IndexError):
        batch.account(1)
    assert batch.units == [generate(1).unit]


def test_progress_is_reported_and_an_empty_batch_has_no_findings() -> None:
    """progress(done, total) is called as blocks are checked; an empty batch gives an empty list."""
    calls: list[tuple[int, int]] = []
    check_batch([generate(1), generate(2)], progress=lambda done, total: calls.append((done, total)))
    assert calls == [(2, 2)]
    assert check_batch([]) == []


# -- damaged Parquet (issue 12 F3, F9) --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def parquet_table(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The Arrow table of a three-account Parquet batch, as write_parquet wrote it."""
    pq = pytest.importorskip("pyarrow.parquet")
    folder = tmp_path_factory.mktemp("pq")
    write_parquet(Batch.from_accounts([generate(s) for s in range(3)]), folder)
    return pq.read_table(folder / "part-00000.parquet")


def _damaged(table: Any, name: str, values: Any) -> Any:
    import pyarrow as pa

    return table.set_column(
        table.column_names.index(name), name, pa.array(values) if isinstance(values, list) else values
    )


def _not_utf8(n: int) -> Any:
    import pyarrow as pa

    return pa.array([b"\x81x"] * n, type=pa.binary()).view(pa.string())  # a view: not validated


def _exponent_edit(table: Any) -> Any:
    import pyarrow as pa

    name = "income.total.current:exp"
    return _damaged(table, name, pa.array([100, -2, -2], type=pa.int8()))


def _money_edit(table: Any) -> Any:
    column = table.column("income.total.current").to_pylist()
    return _damaged(table, "income.total.current", [column[0] + 1000 * 10**6, *column[1:]])


DAMAGE = {
    "null unit": (lambda t: _damaged(t, "unit", [None, "a", "b"]), "row 0, column unit"),
    "list column as strings": (lambda t: _damaged(t, "claims.i", ["1", "2", "3"]), "column claims.i"),
    "garbage json": (
        lambda t: _damaged(t, "json", ["{not json", *t.column("json").to_pylist()[1:]]),
        "row 0, column json",
    ),
    "null json": (lambda t: _damaged(t, "json", [None, *t.column("json").to_pylist()[1:]]), "row 0, column json"),
    "null year": (lambda t: _damaged(t, "year", [None, 2023, 2023]), "row 0, column year"),
    "exponent of 100": (_exponent_edit, "row 0, column income.total.current:exp"),
    "money column edited without its json twin": (_money_edit, "row 0, column income.total.current"),
    "missing column": (lambda t: t.drop_columns(["sums.code"]), "column sums.code"),
    "zero rows": (lambda t: t.slice(0, 0), "no accounts"),
    "extra column": (lambda t: t.append_column("colour", [["red"] * 3]), "column colour"),
    # found by the fuzzer: Parquet keeps text that is not UTF-8, Arrow's full validation refuses it
    "text that is not UTF-8": (lambda t: _damaged(t, "unit", _not_utf8(3)), "Invalid UTF8"),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_damaged_parquet_is_refused_naming_file_row_and_column(damage: str, parquet_table: Any, tmp_path: Path) -> None:
    """A Parquet batch that is not quite budgetkit's is refused with a LoadError naming file, row and column."""
    pq = pytest.importorskip("pyarrow.parquet")
    edit, where = DAMAGE[damage]
    path = tmp_path / "damaged.parquet"
    pq.write_table(edit(parquet_table), path)
    with pytest.raises(LoadError) as caught:
        read_parquet(path)
    message = str(caught.value)
    assert str(path) in message and where in message
    assert "None" not in message and "object at 0x" not in message


@pytest.mark.parametrize("damage", ["null unit", "list column as strings", "garbage json", "null year", "zero rows"])
def test_the_cli_exits_2_on_damaged_parquet(damage: str, parquet_table: Any, tmp_path: Path) -> None:
    """Issue 12 F3/F9: damaged Parquet is "input unreadable" (exit 2), never a traceback or exit 0."""
    pq = pytest.importorskip("pyarrow.parquet")
    from budgetkit.cli import main

    path = tmp_path / "damaged.parquet"
    pq.write_table(DAMAGE[damage][0](parquet_table), path)
    out = tmp_path / "out.txt"
    for extra in ([], ["--min-severity", "warning"], ["--disable", "text"]):
        with out.open("w", encoding="utf-8") as stream:
            assert main(["check", str(path), *extra], out=stream) == 2


def test_an_intact_parquet_batch_is_one_source_of_truth(parquet_table: Any) -> None:
    """The columns read back agree with each row's account: money() and account(i) tell the same figure."""
    batch = Batch.from_arrow(parquet_table)
    assert [batch.money("income.total")[i] for i in range(3)] == [
        batch.account(i).income.total.current for i in range(3)
    ]
    assert check_batch(batch) == [check(generate(s)) for s in range(3)]
