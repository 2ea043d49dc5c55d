"""Checking a final account: run every rule, return every finding.

>>> from budgetkit import datasets
>>> findings = check(datasets.load("zigong-hr-2023"))
>>> any(f.severity is Severity.ERROR for f in findings)
True
>>> check(datasets.load("zigong-hr-2023"), disable=("claim", "identity", "rounding", "rate", "classification",
...     "project", "indicator", "text", "chart", "explanation", "funds", "selfeval", "narrative"))
[]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import attrs

from budgetkit.checks import years
from budgetkit.checks.context import Context, Rule, fmt
from budgetkit.checks.finding import Finding, Severity, Words
from budgetkit.checks.rules import ALL_RULES
from budgetkit.checks.rules.sums import CountCheck, SumCheck
from budgetkit.checks.scoring import ScoringRules
from budgetkit.errors import BudgetkitError
from budgetkit.model.account import FinalAccount
from budgetkit.reference.classification import ClassificationTable
from budgetkit.values.wording import Bilingual

#: The whole rule catalogue, immutable.
DEFAULT_RULES: tuple[Rule, ...] = ALL_RULES

__all__ = [
    "DEFAULT_RULES",
    "Context",
    "Coverage",
    "UnknownRuleError",
    "catalogue",
    "check",
    "check_disable",
    "coverage",
    "disabled",
    "fmt",
    "summary",
]


def catalogue() -> tuple[Rule, ...]:
    """Every registered rule, in the order they run.

    >>> [rule.code for rule in catalogue()][:2]
    ['identity', 'explanation']
    """
    return DEFAULT_RULES


class UnknownRuleError(BudgetkitError, ValueError):
    """A rule or finding code that no rule has (``code``), with the known prefixes (``known``)."""

    def __init__(self, code: str, known: Sequence[str]) -> None:
        self.code = code
        self.known = tuple(known)
        super().__init__(f"unknown rule or finding code {code!r}; known prefixes: {', '.join(self.known)}")


def _all_codes(rules: Iterable[Rule]) -> set[str]:
    return {code for rule in rules for code in (rule.code, *rule.codes)}


def disabled(code: str, disable: Sequence[str]) -> bool:
    """Whether a rule or finding code is left out by ``disable`` (codes or prefixes of them).

    >>> disabled("rounding.residue", ("rounding",)), disabled("claim.share", ("claim.sum",))
    (True, False)
    """
    return any(code == d or code.startswith(d + ".") for d in disable)


def check_disable(rules: Iterable[Rule], disable: Sequence[str]) -> None:
    """Raise :class:`UnknownRuleError` for a code in ``disable`` that no rule of ``rules`` has or reports."""
    codes = _all_codes((*rules, years.RULE))  # a join's codes (two years' reports) are named as any rule's
    unknown = [code for code in disable if not any(k == code or k.startswith(code + ".") for k in codes)]
    if unknown:
        raise UnknownRuleError(unknown[0], sorted({c.split(".")[0] for c in codes}))


def check(
    account: FinalAccount,
    rules: Iterable[Rule] | None = None,
    *,
    disable: Sequence[str] = (),
    min_severity: Severity = Severity.INFO,
    scoring: ScoringRules | None = None,
    zero_is_exact: bool = True,
    classification: ClassificationTable | None = None,
) -> list[Finding]:
    """Run ``rules`` (default: the whole catalogue) and return every finding; an empty list means consistent.

    - ``disable``: rule codes, finding codes, or prefixes of them to leave out (``"text"`` disables
      ``text.template``; ``"rounding"`` every ``rounding.*``). An unknown code raises
      :class:`UnknownRuleError`, so a typo never silently disables nothing.
    - ``min_severity``: drop findings below it.
    - ``scoring``: the :class:`~budgetkit.checks.scoring.ScoringRules` variant of the tables (default variant when None).
    - ``zero_is_exact``: take a printed 0 as exactly zero (reports print 0 for "none"), or as [0, 0.5) of its unit.
    - ``classification``: a full functional-classification table (:func:`budgetkit.reference.classification.load_table`)
      instead of the shipped partial one.

    >>> from budgetkit import datasets
    >>> seed = datasets.load("zigong-hr-2023")
    >>> [f.rule for f in check(seed, min_severity=Severity.ERROR, disable=("classification", "claim"))][:3]
    ['identity.three_public_vehicle', 'indicator.missing_actual', 'project.weight_total_row']
    >>> check(seed, disable=("txt",))
    Traceback (most recent call last):
    ...
    budgetkit.checks.audit.UnknownRuleError: unknown rule or finding code 'txt'; known prefixes: chart, claim, classification, explanation, funds, identity, indicator, narrative, project, rate, rounding, selfeval, table, text, years
    """
    chosen = DEFAULT_RULES if rules is None else tuple(rules)
    check_disable(chosen, disable)
    ctx = Context(account, scoring, zero_is_exact, classification)
    findings: list[Finding] = []
    for rule in chosen:
        if disabled(rule.code, disable):
            continue
        for finding in rule.func(ctx):
            if finding.severity >= min_severity and not disabled(finding.rule, disable):
                findings.append(finding)
    return findings


def summary(findings: Sequence[Finding]) -> Mapping[str, int]:
    """Counts by severity, for reports."""
    counts = {s.value: 0 for s in Severity}
    for f in findings:
        counts[f.severity.value] += 1
    counts["total"] = len(findings)
    return counts


class Unchecked(Bilingual):
    """An identity or comparison left unchecked, and why: the English line is the string (as it was before 0.2),
    the Chinese line is :attr:`zh`; ``budgetkit check`` prints the one of its ``--lang``.

    >>> line = Unchecked("收入总计 identity skipped: 年初结转和结余 absent", "收入总计 = 各项之和：年初结转和结余未公布")
    >>> line.startswith("收入总计"), line.zh
    (True, '收入总计 = 各项之和：年初结转和结余未公布')
    """


def _unchecked_lines(lines: Iterable[str]) -> tuple[Unchecked, ...]:
    """Skipped lines as :class:`Unchecked`: a plain string (a ``Coverage`` made as before 0.2) is its own Chinese
    line, so that :meth:`Coverage.as_dict` and :meth:`Coverage.combine` take it as they take the others."""
    return tuple(line if isinstance(line, Unchecked) else Unchecked(line, line) for line in lines)


@attrs.frozen
class Coverage:
    """What a check could verify and what it had to skip, and why (a figure the report does not print).

    ``checked`` counts the identities verified, by rule code; ``skipped`` words each identity left out
    with the figures it needed that are absent, in English and (:attr:`Unchecked.zh`) in Chinese.

    >>> from budgetkit import datasets
    >>> report = coverage(datasets.load("zigong-hr-2023"))
    >>> report.checked["identity"] > 0, report.checked.get("table", 0)
    (True, 0)
    >>> report.skipped[0], report.skipped[0].zh
    ('收入总计 identity skipped: 使用非财政拨款结余、年初结转和结余 absent', '收入总计 = 各项之和：使用非财政拨款结余、年初结转和结余未公布')
    """

    checked: Mapping[str, int]
    skipped: tuple[Unchecked, ...] = attrs.field(converter=_unchecked_lines)

    @property
    def total(self) -> int:
        """How many identities were verified in all."""
        return sum(self.checked.values())

    def as_dict(self) -> dict[str, object]:
        """``checked`` (counts by rule, and the total), ``skipped`` and ``skipped_zh`` (the same lines in Chinese) as
        plain data, for JSON."""
        return {
            "checked": {**self.checked, "total": self.total},
            "skipped": [str(line) for line in self.skipped],
            "skipped_zh": [line.zh for line in self.skipped],
        }

    @classmethod
    def combine(cls, named: Iterable[tuple[str, Coverage]]) -> Coverage:
        """The coverage of many accounts in all: counts added by rule, each skip prefixed with its account's name.

        >>> a = Coverage({"identity": 2}, (Unchecked("x skipped", "x 未核对"),))
        >>> b = Coverage({"identity": 1, "table": 5}, ())
        >>> both = Coverage.combine([("a.toml", a), ("b.toml", b)])
        >>> both, both.skipped[0].zh
        (Coverage(checked={'identity': 3, 'table': 5}, skipped=('a.toml: x skipped',)), 'a.toml：x 未核对')
        """
        checked: dict[str, int] = {}
        skipped: list[Unchecked] = []
        for name, one in named:
            for rule, count in one.checked.items():
                checked[rule] = checked.get(rule, 0) + count
            skipped.extend(Unchecked(f"{name}: {line}", f"{name}：{line.zh}") for line in one.skipped)
        return cls(checked=checked, skipped=tuple(skipped))


def coverage(account: FinalAccount, *, disable: Sequence[str] = ()) -> Coverage:
    """Which identities of ``account`` (its figures and its tables) were checked, and which skipped and why.

    An identity with a figure the report does not print is skipped (nothing is assumed to be 0);
    ``narrative`` counts the 情况说明's comparisons (direction words, adjustments, balances, years) and
    skips those whose figure is not printed; the claims, classification, project and text rules check
    what they find and are not counted, but a completion rate whose budget is not held (Liaoning's 三公
    ``决算为 25.20 万元，完成预算的 84.00%`` with no 预算数 printed anywhere) is listed as skipped.

    >>> from budgetkit import datasets
    >>> planning = coverage(datasets.load("putuo-planning-2024"))
    >>> planning.checked["table"] > 100
    True
    """
    from budgetkit.checks.rules import identity, tables

    checked: dict[str, int] = {}
    skipped: list[Unchecked] = []
    families = (("identity", identity.checks(account)), ("table", tables.sum_checks(account)))
    for family, checks in families:
        if disabled(family, disable):
            continue
        for check in checks:
            if isinstance(check, SumCheck | CountCheck):
                if disabled(check.code, disable):
                    continue
                if check.complete:
                    checked[family] = checked.get(family, 0) + 1
                    continue
                absent = _absent(check)
                skipped.append(Unchecked(f"{check.what} identity skipped: {absent.en}", f"{check.what} = 各项之和：{absent.zh}"))
            elif check.left is None or (check.right is None and check.kind != "operating_costs_unit_type"):
                name = check.words
                skipped.append(
                    Unchecked(f"{name.en} comparison skipped: a figure it compares is absent", f"{name.zh}：所比较的数字未公布")
                )
            else:
                checked[family] = checked.get(family, 0) + 1
    if not disabled("table", disable) and not disabled("table.link", disable):
        skipped.extend(Unchecked(words.en, words.zh) for words in tables.unchecked_links(account))
    if not disabled("narrative", disable) and account.passages:
        from budgetkit.checks.rules import narrative

        count, skipped_narrative = narrative.coverage(account)
        checked["narrative"] = count
        skipped.extend(Unchecked(words.en, words.zh) for words in skipped_narrative)
    if not disabled("claim", disable) and not disabled("claim.completion", disable):
        from budgetkit.checks.rules import claims

        skipped.extend(Unchecked(words.en, words.zh) for words in claims.unchecked_completions(account))
    return Coverage(checked=dict(checked), skipped=tuple(skipped))


def _absent(check: SumCheck | CountCheck) -> Words:
    """The figures an incomplete identity needed that the report does not print."""
    names: list[str] = [] if check.total is not None else [check.what]
    if isinstance(check, SumCheck):
        if not check.parts:
            return Words(zh="各项均未公布", en="no parts printed")
        names += [label for label, amount in check.parts if amount is None]
    elif not check.parts:
        return Words(zh="未列出各项", en="no parts given")
    else:
        missing = sum(1 for part in check.parts if part is None)
        names_en = [*names, *["a part"] * missing]
        names_zh = [*names, f"其中{missing}项"] if missing else names
        return Words(zh=f"{'、'.join(names_zh)}未公布", en=f"{'、'.join(names_en)} absent")
    return Words(zh=f"{'、'.join(names)}未公布", en=f"{'、'.join(names)} absent")
