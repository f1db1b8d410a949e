"""
`When`: a span of whole days, its precision, and the words it came from.

The value itself with its checks, named constructors, `When.parse` and
`When.coerce`, formats and comparisons. `When.parse` reads words with
`claimtrack._dates._reading` and is the one place where what goes wrong
in reading becomes a `claimtrack.exceptions` error.
"""

from __future__ import annotations

import datetime as dt

import attrs
from dateutil import parser as _dateutil_parser

from claimtrack._dates._calendar import (
    _DECEMBER,
    _MAX_YEAR,
    _MIN_YEAR,
    _MONTH_NAMES,
    _RANK,
    Precision,
    _check_day,
    _check_dayfirst,
    _check_field,
    _check_int,
    _check_span,
    _check_text,
    _describe_day,
    _describe_range,
    _exact_precision,
    _is_aware,
    _isoformat,
    _month_end,
    _type_name,
)
from claimtrack._dates._reading import _NeedsDayfirstError, _Reader
from claimtrack._dates._words import _LOOKS_RELATIVE
from claimtrack._validators import check_text, is_text
from claimtrack.exceptions import (
    AmbiguousDateError,
    ClaimtrackError,
    InvalidDateError,
    InvalidTypeError,
    InvalidValueError,
)


MAX_DATE_LENGTH = 200
"""The longest words `When.parse` reads: 200 characters.

No date phrase comes near ("between 3 February 2025 and 5 March 2025" is
40), and longer text is refused before any parsing: dateutil's time to
refuse a string grows with the square of its length."""


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
        words (``Monday``, ``last week``, ``3 days ago``, ``early
        February``, and vague ones read as the span they may mean: ``a few
        days ago``, ``the past week``, ``in recent weeks``, ``late last
        year``, ``the 12 months to June``), which are read against
        *reference*. Nothing is ever filled in from today's date. See
        ``docs/dates.md`` for the full list and the rules.

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
                or are not a valid date; the message says why. Words over
                `MAX_DATE_LENGTH` (200) characters, and words holding a NUL
                or a lone surrogate, are refused unread.

        .. versionadded:: 0.1.0
        .. versionchanged:: 0.2.0
           Reads vague relative words as the span of days they may mean.
           Refuses words over 200 characters before reading them.
        """
        _check_field(field)
        if not isinstance(text, str):
            raise InvalidTypeError(
                field, text, f"must be a str, not {_type_name(text)}"
            )
        if len(text) > MAX_DATE_LENGTH:
            raise InvalidDateError(
                field,
                text,
                f"is {len(text)} characters long, longer than any date: "
                f"at most {MAX_DATE_LENGTH} are read",
            )
        if not is_text(text):  # a NUL or a lone surrogate: never kept
            try:
                check_text(field, text)
            except InvalidValueError as exc:
                raise InvalidDateError(field, text, exc.reason) from None
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
        return _isoformat(self.earliest, self.latest, self.precision)

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


def _as_when(field: str, value: object) -> When:
    if isinstance(value, When):
        return value
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return When.day(value)
    raise InvalidTypeError(
        field, value, f"must be a When or a date, not {_type_name(value)}"
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
        span = _Reader(
            text, reference=reference, dayfirst=dayfirst, field=field
        ).read()
        return When.between(span.earliest, span.latest, text=text)
    except InvalidDateError:
        raise
    except ClaimtrackError as exc:  # pragma: no cover (a bug if reached)
        raise InvalidDateError(field, text, exc.reason) from exc
    except _NeedsDayfirstError:
        pass
    except (_dateutil_parser.ParserError, ValueError, OverflowError) as exc:
        hint = (
            "; the relative words it reads include 'last week', 'a few "
            "days ago', 'the past month', 'in recent weeks', 'late last "
            "year' and 'the 12 months to June'"
            if _LOOKS_RELATIVE.search(text)
            else ""
        )
        raise InvalidDateError(
            field, text, f"is not a date claimtrack can read: {exc}{hint}"
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
