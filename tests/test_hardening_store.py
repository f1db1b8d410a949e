"""
Tests for how the store and its files refuse and recover (issue 16).

A closed tracker refuses every call; a damaged store names the table, row
and field at fault; bad paths and timeouts are refused before anything is
made; an empty file is a store only when creating is allowed; a store is
read without the write lock, and read-only when it must be; and the
many-writer and crash tests run against every journal that processes can
share (the `shared` fixture: add a journal there to run them on it too).
"""

import contextlib
import io
import json
import math
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
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack import cli
from claimtrack._journals import _sqlite
from claimtrack._journals._sqlite import MAX_TIMEOUT, SqliteJournal
from claimtrack.formats import (
    averitec,
    claimreview,
    claimskg,
    climate_fever,
    factcheck,
    fever,
    liar,
)

from .test_concurrency import TIMEOUT, Worker, result, together


T0 = "2025-02-05T09:00:00+00:00"
FIXED = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def rows(path):
    """
    The file's events as (seq, id) pairs, read with plain sqlite3.
    """
    with contextlib.closing(sqlite3.connect(path)) as db:
        return db.execute("select seq, id from events order by seq").fetchall()


def fill(tracker):
    """
    An actor, a source, and two claims that contradict each other.
    """
    tracker.add_actor(ct.Actor("rubio", "Marco Rubio"), at=T0)
    tracker.add_source(
        ct.Source("s", published="2025-02-04", text="Rubio spoke."), at=T0
    )
    tracker.declare(ct.Predicate("takes", single_valued=True), at=T0)
    first = tracker.add_claim(
        "El Salvador takes 300",
        speaker="rubio",
        id="a",
        proposition=ct.Proposition("sv", "takes", ct.Quantity(300, "people")),
        at=T0,
    )
    tracker.add_claim(
        "El Salvador takes 100",
        speaker="rubio",
        id="b",
        proposition=ct.Proposition("sv", "takes", ct.Quantity(100, "people")),
        at=T0,
    )
    return first


@pytest.fixture(name="path")
def _path(tmp_path):
    return tmp_path / "claims.db"


@pytest.fixture(name="store")
def _store(path):
    """
    A store holding `fill`'s tracker, closed.
    """
    with ct.Tracker.open(path) as tracker:
        fill(tracker)
    return path


# -- 1. a closed tracker ------------------------------------------------------


READS = {
    "claim": lambda t: t.claim("a"),
    "claims": lambda t: t.claims(),
    "contradictions": lambda t: t.contradictions("a"),
    "status": lambda t: t.status("a"),
    "history": lambda t: t.history("a"),
    "len": len,
    "iter": list,
    "contains": lambda t: "a" in t,
    "getitem": lambda t: t["a"],
    "actors": lambda t: t.actors(),
    "events": lambda t: t.events(),
    "position": lambda t: t.position,
    "refresh": lambda t: t.refresh(),
    "to_json": lambda t: t.to_json(),
    "to_records": lambda t: t.to_records(),
}
"""Calls that read a tracker."""

WRITES = {
    "add_actor": lambda t: t.add_actor(ct.Actor("bukele", "Nayib Bukele")),
    "add_claim": lambda t: t.add_claim("later", speaker="rubio"),
    "add_claims": lambda t: t.add_claims([{"text": "x", "speaker": "rubio"}]),
    "add_source": lambda t: t.add_source(ct.Source("s2")),
    "corroborate": lambda t: t.corroborate(
        "a", evidence="https://example.org/x", stance=ct.Stance.SUPPORTS
    ),
    "rate": lambda t: t.rate("a", "true"),
    "retract": lambda t: t.retract("a"),
    "contradict": lambda t: t.contradict("a", "b"),
    "declare": lambda t: t.declare(ct.Predicate("says")),
    "revise": lambda t: t.revise("s", "Rubio spoke loudly."),
    "merge": lambda t: t.merge(ct.Tracker()),
}
"""Calls that change a tracker."""

BEFORE = {
    "nothing": lambda t: None,
    "a point read": lambda t: t.claim("a"),
    "a whole read": lambda t: t.claims(),
    "a small write": lambda t: t.add_actor(ct.Actor("x", "X"), at=T0),
    "a whole write": lambda t: t.declare(ct.Predicate("p"), at=T0),
}
"""What a tracker did before it was closed."""


def opened(journal, path):
    """
    A tracker over *journal* ("memory" or "sqlite") holding `fill`'s.
    """
    if journal == "memory":
        tracker = ct.Tracker()
        fill(tracker)
        return tracker
    if not path.exists():
        with ct.Tracker.open(path) as tracker:
            fill(tracker)
    return ct.Tracker.open(path)


class TestClosed:
    """
    A closed tracker refuses every call, whatever it did before.
    """

    @pytest.mark.parametrize("journal", ["memory", "sqlite"])
    @pytest.mark.parametrize("before", list(BEFORE))
    @pytest.mark.parametrize("call", list(READS) + list(WRITES))
    def test_refuses(self, path, journal, before, call):
        """
        Every read and write of a closed tracker raises ClosedStoreError
        naming its store, and nothing reaches the file.
        """
        tracker = opened(journal, path)
        BEFORE[before](tracker)
        where = "memory" if journal == "memory" else str(path)
        kept = rows(path) if journal == "sqlite" else None
        tracker.close()

        with pytest.raises(ct.ClosedStoreError) as e:
            (READS | WRITES)[call](tracker)

        assert ("store", where) == (e.value.field, e.value.value)
        assert isinstance(e.value, ct.StoreError)
        assert "the tracker is closed" in str(e.value)
        assert "open the store again" in str(e.value)
        if journal == "sqlite":
            assert kept == rows(path)

    @FIXED
    @given(
        before=st.lists(st.sampled_from(list(BEFORE)), max_size=3),
        calls=st.lists(
            st.sampled_from(list(READS) + list(WRITES)), min_size=1
        ),
    )
    def test_any_history_any_call(self, tmp_path, before, calls):
        """
        Whatever a store's tracker did before close, every call after it
        is refused, and the file holds exactly what it held at close.
        """
        path = Path(tempfile.mkdtemp(dir=tmp_path)) / "claims.db"
        tracker = opened("sqlite", path)
        for name in before:
            with contextlib.suppress(ct.ClaimtrackError):
                BEFORE[name](tracker)
        kept = rows(path)
        tracker.close()
        for name in calls:
            with pytest.raises(ct.ClosedStoreError):
                (READS | WRITES)[name](tracker)
        assert kept == rows(path)
        with ct.Tracker.open(path) as again:
            assert [e for _, e in kept] == [e.id for e in again.events()]

    @pytest.mark.parametrize("journal", ["memory", "sqlite"])
    def test_close_twice_and_with(self, path, journal):
        """
        Closing twice is harmless, a with block closes, and a closed
        tracker still shows itself.
        """
        with opened(journal, path) as tracker:
            assert 2 == len(tracker)
        tracker.close()
        where = "memory" if journal == "memory" else str(path)
        assert f"<Tracker: {where}, closed>" == repr(tracker)
        with pytest.raises(ct.ClosedStoreError):
            len(tracker)

    def test_closed_journal(self, store):
        """
        A closed SQLite journal's reads and writes raise ClosedStoreError.
        """
        journal = SqliteJournal(store, 5.0)
        journal.close()
        journal.close()
        for call in (
            journal.read,
            journal.last,
            lambda: journal.begin(0),
            lambda: journal.append([], expected=0),
            lambda: journal.names("rubio"),
        ):
            with pytest.raises(ct.ClosedStoreError) as e:
                call()
            assert ("store", str(store)) == (e.value.field, e.value.value)
        with pytest.raises(ct.ClosedStoreError), journal.reading():
            pass


# -- 2. a damaged store -------------------------------------------------------


def damage(path, sql, *args):
    """
    Change the file with raw SQL, as a damaged disk or hand would.
    """
    with contextlib.closing(sqlite3.connect(path)) as db, db:
        db.execute(sql, args)


def seq_of(path, event_id):
    """
    The position of an event in the file.
    """
    with contextlib.closing(sqlite3.connect(path)) as db:
        return db.execute(
            "select seq from events where id = ?", (event_id,)
        ).fetchone()[0]


class TestDamaged:
    """
    A damaged store raises DamagedStoreError naming the table, the row and
    the field: on open, on a keyed read and on a whole read.
    """

    @pytest.mark.parametrize(
        ("key", "value", "says"),
        [
            ("version", "abc", "is not a layout version"),
            ("version", "", "is not a layout version"),
            ("version", "0", "is not a layout version"),
            ("version", "9" * 5000, "is not a layout version"),
            ("version", " 3", "is not a layout version"),
            ("min_sources", "x", "is not a number of sources"),
            ("min_sources", "-1", "is not a number of sources"),
            ("min_sources", "1.5", "is not a number of sources"),
        ],
    )
    def test_meta_value(self, store, key, value, says):
        """
        A meta row whose value is not what it must be is named on open.
        """
        damage(store, "update meta set value = ? where key = ?", value, key)

        with pytest.raises(ct.DamagedStoreError) as e:
            ct.Tracker.open(store)

        assert f"meta[{key}].value" == e.value.field
        assert value == e.value.value
        assert says in str(e.value)
        assert str(store) in str(e.value)
        assert len(str(e.value)) < 400  # the value is cut short
        assert isinstance(e.value, ct.StoreError)
        assert isinstance(e.value, ct.InvalidDocumentError)

    @pytest.mark.parametrize("key", ["version", "min_sources"])
    def test_meta_row_missing(self, store, key):
        """
        A meta row that is gone is named, and said to be missing.
        """
        damage(store, "delete from meta where key = ?", key)

        with pytest.raises(ct.DamagedStoreError) as e:
            ct.Tracker.open(store)

        assert (f"meta[{key}].value", None) == (e.value.field, e.value.value)
        assert "is missing" in str(e.value)

    def test_meta_policy_out_of_range(self, store, monkeypatch):
        """
        A policy the checks refuse is named as a damaged row too.
        """

        def refuse(**kwargs):
            raise ct.InvalidValueError("min_sources", 2, "is refused")

        monkeypatch.setattr(_sqlite, "Policy", refuse)
        with pytest.raises(ct.DamagedStoreError) as e:
            ct.Tracker.open(store)
        assert "meta[min_sources].value" == e.value.field
        assert "is refused" in str(e.value)

    @pytest.mark.parametrize(
        "read",
        [
            pytest.param(lambda t: t.actor("rubio"), id="keyed"),
            pytest.param(lambda t: t.claims(), id="whole"),
            pytest.param(
                lambda t: t.add_claim("x", speaker="rubio"), id="write"
            ),
        ],
    )
    @pytest.mark.parametrize(
        "payload", ["{not json", "[1, 2", "", "5", "null", "[]"]
    )
    def test_payload_not_an_event(self, store, read, payload):
        """
        An actor's payload that is not its JSON object is named by row.
        """
        seq = seq_of(store, "actor-added:rubio")
        damage(
            store, "update events set payload = ? where seq = ?", payload, seq
        )

        with (
            ct.Tracker.open(store) as tracker,
            pytest.raises(ct.DamagedStoreError) as e,
        ):
            read(tracker)

        assert e.value.field.startswith(f"events[{seq}].payload")
        assert str(store) in str(e.value)
        assert not isinstance(e.value.__cause__, json.JSONDecodeError)

    def test_payload_not_text(self, store):
        """
        A payload stored as a number or blob is named by row.
        """
        seq = seq_of(store, "actor-added:rubio")
        for value in (5, b"\xff\xfe"):
            damage(
                store,
                "update events set payload = ? where seq = ?",
                value,
                seq,
            )
            with (
                ct.Tracker.open(store) as tracker,
                pytest.raises(ct.DamagedStoreError) as e,
            ):
                tracker.events()
            assert f"events[{seq}].payload" == e.value.field

    def test_payload_too_deep(self, store):
        """
        A payload nested deeper than JSON is read is named, not a
        RecursionError.
        """
        seq = seq_of(store, "actor-added:rubio")
        deep = "[" * 100_000 + "]" * 100_000
        damage(store, "update events set payload = ? where seq = ?", deep, seq)

        with (
            ct.Tracker.open(store) as tracker,
            pytest.raises(ct.DamagedStoreError) as e,
        ):
            tracker.events()
        assert f"events[{seq}].payload" == e.value.field

    @pytest.mark.parametrize(
        "read",
        [
            pytest.param(lambda t: t.claim("a"), id="keyed"),
            pytest.param(lambda t: t.claims(), id="whole"),
        ],
    )
    def test_claim_of_the_wrong_shape(self, store, read):
        """
        A claim's payload that is JSON of the wrong shape names the field
        at fault.
        """
        seq = seq_of(store, "claim-added:a")
        damage(
            store,
            "update events set payload = json_set(payload, '$.speaker', 5) "
            "where seq = ?",
            seq,
        )

        with (
            ct.Tracker.open(store) as tracker,
            pytest.raises(ct.DamagedStoreError) as e,
        ):
            read(tracker)

        assert f"events[{seq}].payload.speaker" == e.value.field
        assert 5 == e.value.value

    def test_revision_not_json(self, store):
        """
        A revision's payload that SQLite's own JSON cannot read is named by
        row, found after SQLite says only "malformed JSON".
        """
        with ct.Tracker.open(store) as tracker:
            tracker.add_claim(
                "Rubio spoke", speaker="rubio", quote="Rubio spoke", source="s"
            )
            tracker.revise("s", "Rubio spoke. Then left.", at=T0)
        with contextlib.closing(sqlite3.connect(store)) as db:
            (seq,) = db.execute(
                "select seq from events where kind = 'source-revised'"
            ).fetchone()
        damage(store, "update events set payload = '{' where seq = ?", seq)

        with (
            ct.Tracker.open(store) as tracker,
            pytest.raises(ct.DamagedStoreError) as e,
        ):
            tracker.claims(speaker="rubio", source="s")
        assert f"events[{seq}].payload" == e.value.field
        assert "is not JSON" in str(e.value)
        journal = SqliteJournal(store, 5.0)
        try:
            with pytest.raises(ct.DamagedStoreError) as e:
                journal.revised(["s"])  # SQLite reads the JSON itself
        finally:
            journal.close()
        assert (f"events[{seq}].payload", "{") == (
            e.value.field,
            e.value.value,
        )

    def test_malformed_json_elsewhere(self, store, monkeypatch):
        """
        SQLite's "malformed JSON" with every payload sound is a StoreError
        in SQLite's words.
        """
        journal = SqliteJournal(store, 5.0)
        error = sqlite3.OperationalError("malformed JSON")
        found = journal._failed(error)
        journal.close()
        assert type(found) is ct.StoreError
        assert "malformed JSON" in str(found)

    @pytest.mark.parametrize(
        ("what", "text"),
        [
            *(("fact", t) for t in ("{", "5", "[1]", '["a", 1, 0]', "[[[[")),
            *(("ids", t) for t in ("{", "5", "[[[[", "[" * 100_000)),
        ],
    )
    def test_state_rows(self, store, what, text):
        """
        A damaged fact or link row is named by its table, row and field.
        """
        with ct.Tracker.open(store) as tracker:
            tracker.contradict("a", "b", at=T0)
        if what == "fact":
            damage(store, "update facts set fact = ? where claim = 'a'", text)
            field = "facts[a].fact"
        else:
            damage(store, "update links set ids = ? where claim = 'a'", text)
            field = "links[a, b, explicit].ids"

        with (
            ct.Tracker.open(store) as tracker,
            pytest.raises(ct.DamagedStoreError) as e,
        ):
            tracker.contradictions("a")
        assert field == e.value.field
        assert text == e.value.value

    @pytest.mark.parametrize(
        "content", [b"hello" * 1000, b"SQLite format 3\x00" + b"\x00" * 84]
    )
    def test_not_a_database(self, tmp_path, content):
        """
        A file that is not SQLite is a StoreError saying so, and is left
        as it was.
        """
        path = tmp_path / "claims.db"
        path.write_bytes(content)

        with pytest.raises(ct.StoreError) as e:
            ct.Tracker.open(path)

        assert ("path", str(path)) == (e.value.field, e.value.value)
        assert "not a claimtrack store" in str(e.value)
        assert content == path.read_bytes()

    def test_corrupt_pages(self, store):
        """
        A file whose pages are damaged is a DamagedStoreError (or a
        StoreError SQLite's words explain), never sqlite3's.
        """
        data = bytearray(store.read_bytes())
        for at in range(4096, len(data), 7):
            data[at] = 0x5A
        store.write_bytes(bytes(data))

        def read():
            with ct.Tracker.open(store) as tracker:
                tracker.claims()

        with pytest.raises(ct.StoreError) as e:
            read()
        assert ("path", str(store)) == (e.value.field, e.value.value)

    @FIXED
    @given(
        garbage=st.one_of(
            st.text(max_size=40),
            st.binary(max_size=40),
            st.integers(min_value=-(2**63), max_value=2**63 - 1),
            st.floats(allow_nan=False),
        ),
        target=st.sampled_from(["actor-added:rubio", "claim-added:b"]),
    )
    @example(garbage='{"id": "a"}', target="claim-added:b")
    def test_any_damaged_payload(self, tmp_path, garbage, target):
        """
        Whatever a payload is turned into, reading it raises nothing but
        a ClaimtrackError, and a DamagedStoreError names its row.
        """
        path = Path(tempfile.mkdtemp(dir=tmp_path)) / "claims.db"
        with ct.Tracker.open(path) as tracker:
            fill(tracker)
        seq = seq_of(path, target)
        try:
            damage(
                path,
                "update events set payload = ? where seq = ?",
                garbage,
                seq,
            )
        except sqlite3.Error:
            return  # an index of the payload refused it: not in the file
        for read in (lambda t: t.claim("b"), lambda t: t.claims()):
            with ct.Tracker.open(path) as tracker:
                try:
                    read(tracker)
                except ct.DamagedStoreError as e:
                    assert e.field.startswith(f"events[{seq}]")
                except ct.ClaimtrackError:
                    pass


# -- 3. arguments, paths and files --------------------------------------------


class TestArguments:
    """
    Tracker.open, load, dump and the importers refuse bad paths and
    timeouts with a ClaimtrackError naming the argument, making nothing.
    """

    @pytest.mark.parametrize(
        ("path", "error"),
        [
            (None, ct.InvalidTypeError),
            (5, ct.InvalidTypeError),
            (b"claims.db", ct.InvalidTypeError),
            ("a\x00b", ct.InvalidValueError),
            ("", ct.InvalidValueError),
            ("\ud800.db", ct.InvalidValueError),
        ],
    )
    def test_path(self, tmp_path, path, error):
        """
        A path that is no path, or names no file, is refused as such.
        """
        with contextlib.chdir(tmp_path):
            with pytest.raises(error) as e:
                ct.Tracker.open(path)
            with pytest.raises(error):
                ct.Tracker().dump(path)
            with pytest.raises(error):
                ct.Tracker.load(path)

        assert ("path", path) == (e.value.field, e.value.value)
        assert [] == list(tmp_path.iterdir())

    @pytest.mark.parametrize(
        ("timeout", "error"),
        [
            ("x", ct.InvalidTypeError),
            (None, ct.InvalidTypeError),
            (True, ct.InvalidTypeError),
            (-1, ct.InvalidValueError),
            (-0.001, ct.InvalidValueError),
            (math.nan, ct.InvalidValueError),
            (math.inf, ct.InvalidValueError),
            (-math.inf, ct.InvalidValueError),
            (MAX_TIMEOUT + 1, ct.InvalidValueError),
            (10**400, ct.InvalidValueError),
        ],
    )
    def test_timeout(self, tmp_path, timeout, error):
        """
        A timeout that is not a number of seconds from 0 to a day is
        refused, naming the argument, before any file is made.
        """
        with pytest.raises(error) as e:
            ct.Tracker.open(tmp_path / "claims.db", timeout=timeout)

        assert "timeout" == e.value.field
        assert "a day" in str(e.value) or "number of seconds" in str(e.value)
        assert len(str(e.value)) < 200
        assert [] == list(tmp_path.iterdir())

    @FIXED
    @given(
        timeout=st.floats(allow_nan=True)
        | st.integers(min_value=-(10**30), max_value=10**30)
    )
    def test_any_timeout(self, tmp_path, timeout):
        """
        A number is taken as a timeout exactly when it is from 0 to a day.
        """
        folder = Path(tempfile.mkdtemp(dir=tmp_path))
        if 0 <= timeout <= MAX_TIMEOUT:
            with ct.Tracker.open(folder / "c.db", timeout=timeout) as tracker:
                assert 0 == len(tracker)
        else:
            with pytest.raises(ct.InvalidValueError):
                ct.Tracker.open(folder / "c.db", timeout=timeout)
            assert [] == list(folder.iterdir())

    @pytest.mark.parametrize("argument", ["create", "read_only"])
    def test_flags(self, tmp_path, argument):
        """
        create and read_only take booleans only.
        """
        with pytest.raises(ct.InvalidTypeError) as e:
            ct.Tracker.open(tmp_path / "c.db", **{argument: "yes"})
        assert argument == e.value.field
        assert [] == list(tmp_path.iterdir())

    def test_load_and_dump(self, tmp_path):
        """
        load of a folder, dump into a missing folder or onto a folder: each
        its error, naming the path, and nothing made.
        """
        tracker = ct.Tracker()
        (tmp_path / "folder").mkdir()

        with pytest.raises(ct.IsAFolderError) as e:
            ct.Tracker.load(tmp_path / "folder")
        assert isinstance(e.value, IsADirectoryError)
        assert str(tmp_path / "folder") == e.value.filename
        with pytest.raises(ct.MissingFileError) as e:
            tracker.dump(tmp_path / "nowhere" / "t.json")
        assert "there is no folder" in str(e.value)
        with pytest.raises(ct.IsAFolderError) as e:
            tracker.dump(tmp_path / "folder")
        assert "is a folder" in str(e.value)
        assert ["folder"] == sorted(p.name for p in tmp_path.iterdir())
        assert [] == list((tmp_path / "folder").iterdir())

    def test_unreadable(self, tmp_path, monkeypatch):
        """
        A file the system will not read is a StoreError with its reason.
        """
        path = tmp_path / "t.json"
        path.write_text("{}", encoding="utf-8")

        def refuse(self):
            raise PermissionError(13, "Permission denied", str(self))

        monkeypatch.setattr(Path, "read_bytes", refuse)
        with pytest.raises(ct.StoreError) as e:
            ct.Tracker.load(path)
        assert "cannot be read: permission denied" in str(e.value)
        with pytest.raises(ct.StoreError):
            claimreview.read(ct.Tracker(), path)

    @pytest.mark.parametrize(
        "module",
        [
            averitec,
            claimreview,
            claimskg,
            climate_fever,
            factcheck,
            fever,
            liar,
        ],
        ids=lambda m: m.__name__.rsplit(".", 1)[-1],
    )
    def test_importers(self, tmp_path, module):
        """
        Every importer's path: a missing file, a folder, a path of bytes.
        """
        tracker = ct.Tracker()
        read = module.read
        with pytest.raises(ct.MissingFileError) as e:
            read(tracker, tmp_path / "missing.json")
        assert ("path", str(tmp_path / "missing.json")) == (
            e.value.field,
            e.value.value,
        )
        assert "no such file" in str(e.value)
        with pytest.raises(ct.IsAFolderError):
            read(tracker, tmp_path)
        assert [] == tracker.events()

    def test_path_of_bytes(self):
        """
        An os.PathLike of bytes is not a path claimtrack reads.
        """

        class BytesPath:
            def __fspath__(self):
                return b"claims.db"

        with pytest.raises(ct.InvalidTypeError):
            claimreview.read(ct.Tracker(), BytesPath())


# -- 4. an empty file ---------------------------------------------------------


class TestEmpty:
    """
    An empty file is a store only where creating one is allowed.
    """

    def test_refused_without_create(self, path):
        """
        create=False refuses an empty file, and leaves it empty.
        """
        path.touch()

        with pytest.raises(ct.EmptyStoreError) as e:
            ct.Tracker.open(path, create=False)

        assert ("path", str(path)) == (e.value.field, e.value.value)
        assert "is empty, not a claimtrack store" in str(e.value)
        assert "create=False" in str(e.value)
        assert isinstance(e.value, ct.StoreError)
        assert b"" == path.read_bytes()
        assert ["claims.db"] == [p.name for p in path.parent.iterdir()]

    def test_refused_read_only(self, path):
        """
        A store opened read-only is never made of an empty file.
        """
        path.touch()

        with pytest.raises(ct.EmptyStoreError) as e:
            ct.Tracker.open(path, read_only=True)

        assert "read-only" in str(e.value)
        assert b"" == path.read_bytes()

    def test_read_only_missing(self, path):
        """
        A missing file opened read-only is missing, and is not made.
        """
        with pytest.raises(ct.MissingFileError, match="read_only=True"):
            ct.Tracker.open(path, read_only=True)
        assert not path.exists()

    def test_made_a_store_with_create(self, path):
        """
        With create (the default) an empty file becomes a store.
        """
        path.touch()

        with ct.Tracker.open(path, policy=ct.Policy(min_sources=3)) as tracker:
            tracker.add_actor(ct.Actor("rubio", "Marco Rubio"))

        with ct.Tracker.open(path, create=False) as again:
            assert ct.Policy(min_sources=3) == again.policy
            assert ["rubio"] == [a.id for a in again.actors()]

    def test_interrupted_creation_recovers(self, path):
        """
        A file whose creation stopped between the file and its tables (an
        SQLite file in WAL mode with no tables) is refused without create
        and finished with it.
        """
        with contextlib.closing(sqlite3.connect(path)) as db:
            db.execute("pragma journal_mode = wal")
        assert path.stat().st_size > 0

        with pytest.raises(ct.EmptyStoreError):
            ct.Tracker.open(path, create=False)
        with ct.Tracker.open(path) as tracker:
            assert 0 == len(tracker)
        with ct.Tracker.open(path, create=False) as again:
            assert ct.Policy() == again.policy

    @pytest.mark.parametrize("removed", [False, True])
    def test_sqlite_cannot_open(self, store, monkeypatch, removed):
        """
        A file SQLite cannot open is a StoreError in its words, or a
        MissingFileError if it was removed meanwhile.
        """

        def refuse(*args, **kwargs):
            if removed:
                store.unlink()
            raise sqlite3.OperationalError("unable to open database file")

        monkeypatch.setattr(_sqlite.sqlite3, "connect", refuse)
        with pytest.raises(ct.StoreError) as e:
            ct.Tracker.open(store)
        assert removed == isinstance(e.value, ct.MissingFileError)
        assert ("path", str(store)) == (e.value.field, e.value.value)

    def test_memory_needs_create(self):
        """
        SQLite's ":memory:" is empty: it needs create.
        """
        with pytest.raises(ct.EmptyStoreError):
            ct.Tracker.open(":memory:", create=False)


# -- 5. reading without the lock, and read-only stores ------------------------


@contextlib.contextmanager
def writing(path):
    """
    Hold the file's write lock with a write under way, as a writer would.
    """
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as db:
        db.execute("begin immediate")
        db.execute(
            "insert into events (id, kind, by, at, payload) "
            "values ('x', 'actor-added', null, ?, "
            '\'{"id": "x", "name": "X"}\')',
            (T0,),
        )
        try:
            yield
        finally:
            db.execute("rollback")


def read_everything(tracker):
    """
    What the API reads of a store: one claim, claims, contradictions, len,
    events.
    """
    return (
        tracker.claim("a").id,
        [c.id for c in tracker.claims()],
        [c.other for c in tracker.contradictions("a")],
        len(tracker),
        len(tracker.events()),
    )


EXPECTED = ("a", ["a", "b"], ["b"], 2, 5)


def run_cli(*args):
    """
    Run the command line in this process: its code, stdout and stderr.
    """
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(args))
    return code, out.getvalue(), err.getvalue()


def file_state(path):
    """
    The store's bytes and the names beside it.
    """
    return path.read_bytes(), sorted(p.name for p in path.parent.iterdir())


class TestReading:
    """
    Opening and reading take no write lock; a read-only store reads and
    refuses writes.
    """

    def test_read_while_another_writes(self, store):
        """
        While another process holds the write lock mid-write, a tracker
        opens and reads everything at once, without waiting.
        """
        with writing(store):
            # A wait for the lock would outlast the timeout: StoreBusyError.
            with ct.Tracker.open(store, timeout=0.01) as tracker:
                assert EXPECTED == read_everything(tracker)
            with ct.Tracker.open(store, timeout=0.01, create=False) as t:
                assert [] == t.history("b")[1:]

    def test_cli_reads_while_another_writes(self, store):
        """
        claims, show and report read while another process writes.
        """
        with writing(store):
            for command in (["claims"], ["show", "a"], ["report", "-o", "-"]):
                code, out, err = run_cli(
                    "--db", str(store), "--timeout", "0.01", *command
                )
                assert (0, "") == (code, err), command
                assert out

    def test_read_only(self, store):
        """
        read_only=True reads everything and refuses every write, changing
        nothing; the journal says where and why.
        """
        before = store.read_bytes()
        with ct.Tracker.open(store, read_only=True) as tracker:
            assert EXPECTED == read_everything(tracker)
            for name, write in WRITES.items():
                with pytest.raises(ct.ReadOnlyStoreError) as e:
                    write(tracker)
                assert isinstance(e.value, PermissionError), name
                assert ("path", str(store)) == (e.value.field, e.value.value)
                assert "read_only=True" in str(e.value)
                assert "nothing was written" in str(e.value)
            assert EXPECTED == read_everything(tracker)
        assert before == store.read_bytes()
        assert 5 == len(rows(store))

    def test_read_only_unread(self, store):
        """
        A read-only tracker that has read nothing refuses a write too.
        """
        with ct.Tracker.open(store, read_only=True) as tracker:
            with pytest.raises(ct.ReadOnlyStoreError):
                tracker.add_claim("x", speaker="rubio")
            assert "a" == tracker.claim("a").id
        assert 5 == len(rows(store))

    def test_read_only_older_layout(self, tmp_path):
        """
        A store of an older layout cannot be brought up to date read-only:
        it is refused, saying so, and left as it was.
        """
        path = tmp_path / "old.db"
        with ct.Tracker.open(path) as tracker:
            fill(tracker)
        damage(path, "update meta set value = '2' where key = 'version'")
        before = path.read_bytes()

        with pytest.raises(ct.ReadOnlyStoreError) as e:
            ct.Tracker.open(path, read_only=True)
        assert "layout version 2" in str(e.value)
        assert before == path.read_bytes()

    def test_sqlite_says_read_only(self, store):
        """
        SQLite's own read-only error is a ReadOnlyStoreError.
        """
        other = ct.Tracker()
        other.add_actor(ct.Actor("x", "X"), at=T0)
        journal = SqliteJournal(store, 5.0, read_only=True)
        journal.read_only = False  # past the journal's own check: SQLite's
        try:
            journal.prepare(None)
            journal.begin(None)
            with pytest.raises(ct.ReadOnlyStoreError) as e:
                journal.append(other.events(), expected=5)
            assert "cannot be written" in str(e.value)
            assert "nothing was written" in str(e.value)
        finally:
            journal.close()
        assert 5 == len(rows(store))

    def test_user_may_not_write(self, store, monkeypatch):
        """
        A file the user may read but not write (as the system tells by
        access()) opens read-only: the API and claims, show and report
        read it, and a write says why it is refused.
        """
        real = os.access

        def access(where, mode, **kwargs):
            if Path(where) == store.resolve() or Path(where) == store:
                return mode != os.W_OK and real(where, mode)
            return real(where, mode, **kwargs)

        monkeypatch.setattr(_sqlite.os, "access", access)
        before = file_state(store)
        with ct.Tracker.open(store) as tracker:
            assert EXPECTED == read_everything(tracker)
            with pytest.raises(ct.ReadOnlyStoreError) as e:
                tracker.add_claim("x", speaker="rubio")
            assert "may read the file but not write it" in str(e.value)
        for command in (["claims"], ["show", "a"], ["report", "-o", "-"]):
            code, out, err = run_cli("--db", str(store), *command)
            assert (0, "") == (code, err), command
            assert out
        code, out, err = run_cli("--db", str(store), "add-actor", "x", "X")
        assert 0 != code
        assert "not write it" in err
        assert before[0] == store.read_bytes()

    def test_folder_may_not_be_written(self, store, monkeypatch):
        """
        A read-only file in a folder the user may not write, with no WAL
        files beside it, is read as immutable: it reads, and makes no file
        beside it.
        """
        real = os.access

        def access(where, mode, **kwargs):
            if mode == os.W_OK and Path(where) in (store.resolve(), store):
                return False
            if mode == os.W_OK and Path(where) == store.resolve().parent:
                return False
            return real(where, mode, **kwargs)

        monkeypatch.setattr(_sqlite.os, "access", access)
        made = []
        connect = sqlite3.connect

        def spy(where, *args, **kwargs):
            made.append(str(where))
            return connect(where, *args, **kwargs)

        monkeypatch.setattr(_sqlite.sqlite3, "connect", spy)
        names = sorted(p.name for p in store.parent.iterdir())
        assert ["claims.db"] == names  # no -wal or -shm after a close

        with ct.Tracker.open(store) as tracker:
            assert EXPECTED == read_everything(tracker)
            with pytest.raises(ct.ReadOnlyStoreError):
                tracker.add_actor(ct.Actor("x", "X"))
        assert made[0].endswith("?mode=ro&immutable=1")

    @pytest.mark.skipif(
        os.name != "posix" or os.geteuid() == 0,
        reason="file permissions do not stop root: the tests above tell "
        "a read-only file as the library does (access()), and this one "
        "runs where the user is not root",
    )
    def test_permissions(self, store):
        """
        A file chmod 0444 in a folder chmod 0555 reads by the API and the
        command line, and a write is refused, changing nothing.
        """
        for end in ("-wal", "-shm"):
            assert not Path(f"{store}{end}").exists()
        store.chmod(0o444)
        store.parent.chmod(0o555)
        try:
            before = file_state(store)
            with ct.Tracker.open(store) as tracker:
                assert EXPECTED == read_everything(tracker)
                with pytest.raises(ct.ReadOnlyStoreError):
                    tracker.add_claim("x", speaker="rubio")
            for command in (["claims"], ["show", "a"], ["report", "-o", "-"]):
                code, _, err = run_cli("--db", str(store), *command)
                assert (0, "") == (code, err), command
            assert before == file_state(store)
        finally:
            store.parent.chmod(0o755)
            store.chmod(0o644)


# -- 6. many processes, and crashes, over every shared journal ----------------


class SqliteShared:
    """
    The SQLite journal, as the shared-journal tests need it.

    Another journal that processes can share (PostgreSQL, say) runs the
    same tests by a class like this one added to `SHARED`: a target for
    `Tracker.open` and the command line, the ids of the events it holds,
    in order, and whether it is consistent.
    """

    name = "sqlite"

    def __init__(self, folder):
        self.target = str(folder / "claims.db")

    def stored(self):
        """
        The ids of the journal's events in order, read outside claimtrack.
        """
        with contextlib.closing(sqlite3.connect(self.target)) as db:
            found = db.execute("select seq, id from events order by seq")
            found = found.fetchall()
        assert list(range(1, len(found) + 1)) == [seq for seq, _ in found]
        return [event_id for _, event_id in found]

    def consistent(self):
        """
        Whether the file passes SQLite's integrity check.
        """
        with contextlib.closing(sqlite3.connect(self.target)) as db:
            return "ok" == db.execute("pragma integrity_check").fetchone()[0]


SHARED = [SqliteShared]
"""Every journal several processes can share."""


@pytest.fixture(name="shared", params=SHARED, ids=lambda kind: kind.name)
def _shared(request, tmp_path):
    return request.param(tmp_path)


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
"""A writer that adds claims c0, c1, ... and prints how many it holds."""


class TestShared:
    """
    Several processes writing one journal, and writers killed mid-write.
    """

    def test_writers_lose_nothing(self, shared):
        """
        Three processes writing at once keep every write that returned,
        once, in one order they all agree on.
        """
        workers = [Worker(shared.target, TIMEOUT) for _ in range(3)]
        try:
            for worker in workers:
                assert "ready" == result(worker.receive())
            names = [f"w{n}" for n in range(3)]
            together(
                [
                    (worker, "add_actor", {"id": name, "name": name})
                    for worker, name in zip(workers, names, strict=True)
                ]
            )
            ids = []
            for k in range(10):
                for answer in together(
                    [
                        (worker, "add_next", {"speaker": name, "k": k})
                        for worker, name in zip(workers, names, strict=True)
                    ]
                ):
                    ids.extend(answer["ids"])
            events = shared.stored()
            assert len(events) == len(set(events))
            assert sorted(f"claim-added:{i}" for i in ids) == sorted(
                e for e in events if e.startswith("claim-added:")
            )
            for worker in workers:
                assert events == worker.ok("refresh")["events"]
        finally:
            for worker in workers:
                worker.stop()

    def test_sigkill(self, shared):
        """
        A writer killed at random moments keeps every claim whose call
        returned, and the journal stays consistent.
        """
        rng = random.Random(16)  # noqa: S311 -- seeded moments, not secrets
        confirmed = 0
        for _ in range(8):
            child = subprocess.Popen(
                [sys.executable, "-c", CHILD, shared.target],
                stdout=subprocess.PIPE,
                text=True,
            )
            time.sleep(0.2 + rng.random() * 0.2)
            os.kill(child.pid, signal.SIGKILL)
            out, _ = child.communicate()
            lines = out.split()
            if lines:
                confirmed = max(confirmed, int(lines[-1]))
            assert shared.consistent()
            with ct.Tracker.open(shared.target) as tracker:
                assert len(tracker) >= confirmed
                assert [f"c{n}" for n in range(len(tracker))] == [
                    c.id for c in tracker
                ]
        assert confirmed > 0

    def test_closing_writer_loses_nothing(self, shared, tmp_path):
        """
        A writer that opens, writes and closes again and again while
        another process writes on loses nothing, and neither does the
        other.
        """
        with ct.Tracker.open(shared.target) as tracker:
            tracker.add_actor(ct.Actor("api", "API"), at=T0)
            tracker.add_actor(ct.Actor("me", "Me"), at=T0)
        worker = Worker(shared.target, TIMEOUT)
        stop = tmp_path / "stop"
        try:
            assert "ready" == result(worker.receive())
            worker.send(
                "add_many",
                speaker="api",
                stop=str(stop),
                most=500,
                pause=0.001,
            )
            mine = []
            for k in range(15):
                tracker = ct.Tracker.open(shared.target, timeout=TIMEOUT)
                if k % 2:
                    tracker.claims()  # read whole, then write
                mine.append(
                    tracker.add_claim(f"mine {k}", speaker="me", at=T0).id
                )
                tracker.close()
            stop.touch()
            calls = result(worker.receive())
            theirs = [i for call in calls for i in call["ids"]]
        finally:
            stop.touch()
            worker.stop()
        events = shared.stored()
        assert sorted(f"claim-added:{i}" for i in mine + theirs) == sorted(
            e for e in events if e.startswith("claim-added:")
        )
        assert shared.consistent()
