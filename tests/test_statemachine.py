"""
A stateful test of the Tracker: random runs of operations, checked after
every step against the promises of DESIGN.md section 2 and a simple model.

The model keeps what was added and works out, in the plainest way, what
the tracker should answer: each claim's status, its support counted in
independent lineages, and its contradictions. Every operation that should
fail must fail with a `ClaimtrackError` and change nothing.

The machine runs three times: from a tracker in memory (`TestTracker`),
from one that writes through to an SQLite file (`TestSqliteTracker`), and
from one in PostgreSQL (`TestPostgresTracker`, skipped without a server).

Run it longer (ten times the examples) with::

    HYPOTHESIS_PROFILE=long python -m pytest tests/test_statemachine.py
"""

import datetime as dt
import shutil
import tempfile
import urllib.parse
from fractions import Fraction
from pathlib import Path

import attrs
from hypothesis import note, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    multiple,
    rule,
)

import claimtrack as ct
from claimtrack import strategies as cst
from claimtrack._predicates import predicate_key
from claimtrack._text import fold, name_key
from claimtrack.evidence import Citation

from . import postgres


SOURCE_IDS = st.sampled_from(["s1", "s2", "ap", "reuters", "rubio"])
ACTOR_IDS = st.sampled_from(["rubio", "bukele", "officials", "s2", "desk"])
PUBLISHERS = st.none() | st.sampled_from(["AP", "India TV", "ap"])
URLS = st.sampled_from(
    [
        "https://apnews.com/a",
        "https://www.apnews.com/b",
        "https://elfaro.net/c",
        "https://example.org/d",
    ]
)
THINGS = st.sampled_from(
    ["the agreement", "deportees", "Rubio", "officials", "the border"]
)
PREDICATES = st.sampled_from(["status", "accepts", "rejects", "employs"])
DATES = st.none() | cst.whens(
    min_value=dt.date(2025, 1, 1), max_value=dt.date(2025, 12, 31)
)
T0 = dt.datetime(2025, 2, 5, 9, tzinfo=dt.UTC)
INSTANTS = st.builds(
    lambda minutes, tz: (T0 + dt.timedelta(minutes=minutes)).astimezone(tz),
    st.integers(0, 60 * 24 * 30),
    st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=-3))]),
)
TEXTS = st.sampled_from(
    ["Rubio spoke", "Bukele agreed", " Bukele  agreed", "It is “final”"]
)
BY = st.none() | st.sampled_from(["ana", "editor"])


class Rejected(Exception):  # noqa: N818 -- the model's word for a refusal
    """
    The model expects the operation to fail.
    """


REFUSED = object()
"""What `expect` gives when the model expects a refusal."""


def expect(plan, *args):
    """
    What *plan* gives, or REFUSED if it says the operation must fail.
    """
    try:
        return plan(*args)
    except Rejected:
        return REFUSED


def site(url):
    """
    The site of a URL, as lineages count it.
    """
    host = urllib.parse.urlsplit(url).hostname or url
    return host.removeprefix("www.")


def max_disjoint(sets):
    """
    The largest number of pairwise disjoint sets among *sets*.
    """
    if not sets:
        return 0
    first, *rest = sets
    without = max_disjoint(rest)
    with_first = 1 + max_disjoint([s for s in rest if not s & first])
    return max(without, with_first)


class Model:
    """
    What the tracker holds, and what it should say, worked out plainly.
    """

    def __init__(self, policy):
        self.policy = policy
        self.sources = {}
        self.actors = {}
        self.claims = {}
        self.evidence = {}  # claim id -> [Evidence], in the order added
        self.verdicts = {}  # claim id -> [Verdict], in the order set
        self.retracted = set()
        self.links = set()  # frozensets of two claim ids
        self.declared = []  # Predicates, in the order declared

    # -- names ---------------------------------------------------------

    def owners(self, name):
        """
        The ids of the actors that go by *name*, whatever its spelling.
        """
        key = name_key(name)
        return [
            a.id
            for a in self.actors.values()
            if key in {name_key(n) for n in a.names}
        ]

    def resolve(self, ref):
        """
        The id of the actor *ref* names; raise Rejected if none or several.
        """
        if isinstance(ref, ct.Actor):
            if self.actors.get(ref.id) != ref:
                raise Rejected
            return ref.id
        if ref in self.actors:
            return ref
        found = self.owners(ref)
        if len(found) != 1:
            raise Rejected
        return found[0]

    def canonical_name(self, value):
        """
        A subject or object as the tracker stores it: an actor's id for a
        name of a known actor, else as written.
        """
        if value in self.actors or self.owners(value):
            return self.resolve(value)
        return value

    def twin(self, item):
        """
        The stored item *item* is, or None; Rejected if its id is taken.

        A claim is the same claim if only the words of its date differ.
        """
        found = (
            self.claims.get(item.id)
            or self.sources.get(item.id)
            or self.actors.get(item.id)
        )
        if found is None:
            return None
        if not same(item, found):
            raise Rejected
        return found

    def source_twin(self, source):
        """
        As `twin`; and Rejected if the source would derive from itself.
        """
        found = self.twin(source)
        todo, seen = list(source.derived_from), set()
        while found is None and todo:
            upstream = todo.pop()
            if upstream == source.id:
                raise Rejected
            if upstream not in seen and upstream in self.sources:
                seen.add(upstream)
                todo.extend(self.sources[upstream].derived_from)
        return found

    def claim(self, arguments, span):
        """
        The claim add_claim should store for *arguments*, or Rejected.
        """
        speaker = self.resolve(arguments["speaker"])
        if speaker in arguments["reported_by"]:
            raise Rejected
        proposition = arguments.get("proposition")
        if proposition is not None:
            obj = proposition.object
            proposition = attrs.evolve(
                proposition,
                subject=self.canonical_name(proposition.subject),
                object=self.canonical_name(obj)
                if isinstance(obj, str)
                else obj,
            )
        source = arguments.get("source")
        where = getattr(source, "id", source)
        text, said = arguments["text"], arguments["said"]
        return ct.Claim(
            ct.Claim.make_id(
                text, speaker, said=said, source=where, span=span
            ),
            text,
            speaker,
            said=said,
            span=span,
            source=where,
            reported_by=arguments["reported_by"],
            proposition=proposition,
            tags=arguments["tags"],
        )

    def batch(self, planned):
        """
        What add_claims should return, and the claims it adds, or Rejected.
        """
        new, results = {}, []
        for arguments, span in planned:
            claim = self.claim(arguments, span)
            twin = self.twin(claim) or new.setdefault(claim.id, claim)
            if not same(claim, twin):
                raise Rejected
            results.append(twin)
        return results, new

    # -- lineages ------------------------------------------------------

    def source_keys(self, source_id, seen=()):
        """
        What a source goes back to: root sources, publishers and sites.
        """
        source = self.sources.get(source_id)
        if source is None or source_id in seen:
            return {f"source:{source_id}"}
        keys = set() if source.derived_from else {f"source:{source_id}"}
        if source.publisher:
            keys.add(f"publisher:{name_key(source.publisher)}")
        if source.url:
            keys.add(f"site:{site(source.url)}")
        for upstream in source.derived_from:
            keys |= self.source_keys(upstream, (*seen, source_id))
        return keys

    def citation_keys(self, citation):
        """
        What a citation goes back to.
        """
        if citation.claim is not None:
            return {f"actor:{self.claims[citation.claim].speaker}"}
        if citation.source is not None:
            return self.source_keys(citation.source)
        for source in self.sources.values():
            if source.url == citation.url:
                return self.source_keys(source.id)
        return {f"site:{site(citation.url)}"}

    def own_keys(self, claim):
        """
        The claim's own lineage: its speaker, relays and source.
        """
        keys = {f"actor:{a}" for a in (claim.speaker, *claim.reported_by)}
        if claim.source is not None:
            keys |= self.source_keys(claim.source)
        return keys

    def support_count(self, claim_id):
        """
        How many independent lineages support the claim, its own included.
        """
        claim = self.claims[claim_id]
        own = self.own_keys(claim)
        units = set()
        for item in self.evidence.get(claim_id, ()):
            if item.stance is not ct.Stance.SUPPORTS:
                continue
            keys = frozenset().union(
                *(self.citation_keys(c) for c in item.items)
            )
            if not keys & own:
                units.add(keys)
        return 1 + max_disjoint(sorted(units, key=sorted))

    # -- contradictions ------------------------------------------------

    def canonical(self, name, *, invertible):
        """
        A predicate's canonical key, and whether it flips or turns round.
        """
        negative_of, inverse = {}, {}
        for p in self.declared:
            if p.negation is not None:
                negative_of[predicate_key(p.negation)] = p.id
            if p.inverse is not None:
                inverse[p.id] = predicate_key(p.inverse)
                inverse[predicate_key(p.inverse)] = p.id
        key = predicate_key(name)
        flip = key in negative_of
        key = negative_of.get(key, key)
        partner = inverse.get(key)
        invert = invertible and partner is not None and partner < key
        return (partner if invert else key), flip, invert

    def declaration(self, key):
        """
        The declaration of a predicate key, or None.
        """
        return next((p for p in self.declared if p.id == key), None)

    def entity(self, value):
        """
        What a subject or object means: one actor, or some text.
        """
        if value in self.actors:
            return ("actor", value)
        found = self.owners(value)
        if len(found) == 1:
            return ("actor", found[0])
        return ("text", name_key(value))

    def fact(self, claim):
        """
        The claim's proposition in canonical form, with its days.
        """
        p = claim.proposition
        number = isinstance(p.object, ct.Quantity)
        key, flip, invert = self.canonical(p.predicate, invertible=not number)
        subject = self.entity(p.subject)
        if number:
            obj = (fold(p.object.unit or ""), Fraction(p.object.value))
        else:
            obj = self.entity(p.object)
            if invert:
                subject, obj = obj, subject
        days = (
            (p.valid.earliest, p.valid.latest)
            if p.valid is not None
            else (dt.date.min, dt.date.max)
        )
        asserted = (p.polarity is ct.Polarity.ASSERTED) != flip
        return subject, key, obj, asserted, days

    def conflict(self, a, b):
        """
        How two claims conflict by what they say, or None, in DESIGN's words.
        """
        sa, ka, oa, asserted_a, (la, ha) = self.fact(a)
        sb, kb, ob, asserted_b, (lb, hb) = self.fact(b)
        if (sa, ka) != (sb, kb) or ha < lb or hb < la:
            return None
        declared = self.declaration(ka)
        numbers = isinstance(oa[1], Fraction) and isinstance(ob[1], Fraction)
        if numbers and oa[0] != ob[0]:  # other units: never the same
            same, comparable = False, False
        elif numbers:
            tolerance = declared.tolerance if declared else None
            allowed = (
                max(
                    Fraction(tolerance.absolute),
                    Fraction(tolerance.relative) * max(abs(oa[1]), abs(ob[1])),
                )
                if tolerance
                else 0
            )
            same, comparable = abs(oa[1] - ob[1]) <= allowed, True
        else:
            same, comparable = oa == ob, True
        if same and asserted_a != asserted_b:
            return ct.ContradictionKind.NEGATION
        if (
            declared is not None
            and declared.single_valued
            and asserted_a
            and asserted_b
            and not same
            and comparable
        ):
            return ct.ContradictionKind.VALUE_CONFLICT
        return None

    def conflicts(self, claim_id):
        """
        Every (other claim, kind) that conflicts with the claim.
        """
        found = set()
        claim = self.claims[claim_id]
        for other in self.claims.values():
            if other.id == claim_id:
                continue
            if claim.proposition and other.proposition:
                how = self.conflict(claim, other)
                if how is not None:
                    found.add((other.id, how))
            if frozenset((claim_id, other.id)) in self.links:
                found.add((other.id, ct.ContradictionKind.EXPLICIT))
        found.update(
            (other, ct.ContradictionKind.REFUTING_EVIDENCE)
            for other in self.refuting(claim_id)
        )
        return found

    def refuting(self, claim_id):
        """
        The claims the claim was refuted by, or that it was cited to refute.
        """
        for refuted, items in self.evidence.items():
            for item in items:
                if item.stance is ct.Stance.REFUTES:
                    for cited in (c.claim for c in item.items if c.claim):
                        if claim_id == refuted:
                            yield cited
                        elif claim_id == cited:
                            yield refuted

    # -- status --------------------------------------------------------

    def status(self, claim_id):
        """
        The claim's status: retracted, rated, or derived from evidence.
        """
        if claim_id in self.retracted:
            return ct.Status.RETRACTED
        judging = [
            (v.at, n, v)
            for n, v in enumerate(self.verdicts.get(claim_id, ()))
            if v.rating is not None
        ]
        if judging:
            return ct.Status.of_rating(max(judging)[2].rating)
        count = self.support_count(claim_id)
        refuted = any(
            e.stance is ct.Stance.REFUTES
            for e in self.evidence.get(claim_id, ())
        )
        if refuted:
            return ct.Status.DISPUTED if count > 1 else ct.Status.REFUTED
        if self.conflicts(claim_id):
            return ct.Status.DISPUTED
        if count >= self.policy.min_sources:
            return ct.Status.CORROBORATED
        return ct.Status.UNVERIFIED

    # -- declarations --------------------------------------------------

    def clashes(self, predicate):
        """
        Whether declaring *predicate* contradicts earlier declarations.

        A name is a declared predicate or the negated form of one, never
        both, whichever is declared first; a name is the inverse of one
        predicate at most.
        """
        key = predicate.id
        mine = self.declaration(key)
        if mine is not None:
            return _meaning(mine) != _meaning(predicate)
        declared = {p.id for p in self.declared}
        negated = {
            predicate_key(p.negation) for p in self.declared if p.negation
        }
        negations = {p.id for p in self.declared if p.negation}
        partners = {}
        for p in self.declared:
            if p.inverse is not None:
                partners[p.id] = predicate_key(p.inverse)
                partners[predicate_key(p.inverse)] = p.id
        if key in negated:
            return True
        if predicate.inverse is not None:
            inverse = predicate_key(predicate.inverse)
            if partners.get(inverse, key) != key:
                return True
        if predicate.negation is not None:
            negation = predicate_key(predicate.negation)
            if negation in negated or negation in negations | declared:
                return True
        return False


def same(item, stored):
    """
    Whether *item* is *stored*, its date perhaps in other words.
    """
    if (
        isinstance(item, ct.Claim)
        and isinstance(stored, ct.Claim)
        and item.said is not None
        and stored.said is not None
        and item.said.isoformat() == stored.said.isoformat()
    ):
        item = attrs.evolve(item, said=stored.said)
    return item == stored


def _meaning(p):
    return (
        p.id,
        p.single_valued,
        predicate_key(p.inverse) if p.inverse else None,
        predicate_key(p.negation) if p.negation else None,
        p.tolerance,
    )


def snapshot(tracker):
    """
    What a tracker says, for comparing before and after a failed call.
    """
    return (
        tracker.events(),
        [(c.id, tracker.status(c)) for c in tracker],
        tracker.contradictions(),
        tracker.predicates(),
        tracker.sources(),
        tracker.actors(),
    )


class TrackerMachine(RuleBasedStateMachine):
    """
    Sources, actors and claims added, corroborated, rated, retracted,
    linked, saved and reopened, in any order.
    """

    sources = Bundle("sources")
    actors = Bundle("actors")
    claims = Bundle("claims")

    def __init__(self):
        super().__init__()
        self.directory = Path(tempfile.mkdtemp(prefix="claimtrack-"))
        self.files = 0
        self.path = None  # the file of a tracker kept in a store
        self.tracker = ct.Tracker()
        self.model = Model(self.tracker.policy)

    def teardown(self):
        """
        Close the store, and remove its files.
        """
        self.tracker.close()
        shutil.rmtree(self.directory, ignore_errors=True)

    @initialize(target=actors, policy=cst.policies(), actor=cst.actors())
    def start(self, policy, actor):
        """
        Start from a tracker with a policy and one actor.
        """
        self.tracker, self.path = self.open_tracker(policy)
        self.model = Model(policy)
        return self.add_actor(actor, T0)

    def open_tracker(self, policy):
        """
        A new, empty tracker with *policy*, and its file (None: in memory).
        """
        return ct.Tracker(policy=policy), None

    # -- shared steps ------------------------------------------------

    def refused(self, call, *args, **kwargs):
        """
        Call, expecting a ClaimtrackError and no change at all.
        """
        before = snapshot(self.tracker)
        try:
            result = call(*args, **kwargs)
        except ct.ClaimtrackError as error:
            note(f"refused as expected: {error!r}")
            assert isinstance(error, ValueError | TypeError | KeyError)
        else:
            raise AssertionError(f"expected a ClaimtrackError, got {result!r}")
        assert before == snapshot(self.tracker)

    # -- adding --------------------------------------------------------

    @rule(
        target=sources,
        source=cst.sources(
            id=SOURCE_IDS,
            publisher=PUBLISHERS,
            url=st.none() | URLS,
            published=st.none() | DATES,
            derived_from=st.lists(SOURCE_IDS, max_size=2),
        ),
        at=INSTANTS,
    )
    def add_source(self, source, at):
        """
        Add a source: new, the same again, or refused.
        """
        if expect(self.model.source_twin, source) is REFUSED:
            self.refused(self.tracker.add_source, source, at=at)
            return multiple()
        stored = self.tracker.add_source(source, at=at)
        assert source == stored
        self.model.sources[source.id] = source
        return stored

    @rule(
        target=actors,
        actor=cst.actors(id=ACTOR_IDS, role=st.none() | THINGS),
        at=INSTANTS,
    )
    def add_actor_rule(self, actor, at):
        """
        Add an actor: new, the same again, or refused.
        """
        return self.add_actor(actor, at)

    def add_actor(self, actor, at):
        """
        Add an actor: new, the same again, or refused.
        """
        if expect(self.model.twin, actor) is REFUSED:
            self.refused(self.tracker.add_actor, actor, at=at)
            return multiple()
        stored = self.tracker.add_actor(actor, at=at)
        assert actor == stored
        self.model.actors[actor.id] = actor
        return stored

    def _arguments(self, data, speaker, source):
        """
        Draw add_claim's arguments, and the span they should give.
        """
        actors = sorted(self.model.actors)
        arguments = {
            "text": data.draw(TEXTS),
            "speaker": data.draw(
                st.sampled_from([speaker.id, speaker, *speaker.names])
            ),
            "said": data.draw(DATES),
            "reported_by": data.draw(
                st.lists(st.sampled_from(actors), max_size=2, unique=True)
            ),
            "tags": data.draw(st.lists(st.sampled_from(["a", "B"]))),
        }
        proposition = data.draw(
            st.none()
            | cst.propositions(
                subject=THINGS | st.sampled_from(actors),
                predicate=PREDICATES,
                object=THINGS
                | cst.quantities(
                    value=st.integers(0, 3), unit=st.sampled_from(["km", "%"])
                ),
                valid=DATES,
            )
        )
        if proposition is not None:
            arguments["proposition"] = proposition
        if source is None:
            return arguments, None
        arguments["source"] = data.draw(st.sampled_from([source, source.id]))
        if not source.text:
            return arguments, None
        span = data.draw(cst.spans(source=st.just(source)))
        if data.draw(st.booleans()):
            arguments["span"] = span
            return arguments, span
        arguments["quote"] = span.exact
        found = [
            n
            for n in range(len(source.text))
            if source.text.startswith(span.exact, n)
        ]
        if len(found) > 1:
            arguments["occurrence"] = found.index(span.start)
        return arguments, span

    @rule(
        target=claims,
        data=st.data(),
        speaker=actors,
        source=st.none() | sources,
        at=INSTANTS,
        by=BY,
    )
    def add_claim(self, data, speaker, source, at, by):
        """
        Add a claim by name, id or Actor, with a span or a quote.
        """
        arguments, span = self._arguments(data, speaker, source)
        expected = expect(self.model.claim, arguments, span)
        twin = (
            REFUSED
            if expected is REFUSED
            else expect(self.model.twin, expected)
        )
        if twin is REFUSED:
            self.refused(self.tracker.add_claim, **arguments, at=at, by=by)
            return multiple()
        stored = self.tracker.add_claim(**arguments, at=at, by=by)
        assert (twin or expected) == stored
        self.model.claims[stored.id] = stored
        return stored

    @rule(
        target=claims,
        data=st.data(),
        speakers=st.lists(actors, min_size=1, max_size=3),
        source=st.none() | sources,
        at=INSTANTS,
    )
    def add_claims(self, data, speakers, source, at):
        """
        Add a batch of claims: all of them, or none.
        """
        planned = [self._arguments(data, s, source) for s in speakers]
        batch = [arguments for arguments, _ in planned]
        expected = expect(self.model.batch, planned)
        if expected is REFUSED:
            self.refused(self.tracker.add_claims, batch, at=at)
            return multiple()
        results, new = expected
        assert results == self.tracker.add_claims(batch, at=at)
        self.model.claims.update(new)
        return multiple(*new.values())

    # -- evidence, verdicts, retractions -------------------------------

    @rule(
        data=st.data(),
        claim=claims,
        stance=st.sampled_from(ct.Stance),
        at=INSTANTS,
        by=BY,
    )
    def corroborate(self, data, claim, stance, at, by):
        """
        Add evidence: a claim, a span, a source or a URL, or a set of them.
        """
        model = self.model
        items, cited = [], []
        for _ in range(data.draw(st.integers(1, 2))):
            kinds = ["url", "claim"] + (["source"] if model.sources else [])
            kind = data.draw(st.sampled_from(kinds))
            if kind == "claim":
                other = data.draw(st.sampled_from(sorted(model.claims)))
                items.append(
                    data.draw(st.sampled_from([other, model.claims[other]]))
                )
                cited.append(Citation(claim=other))
            elif kind == "source":
                source = model.sources[
                    data.draw(st.sampled_from(sorted(model.sources)))
                ]
                if source.text and data.draw(st.booleans()):
                    span = data.draw(cst.spans(source=st.just(source)))
                    items.append(span)
                    cited.append(Citation(span=span))
                else:
                    items.append(
                        data.draw(st.sampled_from([source, source.id]))
                    )
                    cited.append(Citation(source=source.id))
            else:
                url = data.draw(
                    URLS
                    | st.sampled_from(
                        [s.url for s in model.sources.values() if s.url]
                        or ["https://x.example/"]
                    )
                )
                items.append(url)
                cited.append(Citation(url=url))
        evidence = items[0] if len(items) == 1 else items
        if any(c.claim == claim.id for c in cited):
            self.refused(
                self.tracker.corroborate,
                claim,
                evidence=evidence,
                stance=stance,
                at=at,
                by=by,
            )
            return
        before = model.support_count(claim.id)
        stored = self.tracker.corroborate(
            claim, evidence=evidence, stance=stance, at=at, by=by
        )
        identity = ct.Evidence.make_id(claim.id, stance, cited)
        listed = model.evidence.setdefault(claim.id, [])
        known = [e for e in listed if e.id == identity]
        assert known in ([], [stored])
        if not known:
            assert (identity, tuple(cited), stance) == (
                stored.id,
                stored.items,
                stored.stance,
            )
            listed.append(stored)
        assert self.tracker.support(claim).count >= before

    @rule(data=st.data(), claim=claims, at=INSTANTS, by=BY)
    def rate(self, data, claim, at, by):
        """
        Rate a claim on a scale; the latest verdict that judges counts.
        """
        scale = data.draw(cst.rating_scales())
        label = data.draw(st.sampled_from(scale.label_names))
        rationale = data.draw(st.none() | st.just("checked"))
        stored = self.tracker.rate(
            claim, label, scale=scale, at=at, by=by, rationale=rationale
        )
        assert (label, scale.rate(label)) == (stored.label, stored.rating)
        listed = self.model.verdicts.setdefault(claim.id, [])
        if all(v.id != stored.id for v in listed):
            listed.append(stored)

    @rule(claim=claims, at=INSTANTS)
    def retract(self, claim, at):
        """
        Retract a claim; a second retraction returns the first.
        """
        first = self.tracker.retraction(claim)
        stored = self.tracker.retract(claim, at=at)
        assert first in (None, stored)
        self.model.retracted.add(claim.id)

    @rule(claim=claims, other=claims, at=INSTANTS)
    def contradict(self, claim, other, at):
        """
        Link two claims an analyst judges cannot both hold.
        """
        if claim.id == other.id:
            self.refused(self.tracker.contradict, claim, other, at=at)
            return
        found = self.tracker.contradict(claim, other, at=at)
        assert (claim.id, other.id) == found.claims
        self.model.links.add(frozenset((claim.id, other.id)))

    @rule(
        predicate=cst.predicates(name=PREDICATES | THINGS),
        at=INSTANTS,
    )
    def declare(self, predicate, at):
        """
        Declare a predicate; a clashing declaration is refused.
        """
        if self.model.clashes(predicate):
            self.refused(self.tracker.declare, predicate, at=at)
            return
        before = self.tracker.predicates()
        stored = self.tracker.declare(predicate, at=at)
        if self.model.declaration(predicate.id) is None:
            self.model.declared.append(predicate)
            assert [*before, predicate] == self.tracker.predicates()
        else:
            assert before == self.tracker.predicates()
            assert _meaning(stored) == _meaning(predicate)

    # -- history, saving and reopening ----------------------------------

    @rule(
        data=st.data(), how=st.sampled_from(["again", "json", "store", "file"])
    )
    def reopen(self, data, how):
        """
        Save the tracker and go on with it read back: from JSON, or from a
        new SQLite file; or read the file the tracker writes through to; or
        apply an event again, which changes nothing.
        """
        if how == "again":
            before = self.tracker.events()
            event = data.draw(st.sampled_from(before))
            self.tracker.apply(event)
            assert before == self.tracker.events()
            return
        if how == "file" and self.path is not None:
            # The file holds what the tracker holds, failed calls included.
            with ct.Tracker.open(self.path) as other:
                assert other == self.tracker
            return
        if how == "json":
            again, path = ct.Tracker.from_json(self.tracker.to_json()), None
        else:
            self.files += 1
            path = self.directory / f"claims-{self.files}.db"
            with ct.Tracker.open(path, policy=self.tracker.policy) as new:
                new.merge(self.tracker)
            again = ct.Tracker.open(path)
        assert again == self.tracker
        self.tracker.close()
        self.tracker, self.path = again, path

    # -- failing on purpose ---------------------------------------------

    @rule(data=st.data(), claim=claims, at=INSTANTS)
    def fail(self, data, claim, at):
        """
        An operation that must fail fails, and changes nothing.
        """
        t = self.tracker
        how = data.draw(
            st.sampled_from(
                [
                    "speaker",
                    "claim",
                    "label",
                    "stance",
                    "batch",
                    "relative",
                    "span",
                    "self-evidence",
                ]
            )
        )
        if how == "speaker":
            self.refused(t.add_claim, "x", speaker="nobody-at-all", at=at)
        elif how == "claim":
            self.refused(t.corroborate, "claim-nope", evidence=claim, at=at)
        elif how == "label":
            self.refused(t.rate, claim, "sort of", scale="politifact", at=at)
        elif how == "stance":
            self.refused(
                t.corroborate,
                claim,
                evidence="https://x.example/",
                stance="maybe",
                at=at,
            )
        elif how == "batch":
            good = {"text": "new", "speaker": claim.speaker}
            self.refused(
                t.add_claims, [good, {"text": "x", "speaker": "nobody"}], at=at
            )
        elif how == "relative":
            self.refused(
                t.add_claim, "x", speaker=claim.speaker, said="Monday"
            )
        elif how == "span":
            self.refused(
                t.add_claim,
                "x",
                speaker=claim.speaker,
                source="s-none",
                span=ct.Span(0, 1, "x", source="s-none"),
            )
        else:
            self.refused(t.corroborate, claim, evidence=claim, at=at)

    # -- the promises ----------------------------------------------------

    @invariant()
    def spans_are_true_to_the_text(self):
        """
        Every span, of a claim or of evidence, quotes its source exactly.
        """
        t = self.tracker
        for claim in t:
            spans = [(claim.source, claim.span)]
            for item in t.evidence(claim):
                spans += [(c.source, c.span) for c in item.items]
            for source, span in spans:
                if span is not None:
                    text = t.source(source).text
                    assert text[span.start : span.end] == span.exact
                    assert span.matches(text)

    @invariant()
    def the_model_agrees(self):
        """
        The tracker holds what the model holds, and says what it says.
        """
        t, model = self.tracker, self.model
        assert list(model.sources.values()) == t.sources()
        assert list(model.actors.values()) == t.actors()
        assert list(model.claims) == [c.id for c in t]
        for claim in t:
            assert model.support_count(claim.id) == t.support(claim).count
            expected = model.conflicts(claim.id)
            found = {(c.other, c.kind) for c in t.contradictions(claim)}
            assert expected == found, claim.id
            assert model.status(claim.id) == t.status(claim)

    @invariant()
    def contradiction_is_symmetric(self):
        """
        Each contradiction is found from both of its claims.
        """
        t = self.tracker
        pairs = set()
        for claim in t:
            for found in t.contradictions(claim):
                assert found.claim == claim.id
                assert any(
                    back.other == claim.id and back.kind is found.kind
                    for back in t.contradictions(found.other)
                )
                pairs.add((frozenset(found.claims), found.kind))
        assert pairs == {
            (frozenset(c.claims), c.kind) for c in t.contradictions()
        }

    @invariant()
    def history_replays(self):
        """
        The events rebuild an equal tracker, which says the same things.
        """
        t = self.tracker
        events = t.events()
        again = ct.Tracker.from_events(events, policy=t.policy)
        assert again == t
        assert [again.status(c) for c in again] == [t.status(c) for c in t]
        assert again.contradictions() == t.contradictions()
        for claim in t:
            assert t.history(claim) == [
                e for e in events if claim.id in e.claims
            ]


class SqliteTrackerMachine(TrackerMachine):
    """
    The same runs over a tracker that writes through to an SQLite file.
    """

    def open_tracker(self, policy):
        """
        A new tracker in a new file of the run's directory, and the file.
        """
        self.files += 1
        path = self.directory / f"claims-{self.files}.db"
        return ct.Tracker.open(path, policy=policy), path


class PostgresTrackerMachine(TrackerMachine):
    """
    The same runs over a tracker in PostgreSQL: a new tracker id each run.
    """

    def open_tracker(self, policy):
        """
        A new tracker in the test database, and its URL.
        """
        url = postgres.url()
        return ct.Tracker.open(url, policy=policy), url


TestTracker = TrackerMachine.TestCase
TestSqliteTracker = SqliteTrackerMachine.TestCase


class TestPostgresTracker(PostgresTrackerMachine.TestCase):
    """
    The machine over PostgreSQL, skipped without a server; a quarter of the
    profile's examples (at least 10), as each step is a round trip.
    """

    settings = settings(
        settings(), max_examples=max(10, settings().max_examples // 4)
    )

    def setUp(self):
        """
        Skip, with the reason, when no server can be had.
        """
        postgres.admin()
