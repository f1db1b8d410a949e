"""
The whole tracker as a JSON document, and back.

The document is the tracker's history: its policy and every event, in
order, each with its author, time and what it added. Reading a document
applies its events to a new tracker, checking each as the method that made
it would, so a document read back is equal to the tracker written, and a
document that is wrong anywhere is refused whole, with the JSON path of
what is wrong.

Version 1 of the format::

    {"format": "claimtrack", "version": 1,
     "policy": {"min_sources": 2},
     "events": [{"kind": "source-added", "by": null,
                 "at": "2025-02-04T18:00:00+00:00", "payload": {...}}, ...]}

Values are written as JSON scalars, lists and objects named after the
models' fields; dates are ISO 8601 strings; a `When` is an object with
``earliest``, ``latest``, ``precision`` and ``text``; a number is a JSON
number, or ``{"decimal": "2.5"}`` for a ``Decimal``; the object of a
proposition is a string or ``{"quantity": number, "unit": ...}``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from claimtrack import _files
from claimtrack._codec import Reader, event_plain, plain
from claimtrack._evidence import Policy
from claimtrack.exceptions import (
    ClaimtrackError,
    DocumentTooLargeError,
    InvalidDocumentError,
    InvalidValueError,
    _relocate,
)


if TYPE_CHECKING:
    import os
    from collections.abc import Callable, Iterable, Iterator

    from claimtrack._events import Event
    from claimtrack._readable import Readable


T = TypeVar("T")


FORMAT = "claimtrack"
VERSION = 1


# -- writing ----------------------------------------------------------------


def to_data(tracker: Readable) -> dict[str, Any]:
    """
    The tracker as plain JSON data.
    """
    return {
        "format": FORMAT,
        "version": VERSION,
        "policy": plain(tracker.policy),
        "events": [event_plain(event) for event in tracker.events()],
    }


def dump(tracker: Readable, path: str | os.PathLike[str]) -> None:
    """
    Write the tracker to *path* atomically.

    The document goes to a temporary file beside *path*, is flushed to disk,
    then renamed over *path*: a reader sees the old file or the new one,
    never half of one. A new file gets the user's usual permissions; a file
    replaced keeps its own.

    Raises:
        MissingFileError: If the folder does not exist.
        IsAFolderError: If *path* is a folder.
        StoreError: If the file cannot be written.
        InvalidTypeError: If *path* is not a path.
        InvalidValueError: If *path* cannot name a file (empty, a NUL), or
            the tracker holds text that is not Unicode (a lone surrogate),
            which no UTF-8 file can hold.
    """
    where = _files.checked_path(path)
    text = json.dumps(to_data(tracker), ensure_ascii=False, indent=1)
    try:
        _files.replace(where, text)
    except UnicodeEncodeError as exc:
        raise InvalidValueError(
            "tracker",
            exc.object[max(0, exc.start - 20) : exc.end + 20],
            "holds a lone surrogate, which is not Unicode text and cannot "
            "be written as UTF-8; nothing was written",
        ) from None
    except OSError as exc:
        raise _files.os_error(exc, path, "written") from exc


# -- reading ----------------------------------------------------------------


def parse_json(
    text: str | bytes, *, first_line: int = 0, lines: bool = True
) -> Any:
    """
    Parse JSON; an error names where the text stops being JSON.

    Args:
        text: The JSON text.
        first_line: How many lines of a larger input come before *text*,
            so that the line named counts in the whole input.
        lines: False to name only the column (for one line of JSON lines).

    Raises:
        InvalidDocumentError: If it is not JSON; ``line`` is where.
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        line = exc.lineno + first_line
        where = (
            f"line {line} column {exc.colno}"
            if lines
            else (f"column {exc.colno}")
        )
        error = InvalidDocumentError(
            "$",
            exc.doc[max(0, exc.pos - 20) : exc.pos + 20],
            f"is not JSON: {exc.msg} at {where}",
        )
        error.line = line
        raise error from None


def from_data(
    data: object, build: Callable[[Iterable[Event], Policy | None], T]
) -> T:
    """
    A new tracker from plain JSON data, checked throughout.

    *build* makes it from the events, in one write (`Tracker.from_events`).
    """
    reader = Reader()
    top = reader.mapping(
        data,
        "$",
        {"format", "version", "policy", "events"},
        {"format", "version", "events"},
    )
    if top["format"] != FORMAT:
        raise reader.fail(
            "$.format", top["format"], f"is not {FORMAT!r}: not a tracker"
        )
    version = top["version"]
    if not isinstance(version, int) or isinstance(version, bool):
        raise reader.fail("$.version", version, "must be an integer")
    if version > VERSION:
        raise reader.fail(
            "$.version",
            version,
            f"is newer than this claimtrack reads ({VERSION}); upgrade "
            "claimtrack to read it",
        )
    if version < 1:
        raise reader.fail("$.version", version, "is not a format version")
    policy = (
        reader.model(Policy, top["policy"], "$.policy", {})
        if top.get("policy") is not None
        else None
    )
    events = top["events"]
    if not isinstance(events, list):
        raise reader.fail("$.events", events, "must be a JSON list")
    path, reading = "$", False

    def read() -> Iterator[Event]:
        nonlocal path, reading
        for number, item in enumerate(events):
            path, reading = f"$.events[{number}]", True
            event = reader.event(item, path)
            reading = False
            yield event

    try:
        return build(read(), policy)
    except ClaimtrackError as exc:
        if reading:
            raise  # located as it was read
        raise _relocate(exc, f"{path}.payload", InvalidDocumentError) from exc


def from_json(
    text: str | bytes,
    build: Callable[[Iterable[Event], Policy | None], T],
    *,
    max_bytes: int,
) -> T:
    """
    A new tracker from a JSON document, refused whole if wrong anywhere.
    """
    size = len(text.encode() if isinstance(text, str) else text)
    if size > max_bytes:
        raise DocumentTooLargeError(
            "document", size, f"is larger than the limit of {max_bytes} bytes"
        )
    try:
        data = parse_json(text)
    except UnicodeDecodeError as exc:
        raise InvalidDocumentError(
            "$", exc.object[exc.start : exc.end], "is not UTF-8"
        ) from None
    return from_data(data, build)


def load(
    path: str | os.PathLike[str],
    build: Callable[[Iterable[Event], Policy | None], T],
    *,
    max_bytes: int,
) -> T:
    """
    A new tracker from a JSON file, its size checked before it is read.

    Raises:
        MissingFileError: If there is no such file.
        IsAFolderError: If *path* is a folder.
        StoreError: If the file cannot be read.
        InvalidTypeError: If *path* is not a path.
        InvalidValueError: If *path* cannot name a file (empty, a NUL).
    """
    source = Path(_files.checked_path(path))
    try:
        size = source.stat().st_size
        if size > max_bytes:
            raise DocumentTooLargeError(
                "path",
                str(path),
                f"is {size} bytes, larger than the limit of {max_bytes}",
            )
        data = source.read_bytes()
    except OSError as exc:
        raise _files.os_error(exc, path, "read") from exc
    return from_json(data, build, max_bytes=max_bytes)
