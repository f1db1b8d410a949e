"""
The commands that read and write files.

``import`` reads the field's formats and claimtrack's JSON document into
the store; ``export`` writes the store out; ``merge`` adds another copy's
changes; ``report`` writes a report to read.
"""

from __future__ import annotations

import argparse
import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from claimtrack import reports
from claimtrack._cli._context import (
    _SQLITE_HEADER,
    ExitCode,
    _Exit,
    _os_reason,
    _write_output,
    code_of,
)
from claimtrack._cli._output import _count
from claimtrack._models import Claim
from claimtrack._tracker import Tracker
from claimtrack.exceptions import ClaimtrackError, InvalidDocumentError
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
    from collections.abc import Callable, Iterator

    from claimtrack._cli._context import _Context


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
_SNIFF = 64 * 1024  # how much of a file is read to tell its format


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
