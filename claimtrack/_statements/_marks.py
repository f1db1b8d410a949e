"""
Quotation marks: where each quotation opens and closes in a text.

Double marks of every style are paired within a paragraph: straight
(U+0022), curly (U+201C and U+201D), low (U+201E closed by U+201C or
U+201D), guillemets (U+00AB and U+00BB, either way round) and corner
brackets (U+300C and U+300D). Typists mix straight and curly marks, so the
straight mark and both curly ones close one another; whether a mark opens
or closes is read from the characters around it. A quotation left open at
the end of a paragraph goes on when the next paragraph opens with a mark
(the newspaper convention for a quote of several paragraphs). Single marks
(U+2018 and U+2019, or the straight U+0027) count only where they clearly
quote several words outside any double quotation, since U+2019 is also the
apostrophe.
"""

import attrs


_CLOSERS = {
    '"': '"\u201d\u201c',
    "\u201c": '\u201d"\u201c',
    "\u201d": '\u201d"',
    "\u201e": '\u201c\u201d"',
    "\u00ab": "\u00bb",
    "\u00bb": "\u00ab",
    "\u300c": "\u300d",
}
"""Each opening mark and the marks that may close it."""

DOUBLE_MARKS = frozenset('"\u201c\u201d\u201e\u00ab\u00bb\u300c\u300d')
"""Every double quotation mark."""

_OPEN_BEFORE = frozenset(" \t([{\u2014\u2013-/:")
"""Characters after which a mark opens rather than closes."""

_MIN_SINGLE_WORDS = 3
"""How many words a single-quoted passage needs to count as a quote."""


@attrs.frozen
class Quotation:
    """
    A quotation: its marks included, and whether it was closed.

    Attributes:
        start: The offset of the opening mark.
        end: The offset just after the closing mark, or after the last
            character of the paragraph where the quotation was left open.
        closed: Whether a closing mark was found.
    """

    start: int
    end: int
    closed: bool


def opens_here(text: str, at: int) -> bool:
    """
    Whether the mark at *at* stands where a quotation opens.
    """
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return (
        before.isspace() or before in _OPEN_BEFORE or before in DOUBLE_MARKS
    ) and not after.isspace()


def closes_here(text: str, at: int) -> bool:
    """
    Whether the mark at *at* stands where a quotation closes.
    """
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def paragraph_quotations(text: str, start: int, end: int) -> list[Quotation]:
    """
    Pair the double marks of the paragraph ``text[start:end]``.

    Returns the quotations in order; an unclosed one ends at *end*.
    """
    found: list[Quotation] = []
    opened = -1
    for at in range(start, end):
        mark = text[at]
        if mark not in DOUBLE_MARKS:
            continue
        if opened < 0:
            if _can_open(text, at):
                opened = at
            continue
        if mark not in _CLOSERS[text[opened]]:
            continue
        if (
            closes_here(text, at)
            or not opens_here(text, at)
            or not _can_open(text, at)
        ):
            found.append(Quotation(opened, at + 1, closed=True))
            opened = -1
        else:
            opened = at
    if opened >= 0:
        found.append(Quotation(opened, end, closed=False))
    return found


def _can_open(text: str, at: int) -> bool:
    """
    Whether the mark at *at* may open a quotation at all.
    """
    mark = text[at]
    if mark in "\u00bb\u300d":
        return False
    if mark == "\u201d":
        return opens_here(text, at)
    return True


def single_quotations(
    text: str, start: int, end: int, inside: list[Quotation]
) -> list[Quotation]:
    """
    Find single-quoted passages of several words outside *inside*.
    """
    found: list[Quotation] = []
    at = start
    while at < end:
        mark = text[at]
        if (
            mark in "\u2018'"
            and opens_here(text, at)
            and not _within(at, inside)
        ):
            close = _single_close(text, at, end)
            if close > 0:
                found.append(Quotation(at, close + 1, closed=True))
                at = close + 1
                continue
        at += 1
    return found


def _single_close(text: str, at: int, end: int) -> int:
    """
    Where the single quotation opened at *at* closes, or -1.
    """
    closers = "\u2019" if text[at] == "\u2018" else "'"
    for close in range(at + 1, end):
        if text[close] in DOUBLE_MARKS:
            return -1
        if text[close] in closers and closes_here(text, close):
            before = text[close - 1]
            if before == "s" and text[close - 2 : close - 1].isalpha():
                continue
            words = text[at + 1 : close].split()
            return close if len(words) >= _MIN_SINGLE_WORDS else -1
    return -1


def _within(at: int, quotations: list[Quotation]) -> bool:
    """
    Whether offset *at* lies inside one of *quotations*.
    """
    return any(q.start <= at < q.end for q in quotations)
