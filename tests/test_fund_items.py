"""八 (政府性基金) listing its 项 point by point, as the template asks, read from a PDF beside a printed 表八.

The two real samples print no 政府性基金, so this report is the planning sample with a 表八 of one 项 and its 八
written as the template words it, drawn by the PDF renderer and imported back. The 表四/表一 columns are left
at 0, so the findings about them are the modified report's own; what is held here is the 八 and 表八 part.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from budgetkit import datasets
from budgetkit.checks.audit import check
from budgetkit.model.tables import Cell, Row

pytest.importorskip("pdfplumber")
pytest.importorskip("reportlab")

from budgetkit.io.pdf import read_pdf
from budgetkit.outputs.pdf import render_pdf

_LINES = (("212", "城乡社区支出"), ("21208", "国有土地使用权出让收入安排的支出"), ("2120803", "城市建设支出"), ("total", "合计"))


def _report(tmp_path: Path, total: str, item: str) -> Path:
    """The planning sample with 表八 spending 50.00 on 2120803, and 八 printing ``total`` and the 项's ``item``."""
    account = datasets.load("putuo-planning-2024")
    cells = tuple(Cell(x) for x in ("", "50.00", "50.00", "0.00", "50.00", ""))
    table = attrs.evolve(
        account.tables.table("government_fund"),
        rows=tuple(Row(key=key, name=name, cells=cells) for key, name in _LINES),
        empty_note="",
    )
    tables = attrs.evolve(
        account.tables, tables=tuple(table if t.key == "government_fund" else t for t in account.tables.tables)
    )
    passages = []
    for p in account.passages:
        if p.section != "八":
            passages.append(p)
            continue
        passages.append(
            attrs.evolve(
                p,
                text="八、政府性基金预算财政拨款收入支出决算情况说明\n"
                f"政府性基金预算财政拨款收入 50.00 万元，支出 {total} 万元，支出具体情况如下：",
            )
        )
        passages.append(
            attrs.evolve(
                p,
                section="八1",
                text="1、城乡社区支出（类）国有土地使用权出让收入安排的支出（款）城市建设支出（项）。主要用于：城市道路"
                f"维护。年初预算为 60.00 万元，支出决算为 {item} 万元。决算数小于预算数的主要原因：项目结余。",
            )
        )
    path = tmp_path / "fund.pdf"
    render_pdf(attrs.evolve(account, tables=tables, passages=tuple(passages)), path)
    return path


@pytest.mark.parametrize(
    ("total", "item", "found"),
    [
        ("50.00", "50.00", []),
        ("50.00", "51.00", [("narrative.fund_items", "error"), ("narrative.fund_item", "error")]),
        ("51.00", "50.00", [("narrative.fund_items", "error")]),
    ],
)
def test_the_items_of_eight_against_its_total_and_table_eight(
    tmp_path: Path, total: str, item: str, found: list[tuple[str, str]]
) -> None:
    account = read_pdf(_report(tmp_path, total, item)).account
    fund = [(f.rule, f.severity.value) for f in check(account) if f.rule.startswith("narrative.fund")]
    assert fund == found
    if found and found[-1][0] == "narrative.fund_item":
        [finding] = [f for f in check(account) if f.rule == "narrative.fund_item"]
        assert "表八该行（2120803）本年支出为50.00万元" in finding.message
