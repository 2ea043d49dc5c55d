"""Identities of the final account (DOMAIN.md §3): totals equal the sum of their parts.

Every check runs on printed precision (see :mod:`budgetkit.interval`); a
figure the report does not print skips the identities it appears in.
"""

from __future__ import annotations

from collections.abc import Iterator

from budgetkit.context import Context
from budgetkit.finding import Finding, Part, Rule, Severity
from budgetkit.money import Money
from budgetkit.rules._sums import count_findings, sum_findings

_SOURCE_NAMES = (
    "一般公共预算财政拨款收入",
    "政府性基金预算财政拨款收入",
    "国有资本经营预算财政拨款收入",
    "上级补助收入",
    "事业收入",
    "经营收入",
    "附属单位上缴收入",
    "其他收入",
)
_PART_NAMES = ("基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出")


def _income(ctx: Context) -> Iterator[Finding]:
    inc = ctx.account.income
    yield from sum_findings(
        ctx,
        "identity.income_year_total",
        "income.year_total",
        "本年收入合计",
        "income of the year",
        inc.year_total.current,
        list(zip(_SOURCE_NAMES, (f.current for f in inc.sources()), strict=True)),
        Part.INCOME,
    )
    yield from sum_findings(
        ctx,
        "identity.income_total",
        "income.total",
        "收入总计",
        "total income",
        inc.total.current,
        [
            ("本年收入合计", inc.year_total.current),
            ("使用非财政拨款结余", inc.non_fiscal_balance_used.current),
            ("年初结转和结余", inc.opening_balance.current),
        ],
        Part.TOTALS,
    )


def _expenditure(ctx: Context) -> Iterator[Finding]:
    exp = ctx.account.expenditure
    yield from sum_findings(
        ctx,
        "identity.expenditure_year_total",
        "expenditure.year_total",
        "本年支出合计",
        "expenditure of the year",
        exp.year_total.current,
        list(zip(_PART_NAMES, (f.current for f in exp.parts()), strict=True)),
        Part.EXPENDITURE,
    )
    yield from sum_findings(
        ctx,
        "identity.expenditure_total",
        "expenditure.total",
        "支出总计",
        "total expenditure",
        exp.total.current,
        [
            ("本年支出合计", exp.year_total.current),
            ("结余分配", exp.surplus_distribution.current),
            ("年末结转和结余", exp.closing_balance.current),
        ],
        Part.TOTALS,
    )
    inc_total, exp_total = ctx.account.income.total, exp.total
    for year, a, b in (
        ("本年", inc_total.current, exp_total.current),
        ("上年", inc_total.previous, exp_total.previous),
    ):
        if a is not None and b is not None and a != b:
            yield ctx.finding(
                "identity.balance",
                Severity.ERROR,
                "expenditure.total",
                f"{year}收入总计{a.amount}万元与支出总计{b.amount}万元不相等",
                f"{'current' if year == '本年' else 'previous'} year: total income {a.amount} ≠ total expenditure {b.amount}",
                stated=b.amount,
                expected=a.amount,
                part=Part.TOTALS,
            )


def _cross_year(ctx: Context) -> Iterator[Finding]:
    opening = ctx.account.income.opening_balance.current
    closing_before = ctx.account.expenditure.closing_balance.previous
    if opening is not None and closing_before is not None and opening != closing_before:
        yield ctx.finding(
            "identity.cross_year",
            Severity.WARNING,
            "income.opening_balance",
            f"年初结转和结余{opening.amount}万元不等于上年年末结转和结余{closing_before.amount}万元（如有调整需说明）",
            f"opening balance {opening.amount} differs from last year's closing balance {closing_before.amount}",
            stated=opening.amount,
            expected=closing_before.amount,
            part=Part.TOTALS,
        )


def _fiscal(ctx: Context) -> Iterator[Finding]:
    fiscal = ctx.account.fiscal
    names = {"general_budget": "一般公共预算", "government_fund": "政府性基金预算", "state_capital": "国有资本经营预算"}
    for attr in fiscal.FUNDS:
        fund = getattr(fiscal, attr)
        left = [fund.opening.current, fund.income.current]
        right = [fund.expenditure.current, fund.closing.current]
        if None in left or None in right:
            continue
        lsum = Money.sum(x for x in left if x is not None)
        yield from sum_findings(
            ctx,
            "identity.fiscal_fund",
            f"fiscal.{attr}",
            f"{names[attr]}财政拨款年初结转和结余与本年收入之和",
            f"{attr}: opening + income",
            lsum,
            [("本年支出", right[0]), ("年末结转和结余", right[1])],
            Part.FISCAL,
        )
    spent = [getattr(fiscal, a).expenditure.current for a in fiscal.FUNDS]
    closing = [getattr(fiscal, a).closing.current for a in fiscal.FUNDS]
    if fiscal.total.current is not None and all(c is not None for c in closing):
        yield from sum_findings(
            ctx,
            "identity.fiscal_total",
            "fiscal.total",
            "财政拨款收、支总计",
            "fiscal appropriations total",
            fiscal.total.current,
            [(names[a] + "支出", s) for a, s in zip(fiscal.FUNDS, spent, strict=True)]
            + [(names[a] + "年末结转和结余", c) for a, c in zip(fiscal.FUNDS, closing, strict=True)],
            Part.FISCAL,
        )
    gb = ctx.account.general_budget.total.current
    gb_fund = fiscal.general_budget.expenditure.current
    if gb is not None and gb_fund is not None and gb != gb_fund:
        yield ctx.finding(
            "identity.fiscal_general_budget",
            Severity.ERROR,
            "fiscal.general_budget.expenditure",
            f"一般公共预算财政拨款支出在两处分别为{gb.amount}万元和{gb_fund.amount}万元",
            f"general-budget expenditure is stated as {gb.amount} and {gb_fund.amount}",
            stated=gb_fund.amount,
            expected=gb.amount,
            part=Part.FISCAL,
        )


def _general_budget(ctx: Context) -> Iterator[Finding]:
    gb = ctx.account.general_budget
    yield from sum_findings(
        ctx,
        "identity.general_budget_classes",
        "general_budget.total",
        "一般公共预算财政拨款支出",
        "general-budget expenditure",
        gb.total.current,
        [(c.name, c.actual if c.actual is not None else c.rolled_up()) for c in gb.categories],
        Part.GENERAL_BUDGET,
    )
    for i, category in enumerate(gb.categories):
        yield from _rollup(ctx, category, f"general_budget.categories[{i}]")
    yield from sum_findings(
        ctx,
        "identity.general_budget_split",
        "general_budget.total",
        "一般公共预算财政拨款支出",
        "general-budget expenditure",
        gb.total.current,
        [("基本支出", gb.basic.current), ("项目支出", gb.project.current)],
        Part.GENERAL_BUDGET,
    )
    yield from sum_findings(
        ctx,
        "identity.basic_split",
        "general_budget.basic",
        "一般公共预算财政拨款基本支出",
        "basic expenditure",
        gb.basic.current,
        [("人员经费", gb.personnel.current), ("公用经费", gb.public_use.current)],
        Part.GENERAL_BUDGET,
    )


def _rollup(ctx: Context, category: object, path: str) -> Iterator[Finding]:
    from budgetkit.category import ExpenseCategory

    assert isinstance(category, ExpenseCategory)
    if category.children and category.actual is not None:
        parts = [(c.name, c.actual if c.actual is not None else c.rolled_up()) for c in category.children]
        yield from sum_findings(
            ctx,
            "identity.category_rollup",
            path,
            f"{category.name}（{category.level.value}）",
            f"{category.level.value} {category.name}",
            category.actual,
            parts,
            Part.GENERAL_BUDGET,
        )
    for i, child in enumerate(category.children):
        yield from _rollup(ctx, child, f"{path}.children[{i}]")
    for field, label in (("basic", "基本支出"), ("project", "项目支出")):
        del field, label
    if category.basic is not None and category.project is not None and category.actual is not None:
        yield from sum_findings(
            ctx,
            "identity.category_split",
            path,
            f"{category.name}决算数",
            f"{category.name} actual",
            category.actual,
            [("基本支出", category.basic), ("项目支出", category.project)],
            Part.GENERAL_BUDGET,
        )


def _three_public(ctx: Context) -> Iterator[Finding]:
    tp = ctx.account.three_public
    part = Part.THREE_PUBLIC
    for year in ("current", "previous"):

        def at(figure: object, year: str = year) -> Money | None:
            value = getattr(figure, year)
            assert value is None or isinstance(value, Money)
            return value

        suffix = "" if year == "current" else "（上年）"
        yield from sum_findings(
            ctx,
            "identity.three_public_total",
            f"three_public.total.{year}",
            f'"三公"经费{suffix}',
            "three-public total",
            at(tp.total),
            [
                ("因公出国（境）费", at(tp.outbound)),
                ("公务用车购置及运行维护费", at(tp.vehicle)),
                ("公务接待费", at(tp.reception)),
            ],
            part,
        )
        yield from sum_findings(
            ctx,
            "identity.three_public_vehicle",
            f"three_public.vehicle.{year}",
            f"公务用车购置及运行维护费{suffix}",
            "official vehicles",
            at(tp.vehicle),
            [("公务用车购置费", at(tp.vehicle_purchase)), ("公务用车运行维护费", at(tp.vehicle_operation))],
            part,
        )
        yield from sum_findings(
            ctx,
            "identity.three_public_reception",
            f"three_public.reception.{year}",
            f"公务接待费{suffix}",
            "official reception",
            at(tp.reception),
            [("国内公务接待费", at(tp.reception_domestic)), ("外事接待费", at(tp.reception_foreign))],
            part,
        )
    if tp.events:
        yield from sum_findings(
            ctx,
            "identity.reception_events",
            "three_public.reception_domestic.current",
            "国内公务接待费",
            "domestic reception",
            tp.reception_domestic.current,
            [(f"{e.date}（{e.cost_yuan.amount}元）", e.cost) for e in tp.events],
            part,
        )
    yield from count_findings(
        ctx,
        "identity.vehicles_owned",
        "three_public.vehicles_owned",
        "公务用车保有量",
        "vehicles owned",
        tp.vehicles_owned,
        [n for _, n in tp.vehicles_owned_by_type],
        part,
    )
    assets = ctx.account.assets
    yield from count_findings(
        ctx,
        "identity.vehicles_by_use",
        "assets.vehicles",
        "车辆总数",
        "vehicles",
        assets.vehicles,
        [n for _, n in assets.vehicles_by_use],
        Part.OTHER,
    )
    if tp.vehicles_owned is not None and assets.vehicles is not None and tp.vehicles_owned > assets.vehicles:
        yield ctx.finding(
            "identity.vehicles_owned",
            Severity.ERROR,
            "three_public.vehicles_owned",
            f"公务用车{tp.vehicles_owned}辆多于国有资产中的车辆总数{assets.vehicles}辆",
            f"{tp.vehicles_owned} official vehicles but only {assets.vehicles} vehicles in the assets",
            stated=tp.vehicles_owned,
            expected=assets.vehicles,
            part=part,
        )


def _procurement(ctx: Context) -> Iterator[Finding]:
    pr = ctx.account.procurement
    yield from sum_findings(
        ctx,
        "identity.procurement",
        "procurement.total",
        "政府采购支出总额",
        "government procurement",
        pr.total.current,
        [("货物", pr.goods.current), ("工程", pr.works.current), ("服务", pr.services.current)],
        Part.OTHER,
    )
    checks = (
        ("授予中小企业合同金额", pr.sme.current, "政府采购支出总额", pr.total.current, "procurement.sme"),
        (
            "授予小微企业合同金额",
            pr.small_micro.current,
            "授予中小企业合同金额",
            pr.sme.current,
            "procurement.small_micro",
        ),
    )
    for label, part_value, whole_label, whole, path in checks:
        if part_value is not None and whole is not None and part_value > whole:
            yield ctx.finding(
                "identity.procurement_subset",
                Severity.ERROR,
                path,
                f"{label}{part_value.amount}万元大于{whole_label}{whole.amount}万元",
                f"{label} {part_value.amount} exceeds {whole_label} {whole.amount}",
                stated=part_value.amount,
                expected=f"≤ {whole.amount}",
                part=Part.OTHER,
            )


def _operating_costs(ctx: Context) -> Iterator[Finding]:
    cost = ctx.account.operating_costs.current
    unit_type = ctx.account.unit_type
    if cost is not None and not unit_type.reports_operating_costs and not cost.is_zero():
        yield ctx.finding(
            "identity.operating_costs_unit_type",
            Severity.ERROR,
            "operating_costs.current",
            f"机关运行经费只适用于行政单位和参公事业单位，{unit_type.value}应为0，报告为{cost.amount}万元",
            f"operating costs apply only to administrative units; a {unit_type.name} reports 0, not {cost.amount}",
            stated=cost.amount,
            expected="0",
            part=Part.OTHER,
        )


def _all(ctx: Context) -> Iterator[Finding]:
    for check in (
        _income,
        _expenditure,
        _cross_year,
        _fiscal,
        _general_budget,
        _three_public,
        _procurement,
        _operating_costs,
    ):
        yield from check(ctx)


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
            "identity.expenditure_year_total",
            "identity.expenditure_total",
            "identity.balance",
            "identity.cross_year",
            "identity.fiscal_fund",
            "identity.fiscal_total",
            "identity.fiscal_general_budget",
            "identity.general_budget_classes",
            "identity.category_rollup",
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
            "rounding.residue",
        ),
    ),
)
