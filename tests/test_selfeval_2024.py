"""2024 self-evaluation tables as units attach them to their 部门决算: read right, never lost without a word.

The tables are composed in our own words and numbers after the STRUCTURE of 2024 reports (Yunnan's attach
十三、部门整体支出绩效自评情况, 十四、部门整体支出绩效自评表 and 十五、项目支出绩效自评表; other provinces the
附件1 table): one heading above every project's table, the tables one after another with no title of their own,
or all in one ``<table>``; a 部门整体支出绩效自评表 (goals by year, key tasks with money, indicators without
points) beside them. Every table's arithmetic is exact (see each table), so a finding is a false alarm, and one
figure made wrong at a time gives the finding of that figure.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import attrs
import pytest

from budgetkit.checks.audit import check
from budgetkit.checks.rules.performance import scores_reach
from budgetkit.checks.scoring import VARIANTS, score_project
from budgetkit.io.selfeval import is_selfeval_rows, read_selfeval_table, split_projects
from budgetkit.io.text import read_html
from budgetkit.model.account import FinalAccount
from budgetkit.model.project import Project
from test_selfeval_provinces import _spans, page

Rows = list[list[str | None]]
N = None


def cleaning() -> Rows:
    """One-row indicator header (operator and unit inside 年度指标值), 其中：财政拨款, 总分 with its grade.

    Execution 57.00/60.00 = 95.00% → 9.50; 及时率 98/100·5 = 4.9; 满意度 88/90·10 = 9.777… → 9.78;
    weights 20+15+5+10+20+10+10 = 90 (产出 50, 效益 30, 满意度 10); 总分 9.50 + 89.68 = 99.18."""
    return [
        ["项目支出绩效自评表", N, N, N, N, N, N, N, N],
        ["（2024年度）", N, N, N, N, N, N, N, N],
        ["项目名称", "城乡环境卫生整治专项经费", N, N, N, N, N, N, N],
        ["主管部门", "某县住房和城乡建设局", N, N, "实施单位", "某县环境卫生管理站", N, N, N],
        ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", N],
        [N, "年度资金总额", "50.00", "60.00", "57.00", "10", "95.00%", "9.50", N],
        [N, "其中：财政拨款", "50.00", "60.00", "57.00", "—", "95.00%", "—", N],
        [N, "上年结转资金", "", "", "", "—", "", "—", N],
        [N, "其他资金", "", "", "", "—", "", "—", N],
        ["年度总体目标", "预期目标", N, N, N, "实际完成情况", N, N, N],
        [N, "清扫保洁12000平方米。", N, N, N, "清扫保洁12500平方米。", N, N, N],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [N, "产出指标", "数量指标", "清扫保洁面积", "≥12000平方米", "12500平方米", "20", "20", ""],
        [N, N, "质量指标", "垃圾无害化处理率", "≥95%", "96%", "15", "15", ""],
        [N, N, "时效指标", "垃圾清运及时率", "=100%", "98%", "5", "4.9", "雨天清运延迟，调整班次。"],
        [N, N, "成本指标", "项目总成本", "≤60万元", "57万元", "10", "10", ""],
        [N, "效益指标", "社会效益指标", "人居环境改善", "明显改善", "明显改善", "20", "20", ""],
        [N, N, "可持续影响指标", "长效保洁机制", "长期", "长期", "10", "10", ""],
        [N, "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "88%", "10", "9.78", "错峰作业。"],
        ["其他需要说明的事项", "无", N, N, N, N, N, N, N],
        ["总分", N, N, N, N, N, "100", "99.18", "优"],
    ]


def training() -> Rows:
    """Two-row indicator header (年度指标值 over 指标性质/指标值/度量单位), 其他资金 printed.

    总额 = 当年财政拨款 + 其他资金 in each phase (70 + 10, 90 + 10, 82 + 10); 92/100 → 9.20; 82/90 = 91.11%;
    就业率 54/60·20 = 18; weights 30+20+20+10+10 = 90; 总分 9.20 + 88 = 97.20 (优)."""
    return [
        ["项目支出绩效自评表", N, N, N, N, N, N, N, N, N],
        ["（2024年度）", N, N, N, N, N, N, N, N, N],
        ["项目名称", "农村劳动力转移就业技能培训经费", N, N, N, N, N, N, N, N],
        ["主管部门", "某县人力资源和社会保障局", N, N, N, "实施单位", "某县就业服务中心", N, N, N],
        ["项目资金（万元）", "", N, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", N],
        [N, "年度资金总额", N, "80.00", "100.00", "92.00", "10", "92.00%", "9.20", N],
        [N, "其中：当年财政拨款", N, "70.00", "90.00", "82.00", "—", "91.11%", "—", N],
        [N, "上年结转资金", N, "", "", "", "—", "", "—", N],
        [N, "其他资金", N, "10.00", "10.00", "10.00", "—", "100.00%", "—", N],
        ["年度总体目标", "预期目标", N, N, N, "实际完成情况", N, N, N, N],
        [N, "培训500人次。", N, N, N, "培训520人次。", N, N, N, N],
        ["绩效指标", N, N, "年度指标值", N, N, "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", N, N, N, N],
        ["产出指标", "数量指标", "培训人次", "≥", "500", "人次", "520", "30", "30", ""],
        [N, "质量指标", "培训合格率", "≥", "90", "%", "93", "20", "20", ""],
        ["效益指标", "社会效益指标", "培训后就业率", "≥", "60", "%", "54", "20", "18", "外出务工未登记，加强跟踪。"],
        [N, "可持续影响指标", "技能提升持续作用", "定性", "长期", "", "长期", "10", "10", ""],
        ["满意度指标", "服务对象满意度指标", "学员满意度", "≥", "90", "%", "95", "10", "10", ""],
        ["总分", N, N, N, N, N, N, "100", "97.20", N],
        ["自评等级", "优", N, N, N, N, N, N, N, N],
    ]


def whole_department() -> Rows:
    """Yunnan's 部门整体支出绩效自评表: goals by year, key tasks with money, indicators without points."""
    return [
        ["部门整体支出绩效自评表", N, N, N, N, N, N, N],
        ["部门名称", "某县人力资源和社会保障局", N, N, N, N, N, N],
        ["一、部门年度目标", N, N, N, N, N, N, N],
        ["财年", "目标", N, N, "实际完成情况", N, N, N],
        ["2024", "城镇新增就业1500人。", N, N, "城镇新增就业1560人。", N, N, N],
        ["二、部门年度重点工作任务", N, N, N, N, N, N, N],
        ["任务名称", "主要内容", "预算申请（万元）", N, N, "实际支出（万元）", "预算执行率", "未完成原因和改进措施"],
        [N, N, "总额", "财政拨款", "其他资金", N, N, N],
        ["就业创业服务", "开展培训和招聘会", "100.00", "90.00", "10.00", "92.00", "92.00%", ""],
        ["三、部门整体支出绩效指标", N, N, N, N, N, N, N],
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", "城镇新增就业人数", "≥", "1500", "人", "1560", ""],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "≥", "90", "%", "93", ""],
    ]


def _page(*blocks: str) -> str:
    head = [
        "<html><body><h1>某县人力资源和社会保障局2024年度部门决算</h1>",
        "<h2>第三部分 某县人力资源和社会保障局2024年度部门决算情况说明</h2>",
        "<h3>一、收入支出决算总体情况说明</h3><p>2024年度收入支出总计260.00万元。</p>",
    ]
    return "\n".join([*head, *blocks, "</body></html>"])


def _yunnan_page(*projects: Rows, one_table: bool = False) -> str:
    """Yunnan's 2024 attachments: 十四 the 部门整体 table under its title, 十五 one heading, then the project tables with
    no title of their own (their first row, the title, left out), one after another — or in one ``<table>``."""
    blocks = ["<p>十四、2024年度部门整体支出绩效自评表</p>", page(whole_department()), "<p>十五、2024年度项目支出绩效自评表</p>"]
    if one_table:
        width = max(len(rows[0]) for rows in projects)
        blocks.append(page([[*row, *([N] * (width - len(row)))] for rows in projects for row in rows[1:]]))
    else:
        blocks += [page(rows[1:]) for rows in projects]
    return _page(*blocks)


def _account(*projects: Project) -> FinalAccount:
    return FinalAccount(unit="某县人力资源和社会保障局", year=2024, unit_type="行政单位", projects=projects)


def _project_findings(account: FinalAccount, **options: object) -> list[str]:
    return [f"{f.code} {f.path}" for f in check(account, **options) if f.path.startswith("projects")]  # type: ignore[arg-type]


def _same(read: Sequence[Project], *tables: Rows) -> None:
    """The projects read from a report are the ones their rows give, figure for figure."""
    assert list(read) == [attrs.evolve(read_selfeval_table(rows), kind=p.kind) for p, rows in zip(read, tables, strict=True)]


# -- tables with no title of their own -----------------------------------------------------------------------------


def test_project_tables_one_after_another_under_one_heading_are_all_read(tmp_path: Path) -> None:
    """十五's heading above the first table only: the second, titled by nobody, was dropped without a word."""
    (tmp_path / "r.html").write_text(_yunnan_page(cleaning(), training()), encoding="utf-8")
    imported = read_html(tmp_path / "r.html")
    _same(imported.account.projects, cleaning(), training())
    assert _project_findings(imported.account) == []
    assert [i for i in imported.report.issues if i.text.startswith("自评表")] == []


def test_every_project_of_one_table_is_read(tmp_path: Path) -> None:
    """A page (or workbook) printing every project in one ``<table>``: each project read, none refused as a fund
    row "printed twice"."""
    (tmp_path / "r.html").write_text(_yunnan_page(cleaning(), training(), one_table=True), encoding="utf-8")
    imported = read_html(tmp_path / "r.html")
    wide = [[*row, N] for row in cleaning()]  # as wide as training's, as the one table prints it
    _same(imported.account.projects, wide, training())
    assert [i for i in imported.report.issues if i.text.startswith("自评表")] == []
    assert _project_findings(imported.account) == []


def test_a_table_with_a_project_name_and_no_evaluation_column_is_no_self_evaluation() -> None:
    """项目名称 and 三级指标 without a completion column (a 绩效目标表) or beside 部门整体 words: not a project's evaluation."""
    rows = cleaning()
    assert is_selfeval_rows(rows[1:])
    targets = [[cell for cell in row if cell not in ("实际完成值", "得分")] for row in rows[1:]]
    assert not is_selfeval_rows(targets)
    assert not is_selfeval_rows(whole_department()[1:])
    assert split_projects(rows) == [range(len(rows))]


def test_the_whole_department_table_untitled_is_no_project(tmp_path: Path) -> None:
    """A 部门整体 table printed with no title between two project tables is not read as a project."""
    blocks = ["<p>十五、2024年度项目支出绩效自评表</p>", page(cleaning()[1:]), page(whole_department()[1:]), page(training()[1:])]
    (tmp_path / "r.html").write_text(_page(*blocks), encoding="utf-8")
    imported = read_html(tmp_path / "r.html")
    _same(imported.account.projects, cleaning(), training())


def test_the_untitled_tables_drawn_as_a_pdf_are_all_read(tmp_path: Path) -> None:
    """Drawn as a ruled PDF, one table a page under one heading: both projects read as their cells give them."""
    pytest.importorskip("pdfplumber")
    pytest.importorskip("reportlab")
    pytest.importorskip("fontTools")
    pytest.importorskip("pylopdf_fonts_zh_cn")
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    from budgetkit.io.pdf import read_pdf
    from budgetkit.outputs.pdf import _font

    texts = ["示例局2024年度部门决算", "第三部分 情况说明", "十五、2024年度项目支出绩效自评表"]
    tables = [cleaning()[1:], training()[1:]]
    font = _font(frozenset("".join(texts) + "".join(c or "" for rows in tables for row in rows for c in row) + "0123456789.%"))
    style = ParagraphStyle("text", fontName=font, fontSize=10, leading=14)
    small = ParagraphStyle("cell", fontName=font, fontSize=6, leading=8, wordWrap="CJK")
    story: list[object] = [Paragraph(text, style) for text in texts]
    for n, rows in enumerate(tables):
        width = max(len(row) for row in rows)
        data = [[Paragraph(c, small) if len(c or "") > 10 else c or "" for c in row] for row in rows]
        table = Table(data, colWidths=[(landscape(A4)[0] - 60) / width] * width)
        grid = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("FONT", (0, 0), (-1, -1), font, 6)]
        table.setStyle(TableStyle(grid + [("SPAN", (c0, r0), (c1, r1)) for c0, r0, c1, r1 in _spans(rows)]))
        story += [PageBreak(), table] if n else [table]
    path = tmp_path / "r.pdf"
    SimpleDocTemplate(str(path), pagesize=landscape(A4), leftMargin=30, rightMargin=30).build(story)
    imported = read_pdf(path)
    _same(imported.account.projects, cleaning(), training())
    assert _project_findings(imported.account) == []


def test_project_tables_one_after_another_in_a_text_export_are_all_read(tmp_path: Path) -> None:
    """A text export (one cell a line) printing the second table with no title: both projects read, the second
    placed on its 项目名称 line — they were refused together, their fund rows "printed twice"."""
    from budgetkit.io.selfeval import read_selfeval_text
    from budgetkit.io.text import read_text
    from test_selfeval_provinces import text_lines

    head = ["某县人力资源和社会保障局2024年度部门决算", "", "第三部分 某县人力资源和社会保障局2024年度部门决算情况说明"]
    head += ["一、收入支出决算总体情况说明", "2024年度收入支出总计260.00万元。", "", "十五、2024年度项目支出绩效自评表", ""]
    for compact in (False, True):
        lines = head + text_lines(cleaning()) + text_lines(training()[1:], compact=compact)
        _same(read_selfeval_text(lines), cleaning(), training())
        (tmp_path / "r.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        imported = read_text(tmp_path / "r.txt")
        _same(imported.account.projects, cleaning(), training())
        second = lines.index("\t项目名称", lines.index("\t农村劳动力转移就业技能培训经费") - 2) + 1
        assert str(imported.report.box("projects[1]")) == f"第{second}行"
        assert [i for i in imported.report.issues if i.text.startswith("自评表")] == []


# -- one figure wrong at a time -----------------------------------------------------------------------------------


def _with(rows: Rows, r: int, c: int, text: str) -> Rows:
    rows = copy.deepcopy(rows)
    assert rows[r][c] is not None
    rows[r][c] = text
    return rows


@pytest.mark.parametrize(
    ("table", "r", "c", "text", "found"),
    [
        (cleaning, 14, 7, "4.5", {"indicator.score projects[0].indicators[2].stated_score", "project.total projects[0].stated_total"}),
        (cleaning, 5, 6, "96.00%", {"claim.ratio projects[0].funds.lines[0].stated_rate"}),
        (cleaning, 20, 7, "99.50", {"project.total projects[0].stated_total"}),
        (training, 6, 7, "90.11%", {"claim.ratio projects[0].funds.lines[1].stated_rate"}),
        # the 定性 row's 10 may be 9.5 (no rule gives it), so 97.20 is within rounding of 9.20 + 30 + 20 + 19 + 10 + 10
        (training, 15, 8, "19", {"indicator.score projects[0].indicators[2].stated_score", "rounding.residue projects[0].stated_total"}),
        (cleaning, 5, 7, "9.80", {"project.execution_score projects[0].execution_score", "rounding.residue projects[0].stated_total"}),
        (training, 15, 9, "", {"indicator.shortfall_reason projects[0].indicators[2].reason"}),
        (training, 19, 1, "良", {"project.grade projects[0].printed_grade"}),
        # 总额 executed 93 against 82 + (上年结转资金 blank: unknown, DOMAIN §5) + 10: its rate and score
        (training, 5, 5, "93.00", {"claim.ratio projects[0].funds.lines[0].stated_rate", "project.execution_score projects[0].execution_score"}),
        (training, 5, 3, "80.00", set()),
    ],
)
def test_one_wrong_figure_gives_its_finding(table: object, r: int, c: int, text: str, found: set[str]) -> None:
    """The composed tables give no finding; one figure made wrong gives the findings of that figure, no other."""
    rows = table()  # type: ignore[operator]
    assert _project_findings(_account(read_selfeval_table(rows))) == []
    assert set(_project_findings(_account(read_selfeval_table(_with(rows, r, c, text))))) == found


# -- the total of the scores: a full score printed as an integer is no rounding ------------------------------------


def test_a_total_off_by_a_third_of_a_point_is_an_error_not_a_residue() -> None:
    """总分 99.50 beside scores adding to 99.18: the integer scores are full marks (20 of 20 is at most 20), so no
    rounding reaches 99.50 — project.total (error), not rounding.residue (info)."""
    findings = check(_account(read_selfeval_table(_with(cleaning(), 20, 7, "99.50"))))
    (total,) = [f for f in findings if f.path == "projects[0].stated_total"]
    assert (total.code, total.stated_text, total.expected_text) == ("project.total", "99.50", "99.18")


def test_scores_reach_bounds_each_score_by_its_weight() -> None:
    """A printed score stands for the values that round to it within [0, its weight]."""
    d = Decimal
    assert not scores_reach(d("41"), [(d("20"), d("20"), None), (d("20"), d("20"), None)])
    assert scores_reach(d("39.5"), [(d("20"), d("20"), None), (d("20"), d("20"), None)])
    assert scores_reach(d("40.4"), [(d("20"), d("25"), None), (d("20"), d("20"), None)])
    assert not scores_reach(d("40.4"), [(d("20"), d("20"), None), (d("20"), d("20"), None)])
    assert scores_reach(d("23"), [(d("23"), d("20"), None)])  # a score above its weight keeps its own interval


def test_a_score_printed_as_its_rule_gives_it_is_that_score() -> None:
    """A printed score that is its rule's exact score (a met target's 30, a shortfall's 18) is no rounded figure: a
    total one point off a table of integer scores is an error (江西's banded execution score, 8 where the band gives 7,
    beside 总分 95 = 7 + 88, every other score its rule's)."""
    d = Decimal
    assert not scores_reach(d("39.5"), [(d("20"), d("20"), Fraction(20)), (d("20"), d("20"), Fraction(20))])
    rows = training()
    rows[16] = [N, "可持续影响指标", "跟踪服务学员", "≥", "100", "人", "120", "10", "10", ""]  # no 定性 row
    rows[5][8], rows[18][8] = "8", "95.00"
    found = _project_findings(_account(read_selfeval_table(rows)), scoring=VARIANTS["jiangxi"])
    assert sorted(found) == ["project.execution_score projects[0].execution_score", "project.total projects[0].stated_total"]
    rows[5][8] = "7"
    assert _project_findings(_account(read_selfeval_table(rows)), scoring=VARIANTS["jiangxi"]) == []


# -- Hubei's 20-point execution row ----------------------------------------------------------------------------------


def test_hubei_levels_without_a_principle_weight_are_no_departure() -> None:
    """湖北 names only 执行率 20: a table of 产出 40 / 效益 30 / 满意度 10 departs from nothing under it; under the
    default rules (50/30/10/10, the whole 100) the same table departs."""
    table = read_selfeval_table(cleaning())
    rows = (*table.indicators[:3], *table.indicators[4:])  # without 项目总成本 (10): 产出 40, 效益 30, 满意度 10
    project = attrs.evolve(table, execution_weight=Decimal(20), execution_score=Decimal("19.00"), indicators=rows)
    assert score_project(project, VARIANTS["hubei"]).principle_deviations() == ()
    assert {w.name for w in score_project(project).principle_deviations()} == {"产出", "执行率"}


def test_the_findings_of_check_batch_are_check_s() -> None:
    """The batch gives the same findings as check() on these tables (the total and the principle weights)."""
    from budgetkit.checks.batch import check_batch

    wrong = _account(read_selfeval_table(_with(cleaning(), 20, 7, "99.50")))
    table = read_selfeval_table(cleaning())
    rows = (*table.indicators[:3], *table.indicators[4:])
    hubei = _account(attrs.evolve(table, execution_weight=Decimal(20), execution_score=Decimal("19.00"), indicators=rows))
    for scoring in (VARIANTS["default"], VARIANTS["hubei"]):
        assert check_batch([wrong, hubei], scoring=scoring) == [check(wrong, scoring=scoring), check(hubei, scoring=scoring)]


# -- the 部门整体 table: not read, and said so ---------------------------------------------------------------------


def test_check_names_the_whole_department_table_it_did_not_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`budgetkit check` says the 部门整体支出绩效自评表 was not read (text and JSON): no clean bill for it."""
    import json

    from budgetkit.cli import main

    path = tmp_path / "r.html"
    path.write_text(_yunnan_page(cleaning(), training()), encoding="utf-8")
    assert main(["check", str(path)]) == 0
    text = capsys.readouterr().out
    (line,) = [line for line in text.splitlines() if line.startswith("部门整体支出绩效自评表未读入")]
    assert line.startswith("部门整体支出绩效自评表未读入（budgetkit 只读项目支出绩效自评表，其数字未核对）：")
    assert line.endswith("部门整体支出绩效自评表")
    assert "\n未发现不一致之处。\n" not in text
    main(["check", str(path), "--format", "json"])
    (title,) = json.loads(capsys.readouterr().out)["import"]["evaluations_not_read"]
    assert title.endswith("部门整体支出绩效自评表")


@pytest.mark.parametrize("one_table", [False, True])
def test_a_project_name_label_with_a_colon_is_read_as_without(tmp_path: Path, one_table: bool) -> None:
    """项目名称： (the label printed with its colon): each project was refused (no 项目名称 row), and one table of two
    such projects was not split; both are read as with 项目名称, figure for figure."""

    def colon(rows: Rows) -> Rows:
        return [["项目名称：" if cell == "项目名称" else cell for cell in row] for row in rows]

    (tmp_path / "r.html").write_text(_yunnan_page(colon(cleaning()), colon(training()), one_table=one_table), encoding="utf-8")
    imported = read_html(tmp_path / "r.html")
    first = [[*row, N] for row in cleaning()] if one_table else cleaning()
    _same(imported.account.projects, first, training())
    assert [i for i in imported.report.issues if i.text.startswith("自评表")] == []
