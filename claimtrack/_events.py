"""
Events: every change to a tracker, with its author and time.

A tracker's state is what its events say: replaying a tracker's events
into a new tracker (`Tracker.from_events`) gives an equal tracker, and
applying an event that is already there changes nothing.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from claimtrack._anchor import Revision
from claimtrack._contradictions import Contradiction
from claimtrack._evidence import Evidence, Retraction, Verdict, _check_instant
from claimtrack._models import Actor, Claim, Source
from claimtrack._predicates import Predicate
from claimtrack._validators import (
    check_fields,
    member_of,
    non_empty_str,
    optional,
)
from claimtrack.exceptions import InvalidTypeError


class EventKind(enum.Enum):
    """
    What an event did.

    .. versionadded:: 0.1.0
    """

    SOURCE_ADDED = "source-added"
    ACTOR_ADDED = "actor-added"
    CLAIM_ADDED = "claim-added"
    EVIDENCE_ADDED = "evidence-added"
    VERDICT_SET = "verdict-set"
    CLAIM_RETRACTED = "claim-retracted"
    PREDICATE_DECLARED = "predicate-declared"
    CONTRADICTION_ADDED = "contradiction-added"
    SOURCE_REVISED = "source-revised"


Payload = (
    Source
    | Actor
    | Claim
    | Evidence
    | Verdict
    | Retraction
    | Predicate
    | Contradiction
    | Revision
)

_PAYLOAD_TYPES: dict[EventKind, type[Any]] = {
    EventKind.SOURCE_ADDED: Source,
    EventKind.ACTOR_ADDED: Actor,
    EventKind.CLAIM_ADDED: Claim,
    EventKind.EVIDENCE_ADDED: Evidence,
    EventKind.VERDICT_SET: Verdict,
    EventKind.CLAIM_RETRACTED: Retraction,
    EventKind.PREDICATE_DECLARED: Predicate,
    EventKind.CONTRADICTION_ADDED: Contradiction,
    EventKind.SOURCE_REVISED: Revision,
}


def _check_payload(inst: Event, attr: Any, value: object) -> None:
    if not isinstance(inst.kind, EventKind):
        return  # the kind's own check reports it
    expected = _PAYLOAD_TYPES.get(inst.kind)
    if expected is not None and not isinstance(value, expected):
        raise InvalidTypeError(
            "payload",
            value,
            f"a {inst.kind.value} event carries a {expected.__name__}, "
            f"not a {type(value).__name__}",
        )


@attrs.frozen
class Event:
    """
    One change to a tracker.

    Args:
        kind: What the change was, an `EventKind`.
        payload: What was added: the `Source`, `Actor`, `Claim`,
            `Evidence`, `Verdict`, `Retraction`, `Predicate` or explicit
            `Contradiction`; or, for a revised source, the `Revision`.
        by: Who made the change.
        at: When, an aware datetime.

    .. versionadded:: 0.1.0
    """

    kind: EventKind = attrs.field(metadata={"check": member_of(EventKind)})
    payload: Payload = attrs.field(metadata={"check": _check_payload})
    by: str | None = attrs.field(
        default=None,
        kw_only=True,
        metadata={"check": optional(non_empty_str())},
    )
    at: dt.datetime = attrs.field(
        factory=lambda: dt.datetime.now(dt.UTC),
        kw_only=True,
        metadata={"check": _check_instant},
    )

    def __attrs_post_init__(self) -> None:
        check_fields(self)

    @property
    def id(self) -> str:
        """
        The event's id: its kind and what it added.

        An event with the same id is the same change.
        """
        return f"{self.kind.value}:{self.payload.id}"

    @property
    def claim(self) -> str | None:
        """
        The id of the (first) claim the event concerns, if any.
        """
        return next(iter(self.claims), None)

    @property
    def claims(self) -> tuple[str, ...]:
        """
        The ids of the claims the event concerns.

        None for a source, actor or predicate; two for a contradiction;
        for a revision, those whose spans (or evidence spans) quote the
        revised source.
        """
        payload = self.payload
        if isinstance(payload, Claim):
            return (payload.id,)
        if isinstance(payload, Revision):
            return payload.claims
        if isinstance(payload, Evidence | Verdict | Retraction):
            return (payload.claim,)
        if isinstance(payload, Contradiction):
            return payload.claims
        return ()
