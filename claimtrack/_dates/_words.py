"""
The words dates are written in, and the days relative words name.

The dateutil parser that human dates are read with (it knows a few more
weekday abbreviations and refuses two-digit years), the patterns of the
shapes claimtrack reads (ISO 8601, numeric dates, ranges, "early
February"), how a range splits into its two ends, and the relative words
("Monday", "last week", "3 days ago", and vague ones: "a few days ago",
"the past week", "in recent weeks", "late last year") with the first and
last day each names against a reference day. Nothing here reads the clock.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Final, NamedTuple

from dateutil import parser as _dateutil_parser

from claimtrack._dates._calendar import _DECEMBER, _WEEKDAY_NAMES, _month_end


if TYPE_CHECKING:
    from collections.abc import Callable


_ONE_DAY: Final = dt.timedelta(days=1)
_WEEKEND_START: Final = 5  # Saturday, as date.weekday() counts

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
_AGO: Final = re.compile(
    r"(\w+)\s+(day|days|week|weeks|month|months|year|years)\s+ago"
)
_UNIT: Final = (
    r"(day|days|week|weeks|fortnight|fortnights|month|months|year|years)"
)
_VAGUE: Final = r"(?:a\s+)?couple(?:\s+of)?|(?:a\s+)?few|several"
_VAGUE_AGO: Final = re.compile(rf"({_VAGUE})\s+{_UNIT}\s+ago")
_PAST: Final = re.compile(
    r"(?:(?:in|over|during|within|for)\s+)?"
    r"(?:the\s+(?:past|last|previous)|past)\s+"
    rf"(?:({_VAGUE}|\w+)\s+)?{_UNIT}"
)
_RECENT: Final = re.compile(
    r"(?:(?:in|over|during)\s+)?(?:the\s+)?recent\s+(days|weeks|months|years)"
)
_PART_OF: Final = re.compile(
    r"(early|mid|late)(?:\s+|-)(this|last|next)\s+(week|month|year)"
)
_MONTHS_TO: Final = re.compile(
    r"(?:(?:in|over|during|for)\s+)?(?:the\s+)?"
    r"(?:(\w+)\s+months?|(year|quarter|half[- ]year))\s+"
    r"(?:to|through|thru|until|till|ending(?:\s+in)?|ended(?:\s+in)?)\s+"
    r"(?:the\s+end\s+of\s+)?([a-z]+)\.?(?:,?\s+(\d{4}))?",
    re.IGNORECASE,
)
_MONTHS_IN: Final = {"year": 12, "half year": 6, "half-year": 6, "quarter": 3}
"""How many months "the year (quarter, half year) to June" counts."""

_LOOKS_RELATIVE: Final = re.compile(
    r"\b(?:ago|past|recent|last|next|this|few|several|couple|early|mid|late"
    r"|earlier|later|from now|days?|weeks?|months?|years?)\b",
    re.IGNORECASE,
)
"""Words that say a text that could not be read was meant as relative."""

_FEW: Final = {
    "couple": (2, 3),
    "couple of": (2, 3),
    "few": (2, 5),
    "several": (3, 7),
}
"""The least and most a vague count may be: "a few" is 2 to 5."""

_PARTS_OF_YEAR: Final = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
"""The months "early", "mid" and "late" in a year cover."""
_PARTS_OF_MONTH: Final = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
"""The days "early", "mid" and "late" in a month cover (to its end)."""
_PARTS_OF_WEEK: Final = {"early": (0, 1), "mid": (2, 3), "late": (4, 6)}
"""The weekdays "early", "mid" and "late" in a week cover, Monday 0."""
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


def _unit_reader(
    m: re.Match[str], ref: dt.date, *, first: int = 1
) -> tuple[dt.date, dt.date]:
    step = {"this": 0, "last": -1, "next": 1}[m[first]]
    unit = m[first + 1]
    if unit == "week":
        monday = _monday(ref) + dt.timedelta(weeks=step)
        return monday, monday + dt.timedelta(days=6)
    if unit == "month":
        return _whole_month(_add_months(ref, step))
    return _whole_year(ref.year + step)


def _count(word: str) -> int:
    """
    A count in digits or words ("3", "three"); ValueError if not one.
    """
    count = int(word) if word.isdigit() else _NUMBER_WORDS.get(word)
    if count is None:
        raise ValueError(f"{word!r} is not a number")
    return count


def _ago_reader(m: re.Match[str], ref: dt.date) -> tuple[dt.date, dt.date]:
    count = _count(m[1])
    if m[2].startswith("month"):
        return _whole_month(_add_months(ref, -count))
    if m[2].startswith("year"):
        return _whole_year(ref.year - count)
    days = count * 7 if m[2].startswith("week") else count
    return _same(ref - dt.timedelta(days=days))


def _back(ref: dt.date, count: int, unit: str) -> dt.date:
    """
    The day *count* units (days, weeks, months, ...) before *ref*.

    For months and years, the same day of the month, or the month's last
    day if it has no such day.
    """
    if unit.startswith(("month", "year")):
        months = count * 12 if unit.startswith("year") else count
        year, month = _add_months(ref, -months)
        return dt.date(year, month, min(ref.day, _month_end(year, month).day))
    days = {"day": 1, "week": 7, "fortnight": 14}[unit.removesuffix("s")]
    return ref - dt.timedelta(days=count * days)


def _vague_ago_reader(
    m: re.Match[str], ref: dt.date
) -> tuple[dt.date, dt.date]:
    least, most = _FEW[_few(m[1])]
    unit = m[2]
    if unit.startswith("month"):
        return (
            _whole_month(_add_months(ref, -most))[0],
            _whole_month(_add_months(ref, -least))[1],
        )
    if unit.startswith("year"):
        return dt.date(ref.year - most, 1, 1), _whole_year(ref.year - least)[1]
    return _back(ref, most, unit), _back(ref, least, unit)


def _few(words: str) -> str:
    """
    The vague count some words give: "a couple of" is "couple of".
    """
    return " ".join(words.split()).removeprefix("a ")


def _past_reader(m: re.Match[str], ref: dt.date) -> tuple[dt.date, dt.date]:
    words, unit = m[1], m[2]
    if words is None:
        count = 1
    elif _few(words) in _FEW:
        count = _FEW[_few(words)][1]
    else:
        count = _count(words)
        if count == 0:
            raise ValueError(f"the past {words} {unit} is no time at all")
    return _back(ref, count, unit), ref


def _recent_reader(m: re.Match[str], ref: dt.date) -> tuple[dt.date, dt.date]:
    return _back(ref, _FEW["several"][1], m[1]), ref


def _part_of_reader(m: re.Match[str], ref: dt.date) -> tuple[dt.date, dt.date]:
    part, (start, end) = m[1], _unit_reader(m, ref, first=2)
    if m[3] == "year":
        first, last = _PARTS_OF_YEAR[part]
        return start.replace(month=first), _month_end(start.year, last)
    if m[3] == "month":
        first, last = _PARTS_OF_MONTH[part]
        return start.replace(day=first), start.replace(day=min(last, end.day))
    first, last = _PARTS_OF_WEEK[part]
    return start + dt.timedelta(days=first), start + dt.timedelta(days=last)


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
    (_VAGUE_AGO, _vague_ago_reader),
    (_AGO, _ago_reader),
    (_PAST, _past_reader),
    (_RECENT, _recent_reader),
    (_PART_OF, _part_of_reader),
    (re.compile(r"earlier\s+this\s+(week|month|year)"), _earlier_reader),
    (
        re.compile(r"(?:the|at the|over the|(last))\s+weekend"),
        _weekend_reader,
    ),
)
