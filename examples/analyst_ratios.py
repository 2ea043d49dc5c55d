"""The ratios an analyst computes from a 决算说明, worked on the built-in report.

A notebook-style script: each ``# %%`` cell runs on its own in an editor that
knows cells (VS Code, PyCharm, Spyder, Jupytext), or run the whole file:

    python examples/analyst_ratios.py

Every amount stays an exact ``Money`` (万元, a Decimal inside) and every rate a
``Ratio`` that is divided only when it is shown, rounded half-up (四舍五入).
Nothing passes through a float.
"""

# %% Load the report
from __future__ import annotations

from decimal import Decimal

from budgetkit import Money, Ratio, change, datasets, shares
from budgetkit.checks.scoring import score_project
from budgetkit.model.account import Figure
from budgetkit.values.formatting import format_money, format_percent

account = datasets.load("zigong-hr-2023")
print(f"{account.unit} {account.year}年度决算（{account.unit_type.value}）")


def stated_share(subject: str) -> Decimal | None:
    """The share the report prints for ``subject`` (a claim of kind ``share``), if any."""
    for claim in account.claims:
        if claim.kind.value == "share" and claim.subject == subject:
            return claim.stated
    return None


def yuan_each(amount: Money, count: int | Decimal) -> str:
    """``amount`` per unit counted, in 元 rounded half-up to the 分 (``--`` when the count is 0)."""
    each = Ratio(amount.yuan, count).rounded(2)
    return "--" if each is None else format_money(Money.from_yuan(each), unit="元")


# %% Income structure: each source's share of 本年收入合计
INCOME_SOURCES = {
    "general_budget": "一般公共预算财政拨款收入",
    "government_fund": "政府性基金预算财政拨款收入",
    "state_capital": "国有资本经营预算财政拨款收入",
    "superior_subsidy": "上级补助收入",
    "business": "事业收入",
    "operating": "经营收入",
    "affiliated": "附属单位上缴收入",
    "other": "其他收入",
}
print("\n== 收入结构（占本年收入合计） ==")
income_total = account.income.year_total
for field, label in INCOME_SOURCES.items():
    figure: Figure = getattr(account.income, field)
    if figure.current:  # the sources the report prints as non-zero
        print(f"{label}: {format_money(figure.current)}，占{format_percent(figure.share_of(income_total))}")

# %% Expenditure structure: 基本/项目 of 本年支出合计, 人员/公用 of 基本支出
print("\n== 支出结构 ==")
spending = account.expenditure
for label, figure, whole in (
    ("基本支出", spending.basic, spending.year_total),
    ("项目支出", spending.project, spending.year_total),
    ("人员经费（占基本支出）", account.general_budget.personnel, account.general_budget.basic),
    ("公用经费（占基本支出）", account.general_budget.public_use, account.general_budget.basic),
):
    assert figure.current is not None
    print(f"{label}: {format_money(figure.current)}，占{format_percent(figure.share_of(whole))}")

# %% Functional classes (类): plainly rounded shares, largest-remainder shares, and what was printed
print("\n== 一般公共预算财政拨款支出按功能分类（类） ==")
classes = [c for c in account.general_budget.categories if c.actual]
class_shares = shares([c.actual for c in classes if c.actual is not None])
for category, rounded, balanced in zip(classes, class_shares.rounded, class_shares.balanced, strict=True):
    printed = stated_share(f"general_budget.categories[{category.name}]")
    assert category.actual is not None
    print(
        f"{category.name}: {format_money(category.actual)}，四舍五入{rounded}%，"
        f"凑整到100%为{balanced}%，报告写{printed}%"
    )
print(f"四舍五入合计{sum(r for r in class_shares.rounded if r is not None)}%")

# %% Year-over-year changes, and whether the stated reasons add up to them
print("\n== 与上年相比 ==")
COMPARED = {
    "income.total": ("收入总计", account.income.total),
    "expenditure.total": ("支出总计", account.expenditure.total),
    "fiscal.total": ("财政拨款收、支总计", account.fiscal.total),
    "general_budget.total": ("一般公共预算财政拨款支出", account.general_budget.total),
}
for label, figure in COMPARED.values():
    moved = figure.change()
    if moved is not None:
        print(f"{label}: {format_money(moved.previous)} → {format_money(moved.current)}，{moved.describe()}")
for explanation in account.explanations:
    explained = Money.sum(part.amount for part in explanation.contributions)
    label = COMPARED[explanation.subject][0] if explanation.subject in COMPARED else explanation.subject
    print(
        f"{label}变动原因{len(explanation.contributions)}项合计{format_money(explained)}，"
        f"所解释的变动{format_money(explanation.change)}，差额{format_money(explained - explanation.change)}"
    )

# %% Budget execution per project: 年初预算 → 调整后预算 → 执行数
print("\n== 项目预算执行 ==")
for project in account.projects:
    line = project.funds.total
    if line.initial is None or line.adjusted is None or line.executed is None:
        continue
    adjustment = change(line.adjusted, line.initial)  # 持平, or 增加/减少…万元 with the rate
    print(
        f"{project.name}: 年初{format_money(line.initial)} → 调整后{format_money(line.adjusted)}"
        f"（{adjustment.describe()}）→ 执行{format_money(line.executed)}，"
        f"执行率{format_percent(project.execution_rate)}"
    )

# %% Unit costs: 公务接待 per person and per batch, project money per unit of output
print("\n== 单位成本 ==")
events = account.three_public.events
reception = Money.sum(event.cost for event in events)
persons = sum(event.persons for event in events)
print(f"公务接待{len(events)}批次{persons}人次，共{format_money(reception, unit='元')}")
print(f"公务接待 每人次{yuan_each(reception, persons)}，每批次{yuan_each(reception, len(events))}")
dearest = max(events, key=lambda event: Ratio(event.cost.amount, event.persons))
print(f"人均最高的一次：{dearest.date} {dearest.party}，每人次{yuan_each(dearest.cost, dearest.persons)}")

# An analyst's picks: the output indicator that measures what each project's money buys.
OUTPUTS = (
    ("51030023T000008352755", ("组织全市因病非因工劳动能力鉴定数", "组织全市工伤职工劳动能力鉴定数"), "人"),
    ("51030023T000008349584", ("组织发动劳动者参与人次",), "人次"),
    ("市人力资源服务中心档案专项", ("档案增长量",), "份"),
    ("51030022T000006696080", ("人才网站发布岗位信息数量",), "条"),
)
for key, indicator_names, unit in OUTPUTS:
    project = account.project(key)
    executed = project.funds.total.executed
    assert executed is not None
    count = sum(
        (i.actual_value for i in project.indicators if i.name in indicator_names and i.actual_value is not None),
        Decimal(0),
    )
    print(f"{project.name}: {format_money(executed)} ÷ {count}{unit} = 每{unit}{yuan_each(executed, count)}")

# %% Self-evaluation: the rule total beside the stated one, and money spent per stated point
print("\n== 绩效自评 ==")
for project in account.evaluated_projects:
    executed = project.funds.total.executed
    stated = project.stated_total
    if executed is None or stated is None:
        continue
    rule_total = score_project(project).rule_total_rounded(2)
    print(
        f"{project.label}: 自评{stated}分，按评分规则{'--' if rule_total is None else rule_total}分，"
        f"执行{format_money(executed)}，每分{yuan_each(executed, stated)}"
    )
