"""
Normal forms of text, for matching names and searching claims.

Matching never changes what is stored: these keys are computed beside the
original text, which is kept as it was given.
"""

from __future__ import annotations

import functools
import unicodedata


_QUOTES = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark
        "\u201a": "'",  # single low-9 quotation mark
        "\u201b": "'",  # single high-reversed-9 quotation mark
        "\u2032": "'",  # prime
        "\u00b4": "'",  # acute accent used as an apostrophe
        "\u201c": '"',  # left double quotation mark
        "\u201d": '"',  # right double quotation mark
        "\u201e": '"',  # double low-9 quotation mark
        "\u201f": '"',  # double high-reversed-9 quotation mark
        "\u00ab": '"',  # left-pointing double angle quotation mark
        "\u00bb": '"',  # right-pointing double angle quotation mark
        "\u2033": '"',  # double prime
    }
)


# ASCII text folds by lower-casing alone, and its punctuation is a fixed
# set: these tables make the common case fast without changing a result.
_ASCII_PUNCTUATION = str.maketrans(
    {
        c: (" " if c in "-/" else None)
        for c in map(chr, range(128))
        if unicodedata.category(c).startswith("P")
    }
)


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """
    Fold *text* for comparison: case, accents, quotes and whitespace.

    "Nayib  Bukelé" and "nayib bukele" fold to the same string; so do curly
    and straight quotes. Only accents (the ``COMBINING`` marks of Unicode)
    are dropped: the vowel signs of Devanagari or Tamil and the harakat of
    Arabic are part of the word and are kept.
    """
    if text.isascii():
        return " ".join(text.lower().split())
    return _fold_unicode(text)


def _fold_unicode(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    stripped = "".join(ch for ch in decomposed if not _is_accent(ch))
    return " ".join(unicodedata.normalize("NFC", stripped).casefold().split())


@functools.lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """
    Fold a name for lookup, also ignoring punctuation ("U.S." is "us").

    Hyphens and slashes separate words ("Secretary-General" is
    "secretary general"); other punctuation is dropped.
    """
    if name.isascii():
        return " ".join(name.translate(_ASCII_PUNCTUATION).lower().split())
    return _name_key_unicode(name)


def _name_key_unicode(name: str) -> str:
    chars: list[str] = []
    for ch in fold(name):
        if not unicodedata.category(ch).startswith("P"):
            chars.append(ch)
        elif ch in "-/\u2010\u2011\u2013\u2014":
            chars.append(" ")
    return " ".join("".join(chars).split())


def _is_accent(ch: str) -> bool:
    return bool(unicodedata.combining(ch)) and unicodedata.name(
        ch, ""
    ).startswith("COMBINING")
