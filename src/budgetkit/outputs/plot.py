"""The seven charts a 决算说明 names, as data and as PNG/SVG files (an edge module).

:func:`charts` computes every chart from the model — never from the chart data
the report exported — as a :class:`ChartSpec` of exact amounts in 万元, with
value labels rounded half-up by :mod:`budgetkit.values.formatting`. A pie prints the
shares the report's text prints (its ``share`` claims), so chart and text agree;
a part the text gives no share for is rounded half-up on its own. Shares are
never balanced to 100.00%: a nudged share is a defect ``budgetkit check``
reports (``rounding.nudged``), not something a chart should make. Bars run in
chronological order (last year, then this year), and each chart is captioned
with its number as the text cites it (``图6：…``). :func:`save_charts` draws
them with matplotlib (the ``plot`` extra, imported only when drawing);
:func:`use_chinese_font` lets your own matplotlib and pandas plots render
Chinese with the same font. A chart whose figures are unknown, or all zero, is
skipped with a :class:`ChartSkippedWarning` rather than drawn as zeros.

>>> from budgetkit.datasets import load
>>> pie = charts(load("zigong-hr-2023"))[5]
>>> pie.number, pie.caption, pie.labels
(6, '图6：一般公共预算财政拨款支出决算结构', ('社会保障和就业支出', '卫生健康支出', '住房保障支出'))
>>> pie.value_labels(), pie.share_labels()  # as section 五（二） prints them
(('980.00万元', '18.93万元', '27.05万元'), ('95.52%', '1.85%', '2.63%'))
"""

from __future__ import annotations

import enum
import warnings
from collections.abc import Mapping, Sequence
from decimal import Decimal
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from budgetkit.errors import MissingExtraError, ModelError
from budgetkit.model.account import ExpenseSide, Figure, FinalAccount, Income
from budgetkit.model.claim import ClaimKind
from budgetkit.reference import vocabulary
from budgetkit.reference.vocabulary import FIGURE_LABELS
from budgetkit.values.formatting import format_money, format_percent
from budgetkit.values.money import Money
from budgetkit.values.numbers import to_decimal
from budgetkit.values.ratio import Ratio

if TYPE_CHECKING:
    from matplotlib.figure import Figure as MplFigure

__all__ = [
    "ChartKind",
    "ChartSkippedWarning",
    "ChartSpec",
    "CjkFontWarning",
    "MissingExtraError",
    "charts",
    "save_charts",
    "use_chinese_font",
]

# -- every word a reader sees ------------------------------------------------
_TITLES: Mapping[int, str] = vocabulary.CHART_TITLES
_THREE_PUBLIC_PARTS: Mapping[str, str] = MappingProxyType(
    {name: f"{label}支出" for name, label in vocabulary.THREE_PUBLIC_LABELS.items()}
)
_YEAR = "{}年"
_AXIS_UNIT = "万元"
_CAPTION = "图{number}：{title}"
# ----------------------------------------------------------------------------

#: Installed font families that cover Simplified Chinese, best first. "Noto Sans
#: CJK JP" is what matplotlib lists for Debian's fonts-noto-cjk collection (its
#: first face); it has every Chinese character, with Japanese glyph forms.
_CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "SimHei",
    "Heiti SC",
    "STHeiti",
    "Noto Sans CJK JP",
    "Source Han Sans",
    "Arial Unicode MS",
)
#: Simplified Chinese fonts shipped inside PyPI packages: (module, file in it).
_PACKAGED_CJK_FONTS = (("pylopdf_fonts_zh_cn", "NotoSansSC-Regular.otf"),)
_DPI = 150
#: Wedges of at least this share (percent) also print it inside the wedge.
_SHARE_SHOWN_INSIDE = Decimal(8)
_COLORS = ("#3b75af", "#ef8636", "#519e3e", "#c53a32", "#8d69b8", "#84584e", "#d57dbe", "#7f7f7f")


class ChartKind(enum.Enum):
    """How a chart draws its values: bars (柱状图) or a pie (饼状图).

    >>> ChartKind("饼状图")
    <ChartKind.PIE: '饼状图'>
    """

    BAR = "柱状图"
    PIE = "饼状图"


class ChartSkippedWarning(UserWarning):
    """A chart was not drawn because its figures are unknown or all zero."""


class CjkFontWarning(UserWarning):
    """No font that covers Chinese was found, so Chinese text may render as empty boxes."""


def _kind(value: Any) -> ChartKind:
    return value if isinstance(value, ChartKind) else ChartKind(value)


def _decimals(values: Any) -> tuple[Decimal, ...]:
    return tuple(to_decimal(value) for value in values)


def _optional_decimals(values: Any) -> tuple[Decimal | None, ...]:
    return tuple(None if value is None else to_decimal(value) for value in values)


def _strings(values: Any) -> tuple[str, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class ChartSpec:
    """One chart as plain data: number, title, kind, and a label and exact amount (万元) per bar or wedge.

    ``subjects`` names the model path each value was read from; ``stated_shares``
    holds, per wedge of a pie, the share the report's text prints (``None`` where
    it prints none). A pie's :attr:`shares` are those, else each value's share of
    the whole rounded half-up to two places — never balanced to 100.

    >>> spec = ChartSpec(number=7, title="“三公”经费财政拨款支出结构", kind="饼状图",
    ...     labels=("公务用车购置及运行维护费支出", "公务接待费支出"), values=("2.00", "0.8"))
    >>> spec.caption, spec.value_labels(), spec.share_labels()
    ('图7：“三公”经费财政拨款支出结构', ('2.00万元', '0.80万元'), ('71.43%', '28.57%'))
    >>> ChartSpec(number=6, title="结构", kind="饼状图", labels=("a", "b", "c"),
    ...     values=("980", "18.93", "27.05")).share_labels()  # 100.01 in all, as a report prints them
    ('95.52%', '1.85%', '2.64%')
    """

    number: int
    title: str
    kind: ChartKind = attrs.field(converter=_kind)
    labels: tuple[str, ...] = attrs.field(converter=_strings)
    values: tuple[Decimal, ...] = attrs.field(converter=_decimals)
    subjects: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    stated_shares: tuple[Decimal | None, ...] = attrs.field(default=(), converter=_optional_decimals)

    def __attrs_post_init__(self) -> None:
        if len(self.labels) != len(self.values):
            raise ModelError(f"{len(self.labels)} labels for {len(self.values)} values", f"chart {self.number}")
        if self.subjects and len(self.subjects) != len(self.values):
            raise ModelError(f"{len(self.subjects)} subjects for {len(self.values)} values", f"chart {self.number}")
        if self.stated_shares and len(self.stated_shares) != len(self.values):
            raise ModelError(
                f"{len(self.stated_shares)} stated shares for {len(self.values)} values", f"chart {self.number}"
            )
        if self.kind is ChartKind.PIE and not all(v > 0 for v in self.values):
            raise ModelError("a pie shows parts above zero only", f"chart {self.number}")

    @property
    def caption(self) -> str:
        """The chart's number and title as the text cites it: ``图6：一般公共预算财政拨款支出决算结构``."""
        return _CAPTION.format(number=self.number, title=self.title)

    @property
    def shares(self) -> tuple[Decimal, ...]:
        """A pie's shares in percent, two decimals: as the text prints them, else rounded half-up; empty for bars."""
        if self.kind is not ChartKind.PIE:
            return ()
        whole = sum(self.values, Decimal(0))
        stated = self.stated_shares or (None,) * len(self.values)
        shares: list[Decimal] = []
        for value, printed in zip(self.values, stated, strict=True):
            share = printed if printed is not None else Ratio(value, whole).percent(2)
            assert share is not None  # every part is above 0, so the whole is too
            shares.append(share)
        return tuple(shares)

    def value_labels(self) -> tuple[str, ...]:
        """Each value as printed: two decimals, rounded half-up, in 万元."""
        return tuple(format_money(Money(v)) for v in self.values)

    def share_labels(self) -> tuple[str, ...]:
        """Each pie share as printed, e.g. ``95.52%``; empty for bars."""
        return tuple(format_percent(share) for share in self.shares)


@attrs.frozen
class _Part:
    label: str
    amount: Money | None
    subject: str


@attrs.frozen
class _Skip:
    number: int
    reason: str

    def warn(self) -> None:
        warnings.warn(
            f"chart {self.number} ({_TITLES[self.number]}) is not drawn: {self.reason}",
            ChartSkippedWarning,
            stacklevel=4,  # the caller of charts() or save_charts()
        )


def _years(account: FinalAccount, figure: Figure, path: str) -> list[_Part]:
    """Last year, then this year: bars run in chronological order."""
    return [
        _Part(_YEAR.format(account.previous_year), figure.previous, f"{path}.previous"),
        _Part(_YEAR.format(account.year), figure.current, f"{path}.current"),
    ]


def _bars(number: int, parts: Sequence[_Part]) -> ChartSpec | _Skip:
    unknown = [p.label for p in parts if p.amount is None]
    if unknown:
        return _Skip(number, f"{'、'.join(unknown)} unknown")
    amounts = [p.amount for p in parts if p.amount is not None]
    if not any(amounts):
        return _Skip(number, "every value is zero")
    return ChartSpec(
        number=number,
        title=_TITLES[number],
        kind=ChartKind.BAR,
        labels=[p.label for p in parts],
        values=[a.amount for a in amounts],
        subjects=[p.subject for p in parts],
    )


def _stated_shares(account: FinalAccount, parts: Sequence[_Part], base: str) -> list[Decimal | None]:
    """The share the text prints for each part of ``base`` (its ``share`` claim), ``None`` where none."""
    printed = {
        claim.subject: claim.stated for claim in account.claims if claim.kind is ClaimKind.SHARE and claim.base == base
    }
    return [printed.get(part.subject.rpartition(".")[0]) for part in parts]


def _pie(
    number: int, parts: Sequence[_Part], whole: Money | None, account: FinalAccount, base: str
) -> ChartSpec | _Skip:
    """A pie of the positive parts; unknown parts are taken as 0 only when the known ones make up ``whole``."""
    negative = [p.label for p in parts if p.amount is not None and p.amount.amount < 0]
    if negative:
        return _Skip(number, f"a pie cannot show the negative {'、'.join(negative)}")
    known = [p for p in parts if p.amount is not None]
    unknown = [p.label for p in parts if p.amount is None]
    if unknown and (whole is None or Money.sum(p.amount for p in known if p.amount is not None) != whole):
        return _Skip(number, f"{'、'.join(unknown)} unknown and the known parts do not make up the total")
    drawn = [p for p in known if p.amount is not None and p.amount.amount > 0]
    if not drawn:
        return _Skip(number, "every part is zero")
    return ChartSpec(
        number=number,
        title=_TITLES[number],
        kind=ChartKind.PIE,
        labels=[p.label for p in drawn],
        values=[p.amount.amount for p in drawn if p.amount is not None],
        subjects=[p.subject for p in drawn],
        stated_shares=_stated_shares(account, drawn, base),
    )


def _build(account: FinalAccount) -> list[ChartSpec | _Skip]:
    # 收入总计 equals 支出总计 in a consistent account (budgetkit.checks.audit checks it), so
    # chart 1 is one series: 收入总计, or 支出总计 for a year whose 收入总计 is unknown.
    totals = [
        part if part.amount is not None else alternative
        for part, alternative in zip(
            _years(account, account.income.total, vocabulary.CHART_FIGURES[1]),
            _years(account, account.expenditure.total, "expenditure.total"),
            strict=True,
        )
    ]
    income, expenditure, three_public = account.income, account.expenditure, account.three_public
    general = account.general_budget
    categories = [
        _Part(
            c.name,
            c.actual if c.actual is not None else c.rolled_up(),
            f"{vocabulary.CHART_PARTS[6]}[{c.name}].actual",
        )
        for c in general.categories
    ]

    def parts(owner: Any, path: str, names: Mapping[str, str]) -> list[_Part]:
        return [
            _Part(label, getattr(owner, field).current, f"{path}.{field}.current") for field, label in names.items()
        ]

    def labels(path: str, fields: tuple[str, ...]) -> Mapping[str, str]:
        return {field: FIGURE_LABELS[f"{path}.{field}"] for field in fields}

    return [
        _bars(1, totals),
        _pie(
            2,
            parts(income, vocabulary.CHART_PARTS[2], labels(vocabulary.CHART_PARTS[2], Income.SOURCES)),
            income.year_total.current,
            account,
            "income.year_total",
        ),
        _pie(
            3,
            parts(expenditure, vocabulary.CHART_PARTS[3], labels(vocabulary.CHART_PARTS[3], ExpenseSide.PARTS)),
            expenditure.year_total.current,
            account,
            "expenditure.year_total",
        ),
        _bars(4, _years(account, account.fiscal.total, vocabulary.CHART_FIGURES[4])),
        _bars(5, _years(account, general.total, vocabulary.CHART_FIGURES[5])),
        _pie(6, categories, general.total.current, account, "general_budget.total"),
        _pie(
            7,
            parts(three_public, vocabulary.CHART_PARTS[7], _THREE_PUBLIC_PARTS),
            three_public.total.current,
            account,
            "three_public.total",
        ),
    ]


def _drawable(account: FinalAccount) -> list[ChartSpec]:
    specs: list[ChartSpec] = []
    for built in _build(account):
        if isinstance(built, _Skip):
            built.warn()
        else:
            specs.append(built)
    return specs


def charts(account: FinalAccount) -> list[ChartSpec]:
    """The seven charts of a 决算说明, computed from ``account``, leaving out those with nothing to show.

    Bars compare this year with last year; pies show the parts above zero. A
    chart with an unknown figure, or whose figures are all zero, is left out
    with a :class:`ChartSkippedWarning`. An unknown pie part counts as zero
    only when the known parts already make up the printed total.

    >>> from budgetkit.datasets import load
    >>> bars = charts(load("zigong-hr-2023"))[0]
    >>> bars.caption, bars.labels, bars.value_labels()
    ('图1：收、支决算总计变动情况图', ('2022年', '2023年'), ('988.88万元', '1,054.90万元'))
    """
    return _drawable(account)


def _matplotlib() -> Any:
    try:
        import matplotlib
        import matplotlib.backends.backend_agg
        import matplotlib.figure
        import matplotlib.font_manager
    except ImportError as exc:
        raise MissingExtraError("matplotlib", "plot", "drawing charts") from exc
    return matplotlib


def _cjk_family() -> str | None:
    """An installed CJK font family, else one a PyPI font package ships, else ``None`` with a warning."""
    from matplotlib import font_manager

    manager = font_manager.fontManager

    def installed() -> str | None:
        names = {entry.name for entry in manager.ttflist}
        return next((family for family in _CJK_FAMILIES if family in names), None)

    family = installed()
    if family is None:
        # matplotlib lists the fonts it found when it first ran; look again, so that a
        # font installed since then is used without deleting matplotlib's font cache.
        known = {entry.fname for entry in manager.ttflist}
        for path in font_manager.findSystemFonts():
            if path not in known:
                try:
                    manager.addfont(path)
                except Exception:  # matplotlib skips an unreadable font file the same way
                    continue
        family = installed()
    if family is not None:
        return family
    for module, filename in _PACKAGED_CJK_FONTS:
        try:
            font = resources.files(module).joinpath(filename)
        except ModuleNotFoundError:
            continue
        if font.is_file():
            path = str(font)
            manager.addfont(path)
            name: str = font_manager.FontProperties(fname=path).get_name()
            return name
    warnings.warn(
        "no font covering Chinese was found, so Chinese text in the charts may render as empty boxes; "
        "install one: pip install pylopdf-fonts-zh-cn (Noto Sans SC), or on Debian/Ubuntu apt-get install fonts-noto-cjk",
        CjkFontWarning,
        stacklevel=3,
    )
    return None


def use_chinese_font() -> str | None:
    """Make your own matplotlib and pandas plots render Chinese; return the font family used.

    Sets matplotlib's font family (``rcParams["font.family"]``, for the rest of the
    session) to a font that covers Simplified Chinese — an installed one, else the
    Noto Sans SC the ``plot`` extra brings — followed by the generic ``sans-serif``,
    which stays your ``font.sans-serif`` list. matplotlib falls back glyph by glyph
    only along ``font.family``, so Latin text and symbols the Chinese font lacks
    (WenQuanYi Zen Hei has no minus sign −, U+2212, which matplotlib puts in
    negative tick labels) render from your sans-serif font. Without it, Chinese
    shows as empty boxes and matplotlib warns for every missing glyph. With no
    Chinese font at all it changes nothing, warns (:class:`CjkFontWarning`) and
    returns ``None``. Wrap the call in ``matplotlib.rc_context()`` to limit it to
    a block.

    >>> import matplotlib
    >>> with matplotlib.rc_context():
    ...     family = use_chinese_font()
    ...     matplotlib.rcParams["font.family"] == [family, "sans-serif"]
    True
    """
    matplotlib = _matplotlib()
    family = _cjk_family()
    if family is None:
        return None
    params = matplotlib.rcParams
    # The generic family resolves to one font only (the first of its list that is
    # installed), so the Chinese font goes in font.family itself, not in font.sans-serif.
    params["font.family"] = [family, "sans-serif"]
    params["font.sans-serif"] = [name for name in params["font.sans-serif"] if name != family]
    return family


def _floats(values: Sequence[Decimal]) -> list[float]:
    # The plotting boundary, and the only place money becomes float: matplotlib
    # draws with floats. Every number a reader sees comes from the exact Decimals
    # (value_labels, share_labels), never from these.
    return [float(v) for v in values]


def _draw_bars(figure: MplFigure, spec: ChartSpec) -> None:
    axes = figure.add_subplot()
    positions = list(range(len(spec.values)))
    bars = axes.bar(positions, _floats(spec.values), width=0.5, color=_COLORS[0])
    axes.bar_label(bars, labels=list(spec.value_labels()), padding=3)
    axes.set_xticks(positions, list(spec.labels))
    axes.set_ylabel(_AXIS_UNIT)
    axes.margins(y=0.15)
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_title(spec.caption)


def _draw_pie(figure: MplFigure, spec: ChartSpec) -> None:
    axes = figure.add_subplot()
    # Every share is printed in the legend, with its name and amount; only wedges
    # wide enough to hold it repeat the share inside, so thin neighbouring wedges
    # never print on top of one another.
    inside = [
        label if share >= _SHARE_SHOWN_INSIDE else ""
        for label, share in zip(spec.share_labels(), spec.shares, strict=True)
    ]
    axes.pie(
        _floats(spec.values),
        labels=inside,
        labeldistance=0.62,
        textprops={"color": "white", "ha": "center", "va": "center"},
        colors=[_COLORS[i % len(_COLORS)] for i in range(len(spec.values))],
        startangle=90,
        counterclock=False,
        wedgeprops={"edgecolor": "white", "linewidth": 1},
    )
    legend = [
        f"{label}  {value}（{share}）"
        for label, value, share in zip(spec.labels, spec.value_labels(), spec.share_labels(), strict=True)
    ]
    axes.legend(axes.patches, legend, loc="upper center", bbox_to_anchor=(0.5, 0.0), frameon=False)
    axes.set_title(spec.caption)


def _metadata(fmt: str, title: str) -> dict[str, Any] | None:
    if fmt == "svg":
        return {"Title": title, "Date": None}  # no date, so the same account gives the same file
    if fmt in ("png", "pdf"):
        return {"Title": title}
    return None


def save_charts(account: FinalAccount, directory: str | Path, formats: Sequence[str] = ("png", "svg")) -> list[Path]:
    """Draw :func:`charts` into ``directory`` as ``chart-<number>.<format>`` files; return their paths.

    Needs the ``plot`` extra (``pip install 'budgetkit[plot]'``); matplotlib is
    imported here only, and drawn with its Agg renderer without touching pyplot
    or the global backend. Chinese text uses an installed CJK font, else the
    Noto Sans SC that the PyPI package ``pylopdf-fonts-zh-cn`` ships; with
    neither, a :class:`CjkFontWarning` says how to install one.

    >>> import tempfile, warnings
    >>> from budgetkit.datasets import load
    >>> with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     [p.name for p in save_charts(load("zigong-hr-2023"), tmp, formats=["svg"])]
    ['chart-1.svg', 'chart-2.svg', 'chart-3.svg', 'chart-4.svg', 'chart-5.svg', 'chart-6.svg', 'chart-7.svg']
    """
    specs = _drawable(account)
    matplotlib = _matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure as MplFigure

    formats = [formats] if isinstance(formats, str) else list(formats)
    supported = FigureCanvasAgg.get_supported_filetypes()
    for fmt in formats:
        if fmt not in supported:
            raise ModelError(f"cannot save charts as {fmt!r}; use any of {', '.join(sorted(supported))}", "formats")
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    family = _cjk_family()
    rc = {
        # Glyph by glyph fallback runs along font.family only: what the Chinese font
        # lacks (WenQuanYi Zen Hei has no minus sign) comes from DejaVu Sans, which matplotlib ships.
        "font.family": [family, "DejaVu Sans"] if family else ["DejaVu Sans"],
        # Text as glyph outlines, so an SVG shows the same characters on a machine without the font.
        "svg.fonttype": "path",
        "svg.hashsalt": "budgetkit",
    }
    paths: list[Path] = []
    with matplotlib.rc_context(rc), warnings.catch_warnings():
        if family is None:  # CjkFontWarning said so once; not again for every missing glyph
            warnings.filterwarnings("ignore", message="Glyph .* missing from font", category=UserWarning)
        for spec in specs:
            figure = MplFigure(figsize=(6.4, 4.8), layout="constrained")
            FigureCanvasAgg(figure)
            (_draw_pie if spec.kind is ChartKind.PIE else _draw_bars)(figure, spec)
            for fmt in formats:
                path = target / f"chart-{spec.number}.{fmt}"
                figure.savefig(path, format=fmt, dpi=_DPI, metadata=_metadata(fmt, spec.title))
                paths.append(path)
    return paths
