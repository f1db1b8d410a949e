"""
Validators for claimtrack's models, usable in your own attrs classes too.

Each one is an attrs validator (``validator(instance, attribute, value)``)
that raises a :class:`~claimtrack.exceptions.ClaimtrackError` naming the
attribute and the value, instead of a bare ``TypeError``:

>>> import attrs
>>> from claimtrack import validators
>>> @attrs.frozen
... class Note:
...     text: str = attrs.field(validator=validators.non_empty_str())
>>> Note("  ")
Traceback (most recent call last):
...
claimtrack.exceptions.InvalidValueError: text='  ': must not be blank
"""

from claimtrack._validators import (
    finite_number,
    http_url,
    instance_of,
    matches_re,
    max_len,
    member_of,
    non_empty_str,
    non_negative_int,
    optional,
    tuple_of,
)


__all__ = [
    "finite_number",
    "http_url",
    "instance_of",
    "matches_re",
    "max_len",
    "member_of",
    "non_empty_str",
    "non_negative_int",
    "optional",
    "tuple_of",
]
