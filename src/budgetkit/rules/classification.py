"""Functional-classification lines: names resolve to codes, 项 sit under the right 款, one edition.

Each printed line is resolved against the classification table
(:mod:`budgetkit.classification`); the resolver's issues become findings.
Names are judged against the report's own year as the edition.
"""

from __future__ import annotations

from collections.abc import Iterator

from budgetkit.category import ExpenseCategory
from budgetkit.classification import Level, Resolution, ResolutionIssue, check_editions, resolve_line, resolve_name
from budgetkit.classification import functional_table as _table
from budgetkit.context import Context
from budgetkit.errors import ClassificationError
from budgetkit.finding import Finding, Part, Rule, Severity

_ONCE_PER_NAME = frozenset({"outdated_name", "variant_spelling", "unknown_name", "name_after_edition"})
_LEVELS = {"类": Level.CLASS, "款": Level.SECTION, "项": Level.ITEM}


def _severity(issue: ResolutionIssue, partial: bool) -> Severity:
    if issue.code == "unknown_name" and partial:
        return Severity.WARNING  # the shipped table is partial: unknown is not wrong
    return Severity(issue.severity)


def _lines(categories: tuple[ExpenseCategory, ...], path: str) -> Iterator[tuple[str, ExpenseCategory]]:
    for i, category in enumerate(categories):
        here = f"{path}[{i}]"
        yield here, category
        yield from _lines(category.children, f"{here}.children")


def _finding(ctx: Context, issue: ResolutionIssue, path: str, partial: bool) -> Finding:
    return ctx.finding(
        f"classification.{issue.code}",
        _severity(issue, partial),
        path,
        issue.message,
        issue.message_en,
        stated=issue.name,
        part=Part.GENERAL_BUDGET,
    )


def _classification(ctx: Context) -> Iterator[Finding]:
    table = _table()
    edition = ctx.account.year
    resolutions: list[Resolution] = []
    reported: set[tuple[str, str]] = set()
    for path, line in _lines(ctx.account.general_budget.categories, "general_budget.categories"):
        try:
            if line.printed:
                resolution = resolve_line(line.printed, table=table, edition=edition)
            else:
                resolution = resolve_name(line.name, _LEVELS[line.level.value], table=table, edition=edition)
        except ClassificationError as exc:
            yield ctx.finding(
                "classification.unreadable",
                Severity.ERROR,
                path,
                f"无法识别的科目名称：{exc}",
                f"cannot read the category line: {exc}",
                stated=line.printed or line.name,
                part=Part.GENERAL_BUDGET,
            )
            continue
        resolutions.append(resolution)
        for issue in resolution.issues:
            key = (issue.code, issue.name)
            if issue.code in _ONCE_PER_NAME and key in reported:
                continue  # a 款 name repeated in each of its 项 lines is one finding
            reported.add(key)
            yield _finding(ctx, issue, path, table.is_partial)
        code = resolution.code_of(_LEVELS[line.level.value])
        if line.code is not None and code is not None and line.code != code:
            yield ctx.finding(
                "classification.code_name",
                Severity.ERROR,
                f"{path}.code",
                f"科目编码{line.code}与名称“{line.name}”不符（该名称的编码为{code}）",
                f"code {line.code} does not match the name {line.name!r} (whose code is {code})",
                stated=line.code,
                expected=code,
                part=Part.GENERAL_BUDGET,
            )
    clashes = check_editions(resolutions)
    if clashes:
        yield ctx.finding(
            "classification.mixed_editions",
            Severity.WARNING,
            "general_budget.categories",
            "报告混用了不同年度版本的科目名称：" + "；".join(issue.message for issue in clashes),
            "the report mixes names from different editions: " + "; ".join(issue.message_en for issue in clashes),
            part=Part.GENERAL_BUDGET,
        )


RULES = (
    Rule(
        code="classification",
        title="功能分类科目名称可识别、项归属正确的款、全文使用同一版本的科目名称",
        title_en="Category names resolve, each 项 is under its own 款, and all names come from one edition",
        func=_classification,
        source="DOMAIN.md §4; 财政部《政府收支分类科目》",
        codes=(
            "classification.unknown_name",
            "classification.ambiguous_name",
            "classification.section_not_in_class",
            "classification.item_not_in_section",
            "classification.item_not_in_class",
            "classification.mixed_editions",
            "classification.outdated_name",
            "classification.name_after_edition",
            "classification.variant_spelling",
            "classification.code_name",
            "classification.unreadable",
        ),
    ),
)
