"""
Journals: where a tracker's events live, behind one protocol.

- `Journal` (``_protocol``): the protocol every journal implements.
- `MemoryJournal` (``_memory``): a list in memory, what ``Tracker()`` uses.
- `SqliteJournal` (``_sqlite``): an SQLite file, what ``Tracker.open``
  uses; loaded when first used.

A journal knows events, positions and state rows; it knows nothing of how
a tracker turns what a user passes into events.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimtrack._journals._memory import MemoryJournal
from claimtrack._journals._protocol import Journal, Positioned


if TYPE_CHECKING:
    import os


__all__ = ["Journal", "MemoryJournal", "Positioned", "open_journal"]


def open_journal(
    target: str | os.PathLike[str],
    *,
    timeout: float = 5.0,
    create: bool = True,
    read_only: bool = False,
) -> Journal:
    """
    The journal a target names: for now, an SQLite file at that path.

    The file is created if missing, unless *create* is False or
    *read_only* True; a file in a folder that does not exist is a
    `MissingFileError` either way. A store opened *read_only* (or a file
    the user may not write) is read without any write lock, and refuses
    writes with a `ReadOnlyStoreError`.
    """
    from claimtrack._journals._sqlite import SqliteJournal  # noqa: PLC0415

    return SqliteJournal(target, timeout, create=create, read_only=read_only)
