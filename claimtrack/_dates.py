"""
`When`: a date with its precision, and how claimtrack reads dates.

A `When` is a span of whole days (``earliest`` to ``latest``, both
included) with a `Precision` that says how exactly it was known: one day, a
month, a year, or some other range. It keeps the words it was read from.

Reading text is done in one place, `When.parse`. Machine formats go through
``dateutil.parser.isoparse``; human formats through ``dateutil.parser``'s
``parse`` with two different ``default`` values, so that a field the text
did not give is never filled in from today's date. Relative words ("Monday",
"last week") are read against an explicit reference date, never against the
clock. Every error is a `claimtrack.exceptions` class naming the field and
the value.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import attrs
from dateutil import parser as _dateutil_parser

from claimtrack.exceptions import (
    AmbiguousDateError,
    ClaimtrackError,
    InvalidDateError,
    InvalidTypeError,
    InvalidValueError,
    MissingReferenceError,
)


if TYPE_CHECKING:
    from collections.abc import Callable


__all__ = [
    "Precision",
    "When",
    "check_when",
    "to_when",
    "when_validator",
]


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
_ONE_DAY: Final = dt.timedelta(days=1)
_WEEKEND_START: Final = 5  # Saturday, as date.weekday() counts
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


@attrs.frozen(order=False)
class When:
    """
    A span of whole days with its precision and the words it was read from.

    Build one with a named constructor (`day`, `month`, `year`, `between`),
    read one from text with `parse`, or turn a date-like value into one with
    `coerce`. Two values are equal when all four fields are equal, the
    original ``text`` included.

    ``<`` and friends are a *sort order* (by earliest day, then latest day,
    then precision, then text), consistent with ``==``. They do not mean
    "entirely before": that is `before`.

    Attributes:
        earliest: The first day it may be (included).
        latest: The last day it may be (included).
        precision: How exactly it is known.
        text: The words it was read from, verbatim; ``""`` if it was built
            from values.

    Raises:
        InvalidTypeError: A field has the wrong type (a ``datetime`` is not a
            ``date`` here).
        InvalidValueError: ``latest`` is before ``earliest``, or the days do
            not fit the precision (a ``MONTH`` must run from the first to the
            last day of one month, a ``YEAR`` from 1 January to 31 December).

    .. versionadded:: 0.1.0
    """

    earliest: dt.date
    latest: dt.date
    precision: Precision
    text: str = ""

    def __attrs_post_init__(self) -> None:
        """
        Check the types and that the days fit the precision.
        """
        earliest = _check_day("earliest", self.earliest)
        latest = _check_day("latest", self.latest)
        if not isinstance(self.precision, Precision):
            raise InvalidTypeError(
                "precision",
                self.precision,
                f"must be a Precision, not {_type_name(self.precision)}",
            )
        _check_text(self.text)
        if latest < earliest:
            raise InvalidValueError(
                "latest", latest, f"is before earliest {earliest.isoformat()}"
            )
        if self.precision is Precision.DAY and latest != earliest:
            raise InvalidValueError(
                "latest",
                latest,
                f"must equal earliest {earliest.isoformat()} for day "
                "precision",
            )
        if self.precision is Precision.MONTH:
            _check_span(
                earliest,
                latest,
                earliest.replace(day=1),
                _month_end(earliest.year, earliest.month),
                "month",
            )
        if self.precision is Precision.YEAR:
            _check_span(
                earliest,
                latest,
                dt.date(earliest.year, 1, 1),
                dt.date(earliest.year, _DECEMBER, 31),
                "year",
            )

    # -- named constructors -------------------------------------------------

    @classmethod
    def day(cls, d: dt.date, /, *, text: str = "") -> When:
        """
        Build a `When` of one day.

        Args:
            d: The day (a ``date``, not a ``datetime``).
            text: The words it was read from.

        Raises:
            InvalidTypeError: *d* is not a ``date`` or is a ``datetime``.

        .. versionadded:: 0.1.0
        """
        d = _check_day("day", d)
        return cls(d, d, Precision.DAY, text)

    @classmethod
    def month(cls, year: int, month: int, *, text: str = "") -> When:
        """
        Build a `When` of one whole calendar month.

        Args:
            year: The year, 1 to 9999.
            month: The month, 1 to 12.
            text: The words it was read from.

        Raises:
            InvalidTypeError: *year* or *month* is not an ``int``.
            InvalidValueError: *year* or *month* is out of range.

        .. versionadded:: 0.1.0
        """
        year = _check_int("year", year, _MIN_YEAR, _MAX_YEAR)
        month = _check_int("month", month, 1, _DECEMBER)
        return cls(
            dt.date(year, month, 1),
            _month_end(year, month),
            Precision.MONTH,
            text,
        )

    @classmethod
    def year(cls, year: int, *, text: str = "") -> When:
        """
        Build a `When` of one whole calendar year.

        Args:
            year: The year, 1 to 9999.
            text: The words it was read from.

        Raises:
            InvalidTypeError: *year* is not an ``int``.
            InvalidValueError: *year* is out of range.

        .. versionadded:: 0.1.0
        """
        year = _check_int("year", year, _MIN_YEAR, _MAX_YEAR)
        return cls(
            dt.date(year, 1, 1),
            dt.date(year, _DECEMBER, 31),
            Precision.YEAR,
            text,
        )

    @classmethod
    def between(cls, start: dt.date, end: dt.date, *, text: str = "") -> When:
        """
        Build a `When` from its first and last day, both included.

        The precision is the tightest that describes the span exactly:
        ``DAY`` for one day, ``MONTH`` for a whole calendar month, ``YEAR``
        for a whole calendar year, else ``RANGE``.

        Args:
            start: The first day.
            end: The last day; not before *start*.
            text: The words it was read from.

        Raises:
            InvalidTypeError: *start* or *end* is not a ``date``.
            InvalidValueError: *end* is before *start*.

        .. versionadded:: 0.1.0
        """
        start = _check_day("start", start)
        end = _check_day("end", end)
        if end < start:
            raise InvalidValueError(
                "end", end, f"is before start {start.isoformat()}"
            )
        return cls(start, end, _exact_precision(start, end), text)

    @classmethod
    def parse(
        cls,
        text: str,
        *,
        reference: dt.date | When | None = None,
        dayfirst: bool | None = None,
        field: str = "when",
    ) -> When:
        """
        Read a `When` from words.

        Reads ISO 8601 dates, months, years, datetimes with an offset and
        intervals; unpadded ``2025-2-4``; numeric day/month dates
        (``03/04/2025``); human dates (``4 February 2025``, ``Feb. 4,
        2025``, ``February 2025``); ranges (``3-5 February 2025``, with a
        hyphen or a dash, ``between 3 and 5 February 2025``); and relative
        words (``Monday``,
        ``last week``, ``3 days ago``, ``early February``), which are read
        against *reference*. Nothing is ever filled in from today's date.
        See ``docs/dates.md`` for the full list and the rules.

        Args:
            text: The words; kept verbatim as the result's ``text``.
            reference: What relative words are read against: a ``date``, an
                aware ``datetime`` (its day in its own offset) or a `When` of
                ``DAY`` precision.
            dayfirst: How to read a numeric date that could be either
                day/month or month/day: ``True`` for day first, ``False`` for
                month first, ``None`` to refuse to guess.
            field: The field name to use in errors.

        Returns:
            The `When`, with ``text`` set to *text*.

        Raises:
            InvalidTypeError: *text* is not a ``str``, or *reference*,
                *dayfirst* or *field* has the wrong type.
            AmbiguousDateError: A numeric date reads differently day-first
                and month-first and *dayfirst* is ``None``; both readings are
                in ``candidates`` (day-first first).
            MissingReferenceError: The words are relative, or give no year,
                and there is no *reference*.
            InvalidDateError: The words are not a date claimtrack can read,
                or are not a valid date.

        .. versionadded:: 0.1.0
        """
        _check_field(field)
        if not isinstance(text, str):
            raise InvalidTypeError(
                field, text, f"must be a str, not {_type_name(text)}"
            )
        _check_dayfirst(dayfirst)
        return _read(
            text,
            reference=_reference_day(reference),
            dayfirst=dayfirst,
            field=field,
        )

    @classmethod
    def coerce(
        cls,
        value: object,
        *,
        reference: dt.date | When | None = None,
        dayfirst: bool | None = None,
        field: str = "when",
    ) -> When:
        """
        Turn a date-like value into a `When`.

        A `When` is returned as it is; a ``date`` becomes a ``DAY`` whose
        text is its ISO format; an aware ``datetime`` becomes the ``DAY`` it
        falls on in its own offset, with its full ISO format as text; a
        ``str`` is read by `parse`.

        Args:
            value: The value.
            reference: As for `parse`.
            dayfirst: As for `parse`.
            field: The field name to use in errors.

        Raises:
            InvalidTypeError: *value* is none of the above.
            InvalidDateError: *value* is a naive ``datetime``, or a ``str``
                that `parse` refuses (including its subclasses).

        .. versionadded:: 0.1.0
        """
        _check_field(field)
        if isinstance(value, When):
            return value
        if isinstance(value, dt.datetime):
            if not _is_aware(value):
                raise InvalidDateError(
                    field,
                    value,
                    "has no time zone; give an aware datetime or a date",
                )
            return cls.day(value.date(), text=value.isoformat())
        if isinstance(value, dt.date):
            return cls.day(value, text=value.isoformat())
        if isinstance(value, str):
            return cls.parse(
                value, reference=reference, dayfirst=dayfirst, field=field
            )
        raise InvalidTypeError(
            field,
            value,
            "must be a When, a date, an aware datetime or a str, "
            f"not {_type_name(value)}",
        )

    # -- views --------------------------------------------------------------

    @property
    def date(self) -> dt.date | None:
        """
        The day, for ``DAY`` precision; else ``None``.

        .. versionadded:: 0.1.0
        """
        return self.earliest if self.precision is Precision.DAY else None

    def isoformat(self) -> str:
        """
        Format as ISO 8601.

        ``2025-02-04`` for a day, ``2025-02`` for a month, ``2025`` for a
        year, ``2025-02-03/2025-02-05`` (an interval) for a range. `parse`
        reads it back to the same days and precision.

        .. versionadded:: 0.1.0
        """
        first = self.earliest
        if self.precision is Precision.DAY:
            return first.isoformat()
        if self.precision is Precision.MONTH:
            return f"{first.year:04}-{first.month:02}"
        if self.precision is Precision.YEAR:
            return f"{first.year:04}"
        return f"{first.isoformat()}/{self.latest.isoformat()}"

    def __str__(self) -> str:
        """
        Format as ISO 8601, like `isoformat`.
        """
        return self.isoformat()

    def describe(self) -> str:
        """
        Describe it for people, in English.

        ``4 February 2025``, ``February 2025``, ``2025``; a range joins its
        ends with an en dash, leaving out what they share (``3`` to ``5
        February 2025``, ``28 February`` to ``3 March 2025``, ``30 December
        2024`` to ``2 January 2025``, ``February`` to ``March 2025``,
        ``2020`` to ``2021``). `parse` reads it back.

        .. versionadded:: 0.1.0
        """
        first, last = self.earliest, self.latest
        if self.precision is Precision.DAY:
            return _describe_day(first)
        if self.precision is Precision.MONTH:
            return f"{_MONTH_NAMES[first.month - 1]} {first.year}"
        if self.precision is Precision.YEAR:
            return str(first.year)
        return _describe_range(first, last)

    # -- comparison ---------------------------------------------------------

    def overlaps(self, other: When | dt.date) -> bool:
        """
        Say whether the two share at least one day.

        Symmetric: ``a.overlaps(b) == b.overlaps(a)``.

        Args:
            other: A `When` or a ``date``.

        Raises:
            InvalidTypeError: *other* is neither.

        .. versionadded:: 0.1.0
        """
        o = _as_when("other", other)
        return self.earliest <= o.latest and o.earliest <= self.latest

    def contains(self, other: When | dt.date) -> bool:
        """
        Say whether *other* lies wholly inside this one.

        Every `When` contains itself, and containment implies overlap.

        Args:
            other: A `When` or a ``date``.

        Raises:
            InvalidTypeError: *other* is neither.

        .. versionadded:: 0.1.0
        """
        o = _as_when("other", other)
        return self.earliest <= o.earliest and o.latest <= self.latest

    def before(self, other: When | dt.date) -> bool:
        """
        Say whether this one ends before *other* begins.

        True when ``self.latest < other.earliest``: no shared day.

        Args:
            other: A `When` or a ``date``.

        Raises:
            InvalidTypeError: *other* is neither.

        .. versionadded:: 0.1.0
        """
        return self.latest < _as_when("other", other).earliest

    def after(self, other: When | dt.date) -> bool:
        """
        Say whether this one begins after *other* ends.

        True when ``self.earliest > other.latest``: no shared day.

        Args:
            other: A `When` or a ``date``.

        Raises:
            InvalidTypeError: *other* is neither.

        .. versionadded:: 0.1.0
        """
        return self.earliest > _as_when("other", other).latest

    def within(self, start: When | dt.date, end: When | dt.date) -> bool:
        """
        Say whether this one lies wholly between *start* and *end*.

        Both ends are included: a `When` counts from its earliest day (for
        *start*) or to its latest day (for *end*).

        Args:
            start: The first day allowed.
            end: The last day allowed.

        Raises:
            InvalidTypeError: *start* or *end* is not a `When` or a ``date``.

        .. versionadded:: 0.1.0
        """
        low = _as_when("start", start).earliest
        high = _as_when("end", end).latest
        return low <= self.earliest and self.latest <= high

    def __contains__(self, item: object) -> bool:
        """
        Say whether a ``date`` (or a whole `When`) lies inside this one.
        """
        return self.contains(_as_when("item", item))

    def _key(self) -> tuple[dt.date, dt.date, int, str]:
        return (self.earliest, self.latest, _RANK[self.precision], self.text)

    def __lt__(self, other: object) -> bool:
        """
        Sort before *other* (sort order, not "entirely before").
        """
        if not isinstance(other, When):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: object) -> bool:
        """
        Sort before or equal to *other*.
        """
        if not isinstance(other, When):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: object) -> bool:
        """
        Sort after *other* (sort order, not "entirely after").
        """
        if not isinstance(other, When):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: object) -> bool:
        """
        Sort after or equal to *other*.
        """
        if not isinstance(other, When):
            return NotImplemented
        return self._key() >= other._key()


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


def _as_when(field: str, value: object) -> When:
    if isinstance(value, When):
        return value
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return When.day(value)
    raise InvalidTypeError(
        field, value, f"must be a When or a date, not {_type_name(value)}"
    )


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


def _reference_day(reference: object) -> dt.date | None:
    """
    Return the day relative words are read against, or ``None``.
    """
    if reference is None:
        return None
    if isinstance(reference, When):
        if reference.precision is not Precision.DAY:
            raise InvalidDateError(
                "reference",
                reference,
                "must be a single day to read relative dates against, not "
                f"a {reference.precision.value}",
            )
        return reference.earliest
    if isinstance(reference, dt.datetime):
        if not _is_aware(reference):
            raise InvalidDateError(
                "reference",
                reference,
                "has no time zone; give an aware datetime or a date",
            )
        return reference.date()
    if isinstance(reference, dt.date):
        return reference
    raise InvalidTypeError(
        "reference",
        reference,
        "must be a date, an aware datetime or a When of day precision, "
        f"not {_type_name(reference)}",
    )


# -- reading ----------------------------------------------------------------


_WEEKDAY_WORDS: Final = {
    word: index
    for index, name in enumerate(_WEEKDAY_NAMES)
    for word in (name.lower(), name[:3].lower())
} | {"tues": 1, "thur": 3, "thurs": 3}


class _ParserInfo(_dateutil_parser.parserinfo):
    """
    dateutil's English words, but no two-digit years.

    It knows a few more weekday abbreviations. dateutil reads a two-digit
    year as the one nearest to the current year, which would fill a date in
    from today's date; claimtrack refuses.
    """

    def weekday(self, name: str) -> int | None:
        """
        Also know "Tues", "Thur" and "Thurs".
        """
        return _WEEKDAY_WORDS.get(name.lower())

    def convertyear(
        self,
        year: int,
        century_specified: bool = False,  # noqa: FBT001, FBT002 (dateutil's)
    ) -> int:
        """
        Refuse a year given with fewer than three digits.
        """
        if year < 100 and not century_specified:  # noqa: PLR2004
            raise ValueError(f"the year {year} has two digits; write all four")
        return year


_INFO: Final = _ParserInfo()
_PARSER: Final = _dateutil_parser.parser(_INFO)
# Two defaults that differ in every field: a field the text gives is the
# same in both results; one it does not give differs. Both years are leap
# years, so "29 February" without a year can be read.
_DEFAULT_A: Final = dt.datetime(2000, 1, 1, 0, 0, 0, 0)  # noqa: DTZ001
_DEFAULT_B: Final = dt.datetime(2004, 2, 2, 1, 1, 1, 1)  # noqa: DTZ001

_WEEKDAY_RE: Final = re.compile(
    r"\b(" + "|".join(sorted(_WEEKDAY_WORDS, key=len, reverse=True)) + r")\b"
    r"\.?,?",
    re.IGNORECASE,
)
_FULL_WEEKDAY: Final = "|".join(name.lower() for name in _WEEKDAY_NAMES)
_ORDINAL: Final = r"(?:st|nd|rd|th)?"

_ISO_YEAR: Final = re.compile(r"\d{4}")
_ISO_MONTH: Final = re.compile(r"(\d{4})-(\d{1,2})")
_YMD: Final = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})")
_ISO_BASIC: Final = re.compile(r"\d{8}")
_ISO_WEEK: Final = re.compile(r"\d{4}-?W\d{2}(-?[1-7])?", re.IGNORECASE)
_ISO_DATETIME: Final = re.compile(
    r"(?:\d{4}-\d{2}-\d{2}|\d{8})[T ]\d.*", re.IGNORECASE
)
_DMY: Final = re.compile(r"(\d{1,2})([-/. ])(\d{1,2})\2(\d{4})")
_BARE_DAY: Final = re.compile(rf"(\d{{1,2}}){_ORDINAL}(?:,?\s+(\d{{4}}))?")
_BETWEEN: Final = re.compile(r"between\s+(.+?)\s+and\s+(.+)", re.IGNORECASE)
_FROM: Final = re.compile(r"from\s+(.+)", re.IGNORECASE)
_TO_WORD: Final = re.compile(
    r"\s+(?:to|until|till|through|thru)\s+", re.IGNORECASE
)
_LONG_DASH: Final = re.compile(r"\s*[\u2013\u2014]\s*")
_SPACED_HYPHEN: Final = re.compile(r"\s+-\s+")
_YEAR_HYPHEN: Final = re.compile(r"(\d{4})-(\d{4})")
_DIGIT_HYPHEN: Final = re.compile(rf"(.*\d{_ORDINAL})\s*-\s*(\d.*)")
_MONTH_HYPHEN: Final = re.compile(
    r"([a-z]+\.?)-([a-z]+\.?,?\s+\d{4})", re.IGNORECASE
)
_PERIOD: Final = re.compile(
    r"(early|mid|late)(?:\s+|-)([a-z]+)\.?(?:,?\s+(\d{4}))?", re.IGNORECASE
)
_PERIOD_YEAR: Final = re.compile(
    r"(early|mid|late)(?:\s+|-)(\d{4})", re.IGNORECASE
)
_AGO: Final = re.compile(r"(\w+)\s+(day|days|week|weeks)\s+ago")
_NUMBER_WORDS: Final = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_PART_OF_DAY: Final = r"(?:\s+(?:morning|afternoon|evening|night))?"


class _Partial(NamedTuple):
    """
    What the words gave: any of year, month and day, and a weekday.
    """

    year: int | None
    month: int | None
    day: int | None
    weekday: int | None = None


class _NeedsDayfirstError(Exception):
    """
    Internal: a reading depends on ``dayfirst``, which is ``None``.
    """


def _read(
    text: str,
    *,
    reference: dt.date | None,
    dayfirst: bool | None,
    field: str,
) -> When:
    """
    Read *text*; the one place where reading errors become ours.
    """
    try:
        return _Reader(
            text, reference=reference, dayfirst=dayfirst, field=field
        ).read()
    except InvalidDateError:
        raise
    except ClaimtrackError as exc:  # pragma: no cover (a bug if reached)
        raise InvalidDateError(field, text, exc.reason) from exc
    except _NeedsDayfirstError:
        pass
    except (_dateutil_parser.ParserError, ValueError, OverflowError) as exc:
        raise InvalidDateError(
            field, text, f"is not a date claimtrack can read: {exc}"
        ) from exc
    candidates = []
    for choice in (True, False):
        try:
            candidates.append(
                _read(text, reference=reference, dayfirst=choice, field=field)
            )
        except InvalidDateError:
            continue
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise InvalidDateError(
            field, text, "is not a valid date read day-first or month-first"
        )
    raise AmbiguousDateError(
        field,
        text,
        f"reads as {candidates[0].isoformat()} day-first and as "
        f"{candidates[1].isoformat()} month-first; pass dayfirst=True or "
        "dayfirst=False",
        candidates,
    )


class _Reader:
    """
    Reads one text against one reference; raises with the right field.
    """

    __slots__ = ("dayfirst", "field", "reference", "text")

    def __init__(
        self,
        text: str,
        *,
        reference: dt.date | None,
        dayfirst: bool | None,
        field: str,
    ) -> None:
        self.text = text
        self.reference = reference
        self.dayfirst = dayfirst
        self.field = field

    def error(self, reason: str) -> InvalidDateError:
        return InvalidDateError(self.field, self.text, reason)

    def need_reference(self, why: str) -> dt.date:
        if self.reference is None:
            raise MissingReferenceError(
                self.field,
                self.text,
                f"{why} and needs a reference date to be read against; "
                "pass reference=... (the Tracker passes the source's "
                "publication date)",
            )
        return self.reference

    def make(self, start: dt.date, end: dt.date) -> When:
        return When.between(start, end, text=self.text)

    def read(self) -> When:
        s = re.sub(r"\s+", " ", self.text.strip())
        s = re.sub(r"^on\s+", "", s, flags=re.IGNORECASE)
        if not s:
            raise self.error("is empty")
        steps: tuple[Callable[[str], When | None], ...] = (
            self.relative,
            self.period,
            self.machine,
            self.numeric,
            self.interval,
            self.range,
        )
        for step in steps:
            found = step(s)
            if found is not None:
                return found
        return self.complete(self.side(s))

    # -- machine formats ----------------------------------------------------

    def machine(self, s: str) -> When | None:
        """
        Read ISO 8601 shapes (and unpadded y-m-d); None if not one.
        """
        if _ISO_YEAR.fullmatch(s):
            year = int(s)
            return self.make(dt.date(year, 1, 1), dt.date(year, _DECEMBER, 31))
        if m := _ISO_MONTH.fullmatch(s):
            year, month = int(m[1]), int(m[2])
            return self.make(dt.date(year, month, 1), _month_end(year, month))
        if m := _YMD.fullmatch(s):
            d = dt.date(int(m[1]), int(m[3]), int(m[4]))
            return self.make(d, d)
        if _ISO_BASIC.fullmatch(s):
            d = _dateutil_parser.isoparse(s).date()
            return self.make(d, d)
        return self.machine_more(s)

    def machine_more(self, s: str) -> When | None:
        """
        Read ISO 8601 week dates and datetimes; None if not one.
        """
        if m := _ISO_WEEK.fullmatch(s):
            d = _dateutil_parser.isoparse(s.upper()).date()
            end = d if m[1] else d + dt.timedelta(days=6)
            return self.make(d, end)
        if _ISO_DATETIME.fullmatch(s):
            moment = _dateutil_parser.isoparse(s)
            if not _is_aware(moment):
                raise self.error(
                    "has a time but no time zone; add an offset "
                    "(2025-02-04T10:00:00+00:00) or give the day alone"
                )
            d = moment.date()
            return self.make(d, d)
        return None

    def numeric(self, s: str) -> When | None:
        """
        Read d/m/yyyy or m/d/yyyy; None if not that shape.
        """
        m = _DMY.fullmatch(s)
        if m is None:
            return None
        first, second, year = int(m[1]), int(m[3]), int(m[4])
        readings: dict[bool, dt.date | None] = {}
        for dayfirst, (day, month) in (
            (True, (first, second)),
            (False, (second, first)),
        ):
            try:
                readings[dayfirst] = dt.date(year, month, day)
            except ValueError:
                readings[dayfirst] = None
        if self.dayfirst is not None:
            chosen = readings[self.dayfirst]
            if chosen is None:
                order = "day-first" if self.dayfirst else "month-first"
                raise self.error(
                    f"is not a valid date read {order} "
                    f"(dayfirst={self.dayfirst})"
                )
            return self.make(chosen, chosen)
        valid = {d for d in readings.values() if d is not None}
        if not valid:
            raise self.error("is not a valid date day-first or month-first")
        if len(valid) > 1:
            raise _NeedsDayfirstError
        (only,) = valid
        return self.make(only, only)

    def interval(self, s: str) -> When | None:
        """
        Read an ISO 8601 interval ``start/end``; None if not one.
        """
        if s.count("/") != 1:
            return None
        left, right = s.split("/")
        start, end = self.machine(left.strip()), self.machine(right.strip())
        if start is None or end is None:
            return None
        return self.join(start, end)

    # -- ranges -------------------------------------------------------------

    def range(self, s: str) -> When | None:
        """
        Read "X to Y" (or a dash), "between X and Y"; None if not one.
        """
        parts = _split_range(s)
        if parts is None:
            return None
        left, right = self.side(parts[0]), self.side(parts[1])
        if isinstance(left, When) or isinstance(right, When):
            return self.join(self.complete(left), self.complete(right))
        # "3-5 February": the start takes the end's month; "February 3-5":
        # the end takes the start's month.
        if left.month is None and left.day is not None:
            left = left._replace(month=right.month)
        if right.month is None and right.day is not None:
            right = right._replace(month=left.month)
        # "30 December to 2 January 2025" crosses into a new year.
        crosses = (left.month or 0) > (right.month or _DECEMBER + 1)
        if left.year is None and right.year is not None:
            end = self.complete(right)
            year = right.year - 1 if crosses else right.year
            start = self.complete(left._replace(year=year))
        elif right.year is None:
            # The start gives the year, or both take it from the reference.
            start = self.complete(left)
            year = start.earliest.year + 1 if crosses else start.earliest.year
            end = self.complete(right._replace(year=year))
        else:
            start, end = self.complete(left), self.complete(right)
        return self.join(start, end)

    def join(self, start: When, end: When) -> When:
        if start.earliest > end.earliest or start.latest > end.latest:
            raise self.error(
                f"starts ({start.isoformat()}) after it ends "
                f"({end.isoformat()})"
            )
        return self.make(start.earliest, end.latest)

    # -- one date -----------------------------------------------------------

    def side(self, s: str) -> _Partial | When:
        """
        Read one date, perhaps missing its year (or month, in a range).
        """
        s = s.strip()
        found = self.machine(s)
        if found is None:
            found = self.numeric(s)
        if found is not None:
            if found.precision is Precision.RANGE:
                return found
            return _partial_of(found)
        if m := _BARE_DAY.fullmatch(s):
            return _Partial(int(m[2]) if m[2] else None, None, int(m[1]))
        return self.human(s)

    def human(self, s: str) -> _Partial:
        """
        Read a human date with dateutil, learning which fields it gave.
        """
        weekdays = {
            _WEEKDAY_WORDS[m[1].lower()] for m in _WEEKDAY_RE.finditer(s)
        }
        if len(weekdays) > 1:
            raise self.error("names more than one weekday")
        cleaned = _WEEKDAY_RE.sub(" ", s).strip(" ,")
        if not cleaned:
            raise self.error("names a weekday but no date")
        choices = (False, True) if self.dayfirst is None else (self.dayfirst,)
        readings = {
            _dateutil_fields(cleaned, dayfirst=choice) for choice in choices
        }
        if len(readings) > 1:
            raise _NeedsDayfirstError
        (found,) = readings
        if found is None:
            raise self.error(
                "has a time of day; claimtrack reads a time only from an "
                "ISO 8601 datetime with an offset (2025-02-04T10:00:00+00:00)"
            )
        return found._replace(weekday=weekdays.pop() if weekdays else None)

    def complete(self, found: _Partial | When) -> When:
        """
        Turn what the words gave into a When.

        A missing year is taken from the reference.
        """
        if isinstance(found, When):
            return found
        year, month, day, weekday = found
        if month is None:
            if day is not None:
                raise self.error("gives a day but no month")
            if year is None:  # pragma: no cover (dateutil gives something)
                raise self.error("gives no date")
            return When.year(year, text=self.text)
        if year is None:
            ref = self.need_reference("gives no year")
            year = _latest_year(ref, month, day or 1)
        if day is None:
            result = self.make(
                dt.date(year, month, 1), _month_end(year, month)
            )
        else:
            d = dt.date(year, month, day)
            result = self.make(d, d)
        if weekday is not None:
            self.check_weekday(result, weekday)
        return result

    def check_weekday(self, result: When, weekday: int) -> None:
        d = result.date
        if d is None:
            raise self.error(
                f"names a weekday ({_WEEKDAY_NAMES[weekday]}) but not a "
                "whole date"
            )
        if d.weekday() != weekday:
            raise self.error(
                f"says {_WEEKDAY_NAMES[weekday]} but {d.isoformat()} is a "
                f"{_WEEKDAY_NAMES[d.weekday()]}"
            )

    # -- early/mid/late -----------------------------------------------------

    def period(self, s: str) -> When | None:
        """
        Read "early/mid/late February [2025]" or "early/mid/late 2025".
        """
        if m := _PERIOD_YEAR.fullmatch(s):
            year = int(m[2])
            first_month, last_month = {
                "early": (1, 4),
                "mid": (5, 8),
                "late": (9, 12),
            }[m[1].lower()]
            return self.make(
                dt.date(year, first_month, 1),
                _month_end(year, last_month),
            )
        m = _PERIOD.fullmatch(s)
        if m is None:
            return None
        month = _INFO.month(m[2])
        if month is None:
            return None
        first_day = {"early": 1, "mid": 11, "late": 21}[m[1].lower()]
        if m[3]:
            year = int(m[3])
        else:
            ref = self.need_reference("gives no year")
            year = _latest_year(ref, month, first_day)
        last = {
            "early": dt.date(year, month, 10),
            "mid": dt.date(year, month, 20),
            "late": _month_end(year, month),
        }[m[1].lower()]
        return self.make(dt.date(year, month, first_day), last)

    # -- relative words -----------------------------------------------------

    def relative(self, s: str) -> When | None:
        """
        Read relative words against the reference; None if there are none.
        """
        low = s.lower()
        for pattern, reader in _RELATIVE:
            m = pattern.fullmatch(low)
            if m is None:
                continue
            ref = self.need_reference("is a relative date")
            start, end = reader(m, ref)
            if end < start:
                raise self.error(
                    f"is an empty span against the reference "
                    f"{ref.isoformat()} (a {_WEEKDAY_NAMES[ref.weekday()]})"
                )
            return self.make(start, end)
        return None


def _dateutil_fields(s: str, *, dayfirst: bool) -> _Partial | None:
    """
    Parse with two defaults; return the fields the text gave.

    ``None`` means the text gave a time of day.
    """
    a = _PARSER.parse(s, default=_DEFAULT_A, dayfirst=dayfirst, ignoretz=True)
    b = _PARSER.parse(s, default=_DEFAULT_B, dayfirst=dayfirst, ignoretz=True)
    if (
        a.hour == b.hour
        or a.minute == b.minute
        or a.second == b.second
        or a.microsecond == b.microsecond
    ):
        return None
    return _Partial(
        a.year if a.year == b.year else None,
        a.month if a.month == b.month else None,
        a.day if a.day == b.day else None,
    )


def _partial_of(found: When) -> _Partial:
    d = found.earliest
    if found.precision is Precision.DAY:
        return _Partial(d.year, d.month, d.day)
    if found.precision is Precision.MONTH:
        return _Partial(d.year, d.month, None)
    return _Partial(d.year, None, None)


def _split_range(s: str) -> tuple[str, str] | None:
    """
    Split a range into its two ends; None if it is not one.
    """
    if m := _BETWEEN.fullmatch(s):
        return m[1], m[2]
    if m := _FROM.fullmatch(s):
        s = m[1]
    for separator in (_TO_WORD, _LONG_DASH, _SPACED_HYPHEN):
        parts = separator.split(s)
        if len(parts) == 2:  # noqa: PLR2004
            return parts[0], parts[1]
        if len(parts) > 2:  # noqa: PLR2004
            return None
    has_letter = any(c.isalpha() for c in s)
    for pattern, needs_letter in (
        (_YEAR_HYPHEN, False),
        (_DIGIT_HYPHEN, True),
        (_MONTH_HYPHEN, True),
    ):
        m = pattern.fullmatch(s)
        if m is not None and (has_letter or not needs_letter):
            if s.count("-") != 1:
                return None
            return m[1], m[2]
    return None


def _latest_year(ref: dt.date, month: int, day: int) -> int:
    """
    The latest year in which month/day exists and is on or before *ref*.
    """
    for year in range(ref.year, max(ref.year - 9, 0), -1):
        try:
            if dt.date(year, month, day) <= ref:
                return year
        except ValueError:
            continue
    raise ValueError(f"no {month:02}-{day:02} on or before {ref.isoformat()}")


# -- relative words: (pattern, reader(match, reference) -> (start, end)) ----


def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def _add_months(d: dt.date, months: int) -> tuple[int, int]:
    index = d.year * 12 + d.month - 1 + months
    return index // 12, index % 12 + 1


def _whole_month(
    year_month: tuple[int, int],
) -> tuple[dt.date, dt.date]:
    year, month = year_month
    return dt.date(year, month, 1), _month_end(year, month)


def _whole_year(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, _DECEMBER, 31)


def _same(d: dt.date) -> tuple[dt.date, dt.date]:
    return d, d


def _weekday_reader(m: re.Match[str], ref: dt.date) -> tuple[dt.date, dt.date]:
    which, target = m[1], _WEEKDAY_NAMES.index(m[2].capitalize())
    if which == "next":
        ahead = (target - ref.weekday()) % 7 or 7
        return _same(ref + dt.timedelta(days=ahead))
    back = (ref.weekday() - target) % 7
    if which == "last":
        back = back or 7
    return _same(ref - dt.timedelta(days=back))


def _unit_reader(m: re.Match[str], ref: dt.date) -> tuple[dt.date, dt.date]:
    step = {"this": 0, "last": -1, "next": 1}[m[1]]
    unit = m[2]
    if unit == "week":
        monday = _monday(ref) + dt.timedelta(weeks=step)
        return monday, monday + dt.timedelta(days=6)
    if unit == "month":
        return _whole_month(_add_months(ref, step))
    return _whole_year(ref.year + step)


def _ago_reader(m: re.Match[str], ref: dt.date) -> tuple[dt.date, dt.date]:
    word = m[1]
    count = int(word) if word.isdigit() else _NUMBER_WORDS.get(word)
    if count is None:
        raise ValueError(f"{word!r} is not a number")
    days = count * 7 if m[2].startswith("week") else count
    return _same(ref - dt.timedelta(days=days))


def _earlier_reader(m: re.Match[str], ref: dt.date) -> tuple[dt.date, dt.date]:
    unit = m[1]
    if unit == "week":
        start = _monday(ref)
    elif unit == "month":
        start = ref.replace(day=1)
    else:
        start = ref.replace(month=1, day=1)
    return start, ref - _ONE_DAY


def _weekend_reader(m: re.Match[str], ref: dt.date) -> tuple[dt.date, dt.date]:
    back = (ref.weekday() - _WEEKEND_START) % 7
    saturday = ref - dt.timedelta(days=back)
    if m[1] == "last" and saturday + _ONE_DAY >= ref:
        saturday -= dt.timedelta(days=7)
    return saturday, saturday + _ONE_DAY


_RELATIVE: Final[
    tuple[
        tuple[
            re.Pattern[str],
            Callable[
                [re.Match[str], dt.date],
                tuple[dt.date, dt.date],
            ],
        ],
        ...,
    ]
] = (
    (
        re.compile(
            r"(?:today|earlier today|this morning|this afternoon"
            r"|this evening|tonight)"
        ),
        lambda _m, ref: _same(ref),
    ),
    (
        re.compile(rf"(?:yesterday{_PART_OF_DAY}|last night)"),
        lambda _m, ref: _same(ref - _ONE_DAY),
    ),
    (
        re.compile(rf"tomorrow{_PART_OF_DAY}"),
        lambda _m, ref: _same(ref + _ONE_DAY),
    ),
    (
        re.compile(rf"(?:(last|next)\s+)?({_FULL_WEEKDAY}){_PART_OF_DAY}"),
        _weekday_reader,
    ),
    (re.compile(r"(this|last|next)\s+(week|month|year)"), _unit_reader),
    (_AGO, _ago_reader),
    (re.compile(r"earlier\s+this\s+(week|month|year)"), _earlier_reader),
    (
        re.compile(r"(?:the|at the|over the|(last))\s+weekend"),
        _weekend_reader,
    ),
)


# -- for attrs fields -------------------------------------------------------

_STRICT_ISO: Final = re.compile(
    r"\d{4}(?:-\d{2}(?:-\d{2}(?:T\S+)?)?)?"
    r"(?:/\d{4}(?:-\d{2}(?:-\d{2}(?:T\S+)?)?)?)?"
)


def to_when(value: object) -> object:
    """
    Convert a date-like value to a `When` if that is cheap and certain.

    A converter for attrs fields: it never raises. A `When` is returned as
    it is; a ``date`` or an aware ``datetime`` becomes a ``DAY`` (as
    `When.coerce` makes it); a strict ISO 8601 string (``2025-02-04``,
    ``2025-02``, ``2025``, a datetime with an offset, or an interval of
    these) is read by `When.parse`. Anything else, relative words included,
    is returned unchanged for a validator (`check_when`) to reject.

    .. versionadded:: 0.1.0
    """
    if isinstance(value, When):
        return value
    if isinstance(value, dt.date):
        if isinstance(value, dt.datetime) and not _is_aware(value):
            return value
        return When.coerce(value)
    if isinstance(value, str) and _STRICT_ISO.fullmatch(value):
        try:
            return When.parse(value)
        except ClaimtrackError:
            return value
    return value


def check_when(field: str, value: object) -> When:
    """
    Return *value* if it is a `When`; else raise an error saying why not.

    Args:
        field: The field name to use in errors.
        value: The value to check.

    Returns:
        *value*, typed as a `When`.

    Raises:
        MissingReferenceError: *value* is relative words ("Monday"), which
            need a reference date.
        AmbiguousDateError: *value* is a numeric date that reads two ways.
        InvalidDateError: *value* is a naive ``datetime``, words that are
            not a date, or a date in words (read it with `When.parse`).
        InvalidTypeError: *value* is of a type that is never a date.

    .. versionadded:: 0.1.0
    """
    if isinstance(value, When):
        return value
    if isinstance(value, dt.datetime) and not _is_aware(value):
        raise InvalidDateError(
            field, value, "has no time zone; give an aware datetime or a date"
        )
    if isinstance(value, str):
        try:
            read = When.parse(value, field=field)
        except MissingReferenceError as exc:
            raise MissingReferenceError(
                field,
                value,
                "is relative or has no year, and relative dates need a "
                "reference; pass it through Tracker.add_claim so it is read "
                "against the source's publication date, or use "
                "When.parse(..., reference=...)",
            ) from exc
        raise InvalidDateError(
            field,
            value,
            "must be a When, not a str; read it with When.parse() first "
            f"(it reads as {read.isoformat()})",
        )
    if isinstance(value, dt.date):
        raise InvalidTypeError(
            field, value, "must be a When; use When.coerce() to make one"
        )
    raise InvalidTypeError(
        field, value, f"must be a When, not {_type_name(value)}"
    )


@attrs.frozen(repr=False)
class _WhenValidator:
    """
    An attrs validator that accepts only `When` values.
    """

    def __call__(
        self, _inst: object, attr: attrs.Attribute[Any], value: object
    ) -> None:
        """
        Raise unless *value* is a `When`.
        """
        check_when(attr.name, value)

    def __repr__(self) -> str:
        """
        Show the factory call.
        """
        return "<when_validator>"


def when_validator() -> _WhenValidator:
    """
    Make an attrs validator that accepts only `When` values.

    Pair it with the `to_when` converter; wrap it in
    ``attrs.validators.optional`` for a field that may be ``None``. It raises
    what `check_when` raises, naming the attribute.

    .. versionadded:: 0.1.0
    """
    return _WhenValidator()
