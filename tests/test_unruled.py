"""Tables printed without (all) ruling lines, read from the alignment of their words (io.document).

The real reports are read again with their rules left out (:mod:`unruled_pdfs`: none, only the level ones, only
an outer frame, level ones in a frame, only the upright ones): each must import the same tables as the ruled
original. Small tables drawn with reportlab, with and without their lines, pin the cases one by one: a merged
header, a wrapped name, a table continued on the next page, text that is no table, a table read with doubt.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from budgetkit.checks.audit import check
from budgetkit.io import document
from budgetkit.io.pdf import UNRULED, Imported, read_pdf

pytest.importorskip("pdfplumber")
pytest.importorskip("pypdf")
pytest.importorskip("reportlab")

from test_central_tables import covered
from unruled_pdfs import variant

SAMPLES = Path(__file__).parent / "data" / "samples"


@pytest.fixture(scope="module")
def ruled() -> dict[str, Imported]:
    """The ruled samples, imported once (a cache filled as the tests ask)."""
    return {}


def _sample(name: str, cache: dict[str, Imported]) -> Imported:
    path = SAMPLES / f"{name}.pdf"
    if not path.exists():
        pytest.skip(f"{path} is not here")
    if name not in cache:
        cache[name] = read_pdf(path)
    return cache[name]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("putuo-social-work-2024", "borderless"),
        ("putuo-social-work-2024", "horizontal"),
        ("putuo-planning-2024", "rows"),
        ("putuo-planning-2024", "frame"),
        ("template-shanghai-2024", "vertical"),
    ],
)
def test_a_report_without_its_ruling_lines_imports_the_tables_of_the_ruled_one(
    name: str, kind: str, ruled: dict[str, Imported], tmp_path: Path
) -> None:
    """The published samples with their rules left out import every one of the nine tables cell for cell as the
    ruled original, each figure placed over its ruled cell, and `check` finds in them what it finds in the original
    (no finding from a misread cell)."""
    original = _sample(name, ruled)
    imported = read_pdf(variant(SAMPLES / f"{name}.pdf", tmp_path / f"{name}-{kind}.pdf", kind))
    assert imported.account.tables == original.account.tables
    # every figure keeps its place: the same page, a box over the ruled cell's (its edges are estimated)
    places, ruled_places = imported.report.places, original.report.places
    # but the blanks of 表七 printed with no figure: a row of blank cells prints nothing to place without its lines
    assert places.keys() <= ruled_places.keys()
    assert all("three_public" in key for key in ruled_places.keys() - places.keys())
    for key, box in places.items():
        cell = ruled_places[key]
        assert box.page == cell.page and box.x0 < cell.x1 and cell.x0 < box.x1 and box.top < cell.bottom and cell.top < box.bottom, key
    assert not [i for i in imported.report.issues if i.reason == UNRULED]
    found = {(f.rule, f.path) for f in check(imported.account)}
    assert found == {(f.rule, f.path) for f in check(original.account)}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Imported]:
    """budgetkit's own rendering of a dataset (names from the left of wide cells, headers centred and wrapped in
    narrow ones, figures to the right), and its import."""
    from budgetkit.datasets import load
    from budgetkit.outputs.pdf import render_pdf

    path = render_pdf(load("putuo-social-work-2024"), tmp_path_factory.mktemp("rendered") / "social-work.pdf")
    return path, read_pdf(path)


@pytest.mark.parametrize("kind", ["borderless", "horizontal", "rows", "frame", "vertical"])
def test_budgetkit_s_own_layout_without_its_ruling_lines_imports_the_same_tables(
    kind: str, rendered: tuple[Path, Imported], tmp_path: Path
) -> None:
    """A layout far from Word's — budgetkit's own, every table — with its rules left out in each way imports every
    table cell for cell as ruled (before, two of the nine were read and seven named as not read)."""
    path, ruled = rendered
    imported = read_pdf(variant(path, tmp_path / f"{kind}.pdf", kind))
    assert ruled.account.tables is not None and len(ruled.account.tables.tables) == 9
    assert imported.account.tables == ruled.account.tables


def test_a_ruled_report_never_pays_for_reading_words(
    ruled: dict[str, Imported], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A report whose every table is ruled reads no table page's words for columns: only a page with a table's title
    and no ruled table under it does (here the 目录, which lists the titles; nothing is read from it)."""
    original = _sample("putuo-social-work-2024", ruled)
    read: list[int] = []
    words = document._words

    def counted(page: Any) -> list[Any]:
        read.append(page.page_number)
        return words(page)

    monkeypatch.setattr(document, "_words", counted)
    doc = document.read_pdf(SAMPLES / "putuo-social-work-2024.pdf")
    tables = {page for table in doc.tables for page in table.pages}
    assert read == [2] and not tables & set(read)
    assert original.report.pages == doc.pages


# -- drawn tables ---------------------------------------------------------------------------------------------

#: 一般公共预算财政拨款支出决算表 as Shanghai prints it: 项目 over the code and name columns, the figures' headers
#: merged down; a name wrapped on two lines; the total's label across the code and name columns.
HEADER = (("项目", 0, 1, 0), ("合计", 2, 2, 0), ("基本支出", 3, 3, 0), ("项目支出", 4, 4, 0), ("功能分类科目编码", 0, 0, 1), ("科目名称", 1, 1, 1))
BODY = (
    ("208", "社会保障和就业支出", "10.00", "6.00", "4.00"),
    ("20805", "行政事业单位养老支出", "10.00", "6.00", "4.00"),
    ("2080505", "机关事业单位基本养老保险缴费支出", "10.00", "6.00", "4.00"),
    ("合计", "", "10.00", "6.00", "4.00"),
)
WIDTHS = (90.0, 130.0, 80.0, 80.0, 80.0)
TITLE = "一般公共预算财政拨款支出决算表"


def _draw(
    path: Path,
    *,
    ruled: bool,
    pages: Sequence[Sequence[Sequence[str]]] = (BODY,),
    title: str = TITLE,
    body_text: Sequence[str] = (),
    wrap: int = 12,
    widths: Sequence[float] = WIDTHS,
    header_wrap: int | None = None,
    right: bool = False,
    repeat_header: bool = False,
    continued: bool = False,
) -> Path:
    """A report of one table (after a cover) drawn as Word prints it, with or without its ruling lines: headers and
    figures centred in their cells, codes and names from the left, a name longer than ``wrap`` characters wrapped
    in its cell; the table's rows split over ``pages`` (the title printed over the first only). ``body_text``
    lines are printed under the title instead of a table. As a workbook exports it: a header longer than
    ``header_wrap`` characters wrapped in its cell, the figures to the ``right`` of theirs, the header printed again
    over the rows on each page (``repeat_header``), the title marked as continued (…（续）) over them (``continued``)."""
    chars = "".join(t for h in HEADER for t in h[:1]) + "".join(c for page in pages for row in page for c in row)
    pdf, font = covered(path, chars + title + "（续）单位：万元注本表反映情况。" + "".join(body_text))
    left = 60.0
    edges = [left]
    for width in widths:
        edges.append(edges[-1] + width)
    for p, rows in enumerate(pages):
        y = 540.0
        pdf.setFont(font, 9)  # a new page starts in reportlab's own font
        if p == 0 or continued:
            pdf.setFont(font, 14)
            pdf.drawCentredString(421, y, title + ("（续）" if p else ""))
            pdf.setFont(font, 9)
            pdf.drawRightString(edges[-1], y - 18, "单位：万元")
            y -= 30
            for n, line in enumerate(body_text):
                pdf.drawString(left, y - 16 * (n + 1), line)
            if body_text:
                pdf.showPage()
                continue
        if p == 0 or repeat_header:
            height = 18.0
            for text, first, last, level in HEADER:
                top = y - level * height
                bottom = y - 2 * height if last >= 2 or level == 1 else top - height
                if ruled:
                    pdf.rect(edges[first], bottom, edges[last + 1] - edges[first], top - bottom)
                wrapped = [text[i : i + header_wrap] for i in range(0, len(text), header_wrap)] if header_wrap else [text]
                for n, part in enumerate(wrapped):
                    middle = (top + bottom) / 2 + 5 * (len(wrapped) - 1) - 10 * n
                    pdf.drawCentredString((edges[first] + edges[last + 1]) / 2, middle - 3, part)
            y -= 2 * height
        for row in rows:
            lines = [row[1][:wrap], row[1][wrap:]] if len(row[1]) > wrap else [row[1]]
            height = 16.0 * len(lines) + 4
            middle = y - height / 2
            if ruled:
                for k in range(len(widths)):
                    if row[0] == "合计" and k == 1:
                        continue
                    width = widths[k] + (widths[1] if row[0] == "合计" and k == 0 else 0)
                    pdf.rect(edges[k], y - height, width, height)
            if row[0] == "合计":
                pdf.drawCentredString(edges[1], middle - 3, "合计")
            else:
                pdf.drawString(edges[0] + 5, middle - 3, row[0])
                for n, line in enumerate(lines):
                    pdf.drawString(edges[1] + 5, middle - 3 + 8 * (len(lines) - 1) - 16 * n, line)
            for k in range(2, len(widths)):
                if right:
                    pdf.drawRightString(edges[k + 1] - 3, middle - 3, row[k])
                else:
                    pdf.drawCentredString((edges[k] + edges[k + 1]) / 2, middle - 3, row[k])
            y -= height
        if p == len(pages) - 1:
            pdf.drawString(left, y - 20, "注：本表反映情况。")
        pdf.showPage()
    pdf.save()
    return path


def _table(imported: Imported) -> Any:
    tables = imported.account.tables
    return None if tables is None else tables.table("general_budget_expenditure")


def test_a_drawn_table_without_lines_reads_as_the_ruled_one(tmp_path: Path) -> None:
    """A merged header (项目 over code and name), a wrapped name and a total across code and name: the table with no
    lines reads cell for cell as the same table ruled."""
    ruled = read_pdf(_draw(tmp_path / "ruled.pdf", ruled=True))
    bare = read_pdf(_draw(tmp_path / "bare.pdf", ruled=False))
    assert _table(ruled) is not None and _table(bare) == _table(ruled)
    assert [row.name for row in _table(bare).rows][2] == "机关事业单位基本养老保险缴费支出"
    assert bare.report.issues == ruled.report.issues


def test_wrapped_headers_wider_than_the_figures_under_them_read_as_the_ruled_table(tmp_path: Path) -> None:
    """As a workbook exports a table: headers wrapped in narrow cells (功能分类科目 | 编码, 基本支 | 出), centred, their
    first lines wider than the figures printed to the right of the cells under them, so that a header reaches past
    the edge its column's figures suggest: the table reads as the same table ruled."""
    shape = {"widths": (70.0, 130.0, 56.0, 56.0, 56.0), "header_wrap": 7, "right": True}
    ruled = read_pdf(_draw(tmp_path / "ruled.pdf", ruled=True, **shape))
    bare = read_pdf(_draw(tmp_path / "bare.pdf", ruled=False, **shape))
    assert _table(ruled) is not None and len(_table(ruled).rows) == 4
    assert _table(bare) == _table(ruled)


def test_figures_clear_of_the_headers_centred_over_them_read_as_the_ruled_table(tmp_path: Path) -> None:
    """Short headers centred in their cells (合计, 基本支出) and the figures printed to the cells' right, so that no
    header reaches over a figure: each header and the figures beside it are one column, as ruled — not a column of
    blanks under the header and one of figures under no header."""
    ruled = read_pdf(_draw(tmp_path / "ruled.pdf", ruled=True, right=True))
    bare = read_pdf(_draw(tmp_path / "bare.pdf", ruled=False, right=True))
    assert _table(ruled) is not None and len(_table(ruled).rows) == 4
    assert _table(bare) == _table(ruled)


def test_headers_centred_in_a_wide_name_cell_head_the_names(tmp_path: Path) -> None:
    """Names printed from the left of a cell far wider than they are, 科目名称 centred in it and 项目 over the code and
    name cells, both clear of every name: they head the names' column, as ruled — not two columns of blanks between
    the names and the figures (the table was then read with its rows keyed on blanks)."""
    shape = {"widths": (90.0, 330.0, 80.0, 80.0, 80.0)}
    ruled = read_pdf(_draw(tmp_path / "ruled.pdf", ruled=True, **shape))
    bare = read_pdf(_draw(tmp_path / "bare.pdf", ruled=False, **shape))
    assert _table(ruled) is not None and len(_table(ruled).rows) == 4
    assert _table(bare) == _table(ruled)


def test_a_table_continued_on_the_next_page_without_its_title_is_joined(tmp_path: Path) -> None:
    """A table without lines whose rows run on to the next page (no title there) reads as one table, as ruled."""
    pages = (BODY[:2], BODY[2:])
    ruled = read_pdf(_draw(tmp_path / "ruled.pdf", ruled=True, pages=pages))
    bare = read_pdf(_draw(tmp_path / "bare.pdf", ruled=False, pages=pages))
    assert _table(ruled) is not None and len(_table(ruled).rows) == 4
    assert _table(bare) == _table(ruled)


def test_a_table_continued_under_its_header_printed_again_is_joined(tmp_path: Path) -> None:
    """A table without lines whose header prints again over its rows on the next page (no title there): the repeated
    header is neither rows nor running text, and the rows join the table, as ruled."""
    pages = (BODY[:2], BODY[2:])
    ruled = read_pdf(_draw(tmp_path / "ruled.pdf", ruled=True, pages=pages, repeat_header=True))
    bare = read_pdf(_draw(tmp_path / "bare.pdf", ruled=False, pages=pages, repeat_header=True))
    assert _table(ruled) is not None and len(_table(ruled).rows) == 4
    assert _table(bare) == _table(ruled)
    assert bare.report.issues == ruled.report.issues


def test_text_under_a_table_title_is_not_made_a_table(tmp_path: Path) -> None:
    """Lines of words under a table's title that do not line up in a header and rows are no table: none is read, and
    the title is named as a table not read."""
    text = ("本单位 本年度 无此项 收入", "故 本表 未 列示")
    imported = read_pdf(_draw(tmp_path / "text.pdf", ruled=False, body_text=text))
    assert _table(imported) is None
    assert [(i.text, i.reason) for i in imported.report.issues if i.box is not None] == [(TITLE, UNRULED)]
    assert imported.account.tables is not None and "general_budget_expenditure" in imported.account.tables.unread


def test_a_table_read_with_doubt_is_not_half_read(tmp_path: Path) -> None:
    """A table whose figures do not keep to its columns (two amounts printed as one across 基本支出 and 项目支出) is not
    read at all — no cell of it imported, and its title named as a table not read — where the ruled one is read
    with the cell named."""
    body = (BODY[0], ("20805", "行政事业单位养老支出", "10.00", "6.004.00", ""), BODY[3])
    ruled = read_pdf(_draw(tmp_path / "ruled.pdf", ruled=True, pages=(body,)))
    bare = read_pdf(_draw(tmp_path / "bare.pdf", ruled=False, pages=(body,)))
    assert _table(ruled) is not None
    assert _table(bare) is None
    assert [(i.page, i.reason) for i in bare.report.issues if i.box is not None] == [(2, UNRULED)]
    assert bare.account.tables is not None and bare.account.tables.unread == ("general_budget_expenditure",)
    # nothing found that the ruled one does not give (the other eight tables are missing from both)
    assert {(f.rule, f.message_en) for f in check(bare.account)} <= {(f.rule, f.message_en) for f in check(ruled.account)}


def test_a_table_continued_with_a_name_longer_than_its_first_page_prints_is_joined(tmp_path: Path) -> None:
    """A table without lines whose next page prints a name longer than any on its first (机关事业单位基本养老保险缴费支出
    running past where the names of the first page leave the edge of their column, clear of the figure beside it):
    the rest is read with the first page's columns, the name in its cell, and joined, as ruled — not cut off."""
    shape = {"pages": (BODY[:2], BODY[2:]), "wrap": 20, "widths": (90.0, 160.0, 80.0, 80.0, 80.0)}
    ruled = read_pdf(_draw(tmp_path / "ruled.pdf", ruled=True, **shape))
    bare = read_pdf(_draw(tmp_path / "bare.pdf", ruled=False, **shape))
    assert _table(ruled) is not None and len(_table(ruled).rows) == 4
    assert _table(bare) == _table(ruled)


@pytest.mark.parametrize("repeat_header", [False, True])
def test_a_table_continued_under_its_title_marked_continued_is_joined(tmp_path: Path, repeat_header: bool) -> None:
    """A table without lines whose next page prints its title again marked as continued (…决算表（续）) and its unit,
    with or without its header: the rows there join the table, as ruled — before, they were lost (the table cut
    off after its first page)."""
    shape = {"pages": (BODY[:2], BODY[2:]), "continued": True, "repeat_header": repeat_header}
    ruled = read_pdf(_draw(tmp_path / "ruled.pdf", ruled=True, **shape))
    bare = read_pdf(_draw(tmp_path / "bare.pdf", ruled=False, **shape))
    assert _table(ruled) is not None and len(_table(ruled).rows) == 4
    assert _table(bare) == _table(ruled)


#: A header cell of a table drawn by :func:`_draw_grid`: its text, first row and column, and how many rows and columns.
Spanned = tuple[str, int, int, int, int]


def _draw_grid(
    path: Path, *, ruled: bool, title: str, header: Sequence[Spanned], body: Sequence[Sequence[str | None]],
    widths: Sequence[float], figures: frozenset[int] = frozenset(),
) -> Path:
    """A report of one table (after a cover) as an export prints it, with or without its ruling lines: ``header``
    cells merged across rows and columns, their text centred and wrapped to their cells' width; ``body`` rows, a
    ``None`` merging the cell into the one on its left, labels from the left and wrapped to their cells' width
    (each line centred on the row), the cells of the columns ``figures`` to the right."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    texts = "".join(h[0] for h in header) + "".join(c or "" for row in body for c in row)
    pdf, font = covered(path, texts + title + "单位：万元注本表反映情况。")
    size, lead, pad = 9.0, 11.0, 4.0

    def wrapped(text: str, width: float) -> list[str]:
        lines = [""]
        for char in text:
            if lines[-1] and stringWidth(lines[-1] + char, font, size) > width - 2 * pad:
                lines.append("")
            lines[-1] += char
        return lines

    edges = [421 - sum(widths) / 2]
    for width in widths:
        edges.append(edges[-1] + width)
    pdf.setFont(font, 14)
    pdf.drawCentredString(421, 540, title)
    pdf.setFont(font, size)
    pdf.drawRightString(edges[-1], 522, "单位：万元")

    def cell(lines: Sequence[str], first: int, last: int, top: float, bottom: float, align: str) -> None:
        if ruled:
            pdf.rect(edges[first], bottom, edges[last + 1] - edges[first], top - bottom)
        for n, line in enumerate(lines):
            base = (top + bottom) / 2 + lead * (len(lines) - 1) / 2 - lead * n - size * 0.35
            if align == "left":
                pdf.drawString(edges[first] + pad, base, line)
            elif align == "right":
                pdf.drawRightString(edges[last + 1] - pad, base, line)
            else:
                pdf.drawCentredString((edges[first] + edges[last + 1]) / 2, base, line)

    levels = max(row + rows for _, row, _, rows, _ in header)
    lines = {h: wrapped(h[0], edges[h[2] + h[4]] - edges[h[2]]) for h in header}
    heights = [max([len(lines[h]) * lead + 6 for h in header if h[1] == level and h[3] == 1], default=lead + 6) for level in range(levels)]
    tops = [510.0]
    for height in heights:
        tops.append(tops[-1] - height)
    for h in header:
        cell(lines[h], h[2], h[2] + h[4] - 1, tops[h[1]], tops[h[1] + h[3]], "centre")
    y = tops[-1]
    for row in body:
        spans = [(k, next((m for m in range(k + 1, len(row)) if row[m] is not None), len(row)) - 1) for k in range(len(row)) if row[k] is not None]
        texts_of = {k: wrapped(row[k] or "", edges[last + 1] - edges[k]) for k, last in spans}
        height = max(len(t) for t in texts_of.values()) * lead + 6
        for k, last in spans:
            align = "right" if k in figures else "centre" if last > k else "left"
            cell(texts_of[k], k, last, y, y - height, align)
        y -= height
    pdf.drawString(edges[0], y - 20, "注：本表反映情况。")
    pdf.showPage()
    pdf.save()
    return path


#: 收入支出决算总表 (表一) as the samples print it, cut short: income and expenditure side by side.
SUMMARY_HEADER: tuple[Spanned, ...] = (
    ("收入", 0, 0, 1, 2), ("支出", 0, 2, 1, 2), ("项目", 1, 0, 1, 1), ("决算数", 1, 1, 1, 1), ("项目", 1, 2, 1, 1), ("决算数", 1, 3, 1, 1),
)
SUMMARY_BODY = (
    ("一、一般公共预算财政拨款收入", "307.82", "一、一般公共服务支出", "264.87"),
    ("二、政府性基金预算财政拨款收入", "", "二、外交支出", ""),
    ("三、国有资本经营预算财政拨款收入", "", "三、国防支出", ""),
    ("", "", "四、社会保障和就业支出", "42.95"),
    ("本年收入合计", "307.82", "本年支出合计", "307.82"),
    ("使用非财政拨款结余", "", "结余分配", ""),
    ("年初结转和结余", "", "年末结转和结余", ""),
    ("总计", "307.82", "总计", "307.82"),
)


def test_labels_wrapped_beside_labels_on_one_line_read_as_the_ruled_table(tmp_path: Path) -> None:
    """表一 with narrow label columns: an income label wrapped on three lines (二、政府性基金 / 预算财政拨款收 / 入) beside
    an expenditure label on one line centred on it (二、外交支出, which opens the row on its side), and labels over
    blanks wrapped on two lines (使用非财政拨款 / 结余 beside 结余分配): each is one row with its wrapped lines, as
    ruled — before, the lines were rows of their own, and rows were lost."""
    shape = {"title": "收入支出决算总表", "header": SUMMARY_HEADER, "body": SUMMARY_BODY, "widths": (72.0, 60.0, 72.0, 60.0), "figures": frozenset({1, 3})}
    ruled = read_pdf(_draw_grid(tmp_path / "ruled.pdf", ruled=True, **shape))
    bare = read_pdf(_draw_grid(tmp_path / "bare.pdf", ruled=False, **shape))
    summary = ruled.account.tables.table("summary") if ruled.account.tables else None
    assert summary is not None and len(summary.rows) >= 12
    assert bare.account.tables is not None and bare.account.tables.table("summary") == summary


#: 财政拨款收入支出决算总表 (表四), cut short: 收入 over two columns beside 支出 over five.
FISCAL_HEADER: tuple[Spanned, ...] = (
    ("收入", 0, 0, 1, 2), ("支出", 0, 2, 1, 5), ("项目", 1, 0, 1, 1), ("决算数", 1, 1, 1, 1), ("项目", 1, 2, 1, 1),
    ("合计", 1, 3, 1, 1), ("一般公共预算财政拨款", 1, 4, 1, 1), ("政府性基金预算财政拨款", 1, 5, 1, 1), ("国有资本经营预算财政拨款", 1, 6, 1, 1),
)
FISCAL_BODY = (
    ("一、一般公共预算财政拨款", "307.82", "一、一般公共服务支出", "264.87", "264.87", "", ""),
    ("二、政府性基金预算财政拨款", "", "二、社会保障和就业支出", "42.95", "42.95", "", ""),
    ("三、国有资本经营预算财政拨款", "", "", "", "", "", ""),
    ("本年收入合计", "307.82", "本年支出合计", "307.82", "307.82", "", ""),
    ("年初财政拨款结转和结余", "", "年末财政拨款结转和结余", "", "", "", ""),
    ("总计", "307.82", "总计", "307.82", "307.82", "", ""),
)


def test_a_header_over_columns_of_unequal_widths_reads_as_the_ruled_table(tmp_path: Path) -> None:
    """表四 with narrow label columns and wide fund columns: 支出 is centred over its five columns, the first of them
    nearer 收入's middle than its own — still under 支出, as ruled (before, 支出 was read over three columns, and the
    table's columns misread)."""
    shape = {
        "title": "财政拨款收入支出决算总表", "header": FISCAL_HEADER, "body": FISCAL_BODY,
        "widths": (80.0, 60.0, 90.0, 60.0, 100.0, 100.0, 100.0),
    }
    ruled = read_pdf(_draw_grid(tmp_path / "ruled.pdf", ruled=True, **shape))
    bare = read_pdf(_draw_grid(tmp_path / "bare.pdf", ruled=False, **shape))
    fiscal = ruled.account.tables.table("fiscal_summary") if ruled.account.tables else None
    assert fiscal is not None and len(fiscal.columns) == 4
    assert bare.account.tables is not None and bare.account.tables.table("fiscal_summary") == fiscal


#: 政府性基金预算财政拨款收入支出决算表 (表八): 本年支出 over 合计 | 基本支出 | 项目支出, the others merged down.
FUND_HEADER: tuple[Spanned, ...] = (
    ("项目", 0, 0, 1, 2), ("年初结转和结余", 0, 2, 2, 1), ("本年收入", 0, 3, 2, 1), ("本年支出", 0, 4, 1, 3),
    ("年末结转和结余", 0, 7, 2, 1), ("功能分类科目编码", 1, 0, 1, 1), ("科目名称", 1, 1, 1, 1), ("合计", 1, 4, 1, 1),
    ("基本支出", 1, 5, 1, 1), ("项目支出", 1, 6, 1, 1),
)


def test_an_empty_table_under_a_header_printing_its_total_alone_reads_as_the_ruled_one(tmp_path: Path) -> None:
    """表八 with no data (its 合计 row over blanks) under a header whose 合计 prints alone on its line, level with the
    wrapped headers beside it (基本支 / 出): the header's 合计 is no row of the body, and the table reads as ruled —
    before, the body was taken to start there and the table was not read."""
    shape = {"title": "政府性基金预算财政拨款收入支出决算表", "header": FUND_HEADER, "body": (("合计", None, "", "", "", "", "", ""),)}
    shape["widths"] = (52.0, 43.0, 52.0, 43.0, 60.0, 43.0, 43.0, 52.0)
    ruled = read_pdf(_draw_grid(tmp_path / "ruled.pdf", ruled=True, **shape))
    bare = read_pdf(_draw_grid(tmp_path / "bare.pdf", ruled=False, **shape))
    fund = ruled.account.tables.table("government_fund") if ruled.account.tables else None
    assert fund is not None
    assert bare.account.tables is not None and bare.account.tables.table("government_fund") == fund


#: The words of 表八 with no data as a workbook's export prints it without lines, its blanks as dashes (text, x0, x1,
#: top; 9 pt): 本年支出 over 合计 | 基本支出 | 项目支出, headers wrapped in narrow cells, the 合计 row over dashes.
DASHED_FUND = (
    (("项目", 264, 282, 93), ("本年支出", 469, 505, 93)),
    (("年初结转和", 325, 370, 101), ("本年收", 387, 414, 101), ("年末结转和", 560, 605, 101)),
    (("功能分类", 233, 269, 110), ("科目名", 281, 308, 110), ("基本支", 472, 499, 110), ("项目支", 516, 543, 110)),
    (("结余", 339, 357, 113), ("入", 396, 405, 113), ("结余", 573, 591, 113)),
    (("合计", 434, 452, 116),),
    (("科目编码", 233, 269, 121), ("称", 290, 299, 121), ("出", 481, 490, 121), ("出", 525, 534, 121)),
    (("合计", 264, 282, 139), ("-", 346, 349, 139), ("-", 399, 402, 139), ("-", 441, 445, 139), ("-", 484, 487, 139),
     ("-", 528, 531, 139), ("-", 581, 584, 139)),
)


def test_a_row_of_dashes_is_a_row() -> None:
    """Blank cells printed as dashes (a workbook's number format prints a zero as -): the 合计 row over them is the
    body's row, one dash a cell — before, it was taken for a header line, and the table was not read."""
    lines = [[document._Word(t, x0, x1, top, top + 9) for t, x0, x1, top in line] for line in DASHED_FUND]
    table = document._read_unruled(12, lines)
    assert table is not None
    assert [cell.text for cell in table.rows[-1]] == ["合计", None, "-", "-", "-", "-", "-", "-"]
