"""
Support and status: what a claim's evidence says, counted by lineage.

Independence is counted by lineage: a source's lineage goes back to its
root sources, publishers and sites; a claim cited as evidence counts as
its speaker. Evidence from the claim's own lineage (its speaker, relays,
source, publisher or site) is set aside with the reason. The status
follows from the support, the contradictions, the verdicts and any
retraction (DESIGN §2.3).
"""

from __future__ import annotations

import urllib.parse
from typing import TYPE_CHECKING

from claimtrack._engine._conflicts import conflicts_of
from claimtrack._evidence import Status, assess
from claimtrack._text import name_key


if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from claimtrack._engine._state import State
    from claimtrack._evidence import Citation, Policy, Support, Verdict
    from claimtrack._models import Claim


__all__ = ["select", "status", "support", "verdict"]


def support(state: State, claim_id: str) -> Support:
    """
    Explain a stored claim's support: lineages, what was set aside, why.
    """
    target = state.claims[claim_id]
    return assess(
        target.id,
        _own_keys(state, target),
        state.evidence.get(target.id, {}).values(),
        lambda citation: _citation_keys(state, citation),
        lambda key: _set_aside_reason(state, target, key),
    )


def derived(state: State, claim_id: str, policy: Policy) -> Status:
    """
    The status a stored claim's evidence gives, verdicts aside.
    """
    return support(state, claim_id).status(
        policy, contradicted=bool(conflicts_of(state, claim_id))
    )


def verdict(state: State, claim_id: str) -> Verdict | None:
    """
    The verdict that counts: the latest that judges, or None.
    """
    judging = [
        v
        for v in state.verdicts.get(claim_id, {}).values()
        if v.rating is not None
    ]
    if not judging:
        return None
    order = {v.id: n for n, v in enumerate(judging)}
    return max(judging, key=lambda v: (v.at, order[v.id]))


def status(state: State, claim_id: str, policy: Policy) -> Status:
    """
    A stored claim's status: retracted, else rated, else derived.
    """
    if claim_id in state.retractions:
        return Status.RETRACTED
    found = verdict(state, claim_id)
    if found is not None and found.rating is not None:
        return Status.of_rating(found.rating)
    return derived(state, claim_id, policy)


def _source_keys(state: State, source_id: str) -> frozenset[str]:
    """
    What a source's lineage goes back to.

    Its root sources, and the publishers and sites along the way.
    """
    cached = state.keys.get(source_id)
    if cached is not None:
        return cached
    source = state.sources.get(source_id)
    if source is None:
        keys = frozenset({f"source:{source_id}"})
    else:
        found = set()
        if not source.derived_from:
            found.add(f"source:{source.id}")
        if source.publisher:
            found.add(f"publisher:{name_key(source.publisher)}")
        if source.url:
            found.add(f"site:{_site(source.url)}")
        for upstream in source.derived_from:
            found |= _source_keys(state, upstream)
        keys = frozenset(found)
    state.keys[source_id] = keys
    return keys


def _citation_keys(state: State, citation: Citation) -> frozenset[str]:
    if citation.claim is not None:
        return frozenset({f"actor:{state.claims[citation.claim].speaker}"})
    if citation.source is not None:
        return _source_keys(state, citation.source)
    url = str(citation.url)
    source = state.source_with_url(url)
    if source is not None:
        return _source_keys(state, source.id)
    return frozenset({f"site:{_site(url)}"})


def _own_keys(state: State, claim: Claim) -> frozenset[str]:
    keys = {f"actor:{claim.speaker}"}
    keys.update(f"actor:{relay}" for relay in claim.reported_by)
    if claim.source is not None:
        keys |= _source_keys(state, claim.source)
    return frozenset(keys)


def _set_aside_reason(state: State, claim: Claim, key: str) -> str:
    kind, _, value = key.partition(":")
    if kind == "actor":
        name = state.actors[value].label
        if value == claim.speaker:
            return (
                f"{name} is the claim's own speaker: repeating a claim "
                "does not corroborate it"
            )
        return f"{name} relayed the claim: relaying it does not confirm it"
    what = {
        "source": f"it goes back to {value!r}, as the claim's source does",
        "publisher": f"it has the claim's publisher ({value})",
    }
    return what.get(kind, f"it is from the claim's own site ({value})")


def _site(url: str) -> str:
    host = urllib.parse.urlsplit(url).hostname or url
    return host.removeprefix("www.")


def select(
    state: State,
    candidates: list[list[str]],
    window: tuple[dt.date, dt.date] | None,
    text: str | None,
) -> list[Claim]:
    """
    The claims in every candidate list, said within *window*, with *text*.

    Each candidate list is an index entry, in the order claims were added;
    without any, every claim is a candidate.
    """
    ids: Iterable[str]
    if candidates:
        smallest, *others = sorted(candidates, key=len)
        sets = [set(o) for o in others]
        ids = [i for i in smallest if all(i in o for o in sets)]
    else:
        ids = state.claims
    found = []
    for claim_id in ids:
        claim = state.claims[claim_id]
        if window is not None and not said_within(claim, window):
            continue
        if text is not None and not claim.matches_text(text):
            continue
        found.append(claim)
    return found


def said_within(claim: Claim, window: tuple[dt.date, dt.date]) -> bool:
    """
    Whether the claim was said wholly within the window of days.
    """
    return (
        claim.said is not None
        and window[0] <= claim.said.earliest
        and claim.said.latest <= window[1]
    )
