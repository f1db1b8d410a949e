"""
What is PostgreSQL's own in the PostgreSQL journal: its URLs, its layout
and version, several trackers in one database, roles and their GRANTs,
followers woken by commits, errors, and a writer that lost the race.

The journal contract, the Tracker state machine and the many-writer tests
run on PostgreSQL too (``test_journals``, ``test_statemachine``,
``test_concurrency``). Tests that need a server skip, with the reason,
when none can be had (see ``tests/postgres.py``).
"""

import os
import random
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest

import claimtrack as ct
from claimtrack._journals import _postgres
from claimtrack._journals._postgres import (
    DEFAULT_TRACKER,
    VERSION,
    PostgresJournal,
    is_url,
)
from claimtrack._journals._sqlite import _row

from . import postgres
from .test_hardening_store import CHILD


ROOT = Path(__file__).resolve().parent.parent
T0 = "2025-02-05T09:00:00+00:00"
NOT_A_VERSION = "update claimtrack_meta set value = 'v1' where key = 'version'"
NEWER_VERSION = "update claimtrack_meta set value = '99' where key = 'version'"
NOWHERE = "postgresql://claimtrack@127.0.0.1:1/nothing"
"""A URL where no server listens."""

READER_GRANTS = [
    "grant connect on database {database} to {role}",
    "grant usage on schema public to {role}",
    (
        "grant select on claimtrack_meta, claimtrack_trackers, "
        "claimtrack_events, claimtrack_facts, claimtrack_links, "
        "claimtrack_entities, claimtrack_names to {role}"
    ),
]
"""What a read-only editor needs, as docs/team.md gives it."""

ANALYST_GRANTS = [
    *READER_GRANTS,
    (
        "grant insert on claimtrack_trackers, claimtrack_events, "
        "claimtrack_facts, claimtrack_links, claimtrack_entities, "
        "claimtrack_names to {role}"
    ),
    "grant update on claimtrack_trackers, claimtrack_facts to {role}",
    "grant delete on claimtrack_links to {role}",
]
"""What an analyst who writes needs, as docs/team.md gives it."""


def sql(url, *statements):
    """
    Run statements on the database of *url*, without its tracker.
    """
    postgres.execute(url.partition("?")[0], *statements)


def rows(url, query, *params):
    """
    The rows a query returns on the database of *url*.
    """
    import psycopg  # noqa: PLC0415

    with psycopg.connect(url.partition("?")[0]) as db:
        return db.execute(query, params).fetchall()


def role(database, grants):
    """
    A new login role with *grants* on *database*; its URL there.
    """
    name = f"ct_{uuid.uuid4().hex[:10]}"
    database_name = database.rpartition("/")[2]
    sql(
        database,
        f"create role {name} login password 'secret'",
        *(g.format(role=name, database=database_name) for g in grants),
    )
    scheme, _, rest = database.partition("://")
    host = rest.partition("@")[2]
    return f"{scheme}://{name}:secret@{host}"


def fill(url):
    """
    A tracker at *url* with an actor, a claim, a link and a fact.
    """
    with ct.Tracker.open(url) as tracker:
        tracker.add_actor(ct.Actor("rubio", "Marco Rubio"), at=T0)
        tracker.declare(ct.Predicate("status", single_valued=True), at=T0)
        tracker.add_claim(
            "the deal is on",
            speaker="rubio",
            proposition=ct.Proposition("the deal", "status", "on"),
            id="a",
            at=T0,
        )
        tracker.add_claim("Rubio spoke", speaker="rubio", id="b", at=T0)
        tracker.contradict("a", "b", at=T0)
        return tracker.events()


# -- URLs and arguments (no server needed) ------------------------------------


class TestUrls:
    """
    What a URL and the arguments may be, checked before connecting.
    """

    @pytest.fixture(autouse=True)
    def _psycopg(self):
        pytest.importorskip("psycopg")

    def test_is_url(self):
        """
        Only postgresql:// and postgres:// text is a PostgreSQL URL.
        """
        assert is_url("postgresql://h/db")
        assert is_url("postgres://h/db")
        assert not is_url("claims.db")
        assert not is_url(b"postgresql://h/db")

    @pytest.mark.parametrize(
        ("url", "error", "words"),
        [
            (5, ct.InvalidTypeError, "str"),
            ("mysql://h/db", ct.InvalidValueError, "postgresql://"),
            ("postgresql://[::1/db", ct.InvalidValueError, "IPv6"),
            ("postgresql://h/db?foo=1", ct.InvalidValueError, "libpq"),
        ],
    )
    def test_bad_url(self, url, error, words):
        """
        A URL of the wrong type, scheme or form is refused, naming it.
        """
        with pytest.raises(error) as caught:
            PostgresJournal(url)
        assert "url" == caught.value.field
        assert words in str(caught.value)

    @pytest.mark.parametrize(
        ("tracker", "error"),
        [
            (5, ct.InvalidTypeError),
            ("", ct.InvalidValueError),
            ("  ", ct.InvalidValueError),
            ("x" * 201, ct.InvalidValueError),
            ("a\x00b", ct.InvalidValueError),
        ],
    )
    def test_bad_tracker(self, tracker, error):
        """
        A tracker id must be text of 1 to 200 characters, not blank.
        """
        with pytest.raises(error) as caught:
            PostgresJournal(NOWHERE, tracker=tracker)
        assert ("tracker", tracker) == (
            caught.value.field,
            caught.value.value,
        )

    def test_two_trackers_named(self):
        """
        A tracker keyword that differs from the URL's is a ConflictError;
        the same one is no conflict.
        """
        with pytest.raises(ct.ConflictError) as caught:
            PostgresJournal(NOWHERE + "?tracker=a", tracker="b")
        assert ("tracker", "b") == (caught.value.field, caught.value.value)
        assert "tracker=a" in caught.value.reason
        with pytest.raises(ct.StoreError, match="cannot connect"):
            PostgresJournal(NOWHERE + "?tracker=a", tracker="a")

    def test_unreachable_server(self):
        """
        No server at the URL: a StoreError saying what to check, with the
        password hidden.
        """
        url = NOWHERE.replace("claimtrack@", "claimtrack:hunter2@")
        with pytest.raises(ct.StoreError) as caught:
            ct.Tracker.open(url + "?tracker=desk")
        assert "hunter2" not in str(caught.value)
        assert "claimtrack:***@" in caught.value.value
        assert "is the server running" in caught.value.reason
        assert not isinstance(caught.value.__cause__, ct.ClaimtrackError)

    def test_missing_psycopg(self, monkeypatch):
        """
        Without psycopg, opening a URL names the extra to install.
        """
        monkeypatch.setitem(sys.modules, "psycopg", None)
        with pytest.raises(ct.MissingDependencyError) as caught:
            ct.Tracker.open(NOWHERE)
        assert isinstance(caught.value, ImportError)
        assert "claimtrack[postgres]" in str(caught.value)
        assert "psycopg" == caught.value.name


# -- trackers in one database -------------------------------------------------


class TestTrackers:
    """
    Trackers named by URL, several in one database.
    """

    def test_default_tracker(self):
        """
        A URL without ?tracker= names the tracker "default".
        """
        database = postgres.database()
        with ct.Tracker.open(database) as tracker:
            tracker.add_actor(ct.Actor("rubio", "Marco Rubio"), at=T0)
        assert [(DEFAULT_TRACKER, 1)] == rows(
            database, "select tracker, position from claimtrack_events"
        )
        journal = PostgresJournal(database)
        assert journal.where == database
        journal.close()

    def test_tracker_keyword(self):
        """
        The tracker keyword names the tracker; where says it, quoted.
        """
        database = postgres.database()
        journal = PostgresJournal(database, tracker="desk one")
        journal.prepare(None)
        assert f"{database}?tracker=desk%20one" == journal.where
        again = PostgresJournal(journal.where)
        assert "desk one" == again.tracker
        other = PostgresJournal(database + "?application_name=x", tracker="b")
        assert other.where.endswith("?application_name=x&tracker=b")
        for each in (journal, again, other):
            each.close()

    def test_several_trackers_in_one_database(self):
        """
        Trackers in one database keep their own events, positions, state
        rows and policies, and writing one leaves the others alone.
        """
        database = postgres.database()
        desk, other = f"{database}?tracker=desk", f"{database}?tracker=web"
        events = fill(desk)
        with ct.Tracker.open(other, policy=ct.Policy(min_sources=3)) as web:
            assert 0 == len(web)
            web.add_actor(ct.Actor("rubio", "Marco Rubio"), at=T0)
            web.add_claim("Rubio spoke", speaker="rubio", id="a", at=T0)
            assert 2 == web.position
            assert [] == web.contradictions("a")
        with ct.Tracker.open(desk) as again:
            assert events == again.events()
            assert ct.Policy() == again.policy
            assert ["b"] == [c.other for c in again.contradictions("a")]
        assert [("desk", 5), ("web", 2)] == rows(
            database,
            "select tracker, max(position) from claimtrack_events "
            "group by tracker order by tracker",
        )

    def test_create_false(self):
        """
        A tracker that does not exist is not made with create=False or
        read_only=True: MissingFileError naming it; nothing is made.
        """
        database = postgres.database()
        for options in ({"create": False}, {"read_only": True}):
            with pytest.raises(ct.MissingFileError) as caught:
                ct.Tracker.open(f"{database}?tracker=nope", **options)
            assert ("tracker", "nope") == (
                caught.value.field,
                caught.value.value,
            )
        assert [] == rows(
            database, "select 1 from pg_tables where tablename like 'claim%%'"
        )
        fill(f"{database}?tracker=yes")
        with pytest.raises(ct.MissingFileError):
            ct.Tracker.open(f"{database}?tracker=nope", create=False)


# -- the layout ---------------------------------------------------------------


class TestLayout:
    """
    The tables' layout version, and damaged or foreign tables.
    """

    def test_version_recorded(self):
        """
        New tables record the format and this claimtrack's layout version.
        """
        database = postgres.database()
        fill(database)
        assert [("format", "claimtrack"), ("version", str(VERSION))] == rows(
            database, "select key, value from claimtrack_meta order by key"
        )

    @pytest.mark.parametrize(
        ("change", "error", "field"),
        [
            (
                "update claimtrack_meta set value = 'x' where key = 'format'",
                ct.InvalidDocumentError,
                "claimtrack_meta[format].value",
            ),
            (
                NOT_A_VERSION,
                ct.DamagedStoreError,
                "claimtrack_meta[version].value",
            ),
            (
                NEWER_VERSION,
                ct.InvalidDocumentError,
                "version",
            ),
            (
                "update claimtrack_trackers set min_sources = 0",
                ct.DamagedStoreError,
                "claimtrack_trackers[default].min_sources",
            ),
            ("drop table claimtrack_names", ct.DamagedStoreError, "url"),
        ],
    )
    def test_damaged_layout(self, change, error, field):
        """
        Damaged or foreign layout rows are refused, naming the field.
        """
        database = postgres.database()
        fill(database)
        sql(database, change)
        with pytest.raises(error) as caught:
            ct.Tracker.open(database)
        assert field == caught.value.field
        assert not isinstance(caught.value, ct.StaleWriteError)

    def test_damaged_rows(self):
        """
        A damaged event, fact or link row is named when read.
        """
        database = postgres.database()
        fill(database)
        sql(
            database,
            "update claimtrack_events set payload = '{oops' "
            "where position = 1",
            "update claimtrack_facts set fact = 'nope'",
            "update claimtrack_links set ids = '[oops'",
        )
        journal = PostgresJournal(database)
        journal.prepare(None)
        with pytest.raises(ct.DamagedStoreError) as caught:
            journal.read()
        assert "events[1].payload" == caught.value.field
        with pytest.raises(ct.DamagedStoreError) as caught:
            journal.fact("a")
        assert "claimtrack_facts[a].fact" == caught.value.field
        with pytest.raises(ct.DamagedStoreError) as caught:
            journal.links("a")
        assert caught.value.field.startswith("claimtrack_links[a, b, ")
        journal.close()

    def test_table_dropped_while_open(self):
        """
        A table dropped under an open journal: DamagedStoreError, not
        psycopg's error.
        """
        database = postgres.database()
        fill(database)
        journal = PostgresJournal(database)
        journal.prepare(None)
        sql(database, "drop table claimtrack_names")
        with pytest.raises(ct.DamagedStoreError) as caught:
            journal.names("rubio")
        assert "claimtrack_names" in caught.value.reason
        assert 5 == journal.last()  # still usable
        journal.close()

    def test_first_writers_at_once(self):
        """
        Writers that open a new database at the same moment make its
        tables once: each waits for the one laying them out, then sees
        them, whatever its connection saw of the catalog before.
        """
        database = postgres.database()
        journals = [
            PostgresJournal(f"{database}?tracker=t{n}") for n in range(6)
        ]
        start = threading.Barrier(len(journals))
        failed = []

        def prepare(journal):
            start.wait()
            try:
                journal.prepare(None)
            except ct.ClaimtrackError as exc:
                failed.append(exc)

        threads = [
            threading.Thread(target=prepare, args=(j,)) for j in journals
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        assert [] == failed
        assert (
            6
            == rows(database, "select count(*) from claimtrack_trackers")[0][0]
        )
        for journal in journals:
            journal.close()

    def test_older_layout_migrated(self, monkeypatch):
        """
        Tables of an older layout are brought up to date in one step, and
        the new version recorded; a failing step changes nothing.
        """
        database = postgres.database()
        events = fill(database)

        def add_notes(db):
            db.execute("alter table claimtrack_trackers add note text")

        monkeypatch.setattr(_postgres, "VERSION", VERSION + 1)
        monkeypatch.setattr(_postgres, "MIGRATIONS", {VERSION: add_notes})
        with ct.Tracker.open(database) as tracker:
            assert events == tracker.events()
        assert [(str(VERSION + 1),)] == rows(
            database, "select value from claimtrack_meta where key='version'"
        )
        assert [(None,)] == rows(
            database, "select note from claimtrack_trackers"
        )

    def test_failed_migration(self, monkeypatch):
        """
        A migration step that fails leaves the tables as they were.
        """
        database = postgres.database()
        fill(database)

        def broken(db):
            db.execute("alter table claimtrack_nothing add note text")

        monkeypatch.setattr(_postgres, "VERSION", VERSION + 1)
        monkeypatch.setattr(_postgres, "MIGRATIONS", {VERSION: broken})
        with pytest.raises(ct.StoreError) as caught:
            ct.Tracker.open(database)
        assert ("version", VERSION) == (
            caught.value.field,
            caught.value.value,
        )
        assert "unchanged" in caught.value.reason
        monkeypatch.setattr(_postgres, "MIGRATIONS", {})
        with pytest.raises(ct.StoreError):
            ct.Tracker.open(database)  # no step from VERSION: refused too
        assert [(str(VERSION),)] == rows(
            database, "select value from claimtrack_meta where key='version'"
        )

    def test_older_layout_read_only(self, monkeypatch):
        """
        Tables of an older layout opened read-only are refused, unchanged.
        """
        database = postgres.database()
        fill(database)
        monkeypatch.setattr(_postgres, "VERSION", VERSION + 1)
        with pytest.raises(ct.ReadOnlyStoreError) as caught:
            ct.Tracker.open(database, read_only=True)
        assert "older layout" in caught.value.reason


# -- roles --------------------------------------------------------------------


class TestRoles:
    """
    Roles with the GRANTs docs/team.md gives, and without them.
    """

    def test_grants_are_the_documented_ones(self):
        """
        The GRANTs these tests give are those docs/team.md gives.
        """
        page = " ".join((ROOT / "docs" / "team.md").read_text().split())
        reader = len(READER_GRANTS)
        for grants, name in (
            (READER_GRANTS, "editor"),
            (ANALYST_GRANTS[reader:], "ana"),
        ):
            for grant in grants:
                shown = grant.format(role=name, database="factcheck")
                assert f"{shown};" in page

    def test_read_only_editor(self):
        """
        A role with SELECT only reads everything and writes nothing: every
        write raises ReadOnlyStoreError naming the role.
        """
        database = postgres.database()
        events = fill(database)
        reader = role(database, READER_GRANTS)
        with ct.Tracker.open(reader) as tracker:
            assert ct.Status.DISPUTED == tracker.status("b")
            assert ["b"] == [c.other for c in tracker.contradictions("a")]
            with pytest.raises(ct.ReadOnlyStoreError) as caught:
                tracker.add_claim("late", speaker="rubio", at=T0)
            assert "may read the tracker but not write it" in str(caught.value)
            assert events == tracker.events()
            assert events == tracker.follow(0.01) + events
        assert "secret" not in caught.value.value

    def test_analyst(self):
        """
        A role with the analyst's GRANTs writes, and makes trackers.
        """
        database = postgres.database()
        fill(database)
        analyst = role(database, ANALYST_GRANTS)
        with ct.Tracker.open(analyst) as tracker:
            tracker.add_claim("the deal is off", speaker="rubio", id="c")
            tracker.corroborate("c", evidence="a", stance="refutes")
            assert 7 == tracker.position
        with ct.Tracker.open(analyst + "?tracker=new") as tracker:
            tracker.add_actor(ct.Actor("rubio", "Marco Rubio"), at=T0)

    def test_no_grants(self):
        """
        A role that may not read the tables: a StoreError naming the role
        and where the GRANTs are written.
        """
        database = postgres.database()
        fill(database)
        stranger = role(database, READER_GRANTS[:2])
        with pytest.raises(ct.StoreError) as caught:
            ct.Tracker.open(stranger)
        assert "lacks a privilege" in caught.value.reason
        assert "Share a tracker with your team" in caught.value.reason
        assert not isinstance(caught.value, ct.ReadOnlyStoreError)

    def test_may_not_make_trackers(self):
        """
        A role that may write a tracker but not make one: opening a new
        tracker raises ReadOnlyStoreError and makes nothing.
        """
        database = postgres.database()
        fill(database)
        writer = role(
            database,
            [
                *READER_GRANTS,
                "grant insert on claimtrack_events to {role}",
                "grant update on claimtrack_trackers to {role}",
            ],
        )
        with pytest.raises(ct.ReadOnlyStoreError) as caught:
            ct.Tracker.open(writer + "?tracker=new")
        assert "lacks a privilege" in caught.value.reason
        assert [("default",)] == rows(
            database, "select id from claimtrack_trackers"
        )


# -- connections --------------------------------------------------------------


class TestConnection:
    """
    A closed journal, and a server that goes away.
    """

    def test_closed(self):
        """
        A closed journal refuses reads, snapshots and writes with
        ClosedStoreError; closing again does nothing.
        """
        journal = PostgresJournal(postgres.url())
        journal.prepare(None)
        journal.close()
        journal.close()
        with pytest.raises(ct.ClosedStoreError):
            journal.read()
        with pytest.raises(ct.ClosedStoreError), journal.reading():
            pass  # pragma: no cover -- refused before
        with pytest.raises(ct.ClosedStoreError):
            journal.begin(0)

    def test_server_goes_away(self):
        """
        A connection the server ends: a StoreError, not psycopg's, inside
        a snapshot or not.
        """
        url = postgres.url()
        journal = PostgresJournal(url)
        journal.prepare(None)
        pid = journal.db.info.backend_pid
        with journal.reading():
            sql(url, f"select pg_terminate_backend({pid})")
            with pytest.raises(ct.StoreError):
                journal.read()
        journal.close()

    def test_server_goes_away_while_laying_out(self, monkeypatch):
        """
        A connection lost while the tables are made is a StoreError, and
        the layout lock went with it: another writer lays them out.
        """
        database = postgres.database()
        journal = PostgresJournal(database)

        def lost(self, policy):
            sql(
                database,
                f"select pg_terminate_backend({self.db.info.backend_pid})",
            )
            self.db.execute("select 1")

        monkeypatch.setattr(PostgresJournal, "_lay_out", lost)
        with pytest.raises(ct.StoreError):
            journal.prepare(None)
        monkeypatch.undo()

        other = PostgresJournal(database)
        assert ct.Policy() == other.prepare(None)
        other.close()
        journal.close()

    def test_error_while_opening(self, monkeypatch):
        """
        A server error while opening closes the connection and is the
        store's error.
        """
        url = postgres.url()
        monkeypatch.setattr(
            PostgresJournal,
            "_check_open",
            lambda self, **_: self.db.execute("select 1 / 0"),
        )
        with pytest.raises(ct.StoreError) as caught:
            PostgresJournal(url)
        assert "cannot open" in caught.value.reason


# -- racing writers -----------------------------------------------------------


class TestRace:
    """
    A writer that lost the race writes nothing, and catches up.
    """

    def test_position_taken_meanwhile(self):
        """
        Another writer that skips the lock and takes the position first:
        the append raises StaleWriteError, writes nothing, and the
        tracker's next write catches up, re-checks and lands after it.
        """
        url = postgres.url()
        tracker = ct.Tracker.open(url)
        tracker.add_actor(ct.Actor("rubio", "Marco Rubio"), at=T0)
        journal = tracker._journal
        import psycopg  # noqa: PLC0415

        theirs = ct.Tracker()
        theirs.add_actor(ct.Actor("rubio", "Marco Rubio"), at=T0)
        theirs.add_claim("theirs", speaker="rubio", id="x", at=T0)
        other = psycopg.connect(url.partition("?")[0])
        other.execute(
            "insert into claimtrack_events values (%s, 2, %s, %s, %s, %s, %s)",
            (journal.tracker, *_row(theirs.events()[1])),
        )
        commit = threading.Timer(0.3, other.commit)
        commit.start()
        journal.begin(None)
        with pytest.raises(ct.StaleWriteError) as caught:
            journal.append(tracker.events()[:1], expected=1)
        commit.join()
        other.close()
        assert ("position", 1) == (caught.value.field, caught.value.value)
        assert "at 2" in caught.value.reason
        with pytest.raises(ct.DuplicateIdError):
            tracker.add_claim("mine", speaker="rubio", id="x", at=T0)
        tracker.add_claim("mine", speaker="rubio", id="y", at=T0)
        assert ["x", "y"] == [claim.id for claim in tracker]
        assert 3 == tracker.position
        tracker.close()


# -- following ----------------------------------------------------------------


def follow_latency(url, count):
    """
    How long a follower waits for each of *count* writes, in seconds.
    """
    writer, follower = ct.Tracker.open(url), ct.Tracker.open(url)
    writer.add_actor(ct.Actor("rubio", "Marco Rubio"), at=T0)
    follower.follow(0)
    waits = []
    for k in range(count):
        written = []

        def write(k=k, written=written):
            time.sleep(0.05)
            written.append(time.monotonic())
            writer.add_claim(f"claim {k}", speaker="rubio", at=T0)

        thread = threading.Thread(target=write)
        thread.start()
        seen = follower.follow(5)
        arrived = time.monotonic()
        thread.join()
        assert [f"claim {k}"] == [event.payload.text for event in seen]
        waits.append(arrived - written[0])
    writer.close()
    follower.close()
    return waits


class TestFollow:
    """
    Tracker.follow: another writer's events, as they land.
    """

    def test_postgres_follower_is_woken(self):
        """
        A follower over PostgreSQL sees each write as it lands (how soon is
        measured in ``tests/benchmarks/bench_postgres.py``).
        """
        assert 10 == len(follow_latency(postgres.url(), 10))

    def test_waits_for_its_tracker(self):
        """
        A commit to another tracker wakes the follower, which goes on
        waiting for its own, and times out with nothing.
        """
        database = postgres.database()
        follower = ct.Tracker.open(f"{database}?tracker=mine")
        follower.follow(0)

        def write():
            time.sleep(0.05)
            fill(f"{database}?tracker=theirs")

        thread = threading.Thread(target=write)
        started = time.monotonic()
        thread.start()
        assert [] == follower.follow(0.5)
        thread.join()
        assert time.monotonic() - started >= 0.5
        follower.close()

    @pytest.mark.parametrize("kind", ["memory", "sqlite"])
    def test_other_journals_are_polled(self, kind, tmp_path):
        """
        Over memory and SQLite, follow asks the journal until it moves on.
        """
        if kind == "memory":
            shared = ct.journals.MemoryJournal()

            def opened():
                return ct.Tracker(journal=shared)

        else:

            def opened():
                return ct.Tracker.open(tmp_path / "claims.db")

        def write(text):
            with opened() as writer:
                writer.add_actor(ct.Actor(text, text.title()), at=T0)

        follower = opened()
        write("rubio")
        assert [] == follower.follow(0.01)
        assert 1 == follower.position
        timer = threading.Timer(0.1, write, ["bukele"])
        timer.start()
        seen = follower.follow(5)
        timer.join()
        assert ["bukele"] == [event.payload.id for event in seen]
        assert [] == follower.follow(0.06)
        follower.close()

    def test_closed_follower(self):
        """
        A closed tracker refuses to follow.
        """
        tracker = ct.Tracker()
        tracker.close()
        with pytest.raises(ct.ClosedStoreError):
            tracker.follow(0)


# -- a writer killed mid-write ------------------------------------------------


class TestCrash:
    """
    A writer killed mid-write loses nothing that returned, and leaves no
    lock behind.
    """

    def test_sigkill_at_random_moments(self):
        """
        Killed 10 times, the tracker keeps every claim whose call
        returned, shows nothing half-written, and the next writer gets
        the lock at once.
        """
        url = postgres.url()
        rng = random.Random(18)  # noqa: S311 -- seeded moments, not secrets
        confirmed = 0
        for _ in range(10):
            child = subprocess.Popen(
                [sys.executable, "-c", CHILD, url],
                stdout=subprocess.PIPE,
                text=True,
            )
            time.sleep(0.3 + rng.random() * 0.3)
            os.kill(child.pid, signal.SIGKILL)
            out, _ = child.communicate()
            lines = out.split()
            if lines:
                confirmed = max(confirmed, int(lines[-1]))
            journal = PostgresJournal(url, timeout=5.0)
            journal.prepare(None)
            assert [] == journal.begin(None)  # the lock is free again
            journal.rollback()
            journal.close()
            with ct.Tracker.open(url) as tracker:
                assert len(tracker) >= confirmed
                assert [f"c{n}" for n in range(len(tracker))] == [
                    c.id for c in tracker
                ]
        assert confirmed > 10
