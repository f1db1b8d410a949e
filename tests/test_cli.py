"""
Tests for the command line: claimtrack.cli.main and python -m claimtrack.

Most tests call main() in this process; a few run the command as a
subprocess, as a shell user would.
"""

import contextlib
import doctest
import io
import json
import os
import re
import shlex
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import claimtrack as ct
from claimtrack import _cli
from claimtrack.cli import ExitCode, main


ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_821ae99d464d4b5b.txt"
T0 = "2025-02-04T18:00:00+00:00"
T1 = "2025-02-05T09:10:00+00:00"


# -- running docs/cli.md's shell sessions ------------------------------------

COLUMNS = 79
"""The width of the terminal the docs' sessions are shown in."""

BLOCK = re.compile(
    r"^```(?:console\n(?P<session>.*?)"
    r"|\{code-block\}[^\n]*\n:caption: (?P<name>\S+)\n\n(?P<file>.*?))^```",
    re.MULTILINE | re.DOTALL,
)


class Terminal(io.StringIO):
    """
    Text written to a terminal.
    """

    def isatty(self):
        """
        A terminal: tables fit its width.
        """
        return True


def commands(session):
    """
    Split a ```console session into its commands and what each prints.

    A ``$ `` line is a command (a trailing backslash continues it on the
    next line); the lines up to the next command are what it prints.
    """
    found = []
    lines = iter(session.splitlines())
    for line in lines:
        if line.startswith("$ "):
            command = line[2:]
            while command.endswith("\\"):
                command = command[:-1] + next(lines).strip()
            found.append((command, []))
        else:
            found[-1][1].append(line)
    return [(c, "".join(f"{o}\n" for o in out)) for c, out in found]


def run_command(command, status):
    """
    Run one command of a session, return what it printed (both streams).

    ``claimtrack ARGS`` (or ``python -m claimtrack ARGS``) runs main(ARGS)
    on a terminal; ``export NAME=VALUE`` sets a variable; ``echo $?``
    prints the last exit code.
    """
    words = shlex.split(command)
    if words[0] == "export":
        name, value = words[1].split("=", 1)
        os.environ[name] = value
        return ""
    if words == ["echo", "$?"]:
        return f"{status[-1]}\n"
    if words[:3] == ["python", "-m", "claimtrack"]:
        words = ["claimtrack", *words[3:]]
    assert "claimtrack" == words[0], f"not a claimtrack command: {command}"
    out = Terminal()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        status.append(main(words[1:]))
    return out.getvalue()


def transcripts(page, folder):
    """
    Run the shell sessions of *page* in *folder*, in order.

    A ```console block is a session; a MyST code-block with a caption is a
    file, written into *folder* under its caption where it appears.

    Returns:
        Each command, what the page says it prints, and what it printed.
    """
    status = [0]
    results = []
    for block in BLOCK.finditer(page.read_text(encoding="utf-8")):
        if block["name"]:
            (folder / block["name"]).write_text(block["file"], "utf-8")
            continue
        for command, expected in commands(block["session"]):
            results.append((command, expected, run_command(command, status)))
    return results


def same_output(expected, got):
    """
    Whether *got* is what the page shows, ``...`` standing for any text.
    """
    return doctest.OutputChecker().check_output(
        expected, got, doctest.ELLIPSIS
    )


@pytest.fixture
def session_folder(tmp_path, monkeypatch):
    """
    A folder to run the docs' sessions in, with the seeds beside it.
    """
    (tmp_path / "seeds").symlink_to(ROOT / "seeds")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", str(COLUMNS))
    for name in ("CLAIMTRACK_DB", "CLAIMTRACK_USER"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


class TestDocsPage:
    """
    docs/cli.md's shell sessions run, and print what the page shows.
    """

    def test_sessions(self, session_folder, monkeypatch):
        """
        Every command of docs/cli.md prints what the page says it does.
        """
        monkeypatch.setattr(os, "environ", dict(os.environ))
        results = transcripts(ROOT / "docs" / "cli.md", session_folder)

        assert len(results) > 30
        differ = [
            f"$ {command}\n--- the page:\n{expected}--- printed:\n{got}"
            for command, expected, got in results
            if not same_output(expected, got)
        ]
        assert [] == differ
