"""
How the command line writes what it shows.

`table` lays rows out in aligned columns that fit the terminal; the rest
writes labelled fields and titled sections, models as the JSON document
writes them, and dates, times and counts in words.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import TYPE_CHECKING

from claimtrack._codec import plain


if TYPE_CHECKING:
    from collections.abc import Sequence

    from claimtrack._cli._context import _Context
    from claimtrack._dates import When
    from claimtrack._models import Actor, Claim, Source
    from claimtrack._predicates import Predicate


_MIN_WRAP = 16  # the narrowest a wrapped column gets
_UTC = dt.timedelta(0)


# -- tables ------------------------------------------------------------------


def _one_line(text: str) -> str:
    return " ".join(text.split())


def table(
    headers: Sequence[str] | None,
    rows: Sequence[Sequence[str]],
    *,
    width: int | None = None,
    wrap: Sequence[int] = (),
) -> list[str]:
    """
    Lay *rows* out in aligned columns, two spaces apart.

    Each cell is put on one line (runs of whitespace become one space).
    When *width* is given and the table is wider, the columns in *wrap*
    are narrowed, the widest first, down to a minimum, and their cells
    wrapped over several lines; other columns are never cut. Trailing
    spaces are dropped.
    """
    cells = [[_one_line(cell) for cell in row] for row in rows]
    head = list(headers) if headers is not None else None
    widths = [
        max([len(head[i]) if head else 0] + [len(row[i]) for row in cells])
        for i in range(len(head) if head else len(cells[0]))
    ]
    if width is not None:
        _fit(widths, head, wrap, width)
    lines = [_line(head, widths)] if head else []
    for row in cells:
        parts = [
            (
                textwrap.wrap(cell, widths[i], break_on_hyphens=False)
                if i in wrap
                else [cell]
            )
            or [""]
            for i, cell in enumerate(row)
        ]
        lines.extend(
            _line([p[n] if n < len(p) else "" for p in parts], widths)
            for n in range(max(len(p) for p in parts))
        )
    return lines


def _fit(
    widths: list[int],
    headers: Sequence[str] | None,
    wrap: Sequence[int],
    width: int,
) -> None:
    gaps = 2 * (len(widths) - 1)
    while sum(widths) + gaps > width:
        narrowable = [
            i
            for i in wrap
            if widths[i] > max(_MIN_WRAP, len(headers[i]) if headers else 0)
        ]
        if not narrowable:
            return
        widths[max(narrowable, key=lambda i: widths[i])] -= 1


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(
        cell.ljust(width) for cell, width in zip(cells, widths, strict=True)
    ).rstrip()


def _fields(ctx: _Context, pairs: Sequence[tuple[str, str]]) -> None:
    """
    Write ``label  value`` lines, leaving out empty values.
    """
    shown = [(label, value) for label, value in pairs if value]
    ctx.lines(table(None, shown, width=ctx.width, wrap=(1,)))


def _section(ctx: _Context, title: str, lines: Sequence[str]) -> None:
    if lines:
        ctx.write()
        ctx.write(title)
        ctx.lines(lines)


def _table_section(
    ctx: _Context,
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[str | None]],
    *,
    wrap: Sequence[int],
) -> None:
    """
    A titled table, unless it has no rows; None cells are empty.
    """
    if rows:
        cells = [[cell or "" for cell in row] for row in rows]
        _section(ctx, title, table(headers, cells, width=ctx.width, wrap=wrap))


# -- words for values --------------------------------------------------------


def _when(when: When | None) -> str:
    """
    A date for people, with the words it was read from.

    ``3 February 2025 (“Monday”)``.
    """
    if when is None:
        return ""
    if when.text and when.text != when.isoformat():
        return f"{when.describe()} (“{when.text}”)"
    return when.describe()


def _instant(moment: dt.datetime) -> str:
    """
    A time to the minute: ``2025-02-05 09:10Z`` (UTC), else with its offset.
    """
    text = moment.isoformat(sep=" ", timespec="minutes")
    return (
        text.removesuffix("+00:00") + "Z"
        if moment.utcoffset() == _UTC
        else text
    )


def _count(number: int, noun: str) -> str:
    """
    ``1 record``, ``2 records``.
    """
    return f"{number} {noun}{'' if number == 1 else 's'}"


# -- models ------------------------------------------------------------------


def _value(value: object) -> object:
    """
    A model as the whole-tracker JSON document writes it.
    """
    return plain(value)  # the document's shape


def _added(ctx: _Context, stored: Source | Actor | Claim | Predicate) -> None:
    if ctx.json:
        ctx.emit(_value(stored))
    else:
        ctx.write(stored.id)
