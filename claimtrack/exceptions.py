"""
Every error claimtrack raises.

Each one names the field that was wrong and the value it was given, as
attributes (``field``, ``value``) and in its message (a long value cut to
about 80 characters, with its length: the message of a 1 MB value is
short), and each one also
inherits the builtin a caller would expect, so ``except ValueError`` keeps
working. An operation that raises changes nothing.

The tree::

    ClaimtrackError
    ├── InvalidValueError (ValueError)
    │   ├── InvalidDateError
    │   │   ├── AmbiguousDateError (+ AmbiguityError)
    │   │   └── MissingReferenceError
    │   ├── SpanMismatchError
    │   ├── QuoteNotFoundError
    │   ├── MissingTextError
    │   ├── UnknownLabelError
    │   ├── LineageCycleError
    │   ├── InvalidDocumentError
    │   ├── DocumentTooLargeError
    │   └── AmbiguityError
    │       ├── AmbiguousQuoteError
    │       └── AmbiguousActorError
    ├── InvalidTypeError (TypeError)
    ├── NotFoundError (KeyError)
    │   ├── UnknownActorError
    │   ├── UnknownSourceError
    │   └── UnknownClaimError
    ├── ConflictError (ValueError)
    │   ├── DuplicateIdError
    │   └── StaleWriteError
    ├── StoreError (OSError)
    │   ├── StoreBusyError (TimeoutError)
    │   ├── MissingFileError (FileNotFoundError)
    │   ├── IsAFolderError (IsADirectoryError)
    │   ├── ReadOnlyStoreError (PermissionError)
    │   ├── ClosedStoreError
    │   ├── EmptyStoreError
    │   └── DamagedStoreError (+ InvalidDocumentError)
    ├── MissingDependencyError (ImportError)
    └── InvalidFieldsError (ExceptionGroup, ValueError)
"""

from __future__ import annotations

import copy
import errno
import os
import reprlib
from typing import TYPE_CHECKING, Any, Self


if TYPE_CHECKING:
    from collections.abc import Sequence


__all__ = [
    "AmbiguityError",
    "AmbiguousActorError",
    "AmbiguousDateError",
    "AmbiguousQuoteError",
    "ClaimtrackError",
    "ClosedStoreError",
    "ConflictError",
    "DamagedStoreError",
    "DocumentTooLargeError",
    "DuplicateIdError",
    "EmptyStoreError",
    "InvalidDateError",
    "InvalidDocumentError",
    "InvalidFieldsError",
    "InvalidTypeError",
    "InvalidValueError",
    "IsAFolderError",
    "LineageCycleError",
    "MissingDependencyError",
    "MissingFileError",
    "MissingReferenceError",
    "MissingTextError",
    "NotFoundError",
    "QuoteNotFoundError",
    "ReadOnlyStoreError",
    "SpanMismatchError",
    "StaleWriteError",
    "StoreBusyError",
    "StoreError",
    "UnknownActorError",
    "UnknownClaimError",
    "UnknownLabelError",
    "UnknownSourceError",
]


class ClaimtrackError(Exception):
    """
    The root of every error claimtrack raises.

    Attributes:
        field: The name of the field or argument that was wrong.
        value: The value it was given.
        reason: What was wrong with it, in words.
    """

    field: str
    value: object
    reason: str

    def __init__(self, field: str, value: object, reason: str) -> None:
        super().__init__(field, value, reason)
        self.field = field
        self.value = value
        self.reason = reason

    def __str__(self) -> str:
        """
        Name the field and the value, then say what was wrong.
        """
        return (
            f"{self.field}={_short_repr(self.value)}: "
            f"{_short_reason(self.reason)}"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        """
        Pickle by the constructor's arguments.
        """
        return (type(self), (self.field, self.value, self.reason))


class InvalidValueError(ClaimtrackError, ValueError):
    """
    A value has the right type but is not acceptable.
    """


class InvalidTypeError(ClaimtrackError, TypeError):
    """
    A value has the wrong type.
    """


class InvalidDateError(InvalidValueError):
    """
    A date or time expression could not be read.
    """


class AmbiguityError(InvalidValueError):
    """
    A value could mean more than one thing, and claimtrack does not guess.

    Attributes:
        candidates: What the value could mean.
    """

    candidates: tuple[object, ...]

    def __init__(
        self,
        field: str,
        value: object,
        reason: str,
        candidates: Sequence[object] = (),
    ) -> None:
        super().__init__(field, value, reason)
        self.candidates = tuple(candidates)

    def __reduce__(self) -> tuple[Any, ...]:
        """
        Pickle by the constructor's arguments.
        """
        return (
            type(self),
            (self.field, self.value, self.reason, self.candidates),
        )


class AmbiguousDateError(InvalidDateError, AmbiguityError):
    """
    A date reads differently day-first and month-first ("03/04/2025").
    """


class MissingReferenceError(InvalidDateError):
    """
    A relative date ("Monday", "last week") has nothing to be read against.
    """


class SpanMismatchError(InvalidValueError):
    """
    A span's quoted text is not what its source says at its offsets.
    """


class QuoteNotFoundError(InvalidValueError):
    """
    A quote does not occur in the source's text.
    """


class MissingTextError(InvalidValueError):
    """
    A source has no text to quote from.
    """


class UnknownLabelError(InvalidValueError):
    """
    A rating label is not on the scale it was given with.
    """


class LineageCycleError(InvalidValueError):
    """
    A source would derive, through its upstream sources, from itself.
    """


class InvalidDocumentError(InvalidValueError):
    """
    A document to import is wrong; ``field`` is the JSON path of the fault.

    Attributes:
        line: For a document that is not JSON at all, the line of the
            fault; otherwise None.
    """

    line: int | None = None


class DocumentTooLargeError(InvalidValueError):
    """
    A document is larger than the stated limit; it was not read.
    """


class AmbiguousQuoteError(AmbiguityError):
    """
    A quote occurs more than once and no occurrence was chosen.
    """


class AmbiguousActorError(AmbiguityError):
    """
    A name or alias belongs to more than one actor.
    """


class NotFoundError(ClaimtrackError, KeyError):
    """
    Nothing in the tracker has this id or name.
    """


class UnknownActorError(NotFoundError):
    """
    No actor has this id, name or alias.
    """


class UnknownSourceError(NotFoundError):
    """
    No source has this id.
    """


class UnknownClaimError(NotFoundError):
    """
    No claim has this id.
    """


class ConflictError(ClaimtrackError, ValueError):
    """
    A value clashes with what the tracker already holds.
    """


class DuplicateIdError(ConflictError):
    """
    An id is already taken by something different.
    """


class StaleWriteError(ConflictError):
    """
    A write was made against a state its journal has moved on from.

    Another writer appended events after this tracker last read its
    journal. Nothing was written; `Tracker.refresh` brings the tracker up
    to date, and the write can then be tried again.

    .. versionadded:: 0.1.0
    """


class StoreError(ClaimtrackError, OSError):
    """
    A file (the embedded store, a report) could not be opened, read or written.
    """

    def __str__(self) -> str:
        """
        Name the field and the value, whole: a path cut short is no help.
        """
        return f"{self.field}={self.value!r}: {self.reason}"


class StoreBusyError(StoreError, TimeoutError):
    """
    Another process held the store's write lock for longer than the timeout.
    """


class MissingFileError(StoreError, FileNotFoundError):
    """
    A file to read, or the folder to write a file in, does not exist.

    ``field`` is the argument that named it (``"path"``) and ``value`` the
    path as given; the `FileNotFoundError`'s ``filename`` is the path too,
    and its ``errno`` is ``ENOENT``.

    .. versionadded:: 0.1.0
    """

    def __init__(self, field: str, value: object, reason: str) -> None:
        super().__init__(field, value, reason)
        self.errno = errno.ENOENT
        self.strerror = os.strerror(errno.ENOENT)
        self.filename = str(value)


class IsAFolderError(StoreError, IsADirectoryError):
    """
    A file was to be read or written where there is a folder.

    ``field`` is the argument that named it (``"path"``) and ``value`` the
    path as given; the `IsADirectoryError`'s ``filename`` is the path too,
    and its ``errno`` is ``EISDIR``.

    .. versionadded:: 0.1.0
    """

    def __init__(self, field: str, value: object, reason: str) -> None:
        super().__init__(field, value, reason)
        self.errno = errno.EISDIR
        self.strerror = os.strerror(errno.EISDIR)
        self.filename = str(value)


class ReadOnlyStoreError(StoreError, PermissionError):
    """
    A write to a store that is open for reading only; nothing was written.

    The store was opened with ``read_only=True``, or its file (or its
    folder) is one the user may read but not write.

    .. versionadded:: 0.1.0
    """


class ClosedStoreError(StoreError):
    """
    A tracker was used after `Tracker.close`; ``value`` names its store.

    A closed tracker refuses every call, reads too: open the store again.

    .. versionadded:: 0.1.0
    """


class EmptyStoreError(StoreError):
    """
    A store to open exists but is empty: no claimtrack store at all.

    An empty file is made a store only when the caller allows creating one
    (``create=True``); see :doc:`storage`.

    .. versionadded:: 0.1.0
    """


class DamagedStoreError(StoreError, InvalidDocumentError):
    """
    A store's contents cannot be read: a row or the file itself is damaged.

    ``field`` names the table, the row and the field (``meta[version].value``,
    ``events[12].payload``, ``events[12].payload.speaker``), and ``value``
    what it holds, cut short if long. Also an `InvalidDocumentError`: the
    store is a document that is wrong.

    .. versionadded:: 0.1.0
    """

    def __str__(self) -> str:
        """
        Name the field and the value, cut short: a row may be long.
        """
        return ClaimtrackError.__str__(self)


class MissingDependencyError(ClaimtrackError, ImportError):
    """
    An optional package a feature needs is not installed.

    ``field`` is ``"module"`` and ``value`` the package's name, which is
    also the `ImportError`'s ``name``.
    """

    def __init__(self, field: str, value: object, reason: str) -> None:
        super().__init__(field, value, reason)
        self.name = str(value)


class InvalidFieldsError(ClaimtrackError, ExceptionGroup, ValueError):
    """
    Several fields were wrong at once; each one is in ``exceptions``.

    ``field`` names every failed field, comma-separated, and ``value`` is the
    class or call that was being built.
    """

    def __new__(cls, what: str, exceptions: Sequence[ClaimtrackError]) -> Self:
        """
        Build the group from the failed fields' errors.
        """
        return super().__new__(
            cls, f"{what}: {len(exceptions)} fields are invalid", exceptions
        )

    def __init__(
        self, what: str, exceptions: Sequence[ClaimtrackError]
    ) -> None:
        fields = ", ".join(e.field for e in exceptions)
        reasons = "; ".join(str(e) for e in exceptions)
        ClaimtrackError.__init__(self, fields, what, reasons)

    def __str__(self) -> str:
        """
        List each failed field with its value and reason.
        """
        return f"{self.value}: {self.reason}"

    def __reduce__(self) -> tuple[Any, ...]:
        """
        Pickle by the constructor's arguments.
        """
        return (type(self), (self.value, self.exceptions))

    def derive(  # type: ignore[override]
        self, excs: Sequence[ClaimtrackError]
    ) -> InvalidFieldsError:
        """
        Keep the class when the group is split.
        """
        return InvalidFieldsError(str(self.value), excs)


def _relocate(
    exc: ClaimtrackError,
    where: str,
    as_type: type[ClaimtrackError] | None = None,
) -> ClaimtrackError:
    """
    The same error with its field prefixed by *where* it happened.

    A group's errors are each relocated; *as_type* re-types a single error
    (a model's fault found in a document becomes a document's fault).
    """
    if isinstance(exc, InvalidFieldsError):
        return InvalidFieldsError(
            where,
            [
                _relocate(e, where, as_type)
                for e in exc.exceptions
                if isinstance(e, ClaimtrackError)
            ],
        )
    if as_type is not None:
        return as_type(f"{where}.{exc.field}", exc.value, exc.reason)
    moved = copy.copy(exc)
    vars(moved).update(vars(exc))  # what the constructor does not take
    moved.field = f"{where}.{exc.field}" if exc.field else where
    return moved


_SHOWN = 80
"""About how many characters of a value an error's message shows."""

_REASON_SHOWN = 2000
"""The most characters of a reason an error's message shows."""

_REPR = reprlib.Repr()
_REPR.maxstring = _REPR.maxother = _SHOWN
_REPR.maxlevel = 3


def _short_repr(value: object, limit: int = _SHOWN) -> str:
    """
    *value* as ``repr`` writes it, cut to about *limit* characters.

    A str or bytes is cut before ``repr`` is taken, so a value of a
    million characters costs what *limit* of them do, and its length is
    said: ``'NNNN…' (5000000 characters)``, the whole within *limit*.
    Another value is written by `reprlib` (a long list shows its first
    items) and cut likewise.
    """
    if isinstance(value, str | bytes):
        text = repr(value[: limit + 1])
        if len(value) <= limit and len(text) <= limit + 3:
            return text
        unit = "characters" if isinstance(value, str) else "bytes"
        note = f" ({len(value)} {unit})"
        room = limit - len(note) - 1  # for the "…"
        head = value[:room]
        text = repr(head)
        while len(text) > room:  # escapes: "\x00" is 4 characters
            head = head[: len(head) * room // len(text)]
            text = repr(head)
        return f"{text[:-1]}…{text[-1]}{note}"
    text = _REPR.repr(value)
    if len(text) <= limit:
        return text
    return text[:limit] + "…"


def _short_reason(reason: str) -> str:
    """
    *reason* whole, or cut to `_REASON_SHOWN` characters with its length.
    """
    if len(reason) <= _REASON_SHOWN:
        return reason
    return f"{reason[:_REASON_SHOWN]}… ({len(reason)} characters)"
