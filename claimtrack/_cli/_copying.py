"""
Moving a tracker between stores, and watching one as it changes.

``copy SRC DST`` copies a whole tracker, its policy and every event in
order with its author and time, between an SQLite store, a JSON document
and a tracker in PostgreSQL (a ``postgresql://`` URL), in any direction.
``watch`` prints each event of the store as it lands, following other
writers (woken at once over PostgreSQL).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import TYPE_CHECKING

from claimtrack._cli._checks import seconds
from claimtrack._cli._context import (
    _SQLITE_HEADER,
    ExitCode,
    _Exit,
    _os_reason,
    _write_output,
    code_of,
)
from claimtrack._cli._output import _instant, _value
from claimtrack._journals._postgres import _split, is_url
from claimtrack._models import Claim
from claimtrack._tracker import Tracker
from claimtrack.exceptions import (
    ClaimtrackError,
    InvalidDocumentError,
    StoreError,
)


if TYPE_CHECKING:
    import argparse

    from claimtrack._cli._context import _Context
    from claimtrack._events import Event


# -- copy --------------------------------------------------------------------


def _configure_copy(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "source",
        help="the tracker to copy: an SQLite store, a JSON document "
        "written by export, or a postgresql:// URL",
    )
    parser.add_argument(
        "destination",
        help="where to copy it: a new SQLite store, a new .json file, or "
        "a postgresql:// URL naming a new (or empty) tracker",
    )


def _shown(target: str) -> str:
    """
    *target* as messages show it: a URL without its password.
    """
    return _split(target)[2] if is_url(target) else target


def _is_store(path: Path) -> bool:
    """
    Whether the file *path* is an SQLite file (else a JSON document).
    """
    try:
        with path.open("rb") as f:
            return f.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER
    except OSError as exc:
        raise _Exit(
            ExitCode.NO_INPUT,
            InvalidDocumentError("source", str(path), _os_reason(exc)),
        ) from exc


def _opened_source(target: str, ctx: _Context) -> Tracker:
    """
    The tracker to copy, open for reading only.
    """
    try:
        if is_url(target) or _is_store(Path(target)):
            return Tracker.open(
                target, timeout=ctx.timeout, create=False, read_only=True
            )
        return Tracker.load(target)
    except ClaimtrackError as exc:
        raise _Exit(code_of(exc), exc, _shown(target)) from exc


def _copy_into(source: Tracker, target: str, ctx: _Context) -> None:
    """
    Copy *source* into the store at *target*, which must hold nothing.
    """
    try:
        with Tracker.open(
            target, policy=source.policy, timeout=ctx.timeout
        ) as copy:
            if copy.events():
                raise _Exit(
                    ExitCode.CANNOT_CREATE,
                    StoreError(
                        "destination",
                        _shown(target),
                        "holds a tracker already: copy makes a new one "
                        "(merge adds to one); nothing was written",
                    ),
                )
            copy.merge(source)
    except ClaimtrackError as exc:
        raise _Exit(code_of(exc), exc, _shown(target)) from exc


def _copy(args: argparse.Namespace, ctx: _Context) -> None:
    source, target = args.source, args.destination
    tracker = _opened_source(source, ctx)
    with tracker:
        events = tracker.events()
        if not is_url(target) and Path(target).suffix.lower() == ".json":
            if Path(target).exists():
                raise _Exit(
                    ExitCode.CANNOT_CREATE,
                    StoreError(
                        "destination",
                        target,
                        "exists: copy writes a new file; nothing was written",
                    ),
                )
            _write_output(target, tracker.to_json(indent=1) + "\n", ctx)
        else:
            _copy_into(tracker, target, ctx)
    claims = sum(isinstance(event.payload, Claim) for event in events)
    if ctx.json:
        ctx.emit(
            {
                "from": _shown(source),
                "to": _shown(target),
                "events": len(events),
                "claims": claims,
            }
        )
    else:
        ctx.write(
            f"copied {len(events)} events ({claims} claims) from "
            f"{_shown(source)} to {_shown(target)}"
        )


# -- watch -------------------------------------------------------------------


def _configure_watch(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--since",
        type=int,
        metavar="N",
        help="first print the events after position N (0: all of them; "
        "default: only what lands from now on)",
    )
    parser.add_argument(
        "--count",
        type=int,
        metavar="N",
        help="stop after printing N events (default: go on)",
    )
    parser.add_argument(
        "--for",
        dest="duration",
        type=seconds,
        metavar="SECONDS",
        help="stop after SECONDS (default: go on until interrupted)",
    )


def _line(ctx: _Context, position: int, event: Event) -> None:
    """
    Print one event: a line of the table, or a JSON line.
    """
    if ctx.json:
        value = {
            "position": position,
            "id": event.id,
            "kind": event.kind.value,
            "by": event.by,
            "at": event.at.isoformat(),
            "payload": _value(event.payload),
        }
        ctx.write(json.dumps(value, ensure_ascii=False))
    else:
        payload = event.payload
        what = payload.text if isinstance(payload, Claim) else ""
        ctx.write(
            f"{position:>6}  {_instant(event.at)}  {event.by or '-'}  "
            f"{event.id}  {what}".rstrip()
        )
    ctx.out.flush()


def _watch(args: argparse.Namespace, ctx: _Context) -> None:
    for name in ("since", "count"):
        value = getattr(args, name)
        if value is not None and value < 0:
            args.parser.error(f"--{name} must be 0 or more, not {value}")
    deadline = (
        None if args.duration is None else time.monotonic() + args.duration
    )
    with ctx.store() as tracker:
        events = tracker.events()
        position = len(events)
        if args.since is not None:
            position = min(args.since, position)
        pending, printed = events[position:], 0
        while True:
            for event in pending:
                if printed == args.count:
                    return
                position += 1
                _line(ctx, position, event)
                printed += 1
            left = 1.0 if deadline is None else deadline - time.monotonic()
            if printed == args.count or left <= 0:
                return
            pending = tracker.follow(min(1.0, left))
