"""Scoring of project performance self-evaluations (项目支出绩效自评): rule scores beside stated ones.

A self-evaluation table gives 预算执行情况 10 points and 绩效指标 90 points. For each
row the rule says what the score should be (A = 指标值, B = 完成值, w = 权重):

- 正向 (≥, >): B ≥ A → w, otherwise B/A·w;
- 等于 (=): as 正向 when A > 0; when A = 0, B ≤ 0 → w, otherwise 0;
- 反向 (≤, <): B ≤ A → w, otherwise (1 − (B−A)/A)·w and 0 once B ≥ 2A, or A/B·w
  (:class:`ReverseFormula`);
- 定性: the score is not computed but must lie in the band the actual falls in.

Scores are exact (``fractions.Fraction`` inside, never a float) and rounded
half-up only when compared with a stated 得分, at that score's own precision
unless the rules say otherwise. The rule variants are package data
(``budgetkit/data/scoring_variants.toml``, dated and sourced) and available as
:data:`VARIANTS`.

A row of the seed's 档案专项 table: the rule gives 1549/2700×20 = 11.47…, and the
stated 11 is that score at the table's integer precision.

>>> from budgetkit.model.indicator import PerformanceIndicator
>>> row = PerformanceIndicator(level1="产出指标", level2="数量指标", level3="档案增长量",
...     operator="≥", target="2700", unit="份", actual="1549", weight="20", stated_score="11")
>>> s = score_indicator(row)
>>> s.formula, s.rule_rounded(2), s.matches
('positive_ratio', Decimal('11.47'), True)
>>> s.explanation
'正向指标：完成值1549 < 指标值2700，得分 = 1549/2700×20 = 11.47'
"""

from __future__ import annotations

import decimal
import enum
import itertools
import tomllib
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from importlib import resources
from types import MappingProxyType
from typing import Any, NamedTuple, TypeAlias

import attrs

from budgetkit.errors import BudgetkitError, LoadError, LoadIssue, ModelError
from budgetkit.model.indicator import Operator, PerformanceIndicator
from budgetkit.model.project import Project
from budgetkit.values import validators as v
from budgetkit.values.numbers import EXACT, half_up_units, places_of, round_half_up, to_decimal
from budgetkit.values.ratio import Ratio

__all__ = [
    "DEFAULT_RULES",
    "FULL_SCORE",
    "GRADE_WORDS",
    "QUALITATIVE_WORDS",
    "VARIANTS",
    "ExecutionVariant",
    "Formula",
    "IndicatorScore",
    "PrincipleWeight",
    "ProjectScore",
    "QualitativeBand",
    "ReverseFormula",
    "ScoringRules",
    "agrees_at",
    "apply_formula",
    "below_target_grade",
    "execution_score",
    "explain",
    "grade",
    "grade_named",
    "load_variants",
    "rescale",
    "score_indicator",
    "score_project",
]

#: The points of a whole table (预算执行情况 + 绩效指标) [rule].
FULL_SCORE = Decimal(100)

_DATA_FILE = "scoring_variants.toml"
#: Significant digits of a rule score that does not terminate in decimal (1549/2700×20).
_SHOWN_DIGITS = decimal.Context(prec=50, rounding=ROUND_HALF_UP, traps=[decimal.InvalidOperation])
_ZERO = Fraction(0)
_ONE = Fraction(1)


def _read_package_data() -> dict[str, Any]:
    text = (resources.files("budgetkit") / "data" / _DATA_FILE).read_text(encoding="utf-8")
    return tomllib.loads(text, parse_float=Decimal)


_PACKAGE_DATA = _read_package_data()
_DEFAULT_SPEC: dict[str, Any] = _PACKAGE_DATA["variants"]["default"]


# -- exact fractions: in from Decimal, out as Decimal -----------------------------------------------


def _fraction(value: Decimal) -> Fraction:
    return Fraction(*value.as_integer_ratio())


def _round(value: Fraction, places: int) -> Decimal:
    """Round an exact fraction half-up (四舍五入, away from zero) to ``places`` decimals, once."""
    return round_half_up(value, places)


def _as_decimal(value: Fraction) -> Decimal:
    """The fraction as a Decimal: exact when it terminates, else to 50 significant digits."""
    den, twos, fives = value.denominator, 0, 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    if den == 1:
        places = max(twos, fives)
        return _round(value, places)
    return _SHOWN_DIGITS.divide(Decimal(value.numerator), Decimal(value.denominator))


def _rounds_to(value: Fraction, places: int, stated: Decimal) -> bool:
    """Whether ``value`` rounded half-up to ``places`` equals ``stated``: ``_round(value, places) == stated`` in
    integers (units / 10^places against sn / sd), without building the rounded Decimal."""
    sn, sd = stated.as_integer_ratio()
    return bool(half_up_units(value.numerator, value.denominator, places) * sd == sn * 10**places)


def _plain(value: Decimal) -> str:
    """A number as a short plain string: 16.00 → '16', 13.50 → '13.5'."""
    return format(value.normalize(_SHOWN_DIGITS), "f")


# -- rules ----------------------------------------------------------------------------------------


class ReverseFormula(enum.Enum):
    """How a 反向 (≤, <) indicator scores when the actual exceeds the target.

    >>> ReverseFormula("inverse")
    <ReverseFormula.INVERSE: 'inverse'>
    """

    #: (1 − (B−A)/A)·w, and 0 once B ≥ 2A — a provincial system [practice].
    RATIO_DEDUCTION = "ratio_deduction"
    #: A/B·w — a published template [practice].
    INVERSE = "inverse"


class ExecutionVariant(enum.Enum):
    """How the 预算执行情况 row scores the execution rate (预算执行率); each fixes its points.

    >>> ExecutionVariant.HUBEI_20.weight
    Decimal('20')
    """

    #: min(rate, 100%) × 10 [practice], the national practice.
    CAPPED_10 = "capped_10"
    #: min(rate, 100%) × 20, so capped at 20 (Hubei) [practice].
    HUBEI_20 = "hubei_20"
    #: 100% → 10, [80%, 100%) → 7, [60%, 80%) → 5, below 60% → 0 (Jiangxi) [practice].
    JIANGXI_BANDS = "jiangxi_bands"

    @property
    def weight(self) -> Decimal:
        """The points of the execution row under this variant."""
        return Decimal(20) if self is ExecutionVariant.HUBEI_20 else Decimal(10)


def _member(kind: type[enum.Enum], label: str, value: Any) -> Any:
    try:
        return v.member(kind, value)
    except ModelError:
        known = ", ".join(str(member.value) for member in kind)
        raise ModelError(f"unknown {label} {value!r}; known: {known}") from None


def _reverse_formula(value: Any) -> ReverseFormula:
    formula: ReverseFormula = _member(ReverseFormula, "reverse formula", value)
    return formula


def _execution_variant(value: Any) -> ExecutionVariant:
    variant: ExecutionVariant = _member(ExecutionVariant, "execution variant", value)
    return variant


def _optional_places(value: Any) -> int | None:
    if value is None or value == "stated":
        return None
    return _places(value)


def _places(value: Any) -> int:
    if type(value) is not int or value < 0 or value > 12:
        raise ModelError(f"a number of decimal places is an int from 0 to 12, got {value!r}")
    return value


def _pairs(value: Any) -> tuple[tuple[Any, ...], ...]:
    if isinstance(value, Mapping):
        return tuple(value.items())
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise ModelError(f"expected a list of pairs, got {value!r}")
    if any(isinstance(item, (str, bytes)) or not isinstance(item, Iterable) for item in value):
        raise ModelError(f"expected a list of [a, b] pairs, got {value!r}")
    return tuple(tuple(item) for item in value)


def _number_pairs(value: Any) -> tuple[tuple[Decimal, Decimal], ...]:
    pairs = _pairs(value)
    if any(len(pair) != 2 for pair in pairs):
        raise ModelError(f"expected [number, number] pairs, got {value!r}")
    return tuple((to_decimal(a), to_decimal(b)) for a, b in pairs)


def _named_numbers(value: Any) -> tuple[tuple[str, Decimal], ...]:
    pairs = _pairs(value)
    if any(len(pair) != 2 or not isinstance(pair[0], str) for pair in pairs):
        raise ModelError(f"expected [name, number] pairs, got {value!r}")
    return tuple((name.strip(), to_decimal(number)) for name, number in pairs)


@attrs.frozen(kw_only=True)
class QualitativeBand:
    """A 定性 band: scores from ``low``·w to ``high``·w; half-open unless ``high`` is 1 (the top).

    >>> band = QualitativeBand(name="部分达成并具有一定效果", low="0.60", high="0.80")
    >>> band.points(Decimal(20)), band.contains(Decimal(16), Decimal(20))
    ((Decimal('12.00'), Decimal('16.00')), False)
    """

    name: str
    low: Decimal = attrs.field(converter=to_decimal)
    high: Decimal = attrs.field(converter=to_decimal)

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.low < self.high <= 1:
            raise ModelError(f"band {self.name}: need 0 ≤ low < high ≤ 1, got [{self.low}, {self.high}]")

    @property
    def is_closed(self) -> bool:
        """Whether the band includes its upper end (only the top band, ending at w, does)."""
        return self.high == 1

    def points(self, weight: Decimal) -> tuple[Decimal, Decimal]:
        """The band's lowest and highest score for an indicator of ``weight``."""
        return EXACT.multiply(weight, self.low), EXACT.multiply(weight, self.high)

    def contains(self, score: Decimal, weight: Decimal) -> bool:
        """Whether ``score`` lies in the band for an indicator of ``weight``."""
        low, high = self.points(weight)
        return low <= score <= high if self.is_closed else low <= score < high

    def describe(self, weight: Decimal) -> str:
        """The band's score interval as text: ``[16, 20]`` or ``[12, 16)``.

        >>> QualitativeBand(name="达成年度指标", low="0.8", high="1").describe(Decimal(20))
        '[16, 20]'
        """
        low, high = self.points(weight)
        return f"[{_plain(low)}, {_plain(high)}{']' if self.is_closed else ')'}"


def _qualitative_bands(value: Any) -> tuple[QualitativeBand, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise ModelError(f"expected a list of [name, low, high] bands, got {value!r}")
    bands = []
    for item in value:
        if isinstance(item, QualitativeBand):
            bands.append(item)
            continue
        parts = tuple(item)
        if len(parts) != 3 or not isinstance(parts[0], str):
            raise ModelError(f"expected a [name, low, high] band, got {item!r}")
        bands.append(QualitativeBand(name=parts[0], low=parts[1], high=parts[2]))
    return tuple(bands)


def _spec_default(key: str) -> Any:
    return _DEFAULT_SPEC[key]


@attrs.frozen(kw_only=True)
class ScoringRules:
    """A scoring variant: which formulas, bands and roundings a self-evaluation table follows.

    The defaults are :data:`DEFAULT_RULES` (the ``default`` variant of the package
    data); change one setting with :func:`attrs.evolve` or pick a named variant
    with :meth:`preset`. ``score_places`` is ``None`` to compare each stated score
    at its own printed precision (tables round to integers or to two decimals).

    >>> rules = ScoringRules(reverse="inverse", execution="jiangxi_bands")
    >>> rules.reverse, rules.execution_weight, rules.score_places
    (<ReverseFormula.INVERSE: 'inverse'>, Decimal('10'), None)
    >>> ScoringRules.preset("hubei").execution_weight
    Decimal('20')
    """

    name: str = "custom"
    description: str = ""
    source: str = ""
    reverse: ReverseFormula = attrs.field(default=_spec_default("reverse"), converter=_reverse_formula)
    execution: ExecutionVariant = attrs.field(default=_spec_default("execution"), converter=_execution_variant)
    execution_places: int = attrs.field(default=_spec_default("execution_places"), converter=_places)
    execution_bands: tuple[tuple[Decimal, Decimal], ...] = attrs.field(
        default=_spec_default("execution_bands"), converter=_number_pairs
    )
    score_places: int | None = attrs.field(default=_spec_default("score_places"), converter=_optional_places)
    overshoot_threshold: Decimal = attrs.field(default=_spec_default("overshoot_threshold"), converter=to_decimal)
    qualitative_bands: tuple[QualitativeBand, ...] = attrs.field(
        default=_spec_default("qualitative_bands"), converter=_qualitative_bands
    )
    grade_bands: tuple[tuple[str, Decimal], ...] = attrs.field(
        default=_spec_default("grade_bands"), converter=_named_numbers
    )
    principle_weights: tuple[tuple[str, Decimal], ...] = attrs.field(
        default=_spec_default("principle_weights"), converter=_named_numbers
    )

    def __attrs_post_init__(self) -> None:
        self._check_execution_bands()
        self._check_qualitative_bands()
        self._check_grade_bands()
        if self.overshoot_threshold < 1:
            raise ModelError(f"must be at least 1, got {self.overshoot_threshold}", "ScoringRules.overshoot_threshold")
        names = [name for name, _ in self.principle_weights]
        if len(set(names)) != len(names) or any(points < 0 for _, points in self.principle_weights):
            raise ModelError("names must be unique and points non-negative", "ScoringRules.principle_weights")

    def _check_execution_bands(self) -> None:
        bands = self.execution_bands
        lows = [low for low, _ in bands]
        if not bands or lows != sorted(lows, reverse=True) or len(set(lows)) != len(lows) or lows[-1] != 0:
            raise ModelError("need rates from highest to 0, each once", "ScoringRules.execution_bands")
        if any(not 0 <= points <= self.execution_weight for _, points in bands):
            raise ModelError(f"points must lie in [0, {self.execution_weight}]", "ScoringRules.execution_bands")

    def _check_qualitative_bands(self) -> None:
        bands = self.qualitative_bands
        joined = all(upper.low == lower.high for upper, lower in itertools.pairwise(bands))
        if len(bands) < 2 or bands[0].high != 1 or bands[-1].low != 0 or not joined:
            raise ModelError(
                "need two or more bands covering [0, 1] from the top down", "ScoringRules.qualitative_bands"
            )

    def _check_grade_bands(self) -> None:
        lows = [low for _, low in self.grade_bands]
        ok = lows and lows == sorted(set(lows), reverse=True) and lows[-1] == 0 and lows[0] <= FULL_SCORE
        if not ok:
            raise ModelError("need lowest totals from highest to 0, each once", "ScoringRules.grade_bands")

    @property
    def execution_weight(self) -> Decimal:
        """The points of the 预算执行情况 row (10; 20 under ``hubei_20``) [practice]."""
        return self.execution.weight

    @classmethod
    def preset(cls, name: str) -> ScoringRules:
        """The named variant of the package data (see :data:`VARIANTS`).

        >>> ScoringRules.preset("jiangxi").execution
        <ExecutionVariant.JIANGXI_BANDS: 'jiangxi_bands'>
        """
        try:
            return VARIANTS[name]
        except KeyError:
            raise ModelError(f"unknown scoring variant {name!r}; known: {', '.join(VARIANTS)}") from None


_VARIANT_KEYS = frozenset(field.name for field in attrs.fields(ScoringRules)) - {"name"}


def load_variants(text: str, *, source: str = "<string>") -> Mapping[str, ScoringRules]:
    """Read scoring variants from TOML text laid out like ``budgetkit/data/scoring_variants.toml``.

    Each ``[variants.NAME]`` table lists what it changes from the file's own
    ``default`` variant, or from the package's default settings when it has none.
    Every problem is reported at once in a :class:`~budgetkit.errors.LoadError`.

    >>> v = load_variants('[variants.mine]\\nreverse = "inverse"\\nscore_places = 2')
    >>> v["mine"].reverse, v["mine"].score_places, v["mine"].execution_weight
    (<ReverseFormula.INVERSE: 'inverse'>, 2, Decimal('10'))
    >>> load_variants('[variants.bad]\\nreverse = "upside_down"\\ncolour = 1')
    Traceback (most recent call last):
    ...
    budgetkit.errors.LoadError: cannot load <string>: 2 problems
      $.variants.bad.colour: unknown setting; known: ...
      $.variants.bad.reverse: unknown reverse formula 'upside_down'; known: ratio_deduction, inverse
    """
    if not isinstance(text, str):
        raise LoadError(source, [LoadIssue("$", f"expected TOML text, got {type(text).__name__}")])
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise LoadError(source, [LoadIssue("$", f"not TOML: {exc}")]) from None
    except RecursionError:
        raise LoadError(source, [LoadIssue("$", "nested too deeply")]) from None
    except ValueError as exc:  # e.g. an integer literal longer than Python converts
        raise LoadError(source, [LoadIssue("$", f"a value cannot be read: {exc}")]) from None
    issues: list[LoadIssue] = [
        LoadIssue(f"$.{key}", "unknown table; a variants file holds [variants.NAME], [qualitative_words], [grade_words]")
        for key in sorted(data)
        if key not in ("variants", "qualitative_words", "grade_words")
    ]
    variants = data.get("variants")
    if not isinstance(variants, dict) or not variants:
        raise LoadError(source, [*issues, LoadIssue("$.variants", "no [variants.NAME] table")])
    built: dict[str, ScoringRules] = {}
    names = sorted(variants, key=lambda n: n != "default")  # the file's default first: others build on it
    for name in names:
        parent = built.get("default") or ScoringRules(name="default")
        rules = _build_variant(name, variants[name], parent, issues)
        if rules is not None:
            built[name] = rules
    if issues:
        raise LoadError(source, issues)
    return MappingProxyType({name: built[name] for name in variants})


def _build_variant(name: str, spec: Any, parent: ScoringRules, issues: list[LoadIssue]) -> ScoringRules | None:
    path = f"$.variants.{name}"
    if not isinstance(spec, dict):
        issues.append(LoadIssue(path, "expected a table of settings"))
        return None
    changes: dict[str, Any] = {"name": name}
    before = len(issues)
    for key in sorted(spec):
        if key not in _VARIANT_KEYS:
            issues.append(LoadIssue(f"{path}.{key}", f"unknown setting; known: {', '.join(sorted(_VARIANT_KEYS))}"))
            continue
        changes[key] = spec[key]
        if key in ("description", "source") and not isinstance(spec[key], str):
            issues.append(LoadIssue(f"{path}.{key}", f"expected text, got {type(spec[key]).__name__}"))
            continue
        convert = getattr(attrs.fields(ScoringRules), key).converter
        try:  # convert each setting alone, so every bad one is reported with its own path
            if convert is not None:
                convert(spec[key])
        except (BudgetkitError, ValueError, TypeError) as exc:
            issues.append(LoadIssue(f"{path}.{key}", str(exc)))
    if len(issues) > before:
        return None
    try:
        return attrs.evolve(parent, **changes)
    except (BudgetkitError, ValueError, TypeError) as exc:
        issues.append(LoadIssue(path, str(exc)))
        return None


#: What a 定性 word is matched without: spaces and punctuation (部分达成年度指标，并具有一定效果。).
_WORD_NOISE = str.maketrans("", "", "，,、。．.；;：:！!？?“”\"'（）()")


def _word(text: str) -> str:
    """A 定性 cell or word as matched: whole, without spaces or punctuation."""
    return "".join(text.split()).translate(_WORD_NOISE)


def _words(key: str) -> frozenset[str]:
    return frozenset(_word(word) for word in _PACKAGE_DATA["qualitative_words"][key])


#: Whole-cell words that judge a 定性 actual [heuristic]: ``achieved`` → top band,
#: ``partial`` → middle band, ``failed`` → bottom band (see the package data).
QUALITATIVE_WORDS: Mapping[str, frozenset[str]] = MappingProxyType(
    {key: _words(key) for key in ("achieved", "partial", "failed")}
)

#: Words of a printed 自评等级 by the default grade they name [practice]: 优 → {优, 优秀}, 良 → {良, 良好},
#: 中 → {中, 中等, 合格}, 差 → {差, 较差, 不合格} (see the package data and :func:`grade_named`).
GRADE_WORDS: Mapping[str, frozenset[str]] = MappingProxyType(
    {name: frozenset("".join(word.split()) for word in words) for name, words in _PACKAGE_DATA["grade_words"].items()}
)

#: The named scoring variants of the package data: ``default``, ``inverse_template``, ``hubei``, ``jiangxi``.
VARIANTS: Mapping[str, ScoringRules] = load_variants(
    (resources.files("budgetkit") / "data" / _DATA_FILE).read_text(encoding="utf-8"),
    source=f"budgetkit/data/{_DATA_FILE}",
)

#: The default rules, each choice with its evidence level (DOMAIN.md §6):
#: 反向 overshoot by (1 − (B−A)/A)·w, 0 once B ≥ 2A [practice; budgetkit's pick of two];
#: execution min(rate, 100%) × 10 rounded to two decimals [practice]; 定性 bands
#: [80%, 100%] / [60%, 80%) / [0, 60%) of w [recalled]; grades 优 [90, 100], 良 [80, 90),
#: 中 [60, 80), 差 [0, 60) [recalled]; stated scores compared at their own precision
#: [practice]; overshoot explanation at 130% [practice]; principle weights 产出 50,
#: 效益 30, 满意度 10, 执行率 10 [recalled].
DEFAULT_RULES: ScoringRules = VARIANTS["default"]


# -- Chinese text of explanations, in one place ----------------------------------------------------

_KIND = MappingProxyType(
    {
        "positive": "正向指标",
        "equal": "等于指标（按正向计分）",
        "equal_zero": "等于指标（指标值为0）",
        "reverse": "反向指标",
    }
)

_TEXT = MappingProxyType(
    {
        "met": "{kind}：完成值{b} {rel} 指标值{a}，达到目标，得满分{w}",
        "ratio": "{kind}：完成值{b} {rel} 指标值{a}，得分 = {b}/{a}×{w} = {s}",
        "ratio_floor": "{kind}：完成值{b} {rel} 指标值{a}，{b}/{a}×{w} 低于0，得0分",
        "strict_tie": "{kind}：完成值{b}等于指标值{a}，未达到“{op}{a}”，按公式得分 = {s}",
        "zero_failed": "{kind}：完成值{b} {rel} 指标值{a}，指标值为0、未达到目标，得0分",
        "deduction": "{kind}：完成值{b} {rel} 指标值{a}，得分 = (1 − ({b}−{a})/{a})×{w} = {s}",
        "deduction_floor": "{kind}：完成值{b} ≥ 2×指标值{a}，得0分",
        "inverse": "{kind}：完成值{b} {rel} 指标值{a}，得分 = {a}/{b}×{w} = {s}",
        "negative_target": "{kind}：完成值{b} {rel} 指标值{a}，指标值为负，无法按比例计分",
        "band": "定性指标：完成值“{b}”判为“{band}”，得分应在{interval}",
        "unjudged": "定性指标：完成值“{b}”无法判定档次，得分只核对是否在[0, {w}]",
        "missing_actual": "完成值空缺，无法计分",
        "not_numeric": "{kind}：指标值“{a}”、完成值“{b}”不都是数字，无法计分",
    }
)


# -- indicator scores -----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class IndicatorScore:
    """The rule's score of one indicator beside the stated 得分, with the formula that gave it.

    ``exact`` is the rule score as an exact fraction (``None`` when the rule cannot
    compute one: a missing or text actual, a negative target, a 定性 row);
    ``formula`` is a stable code and ``explanation`` says the same in Chinese.
    ``qualitative_band`` is the band a 定性 actual was judged to fall in.

    >>> from budgetkit.model.indicator import PerformanceIndicator
    >>> row = PerformanceIndicator(level1="产出指标", level2="质量指标", level3="赛前培训完成率",
    ...     operator="≥", target="90", unit="%", actual="80", weight="15", stated_score="14")
    >>> s = score_indicator(row)
    >>> s.rule_rounded(0), s.stated, s.matches, s.is_met
    (Decimal('13'), Decimal('14'), False, False)
    """

    indicator: PerformanceIndicator
    formula: str
    explanation: str
    exact: Fraction | None = None
    is_met: bool | None = None
    overshoot: bool = False
    qualitative_band: QualitativeBand | None = None
    score_places: int | None = None

    @property
    def weight(self) -> Decimal:
        """The indicator's 权重 (w)."""
        return self.indicator.weight

    @property
    def stated(self) -> Decimal | None:
        """The stated 得分 as printed, or ``None`` when the cell is blank."""
        return self.indicator.stated_score

    @property
    def completion(self) -> Ratio:
        """完成率 = 完成值 / 指标值, exact; undefined when either is not a number or the target is 0."""
        return self.indicator.completion()

    @property
    def rule_score(self) -> Decimal | None:
        """The rule score unrounded: exact when it terminates (15, 13.5), else to 50 significant digits."""
        return None if self.exact is None else _as_decimal(self.exact)

    def rule_rounded(self, places: int) -> Decimal | None:
        """The rule score rounded half-up (四舍五入) to ``places``, from the exact value."""
        return None if self.exact is None else _round(self.exact, _places(places))

    @property
    def band(self) -> tuple[Decimal, Decimal] | None:
        """The lowest and highest score of the 定性 band the actual fell in (``None`` if not judged)."""
        return None if self.qualitative_band is None else self.qualitative_band.points(self.weight)

    @property
    def band_name(self) -> str | None:
        """The name of that band (达成年度指标, …), or ``None``."""
        return None if self.qualitative_band is None else self.qualitative_band.name

    def agrees(self, places: int | None = None) -> bool | None:
        """Whether the stated score agrees with the rule; ``None`` when the rule cannot tell.

        A stated score outside [0, w] never agrees. A computed rule score agrees
        when, rounded half-up to ``places`` (``None``: the stated score's own
        precision), it equals the stated score. A 定性 score agrees when it lies in
        its band, or in [0, w] when the actual could not be judged.

        >>> from budgetkit.model.indicator import PerformanceIndicator
        >>> row = PerformanceIndicator(level1="效益指标", level2="社会效益指标", level3="群众获得感",
        ...     operator="定性", target="好坏", actual="好", weight="20", stated_score="19")
        >>> s = score_indicator(row)
        >>> s.band, s.agrees()
        ((Decimal('16.00'), Decimal('20')), True)
        """
        stated = self.stated
        if stated is None:
            return None
        if self.exact is not None:
            shown = places_of(stated) if places is None else _places(places)
            return agrees_at(self.exact, stated, self.weight, shown)
        if not 0 <= stated <= self.weight:
            return False
        if self.formula == "qualitative_band":
            band = self.qualitative_band
            return True if band is None else band.contains(stated, self.weight)
        return None

    @property
    def matches(self) -> bool | None:
        """:meth:`agrees` at the rules' ``score_places`` (the stated precision by default)."""
        return self.agrees(self.score_places)

    def difference(self, places: int | None = None) -> Decimal | None:
        """Stated minus rule score, the rule rounded as in :meth:`agrees`; ``None`` if either is unknown.

        >>> from budgetkit.model.indicator import PerformanceIndicator
        >>> row = PerformanceIndicator(level1="产出指标", level2="数量指标", level3="修建电梯基础设施",
        ...     operator="＝", target="2", unit="个", actual="2", weight="15", stated_score="14")
        >>> score_indicator(row).difference()
        Decimal('-1')
        """
        stated = self.stated
        if stated is None or self.exact is None:
            return None
        shown = places_of(stated) if places is None else _places(places)
        return EXACT.subtract(stated, _round(self.exact, shown))


def _judge(ind: PerformanceIndicator, rules: ScoringRules) -> QualitativeBand | None:
    """The band a 定性 actual falls in, when the words allow a judgement [heuristic]: the actual is the target, or
    names a band (the variant's own band names first), whole — 未达成年度指标 is never read as 达成年度指标."""
    actual = _word(ind.actual or "")
    target = _word(ind.target)
    bands = rules.qualitative_bands
    if actual == target:
        return bands[0]
    for band in bands:
        if actual == _word(band.name):
            return band
    if target in QUALITATIVE_WORDS["failed"]:  # 是否发生事故 → 否: the polarity is reversed
        return None
    if actual in QUALITATIVE_WORDS["achieved"]:
        return bands[0]
    if actual in QUALITATIVE_WORDS["partial"] and len(bands) >= 3:
        return bands[1]
    if actual in QUALITATIVE_WORDS["failed"]:
        return bands[-1]
    return None


def below_target_grade(ind: PerformanceIndicator) -> bool:
    """Whether a 定性 row's target and actual are both grade words (:data:`GRADE_WORDS`) and the actual ranks below
    the target: 良 for a target of 优 falls short of it (not met), though 良 lies in the top band.

    >>> row = PerformanceIndicator(level1="效益指标", level2="社会效益指标", level3="健康素养", operator="定性",
    ...     target="优", actual="良", weight=15)
    >>> below_target_grade(row), below_target_grade(attrs.evolve(row, actual="优秀"))
    (True, False)
    """
    ranks = {word: rank for rank, words in enumerate(GRADE_WORDS.values()) for word in words}
    target, actual = ranks.get(_word(ind.target)), ranks.get(_word(ind.actual or ""))
    return target is not None and actual is not None and actual > target


def score_indicator(ind: PerformanceIndicator, rules: ScoringRules = DEFAULT_RULES) -> IndicatorScore:
    """Score one indicator by the rules of DOMAIN.md §6; never raises for a table's own data.

    Target and actual are compared as printed, in the table's one unit. A met
    target scores w. Choices where no source speaks [heuristic]: ``>`` and ``<``
    count as met only when strictly beyond the target, yet an actual equal to the
    target still scores w by the formula (B/A·w = w), so the shortfall shows as
    ``is_met=False`` rather than as lost points; a zero target scores w when met
    and 0 otherwise (no ratio exists); a negative target that is not met has no
    rule score; a ratio below 0 (a negative actual) scores 0. Every score lies in [0, w].

    >>> from budgetkit.model.indicator import PerformanceIndicator
    >>> row = PerformanceIndicator(level1="产出指标", level2="时效指标", level3="办结时限",
    ...     operator="≤", target="10", unit="日", actual="13", weight="10")
    >>> score_indicator(row).rule_score
    Decimal('7')
    >>> score_indicator(row, ScoringRules.preset("inverse_template")).rule_rounded(2)
    Decimal('7.69')
    """
    places = rules.score_places
    if ind.is_qualitative:
        return _score_qualitative(ind, rules)
    if ind.is_missing_actual:
        return IndicatorScore(
            indicator=ind, formula="missing_actual", explanation=_TEXT["missing_actual"], score_places=places
        )
    f = apply_formula(ind, rules)
    if f is None:
        text = _TEXT["not_numeric"].format(kind=_KIND[_kind(ind.operator)], a=ind.target, b=ind.actual)
        return IndicatorScore(indicator=ind, formula="not_numeric", explanation=text, score_places=places)
    score, a, b = f.exact, f.target, f.actual
    # B ≥ threshold·A for A > 0, as integers: bn·td·ad ≥ tn·an·bd (every denominator is positive)
    threshold = _ratio(rules.overshoot_threshold)
    overshoot = a[0] > 0 and not ind.operator.is_reverse and b[0] * threshold[1] * a[1] >= threshold[0] * a[0] * b[1]
    return IndicatorScore(
        indicator=ind,
        formula=f.formula,
        explanation=explain(ind, f, None if score is None else _round(score, 2)),
        exact=score,
        is_met=f.met,
        overshoot=overshoot,
        score_places=places,
    )


class Formula(NamedTuple):
    """The rule's formula applied to one numeric row (:func:`apply_formula`): what :class:`IndicatorScore` is made
    of, without its explanation, so that a check can decide from the exact score before wording anything.

    ``kind`` keys the row's kind (正向, 等于, 反向), ``formula`` is :attr:`IndicatorScore.formula`, ``template``
    keys the explanation's wording, ``exact`` is the rule score (``None``: no rule score), ``met`` whether the
    target was met; ``target`` and ``actual`` are A and B as exact integer ratios (numerator, denominator).
    """

    kind: str
    formula: str
    template: str
    exact: Fraction | None
    met: bool
    target: tuple[int, int]
    actual: tuple[int, int]


def _kind(op: Operator) -> str:
    """正向, 等于 or 反向 (identity tests: an Enum's hash is a Python call)."""
    if op is Operator.AT_MOST or op is Operator.LESS_THAN:
        return "reverse"
    return "equal" if op is Operator.EQUAL else "positive"


def apply_formula(ind: PerformanceIndicator, rules: ScoringRules = DEFAULT_RULES) -> Formula | None:
    """The rule's formula on a row whose target and actual are numbers (``None`` for a 定性 row, a blank or a
    text cell): the exact score of :func:`score_indicator`, without its explanation.

    >>> from budgetkit.model.indicator import PerformanceIndicator
    >>> row = PerformanceIndicator(level1="产出指标", level2="数量指标", level3="档案增长量",
    ...     operator="≥", target="2700", unit="份", actual="1549", weight="20", stated_score="11")
    >>> f = apply_formula(row)
    >>> f.formula, f.exact, f.met
    ('positive_ratio', Fraction(1549, 135), False)
    """
    op = ind.operator
    if op is Operator.QUALITATIVE:
        return None
    target, actual = ind.target_value, ind.actual_value
    if target is None or actual is None:
        return None
    a, b, w = target.as_integer_ratio(), actual.as_integer_ratio(), ind.weight.as_integer_ratio()
    kind = _kind(op)
    if kind == "reverse":
        formula, template, score, met = _reverse(op, a, b, w, rules)
    elif op is Operator.EQUAL and a[0] == 0:
        kind = "equal_zero"
        met = b[0] <= 0
        formula, template, score = "equal_zero_target", "met" if met else "zero_failed", Fraction(*w) if met else _ZERO
    else:
        formula, template, score, met = _positive(op, a, b, w)
        if op is Operator.EQUAL:
            formula = "equal" if formula in ("positive_met", "positive_ratio") else formula
    return Formula(kind, formula, template, score, met, a, b)


def explain(ind: PerformanceIndicator, formula: Formula, shown: Decimal | None) -> str:
    """The Chinese explanation of ``formula`` applied to ``ind`` (:attr:`IndicatorScore.explanation`), the score
    shown as ``shown``: the exact score rounded half-up to two places.

    >>> from budgetkit.model.indicator import PerformanceIndicator
    >>> row = PerformanceIndicator(level1="产出指标", level2="数量指标", level3="档案增长量",
    ...     operator="≥", target="2700", unit="份", actual="1549", weight="20", stated_score="11")
    >>> explain(row, apply_formula(row), Decimal("11.47"))
    '正向指标：完成值1549 < 指标值2700，得分 = 1549/2700×20 = 11.47'
    """
    return _TEXT[formula.template].format(
        kind=_KIND[formula.kind],
        a=ind.target,
        b=ind.actual,
        w=_plain(ind.weight),
        op=ind.operator._value_,  # .value is a Python-level descriptor of Enum: the plain attribute, read directly
        rel=_RELATION[_compare(formula.actual, formula.target)],
        s="" if shown is None else shown,
    )


def agrees_at(exact: Fraction, stated: Decimal, weight: Decimal, places: int) -> bool:
    """Whether a stated score agrees with an exact rule score at ``places``: it lies in [0, ``weight``] and is the
    rule score rounded half-up to ``places`` (:meth:`IndicatorScore.agrees` once the places are known).

    >>> agrees_at(Fraction(1549, 135), Decimal("11"), Decimal("20"), 0), agrees_at(Fraction(23, 2), Decimal("11"),
    ...     Decimal("20"), 0)
    (True, False)
    """
    return 0 <= stated <= weight and _rounds_to(exact, places, stated)


# The formulas compare and combine A, B and w as exact integer ratios (numerator, positive denominator),
# made into a Fraction only for the score itself: the same exact values as Fraction arithmetic throughout,
# without normalising every intermediate.
_Ratio: TypeAlias = tuple[int, int]
_RELATION = ("<", "=", ">")


def _ratio(value: Decimal) -> _Ratio:
    """A Decimal as (numerator, denominator) in lowest terms, the denominator positive."""
    return value.as_integer_ratio()


def _compare(x: _Ratio, y: _Ratio) -> int:
    """0 when x < y, 1 when x = y, 2 when x > y (an index into ``_RELATION``)."""
    left, right = x[0] * y[1], y[0] * x[1]
    return 0 if left < right else 2 if left > right else 1


def _positive(op: Operator, a: _Ratio, b: _Ratio, w: _Ratio) -> tuple[str, str, Fraction | None, bool]:
    """正向 (and 等于 with A ≠ 0): formula code, text key, score, met."""
    relation = _compare(b, a)
    met = relation == 2 if op is Operator.MORE_THAN else relation >= 1
    if met:
        return "positive_met", "met", Fraction(*w), True
    if relation == 1:  # ">" with B = A: not met, yet the ratio B/A·w is w
        return ("positive_ratio" if a[0] else "positive_zero_target"), "strict_tie", Fraction(*w), False
    if a[0] > 0:  # B/A·w = (bn·ad·wn)/(bd·an·wd); below 0 (a negative actual) it scores 0
        score = Fraction(b[0] * a[1] * w[0], b[1] * a[0] * w[1])
        if score.numerator >= 0:
            return "positive_ratio", "ratio", score, False
        return "positive_ratio", "ratio_floor", _ZERO, False
    if a[0] == 0:
        return "positive_zero_target", "zero_failed", _ZERO, False
    return "negative_target", "negative_target", None, False


def _reverse(op: Operator, a: _Ratio, b: _Ratio, w: _Ratio, rules: ScoringRules) -> tuple[str, str, Fraction | None, bool]:
    """反向 (≤, <): formula code, text key, score, met."""
    relation = _compare(b, a)
    met = relation == 0 if op is Operator.LESS_THAN else relation <= 1
    inverse = rules.reverse is ReverseFormula.INVERSE
    formula = "reverse_inverse" if inverse else "reverse_ratio_deduction"
    if met:
        return "reverse_met", "met", Fraction(*w), True
    if relation == 1:  # "<" with B = A: not met, yet both formulas give w
        return formula, "strict_tie", Fraction(*w), False
    if a[0] == 0:
        return "reverse_zero_target", "zero_failed", _ZERO, False
    if a[0] < 0:
        return "negative_target", "negative_target", None, False
    if inverse:  # A/B·w = (an·bd·wn)/(ad·bn·wd), B > A > 0
        return formula, "inverse", Fraction(a[0] * b[1] * w[0], a[1] * b[0] * w[1]), False
    if b[0] * a[1] >= 2 * a[0] * b[1]:  # B ≥ 2A
        return formula, "deduction_floor", _ZERO, False
    # (1 − (B−A)/A)·w = (2A − B)/A·w = ((2·an·bd − bn·ad)·wn)/(bd·an·wd)
    return formula, "deduction", Fraction((2 * a[0] * b[1] - b[0] * a[1]) * w[0], b[1] * a[0] * w[1]), False


def _score_qualitative(ind: PerformanceIndicator, rules: ScoringRules) -> IndicatorScore:
    places = rules.score_places
    if ind.is_missing_actual:
        return IndicatorScore(
            indicator=ind, formula="missing_actual", explanation=_TEXT["missing_actual"], score_places=places
        )
    band = _judge(ind, rules)
    if band is None:
        text = _TEXT["unjudged"].format(b=ind.actual, w=_plain(ind.weight))
        met = None
    else:
        text = _TEXT["band"].format(b=ind.actual, band=band.name, interval=band.describe(ind.weight))
        met = band is rules.qualitative_bands[0] and not below_target_grade(ind)
    return IndicatorScore(
        indicator=ind,
        formula="qualitative_band",
        explanation=text,
        is_met=met,
        qualitative_band=band,
        score_places=places,
    )


# -- execution, grades, rescaling -----------------------------------------------------------------


def _execution_fraction(rate: Ratio, rules: ScoringRules) -> Fraction | None:
    if rate.is_undefined:
        return None
    value = _fraction(rate.numerator) / _fraction(rate.denominator)
    if rules.execution is ExecutionVariant.JIANGXI_BANDS:
        for low, points in rules.execution_bands:
            if value >= _fraction(low):
                return _fraction(points)
        return _ZERO  # a negative rate
    return min(max(value, _ZERO), _ONE) * _fraction(rules.execution_weight)


def execution_score(rate: Ratio, rules: ScoringRules = DEFAULT_RULES) -> Decimal | None:
    """The 预算执行情况 score of an execution rate (预算执行率), rounded half-up to ``execution_places``.

    ``None`` when the rate is undefined (adjusted budget 0). A negative rate scores 0.

    >>> execution_score(Ratio("33.19", "33.19"))
    Decimal('10.00')
    >>> execution_score(Ratio(85, 100)), execution_score(Ratio(85, 100), ScoringRules.preset("jiangxi"))
    (Decimal('8.50'), Decimal('7.00'))
    >>> execution_score(Ratio(120, 100), ScoringRules.preset("hubei")), execution_score(Ratio(5, 0))
    (Decimal('20.00'), None)
    """
    exact = _execution_fraction(rate, rules)
    return None if exact is None else _round(exact, rules.execution_places)


def _grade(total: Fraction, rules: ScoringRules) -> str | None:
    if not 0 <= total <= FULL_SCORE:
        return None
    for name, low in rules.grade_bands:
        if total >= _fraction(low):
            return name
    return None  # unreachable: the lowest band starts at 0


def grade(total: Decimal | int | str, rules: ScoringRules = DEFAULT_RULES) -> str:
    """The grade (等级) of a table total: 优 [90, 100], 良 [80, 90), 中 [60, 80), 差 [0, 60) [recalled].

    Half-open bands, so 89.5 is 良. A total outside [0, 100] raises ModelError.

    >>> grade(Decimal("89.5")), grade(90), grade("59.99"), grade(100)
    ('良', '优', '差', '优')
    >>> grade(101)
    Traceback (most recent call last):
    ...
    budgetkit.errors.ModelError: a table total lies in [0, 100], got 101
    """
    value = to_decimal(total)
    name = _grade(_fraction(value), rules)
    if name is None:
        raise ModelError(f"a table total lies in [0, {FULL_SCORE}], got {value}")
    return name


def grade_named(printed: str, rules: ScoringRules = DEFAULT_RULES) -> str | None:
    """The grade of ``rules`` that a printed 自评等级 names, or ``None`` when it names none the rules know.

    A word names the band of ``rules.grade_bands`` that bears it, else the band named by a word of its list in
    :data:`GRADE_WORDS` (优秀 is 优, 合格 is 中), so a variant whose bands are named 优秀/良好/合格/不合格 reads 优 too.

    >>> grade_named("优秀"), grade_named(" 良 "), grade_named("合格"), grade_named("甲")
    ('优', '良', '中', None)
    >>> named = attrs.evolve(DEFAULT_RULES, grade_bands=[["优秀", 90], ["良好", 80], ["合格", 60], ["不合格", 0]])
    >>> grade_named("良", named), grade_named("不合格", named)
    ('良好', '不合格')
    """
    word = "".join(printed.split())
    names = [name for name, _ in rules.grade_bands]
    if word in names:
        return word
    for words in GRADE_WORDS.values():
        if word in words:
            return next((name for name in names if name in words), None)
    return None


def rescale(
    total: Decimal | int | str, applicable_weight: Decimal | int | str, *, places: int | None = None
) -> Decimal:
    """Rescale a total to 100 when indicators worth ``100 − applicable_weight`` do not apply.

    ``total`` is the score earned on the applicable weight; the result is
    total × 100 / applicable_weight, exact when it terminates (else to 50
    significant digits), or rounded half-up to ``places``.

    >>> rescale(72, 80), rescale(80, 90, places=2)
    (Decimal('90'), Decimal('88.89'))
    """
    value, weight = to_decimal(total), to_decimal(applicable_weight)
    if not 0 < weight <= FULL_SCORE:
        raise ModelError(f"the applicable weight lies in (0, {FULL_SCORE}], got {weight}")
    if not 0 <= value <= weight:
        raise ModelError(f"a total lies in [0, applicable weight {weight}], got {value}")
    exact = _fraction(value) * _fraction(FULL_SCORE) / _fraction(weight)
    return _as_decimal(exact) if places is None else _round(exact, _places(places))


# -- project scores -------------------------------------------------------------------------------


def _level1_key(name: str) -> str:
    """一级指标 as compared with principle weights: spaces and a trailing 指标 dropped (产出指标 → 产出)."""
    return "".join(name.split()).removesuffix("指标")


#: The name under which the execution row's weight is compared with the principle weights.
_EXECUTION = "执行率"


@attrs.frozen
class PrincipleWeight:
    """A weight of the table beside its principle weight (产出 50, 效益 30, 满意度 10, 执行率 10) [recalled].

    ``principle`` is ``None`` for a 一级指标 the rules give no principle weight.

    >>> PrincipleWeight("产出", Decimal(50), Decimal(60)).deviates
    True
    """

    name: str
    principle: Decimal | None
    actual: Decimal

    @property
    def deviates(self) -> bool:
        """Whether the table departs from the principle (allowed "如有特殊情况": informational)."""
        return self.principle != self.actual


@attrs.frozen(kw_only=True)
class ProjectScore:
    """The rule's scores of a project's self-evaluation table beside the stated ones.

    Totals: ``indicator_total`` sums the rule scores, taking a 定性 row's stated
    score when it lies in its band (the rule judges, it does not compute, those);
    it is ``None`` when any row has no rule score. ``indicator_total_or_stated``
    fills such rows with their stated score instead — never with 0, which would
    turn a blank cell into a shortfall — and is ``None`` only when that is blank too.
    ``rule_total`` adds the rule execution score (as the table prints it).

    >>> from budgetkit.model.project import FundGrid, FundLine, Project
    >>> from budgetkit.model.indicator import PerformanceIndicator
    >>> p = Project(name="档案专项", kind="其他运转类", execution_weight=10, execution_score=10, stated_total=21,
    ...     funds=FundGrid(lines=(FundLine(source="总额", initial="12.00", adjusted="11.30", executed="11.30"),)),
    ...     indicators=(PerformanceIndicator(level1="产出指标", level2="数量指标", level3="档案增长量",
    ...         operator="≥", target="2700", unit="份", actual="1549", weight="20", stated_score="11"),))
    >>> ps = score_project(p)
    >>> ps.execution_score, ps.rule_total_rounded(2), ps.stated_total, ps.total_matches
    (Decimal('10.00'), Decimal('21.47'), Decimal('21'), True)
    """

    project: Project
    rules: ScoringRules
    indicators: tuple[IndicatorScore, ...]

    # -- execution
    @property
    def execution_rate(self) -> Ratio:
        """预算执行率 of the project's 总额 line."""
        return self.project.execution_rate

    @property
    def variant_fits(self) -> bool:
        """Whether the table's execution row has the points the variant gives it (10, or 20 under ``hubei_20``).

        A table that does not fit (a 10-point row under a variant that expects 20) is
        reported, not scored: its rule execution score, and so its rule total, are ``None``.

        >>> from budgetkit.model.project import Project
        >>> p = Project(name="x", kind="特定目标类", execution_weight=10)
        >>> score_project(p).variant_fits, score_project(p, ScoringRules.preset("hubei")).variant_fits
        (True, False)
        """
        weight = self.project.execution_weight
        return weight is None or weight == self.rules.execution_weight

    @property
    def execution_scored(self) -> bool:
        """Whether the table scores its 预算执行情况 row at all.

        Not when the row prints no points (a dash or a blank under 分值/权重) while the indicators' weights
        alone make the whole 100: such a table (重庆's 附件1) leaves execution out of the score, so the row
        weighs 0 and has no rule score. A row without points beside indicators worth less than 100 takes
        the rules' points (10) instead, as the template gives them.

        >>> from budgetkit.model.project import Project
        >>> from budgetkit.model.indicator import PerformanceIndicator as I
        >>> rows = (I(level1="产出指标", level2="数量指标", level3="a", operator="≥", target="1", weight=100),)
        >>> ps = score_project(Project(name="x", kind="特定目标类", indicators=rows))
        >>> ps.execution_scored, ps.execution_weight, ps.execution_score
        (False, Decimal('0'), None)
        """
        return self.project.execution_weight is not None or self.project.indicator_weight != FULL_SCORE

    def _execution_exact(self) -> Fraction | None:
        if not self.variant_fits or not self.execution_scored:
            return None
        return _execution_fraction(self.execution_rate, self.rules)

    @property
    def execution_score(self) -> Decimal | None:
        """The rule's 预算执行情况 score (``None`` when the rate is undefined, the variant does not fit or the table
        does not score execution, :attr:`execution_scored`)."""
        exact = self._execution_exact()
        return None if exact is None else _round(exact, self.rules.execution_places)

    @property
    def execution_rule_score(self) -> Decimal | None:
        """The rule's execution score unrounded (exact when it terminates); ``None`` as for :attr:`execution_score`.

        >>> from budgetkit.model.project import FundGrid, FundLine, Project
        >>> p = Project(name="x", kind="特定目标类", funds=FundGrid(lines=(FundLine(source="总额", adjusted="3",
        ...     executed="2"),)))
        >>> score_project(p).execution_rule_score, score_project(p).execution_score
        (Decimal('6.6666666666666666666666666666666666666666666666667'), Decimal('6.67'))
        """
        exact = self._execution_exact()
        return None if exact is None else _as_decimal(exact)

    @property
    def stated_execution_score(self) -> Decimal | None:
        """The 预算执行情况 得分 as printed."""
        return self.project.execution_score

    @property
    def execution_matches(self) -> bool | None:
        """Whether the stated execution score is the rule's at the stated precision (or ``score_places``)."""
        stated, exact = self.stated_execution_score, self._execution_exact()
        if stated is None or exact is None:
            return None
        places = places_of(stated) if self.rules.score_places is None else self.rules.score_places
        return _round(exact, places) == stated

    # -- totals
    def _indicator_sum(self, *, fill: bool) -> Fraction | None:
        total = _ZERO
        for score in self.indicators:
            if score.exact is not None:
                total += score.exact
            elif score.stated is not None and (fill or (score.formula == "qualitative_band" and score.agrees())):
                total += _fraction(score.stated)
            else:
                return None
        return total

    def _rule_total(self, *, fill: bool) -> Fraction | None:
        indicators = self._indicator_sum(fill=fill)
        if not self.execution_scored:
            return indicators
        execution = self.execution_score
        if execution is None or indicators is None:
            return None
        return _fraction(execution) + indicators

    @property
    def indicator_total(self) -> Decimal | None:
        """Σ rule scores of the indicators (定性 rows: their stated score when in band)."""
        total = self._indicator_sum(fill=False)
        return None if total is None else _as_decimal(total)

    @property
    def indicator_total_or_stated(self) -> Decimal | None:
        """Σ rule scores, a row the rule cannot score counting its stated score."""
        total = self._indicator_sum(fill=True)
        return None if total is None else _as_decimal(total)

    @property
    def rule_total(self) -> Decimal | None:
        """Execution score + :attr:`indicator_total` (the indicators alone when the table does not score execution,
        :attr:`execution_scored`); ``None`` when either is unknown."""
        total = self._rule_total(fill=False)
        return None if total is None else _as_decimal(total)

    @property
    def rule_total_or_stated(self) -> Decimal | None:
        """Execution score + :attr:`indicator_total_or_stated`."""
        total = self._rule_total(fill=True)
        return None if total is None else _as_decimal(total)

    def rule_total_rounded(self, places: int) -> Decimal | None:
        """:attr:`rule_total` rounded half-up to ``places``, from the exact value."""
        total = self._rule_total(fill=False)
        return None if total is None else _round(total, _places(places))

    @property
    def stated_total(self) -> Decimal | None:
        """The 合计 得分 as printed."""
        return self.project.stated_total

    @property
    def stated_indicator_sum(self) -> Decimal | None:
        """Σ stated indicator scores (``None`` when any is blank)."""
        return self.project.stated_indicator_total

    @property
    def stated_sum(self) -> Decimal | None:
        """Stated execution score + Σ stated indicator scores: what 合计 should print. A table that does not score
        execution (:attr:`execution_scored`) and prints no execution score adds its indicators' alone."""
        execution, indicators = self.stated_execution_score, self.stated_indicator_sum
        if execution is None and not self.execution_scored:
            execution = Decimal(0)
        return None if execution is None or indicators is None else EXACT.add(execution, indicators)

    @property
    def total_matches(self) -> bool | None:
        """Whether 合计 is the rule total at its own precision (or ``score_places``)."""
        stated, total = self.stated_total, self._rule_total(fill=False)
        if stated is None or total is None:
            return None
        places = places_of(stated) if self.rules.score_places is None else self.rules.score_places
        return _round(total, places) == stated

    @property
    def rule_grade(self) -> str | None:
        """The grade of the rule total (``None`` when unknown or outside [0, 100])."""
        total = self._rule_total(fill=False)
        return None if total is None else _grade(total, self.rules)

    @property
    def stated_grade(self) -> str | None:
        """The grade of the stated 合计 (``None`` when blank or outside [0, 100])."""
        stated = self.stated_total
        return None if stated is None else _grade(_fraction(stated), self.rules)

    @property
    def printed_grade(self) -> str | None:
        """The grade of the rules the table's printed 自评等级 names (:func:`grade_named`; ``None`` when it prints none
        or a word the rules do not know)."""
        printed = self.project.printed_grade
        return grade_named(printed, self.rules) if printed else None

    @property
    def grade_matches(self) -> bool | None:
        """Whether the printed 自评等级 is the grade of the stated 总分 by the rules' grade bands; ``None`` when
        either is unknown (no grade printed, a word the rules do not know, no 总分, a 总分 outside [0, 100]).

        >>> from budgetkit.model.project import Project
        >>> ps = score_project(Project(name="x", kind="特定目标类", stated_total="94.60", printed_grade="良"))
        >>> ps.printed_grade, ps.stated_grade, ps.grade_matches
        ('良', '优', False)
        """
        printed, stated = self.printed_grade, self.stated_grade
        return None if printed is None or stated is None else printed == stated

    def disagreements(self) -> tuple[IndicatorScore, ...]:
        """The indicator scores whose stated 得分 does not match the rule (``matches is False``).

        >>> from budgetkit.model.project import Project
        >>> from budgetkit.model.indicator import PerformanceIndicator as I
        >>> p = Project(name="x", kind="特定目标类", indicators=(I(level1="产出指标", level2="数量指标",
        ...     level3="修建电梯", operator="＝", target="2", actual="2", weight=15, stated_score=14),))
        >>> [s.indicator.name for s in score_project(p).disagreements()]
        ['修建电梯']
        """
        return tuple(score for score in self.indicators if score.matches is False)

    # -- weights
    @property
    def execution_weight(self) -> Decimal:
        """The execution row's 权重 as printed, else the rules' (10), or 0 when the table does not score execution
        (:attr:`execution_scored`)."""
        weight = self.project.execution_weight
        if weight is not None:
            return weight
        return self.rules.execution_weight if self.execution_scored else Decimal(0)

    @property
    def weight_total(self) -> Decimal:
        """Execution weight + Σ indicator weights: what the 合计 权重 should print (100)."""
        return EXACT.add(self.execution_weight, self.project.indicator_weight)

    def weights_by_level1(self) -> Mapping[str, Decimal]:
        """Σ 权重 per 一级指标 (names without spaces or a trailing 指标), in table order.

        >>> from budgetkit.model.project import Project
        >>> from budgetkit.model.indicator import PerformanceIndicator as I
        >>> p = Project(name="x", kind="特定目标类", indicators=(
        ...     I(level1="产出指标", level2="数量指标", level3="a", operator="≥", target="1", weight=60),
        ...     I(level1="满意度指标", level2="服务对象满意度指标", level3="b", operator="≥", target="90", weight=30)))
        >>> dict(score_project(p).weights_by_level1())
        {'产出': Decimal('60'), '满意度': Decimal('30')}
        """
        sums: dict[str, Decimal] = {}
        for score in self.indicators:
            key = _level1_key(score.indicator.level1)
            sums[key] = EXACT.add(sums.get(key, Decimal(0)), score.weight)
        return MappingProxyType(sums)

    def weights_by_level2(self) -> Mapping[tuple[str, str], Decimal]:
        """Σ 权重 per (一级指标, 二级指标), in table order."""
        sums: dict[tuple[str, str], Decimal] = {}
        for score in self.indicators:
            ind = score.indicator
            key = (_level1_key(ind.level1), "".join(ind.level2.split()))
            sums[key] = EXACT.add(sums.get(key, Decimal(0)), score.weight)
        return MappingProxyType(sums)

    def principle_weights(self) -> tuple[PrincipleWeight, ...]:
        """Each principle weight beside the table's (principles first, then other 一级指标)."""
        actual = dict(self.weights_by_level1())
        actual[_EXECUTION] = self.execution_weight
        principles = dict(self.rules.principle_weights)
        rows = [PrincipleWeight(name, points, actual.get(name, Decimal(0))) for name, points in principles.items()]
        rows += [PrincipleWeight(name, None, weight) for name, weight in actual.items() if name not in principles]
        return tuple(rows)

    def principle_deviations(self) -> tuple[PrincipleWeight, ...]:
        """The weights that depart from their principle (informational: "如有特殊情况" allows it).

        >>> from budgetkit.model.project import Project
        >>> from budgetkit.model.indicator import PerformanceIndicator as I
        >>> p = Project(name="x", kind="特定目标类", execution_weight=10, indicators=(
        ...     I(level1="产出指标", level2="数量指标", level3="a", operator="≥", target="1", weight=60),
        ...     I(level1="效益指标", level2="社会效益指标", level3="b", operator="≥", target="1", weight=30)))
        >>> [(w.name, w.principle, w.actual) for w in score_project(p).principle_deviations()]
        [('产出', Decimal('50'), Decimal('60')), ('满意度', Decimal('10'), Decimal('0'))]

        A 一级指标 the rules give no principle weight departs from it only when the principle weights make the whole
        100 (成本 beside 产出 50 / 效益 30 / 满意度 10 / 执行率 10); rules that name only some (湖北: 执行率 20) leave the
        other levels free, so those are no departure.
        """
        points = [points for _, points in self.rules.principle_weights]
        whole = EXACT.add(Decimal(0), sum(points, Decimal(0))) == FULL_SCORE
        return tuple(row for row in self.principle_weights() if row.deviates and (whole or row.principle is not None))


def score_project(project: Project, rules: ScoringRules = DEFAULT_RULES) -> ProjectScore:
    """Score a project's whole self-evaluation table.

    >>> from budgetkit.model.project import Project
    >>> score_project(Project(name="空表", kind="特定目标类")).execution_score is None
    True
    """
    return ProjectScore(
        project=project,
        rules=rules,
        indicators=tuple(score_indicator(ind, rules) for ind in project.indicators),
    )
