"""Tests for budgetkit.values.units: the units of performance tables, with exact Decimal conversions."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st

from budgetkit import BudgetkitError, FloatRefusedError, InvalidNumberError, Money, UnitMismatchError, UnknownUnitError
from budgetkit.values.units import (
    InexactConversionError,
    UnitDefinitionError,
    known_units,
    parse_unit,
    quantity,
    register_synonym,
    register_unit,
    registry,
    to_exact,
)

COUNT_UNITS = ("个", "人", "人次", "份", "条", "次", "项", "批次", "家", "册", "台", "套", "辆", "件")
LISTED_UNITS = (*COUNT_UNITS, "平方米", "年", "月", "日", "工作日", "%", "万", "元", "万元", "亿元")


def _fresh(prefix: str) -> str:
    """Return a unit name no other test (or doctest) has registered."""
    return f"{prefix}{uuid.uuid4().hex[:8]}"


# -- the registry ---------------------------------------------------------------


def test_registry_is_created_once() -> None:
    """registry() returns the same registry every time."""
    assert registry() is registry()


def test_registry_uses_decimal_magnitudes() -> None:
    """Numbers in definitions and conversions are Decimals, not floats."""
    assert registry().non_int_type is Decimal
    assert type(registry().Quantity(Decimal("1"), "元").to("万元").magnitude) is Decimal


def test_registry_has_no_pint_default_units() -> None:
    """Only the domain's units are defined: pint's float-era defaults (metre, day, …) are not loaded."""
    for name in ("meter", "day", "month", "dollar"):
        with pytest.raises(pint.UndefinedUnitError):
            registry().Unit(name)


# -- parse_unit -----------------------------------------------------------------


@pytest.mark.parametrize("name", LISTED_UNITS)
def test_every_listed_unit_parses(name: str) -> None:
    """Every unit printed in performance tables parses to a registry unit of that name."""
    unit = parse_unit(name)
    assert isinstance(unit, registry().Unit)
    assert f"{unit:~}" == name


@pytest.mark.parametrize("name", COUNT_UNITS)
def test_counted_units_are_one_dimension(name: str) -> None:
    """个, 人, 次 … are all counts, so any two of them convert one to one."""
    assert parse_unit(name).dimensionality == parse_unit("count").dimensionality
    assert to_exact(quantity("7", name), "个") == 7


@pytest.mark.parametrize(
    ("synonym", "unit"),
    [
        ("人数", "人"),
        ("平米", "平方米"),
        ("㎡", "平方米"),
        ("m²", "平方米"),
        ("百分比", "%"),
        ("％", "%"),
        ("批", "批次"),
        ("天", "日"),
    ],
)
def test_synonyms_resolve_to_their_unit(synonym: str, unit: str) -> None:
    """A synonym printed in real tables gives the same unit as its canonical name."""
    assert parse_unit(synonym) == parse_unit(unit)


def test_surrounding_whitespace_is_ignored() -> None:
    """Spaces, tabs and full-width spaces around a cell's unit do not matter."""
    assert parse_unit(" 万元\t") == parse_unit("万元")
    assert parse_unit("\u3000人次\u3000") == parse_unit("人次")


def test_compound_units_parse() -> None:
    """A cost per head such as 元/人 parses, with either slash, and converts exactly."""
    assert parse_unit("元/人") == registry().Unit("元") / registry().Unit("人")
    assert parse_unit("万元／人数") == parse_unit("万元/人")
    assert to_exact(quantity("150", "元/人"), "万元/人") == Decimal("0.0150")


def test_parse_unit_is_cached() -> None:
    """Parsing the same name twice returns the cached unit object."""
    assert parse_unit("平方米") is parse_unit("平方米")


def test_unknown_unit_lists_known_names_and_how_to_register() -> None:
    """An unknown name raises UnknownUnitError listing the known units and naming register_unit."""
    with pytest.raises(UnknownUnitError) as info:
        parse_unit("斤")
    error = info.value
    assert isinstance(error, BudgetkitError)
    assert isinstance(error, KeyError)
    assert error.name == "斤"
    assert set(LISTED_UNITS) <= set(error.known)
    assert "个、人" in str(error)
    assert "register_unit" in str(error)


@pytest.mark.parametrize("name", ["", "  ", "元/", "元/人/年", "元/斤", "万 元", "meter"])
def test_malformed_or_unknown_names_are_refused(name: str) -> None:
    """Blank names, dangling or repeated slashes and unknown parts are unknown units, not guesses."""
    with pytest.raises(UnknownUnitError):
        parse_unit(name)


def test_parse_unit_refuses_non_strings() -> None:
    """A unit name must be a str."""
    with pytest.raises(TypeError):
        parse_unit(1)


def test_every_known_unit_converts_exactly_to_itself() -> None:
    """Every unit and synonym in the data file has an exact factor to its base unit."""
    for name in known_units():
        assert to_exact(quantity("1.25", name), name) == Decimal("1.25")


def test_known_units_lists_units_then_synonyms() -> None:
    """known_units() is a tuple of distinct names: every listed unit, then the synonyms."""
    names = known_units()
    assert isinstance(names, tuple)
    assert len(names) == len(set(names))
    assert set(LISTED_UNITS) <= set(names)
    assert names.index("亿元") < names.index("人数")
    assert "percent" not in names  # listed as printed: %


# -- counts and the multiplier 万 ----------------------------------------------------


def test_wan_compares_with_counts_exactly() -> None:
    """50 万 is 500000 of a count: below 793100 次, and 79.31 万 equals it exactly."""
    target, actual = quantity("50", "万"), quantity("793100", "次")
    assert target < actual
    assert quantity("80", "万") > actual
    assert quantity("79.31", "万") == actual
    assert to_exact(target, "次") == Decimal("500000")
    assert to_exact(actual, "万") == Decimal("79.31")


def test_wan_is_not_money() -> None:
    """万 multiplies counts; comparing it with 万元 is a unit mismatch."""
    with pytest.raises(UnitMismatchError):
        to_exact(quantity("1", "万"), "万元")


# -- money ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "target", "expected"),
    [
        ("1", "万元", "元", "10000"),
        ("1", "亿元", "万元", "10000"),
        ("1", "亿元", "元", "100000000"),
        ("599.79", "元", "万元", "0.059979"),
        ("1", "元", "亿元", "0.00000001"),
        ("1054.90", "万元", "亿元", "0.105490"),
        ("-0.01", "元", "万元", "-0.000001"),
    ],
)
def test_money_conversions_are_exact(value: str, unit: str, target: str, expected: str) -> None:
    """元, 万元 and 亿元 convert by exact powers of ten, giving a Decimal equal to the exact value."""
    result = to_exact(quantity(value, unit), target)
    assert type(result) is Decimal
    assert result == Decimal(expected)


def test_large_amounts_convert_without_rounding() -> None:
    """Thirty significant digits survive 元 → 亿元, beyond the default 28-digit context."""
    exact = to_exact(quantity("123456789012345678.901234567891", "元"), "亿元")
    assert exact.as_tuple() == Decimal("1234567890.12345678901234567891").as_tuple()


@given(
    amount=st.decimals(min_value=-(10**12), max_value=10**12, places=4, allow_nan=False, allow_infinity=False),
    source=st.sampled_from(["元", "万元", "亿元"]),
    target=st.sampled_from(["元", "万元", "亿元"]),
)
def test_money_round_trip_is_exact(amount: Decimal, source: str, target: str) -> None:
    """Converting an amount to another money unit and back gives the same number."""
    there = to_exact(quantity(amount, source), target)
    assert to_exact(quantity(there, target), source) == amount


@given(
    count=st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
)
def test_wan_round_trip_is_exact(count: Decimal) -> None:
    """x 万 is exactly 10000·x 次, and back."""
    times = to_exact(quantity(count, "万"), "次")
    assert times == count * 10000
    assert to_exact(quantity(times, "次"), "万") == count


# -- percent, time, area --------------------------------------------------------------


def test_percent_is_dimensionless_hundredth() -> None:
    """85 % is exactly 0.85, and percentages compare with each other."""
    assert to_exact(quantity("85", "%"), "dimensionless") == Decimal("0.85")
    assert to_exact(quantity("98", "％"), "%") == 98
    assert quantity("98", "%") > quantity("96", "百分比")


def test_percent_is_not_a_count() -> None:
    """A percentage cannot be converted to a count."""
    with pytest.raises(UnitMismatchError):
        to_exact(quantity("100", "%"), "个")


def test_years_are_twelve_months() -> None:
    """年 converts to 月 exactly, both ways."""
    assert to_exact(quantity("8", "年"), "月") == 96
    assert to_exact(quantity("18", "月"), "年") == Decimal("1.5")


def test_a_month_is_no_finite_number_of_years() -> None:
    """1 月 is 1/12 年, which no Decimal holds: InexactConversionError, an ArithmeticError, not a rounded value."""
    with pytest.raises(InexactConversionError, match="not a finite decimal") as info:
        to_exact(quantity("1", "月"), "年")
    assert isinstance(info.value, ArithmeticError)
    assert isinstance(info.value, BudgetkitError)
    assert info.value.unit == "年"


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=4, allow_nan=False, allow_infinity=False))
def test_year_month_round_trip_is_exact(years: Decimal) -> None:
    """x 年 → 月 → 年 gives x back exactly."""
    months = to_exact(quantity(years, "年"), "月")
    assert months == years * 12
    assert to_exact(quantity(months, "月"), "年") == years


def test_compound_rates_divide_only_at_the_end() -> None:
    """12 次/年 is exactly 1 次/月, while 1 次/年 in 次/月 is inexact and refused."""
    assert to_exact(quantity("12", "次/年"), "次/月") == 1
    assert to_exact(quantity("3", "次/月"), "次/年") == 36
    with pytest.raises(InexactConversionError):
        to_exact(quantity("1", "次/年"), "次/月")


@pytest.mark.parametrize(("source", "target"), [("日", "月"), ("工作日", "日"), ("年", "工作日")])
def test_days_do_not_convert_to_months_or_working_days(source: str, target: str) -> None:
    """日, 工作日 and 年/月 are separate dimensions; the error says why."""
    with pytest.raises(UnitMismatchError, match="none converts exactly into another"):
        to_exact(quantity("30", source), target)


def test_day_synonym() -> None:
    """天 and 日 are the same calendar day."""
    assert to_exact(quantity("15", "天"), "日") == 15


def test_area_is_its_own_dimension() -> None:
    """平方米 converts only to itself and its synonyms."""
    assert to_exact(quantity("2000", "平方米"), "㎡") == 2000
    with pytest.raises(UnitMismatchError):
        to_exact(quantity("2000", "平方米"), "个")


# -- to_exact errors --------------------------------------------------------------


def test_mismatch_error_names_both_units_and_dimensions() -> None:
    """Converting money to a count raises UnitMismatchError, a ValueError, naming both sides."""
    with pytest.raises(UnitMismatchError) as info:
        to_exact(quantity("3", "万元"), "人")
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, BudgetkitError)
    message = str(info.value)
    assert "万元" in message and "人" in message
    assert "[currency]" in message and "[count]" in message


def test_to_exact_refuses_a_float_magnitude() -> None:
    """A quantity built by hand with a float magnitude is refused, not converted."""
    with pytest.raises(FloatRefusedError):
        to_exact(registry().Quantity(0.5, "元"), "万元")


def test_to_exact_refuses_nan_magnitude() -> None:
    """A NaN magnitude is refused."""
    with pytest.raises(InvalidNumberError):
        to_exact(registry().Quantity(Decimal("NaN"), "元"), "万元")


def test_to_exact_refuses_other_registries_and_plain_numbers() -> None:
    """Only quantities from budgetkit's registry are converted."""
    other: Any = pint.UnitRegistry(None, non_int_type=Decimal)
    other.define("元 = [currency]")
    with pytest.raises(TypeError):
        to_exact(other.Quantity(Decimal(1), "元"), "元")
    with pytest.raises(TypeError):
        to_exact(Decimal(1), "元")


def test_to_exact_unknown_target_unit() -> None:
    """An unknown target unit raises UnknownUnitError."""
    with pytest.raises(UnknownUnitError):
        to_exact(quantity("1", "元"), "美元")


# -- quantity ------------------------------------------------------------------


def test_quantity_has_decimal_magnitude() -> None:
    """quantity() accepts str, int and Decimal, and keeps the number exact."""
    for value in ("0.1", 7, Decimal("2.50")):
        q = quantity(value, "万元")
        assert type(q.magnitude) is Decimal
    assert quantity("2.50", "万元").magnitude.as_tuple() == Decimal("2.50").as_tuple()
    assert quantity("１２", "个").magnitude == 12  # full-width digits go through to_decimal


@pytest.mark.parametrize("value", [0.5, True, "NaN", "1e5"])
def test_quantity_refuses_what_to_decimal_refuses(value: object) -> None:
    """Floats, bools, NaN and exponents are refused on the way in."""
    with pytest.raises((FloatRefusedError, InvalidNumberError)):
        quantity(value, "元")  # type: ignore[arg-type]


def test_quantity_refuses_float_with_float_refused_error() -> None:
    """A float amount raises FloatRefusedError, a TypeError."""
    with pytest.raises(FloatRefusedError) as info:
        quantity(0.1, "万元")  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError)


# -- register_unit / register_synonym ---------------------------------------------


def test_register_unit_adds_a_count() -> None:
    """A registered count unit parses, is listed, and converts to other counts and 万."""
    name = _fresh("场")
    with pytest.raises(UnknownUnitError):
        parse_unit(name)
    unit = register_unit(name, "= 1 count")
    assert parse_unit(name) == unit
    assert name in known_units()
    assert to_exact(quantity("3", "万"), name) == 30000


def test_register_unit_accepts_definition_without_equals() -> None:
    """The leading '=' of the definition is optional."""
    name = _fresh("千元")
    register_unit(name, "1000 元")
    assert to_exact(quantity("2.5", name), "万元") == Decimal("0.25")


def test_register_unit_new_dimension() -> None:
    """A definition like '[volume]' makes a new dimension that converts to nothing else."""
    name = _fresh("立方米")
    register_unit(name, f"= [volume_{uuid.uuid4().hex[:8]}]")
    with pytest.raises(UnitMismatchError):
        to_exact(quantity("1", name), "平方米")


def test_register_unit_is_idempotent() -> None:
    """Registering the same definition twice is harmless."""
    name = _fresh("场次")
    first = register_unit(name, "= 1 count")
    assert register_unit(f" {name} ", "1 count") == first


def test_register_unit_refuses_redefinition() -> None:
    """A known unit or synonym cannot be redefined, so conversions never change."""
    with pytest.raises(UnitDefinitionError, match="never redefines"):
        register_unit("个", "= 2 count")
    with pytest.raises(UnitDefinitionError, match="synonym"):
        register_unit("人数", "= 1 count")
    with pytest.raises(UnitDefinitionError, match="built into pint"):
        register_unit("dimensionless", "= 1 count")
    assert to_exact(quantity("1", "个"), "次") == 1


@pytest.mark.parametrize(
    ("definition", "fragment"),
    [
        ("= 1/3 count", "exact"),
        ("= 0 count", "positive"),
        ("= -1 元", "positive"),
        ("= 1 斤", "cannot be read"),
        ("= [count]", "already has a base unit"),
        ("= [bad dimension]", "dimension"),
        ("= 1 count = c", "one definition"),
        ("= 1 count; offset: 1", "offset"),
        ("= 1 count / 年", "exact"),
        ("", "one definition"),
    ],
)
def test_register_unit_refuses_bad_definitions(definition: str, fragment: str) -> None:
    """Inexact, non-positive, unknown, duplicate-dimension and malformed definitions are refused."""
    name = _fresh("坏")
    with pytest.raises(UnitDefinitionError, match=fragment) as info:
        register_unit(name, definition)
    assert isinstance(info.value, ValueError)
    assert info.value.name == name
    with pytest.raises(UnknownUnitError):
        parse_unit(name)


@pytest.mark.parametrize("name", ["", "元/人", "2场", "万 元"])
def test_register_unit_refuses_bad_names(name: str) -> None:
    """A unit name must be one word not starting with a digit."""
    with pytest.raises(UnitDefinitionError):
        register_unit(name, "= 1 count")


def test_register_synonym() -> None:
    """A registered synonym parses to its unit and is listed; registering it again is harmless."""
    alias = _fresh("人头")
    assert register_synonym(alias, "人") == parse_unit("人")
    assert parse_unit(f" {alias} ") == parse_unit("人")
    assert alias in known_units()
    assert register_synonym(alias, "人数") == parse_unit("人")  # same unit through another synonym


def test_register_synonym_refusals() -> None:
    """Re-pointing a name, an unknown target, or an alias with '/' is refused."""
    alias = _fresh("员")
    register_synonym(alias, "人")
    with pytest.raises(UnitDefinitionError):
        register_synonym(alias, "个")
    with pytest.raises(UnitDefinitionError):
        register_synonym("个", "人")
    with pytest.raises(UnknownUnitError):
        register_synonym(_fresh("斤"), "斤")
    with pytest.raises(UnitDefinitionError):
        register_synonym("元/位", "元")
    with pytest.raises(UnitDefinitionError):
        register_synonym("  ", "元")


# -- Money ----------------------------------------------------------------------


def test_money_round_trips_through_a_quantity() -> None:
    """Money → quantity in 万元 → Money keeps the amount digit for digit."""
    for amount in ("1054.90", "0.059979", "-3", "0"):
        money = Money(amount)
        q = money.to_quantity()
        assert f"{q.units:~}" == "万元"
        back = Money.from_quantity(q)
        assert back == money
        assert back.amount.as_tuple() == money.amount.as_tuple()


def test_money_from_yuan_and_yi_yuan_quantities() -> None:
    """Quantities in 元 and 亿元 become Money in 万元 exactly."""
    assert Money.from_quantity(quantity("599.79", "元")) == Money.from_yuan("599.79") == Money("0.059979")
    assert Money.from_quantity(quantity("1.2", "亿元")) == Money("12000")


def test_money_from_a_count_is_refused() -> None:
    """A count is not money."""
    with pytest.raises(UnitMismatchError):
        Money.from_quantity(quantity("3", "个"))


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=6, allow_nan=False, allow_infinity=False))
def test_money_quantity_round_trip_property(amount: Decimal) -> None:
    """Any amount survives Money → quantity → 元 → quantity → Money unchanged."""
    yuan = to_exact(Money(amount).to_quantity(), "元")
    assert Money.from_quantity(quantity(yuan, "元")) == Money(amount)


def test_checking_a_unit_name_does_not_build_pint() -> None:
    """Loading and checking the built-in dataset (every indicator checks its unit) never imports pint; nor, on
    the command line, cattrs (a well-formed file takes the fast path) or logging (only a PDF's reader needs it)."""
    import subprocess
    import sys

    code = (
        "import sys, budgetkit\n"
        "from budgetkit import datasets\n"
        "budgetkit.check(datasets.load('zigong-hr-2023'))\n"
        "from budgetkit.cli import main\n"
        "main(['check', 'zigong-hr-2023'], out=open('/dev/null', 'w'))\n"
        "print(sorted({'pint', 'cattrs', 'logging'} & set(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_converter_is_built_on_first_use() -> None:
    """``budgetkit.io.converter`` stays public: built (with cattrs) when first asked for, then the same object."""
    import json

    from budgetkit import datasets, io

    assert "converter" in dir(io)  # listed before it is built (help(), completion)
    converter = io.converter
    assert converter is io.converter
    seed = datasets.load("zigong-hr-2023")
    plain = json.loads(json.dumps(converter.unstructure(seed)))  # as a file holds it: lists, strings
    assert converter.structure(plain, type(seed)) == seed
    with pytest.raises(AttributeError, match="no attribute 'convertor'"):
        io.convertor  # noqa: B018


def test_check_unit_agrees_with_parse_unit() -> None:
    """check_unit accepts exactly the names parse_unit accepts, compounds included."""
    from budgetkit.values.units import check_unit

    for name in (*known_units(), "元/人", "次／年"):
        assert check_unit(name)
        assert parse_unit(name) is not None
    with pytest.raises(UnknownUnitError):
        check_unit("斤/人")
