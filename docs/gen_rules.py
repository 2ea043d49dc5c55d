"""Write docs/rules.md from the finding catalogue (``budgetkit/data/findings.toml``) and the rules.

Run from the project root after editing the catalogue or a rule::

    .venv/bin/python docs/gen_rules.py

``tests/test_catalogue.py`` fails when docs/rules.md differs from what this script writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from budgetkit.checks import years
from budgetkit.checks.finding import _PAGES, CATALOGUE, FindingCode
from budgetkit.checks.rules import ALL_RULES

PAGE = Path(__file__).parent / "rules.md"


def render() -> str:
    """The whole page: the introduction, one section per rule with a table of its finding codes, the outro."""
    pages, rules = _PAGES["page"], _PAGES["rules"]
    out = [pages["intro"].strip(), ""]
    for rule in (*ALL_RULES, years.RULE):
        about = rules[rule.code]
        out += [f"## `{rule.code}` — {about['heading']}", ""]
        if about.get("text"):
            out += [about["text"].strip(), ""]
        out += ["| finding code | severity | part | what | message (zh) |", "| --- | --- | --- | --- | --- |"]
        for code in rule.codes:
            entry = CATALOGUE[code]
            severity = entry.severity_note or entry.severity.value
            what = entry.what_in.get(rule.code, entry.what)
            out.append(f"| `{code}` | {severity} | {_part(entry)} | {what} | {_message(entry)} |")
        out.append("")
        if about.get("after"):
            out += [about["after"].strip(), ""]
    out += [pages["outro"].strip(), ""]
    return "\n".join(out)


def _part(entry: FindingCode) -> str:
    """The part of the report the code's findings belong to: fixed by the catalogue, or its statement's."""
    return "its statement's" if entry.part is None else entry.part.value


def _message(entry: FindingCode) -> str:
    """The code's default Chinese message template (or its first variant), fields in braces, as code."""
    try:
        template = entry.template()
    except KeyError:
        template = next(iter(entry.messages.values()))
    return f"`{template.zh}`"


def main() -> int:
    PAGE.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {PAGE}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
