"""
Type-checked usage of claimtrack.strategies: mypy --strict must accept it.
"""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

import claimtrack as ct
from claimtrack import strategies as cst


claims: SearchStrategy[ct.Claim] = cst.claims(
    speaker=st.sampled_from(["rubio", "bukele"]),
    said=cst.whens(
        min_value=dt.date(2025, 2, 1),
        max_value=dt.date(2025, 2, 28),
        precision=st.just(ct.Precision.DAY),
    ),
)
spans: SearchStrategy[ct.Span] = cst.spans(
    source=st.just(ct.Source("s", text="Rubio spoke."))
)
trackers: SearchStrategy[ct.Tracker] = cst.trackers(
    min_claims=1, max_claims=4, contradictions=True, corroborations=None
)
evidence: SearchStrategy[ct.Evidence] = cst.evidence(
    stance=st.just(ct.Stance.SUPPORTS)
)
verdicts: SearchStrategy[ct.Verdict] = cst.verdicts(
    scale=st.just(ct.scales.POLITIFACT)
)
lazy: SearchStrategy[ct.Actor] = ct.strategies.actors()
inferred: SearchStrategy[ct.Claim] = st.from_type(ct.Claim)


@given(trackers)
def test_contradictions(tracker: ct.Tracker) -> None:
    """
    A property over drawn trackers type-checks.
    """
    assert tracker.contradictions()
