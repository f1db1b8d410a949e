"""
The engine: the state a tracker's events describe, and what follows from it.

- `State` (``_state``): the contents and indexes; one check and one apply
  per event kind. A partial state (`State.over`) is made of `Lazy` dicts
  (``_lazy``) that fetch what they lack from a `Loader`.
- ``_conflicts``: a claim's contradictions, with reasons.
- ``_support``: support counted by lineage, and status.
- ``_revisions``: re-anchoring spans when a source's text is revised.

The engine does no I/O: no files, no JSON, no SQL (the import contracts in
``pyproject.toml`` keep it so). Journals keep events; the Tracker makes
them.
"""

from claimtrack._engine import _conflicts, _revisions, _support
from claimtrack._engine._lazy import Lazy, Loader
from claimtrack._engine._state import (
    Changes,
    EntityRow,
    FactRow,
    LinkRow,
    NameRow,
    SpanKey,
    State,
    WholeStateNeeded,
)


__all__ = [
    "Changes",
    "EntityRow",
    "FactRow",
    "Lazy",
    "LinkRow",
    "Loader",
    "NameRow",
    "SpanKey",
    "State",
    "WholeStateNeeded",
    "_conflicts",
    "_revisions",
    "_support",
]
