"""
Tests for the files claimtrack opens and writes: a missing file or folder
is a clear error that creates nothing, and every file claimtrack creates
has the permissions the user's umask gives any other program's files.
"""

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack import _files, _serialize, reports
from claimtrack.cli import main

from .test_store import layout_1


T0 = "2025-02-05T09:00:00+00:00"
UMASKS = [0o022, 0o002, 0o077, 0o027, 0o000]
"""Umasks users have: the usual two, a private one, a group-only one, and
none."""


@contextlib.contextmanager
def umask(mask):
    """
    Run with *mask* as the process's umask, and restore the old one.
    """
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def mode(path):
    """
    A file's permission bits.
    """
    return stat.S_IMODE(Path(path).stat().st_mode)


@pytest.fixture(name="tracker")
def _tracker():
    """
    A small tracker in memory: an actor and a claim.
    """
    t = ct.Tracker()
    t.add_actor(ct.Actor("rubio", "Marco Rubio"), at=T0)
    t.add_claim("El Salvador will take deportees", speaker="rubio", at=T0)
    return t


@pytest.fixture(name="here")
def _here(tmp_path, monkeypatch):
    """
    A new folder, made the current one for the test.
    """
    monkeypatch.chdir(tmp_path)
    return tmp_path


def assert_missing(error, path):
    """
    *error* is a MissingFileError for *path*, and every builtin it claims.
    """
    assert isinstance(error, ct.MissingFileError)
    assert isinstance(error, FileNotFoundError)
    assert isinstance(error, ct.StoreError)
    assert ("path", str(path)) == (error.field, error.value)
    assert (errno.ENOENT, str(path)) == (error.errno, error.filename)
    assert str(path) in str(error)


class TestOpen:
    """
    Tracker.open: a missing folder is an error, a missing file a new store.
    """

    def test_missing_folder(self, tmp_path):
        """
        A file in a folder that does not exist is a MissingFileError, and
        no folder is made.
        """
        path = tmp_path / "nowhere" / "claims.db"

        with pytest.raises(FileNotFoundError) as e:
            ct.Tracker.open(path)

        assert_missing(e.value, path)
        assert "there is no folder" in str(e.value)
        assert str(tmp_path / "nowhere") in str(e.value)
        assert [] == list(tmp_path.iterdir())

    def test_missing_file_is_created(self, tmp_path):
        """
        A missing file in an existing folder becomes a new, empty store.
        """
        path = tmp_path / "claims.db"

        with ct.Tracker.open(path) as tracker:
            assert 0 == len(tracker)

        with ct.Tracker.open(path, create=False) as again:
            assert ct.Policy() == again.policy

    @pytest.mark.parametrize("folder", ["", "nowhere"])
    def test_create_false(self, tmp_path, folder):
        """
        create=False refuses a missing file, and creates nothing.
        """
        path = tmp_path / folder / "claims.db"

        with pytest.raises(ct.MissingFileError) as e:
            ct.Tracker.open(path, create=False)

        assert_missing(e.value, path)
        assert [] == list(tmp_path.iterdir())

    def test_create_false_other_faults(self, tmp_path):
        """
        With create=False, a path that exists but is no file is still a
        StoreError, not a missing file.
        """
        with pytest.raises(ct.StoreError) as e:
            ct.Tracker.open(tmp_path, create=False)

        assert not isinstance(e.value, ct.MissingFileError)

    def test_memory(self, here):
        """
        ":memory:" is SQLite's name for a store in no file: none is made.
        """
        with ct.Tracker.open(":memory:") as tracker:
            tracker.add_actor(ct.Actor("rubio", "Marco Rubio"))
            assert ["rubio"] == [a.id for a in tracker.actors()]

        assert [] == list(here.iterdir())

    def test_bad_policy_creates_nothing(self, tmp_path):
        """
        A policy of the wrong type is refused before a file is made.
        """
        with pytest.raises(ct.InvalidTypeError) as e:
            ct.Tracker.open(tmp_path / "claims.db", policy=2)

        assert "policy" == e.value.field
        assert [] == list(tmp_path.iterdir())

    def test_not_allowed_to_create(self, tmp_path, monkeypatch):
        """
        A file the system will not create is a StoreError, SQLite's reason
        given.
        """

        def refuse(path, flags, mode=0o777):
            raise PermissionError(errno.EACCES, "Permission denied", path)

        monkeypatch.setattr(_files.os, "open", refuse)
        with pytest.raises(ct.StoreError) as e:
            ct.Tracker.open(tmp_path / "claims.db")

        assert "cannot be created: permission denied" in str(e.value)


class TestLoadAndDump:
    """
    Tracker.load and dump, reports.write: missing files and folders.
    """

    @pytest.mark.parametrize("name", ["gone.json", "nowhere/gone.json"])
    def test_load_missing(self, tmp_path, name):
        """
        Loading a file that is not there is a MissingFileError.
        """
        path = tmp_path / name

        with pytest.raises(FileNotFoundError) as e:
            ct.Tracker.load(path)

        assert_missing(e.value, path)
        assert "no such file" in str(e.value)

    def test_load_folder(self, tmp_path):
        """
        Loading a folder is an IsAFolderError (a StoreError and an
        IsADirectoryError) that says why, not a missing file.
        """
        with pytest.raises(ct.IsAFolderError) as e:
            ct.Tracker.load(tmp_path)

        assert isinstance(e.value, ct.StoreError)
        assert isinstance(e.value, IsADirectoryError)
        assert not isinstance(e.value, FileNotFoundError)
        assert ("path", str(tmp_path)) == (e.value.field, e.value.value)
        assert "is a folder, not a file: nothing was read" in str(e.value)

    def test_load_too_large(self, tracker, tmp_path):
        """
        A file over the limit is refused before it is read, as before.
        """
        path = tmp_path / "t.json"
        tracker.dump(path)

        with pytest.raises(ct.DocumentTooLargeError):
            ct.Tracker.load(path, max_bytes=10)

    def test_dump_missing_folder(self, tracker, tmp_path):
        """
        Dumping into a folder that does not exist is a MissingFileError,
        and makes no folder.
        """
        path = tmp_path / "nowhere" / "t.json"

        with pytest.raises(ct.MissingFileError) as e:
            tracker.dump(path)

        assert_missing(e.value, path)
        assert [] == list(tmp_path.iterdir())

    def test_dump_fails_halfway(self, tracker, tmp_path, monkeypatch):
        """
        A dump that fails (a full disk) is a StoreError, and leaves the old
        file and nothing else.
        """
        path = tmp_path / "t.json"
        path.write_text("old", encoding="utf-8")

        def full(fd):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(os, "fsync", full)
        with pytest.raises(ct.StoreError) as e:
            tracker.dump(path)

        assert "no space left on device" in str(e.value)
        assert "old" == path.read_text(encoding="utf-8")
        assert ["t.json"] == [p.name for p in tmp_path.iterdir()]

    def test_dump_round_trip(self, tracker, tmp_path):
        """
        What dump writes, load reads back equal.
        """
        path = tmp_path / "t.json"
        tracker.dump(path)

        assert tracker == ct.Tracker.load(path)

    def test_report_missing_folder(self, tracker, tmp_path):
        """
        A report into a folder that does not exist is a MissingFileError.
        """
        path = tmp_path / "nowhere" / "r.html"

        with pytest.raises(ct.MissingFileError) as e:
            reports.write(tracker, path)

        assert_missing(e.value, path)


class TestNotUnicode:
    """
    Text that no UTF-8 file can hold is refused before a file is made.
    """

    def test_replace_makes_nothing(self, tmp_path):
        """
        A lone surrogate is a UnicodeEncodeError, and no file is made.
        """
        with pytest.raises(UnicodeEncodeError):
            _files.replace(tmp_path / "f.txt", "half a pair: \ud800")

        assert [] == list(tmp_path.iterdir())

    def test_dump(self, tracker, tmp_path, monkeypatch):
        """
        A tracker whose document holds a lone surrogate is not dumped: an
        InvalidValueError quotes the place, and the old file stays.
        """
        path = tmp_path / "t.json"
        path.write_text("old", encoding="utf-8")
        monkeypatch.setattr(
            _serialize, "to_data", lambda t: {"name": "Rubio \ud800 said"}
        )

        with pytest.raises(ct.InvalidValueError) as e:
            tracker.dump(path)

        assert "tracker" == e.value.field
        assert "\ud800" in e.value.value
        assert "lone surrogate" in str(e.value)
        assert ["t.json"] == [p.name for p in tmp_path.iterdir()]
        assert "old" == path.read_text(encoding="utf-8")


class TestTemporaryNames:
    """
    The temporary file beside a file being replaced never takes another's.
    """

    def test_taken_name_is_skipped(self, tmp_path, monkeypatch):
        """
        A temporary name already taken is left alone; another is tried.
        """
        names = iter(["aaaa", "aaaa", "bbbb"])
        monkeypatch.setattr(_files.secrets, "token_hex", lambda n: next(names))
        taken = tmp_path / ".t.json.aaaa.tmp"
        taken.write_text("someone else's", encoding="utf-8")

        _files.replace(tmp_path / "t.json", "new")

        assert "new" == (tmp_path / "t.json").read_text(encoding="utf-8")
        assert "someone else's" == taken.read_text(encoding="utf-8")
        assert {"t.json", taken.name} == {p.name for p in tmp_path.iterdir()}

    @pytest.mark.parametrize("name", ["t.json", "r.md"])
    def test_no_free_name(self, tracker, tmp_path, monkeypatch, name):
        """
        When every name tried is taken, a dump or a report is a StoreError
        that says so, and writes nothing.
        """
        monkeypatch.setattr(_files.secrets, "token_hex", lambda n: "aaaa")
        (tmp_path / f".{name}.aaaa.tmp").write_text("x", encoding="utf-8")
        write = (
            tracker.dump
            if name == "t.json"
            else (lambda path: reports.write(tracker, path))
        )

        with pytest.raises(ct.StoreError) as e:
            write(tmp_path / name)

        assert "no free name" in str(e.value)
        assert not (tmp_path / name).exists()


class TestPermissions:
    """
    What claimtrack creates gets 0o666 less the umask; what it replaces
    keeps its mode.
    """

    @pytest.mark.parametrize("mask", UMASKS)
    def test_store(self, tmp_path, mask):
        """
        A new store, and SQLite's files beside it, get the usual mode.
        """
        path = tmp_path / "claims.db"
        with umask(mask), ct.Tracker.open(path) as tracker:
            tracker.add_actor(ct.Actor("rubio", "Marco Rubio"))
            made = [path, Path(f"{path}-wal"), Path(f"{path}-shm")]
            assert [0o666 & ~mask] * 3 == [mode(p) for p in made]

    @pytest.mark.parametrize("mask", UMASKS)
    def test_backup_before_migration(self, tracker, tmp_path, mask):
        """
        The copy kept before an old store is migrated gets the usual mode.
        """
        path = tmp_path / "old.db"
        layout_1(path, tracker)

        with umask(mask):
            ct.Tracker.open(path).close()

        assert 0o666 & ~mask == mode(tmp_path / "old.db.v1.bak")

    @pytest.mark.parametrize("mask", UMASKS)
    def test_dump_and_report(self, tracker, tmp_path, mask):
        """
        A new JSON document and new reports get the usual mode.
        """
        with umask(mask):
            tracker.dump(tmp_path / "t.json")
            reports.write(tracker, tmp_path / "r.html")
            reports.write(tracker, tmp_path / "r.md")

        assert {0o666 & ~mask} == {
            mode(tmp_path / name) for name in ("t.json", "r.html", "r.md")
        }

    @pytest.mark.parametrize("mode_before", [0o600, 0o640, 0o664, 0o444])
    def test_replaced_keeps_its_mode(self, tracker, tmp_path, mode_before):
        """
        A dump or report over an existing file keeps that file's mode,
        whatever the umask.
        """
        for name in ("t.json", "r.md"):
            (tmp_path / name).write_text("old", encoding="utf-8")
            (tmp_path / name).chmod(mode_before)

        with umask(0o077):
            tracker.dump(tmp_path / "t.json")
            reports.write(tracker, tmp_path / "r.md")

        assert [mode_before] * 2 == [
            mode(tmp_path / n) for n in ("t.json", "r.md")
        ]
        assert tracker == ct.Tracker.load(tmp_path / "t.json")

    @pytest.mark.parametrize("mask", UMASKS)
    def test_command_line(self, here, mask, capsys):
        """
        init, export -o and report -o create files with the usual mode.
        """
        with umask(mask):
            assert 0 == main(["init"])
            assert 0 == main(["add-actor", "rubio", "Marco Rubio"])
            assert 0 == main(["export", "-o", "all.json"])
            assert 0 == main(["export", "--format", "csv", "-o", "a.csv"])
            assert 0 == main(["report", "-o", "r.html"])
        capsys.readouterr()

        assert {0o666 & ~mask} == {
            mode(here / name)
            for name in ("claims.db", "all.json", "a.csv", "r.html")
        }

    @given(
        mask=st.integers(0, 0o077),
        text=st.text(st.characters(exclude_categories=["Cs"])),
    )
    def test_any_umask_new_file(self, mask, text):
        """
        For any umask that leaves the owner's bits, a new file has 0o666
        less the umask, and holds the text written, line ends as they are.
        """
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder, "f.txt")
            with umask(mask):
                _files.replace(path, text)

            assert 0o666 & ~mask == mode(path)
            assert text.encode() == path.read_bytes()
            assert ["f.txt"] == [f.name for f in Path(folder).iterdir()]

    @given(
        before=st.integers(0o600, 0o777),
        mask=st.integers(0, 0o077),
        text=st.text(st.characters(exclude_categories=["Cs"])),
    )
    def test_any_mode_kept(self, before, mask, text):
        """
        For any mode the owner can read, replacing a file keeps that mode.
        """
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder, "f.txt")
            path.write_text("old", encoding="utf-8")
            path.chmod(before)
            with umask(mask):
                _files.replace(path, text)

            assert before == mode(path)
            assert text.encode() == path.read_bytes()

    @given(mask=st.integers(0, 0o077))
    def test_create_once(self, mask):
        """
        create makes a file once, with 0o666 less the umask, and leaves an
        existing file as it is.
        """
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder, "f")
            with umask(mask):
                assert _files.create(path)
                path.write_text("kept", encoding="utf-8")
                assert not _files.create(path)

            assert 0o666 & ~mask == mode(path)
            assert "kept" == path.read_text(encoding="utf-8")
