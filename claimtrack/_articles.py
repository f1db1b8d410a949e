"""
An article with its statements marked: the report's "Statements" section.

Each statement found in a source's text is a ``<mark>`` over its exact
words, coloured by kind, followed by its speaker, and by a link to its
claim when it was accepted. The text keeps its paragraphs; a statement
running over several is marked in each.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Final, NamedTuple

from claimtrack._records import clean


if TYPE_CHECKING:
    from collections.abc import Sequence

    from claimtrack._models import Source
    from claimtrack._statement import Statement


CSS: Final = """
article.text { border-left: 3px solid #e5e7eb; padding-left: 1rem; }
article.text p { margin: 0 0 .7rem; }
mark { border-radius: 2px; padding: 0 1px; color: inherit; }
mark.direct { background: #dbeafe; }
mark.indirect { background: #fef3c7; }
mark.mixed { background: #dcfce7; }
mark.floating { background: #f3e8ff; }
sup.who { font-size: .7rem; color: #374151; margin: 0 .15rem; }
"""

LEGEND: Final = (
    "Each statement found in the text is marked: direct quotations in "
    "blue, reported speech in yellow, reported speech holding a quoted "
    "fragment in green, and quotations whose speaker is named nearby in "
    "purple. Its speaker follows it, with the claims that quote any of it "
    "(the claim it became, once accepted). A speaker marked "
    "\u201cnew\u201d is not yet in the tracker."
)


class Quoting(NamedTuple):
    """
    Where a claim of the report quotes a source, and its number.
    """

    start: int
    end: int
    number: int


_PARAGRAPH: Final = re.compile(r"\n[ \t]*\n\s*")


def _e(text: str) -> str:
    return html.escape(clean(text), quote=True)


def marked(
    source: Source,
    statements: Sequence[Statement],
    claims: Sequence[Quoting],
    *,
    number: int,
) -> str:
    """
    *source*'s text as HTML paragraphs, its *statements* marked.

    *claims* gives where each claim of the report quotes the source, and
    its number: a statement is followed by the claims quoting any of it.
    Statements overlapping one marked earlier are left unmarked, and the
    article says how many.
    """
    text = source.text or ""
    shown: list[Statement] = []
    for statement in sorted(statements, key=lambda s: s.span.start):
        if not shown or statement.span.start >= shown[-1].span.end:
            shown.append(statement)
    left = len(statements) - len(shown)
    paragraphs = []
    for bounds in _paragraphs(text):
        paragraph = _paragraph(text, bounds, shown, claims, number)
        paragraphs.append(f"<p>{paragraph}</p>")
    title = source.title or source.id
    note = (
        f'<p class="muted">{left} statement'
        f"{' overlaps' if left == 1 else 's overlap'} another and "
        f"{'is' if left == 1 else 'are'} not marked.</p>"
        if left
        else ""
    )
    return (
        f'<article class="text" id="article-{number}">'
        f"<h3>{_e(title)}</h3>{''.join(paragraphs)}{note}</article>"
    )


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """
    The (start, end) of each paragraph of *text*: runs between blank lines.
    """
    found = []
    at = 0
    for gap in _PARAGRAPH.finditer(text):
        if text[at : gap.start()].strip():
            found.append((at, gap.start()))
        at = gap.end()
    if text[at:].strip():
        found.append((at, len(text)))
    return found


def _paragraph(
    text: str,
    bounds: tuple[int, int],
    shown: Sequence[Statement],
    claims: Sequence[Quoting],
    number: int,
) -> str:
    """
    One paragraph's HTML, marking the part of each statement inside it.
    """
    start, end = bounds
    parts = []
    at = start
    for n, statement in enumerate(shown, start=1):
        low = max(statement.span.start, start)
        high = min(statement.span.end, end)
        if low >= high:
            continue
        parts.append(_e(text[at:low]))
        words = (
            f"{statement.speaker.label}, {statement.cue or 'not attributed'}"
        )
        parts.append(
            f'<mark class="{statement.kind.value}" '
            f'id="statement-{number}-{n}-{low}" '
            f'title="{_e(statement.kind.value)}: {_e(words)}">'
            f"{_e(text[low:high])}</mark>"
        )
        if high == statement.span.end:
            parts.append(_who(statement, claims))
        at = high
    parts.append(_e(text[at:end]))
    return "".join(parts)


def quoting(statement: Statement, claims: Sequence[Quoting]) -> list[int]:
    """
    The numbers of the claims that quote any of *statement*, in order.
    """
    span = statement.span
    return sorted(
        claim.number
        for claim in claims
        if claim.start < span.end and span.start < claim.end
    )


def _who(statement: Statement, claims: Sequence[Quoting]) -> str:
    """
    The speaker after a statement, and the claims that quote it, if any.
    """
    label = _e(statement.speaker.label)
    if not statement.known:
        label += " (new)"
    links = "".join(
        f' <a href="#claim-{n}">C{n}</a>' for n in quoting(statement, claims)
    )
    return f'<sup class="who">{label}{links}</sup>'
