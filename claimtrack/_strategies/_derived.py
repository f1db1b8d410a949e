"""
Strategies for what only a tracker makes, for `st.from_type`.

Events, contradictions, revisions of a source's text and how its spans
were found again, support and its lineages, and evidence set aside: each
is drawn from trackers built as `trackers` builds them, or made the way a
tracker makes it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from hypothesis import strategies as st

from claimtrack._evidence import SetAside
from claimtrack._models import Actor
from claimtrack._strategies._claims import sources, spans
from claimtrack._strategies._common import _ALPHABET, _TEXTS
from claimtrack._strategies._trackers import trackers
from claimtrack._tracker import Tracker


if TYPE_CHECKING:
    from hypothesis.strategies import DrawFn, SearchStrategy

    from claimtrack._anchor import Anchoring, Reanchored, Revision
    from claimtrack._contradictions import Contradiction
    from claimtrack._events import Event
    from claimtrack._evidence import Lineage, Support


_T0 = dt.datetime(2025, 2, 4, tzinfo=dt.UTC)  # when drawn revisions are made


def _events() -> SearchStrategy[Event]:
    """
    Events of drawn trackers.
    """
    return trackers(min_claims=1).flatmap(
        lambda t: st.sampled_from(t.events())
    )


def _contradictions() -> SearchStrategy[Contradiction]:
    """
    Contradictions found in drawn trackers.
    """
    return trackers(contradictions=True).flatmap(
        lambda t: st.sampled_from(t.contradictions())
    )


@st.composite
def _revised(draw: DrawFn) -> tuple[Tracker, Revision]:
    """
    A tracker with a claim quoting a source, and a revision of its text.

    The revision inserts, deletes or replaces a piece of the text, so its
    spans move, stay, are found approximately, or are lost.
    """
    source = draw(sources(text=_TEXTS, url=st.none()))
    span = draw(spans(source=st.just(source)))
    text = source.text or ""
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    revised = text[:start] + draw(st.text(_ALPHABET, max_size=20)) + text[end:]
    tracker = Tracker()
    tracker.add_actor(Actor("speaker", "Speaker"), at=_T0)
    tracker.add_source(source, at=_T0)
    tracker.add_claim("a claim", speaker="speaker", span=span, at=_T0)
    return tracker, tracker.revise(source, revised, at=_T0)


def _revisions() -> SearchStrategy[Revision]:
    """
    Revisions of drawn sources, as a tracker makes them.
    """
    return _revised().map(lambda pair: pair[1])


def _reanchored() -> SearchStrategy[Reanchored]:
    """
    How the spans of drawn revisions were found again, or lost.
    """
    return _revisions().flatmap(lambda r: st.sampled_from(r.spans))


def _anchorings() -> SearchStrategy[Anchoring]:
    """
    Spans of drawn sources re-anchored in drawn revisions of their text.
    """
    return _reanchored().map(lambda r: r.anchoring)


def _supports() -> SearchStrategy[Support]:
    """
    How the claims of drawn trackers are supported.
    """
    return trackers(min_claims=1).flatmap(
        lambda t: st.sampled_from(list(t)).map(t.support)
    )


def _lineages() -> SearchStrategy[Lineage]:
    """
    The lineages of support of drawn trackers' claims.
    """
    return _supports().flatmap(lambda s: st.sampled_from(s.lineages))


def _set_asides() -> SearchStrategy[SetAside]:
    """
    Evidence set aside, with reasons as a tracker gives them.
    """
    return st.builds(
        SetAside,
        st.from_regex(r"evidence-[0-9a-f]{16}", fullmatch=True),
        st.sampled_from(
            [
                (
                    "Marco Rubio is the claim's own speaker: repeating a "
                    "claim does not corroborate it"
                ),
                "it goes back to 'ap', as the claim's source does",
                "it has the claim's publisher (india tv)",
                "it is from the claim's own site (apnews.com)",
            ]
        ),
    )
