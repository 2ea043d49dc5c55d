"""Tests for budgetkit.model.claim: claims, change explanations and the paths that name their subjects."""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetkit.errors import BudgetkitError, FloatRefusedError, InvalidNumberError, ModelError
from budgetkit.model.account import Figure, FinalAccount, GeneralBudget, Income, ReceptionEvent, ThreePublic
from budgetkit.model.category import ExpenseCategory
from budgetkit.model.claim import ChangeExplanation, Claim, ClaimKind, Contribution, PathError, resolve
from budgetkit.model.project import FundGrid, FundLine, FundSource, Project
from budgetkit.values.money import Money


@pytest.fixture(scope="module")
def acc() -> FinalAccount:
    """A small account shaped like the seed: categories three deep, three projects, two events."""
    item = ExpenseCategory(level="项", name="事业运行", code="2080109", actual="426.43")
    section = ExpenseCategory(level="款", name="人力资源和社会保障管理事务", code="20801", children=[item])
    social = ExpenseCategory(level="类", name="社会保障和就业支出", code="208", actual="980", children=[section])
    housing = ExpenseCategory(level="类", name="住房保障支出", actual="27.05")
    park = Project(
        code="51030022T000000326059",
        name="产业园工程建设",
        kind="特定目标类",
        funds=FundGrid(lines=[FundLine(source="总额", initial="40.88", adjusted="33.19", executed="33.19")]),
    )
    archive = Project(
        name="档案专项",
        kind="其他运转类",
        funds=FundGrid(lines=[FundLine(source="总额", initial="12.00", adjusted="11.30", executed="11.30")]),
    )
    staff = Project(name="人员类项目", kind="人员类", evaluated=False)
    events = [
        ReceptionEvent(date="2023-02-10", party="西华大学专家", persons=4, cost_yuan="770"),
        ReceptionEvent(date="2023-05-25", party="宜宾市产业园管委会", persons=14, cost_yuan="1926"),
    ]
    return FinalAccount(
        unit="示例单位",
        year=2023,
        unit_type="公益一类事业单位",
        income=Income(total=Figure("1054.90", previous="988.88")),
        general_budget=GeneralBudget(total="1025.98", categories=[social, housing]),
        three_public=ThreePublic(events=events),
        projects=[park, archive, staff],
    )


# -- Claim, Contribution, ChangeExplanation ------------------------------------------------------


def test_claim_keeps_the_printed_digits() -> None:
    """stated keeps the printed places: 89.30 stays '89.30', 100 stays '100'."""
    score = Claim(kind="score", subject="projects[?evaluated=true]", stated="89.30", text="项目绩效自评分为：89.30分")
    assert score.kind is ClaimKind.SCORE
    assert str(score.stated) == "89.30"
    assert str(Claim(kind="completion", subject="general_budget.total", stated="100").stated) == "100"


def test_claim_stated_is_signed() -> None:
    """减少 claims are negative numbers."""
    assert Claim(kind="change", subject="x", stated="-2.74").stated == Decimal("-2.74")


def test_claim_defaults() -> None:
    """base, text and section are optional."""
    claim = Claim(kind="growth", subject="income.total", stated="6.68")
    assert (claim.base, claim.text, claim.section) == (None, "", "")


def test_claim_kinds() -> None:
    """The nine claim kinds parse from their names; an unknown kind is a ValueError."""
    names = ["amount", "change", "growth", "share", "completion", "ratio", "count", "sum", "score"]
    assert [ClaimKind(name) for name in names] == list(ClaimKind)
    with pytest.raises(ValueError, match="percentage"):
        Claim(kind="percentage", subject="x", stated="1")


def test_claim_refuses_floats_and_bad_numbers() -> None:
    """A float stated figure is refused; so is text that is not a plain number."""
    with pytest.raises(FloatRefusedError):
        Claim(kind="growth", subject="income.total", stated=6.68)
    with pytest.raises(InvalidNumberError):
        Claim(kind="growth", subject="income.total", stated="6.68%")


def test_contribution_amounts_are_signed_money() -> None:
    """A contribution is signed Money, with optional nested parts as a tuple."""
    personnel = Contribution(
        label="人员支出",
        amount="50.47",
        parts=[
            Contribution(label="职工绩效工效", amount="39.24"),
            Contribution(label="基本工资及津贴补贴", amount="-2.48"),
        ],
    )
    assert personnel.amount == Money("50.47")
    assert isinstance(personnel.parts, tuple)
    assert personnel.parts[1].amount == Money("-2.48")
    with pytest.raises(FloatRefusedError):
        Contribution(label="公用经费", amount=-2.74)


def test_change_explanation_contributions_add_up_exactly() -> None:
    """50.47 + 23.55 − 2.74 − 5.26 is exactly the stated 66.02."""
    explanation = ChangeExplanation(
        subject="income.total",
        change="66.02",
        section="一",
        contributions=[
            Contribution(label="人员支出", amount="50.47"),
            Contribution(label="项目支出", amount="23.55"),
            Contribution(label="公用经费", amount="-2.74"),
            Contribution(label="年初结转结余", amount="-5.26"),
        ],
    )
    assert Money.sum(c.amount for c in explanation.contributions) == explanation.change
    assert explanation.change == Money("66.02")


def test_change_explanation_refuses_text_as_contributions() -> None:
    """contributions must be a sequence, not a string."""
    with pytest.raises(ModelError, match="expected a sequence"):
        ChangeExplanation(subject="income.total", change="1", contributions="人员支出")  # type: ignore[arg-type]


# -- resolve: what paths reach -------------------------------------------------------------------


def test_resolve_attributes(acc: FinalAccount) -> None:
    """Dotted names follow attributes: income.total.current is the Money 1054.90."""
    assert resolve(acc, "income.total") == Figure("1054.90", previous="988.88")
    assert resolve(acc, "income.total.previous") == Money("988.88")
    assert resolve(acc, "unit") == "示例单位"


def test_resolve_empty_path_is_the_root(acc: FinalAccount) -> None:
    """The empty path is the account itself."""
    assert resolve(acc, "") is acc


def test_resolve_by_code(acc: FinalAccount) -> None:
    """[code] picks a project by its code."""
    assert resolve(acc, "projects[51030022T000000326059].funds.total.initial") == Money("40.88")


def test_resolve_by_name(acc: FinalAccount) -> None:
    """[name] picks a project by its name, also when it has a code."""
    assert resolve(acc, "projects[档案专项].funds.total.executed") == Money("11.30")
    assert resolve(acc, "projects[产业园工程建设].code") == "51030022T000000326059"


def test_resolve_finds_categories_at_any_depth(acc: FinalAccount) -> None:
    """[name] or [code] on categories searches 类, 款 and 项 alike."""
    assert resolve(acc, "general_budget.categories[社会保障和就业支出].actual") == Money("980")
    assert resolve(acc, "general_budget.categories[人力资源和社会保障管理事务].code") == "20801"
    assert resolve(acc, "general_budget.categories[事业运行].actual") == Money("426.43")
    assert resolve(acc, "general_budget.categories[2080109].name") == "事业运行"
    assert resolve(acc, "general_budget.categories[住房保障支出].actual") == Money("27.05")


def test_resolve_by_index(acc: FinalAccount) -> None:
    """[n] picks by position when no element has n as its code or name."""
    assert resolve(acc, "projects[0].code") == "51030022T000000326059"
    assert resolve(acc, "projects[2].name") == "人员类项目"
    assert resolve(acc, "three_public.events[1].persons") == 14


def test_resolve_prefers_a_code_over_an_index(acc: FinalAccount) -> None:
    """An all-digit key that is an element's code picks that element, not a position."""
    assert resolve(acc, "general_budget.categories[208].name") == "社会保障和就业支出"
    assert resolve(acc, "general_budget.categories[1].name") == "住房保障支出"


def test_resolve_star_maps_over_elements(acc: FinalAccount) -> None:
    """[*] maps the rest of the path over every element, giving a tuple."""
    assert resolve(acc, "three_public.events[*].persons") == (4, 14)
    assert resolve(acc, "three_public.events[*].cost") == (Money("0.0770"), Money("0.1926"))
    assert resolve(acc, "projects[*].funds.total.executed") == (Money("33.19"), Money("11.30"), None)
    total = FundSource.TOTAL
    assert resolve(acc, "projects[*].funds.lines[*].source") == ((total,), (total,), ())


def test_resolve_star_over_nothing_is_empty() -> None:
    """[*] over an empty tuple gives an empty tuple."""
    empty = FinalAccount(unit="x", year=2023, unit_type="其他")
    assert resolve(empty, "three_public.events[*].persons") == ()


def test_resolve_filter_on_an_enum_field(acc: FinalAccount) -> None:
    """[?kind=a|b] keeps the elements whose enum value is one of the alternatives."""
    both = resolve(acc, "projects[?kind=其他运转类|特定目标类][*].funds.total.executed")
    assert both == (Money("33.19"), Money("11.30"))
    assert resolve(acc, "projects[?kind=人员类][*].name") == ("人员类项目",)
    assert resolve(acc, "projects[?kind=公用经费]") == ()


def test_resolve_filter_on_a_bool_field(acc: FinalAccount) -> None:
    """[?evaluated=true] and [?evaluated=false] compare booleans as written in files."""
    assert [p.name for p in resolve(acc, "projects[?evaluated=true]")] == ["产业园工程建设", "档案专项"]
    assert resolve(acc, "projects[?evaluated=false][*].name") == ("人员类项目",)


def test_resolve_filter_on_a_text_field(acc: FinalAccount) -> None:
    """[?name=a] compares text fields and keeps the original order."""
    assert resolve(acc, "three_public.events[?party=宜宾市产业园管委会|西华大学专家][*].persons") == (4, 14)


def test_resolve_filter_then_index(acc: FinalAccount) -> None:
    """A filter gives a tuple that can be indexed."""
    assert resolve(acc, "projects[?evaluated=true][1].name") == "档案专项"


# -- resolve: bad steps ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "fragment"),
    [
        ("income.totl", "Income has no field 'totl'"),
        ("incme", "FinalAccount has no field 'incme'"),
        ("income._figure", "Income has no field '_figure'"),
        ("projects[公用经费项目]", "no element with code or name '公用经费项目'"),
        ("general_budget.categories[教育支出].actual", "no element with code or name '教育支出'"),
        ("projects[3]", "index 3 is out of range"),
        ("projects[-1]", "no element with code or name '-1'"),
        ("income.total[0]", "[0] needs a sequence, found Figure"),
        ("income..total", "cannot read the path at '..total'"),
        ("income.total/current", "cannot read the path at '/current'"),
        ("projects[0", "cannot read the path at '[0'"),
    ],
)
def test_bad_steps_raise_path_error(acc: FinalAccount, path: str, fragment: str) -> None:
    """A step that leads nowhere raises PathError naming the path and what went wrong."""
    with pytest.raises(PathError) as caught:
        resolve(acc, path)
    error = caught.value
    assert error.path == path
    assert fragment in error.message
    assert str(error) == f"{path}: {error.message}"


def test_path_error_is_a_model_and_lookup_error(acc: FinalAccount) -> None:
    """PathError can be caught as BudgetkitError, ModelError, ValueError or LookupError."""
    with pytest.raises(PathError) as caught:
        resolve(acc, "projects[nope]")
    assert isinstance(caught.value, BudgetkitError)
    assert isinstance(caught.value, ModelError)
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, LookupError)


def test_a_literal_number_is_not_a_path(acc: FinalAccount) -> None:
    """A literal operand such as '757' is not resolved as a path (callers treat it as a number)."""
    with pytest.raises(PathError, match="cannot read the path"):
        resolve(acc, "757")


@pytest.mark.parametrize("path", ["income.total[*].current", "income.total[?current=1]"])
def test_star_and_filter_on_a_non_sequence_raise_path_error(acc: FinalAccount, path: str) -> None:
    """[*] and [?…] on something that is not a sequence raise PathError, like [0] does."""
    with pytest.raises(PathError, match="needs a sequence"):
        resolve(acc, path)


def test_filter_on_an_unknown_field_raises_path_error(acc: FinalAccount) -> None:
    """[?evalated=true] (a typo) raises PathError naming the field instead of selecting nothing."""
    with pytest.raises(PathError, match="evalated"):
        resolve(acc, "projects[?evalated=true]")
