"""Reports published as Word documents (.docx): :mod:`budgetkit.io.word`."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from budgetkit import io as bio
from budgetkit.cli import main
from budgetkit.errors import LoadError
from budgetkit.io import word
from budgetkit.io.document import read_pdf as read_document
from budgetkit.io.pdf import from_document, read_pdf
from budgetkit.io.text import html_document
from budgetkit.io.word import WordBox, read_docx, word_document
from word_docs import cell, docx, level, merged_rows, numbering, paragraph, run, table
from word_docs import from_document as as_docx

SAMPLES = Path(__file__).parent / "data" / "samples"


@pytest.mark.parametrize("name", ["putuo-planning-2024", "putuo-social-work-2024", "template-shanghai-2024"])
def test_a_report_published_as_word_imports_as_its_pdf(name: str, tmp_path: Path) -> None:
    """Each sample written back as the Word document it was made from (its paragraphs, and its tables with their
    merged cells merged) imports to the PDF's account, byte for byte, with every place a paragraph or a cell."""
    pdf = SAMPLES / f"{name}.pdf"
    path = tmp_path / f"{name}.docx"
    path.write_bytes(as_docx(read_document(pdf)))
    from_word, from_pdf = read_docx(path), read_pdf(pdf)
    assert bio.dumps(from_word.account) == bio.dumps(from_pdf.account)
    assert from_word.report.numbers_imported == from_pdf.report.numbers_imported
    assert from_word.report.tables_found == from_pdf.report.tables_found
    places = list(from_word.report.places.values())
    assert places and all(isinstance(place, WordBox) for place in places)
    assert all(str(place).startswith("第") and "段" in str(place) for place in places)
    assert from_word.report.places.keys() == from_pdf.report.places.keys()


def test_word_numbering_is_read_as_word_shows_it() -> None:
    """Headings numbered by Word (not typed) keep their numbers, counted per list and level as Word counts."""
    lists = numbering(
        [level(0, "chineseCounting", "%1、"), level(1, "chineseCounting", "（%2）"), level(2, "decimal", "%3.")],
        [level(0, "decimal", "%1.", start=3)],
    )
    body = "".join(
        [
            paragraph("收入支出决算总体情况说明", num=(1, 0)),
            paragraph("收入决算情况说明", num=(1, 0)),
            paragraph("财政拨款收入", num=(1, 1)),
            paragraph("一般公共预算", num=(1, 2)),
            paragraph("政府性基金", num=(1, 2)),
            paragraph("其他收入", num=(1, 1)),
            paragraph("事业收入", num=(1, 2)),
            paragraph("支出决算情况说明", num=(1, 0)),
            paragraph("从三起", num=(2, 0)),
            paragraph("不编号", num=(0, 0)),
            paragraph("标题样式", style="Heading1"),
        ]
    )
    styles = (
        '<w:style w:styleId="Base"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:styleId="Heading1"><w:basedOn w:val="Base"/></w:style>'
    )
    doc = word_document(docx(body, lists, styles))
    assert [p.text for p in doc.paragraphs] == [
        "一、收入支出决算总体情况说明",
        "二、收入决算情况说明",
        "（一）财政拨款收入",
        "1. 一般公共预算",
        "2. 政府性基金",
        "（二）其他收入",
        "1. 事业收入",
        "三、支出决算情况说明",
        "3. 从三起",
        "不编号",
        "四、标题样式",
    ]
    assert [str(p.lines[0].box) for p in doc.paragraphs[:2]] == ["第1段", "第2段"]


def test_what_word_shows_is_read_and_what_it_hides_is_not() -> None:
    deleted = '<w:del><w:r><w:delText>9.99</w:delText></w:r></w:del>'
    inserted = f"<w:ins>{run('10.50')}</w:ins>"
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc123 \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("3") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    box = (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>'
        + paragraph("示例局2024年度部门决算")
        + "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>"
        + paragraph("示例局2024年度部门决算")
        + "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    hidden = '<w:r><w:rPr><w:vanish/></w:rPr><w:t>（隐藏的批注1.00）</w:t></w:r>'
    shown = '<w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>。</w:t></w:r>'
    body = (
        paragraph("", inner=box)
        + paragraph("本年收入合计", inner=deleted + inserted + hidden + run("万元") + shown)
        + paragraph("一、收入支出决算总体情况说明", inner="<w:r><w:tab/></w:r>" + field)
        + paragraph("收入", inner='<w:r><w:br/></w:r>' + run("9.50") + '<w:r><w:br/></w:r>' + run("8.00"))
        + '<w:sdt><w:sdtContent>' + paragraph("控件中的段落") + "</w:sdtContent></w:sdt>"
    )
    doc = word_document(docx(body))
    assert [p.text for p in doc.paragraphs] == [
        "示例局2024年度部门决算",  # the text box once, not its fallback copy too
        "本年收入合计10.50万元。",
        "一、收入支出决算总体情况说明 3",
        "收入 9.50 8.00",  # two numbers a break apart never run into one
        "控件中的段落",
    ]


def test_merged_cells_are_merged_places_as_in_a_web_page() -> None:
    rows = [
        [cell("项目", merge="restart"), cell("本年收入", span=2)],
        [cell("", merge="continue"), cell("财政拨款"), cell("其他")],
        [cell("合计"), cell("9.50"), cell("1.00")],
    ]
    body = paragraph("收入决算表") + paragraph("单位：万元") + table(rows) + paragraph("注：本表反映收入。")
    doc = word_document(docx(body))
    page = html_document(
        "<p>收入决算表</p><p>单位：万元</p><table><tr><td rowspan=2>项目</td><td colspan=2>本年收入</td></tr>"
        "<tr><td>财政拨款</td><td>其他</td></tr><tr><td>合计</td><td>9.50</td><td>1.00</td></tr></table>"
        "<p>注：本表反映收入。</p>"
    )
    (got,), (expected,) = doc.tables, page.tables
    assert got.texts() == expected.texts() == [["项目", "本年收入", None], [None, "财政拨款", "其他"], ["合计", "9.50", "1.00"]]
    assert (got.title, got.unit, [n.text for n in got.notes]) == ("收入决算表", "万元", ["注：本表反映收入。"])
    assert str(got.rows[2][1].box) == "第9段 表1 第3行第2格"  # each cell's paragraph counts, the merged one's too


def test_a_self_evaluation_table_in_word_is_the_accounts_project() -> None:
    """附件1 as Word lays it out (merged across and down, a goal wrapped over two paragraphs of its cell) is the
    project the table gives as a PDF prints it."""
    from budgetkit.io.selfeval import read_selfeval_table
    from test_selfeval import central_rows

    body = (
        paragraph("示例局2024年度部门决算")
        + paragraph("第三部分 2024年度部门决算情况说明")
        + paragraph("一、收入支出决算总体情况说明")
        + paragraph("本年收入合计120.00万元。")
        + paragraph("附件：项目支出绩效自评表")
        + merged_rows(central_rows())
    )
    imported = from_document(word_document(docx(body), "selfeval.docx"))
    (project,) = imported.account.projects
    assert project == read_selfeval_table(central_rows())
    assert str(imported.report.places["projects[0]"]) == "第6段 表1 第1行第1格"  # its title's cell


def test_a_cells_wrapped_label_reads_whole(tmp_path: Path) -> None:
    wrapped = "<w:tc>" + paragraph("一般公共预算") + paragraph("财政拨款收入") + "</w:tc>"
    numbers = "<w:tc>" + paragraph("9.50") + paragraph("1.00") + "</w:tc>"
    before = '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>' + cell("合计") + "</w:tr>"
    body = "<w:tbl>" + f"<w:tr>{wrapped}{numbers}</w:tr>" + before + "</w:tbl>"
    (got,) = word_document(docx(body)).tables
    assert got.texts() == [["一般公共预算财政拨款收入", "9.50 1.00"], ["", "合计"]]


def test_a_word_document_checks_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "planning.docx"
    path.write_bytes(as_docx(read_document(SAMPLES / "putuo-planning-2024.pdf")))
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "错误 6 项" in out and "第" in out and "段" in out
    assert main(["import", str(path), "-o", str(tmp_path / "planning.toml"), "--report"]) == 0
    assert "planning.docx: Word document" in capsys.readouterr().out


def test_a_directory_of_reports_takes_word_documents_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "social.docx").write_bytes(as_docx(read_document(SAMPLES / "putuo-social-work-2024.pdf")))
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))
    (tmp_path / "letter.docx").write_bytes(docx(paragraph("各单位：") + paragraph("请于月底前报送年度决算，逾期不候。")))
    status = main(["check", str(tmp_path), "--lang", "en"])
    out = capsys.readouterr()
    said = out.out + out.err
    assert "中共上海市普陀区委社会工作部" in out.out
    assert "old.doc" in said and "save it as .docx or PDF" in said  # tried, and told what to do
    assert "letter.docx: no 决算 title, section heading or table title in it" in said  # skipped, saying why
    assert status == 2  # a file could not be read


def test_a_word_document_is_a_report_by_a_line_of_its_own(tmp_path: Path) -> None:
    from budgetkit.io.word import not_a_word_report

    report, letter = tmp_path / "report.docx", tmp_path / "letter.docx"
    report.write_bytes(docx(paragraph("收入决算表") + table([[cell("项目"), cell("合计")]])))
    letter.write_bytes(docx(paragraph("请于月底前报送年度决算，逾期不候。")))
    assert not_a_word_report(report) is None
    assert str(not_a_word_report(letter)) == "no 决算 title, section heading or table title in it"
    assert not_a_word_report(tmp_path / "missing.docx") is None  # its import names the problem


def test_a_web_page_saved_under_a_word_name_is_read_as_a_web_page(tmp_path: Path) -> None:
    path = tmp_path / "report.doc"
    path.write_text(
        "<html><body><p>示例局2024年度部门决算</p><p>第三部分 情况说明</p><p>一、收入支出决算总体情况说明</p>"
        "<p>本年收入合计9.50万元。</p></body></html>",
        encoding="utf-8",
    )
    imported = read_docx(path)
    assert (imported.account.unit, str(imported.account.income.year_total.current)) == ("示例局", "9.50万元")


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "Word 97-2003 document (.doc) or a password-protected one"),
        (b"{\\rtf1\\ansi hello}", "rich-text (RTF) document"),
        (b"%PDF-1.7\n", "a PDF; import it as .pdf"),
        (b"PK\x03\x04 not really a zip", "not a Word document (.docx)"),
        (b"just some text", "not a Word document (.docx)"),
    ],
)
def test_what_is_not_a_word_document_is_refused_by_name(tmp_path: Path, data: bytes, why: str) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(data)
    with pytest.raises(LoadError) as caught:
        read_docx(path)
    assert why in str(caught.value) and "report.docx" in str(caught.value)


def test_a_package_without_a_document_part_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "book.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(LoadError, match=r"it has no word/document\.xml"):
        read_docx(path)


def test_a_declared_dtd_is_refused_unread() -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        "<w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"
    )
    data = docx("")
    path_data = _replaced(data, "word/document.xml", laughs)
    with pytest.raises(LoadError, match="declares a DTD"):
        word_document(path_data, "laughs.docx")


def test_a_document_part_too_large_unpacked_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(word, "MAX_XML_BYTES", 1000)
    data = docx(paragraph("收入" * 2000))  # packs small, unpacks past the limit
    with pytest.raises(LoadError, match="more than the 1000 bytes a report"):
        word_document(data, "big.docx")


def test_a_hostile_nesting_is_refused_not_followed() -> None:
    deep = "<w:sdt><w:sdtContent>" * 5000 + paragraph("深处") + "</w:sdtContent></w:sdt>" * 5000
    with pytest.raises(LoadError, match="deeper than 200 levels"):
        word_document(docx(deep), "deep.docx")
    assert [p.text for p in word_document(docx("<w:sdt><w:sdtContent>" * 50 + paragraph("不深") + "</w:sdtContent></w:sdt>" * 50)).paragraphs] == ["不深"]


@pytest.mark.parametrize(
    ("rows", "why"),
    [
        ([[cell("宽", span=150), cell("再宽", span=150)]], "more than 200 columns"),
        ([['<w:tc><w:tcPr><w:gridSpan w:val="999999999"/></w:tcPr><w:p/></w:tc>']], None),
        ([[cell("长", span=200, merge="restart")]] + [[cell("", span=200, merge="continue")]] * 1200, "places"),
    ],
)
def test_a_table_larger_than_a_report_prints_is_refused(rows: list[list[str]], why: str | None) -> None:
    """A hostile table (a huge span, a merge down thousands of rows) is refused before its grid is built place by
    place; a span is never taken wider than a table may be."""
    data = docx(table(rows))
    if why is None:
        (got,) = word_document(data).tables
        assert got.width == 200
        return
    with pytest.raises(LoadError, match=why):
        word_document(data, "wide.docx")
    gap = '<w:tr><w:trPr><w:gridBefore w:val="999999999"/></w:trPr>' + cell("x") + "</w:tr>"
    with pytest.raises(LoadError, match="more than 200 columns"):
        word_document(docx(f"<w:tbl>{gap}</w:tbl>"), "gap.docx")


def test_a_part_of_too_many_elements_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(word, "MAX_ELEMENTS", 100)
    with pytest.raises(LoadError, match="more than 100 elements"):
        word_document(docx(paragraph("", inner="<w:r/>" * 200)), "runs.docx")


@pytest.mark.parametrize(
    "xml", ["<w:document><w:body><w:p>", '<?xml version="1.0" encoding="ITF-8"?><w:document/>']
)
def test_malformed_xml_is_named(xml: str) -> None:
    data = _replaced(docx(""), "word/document.xml", xml)
    with pytest.raises(LoadError, match="not well-formed XML"):
        word_document(data, "broken.docx")


def test_an_empty_word_document_reads_to_no_paragraphs() -> None:
    doc = word_document(docx(""))
    assert doc.paragraphs == () and doc.tables == ()
    with pytest.raises(LoadError, match="no unit and year"):
        from_document(doc)


def _replaced(data: bytes, name: str, text: str) -> bytes:
    import io

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for info in source.infolist():
            package.writestr(info, text if info.filename == name else source.read(info))
    return out.getvalue()


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9, 0.99])
def test_a_truncated_word_document_is_an_error_naming_the_file(tmp_path: Path, keep: float) -> None:
    data = as_docx(read_document(SAMPLES / "putuo-social-work-2024.pdf"))
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(LoadError) as caught:
        read_docx(path)
    assert "cut.docx" in str(caught.value)


def test_a_damaged_word_document_is_an_error_naming_the_file() -> None:
    """Bytes changed anywhere (a damaged download): a LoadError naming the file, or the document read; never a crash."""
    import random

    data = as_docx(read_document(SAMPLES / "putuo-social-work-2024.pdf"))
    rng = random.Random(9)
    for _ in range(200):
        damaged = bytearray(data)
        for _ in range(3):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        try:
            word_document(bytes(damaged), "damaged.docx")
        except LoadError as exc:
            assert "damaged.docx" in str(exc)
