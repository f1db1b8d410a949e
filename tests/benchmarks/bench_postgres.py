"""
Benchmark: a tracker in PostgreSQL shared by writers, followed, and opened.

The server is the one ``$CLAIMTRACK_POSTGRES_URL`` names (a role that may
create databases; each run makes its own database and drops it at the
end), else a throwaway one ``.ci/postgres`` starts if PostgreSQL's server
binaries are installed; with neither, the script says so and exits 0.

    python tests/benchmarks/bench_postgres.py                  # full run
    python tests/benchmarks/bench_postgres.py --writes 100 --claims 1000,2000

It prints three tables:

1. Many writers (issue 18): 4 processes (``--writers``) each make 2,000
   mixed writes (``--writes``) on one tracker, all started at once: 6 in
   10 add a claim, 2 add evidence (another writer's latest claim, as each
   one's state has it), 1 rates its own latest claim, 1 adds two claims in
   one batch. Every returned write must be in the tracker once, each
   writer's in its order; the final history must replay, every event
   checked against the state before it, in a fresh tracker (a change made
   on a stale state would not: "stale" counts those). The same load runs on
   an SQLite store for comparison: writes per second on each.
2. Following: a writer process adds a claim every 20 ms, stamping the time
   just before the call; a follower in this process (``Tracker.follow``)
   notes when each arrives. Median and 95th percentile of the delay, over
   100 writes (``--follows``); target: median at most 100 ms on PostgreSQL.
   SQLite's follower asks every 50 ms, for comparison.
3. Opening and a first keyed lookup (``claim``, ``status`` and
   ``contradictions`` of one claim) on trackers of ``--claims`` sizes
   (10,000 and 100,000 by default; the issue's 1,000,000 with
   ``--claims 10000,1000000``): the median of 5 fresh opens, each of
   another claim, and the ratio to the smallest size. Target: independent
   of the tracker's size.

The script reports; it exits 0 whether or not the targets are met.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import claimtrack as ct


ROOT = Path(__file__).resolve().parents[2]
AT = "2025-02-05T09:00:00+00:00"
OPENS = 5
TARGET_MS = 100
CHUNK = 10_000


# -- the server ---------------------------------------------------------------


def server() -> tuple[str | None, str | None, str]:
    """
    The admin URL, the folder of a server started here, and why not.
    """
    try:
        import psycopg  # noqa: F401, PLC0415
    except ImportError:
        return None, None, "psycopg is not installed (claimtrack[postgres])"
    if os.environ.get("CLAIMTRACK_POSTGRES_URL"):
        return os.environ["CLAIMTRACK_POSTGRES_URL"], None, ""
    started = subprocess.run(
        [str(ROOT / ".ci" / "postgres"), "start"],
        capture_output=True,
        text=True,
        check=False,
    )
    if started.returncode != 0:
        return None, None, f"no PostgreSQL server: {started.stderr.strip()}"
    folder = started.stdout.strip().splitlines()[-1]
    return (Path(folder) / "url").read_text().strip(), folder, ""


def execute(url: str, statement: str) -> None:
    """
    Run one statement, committed.
    """
    import psycopg  # noqa: PLC0415

    with psycopg.connect(url, autocommit=True) as db:
        db.execute(statement)


def in_database(url: str, name: str) -> str:
    """
    *url* with its database replaced by *name*.
    """
    head, _, tail = url.partition("?")
    return f"{head.rsplit('/', 1)[0]}/{name}" + (f"?{tail}" if tail else "")


def tracker_url(database: str, tracker: str) -> str:
    """
    The URL of a tracker in *database*.
    """
    return f"{database}{'&' if '?' in database else '?'}tracker={tracker}"


# -- 1. many writers ----------------------------------------------------------


def writer(target: str, name: str, count: int, start, out) -> None:
    """
    A writer process: *count* mixed writes; sends what each returned.
    """
    returned = []
    with ct.Tracker.open(target, timeout=60) as tracker:
        start.wait()
        began = time.perf_counter()
        mine: list[str] = []
        for k in range(count):
            step = k % 10
            if step < 6 or not mine:
                claim = tracker.add_claim(
                    f"{name} says {k}", speaker=name, by=name, at=AT
                )
                mine.append(claim.id)
                returned.append(f"claim-added:{claim.id}")
            elif step < 8:
                others = [c for c in tracker.claims() if c.speaker != name]
                cited = others[-1].id if others else mine[-1]
                evidence = tracker.corroborate(
                    cited, evidence=f"https://example.org/{name}/{k}", by=name
                )
                returned.append(f"evidence-added:{evidence.id}")
            elif step == 8:
                verdict = tracker.rate(
                    mine[-1], "half true", scale="politifact", by=name
                )
                returned.append(f"verdict-set:{verdict.id}")
            else:
                batch = tracker.add_claims(
                    [
                        {"text": f"{name} batch {k}.{n}", "speaker": name}
                        for n in range(2)
                    ],
                    by=name,
                    at=AT,
                )
                mine.extend(claim.id for claim in batch)
                returned.extend(f"claim-added:{c.id}" for c in batch)
        out.put((name, returned, time.perf_counter() - began))


def many_writers(target: str, writers: int, writes: int) -> dict[str, float]:
    """
    Run the writers on *target*; check and time what they did.
    """
    names = [f"w{n}" for n in range(writers)]
    with ct.Tracker.open(target) as tracker:
        for name in names:
            tracker.add_actor(ct.Actor(name, name.upper()), at=AT)
    context = multiprocessing.get_context("spawn")
    start, out = context.Event(), context.Queue()
    processes = [
        context.Process(target=writer, args=(target, n, writes, start, out))
        for n in names
    ]
    for process in processes:
        process.start()
    time.sleep(2.0)  # every process open and waiting
    began = time.perf_counter()
    start.set()
    results = [out.get() for _ in processes]
    wall = time.perf_counter() - began
    for process in processes:
        process.join()
    with ct.Tracker.open(target) as tracker:
        events = tracker.events()
        policy = tracker.policy
    ids = [event.id for event in events]
    where = {event_id: n for n, event_id in enumerate(ids)}
    missing = sum(i not in where for _, got, _ in results for i in got)
    order = all(
        [where[i] for i in got] == sorted(where[i] for i in got)
        for _, got, _ in results
    )
    stale = 0
    try:
        ct.Tracker.from_events(events, policy=policy)
    except ct.ClaimtrackError as exc:
        print(f"  the history does not replay: {exc}")
        stale = 1
    total = sum(len(got) for _, got, _ in results)
    return {
        "writes": writers * writes,
        "events": len(events),
        "returned": total,
        "missing": missing,
        "once": float(len(ids) == len(set(ids))),
        "in order": float(order),
        "stale": stale,
        "seconds": wall,
        "per second": writers * writes / wall,
    }


# -- 2. following -------------------------------------------------------------


def stamper(target: str, count: int, start, out) -> None:
    """
    A writer process: a claim every 20 ms, its text the time before the
    call.
    """
    with ct.Tracker.open(target) as tracker:
        start.wait()
        for _ in range(count):
            time.sleep(0.02)
            stamp = time.time()
            tracker.add_claim(repr(stamp), speaker="w", at=AT)
    out.put("done")


def following(target: str, count: int) -> list[float]:
    """
    The delays, in ms, from a write's call to a follower seeing it.
    """
    with ct.Tracker.open(target) as tracker:
        tracker.add_actor(ct.Actor("w", "W"), at=AT)
    context = multiprocessing.get_context("spawn")
    start, out = context.Event(), context.Queue()
    process = context.Process(target=stamper, args=(target, count, start, out))
    process.start()
    delays = []
    with ct.Tracker.open(target) as follower:
        follower.follow(0)
        start.set()
        while len(delays) < count:
            delays.extend(
                (time.time() - float(event.payload.text)) * 1e3
                for event in follower.follow(5)
            )
    out.get()
    process.join()
    return delays


# -- 3. opening a big tracker -------------------------------------------------


def build(target: str, size: int) -> float:
    """
    A tracker of *size* claims, each contradicting one other; seconds.
    """
    began = time.perf_counter()
    with ct.Tracker.open(target) as tracker:
        tracker.add_actor(ct.Actor("rubio", "Marco Rubio"), at=AT)
        tracker.declare(ct.Predicate("status", single_valued=True), at=AT)
        for first in range(0, size, CHUNK):
            tracker.add_claims(
                [
                    {
                        "text": f"deal {i // 2} is {'on' if i % 2 else 'off'}",
                        "speaker": "rubio",
                        "id": f"c{i}",
                        "proposition": ct.Proposition(
                            f"deal {i // 2}",
                            "status",
                            "on" if i % 2 else "off",
                        ),
                    }
                    for i in range(first, min(first + CHUNK, size))
                ],
                at=AT,
            )
    return time.perf_counter() - began


def open_and_look(target: str, size: int) -> float:
    """
    The median seconds of opening and a first keyed lookup.
    """
    times = []
    for n in range(OPENS + 1):
        claim = f"c{(size // 2 + 2 * n) % size}"
        began = time.perf_counter()
        with ct.Tracker.open(target) as tracker:
            tracker.claim(claim)
            tracker.status(claim)
            assert len(tracker.contradictions(claim)) == 1
        if n:  # the first imports what a lookup uses
            times.append(time.perf_counter() - began)
    return statistics.median(times)


# -- the report ---------------------------------------------------------------


def table(rows: list[list[str]]) -> None:
    """
    Print rows as an aligned table, the first row the header.
    """
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print(
            "  "
            + "  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True))
        )


def run(admin: str, args: argparse.Namespace) -> None:
    """
    Make a database, run the three parts, drop the database.
    """
    name = f"claimtrack_bench_{uuid.uuid4().hex[:8]}"
    execute(admin, f'create database "{name}"')
    database = in_database(admin, name)
    folder = Path(tempfile.mkdtemp(prefix="claimtrack-bench-"))
    try:
        print(
            f"1. {args.writers} writers x {args.writes} mixed writes on one "
            "tracker"
        )
        rows = [["store", "writes", "events", "missing", "stale", "once",
                 "in order", "seconds", "writes/s"]]  # fmt: skip
        for store, target in (
            ("postgres", tracker_url(database, "writers")),
            ("sqlite", str(folder / "writers.db")),
        ):
            got = many_writers(target, args.writers, args.writes)
            rows.append(
                [
                    store,
                    str(got["writes"]),
                    str(got["events"]),
                    str(got["missing"]),
                    str(got["stale"]),
                    "yes" if got["once"] else "NO",
                    "yes" if got["in order"] else "NO",
                    f"{got['seconds']:.1f}",
                    f"{got['per second']:.0f}",
                ]
            )
        table(rows)
        print("\n2. a follower: delay from a write's call to seeing it, ms")
        rows = [["store", "writes", "median", "p95", "target"]]
        for store, target in (
            ("postgres", tracker_url(database, "follow")),
            ("sqlite", str(folder / "follow.db")),
        ):
            delays = sorted(following(target, args.follows))
            median = statistics.median(delays)
            rows.append(
                [
                    store,
                    str(len(delays)),
                    f"{median:.1f}",
                    f"{delays[int(len(delays) * 0.95) - 1]:.1f}",
                    (
                        f"<= {TARGET_MS}: "
                        f"{'met' if median <= TARGET_MS else 'MISSED'}"
                    )
                    if store == "postgres"
                    else "",
                ]
            )
        table(rows)
        print("\n3. opening a tracker + a first keyed lookup, PostgreSQL")
        rows = [["claims", "build s", "open+lookup ms", "ratio"]]
        first = None
        for size in args.claims:
            target = tracker_url(database, f"size{size}")
            built = build(target, size)
            seconds = open_and_look(target, size)
            first = first or seconds
            rows.append(
                [
                    f"{size:,}",
                    f"{built:.1f}",
                    f"{seconds * 1e3:.1f}",
                    f"{seconds / first:.2f}",
                ]
            )
        table(rows)
    finally:
        execute(admin, f'drop database if exists "{name}" with (force)')


def main() -> int:
    """
    Parse the options, find a server, run, and stop a server started here.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--writes", type=int, default=2000)
    parser.add_argument("--follows", type=int, default=100)
    parser.add_argument(
        "--claims",
        type=lambda text: [int(n) for n in text.split(",")],
        default=[10_000, 100_000],
    )
    args = parser.parse_args()
    admin, folder, reason = server()
    if admin is None:
        print(f"bench_postgres: skipped: {reason}")
        return 0
    try:
        run(admin, args)
    finally:
        if folder is not None:
            subprocess.run(
                [str(ROOT / ".ci" / "postgres"), "stop", folder], check=False
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
