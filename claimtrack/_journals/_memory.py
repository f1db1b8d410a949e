"""
The memory journal: a tracker's events in a Python list.

What `Tracker()` uses. It keeps the events in a list and takes appends at
an expected position like every journal, so several trackers in one process
may share one (each catches up before it writes). It answers the same keyed
reads as the SQLite journal from a state of its own, replayed from its
events when a keyed read first needs it: the state rows a writer computes
are what its events say, so a journal in memory needs none of them, and a
tracker that reads only its own state never pays for a second one. Nothing
outlives the process.
"""

from __future__ import annotations

import bisect
import contextlib
from typing import TYPE_CHECKING

from claimtrack._anchor import Revision
from claimtrack._contradictions import Contradiction, ContradictionKind
from claimtrack._engine import State
from claimtrack._events import Event, EventKind
from claimtrack._evidence import Evidence, Policy, Retraction, Verdict
from claimtrack._models import Claim, Source
from claimtrack._predicates import Predicate
from claimtrack._trusted import trusted
from claimtrack.exceptions import ConflictError, StaleWriteError, StoreError


if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Iterator, Sequence

    from claimtrack._contradictions import Fact
    from claimtrack._engine import EntityRow, FactRow, LinkRow, NameRow
    from claimtrack._events import Payload
    from claimtrack._journals._protocol import Positioned


__all__ = ["MemoryJournal"]

_EVENT = trusted(Event)
"""Make again an event that was appended: its parts were checked then."""


def _first(run: tuple[int, EventKind, str | None, dt.datetime]) -> int:
    return run[0]


_EXPLICIT = ContradictionKind.EXPLICIT.value
_REFUTING = ContradictionKind.REFUTING_EVIDENCE.value


class MemoryJournal:
    """
    A journal in memory: the events in a list.

    .. versionadded:: 0.1.0
    """

    def __init__(self) -> None:
        self.policy: Policy | None = None
        # The events, kept small: position n's payload is payloads[n - 1],
        # and each run of events of one kind, author and time (a batch of
        # claims) is one (first index, kind, by, at) entry in runs.
        self._payloads: list[Payload] = []
        self._runs: list[tuple[int, EventKind, str | None, dt.datetime]] = []
        self._by_id: dict[str, int] | None = None  # built when first asked
        self._writing = False
        # What the keyed reads answer from: built from the events when one
        # is first asked, and brought up to date at each one after.
        self._state: State | None = None
        self._declared: list[Event] = []
        self._revised: set[str] = set()
        self._spoken: dict[str, list[Positioned]] = {}
        self._about: dict[str, list[Event]] = {}
        self._urls: dict[str, Source] = {}
        self._indexed = 0  # how many events the keyed reads know

    keeps_rows = False
    """The state rows are what the events say: it makes its own."""

    def __repr__(self) -> str:
        return f"<MemoryJournal: {len(self._payloads)} events>"

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
        return list(enumerate(self._events(after), start=after + 1))

    def begin(self, after: int | None) -> list[Positioned]:
        """
        Start a write; return the events after position *after*.
        """
        if self._writing:
            raise StoreError(
                "journal", "memory", "a write is already under way"
            )
        self._writing = True
        if after is None or after == len(self._payloads):
            return []  # nothing new: the common case
        return self.read(after)

    def last(self) -> int:
        """
        The position of the last event; 0 if there is none.
        """
        return len(self._payloads)

    def append(
        self,
        events: Sequence[Event],
        *,
        expected: int,
        facts: Sequence[FactRow] = (),  # noqa: ARG002 -- made from events
        links: dict[str, list[LinkRow]] | None = None,  # noqa: ARG002
        entities: Sequence[EntityRow] = (),  # noqa: ARG002
        names: Sequence[NameRow] = (),  # noqa: ARG002
    ) -> int:
        """
        Append *events* at position *expected*.

        The state rows are not kept: the keyed reads make their own from
        the events (`keeps_rows` is False), which say the same.
        """
        try:
            payloads, runs = self._payloads, self._runs
            if expected != len(payloads):
                raise StaleWriteError(
                    "position",
                    expected,
                    f"the journal is at {len(payloads)}: refresh the "
                    "tracker and try again",
                )
            for event in events:
                kind, by, at = event.kind, event.by, event.at
                if not runs or runs[-1][1:] != (kind, by, at):
                    runs.append((len(payloads), kind, by, at))
                payloads.append(event.payload)
            return len(payloads)
        finally:
            self._writing = False

    def _catch_up(self) -> State:
        """
        Bring the keyed reads' state up to the last event, and return it.
        """
        state = self._state
        if state is None:
            state = self._state = State()
        by_id = self._by_id
        for n, event in enumerate(self._events(self._indexed), self._indexed):
            if by_id is not None:
                by_id.setdefault(event.id, n + 1)
            self._index(event, n + 1)
            state.apply(event)  # checked when it was appended
        self._indexed = len(self._payloads)
        return state

    def _events(self, after: int) -> Iterator[Event]:
        """
        The events after position *after*, made again from their runs.
        """
        runs, payloads = self._runs, self._payloads
        run = bisect.bisect_right(runs, after, key=_first) - 1
        for n in range(after, len(payloads)):
            while run + 1 < len(runs) and runs[run + 1][0] <= n:
                run += 1
            _, kind, by, at = runs[run]
            yield _EVENT(kind, payloads[n], by=by, at=at)

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
            for n, event in enumerate(self._events(0), start=1):
                self._by_id.setdefault(event.id, n)
        found = {}
        for key in ids:
            place = self._by_id.get(key)
            if place is not None:
                found[key] = (place, next(self._events(place - 1)))
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
        return list(self._catch_up().names.get(key, ()))

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
        return list(self._catch_up().by_entity.get(key, ()))

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
        return self._catch_up().facts.get(claim)

    def facts(self, subject: str, predicate: str) -> list[tuple[str, Fact]]:
        """
        Every claim with a fact of *subject* and *predicate*, and the fact.
        """
        state = self._catch_up()
        members = state.match.get((subject, predicate))
        if members is None:
            return []
        ids = [members] if isinstance(members, str) else members
        return [(claim, state.facts[claim]) for claim in ids]

    def links(self, claim: str) -> list[tuple[str, str, tuple[str, ...]]]:
        """
        The claim's links: the other claim, the kind, the event ids.
        """
        state = self._catch_up()
        return [
            *(
                (other, _EXPLICIT, (link.id,))
                for other, link in state.explicit.get(claim, {}).items()
            ),
            *(
                (other, _REFUTING, tuple(ids))
                for other, ids in state.refuting.get(claim, {}).items()
            ),
        ]

    def close(self) -> None:
        """
        Nothing to let go of.
        """
