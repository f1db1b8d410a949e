"""
What every importer shares: input, all-or-nothing runs, and reports.

Input is read within a size limit; records run into a tracker
all-or-nothing; the report says what came in and what did not.

A format module turns its input into `Record` objects, each saying where
it was read (``"line 12"``, ``"row 7"``, ``"$[3]"``) and what it adds.
`run` applies the records to a scratch tracker and merges that into the
user's tracker only when the import is done: a strict import that meets a
bad record imports nothing and raises, naming the record; a lenient one
leaves the record out and reports it.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import attrs

from claimtrack import _files
from claimtrack.exceptions import (
    ClaimtrackError,
    DocumentTooLargeError,
    InvalidDocumentError,
    InvalidTypeError,
    InvalidValueError,
    _relocate,
)


if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping

    from claimtrack._tracker import Tracker


MAX_BYTES = 64 * 1024 * 1024
"""The largest input an importer reads unless told otherwise: 64 MiB."""

Input = str | bytes | os.PathLike[str] | IO[str] | IO[bytes]
"""What an importer reads: text, bytes, a path, or an open file."""

PROGRESS_EVERY = 1000
"""How many records an import reads between two calls of its *progress*."""


def read_text(data: Input, *, max_bytes: int = MAX_BYTES) -> str:
    """
    Return *data* as text, refusing it before reading if it is too large.

    A `str` is taken as the input itself, not as a file name: pass a
    `pathlib.Path` for a file. Bytes are read as UTF-8, with or without a
    byte-order mark.

    Raises:
        DocumentTooLargeError: If the input is over *max_bytes*; a file's
            size is checked before it is read.
        InvalidDocumentError: If bytes are not UTF-8.
        InvalidTypeError: If *data* is none of the above, or a path of
            bytes.
        InvalidValueError: If a path cannot name a file (a NUL in it).
        MissingFileError: If a path names no file (also a
            `FileNotFoundError`).
        IsAFolderError: If a path names a folder.
        StoreError: If the file cannot be read for another reason.
    """
    if isinstance(data, os.PathLike):
        raw: str | bytes = _read_file(data, max_bytes)
    elif isinstance(data, str | bytes):
        raw = data
    elif hasattr(data, "read"):
        raw = data.read(max_bytes + 1)
    else:
        raise InvalidTypeError(
            "data", data, "must be text, bytes, a path or an open file"
        )
    try:
        size = len(raw.encode() if isinstance(raw, str) else raw)
    except UnicodeEncodeError as exc:  # a lone surrogate: not Unicode text
        raise InvalidValueError(
            "data",
            raw[max(0, exc.start - 20) : exc.start + 20],
            f"holds a lone surrogate at offset {exc.start}, which no text "
            "can hold",
        ) from exc
    if size > max_bytes:
        raise DocumentTooLargeError(
            "data", f"{size} bytes", f"is over {max_bytes} bytes"
        )
    if isinstance(raw, str):
        return raw.removeprefix("\ufeff")
    try:
        return codecs.decode(raw, "utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        error = InvalidDocumentError(
            f"line {line}", raw[exc.start : exc.end], "is not UTF-8"
        )
        error.line = line
        raise error from exc


def _read_file(data: os.PathLike[str], max_bytes: int) -> bytes:
    """
    The bytes of the file *data* names, its size checked first.
    """
    path = Path(_files.checked_path(data))
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentTooLargeError(
                "path", str(path), f"is {size} bytes, over {max_bytes}"
            )
        return path.read_bytes()
    except OSError as exc:
        raise _files.os_error(exc, path, "read") from exc


@attrs.frozen
class Record:
    """
    One record of an input, and how to add it to a tracker.

    Args:
        where: Where the record was read, for errors and reports: ``"line
            12"``, ``"row 7"``, ``"$[3]"``.
        add: Adds the record to the tracker it is given, and returns the
            ids of the claims it added (or found already there). It may
            raise any `ClaimtrackError`; whatever it added is then undone.
    """

    where: str
    add: Callable[[Tracker], Iterable[str]]


@attrs.frozen
class Rejected:
    """
    A record a lenient import left out.

    Attributes:
        where: Where it was read.
        error: What was wrong with it; ``str(error)`` reads well.
    """

    where: str
    error: ClaimtrackError

    @property
    def reason(self) -> str:
        """What was wrong, in words."""
        return str(self.error)


@attrs.frozen
class Flag:
    """
    Something odd in a record that was imported anyway.

    For example, a rating outside its own scale.
    """

    where: str
    message: str


@attrs.frozen
class ImportReport:
    """
    What an import brought in, and what it left out.

    Attributes:
        format: The format read (``"claimreview"``, ``"liar"``, ...).
        records: How many records were read, imported or not.
        claims: The ids of the claims the imported records hold, in the
            order read (a claim already in the tracker is listed too).
        added: How many events the import added to the tracker.
        rejected: The records left out, each with its reason (only a
            lenient import leaves any out).
        flags: Odd things in records that were imported anyway.
    """

    format: str
    records: int
    claims: tuple[str, ...]
    added: int
    rejected: tuple[Rejected, ...] = ()
    flags: tuple[Flag, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether every record came in."""
        return not self.rejected


def run(
    tracker: Tracker,
    format: str,  # noqa: A002
    records: Iterable[Record],
    *,
    lenient: bool = False,
    flags: Iterable[Flag] = (),
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """
    Add *records* to *tracker*: all of them, or none.

    The records go into a scratch tracker first; *tracker* is changed
    once, at the end, by merging the scratch tracker's events into it.

    In a strict import, the first record that fails (while being read or
    added) stops the import: nothing is added, and its error is raised with
    the record's place in front of its field (``row 7.speaker``). In a
    lenient import the record is left out and reported.

    Args:
        tracker: Where the records go.
        format: The format's name, for the report.
        records: The records, in the order read.
        lenient: Leave bad records out and report them, instead of
            raising the first one's error.
        flags: Odd things found while reading, for the report.
        progress: Called with the number of records read so far, every
            `PROGRESS_EVERY` records, and once more with the total when
            every record is read (before the merge into *tracker*).

    Raises:
        ClaimtrackError: In a strict import, the first bad record's error.
    """
    from claimtrack._tracker import Tracker  # noqa: PLC0415

    scratch = Tracker(policy=tracker.policy)
    claims: list[str] = []
    rejected: list[Rejected] = []
    count = reported = 0
    for where, record in _guarded(records):
        count += 1
        if progress is not None and count % PROGRESS_EVERY == 0:
            progress(count)
            reported = count
        if isinstance(record, ClaimtrackError):
            error = record
        else:
            mark = scratch.position
            try:
                found = list(record.add(scratch))
            except ClaimtrackError as exc:
                error = _relocate(exc, where)
                if scratch.position != mark:
                    scratch = Tracker.from_events(
                        scratch.events()[:mark], policy=tracker.policy
                    )
            else:
                claims.extend(found)
                continue
        if not lenient:
            raise error
        rejected.append(Rejected(where, error))
    if progress is not None and (count != reported or not count):
        progress(count)
    added = tracker.merge(scratch)
    return ImportReport(
        format,
        count,
        tuple(claims),
        len(added),
        tuple(rejected),
        tuple(flags),
    )


def _guarded(
    records: Iterable[Record],
) -> Iterator[tuple[str, Record | ClaimtrackError]]:
    """
    Yield each record with its place, or the error that ends the input.

    A format's record iterator reports a record it cannot read by yielding
    a `Record` whose ``add`` raises; an error raised by the iterator itself
    ends the input, and is passed on as the last item.
    """
    iterator = iter(records)
    index = 0
    while True:
        try:
            record = next(iterator)
        except StopIteration:
            return
        except ClaimtrackError as exc:
            yield f"record {index}", exc
            return
        yield record.where, record
        index += 1


def failing(where: str, error: ClaimtrackError) -> Record:
    """
    A record that could not be read: adding it raises *error*.
    """

    def add(_: Tracker) -> Iterable[str]:
        raise error

    return Record(where, add)


def text_of(value: object) -> str | None:
    """
    The text of a scalar field: stripped, or None when empty or missing.
    """
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        return text or None
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return str(value)
    return None


def first(mapping: Mapping[str, Any], *keys: str) -> Any:
    """
    The first of *keys* that *mapping* holds a non-empty value for.
    """
    for key in keys:
        value = mapping.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def has_keys(head: str, *keys: str) -> bool:
    """
    Whether *head* holds each of *keys* in double quotes, as JSON keys are.

    This is how a format written as JSON is told from a file's beginning:
    a key may be anywhere in it, and a string value with the same text
    counts as well.
    """
    return all(f'"{key}"' in head for key in keys)
