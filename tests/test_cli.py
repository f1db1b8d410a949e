"""
Tests for the command line: claimtrack.cli.main and python -m claimtrack.

Most tests call main() in this process; a few run the command as a
subprocess, as a shell user would.
"""

import contextlib
import csv
import doctest
import importlib
import io
import json
import os
import re
import runpy
import shlex
import shutil
import sqlite3
import subprocess
import sys
import tomllib
from importlib.metadata import PackageNotFoundError
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack import _cli, _tracker
from claimtrack._cli import _context, _output, _reading
from claimtrack._journals import _sqlite
from claimtrack.cli import ExitCode, main


ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_821ae99d464d4b5b.txt"
T0 = "2025-02-04T18:00:00+00:00"
T1 = "2025-02-05T09:10:00+00:00"


# -- running docs/cli.md's shell sessions -------------------------------------

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
    The shell sessions of docs/cli.md and the README run, and print what
    the pages show.
    """

    @pytest.mark.parametrize(
        ("page", "commands"), [("docs/cli.md", 40), ("README.md", 5)]
    )
    def test_sessions(self, session_folder, monkeypatch, page, commands):
        """
        Every command of the page's shell sessions prints what the page
        says it does.
        """
        monkeypatch.setattr(os, "environ", dict(os.environ))
        results = transcripts(ROOT / page, session_folder)

        assert commands <= len(results)
        differ = [
            f"$ {command}\n--- the page:\n{expected}--- printed:\n{got}"
            for command, expected, got in results
            if not same_output(expected, got)
        ]
        assert [] == differ


# -- running main() in this process -------------------------------------------


class Result:
    """
    What a command did: its exit code, and what it wrote where.
    """

    def __init__(self, code, out, err):
        self.code = code
        self.out = out
        self.err = err

    @property
    def json(self):
        """
        The output, read as JSON.
        """
        return json.loads(self.out)

    def __repr__(self):
        """
        Show all three, for failed assertions.
        """
        return f"Result({self.code!r}, {self.out!r}, {self.err!r})"


@pytest.fixture
def cli(tmp_path, capsys, monkeypatch):
    """
    Run main() in tmp_path, where the store is claims.db by default.
    """
    monkeypatch.chdir(tmp_path)
    for name in ("CLAIMTRACK_DB", "CLAIMTRACK_USER", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)

    def run(*args):
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run


def ok(result):
    """
    Check that a command succeeded, writing nothing to stderr but notes
    of the formats it read.
    """
    assert 0 == result.code, result
    notes = result.err.splitlines()
    assert all(n.startswith("claimtrack: reading ") for n in notes), result
    return result


def failed(result, code, *words):
    """
    Check that a command failed with *code*, nothing on stdout, and its
    error one line on stderr (after any notes), naming *words*.
    """
    assert code == result.code, result
    assert "" == result.out
    *notes, error = result.err.splitlines()
    assert error.startswith("claimtrack: error: ")
    assert result.err.endswith("\n")
    assert all(n.startswith("claimtrack: reading ") for n in notes)
    for word in words:
        assert word in error
    return result


OFFER = [
    "add-claim",
    "El Salvador offered to accept US deportees of any nationality",
    "--id=offer",
    "--speaker=Rubio",
    "--said=Monday",
    "--source=indiatv-2025-02-04",
    "--quote=has offered to accept US deportees of any nationality",
    "--subject=President of El Salvador",
    "--predicate=offered_to_accept",
    "--object=US deportees of any nationality",
    "--tag=deportation",
]
AGREED = [
    "add-claim",
    "Bukele has agreed to a migration agreement",
    "--id=agreed",
    "--speaker=Rubio",
    "--said=Monday",
    "--source=indiatv-2025-02-04",
    "--quote=has agreed to the most unprecedented",
    "--subject=the-agreement",
    "--predicate=status",
    "--object=agreed",
    "--valid=Monday",
]
FINALIZING = [
    "add-claim",
    "El Salvador and the US are finalizing a migration agreement",
    "--id=finalizing",
    "--speaker=Bukele",
    "--said=Monday",
    "--source=indiatv-2025-02-04",
    "--quote=they were finalizing one",
    "--subject=the-agreement",
    "--predicate=status",
    "--object=being finalized",
    "--valid=Monday",
]

SEED_SESSION = [
    ["init"],
    [
        "add-source",
        "indiatv-2025-02-04",
        "--publisher",
        "India TV",
        "--published",
        "2025-02-04",
        "--derived-from",
        "ap",
        "--text-file",
        str(SEED),
    ],
    ["add-actor", "rubio", "Marco Rubio", "--alias", "Rubio"],
    ["add-actor", "bukele", "Nayib Bukele", "--alias", "Bukele"],
    ["declare", "status", "--single-valued"],
    OFFER,
    AGREED,
    FINALIZING,
    ["corroborate", "offer", "--evidence", "finalizing"],
]
"""The seed article's session: a store, its source, speakers, claims."""


@pytest.fixture(scope="module")
def article_store(tmp_path_factory):
    """
    A store holding the seed article, three actors and three claims, made
    once for the module.
    """
    path = tmp_path_factory.mktemp("article") / "claims.db"
    common = [f"--db={path}", "--by=analyst", f"--at={T0}"]
    for command in (
        ["init"],
        [
            "add-source",
            "indiatv-2025-02-04",
            "--title=Rubio says El Salvador offered to accept US deportees",
            "--publisher=India TV",
            "--published=2025-02-04",
            "--language=en",
            "--derived-from=ap",
            f"--text-file={SEED}",
        ],
        [
            "add-actor",
            "rubio",
            "Marco Rubio",
            "--role=US Secretary of State",
            "--alias=Rubio",
        ],
        [
            "add-actor",
            "bukele",
            "Nayib Bukele",
            "--role=President of El Salvador",
            "--alias=Bukele",
        ],
        [
            "add-actor",
            "us-officials",
            "--kind=group",
            "--role=US officials",
            "--alias=officials",
        ],
        ["declare", "status", "--single-valued"],
        OFFER,
        AGREED,
        FINALIZING,
    ):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert 0 == main([*command, *common]), (command, out.getvalue())
    return path


@pytest.fixture
def article(cli, article_store, tmp_path):
    """
    cli, on a copy of the article's store.
    """
    shutil.copyfile(article_store, tmp_path / "claims.db")
    return cli


def store_events(path="claims.db"):
    """
    The events a store holds, as the JSON document writes them.
    """
    assert Path(path).is_file()
    with ct.Tracker.open(path) as tracker:
        return json.loads(tracker.to_json())["events"]


# -- the shell ----------------------------------------------------------------


def shell(folder, *args, stdin=None):
    """
    Run ``python -m claimtrack`` in *folder*, as a shell user would.
    """
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "CLAIMTRACK_USER": "analyst",
    }
    env.pop("CLAIMTRACK_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "claimtrack", *args],
        cwd=folder,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


class TestShell:
    """
    The command, run as a process, on the seed article.
    """

    def test_seed_article_end_to_end(self, tmp_path):
        """
        init, add, corroborate, rate, contradictions, show, claims,
        history, report and export, each a process, on the seed article.
        """

        def run(*args):
            done = shell(tmp_path, *args, f"--at={T0}")
            assert (0, "") == (done.returncode, done.stderr), done
            return done.stdout

        outputs = [run(*command) for command in SEED_SESSION]
        assert "created the claimtrack store claims.db" in outputs[0]
        assert "indiatv-2025-02-04\n" == outputs[1]
        assert "offer\n" == outputs[5]
        assert "offer: corroborated (2 independent lineages" in outputs[8]
        assert "offer: mixed\n" == run(
            "rate", "offer", "half-true", "--scale", "politifact"
        )
        conflicts = json.loads(run("contradictions", "agreed", "--json"))
        assert [("finalizing", "value-conflict")] == [
            (c["other"], c["kind"]) for c in conflicts
        ]
        shown = run("show", "offer")
        assert "status       mixed" in shown
        assert "has offered to accept US deportees" in shown
        assert ["offer", "agreed", "finalizing"] == [
            line.split()[0] for line in run("claims").splitlines()[1:]
        ]
        assert ["claim-added", "evidence-added", "verdict-set"] == [
            e["kind"] for e in json.loads(run("history", "offer", "--json"))
        ]
        document = run("export")
        tracker = ct.Tracker.from_json(document)
        assert 3 == len(tracker)
        assert ct.Status.MIXED == tracker.status("offer")
        assert "wrote the html report report.html\n" == run("report")
        assert (tmp_path / "report.html").stat().st_size > 0
        reviews = json.loads(run("export", "--format", "claimreview"))
        assert [("ClaimReview", "half-true")] + [("Claim", None)] * 2 == [
            (r["@type"], r.get("reviewRating", {}).get("alternateName"))
            for r in reviews
        ]

        missing = shell(tmp_path, "show", "nothing")
        assert (3, "") == (missing.returncode, missing.stdout)
        assert missing.stderr == (
            "claimtrack: error: id='nothing': nothing in the tracker has "
            "this id\n"
        )

    def test_errors_as_a_shell_sees_them(self, tmp_path):
        """
        A usage error exits 2 with argparse's message; a missing store
        exits 66; neither shows a traceback.
        """
        usage = shell(tmp_path, "frobnicate")
        missing = shell(tmp_path, "claims")

        assert 2 == usage.returncode
        assert "invalid choice: 'frobnicate'" in usage.stderr
        assert 66 == missing.returncode
        assert "Traceback" not in usage.stderr + missing.stderr
        assert "claimtrack init" in missing.stderr
        assert not (tmp_path / "claims.db").exists()


# -- the program --------------------------------------------------------------


class TestProgram:
    """
    The program as a whole: help, version, usage errors, python -m.
    """

    def test_help_lists_commands_and_exit_codes(self, cli):
        """
        --help lists every command and every exit code, and exits 0.
        """
        result = cli("--help")

        assert 0 == result.code
        for command in _cli._COMMANDS:
            assert f"    {command.name} " in result.out
        for code in ExitCode:
            if code:
                assert f"\n  {code.value} " in result.out

    def test_command_help(self, cli):
        """
        Each command has its own --help.
        """
        result = cli("add-claim", "--help")

        assert 0 == result.code
        assert "--speaker SPEAKER" in result.out
        assert "--db PATH" in result.out

    def test_version(self, cli, monkeypatch):
        """
        --version prints the installed version, or says it is not
        installed.
        """
        assert f"claimtrack {ct.__version__}\n" == cli("--version").out

        def missing(name):
            raise PackageNotFoundError(name)

        monkeypatch.setattr("importlib.metadata.version", missing)
        assert "claimtrack (not installed)\n" == cli("--version").out

    @pytest.mark.parametrize(
        "args",
        [
            [],
            ["frobnicate"],
            ["claims", "--frobnicate"],
            ["add-claim", "no speaker"],
            ["rate", "offer"],
            ["import"],
            ["export", "--format", "yaml"],
            ["init", "--min-sources", "two"],
        ],
    )
    def test_usage_errors(self, cli, args):
        """
        A wrong command line exits 2 with argparse's message, on one line
        that says where the usage is.
        """
        result = cli(*args)

        failed(result, ExitCode.USAGE, "(see 'claimtrack")
        assert "--help')\n" in result.err

    def test_common_options_before_or_after(self, cli, tmp_path):
        """
        --db and --json work before the command's name or after it.
        """
        ok(cli("--db", "a.db", "init"))
        ok(cli("init", "--db", "b.db"))

        assert (tmp_path / "a.db").exists()
        assert (tmp_path / "b.db").exists()
        assert (
            2
            == cli("--db", "a.db", "--json", "init").json["policy"][
                "min_sources"
            ]
        )
        assert cli("--db", "b.db", "init", "--json").json["db"] == "b.db"

    def test_db_from_the_environment(self, cli, tmp_path, monkeypatch):
        """
        $CLAIMTRACK_DB names the store when --db does not.
        """
        monkeypatch.setenv("CLAIMTRACK_DB", "env.db")
        ok(cli("init"))

        assert (tmp_path / "env.db").exists()
        assert not (tmp_path / "claims.db").exists()

    def test_python_m(self, monkeypatch, capsys):
        """
        python -m claimtrack runs main() and exits with its code;
        importing the module runs nothing.
        """
        monkeypatch.setattr(sys, "argv", ["claimtrack", "--version"])
        with pytest.raises(SystemExit) as e:
            runpy.run_module("claimtrack", run_name="__main__")
        assert 0 == e.value.code
        assert capsys.readouterr().out.startswith("claimtrack ")

        importlib.import_module("claimtrack.__main__")
        assert "" == capsys.readouterr().out

    def test_console_script(self):
        """
        Installing claimtrack installs the claimtrack command.
        """
        project = tomllib.loads((ROOT / "pyproject.toml").read_text())

        assert (
            "claimtrack.cli:main"
            == project["project"]["scripts"]["claimtrack"]
        )

    def test_exit_codes_are_documented(self):
        """
        docs/cli.md's table lists every exit code.
        """
        page = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")

        for code in ExitCode:
            assert f"\n| {code.value} | " in page


# -- init ---------------------------------------------------------------------


class TestInit:
    """
    init creates a store, and never overwrites another file.
    """

    def test_creates_then_finds(self, cli, tmp_path):
        """
        init creates the store; again, it says the store is there.
        """
        first = ok(cli("init", "--min-sources", "3", "--json")).json
        again = ok(cli("init")).out

        assert {
            "db": "claims.db",
            "created": True,
            "policy": {"min_sources": 3},
        } == first
        assert "claims.db is already a claimtrack store (min_sources=3)\n" == (
            again
        )
        with ct.Tracker.open(tmp_path / "claims.db") as tracker:
            assert 3 == tracker.policy.min_sources

    def test_other_policy_refused(self, cli):
        """
        init with another --min-sources than the store's is bad data.
        """
        ok(cli("init"))

        failed(cli("init", "--min-sources", "3"), 65, "policy=")

    def test_bad_min_sources(self, cli, tmp_path):
        """
        --min-sources 0 is bad data, and creates nothing.
        """
        failed(cli("init", "--min-sources", "0"), 65, "min_sources=0")

        assert not (tmp_path / "claims.db").exists()

    def test_refuses_to_overwrite_a_text_file(self, cli, tmp_path):
        """
        init leaves a file that is not a store as it was, and exits 73.
        """
        notes = tmp_path / "notes.txt"
        notes.write_text("my notes\n")

        failed(cli("--db", "notes.txt", "init"), 73, "notes.txt", "alone")

        assert "my notes\n" == notes.read_text()

    def test_refuses_another_sqlite_file(self, cli, tmp_path):
        """
        init leaves another program's SQLite file as it was.
        """
        other = sqlite3.connect(tmp_path / "other.db")
        other.execute("create table x (a)")
        other.commit()
        other.close()
        before = (tmp_path / "other.db").read_bytes()

        failed(cli("--db", "other.db", "init"), 73, "not a claimtrack store")

        assert before == (tmp_path / "other.db").read_bytes()

    def test_refuses_a_folder(self, cli, tmp_path):
        """
        init on a folder, or in a folder that does not exist, exits 73.
        """
        (tmp_path / "folder").mkdir()

        failed(cli("--db", "folder", "init"), 73, "folder")
        failed(cli("--db", "nowhere/claims.db", "init"), 73, "nowhere")

    def test_empty_file_becomes_a_store(self, cli, tmp_path):
        """
        An empty file is no one's data: init makes it a store.
        """
        (tmp_path / "claims.db").touch()

        assert ok(cli("init", "--json")).json["created"]

    @staticmethod
    def init_while_another_writes(cli, path):
        """
        Run init while another connection holds the file's write lock.
        """
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("begin immediate")
        try:
            return cli("--timeout", "0.05", "init")
        finally:
            holder.execute("rollback")
            holder.close()

    def test_busy(self, cli, tmp_path):
        """
        init of a new store waits for another writer, then exits 75.
        """
        result = self.init_while_another_writes(cli, tmp_path / "claims.db")

        failed(result, 75, "another process is writing", "try again")

    def test_existing_store_while_another_writes(self, cli, tmp_path):
        """
        init of a store that exists only reads it: another writer's lock
        does not hold it up.
        """
        ok(cli("init"))
        result = self.init_while_another_writes(cli, tmp_path / "claims.db")

        assert "already a claimtrack store" in ok(result).out


# -- adding -------------------------------------------------------------------


class TestAddSource:
    """
    add-source: a source, with its text from the line, a file or stdin.
    """

    def test_from_a_file(self, article):
        """
        --text-file reads the text exactly, so quotes are found in it.
        """
        source = ok(article("--json", "show", "indiatv-2025-02-04")).json

        assert "source" == source["type"]
        assert SEED.read_text(encoding="utf-8") == source["source"]["text"]
        assert ["ap"] == source["source"]["derived_from"]
        assert ["offer", "agreed", "finalizing"] == [
            c["claim"]["id"] for c in source["claims"]
        ]

    def test_inline_and_stdin(self, cli, monkeypatch):
        """
        --text gives the text; --text-file - reads it from stdin.
        """
        ok(cli("init"))
        monkeypatch.setattr(sys, "stdin", io.StringIO("From stdin."))

        assert "s1\n" == ok(cli("add-source", "s1", "--text", "Inline.")).out
        ok(cli("add-source", "s2", "--text-file", "-"))

        with ct.Tracker.open("claims.db") as tracker:
            assert "Inline." == tracker.source("s1").text
            assert "From stdin." == tracker.source("s2").text

    def test_json_is_the_documents_shape(self, cli):
        """
        --json writes the source as the whole-tracker document does.
        """
        ok(cli("init"))
        written = cli(
            "add-source", "s", "--published", "February 2025", "--json"
        ).json

        assert written == store_events()[0]["payload"]
        assert "month" == written["published"]["precision"]

    def test_missing_file(self, cli):
        """
        A --text-file that does not exist exits 66, adding nothing.
        """
        ok(cli("init"))

        failed(
            cli("add-source", "s", "--text-file", "nowhere.txt"),
            66,
            "text_file='nowhere.txt'",
            "no such file",
        )
        assert [] == store_events()

    def test_not_utf8(self, cli, tmp_path):
        """
        A --text-file that is not UTF-8 is bad data.
        """
        ok(cli("init"))
        (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))

        failed(
            cli("add-source", "s", "--text-file", "latin1.txt"),
            65,
            "is not UTF-8",
        )

    def test_published_in_words(self, cli):
        """
        --published reads words, and needs --dayfirst or --monthfirst
        for a date that reads two ways.
        """
        ok(cli("init"))

        failed(
            cli("add-source", "s", "--published=03/02/2025"),
            65,
            "published='03/02/2025'",
            "--dayfirst or --monthfirst",
        )
        source = cli(
            "add-source",
            "s",
            "--published=03/02/2025",
            "--dayfirst",
            "--json",
        ).json
        other = cli("add-source", "t", "--published=4 Feb 2025", "--json")

        assert "2025-02-03" == source["published"]["earliest"]
        assert "2025-02-04" == other.json["published"]["earliest"]

    def test_text_or_file(self, cli):
        """
        --text and --text-file do not go together.
        """
        result = cli("add-source", "s", "--text", "a", "--text-file", "b")

        assert 2 == result.code

    @pytest.mark.parametrize(
        ("args", "words"),
        [
            (["--url", "ftp://example.com"], "url="),
            (["--published", "yesterday"], "published='yesterday'"),
            (["--language", "english!"], "language="),
        ],
    )
    def test_bad_fields(self, cli, args, words):
        """
        A bad field is bad data, and adds nothing.
        """
        ok(cli("init"))

        failed(cli("add-source", "s", *args), 65, words)
        assert [] == store_events()

    def test_taken_id(self, article):
        """
        An id taken by something different is bad data.
        """
        failed(
            article("add-source", "rubio", "--title", "x"),
            65,
            "id='rubio'",
        )


class TestAddActor:
    """
    add-actor: people, organizations, governments and groups.
    """

    def test_group_without_name(self, article):
        """
        A group may have no name; --alias may be given many times.
        """
        shown = ok(article("show", "officials", "--json")).json

        assert {
            "id": "us-officials",
            "name": None,
            "aliases": ["officials"],
            "role": "US officials",
            "kind": "group",
        } == shown["actor"]

    def test_person_needs_a_name(self, cli):
        """
        A person without a name is bad data.
        """
        ok(cli("init"))

        failed(cli("add-actor", "someone"), 65, "name=None")

    def test_again_is_the_same(self, article):
        """
        Adding an equal actor again prints its id and adds nothing.
        """
        before = store_events()

        assert (
            "bukele\n"
            == ok(
                article(
                    "add-actor",
                    "bukele",
                    "Nayib Bukele",
                    "--role=President of El Salvador",
                    "--alias=Bukele",
                )
            ).out
        )
        assert before == store_events()


class TestAddClaim:
    """
    add-claim: a claim with its speaker, date, quote and proposition.
    """

    def test_quote_date_and_proposition(self, article):
        """
        The quote is found in the source, Monday is read against its
        date, and the proposition's subject is resolved to an actor.
        """
        claim = ok(article("show", "offer", "--json")).json["claim"]

        assert "rubio" == claim["speaker"]
        assert "2025-02-03" == claim["said"]["earliest"]
        assert "Monday" == claim["said"]["text"]
        assert (
            SEED.read_text(encoding="utf-8")[
                claim["span"]["start"] : claim["span"]["end"]
            ]
            == claim["span"]["exact"]
        )
        assert "bukele" == claim["proposition"]["subject"]
        assert ["deportation"] == claim["tags"]

    def test_derived_id_printed(self, article):
        """
        Without --id, the stable derived id is printed, and adding the
        same claim again prints it again and adds nothing.
        """
        args = [
            "add-claim",
            "Rubio visited El Salvador",
            "--speaker=rubio",
            "--said=2025-02-03",
            f"--at={T0}",
        ]
        first = ok(article(*args)).out
        events = store_events()

        assert re.fullmatch(r"claim-[0-9a-f]{16}\n", first)
        assert first == ok(article(*args)).out
        assert events == store_events()

    def test_occurrence_reported_by_and_denied(self, article):
        """
        --occurrence picks a repeated quote; --reported-by records relays;
        --denied makes a denied proposition.
        """
        claim = article(
            "add-claim",
            "Bukele denies that the agreement is final",
            "--speaker=officials",
            "--source=indiatv-2025-02-04",
            "--quote=Bukele",
            "--occurrence=1",
            "--reported-by=rubio",
            "--subject=the-agreement",
            "--predicate=status",
            "--object=final",
            "--denied",
            "--json",
        ).json

        assert 2065 == claim["span"]["start"]
        assert ["rubio"] == claim["reported_by"]
        assert "denied" == claim["proposition"]["polarity"]
        shown = ok(article("show", claim["id"])).out
        assert "proposition  the-agreement · status · final (denied)\n" in (
            shown
        )
        assert "reported by  rubio\n" in shown

    @pytest.mark.parametrize(
        ("number", "unit", "expected"),
        [
            ("43", "migrants", {"quantity": 43, "unit": "migrants"}),
            ("2.50", None, {"quantity": {"decimal": "2.50"}, "unit": None}),
            ("1e3", "km", {"quantity": 1000, "unit": "km"}),
        ],
    )
    def test_quantity(self, article, number, unit, expected):
        """
        --quantity makes a numeric object: a whole number, or an exact
        decimal; --unit gives its unit.
        """
        args = [
            "add-claim",
            "A count",
            "--speaker=officials",
            "--subject=flight",
            "--predicate=carried",
            f"--quantity={number}",
        ]
        if unit:
            args.append(f"--unit={unit}")

        claim = ok(article(*args, "--json")).json

        assert expected == claim["proposition"]["object"]

    def test_bad_quantity(self, article):
        """
        A quantity that is not a finite number is bad data.
        """
        for number in ("many", "nan", "inf"):
            failed(
                article(
                    "add-claim",
                    "x",
                    "--speaker=rubio",
                    "--subject=a",
                    "--predicate=b",
                    f"--quantity={number}",
                ),
                65,
                f"quantity='{number}'",
            )

    @pytest.mark.parametrize(
        "args",
        [
            ["--subject=a"],
            ["--subject=a", "--predicate=b"],
            ["--denied"],
            ["--unit=km"],
            ["--subject=a", "--predicate=b", "--object=c", "--unit=km"],
            ["--object=c", "--quantity=1"],
            ["--dayfirst", "--monthfirst"],
        ],
    )
    def test_options_that_do_not_go_together(self, article, args):
        """
        A proposition needs subject, predicate and object; --unit needs
        --quantity; --object and --quantity, --dayfirst and --monthfirst
        exclude each other: usage errors.
        """
        result = article("add-claim", "x", "--speaker=rubio", *args)

        failed(result, 2, "(see 'claimtrack add-claim --help')")

    def test_dayfirst(self, article):
        """
        A numeric date that reads two ways needs --dayfirst or
        --monthfirst.
        """
        args = [
            "add-claim",
            "Rubio spoke",
            "--speaker=rubio",
            "--said=03/02/2025",
        ]

        failed(
            article(*args),
            65,
            "said='03/02/2025'",
            "day-first",
            "(on the command line: --dayfirst or --monthfirst)",
        )
        day = article(*args, "--dayfirst", "--json").json["said"]
        month = article(*args, "--monthfirst", "--json").json["said"]
        assert ("2025-02-03", "2025-03-02") == (
            day["earliest"],
            month["earliest"],
        )

    @pytest.mark.parametrize(
        ("args", "code", "words"),
        [
            (["--speaker=Trump"], 3, "speaker='Trump'"),
            (["--speaker=rubio", "--said=next week-ish"], 65, "said="),
            (["--speaker=rubio", "--source=nowhere"], 3, "source='nowhere'"),
            (
                [
                    "--speaker=rubio",
                    "--source=indiatv-2025-02-04",
                    "--quote=not in the article",
                ],
                65,
                "quote='not in the article'",
            ),
            (
                [
                    "--speaker=rubio",
                    "--source=indiatv-2025-02-04",
                    "--quote=Bukele",
                ],
                65,
                "choose one (on the command line: --occurrence N)",
            ),
            (["--speaker=rubio", "--quote=alone"], 65, "needs a source"),
            (["--speaker=rubio", "--valid=Monday"], 65, "valid="),
            (["--speaker=rubio", "--id=rubio"], 65, "id='rubio'"),
            (["--speaker=rubio", "--at=yesterday"], 65, "at='yesterday'"),
            (["--speaker=rubio", "--at=2025-02-05T09:00"], 65, "time zone"),
            (["--speaker=Trump", "--source=nowhere"], 3, "source='nowhere'"),
            (
                ["--speaker=Trump", "--said=03/02/2025"],
                65,
                "--dayfirst or --monthfirst",
            ),
        ],
    )
    def test_bad_claims_change_nothing(self, article, args, code, words):
        """
        A claim the tracker refuses exits with the error's code, names
        the field and value, and leaves the store as it was.
        """
        before = store_events()

        failed(article("add-claim", "A claim", *args), code, words)

        assert before == store_events()


class TestCorroborate:
    """
    corroborate: evidence for or against a claim, and its status after.
    """

    def test_subject_confirming(self, article):
        """
        Bukele, the offer's subject, confirming it makes a second lineage.
        """
        result = ok(
            article(
                "corroborate",
                "offer",
                "--evidence",
                "finalizing",
                "--note",
                "Bukele confirms",
            )
        )

        assert (
            "offer: corroborated (2 independent lineages, 2 to corroborate)\n"
            == result.out
        )

    def test_a_quote_of_a_source(self, article):
        """
        --quote cites a span of the source given as --evidence; a reprint
        of the same AP story is set aside, not counted.
        """
        ok(
            article(
                "add-source",
                "reprint",
                "--derived-from=ap",
                f"--text-file={SEED}",
            )
        )

        evidence = ok(
            article(
                "corroborate",
                "offer",
                "--evidence=reprint",
                "--quote=offered to accept US deportees",
                "--json",
            )
        ).json
        shown = ok(article("show", "offer")).out

        ((item,),) = [evidence["items"]]
        assert "reprint" == item["source"]
        assert "offered to accept US deportees" == item["span"]["exact"]
        assert "status       unverified" in shown
        assert "set aside: source reprint [" in shown

    def test_url_refuting_and_evidence_set(self, article):
        """
        A URL may refute; several --evidence make one evidence set.
        """
        ok(
            article(
                "corroborate",
                "agreed",
                "--stance=refutes",
                "--evidence=https://example.com/denial",
            )
        )
        both = article(
            "corroborate",
            "offer",
            "--evidence=finalizing",
            "--evidence=https://example.com/",
            "--json",
        ).json

        assert 2 == len(both["items"])
        assert "refuted" in ok(article("claims", "--status=refuted")).out

    @pytest.mark.parametrize(
        ("args", "code", "words"),
        [
            (["nothing", "--evidence=finalizing"], 3, "claim='nothing'"),
            (["offer", "--evidence=nothing"], 3, "evidence='nothing'"),
            (["nothing", "--evidence=nowhere"], 3, "claim='nothing'"),
            (["offer", "--evidence=offer"], 65, "its own evidence"),
            (["offer", "--evidence=rubio", "--quote=x"], 3, "source='rubio'"),
            (
                [
                    "offer",
                    "--evidence=indiatv-2025-02-04",
                    "--quote=not there",
                ],
                65,
                "quote='not there'",
            ),
        ],
    )
    def test_bad_evidence_changes_nothing(self, article, args, code, words):
        """
        Unknown claims and sources exit 3, bad evidence 65; nothing is
        added.
        """
        before = store_events()

        failed(article("corroborate", *args), code, words)

        assert before == store_events()

    @pytest.mark.parametrize(
        "args",
        [
            ["offer", "--evidence=a", "--evidence=b", "--quote=x"],
            ["offer", "--evidence=a", "--occurrence=1"],
            ["offer"],
            ["offer", "--evidence=a", "--stance=maybe"],
        ],
    )
    def test_usage(self, article, args):
        """
        --quote cites one source; --occurrence goes with --quote;
        --evidence is required; stances are a choice.
        """
        assert 2 == article("corroborate", *args).code


class TestRateAndRetract:
    """
    rate and retract: verdicts and retractions override derived status.
    """

    def test_rate(self, article):
        """
        A verdict gives the claim its status; --json writes the verdict.
        """
        result = ok(article("rate", "offer", "false", "--rationale=No"))
        verdict = ok(
            article(
                "rate",
                "offer",
                "mostly-true",
                "--scale=politifact",
                "--by=editor",
                f"--at={T1}",
                "--json",
            )
        ).json

        assert "offer: false\n" == result.out
        assert {
            "claim": "offer",
            "label": "mostly-true",
            "scale": "politifact",
            "rating": "mostly-true",
            "by": "editor",
            "at": T1,
            "rationale": None,
        } == {k: v for k, v in verdict.items() if k != "id"}

    @pytest.mark.parametrize(
        ("args", "code", "words"),
        [
            (["offer", "maybe"], 65, "label='maybe'"),
            (["offer", "true", "--scale=nope"], 65, "scale='nope'"),
            (["nothing", "true"], 3, "claim='nothing'"),
        ],
    )
    def test_bad_verdicts(self, article, args, code, words):
        """
        A label off its scale, an unknown scale or claim: nothing added.
        """
        before = store_events()

        failed(article("rate", *args), code, words)

        assert before == store_events()

    def test_retract(self, article):
        """
        A retraction makes the claim retracted, and show says so.
        """
        assert (
            "agreed: retracted\n"
            == ok(
                article(
                    "retract",
                    "agreed",
                    "--note=Withdrawn",
                    f"--at={T1}",
                    "--by=analyst",
                )
            ).out
        )
        shown = ok(article("show", "agreed")).out
        again = ok(article("retract", "offer", f"--at={T1}")).out
        first = article("retract", "agreed", "--json").json

        assert "retracted:\n  2025-02-05 09:10Z by analyst: Withdrawn\n" in (
            shown
        )
        assert "offer: retracted\n" == again
        assert (
            "retracted:\n  2025-02-05 09:10Z\n"
            in ok(article("show", "offer")).out
        )
        assert {
            "claim": "agreed",
            "by": "analyst",
            "at": T1,
            "note": "Withdrawn",
        } == first
        failed(article("retract", "nothing"), 3, "claim='nothing'")


class TestContradict:
    """
    contradict and declare: what makes claims conflict.
    """

    def test_contradict(self, article):
        """
        An analyst's link is a contradiction both ways round, and in both
        claims' histories.
        """
        result = ok(
            article(
                "contradict",
                "offer",
                "agreed",
                "--note=Cannot both",
                f"--at={T1}",
                "--by=analyst",
            )
        )
        link = ok(article("contradict", "agreed", "offer", "--json")).json
        history = ok(article("history", "agreed")).out

        assert result.out.startswith("offer and agreed: ")
        assert "analyst linked them: Cannot both" in result.out
        assert ("agreed", "offer", "explicit", "Cannot both", T1) == (
            link["claim"],
            link["other"],
            link["kind"],
            link["note"],
            link["at"],
        )
        assert "contradiction-added  contradicts offer (Cannot both)" in (
            history
        )
        assert "contradicts agreed" in ok(article("history", "offer")).out

    def test_contradict_wraps_on_a_terminal(self, article, monkeypatch):
        """
        The contradiction's reason is wrapped to the terminal's width.
        """
        monkeypatch.setenv("COLUMNS", "40")
        monkeypatch.setattr(sys, "stdout", Terminal())

        assert 0 == main(["contradict", "offer", "agreed"])

        lines = sys.stdout.getvalue().splitlines()
        assert len(lines) > 3
        assert all(len(line) <= 40 for line in lines)

    @pytest.mark.parametrize(
        ("args", "code", "words"),
        [
            (["offer", "offer"], 65, "does not contradict itself"),
            (["offer", "nothing"], 3, "other='nothing'"),
        ],
    )
    def test_bad_links(self, article, args, code, words):
        """
        A claim cannot contradict itself; an unknown claim is not found.
        """
        failed(article("contradict", *args), code, words)

    def test_declare(self, article):
        """
        declare writes the predicate; numbers within the tolerance agree.
        """
        predicate = ok(
            article(
                "declare",
                "carried",
                "--single-valued",
                "--tolerance=5",
                "--tolerance=10%",
                "--inverse=carried_by",
                "--negation=did_not_carry",
                "--json",
            )
        ).json
        for count in ("43", "45", "60"):
            ok(
                article(
                    "add-claim",
                    f"The flight carried {count}",
                    f"--id=c{count}",
                    "--speaker=officials",
                    "--subject=flight",
                    "--predicate=carried",
                    f"--quantity={count}",
                )
            )

        assert {
            "name": "carried",
            "single_valued": True,
            "inverse": "carried_by",
            "negation": "did_not_carry",
            "tolerance": {"absolute": 5, "relative": {"decimal": "0.1"}},
        } == predicate
        assert ["c60"] == [
            c["other"] for c in article("contradictions", "c43", "--json").json
        ]

    @pytest.mark.parametrize(
        ("args", "words"),
        [
            (["--tolerance=some"], "tolerance='some'"),
            (["--tolerance=-5"], "absolute=-5"),
            (["--negation=status"], "negation='status'"),
        ],
    )
    def test_bad_declarations(self, article, args, words):
        """
        A tolerance that is not a number, or negative, or a predicate its
        own negation: bad data.
        """
        failed(article("declare", "status", *args), 65, words)

    def test_redeclared_differently(self, article):
        """
        Declaring a predicate otherwise than it was is a conflict: 65.
        """
        failed(article("declare", "status"), 65, "status")


# -- reading ------------------------------------------------------------------


class TestShow:
    """
    show: a claim with all that bears on it, a source, or an actor.
    """

    def test_claim(self, article):
        """
        show prints the claim's fields, support, evidence, verdicts and
        contradictions.
        """
        ok(
            article(
                "corroborate",
                "agreed",
                "--evidence=finalizing",
                "--note=Bukele's word",
                "--by=analyst",
                f"--at={T1}",
            )
        )
        ok(article("rate", "agreed", "unproven", "--by=editor", f"--at={T1}"))
        shown = ok(article("show", "agreed")).out

        for line in (
            "claim        agreed\n",
            "speaker      rubio (Marco Rubio)\n",
            "said         3 February 2025 (“Monday”)\n",
            "quote        “has agreed to the most unprecedented” [",
            (
                "proposition  the-agreement · status · agreed (valid 3 "
                "February 2025 (“Monday”))\n"
            ),
            "status       unproven\n",
            "support      2 independent lineages (2 to corroborate)\n",
            (
                "  the claim itself (actor:rubio, publisher:india tv, "
                "source:ap)\n"
            ),
            "  claim finalizing (actor:bukele)\n",
            (
                "supports  claim finalizing  analyst  2025-02-05 09:10Z  "
                "Bukele's word\n"
            ),
            "unproven  claimtrack  unproven  editor  2025-02-05 09:10Z\n",
            "value-conflict  finalizing  Marco Rubio (2025-02-03) says",
        ):
            assert line in shown

    def test_claim_json(self, article):
        """
        show --json writes the claim and all that bears on it.
        """
        shown = ok(article("show", "agreed", "--json")).json

        assert {
            "type",
            "claim",
            "status",
            "derived_status",
            "support",
            "evidence",
            "verdicts",
            "retraction",
            "contradictions",
        } == set(shown)
        assert ("disputed", "disputed") == (
            shown["status"],
            shown["derived_status"],
        )
        assert [True] == [x["own"] for x in shown["support"]["lineages"]]
        assert ["finalizing"] == [c["other"] for c in shown["contradictions"]]
        assert None is shown["retraction"]

    def test_sparse_claim(self, article):
        """
        A claim with no date, source or proposition shows what it has.
        """
        ok(
            article(
                "add-claim", "Something", "--id=bare", "--speaker=officials"
            )
        )
        shown = ok(article("show", "bare")).out

        assert [
            "claim    bare",
            "text     Something",
            "speaker  us-officials (US officials)",
            "status   unverified",
            "support  1 independent lineage (2 to corroborate)",
            "",
            "lineages:",
            "  the claim itself (actor:us-officials)",
        ] == shown.splitlines()

    def test_source(self, article):
        """
        A source shows its fields and its claims.
        """
        shown = ok(article("show", "indiatv-2025-02-04")).out

        assert "published     4 February 2025\n" in shown
        assert "derived from  ap\n" in shown
        assert f"{len(SEED.read_text(encoding='utf-8'))} characters" in shown
        assert "\nclaims:\nID  " in shown
        ok(article("add-source", "empty"))
        assert "source  empty\n" == ok(article("show", "empty")).out

    def test_actor_by_id_or_name(self, article):
        """
        An actor is shown by its id or any of its names, with the claims
        it made and those about it.
        """
        by_name = ok(article("show", "President of El Salvador")).out
        by_id = ok(article("show", "bukele", "--json")).json

        assert "actor    bukele\n" in by_name
        assert "\nclaims about them:\n" in by_name
        assert ["finalizing"] == [c["claim"]["id"] for c in by_id["claims"]]
        assert ["offer"] == [c["claim"]["id"] for c in by_id["about"]]
        quiet = ok(article("show", "officials")).out
        assert "claims" not in quiet

    @pytest.mark.parametrize("missing", ["nothing", "Trump"])
    def test_not_found(self, article, missing):
        """
        An id or name nothing has exits 3, naming the id.
        """
        failed(
            article("show", missing),
            3,
            f"id='{missing}': nothing in the tracker has this id",
        )

    def test_ambiguous_name(self, article):
        """
        A name two actors share is an error naming them.
        """
        ok(article("add-actor", "marco", "Marco Polo", "--alias=Marco"))
        ok(article("add-actor", "marco-rubio", "Marco R", "--alias=Marco"))

        failed(article("show", "Marco"), 65, "actor='Marco'")

    def test_reads_little_of_the_store(self, article, monkeypatch):
        """
        A claim's contradictions, and the other claims' speakers, are read
        from the store's indexes, never the whole file.
        """

        def refuse(self):
            raise AssertionError("read the whole file")

        monkeypatch.setattr(_tracker.Tracker, "_whole", refuse)

        assert 1 == len(article("contradictions", "agreed", "--json").json)
        assert (
            "finalizing  bukele" in ok(article("contradictions", "agreed")).out
        )
        with pytest.raises(AssertionError, match="whole file"):
            main(["claims"])


class TestClaims:
    """
    claims: the filters of tracker.claims(), and --status.
    """

    def ids(self, cli, *args):
        """
        The ids of the claims listed.
        """
        return [
            c["claim"]["id"] for c in ok(cli("claims", *args, "--json")).json
        ]

    @pytest.mark.parametrize(
        ("args", "expected"),
        [
            ([], ["offer", "agreed", "finalizing"]),
            (["--speaker=Rubio"], ["offer", "agreed"]),
            (["--subject=Nayib Bukele"], ["offer"]),
            (["--subject=the-agreement"], ["agreed", "finalizing"]),
            (
                ["--source=indiatv-2025-02-04"],
                ["offer", "agreed", "finalizing"],
            ),
            (["--text=FINALIZING one"], ["finalizing"]),
            (["--tag=Deportation"], ["offer"]),
            (["--status=disputed"], ["agreed", "finalizing"]),
            (
                ["--said-between", "2025-02-03", "2025-02-03"],
                ["offer", "agreed", "finalizing"],
            ),
            (["--since=2025-02-04"], []),
            (["--until=2025-02-02"], []),
            (
                [
                    "--since=February 2025",
                    "--until=February 2025",
                    "--speaker=bukele",
                ],
                ["finalizing"],
            ),
        ],
    )
    def test_filters(self, article, args, expected):
        """
        Each filter keeps what tracker.claims() keeps, and they combine.
        """
        assert expected == self.ids(article, *args)

    def test_table(self, article):
        """
        The table has a header and a row per claim, aligned.
        """
        lines = ok(article("claims", "--speaker=rubio")).out.splitlines()

        assert ["ID", "SPEAKER", "SAID", "STATUS", "TEXT"] == lines[0].split()
        assert lines[1].startswith("offer   rubio    2025-02-03  unverified")
        assert {lines[0].index("TEXT")} == {
            line.index(text)
            for line, text in zip(
                lines[1:],
                ["El Salvador offered", "Bukele has agreed"],
                strict=True,
            )
        }

    def test_none(self, article):
        """
        No match: "no claims", or an empty JSON list.
        """
        assert "no claims\n" == ok(article("claims", "--tag=nothing")).out
        assert [] == article("claims", "--tag=nothing", "--json").json

    @pytest.mark.parametrize(
        ("args", "code", "words"),
        [
            (["--speaker=Trump"], 3, "speaker='Trump'"),
            (["--source=nowhere"], 3, "source='nowhere'"),
            (["--since=someday"], 65, "someday"),
            (
                ["--since=2025-03-01", "--until=2025-02-01"],
                65,
                "end is before",
            ),
        ],
    )
    def test_bad_filters(self, article, args, code, words):
        """
        An unknown speaker or source is not found; a bad date is bad data.
        """
        failed(article("claims", *args), code, words)

    @pytest.mark.parametrize(
        "args",
        [
            ["--said-between", "2025-02-01", "2025-02-28", "--since=2025"],
            ["--said-between", "2025-02-01"],
            ["--status=doubtful"],
        ],
    )
    def test_usage(self, article, args):
        """
        --said-between goes alone, with two dates; statuses are a choice.
        """
        assert 2 == article("claims", *args).code


class TestContradictions:
    """
    contradictions: of one claim, or all, with filters.
    """

    def test_all(self, article):
        """
        Without a claim, every conflicting pair once.
        """
        lines = ok(article("contradictions")).out.splitlines()

        assert ["CLAIM", "OTHER", "KIND", "REASON"] == lines[0].split()
        assert lines[1].startswith("agreed  finalizing  value-conflict  ")

    @pytest.mark.parametrize(
        ("args", "expected"),
        [
            ([], [("agreed", "finalizing")]),
            (["--different-speakers"], [("agreed", "finalizing")]),
            (["--same-speaker"], []),
            (["--kind=explicit"], []),
            (
                ["--kind=value-conflict", "--speaker=Bukele"],
                [("agreed", "finalizing")],
            ),
            (["--since=2025-02-04"], []),
            (["finalizing", "--speaker=rubio"], [("finalizing", "agreed")]),
            (["finalizing", "--speaker=bukele"], []),
        ],
    )
    def test_filters(self, article, args, expected):
        """
        Each filter keeps what tracker.contradictions() keeps.
        """
        found = ok(article("contradictions", *args, "--json")).json

        assert expected == [(c["claim"], c["other"]) for c in found]

    def test_none(self, article):
        """
        No contradiction: says so.
        """
        assert (
            "no contradictions\n" == ok(article("contradictions", "offer")).out
        )

    @pytest.mark.parametrize(
        ("args", "code"),
        [
            (["nothing"], 3),
            (["--speaker=Trump"], 3),
            (["--said-between", "x", "2025"], 65),
            (["--same-speaker", "--different-speakers"], 2),
            (["--kind=rumour"], 2),
        ],
    )
    def test_errors(self, article, args, code):
        """
        Unknown claims and speakers exit 3, bad dates 65, usage 2.
        """
        assert code == article("contradictions", *args).code


class TestHistory:
    """
    history: every event of a claim, in order.
    """

    def test_table_and_json(self, article):
        """
        The table and the JSON list the same events, as the document
        writes them.
        """
        ok(
            article(
                "corroborate",
                "offer",
                "--evidence=finalizing",
                "--by=analyst",
                f"--at={T1}",
            )
        )
        ok(article("rate", "offer", "true", "--by=editor", f"--at={T1}"))
        ok(article("retract", "offer", f"--at={T1}"))
        lines = ok(article("history", "offer")).out.splitlines()
        events = ok(article("history", "offer", "--json")).json

        assert [
            "AT                 BY       EVENT            WHAT",
            (
                "2025-02-04 18:00Z  analyst  claim-added      El Salvador "
                "offered to accept US deportees of any nationality"
            ),
            (
                "2025-02-05 09:10Z  analyst  evidence-added   supports: claim "
                "finalizing"
            ),
            "2025-02-05 09:10Z  editor   verdict-set      true on claimtrack",
            "2025-02-05 09:10Z           claim-retracted  retracted",
        ] == lines
        document = [
            e
            for e in store_events()
            if "offer" in (e["payload"].get("id"), e["payload"].get("claim"))
        ]
        assert document == events

    def test_unknown(self, article):
        """
        The history of an unknown claim: not found.
        """
        failed(article("history", "nothing"), 3, "claim='nothing'")


# -- export -------------------------------------------------------------------


class TestExport:
    """
    export: the whole tracker as JSON, or ClaimReview; stdout or a file.
    """

    def test_json_to_stdout_reads_back(self, article):
        """
        The JSON export is the tracker's document: it reads back equal.
        """
        document = ok(article("export")).out

        with ct.Tracker.open("claims.db") as tracker:
            assert ct.Tracker.from_json(document) == tracker
            assert tracker.to_json(indent=1) + "\n" == document

    def test_to_a_file_and_back(self, article, tmp_path):
        """
        -o writes the file; import merges it into another store, which
        then holds the same tracker.
        """
        assert "" == ok(article("export", "-o", "tracker.json")).out
        ok(article("--db", "copy.db", "init"))
        imported = article(
            "--db", "copy.db", "import", "tracker.json", "--json"
        )

        assert "reading tracker.json as json" in imported.err
        ((report,),) = [imported.json]
        assert ("json", 8, 3, 8) == (
            report["format"],
            report["records"],
            len(report["claims"]),
            report["added"],
        )
        assert store_events() == store_events("copy.db")
        assert [] == list(tmp_path.glob(".tracker.json.*"))

    def test_claimreview(self, article):
        """
        The ClaimReview export writes the rated claims, or those chosen.
        """
        ok(article("rate", "offer", "false", "--by=Checks", f"--at={T1}"))
        everything = ok(article("export", "--format=claimreview")).json
        chosen = ok(
            article("export", "--format=claimreview", "--claim=offer")
        ).json

        assert ["ClaimReview", "Claim", "Claim"] == [
            r["@type"] for r in everything
        ]
        assert everything[:1] == chosen
        assert "Checks" == chosen[0]["author"]["name"]

    def test_errors(self, article, tmp_path):
        """
        An unknown claim is not found; --claim only goes with claimreview;
        a file that cannot be written exits 73, leaving nothing behind.
        """
        failed(
            article("export", "--format=claimreview", "--claim=nothing"),
            3,
            "claim='nothing'",
        )
        assert 2 == article("export", "--claim=offer").code
        failed(
            article("export", "-o", "nowhere/tracker.json"),
            73,
            "output='nowhere/tracker.json'",
        )
        (tmp_path / "folder").mkdir()
        failed(article("export", "-o", "folder"), 73, "output='folder'")
        assert [] == list(tmp_path.glob(".folder.*"))

    def test_csv(self, article):
        """
        The CSV export is a kind of record, claims by default, as a table.
        """
        claims = list(
            csv.DictReader(
                io.StringIO(ok(article("export", "--format=csv")).out)
            )
        )
        contradictions = ok(
            article("export", "--format=csv", "--what=contradictions")
        ).out

        assert ["offer", "agreed", "finalizing"] == [r["id"] for r in claims]
        assert list(ct.reports.COLUMNS["claims"]) == list(claims[0])
        assert contradictions.startswith(
            ",".join(ct.reports.COLUMNS["contradictions"])
        )
        assert 2 == article("export", "--format=csv", "--claim=offer").code
        assert 2 == article("export", "--format=csv", "--what=nothing").code


class TestReport:
    """
    report: the HTML page or its Markdown, to a file or stdout.
    """

    def test_html_by_default(self, article, tmp_path):
        """
        The report is report.html, the page the library writes.
        """
        said = ok(article("report")).out

        assert "wrote the html report report.html\n" == said
        with ct.Tracker.open("claims.db") as tracker:
            page = ct.reports.html(tracker)
        assert page == (tmp_path / "report.html").read_text(encoding="utf-8")

    @pytest.mark.parametrize(
        ("args", "fmt"),
        [
            (["-o", "r.md"], "markdown"),
            (["-o", "r.MARKDOWN"], "markdown"),
            (["-o", "r.HTM"], "html"),
            (["-o", "r.md", "--format=html"], "html"),
        ],
    )
    def test_format(self, article, tmp_path, args, fmt):
        """
        The format follows the file's extension unless --format says.
        """
        out = ok(article("report", *args, "--json")).json
        text = (tmp_path / args[1]).read_text(encoding="utf-8")

        assert {"output": args[1], "format": fmt} == out
        assert text.startswith("<!DOCTYPE html>") is (fmt == "html")

    def test_chosen_claims_to_stdout(self, article):
        """
        --claim chooses claims and --title names the report; - is stdout.
        """
        text = ok(
            article(
                "report",
                "-o",
                "-",
                "--format=markdown",
                "--claim=offer",
                "--title=Rubio's offer",
            )
        ).out

        assert text.startswith("# Rubio's offer")
        assert "offer" in text
        assert "finalizing" not in text

    def test_errors(self, article):
        """
        An unknown claim is not found; an unwritable file exits 73.
        """
        failed(article("report", "--claim=nothing"), 3, "'nothing'")
        failed(article("report", "-o", "nowhere/r.html"), 73, "output=")


# -- import -------------------------------------------------------------------

LIAR = (
    "11972.json\ttrue\tBuilding a wall on the U.S.-Mexico border will take "
    "literally years.\timmigration\trick-perry\tGovernor\tTexas\t"
    "republican\t30\t30\t42\t23\t18\tRadio interview\n"
    "5962.json\ttrue\tOver the past five years the federal government has "
    "paid out $601 million in benefits to deceased former federal "
    "employees.\tfederal-budget,pensions\tbrendan-doherty\t\tRhode Island\t"
    "republican\t1\t2\t1\t1\t0\ta campaign website\n"
)
BAD_LIAR = "1.json\tmaybe\tA claim.\t\tsomeone\t\t\t\t0\t0\t0\t0\t0\t\n"
REVIEW = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://checks.example/bridge-cost",
    "claimReviewed": "The new bridge cost 2 billion",
    "author": {"@type": "Organization", "name": "Example Checks"},
    "datePublished": "2021-07-22",
    "reviewRating": {"@type": "Rating", "alternateName": "Mostly False"},
    "itemReviewed": {
        "@type": "Claim",
        "author": {"@type": "Person", "name": "Jane Doe"},
        "datePublished": "2021-07-06",
    },
}
SAMPLES = {
    "liar": ("test.tsv", LIAR),
    "claimreview": ("review.json", json.dumps(REVIEW)),
    "factcheck": (
        "search.json",
        json.dumps(
            {
                "claims": [
                    {
                        "text": "Vaccines contain microchips",
                        "claimant": "Someone",
                        "claimDate": "2020-12-01T00:00:00Z",
                        "claimReview": [
                            {
                                "publisher": {"name": "AFP"},
                                "url": "https://factcheck.afp.com/x",
                                "reviewDate": "2020-12-04T13:27:00Z",
                                "textualRating": "False",
                            }
                        ],
                    }
                ]
            }
        ),
    ),
    "claimskg": (
        "rows.csv",
        (
            ",rating_alternateName,creativeWork_author_name,"
            "claimReview_author_name,claimReview_url,claimReview_claimReviewed,"
            "claimReview_datePublished\r\n"
            "0,False,Someone,checks,https://checks.example/1,A claim.,"
            "2021-07-12\r\n"
        ),
    ),
    "averitec": (
        "dev.json",
        json.dumps(
            [
                {
                    "claim": "A claim.",
                    "label": "Refuted",
                    "claim_date": "1-10-2020",
                    "speaker": "Someone",
                    "questions": [],
                }
            ]
        ),
    ),
    "climate-fever": (
        "climate.jsonl",
        json.dumps(
            {
                "claim_id": "1",
                "claim": "A claim.",
                "claim_label": "SUPPORTS",
                "evidences": [],
            }
        )
        + "\n",
    ),
    "fever": (
        "fever.jsonl",
        json.dumps(
            {
                "id": 1,
                "label": "NOT ENOUGH INFO",
                "claim": "A claim.",
                "evidence": [[[1, None, None, None]]],
            }
        )
        + "\n",
    ),
}


class TestImport:
    """
    import: every format, told from the file or chosen, all or nothing.
    """

    @pytest.mark.parametrize("kind", sorted(SAMPLES))
    def test_every_format_told_and_read(self, cli, tmp_path, kind):
        """
        Each format is told from its file, said so on stderr, and read.
        """
        name, text = SAMPLES[kind]
        (tmp_path / name).write_text(text)
        ok(cli("init"))

        result = cli("import", name)

        assert 0 == result.code
        assert (
            f"claimtrack: reading {name} as {kind} (--format to choose)\n"
            == (result.err)
        )
        assert re.fullmatch(
            rf"{re.escape(name)}: {kind}: \d+ records?, \d+ claims?, "
            r"\d+ events? added\n",
            result.out,
        )
        assert 1 <= len(store_events())

    def test_formats_imported_when_used(self, tmp_path):
        """
        Listing claims imports no format's module; importing a file
        imports its format's, and telling its format asks them all.
        """
        name, text = SAMPLES["fever"]
        (tmp_path / name).write_text(text)
        script = (
            "import json, sys\n"
            "from claimtrack.cli import main\n"
            "main(sys.argv[1:])\n"
            "print(json.dumps(sorted(sys.modules)))\n"
        )

        def formats_after(*args):
            run = subprocess.run(
                [sys.executable, "-c", script, "--db", "claims.db", *args],
                cwd=tmp_path,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
                capture_output=True,
                text=True,
                check=True,
            )
            loaded = json.loads(run.stdout.splitlines()[-1])
            return [
                m.rsplit(".", 1)[1]
                for m in loaded
                if m.startswith("claimtrack.formats.")
            ]

        assert ["_common"] == formats_after("init")
        assert ["_common"] == formats_after("claims")
        chosen = formats_after("import", "--format=fever", name)
        assert "fever" in chosen
        assert "liar" not in chosen
        told = formats_after("import", name)
        assert {"claimreview", "liar", "fever"} <= set(told)

    def test_format_chosen_and_json(self, cli, tmp_path):
        """
        --format reads a file whatever its name; --json reports it.
        """
        (tmp_path / "statements.txt").write_text(LIAR)
        ok(cli("init"))

        (report,) = ok(
            cli("import", "--format=liar", "statements.txt", "--json")
        ).json

        assert {
            "file": "statements.txt",
            "format": "liar",
            "records": 2,
            "claims": ["liar-11972", "liar-5962"],
            "rejected": [],
            "flags": [],
        } == {k: v for k, v in report.items() if k != "added"}
        again = ok(cli("import", "--format=liar", "statements.txt")).out
        assert (
            "statements.txt: liar: 2 records, 2 claims, 0 events added\n"
            == (again)
        )

    def test_strict_names_the_file_and_imports_nothing(self, cli, tmp_path):
        """
        A bad record stops the import: the error names the file and the
        record, exits 65, and nothing of any file is imported.
        """
        (tmp_path / "good.tsv").write_text(LIAR)
        (tmp_path / "bad.tsv").write_text(BAD_LIAR)
        ok(cli("init"))

        failed(
            cli("import", "good.tsv", "bad.tsv"),
            65,
            "bad.tsv: line 1.label='maybe': is not on the politifact scale",
        )
        assert [] == store_events()

    def test_several_files_together(self, cli, tmp_path):
        """
        Several files are imported together, each reported.
        """
        for name, text in SAMPLES.values():
            (tmp_path / name).write_text(text)
        ok(cli("init"))

        reports = ok(
            cli("import", *(name for name, _ in SAMPLES.values()), "--json")
        ).json

        assert sorted(SAMPLES) == sorted(r["format"] for r in reports)
        with ct.Tracker.open("claims.db") as tracker:
            assert {c.id for c in tracker} == {
                claim for r in reports for claim in r["claims"]
            }
            assert 8 == len(tracker)

    def test_lenient_lists_the_rejected(self, cli, tmp_path):
        """
        --lenient imports the good records and lists the others, with
        their reasons; it exits 0.
        """
        (tmp_path / "mixed.tsv").write_text(LIAR + BAD_LIAR)
        ok(cli("init"))

        result = ok(cli("import", "--lenient", "--format=liar", "mixed.tsv"))

        assert [
            "mixed.tsv: liar: 3 records, 2 claims, 8 events added",
            (
                "  rejected line 3: line 3.label='maybe': is not on the "
                "politifact scale (true, mostly-true, half-true, "
                "mostly-false, false, pants-fire)"
            ),
        ] == result.out.splitlines()

    def test_flags_are_counted(self, cli, tmp_path):
        """
        Flagged records are counted in the table, listed in --json.
        """
        undated = dict(REVIEW, itemReviewed={"author": "Multiple sources"})
        (tmp_path / "odd.json").write_text(json.dumps(undated))
        ok(cli("init"))

        table_out = ok(cli("import", "--format=claimreview", "odd.json")).out
        (report,) = ok(
            cli("import", "--format=claimreview", "odd.json", "--json")
        ).json

        assert "  1 flagged (listed with --json)\n" in table_out
        assert [
            (
                "$",
                (
                    "the claimant 'Multiple sources' is no one person: the "
                    "claim's speaker is the unnamed group 'multiple-sources'"
                ),
            )
        ] == [(f["where"], f["message"]) for f in report["flags"]]

    @pytest.mark.parametrize(
        ("name", "data", "words"),
        [
            ("broken.json", b'{"@type": "ClaimReview",', "is not JSON"),
            ("latin1.tsv", "caf\xe9".encode("latin-1"), "is not UTF-8"),
            ("notes.txt", b"just some notes", "cannot tell its format"),
            ("doc.json", b'{"format": "claimtrack", "events": [}', "JSON"),
        ],
    )
    def test_corrupt_files(self, cli, tmp_path, name, data, words):
        """
        A file that does not read as its format is bad data: 65, naming
        the file; nothing is imported.
        """
        (tmp_path / name).write_bytes(data)
        ok(cli("init"))

        failed(cli("import", name), 65, name, words)
        assert [] == store_events()

    def test_missing_file(self, cli, tmp_path):
        """
        A file that does not exist, or a folder, exits 66.
        """
        ok(cli("init"))
        (tmp_path / "folder").mkdir()

        failed(cli("import", "nowhere.json"), 66, "file='nowhere.json'")
        failed(cli("import", "folder"), 66, "file='folder'")

    def test_too_large(self, cli, tmp_path):
        """
        --max-bytes refuses a larger file before reading it, whatever its
        format.
        """
        (tmp_path / "test.tsv").write_text(LIAR)
        (tmp_path / "copy.json").write_text("{}")
        ok(cli("init"))

        failed(cli("import", "--max-bytes=100", "test.tsv"), 65, "over 100")
        failed(
            cli("import", "--max-bytes=1", "--format=json", "copy.json"),
            65,
            "larger than the limit of 1",
        )

    def test_progress(self, cli, tmp_path, monkeypatch):
        """
        --progress shows every count on stderr, a line each when stderr
        is not a terminal; --no-progress shows none.
        """
        monkeypatch.setattr(ct.formats._common, "PROGRESS_EVERY", 1)
        (tmp_path / "test.tsv").write_text(LIAR)
        ok(cli("init"))

        shown = cli("import", "--progress", "test.tsv").err
        hidden = cli("import", "--no-progress", "test.tsv").err
        default = cli("import", "test.tsv").err

        assert shown.endswith(
            "test.tsv: 1 record read\ntest.tsv: 2 records read\n"
        )
        assert "records read" not in hidden + default

    def test_progress_on_a_terminal(self, cli, tmp_path, monkeypatch):
        """
        On a terminal, a long import's count is rewritten in place, and
        a short one shows nothing.
        """
        (tmp_path / "test.tsv").write_text(LIAR)
        ok(cli("init"))
        monkeypatch.setattr(sys, "stderr", Terminal())

        assert 0 == main(["import", "test.tsv", "--json"])
        short = sys.stderr.getvalue()
        monkeypatch.setattr(ct.formats._common, "PROGRESS_EVERY", 2)
        monkeypatch.setattr(sys, "stderr", Terminal())
        assert 0 == main(["import", "test.tsv", "--json"])

        assert "records read" not in short
        assert sys.stderr.getvalue().endswith("test.tsv: 2 records read\r\n")


class TestDetectFormat:
    """
    A file's format, told from its name and beginning.
    """

    @pytest.mark.parametrize(
        ("name", "text", "expected"),
        [
            ("page.html", "<html>", "claimreview"),
            ("page.txt", "  <!doctype html>", "claimreview"),
            ("liar.txt", "\t".join("x" * 14) + "\n", "liar"),
            ("rows.CSV", "a,b\n", "claimskg"),
            ("t.json", '{"format": "claimtrack", "events": []}', "json"),
            ("r.json", '[{"@type": "ClaimReview"}]', "claimreview"),
            (
                "s.json",
                '{"claims": [{"claimReview": [{"textualRating": "False"}]}]}',
                "factcheck",
            ),
            (
                "a.json",
                '[{"claim_date": "1-1-2020", "questions": []}]',
                "averitec",
            ),
            ("c.jsonl", '{"claim_id": "1", "evidences": []}', "climate-fever"),
            (
                "f.jsonl",
                '{"claim": "x", "label": "y", "evidence": []}',
                "fever",
            ),
            ("x.json", '{"something": "else"}', None),
        ],
    )
    def test_formats(self, tmp_path, name, text, expected):
        """
        Each format's name or opening tells it; anything else is None.
        """
        path = tmp_path / name
        path.write_text(text)

        assert expected == ct.formats.detect(path)


# -- errors -------------------------------------------------------------------


class TestStoreErrors:
    """
    A missing, foreign, damaged or busy store: a clear error and a code.
    """

    @pytest.mark.parametrize(
        "args",
        [["claims"], ["show", "x"], ["add-actor", "a", "A"], ["export"]],
    )
    def test_missing_store(self, cli, tmp_path, args):
        """
        Without a store, every command but init exits 66, and creates
        none.
        """
        failed(cli(*args), 66, "db='claims.db'", "claimtrack init")

        assert [] == list(tmp_path.iterdir())

    @pytest.mark.parametrize(
        "args", [["claims"], ["add-actor", "a", "A"], ["report"]]
    )
    def test_missing_store_in_missing_folder(self, cli, tmp_path, args):
        """
        A --db in a folder that does not exist exits 66 with the same one
        line, naming the path, and creates neither folder nor file.
        """
        failed(
            cli("--db", "nowhere/claims.db", *args),
            66,
            "db='nowhere/claims.db'",
            "claimtrack init",
        )

        assert [] == list(tmp_path.iterdir())

    def test_missing_file_is_no_input(self):
        """
        A MissingFileError that reaches main exits 66, as no input.
        """
        error = ct.MissingFileError("path", "gone.json", "no such file")

        assert ExitCode.NO_INPUT == _context.code_of(error)

    def test_not_sqlite(self, cli, tmp_path):
        """
        A --db that is not an SQLite file exits 74, left as it was.
        """
        (tmp_path / "notes.db").write_text("my notes\n")

        failed(cli("--db", "notes.db", "claims"), 74, "not an SQLite file")
        assert "my notes\n" == (tmp_path / "notes.db").read_text()

    def test_other_sqlite_file(self, cli, tmp_path):
        """
        Another program's SQLite file exits 74, its bytes unchanged.
        """
        other = sqlite3.connect(tmp_path / "other.db")
        other.execute("create table x (a)")
        other.commit()
        other.close()
        before = (tmp_path / "other.db").read_bytes()

        failed(cli("--db", "other.db", "claims"), 74, "not a claimtrack")
        assert before == (tmp_path / "other.db").read_bytes()

    def test_folder(self, cli, tmp_path):
        """
        A folder as --db exits 74.
        """
        failed(cli("--db", str(tmp_path), "claims"), 74, "is a folder")

    def test_damaged(self, cli, tmp_path):
        """
        A store damaged past its header exits 74, with SQLite's words.
        """
        ok(cli("init"))
        ok(cli("add-actor", "a", "A"))
        path = tmp_path / "claims.db"
        data = bytearray(path.read_bytes())
        data[100:] = b"\xff" * (len(data) - 100)
        path.write_bytes(bytes(data))

        failed(cli("claims"), 74, "db='claims.db'" if False else "claims.db")

    def test_unreadable_left_to_the_store(self, tmp_path, monkeypatch):
        """
        A file that cannot be checked is not judged foreign: opening it
        as a store reports what is wrong.
        """
        path = tmp_path / "locked.db"
        path.write_text("x")

        def refuse(*args, **kwargs):
            raise PermissionError(13, "Permission denied", str(path))

        monkeypatch.setattr(Path, "open", refuse)

        assert None is _context.foreign(path)

    def test_newer_store(self, cli, tmp_path):
        """
        A store written by a newer claimtrack exits 74, saying so.
        """
        ok(cli("init"))
        db = sqlite3.connect(tmp_path / "claims.db")
        db.execute("update meta set value = '99' where key = 'version'")
        db.commit()
        db.close()

        failed(cli("claims"), 74, "newer than this claimtrack reads")
        failed(cli("init"), 73, "newer than this claimtrack reads")

    def test_sqlite_error_while_reading(self, article, monkeypatch):
        """
        SQLite failing while the store is read exits 74, no traceback.
        """

        def broken(*args, **kwargs):
            raise sqlite3.DatabaseError("database disk image is malformed")

        monkeypatch.setattr(_sqlite, "_read_events", broken)

        failed(article("claims"), 74, "the store cannot be read", "malformed")

    def test_busy(self, article, tmp_path):
        """
        A write while another process holds the lock waits --timeout
        seconds, exits 75, and adds nothing.
        """
        before = store_events()
        holder = sqlite3.connect(tmp_path / "claims.db", isolation_level=None)
        holder.execute("begin immediate")
        try:
            result = article("--timeout=0.05", "add-actor", "trump", "Trump")
        finally:
            holder.execute("rollback")
            holder.close()

        failed(result, 75, "another process is writing")
        assert before == store_events()

    def test_write_that_fails(self, article, monkeypatch):
        """
        A write the file refuses exits 74, and the store is unchanged.
        """
        before = store_events()

        def refuse(self, *args, **kwargs):
            self.rollback()
            raise ct.StoreError("path", "claims.db", "the write failed: disk")

        with monkeypatch.context() as patch:
            patch.setattr(_sqlite.SqliteJournal, "append", refuse)
            result = article("add-actor", "trump", "Trump")

        failed(result, 74, "write failed")
        assert before == store_events()


class TestOtherFailures:
    """
    System errors, interruptions, a closed pipe and bugs.
    """

    def test_os_error(self, article, monkeypatch):
        """
        An OSError (a full disk, say) is one line and exits 74.
        """

        def full(*args, **kwargs):
            raise OSError(28, "No space left on device", "claims.db")

        monkeypatch.setattr(ct.Tracker, "open", full)

        failed(article("claims"), 74, "'claims.db': no space left on device")

    def test_os_error_without_file(self, article, monkeypatch):
        """
        An OSError naming no file is its message.
        """

        def fail(*args, **kwargs):
            raise OSError("something odd")

        monkeypatch.setattr(ct.Tracker, "open", fail)

        failed(article("claims"), 74, "error: something odd")

    def test_interrupted(self, article, monkeypatch):
        """
        Ctrl-C exits 130 without a traceback; the write did not happen.
        """
        before = store_events()

        def interrupt(self, *args, **kwargs):
            raise KeyboardInterrupt

        with monkeypatch.context() as patch:
            patch.setattr(_sqlite.SqliteJournal, "append", interrupt)
            result = article("add-claim", "x", "--speaker=rubio")

        assert (130, "") == (result.code, result.out)
        assert "claimtrack: interrupted\n" == result.err.lstrip("\n")
        assert before == store_events()

    def test_broken_pipe(self, article, monkeypatch):
        """
        When the reader of the output goes away, the command exits 141
        quietly, its stdout pointed at /dev/null.
        """
        read, write = os.pipe()
        os.close(read)
        with os.fdopen(write, "w") as closed:
            monkeypatch.setattr(sys, "stdout", closed)
            code = main(["claims"])
            assert ExitCode.BROKEN_PIPE == code
            closed.write("more")  # goes to /dev/null now
            closed.flush()

    def test_broken_pipe_without_a_file(self, article, monkeypatch):
        """
        A stdout with no file behind it is left alone.
        """

        class Gone(io.StringIO):
            def write(self, text):
                raise BrokenPipeError

        monkeypatch.setattr(sys, "stdout", Gone())

        assert ExitCode.BROKEN_PIPE == main(["claims"])

    def test_bug_shows_its_traceback(self, article, monkeypatch):
        """
        An unexpected exception is not hidden: it propagates.
        """

        def bug(*args, **kwargs):
            raise RuntimeError("a bug")

        monkeypatch.setattr(_reading, "_claims_table", bug)

        with pytest.raises(RuntimeError, match="a bug"):
            main(["claims"])

    @pytest.mark.parametrize(
        ("error", "code"),
        [
            (ct.StoreBusyError("path", "x", "busy"), ExitCode.BUSY),
            (ct.StoreError("path", "x", "bad"), ExitCode.IO_ERROR),
            (ct.UnknownClaimError("claim", "x", "none"), ExitCode.NOT_FOUND),
            (ct.InvalidValueError("x", 1, "bad"), ExitCode.DATA_ERROR),
            (ct.DuplicateIdError("id", "x", "taken"), ExitCode.DATA_ERROR),
            (ct.InvalidTypeError("x", 1, "bad"), ExitCode.DATA_ERROR),
            (
                ct.InvalidFieldsError(
                    "f",
                    [
                        ct.UnknownActorError("speaker", "x", "none"),
                        ct.UnknownSourceError("source", "y", "none"),
                    ],
                ),
                ExitCode.NOT_FOUND,
            ),
            (
                ct.InvalidFieldsError(
                    "f",
                    [
                        ct.UnknownActorError("speaker", "x", "none"),
                        ct.InvalidDateError("said", "y", "bad"),
                    ],
                ),
                ExitCode.DATA_ERROR,
            ),
        ],
    )
    def test_code_of(self, error, code):
        """
        Each kind of claimtrack error has its exit code.
        """
        assert code == _context.code_of(error)


# -- tables -------------------------------------------------------------------


words = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Z")),
    min_size=1,
    max_size=12,
)
cells = st.lists(words, max_size=8).map(" ".join)


class TestTable:
    """
    The table formatter: aligned, fitted, nothing lost.
    """

    @given(
        st.lists(st.tuples(words, cells), min_size=1, max_size=5),
        st.one_of(st.none(), st.integers(min_value=1, max_value=100)),
    )
    def test_fits_and_keeps_every_character(self, rows, width):
        """
        The id column is never cut; the text column is wrapped to fit the
        width (down to 16 columns), keeping every character in order; no
        line ends in a space.
        """
        lines = _output.table(["ID", "TEXT"], rows, width=width, wrap=(1,))
        start = max(2, *(len(i) for i, _ in rows)) + 2
        found = []
        for line in lines[1:]:
            if not line.startswith(" "):
                found.append([line[: start - 2].rstrip(), ""])
            found[-1][1] += line[start:]

        assert all(line == line.rstrip() for line in lines)
        assert [i for i, _ in rows] == [i for i, _ in found]
        assert ["".join(t.split()) for _, t in rows] == [
            "".join(t.split()) for _, t in found
        ]
        if width is not None:
            fits = max(width, start + max(16, 4))
            assert all(len(line) <= fits for line in lines)
        else:
            assert len(rows) + 1 == len(lines)

    def test_example(self):
        """
        A narrow table wraps its text column under its header.
        """
        lines = _output.table(
            ["ID", "TEXT"],
            [["a", "one two three four five six seven eight nine ten"]],
            width=24,
            wrap=(1,),
        )

        assert [
            "ID  TEXT",
            "a   one two three four",
            "    five six seven eight",
            "    nine ten",
        ] == lines

    def test_too_narrow(self):
        """
        A width the table cannot fit: wrapped columns stop at 16, others
        are never cut.
        """
        lines = _output.table(
            ["IDENTIFIER", "TEXT"],
            [["claim-0123456789abcdef", "a b c d e f g h i j k l m n o p"]],
            width=20,
            wrap=(1,),
        )

        assert [
            "IDENTIFIER              TEXT",
            "claim-0123456789abcdef  a b c d e f g h",
            "                        i j k l m n o p",
        ] == lines

    def test_without_headers(self):
        """
        Label-value lines have no header; whitespace runs become spaces.
        """
        assert ["a    x y", "bbb  z"] == _output.table(
            None, [["a", "x\n  y"], ["bbb", "z"]]
        )


class TestNumbers:
    """
    Numbers as the command line reads them.
    """

    @given(st.decimals(allow_nan=False, allow_infinity=False))
    def test_exact(self, number):
        """
        A number reads back as itself: whole numbers as int, others as
        an exact Decimal.
        """
        read = _context._number(str(number), "quantity")

        assert read == number
        assert isinstance(read, int) is (number == number.to_integral_value())


class TestMerge:
    """
    merge: another copy's changes, from a store or a JSON document.
    """

    def test_two_copies_of_a_store(self, article, tmp_path):
        """
        Each copy's new work ends up in the store, once, whatever the order.
        """
        shutil.copy(tmp_path / "claims.db", tmp_path / "theirs.db")
        ok(
            article(
                "--db", "theirs.db", "rate", "offer", "false", f"--at={T1}"
            )
        )
        ok(article("retract", "agreed", f"--at={T1}"))

        merged = ok(article("merge", "theirs.db", "--json")).json
        again = ok(article("merge", "theirs.db")).out

        assert ("store", 1) == (merged["format"], merged["added"])
        assert "offer" in merged["claims"]
        assert again.endswith(", 0 events added\n")
        with ct.Tracker.open("claims.db") as tracker:
            assert ct.Status.FALSE == tracker.status("offer")
            assert ct.Status.RETRACTED == tracker.status("agreed")

    def test_json_document(self, article, tmp_path):
        """
        A JSON document written by export merges in the same way.
        """
        ok(article("export", "-o", "copy.json"))
        ok(article("contradict", "offer", "agreed", f"--at={T1}"))

        assert ", 0 events added\n" in ok(article("merge", "copy.json")).out

    def test_errors(self, article, tmp_path):
        """
        A missing file is no input; a clashing history is bad data, and
        changes nothing.
        """
        failed(article("merge", "nothing.db"), 66, "other='nothing.db'")
        with ct.Tracker.open(tmp_path / "other.db") as other:
            other.add_actor(ct.Actor("rubio", "Someone Else"), at=T0)
        before = store_events()

        failed(article("merge", "other.db"), 65, "rubio")
        assert before == store_events()
