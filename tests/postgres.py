"""
A PostgreSQL server for the tests, or the reason there is none.

The server is the one ``$CLAIMTRACK_POSTGRES_URL`` names (a role that may
create databases and roles, as a cluster's ``postgres`` superuser); else,
if PostgreSQL's server binaries are installed, a throwaway one `.ci/postgres`
starts for this test run and stops at its end. Tests that need a server
call `url` or `database`, which skip, with the reason, when there is none.

Each test gets a tracker of its own (`url`: a new tracker id in the shared
test database) or a database of its own (`database`), so tests never see
each other's data.
"""

import atexit
import contextlib
import functools
import itertools
import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest


VARIABLE = "CLAIMTRACK_POSTGRES_URL"
SCRIPT = Path(__file__).resolve().parent.parent / ".ci" / "postgres"
_names = itertools.count(1)
_run = uuid.uuid4().hex[:8]


def _has_binaries():
    if shutil.which("initdb") and shutil.which("pg_ctl"):
        return True
    return any(Path("/usr/lib/postgresql").glob("*/bin/initdb"))


@functools.cache
def server():
    """
    The URL of a server's maintenance database, and why not if None.
    """
    try:
        import psycopg  # noqa: F401, PLC0415 -- the extra may be missing
    except ImportError:
        return (
            None,
            "psycopg is not installed: pip install claimtrack[postgres]",
        )
    if os.environ.get(VARIABLE):
        return os.environ[VARIABLE], ""
    if not _has_binaries():
        return None, (
            f"no PostgreSQL server: set {VARIABLE}, or install PostgreSQL's "
            "server binaries (initdb, pg_ctl)"
        )
    started = subprocess.run(
        [str(SCRIPT), "start"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    if started.returncode != 0:
        return None, f"could not start PostgreSQL: {started.stderr.strip()}"
    folder = started.stdout.strip().splitlines()[-1]
    atexit.register(
        subprocess.run,
        [str(SCRIPT), "stop", folder],
        capture_output=True,
        check=False,
    )
    return (Path(folder) / "url").read_text().strip(), ""


def admin():
    """
    The server's URL, for a role that may create databases; else skip.
    """
    found, reason = server()
    if found is None:
        pytest.skip(reason)
    return found


def with_database(url, name):
    """
    *url* with its database replaced by *name*.
    """
    head, _, tail = url.partition("?")
    base = head.rsplit("/", 1)[0]
    return f"{base}/{name}" + (f"?{tail}" if tail else "")


def execute(url, *statements):
    """
    Run SQL statements on *url*, each committed, as an administrator would.
    """
    import psycopg  # noqa: PLC0415

    with psycopg.connect(url, autocommit=True) as db:
        for statement in statements:
            db.execute(statement)


def database():
    """
    The URL of a new, empty database (no claimtrack tables); else skip.
    """
    url = admin()
    name = f"claimtrack_{_run}_{next(_names)}"
    execute(url, f'create database "{name}"')
    atexit.register(_drop, url, name)
    return with_database(url, name)


def _drop(url, name):
    with contextlib.suppress(Exception):  # the server may be gone
        execute(url, f'drop database if exists "{name}" with (force)')


@functools.cache
def _shared():
    return database()


def url(tracker=None):
    """
    A URL naming a new tracker in the run's shared database; else skip.
    """
    name = tracker or f"t{next(_names)}"
    shared = _shared()
    return f"{shared}{'&' if '?' in shared else '?'}tracker={name}"
