"""
The data a state is made of, and the rows a journal keeps beside events.

`StateData` declares every attribute of a `State` (in ``_state``), which
adds the checks and applies that change them; the revisions' code
(``_revisions``) reads and changes the same attributes without needing
the rest of the state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from claimtrack._contradictions import Contradiction, Fact
from claimtrack._predicates import Registry
from claimtrack._validators import instance_of
from claimtrack.exceptions import UnknownSourceError


if TYPE_CHECKING:
    import datetime as dt

    from claimtrack._anchor import Reanchored, Revision
    from claimtrack._engine._lazy import Loader
    from claimtrack._events import Event
    from claimtrack._evidence import Evidence, Retraction, Verdict
    from claimtrack._models import Actor, Claim, Source


__all__ = [
    "Added",
    "Changes",
    "EntityRow",
    "FactRow",
    "Index",
    "LinkRow",
    "NameRow",
    "SpanKey",
    "StateData",
]

Index = dict[str, list[str]]
SpanKey = tuple[str, str | None, int | None]  # claim, evidence, item
FactRow = tuple[str, str, str, Fact]  # claim, subject, predicate, fact
LinkRow = tuple[str, str, str, tuple[str, ...]]  # claim, other, kind, ids
EntityRow = tuple[str, str]  # name key of a subject or object text, claim
NameRow = tuple[str, str]  # name key of an actor's name, alias or role, actor


@attrs.define
class Added:
    """
    Claims added by one author at one time, in a row: their events.

    The history keeps one record for them rather than one event each; the
    events are made again when asked for.
    """

    first: int  # the order of the first claim added
    count: int
    by: str | None
    at: dt.datetime


@attrs.define
class Changes:
    """
    The claims whose fact or links the events applied since changed.

    A journal that keeps the state beside the events (the SQLite one)
    writes the rows of just these claims.
    """

    facts: set[str] = attrs.Factory(set)
    links: set[str] = attrs.Factory(set)
    entities: list[EntityRow] = attrs.Factory(list)  # new ones only
    names: list[NameRow] = attrs.Factory(list)  # new ones only


class StateData:
    """
    The attributes of a state: what the events say, and its indexes.
    """

    def __init__(self) -> None:
        # The history: events, with the claims added together kept as one
        # Added record (the events are made again when asked for).
        self.log: list[Event | Added] = []
        self.added: list[Added] = []  # the records, by first claim
        self.claim_list: list[Claim] = []  # claims in the order added
        self.evidence: dict[str, dict[str, Evidence]] = {}
        self.evidence_ids: dict[str, Evidence] = {}
        self.verdicts: dict[str, dict[str, Verdict]] = {}
        self.retractions: dict[str, Retraction] = {}
        self.histories: dict[str, list[Event]] = {}
        self.keys: dict[str, frozenset[str]] = {}  # lineage keys, cached
        self.registry = Registry()
        self.facts: dict[str, Fact] = {}
        # (subject, predicate) -> the claim id, or the ids, with that fact
        self.match: dict[tuple[str, str], str | list[str]] = {}
        self.entities: dict[str, str] = {}  # entity()'s answers, cached
        self.by_entity: Index = {}  # name_key of subject/object -> claims
        self.by_predicate: Index = {}  # predicate_key -> claims
        self.explicit: dict[str, dict[str, Contradiction]] = {}
        self.refuting: dict[str, dict[str, list[str]]] = {}
        self.sources: dict[str, Source] = {}
        self.actors: dict[str, Actor] = {}
        self.claims: dict[str, Claim] = {}
        self.names: dict[str, dict[str, None]] = {}  # name_key -> actors
        self.by_speaker: Index = {}
        self.by_subject: Index = {}
        self.seq: dict[str, int] = {}  # claim id -> order added
        self.by_source: Index = {}
        self.by_tag: Index = {}
        # Revisions: each source's, by id, and what they changed.
        self.revisions: dict[str, list[Revision]] = {}
        self.revision_ids: dict[str, Revision] = {}
        # source -> span -> (its last re-anchoring, the revision it was lost)
        self.orphans: dict[str, dict[SpanKey, tuple[Reanchored, int]]] = {}
        self.first_sources: dict[str, Source] = {}  # as added, if revised
        self.first_evidence: dict[str, Evidence] = {}  # the same
        self.changes: Changes | None = None  # recorded while set
        self.next_seq = 0  # the order of the next claim added
        # A partial state (see `over`) fetches what it lacks from a loader.
        self.loader: Loader | None = None
        self.added_events: dict[str, Event] = {}  # partial: as read
        self._about: set[str] = set()  # partial: claims whose events are in

    def lookup(self, id: str) -> Source | Actor | Claim | None:  # noqa: A002
        """
        The claim, source or actor with this id, or None.
        """
        return (
            self.claims.get(id) or self.sources.get(id) or self.actors.get(id)
        )

    def source(self, id: str, field: str = "source") -> Source:  # noqa: A002
        """
        The source with this id.

        Raises:
            UnknownSourceError: If there is none.
        """
        instance_of(str)(self, field, id)
        try:
            return self.sources[id]
        except KeyError:
            raise UnknownSourceError(
                field, id, "no source has this id"
            ) from None
