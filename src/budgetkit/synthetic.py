"""Realistic synthetic final accounts, for tests and benchmarks.

:func:`generate` builds a consistent account from exact underlying amounts
(whole 分), then publishes every figure and every derived claim the way
reports do: rounded half-up to two decimals, shares and rates computed from
the exact amounts. Such an account has no error-level finding; rounding
residues (information) are expected, as in real reports. The same ``seed``
always gives the same account.

>>> a = generate(7)
>>> a == generate(7), a.year
(True, 2023)
>>> from budgetkit.audit import check
>>> [f for f in check(a) if f.severity.value == "error"]
[]
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

from budgetkit.account import (
    ExpenseSide,
    Figure,
    FinalAccount,
    FiscalAppropriation,
    FiscalFund,
    GeneralBudget,
    Income,
    Procurement,
    ReceptionEvent,
    ThreePublic,
)
from budgetkit.category import ExpenseCategory
from budgetkit.claim import ChangeExplanation, Claim, Contribution
from budgetkit.indicator import PerformanceIndicator
from budgetkit.money import Money
from budgetkit.project import FundGrid, FundLine, Project

__all__ = ["generate", "published"]

_FEN = Decimal("0.000001")  # one 分 in 万元


def _money(fen: int) -> Money:
    """An exact amount from whole 分."""
    return Money(Decimal(fen) * _FEN)


def published(amount: Money | Fraction, places: int = 2) -> Decimal:
    """Round an exact amount (or ratio) half-up to ``places``, as a report prints it.

    >>> published(Money("1.234567")), published(Fraction(1, 8) * 100, 1)
    (Decimal('1.23'), Decimal('12.5'))
    """
    value = Fraction(amount.amount) if isinstance(amount, Money) else amount
    scaled = abs(value) * 10**places
    units = int(scaled) + (1 if scaled - int(scaled) >= Fraction(1, 2) else 0)
    return Decimal(-units if value < 0 else units).scaleb(-places)


def _pct(part: int, whole: int) -> Decimal:
    return published(Fraction(part, whole) * 100)


def _split(rng: random.Random, total: int, weights: Sequence[float | int]) -> list[int]:
    """Split ``total`` 分 in the given proportions, exactly."""
    raw = [rng.uniform(0.5, 1.5) * w for w in weights]
    scale = sum(raw)
    parts = [int(total * r / scale) for r in raw]
    parts[0] += total - sum(parts)
    return parts


_ITEMS = (  # (class code, class name, section name, item name, printed line)
    ("208", "社会保障和就业支出", "人力资源和社会保障管理事务", "事业运行"),
    ("208", "社会保障和就业支出", "人力资源和社会保障管理事务", "其他人力资源和社会保障管理事务支出"),
    ("208", "社会保障和就业支出", "行政事业单位养老支出", "机关事业单位基本养老保险缴费支出"),
    ("208", "社会保障和就业支出", "就业补助", "其他就业补助支出"),
    ("210", "卫生健康支出", "行政事业单位医疗", "事业单位医疗"),
    ("221", "住房保障支出", "住房改革支出", "住房公积金"),
)


def _categories(rng: random.Random, total: int, claims: list[Claim]) -> tuple[ExpenseCategory, ...]:
    amounts = _split(rng, total, [40, 10, 6, 30, 2, 3])
    classes: dict[str, dict[str, list[tuple[str, int]]]] = {}
    for (_, cls, section, item), fen in zip(_ITEMS, amounts, strict=True):
        classes.setdefault(cls, {}).setdefault(section, []).append((item, fen))
    nodes = []
    for cls, sections in classes.items():
        class_total = sum(fen for items in sections.values() for _, fen in items)
        children = []
        for section, items in sections.items():
            leaves = []
            for item, fen in items:
                budget = fen + rng.choice((0, 0, rng.randrange(0, max(fen // 20, 1))))
                leaves.append(
                    ExpenseCategory(
                        level="项",
                        name=item,
                        printed=f"{cls}（类）{section}（款）{item}（项）",
                        actual=published(_money(fen)),
                        budget=published(_money(budget)),
                    )
                )
                claims.append(
                    Claim(
                        kind="completion",
                        subject=f"general_budget.categories[{item}]",
                        stated=_pct(fen, budget),
                        section="五（三）",
                    )
                )
            children.append(ExpenseCategory(level="款", name=section, children=tuple(leaves)))
        nodes.append(
            ExpenseCategory(level="类", name=cls, actual=published(_money(class_total)), children=tuple(children))
        )
        claims.append(
            Claim(
                kind="share",
                subject=f"general_budget.categories[{cls}]",
                base="general_budget.total",
                stated=_pct(class_total, total),
                section="五（二）",
            )
        )
    return tuple(nodes)


def _indicators(rng: random.Random) -> tuple[tuple[PerformanceIndicator, ...], Decimal]:
    """Indicators weighing 90 in all (产出 50, 效益 30, 满意度 10), scored by the default rules."""
    rows: list[PerformanceIndicator] = []
    plan = (
        ("产出指标", "数量指标", 20),
        ("产出指标", "质量指标", 15),
        ("产出指标", "时效指标", 15),
        ("效益指标", "社会效益指标", 30),
        ("满意度指标", "服务对象满意度指标", 10),
    )
    for n, (level1, level2, weight) in enumerate(plan):
        kind = rng.choice(("met", "met", "short", "reverse", "qualitative")) if n else "met"
        target = rng.randrange(50, 500)
        if kind == "met":
            actual, op, score, reason = target + rng.randrange(0, target // 5 + 1), "≥", Fraction(weight), ""
        elif kind == "short":
            actual = rng.randrange(target // 2, target)
            op, score, reason = "≥", Fraction(actual, target) * weight, "受客观因素影响未完成"
        elif kind == "reverse":
            actual, op, score, reason = rng.randrange(1, target + 1), "≤", Fraction(weight), ""
        else:
            rows.append(
                PerformanceIndicator(
                    level1=level1,
                    level2=level2,
                    level3=f"指标{n + 1}",
                    operator="定性",
                    target="好",
                    actual="好",
                    weight=weight,
                    stated_score=weight,
                )
            )
            continue
        rows.append(
            PerformanceIndicator(
                level1=level1,
                level2=level2,
                level3=f"指标{n + 1}",
                operator=op,
                target=str(target),
                unit="个",
                actual=str(actual),
                weight=weight,
                stated_score=published(score, 0),
                reason=reason,
            )
        )
    total = sum((r.stated_score or Decimal(0) for r in rows), Decimal(0))
    return tuple(rows), total


def _projects(rng: random.Random, budget_fen: int, claims: list[Claim]) -> tuple[Project, ...]:
    projects = []
    amounts = _split(rng, budget_fen, [1] * rng.randrange(2, 5))
    for i, adjusted in enumerate(amounts):
        initial = adjusted if rng.random() < 0.5 else adjusted - rng.randrange(0, max(adjusted // 10, 1))
        executed = adjusted
        rate = _pct(executed, adjusted)
        line = {
            "initial": published(_money(initial)),
            "adjusted": published(_money(adjusted)),
            "executed": published(_money(executed)),
            "stated_rate": rate,
        }
        indicators, indicator_total = _indicators(rng)
        code = f"51030023T{rng.randrange(10**11, 10**12)}"
        projects.append(
            Project(
                code=code,
                name=f"项目{i + 1}",
                kind="特定目标类",
                funds=FundGrid(lines=(FundLine(source="总额", **line), FundLine(source="财政资金", **line))),
                execution_weight=10,
                execution_score=10,
                execution_reason="" if initial == adjusted else "年中根据工作需要调整预算",
                indicators=indicators,
                stated_weight_total=100,
                stated_total=10 + indicator_total,
            )
        )
        claims.append(Claim(kind="completion", subject=f"projects[{code}]", stated=rate, section="十（四）"))
    totals = [Fraction(p.stated_total or 0) for p in projects]
    claims.append(Claim(kind="count", subject="projects[?evaluated=true]", stated=len(projects), section="十（四）"))
    claims.append(
        Claim(
            kind="score",
            subject="projects[?evaluated=true]",
            stated=published(sum(totals, Fraction(0)) / len(totals)),
            section="十（四）",
        )
    )
    return tuple(projects)


def _three_public(rng: random.Random, claims: list[Claim]) -> ThreePublic:
    events = tuple(
        ReceptionEvent(
            date=f"2023-{m:02d}-{rng.randrange(1, 28):02d}",
            party=f"来访单位{m}",
            persons=rng.randrange(2, 15),
            cost_yuan=Decimal(rng.randrange(30000, 300000)) / 100,
        )
        for m in sorted(rng.sample(range(1, 13), rng.randrange(1, 6)))
    )
    reception = sum(int(e.cost_yuan.amount * 100) for e in events)  # 分
    operation = rng.randrange(5_000_000, 40_000_000) // 100  # 分 → a few 万元
    operation_fen = operation
    prev_reception, prev_operation = rng.randrange(100, 10**7), rng.randrange(100, 10**7)
    total = reception + operation_fen
    prev_total = prev_reception + prev_operation

    def fig(cur: int, prev: int | None = None) -> Figure:
        return Figure(published(_money(cur)), None if prev is None else published(_money(prev)))

    for path, cur, prev in (
        ("three_public.total", total, prev_total),
        ("three_public.vehicle", operation_fen, prev_operation),
        ("three_public.reception", reception, prev_reception),
    ):
        claims.append(Claim(kind="change", subject=path, stated=published(_money(cur - prev)), section="七"))
        claims.append(Claim(kind="growth", subject=path, stated=_pct(cur - prev, prev), section="七"))
    for path, cur in (("three_public.vehicle", operation_fen), ("three_public.reception", reception)):
        claims.append(
            Claim(kind="share", subject=path, base="three_public.total", stated=_pct(cur, total), section="七")
        )
    claims.append(Claim(kind="count", subject="three_public.events", stated=len(events), section="七"))
    claims.append(
        Claim(kind="sum", subject="three_public.events[*].persons", stated=sum(e.persons for e in events), section="七")
    )
    return ThreePublic(
        total=fig(total, prev_total),
        outbound=Figure(Money(0)),
        vehicle=fig(operation_fen, prev_operation),
        vehicle_purchase=Figure(Money(0)),
        vehicle_operation=fig(operation_fen),
        reception=fig(reception, prev_reception),
        reception_domestic=fig(reception),
        reception_foreign=Figure(Money(0)),
        events=events,
        vehicles_owned=1,
        vehicles_owned_by_type=(("轿车", 1),),
    )


def generate(seed: int) -> FinalAccount:
    """A consistent synthetic account, the same for the same ``seed``."""
    rng = random.Random(seed)
    claims: list[Claim] = []

    general = rng.randrange(2 * 10**8, 5 * 10**9)  # 分: 200 to 5000 万元
    business = rng.choice((0, rng.randrange(10**6, 10**8)))
    opening = rng.randrange(0, 10**8)
    year_income = general + business
    total = year_income + opening
    prev_total = int(total * rng.uniform(0.8, 1.2))

    personnel, public_use = _split(rng, int(general * rng.uniform(0.4, 0.6)), [9, 1])
    basic = personnel + public_use
    project_fiscal = general - basic
    project_other = business
    closing = total - basic - project_fiscal - project_other
    prev_personnel, prev_project = int(personnel * rng.uniform(0.8, 1.1)), int(project_fiscal * rng.uniform(0.7, 1.3))
    prev_public = int(public_use * rng.uniform(0.8, 1.2))
    prev_general = prev_personnel + prev_project + prev_public

    def fig(cur: int, prev: int | None = None) -> Figure:
        return Figure(published(_money(cur)), None if prev is None else published(_money(prev)))

    income = Income(
        general_budget=fig(general),
        business=fig(business),
        year_total=fig(year_income),
        opening_balance=fig(opening),
        total=fig(total, prev_total),
    )
    expenditure = ExpenseSide(
        basic=fig(basic),
        project=fig(project_fiscal + project_other),
        year_total=fig(basic + project_fiscal + project_other),
        closing_balance=fig(closing),
        total=fig(total, prev_total),
    )
    for path in ("income.total", "expenditure.total"):
        claims.append(Claim(kind="change", subject=path, stated=published(_money(total - prev_total)), section="一"))
        claims.append(Claim(kind="growth", subject=path, stated=_pct(total - prev_total, prev_total), section="一"))
    for name, fen in (("general_budget", general), ("business", business)):
        claims.append(
            Claim(
                kind="share",
                subject=f"income.{name}",
                base="income.year_total",
                stated=_pct(fen, year_income),
                section="二",
            )
        )
    spent = basic + project_fiscal + project_other
    for name, fen in (("basic", basic), ("project", project_fiscal + project_other)):
        claims.append(
            Claim(
                kind="share",
                subject=f"expenditure.{name}",
                base="expenditure.year_total",
                stated=_pct(fen, spent),
                section="三",
            )
        )

    categories = _categories(rng, general, claims)
    general_budget = GeneralBudget(
        total=fig(general, prev_general),
        basic=fig(basic),
        project=fig(project_fiscal),
        categories=categories,
        personnel=fig(personnel),
        public_use=fig(public_use),
    )
    claims.append(
        Claim(
            kind="growth",
            subject="general_budget.total",
            stated=_pct(general - prev_general, prev_general),
            section="五（一）",
        )
    )
    explanation = ChangeExplanation(
        subject="general_budget.total",
        change=published(_money(general - prev_general)),
        section="五（一）",
        contributions=(
            Contribution(label="人员支出", amount=published(_money(personnel - prev_personnel))),
            Contribution(label="项目支出", amount=published(_money(project_fiscal - prev_project))),
            Contribution(label="公用经费", amount=published(_money(public_use - prev_public))),
        ),
    )
    fiscal = FiscalAppropriation(
        general_budget=FiscalFund(income=fig(general), expenditure=fig(general)), total=fig(general, prev_general)
    )
    goods, services = _split(rng, rng.randrange(10**6, 10**8), [3, 1])
    procurement = Procurement(
        total=fig(goods + services),
        goods=fig(goods),
        works=Figure(Money(0)),
        services=fig(services),
        sme=fig(goods + services),
        small_micro=fig(goods),
    )
    claims.append(
        Claim(
            kind="share", subject="procurement.sme", base="procurement.total", stated=Decimal(100), section="十（二）"
        )
    )
    three_public = _three_public(rng, claims)
    projects = _projects(rng, project_fiscal, claims)
    return FinalAccount(
        unit=f"示例单位{seed}",
        year=2023,
        unit_type="公益一类事业单位",
        income=income,
        expenditure=expenditure,
        fiscal=fiscal,
        general_budget=general_budget,
        three_public=three_public,
        operating_costs=Figure(Money(0)),
        procurement=procurement,
        projects=projects,
        claims=tuple(claims),
        explanations=(explanation,),
    )
