"""
What the dataset importers share: fields, JSON lines, ids and speakers.

A record's fields are read through `Fields`, whose errors name the field
by its path inside the record (``claim_date``,
``questions[1].answers[0].source_url``); `run` puts the record's place in
front (``$[3].claim_date``, ``line 12.claim_label``). A field path of
``$`` is the record as a whole.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from typing import TYPE_CHECKING, Any

from claimtrack._evidence import instant
from claimtrack._models import Actor, ActorKind, Claim, Source
from claimtrack._serialize import parse_json
from claimtrack._text import name_key
from claimtrack._validators import http_url
from claimtrack.exceptions import (
    ClaimtrackError,
    DuplicateIdError,
    InvalidDocumentError,
)
from claimtrack.formats._common import Flag


if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Iterator, Mapping

    from claimtrack._tracker import Tracker
    from claimtrack.formats._common import Record


def stamp(at: dt.datetime | str | None, default: dt.datetime) -> dt.datetime:
    """
    The time an import's events carry: *at* if given, else *default*.

    Raises:
        InvalidDateError: If *at* is naive or not an ISO 8601 date and time.
    """
    return default if at is None else instant(at, "at")


def digest(prefix: str, *parts: object) -> str:
    """
    A stable id from *parts*: *prefix*, a dash and 16 hex digits.
    """
    blob = json.dumps(parts, ensure_ascii=False)
    return f"{prefix}-{hashlib.sha256(blob.encode()).hexdigest()[:16]}"


def unattributed(dataset: str) -> Actor:
    """
    The speaker of a dataset's claims that name none: an unnamed group.

    It stands for "whoever made the claims the dataset does not
    attribute", not for a person.
    """
    return Actor(f"{dataset}-unattributed", kind=ActorKind.GROUP)


def counted(
    records: Iterable[Record], flags: list[Flag], what: str
) -> Iterator[Record]:
    """
    Yield *records*; flag an input that holds none of *what* it should.

    An import never brings in nothing silently: the report of an input
    with no record ("the input holds no claims") says so.
    """
    empty = True
    for record in records:
        empty = False
        yield record
    if empty:
        flags.append(
            Flag("$", f"the input holds no {what}: nothing to import")
        )


def trim(name: str) -> str:
    """
    *name* without spaces or invisible marks (such as U+200F) at its ends.
    """
    start, end = 0, len(name)
    while start < end and _blank(name[start]):
        start += 1
    while end > start and _blank(name[end - 1]):
        end -= 1
    return name[start:end]


def _blank(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) == "Cf"


def slug(name: str) -> str:
    """
    The id of a speaker known by *name*: "Donald Trump" is "donald-trump".

    Case, accents and punctuation aside, as `name_key` folds names; the
    empty string if the name has no letter or digit.
    """
    return name_key(name).replace(" ", "-")


def known_actor(actor: Actor, *trackers: Tracker) -> Actor:
    """
    The actor with *actor*'s id already in one of *trackers*, or *actor*.

    Raises:
        DuplicateIdError: If a source or claim has the actor's id.
    """
    for tracker in trackers:
        if actor.id in tracker:
            found = tracker.get(actor.id)
            if not isinstance(found, Actor):
                raise DuplicateIdError(
                    "speaker",
                    actor.id,
                    f"is the id of a {type(found).__name__.lower()} in the "
                    "tracker, not of an actor",
                )
            return found
    return actor


def fits(item: Source | Claim, field: str, *trackers: Tracker) -> None:
    """
    Check that none of *trackers* holds something else under *item*'s id.

    Raises:
        DuplicateIdError: If one does; *field* names what gave the id.
    """
    for tracker in trackers:
        if item.id in tracker and tracker.get(item.id) != item:
            raise DuplicateIdError(
                field,
                item.id,
                "the tracker already holds something different under this id",
            )


def load_json(text: str) -> Any:
    """
    Parse a JSON document.

    Raises:
        InvalidDocumentError: If it is not JSON; ``line`` is where.
    """
    return parse_json(text)


def json_lines(text: str) -> Iterator[tuple[int, Any]]:
    """
    Yield each non-blank line's number and its JSON value.

    A line that is not JSON yields an `InvalidDocumentError` as its value,
    its column in the reason. Lines are split at line feeds only, so a
    U+2028 inside a string stays in it.
    """
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            yield number, parse_json(line, lines=False)
        except InvalidDocumentError as exc:
            yield number, exc


def _kind(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "text", bool: "a bool"}
    if value is None:
        return "null"
    return names.get(type(value), f"a {type(value).__name__}")


class Fields:
    """
    The fields of one JSON object of a record, read with their types checked.

    Args:
        value: The object.
        path: Its path inside the record: ``""`` for the record itself,
            ``"questions[1]"`` for a nested object.

    Raises:
        InvalidDocumentError: If *value* is not a JSON object.
    """

    def __init__(self, value: object, path: str = "") -> None:
        if not isinstance(value, dict):
            raise InvalidDocumentError(
                path or "$",
                value,
                f"must be a JSON object, not {_kind(value)}",
            )
        self.data: Mapping[str, Any] = value
        self.path = path

    def at(self, key: str) -> str:
        """
        The path of *key* inside the record.
        """
        return f"{self.path}.{key}" if self.path else key

    def error(self, key: str, reason: str) -> InvalidDocumentError:
        """
        The error for a wrong value under *key*.
        """
        return InvalidDocumentError(self.at(key), self.data.get(key), reason)

    def text(
        self, key: str, *, required: bool = False, strip: bool = True
    ) -> str | None:
        """
        The text under *key*; None when it is missing, null or blank.

        Args:
            key: The field.
            required: Whether a missing or blank value is an error.
            strip: Whether to drop the spaces around the text.

        Raises:
            InvalidDocumentError: If it is not text, or required and blank.
        """
        value = self.data.get(key)
        if value is not None and not isinstance(value, str):
            raise self.error(key, f"must be text, not {_kind(value)}")
        if value is None or not value.strip():
            if required:
                raise self.error(key, "is required and must not be blank")
            return None
        return value.strip() if strip else value

    def url(self, key: str) -> str | None:
        """
        The absolute http(s) URL under *key*, if any.

        Raises:
            InvalidDocumentError: If it is not one.
        """
        value = self.text(key)
        if value is not None:
            try:
                http_url()(None, key, value)
            except ClaimtrackError as exc:
                raise self.error(key, exc.reason) from None
        return value

    def ident(self, key: str) -> str:
        """
        A record's id under *key*: text or a whole number, as text.

        Raises:
            InvalidDocumentError: If it is missing, blank or of another type.
        """
        value = self.data.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        text = self.text(key, required=True)
        assert text is not None  # noqa: S101 -- required
        return text

    def array(self, key: str) -> list[Any]:
        """
        The JSON array under *key*; an empty one when it is missing or null.

        Raises:
            InvalidDocumentError: If it is something else.
        """
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.error(key, f"must be a JSON array, not {_kind(value)}")
        return value

    def child(self, value: object, path: str) -> Fields:
        """
        The fields of a nested object at *path* inside this one.
        """
        return Fields(value, self.at(path))
