"""
The commands that read and write files.

``import`` reads the field's formats and claimtrack's JSON document into
the store; ``export`` writes the store out; ``merge`` adds another copy's
changes; ``report`` writes a report to read.

The formats' modules and `claimtrack.reports` are imported by the
commands that use them, so that the other commands do without them.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from claimtrack._cli._checks import UsageError, shown
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
from claimtrack._records import COLUMNS
from claimtrack._tracker import Tracker
from claimtrack.exceptions import ClaimtrackError, InvalidDocumentError
from claimtrack.formats import _common, detect
from claimtrack.formats._common import ImportReport


if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from claimtrack._cli._context import _Context


# -- import ------------------------------------------------------------------

_READERS = (
    "claimreview",
    "factcheck",
    "claimskg",
    "liar",
    "averitec",
    "climate-fever",
    "fever",
)
"""The formats of `claimtrack.formats` that import reads, by their names
here (climate-fever is `claimtrack.formats.climate_fever`)."""
_FORMATS = (*_READERS, "json")


def _reader(format: str) -> Callable[..., ImportReport]:  # noqa: A002
    """
    The ``read`` of *format*, whose module is imported when first used.
    """
    name = format.replace("-", "_")  # climate-fever: formats.climate_fever
    module = importlib.import_module(f"claimtrack.formats.{name}")
    read: Callable[..., ImportReport] = module.read
    return read


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
    format = detect(path)  # noqa: A001
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
            return path, _reader(format)(
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
        if wanted is None and count < _common.PROGRESS_EVERY:
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
    if args.raw:
        args.parser.error("--raw goes with --format csv")
    if args.claim:
        args.parser.error("--claim only selects claims for claimreview")
    return tracker.to_json(indent=1) + "\n"


def _export_claimreview(tracker: Tracker, args: argparse.Namespace) -> str:
    from claimtrack.formats import claimreview  # noqa: PLC0415 -- when used

    if args.raw:
        args.parser.error("--raw goes with --format csv")
    chosen = args.claim or None
    return claimreview.dumps(tracker, chosen, indent=2) + "\n"


def _export_csv(tracker: Tracker, args: argparse.Namespace) -> str:
    if args.claim:
        args.parser.error("--claim only selects claims for claimreview")
    from claimtrack import reports  # noqa: PLC0415 -- when used

    return reports.to_csv(tracker, args.what, raw=args.raw)


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
        choices=list(COLUMNS),
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
    parser.add_argument(
        "--raw",
        action="store_true",
        help="csv: write every cell as it is, even text a spreadsheet "
        "would run as a formula (default: such text gets a leading ')",
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
                with Tracker.open(
                    path, timeout=ctx.timeout, create=False
                ) as other:
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


def _report_format(output: str) -> str:
    """
    The format *output*'s extension names; html for stdout.

    Raises:
        UsageError: If the extension names no format.
    """
    from claimtrack._reports import FORMATS  # noqa: PLC0415 -- when used

    if output == "-":
        return "html"
    found = FORMATS.get(Path(output).suffix.lower())
    if found is None:
        raise UsageError(
            f"--output={shown(output)}: its extension names no report "
            f"format ({', '.join(FORMATS)}); give one, or choose with "
            "--format html or --format markdown"
        )
    return found


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
        "(default: from FILE's extension: .html, .htm, .md, .markdown)",
    )
    parser.add_argument("--title", help="the report's title")
    parser.add_argument(
        "--claim",
        action="append",
        default=[],
        metavar="ID",
        help="only this claim (repeatable; default: every claim)",
    )
    parser.add_argument(
        "--statements",
        action="append",
        default=[],
        metavar="SOURCE",
        help="show this source's text with the statements found in it "
        "marked (repeatable)",
    )


def _report(args: argparse.Namespace, ctx: _Context) -> None:
    from claimtrack import reports  # noqa: PLC0415 -- when used

    chosen = args.format or _report_format(args.output)
    write = reports.markdown if chosen == "markdown" else reports.html
    with ctx.store() as tracker:
        found = []
        if args.statements:
            from claimtrack.statements import find_statements  # noqa: PLC0415

            for source in dict.fromkeys(args.statements):
                found += find_statements(source, tracker)
        text = write(
            tracker,
            title=args.title,
            claims=args.claim or None,
            statements=found,
        )
    _write_output(args.output, text, ctx)
    if args.output == "-":
        return
    if ctx.json:
        ctx.emit({"output": args.output, "format": chosen})
    else:
        ctx.write(f"wrote the {chosen} report {args.output}")
