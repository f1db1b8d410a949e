"""
Re-anchoring: finding a span again after its source's text was revised.

`reanchor` finds a span in a new text: where it was, else by its quote
with the text around it, else by an approximate match that scores well
enough. It returns an `Anchoring` that says how (`AnchorKind`), or that
the span is ambiguous or lost. `Tracker.revise` records a `Revision` of a
source, with a `Reanchored` for every span that quoted it.

.. versionadded:: 0.1.0
"""

from claimtrack._anchor import (
    Anchoring,
    AnchorKind,
    Reanchored,
    Revision,
    reanchor,
)


__all__ = [
    "AnchorKind",
    "Anchoring",
    "Reanchored",
    "Revision",
    "reanchor",
]
