"""benchmarks/detection.py: the changes it makes to a report, and that a changed figure is noticed."""

from __future__ import annotations

import collections
import importlib.util
from pathlib import Path
from types import ModuleType

from budgetkit.checks.audit import check
from budgetkit.io.document import Box, Document, Line, Paragraph
from budgetkit.io.pdf import from_document


def _detection() -> ModuleType:
    spec = importlib.util.spec_from_file_location("detection", Path(__file__).parents[1] / "benchmarks" / "detection.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_ways_a_figure_goes_wrong() -> None:
    changed = _detection().changed
    assert [changed("12.34", kind) for kind in ("last", "big", "swap")] == ["12.35", "13.34", "12.43"]
    assert [changed("-0.09", kind) for kind in ("last", "big", "swap")] == ["-0.10", "-1.09", "-0.90"]
    assert changed("1,062.85", "last") == "1062.86"
    assert changed("12.00", "swap") is None  # the same digit twice: nothing changes
    assert changed("5.0", "swap") is None  # a swap across the point is no printed amount


def _document(*texts: str) -> Document:
    paragraphs = tuple(
        Paragraph(text, (Line(text, Box(1, 0, 10 * k, 9, 10 * k + 9)),)) for k, text in enumerate(texts)
    )
    return Document("x.pdf", 1, paragraphs, ())


def test_a_wrong_rate_in_the_text_is_noticed_and_a_reason_is_not() -> None:
    detection = _detection()
    doc = _document(
        "示例局2024年度部门决算",
        "第三部分 情况说明",
        "十一、机关运行经费支出情况说明",
        "机关运行经费支出 142.80 万元，比 2023 年度减少 13.52 万元，下降 8.65%。主要原因是会议减少 1.20 万元。",
    )
    base = collections.Counter(detection.key(f) for f in check(from_document(doc).account))
    results = {
        (change.printed, change.kind): detection.outcome(change, base) for change in detection.text_changes(doc)
    }
    assert results[("8.65", "last")] == "error"  # 8.66%: 13.52 of 156.32 is 8.65% whatever the rounding
    assert results[("1.20", "big")] == "none"  # a reason's figure is kept as printed, compared with nothing
    assert set(results) == {(p, k) for p in ("142.80", "13.52", "8.65", "1.20") for k in ("last", "big")}
