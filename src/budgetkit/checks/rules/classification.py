"""Functional-classification lines: names resolve to codes, 项 sit under the right 款, one edition.

Each printed line is resolved against the classification table
(:mod:`budgetkit.reference.classification`); the resolver's issues become findings.
The rule never accuses on what it cannot prove: a name or code the partial
shipped table does not know is info, and a generic 项 name (行政运行, 事业运行 …,
:func:`~budgetkit.reference.classification.is_generic`) is placed only by its printed code
or by its 款 — the printed line's, or the parent line's in the tree — never by
the name alone.
Names are judged against the report's own year as the edition. The rule reads
only the year and each line's level, name, printed text, code and place in the
tree, so accounts alike in those have the same findings (:mod:`budgetkit.checks.batch`
checks each such shape once).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, MutableMapping
from typing import Any, Protocol

from budgetkit.checks.context import Context, Rule, make_finding
from budgetkit.checks.finding import Finding, Part, Severity, Words
from budgetkit.errors import ClassificationError
from budgetkit.model.category import CategoryLevel, lines_with_paths
from budgetkit.reference.classification import (
    MAX_EDITION,
    MIN_EDITION,
    ClassificationTable,
    Level,
    Resolution,
    ResolutionIssue,
    check_editions,
    is_generic,
    resolve_code,
    resolve_line,
    resolve_name,
)
from budgetkit.reference.classification import functional_table as _table

__all__ = ["RULES", "Line", "classification_findings", "line_findings"]

_ONCE_PER_NAME = frozenset({"outdated_name", "variant_spelling", "unknown_name", "name_after_edition"})
_LEVELS = {"类": Level.CLASS, "款": Level.SECTION, "项": Level.ITEM}


def _severity(issue: ResolutionIssue, partial: bool) -> Severity:
    if issue.code == "unknown_name" and partial:
        return Severity.INFO  # the shipped table is partial: not in it is not wrong
    return Severity(issue.severity)


def _finding(issue: ResolutionIssue, path: str, partial: bool) -> Finding:
    return make_finding(
        f"classification.{issue.code}",
        path,
        stated=issue.name,
        severity=_severity(issue, partial),
        template="issue",
        detail=Words(issue.message, issue.message_en),
    )


class Line(Protocol):
    """What the rule reads of a category line (an :class:`~budgetkit.model.category.ExpenseCategory` has it)."""

    @property
    def level(self) -> CategoryLevel: ...
    @property
    def name(self) -> str: ...
    @property
    def printed(self) -> str: ...
    @property
    def code(self) -> str | None: ...


def _resolve(
    line: Line, table: ClassificationTable, edition: int, parent: Line | None = None
) -> Resolution | ClassificationError:
    try:
        if line.printed:
            return resolve_line(line.printed, table=table, edition=edition)
        level = _LEVELS[line.level.value]
        if level is Level.ITEM and is_generic(line.name, table):
            if line.code is not None:
                return resolve_code(line.code, line.name, table=table, edition=edition)
            if parent is not None:
                # the parent line places a generic name: resolve "款（款）项（项）" and keep the 项's issues
                text = f"{parent.name}（{parent.level.value}）{line.name}（项）"
                whole = resolve_line(text, table=table, edition=edition)
                own = tuple(issue for issue in whole.issues if issue.level is Level.ITEM)
                return Resolution(whole.text, whole.parts, own, whole.edition)
        return resolve_name(line.name, level, table=table, edition=edition)
    except ClassificationError as exc:
        return exc


def _parent_path(path: str) -> str | None:
    head, dot, _ = path.rpartition(".children[")
    return head if dot else None


def _classification(ctx: Context) -> Iterator[Finding]:
    return classification_findings(ctx)


def classification_findings(ctx: Context, memo: MutableMapping[Any, Any] | None = None) -> Iterator[Finding]:
    """The rule's findings for ``ctx.account`` (see :func:`line_findings`).

    >>> from budgetkit import datasets
    >>> [f.rule for f in classification_findings(Context(datasets.load("zigong-hr-2023")))][:2]
    ['classification.item_not_in_section', 'classification.item_not_in_section']
    """
    lines = lines_with_paths(ctx.account.general_budget.categories)
    return line_findings(ctx.account.year, lines, memo, table=ctx.classification)


def line_findings(
    year: int,
    lines: Iterable[tuple[str, Line]],
    memo: MutableMapping[Any, Any] | None = None,
    *,
    table: ClassificationTable | None = None,
) -> Iterator[Finding]:
    """The findings for the category ``lines`` (path, line; depth first) of a report of ``year``.

    ``memo``, when given, keeps each line's resolution and the editions its names
    span (pure functions of the text, the table and the edition), so that many
    reports sharing lines resolve each one once; the findings are the same.

    >>> from budgetkit import datasets
    >>> seed = datasets.load("zigong-hr-2023")
    >>> memo: dict[object, object] = {}
    >>> lines = list(lines_with_paths(seed.general_budget.categories))
    >>> once = list(line_findings(seed.year, lines, memo))
    >>> once == list(line_findings(seed.year, lines, memo)) == list(line_findings(seed.year, lines)), len(memo) > 10
    (True, True)
    """
    table = _table() if table is None else table
    edition = year
    resolutions: list[Resolution] = []
    reported: set[tuple[str, str]] = set()
    seen: dict[str, Line] = {}
    for path, line in lines:
        seen[path] = line
        parent_path = _parent_path(path)
        parent = seen.get(parent_path) if parent_path is not None else None
        if memo is None:
            outcome = _resolve(line, table, edition, parent)
        else:
            context = (parent.name, parent.level) if parent is not None and not line.printed else None
            line_key = (
                "line", id(table), edition, line.printed, "" if line.printed else line.name, line.level,
                None if line.printed else line.code, context,
            )  # fmt: skip
            known: Resolution | ClassificationError | None = memo.get(line_key)
            outcome = known if known is not None else _resolve(line, table, edition, parent)
            memo[line_key] = outcome
        if isinstance(outcome, ClassificationError):
            yield make_finding(
                "classification.unreadable",
                path,
                stated=line.printed or line.name,
                problem=str(outcome),
                part=Part.GENERAL_BUDGET,
            )
            continue
        resolution = outcome
        resolutions.append(resolution)
        for issue in resolution.issues:
            key = (issue.code, issue.name)
            if issue.code in _ONCE_PER_NAME and key in reported:
                continue  # a 款 name repeated in each of its 项 lines is one finding
            reported.add(key)
            yield _finding(issue, path, table.is_partial)
        code = resolution.code_of(_LEVELS[line.level.value])
        if line.code is not None and code is not None and line.code != code:
            yield make_finding(
                "classification.code_name",
                f"{path}.code",
                stated=line.code,
                name=line.name,
                expected=code,
                part=Part.GENERAL_BUDGET,
            )
    clashes = check_editions(resolutions) if memo is None or _may_clash(resolutions, memo) else ()
    if clashes:
        yield make_finding(
            "classification.mixed_editions",
            "general_budget.categories",
            clashes=Words("；".join(issue.message for issue in clashes), "; ".join(issue.message_en for issue in clashes)),
            part=Part.GENERAL_BUDGET,
        )


def _may_clash(resolutions: list[Resolution], memo: MutableMapping[Any, Any]) -> bool:
    """Whether two names of ``resolutions`` may come from disjoint editions.

    Edition ranges are intervals: they overlap pairwise exactly when the latest
    first edition is no later than the earliest last one, so :func:`check_editions`
    can only report something when that fails. Each resolution's span is memoised.
    """
    latest_first, earliest_last = MIN_EDITION, MAX_EDITION
    for resolution in resolutions:
        key = ("span", id(resolution))  # resolutions in the memo stay alive, so their ids name them
        span: tuple[int, int] | None = memo.get(key)
        if span is None:
            span = memo[key] = _span(resolution)
        latest_first, earliest_last = max(latest_first, span[0]), min(earliest_last, span[1])
    return latest_first > earliest_last


def _span(resolution: Resolution) -> tuple[int, int]:
    first, last = MIN_EDITION, MAX_EDITION
    for part in resolution.parts:
        editions = part.editions
        if editions is not None:
            first, last = max(first, editions.first or MIN_EDITION), min(last, editions.last or MAX_EDITION)
    return first, last


RULES = (
    Rule(
        code="classification",
        title="功能分类科目名称可识别、项归属正确的款、全文使用同一版本的科目名称",
        title_en="Category names resolve, each 项 is under its own 款, and all names come from one edition",
        func=_classification,
        source="DOMAIN.md §4; 财政部《政府收支分类科目》",
        codes=(
            "classification.unknown_name",
            "classification.generic_name",
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
