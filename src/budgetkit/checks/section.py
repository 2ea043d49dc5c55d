"""The part of the report a section of 情况说明 belongs to, by what its headings say it is.

Provinces number the sections of their 情况说明 otherwise than the template (Chongqing prints the "三公"经费 as
二（七）, Beijing as 八, Guangxi as 六), so a finding is grouped by the words of the headings its section sits
under, as :func:`budgetkit.io.grammar.section_role` reads them; only a section whose headings say nothing
(an account built by hand, a heading the vocabulary does not know) is grouped by the template's number.

>>> from budgetkit.model.account import Passage
>>> parts = SectionParts.of((Passage(section="二", text="二、单位决算情况说明"),
...     Passage(section="二（七）", text="（七）“三公”经费情况说明\\n2023年度“三公”经费支出10.00万元。")))
>>> parts("二（七）").name, parts("二（七）1").name, part_by_number("二（七）").name
('THREE_PUBLIC', 'THREE_PUBLIC', 'INCOME')
>>> parts("二").name, parts("项目1").name  # a heading that names no part, in a layout that is not the template's
('OTHER', 'PROJECTS')
>>> template = SectionParts.of((Passage(section="二", text="二、收入决算情况说明"),))
>>> template("二").name, template("七（二）").name  # no heading printed: the template's number says what it is
('INCOME', 'THREE_PUBLIC')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Final

from budgetkit.checks.finding import Part
from budgetkit.model.account import Passage

__all__ = ["SectionParts", "part_by_number"]

#: The part of each section of the template by its number (the seed's layout: 十 其他重要事项, its （四） 预算绩效管理),
#: and of the labels that are not sections (a project's, a chart's).
_NUMBER_PARTS: Final = (
    ("一", Part.TOTALS),
    ("二", Part.INCOME),
    ("三", Part.EXPENDITURE),
    ("四", Part.FISCAL),
    ("五", Part.GENERAL_BUDGET),
    ("六", Part.GENERAL_BUDGET),
    ("七", Part.THREE_PUBLIC),
    ("八", Part.FISCAL),
    ("九", Part.FISCAL),
    ("十（四）", Part.PERFORMANCE),
    ("十", Part.OTHER),
    ("项目", Part.PROJECTS),
    ("图", Part.CHARTS),
)

#: The numbers of the template's sections of figures: the roles :func:`budgetkit.io.grammar.section_role` gives a
#: section of figures (its ``OTHER_SECTION`` and ``PROFILE_SECTION`` are of none), and what a section's number
#: says it is in a report numbered as the template.
_TEMPLATE_NUMBERS: Final = frozenset("一二三四五六七八九")
#: A section label: a section's number and its subsection's, then a point's ("五（三）2").
_LABEL: Final = re.compile(r"[一二三四五六七八九十]+(?:（[一二三四五六七八九十]+）)?")
#: What a heading opens with: its section's number (三、) or its subsection's (（七）). A passage that opens with a
#: sentence (an account whose passages were written without their headings) has none.
_HEADING: Final = re.compile(r"\s*(?:[一二三四五六七八九十]+\s*、|（[一二三四五六七八九十]+）)")
#: A heading of 预算绩效管理情况 among the headings a section of no figures sits under (read to its first clause
#: mark, as :func:`budgetkit.io.grammar.section_role` reads a heading).
_PERFORMANCE: Final = re.compile(r"^[^。：:，,；;]*绩效")


def part_by_number(section: str) -> Part:
    """The report part of a section label by the template's numbering alone (the seed's layout).

    >>> part_by_number("七（二）1").name, part_by_number("十（四）").name, part_by_number("十一").name
    ('THREE_PUBLIC', 'PERFORMANCE', 'OTHER')
    """
    for prefix, part in _NUMBER_PARTS:
        if section.startswith(prefix) and not (prefix == "十" and section.startswith("十（四）")):
            return part
    return Part.OTHER


class SectionParts:
    """The report part of every section label of one account's 情况说明, by its headings (see the module).

    Build one per account (:meth:`of`) and call it with a label; labels are read once each.
    """

    __slots__ = ("_first_lines", "_known", "_numbered_as_template")

    def __init__(self, first_lines: Mapping[str, str]) -> None:
        self._first_lines = first_lines
        self._known: dict[str, Part] = {}
        self._numbered_as_template: bool | None = None

    @classmethod
    def of(cls, passages: Iterable[Passage]) -> SectionParts:
        """The parts of the sections of ``passages`` (an account's)."""
        first_lines: dict[str, str] = {}
        for passage in passages:
            first_lines.setdefault(passage.section, passage.text.partition("\n")[0])
        return cls(first_lines)

    def headings(self, section: str) -> tuple[str, ...]:
        """The headings ``section`` sits under, as printed: its section's, then its subsection's ("" where none).

        A section's heading is the first line of its first passage, when that line opens with the section's number; a
        point (五（三）2) sits under the headings of its section and subsection, not under its own first line (the
        sentence it opens).

        >>> parts = SectionParts.of((Passage(section="三", text="三、一般公共预算财政拨款支出决算情况"),
        ...     Passage(section="三（一）", text="（一）总体情况"), Passage(section="三（一）1", text="1、教育支出 7 万元。"),
        ...     Passage(section="四", text="财政拨款收、支总计 9 万元。")))
        >>> parts.headings("三（一）1"), parts.headings("四（二）"), parts.headings("第三部分")
        (('三、一般公共预算财政拨款支出决算情况', '（一）总体情况'), ('', ''), ())
        """
        m = _LABEL.match(section)
        if m is None:
            return ()
        top = m.group().partition("（")[0]
        return tuple(self._heading(s) for s in dict.fromkeys((top, m.group())))

    def _heading(self, section: str) -> str:
        """The heading printed at the head of ``section``'s first passage ("" when it opens with a sentence)."""
        line = self._first_lines.get(section, "")
        return line if _HEADING.match(line) else ""

    def __call__(self, section: str) -> Part:
        """The part of ``section``: by its headings' words; else, in a report numbered as the template, by its number
        (:func:`part_by_number`); else 其他 (a heading that names no part: 二、单位决算情况说明)."""
        part = self._known.get(section)
        if part is None:
            part = self._known[section] = self._part(section)
        return part

    def numbered_as_template(self) -> bool:
        """Whether the sections are numbered as the template's: no heading of 一 to 九 names another section, and
        no heading of one of their subsections names another section of figures.

        Only then does a section's number say what it is when its heading does not (Chongqing prints its
        sections as the subsections of 二、单位决算情况说明; Beijing's 一 is 部门基本情况).

        >>> SectionParts.of((Passage(section="一", text="一、部门基本情况"),)).numbered_as_template()
        False
        >>> SectionParts.of((Passage(section="二", text="二、收入情况"),)).numbered_as_template()
        True
        >>> SectionParts.of((Passage(section="二（一）", text="（一）收入支出决算总体情况说明"),)).numbered_as_template()
        False
        """
        if self._numbered_as_template is None:
            from budgetkit.io.grammar import section_role

            def agrees(section: str, heading: str) -> bool:
                top = section.partition("（")[0]
                if top not in _TEMPLATE_NUMBERS:
                    return True
                role = section_role("", heading)
                if top == section:  # a section's heading names its own number's section, or nothing known
                    return role in ("", section)
                return role not in _TEMPLATE_NUMBERS or role == top  # a subsection's names its section's

            self._numbered_as_template = all(
                agrees(section, self._heading(section)) for section in self._first_lines if _LABEL.fullmatch(section)
            )
        return self._numbered_as_template

    def _part(self, section: str) -> Part:
        from budgetkit.io.grammar import OTHER_SECTION, PROFILE_SECTION, section_role

        headings = [h for h in self.headings(section) if h]
        role = section_role("", *headings) if headings else ""
        if role in _TEMPLATE_NUMBERS:
            return part_by_number(role)
        if role == OTHER_SECTION:
            return Part.PERFORMANCE if any(_PERFORMANCE.search(h) for h in headings) else Part.OTHER
        if role == PROFILE_SECTION or (_LABEL.match(section) and not self.numbered_as_template()):
            return Part.OTHER
        return part_by_number(section)
