"""Text that will be published: no unfilled template wording left in it.

Templates offer alternatives ("增加/减少", "增长/下降") and placeholders
("……", "…（具体项目）") for the unit to fill in; any of them left in a published
text is a defect (DOMAIN.md §2).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from budgetkit.checks.context import Context, Rule, make_finding
from budgetkit.checks.finding import Finding, Part, Words
from budgetkit.checks.rules.claims import part_of
from budgetkit.model.account import FinalAccount

__all__ = ["ANY_PLACEHOLDER", "PLACEHOLDERS", "RULES", "placeholders", "template_finding", "texts"]

#: Template wording and what it is, in the order they are looked for.
PLACEHOLDERS: tuple[tuple[str, str, str], ...] = (
    (r"增加/减少|增长/下降|提高/降低|上升/下降|增加或减少|增长或下降", "未选定的备选词", "unchosen alternatives"),
    (r"（或[^）]*）", "模板中的备选句", "a template's alternative sentence"),
    (r"…+", "省略号占位符", "an ellipsis placeholder"),
    (r"[Xx×＊*]{2,}|某某", "占位符", "a placeholder"),
    (r"（具体[^）]*）|（团组名称[^）]*）", "待填写的说明", "a fill-in instruction"),
)
_COMPILED = tuple((re.compile(pattern), zh, en) for pattern, zh, en in PLACEHOLDERS)


def placeholders(text: str) -> list[tuple[str, str, str]]:
    """The template wording found in ``text``: (matched text, kind in Chinese, kind in English).

    >>> [m for m, _, _ in placeholders("比2022年增加/减少0万元，主要原因是……。")]
    ['增加/减少', '……']
    """
    found: list[tuple[int, str, str, str]] = []
    for pattern, zh, en in _COMPILED:
        found.extend((m.start(), m.group(0), zh, en) for m in pattern.finditer(text))
    found.sort()
    return [(match, zh, en) for _, match, zh, en in found]


def texts(account: FinalAccount) -> Iterator[tuple[str, str, Part, str]]:
    """Every published text of ``account``: (path, text, report part, where it stands), in the order checked.

    >>> from budgetkit import datasets
    >>> next(texts(datasets.load("zigong-hr-2023")))[0]
    'passages[0]'
    """
    for i, passage in enumerate(account.passages):
        yield f"passages[{i}]", passage.text, part_of(passage.section), passage.section
    for i, project in enumerate(account.projects):
        for field in ("goals", "results", "process", "conclusion", "problems", "measures"):
            text = getattr(project, field)
            if text:
                yield f"projects[{i}].{field}", text, Part.PROJECTS, project.label
    for i, entry in enumerate(account.glossary):
        yield f"glossary[{i}]", entry.definition, Part.TEXT, entry.term


def template_finding(path: str, text: str, part: Part, where: str) -> Finding | None:
    """The finding for template wording left in one text, or ``None`` when there is none.

    >>> template_finding("passages[0]", "比2022年增加/减少0万元。", Part.TEXT, "十（一）").stated
    '增加/减少'
    """
    found = placeholders(text)
    if not found:
        return None
    shown = Words("、".join(f"“{m}”（{zh}）" for m, zh, _ in found), ", ".join(f"'{m}' ({en})" for m, _, en in found))
    excerpt = text if len(text) <= 60 else text[:57] + "…"
    return make_finding(
        "text.template",
        path,
        stated=", ".join(m for m, _, _ in found),
        part=part,
        where=where,
        placeholders=shown,
        excerpt=excerpt,
    )


def _template(ctx: Context) -> Iterator[Finding]:
    for path, text, part, where in texts(ctx.account):
        finding = template_finding(path, text, part, where)
        if finding is not None:
            yield finding


#: One pattern matching wherever any placeholder pattern matches: a text it does not match has no finding.
ANY_PLACEHOLDER = re.compile("|".join(f"(?:{pattern})" for pattern, _, _ in PLACEHOLDERS))


RULES = (
    Rule(
        code="text",
        title="公开文本中不留未填写的模板文字",
        title_en="No unfilled template wording in published text",
        func=_template,
        source="DOMAIN.md §2 [practice]",
        codes=("text.template",),
    ),
)
