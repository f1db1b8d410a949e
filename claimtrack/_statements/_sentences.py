"""
Paragraphs, tokens and sentences, with exact offsets into the text.

A quotation is one token: a sentence never ends inside a quotation, so a
quote of several sentences stays whole, as in ""One. Two," she said."
"""

import re

import attrs

from claimtrack._statements._cues import CUES
from claimtrack._statements._marks import (
    Quotation,
    paragraph_quotations,
    single_quotations,
)
from claimtrack._statements._words import CAPITAL_STOP, PRONOUNS, words


ABBREVIATIONS = words(
    "mr mrs ms dr prof sen rep gov lt gen col sgt cpl capt cmdr const "
    "insp supt det st jr sr inc ltd co corp no vs rev hon maj adm fr mt "
    "ft pres dept atty gov't u.s u.k u.n e.g i.e"
)
"""Words whose trailing period does not end a sentence."""

_WORD = re.compile(r"\w+(?:[-\u2019'&.]\w+)*", re.UNICODE)
_PARAGRAPH = re.compile(r"[^\n\r\u2028\u2029]+")
_ENDS = frozenset(".!?")
_CUE_WITHIN = 5


@attrs.frozen
class Token:
    """
    A word, a punctuation mark or a whole quotation.

    Attributes:
        start: Its first offset.
        end: The offset just after it.
        text: Its text; a quotation's marks included.
        kind: ``"w"`` a word, ``"p"`` a punctuation mark, ``"q"`` a
            quotation.
        closed: For a quotation, whether it closed in the text.
    """

    start: int
    end: int
    text: str
    kind: str
    closed: bool = True

    @property
    def lower(self) -> str:
        """
        The text in lower case.
        """
        return self.text.lower()

    @property
    def capital(self) -> bool:
        """
        Whether this is a word that begins with a capital letter.
        """
        return self.kind == "w" and self.text[:1].isupper()


@attrs.frozen
class Paragraph:
    """
    A paragraph: its offsets and its sentences as lists of tokens.

    Attributes:
        continues: Whether it goes on a quotation the paragraph before left
            open, opening with a quotation mark (the newspaper convention
            for a quote of several paragraphs).
    """

    start: int
    end: int
    sentences: tuple[tuple[Token, ...], ...]
    continues: bool = False


def paragraphs(text: str) -> list[Paragraph]:
    """
    Split *text* into paragraphs of sentences of tokens.

    A quotation never crosses a paragraph's end: one left open ends with
    its paragraph, and a paragraph that takes it up again with an opening
    mark is marked as going on with it.
    """
    spans = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    spans = [(s, e) for s, e in spans if text[s:e].strip()]
    found: list[Paragraph] = []
    previous: list[Quotation] = []
    for start, end in spans:
        quotes = paragraph_quotations(text, start, end)
        continues = _continues(text, previous, quotes, start)
        found.append(
            Paragraph(
                start, end, _sentences(text, start, end, quotes), continues
            )
        )
        previous = quotes
    return found


def _continues(
    text: str, previous: list[Quotation], quotes: list[Quotation], start: int
) -> bool:
    """
    Whether a paragraph goes on the quotation the one before left open.

    It does when its first quotation (among *quotes*) opens at its first
    character (*start* is where the paragraph starts).
    """
    if not previous or previous[-1].closed or not quotes:
        return False
    lead = start
    while text[lead].isspace():
        lead += 1
    return quotes[0].start == lead


def _sentences(
    text: str, start: int, end: int, quotes: list[Quotation]
) -> tuple[tuple[Token, ...], ...]:
    """
    Tokenise ``text[start:end]`` and split the tokens into sentences.
    """
    quotes = sorted(
        quotes + single_quotations(text, start, end, quotes),
        key=lambda q: q.start,
    )
    tokens = _tokens(text, start, end, quotes)
    sentences: list[tuple[Token, ...]] = []
    current: list[Token] = []
    for index, token in enumerate(tokens):
        current.append(token)
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if following is not None and _ends_sentence(
            token, following, attributed=_cue_follows(tokens, index + 1)
        ):
            sentences.append(tuple(current))
            current = []
    sentences.append(tuple(current))
    return tuple(sentences)


def _tokens(
    text: str, start: int, end: int, quotes: list[Quotation]
) -> list[Token]:
    """
    The tokens of ``text[start:end]``, each quotation as one token.
    """
    tokens: list[Token] = []
    at = start
    for quote in [*quotes, Quotation(end, end, closed=True)]:
        tokens.extend(_plain_tokens(text, at, quote.start))
        if quote.end > quote.start:
            tokens.append(
                Token(
                    quote.start,
                    quote.end,
                    text[quote.start : quote.end],
                    "q",
                    closed=quote.closed,
                )
            )
        at = max(at, quote.end)
    return tokens


def _plain_tokens(text: str, start: int, end: int) -> list[Token]:
    """
    The words and punctuation marks of ``text[start:end]``.
    """
    tokens: list[Token] = []
    at = start
    while at < end:
        char = text[at]
        if char.isspace():
            at += 1
            continue
        match = _WORD.match(text, at, end)
        if match is None:
            tokens.append(Token(at, at + 1, char, "p"))
            at += 1
            continue
        stop = match.end()
        word = text[at:stop]
        if (
            stop < end
            and text[stop] == "."
            and (word.lower() in ABBREVIATIONS or _initial(word))
        ):
            stop += 1
        tokens.append(Token(at, stop, text[at:stop], "w"))
        at = stop
    return tokens


def _cue_follows(tokens: list[Token], at: int) -> bool:
    """
    Whether a speaker and a reporting cue come next, from *at*.

    The speaker is a pronoun or capitalised words ("she said", "Jane Roe
    said"), or the cue comes first ("said the minister").
    """
    for token in tokens[at : at + _CUE_WITHIN]:
        if token.kind != "w":
            return False
        if not token.capital and token.lower in CUES:
            return True
        if token.lower not in PRONOUNS and not (
            token.capital and token.lower not in CAPITAL_STOP
        ):
            return False
    return False


def _initial(word: str) -> bool:
    """
    Whether *word* is an initial, as in "J. Smith" or "U.S".
    """
    return (len(word) == 1 and word.isupper()) or bool(
        re.fullmatch(r"(?:\w\.)+\w", word)
    )


def _ends_sentence(
    token: Token, following: Token, *, attributed: bool = False
) -> bool:
    """
    Whether a sentence ends after *token*.

    *following* is the token after it. A quotation ending in "!" or "?"
    does not end it when an *attributed* cue follows ('"Stop!" Jane Roe
    said.').
    """
    starts = following.kind == "q" or following.text[:1].isupper()
    starts = starts or following.text[:1].isdigit()
    if token.kind == "p":
        return token.text in _ENDS and starts
    if token.kind == "q":
        inner = token.text[:-1].rstrip() if token.closed else token.text
        return inner[-1:] in _ENDS and starts and not attributed
    return False
