"""
Benchmark: claimtrack against the honest pure-Python floor and sqlite3.

The floor is written here: frozen attrs objects with a claim's fields, the
checks a user relies on (types, a known speaker and source, the quote equal
to the source's text at its offsets, a stable id from the claim's content,
one claim per id) and plain dict indexes, with no events, no history and no
lineage. Whatever claimtrack adds above it (events, history, name and date
resolution, context around each quote, canonical predicates, the
explanation of a conflict) is measured as a ratio to it, in the same run.

The data has a constant density: the numbers of speakers, sources and
subjects grow with n, so a speaker has about 20 claims, a source 20 and a
contradiction key (subject, predicate) about 2.7 at every size. Every claim
quotes its source: a span the user made with ``Source.span_of``.

    python tests/benchmarks/bench_speed.py                     # the table
    python tests/benchmarks/bench_speed.py --sizes 2000 --store 1000 \
        --repeat 1                                             # smoke

Prints one table: for each operation, claimtrack's time in microseconds
(or bytes), the floor's and sqlite3's, medians of ``--repeat`` runs, and
two ratios: ``/floor`` is claimtrack's time over the floor's, ``/sqlite3``
over sqlite3's (below 1, claimtrack is faster). Adding is measured at each
size below the largest, against sqlite3's ``executemany`` into an indexed
in-memory table; ``add_claims`` pauses Python's cyclic collector, so it is
also set against the floor with the collector paused. Lookups and memory
are measured at every size (the largest is 1M by default), against the
same query on that table. The SQLite store is measured at ``--store``
claims, against raw sqlite3 writing and reading the same rows. The script
reports; it exits 0 whether or not the goals are met.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import hashlib
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

import attrs
from bench_contradictions import CONFLICTS  # the same question

import claimtrack as ct
from claimtrack._journals import _sqlite as _store
from claimtrack._trusted import collector_paused


PER_SPEAKER = 20
PER_SOURCE = 20
PER_KEY = 2.7
PREDICATES = 20
SINGLE_VALUED = 5  # the last five; the very last is numeric, tolerance 2
VALUES = 8
LOOKUPS = 2_000
T0 = dt.datetime(2025, 2, 5, tzinfo=dt.UTC)
DAY0 = dt.date(2024, 1, 1)
SINGLE = frozenset(
    f"p{n}" for n in range(PREDICATES - SINGLE_VALUED, PREDICATES)
)
NUMERIC = f"p{PREDICATES - 1}"
TOLERANCE = 2


@attrs.frozen
class Data:
    """
    The synthetic data of one size, as a user would hand it in.
    """

    actors: list[ct.Actor]
    sources: list[ct.Source]
    rows: list[dict[str, Any]]


def make(n: int, seed: int = 1) -> Data:
    """
    *n* claims, each quoting its source, at a constant density.
    """
    rng = random.Random(seed)
    speakers = max(1, n // PER_SPEAKER)
    subjects = max(1, round(n / PER_KEY / PREDICATES))
    actors = [ct.Actor(f"s{k}", f"Speaker {k}") for k in range(speakers)]
    rows: list[dict[str, Any]] = []
    for i in range(n):
        predicate = rng.randrange(PREDICATES)
        if f"p{predicate}" == NUMERIC:
            obj: object = ct.Quantity(rng.randrange(100), "migrants")
        else:
            obj = f"value {rng.randrange(VALUES)}"
        said = DAY0 + dt.timedelta(days=rng.randrange(700))
        valid = None
        if rng.random() < 0.5:
            start = DAY0 + dt.timedelta(days=rng.randrange(700))
            valid = ct.When.between(start, start + dt.timedelta(days=30))
        rows.append(
            {
                "text": f"claim number {i}",
                "speaker": f"s{rng.randrange(speakers)}",
                "said": ct.When.day(said),
                "source": f"src{i // PER_SOURCE}",
                "quote": f"“Statement {i} is what was said,” ",
                "proposition": ct.Proposition(
                    f"subject {rng.randrange(subjects)}",
                    f"p{predicate}",
                    obj,
                    polarity="denied" if rng.random() < 0.1 else "asserted",
                    valid=valid,
                ),
            }
        )
    sources = []
    for first in range(0, n, PER_SOURCE):
        chunk = rows[first : first + PER_SOURCE]
        source = ct.Source(
            chunk[0]["source"],
            title=f"Article {first // PER_SOURCE}",
            published="2025-02-05",
            text="Reported. " + "".join(row["quote"] for row in chunk),
        )
        sources.append(source)
        for row in chunk:
            row["span"] = source.span_of(row.pop("quote"))
    return Data(actors, sources, rows)


def base(data: Data, tracker: ct.Tracker | None = None) -> ct.Tracker:
    """
    A tracker with the data's actors, sources and predicates.
    """
    tracker = ct.Tracker() if tracker is None else tracker
    for n in range(PREDICATES):
        tracker.declare(
            ct.Predicate(
                f"p{n}",
                single_valued=f"p{n}" in SINGLE,
                tolerance=ct.Tolerance(absolute=TOLERANCE)
                if f"p{n}" == NUMERIC
                else None,
            ),
            at=T0,
        )
    with_actors = ct.Tracker()
    for actor in data.actors:
        with_actors.add_actor(actor, at=T0)
    for source in data.sources:
        with_actors.add_source(source, at=T0)
    tracker.merge(with_actors)
    return tracker


# -- the floor -------------------------------------------------------------

_str = attrs.validators.instance_of(str)
_strings = attrs.validators.deep_iterable(
    _str, attrs.validators.instance_of(tuple)
)


@attrs.frozen
class FloorClaim:
    """
    A claim's fields, type-checked on construction.
    """

    id: str = attrs.field(validator=_str)
    text: str = attrs.field(validator=_str)
    speaker: str = attrs.field(validator=_str)
    said: ct.When = attrs.field(
        validator=attrs.validators.instance_of(ct.When)
    )
    source: str = attrs.field(validator=_str)
    span: ct.Span = attrs.field(
        validator=attrs.validators.instance_of(ct.Span)
    )
    proposition: ct.Proposition = attrs.field(
        validator=attrs.validators.instance_of(ct.Proposition)
    )
    reported_by: tuple[str, ...] = attrs.field(validator=_strings)
    tags: tuple[str, ...] = attrs.field(validator=_strings)


class Floor:
    """
    The fastest pure Python that keeps claims as safely as users rely on.
    """

    def __init__(self, data: Data) -> None:
        self.actors = {actor.id: actor for actor in data.actors}
        self.sources = {source.id: source.text for source in data.sources}
        self.claims: dict[str, FloorClaim] = {}
        self.by_speaker: dict[str, list[str]] = {}
        self.by_source: dict[str, list[str]] = {}
        self.by_key: dict[tuple[str, str], list[FloorClaim]] = {}

    def add_claim(
        self,
        text: str,
        *,
        speaker: str,
        said: ct.When,
        source: str,
        span: ct.Span,
        proposition: ct.Proposition,
        reported_by: tuple[str, ...] = (),
        tags: tuple[str, ...] = (),
    ) -> FloorClaim:
        """
        Check and keep one claim; the same claim again returns the stored.
        """
        if not isinstance(text, str) or not text.strip():
            raise ValueError(text)
        if speaker not in self.actors or speaker in reported_by:
            raise KeyError(speaker)
        for relay in reported_by:
            if relay not in self.actors:
                raise KeyError(relay)
        body = self.sources[source]
        if body[span.start : span.end] != span.exact:
            raise ValueError(span)
        identity = "\x1f".join(
            (
                " ".join(text.split()),
                speaker,
                said.isoformat(),
                source,
                str(span.start),
                str(span.end),
            )
        )
        claim_id = (
            "claim-" + hashlib.sha256(identity.encode()).hexdigest()[:16]
        )
        claim = FloorClaim(
            claim_id,
            text,
            speaker,
            said,
            source,
            span,  # the user's own, checked against the text above
            proposition,
            reported_by,
            tags,
        )
        stored = self.claims.get(claim_id)
        if stored is not None:
            if stored != claim:
                raise ValueError(claim_id)
            return stored
        self.claims[claim_id] = claim
        self.by_speaker.setdefault(speaker, []).append(claim_id)
        self.by_source.setdefault(source, []).append(claim_id)
        key = (proposition.subject, proposition.predicate)
        self.by_key.setdefault(key, []).append(claim)
        return claim

    def contradictions(self, claim_id: str) -> list[tuple[str, str]]:
        """
        The claims that contradict one: negated, or a second value.
        """
        claim = self.claims[claim_id]
        p = claim.proposition
        low, high = _window(p.valid)
        found = []
        for other in self.by_key[p.subject, p.predicate]:
            if other is claim:
                continue
            q = other.proposition
            other_low, other_high = _window(q.valid)
            if other_high < low or high < other_low:
                continue
            same = _same_value(p.object, q.object)
            if p.polarity is not q.polarity:
                if same:
                    found.append((other.id, "negation"))
            elif (
                p.predicate in SINGLE
                and p.polarity is ct.Polarity.ASSERTED
                and not same
            ):
                found.append((other.id, "single-valued"))
        return found


def _window(valid: ct.When | None) -> tuple[int, int]:
    if valid is None:
        return (0, 10**7)
    return (valid.earliest.toordinal(), valid.latest.toordinal())


def _same_value(a: object, b: object) -> bool:
    if isinstance(a, ct.Quantity) and isinstance(b, ct.Quantity):
        return a.unit == b.unit and abs(a.value - b.value) <= TOLERANCE
    return a == b


# -- sqlite3 ---------------------------------------------------------------

SCHEMA = """
create table claims (
    id text primary key, text text not null, speaker text not null,
    said_low int, said_high int, source text not null,
    span_start int not null, span_end int not null, exact text not null,
    subject text not null, predicate text not null, object text,
    number real, unit text, asserted int not null,
    valid_low int not null, valid_high int not null, single int not null
);
create index claims_key on claims (subject, predicate);
create index claims_speaker on claims (speaker);
create index claims_source on claims (source);
"""
_KEYS = (
    "id", "text", "speaker", "said_low", "said_high", "source",
    "span_start", "span_end", "exact", "subject", "predicate", "object",
    "number", "unit", "asserted", "valid_low", "valid_high", "single",
)  # fmt: skip
_INSERT = (
    "insert into claims values "
    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def sql_row(claim_id: str, row: dict[str, Any]) -> tuple[Any, ...]:
    """
    One claim as a flat row for sqlite3.
    """
    p, span = row["proposition"], row["span"]
    number = isinstance(p.object, ct.Quantity)
    low, high = _window(p.valid)
    return (
        claim_id,
        row["text"],
        row["speaker"],
        row["said"].earliest.toordinal(),
        row["said"].latest.toordinal(),
        row["source"],
        span.start,
        span.end,
        span.exact,
        p.subject,
        p.predicate,
        None if number else p.object,
        float(p.object.value) if number else None,
        p.object.unit if number else None,
        int(p.polarity is ct.Polarity.ASSERTED),
        low,
        high,
        int(p.predicate in SINGLE),
    )


# -- measuring -------------------------------------------------------------


def timed(fn: Any, *args: Any) -> float:
    """
    Run *fn* once after a collection; its time in seconds.
    """
    gc.collect()
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def median_of(repeat: int, make_run: Any) -> float:
    """
    The median time of *repeat* runs; ``make_run()`` sets one up untimed.
    """
    times = []
    for _ in range(repeat):
        fn, args = make_run()
        times.append(timed(fn, *args))
    return statistics.median(times)


def per_call(fn: Any, keys: list[Any]) -> float:
    """
    The median time of one call of *fn* over *keys*, in seconds.
    """
    times = []
    clock = time.perf_counter
    for key in keys:
        start = clock()
        fn(key)
        times.append(clock() - start)
    return statistics.median(times)


def add_each(tracker: ct.Tracker, rows: list[dict[str, Any]]) -> None:
    """
    Add the rows one call at a time.
    """
    add = tracker.add_claim
    for row in rows:
        add(**row, at=T0)


def floor_each(floor: Floor, rows: list[dict[str, Any]]) -> None:
    """
    Add the rows to the floor one call at a time.
    """
    add = floor.add_claim
    for row in rows:
        add(**row)


def sql_insert(db: sqlite3.Connection, flat: list[tuple[Any, ...]]) -> None:
    """
    Insert the flat rows in one transaction.
    """
    with db:
        db.executemany(
            _INSERT,
            flat,
        )


def sql_db(flat: list[tuple[Any, ...]] | None = None) -> sqlite3.Connection:
    """
    A fresh in-memory database with the schema, and *flat* in it.
    """
    db = sqlite3.connect(":memory:")
    db.executescript(SCHEMA)
    if flat is not None:
        sql_insert(db, flat)
    return db


def memory(add: Any, rows: list[dict[str, Any]]) -> float:
    """
    Bytes per claim that *add* keeps, by tracemalloc.
    """
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    add(rows)
    used = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    return used / len(rows)


class Table:
    """
    The printed table: one line per operation and size.
    """

    def __init__(self) -> None:
        self.lines: list[tuple[str, ...]] = []

    def row(  # noqa: PLR0917 -- one table line's columns
        self,
        what: str,
        n: int,
        ours: float,
        /,
        floor: float | None,
        sql: float | None,
        goal: str,
        unit: str = "us",
    ) -> None:
        """
        One measurement: claimtrack, floor, sqlite3, the ratios, the goal.
        """
        scale = 1e6 if unit == "us" else 1

        def show(x: float | None) -> str:
            return "—" if x is None else f"{x * scale:.2f}"

        suffix = {"us": "", "B": " B", "x": "×"}[unit]

        self.lines.append(
            (
                what,
                f"{n:,}",
                show(ours) + suffix,
                show(floor),
                show(sql),
                "—" if floor is None else f"{ours / floor:.2f}",
                "—" if sql is None else f"{ours / sql:.2f}",
                goal,
            )
        )
        print("  ".join(self.lines[-1]), file=sys.stderr, flush=True)

    def print(self) -> None:
        """
        Print the table aligned, in Markdown.
        """
        head = (
            "operation",
            "claims",
            "claimtrack",
            "floor",
            "sqlite3",
            "/floor",
            "/sqlite3",
            "goal",
        )
        rows = [head, *self.lines]
        widths = [max(len(r[k]) for r in rows) for k in range(len(head))]
        for number, r in enumerate(rows):
            print(
                "| "
                + " | ".join(
                    c.ljust(w) for c, w in zip(r, widths, strict=True)
                )
                + " |"
            )
            if number == 0:
                print("|" + "|".join("-" * (w + 2) for w in widths) + "|")


def measure_adds(table: Table, n: int, repeat: int) -> None:
    """
    Adding one by one and in a batch, against the floor and sqlite3.
    """
    data = make(n)
    rows = data.rows
    floor = Floor(data)
    floor_each(floor, rows)
    flat = [
        sql_row(c.id, row)
        for c, row in zip(floor.claims.values(), rows, strict=True)
    ]
    del floor
    t_floor = median_of(repeat, lambda: (floor_each, (Floor(data), rows)))
    t_sql = median_of(repeat, lambda: (sql_insert, (sql_db(), flat)))
    t_each = median_of(repeat, lambda: (add_each, (base(data), rows)))
    t_batch = median_of(
        repeat, lambda: (lambda t: t.add_claims(rows, at=T0), (base(data),))
    )
    table.row(
        "add_claim, one by one", n, t_each / n, t_floor / n, t_sql / n, "≤ 2.0"
    )
    table.row(
        "add_claims, batch", n, t_batch / n, t_floor / n, t_sql / n, "≤ 1.5"
    )

    def floor_paused(floor: Floor) -> None:
        with collector_paused():  # as add_claims is: the floor's best
            floor_each(floor, rows)

    t_paused = median_of(repeat, lambda: (floor_paused, (Floor(data),)))
    table.row(
        "  … against the floor with the collector paused too",
        n,
        t_batch / n,
        t_paused / n,
        t_sql / n,
        "",
    )


def measure_lookups(
    table: Table, n: int, repeat: int, first: dict[str, float]
) -> None:
    """
    Lookups, misses and conflicts, and memory, at one size.
    """
    data = make(n)
    rows = data.rows
    start = time.perf_counter()
    tracker = base(data)
    ours_ids = [c.id for c in tracker.add_claims(rows, at=T0)]
    built = time.perf_counter() - start
    print(f"# {n:,} claims added in {built:.1f} s", file=sys.stderr)
    floor = Floor(data)
    floor_each(floor, rows)
    ids = list(floor.claims)
    flat = [sql_row(ids[k], row) for k, row in enumerate(rows)]
    db = sql_db(flat)
    cursor = db.cursor()

    rng = random.Random(2)
    sample = [ids[rng.randrange(n)] for _ in range(min(LOOKUPS, n) * 4)]
    misses = [c for c in sample if not floor.contradictions(c)][:LOOKUPS]
    hits = [c for c in sample if floor.contradictions(c)][:LOOKUPS]
    index = {claim_id: k for k, claim_id in enumerate(ids)}

    def query(claim_id: str) -> list[Any]:
        return cursor.execute(CONFLICTS, params[claim_id]).fetchall()

    params = {
        c: dict(zip(_KEYS, flat[index[c]], strict=True)) for c in misses + hits
    }
    ours_of = dict(zip(ids, ours_ids, strict=True))
    for c in hits[:50] + misses[:50]:  # the same answers, or no comparison
        assert (
            {x.other for x in tracker.contradictions(ours_of[c])}
            == {ours_of[o] for o, _ in floor.contradictions(c)}
            == {ours_of[r[0]] for r in query(c)}
        ), c

    def medians(keys: list[str]) -> tuple[float, float, float]:
        mine = [ours_of[c] for c in keys]
        ours = statistics.median(
            per_call(tracker.contradictions, mine) for _ in range(repeat)
        )
        theirs = statistics.median(
            per_call(floor.contradictions, keys) for _ in range(repeat)
        )
        sql = statistics.median(per_call(query, keys) for _ in range(repeat))
        return ours, theirs, sql

    miss = medians(misses)
    table.row(
        "contradictions(claim), no conflict",
        n,
        *miss,
        "≤ 1.2 /floor, ≤ 0.5 /sqlite3",
    )
    hit = medians(hits)
    table.row("contradictions(claim), a conflict", n, *hit, "")
    table.row(
        "  … a conflict ÷ a miss",
        n,
        hit[0] / miss[0],
        None,
        None,
        "≤ 2",
        unit="x",
    )

    def explained(claim_id: str) -> None:
        for found in tracker.contradictions(claim_id):
            found.reason  # noqa: B018 -- written when asked

    reason = statistics.median(
        per_call(explained, [ours_of[c] for c in hits]) for _ in range(repeat)
    )
    table.row("  … and its reason written", n, reason, None, None, "")
    relative = miss[0] / miss[1]
    first.setdefault("miss", relative)
    table.row(
        "  miss /floor ÷ that at the smallest size",
        n,
        relative / first["miss"],
        None,
        None,
        "≤ 1.5",
        unit="x",
    )
    db.close()


def measure_memory(table: Table, n: int) -> None:
    """
    Memory per claim kept, by tracemalloc, against the floor's.
    """
    data = make(n)
    rows = data.rows
    target = base(data)  # built before measuring, as the floor's is
    ours = memory(lambda r: target.add_claims(r, at=T0), rows)
    gc.collect()
    again = Floor(data)
    theirs = memory(lambda r: floor_each(again, r), rows)
    table.row("memory per claim", n, ours, theirs, None, "≤ 1.1", unit="B")


def measure_store(table: Table, n: int, repeat: int, folder: Path) -> None:
    """
    The SQLite store: persisting beyond adding in memory; reading it whole.
    """
    data = make(n)
    rows = data.rows
    in_memory = median_of(
        repeat, lambda: (lambda t: t.add_claims(rows, at=T0), (base(data),))
    )
    paths = iter(folder / f"store-{n}-{k}.db" for k in range(repeat + 1))

    def stored() -> tuple[Any, tuple[ct.Tracker]]:
        tracker = base(data, ct.Tracker.open(next(paths)))
        return (lambda t: t.add_claims(rows, at=T0)), (tracker,)

    persisted = median_of(repeat, stored)
    path = folder / f"store-{n}-0.db"
    with ct.Tracker.open(path) as tracker:
        events = [_store._row(e) for e in tracker.events()]
        facts, links = tracker._whole().rows()
        entities = tracker._whole().entity_rows()
        names = tracker._whole().name_rows()

    def raw() -> tuple[Any, tuple[()]]:
        target = next(raws)
        db = sqlite3.connect(target, isolation_level=None)
        db.execute("pragma journal_mode = wal")
        db.execute("pragma synchronous = full")
        _store._run(db, _store._SCHEMA + _store._STATE + _store._ENTITIES)

        def write() -> None:
            db.execute("begin")
            db.executemany(
                "insert into events (id, kind, by, at, payload) "
                "values (?,?,?,?,?)",
                events,
            )
            _store._write_state(db, facts, links, entities, names)
            db.execute("commit")
            db.close()

        return write, ()

    raws = iter(folder / f"raw-{n}-{k}.db" for k in range(repeat))
    t_raw = median_of(repeat, raw)
    table.row(
        "SQLite store: persist, beyond adding in memory",
        n,
        (persisted - in_memory) / n,
        None,
        t_raw / n,
        "≤ 1.5 /sqlite3 (raw)",
    )

    def read_rows() -> None:
        db = sqlite3.connect(path)
        for table_name in ("events", "facts", "links"):
            db.execute(f"select * from {table_name}").fetchall()  # noqa: S608
        db.close()

    def read_whole() -> None:
        with ct.Tracker.open(path) as again:
            len(again)

    t_rows = median_of(repeat, lambda: (read_rows, ()))
    t_whole = median_of(repeat, lambda: (read_whole, ()))
    table.row(
        "SQLite store: read the whole store",
        n,
        t_whole / n,
        None,
        t_rows / n,
        "≤ 3 /sqlite3 (raw rows)",
    )


def stages(n: int) -> None:  # noqa: C901 -- one small timer per stage
    """
    Where ``add_claims``' time goes: each stage run alone, best of 5.

    The stages are the library's own steps, called directly on a state
    holding the data's actors and sources: resolving and checking the
    arguments and building the claim, the check that its id is new,
    making the events, and applying them to the state.
    """
    from claimtrack import _arguments  # noqa: PLC0415 -- only here
    from claimtrack._events import Event, EventKind  # noqa: PLC0415
    from claimtrack._trusted import trusted  # noqa: PLC0415

    data = make(n)
    rows = data.rows
    state = base(data)._whole()

    def best(fn: Any, make_one: Any) -> float:
        times = []
        for _ in range(5):
            target = make_one()
            gc.collect()
            start = time.perf_counter()
            fn(target)
            times.append(time.perf_counter() - start)
        return min(times) / n

    def prepare(batch: _arguments.Batch, *, settle: bool = False) -> None:
        for row in rows:
            claim = _arguments.prepare(
                state,
                row["text"],
                batch,
                **{k: v for k, v in row.items() if k != "text"},
            )
            if settle:
                _arguments.settle(state, claim, batch)

    batch = _arguments.Batch()
    prepare(batch, settle=True)
    claims = list(batch.claims.values())
    event = trusted(Event)
    events = [event(EventKind.CLAIM_ADDED, c, by=None, at=T0) for c in claims]

    def make_events(_: object) -> None:
        for c in claims:
            event(EventKind.CLAIM_ADDED, c, by=None, at=T0)

    def apply(target: Any) -> None:
        for e in events:
            target.apply(e)

    measured = {
        "the floor, one whole add": best(
            lambda f: floor_each(f, rows), lambda: Floor(data)
        ),
        "resolve and check the arguments, build the claim": best(
            prepare, _arguments.Batch
        ),
        "resolve, build, and check its id is new": best(
            lambda b: prepare(b, settle=True), _arguments.Batch
        ),
        "make its event": best(make_events, lambda: None),
        "apply: store, index, compute its fact": best(
            apply, lambda: base(data)._whole()
        ),
        "add_claims, the whole call": best(
            lambda t: t.add_claims(rows, at=T0), lambda: base(data)
        ),
    }
    print(f"\nwhere add_claims' time goes, {n:,} claims (us per claim)")
    for what, seconds in measured.items():
        print(f"  {what:<52} {seconds * 1e6:6.2f}")


def main() -> int:
    """
    Measure every size and print the table.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--store", default="100000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--stages",
        type=int,
        default=0,
        help="also time add_claims' stages alone at this many claims",
    )
    options = parser.parse_args()
    sizes = [int(s) for s in options.sizes.split(",")]
    table = Table()
    started = time.perf_counter()
    for n in sizes[:-1] or sizes:
        measure_adds(table, n, options.repeat)
    first: dict[str, float] = {}
    for n in sizes:
        measure_lookups(table, n, options.repeat, first)
        measure_memory(table, n)
    with tempfile.TemporaryDirectory() as folder:
        for n in (int(s) for s in options.store.split(",")):
            measure_store(table, n, options.repeat, Path(folder))
    table.print()
    if options.stages:
        stages(options.stages)
    print(f"\nthe run took {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
