"""The charts of a Word document: its captions, with the data of the chart parts drawn in its body
(budgetkit.io.word.word_charts)."""

from __future__ import annotations

from pathlib import Path

from budgetkit.checks.audit import check
from budgetkit.io.word import read_docx
from word_docs import docx, paragraph

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


def drawing(rid: str) -> str:
    """A paragraph's run drawing the chart of relationship ``rid`` (inline, as Word draws one)."""
    return (
        f'<w:r><w:drawing><wp:inline xmlns:wp="{WP}"><a:graphic xmlns:a="{A}"><a:graphicData uri="{C}">'
        f'<c:chart xmlns:c="{C}" xmlns:r="{R}" r:id="{rid}"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
    )


def chart_part(title: str, kind: str, labels: list[str], series: list[list[str]]) -> str:
    """A chart part: ``title``, a ``kind`` plot (barChart, pieChart) of one series per list of values."""
    def points(cache: str, values: list[str]) -> str:
        pts = "".join(f'<c:pt idx="{k}"><c:v>{v}</c:v></c:pt>' for k, v in enumerate(values))
        return f"<c:{cache}><c:ptCount val=\"{len(values)}\"/>{pts}</c:{cache}>"

    sers = "".join(
        f"<c:ser><c:idx val=\"{k}\"/><c:cat><c:strRef><c:f>Sheet1!$A$2</c:f>{points('strCache', labels)}</c:strRef></c:cat>"
        f"<c:val><c:numRef><c:f>Sheet1!$B$2</c:f>{points('numCache', values)}</c:numRef></c:val></c:ser>"
        for k, values in enumerate(series)
    )
    head = f"<c:title><c:tx><c:rich><a:p><a:r><a:t>{title}</a:t></a:r></a:p></c:rich></c:tx></c:title>" if title else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="{C}" xmlns:a="{A}">'
        f"<c:chart>{head}<c:plotArea><c:{kind}>{sers}</c:{kind}></c:plotArea></c:chart></c:chartSpace>"
    )


def rels(*targets: str) -> str:
    items = "".join(
        f'<Relationship Id="rId{k + 10}" Type="{R}/chart" Target="{target}"/>' for k, target in enumerate(targets)
    )
    return f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{items}</Relationships>'


BODY = (
    paragraph("示例中心2023年度单位决算")
    + paragraph("一、收入支出决算总体情况说明")
    + paragraph(
        "2023年度收入总计1,054.90万元，支出总计1,054.90万元。本年支出合计1,045.65万元，其中：基本支出551.03万元，"
        "项目支出494.62万元。"
    )
    + paragraph(inner=drawing("rId10"))
    + paragraph("（图1：支出决算结构图）（饼状图）")
)


def _write(tmp_path: Path, part: str, body: str = BODY, target: str = "charts/chart1.xml") -> Path:
    path = tmp_path / "report.docx"
    path.write_bytes(docx(body, parts={"word/_rels/document.xml.rels": rels(target), "word/charts/chart1.xml": part}))
    return path


def test_a_chart_part_is_its_captions_data_and_its_values_are_checked(tmp_path: Path) -> None:
    """The pie's values against the figures they depict: 项目支出 494.62 printed, 493.62 drawn (a chart not redrawn)."""
    part = chart_part("支出决算结构图", "pieChart", ["基本支出", "项目支出"], [["551.03", "493.62"]])
    imported = read_docx(_write(tmp_path, part))
    (chart,) = imported.account.charts
    assert (chart.number, chart.title, chart.kind, chart.data_title) == (1, "支出决算结构图", "饼状图", "支出决算结构图")
    assert (chart.labels, chart.values) == (("基本支出", "项目支出"), ("551.03", "493.62"))
    assert chart.subjects == ("expenditure.basic.current", "expenditure.project.current")
    assert str(imported.report.box("charts[0]")) == "第5段"
    found = [(f.rule, f.path, f.stated_text) for f in check(imported.account) if f.rule.startswith("chart.")]
    assert found == [("chart.value", "charts[0].values[1]", "493.62")]


def test_a_chart_of_several_series_or_an_unread_part_keeps_no_data(tmp_path: Path) -> None:
    two = chart_part("支出决算结构图", "barChart", ["基本支出", "项目支出"], [["551.03", "494.62"], ["1", "2"]])
    assert not read_docx(_write(tmp_path, two)).account.charts[0].values
    one = chart_part("支出决算结构图", "pieChart", ["基本支出", "项目支出"], [["551.03", "494.62"]])
    missing = read_docx(_write(tmp_path, one, target="charts/chart9.xml")).account.charts[0]
    assert (missing.title, missing.values) == ("支出决算结构图", ())


def test_a_chart_part_under_the_fallback_of_a_drawing_is_not_counted_twice(tmp_path: Path) -> None:
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    twice = (
        f'<mc:AlternateContent xmlns:mc="{mc}"><mc:Choice Requires="c14">{drawing("rId10")}</mc:Choice>'
        f"<mc:Fallback>{drawing('rId10')}</mc:Fallback></mc:AlternateContent>"
    )
    body = BODY.replace(drawing("rId10"), twice)
    part = chart_part("支出决算结构图", "pieChart", ["基本支出", "项目支出"], [["551.03", "494.62"]])
    (chart,) = read_docx(_write(tmp_path, part, body)).account.charts
    assert chart.values == ("551.03", "494.62")
    assert not [f for f in check(read_docx(_write(tmp_path, part, body)).account) if f.rule.startswith("chart.")]
