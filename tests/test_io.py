"""Tests for budgetkit.io: lossless TOML/JSON files and every problem reported with its path."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from budgetkit import datasets
from budgetkit.errors import BudgetkitError, LoadError
from budgetkit.io import MAX_FILE_BYTES, MAX_NESTING, dump, dumps, load, loads, unstructure
from budgetkit.model.account import (
    Assets,
    ExpenseSide,
    Figure,
    FinalAccount,
    FiscalAppropriation,
    FiscalFund,
    Income,
    ReceptionEvent,
    ThreePublic,
    UnitType,
)
from budgetkit.model.category import ExpenseCategory
from budgetkit.model.claim import ChangeExplanation, Claim, ClaimKind, Contribution
from budgetkit.model.indicator import PerformanceIndicator
from budgetkit.model.project import FundGrid, FundLine, FundSource, Project, ProjectKind
from budgetkit.model.tables import Cell, Row, Table, Tables
from budgetkit.values.money import Money

FIXTURES = Path(__file__).parent / "fixtures" / "io"
FORMATS = ["toml", "json"]


@pytest.fixture(scope="module")
def seed() -> FinalAccount:
    """The built-in transcription of the seed report."""
    return datasets.load("zigong-hr-2023")


def _minimal(**fields: Any) -> FinalAccount:
    return FinalAccount(unit="示例单位", year=2023, unit_type="公益一类事业单位", **fields)


# -- round trips ----------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_seed_round_trips_equal(seed: FinalAccount, fmt: str) -> None:
    """Writing the seed account and reading it back gives an equal account."""
    assert loads(dumps(seed, fmt), fmt) == seed  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", FORMATS)
def test_seed_round_trips_digit_for_digit(seed: FinalAccount, fmt: str) -> None:
    """Writing, reading and writing again gives the same text: no digit or field drifts."""
    text = dumps(seed, fmt)  # type: ignore[arg-type]
    assert dumps(loads(text, fmt), fmt) == text  # type: ignore[arg-type]
    assert unstructure(loads(text, fmt)) == unstructure(seed)  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_keeps_printed_places(seed: FinalAccount, fmt: str) -> None:
    """0.8 stays '0.8', 2.00 stays '2.00', 980 stays '980' and 89.30 stays '89.30' after a round trip."""
    back = loads(dumps(seed, fmt), fmt)  # type: ignore[arg-type]
    assert str(back.three_public.reception.current.amount) == "0.8"  # type: ignore[union-attr]
    assert str(back.three_public.vehicle.current.amount) == "2.00"  # type: ignore[union-attr]
    assert str(back.general_budget.categories[4].actual.amount) == "980"  # type: ignore[union-attr]
    assert str(back.project("51030022T000000326059").funds.total.stated_rate) == "100.00"
    assert str(back.project("人员类项目").funds.total.stated_rate) == "100"
    score = next(c for c in back.claims if c.kind is ClaimKind.SCORE and c.subject == "projects[?evaluated=true]")
    assert str(score.stated) == "89.30"


def test_numbers_are_written_as_strings(seed: FinalAccount) -> None:
    """Dumped files hold every amount as a quoted string, never a float."""
    toml_text = dumps(seed, "toml")
    assert 'reception_domestic = "0.8"' in toml_text
    assert 'current = "1054.90"' in toml_text

    def no_floats(text: str) -> None:
        raise AssertionError(f"float {text} in dumped JSON")

    data = json.loads(dumps(seed, "json"), parse_float=no_floats)
    assert data["income"]["total"] == {"current": "1054.90", "previous": "988.88"}
    assert data["three_public"]["vehicle"] == {"current": "2.00", "previous": "1.93", "budget": "2.00"}


def test_unknown_figures_stay_absent(seed: FinalAccount) -> None:
    """A figure the report does not print is left out of the file, not written as 0."""
    data = unstructure(seed)
    assert "opening_balance" not in data["income"]
    assert "project" not in data["general_budget"]
    assert loads(dumps(seed)).income.opening_balance.current is None


@pytest.mark.parametrize("suffix", [".toml", ".json", ".JSON"])
def test_dump_and_load_files(seed: FinalAccount, tmp_path: Path, suffix: str) -> None:
    """dump() writes TOML or JSON by the file suffix and load() reads it back equal."""
    path = tmp_path / f"account{suffix}"
    dump(seed, path)
    text = path.read_text(encoding="utf-8")
    if suffix.lower() == ".json":
        assert json.loads(text)["unit"] == "自贡市人力资源服务中心"
    else:
        assert text.startswith('format_version = "0.2"\nunit = "自贡市人力资源服务中心"')
    assert load(path) == seed
    assert load(str(path)) == seed


def test_load_accepts_a_byte_order_mark(tmp_path: Path) -> None:
    """A UTF-8 file saved with a BOM (as Windows editors do) loads."""
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + dumps(_minimal()).encode("utf-8"))
    assert load(path) == _minimal()


def test_missing_file_is_a_load_error_naming_it(tmp_path: Path) -> None:
    """A file that cannot be read raises LoadError naming the file."""
    path = tmp_path / "absent.toml"
    with pytest.raises(LoadError) as caught:
        load(path)
    assert caught.value.source == str(path)
    assert "cannot read the file" in caught.value.issues[0].message


def test_integers_are_accepted_for_whole_amounts() -> None:
    """An amount written as a TOML integer is read exactly, and written back as a string."""
    account = loads('unit = "示例单位"\nyear = 2023\nunit_type = "行政单位"\n[income]\ntotal = 10\n')
    assert account.income.total.current == Money(10)
    assert 'total = "10"' in dumps(account)


def test_amounts_with_seven_or_more_places_round_trip() -> None:
    """An accepted amount with up to 12 places (0.0000001 万元) round-trips through dumps/loads."""
    account = _minimal(income=Income(total=Figure("0.0000001", previous="0.00000012")))
    back = loads(dumps(account))
    assert back == account
    assert format(back.income.total.previous.amount, "f") == "0.00000012"  # type: ignore[union-attr]


def test_text_with_windows_line_breaks_round_trips_in_toml() -> None:
    """Published text holding CRLF line breaks comes back unchanged from a TOML file."""
    account = _minimal(duties="第一段\r\n第二段")
    assert loads(dumps(account, "toml"), "toml").duties == "第一段\r\n第二段"


# -- bad input: one fixture per failure mode --------------------------------------

_PATH_BUG = (
    "io puts a ModelError's own path into the message instead of joining it to the LoadIssue path, "
    "so the issue points at the containing object"
)

BAD_FIXTURES = [
    ("float_amount.toml", "$.income.total", "1054.90 is a float"),
    ("nan_amount.json", "$.income.total", "NaN is a float"),
    ("infinity_amount.json", "$.expenditure.total", "-Infinity is a float"),
    ("exponent_string.toml", "$.procurement.total", "'1e999999999' is not accepted as a number"),
    ("too_many_places.toml", "$.income.general_budget", "more than 12 decimal places"),
    ("wrong_type.toml", "$.three_public.events[0].persons", 'expected a whole number, got "4"'),
    ("date_for_text.toml", "$.three_public.events[0].date", "expected text, got a date"),
    ("unknown_key.toml", "$.projects[0].indicators[0]", "unknown keys: wieght"),
    ("unknown_figure_key.toml", "$.income.total", "unknown keys last_year; a figure has"),
    ("missing_required.toml", "$.projects[0].indicators[0].weight", "required field 'weight' is missing"),
    ("missing_unit.toml", "$.unit", "required field 'unit' is missing"),
    ("unknown_unit_type.toml", "$.unit_type", '"国有企业" is not one of: 行政单位'),
    (
        "unknown_project_kind.toml",
        "$.projects[0].kind",
        '"基建类" is not one of: 人员类、公用经费、其他运转类、特定目标类',
    ),
    ("unknown_operator.toml", "$.projects[0].indicators[0].operator", "unknown indicator operator '≈'"),
    ("unknown_fund_source.toml", "$.projects[0].funds.lines[0].source", "unknown fund source '社会资金'"),
    ("unknown_claim_kind.toml", "$.claims[0].kind", '"percentage" is not one of'),
    ("bool_for_int.toml", "$.assets.vehicles", "expected a whole number, got true"),
    ("bool_for_number.toml", "$.projects[0].indicators[0].weight", "got true"),
    ("bool_for_year.toml", "$.year", "expected a whole number, got true"),
    ("deep_nesting.json", "$.glossary" + "[0]" * (MAX_NESTING - 1), f"nested deeper than {MAX_NESTING} levels"),
    ("not_utf8.toml", "$", "not UTF-8 text"),
    ("invalid_syntax.toml", "$", "not valid TOML"),
    ("invalid_syntax.json", "$", "not valid JSON"),
    ("top_level_array.json", "$", "the top level must be a table/object"),
    pytest.param("duplicate_project.toml", "$.projects[1]", "'51030022T000000326059' appears twice"),
    pytest.param("negative_weight.toml", "$.projects[0].indicators[0].weight", "must not be negative"),
    pytest.param("year_out_of_range.toml", "$.year", "outside 1990–2100"),
    pytest.param("pair_too_long.toml", "$.assets.vehicles_by_use[0]", "expected a [name, count] pair, got a list of 3"),
    pytest.param(
        "text_for_table_list.toml",
        "$.general_budget.categories",
        "",  # any wording; the bug is that no LoadError is raised at all
    ),
]


@pytest.mark.parametrize(("filename", "where", "fragment"), BAD_FIXTURES)
def test_each_bad_fixture_gives_its_one_problem(filename: str, where: str, fragment: str) -> None:
    """Each broken fixture raises one LoadError naming the file, the path ($.…) and the problem."""
    path = FIXTURES / filename
    with pytest.raises(LoadError) as caught:
        load(path)
    error = caught.value
    assert isinstance(error, BudgetkitError) and isinstance(error, ValueError)
    assert error.source == str(path)
    assert [issue.path for issue in error.issues] == [where]
    assert fragment in error.issues[0].message
    assert str(path) in str(error)
    assert f"  {where}: " in str(error)


def test_huge_integer_literal_is_a_load_error() -> None:
    """An integer literal too long for Python's int parser is refused with a LoadError naming the file."""
    path = FIXTURES / "huge_integer.json"
    with pytest.raises(LoadError) as caught:
        load(path)
    assert caught.value.source == str(path)


def test_many_problems_are_all_reported_at_once() -> None:
    """A file with six problems raises one LoadError listing all six, each with its path."""
    path = FIXTURES / "many_problems.toml"
    with pytest.raises(LoadError) as caught:
        load(path)
    found = {issue.path: issue.message for issue in caught.value.issues}
    expected = {
        "$.duties": "expected text, got 5",
        "$.income.total": "1054.9 is a float",
        "$.assets.vehicles": "got true",
        "$.projects[0]": "unknown keys: colour",
        "$.projects[0].indicators[0].operator": "unknown indicator operator '≈'",
        "$.projects[0].indicators[1].weight": "required field 'weight' is missing",
    }
    assert len(caught.value.issues) == len(expected)
    assert set(found) == set(expected)
    for where, fragment in expected.items():
        assert fragment in found[where], where
    assert "6 problems" in str(caught.value)


def test_every_fixture_file_is_covered() -> None:
    """No fixture file in the folder is left untested."""
    tested = {getattr(param, "values", param)[0] for param in BAD_FIXTURES}
    names = tested | {"many_problems.toml", "huge_integer.json"}
    assert {path.name for path in FIXTURES.iterdir()} == names


def test_file_too_large_is_refused_unread(tmp_path: Path) -> None:
    """A file over MAX_FILE_BYTES (10 MiB) is refused with a LoadError naming the limit."""
    path = tmp_path / "huge.toml"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(LoadError) as caught:
        load(path)
    assert caught.value.source == str(path)
    assert caught.value.issues[0].path == "$"
    assert f"larger than the limit of {MAX_FILE_BYTES}" in caught.value.issues[0].message


def test_text_too_large_is_refused() -> None:
    """loads() refuses text longer than MAX_FILE_BYTES before parsing it."""
    with pytest.raises(LoadError) as caught:
        loads("#" * (MAX_FILE_BYTES + 1), source="big.toml")
    assert caught.value.source == "big.toml"
    assert "longer than" in caught.value.issues[0].message


@pytest.mark.parametrize("fmt", FORMATS)
def test_nesting_past_the_recursion_limit_is_a_load_error(fmt: str) -> None:
    """Nesting far deeper than the parser's recursion limit is a LoadError, not a crash."""
    depth = 100_000
    text = "[" * depth + "]" * depth if fmt == "json" else "a = " + "[" * depth + "]" * depth
    with pytest.raises(LoadError) as caught:
        loads(text, fmt)  # type: ignore[arg-type]
    assert caught.value.issues[0].path == "$"
    assert f"nested deeper than {MAX_NESTING} levels" in caught.value.issues[0].message


def test_loads_names_its_source() -> None:
    """loads() names '<string>' or the given source in its error."""
    with pytest.raises(LoadError, match=r"cannot load <string>: 1 problem"):
        loads("x = ")
    with pytest.raises(LoadError, match=r"cannot load 报表\.toml: 1 problem"):
        loads("x = ", source="报表.toml")


# -- property: random small accounts round-trip digit for digit ---------------------

# Published amounts go down to one 分 (0.000001 万元); finer amounts have a test of their own above.
amounts = st.builds(
    lambda units, places: f"{Decimal(units).scaleb(-places):f}",
    st.integers(min_value=-(10**12), max_value=10**12),
    st.integers(min_value=0, max_value=6),
)
non_negative = st.builds(
    lambda units, places: f"{Decimal(units).scaleb(-places):f}",
    st.integers(min_value=0, max_value=10**6),
    st.integers(min_value=0, max_value=4),
)
# CR is left out here; CRLF in text has a test of its own above.
texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), max_size=12)
counts = st.integers(min_value=0, max_value=10**6)
figures = st.builds(
    Figure,
    current=st.none() | amounts,
    previous=st.none() | amounts,
    budget=st.none() | amounts,
)
fund_lines = st.builds(
    FundLine,
    source=st.sampled_from(FundSource),
    initial=st.none() | non_negative,
    adjusted=st.none() | non_negative,
    executed=st.none() | non_negative,
    stated_rate=st.none() | non_negative,
)
cells = texts | non_negative | st.sampled_from(["好", "11月底前", "好坏"])
indicators = st.builds(
    PerformanceIndicator,
    level1=texts,
    level2=texts,
    level3=texts,
    operator=st.sampled_from(["≥", "＝", "≤", "<", ">", "定性", ">=", "小于等于"]),
    target=cells,
    unit=st.sampled_from(["", "%", "万", "人次", "平方米"]),
    actual=st.none() | cells,
    weight=non_negative,
    stated_score=st.none() | non_negative,
    reason=texts,
)
projects = st.builds(
    Project,
    code=st.none() | st.from_regex(r"5103002[23]T\d{12}", fullmatch=True),
    name=texts,
    kind=st.sampled_from(ProjectKind),
    evaluated=st.booleans(),
    funds=st.builds(
        FundGrid,
        lines=st.lists(fund_lines, max_size=5, unique_by=lambda line: line.source).map(tuple),
    ),
    execution_weight=st.none() | non_negative,
    execution_score=st.none() | non_negative,
    indicators=st.lists(indicators, max_size=4).map(tuple),
    stated_weight_total=st.none() | non_negative,
    stated_total=st.none() | non_negative,
    conclusion=texts,
)
claims = st.builds(
    Claim,
    kind=st.sampled_from(ClaimKind),
    subject=st.sampled_from(["income.total", "three_public.events[*].persons", "projects[?evaluated=true]", "757"]),
    stated=amounts,
    base=st.none() | st.sampled_from(["income.year_total", "700"]),
    text=texts,
    section=texts,
)
contributions = st.builds(
    Contribution,
    label=texts,
    amount=amounts,
    parts=st.lists(st.builds(Contribution, label=texts, amount=amounts), max_size=3).map(tuple),
)
categories = st.builds(
    ExpenseCategory,
    level=st.just("类"),
    name=texts,
    code=st.none() | st.just("208"),
    actual=st.none() | amounts,
    children=st.lists(
        st.builds(ExpenseCategory, level=st.just("款"), name=texts, actual=st.none() | amounts), max_size=2
    ).map(tuple),
)
events = st.builds(
    ReceptionEvent,
    date=st.just("2023-02-10"),
    party=texts,
    persons=counts,
    cost_yuan=non_negative,
    purpose=texts,
)
table_codes = st.sampled_from(["208", "20805", "2080501", "2080505", "221", "income.total", "three_public.total"])


@st.composite
def printed_tables(draw: st.DrawFn) -> Tables:
    """Up to two tables, each with a few rows whose cells are printed numbers or printed blanks."""
    tables = []
    for index in range(draw(st.integers(min_value=0, max_value=2))):
        columns = tuple(
            draw(st.lists(st.sampled_from(["total", "basic", "project", "amount"]), min_size=1, unique=True))
        )
        keys = draw(st.lists(table_codes, max_size=4, unique=True))
        rows = tuple(
            Row(
                key=key,
                name=draw(texts),
                number=draw(st.sampled_from(["", "八、"])),
                cells=tuple(Cell(draw(st.none() | amounts)) for _ in columns),
            )
            for key in keys
        )
        notes = tuple(draw(st.lists(texts, max_size=1)))
        tables.append(
            Table(key=f"t{index}", number=draw(texts), title=draw(texts), columns=columns, rows=rows, notes=notes)
        )
    contents = tuple(draw(st.lists(texts, max_size=2)))
    return Tables(set="", contents=contents, tables=tuple(tables))


accounts = st.builds(
    FinalAccount,
    unit=texts,
    year=st.integers(min_value=1990, max_value=2100),
    unit_type=st.sampled_from(UnitType),
    duties=texts,
    income=st.builds(Income, total=figures, general_budget=figures, year_total=figures),
    expenditure=st.builds(ExpenseSide, basic=figures, total=figures),
    fiscal=st.builds(FiscalAppropriation, total=figures, general_budget=st.builds(FiscalFund, income=figures)),
    three_public=st.builds(
        ThreePublic,
        reception=figures,
        vehicles_owned=st.none() | counts,
        vehicles_owned_by_type=st.lists(st.tuples(texts, counts), max_size=2).map(tuple),
        events=st.lists(events, max_size=2).map(tuple),
    ),
    assets=st.builds(Assets, vehicles=st.none() | counts),
    projects=st.lists(projects, max_size=1).map(tuple),
    claims=st.lists(claims, max_size=3).map(tuple),
    explanations=st.lists(
        st.builds(
            ChangeExplanation,
            subject=st.just("income.total"),
            change=amounts,
            contributions=st.lists(contributions, max_size=2).map(tuple),
        ),
        max_size=1,
    ).map(tuple),
    tables=printed_tables(),
)


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=60, deadline=None)
@given(account=accounts)
def test_random_accounts_round_trip_digit_for_digit(fmt: str, account: FinalAccount) -> None:
    """Any small account loads back equal from its dump, with every number's digits unchanged."""
    text = dumps(account, fmt)  # type: ignore[arg-type]
    back = loads(text, fmt)  # type: ignore[arg-type]
    assert back == account
    assert unstructure(back) == unstructure(account)
    assert dumps(back, fmt) == text  # type: ignore[arg-type]


@given(amount=amounts)
def test_figure_digits_survive_a_round_trip(amount: str) -> None:
    """A figure's printed places survive a round trip: '2.00' does not become '2' nor '2.0'."""
    account = _minimal(income=Income(total=Figure(amount, previous=amount)))
    back = loads(dumps(account))
    assert str(back.income.total.current.amount) == amount  # type: ignore[union-attr]
    assert str(back.income.total.previous.amount) == amount  # type: ignore[union-attr]


# -- file format versions ---------------------------------------------------------

FORMAT_01 = sorted((Path(__file__).parent / "fixtures" / "format-0.1").glob("*.toml"))


@pytest.mark.parametrize("path", FORMAT_01, ids=lambda path: path.name)
def test_format_0_1_files_load_unchanged(path: Path) -> None:
    """A 0.1 file (no format_version) loads as it did, equal to the same file marked 0.1 or 0.2."""
    text = path.read_text(encoding="utf-8")
    assert "format_version" not in text and "[tables" not in text
    account = loads(text)
    assert loads('format_version = "0.1"\n' + text) == account == loads('format_version = "0.2"\n' + text)
    assert not account.tables
    assert loads(dumps(account)) == account and dumps(account).startswith('format_version = "0.2"\n')


def test_format_0_1_seed_keeps_its_figures() -> None:
    """The 0.1 copy of the built-in seed gives the seed's figures digit for digit (what was added since aside)."""
    account = load(Path(__file__).parent / "fixtures" / "format-0.1" / "zigong-hr-2023.toml")
    seed = datasets.load("zigong-hr-2023")
    for part in ("income", "expenditure", "fiscal", "operating_costs", "procurement", "assets", "charts", "passages"):
        assert getattr(account, part) == getattr(seed, part), part
    assert [getattr(account.three_public, f).current for f in ("total", "outbound", "vehicle", "reception")] == [
        getattr(seed.three_public, f).current for f in ("total", "outbound", "vehicle", "reception")
    ]
    assert str(account.income.total.current.amount) == "1054.90"  # type: ignore[union-attr]


@pytest.mark.parametrize("version", ['"0.6"', '"1.0"', "2"])
def test_an_unknown_format_version_is_refused(version: str) -> None:
    """A version this budgetkit does not know is a LoadError at $.format_version, not a guess."""
    with pytest.raises(LoadError) as caught:
        loads(f'format_version = {version}\nunit = "示例"\nyear = 2024\nunit_type = "行政单位"\n')
    assert [issue.path for issue in caught.value.issues] == ["$.format_version"]
    assert "0.1, 0.2" in caught.value.issues[0].message


def test_tables_in_a_file_marked_0_1_are_refused() -> None:
    """Tables came with 0.2: a file that says 0.1 yet has tables is a mistake, reported at $.tables."""
    text = (
        'format_version = "0.1"\nunit = "示例"\nyear = 2024\nunit_type = "行政单位"\n[tables]\nset = "national-2024"\n'
    )
    with pytest.raises(LoadError, match=r"\$\.tables: tables need format_version"):
        loads(text)


def test_printed_tables_round_trip_with_blanks_and_places() -> None:
    """Table cells come back digit for digit: '0.00' stays two places and a blank stays blank."""
    table = Table(
        key="general_budget_expenditure",
        number="五",
        title="一般公共预算财政拨款支出决算表",
        columns=("total", "basic", "project"),
        rows=(Row(key="2200199", name="其他自然资源事务支出", cells=("45.00", "0.00", "")),),
    )
    account = FinalAccount(
        unit="示例", year=2024, unit_type="行政单位", tables=Tables(set="national-2024", tables=(table,))
    )
    for fmt in ("toml", "json"):
        text = dumps(account, fmt)  # type: ignore[arg-type]
        back = loads(text, fmt)  # type: ignore[arg-type]
        assert back == account
        assert [c.text for c in back.tables.tables[0].rows[0].cells] == ["45.00", "0.00", ""]
    assert 'cells = [\n    "45.00",\n    "0.00",\n    "",\n]' in dumps(account)


def test_a_float_cell_in_a_file_is_refused_with_its_path() -> None:
    """A cell written as a TOML float is refused at its path; no digit is guessed."""
    text = (
        'format_version = "0.2"\nunit = "示例"\nyear = 2024\nunit_type = "行政单位"\n'
        '[[tables.tables]]\nkey = "t"\ncolumns = ["amount"]\n'
        '[[tables.tables.rows]]\nkey = "208"\nname = "x"\ncells = [754.75]\n'
    )
    with pytest.raises(LoadError) as caught:
        loads(text)
    assert [issue.path for issue in caught.value.issues] == ["$.tables.tables[0].rows[0].cells[0]"]
    assert "754.75 is a float" in caught.value.issues[0].message


FORMAT_02 = [Path(__file__).parent / "fixtures" / "audit" / f"{name}.toml" for name in ("consistent", "identity.reception_events")]


@pytest.mark.parametrize("path", FORMAT_02, ids=lambda path: path.stem)
def test_a_0_2_file_without_domestic_reception_counts_loads_and_dumps_as_before(path: Path) -> None:
    """0.2 files written before 国内公务接待 counts were held load without them, and dump without a new key."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith('format_version = "0.2"\n') and "domestic_" not in text
    account = loads(text)
    assert (account.three_public.domestic_batches, account.three_public.domestic_persons) == (None, None)
    assert "domestic_" not in dumps(account) and "domestic_" not in dumps(account, "json")
    assert dumps(loads(dumps(account))) == dumps(account)


@pytest.mark.parametrize("fmt", FORMATS)
def test_domestic_reception_counts_round_trip(fmt: str) -> None:
    """国内公务接待 批次 and 人次 held as counts are written under [three_public] and read back."""
    account = _minimal(three_public=ThreePublic(reception_domestic="3.00", domestic_batches=10, domestic_persons=60))
    text = dumps(account, fmt)  # type: ignore[arg-type]
    assert loads(text, fmt) == account  # type: ignore[arg-type]
    if fmt == "toml":
        assert "domestic_batches = 10\ndomestic_persons = 60\n" in text
    with pytest.raises(LoadError) as caught:
        loads('format_version = "0.2"\nunit = "示例"\nyear = 2024\nunit_type = "行政单位"\n[three_public]\ndomestic_persons = -1\n')
    assert [issue.path for issue in caught.value.issues] == ["$.three_public.domestic_persons"]
