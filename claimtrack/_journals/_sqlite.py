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
import os
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar, cast

from claimtrack import _files
from claimtrack._codec import Reader, TrustedReader, claim_plain, plain
from claimtrack._contradictions import fact_from_json, fact_to_json
from claimtrack._engine import State
from claimtrack._events import Event, EventKind
from claimtrack._evidence import Policy
from claimtrack._models import Claim
from claimtrack._trusted import trusted
from claimtrack._validators import check_fields, instance_of
from claimtrack.exceptions import (
    ClaimtrackError,
    ClosedStoreError,
    ConflictError,
    DamagedStoreError,
    EmptyStoreError,
    InvalidDocumentError,
    InvalidTypeError,
    InvalidValueError,
    IsAFolderError,
    MissingFileError,
    ReadOnlyStoreError,
    StaleWriteError,
    StoreBusyError,
    StoreError,
)


if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from claimtrack._contradictions import Fact
    from claimtrack._engine import EntityRow, FactRow, LinkRow, NameRow
    from claimtrack._journals._protocol import Positioned
    from claimtrack._models import Source


__all__ = ["MAX_TIMEOUT", "MIGRATIONS", "VERSION", "SqliteJournal"]

_P = ParamSpec("_P")
_R = TypeVar("_R")

MAX_TIMEOUT = 86_400
"""The longest a writer may be told to wait for another's lock: a day.

SQLite counts the wait in milliseconds in a C ``int``; a day is far beyond
any write and far within that."""


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


def _decode(row: Sequence[Any], store: str = "") -> Event:
    """
    The event of a row: its seq, kind, by, at and payload.

    The row was checked when it was written, so it is read back without
    checking it again; a row that cannot be read so (a damaged file) is
    read again with every check, which names the fault: a
    `DamagedStoreError` naming the row (``events[12].payload``) and the
    *store*.
    """
    _, kind, by, at, payload = row
    try:
        data = json.loads(payload)
        if kind == "claim-added":  # most rows: read straight into a claim
            event: Event = _EVENT(
                EventKind.CLAIM_ADDED,
                _TRUSTED.claim(data),
                by=by,
                at=_instant(at),
            )
        else:
            event = _TRUSTED.event(
                {"kind": kind, "by": by, "at": at, "payload": data}, ""
            )
        # The payload's own fields, in one fast pass: a row changed by hand
        # to a value of the wrong type is then named, not read as written.
        check_fields(event.payload)
    except Exception:  # noqa: BLE001 -- any fault: read again, checked
        return _checked_event(row, store)
    return event


def _damage(store: str) -> str:
    """
    What a damaged row means, in words.
    """
    where = f"the store {store}" if store else "the store"
    return f"{where} is damaged: restore it from a copy"


def _stored_fact(text: str, where: str, store: str) -> Fact:
    """
    The fact a row holds; a damaged one names the row at *where*.
    """
    try:
        return fact_from_json(text)
    except (ValueError, TypeError, ArithmeticError, RecursionError) as exc:
        raise DamagedStoreError(
            where, text, f"is not a fact ({exc}); {_damage(store)}"
        ) from None


def _link_ids(ids: str, where: str, store: str) -> tuple[str, ...]:
    """
    The event ids a link row holds; damaged ones name the row at *where*.
    """
    try:
        return tuple(map(str, json.loads(ids)))
    except (ValueError, TypeError, RecursionError) as exc:
        raise DamagedStoreError(
            where,
            ids,
            f"is not a JSON list of ids ({exc}); {_damage(store)}",
        ) from None


def _checked_event(row: Sequence[Any], store: str) -> Event:
    """
    The event of a row, read with every check; a fault names the row.
    """
    seq, kind, by, at, payload = row
    where = f"events[{seq}]"
    try:
        data = json.loads(payload)
    except (ValueError, TypeError, RecursionError) as exc:
        raise DamagedStoreError(
            f"{where}.payload",
            payload,
            f"is not JSON ({exc}); {_damage(store)}",
        ) from None
    try:
        return Reader().event(
            {"kind": kind, "by": by, "at": at, "payload": data}, where
        )
    except ClaimtrackError as exc:
        raise DamagedStoreError(
            exc.field, exc.value, f"{exc.reason}; {_damage(store)}"
        ) from exc


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
    db: sqlite3.Connection,
    after: int,
    *,
    declared: bool = False,
    store: str = "",
) -> list[tuple[int, Event]]:
    """
    The events after the *after*-th, or every predicate declared.
    """
    rows = db.execute(_DECLARED) if declared else db.execute(_AFTER, (after,))
    return [(row[0], _decode(row, store)) for row in rows]


def _checked_timeout(timeout: object) -> float:
    """
    *timeout* as seconds, if it is a number of seconds a writer may wait.
    """
    if isinstance(timeout, bool) or not isinstance(timeout, int | float):
        raise InvalidTypeError(
            "timeout", timeout, "must be a number of seconds (int or float)"
        )
    if not 0 <= timeout <= MAX_TIMEOUT:  # also NaN
        shown: object = timeout
        if isinstance(timeout, int) and abs(timeout) > 10**18:
            shown = f"an integer of {timeout.bit_length()} bits"
        raise InvalidValueError(
            "timeout",
            shown,
            f"must be a number of seconds from 0 to {MAX_TIMEOUT} (a day)",
        )
    return float(timeout)


def _is_busy(exc: sqlite3.Error) -> bool:
    """
    Whether SQLite gave up waiting for another connection's lock.
    """
    name = getattr(exc, "sqlite_errorname", None) or ""
    text = str(exc)
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or (
        isinstance(exc, sqlite3.OperationalError)
        and ("locked" in text or "busy" in text)
    )


def _guarded(
    what: str,
) -> Callable[
    [Callable[Concatenate[SqliteJournal, _P], _R]],
    Callable[Concatenate[SqliteJournal, _P], _R],
]:
    """
    Make SQLite's errors in a journal method the store's own errors.

    *what* says what failed, for an error SQLite does not name.
    """

    def guard(
        method: Callable[Concatenate[SqliteJournal, _P], _R],
    ) -> Callable[Concatenate[SqliteJournal, _P], _R]:
        @functools.wraps(method)
        def guarded(
            self: SqliteJournal, /, *args: _P.args, **kwargs: _P.kwargs
        ) -> _R:
            try:
                return method(self, *args, **kwargs)
            except sqlite3.Error as exc:
                raise self._failed(exc, what) from exc

        return guarded

    return guard


_reads = _guarded("the store cannot be read: ")
_writes = _guarded("the write failed: ")


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

    Opening reads the file's format and policy and takes no lock that
    another process's writes would wait for, or make it wait for; only a
    write takes the write lock. A store opened with *read_only*, or whose
    file the user may not write, is read with SQLite's ``mode=ro`` (and
    ``immutable=1`` if its folder cannot hold the files a reader of a WAL
    file needs): every read works, and every write raises
    `ReadOnlyStoreError`, changing nothing.

    Args:
        path: The file; created if missing, unless *create* is False.
        timeout: How many seconds a writer waits for another's lock: from
            0 to `MAX_TIMEOUT` (a day).
        create: False to refuse a missing or empty file rather than make a
            store of it.
        read_only: True to open the store for reading only.

    Raises:
        MissingFileError: If the file's folder does not exist, or the file
            does not and *create* is False (or *read_only* True).
        EmptyStoreError: If the file is empty and *create* is False (or
            *read_only* True).
        IsAFolderError: If *path* is a folder.
        StoreError: If the file cannot be opened, or is not SQLite.
        InvalidDocumentError: If it is another program's SQLite file.
        InvalidTypeError: If an argument is of the wrong type.
        InvalidValueError: If *path* cannot name a file (empty, a NUL) or
            *timeout* is negative, NaN, infinite or over `MAX_TIMEOUT`.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.1.0
       *read_only*; an empty file is a store only if *create* allows.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        timeout: float,
        *,
        create: bool = True,
        read_only: bool = False,
    ) -> None:
        where = _files.checked_path(path)
        seconds = _checked_timeout(timeout)
        instance_of(bool)(self, "create", create)
        instance_of(bool)(self, "read_only", read_only)
        self.path = Path(where)
        self.read_only = read_only
        self._why = "it was opened with read_only=True"
        self.db = self._connect(where, seconds, create=create)
        try:
            # Another program's file is refused before anything changes it,
            # and so is an empty one a store is not to be made of.
            self._check_empty(create=create)
            if not self.read_only:
                self._set_wal(seconds)
            self.db.execute("pragma synchronous = full")
        except sqlite3.Error as exc:
            self.db.close()
            raise self._failed(exc, "cannot open: ") from exc
        except UnicodeDecodeError as exc:  # a name in the file is not text
            self.db.close()
            raise DamagedStoreError(
                "sqlite_master.name",
                exc.object[max(0, exc.start - 20) : exc.start + 20],
                "the file's list of tables holds a name that is not UTF-8 "
                "text: the file is damaged",
            ) from exc
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
        if where == ":memory:":  # SQLite's name for no file
            return sqlite3.connect(
                where, timeout=timeout, isolation_level=None
            )
        path = self.path
        if path.is_dir():
            raise IsAFolderError(
                "path", where, "is a folder, not a claimtrack store"
            )
        if not path.exists():
            if not create or self.read_only:
                why = "read_only=True" if self.read_only else "create=False"
                raise MissingFileError(
                    "path",
                    where,
                    f"no such file, and {why} forbids making one",
                )
            try:
                _files.create(path)
            except OSError as exc:
                raise _files.os_error(exc, where, "created") from exc
        if not self.read_only and not os.access(path, os.W_OK):
            self.read_only = True
            self._why = "this user may read the file but not write it"
        query = "mode=ro" if self.read_only else "mode=rw"
        if self.read_only and self._unshareable():
            query += "&immutable=1"
        try:
            return sqlite3.connect(
                f"{path.resolve().as_uri()}?{query}",
                timeout=timeout,
                isolation_level=None,
                uri=True,
            )
        except sqlite3.Error as exc:
            if not path.exists():  # removed since it was looked for
                raise MissingFileError("path", where, "no such file") from exc
            raise self._failed(exc, "cannot open: ") from exc

    def _unshareable(self) -> bool:
        """
        Whether a reader could not make the files a WAL reader shares.

        SQLite reads a WAL file read-only if its ``-wal`` and ``-shm`` files
        exist, or can be made in its folder; otherwise only as immutable:
        no one may write it while it is open (see :doc:`storage`).
        """
        path = self.path.resolve()
        return not os.access(path.parent, os.W_OK) and not any(
            path.with_name(path.name + end).exists()
            for end in ("-wal", "-shm")
        )

    def _check_empty(self, *, create: bool) -> None:
        """
        Refuse an empty file, unless a store may be made of it.
        """
        if self._meta() is not None or (create and not self.read_only):
            return
        why = (
            "create=False forbids making one"
            if not create
            else "a store opened read-only is never made"
        )
        raise EmptyStoreError(
            "path",
            str(self.path),
            f"is empty, not a claimtrack store, and {why}; nothing was "
            "changed",
        )

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
                if not _is_busy(exc) or time.monotonic() > deadline:
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
        Close the file; closing it again does nothing.
        """
        self.db.close()

    def _failed(self, exc: sqlite3.Error, what: str = "") -> StoreError:
        """
        The store's error for SQLite's, by what went wrong.
        """
        name = getattr(exc, "sqlite_errorname", None) or ""
        text = str(exc)
        if "malformed JSON" in text:
            return self._bad_payload(exc)
        if isinstance(exc, sqlite3.ProgrammingError) and "closed" in text:
            return ClosedStoreError(
                "store",
                str(self.path),
                "is closed: open the store again to use it",
            )
        return self._sqlite_failed(exc, name, what)

    def _sqlite_failed(
        self, exc: sqlite3.Error, name: str, what: str
    ) -> StoreError:
        """
        The store's error for an error SQLite names.
        """
        text = str(exc)
        where = str(self.path)
        if _is_busy(exc):
            return StoreBusyError(
                "path",
                where,
                "another process is writing and did not finish in time; "
                "try again, or wait longer (timeout)",
            )
        if name.startswith("SQLITE_READONLY"):
            return ReadOnlyStoreError(
                "path",
                where,
                f"cannot be written ({text}); nothing was written",
            )
        if name.startswith("SQLITE_CORRUPT"):
            return DamagedStoreError(
                "path", where, f"{text}; {_damage(where)}"
            )
        if name.startswith("SQLITE_NOTADB"):
            return StoreError(
                "path",
                where,
                f"{what}{text}: it is not an SQLite file, so not a "
                "claimtrack store (or one damaged beyond reading)",
            )
        return StoreError("path", where, f"{what}{text}")

    def _bad_payload(self, exc: sqlite3.Error) -> StoreError:
        """
        The error naming the first event whose payload is not JSON.
        """
        row = self.db.execute(
            "select seq, payload from events where not json_valid(payload) "
            "order by seq limit 1"
        ).fetchone()
        if row is None:  # not the events, then: say what SQLite said
            return StoreError("path", str(self.path), str(exc))
        return DamagedStoreError(
            f"events[{row[0]}].payload",
            row[1],
            f"is not JSON; {_damage(str(self.path))}",
        )

    def _begin(self) -> None:
        if self.read_only:
            raise ReadOnlyStoreError(
                "path",
                str(self.path),
                f"is open for reading only ({self._why}); nothing was written",
            )
        try:
            self.db.execute("begin immediate")
        except sqlite3.Error as exc:
            raise self._failed(exc) from exc

    @_writes
    def prepare(self, policy: Policy | None) -> Policy:
        """
        Create the file's tables, or check its format; return its policy.

        Raises:
            InvalidDocumentError: If the file is not a claimtrack store, or
                is of a newer format version.
            DamagedStoreError: If its format rows are damaged.
            ReadOnlyStoreError: If it is open for reading only and of an
                older layout, which it cannot be brought up from.
            ConflictError: If *policy* differs from the file's.
        """
        before = self._meta()
        backup = None
        if before is not None:
            version = self._version(before)
            if version >= VERSION:
                # A current file: nothing to write, so no lock to wait for.
                return self._check_meta(before, policy)
            if self.read_only:
                raise ReadOnlyStoreError(
                    "path",
                    str(self.path),
                    f"is of layout version {version}, older than this "
                    f"claimtrack's {VERSION}, and open for reading only "
                    f"({self._why}): open it once writable to bring it up "
                    "to date",
                )
            backup = self._backup(version)
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
                self._migrate(self._version(found), backup)
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

    def _number(self, meta: dict[str, str], key: str, what: str) -> int:
        """
        The whole number (1 or more) a meta row holds; else the damage.
        """
        value = meta.get(key)
        if (
            isinstance(value, str)
            and value.isascii()
            and value.isdigit()
            and len(value) < 19  # noqa: PLR2004 -- 64 bits, and no more
            and int(value) > 0
        ):
            return int(value)
        reason = "is missing" if value is None else f"is not {what}"
        raise DamagedStoreError(
            f"meta[{key}].value", value, f"{reason}; {_damage(self.where)}"
        )

    def _version(self, meta: dict[str, str]) -> int:
        """
        The file's layout version, once it is known to be a claimtrack store.
        """
        if meta.get("format") != FORMAT:
            raise InvalidDocumentError(
                "path", str(self.path), "is not a claimtrack store"
            )
        return self._number(meta, "version", "a layout version")

    def _check_meta(
        self, meta: dict[str, str], policy: Policy | None
    ) -> Policy:
        version = self._version(meta)
        if version > VERSION:
            raise InvalidDocumentError(
                "version",
                version,
                f"is newer than this claimtrack reads ({VERSION}); upgrade "
                "claimtrack to open the file",
            )
        count = self._number(meta, "min_sources", "a number of sources")
        try:
            stored = Policy(min_sources=count)
        except ClaimtrackError as exc:
            raise DamagedStoreError(
                "meta[min_sources].value",
                meta["min_sources"],
                f"{exc.reason}; {_damage(self.where)}",
            ) from exc
        if policy is not None and policy != stored:
            raise ConflictError(
                "policy", policy, f"the file's policy is {stored!r}"
            )
        return stored

    @_reads
    def read(self, after: int = 0) -> list[Positioned]:
        """
        The events after position *after*, in order.
        """
        return _read_events(self.db, after, store=self.where)

    # -- what a lookup reads, without the whole file -----------------------

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        """
        Read in one transaction: every read sees the same committed state.
        """
        try:
            self.db.execute("begin")
        except sqlite3.Error as exc:
            raise self._failed(exc) from exc
        try:
            yield
        finally:
            self.db.execute("commit")

    @_reads
    def declared(self) -> list[Event]:
        """
        Every predicate-declared event, in order.
        """
        return [
            event
            for _, event in _read_events(
                self.db, 0, declared=True, store=self.where
            )
        ]

    @_reads
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
                found[key] = (row[0], _decode(row, self.where))
        return found

    @_reads
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

    @_reads
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

    @_reads
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

    @_reads
    def about(self, claim: str) -> list[Event]:
        """
        The events about a claim, in order.

        Those that add evidence, verdicts, a retraction or an explicit
        contradiction to it.
        """
        return [
            _decode(row, self.where)
            for row in self.db.execute(_ABOUT, (claim, claim))
        ]

    @_reads
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
        return [(row[0], _decode(row, self.where)) for row in rows]

    @_reads
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

    @_reads
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
        if row is None:
            return None
        return cast("Source", _decode(row, self.where).payload)

    @_reads
    def fact(self, claim: str) -> Fact | None:
        """
        The claim's fact, if it has one.
        """
        row = self.db.execute(
            "select fact from facts where claim = ?", (claim,)
        ).fetchone()
        return None if row is None else self._fact(claim, row[0])

    @_reads
    def facts(self, subject: str, predicate: str) -> list[tuple[str, Fact]]:
        """
        Every claim with a fact of *subject* and *predicate*, and the fact.
        """
        return [
            (claim, self._fact(claim, fact))
            for claim, fact in self.db.execute(
                "select claim, fact from facts where subject = ? "
                "and predicate = ?",
                (subject, predicate),
            )
        ]

    @_reads
    def links(self, claim: str) -> list[tuple[str, str, tuple[str, ...]]]:
        """
        The claim's links: the other claim, the kind, the event ids.
        """
        return [
            (
                other,
                kind,
                _link_ids(
                    ids, f"links[{claim}, {other}, {kind}].ids", self.where
                ),
            )
            for other, kind, ids in self.db.execute(
                "select other, kind, ids from links where claim = ?", (claim,)
            )
        ]

    def _fact(self, claim: str, text: str) -> Fact:
        """
        The fact a row of ``facts`` holds; a damaged one names its row.
        """
        return _stored_fact(text, f"facts[{claim}].fact", self.where)

    @_writes
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

    @_reads
    def last(self) -> int:
        """
        The position of the last event; 0 if there is none.
        """
        return self._last()

    def _last(self) -> int:
        found: int | None = self.db.execute(
            "select max(seq) from events"
        ).fetchone()[0]
        return found or 0

    keeps_rows = True
    """The state rows are kept in their tables, for the keyed reads."""

    @_writes
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
            last = self._last()
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
            last = self._last()
            self.db.execute("commit")
        except sqlite3.Error as exc:
            self.rollback()
            raise self._failed(exc, "the write failed: ") from exc
        return last

    @_writes
    def rollback(self) -> None:
        """
        Give up the transaction begun by `begin`.
        """
        if self.db.in_transaction:
            self.db.execute("rollback")
