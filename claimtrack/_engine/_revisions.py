"""
Revisions of a source's text: where every span quoting it goes.

A revision gives a source a new text and says, for each claim span and
evidence span on it, where the span was found again (by `anchor`) or that
it was lost or ambiguous (an orphan). Here are the revision event's check
and apply, and the re-anchoring the Tracker asks for before it makes one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from claimtrack._anchor import (
    Anchoring,
    AnchorKind,
    Kept,
    Reanchored,
    Revision,
    anchor,
)
from claimtrack._events import Event, EventKind
from claimtrack.exceptions import (
    ConflictError,
    InvalidValueError,
    SpanMismatchError,
)


if TYPE_CHECKING:
    from claimtrack._engine._data import SpanKey, StateData
    from claimtrack._models import Source, Span


__all__ = ["apply", "check", "latest", "reanchor_all"]


def reanchor_all(
    state: StateData, source: Source, text: str, min_score: float
) -> tuple[Reanchored, ...]:
    """
    Find every span on *source* in its new *text*.
    """
    lost = state.orphans.get(source.id, {})
    kept: dict[int | None, Kept | None] = {}
    found = []
    for key, span in spans_on(state, source.id).items():
        # A span is looked for as of the text it was true to: the current
        # one, or, for an orphan, the one before it was lost.
        since = lost[key][1] if key in lost else None
        if since not in kept:
            old = _text_before(state, source.id, since)
            kept[since] = None if old is None else Kept(old, text)
        claim, evidence, item = key
        anchoring = anchor(span, text, min_score, kept[since])
        found.append(
            Reanchored(claim, anchoring, evidence=evidence, item=item)
        )
    return tuple(found)


def _text_before(
    state: StateData, source_id: str, number: int | None
) -> str | None:
    """
    The source's text before revision *number*; None: its current text.
    """
    if number is None:
        return state.sources[source_id].text
    if number == 1:
        return state.first_sources[source_id].text
    return state.revisions[source_id][number - 2].text


def spans_on(state: StateData, source_id: str) -> dict[SpanKey, Span]:
    """
    Every span on the source, orphans' last spans included, in order.
    """
    lost = state.orphans.get(source_id, {})
    spans: dict[SpanKey, Span] = {}

    def note(key: SpanKey, span: Span | None) -> None:
        if span is not None:
            spans[key] = span
        elif key in lost:
            spans[key] = lost[key][0].anchoring.span

    for claim_id in state.by_source.get(source_id, ()):
        note((claim_id, None, None), state.claims[claim_id].span)
    for evidence in state.evidence_ids.values():
        for item, citation in enumerate(evidence.items):
            if citation.source == source_id:
                note((evidence.claim, evidence.id, item), citation.span)
    return spans


def latest(state: StateData, source: Source) -> Revision:
    """
    The revision that gave *source* its text; revision 0 if none did.
    """
    done = state.revisions.get(source.id)
    if done:
        return done[-1]
    added = next(
        event
        for event in state.log
        if isinstance(event, Event)
        and event.kind is EventKind.SOURCE_ADDED
        and event.payload.id == source.id
    )
    return Revision(
        source.id,
        0,
        source.text or "",
        spans=[
            Reanchored(
                claim,
                Anchoring(span, AnchorKind.POSITION, found=span, score=1),
                evidence=evidence,
                item=item,
            )
            for (claim, evidence, item), span in spans_on(
                state, source.id
            ).items()
        ],
        by=added.by,
        at=added.at,
    )


def check(state: StateData, revision: Revision) -> bool:
    """
    Check a revision follows the source's last, and moves every span.
    """
    if revision.id in state.revision_ids:
        return False
    source = state.source(revision.source)
    done = len(state.revisions.get(source.id, ()))
    if revision.number != done + 1:
        raise ConflictError(
            "number",
            revision.number,
            f"source {source.id!r} has had {done} revision(s), so the "
            f"next is number {done + 1}",
        )
    expected = spans_on(state, source.id)
    revised = attrs.evolve(source, text=revision.text)
    seen: set[SpanKey] = set()
    for n, entry in enumerate(revision.spans):
        field = f"spans[{n}]"
        if entry.key in seen:
            raise InvalidValueError(
                field, str(entry), "the revision moves this span twice"
            )
        seen.add(entry.key)
        if expected.get(entry.key) != entry.anchoring.span:
            raise ConflictError(
                f"{field}.anchoring.span",
                entry.anchoring.span,
                f"is not a span the tracker holds for {_whose(entry.key)}",
            )
        place = entry.anchoring.found
        if place is not None and (
            place.end > len(revision.text)
            or revised.span_at(place.start, place.end) != place
        ):
            raise SpanMismatchError(
                f"{field}.anchoring.found",
                place,
                "is not true to the revised text",
            )
    missing = [key for key in expected if key not in seen]
    if missing:
        raise ConflictError(
            "spans",
            len(revision.spans),
            f"the revision does not say where the span of "
            f"{_whose(missing[0])} went",
        )
    return True


def apply(state: StateData, revision: Revision) -> None:
    """
    Give the source its new text, and each span its new place.
    """
    source = state.sources[revision.source]
    state.first_sources.setdefault(source.id, source)
    state.sources[source.id] = attrs.evolve(source, text=revision.text)
    state.revisions.setdefault(source.id, []).append(revision)
    state.revision_ids[revision.id] = revision
    lost = state.orphans.setdefault(source.id, {})
    for entry in revision.spans:
        place = entry.anchoring.found
        if place is None:
            since = lost.get(entry.key, (entry, revision.number))[1]
            lost[entry.key] = (entry, since)
        else:
            lost.pop(entry.key, None)
        if entry.evidence is None:
            claim = state.claims[entry.claim]
            state.claims[claim.id] = attrs.evolve(claim, span=place)
            continue
        evidence = state.evidence_ids[entry.evidence]
        state.first_evidence.setdefault(evidence.id, evidence)
        assert entry.item is not None  # noqa: S101 -- it has evidence
        items = list(evidence.items)
        items[entry.item] = attrs.evolve(items[entry.item], span=place)
        moved = attrs.evolve(evidence, items=tuple(items))
        state.evidence_ids[evidence.id] = moved
        state.evidence[evidence.claim][evidence.id] = moved


def _whose(key: SpanKey) -> str:
    claim, evidence, item = key
    if evidence is None:
        return f"claim {claim!r}"
    return f"evidence {evidence!r} [{item}] on claim {claim!r}"
