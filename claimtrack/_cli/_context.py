"""
What every command of the command line shares.

`ExitCode`, and `_Exit`, which ends a command with an error and a code;
`_Context`, where output goes and how the store is opened; reading an
input file and writing an output file; and the options that several
commands take.
"""

from __future__ import annotations

import contextlib
import enum
import json
import os
import shutil
import sqlite3
import sys
import textwrap
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, TYPE_CHECKING

import attrs

from claimtrack import _files
from claimtrack._cli._checks import UsageError, describe
from claimtrack._journals._postgres import is_url
from claimtrack._tracker import Tracker
from claimtrack.exceptions import (
    ClaimtrackError,
    InvalidDocumentError,
    InvalidFieldsError,
    InvalidValueError,
    MissingFileError,
    NotFoundError,
    StoreBusyError,
    StoreError,
)


if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterator, Sequence


class ExitCode(enum.IntEnum):
    """
    What ``claimtrack`` exits with, and why.

    The codes above 63 are those of BSD's ``sysexits.h``.

    .. versionadded:: 0.1.0
    """

    OK = 0
    """The command did what it was asked."""
    USAGE = 2
    """The command line is wrong: an unknown command or option, a missing
    argument (argparse's own code)."""
    NOT_FOUND = 3
    """No claim, source or actor has the id or name given."""
    DATA_ERROR = 65
    """The data is wrong: a bad date, a quote not in the text, an id taken
    by something different, a file that does not read as its format."""
    NO_INPUT = 66
    """An input file, or the store, does not exist or cannot be read."""
    CANNOT_CREATE = 73
    """An output file cannot be written, or ``init`` would overwrite a file
    that is not a claimtrack store."""
    IO_ERROR = 74
    """The store is not a claimtrack store, is damaged, or a write to it
    failed; or the output's encoding cannot hold the text to write."""
    BUSY = 75
    """Another process held the store's write lock too long: try again."""
    INTERRUPTED = 130
    """Interrupted (Ctrl-C); nothing was changed by the interrupted
    write."""
    BROKEN_PIPE = 141
    """The reader of the output went away (``claimtrack claims | head``),
    as for a program killed by SIGPIPE."""


DEFAULT_DB = "claims.db"
"""The store used when neither ``--db`` nor ``$CLAIMTRACK_DB`` names one."""


_PROGRAM = "claimtrack"
_SQLITE_HEADER = b"SQLite format 3\x00"


class _Exit(Exception):  # noqa: N818 -- not an error: how a command ends
    """
    End the command with *code*, reporting *error* (after *where*).
    """

    def __init__(
        self, code: ExitCode, error: ClaimtrackError, where: str = ""
    ) -> None:
        super().__init__(code, error, where)
        self.code = code
        self.error = error
        self.where = where

    def message(self) -> str:
        said = describe(self.error)
        return f"{self.where}: {said}" if self.where else said


def code_of(error: ClaimtrackError) -> ExitCode:
    """
    The exit code for a claimtrack error.
    """
    if isinstance(error, StoreBusyError):
        return ExitCode.BUSY
    if isinstance(error, MissingFileError):
        return ExitCode.NO_INPUT
    if isinstance(error, StoreError):
        return ExitCode.IO_ERROR
    if isinstance(error, NotFoundError) or (
        isinstance(error, InvalidFieldsError)
        and all(isinstance(e, NotFoundError) for e in error.exceptions)
    ):
        return ExitCode.NOT_FOUND
    return ExitCode.DATA_ERROR


# -- the context a command runs in -------------------------------------------


@attrs.define
class _Context:
    """
    Where output goes, and the options every command shares.
    """

    out: IO[str]
    err: IO[str]
    db: Path | str  # a file, or a PostgreSQL URL
    json: bool = False
    by: str | None = None
    at: str | None = None
    timeout: float = 5.0

    @classmethod
    def of(cls, args: argparse.Namespace) -> _Context:
        """
        The context the options in *args* and the environment give.

        Raises:
            UsageError: If ``--db`` names no file at all.
        """
        if getattr(args, "db", None) == "":
            raise UsageError("--db='': names no store; name its file")
        db = (
            getattr(args, "db", None)
            or os.environ.get("CLAIMTRACK_DB")
            or DEFAULT_DB
        )
        return cls(
            out=sys.stdout,
            err=sys.stderr,
            db=db if is_url(db) else Path(db),
            json=getattr(args, "json", False),
            by=getattr(args, "by", None)
            or os.environ.get("CLAIMTRACK_USER")
            or None,
            at=getattr(args, "at", None),
            timeout=getattr(args, "timeout", 5.0),
        )

    @contextlib.contextmanager
    def store(self) -> Iterator[Tracker]:
        """
        Open the store, which must exist; close it when done.

        A missing store is never created: only ``init`` does that.
        """
        try:
            reason = None if isinstance(self.db, str) else foreign(self.db)
        except OSError as exc:  # a name too long, a folder not readable
            raise _Exit(
                ExitCode.NO_INPUT,
                StoreError("db", str(self.db), _os_reason(exc)),
            ) from exc
        if reason is not None:
            raise _Exit(
                ExitCode.IO_ERROR, StoreError("db", str(self.db), reason)
            )
        try:
            tracker = Tracker.open(self.db, timeout=self.timeout, create=False)
        except MissingFileError as exc:
            raise _Exit(
                ExitCode.NO_INPUT,
                StoreError(
                    "db",
                    str(self.db),
                    "no claimtrack store here; create one with "
                    "'claimtrack init', or name one with --db",
                ),
            ) from exc
        except InvalidDocumentError as exc:  # not a store, or too new
            raise _Exit(ExitCode.IO_ERROR, exc) from exc
        try:
            yield tracker
        finally:
            tracker.close()

    @property
    def width(self) -> int | None:
        """
        How wide tables may be: the terminal's width; unlimited if piped.
        """
        if not self.out.isatty():
            return None
        return shutil.get_terminal_size().columns

    def write(self, text: str = "") -> None:
        self.put(text + "\n")

    def put(self, text: str) -> None:
        """
        Write *text* to the output as it is.

        Raises:
            _Exit: If the output's encoding cannot hold a character of it
                (``PYTHONIOENCODING=ascii``): I/O error, naming it.
        """
        try:
            self.out.write(text)
        except UnicodeEncodeError as exc:
            raise _Exit(
                ExitCode.IO_ERROR,
                InvalidValueError(
                    "output",
                    exc.object[exc.start : exc.end],
                    f"cannot be written in the output's encoding, "
                    f"{exc.encoding}; use a UTF-8 locale, or set "
                    "PYTHONIOENCODING=utf-8",
                ),
            ) from exc

    def paragraph(self, text: str) -> None:
        """
        Write *text*, wrapped to the terminal's width.
        """
        width = self.width
        self.write(text if width is None else textwrap.fill(text, width))

    def lines(self, lines: Sequence[str]) -> None:
        for line in lines:
            self.write(line)

    def emit(self, data: object) -> None:
        """
        Write *data* as JSON, indented.
        """
        self.write(json.dumps(data, ensure_ascii=False, indent=2))

    def say(self, text: str) -> None:
        """
        Tell the user something on stderr, beside the output.
        """
        self.err.write(f"{_PROGRAM}: {text}\n")


# -- a store, or not ---------------------------------------------------------


def tracker_exists(url: str, timeout: float) -> bool:
    """
    Whether the tracker a PostgreSQL URL names exists; else the exit.
    """
    try:
        Tracker.open(url, timeout=timeout, create=False).close()
    except MissingFileError:
        return False
    except ClaimtrackError as exc:  # no server, a bad URL, no privilege
        raise _Exit(code_of(exc), exc) from exc
    return True


def foreign(path: Path) -> str | None:
    """
    Why *path* is plainly not a claimtrack store, or None.

    This is checked, read-only, before a file is opened as a store: opening
    sets a file's journal mode, which would change another program's
    SQLite file. An empty file, or one that cannot be checked, is left for
    the store to judge.
    """
    if path.is_dir():
        return "is a folder, not a claimtrack store"
    try:
        with path.open("rb") as f:
            head = f.read(len(_SQLITE_HEADER))
    except OSError:
        return None
    if head and head != _SQLITE_HEADER:
        return "is not an SQLite file, so not a claimtrack store"
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = {
                name
                for (name,) in db.execute(
                    "select name from sqlite_master where type = 'table'"
                )
            }
        finally:
            db.close()
    except sqlite3.Error:
        return None
    if tables and not {"meta", "events"} <= tables:
        return "is an SQLite file, not a claimtrack store"
    return None


# -- files in and out --------------------------------------------------------


def _read_input(path: str, field: str) -> str:
    """
    The text of an input file (``-`` is stdin), as UTF-8.
    """
    if path == "-":
        return sys.stdin.read()
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise _Exit(
            ExitCode.NO_INPUT,
            InvalidDocumentError(field, path, _os_reason(exc)),
        ) from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _Exit(
            ExitCode.DATA_ERROR,
            InvalidDocumentError(
                field, path, f"is not UTF-8 (byte {exc.start})"
            ),
        ) from exc


def _os_reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def _write_output(path: str, text: str, ctx: _Context) -> None:
    """
    Write *text* to *path* atomically, or to stdout for ``-``.
    """
    if path == "-":
        ctx.put(text)
        return
    if not Path(path).name:  # "", ".", "/": no file to write
        raise _Exit(
            ExitCode.CANNOT_CREATE,
            InvalidValueError("output", path, "names a folder, not a file"),
        )
    try:
        _files.replace(path, text)
    except OSError as exc:
        raise _Exit(
            ExitCode.CANNOT_CREATE,
            InvalidValueError("output", path, _os_reason(exc)),
        ) from exc


# -- options several commands take -------------------------------------------


def _window(args: argparse.Namespace) -> tuple[str | None, str | None] | None:
    """
    The said-between window of ``--said-between`` or ``--since/--until``.
    """
    if args.said_between is not None:
        if args.since is not None or args.until is not None:
            args.parser.error(
                "--said-between cannot be given with --since or --until"
            )
        start, end = args.said_between
        return (start, end)
    if args.since is None and args.until is None:
        return None
    return (args.since, args.until)


def _add_window(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--said-between",
        nargs=2,
        metavar=("START", "END"),
        help="said wholly within these dates (both included)",
    )
    parser.add_argument(
        "--since", metavar="DATE", help="said on or after this date"
    )
    parser.add_argument(
        "--until", metavar="DATE", help="said on or before this date"
    )


def _add_order(parser: argparse.ArgumentParser) -> None:
    """
    --dayfirst and --monthfirst: how to read 03/02/2025.
    """
    order = parser.add_mutually_exclusive_group()
    order.add_argument(
        "--dayfirst",
        action="store_const",
        const=True,
        help="read 03/02/2025 as 3 February",
    )
    order.add_argument(
        "--monthfirst",
        dest="dayfirst",
        action="store_const",
        const=False,
        help="read 03/02/2025 as 2 March",
    )


_LARGEST = Decimal(sys.float_info.max)
"""The largest number a command takes: the largest float, about 1.8e308."""
_SMALLEST = Decimal(sys.float_info.min)
"""The smallest number but 0 a command takes: about 2.2e-308."""
_DIGITS = 100
"""The most digits a number may be written with."""


def _number(text: str, field: str) -> int | Decimal:
    """
    A number as written: a whole number, else an exact decimal.

    Its size is that of a float (``1e999999`` and ``1e-999999`` are
    refused), and it has at most `_DIGITS` digits: a number the rest of
    claimtrack, and the programs that read its files, can hold.

    Raises:
        InvalidValueError: If *text* is not a number, or is one too large,
            too small or too long.
    """
    try:
        number = Decimal(text.strip())
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite():
        raise InvalidValueError(field, text, "is not a number")
    if abs(number) > _LARGEST:
        raise InvalidValueError(
            field, text, f"is too large: at most {_LARGEST:.1e} in size"
        )
    if number and abs(number) < _SMALLEST:
        raise InvalidValueError(
            field,
            text,
            f"is too small: a number but 0 is at least {_SMALLEST:.1e} in "
            "size",
        )
    if len(number.as_tuple().digits) > _DIGITS:
        raise InvalidValueError(field, text, f"has more than {_DIGITS} digits")
    return int(number) if number == number.to_integral_value() else number
