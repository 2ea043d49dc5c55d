"""Part Three (情况说明) of a 部门决算 in the national 2024 layout, written from its published tables.

A 部门决算 as issued to Shanghai departments prints nine tables and then one
情况说明 section per table (一 收入支出决算总体情况 … 九 国有资本经营预算), then
十 预算绩效管理情况 and 十一 其他重要事项 (DOMAIN.md §8). :func:`outline` writes
those sections in the template's sentences
(``samples/template-shanghai-2024.pdf``) and the Shanghai number style (two
decimals, no thousands separator: ``9746.50万元``, ``占100.00%``):

- every amount of sections 一 to 九 is the printing of the table the section
  explains (表一 for 一, 表五 for 五 …), so where a published report's text
  disagrees with its own tables, this text follows the table;
- what the tables do not print comes from the model: budgets and uses of the 项
  lines, the items of 人员经费 and 公用经费, the "三公" counts, last year's
  figures and the reasons for a change (only when the model keeps them),
  机关运行经费, 政府采购, 国有资产 and the evaluated projects;
- a rate with a zero base (完成预算 of a budget of 0, growth from 0) is left
  out, never printed as 0.00% or 100.00%, and a figure the model does not
  know is left out, never printed as 0.

Each number that is also a figure of the model, with the same value, is a
claim on that figure, so :func:`budgetkit.checks.audit.check` verifies the text
(a table printing that differs from the model's figure is already a finding of
the tables and makes no claim).

>>> from budgetkit import datasets
>>> from budgetkit.narrative.blocks import Paragraph
>>> account = datasets.load("putuo-planning-2024")
>>> [b.text for b in outline(account) if isinstance(b, Paragraph)][0]
'上海市普陀区规划和自然资源局2024年度收入支出总计9859.38万元。'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Final

from budgetkit.checks.scoring import grade
from budgetkit.model.account import Figure, FinalAccount
from budgetkit.model.category import ExpenseCategory
from budgetkit.model.claim import Claim, ClaimKind, PathError, resolve
from budgetkit.model.tables import Cell, Table
from budgetkit.narrative.blocks import Heading, Paragraph
from budgetkit.narrative.titles import SHANGHAI_SECTIONS, SHANGHAI_SUBSECTIONS, SHANGHAI_TITLE
from budgetkit.values.formatting import heading
from budgetkit.values.money import Money
from budgetkit.values.numbers import round_half_up
from budgetkit.values.ratio import Ratio

__all__ = ["outline", "uses_layout"]

# -- every word a reader sees ------------------------------------------------
_WORDS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "wan": "{amount}万元",
        "percent": "{rate}%",
        "share": "，占{rate}",
        "change": "与{year}年度相比，{what}{direction}{amount}",
        "growth": "，{word}{rate}",
        "flat": "与{year}年度相比，{what}持平",
        "increase": "增加",
        "decrease": "减少",
        "rises": "增长",
        "falls": "下降",
        "reason": "主要原因：{reason}",
        "reason_is": "主要原因是{reason}",
        # 一 二 三 四
        "grand_total": "{unit}{year}年度收入支出总计{amount}",
        "grand_what": "收入支出总计",
        "year_income": "本年收入合计{amount}，其中：{items}",
        "year_expenditure": "本年支出合计{amount}，其中：{items}",
        "part": "{label}{amount}{share}",
        "fiscal_total": "{unit}{year}年度财政拨款收入支出总计{amount}",
        "fiscal_what": "财政拨款收入支出总计",
        # 五
        "general_total": "一般公共预算财政拨款支出{amount}{share}",
        "general_of_year": "，占本年支出合计的{rate}",
        "general_what": "一般公共预算财政拨款支出",
        "general_uses": "一般公共预算财政拨款支出{amount}，主要用于以下方面：{items}",
        "class_part": "{name}（类）{amount}{share}",
        "general_budget": "一般公共预算财政拨款支出年初预算为{budget}，支出决算为{amount}{completion}",
        "general_actual": "一般公共预算财政拨款支出决算为{amount}",
        "completion": "，完成年初预算的{rate}",
        "of_which": "其中：",
        "line_name": "{n}、{cls}（类）{section}（款）{item}（项）",
        "line_printed": "{n}、{printed}",
        "line_use": "主要用于：{use}",
        "line_budget": "年初预算为{budget}，支出决算为{amount}{completion}",
        "line_actual": "支出决算为{amount}",
        "on_budget": "决算数同预算数持平",
        # 六
        "basic": "一般公共预算财政拨款基本支出{amount}",
        "basic_parts": "其中：{parts}",
        "basic_part": "{label}{amount}，主要包括：{items}",
        "basic_part_bare": "{label}{amount}",
        "personnel": "人员经费",
        "public_use": "公用经费",
        # 七
        "tp_none": "{unit}{year}年度无“三公”经费财政拨款支出",
        "tp_budget": "“三公”经费财政拨款支出年初预算为{budget}，支出决算为{amount}{completion}{items}",
        "tp_completion": "，完成预算的{rate}",
        "tp_of_which": "，其中：{items}",
        "tp_item_outbound": "因公出国（境）费决算为{amount}{completion}",
        "tp_item_vehicle": "公务用车购置及运行维护费支出决算为{amount}{completion}",
        "tp_item_reception": "公务接待费支出决算为{amount}{completion}",
        "tp_change": "{year}年度“三公”经费财政拨款支出决算数比{previous}年度{direction}{amount}{growth}",
        "tp_flat": "{year}年度“三公”经费财政拨款支出决算数与{previous}年度持平",
        "tp_item_change": "{label}支出决算{direction}{amount}{growth}",
        "tp_item_flat": "{label}支出与上一年度持平",
        "tp_item_reason": "{label}支出{direction}的主要原因是{reason}",
        "tp_shares": "“三公”经费财政拨款支出决算中，{items}",
        "tp_share": "{label}支出决算{amount}{share}",
        "as_follows": "具体情况如下：",
        "outbound": "{n}、因公出国（境）费支出{amount}",
        "outbound_trips": "全年安排因公出国（境）团组{groups}个、累计{persons}人次",
        "vehicle": "{n}、公务用车购置及运行维护费支出{amount}",
        "vehicle_purchase": "其中：公务用车购置支出为{amount}",
        "vehicle_operation": "公务用车运行维护支出{amount}",
        "vehicles_owned": "{year}年，{unit}所属各预算单位开支财政拨款的公务用车保有量为{count}辆",
        "reception": "{n}、公务接待费支出{amount}",
        "reception_domestic": "其中：国内公务接待支出{amount}（含外宾接待支出{guests}）",
        "reception_domestic_bare": "其中：国内公务接待支出{amount}",
        "reception_counts": "列明公务接待{batches}批次、{persons}人次",
        "guest_counts": "，其中：接待外宾{batches}批次、{persons}人次",
        "tp_labels_outbound": "因公出国（境）费",
        "tp_labels_vehicle": "公务用车购置及运行维护费",
        "tp_labels_reception": "公务接待费",
        # 八 九
        "fund_none": "{unit}{year}年度无政府性基金预算财政拨款收入和支出",
        "fund_spent": "政府性基金预算财政拨款收入{income}，支出{amount}，支出具体情况如下：",
        "capital_none": "{unit}{year}年度无国有资本经营预算财政拨款收入和支出",
        "capital_spent": "国有资本经营预算财政拨款收入{income}，支出{amount}，支出具体情况如下：",
        # 十
        "evaluated": "绩效自评的{year}年度项目{count}个，涉及预算金额{amount}，平均得分{score}分",
        "grades": "（其中，{items}）",
        "grade_count": "绩效评级为“{grade}”的项目{count}个",
        # 十一
        "operating_costs": "机关运行经费支出{amount}",
        "operating_costs_none": "{unit}{year}年度无机关运行经费支出",
        "than_year": "，比{year}年度{direction}{amount}{growth}",
        "than_year_flat": "，与{year}年度持平",
        "procurement": "{unit}{year}年度政府采购金额（以合同签订为准）为{amount}",
        "procurement_parts": "，其中：{items}",
        "procurement_goods": "货物采购金额{amount}",
        "procurement_works": "工程采购金额{amount}",
        "procurement_services": "服务采购金额{amount}",
        "sme": "在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额{amount}",
        "small_micro": "在面向小微企业预留政府采购项目中，由小微企业供应商中标或成交的，采购金额{amount}",
        "assets": "截至{year}年12月31日，{unit}共有车辆{count}辆",
        "assets_by_use": "，其中：{items}",
        "assets_use": "{use}{count}辆",
        "equipment": "单价100万元（含）以上设备（不含车辆）{count}台（套）",
    }
)
# The parts of 本年收入合计 (表二's columns) and 本年支出合计 (表三's), with their labels.
_INCOME_PARTS: Final = (
    ("fiscal", "财政拨款收入"),
    ("superior_subsidy", "上级补助收入"),
    ("business", "事业收入"),
    ("operating", "经营收入"),
    ("affiliated", "附属单位上缴收入"),
    ("other", "其他收入"),
)
_EXPENDITURE_PARTS: Final = (
    ("basic", "基本支出"),
    ("project", "项目支出"),
    ("to_superior", "上缴上级支出"),
    ("operating", "经营支出"),
    ("to_affiliated", "对附属单位补助支出"),
)
_THREE_PUBLIC: Final = ("outbound", "vehicle", "reception")
#: the grades of the scoring rules as the Shanghai template names them (绩效评级)
_GRADES: Final[Mapping[str, str]] = MappingProxyType({"优": "优", "良": "良", "中": "合格", "差": "不合格"})
# ----------------------------------------------------------------------------

_PLACES: Final = 2


def uses_layout(account: FinalAccount) -> bool:
    """Whether the account's narrative is written in this layout: it holds the published national tables.

    >>> from budgetkit import datasets
    >>> uses_layout(datasets.load("putuo-planning-2024")), uses_layout(datasets.load("zigong-hr-2023"))
    (True, False)
    """
    template_set = account.tables.template_set()
    return bool(account.tables.tables) and template_set is not None and template_set.name == "national-2024"


# -- numbers -------------------------------------------------------------------


def _digits(value: Decimal, places: int | None = None) -> str:
    """A number in the Shanghai style: as printed (or half-up to ``places``), never grouped, never -0."""
    if places is not None:
        value = round_half_up(value, places)
    text = format(value, "f")
    return "0" + text[2:] if text.startswith("-0") and not value else text


def _wan(value: Decimal) -> str:
    """An amount as printed, with 万元: a table's cell keeps its printed places."""
    return _WORDS["wan"].format(amount=_digits(value))


def _percent(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    """numerator / denominator in percent, half-up to two decimals; None when the base is 0."""
    return Ratio(numerator, denominator).percent(_PLACES)


def _percent_text(value: Decimal) -> str:
    return _WORDS["percent"].format(rate=_digits(value, _PLACES))


class _Writer:
    """Writes one account's paragraphs: the tables it reads, and the claims its numbers make."""

    def __init__(self, account: FinalAccount) -> None:
        self.account = account
        # a name ending in a digit (示例单位0) is set apart from the year printed after it: 示例单位0 2023年度, not 02023
        self.unit = f"{account.unit} " if account.unit[-1:].isdigit() else account.unit
        self.year = str(account.year)
        self.previous = str(account.previous_year)
        self.claims: list[tuple[ClaimKind, str, Decimal, str | None]] = []

    # reading -------------------------------------------------------------------

    def table(self, key: str) -> Table | None:
        return self.account.tables.table(key)

    def cell(self, table: str, row: str, column: str) -> Decimal | None:
        """A printed number (a blank reads None: the text never prints a blank as 0)."""
        cell: Cell | None = self.account.tables.cell(table, row, column)
        return None if cell is None or cell.is_blank else cell.amount

    def model(self, path: str) -> Decimal | None:
        """The model's value at ``path`` (a Figure's current amount, a line's actual), or None."""
        try:
            value: Any = resolve(self.account, path)
        except PathError:
            return None
        if isinstance(value, Figure):
            value = value.current
        elif isinstance(value, ExpenseCategory):
            value = value.actual if value.actual is not None else value.rolled_up()
        return value.amount if isinstance(value, Money) else None

    def same(self, path: str | None, value: Decimal) -> bool:
        """Whether the model's figure at ``path`` is the printed ``value`` (then the text can claim it)."""
        if path is None:
            return False
        held = self.model(path)
        return held is not None and held == value

    # writing with claims -------------------------------------------------------

    def amount(self, value: Decimal, path: str | None = None) -> str:
        """The amount, claimed as the model's figure at ``path`` when that is the same number."""
        if path is not None and self.same(path, value):
            held: Any = resolve(self.account, path)
            subject = f"{path}.current" if isinstance(held, Figure) else f"{path}.actual"
            if isinstance(held, ExpenseCategory) and held.actual is None:
                subject = path
            self.claims.append((ClaimKind.AMOUNT, subject, value, None))  # stated as printed
        return _wan(value)

    def share(
        self, key: str, part: Decimal, whole: Decimal, subject: str | None = None, base: str | None = None
    ) -> str:
        """ "，占…%" (or the wording ``key``) of part in whole; "" when the whole is 0."""
        rate = _percent(part, whole)
        if rate is None:
            return ""
        if subject is not None and base is not None and self.same(subject, part) and self.same(base, whole):
            self.claims.append((ClaimKind.SHARE, subject, rate, base))
        return _WORDS[key].format(rate=_percent_text(rate))

    def completion(self, key: str, actual: Decimal, budget: Decimal | None, subject: str | None = None) -> str:
        """ "，完成年初预算的…%" (or ``key``); "" when the budget is unknown or 0."""
        rate = None if budget is None else _percent(actual, budget)
        if rate is None or budget is None:
            return ""
        if subject is not None and self._budget_of(subject) == budget and self.same(subject, actual):
            self.claims.append((ClaimKind.COMPLETION, subject, rate, None))
        return _WORDS[key].format(rate=_percent_text(rate))

    def _budget_of(self, path: str) -> Decimal | None:
        try:
            held: Any = resolve(self.account, path)
        except PathError:
            return None
        budget = getattr(held, "budget", None)
        return budget.amount if isinstance(budget, Money) else None

    def change(self, path: str, current: Decimal, what: str) -> str | None:
        """与上年度相比，…增加（减少）…万元，增长（下降）…%; None when last year is unknown."""
        figure = resolve(self.account, path)
        if not isinstance(figure, Figure) or figure.previous is None or figure.current != Money(current):
            return None
        previous = figure.previous.amount
        if current == previous:
            self.claims.append((ClaimKind.CHANGE, path, Decimal(0), None))
            return _WORDS["flat"].format(year=self.previous, what=what)
        difference = round_half_up(current - previous, _PLACES)
        self.claims.append((ClaimKind.CHANGE, path, difference, None))
        text = _WORDS["change"].format(
            year=self.previous,
            what=what,
            direction=_WORDS["increase" if difference > 0 else "decrease"],
            amount=_wan(abs(difference)),
        )
        return text + self.growth(path, current, previous)

    def growth(self, path: str, current: Decimal, previous: Decimal) -> str:
        """ "，增长（下降）…%" of current on previous; "" when last year was 0 (the rate is undefined)."""
        rate = _percent(current - previous, abs(previous))
        if rate is None:
            return ""
        self.claims.append((ClaimKind.GROWTH, path, rate, None))
        word = _WORDS["rises" if current > previous else "falls"]
        return _WORDS["growth"].format(word=word, rate=_percent_text(abs(rate)))

    def reason(self, subject: str) -> str | None:
        """主要原因：… as the model's explanation of ``subject`` states it, or None."""
        for explanation in self.account.explanations:
            if explanation.subject == subject:
                reason = " ".join(explanation.reason.split()).rstrip("。")
                if reason:
                    return _WORDS["reason"].format(reason=reason.removeprefix("主要原因是").removeprefix("主要原因："))
        return None

    def paragraph(self, section: str, *sentences: str | None, end: str = "。") -> Paragraph | None:
        """The present sentences joined by 。, with the claims written since the last paragraph."""
        present = [s for s in sentences if s]
        claims, self.claims = self.claims, []
        if not present:
            return None
        text = "。".join(present) + end
        return Paragraph(
            section,
            text,
            tuple(
                Claim(kind=kind, subject=subject, stated=stated, base=base, text=text, section=section)
                for kind, subject, stated, base in claims
            ),
        )


# -- the sections --------------------------------------------------------------

_Built = list[Paragraph | None]


def _total(w: _Writer, section: str, table: str, cell: str, path: str, words: str) -> _Built:
    """A section's grand total printed in ``table`` (cell ``cell``), its change on last year and the reason,
    worded by ``_WORDS[words + "_total"]`` and ``_WORDS[words + "_what"]``, when the model keeps them."""
    total = w.cell(table, cell, "amount")
    if total is None:
        return []
    return [
        w.paragraph(
            section,
            _WORDS[f"{words}_total"].format(unit=w.unit, year=w.year, amount=w.amount(total, path)),
            w.change(path, total, _WORDS[f"{words}_what"]),
            w.reason(path),
        )
    ]


def _grand_total(w: _Writer, section: str) -> _Built:
    """一: 收入支出总计 (表一)."""
    return _total(w, section, "summary", "income.total", "income.total", "grand")


def _parts(
    w: _Writer, section: str, table: str, parts: Sequence[tuple[str, str]], whole_column: str, root: str, key: str
) -> _Built:
    """二 and 三: 本年收入（支出）合计 of 表二 (表三) and each printed part with its share."""
    whole = w.cell(table, "total", whole_column)
    if whole is None:
        return []
    base = f"{root}.year_total"
    items = []
    for column, label in parts:
        value = w.cell(table, "total", column)
        if value is None:
            continue
        subject = _model_path(w, root, column)
        items.append(
            _WORDS["part"].format(
                label=label, amount=w.amount(value, subject), share=w.share("share", value, whole, subject, base)
            )
        )
    return [w.paragraph(section, _WORDS[key].format(amount=w.amount(whole, base), items="；".join(items)))]


def _model_path(w: _Writer, root: str, column: str) -> str | None:
    """The model's figure for a part of 本年收入（支出）合计: 财政拨款收入 is 一般公共预算 when the other funds are not held."""
    if column != "fiscal":
        return f"{root}.{column}"
    others = (w.account.income.government_fund.current, w.account.income.state_capital.current)
    return "income.general_budget" if all(o is None or o.is_zero() for o in others) else None


def _income(w: _Writer, section: str) -> _Built:
    return _parts(w, section, "income", _INCOME_PARTS, "year_total", "income", "year_income")


def _expenditure(w: _Writer, section: str) -> _Built:
    return _parts(w, section, "expenditure", _EXPENDITURE_PARTS, "year_total", "expenditure", "year_expenditure")


def _fiscal(w: _Writer, section: str) -> _Built:
    """四: 财政拨款收入支出总计 (表四)."""
    return _total(w, section, "fiscal_summary", "fiscal.income_total", "fiscal.total", "fiscal")


def _general_total(w: _Writer, section: str) -> _Built:
    """五（一）: 一般公共预算财政拨款支出 (表五), its share of 本年支出合计 (表三), its change and the reason."""
    total = w.cell("general_budget_expenditure", "total", "total")
    if total is None:
        return []
    year_total = w.cell("expenditure", "total", "year_total")
    share = (
        ""
        if year_total is None
        else w.share("general_of_year", total, year_total, "general_budget.total", "expenditure.year_total")
    )
    return [
        w.paragraph(
            section,
            _WORDS["general_total"].format(amount=w.amount(total, "general_budget.total"), share=share),
            w.change("general_budget.total", total, _WORDS["general_what"]),
            w.reason("general_budget.total"),
        )
    ]


def _rows(table: Table | None, length: int) -> list[tuple[str, str, Decimal]]:
    """(code, printed name, 合计) of the rows whose code has ``length`` digits and a number printed."""
    if table is None:
        return []
    found = []
    for row in table.rows:
        cell = table.cell(row.key, "total")
        if row.code is not None and len(row.code) == length and cell is not None and not cell.is_blank:
            assert cell.amount is not None
            found.append((row.code, row.name, cell.amount))
    return found


def _general_structure(w: _Writer, section: str) -> _Built:
    """五（二）: each 类 of 表五 with its amount and share."""
    total = w.cell("general_budget_expenditure", "total", "total")
    classes = [r for r in _rows(w.table("general_budget_expenditure"), 3) if r[2]]
    if total is None or not classes:
        return []
    items = []
    for code, name, value in classes:
        path = f"general_budget.categories[{code}]"
        items.append(
            _WORDS["class_part"].format(
                name=name,
                amount=w.amount(value, path),
                share=w.share("share", value, total, path, "general_budget.total"),
            )
        )
    return [
        w.paragraph(
            section,
            _WORDS["general_uses"].format(amount=w.amount(total, "general_budget.total"), items="；".join(items)),
        )
    ]


def _line(w: _Writer, code: str) -> ExpenseCategory | None:
    """The model's line with ``code`` (its budget and use), or None."""
    return next((line for line in w.account.general_budget.lines() if line.code == code), None)


def _line_title(n: int, code: str, name: str, names: Mapping[str, str], line: ExpenseCategory | None) -> str:
    """ "n、类（类）款（款）项（项）" by the names the table prints; the model's printed path when a parent is not printed."""
    if code[:3] in names and code[:5] in names:
        return _WORDS["line_name"].format(n=n, cls=names[code[:3]], section=names[code[:5]], item=name)
    if line is not None and line.printed:
        return _WORDS["line_printed"].format(n=n, printed=line.printed)
    return _WORDS["line_printed"].format(n=n, printed=name)


def _general_detail(w: _Writer, section: str) -> _Built:
    """五（三）: the total against its budget, then each 项 of 表五 with its use, budget and completion."""
    table = w.table("general_budget_expenditure")
    total = w.cell("general_budget_expenditure", "total", "total")
    if table is None or total is None:
        return []
    items = [r for r in _rows(table, 7) if r[2]]
    budget = w.account.general_budget.total.budget
    path = "general_budget.total"
    if budget is not None:
        lead = _WORDS["general_budget"].format(
            budget=_wan(budget.amount),
            amount=w.amount(total, path),
            completion=w.completion("completion", total, budget.amount, path),
        )
    else:
        lead = _WORDS["general_actual"].format(amount=w.amount(total, path))
    built: _Built = [
        w.paragraph(section, lead, w.reason(path))
        if not items
        else w.paragraph(section, lead, w.reason(path), _WORDS["of_which"], end="")
    ]
    names = {row.code: row.name for row in table.rows if row.code is not None}
    for n, (code, name, value) in enumerate(items, start=1):
        line = _line(w, code)
        subject = f"general_budget.categories[{code}]"
        title = _line_title(n, code, name, names, line)
        use = None if line is None or not line.use.strip() else _WORDS["line_use"].format(use=line.use.strip())
        if line is not None and line.budget is not None:
            facts = _WORDS["line_budget"].format(
                budget=_wan(line.budget.amount),
                amount=w.amount(value, subject),
                completion=w.completion("completion", value, line.budget.amount, subject),
            )
            verdict = _WORDS["on_budget"] if line.budget.amount == value else None
        else:
            facts, verdict = _WORDS["line_actual"].format(amount=w.amount(value, subject)), None
        built.append(w.paragraph(f"{section}{n}", title, use, facts, verdict))
    return built


def _basic(w: _Writer, section: str) -> _Built:
    """六: 基本支出 (表五), 人员经费 and 公用经费 (表六) with the items the model lists (else 表六's 款)."""
    basic = w.cell("general_budget_expenditure", "total", "basic")
    if basic is None:
        return []
    general = w.account.general_budget
    table = w.table("basic_expenditure")
    parts = []
    for name, items in (("personnel", general.personnel_items), ("public_use", general.public_use_items)):
        value = w.cell("basic_expenditure", f"general_budget.{name}", "amount")
        if value is None:
            continue
        listed = items or _printed_items(
            table, ("301", "303") if name == "personnel" else ("302", "307", "309", "310", "399")
        )
        key = "basic_part" if listed else "basic_part_bare"
        parts.append(
            _WORDS[key].format(
                label=_WORDS[name], amount=w.amount(value, f"general_budget.{name}"), items="、".join(listed)
            )
        )
    return [
        w.paragraph(
            section,
            _WORDS["basic"].format(amount=w.amount(basic, "general_budget.basic")),
            _WORDS["basic_parts"].format(parts="；".join(parts)) if parts else None,
        )
    ]


def _printed_items(table: Table | None, classes: Sequence[str]) -> tuple[str, ...]:
    """The 款 of 表六 under ``classes`` with a nonzero amount, by printed name."""
    if table is None:
        return ()
    return tuple(
        row.name
        for row in table.rows
        if row.code is not None
        and len(row.code) == 5
        and row.code[:3] in classes
        and (cell := table.cell(row.key, "amount")) is not None
        and cell.value
    )


def _no_three_public(w: _Writer) -> bool:
    """Whether 表七 prints no "三公" spending (an empty table, or a total of nothing)."""
    table = w.table("three_public")
    return table is None or table.is_empty or w.cell("three_public", "three_public.total", "actual") is None


def _three_public_total(w: _Writer, section: str) -> _Built:
    """七（一）: the "三公" budget and actual (表七) with completions, then the change on last year."""
    actual = w.cell("three_public", "three_public.total", "actual")
    if _no_three_public(w) or actual is None:
        return [w.paragraph(section, _WORDS["tp_none"].format(unit=w.unit, year=w.year))]
    budget = w.cell("three_public", "three_public.total", "budget")
    items = []
    for name in _THREE_PUBLIC:
        value = w.cell("three_public", f"three_public.{name}", "actual")
        if value is None:
            continue
        path = f"three_public.{name}"
        items.append(
            _WORDS[f"tp_item_{name}"].format(
                amount=w.amount(value, path),
                completion=w.completion("tp_completion", value, w.cell("three_public", path, "budget"), path),
            )
        )
    path = "three_public.total"
    first = _WORDS["tp_budget"].format(
        budget=_wan(budget) if budget is not None else "",
        amount=w.amount(actual, path),
        completion=w.completion("tp_completion", actual, budget, path),
        items=_WORDS["tp_of_which"].format(items="；".join(items)) if items else "",
    )
    return [w.paragraph(section, first, w.reason(path), _three_public_change(w, actual))]


def _three_public_change(w: _Writer, actual: Decimal) -> str | None:
    """The "三公" total against last year, then each item's change and the reasons the model keeps."""
    figure = w.account.three_public.total
    if figure.previous is None or figure.current != Money(actual):
        return None
    previous = figure.previous.amount
    path = "three_public.total"
    if previous == actual:
        w.claims.append((ClaimKind.CHANGE, path, Decimal(0), None))
        text = _WORDS["tp_flat"].format(year=w.year, previous=w.previous)
    else:
        difference = round_half_up(actual - previous, _PLACES)
        w.claims.append((ClaimKind.CHANGE, path, difference, None))
        text = _WORDS["tp_change"].format(
            year=w.year,
            previous=w.previous,
            direction=_WORDS["increase" if difference > 0 else "decrease"],
            amount=_wan(abs(difference)),
            growth=w.growth(path, actual, previous),
        )
    items: list[str] = []
    reasons: list[str] = []
    for name in _THREE_PUBLIC:
        label = _WORDS[f"tp_labels_{name}"]
        item = getattr(w.account.three_public, name)
        printed = w.cell("three_public", f"three_public.{name}", "actual")
        if item.previous is None or item.current is None or printed is None or item.current != Money(printed):
            continue
        item_path = f"three_public.{name}"
        before = item.previous.amount
        if before == printed:
            w.claims.append((ClaimKind.CHANGE, item_path, Decimal(0), None))
            items.append(_WORDS["tp_item_flat"].format(label=label))
            continue
        difference = round_half_up(printed - before, _PLACES)
        w.claims.append((ClaimKind.CHANGE, item_path, difference, None))
        direction = _WORDS["increase" if difference > 0 else "decrease"]
        items.append(
            _WORDS["tp_item_change"].format(
                label=label,
                direction=direction,
                amount=_wan(abs(difference)),
                growth=w.growth(item_path, printed, before),
            )
        )
        if reason := w.reason(item_path):
            reasons.append(
                _WORDS["tp_item_reason"].format(label=label, direction=direction, reason=reason.split("：", 1)[1])
            )
    if items:
        text += _WORDS["tp_of_which"].format(items="；".join(items))
    return "。".join((text, *reasons))


def _three_public_detail(w: _Writer, section: str) -> _Built:
    """七（二）: each part's share of the "三公" total, then 出国, 公务用车 and 公务接待 in detail."""
    actual = w.cell("three_public", "three_public.total", "actual")
    if _no_three_public(w) or actual is None:
        return []
    tp = w.account.three_public
    shares = []
    values: dict[str, Decimal] = {}
    for name in _THREE_PUBLIC:
        value = w.cell("three_public", f"three_public.{name}", "actual")
        if value is None:
            continue
        values[name] = value
        path = f"three_public.{name}"
        shares.append(
            _WORDS["tp_share"].format(
                label=_WORDS[f"tp_labels_{name}"],
                amount=w.amount(value, path),
                share=w.share("share", value, actual, path, "three_public.total"),
            )
        )
    built: _Built = [
        w.paragraph(section, _WORDS["tp_shares"].format(items="；".join(shares)), _WORDS["as_follows"], end="")
    ]
    n = 0
    if "outbound" in values:
        n += 1
        trips = None
        if tp.outbound_groups is not None and tp.outbound_persons is not None:
            trips = _WORDS["outbound_trips"].format(groups=tp.outbound_groups, persons=tp.outbound_persons)
        built.append(
            w.paragraph(
                f"{section}{n}",
                _WORDS["outbound"].format(n=n, amount=w.amount(values["outbound"], "three_public.outbound")),
                trips,
            )
        )
    if "vehicle" in values:
        n += 1
        purchase = w.cell("three_public", "three_public.vehicle_purchase", "actual")
        operation = w.cell("three_public", "three_public.vehicle_operation", "actual")
        owned = None
        if tp.vehicles_owned is not None:
            owned = _WORDS["vehicles_owned"].format(year=w.year, unit=w.unit, count=tp.vehicles_owned)
        elif w.account.assets.vehicles is not None:
            owned = _WORDS["vehicles_owned"].format(year=w.year, unit=w.unit, count=w.account.assets.vehicles)
        built.append(
            w.paragraph(
                f"{section}{n}",
                _WORDS["vehicle"].format(n=n, amount=w.amount(values["vehicle"], "three_public.vehicle")),
                None
                if purchase is None
                else _WORDS["vehicle_purchase"].format(amount=w.amount(purchase, "three_public.vehicle_purchase")),
                None
                if operation is None
                else _WORDS["vehicle_operation"].format(amount=w.amount(operation, "three_public.vehicle_operation")),
                owned,
            )
        )
    if "reception" in values:
        n += 1
        # the template's 国内公务接待 includes 外宾接待 (含外宾接待支出…), so it is all of 表七's 公务接待费;
        # the 外宾 part is written only when the model holds it
        domestic = tp.reception_domestic.current or Money(values["reception"])
        guests = tp.reception_guests.current
        key = "reception_domestic" if guests is not None else "reception_domestic_bare"
        detail = _WORDS[key].format(amount=_wan(domestic.amount), guests="" if guests is None else _wan(guests.amount))
        counts = None
        if tp.events:
            counts = _WORDS["reception_counts"].format(
                batches=len(tp.events), persons=sum(e.persons for e in tp.events)
            )
        elif tp.reception_batches is not None and tp.reception_persons is not None:
            counts = _WORDS["reception_counts"].format(batches=tp.reception_batches, persons=tp.reception_persons)
            if tp.guest_batches is not None and tp.guest_persons is not None:
                counts += _WORDS["guest_counts"].format(batches=tp.guest_batches, persons=tp.guest_persons)
        built.append(
            w.paragraph(
                f"{section}{n}",
                _WORDS["reception"].format(n=n, amount=w.amount(values["reception"], "three_public.reception")),
                detail,
                counts,
            )
        )
    return built


def _fund(w: _Writer, section: str, table_key: str, none_key: str, spent_key: str) -> _Built:
    """八 and 九: a fund table that prints nothing reads 无…收入和支出; otherwise 本年收入, 本年支出 and each 项."""
    table = w.table(table_key)
    if table is None:
        return []
    spent = w.cell(table_key, "total", "expenditure")
    if table.is_empty or not spent:
        return [w.paragraph(section, _WORDS[none_key].format(unit=w.unit, year=w.year))]
    income = w.cell(table_key, "total", "income") or Decimal("0.00")
    built: _Built = [
        w.paragraph(
            section,
            _WORDS[spent_key].format(income=_wan(income), amount=_wan(spent)),
            end="",
        )
    ]
    names = {row.code: row.name for row in table.rows if row.code is not None}
    lines = [
        (row.code, row.name, cell.amount)
        for row in table.rows
        if row.code is not None
        and len(row.code) == 7
        and (cell := table.cell(row.key, "expenditure")) is not None
        and cell.amount
    ]
    for n, (code, name, value) in enumerate(lines, start=1):
        title = _line_title(n, code, name, names, None)
        built.append(w.paragraph(f"{section}{n}", title, _WORDS["line_actual"].format(amount=_wan(value))))
    return built


def _government_fund(w: _Writer, section: str) -> _Built:
    return _fund(w, section, "government_fund", "fund_none", "fund_spent")


def _state_capital(w: _Writer, section: str) -> _Built:
    return _fund(w, section, "state_capital", "capital_none", "capital_spent")


def _performance(w: _Writer, section: str) -> _Built:
    """十: the evaluated projects, the money they cover, their average score and grades (when the model keeps them)."""
    evaluated = [p for p in w.account.projects if p.evaluated]
    scores = [p.stated_total for p in evaluated if p.stated_total is not None]
    budgets = [p.funds.total.adjusted for p in evaluated]
    if not evaluated or len(scores) != len(evaluated) or any(b is None for b in budgets):
        return []
    total = Money.sum(b for b in budgets if b is not None)
    mean = Ratio(sum(scores, Decimal(0)), len(scores)).rounded(_PLACES)
    assert mean is not None
    counts = dict.fromkeys(_GRADES.values(), 0)
    for score in scores:
        if not 0 <= score <= 100:  # not a table total: no grade to count
            counts = {}
            break
        counts[_GRADES[grade(score)]] += 1
    w.claims.append((ClaimKind.COUNT, "projects[?evaluated=true]", Decimal(len(evaluated)), None))
    w.claims.append((ClaimKind.SCORE, "projects[?evaluated=true]", mean, None))
    sentence = _WORDS["evaluated"].format(
        year=w.year, count=len(evaluated), amount=_wan(round_half_up(total.amount, _PLACES)), score=_digits(mean, 2)
    )
    if counts:
        sentence += _WORDS["grades"].format(
            items="；".join(_WORDS["grade_count"].format(grade=g, count=c) for g, c in counts.items())
        )
    return [w.paragraph(section, sentence)]


def _money_of(figure: Figure) -> Decimal | None:
    return None if figure.current is None else figure.current.amount


def _operating_costs(w: _Writer, section: str) -> _Built:
    """十一（一）: 机关运行经费 and its change on last year (the model's figure: no table prints it)."""
    figure = w.account.operating_costs
    value = _money_of(figure)
    if value is None:
        return []
    if not value:
        return [w.paragraph(section, _WORDS["operating_costs_none"].format(unit=w.unit, year=w.year))]
    change = None
    if figure.previous is not None:
        previous = figure.previous.amount
        if previous == value:
            w.claims.append((ClaimKind.CHANGE, "operating_costs", Decimal(0), None))
            change = _WORDS["than_year_flat"].format(year=w.previous)
        else:
            difference = round_half_up(value - previous, _PLACES)
            w.claims.append((ClaimKind.CHANGE, "operating_costs", difference, None))
            change = _WORDS["than_year"].format(
                year=w.previous,
                direction=_WORDS["increase" if difference > 0 else "decrease"],
                amount=_wan(abs(difference)),
                growth=w.growth("operating_costs", value, previous),
            )
    first = _WORDS["operating_costs"].format(amount=w.amount(value, "operating_costs")) + (change or "")
    return [w.paragraph(section, first, w.reason("operating_costs"))]


def _procurement(w: _Writer, section: str) -> _Built:
    """十一（二）: 政府采购 by kind, and the contracts won by 中小企业 and 小微企业."""
    p = w.account.procurement
    total = _money_of(p.total)
    parts = [
        _WORDS[f"procurement_{name}"].format(amount=w.amount(value, f"procurement.{name}"))
        for name in ("goods", "works", "services")
        if (value := _money_of(getattr(p, name))) is not None
    ]
    first = None
    if total is not None:
        first = _WORDS["procurement"].format(unit=w.unit, year=w.year, amount=w.amount(total, "procurement.total"))
        if parts:
            first += _WORDS["procurement_parts"].format(items="、".join(parts))
    awarded = [
        _WORDS[name].format(amount=w.amount(value, f"procurement.{name}"))
        for name in ("sme", "small_micro")
        if (value := _money_of(getattr(p, name))) is not None
    ]
    return [w.paragraph(section, first, "；".join(awarded) if awarded else None)]


def _assets(w: _Writer, section: str) -> _Built:
    """十一（三）: vehicles by use and equipment of 100万元 or more, as the model counts them."""
    assets = w.account.assets
    vehicles = None
    if assets.vehicles is not None:
        vehicles = _WORDS["assets"].format(year=w.year, unit=w.unit, count=assets.vehicles)
        if assets.vehicles_by_use:
            vehicles += _WORDS["assets_by_use"].format(
                items="、".join(_WORDS["assets_use"].format(use=u, count=n) for u, n in assets.vehicles_by_use)
            )
    equipment = None
    if assets.large_equipment is not None:
        equipment = _WORDS["equipment"].format(count=assets.large_equipment)
    return [w.paragraph(section, vehicles, equipment)]


_Builder = Callable[[_Writer, str], _Built]
_SECTIONS: Final[tuple[_Builder | tuple[_Builder, ...], ...]] = (
    _grand_total,
    _income,
    _expenditure,
    _fiscal,
    (_general_total, _general_structure, _general_detail),
    _basic,
    (_three_public_total, _three_public_detail),
    _government_fund,
    _state_capital,
    _performance,
    (_operating_costs, _procurement, _assets),
)


def outline(account: FinalAccount) -> tuple[Heading | Paragraph, ...]:
    """The headings and paragraphs of Part Three (情况说明), in order, each paragraph with its claims.

    >>> from budgetkit import datasets
    >>> blocks = outline(datasets.load("putuo-social-work-2024"))
    >>> [b.text for b in blocks if isinstance(b, Heading)][:2]
    ['第三部分 中共上海市普陀区委社会工作部2024年度部门决算情况说明', '一、收入支出决算总体情况说明']
    """
    w = _Writer(account)
    blocks: list[Heading | Paragraph] = [Heading(1, SHANGHAI_TITLE.format(unit=w.unit, year=account.year))]
    for n, (title, content) in enumerate(zip(SHANGHAI_SECTIONS, _SECTIONS, strict=True), start=1):
        blocks.append(Heading(2, heading(n) + title))
        label = heading(n).rstrip("、")
        if content == _SECTIONS[6] and _no_three_public(w):  # the template's one sentence, without subsections
            blocks.extend(p for p in _three_public_total(w, label) if p is not None)
        elif isinstance(content, tuple):
            for m, (subtitle, build) in enumerate(zip(SHANGHAI_SUBSECTIONS[n], content, strict=True), start=1):
                blocks.append(Heading(3, heading(m, "（）") + subtitle))
                blocks.extend(p for p in build(w, label + heading(m, "（）")) if p is not None)
        else:
            blocks.extend(p for p in content(w, label) if p is not None)
    return tuple(blocks)
