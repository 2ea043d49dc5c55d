"""Identities of the final account (DOMAIN.md §3): totals equal the sum of their parts.

Every check runs on printed precision (see :mod:`budgetkit.values.interval`); a
figure the report does not print skips the identities it appears in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import Final, TypeAlias

import attrs

from budgetkit.checks.context import Context, Rule, make_finding
from budgetkit.checks.finding import Finding, Part, Words
from budgetkit.checks.rules.forms import COMPARISONS, compare, sum_reaches
from budgetkit.checks.rules.sums import CountCheck, SumCheck
from budgetkit.model.account import ExpenseSide, Figure, FinalAccount, Income, UnitType
from budgetkit.model.category import ExpenseCategory
from budgetkit.reference.vocabulary import (
    FIGURE_LABELS,
    FUND_NAMES,
    THREE_PUBLIC_COUNTS,
    THREE_PUBLIC_LABELS,
    YEAR_WORDS,
)
from budgetkit.values.money import Money
from budgetkit.values.numbers import plain

__all__ = ["COMPARISONS", "RULES", "Check", "Comparison", "CountCheck", "SumCheck", "checks"]


@attrs.frozen
class Comparison:
    """One figure judged against another (or alone), as data: ``kind`` names the test, see :data:`COMPARISONS`.

    ``variant`` says which instance of the test it is (the year, the subset, the unit type).

    >>> Comparison("balance", "本年", Money("2.00"), Money("2.00")).fails
    False
    """

    kind: str
    variant: str
    left: Money | int | None
    right: Money | int | None

    @property
    def words(self) -> Words:
        """What the test holds, in Chinese and in English (where a skipped test is listed).

        >>> Comparison("balance", "上年", None, Money("2.00")).words
        Words(zh='上年收入总计 = 支出总计', en='previous year: total income = total expenditure')
        """
        return _NAMES[self.kind](self.variant)

    @property
    def fails(self) -> bool:
        """Whether the test fails (:func:`budgetkit.checks.rules.forms.compare`; an unknown kind raises)."""
        return compare(self.kind, self.left, self.right)

    def findings(self, zero_is_exact: bool = True) -> Iterator[Finding]:
        """The finding of a failed test (``zero_is_exact`` is not used: the test is exact)."""
        del zero_is_exact
        if self.fails:
            yield _RENDER[self.kind](self)


#: One identity of an account as data.
Check: TypeAlias = SumCheck | CountCheck | Comparison


#: The variants of ``balance`` besides 本年 and 上年: the 收入总计 and 支出总计 of 财政拨款 (表四), printed apart.
_FISCAL_BALANCE: Final = "财政拨款"


def _balance(c: Comparison) -> Finding:
    this_year = c.variant == "本年"
    whose = Words(*_balance_of(c.variant))
    path = "expenditure.total" if this_year else "expenditure.total.previous"  # last year's: the figure's previous
    return make_finding(
        "identity.balance",
        "fiscal.expenditure_total" if c.variant == _FISCAL_BALANCE else path,
        stated=c.right,
        expected=c.left,
        part=Part.TOTALS,
        year=whose,
        income=c.left,
        expenditure=c.right,
    )


def _cross_year_finding(c: Comparison) -> Finding:
    return make_finding("identity.cross_year", "income.opening_balance", stated=c.left, expected=c.right)


def _fiscal_general_budget(c: Comparison) -> Finding:
    return make_finding(
        "identity.fiscal_general_budget", "fiscal.general_budget.expenditure", stated=c.right, expected=c.left
    )


def _vehicles_over_assets(c: Comparison) -> Finding:
    return make_finding(
        "identity.vehicles_owned", "three_public.vehicles_owned", stated=c.left, expected=c.right, variant="over_assets"
    )


#: The two subset tests of 政府采购: (the part's path, the whole's path), by ``variant``.
_SUBSETS = {
    "sme": ("procurement.sme", "procurement.total"),
    "small_micro": ("procurement.small_micro", "procurement.sme"),
}


def _procurement_subset(c: Comparison) -> Finding:
    path, whole_path = _SUBSETS[c.variant]
    label, whole_label = FIGURE_LABELS[path], FIGURE_LABELS[whole_path]
    assert isinstance(c.right, Money)
    return make_finding(
        "identity.procurement_subset",
        path,
        stated=c.left,
        expected=f"≤ {plain(c.right.amount)}",  # at most the whole: text, the bound shown plain
        label=label,
        whole_label=whole_label,
        whole=c.right,
    )


#: Each 三公 amount and the count of what it paid for (团组, 车辆, 批次), by the comparison's variant (new ones last).
_COUNTED: Final = MappingProxyType(
    {
        "outbound": ("outbound", "outbound_groups"),
        "vehicle_purchase": ("vehicle_purchase", "vehicles_purchased"),
        "reception_domestic": ("reception_domestic", "domestic_batches"),
        "reception_foreign": ("reception_foreign", "foreign_batches"),
        "reception": ("reception", "reception_batches"),
        "reception_guests": ("reception_guests", "guest_batches"),
    }
)


def _three_public_counts(c: Comparison) -> Finding:
    figure, count = _COUNTED[c.variant]
    return make_finding(
        "identity.three_public_counts",
        f"three_public.{count}",
        stated=c.right,
        expected="0" if c.right else "≥ 1",
        label=FIGURE_LABELS[f"three_public.{figure}"],
        amount=c.left,
        counted=_label(count),
        unit=_unit(count),
    )


#: The parts of 公务接待 that Shanghai's template prints within a whole: (the part, the whole), by ``variant``: 外宾接待
#: within 国内公务接待 within 公务接待费; 接待外宾 批次 and 人次 within 公务接待's.
_RECEPTION_SUBSETS: Final = MappingProxyType(
    {
        "guests": ("reception_guests", "reception_domestic"),
        "domestic": ("reception_domestic", "reception"),
        "guest_batches": ("guest_batches", "reception_batches"),
        "guest_persons": ("guest_persons", "reception_persons"),
    }
)
#: The groups or batches of 三公 and the persons they count (a group, a batch, has at least one), by ``variant``.
_PERSONS: Final = MappingProxyType(
    {
        "outbound": ("outbound_groups", "outbound_persons"),
        "domestic": ("domestic_batches", "domestic_persons"),
        "foreign": ("foreign_batches", "foreign_persons"),
        "reception": ("reception_batches", "reception_persons"),
        "guests": ("guest_batches", "guest_persons"),
    }
)


#: The English words of the 三公 amounts a comparison names (the Chinese are their figure labels).
_AMOUNT_WORDS_EN: Final = MappingProxyType(
    {
        "outbound": "travel abroad",
        "vehicle_purchase": "vehicle purchase",
        "reception": "official reception",
        "reception_domestic": "domestic reception",
        "reception_foreign": "foreign-affairs reception",
        "reception_guests": "foreign guests",
    }
)


def _label(field: str) -> Words:
    """The words of a 三公 figure or count of the model (``reception_guests``, ``guest_batches``)."""
    if field in THREE_PUBLIC_COUNTS:
        what, _, what_en = THREE_PUBLIC_COUNTS[field]
        return Words(what, what_en)
    return Words(FIGURE_LABELS[f"three_public.{field}"], _AMOUNT_WORDS_EN[field])


def _unit(field: str) -> str:
    """The unit of a 三公 count of the model (个, 批次, 人次 …), or 万元 for one of its amounts."""
    return THREE_PUBLIC_COUNTS[field][1] if field in THREE_PUBLIC_COUNTS else "万元"


def _reception_subset(c: Comparison) -> Finding:
    part, whole = _RECEPTION_SUBSETS[c.variant]
    assert c.right is not None  # compared only where both are printed
    return make_finding(
        "identity.reception_subset",
        f"three_public.{part}",
        stated=c.left,
        expected=f"≤ {plain(c.right.amount if isinstance(c.right, Money) else c.right)}",
        label=_label(part),
        whole_label=_label(whole),
        whole=c.right,
        unit=_unit(part),
    )


def _count_persons(c: Comparison) -> Finding:
    groups, _ = _PERSONS[c.variant]
    none = not c.left  # 0 批次 of 86 人次: the persons belong to no group
    return make_finding(
        "identity.count_persons",
        f"three_public.{groups}",
        variant="none" if none else "",
        stated=c.left,
        expected="≥ 1" if none else f"≤ {c.right}",
        label=_label(groups),
        unit=_unit(groups),
        persons=c.right,
    )


def _operating_costs_public_use(c: Comparison) -> Finding:
    assert isinstance(c.right, Money)
    return make_finding(
        "identity.operating_costs_public_use",
        "operating_costs.current",
        stated=c.left,
        expected=f"≤ {plain(c.right.amount)}",
        public_use=c.right,
    )


def _operating_costs_finding(c: Comparison) -> Finding:
    unit_type = UnitType(c.variant)
    return make_finding(
        "identity.operating_costs_unit_type",
        "operating_costs.current",
        stated=c.left,
        expected=0,
        unit_type=Words(unit_type.value, unit_type.name),
    )


def _counted(field: str) -> Words:
    """A 三公 figure or count named with what it counts (接待外宾批次数, 因公出国（境）人次数)."""
    words = _label(field)
    if field not in THREE_PUBLIC_COUNTS:
        return words
    unit = _unit(field)
    return Words(f"{words.zh}{'' if unit in ('个', '辆') else unit}数", f"{words.en} ({unit})")


def _at_most(part: str, whole: str) -> Words:
    a, b = _counted(part), _counted(whole)
    return Words(f"{a.zh} ≤ {b.zh}", f"{a.en} ≤ {b.en}")


def _balance_of(variant: str) -> tuple[str, str]:
    """Whose 收入总计 and 支出总计 a ``balance`` comparison holds: this year's, last year's or 财政拨款's."""
    if variant == _FISCAL_BALANCE:
        return (_FISCAL_BALANCE, "fiscal appropriations")
    zh, en = YEAR_WORDS["current" if variant == "本年" else "previous"]
    return zh, f"{en} year"


def _balance_words(variant: str) -> Words:
    whose = _balance_of(variant)
    return Words(f"{whose[0]}收入总计 = 支出总计", f"{whose[1]}: total income = total expenditure")


def _counts_words(variant: str) -> Words:
    figure, count = _COUNTED[variant]
    amount, counted = _label(figure), _counted(count)
    return Words(f"{amount.zh}与{counted.zh}同为0或同不为0", f"{amount.en} and {counted.en}: both 0 or neither")


#: The English words of the 政府采购 figures the subset tests name (the Chinese are their figure labels).
_PROCUREMENT_WORDS_EN: Final = MappingProxyType(
    {
        "procurement.total": "procurement",
        "procurement.sme": "contracts to SMEs",
        "procurement.small_micro": "contracts to small and micro enterprises",
    }
)


def _procurement_words(variant: str) -> Words:
    part, whole = _SUBSETS[variant]
    return Words(
        f"{FIGURE_LABELS[part]} ≤ {FIGURE_LABELS[whole]}",
        f"{_PROCUREMENT_WORDS_EN[part]} ≤ {_PROCUREMENT_WORDS_EN[whole]}",
    )


def _operating_costs_words(variant: str) -> Words:
    return Words(f"{variant}的机关运行经费为0", f"operating costs of a {UnitType(variant).name} are 0")


#: What each kind of comparison holds, by its variant (where a skipped one is listed).
_NAMES: Mapping[str, Callable[[str], Words]] = MappingProxyType(
    {
        "balance": _balance_words,
        "cross_year": lambda _: Words(
            "年初结转和结余 = 上年年末结转和结余", "opening balance = last year's closing balance"
        ),
        "fiscal_general_budget": lambda _: Words(
            "一般公共预算财政拨款支出 = 财政拨款收入支出决算总表中的一般公共预算财政拨款支出",
            "general-budget expenditure = that of the fiscal appropriations table",
        ),
        "vehicles_over_assets": lambda _: Words("公务用车保有量 ≤ 车辆总数", "official vehicles held ≤ vehicles"),
        "procurement_subset": _procurement_words,
        "operating_costs_unit_type": _operating_costs_words,
        "three_public_counts": _counts_words,
        "reception_subset": lambda v: _at_most(*_RECEPTION_SUBSETS[v]),
        "count_persons": lambda v: _at_most(*_PERSONS[v]),
        "operating_costs_public_use": lambda _: Words("机关运行经费 ≤ 公用经费", "operating costs ≤ public-use funds"),
    }
)


_RENDER: Mapping[str, Callable[[Comparison], Finding]] = MappingProxyType(
    {
        "balance": _balance,
        "cross_year": _cross_year_finding,
        "fiscal_general_budget": _fiscal_general_budget,
        "vehicles_over_assets": _vehicles_over_assets,
        "procurement_subset": _procurement_subset,
        "operating_costs_unit_type": _operating_costs_finding,
        "three_public_counts": _three_public_counts,
        "reception_subset": _reception_subset,
        "count_persons": _count_persons,
        "operating_costs_public_use": _operating_costs_public_use,
    }
)


def _income(account: FinalAccount) -> Iterator[Check]:
    inc = account.income
    funds, others = Income.SOURCES[:3], Income.SOURCES[3:]
    # 财政拨款收入 printed as one figure stands for its three funds where they are not all printed (二 of a report
    # published as text): 本年收入合计 = 财政拨款收入 + the other sources, as 表二's columns add up
    sources = (
        ("fiscal", *others)
        if inc.fiscal.current is not None and any(getattr(inc, name).current is None for name in funds)
        else Income.SOURCES
    )
    yield SumCheck(
        "identity.income_year_total",
        "income.year_total",
        "本年收入合计",
        "income of the year",
        inc.year_total.current,
        tuple((FIGURE_LABELS[f"income.{name}"], getattr(inc, name).current) for name in sources),
        Part.INCOME,
    )
    yield SumCheck(
        "identity.income_total",
        "income.total",
        "收入总计",
        "total income",
        inc.total.current,
        (
            ("本年收入合计", inc.year_total.current),
            ("使用非财政拨款结余", inc.non_fiscal_balance_used.current),
            ("年初结转和结余", inc.opening_balance.current),
        ),
        Part.TOTALS,
    )
    if inc.fiscal.current is None:  # most reports print no 财政拨款收入 apart from its funds: nothing skipped
        return
    yield SumCheck(
        "identity.income_fiscal",
        "income.fiscal",
        FIGURE_LABELS["income.fiscal"],
        "fiscal appropriation income",
        inc.fiscal.current,
        tuple((FIGURE_LABELS[f"income.{name}"], getattr(inc, name).current) for name in Income.SOURCES[:3]),
        Part.INCOME,
    )


def _expenditure(account: FinalAccount) -> Iterator[Check]:
    exp = account.expenditure
    yield SumCheck(
        "identity.expenditure_year_total",
        "expenditure.year_total",
        "本年支出合计",
        "expenditure of the year",
        exp.year_total.current,
        tuple((FIGURE_LABELS[f"expenditure.{name}"], getattr(exp, name).current) for name in ExpenseSide.PARTS),
        Part.EXPENDITURE,
    )
    yield SumCheck(
        "identity.expenditure_total",
        "expenditure.total",
        "支出总计",
        "total expenditure",
        exp.total.current,
        (
            ("本年支出合计", exp.year_total.current),
            ("结余分配", exp.surplus_distribution.current),
            ("年末结转和结余", exp.closing_balance.current),
        ),
        Part.TOTALS,
    )
    inc_total, exp_total = account.income.total, exp.total
    yield Comparison("balance", "本年", inc_total.current, exp_total.current)
    yield Comparison("balance", "上年", inc_total.previous, exp_total.previous)


def _cross_year(account: FinalAccount) -> Iterator[Check]:
    opening = account.income.opening_balance.current
    closing_before = account.expenditure.closing_balance.previous
    yield Comparison("cross_year", "", opening, closing_before)


def _fiscal(account: FinalAccount) -> Iterator[Check]:
    fiscal = account.fiscal
    names = FUND_NAMES
    for attr in fiscal.FUNDS:
        fund = getattr(fiscal, attr)
        # the fund's 本年收入 is 表一's income of that fund where 表四 is not printed (八 states it: a text report)
        income = fund.income.current if fund.income.current is not None else getattr(account.income, attr).current
        left = [fund.opening.current, income]
        right = [fund.expenditure.current, fund.closing.current]
        if None in left or None in right:
            continue
        lsum = Money.sum(x for x in left if x is not None)
        yield SumCheck(
            "identity.fiscal_fund",
            f"fiscal.{attr}",
            f"{names[attr]}财政拨款年初结转和结余与本年收入之和",
            f"{attr}: opening + income",
            lsum,
            (("本年支出", right[0]), ("年末结转和结余", right[1])),
            Part.FISCAL,
        )
    spent = [getattr(fiscal, a).expenditure.current for a in fiscal.FUNDS]
    closing = [getattr(fiscal, a).closing.current for a in fiscal.FUNDS]
    if fiscal.total.current is not None and all(c is not None for c in closing):
        yield SumCheck(
            "identity.fiscal_total",
            "fiscal.total",
            "财政拨款收、支总计",
            "fiscal appropriations total",
            fiscal.total.current,
            tuple([(names[a] + "支出", s) for a, s in zip(fiscal.FUNDS, spent, strict=True)])
            + tuple((names[a] + "年末结转和结余", c) for a, c in zip(fiscal.FUNDS, closing, strict=True)),
            Part.FISCAL,
        )
    if account.tables.table("fiscal_summary") is None:  # else each is compared with 表四's line (table.figure)
        balances = list(_fiscal_balances(account))
        yield from balances
        yield from _fiscal_balance(account, balances)
    yield Comparison(
        "fiscal_general_budget", "", account.general_budget.total.current, fiscal.general_budget.expenditure.current
    )


def _fiscal_balances(account: FinalAccount) -> Iterator[SumCheck]:
    """四's totals over the funds (年初财政拨款结转和结余 …), each checked only where it and its parts are printed:
    where 表四 is not (where it is, each total is compared with its line, which 表四's own identities hold)."""
    fiscal = account.fiscal
    label = FIGURE_LABELS.__getitem__

    def balance(path: str, what_en: str, total: Money | None, *parts: tuple[str, Money | None]) -> Iterator[SumCheck]:
        if total is not None and all(amount is not None for _, amount in parts):
            yield SumCheck("identity.fiscal_balances", path, label(path), what_en, total, parts, Part.FISCAL)

    for end, what_en in (("opening", "opening balances"), ("expenditure", "expenditure"), ("closing", "closing balances")):
        funds = [(f"{FUND_NAMES[a]}财政拨款", getattr(getattr(fiscal, a), end).current) for a in fiscal.FUNDS]
        yield from balance(f"fiscal.{end}", f"fiscal appropriations' {what_en}", getattr(fiscal, end).current, *funds)
    total, spent_total = fiscal.total.current, fiscal.expenditure_total.current
    yield from balance(
        "fiscal.total", "fiscal appropriations' income total", total,
        (label("fiscal.opening"), fiscal.opening.current), ("本年财政拨款收入", _fiscal_income(account)),
    )  # fmt: skip
    yield from balance(
        "fiscal.expenditure_total", "fiscal appropriations' expenditure total",
        spent_total if spent_total is not None else total,
        (label("fiscal.expenditure"), fiscal.expenditure.current), (label("fiscal.closing"), fiscal.closing.current),
    )  # fmt: skip


def _fiscal_income(account: FinalAccount) -> Money | None:
    """本年财政拨款收入: 财政拨款收入 printed as one figure, else its funds' (表一's or 表四's). A fund printing nothing
    counts as none where it also spends and keeps nothing (财政拨款 all 一般公共预算, as the importer holds it);
    ``None`` where the 一般公共预算's is not printed or another fund's is unknown."""
    if account.income.fiscal.current is not None:
        return account.income.fiscal.current
    amounts: list[Money] = []
    for attr in account.fiscal.FUNDS:
        fund = getattr(account.fiscal, attr)
        amount = getattr(account.income, attr).current
        amount = amount if amount is not None else fund.income.current
        if amount is None:
            others = (fund.opening.current, fund.expenditure.current, fund.closing.current)
            if attr == "general_budget" or any(x is not None and not x.is_zero() for x in others):
                return None
            continue
        amounts.append(amount)
    return Money.sum(amounts)


def _fiscal_balance(account: FinalAccount, balances: list[SumCheck]) -> Iterator[Comparison]:
    """财政拨款收入总计 = 支出总计 where 四 prints them apart, unless a side of them that its parts decide (总计 =
    年初 + 本年收入, 支出总计 = 本年支出 + 年末, among ``balances``) is already found wrong: one slip, one finding.
    Where both sides add up, the two totals are still compared (总计 410 = 10 + 400 and 支出总计 411 = 406 + 5 do not
    balance)."""
    fiscal = account.fiscal
    spent_total = fiscal.expenditure_total.current
    if spent_total is None:
        return
    sides = [c for c in balances if c.path in ("fiscal.total", "fiscal.expenditure_total")]
    if not any(f.rule == c.code for c in sides for f in c.findings()):
        yield Comparison("balance", _FISCAL_BALANCE, fiscal.total.current, spent_total)


def _general_budget(account: FinalAccount) -> Iterator[Check]:
    gb = account.general_budget
    yield SumCheck(
        "identity.general_budget_classes",
        "general_budget.total",
        "一般公共预算财政拨款支出",
        "general-budget expenditure",
        gb.total.current,
        _printed_parts(gb.categories),
        Part.GENERAL_BUDGET,
    )
    for i, category in enumerate(gb.categories):
        yield from _rollup(category, f"general_budget.categories[{i}]")
    items = [line for category in gb.categories for line in category.walk() if not line.children]
    if _every_item(gb.total.current, items) and all(line.budget is not None for line in items):
        yield SumCheck(
            "identity.category_budgets",
            "general_budget.total.budget",
            "一般公共预算财政拨款支出预算数",
            "general-budget budget",
            gb.total.budget,
            tuple((f"{line.name}预算数", line.budget) for line in items),
            Part.GENERAL_BUDGET,
        )
    yield SumCheck(
        "identity.general_budget_split",
        "general_budget.total",
        "一般公共预算财政拨款支出",
        "general-budget expenditure",
        gb.total.current,
        (("基本支出", gb.basic.current), ("项目支出", gb.project.current)),
        Part.GENERAL_BUDGET,
    )
    yield SumCheck(
        "identity.basic_split",
        "general_budget.basic",
        "一般公共预算财政拨款基本支出",
        "basic expenditure",
        gb.basic.current,
        (("人员经费", gb.personnel.current), ("公用经费", gb.public_use.current)),
        Part.GENERAL_BUDGET,
    )


def _every_item(total: Money | None, items: list[ExpenseCategory]) -> bool:
    """Whether ``items`` are every 项 of the 一般公共预算财政拨款支出: their 决算 reach its total within their rounding
    (a 情况说明 that narrates its main lines only, with no 表五 to complete the tree, leaves some out)."""
    actuals = [line.actual.amount for line in items if line.actual is not None]
    return total is not None and bool(items) and len(actuals) == len(items) and sum_reaches(total.amount, actuals)


def _printed_parts(lines: tuple[ExpenseCategory, ...]) -> tuple[tuple[str, Money | None], ...]:
    """The printed amounts that make up ``lines``: a line without its own amount stands for its children's.

    Each printed figure carries its own rounding, so a 款 that is not printed counts as its 项, not as
    one figure worth their sum.
    """
    parts: list[tuple[str, Money | None]] = []
    for line in lines:
        if line.actual is not None or not line.children:
            parts.append((line.name, line.actual))
        else:
            parts.extend(_printed_parts(line.children))
    return tuple(parts)


def _rollup(category: ExpenseCategory, path: str) -> Iterator[Check]:
    if category.children and category.actual is not None:
        parts = _printed_parts(category.children)
        yield SumCheck(
            "identity.category_rollup",
            path,
            f"{category.name}（{category.level.value}）",
            f"{category.level.value} {category.name}",
            category.actual,
            parts,
            Part.GENERAL_BUDGET,
        )
    for i, child in enumerate(category.children):
        yield from _rollup(child, f"{path}.children[{i}]")
    if category.basic is not None and category.project is not None and category.actual is not None:
        yield SumCheck(
            "identity.category_split",
            path,
            f"{category.name}决算数",
            f"{category.name} actual",
            category.actual,
            (("基本支出", category.basic), ("项目支出", category.project)),
            Part.GENERAL_BUDGET,
        )


def _three_public(account: FinalAccount) -> Iterator[Check]:
    tp = account.three_public
    part = Part.THREE_PUBLIC
    for year in ("current", "previous", "budget"):  # the budgets add up as the 决算 do (表七's 预算数 columns)

        def at(figure: Figure, year: str = year) -> Money | None:
            value: Money | None = getattr(figure, year)
            return value

        suffix = {"current": "", "previous": "（上年）", "budget": "（预算）"}[year]
        if year == "budget" and all(at(f) is None for f in (tp.total, tp.outbound, tp.vehicle, tp.reception)):
            continue  # no 三公 budget printed: none to add up (and none listed as skipped)
        vehicle: tuple[tuple[str, Money | None], ...] = ((THREE_PUBLIC_LABELS["vehicle"], at(tp.vehicle)),)
        if at(tp.vehicle) is None and at(tp.vehicle_purchase) is not None and at(tp.vehicle_operation) is not None:
            # 公务用车购置费 and 运行维护费 printed as parts of their own (Hebei), their sum not printed
            vehicle = (
                (FIGURE_LABELS["three_public.vehicle_purchase"], at(tp.vehicle_purchase)),
                (FIGURE_LABELS["three_public.vehicle_operation"], at(tp.vehicle_operation)),
            )
        yield SumCheck(
            "identity.three_public_total",
            f"three_public.total.{year}",
            f'"三公"经费{suffix}',
            "three-public total",
            at(tp.total),
            ((THREE_PUBLIC_LABELS["outbound"], at(tp.outbound)), *vehicle, (THREE_PUBLIC_LABELS["reception"], at(tp.reception))),
            part,
        )
        yield SumCheck(
            "identity.three_public_vehicle",
            f"three_public.vehicle.{year}",
            f"{THREE_PUBLIC_LABELS['vehicle']}{suffix}",
            "official vehicles",
            at(tp.vehicle),
            (
                (FIGURE_LABELS["three_public.vehicle_purchase"], at(tp.vehicle_purchase)),
                (FIGURE_LABELS["three_public.vehicle_operation"], at(tp.vehicle_operation)),
            ),
            part,
        )
        yield SumCheck(
            "identity.three_public_reception",
            f"three_public.reception.{year}",
            f"{THREE_PUBLIC_LABELS['reception']}{suffix}",
            "official reception",
            at(tp.reception),
            (
                (FIGURE_LABELS["three_public.reception_domestic"], at(tp.reception_domestic)),
                (FIGURE_LABELS["three_public.reception_foreign"], at(tp.reception_foreign)),
            ),
            part,
        )
    if tp.events:
        yield SumCheck(
            "identity.reception_events",
            "three_public.reception_domestic.current",
            "国内公务接待费",
            "domestic reception",
            tp.reception_domestic.current,
            tuple((f"{e.date}（{plain(e.cost_yuan.amount)}元）", e.cost) for e in tp.events),
            part,
        )
    yield CountCheck(
        "identity.vehicles_owned",
        "three_public.vehicles_owned",
        "公务用车保有量",
        "vehicles owned",
        tp.vehicles_owned,
        tuple(n for _, n in tp.vehicles_owned_by_type),
        part,
    )
    assets = account.assets
    yield CountCheck(
        "identity.vehicles_by_use",
        "assets.vehicles",
        "车辆总数",
        "vehicles",
        assets.vehicles,
        tuple(n for _, n in assets.vehicles_by_use),
        Part.OTHER,
    )
    yield Comparison("vehicles_over_assets", "", tp.vehicles_owned, assets.vehicles)
    for variant, (figure, count) in _COUNTED.items():
        if getattr(tp, count) is not None:  # most reports print no count: nothing to compare, nothing skipped
            yield Comparison("three_public_counts", variant, getattr(tp, figure).current, getattr(tp, count))
    for variant, (within, whole) in _RECEPTION_SUBSETS.items():
        if variant == "domestic" and tp.reception_foreign.current is not None:
            continue  # 公务接待费 = 国内 + 外事 is an identity then: its finding says more
        left, right = getattr(tp, within), getattr(tp, whole)
        if isinstance(left, Figure):
            left, right = left.current, right.current
        if left is not None and right is not None:
            yield Comparison("reception_subset", variant, left, right)
    for variant, (groups, persons) in _PERSONS.items():
        if getattr(tp, groups) is not None and getattr(tp, persons) is not None:
            yield Comparison("count_persons", variant, getattr(tp, groups), getattr(tp, persons))


def _procurement(account: FinalAccount) -> Iterator[Check]:
    pr = account.procurement
    yield SumCheck(
        "identity.procurement",
        "procurement.total",
        "政府采购支出总额",
        "government procurement",
        pr.total.current,
        (("货物", pr.goods.current), ("工程", pr.works.current), ("服务", pr.services.current)),
        Part.OTHER,
    )
    yield Comparison("procurement_subset", "sme", pr.sme.current, pr.total.current)
    yield Comparison("procurement_subset", "small_micro", pr.small_micro.current, pr.sme.current)


def _operating_costs(account: FinalAccount) -> Iterator[Check]:
    unit_type = account.unit_type
    # Only a type known not to report it is held to 0: 其他 also stands for "not stated" (an imported 部门决算
    # covers units of several types), and accusing it would be a false error on a real report.
    if unit_type in (UnitType.PUBLIC_WELFARE_1, UnitType.PUBLIC_WELFARE_2):
        yield Comparison("operating_costs_unit_type", unit_type.value, account.operating_costs.current, None)
    # 机关运行经费 is the 日常公用经费 of the 一般公共预算财政拨款基本支出 (of the 行政 and 参公 units): part of 公用经费
    operating, public_use = account.operating_costs.current, account.general_budget.public_use.current
    if operating is not None and public_use is not None:  # compared only where both are printed
        yield Comparison("operating_costs_public_use", "", operating, public_use)


def checks(account: FinalAccount) -> Iterator[Check]:
    """Every identity of ``account`` as data, in the order the rule reports them.

    >>> from budgetkit import datasets
    >>> [c.code for c in checks(datasets.load("zigong-hr-2023")) if isinstance(c, SumCheck)][:2]
    ['identity.income_year_total', 'identity.income_total']
    """
    for part in (
        _income,
        _expenditure,
        _cross_year,
        _fiscal,
        _general_budget,
        _three_public,
        _procurement,
        _operating_costs,
    ):
        yield from part(account)


def _all(ctx: Context) -> Iterator[Finding]:
    for check in checks(ctx.account):
        yield from check.findings(ctx.zero_is_exact)


RULES = (
    Rule(
        code="identity",
        title="决算恒等式：合计等于各项之和、收入总计等于支出总计、跨年衔接",
        title_en="Account identities: totals equal their parts, income equals expenditure, years connect",
        func=_all,
        source="DOMAIN.md §3 [rule]; 财政部部门决算报表",
        codes=(
            "identity.income_year_total",
            "identity.income_total",
            "identity.income_fiscal",
            "identity.expenditure_year_total",
            "identity.expenditure_total",
            "identity.balance",
            "identity.cross_year",
            "identity.fiscal_fund",
            "identity.fiscal_total",
            "identity.fiscal_balances",
            "identity.fiscal_general_budget",
            "identity.general_budget_classes",
            "identity.category_rollup",
            "identity.category_budgets",
            "identity.category_split",
            "identity.general_budget_split",
            "identity.basic_split",
            "identity.three_public_total",
            "identity.three_public_vehicle",
            "identity.three_public_reception",
            "identity.reception_events",
            "identity.vehicles_owned",
            "identity.vehicles_by_use",
            "identity.procurement",
            "identity.procurement_subset",
            "identity.operating_costs_unit_type",
            "identity.three_public_counts",
            "identity.reception_subset",
            "identity.count_persons",
            "identity.operating_costs_public_use",
            "identity.parts_over_total",
            "rounding.residue",
        ),
    ),
)
