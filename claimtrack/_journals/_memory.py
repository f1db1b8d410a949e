"""
The memory journal: a tracker's events in a Python list.

What `Tracker()` uses. It keeps the events and the state rows in plain
containers, answers the same keyed reads as the SQLite journal, and takes
appends at an expected position like every journal, so several trackers in
one process may share one (each catches up before it writes). Nothing
outlives the process.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from claimtrack._anchor import Revision
from claimtrack._contradictions import Contradiction
from claimtrack._evidence import Evidence, Policy, Retraction, Verdict
from claimtrack._models import Claim, Source
from claimtrack._predicates import Predicate
from claimtrack.exceptions import ConflictError, StaleWriteError, StoreError


if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from claimtrack._contradictions import Fact
    from claimtrack._engine import EntityRow, FactRow, LinkRow, NameRow
    from claimtrack._events import Event
    from claimtrack._journals._protocol import Positioned


__all__ = ["MemoryJournal"]

_Append = tuple[
    "Sequence[FactRow]",
    "dict[str, list[LinkRow]]",
    "Sequence[EntityRow]",
    "Sequence[NameRow]",
]
"""The state rows of one append."""


class MemoryJournal:
    """
    A journal in memory: the events in a list, the state rows in dicts.

    .. versionadded:: 0.1.0
    """

    def __init__(self) -> None:
        self.policy: Policy | None = None
        self.events: list[Event] = []  # position n is events[n - 1]
        self._by_id: dict[str, int] | None = None  # built when first asked
        self._facts: dict[str, tuple[str, str, Fact]] = {}
        self._by_fact: dict[tuple[str, str], dict[str, Fact]] = {}
        self._links: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {}
        self._declared: list[Event] = []
        self._revised: set[str] = set()
        self._names: dict[str, list[str]] = {}
        self._spoken: dict[str, list[Positioned]] = {}
        self._about: dict[str, list[Event]] = {}
        self._entities: dict[str, list[str]] = {}
        self._urls: dict[str, Source] = {}
        self._writing = False
        # What appends brought and the keyed reads have not indexed yet:
        # a tracker that reads only its own state never pays for them.
        self._backlog: list[_Append] = []
        self._indexed = 0  # how many events the keyed reads know

    def __repr__(self) -> str:
        return f"<MemoryJournal: {len(self.events)} events>"

    @property
    def where(self) -> str:
        """
        ``"memory"``.
        """
        return "memory"

    def prepare(self, policy: Policy | None) -> Policy:
        """
        Keep *policy* (the default `Policy` if None) or check it.
        """
        if self.policy is None:
            self.policy = policy or Policy()
        elif policy is not None and policy != self.policy:
            raise ConflictError(
                "policy", policy, f"the journal's policy is {self.policy!r}"
            )
        return self.policy

    def read(self, after: int = 0) -> list[Positioned]:
        """
        The events after position *after*, in order.
        """
        return list(enumerate(self.events[after:], start=after + 1))

    def begin(self, after: int | None) -> list[Positioned]:
        """
        Start a write; return the events after position *after*.
        """
        if self._writing:
            raise StoreError(
                "journal", "memory", "a write is already under way"
            )
        self._writing = True
        return [] if after is None else self.read(after)

    def last(self) -> int:
        """
        The position of the last event; 0 if there is none.
        """
        return len(self.events)

    def append(
        self,
        events: Sequence[Event],
        *,
        expected: int,
        facts: Sequence[FactRow] = (),
        links: dict[str, list[LinkRow]] | None = None,
        entities: Sequence[EntityRow] = (),
        names: Sequence[NameRow] = (),
    ) -> int:
        """
        Append *events* and state rows at position *expected*.
        """
        try:
            if expected != len(self.events):
                raise StaleWriteError(
                    "position",
                    expected,
                    f"the journal is at {len(self.events)}: refresh the "
                    "tracker and try again",
                )
            self.events.extend(events)
            if facts or links or entities or names:
                self._backlog.append((facts, links or {}, entities, names))
            return len(self.events)
        finally:
            self._writing = False

    def _catch_up(self) -> None:
        """
        Index what was appended since the last keyed read, in order.
        """
        events = self.events
        for n in range(self._indexed, len(events)):
            event = events[n]
            if self._by_id is not None:
                self._by_id.setdefault(event.id, n + 1)
            self._index(event, n + 1)
        self._indexed = len(events)
        backlog, self._backlog = self._backlog, []
        for facts, links, entities, names in backlog:
            for claim, subject, predicate, fact in facts:
                old = self._facts.get(claim)
                if old is not None:
                    del self._by_fact[old[:2]][claim]
                self._facts[claim] = (subject, predicate, fact)
                self._by_fact.setdefault((subject, predicate), {})[claim] = (
                    fact
                )
            for claim, claim_links in links.items():
                self._links[claim] = [row[1:] for row in claim_links]
            for added, into in (
                (entities, self._entities),
                (names, self._names),
            ):
                for key, value in added:
                    values = into.setdefault(key, [])
                    if value not in values:
                        values.append(value)

    def _index(self, event: Event, position: int) -> None:
        """
        Keep an appended event where the keyed reads look for it.
        """
        payload = event.payload
        if isinstance(payload, Claim):
            self._spoken.setdefault(payload.speaker, []).append(
                (position, event)
            )
        elif isinstance(payload, Predicate):
            self._declared.append(event)
        elif isinstance(payload, Revision):
            self._revised.add(payload.source)
        elif isinstance(payload, Source):
            if payload.url is not None:
                self._urls.setdefault(payload.url, payload)
        elif isinstance(payload, Contradiction):
            for claim in (payload.claim, payload.other):
                self._about.setdefault(claim, []).append(event)
        elif isinstance(payload, Evidence | Verdict | Retraction):
            self._about.setdefault(payload.claim, []).append(event)

    def rollback(self) -> None:
        """
        Give up the write `begin` started.
        """
        self._writing = False

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        """
        Nothing to do: a journal in memory changes only between calls.
        """
        yield

    def events_by_id(self, ids: Iterable[str]) -> dict[str, Positioned]:
        """
        The events with these ids, with their positions.
        """
        self._catch_up()
        if self._by_id is None:
            self._by_id = {}
            for n, event in enumerate(self.events, start=1):
                self._by_id.setdefault(event.id, n)
        found = {}
        for key in ids:
            place = self._by_id.get(key)
            if place is not None:
                found[key] = (place, self.events[place - 1])
        return found

    def declared(self) -> list[Event]:
        """
        Every predicate-declared event, in order.
        """
        self._catch_up()
        return list(self._declared)

    def revised(self, sources: Iterable[str | None]) -> bool:
        """
        Whether any of these sources had its text revised.
        """
        self._catch_up()
        return any(source in self._revised for source in sources)

    def has_revisions(self) -> bool:
        """
        Whether any source's text was revised.
        """
        self._catch_up()
        return bool(self._revised)

    def names(self, key: str) -> list[str]:
        """
        The actors with a name, alias or role of this name key.
        """
        self._catch_up()
        return list(self._names.get(key, ()))

    def about(self, claim: str) -> list[Event]:
        """
        The events about a claim, in order.
        """
        self._catch_up()
        return list(self._about.get(claim, ()))

    def spoken_by(self, actor: str) -> list[Positioned]:
        """
        The claim-added events of the claims this actor made, in order.
        """
        self._catch_up()
        return list(self._spoken.get(actor, ()))

    def entities(self, key: str) -> list[str]:
        """
        The claims whose subject or object is text with this name key.
        """
        self._catch_up()
        return list(self._entities.get(key, ()))

    def source_with_url(self, url: str) -> Source | None:
        """
        The first source added with this URL.
        """
        self._catch_up()
        return self._urls.get(url)

    def fact(self, claim: str) -> Fact | None:
        """
        The claim's fact, if it has one.
        """
        self._catch_up()
        found = self._facts.get(claim)
        return None if found is None else found[2]

    def facts(self, subject: str, predicate: str) -> list[tuple[str, Fact]]:
        """
        Every claim with a fact of *subject* and *predicate*, and the fact.
        """
        self._catch_up()
        return list(self._by_fact.get((subject, predicate), {}).items())

    def links(self, claim: str) -> list[tuple[str, str, tuple[str, ...]]]:
        """
        The claim's links: the other claim, the kind, the event ids.
        """
        self._catch_up()
        return list(self._links.get(claim, ()))

    def close(self) -> None:
        """
        Nothing to let go of.
        """
