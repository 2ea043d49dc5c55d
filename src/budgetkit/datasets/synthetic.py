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
>>> from budgetkit.checks.audit import check
>>> [f for f in check(a) if f.severity.value == "error"]
[]
"""

from __future__ import annotations

import functools
import itertools
import random
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Any

import attrs

from budgetkit.errors import ModelError
from budgetkit.model.account import (
    Chart,
    ExpenseSide,
    Figure,
    FinalAccount,
    FiscalAppropriation,
    FiscalFund,
    GeneralBudget,
    Income,
    Passage,
    Procurement,
    ReceptionEvent,
    ThreePublic,
)
from budgetkit.model.category import ExpenseCategory
from budgetkit.model.claim import ChangeExplanation, Claim, Contribution
from budgetkit.model.indicator import PerformanceIndicator
from budgetkit.model.project import FundGrid, FundLine, Project
from budgetkit.values.money import Money
from budgetkit.values.numbers import round_half_up

__all__ = ["DEFECTS", "generate", "inject", "publish", "published"]

_FEN = Decimal("0.000001")  # one 分 in 万元


def _money(fen: int) -> Money:
    """An exact amount from whole 分."""
    return Money(Decimal(fen) * _FEN)


def published(amount: Money | Fraction, places: int = 2) -> Decimal:
    """Round an exact amount (or ratio) half-up to ``places``, as a report prints it.

    >>> published(Money("1.234567")), published(Fraction(1, 8) * 100, 1)
    (Decimal('1.23'), Decimal('12.5'))
    """
    return round_half_up(Fraction(amount.amount) if isinstance(amount, Money) else amount, places)


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


def _printable(previous: int) -> int:
    """Last year's amount (分), raised to 0.01 万元 in the rare draws that would print as 0.

    A growth rate over a last year printed as 0 has no base (a report writes
    "--（基数为0，不可比）"), so a consistent account cannot state one.
    """
    return previous if published(_money(previous)) else 10_000


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
    prev_reception, prev_operation = _printable(prev_reception), _printable(prev_operation)
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


def generate(seed: int, defects: Sequence[str] = (), *, tables: bool = False) -> FinalAccount:
    """A consistent synthetic account, the same for the same ``seed``; with ``defects`` injected when given.

    Each defect is a kind of :data:`DEFECTS`, put in by :func:`inject` with a
    random stream of its own drawn from ``seed``, so the same seed and defects
    always give the same account, and the account without defects is unchanged. With ``tables`` the
    account also holds what its published report prints (:func:`publish`): the nine tables, the 目录
    and the 情况说明 passages, for rendering and importing back.

    >>> from budgetkit.checks.audit import check
    >>> [f.rule for f in check(generate(7, defects=("wrong_count",))) if f.severity.value == "error"]
    ['claim.count']
    """
    account = _generate(seed)
    if tables:
        account = publish(account, seed)
    rng = random.Random(f"budgetkit.datasets.synthetic defects {seed}")
    for kind in defects:
        account = inject(account, kind, rng)
    return account


def _generate(seed: int) -> FinalAccount:
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


# -- the published tables and 情况说明 ----------------------------------------------------------------------------

#: 表六's economic items drawn for 人员经费 (工资福利支出) and 公用经费 (商品和服务支出): (code, name, weight).
_PERSONNEL_ITEMS = (
    ("30101", "基本工资", 30), ("30102", "津贴补贴", 25), ("30103", "奖金", 5), ("30107", "绩效工资", 15),
    ("30108", "机关事业单位基本养老保险缴费", 10), ("30112", "其他社会保障缴费", 3), ("30113", "住房公积金", 8),
    ("30199", "其他工资福利支出", 4),
)
_PUBLIC_USE_ITEMS = (
    ("30201", "办公费", 20), ("30207", "邮电费", 5), ("30211", "差旅费", 8), ("30213", "维修（护）费", 12),
    ("30226", "劳务费", 10), ("30227", "委托业务费", 25), ("30229", "福利费", 5), ("30299", "其他商品和服务支出", 15),
)
_CONTENTS_TABLES = (
    "收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表",
    "一般公共预算财政拨款基本支出决算表", "财政拨款“三公”经费支出决算表", "政府性基金预算财政拨款收入支出决算表",
    "国有资本经营预算财政拨款收入支出决算表",
)
_CONTENTS_SECTIONS = (
    "收入支出决算总体情况说明", "收入决算情况说明", "支出决算情况说明", "财政拨款收入支出决算总体情况说明",
    "一般公共预算财政拨款支出决算情况说明", "一般公共预算财政拨款基本支出决算情况说明",
    "财政拨款“三公”经费支出决算情况说明", "政府性基金预算财政拨款收入支出决算情况说明",
    "国有资本经营预算财政拨款收入支出决算情况说明", "预算绩效管理情况", "其他重要事项的情况说明",
)
_ZH_NUMBERS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五",
               "十六", "十七", "十八", "十九", "二十", "二十一", "二十二", "二十三", "二十四", "二十五", "二十六", "二十七")


def _amount(money: Money | None) -> Decimal:
    return Decimal("0.00") if money is None else money.amount


def _text(value: Decimal | None, blank_zero: bool = False) -> str:
    """A printed cell: the amount with two places, or blank (``""``) for nothing (or for 0 when zeros print blank)."""
    if value is None or (blank_zero and not value):
        return ""
    return format(value.quantize(Decimal("0.01")), "f")


def _cents_split(rng: random.Random, total: Decimal, items: Sequence[tuple[str, str, int]]) -> list[Decimal]:
    """Split a printed amount among items in whole 0.01 万元, exactly (so the items add up to it)."""
    cents = int(total * 100)
    return [Decimal(part).scaleb(-2) for part in _split(rng, cents, [w for _, _, w in items])] if cents else [Decimal("0.00")] * len(items)


def publish(account: FinalAccount, seed: int = 0) -> FinalAccount:
    """``account`` with what a Shanghai-layout report publishes: the nine tables, the 目录, 概况 and 情况说明.

    The tables (national 2024 set) are drawn from the account's printed figures: 表五 from its 类/款/项
    (a 款 is the sum of its 项, as printed), 表二 and 表三 add the 事业收入 to the first 项, 表六 splits
    人员经费 and 公用经费 into economic items that add up exactly, 表七 prints the 三公 figures with
    their budgets, 表八 and 表九 print empty with their 本表无数据 statement. The passages are the
    template's sentences of 情况说明 一, 二, 三, 六, 八 and 九 with the account's figures. The same ``seed``
    gives the same report.

    >>> a = publish(generate(7), seed=7)
    >>> [t.number for t in a.tables.tables], a.tables.cell("general_budget_expenditure", "total", "total").text
    (['一', '二', '三', '四', '五', '六', '七', '八', '九'], '847.89')
    >>> a.passages[2].text.splitlines()[1][:24]
    '本年收入合计847.89万元，其中：财政拨款收入'
    """
    from budgetkit.model.tables import Row, Table, Tables, table_set
    from budgetkit.reference.classification import functional_table

    rng = random.Random(f"budgetkit.datasets.synthetic publish {seed}")
    unit, year = account.unit, account.year
    national = table_set("national-2024")
    codes = functional_table()
    income, spent, general = account.income, account.expenditure, account.general_budget
    business = _amount(income.business.current)
    # 类/款/项 rows of 表五: (code, name, total, basic, project); 基本支出 is drawn item by item in printed order
    left = _amount(general.basic.current)
    tree: list[tuple[str, str, Decimal, Decimal, Decimal]] = []
    first_item: str | None = None
    for cls in general.categories:
        cls_code = next(e.code for e in codes.find(cls.name) if len(e.code) == 3)
        cls_rows: list[tuple[str, str, Decimal, Decimal, Decimal]] = []
        for section in cls.children:
            sec_code = next(e.code for e in codes.find(section.name) if e.code.startswith(cls_code) and len(e.code) == 5)
            item_rows: list[tuple[str, str, Decimal, Decimal, Decimal]] = []
            for item in section.children:
                code = next(e.code for e in codes.find(item.name) if e.code.startswith(sec_code) and len(e.code) == 7)
                actual = _amount(item.actual)
                basic = min(left, actual)
                left -= basic
                item_rows.append((code, item.name, actual, basic, actual - basic))
                first_item = first_item or code
            zero = Decimal("0.00")
            cls_rows.append(
                (
                    sec_code,
                    section.name,
                    sum((r[2] for r in item_rows), zero),
                    sum((r[3] for r in item_rows), zero),
                    sum((r[4] for r in item_rows), zero),
                )
            )
            cls_rows += item_rows
        basic = sum((r[3] for r in cls_rows if len(r[0]) == 5), Decimal("0.00"))
        total = _amount(cls.actual)
        tree.append((cls_code, cls.name, total, basic, total - basic))
        tree += cls_rows
    rows5 = [Row(key=c, name=n, cells=(_text(t), _text(b, True), _text(p, True))) for c, n, t, b, p in tree]
    rows5.append(Row(key="total", name="合计", cells=(_text(_amount(general.total.current)), _text(_amount(general.basic.current), True), _text(_amount(general.project.current), True))))

    def extra(code: str) -> Decimal:  # the 事业收入 of a row: all of it on the first 项 and its parents
        return business if first_item is not None and first_item.startswith(code) else Decimal(0)

    rows2 = [Row(key="total", name="合计", cells=(_text(_amount(income.year_total.current)), _text(_amount(general.total.current), True), "", _text(business, True), "", "", ""))]
    rows2 += [Row(key=c, name=n, cells=(_text(t + extra(c)), _text(t, True), "", _text(extra(c), True), "", "", "")) for c, n, t, _, _ in tree]
    rows3 = [Row(key="total", name="合计", cells=(_text(_amount(spent.year_total.current)), _text(_amount(spent.basic.current), True), _text(_amount(spent.project.current), True), "", "", ""))]
    rows3 += [Row(key=c, name=n, cells=(_text(t + extra(c)), _text(b, True), _text(p + extra(c), True), "", "", "")) for c, n, t, b, p in tree]
    classes = {c: t for c, _, t, _, _ in tree if len(c) == 3}
    template_classes = [line for line in national.template("summary").lines if line.side is not None and line.side.value == "expenditure" and line.key.isdigit()]
    summary = [
        Row(key=f"income.{key}", name=name, number=f"{_ZH_NUMBERS[i]}、" if i < 8 else "", side="income", cells=(_text(value, True),))
        for i, (key, name, value) in enumerate((
            ("general_budget", "一般公共预算财政拨款收入", _amount(income.general_budget.current)),
            ("government_fund", "政府性基金预算财政拨款收入", None), ("state_capital", "国有资本经营预算财政拨款收入", None),
            ("superior_subsidy", "上级补助收入", None), ("business", "事业收入", business), ("operating", "经营收入", None),
            ("affiliated", "附属单位上缴收入", None), ("other", "其他收入", None),
            ("year_total", "本年收入合计", _amount(income.year_total.current)), ("non_fiscal_balance_used", "使用非财政拨款结余", None),
            ("opening_balance", "年初结转和结余", _amount(income.opening_balance.current)), ("total", "总计", _amount(income.total.current)),
        ))
    ]
    summary += [Row(key=line.key, name=line.name, number=f"{_ZH_NUMBERS[i]}、", side="expenditure", cells=(_text(classes.get(line.key, Decimal(0)) + extra(line.key), True),)) for i, line in enumerate(template_classes)]
    summary += [
        Row(key=f"expenditure.{key}", name=name, side="expenditure", cells=(_text(value, True),))
        for key, name, value in (
            ("year_total", "本年支出合计", _amount(spent.year_total.current)), ("surplus_distribution", "结余分配", None),
            ("closing_balance", "年末结转和结余", _amount(spent.closing_balance.current)), ("total", "总计", _amount(spent.total.current)),
        )
    ]
    gb = _amount(general.total.current)
    fiscal = [
        Row(key="fiscal.general_budget.income", name="一般公共预算财政拨款", number="一、", side="income", cells=(_text(gb),)),
        Row(key="fiscal.government_fund.income", name="政府性基金预算财政拨款", number="二、", side="income", cells=("",)),
        Row(key="fiscal.state_capital.income", name="国有资本经营预算财政拨款", number="三、", side="income", cells=("",)),
        Row(key="fiscal.income", name="本年收入合计", side="income", cells=(_text(gb),)),
        Row(key="fiscal.opening", name="年初财政拨款结转和结余", side="income", cells=("",)),
        Row(key="fiscal.general_budget.opening", name="一般公共预算财政拨款", number="一、", side="income", cells=("",)),
        Row(key="fiscal.government_fund.opening", name="政府性基金预算财政拨款", number="二、", side="income", cells=("",)),
        Row(key="fiscal.state_capital.opening", name="国有资本经营预算财政拨款", number="三、", side="income", cells=("",)),
        Row(key="fiscal.income_total", name="总计", side="income", cells=(_text(gb),)),
    ]
    fiscal += [Row(key=line.key, name=line.name, number=f"{_ZH_NUMBERS[i]}、", side="expenditure", cells=(_text(classes.get(line.key), True), _text(classes.get(line.key), True), "", "")) for i, line in enumerate(template_classes)]
    fiscal += [
        Row(key="fiscal.expenditure", name="本年支出合计", side="expenditure", cells=(_text(gb), _text(gb), "", "")),
        Row(key="fiscal.closing", name="年末财政拨款结转和结余", side="expenditure", cells=("", "", "", "")),
        Row(key="fiscal.expenditure_total", name="总计", side="expenditure", cells=(_text(gb), _text(gb), "", "")),
    ]
    personnel, public_use = _amount(general.personnel.current), _amount(general.public_use.current)
    economic = [Row(key="301", name="工资福利支出", cells=(_text(personnel),))]
    economic += [Row(key=c, name=n, cells=(_text(v),)) for (c, n, _), v in zip(_PERSONNEL_ITEMS, _cents_split(rng, personnel, _PERSONNEL_ITEMS), strict=True)]
    economic.append(Row(key="302", name="商品和服务支出", cells=(_text(public_use),)))
    economic += [Row(key=c, name=n, cells=(_text(v),)) for (c, n, _), v in zip(_PUBLIC_USE_ITEMS, _cents_split(rng, public_use, _PUBLIC_USE_ITEMS), strict=True)]
    economic += [Row(key="general_budget.personnel", name="人员经费合计", cells=(_text(personnel),)), Row(key="general_budget.public_use", name="公用经费合计", cells=(_text(public_use),))]
    three = account.three_public
    budgets = {}
    for key in ("outbound", "vehicle_purchase", "vehicle_operation", "reception"):
        actual = _amount(getattr(three, key).current)
        budgets[key] = actual + Decimal(rng.choice((0, 0, rng.randrange(0, 500)))).scaleb(-2)
    budgets["vehicle"] = budgets["vehicle_purchase"] + budgets["vehicle_operation"]
    budgets["total"] = budgets["outbound"] + budgets["vehicle"] + budgets["reception"]
    names = {line.key: line.name for line in national.template("three_public").lines}
    three_rows = [Row(key=f"three_public.{k}", name=names[f"three_public.{k}"], cells=(_text(budgets[k]), _text(_amount(getattr(three, k).current)))) for k in ("total", "outbound", "vehicle", "vehicle_purchase", "vehicle_operation", "reception")]
    three = attrs.evolve(three, **{k: attrs.evolve(getattr(three, k), budget=Money(budgets[k])) for k in budgets})

    def table(key: str, rows: Sequence[Row], empty: str = "") -> Table:
        template = national.template(key)
        return Table(
            key=key, number=template.number, title=template.title,
            columns=tuple(c.key for c in template.columns if not c.optional),
            income_columns=tuple(c.key for c in template.income_columns if not c.optional),
            rows=tuple(rows), notes=(f"注：{template.note}",) if template.note else (), empty_note=empty,
        )

    blank = (Row(key="total", name="合计", cells=("",) * 6),)
    tables = (
        table("summary", summary), table("income", rows2), table("expenditure", rows3), table("fiscal_summary", fiscal),
        table("general_budget_expenditure", rows5), table("basic_expenditure", economic), table("three_public", three_rows),
        table("government_fund", blank, f"说明：{unit}本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。"),
        table("state_capital", blank, f"说明：{unit}本年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。"),
    )
    contents = (
        f"第一部分 {unit}概况", "一、主要职能", "二、部门决算单位构成", f"第二部分 {unit}{year}年度部门决算表",
        *(f"{_ZH_NUMBERS[i]}、{title}" for i, title in enumerate(_CONTENTS_TABLES)),
        f"第三部分 {unit}{year}年度部门决算情况说明",
        *(f"{_ZH_NUMBERS[i]}、{title}" for i, title in enumerate(_CONTENTS_SECTIONS)),
        "第四部分 名词解释",
    )
    return attrs.evolve(
        account,
        three_public=three,
        duties=f"{unit}负责本单位职责范围内的各项工作。",
        organisation=f"纳入{unit}部门决算编制范围的单位包括：{unit}本级。",
        passages=_passages(account),
        tables=Tables(set="national-2024", contents=contents, tables=tables),
    )


def _passages(account: FinalAccount) -> tuple[Passage, ...]:
    """情况说明 一, 二, 三, 六, 八 and 九 in the template's sentences, with the account's printed figures and claims."""
    unit, year = account.unit, account.year
    income, spent, general = account.income, account.expenditure, account.general_budget

    def amount(figure: Figure) -> str:
        return _text(_amount(figure.current))

    def claim(kind: str, subject: str) -> Decimal:
        return next(c.stated for c in account.claims if c.kind.value == kind and c.subject == subject)

    change, growth = claim("change", "income.total"), claim("growth", "income.total")
    up = "增加" if change >= 0 else "减少"
    rate = "增长" if growth >= 0 else "下降"
    passages = [
        Passage(section="第三部分", text=f"第三部分 {unit} {year} 年度部门决算情况说明"),
        Passage(
            section="一",
            text=f"一、收入支出决算总体情况说明\n{unit} {year} 年度收入支出总计{amount(income.total)}万元。与{year - 1}年度相比，"
            f"收入支出总计{up}{_text(abs(change))}万元，{rate}{_text(abs(growth))}%。主要原因：业务工作量变化。",
        ),
        Passage(
            section="二",
            text=f"二、收入决算情况说明\n本年收入合计{amount(income.year_total)}万元，其中：财政拨款收入{amount(income.general_budget)}万元，"
            f"占{_text(claim('share', 'income.general_budget'))}%；事业收入{amount(income.business)}万元，"
            f"占{_text(claim('share', 'income.business'))}%。",
        ),
        Passage(
            section="三",
            text=f"三、支出决算情况说明\n本年支出合计{amount(spent.year_total)}万元，其中：基本支出{amount(spent.basic)}万元，"
            f"占{_text(claim('share', 'expenditure.basic'))}%；项目支出{amount(spent.project)}万元，"
            f"占{_text(claim('share', 'expenditure.project'))}%。",
        ),
        Passage(
            section="六",
            text=f"六、一般公共预算财政拨款基本支出决算情况说明\n一般公共预算财政拨款基本支出{amount(general.basic)}万元。"
            f"其中：人员经费{amount(general.personnel)}万元，主要包括：基本工资、津贴补贴、奖金；"
            f"公用经费{amount(general.public_use)}万元，主要包括：办公费、差旅费、委托业务费。",
        ),
        Passage(
            section="八",
            text=f"八、政府性基金预算财政拨款收入支出决算情况说明\n{unit} {year} 年度无政府性基金预算财政拨款收入和支出。",
        ),
        Passage(
            section="九",
            text=f"九、国有资本经营预算财政拨款收入支出决算情况说明\n{unit} {year} 年度无国有资本经营预算财政拨款收入和支出。",
        ),
    ]
    return tuple(passages)


# -- defects ------------------------------------------------------------------------------------------------------

#: Every kind of defect :func:`inject` puts into a generated account, and the finding code it must produce.
DEFECTS: Mapping[str, str] = MappingProxyType(
    {
        "wrong_total": "identity.procurement",
        "wrong_growth": "claim.growth",
        "wrong_share": "claim.share",
        "truncated_share": "rounding.truncated",
        "nudged_shares": "rounding.nudged",
        "zero_base": "rate.zero_base",
        "wrong_count": "claim.count",
        "wrong_indicator_score": "indicator.score",
        "missing_actual": "indicator.missing_actual",
        "deducted_without_reason": "indicator.deducted_without_reason",
        "template_text": "text.template",
        "item_under_wrong_section": "classification.item_not_in_section",
        "wrong_change": "claim.change",
        "wrong_completion": "claim.completion",
        "wrong_sum": "claim.sum",
        "explanation_sum": "explanation.sum",
        "unbalanced": "identity.balance",
        "reception_events": "identity.reception_events",
        "shortfall_without_reason": "indicator.shortfall_reason",
        "chart_value": "chart.value",
    }
)

#: Which rule of the catalogue reports each code (to confirm an injection with that rule alone).
_RULE_OF = {
    "identity": "identity",
    "claim": "claim",
    "rounding": "claim",
    "rate": "claim",
    "indicator": "project",
    "text": "text",
    "classification": "classification",
    "explanation": "explanation",
    "chart": "chart",
}

_TEMPLATE_TEXTS = (
    "2023年，机关运行经费支出0万元，比2022年增加/减少0万元，增长/下降0%。",
    "主要原因是……。",
    "主要用于…（具体项目）等方面。",
    "本单位无因公出国（境）费用支出（或：组织出国团组XX个）。",
)

Edit = Callable[[], FinalAccount]


def inject(account: FinalAccount, kind: str, rng: random.Random) -> FinalAccount:
    """``account`` with one defect of ``kind`` (see :data:`DEFECTS`) put in, chosen with ``rng``.

    The defect is confirmed: the account returned produces the finding code
    ``DEFECTS[kind]`` (figures that merely follow from the edited one, such as a
    table's total row and the overall score, are re-derived). Meant for the
    accounts :func:`generate` builds; raises :class:`~budgetkit.errors.ModelError`
    for an unknown kind or an account the defect cannot be put into.

    >>> from budgetkit.checks.audit import check
    >>> broken = inject(generate(3), "template_text", random.Random(1))
    >>> [f.rule for f in check(broken) if f.severity.value != "info"]
    ['text.template']
    """
    if kind not in DEFECTS:
        raise ModelError(f"unknown defect {kind!r}; known: {', '.join(DEFECTS)}")
    code = DEFECTS[kind]
    for candidate in _INJECTORS[kind](account, rng):
        broken = candidate()
        if _produces(broken, code):
            return broken
    raise ModelError(f"cannot put a {kind!r} defect into account {account.unit!r}")


def _produces(account: FinalAccount, code: str) -> bool:
    from budgetkit.checks.audit import DEFAULT_RULES, check

    rule = _RULE_OF[code.partition(".")[0]]
    rules = [r for r in DEFAULT_RULES if r.code == rule or (rule == "claim" and r.code == "funds")]
    return any(f.rule == code for f in check(account, rules))


def _replace(items: tuple[Any, ...], index: int, **changes: Any) -> tuple[Any, ...]:
    return (*items[:index], attrs.evolve(items[index], **changes), *items[index + 1 :])


def _with_claim(account: FinalAccount, index: int, **changes: Any) -> FinalAccount:
    return attrs.evolve(account, claims=_replace(account.claims, index, **changes))


def _claims_of(account: FinalAccount, kind: str, rng: random.Random) -> list[int]:
    found = [i for i, c in enumerate(account.claims) if c.kind.value == kind]
    rng.shuffle(found)
    return found


def _offset(rng: random.Random, low: int, high: int) -> Decimal:
    """A whole number of units between ``low`` and ``high``, either sign, printed with two places."""
    return Decimal(rng.randrange(low, high + 1) * rng.choice((1, -1))).quantize(Decimal("0.01"))


def _shift_claims(account: FinalAccount, kind: str, rng: random.Random, low: int, high: int) -> Iterator[Edit]:
    for i in _claims_of(account, kind, rng):
        stated = account.claims[i].stated + _offset(rng, low, high)
        yield functools.partial(_with_claim, account, i, stated=stated)


def _wrong_total(account: FinalAccount, rng: random.Random) -> Iterator[Edit]:
    """政府采购支出总额 (and 授予中小企业, which equals it) printed larger than goods + works + services."""
    pr = account.procurement
    delta = Money(Decimal(rng.randrange(1, 500)))
    assert pr.total.current is not None and pr.sme.current is not None
    total, sme = Figure(pr.total.current + delta), Figure(pr.sme.current + delta)
    yield lambda: attrs.evolve(account, procurement=attrs.evolve(pr, total=total, sme=sme))


def _wrong_growth(account: FinalAccount, rng: random.Random) -> Iterator[Edit]:
    yield from _shift_claims(account, "growth", rng, 1, 20)


def _wrong_share(account: FinalAccount, rng: random.Random) -> Iterator[Edit]:
    yield from _shift_claims(account, "share", rng, 1, 5)


def _wrong_change(account: FinalAccount, rng: random.Random) -> Iterator[Edit]:
    yield from _shift_claims(account, "change", rng, 1, 50)


def _wrong_completion(account: FinalAccount, rng: random.Random) -> Iterator[Edit]:
    yield from _shift_claims(account, "completion", rng, 1, 10)


def _truncated_share(account: FinalAccount, rng: random.Random) -> Iterator[Edit]:
    """A share one unit below its rounding: right when the cut digit was 5 or more."""
    unit = Decimal("0.01")
    for i in _claims_of(account, "share", rng):
        stated = account.claims[i].stated - unit
        yield functools.partial(_with_claim, account, i, stated=stated)
    two_thirds = Claim(kind="share", subject="2", base="3", stated="66.66", text="其中2人，占3人的66.66%", section="三")
    yield lambda: attrs.evolve(account, claims=(*account.claims, two_thirds))


def _nudged_shares(account: FinalAccount, rng: random.Random) -> Iterator[Edit]:
    """Shares of one whole adjusted by a unit of the last place so that they print a total of 100%."""
    groups: dict[tuple[str | None, str], list[int]] = {}
    for i, claim in enumerate(account.claims):
        if claim.kind.value == "share":
            groups.setdefault((claim.base, claim.section), []).append(i)
    members = [g for g in groups.values() if len(g) > 1]
    rng.shuffle(members)
    unit = Decimal("0.01")
    for group in members:
        total = sum((account.claims[i].stated for i in group), Decimal(0))
        if total != 100 and abs(100 - total) == unit:
            for i in group:  # the residue put on one share
                stated = account.claims[i].stated + (100 - total)
                yield functools.partial(_with_claim, account, i, stated=stated)
        elif total == 100:
            for a, b in itertools.permutations(group, 2):  # one share up a unit, another down
                up, down = account.claims[a].stated + unit, account.claims[b].stated - unit
                if down > 0:
                    yield functools.partial(_with_claim, _with_claim(account, a, stated=up), b, stated=down)


def _zero_base(account: FinalAccount, rng: random.Random) -> Iterator[Edit]:
    """因公出国（境）费 0 this year and last, its growth printed as 0%."""
    del rng
    tp = account.three_public
    growth = Claim(kind="growth", subject="three_public.outbound", stated="0", text="增长0%", section="七")
    yield lambda: attrs.evolve(
        account,
        three_public=attrs.evolve(tp, outbound=Figure("0", "0")),
        claims=(*account.claims, growth),
    )


def _wrong_count(account: FinalAccount, rng: random.Random) -> Iterator[Edit]:
    for i in _claims_of(account, "count", rng):
        stated = account.claims[i].stated + rng.randrange(1, 4)
        yield functools.partial(_with_claim, account, i, stated=stated)


def _wrong_sum(account: FinalAccount, rng: random.Random) -> Iterator[Edit]:
    for i in _claims_of(account, "sum", rng):
        stated = account.claims[i].stated + rng.randrange(1, 6)
        yield functools.partial(_with_claim, account, i, stated=stated)


def _rederived(account: FinalAccount, k: int, project: Project) -> FinalAccount:
    """``account`` with project ``k`` replaced; its total row and the overall score follow its row scores."""
    total = (project.execution_score or Decimal(0)) + (project.stated_indicator_total or Decimal(0))
    projects = (*account.projects[:k], attrs.evolve(project, stated_total=total), *account.projects[k + 1 :])
    account = attrs.evolve(account, projects=projects)
    totals = [Fraction(p.stated_total or 0) for p in projects]
    for i, claim in enumerate(account.claims):
        if claim.kind.value == "score" and claim.subject.startswith("projects[?"):
            account = _with_claim(account, i, stated=published(sum(totals, Fraction(0)) / len(totals)))
    return account


def _indicator_places(account: FinalAccount, rng: random.Random) -> list[tuple[int, int]]:
    found = [(k, j) for k, p in enumerate(account.projects) for j in range(len(p.indicators))]
    rng.shuffle(found)
    return found


def _edit_indicator(account: FinalAccount, k: int, j: int, **changes: Any) -> FinalAccount:
    project = account.projects[k]
    return _rederived(account, k, attrs.evolve(project, indicators=_replace(project.indicators, j, **changes)))


def _short_indicators(account: FinalAccount, rng: random.Random) -> Iterator[tuple[int, int, dict[str, Any]]]:
    """Indicators that fall short (positive, actual below target): as they are, then made to."""
    made = []
    for k, j in _indicator_places(account, rng):
        ind = account.projects[k].indicators[j]
        target, actual = ind.target_value, ind.actual_value
        if ind.operator.value != "≥" or target is None or actual is None or target <= 1:
            continue
        if actual < target:
            yield k, j, {}
        else:
            new = Decimal(int(target) // 2)
            score = published(Fraction(new) / Fraction(target) * Fraction(ind.weight), 0)
            made.append((k, j, {"actual": str(new), "stated_score": score, "reason": "受客观因素影响未完成"}))
    yield from made


def _wrong_indicator_score(account: FinalAccount, rng: random.Random) -> Iterator[Edit]:
    for k, j, changes in _short_indicators(account, rng):
        ind = account.projects[k].indicators[j]
        right = changes.get("stated_score", ind.stated_score) or Decimal(0)
        for step in rng.sample((1, 2, 3, -1, -2, -3), 6):
            wrong = right + step
            if 0 <= wrong <= ind.weight:
                yield functools.partial(_edit_indicator, account, k, j, **{**changes, "stated_score": wrong})


def _shortfall_without_reason(account: FinalAccount, rng: random.Random) -> Iterator[Edit]:
    for k, j, changes in _short_indicators(account, rng):
        yield functools.partial(_edit_indicator, account, k, j, **{**changes, "reason": ""})


def _missing_actual(account: FinalAccount, rng: random.Random) -> Iterator[Edit]:
    for k, j in _indicator_places(account, rng):
        if (account.projects[k].indicators[j].stated_score or 0) > 0:
            yield functools.partial(_edit_indicator, account, k, j, actual=None)


def _deducted_without_reason(account: FinalAccount, rng: random.Random) -> Iterator[Edit]:
    for k, j in _indicator_places(account, rng):
        ind = account.projects[k].indicators[j]
        target, actual = ind.target_value, ind.actual_value
        if ind.operator.value == "≥" and target is not None and actual is not None and actual >= target:
            score = ind.weight - rng.randrange(1, 4)
            yield functools.partial(_edit_indicator, account, k, j, stated_score=score, reason="")


def _template_text(account: FinalAccount, rng: random.Random) -> Iterator[Edit]:
    passage = Passage(section=rng.choice(("一", "七", "十（一）")), text=rng.choice(_TEMPLATE_TEXTS))
    yield lambda: attrs.evolve(account, passages=(*account.passages, passage))


def _item_under_wrong_section(account: FinalAccount, rng: random.Random) -> Iterator[Edit]:
    """A 项 line printed under another 款 of its own 类."""
    categories = account.general_budget.categories
    for c, cls in enumerate(categories):
        for s_, section in enumerate(cls.children):
            others = [o.name for o in cls.children if o.name != section.name]
            rng.shuffle(others)
            for i, item in enumerate(section.children):
                for other in others:
                    printed = f"{cls.name}（类）{other}（款）{item.name}（项）"
                    yield functools.partial(_with_item, account, c, s_, i, printed)


def _with_item(account: FinalAccount, c: int, s_: int, i: int, printed: str) -> FinalAccount:
    gb = account.general_budget
    cls = gb.categories[c]
    section = cls.children[s_]
    section = attrs.evolve(section, children=_replace(section.children, i, printed=printed))
    cls = attrs.evolve(cls, children=(*cls.children[:s_], section, *cls.children[s_ + 1 :]))
    categories = (*gb.categories[:c], cls, *gb.categories[c + 1 :])
    return attrs.evolve(account, general_budget=attrs.evolve(gb, categories=categories))


def _explanation_sum(account: FinalAccount, rng: random.Random) -> Iterator[Edit]:
    for i, exp in enumerate(account.explanations):
        j = rng.randrange(len(exp.contributions))
        amount = exp.contributions[j].amount + Money(_offset(rng, 1, 20))
        contributions = _replace(exp.contributions, j, amount=amount)
        explanations = _replace(account.explanations, i, contributions=contributions)
        yield functools.partial(attrs.evolve, account, explanations=explanations)


def _unbalanced(account: FinalAccount, rng: random.Random) -> Iterator[Edit]:
    """Last year's 支出总计 differs from last year's 收入总计; its change and growth follow it."""
    total = account.expenditure.total
    assert total.current is not None and total.previous is not None
    previous = total.previous + Money(_offset(rng, 10, 90))
    change = total.current - previous
    growth = published(Fraction(change.amount) / Fraction(previous.amount) * 100)
    edited = attrs.evolve(account, expenditure=attrs.evolve(account.expenditure, total=Figure(total.current, previous)))
    for i, claim in enumerate(edited.claims):
        if claim.subject == "expenditure.total" and claim.kind.value in ("change", "growth"):
            edited = _with_claim(edited, i, stated=change.amount if claim.kind.value == "change" else growth)
    yield lambda: edited


def _reception_events(account: FinalAccount, rng: random.Random) -> Iterator[Edit]:
    tp = account.three_public
    for k in rng.sample(range(len(tp.events)), len(tp.events)):
        cost = tp.events[k].cost_yuan + Money(rng.randrange(500, 5000))
        three_public = attrs.evolve(tp, events=_replace(tp.events, k, cost_yuan=cost))
        yield functools.partial(attrs.evolve, account, three_public=three_public)


def _chart_value(account: FinalAccount, rng: random.Random) -> Iterator[Edit]:
    """A chart of 收入总计 this year and last whose first bar is off."""
    total = account.income.total
    assert total.current is not None and total.previous is not None
    wrong = total.current + Money(_offset(rng, 10, 500))
    chart = Chart(
        number=1,
        title="收、支决算总计变动情况图",
        kind="柱状图",
        data_title="收、支决算总计变动情况图",
        labels=(f"{account.year}年", f"{account.previous_year}年"),
        values=(str(wrong.amount), str(total.previous.amount)),
        subjects=("income.total.current", "income.total.previous"),
    )
    yield lambda: attrs.evolve(account, charts=(*account.charts, chart))


_INJECTORS: Mapping[str, Callable[[FinalAccount, random.Random], Iterable[Edit]]] = MappingProxyType(
    {
        "wrong_total": _wrong_total,
        "wrong_growth": _wrong_growth,
        "wrong_share": _wrong_share,
        "truncated_share": _truncated_share,
        "nudged_shares": _nudged_shares,
        "zero_base": _zero_base,
        "wrong_count": _wrong_count,
        "wrong_indicator_score": _wrong_indicator_score,
        "missing_actual": _missing_actual,
        "deducted_without_reason": _deducted_without_reason,
        "template_text": _template_text,
        "item_under_wrong_section": _item_under_wrong_section,
        "wrong_change": _wrong_change,
        "wrong_completion": _wrong_completion,
        "wrong_sum": _wrong_sum,
        "explanation_sum": _explanation_sum,
        "unbalanced": _unbalanced,
        "reception_events": _reception_events,
        "shortfall_without_reason": _shortfall_without_reason,
        "chart_value": _chart_value,
    }
)
