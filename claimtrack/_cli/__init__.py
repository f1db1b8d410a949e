"""
The command line: ``claimtrack`` (or ``python -m claimtrack``).

Every subcommand works on the embedded store (``./claims.db``, ``--db``
or ``$CLAIMTRACK_DB``), or a tracker in PostgreSQL named by a
``postgresql://`` URL there. Each one is a `_Command`: a name, a help
line, a function that declares its arguments and a function that runs
it. Output is a readable table, or JSON with ``--json``; an error is one
line on stderr and an exit code from `ExitCode`, and never a traceback
for an error claimtrack or the system reports.

This module holds `main`, the parser and the table of commands; the
commands themselves are in `_adding`, `_judging`, `_reading` and
`_files`, and what they share in `_context` and `_output`.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from typing import TYPE_CHECKING, NoReturn

import attrs

from claimtrack._cli._adding import (
    _add_actor,
    _add_claim,
    _add_source,
    _configure_add_actor,
    _configure_add_claim,
    _configure_add_source,
    _configure_init,
    _init,
)
from claimtrack._cli._checks import (
    MAX_ARGUMENT,
    MAX_TIMEOUT,
    UsageError,
    check_arguments,
    describe,
    one_line,
    seconds,
    shown,
)
from claimtrack._cli._context import (
    _PROGRAM,
    DEFAULT_DB,
    ExitCode,
    _Context,
    _Exit,
    _os_reason,
    code_of,
)
from claimtrack._cli._copying import (
    _configure_copy,
    _configure_watch,
    _copy,
    _watch,
)
from claimtrack._cli._files import (
    _configure_export,
    _configure_import,
    _configure_merge,
    _configure_report,
    _export,
    _import,
    _merge,
    _report,
)
from claimtrack._cli._judging import (
    _configure_contradict,
    _configure_contradictions,
    _configure_corroborate,
    _configure_declare,
    _configure_rate,
    _configure_retract,
    _contradict,
    _contradictions,
    _corroborate,
    _declare,
    _rate,
    _retract,
)
from claimtrack._cli._reading import (
    _claims,
    _configure_claims,
    _configure_history,
    _configure_show,
    _history,
    _show,
)
from claimtrack._cli._statements import _configure_statements, _statements
from claimtrack.exceptions import (
    AmbiguousDateError,
    AmbiguousQuoteError,
    ClaimtrackError,
    InvalidFieldsError,
)


if TYPE_CHECKING:
    from collections.abc import Callable, Sequence


__all__ = ["ExitCode", "main"]


_EPILOG = f"""\
exit codes:
  0    success
  2    usage error: unknown command or option, missing argument, an
       argument that is not UTF-8 text, holds a NUL character or is
       longer than {MAX_ARGUMENT} characters
  3    not found: no claim, source or actor has this id or name
  65   bad data: a bad date, a quote not in the text, a taken id, an
       input file that does not read as its format
  66   no input: an input file or the store does not exist or cannot be
       read (create a store with 'claimtrack init')
  73   cannot create: an output file cannot be written, or init would
       overwrite a file that is not a claimtrack store
  74   I/O error: the store is damaged or not a claimtrack store, a
       write to it failed, or the output's encoding cannot hold the text
  75   busy: another process is writing to the store; try again
  130  interrupted (Ctrl-C)
  141  the reader of the output went away (claimtrack claims | head)

A command that fails changes nothing in the store.

environment:
  CLAIMTRACK_DB    the store, if --db is not given (default: claims.db)
  CLAIMTRACK_USER  who makes the changes, if --by is not given
"""


# -- the commands ------------------------------------------------------------


@attrs.frozen
class _Command:
    """
    A subcommand: its name, help, arguments and what it does.
    """

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, _Context], None]


_COMMANDS = (
    _Command("init", "create the store", _configure_init, _init),
    _Command(
        "import",
        "import claims from files (ClaimReview, datasets, JSON)",
        _configure_import,
        _import,
    ),
    _Command("add-source", "add a source", _configure_add_source, _add_source),
    _Command("add-actor", "add an actor", _configure_add_actor, _add_actor),
    _Command("add-claim", "add a claim", _configure_add_claim, _add_claim),
    _Command(
        "statements",
        "list who said what in a source's text; --accept adds them as claims",
        _configure_statements,
        _statements,
    ),
    _Command(
        "corroborate",
        "add evidence for or against a claim",
        _configure_corroborate,
        _corroborate,
    ),
    _Command("rate", "rate a claim", _configure_rate, _rate),
    _Command(
        "retract",
        "record that a speaker withdrew a claim",
        _configure_retract,
        _retract,
    ),
    _Command(
        "contradict",
        "record that two claims cannot both hold",
        _configure_contradict,
        _contradict,
    ),
    _Command(
        "declare",
        "declare what a predicate means for contradictions",
        _configure_declare,
        _declare,
    ),
    _Command(
        "show",
        "show a claim (status, evidence, verdicts), a source or an actor",
        _configure_show,
        _show,
    ),
    _Command("claims", "list claims", _configure_claims, _claims),
    _Command(
        "contradictions",
        "list contradictions, of one claim or all",
        _configure_contradictions,
        _contradictions,
    ),
    _Command(
        "history", "list a claim's history", _configure_history, _history
    ),
    _Command("export", "write the store out", _configure_export, _export),
    _Command("merge", "add another copy's changes", _configure_merge, _merge),
    _Command(
        "copy",
        "copy a whole tracker between SQLite, JSON and PostgreSQL",
        _configure_copy,
        _copy,
    ),
    _Command(
        "watch",
        "print the store's changes as they land, from every writer",
        _configure_watch,
        _watch,
    ),
    _Command("report", "write a report to read", _configure_report, _report),
)
"""Every subcommand, in the order ``--help`` lists them."""


class _Parser(argparse.ArgumentParser):
    """
    An argument parser whose errors are one line, raised, not printed.
    """

    def error(self, message: str) -> NoReturn:
        """
        Raise `UsageError`: `main` writes it and exits with 2.
        """
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _common_options() -> _Parser:
    """
    The options every command takes, before or after its name.
    """
    common = _Parser(add_help=False)
    options = common.add_argument_group("common options")
    options.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        metavar="PATH",
        help="the store: a file, or a postgresql:// URL (default: "
        f"$CLAIMTRACK_DB, else {DEFAULT_DB})",
    )
    options.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS,
        help="write JSON for scripts instead of tables",
    )
    options.add_argument(
        "--by",
        default=argparse.SUPPRESS,
        metavar="NAME",
        help="who makes the change, for the history (default: "
        "$CLAIMTRACK_USER, else no one)",
    )
    options.add_argument(
        "--at",
        default=argparse.SUPPRESS,
        metavar="TIME",
        help="when, for the history: ISO 8601 with an offset, "
        "'2025-02-05T09:00:00+00:00' (default: now)",
    )
    options.add_argument(
        "--timeout",
        type=seconds,
        default=argparse.SUPPRESS,
        metavar="SECONDS",
        help="how long to wait for another writer, from 0 to "
        f"{MAX_TIMEOUT:.0f} (default 5)",
    )
    return common


def _parser() -> argparse.ArgumentParser:
    common = _common_options()
    parser = _Parser(
        prog=_PROGRAM,
        description="Track claims made in public life: who said what, when,\n"
        "where it is written, and how well it holds up.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[common],
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {_version()}"
    )
    commands = parser.add_subparsers(
        title="commands", metavar="COMMAND", required=True
    )
    for command in _COMMANDS:
        sub = commands.add_parser(
            command.name,
            help=command.help,
            description=command.help[0].upper() + command.help[1:] + ".",
            parents=[common],
        )
        command.configure(sub)
        sub.set_defaults(run=command.run, parser=sub)
    return parser


def _value_options(parser: argparse.ArgumentParser) -> set[str]:
    """
    Every option of *parser* and its commands that takes a value.
    """
    found: set[str] = set()
    for action in parser._actions:  # noqa: SLF001 -- argparse has no getter
        if isinstance(action.choices, dict):  # the commands
            for command in action.choices.values():
                found |= _value_options(command)
        elif action.nargs != 0:
            found.update(action.option_strings)
    return found


def _version() -> str:
    from importlib.metadata import (  # noqa: PLC0415
        PackageNotFoundError,
        version,
    )

    try:
        return version("claimtrack")
    except PackageNotFoundError:
        return "(not installed)"


# -- main --------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the ``claimtrack`` command line; return its exit code.

    Output goes to `sys.stdout`, errors to `sys.stderr`, as they are when
    it is called. An error claimtrack or the system reports is one line on
    stderr and an exit code, never a traceback; any other exception (a bug)
    propagates.

    Args:
        argv: The arguments, without the program's name; ``sys.argv[1:]``
            if omitted.

    Returns:
        The exit code, one of `ExitCode`'s values: 0 when the command did
        what it was asked.

    .. versionadded:: 0.1.0
    """
    return int(_main(argv))


def _main(argv: Sequence[str] | None) -> int:  # noqa: PLR0911 -- per kind
    words: list[str] = []  # the arguments, once they are known to be text
    try:
        parser = _parser()
        words = check_arguments(
            sys.argv[1:] if argv is None else argv, _value_options(parser)
        )
        args = parser.parse_args(words)
        ctx = _Context.of(args)
        args.run(args, ctx)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
    except SystemExit as exc:  # argparse: --help, --version
        return exc.code if isinstance(exc.code, int) else ExitCode.OK
    except UsageError as exc:
        return _fail(ExitCode.USAGE, str(exc), words)
    except KeyboardInterrupt:
        sys.stderr.write(f"\n{_PROGRAM}: interrupted\n")
        return ExitCode.INTERRUPTED
    except _Exit as exc:
        return _fail(exc.code, exc.message(), words)
    except ClaimtrackError as exc:
        return _fail(code_of(exc), describe(exc) + _hint(exc), words)
    except sqlite3.Error as exc:  # a store damaged past its first page
        return _fail(
            ExitCode.IO_ERROR, f"the store cannot be read: {exc}", words
        )
    except BrokenPipeError:  # the reader went away: `claimtrack ... | head`
        _silence_stdout()
        return ExitCode.BROKEN_PIPE
    except OSError as exc:
        where = f"{shown(exc.filename)}: " if exc.filename else ""
        return _fail(ExitCode.IO_ERROR, f"{where}{_os_reason(exc)}", words)
    return ExitCode.OK


_HINTS = (
    (AmbiguousDateError, "--dayfirst or --monthfirst"),
    (AmbiguousQuoteError, "--occurrence N"),
)
"""The options that answer an error whose message names an argument."""


def _hint(error: ClaimtrackError) -> str:
    """
    How to answer *error* on the command line, if its message tells how.

    The library's messages say it in Python's words: ``pass
    dayfirst=True``.
    """
    errors = (
        list(error.exceptions)
        if isinstance(error, InvalidFieldsError)
        else [error]
    )
    hints = [
        hint
        for kind, hint in _HINTS
        if any(isinstance(e, kind) for e in errors)
    ]
    return f" (on the command line: {'; '.join(hints)})" if hints else ""


def _fail(code: ExitCode, message: str, argv: Sequence[str]) -> int:
    """
    Write *message* as one line on stderr; return *code*.
    """
    sys.stderr.write(f"{_PROGRAM}: error: {one_line(message, argv)}\n")
    return code


def _silence_stdout() -> None:
    """
    Point stdout at /dev/null, so that flushing it at exit cannot fail.
    """
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)
