"""
The commands that judge claims, and say how they conflict.

``corroborate``, ``rate`` and ``retract``; ``contradict``, ``declare`` and
``contradictions``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from claimtrack._cli._context import _add_window, _number, _window
from claimtrack._cli._output import _added, _count, _value, table
from claimtrack._contradictions import ContradictionKind
from claimtrack._evidence import Evidence, Stance
from claimtrack._predicates import Predicate, Tolerance


if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from claimtrack._cli._context import _Context
    from claimtrack._evidence import Retraction, Verdict
    from claimtrack._tracker import Tracker


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
