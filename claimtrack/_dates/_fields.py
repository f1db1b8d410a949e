"""
`When` in attrs fields: the `to_when` converter and `when_validator`.

`check_when` says why a value is not a `When`, naming the field: relative
words need a reference date, words need `When.parse`, a naive
``datetime`` needs a time zone.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Final

import attrs

from claimtrack._dates._calendar import _is_aware, _type_name
from claimtrack._dates._when import When
from claimtrack.exceptions import (
    ClaimtrackError,
    InvalidDateError,
    InvalidTypeError,
    MissingReferenceError,
)


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
