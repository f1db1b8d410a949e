"""
The journal contract: what every journal promises, checked on each one.

`JournalContract` holds the tests and is not collected itself; each
journal's class below supplies new, empty journals (`journal`), opens one
again after `close` (`reopen`), says where it is (`where`) and puts
trackers over one journal (`shared`). A new journal passes by subclassing
the contract and supplying these.
"""

import datetime as dt
import functools
import itertools
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack import strategies as cst
from claimtrack._contradictions import Fact
from claimtrack._engine import Changes, State
from claimtrack._events import EventKind
from claimtrack._journals import MemoryJournal
from claimtrack._journals._postgres import PostgresJournal
from claimtrack._journals._sqlite import SqliteJournal

from . import postgres


T0 = "2025-02-05T09:00:00+00:00"
AT = dt.datetime.fromisoformat(T0)
TEXT = "Rubio spoke. Bukele agreed."
EXPLICIT = ct.ContradictionKind.EXPLICIT.value
REFUTING = ct.ContradictionKind.REFUTING_EVIDENCE.value


@functools.cache
def history():
    """
    The events of a small tracker that makes every kind of state row.

    Positions: 1 actor, 2-3 sources, 4 a predicate, 5-7 claims (a and b
    with facts of one subject and predicate), 8 a link of a and c, 9
    evidence from b refuting c, 10 a revision of source s, 11 a predicate.
    """
    tracker = ct.Tracker()
    tracker.add_actor(ct.Actor("rubio", "Marco Rubio"), at=T0)
    tracker.add_source(ct.Source("s", text=TEXT), at=T0)
    tracker.add_source(ct.Source("t", text=TEXT), at=T0)
    tracker.declare(ct.Predicate("status", single_valued=True), at=T0)
    for id_, value in (("a", "on"), ("b", "off")):
        tracker.add_claim(
            f"the deal is {value}",
            speaker="rubio",
            proposition=ct.Proposition("the deal", "status", value),
            id=id_,
            at=T0,
        )
    tracker.add_claim(
        "Rubio spoke", speaker="rubio", source="s", quote="spoke", id="c"
    )
    tracker.contradict("a", "c", at=T0)
    tracker.corroborate("c", evidence="b", stance="refutes", at=T0)
    tracker.revise("s", "Yesterday, " + TEXT, at=T0)
    tracker.declare(ct.Predicate("employs"), at=T0)
    return tuple(tracker.events())


def positioned(events, after=0):
    """
    The events with their positions, the first at ``after + 1``.
    """
    return list(enumerate(events, start=after + 1))


def fact(subject, value):
    """
    A hand-made fact of *subject* with predicate ``p``.
    """
    return Fact(subject, "p", value, True, 1, 2)  # noqa: FBT003 -- a tuple


class JournalContract:
    """
    The tests every journal passes; subclasses supply the journals.
    """

    # -- what a journal's test class supplies ---------------------------

    def journal(self):
        """
        A new, empty journal, not yet prepared.
        """
        raise NotImplementedError

    def reopen(self, journal):
        """
        The journal opened again after `close`.
        """
        raise NotImplementedError

    def where(self, journal):
        """
        What the journal's `where` should say.
        """
        raise NotImplementedError

    def shared(self, count):
        """
        *count* trackers over one new journal.
        """
        raise NotImplementedError

    # -- helpers ---------------------------------------------------------

    def skip_unless_rows_kept(self):
        """
        Skip a test of how given state rows are kept, for a journal that
        makes its own from its events (`keeps_rows` is False).
        """
        if not self.journal().keeps_rows:
            pytest.skip("this journal makes its state rows from its events")

    def ready(self, policy=None):
        """
        A new journal, prepared.
        """
        journal = self.journal()
        journal.prepare(policy)
        return journal

    @staticmethod
    def write(journal, events, *, facts=(), links=None):
        """
        Append *events* at the journal's end as a tracker does.
        """
        position = len(journal.read())
        assert [] == journal.begin(position)
        return journal.append(
            events, expected=position, facts=facts, links=links
        )

    def write_with_rows(self, journal, state, events):
        """
        Append *events* with the state rows they change, as a tracker does.
        """
        state.changes = changes = Changes()
        for event in events:
            state.apply(event)
        state.changes = None
        facts, links = state.rows(changes)
        return self.write(journal, events, facts=facts, links=links)

    @staticmethod
    def assert_rows(journal, state):
        """
        The journal's state rows are the rows of the whole *state*.
        """
        facts, links = state.rows()
        by_key = {}
        for claim, subject, predicate, found in facts:
            assert found == journal.fact(claim)
            by_key.setdefault((subject, predicate), []).append((claim, found))
        for (subject, predicate), expected in by_key.items():
            assert sorted(expected) == sorted(
                journal.facts(subject, predicate)
            )
        for claim, rows in links.items():
            expected = sorted(row[1:] for row in rows)
            assert expected == sorted(journal.links(claim))

    # -- prepare and where -------------------------------------------------

    def test_prepare_default_policy(self):
        """
        A new journal prepared without a policy takes the default one.
        """
        journal = self.journal()
        assert ct.Policy() == journal.prepare(None)
        assert ct.Policy() == journal.prepare(None)
        assert ct.Policy() == journal.prepare(ct.Policy())

    def test_prepare_keeps_the_first_policy(self):
        """
        The first policy is kept, and a different one is refused.
        """
        journal = self.journal()
        policy = ct.Policy(min_sources=3)
        assert policy == journal.prepare(policy)
        assert policy == journal.prepare(None)
        assert policy == journal.prepare(ct.Policy(min_sources=3))
        with pytest.raises(ct.ConflictError) as caught:
            journal.prepare(ct.Policy(min_sources=1))
        assert "policy" == caught.value.field
        assert ct.Policy(min_sources=1) == caught.value.value
        assert policy == journal.prepare(None)

    def test_policy_outlives_close(self):
        """
        A journal opened again keeps its policy and refuses another.
        """
        journal = self.ready(ct.Policy(min_sources=4))
        journal.close()
        again = self.reopen(journal)
        assert ct.Policy(min_sources=4) == again.prepare(None)
        with pytest.raises(ct.ConflictError):
            again.prepare(ct.Policy())
        again.close()

    def test_where(self):
        """
        A journal says where it is, in words.
        """
        journal = self.ready()
        assert self.where(journal) == journal.where
        assert isinstance(journal.where, str)

    # -- appending and reading ---------------------------------------------

    def test_new_journal_is_empty(self):
        """
        A new journal holds no events and no state rows.
        """
        journal = self.ready()
        assert [] == journal.read()
        assert [] == journal.read(0)
        assert [] == journal.read(3)
        assert [] == journal.declared()
        assert {} == journal.events_by_id(["actor-added:rubio"])
        assert not journal.revised(["s", None])
        assert journal.fact("a") is None
        assert [] == journal.facts("x", "p")
        assert [] == journal.links("a")

    def test_appends_read_back_in_order(self):
        """
        Appended events are read back in order, each at its position.
        """
        journal = self.ready()
        events = history()
        assert 3 == self.write(journal, events[:3])
        assert len(events) == self.write(journal, events[3:])
        assert positioned(events) == journal.read()
        assert positioned(events) == journal.read(0)
        assert positioned(events[3:], 3) == journal.read(3)
        assert [] == journal.read(len(events))
        assert [] == journal.read(len(events) + 5)

    def test_append_returns_the_last_position(self):
        """
        Each append returns the position of the last event it wrote.
        """
        journal = self.ready()
        positions = [self.write(journal, [event]) for event in history()[:4]]
        assert [1, 2, 3, 4] == positions

    @pytest.mark.parametrize("expected", [0, 2, 4, 11])
    def test_stale_append_writes_nothing(self, expected):
        """
        An append at a position other than the journal's end is refused,
        and writes neither events nor rows.
        """
        journal = self.ready()
        events = history()
        self.write(journal, events[:3])
        assert [] == journal.begin(3)
        with pytest.raises(ct.StaleWriteError) as caught:
            journal.append(
                events[3:],
                expected=expected,
                facts=[("a", "x", "p", fact("x", "1"))],
                links={"a": [("a", "b", EXPLICIT, ("l",))]},
            )
        assert isinstance(caught.value, ct.ConflictError)
        assert isinstance(caught.value, ValueError)
        assert ("position", expected) == (
            caught.value.field,
            caught.value.value,
        )
        assert positioned(events[:3]) == journal.read()
        assert {} == journal.events_by_id([events[3].id])
        assert [] == journal.declared()
        assert journal.fact("a") is None
        assert [] == journal.facts("x", "p")
        assert [] == journal.links("a")
        journal.rollback()  # nothing left to give up
        assert len(events) == self.write(journal, events[3:])

    def test_stale_append_on_an_empty_journal(self):
        """
        An empty journal is at position 0, and refuses an append at 1.
        """
        journal = self.ready()
        assert [] == journal.begin(0)
        with pytest.raises(ct.StaleWriteError):
            journal.append(history()[:1], expected=1)
        assert [] == journal.read()

    # -- begin and rollback ------------------------------------------------

    def test_begin_returns_the_missed_events(self):
        """
        `begin` returns exactly the events after the position given.
        """
        journal = self.ready()
        events = history()
        self.write(journal, events)
        for after in (0, 1, 4, len(events) - 1, len(events)):
            assert positioned(events[after:], after) == journal.begin(after)
            journal.rollback()

    def test_rollback_lets_a_later_begin_succeed(self):
        """
        A write given up with `rollback` writes nothing and frees the lock.
        """
        journal = self.ready()
        events = history()
        assert [] == journal.begin(0)
        journal.rollback()
        assert [] == journal.read()
        assert [] == journal.begin(0)
        journal.rollback()
        assert 2 == self.write(journal, events[:2])

    def test_rollback_without_a_write_is_harmless(self):
        """
        `rollback` with no write under way does nothing.
        """
        journal = self.ready()
        journal.rollback()
        self.write(journal, history()[:2])
        journal.rollback()
        assert positioned(history()[:2]) == journal.read()

    def test_begin_twice_is_refused(self):
        """
        A second `begin` before the first write ends raises StoreError,
        and the first write can still go on.
        """
        journal = self.ready()
        events = history()
        assert [] == journal.begin(0)
        with pytest.raises(ct.StoreError):
            journal.begin(0)
        assert 2 == journal.append(events[:2], expected=0)
        assert positioned(events[:2]) == journal.read()

    # -- keyed reads ------------------------------------------------------

    def test_events_by_id(self):
        """
        `events_by_id` finds each event asked for at its position, and
        leaves out the ids it does not hold.
        """
        journal = self.ready()
        events = history()
        self.write(journal, events)
        wanted = [events[6].id, "claim-added:nobody", events[0].id]
        assert {
            events[6].id: (7, events[6]),
            events[0].id: (1, events[0]),
        } == journal.events_by_id([*wanted, events[6].id])
        assert {} == journal.events_by_id([])
        assert {e.id: (n, e) for n, e in positioned(events)} == (
            journal.events_by_id(iter([e.id for e in events]))
        )

    def test_events_by_id_finds_later_appends(self):
        """
        Events appended after a lookup are found by the next one.
        """
        journal = self.ready()
        events = history()
        self.write(journal, events[:2])
        assert {} == journal.events_by_id([events[5].id])
        self.write(journal, events[2:])
        assert {events[5].id: (6, events[5])} == journal.events_by_id(
            [events[5].id]
        )

    def test_events_by_id_many(self):
        """
        A lookup of many ids at once finds those the journal holds.
        """
        journal = self.ready()
        events = history()
        self.write(journal, events)
        wanted = [f"claim-added:x{n}" for n in range(1200)]
        wanted[700:700] = [events[4].id]
        wanted.append(events[1].id)
        assert {
            events[4].id: (5, events[4]),
            events[1].id: (2, events[1]),
        } == journal.events_by_id(wanted)

    def test_declared_in_order(self):
        """
        `declared` returns every predicate-declared event, in order.
        """
        journal = self.ready()
        events = history()
        self.write(journal, events[:5])
        assert [events[3]] == journal.declared()
        self.write(journal, events[5:])
        assert [
            e for e in events if e.kind is EventKind.PREDICATE_DECLARED
        ] == journal.declared()
        assert [events[3], events[10]] == journal.declared()

    def test_revised(self):
        """
        `revised` tells whether any source named had its text revised.
        """
        journal = self.ready()
        events = history()
        self.write(journal, events[:9])
        assert not journal.revised(["s", "t"])
        self.write(journal, events[9:])
        assert journal.revised(["s"])
        assert journal.revised(["t", None, "s"])
        assert journal.revised(iter(["s"]))
        assert not journal.revised(["t"])
        assert not journal.revised([None])
        assert not journal.revised([])

    def test_has_revisions(self):
        """
        `has_revisions` tells whether any source's text was revised.
        """
        journal = self.ready()
        events = history()
        self.write(journal, events[:9])
        assert not journal.has_revisions()
        self.write(journal, events[9:])
        assert journal.has_revisions()

    def test_last(self):
        """
        `last` is the position of the last event, 0 for none.
        """
        journal = self.ready()
        assert 0 == journal.last()
        self.write(journal, history()[:3])
        assert 3 == journal.last()

    def test_begin_none_reads_nothing(self):
        """
        `begin(None)` takes the lock and returns nothing to catch up with.
        """
        journal = self.ready()
        self.write(journal, history()[:2])
        assert [] == journal.begin(None)
        assert 3 == journal.append(history()[2:3], expected=2)

    def test_names(self):
        """
        `names` returns the actors written under a name key, once each.
        """
        self.skip_unless_rows_kept()
        journal = self.ready()
        journal.begin(0)
        journal.append(
            history()[:1],
            expected=0,
            names=[("rubio", "rubio"), ("marco rubio", "rubio")],
        )
        journal.begin(1)
        journal.append(history()[1:2], expected=1, names=[("rubio", "marco")])
        journal.begin(2)
        journal.append(history()[2:3], expected=2, names=[("rubio", "marco")])
        assert ["marco", "rubio"] == sorted(journal.names("rubio"))
        assert ["rubio"] == journal.names("marco rubio")
        assert [] == journal.names("nobody")

    def test_about(self):
        """
        `about` returns the evidence, verdicts, retraction and explicit
        contradictions of a claim, either side of a link, in order.
        """
        journal = self.ready()
        events = history()
        tracker = ct.Tracker.from_events(events)
        verdict = tracker.rate("c", "true", at=T0)
        retraction = tracker.retract("b", at=T0)
        later = tracker.events()[len(events) :]
        self.write(journal, events)
        self.write(journal, later)
        assert [events[7], events[8], later[0]] == journal.about("c")
        assert [events[7]] == journal.about("a")
        assert [later[1]] == journal.about("b")
        assert [] == journal.about("nobody")
        assert verdict == later[0].payload
        assert retraction == later[1].payload

    def test_spoken_by(self):
        """
        `spoken_by` returns the claim-added events of an actor's claims,
        with their positions, in order.
        """
        journal = self.ready()
        events = history()
        self.write(journal, events)
        assert [(5, events[4]), (6, events[5]), (7, events[6])] == (
            journal.spoken_by("rubio")
        )
        assert [] == journal.spoken_by("nobody")

    def test_entities(self):
        """
        `entities` returns the claims written under a name key, once each.
        """
        self.skip_unless_rows_kept()
        journal = self.ready()
        position = len(journal.read())
        journal.begin(position)
        journal.append(
            history()[:1],
            expected=position,
            entities=[("the deal", "a"), ("the deal", "b"), ("x", "a")],
        )
        journal.begin(1)
        journal.append(
            history()[1:2], expected=1, entities=[("the deal", "a")]
        )
        assert ["a", "b"] == sorted(journal.entities("the deal"))
        assert ["a"] == journal.entities("x")
        assert [] == journal.entities("nothing")

    def test_source_with_url(self):
        """
        `source_with_url` finds the first source added with a URL.
        """
        journal = self.ready()
        url = "https://apnews.com/a"
        first, second = (
            ct.events.Event(
                ct.events.EventKind.SOURCE_ADDED,
                ct.Source(id_, url=url),
                at=AT,
            )
            for id_ in ("ap-1", "ap-2")
        )
        self.write(journal, [*history()[:3], first, second])
        assert first.payload == journal.source_with_url(url)
        assert journal.source_with_url("https://example.org/") is None

    # -- state rows ---------------------------------------------------------

    def test_rows_of_a_tracker(self):
        """
        The fact and link rows a tracker writes are what `fact`, `facts`
        and `links` return.
        """
        journal = self.ready()
        state = State()
        events = history()
        self.write_with_rows(journal, state, events)
        self.assert_rows(journal, state)
        key = journal.fact("a")[:2]
        assert key == journal.fact("b")[:2]
        assert "status" == key[1]
        assert ["a", "b"] == sorted(claim for claim, _ in journal.facts(*key))
        assert journal.fact("c") is None
        link, evidence = events[7].payload.id, events[8].payload.id
        assert [("c", EXPLICIT, (link,))] == journal.links("a")
        assert [("c", REFUTING, (evidence,))] == journal.links("b")
        assert [("a", EXPLICIT, (link,)), ("b", REFUTING, (evidence,))] == (
            sorted(journal.links("c"))
        )

    def test_fact_row_replaced(self):
        """
        A claim's fact row written again replaces the one before.
        """
        self.skip_unless_rows_kept()
        journal = self.ready()
        events = history()
        self.write(
            journal,
            events[:1],
            facts=[
                ("a", "x", "p", fact("x", "1")),
                ("b", "x", "p", fact("x", "2")),
            ],
        )
        self.write(
            journal, events[1:2], facts=[("a", "y", "p", fact("y", "3"))]
        )
        assert fact("y", "3") == journal.fact("a")
        assert fact("x", "2") == journal.fact("b")
        assert [("b", fact("x", "2"))] == journal.facts("x", "p")
        assert [("a", fact("y", "3"))] == journal.facts("y", "p")
        self.write(
            journal, events[2:3], facts=[("b", "y", "p", fact("y", "4"))]
        )
        assert [] == journal.facts("x", "p")
        assert [("a", fact("y", "3")), ("b", fact("y", "4"))] == sorted(
            journal.facts("y", "p")
        )

    def test_link_rows_replaced(self):
        """
        A claim's link rows written again replace all it had; claims not
        written keep theirs.
        """
        self.skip_unless_rows_kept()
        journal = self.ready()
        events = history()
        self.write(
            journal,
            events[:1],
            links={
                "a": [("a", "b", EXPLICIT, ("l1",))],
                "b": [("b", "a", EXPLICIT, ("l1",))],
            },
        )
        assert [("b", EXPLICIT, ("l1",))] == journal.links("a")
        self.write(
            journal,
            events[1:2],
            links={
                "a": [
                    ("a", "c", REFUTING, ("e1", "e2")),
                    ("a", "b", EXPLICIT, ("l1",)),
                ]
            },
        )
        assert [
            ("b", EXPLICIT, ("l1",)),
            ("c", REFUTING, ("e1", "e2")),
        ] == sorted(journal.links("a"))
        assert [("a", EXPLICIT, ("l1",))] == journal.links("b")
        self.write(journal, events[2:3], links={"a": []})
        assert [] == journal.links("a")
        assert [("a", EXPLICIT, ("l1",))] == journal.links("b")

    # -- reading, close ---------------------------------------------------

    def test_reading(self):
        """
        Keyed reads answer inside `reading`, which leaves no write held.
        """
        journal = self.ready()
        events = history()
        self.write(journal, events[:7])
        with journal.reading() as value:
            assert value is None
            assert {events[4].id: (5, events[4])} == journal.events_by_id(
                [events[4].id]
            )
            assert [events[3]] == journal.declared()
            # No rows were given: a journal that keeps them has none; one
            # that makes its own has the fact its events say.
            made = State()
            for event in events[:7]:
                made.apply(event)
            expected = None if journal.keeps_rows else made.facts.get("a")
            assert expected == journal.fact("a")
        with journal.reading():
            assert [] == journal.links("a")
        assert 11 == self.write(journal, events[7:])

    def test_reading_when_a_read_fails(self):
        """
        An error inside `reading` passes through and leaves the journal
        usable.
        """
        journal = self.ready()
        with pytest.raises(LookupError), journal.reading():
            raise LookupError
        assert 1 == self.write(journal, history()[:1])

    def test_close_keeps_what_was_written(self):
        """
        What was appended before `close` is there when the journal is
        opened again.
        """
        journal = self.ready()
        state = State()
        events = history()
        self.write_with_rows(journal, state, events[:6])
        self.write_with_rows(journal, state, events[6:])
        assert journal.close() is None
        journal.close()  # again: harmless
        again = self.reopen(journal)
        assert ct.Policy() == again.prepare(None)
        assert positioned(events) == again.read()
        assert journal.where == again.where
        assert [events[3], events[10]] == again.declared()
        assert again.revised(["s"])
        self.assert_rows(again, state)
        again.close()

    # -- the property --------------------------------------------------------

    # Each journal's class runs this one property, on purpose.
    @settings(
        suppress_health_check=[
            *settings().suppress_health_check,
            HealthCheck.differing_executors,
        ]
    )
    @given(tracker=cst.trackers(), data=st.data())
    def test_any_appends_read_back(self, tracker, data):
        """
        Any tracker's events, appended in any batches with stale appends
        between, read back equal and in order with the rows of its state.
        """
        events = tracker.events()
        cuts = data.draw(
            st.lists(
                st.booleans(), min_size=len(events), max_size=len(events)
            ),
            label="cuts",
        )
        batches, batch = [], []
        for event, cut in zip(events, cuts, strict=True):
            batch.append(event)
            if cut:
                batches.append(batch)
                batch = []
        batches += [batch] if batch else []
        journal = self.ready(tracker.policy)
        try:
            state = State()
            position = 0
            for batch in batches:
                assert [] == journal.begin(position)
                wrong = data.draw(
                    st.integers(0, len(events)).filter(position.__ne__),
                    label="wrong",
                )
                with pytest.raises(ct.StaleWriteError):
                    journal.append(batch, expected=wrong)
                assert positioned(events[:position]) == journal.read()
                last = self.write_with_rows(journal, state, batch)
                assert position + len(batch) == last
                position = last
            assert positioned(events) == journal.read()
            assert {e.id: (n, e) for n, e in positioned(events)} == (
                journal.events_by_id(e.id for e in events)
            )
            after = data.draw(st.integers(0, len(events)), label="after")
            assert positioned(events[after:], after) == journal.begin(after)
            journal.rollback()
            assert [
                e for e in events if e.kind is EventKind.PREDICATE_DECLARED
            ] == journal.declared()
            assert tracker.policy == journal.prepare(None)
            self.assert_rows(journal, state)
        finally:
            journal.close()

    # -- trackers over a journal --------------------------------------------

    def test_tracker_writes_through(self):
        """
        A tracker over a journal appends each write's events to it.
        """
        (tracker,) = self.shared(1)
        journal = tracker._journal
        with tracker:
            tracker.add_actor(ct.Actor("rubio", "Marco Rubio"), at=T0)
            tracker.add_claim("Rubio spoke", speaker="rubio", id="a", at=T0)
            tracker.add_claim("Rubio spoke", speaker="rubio", id="a", at=T0)
            assert 2 == tracker.position
            assert positioned(tracker.events()) == journal.read()

    def test_two_trackers_catch_up(self):
        """
        A tracker writing after another wrote catches up first: it sees the
        other's claim, and no event is lost or written twice.
        """
        first, second, third = self.shared(3)
        with first, second, third:
            first.add_actor(ct.Actor("rubio", "Marco Rubio"), at=T0)
            assert 1 == len(first.actors())  # first is now at 1
            assert 1 == len(second.actors())  # and so is second
            first.add_claim("Rubio spoke", speaker="rubio", id="a", at=T0)
            second.add_claim("Rubio agreed", speaker="rubio", id="b", at=T0)
            assert ["a", "b"] == [c.id for c in second]
            assert 3 == second.position
            assert ["a"] == [c.id for c in first]
            first.refresh()
            assert ["a", "b"] == [c.id for c in first]
            events = second.events()
            assert events == first.events() == third.events()
            assert positioned(events) == second._journal.read()
            assert 3 == len({e.id for e in events})
            assert [
                "actor-added:rubio",
                "claim-added:a",
                "claim-added:b",
            ] == [e.id for e in events]

    def test_stale_tracker_checks_against_the_caught_up_state(self):
        """
        A tracker's write is checked against what others wrote meanwhile,
        and refused without writing if it clashes.
        """
        first, second = self.shared(2)
        with first, second:
            first.add_actor(ct.Actor("rubio", "Marco Rubio"), at=T0)
            assert 1 == len(second.actors())
            assert 1 == second.position
            first.add_claim("Rubio spoke", speaker="rubio", id="a", at=T0)
            with pytest.raises(ct.DuplicateIdError):
                second.add_claim("Rubio agreed", speaker="rubio", id="a")
            assert ["Rubio spoke"] == [c.text for c in second]
            assert 2 == len(second._journal.read())
            first.refresh()
            assert 2 == len(first.events()) == first.position

    def test_trackers_share_the_policy(self):
        """
        Trackers over one journal share its policy, and a tracker with
        another policy is refused.
        """
        first, second = self.shared(2)
        with first, second:
            assert first.policy == second.policy == ct.Policy()
            with pytest.raises(ct.ConflictError):
                ct.Tracker(
                    journal=first._journal, policy=ct.Policy(min_sources=1)
                )


class TestMemoryJournal(JournalContract):
    """
    The contract, for the journal in memory.
    """

    def journal(self):
        """
        A new journal in memory.
        """
        return MemoryJournal()

    def reopen(self, journal):
        """
        The same journal: in memory, closing lets go of nothing.
        """
        return journal

    def where(self, journal):
        """
        ``"memory"``.
        """
        return "memory"

    def shared(self, count):
        """
        Trackers made with one `MemoryJournal`.
        """
        journal = MemoryJournal()
        return [ct.Tracker(journal=journal) for _ in range(count)]

    def test_rows_are_made_from_the_events(self):
        """
        The journal in memory keeps no rows it is given: its keyed reads
        answer what its events say, whatever a writer passes.
        """
        journal = self.ready()
        events = history()
        self.write(
            journal,
            events,
            facts=[("a", "x", "p", fact("x", "1"))],
            links={"zz": [("zz", "b", EXPLICIT, ("l",))]},
        )
        state = State()
        for event in events:
            state.apply(event)
        self.assert_rows(journal, state)
        assert [] == journal.links("zz")
        assert not journal.keeps_rows

    def test_repr(self):
        """
        A memory journal shows how many events it holds.
        """
        journal = self.ready()
        self.write(journal, history()[:2])
        assert "<MemoryJournal: 2 events>" == repr(journal)


class TestSqliteJournal(JournalContract):
    """
    The contract, for the journal in an SQLite file.
    """

    @pytest.fixture(autouse=True)
    def _directory(self, tmp_path):
        self.directory = tmp_path
        self.names = itertools.count(1)
        self.opened = []
        yield
        for journal in self.opened:
            journal.close()

    def path(self):
        """
        A new file's path in the test's directory.
        """
        return self.directory / f"journal-{next(self.names)}.db"

    def journal(self):
        """
        A new journal in a new file.
        """
        journal = SqliteJournal(self.path(), 5.0)
        self.opened.append(journal)
        return journal

    def reopen(self, journal):
        """
        A new journal over the same file.
        """
        again = SqliteJournal(journal.path, 5.0)
        self.opened.append(again)
        return again

    def where(self, journal):
        """
        The file's path.
        """
        return str(journal.path)

    def shared(self, count):
        """
        Trackers opened on one file.
        """
        path = self.path()
        return [ct.Tracker.open(path) for _ in range(count)]

    def test_repr(self):
        """
        An SQLite journal shows its file.
        """
        journal = self.ready()
        assert f"<SqliteJournal: {journal.path}>" == repr(journal)

    def test_reading_is_one_snapshot(self):
        """
        Inside `reading`, another writer's commit is not seen.
        """
        journal = self.ready()
        other = self.reopen(journal)
        events = history()
        self.write(journal, events[:2])
        with journal.reading():
            assert 2 == len(journal.events_by_id(e.id for e in events))
            self.write(other, events[2:])
            assert 2 == len(journal.events_by_id(e.id for e in events))
            assert [] == journal.declared()
        assert len(events) == len(journal.events_by_id(e.id for e in events))

    def test_busy_writer(self):
        """
        `begin` raises StoreBusyError while another holds the write lock.
        """
        journal = self.ready()
        other = SqliteJournal(journal.path, 0.01)
        self.opened.append(other)
        assert [] == journal.begin(0)
        with pytest.raises(ct.StoreBusyError):
            other.begin(0)
        journal.rollback()
        assert [] == other.begin(0)
        other.rollback()

    def test_failed_write_writes_nothing(self):
        """
        A write the file refuses raises StoreError and writes nothing.
        """
        journal = self.ready()
        events = history()
        self.write(journal, events[:2])
        assert [] == journal.begin(2)
        with pytest.raises(ct.StoreError) as caught:
            journal.append(
                [events[2], events[0]],
                expected=2,
                facts=[("a", "x", "p", fact("x", "1"))],
            )
        assert isinstance(caught.value.__cause__, sqlite3.IntegrityError)
        assert positioned(events[:2]) == journal.read()
        assert journal.fact("a") is None
        assert 3 == self.write(journal, events[2:3])

    def test_append_needs_a_begun_write(self):
        """
        An append outside a write `begin` started is refused, and writes
        nothing.
        """
        journal = self.ready()
        with pytest.raises(ct.StoreError, match="begun first"):
            journal.append(history()[:1], expected=0)
        assert [] == journal.read()


class TestPostgresJournal(JournalContract):
    """
    The contract, for a tracker in PostgreSQL (skipped without a server).
    """

    @pytest.fixture(autouse=True)
    def _server(self):
        self.opened = []
        yield
        for journal in self.opened:
            journal.close()

    def journal(self):
        """
        A new tracker in the test database.
        """
        journal = PostgresJournal(postgres.url())
        self.opened.append(journal)
        return journal

    def reopen(self, journal):
        """
        A new connection to the same tracker.
        """
        again = PostgresJournal(journal.where)
        self.opened.append(again)
        return again

    def where(self, journal):
        """
        The URL, naming the tracker.
        """
        return journal.shown

    def shared(self, count):
        """
        Trackers opened on one tracker id.
        """
        url = postgres.url()
        return [ct.Tracker.open(url) for _ in range(count)]

    def test_repr(self):
        """
        A PostgreSQL journal shows its URL.
        """
        journal = self.ready()
        assert f"<PostgresJournal: {journal.where}>" == repr(journal)
        assert f"tracker={journal.tracker}" in journal.where

    def test_reading_is_one_snapshot(self):
        """
        Inside `reading`, another writer's commit is not seen.
        """
        journal = self.ready()
        other = self.reopen(journal)
        events = history()
        self.write(journal, events[:2])
        with journal.reading():
            assert 2 == len(journal.events_by_id(e.id for e in events))
            self.write(other, events[2:])
            assert 2 == len(journal.events_by_id(e.id for e in events))
            assert [] == journal.declared()
        assert len(events) == len(journal.events_by_id(e.id for e in events))

    def test_busy_writer(self):
        """
        `begin` raises StoreBusyError while another holds the write lock.
        """
        journal = self.ready()
        other = PostgresJournal(journal.where, timeout=0.01)
        self.opened.append(other)
        assert [] == journal.begin(0)
        with pytest.raises(ct.StoreBusyError):
            other.begin(0)
        journal.rollback()
        assert [] == other.begin(0)
        other.rollback()

    def test_failed_write_writes_nothing(self):
        """
        A write the database refuses raises StoreError and writes nothing.
        """
        journal = self.ready()
        events = history()
        self.write(journal, events[:2])
        assert [] == journal.begin(2)
        with pytest.raises(ct.StoreError) as caught:
            journal.append(
                [events[2], events[0]],
                expected=2,
                facts=[("a", "x", "p", fact("x", "1"))],
            )
        assert "unique" in str(caught.value).lower()
        assert positioned(events[:2]) == journal.read()
        assert journal.fact("a") is None
        assert 3 == self.write(journal, events[2:3])

    def test_append_needs_a_begun_write(self):
        """
        An append outside a write `begin` started is refused, and writes
        nothing.
        """
        journal = self.ready()
        with pytest.raises(ct.StoreError, match="begun first"):
            journal.append(history()[:1], expected=0)
        assert [] == journal.read()
