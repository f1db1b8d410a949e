"""
Strategies for `When` values that lie wholly within bounds.

`whens` draws a precision that fits between the bounds, then a value of
that precision, with the words a person might have written as its text.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from claimtrack._dates import Precision, When
from claimtrack._strategies._common import _check_date, _drawn, _strategy


if TYPE_CHECKING:
    from hypothesis.strategies import DrawFn, SearchStrategy


def _months(low: dt.date, high: dt.date) -> tuple[dt.date, dt.date] | None:
    """
    The first days of the first and last whole months within the bounds.
    """
    first: dt.date | None = low.replace(day=1)
    if low.day != 1:
        first = _next_month(low)
    last: dt.date | None = high.replace(day=1)
    if When.month(high.year, high.month).latest != high:
        last = _previous_month(high)  # the month of high is not whole
    if first is None or last is None or last < first:
        return None
    return first, last


def _next_month(d: dt.date) -> dt.date | None:
    if (d.year, d.month) == (9999, 12):
        return None
    return (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def _previous_month(d: dt.date) -> dt.date | None:
    if (d.year, d.month) == (1, 1):
        return None
    return (d.replace(day=1) - dt.timedelta(days=1)).replace(day=1)


def _years(low: dt.date, high: dt.date) -> tuple[int, int] | None:
    """
    The first and last whole calendar years within the bounds.
    """
    first = low.year + ((low.month, low.day) != (1, 1))
    last = high.year - ((high.month, high.day) != (12, 31))
    return (first, last) if first <= last else None


def _possible(low: dt.date, high: dt.date) -> list[Precision]:
    """
    The precisions of the values that fit within the bounds.
    """
    found = [Precision.DAY]
    if _months(low, high) is not None:
        found.append(Precision.MONTH)
    if _years(low, high) is not None:
        found.append(Precision.YEAR)
    if low < high:
        found.append(Precision.RANGE)
    return found


def _range(draw: DrawFn, low: dt.date, high: dt.date) -> When:
    """
    A span of days within the bounds that is not one day, month or year.
    """
    one = dt.timedelta(days=1)
    start = draw(st.dates(low, high - one))
    end = draw(st.dates(start + one, high))
    when = When.between(start, end)
    if when.precision is not Precision.RANGE:  # a whole month or year
        when = When.between(start, end - one)
    return when


@st.composite
def whens(
    draw: DrawFn,
    *,
    min_value: dt.date = dt.date.min,
    max_value: dt.date = dt.date.max,
    precision: SearchStrategy[Precision] | None = None,
) -> When:
    """
    Draw `When` values that lie wholly within the bounds.

    Each value has the tightest precision that describes it, as
    `When.between` gives, and its ``text`` is empty, its ISO format or its
    description (the words a person might have written).

    Args:
        min_value: The earliest day a value may include.
        max_value: The latest day a value may include.
        precision: A strategy for the `Precision` of each value; by default
            every precision that fits between the bounds.

    Raises:
        InvalidArgument: If a bound is not a ``date``, ``max_value`` is
            before ``min_value``, or *precision* draws a precision that
            does not fit between the bounds (a whole month between the
            3rd and the 20th of one month).

    .. versionadded:: 0.1.0
    """
    low = _check_date("min_value", min_value)
    high = _check_date("max_value", max_value)
    if high < low:
        raise InvalidArgument(
            f"max_value={high!r} is before min_value={low!r}"
        )
    possible = _possible(low, high)
    chosen = draw(_strategy("precision", precision, st.sampled_from(possible)))
    _drawn("precision", chosen, Precision)
    if chosen not in possible:
        raise InvalidArgument(
            f"precision drew {chosen}, but no such span of days lies "
            f"between {low} and {high}"
        )
    if chosen is Precision.DAY:
        when = When.day(draw(st.dates(low, high)))
    elif chosen is Precision.MONTH:
        months = _months(low, high)
        assert months is not None  # noqa: S101 -- a possible precision
        day = draw(st.dates(*months))
        when = When.month(day.year, day.month)
    elif chosen is Precision.YEAR:
        years = _years(low, high)
        assert years is not None  # noqa: S101 -- a possible precision
        first, last = (dt.date(year, 1, 1) for year in years)
        when = When.year(draw(st.dates(first, last)).year)
    else:
        when = _range(draw, low, high)
    words = draw(st.sampled_from(["", when.isoformat(), when.describe()]))
    return When(when.earliest, when.latest, when.precision, words)
