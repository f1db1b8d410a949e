"""
Properties of the statement finder, on generated news text.

Articles are drawn from a small grammar of news sentences (quotations in
every style, reported speech, attributions before and after) mixed with
filler, so that the properties meet real statements.
"""

from hypothesis import example, given
from hypothesis import strategies as st

from claimtrack._statements import find
from claimtrack.exceptions import ClaimtrackError


SPEAKERS = [
    "Ann Lee",
    "Tom Poe, the mayor,",
    "the ministry",
    "Officials",
    "she",
    "Dr. Ruth Ames",
    "a spokesperson for the council",
]
CUES = ["said", "says", "told reporters", "added", "warned", "insisted"]
CONTENTS = [
    "the plan was sound",
    "prices would rise again next year",
    "nobody had been told about the change",
    "the bridge will open in May",
]
MARKS = [("\u201c", "\u201d"), ('"', '"'), ("\u00ab", "\u00bb")]
MARKUP = [
    *"\"\u201c\u201d\u201e\u00ab\u00bb\u300c\u300d\u2018\u2019'",
    *" .,:;!?()\n",
    " said ",
    " says ",
    " Ann Lee",
    " he",
    " that ",
    " according to ",
    " the plan was sound",
    ", adding",
    "Mr.",
]
FILLERS = [
    "The council met on Monday.",
    "Rain fell across the region.",
    "It was the third such meeting this year.",
]


@st.composite
def sentences(draw):
    """
    One news sentence, attributed or not.
    """
    speaker = draw(st.sampled_from(SPEAKERS))
    cue = draw(st.sampled_from(CUES))
    content = draw(st.sampled_from(CONTENTS))
    opening, closing = draw(st.sampled_from(MARKS))
    quote = f"{opening}{content.capitalize()},{closing}"
    capital = speaker[0].upper() + speaker[1:]
    return draw(
        st.sampled_from(
            [
                f"{quote} {speaker} {cue}.",
                f"{quote} {cue} {speaker}.",
                f"{capital} {cue} that {content}.",
                f"{capital} {cue} {content}.",
                f"{content.capitalize()}, {speaker} {cue}.",
                f"According to {speaker}, {content}.",
                f"{opening}{content.capitalize()}.{closing}",
                *FILLERS,
            ]
        )
    )


paragraphs = st.lists(sentences(), min_size=1, max_size=3).map(" ".join)
articles = st.lists(paragraphs, min_size=1, max_size=5).map("\n\n".join)


def _inside(text, start, end):
    """
    Whether ``start:end`` is a non-empty span of *text*.
    """
    return 0 <= start < end <= len(text)


class TestProperties:
    """
    Spans, determinism and locality.
    """

    @given(articles)
    def test_spans_exact(self, text):
        """
        Every span, speaker span and cue span lies inside the text.
        """
        for found in find(text):
            assert _inside(text, found.start, found.end)
            assert text[found.start : found.end].strip()
            assert 0 < found.confidence <= 1
            if found.speaker_start is not None:
                assert _inside(text, found.speaker_start, found.speaker_end)
            if found.cue_start is not None:
                assert found.cue == text[found.cue_start : found.cue_end]

    @given(articles)
    def test_deterministic(self, text):
        """
        The same text gives the same statements.
        """
        assert find(text) == find(text)

    @given(paragraphs, paragraphs)
    def test_paragraph_elsewhere(self, paragraph, other):
        """
        A paragraph added before or after leaves each statement's offsets
        relative to its paragraph as they were.
        """
        alone = {
            (f.start, f.end, f.kind)
            for f in find(paragraph)
            if f.kind != "floating"
        }
        shift = len(other) + 2
        before = {
            (f.start - shift, f.end - shift, f.kind)
            for f in find(other + "\n\n" + paragraph)
            if f.start >= shift and f.kind != "floating"
        }
        after = {
            (f.start, f.end, f.kind)
            for f in find(paragraph + "\n\n" + other)
            if f.end <= len(paragraph) and f.kind != "floating"
        }
        assert alone == before == after

    @given(st.text())
    def test_any_text(self, text):
        """
        Any text is read without an error.
        """
        assert isinstance(find(text), list)

    @given(st.lists(st.sampled_from(MARKUP), max_size=40).map("".join))
    @example('\u300c \u300d"')
    @example('"\n\u00bb\u201d')
    def test_marks_and_words(self, text):
        """
        Text dense with quotation marks, cues and breaks is read without an
        error, and its spans are exact.
        """
        for found in find(text):
            assert _inside(text, found.start, found.end)

    @given(st.one_of(st.binary(), st.integers(), st.none()))
    def test_not_text(self, value):
        """
        A value that is not text raises a ClaimtrackError, nothing else.
        """
        try:
            find(value)
        except ClaimtrackError:
            pass
        else:  # pragma: no cover - a failure
            raise AssertionError(value)
