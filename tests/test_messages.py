"""Finding messages and values stay readable whatever the numbers: no exponent notation, no None, no repr."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from budgetkit import datasets, io
from budgetkit.checks.audit import check
from budgetkit.checks.context import make_finding
from budgetkit.checks.finding import CATALOGUE, SHARED_TEMPLATES, Finding, Part, Severity, render
from budgetkit.errors import LoadError
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
