"""A small downstream generator: a Markdown brief of an account's "三公" spending and project scores.

Built only on budgetkit's public API, as a program outside the package would be:

    python examples/downstream_generator.py                       # the built-in report, to stdout
    python examples/downstream_generator.py my-report.toml -o brief.md

The brief lists the "三公" figures with their shares (and last year's change when
printed), the reception events per person, every self-evaluation table's stated
total beside the total the scoring rules give, and the error-level findings of
``budgetkit.check`` in those parts of the report.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from budgetkit import FinalAccount, Finding, Money, Ratio, Severity, check, datasets, io, shares
from budgetkit.checks.finding import Part
from budgetkit.checks.scoring import score_project
from budgetkit.model.account import Figure
from budgetkit.values.formatting import format_count, format_money, format_percent, heading

#: The parts of "三公"经费, as the report names them.
THREE_PUBLIC_PARTS = (
    ("outbound", "因公出国（境）费"),
    ("vehicle", "公务用车购置及运行维护费"),
    ("reception", "公务接待费"),
)


def load(source: str) -> FinalAccount:
    """A built-in dataset by name, or an account file (.toml/.json)."""
    if source in datasets.names():
        return datasets.load(source)
    return io.load(source)


def _money(figure: Figure) -> str:
    return "（未公布）" if figure.current is None else format_money(figure.current)


def _change(figure: Figure) -> str:
    moved = figure.change()
    return "—" if moved is None else moved.describe()


def three_public_section(account: FinalAccount) -> list[str]:
    """The "三公"经费 table, its shares of the total, and the reception events per person."""
    tp = account.three_public
    figures = [getattr(tp, field) for field, _ in THREE_PUBLIC_PARTS]
    known = [f.current for f in figures if f.current is not None]
    split = shares(known) if len(known) == len(figures) else None
    lines = [
        f"## {heading(1)}\u201c三公\u201d经费",
        "",
        "| 项目 | 决算数 | 占比 | 与上年相比 |",
        "| --- | ---: | ---: | --- |",
    ]
    for index, ((_, label), figure) in enumerate(zip(THREE_PUBLIC_PARTS, figures, strict=True)):
        share = "—" if split is None else format_percent(split.rounded[index])
        lines.append(f"| {label} | {_money(figure)} | {share} | {_change(figure)} |")
    whole = "—" if split is None or split.rounded[0] is None else "100.00%"  # shares of a zero total are undefined
    lines.append(f"| 合计 | {_money(tp.total)} | {whole} | {_change(tp.total)} |")
    if tp.events:
        spent = Money.sum(event.cost for event in tp.events)
        persons = sum(event.persons for event in tp.events)
        each = Ratio(spent.yuan, persons).rounded(2)
        per_person = "—" if each is None else format_money(Money.from_yuan(each), unit="元")
        lines += [
            "",
            f"公务接待{format_count(len(tp.events), '批次')}、{format_count(persons, '人次')}，"
            f"共{format_money(spent, unit='元')}，人均{per_person}。",
        ]
    return lines


def projects_section(account: FinalAccount) -> list[str]:
    """One row per self-evaluated project: money, execution rate, stated and rule totals, grade."""
    lines = [
        f"## {heading(2)}项目支出绩效自评",
        "",
        "| 项目 | 执行数 | 预算执行率 | 自评得分 | 按评分规则 | 自评等级 |",
        "| --- | ---: | ---: | ---: | ---: | :---: |",
    ]
    notes: list[str] = []
    for project in account.evaluated_projects:
        score = score_project(project)
        executed = project.funds.total.executed
        rule_total = score.rule_total_rounded(2)
        stated = project.stated_total
        lines.append(
            f"| {project.name} | {'—' if executed is None else format_money(executed)} "
            f"| {format_percent(project.execution_rate)} | {'—' if stated is None else stated} "
            f"| {'—' if rule_total is None else rule_total} | {score.stated_grade or '—'} |"
        )
        for row in score.disagreements():
            notes.append(f"- {project.name}：{row.indicator.name}自评{row.stated}分；{row.explanation}")
    if notes:
        lines += ["", "自评得分与评分规则不一致的指标：", "", *notes]
    return lines


def findings_section(findings: Sequence[Finding]) -> list[str]:
    """The error-level findings about "三公"经费 and the projects, one bullet each."""
    lines = [f"## {heading(3)}检查发现的错误", ""]
    if not findings:
        return [*lines, "未发现错误。"]
    return lines + [f"- `{f.rule}`（{f.path}）：{f.message}" for f in findings]


def brief(account: FinalAccount) -> str:
    """The whole Markdown brief of ``account``."""
    parts = {Part.THREE_PUBLIC, Part.PERFORMANCE, Part.PROJECTS}
    errors = [f for f in check(account, min_severity=Severity.ERROR) if f.part in parts]
    lines = [
        f"# {account.unit} {account.year}年度\u201c三公\u201d经费与项目绩效摘要",
        "",
        *three_public_section(account),
        "",
        *projects_section(account),
        "",
        *findings_section(errors),
    ]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Write the brief of SOURCE to OUTPUT (default: standard output)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("source", nargs="?", default="zigong-hr-2023", help="a built-in dataset or an account file")
    parser.add_argument("-o", "--output", type=Path, help="the Markdown file to write")
    args = parser.parse_args(argv)
    text = brief(load(args.source))
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
        print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
