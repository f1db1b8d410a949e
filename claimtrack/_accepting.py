"""
Accepting statements: the claims a tracker adds for the candidates chosen.

Each accepted `Statement` becomes one claim: its words, its span, its
speaker (added along with the claim if proposed), when it was said (its
date words read against the source's publication date, else that date),
and who relayed it (the wire services the source derives from, then its
publisher, as far as the tracker knows them as actors).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimtrack import _arguments as args
from claimtrack._statement import statements_of
from claimtrack.exceptions import (
    AmbiguousActorError,
    ClaimtrackError,
    UnknownActorError,
)


if TYPE_CHECKING:
    from claimtrack._dates import When
    from claimtrack._engine import State
    from claimtrack._models import Actor, Source
    from claimtrack._statement import Statement


def claim_items(state: State, statements: object) -> list[dict[str, Any]]:
    """
    The `Tracker.add_claims` items for *statements*, in their order.

    Raises:
        InvalidTypeError: If *statements* is not an iterable of
            `Statement`, naming the first item that is not one.
        UnknownSourceError: If a statement's source is not in the tracker.
    """
    items = []
    for statement in statements_of(statements):
        source = state.source(statement.source)
        speaker = statement.speaker
        items.append(
            {
                "text": statement.text,
                "speaker": _speaker(state, speaker),
                "said": _said(statement, source),
                "source": source.id,
                "span": statement.span,
                "reported_by": relays(state, source, speaker.id),
            }
        )
    return items


def _speaker(state: State, actor: Actor) -> str | Actor:
    """
    The stored actor's id, or the proposed *actor* to add with the claim.
    """
    return actor.id if actor.id in state.actors else actor


def _said(statement: Statement, source: Source) -> When | None:
    """
    When *statement* was said.

    Its date words read against the source's publication date, else that
    date; None if neither is known.
    """
    if statement.said is not None:
        try:
            return args.read_date(
                statement.said, source, dayfirst=None, field="said"
            )
        except ClaimtrackError:
            pass  # words the reader cannot place: the source's date
    return source.published


def relays(state: State, source: Source, speaker: str) -> tuple[str, ...]:
    """
    Who relayed a statement in *source*, nearest the speaker first.

    The sources it derives from (a wire service: "ap"), by their
    publisher or their id, then *source*'s own publisher: each one that
    names exactly one of the tracker's actors, other than the *speaker*.
    """
    names: list[str] = []
    for upstream in source.derived_from:
        found = state.sources.get(upstream)
        if found is not None and found.publisher:
            names.append(found.publisher)
        names.append(upstream)
    if source.publisher:
        names.append(source.publisher)
    chain: list[str] = []
    for name in names:
        try:
            actor = args.actor_ref(state, name, "reported_by", None)
        except (UnknownActorError, AmbiguousActorError):
            continue
        if actor != speaker and actor not in chain:
            chain.append(actor)
    return tuple(chain)
