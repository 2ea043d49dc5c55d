"""Tests for budgetkit.io.text: reports as plain text and as web pages, and the CLI for every format."""

from __future__ import annotations

import io as text_io
import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import attrs
import pytest

from budgetkit import io
from budgetkit.checks.finding import Finding
from budgetkit.cli import main
from budgetkit.errors import LoadError
from budgetkit.io.document import half_width_numbers
from budgetkit.io.text import TextBox, html_document, read_html, read_text, text_document
from budgetkit.model.account import FinalAccount
from budgetkit.model.claim import Claim

SEED = Path(__file__).parent / "data" / "seeds" / "000_ad8dd908a3134475.txt"

PAGE = """<!DOCTYPE html><html><head><title>示例局</title><style>p{margin:0}</style></head><body>
<h1>示例局2024年度部门决算</h1>
<h2>第二部分 示例局2024年度部门决算表</h2>
<p>一般公共预算财政拨款支出决算表</p>
<p>单位：万元</p>
<table>
<tr><th colspan="2">项目</th><th colspan="3">本年支出</th></tr>
<tr><th>科目编码</th><th>科目名称</th><th>合计</th><th>基本支出</th><th>项目支出</th></tr>
<tr><td>208</td><td>社会保障和就业支出</td><td>754.75</td><td>754.75</td><td></td></tr>
<tr><td colspan="2">合计</td><td>754.75</td><td>754.75</td><td></td></tr>
</table>
<h2>第三部分 示例局2024年度部门决算情况说明</h2>
<h3>一、收入支出决算总体情况说明</h3>
<p>2024年度收入支出总计754.75万元。与2023年度相比，收入支出总计增加12.50万元，增长1.68%。</p>
<h2>第四部分 名词解释</h2>
<p>一、财政拨款收入：指本年度从本级财政部门取得的财政拨款。</p>
</body></html>"""


def test_a_web_page_is_imported_with_its_table_and_its_narrative(tmp_path: Path) -> None:
    (tmp_path / "report.html").write_text(PAGE, encoding="utf-8")
    imported = read_html(tmp_path / "report.html")
    account = imported.account
    assert (account.unit, account.year) == ("示例局", 2024)
    table = account.tables.table("general_budget_expenditure")
    assert table is not None and [r.key for r in table.rows] == ["208", "total"]
    assert table.cell("208", "project") is not None and table.cell("208", "project").is_blank  # type: ignore[union-attr]
    assert account.general_budget.total.current is not None and str(account.general_budget.total.current) == "754.75万元"
    assert [(c.kind.value, c.subject, str(c.stated)) for c in account.claims] == [
        ("change", "income.total", "12.50"),
        ("growth", "income.total", "1.68"),
    ]
    assert [g.term for g in account.glossary] == ["财政拨款收入"]
    report = imported.report
    assert str(report.box("tables.general_budget_expenditure[208].total")) == "第9行 表1 第3行第3格"
    assert str(report.box("claims[0]")) == "第14行"
    assert not report.not_understood


def test_html_tables_keep_merged_places_as_none() -> None:
    doc = html_document("<p>收入决算表</p><table><tr><td rowspan=2>项目</td><td colspan=2>本年收入</td></tr>"
                        "<tr><td>合计</td><td>财政拨款收入</td></tr></table>")
    assert doc.tables[0].texts() == [["项目", "本年收入", None], [None, "合计", "财政拨款收入"]]
    assert doc.tables[0].title == "收入决算表" and doc.paragraphs == ()


def test_text_lines_are_paragraphs_placed_by_line() -> None:
    doc = text_document("[bookmark: _Toc1]第一部分 单位概况\n\n\t一、主要职责\n")
    assert [p.text for p in doc.paragraphs] == ["第一部分 单位概况", "一、主要职责"]
    box = doc.paragraphs[1].lines[0].box
    assert isinstance(box, TextBox) and box.line == 3 and str(box) == "第3行"


def test_the_field_codes_of_a_contents_copied_from_word_are_dropped() -> None:
    """A 目录 copied out of Word as text keeps its field codes (seen on a Sichuan hospital's page): they and the page
    numbers with them are no part of the titles, and a word that merely contains the letters stays."""
    doc = text_document(
        'TOC \\o "1-3" \\h \\z \\u\n第一部分 单位概况 PAGEREF _Toc25831 h 3\n'
        '五、一般公共预算财政拨款支出决算情况说明 PAGEREF _Toc19235 \\h 6\n'
        'HYPERLINK \\l "_Toc1989" 二、机构设置\n收入PAGEREF是一个词\n'
    )
    assert [p.text for p in doc.paragraphs] == [
        "第一部分 单位概况",
        "五、一般公共预算财政拨款支出决算情况说明",
        "二、机构设置",
        "收入PAGEREF是一个词",
    ]


def test_the_sichuan_layout_is_read_in_the_national_one() -> None:
    """第二部分 情况说明 → 第三部分; 第3部分 名词解释 → 第四部分; 1、…说明 → 一、; the self-evaluation tables
    after the 名词解释 a part of their own; each line keeps its printed text."""
    doc = text_document(SEED.read_text(encoding="utf-8"))
    parts = [p.text for p in doc.paragraphs if p.text.startswith("第") and "部分" in p.text[:5]]
    assert parts == ["第一部分 单位概况", "第三部分 2023年度单位决算情况说明", "第四部分 名词解释",
                     "第五部分 部门预算项目支出绩效自评表（2023年度）"]
    heading = next(p for p in doc.paragraphs if p.text.endswith("收入决算情况说明"))
    assert heading.text == "二、收入决算情况说明" and heading.lines[0].text.startswith("2、")


def test_a_note_printed_without_part_headings_is_read_as_its_narrative(tmp_path: Path) -> None:
    """A 说明 with no 第X部分 heading at all (a department's page that prints only the 情况说明) is read from
    its first section, 一、收入支出决算总体情况说明: the seed without its part headings finds what the seed
    finds, and no number is counted twice."""
    from budgetkit.checks.audit import check

    lines = SEED.read_text(encoding="utf-8").splitlines()
    (tmp_path / "note.txt").write_text("\n".join(line for line in lines if "部分" not in line), encoding="utf-8")
    whole, headless = read_text(SEED), read_text(tmp_path / "note.txt")
    assert not [i for i in headless.report.issues if "第三部分" in i.reason]
    assert headless.account.claims == whole.account.claims
    assert headless.account.general_budget == whole.account.general_budget
    report = headless.report
    assert report.numbers_seen == report.numbers_imported + report.numbers_in_text + report.numbers_not_held + len(report.not_understood)

    def codes(findings: list[Finding]) -> Counter[tuple[str, str]]:
        return Counter((f.code, f.path) for f in findings if not f.path.startswith("passages"))

    assert codes(check(headless.account)) == codes(check(whole.account))


def test_unreadable_text_is_named(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"%PDF-1.7\n")
    with pytest.raises(LoadError, match="a PDF or Office file"):
        read_text(tmp_path / "a.txt")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(LoadError, match="a binary file"):
        read_text(tmp_path / "b.txt")
    (tmp_path / "c.txt").write_bytes("自贡市人力资源服务中心\n".encode("gb18030"))
    assert text_document((tmp_path / "c.txt").read_bytes().decode("gb18030")).paragraphs[0].text.startswith("自贡")


# -- the command line ------------------------------------------------------------------------------------------


def test_cli_imports_a_workbook_with_its_coverage(tmp_path: Path) -> None:
    from budgetkit import datasets
    from budgetkit.outputs.workbook import write_xlsx

    write_xlsx(datasets.load("putuo-social-work-2024"), tmp_path / "r.xlsx")
    out = text_io.StringIO()
    assert main(["import", str(tmp_path / "r.xlsx"), "-o", str(tmp_path / "r.toml"), "--report"], out=out) == 0
    text = out.getvalue()
    assert "9 sheets" in text and "0 not understood" in text and "9 found of 9 expected" in text
    assert (tmp_path / "r.toml").exists()


def test_cli_checks_a_workbook_and_names_the_cells(tmp_path: Path) -> None:
    from budgetkit import datasets
    from budgetkit.outputs.workbook import write_xlsx

    write_xlsx(datasets.load("putuo-planning-2024"), tmp_path / "r.xlsx")
    out = text_io.StringIO()
    assert main(["check", str(tmp_path / "r.xlsx"), "--format", "json"], out=out) == 1
    findings = json.loads(out.getvalue())["findings"]
    link = next(f for f in findings if f["path"] == "tables.summary[210].amount")
    assert link["source"]["place"] == "表一!D13"


def test_cli_checks_the_seed_text(capsys: pytest.CaptureFixture[str]) -> None:
    out = text_io.StringIO()
    assert main(["check", str(SEED), "--min-severity", "error"], out=out) == 1
    lines = out.getvalue().splitlines()
    assert lines[0] == "自贡市人力资源服务中心 2023年度决算 检查结果"
    assert lines[2] == read_text(SEED).report.summary_zh() and lines[2].startswith("导入：数字 1076 个，读入 660、")
    assert "未找到情况说明" not in out.getvalue()


def test_cli_says_when_a_report_had_no_narrative_to_check(tmp_path: Path) -> None:
    """No 情况说明 found: the check says none of its figures was checked, not just "no inconsistency"."""
    (tmp_path / "r.txt").write_text("示例局2024年度部门决算\n第一部分 部门概况\n一、主要职责\n负责规划工作。\n", encoding="utf-8")
    for lang, said in (("zh", "未找到情况说明"), ("en", "No 情况说明 found")):
        out = text_io.StringIO()
        assert main(["check", str(tmp_path / "r.txt"), "--lang", lang], out=out) == 0
        assert said in out.getvalue().splitlines()[3], out.getvalue()
    assert not read_text(tmp_path / "r.txt").report.narrative_found
    out = text_io.StringIO()
    main(["check", str(tmp_path / "r.txt"), "--format", "json"], out=out)
    said = json.loads(out.getvalue())["import"]
    assert said["narrative_found"] is False and said["numbers_seen"] == said["numbers_in_text"] == 1


def test_cli_refuses_an_unknown_suffix_and_a_corrupt_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "r.odt").write_bytes(b"PK\x03\x04")
    assert main(["import", str(tmp_path / "r.odt")], out=text_io.StringIO()) == 2
    assert "cannot import a .odt file" in capsys.readouterr().err
    (tmp_path / "r.docx").write_bytes(b"PK\x03\x04")
    assert main(["import", str(tmp_path / "r.docx")], out=text_io.StringIO()) == 2
    assert "r.docx" in (err := capsys.readouterr().err) and "not a Word document (.docx)" in err
    (tmp_path / "r.xlsx").write_bytes(b"PK\x03\x04broken")
    assert main(["check", str(tmp_path / "r.xlsx")], out=text_io.StringIO()) == 2
    assert "r.xlsx" in capsys.readouterr().err


def test_a_text_taken_from_a_pdf_joins_its_wrapped_lines(tmp_path: Path) -> None:
    """The planning report's text as pdfplumber extracts it (every paragraph broken at the margin) reads its
    情况说明 as the PDF does: the same claims, only keyed by name where the text has no 表五 to give codes."""
    pdfplumber = pytest.importorskip("pdfplumber")
    from budgetkit.io.pdf import read_pdf

    pdf = Path(__file__).parent / "data" / "samples" / "putuo-planning-2024.pdf"
    with pdfplumber.open(pdf) as document:
        text = "\n".join(page.extract_text() or "" for page in document.pages)
    (tmp_path / "planning.txt").write_text(text, encoding="utf-8")
    from_text, from_pdf = read_text(tmp_path / "planning.txt"), read_pdf(pdf)

    def stated(claims: Sequence[Claim]) -> Counter[tuple[str, str]]:
        return Counter((c.kind.value, str(c.stated)) for c in claims)

    missed = stated(from_pdf.account.claims) - stated(from_text.account.claims)
    assert stated(from_text.account.claims) - stated(from_pdf.account.claims) == Counter()
    # the text misses 4 completion rates of 项 that only 表五's codes place: two under the 款 the report
    # misnames (住房保障支出（款）, 22102 being 住房改革支出), and the text prints no 表五
    assert sum(missed.values()) <= 4, missed
    assert len(from_text.report.not_understood) <= 10  # 94 when every line was a paragraph


def test_numbers_typed_in_full_width_read_as_numbers(tmp_path: Path) -> None:
    """１０５４．９０万元 (a Chinese input method's full-width digits) is 1054.90, not 90; ６．６８％ is a rate."""
    (tmp_path / "r.txt").write_text(
        "示例局2024年度部门决算\n第三部分 情况说明\n一、收入支出决算总体情况说明\n"
        "2024年度收入总计１０５４．９０万元，与2023年度相比，增加６６．０２万元，增长６．６８％。\n",
        encoding="utf-8",
    )
    imported = read_text(tmp_path / "r.txt")
    assert str(imported.account.income.total.current) == "1,054.90万元"
    assert [(c.kind.value, str(c.stated)) for c in imported.account.claims] == [("change", "66.02"), ("growth", "6.68")]
    assert imported.report.not_understood == ()


def test_a_table_right_under_a_part_heading_keeps_the_paragraphs_above_it() -> None:
    """A part heading is never a table's heading, so none of the lines above is: every paragraph stays text (they
    were all dropped as the table's heading, ``pending[-0:]``)."""
    doc = html_document(
        "<p>示例局2024年度部门决算</p><p>一、收入支出决算总体情况说明</p><p>本年收入合计9.50万元。</p>"
        "<p>第二部分 2024年度部门决算表</p><table><tr><td>序号</td><td>单位名称</td></tr>"
        "<tr><td>1</td><td>示例局</td></tr></table>"
    )
    assert [p.text for p in doc.paragraphs] == [
        "示例局2024年度部门决算",
        "一、收入支出决算总体情况说明",
        "本年收入合计9.50万元。",
        "第二部分 2024年度部门决算表",
    ]
    assert doc.tables[0].heading == ()


#: A number as a text prints it: grouped in thousands with decimals (1,054.90), or plain, a rate with its %.
_PRINTED_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+\.\d+%?|\d+(?:\.\d+)?%?")
#: The prose of an account and of its projects: kept as printed, full-width digits and all.
_PROSE = ("duties", "organisation", "notes")
_PROJECT_PROSE = ("goals", "results", "process", "execution_reason", "conclusion", "problems", "measures")


def _full_width(text: str) -> str:
    """``text`` with every number typed in full-width forms: １，０５４．９０, ６．６８％, ２０２３."""
    return _PRINTED_NUMBER.sub(lambda m: m.group().translate(str.maketrans("0123456789.%,", "０１２３４５６７８９．％，")), text)


def _without_prose(account: FinalAccount) -> FinalAccount:
    """``account`` without the text it keeps as printed (passages, a claim's printed words, a project's goals and
    results …): its figures, and where they stand."""
    projects = tuple(attrs.evolve(p, **dict.fromkeys(_PROJECT_PROSE, "")) for p in account.projects)
    claims = tuple(attrs.evolve(c, text="") for c in account.claims)
    return attrs.evolve(account, passages=(), projects=projects, claims=claims, **dict.fromkeys(_PROSE, ""))


@pytest.mark.parametrize(
    "where",
    [
        "tables",  # the cells of figures and names of the self-evaluation tables (and the chart data after them)
        "captions",  # （图１：收、支决算总计变动情况图）
        "everywhere",
    ],
)
def test_a_report_typed_in_full_width_imports_as_the_half_width_one(tmp_path: Path, where: str) -> None:
    """The seed with its numbers typed in full-width forms (in its self-evaluation tables, its chart captions, or
    everywhere) imports to the figures the seed does, every number read and counted as there; its prose is kept
    as printed, and reads as the seed's."""
    text = SEED.read_text(encoding="utf-8")
    if where == "tables":  # a cell of sentences (。；) is prose, kept as printed: left as the seed prints it
        typed = "\n".join(_full_width(line) if "\t" in line and not re.search("[。；;]", line) else line for line in text.split("\n"))
    elif where == "captions":
        typed = re.sub(r"（图(\d)", lambda m: "（图" + _full_width(m.group(1)), text)
    else:
        typed = _full_width(text)
    assert typed != text
    (tmp_path / "typed.txt").write_text(typed, encoding="utf-8")
    original, full = read_text(SEED), read_text(tmp_path / "typed.txt")
    assert full.report.summary() == original.report.summary()
    assert io.dumps(_without_prose(full.account)) == io.dumps(_without_prose(original.account))
    assert half_width_numbers(io.dumps(full.account)) == half_width_numbers(io.dumps(original.account))
    if where == "tables":  # the cells of figures are all there is to read: the very account
        assert io.dumps(full.account) == io.dumps(original.account)
    assert [p.code for p in full.account.projects][:1] == ["51030022T000000326059"]
    assert [p.use for p in full.account.projects] == [p.use for p in original.account.projects]  # 十（四） found them


def test_a_full_width_comma_groups_thousands_only_in_a_number_with_decimals() -> None:
    """１，０２５．９８ and 1，025.98 are 1,025.98 (a full-width comma typed between thousands), but 100，200 is two
    numbers of a list: read as printed."""
    from budgetkit.io.grammar import parse_text

    def amounts(text: str) -> list[str]:
        return [str(s.figure) for s in parse_text(text, section="二") if type(s).__name__ == "Amount"]

    assert amounts("本年收入合计１，０２５．９８万元。") == ["1,025.98万元"]
    assert amounts("本年收入合计1，025.98万元。") == ["1,025.98万元"]
    assert half_width_numbers("分别为100，200，300人") == "分别为100，200，300人"


#: A Sichuan 单位决算说明 numbering its sections in digits, with points of a section's text that are numbered in
#: digits and end in 说明 too: they are points, not sections.
_POINTS = """示例中心2023年度单位决算
第二部分 2023年度单位决算情况说明
1、 收入支出决算总体情况说明
2023年度收入总计100.00万元，支出总计100.00万元。
1、收支增加原因说明
主要是人员经费增加。
2、收支结构变化说明
无变化。
2、 收入决算情况说明
2023年本年收入合计100.00万元，其中：一般公共预算财政拨款收入100.00万元，占100%。
十、其他重要事项的情况说明
（四）预算绩效管理情况
1、绩效自评工作开展情况说明
2、绩效自评结果说明
3、 国有资产占有使用情况说明
"""


def test_a_point_of_a_section_that_ends_in_shuoming_stays_a_point() -> None:
    """"1、…说明" is a section heading only where it goes on from the section before it (or names one of the
    template's sections): the points under 1、收入支出决算总体情况说明 and under 十（四） keep their numbers."""
    texts = [p.text for p in text_document(_POINTS).paragraphs]
    assert texts[2:10] == [
        "一、收入支出决算总体情况说明",
        "2023年度收入总计100.00万元，支出总计100.00万元。",
        "1、收支增加原因说明",  # a point of 一: no second section 一
        "主要是人员经费增加。",
        "2、收支结构变化说明",  # the list goes on: not section 二
        "无变化。",
        "二、收入决算情况说明",
        "2023年本年收入合计100.00万元，其中：一般公共预算财政拨款收入100.00万元，占100%。",
    ]
    assert texts[12:] == ["1、绩效自评工作开展情况说明", "2、绩效自评结果说明", "3、 国有资产占有使用情况说明"]


def test_points_ending_in_shuoming_are_read_under_their_section(tmp_path: Path) -> None:
    """Imported, the points are passages of their sections (一1, 十（四）1), and every section is read once."""
    (tmp_path / "points.txt").write_text(_POINTS, encoding="utf-8")
    account = read_text(tmp_path / "points.txt").account
    sections = [p.section for p in account.passages]
    assert sections == ["第三部分", "一", "一1", "一2", "二", "十", "十（四）", "十（四）1", "十（四）2", "十（四）3"]
    assert [(c.kind.value, c.section, str(c.stated)) for c in account.claims] == [("share", "二", "100")]


def test_a_reception_printed_again_otherwise_is_a_claim_on_the_first(tmp_path: Path) -> None:
    """七 prints 国内公务接待 twice ("国内公务接待支出0.8万元…国内公务接待8批次，50人次…共计支出0.8万元"); a later printing
    that differs is compared with the first, as every 三公 line's is (before, it was dropped unchecked)."""
    from budgetkit.checks.audit import check

    printed = "50人次（不包括陪同人员），共计支出0.8万元"
    text = SEED.read_text(encoding="utf-8")
    assert text.count(printed) == 1
    changed = tmp_path / "seed.txt"
    changed.write_text(text.replace(printed, printed.replace("0.8万元", "0.9万元")), encoding="utf-8")
    found = [(f.rule, f.stated_text, f.expected_text) for f in check(read_text(changed).account)]
    assert ("claim.amount", "0.9", "0.8") in found
    assert not [c for c in read_text(SEED).account.claims if c.subject == "three_public.reception_domestic"]


def test_last_year_s_figure_printed_again_otherwise_is_a_claim(tmp_path: Path) -> None:
    """The seed prints last year's 财政拨款收、支总计 954.70 in 四 and again in 五（一）; printed 955.70 the second time,
    it is a claim on the figure's previous (an error), not dropped; printed alike, nothing is added."""
    from budgetkit.checks.audit import check

    assert not any(c.subject.endswith(".previous") for c in read_text(SEED).account.claims)
    lines = SEED.read_text(encoding="utf-8").splitlines()
    assert "与2022年954.70万元相比" in lines[41]
    lines[41] = lines[41].replace("与2022年954.70万元相比", "与2022年955.70万元相比")
    changed = tmp_path / "seed.txt"
    changed.write_text("\n".join(lines), encoding="utf-8")
    imported = read_text(changed)
    [k] = [k for k, c in enumerate(imported.account.claims) if c.subject == "fiscal.total.previous"]
    assert str(imported.account.claims[k].stated) == "955.70" and imported.account.claims[k].section == "五（一）"
    found = [(f.rule, f.severity.value, f.expected) for f in check(imported.account) if f.path == f"claims[{k}]"]
    assert [(rule, severity, str(expected)) for rule, severity, expected in found] == [("claim.amount", "error", "954.70")]
    assert str(imported.report.box(f"claims[{k}]")) == "第42行"
