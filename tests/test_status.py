"""
Tests for corroboration, derived status, verdicts, retractions and history.
"""

import datetime as dt
import importlib.util
import itertools
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack._evidence import _pack
from claimtrack.events import Event, EventKind
from claimtrack.evidence import Citation, Lineage, Retraction, Support


ROOT = Path(__file__).resolve().parent.parent
T0 = dt.datetime(2025, 2, 5, 9, 0, tzinfo=dt.UTC)


def at(minutes):
    """
    A fixed time, *minutes* after T0.
    """
    return T0 + dt.timedelta(minutes=minutes)


@pytest.fixture(name="world")
def _world():
    """
    A wire story, two reprints of it, an independent paper; three people.
    """
    t = ct.Tracker()
    t.add_source(ct.Source("ap", publisher="AP", text="Rubio said X."), at=T0)
    for n in (1, 2):
        t.add_source(
            ct.Source(
                f"reprint{n}",
                publisher=f"Outlet {n}",
                text="Rubio said X. More.",
                derived_from=("ap",),
                url=f"https://outlet{n}.example/story",
            ),
            at=T0,
        )
    t.add_source(
        ct.Source(
            "paper",
            publisher="El Faro",
            text="Bukele said X. Rubio said X.",
            url="https://elfaro.example/x",
        ),
        at=T0,
    )
    t.add_actor(ct.Actor("rubio", "Marco Rubio"), at=T0)
    t.add_actor(ct.Actor("bukele", "Nayib Bukele"), at=T0)
    t.add_actor(
        ct.Actor(
            "press", "Associated Press", aliases=("AP",), kind="organization"
        ),
        at=T0,
    )
    return t


@pytest.fixture(name="claim")
def _claim(world):
    return world.add_claim(
        "X",
        speaker="rubio",
        source="reprint1",
        quote="Rubio said X.",
        proposition=ct.Proposition("bukele", "did", "X"),
        reported_by=["AP"],
        at=T0,
    )


def events(tracker):
    """
    The tracker's events, to compare before and after a failed call.
    """
    return tracker.events()


class TestCorroborate:
    """
    Tracker.corroborate and the lineage rules of support.
    """

    def test_unverified_without_evidence(self, world, claim):
        """
        A claim with only its own source is unverified.
        """
        assert ct.Status.UNVERIFIED == world.status(claim)
        assert 1 == world.support(claim).count

    def test_reprints_of_one_story_are_one_lineage(self, world, claim):
        """
        Two reprints of one AP story do not corroborate each other.
        """
        e = world.corroborate(
            claim,
            evidence=world.source("reprint2").span_of("Rubio said X."),
            at=at(1),
        )
        support = world.support(claim)

        assert ct.Status.UNVERIFIED == world.status(claim)
        assert [e.id] == [a.evidence for a in support.set_aside]
        assert "goes back to 'ap'" in support.set_aside[0].reason

    def test_independent_source_corroborates(self, world, claim):
        """
        A span of an independent paper is a second lineage.
        """
        world.corroborate(
            claim, evidence=world.source("paper").span_of("Rubio said X.")
        )

        assert ct.Status.CORROBORATED == world.status(claim)
        assert 2 == world.support(claim).count

    def test_subject_confirming_counts(self, world, claim):
        """
        The claim's subject confirming it is independent support.
        """
        confirm = world.add_claim(
            "X", speaker="bukele", source="reprint1", quote="More."
        )
        world.corroborate(claim, evidence=confirm, by="analyst", at=at(2))

        assert ct.Status.CORROBORATED == world.status(claim)
        assert ("actor:bukele",) == world.support(claim).lineages[1].roots

    def test_speaker_repeating_is_set_aside(self, world, claim):
        """
        The speaker repeating their own claim does not corroborate it.
        """
        again = world.add_claim(
            "X again", speaker="rubio", source="paper", quote="Rubio said X."
        )
        world.corroborate(claim, evidence=again)
        support = world.support(claim)

        assert ct.Status.UNVERIFIED == world.status(claim)
        assert "own speaker" in support.set_aside[0].reason

    def test_relay_is_set_aside(self, world, claim):
        """
        An actor who relayed the claim does not confirm it.
        """
        relayed = world.add_claim("AP says X", speaker="AP")
        world.corroborate(claim, evidence=relayed)

        assert "relayed the claim" in world.support(claim).set_aside[0].reason

    def test_url_of_known_source_is_that_source(self, world, claim):
        """
        A URL that is a known source's counts as that source's lineage.
        """
        world.corroborate(claim, evidence="https://outlet2.example/story")

        assert ct.Status.UNVERIFIED == world.status(claim)

    def test_unknown_urls_by_site(self, world, claim):
        """
        Two pages of one other site are one lineage.
        """
        world.corroborate(claim, evidence="https://www.gov.example/a")
        world.corroborate(claim, evidence="https://gov.example/b")
        support = world.support(claim)

        assert 2 == support.count
        assert 2 == len(support.lineages[1].evidence)

    def test_evidence_set_counts_whole(self, world, claim):
        """
        A set with one member from the claim's lineage is set aside whole.
        """
        world.corroborate(
            claim,
            evidence=[
                world.source("paper").span_of("Bukele said X."),
                world.source("reprint2").span_of("More."),
            ],
        )
        support = world.support(claim)

        assert 1 == support.count
        assert "counts only whole" in support.set_aside[0].reason

    def test_evidence_set_is_one_lineage(self, world, claim):
        """
        A set of two independent items counts once.
        """
        world.corroborate(
            claim,
            evidence=[
                world.source("paper").span_of("Bukele said X."),
                "https://gov.example/b",
            ],
        )

        assert 2 == world.support(claim).count

    def test_refuted(self, world, claim):
        """
        Refutation without support gives REFUTED.
        """
        world.corroborate(claim, evidence="paper", stance="refutes")

        assert ct.Status.REFUTED == world.status(claim)

    def test_disputed(self, world, claim):
        """
        Support and refutation together give DISPUTED.
        """
        world.corroborate(claim, evidence="paper", stance=ct.Stance.REFUTES)
        world.corroborate(claim, evidence="https://gov.example/b")

        assert ct.Status.DISPUTED == world.status(claim)

    def test_context_changes_nothing(self, world, claim):
        """
        Context evidence is listed but does not move the status.
        """
        e = world.corroborate(
            claim, evidence="paper", stance="NOT ENOUGH INFO"
        )

        assert ct.Stance.CONTEXT is e.stance
        assert (e.id,) == world.support(claim).context
        assert ct.Status.UNVERIFIED == world.status(claim)

    def test_min_sources_policy(self, world, claim):
        """
        The policy sets how many lineages corroborate.
        """
        world.corroborate(claim, evidence="paper")
        strict = ct.Policy(min_sources=3)

        assert ct.Status.UNVERIFIED == world.status(claim, policy=strict)
        assert ct.Status.CORROBORATED == world.status(claim)
        assert ct.Status.CORROBORATED == ct.Tracker.from_events(
            world.events(), policy=ct.Policy(min_sources=1)
        ).status(claim.id)

    def test_evidence_listed(self, world, claim):
        """
        evidence() lists a claim's evidence in the order added.
        """
        first = world.corroborate(claim, evidence="paper", at=at(1))
        second = world.corroborate(claim, evidence="ap", at=at(2))

        assert [first, second] == world.evidence(claim)
        assert [] == world.evidence(world.add_claim("other", speaker="bukele"))

    def test_same_evidence_twice(self, world, claim):
        """
        Adding the same evidence again returns it and records nothing.
        """
        first = world.corroborate(claim, evidence="paper", by="a", at=at(1))
        before = events(world)
        again = world.corroborate(claim, evidence="paper", by="b", at=at(2))

        assert first is again
        assert before == events(world)

    def test_citation_objects(self, world, claim):
        """
        Citations may be given ready-made; they are checked all the same.
        """
        e = world.corroborate(
            claim,
            evidence=Citation(span=ct.Span(0, 6, "Bukele", source="paper")),
        )

        assert "Bukele" == e.items[0].span.exact
        assert "" == e.items[0].span.prefix
        assert " said X. Rubio said X." == e.items[0].span.suffix


class TestCorroborateErrors:
    """
    Bad evidence is refused with a clear error, changing nothing.
    """

    @pytest.mark.parametrize(
        ("kwargs", "error", "field"),
        [
            (
                {"evidence": "paper", "stance": "maybe"},
                ct.InvalidValueError,
                "stance",
            ),
            ({"evidence": "nowhere"}, ct.NotFoundError, "evidence"),
            ({"evidence": []}, ct.InvalidValueError, "evidence"),
            ({"evidence": 42}, ct.InvalidTypeError, "evidence"),
            ({"evidence": ["paper", 42]}, ct.InvalidTypeError, "evidence[1]"),
            (
                {"evidence": ct.Span(0, 3, "Bob", source="paper")},
                ct.SpanMismatchError,
                "span.exact",
            ),
            (
                {"evidence": ct.Span(0, 3, "Bob")},
                ct.InvalidValueError,
                "evidence",
            ),
            (
                {"evidence": "paper", "at": dt.datetime(2025, 2, 5)},
                ct.InvalidDateError,
                "at",
            ),
            ({"evidence": "paper", "at": "soon"}, ct.InvalidDateError, "at"),
            ({"evidence": "paper", "by": ""}, ct.InvalidValueError, "by"),
            ({"evidence": "paper", "note": 3}, ct.InvalidTypeError, "note"),
        ],
    )
    def test_error(self, world, claim, kwargs, error, field):
        """
        Each bad argument is named, and the tracker is unchanged.
        """
        before = events(world)
        with pytest.raises(error) as e:
            world.corroborate(claim, **kwargs)

        assert field == e.value.field
        assert before == events(world)

    def test_unknown_claim(self, world):
        """
        Corroborating a claim that is not in the tracker is an error.
        """
        with pytest.raises(ct.UnknownClaimError) as e:
            world.corroborate("claim-nope", evidence="paper")

        assert ("claim", "claim-nope") == (e.value.field, e.value.value)

    def test_claim_object_not_stored(self, world, claim):
        """
        A Claim object that differs from the stored one is unknown.
        """
        with pytest.raises(ct.UnknownClaimError):
            world.status(attrs.evolve(claim, tags=("x",)))

    def test_own_evidence(self, world, claim):
        """
        A claim cannot be its own evidence.
        """
        with pytest.raises(ct.InvalidValueError, match="its own evidence"):
            world.corroborate(claim, evidence=claim)

    def test_several_errors(self, world):
        """
        Several bad arguments are reported together.
        """
        with pytest.raises(ct.InvalidFieldsError) as e:
            world.corroborate("nope", evidence="nowhere", stance="maybe")

        assert ["claim", "evidence", "stance"] == [
            x.field for x in e.value.exceptions
        ]


class TestLineageCycles:
    """
    derived_from may not loop back.
    """

    def test_cycle_refused(self):
        """
        A source deriving, through another, from itself is refused.
        """
        t = ct.Tracker()
        t.add_source(ct.Source("a", derived_from=("b",)))
        before = events(t)

        with pytest.raises(ct.LineageCycleError) as e:
            t.add_source(ct.Source("b", derived_from=("c", "a")))

        assert "derived_from" == e.value.field
        assert before == events(t)

    def test_cycle_through_add_claim(self):
        """
        A cycle made by a Source passed to add_claim is refused too.
        """
        t = ct.Tracker()
        t.add_actor(ct.Actor("x", "X"))
        t.add_source(ct.Source("a", derived_from=("b",)))

        with pytest.raises(ct.LineageCycleError):
            t.add_claim(
                "c", speaker="x", source=ct.Source("b", derived_from=("a",))
            )
        assert ["a"] == [s.id for s in t.sources()]


class TestVerdictsAndRetraction:
    """
    Verdicts override the derived status; a retraction overrides both.
    """

    def test_verdict_overrides(self, world, claim):
        """
        A FALSE verdict on a corroborated claim gives FALSE.
        """
        world.corroborate(claim, evidence="paper")
        verdict = world.rate(
            claim,
            "pants on fire",
            scale="politifact",
            by="editor",
            at=at(5),
            rationale="No deal",
        )

        assert ct.Status.FALSE == world.status(claim)
        assert ct.Status.CORROBORATED == world.derived_status(claim)
        assert "pants on fire" == verdict.label
        assert verdict == world.verdict(claim)

    def test_latest_verdict_wins(self, world, claim):
        """
        The latest verdict by time counts, whatever the order set.
        """
        world.rate(claim, "true", at=at(9))
        world.rate(claim, "false", at=at(1))

        assert ct.Status.VERIFIED == world.status(claim)

    def test_retraction(self, world, claim):
        """
        A retraction gives RETRACTED, and is recorded once.
        """
        world.rate(claim, "true", at=at(1))
        first = world.retract(claim, by="analyst", at=at(2), note="Withdrawn")
        again = world.retract(claim, at=at(3))

        assert ct.Status.RETRACTED == world.status(claim)
        assert first is again is world.retraction(claim)
        assert 3 == len(world.history(claim))


class TestHistory:
    """
    Every change is an event; the state is what the events say.
    """

    def test_history_in_order(self, world, claim):
        """
        history lists the claim's events with author and time, in order.
        """
        world.corroborate(claim, evidence="paper", by="ana", at=at(1))
        world.rate(claim, "mixed", by="ed", at=at(2))
        world.retract(claim, by="ana", at=at(3))

        assert [
            (EventKind.CLAIM_ADDED, None, T0),
            (EventKind.EVIDENCE_ADDED, "ana", at(1)),
            (EventKind.VERDICT_SET, "ed", at(2)),
            (EventKind.CLAIM_RETRACTED, "ana", at(3)),
        ] == [(e.kind, e.by, e.at) for e in world.history(claim)]

    def test_replay_gives_equal_tracker(self, world, claim):
        """
        Replaying every event rebuilds an equal tracker.
        """
        world.corroborate(claim, evidence="paper", at=at(1))
        world.rate(claim, "true", at=at(2))
        copy = ct.Tracker.from_events(world.events())

        assert world == copy
        assert world.status(claim) == copy.status(claim.id)
        assert world.support(claim) == copy.support(claim.id)

    def test_apply_twice_changes_nothing(self, world, claim):
        """
        Applying every event again leaves the tracker as it was.
        """
        world.corroborate(claim, evidence="paper", at=at(1))
        before = events(world)
        for event in before:
            world.apply(event)

        assert before == events(world)

    @pytest.mark.parametrize("owners", [["rubio"], ["rubio", "marco"]])
    def test_apply_twice_after_a_name_is_taken(self, owners):
        """
        A claim applied again after actors took a name its proposition
        uses is not read again: nothing changes, nothing is refused.
        """
        t = ct.Tracker()
        t.add_actor(ct.Actor("ana", "Ana"), at=T0)
        claim = t.add_claim(
            "Rubio spoke at the border",
            speaker="ana",
            proposition=ct.Proposition("Rubio", "spoke_at", "the border"),
            at=T0,
        )
        event = t.events()[-1]
        for owner in owners:
            t.add_actor(ct.Actor(owner, "Marco Rubio", aliases=("Rubio",)))
        before = t.events()

        assert claim == t.apply(event)
        assert before == t.events()
        assert "Rubio" == t.claim(claim.id).proposition.subject

    def test_apply_conflicting_event(self, world):
        """
        An event adding a different source under a taken id is refused.
        """
        with pytest.raises(ct.DuplicateIdError):
            world.apply(
                Event(EventKind.SOURCE_ADDED, ct.Source("paper"), at=T0)
            )

    def test_event_payload_type(self):
        """
        An event's payload must fit its kind.
        """
        with pytest.raises(ct.InvalidTypeError) as e:
            Event(EventKind.CLAIM_ADDED, ct.Source("s"))

        assert "payload" == e.value.field

    def test_not_equal_after_change(self, world, claim):
        """
        Trackers differ once one has an event the other lacks.
        """
        copy = ct.Tracker.from_events(world.events())
        world.corroborate(claim, evidence="paper")

        assert world != copy
        assert world != "tracker"


# -- properties -----------------------------------------------------------

SOURCES = [f"s{n}" for n in range(5)]
ACTORS = ["a0", "a1", "a2"]


@st.composite
def worlds(draw):
    """
    A tracker with sources in random lineages, actors and claims, and a
    list of evidence operations to apply to it.
    """
    t = ct.Tracker()
    for n, sid in enumerate(SOURCES):
        upstream = draw(
            st.lists(
                st.sampled_from([*SOURCES[:n], "wire0", "wire1"]),
                max_size=2,
                unique=True,
            )
        )
        publisher = draw(st.sampled_from(["P", "Q", "R", "S", None]))
        t.add_source(
            ct.Source(
                sid,
                text="one two three",
                publisher=publisher,
                derived_from=upstream,
            ),
            at=T0,
        )
    for aid in ACTORS:
        t.add_actor(ct.Actor(aid, aid.upper()), at=T0)
    claims = [
        t.add_claim(
            f"claim {n}",
            speaker=draw(st.sampled_from(ACTORS)),
            source=draw(st.sampled_from(SOURCES)),
            at=T0,
        )
        for n in range(draw(st.integers(1, 4)))
    ]
    cite = st.one_of(
        st.sampled_from(SOURCES),
        st.sampled_from([c.id for c in claims]),
        st.sampled_from(["https://x.example/1", "https://y.example/2"]),
    )
    ops = draw(
        st.lists(
            st.tuples(
                st.sampled_from(claims),
                st.lists(cite, min_size=1, max_size=2, unique=True),
                st.sampled_from(list(ct.Stance)),
            ),
            max_size=8,
        )
    )
    return t, [(c, e, s) for c, e, s in ops if c.id not in e]


class TestProperties:
    """
    The promises of status and history, for any tracker.
    """

    @given(worlds())
    def test_support_never_lowers(self, world):
        """
        Adding support never lowers any claim's support count.
        """
        tracker, ops = world
        for n, (claim, evidence, _) in enumerate(ops):
            before = {c.id: tracker.support(c).count for c in tracker}
            tracker.corroborate(claim, evidence=evidence, at=at(n))
            after = {c.id: tracker.support(c).count for c in tracker}
            assert all(after[k] >= v for k, v in before.items())

    @given(worlds(), st.randoms(use_true_random=False))
    def test_order_does_not_matter(self, world, random):
        """
        The derived status does not depend on the order of evidence.
        """
        tracker, ops = world
        base = tracker.events()
        for n, (claim, evidence, stance) in enumerate(ops):
            tracker.corroborate(
                claim, evidence=evidence, stance=stance, at=at(n)
            )
        added = tracker.events()[len(base) :]
        random.shuffle(added)
        shuffled = ct.Tracker.from_events([*base, *added])

        assert {c.id: tracker.status(c) for c in tracker} == {
            c.id: shuffled.status(c.id) for c in tracker
        }

    @given(worlds())
    def test_replay_and_idempotence(self, world):
        """
        Replaying gives an equal tracker; applying again changes nothing.
        """
        tracker, ops = world
        for n, (claim, evidence, stance) in enumerate(ops):
            tracker.corroborate(
                claim, evidence=evidence, stance=stance, at=at(n)
            )
        replayed = ct.Tracker.from_events(tracker.events())
        for event in tracker.events():
            replayed.apply(event)

        assert tracker == replayed

    @given(
        st.lists(
            st.frozensets(st.sampled_from("abcdef"), min_size=1, max_size=3),
            max_size=7,
            unique=True,
        )
    )
    def test_packing_is_maximal(self, sets):
        """
        The lineage count is the largest set of disjoint root sets.
        """
        best = max(
            (
                size
                for size in range(len(sets) + 1)
                for combo in itertools.combinations(sets, size)
                if all(not a & b for a, b in itertools.combinations(combo, 2))
            ),
            default=0,
        )
        chosen = _pack(sets)

        assert best == len(chosen)
        assert all(not a & b for a, b in itertools.combinations(chosen, 2))
        assert all(any(s & c for c in chosen) for s in sets)


class TestSeedExample:
    """
    The worked example grows: Bukele's words corroborate Rubio's claim.
    """

    def test_corroborated_with_history(self):
        """
        The offer moves to CORROBORATED, the reprint is set aside, and the
        history shows who did it and when.
        """
        spec = importlib.util.spec_from_file_location(
            "el_salvador", ROOT / "examples" / "el_salvador.py"
        )
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        tracker = module.build(module.SEED.read_text(encoding="utf-8"))
        offer = tracker.claims(speaker="rubio", subject="bukele")[0]

        assert ct.Status.UNVERIFIED == tracker.status(offer)
        module.corroborate(tracker)

        support = tracker.support(offer)
        assert ct.Status.CORROBORATED == tracker.status(offer)
        assert ("actor:bukele",) == support.lineages[1].roots
        assert 1 == len(support.set_aside)
        assert [
            ("analyst", "2025-02-05T09:05:00+00:00"),
            ("analyst", "2025-02-05T09:10:00+00:00"),
        ] == [
            (e.by, e.at.isoformat())
            for e in tracker.history(offer)
            if e.kind is EventKind.EVIDENCE_ADDED
        ]


class TestEvidenceModels:
    """
    The evidence value objects validate themselves.
    """

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({}, "evidence"),
            ({"claim": "c", "url": "https://x.example"}, "evidence"),
            ({"url": "ftp://x.example"}, "url"),
            (
                {"span": ct.Span(0, 1, "a", source="s"), "source": "t"},
                "span.source",
            ),
        ],
    )
    def test_citation_errors(self, kwargs, field):
        """
        A citation cites exactly one valid thing.
        """
        with pytest.raises(ct.ClaimtrackError) as e:
            Citation(**kwargs)

        assert field == e.value.field

    @pytest.mark.parametrize(
        ("citation", "text"),
        [
            (Citation(claim="c1"), "claim c1"),
            (Citation(source="s"), "source s"),
            (
                Citation(span=ct.Span(2, 3, "a", source="s")),
                "source s [2:3]",
            ),
            (Citation(url="https://x.example/a"), "https://x.example/a"),
        ],
    )
    def test_citation_str(self, citation, text):
        """
        A citation says what it cites.
        """
        assert text == str(citation)

    @pytest.mark.parametrize(
        ("args", "field"),
        [
            (("e", "c", "maybe", [Citation(source="s")]), "stance"),
            (("e", "c", 3, [Citation(source="s")]), "stance"),
            (("e", "c", "supports", []), "items"),
            (("e", "c", "supports", Citation(claim="c")), "evidence"),
        ],
    )
    def test_evidence_errors(self, args, field):
        """
        Evidence needs a stance, something cited, and not itself.
        """
        with pytest.raises(ct.ClaimtrackError) as e:
            ct.Evidence(*args)

        assert field == e.value.field

    def test_single_citation_is_one_item(self):
        """
        One Citation given as items is a one-item evidence.
        """
        e = ct.Evidence("e", "c", "refutes", Citation(source="s"))

        assert (False, ct.Stance.REFUTES) == (e.is_set, e.stance)

    def test_lineage_str(self):
        """
        A lineage reads as what is in it and what it goes back to.
        """
        assert "the claim itself (actor:a)" == str(
            Lineage(("actor:a",), own=True)
        )
        assert "e1, e2 (source:ap)" == str(
            Lineage(("source:ap",), ("e1", "e2"))
        )

    def test_contradiction_disputes(self):
        """
        A contradiction with nothing refuting gives DISPUTED.
        """
        support = Support("c", (Lineage(("actor:a",), own=True),))

        assert ct.Status.DISPUTED == support.status(
            ct.Policy(), contradicted=True
        )

    def test_retraction_id(self):
        """
        A claim's retraction has an id derived from the claim.
        """
        assert "retraction-c1" == Retraction("c1", at=T0).id

    def test_event_kind_checked(self):
        """
        An event needs an EventKind.
        """
        with pytest.raises(ct.InvalidValueError) as e:
            Event("added", ct.Source("s"), at=T0)

        assert "kind" == e.value.field

    def test_event_id(self):
        """
        An event's id is its kind and its payload's id.
        """
        event = Event(EventKind.SOURCE_ADDED, ct.Source("s"), at=T0)

        assert ("source-added:s", None) == (event.id, event.claim)
        claim = ct.Claim("c1", "t", "a")
        assert ("c1", ("c1",)) == (
            Event(EventKind.CLAIM_ADDED, claim, at=T0).claim,
            Event(EventKind.CLAIM_ADDED, claim, at=T0).claims,
        )

    def test_many_overlapping_root_sets(self):
        """
        Past the exact search's limit, packing is greedy but disjoint.
        """
        sets = [frozenset({f"r{n}", f"r{n + 1}"}) for n in range(40)]
        chosen = _pack(sets)

        assert 20 == len(chosen)
        assert all(not a & b for a, b in itertools.combinations(chosen, 2))


class TestApplyRetraction:
    """
    Retractions and verdicts replay like any event.
    """

    def test_apply_retraction_twice(self, world, claim):
        """
        Applying a retraction event again returns the stored retraction.
        """
        world.retract(claim, at=at(1))
        event = world.history(claim)[-1]

        assert world.retraction(claim) == world.apply(event)
        assert world.retraction(claim) == ct.Tracker.from_events(
            world.events()
        ).retraction(claim.id)
