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

import itertools
import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from claimtrack import _files
from claimtrack._codec import Reader, event_plain, plain
from claimtrack._evidence import Policy
from claimtrack.exceptions import (
    ClaimtrackError,
    DocumentTooLargeError,
    InvalidDocumentError,
    InvalidTypeError,
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


MAX_DEPTH = 200
"""How deep arrays and objects may nest in a JSON input: 200 levels."""

_STRING = r'"[^"\\]*+(?:\\.?[^"\\]*+)*+(?:"|\Z)'
"""A JSON string, escapes and all; one left open runs to the end. It is
possessive and always matches from its quote: never backtracks, never
restarts inside a string (a scan stays linear on any input)."""

_NOT_BRACKETS = re.compile(f'(?:[^\\[\\]{{}}"]++|{_STRING})++', re.DOTALL)
"""What `_depth` drops: strings, and everything but brackets, a run
between two brackets at a time."""

_TOKENS = re.compile(
    _STRING + r"|[\[\]{},]|(?<![\d.eE+-])-?\d++(?![.eE])", re.DOTALL
)
"""The tokens that place a value in a JSON text: strings (keys among
them), brackets, commas, and integers."""

_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def parse_json(
    text: str | bytes, *, first_line: int = 0, lines: bool = True
) -> Any:
    """
    Parse JSON, within limits; an error names where the text goes wrong.

    The one JSON parser of every reader: `from_json`, ClaimReview (JSON
    and a page's ``ld+json`` scripts), Fact Check Tools, AVeriTeC, FEVER,
    Climate-FEVER and Web Annotation. Arrays and objects may nest at
    most `MAX_DEPTH` (200) levels, checked before parsing; an integer may
    have as many digits as Python reads (4,300 unless changed).

    Args:
        text: The JSON text.
        first_line: How many lines of a larger input come before *text*,
            so that the line named counts in the whole input.
        lines: False to name only the column (for one line of JSON lines).

    Raises:
        InvalidDocumentError: If it is not JSON, or nests too deep (its
            ``field`` is ``$`` and ``line`` is where), or holds an integer
            too long to read (its ``field`` is the integer's JSON path).
        UnicodeDecodeError: If *text* is bytes that are not Unicode.
    """
    if isinstance(text, bytes):
        text = text.decode(json.detect_encoding(text), "surrogatepass")
    if text.count("[") + text.count("{") > MAX_DEPTH:
        deep = _too_deep(text, first_line, lines=lines)
        if deep is not None:
            raise deep
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        error = _error_at(
            text,
            exc.pos,
            first_line,
            f"is not JSON: {exc.msg}",
            lines=lines,
        )
        raise error from None
    except RecursionError:  # little stack left: not deep for MAX_DEPTH
        raise _error_at(
            text, 0, first_line, "nests too deep to read here", lines=lines
        ) from None
    except ValueError as exc:  # an integer of too many digits
        raise _long_integer(text, exc) from None


def _depth(text: str) -> int:
    """
    How deep arrays and objects nest in *text*, at C speed mostly.

    Strings are dropped (their brackets do not count), then everything
    but brackets; the deepest point is the highest running count.
    """
    brackets = _NOT_BRACKETS.sub("", text)
    steps = map(_STEP.__getitem__, brackets)
    return max(itertools.accumulate(steps), default=0)


def _too_deep(
    text: str, first_line: int, *, lines: bool
) -> InvalidDocumentError | None:
    """
    The error for a text that nests too deep, at the first place it does.

    None if it does not: `_depth` tells at C speed, and only then are
    the tokens walked to find the place.
    """
    if _depth(text) <= MAX_DEPTH:
        return None
    depth = 0
    for found in _TOKENS.finditer(text):
        depth += _STEP.get(found.group()[0], 0)
        if depth > MAX_DEPTH:
            return _error_at(
                text,
                found.start(),
                first_line,
                f"nests arrays and objects deeper than {MAX_DEPTH} levels",
                lines=lines,
            )
    return None  # the two scans disagree: let the parser say


def _error_at(
    text: str, at: int, first_line: int, reason: str, *, lines: bool
) -> InvalidDocumentError:
    """
    An error at offset *at* of *text*, with its line and column.

    Its value is the text around the place.
    """
    line = text.count("\n", 0, at) + 1 + first_line
    column = at - text.rfind("\n", 0, at)
    where = f"line {line} column {column}" if lines else f"column {column}"
    error = InvalidDocumentError(
        "$", text[max(0, at - 20) : at + 20], f"{reason} at {where}"
    )
    error.line = line
    return error


def _long_integer(text: str, exc: ValueError) -> InvalidDocumentError:
    """
    The error for an integer too long to read, at its JSON path.
    """
    limit = sys.get_int_max_str_digits()
    # Each level open: an array's index, or an object's key (None until
    # its first key) and whether a key comes next.
    levels: list[_Level] = []
    for found in _TOKENS.finditer(text):
        piece = found.group()
        if piece in ("[", "{"):
            levels.append(_Level(0 if piece == "[" else None))
        elif piece in ("]", "}"):
            levels.pop()
        elif piece == ",":
            levels[-1].next_item()
        elif piece[0] == '"':
            if levels and levels[-1].awaits_key:
                levels[-1].step = json.loads(piece)
                levels[-1].awaits_key = False
        elif len(piece.lstrip("-")) > limit:
            return InvalidDocumentError(
                "$" + "".join(level.path() for level in levels),
                piece,
                f"is an integer of {len(piece.lstrip('-'))} digits; at "
                f"most {limit} are read",
            )
    return InvalidDocumentError("$", None, f"is not JSON: {exc}")


class _Level:
    """
    An array or object open at some point of a JSON text.
    """

    def __init__(self, step: int | None) -> None:
        self.step: int | str | None = step
        self.awaits_key = step is None

    def next_item(self) -> None:
        """
        A comma: the next item of an array, the next key of an object.
        """
        if isinstance(self.step, int):
            self.step += 1
        else:
            self.awaits_key = True

    def path(self) -> str:
        """
        This level's part of a JSON path: ``[3]``, ``.speaker``.
        """
        step = self.step
        if isinstance(step, int):
            return f"[{step}]"
        if isinstance(step, str) and step.lstrip("@").isidentifier():
            return f".{step}"
        return f"[{json.dumps(step, ensure_ascii=False)}]"


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


def check_max_bytes(max_bytes: object) -> None:
    """
    Refuse a size limit that is not a whole number of bytes, zero or more.

    Raises:
        InvalidTypeError: If it is not an int (a bool is not).
        InvalidValueError: If it is negative.
    """
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int):
        raise InvalidTypeError(
            "max_bytes",
            max_bytes,
            "must be an int (a number of bytes), "
            f"not {type(max_bytes).__name__}",
        )
    if max_bytes < 0:
        raise InvalidValueError(
            "max_bytes", max_bytes, "must be a number of bytes, 0 or more"
        )


def from_json(
    text: str | bytes,
    build: Callable[[Iterable[Event], Policy | None], T],
    *,
    max_bytes: int,
) -> T:
    """
    A new tracker from a JSON document, refused whole if wrong anywhere.

    Raises:
        InvalidTypeError: If *text* is not str or bytes, or *max_bytes*
            is not an int.
        InvalidValueError: If *max_bytes* is negative.
    """
    if not isinstance(text, str | bytes):
        raise InvalidTypeError(
            "text",
            text,
            "must be a JSON document as str or bytes, "
            f"not {type(text).__name__}",
        )
    check_max_bytes(max_bytes)
    size = len(
        text.encode("utf-8", "surrogatepass")
        if isinstance(text, str)
        else text
    )
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
        InvalidValueError: If *path* cannot name a file (empty, a NUL),
            or *max_bytes* is negative.
    """
    check_max_bytes(max_bytes)
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
