"""
Tests for claimtrack.strategies: every value valid and consistent, options
checked as Hypothesis checks its own, and st.from_type for every model.
"""

import datetime as dt
import enum
import importlib
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import claimtrack as ct
from claimtrack import _hypothesis, _strategies
from claimtrack import strategies as cst
from claimtrack.evidence import Citation


ROOT = Path(__file__).resolve().parent.parent
PUBLIC = (
    "claimtrack",
    "claimtrack.anchoring",
    "claimtrack.events",
    "claimtrack.evidence",
    "claimtrack.scales",
)
"""The modules whose classes are the public models."""
MODELS = list(
    dict.fromkeys(
        value
        for module in map(importlib.import_module, PUBLIC)
        for value in (getattr(module, name) for name in module.__all__)
        if isinstance(value, type)
        and not issubclass(value, BaseException | enum.Enum)
    )
)


def draw_once(strategy):
    """
    Draw one value from *strategy*, outside any test: errors propagate.
    """
    found = []

    @settings(
        max_examples=1,
        database=None,
        derandomize=True,
        phases=[Phase.generate],
    )
    @given(strategy)
    def take(value):
        found.append(value)

    take()
    return found[0]


def consistent(tracker):
    """
    Assert that every part of *tracker* refers to parts it holds.
    """
    actors = {a.id for a in tracker.actors()}
    sources = {s.id: s for s in tracker.sources()}
    for claim in tracker:
        assert claim.speaker in actors
        assert set(claim.reported_by) <= actors
        if claim.source is not None:
            assert claim.source in sources
        if claim.span is not None:
            text = sources[claim.source].text
            assert text[claim.span.start : claim.span.end] == claim.span.exact
            assert claim.span.matches(text)
    for claim in tracker:
        for item in tracker.evidence(claim):
            for citation in item.items:
                if citation.claim is not None:
                    assert citation.claim in tracker
                if citation.span is not None:
                    source = sources[citation.source]
                    assert citation.span.matches(source.text)


class TestImport:
    """
    The module needs Hypothesis, and says how to get it.
    """

    def test_without_hypothesis(self, monkeypatch):
        """
        Without Hypothesis, importing the strategies says what to install.
        """
        monkeypatch.setitem(sys.modules, "hypothesis", None)
        monkeypatch.delitem(sys.modules, "claimtrack.strategies")
        monkeypatch.delitem(sys.modules, "claimtrack._strategies")

        with pytest.raises(ImportError) as e:
            importlib.import_module("claimtrack.strategies")

        assert 'pip install "claimtrack[hypothesis]"' in str(e.value)

    def test_hook_module_without_hypothesis(self):
        """
        The entry point's module imports, and claimtrack works, without it.
        """
        code = (
            "import sys; sys.modules['hypothesis'] = None\n"
            "import claimtrack as ct, claimtrack._hypothesis\n"
            "t = ct.Tracker(); t.add_actor(ct.Actor('a', 'Ann'))\n"
            "try:\n"
            "    ct.strategies\n"
            "except ImportError as e:\n"
            "    print(len(t.actors()), e)\n"
        )
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )

        assert out.stdout.startswith("1 claimtrack.strategies needs")


class TestOptions:
    """
    Bad options raise InvalidArgument, as Hypothesis's own strategies do.
    """

    @pytest.mark.parametrize(
        "strategy",
        [
            cst.sources(text="a text"),
            cst.spans(source=ct.Source("s", text="x")),
            cst.actors(name="Ann"),
            cst.claims(speaker="rubio"),
            cst.quantities(unit="km"),
            cst.citations(url="https://example.org"),
            cst.evidence(stance=ct.Stance.SUPPORTS),
            cst.verdicts(scale=ct.scales.POLITIFACT),
            cst.whens(precision=ct.Precision.DAY),
            cst.trackers(policy=ct.Policy()),
            cst.predicates(name="status"),
            cst.propositions(subject="the agreement"),
            cst.retractions(claim="c1"),
        ],
        ids=lambda s: repr(s)[:60],
    )
    def test_values_instead_of_strategies(self, strategy):
        """
        An option given a value instead of a strategy is refused.
        """
        with pytest.raises(InvalidArgument, match=r"st\.just"):
            draw_once(strategy)

    @pytest.mark.parametrize(
        "strategy",
        [
            cst.whens(min_value=dt.date(2025, 2, 1), max_value="2025-03-01"),
            cst.whens(min_value=dt.datetime(2025, 2, 1, tzinfo=dt.UTC)),
            cst.whens(
                min_value=dt.date(2025, 2, 2), max_value=dt.date(2025, 2, 1)
            ),
            cst.whens(
                min_value=dt.date(2025, 2, 3),
                max_value=dt.date(2025, 2, 20),
                precision=st.just(ct.Precision.MONTH),
            ),
            cst.whens(precision=st.just("day")),
            cst.whens(
                min_value=dt.date(9999, 12, 5),
                precision=st.just(ct.Precision.MONTH),
            ),
            cst.whens(
                max_value=dt.date(1, 1, 20),
                precision=st.just(ct.Precision.MONTH),
            ),
            cst.whens(
                min_value=dt.date(2025, 1, 2),
                max_value=dt.date(2025, 12, 31),
                precision=st.just(ct.Precision.YEAR),
            ),
            cst.trackers(min_claims=-1),
            cst.trackers(min_claims=True),
            cst.trackers(min_claims=3, max_claims=2),
            cst.trackers(max_claims=1, contradictions=True),
            cst.trackers(max_claims=0, corroborations=True),
            cst.trackers(contradictions="yes"),
            cst.trackers(policy=st.just(2)),
            cst.spans(source=st.just(ct.Source("s"))),
            cst.spans(source=st.just("s")),
            cst.actors(name=st.none(), kind=st.just(ct.ActorKind.PERSON)),
            cst.actors(kind=st.just("person")),
            cst.claims(speaker=st.just(7)),
            cst.claims(source=st.just("s1")),
            cst.citations(
                claim=st.nothing(), source=st.nothing(), url=st.nothing()
            ),
            cst.citations(
                claim=st.just(1), source=st.nothing(), url=st.nothing()
            ),
            cst.citations(
                claim=st.nothing(), source=st.just("s"), url=st.nothing()
            ),
            cst.citations(
                claim=st.nothing(), source=st.nothing(), url=st.just(1)
            ),
            cst.evidence(
                claim=st.just("c1"),
                items=st.just([Citation(claim="c1")]),
            ),
            cst.evidence(claim=st.just(3)),
            cst.verdicts(claim=st.just(3)),
            cst.verdicts(scale=st.just("politifact")),
            cst.predicates(name=st.just(3)),
        ],
        ids=lambda s: repr(s)[:60],
    )
    def test_bad_options(self, strategy):
        """
        An option out of range, or a strategy drawing the wrong thing, is
        refused with InvalidArgument.
        """
        with pytest.raises(InvalidArgument):
            draw_once(strategy)

    def test_options_of_the_right_kind(self):
        """
        Options given as strategies are used: ids, Actors and Claims.
        """
        rubio = ct.Actor("rubio", "Marco Rubio")
        claim = draw_once(
            cst.claims(
                id=st.just("c1"),
                speaker=st.just(rubio),
                reported_by=st.just([rubio, "ap"]),
                source=st.none(),
            )
        )
        other = draw_once(cst.claims(id=st.just("c2")))
        cited = draw_once(
            cst.citations(
                claim=st.just(other), source=st.nothing(), url=st.nothing()
            )
        )
        rated = draw_once(cst.verdicts(claim=st.just(claim)))
        item = draw_once(
            cst.evidence(claim=st.just(claim), items=st.just([cited]))
        )

        assert ("c1", "rubio", ("ap",)) == (
            claim.id,
            claim.speaker,
            claim.reported_by,
        )
        assert ("c2", "c1", "c1") == (cited.claim, rated.claim, item.claim)
        assert (cited,) == item.items


class TestWhens:
    """
    whens() keeps every value within its bounds, at its tightest precision.
    """

    @given(st.data(), st.dates(), st.dates())
    def test_within_bounds(self, data, a, b):
        """
        Every value lies wholly within the bounds, whatever they are.
        """
        low, high = sorted((a, b))
        when = data.draw(cst.whens(min_value=low, max_value=high))

        assert low <= when.earliest <= when.latest <= high
        assert (
            when.precision
            is ct.When.between(when.earliest, when.latest).precision
        )
        assert when.text in ("", when.isoformat(), when.describe())

    @pytest.mark.parametrize("precision", list(ct.Precision))
    @given(data=st.data())
    def test_every_precision(self, precision, data):
        """
        Each precision can be asked for, and is given, at the very edges.
        """
        low, high = data.draw(
            st.sampled_from(
                [
                    (dt.date.min, dt.date.max),
                    (dt.date(1, 1, 2), dt.date(9999, 12, 30)),
                    (dt.date(2024, 1, 15), dt.date(2025, 12, 31)),
                ]
            )
        )
        when = data.draw(
            cst.whens(
                min_value=low, max_value=high, precision=st.just(precision)
            )
        )

        assert precision is when.precision
        assert low <= when.earliest <= when.latest <= high

    def test_range_is_never_a_whole_month(self):
        """
        A range drawn as a whole month is cut short by a day.
        """
        days = iter([dt.date(2025, 2, 1), dt.date(2025, 2, 28)])

        when = _strategies._range(
            lambda _: next(days), dt.date(2025, 2, 1), dt.date(2025, 2, 28)
        )

        assert (
            ct.When.between(dt.date(2025, 2, 1), dt.date(2025, 2, 27)) == when
        )

    def test_narrow_bounds(self):
        """
        One day of room gives that day; a range needs two days.
        """
        day = dt.date(2025, 2, 4)

        assert ct.When.day(day) == draw_once(
            cst.whens(min_value=day, max_value=day).map(
                lambda w: ct.When.day(w.earliest)
            )
        )
        with pytest.raises(InvalidArgument):
            draw_once(
                cst.whens(
                    min_value=day,
                    max_value=day,
                    precision=st.just(ct.Precision.RANGE),
                )
            )


class TestModels:
    """
    Each strategy for a model gives valid values, true to their sources.
    """

    @given(cst.sources())
    def test_sources(self, source):
        """
        A source never derives from itself, and has text to quote.
        """
        assert source.id not in source.derived_from
        assert source.text

    @given(cst.sources(derived_from=st.just(["ap", "s1"]), id=st.just("s1")))
    def test_sources_leave_out_their_own_id(self, source):
        """
        Upstream ids given as an option leave out the source's own.
        """
        assert ("ap",) == source.derived_from

    @given(st.data(), cst.sources())
    def test_spans_are_true_to_text(self, data, source):
        """
        A span quotes its source exactly, and passes its check.
        """
        span = data.draw(cst.spans(source=st.just(source)))

        assert source.text[span.start : span.end] == span.exact
        assert source.check_span(span) == span
        assert source.id == span.source

    @given(cst.actors())
    def test_actors(self, actor):
        """
        Only a group goes without a name.
        """
        assert actor.name is not None or actor.kind is ct.ActorKind.GROUP

    @given(cst.actors(name=st.none(), kind=st.just(ct.ActorKind.GROUP)))
    def test_nameless_group(self, actor):
        """
        A group may be asked for without a name.
        """
        assert (None, ct.ActorKind.GROUP) == (actor.name, actor.kind)

    @given(cst.claims())
    def test_claims(self, claim):
        """
        A claim has its stable id, no relay of itself, a span of its source.
        """
        assert claim.speaker not in claim.reported_by
        assert claim.id == ct.Claim.make_id(
            claim.text,
            claim.speaker,
            said=claim.said,
            source=claim.source,
            span=claim.span,
        )
        if claim.span is not None:
            assert claim.source == claim.span.source

    @given(st.data(), cst.sources())
    def test_claims_quote_their_source(self, data, source):
        """
        A claim drawn with a source quotes that source's text.
        """
        claim = data.draw(cst.claims(source=st.just(source)))

        assert source.check_span(claim.span) == claim.span

    @given(cst.evidence())
    def test_evidence(self, item):
        """
        Evidence never cites its own claim, and has its derived id.
        """
        assert all(c.claim != item.claim for c in item.items)
        assert item.id == ct.Evidence.make_id(
            item.claim, item.stance, item.items
        )
        assert item.at.utcoffset() is not None

    @given(cst.verdicts())
    def test_verdicts(self, verdict):
        """
        A verdict's rating is where its scale puts its label.
        """
        scale = next(
            s
            for s in (*ct.scales.BUILT_IN.values(), None)
            if s is None or s.name == verdict.scale
        )
        if scale is not None:
            assert scale.rate(verdict.label) is verdict.rating
        assert verdict.label

    @given(st.lists(cst.predicates(), max_size=4))
    def test_predicates_can_be_declared(self, declarations):
        """
        Each declaration alone is accepted by a tracker.
        """
        for predicate in declarations:
            assert predicate == ct.Tracker().declare(predicate)

    @given(cst.quantities(), cst.propositions(), cst.retractions())
    def test_simple_models(self, quantity, proposition, retraction):
        """
        Quantities are finite, propositions and retractions well formed.
        """
        assert quantity.value == quantity.value  # not NaN
        assert proposition.subject.strip()
        assert proposition.predicate.strip()
        assert retraction.id == f"retraction-{retraction.claim}"


class TestTrackers:
    """
    trackers() builds consistent trackers, with what was asked for.
    """

    @given(cst.trackers())
    def test_consistent_and_replayable(self, tracker):
        """
        Everything refers to what the tracker holds, and replays equal.
        """
        consistent(tracker)
        assert tracker == ct.Tracker.from_events(
            tracker.events(), policy=tracker.policy
        )

    @given(cst.trackers(contradictions=True, corroborations=True))
    def test_contradictions_and_corroborations(self, tracker):
        """
        Asked for, a contradiction and a corroboration are really there.
        """
        consistent(tracker)
        found = tracker.contradictions()

        assert found
        for pair in found:
            assert any(
                c.other == pair.claim and c.kind is pair.kind
                for c in tracker.contradictions(pair.other)
            )
        assert any(tracker.support(c).supported for c in tracker)

    @given(cst.trackers(contradictions=False, corroborations=False))
    def test_neither(self, tracker):
        """
        Asked for none, there is no contradiction and no support.
        """
        consistent(tracker)

        assert [] == tracker.contradictions()
        assert not any(tracker.support(c).supported for c in tracker)

    @given(
        st.data(),
        st.integers(0, 3).flatmap(
            lambda low: st.tuples(st.just(low), st.integers(low, low + 3))
        ),
        st.sampled_from([None, True, False]),
    )
    def test_claim_count(self, data, bounds, planted):
        """
        The number of claims stays within min_claims and max_claims.
        """
        low, high = bounds
        if planted and high < 2:
            high = 2
        tracker = data.draw(
            cst.trackers(
                min_claims=low,
                max_claims=high,
                contradictions=planted,
                corroborations=planted,
            )
        )

        assert low <= len(tracker) <= high

    @given(
        cst.trackers(
            sources=st.just(ct.Source("ap", publisher="AP", text="Rubio.")),
            actors=st.just(ct.Actor("rubio", "Marco Rubio")),
            min_claims=1,
            policy=st.just(ct.Policy(min_sources=3)),
        )
    )
    def test_given_parts(self, tracker):
        """
        The sources, actors and policy given are the tracker's.
        """
        assert {s.id for s in tracker.sources()} <= {"ap"}
        assert ["rubio"] == [a.id for a in tracker.actors()]
        assert 3 == tracker.policy.min_sources
        assert {"rubio"} == {c.speaker for c in tracker}

    @given(
        cst.trackers(
            sources=st.sampled_from(
                [
                    ct.Source("a", derived_from=("b",)),
                    ct.Source("b", derived_from=("a",)),
                ]
            ),
            max_claims=0,
        )
    )
    def test_sources_without_cycles(self, tracker):
        """
        Sources drawn deriving from each other get lineages without cycles.
        """
        held = [s.id for s in tracker.sources()]

        assert all(
            u not in held[n:]
            for n, s in enumerate(tracker.sources())
            for u in s.derived_from
        )

    @given(
        cst.trackers(
            actors=st.sampled_from(
                [ct.Actor("a1", "the border"), ct.Actor("a2", "the border")]
            ),
            sources=st.just(
                ct.Source(
                    "s",
                    url="https://corroboration-0.example/a",
                    text="Rubio said so.",
                )
            ),
            min_claims=3,
            corroborations=True,
        )
    )
    def test_shared_names_and_sites(self, tracker):
        """
        A thing that names two actors is not used; corroboration comes from
        a site no source has.
        """
        consistent(tracker)
        assert (
            all(
                c.proposition is None
                or "the border"
                not in (
                    c.proposition.subject,
                    c.proposition.object,
                )
                for c in tracker
            )
            or len(tracker.actors()) < 2
        )
        assert any(tracker.support(c).supported for c in tracker)


class TestFromType:
    """
    st.from_type works for every public model once claimtrack is installed.
    """

    @pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
    def test_in_process(self, model):
        """
        After the entry point's hook has run, each model resolves.
        """
        _hypothesis._hypothesis_setup_hook()

        value = draw_once(st.from_type(model))

        assert type(value) is model

    def test_every_model_registered(self):
        """
        The hook names a strategy for every public model class.
        """
        assert set(MODELS) == set(_hypothesis.STRATEGIES)

    def test_entry_point_installed(self):
        """
        The installed claimtrack declares its Hypothesis entry point.
        """
        found = [
            e.value
            for e in metadata.entry_points(group="hypothesis")
            if e.value.startswith("claimtrack.")
        ]

        assert ["claimtrack._hypothesis:_hypothesis_setup_hook"] == found, (
            "reinstall claimtrack (pip install -e .) so that its metadata "
            "has the entry point"
        )

    def test_fresh_interpreter(self):
        """
        In a new process, importing Hypothesis is all from_type needs.
        """
        code = """
import enum, importlib, sys
import claimtrack as ct
from hypothesis import given, settings, strategies as st
assert "claimtrack._hypothesis" in sys.modules, "the entry point did not run"
assert "claimtrack.strategies" not in sys.modules
names = []
public = [
    getattr(module, name)
    for module in map(importlib.import_module, sys.argv[1:])
    for name in module.__all__
]
for model in dict.fromkeys(v for v in public if isinstance(v, type)):
    if issubclass(model, BaseException):
        continue

    @settings(max_examples=3, database=None, deadline=None)
    @given(st.from_type(model))
    def check(value):
        assert isinstance(value, model), (model, value)
        if isinstance(value, ct.Claim) and value.span is not None:
            assert len(value.span.exact) == value.span.end - value.span.start

    check()
    names.append(model.__name__)
print(" ".join(names))
"""
        out = subprocess.run(
            [sys.executable, "-c", code, *PUBLIC],
            capture_output=True,
            text=True,
            check=False,
            cwd=ROOT,
        )

        assert 0 == out.returncode, out.stderr
        checked = out.stdout.split()
        assert {m.__name__ for m in MODELS} <= set(checked)
        assert {"Stance", "Status", "When", "Tracker", "Claim"} <= set(checked)
