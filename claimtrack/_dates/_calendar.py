"""
The calendar under `When`: `Precision`, names of months and days, checks.

Plain functions of days and numbers that the `When` value, the reading of
words and the attrs helpers share: argument checks that raise
`claimtrack.exceptions` errors naming the field, the last day of a month,
the tightest precision of a span of days, and a span written in ISO 8601
or in English words.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from typing import Final

from claimtrack._validators import MAX_NAME_LENGTH, check_text
from claimtrack.exceptions import InvalidTypeError, InvalidValueError


class Precision(enum.Enum):
    """
    How exactly a `When` is known.

    ``DAY`` is one day, ``MONTH`` one whole calendar month, ``YEAR`` one
    whole calendar year, and ``RANGE`` any other span of days.

    .. versionadded:: 0.1.0
    """

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    RANGE = "range"


_RANK: Final = {
    Precision.DAY: 0,
    Precision.MONTH: 1,
    Precision.YEAR: 2,
    Precision.RANGE: 3,
}

_MONTH_NAMES: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_WEEKDAY_NAMES: Final = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)

_EN_DASH: Final = "\u2013"
_MIN_YEAR: Final = 1
_MAX_YEAR: Final = 9999
_DECEMBER: Final = 12


def _type_name(value: object) -> str:
    return type(value).__name__


def _check_day(field: str, value: object) -> dt.date:
    """
    Return *value* if it is a plain ``date``, else raise InvalidTypeError.
    """
    if isinstance(value, dt.datetime):
        raise InvalidTypeError(
            field,
            value,
            "must be a datetime.date, not a datetime.datetime; pass .date() "
            "or use When.coerce() to take the day in its own offset",
        )
    if not isinstance(value, dt.date):
        raise InvalidTypeError(
            field, value, f"must be a datetime.date, not {_type_name(value)}"
        )
    return value


def _check_int(field: str, value: object, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError(
            field, value, f"must be an int, not {_type_name(value)}"
        )
    if not low <= value <= high:
        raise InvalidValueError(field, value, f"must be from {low} to {high}")
    return value


def _check_text(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidTypeError(
            "text", value, f"must be a str, not {_type_name(value)}"
        )
    if len(value) > MAX_NAME_LENGTH or "\x00" in value or not value.isascii():
        check_text("text", value, MAX_NAME_LENGTH)  # names the fault
    return value


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _exact_precision(earliest: dt.date, latest: dt.date) -> Precision:
    """
    Return the tightest precision that describes the span exactly.
    """
    if earliest == latest:
        return Precision.DAY
    if earliest.day == 1 and latest == _month_end(
        earliest.year, earliest.month
    ):
        return Precision.MONTH
    if (earliest.month, earliest.day) == (1, 1) and latest == dt.date(
        earliest.year, _DECEMBER, 31
    ):
        return Precision.YEAR
    return Precision.RANGE


def _check_span(
    earliest: dt.date,
    latest: dt.date,
    first: dt.date,
    last: dt.date,
    unit: str,
) -> None:
    if earliest != first:
        raise InvalidValueError(
            "earliest",
            earliest,
            f"must be the first day of a {unit} for {unit} precision",
        )
    if latest != last:
        raise InvalidValueError(
            "latest",
            latest,
            f"must be {last.isoformat()}, the last day of the {unit} of "
            f"earliest, for {unit} precision",
        )


def _isoformat(
    earliest: dt.date, latest: dt.date, precision: Precision
) -> str:
    """
    Write a span of days in ISO 8601, as its precision reads.
    """
    if precision is Precision.DAY:
        return earliest.isoformat()
    if precision is Precision.MONTH:
        return f"{earliest.year:04}-{earliest.month:02}"
    if precision is Precision.YEAR:
        return f"{earliest.year:04}"
    return f"{earliest.isoformat()}/{latest.isoformat()}"


def _describe_day(d: dt.date, *, year: bool = True) -> str:
    text = f"{d.day} {_MONTH_NAMES[d.month - 1]}"
    return f"{text} {d.year}" if year else text


def _describe_month(d: dt.date, *, year: bool = True) -> str:
    text = _MONTH_NAMES[d.month - 1]
    return f"{text} {d.year}" if year else text


def _describe_range(first: dt.date, last: dt.date) -> str:
    same_year = first.year == last.year
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        return f"{first.year}{_EN_DASH}{last.year}"
    if first.day == 1 and last == _month_end(last.year, last.month):
        if same_year:
            start = _describe_month(first, year=False)
            return f"{start}{_EN_DASH}{_describe_month(last)}"
        start, end = _describe_month(first), _describe_month(last)
    elif same_year and first.month == last.month:
        return f"{first.day}{_EN_DASH}{_describe_day(last)}"
    else:
        start = _describe_day(first, year=not same_year)
        end = _describe_day(last)
    return f"{start} {_EN_DASH} {end}"


def _is_aware(value: dt.datetime) -> bool:
    return value.tzinfo is not None and value.utcoffset() is not None


def _check_field(field: object) -> None:
    if not isinstance(field, str):
        raise InvalidTypeError(
            "field", field, f"must be a str, not {_type_name(field)}"
        )


def _check_dayfirst(dayfirst: object) -> None:
    if dayfirst is not None and not isinstance(dayfirst, bool):
        raise InvalidTypeError(
            "dayfirst", dayfirst, "must be True, False or None"
        )
