"""
Files claimtrack creates, with the permissions the user's own would have.

A file made by ``open(path, "w")`` gets mode 0o666 less the user's umask
(0o644 or 0o664, usually). `tempfile.mkstemp` makes 0o600 files, and
SQLite 0o644 ones whatever the umask says: so every file claimtrack writes
(a store, its backup, a JSON document, a report, an export) is made here,
by `os.open` with mode 0o666, which the system narrows by the umask as it
does for any other program. A file that is replaced keeps the mode it had.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from claimtrack.exceptions import (
    InvalidTypeError,
    InvalidValueError,
    IsAFolderError,
    MissingFileError,
    StoreError,
)


__all__ = ["checked_path", "create", "os_error", "replace"]


_MODE = 0o666
"""What a new file asks for; the umask takes away from it."""
_TRIES = 100
"""How many names a temporary file tries before giving up."""


def checked_path(path: object, field: str = "path") -> str:
    """
    *path* as a string, if it can name a file; else a clear error.

    Raises:
        InvalidTypeError: If *path* is not a ``str`` or `os.PathLike` of
            one (bytes, None, a number).
        InvalidValueError: If it is empty, or holds a NUL character or
            text the system cannot make a file name of (a lone surrogate).
    """
    try:
        where = os.fspath(path)  # type: ignore[call-overload]
    except TypeError:
        where = None
    if not isinstance(where, str):
        raise InvalidTypeError(
            field, path, "must be a path: a str or an os.PathLike"
        )
    if not where:
        raise InvalidValueError(field, where, "is empty: it names no file")
    if "\x00" in where:
        raise InvalidValueError(
            field, where, "holds a NUL character, which no file name can"
        )
    try:
        os.fsencode(where)
    except UnicodeEncodeError:
        raise InvalidValueError(
            field, where, "holds text the system cannot make a file name of"
        ) from None
    return where


def os_error(exc: OSError, path: object, doing: str) -> StoreError:
    """
    The error to raise for *exc*, met *doing* something to *path*.

    A missing file or folder is a `MissingFileError`, a folder where a
    file should be an `IsAFolderError`, anything else a `StoreError`; each
    names the path and says why in words.
    """
    where = str(path)
    if isinstance(exc, FileNotFoundError):
        folder = Path(where).parent
        reason = (
            f"cannot be {doing}: there is no folder {str(folder)!r}"
            if doing != "read" and not folder.is_dir()
            else "no such file"
        )
        return MissingFileError("path", where, reason)
    if isinstance(exc, IsADirectoryError):
        return IsAFolderError(
            "path", where, f"is a folder, not a file: nothing was {doing}"
        )
    reason = (exc.strerror or str(exc)).lower()
    return StoreError("path", where, f"cannot be {doing}: {reason}")


def create(path: str | os.PathLike[str]) -> bool:
    """
    Create *path* empty, unless it exists; return whether it was created.

    Raises:
        FileNotFoundError: If its folder does not exist.
        OSError: If it cannot be created for another reason.
    """
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _MODE)
    except FileExistsError:
        return False
    os.close(handle)
    return True


def _temporary(target: Path) -> tuple[int, Path]:
    """
    A new file beside *target*, open for writing, and its path.
    """
    for _ in range(_TRIES):
        name = f".{target.name}.{secrets.token_hex(6)}.tmp"
        path = target.with_name(name)
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
            return os.open(path, flags, _MODE), path
        except FileExistsError:
            continue
    raise FileExistsError(f"no free name for a temporary file beside {target}")


def replace(path: str | os.PathLike[str], text: str) -> None:
    """
    Write *text* to *path* atomically, as UTF-8, line ends as they are.

    The text goes to a temporary file beside *path*, is synced to disk and
    renamed over it, and the folder is synced: a reader sees the old file
    or the new one, never half of one, and a write that returned survives
    a crash. A new file gets the user's usual permissions; a file replaced
    keeps its mode. If anything fails, the temporary file is removed and
    *path* is as it was.

    Raises:
        UnicodeEncodeError: If *text* is not Unicode text (it holds a lone
            surrogate); nothing is created.
        FileNotFoundError: If the folder does not exist.
        OSError: If the file cannot be written.
    """
    data = text.encode("utf-8")
    target = Path(path)
    handle, temporary = _temporary(target)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        try:
            mode = target.stat().st_mode & 0o777
        except FileNotFoundError:
            pass  # a new file: the mode it was made with
        else:
            temporary.chmod(mode)
        temporary.replace(target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    folder = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)
