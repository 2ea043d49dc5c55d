"""The blocks a written narrative is made of: headings, and paragraphs with the claims their numbers make.

>>> Paragraph("一", "2024年度收入支出总计9859.38万元。").claims
()
"""

from __future__ import annotations

import attrs

from budgetkit.model.claim import Claim

__all__ = ["Heading", "Paragraph"]


@attrs.frozen
class Heading:
    """A heading: level 1 is the part's title, 2 a section (一、), 3 a subsection (（一）)."""

    level: int
    text: str


@attrs.frozen
class Paragraph:
    """A paragraph of the report, with the section its claims belong to."""

    section: str
    text: str
    claims: tuple[Claim, ...] = ()
