"""
Tests for several processes writing one store at once, on every journal
processes can share (`SHARED`, through the ``journal`` fixture).

Each test runs real processes: workers that hold a tracker open and do what
they are sent, one request a line, and the command line. Whatever order the
processes' writes take, no write whose call returned is lost, no change is
checked against a state its writer had not caught up with, and every error
is a ClaimtrackError.
"""

import contextlib
import json
import re
import select
import sqlite3
import subprocess
import sys
import textwrap

import pytest

import claimtrack as ct

from . import postgres


T0 = "2025-02-05T09:00:00+00:00"
TIMEOUT = 30.0
"""Seconds a writer waits for another's lock: far more than any write."""
WAIT = 60.0
"""Seconds to wait for a process before the test fails instead of hanging."""

WORKER = textwrap.dedent(
    """
    import json
    import sys
    import time
    import traceback
    from pathlib import Path

    import claimtrack as ct

    AT = "2025-02-05T09:00:00+00:00"


    def state(tracker):
        return {
            "events": [event.id for event in tracker.events()],
            "claims": [claim.id for claim in tracker],
            "position": tracker.position,
        }


    def refresh(tracker):
        tracker.refresh()
        return state(tracker)


    def add_actor(tracker, id, name, aliases=()):
        return tracker.add_actor(ct.Actor(id, name, aliases=aliases), at=AT).id


    def add_claim(tracker, **arguments):
        return tracker.add_claim(**arguments, at=AT).id


    def retract(tracker, claim, note):
        return tracker.retract(claim, note=note, at=AT).note


    def add_next(tracker, speaker, k):
        # Every fifth call adds two claims in one batch; the others add one
        # claim whose id is derived from its text and speaker.
        if k % 5 == 4:
            added = tracker.add_claims(
                [
                    {
                        "text": f"{speaker} batch {k}.{n}",
                        "speaker": speaker,
                        "id": f"{speaker}-{k}.{n}",
                    }
                    for n in range(2)
                ],
                at=AT,
            )
            ids = [claim.id for claim in added]
        else:
            ids = [add_claim(tracker, text=f"{speaker} {k}", speaker=speaker)]
        return {"ids": ids, "position": tracker.position}


    def add_many(tracker, speaker, stop, most, pause):
        # add_next until the file *stop* exists, at most *most* times,
        # pausing between writes so that others get the lock too
        calls = []
        while len(calls) < most and not Path(stop).exists():
            calls.append(add_next(tracker, speaker, len(calls)))
            time.sleep(pause)
        return calls


    OPS = {
        "read": state,
        "refresh": refresh,
        "add_actor": add_actor,
        "add_claim": add_claim,
        "retract": retract,
        "add_next": add_next,
        "add_many": add_many,
    }


    def failure(exc, started):
        return {
            "error": type(exc).__name__,
            "kinds": [kind.__name__ for kind in type(exc).__mro__],
            "message": str(exc),
            "traceback": traceback.format_exc(),
            "seconds": time.monotonic() - started,
        }


    def answer(tracker, request):
        started = time.monotonic()
        try:
            result = OPS[request.pop("op")](tracker, **request)
        except Exception as exc:
            return failure(exc, started)
        return {"ok": result, "seconds": time.monotonic() - started}


    def main():
        started = time.monotonic()
        try:
            tracker = ct.Tracker.open(sys.argv[1], timeout=float(sys.argv[2]))
        except Exception as exc:
            print(json.dumps(failure(exc, started)), flush=True)
            return
        print(json.dumps({"ok": "ready"}), flush=True)
        with tracker:
            for line in sys.stdin:
                reply = answer(tracker, json.loads(line))
                print(json.dumps(reply), flush=True)


    main()
    """
)
"""A worker: it opens the tracker at argv[1], says it is ready, then runs
each JSON request it reads and writes a JSON answer: what the call returned,
or the error it raised, with the error's classes."""


def result(answer):
    """
    What a worker's call returned; the call must have succeeded.
    """
    assert "ok" in answer, answer.get("traceback", answer)
    return answer["ok"]


class Worker:
    """
    A process holding one tracker open, doing what it is sent.
    """

    def __init__(self, path, timeout):
        self.process = subprocess.Popen(
            [sys.executable, "-c", WORKER, str(path), str(timeout)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def send(self, op, **arguments):
        """
        Send a request, without waiting for its answer.
        """
        self.process.stdin.write(json.dumps({"op": op, **arguments}) + "\n")
        self.process.stdin.flush()

    def receive(self):
        """
        The answer to the request sent last.
        """
        ready, _, _ = select.select([self.process.stdout], [], [], WAIT)
        if not ready:
            pytest.fail(f"a worker did not answer in {WAIT} seconds")
        line = self.process.stdout.readline()
        if not line:
            pytest.fail(f"a worker exited with {self.process.wait()}")
        return json.loads(line)

    def call(self, op, **arguments):
        """
        Send a request and return its answer.
        """
        self.send(op, **arguments)
        return self.receive()

    def ok(self, op, **arguments):
        """
        Send a request that must succeed; return what it returned.
        """
        return result(self.call(op, **arguments))

    def stop(self):
        """
        End the process, and close its pipes.
        """
        with contextlib.suppress(BrokenPipeError):
            self.process.stdin.close()
        try:
            self.process.wait(timeout=WAIT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()
        return self.process.returncode


class SqliteShared:
    """
    The SQLite journal, as these tests need it.

    Another journal that processes can share (PostgreSQL, say) runs every
    test here by a class like this one added to `SHARED`: a target for
    `Tracker.open` and the command line, the ids of the events it holds in
    order, read outside claimtrack, and a way to hold its write lock as
    another writer would.
    """

    name = "sqlite"

    def __init__(self, folder):
        self.target = folder / "claims.db"

    def stored(self):
        """
        The ids of the file's events in order, read with plain sqlite3.
        """
        with contextlib.closing(sqlite3.connect(self.target)) as db:
            rows = db.execute("select seq, id from events order by seq")
            rows = rows.fetchall()
        assert list(range(1, len(rows) + 1)) == [seq for seq, _ in rows]
        return [event_id for _, event_id in rows]

    @contextlib.contextmanager
    def locked(self):
        """
        Hold the file's write lock, as another process writing would.
        """
        with contextlib.closing(
            sqlite3.connect(self.target, isolation_level=None)
        ) as holder:
            holder.execute("begin immediate")
            try:
                yield
            finally:
                holder.execute("rollback")


class Target(str):
    """
    A tracker's URL, with the folder the command line runs in.
    """

    __slots__ = ("parent",)


class PostgresShared:
    """
    A tracker in PostgreSQL, as these tests need it (skipped without one).
    """

    name = "postgres"

    def __init__(self, folder):
        self.target = Target(postgres.url())
        self.target.parent = folder
        self.tracker = self.target.rpartition("tracker=")[2]
        self.admin = self.target.rpartition("?")[0]

    def stored(self):
        """
        The ids of the tracker's events in order, read with plain psycopg.
        """
        import psycopg  # noqa: PLC0415

        with psycopg.connect(self.admin) as db:
            rows = db.execute(
                "select position, id from claimtrack_events "
                "where tracker = %s order by position",
                (self.tracker,),
            ).fetchall()
        assert list(range(1, len(rows) + 1)) == [seq for seq, _ in rows]
        return [event_id for _, event_id in rows]

    @contextlib.contextmanager
    def locked(self):
        """
        Hold the tracker's write lock, as another process writing would.
        """
        import psycopg  # noqa: PLC0415

        with psycopg.connect(self.admin) as holder:
            holder.execute(
                "select 1 from claimtrack_trackers where id = %s for update",
                (self.tracker,),
            )
            try:
                yield
            finally:
                holder.rollback()


SHARED = [SqliteShared, PostgresShared]
"""Every journal several processes can share: each test runs on each."""


@pytest.fixture(name="journal", params=SHARED, ids=lambda kind: kind.name)
def _journal(request, tmp_path):
    return request.param(tmp_path)


@pytest.fixture(name="path")
def _path(journal):
    return journal.target


@pytest.fixture(name="start")
def _start(path):
    """
    Start workers on the file, all at once, and wait until each is open.
    """
    started = []

    def start(count=1, *, timeout=TIMEOUT):
        workers = [Worker(path, timeout) for _ in range(count)]
        started.extend(workers)
        for worker in workers:
            assert "ready" == result(worker.receive())
        return workers

    yield start
    for worker in started:
        worker.stop()


def cli(path, *arguments, timeout=TIMEOUT):
    """
    Run ``python -m claimtrack --db path --json ...`` as a shell user would.
    """
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "claimtrack",
            "--db",
            str(path),
            "--timeout",
            str(timeout),
            "--json",
            *arguments,
        ],
        capture_output=True,
        text=True,
        timeout=WAIT,
        check=False,
        cwd=path.parent,
    )


def cli_ok(path, *arguments):
    """
    Run a command that must succeed; return its JSON output.
    """
    result = cli(path, *arguments)
    assert 0 == result.returncode, result.stderr
    return json.loads(result.stdout)


def added(ids):
    """
    The ids of the events that added these claims.
    """
    return [f"claim-added:{claim_id}" for claim_id in ids]


def check_calls(events, calls):
    """
    Check each call's claims are in the file, ending where the call said.

    A call's position is where the tracker stood after it: the last event it
    appended. Positions only grow, so the calls are in the file in order.
    """
    positions = [call["position"] for call in calls]
    assert sorted(set(positions)) == positions
    for call in calls:
        end = call["position"]
        assert added(call["ids"]) == events[end - len(call["ids"]) : end]


@pytest.fixture(name="rubio")
def _rubio(path, journal):
    """
    A file with one actor, who also goes by "Marco", and one claim of his.
    """
    with ct.Tracker.open(path) as tracker:
        tracker.add_actor(
            ct.Actor("rubio", "Marco Rubio", aliases=["Marco"]), at=T0
        )
        tracker.add_claim("Rubio spoke.", speaker="rubio", id="c1", at=T0)
    return journal.stored()


# -- API and API --------------------------------------------------------------


def together(requests):
    """
    Send each worker its request at once, then wait for every answer.

    Each request is a worker, an op and its arguments; the answers are what
    each call returned, in the same order. The workers race for the lock,
    so each write in a round but the first has to catch up first.
    """
    for worker, op, arguments in requests:
        worker.send(op, **arguments)
    return [result(worker.receive()) for worker, _, _ in requests]


@pytest.mark.parametrize("count", [2, 3])
def test_api_writers_lose_nothing(path, start, count, journal):
    """
    Processes creating one file and writing it at once keep every returned
    write, once, in one order every tracker agrees on.
    """
    workers = start(count)  # all open, and create, the file at once
    names = [f"w{n}" for n in range(count)]
    assert names == together(
        [
            (worker, "add_actor", {"id": name, "name": name.upper()})
            for worker, name in zip(workers, names, strict=True)
        ]
    )
    calls = {name: [] for name in names}
    for k in range(20):
        answers = together(
            [
                (worker, "add_next", {"speaker": name, "k": k})
                for worker, name in zip(workers, names, strict=True)
            ]
        )
        for name, answer in zip(names, answers, strict=True):
            calls[name].append(answer)

    events = journal.stored()
    assert 25 * count == len(events)  # an actor and 24 claims each
    assert len(events) == len(set(events))
    assert sorted(f"actor-added:{name}" for name in names) == sorted(
        e for e in events if e.startswith("actor-added:")
    )
    claims = {n: [i for call in calls[n] for i in call["ids"]] for n in names}
    assert sorted(added(i for ids in claims.values() for i in ids)) == sorted(
        e for e in events if e.startswith("claim-added:")
    )
    for name in names:
        assert 24 == len(set(claims[name]))
        check_calls(events, calls[name])
    for worker in workers:
        # caught up, in the file's order, to its own last write
        seen = worker.ok("read")
        assert events[: seen["position"]] == seen["events"]
        seen = worker.ok("refresh")
        assert events == seen["events"]
        assert len(events) == seen["position"]
        assert sorted(i for ids in claims.values() for i in ids) == sorted(
            seen["claims"]
        )
    with ct.Tracker.open(path) as tracker:
        assert events == [e.id for e in tracker.events()]
        assert 24 * count == len(tracker)


# -- API and command line -----------------------------------------------------


def test_api_and_cli_lose_nothing(path, tmp_path, start, journal):
    """
    A process writing through the API while the command line adds claims
    and evidence and lists claims keeps every write that returned or exited
    0, and each listing is the file's claims as they stood.
    """
    with ct.Tracker.open(path) as tracker:
        tracker.add_actor(ct.Actor("api", "API"), at=T0)
        tracker.add_actor(ct.Actor("cli", "CLI"), at=T0)
    (worker,) = start()
    stop = tmp_path / "stop"
    # A write every few milliseconds until told to stop: the lock is free
    # often enough that the command line is not kept waiting.
    worker.send(
        "add_many", speaker="api", stop=str(stop), most=2000, pause=0.002
    )
    mine, listings = [], []
    try:
        for k in range(8):
            claim = cli_ok(
                path,
                "add-claim",
                "--speaker",
                "cli",
                "--id",
                f"cli-{k}",
                f"cli {k}",
            )
            assert f"cli-{k}" == claim["id"]
            mine.append(f"claim-added:cli-{k}")
            if k % 3 == 2:
                evidence = cli_ok(
                    path,
                    "corroborate",
                    f"cli-{k}",
                    "--evidence",
                    f"https://example.org/{k}",
                )
                mine.append(f"evidence-added:{evidence['id']}")
            if k % 4 == 3:
                listed = cli_ok(path, "claims")
                listings.append([row["claim"]["id"] for row in listed])
    finally:
        stop.touch()
    calls = result(worker.receive())

    events = journal.stored()
    assert len(events) == len(set(events))
    theirs = added(i for call in calls for i in call["ids"])
    assert 2 + len(theirs) + len(mine) == len(events)
    assert sorted(theirs + mine) == sorted(events[2:])
    assert mine == [e for e in events if e in set(mine)]
    check_calls(events, calls)
    claims = [
        e.removeprefix("claim-added:")
        for e in events
        if e.startswith("claim-added:")
    ]
    for listed in listings:
        assert claims[: len(listed)] == listed
    assert events == worker.ok("refresh")["events"]


# -- no change applied to a stale state ---------------------------------------


STALE = {
    "a different claim under a taken id": (
        (
            "api",
            "add_claim",
            {"text": "theirs", "speaker": "rubio", "id": "x"},
        ),
        ("add_claim", {"text": "mine", "speaker": "rubio", "id": "x"}),
        ["claim-added:x"],
        ("DuplicateIdError", "'x'"),
    ),
    "an actor id taken from the command line": (
        ("cli", "add-actor", "polo", "Marco Polo"),
        ("add_actor", {"id": "polo", "name": "Polo Ralph"}),
        ["actor-added:polo"],
        ("DuplicateIdError", "'polo'"),
    ),
    "a name another actor now goes by too": (
        (
            "api",
            "add_actor",
            {"id": "polo", "name": "Marco Polo", "aliases": ["Marco"]},
        ),
        ("add_claim", {"text": "Marco spoke.", "speaker": "Marco"}),
        ["actor-added:polo"],
        ("AmbiguousActorError", "rubio, polo"),
    ),
    "the same claim as the command line added": (
        ("cli", "add-claim", "--speaker", "rubio", "--id", "x", "ours"),
        ("add_claim", {"text": "ours", "speaker": "rubio", "id": "x"}),
        ["claim-added:x"],
        "x",
    ),
    "a claim the command line retracted": (
        ("cli", "retract", "c1", "--note", "withdrawn on air"),
        ("retract", {"claim": "c1", "note": "withdrawn in print"}),
        ["claim-retracted:retraction-c1"],
        "withdrawn on air",
    ),
}
"""What process B does, what process A then tries on the state it read
before, the events B adds, and what A gets: an error's class and words in
its message, or what A's call returns."""


@pytest.mark.parametrize("case", list(STALE), ids=list(STALE))
def test_no_change_to_a_stale_state(path, rubio, start, case, journal):
    """
    A write made on a state another process has changed since is checked
    against the changed state: refused, or made as that state allows.
    """
    change, attempt, changed, expected = STALE[case]
    (a,) = start()
    assert rubio == a.ok("read")["events"]  # A has read the whole file
    if change[0] == "api":
        (b,) = start()
        b.ok(change[1], **change[2])
        b.stop()
    else:
        cli_ok(path, *change[1:])
    assert rubio + changed == journal.stored()
    assert rubio == a.ok("read")["events"]  # A has not looked since

    answer = a.call(attempt[0], **attempt[1])

    if isinstance(expected, tuple):
        error, words = expected
        assert error == answer.get("error"), answer
        assert "ClaimtrackError" in answer["kinds"]
        assert words in answer["message"]
    else:
        assert expected == result(answer)
    assert rubio + changed == journal.stored()  # A wrote nothing
    assert rubio + changed == a.ok("read")["events"]  # A caught up
    a.ok("add_claim", text="after", speaker="rubio", id="after")
    assert [*rubio, *changed, "claim-added:after"] == journal.stored()
    assert journal.stored() == a.ok("read")["events"]


# -- a busy lock --------------------------------------------------------------


def test_busy_api(path, rubio, start, journal):
    """
    An API write that waits too long for the lock raises StoreBusyError,
    writes nothing, and succeeds once the lock is free.
    """
    (worker,) = start(timeout=0.2)
    with journal.locked():
        answer = worker.call("add_claim", text="late", speaker="rubio")
        assert rubio == journal.stored()
    assert "StoreBusyError" == answer.get("error"), answer
    assert {"ClaimtrackError", "StoreError", "TimeoutError"} <= set(
        answer["kinds"]
    )
    assert str(path) in answer["message"]
    assert "another process is writing" in answer["message"]
    assert answer["seconds"] >= 0.1  # it waited for the lock
    assert rubio == journal.stored()
    claim = worker.ok("add_claim", text="late", speaker="rubio")
    assert [*rubio, f"claim-added:{claim}"] == journal.stored()


def test_busy_cli(path, rubio, journal):
    """
    A command that waits too long for the lock exits 75, writes nothing,
    and succeeds once the lock is free.
    """
    command = ("add-claim", "--speaker", "rubio", "--id", "late", "late")
    with journal.locked():
        busy = cli(path, *command, timeout=0.2)
        assert rubio == journal.stored()

    assert 75 == busy.returncode, busy.stderr
    assert "" == busy.stdout
    assert "another process is writing" in busy.stderr
    assert "Traceback" not in busy.stderr
    assert 0 == cli(path, *command).returncode
    assert [*rubio, "claim-added:late"] == journal.stored()


def test_busy_says_what_to_do(path, rubio, start, journal):
    """
    The busy error, from the API and the command line, says to try again.
    """
    (worker,) = start(timeout=0.05)
    with journal.locked():
        answer = worker.call("add_claim", text="late", speaker="rubio")
        busy = cli(path, "add-actor", "polo", "Marco Polo", timeout=0.05)
    assert "StoreBusyError" == answer.get("error"), answer
    assert 75 == busy.returncode, busy.stderr
    for message in (answer["message"], busy.stderr):
        assert re.search(r"try again|retry|timeout", message), message
