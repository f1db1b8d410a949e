"""
Benchmark: the embedded SQLite store against raw sqlite3.

Synthetic claims (as in bench_contradictions.py) are loaded into a store
with ``add_claims``, and the same rows go into the same schema with raw
sqlite3 ``executemany`` in one transaction; then the file is opened and a
first ``contradictions(claim)`` answered, against plain sqlite3 reading all
its rows. The script prints a table of ratios:

    python tests/benchmarks/bench_store.py                   # 10k,100k,1M
    python tests/benchmarks/bench_store.py --sizes 2000      # smoke

Targets (issue 5): loading at most 1.5x the raw executemany (ratio <= 1.5);
opening and a first lookup at most 1.5x reading the rows (ratio <= 1.5).
``whole/read`` is opening and reading the whole file into memory, which
any method but a lookup does, against reading the rows.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import bench_contradictions as synthetic

import claimtrack as ct
from claimtrack._journals import _sqlite as _store


def measure(n: int, folder: Path) -> dict[str, float]:
    """
    Every measurement at one size.
    """
    data = synthetic.rows(n)
    path = folder / f"store-{n}.db"
    with ct.Tracker.open(path) as tracker:
        for event in synthetic.tracker_base().events():
            tracker.apply(event)
        start = time.perf_counter()
        tracker.add_claims(data, at=synthetic.T0)
        t_load = time.perf_counter() - start
        rows = [_store._row(e) for e in tracker.events()]
        facts, links = tracker._whole().rows()

    raw = folder / f"raw-{n}.db"
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
    t_raw = time.perf_counter() - start
    db.close()

    start = time.perf_counter()
    with ct.Tracker.open(path) as again:
        found = again.contradictions("c0")
    t_open = time.perf_counter() - start

    start = time.perf_counter()
    db = sqlite3.connect(path)
    for table in ("events", "facts", "links"):
        db.execute(f"select * from {table}").fetchall()  # noqa: S608
    db.close()
    t_read = time.perf_counter() - start

    start = time.perf_counter()
    with ct.Tracker.open(path) as again:
        assert again.contradictions("c0") == found
        len(again)  # the whole file, read into memory
    t_whole = time.perf_counter() - start
    return {
        "n": n,
        "load": t_load,
        "raw": t_raw,
        "open": t_open,
        "read": t_read,
        "whole": t_whole,
    }


def main() -> int:
    """
    Measure each size and print the table of ratios.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    with tempfile.TemporaryDirectory() as folder:
        results = [measure(n, Path(folder)) for n in sizes]
    print(
        f"{'claims':>9} {'load s':>8} {'raw s':>7} {'load/raw':>8} "
        f"{'open s':>7} {'read s':>7} {'open/read':>9} {'whole/read':>10}"
    )
    for r in results:
        print(
            f"{r['n']:>9,} {r['load']:>8.2f} {r['raw']:>7.2f} "
            f"{r['load'] / r['raw']:>8.2f} {r['open']:>7.2f} "
            f"{r['read']:>7.2f} {r['open'] / r['read']:>9.3f} "
            f"{r['whole'] / r['read']:>10.2f}"
        )
    print("targets: load/raw <= 1.5, open/read <= 1.5")
    return 0


if __name__ == "__main__":
    sys.exit(main())
