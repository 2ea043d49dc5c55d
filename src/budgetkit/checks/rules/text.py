"""Text that will be published: no unfilled template wording, doubled punctuation or doubled words left in it.

The texts are the 情况说明's passages, the projects' texts, the glossary and what the tables print under them.

Templates offer alternatives ("增加/减少", "增长/下降") and placeholders
("……", "…（具体项目）") for the unit to fill in; any of them left in a published
text is a defect (DOMAIN.md §2).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from budgetkit.checks.context import Context, Rule, make_finding
from budgetkit.checks.finding import Finding, Part, Words
from budgetkit.checks.section import SectionParts
from budgetkit.model.account import FinalAccount

__all__ = [
    "ANY_PLACEHOLDER",
    "PLACEHOLDERS",
    "RULES",
    "doubled_punctuation",
    "doubled_words",
    "may_report",
    "placeholders",
    "template_finding",
    "text_findings",
    "texts",
    "unclosed_brackets",
    "wording_findings",
]

#: Template wording and what it is, in the order they are looked for.
PLACEHOLDERS: tuple[tuple[str, str, str], ...] = (
    (r"增加/减少|增长/下降|提高/降低|上升/下降|增加或减少|增长或下降", "未选定的备选词", "unchosen alternatives"),
    (
        r"(?:增加|减少|增长|下降|大于|小于)（(?:增加|减少|增长|下降|大于|小于)）",
        "未选定的备选词",
        "unchosen alternatives",
    ),
    (r"（或[^）]*）", "模板中的备选句", "a template's alternative sentence"),
    (r"…+", "省略号占位符", "an ellipsis placeholder"),
    (r"[Xx×＊*]{2,}|某某", "占位符", "a placeholder"),
    (r"（具体[^）]*）|（团组名称[^）]*）", "待填写的说明", "a fill-in instruction"),
    (r"待填写|请填写|[（(]\s*(?:待|略)\s*[）)]", "待填写的标记", "a fill-in mark"),
    # the instruction above an empty table's note (无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明：)
    (r"仍保留该表格式|在本表下方作下述说明", "模板中的填表说明", "a template's instruction to the filler"),
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
    parts = SectionParts.of(account.passages)
    for i, passage in enumerate(account.passages):
        yield f"passages[{i}]", passage.text, parts(passage.section), passage.section
    for i, project in enumerate(account.projects):
        for field in ("goals", "results", "process", "conclusion", "problems", "measures"):
            text = getattr(project, field)
            if text:
                yield f"projects[{i}].{field}", text, Part.PROJECTS, project.label
    for i, entry in enumerate(account.glossary):
        yield f"glossary[{i}]", entry.definition, Part.TEXT, entry.term
    for i, table in enumerate(account.tables.tables):  # what a table prints under it: its notes, an empty one's 说明
        where = f"表{table.number}" if table.number else table.title
        if table.notes:  # one text: a note printed over two lines is two of them, and a bracket may close on the next
            yield f"tables.tables[{i}].notes", "\n".join(table.notes), Part.OTHER, where
        if table.empty_note:
            yield f"tables.tables[{i}].empty_note", table.empty_note, Part.OTHER, where


def template_finding(path: str, text: str, part: Part, where: str) -> Finding | None:
    """The finding for template wording left in one text, or ``None`` when there is none.

    >>> template_finding("passages[0]", "比2022年增加/减少0万元。", Part.TEXT, "十（一）").stated
    '增加/减少'
    """
    found = placeholders(text)
    if not found:
        return None
    shown = Words("、".join(f"“{m}”（{zh}）" for m, zh, _ in found), ", ".join(f"'{m}' ({en})" for m, _, en in found))
    excerpt = _one_line(text if len(text) <= 60 else text[:57] + "…")
    return make_finding(
        "text.template",
        path,
        stated=", ".join(m for m, _, _ in found),
        part=part,
        where=where,
        placeholders=shown,
        excerpt=excerpt,
    )


#: Two marks of the sentence's end or pause in a row (。。 ，， ，。 …), full-width or half-width.
_DOUBLED_PUNCTUATION = re.compile(r"[，。；：、][，。；：、]|,,|;;")
#: A word of two to six Chinese characters printed twice in a row ("项目项目", "支出支出").
_DOUBLED_WORD = re.compile(r"([\u4e00-\u9fff]{2,6})\1")
#: One-character doubles that are always slips, with the contexts where they are legitimate words.
_DOUBLED_CHARACTER = re.compile(r"(?<![目有端])的的(?![确士])|(?<![不明为完除得未])了了(?![之解结却])")
#: Words that Chinese doubles on purpose (研究研究: "look into it"); a repeat starting with 一 is a pattern (一个一个).
_REDUPLICATED = frozenset(
    {"研究", "讨论", "学习", "商量", "考虑", "休息", "打扫", "整理", "检查", "交流", "沟通", "了解"}
)
#: 部门 or 单位 twice where the first closes 本部门 / 该单位 … and the second opens a term (部门整体支出, 单位决算):
#: 本部门部门整体支出绩效自评得分 (Guangxi) is "this department's 部门整体支出", not a slip.
_DEMONSTRATIVE_THEN_TERM = re.compile(r"(?<=[本该我各])(部门|单位)\1(?=整体|决算|预算)")


def doubled_punctuation(text: str) -> list[str]:
    """Punctuation printed twice in a row (。。, ，，, ，。 …); an ellipsis (……) is not punctuation doubled.

    >>> doubled_punctuation("支出增加。。主要原因是……。")
    ['。。']
    """
    return [m.group(0) for m in _DOUBLED_PUNCTUATION.finditer(text)]


def doubled_words(text: str) -> list[str]:
    """Words printed twice in a row: 的的, 了了, or a repeated word of two or more characters.

    Legitimate doubles are not reported: one-character reduplication (常常, 人人, 看看), 目的的, 的的确确,
    的士, 不了了之, 了了解 (了 + 了解), verbs doubled on purpose (研究研究), patterns starting with 一 (一个一个) and
    本部门 followed by a term of 部门 (本部门部门整体支出, 该单位单位决算).

    >>> doubled_words("项目项目支出的的情况，常常看看，研究研究，实现目的的措施。")
    ['项目项目', '的的']
    >>> doubled_words("本部门部门整体支出绩效自评得分92分；部门部门整体支出。")
    ['部门部门']
    """
    found = [(m.start(), m.group(0)) for m in _DOUBLED_CHARACTER.finditer(text)]
    terms = {m.start() for m in _DEMONSTRATIVE_THEN_TERM.finditer(text)}
    for m in _DOUBLED_WORD.finditer(text):
        word = m.group(1)
        if word in _REDUPLICATED or word.startswith("一") or len(set(word)) == 1 or m.start() in terms:
            continue
        found.append((m.start(), m.group(0)))
    return [word for _, word in sorted(found)]


#: A line break inside a text, with the spaces around it.
_LINE_BREAK = re.compile(r"[ \t]*[\r\n]+[ \t]*")


def _one_line(excerpt: str) -> str:
    """An excerpt on one line: a line break of the source (a PDF's layout) becomes one space."""
    return _LINE_BREAK.sub(" ", excerpt)


def _excerpt(text: str, start: int, end: int) -> str:
    left, right = max(0, start - 12), min(len(text), end + 12)
    return _one_line(("…" if left else "") + text[left:right] + ("…" if right < len(text) else ""))


def _quoted(found: list[str]) -> Words:
    """The doubles found, each in quotation marks: joined by 、 in Chinese and by commas in English."""
    return Words("、".join(f"“{x}”" for x in found), ", ".join(f"“{x}”" for x in found))


def wording_findings(path: str, text: str, part: Part, where: str) -> list[Finding]:
    """Doubled punctuation and doubled words in one text, one finding of each kind at most.

    >>> [f.rule for f in wording_findings("passages[0]", "支出增加。。项目项目", Part.TEXT, "一")]
    ['text.doubled_punctuation', 'text.doubled_word']
    """
    found: list[Finding] = []
    marks = doubled_punctuation(text)
    if marks:
        m = _DOUBLED_PUNCTUATION.search(text)
        assert m is not None
        found.append(
            make_finding(
                "text.doubled_punctuation",
                path,
                stated=", ".join(marks),
                part=part,
                where=where,
                marks=_quoted(marks),
                excerpt=_excerpt(text, m.start(), m.end()),
            )
        )
    words = doubled_words(text)
    if words:
        first = text.find(words[0])
        found.append(
            make_finding(
                "text.doubled_word",
                path,
                stated=", ".join(words),
                part=part,
                where=where,
                words=_quoted(words),
                excerpt=_excerpt(text, first, first + len(words[0])),
            )
        )
    return found


def unclosed_brackets(text: str) -> list[int]:
    """The places of the brackets ``text`` opens and never closes (（ or (, closed by a bracket of either width; a
    closing bracket with none open, the enumerator of 1）2）, is no slip).

    >>> unclosed_brackets("十、（其中，绩效评级为优的项目39个。"), unclosed_brackets("（一）1）示例（含外宾)。")
    ([2], [])
    """
    opened: list[int] = []
    for m in _BRACKET.finditer(text):  # the brackets only: a text is scanned in C
        if m.group() in "（(":
            opened.append(m.start())
        elif opened:
            opened.pop()
    return opened


#: A round bracket of either width.
_BRACKET: Final = re.compile(r"[（()）]")
#: Where the clause a bracket opens in ends, for the finding's excerpt.
_BRACKET_CLAUSE: Final = re.compile(r"[。；\n]")


def _unclosed(path: str, text: str, part: Part, where: str) -> Finding | None:
    opened = unclosed_brackets(text)
    if not opened:
        return None
    at = opened[0]
    return make_finding(
        "text.unclosed_bracket",
        path,
        stated=_BRACKET_CLAUSE.split(text[at : at + 20], maxsplit=1)[0],  # the bracket's clause
        part=part,
        where=where,
        excerpt=_excerpt(text, at, at + 1),
    )


def text_findings(path: str, text: str, part: Part, where: str) -> list[Finding]:
    """Every finding of the text rule for one text, in the order :func:`budgetkit.check` reports them."""
    template = template_finding(path, text, part, where)
    unclosed = _unclosed(path, text, part, where)
    return (
        ([template] if template is not None else [])
        + wording_findings(path, text, part, where)
        + ([unclosed] if unclosed is not None else [])
    )


def _template(ctx: Context) -> Iterator[Finding]:
    for path, text, part, where in texts(ctx.account):
        yield from text_findings(path, text, part, where)


#: One pattern matching wherever any placeholder pattern matches: a text it does not match has no finding.
ANY_PLACEHOLDER = re.compile("|".join(f"(?:{pattern})" for pattern, _, _ in PLACEHOLDERS))


def may_report(text: str) -> bool:
    """Whether the text rule may report on ``text`` (a cheap screen: a text it rejects has no finding).

    >>> may_report("支出增加。"), may_report("支出增加。。")
    (False, True)
    """
    return any(
        pattern.search(text) is not None
        for pattern in (ANY_PLACEHOLDER, _DOUBLED_PUNCTUATION, _DOUBLED_WORD, _DOUBLED_CHARACTER)
    ) or bool(unclosed_brackets(text))


RULES = (
    Rule(
        code="text",
        title="公开文本中不留未填写的模板文字",
        title_en="No unfilled template wording in published text",
        func=_template,
        source="DOMAIN.md §2 [practice]",
        codes=("text.template", "text.doubled_punctuation", "text.doubled_word", "text.unclosed_bracket"),
    ),
)
