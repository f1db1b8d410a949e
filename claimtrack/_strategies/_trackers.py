"""
Strategies for whole trackers, consistent throughout.

`trackers` adds sources, actors and claims to a `Tracker` one change at a
time, each by an analyst a minute after the last, with evidence, verdicts,
retractions, declarations and links along the way; and plants a
contradiction or an independent corroboration when asked to.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import urllib.parse
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from claimtrack._contradictions import ContradictionKind
from claimtrack._evidence import Policy, Stance
from claimtrack._models import Claim, Polarity, Proposition, Quantity
from claimtrack._predicates import Predicate
from claimtrack._strategies._claims import (
    _span_in,
    actors,
    quantities,
    sources,
)
from claimtrack._strategies._common import (
    _ANALYSTS,
    _PREDICATES,
    _STATEMENTS,
    _TAGS,
    _THINGS,
    _URLS,
    _check_flag,
    _check_size,
    _drawn,
    _strategy,
)
from claimtrack._strategies._judgements import predicates, rating_scales
from claimtrack._strategies._whens import whens
from claimtrack._tracker import Tracker
from claimtrack.exceptions import (
    AmbiguousActorError,
    ConflictError,
    UnknownActorError,
)


if TYPE_CHECKING:
    from collections.abc import Sequence

    from hypothesis.strategies import DrawFn, SearchStrategy

    from claimtrack._models import Actor, Source


_T = TypeVar("_T")

_MAYBE_TRACKER_DATES = st.none() | whens(
    min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31)
)
_QUANTITIES = quantities()
_TAG_LISTS = st.lists(_TAGS, max_size=3)
_RATING_SCALES = rating_scales()
_DECLARATIONS = predicates()
_MINUTES = st.integers(0, 60 * 24 * 365 * 5)
_CLAIM_CAP = 8  # how many claims a tracker has at most, unless told
# A value conflict is planted with this predicate, declared single-valued
# by the builder alone: no declaration drawn names it.
_PLANTED_PREDICATE = "value_of"
# The parts of a tracker, unless told: trackers() has options named so.
_SOURCE_LISTS = st.lists(sources(), max_size=3, unique_by=lambda s: s.id)
_ACTOR_LISTS = [  # by the fewest actors needed
    st.lists(actors(), min_size=n, max_size=4, unique_by=lambda a: a.id)
    for n in (0, 1)
]


def _pick(draw: DrawFn, items: Sequence[_T]) -> _T:
    """
    One of *items*, shrinking towards the first.

    Drawing an index reuses one cached strategy, where ``st.sampled_from``
    would build and check a new one for every list.
    """
    return items[draw(st.integers(0, len(items) - 1))]


class _Builder:
    """
    Builds one tracker from draws, each change by an analyst at a time.
    """

    def __init__(
        self,
        draw: DrawFn,
        tracker: Tracker,
        *,
        contradictions: bool | None,
        corroborations: bool | None,
    ) -> None:
        self.draw = draw
        self.tracker = tracker
        self.contradictions = contradictions
        self.corroborations = corroborations
        self.clock = dt.datetime(2025, 1, 1, tzinfo=dt.UTC) + dt.timedelta(
            minutes=draw(_MINUTES)
        )
        self.actor_ids: list[str] = []
        self.claim_ids: list[str] = []

    def stamp(self) -> dict[str, Any]:
        """
        Who makes the next change, and when: a minute after the last.
        """
        self.clock += dt.timedelta(minutes=1)
        return {"by": self.draw(_ANALYSTS), "at": self.clock}

    def maybe(self) -> bool:
        """
        Whether to do something optional; shrinks towards not doing it.
        """
        return self.draw(st.booleans())

    def add_sources(self, drawn: list[Source]) -> None:
        # A source derives only from sources before it, or from ones the
        # tracker does not hold: lineages have no cycles.
        later = {s.id for s in drawn}
        for source in drawn:
            later.discard(source.id)
            upstream = tuple(u for u in source.derived_from if u not in later)
            if upstream != source.derived_from:
                source = attrs.evolve(source, derived_from=upstream)  # noqa: PLW2901
            self.tracker.add_source(source, **self.stamp())

    def add_actors(self, drawn: list[Actor]) -> None:
        for actor in drawn:
            while actor.id in self.tracker:  # a source has this id
                actor = attrs.evolve(actor, id=f"{actor.id}-actor")  # noqa: PLW2901
            self.tracker.add_actor(actor, **self.stamp())
            self.actor_ids.append(actor.id)

    def entity(self, value: str) -> str:
        """
        *value*, or an actor's id if the tracker could not tell whose it is.
        """
        try:
            self.tracker.actor(value)
        except AmbiguousActorError:
            return _pick(self.draw, self.actor_ids)
        except UnknownActorError:
            pass
        return value

    def proposition(self) -> Proposition:
        draw = self.draw
        subject = (
            _pick(draw, self.actor_ids) if self.maybe() else draw(_THINGS)
        )
        obj: str | Quantity = draw(_THINGS)
        if self.maybe():
            obj = (
                _pick(draw, self.actor_ids)
                if self.maybe()
                else draw(_QUANTITIES)
            )
        denied = self.contradictions is not False and self.maybe()
        return Proposition(
            self.entity(subject),
            draw(_PREDICATES),
            self.entity(obj) if isinstance(obj, str) else obj,
            polarity=Polarity.DENIED if denied else Polarity.ASSERTED,
            valid=draw(_MAYBE_TRACKER_DATES),
        )

    def claim(self, proposition: Proposition | None = None) -> Claim:
        """
        Add a claim by one of the actors, quoting one of the sources or not.
        """
        draw = self.draw
        speaker = _pick(draw, self.actor_ids)
        held = self.tracker.sources()
        source = _pick(draw, held) if held and self.maybe() else None
        span = (
            _span_in(draw, source, source.text)
            if source is not None and source.text
            else None
        )
        others = [a for a in self.actor_ids if a != speaker]
        relays = (
            [
                others[n]
                for n in draw(
                    st.lists(
                        st.integers(0, len(others) - 1),
                        max_size=2,
                        unique=True,
                    )
                )
            ]
            if others
            else []
        )
        if proposition is None and self.maybe():
            proposition = self.proposition()
        text = draw(_STATEMENTS)
        said = draw(_MAYBE_TRACKER_DATES)
        where = source.id if source is not None else None
        drawn = Claim.make_id(
            text, speaker, said=said, source=where, span=span
        )
        claim_id, number = drawn, 1
        while claim_id in self.tracker:  # the same claim drawn again
            number += 1
            claim_id = f"{drawn}-{number}"
        claim = Claim(
            claim_id,
            text,
            speaker,
            said=said,
            span=span,
            source=where,
            reported_by=relays,
            proposition=proposition,
            tags=draw(_TAG_LISTS),
        )
        stored = self.tracker.add_claim(claim, **self.stamp())
        self.claim_ids.append(stored.id)
        return stored

    def citation(self, target: str, *, claims_allowed: bool) -> object:
        """
        Something to cite as evidence on *target*: any kind the tracker has.
        """
        draw = self.draw
        held = self.tracker.sources()
        others = [c for c in self.claim_ids if c != target]
        kinds = ["url"]
        if others and claims_allowed:
            kinds.append("claim")
        if held:
            kinds.append("source")
        kind = _pick(draw, kinds)
        if kind == "claim":
            return _pick(draw, others)
        if kind == "source":
            source = _pick(draw, held)
            if source.text and self.maybe():
                return _span_in(draw, source, source.text)
            return source.id
        urls = [s.url for s in held if s.url]
        return _pick(draw, urls) if urls and self.maybe() else draw(_URLS)

    def corroborate(self) -> None:
        draw = self.draw
        target = _pick(draw, self.claim_ids)
        stances = [
            s
            for s in Stance
            if s is not Stance.SUPPORTS or self.corroborations is not False
        ]
        stance = _pick(draw, stances)
        claims_allowed = (
            stance is not Stance.REFUTES or self.contradictions is not False
        )
        items = [
            self.citation(target, claims_allowed=claims_allowed)
            for _ in range(draw(st.integers(1, 2)))
        ]
        self.tracker.corroborate(
            target,
            evidence=items if len(items) > 1 else items[0],
            stance=stance,
            **self.stamp(),
        )

    def rate(self) -> None:
        draw = self.draw
        target = _pick(draw, self.claim_ids)
        scale = draw(_RATING_SCALES)
        label = _pick(draw, scale.label_names)
        self.tracker.rate(target, label, scale=scale, **self.stamp())

    def retract(self) -> None:
        target = _pick(self.draw, self.claim_ids)
        self.tracker.retract(target, **self.stamp())

    def link(self) -> None:
        ids = self.claim_ids
        first = self.draw(st.integers(0, len(ids) - 1))
        second = self.draw(st.integers(0, len(ids) - 2))
        second += second >= first  # any claim but the first
        self.tracker.contradict(ids[first], ids[second], **self.stamp())

    def declare(self) -> None:
        # One that clashes with an earlier declaration is left out.
        with contextlib.suppress(ConflictError):
            self.tracker.declare(self.draw(_DECLARATIONS), **self.stamp())

    def change(self) -> None:
        """
        Make one change other than adding a claim, if there is a claim.
        """
        changes = [self.corroborate, self.rate, self.retract]
        if self.contradictions is not False:
            changes.append(self.declare)
            if len(self.claim_ids) > 1:
                changes.append(self.link)
        _pick(self.draw, changes)()

    def plant_contradiction(self) -> None:
        """
        Add two claims that contradict each other, in one of four ways.
        """
        draw = self.draw
        how = _pick(draw, list(ContradictionKind))
        base = attrs.evolve(self.proposition(), polarity=Polarity.ASSERTED)
        other = None
        if how is ContradictionKind.NEGATION:
            other = base.negated()
        elif how is ContradictionKind.VALUE_CONFLICT:
            # A predicate declared single-valued, given two numbers.
            self.tracker.declare(
                Predicate(_PLANTED_PREDICATE, single_valued=True),
                **self.stamp(),
            )
            number = draw(_QUANTITIES)
            base = attrs.evolve(
                base, predicate=_PLANTED_PREDICATE, object=number
            )
            other = attrs.evolve(
                base, object=Quantity(int(number.value == 0), number.unit)
            )
        first = self.claim(base)
        second = self.claim(other)
        if how is ContradictionKind.EXPLICIT:
            self.tracker.contradict(first, second, **self.stamp())
        elif how is ContradictionKind.REFUTING_EVIDENCE:
            self.tracker.corroborate(
                first, evidence=second, stance=Stance.REFUTES, **self.stamp()
            )

    def plant_corroboration(self) -> None:
        """
        Support a claim with a URL on a site no source of the tracker has.
        """
        held = self.claim_ids
        target = _pick(self.draw, held) if held else self.claim().id
        sites = {
            urllib.parse.urlsplit(s.url).hostname
            for s in self.tracker.sources()
            if s.url
        }
        number = 0
        while f"corroboration-{number}.example" in sites:
            number += 1
        self.tracker.corroborate(
            target,
            evidence=f"https://corroboration-{number}.example/",
            stance=Stance.SUPPORTS,
            **self.stamp(),
        )


@st.composite
def trackers(
    draw: DrawFn,
    *,
    sources: SearchStrategy[Source] | None = None,
    actors: SearchStrategy[Actor] | None = None,
    min_claims: int = 0,
    max_claims: int | None = None,
    contradictions: bool | None = None,
    corroborations: bool | None = None,
    policy: SearchStrategy[Policy] | None = None,
) -> Tracker:
    """
    Draw trackers whose every part is consistent.

    A tracker holds a few sources and actors, and claims by those actors
    that quote those sources truly. Along the way analysts add evidence,
    rate claims, record retractions, declare predicates and link claims
    that cannot both hold, each change with its author and a time, so the
    history is a realistic one.

    Args:
        sources: A strategy for the tracker's sources; their ids are made
            unique and their lineages free of cycles.
        actors: A strategy for its actors; their ids are made unique.
        min_claims: The fewest claims the tracker holds.
        max_claims: The most claims it holds; a few by default.
        contradictions: True for a tracker with at least one contradiction
            (``tracker.contradictions()`` is not empty); False for one with
            none; None (the default) for either.
        corroborations: True for a tracker where at least one claim has
            independent support (``tracker.support(claim).supported``);
            False for one without supporting evidence; None for either.
        policy: A strategy for the tracker's `Policy`; the two-source rule
            by default.

    Raises:
        InvalidArgument: If an option has the wrong type, ``max_claims`` is
            below ``min_claims``, or too low for the contradictions or
            corroborations asked for.

    .. versionadded:: 0.1.0
    """
    low = _check_size("min_claims", min_claims)
    _check_flag("contradictions", contradictions)
    _check_flag("corroborations", corroborations)
    reserve = 2 if contradictions else 0  # the claims that contradict
    if max_claims is None:
        high = max(low, reserve) + _CLAIM_CAP
    else:
        high = _check_size("max_claims", max_claims, minimum=low)
    if high < reserve:
        raise InvalidArgument(
            f"max_claims={high} leaves no room for two claims that "
            "contradict each other"
        )
    if corroborations and high < 1:
        raise InvalidArgument(
            "max_claims=0 leaves no room for a claim to corroborate"
        )
    chosen = draw(_strategy("policy", policy, st.just(Policy())))
    _drawn("policy", chosen, Policy)
    builder = _Builder(
        draw,
        Tracker(policy=chosen),
        contradictions=contradictions,
        corroborations=corroborations,
    )
    count = draw(st.integers(max(low - reserve, 0), high - reserve))
    builder.add_sources(
        draw(
            _SOURCE_LISTS
            if sources is None
            else st.lists(
                _strategy("sources", sources, st.nothing()),
                max_size=3,
                unique_by=lambda s: s.id,
            )
        )
    )
    needed = int(bool(count or reserve or corroborations))
    builder.add_actors(
        draw(
            _ACTOR_LISTS[needed]
            if actors is None
            else st.lists(
                _strategy("actors", actors, st.nothing()),
                min_size=needed,
                max_size=4,
                unique_by=lambda a: a.id,
            )
        )
    )
    for _ in range(count):
        builder.claim()
        for _ in range(draw(st.integers(0, 2))):
            builder.change()
    if contradictions:
        builder.plant_contradiction()
    if corroborations:
        builder.plant_corroboration()
    return builder.tracker
