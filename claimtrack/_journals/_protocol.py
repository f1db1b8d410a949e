"""
The journal protocol: where a tracker's events live.

A journal keeps a tracker's policy and its events in order, each at a
position (1, 2, 3, …), and beside them the state rows that let a lookup
read one claim's facts and links without the whole history. A Tracker
talks to its journal only through this protocol, so it behaves the same
over each: `MemoryJournal`, `SqliteJournal`.

Writing is a short transaction: `begin` takes the journal's write lock
and returns what other writers appended since the tracker's position; the
tracker catches up, checks its change against that state, and `append`
writes the change at the position it expects, or raises
`StaleWriteError` (nothing written) if the journal is elsewhere. A
returned `append` is durable as the journal promises.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol


if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from contextlib import AbstractContextManager

    from claimtrack._contradictions import Fact
    from claimtrack._engine import EntityRow, FactRow, LinkRow, NameRow
    from claimtrack._events import Event
    from claimtrack._evidence import Policy
    from claimtrack._models import Source


__all__ = ["Journal", "Positioned"]

Positioned = tuple[int, "Event"]
"""An event and its position in the journal."""


class Journal(Protocol):
    """
    Where a tracker's events live, behind one small interface.

    .. versionadded:: 0.1.0
    """

    @property
    def where(self) -> str:
        """
        Where the journal is, in words (a path, "memory").
        """
        ...

    def prepare(self, policy: Policy | None) -> Policy:
        """
        Make the journal ready, or check it; return its policy.

        Raises:
            ConflictError: If *policy* differs from the journal's own.
            InvalidDocumentError: If it is not a claimtrack journal, or of
                a newer layout than this claimtrack reads.
        """
        ...

    def read(self, after: int = 0) -> list[Positioned]:
        """
        The events after position *after*, in order.
        """
        ...

    def begin(self, after: int | None) -> list[Positioned]:
        """
        Take the write lock; return the events after position *after*.

        None reads nothing: a writer that reads what it needs inside the
        lock has nothing to catch up with.

        Raises:
            StoreBusyError: If another writer holds the lock too long.
        """
        ...

    def last(self) -> int:
        """
        The position of the last event; 0 if there is none.
        """
        ...

    keeps_rows: bool
    """
    Whether `append` keeps the state rows it is given.

    A journal that makes them itself from its events (the memory journal)
    says False, and a tracker does not compute them for it.
    """

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
        Append *events* (and state rows) at position *expected*; commit.

        *facts* replace the fact rows of their claims, *links* all the link
        rows of the claims they name, and *entities* and *names* are
        added.

        Returns:
            The position of the last event appended.

        Raises:
            StaleWriteError: If the journal's last position is not
                *expected*; nothing is written.
            StoreError: If the write fails; nothing is written.
        """
        ...

    def rollback(self) -> None:
        """
        Give up the write `begin` started, if any.
        """
        ...

    def reading(self) -> AbstractContextManager[None]:
        """
        Read in one snapshot: every keyed read sees the same state.
        """
        ...

    def events_by_id(self, ids: Iterable[str]) -> dict[str, Positioned]:
        """
        The events with these ids, with their positions.
        """
        ...

    def declared(self) -> list[Event]:
        """
        Every predicate-declared event, in order.
        """
        ...

    def revised(self, sources: Iterable[str | None]) -> bool:
        """
        Whether any of these sources had its text revised.
        """
        ...

    def has_revisions(self) -> bool:
        """
        Whether any source's text was revised.
        """
        ...

    def names(self, key: str) -> list[str]:
        """
        The actors with a name, alias or role of this name key.
        """
        ...

    def about(self, claim: str) -> list[Event]:
        """
        The events about a claim, in order.

        Those that add evidence, verdicts, a retraction or an explicit
        contradiction to it.
        """
        ...

    def spoken_by(self, actor: str) -> list[Positioned]:
        """
        The claim-added events of the claims this actor made, in order.
        """
        ...

    def entities(self, key: str) -> list[str]:
        """
        The claims whose subject or object is text with this name key.
        """
        ...

    def source_with_url(self, url: str) -> Source | None:
        """
        The first source added with this URL.
        """
        ...

    def fact(self, claim: str) -> Fact | None:
        """
        The claim's fact, if it has one.
        """
        ...

    def facts(self, subject: str, predicate: str) -> list[tuple[str, Fact]]:
        """
        Every claim with a fact of *subject* and *predicate*, and the fact.
        """
        ...

    def links(self, claim: str) -> list[tuple[str, str, tuple[str, ...]]]:
        """
        The claim's links: the other claim, the kind, the event ids.
        """
        ...

    def close(self) -> None:
        """
        Let go of what the journal holds open.
        """
        ...
