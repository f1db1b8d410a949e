"""
Tests for ``claimtrack copy`` and ``claimtrack watch``.

Copies go every way between an SQLite store, a JSON document and a
tracker in PostgreSQL (those with PostgreSQL skip without a server), and
keep the whole tracker: the policy and every event in order, with its
author and time. ``watch`` prints what lands, from this or another writer.
"""

import json
import threading
import time

import attrs
import pytest

import claimtrack as ct
from claimtrack._cli import main

from . import postgres


T0 = "2025-02-05T09:00:00+00:00"


@attrs.frozen
class Result:
    """
    What a command did: its exit code and both streams.
    """

    code: int
    out: str
    err: str


@pytest.fixture(name="cli")
def _cli(tmp_path, capsys, monkeypatch):
    """
    Run main() in tmp_path, with no store named by the environment.
    """
    monkeypatch.chdir(tmp_path)
    for name in ("CLAIMTRACK_DB", "CLAIMTRACK_USER", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)

    def run(*args):
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run


def fill(target, policy=None):
    """
    A tracker at *target* with an actor, claims, evidence and a verdict,
    by two authors; its events.
    """
    with ct.Tracker.open(target, policy=policy) as tracker:
        tracker.add_actor(ct.Actor("rubio", "Marco Rubio"), by="ana", at=T0)
        tracker.add_claim("Rubio spoke", speaker="rubio", id="a", by="ana")
        tracker.add_claim("Rubio agreed", speaker="rubio", id="b", by="bo")
        tracker.corroborate("a", evidence="b", by="bo", at=T0)
        tracker.rate("a", "mostly true", scale="politifact", by="ana")
        return tracker.events()


def read(target):
    """
    The policy and events of the tracker at *target*.
    """
    if str(target).endswith(".json"):
        tracker = ct.Tracker.load(target)
        return tracker.policy, tracker.events()
    with ct.Tracker.open(target, create=False) as tracker:
        return tracker.policy, tracker.events()


KINDS = ["sqlite", "json", "postgres"]


def target(kind, tmp_path, name):
    """
    Where a tracker of *kind* named *name* goes.
    """
    if kind == "postgres":
        return postgres.url()
    return str(tmp_path / f"{name}.{'json' if kind == 'json' else 'db'}")


class TestCopy:
    """
    claimtrack copy SRC DST.
    """

    @pytest.mark.parametrize("source", KINDS)
    @pytest.mark.parametrize("destination", KINDS)
    def test_every_way(self, cli, tmp_path, source, destination):
        """
        A tracker copied from any kind of store to any other is the same
        tracker: its policy, and every event with its author and time.
        """
        src = target(source, tmp_path, "from")
        dst = target(destination, tmp_path, "to")
        policy = ct.Policy(min_sources=3)
        if source == "json":
            store = str(tmp_path / "first.db")
            events = fill(store, policy)
            with ct.Tracker.open(store) as tracker:
                tracker.dump(src)
        else:
            events = fill(src, policy)

        result = cli("--json", "copy", src, dst)

        assert 0 == result.code, result
        assert {
            "from": src,
            "to": dst,
            "events": len(events),
            "claims": 2,
        } == json.loads(result.out)
        assert (policy, events) == read(dst)
        assert ["ana", "ana", "bo", "bo", "ana"] == [e.by for e in events]

    def test_says_what_it_copied(self, cli, tmp_path):
        """
        Without --json, copy says in one line what it copied, and where.
        """
        fill("a.db")
        result = cli("copy", "a.db", "b.db")
        assert 0 == result.code, result
        assert "copied 5 events (2 claims) from a.db to b.db\n" == result.out

    @pytest.mark.parametrize("destination", ["sqlite", "postgres"])
    def test_destination_not_empty(self, cli, tmp_path, destination):
        """
        A destination that holds a tracker is left alone: exit 73.
        """
        fill("a.db")
        dst = target(destination, tmp_path, "to")
        before = fill(dst)
        result = cli("copy", "a.db", dst)
        assert 73 == result.code, result
        assert "holds a tracker already" in result.err
        assert (ct.Policy(), before) == read(dst)

    def test_json_destination_exists(self, cli, tmp_path):
        """
        A JSON file is never overwritten: exit 73, the file unchanged.
        """
        fill("a.db")
        (tmp_path / "b.json").write_text("mine\n")
        result = cli("copy", "a.db", "b.json")
        assert 73 == result.code, result
        assert "exists" in result.err
        assert "mine\n" == (tmp_path / "b.json").read_text()

    @pytest.mark.parametrize(
        ("source", "code", "words"),
        [
            ("nothing.db", 66, "nothing.db"),
            ("notes.json", 65, "notes.json"),
            ("folder", 66, "folder"),
        ],
    )
    def test_bad_source(self, cli, tmp_path, source, code, words):
        """
        A missing, unreadable or foreign source exits with its code and
        makes no destination.
        """
        (tmp_path / "notes.json").write_text("not json")
        (tmp_path / "folder").mkdir()
        result = cli("copy", source, "b.db")
        assert code == result.code, result
        assert words in result.err
        assert not (tmp_path / "b.db").exists()

    def test_policy_clash(self, cli, tmp_path):
        """
        An empty destination with another policy is refused, unchanged.
        """
        fill("a.db", ct.Policy(min_sources=3))
        ct.Tracker.open("b.db").close()
        result = cli("copy", "a.db", "b.db")
        assert 65 == result.code, result
        assert "policy" in result.err
        assert (ct.Policy(), []) == read(tmp_path / "b.db")

    def test_url_password_hidden(self, cli):
        """
        A URL's password is never printed.
        """
        pytest.importorskip("psycopg")
        result = cli("copy", "postgresql://me:hunter2@127.0.0.1:1/x", "b.db")
        assert 74 == result.code, result
        assert "hunter2" not in result.err
        assert "me:***@" in result.err


class TestWatch:
    """
    claimtrack watch.
    """

    def test_since_and_count(self, cli):
        """
        --since prints the events after a position first; --count stops.
        """
        fill("claims.db")
        result = cli("watch", "--since", "3", "--count", "1")
        assert 0 == result.code, result
        assert result.out.startswith("     4  ")
        assert "ana" not in result.out
        assert "bo  evidence-added:" in result.out
        assert 1 == len(result.out.splitlines())
        result = cli("--json", "watch", "--since", "0", "--for", "0")
        lines = [json.loads(line) for line in result.out.splitlines()]
        assert [1, 2, 3, 4, 5] == [line["position"] for line in lines]
        assert "Rubio spoke" == lines[1]["payload"]["text"]
        assert "ana" == lines[1]["by"]
        result = cli("watch", "--since", "0", "--count", "0")
        assert ("", 0) == (result.out, result.code)

    def test_since_beyond_the_end(self, cli):
        """
        --since past the last position prints what lands next only.
        """
        fill("claims.db")
        result = cli("watch", "--since", "99", "--for", "0.05")
        assert ("", 0) == (result.out, result.code)

    @pytest.mark.parametrize("option", ["--since", "--count"])
    def test_negative(self, cli, option):
        """
        A negative --since or --count is a usage error.
        """
        fill("claims.db")
        result = cli("watch", option, "-1")
        assert 2 == result.code
        assert f"{option} must be 0 or more" in result.err

    @pytest.mark.parametrize("kind", ["sqlite", "postgres"])
    def test_prints_what_lands(self, cli, tmp_path, kind):
        """
        Watch prints another writer's events as they land, then stops
        after --count.
        """
        store = target(kind, tmp_path, "claims")
        fill(store)

        def write():
            time.sleep(0.2)
            with ct.Tracker.open(store) as other:
                other.add_claim("Rubio again", speaker="rubio", by="cy")
                other.add_claim("Rubio once more", speaker="rubio")

        thread = threading.Thread(target=write)
        thread.start()
        result = cli("--db", store, "watch", "--count", "2", "--for", "30")
        thread.join()
        assert 0 == result.code, result
        first, second = result.out.splitlines()
        assert first.startswith("     6  ")
        assert first.endswith("Rubio again")
        assert "  cy  claim-added:" in first
        assert "  -  claim-added:" in second


class TestInitUrl:
    """
    claimtrack init with a postgresql:// URL as the store.
    """

    def test_init(self, cli):
        """
        init makes the tracker a URL names, once; then leaves it alone.
        """
        url = postgres.url()
        made = cli("--db", url, "--json", "init", "--min-sources", "3")
        assert 0 == made.code, made
        assert {"db": url, "created": True, "policy": {"min_sources": 3}} == (
            json.loads(made.out)
        )
        again = cli("--db", url, "--json", "init")
        assert 0 == again.code, again
        assert not json.loads(again.out)["created"]
        assert (ct.Policy(min_sources=3), []) == read(url)

    def test_no_server(self, cli):
        """
        init with a URL where no server listens exits 74, saying so.
        """
        pytest.importorskip("psycopg")
        result = cli("--db", "postgresql://me@127.0.0.1:1/x", "init")
        assert 74 == result.code, result
        assert "cannot connect" in result.err
