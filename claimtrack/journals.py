"""
Journals: where a tracker's events live.

A `Tracker` keeps its events in a journal and behaves the same over each:
``Tracker()`` uses a `MemoryJournal`, ``Tracker.open(path)`` an
`SqliteJournal`, ``Tracker.open("postgresql://…")`` a `PostgresJournal`,
and ``Tracker(journal=...)`` any object that follows the `Journal`
protocol. A journal appends a write's events at the position its
writer expects, or raises `StaleWriteError` and writes nothing.

.. versionadded:: 0.1.0
"""

from claimtrack._journals import Journal, MemoryJournal
from claimtrack._journals._postgres import PostgresJournal
from claimtrack._journals._sqlite import SqliteJournal


__all__ = ["Journal", "MemoryJournal", "PostgresJournal", "SqliteJournal"]
