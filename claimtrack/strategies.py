"""
Hypothesis strategies for claimtrack's models and trackers.

Property-test your own claim logic with values that are valid and
consistent: spans true to their source's text, dates within bounds, claims
whose actors and sources are in the same tracker. Every option is
keyword-only and takes a strategy, as Hypothesis's own strategies do::

    from hypothesis import given, strategies as st
    from claimtrack import strategies as cst

    @given(cst.trackers(contradictions=True))
    def test_every_conflict_is_reported(tracker): ...

Hypothesis is an optional extra: ``pip install "claimtrack[hypothesis]"``.
Once claimtrack is installed, ``st.from_type(claimtrack.Claim)`` (and every
other model) works too.

.. versionadded:: 0.1.0
"""

from claimtrack._strategies import (
    actors,
    citations,
    claims,
    evidence,
    policies,
    predicates,
    propositions,
    quantities,
    rating_scales,
    retractions,
    sources,
    spans,
    statements,
    tolerances,
    trackers,
    verdicts,
    whens,
)


__all__ = [
    "actors",
    "citations",
    "claims",
    "evidence",
    "policies",
    "predicates",
    "propositions",
    "quantities",
    "rating_scales",
    "retractions",
    "sources",
    "spans",
    "statements",
    "tolerances",
    "trackers",
    "verdicts",
    "whens",
]
