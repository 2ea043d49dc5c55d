"""Tests for budgetkit.model.account and budgetkit.model.category: the final account and its classification lines."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest

from budgetkit.errors import BudgetkitError, FloatRefusedError, InvalidNumberError, ModelError
from budgetkit.model.account import (
    Assets,
    ExpenseSide,
    Figure,
    FinalAccount,
    GeneralBudget,
    Income,
    ReceptionEvent,
    ThreePublic,
    UnitType,
)
from budgetkit.model.category import CategoryLevel, ExpenseCategory
from budgetkit.model.claim import Claim
from budgetkit.model.project import Project, ProjectKind
from budgetkit.values.money import Money
from budgetkit.values.ratio import NOT_COMPARABLE


def _account(**fields: Any) -> FinalAccount:
    fields.setdefault("unit", "示例单位")
    fields.setdefault("year", 2023)
    fields.setdefault("unit_type", "公益一类事业单位")
    return FinalAccount(**fields)


def _item(name: str, actual: str | None, code: str | None = None) -> ExpenseCategory:
    return ExpenseCategory(level="项", name=name, actual=actual, code=code)


# -- Figure -----------------------------------------------------------------------------


def test_figure_keeps_printed_places() -> None:
    """Figure('2.00') and Figure('0.8') remember how many places were printed."""
    assert str(Figure("2.00").current.amount) == "2.00"  # type: ignore[union-attr]
    assert str(Figure("0.8", previous="0.29").current.amount) == "0.8"  # type: ignore[union-attr]


@pytest.mark.parametrize("field", ["current", "previous", "budget"])
def test_figure_refuses_floats(field: str) -> None:
    """A float amount is refused with FloatRefusedError, whichever phase it is."""
    with pytest.raises(FloatRefusedError):
        Figure(**{field: 1054.9})


def test_figure_refuses_text_that_is_not_a_number() -> None:
    """'1,054.90' and '1e3' are not amounts."""
    with pytest.raises(InvalidNumberError):
        Figure("1,054.90")
    with pytest.raises(InvalidNumberError):
        Figure(previous="1e3")


def test_figure_unknown_is_none_never_zero() -> None:
    """An amount not given (or blank) is None, not 0."""
    figure = Figure(" ", previous=None)
    assert figure.current is None and figure.previous is None and figure.budget is None
    assert Figure("0").current == Money(0)


def test_figure_change() -> None:
    """change() is current − previous with its growth rate: 1054.90 vs 988.88 is +66.02, +6.68%."""
    change = Figure("1054.90", previous="988.88").change()
    assert change is not None
    assert change.difference == Money("66.02")
    assert change.growth.percent() == Decimal("6.68")
    down = Figure("1.00", previous="1.50").change()
    assert down is not None and down.difference == Money("-0.50")


def test_figure_change_is_none_when_a_year_is_unknown() -> None:
    """Without last year's figure (or this year's) there is no change."""
    assert Figure("1054.90").change() is None
    assert Figure(previous="988.88").change() is None


def test_figure_change_from_zero_has_an_undefined_rate() -> None:
    """A rise from 0 has a change but no growth rate (基数为0), never 0%."""
    change = Figure("5", previous="0").change()
    assert change is not None
    assert change.difference == Money(5)
    assert change.growth.is_undefined
    assert change.growth.percent() is None


def test_figure_completion() -> None:
    """completion() is current / budget: 2.00 of a 2.00 budget is 100%."""
    assert Figure("2.00", budget="2.00").completion().format(0) == "100%"
    assert Figure("0.8", budget="1.6").completion().percent() == Decimal("50.00")


@pytest.mark.parametrize(
    "figure", [Figure("2.00"), Figure(budget="2.00"), Figure("2.00", budget="0"), Figure()], ids=str
)
def test_figure_completion_undefined_when_unknown_or_zero(figure: Figure) -> None:
    """With an unknown or zero budget the completion rate is undefined, never 0%."""
    ratio = figure.completion()
    assert ratio.is_undefined
    assert ratio.percent() is None
    assert ratio.format() == NOT_COMPARABLE


def test_figure_share_of() -> None:
    """share_of() divides this year's amounts: 0.8 of 2.80 is 28.57%."""
    assert Figure("0.8").share_of(Figure("2.80")).percent() == Decimal("28.57")
    assert Figure("0").share_of(Figure("2.80")).percent() == Decimal("0.00")


@pytest.mark.parametrize(
    ("part", "whole"),
    [(Figure(), Figure("2.80")), (Figure("0.8"), Figure()), (Figure("0"), Figure("0")), (Figure("1"), Figure("0"))],
    ids=["part unknown", "whole unknown", "zero of zero", "of zero"],
)
def test_figure_share_undefined_when_unknown_or_zero(part: Figure, whole: Figure) -> None:
    """A share of an unknown or zero whole (or of an unknown part) is undefined, not 0%."""
    assert part.share_of(whole).is_undefined
    assert part.share_of(whole).percent() is None


# -- Income, ExpenseSide, GeneralBudget ----------------------------------------------------


def test_figure_fields_accept_plain_strings_and_tables() -> None:
    """A Figure field takes a Figure, a plain amount, or a dict of phases."""
    income = Income(total={"current": "1054.90", "previous": "988.88"}, general_budget="1025.98")
    assert income.total == Figure("1054.90", previous="988.88")
    assert income.general_budget == Figure("1025.98")
    assert income.other == Figure()
    with pytest.raises(FloatRefusedError):
        Income(total=1054.9)


def test_income_sources_in_table_order() -> None:
    """sources() lists the eight 本年收入 sources in the standard order."""
    income = Income(**{name: str(i) for i, name in enumerate(Income.SOURCES)})
    assert [f.current for f in income.sources()] == [Money(i) for i in range(8)]
    assert Income.SOURCES[0] == "general_budget" and Income.SOURCES[-1] == "other"


def test_expenditure_parts_in_table_order() -> None:
    """parts() lists 基本, 项目, 上缴上级, 经营, 对附属单位补助."""
    side = ExpenseSide(basic="551.03", project="493.62", to_superior="0", operating="0", to_affiliated="0")
    assert [f.current for f in side.parts()] == [Money("551.03"), Money("493.62"), Money(0), Money(0), Money(0)]
    assert Money.sum(f.current for f in side.parts()) == Money("1044.65")  # type: ignore[misc]


def test_general_budget_lines_walk_depth_first() -> None:
    """lines() yields each 类, then its 款, then their 项, depth first, in printed order."""
    budget = GeneralBudget(
        categories=[
            ExpenseCategory(
                level="类",
                name="社会保障和就业支出",
                children=[
                    ExpenseCategory(
                        level="款", name="人力资源和社会保障管理事务", children=[_item("事业运行", "426.43")]
                    ),
                    ExpenseCategory(level="款", name="行政事业单位离退休", children=[_item("职业年金", "24.74")]),
                ],
            ),
            ExpenseCategory(level="类", name="住房保障支出", actual="27.05"),
        ]
    )
    assert [line.name for line in budget.lines()] == [
        "社会保障和就业支出",
        "人力资源和社会保障管理事务",
        "事业运行",
        "行政事业单位离退休",
        "职业年金",
        "住房保障支出",
    ]
    assert isinstance(budget.categories, tuple)


# -- ReceptionEvent, ThreePublic, Assets ---------------------------------------------------


def test_reception_event_cost_in_yuan_and_wan() -> None:
    """A reception's cost is held in 元 as printed and converted to 万元 exactly."""
    event = ReceptionEvent(date="2023-10-10", party="四川省人社厅流动管理处领导", persons=3, cost_yuan="599.79")
    assert event.cost_yuan == Money("599.79")
    assert event.cost == Money("0.059979")


@pytest.mark.parametrize(("persons", "error"), [(-1, ModelError), (True, FloatRefusedError)])
def test_reception_event_refuses_bad_person_counts(persons: int, error: type[Exception]) -> None:
    """A negative number of persons is refused with ModelError, a bool with FloatRefusedError."""
    with pytest.raises(error, match=r"negative|bool"):
        ReceptionEvent(date="2023-02-10", party="x", persons=persons, cost_yuan="770")


def test_reception_event_refuses_float_persons_and_cost() -> None:
    """Persons must be an int and the cost must not be a float."""
    with pytest.raises(TypeError):
        ReceptionEvent(date="2023-02-10", party="x", persons=4.0, cost_yuan="770")  # type: ignore[arg-type]
    with pytest.raises(FloatRefusedError):
        ReceptionEvent(date="2023-02-10", party="x", persons=4, cost_yuan=770.0)  # type: ignore[arg-type]


def test_float_counts_are_refused() -> None:
    """A vehicle or person count given as a float is refused like a float amount."""
    with pytest.raises(FloatRefusedError):
        Assets(vehicles=1.0)  # type: ignore[arg-type]
    with pytest.raises(FloatRefusedError):
        ThreePublic(outbound_persons=2.0)  # type: ignore[arg-type]


def test_three_public_events_become_a_tuple() -> None:
    """Events given as a list are stored as an immutable tuple."""
    event = ReceptionEvent(date="2023-02-10", party="x", persons=4, cost_yuan="770")
    assert ThreePublic(events=[event]).events == (event,)


def test_name_count_pairs_become_tuples() -> None:
    """vehicles_by_use pairs given as lists are stored as tuples, as loading a file gives them."""
    assets = Assets(vehicles_by_use=[["机要通信用车", 1]])
    assert assets.vehicles_by_use == (("机要通信用车", 1),)
    hash(assets)


# -- FinalAccount --------------------------------------------------------------------------


def test_account_basics() -> None:
    """A minimal account has its year, the comparative year and the unit type as an enum."""
    account = _account(year=2023, unit_type="参公事业单位")
    assert account.previous_year == 2022
    assert account.unit_type is UnitType.CIVIL_SERVICE_MANAGED
    assert account.income == Income()
    assert account.projects == ()


@pytest.mark.parametrize(
    ("unit_type", "reports"),
    [
        ("行政单位", True),
        ("参公事业单位", True),
        ("公益一类事业单位", False),
        ("公益二类事业单位", False),
        ("其他", False),
    ],
)
def test_operating_costs_rule_follows_unit_type(unit_type: str, reports: bool) -> None:
    """Only 行政单位 and 参公事业单位 report 机关运行经费."""
    assert _account(unit_type=unit_type).unit_type.reports_operating_costs is reports


def test_unknown_unit_type_is_refused() -> None:
    """A unit type outside the five is refused (a ValueError)."""
    with pytest.raises(ValueError, match="国有企业"):
        _account(unit_type="国有企业")


@pytest.mark.parametrize("year", [1989, 2101, 0, -2023])
def test_bad_years_are_refused(year: int) -> None:
    """A year outside 1990–2100 is refused with ModelError naming the field."""
    with pytest.raises(ModelError) as caught:
        _account(year=year)
    assert caught.value.path == "year"
    assert "outside 1990–2100" in caught.value.message


@pytest.mark.parametrize("year", [1990, 2100])
def test_year_bounds_are_inclusive(year: int) -> None:
    """1990 and 2100 are accepted."""
    assert _account(year=year).year == year


@pytest.mark.parametrize("year", [2023.0, "2023"])
def test_year_must_be_an_int(year: object) -> None:
    """A float or text year is refused with a budgetkit error, not stored or leaked as a TypeError."""
    with pytest.raises(BudgetkitError):
        _account(year=year)


def test_accounts_are_frozen() -> None:
    """An account cannot be changed after construction."""
    account = _account()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        account.year = 2024  # type: ignore[misc]


def test_duplicate_project_codes_are_refused() -> None:
    """Two projects with the same code are refused with ModelError naming the second."""
    first = Project(code="51030022T000000326059", name="产业园工程建设", kind="特定目标类")
    second = Project(code="51030022T000000326059", name="另一个名字", kind="特定目标类")
    with pytest.raises(ModelError) as caught:
        _account(projects=[first, second])
    assert caught.value.path == "projects[1]"
    assert "'51030022T000000326059' appears twice" in caught.value.message


def test_duplicate_project_labels_without_codes_are_refused() -> None:
    """Two code-less projects with the same name are refused: findings could not tell them apart."""
    archive = Project(name="市人力资源服务中心档案专项", kind="其他运转类")
    with pytest.raises(ModelError, match="appears twice"):
        _account(projects=[archive, Project(name="市人力资源服务中心档案专项", kind="其他运转类")])


def test_same_name_with_different_codes_is_accepted() -> None:
    """Projects are told apart by code, so equal names with different codes are fine."""
    a = Project(code="51030023T000008349584", name="技能人才培养", kind="特定目标类")
    b = Project(code="51030023T000008349602", name="技能人才培养", kind="特定目标类")
    assert len(_account(projects=[a, b]).projects) == 2


def test_project_lookup_by_code_or_name() -> None:
    """project(key) finds a project by its code or its name and raises KeyError otherwise."""
    coded = Project(code="51030022T000000326059", name="产业园工程建设", kind="特定目标类")
    named = Project(name="人员类项目", kind="人员类", evaluated=False)
    account = _account(projects=[coded, named])
    assert account.project("51030022T000000326059") is coded
    assert account.project("产业园工程建设") is coded
    assert account.project("人员类项目") is named
    with pytest.raises(KeyError):
        account.project("公用经费项目")


def test_evaluated_projects() -> None:
    """evaluated_projects keeps the projects with a self-evaluation table, in order."""
    a = Project(name="甲", kind="特定目标类")
    b = Project(name="乙", kind="人员类", evaluated=False)
    c = Project(name="丙", kind=ProjectKind.OTHER_OPERATING)
    assert _account(projects=[a, b, c]).evaluated_projects == (a, c)


@pytest.mark.parametrize(
    "build",
    [
        lambda: _account(unit_type="国有企业"),
        lambda: ExpenseCategory(level="部", name="x"),
        lambda: Project(name="x", kind="基建类"),
        lambda: Claim(kind="percentage", subject="income.total", stated="1"),
    ],
    ids=["unit_type", "category level", "project kind", "claim kind"],
)
def test_unknown_enum_values_raise_model_error(build: Any) -> None:
    """An unknown unit type, level, project kind or claim kind raises ModelError listing the known values."""
    with pytest.raises(ModelError, match="known"):
        build()


# -- ExpenseCategory ------------------------------------------------------------------------


@pytest.mark.parametrize(("level", "code"), [("类", "208"), ("款", "20801"), ("项", "2080109")])
def test_category_codes_have_their_level_length(level: str, code: str) -> None:
    """A 类 code has 3 digits, a 款 code 5, a 项 code 7."""
    line = ExpenseCategory(level=level, name="x", code=code)
    assert line.code == code
    assert line.level.code_length == len(code)


@pytest.mark.parametrize(
    ("level", "code"),
    [("类", "2080"), ("类", "20"), ("款", "208"), ("项", "20801"), ("类", "20A"), ("类", "")],
)
def test_bad_category_codes_are_refused(level: str, code: str) -> None:
    """A code of the wrong length or with a non-digit is refused with ModelError naming the line."""
    with pytest.raises(ModelError) as caught:
        ExpenseCategory(level=level, name="事业运行", code=code)
    assert caught.value.path == "code"
    assert f"a {level} code has" in caught.value.message


def test_category_codes_must_be_ascii_digits() -> None:
    """A code in superscript digits is refused; one in full-width digits is refused or read as ASCII."""
    with pytest.raises(ModelError):
        ExpenseCategory(level="类", name="社会保障和就业支出", code="²⁰⁸")
    try:
        line = ExpenseCategory(level="类", name="社会保障和就业支出", code="２０８")
    except ModelError:
        return
    assert line.code == "208"


def test_child_code_must_extend_the_parent_code() -> None:
    """A 款 coded 21005 cannot sit under 类 208."""
    with pytest.raises(ModelError, match="does not start with its parent's 208"):
        ExpenseCategory(
            level="类",
            name="社会保障和就业支出",
            code="208",
            children=[ExpenseCategory(level="款", name="x", code="21005")],
        )


@pytest.mark.parametrize(("parent", "child"), [("类", "项"), ("类", "类"), ("款", "款"), ("款", "类"), ("项", "项")])
def test_children_must_be_one_level_down(parent: str, child: str) -> None:
    """A 类 holds 款 lines, a 款 holds 项 lines, a 项 holds none."""
    with pytest.raises(ModelError) as caught:
        ExpenseCategory(level=parent, name="上级", children=[ExpenseCategory(level=child, name="下级")])
    assert caught.value.path == "上级.children[0]"


def test_unknown_level_is_refused() -> None:
    """A level other than 类, 款, 项 is refused (a ValueError)."""
    with pytest.raises(ValueError, match="部"):
        ExpenseCategory(level="部", name="x")


def test_levels_know_their_depth() -> None:
    """类, 款, 项 are depths 0, 1, 2."""
    assert [CategoryLevel(v).depth for v in "类款项"] == [0, 1, 2]


def test_category_amounts_refuse_floats() -> None:
    """Category amounts are exact: floats are refused."""
    with pytest.raises(FloatRefusedError):
        ExpenseCategory(level="项", name="事业运行", actual=426.43)
    with pytest.raises(FloatRefusedError):
        ExpenseCategory(level="项", name="事业运行", budget=426.43)


def test_rolled_up_sums_the_items() -> None:
    """A 类 rolls up its 款, which roll up their 项: 426.43 + 100.39 + 374.56 + 4.41 + 49.47 + 24.74 = 980.00."""
    social = ExpenseCategory(
        level="类",
        name="社会保障和就业支出",
        actual="980",
        children=[
            ExpenseCategory(
                level="款",
                name="人力资源和社会保障管理事务",
                children=[
                    _item("事业运行", "426.43"),
                    _item("其他人力资源和社会保障管理事务支出", "100.39"),
                    _item("其他就业补助支出", "374.56"),
                    _item("事业单位离退休", "4.41"),
                ],
            ),
            ExpenseCategory(
                level="款",
                name="行政事业单位离退休",
                children=[_item("基本养老保险缴费支出", "49.47"), _item("职业年金缴费支出", "24.74")],
            ),
        ],
    )
    assert social.rolled_up() == Money("980")
    assert str(social.rolled_up().amount) == "980.00"  # type: ignore[union-attr]
    assert social.children[1].rolled_up() == Money("74.21")


def test_rolled_up_prefers_a_childs_printed_amount() -> None:
    """A 款 with a printed amount contributes that amount, not the sum below it."""
    section = ExpenseCategory(level="款", name="住房改革支出", actual="27.05", children=[_item("住房公积金", None)])
    assert ExpenseCategory(level="类", name="住房保障支出", children=[section]).rolled_up() == Money("27.05")


def test_rolled_up_leaf_is_its_own_actual() -> None:
    """A line without children rolls up to its own amount, or None when not printed."""
    assert _item("住房公积金", "27.05").rolled_up() == Money("27.05")
    assert _item("住房公积金", None).rolled_up() is None


def test_rolled_up_is_none_when_a_child_is_unknown() -> None:
    """One unknown 项 makes the roll-up unknown, never a partial sum."""
    section = ExpenseCategory(
        level="款", name="人力资源和社会保障管理事务", children=[_item("事业运行", "426.43"), _item("其他", None)]
    )
    assert section.rolled_up() is None
    assert ExpenseCategory(level="类", name="社会保障和就业支出", children=[section]).rolled_up() is None


def test_category_completion() -> None:
    """completion is actual / budget; undefined when either is unknown or the budget is 0."""
    line = ExpenseCategory(level="项", name="事业运行", actual="426.43", budget="426.43")
    assert line.completion.format(0) == "100%"
    assert ExpenseCategory(level="项", name="x", actual="1").completion.is_undefined
    assert ExpenseCategory(level="项", name="x", actual="1", budget="0").completion.is_undefined


def test_walk_is_depth_first_preorder() -> None:
    """walk() yields the line itself, then each child's subtree in order."""
    tree = ExpenseCategory(
        level="类",
        name="A",
        children=[
            ExpenseCategory(level="款", name="A1", children=[_item("A1a", "1"), _item("A1b", "2")]),
            ExpenseCategory(level="款", name="A2", children=[_item("A2a", "3")]),
        ],
    )
    assert [line.name for line in tree.walk()] == ["A", "A1", "A1a", "A1b", "A2", "A2a"]
    assert [line.name for line in _item("x", "1").walk()] == ["x"]


def test_children_given_as_text_are_refused() -> None:
    """A string is not a sequence of lines."""
    with pytest.raises(ModelError, match="expected a sequence"):
        ExpenseCategory(level="项", name="x", children="事业运行")  # type: ignore[arg-type]
