"""
Hypothesis strategies shared by claimtrack's own tests.
"""

import datetime as dt

from hypothesis import strategies as st

import claimtrack as ct


# Text as real sources have it: letters of several scripts, curly quotes,
# line breaks and doubled spaces.
ALPHABET = st.sampled_from(
    [
        *"abcdefghijklmnopqrstuvwxyz ABCDE.,;:!?'\"\n",
        "\u201c",
        "\u201d",
        "\u2019",
        "é",
        "ñ",
        "ü",
        "م",
        "न",
        "ि",
        "த",
        "\t",
    ]
)
texts = st.text(ALPHABET, min_size=1, max_size=300)
ids = st.from_regex(r"[a-z][a-z0-9\-]{0,15}", fullmatch=True)
names = st.text(
    st.sampled_from(list("abcdefghijklmnopqrstuvwxyzÁÉé .-")), min_size=1
).filter(lambda s: s.strip(" .-"))
dates = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))


@st.composite
def sources_with_text(draw, text=texts):
    """
    A source with text and a day of publication.
    """
    return ct.Source(
        draw(ids),
        text=draw(text),
        published=ct.When.day(draw(dates)),
    )


@st.composite
def source_and_quote(draw):
    """
    A source and a substring of its text to quote.
    """
    source = draw(sources_with_text())
    text = source.text
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    return source, text[start:end]


@st.composite
def actors(draw):
    """
    A valid actor, with names that may collide with other actors'.
    """
    return ct.Actor(
        draw(ids),
        draw(names),
        aliases=draw(st.lists(names, max_size=3)),
        role=draw(st.none() | names),
    )
