"""
Words as fact-checkers write them, in any script, folded for matching.

A label or a claimant's words match a table's whatever their case,
accents, punctuation, emoji and the spelling variants of their script:
"❌ FALSO." is "falso", "Înşelător" (with a cedilla) is "inselator",
"إشاعة" is "اشاعه" and "यूज़र" is "यूजर". Matching never changes what
is kept: the words are stored as they were written.
"""

from __future__ import annotations

import functools
import unicodedata

from claimtrack._text import name_key


# Arabic: the short vowels and other marks (harakat), the superscript alef
# and the tatweel are dropped; the forms of alef, ta marbuta, alef maqsura
# and hamza carriers are written one way, as search engines fold them. The
# Persian and Urdu letters for ya and kaf are the Arabic ones.
_ARABIC = str.maketrans(
    {
        **{chr(c): None for c in range(0x064B, 0x0660)},
        "\u0670": None,  # superscript alef
        "\u0640": None,  # tatweel
        "\u0623": "\u0627",  # alef with hamza above
        "\u0625": "\u0627",  # alef with hamza below
        "\u0622": "\u0627",  # alef with madda
        "\u0671": "\u0627",  # alef wasla
        "\u0629": "\u0647",  # ta marbuta
        "\u0649": "\u064a",  # alef maqsura
        "\u0624": "\u0648",  # waw with hamza
        "\u0626": "\u064a",  # ya with hamza
        "\u06cc": "\u064a",  # Farsi ya
        "\u06a9": "\u0643",  # keheh
    }
)

# Devanagari and Bengali: the nukta (ज़ is ज), and the chandrabindu as the
# anusvara. Variation selectors choose how an emoji looks.
_MARKS = str.maketrans(
    {
        "\u093c": None,  # Devanagari nukta
        "\u09bc": None,  # Bengali nukta
        "\u0901": "\u0902",  # Devanagari chandrabindu as anusvara
        **{chr(c): None for c in range(0xFE00, 0xFE10)},
    }
)


@functools.lru_cache(maxsize=1 << 14)
def word_key(text: str) -> str:
    """
    Fold *text* for matching words in any script.

    As `claimtrack._text.name_key` folds names (case, accents,
    punctuation; hyphens and slashes separate words), and also without
    symbols and emoji ("❌", "✅", "⚠️"), invisible format marks, and the
    variants above.
    """
    key = name_key(text).translate(_ARABIC).translate(_MARKS)
    kept = (
        ch
        for ch in key
        if not unicodedata.category(ch).startswith(("S", "C")) or ch.isspace()
    )
    return " ".join("".join(kept).split())


def label_key(label: str) -> str:
    """
    A label's key: its words folded, without spaces or underscores.

    "Pants on Fire!", "PANTS_ON_FIRE" and "❌ pants-on-fire" have one key.
    """
    return word_key(label.replace("_", " ")).replace(" ", "")
