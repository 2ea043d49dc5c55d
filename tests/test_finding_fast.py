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
