"""
The Hypothesis entry point: `st.from_type` for every claimtrack model.

Hypothesis calls `_hypothesis_setup_hook` when it is imported, if
claimtrack is installed (``[project.entry-points.hypothesis]`` in
``pyproject.toml``). This module imports nothing of Hypothesis itself, and
claimtrack never imports this module, so Hypothesis stays optional.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from claimtrack._anchor import Anchoring, Reanchored, Revision
from claimtrack._contradictions import Contradiction
from claimtrack._dates import When
from claimtrack._events import Event
from claimtrack._evidence import (
    Citation,
    Evidence,
    Lineage,
    Policy,
    Retraction,
    SetAside,
    Support,
    Verdict,
)
from claimtrack._models import (
    Actor,
    Claim,
    Proposition,
    Quantity,
    Source,
    Span,
)
from claimtrack._predicates import Predicate, Tolerance
from claimtrack._scales import RatingScale
from claimtrack._statement import Statement
from claimtrack._tracker import Tracker


if TYPE_CHECKING:
    from collections.abc import Callable

    from hypothesis.strategies import SearchStrategy


STRATEGIES: dict[type, str] = {
    Actor: "actors",
    Anchoring: "_anchorings",
    Citation: "citations",
    Claim: "claims",
    Contradiction: "_contradictions",
    Event: "_events",
    Evidence: "evidence",
    Lineage: "_lineages",
    Policy: "policies",
    Predicate: "predicates",
    Proposition: "propositions",
    Quantity: "quantities",
    RatingScale: "rating_scales",
    Reanchored: "_reanchored",
    Retraction: "retractions",
    Revision: "_revisions",
    SetAside: "_set_asides",
    Source: "sources",
    Span: "spans",
    Statement: "statements",
    Support: "_supports",
    Tolerance: "tolerances",
    Tracker: "trackers",
    Verdict: "verdicts",
    When: "whens",
}
"""Each model, and the name of its strategy in claimtrack._strategies."""


def _resolver(name: str) -> Callable[[type], SearchStrategy[Any]]:
    """
    A function giving the strategy *name*, importing it when first asked.

    Importing `claimtrack.strategies` imports Hypothesis, which runs this
    hook: the strategies are looked up only when a type is resolved.
    """

    def resolve(_: type) -> SearchStrategy[Any]:
        module = importlib.import_module("claimtrack._strategies")
        strategy: SearchStrategy[Any] = getattr(module, name)()
        return strategy

    return resolve


def _hypothesis_setup_hook() -> None:
    """
    Register a strategy for every claimtrack model with Hypothesis.
    """
    from hypothesis import strategies as st  # noqa: PLC0415

    for model, name in STRATEGIES.items():
        st.register_type_strategy(model, _resolver(name))
