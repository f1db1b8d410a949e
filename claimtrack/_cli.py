"""
The command line: ``claimtrack`` (or ``python -m claimtrack``).

Every subcommand works on the embedded store (``./claims.db``, ``--db``
or ``$CLAIMTRACK_DB``). Each one is a `_Command`: a name, a help line, a
function that declares its arguments and a function that runs it. Output
is a readable table, or JSON with ``--json``; an error is one line on
stderr and an exit code from `ExitCode`, and never a traceback for an
error claimtrack or the system reports.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import enum
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import textwrap
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, TYPE_CHECKING

import attrs

from claimtrack import _serialize, reports
from claimtrack._contradictions import Contradiction, ContradictionKind
from claimtrack._dates import When
from claimtrack._evidence import Evidence, Retraction, Stance, Status, Verdict
from claimtrack._models import (
    Actor,
    ActorKind,
    Claim,
    Polarity,
    Proposition,
    Quantity,
    Source,
)
from claimtrack._predicates import Predicate, Tolerance
from claimtrack._tracker import Tracker
from claimtrack.exceptions import (
    AmbiguousDateError,
    AmbiguousQuoteError,
    ClaimtrackError,
    InvalidDocumentError,
    InvalidFieldsError,
    InvalidValueError,
    NotFoundError,
    StoreBusyError,
    StoreError,
    UnknownActorError,
)
from claimtrack.formats import _common as _formats
from claimtrack.formats import (
    averitec,
    claimreview,
    claimskg,
    climate_fever,
    factcheck,
    fever,
    liar,
)
from claimtrack.formats._common import ImportReport


if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from claimtrack._events import Event


__all__ = ["ExitCode", "main"]


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
    failed."""
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
_MIN_WRAP = 16  # the narrowest a wrapped column gets
_SNIFF = 64 * 1024  # how much of a file is read to tell its format
_UTC = dt.timedelta(0)

_EPILOG = """\
exit codes:
  0    success
  2    usage error: unknown command or option, missing argument
  3    not found: no claim, source or actor has this id or name
  65   bad data: a bad date, a quote not in the text, a taken id, an
       input file that does not read as its format
  66   no input: an input file or the store does not exist or cannot be
       read (create a store with 'claimtrack init')
  73   cannot create: an output file cannot be written, or init would
       overwrite a file that is not a claimtrack store
  74   I/O error: the store is damaged or not a claimtrack store, or a
       write to it failed
  75   busy: another process is writing to the store; try again
  130  interrupted (Ctrl-C)
  141  the reader of the output went away (claimtrack claims | head)

A command that fails changes nothing in the store.

environment:
  CLAIMTRACK_DB    the store, if --db is not given (default: claims.db)
  CLAIMTRACK_USER  who makes the changes, if --by is not given
"""


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
        return f"{self.where}: {self.error}" if self.where else str(self.error)


def code_of(error: ClaimtrackError) -> ExitCode:
    """
    The exit code for a claimtrack error.
    """
    if isinstance(error, StoreBusyError):
        return ExitCode.BUSY
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
    db: Path
    json: bool = False
    by: str | None = None
    at: str | None = None
    timeout: float = 5.0

    @classmethod
    def of(cls, args: argparse.Namespace) -> _Context:
        return cls(
            out=sys.stdout,
            err=sys.stderr,
            db=Path(
                getattr(args, "db", None)
                or os.environ.get("CLAIMTRACK_DB")
                or DEFAULT_DB
            ),
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
        """
        if not self.db.exists():
            raise _Exit(
                ExitCode.NO_INPUT,
                StoreError(
                    "db",
                    str(self.db),
                    "no claimtrack store here; create one with "
                    "'claimtrack init', or name one with --db",
                ),
            )
        reason = foreign(self.db)
        if reason is not None:
            raise _Exit(
                ExitCode.IO_ERROR, StoreError("db", str(self.db), reason)
            )
        try:
            tracker = Tracker.open(self.db, timeout=self.timeout)
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
        self.out.write(text + "\n")

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


def _value(value: object) -> object:
    """
    A model as the whole-tracker JSON document writes it.
    """
    return _serialize._value(value)  # noqa: SLF001 -- the document's shape


def _event_value(event: Event) -> dict[str, object]:
    return {
        "kind": event.kind.value,
        "by": event.by,
        "at": event.at.isoformat(),
        "payload": _value(event.payload),
    }


# -- tables ------------------------------------------------------------------


def _one_line(text: str) -> str:
    return " ".join(text.split())


def table(
    headers: Sequence[str] | None,
    rows: Sequence[Sequence[str]],
    *,
    width: int | None = None,
    wrap: Sequence[int] = (),
) -> list[str]:
    """
    Lay *rows* out in aligned columns, two spaces apart.

    Each cell is put on one line (runs of whitespace become one space).
    When *width* is given and the table is wider, the columns in *wrap*
    are narrowed, the widest first, down to a minimum, and their cells
    wrapped over several lines; other columns are never cut. Trailing
    spaces are dropped.
    """
    cells = [[_one_line(cell) for cell in row] for row in rows]
    head = list(headers) if headers is not None else None
    widths = [
        max([len(head[i]) if head else 0] + [len(row[i]) for row in cells])
        for i in range(len(head) if head else len(cells[0]))
    ]
    if width is not None:
        _fit(widths, head, wrap, width)
    lines = [_line(head, widths)] if head else []
    for row in cells:
        parts = [
            (
                textwrap.wrap(cell, widths[i], break_on_hyphens=False)
                if i in wrap
                else [cell]
            )
            or [""]
            for i, cell in enumerate(row)
        ]
        lines.extend(
            _line([p[n] if n < len(p) else "" for p in parts], widths)
            for n in range(max(len(p) for p in parts))
        )
    return lines


def _fit(
    widths: list[int],
    headers: Sequence[str] | None,
    wrap: Sequence[int],
    width: int,
) -> None:
    gaps = 2 * (len(widths) - 1)
    while sum(widths) + gaps > width:
        narrowable = [
            i
            for i in wrap
            if widths[i] > max(_MIN_WRAP, len(headers[i]) if headers else 0)
        ]
        if not narrowable:
            return
        widths[max(narrowable, key=lambda i: widths[i])] -= 1


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(
        cell.ljust(width) for cell, width in zip(cells, widths, strict=True)
    ).rstrip()


def _fields(ctx: _Context, pairs: Sequence[tuple[str, str]]) -> None:
    """
    Write ``label  value`` lines, leaving out empty values.
    """
    shown = [(label, value) for label, value in pairs if value]
    ctx.lines(table(None, shown, width=ctx.width, wrap=(1,)))


def _section(ctx: _Context, title: str, lines: Sequence[str]) -> None:
    if lines:
        ctx.write()
        ctx.write(title)
        ctx.lines(lines)


# -- words for values --------------------------------------------------------


def _when(when: When | None) -> str:
    """
    A date for people, with the words it was read from.

    ``3 February 2025 (“Monday”)``.
    """
    if when is None:
        return ""
    if when.text and when.text != when.isoformat():
        return f"{when.describe()} (“{when.text}”)"
    return when.describe()


def _instant(moment: dt.datetime) -> str:
    """
    A time to the minute: ``2025-02-05 09:10Z`` (UTC), else with its offset.
    """
    text = moment.isoformat(sep=" ", timespec="minutes")
    return (
        text.removesuffix("+00:00") + "Z"
        if moment.utcoffset() == _UTC
        else text
    )


def _count(number: int, noun: str) -> str:
    """
    ``1 record``, ``2 records``.
    """
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _proposition(proposition: Proposition | None) -> str:
    if proposition is None:
        return ""
    text = (
        f"{proposition.subject} · {proposition.predicate} · "
        f"{proposition.object}"
    )
    if proposition.polarity is Polarity.DENIED:
        text += " (denied)"
    if proposition.valid is not None:
        text += f" (valid {_when(proposition.valid)})"
    return text


def _said(claim: Claim) -> str:
    return "" if claim.said is None else str(claim.said)


def _claim_rows(tracker: Tracker, claims: Sequence[Claim]) -> list[list[str]]:
    return [
        [c.id, c.speaker, _said(c), tracker.status(c).value, c.text]
        for c in claims
    ]


def _claims_table(
    ctx: _Context, tracker: Tracker, claims: Sequence[Claim]
) -> list[str]:
    return table(
        ["ID", "SPEAKER", "SAID", "STATUS", "TEXT"],
        _claim_rows(tracker, claims),
        width=ctx.width,
        wrap=(4,),
    )


def _claims_value(
    tracker: Tracker, claims: Sequence[Claim]
) -> list[dict[str, object]]:
    return [
        {"claim": _value(c), "status": tracker.status(c).value} for c in claims
    ]


# -- reading the command line ------------------------------------------------


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
        ctx.out.write(text)
        return
    target = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as exc:
        raise _Exit(
            ExitCode.CANNOT_CREATE,
            InvalidValueError("output", path, _os_reason(exc)),
        ) from exc
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        Path(temporary).replace(target)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise _Exit(
            ExitCode.CANNOT_CREATE,
            InvalidValueError("output", path, _os_reason(exc)),
        ) from exc


# -- init --------------------------------------------------------------------


def _configure_init(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--min-sources",
        type=int,
        metavar="N",
        help="independent lineages that corroborate a claim (default 2)",
    )


def _init(args: argparse.Namespace, ctx: _Context) -> None:
    from claimtrack._evidence import Policy  # noqa: PLC0415

    path = ctx.db
    reason = foreign(path) if path.exists() else None
    if reason is not None:
        raise _Exit(
            ExitCode.CANNOT_CREATE,
            StoreError("db", str(path), f"{reason}; init leaves it alone"),
        )
    created = not path.exists() or path.stat().st_size == 0
    policy = None
    if args.min_sources is not None:
        policy = Policy(min_sources=args.min_sources)
    try:
        tracker = Tracker.open(path, policy=policy, timeout=ctx.timeout)
    except InvalidDocumentError as exc:  # newer, or not quite a store
        raise _Exit(
            ExitCode.CANNOT_CREATE,
            StoreError("db", str(path), f"{exc.reason}; init leaves it alone"),
        ) from exc
    except StoreBusyError:
        raise
    except StoreError as exc:  # no such folder, no permission
        raise _Exit(ExitCode.CANNOT_CREATE, exc) from exc
    policy = tracker.policy
    tracker.close()
    if ctx.json:
        ctx.emit(
            {"db": str(path), "created": created, "policy": _value(policy)}
        )
    elif created:
        ctx.write(
            f"created the claimtrack store {path} "
            f"(min_sources={policy.min_sources})"
        )
    else:
        ctx.write(
            f"{path} is already a claimtrack store "
            f"(min_sources={policy.min_sources})"
        )


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


# -- import ------------------------------------------------------------------

_READERS: dict[str, Callable[..., ImportReport]] = {
    "claimreview": claimreview.read,
    "factcheck": factcheck.read,
    "claimskg": claimskg.read,
    "liar": liar.read,
    "averitec": averitec.read,
    "climate-fever": climate_fever.read,
    "fever": fever.read,
}
_FORMATS = (*_READERS, "json")


def _configure_import(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument(
        "--format",
        choices=_FORMATS,
        help="the files' format (default: told from each file)",
    )
    parser.add_argument(
        "--lenient",
        action="store_true",
        help="import the good records and list the bad ones",
    )
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        help="show progress on stderr (default: when it is a terminal)",
    )
    parser.add_argument(
        "--max-bytes",
        type=int,
        metavar="N",
        help="refuse a file larger than this (default 64 MiB)",
    )


def detect_format(path: Path) -> str | None:
    """
    Tell a file's format from its name and its first 64 KiB, or None.
    """
    with path.open("rb") as f:
        head = f.read(_SNIFF).decode("utf-8", "replace")
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm") or head.lstrip().startswith("<"):
        return "claimreview"
    if suffix == ".tsv" or head.split("\n", 1)[0].count("\t") == 13:  # noqa: PLR2004 -- LIAR's 14 columns
        return "liar"
    if suffix == ".csv":
        return "claimskg"
    for format, keys in _SIGNS:  # noqa: A001
        if all(f'"{key}"' in head for key in keys):
            return format
    return None


_SIGNS = (
    ("json", ("format", "claimtrack", "events")),
    ("factcheck", ("claims", "claimReview", "textualRating")),
    ("claimreview", ("@type",)),
    ("averitec", ("claim_date", "questions")),
    ("climate-fever", ("claim_id", "evidences")),
    ("fever", ("claim", "label", "evidence")),
)


def _import(args: argparse.Namespace, ctx: _Context) -> None:
    files = [Path(f) for f in args.files]
    for path in files:
        try:
            path.open("rb").close()
        except OSError as exc:
            raise _Exit(
                ExitCode.NO_INPUT,
                InvalidDocumentError("file", str(path), _os_reason(exc)),
            ) from exc
    formats = [args.format or _detected(path, ctx) for path in files]
    with ctx.store() as tracker:
        target = tracker
        if len(files) > 1:  # all the files, or none: into a copy first
            target = Tracker.from_events(
                tracker.events(), policy=tracker.policy
            )
        reports = [
            _import_one(target, path, kind, args, ctx)
            for path, kind in zip(files, formats, strict=True)
        ]
        if target is not tracker:
            tracker.merge(target)
    if ctx.json:
        ctx.emit([_report_value(path, r) for path, r in reports])
        return
    for path, report in reports:
        _write_report(ctx, path, report)


def _detected(path: Path, ctx: _Context) -> str:
    format = detect_format(path)  # noqa: A001
    if format is None:
        raise _Exit(
            ExitCode.DATA_ERROR,
            InvalidDocumentError(
                "file",
                str(path),
                "cannot tell its format; pass --format "
                f"({', '.join(_FORMATS)})",
            ),
        )
    ctx.say(f"reading {path} as {format} (--format to choose)")
    return format


def _import_one(
    tracker: Tracker,
    path: Path,
    format: str,  # noqa: A002
    args: argparse.Namespace,
    ctx: _Context,
) -> tuple[Path, ImportReport]:
    limit = {} if args.max_bytes is None else {"max_bytes": args.max_bytes}
    try:
        if format == "json":
            other = Tracker.load(path, **limit)
            added = tracker.merge(other)
            return path, ImportReport(
                "json",
                len(other.events()),
                tuple(c.id for c in other),
                len(added),
            )
        with _progress(ctx, path, wanted=args.progress) as progress:
            return path, _READERS[format](
                tracker,
                path,
                lenient=args.lenient,
                at=ctx.at,
                progress=progress,
                **limit,
            )
    except ClaimtrackError as exc:
        raise _Exit(code_of(exc), exc, str(path)) from exc


@contextlib.contextmanager
def _progress(
    ctx: _Context, path: Path, *, wanted: bool | None
) -> Iterator[Callable[[int], None] | None]:
    """
    A progress display on stderr, if wanted.

    By default, it is shown on a terminal once an import has read
    `PROGRESS_EVERY` records; ``--progress`` shows every count, even when
    stderr is not a terminal, each on its own line.
    """
    terminal = ctx.err.isatty()
    if not (terminal if wanted is None else wanted):
        yield None
        return
    shown = False

    def show(count: int) -> None:
        nonlocal shown
        if wanted is None and count < _formats.PROGRESS_EVERY:
            return  # a short import: nothing to watch
        end = "\r" if terminal else "\n"
        ctx.err.write(f"{path}: {_count(count, 'record')} read{end}")
        ctx.err.flush()
        shown = True

    try:
        yield show
    finally:
        if shown and terminal:
            ctx.err.write("\n")


def _report_value(path: Path, report: ImportReport) -> dict[str, object]:
    return {
        "file": str(path),
        "format": report.format,
        "records": report.records,
        "claims": list(report.claims),
        "added": report.added,
        "rejected": [
            {"where": r.where, "reason": r.reason} for r in report.rejected
        ],
        "flags": [
            {"where": f.where, "message": f.message} for f in report.flags
        ],
    }


def _write_report(ctx: _Context, path: Path, report: ImportReport) -> None:
    ctx.write(
        f"{path}: {report.format}: {_count(report.records, 'record')}, "
        f"{_count(len(report.claims), 'claim')}, "
        f"{_count(report.added, 'event')} added"
    )
    for rejected in report.rejected:
        ctx.write(f"  rejected {rejected.where}: {rejected.reason}")
    if report.flags:
        ctx.write(f"  {len(report.flags)} flagged (listed with --json)")


# -- adding ------------------------------------------------------------------


def _configure_add_source(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help="the source's id, your choice")
    parser.add_argument("--title")
    parser.add_argument("--url")
    parser.add_argument("--publisher")
    parser.add_argument(
        "--published",
        metavar="DATE",
        help="when it was published: '2025-02-04', 'February 2025'",
    )
    parser.add_argument("--language", metavar="TAG", help="'en', 'pt-BR'")
    text = parser.add_mutually_exclusive_group()
    text.add_argument("--text", help="the source's text")
    text.add_argument(
        "--text-file",
        metavar="FILE",
        help="read the text from FILE (UTF-8; - for stdin)",
    )
    parser.add_argument(
        "--derived-from",
        action="append",
        default=[],
        metavar="ID",
        help="an upstream source, such as a wire service (repeatable)",
    )
    _add_order(parser)


def _add_source(args: argparse.Namespace, ctx: _Context) -> None:
    text = args.text
    if args.text_file is not None:
        text = _read_input(args.text_file, "text_file")
    source = Source(
        args.id,
        title=args.title,
        publisher=args.publisher,
        url=args.url,
        published=(
            None
            if args.published is None
            else When.parse(
                args.published, dayfirst=args.dayfirst, field="published"
            )
        ),
        language=args.language,
        text=text,
        derived_from=args.derived_from,
    )
    with ctx.store() as tracker:
        stored = tracker.add_source(source, by=ctx.by, at=ctx.at)
    _added(ctx, stored)


def _added(ctx: _Context, stored: Source | Actor | Claim | Predicate) -> None:
    if ctx.json:
        ctx.emit(_value(stored))
    else:
        ctx.write(stored.id)


def _configure_add_actor(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help="the actor's id, your choice")
    parser.add_argument(
        "name", nargs="?", help="the actor's name (a group may have none)"
    )
    parser.add_argument("--role", help="'President of El Salvador'")
    parser.add_argument(
        "--alias",
        action="append",
        default=[],
        help="another name the actor goes by (repeatable)",
    )
    parser.add_argument(
        "--kind",
        choices=[k.value for k in ActorKind],
        default=ActorKind.PERSON.value,
    )


def _add_actor(args: argparse.Namespace, ctx: _Context) -> None:
    actor = Actor(
        args.id,
        args.name,
        aliases=args.alias,
        role=args.role,
        kind=args.kind,
    )
    with ctx.store() as tracker:
        stored = tracker.add_actor(actor, by=ctx.by, at=ctx.at)
    _added(ctx, stored)


def _configure_add_claim(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", help="a short neutral statement of it")
    parser.add_argument(
        "--speaker", required=True, help="an actor's id, name or alias"
    )
    parser.add_argument(
        "--said", metavar="WHEN", help="'2025-02-03', 'Monday', 'May 2025'"
    )
    parser.add_argument("--source", metavar="ID")
    parser.add_argument("--quote", help="its words, exactly as in the source")
    parser.add_argument(
        "--occurrence",
        type=int,
        metavar="N",
        help="which occurrence of a repeated quote (from 0)",
    )
    parser.add_argument(
        "--reported-by",
        action="append",
        default=[],
        metavar="ACTOR",
        help="who relayed it, nearest the speaker first (repeatable)",
    )
    parser.add_argument("--subject", help="what the proposition is about")
    parser.add_argument("--predicate", help="what is said of the subject")
    value = parser.add_mutually_exclusive_group()
    value.add_argument("--object", help="the proposition's object, text")
    value.add_argument(
        "--quantity", metavar="NUMBER", help="a numeric object instead"
    )
    parser.add_argument("--unit", help="the unit of --quantity")
    parser.add_argument(
        "--denied",
        action="store_true",
        help="the speaker denies the proposition",
    )
    parser.add_argument(
        "--valid", metavar="WHEN", help="when the proposition holds"
    )
    parser.add_argument(
        "--tag", action="append", default=[], help="a label (repeatable)"
    )
    parser.add_argument("--id", help="an id of your choice")
    _add_order(parser)


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


def _proposition_of(args: argparse.Namespace) -> Proposition | None:
    value = args.object if args.quantity is None else args.quantity
    given = [args.subject, args.predicate, value]
    if all(v is None for v in given) and not args.denied:
        if args.unit is not None:
            args.parser.error("--unit goes with --quantity")
        return None
    if any(v is None for v in given):
        args.parser.error(
            "a proposition needs --subject, --predicate and --object "
            "(or --quantity)"
        )
    if args.unit is not None and args.quantity is None:
        args.parser.error("--unit goes with --quantity")
    thing: str | Quantity = args.object
    if args.quantity is not None:
        thing = Quantity(_number(args.quantity, "quantity"), args.unit)
    return Proposition(
        args.subject,
        args.predicate,
        thing,
        polarity=Polarity.DENIED if args.denied else Polarity.ASSERTED,
    )


def _number(text: str, field: str) -> int | Decimal:
    """
    A number as written: a whole number, else an exact decimal.
    """
    try:
        number = Decimal(text.strip())
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite():
        raise InvalidValueError(field, text, "is not a number")
    return int(number) if number == number.to_integral_value() else number


def _add_claim(args: argparse.Namespace, ctx: _Context) -> None:
    proposition = _proposition_of(args)
    with ctx.store() as tracker:
        claim = tracker.add_claim(
            args.text,
            speaker=args.speaker,
            said=args.said,
            source=args.source,
            quote=args.quote,
            occurrence=args.occurrence,
            proposition=proposition,
            valid=args.valid,
            reported_by=args.reported_by,
            tags=args.tag,
            id=args.id,
            dayfirst=args.dayfirst,
            by=ctx.by,
            at=ctx.at,
        )
    _added(ctx, claim)


# -- evidence, verdicts, retractions -----------------------------------------


def _configure_corroborate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("claim", help="the claim's id")
    parser.add_argument(
        "--evidence",
        action="append",
        required=True,
        metavar="ID_OR_URL",
        help="a claim or source id, or a URL; several make an evidence set "
        "that counts only whole",
    )
    parser.add_argument(
        "--quote",
        help="cite these words of the source given as --evidence",
    )
    parser.add_argument(
        "--occurrence", type=int, metavar="N", help="as in add-claim"
    )
    parser.add_argument(
        "--stance",
        choices=[s.value for s in Stance],
        default=Stance.SUPPORTS.value,
    )
    parser.add_argument("--note", help="why, in words")


def _corroborate(args: argparse.Namespace, ctx: _Context) -> None:
    if args.quote is None and args.occurrence is not None:
        args.parser.error("--occurrence goes with --quote")
    if args.quote is not None and len(args.evidence) != 1:
        args.parser.error("--quote cites one source: give one --evidence")
    with ctx.store() as tracker:
        evidence: object = args.evidence
        if args.quote is not None:
            evidence = tracker.source(args.evidence[0]).span_of(
                args.quote, occurrence=args.occurrence
            )
        elif len(args.evidence) == 1:
            evidence = args.evidence[0]
        added = tracker.corroborate(
            args.claim,
            evidence=evidence,
            stance=args.stance,
            by=ctx.by,
            at=ctx.at,
            note=args.note,
        )
        _changed(ctx, tracker, added)


def _changed(
    ctx: _Context,
    tracker: Tracker,
    added: Evidence | Verdict | Retraction,
) -> None:
    """
    Report what was added to a claim, and the claim's status now.
    """
    if ctx.json:
        ctx.emit(_value(added))
        return
    status = tracker.status(added.claim).value
    if isinstance(added, Evidence):
        support = tracker.support(added.claim)
        status += (
            f" ({_count(support.count, 'independent lineage')}, "
            f"{tracker.policy.min_sources} to corroborate)"
        )
    ctx.write(f"{added.claim}: {status}")


def _configure_rate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("claim", help="the claim's id")
    parser.add_argument("label", help="a label on the scale: 'false'")
    parser.add_argument(
        "--scale",
        default="claimtrack",
        help="claimtrack (default), politifact, fever, averitec, "
        "climate-fever or meedan-check",
    )
    parser.add_argument("--rationale", help="why, in words")


def _rate(args: argparse.Namespace, ctx: _Context) -> None:
    with ctx.store() as tracker:
        verdict = tracker.rate(
            args.claim,
            args.label,
            scale=args.scale,
            by=ctx.by,
            at=ctx.at,
            rationale=args.rationale,
        )
        _changed(ctx, tracker, verdict)


def _configure_retract(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("claim", help="the claim's id")
    parser.add_argument("--note", help="how the speaker withdrew it")


def _retract(args: argparse.Namespace, ctx: _Context) -> None:
    with ctx.store() as tracker:
        retraction = tracker.retract(
            args.claim, by=ctx.by, at=ctx.at, note=args.note
        )
        _changed(ctx, tracker, retraction)


# -- contradictions ----------------------------------------------------------


def _configure_contradict(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("claim", help="a claim's id")
    parser.add_argument("other", help="the id of a claim it contradicts")
    parser.add_argument("--note", help="why, in words")


def _contradict(args: argparse.Namespace, ctx: _Context) -> None:
    with ctx.store() as tracker:
        link = tracker.contradict(
            args.claim, args.other, by=ctx.by, at=ctx.at, note=args.note
        )
    if ctx.json:
        ctx.emit(_value(link))
    else:
        ctx.paragraph(f"{link.claim} and {link.other}: {link.reason}")


def _configure_declare(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("predicate", help="the predicate's name: 'status'")
    parser.add_argument(
        "--single-valued",
        action="store_true",
        help="a subject has one value of it at a time",
    )
    parser.add_argument(
        "--negation", metavar="PREDICATE", help="the predicate denying it"
    )
    parser.add_argument(
        "--inverse",
        metavar="PREDICATE",
        help="the same said the other way round",
    )
    parser.add_argument(
        "--tolerance",
        action="append",
        default=[],
        metavar="AMOUNT",
        help="how far numbers may differ and agree: '5' or '10%%' "
        "(give both to allow either)",
    )


def _tolerance(values: Sequence[str]) -> Tolerance | None:
    if not values:
        return None
    absolute: int | Decimal = 0
    relative: int | Decimal = 0
    for value in values:
        if value.strip().endswith("%"):
            relative = Decimal(_number(value.strip()[:-1], "tolerance")) / 100
        else:
            absolute = _number(value, "tolerance")
    return Tolerance(absolute=absolute, relative=relative)


def _declare(args: argparse.Namespace, ctx: _Context) -> None:
    predicate = Predicate(
        args.predicate,
        single_valued=args.single_valued,
        negation=args.negation,
        inverse=args.inverse,
        tolerance=_tolerance(args.tolerance),
    )
    with ctx.store() as tracker:
        stored = tracker.declare(predicate, by=ctx.by, at=ctx.at)
    _added(ctx, stored)


def _configure_contradictions(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "claim", nargs="?", help="a claim's id (default: every claim)"
    )
    parser.add_argument("--speaker", help="a claim by this actor takes part")
    parser.add_argument("--kind", choices=[k.value for k in ContradictionKind])
    _add_window(parser)
    speakers = parser.add_mutually_exclusive_group()
    speakers.add_argument(
        "--same-speaker",
        dest="same_speaker",
        action="store_const",
        const=True,
        help="a speaker contradicting themselves",
    )
    speakers.add_argument(
        "--different-speakers",
        dest="same_speaker",
        action="store_const",
        const=False,
        help="two speakers contradicting each other",
    )


def _contradictions(args: argparse.Namespace, ctx: _Context) -> None:
    filters = {
        "speaker": args.speaker,
        "kind": args.kind,
        "said_between": _window(args),
        "same_speaker": args.same_speaker,
    }
    given = {k: v for k, v in filters.items() if v is not None}
    with ctx.store() as tracker:
        # One claim without filters is read from the store's indexes.
        found = tracker.contradictions(args.claim, **given)
        if ctx.json:
            ctx.emit([_value(c) for c in found])
            return
        if not found:
            ctx.write("no contradictions")
            return
        if args.claim is not None:
            rows = [
                [
                    c.kind.value,
                    c.other,
                    tracker.claim(c.other).speaker,
                    c.reason,
                ]
                for c in found
            ]
            headers = ["KIND", "OTHER", "SPEAKER", "REASON"]
        else:
            rows = [[c.claim, c.other, c.kind.value, c.reason] for c in found]
            headers = ["CLAIM", "OTHER", "KIND", "REASON"]
        ctx.lines(table(headers, rows, width=ctx.width, wrap=(3,)))


# -- reading -----------------------------------------------------------------


def _configure_show(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "id", help="a claim's, source's or actor's id (or an actor's name)"
    )


def _show(args: argparse.Namespace, ctx: _Context) -> None:
    with ctx.store() as tracker:
        try:
            found: Source | Actor | Claim = tracker.get(args.id)
        except NotFoundError as missing:
            try:
                found = tracker.actor(args.id)
            except UnknownActorError:
                raise missing from None
        if isinstance(found, Claim):
            _show_claim(ctx, tracker, found)
        elif isinstance(found, Source):
            _show_source(ctx, tracker, found)
        else:
            _show_actor(ctx, tracker, found)


def _show_claim(ctx: _Context, tracker: Tracker, claim: Claim) -> None:
    # From the store's indexes, before anything reads the whole file.
    conflicts = tracker.contradictions(claim.id)
    support = tracker.support(claim)
    evidence = tracker.evidence(claim)
    verdicts = tracker.verdicts(claim)
    retraction = tracker.retraction(claim)
    if ctx.json:
        ctx.emit(
            {
                "type": "claim",
                "claim": _value(claim),
                "status": tracker.status(claim).value,
                "derived_status": tracker.derived_status(claim).value,
                "support": _value(support),
                "evidence": [_value(e) for e in evidence],
                "verdicts": [_value(v) for v in verdicts],
                "retraction": _value(retraction),
                "contradictions": [_value(c) for c in conflicts],
            }
        )
        return
    _claim_fields(ctx, tracker, claim)
    cites = {e.id: _cites(e) for e in evidence}
    _section(
        ctx,
        "lineages:",
        [
            "  "
            + (
                "the claim itself"
                if lineage.own
                else "; ".join(cites[e] for e in lineage.evidence)
            )
            + f" ({', '.join(lineage.roots)})"
            for lineage in support.lineages
        ]
        + [
            f"  set aside: {cites[a.evidence]}: {a.reason}"
            for a in support.set_aside
        ],
    )
    if retraction is not None:
        _section(
            ctx,
            "retracted:",
            [
                f"  {_instant(retraction.at)}"
                + (f" by {retraction.by}" if retraction.by else "")
                + (f": {retraction.note}" if retraction.note else "")
            ],
        )
    _table_section(
        ctx,
        "evidence:",
        ["STANCE", "CITES", "BY", "AT", "NOTE"],
        [
            [e.stance.value, cites[e.id], e.by or "", _instant(e.at), e.note]
            for e in evidence
        ],
        wrap=(1, 4),
    )
    _table_section(
        ctx,
        "verdicts:",
        ["LABEL", "SCALE", "RATING", "BY", "AT", "RATIONALE"],
        [
            [
                v.label,
                v.scale,
                v.rating.value if v.rating else "",
                v.by or "",
                _instant(v.at),
                v.rationale,
            ]
            for v in verdicts
        ],
        wrap=(5,),
    )
    _table_section(
        ctx,
        "contradictions:",
        ["KIND", "OTHER", "REASON"],
        [[c.kind.value, c.other, c.reason] for c in conflicts],
        wrap=(2,),
    )


def _claim_fields(ctx: _Context, tracker: Tracker, claim: Claim) -> None:
    speaker = tracker.actor(claim.speaker)
    span = claim.span
    support = tracker.support(claim)
    _fields(
        ctx,
        [
            ("claim", claim.id),
            ("text", claim.text),
            ("speaker", f"{speaker.id} ({speaker.label})"),
            ("said", _when(claim.said)),
            ("source", claim.source or ""),
            (
                "quote",
                f"“{span.exact}” [{span.start}:{span.end}]" if span else "",
            ),
            ("reported by", ", ".join(claim.reported_by)),
            ("proposition", _proposition(claim.proposition)),
            ("tags", ", ".join(claim.tags)),
            ("status", tracker.status(claim).value),
            (
                "support",
                (
                    f"{_count(support.count, 'independent lineage')} "
                    f"({tracker.policy.min_sources} to corroborate)"
                ),
            ),
        ],
    )


def _cites(evidence: Evidence) -> str:
    return ", ".join(str(item) for item in evidence.items)


def _table_section(
    ctx: _Context,
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[str | None]],
    *,
    wrap: Sequence[int],
) -> None:
    """
    A titled table, unless it has no rows; None cells are empty.
    """
    if rows:
        cells = [[cell or "" for cell in row] for row in rows]
        _section(ctx, title, table(headers, cells, width=ctx.width, wrap=wrap))


def _show_source(ctx: _Context, tracker: Tracker, source: Source) -> None:
    claims = tracker.claims(source=source.id)
    if ctx.json:
        ctx.emit(
            {
                "type": "source",
                "source": _value(source),
                "claims": _claims_value(tracker, claims),
            }
        )
        return
    _fields(
        ctx,
        [
            ("source", source.id),
            ("title", source.title or ""),
            ("publisher", source.publisher or ""),
            ("url", source.url or ""),
            ("published", _when(source.published)),
            ("language", source.language or ""),
            ("derived from", ", ".join(source.derived_from)),
            (
                "text",
                ""
                if source.text is None
                else f"{len(source.text)} characters",
            ),
        ],
    )
    _section(
        ctx, "claims:", _claims_table(ctx, tracker, claims) if claims else []
    )


def _show_actor(ctx: _Context, tracker: Tracker, actor: Actor) -> None:
    said = tracker.claims(speaker=actor.id)
    about = tracker.claims(subject=actor.id)
    if ctx.json:
        ctx.emit(
            {
                "type": "actor",
                "actor": _value(actor),
                "claims": _claims_value(tracker, said),
                "about": _claims_value(tracker, about),
            }
        )
        return
    _fields(
        ctx,
        [
            ("actor", actor.id),
            ("name", actor.name or ""),
            ("role", actor.role or ""),
            ("kind", actor.kind.value),
            ("aliases", ", ".join(actor.aliases)),
        ],
    )
    _section(ctx, "claims:", _claims_table(ctx, tracker, said) if said else [])
    _section(
        ctx,
        "claims about them:",
        _claims_table(ctx, tracker, about) if about else [],
    )


def _configure_claims(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--speaker", help="an actor's id, name or alias")
    parser.add_argument("--subject", help="an actor or thing")
    parser.add_argument("--source", metavar="ID")
    _add_window(parser)
    parser.add_argument(
        "--text", metavar="WORDS", help="in the claim's text or quote"
    )
    parser.add_argument("--tag")
    parser.add_argument("--status", choices=[s.value for s in Status])


def _claims(args: argparse.Namespace, ctx: _Context) -> None:
    window = _window(args)
    with ctx.store() as tracker:
        found = tracker.claims(
            speaker=args.speaker,
            subject=args.subject,
            source=args.source,
            said_between=window,
            text_contains=args.text,
            tag=args.tag,
        )
        if args.status is not None:
            wanted = Status(args.status)
            found = [c for c in found if tracker.status(c) is wanted]
        if ctx.json:
            ctx.emit(_claims_value(tracker, found))
        elif found:
            ctx.lines(_claims_table(ctx, tracker, found))
        else:
            ctx.write("no claims")


def _configure_history(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("claim", help="the claim's id")


def _history(args: argparse.Namespace, ctx: _Context) -> None:
    with ctx.store() as tracker:
        claim = args.claim
        events = tracker.history(claim)
    if ctx.json:
        ctx.emit([_event_value(e) for e in events])
        return
    ctx.lines(
        table(
            ["AT", "BY", "EVENT", "WHAT"],
            [
                [_instant(e.at), e.by or "", e.kind.value, _what(e, claim)]
                for e in events
            ],
            width=ctx.width,
            wrap=(3,),
        )
    )


def _what(event: Event, claim: str) -> str:
    """
    What an event in a claim's history did, in a line.
    """
    payload = event.payload
    if isinstance(payload, Evidence):
        what = f"{payload.stance.value}: " + ", ".join(
            str(i) for i in payload.items
        )
        note = payload.note
    elif isinstance(payload, Verdict):
        what = f"{payload.label} on {payload.scale}"
        note = payload.rationale
    elif isinstance(payload, Retraction):
        what, note = "retracted", payload.note
    elif isinstance(payload, Contradiction):
        other = payload.other if payload.claim == claim else payload.claim
        what = f"contradicts {other}"
        note = payload.note
    else:
        assert isinstance(payload, Claim)  # noqa: S101 -- a claim's history
        what, note = payload.text, None
    return f"{what} ({note})" if note else what


# -- export ------------------------------------------------------------------


def _export_json(tracker: Tracker, args: argparse.Namespace) -> str:
    if args.claim:
        args.parser.error("--claim only selects claims for claimreview")
    return tracker.to_json(indent=1) + "\n"


def _export_claimreview(tracker: Tracker, args: argparse.Namespace) -> str:
    chosen = args.claim or None
    return claimreview.dumps(tracker, chosen, indent=2) + "\n"


def _export_csv(tracker: Tracker, args: argparse.Namespace) -> str:
    if args.claim:
        args.parser.error("--claim only selects claims for claimreview")
    return reports.to_csv(tracker, args.what)


_EXPORTS: dict[str, Callable[[Tracker, argparse.Namespace], str]] = {
    "json": _export_json,
    "claimreview": _export_claimreview,
    "csv": _export_csv,
}
"""Each export format, and what writes it: the text of the whole file."""


def _configure_export(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=list(_EXPORTS),
        default="json",
        help="json: the whole tracker, to import or load again (default); "
        "claimreview: rated claims as schema.org ClaimReview; "
        "csv: one kind of record (--what) as a table",
    )
    parser.add_argument(
        "--what",
        choices=list(reports.COLUMNS),
        default="claims",
        help="the records a csv export holds (default: claims)",
    )
    parser.add_argument(
        "-o",
        "--output",
        default="-",
        metavar="FILE",
        help="write to FILE, atomically (default: stdout)",
    )
    parser.add_argument(
        "--claim",
        action="append",
        default=[],
        metavar="ID",
        help="only this claim (claimreview; repeatable)",
    )


def _export(args: argparse.Namespace, ctx: _Context) -> None:
    with ctx.store() as tracker:
        text = _EXPORTS[args.format](tracker, args)
    _write_output(args.output, text, ctx)


# -- merge -------------------------------------------------------------------


def _configure_merge(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "other",
        help="another claimtrack store, or a JSON document written by "
        "export, that shares this store's history",
    )


def _merge(args: argparse.Namespace, ctx: _Context) -> None:
    path = Path(args.other)
    try:
        with path.open("rb") as f:
            store = f.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER
    except OSError as exc:
        raise _Exit(
            ExitCode.NO_INPUT,
            InvalidDocumentError("other", str(path), _os_reason(exc)),
        ) from exc
    with ctx.store() as tracker:
        try:
            if store:
                with Tracker.open(path, timeout=ctx.timeout) as other:
                    events, added = other.events(), tracker.merge(other)
            else:
                other = Tracker.load(path)
                events, added = other.events(), tracker.merge(other)
        except ClaimtrackError as exc:
            raise _Exit(code_of(exc), exc, str(path)) from exc
    report = ImportReport(
        "store" if store else "json",
        len(events),
        tuple(e.payload.id for e in events if isinstance(e.payload, Claim)),
        len(added),
    )
    if ctx.json:
        ctx.emit(_report_value(path, report))
    else:
        _write_report(ctx, path, report)


# -- report ------------------------------------------------------------------


def _configure_report(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o",
        "--output",
        default="report.html",
        metavar="FILE",
        help="write to FILE, atomically; - for stdout (default: report.html)",
    )
    parser.add_argument(
        "--format",
        choices=["html", "markdown"],
        help="html: one self-contained page; markdown: the same as text "
        "(default: from FILE's extension, else html)",
    )
    parser.add_argument("--title", help="the report's title")
    parser.add_argument(
        "--claim",
        action="append",
        default=[],
        metavar="ID",
        help="only this claim (repeatable; default: every claim)",
    )


def _report(args: argparse.Namespace, ctx: _Context) -> None:
    chosen = args.format
    if chosen is None:
        suffix = Path(args.output).suffix.lower()
        chosen = "markdown" if suffix in {".md", ".markdown"} else "html"
    write = reports.markdown if chosen == "markdown" else reports.html
    with ctx.store() as tracker:
        text = write(tracker, title=args.title, claims=args.claim or None)
    _write_output(args.output, text, ctx)
    if args.output == "-":
        return
    if ctx.json:
        ctx.emit({"output": args.output, "format": chosen})
    else:
        ctx.write(f"wrote the {chosen} report {args.output}")


# -- the commands ------------------------------------------------------------


@attrs.frozen
class _Command:
    """
    A subcommand: its name, help, arguments and what it does.
    """

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, _Context], None]


_COMMANDS = (
    _Command("init", "create the store", _configure_init, _init),
    _Command(
        "import",
        "import claims from files (ClaimReview, datasets, JSON)",
        _configure_import,
        _import,
    ),
    _Command("add-source", "add a source", _configure_add_source, _add_source),
    _Command("add-actor", "add an actor", _configure_add_actor, _add_actor),
    _Command("add-claim", "add a claim", _configure_add_claim, _add_claim),
    _Command(
        "corroborate",
        "add evidence for or against a claim",
        _configure_corroborate,
        _corroborate,
    ),
    _Command("rate", "rate a claim", _configure_rate, _rate),
    _Command(
        "retract",
        "record that a speaker withdrew a claim",
        _configure_retract,
        _retract,
    ),
    _Command(
        "contradict",
        "record that two claims cannot both hold",
        _configure_contradict,
        _contradict,
    ),
    _Command(
        "declare",
        "declare what a predicate means for contradictions",
        _configure_declare,
        _declare,
    ),
    _Command(
        "show",
        "show a claim (status, evidence, verdicts), a source or an actor",
        _configure_show,
        _show,
    ),
    _Command("claims", "list claims", _configure_claims, _claims),
    _Command(
        "contradictions",
        "list contradictions, of one claim or all",
        _configure_contradictions,
        _contradictions,
    ),
    _Command(
        "history", "list a claim's history", _configure_history, _history
    ),
    _Command("export", "write the store out", _configure_export, _export),
    _Command("merge", "add another copy's changes", _configure_merge, _merge),
    _Command("report", "write a report to read", _configure_report, _report),
)
"""Every subcommand, in the order ``--help`` lists them."""


def _common_options() -> argparse.ArgumentParser:
    """
    The options every command takes, before or after its name.
    """
    common = argparse.ArgumentParser(add_help=False)
    options = common.add_argument_group("common options")
    options.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        metavar="PATH",
        help=f"the store (default: $CLAIMTRACK_DB, else {DEFAULT_DB})",
    )
    options.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS,
        help="write JSON for scripts instead of tables",
    )
    options.add_argument(
        "--by",
        default=argparse.SUPPRESS,
        metavar="NAME",
        help="who makes the change, for the history (default: "
        "$CLAIMTRACK_USER, else no one)",
    )
    options.add_argument(
        "--at",
        default=argparse.SUPPRESS,
        metavar="TIME",
        help="when, for the history: ISO 8601 with an offset, "
        "'2025-02-05T09:00:00+00:00' (default: now)",
    )
    options.add_argument(
        "--timeout",
        type=float,
        default=argparse.SUPPRESS,
        metavar="SECONDS",
        help="how long to wait for another writer (default 5)",
    )
    return common


def _parser() -> argparse.ArgumentParser:
    common = _common_options()
    parser = argparse.ArgumentParser(
        prog=_PROGRAM,
        description="Track claims made in public life: who said what, when,\n"
        "where it is written, and how well it holds up.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[common],
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {_version()}"
    )
    commands = parser.add_subparsers(
        title="commands", metavar="COMMAND", required=True
    )
    for command in _COMMANDS:
        sub = commands.add_parser(
            command.name,
            help=command.help,
            description=command.help[0].upper() + command.help[1:] + ".",
            parents=[common],
        )
        command.configure(sub)
        sub.set_defaults(run=command.run, parser=sub)
    return parser


def _version() -> str:
    from importlib.metadata import (  # noqa: PLC0415
        PackageNotFoundError,
        version,
    )

    try:
        return version("claimtrack")
    except PackageNotFoundError:
        return "(not installed)"


# -- main --------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the ``claimtrack`` command line; return its exit code.

    Output goes to `sys.stdout`, errors to `sys.stderr`, as they are when
    it is called. An error claimtrack or the system reports is one line on
    stderr and an exit code, never a traceback; any other exception (a bug)
    propagates.

    Args:
        argv: The arguments, without the program's name; ``sys.argv[1:]``
            if omitted.

    Returns:
        The exit code, one of `ExitCode`'s values: 0 when the command did
        what it was asked.

    .. versionadded:: 0.1.0
    """
    return int(_main(argv))


def _main(argv: Sequence[str] | None) -> int:  # noqa: PLR0911 -- per kind
    try:
        args = _parser().parse_args(argv)
        ctx = _Context.of(args)
        args.run(args, ctx)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        return exc.code if isinstance(exc.code, int) else ExitCode.OK
    except KeyboardInterrupt:
        sys.stderr.write(f"\n{_PROGRAM}: interrupted\n")
        return ExitCode.INTERRUPTED
    except _Exit as exc:
        return _fail(exc.code, exc.message())
    except ClaimtrackError as exc:
        return _fail(code_of(exc), str(exc) + _hint(exc))
    except sqlite3.Error as exc:  # a store damaged past its first page
        return _fail(ExitCode.IO_ERROR, f"the store cannot be read: {exc}")
    except BrokenPipeError:  # the reader went away: `claimtrack ... | head`
        _silence_stdout()
        return ExitCode.BROKEN_PIPE
    except OSError as exc:
        where = f"{exc.filename!r}: " if exc.filename else ""
        return _fail(ExitCode.IO_ERROR, f"{where}{_os_reason(exc)}")
    return ExitCode.OK


_HINTS = (
    (AmbiguousDateError, "--dayfirst or --monthfirst"),
    (AmbiguousQuoteError, "--occurrence N"),
)
"""The options that answer an error whose message names an argument."""


def _hint(error: ClaimtrackError) -> str:
    """
    How to answer *error* on the command line, if its message tells how.

    The library's messages say it in Python's words: ``pass
    dayfirst=True``.
    """
    errors = (
        list(error.exceptions)
        if isinstance(error, InvalidFieldsError)
        else [error]
    )
    hints = [
        hint
        for kind, hint in _HINTS
        if any(isinstance(e, kind) for e in errors)
    ]
    return f" (on the command line: {'; '.join(hints)})" if hints else ""


def _fail(code: ExitCode, message: str) -> int:
    sys.stderr.write(f"{_PROGRAM}: error: {_one_line(message)}\n")
    return code


def _silence_stdout() -> None:
    """
    Point stdout at /dev/null, so that flushing it at exit cannot fail.
    """
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)
