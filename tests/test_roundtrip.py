"""Round trip: an account rendered as a published PDF (budgetkit.outputs.pdf) and imported back, digit for digit."""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetkit import datasets
from budgetkit.datasets import synthetic
from budgetkit.io.pdf import Imported, read_pdf
from budgetkit.model.account import FinalAccount

pytest.importorskip("pdfplumber")
pytest.importorskip("reportlab")

from budgetkit.outputs.pdf import RenderError, render_pdf

SEEDS = range(24)
#: The figures every synthetic report prints, in its 情况说明 or its tables.
FIGURES = (
    "income.total", "income.year_total", "income.general_budget", "income.opening_balance",
    "expenditure.total", "expenditure.year_total", "expenditure.basic", "expenditure.project",
    "expenditure.closing_balance", "general_budget.total", "general_budget.basic", "general_budget.project",
    "general_budget.personnel", "general_budget.public_use", "three_public.total", "three_public.vehicle",
    "three_public.vehicle_operation", "three_public.reception",
)  # fmt: skip


def _figure(account: FinalAccount, path: str) -> object:
    node: object = account
    for part in path.split("."):
        node = getattr(node, part)
    return node


def _differences(original: FinalAccount, imported: FinalAccount) -> list[str]:
    """Every printed cell that differs (value, blank or absence), and every figure whose 决算 differs."""
    found = []
    printed, read = original.tables.by_place(), imported.tables.by_place()
    for place in printed.keys() | read.keys():
        a, b = printed.get(place), read.get(place)
        if a != b or (a is not None and b is not None and a.text != b.text):
            found.append(f"{place}: {a!r} → {b!r}")
    for path in FIGURES:
        a, b = _figure(original, path).current, _figure(imported, path).current  # type: ignore[attr-defined]
        if a != b or str(a) != str(b):
            found.append(f"{path}: {a} → {b}")
    return sorted(found)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[FinalAccount, Imported]]:
    """Two dozen synthetic accounts with their published tables, each rendered and imported back."""
    folder = tmp_path_factory.mktemp("roundtrip")
    out = []
    for seed in SEEDS:
        account = synthetic.generate(seed, tables=True)
        out.append((account, read_pdf(render_pdf(account, folder / f"{seed}.pdf"))))
    return out


def test_synthetic_reports_import_back_cell_for_cell(rendered: list[tuple[FinalAccount, Imported]]) -> None:
    """Every printed cell (number, printed blank, absent) and every figure comes back as rendered."""
    for account, imported in rendered:
        assert _differences(account, imported.account) == [], account.unit
        assert imported.account.tables == account.tables


def test_synthetic_reports_import_back_their_passages_and_front_matter(
    rendered: list[tuple[FinalAccount, Imported]],
) -> None:
    """The 情况说明 passages, the 目录, the unit and the year come back as rendered."""
    for account, imported in rendered:
        got = imported.account
        assert (got.unit, got.year) == (account.unit, account.year)
        assert got.passages == account.passages
        assert got.tables.contents == account.tables.contents
        assert got.duties == account.duties


def test_every_number_of_a_rendered_report_is_accounted_for(rendered: list[tuple[FinalAccount, Imported]]) -> None:
    """Each rendered report is read whole: nine tables found, no issue, every number understood (the unit's digit too)."""
    for account, imported in rendered:
        report = imported.report
        assert report.tables_found == tuple(t.key for t in account.tables.tables)
        assert report.issues == ()
        assert report.not_understood == () and report.complete
        cells = sum(1 for p in account.tables.printings() if not p.cell.is_blank)
        assert report.numbers_imported >= cells


def test_a_changed_cell_is_a_difference(rendered: list[tuple[FinalAccount, Imported]], tmp_path: Path) -> None:
    """The comparison is not blind: a changed printed total differs at its cell and in the figure read from it."""
    import attrs

    from budgetkit.model.tables import Cell

    account = rendered[0][0]
    table = account.tables.table("general_budget_expenditure")
    assert table is not None
    rows = tuple(
        attrs.evolve(row, cells=(Cell("1.23"), *row.cells[1:])) if row.key == "total" else row for row in table.rows
    )
    tables = attrs.evolve(
        account.tables, tables=tuple(attrs.evolve(t, rows=rows) if t is table else t for t in account.tables.tables)
    )
    imported = read_pdf(render_pdf(attrs.evolve(account, tables=tables), tmp_path / "changed.pdf")).account
    total = account.general_budget.total.current
    assert _differences(account, imported) == [
        f"general_budget.total: {total} → 1.23万元",  # not printed in the 情况说明: the import takes 表五's
        f"general_budget_expenditure[total].total: Cell('{total.amount}') → Cell('1.23')",  # type: ignore[union-attr]
    ]


@pytest.mark.parametrize("name", ["putuo-planning-2024", "putuo-social-work-2024"])
def test_real_reports_rendered_in_the_template_layout_import_back_equal(name: str, tmp_path: Path) -> None:
    """The two transcribed Putuo reports, drawn by the renderer, import back to the same tables and 目录."""
    account = datasets.load(name)
    imported = read_pdf(render_pdf(account, tmp_path / f"{name}.pdf"))
    assert imported.account.tables == account.tables
    assert imported.report.not_understood == ()
    assert [t for t in imported.report.tables_found] == [t.key for t in account.tables.tables]


def test_a_table_without_a_layout_is_a_render_error(tmp_path: Path) -> None:
    """A table the renderer cannot lay out is refused with its name, before anything is written."""
    import attrs

    from budgetkit.model.tables import Row, Table, Tables

    odd = Table(key="odd", title="奇怪的表", columns=("amount",), rows=(Row(key="odd.line", name="一行", cells=("1.00",)),))
    account = attrs.evolve(synthetic.generate(1), tables=Tables(tables=(odd,)))
    with pytest.raises(RenderError, match="odd"):
        render_pdf(account, tmp_path / "odd.pdf")
    assert not (tmp_path / "odd.pdf").exists()


def test_without_reportlab_the_error_names_the_render_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Without reportlab, drawing says which extra to install, and writes nothing."""
    import sys

    from budgetkit.errors import MissingExtraError

    monkeypatch.setitem(sys.modules, "reportlab.pdfgen", None)  # makes `from reportlab.pdfgen import …` fail
    with pytest.raises(MissingExtraError, match=r"budgetkit\[render\]"):
        render_pdf(synthetic.generate(1, tables=True), tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
