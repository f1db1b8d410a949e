"""
The commands that create the store and add to it.

``init``, ``add-source``, ``add-actor`` and ``add-claim``, and what
reads their arguments into models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimtrack._cli._context import (
    ExitCode,
    _add_order,
    _Exit,
    _number,
    _os_reason,
    _read_input,
    foreign,
    tracker_exists,
)
from claimtrack._cli._output import _added, _value
from claimtrack._dates import When
from claimtrack._models import (
    Actor,
    ActorKind,
    Polarity,
    Proposition,
    Quantity,
    Source,
)
from claimtrack._tracker import Tracker
from claimtrack.exceptions import (
    InvalidDocumentError,
    StoreBusyError,
    StoreError,
)


if TYPE_CHECKING:
    import argparse
    from pathlib import Path

    from claimtrack._cli._context import _Context


# -- init --------------------------------------------------------------------


def _configure_init(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--min-sources",
        type=int,
        metavar="N",
        help="independent lineages that corroborate a claim (default 2)",
    )


def _looked_at(path: Path | str, timeout: float) -> tuple[str | None, bool]:
    """
    Why ``init`` leaves a store alone (None: it does not), and if it is new.
    """
    if isinstance(path, str):  # a PostgreSQL URL: the server judges
        return None, not tracker_exists(path, timeout)
    reason = foreign(path) if path.exists() else None
    return reason, not path.exists() or path.stat().st_size == 0


def _init(args: argparse.Namespace, ctx: _Context) -> None:
    from claimtrack._evidence import Policy  # noqa: PLC0415

    path = ctx.db
    try:
        reason, created = _looked_at(path, ctx.timeout)
    except OSError as exc:  # a name too long, a folder not readable
        raise _Exit(
            ExitCode.CANNOT_CREATE,
            StoreError("db", str(path), _os_reason(exc)),
        ) from exc
    if reason is not None:
        raise _Exit(
            ExitCode.CANNOT_CREATE,
            StoreError("db", str(path), f"{reason}; init leaves it alone"),
        )
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
    except OSError as exc:  # what the store does not name itself
        raise _Exit(
            ExitCode.CANNOT_CREATE,
            StoreError("db", str(path), _os_reason(exc)),
        ) from exc
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
