"""
The ``statements`` command: who said what in a source, and accepting it.

``claimtrack statements SOURCE`` lists the statements found in a source's
text, numbered from 1; ``--accept 1,3,5`` (or ``--accept all``) adds
those as claims, all or none, and prints their ids.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimtrack._cli._output import _value, table
from claimtrack.exceptions import InvalidValueError


if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from claimtrack._cli._context import _Context
    from claimtrack._statement import Statement


def _configure_statements(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", help="the source's id")
    parser.add_argument(
        "--accept",
        metavar="NUMBERS",
        help="add these statements as claims: their numbers in the list, "
        "'1,3,5' or '2-4', or 'all'",
    )
    parser.add_argument(
        "--min-confidence",
        type=float,
        default=0.0,
        metavar="C",
        help="list only statements at least this confident (0 to 1)",
    )


def _statements(args: argparse.Namespace, ctx: _Context) -> None:
    from claimtrack.statements import find_statements  # noqa: PLC0415

    if not 0 <= args.min_confidence <= 1:
        args.parser.error("--min-confidence must be from 0 to 1")
    with ctx.store() as tracker:
        found = [
            statement
            for statement in find_statements(args.source, tracker)
            if statement.confidence >= args.min_confidence
        ]
        if args.accept is None:
            _list(ctx, found)
            return
        chosen = [found[n - 1] for n in numbers(args.accept, len(found))]
        claims = tracker.add_statements(chosen, by=ctx.by, at=ctx.at)
    if ctx.json:
        ctx.emit([_value(claim) for claim in claims])
    else:
        ctx.lines([claim.id for claim in claims])


def _list(ctx: _Context, found: Sequence[Statement]) -> None:
    if ctx.json:
        ctx.emit(
            [
                {"number": n, "text": s.text, **_plain(s)}
                for n, s in enumerate(found, start=1)
            ]
        )
    elif not found:
        ctx.write("no statements")
    else:
        ctx.lines(
            table(
                ["#", "KIND", "SPEAKER", "CUE", "CONF", "SAID", "TEXT"],
                [
                    [
                        str(n),
                        s.kind.value,
                        s.speaker.label + ("" if s.known else " (new)"),
                        s.cue,
                        f"{s.confidence:.2f}",
                        s.said or "",
                        s.text,
                    ]
                    for n, s in enumerate(found, start=1)
                ],
                width=ctx.width,
                wrap=(6,),
            )
        )


def _plain(statement: Statement) -> dict[str, object]:
    data = _value(statement)
    assert isinstance(data, dict)  # noqa: S101 -- a model is an object
    return data


def numbers(text: str, count: int) -> list[int]:
    """
    The statement numbers *text* names: "1,3,5", "2-4", "all".

    They come in the order named, each once.

    Raises:
        InvalidValueError: If a number is not one of the 1 to *count*
            listed, or the text is not a list of numbers and ranges.
    """
    if text.strip().lower() == "all":
        return list(range(1, count + 1))
    chosen: list[int] = []
    for part in text.split(","):
        first, dash, last = part.strip().partition("-")
        try:
            low = int(first)
            high = int(last) if dash else low
        except ValueError:
            raise InvalidValueError(
                "accept",
                text,
                "must be statement numbers like '1,3,5' or '2-4', or 'all'",
            ) from None
        if high < low:
            raise InvalidValueError(
                "accept", text, f"{part.strip()} is a range backwards"
            )
        for n in (low, high):
            if not 1 <= n <= count:
                raise InvalidValueError(
                    "accept",
                    text,
                    f"{n} is not a listed statement: there are {count}",
                )
        chosen.extend(n for n in range(low, high + 1) if n not in chosen)
    return chosen
