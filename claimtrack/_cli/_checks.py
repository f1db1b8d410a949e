r"""
What the command line refuses before a command runs; how errors show values.

Every argument must be text that a terminal can type: no NUL character,
no bytes that are not UTF-8, and no longer than `MAX_ARGUMENT`. An error
shows a value as Python writes it (``'a\x00b'``), cut to about
`SHOWN` characters with its length when it is longer, on one line with
no control character that a terminal would act on.
"""

from __future__ import annotations

import argparse
import itertools
import math
import re
from typing import TYPE_CHECKING, Final

from claimtrack.exceptions import ClaimtrackError, InvalidFieldsError


if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence


MAX_ARGUMENT: Final = 131_072
"""The most characters one argument may hold: what Linux lets a program
pass in one argument (``MAX_ARG_STRLEN``, 128 KiB). A longer text goes in
a file (``--text-file``)."""

MAX_TIMEOUT: Final = 86_400.0
"""The longest ``--timeout``, in seconds: a day."""

SHOWN: Final = 80
"""About how many characters of a value an error shows."""

MAX_MESSAGE: Final = 1_000
"""The most characters an error's line holds, whatever it quotes."""

# Surrogates, as Python decodes the bytes of an argument that are not
# UTF-8 ("surrogateescape"): the byte 0xff becomes U+DCFF.
_ESCAPED_BYTES = range(0xDC80, 0xDD00)
_SURROGATE = re.compile("[\ud800-\udfff]")


class UsageError(Exception):
    """
    The command line is wrong: the message says how, in one line.
    """


# -- showing values ----------------------------------------------------------


def shown(value: object) -> str:
    """
    *value* as Python writes it, cut to about `SHOWN` characters.

    A longer text ends in an ellipsis and says how long it was:
    ``'NNNN…' (5000000 characters)``.
    """
    text = repr(value)
    if len(text) <= SHOWN:
        return text
    if not isinstance(value, str):
        return text[: SHOWN - 1] + "…"
    # The whole text's repr, cut between two characters' escapes: its
    # quotation mark is the whole's, which a part alone may not choose.
    quote = text[0]
    pieces = [_escaped(char, quote) for char in value[:SHOWN]]
    ends = itertools.accumulate(len(piece) for piece in pieces)
    kept = sum(1 for end in ends if end + 2 < SHOWN)  # 2 quotation marks
    cut = "".join(pieces[:kept])
    return f"{quote}{cut}…{quote} ({len(value)} characters)"


def _escaped(char: str, quote: str) -> str:
    """
    *char* as `repr` writes it inside a text quoted with *quote*.
    """
    if char == quote:
        return "\\" + char
    if char in "'\"":
        return char
    return repr(char)[1:-1]


def describe(error: ClaimtrackError) -> str:
    """
    What *error* says, with each value it names cut by `shown`.
    """
    if isinstance(error, InvalidFieldsError):
        return f"{error.value}: " + "; ".join(
            describe(e) if isinstance(e, ClaimtrackError) else str(e)
            for e in error.exceptions
        )
    return f"{error.field}={shown(error.value)}: {error.reason}"


def one_line(message: str, argv: Sequence[str] = ()) -> str:
    r"""
    *message* as one printable line, quoting no long argument whole.

    Each argument of *argv* longer than `SHOWN` is replaced by `shown` of
    it wherever it is quoted; whitespace runs become one space; what is
    not printable (controls a terminal would act on, marks that reorder
    text, lone surrogates) is written as an escape (``\x1b``), as `repr`
    writes it; and a line longer than `MAX_MESSAGE` is cut.
    """
    for value in sorted(_long(argv), key=len, reverse=True):
        short = shown(value)
        message = message.replace(repr(value), short).replace(value, short)
    line = "".join(
        char if char.isprintable() else ascii(char)[1:-1]
        for char in " ".join(message.split())
    )
    if len(line) > MAX_MESSAGE:
        line = f"{line[: MAX_MESSAGE - 1]}… ({len(line)} characters)"
    return line


def _long(argv: Iterable[str]) -> set[str]:
    """
    The arguments, and the values of ``--option=value``, too long to show.
    """
    found = set()
    for argument in argv:
        found.add(argument)
        found.add(argument.partition("=")[2])
    return {value for value in found if len(repr(value)) > SHOWN}


# -- arguments ---------------------------------------------------------------


def check_arguments(argv: object, options: Iterable[str]) -> list[str]:
    """
    The arguments, if each one is text a command could take.

    Args:
        argv: What `main` was given.
        options: Every option that takes a value, so that an error can
            name the option a value was given to.

    Raises:
        UsageError: Naming the first argument that is not text, holds a
            NUL character or bytes that are not UTF-8, or is too long.
    """
    if isinstance(argv, str | bytes) or not _iterable(argv):
        raise UsageError(
            f"arguments={shown(argv)}: must be a list of strings, "
            "one per argument"
        )
    arguments: list[object] = list(argv)  # type: ignore[call-overload]
    taking = set(options)
    words = []
    for n, argument in enumerate(arguments):
        where = _where(arguments, n, taking)
        if not isinstance(argument, str):
            raise UsageError(
                f"{where}={shown(argument)}: must be a string, not "
                f"{type(argument).__name__}"
            )
        value = argument
        if where.startswith("-") and "=" in argument:
            value = argument.partition("=")[2]  # --option=value
        reason = _fault(value)
        if reason is not None:
            raise UsageError(f"{where}={shown(value)}: {reason}")
        words.append(argument)
    return words


def _iterable(value: object) -> bool:
    try:
        iter(value)  # type: ignore[call-overload]
    except TypeError:
        return False
    return True


def _where(arguments: Sequence[object], n: int, options: set[str]) -> str:
    """
    What to call argument *n*: its option's name, else its place.

    ``--text=VALUE`` and ``--text VALUE`` are ``--text``; any other
    argument is ``argument 3`` (counted from 1).
    """
    argument = arguments[n]
    if isinstance(argument, str) and argument.startswith("--"):
        name, equals, _ = argument.partition("=")
        if equals and name in options:
            return name
    before = arguments[n - 1] if n else None
    if isinstance(before, str) and before in options:
        return before
    return f"argument {n + 1}"


def _fault(argument: str) -> str | None:
    """
    Why *argument* is not text a command could take, or None.
    """
    if len(argument) > MAX_ARGUMENT:
        return (
            f"is longer than {MAX_ARGUMENT} characters, the most one "
            "argument may hold (put a long text in a file: --text-file)"
        )
    if "\x00" in argument:
        return (
            f"holds a NUL character at character {argument.index(chr(0))}, "
            "which no command-line argument can hold"
        )
    found = _SURROGATE.search(argument)
    if found is None:
        return None
    code = ord(found[0])
    if code in _ESCAPED_BYTES:
        return (
            f"is not UTF-8 text: the byte 0x{code - 0xDC00:02x} at "
            f"character {found.start()} is not UTF-8"
        )
    return (
        f"holds a lone surrogate (U+{code:04X}) at character "
        f"{found.start()}, which is not text"
    )


def seconds(text: str) -> float:
    """
    ``--timeout``: a number of seconds from 0 to `MAX_TIMEOUT`.

    Raises:
        argparse.ArgumentTypeError: For anything else, naming the value.
    """
    try:
        number = float(text)
    except ValueError:
        number = math.nan
    if not 0 <= number <= MAX_TIMEOUT:  # NaN fails both
        raise argparse.ArgumentTypeError(
            f"{shown(text)} is not a number of seconds from 0 to "
            f"{MAX_TIMEOUT:.0f}"
        )
    return number
