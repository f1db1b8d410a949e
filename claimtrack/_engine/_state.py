"""
The state a tracker's events describe, and the one place events change it.

`State` holds sources, actors, claims, evidence, verdicts, retractions,
links and revisions, with the indexes that answer lookups: by speaker,
source, subject, tag, name, and each claim's canonical fact for the
contradiction engine. For every kind of event there is one check
(`State.check`: raise a `ClaimtrackError` and touch nothing, or tell
whether the event changes anything) and one apply (`State.apply`: nothing
there can fail). The state knows nothing of files, JSON or SQL: a journal
keeps the events, and the Tracker turns what users pass into events.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, TypeVar, cast

import attrs

from claimtrack._anchor import Revision
from claimtrack._contradictions import (
    OPEN_HIGH,
    OPEN_LOW,
    Contradiction,
    ContradictionKind,
    Fact,
    Quantity_,
)
from claimtrack._engine import _revisions
from claimtrack._engine._data import (
    Added,
    Changes,
    EntityRow,
    FactRow,
    Index,
    LinkRow,
    NameRow,
    SpanKey,
    StateData,
)
from claimtrack._engine._lazy import Lazy
from claimtrack._events import Event, EventKind, Payload
from claimtrack._evidence import Evidence, Retraction, Stance, Verdict
from claimtrack._models import (
    Actor,
    Claim,
    Polarity,
    Proposition,
    Quantity,
    Source,
)
from claimtrack._predicates import Predicate, exact_number, predicate_key
from claimtrack._text import fold, name_key
from claimtrack._validators import instance_of
from claimtrack.exceptions import (
    DuplicateIdError,
    LineageCycleError,
    UnknownClaimError,
)


if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Mapping

    from claimtrack._engine._lazy import Loader


__all__ = [
    "Changes",
    "EntityRow",
    "FactRow",
    "LinkRow",
    "NameRow",
    "SpanKey",
    "State",
    "WholeStateNeeded",
]

_V = TypeVar("_V")


class WholeStateNeeded(Exception):  # noqa: N818 -- a request, not a fault
    """
    A partial state was given an event only the whole state can take.

    Declaring a predicate re-reads every claim that uses it, and a revision
    moves every span on its source: the Tracker reads the journal whole and
    does the operation again.
    """


def _add_plain(index: Index, key: str, claim_id: str) -> None:
    ids = index.get(key)
    if ids is None:
        index[key] = [claim_id]
    else:
        ids.append(claim_id)


def _add_to(index: Index, key: str, claim_id: str) -> None:
    if isinstance(index, Lazy):  # a partial state's: not read to grow
        index.append(key, claim_id)
    else:
        _add_plain(index, key, claim_id)


class State(StateData):
    """
    What a tracker's events say: its contents and their indexes.

    Attributes are the engine's own; the Tracker reads them, and only
    `apply` (and what it calls) changes them.
    """

    @classmethod
    def over(
        cls,
        loader: Loader,
        *,
        predicates: Iterable[Predicate],
        position: int,
    ) -> State:
        """
        A partial state: what a journal at *position* holds, read lazily.

        Its declared predicates are given whole (they are few, and every
        fact needs them); actors and the names they go by, claims, sources,
        evidence, verdicts, facts, links and the rest are fetched from
        *loader* when first asked for. It answers everything about the
        claims it is asked of, and takes new events, but cannot list what
        it holds: no `events`, no every-conflict listing. What a revision
        changed is read whole (a revision rewrites what was read before
        it).
        """
        state = cls()
        state.loader = loader
        state.next_seq = position + 1  # after every claim in the journal
        for predicate in predicates:
            state.registry.add(predicate)
        state.actors = Lazy(loader.actor)
        state.names = Lazy(
            lambda key: dict.fromkeys(loader.named(key)) or None
        )
        state.claims = Lazy(state._load_claim)
        state.seq = Lazy(state._load_seq)
        state.sources = Lazy(loader.source)
        state.evidence_ids = Lazy(loader.evidence)
        state.evidence = Lazy(lambda c: state._load_about(c, state.evidence))
        state.verdicts = Lazy(lambda c: state._load_about(c, state.verdicts))
        state.retractions = Lazy(
            lambda c: state._load_about(c, state.retractions)
        )
        state.histories = Lazy(lambda c: state._load_about(c, state.histories))
        state.facts = Lazy(loader.fact)
        state.match = Lazy(state._load_match)
        state.explicit = Lazy(state._load_explicit)
        state.refuting = Lazy(state._load_refuting)
        state.by_entity = Lazy(lambda key: loader.entities(key) or None)
        state.by_speaker = Lazy(state._load_spoken)
        return state

    def _load_claim(self, claim_id: str) -> Claim | None:
        found = cast("Loader", self.loader).claim(claim_id)
        if found is None:
            return None
        position, event = found
        dict.__setitem__(self.seq, claim_id, position)
        self.added_events[claim_id] = event
        return cast("Claim", event.payload)

    def _load_spoken(self, actor: str) -> list[str] | None:
        ids = []
        for position, event in cast("Loader", self.loader).spoken_by(actor):
            claim = cast("Claim", event.payload)
            dict.setdefault(self.claims, claim.id, claim)
            dict.setdefault(self.seq, claim.id, position)
            self.added_events.setdefault(claim.id, event)
            ids.append(claim.id)
        return ids or None

    def _load_seq(self, claim_id: str) -> int | None:
        return (
            None if self._load_claim(claim_id) is None else self.seq[claim_id]
        )

    def _load_about(self, claim_id: str, target: dict[str, _V]) -> _V | None:
        """
        Read the events about a claim into the dicts they fill, once.
        """
        if claim_id not in self._about:
            self._about.add(claim_id)
            loader = cast("Loader", self.loader)
            histories = {claim_id: list[Event]()}
            evidence: dict[str, Evidence] = {}
            verdicts: dict[str, Verdict] = {}
            for event in loader.about(claim_id):
                histories[claim_id].append(event)
                payload = event.payload
                if isinstance(payload, Evidence):
                    evidence[payload.id] = payload
                    dict.setdefault(self.evidence_ids, payload.id, payload)
                elif isinstance(payload, Verdict):
                    verdicts[payload.id] = payload
                elif isinstance(payload, Retraction):
                    dict.setdefault(self.retractions, claim_id, payload)
            if histories[claim_id]:
                dict.setdefault(self.histories, claim_id, histories[claim_id])
            if evidence:
                dict.setdefault(self.evidence, claim_id, evidence)
            if verdicts:
                dict.setdefault(self.verdicts, claim_id, verdicts)
        return dict.get(target, claim_id)

    def _load_match(self, key: tuple[str, str]) -> str | list[str] | None:
        members = []
        for claim_id, fact in cast("Loader", self.loader).facts(*key):
            dict.setdefault(self.facts, claim_id, fact)
            members.append(claim_id)
        if not members:
            return None
        return members if len(members) > 1 else members[0]

    def _load_explicit(self, claim_id: str) -> dict[str, Contradiction] | None:
        loader = cast("Loader", self.loader)
        found = {
            other: loader.contradiction(ids[0])
            for other, kind, ids in loader.links(claim_id)
            if kind == ContradictionKind.EXPLICIT.value
        }
        return found or None

    def _load_refuting(self, claim_id: str) -> dict[str, list[str]] | None:
        found = {
            other: list(ids)
            for other, kind, ids in cast("Loader", self.loader).links(claim_id)
            if kind == ContradictionKind.REFUTING_EVIDENCE.value
        }
        return found or None

    def source_with_url(self, url: str) -> Source | None:
        """
        The first source added with this URL, if any.
        """
        if self.loader is not None:
            return self.loader.source_with_url(url)
        return next((s for s in self.sources.values() if s.url == url), None)

    # -- what is there -----------------------------------------------------

    def claim_id(self, claim: str | Claim, field: str) -> str:
        """
        The id of a stored claim, given as itself or its id.

        A claim is known as it is, or as it was added (before a revision
        of its source moved its span).

        Raises:
            UnknownClaimError: If the tracker has no such claim.
        """
        if isinstance(claim, Claim):
            if self.claims.get(claim.id) != claim and not self.added_as(claim):
                raise UnknownClaimError(
                    field, claim.id, "this claim is not in the tracker"
                )
            return claim.id
        instance_of(str, Claim)(self, field, claim)
        if claim not in self.claims:
            raise UnknownClaimError(field, claim, "no claim has this id")
        return claim

    def stored_id(self, claim: object) -> str | None:
        """
        The id of a stored claim given as itself or its id, else None.
        """
        if isinstance(claim, str):
            return claim if claim in self.claims else None
        if isinstance(claim, Claim) and self.claims.get(claim.id) == claim:
            return claim.id
        return None

    def is_new(self, item: Source | Actor | Claim) -> bool:
        """
        Tell whether *item* is new; raise if its id is taken by another.
        """
        existing = self.lookup(item.id)
        if existing is None:
            return True
        if existing == item:
            return False
        kind = type(existing).__name__.lower()
        article = "an" if kind[0] in "aeiou" else "a"
        if type(existing) is type(item):
            diff = [
                f.name
                for f in attrs.fields(type(item))
                if getattr(existing, f.name) != getattr(item, f.name)
            ]
            reason = (
                f"a different {kind} has this id "
                f"(it differs in {', '.join(diff)})"
            )
        else:
            reason = f"{article} {kind} has this id"
        raise DuplicateIdError("id", item.id, reason)

    def check_lineage(
        self, source: Source, pending: Mapping[str, Source]
    ) -> None:
        """
        Refuse a source that would derive from itself.
        """
        seen: set[str] = set()
        todo = list(source.derived_from)
        while todo:
            upstream = todo.pop()
            if upstream == source.id:
                raise LineageCycleError(
                    "derived_from",
                    source.derived_from,
                    f"source {source.id!r} would derive from itself",
                )
            if upstream in seen:
                continue
            seen.add(upstream)
            found = pending.get(upstream) or self.sources.get(upstream)
            if found is not None:
                todo.extend(found.derived_from)

    # -- events: one check and one apply per kind --------------------------

    def check(self, event: Event) -> bool:  # noqa: PLR0911 -- per kind
        """
        Check *event* can be applied; tell whether it changes anything.

        Raises:
            ClaimtrackError: If it cannot be applied; nothing is changed.
        """
        payload = event.payload
        self._whole_for(payload)
        if isinstance(payload, Revision):
            return _revisions.check(self, payload)
        if isinstance(payload, Source | Actor | Claim):
            if not self.is_new(payload):
                return False
            if isinstance(payload, Source):
                self.check_lineage(payload, {})
            return True
        if isinstance(payload, Predicate):
            return self.registry.check(payload)
        if isinstance(payload, Contradiction):
            self.claim_id(payload.claim, "claim")
            self.claim_id(payload.other, "other")
            return payload.other not in self.explicit.get(payload.claim, {})
        claim = self.claim_id(payload.claim, "claim")
        if isinstance(payload, Evidence):
            return payload.id not in self.evidence_ids
        if isinstance(payload, Verdict):
            return payload.id not in self.verdicts.get(claim, {})
        return claim not in self.retractions

    def _whole_for(self, payload: Payload) -> None:
        """
        Refuse, in a partial state, what only the whole state can take.
        """
        if self.loader is not None and isinstance(
            payload, Predicate | Revision
        ):
            raise WholeStateNeeded

    def apply(self, event: Event) -> None:
        """
        Apply a checked event to the state; nothing here can fail.
        """
        payload = event.payload
        if isinstance(payload, Claim):  # most events: first, never whole
            self.apply_claim(payload, event.by, event.at)
            return
        self._whole_for(payload)
        self.log.append(event)
        for claim_id in event.claims:
            self.histories.setdefault(claim_id, []).append(event)
        if isinstance(payload, Source):
            self.sources[payload.id] = payload
            self.keys.clear()
        elif isinstance(payload, Actor):
            self.store_actor(payload)
            self.entities.clear()  # names may now mean this actor
            self._reindex(
                claim_id
                for name in payload.names
                for claim_id in self.by_entity.get(name_key(name), ())
            )
        elif isinstance(payload, Evidence):
            self._store_evidence(payload)
        elif isinstance(payload, Predicate):
            self.registry.add(payload)
            self._reindex(
                claim_id
                for key in self.registry.related(payload)
                for claim_id in self.by_predicate.get(key, ())
            )
        elif isinstance(payload, Contradiction):
            self.store_link(payload)
        elif isinstance(payload, Verdict):
            self.verdicts.setdefault(payload.claim, {})[payload.id] = payload
        elif isinstance(payload, Revision):
            _revisions.apply(self, payload)
        else:
            self.retractions[payload.claim] = payload

    def apply_claim(
        self, claim: Claim, by: str | None, at: dt.datetime
    ) -> None:
        """
        Store a checked claim and note its claim-added event.
        """
        seq = len(self.claim_list)
        self._store_claim(claim)
        last = self.log[-1] if self.log else None
        if (
            isinstance(last, Added)
            and (last.by, last.at) == (by, at)
            and last.first + last.count == seq
        ):
            last.count += 1
        else:
            record = Added(seq, 1, by, at)
            self.log.append(record)
            self.added.append(record)

    def store_actor(self, actor: Actor) -> None:
        """
        Keep an actor and the names it is found by.
        """
        self.actors[actor.id] = actor
        for name in actor.names:
            key = name_key(name)
            ids = self.names.setdefault(key, {})
            if actor.id not in ids:
                ids[actor.id] = None
                if self.changes is not None:
                    self.changes.names.append((key, actor.id))

    def store_link(self, link: Contradiction) -> None:
        """
        Keep an explicit contradiction, both ways round.
        """
        if self.changes is not None:
            self.changes.links.update((link.claim, link.other))
        self.explicit.setdefault(link.claim, {})[link.other] = link
        self.explicit.setdefault(link.other, {})[link.claim] = link

    def _store_evidence(self, evidence: Evidence) -> None:
        self.evidence.setdefault(evidence.claim, {})[evidence.id] = evidence
        self.evidence_ids[evidence.id] = evidence
        if evidence.stance is not Stance.REFUTES:
            return
        for item in evidence.items:
            if item.claim is not None:
                pair = (evidence.claim, item.claim)
                if self.changes is not None:
                    self.changes.links.update(pair)
                for a, b in (pair, pair[::-1]):
                    links = self.refuting.setdefault(a, {})
                    links.setdefault(b, []).append(evidence.id)

    def _store_claim(self, claim: Claim) -> None:
        claim_id = claim.id
        self.claims[claim_id] = claim
        self.seq[claim_id] = self.next_seq
        self.next_seq += 1
        self.claim_list.append(claim)
        # Each index is a dict of lists; a partial state's are Lazy, not
        # read to grow (`_add_to`). A whole state's are grown in place.
        add = _add_to if self.loader is not None else _add_plain
        add(self.by_speaker, claim.speaker, claim_id)
        if claim.source is not None:
            add(self.by_source, claim.source, claim_id)
        for tag in claim.tags:
            add(self.by_tag, fold(tag), claim_id)
        proposition = claim.proposition
        if proposition is None:
            return
        actors = self.actors
        subject, obj = proposition.subject, proposition.object
        subject_key = subject if subject in actors else name_key(subject)
        add(self.by_subject, subject_key, claim_id)
        add(self.by_predicate, predicate_key(proposition.predicate), claim_id)
        changes = self.changes
        for value in (subject, obj):
            if isinstance(value, str) and value not in actors:
                key = name_key(value)
                add(self.by_entity, key, claim_id)
                if changes is not None:
                    changes.entities.append((key, claim_id))
        self._index_fact(claim_id, proposition)

    # -- facts and their index ---------------------------------------------

    def entity(self, value: str) -> str:
        """
        The match key of a subject or object: an actor's, else its text's.
        """
        found = self.entities.get(value)
        if found is None:
            if value in self.actors:
                found = f"a:{value}"
            else:
                key = name_key(value)
                ids = self.names.get(key, {})
                found = f"a:{next(iter(ids))}" if len(ids) == 1 else f"t:{key}"
            self.entities[value] = found
        return found

    def fact(self, proposition: Proposition) -> Fact:
        """
        A proposition in the canonical form the contradiction rules compare.
        """
        value = proposition.object
        # A number cannot be a subject: such a claim keeps its direction.
        canon = self.registry.canonical(
            proposition.predicate, invertible=not isinstance(value, Quantity)
        )
        subject = self.entity(proposition.subject)
        obj: str | Quantity_
        if isinstance(value, Quantity):
            obj = Quantity_(fold(value.unit or ""), exact_number(value.value))
        else:
            obj = self.entity(value)
            if canon.invert:
                subject, obj = obj, subject
        valid = proposition.valid
        return Fact(
            subject,
            canon.key,
            obj,
            (proposition.polarity is Polarity.ASSERTED) is not canon.flip,
            valid.earliest.toordinal() if valid is not None else OPEN_LOW,
            valid.latest.toordinal() if valid is not None else OPEN_HIGH,
        )

    def _index_fact(
        self, claim_id: str, proposition: Proposition | None = None
    ) -> None:
        if self.changes is not None:
            self.changes.facts.add(claim_id)
        old = self.facts.pop(claim_id, None)
        if old is not None:
            key = (old.subject, old.predicate)
            members: str | list[str] | None = self.match[key]
            if isinstance(members, list) and len(members) > 2:  # noqa: PLR2004
                members.remove(claim_id)
            elif isinstance(members, list):  # two: the other stands alone
                self.match[key] = next(m for m in members if m != claim_id)
            else:
                del self.match[key]
        if proposition is None:
            proposition = self.claims[claim_id].proposition
            assert proposition is not None  # noqa: S101 -- only these are
        fact = self.fact(proposition)
        self.facts[claim_id] = fact
        key = (fact.subject, fact.predicate)
        members = self.match.get(key)
        if members is None:
            self.match[key] = claim_id
        elif isinstance(members, str):
            self.match[key] = [members, claim_id]
        else:
            members.append(claim_id)

    def _reindex(self, claim_ids: Iterable[str]) -> None:
        for claim_id in sorted(set(claim_ids), key=self.seq.__getitem__):
            self._index_fact(claim_id)

    # -- history -----------------------------------------------------------

    def events(self) -> list[Event]:
        """
        Every event, in the order applied.
        """
        events: list[Event] = []
        for entry in self.log:
            if isinstance(entry, Event):
                events.append(entry)
            else:
                claims = self.claim_list[
                    entry.first : entry.first + entry.count
                ]
                events.extend(
                    Event(EventKind.CLAIM_ADDED, c, by=entry.by, at=entry.at)
                    for c in claims
                )
        return events

    def history(self, claim_id: str) -> list[Event]:
        """
        Every event that concerns a stored claim, in the order applied.
        """
        if self.loader is not None:
            added = self.added_events[claim_id]
        else:
            added = self.added_event(self.claims[claim_id])
        return [added, *self.histories.get(claim_id, ())]

    def added_event(self, claim: Claim) -> Event:
        """
        The claim-added event of a stored claim, made again.
        """
        seq = self.seq[claim.id]
        record = self.added[
            bisect.bisect_right(self.added, seq, key=lambda r: r.first) - 1
        ]
        # As added: a revision of its source may have moved its span since.
        added = self.claim_list[seq]
        return Event(EventKind.CLAIM_ADDED, added, by=record.by, at=record.at)

    def added_as(self, claim: Claim) -> bool:
        """
        Whether *claim* is a stored claim as it was added.
        """
        if self.loader is not None:  # no revision: as added is as it is
            return self.claims.get(claim.id) == claim
        seq = self.seq.get(claim.id)
        return seq is not None and self.claim_list[seq] == claim

    def applied_before(self, event: Event) -> Payload | None:
        """
        What the state holds for an event applied before a revision.

        A revision changes stored sources, claims and evidence; their
        events, applied again, are recognised by what they held then.
        """
        payload = event.payload
        if isinstance(payload, Source):
            first: object = self.first_sources.get(payload.id)
            if first == payload:
                return self.sources[payload.id]
        elif isinstance(payload, Claim) and self.loader is None:
            seq = self.seq.get(payload.id)
            if (
                seq is not None
                and self.claims[payload.id] is not self.claim_list[seq]
                and self.added_as(payload)
            ):
                return self.claims[payload.id]
        elif isinstance(payload, Evidence):
            first = self.first_evidence.get(payload.id)
            if first == payload:
                return self.evidence_ids[payload.id]
        return None

    def stored(self, event: Event) -> Payload:  # noqa: PLR0911 -- per kind
        """
        What the state holds for an event's payload, once applied.
        """
        payload = event.payload
        if isinstance(payload, Source | Actor | Claim):
            found = self.lookup(payload.id)
            assert found is not None  # noqa: S101 -- just applied
            return found
        if isinstance(payload, Evidence):
            return self.evidence_ids[payload.id]
        if isinstance(payload, Verdict):
            return self.verdicts[payload.claim][payload.id]
        if isinstance(payload, Retraction):
            return self.retractions[payload.claim]
        if isinstance(payload, Predicate):
            return self.registry.get(payload.name) or payload
        if isinstance(payload, Revision):
            return self.revision_ids[payload.id]
        return self.explicit[payload.claim][payload.other]

    # -- what a journal keeps beside the events ----------------------------

    def rows(
        self, changes: Changes | None = None
    ) -> tuple[list[FactRow], dict[str, list[LinkRow]]]:
        """
        The fact and link rows of the claims *changes* names, or of all.
        """
        if changes is None:
            changes = Changes(
                set(self.facts), self.explicit.keys() | self.refuting.keys()
            )
        facts = [
            (claim_id, fact.subject, fact.predicate, fact)
            for claim_id in sorted(changes.facts)
            if (fact := self.facts.get(claim_id)) is not None
        ]
        explicit = ContradictionKind.EXPLICIT.value
        refuting = ContradictionKind.REFUTING_EVIDENCE.value
        links = {
            claim_id: [
                *(
                    (claim_id, other, explicit, (link.id,))
                    for other, link in self.explicit.get(claim_id, {}).items()
                ),
                *(
                    (claim_id, other, refuting, tuple(ids))
                    for other, ids in self.refuting.get(claim_id, {}).items()
                ),
            ]
            for claim_id in sorted(changes.links)
        }
        return facts, links

    def entity_rows(self) -> list[EntityRow]:
        """
        Every claim's subject and object texts, by name key.
        """
        return [
            (key, claim_id)
            for key, claim_ids in self.by_entity.items()
            for claim_id in claim_ids
        ]

    def name_rows(self) -> list[NameRow]:
        """
        Every actor's names, by name key.
        """
        return [
            (key, actor_id)
            for key, ids in self.names.items()
            for actor_id in ids
        ]
