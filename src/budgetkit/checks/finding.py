"""Findings: what a check reports, as data.

A :class:`Finding` names the finding code that produced it (``rule``, a stable code from the
finding catalogue), its severity, the path to the place in the model, a message in Chinese and in
English, and the value stated beside the value expected. An empty list of findings means the
account is consistent.

The stated and expected values are typed (:data:`FindingValue`): an exact number
(:class:`~decimal.Decimal`; a :class:`~budgetkit.values.money.Money` or an ``int`` is kept as
its amount), an :class:`~budgetkit.values.interval.Interval`, or text. They are shown by
:func:`budgetkit.values.formatting.format_plain`, never as ``1E-12``, ``None`` or a repr.

>>> f = Finding(rule="claim.growth", severity=Severity.ERROR, path="claims[3]",
...     message="增长率与数据不符", message_en="growth rate does not follow", stated="6.86", expected="6.68")
>>> f.severity >= Severity.WARNING
True
>>> f.as_dict()["rule"]
'claim.growth'
>>> g = Finding(rule="claim.growth", severity=Severity.ERROR, path="claims[3]", message="…",
...     stated=Decimal("1E-12"))
>>> g.stated, g.stated_text, g.as_dict()["stated_value"]
(Decimal('1E-12'), '0.000000000001', {'kind': 'number', 'value': '0.000000000001'})
"""

from __future__ import annotations

import enum
import functools
import string
import tomllib
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from importlib import resources
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs

from budgetkit.errors import BudgetkitError
from budgetkit.reference.severity import Severity
from budgetkit.reference.vocabulary import PART_LABELS
from budgetkit.values.interval import Interval
from budgetkit.values.money import Money
from budgetkit.values.numbers import readable, round_half_up
from budgetkit.values.wording import LaterWords, Words, format_plain

__all__ = [
    "CATALOGUE",
    "SHARED_TEMPLATES",
    "Finding",
    "FindingCode",
    "FindingValue",
    "MessageTemplate",
    "Part",
    "Severity",
    "UnknownFindingCodeError",
    "Words",
    "render",
    "show_value",
    "typed_finding",
    "typed_value",
    "words",
]

#: The places an interval's ends are shown with in a finding's text (a Decimal keeps its own places).
_INTERVAL_PLACES = 4

#: A finding's stated or expected value: an exact number, an interval of values, or text.
FindingValue: TypeAlias = Decimal | Interval | str


def typed_value(value: object, places: int = 2) -> FindingValue | None:
    """Keep a value for a finding's stated/expected field, typed.

    Money and ints become their exact Decimal; a Fraction (an exact rational a rule computed) is
    rounded half-up to ``places``; an Interval and text are kept; ``None`` stays ``None``.

    >>> typed_value(Money("2.00")), typed_value(7), typed_value(Fraction(2, 3)), typed_value("增加/减少")
    (Decimal('2.00'), Decimal('7'), Decimal('0.67'), '增加/减少')
    >>> typed_value(0.5)
    Traceback (most recent call last):
    ...
    TypeError: a finding never holds a float
    """
    if value is None or isinstance(value, (Decimal, Interval, str)):
        return value
    if isinstance(value, Money):
        return value.amount
    if isinstance(value, (bool, float)):
        raise TypeError("a finding never holds a float")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Fraction):
        return round_half_up(value, places)
    raise TypeError(f"a finding's value is a number, an interval or text, not a {type(value).__name__}")


def _json_value(value: FindingValue | None) -> dict[str, Any] | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return {"kind": "number", "value": format_plain(value)}
    if isinstance(value, Interval):
        bound = {True: "open", False: "closed"}
        return {
            "kind": "interval",
            "low": None if value.lo is None else format_plain(value.lo, 6),
            "high": None if value.hi is None else format_plain(value.hi, 6),
            "low_end": bound[value.lo_open],
            "high_end": bound[value.hi_open],
            "text": format_plain(value, _INTERVAL_PLACES),
        }
    return {"kind": "text", "value": value}


class Part(enum.Enum):
    """The part of the report a finding belongs to, for grouping output (labels from the vocabulary)."""

    TOTALS = PART_LABELS["TOTALS"]
    INCOME = PART_LABELS["INCOME"]
    EXPENDITURE = PART_LABELS["EXPENDITURE"]
    FISCAL = PART_LABELS["FISCAL"]
    GENERAL_BUDGET = PART_LABELS["GENERAL_BUDGET"]
    THREE_PUBLIC = PART_LABELS["THREE_PUBLIC"]
    OTHER = PART_LABELS["OTHER"]
    PERFORMANCE = PART_LABELS["PERFORMANCE"]
    PROJECTS = PART_LABELS["PROJECTS"]
    TEXT = PART_LABELS["TEXT"]
    CHARTS = PART_LABELS["CHARTS"]


@attrs.frozen(kw_only=True)
class Finding:
    """One inconsistency found in an account.

    ``rule`` is the **finding code** (an entry of :data:`CATALOGUE`, or a code of the caller's own
    rule); the **rule** that reported it is a :class:`budgetkit.checks.context.Rule`. ``stated``
    and ``expected`` are typed (:data:`FindingValue`); ``stated_text``/``expected_text`` show them.
    """

    rule: str
    severity: Severity
    path: str
    message: str
    message_en: str = ""
    stated: FindingValue | None = attrs.field(default=None, converter=typed_value)
    expected: FindingValue | None = attrs.field(default=None, converter=typed_value)
    part: Part = Part.OTHER
    #: a catalogue template and its fields, when the messages are not worded yet (see :func:`typed_finding`)
    _wording: tuple[MessageTemplate, Mapping[str, object]] | None = attrs.field(
        default=None, init=False, eq=False, repr=False, hash=False
    )

    if not TYPE_CHECKING:  # hidden from type checkers, which would otherwise take any attribute name as a str

        def __getattr__(self, name: str) -> str:
            # only an unset message slot comes here: a finding made by typed_finding with a template is worded when
            # either message is first read (a batch of thousands of findings often reads none), then keeps both
            wording = object.__getattribute__(self, "_wording") if name in ("message", "message_en") else None
            if wording is None:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            zh, en = wording[0].fill(wording[1])
            set_message, set_message_en, set_wording = _WORDED_SLOTS
            set_message(self, zh)
            set_message_en(self, en)
            set_wording(self, None)
            return zh if name == "message" else en

    @property
    def code(self) -> str:
        """The finding code (the same as ``rule``, the name kept for compatibility)."""
        return self.rule

    @property
    def stated_text(self) -> str | None:
        """The stated value as text (plain decimals, :func:`~budgetkit.values.numbers.readable`), or None."""
        return None if self.stated is None else _shown_field(self.stated)

    @property
    def expected_text(self) -> str | None:
        """The expected value as text (plain decimals, :func:`~budgetkit.values.numbers.readable`), or None."""
        return None if self.expected is None else _shown_field(self.expected)

    def as_dict(self) -> dict[str, Any]:
        """The finding as plain data, for JSON output: values as text, and typed beside them.

        ``stated``/``expected`` are strings (or null) as before; ``stated_value``/``expected_value``
        say what kind of value it is (``number``, ``interval`` with its ends, or ``text``).
        """
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "path": self.path,
            "part": self.part.value,
            "message": self.message,
            "message_en": self.message_en,
            "stated": self.stated_text,
            "expected": self.expected_text,
            "stated_value": _json_value(self.stated),
            "expected_value": _json_value(self.expected),
        }


_NEW = object.__new__


def _slot_setters(cls: type, names: tuple[str, ...]) -> tuple[Any, ...]:
    """The setters of a slotted class's fields (its member descriptors' ``__set__``): several times cheaper per field
    than ``object.__setattr__``, which looks the name up and checks the class first."""
    return tuple(cls.__dict__[name].__set__ for name in names)


_FINDING_SLOTS = _slot_setters(
    Finding, ("rule", "severity", "path", "message", "message_en", "stated", "expected", "part", "_wording")
)
_WORDED_SLOTS = _slot_setters(Finding, ("message", "message_en", "_wording"))
_WORDS_SLOTS = _slot_setters(Words, ("zh", "en"))


def words(zh: str, en: str) -> Words:
    """``Words(zh, en)``, built as :func:`typed_finding` builds a finding (a message field made per finding).

    >>> words("项目", "projects") == Words("项目", "projects")
    True
    """
    made: Words = _NEW(Words)
    set_zh, set_en = _WORDS_SLOTS
    set_zh(made, zh)
    set_en(made, en)
    return made


def typed_finding(
    rule: str,
    severity: Severity,
    path: str,
    message: str | MessageTemplate,
    message_en: str | Mapping[str, object],
    stated: FindingValue | None,
    expected: FindingValue | None,
    part: Part,
) -> Finding:
    """A :class:`Finding` equal to ``Finding(rule=rule, …)``, built without running the converters again: for a caller
    that has already typed ``stated`` and ``expected`` (:func:`typed_value`), as
    :func:`~budgetkit.checks.context.make_finding` has.

    ``message`` may instead be a :class:`MessageTemplate` and ``message_en`` the fields that fill it: the finding is
    then worded when either message is first read (check the fields first: :meth:`MessageTemplate.check`). The finding
    is equal to the worded one, and ``message``/``message_en`` read the same; only the wording waits.

    >>> typed_finding("x.y", Severity.INFO, "p", "m", "e", Decimal("1"), None, Part.OTHER) == Finding(
    ...     rule="x.y", severity=Severity.INFO, path="p", message="m", message_en="e", stated=1)
    True
    >>> later = typed_finding("x.y", Severity.INFO, "p", MessageTemplate("共{n}项", "{n} items"), {"n": 3}, None, None,
    ...     Part.OTHER)
    >>> later.message_en, later == Finding(rule="x.y", severity=Severity.INFO, path="p", message="共3项",
    ...     message_en="3 items")
    ('3 items', True)
    """
    finding: Finding = _NEW(Finding)
    (
        set_rule, set_severity, set_path, set_message, set_message_en, set_stated, set_expected, set_part, set_wording
    ) = _FINDING_SLOTS
    set_rule(finding, rule)
    set_severity(finding, severity)
    set_path(finding, path)
    if type(message) is str:
        set_message(finding, message)
        set_message_en(finding, message_en)
        set_wording(finding, None)
    else:  # worded when read: the message slots stay unset until then (see Finding.__getattr__)
        set_wording(finding, (message, message_en))
    set_stated(finding, stated)
    set_expected(finding, expected)
    set_part(finding, part)
    return finding


def _frozen(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping))


@attrs.frozen
class MessageTemplate:
    """A finding's message in Chinese and English, with ``{name}`` fields a rule fills with typed values.

    Every field is shown through :func:`budgetkit.values.formatting.format_plain` (numbers plain,
    never ``1E-12``) or, for :class:`~budgetkit.values.formatting.Words`, in the message's language.
    ``{stated}`` and ``{expected}`` are the finding's own values.

    >>> t = MessageTemplate("合计{stated}与明细之和{expected}不符", "stated sum {stated} differs from {expected}")
    >>> t.render(stated=Decimal("1E+3"), expected=Fraction(1, 3))
    ('合计1000与明细之和0.33不符', 'stated sum 1000 differs from 0.33')
    """

    zh: str
    en: str
    #: both texts parsed once, at construction (see :func:`_compiled_pair`): what :meth:`fill` reads
    _parsed: tuple[_Pieces, _Pieces, tuple[tuple[str, int], ...]] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_parsed", _compiled_pair(self.zh, self.en))

    @property
    def fields(self) -> frozenset[str]:
        """The names of the fields both texts use."""
        names = set()
        for text in (self.zh, self.en):
            names |= {name for _, name, _, _ in string.Formatter().parse(text) if name}
        return frozenset(names)

    def check(self, values: Mapping[str, object]) -> None:
        """Raise KeyError, as :meth:`fill` would, when ``values`` lacks a field the texts show."""
        for name, _ in self._parsed[2]:
            if name not in values:
                raise KeyError(f"message field {name!r} is not given (template {self.zh!r} / {self.en!r})")

    def render(self, **values: object) -> tuple[str, str]:
        """The Chinese and English message with every field shown; a missing field raises KeyError."""
        return self.fill(values)

    def fill(self, values: Mapping[str, object]) -> tuple[str, str]:
        """:meth:`render` with the fields in a mapping (what :func:`~budgetkit.checks.context.make_finding` calls).

        >>> MessageTemplate("共{n}项", "{n} items").fill({"n": 3})
        ('共3项', '3 items')
        """
        zh, en, fields = self._parsed
        # one pass, each field shown once for both texts; the common kinds (text, exact numbers, words) without a call
        shown_zh: list[str] = []
        shown_en: list[str] = []
        try:
            for name, places in fields:
                value = values[name]
                kind = type(value)
                if kind is str:
                    text: str = value  # type: ignore[assignment]
                elif kind is Decimal:
                    text = str(value)  # readable(), its call saved unless written with an exponent or to 5+ places
                    if "E" in text or "e" in text or -1 < text.find(".") < len(text) - 5:
                        text = readable(value)  # type: ignore[arg-type]
                elif kind is Words:
                    shown_zh.append(value.zh)  # type: ignore[attr-defined]
                    shown_en.append(value.en)  # type: ignore[attr-defined]
                    continue
                elif isinstance(value, (Words, LaterWords)):
                    made = value.words() if isinstance(value, LaterWords) else value
                    shown_zh.append(made.zh)
                    shown_en.append(made.en)
                    continue
                else:  # a fraction or an interval at its places, an int, Money: the same in both texts
                    text = _show(value, "zh", places)
                shown_zh.append(text)
                shown_en.append(text)
        except KeyError:
            raise KeyError(f"message field {name!r} is not given (template {self.zh!r} / {self.en!r})") from None
        # each text joined from its literal pieces with the fields between them (no format string parsed per call)
        pieces, order = zh
        text_zh = pieces.copy()
        text_zh[1::2] = shown_zh if order is None else [shown_zh[k] for k in order]
        pieces, order = en
        text_en = pieces.copy()
        text_en[1::2] = shown_en if order is None else [shown_en[k] for k in order]
        return "".join(text_zh), "".join(text_en)  # type: ignore[arg-type]  # every slot is filled


def render(template: str, values: Mapping[str, object], language: str = "zh") -> str:
    """Fill ``template``'s ``{name}`` fields with ``values`` shown for a reader (see :class:`MessageTemplate`).

    >>> render("{what}{n}项", {"what": Words("项目", "projects"), "n": 3}, "en")
    'projects3项'
    """
    zh, en = _template(template).fill(values)
    return zh if language == "zh" else en


@functools.lru_cache(maxsize=512)
def _template(text: str) -> MessageTemplate:
    """One text as both languages of a template, parsed once (what :func:`render` fills)."""
    return MessageTemplate(text, text)


#: One text of a template for :meth:`MessageTemplate.fill`: its literal pieces with a slot (None) between each two
#: for a field, and the fields' numbers in the order the text shows them (None: each field once, in order).
_Pieces: TypeAlias = tuple[list[str | None], tuple[int, ...] | None]


def _compiled_pair(zh: str, en: str) -> tuple[_Pieces, _Pieces, tuple[tuple[str, int], ...]]:
    """Both texts of a :class:`MessageTemplate` parsed once, their fields numbered into one shared list of
    (name, places), so that a field both texts show is shown once.

    >>> _compiled_pair("共{n}项{{注}}", "{what}: {n} items")
    ((['共', None, '项{注}'], (0,)), (['', None, ': ', None, ' items'], (1, 0)), (('n', 2), ('what', 2)))
    """
    fields: list[tuple[str, int]] = []
    texts: list[tuple[list[str | None], list[int]]] = []
    for template in (zh, en):
        pieces: list[str | None] = [""]
        order: list[int] = []
        for literal, name, spec, _ in string.Formatter().parse(template):
            pieces[-1] += literal  # type: ignore[operator]  # the pieces at even places are text
            if name is not None:
                key = (name, int(spec) if spec else 2)
                if key not in fields:
                    fields.append(key)
                order.append(fields.index(key))
                pieces += [None, ""]
        texts.append((pieces, order))
    every = list(range(len(fields)))
    (zh_pieces, zh_order), (en_pieces, en_order) = texts
    return (
        (zh_pieces, None if zh_order == every else tuple(zh_order)),
        (en_pieces, None if en_order == every else tuple(en_order)),
        tuple(fields),
    )


def _shown_field(value: FindingValue) -> str:
    """A finding's stated or expected value as a reader sees it: a 万元 figure carried from 元 without its noughts."""
    return readable(value) if type(value) is Decimal else format_plain(value, _INTERVAL_PLACES)


def _show(value: object, language: str, places: int) -> str:
    """One field of a message: ``{name:4}`` shows a fraction or an interval with 4 places (2 by default)."""
    if isinstance(value, Words):
        return value.zh if language == "zh" else value.en
    if value is None:
        raise ValueError("a message never shows None")
    if isinstance(value, Money):
        return readable(value.amount)
    return format_plain(value, places)  # type: ignore[arg-type]


@attrs.frozen
class FindingCode:
    """One entry of the finding catalogue: what a finding code means, how much it matters, where it belongs.

    ``part`` is None for codes that belong to the part of the report their statement sits in (a claim,
    an explanation, a wording); ``severity_note`` says when the severity depends on the input;
    ``what_in`` words the code differently for one rule (the rule's code → text); ``messages`` are
    the code's message templates, by variant (``""`` is the default wording); ``shared`` names the
    template of :data:`SHARED_TEMPLATES` that words the code when it has no default of its own.

    >>> CATALOGUE["claim.growth"].severity, CATALOGUE["identity.balance"].part
    (<Severity.ERROR: 'error'>, <Part.TOTALS: '收入支出决算总体情况'>)
    >>> sorted(CATALOGUE["identity.balance"].messages[""].fields)
    ['expenditure', 'income', 'year']
    """

    code: str
    severity: Severity
    part: Part | None
    what: str
    severity_note: str = ""
    what_in: Mapping[str, str] = attrs.field(factory=dict, converter=_frozen)
    messages: Mapping[str, MessageTemplate] = attrs.field(factory=dict, converter=_frozen)
    shared: str = ""

    def template(self, variant: str = "") -> MessageTemplate:
        """The message template of ``variant`` (the default wording for ``""``); KeyError when there is none.

        >>> CATALOGUE["identity.procurement"].template().zh
        '{what}{stated}万元不等于各项之和{expected}万元（{labels}），超出四舍五入可解释的范围'
        """
        found = self.messages.get(variant)
        if found is None and not variant and self.shared:
            found = SHARED_TEMPLATES[self.shared]
        if found is None:
            raise KeyError(f"finding code {self.code!r} has no message template {variant or 'default'!r}")
        return found


class UnknownFindingCodeError(BudgetkitError, KeyError):
    """A finding code that is not in the catalogue (``code``): every finding must be documented there."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(f"finding code {code!r} is not in the catalogue (budgetkit/data/findings.toml)")

    def __str__(self) -> str:
        return str(self.args[0])


def _messages(entry: Mapping[str, Any]) -> dict[str, MessageTemplate]:
    found = {}
    if "message" in entry:
        found[""] = MessageTemplate(entry["message"], entry["message_en"])
    for variant, text in entry.get("variants", {}).items():
        found[variant] = MessageTemplate(text["message"], text["message_en"])
    return found


def _load_catalogue() -> tuple[Mapping[str, FindingCode], Mapping[str, Any]]:
    data = tomllib.loads(resources.files("budgetkit").joinpath("data/findings.toml").read_text(encoding="utf-8"))
    codes = {
        code: FindingCode(
            code=code,
            severity=Severity(entry["severity"]),
            part=None if entry["part"] == "section" else Part[entry["part"]],
            what=entry["what"],
            severity_note=entry.get("severity_note", ""),
            what_in=entry.get("what_in", {}),
            messages=_messages(entry),
            shared=entry.get("template", ""),
        )
        for code, entry in data["codes"].items()
    }
    return MappingProxyType(codes), MappingProxyType({k: v for k, v in data.items() if k != "codes"})


#: The finding catalogue: finding code → :class:`FindingCode` (package data ``data/findings.toml``).
CATALOGUE, _PAGES = _load_catalogue()

#: Message templates shared by several finding codes (a sum, a count): name → template.
SHARED_TEMPLATES: Mapping[str, MessageTemplate] = MappingProxyType(
    {name: MessageTemplate(t["message"], t["message_en"]) for name, t in _PAGES.get("templates", {}).items()}
)


def entry(code: str) -> FindingCode:
    """The catalogue entry of a finding code; raise :class:`UnknownFindingCodeError` for one it lacks.

    >>> entry("rounding.residue").severity.value
    'info'
    """
    found = CATALOGUE.get(code)
    if found is None:
        raise UnknownFindingCodeError(code)
    return found


def show_value(value: object, places: int = 2) -> str | None:
    """A finding's stated or expected value as text: plain decimals (never ``1E-12``), no ``None`` shown.

    Fractions are rounded half-up to ``places``; an interval shows its bounds.

    >>> show_value(Decimal("1E-12")), show_value(Decimal("-0.00")), show_value(Fraction(2, 3)), show_value(None)
    ('0.000000000001', '-0.00', '0.67', None)
    """
    typed = typed_value(value, places)
    return None if typed is None else format_plain(typed, places)
