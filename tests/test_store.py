"""
Tests for the embedded SQLite store: Tracker.open and its guarantees.
"""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack._journals import _sqlite as _store

from .test_contradictions import propositions
from .test_status import worlds


T0 = "2025-02-05T09:00:00+00:00"
URL = "https://elfaro.net/a"


def rows(path):
    """
    The number of events in the file, read with plain sqlite3.
    """
    with sqlite3.connect(path) as db:
        return db.execute("select count(*) from events").fetchone()[0]


def unread(tracker):
    """
    Whether the tracker has not read its journal whole yet.
    """
    return "not read yet" in repr(tracker)


@pytest.fixture(name="path")
def _path(tmp_path):
    return tmp_path / "claims.db"


@pytest.fixture(name="tracker")
def _tracker(path):
    with ct.Tracker.open(path) as tracker:
        tracker.add_actor(ct.Actor("rubio", "Marco Rubio"), at=T0)
        tracker.add_source(
            ct.Source("s", published="2025-02-04", text="Rubio spoke."), at=T0
        )
        yield tracker


class TestOpen:
    """
    Opening, reopening and closing.
    """

    def test_reopen_is_equal(self, tracker, path):
        """
        What was written is there when the file is opened again.
        """
        claim = tracker.add_claim(
            "Rubio spoke",
            speaker="rubio",
            source="s",
            quote="Rubio spoke",
            said="yesterday",
            at=T0,
        )
        tracker.corroborate(claim, evidence="https://x.example/a", at=T0)
        tracker.rate(claim, "true", at=T0)

        with ct.Tracker.open(path) as again:
            assert tracker == again
            assert ct.Status.VERIFIED == again.status(claim.id)
            assert 5 == rows(path)

    def test_new_file_policy(self, tmp_path):
        """
        A new file keeps the policy it was created with.
        """
        path = tmp_path / "strict.db"
        ct.Tracker.open(path, policy=ct.Policy(min_sources=3)).close()

        with ct.Tracker.open(path) as again:
            assert ct.Policy(min_sources=3) == again.policy

    def test_other_policy_refused(self, tracker, path):
        """
        Opening a file with another policy than its own is a conflict.
        """
        with pytest.raises(ct.ConflictError) as e:
            ct.Tracker.open(path, policy=ct.Policy(min_sources=5))

        assert "policy" == e.value.field

    def test_newer_version_refused(self, tracker, path):
        """
        A file from a newer version of claimtrack is refused with a message.
        """
        with sqlite3.connect(path) as db:
            db.execute(
                "update meta set value = ? where key = 'version'",
                (str(_store.VERSION + 1),),
            )

        with pytest.raises(ct.InvalidDocumentError) as e:
            ct.Tracker.open(path)

        assert ("version", _store.VERSION + 1) == (
            e.value.field,
            e.value.value,
        )
        assert "upgrade claimtrack" in str(e.value)

    def test_not_a_store(self, tmp_path):
        """
        An SQLite file of something else is refused.
        """
        path = tmp_path / "other.db"
        with sqlite3.connect(path) as db:
            db.execute("create table things (x)")

        before = path.read_bytes()

        with pytest.raises(ct.InvalidDocumentError, match="not a claimtrack"):
            ct.Tracker.open(path)
        assert before == path.read_bytes()  # not even switched to WAL
        assert not Path(f"{path}-wal").exists()

    def test_not_a_database(self, tmp_path):
        """
        A file that is not SQLite at all is refused unchanged.
        """
        path = tmp_path / "notes.txt"
        path.write_text("not a database, just notes\n" * 50)

        with pytest.raises(ct.StoreError, match="cannot open"):
            ct.Tracker.open(path)
        assert "not a database, just notes\n" * 50 == path.read_text()

    def test_wrong_format_name(self, tracker, path):
        """
        A store whose meta names another format is refused.
        """
        with sqlite3.connect(path) as db:
            db.execute("update meta set value = 'x' where key = 'format'")

        with pytest.raises(ct.InvalidDocumentError):
            ct.Tracker.open(path)

    def test_cannot_open(self, tmp_path):
        """
        A path that cannot be a database is a StoreError (an OSError).
        """
        with pytest.raises(ct.StoreError) as e:
            ct.Tracker.open(tmp_path)

        assert isinstance(e.value, OSError)

    def test_close_refuses_reads(self, tracker, path):
        """
        A closed tracker that read its file refuses reads too, naming its
        store, and closing twice is harmless.
        """
        assert ["rubio"] == [a.id for a in tracker.actors()]
        tracker.close()
        tracker.close()

        for call in (tracker.actors, tracker.refresh, lambda: len(tracker)):
            with pytest.raises(ct.ClosedStoreError) as e:
                call()
            assert ("store", str(path)) == (e.value.field, e.value.value)


class TestWrites:
    """
    Every write is one transaction; a failed one changes nothing.
    """

    def test_failed_call_writes_nothing(self, tracker, path):
        """
        A refused call leaves the file and the tracker as they were.
        """
        before = (rows(path), tracker.events())
        with pytest.raises(ct.UnknownActorError):
            tracker.add_claim("x", speaker="nobody")

        assert before == (rows(path), tracker.events())

    def test_failed_write_changes_nothing(self, tracker, path, monkeypatch):
        """
        A write the file refuses leaves the tracker as it was.
        """
        before = (rows(path), tracker.events())

        def broken(event):
            raise sqlite3.OperationalError("disk I/O error")

        monkeypatch.setattr(_store, "_row", broken)
        with pytest.raises(ct.StoreError, match="disk I/O error"):
            tracker.add_claim("x", speaker="rubio")

        assert before == (rows(path), tracker.events())

    def test_file_broken_under_a_tracker(self, tracker, path):
        """
        A file that stops being a database gives a StoreError on writing.
        """
        before = tracker.events()
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        tracker._journal.db.close()
        path.write_bytes(b"not a database at all" * 100)
        tracker._journal.db = sqlite3.connect(path, isolation_level=None)

        with pytest.raises(ct.StoreError):
            tracker.add_claim("x", speaker="rubio")
        assert before == tracker.events()

    def test_bad_row_from_another_writer(self, tracker, path):
        """
        A malformed event in the file, read by a tracker catching up with
        it, is reported, and nothing is written.
        """
        tracker.events()  # read whole: a write now catches up
        with sqlite3.connect(path) as db:
            db.execute(
                "insert into events (id, kind, by, at, payload) "
                "values ('x', 'claim-added', null, 'soon', '{}')"
            )

        with pytest.raises(ct.InvalidDocumentError):
            tracker.add_claim("x", speaker="rubio")
        assert 3 == rows(path)

    def test_batch_is_one_transaction(self, tracker, path):
        """
        add_claims writes every claim, or none.
        """
        tracker.add_claims(
            [{"text": f"c{n}", "speaker": "rubio"} for n in range(50)], at=T0
        )
        assert 52 == rows(path)

        with pytest.raises(ct.UnknownActorError):
            tracker.add_claims(
                [
                    {"text": "ok", "speaker": "rubio"},
                    {"text": "no", "speaker": "nobody"},
                ]
            )
        assert 52 == rows(path)

    def test_other_writers_are_read_first(self, tracker, path):
        """
        A writer first reads what another wrote, so ids cannot clash.
        """
        with ct.Tracker.open(path) as other:
            other.add_claim("theirs", speaker="rubio", id="c1", at=T0)

            with pytest.raises(ct.DuplicateIdError):
                tracker.add_claim("mine", speaker="rubio", id="c1", at=T0)
            assert "theirs" == tracker.claim("c1").text

            tracker.add_claim("mine", speaker="rubio", id="c2", at=T0)
            other.refresh()
            assert tracker == other

    def test_busy_writer(self, tmp_path):
        """
        A writer that cannot get the lock in time gets StoreBusyError.
        """
        path = tmp_path / "busy.db"
        tracker = ct.Tracker.open(path, timeout=0.05)
        tracker.add_actor(ct.Actor("a", "A"), at=T0)
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("begin immediate")
        try:
            with pytest.raises(ct.StoreBusyError) as e:
                tracker.add_claim("x", speaker="a")
            assert isinstance(e.value, TimeoutError)
        finally:
            holder.execute("rollback")
            holder.close()
        assert 0 == len(tracker)
        tracker.add_claim("x", speaker="a")
        tracker.close()

    @settings(max_examples=20, suppress_health_check=[HealthCheck.too_slow])
    @given(worlds())
    def test_any_tracker_round_trips(self, world):
        """
        Any tracker's events written to a file read back equal.
        """
        tracker, ops = world
        for n, (claim, evidence, stance) in enumerate(ops):
            tracker.corroborate(
                claim,
                evidence=evidence,
                stance=stance,
                at=f"2025-01-01T00:{n:02}:00+00:00",
            )
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "claims.db"
            with ct.Tracker.open(path) as stored:
                for event in tracker.events():
                    stored.apply(event)
            with ct.Tracker.open(path) as again:
                assert tracker == again


CHILD = textwrap.dedent(
    """
    import sys
    import claimtrack as ct

    tracker = ct.Tracker.open(sys.argv[1])
    tracker.add_actor(ct.Actor("a", "A"), at="2025-01-01T00:00:00+00:00")
    n = len(tracker)
    while True:
        if n % 7 == 0:
            tracker.add_claims(
                [{"text": f"claim {n + k}", "speaker": "a", "id": f"c{n + k}"}
                 for k in range(5)]
            )
            n += 5
        else:
            tracker.add_claim(f"claim {n}", speaker="a", id=f"c{n}")
            n += 1
        print(n, flush=True)
    """
)


class TestCrash:
    """
    A process killed mid-write loses nothing that returned.
    """

    def test_sigkill_at_random_moments(self, tmp_path):
        """
        Killed 20 times, the file keeps every claim whose call returned,
        stays consistent, and shows nothing half-written.
        """
        path = tmp_path / "crash.db"
        rng = random.Random(20)  # noqa: S311 -- seeded moments, not secrets
        confirmed = 0
        for _ in range(20):
            child = subprocess.Popen(
                [sys.executable, "-c", CHILD, str(path)],
                stdout=subprocess.PIPE,
                text=True,
            )
            time.sleep(0.25 + rng.random() * 0.25)
            os.kill(child.pid, signal.SIGKILL)
            out, _ = child.communicate()
            lines = out.split()
            if lines:
                confirmed = max(confirmed, int(lines[-1]))

            with sqlite3.connect(path) as db:
                assert (
                    "ok" == db.execute("pragma integrity_check").fetchone()[0]
                )
            with ct.Tracker.open(path) as tracker:
                assert len(tracker) >= confirmed
                assert [f"c{n}" for n in range(len(tracker))] == [
                    c.id for c in tracker
                ]
        assert confirmed > 20


def version(path):
    """
    The layout version written in a file.
    """
    with sqlite3.connect(path) as db:
        return int(
            db.execute(
                "select value from meta where key = 'version'"
            ).fetchone()[0]
        )


def layout_1(path, tracker):
    """
    Write *tracker* to *path* as claimtrack wrote files of layout 1.
    """
    with sqlite3.connect(path) as db:
        db.executescript(_store._SCHEMA)
        db.executemany(
            "insert into meta values (?, ?)",
            [("format", "claimtrack"), ("version", "1"), ("min_sources", "2")],
        )
        db.executemany(
            "insert into events (id, kind, by, at, payload) "
            "values (?, ?, ?, ?, ?)",
            [_store._row(e) for e in tracker.events()],
        )


class TestMigration:
    """
    An older file is brought up to date in one transaction, after a copy.
    """

    @given(worlds())
    @settings(
        max_examples=10,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    def test_layout_1_gains_its_state(self, world):
        """
        A layout-1 file opens as the current layout, with the state a
        fresh file has.
        """
        memory = world[0]
        with tempfile.TemporaryDirectory() as folder:
            old, new = Path(folder, "old.db"), Path(folder, "new.db")
            layout_1(old, memory)
            with ct.Tracker.open(old) as tracker:
                lazily = {c.id: tracker.contradictions(c.id) for c in memory}
                assert memory == tracker
            with ct.Tracker.open(new) as fresh:
                for event in memory.events():
                    fresh.apply(event)

            assert _store.VERSION == version(old)
            assert 1 == version(Path(folder, "old.db.v1.bak"))
            assert state(old) == state(new)
            assert lazily == {
                c.id: memory.contradictions(c.id) for c in memory
            }

    @given(worlds())
    @settings(
        max_examples=10,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    def test_layout_2_gains_its_entities(self, world):
        """
        A layout-2 file opens as the current layout: the texts its claims
        name are indexed as in a fresh file, and it reads in part.
        """
        memory = world[0]
        with tempfile.TemporaryDirectory() as folder:
            old, new = Path(folder, "old.db"), Path(folder, "new.db")
            layout_1(old, memory)
            with sqlite3.connect(old) as db:  # as layout 2 had it
                _store._add_state(db)
                db.execute("update meta set value = '2' where key = 'version'")
            with ct.Tracker.open(old) as tracker:
                lazily = {c.id: tracker.contradictions(c.id) for c in memory}
            with ct.Tracker.open(new) as fresh:
                for event in memory.events():
                    fresh.apply(event)

            assert _store.VERSION == version(old)
            assert 2 == version(Path(folder, "old.db.v2.bak"))
            assert state(old) == state(new)
            assert lazily == {
                c.id: memory.contradictions(c.id) for c in memory
            }

    @pytest.fixture(name="old_file")
    def _old_file(self, tmp_path, monkeypatch):
        """
        A file of the current layout, when the next one has no steps yet.
        """
        path = tmp_path / "old.db"
        with ct.Tracker.open(path) as tracker:
            tracker.add_actor(ct.Actor("a", "A"), at=T0)
            tracker.add_claim("kept", speaker="a", at=T0)
        monkeypatch.setattr(_store, "VERSION", _store.VERSION + 1)
        monkeypatch.setattr(_store, "MIGRATIONS", {})
        return path

    def test_migrated_with_backup(self, old_file):
        """
        Opening an older file runs the steps and keeps a copy of it.
        """
        old = _store.VERSION - 1
        _store.MIGRATIONS[old] = lambda db: db.execute(
            "create index events_kind on events (kind)"
        )
        with ct.Tracker.open(old_file) as tracker:
            assert ["kept"] == [c.text for c in tracker]

        assert _store.VERSION == version(old_file)
        assert old == version(old_file.with_name(f"old.db.v{old}.bak"))

    @pytest.mark.parametrize("step", [None, "create table meta (x)"])
    def test_failed_migration_changes_nothing(self, old_file, step):
        """
        A missing or failing step leaves the file as it was, and says so.
        """
        old = _store.VERSION - 1
        if step is not None:
            _store.MIGRATIONS[old] = lambda db: db.execute(step)

        with pytest.raises(ct.StoreError) as e:
            ct.Tracker.open(old_file)

        assert "version" == e.value.field
        assert "it is unchanged" in str(e.value)
        assert old == version(old_file)
        assert 2 == rows(old_file)


def state(path):
    """
    The state tables of a file, read with plain sqlite3.
    """
    with sqlite3.connect(path) as db:
        return (
            db.execute("select * from facts order by claim").fetchall(),
            db.execute("select * from links order by 1, 2, 3").fetchall(),
            db.execute("select * from entities order by 1, 2").fetchall(),
        )


# -- reading lazily ------------------------------------------------------


@st.composite
def histories(draw):
    """
    Steps that build a tracker: claims, and actors, predicates and links
    that may come after the claims they concern.
    """
    steps = []
    for n in range(draw(st.integers(1, 8))):
        steps.append(("claim", n, draw(propositions())))
        steps.extend(
            draw(
                st.lists(
                    st.one_of(
                        st.tuples(st.just("actor"), st.sampled_from(LATE)),
                        st.tuples(
                            st.just("declare"), st.sampled_from(DECLARED)
                        ),
                        st.tuples(
                            st.sampled_from(["contradict", "refute"]),
                            st.integers(0, n),
                            st.integers(0, n),
                        ),
                    ),
                    max_size=2,
                )
            )
        )
    return steps


LATE = [
    ct.Actor("a0", "Alpha Zero", aliases=("alpha",)),
    ct.Actor("a1", "Alpha One", aliases=("alpha",)),
]
DECLARED = [
    ct.Predicate("status", single_valued=True),
    ct.Predicate("accepts", negation="rejects"),
    ct.Predicate("employs", inverse="employed_by"),
    ct.Predicate(
        "count", single_valued=True, tolerance=ct.Tolerance(absolute=2)
    ),
]


def play(tracker, steps):
    """
    Apply *steps* to *tracker*, one write each.
    """
    tracker.add_actor(ct.Actor("s", "Speaker"), at=T0)
    for step in steps:
        if step[0] == "claim":
            tracker.add_claim(
                f"claim {step[1]}",
                speaker="s",
                proposition=step[2],
                id=f"c{step[1]}",
                at=T0,
            )
        elif step[0] == "actor":
            tracker.add_actor(step[1], at=T0)
        elif step[0] == "declare":
            tracker.declare(step[1], at=T0)
        elif step[1] != step[2]:
            first, second = f"c{step[1]}", f"c{step[2]}"
            if step[0] == "contradict":
                tracker.contradict(
                    first, second, note="they clash", by="ana", at=T0
                )
            else:
                tracker.corroborate(
                    first, evidence=second, stance="refutes", at=T0
                )


class TestLazyReading:
    """
    An opened file answers lookups from its state, as memory would.
    """

    @given(histories())
    @settings(deadline=None)
    def test_lookups_agree_with_memory(self, steps):
        """
        Every claim's contradictions, read lazily, equal memory's; and the
        state written step by step equals the state of the whole tracker.
        """
        memory = ct.Tracker()
        play(memory, steps)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder, "claims.db")
            with ct.Tracker.open(path) as tracker:
                play(tracker, steps)
            with ct.Tracker.open(path) as tracker:
                for claim in memory:
                    assert memory.contradictions(
                        claim.id
                    ) == tracker.contradictions(claim.id)
                    assert (
                        claim
                        == tracker.claim(claim.id)
                        == tracker.get(claim.id)
                    )
                assert unread(tracker)  # nothing read whole
                assert memory == tracker
            whole = Path(folder, "whole.db")
            with ct.Tracker.open(whole) as tracker:
                for event in memory.events():
                    tracker.apply(event)
            assert state(path) == state(whole)

    @pytest.fixture(name="opened")
    def _opened(self, path):
        with ct.Tracker.open(path) as tracker:
            tracker.add_actor(ct.Actor("rubio", "Marco Rubio"), at=T0)
            tracker.add_source(ct.Source("s", text="Rubio spoke."), at=T0)
            tracker.add_claim("a", speaker="rubio", source="s", id="a", at=T0)
            tracker.add_claim("b", speaker="rubio", id="b", at=T0)
            tracker.contradict("a", "b", at=T0)
        with ct.Tracker.open(path) as tracker:
            yield tracker

    def test_point_reads(self, opened):
        """
        A claim, a source and an actor are read without reading the file.
        """
        assert "Marco Rubio" == opened.get("rubio").name
        assert "Rubio spoke." == opened.get("s").text
        assert ["b"] == [c.other for c in opened.contradictions("a")]
        assert ["a"] == [c.other for c in opened.contradictions(opened["b"])]
        assert unread(opened)

    @pytest.mark.parametrize(
        ("call", "error"),
        [
            (lambda t: t.claim("nope"), ct.UnknownClaimError),
            (lambda t: t.get("nope"), ct.NotFoundError),
            (lambda t: t.contradictions("nope"), ct.UnknownClaimError),
            (
                lambda t: t.contradictions(
                    ct.Claim("a", text="changed", speaker="rubio")
                ),
                ct.UnknownClaimError,
            ),
        ],
    )
    def test_unknown_errs_without_reading(self, opened, call, error):
        """
        A lookup of something the file does not hold errs, from the
        file's indexes.
        """
        with pytest.raises(error):
            call(opened)
        assert unread(opened)

    def test_filters_read_the_file(self, opened):
        """
        A filtered lookup of one claim reads only what it needs; listing
        everything reads the whole file.
        """
        assert 1 == len(opened.contradictions("a", kind="explicit"))
        assert unread(opened)
        assert 2 == len(opened)
        assert not unread(opened)

    def test_closed_before_read(self, opened, path):
        """
        A tracker closed before it was read cannot be read any more.
        """
        opened.close()

        with pytest.raises(ct.ClosedStoreError) as e:
            len(opened)
        assert ("store", str(path)) == (e.value.field, e.value.value)
        assert "the tracker is closed" in str(e.value)

    def test_bad_file_stays_unread(self, opened, path):
        """
        A file that cannot be read leaves the tracker unread, to try again.
        """
        with sqlite3.connect(path) as db:
            db.execute(
                "insert into events (id, kind, by, at, payload) "
                "values ('x', 'claim-added', null, 'soon', '{}')"
            )
        for _ in range(2):
            with pytest.raises(ct.InvalidDocumentError):
                opened.claims()
            assert unread(opened)
        with sqlite3.connect(path) as db:
            db.execute("delete from events where id = 'x'")

        assert 2 == len(opened.claims())

    def test_refresh_waits(self, opened):
        """
        refresh() on an unread tracker reads nothing: use reads everything.
        """
        opened.refresh()
        assert unread(opened)

    def test_read_by_an_argument(self, opened):
        """
        A method looked up before its argument read the file still works.
        """
        for name in ("claim", "get"):
            with ct.Tracker.open(opened._journal.path) as tracker:
                assert "a" == getattr(tracker, name)(tracker.claims()[0].id).id
        with ct.Tracker.open(opened._journal.path) as tracker:
            assert 1 == len(tracker.contradictions(tracker.claims()[0]))

    def test_repr_reads_nothing(self, opened, path):
        """
        An unread tracker shows its file, and is still unread after.
        """
        assert f"<Tracker: {path}, not read yet>" == repr(opened)
        opened.close()
        assert f"<Tracker: {path}, closed>" == repr(opened)
        with ct.Tracker.open(path) as tracker:
            show = tracker.__repr__  # looked up before the file is read
            assert 2 == len(tracker)
            assert "<Tracker: 1 sources, 1 actors, 2 claims>" == show()

    def test_revised_sources_read_whole(self, path):
        """
        A claim or source changed by a revision is read from memory.
        """
        text = "Rubio spoke. Bukele agreed."
        with ct.Tracker.open(path) as tracker:
            tracker.add_actor(ct.Actor("rubio", "Marco Rubio"), at=T0)
            tracker.add_source(ct.Source("s", text=text), at=T0)
            tracker.add_source(ct.Source("t", text=text), at=T0)
            tracker.add_claim(
                "spoke", speaker="rubio", quote="spoke", source="s", id="a"
            )
            tracker.add_claim(
                "spoke", speaker="rubio", quote="spoke", source="t", id="b"
            )
            tracker.revise("s", "Yesterday, " + text, at=T0)
            moved, kept = tracker.claim("a"), tracker.claim("b")
        for id_, expected in (("a", moved), ("b", kept)):
            with ct.Tracker.open(path) as tracker:
                assert expected == tracker.claim(id_)
                assert (not unread(tracker)) is (id_ == "a")
        with ct.Tracker.open(path) as tracker:
            assert tracker.get("s").text.startswith("Yesterday")


class TestPartialWork:
    """
    A tracker that has not read its file reads, for each question about a
    claim and for each small write, only what that needs; the answers and
    the file are the same as when it is read whole.
    """

    @staticmethod
    def build(tracker):
        """
        Sources with URLs and lineage, claims, evidence of every kind.
        """
        tracker.add_actor(
            ct.Actor("rubio", "Marco Rubio", aliases=("Rubio",)), at=T0
        )
        tracker.add_actor(ct.Actor("bukele", "Nayib Bukele"), at=T0)
        tracker.add_source(
            ct.Source("ap", url="https://apnews.com/a", publisher="AP"),
            at=T0,
        )
        tracker.add_source(
            ct.Source("article", text="Rubio spoke.", derived_from=("ap",)),
            at=T0,
        )
        offer = tracker.add_claim(
            "El Salvador will take deportees",
            speaker="Rubio",
            source="article",
            proposition=ct.Proposition("bukele", "status", "agreed"),
            id="offer",
            at=T0,
        )
        tracker.add_claim(
            "An agreement is being finalized",
            speaker="bukele",
            proposition=ct.Proposition("bukele", "status", "pending"),
            id="pending",
            at=T0,
        )
        tracker.corroborate(offer, evidence="https://apnews.com/a", at=T0)
        tracker.corroborate(offer, evidence="https://elfaro.net/x", at=T0)
        tracker.corroborate(offer, evidence="pending", stance="refutes", at=T0)
        tracker.rate("pending", "mostly true", at=T0)
        tracker.retract("pending", note="withdrawn", at=T0)
        tracker.contradict("offer", "pending", note="dates differ", at=T0)

    @staticmethod
    def answers(tracker, claim):
        """
        Everything a tracker says about one claim.
        """
        return (
            tracker.claim(claim),
            tracker.status(claim),
            tracker.derived_status(claim),
            tracker.support(claim),
            tracker.evidence(claim),
            tracker.verdicts(claim),
            tracker.verdict(claim),
            tracker.retraction(claim),
            tracker.history(claim),
            tracker.contradictions(claim),
            tracker.contradictions(claim, kind="explicit"),
        )

    def test_same_answers_and_same_file(self, tmp_path):
        """
        Built one write at a time by unread trackers, the file holds what
        a tracker in memory holds, with the same state rows, and every
        question about a claim gets the same answer read in part.
        """
        memory = ct.Tracker()
        self.build(memory)
        path = tmp_path / "claims.db"
        with ct.Tracker.open(path) as tracker:
            self.build(tracker)
            assert unread(tracker)
        whole = tmp_path / "whole.db"
        with ct.Tracker.open(whole) as tracker:
            for event in memory.events():
                tracker.apply(event)
        assert state(path) == state(whole)
        with ct.Tracker.open(path) as tracker:
            for claim in ("offer", "pending"):
                assert self.answers(memory, claim) == self.answers(
                    tracker, claim
                )
            assert memory.actor("Rubio") == tracker.actor("Rubio")
            assert memory.source("ap") == tracker.source("ap")
            assert memory.predicates() == tracker.predicates()
            assert "offer" in tracker
            assert unread(tracker)
            assert memory.events() == tracker.events()

    def test_merge_in_part(self, tmp_path):
        """
        Merging a copy's new events into an unread tracker adds just those,
        and a clash adds nothing.
        """
        memory = ct.Tracker()
        self.build(memory)
        path = tmp_path / "claims.db"
        with ct.Tracker.open(path) as tracker:
            for event in memory.events():
                tracker.apply(event)
        copy = ct.Tracker.from_events(memory.events())
        copy.add_claim(
            "Deportees arrived", speaker="bukele", id="arrived", at=T0
        )
        copy.corroborate("arrived", evidence="offer", at=T0)
        with ct.Tracker.open(path) as tracker:
            added = tracker.merge(copy)
            assert unread(tracker)
        assert 2 == len(added)
        with ct.Tracker.open(path) as tracker:
            assert copy.events() == tracker.events()
        clash = ct.Tracker.from_events(memory.events()[:2])
        clash.add_claim("other", speaker="bukele", id="offer", at=T0)
        with ct.Tracker.open(path) as tracker:
            with pytest.raises(ct.DuplicateIdError):
                tracker.merge(clash)
            assert copy.events() == tracker.events()

    def test_revision_reads_whole(self, tmp_path):
        """
        A question about what a revision changed (a claim quoting the
        revised source, evidence citing it) is answered from the whole
        file; other claims are still read in part.
        """
        path = tmp_path / "claims.db"
        text = "Rubio spoke. Bukele agreed."
        with ct.Tracker.open(path) as tracker:
            tracker.add_actor(ct.Actor("rubio", "Marco Rubio"), at=T0)
            tracker.add_source(ct.Source("s", text=text, url=URL), at=T0)
            tracker.add_claim(
                "spoke", speaker="rubio", source="s", quote="spoke", id="a"
            )
            tracker.add_claim("other", speaker="rubio", id="b", at=T0)
            source = tracker.source("s")
            tracker.corroborate("a", evidence=source.span_of("spoke"), at=T0)
            tracker.corroborate("b", evidence=URL, at=T0)
            tracker.add_claim("rated", speaker="rubio", id="c", at=T0)
            tracker.add_actor(ct.Actor("bukele", "Nayib Bukele"), at=T0)
            tracker.add_claim("agreed", speaker="bukele", id="d", at=T0)
            tracker.rate("c", "true", at=T0)
            tracker.contradict("c", "b", at=T0)
            tracker.revise("s", "Yesterday, " + text, at=T0)
            expected = {c: self.answers(tracker, c) for c in "abc"}
        for claim in ("a", "b"):
            with ct.Tracker.open(path) as tracker:
                assert expected[claim] == self.answers(tracker, claim)
                assert not unread(tracker)  # each cites the revised source
        with ct.Tracker.open(path) as tracker:
            assert "other" == tracker.claim("b").text
            assert expected["c"] == self.answers(tracker, "c")
            assert ["d"] == [c.id for c in tracker.claims(speaker="bukele")]
            assert unread(tracker)
            assert ["a", "b", "c"] == [
                c.id for c in tracker.claims(speaker="rubio")
            ]
            assert not unread(tracker)  # "a" quotes the revised source

    def test_partial_state_follows_writes(self, tmp_path):
        """
        The partial state a tracker keeps takes its own writes in, and is
        read again when another writer moved the journal on.
        """
        path = tmp_path / "claims.db"
        with ct.Tracker.open(path) as tracker:
            tracker.add_actor(ct.Actor("rubio", "Marco Rubio"), at=T0)
            tracker.add_claim("one", speaker="rubio", id="1", at=T0)

        def ids(tracker):
            return [c.id for c in tracker.claims(speaker="rubio")]

        with ct.Tracker.open(path) as tracker:
            assert ["1"] == ids(tracker)
            tracker.add_claim("two", speaker="rubio", id="2", at=T0)
            assert ["1", "2"] == ids(tracker)
            with ct.Tracker.open(path) as other:
                other.add_claim("three", speaker="rubio", id="3", at=T0)
            assert ["1", "2", "3"] == ids(tracker)
            assert unread(tracker)

    def test_failed_read_in_part_writes_nothing(self, tmp_path, monkeypatch):
        """
        A write whose reading of the file fails writes nothing, and lets
        the next write through.
        """
        path = tmp_path / "claims.db"
        with ct.Tracker.open(path) as tracker:
            tracker.add_actor(ct.Actor("rubio", "Marco Rubio"), at=T0)
        before = rows(path)

        def broken(self):
            raise ct.StoreError("path", str(path), "disk I/O error")

        with ct.Tracker.open(path) as tracker:
            with monkeypatch.context() as patch:
                patch.setattr(_store.SqliteJournal, "declared", broken)
                with pytest.raises(ct.StoreError, match="disk I/O"):
                    tracker.add_claim("x", speaker="rubio")
            assert before == rows(path)
            tracker.add_claim("x", speaker="rubio")
        assert before + 1 == rows(path)

    def test_closed_tracker_refuses_writes(self, tmp_path):
        """
        A tracker closed after reading its file refuses to change (and to
        answer), saying to open the store again.
        """
        path = tmp_path / "claims.db"
        with ct.Tracker.open(path) as tracker:
            tracker.add_actor(ct.Actor("rubio", "Marco Rubio"), at=T0)
            assert 1 == len(tracker.actors())
        with pytest.raises(ct.ClosedStoreError, match="open the store again"):
            tracker.add_claim("x", speaker="rubio")
        with pytest.raises(ct.ClosedStoreError):
            tracker.actors()
        assert 1 == rows(path)
