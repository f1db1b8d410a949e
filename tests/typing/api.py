"""
Type-checked usage of the public API: mypy --strict must accept this file.
"""

import datetime as dt

import attrs

import claimtrack as ct
from claimtrack.events import Event, EventKind
from claimtrack.evidence import Lineage, Retraction, Support
from claimtrack.scales import Rating, RatingScale


tracker: ct.Tracker = ct.Tracker()
source: ct.Source = tracker.add_source(
    ct.Source(
        "s",
        title="A title",
        published=dt.date(2025, 2, 4),
        text="Rubio spoke on Monday.",
        derived_from=("ap",),
    )
)
actor: ct.Actor = tracker.add_actor(
    ct.Actor("rubio", "Marco Rubio", aliases=("Rubio",))
)
span: ct.Span = source.span_of("Rubio spoke", occurrence=0)
claim: ct.Claim = tracker.add_claim(
    "Rubio spoke",
    speaker=actor,
    said="Monday",
    span=span,
    proposition=ct.Proposition("rubio", "spoke", ct.Quantity(1)),
    tags=["x"],
)
when: ct.When | None = claim.said
precision: ct.Precision | None = when.precision if when else None
found: list[ct.Claim] = tracker.claims(
    speaker="Rubio", said_between=("2025-02-01", None)
)
item: ct.Source | ct.Actor | ct.Claim = tracker.get(claim.id)
evolved: ct.Claim = attrs.evolve(claim, tags=("y",))
parsed: ct.When = ct.When.parse("Monday", reference=dt.date(2025, 2, 4))
overlap: bool = parsed.overlaps(ct.When.month(2025, 2))
try:
    tracker.actor("nobody")
except ct.UnknownActorError as error:
    field: str = error.field
    value: object = error.value

# Evidence, status, verdicts and history.
evidence: ct.Evidence = tracker.corroborate(
    claim,
    evidence=[source.span_of("Monday"), "https://example.org/a"],
    stance=ct.Stance.SUPPORTS,
    by="analyst",
    at=dt.datetime(2025, 2, 5, tzinfo=dt.UTC),
    note="two items, one set",
)
status: ct.Status = tracker.status(claim, policy=ct.Policy(min_sources=3))
support: Support = tracker.support(claim.id)
lineages: tuple[Lineage, ...] = support.lineages
verdict: ct.Verdict = tracker.rate(
    claim, 2.5, scale=RatingScale.numeric(1, 5), by="editor"
)
rating: Rating | None = verdict.rating
politifact: RatingScale = ct.scales.get("politifact")
retraction: Retraction = tracker.retract(claim, note="withdrawn")
history: list[Event] = tracker.history(claim)
kinds: list[EventKind] = [event.kind for event in history]
replayed: ct.Tracker = ct.Tracker.from_events(tracker.events())
same: bool = replayed == tracker

# The public modules, imported when first used, are typed as attributes.
anchoring: ct.anchoring.Anchoring = ct.anchoring.reanchor(
    source.span_of("Monday"), "It was said on Monday."
)
moved: bool = anchoring.kind is not ct.anchoring.AnchorKind.ORPHAN
first: ct.events.Event = ct.events.Event(
    ct.events.EventKind.SOURCE_ADDED, source
)
cited: ct.evidence.Citation = ct.evidence.Citation(url="https://example.org")
rated: ct.scales.Rating = ct.scales.Rating.TRUE
page: str = ct.reports.markdown(tracker)
code: int = ct.cli.ExitCode.OK
limit: int = ct.formats.MAX_BYTES
