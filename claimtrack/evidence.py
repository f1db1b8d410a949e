"""
Evidence, verdicts and retractions, and the status that follows from them.

A piece of `Evidence` cites one thing (a `Citation`: a claim, a span, a
source or a URL) or a set of them, for or against a claim (its `Stance`).
A `Policy` derives a claim's `Status` from its evidence, counting support
in independent lineages; `Support` explains the count, with each `Lineage`
and each piece of evidence set aside (`SetAside`) and why. An analyst's
`Verdict` overrides the derived status, and a `Retraction` overrides both.

`Evidence`, `Stance`, `Status`, `Verdict` and `Policy` are also in the
top-level package.

.. versionadded:: 0.1.0
"""

from claimtrack._evidence import (
    Citation,
    Evidence,
    Lineage,
    Policy,
    Retraction,
    SetAside,
    Stance,
    Status,
    Support,
    Verdict,
)


__all__ = [
    "Citation",
    "Evidence",
    "Lineage",
    "Policy",
    "Retraction",
    "SetAside",
    "Stance",
    "Status",
    "Support",
    "Verdict",
]
