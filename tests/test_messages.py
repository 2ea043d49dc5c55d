"""Finding messages and values stay readable whatever the numbers: no exponent notation, no None, no repr."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from budgetkit import datasets, io
from budgetkit.checks.audit import check
from budgetkit.checks.context import make_finding
from budgetkit.checks.finding import CATALOGUE, SHARED_TEMPLATES, Finding, MessageTemplate, Part, Severity, render
from budgetkit.errors import LoadError
from budgetkit.model.account import Passage
from budgetkit.values.formatting import Words, format_plain
from budgetkit.values.interval import Interval

_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
#: Keys whose numeric strings are not amounts, scores or rates (a year, a code, a date, a table number).
_NOT_AMOUNTS = frozenset({"year", "code", "date", "number", "section", "text", "name", "title"})
#: What a reader must never see in a message or a value.
_BAD = re.compile(r"E\+|E-|None|nan|0x|Decimal\(|Fraction\(")

#: Extreme values an account may hold: tiny, huge, many decimals, zeros (all accepted by the number door).
EXTREMES = st.sampled_from(
    [
        "0",
        "0.00",
        "0.000000000001",
        "0.000001",
        "999999999999999999.999999999999",
        "123456789012345678",
        "100000000000000000000000000000",
        "0.123456789012",
        "1.5",
        "99999.99",
    ]
)

_SEED = io.unstructure(datasets.load("zigong-hr-2023"))


def _numeric_leaves(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The paths of every numeric string of ``data`` that is an amount, a score or a rate."""
    found: list[tuple[Any, ...]] = []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        if isinstance(value, (dict, list)):
            found += _numeric_leaves(value, (*path, key))
        elif isinstance(value, str) and key not in _NOT_AMOUNTS and _NUMBER.fullmatch(value):
            found.append((*path, key))
    return found


_LEAVES = _numeric_leaves(_SEED)


def _set(data: Any, path: tuple[Any, ...], value: str) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def _clean(finding: Finding) -> None:
    for text in (finding.message, finding.message_en, finding.stated_text or "", finding.expected_text or ""):
        assert not _BAD.search(text), (finding.rule, finding.path, text)
    assert json.dumps(finding.as_dict(), ensure_ascii=False)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.lists(st.tuples(st.integers(0, len(_LEAVES) - 1), EXTREMES), min_size=1, max_size=40))
def test_no_finding_shows_exponents_none_or_reprs(edits: list[tuple[int, str]]) -> None:
    """Accounts with extreme figures (tiny, huge, many decimals, zeros) give findings whose texts are all plain."""
    data = json.loads(json.dumps(_SEED))
    for index, value in edits:
        _set(data, _LEAVES[index], value)
    try:
        account = io.loads(json.dumps(data, ensure_ascii=False), "json")
    except LoadError:
        assume(False)  # a value the model refuses (e.g. a weight above 100): not this test's subject
        raise
    findings = check(account)
    assert findings
    for finding in findings:
        _clean(finding)


@pytest.mark.parametrize("value", ["0.000000000001", "999999999999999999.999999999999", "0.123456789012", "0"])
@pytest.mark.parametrize("every", [1, 2, 3])
def test_extreme_values_everywhere_give_plain_findings(value: str, every: int) -> None:
    """One extreme value put in every ``every``-th amount, score and rate at once gives only plain texts."""
    data = json.loads(json.dumps(_SEED))
    for path in _LEAVES[::every]:
        _set(data, path, value)
    for _ in range(3):  # a value the model refuses at one place (a 元 amount finer than 1 分) keeps the seed's
        try:
            account = io.loads(json.dumps(data, ensure_ascii=False), "json")
            break
        except LoadError as exc:
            refused = {issue.path for issue in exc.issues}
            for path in _LEAVES:
                if _dollar(path) in refused:
                    _set(data, path, _get(_SEED, path))
    else:
        pytest.fail("the model refuses the account after three rounds")
    findings = check(account)
    assert findings
    for finding in findings:
        _clean(finding)


def _dollar(path: tuple[Any, ...]) -> str:
    """A leaf's path as a load error names it: ``$.three_public.events[0].cost_yuan``."""
    return "$" + "".join(f"[{key}]" if isinstance(key, int) else f".{key}" for key in path)


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


@pytest.mark.parametrize(
    "value",
    [Decimal("1E-12"), Decimal("9.74E+28"), Decimal("-0E-7"), Fraction(1, 3), 10**30, Interval.exact(Decimal("1E-9"))],
)
def test_values_render_plainly(value: object) -> None:
    """Every kind of value a finding holds is shown without exponent or repr, in messages and in JSON."""
    finding = make_finding(
        "identity.balance", "expenditure.total", stated=value, expected=value, year=Words("本年", "current"),
        income=value, expenditure=value,
    )
    _clean(finding)
    assert finding.as_dict()["stated_value"]["kind"] in {"number", "interval"}


def test_every_template_names_known_fields_only() -> None:
    """Every catalogue template renders when each of its fields is given (zh and en use the same fields)."""
    templates = [t for code in CATALOGUE.values() for t in code.messages.values()] + list(SHARED_TEMPLATES.values())
    assert len(templates) > 45
    for template in templates:
        zh, en = template.render(**{name: Decimal("1E-12") for name in template.fields})
        assert "0.000000000001" in zh + en or not template.fields
        assert "{" not in zh and "{" not in en


def test_every_catalogued_rule_code_has_a_message() -> None:
    """Each finding code of the catalogue has a wording: its own, a variant, or a shared template it names."""
    for code, entry in CATALOGUE.items():
        assert entry.messages or entry.shared, code
        if entry.shared:
            assert entry.template() is SHARED_TEMPLATES[entry.shared], code


def test_a_missing_field_is_an_error_and_a_message_of_ones_own_is_kept() -> None:
    """A rule that forgets a template's field fails loudly; a user's rule may still pass its own message."""
    with pytest.raises(KeyError, match="where"):
        make_finding("claim.count", "claims[0]", stated=1, expected=2, subject="x", part=Part.OTHER)
    own = make_finding("custom.code", "unit", "单位名称有误", "wrong unit name", severity=Severity.WARNING)
    assert (own.message, own.message_en, own.part) == ("单位名称有误", "wrong unit name", Part.OTHER)
    with pytest.raises(TypeError):
        make_finding("custom.code", "unit", "单位名称有误", "wrong", severity=Severity.WARNING, where="x")


def test_words_render_in_each_language() -> None:
    """A Words field shows its Chinese in the message and its English in message_en."""
    assert render("{a}与{b}", {"a": Words("本年", "current"), "b": Decimal("2.50")}, "zh") == "本年与2.50"
    assert render("{a} and {b:4}", {"a": Words("本年", "current"), "b": Fraction(2, 3)}, "en") == "current and 0.6667"
    assert format_plain(Interval.published(Decimal("2.00")), 4) == "[1.9950, 2.0050)"


# -- the rules added with the narrative and the self-evaluation layouts: selfeval.*, narrative.*, text.doubled_* ------

_FIXTURES = Path(__file__).parent / "fixtures" / "audit"
#: The finding codes whose rules read passages and self-evaluation tables, each with a fixture that gives it.
NEW_CODES = (
    "selfeval.fund_sum",
    "selfeval.unfilled",
    "selfeval.text_actual",
    "selfeval.variant_fit",
    "selfeval.whole_points",
    "narrative.direction",
    "narrative.reason",
    "narrative.adjustment",
    "narrative.balance",
    "narrative.year",
    "narrative.unit",
    "text.doubled_punctuation",
    "text.doubled_word",
)
_BROKEN = {code: io.unstructure(io.load(_FIXTURES / f"{code}.toml")) for code in NEW_CODES}
_PRINTED_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _with_extremes(data: Any, edits: list[tuple[int, str]], text_edits: list[tuple[int, int, str]]) -> Any:
    """A copy of ``data`` with extreme values in its amounts, scores and rates and in the numbers of its passages."""
    data = json.loads(json.dumps(data))
    leaves = _numeric_leaves(data)
    for index, value in edits:
        _set(data, leaves[index % len(leaves)], value)
    passages = data.get("passages", [])
    for which, nth, value in text_edits:
        if not passages:
            break
        passage = passages[which % len(passages)]
        numbers = list(_PRINTED_NUMBER.finditer(passage["text"]))
        if numbers:
            m = numbers[nth % len(numbers)]
            passage["text"] = passage["text"][: m.start()] + value + passage["text"][m.end() :]
    return data


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(
    st.sampled_from(NEW_CODES),
    st.lists(st.tuples(st.integers(0, 10**6), EXTREMES), max_size=12),
    st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 50), EXTREMES), max_size=6),
)
def test_new_rules_give_plain_findings_whatever_the_numbers(
    code: str, edits: list[tuple[int, str]], text_edits: list[tuple[int, int, str]]
) -> None:
    """Accounts with passages and Sichuan tables, each broken for one new code, with extreme figures in the
    account and in the sentences: every finding (the new codes' included) shows only plain numbers."""
    data = _with_extremes(_BROKEN[code], edits, text_edits)
    try:
        account = io.loads(json.dumps(data, ensure_ascii=False), "json")
    except LoadError:
        assume(False)
        raise
    for finding in check(account):
        _clean(finding)


def _central_rows(total: str, row: str, weight: str, score: str, actual: str) -> list[list[str | None]]:
    """A central 附件1 table (as a PDF's cells) whose money block, execution row and one indicator take the values."""
    blank: list[str | None] = [None] * 7
    return [
        ["项目支出绩效自评表", None, None, None, None, None, None, None, None],
        ["项目名称", "社区就业服务", *blank],
        ["项目资金（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", None],
        [None, "年度资金总额", total, total, total, weight, "95.00%", score, None],
        [None, "其中：当年财政拨款", row, row, row, "—", "—", "—", None],
        [None, "上年结转资金", "20.00", None, "19.00", "—", "—", "—", None],
        ["年度总体目标", "预期目标", None, None, None, "实际完成情况", None, None, None],
        [None, "开展就业培训", None, None, None, "完成培训", None, None, None],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [None, "产出指标", "数量指标", "培训人数", "≥50个", f"{actual}个", "90", score, None],
        [None, None, None, "宣传活动", "≥4次", "完成", weight, score, None],
    ]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(EXTREMES, EXTREMES, st.sampled_from(["10", "20", "0.000001", "99999.99"]), EXTREMES, EXTREMES)
def test_central_tables_with_extreme_values_give_plain_findings(
    total: str, row: str, weight: str, score: str, actual: str
) -> None:
    """A central 附件1 table with extreme amounts, weights and scores beside the seed's passages: plain findings."""
    from budgetkit.io.selfeval import read_selfeval_table

    try:
        project = read_selfeval_table(_central_rows(total, row, weight, score, actual))
    except LoadError:
        assume(False)
        raise
    account = attrs.evolve(datasets.load("zigong-hr-2023"), projects=(project,))
    for finding in check(account):
        _clean(finding)


def test_extreme_numbers_in_sentences_reach_the_new_messages_plainly() -> None:
    """Huge, tiny and many-decimal figures printed in the 情况说明 reach the messages digit for digit."""
    huge, tiny = "999999999999999999.999999999999", "0.000000000001"
    text = (
        f"年初预算为{tiny}万元，调整预算数为{huge}万元（因调减公用经费预算123456789012345678万元）。。"
        "年末结转结余增加100000000000000000000000000000万元。项目项目经费。"
    )
    base = io.load(_FIXTURES / "narrative.balance.toml")  # holds this year's and last year's balances
    account = attrs.evolve(base, passages=(Passage(section="十（四）", text=text),))
    found = {f.rule: f for f in check(account)}
    assert {"narrative.adjustment", "narrative.balance", "text.doubled_punctuation", "text.doubled_word"} <= set(found)
    for finding in found.values():
        _clean(finding)
    adjustment = found["narrative.adjustment"]
    exact = "-999999999999999999.999999999998"  # tiny − huge, every digit kept
    assert f"年初预算 {tiny} 万元 − 调整预算 {huge} 万元 = {exact} 万元" in adjustment.message
    assert adjustment.expected_text == exact
    assert "100000000000000000000000000000" in found["narrative.balance"].message_en


def _shape(template: str) -> re.Pattern[str]:
    """A template as a pattern: its literal text kept, each ``{field}`` any text."""
    pieces = re.split(r"\{[^}]*\}", template)
    return re.compile("(?s)" + ".+?".join(re.escape(piece) for piece in pieces))


@pytest.mark.parametrize("code", NEW_CODES)
def test_each_new_code_is_worded_by_its_catalogue_template(code: str) -> None:
    """The fixture's finding is a catalogue wording of its code in both languages, its fields filled plainly."""
    findings = [f for f in check(io.load(_FIXTURES / f"{code}.toml")) if f.rule == code]
    assert findings
    entry = CATALOGUE[code]
    templates: list[MessageTemplate] = list(entry.messages.values()) + ([entry.template()] if entry.shared else [])
    for finding in findings:
        assert any(
            _shape(t.zh).fullmatch(finding.message) and _shape(t.en).fullmatch(finding.message_en) for t in templates
        ), (finding.message, finding.message_en)
        _clean(finding)
