"""A composed Yunnan 2024 部门决算 (示例州文化和旅游局, own numbers): the eleven tables of the provincial layout, every
total the exact sum of its parts and every identity between the tables holding, as a web page of HTML tables.

The layout follows the published structure (titles 一 to 十一, 公开NN表, 部门：… 金额单位：万元, 栏次 and 行次, codes in
one column, 表五 with its 年初结转和结余 / 本年收入 / 年末结转和结余 columns, 表十 a list with the 三公's counts and the
机关运行经费 below, 表十一 the 三公 printed across under 预算数 and 决算数 with the columns numbered 1 to 12); the words
and figures are ours. ``tables(fund=False)`` is the same unit without a 政府性基金 (表八 empty).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

Cells = list[str | tuple[str, int]]
Table = tuple[str, int, list[Cells]]

UNIT = "示例州文化和旅游局"
ZERO = Decimal(0)
#: 项 → name, 一般公共预算 (income, opening, basic, project), 政府性基金 (income, project), 其他收入 (income, basic, project)
ITEMS: dict[str, tuple[str, str, str, str, str, str, str, str, str, str]] = {
    "2070101": ("行政运行", "260.00", "0", "260.00", "0", "0", "0", "8.00", "8.00", "0"),
    "2070199": ("其他文化和旅游支出", "104.50", "10.00", "0", "95.50", "0", "0", "4.00", "0", "3.00"),
    "2070701": ("宣传促销", "0", "0", "0", "0", "30.00", "28.00", "0", "0", "0"),
    "2080505": ("机关事业单位基本养老保险缴费支出", "40.20", "0", "40.20", "0", "0", "0", "0", "0", "0"),
    "2080506": ("机关事业单位职业年金缴费支出", "16.08", "0", "16.08", "0", "0", "0", "0", "0", "0"),
    "2101101": ("行政单位医疗", "18.72", "0", "18.72", "0", "0", "0", "0", "0", "0"),
    "2210201": ("住房公积金", "30.50", "0", "30.50", "0", "0", "0", "0", "0", "0"),
}
FIELDS = ("gbi", "gbo", "gbb", "gbp", "gfi", "gfp", "oi", "ob", "op")
NAMES = {
    "207": "文化旅游体育与传媒支出", "20701": "文化和旅游", "20707": "旅游发展基金支出", "208": "社会保障和就业支出",
    "20805": "行政事业单位养老支出", "210": "卫生健康支出", "21011": "行政事业单位医疗", "221": "住房保障支出",
    "22102": "住房改革支出",
}
#: 表一 and 表四 print every 类 of the template, numbered, with its 行次
CLASSES = {
    "201": "一般公共服务支出", "202": "外交支出", "203": "国防支出", "204": "公共安全支出", "205": "教育支出",
    "206": "科学技术支出", "207": "文化旅游体育与传媒支出", "208": "社会保障和就业支出", "210": "卫生健康支出",
    "211": "节能环保支出", "212": "城乡社区支出", "213": "农林水支出", "214": "交通运输支出", "215": "资源勘探工业信息等支出",
    "216": "商业服务业等支出", "217": "金融支出", "219": "援助其他地区支出", "220": "自然资源海洋气象等支出",
    "221": "住房保障支出", "222": "粮油物资储备支出", "224": "灾害防治及应急管理支出", "229": "其他支出",
}
NON_FISCAL_OPENING = Decimal("5.00")
#: 表六: economic classes of the 人员经费 and the 公用经费 (a class's amount is the sum of its 款)
PERSONNEL = [("301", "工资福利支出", ""), ("30101", "基本工资", "98.00"), ("30102", "津贴补贴", "72.00"), ("30103", "奖金", "8.00"),
             ("30107", "绩效工资", "40.00"), ("30108", "机关事业单位基本养老保险缴费", "40.20"), ("30109", "职业年金缴费", "16.08"),
             ("30110", "职工基本医疗保险缴费", "18.72"), ("30113", "住房公积金", "30.50"), ("303", "对个人和家庭的补助", ""),
             ("30305", "生活补助", "2.00")]
PUBLIC_USE = [("302", "商品和服务支出", ""), ("30201", "办公费", "6.00"), ("30207", "邮电费", "2.00"), ("30211", "差旅费", "8.00"),
              ("30217", "公务接待费", "1.50"), ("30228", "工会经费", "4.20"), ("30229", "福利费", "3.00"),
              ("30231", "公务用车运行维护费", "5.80"), ("30239", "其他交通费用", "5.50"), ("307", "债务利息及费用支出", ""),
              ("310", "资本性支出", ""), ("31002", "办公设备购置", "4.00")]
#: 三公 (budget, actual): 出国, 车购置, 车运行, 接待; 机关运行经费
THREE_PUBLIC = {"outbound": ("0.00", "0.00"), "purchase": ("0.00", "0.00"), "operation": ("6.00", "5.80"), "reception": ("2.00", "1.50")}
OPERATING_COSTS = ("42.00", "40.00")
TITLES = (
    "收入支出决算表", "收入决算表", "支出决算表", "财政拨款收入支出决算表", "一般公共预算财政拨款收入支出决算表",
    "一般公共预算财政拨款基本支出决算表", "一般公共预算财政拨款项目支出决算表", "政府性基金预算财政拨款收入支出决算表",
    "国有资本经营预算财政拨款收入支出决算表", "财政拨款“三公”经费、行政参公单位机关运行经费情况表",
    "一般公共预算财政拨款“三公”经费情况表",
)
NUMERALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七",
            "十八", "十九", "二十", "二十一", "二十二")


def _t(x: Decimal) -> str:
    return f"{x:.2f}"


class _Unit:
    def __init__(self, fund: bool) -> None:
        self.items = {c: v for c, v in ITEMS.items() if fund or c != "2070701"}

    def agg(self, prefix: str, field: str) -> Decimal:
        at = FIELDS.index(field) + 1
        return sum((Decimal(v[at]) for c, v in self.items.items() if c.startswith(prefix)), ZERO)

    def codes(self) -> list[str]:
        out: list[str] = []
        for code in sorted(self.items):
            out += [k for k in (code[:3], code[:5], code) if k not in out]
        return out

    def name(self, code: str) -> str:
        return self.items[code][0] if code in self.items else NAMES[code]

    def spent(self, prefix: str) -> Decimal:
        return sum((self.agg(prefix, f) for f in ("gbb", "gbp", "gfp", "ob", "op")), ZERO)

    # -- the tables ----------------------------------------------------------------------------------------------
    def summary(self) -> list[Cells]:
        a = self.agg
        income = [("一、一般公共预算财政拨款收入", a("", "gbi")), ("二、政府性基金预算财政拨款收入", a("", "gfi")),
                  ("三、国有资本经营预算财政拨款收入", ZERO), ("四、上级补助收入", ZERO), ("五、事业收入", ZERO),
                  ("六、经营收入", ZERO), ("七、附属单位上缴收入", ZERO), ("八、其他收入", a("", "oi"))]
        spent = [(f"{NUMERALS[i]}、{name}", self.spent(code)) for i, (code, name) in enumerate(CLASSES.items())]
        rows: list[Cells] = [[("收入", 3), ("支出", 3)], ["项目", "行次", "金额", "项目", "行次", "金额"], ["栏次", "", "1", "栏次", "", "2"]]
        for i, (label, amount) in enumerate(spent):
            left: Cells = [income[i][0], str(i + 1), _t(income[i][1])] if i < len(income) else ["", str(i + 1), ""]
            rows.append([*left, label, str(i + 31), _t(amount)])
        year_income = a("", "gbi") + a("", "gfi") + a("", "oi")
        opening = a("", "gbo") + NON_FISCAL_OPENING
        year_spent = self.spent("")
        n = len(spent)
        rows += [
            ["本年收入合计", str(n + 1), _t(year_income), "本年支出合计", str(n + 31), _t(year_spent)],
            ["使用非财政拨款结余", str(n + 2), "0.00", "结余分配", str(n + 32), "0.00"],
            ["年初结转和结余", str(n + 3), _t(opening), "年末结转和结余", str(n + 33), _t(year_income + opening - year_spent)],
            ["总计", str(n + 4), _t(year_income + opening), "总计", str(n + 34), _t(year_income + opening)],
        ]
        return rows

    def coded(self, head: Cells, line: Callable[[str], list[str]], keep: Callable[[str], bool] = lambda c: True) -> list[Cells]:
        n = len(line(""))
        rows: list[Cells] = [[("项目", 2), *head], ["科目编码", "科目名称", *[""] * n], ["栏次", "", *[str(i + 1) for i in range(n)]]]
        rows.append(["", "合计", *line("")])
        rows += [[c, self.name(c), *line(c)] for c in self.codes() if keep(c)]
        return rows

    def income(self) -> list[Cells]:
        def line(p: str) -> list[str]:
            fiscal, other = self.agg(p, "gbi") + self.agg(p, "gfi"), self.agg(p, "oi")
            return [_t(fiscal + other), _t(fiscal), "0.00", "0.00", "0.00", "0.00", _t(other)]

        return self.coded(["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"], line)

    def expenditure(self) -> list[Cells]:
        def line(p: str) -> list[str]:
            basic = self.agg(p, "gbb") + self.agg(p, "ob")
            project = self.agg(p, "gbp") + self.agg(p, "gfp") + self.agg(p, "op")
            return [_t(basic + project), _t(basic), _t(project), "0.00", "0.00", "0.00"]

        return self.coded(["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"], line)

    def fiscal_summary(self) -> list[Cells]:
        a = self.agg
        gb_spent, gf_spent = a("", "gbb") + a("", "gbp"), a("", "gfp")
        gb_close, gf_close = a("", "gbo") + a("", "gbi") - gb_spent, a("", "gfi") - gf_spent
        income = [("一、一般公共预算财政拨款", a("", "gbi")), ("二、政府性基金预算财政拨款", a("", "gfi")), ("三、国有资本经营预算财政拨款", ZERO)]
        rows: list[Cells] = [
            [("收入", 3), ("支出", 6)],
            ["项目", "行次", "金额", "项目", "行次", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"],
            ["栏次", "", "1", "栏次", "", "2", "3", "4", "5"],
        ]
        for i, (code, name) in enumerate(CLASSES.items()):
            gb, gf = a(code, "gbb") + a(code, "gbp"), a(code, "gfp")
            left: Cells = [income[i][0], str(i + 1), _t(income[i][1])] if i < len(income) else ["", str(i + 1), ""]
            rows.append([*left, f"{NUMERALS[i]}、{name}", str(i + 31), _t(gb + gf), _t(gb), _t(gf), "0.00"])
        n = len(CLASSES)
        rows += [
            ["本年收入合计", str(n + 1), _t(a("", "gbi") + a("", "gfi")), "本年支出合计", str(n + 31), _t(gb_spent + gf_spent), _t(gb_spent), _t(gf_spent), "0.00"],
            ["年初财政拨款结转和结余", str(n + 2), _t(a("", "gbo")), "年末财政拨款结转和结余", str(n + 32), _t(gb_close + gf_close), _t(gb_close), _t(gf_close), "0.00"],
            ["一般公共预算财政拨款", str(n + 3), _t(a("", "gbo")), "", str(n + 33), "", "", "", ""],
            ["政府性基金预算财政拨款", str(n + 4), "0.00", "", str(n + 34), "", "", "", ""],
            ["国有资本经营预算财政拨款", str(n + 5), "0.00", "", str(n + 35), "", "", "", ""],
            ["总计", str(n + 6), _t(a("", "gbo") + a("", "gbi") + a("", "gfi")), "总计", str(n + 36),
             _t(gb_spent + gf_spent + gb_close + gf_close), _t(gb_spent + gb_close), _t(gf_spent + gf_close), "0.00"],
        ]
        return rows

    def balances(self, head: str, line: Callable[[str], list[str]], keep: Callable[[str], bool]) -> list[Cells]:
        rows = self.coded(["年初结转和结余", "本年收入", ("本年支出", 3), "年末结转和结余"], line, keep)
        rows[1] = ["科目编码", "科目名称", "", "", "小计", "基本支出", "项目支出", ""]
        return rows

    def general_budget(self) -> list[Cells]:
        def line(p: str) -> list[str]:
            o, i, b, pr = (self.agg(p, f) for f in ("gbo", "gbi", "gbb", "gbp"))
            return [_t(o), _t(i), _t(b + pr), _t(b), _t(pr), _t(o + i - b - pr)]

        return self.balances("", line, lambda c: any(self.agg(c, f) for f in ("gbo", "gbi", "gbb", "gbp")))

    def basic(self) -> list[Cells]:
        def filled(items: list[tuple[str, str, str]]) -> list[tuple[str, str, Decimal]]:
            return [
                (c, n, Decimal(v) if v else sum((Decimal(x) for k, _, x in items if x and k.startswith(c) and k != c), ZERO))
                for c, n, v in items
            ]

        personnel, public = filled(PERSONNEL), filled(PUBLIC_USE)
        halves = (personnel, public[: (len(public) + 1) // 2], public[(len(public) + 1) // 2 :])
        rows: list[Cells] = [[("人员经费", 3), ("公用经费", 6)], ["科目编码", "科目名称", "决算数"] * 3]
        for i in range(max(len(h) for h in halves)):
            row: Cells = []
            for half in halves:
                row += [half[i][0], half[i][1], _t(half[i][2])] if i < len(half) else ["", "", ""]
            rows.append(row)
        total = [sum((v for c, _, v in part if len(c) == 3), ZERO) for part in (personnel, public)]
        assert sum(total) == self.agg("", "gbb")
        rows.append([("人员经费合计", 2), _t(total[0]), ("公用经费合计", 5), _t(total[1])])
        return rows

    def project(self) -> list[Cells]:
        rows = self.coded([("本年支出", 1)], lambda p: [_t(self.agg(p, "gbp"))], lambda c: bool(self.agg(c, "gbp")))
        rows[1] = ["科目编码", "科目名称", "项目支出"]
        return rows

    def government_fund(self) -> list[Cells]:
        def line(p: str) -> list[str]:
            i, pr = self.agg(p, "gfi"), self.agg(p, "gfp")
            return ["0.00", _t(i), _t(pr), "0.00", _t(pr), _t(i - pr)]

        return self.balances("", line, lambda c: bool(self.agg(c, "gfi") or self.agg(c, "gfp")))

    def state_capital(self) -> list[Cells]:
        return self.balances("", lambda p: ["0.00"] * 6, lambda c: False)

    @staticmethod
    def three(at: int) -> dict[str, Decimal]:
        o, p, r, c = (Decimal(THREE_PUBLIC[k][at]) for k in ("outbound", "purchase", "operation", "reception"))
        return {"total": o + p + r + c, "outbound": o, "vehicle": p + r, "purchase": p, "operation": r, "reception": c}

    def three_public(self) -> list[Cells]:
        b, a = self.three(0), self.three(1)
        return [
            ["项目", "预算数", "决算数"], ["栏次", "1", "2"], ["一、“三公”经费支出", "", ""],
            ["（一）支出合计", _t(b["total"]), _t(a["total"])],
            ["1．因公出国（境）费", _t(b["outbound"]), _t(a["outbound"])],
            ["2．公务用车购置及运行维护费", _t(b["vehicle"]), _t(a["vehicle"])],
            ["（1）公务用车购置费", _t(b["purchase"]), _t(a["purchase"])],
            ["（2）公务用车运行维护费", _t(b["operation"]), _t(a["operation"])],
            ["3．公务接待费", _t(b["reception"]), _t(a["reception"])],
            ["（1）国内接待费", _t(b["reception"]), _t(a["reception"])],
            ["其中：外事接待费", "", "0.00"], ["（2）国（境）外接待费", "0.00", "0.00"],
            ["（二）相关统计数", "", ""], ["1．因公出国（境）团组数（个）", "", "0"], ["2．因公出国（境）人次数（人）", "", "0"],
            ["3．公务用车购置数（辆）", "", "0"], ["4．公务用车保有量（辆）", "", "2"], ["5．国内公务接待批次（个）", "", "12"],
            ["其中：外事接待批次（个）", "", "0"], ["6．国内公务接待人次（人）", "", "86"], ["其中：外事接待人次（人）", "", "0"],
            ["7．国（境）外公务接待批次（个）", "", "0"], ["8．国（境）外公务接待人次（人）", "", "0"],
            ["二、行政参公单位机关运行经费", OPERATING_COSTS[0], OPERATING_COSTS[1]],
        ]

    def general_budget_three_public(self) -> list[Cells]:
        items: Cells = ["合计", "因公出国（境）费", ("公务用车购置及运行费", 3), "公务接待费"]
        rows: list[Cells] = [[("预算数", 6), ("决算数", 6)], items + items,
                             ["", "", "小计", "公务用车购置费", "公务用车运行费", ""] * 2, [str(n) for n in range(1, 13)]]
        line: Cells = []
        for x in (self.three(0), self.three(1)):
            line += [_t(x[k]) for k in ("total", "outbound", "vehicle", "purchase", "operation", "reception")]
        return [*rows, line]


def tables(fund: bool = True) -> list[Table]:
    """The eleven tables: (title, number, rows), a cell ``(text, n)`` spanning n columns."""
    unit = _Unit(fund)
    made = (unit.summary, unit.income, unit.expenditure, unit.fiscal_summary, unit.general_budget, unit.basic,
            unit.project, unit.government_fund, unit.state_capital, unit.three_public, unit.general_budget_three_public)
    return [(title, n + 1, make()) for n, (title, make) in enumerate(zip(TITLES, made, strict=True))]


def set_cell(tables: list[Table], number: int, row: Callable[[list[str]], bool], column: int, text: str) -> None:
    """Print ``text`` in place of the cell ``column`` of the first row of 表``number`` that ``row`` picks (by its texts)."""
    for cells in tables[number - 1][2]:
        texts = [c[0] if isinstance(c, tuple) else c for c in cells]
        if len(texts) > column and row(texts):
            cells[column] = text
            return
    raise LookupError(f"no such row in table {number}")


def heading(title: str, number: int) -> list[str]:
    """The lines above a table: its title, 公开NN表, and the unit and 金额单位."""
    return [title, f"公开{number:02d}表", f"部门：{UNIT}　　　　　　　　金额单位：万元"]


def html_table(rows: Sequence[Cells]) -> str:
    lines = ['<table border="1" cellspacing="0">']
    for row in rows:
        lines.append("<tr>" + "".join(f'<td colspan="{c[1]}">{c[0]}</td>' if isinstance(c, tuple) else f"<td>{c}</td>" for c in row) + "</tr>")
    return "\n".join([*lines, "</table>"])


def page(printed: Sequence[Table] | None = None) -> str:
    """The web page: the report's title, the 目录 of its tables, then each table under its heading lines."""
    printed = tables() if printed is None else printed
    parts = [f"<h1>{UNIT}2024年度部门决算</h1>", "<p>目录</p>", "<p>第二部分 2024年度部门决算表</p>"]
    parts += [f"<p>{NUMERALS[n - 1]}、{title}</p>" for title, n, _ in printed]
    parts += ["<p>第二部分 2024年度部门决算表</p>"]
    for title, n, rows in printed:
        parts += [f"<p>{line}</p>" for line in heading(title, n)]
        parts.append(html_table(rows))
        if n == 9:
            parts.append("<p>注：本部门2024年度无国有资本经营预算财政拨款收入支出，故本表无数据。</p>")
        if n == 8 and not any(row[2] not in ("", "0.00") for row in rows[3:] if len(row) > 2):
            parts.append("<p>注：本部门2024年度无政府性基金预算财政拨款收入支出，故本表无数据。</p>")
    return f'<html><head><meta charset="utf-8"><title>{UNIT}2024年度部门决算</title></head><body>' + "\n".join(parts) + "</body></html>"
