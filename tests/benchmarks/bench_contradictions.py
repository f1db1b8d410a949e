"""
Benchmark: adding claims and finding contradictions, against sqlite3.

Synthetic claims (5k speakers, 50k subjects, 20 predicates of which 5 are
single-valued) are added to a Tracker and, in the same run, the same rows
go into an sqlite3 ``:memory:`` table with the indexes a competent user
would create for the same questions. The script prints a table of ratios:

    python tests/benchmarks/bench_contradictions.py            # 10k,100k,1M
    python tests/benchmarks/bench_contradictions.py --sizes 2000   # smoke

Targets (issue 4): add_claim one by one at least as fast as sqlite3
executemany (ratio >= 1); add_claims at least 1.5x as fast; the median
contradictions(claim) at least 4x faster than the indexed SQL query, and
the largest size's median within 1.3x of the smallest's; contradictions()
for all in at most 1.5x the time taken to add them; at most 400 bytes per
claim beyond its strings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import sqlite3
import statistics
import sys
import time
import tracemalloc
from typing import Any

import claimtrack as ct


SPEAKERS = 5_000
SUBJECTS = 50_000
PREDICATES = 20
SINGLE_VALUED = 5
VALUES = 8
LOOKUPS = 2_000
T0 = dt.datetime(2025, 2, 5, tzinfo=dt.UTC)
DAY0 = dt.date(2024, 1, 1)


def rows(n: int, seed: int = 1) -> list[dict[str, Any]]:
    """
    *n* synthetic claims, as add_claim keyword arguments.
    """
    rng = random.Random(seed)
    out = []
    for i in range(n):
        predicate = rng.randrange(PREDICATES)
        if predicate == PREDICATES - 1:  # a numeric, single-valued one
            obj: object = ct.Quantity(rng.randrange(100), "migrants")
        else:
            obj = f"value {rng.randrange(VALUES)}"
        said = DAY0 + dt.timedelta(days=rng.randrange(700))
        valid = None
        if rng.random() < 0.5:
            start = DAY0 + dt.timedelta(days=rng.randrange(700))
            valid = ct.When.between(start, start + dt.timedelta(days=30))
        out.append(
            {
                "id": f"c{i}",
                "text": f"claim number {i}",
                "speaker": f"s{rng.randrange(SPEAKERS)}",
                "said": ct.When.day(said),
                "proposition": ct.Proposition(
                    f"subject {rng.randrange(SUBJECTS)}",
                    f"p{predicate}",
                    obj,
                    polarity="denied" if rng.random() < 0.1 else "asserted",
                    valid=valid,
                ),
            }
        )
    return out


def tracker_base() -> ct.Tracker:
    """
    A tracker with the speakers and predicates of the synthetic data.
    """
    tracker = ct.Tracker()
    for n in range(SPEAKERS):
        tracker.add_actor(ct.Actor(f"s{n}", f"Speaker {n}"), at=T0)
    for n in range(PREDICATES):
        tracker.declare(
            ct.Predicate(
                f"p{n}",
                single_valued=n >= PREDICATES - SINGLE_VALUED,
                tolerance=ct.Tolerance(absolute=2)
                if n == PREDICATES - 1
                else None,
            ),
            at=T0,
        )
    return tracker


def sql_rows(data: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """
    The same claims as flat rows for sqlite3.
    """
    out = []
    for row in data:
        p = row["proposition"]
        number = isinstance(p.object, ct.Quantity)
        out.append(
            (
                row["id"],
                row["text"],
                row["speaker"],
                row["said"].earliest.toordinal(),
                row["said"].latest.toordinal(),
                p.subject,
                p.predicate,
                None if number else p.object,
                float(p.object.value) if number else None,
                p.object.unit if number else None,
                int(p.polarity is ct.Polarity.ASSERTED),
                p.valid.earliest.toordinal() if p.valid else 0,
                p.valid.latest.toordinal() if p.valid else 10**7,
                int(p.predicate in SINGLE),
            )
        )
    return out


SINGLE = {f"p{n}" for n in range(PREDICATES - SINGLE_VALUED, PREDICATES)}
SCHEMA = """
create table claims (
    id text primary key, text text not null, speaker text not null,
    said_low int, said_high int, subject text not null,
    predicate text not null, object text, number real, unit text,
    asserted int not null, valid_low int not null, valid_high int not null,
    single int not null
);
create index claims_subject_predicate on claims (subject, predicate);
create index claims_speaker on claims (speaker);
create index claims_said on claims (said_low);
"""
CONFLICTS = """
select other.id from claims as other
where other.subject = :subject and other.predicate = :predicate
  and other.id != :id
  and other.valid_low <= :valid_high and :valid_low <= other.valid_high
  and (
    (other.asserted != :asserted
     and (other.object = :object
          or (other.unit = :unit and abs(other.number - :number) <= 2)))
    or (:single and other.asserted and :asserted
        and not (other.object is :object and other.unit is :unit
                 and (other.number is null
                      or abs(other.number - :number) <= 2)))
  )
"""


def sql_params(row: tuple[Any, ...]) -> dict[str, Any]:
    """
    The query parameters for one claim's row.
    """
    keys = (
        "id",
        "text",
        "speaker",
        "said_low",
        "said_high",
        "subject",
        "predicate",
        "object",
        "number",
        "unit",
        "asserted",
        "valid_low",
        "valid_high",
        "single",
    )
    return dict(zip(keys, row, strict=True))


def timed(fn: Any, *args: Any) -> tuple[float, Any]:
    """
    Run *fn* once; return its time in seconds and its result.
    """
    gc.collect()
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


def median_lookup(fn: Any, keys: list[Any]) -> float:
    """
    The median time of one call of *fn* over *keys*, in seconds.
    """
    times = []
    for key in keys:
        start = time.perf_counter()
        fn(key)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def string_bytes(data: list[dict[str, Any]]) -> int:
    """
    The size of the strings a user handed in, which are not counted.
    """
    total = 0
    for row in data:
        p = row["proposition"]
        for s in (row["id"], row["text"], p.subject, p.predicate):
            total += sys.getsizeof(s)
        if isinstance(p.object, str):
            total += sys.getsizeof(p.object)
    return total


def measure(n: int) -> dict[str, float]:
    """
    Every measurement at one size.
    """
    data = rows(n)
    flat = sql_rows(data)

    db = sqlite3.connect(":memory:")
    db.executescript(SCHEMA)
    t_sql, _ = timed(_sql_insert, db, flat)

    tracker = tracker_base()
    t_add, _ = timed(_add_each, tracker, data)

    batch = tracker_base()
    t_batch, _ = timed(batch.add_claims, data)
    del batch

    # Memory is measured on its own: tracemalloc slows every allocation.
    measured = tracker_base()
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    measured.add_claims(data)
    used = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    del measured

    rng = random.Random(2)
    sample = [rng.randrange(n) for _ in range(min(LOOKUPS, n))]
    ours = median_lookup(tracker.contradictions, [f"c{i}" for i in sample])
    cursor = db.cursor()
    params = [sql_params(flat[i]) for i in sample]
    theirs = median_lookup(
        lambda p: cursor.execute(CONFLICTS, p).fetchall(), params
    )
    t_all, found = timed(tracker.contradictions)
    return {
        "n": n,
        "add": t_add,
        "batch": t_batch,
        "sql": t_sql,
        "lookup": ours,
        "sql_lookup": theirs,
        "all": t_all,
        "conflicts": len(found),
        "bytes": (used - string_bytes(data)) / n,
    }


def _sql_insert(db: sqlite3.Connection, flat: list[tuple[Any, ...]]) -> None:
    with db:
        db.executemany(
            "insert into claims values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", flat
        )


def _add_each(tracker: ct.Tracker, data: list[dict[str, Any]]) -> None:
    for row in data:
        tracker.add_claim(
            row["text"], **{k: v for k, v in row.items() if k != "text"}, at=T0
        )


def main() -> int:
    """
    Measure each size and print the table of ratios.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument(
        "--sizes",
        default="10000,100000,1000000",
        help="comma-separated numbers of claims",
    )
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    results = [measure(n) for n in sizes]
    first = results[0]
    print(
        f"{'claims':>9} {'add/sql':>8} {'batch/sql':>9} {'lookup us':>9} "
        f"{'sql us':>7} {'sql/lookup':>10} {'vs first':>8} {'all/add':>7} "
        f"{'B/claim':>7} {'conflicts':>9}"
    )
    for r in results:
        print(
            f"{r['n']:>9,} {r['sql'] / r['add']:>8.2f} "
            f"{r['sql'] / r['batch']:>9.2f} {r['lookup'] * 1e6:>9.2f} "
            f"{r['sql_lookup'] * 1e6:>7.2f} "
            f"{r['sql_lookup'] / r['lookup']:>10.2f} "
            f"{r['lookup'] / first['lookup']:>8.2f} "
            f"{r['all'] / r['add']:>7.2f} {r['bytes']:>7.0f} "
            f"{r['conflicts']:>9,}"
        )
    print(
        "targets: add/sql >= 1, batch/sql >= 1.5, sql/lookup >= 4, "
        "vs first <= 1.3, all/add <= 1.5, B/claim <= 400"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
