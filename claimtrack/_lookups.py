"""
Lookups answered from a journal's keyed reads, without the whole state.

A tracker opened over a journal reads nothing until it is used. `claim`,
`get` and `contradictions` of one claim read just the rows they need: the
event that added the claim, the claims sharing its fact's subject and
predicate, its links, their speakers and the declared predicates. From
these `view` builds a small `State`, and the same engine code finds and
explains the contradictions as it does over a whole state, so the answers
are the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from claimtrack._contradictions import ContradictionKind
from claimtrack._engine import State
from claimtrack._events import EventKind
from claimtrack._models import Claim, Source


if TYPE_CHECKING:
    from claimtrack._events import Payload
    from claimtrack._journals import Journal
    from claimtrack._predicates import Predicate


__all__ = ["event_id", "read", "view"]


def event_id(kind: EventKind, payload_id: str) -> str:
    """
    The id of the event of *kind* whose payload has this id.
    """
    return f"{kind.value}:{payload_id}"


def read(journal: Journal, key: str) -> Payload | None:
    """
    The payload of an event in the journal, unless a revision changed it.

    A claim or source added before its source's text was revised is read
    whole instead (None here): the revision moved the spans.
    """
    found = journal.events_by_id([key]).get(key)
    if found is None:
        return None
    payload = found[1].payload
    source = payload.source if isinstance(payload, Claim) else None
    if isinstance(payload, Source):
        source = payload.id
    return None if journal.revised([source]) else payload


def view(journal: Journal, claim_id: str) -> State | None:
    """
    A state holding just what a claim's contradictions are made of.

    The claim, the claims with a fact of its subject and predicate, the
    claims linked to it, their speakers and the actors they name, the
    links and the declared predicates. None if the journal has no such
    claim.
    """
    state = State()
    wanted = [event_id(EventKind.CLAIM_ADDED, claim_id)]
    key = journal.fact(claim_id)
    if key is not None:
        members = []
        for other, fact in journal.facts(*key):
            state.facts[other] = fact
            members.append(other)
        state.match[key] = members if len(members) > 1 else members[0]
        wanted.extend(event_id(EventKind.CLAIM_ADDED, m) for m in members)
    for other, kind, ids in journal.links(claim_id):
        wanted.append(event_id(EventKind.CLAIM_ADDED, other))
        if kind == ContradictionKind.EXPLICIT.value:
            linked = EventKind.CONTRADICTION_ADDED
        else:
            linked = EventKind.EVIDENCE_ADDED
            state.refuting.setdefault(claim_id, {})[other] = list(ids)
        wanted.extend(event_id(linked, i) for i in ids)
    found = journal.events_by_id(wanted)
    if wanted[0] not in found:
        return None
    names = {
        name
        for seq, event in found.values()
        for name in state.hold(seq, event.payload)
    }
    for _, event in journal.events_by_id(
        event_id(EventKind.ACTOR_ADDED, name) for name in names
    ).values():
        state.apply(event)
    for event in journal.declared():
        state.registry.add(cast("Predicate", event.payload))
    return state
