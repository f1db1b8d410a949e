"""
The commands that read the store: ``show``, ``claims`` and ``history``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimtrack._cli._context import _add_window, _window
from claimtrack._cli._output import (
    _count,
    _fields,
    _instant,
    _section,
    _table_section,
    _value,
    _when,
    table,
)
from claimtrack._contradictions import Contradiction
from claimtrack._evidence import Evidence, Retraction, Status, Verdict
from claimtrack._models import Claim, Polarity, Source
from claimtrack.exceptions import NotFoundError, UnknownActorError


if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from claimtrack._cli._context import _Context
    from claimtrack._events import Event
    from claimtrack._models import Actor, Proposition
    from claimtrack._tracker import Tracker


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


# -- claims and events as rows and values ------------------------------------


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


def _event_value(event: Event) -> dict[str, object]:
    return {
        "kind": event.kind.value,
        "by": event.by,
        "at": event.at.isoformat(),
        "payload": _value(event.payload),
    }
