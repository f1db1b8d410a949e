"""
Hypothesis strategies for claimtrack's models and trackers.

This package is the implementation behind `claimtrack.strategies`; it
imports Hypothesis, which is an optional extra of claimtrack, and says how
to install it when it is missing.

The pieces, each importing only those listed before it:

- ``_common``: the vocabulary values are drawn from (texts, ids, names,
  URLs, instants, numbers) and the checks of options.
- ``_whens``: `When` values within bounds.
- ``_claims``: sources, spans, actors, quantities, propositions, claims.
- ``_judgements``: citations, evidence, rating scales, verdicts,
  retractions, tolerances, predicates and policies.
- ``_statements``: statements found in a source's text.
- ``_trackers``: whole trackers, built change by change.
- ``_derived``: what only a tracker makes (events, contradictions,
  revisions, support), for `st.from_type`.

Besides the public strategies, it holds the private ones that
`claimtrack._hypothesis` looks up here by name (``_events`` and the like),
and ``_range``, which the tests call on its own.
"""

import importlib


try:
    importlib.import_module("hypothesis")
except ImportError as exc:
    msg = (
        "claimtrack.strategies needs Hypothesis, an optional extra of "
        'claimtrack: pip install "claimtrack[hypothesis]"'
    )
    raise ImportError(msg, name=exc.name) from exc

from claimtrack._strategies._claims import (
    actors,
    claims,
    propositions,
    quantities,
    sources,
    spans,
)
from claimtrack._strategies._derived import _anchorings as _anchorings
from claimtrack._strategies._derived import _contradictions as _contradictions
from claimtrack._strategies._derived import _events as _events
from claimtrack._strategies._derived import _lineages as _lineages
from claimtrack._strategies._derived import _reanchored as _reanchored
from claimtrack._strategies._derived import _revisions as _revisions
from claimtrack._strategies._derived import _set_asides as _set_asides
from claimtrack._strategies._derived import _supports as _supports
from claimtrack._strategies._judgements import (
    citations,
    evidence,
    policies,
    predicates,
    rating_scales,
    retractions,
    tolerances,
    verdicts,
)
from claimtrack._strategies._statements import statements
from claimtrack._strategies._trackers import trackers
from claimtrack._strategies._whens import _range as _range
from claimtrack._strategies._whens import whens


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
