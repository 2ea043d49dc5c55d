"""Tests for budgetkit.reference.classification: shipped tables, loading user tables, resolving published lines."""

from __future__ import annotations

import itertools
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from budgetkit.errors import BudgetkitError, ClassificationError, LoadError
from budgetkit.reference.classification import (
    COLUMNS,
    ECONOMIC_SOURCE,
    FUNCTIONAL_SOURCE,
    ISSUE_CODES,
    MAX_TABLE_BYTES,
    SHIPPED_DATE,
    ClassificationTable,
    Editions,
    Entry,
    Level,
    Resolution,
    check_editions,
    economic_table,
    functional_table,
    is_generic,
    load_table,
    resolve_code,
    resolve_line,
    resolve_name,
)

FIXTURES = Path(__file__).parent / "fixtures" / "classification"

# The eight published lines of section 五（三） of the seed report (2023 单位决算说明), verbatim.
SEED_LINES = (
    "1.社会保障和就业支出（类）人力资源和社会保障管理事务（款）事业运行（项）：支出决算数为426.43万元，完成预算100%。",
    "2.社会保障和就业支出（类）人力资源和社会保障管理事务（款）其他人力资源和社会保障管理事务支出（项）："
    "支出决算数为100.39万元，完成预算100%。",
    "3.社会保障和就业支出（类）人力资源和社会保障管理事务（款）其他就业补助支出（项）：支出决算数为374.56万元，完成预算100%。",
    "4.社会保障和就业支出（类）人力资源和社会保障管理事务（款）事业单位离退休（项）：支出决算数为4.41万元，完成预算100%。",
    "5.社会保障和就业支出（类）行政事业单位离退休（款）机关事业单位基本养老保险缴费支出（项）："
    "支出决算数为49.47万元，完成预算100%。",
    "6.社会保障和就业支出（类）行政事业单位离退休（款）机关事业单位职业年金缴费支出（项）：支出决算数为24.74万，完成预算100%。",
    "7.医疗卫生和计划生育支出（类）行政事业单位医疗（款）事业单位医疗（项）：支出决算数为18.93万元，完成预算100%。",
    "8.住房保障支出（类）住房改革支出（款）住房公积金（项）：支出决算数为27.05万元，完成预算100%。",
)

# (line number, expected (类, 款, 项) codes, expected issue codes when read as the 2023 edition)
SEED_EXPECTED = (
    (1, ("208", "20801", "2080150"), ()),
    (2, ("208", "20801", "2080199"), ()),
    (3, ("208", "20801", "2080799"), ("item_not_in_section",)),
    (4, ("208", "20801", "2080502"), ("item_not_in_section",)),
    (5, ("208", "20805", "2080505"), ("outdated_name",)),
    (6, ("208", "20805", "2080506"), ("outdated_name",)),
    (7, ("210", "21011", "2101102"), ("variant_spelling", "outdated_name")),
    (8, ("221", "22102", "2210201"), ()),
)

DOMAIN_CLASSES = {
    "201": "一般公共服务支出",
    "202": "外交支出",
    "203": "国防支出",
    "204": "公共安全支出",
    "205": "教育支出",
    "206": "科学技术支出",
    "207": "文化旅游体育与传媒支出",
    "208": "社会保障和就业支出",
    "210": "卫生健康支出",
    "211": "节能环保支出",
    "212": "城乡社区支出",
    "213": "农林水支出",
    "214": "交通运输支出",
    "215": "资源勘探工业信息等支出",
    "216": "商业服务业等支出",
    "217": "金融支出",
    "219": "援助其他地区支出",
    "220": "自然资源海洋气象等支出",
    "221": "住房保障支出",
    "222": "粮油物资储备支出",
    "224": "灾害防治及应急管理支出",
    "227": "预备费",
    "229": "其他支出",
    "230": "转移性支出",
    "231": "债务还本支出",
    "232": "债务付息支出",
    "233": "债务发行费用支出",
}


def _tables() -> list[ClassificationTable]:
    return [functional_table(), economic_table()]


# -- shipped tables --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("table", _tables(), ids=["functional", "economic"])
def test_every_parent_of_a_shipped_code_exists(table: ClassificationTable) -> None:
    """Every 款 and 项 of a shipped table has its parent code in the same table."""
    for entry in table:
        if entry.parent_code is not None:
            assert entry.parent_code in table, entry
            assert table.parent(entry.code) is not None


@pytest.mark.parametrize("table", _tables(), ids=["functional", "economic"])
def test_shipped_levels_match_code_lengths(table: ClassificationTable) -> None:
    """A shipped entry's level always agrees with the number of digits of its code."""
    for entry in table:
        assert len(entry.code) == entry.level.code_length
        assert Level.of_code(entry.code) is entry.level


@pytest.mark.parametrize("table", _tables(), ids=["functional", "economic"])
def test_shipped_aliases_carry_contiguous_editions(table: ClassificationTable) -> None:
    """A code with several names has one bounded range per name, meeting without gap or overlap."""
    for code in table.codes():
        rows = table.names(code)
        if len(rows) == 1:
            continue
        assert rows[0].valid_from is None and rows[-1].valid_to is None
        for older, newer in itertools.pairwise(rows):
            assert older.valid_to is not None and newer.valid_from == older.valid_to + 1


@pytest.mark.parametrize("table", _tables(), ids=["functional", "economic"])
def test_shipped_tables_are_marked_partial_dated_and_sourced(table: ClassificationTable) -> None:
    """Both shipped tables say they are partial, when they were compiled, and where they come from."""
    assert table.is_partial
    assert table.date == SHIPPED_DATE
    assert table.source in (FUNCTIONAL_SOURCE, ECONOMIC_SOURCE)
    assert "DOMAIN.md" in table.source


def test_shipped_tables_are_read_once() -> None:
    """functional_table() and economic_table() return the same cached object each time."""
    assert functional_table() is functional_table()
    assert economic_table() is economic_table()


def test_functional_table_has_every_domain_class_with_its_current_name() -> None:
    """All 27 类 of DOMAIN.md §4 are shipped, under their current names, plus the two the samples print."""
    table = functional_table()
    assert {e.code: e.name for e in table if e.level is Level.CLASS and e.valid_to is None} == {
        **DOMAIN_CLASSES,
        "223": "国有资本经营预算支出",
        "234": "抗疫特别国债安排的支出",
    }


@pytest.mark.parametrize(
    ("code", "old", "new"),
    [
        ("207", "文化体育与传媒支出", "文化旅游体育与传媒支出"),
        ("210", "医疗卫生与计划生育支出", "卫生健康支出"),
        ("20805", "行政事业单位离退休", "行政事业单位养老支出"),
    ],
)
def test_renamed_codes_change_name_in_the_2019_edition(code: str, old: str, new: str) -> None:
    """207, 210 and 20805 use the old name up to the 2018 edition and the new one from 2019."""
    table = functional_table()
    assert table.get(code, edition=2018).name == old  # type: ignore[union-attr]
    assert table.get(code, edition=2019).name == new  # type: ignore[union-attr]
    assert table.get(code).name == new  # type: ignore[union-attr]
    assert [e.name for e in table.names(code)] == [old, new]


def test_recalled_boundary_of_20805_is_marked_in_the_data() -> None:
    """The 20805 rename year is flagged as recalled, not verified, on both rows."""
    assert all(e.note == "boundary recalled, not verified" for e in functional_table().names("20805"))


def test_functional_table_holds_the_domain_sections_and_items() -> None:
    """The 款 and 项 listed in DOMAIN.md §4 are shipped under the right parents."""
    table = functional_table()
    expected = {
        "20801": {"2080101", "2080102", "2080103", "2080104", "2080105", "2080106", "2080107", "2080108",
                  "2080109", "2080110", "2080111", "2080112", "2080150", "2080199"},
        "20805": {"2080501", "2080502", "2080503", "2080505", "2080506", "2080507", "2080599"},
        "20807": {"2080799"},
        "21011": {"2101101", "2101102", "2101103", "2101199"},
        "22102": {"2210201", "2210202", "2210203"},
    }  # fmt: skip
    for section, items in expected.items():
        assert {e.code for e in table.children(section)} == items
    assert table.get("2080111").name == "公共就业服务和职业技能鉴定机构"  # type: ignore[union-attr]
    assert table.get("2210201").name == "住房公积金"  # type: ignore[union-attr]


def test_economic_table_holds_the_domain_items_and_only_two_levels() -> None:
    """The economic table has 类 and 款 only, including the items DOMAIN.md §4 names."""
    table = economic_table()
    assert {e.level for e in table} == {Level.CLASS, Level.SECTION}
    assert [e.code for e in table if e.level is Level.CLASS] == ["301", "302", "303", "307", "309", "310", "312", "399"]
    named = {"30101": "基本工资", "30113": "住房公积金", "30201": "办公费", "30217": "公务接待费",
             "30228": "工会经费", "30231": "公务用车运行维护费", "30239": "其他交通费用",
             "30299": "其他商品和服务支出", "30302": "退休费", "31013": "公务用车购置"}  # fmt: skip
    for code, name in named.items():
        assert table.get(code).name == name  # type: ignore[union-attr]
    assert table.get("30212").name == "因公出国（境）费用"  # type: ignore[union-attr]


def test_find_matches_names_across_spellings_and_filters() -> None:
    """find() ignores whitespace, parenthesis width and 与/和, and filters by level, parent and edition."""
    table = functional_table()
    assert [e.code for e in table.find("医疗卫生和计划生育支出")] == ["210"]
    assert [e.code for e in table.find(" 卫生健康支出 ", level=Level.CLASS)] == ["210"]
    assert table.find("卫生健康支出", level=Level.SECTION) == ()
    assert [e.code for e in table.find("事业单位离退休", parent="208")] == ["2080502"]
    assert table.find("事业单位离退休", parent="20801") == ()
    assert table.find("行政事业单位离退休", edition=2023) == ()
    assert [e.code for e in economic_table().find("因公出国(境)费用")] == ["30212"]


def test_children_and_parent_follow_the_edition() -> None:
    """children() and parent() name each code as the requested edition does."""
    table = functional_table()
    assert [e.name for e in table.children("208", edition=2018)] == [
        "人力资源和社会保障管理事务",
        "行政事业单位离退休",
        "就业补助",
    ]
    assert table.parent("2080502", edition=2023).name == "行政事业单位养老支出"  # type: ignore[union-attr]
    assert table.parent("208") is None
    assert table.children("2080150") == ()
    with pytest.raises(ClassificationError):
        table.parent("20x")


def test_get_returns_none_for_unknown_codes_or_editions_without_the_code() -> None:
    """get() gives None for a code not in the table, never a guess."""
    table = functional_table()
    assert table.get("999") is None
    assert "999" not in table and "208" in table


# -- resolving published lines ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("number", "codes", "issue_codes"), SEED_EXPECTED)
def test_seed_lines_resolve_with_expected_codes_and_issues(
    number: int, codes: tuple[str, str, str], issue_codes: tuple[str, ...]
) -> None:
    """Each of the seed's eight 五（三） lines, read as the 2023 edition, gets its codes and exactly its issues."""
    resolution = resolve_line(SEED_LINES[number - 1], edition=2023)
    assert resolution.codes == codes
    assert resolution.issue_codes == issue_codes


def test_seed_lines_without_an_edition_report_only_placement_and_spelling() -> None:
    """Without an edition, only the wrong-款 lines (3, 4) and the 与/和 spelling (7) are reported."""
    found = [resolve_line(line).issue_codes for line in SEED_LINES]
    assert found == [(), (), ("item_not_in_section",), ("item_not_in_section",), (), (), ("variant_spelling",), ()]


def test_item_under_wrong_section_gives_real_code_and_real_section() -> None:
    """Line 3 keeps 2080799 and says it belongs to 20807 就业补助, in Chinese and English."""
    issue = resolve_line(SEED_LINES[2]).issues[0]
    assert issue.severity == "error" and issue.level is Level.ITEM and issue.name == "其他就业补助支出"
    assert "（20807）" in issue.message and "就业补助" in issue.message
    assert "it belongs to section '就业补助' (20807)" in issue.message_en


def test_retired_staff_item_is_placed_under_20805_named_for_the_edition() -> None:
    """Line 4's 事业单位离退休 is 2080502, under 20805, named 行政事业单位养老支出 in 2023 and the old name in 2018."""
    assert "「行政事业单位养老支出」（20805）" in resolve_line(SEED_LINES[3], edition=2023).issues[0].message
    assert "「行政事业单位离退休」（20805）" in resolve_line(SEED_LINES[3], edition=2018).issues[0].message


def test_old_section_name_in_2023_names_the_current_one() -> None:
    """Lines 5 and 6 use 行政事业单位离退休, which the 2023 edition calls 行政事业单位养老支出."""
    for line in SEED_LINES[4:6]:
        issue = resolve_line(line, edition=2023).issues[0]
        assert issue.code == "outdated_name" and issue.severity == "warning"
        assert issue.name == "行政事业单位离退休"
        assert "2023年版为「行政事业单位养老支出」" in issue.message


def test_pre_2019_class_name_is_reported_with_its_editions() -> None:
    """Line 7's 医疗卫生和计划生育支出 is the old 210 name (up to 2018), spelt with 和."""
    resolution = resolve_line(SEED_LINES[6], edition=2023)
    part = resolution.part(Level.CLASS)
    assert part is not None and part.entry is not None
    assert part.name == "医疗卫生和计划生育支出" and part.entry.name == "医疗卫生与计划生育支出"
    assert part.editions == Editions(last=2018)
    assert "「卫生健康支出」" in resolution.issues[1].message


@pytest.mark.parametrize(
    "line",
    [
        "卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项）",
        "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）",
        "文化旅游体育与传媒支出（类）",
    ],
)
def test_a_correct_modern_line_resolves_without_issue(line: str) -> None:
    """A line with current names under their real parents resolves in 2023 with no issue at all."""
    resolution = resolve_line(line, edition=2023)
    assert resolution.issues == () and resolution.ok
    assert all(part.code is not None for part in resolution.parts)


def test_half_width_parentheses_whitespace_and_numbering_are_accepted() -> None:
    """Half-width parentheses, stray spaces, a list number and a trailing sentence do not change the result."""
    messy = " 12. 住房保障支出 (类)  住房改革支出( 款 )住房公积金（项） , 用于缴费"
    resolution = resolve_line(messy)
    assert resolution.codes == ("221", "22102", "2210201") and resolution.issues == ()
    assert resolution.text == messy
    assert resolution.name(Level.SECTION) == "住房改革支出"


def test_mixed_editions_within_one_line_are_reported() -> None:
    """An old 款 name with an item name only used from 2019 on is reported as mixed editions."""
    resolution = resolve_line("社会保障和就业支出（类）行政事业单位离退休（款）其他行政事业单位养老支出（项）")
    assert resolution.codes == ("208", "20805", "2080599")
    assert resolution.issue_codes == ("mixed_editions",)
    assert "2018年版及以前" in resolution.issues[0].message and "2019年版起" in resolution.issues[0].message


def test_new_name_before_its_edition_is_reported() -> None:
    """Using 卫生健康支出 in the 2018 edition is a name_after_edition warning."""
    resolution = resolve_line("卫生健康支出（类）行政事业单位医疗（款）", edition=2018)
    assert resolution.issue_codes == ("name_after_edition",)


def test_section_under_wrong_class_says_where_it_belongs() -> None:
    """A 款 named under a 类 that does not contain it keeps its code and names its real 类."""
    resolution = resolve_line("卫生健康支出（类）住房改革支出（款）住房公积金（项）")
    assert resolution.codes == ("210", "22102", "2210201")
    assert resolution.issue_codes == ("section_not_in_class",)
    assert "住房保障支出" in resolution.issues[0].message and "(221)" in resolution.issues[0].message_en


def test_item_under_wrong_class_without_section() -> None:
    """A specific 项 named directly under a 类 that does not contain it is item_not_in_class."""
    resolution = resolve_line("住房保障支出（类）事业单位离退休（项）")
    assert resolution.codes == ("221", None, "2080502")
    assert resolution.issue_codes == ("item_not_in_class",)


def test_generic_item_under_a_class_is_not_placed_elsewhere() -> None:
    """A generic 项 (事业运行) under a 类 that the shipped table has no such 项 for is info, not an error."""
    resolution = resolve_line("住房保障支出（类）事业运行（项）")
    assert resolution.codes == ("221", None, None)
    assert resolution.issue_codes == ("generic_name",) and resolution.ok
    assert "住房保障支出" in resolution.issues[0].message


def test_unknown_name_is_reported_and_mentions_the_partial_table() -> None:
    """An unknown 款 is info (not in the shipped table, pointing at load_table); its generic 项 is not guessed."""
    resolution = resolve_line("社会保障和就业支出（类）不存在的款（款）事业运行（项）")
    assert resolution.codes == ("208", None, None)
    assert resolution.issue_codes == ("unknown_name", "generic_name")
    assert "load_table" in resolution.issues[0].message and "load_table" in resolution.issues[0].message_en
    assert "not in the shipped" in resolution.issues[0].message_en
    assert resolution.code == "208" and resolution.ok
    specific = resolve_line("社会保障和就业支出（类）不存在的款（款）事业单位离退休（项）")
    assert specific.codes == ("208", None, "2080502") and specific.issue_codes == ("unknown_name",)


def test_ambiguous_name_is_reported_unless_the_section_decides() -> None:
    """A generic name held by two codes decides nothing alone (info) and is resolved once its 款 is named."""
    table = load_table(FIXTURES / "good_table.csv")
    assert resolve_name("行政运行", table=table).issue_codes == ("generic_name",)
    resolution = resolve_line("卫生健康支出（类）卫生健康管理事务（款）行政运行（项）", table=table, edition=2023)
    assert resolution.codes == ("210", "21001", "2100101") and resolution.issues == ()


@pytest.mark.parametrize(
    "text",
    [
        "社会保障和就业支出",
        "人力资源和社会保障管理事务（款）社会保障和就业支出（类）",
        "（类）事业运行（项）",
        "住房保障支出（类）多余的文字",
        "",
        "x（项）" * 2000,
    ],
)
def test_unparseable_lines_raise_classification_error(text: str) -> None:
    """Text that is not a 类/款/项 line (no marker, wrong order, empty name, stray tail, too long) raises."""
    with pytest.raises(ClassificationError):
        resolve_line(text)


@pytest.mark.parametrize("edition", [2023.0, True, "2023", 1999, 2101])
def test_bad_edition_arguments_are_refused(edition: object) -> None:
    """An edition must be an int year in range; floats, bools, strings and far years are refused."""
    with pytest.raises(ClassificationError):
        resolve_line(SEED_LINES[0], edition=edition)  # type: ignore[arg-type]


def test_resolve_name_handles_bare_class_names_of_section_five_two() -> None:
    """Bare names as in section 五（二） resolve at any level, carrying their editions."""
    resolution = resolve_name("卫生健康支出")
    assert isinstance(resolution, Resolution)
    assert resolution.code == "210" and resolution.parts[0].level is Level.CLASS
    assert resolve_name("事业单位离退休", level=Level.SECTION).issue_codes == ("unknown_name",)
    with pytest.raises(ClassificationError):
        resolve_name("  ")


def test_check_editions_flags_a_report_mixing_old_and_new_names() -> None:
    """The seed mixes 卫生健康支出 (五（二）) with 2018-edition names (五（三）): each clash is reported once."""
    report = [resolve_name("卫生健康支出"), *(resolve_line(line) for line in SEED_LINES)]
    issues = check_editions(report)
    assert [issue.code for issue in issues] == ["mixed_editions", "mixed_editions"]
    clashes = {(issue.name, issue.message_en.split("'")[3]) for issue in issues}
    assert clashes == {("卫生健康支出", "行政事业单位离退休"), ("卫生健康支出", "医疗卫生和计划生育支出")}


def test_check_editions_is_silent_for_a_consistent_report() -> None:
    """A report using only current names has no mixed_editions finding."""
    report = [resolve_name("卫生健康支出"), resolve_line("社会保障和就业支出（类）行政事业单位养老支出（款）")]
    assert check_editions(report) == ()


def test_issue_codes_have_severities_and_bilingual_messages() -> None:
    """Every issue carries a registered code, its severity, and non-empty Chinese and English text."""
    lines = [*SEED_LINES, "住房保障支出（类）事业运行（项）", "社会保障和就业支出（类）无此款（款）"]
    for line in lines:
        for issue in resolve_line(line, edition=2023).issues:
            # a name the partial shipped table does not know is info, whatever its code's default
            assert issue.severity == ("info" if issue.code == "unknown_name" else ISSUE_CODES[issue.code])
            assert issue.message and issue.message_en and issue.message != issue.message_en
            assert issue.code in str(issue)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        resolve_line(SEED_LINES[0]).issues = ()  # type: ignore[misc]


@given(st.text(max_size=40), st.sampled_from(["（类）", "（款）", "（项）", "(类)", ""]))
def test_resolve_line_either_resolves_or_raises_classification_error(name: str, marker: str) -> None:
    """Arbitrary text never crashes resolve_line with anything but ClassificationError."""
    try:
        resolution = resolve_line(name + marker)
    except ClassificationError:
        return
    assert all(part.name for part in resolution.parts)


# -- loading user tables ---------------------------------------------------------------------------------------


def test_load_table_reads_a_good_user_file() -> None:
    """A BOM, columns in another order, English level words, blank lines and quoted notes are accepted."""
    table = load_table(FIXTURES / "good_table.csv", title="user table", date="2024-01-01")
    assert len(table) == 12 and not table.is_partial
    assert table.source.endswith("good_table.csv") and table.title == "user table"
    assert table.get("20805", edition=2016).name == "行政事业单位离退休"  # type: ignore[union-attr]
    assert table.get("20805", edition=2014) is None
    assert table.get("21001").note == "a note, with a comma"  # type: ignore[union-attr]
    resolution = resolve_line(SEED_LINES[3], table=table, edition=2016)
    assert resolution.issue_codes == ("item_not_in_section",)
    assert "「行政事业单位离退休」（20805）" in resolution.issues[0].message


@pytest.mark.parametrize("filename", ["functional_classification.csv", "economic_classification.csv"])
def test_load_table_reads_the_shipped_files_to_the_same_entries(filename: str) -> None:
    """The shipped CSV files pass the same validation as user files and give the same entries."""
    path = Path(__file__).parents[1] / "src" / "budgetkit" / "data" / filename
    shipped = functional_table() if filename.startswith("functional") else economic_table()
    assert load_table(path).entries == shipped.entries
    assert path.read_text("utf-8").splitlines()[0] == ",".join((*COLUMNS, "source"))
    assert all(entry.source for entry in shipped), "every shipped row names its source"


BAD_FIXTURES = [
    ("bad_header.csv", "line 1, header", "missing column(s) level; unknown column(s) 'lvl'"),
    ("empty.csv", "line 1, header", "empty file"),
    ("bad_code_digits.csv", "line 3, column code", "'20A01' is not a code"),
    ("bad_code_length.csv", "line 3, column code", "'2080' has 4 digits"),
    ("bad_level.csv", "line 2, column level", "'部' is not a level"),
    ("level_mismatch.csv", "line 2, column level", "level 款 does not match code 208"),
    ("missing_parent.csv", "line 3, column code", "parent code 20899 of 2089901 is not in the table"),
    ("duplicate_code.csv", "line 4, column code", "duplicate code 20805: line 3 already names it"),
    ("blank_name.csv", "line 3, column name", "blank name"),
    ("bad_year.csv", "line 2, column valid_from", "'二〇一九' is not an edition year"),
    ("reversed_years.csv", "line 2, column valid_to", "last edition 2018 is before the first edition 2019"),
    ("wrong_field_count.csv", "line 2", "expected 6 fields, found 5"),
    ("not_utf8.csv", "file", "not UTF-8 text"),
]


@pytest.mark.parametrize(("filename", "where", "fragment"), BAD_FIXTURES)
def test_each_bad_fixture_gives_its_one_problem(filename: str, where: str, fragment: str) -> None:
    """Each broken fixture fails with exactly one issue, at its place, with its message fragment."""
    with pytest.raises(LoadError) as caught:
        load_table(FIXTURES / filename)
    error = caught.value
    assert isinstance(error, BudgetkitError) and isinstance(error, ValueError)
    assert error.source.endswith(filename)
    assert [issue.path for issue in error.issues] == [where]
    assert fragment in error.issues[0].message
    assert f"{where}: " in str(error)


def test_every_bad_fixture_file_is_covered() -> None:
    """No fixture file in the folder is left untested."""
    tested = {name for name, _, _ in BAD_FIXTURES} | {"good_table.csv", "many_errors.csv"}
    assert {path.name for path in FIXTURES.glob("*.csv")} == tested


def test_all_problems_of_a_file_are_reported_at_once() -> None:
    """A file with eight different problems raises one LoadError listing all eight, in line order."""
    with pytest.raises(LoadError) as caught:
        load_table(FIXTURES / "many_errors.csv")
    assert [(issue.path, issue.message.split(":")[0].split(" ")[0]) for issue in caught.value.issues] == [
        ("line 3, column code", "'20A01'"),
        ("line 4, column name", "blank"),
        ("line 5, column code", "'2080'"),
        ("line 6, column valid_to", "'2x'"),
        ("line 8, column code", "duplicate"),
        ("line 9, column code", "parent"),
        ("line 10, column level", "level"),
        ("line 11", "expected"),
    ]
    assert "8 problems" in str(caught.value)


def test_oversized_file_is_refused_unread(tmp_path: Path) -> None:
    """A file over MAX_TABLE_BYTES (10 MiB) is refused with a message naming the limit."""
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:
        handle.truncate(MAX_TABLE_BYTES + 1)
    with pytest.raises(LoadError) as caught:
        load_table(path)
    assert caught.value.issues[0].path == "file"
    assert "10 MiB" in caught.value.issues[0].message


def test_missing_file_is_a_load_error_naming_it(tmp_path: Path) -> None:
    """A path that does not exist raises a LoadError naming the file (a BudgetkitError, like every load problem)."""
    with pytest.raises(LoadError) as caught:
        load_table(tmp_path / "absent.csv")
    assert caught.value.source.endswith("absent.csv")
    assert "cannot read the file" in caught.value.issues[0].message


# -- model invariants ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs",
    [
        {"code": "20A", "name": "x", "level": Level.CLASS},
        {"code": "2080", "name": "x", "level": Level.SECTION},
        {"code": "208", "name": "x", "level": Level.SECTION},
        {"code": "208", "name": " ", "level": Level.CLASS},
        {"code": "208", "name": "x", "level": "类"},
        {"code": "208", "name": "x", "level": Level.CLASS, "valid_from": 2019, "valid_to": 2018},
        {"code": "208", "name": "x", "level": Level.CLASS, "valid_from": 1999},
    ],
)
def test_entry_refuses_broken_rows(kwargs: dict[str, object]) -> None:
    """Constructing an Entry with a bad code, level, name or years raises ClassificationError at once."""
    with pytest.raises(ClassificationError):
        Entry(**kwargs)  # type: ignore[arg-type]


def test_table_constructor_refuses_orphans_and_duplicates() -> None:
    """A ClassificationTable built in code checks parents and overlapping names like load_table."""
    with pytest.raises(ClassificationError, match="parent code 208 of 20801"):
        ClassificationTable([Entry("20801", "人力资源和社会保障管理事务", Level.SECTION)])
    with pytest.raises(ClassificationError, match="duplicate code 208"):
        ClassificationTable([Entry("208", "a", Level.CLASS, valid_to=2019), Entry("208", "b", Level.CLASS, 2019)])
    with pytest.raises(ClassificationError):
        ClassificationTable(["208"])  # type: ignore[list-item]


def test_editions_contain_and_overlap_as_closed_ranges() -> None:
    """Edition ranges include both ends and treat None as open."""
    assert 2018 in Editions(2015, 2018) and 2019 not in Editions(2015, 2018)
    assert Editions(2015, 2018).overlaps(Editions(2018, None))
    assert not Editions(None, 2018).overlaps(Editions(2019, None))
    assert Editions().overlaps(Editions(2019, 2019)) and str(Editions()) == "all editions"
    assert Editions(2015, 2018).zh == "2015–2018年版"


# -- issue 10: classification that never accuses wrongly ----------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "name"), [("2010601", "行政运行"), ("2010602", "一般行政管理事务"), ("2010607", "信息化建设")]
)
def test_generic_items_under_section_20106_are_not_errors(code: str, name: str) -> None:
    """2010601 行政运行, 2010602 一般行政管理事务 and 2010607 信息化建设 under 款 20106 resolve without any issue."""
    by_line = resolve_line(f"一般公共服务支出（类）财政事务（款）{name}（项）", edition=2024)
    assert by_line.codes == ("201", "20106", code) and by_line.issues == ()
    by_code = resolve_code(code, name, edition=2024)
    assert by_code.code == code and by_code.issues == ()


def test_generic_name_under_a_section_the_table_lacks_is_info() -> None:
    """A generic 项 under a 款 the shipped table does not know is never matched to another 款's code."""
    resolution = resolve_line("一般公共服务支出（类）税收事务（款）行政运行（项）", edition=2024)
    assert resolution.codes == ("201", None, None)
    assert resolution.issue_codes == ("unknown_name", "generic_name")
    assert all(issue.severity == "info" for issue in resolution.issues)


def test_generic_name_under_a_known_section_without_that_item_is_info() -> None:
    """A generic 项 that the shipped table lacks under a known 款 is info, not item_not_in_section."""
    resolution = resolve_line("社会保障和就业支出（类）就业补助（款）行政运行（项）", edition=2024)
    assert resolution.codes == ("208", "20807", None)
    assert resolution.issue_codes == ("generic_name",) and resolution.ok
    assert "20807" in resolution.issues[0].message


def test_a_specific_item_under_the_wrong_section_is_still_an_error() -> None:
    """A specific name that the table places under another 款 is proven misplaced: item_not_in_section."""
    resolution = resolve_line("社会保障和就业支出（类）人力资源和社会保障管理事务（款）其他就业补助支出（项）")
    assert resolution.issue_codes == ("item_not_in_section",)
    assert resolution.issues[0].severity == "error"


def test_other_expenditure_names_are_generic_unless_they_name_their_section() -> None:
    """其他支出 is generic; 其他就业补助支出 names its 款 (就业补助) and is specific."""
    assert is_generic("其他支出") and is_generic("行政运行")
    assert not is_generic("其他就业补助支出") and not is_generic("其他自然资源事务支出")


def test_a_code_the_shipped_table_lacks_is_info() -> None:
    """A printed code unknown to the shipped table is info ('not in the shipped table'), not an error."""
    resolution = resolve_code("2019999", "其他一般公共服务支出")
    assert resolution.issue_codes == ("unknown_name",) and resolution.ok
    assert "2019999" in resolution.issues[0].message


def test_sample_codes_are_shipped_with_their_source() -> None:
    """Every functional code printed in the two Putuo samples is in the shipped table, with its source."""
    table = functional_table()
    for code, name in [("2013901", "行政运行"), ("2013999", "其他社会工作事务支出"), ("2120201", "城乡社区规划与管理"),
                       ("2200150", "事业运行"), ("2200199", "其他自然资源事务支出")]:  # fmt: skip
        entry = table.get(code)
        assert entry is not None and entry.name == name and "putuo" in entry.source
