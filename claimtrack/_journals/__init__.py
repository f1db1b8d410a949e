"""
Journals: where a tracker's events live, behind one protocol.

- `Journal` (``_protocol``): the protocol every journal implements.
- `MemoryJournal` (``_memory``): a list in memory, what ``Tracker()`` uses.
- `SqliteJournal` (``_sqlite``): an SQLite file, what ``Tracker.open``
  uses; loaded when first used.
- `PostgresJournal` (``_postgres``): a tracker in a PostgreSQL database,
  what ``Tracker.open`` uses for a ``postgresql://`` URL; loaded (with
  psycopg) when first used.

A journal knows events, positions and state rows; it knows nothing of how
a tracker turns what a user passes into events.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from claimtrack._journals._memory import MemoryJournal
from claimtrack._journals._protocol import Journal, Positioned


if TYPE_CHECKING:
    import os


__all__ = [
    "Journal",
    "MemoryJournal",
    "Positioned",
    "open_journal",
    "wait_for",
]

_SCHEMES = ("postgresql://", "postgres://")
"""How a PostgreSQL URL starts (``_postgres.SCHEMES``, without psycopg)."""


def open_journal(
    target: str | os.PathLike[str],
    *,
    timeout: float = 5.0,
    create: bool = True,
    read_only: bool = False,
) -> Journal:
    """
    The journal a target names: PostgreSQL's for a URL, else SQLite's.

    A ``postgresql://`` (or ``postgres://``) URL names a tracker in a
    PostgreSQL database (`PostgresJournal`); anything else a file.

    The file is created if missing, unless *create* is False or
    *read_only* True; a file in a folder that does not exist is a
    `MissingFileError` either way. A store opened *read_only* (or a file
    the user may not write) is read without any write lock, and refuses
    writes with a `ReadOnlyStoreError`.
    """
    if isinstance(target, str) and target.startswith(_SCHEMES):
        from claimtrack._journals._postgres import (  # noqa: PLC0415
            PostgresJournal,
        )

        return PostgresJournal(
            target, timeout=timeout, create=create, read_only=read_only
        )
    from claimtrack._journals._sqlite import SqliteJournal  # noqa: PLC0415

    return SqliteJournal(target, timeout, create=create, read_only=read_only)


def wait_for(journal: Journal, after: int, timeout: float) -> bool:
    """
    Wait until *journal* holds events after *after*, or *timeout* seconds.

    A journal that can be woken (PostgreSQL's ``wait``) is waited on;
    another is asked its last position every 50 ms.

    Returns:
        Whether there are events after *after*.
    """
    wait = getattr(journal, "wait", None)
    if wait is not None:
        return bool(wait(after, timeout))
    deadline = time.monotonic() + timeout
    while journal.last() <= after:
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        time.sleep(min(_POLL, left))
    return True


_POLL = 0.05
"""How often `wait_for` asks a journal that cannot be woken, in seconds."""
