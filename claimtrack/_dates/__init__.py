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

The pieces, each importing only those listed before it:

- ``_calendar``: `Precision`, month and weekday names, argument checks, and
  a span of days in ISO 8601 or in words.
- ``_words``: the dateutil parser, the patterns of the shapes claimtrack
  reads, and the days that relative words name.
- ``_reading``: the steps that read words as a span of days.
- ``_when``: the `When` value, and `When.parse` around the reading.
- ``_fields``: `to_when`, `check_when` and `when_validator` for attrs
  fields.
"""

from claimtrack._dates._calendar import Precision
from claimtrack._dates._fields import check_when, to_when, when_validator
from claimtrack._dates._when import MAX_DATE_LENGTH, When


__all__ = [
    "MAX_DATE_LENGTH",
    "Precision",
    "When",
    "check_when",
    "to_when",
    "when_validator",
]
