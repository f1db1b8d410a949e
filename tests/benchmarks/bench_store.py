"""
Benchmark: the embedded SQLite store against raw sqlite3, and the CLI on it.

Each size's store is built once, through the library, and kept in a
temporary folder for the run: ``Tracker.open(path)``, then the speakers and
predicates of the synthetic data (``tracker_base()`` of
bench_contradictions.py) merged in one transaction, then the synthetic claims
with ``add_claims`` in chunks of 100,000 (one transaction each, so that a
call's working memory stays bounded). The build time printed is that of
the ``add_claims`` calls; the same rows go into the same schema with raw
sqlite3 ``executemany`` in one transaction. The script prints four tables:

    python tests/benchmarks/bench_store.py                   # 10k,100k,1M
    python tests/benchmarks/bench_store.py --sizes 1000,2000 # smoke

1. Loading and reading, as ratios. Targets (issue 5): loading at most 1.5x
   the raw executemany (``load/raw`` <= 1.5); opening and a first lookup at
   most 1.5x plain sqlite3 reading all the rows (``open/read`` <= 1.5).
   ``whole/read`` is opening and reading the whole file into memory, which
   any method but a lookup does, against reading the rows.
2. Opening and a first keyed lookup (``claim`` and ``contradictions`` of one
   claim), in this process: the median of 5 fresh opens, each with another
   claim, after one untimed (the first imports what a lookup uses), and
   its ratio to the smallest size. Target: independent of the
   store's size.
3. The command line on the store: each command run as its own process,
   ``python -m claimtrack --db STORE ...``, on a fresh copy of the store
   when it writes; its wall time and peak resident memory, measured by a
   wrapper process (``resource.getrusage(RUSAGE_CHILDREN)`` of the one
   command it ran). Each runs 3 times (``--repeat``): the fastest time
   and the highest peak count. The claim is the middle one of the
   synthetic data, the speaker its speaker; ``add-claim`` says the opposite
   of that claim (a contradiction to find); ``corroborate`` cites another
   claim as refuting it; ``import`` reads a one-record ClaimReview file;
   ``merge`` reads a JSON document (``Tracker.dump``) of the store's
   speakers and predicates and 10 events beyond them. ``import
   claimtrack`` is the floor: starting Python and importing the package.
   Target: each command at most 0.5 s and 150 MB (10^6 bytes).
4. Reading the whole store into memory when asked for all of it
   (``len(Tracker.open(path))``), against the ``add_claims`` calls that
   built the same claims. Target: ``whole/build`` <= 0.5.

The script reports; it exits 0 whether or not the targets are met.
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import bench_contradictions as synthetic

import claimtrack as ct
from claimtrack._journals import _sqlite as _store


if TYPE_CHECKING:
    from collections.abc import Callable

CHUNK = 100_000
OPENS = 5
MAX_SECONDS = 0.5
MAX_MB = 150
MERGED = 10
MB = 10**6

# A fact-check, as the ClaimReview markup publishes it (docs/cli.md).
REVIEW = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://checks.example/bridge-cost",
    "claimReviewed": "The new bridge cost 2 billion",
    "author": {"@type": "Organization", "name": "Example Checks"},
    "datePublished": "2021-07-22",
    "reviewRating": {"@type": "Rating", "alternateName": "Mostly False"},
    "itemReviewed": {
        "@type": "Claim",
        "author": {"@type": "Person", "name": "Jane Doe"},
        "datePublished": "2021-07-06",
    },
}

# Runs one command and prints, as JSON, its wall time and its peak RSS:
# the wrapper's only child, so RUSAGE_CHILDREN is that command's alone.
WRAPPER = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, check=False)
wall = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({
    "wall": wall,
    "peak": peak,
    "code": done.returncode,
    "lines": done.stdout.count(b"\\n"),
    "error": done.stderr.decode(errors="replace").strip()[-400:],
}))
"""
# ru_maxrss is in kibibytes on Linux, in bytes on macOS.
RSS_UNIT = 1 if sys.platform == "darwin" else 1024


@dataclass
class Run:
    """
    One command's measurement.
    """

    name: str
    seconds: float
    mb: float
    code: int
    lines: int
    error: str

    def mark(self) -> str:
        """
        PASS, what is over its target, or the command's failure.
        """
        if self.code:
            return f"FAILED (exit {self.code})"
        over = [
            what
            for what, bad in (
                ("time", self.seconds > MAX_SECONDS),
                ("memory", self.mb > MAX_MB),
            )
            if bad
        ]
        return f"over: {', '.join(over)}" if over else "PASS"


@dataclass
class Size:
    """
    Every measurement at one size.
    """

    n: int
    load: float = 0.0
    raw: float = 0.0
    read: float = 0.0
    whole: float = 0.0
    opens: list[float] = field(default_factory=list)
    runs: list[Run] = field(default_factory=list)
    megabytes: float = 0.0

    @property
    def open(self) -> float:
        """
        The median of the fresh opens and first lookups.
        """
        return statistics.median(self.opens)


def build(size: Size, path: Path, folder: Path) -> list[dict[str, Any]]:
    """
    Build the store at *path*, time it, and time raw sqlite3 doing as much.

    Returns the synthetic claims.
    """
    data = synthetic.rows(size.n)
    with ct.Tracker.open(path) as tracker:
        tracker.merge(synthetic.tracker_base())
        start = time.perf_counter()
        for first in range(0, size.n, CHUNK):
            tracker.add_claims(data[first : first + CHUNK], at=synthetic.T0)
        size.load = time.perf_counter() - start
        rows = [_store._row(e) for e in tracker.events()]
        facts, links = tracker._whole().rows()
    del tracker
    size.megabytes = (
        sum(p.stat().st_size for p in path.parent.glob(f"{path.name}*")) / MB
    )

    raw = folder / f"raw-{size.n}.db"
    db = sqlite3.connect(raw, isolation_level=None)
    db.execute("pragma journal_mode = wal")
    db.execute("pragma synchronous = full")
    _store._run(db, _store._SCHEMA + _store._STATE)
    start = time.perf_counter()
    db.execute("begin")
    db.executemany(
        "insert into events (id, kind, by, at, payload) values (?,?,?,?,?)",
        rows,
    )
    _store._write_state(db, facts, links)
    db.execute("commit")
    size.raw = time.perf_counter() - start
    db.close()
    raw.unlink()
    return data


def measure_reads(size: Size, path: Path) -> None:
    """
    Time opening and a first lookup, reading the rows, and reading it whole.
    """
    keys = [f"c{size.n * k // OPENS}" for k in range(OPENS)]
    with ct.Tracker.open(path) as again:  # imports what a lookup uses
        again.contradictions(f"c{size.n - 1}")
    found = None
    for key in keys:
        gc.collect()
        start = time.perf_counter()
        with ct.Tracker.open(path) as again:
            again.claim(key)
            answer = again.contradictions(key)
        size.opens.append(time.perf_counter() - start)
        if key == keys[0]:
            found = answer

    start = time.perf_counter()
    db = sqlite3.connect(path)
    for table in ("events", "facts", "links"):
        db.execute(f"select * from {table}").fetchall()  # noqa: S608
    db.close()
    size.read = time.perf_counter() - start

    gc.collect()
    start = time.perf_counter()
    with ct.Tracker.open(path) as again:
        len(again)  # the whole file, read into memory
        size.whole = time.perf_counter() - start
        assert again.contradictions(keys[0]) == found


def fresh_copy(store: Path, copy: Path) -> None:
    """
    Make *copy* a copy of *store*, its write-ahead log included.
    """
    for old in copy.parent.glob(f"{copy.name}*"):
        old.unlink()
    for part in store.parent.glob(f"{store.name}*"):
        suffix = part.name[len(store.name) :]
        shutil.copyfile(part, copy.parent / (copy.name + suffix))


def command(
    name: str, argv: list[str], repeat: int, before: Callable[[], None]
) -> Run:
    """
    Run *argv* through the wrapper *repeat* times, calling *before* first.

    Returns the fastest wall time, and the highest peak memory.
    """
    runs = []
    for _ in range(repeat):
        before()
        out = subprocess.run(
            [sys.executable, "-c", WRAPPER, *argv],
            capture_output=True,
            check=True,
            text=True,
        )
        got = json.loads(out.stdout)
        runs.append(
            Run(
                name,
                got["wall"],
                got["peak"] * RSS_UNIT / MB,
                got["code"],
                got["lines"],
                got["error"],
            )
        )
    failed = [run for run in runs if run.code]
    if failed:
        return failed[0]
    fastest = min(runs, key=lambda run: run.seconds)
    fastest.mb = max(run.mb for run in runs)
    return fastest


def merge_document(path: Path) -> None:
    """
    Write the store's speakers and predicates and 10 events beyond them.
    """
    tracker = synthetic.tracker_base()
    base = len(tracker.events())
    for k in range(MERGED):
        tracker.add_claim(
            f"merged claim {k}",
            speaker=f"s{k}",
            said=ct.When.day(synthetic.DAY0),
            proposition=ct.Proposition(f"subject {k}", "p0", "value 0"),
            id=f"merged-{k}",
            at=synthetic.T0,
        )
    assert len(tracker.events()) == base + MERGED
    tracker.dump(path)


def measure_commands(
    size: Size,
    store: Path,
    picked: tuple[dict[str, Any], str],
    files: dict[str, Path],
    repeat: int,
) -> None:
    """
    Run each command of the command line on the store of *size*.

    *picked* is the claim the commands are about, as `add_claims` had it,
    and the id of another claim.
    """
    middle, other = picked
    key, speaker = middle["id"], middle["speaker"]
    said = middle["proposition"]
    if isinstance(said.object, ct.Quantity):
        value = [
            "--quantity",
            str(said.object.value),
            "--unit",
            said.object.unit,
        ]
    else:
        value = ["--object", said.object]
    if said.polarity is ct.Polarity.ASSERTED:
        value.append("--denied")
    review, merge = str(files["review"]), str(files["merge"])
    reads = [
        ("show ID", ["show", key]),
        ("claims --speaker X", ["claims", "--speaker", speaker]),
        ("contradictions ID", ["contradictions", key]),
    ]
    writes = [
        (
            "add-claim",
            [
                "add-claim",
                "--speaker",
                speaker,
                "--said",
                "2025-01-06",
                "--subject",
                said.subject,
                "--predicate",
                said.predicate,
                *value,
                "--id",
                "added",
                "a claim added from the command line",
            ],
        ),
        (
            "corroborate",
            ["corroborate", key, "--evidence", other, "--stance", "refutes"],
        ),
        ("import ClaimReview", ["import", review]),
        (f"merge {MERGED} events", ["merge", merge]),
    ]
    copy = store.parent / "copy.db"
    cli = [sys.executable, "-m", "claimtrack", "--db"]
    size.runs = [
        command(
            "import claimtrack",
            [sys.executable, "-c", "import claimtrack"],
            repeat,
            lambda: None,
        ),
        *(
            command(name, [*cli, str(store), *args], repeat, lambda: None)
            for name, args in reads
        ),
        *(
            command(
                name,
                [*cli, str(copy), *args],
                repeat,
                lambda: fresh_copy(store, copy),
            )
            for name, args in writes
        ),
    ]
    for old in copy.parent.glob(f"{copy.name}*"):
        old.unlink()


def measure(n: int, folder: Path, files: dict[str, Path], repeat: int) -> Size:
    """
    Build the store of *n* claims and take every measurement on it.
    """
    size = Size(n)
    path = folder / f"store-{n}.db"
    data = build(size, path, folder)
    picked = data[n // 2], data[n // 3]["id"]
    del data  # the claims stay in the file, not in this process
    gc.collect()
    print(
        f"built {n:,} claims: add_claims {size.load:.2f} s, "
        f"raw sqlite3 {size.raw:.2f} s, file {size.megabytes:.0f} MB",
        flush=True,
    )
    measure_reads(size, path)
    measure_commands(size, path, picked, files, repeat)
    return size


def report(results: list[Size]) -> None:
    """
    Print the four tables.
    """
    print(
        f"\n{'claims':>9} {'load s':>8} {'raw s':>7} {'load/raw':>8} "
        f"{'open s':>7} {'read s':>7} {'open/read':>9} {'whole/read':>10}"
    )
    for r in results:
        print(
            f"{r.n:>9,} {r.load:>8.2f} {r.raw:>7.2f} "
            f"{r.load / r.raw:>8.2f} {r.open:>7.3f} "
            f"{r.read:>7.2f} {r.open / r.read:>9.3f} "
            f"{r.whole / r.read:>10.2f}"
        )
    print("targets: load/raw <= 1.5, open/read <= 1.5")

    smallest = results[0].open
    print(f"\n{'claims':>9} {'open+lookup s':>13} {'x smallest':>10}")
    for r in results:
        print(f"{r.n:>9,} {r.open:>13.4f} {r.open / smallest:>10.2f}")
    print(f"target: independent of the store's size (median of {OPENS})")

    print(
        f"\n{'claims':>9}  {'command':<20} {'wall s':>7} {'peak MB':>8}  mark"
    )
    for r in results:
        for run in r.runs:
            mark = "(floor)" if run.name == "import claimtrack" else run.mark()
            print(
                f"{r.n:>9,}  {run.name:<20} {run.seconds:>7.2f} "
                f"{run.mb:>8.0f}  {mark}"
            )
            if run.code:
                print(f"{'':>11}{run.error}")
    print(f"target: each command <= {MAX_SECONDS} s and <= {MAX_MB} MB")

    print(f"\n{'claims':>9} {'whole s':>8} {'build s':>8} {'whole/build':>11}")
    for r in results:
        print(
            f"{r.n:>9,} {r.whole:>8.2f} {r.load:>8.2f} "
            f"{r.whole / r.load:>11.2f}"
        )
    print("target: whole/build <= 0.5")


def main() -> int:
    """
    Measure each size and print the tables.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="runs of each command, the fastest counted (default 3)",
    )
    options = parser.parse_args()
    sizes = [int(s) for s in options.sizes.split(",")]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        files = {
            "review": folder / "review.json",
            "merge": folder / "merge.json",
        }
        files["review"].write_text(json.dumps(REVIEW), encoding="utf-8")
        merge_document(files["merge"])
        results = [measure(n, folder, files, options.repeat) for n in sizes]
    report(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
