"""
The SQLite journal: a tracker's events in an SQLite file (the embedded store).

Every change is written in one transaction, committed before the call that
made it returns (WAL mode, ``synchronous=FULL``), so a write that returned
is on disk, and a process killed mid-write leaves the file as it was
before that write. A writer first takes the file's write lock and reads
what other processes committed meanwhile, so two writers never work from
different states; one waits for the other, or gets a `StoreBusyError`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from claimtrack import _files
from claimtrack._codec import Reader, TrustedReader, claim_plain, plain
from claimtrack._contradictions import fact_from_json, fact_to_json
from claimtrack._engine import State
from claimtrack._events import Event, EventKind
from claimtrack._evidence import Policy
from claimtrack._models import Claim
from claimtrack._trusted import trusted
from claimtrack.exceptions import (
    ConflictError,
    InvalidDocumentError,
    MissingFileError,
    StaleWriteError,
    StoreBusyError,
    StoreError,
)


if TYPE_CHECKING:
    import os
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from claimtrack._contradictions import Fact
    from claimtrack._engine import EntityRow, FactRow, LinkRow, NameRow
    from claimtrack._journals._protocol import Positioned
    from claimtrack._models import Source


__all__ = ["MIGRATIONS", "VERSION", "SqliteJournal"]


FORMAT = "claimtrack"
VERSION = 3
"""The version of the file's layout; a newer file is refused.

1. The events, and the policy.
2. Also the state that answers ``contradictions(claim)`` without reading
   the whole file: each claim's fact, and its explicit and refuting links.
3. Also what a small write or one claim's questions read without reading
   the whole file: the claims each subject or object text names, and
   indexes of the events by the claim they are about, of the actors and
   of the sources by URL.
"""

_SCHEMA = """
create table meta (key text primary key, value text not null);
create table events (
    seq integer primary key,
    id text not null unique,
    kind text not null,
    by text,
    at text not null,
    payload text not null
);
"""
"""Layout 1: the history."""

_STATE = """
create table facts (
    claim text primary key,
    subject text not null,
    predicate text not null,
    fact text not null
) without rowid;
create index facts_key on facts (subject, predicate);
create table links (
    claim text not null,
    other text not null,
    kind text not null,
    ids text not null,
    primary key (claim, other, kind)
) without rowid;
create index events_declared on events (seq)
    where kind = 'predicate-declared';
create index events_revised on events (seq)
    where kind = 'source-revised';
"""
"""Added by layout 2: the state a lookup needs, kept by every write.

``facts`` holds each claim's proposition in the canonical form the
contradiction engine compares (`Fact`, as JSON), found by subject and
predicate; ``links`` holds, both ways round, the claims an analyst linked
(``ids``: the contradiction's event) and the claims cited as refuting one
another (``ids``: the evidence)."""

_ENTITIES = """
create table entities (
    key text not null,
    claim text not null,
    primary key (key, claim)
) without rowid;
create table names (
    key text not null,
    actor text not null,
    primary key (key, actor)
) without rowid;
create index events_about on events (json_extract(payload, '$.claim'), seq)
    where kind in ('evidence-added', 'verdict-set', 'claim-retracted',
                   'contradiction-added');
create index events_about_other on events (
    json_extract(payload, '$.other'), seq
) where kind = 'contradiction-added';
create index events_url on events (json_extract(payload, '$.url'), seq)
    where kind = 'source-added';
create index events_speaker on events (
    json_extract(payload, '$.speaker'), seq
) where kind = 'claim-added';
"""
"""Added by layout 3: ``entities`` holds, for each claim whose subject or
object is text rather than an actor, the text's name key, so that adding an
actor finds the claims its names now mean; ``names`` holds the name keys of
every actor's name, aliases and role; the indexes find a claim's evidence,
verdicts, retraction and links, a speaker's claims, and a source by its
URL."""

_ABOUT = (
    "select seq, kind, by, at, payload from events "
    "where kind in ('evidence-added', 'verdict-set', 'claim-retracted', "
    "'contradiction-added') and json_extract(payload, '$.claim') = ? "
    "union select seq, kind, by, at, payload from events "
    "where kind = 'contradiction-added' "
    "and json_extract(payload, '$.other') = ? order by 1"
)


def _run(db: sqlite3.Connection, script: str) -> None:
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _replayed(db: sqlite3.Connection) -> State:
    state = State()
    for _, event in _read_events(db, 0):
        state.apply(event)  # checked when it was written
    return state


def _add_state(db: sqlite3.Connection) -> None:
    """
    Layout 1 to 2: make the state tables and fill them from the events.
    """
    _run(db, _STATE)
    _write_state(db, *_replayed(db).rows())


def _add_entities(db: sqlite3.Connection) -> None:
    """
    Layout 2 to 3: make the entities table and the indexes; fill it.
    """
    _run(db, _ENTITIES)
    state = _replayed(db)
    _write_state(db, [], {}, state.entity_rows(), state.name_rows())


def _write_state(
    db: sqlite3.Connection,
    facts: Sequence[FactRow],
    links: dict[str, list[LinkRow]],
    entities: Sequence[EntityRow] = (),
    names: Sequence[NameRow] = (),
) -> None:
    db.executemany(
        "insert or replace into facts values (?, ?, ?, ?)",
        [(c, s, p, fact_to_json(fact)) for c, s, p, fact in facts],
    )
    db.executemany("delete from links where claim = ?", [(c,) for c in links])
    db.executemany(
        "insert into links values (?, ?, ?, ?)",
        [
            (claim, other, kind, json.dumps(list(ids)))
            for rows in links.values()
            for claim, other, kind, ids in rows
        ],
    )
    if entities:  # a file of layout 2 has no such table until migrated
        db.executemany(
            "insert or ignore into entities values (?, ?)", entities
        )
    if names:  # the same
        db.executemany("insert or ignore into names values (?, ?)", names)


def _decode(row: Sequence[Any]) -> Event:
    """
    The event of a row: its seq, kind, by, at and payload.

    The row was checked when it was written, so it is read back without
    checking it again; a row that cannot be read so (a damaged file) is
    read again with every check, which names the fault.
    """
    seq, kind, by, at, payload = row
    try:
        data = json.loads(payload)
        if kind == "claim-added":  # most rows: read straight into a claim
            event: Event = _EVENT(
                EventKind.CLAIM_ADDED,
                _TRUSTED.claim(data),
                by=by,
                at=_instant(at),
            )
            return event
        return _TRUSTED.event(
            {"kind": kind, "by": by, "at": at, "payload": data}, ""
        )
    except Exception:  # noqa: BLE001 -- any fault: read again, checked
        data = {
            "kind": kind,
            "by": by,
            "at": at,
            "payload": json.loads(payload),
        }
        return Reader().event(data, f"events[{seq}]")


_TRUSTED = TrustedReader()
_EVENT = trusted(Event)
_instant = functools.lru_cache(maxsize=1024)(dt.datetime.fromisoformat)
"""An event's time: the claims of one call share it, and one datetime."""
_dumps = json.JSONEncoder(ensure_ascii=False).encode
"""``json.dumps(value, ensure_ascii=False)``, its encoder made once."""


_AFTER = (
    "select seq, kind, by, at, payload from events where seq > ? order by seq"
)
_DECLARED = (
    "select seq, kind, by, at, payload from events "
    "where kind = 'predicate-declared' order by seq"
)


def _read_events(
    db: sqlite3.Connection, after: int, *, declared: bool = False
) -> list[tuple[int, Event]]:
    """
    The events after the *after*-th, or every predicate declared.
    """
    rows = db.execute(_DECLARED) if declared else db.execute(_AFTER, (after,))
    return [(row[0], _decode(row)) for row in rows]


def _row(event: Event) -> tuple[str, str, str | None, str, str]:
    return (
        event.id,
        event.kind.value,
        event.by,
        event.at.isoformat(),
        _dumps(
            claim_plain(payload)
            if (payload := event.payload).__class__ is Claim
            else plain(payload)
        ),
    )


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _add_state,
    2: _add_entities,
}
"""How to bring a file of layout version N to N + 1, by N.

When the layout changes, VERSION goes up and the step from the previous
version is added here; opening an older file runs every step it needs in
one transaction, after keeping a copy of the file as it was."""


class SqliteJournal:
    """
    One SQLite file holding one tracker's policy, events and state rows.

    A file it creates gets the user's usual permissions (0o666 less the
    umask), as SQLite's own files beside it (``-wal``, ``-shm``) then do.

    Args:
        path: The file; created if missing, unless *create* is False.
        timeout: How many seconds a writer waits for another's lock.
        create: False to refuse a missing file rather than create it.

    Raises:
        MissingFileError: If the file's folder does not exist, or the file
            does not and *create* is False.
        StoreError: If the file cannot be opened.
        InvalidDocumentError: If it is another program's SQLite file.

    .. versionadded:: 0.1.0
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        timeout: float,
        *,
        create: bool = True,
    ) -> None:
        self.path = Path(path)
        self.db = self._connect(str(path), timeout, create=create)
        try:
            # Another program's file is refused before anything changes it.
            self._meta()
            self._set_wal(timeout)
            self.db.execute("pragma synchronous = full")
        except sqlite3.Error as exc:
            self.db.close()
            raise self._failed(exc, "cannot open: ") from exc
        except BaseException:
            self.db.close()
            raise

    def _connect(
        self, where: str, timeout: float, *, create: bool
    ) -> sqlite3.Connection:
        """
        Open the file; create it first, as the user would, if need be.

        SQLite would make a missing file itself, but with mode 0o644
        whatever the user's umask, and in a missing folder it only says
        that it cannot open it.
        """
        if create and where != ":memory:":  # SQLite's name for no file
            try:
                _files.create(self.path)
            except FileNotFoundError as exc:
                raise MissingFileError(
                    "path",
                    where,
                    "cannot be created: there is no folder "
                    f"{str(self.path.parent)!r}",
                ) from exc
            except OSError:
                pass  # not allowed here, say: SQLite says why, below
        try:
            if create:
                return sqlite3.connect(
                    self.path, timeout=timeout, isolation_level=None
                )
            return sqlite3.connect(
                f"{self.path.resolve().as_uri()}?mode=rw",
                timeout=timeout,
                isolation_level=None,
                uri=True,
            )
        except sqlite3.Error as exc:
            if not create and not self.path.exists():
                raise MissingFileError(
                    "path",
                    where,
                    "no such file, and create=False forbids making one",
                ) from exc
            raise StoreError("path", where, f"cannot open: {exc}") from exc

    def _set_wal(self, timeout: float) -> None:
        """
        Put the file in WAL mode, waiting out another process creating it.

        SQLite does not wait for a lock where waiting could deadlock, as
        when two processes make one new file at once: try again until
        *timeout*.
        """
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.db.execute("pragma journal_mode = wal")
            except sqlite3.OperationalError as exc:
                busy = "locked" in str(exc) or "busy" in str(exc)
                if not busy or time.monotonic() > deadline:
                    raise
                time.sleep(0.005)
            else:
                return

    def __repr__(self) -> str:
        return f"<SqliteJournal: {self.path}>"

    @property
    def where(self) -> str:
        """
        The file's path.
        """
        return str(self.path)

    def close(self) -> None:
        """
        Close the file.
        """
        self.db.close()

    def _failed(self, exc: sqlite3.Error, what: str = "") -> StoreError:
        """
        The error for SQLite's: busy if another writer held the file.
        """
        if isinstance(exc, sqlite3.OperationalError) and (
            "locked" in str(exc) or "busy" in str(exc)
        ):
            return StoreBusyError(
                "path",
                str(self.path),
                "another process is writing and did not finish in time; "
                "try again, or wait longer (timeout)",
            )
        # not a database, unreadable, or read-only
        return StoreError("path", str(self.path), f"{what}{exc}")

    def _begin(self) -> None:
        try:
            self.db.execute("begin immediate")
        except sqlite3.Error as exc:
            raise self._failed(exc) from exc

    def prepare(self, policy: Policy | None) -> Policy:
        """
        Create the file's tables, or check its format; return its policy.

        Raises:
            InvalidDocumentError: If the file is not a claimtrack store, or
                is of a newer format version.
            ConflictError: If *policy* differs from the file's.
        """
        before = self._meta()
        if before is not None and before.get("version") == str(VERSION):
            # A current file: nothing to write, so no lock to wait for.
            return self._check_meta(before, policy)
        backup = None
        if before is not None and int(before.get("version", "0")) < VERSION:
            backup = self._backup(int(before["version"]))
        self._begin()
        try:
            found = self._meta()
            if found is None:
                chosen = policy or Policy()
                _run(self.db, _SCHEMA + _STATE + _ENTITIES)
                self.db.executemany(
                    "insert into meta values (?, ?)",
                    [
                        ("format", FORMAT),
                        ("version", str(VERSION)),
                        ("min_sources", str(chosen.min_sources)),
                    ],
                )
            else:
                chosen = self._check_meta(found, policy)
                self._migrate(int(found["version"]), backup)
            self.db.execute("commit")
        except BaseException:
            self.db.execute("rollback")
            raise
        return chosen

    def _backup(self, version: int) -> Path:
        """
        Copy the file as it is, before a migration: ``<name>.v1.bak``.
        """
        backup = self.path.with_name(f"{self.path.name}.v{version}.bak")
        _files.create(backup)  # with the user's permissions, not SQLite's
        copy = sqlite3.connect(backup)
        try:
            self.db.backup(copy)
        finally:
            copy.close()
        return backup

    def _migrate(self, version: int, backup: Path | None) -> None:
        """
        Bring the file from *version* to VERSION.

        Runs inside the transaction `prepare` holds: if a step fails, the
        file stays as it was, and the copy `_backup` made stays beside it.
        """
        for step in range(version, VERSION):
            try:
                MIGRATIONS[step](self.db)
            except (sqlite3.Error, KeyError) as exc:
                raise StoreError(
                    "version",
                    version,
                    f"could not bring the file from version {step} to "
                    f"{step + 1} ({exc!r}); it is unchanged, and a copy is "
                    f"kept at {backup}",
                ) from exc
        self.db.execute(
            "update meta set value = ? where key = 'version'", (str(VERSION),)
        )

    def _meta(self) -> dict[str, str] | None:
        tables = {
            name
            for (name,) in self.db.execute(
                "select name from sqlite_master where type = 'table'"
            )
        }
        if not tables:
            return None
        if not {"meta", "events"} <= tables:
            raise InvalidDocumentError(
                "path",
                str(self.path),
                "is an SQLite file, not a claimtrack store",
            )
        return dict(self.db.execute("select key, value from meta"))

    def _check_meta(
        self, meta: dict[str, str], policy: Policy | None
    ) -> Policy:
        if meta.get("format") != FORMAT:
            raise InvalidDocumentError(
                "path", str(self.path), "is not a claimtrack store"
            )
        version = int(meta.get("version", "0"))
        if version > VERSION:
            raise InvalidDocumentError(
                "version",
                version,
                f"is newer than this claimtrack reads ({VERSION}); upgrade "
                "claimtrack to open the file",
            )
        stored = Policy(min_sources=int(meta["min_sources"]))
        if policy is not None and policy != stored:
            raise ConflictError(
                "policy", policy, f"the file's policy is {stored!r}"
            )
        return stored

    def read(self, after: int = 0) -> list[Positioned]:
        """
        The events after position *after*, in order.
        """
        return _read_events(self.db, after)

    # -- what a lookup reads, without the whole file -----------------------

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        """
        Read in one transaction: every read sees the same committed state.
        """
        self.db.execute("begin")
        try:
            yield
        finally:
            self.db.execute("commit")

    def declared(self) -> list[Event]:
        """
        Every predicate-declared event, in order.
        """
        return [event for _, event in _read_events(self.db, 0, declared=True)]

    def events_by_id(self, ids: Iterable[str]) -> dict[str, tuple[int, Event]]:
        """
        The events with these ids that the file holds, with their places.
        """
        wanted = list(dict.fromkeys(ids))
        found: dict[str, tuple[int, Event]] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            query = (
                "select id, seq, kind, by, at, payload from events "  # noqa: S608 -- only "?" marks
                f"where id in ({', '.join('?' * len(chunk))})"
            )
            for key, *row in self.db.execute(query, chunk):
                found[key] = (row[0], _decode(row))
        return found

    def revised(self, sources: Iterable[str | None]) -> bool:
        """
        Whether any of these sources had its text revised.
        """
        wanted = {source for source in sources if source is not None}
        return bool(wanted) and any(
            source in wanted
            for (source,) in self.db.execute(
                "select json_extract(payload, '$.source') from events "
                "where kind = 'source-revised'"
            )
        )

    def has_revisions(self) -> bool:
        """
        Whether any source's text was revised.
        """
        return (
            self.db.execute(
                "select 1 from events where kind = 'source-revised' limit 1"
            ).fetchone()
            is not None
        )

    def names(self, key: str) -> list[str]:
        """
        The actors with a name, alias or role of this name key.
        """
        return [
            actor
            for (actor,) in self.db.execute(
                "select actor from names where key = ?", (key,)
            )
        ]

    def about(self, claim: str) -> list[Event]:
        """
        The events about a claim, in order.

        Those that add evidence, verdicts, a retraction or an explicit
        contradiction to it.
        """
        return [
            _decode(row) for row in self.db.execute(_ABOUT, (claim, claim))
        ]

    def spoken_by(self, actor: str) -> list[Positioned]:
        """
        The claim-added events of the claims this actor made, in order.
        """
        rows = self.db.execute(
            "select seq, kind, by, at, payload from events "
            "where kind = 'claim-added' "
            "and json_extract(payload, '$.speaker') = ? order by seq",
            (actor,),
        )
        return [(row[0], _decode(row)) for row in rows]

    def entities(self, key: str) -> list[str]:
        """
        The claims whose subject or object is text with this name key.
        """
        return [
            claim
            for (claim,) in self.db.execute(
                "select claim from entities where key = ?", (key,)
            )
        ]

    def source_with_url(self, url: str) -> Source | None:
        """
        The first source added with this URL.
        """
        row = self.db.execute(
            "select seq, kind, by, at, payload from events "
            "where kind = 'source-added' "
            "and json_extract(payload, '$.url') = ? order by seq limit 1",
            (url,),
        ).fetchone()
        return None if row is None else cast("Source", _decode(row).payload)

    def fact(self, claim: str) -> Fact | None:
        """
        The claim's fact, if it has one.
        """
        row = self.db.execute(
            "select fact from facts where claim = ?", (claim,)
        ).fetchone()
        return None if row is None else fact_from_json(row[0])

    def facts(self, subject: str, predicate: str) -> list[tuple[str, Fact]]:
        """
        Every claim with a fact of *subject* and *predicate*, and the fact.
        """
        return [
            (claim, fact_from_json(fact))
            for claim, fact in self.db.execute(
                "select claim, fact from facts where subject = ? "
                "and predicate = ?",
                (subject, predicate),
            )
        ]

    def links(self, claim: str) -> list[tuple[str, str, tuple[str, ...]]]:
        """
        The claim's links: the other claim, the kind, the event ids.
        """
        return [
            (other, kind, tuple(json.loads(ids)))
            for other, kind, ids in self.db.execute(
                "select other, kind, ids from links where claim = ?", (claim,)
            )
        ]

    def begin(self, after: int | None) -> list[Positioned]:
        """
        Take the write lock; return the events after position *after*.
        """
        self._begin()
        try:
            return [] if after is None else self.read(after)
        except BaseException:
            self.db.execute("rollback")
            raise

    def last(self) -> int:
        """
        The position of the last event; 0 if there is none.
        """
        found: int | None = self.db.execute(
            "select max(seq) from events"
        ).fetchone()[0]
        return found or 0

    keeps_rows = True
    """The state rows are kept in their tables, for the keyed reads."""

    def append(
        self,
        events: Sequence[Event],
        *,
        expected: int,
        facts: Sequence[FactRow] = (),
        links: dict[str, list[LinkRow]] | None = None,
        entities: Sequence[EntityRow] = (),
        names: Sequence[NameRow] = (),
    ) -> int:
        """
        Write *events* and the state they changed; commit the transaction.

        The transaction is the one begun by `begin`; the position returned
        is read inside it, so no other writer's commit can come between.
        """
        if not self.db.in_transaction:
            raise StoreError(
                "path", str(self.path), "append needs the write begun first"
            )
        try:
            last = self.last()
            if last != expected:
                self.rollback()
                raise StaleWriteError(
                    "position",
                    expected,
                    f"the file is at {last}: refresh the tracker and try "
                    "again",
                )
            self.db.executemany(
                "insert into events (id, kind, by, at, payload) "
                "values (?, ?, ?, ?, ?)",
                [_row(e) for e in events],
            )
            _write_state(self.db, facts, links or {}, entities, names)
            last = self.last()
            self.db.execute("commit")
        except sqlite3.Error as exc:
            self.rollback()
            raise StoreError(
                "path", str(self.path), f"the write failed: {exc}"
            ) from exc
        return last

    def rollback(self) -> None:
        """
        Give up the transaction begun by `begin`.
        """
        if self.db.in_transaction:
            self.db.execute("rollback")
