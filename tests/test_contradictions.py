"""
Tests for predicates and the contradiction engine.
"""

import copy
import datetime as dt
import importlib.util
import itertools
from fractions import Fraction
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack.events import EventKind


ROOT = Path(__file__).resolve().parent.parent
T0 = dt.datetime(2025, 2, 5, 9, 0, tzinfo=dt.UTC)
K = ct.ContradictionKind


def pairs(found):
    """
    The (other, kind) pairs of a claim's contradictions.
    """
    return [(c.other, c.kind) for c in found]


@pytest.fixture(name="tracker")
def _tracker():
    t = ct.Tracker()
    t.add_actor(ct.Actor("rubio", "Marco Rubio", aliases=("Rubio",)), at=T0)
    t.add_actor(
        ct.Actor(
            "bukele",
            "Nayib Bukele",
            aliases=("Bukele",),
            role="President of El Salvador",
        ),
        at=T0,
    )
    t.add_actor(ct.Actor("x", "Reporter X"), at=T0)
    t.declare(ct.Predicate("status", single_valued=True), at=T0)
    return t


def add(tracker, speaker, subject, predicate, obj, *, said=None, **kw):
    """
    Add a claim with a proposition, its text made from the proposition.
    """
    prop_kw = {k: kw.pop(k) for k in ("polarity", "valid") if k in kw}
    return tracker.add_claim(
        f"{subject} {predicate} {obj} ({speaker}, {prop_kw})",
        speaker=speaker,
        said=said,
        proposition=ct.Proposition(subject, predicate, obj, **prop_kw),
        at=T0,
        **kw,
    )


class TestPredicates:
    """
    Declaring predicates, and their validation.
    """

    def test_declare_is_idempotent(self, tracker):
        """
        Declaring a predicate again as it was changes nothing.
        """
        before = tracker.events()
        again = tracker.declare(ct.Predicate("Status", single_valued=True))

        assert "status" == again.id
        assert before == tracker.events()
        assert ["status"] == [p.id for p in tracker.predicates()]

    def test_declare_differently(self, tracker):
        """
        Declaring a predicate differently is a conflict.
        """
        with pytest.raises(ct.ConflictError) as e:
            tracker.declare(ct.Predicate("status"))

        assert "predicate" == e.value.field

    @pytest.mark.parametrize(
        ("first", "second", "field"),
        [
            (
                ct.Predicate("employs", inverse="employed_by"),
                ct.Predicate("hires", inverse="employed by"),
                "inverse",
            ),
            (
                ct.Predicate("accepts", negation="rejects"),
                ct.Predicate("takes", negation="rejects"),
                "negation",
            ),
            (
                ct.Predicate("accepts", negation="rejects"),
                ct.Predicate("rejects"),
                "predicate",
            ),
            (  # the same two, the other way round
                ct.Predicate("rejects"),
                ct.Predicate("accepts", negation="rejects"),
                "negation",
            ),
        ],
    )
    def test_clashing_declarations(self, first, second, field):
        """
        A declaration clashing with an earlier one is refused by field.
        """
        t = ct.Tracker()
        t.declare(first)
        before = t.events()

        with pytest.raises(ct.ConflictError) as e:
            t.declare(second)

        assert field == e.value.field
        assert before == t.events()

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"name": ""}, "name"),
            ({"name": "--"}, "name"),
            ({"name": "a", "inverse": "A"}, "inverse"),
            ({"name": "a", "negation": "a"}, "negation"),
            ({"name": "a", "inverse": "b", "negation": "b"}, "negation"),
            ({"name": "a", "single_valued": "yes"}, "single_valued"),
            ({"name": "a", "tolerance": 5}, "tolerance"),
        ],
    )
    def test_invalid_predicate(self, kwargs, field):
        """
        A malformed predicate is refused, naming the field.
        """
        with pytest.raises(ct.ClaimtrackError) as e:
            ct.Predicate(**kwargs)

        assert field == e.value.field

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"absolute": -1}, "absolute"),
            ({"relative": float("nan")}, "relative"),
        ],
    )
    def test_invalid_tolerance(self, kwargs, field):
        """
        A tolerance is finite and not negative.
        """
        with pytest.raises(ct.InvalidValueError) as e:
            ct.Tolerance(**kwargs)

        assert field == e.value.field

    @pytest.mark.parametrize(
        ("tolerance", "a", "b", "agree"),
        [
            (ct.Tolerance(absolute=2), 43, 45, True),
            (ct.Tolerance(absolute=2), 43, 46, False),
            (ct.Tolerance(relative=0.1), 43, 47, True),
            (ct.Tolerance(relative=0.1), 43, 50, False),
            (ct.Tolerance(), 43, 43, True),
        ],
    )
    def test_tolerance(self, tolerance, a, b, agree):
        """
        Values agree within the larger of the absolute and relative room.
        """
        assert agree == tolerance.agree(Fraction(a), Fraction(b))

    def test_tolerance_str(self):
        """
        A tolerance reads as its room.
        """
        assert "±5 or ±10%" == str(ct.Tolerance(absolute=5, relative=0.1))
        assert "exact" == str(ct.Tolerance())

    def test_not_a_predicate(self, tracker):
        """
        Declaring something that is not a Predicate is a type error.
        """
        with pytest.raises(ct.InvalidTypeError):
            tracker.declare("status")


class TestKinds:
    """
    Each kind of contradiction, with its reason.
    """

    def test_value_conflict(self, tracker):
        """
        A single-valued predicate with two values conflicts, with reasons.
        """
        a = add(
            tracker, "rubio", "deal", "status", "agreed", said="2025-02-03"
        )
        b = add(
            tracker,
            "bukele",
            "deal",
            "status",
            "being finalized",
            said="2025-02-03",
        )

        (found,) = tracker.contradictions(a)
        assert (a.id, b.id, K.VALUE_CONFLICT) == (*found.claims, found.kind)
        assert found.reason.startswith("Marco Rubio (2025-02-03) says “deal")
        assert "Nayib Bukele (2025-02-03)" in found.reason
        assert "“agreed” and “being finalized”" in found.reason

    def test_same_value_agrees(self, tracker):
        """
        Two claims giving the same value do not conflict.
        """
        a = add(tracker, "rubio", "deal", "status", "Agreed")
        add(tracker, "bukele", "Deal", "status", "agreed")

        assert [] == tracker.contradictions(a)

    def test_many_valued_no_conflict(self, tracker):
        """
        A predicate not declared single-valued takes many values.
        """
        a = add(tracker, "rubio", "bukele", "offered", "deportees")
        add(tracker, "x", "bukele", "offered", "prisoners")

        assert [] == tracker.contradictions(a)

    def test_negation(self, tracker):
        """
        The same proposition asserted and denied conflicts.
        """
        a = add(tracker, "rubio", "Bukele", "offered", "deportees")
        b = add(
            tracker,
            "x",
            "President of El Salvador",
            "offered",
            "Deportees",
            polarity="denied",
        )

        assert [(b.id, K.NEGATION)] == pairs(tracker.contradictions(a))
        assert (
            "one asserts and the other denies that Nayib Bukele offered"
            in (tracker.contradictions(a)[0].reason)
        )

    def test_denied_values_do_not_clash(self, tracker):
        """
        Denying one status and asserting another is consistent.
        """
        a = add(
            tracker, "rubio", "deal", "status", "agreed", polarity="denied"
        )
        add(tracker, "bukele", "deal", "status", "being finalized")

        assert [] == tracker.contradictions(a)

    def test_negated_predicate(self, tracker):
        """
        A declared negated form is the positive one denied.
        """
        tracker.declare(ct.Predicate("accepts", negation="rejects"))
        a = add(tracker, "rubio", "el salvador", "accepts", "deportees")
        b = add(tracker, "x", "El Salvador", "rejects", "deportees")

        assert [(b.id, K.NEGATION)] == pairs(tracker.contradictions(a))

    def test_inverse_predicate(self, tracker):
        """
        A claim and its inverse, one denied, conflict.
        """
        tracker.declare(ct.Predicate("employs", inverse="employed_by"))
        a = add(tracker, "rubio", "bukele", "employs", "x")
        b = add(tracker, "x", "x", "employed by", "Bukele", polarity="denied")

        assert [(b.id, K.NEGATION)] == pairs(tracker.contradictions(a))

    def test_numbers_within_tolerance(self, tracker):
        """
        Numbers conflict only outside the declared tolerance.
        """
        tracker.declare(
            ct.Predicate(
                "carried",
                single_valued=True,
                tolerance=ct.Tolerance(absolute=3),
            )
        )
        a = add(
            tracker, "rubio", "flight", "carried", ct.Quantity(43, "migrants")
        )
        close = add(
            tracker, "x", "flight", "carried", ct.Quantity(45, "Migrants")
        )
        far = add(
            tracker,
            "bukele",
            "flight",
            "carried",
            ct.Quantity(120, "migrants"),
        )
        add(tracker, "bukele", "flight", "carried", ct.Quantity(120, "km"))

        assert [(far.id, K.VALUE_CONFLICT)] == pairs(tracker.contradictions(a))
        assert "more than ±3 apart" in tracker.contradictions(a)[0].reason
        assert [(far.id, K.VALUE_CONFLICT)] == pairs(
            tracker.contradictions(close)
        )

    def test_number_against_text(self, tracker):
        """
        A number and a text for one single-valued predicate conflict.
        """
        a = add(tracker, "rubio", "deal", "status", 3)
        b = add(tracker, "x", "deal", "status", "agreed")

        assert [(b.id, K.VALUE_CONFLICT)] == pairs(tracker.contradictions(a))

    def test_valid_times_must_overlap(self, tracker):
        """
        A conflict only outside the valid time is not reported.
        """
        a = add(
            tracker,
            "rubio",
            "deal",
            "status",
            "agreed",
            valid="2025-02-10/2025-02-28",
        )
        add(
            tracker,
            "bukele",
            "deal",
            "status",
            "being finalized",
            valid="2025-02-03",
        )
        c = add(tracker, "x", "deal", "status", "cancelled", valid="2025-02")

        assert [(c.id, K.VALUE_CONFLICT)] == pairs(tracker.contradictions(a))
        assert "both holding in 10–28 February 2025" in (
            tracker.contradictions(a)[0].reason
        )

    def test_valid_read_against_source(self, tracker):
        """
        add_claim's valid= is read like said, against the source's date.
        """
        tracker.add_source(ct.Source("s", published="2025-02-04"))
        claim = tracker.add_claim(
            "x",
            speaker="rubio",
            source="s",
            valid="Monday",
            proposition=ct.Proposition("deal", "status", "agreed"),
        )

        assert dt.date(2025, 2, 3) == claim.proposition.valid.date

    def test_valid_needs_proposition(self, tracker):
        """
        valid= without a proposition is refused.
        """
        with pytest.raises(ct.InvalidValueError) as e:
            tracker.add_claim("x", speaker="rubio", valid="2025-02")

        assert "valid" == e.value.field

    def test_explicit(self, tracker):
        """
        An analyst's link is a contradiction both ways, recorded once.
        """
        a = tracker.add_claim("a", speaker="rubio", at=T0)
        b = tracker.add_claim("b", speaker="bukele", at=T0)
        link = tracker.contradict(a, b, by="ana", at=T0, note="Same day")
        again = tracker.contradict(b.id, a.id, by="bob")

        assert (K.EXPLICIT, "ana", "Same day") == (
            link.kind,
            link.by,
            link.note,
        )
        assert (b.id, a.id) == again.claims
        assert "ana linked them: Same day" in again.reason
        assert [(b.id, K.EXPLICIT)] == pairs(tracker.contradictions(a))
        assert 1 == sum(
            e.kind is EventKind.CONTRADICTION_ADDED for e in tracker.events()
        )
        assert [e.kind for e in tracker.history(b)][-1] is (
            EventKind.CONTRADICTION_ADDED
        )

    def test_refuting_evidence(self, tracker):
        """
        A claim cited as refuting evidence contradicts the claim refuted.
        """
        a = tracker.add_claim("a", speaker="rubio", at=T0)
        b = tracker.add_claim("b", speaker="bukele", at=T0)
        e = tracker.corroborate(a, evidence=b, stance="refutes", at=T0)

        (found,) = tracker.contradictions(b)
        assert (b.id, a.id, K.REFUTING_EVIDENCE, (e.id,)) == (
            *found.claims,
            found.kind,
            found.evidence,
        )
        assert "“b” was cited as evidence refuting “a”" in found.reason
        assert ct.Status.REFUTED == tracker.status(a)
        assert ct.Status.DISPUTED == tracker.status(b)

    def test_contradiction_disputes(self, tracker):
        """
        A claim in a contradiction is DISPUTED, whatever its support.
        """
        a = add(tracker, "rubio", "deal", "status", "agreed")
        add(tracker, "bukele", "deal", "status", "pending")

        assert ct.Status.DISPUTED == tracker.status(a)


class TestLateKnowledge:
    """
    Declarations and actors added later change matching at once.
    """

    def test_predicate_declared_after_claims(self):
        """
        Claims added before a predicate was declared are matched by it.
        """
        t = ct.Tracker()
        t.add_actor(ct.Actor("a", "A"))
        first = add(t, "a", "deal", "phase", "one")
        add(t, "a", "deal", "phase", "two")
        assert [] == t.contradictions(first)

        t.declare(ct.Predicate("phase", single_valued=True))

        assert [K.VALUE_CONFLICT] == [c.kind for c in t.contradictions(first)]

    def test_actor_added_after_claims(self):
        """
        A subject stored as text matches an actor added later.
        """
        t = ct.Tracker()
        t.add_actor(ct.Actor("a", "A"))
        first = add(t, "a", "Nayib Bukele", "offered", "deportees")
        add(t, "a", "bukele", "offered", "deportees", polarity="denied")
        assert [] == t.contradictions(first)

        t.add_actor(ct.Actor("bukele", "Nayib Bukele"))

        assert [K.NEGATION] == [c.kind for c in t.contradictions(first)]


class TestFilters:
    """
    contradictions() for all, and its filters.
    """

    @pytest.fixture(name="full")
    def _full(self, tracker):
        add(tracker, "rubio", "deal", "status", "agreed", said="2025-02-03")
        add(tracker, "bukele", "deal", "status", "pending", said="2025-02-03")
        add(tracker, "rubio", "deal", "status", "cancelled", said="2025-03-01")
        return tracker

    def test_all_once(self, full):
        """
        Every conflicting pair is listed once, earlier claim first.
        """
        found = full.contradictions()
        claims = full.claims()

        assert [
            (claims[0].id, claims[1].id),
            (claims[0].id, claims[2].id),
            (claims[1].id, claims[2].id),
        ] == [c.claims for c in found]

    @pytest.mark.parametrize(
        ("kwargs", "expected"),
        [
            ({"same_speaker": True}, [(0, 2)]),
            ({"same_speaker": False}, [(0, 1), (1, 2)]),
            ({"speaker": "Bukele"}, [(0, 1), (1, 2)]),
            ({"said_between": ("2025-02", "2025-02")}, [(0, 1)]),
            ({"kind": "value-conflict"}, [(0, 1), (0, 2), (1, 2)]),
            ({"kind": K.NEGATION}, []),
        ],
    )
    def test_filters(self, full, kwargs, expected):
        """
        Filters keep the matching pairs.
        """
        ids = [c.id for c in full.claims()]

        assert [(ids[a], ids[b]) for a, b in expected] == [
            c.claims for c in full.contradictions(**kwargs)
        ]

    def test_filter_one_claim_by_other_speaker(self, full):
        """
        For one claim, speaker filters by the other claim's speaker.
        """
        first = full.claims()[0]

        assert [full.claims()[1].id] == [
            c.other for c in full.contradictions(first, speaker="bukele")
        ]

    @pytest.mark.parametrize(
        ("kwargs", "error", "field"),
        [
            ({"claim": "nope"}, ct.UnknownClaimError, "claim"),
            ({"speaker": "nobody"}, ct.UnknownActorError, "speaker"),
            ({"kind": "rude"}, ct.InvalidValueError, "kind"),
            ({"same_speaker": "yes"}, ct.InvalidTypeError, "same_speaker"),
            ({"said_between": "2025"}, ct.InvalidTypeError, "said_between"),
        ],
    )
    def test_errors(self, full, kwargs, error, field):
        """
        A bad filter is named.
        """
        with pytest.raises(error) as e:
            full.contradictions(**kwargs)

        assert field == e.value.field

    @pytest.mark.parametrize("claim", ["nope", 3])
    def test_unknown_claim_lookup(self, full, claim):
        """
        Looking up a claim that is not stored is an error, not an answer.
        """
        with pytest.raises(ct.ClaimtrackError) as e:
            full.contradictions(claim)

        assert "claim" == e.value.field

    def test_changed_claim_lookup(self, full):
        """
        A Claim object that differs from the stored one is not looked up.
        """
        changed = attrs.evolve(full.claims()[0], tags=("new",))

        with pytest.raises(ct.UnknownClaimError):
            full.contradictions(changed)

    def test_contradict_errors(self, full):
        """
        A claim cannot be linked to itself or to an unknown claim.
        """
        first = full.claims()[0]
        before = full.events()
        with pytest.raises(ct.InvalidValueError):
            full.contradict(first, first)
        with pytest.raises(ct.InvalidFieldsError):
            full.contradict("nope", "nada")

        assert before == full.events()

    def test_contradiction_model(self):
        """
        A Contradiction validates itself and has a symmetric id.
        """
        c = ct.Contradiction("a", "b", "explicit", "why")

        assert c.id == ct.Contradiction("b", "a", K.EXPLICIT).id
        with pytest.raises(ct.InvalidValueError):
            ct.Contradiction("a", "a", "explicit")
        with pytest.raises(ct.ClaimtrackError):
            ct.Contradiction("a", "b", "explicit", 3, note=4)
        with pytest.raises(ct.InvalidDateError):
            ct.Contradiction("a", "b", "explicit", at=dt.datetime(2025, 1, 1))

    def test_replay_keeps_contradictions(self, full):
        """
        Declarations and links replay into an equal tracker.
        """
        a, b = full.claims()[:2]
        full.contradict(a, b, at=T0)
        copy_ = ct.Tracker.from_events(full.events())

        assert copy_ == full
        assert full.contradictions() == copy_.contradictions()
        for event in full.events():
            copy_.apply(event)
        assert copy_ == full


# -- properties -----------------------------------------------------------

SUBJECTS = ["a0", "Alpha Zero", "the deal", "The Deal"]
PREDICATES = [
    "status",
    "accepts",
    "rejects",
    "employs",
    "employed_by",
    "count",
    "said",
]
OBJECTS = ["agreed", "pending", "a1", "Alpha One", "the deal"]
DAYS = st.integers(1, 28).map(lambda d: dt.date(2025, 2, d))


def _valid():
    return st.none() | st.tuples(DAYS, DAYS).map(
        lambda d: ct.When.between(min(d), max(d))
    )


@st.composite
def propositions(draw):
    """
    A proposition over a small world where names and values collide.
    """
    predicate = draw(st.sampled_from(PREDICATES))
    if predicate == "count":
        obj = ct.Quantity(
            draw(st.integers(40, 50)),
            draw(st.sampled_from(["migrants", "km"])),
        )
    else:
        obj = draw(st.sampled_from(OBJECTS))
    return ct.Proposition(
        draw(st.sampled_from(SUBJECTS)),
        predicate,
        obj,
        polarity=draw(st.sampled_from(list(ct.Polarity))),
        valid=draw(_valid()),
    )


def small_world():
    """
    A tracker with the predicates of the property tests declared.
    """
    t = ct.Tracker()
    t.add_actor(ct.Actor("a0", "Alpha Zero", aliases=("alpha",)), at=T0)
    t.add_actor(ct.Actor("a1", "Alpha One", aliases=("alpha",)), at=T0)
    t.add_actor(ct.Actor("s", "Speaker"), at=T0)
    t.declare(ct.Predicate("status", single_valued=True), at=T0)
    t.declare(ct.Predicate("accepts", negation="rejects"), at=T0)
    t.declare(ct.Predicate("employs", inverse="employed_by"), at=T0)
    t.declare(
        ct.Predicate(
            "count", single_valued=True, tolerance=ct.Tolerance(absolute=2)
        ),
        at=T0,
    )
    return t


def build(props):
    """
    A small world with one claim per proposition.
    """
    t = small_world()
    for n, prop in enumerate(props):
        t.add_claim(
            f"claim {n}", speaker="s", proposition=prop, id=f"c{n}", at=T0
        )
    return t


def reference_key(tracker, value):
    """
    The brute-force reference's reading of a subject or object.
    """
    if isinstance(value, ct.Quantity):
        return ("q", value.unit.casefold(), Fraction(value.value))
    try:
        return ("a", tracker.actor(value).id)
    except (ct.UnknownActorError, ct.AmbiguousActorError):
        return ("t", " ".join(value.casefold().split()))


def reference_fact(tracker, prop):
    """
    The brute-force reference's canonical form, straight from the rules.
    """
    subject = reference_key(tracker, prop.subject)
    obj = reference_key(tracker, prop.object)
    predicate, asserted = prop.predicate, prop.polarity is ct.Polarity.ASSERTED
    if predicate == "rejects":
        predicate, asserted = "accepts", not asserted
    if predicate == "employs" and obj[0] != "q":
        predicate, subject, obj = "employed_by", obj, subject
    low = prop.valid.earliest if prop.valid else dt.date.min
    high = prop.valid.latest if prop.valid else dt.date.max
    return subject, predicate, obj, asserted, low, high


def reference_kind(fa, fb):
    """
    How two reference facts conflict, by the documented rules.
    """
    if fa[:2] != fb[:2] or fa[4] > fb[5] or fb[4] > fa[5]:
        return None
    oa, ob = fa[2], fb[2]
    numbers = oa[0] == "q" and ob[0] == "q"
    if numbers and oa[1] != ob[1]:
        return None
    same = abs(oa[2] - ob[2]) <= 2 if numbers else oa == ob
    if same and fa[3] != fb[3]:
        return K.NEGATION
    if fa[1] in ("status", "count") and fa[3] and fb[3] and not same:
        return K.VALUE_CONFLICT
    return None


class TestProperties:
    """
    Symmetry, no self-conflict, monotonicity and a brute-force check.
    """

    @given(st.lists(propositions(), max_size=8))
    def test_equals_brute_force(self, props):
        """
        contradictions() is exactly the pairwise check of the rules.
        """
        t = build(props)
        facts = [reference_fact(t, p) for p in props]
        expected = {
            (f"c{i}", f"c{j}", kind)
            for i, j in itertools.combinations(range(len(props)), 2)
            if (kind := reference_kind(facts[i], facts[j])) is not None
        }

        assert expected == {(*c.claims, c.kind) for c in t.contradictions()}

    @given(st.lists(propositions(), max_size=8))
    def test_symmetric(self, props):
        """
        b contradicts a exactly when a contradicts b, with the same kind.
        """
        t = build(props)
        for claim in t:
            for c in t.contradictions(claim):
                assert (claim.id, c.kind) in pairs(t.contradictions(c.other))
                assert claim.id != c.other

    @given(propositions())
    def test_identical_claims_agree(self, prop):
        """
        A claim never contradicts an identical claim by another speaker.
        """
        t = build([prop, prop])

        assert [] == t.contradictions("c0")

    @given(st.lists(propositions(), max_size=6), propositions())
    def test_adding_never_removes(self, props, extra):
        """
        Adding an unrelated claim never removes a contradiction.
        """
        t = build(props)
        before = {(*c.claims, c.kind) for c in t.contradictions()}
        t.add_claim("extra", speaker="s", proposition=extra, at=T0)

        assert before <= {(*c.claims, c.kind) for c in t.contradictions()}

    @given(st.lists(propositions(), max_size=6))
    def test_lookup_agrees_with_all(self, props):
        """
        Per-claim lookups and the full list describe the same pairs.
        """
        t = build(props)
        everything = {
            (frozenset(c.claims), c.kind) for c in t.contradictions()
        }
        looked_up = {
            (frozenset(c.claims), c.kind)
            for claim in t
            for c in t.contradictions(claim)
        }

        assert everything == looked_up


class TestSeedExample:
    """
    The tension inside the seed article itself.
    """

    def test_agreed_versus_finalizing(self):
        """
        Rubio's "has agreed" and Bukele's "finalizing" conflict on the
        agreement's status, though Bukele's words support the offer.
        """
        spec = importlib.util.spec_from_file_location(
            "el_salvador", ROOT / "examples" / "el_salvador.py"
        )
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        tracker = module.build(module.SEED.read_text(encoding="utf-8"))
        module.corroborate(tracker)
        agreed = tracker.claims(speaker="rubio", text_contains="has agreed")[0]
        finalizing = tracker.claims(
            speaker="bukele", text_contains="finalizing"
        )[0]
        offer = tracker.claims(speaker="rubio", subject="bukele")[0]

        (found,) = tracker.contradictions()
        assert (agreed.id, finalizing.id, K.VALUE_CONFLICT) == (
            *found.claims,
            found.kind,
        )
        assert "“agreed” and “being finalized”" in found.reason
        assert "both holding on 3 February 2025" in found.reason
        assert ct.Status.DISPUTED == tracker.status(agreed)
        assert ct.Status.CORROBORATED == tracker.status(offer)
        assert copy.deepcopy(found) == found


class TestMore:
    """
    Smaller paths of matching and validation.
    """

    def test_unknown_kind(self):
        """
        A Contradiction's kind must be one of the kinds.
        """
        with pytest.raises(ct.InvalidValueError) as e:
            ct.Contradiction("a", "b", "rude")

        assert "kind" == e.value.field

    def test_exact_numbers_without_tolerance(self, tracker):
        """
        Without a tolerance, numbers are the same only when equal.
        """
        a = add(
            tracker, "rubio", "flight", "carried", ct.Quantity(43, "migrants")
        )
        b = add(
            tracker,
            "x",
            "flight",
            "carried",
            ct.Quantity(43, "migrants"),
            polarity="denied",
        )
        add(
            tracker,
            "x",
            "flight",
            "carried",
            ct.Quantity(44, "migrants"),
            polarity="denied",
        )

        assert [(b.id, K.NEGATION)] == pairs(tracker.contradictions(a))

    def test_unreadable_valid(self, tracker):
        """
        An unreadable valid= is named, and nothing is added.
        """
        with pytest.raises(ct.InvalidDateError) as e:
            tracker.add_claim(
                "x",
                speaker="rubio",
                valid="Mondy",
                proposition=ct.Proposition("deal", "status", "agreed"),
            )

        assert "valid" == e.value.field
        assert 0 == len(tracker)

    def test_numbers_keep_direction(self, tracker):
        """
        A numeric claim on an inverse predicate is not turned round.
        """
        tracker.declare(ct.Predicate("weighs", inverse="is_weight_of"))
        a = add(tracker, "rubio", "box", "weighs", ct.Quantity(3, "kg"))
        b = add(
            tracker,
            "x",
            "box",
            "weighs",
            ct.Quantity(3, "kg"),
            polarity="denied",
        )

        assert [(b.id, K.NEGATION)] == pairs(tracker.contradictions(a))


class TestRegrouping:
    """
    Re-matching moves claims between groups without losing any.
    """

    def test_three_claims_move_together(self):
        """
        Three claims about a name move to its actor when the actor comes.
        """
        t = ct.Tracker()
        t.add_actor(ct.Actor("a", "A"))
        claims = [
            add(
                t,
                "a",
                "Nayib Bukele",
                "offered",
                "deportees",
                polarity=p,
                said=f"2025-02-0{n}",
            )
            for n, p in enumerate(("asserted", "denied", "asserted"), 1)
        ]
        before = {(*c.claims, c.kind) for c in t.contradictions()}

        t.add_actor(ct.Actor("bukele", "Nayib Bukele"))

        assert before == {(*c.claims, c.kind) for c in t.contradictions()}
        assert 2 == len(t.contradictions(claims[1]))
