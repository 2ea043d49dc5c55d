"""The cheaper ways findings are built give the same findings as the plain ones (issue 9)."""

from __future__ import annotations

import pickle
from decimal import Decimal

import pytest

from budgetkit.checks.context import make_finding
from budgetkit.checks.finding import (
    CATALOGUE,
    Finding,
    MessageTemplate,
    Part,
    Severity,
    Words,
    render,
    typed_finding,
)
from budgetkit.values.interval import Interval


def test_typed_finding_equals_the_attrs_constructor() -> None:
    fast = typed_finding(
        "claim.growth", Severity.ERROR, "claims[3]", "增长率", "growth", Decimal("6.86"), None, Part.OTHER
    )
    slow = Finding(
        rule="claim.growth",
        severity=Severity.ERROR,
        path="claims[3]",
        message="增长率",
        message_en="growth",
        stated=Decimal("6.86"),
        part=Part.OTHER,
    )
    assert fast == slow
    assert hash(fast) == hash(slow)
    assert repr(fast) == repr(slow)
    assert fast.as_dict() == slow.as_dict()
    assert pickle.loads(pickle.dumps(fast)) == slow
    with pytest.raises(AttributeError):
        fast.rule = "x"  # type: ignore[misc]


def test_make_finding_equals_a_finding_built_from_its_parts() -> None:
    found = make_finding(
        "claim.count", "claims[3]", stated=5, expected=7, where="（十）", subject="projects", part=Part.OTHER
    )
    assert found == Finding(
        rule="claim.count",
        severity=Severity.ERROR,
        path="claims[3]",
        message=found.message,
        message_en=found.message_en,
        stated=5,
        expected=7,
        part=Part.OTHER,
    )


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_fill_shows_each_field_as_render_does(code: str) -> None:
    """Both texts filled in one pass equal each text rendered on its own, for every template of the catalogue."""
    values: dict[str, object] = {}
    for template in CATALOGUE[code].messages.values():
        for k, name in enumerate(sorted(template.fields)):
            values[name] = (
                Words(f"词{k}", f"word{k}"),
                Decimal("1E-12"),
                "文字{}",
                Interval.published(Decimal("2.00")),
                7,
            )[k % 5]
        assert template.fill(values) == (render(template.zh, values, "zh"), render(template.en, values, "en"))


def test_fill_names_the_template_that_lacks_a_field() -> None:
    template = MessageTemplate("共{n}项", "{n} items of {what}")
    with pytest.raises(KeyError, match="what"):
        template.fill({"n": 3})
    both = MessageTemplate("{a:4}与{a}", "{a}")
    values = {"a": Interval.published(Decimal("2.00"))}
    assert both.fill(values) == ("[1.9950, 2.0050)与[2.00, 2.01)", "[2.00, 2.01)")
    assert both.fill(values) == (render(both.zh, values, "zh"), render(both.en, values, "en"))


def _later() -> Finding:
    """A sum finding worded only when read: its labelled parts wait too (a LaterWords field)."""
    from budgetkit.checks.rules.sums import sum_finding

    return sum_finding(
        "identity.procurement",
        "procurement.total",
        "政府采购支出总额",
        "procurement",
        Decimal("44.55"),
        [("货物", Decimal("33.40")), ("服务", Decimal("11.14"))],
        Part.OTHER,
        residue=True,
    )


def test_a_finding_is_worded_when_first_read_and_equals_the_worded_one() -> None:
    later = _later()
    assert later._wording is not None  # nothing worded yet
    worded = Finding(
        rule=later.rule,
        severity=later.severity,
        path=later.path,
        message="政府采购支出总额44.55万元与各项之和44.54万元（货物 33.40 + 服务 11.14）相差0.01万元，"
        "为末位一个单位的四舍五入尾差，在各数的舍入区间内可以成立",
        message_en=later.message_en,
        stated=later.stated,
        expected=later.expected,
        part=later.part,
    )
    assert later._wording is None and later.message_en.startswith("procurement: printed total 44.55")
    assert later == worded and hash(later) == hash(worded) and repr(later) == repr(worded)
    # compared, hashed, pickled and shown before either message is read: the same as the worded finding
    fresh = _later()
    assert fresh == worded
    assert pickle.loads(pickle.dumps(_later())) == worded
    assert _later().as_dict() == worded.as_dict()
    assert str(_later().message) == worded.message


def test_a_missing_field_raises_when_the_finding_is_made_not_when_read() -> None:
    with pytest.raises(KeyError, match="where"):
        make_finding("claim.count", "claims[3]", stated=5, expected=7, subject="projects", part=Part.OTHER)


def test_an_unknown_attribute_of_a_finding_still_raises() -> None:
    with pytest.raises(AttributeError, match="'Finding' object has no attribute 'mesage'"):
        _later().mesage  # type: ignore[attr-defined]  # noqa: B018
