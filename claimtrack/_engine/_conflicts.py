"""
Which claims conflict with a claim, and why, in words a person can read.

The conflicts of a claim come from three places in the state: the claims
sharing its fact's subject and predicate (negation and value conflicts,
by `conflict`), the claims an analyst linked to it (explicit), and the
claims cited as refuting it or refuted by it. A lookup reads only the
claim's own entries, so it costs the same however many claims there are.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

from claimtrack._contradictions import (
    OPEN_HIGH,
    OPEN_LOW,
    Contradiction,
    ContradictionKind,
    Fact,
    conflict,
    kind_order,
)
from claimtrack._dates import Precision, When
from claimtrack._trusted import trusted


if TYPE_CHECKING:
    from collections.abc import Callable

    from claimtrack._engine._state import State
    from claimtrack._models import Actor, Claim, Proposition
    from claimtrack._predicates import Predicate


__all__ = [
    "Pair",
    "conflicts_of",
    "every_conflict",
    "explain",
    "explained",
]

Pair = tuple[str, str, ContradictionKind]


def conflicts_of(state: State, claim_id: str) -> list[Pair]:
    """
    The claim's conflicts, the other claims in the order added.
    """
    found: list[tuple[str, ContradictionKind]] = []
    facts = state.facts
    fact = facts.get(claim_id)
    if fact is not None:
        members = state.match[fact[:2]]
        if members.__class__ is list:  # else one claim alone: no conflict
            low, high = fact.low, fact.high
            declared = None
            looked = False  # the predicate is looked up once, if needed
            for other in members:
                theirs = facts[other]
                if theirs.high < low or high < theirs.low or other == claim_id:
                    continue  # never at the same time: no conflict
                if not looked:
                    declared = state.registry.declared(fact.predicate)
                    looked = True
                how = conflict(fact, theirs, declared)
                if how is not None:
                    found.append((other, how))
    if claim_id in state.explicit:
        found.extend(
            (other, ContradictionKind.EXPLICIT)
            for other in state.explicit[claim_id]
        )
    if claim_id in state.refuting:
        found.extend(
            (other, ContradictionKind.REFUTING_EVIDENCE)
            for other in state.refuting[claim_id]
        )
    if not found:
        return []
    seq = state.seq
    found.sort(key=lambda x: (seq[x[0]], kind_order(x[1])))
    return [(claim_id, other, how) for other, how in found]


def explained(state: State, claim_id: str) -> list[Contradiction]:
    """
    The claim's contradictions, each to be explained when read.
    """
    return [explain(state, *pair) for pair in conflicts_of(state, claim_id)]


def every_conflict(state: State) -> list[Pair]:
    """
    Every conflicting pair once per kind, the claim added first first.
    """
    seq = state.seq
    found: set[Pair] = set()
    for (_, predicate), members in state.match.items():
        if isinstance(members, str):
            continue  # a fact no other claim shares
        declared = state.registry.declared(predicate)
        ids = list(members)
        for n, first in enumerate(ids):
            fact = state.facts[first]
            for second in ids[n + 1 :]:
                how = conflict(fact, state.facts[second], declared)
                if how is not None:
                    found.add(_ordered(first, second, how, seq))
    for links, how in (
        (state.explicit, ContradictionKind.EXPLICIT),
        (state.refuting, ContradictionKind.REFUTING_EVIDENCE),
    ):
        for first, others in links.items():
            for second in others:
                found.add(_ordered(first, second, how, seq))
    return sorted(
        found, key=lambda x: (seq[x[0]], seq[x[1]], kind_order(x[2]))
    )


def explain(
    state: State,
    first: str,
    second: str,
    how: ContradictionKind,
    *,
    link: Contradiction | None = None,
) -> Contradiction:
    """
    The contradiction between two claims; its reason written when read.

    What the reason needs is taken from the state now (the claims, their
    speakers, facts and the actors they name), so the words come out the
    same whenever they are asked for, even after the tracker is closed.
    """
    a, b = state.claims[first], state.claims[second]
    said = (a, state.actors[a.speaker], b, state.actors[b.speaker])
    if how is ContradictionKind.EXPLICIT:
        link = link or state.explicit[first][second]
        return _CONTRADICTION(
            first,
            second,
            how,
            functools.partial(_linked_words, said, link.reason),
            by=link.by,
            at=link.at,
            note=link.note,
        )
    if how is ContradictionKind.REFUTING_EVIDENCE:
        ids = tuple(state.refuting[first][second])
        refuted = state.evidence_ids[ids[0]].claim
        cited = second if refuted == first else first
        return _CONTRADICTION(
            first,
            second,
            how,
            functools.partial(
                _refuting_words,
                said,
                state.claims[cited].text,
                state.claims[refuted].text,
            ),
            evidence=ids,
        )
    pa, pb = a.proposition, b.proposition
    assert pa is not None  # noqa: S101 -- has a fact
    assert pb is not None  # noqa: S101
    named = {
        value: actor.label
        for value in (pa.subject, pa.object, pb.object)
        if isinstance(value, str)
        and (actor := state.actors.get(value)) is not None
    }
    fa, fb = state.facts[first], state.facts[second]
    declared = state.registry.get(fa.predicate)
    return _CONTRADICTION(
        first,
        second,
        how,
        functools.partial(
            _content_words,
            how,
            said=said,
            propositions=(pa, pb),
            facts=(fa, fb),
            named=named,
            declared=declared,
        ),
    )


_CONTRADICTION: Callable[..., Contradiction] = trusted(Contradiction)
"""Make a contradiction of the state's own ids, without checking them."""

_Said = tuple["Claim", "Actor", "Claim", "Actor"]


def _both(said: _Said) -> str:
    a, a_by, b, b_by = said
    return f"{_says(a, a_by)}; {_says(b, b_by)}"


def _linked_words(said: _Said, why: str) -> str:
    return f"{_both(said)}: {why}"


def _refuting_words(said: _Said, cited: str, refuted: str) -> str:
    return (
        f"{_both(said)}: “{cited}” was cited as evidence refuting “{refuted}”"
    )


def _content_words(
    how: ContradictionKind,
    *,
    said: _Said,
    propositions: tuple[Proposition, Proposition],
    facts: tuple[Fact, Fact],
    named: dict[str, str],
    declared: Predicate | None,
) -> str:
    pa, pb = propositions
    when = _overlap_words(*facts)
    if how is ContradictionKind.NEGATION:
        return (
            f"{_both(said)}: one asserts and the other denies that "
            f"{_proposition_words(named, pa)}{when}"
        )
    tolerance = (
        f", more than {declared.tolerance} apart"
        if declared is not None and declared.tolerance is not None
        else ""
    )
    return (
        f"{_both(said)}: the {facts[0].predicate.replace('_', ' ')} of "
        f"{named.get(pa.subject, pa.subject)} has one value "
        f"at a time, and they give "
        f"{_object_words(named, pa.object)} and "
        f"{_object_words(named, pb.object)}"
        f"{tolerance}{when}"
    )


def _says(claim: Claim, speaker: Actor) -> str:
    when = claim.said.isoformat() if claim.said is not None else "undated"
    return f"{speaker.label} ({when}) says “{claim.text}”"


def _object_words(named: dict[str, str], value: object) -> str:
    if isinstance(value, str):
        return f"“{named.get(value, value)}”"
    return str(value)


def _proposition_words(named: dict[str, str], proposition: Proposition) -> str:
    return (
        f"{named.get(proposition.subject, proposition.subject)} "
        f"{proposition.predicate.replace('_', ' ')} "
        f"{_object_words(named, proposition.object)}"
    )


def _ordered(
    first: str, second: str, how: ContradictionKind, seq: dict[str, int]
) -> Pair:
    if seq[second] < seq[first]:
        first, second = second, first
    return (first, second, how)


def _overlap_words(a: Fact, b: Fact) -> str:
    low, high = max(a.low, b.low), min(a.high, b.high)
    if (low, high) == (OPEN_LOW, OPEN_HIGH):
        return ""  # both always hold
    # A valid time is a When or always: one bounded side bounds both ends.
    span = When.between(dt.date.fromordinal(low), dt.date.fromordinal(high))
    on = "on" if span.precision is Precision.DAY else "in"
    return f", both holding {on} {span.describe()}"
