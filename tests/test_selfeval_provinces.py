"""Self-evaluation tables as other provinces and years print them: read right, or refused naming what was not.

Each table here is composed in our own words and numbers after the STRUCTURE of tables published by
departments (column orders, row labels, merged headers, extra columns), as seen on public pages:

- 云南 (a 2020 county table): the central money block, and a two-row indicator header — 绩效指标 over
  一级/二级/三级指标, 年度指标值 over 指标性质/指标值/度量单位 — with the operator printed as ``﹦`` and a unit
  budgetkit does not know (公里);
- 安徽 (a 2022 town table): ``年度资金总额：`` with a colon, ``其中：本年财政拨款``, 一级指标 carrying its points
  (``产出指标（50分）``), 三级指标 numbered by the template (``指标1：``), a template row left empty;
- 河北 (a 2019 school table): headers wrapped (``年度\\n指标值``), 三级指标 numbered without a colon
  (``指标1工程完工率``), template rows ``指标2`` / ``……`` left empty, targets without an operator (``100%``);
- 北京 (a 2016 district table): ``年初预算数（A）`` / ``全年执行数（B）`` / ``分值（10分）`` / ``执行率（B/A）`` /
  ``得分计算方法`` (no 全年预算数), 分值 printed before 年度指标值 in the indicator block, and a fund row
  ``其中：本年一般公共预算拨款`` budgetkit does not know — refused, naming the row;
- 湖北 (a 2019 college table, 绩效目标自评表): no 分值 column at all (the points are in the level names) —
  refused, naming the header; 湖北 (a 2019 city table): 年初指标值 / 年终完成值 / 自评分 / 复核分 — refused, naming
  the labels budgetkit does not know; a header of 指标名称 without 一级指标 — refused;
- 部门整体支出绩效自评表 (a department's whole spending, in several provinces): not a project — never read as one,
  and in a text export it ends the project table above it;
- a 总分 row printing its 自评等级 (优), or only its score.

Tables are fed as pdfplumber gives rows (merged cells ``None``), as a text export prints them (one cell a
line, a cell merged down printed empty below, as the seed's export does, or left out: :func:`text_lines`), as a
web page (``colspan``/``rowspan``: :func:`page`) and drawn as a PDF; each read table is also checked and scored
(`budgetkit check` / `score`) and gives no finding, its arithmetic being exact (see each table's numbers).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from budgetkit.checks.audit import check
from budgetkit.checks.batch import check_batch
from budgetkit.checks.scoring import ScoringRules, score_project
from budgetkit.cli import main
from budgetkit.errors import LoadError
from budgetkit.io.selfeval import (
    is_other_evaluation_title,
    is_selfeval_title,
    read_selfeval_table,
    read_selfeval_text,
    split_text_tables,
)
from budgetkit.io.text import read_html, read_text
from budgetkit.model.account import FinalAccount
from budgetkit.model.indicator import Operator
from budgetkit.model.project import FundLine, FundSource, Layout, Project
from budgetkit.values.money import Money

Rows = list[list[str | None]]
N = None


# -- the tables, as pdfplumber gives them ---------------------------------------------------------------------


def yunnan() -> Rows:
    """云南 2020: central money block; 绩效指标 / 年度指标值 headers over a second header row; ``﹦``; 公里."""
    return [
        ["2020年度项目支出绩效自评表", N, N, N, N, N, N, N, N, N],
        ["项目名称", "乡村道路养护补助", N, N, N, N, N, N, N, N],
        ["主管部门", "某州交通运输局", N, N, N, "实施单位", "某县公路段", N, N, N],
        ["项目资金（万元）", "", N, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", N],
        [N, "年度资金总额", N, "40.00", "48.00", "45.60", "10", "95%", "9.5", N],
        [N, "其中：当年财政拨款", N, "40.00", "48.00", "45.60", "—", "95%", "—", N],
        [N, "上年结转资金", N, "", "", "", "—", "", "—", N],
        [N, "其他资金", N, "", "", "", "—", "", "—", N],
        ["年度总体目标", "预期目标", N, N, N, "实际完成情况", N, N, N, N],
        [N, "养护乡村道路120公里", N, N, N, "养护乡村道路126公里", N, N, N, N],
        ["绩效指标", N, N, "年度指标值", N, N, "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", N, N, N, N],
        ["产出指标", "数量指标", "养护里程", "﹦", "120", "公里", "126", "20", "20", ""],
        [N, "质量指标", "路面优良率", "≥", "85", "%", "88", "20", "20", ""],
        [N, "时效指标", "养护完成时间", "≤", "12", "月", "12", "10", "10", ""],
        ["效益指标", "社会效益指标", "群众出行条件", "定性", "改善", "", "改善", "30", "30", ""],
        ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥", "90", "%", "92", "10", "10", ""],
        ["总分", N, N, N, N, N, N, "100", "99.5", N],
    ]


def anhui() -> Rows:
    """安徽 2022: 年度资金总额：, 其中：本年财政拨款, 产出指标（50分）, 指标1：…, a template row left empty."""
    return [
        ["项目支出绩效自评表", N, N, N, N, N, N, N, N],
        ["（2022年度）", N, N, N, N, N, N, N, N],
        ["项目名称", "农村饮水工程维修", N, N, N, N, N, N, N],
        ["主管部门", "某镇人民政府", N, N, "实施单位", "某镇农业综合服务中心", N, N, N],
        ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", N],
        [N, "年度资金总额：", "60", "60", "57.6", "10", "96%", "9.6", N],
        [N, "其中：本年财政拨款", "60", "60", "57.6", "", "", "", N],
        [N, "上年结转资金", "", "", "", "", "", "", N],
        [N, "其他资金", "", "", "", "", "", "", N],
        ["年度总体目标", "预期目标", N, N, N, "实际完成情况", N, N, N],
        [N, "维修供水管网8处", N, N, N, "维修供水管网8处，均已验收", N, N, N],
        [
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
            "偏差原因分析及改进措施",
        ],
        [N, "产出指标（50分）", "数量指标", "指标1：维修管网处数", "≥8处", "8处", "20", "20", N],
        [N, N, "质量指标", "指标1：验收合格率", "≥95%", "100%", "15", "15", N],
        [N, N, "成本指标", "指标1：维修总成本", "≤60万元", "57.6万元", "15", "15", N],
        [N, "效益指标（30分）", "社会效益指标", "指标1：受益群众人数", "≥1200人", "1260人", "30", "30", N],
        [N, "满意度指标（10分）", "服务对象满意度指标", "指标1：群众满意度", "≥90%", "93%", "10", "10", N],
        [N, N, N, "指标2：", "", "", "", "", N],
        ["总分", N, N, N, N, N, "100", "99.6", N],
    ]


def hebei() -> Rows:
    """河北 2019: wrapped headers, 指标1工程… names, template rows 指标2 / …… left empty, targets without operator."""
    return [
        ["项目支出绩效自评表", N, N, N, N, N, N, N, N],
        ["2019年度）", N, N, N, N, N, N, N, N],
        ["项目名称", "教学楼供暖改造", N, N, N, N, N, N, N],
        ["主管部门", "某市教育局", N, N, "实施单位", "某职业学校", N, N, N],
        ["项目资金\n（万元）", "", "年初\n预算数", "全年\n预算数", "全年\n执行数", "分值", "执行率", "得分", N],
        [N, "年度资金总额", "43.2", "43.2", "39.31", "10", "91%", "9.1", N],
        [N, "其中：当年财政拨款", "43.2", "43.2", "39.31", "", "", "", N],
        [N, "上年结转资金", "", "", "", "", "", "", N],
        [N, "其他资金", "", "", "", "", "", "", N],
        ["年度总体目标", "预期目标", N, N, N, "实际完成情况", N, N, N],
        [N, "完成教学楼供暖改造", N, N, N, "完成教学楼供暖改造，已验收", N, N, N],
        [
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "年度\n指标值",
            "实际\n完成值",
            "分值",
            "得分",
            "偏差原因分析及改进措施",
        ],
        [N, "产出指标", "数量指标", "指标1改造面积", "≥3000平方米", "3200平方米", "20", "20", N],
        [N, N, N, "指标2", "", "", "", "", N],
        [N, N, N, "……", "", "", "", "", N],
        [N, N, "质量指标", "指标1工程验收合格率", "100%", "100%", "20", "20", N],
        [N, N, "时效指标", "指标1完工及时率", "100%", "100%", "10", "10", N],
        [N, "效益指标", "社会效益\n指标", "指标1教学条件改善", "明显改善", "明显改善", "30", "30", N],
        [N, "满意度\n指标", "服务对象满意度指标", "指标1师生满意度", "≥90%", "95%", "10", "10", N],
        ["总分", N, N, N, N, N, "100", "99.1", N],
    ]


def beijing(appropriation: str = "其中：本年一般公共预算拨款", below: str | None = N) -> Rows:
    """北京 2016: (A)/(B) headers, 得分计算方法 columns, no 全年预算数, 分值 before 年度指标值; ``below`` is what the
    得分计算方法 cell merged down the indicator rows leaves in the rows below its first (``None``: nothing)."""
    method = "完成值达到指标值，记满分；未达到的按完成比例计分"
    return [
        ["项目支出绩效自评表", N, N, N, N, N, N, N, N, N],
        ["（2016年度）", N, N, N, N, N, N, N, N, N],
        ["项目名称", "背街小巷清扫保洁", N, N, N, N, N, N, N, N],
        ["主管部门及代码", "某区某街道办事处", N, N, N, "实施单位", "某街道城市运行服务中心", N, N, N],
        [
            "项目资金（万元）",
            "",
            "年初预算数（A）",
            "全年执行数（B）",
            "分值（10分）",
            "执行率（B/A）",
            "得分",
            "得分计算方法",
            N,
            N,
        ],
        [N, "年度资金总额：", "300.00", "240.00", "10", "80%", "8", "执行率×该指标分值", N, N],
        [N, appropriation, "300.00", "240.00", "", "", "", N, N, N],
        [N, "其他资金", "", "", "", "", "", N, N, N],
        [
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "分值",
            "年度指标值（A）",
            "全年实际值（B）",
            "得分计算方法",
            "得分",
            "未完成原因分析",
        ],
        [N, "产出指标（50分）", "数量指标", "保洁道路条数", "25", "≥20条", "20条", method, "25", ""],
        [N, N, "质量指标", "保洁达标率", "25", "≥95%", "96%", below, "25", ""],
        [N, "效益指标（30分）", "社会效益指标", "街面环境改善", "30", "明显改善", "明显改善", below, "30", ""],
        [N, "满意度指标（10分）", "服务对象满意度指标", "居民满意度", "10", "≥90%", "91%", below, "10", ""],
        ["总分", N, N, N, "100", N, N, N, "98", N],
    ]


def hubei() -> Rows:
    """湖北 2019 (绩效目标自评表): 预算数 / 执行数 / 执行率 / 得分, and indicators with no 分值 column."""
    return [
        ["学生资助项目绩效目标自评表", N, N, N, N, N],
        ["项目名称", "学生资助", N, N, N, N],
        ["主管部门", "某省教育厅", N, "项目实施单位", "某学院", N],
        ["预算执行情况（万元）（10分）", "预算数（A）", "执行数（B）", "执行率（B/A）", "得分（分*执行率）", N],
        ["年度财政资金总额", "500", "480", "96%", "9.6", N],
        ["一级指标", "二级指标", "三级指标", "年初目标值（A）", "实际完成值（B）", "得分"],
        ["产出指标（30分）", "数量指标", "国家助学金人数", "≥1000人", "1050人", "10"],
        [N, N, "国家奖学金人数", "≥20人", "20人", "10"],
    ]


def whole_department() -> Rows:
    """部门整体支出绩效自评表: a department's tasks and indicators, no 项目名称."""
    return [
        ["部门整体支出绩效自评表", N, N, N, N, N, N],
        ["（2023年度）", N, N, N, N, N, N],
        ["部门（单位）名称", "某县公路段", N, N, N, N, N],
        ["年度主要任务", "任务名称", "主要内容", "预算数", "执行数", N, N],
        [N, "公路养护", "日常养护", "300.00", "290.00", N, N],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "养护里程", "≥500公里", "510公里", "50", "50"],
        ["总分", N, N, N, N, "100", "96"],
    ]


# -- the same rows as a text export and as a web page prints them ------------------------------------------------


def chongqing(total: str = "96.23") -> Rows:
    """重庆 2024: the 附件1 money block with the execution row's 分值 and 得分 printed "—" (execution not scored),
    indicators worth 100 between them, 总分 = Σ indicator scores (20 + 20 + 6.67 + 10 + 20 + 10 + 9.56 = 96.23),
    and a 自评等级 row of its own."""
    return [
        ["项目支出绩效自评表", N, N, N, N, N, N, N, N, N],
        ["（2024年度）", N, N, N, N, N, N, N, N, N],
        ["项目名称", "农村公路养护", N, N, N, N, N, N, N, N],
        ["主管部门", "某区交通局", N, N, N, "实施单位", "某区交通局", N, N, N],
        ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", N, N],
        [N, "年度资金总额", "400.00", "420.00", "411.60", "—", "98.00%", "—", N, N],
        [N, "其中：当年财政拨款", "400.00", "420.00", "411.60", "—", "98.00%", "—", N, N],
        [N, "上年结转资金", "", "", "", "—", "—", "—", N, N],
        [N, "其他资金", "", "", "", "—", "—", "—", N, N],
        ["年度总体目标", "预期目标", N, N, N, "实际完成情况", N, N, N, N],
        [N, "养护农村公路600公里。", N, N, N, "养护农村公路610公里。", N, N, N, N],
        ["绩效指标", N, N, "年度指标值", N, N, "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", N, N, N, N],
        ["产出指标", "数量指标", "养护里程", "≥", "600", "公里", "610", "20", "20.00", ""],
        [N, "质量指标", "优良中等路率", "≥", "80", "%", "82", "20", "20.00", ""],
        [N, "时效指标", "水毁抢通时限", "≤", "3", "天", "4", "10", "6.67", "暴雨塌方量大，抢通超时1天。"],
        [N, "成本指标", "每公里养护成本", "≤", "0.7", "万元", "0.67", "10", "10.00", ""],
        ["效益指标", "社会效益指标", "群众出行条件", "定性", "改善", "", "改善", "20", "20.00", ""],
        [N, "可持续影响指标", "公路使用年限", "≥", "10", "年", "10", "10", "10.00", ""],
        ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥", "90", "%", "86", "10", "9.56", "施工影响通行。"],
        ["总分", N, N, N, N, N, N, "100", total, N],
        ["自评等级", "优", N, N, N, N, N, N, N, N],
    ]


def _down(row: Sequence[str | None], c: int) -> bool:
    """Whether the ``None`` at ``c`` is a cell above running down (before the row's first cell or after its
    last); any other ``None`` is the cell on its left running across."""
    filled = [i for i, cell in enumerate(row) if cell is not None]
    return row[c] is None and (not filled or c < filled[0] or c > filled[-1])


def text_lines(rows: Sequence[Sequence[str | None]], *, compact: bool = False) -> list[str]:
    """Rows as a text export prints them (the seed's way): a tab and a cell a line (a wrap on a line of its
    own), a blank line after each row; a cell running across is printed once, one running down from above is
    printed empty in the rows below — or left out too (``compact``, a looser export)."""
    lines: list[str] = []
    for row in rows:
        for c, cell in enumerate(row):
            if cell is None:
                if _down(row, c) and not compact:
                    lines.append("\t")
                continue
            first, *rest = cell.split("\n")
            lines += [f"\t{first}", *rest]
        lines.append("")
    return lines


def page(rows: Sequence[Sequence[str | None]]) -> str:
    """Rows as a web page's ``<table>``: a ``None`` before a row's first cell or after its last one is a cell
    above running down (``rowspan``), any other ``None`` the cell on its left running across (``colspan``)."""
    width = max(len(row) for row in rows)
    grid = [list(row) + [None] * (width - len(row)) for row in rows]

    def down(r: int, c: int) -> bool:
        return _down(grid[r], c)

    html = ["<table>"]
    for r, row in enumerate(grid):
        html.append("<tr>")
        c = 0
        while c < width:
            if down(r, c):
                c += 1
                continue
            across = 1
            while c + across < width and row[c + across] is None and not down(r, c + across):
                across += 1
            rows_down = 1
            while r + rows_down < len(grid) and all(down(r + rows_down, k) for k in range(c, c + across)):
                rows_down += 1
            text = (row[c] or "").replace("\n", "<br>")
            html.append(f'<td colspan="{across}" rowspan="{rows_down}">{text}</td>')
            c += across
        html.append("</tr>")
    html.append("</table>")
    return "\n".join(html)


def report_text(*tables: Rows) -> str:
    """A small 单位决算 text holding the tables (its narrative prints no figure)."""
    head = ["某县公路段2023年度单位决算", "", "第一部分 单位概况", "一、主要职能", "负责辖区公路养护。", ""]
    return "\n".join(head + [line for rows in tables for line in text_lines(rows)]) + "\n"


def report_page(*tables: Rows) -> str:
    """A small 部门决算 web page holding the tables, each under its title (the table's first row)."""
    parts = [
        "<html><body><h1>某县公路段2023年度部门决算</h1>",
        "<h2>第三部分 某县公路段2023年度部门决算情况说明</h2>",
        "<h3>一、收入支出决算总体情况说明</h3><p>2023年度收入支出总计48.00万元。</p>",
    ]
    for rows in tables:
        parts += [f"<p>{rows[0][0]}</p>", page(rows[1:])]
    return "\n".join([*parts, "</body></html>"])


def run(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(list(args))
    return status, capsys.readouterr().out


# -- 云南: a two-row indicator header ------------------------------------------------------------------------


def assert_yunnan(p: Project) -> None:
    assert (p.layout, p.code, p.name, p.department, p.implementer) == (
        Layout.CENTRAL,
        None,
        "乡村道路养护补助",
        "某州交通运输局",
        "某县公路段",
    )
    assert p.funds.total == FundLine(
        source="总额", initial="40.00", adjusted="48.00", executed="45.60", stated_rate="95"
    )
    assert p.funds.line("当年财政拨款") == FundLine(
        source="当年财政拨款", initial="40.00", adjusted="48.00", executed="45.60", stated_rate="95"
    )
    assert p.funds.line("上年结转资金") == FundLine(source="上年结转资金")  # blank: unknown, never 0
    assert (p.execution_weight, p.execution_score, p.stated_weight_total, p.stated_total) == (
        Decimal(10),
        Decimal("9.5"),
        Decimal(100),
        Decimal("99.5"),
    )
    assert (p.goals, p.results) == ("养护乡村道路120公里", "养护乡村道路126公里")
    rows = [
        (i.level1, i.level2, i.level3, i.operator, i.target, i.unit, i.actual, i.weight, i.stated_score)
        for i in p.indicators
    ]
    assert rows == [
        ("产出指标", "数量指标", "养护里程", Operator.EQUAL, "120", "", "126", Decimal(20), Decimal(20)),
        ("产出指标", "质量指标", "路面优良率", Operator.AT_LEAST, "85", "%", "88", Decimal(20), Decimal(20)),
        ("产出指标", "时效指标", "养护完成时间", Operator.AT_MOST, "12", "月", "12", Decimal(10), Decimal(10)),
        (
            "效益指标",
            "社会效益指标",
            "群众出行条件",
            Operator.QUALITATIVE,
            "改善",
            "",
            "改善",
            Decimal(30),
            Decimal(30),
        ),
        (
            "满意度指标",
            "服务对象满意度指标",
            "沿线群众满意度",
            Operator.AT_LEAST,
            "90",
            "%",
            "92",
            Decimal(10),
            Decimal(10),
        ),
    ]
    assert p.indicators[0].printed_target == "120公里"  # a unit budgetkit does not know stays in the printed text


def test_yunnan_two_row_indicator_header_from_pdf_rows() -> None:
    """绩效指标 over 一级/二级/三级指标 and 年度指标值 over 指标性质/指标值/度量单位 merge column by column."""
    assert_yunnan(read_selfeval_table(yunnan()))


def test_yunnan_two_row_indicator_header_from_text() -> None:
    """In a text export the spanning labels are expanded into the labels printed under them."""
    (p,) = read_selfeval_text(text_lines(yunnan()))
    assert_yunnan(p)


def test_yunnan_table_on_a_web_page() -> None:
    """A web page's rowspans and colspans give the PDF's columns."""
    assert_yunnan(read_selfeval_table(_page_rows(yunnan())))


def _page_rows(rows: Rows) -> list[list[str | None]]:
    """The rows a web page's table gives back (its title row left out, as the page prints it above)."""
    from budgetkit.io.text import html_document

    (table,) = html_document(report_page(rows), "p.html").tables
    return [list(row) for row in table.texts()]


def test_a_second_header_row_that_does_not_fit_is_refused() -> None:
    """A second header row with a label no spanning label of the first covers is refused, naming both rows."""
    rows = text_lines(yunnan())
    at = rows.index("\t度量单位")
    rows.insert(at + 1, "\t备注")
    with pytest.raises(LoadError) as caught:
        read_selfeval_text(rows)
    (issue,) = caught.value.issues
    assert issue.path == "table 1 row 11 (绩效指标)"
    assert "cannot place" in issue.message and "度量单位 备注" in issue.message


def test_a_rate_under_the_weight_column_is_refused_not_misread() -> None:
    """A text export whose 当年财政拨款 row leaves its 分值 cell out puts 95% under 分值: refused, named."""
    lines = text_lines(yunnan())
    start = lines.index("\t其中：当年财政拨款")
    assert lines[start + 4 : start + 7] == ["\t—", "\t95%", "\t—"]
    del lines[start + 4]
    with pytest.raises(LoadError) as caught:
        read_selfeval_text(lines)
    (issue,) = caught.value.issues
    assert issue.path == "table 1 row 6 (当年财政拨款)"
    assert issue.message == "a rate (95%) under 分值: the row's cells do not line up with the header's columns"


# -- 安徽 and 河北: labels spelled their own way ------------------------------------------------------------------


@pytest.mark.parametrize("as_text", [False, True])
def test_anhui_colon_and_benian_rows_points_in_level_names_numbered_indicators(as_text: bool) -> None:
    """年度资金总额： is 总额, 本年财政拨款 is 当年财政拨款; 产出指标（50分） is 产出指标; 指标1：… loses its numbering;
    the template's empty 指标2： row is no indicator."""
    p = read_selfeval_text(text_lines(anhui()))[0] if as_text else read_selfeval_table(anhui())
    assert [line.source for line in p.funds.lines] == [
        FundSource.TOTAL,
        FundSource.APPROPRIATION,
        FundSource.CARRIED_OVER,
        FundSource.OTHER,
    ]
    assert (p.funds.total.adjusted, p.funds.total.executed, p.funds.total.stated_rate) == (
        Money("60"),
        Money("57.6"),
        Decimal(96),
    )
    assert p.funds.line("当年财政拨款") == FundLine(source="当年财政拨款", initial="60", adjusted="60", executed="57.6")
    assert (p.execution_weight, p.execution_score, p.stated_weight_total, p.stated_total) == (
        Decimal(10),
        Decimal("9.6"),
        Decimal(100),
        Decimal("99.6"),
    )
    assert [(i.level1, i.level3) for i in p.indicators] == [
        ("产出指标", "维修管网处数"),
        ("产出指标", "验收合格率"),
        ("产出指标", "维修总成本"),
        ("效益指标", "受益群众人数"),
        ("满意度指标", "群众满意度"),
    ]
    cost = p.indicators[2]
    assert (cost.operator, cost.target, cost.unit, cost.actual) == (Operator.AT_MOST, "60", "万元", "57.6")
    count = p.indicators[0]  # 处: a unit budgetkit does not know, kept in the printed cells; 8处 under ≥8处 is 8
    assert (count.operator, count.target, count.unit, count.actual) == (Operator.AT_LEAST, "8", "", "8")
    assert (count.printed_target, count.printed_actual) == ("≥8处", "8处")
    assert dict(score_project(p).weights_by_level1()) == {"产出": 50, "效益": 30, "满意度": 10}


@pytest.mark.parametrize("as_text", [False, True])
def test_hebei_wrapped_headers_and_template_rows(as_text: bool) -> None:
    """年度\\n指标值 is 年度指标值; 指标1改造面积 is 改造面积; 指标2 and …… left empty are no indicators; 社会效益\\n指标
    is one name; 100% without an operator is a target of 100 (=)."""
    p = read_selfeval_text(text_lines(hebei()))[0] if as_text else read_selfeval_table(hebei())
    assert p.funds.total == FundLine(source="总额", initial="43.2", adjusted="43.2", executed="39.31", stated_rate="91")
    assert [(i.level2, i.level3, i.operator, i.target, i.unit, i.actual) for i in p.indicators] == [
        ("数量指标", "改造面积", Operator.AT_LEAST, "3000", "平方米", "3200"),
        ("质量指标", "工程验收合格率", Operator.EQUAL, "100", "%", "100"),
        ("时效指标", "完工及时率", Operator.EQUAL, "100", "%", "100"),
        ("社会效益指标", "教学条件改善", Operator.QUALITATIVE, "明显改善", "", "明显改善"),
        ("服务对象满意度指标", "师生满意度", Operator.AT_LEAST, "90", "%", "95"),
    ]
    assert p.indicators[-1].level1 == "满意度指标"
    assert (p.stated_weight_total, p.stated_total) == (Decimal(100), Decimal("99.1"))


# -- 北京 2016 and 湖北: refused, naming what was not recognised ---------------------------------------------------


def test_beijing_unknown_fund_row_is_refused_by_name() -> None:
    """其中：本年一般公共预算拨款 is no fund source budgetkit knows: the table is refused naming the row, not read
    without it."""
    with pytest.raises(LoadError) as caught:
        read_selfeval_table(beijing(), source="report.pdf page 9")
    (issue,) = caught.value.issues
    assert issue.path == "row 7 (其中：本年一般公共预算拨款)"
    assert issue.message.startswith("a fund row budgetkit does not know: 其中：本年一般公共预算拨款 (known: 总额、")


def test_a_fund_row_spelled_caizheng_bokuan_is_the_years_appropriation() -> None:
    """江苏 and 北京 print 附件1's 当年财政拨款 row as 其中：财政拨款: read as that row, from cells and from text."""
    expected = read_selfeval_table(beijing("其中：当年财政拨款"))
    assert read_selfeval_table(beijing("其中：财政拨款")) == expected
    (project,) = read_selfeval_text(text_lines(beijing("其中：财政拨款", below="")))
    assert project.funds.line(FundSource.APPROPRIATION) == expected.funds.line(FundSource.APPROPRIATION)


def test_beijing_columns_read_by_their_headers_whatever_their_order() -> None:
    """(A)/(B)/(10分) notes are dropped from the labels; 得分计算方法 keeps its place; with no 全年预算数 the
    budget stays unknown; 分值 printed before 年度指标值 is still the weight."""
    p = read_selfeval_table(beijing("其中：当年财政拨款"))
    total = p.funds.total
    assert (total.initial, total.adjusted, total.executed, total.stated_rate) == (
        Money("300.00"),
        None,
        Money("240.00"),
        Decimal(80),
    )
    assert (p.execution_weight, p.execution_score, p.department) == (Decimal(10), Decimal(8), "某区某街道办事处")
    first = p.indicators[0]
    assert (
        first.level1,
        first.level3,
        first.weight,
        first.operator,
        first.target,
        first.actual,
        first.stated_score,
    ) == (
        "产出指标",
        "保洁道路条数",
        Decimal(25),
        Operator.AT_LEAST,
        "20",
        "20",
        Decimal(25),
    )
    assert [i.weight for i in p.indicators] == [25, 25, 30, 10]
    assert (p.stated_weight_total, p.stated_total) == (Decimal(100), Decimal(98))


def test_beijing_text_rows_out_of_line_are_refused() -> None:
    """A text export that leaves out the rows below of the 得分计算方法 cell merged down them prints those rows a
    cell short: the cell under 分值 is then a name, and each row is refused saying so (never read shifted)."""
    with pytest.raises(LoadError) as caught:
        read_selfeval_text(text_lines(beijing("其中：当年财政拨款")))
    assert [issue.path for issue in caught.value.issues] == [
        "table 1 row 11 (质量指标)",
        "table 1 row 12 (社会效益指标)",
        "table 1 row 13 (服务对象满意度指标)",
    ]
    assert caught.value.issues[0].message == (
        "9 cells under a header of 10 columns, and the one under 分值/权重 reads 保洁达标率: the row's cells "
        "do not line up with the header's columns (a cell merged over several rows?)"
    )


def test_beijing_text_rows_that_print_the_merged_cell_empty_are_read() -> None:
    """Printed empty below its first row (as the seed's export prints cells merged down), 得分计算方法 keeps every
    row in line: the text gives the PDF's project, and `check` finds nothing (80% → 8 cannot be checked without
    a 全年预算数, and is not guessed)."""
    rows = beijing("其中：当年财政拨款", below="")
    (p,) = read_selfeval_text(text_lines(rows))
    assert p == read_selfeval_table(rows)
    account = FinalAccount(unit="某街道城市运行服务中心", year=2016, unit_type="行政单位", projects=(p,))
    assert _findings(account) == []


def test_hubei_table_without_a_weight_column_is_refused_by_its_header() -> None:
    """No 分值/权重 column: refused at the header, naming the labels read (no indicator gets a guessed weight)."""
    with pytest.raises(LoadError) as caught:
        read_selfeval_table(hubei())
    (issue,) = caught.value.issues
    assert issue.path == "row 6 (绩效指标)"
    assert (
        issue.message == "an indicator header without 分值/权重: 一级指标 二级指标 三级指标 年初目标值 实际完成值 得分"
    )


def test_a_header_of_columns_budgetkit_does_not_know_is_refused() -> None:
    """湖北 2019 (广水): 年初指标值 / 年终完成值 / 自评分 / 复核分 under 一级指标 — not read, and not a project
    without indicators either: refused, naming the labels."""
    rows: Rows = [
        ["财政预算支出项目绩效目标自评表", N, N, N, N, N, N],
        ["项目名称", "办公网络维护", N, N, N, N, N],
        ["一级\n指标", "二级\n指标", "指标名称\n（三级指标）", "年初指\n标值", "年终完\n成值", "自评分", "复核分"],
        ["产出指标", "数量指标", "采购设备", "10台套", "10台套", "15", ""],
    ]
    with pytest.raises(LoadError) as caught:
        read_selfeval_table(rows)
    assert [(issue.path, issue.message) for issue in caught.value.issues] == [
        (
            "row 3 (绩效指标)",
            "an indicator header budgetkit does not know: 一级指标 二级指标 指标名称 年初指标值 年终完成值 自评分 复核分",
        )
    ]


def test_an_indicator_header_without_levels_is_refused() -> None:
    """指标名称 | 年度指标值 | 实际完成值 | 分值 | 得分 with no 一级/二级/三级指标: refused at the header."""
    rows = anhui()
    rows[11] = ["绩效指标", "指标名称", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    with pytest.raises(LoadError) as caught:
        read_selfeval_table(rows[:13])
    assert [(issue.path, issue.message) for issue in caught.value.issues] == [
        (
            "row 12 (绩效指标)",
            "an indicator header without 一级指标 (nor a second header row naming it): "
            "绩效指标 指标名称 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
        )
    ]


# -- 部门整体支出绩效自评表: not a project -----------------------------------------------------------------------


def test_a_whole_department_table_is_not_a_project_table() -> None:
    assert not is_selfeval_title("2023年度部门整体支出绩效自评表")
    assert is_other_evaluation_title("部门整体支出绩效自评表") and is_other_evaluation_title("单位整体支出绩效评价表")
    assert is_selfeval_title("项目支出绩效自评表（2023年度）") and not is_other_evaluation_title("项目支出绩效自评表")


def test_a_whole_department_table_ends_the_project_table_above_it_in_text() -> None:
    """Between two project tables, a 部门整体 table is nobody's rows: each project keeps its own."""
    lines = text_lines(yunnan()) + text_lines(whole_department()) + text_lines(anhui())
    tables = split_text_tables(lines)
    assert [rows[1][:2] for rows in tables] == [["项目名称", "乡村道路养护补助"], ["（2022年度）", ""]]
    assert all("部门（单位）名称" not in row for rows in tables for row in rows)
    first, second = read_selfeval_text(lines)
    assert_yunnan(first)
    assert second.name == "农村饮水工程维修"


def test_a_whole_department_table_alone_gives_no_project(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text(report_text(whole_department()), encoding="utf-8")
    imported = read_text(tmp_path / "r.txt")
    assert imported.account.projects == ()
    assert not [issue for issue in imported.report.issues if "项目名称" in issue.text + issue.reason]


def test_a_whole_department_table_under_a_project_heading_on_a_web_page_is_no_project(tmp_path: Path) -> None:
    """A page printing 五、项目支出绩效自评表 above a 部门整体支出绩效自评表: that table is no project and no issue."""
    page = report_page(yunnan(), whole_department())
    at = page.index("<p>部门整体支出绩效自评表</p>")
    (tmp_path / "r.html").write_text(page[:at] + "<p>五、项目支出绩效自评表</p>" + page[at:], encoding="utf-8")
    imported = read_html(tmp_path / "r.html")
    (project,) = imported.account.projects
    assert_yunnan(project)
    assert [issue for issue in imported.report.issues if "项目名称" in issue.text + issue.reason] == []


# -- 总分 rows ---------------------------------------------------------------------------------------------------


def test_a_total_row_with_its_grade_in_text() -> None:
    """总分 100 98.5 自评等级 优: the grade is no number and not read as one; a 自评等级 row of its own is skipped."""
    lines = text_lines(yunnan())
    end = len(lines) - 1
    lines[end:end] = ["\t自评等级", "\t优"]
    lines += ["\t自评等级", "\t优", ""]
    (p,) = read_selfeval_text(lines)
    assert (p.stated_weight_total, p.stated_total) == (Decimal(100), Decimal("99.5"))
    assert p.printed_grade == "优"


def test_a_total_row_printing_only_the_score_is_not_taken_as_the_weight() -> None:
    """A PDF's 总分 row as wide as the header reads each total from its column: a lone score is the score."""
    rows = yunnan()
    rows[-1] = ["总分", N, N, N, N, N, N, "", "99.5", N]
    p = read_selfeval_table(rows)
    assert (p.stated_weight_total, p.stated_total) == (None, Decimal("99.5"))


# -- budgetkit check and score: no finding the tables do not earn ----------------------------------------------------


def _findings(account: FinalAccount) -> list[str]:
    return [f"{f.code} {f.path}" for f in check(account) if f.path.startswith("projects")]


@pytest.mark.parametrize("table", [yunnan, anhui, hebei])
def test_the_composed_tables_give_no_finding_from_text_or_a_web_page(table: Callable[[], Rows], tmp_path: Path) -> None:
    """Each table adds up (execution 45.60/48.00 = 95% → 9.5; 57.6/60 = 96% → 9.6; 39.31/43.2 = 90.995…% → 91%,
    9.10; every indicator met, weights 50/30/10/10): read from a text or a web page, nothing is found."""
    rows = table()
    (tmp_path / "r.txt").write_text(report_text(rows), encoding="utf-8")
    (tmp_path / "r.html").write_text(report_page(rows), encoding="utf-8")
    for imported in (read_text(tmp_path / "r.txt"), read_html(tmp_path / "r.html")):
        assert [issue.reason for issue in imported.report.issues if issue.text.startswith("自评表")] == []
        (project,) = imported.account.projects
        assert project == attrs.evolve(read_selfeval_table(rows), kind=project.kind)
        assert _findings(imported.account) == []


def test_cli_check_and_score_on_a_text_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`budgetkit check` finds nothing in the three tables; `budgetkit score` agrees with every stated score."""
    path = tmp_path / "r.txt"
    path.write_text(report_text(yunnan(), anhui(), hebei()), encoding="utf-8")
    status, text = run("check", str(path), "--format", "json", capsys=capsys)
    assert status == 0
    assert [f for f in json.loads(text)["findings"] if f["path"].startswith("projects")] == []
    status, text = run("score", str(path), "--format", "json", capsys=capsys)
    projects = json.loads(text)["projects"]
    assert [(p["name"], p["stated_total"], p["execution_score"]) for p in projects] == [
        ("乡村道路养护补助", "99.5", "9.50"),
        ("农村饮水工程维修", "99.6", "9.60"),
        ("教学楼供暖改造", "99.1", "9.10"),
    ]


def test_cli_check_names_a_refused_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A refused table is an import issue naming the table's line, the row and the problem — and `budgetkit check`
    says so (its project is not checked), in text and in json: not a silent project less."""
    path = tmp_path / "r.txt"
    path.write_text(report_text(yunnan(), hubei()), encoding="utf-8")
    imported = read_text(path)
    assert [p.name for p in imported.account.projects] == ["乡村道路养护补助"]
    (issue,) = [i for i in imported.report.issues if i.text.startswith("自评表 ")]
    assert issue.kind.value == "selfeval_refused"  # budgetkit check names the issues of this kind
    title = path.read_text(encoding="utf-8").splitlines().index("\t学生资助项目绩效目标自评表") + 1
    assert (issue.text, str(issue.box)) == ("自评表 row 6 (绩效指标)", f"第{title}行")
    problem = "an indicator header without 分值/权重: 一级指标 二级指标 三级指标 年初目标值 实际完成值 得分"
    problem_zh = "绩效指标的表头没有分值/权重：一级指标 二级指标 三级指标 年初目标值 实际完成值 得分"
    assert (issue.reason, issue.reason_zh, issue.text_zh) == (problem, problem_zh, "自评表 表中第6行（绩效指标）")
    status, text = run("check", str(path), capsys=capsys)
    assert status == 0  # nothing found in what was read; what was not is named
    # in Chinese, the row and the problem (they were English)
    assert f"自评表未能读入（其项目未核对）：第{title}行 表中第6行（绩效指标）：{problem_zh}\n" in text
    assert "\n未发现不一致之处。\n" not in text  # a table not read is no clean result
    assert "\n已读入的内容未发现不一致之处；上列未能读入的表格未核对，不能视为无误。\n" in text
    _, text = run("check", str(path), "--lang", "en", capsys=capsys)
    assert f"Self-evaluation table not read (its project not checked): 第{title}行 row 6 (绩效指标): {problem}" in text
    assert "No inconsistencies found in what was read; the tables named above were not read, so not checked." in text
    _, text = run("check", str(path), "--format", "json", capsys=capsys)
    assert json.loads(text)["import"]["selfeval_refused"] == [{
        "place": f"第{title}行", "row": "row 6 (绩效指标)", "row_zh": "表中第6行（绩效指标）", "problem": problem,
        "problem_zh": problem_zh}]  # fmt: skip


# -- columns in another order, or named twice ------------------------------------------------------------------


def test_completion_printed_before_the_target_is_read_by_its_header() -> None:
    """实际完成值 printed left of 年度指标值, 得分 left of 分值: each value is read under its own label, never swapped."""
    rows = anhui()
    for r in range(11, 19):  # the header, the indicators, 总分
        row = rows[r]
        row[4], row[5], row[6], row[7] = row[5], row[4], row[7], row[6]
    p = read_selfeval_table(rows)
    assert [(i.target, i.actual, i.weight, i.stated_score) for i in p.indicators] == [
        (i.target, i.actual, i.weight, i.stated_score) for i in read_selfeval_table(anhui()).indicators
    ]
    assert (p.stated_weight_total, p.stated_total) == (Decimal(100), Decimal("99.6"))


def test_a_header_naming_the_weight_twice_is_refused() -> None:
    """权重 and 分值 both printed: which one is the weight cannot be told, so the table is refused, naming both."""
    rows = anhui()
    rows[11] = [*rows[11][:6], "权重", "分值", "得分"]
    with pytest.raises(LoadError) as caught:
        read_selfeval_table(rows)
    assert [(issue.path, issue.message) for issue in caught.value.issues] == [
        ("row 12 (绩效指标)", "an indicator header naming one column twice: 权重、分值")
    ]


def test_a_pdf_fund_row_out_of_line_with_its_header_is_refused() -> None:
    """A fund row whose figures sit one column left of their headers: read under the headers, 40.00 would be
    lost and 45.60 taken as the budget; read in order, each is where it belongs. The two readings disagree,
    so the row is refused, showing both."""
    rows = yunnan()
    rows[4] = [N, "年度资金总额", "40.00", "48.00", "45.60", "10", "95%", "9.5", N, N]
    with pytest.raises(LoadError) as caught:
        read_selfeval_table(rows)
    (issue,) = caught.value.issues
    assert issue.path == "row 5 (总额)"
    assert issue.message.startswith("the row's cells do not line up with the header's columns (under the header / ")
    assert "48.00/40.00" in issue.message and "95%/10" in issue.message


def test_a_fund_row_merged_blank_across_its_amounts_is_still_read() -> None:
    """其他资金 printed as one blank cell across its three amounts: nothing is read, nothing is refused."""
    rows = yunnan()
    rows[7] = [N, "其他资金", N, "", N, N, "—", "", "—", N]
    assert read_selfeval_table(rows).funds.line("其他资金") == FundLine(source="其他资金")


# -- the same tables drawn as a PDF and read back with pdfplumber ------------------------------------------------


def _spans(rows: Rows) -> list[tuple[int, int, int, int]]:
    """The merged cells of ``rows`` (first column, row; last column, row), by the rule of :func:`page`."""
    width = max(len(row) for row in rows)
    grid = [list(row) + [None] * (width - len(row)) for row in rows]
    spans = []
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            if cell is None:
                continue
            across = 1
            while c + across < width and row[c + across] is None and not _down(row, c + across):
                across += 1
            down = 1
            while r + down < len(grid) and all(_down(grid[r + down], k) for k in range(c, c + across)):
                down += 1
            if across > 1 or down > 1:
                spans.append((c, r, c + across - 1, r + down - 1))
    return spans


@pytest.mark.parametrize("table", [yunnan, anhui])
def test_the_tables_drawn_as_a_pdf_read_back_as_their_cells(table: Callable[[], Rows], tmp_path: Path) -> None:
    """Drawn with their merged cells (reportlab) and read back by the PDF importer, the tables give the projects
    their cells give, and `check` finds nothing in them."""
    pytest.importorskip("pdfplumber")
    pytest.importorskip("reportlab")
    pytest.importorskip("fontTools")
    pytest.importorskip("pylopdf_fonts_zh_cn")
    from budgetkit.io.pdf import read_pdf
    from budgetkit.outputs.pdf import _font
    from test_selfeval_pdf import _pdf

    rows = table()
    chars = "".join(cell or "" for row in rows for cell in row)
    font = _font(frozenset(chars + "示例局2024年度部门决算第三部分情况说明0123456789.%"))
    imported = read_pdf(_pdf(tmp_path / "t.pdf", font, rows[0][0] or "", rows[1:], _spans(rows[1:])))
    (project,) = imported.account.projects
    assert project == read_selfeval_table(rows)
    assert [f.code for f in check(imported.account) if f.path.startswith("projects")] == []


# -- 重庆: the execution row not scored ------------------------------------------------------------------------------


def test_an_execution_row_printing_no_points_beside_indicators_worth_100_is_not_scored() -> None:
    """重庆 prints "—" under the execution row's 分值 and 得分 and gives the indicators the whole 100: execution
    weighs 0 and has no rule score, so the weights add up and the rule total is the indicators' alone."""
    project = read_selfeval_table(chongqing())
    assert (project.execution_weight, project.execution_score, project.indicator_weight) == (None, None, Decimal(100))
    score = score_project(project)
    assert (score.execution_scored, score.execution_weight, score.weight_total) == (False, Decimal(0), Decimal(100))
    assert score.execution_score is None and score.rule_total == score.indicator_total
    assert [f for f in _findings(_account(project)) if "weight_" in f] == []


def test_an_execution_row_printing_no_points_beside_indicators_worth_90_takes_the_rules_10() -> None:
    """The same row beside indicators worth 90 is the template's 10-point row (its points left blank): scored."""
    project = read_selfeval_table(chongqing())
    rows = (*project.indicators[:-1], attrs.evolve(project.indicators[-1], weight=Decimal(0)))
    score = score_project(attrs.evolve(project, indicators=rows))
    assert (score.execution_scored, score.execution_weight, score.execution_score) == (True, Decimal(10), Decimal("9.80"))


def _account(*projects: Project) -> FinalAccount:
    return FinalAccount(unit="某区交通局", year=2024, unit_type="行政单位", projects=projects)


def test_check_batch_equals_check_on_tables_that_do_not_score_execution() -> None:
    """The batch's screen gives the execution row the weight check() gives it: the same findings."""
    project = read_selfeval_table(chongqing())
    accounts = [
        _account(project),
        _account(attrs.evolve(project, stated_weight_total=Decimal(110))),
        _account(attrs.evolve(project, indicators=project.indicators[:-1])),
    ]
    for scoring in (None, ScoringRules.preset("hubei")):
        assert check_batch(accounts, scoring=scoring) == [check(a, scoring=scoring) for a in accounts]


def test_the_total_of_a_table_that_does_not_score_execution_is_its_indicators_scores() -> None:
    """With execution not scored (no execution score printed), 总分 must be Σ indicator scores: 94.73 is not the
    96.23 they add up to; the rule total is the indicators' too."""
    project = read_selfeval_table(chongqing(total="94.73"))
    assert score_project(project).stated_sum == Decimal("96.23")
    (total,) = [f for f in check(_account(project)) if f.rule == "project.total"]
    assert (total.stated_text, total.expected_text) == ("94.73", "96.23")
    assert total.message == "农村公路养护：合计得分94.73不等于各指标得分之和96.23（预算执行情况不计分）"
    accounts = [_account(project), _account(read_selfeval_table(chongqing()))]
    assert check_batch(accounts) == [check(a) for a in accounts]



def test_a_refused_table_of_a_text_is_not_explained_as_a_picture(tmp_path: Path) -> None:
    """A text's only table, refused by name, is reported as refused — not also as a title with no table under it
    (printed as a picture, no OCR), which is what a title alone means."""
    from budgetkit.io.pdf import SELFEVAL_UNREAD

    path = tmp_path / "r.txt"
    path.write_text(report_text(hubei()), encoding="utf-8")
    issues = read_text(path).report.issues
    assert [i.text for i in issues if i.text.startswith("自评表 ")] == ["自评表 row 6 (绩效指标)"]
    assert [i for i in issues if i.reason == SELFEVAL_UNREAD] == []
    path.write_text(report_text() + "学生资助项目绩效目标自评表\n", encoding="utf-8")  # a title, no table under it
    assert [i.text for i in read_text(path).report.issues if i.reason == SELFEVAL_UNREAD] == ["学生资助项目绩效目标自评表"]


# -- 自评等级 ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "printed"),
    [("row", "良"), ("row", "良好"), ("total", "自评等级：良"), ("total", "良"), ("pdf", "自评等级：良")],
)
def test_a_printed_grade_that_is_not_the_totals_is_an_error(where: str, printed: str) -> None:
    """自评等级 良 (良好) beside 总分 96.23, which is 优 by the grade bands: read from its own row or from the 总分 row
    (its own cell after the score, or a PDF's row as wide as the header), and reported by check and the batch."""
    rows = chongqing()
    if where == "row":
        rows[-1][1] = printed
    else:
        rows.pop()
        if where == "total":
            rows[-1] = ["总分", "100", "96.23", printed]
        else:
            rows[-1] = ["总分", N, N, N, N, N, N, "100", "96.23", printed]
    project = read_selfeval_table(rows)
    assert (project.stated_total, project.printed_grade) == (Decimal("96.23"), printed.removeprefix("自评等级："))
    (found,) = [f for f in check(_account(project)) if f.rule == "project.grade"]
    assert (found.path, found.stated_text, found.expected_text) == ("projects[0].printed_grade", printed[-2:].lstrip("："), "优")
    assert found.message.endswith("总分96.23按等级标准（优≥90、良≥80、中≥60、差<60）应为“优”")
    accounts = [_account(project), _account(read_selfeval_table(chongqing()))]
    assert check_batch(accounts) == [check(a) for a in accounts]


def test_a_grade_is_compared_by_the_bands_of_the_scoring_rules() -> None:
    """A 总分 of 92 is 优 by the default bands but 良好 by bands named 优秀/良好/合格/不合格 from 95/85/60: each word
    is judged by the rules' bands (优秀 is 优, 良 is 良好); a word the rules do not know (甲等) is not compared."""
    named = attrs.evolve(ScoringRules.preset("default"), grade_bands=[["优秀", 95], ["良好", 85], ["合格", 60], ["不合格", 0]])
    project = attrs.evolve(read_selfeval_table(chongqing()), stated_total=Decimal(92))
    accounts = [_account(attrs.evolve(project, printed_grade=word)) for word in ("优", "优秀", "良", "良好", "甲等")]

    def grades(scoring: ScoringRules | None) -> list[list[str]]:
        return [[f.expected_text for f in check(a, scoring=scoring) if f.rule == "project.grade"] for a in accounts]

    assert grades(named) == [["良好"], ["良好"], [], [], []]
    assert grades(None) == [[], [], ["优"], ["优"], []]
    for scoring in (None, named):
        assert check_batch(accounts, scoring=scoring) == [check(a, scoring=scoring) for a in accounts]


def test_a_printed_grade_survives_the_account_file() -> None:
    """printed_grade is written when printed and left out when not: older files keep loading, as 0.2/0.3 files."""
    from budgetkit import io

    project = read_selfeval_table(chongqing())
    account = _account(project)
    for fmt in ("toml", "json"):
        assert io.loads(io.dumps(account, fmt), fmt) == account  # type: ignore[arg-type]
    assert 'printed_grade = "优"' in io.dumps(account)
    assert "printed_grade" not in io.dumps(_account(attrs.evolve(project, printed_grade="")))


# -- 定性 rows and their reasons ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("actual", "stated", "reason", "code"),
    [
        ("部分达成", "14", "", "indicator.shortfall_reason"),  # the middle band, scored in it: a shortfall
        ("部分达成", "14", "沿线部分路段仍在施工。", None),
        ("有所改善", "14", "", "indicator.shortfall_reason"),  # not judged, scored below the top band [16, 20]
        ("有所改善", "18", "", None),  # not judged, scored inside the top band: no shortfall shown
        ("改善", "18", "", None),  # 达成 (its target), scored inside its band [16, 20]: the band's own range
        ("部分达成", "20", "", "indicator.shortfall_reason"),  # scored out of its band, and no reason either
        ("未达成年度指标", "10", "", "indicator.shortfall_reason"),
        ("良", "16", "", None),  # 良 for a target of 改善: the top band, scored in it
    ],
)
def test_a_qualitative_row_below_full_needs_a_reason_as_a_quantitative_one(
    actual: str, stated: str, reason: str, code: str | None
) -> None:
    """A 定性 row judged below the top band, or not judged and scored below it, without a 偏差原因 is reported as a
    定量 row's shortfall is (the reason cell holding text is enough); check and the batch agree."""
    project = read_selfeval_table(chongqing())
    row = project.indicators[4]
    assert row.operator is Operator.QUALITATIVE
    row = attrs.evolve(row, actual=actual, stated_score=Decimal(stated), reason=reason)
    project = attrs.evolve(project, indicators=(*project.indicators[:4], row, *project.indicators[5:]))
    found = [f for f in check(_account(project)) if f.path.startswith("projects[0].indicators[4]") and "reason" in f.rule]
    assert [f.rule for f in found] == ([] if code is None else [code])
    if found:
        assert "改善" in found[0].message and "定性" not in found[0].message
    assert check_batch([_account(project)]) == [check(_account(project))]


# -- 约 targets ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["约1200人", "1200人左右", "≈1200人"])
def test_an_approximate_target_short_of_it_scored_full_is_an_error(target: str) -> None:
    """安徽's 受益群众人数 with a target of about 1200 人, 1050 reached and scored 30 of 30: compared as "=" (正向), the
    rule gives 1050/1200×30 = 26.25, from cells and from text; check and the batch agree."""
    rows = anhui()
    rows[15] = [N, "效益指标（30分）", "社会效益指标", "指标1：受益群众人数", target, "1050人", "30", "30", N]
    for project in (read_selfeval_table(rows), *read_selfeval_text(text_lines(rows))):
        row = project.indicators[3]
        assert (row.operator, row.target, row.actual, row.printed_target) == (Operator.EQUAL, "1200", "1050", target)
        found = [f for f in check(_account(project)) if f.path == "projects[0].indicators[3].stated_score"]
        assert [(f.rule, f.expected_text) for f in found] == [("indicator.score", "26.25")]
        assert check_batch([_account(project)]) == [check(_account(project))]


# -- a workbook of a self-evaluation table alone -------------------------------------------------------------------


@pytest.mark.parametrize("title", ["合肥市某县水利局2024年度单位决算", "合肥市某县水利局2024年度部门决算表"])
def test_a_workbook_of_a_self_evaluation_table_alone_takes_its_unit_from_its_title(title: str, tmp_path: Path) -> None:
    """A workbook printing no 编制单位 line but the report's name above the table (某局2024年度单位决算) is read:
    the unit and year are the title's; a line naming no unit (2024年度部门决算) still leaves them to the caller."""
    openpyxl = pytest.importorskip("openpyxl")
    from budgetkit.io.excel import read_excel

    def workbook(first: str) -> Path:
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append([first])
        for row in chongqing():
            sheet.append(list(row))
        path = tmp_path / "t.xlsx"
        book.save(path)
        return path

    imported = read_excel(workbook(title))
    assert (imported.account.unit, imported.account.year) == ("合肥市某县水利局", 2024)
    assert [p.name for p in imported.account.projects] == ["农村公路养护"]
    with pytest.raises(LoadError, match="no unit and year"):
        read_excel(workbook("2024年度部门决算"))


def test_a_qualitative_grade_below_the_target_grade_falls_short() -> None:
    """河南's 居民健康素养水平: target 优, actual 良, scored 12 of 15 — inside the top band [12, 15], yet short of the
    target grade: without a reason it is a shortfall, with one nothing; check and the batch agree."""
    project = read_selfeval_table(chongqing())
    row = attrs.evolve(project.indicators[4], target="优", actual="良", weight=Decimal(20), stated_score=Decimal(16))
    accounts = [
        _account(attrs.evolve(project, indicators=(*project.indicators[:4], attrs.evolve(row, reason=reason),
            *project.indicators[5:]))) for reason in ("", "宣传覆盖不足。")
    ]
    found = [[f.rule for f in check(a) if f.path.startswith("projects[0].indicators[4]")] for a in accounts]
    assert found == [["indicator.shortfall_reason"], []]
    assert check_batch(accounts) == [check(a) for a in accounts]
