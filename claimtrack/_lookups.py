"""
A tracker's state over a journal, read only as far as an operation needs.

A tracker opened over a journal reads nothing until it is used. A small
operation — one claim's questions, adding a claim, citing evidence,
merging a few events — runs on a partial `State` (`partial`) whose dicts
fetch what they lack through `JournalLoader`, the journal's keyed reads:
the event that added a claim, a claim's evidence and verdicts, the facts
sharing a subject and predicate, a claim's links, the claims a text names.
The engine's code is the same over it, so the answers and the events are
the same as over the whole state. What a revision changed (a revised
source, the claims and evidence quoting it) is not read in part: the
loader asks for the whole state instead (`WholeStateNeeded`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from claimtrack._engine import State, WholeStateNeeded
from claimtrack._evidence import Evidence
from claimtrack._models import Claim, Source
from claimtrack._validators import is_text


if TYPE_CHECKING:
    from collections.abc import Iterable

    from claimtrack._contradictions import Contradiction, Fact
    from claimtrack._events import Event
    from claimtrack._journals import Journal
    from claimtrack._models import Actor
    from claimtrack._predicates import Predicate


__all__ = ["JournalLoader", "partial"]


class JournalLoader:
    """
    What a partial state lacks, read from a journal by key.
    """

    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self.revisions = journal.has_revisions()

    def _refuse_revised(self, payloads: Iterable[object]) -> None:
        """
        Ask for the whole state if a revision changed any of *payloads*.

        A revised source, or a claim or evidence quoting one.
        """
        if not self.revisions:
            return
        sources: list[str | None] = []
        for payload in payloads:
            if isinstance(payload, Source):
                sources.append(payload.id)
            elif isinstance(payload, Claim):
                sources.append(payload.source)
            elif isinstance(payload, Evidence):
                sources.extend(item.source for item in payload.items)
        if self.journal.revised(sources):
            raise WholeStateNeeded  # a revision changed it since

    def _found(self, key: str) -> tuple[int, Event] | None:
        if not is_text(key):  # no id stored is, and no store can look
            return None  # it up: the caller names the fault
        found = self.journal.events_by_id([key]).get(key)
        if found is not None:
            self._refuse_revised([found[1].payload])
        return found

    def _payload(self, key: str) -> object:
        found = self._found(key)
        return None if found is None else found[1].payload

    def actor(self, actor: str) -> Actor | None:
        """
        The actor with this id.
        """
        return cast("Actor | None", self._payload(f"actor-added:{actor}"))

    def named(self, key: str) -> list[str]:
        """
        The actors with a name, alias or role of this name key.
        """
        return self.journal.names(key)

    def claim(self, claim: str) -> tuple[int, Event] | None:
        """
        The event that added the claim, and its position.
        """
        return self._found(f"claim-added:{claim}")

    def source(self, source: str) -> Source | None:
        """
        The source with this id.
        """
        return cast("Source | None", self._payload(f"source-added:{source}"))

    def evidence(self, evidence: str) -> Evidence | None:
        """
        The evidence with this id.
        """
        return cast(
            "Evidence | None", self._payload(f"evidence-added:{evidence}")
        )

    def about(self, claim: str) -> list[Event]:
        """
        The events about the claim, in order.
        """
        found = self.journal.about(claim)
        self._refuse_revised(event.payload for event in found)
        return found

    def fact(self, claim: str) -> Fact | None:
        """
        The claim's fact, as the journal keeps it.
        """
        return self.journal.fact(claim)

    def facts(self, subject: str, predicate: str) -> list[tuple[str, Fact]]:
        """
        The claims with a fact of this subject and predicate.
        """
        return self.journal.facts(subject, predicate)

    def links(self, claim: str) -> list[tuple[str, str, tuple[str, ...]]]:
        """
        The claim's links: the other claim, the kind, the event ids.
        """
        return self.journal.links(claim)

    def contradiction(self, link: str) -> Contradiction:
        """
        The explicit contradiction with this id.
        """
        return cast(
            "Contradiction", self._payload(f"contradiction-added:{link}")
        )

    def spoken_by(self, actor: str) -> list[tuple[int, Event]]:
        """
        The claim-added events of the claims this actor made, and where.
        """
        found = self.journal.spoken_by(actor)
        self._refuse_revised(event.payload for _, event in found)
        return found

    def entities(self, key: str) -> list[str]:
        """
        The claims whose subject or object is text with this name key.
        """
        return self.journal.entities(key)

    def source_with_url(self, url: str) -> Source | None:
        """
        The first source added with this URL.
        """
        found = self.journal.source_with_url(url)
        if found is not None:
            self._refuse_revised([found])
        return found


def partial(journal: Journal, position: int) -> State:
    """
    A partial state of what *journal* holds at *position*, its last event.
    """
    return State.over(
        JournalLoader(journal),
        predicates=[cast("Predicate", e.payload) for e in journal.declared()],
        position=position,
    )
