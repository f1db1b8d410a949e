"""
Reading words as a span of days: the steps behind `When.parse`.

`_Reader` tries each shape in turn (relative words, early/mid/late, machine
formats, numeric dates, intervals, ranges, and last a human date read with
dateutil) and gives the first and last day the words name, as a `_Span`.
It raises `claimtrack.exceptions` errors for what it refuses; `When.parse`
wraps the span with the words, turns other failures into errors, and asks
again both ways when a reading depends on ``dayfirst``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, NamedTuple

from dateutil import parser as _dateutil_parser

from claimtrack._dates._calendar import (
    _DECEMBER,
    _WEEKDAY_NAMES,
    Precision,
    _exact_precision,
    _is_aware,
    _isoformat,
    _month_end,
)
from claimtrack._dates._words import (
    _BARE_DAY,
    _DMY,
    _INFO,
    _ISO_BASIC,
    _ISO_DATETIME,
    _ISO_MONTH,
    _ISO_WEEK,
    _ISO_YEAR,
    _MONTHS_IN,
    _MONTHS_TO,
    _PARTS_OF_MONTH,
    _PARTS_OF_YEAR,
    _PERIOD,
    _PERIOD_YEAR,
    _RELATIVE,
    _WEEKDAY_RE,
    _WEEKDAY_WORDS,
    _YMD,
    _add_months,
    _count,
    _dateutil_fields,
    _latest_year,
    _Partial,
    _split_range,
)
from claimtrack.exceptions import InvalidDateError, MissingReferenceError


if TYPE_CHECKING:
    from collections.abc import Callable


class _Span(NamedTuple):
    """
    The days some words name: the first and the last, both included.
    """

    earliest: dt.date
    latest: dt.date

    @property
    def precision(self) -> Precision:
        """
        The tightest precision that describes the span exactly.
        """
        return _exact_precision(self.earliest, self.latest)

    def isoformat(self) -> str:
        """
        Write it in ISO 8601, as `When.isoformat` does.
        """
        return _isoformat(self.earliest, self.latest, self.precision)


class _NeedsDayfirstError(Exception):
    """
    Internal: a reading depends on ``dayfirst``, which is ``None``.
    """


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

    def make(self, start: dt.date, end: dt.date) -> _Span:
        return _Span(start, end)

    def read(self) -> _Span:
        s = re.sub(r"\s+", " ", self.text.strip())
        s = re.sub(r"^on\s+", "", s, flags=re.IGNORECASE)
        if not s:
            raise self.error("is empty")
        steps: tuple[Callable[[str], _Span | None], ...] = (
            self.relative,
            self.period,
            self.months_to,
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

    def machine(self, s: str) -> _Span | None:
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

    def machine_more(self, s: str) -> _Span | None:
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

    def numeric(self, s: str) -> _Span | None:
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

    def interval(self, s: str) -> _Span | None:
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

    def range(self, s: str) -> _Span | None:
        """
        Read "X to Y" (or a dash), "between X and Y"; None if not one.
        """
        parts = _split_range(s)
        if parts is None:
            return None
        left, right = self.side(parts[0]), self.side(parts[1])
        if isinstance(left, _Span) or isinstance(right, _Span):
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

    def join(self, start: _Span, end: _Span) -> _Span:
        if start.earliest > end.earliest or start.latest > end.latest:
            raise self.error(
                f"starts ({start.isoformat()}) after it ends "
                f"({end.isoformat()})"
            )
        return self.make(start.earliest, end.latest)

    # -- one date -----------------------------------------------------------

    def side(self, s: str) -> _Partial | _Span:
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

    def complete(self, found: _Partial | _Span) -> _Span:
        """
        Turn what the words gave into a span of days.

        A missing year is taken from the reference.
        """
        if isinstance(found, _Span):
            return found
        year, month, day, weekday = found
        if month is None:
            if day is not None:
                raise self.error("gives a day but no month")
            if year is None:  # pragma: no cover (dateutil gives something)
                raise self.error("gives no date")
            return self.make(dt.date(year, 1, 1), dt.date(year, _DECEMBER, 31))
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

    def check_weekday(self, result: _Span, weekday: int) -> None:
        if result.precision is not Precision.DAY:
            raise self.error(
                f"names a weekday ({_WEEKDAY_NAMES[weekday]}) but not a "
                "whole date"
            )
        d = result.earliest
        if d.weekday() != weekday:
            raise self.error(
                f"says {_WEEKDAY_NAMES[weekday]} but {d.isoformat()} is a "
                f"{_WEEKDAY_NAMES[d.weekday()]}"
            )

    # -- early/mid/late -----------------------------------------------------

    def period(self, s: str) -> _Span | None:
        """
        Read "early/mid/late February [2025]" or "early/mid/late 2025".
        """
        if m := _PERIOD_YEAR.fullmatch(s):
            year = int(m[2])
            first_month, last_month = _PARTS_OF_YEAR[m[1].lower()]
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
        first_day, last_day = _PARTS_OF_MONTH[m[1].lower()]
        if m[3]:
            year = int(m[3])
        else:
            ref = self.need_reference("gives no year")
            year = _latest_year(ref, month, first_day)
        end = _month_end(year, month)
        return self.make(
            dt.date(year, month, first_day),
            end.replace(day=min(last_day, end.day)),
        )

    # -- the months to a month ------------------------------------------------

    def months_to(self, s: str) -> _Span | None:
        """
        Read "the 12 months to June [2025]"; None if not that shape.

        Also "the year (half year, quarter) to March". The months end with
        the named month: of the year given, else the latest one starting on
        or before the reference.
        """
        m = _MONTHS_TO.fullmatch(s)
        if m is None:
            return None
        if m[2] is not None:
            count = _MONTHS_IN[" ".join(m[2].lower().split())]
        else:
            try:
                count = _count(m[1].lower())
            except ValueError as exc:
                raise self.error(
                    f"counts months by {m[1]!r}, not a number"
                ) from exc
            if count == 0:
                raise self.error("counts no months")
        month = _INFO.month(m[3])
        if month is None:
            raise self.error(f"counts the months to {m[3]!r}, not a month")
        if m[4]:
            year = int(m[4])
        else:
            year = _latest_year(self.need_reference("gives no year"), month, 1)
        first_year, first_month = _add_months(
            dt.date(year, month, 1), 1 - count
        )
        return self.make(
            dt.date(first_year, first_month, 1), _month_end(year, month)
        )

    # -- relative words -----------------------------------------------------

    def relative(self, s: str) -> _Span | None:
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


def _partial_of(found: _Span) -> _Partial:
    d = found.earliest
    if found.precision is Precision.DAY:
        return _Partial(d.year, d.month, d.day)
    if found.precision is Precision.MONTH:
        return _Partial(d.year, d.month, None)
    return _Partial(d.year, None, None)
