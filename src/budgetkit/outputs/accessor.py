"""The ``.bk`` pandas accessor: exact, half-up (四舍五入) operations on budgetkit's decimal columns.

Arrow, under pandas' decimal columns, truncates when it divides; pandas rounds
half to even (105.45 → 105.4); ``describe()`` fails on decimal columns,
``cumsum()`` is not supported and ``std()`` answers with a float. ``Series.bk``
and ``DataFrame.bk`` do these exactly, compute every value with
:class:`~decimal.Decimal`, round only where asked, half-up, and return decimal
columns sized by :func:`budgetkit.outputs.table.decimal_type` — never a float:

- ``round_half_up(places)`` — 四舍五入 to ``places`` decimals (Series and DataFrame);
- ``change(other)`` — ``self − other``, exactly (增减额);
- ``rate(other, places=2)`` — ``self / other`` in percent (完成率, 执行率);
- ``growth(previous, places=2)`` — ``(self − previous) / previous`` in percent (增长率);
- ``share(places=2)`` — each value's share of the column's sum in percent (占比);
- ``cumsum()`` — the running total;
- ``mean(places)``, ``std(places, ddof=1)`` and ``describe(places)`` (Series and DataFrame).

A blank value (``<NA>``, not printed) stays blank and is left out of sums,
like pandas' ``skipna``; a rate whose base is 0 is undefined, so it is
``<NA>`` too — never 0 nor infinity. Percentages are not balanced to 100:
each is rounded on its own, as the text of a report prints it.

Where Arrow can do it exactly within its 38 digits — subtraction, half-up
rounding (its ``half_towards_infinity`` mode), and a quotient truncated at
more places than asked and then rounded half-up, which is exact — the work is
vectorised in Arrow; running totals and statistics of columns of up to 18
digits add the decimals' unscaled int64 values. Otherwise (wider columns,
integer columns) each value is computed with ``Decimal``. Both give the same
values (a property test compares them); ``benchmarks/frames.py`` times them.

Importing :mod:`budgetkit.outputs.table` does not import pandas; the accessor is
registered when :mod:`budgetkit.outputs.table` first builds or reads a frame, or by
:func:`register` (which needs the ``pandas`` extra).

>>> from budgetkit.datasets import load
>>> from budgetkit.outputs.table import to_frame
>>> figures = to_frame(load("zigong-hr-2023")).set_index("path")
>>> total = figures.loc["income.total"]
>>> total["current"], total["previous"]
(Decimal('1054.90'), Decimal('988.88'))
>>> growth = figures["current"].bk.growth(figures["previous"])
>>> growth["income.total"], str(growth.dtype)
(Decimal('6.68'), 'decimal128(12, 2)[pyarrow]')
"""

from __future__ import annotations

import importlib
import math
import sys
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, NamedTuple

from budgetkit.errors import BudgetkitError, MissingExtraError
from budgetkit.outputs.table import decimal_type
from budgetkit.values.numbers import EXACT, places_of, round_half_up

__all__ = ["ColumnTypeError", "FrameAccessor", "SeriesAccessor", "register"]

#: Places added to a column's scale for its mean and standard deviation when none are asked for.
EXTRA_PLACES = 2
#: The rows of ``describe()``, as pandas names them.
_DESCRIBE = ("count", "mean", "std", "min", "25%", "50%", "75%", "max")
_QUARTILES = (Fraction(1, 4), Fraction(1, 2), Fraction(3, 4))

_registered = False


class ColumnTypeError(BudgetkitError, TypeError):
    """A column the ``.bk`` accessor cannot compute with exactly: not an Arrow decimal or integer column.

    ``column`` names it and ``dtype`` is its type.
    """

    def __init__(self, column: object, dtype: object) -> None:
        self.column = column
        self.dtype = dtype
        super().__init__(
            f"column {column!r} is {dtype}, not an exact Arrow decimal or integer column; "
            "build frames with budgetkit.outputs.table.to_frame, or convert with "
            "series.astype(pd.ArrowDtype(pa.decimal128(p, s)))"
        )


def _pandas() -> Any:
    try:
        importlib.import_module("pyarrow")  # the columns are Arrow arrays
        return importlib.import_module("pandas")
    except ImportError as exc:
        raise MissingExtraError(exc.name or "pandas", "pandas", "the .bk accessor") from exc


def _arrow() -> Any:
    return importlib.import_module("pyarrow")


def register() -> None:
    """Register ``Series.bk`` and ``DataFrame.bk`` with pandas (once; later calls do nothing).

    >>> register()
    >>> import pandas as pd
    >>> hasattr(pd.Series, "bk") and hasattr(pd.DataFrame, "bk")
    True
    """
    global _registered
    if _registered:
        return
    pd = _pandas()
    pd.api.extensions.register_series_accessor("bk")(SeriesAccessor)
    pd.api.extensions.register_dataframe_accessor("bk")(FrameAccessor)
    _registered = True


# -- values in and out ---------------------------------------------------------------------------


def _is_exact(dtype: Any) -> bool:
    pa = _arrow()
    arrow = getattr(dtype, "pyarrow_dtype", None)
    return arrow is not None and (pa.types.is_decimal(arrow) or pa.types.is_integer(arrow))


def _values(series: Any) -> list[Decimal | None]:
    """The column's values as Decimals (``None`` for a blank), refusing any column that is not exact."""
    if not _is_exact(series.dtype):
        raise ColumnTypeError(series.name, series.dtype)
    pd = _pandas()
    return [None if v is pd.NA else Decimal(v) for v in series.tolist()]


def _operand(other: Any, series: Any) -> tuple[Any, list[Decimal | None], list[Decimal | None]]:
    """Both sides as Decimal lists of equal length: another column (aligned on the index) or a number."""
    pd = _pandas()
    if isinstance(other, pd.Series):
        left, right = (series, other) if series.index.equals(other.index) else series.align(other)
        return left.index, _values(left), _values(right)
    if isinstance(other, (bool, float)) or not isinstance(other, (int, Decimal)):
        raise TypeError(f"the other operand is a pandas Series, an int or a Decimal, not {type(other).__name__}")
    return series.index, _values(series), [Decimal(other)] * len(series)


def _column(values: Sequence[Decimal | None], index: Any, name: Any, places: int | None = None) -> Any:
    """A decimal Series of ``values``; ``places`` fixes the scale (otherwise the values' most places)."""
    pa, pd = _arrow(), _pandas()
    sized: list[Decimal | None] = list(values)
    if places is not None:
        sized.append(Decimal(1).scaleb(-places))  # only to fix the scale of the type; not stored
    kind = decimal_type(sized)
    return pd.Series(pd.array(pa.array(list(values), kind), dtype=pd.ArrowDtype(kind)), index=index, name=name)


def _map2(
    values: Iterable[tuple[Decimal | None, Decimal | None]], op: Callable[[Decimal, Decimal], Decimal | None]
) -> list[Decimal | None]:
    return [None if a is None or b is None else op(a, b) for a, b in values]


def _percent(places: int) -> Callable[[Decimal, Decimal], Decimal | None]:
    """numerator / denominator in percent, half-up to ``places``; ``None`` (undefined) when it divides by 0."""

    def divide(numerator: Decimal, denominator: Decimal) -> Decimal | None:
        if not denominator:
            return None
        return _rounded(Fraction(numerator) * 100 / Fraction(denominator), places)

    return divide


# -- Arrow, where it is exact ---------------------------------------------------------------------

_HALF_UP = "half_towards_infinity"  # Arrow's name for 四舍五入 (ROUND_HALF_UP: halves away from zero)


def _decimal_array(series: Any) -> Any | None:
    """The column as an Arrow decimal128 array, or ``None`` when only the Decimal path applies."""
    pa = _arrow()
    if not pa.types.is_decimal128(series.dtype.pyarrow_dtype):
        return None
    return pa.array(series.array)


def _arrow_operand(other: Any, series: Any) -> tuple[Any, Any, Any] | None:
    """(index, left array, right array or scalar) for Arrow, or ``None`` to take the Decimal path."""
    pa, pd = _arrow(), _pandas()
    if isinstance(other, pd.Series):
        left, right = (series, other) if series.index.equals(other.index) else series.align(other)
        a, b = _decimal_array(left), _decimal_array(right) if _is_exact(right.dtype) else None
        return None if a is None or b is None else (left.index, a, b)
    a = _decimal_array(series)
    if a is None or isinstance(other, bool) or not isinstance(other, (int, Decimal)):
        return None
    return series.index, a, pa.scalar(Decimal(other))


def _arrow_column(array: Any, index: Any, name: Any) -> Any:
    """A decimal Series of an Arrow array, its type sized by :func:`~budgetkit.outputs.table.decimal_type`."""
    pc, pd = importlib.import_module("pyarrow.compute"), _pandas()
    largest = pc.max(pc.abs(array)).as_py()
    kind = decimal_type([largest, Decimal(1).scaleb(-array.type.scale)])
    return pd.Series(pd.array(pc.cast(array, kind), dtype=pd.ArrowDtype(kind)), index=index, name=name)


def _arrow_round(array: Any, places: int) -> Any:
    pa, pc = _arrow(), importlib.import_module("pyarrow.compute")
    precision, scale = array.type.precision, array.type.scale
    if places < scale:
        array = pc.round(array, ndigits=places, round_mode=_HALF_UP)  # raises if a carry needs one more digit
    return pc.cast(array, pa.decimal128(precision - scale + places, places))


def _arrow_percent(numerator: Any, denominator: Any, places: int) -> Any:
    """numerator / denominator in percent, half-up to ``places``, null where the denominator is 0 or null.

    Arrow truncates the quotient toward zero at its result scale; when that scale has more places
    than asked, rounding the truncated quotient half-up gives the exact half-up result: no multiple of
    10^-scale lies strictly between the truncated and the true quotient, and every rounding boundary is one.
    """
    pa, pc = _arrow(), importlib.import_module("pyarrow.compute")
    hundred = pc.multiply(numerator, pa.scalar(Decimal(100)))
    widened = hundred.type.scale + places + 1
    hundred = pc.cast(hundred, pa.decimal128(hundred.type.precision + places + 1, widened))
    if isinstance(denominator, pa.Scalar):
        if denominator.as_py() == 0:
            return pa.nulls(len(numerator), pa.decimal128(max(places, 1) + 1, places))
    else:
        zero = pc.equal(denominator, pa.scalar(Decimal(0), denominator.type))
        denominator = pc.if_else(zero, pa.scalar(None, denominator.type), denominator)
    quotient = pc.divide(hundred, denominator)
    if quotient.type.scale <= places:  # not enough places to round from: let Decimal do it
        raise pa.ArrowInvalid("quotient scale too small")
    return _arrow_round(quotient, places)


def _arrow_or_none(compute: Callable[[], Any]) -> Any | None:
    """``compute()``, or ``None`` when Arrow cannot do it within 38 digits (the Decimal path then does)."""
    pa = _arrow()
    try:
        return compute()
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None


# -- statistics ----------------------------------------------------------------------------------


def _rounded(value: Fraction, places: int) -> Decimal:
    """``value`` rounded half-up (away from zero) to ``places``, exactly (:func:`budgetkit.values.numbers.round_half_up`)."""
    return round_half_up(value, places)


def _decimal(units: int, places: int) -> Decimal:
    """``units`` × 10^−places as a Decimal with exactly ``places`` places."""
    return Decimal(units).scaleb(-places, context=EXACT).quantize(Decimal(1).scaleb(-places), context=EXACT)


def _sqrt_rounded(value: Fraction, places: int) -> Decimal:
    """The square root of ``value`` (≥ 0) rounded half-up to ``places``, exactly: integer arithmetic only."""
    scaled = value * 10 ** (2 * places)
    root = math.isqrt(scaled.numerator // scaled.denominator)  # floor(sqrt(scaled))
    if 4 * scaled >= (2 * root + 1) ** 2:  # sqrt(scaled) >= root + 1/2
        root += 1
    return _decimal(root, places)


def _scale(values: Iterable[Decimal]) -> int:
    return max((places_of(v) for v in values), default=0)


def _known(series: Any) -> list[Decimal]:
    return [v for v in _values(series) if v is not None]


#: decimal128 columns of at most this precision hold unscaled values that fit an int64.
_INT64_DIGITS = 18


def _int64_words(array: Any) -> tuple[Any, Any] | None:
    """(unscaled values as int64, validity mask) of a decimal128 array of at most 18 digits, else ``None``.

    A decimal128 value is a little-endian 128-bit integer; below 10^18 its low 64 bits, read as a signed
    int64, are the value itself. Slots under a null hold anything: the mask says which to ignore.
    """
    np = importlib.import_module("numpy")
    if array.type.precision > _INT64_DIGITS or sys.byteorder != "little":
        return None
    n, offset = len(array), array.offset
    words = np.frombuffer(array.buffers()[1], dtype=np.int64)[2 * offset : 2 * (offset + n) : 2]
    valid = np.ones(n, dtype=bool) if array.null_count == 0 else array.is_valid().to_numpy(zero_copy_only=False)
    return words, valid


class _Units(NamedTuple):
    """The known values of a column as integers in units of 10^-scale: their sums are exact and fast."""

    values: list[int]
    scale: int


def _units(series: Any) -> _Units:
    array = _decimal_array(series) if _is_exact(series.dtype) else None
    if array is not None:
        words = _int64_words(array)
        if words is not None:
            return _Units(words[0][words[1]].tolist(), array.type.scale)
    known = _known(series)
    scale = _scale(known)
    return _Units([int(v.scaleb(scale, context=EXACT)) for v in known], scale)


def _default_places(units: _Units, places: int | None) -> int:
    return units.scale + EXTRA_PLACES if places is None else places


def _mean(units: _Units, places: int) -> Decimal | None:
    if not units.values:
        return None
    return _rounded(Fraction(sum(units.values), len(units.values) * 10**units.scale), places)


def _std(units: _Units, places: int, ddof: int) -> Decimal | None:
    n = len(units.values)
    if n - ddof <= 0:
        return None
    total, squares = sum(units.values), sum(u * u for u in units.values)
    variance = Fraction(n * squares - total * total, n * (n - ddof) * 10 ** (2 * units.scale))
    return _sqrt_rounded(variance, places)


def _quantile(ordered: Sequence[int], scale: int, q: Fraction) -> Decimal:
    """pandas' default (linear) quantile, exactly: at a quartile the weights are quarters, so it terminates."""
    position = (len(ordered) - 1) * q
    low = math.floor(position)
    fraction = position - low
    if fraction == 0:
        return _decimal(ordered[low], scale)
    value = Fraction(ordered[low]) + (ordered[low + 1] - ordered[low]) * fraction
    return _rounded(value / 10**scale, scale + 2)  # a quarter adds at most two places: this is exact


def _describe(series: Any, places: int | None) -> list[Decimal | None]:
    units = _units(series)
    shown = _default_places(units, places)
    ordered, scale = sorted(units.values), units.scale
    quartiles: list[Decimal | None] = [_quantile(ordered, scale, q) if ordered else None for q in _QUARTILES]
    return [
        Decimal(len(ordered)),
        _mean(units, shown),
        _std(units, shown, 1),
        _decimal(ordered[0], scale) if ordered else None,
        *quartiles,
        _decimal(ordered[-1], scale) if ordered else None,
    ]


def _arrow_cumsum(array: Any) -> Any | None:
    """The running total of a decimal128 array of at most 18 digits, in int64 units; ``None`` if it might overflow."""
    np, pa = importlib.import_module("numpy"), _arrow()
    words = _int64_words(array)
    if words is None:
        return None
    units = np.where(words[1], words[0], 0)
    if len(units) and int(np.abs(units).max()) * len(units) >= 2**63:
        return None
    totals = np.cumsum(units)
    data = np.empty(2 * len(totals), dtype=np.int64)
    data[0::2], data[1::2] = totals, np.where(totals < 0, -1, 0)  # sign-extend to 128 bits
    validity = None if array.null_count == 0 else pa.array(words[1]).buffers()[1]
    kind = pa.decimal128(_INT64_DIGITS + 1, array.type.scale)  # any int64 has at most 19 digits
    return pa.Array.from_buffers(kind, len(totals), [validity, pa.py_buffer(data.tobytes())])


# -- the accessors -------------------------------------------------------------------------------


class SeriesAccessor:
    """``Series.bk``: exact operations on one decimal column (see the module notes).

    >>> import pandas as pd, pyarrow as pa
    >>> register()
    >>> s = pd.Series([Decimal("105.45"), Decimal("-0.125"), None], dtype=pd.ArrowDtype(pa.decimal128(12, 3)))
    >>> s.round(1).tolist()  # pandas: half to even
    [Decimal('105.400'), Decimal('-0.100'), <NA>]
    >>> s.bk.round_half_up(1).tolist()
    [Decimal('105.5'), Decimal('-0.1'), <NA>]
    """

    def __init__(self, series: Any) -> None:
        self._obj = series

    def round_half_up(self, places: int) -> Any:
        """Each value rounded half-up (四舍五入) to ``places`` decimals; the column's scale becomes ``places``.

        >>> import pandas as pd, pyarrow as pa
        >>> s = pd.Series([Decimal("0.125"), Decimal("2.635")], dtype=pd.ArrowDtype(pa.decimal128(12, 3)))
        >>> s.bk.round_half_up(2).tolist()
        [Decimal('0.13'), Decimal('2.64')]
        """
        array = _decimal_array(self._obj) if _is_exact(self._obj.dtype) else None
        fast = None if array is None else _arrow_or_none(lambda: _arrow_round(array, places))
        if fast is not None:
            return _arrow_column(fast, self._obj.index, self._obj.name)
        values = [None if v is None else round_half_up(v, places) for v in _values(self._obj)]
        return _column(values, self._obj.index, self._obj.name, places)

    def change(self, other: Any) -> Any:
        """``self − other`` exactly (增减额): another column, aligned on the index, or an int or Decimal.

        >>> import pandas as pd, pyarrow as pa
        >>> now = pd.Series([Decimal("2.80"), Decimal("0.8")], dtype=pd.ArrowDtype(pa.decimal128(12, 2)))
        >>> before = pd.Series([Decimal("2.22"), Decimal("0.29")], dtype=pd.ArrowDtype(pa.decimal128(12, 2)))
        >>> now.bk.change(before).tolist()
        [Decimal('0.58'), Decimal('0.51')]
        """
        arrow = _arrow_operand(other, self._obj) if _is_exact(self._obj.dtype) else None
        if arrow is not None:
            index, a, b = arrow
            pc = importlib.import_module("pyarrow.compute")
            fast = _arrow_or_none(lambda: pc.subtract(a, b))
            if fast is not None:
                return _arrow_column(fast, index, self._obj.name)
        index, left, right = _operand(other, self._obj)
        return _column(_map2(zip(left, right, strict=True), EXACT.subtract), index, self._obj.name)

    def rate(self, other: Any, places: int = 2) -> Any:
        """``self / other`` in percent, half-up to ``places`` (完成率, 执行率); blank where ``other`` is 0.

        >>> import pandas as pd, pyarrow as pa
        >>> executed = pd.Series([Decimal("20.63"), Decimal("5")], dtype=pd.ArrowDtype(pa.decimal128(12, 2)))
        >>> budget = pd.Series([Decimal("1.96"), Decimal("0")], dtype=pd.ArrowDtype(pa.decimal128(12, 2)))
        >>> executed.bk.rate(budget).tolist()
        [Decimal('1052.55'), <NA>]
        """
        arrow = _arrow_operand(other, self._obj) if _is_exact(self._obj.dtype) else None
        if arrow is not None:
            index, a, b = arrow
            fast = _arrow_or_none(lambda: _arrow_percent(a, b, places))
            if fast is not None:
                return _arrow_column(fast, index, self._obj.name)
        index, left, right = _operand(other, self._obj)
        return _column(_map2(zip(left, right, strict=True), _percent(places)), index, self._obj.name, places)

    def growth(self, previous: Any, places: int = 2) -> Any:
        """``(self − previous) / previous`` in percent, half-up to ``places`` (增长率); blank where it was 0.

        >>> import pandas as pd, pyarrow as pa
        >>> now = pd.Series([Decimal("1054.90"), Decimal("1")], dtype=pd.ArrowDtype(pa.decimal128(12, 2)))
        >>> now.bk.growth(pd.Series([Decimal("988.88"), Decimal("0")], dtype=now.dtype)).tolist()
        [Decimal('6.68'), <NA>]
        """
        arrow = _arrow_operand(previous, self._obj) if _is_exact(self._obj.dtype) else None
        if arrow is not None:
            index, a, b = arrow
            pc = importlib.import_module("pyarrow.compute")
            fast = _arrow_or_none(lambda: _arrow_percent(pc.subtract(a, b), b, places))
            if fast is not None:
                return _arrow_column(fast, index, self._obj.name)
        index, left, right = _operand(previous, self._obj)
        grow = _percent(places)
        values = _map2(zip(left, right, strict=True), lambda a, b: grow(EXACT.subtract(a, b), b))
        return _column(values, index, self._obj.name, places)

    def share(self, places: int = 2) -> Any:
        """Each value's share of the column's sum in percent, half-up to ``places`` (占比), not balanced to 100.

        The sum leaves out blank values; when it is 0 every share is undefined (blank).

        >>> import pandas as pd, pyarrow as pa
        >>> lines = pd.Series([Decimal("980"), Decimal("18.93"), Decimal("27.05")],
        ...     dtype=pd.ArrowDtype(pa.decimal128(12, 2)))
        >>> lines.bk.share().tolist()  # as the report prints them: 100.01 in all
        [Decimal('95.52'), Decimal('1.85'), Decimal('2.64')]
        """
        array = _decimal_array(self._obj) if _is_exact(self._obj.dtype) else None
        if array is not None:
            pa, pc = _arrow(), importlib.import_module("pyarrow.compute")
            whole = pc.sum(array).as_py()
            fast = _arrow_or_none(lambda: _arrow_percent(array, pa.scalar(whole or Decimal(0)), places))
            if fast is not None:
                return _arrow_column(fast, self._obj.index, self._obj.name)
        values = _values(self._obj)
        total = Decimal(0)
        for value in values:
            if value is not None:
                total = EXACT.add(total, value)
        divide = _percent(places)
        shares = [None if v is None else divide(v, total) for v in values]
        return _column(shares, self._obj.index, self._obj.name, places)

    def cumsum(self) -> Any:
        """The running total, exactly; a blank value stays blank and adds nothing.

        >>> import pandas as pd, pyarrow as pa
        >>> s = pd.Series([Decimal("0.1"), None, Decimal("0.2")], dtype=pd.ArrowDtype(pa.decimal128(12, 1)))
        >>> s.bk.cumsum().tolist()
        [Decimal('0.1'), <NA>, Decimal('0.3')]
        """
        array = _decimal_array(self._obj) if _is_exact(self._obj.dtype) else None
        fast = None if array is None else _arrow_cumsum(array)
        if fast is not None:
            return _arrow_column(fast, self._obj.index, self._obj.name)
        running, totals = Decimal(0), list[Decimal | None]()
        for value in _values(self._obj):
            if value is None:
                totals.append(None)
            else:
                running = EXACT.add(running, value)
                totals.append(running)
        return _column(totals, self._obj.index, self._obj.name)

    def mean(self, places: int | None = None) -> Decimal | None:
        """The mean of the known values, half-up to ``places`` (default: the column's scale + 2); ``None`` if none.

        >>> import pandas as pd, pyarrow as pa
        >>> pd.Series([Decimal("1"), Decimal("2")], dtype=pd.ArrowDtype(pa.decimal128(12, 0))).bk.mean(1)
        Decimal('1.5')
        """
        units = _units(self._obj)
        return _mean(units, _default_places(units, places))

    def std(self, places: int | None = None, ddof: int = 1) -> Decimal | None:
        """The standard deviation, half-up to ``places`` (default: scale + 2) — a Decimal, never a float.

        ``None`` when there are no more than ``ddof`` known values.

        >>> import pandas as pd, pyarrow as pa
        >>> s = pd.Series([Decimal("1054.90"), Decimal("988.88")], dtype=pd.ArrowDtype(pa.decimal128(12, 2)))
        >>> s.bk.std(), s.bk.std(2, ddof=0)
        (Decimal('46.6832'), Decimal('33.01'))
        """
        units = _units(self._obj)
        return _std(units, _default_places(units, places), ddof)

    def describe(self, places: int | None = None) -> Any:
        """count, mean, std, min, quartiles and max as pandas names them, each an exact Decimal.

        Mean and std are half-up to ``places`` (default: the column's scale + 2); the
        quartiles interpolate linearly, as pandas does, and exactly.

        >>> import pandas as pd, pyarrow as pa
        >>> s = pd.Series([Decimal("1.00"), Decimal("2.00"), Decimal("4.00")], dtype=pd.ArrowDtype(pa.decimal128(12, 2)))
        >>> s.bk.describe().to_dict()["25%"], s.bk.describe(2).to_dict()["mean"]
        (Decimal('1.5000'), Decimal('2.3300'))
        """
        pd = _pandas()
        return _column(_describe(self._obj, places), pd.Index(_DESCRIBE), self._obj.name)


class FrameAccessor:
    """``DataFrame.bk``: :meth:`round_half_up` and :meth:`describe` over every decimal column.

    >>> from budgetkit.datasets import load
    >>> from budgetkit.outputs.table import to_frame
    >>> projects = to_frame(load("zigong-hr-2023"), "projects")
    >>> summary = projects.bk.describe()
    >>> summary.loc["max", "executed"], summary.loc["mean", "executed"]  # a column has one scale: the mean's
    (Decimal('511.7100'), Decimal('113.9978'))
    """

    def __init__(self, frame: Any) -> None:
        self._obj = frame

    def _exact_columns(self) -> list[Any]:
        return [name for name in self._obj.columns if _is_exact(self._obj[name].dtype)]

    def round_half_up(self, places: int) -> Any:
        """A copy with every decimal and integer column rounded half-up to ``places``; other columns unchanged.

        >>> from budgetkit.datasets import load
        >>> from budgetkit.outputs.table import to_frame
        >>> to_frame(load("zigong-hr-2023")).bk.round_half_up(0).loc[0, ["label", "current"]].tolist()
        ['一般公共预算财政拨款收入', Decimal('1026')]
        """
        frame = self._obj.copy()
        for name in self._exact_columns():
            frame[name] = frame[name].bk.round_half_up(places)
        return frame

    def describe(self, places: int | None = None) -> Any:
        """:meth:`SeriesAccessor.describe` of each decimal and integer column, side by side."""
        pd = _pandas()
        described = {name: self._obj[name].bk.describe(places) for name in self._exact_columns()}
        return pd.DataFrame(described, index=pd.Index(_DESCRIBE))
