"""
The PostgreSQL journal: a tracker's events in a database a team shares.

One database (one schema of it, the first on the role's ``search_path``)
holds any number of trackers, each named by an id: its events in one
append-only table at positions 1, 2, 3, … of its own, and beside them the
state rows the keyed reads need, as the SQLite store keeps them. The
library makes the tables and records their layout version in
``claimtrack_meta``; a newer layout is refused, an older one brought up to
date.

A write is one transaction. `begin` locks the tracker's row in
``claimtrack_trackers`` (``select … for update``): writers of one tracker
take turns, writers of others do not wait, and a writer that waited reads
what the one before it committed before it checks its change. `append`
then writes at the position it expects, under the primary key
``(tracker, position)``: a writer that did not take the lock and lost the
race gets `StaleWriteError` and writes nothing. Each commit notifies
the channel ``claimtrack`` with the tracker's id, which wakes followers
(`PostgresJournal.wait`).

psycopg 3 is loaded when a journal is first made; without it, a
`MissingDependencyError` names the extra to install.
"""

from __future__ import annotations

import contextlib
import functools
import json
import time
import urllib.parse
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar, cast

from claimtrack._contradictions import fact_to_json
from claimtrack._evidence import Policy
from claimtrack._journals._sqlite import (
    _checked_timeout,
    _damage,
    _decode,
    _link_ids,
    _row,
    _stored_fact,
)
from claimtrack._validators import instance_of
from claimtrack.exceptions import (
    ClaimtrackError,
    ClosedStoreError,
    ConflictError,
    DamagedStoreError,
    InvalidDocumentError,
    InvalidTypeError,
    InvalidValueError,
    MissingDependencyError,
    MissingFileError,
    ReadOnlyStoreError,
    StaleWriteError,
    StoreBusyError,
    StoreError,
)


if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence
    from types import ModuleType

    import psycopg

    from claimtrack._contradictions import Fact
    from claimtrack._engine import EntityRow, FactRow, LinkRow, NameRow
    from claimtrack._events import Event
    from claimtrack._journals._protocol import Positioned
    from claimtrack._models import Source


__all__ = [
    "CHANNEL",
    "DEFAULT_TRACKER",
    "MIGRATIONS",
    "SCHEMES",
    "VERSION",
    "PostgresJournal",
    "is_url",
]

_P = ParamSpec("_P")
_R = TypeVar("_R")

SCHEMES = ("postgresql://", "postgres://")
"""How a PostgreSQL URL starts."""

DEFAULT_TRACKER = "default"
"""The tracker a URL without ``?tracker=`` names."""

CHANNEL = "claimtrack"
"""The channel each commit notifies, with the tracker's id."""

MAX_TRACKER = 200
"""The longest tracker id: it travels in every notification."""

FORMAT = "claimtrack"
VERSION = 1
"""The version of the tables' layout; a newer one is refused.

1. The trackers, their events and the state rows of the SQLite store's
   layout 3, each keyed by tracker.
"""

_ABOUT_KINDS = (
    "('evidence-added', 'verdict-set', 'claim-retracted', "
    "'contradiction-added')"
)

_SCHEMA = f"""
create table claimtrack_meta (key text primary key, value text not null);
create table claimtrack_trackers (
    id text primary key,
    min_sources integer not null
);
create table claimtrack_events (
    tracker text not null,
    position bigint not null,
    id text not null,
    kind text not null,
    author text,
    at text not null,
    payload text not null,
    primary key (tracker, position),
    unique (tracker, id)
);
create index claimtrack_events_declared on claimtrack_events
    (tracker, position) where kind = 'predicate-declared';
create index claimtrack_events_revised on claimtrack_events
    (tracker, position) where kind = 'source-revised';
create index claimtrack_events_about on claimtrack_events
    (tracker, ((payload::jsonb) ->> 'claim'), position)
    where kind in {_ABOUT_KINDS};
create index claimtrack_events_other on claimtrack_events
    (tracker, ((payload::jsonb) ->> 'other'), position)
    where kind = 'contradiction-added';
create index claimtrack_events_url on claimtrack_events
    (tracker, ((payload::jsonb) ->> 'url'), position)
    where kind = 'source-added';
create index claimtrack_events_speaker on claimtrack_events
    (tracker, ((payload::jsonb) ->> 'speaker'), position)
    where kind = 'claim-added';
create table claimtrack_facts (
    tracker text not null,
    claim text not null,
    subject text not null,
    predicate text not null,
    fact text not null,
    primary key (tracker, claim)
);
create index claimtrack_facts_key on claimtrack_facts
    (tracker, subject, predicate);
create table claimtrack_links (
    tracker text not null,
    claim text not null,
    other text not null,
    kind text not null,
    ids text not null,
    primary key (tracker, claim, other, kind)
);
create table claimtrack_entities (
    tracker text not null,
    key text not null,
    claim text not null,
    primary key (tracker, key, claim)
);
create table claimtrack_names (
    tracker text not null,
    key text not null,
    actor text not null,
    primary key (tracker, key, actor)
)
"""
"""Layout 1: every table, keyed by tracker.

The indexes on the events find, within a tracker, the predicates declared,
the revisions, a claim's evidence, verdicts, retraction and links, a
speaker's claims and a source by its URL; ``facts``, ``links``,
``entities`` and ``names`` are the SQLite store's state rows."""

TABLES = (
    "claimtrack_meta",
    "claimtrack_trackers",
    "claimtrack_events",
    "claimtrack_facts",
    "claimtrack_links",
    "claimtrack_entities",
    "claimtrack_names",
)
"""The tables a layout holds; a reader needs SELECT on each."""

_LAYOUT_LOCK = 0x636C61696D  # "claim": one writer of the layout at a time

_COLUMNS = "position, kind, author, at, payload"
_EVENTS = f"select {_COLUMNS} from claimtrack_events where tracker = %s "  # noqa: S608 -- constant text
_ABOUT = (
    f"{_EVENTS}and kind in {_ABOUT_KINDS} "
    "and (payload::jsonb) ->> 'claim' = %s "
    f"union {_EVENTS}and kind = 'contradiction-added' "
    "and (payload::jsonb) ->> 'other' = %s order by 1"
)

MIGRATIONS: dict[int, Callable[[psycopg.Connection[Any]], None]] = {}
"""How to bring tables of layout version N to N + 1, by N.

When the layout changes, VERSION goes up and the step from the previous
version is added here; opening older tables runs every step they need in
one transaction, with the layout lock held."""


def _psycopg() -> ModuleType:
    """
    psycopg, loaded now; or the error that names the extra to install.
    """
    try:
        import psycopg  # noqa: PLC0415 -- an optional extra, loaded when used
    except ImportError as exc:
        raise MissingDependencyError(
            "module",
            "psycopg",
            "is not installed; a PostgreSQL tracker needs it: "
            "pip install 'claimtrack[postgres]'",
        ) from exc
    return psycopg


def is_url(target: object) -> bool:
    """
    Whether *target* is a PostgreSQL URL (``postgresql://…``).
    """
    return isinstance(target, str) and target.startswith(SCHEMES)


def _split(url: str) -> tuple[str, str | None, str]:
    """
    The URL libpq reads, the tracker it names, and the URL to show.

    ``?tracker=`` is claimtrack's, not libpq's: it is taken out. The URL
    shown hides the password, if there is one.
    """
    try:
        parts = urllib.parse.urlsplit(url)
        query = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
        password = parts.password
    except ValueError as exc:
        raise InvalidValueError(
            "url", url, f"is not a URL that can be read ({exc})"
        ) from exc
    named = [value for key, value in query if key == "tracker"]
    rest = urllib.parse.urlencode([kv for kv in query if kv[0] != "tracker"])
    conninfo = urllib.parse.urlunsplit(parts._replace(query=rest))
    shown = url
    if password is not None:
        netloc = parts.netloc.replace(f":{password}@", ":***@", 1)
        shown = urllib.parse.urlunsplit(parts._replace(netloc=netloc))
    return conninfo, (named[-1] if named else None), shown


def _checked_tracker(tracker: object) -> str:
    """
    *tracker* as a tracker id: text of 1 to 200 characters, no NUL.
    """
    if not isinstance(tracker, str):
        raise InvalidTypeError(
            "tracker", tracker, "must be a tracker id (str)"
        )
    if not tracker.strip() or len(tracker) > MAX_TRACKER or "\x00" in tracker:
        raise InvalidValueError(
            "tracker",
            tracker,
            f"must be a tracker id: 1 to {MAX_TRACKER} characters, not "
            "only spaces, no NUL",
        )
    return tracker


def _said(exc: Exception) -> str:
    """
    What psycopg said, on one line.
    """
    return " ".join(str(exc).split()) or type(exc).__name__


def _guarded(
    what: str,
) -> Callable[
    [Callable[Concatenate[PostgresJournal, _P], _R]],
    Callable[Concatenate[PostgresJournal, _P], _R],
]:
    """
    Make psycopg's errors in a journal method the store's own errors.

    A write under way is given up first: the server has aborted it.
    """

    def guard(
        method: Callable[Concatenate[PostgresJournal, _P], _R],
    ) -> Callable[Concatenate[PostgresJournal, _P], _R]:
        @functools.wraps(method)
        def guarded(
            self: PostgresJournal, /, *args: _P.args, **kwargs: _P.kwargs
        ) -> _R:
            try:
                return method(self, *args, **kwargs)
            except self._error as exc:
                writing = self._writing
                self.rollback()
                raise self._failed(exc, what, writing=writing) from exc

        return guarded

    return guard


_reads = _guarded("the tracker cannot be read: ")
_writes = _guarded("the write failed: ")


class PostgresJournal:
    """
    One tracker in a PostgreSQL database: its policy, events and state rows.

    Opening connects, reads the tables' layout version and the tracker's
    policy, and takes no lock; only a write locks the tracker's row, and
    writers of other trackers in the database never wait for it. A tracker
    opened with *read_only*, or by a role without INSERT on
    ``claimtrack_events``, answers every read, and every write raises
    `ReadOnlyStoreError`, writing nothing. Nothing needs a superuser: see
    :doc:`team` for the GRANTs each role needs.

    Args:
        url: ``postgresql://role[:password]@host[:port]/database``, with
            any libpq parameter in its query, and claimtrack's own
            ``tracker=``: the tracker's id (`DEFAULT_TRACKER` if absent).
        tracker: The tracker's id, if the URL does not name it.
        timeout: How many seconds a writer waits for another's lock: from
            0 to a day.
        create: False to refuse a tracker (or a database) that has none
            rather than make one.
        read_only: True to open the tracker for reading only.

    Raises:
        MissingDependencyError: If psycopg is not installed.
        InvalidValueError: If *url* cannot be read, *tracker* is not an id,
            or *timeout* is out of range.
        InvalidTypeError: If an argument is of the wrong type.
        ConflictError: If *tracker* differs from the URL's.
        StoreError: If the server cannot be reached or refuses the role.
        MissingFileError: If the tracker does not exist and *create* is
            False or *read_only* True.
        InvalidDocumentError: If the database's ``claimtrack_`` tables are
            not claimtrack's, or of a newer layout.
        DamagedStoreError: If its layout rows are damaged.

    .. versionadded:: 0.2.0
    """

    keeps_rows = True
    """The state rows are kept in their tables, for the keyed reads."""

    def __init__(
        self,
        url: str,
        *,
        tracker: str | None = None,
        timeout: float = 5.0,
        create: bool = True,
        read_only: bool = False,
    ) -> None:
        instance_of(str)(self, "url", url)
        if not is_url(url):
            raise InvalidValueError(
                "url", url, "must start with postgresql:// or postgres://"
            )
        conninfo, named, self.shown = _split(url)
        if tracker is not None and named is not None and tracker != named:
            raise ConflictError(
                "tracker", tracker, f"differs from the URL's tracker={named}"
            )
        self._named = named is not None
        self.tracker = _checked_tracker(
            tracker if tracker is not None else named or DEFAULT_TRACKER
        )
        seconds = _checked_timeout(timeout)
        instance_of(bool)(self, "create", create)
        instance_of(bool)(self, "read_only", read_only)
        self.read_only = read_only
        self._why = "it was opened with read_only=True"
        self._writing = False
        self._listening = False
        pg = _psycopg()
        self._error: type[Exception] = pg.Error
        self._errors = pg.errors
        self.db: psycopg.Connection[Any] = self._connect(pg, conninfo)
        try:
            # 0 would wait for ever: wait a millisecond instead
            self.db.execute(
                "select set_config('lock_timeout', %s, false)",
                (f"{max(1, round(seconds * 1000))}ms",),
            )
            self._check_open(create=create)
        except pg.Error as exc:
            error = self._failed(exc, "cannot open: ")
            self.db.close()
            raise error from exc
        except BaseException:
            self.db.close()
            raise

    def _connect(
        self, pg: ModuleType, conninfo: str
    ) -> psycopg.Connection[Any]:
        """
        Connect, each statement its own transaction until `begin`.
        """
        try:
            params = pg.conninfo.conninfo_to_dict(conninfo)
        except pg.Error as exc:
            raise InvalidValueError(
                "url", self.shown, f"is not a URL libpq reads ({_said(exc)})"
            ) from exc
        params.setdefault("connect_timeout", 10)
        params.setdefault("application_name", "claimtrack")
        try:
            return cast(
                "psycopg.Connection[Any]",
                pg.connect(autocommit=True, **params),
            )
        except pg.Error as exc:
            raise StoreError(
                "url",
                self.shown,
                f"cannot connect ({_said(exc)}): is the server running, and "
                "are the host, port, database, role and password right?",
            ) from exc

    def _check_open(self, *, create: bool) -> None:
        """
        Refuse a missing tracker that may not be made; see what the role may.
        """
        meta = self._meta()
        if meta is not None:
            self._check_version(meta)
        if meta is None or self._stored_policy() is None:
            if create and not self.read_only:
                return  # prepare makes it
            why = "read_only=True" if self.read_only else "create=False"
            raise MissingFileError(
                "tracker",
                self.tracker,
                f"no such tracker in {self.shown}, and {why} forbids "
                "making one",
            )
        if not self.read_only and not self._may_write():
            self.read_only = True
            self._why = (
                f"the role {self.db.info.user} may read the tracker but "
                "not write it"
            )

    def _may_write(self) -> bool:
        found = self.db.execute(
            "select has_table_privilege('claimtrack_events', 'INSERT') "
            "and has_table_privilege('claimtrack_trackers', 'UPDATE')"
        ).fetchone()
        return bool(found and found[0])

    def __repr__(self) -> str:
        return f"<PostgresJournal: {self.where}>"

    @property
    def where(self) -> str:
        """
        The URL, without its password; the tracker if not in the URL.
        """
        if self._named or self.tracker == DEFAULT_TRACKER:
            return self.shown
        joiner = "&" if "?" in self.shown else "?"
        quoted = urllib.parse.quote(self.tracker, safe="")
        return f"{self.shown}{joiner}tracker={quoted}"

    def close(self) -> None:
        """
        Close the connection; closing it again does nothing.
        """
        self.db.close()

    # -- errors ------------------------------------------------------------

    def _failed(
        self, exc: Exception, what: str = "", *, writing: bool = False
    ) -> StoreError:
        """
        The store's error for psycopg's, by what went wrong.
        """
        errors, where = self._errors, self.where
        said = _said(exc)
        if self.db.closed:
            return ClosedStoreError(
                "url",
                where,
                "is closed, or the server went away: open the tracker "
                f"again to use it ({said})",
            )
        if isinstance(exc, errors.LockNotAvailable | errors.QueryCanceled):
            return StoreBusyError(
                "url",
                where,
                "another process is writing and did not finish in time; "
                "try again, or wait longer (timeout)",
            )
        if isinstance(exc, errors.InsufficientPrivilege):
            kind = ReadOnlyStoreError if writing else StoreError
            return kind(
                "url",
                where,
                f"{what}the role {self.db.info.user} lacks a privilege "
                f"({said}); see the GRANTs each role needs in 'Share a "
                "tracker with your team'",
            )
        if isinstance(exc, errors.UndefinedTable | errors.UndefinedColumn):
            return DamagedStoreError("url", where, f"{said}; {_damage(where)}")
        return StoreError("url", where, f"{what}{said}")

    # -- the layout ----------------------------------------------------------

    def _meta(self) -> dict[str, str] | None:
        """
        The layout rows; None if the database has no claimtrack tables.
        """
        found = self.db.execute(
            "select count(to_regclass(name)) from unnest(%s::text[]) name",
            (list(TABLES),),
        ).fetchone()
        count = found[0] if found else 0
        if not count:
            return None
        if count != len(TABLES):
            raise DamagedStoreError(
                "url",
                self.shown,
                f"holds {count} of claimtrack's {len(TABLES)} tables "
                f"({', '.join(TABLES)}); {_damage(self.shown)}",
            )
        rows = self.db.execute("select key, value from claimtrack_meta")
        return dict(rows.fetchall())

    def _check_version(self, meta: dict[str, str]) -> int:
        """
        The tables' layout version; refuse a newer one, or damaged rows.
        """
        if meta.get("format") != FORMAT:
            raise InvalidDocumentError(
                "claimtrack_meta[format].value",
                meta.get("format"),
                f"is not {FORMAT!r}: the claimtrack_ tables in "
                f"{self.shown} are not claimtrack's",
            )
        value = meta.get("version", "")
        if not (value.isascii() and value.isdigit() and len(value) < 10):  # noqa: PLR2004 -- an int
            raise DamagedStoreError(
                "claimtrack_meta[version].value",
                meta.get("version"),
                f"is not a layout version; {_damage(self.shown)}",
            )
        version = int(value)
        if version > VERSION:
            raise InvalidDocumentError(
                "version",
                version,
                f"is newer than this claimtrack reads ({VERSION}); upgrade "
                "claimtrack to open the tracker",
            )
        return version

    def _stored_policy(self) -> Policy | None:
        """
        The tracker's policy; None if there is no such tracker.
        """
        row = self.db.execute(
            "select min_sources from claimtrack_trackers where id = %s",
            (self.tracker,),
        ).fetchone()
        if row is None:
            return None
        try:
            return Policy(min_sources=row[0])
        except ClaimtrackError as exc:
            raise DamagedStoreError(
                f"claimtrack_trackers[{self.tracker}].min_sources",
                row[0],
                f"{exc.reason}; {_damage(self.shown)}",
            ) from exc

    @_writes
    def prepare(self, policy: Policy | None) -> Policy:
        """
        Make the tables and the tracker if need be; return its policy.

        Raises:
            ConflictError: If *policy* differs from the tracker's.
            InvalidDocumentError: If the tables are of a newer layout.
            ReadOnlyStoreError: If the tables are of an older layout and
                the tracker is open for reading only.
        """
        meta = self._meta()
        if meta is not None and self._check_version(meta) == VERSION:
            stored = self._stored_policy()
            if stored is not None:  # nothing to write, so no lock
                return self._check_policy(stored, policy)
        if self.read_only:
            raise ReadOnlyStoreError(
                "url",
                self.where,
                f"has tables of an older layout than this claimtrack's "
                f"{VERSION}, and is open for reading only ({self._why}): "
                "open it once writable to bring it up to date",
            )
        # The lock is the session's, taken before the transaction begins:
        # a transaction begun first would not see the tables a writer that
        # held the lock made meanwhile, and would make them again.
        self.db.execute("select pg_advisory_lock(%s)", (_LAYOUT_LOCK,))
        try:
            stored = self._lay_out(policy)
        finally:
            self._unlock_layout()
        return self._check_policy(stored, policy)

    def _lay_out(self, policy: Policy | None) -> Policy:
        """
        Make or migrate the tables and make the tracker, in a transaction.
        """
        self.db.execute("begin")
        self._writing = True
        meta = self._meta()
        if meta is None:
            self.db.execute(_SCHEMA)
            self.db.cursor().executemany(
                "insert into claimtrack_meta values (%s, %s)",
                [("format", FORMAT), ("version", str(VERSION))],
            )
        elif (version := self._check_version(meta)) < VERSION:
            self._migrate(version)
        chosen = policy or Policy()
        self.db.execute(
            "insert into claimtrack_trackers values (%s, %s) "
            "on conflict (id) do nothing",
            (self.tracker, chosen.min_sources),
        )
        stored = self._stored_policy()
        self.db.execute("commit")
        self._writing = False
        return cast("Policy", stored)

    def _unlock_layout(self) -> None:
        """
        Let go of the layout lock, after what was done under it.

        A transaction that failed is rolled back first (the error it
        raised still says whether it was writing); a connection the server
        dropped let go of the lock with it.
        """
        if self.db.closed:
            return
        if self.db.info.transaction_status:
            with contextlib.suppress(self._error):
                self.db.execute("rollback")
        with contextlib.suppress(self._error):
            self.db.execute("select pg_advisory_unlock(%s)", (_LAYOUT_LOCK,))

    def _migrate(self, version: int) -> None:
        """
        Bring the tables from *version* to VERSION, in the transaction.
        """
        for step in range(version, VERSION):
            try:
                MIGRATIONS[step](self.db)
            except (self._error, KeyError) as exc:
                raise StoreError(
                    "version",
                    version,
                    f"could not bring the tables from version {step} to "
                    f"{step + 1} ({_said(exc)}); they are unchanged",
                ) from exc
        self.db.execute(
            "update claimtrack_meta set value = %s where key = 'version'",
            (str(VERSION),),
        )

    def _check_policy(self, stored: Policy, policy: Policy | None) -> Policy:
        if policy is not None and policy != stored:
            raise ConflictError(
                "policy", policy, f"the tracker's policy is {stored!r}"
            )
        return stored

    # -- reading -------------------------------------------------------------

    def _events(
        self, query: str, params: Sequence[object]
    ) -> list[Positioned]:
        """
        The events a query of `_COLUMNS` finds, with their positions.
        """
        where = self.where
        return [
            (row[0], _decode(row, where))
            for row in self.db.execute(query, params)
        ]

    @_reads
    def read(self, after: int = 0) -> list[Positioned]:
        """
        The events after position *after*, in order.
        """
        return self._events(
            f"{_EVENTS}and position > %s order by position",
            (self.tracker, after),
        )

    @_reads
    def last(self) -> int:
        """
        The position of the last event; 0 if there is none.
        """
        return self._last()

    def _last(self) -> int:
        row = self.db.execute(
            "select max(position) from claimtrack_events where tracker = %s",
            (self.tracker,),
        ).fetchone()
        return int(row[0] or 0) if row else 0

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        """
        Read in one snapshot: every read sees the same committed state.
        """
        try:
            self.db.execute("begin isolation level repeatable read read only")
        except self._error as exc:
            raise self._failed(exc) from exc
        try:
            yield
        finally:
            with contextlib.suppress(self._error):  # the server went away
                self.db.execute("rollback")  # read only: nothing to keep

    @_reads
    def events_by_id(self, ids: Iterable[str]) -> dict[str, Positioned]:
        """
        The events with these ids, with their positions.
        """
        wanted = list(dict.fromkeys(ids))
        where = self.where
        return {
            row[0]: (row[1], _decode(row[1:], where))
            for row in self.db.execute(
                f"select id, {_COLUMNS} from claimtrack_events "  # noqa: S608 -- constant text
                "where tracker = %s and id = any(%s)",
                (self.tracker, wanted),
            )
        }

    @_reads
    def declared(self) -> list[Event]:
        """
        Every predicate-declared event, in order.
        """
        return [
            event
            for _, event in self._events(
                f"{_EVENTS}and kind = 'predicate-declared' order by position",
                (self.tracker,),
            )
        ]

    @_reads
    def revised(self, sources: Iterable[str | None]) -> bool:
        """
        Whether any of these sources had its text revised.
        """
        wanted = [source for source in sources if source is not None]
        if not wanted:
            return False
        row = self.db.execute(
            "select 1 from claimtrack_events where tracker = %s "
            "and kind = 'source-revised' "
            "and (payload::jsonb) ->> 'source' = any(%s) limit 1",
            (self.tracker, wanted),
        ).fetchone()
        return row is not None

    @_reads
    def has_revisions(self) -> bool:
        """
        Whether any source's text was revised.
        """
        row = self.db.execute(
            "select 1 from claimtrack_events where tracker = %s "
            "and kind = 'source-revised' limit 1",
            (self.tracker,),
        ).fetchone()
        return row is not None

    @_reads
    def names(self, key: str) -> list[str]:
        """
        The actors with a name, alias or role of this name key.
        """
        return [
            actor
            for (actor,) in self.db.execute(
                "select actor from claimtrack_names "
                "where tracker = %s and key = %s",
                (self.tracker, key),
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
            event
            for _, event in self._events(
                _ABOUT, (self.tracker, claim, self.tracker, claim)
            )
        ]

    @_reads
    def spoken_by(self, actor: str) -> list[Positioned]:
        """
        The claim-added events of the claims this actor made, in order.
        """
        return self._events(
            f"{_EVENTS}and kind = 'claim-added' "
            "and (payload::jsonb) ->> 'speaker' = %s order by position",
            (self.tracker, actor),
        )

    @_reads
    def entities(self, key: str) -> list[str]:
        """
        The claims whose subject or object is text with this name key.
        """
        return [
            claim
            for (claim,) in self.db.execute(
                "select claim from claimtrack_entities "
                "where tracker = %s and key = %s",
                (self.tracker, key),
            )
        ]

    @_reads
    def source_with_url(self, url: str) -> Source | None:
        """
        The first source added with this URL.
        """
        found = self._events(
            f"{_EVENTS}and kind = 'source-added' "
            "and (payload::jsonb) ->> 'url' = %s order by position limit 1",
            (self.tracker, url),
        )
        return cast("Source", found[0][1].payload) if found else None

    @_reads
    def fact(self, claim: str) -> Fact | None:
        """
        The claim's fact, if it has one.
        """
        row = self.db.execute(
            "select fact from claimtrack_facts "
            "where tracker = %s and claim = %s",
            (self.tracker, claim),
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
                "select claim, fact from claimtrack_facts where tracker = %s "
                "and subject = %s and predicate = %s order by claim",
                (self.tracker, subject, predicate),
            )
        ]

    def _fact(self, claim: str, text: str) -> Fact:
        """
        The fact a row of ``claimtrack_facts`` holds; a damaged one is named.
        """
        return _stored_fact(
            text, f"claimtrack_facts[{claim}].fact", self.shown
        )

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
                    ids,
                    f"claimtrack_links[{claim}, {other}, {kind}].ids",
                    self.shown,
                ),
            )
            for other, kind, ids in self.db.execute(
                "select other, kind, ids from claimtrack_links "
                "where tracker = %s and claim = %s order by other, kind",
                (self.tracker, claim),
            )
        ]

    # -- writing -------------------------------------------------------------

    def _refuse_read_only(self) -> None:
        if self.read_only:
            raise ReadOnlyStoreError(
                "url",
                self.where,
                f"is open for reading only ({self._why}); nothing was written",
            )

    @_writes
    def begin(self, after: int | None) -> list[Positioned]:
        """
        Lock the tracker's row; return the events after position *after*.

        Raises:
            StoreBusyError: If another writer holds the lock past the
                timeout.
            StoreError: If a write is already under way on this journal.
        """
        self._refuse_read_only()
        if self._writing:
            raise StoreError(
                "url",
                self.where,
                "a write is already under way on this journal: append it "
                "or roll it back first",
            )
        self.db.execute("begin")
        self._writing = True
        self.db.execute(
            "select 1 from claimtrack_trackers where id = %s for update",
            (self.tracker,),
        )
        return [] if after is None else self.read(after)

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
        Write *events* at *expected* and the state they changed; commit.

        Raises:
            StaleWriteError: If the tracker is not at *expected*, or
                another writer took the position meanwhile; nothing is
                written.
        """
        if not self._writing:
            raise StoreError(
                "url", self.where, "append needs the write begun first"
            )
        last = self._last()
        if last != expected:
            self.rollback()
            raise self._stale(expected, last)
        tracker = self.tracker
        try:
            self.db.cursor().executemany(
                "insert into claimtrack_events "
                "(tracker, position, id, kind, author, at, payload) "
                "values (%s, %s, %s, %s, %s, %s, %s)",
                [
                    (tracker, position, *_row(event))
                    for position, event in enumerate(events, expected + 1)
                ],
            )
        except self._errors.UniqueViolation as exc:
            if exc.diag.constraint_name != "claimtrack_events_pkey":
                raise
            self.rollback()
            raise self._stale(expected, expected + 1) from exc
        self._write_state(facts, links or {}, entities, names)
        self.db.execute("select pg_notify(%s, %s)", (CHANNEL, tracker))
        self.db.execute("commit")
        self._writing = False
        return expected + len(events)

    def _stale(self, expected: int, last: int) -> StaleWriteError:
        return StaleWriteError(
            "position",
            expected,
            f"the tracker is at {last}: refresh the tracker and try again",
        )

    def _write_state(
        self,
        facts: Sequence[FactRow],
        links: dict[str, list[LinkRow]],
        entities: Sequence[EntityRow],
        names: Sequence[NameRow],
    ) -> None:
        """
        Replace the facts and links of the claims given; add the rest.
        """
        tracker, cursor = self.tracker, self.db.cursor()
        cursor.executemany(
            "insert into claimtrack_facts values (%s, %s, %s, %s, %s) "
            "on conflict (tracker, claim) do update set "
            "subject = excluded.subject, predicate = excluded.predicate, "
            "fact = excluded.fact",
            [(tracker, c, s, p, fact_to_json(f)) for c, s, p, f in facts],
        )
        if links:
            cursor.execute(
                "delete from claimtrack_links "
                "where tracker = %s and claim = any(%s)",
                (tracker, list(links)),
            )
        cursor.executemany(
            "insert into claimtrack_links values (%s, %s, %s, %s, %s)",
            [
                (tracker, claim, other, kind, json.dumps(list(ids)))
                for rows in links.values()
                for claim, other, kind, ids in rows
            ],
        )
        cursor.executemany(
            "insert into claimtrack_entities values (%s, %s, %s) "
            "on conflict do nothing",
            [(tracker, key, claim) for key, claim in entities],
        )
        cursor.executemany(
            "insert into claimtrack_names values (%s, %s, %s) "
            "on conflict do nothing",
            [(tracker, key, actor) for key, actor in names],
        )

    def rollback(self) -> None:
        """
        Give up the write `begin` started, if any.
        """
        self._writing = False
        if not self.db.closed and self.db.info.transaction_status:
            with contextlib.suppress(self._error):  # the server went away
                self.db.execute("rollback")

    # -- following -----------------------------------------------------------

    @_reads
    def wait(self, after: int, timeout: float) -> bool:
        """
        Wait until the tracker holds events after *after*, or *timeout*.

        Listens on `CHANNEL`: another writer's commit wakes it at once.

        Returns:
            Whether there are events after *after*.
        """
        if not self._listening:
            self.db.execute(f"listen {CHANNEL}")
            self._listening = True
        deadline = time.monotonic() + timeout
        while self._last() <= after:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            # Woken by a notification, or after a second at most: look
            # again either way, should one have come while busy.
            for _ in self.db.notifies(timeout=min(left, 1.0), stop_after=1):
                pass
        return True
