"""
Tests for re-anchoring spans in revised texts, and Tracker.revise.
"""

import datetime as dt
from fractions import Fraction
from pathlib import Path

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack import _anchor
from claimtrack.anchoring import (
    Anchoring,
    AnchorKind,
    Reanchored,
    Revision,
    reanchor,
)
from claimtrack.events import EventKind


ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (ROOT / "seeds" / "000_821ae99d464d4b5b.txt").read_text(
    encoding="utf-8"
)
ARTICLE_SOURCE = ct.Source("indiatv", text=ARTICLE, published="2025-02-04")
T0 = "2025-02-04T18:00:00+00:00"
T1 = "2025-02-05T09:00:00+00:00"

TOUR = (
    "After Panama and El Salvador, Rubio will visit Costa Rica, Guatemala "
    "and the Dominican Republic. Throughout his tour to five Central "
    "American nations, migration will be the main issue.\n\n"
)
# The article as revised the next day: a note on top, a paragraph cut, a
# spelling corrected, and a closing quotation mark made curly.
REVISED = (
    "Updated on February 5, 2025, with a correction.\n\n"
    + ARTICLE.replace(TOUR, "")
    .replace("non-Salvadorean", "non-Salvadoran")
    .replace('in the world."', "in the world.”")
)


def span(quote, occurrence=None, source=ARTICLE_SOURCE):
    """
    The span of *quote* in the seed article (or another source).
    """
    return source.span_of(quote, occurrence=occurrence)


def lev(a, b):
    """
    The Levenshtein distance, by the textbook table: the reference.
    """
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            previous, row[j] = (
                row[j],
                min(row[j] + 1, row[j - 1] + 1, previous + (x != y)),
            )
    return row[-1]


def reference_score(old, text, start, end):
    """
    The score of text[start:end] for span *old*, computed the slow way.
    """
    quote = 1 - Fraction(lev(old.exact, text[start:end]), len(old.exact))

    def agree(context, options):
        if not context:
            return Fraction(1)
        least = min([len(context), *(lev(context, o) for o in options)])
        return Fraction(len(context) - least, len(context))

    reach_p, reach_s = 2 * len(old.prefix), 2 * len(old.suffix)
    before = agree(
        old.prefix,
        [text[i:start] for i in range(max(0, start - reach_p), start + 1)],
    )
    after = agree(
        old.suffix, [text[end:j] for j in range(end, end + reach_s + 1)]
    )
    return (2 * quote + before + after) / 4


def true_to(found, text):
    """
    Whether *found* quotes *text* at its offsets, with full context.
    """
    return found == ct.Source("x", text=text).span_at(
        found.start, found.end
    ) or attrs.evolve(found, source="x") == ct.Source("x", text=text).span_at(
        found.start, found.end
    )


# -- strategies ----------------------------------------------------------

WORDS = st.text(
    st.sampled_from("abcdefghijklmnopqrstuvwxyz"), min_size=1, max_size=8
)


@st.composite
def texts_and_spans(draw, min_size=1):
    """
    A text of words and a span of it, built by a source.
    """
    words = draw(st.lists(WORDS, min_size=min_size, max_size=40))
    text = draw(st.sampled_from([" ", "\n", ", "])).join(words)
    assume(text)
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, min(len(text), start + 60)))
    return text, ct.Source("s", text=text).span_at(start, end)


@st.composite
def article_spans(draw, min_size=12):
    """
    A span of the seed article whose quote occurs once in it.
    """
    start = draw(st.integers(0, len(ARTICLE) - min_size))
    end = draw(st.integers(start + min_size, min(len(ARTICLE), start + 80)))
    assume(ARTICLE.count(ARTICLE[start:end]) == 1)
    return ARTICLE_SOURCE.span_at(start, end)


# -- the pieces ------------------------------------------------------------


class TestDistances:
    """
    The bit-parallel edit distances agree with the textbook table.
    """

    @given(st.text("ab c", min_size=1, max_size=12), st.text("ab c"))
    def test_anchored(self, pattern, text):
        """
        Anchored, item j is the distance to text[:j + 1].
        """
        assert [
            lev(pattern, text[: j + 1]) for j in range(len(text))
        ] == _anchor._distances(pattern, text, anchored=True)

    @given(st.text("ab c", min_size=1, max_size=12), st.text("ab c"))
    def test_search(self, pattern, text):
        """
        Not anchored, item j is the distance to the best substring ending
        at j.
        """
        assert [
            min(lev(pattern, text[i : j + 1]) for i in range(j + 2))
            for j in range(len(text))
        ] == _anchor._distances(pattern, text, anchored=False)

    def test_long_pattern(self):
        """
        A pattern longer than a machine word is no different.
        """
        pattern = ARTICLE[300:700]
        text = ARTICLE[290:720].replace("a", "e")

        found = min(_anchor._distances(pattern, text, anchored=False))

        assert pattern.count("a") == found


class TestAnchoring:
    """
    The result of re-anchoring is consistent with itself.
    """

    def test_unknown_kind(self):
        """
        A kind that is not an AnchorKind is named.
        """
        with pytest.raises(ct.InvalidValueError) as e:
            Anchoring(span("43 migrants"), "lost")

        assert "kind" == e.value.field

    def test_score_check_repr(self):
        """
        The score's check says what it is.
        """
        assert "<fraction validator from 0.0>" == repr(_anchor._SCORE)

    def test_kind_from_its_value(self):
        """
        The kind may be given as its value.
        """
        old = span("43 migrants")

        assert AnchorKind.POSITION == (
            Anchoring(old, "position", found=old, score=1).kind
        )

    def test_found_needs_a_place(self):
        """
        A span found by quote says where; an orphan has no place.
        """
        old = span("43 migrants")
        with pytest.raises(ct.InvalidValueError) as e:
            Anchoring(old, AnchorKind.QUOTE)
        assert "found" == e.value.field
        with pytest.raises(ct.InvalidValueError) as e:
            Anchoring(old, AnchorKind.ORPHAN, found=old)
        assert "found" == e.value.field

    def test_candidates(self):
        """
        An ambiguous span has two candidates or more; a found one none.
        """
        old = span("43 migrants")
        with pytest.raises(ct.InvalidValueError) as e:
            Anchoring(old, AnchorKind.AMBIGUOUS, candidates=[old])
        assert "candidates" == e.value.field
        with pytest.raises(ct.InvalidValueError) as e:
            Anchoring(old, AnchorKind.QUOTE, found=old, candidates=[old])
        assert "candidates" == e.value.field

    @pytest.mark.parametrize(
        ("score", "error"),
        [
            (1.5, ct.InvalidValueError),
            (-0.1, ct.InvalidValueError),
            (float("nan"), ct.InvalidValueError),
            ("1", ct.InvalidTypeError),
            (True, ct.InvalidTypeError),
        ],
    )
    def test_score_is_a_fraction(self, score, error):
        """
        A score is a number from 0 to 1.
        """
        with pytest.raises(error) as e:
            Anchoring(span("43 migrants"), "orphan", score=score)

        assert "score" == e.value.field

    def test_moved_and_anchored(self):
        """
        `moved` tells a span found elsewhere from one left in place.
        """
        old = span("43 migrants")
        here = Anchoring(old, "position", found=old, score=1)
        there = reanchor(old, "x" + ARTICLE)
        lost = reanchor(old, "")

        assert (here.anchored, here.moved) == (True, False)
        assert (there.anchored, there.moved) == (True, True)
        assert (lost.anchored, lost.moved) == (False, False)


class TestReanchorArguments:
    """
    reanchor checks what it is given.
    """

    @pytest.mark.parametrize("value", [0.5, 0.2, 1.01, float("inf")])
    def test_min_score_range(self, value):
        """
        The minimum is over 0.5 and at most 1.
        """
        with pytest.raises(ct.InvalidValueError) as e:
            reanchor(span("43 migrants"), ARTICLE, min_score=value)

        assert "min_score" == e.value.field

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"span": "43 migrants"}, "span"),
            ({"text": None}, "text"),
            ({"min_score": "high"}, "min_score"),
            ({"previous": b"old"}, "previous"),
        ],
    )
    def test_types(self, kwargs, field):
        """
        A wrong type is an InvalidTypeError naming the argument.
        """
        arguments = {"span": span("43 migrants"), "text": ARTICLE, **kwargs}

        with pytest.raises(ct.InvalidTypeError) as e:
            reanchor(**arguments)

        assert field == e.value.field


class TestEditedArticle:
    """
    The seed article, edited in the ways articles are edited.
    """

    def test_unchanged(self):
        """
        In the same text, a span stays where it is.
        """
        old = span("has agreed to the most unprecedented")

        found = reanchor(old, ARTICLE)

        assert AnchorKind.POSITION == found.kind
        assert (old, 1.0) == (found.found, found.score)

    def test_insertion_before(self):
        """
        Text inserted before the span moves it by its length.
        """
        old = span("has agreed to the most unprecedented")
        note = "Updated on February 5. "

        found = reanchor(old, note + ARTICLE)

        assert AnchorKind.QUOTE == found.kind
        assert old.start + len(note) == found.found.start
        assert 1.0 == found.score

    def test_insertion_after(self):
        """
        Text inserted after the span leaves it in place.
        """
        old = span("has agreed to the most unprecedented")

        found = reanchor(old, ARTICLE + "\n\nUpdated.")

        assert AnchorKind.POSITION == found.kind

    def test_insertion_next_to_the_quote(self):
        """
        An insertion that changes one side's context costs some score.
        """
        old = span("has agreed to the most unprecedented")
        text = ARTICLE.replace(
            "Rubio said, President", "Rubio said on Monday that President"
        )

        found = reanchor(old, text)

        assert AnchorKind.QUOTE == found.kind
        assert text.index(old.exact) == found.found.start
        assert 0.75 <= found.score < 1

    def test_insertion_inside(self):
        """
        A word inserted inside the quote: found approximately, as it is.
        """
        old = span("has agreed to the most unprecedented")
        text = ARTICLE.replace("to the most", "to the very most")

        found = reanchor(old, text)

        assert AnchorKind.APPROXIMATE == found.kind
        assert "has agreed to the very most unprecedented" == found.found.exact
        assert true_to(found.found, text)

    def test_deletion_before(self):
        """
        Text deleted before the span moves it back.
        """
        old = span("Bukele said it was a broad agreement")
        cut = "Follow us on Image Source : AP "

        found = reanchor(old, ARTICLE.replace(cut, ""))

        assert old.start - len(cut) == found.found.start

    def test_whitespace_inside(self):
        """
        A doubled space inside the quote: found approximately.
        """
        old = span("has agreed to the most unprecedented")
        text = ARTICLE.replace(
            "the most unprecedented", "the  most unprecedented"
        )

        found = reanchor(old, text)

        assert AnchorKind.APPROXIMATE == found.kind
        assert "has agreed to the  most unprecedented" == found.found.exact
        assert found.score > 0.95

    def test_typo_corrected_inside(self):
        """
        A corrected spelling inside the quote: found approximately.
        """
        old = span("non-Salvadorean migrants in the US")
        text = ARTICLE.replace("non-Salvadorean", "non-Salvadoran")

        found = reanchor(old, text)

        assert AnchorKind.APPROXIMATE == found.kind
        assert "non-Salvadoran migrants in the US" == found.found.exact

    def test_exact_minimum_refuses_edits(self):
        """
        With a minimum of 1, only the quote with its context will do.
        """
        old = span("non-Salvadorean migrants in the US")
        text = ARTICLE.replace("non-Salvadorean", "non-Salvadoran")

        found = reanchor(old, text, min_score=1)

        assert (AnchorKind.ORPHAN, ()) == (found.kind, found.candidates)

    def test_removed_quote(self):
        """
        A quote whose paragraph was cut is an orphan.
        """
        old = span("Rubio will visit Costa Rica, Guatemala")

        found = reanchor(old, ARTICLE.replace(TOUR, ""))

        assert AnchorKind.ORPHAN == found.kind
        assert found.found is None
        assert found.score < 0.75

    def test_empty_text(self):
        """
        In an empty text there is nowhere to look.
        """
        found = reanchor(span("43 migrants"), "")

        assert (AnchorKind.ORPHAN, 0.0, ()) == (
            found.kind,
            found.score,
            found.candidates,
        )

    def test_repeated_quote_context_decides(self):
        """
        A quote that occurs three times is found by its context.
        """
        old = span("Bukele", occurrence=1)

        found = reanchor(old, "Updated. " + ARTICLE)

        assert AnchorKind.QUOTE == found.kind
        assert old.start + len("Updated. ") == found.found.start

    def test_duplicated_lookalike_sentence(self):
        """
        A lookalike sentence added elsewhere does not capture the span.
        """
        old = span("has agreed to the most unprecedented")
        lookalike = (
            "\n\nCritics said Bukele has agreed to the most unprecedented "
            "deal ever, extraordinary, extraordinary indeed.\n\n"
        )
        text = ARTICLE.replace(
            "\n\nRubio arrived", lookalike + "Rubio arrived"
        )

        found = reanchor(old, text)

        assert AnchorKind.POSITION == found.kind
        moved = reanchor(old, "Updated. " + text)
        assert old.start + len("Updated. ") == moved.found.start

    def test_lookalike_with_the_original_gone(self):
        """
        A quote left only in a different sentence is an orphan.
        """
        old = span("has agreed to the most unprecedented")
        sentence = (
            "Rubio said, President Nayib Bukele “has agreed to the most "
            "unprecedented, extraordinary, extraordinary migratory agreement "
            'anywhere in the world."'
        )
        lookalike = (
            "\n\nCritics doubted that he has agreed to the most "
            "unprecedented deal in the region.\n\n"
        )
        text = ARTICLE.replace(sentence, "").replace(
            "\n\nRubio arrived", lookalike + "Rubio arrived"
        )

        found = reanchor(old, text)

        assert AnchorKind.ORPHAN == found.kind
        assert [old.exact] == [c.exact for c in found.candidates]
        assert found.score < 0.75

    def test_quote_becomes_ambiguous(self):
        """
        When the quote's paragraph is duplicated, neither copy is chosen.
        """
        paragraph = ARTICLE[
            ARTICLE.index("One idea") : ARTICLE.index("When asked")
        ]
        old = span("“safe third country”")
        text = ARTICLE.replace(paragraph, paragraph + paragraph)
        text = "Updated. " + text

        found = reanchor(old, text)

        assert AnchorKind.AMBIGUOUS == found.kind
        assert found.found is None
        assert 2 == len(found.candidates)
        assert {old.exact} == {c.exact for c in found.candidates}
        assert 1.0 == found.score


class TestEndOfText:
    """
    A span that ends its text has no suffix to bound an approximate match.
    """

    def test_edited_quote_at_the_end(self):
        """
        A quote at the end of the text, edited, is found approximately,
        bounded by its prefix alone.
        """
        old = ct.Source("s", text="Rubio said the deal is done").span_of(
            "the deal is done"
        )
        assert "" == old.suffix

        new = "Rubio said the deal is now done"
        found = reanchor(old, new)

        assert AnchorKind.APPROXIMATE == found.kind
        assert 11 == found.found.start  # where its prefix ends
        assert new[11 : found.found.end] == found.found.exact
        assert found.score >= _anchor.MIN_SCORE


class TestPlaces:
    """
    Where an approximate match begins and ends, and what counts as one
    place.
    """

    def test_bounds_from_context(self):
        """
        An edited quote ends where its suffix begins.
        """
        old = span("agreed to the most unprecedented")
        text = ARTICLE.replace(old.exact, "agreed to the most US")

        found = reanchor(old, text)

        assert "agreed to the most US" == found.found.exact
        assert AnchorKind.APPROXIMATE == found.kind

    def test_at_the_start_of_the_text(self):
        """
        A quote at the very start, with no prefix, is found approximately.
        """
        text = "Rubio said El Salvador agreed. Bukele confirmed it."
        old = ct.Source("t", text=text).span_of("Rubio said El Salvador")

        found = reanchor(old, "Rubio says El Salvador agreed.")

        assert (0, "Rubio says El Salvador") == (
            found.found.start,
            found.found.exact,
        )

    def test_context_gone_keeps_the_bounds(self):
        """
        Where the suffix is nowhere to be found, the match's bounds stay.
        """
        text = "Rubio said he has agreed to the most unprecedented deal."
        old = ct.Source("t", text=text).span_of("has agreed to the most")
        new = "Rubio said he has agreed to the very most"

        assert (14, 41, 5) == _anchor._bounds(old, new, 14, 41, 10)

    def test_overlapping_occurrences_stay_apart(self):
        """
        Overlapping occurrences of the quote itself are two places.
        """
        found = reanchor(ct.Span(0, 2, "aa"), "xaaax")

        assert AnchorKind.AMBIGUOUS == found.kind
        assert [1, 2] == [c.start for c in found.candidates]


class TestPrevious:
    """
    With the old text known, a passage that was already there elsewhere
    is not the span's.
    """

    OLD = (
        "Team Alpha reported that the new deployment reduced latency by "
        "twelve percent across all regions.\n\nTeam Beta reported that the "
        "new deployment reduced latency by twelve percent across all "
        "regions, they said."
    )

    def test_lookalike_paragraph(self):
        """
        Alpha's paragraph cut: Beta's, which was there all along, is not
        taken for it, though locally it looks the same.
        """
        old = ct.Source("t", text=self.OLD).span_of(
            "reported that the new deployment", occurrence=0
        )
        new = self.OLD[self.OLD.index("Team Beta") :]

        blind = reanchor(old, new)
        seeing = reanchor(old, new, previous=self.OLD)

        assert AnchorKind.QUOTE == blind.kind  # the local evidence
        assert AnchorKind.ORPHAN == seeing.kind

    def test_edit_in_place(self):
        """
        The span's own sentence, edited, is still the span's.
        """
        old = ct.Source("t", text=self.OLD).span_of(
            "reported that the new deployment", occurrence=0
        )
        new = self.OLD.replace("Team Alpha", "The Alpha team")

        found = reanchor(old, new, previous=self.OLD)

        assert AnchorKind.QUOTE == found.kind
        assert new.index("reported") == found.found.start

    def test_duplicate_of_an_edited_quote(self):
        """
        The span's quote edited in place wins over a verbatim copy that
        was already elsewhere.
        """
        text = "One. Rubio said it was a deal. Two. Rubio said it was a deal."
        old = ct.Source("t", text=text).span_of("it was a deal", occurrence=0)
        new = text.replace("it was a deal", "it was a big deal", 1)

        found = reanchor(old, new, previous=text)

        assert AnchorKind.APPROXIMATE == found.kind
        assert "it was a big deal" == found.found.exact

    def test_long_rewrite_compared_by_sentence(self, monkeypatch):
        """
        A changed passage with too many words is not compared word by word.
        """
        monkeypatch.setattr(_anchor, "_MAX_PAIRS", 10)
        old, new = "Old words here.", "Old words there."

        assert [] == _anchor.Kept(old, new).stretches
        monkeypatch.undo()
        assert [(0, 10, 0), (15, 16, 14)] == _anchor.Kept(old, new).stretches

    def test_new_text_before_everything(self):
        """
        A candidate in text new at the very start is not old text.
        """
        kept = _anchor.Kept("Old words.", "New start. Old words.")

        assert not kept.elsewhere(0, 3, span("43 migrants"))
        assert kept.elsewhere(11, 14, span("43 migrants"))
        assert not kept.elsewhere(11, 30, span("43 migrants"))


# -- properties -------------------------------------------------------------


class TestProperties:
    """
    What re-anchoring promises, for any text.
    """

    @given(texts_and_spans())
    def test_unchanged_text_by_position(self, case):
        """
        In the unchanged text, every span is found by position.
        """
        text, old = case

        found = reanchor(old, text)

        assert AnchorKind.POSITION == found.kind
        assert old == found.found

    @given(texts_and_spans(), st.text("xyz .", min_size=1), st.data())
    def test_insertion_away_from_span(self, case, inserted, data):
        """
        Text inserted away from the span and its context shifts it.
        """
        text, old = case
        left = old.start - len(old.prefix)
        right = old.end + len(old.suffix)
        where = data.draw(
            st.sampled_from([*range(left + 1), *range(right, len(text) + 1)])
        )
        new = text[:where] + inserted + text[where:]
        whole = old.prefix + old.exact + old.suffix
        # Once in the new text, overlapping places counted ("xx" in "xxx"
        # is twice): else the span is rightly ambiguous.
        assume(sum(new.startswith(whole, n) for n in range(len(new))) == 1)

        found = reanchor(old, new)

        shift = len(inserted) if where <= left else 0
        assert found.kind in (AnchorKind.POSITION, AnchorKind.QUOTE)
        assert old.start + shift == found.found.start
        assert 1.0 == found.score

    @given(article_spans(), st.text(" abcxyz.", min_size=1), st.data())
    def test_insertion_anywhere_outside(self, old, inserted, data):
        """
        In the article, text inserted anywhere outside a unique quote,
        its context included, shifts it.
        """
        where = data.draw(
            st.sampled_from(
                [*range(old.start + 1), *range(old.end, len(ARTICLE) + 1)]
            )
        )
        new = ARTICLE[:where] + inserted + ARTICLE[where:]
        assume(new.count(old.exact) == 1)

        found = reanchor(old, new)

        shift = len(inserted) if where <= old.start else 0
        assert found.anchored
        assert old.start + shift == found.found.start
        assert old.exact == found.found.exact

    @given(texts_and_spans(min_size=2))
    def test_deleted_quote_never_anchored_below_minimum(self, case):
        """
        With the quote deleted, a span is found only where the score,
        counted the slow way, reaches the minimum.
        """
        text, old = case
        new = text[: old.start] + text[old.end :]

        found = reanchor(old, new)

        if found.anchored:
            assert true_to(found.found, new)
            score = reference_score(
                old, new, found.found.start, found.found.end
            )
            assert score >= Fraction(0.75)
            assert float(score) == found.score
        else:
            for at in _anchor.find_all(old.exact, new):
                assert (
                    float(reference_score(old, new, at, at + len(old.exact)))
                    <= found.score
                )

    @given(
        texts_and_spans(),
        st.lists(
            st.tuples(st.integers(0, 300), st.integers(0, 8), WORDS),
            max_size=4,
        ),
        st.booleans(),
    )
    def test_found_spans_are_true(self, case, edits, with_previous):
        """
        After any edits, a span found is true to the new text, and its
        score is what the slow count gives.
        """
        text, old = case
        new = text
        for at, cut, insert in edits:
            at = min(at, len(new))  # noqa: PLW2901
            new = new[:at] + insert + new[at + cut :]

        found = reanchor(old, new, previous=text if with_previous else None)

        for place in [
            *([found.found] if found.anchored else []),
            *found.candidates,
        ]:
            assert true_to(place, new)
            if found.kind is not AnchorKind.POSITION:
                assert found.score == float(
                    reference_score(old, new, place.start, place.end)
                )
        assert found == reanchor(
            old, new, previous=text if with_previous else None
        )


# -- the tracker ------------------------------------------------------------


def build():
    """
    A tracker on the seed article: four claims and a quoted evidence.
    """
    tracker = ct.Tracker()
    tracker.add_source(ARTICLE_SOURCE, by="desk", at=T0)
    tracker.add_actor(ct.Actor("rubio", "Marco Rubio"), at=T0)
    tracker.add_actor(ct.Actor("bukele", "Nayib Bukele"), at=T0)
    claims = {
        name: tracker.add_claim(
            text,
            speaker=speaker,
            source="indiatv",
            quote=quote,
            said="2025-02-03",
            at=T0,
        ).id
        for name, text, speaker, quote in [
            (
                "offer",
                "Bukele agreed to an unprecedented migratory agreement",
                "rubio",
                "has agreed to the most unprecedented",
            ),
            (
                "tour",
                "Rubio will visit Costa Rica, Guatemala and the Dominican",
                "rubio",
                "Rubio will visit Costa Rica, Guatemala",
            ),
            (
                "deport",
                "Non-Salvadorean migrants could be deported to El Salvador",
                "rubio",
                "non-Salvadorean migrants in the US to be deported",
            ),
            ("flight", "43 migrants left Panama", "rubio", "43 migrants"),
        ]
    }
    tracker.corroborate(
        claims["offer"],
        evidence=[
            ARTICLE_SOURCE.span_of("Bukele said it was a broad agreement"),
            ARTICLE_SOURCE.span_of("Throughout his tour"),
        ],
        at=T0,
    )
    # Neither a claim without a span nor evidence without one moves.
    claims["visit"] = tracker.add_claim(
        "Rubio visited El Salvador", speaker="rubio", source="indiatv", at=T0
    ).id
    tracker.corroborate(
        claims["visit"],
        evidence=["indiatv", "https://apnews.com/article/rubio-visit"],
        at=T0,
    )
    return tracker, claims


def spans_are_true(tracker):
    """
    Whether every span in the tracker is true to its source's text.
    """
    for claim in tracker:
        if claim.span is not None:
            text = tracker.source(claim.source).text
            assert text[claim.span.start : claim.span.end] == claim.span.exact
        for evidence in tracker.evidence(claim):
            for item in evidence.items:
                if item.span is not None:
                    text = tracker.source(item.source).text
                    assert text[item.span.start : item.span.end] == (
                        item.span.exact
                    )
    return True


class TestRevise:
    """
    Tracker.revise: a new text for a source, and its spans moved.
    """

    def test_revised_article(self):
        """
        The seed article revised: each span is found, or reported lost.
        """
        tracker, claims = build()

        revision = tracker.revise("indiatv", REVISED, by="desk", at=T1)

        kinds = {
            (e.claim, e.evidence is not None): e.anchoring.kind
            for e in revision.spans
        }
        assert {
            (claims["offer"], False): AnchorKind.QUOTE,
            (claims["tour"], False): AnchorKind.ORPHAN,
            (claims["deport"], False): AnchorKind.APPROXIMATE,
            (claims["flight"], False): AnchorKind.QUOTE,
            (claims["offer"], True): AnchorKind.ORPHAN,
        } == kinds
        assert REVISED == tracker.source("indiatv").text
        assert spans_are_true(tracker)
        deport = tracker.claim(claims["deport"])
        assert "non-Salvadoran migrants in the US to be deported" == (
            deport.span.exact
        )
        assert (1, "desk") == (revision.number, revision.by)
        assert [revision] == tracker.revisions("indiatv")

    def test_orphans(self):
        """
        A lost span leaves its claim without one, and is listed as an
        orphan with where it was.
        """
        tracker, claims = build()
        old = tracker.claim(claims["tour"]).span

        revision = tracker.revise("indiatv", REVISED, at=T1)

        tour = tracker.claim(claims["tour"])
        assert (None, "indiatv") == (tour.span, tour.source)
        orphans = tracker.orphans()
        assert list(revision.orphans) == orphans
        assert [claims["tour"], claims["offer"]] == [e.claim for e in orphans]
        assert old == orphans[0].anchoring.span
        assert orphans == tracker.orphans("indiatv")
        assert "claim " + claims["tour"] in str(orphans[0])
        assert "evidence " in str(orphans[1])

    def test_evidence_span(self):
        """
        An evidence set keeps its found span and loses its cut one, and the
        claim's support is unchanged.
        """
        tracker, claims = build()
        before = tracker.status(claims["offer"])

        tracker.revise("indiatv", REVISED, at=T1)

        (evidence,) = tracker.evidence(claims["offer"])
        first, second = evidence.items
        assert "Bukele said it was a broad agreement" == first.span.exact
        assert (None, "indiatv") == (second.span, second.source)
        assert before == tracker.status(claims["offer"])

    def test_moved(self):
        """
        `moved` lists what is found elsewhere; nothing is ambiguous.
        """
        tracker, claims = build()

        revision = tracker.revise("indiatv", REVISED, at=T1)

        assert {claims["offer"], claims["deport"], claims["flight"]} == {
            e.claim for e in revision.moved
        }
        assert () == revision.ambiguous
        assert "->" in str(revision.moved[0])

    def test_history(self):
        """
        The history keeps the claim as added and the revision after it.
        """
        tracker, claims = build()
        old = tracker.claim(claims["deport"])

        tracker.revise("indiatv", REVISED, at=T1)

        added, revised = tracker.history(claims["deport"])
        assert old == added.payload
        assert EventKind.SOURCE_REVISED == revised.kind
        assert claims["deport"] in revised.claims
        assert ARTICLE == tracker.events()[0].payload.text

    def test_claim_as_added_still_names_it(self):
        """
        A claim object from before the revision is still accepted.
        """
        tracker, claims = build()
        old = tracker.claim(claims["deport"])
        tracker.revise("indiatv", REVISED, at=T1)

        history = tracker.history(old)

        assert [EventKind.CLAIM_ADDED, EventKind.SOURCE_REVISED] == [
            e.kind for e in history
        ]
        assert old != tracker.claim(old.id)
        assert ct.Status.UNVERIFIED == tracker.status(old)
        with pytest.raises(ct.UnknownClaimError):
            tracker.status(attrs.evolve(old, text="Something else"))

    def test_same_revision_twice(self):
        """
        Revising to the text the source already has changes nothing.
        """
        tracker, _ = build()
        revision = tracker.revise("indiatv", REVISED, at=T1)
        events = tracker.events()

        again = tracker.revise(ARTICLE_SOURCE.id, REVISED)

        assert revision == again
        assert events == tracker.events()

    def test_revision_zero(self):
        """
        The text a source was added with is its revision 0.
        """
        tracker, _ = build()
        events = tracker.events()

        zero = tracker.revise(tracker.source("indiatv"), ARTICLE)

        assert (0, "desk", dt.datetime.fromisoformat(T0)) == (
            zero.number,
            zero.by,
            zero.at,
        )
        assert 6 == len(zero.spans)
        assert all(e.anchoring.kind is AnchorKind.POSITION for e in zero.spans)
        assert events == tracker.events()

    def test_found_again(self):
        """
        A later revision that restores a cut paragraph finds its orphans.
        """
        tracker, claims = build()
        tracker.revise("indiatv", REVISED, at=T1)

        revision = tracker.revise("indiatv", ARTICLE, at=T1)

        assert [] == tracker.orphans()
        assert 2 == revision.number
        assert (
            ARTICLE_SOURCE.span_of("Rubio will visit Costa Rica, Guatemala")
            == tracker.claim(claims["tour"]).span
        )
        assert spans_are_true(tracker)

    def test_lost_in_a_later_revision(self):
        """
        A span lost in a second revision is looked for, in a third, as of
        the text of the first.
        """
        tracker, claims = build()
        tracker.revise("indiatv", "Updated. " + ARTICLE, at=T1)
        tracker.revise("indiatv", "Updated. " + ARTICLE.replace(TOUR, ""))

        third = tracker.revise("indiatv", "Updated. " + ARTICLE)

        assert [] == list(third.orphans)
        assert "Rubio will visit Costa Rica, Guatemala" == (
            tracker.claim(claims["tour"]).span.exact
        )

    def test_orphan_kept_from_lookalikes(self):
        """
        An orphan looked for again is still not taken by a passage that
        was there when it was lost.
        """
        text = (
            "Team Alpha reported that the new deployment reduced latency. "
            "Team Beta reported that the new deployment reduced latency, "
            "they said."
        )
        tracker = ct.Tracker()
        tracker.add_source(ct.Source("t", text=text))
        tracker.add_actor(ct.Actor("alpha", "Team Alpha"))
        claim = tracker.add_claim(
            "Latency fell",
            speaker="alpha",
            source="t",
            quote="reported that the new deployment",
            occurrence=0,
        )
        cut = text[text.index("Team Beta") :]
        tracker.revise("t", cut)

        later = tracker.revise("t", cut + " More later.")

        assert [claim.id] == [e.claim for e in later.orphans]
        assert [claim.id] == [e.claim for e in tracker.orphans()]

    def test_ambiguous(self):
        """
        A claim whose paragraph is duplicated is set aside as ambiguous.
        """
        tracker, claims = build()
        paragraph = ARTICLE[
            ARTICLE.index("Rubio arrived") : ARTICLE.index("After")
        ]
        text = "Updated. " + ARTICLE.replace(paragraph, paragraph * 2)

        revision = tracker.revise("indiatv", text, at=T1)

        assert [claims["flight"]] == [e.claim for e in revision.ambiguous]
        assert tracker.claim(claims["flight"]).span is None
        (lost,) = tracker.orphans()
        assert AnchorKind.AMBIGUOUS == lost.anchoring.kind
        assert 2 == len(lost.anchoring.candidates)

    def test_source_without_text(self):
        """
        A source without text gets one: there is no span to move.
        """
        tracker = ct.Tracker()
        tracker.add_source(ct.Source("ap"))

        revision = tracker.revise("ap", "Now with text.")

        assert ((), 1) == (revision.spans, revision.number)
        assert "Now with text." == tracker.source("ap").text

    def test_min_score(self):
        """
        A stricter minimum leaves an edited quote an orphan.
        """
        tracker, claims = build()

        revision = tracker.revise("indiatv", REVISED, min_score=1, at=T1)

        assert 1 == revision.min_score
        assert claims["deport"] in {e.claim for e in revision.orphans}


class TestReviseErrors:
    """
    A revision that fails changes nothing.
    """

    @pytest.mark.parametrize(
        ("args", "kwargs", "error", "field"),
        [
            (("nowhere", "text"), {}, ct.UnknownSourceError, "source"),
            (("indiatv", None), {}, ct.InvalidTypeError, "text"),
            (
                ("indiatv", "x"),
                {"min_score": 2},
                ct.InvalidValueError,
                "min_score",
            ),
            (
                ("indiatv", "x"),
                {"at": "2025-02-05"},
                ct.InvalidDateError,
                "at",
            ),
            (("indiatv", "x"), {"by": ""}, ct.InvalidValueError, "by"),
            (
                (ct.Source("indiatv"), "x"),
                {},
                ct.UnknownSourceError,
                "source",
            ),
        ],
    )
    def test_bad_argument(self, args, kwargs, error, field):
        """
        Each bad argument is named, and the tracker is as it was.
        """
        tracker, _ = build()
        events = tracker.events()

        with pytest.raises(error) as e:
            tracker.revise(*args, **kwargs)

        assert field == e.value.field
        assert events == tracker.events()

    def test_several(self):
        """
        Several bad arguments are reported together.
        """
        tracker, _ = build()

        with pytest.raises(ct.InvalidFieldsError) as e:
            tracker.revise("nowhere", 3, min_score=0)

        assert "source, text, min_score" == e.value.field

    def test_unknown_source_elsewhere(self):
        """
        Revisions and orphans of an unknown source are refused.
        """
        tracker, _ = build()

        with pytest.raises(ct.UnknownSourceError):
            tracker.revisions("nowhere")
        with pytest.raises(ct.UnknownSourceError):
            tracker.orphans("nowhere")


class TestReviseHistory:
    """
    A revision is an event like any other: replayed, saved and merged.
    """

    def test_replay(self):
        """
        Replaying the events gives an equal tracker, orphans included.
        """
        tracker, _ = build()
        tracker.revise("indiatv", REVISED, at=T1)
        tracker.revise("indiatv", REVISED + "\n\nMore.", at=T1)

        again = ct.Tracker.from_events(tracker.events())

        assert tracker == again
        assert tracker.orphans() == again.orphans()
        assert list(tracker) == list(again)

    def test_json(self):
        """
        The JSON document keeps the revision.
        """
        tracker, _ = build()
        tracker.revise("indiatv", REVISED, at=T1)

        again = ct.Tracker.from_json(tracker.to_json())

        assert tracker == again
        assert tracker.orphans() == again.orphans()

    def test_store(self, tmp_path):
        """
        The SQLite store keeps the revision, and so does a reopened file.
        """
        path = tmp_path / "claims.db"
        memory, _ = build()
        with ct.Tracker.open(path) as stored:
            stored.merge(memory)
            stored.revise("indiatv", REVISED, at=T1)
            memory.revise("indiatv", REVISED, at=T1)
            assert memory == stored
        with ct.Tracker.open(path) as reopened:
            assert memory == reopened
            assert memory.orphans() == reopened.orphans()

    def test_apply_again(self):
        """
        Every event applied again, after the revision, changes nothing.
        """
        tracker, claims = build()
        tracker.revise("indiatv", REVISED, at=T1)
        events = tracker.events()

        returned = [tracker.apply(event) for event in events]

        assert events == tracker.events()
        assert tracker.source("indiatv") == returned[0]
        assert tracker.claim(claims["tour"]) in returned
        assert tracker.revisions("indiatv")[0] == returned[-1]

    def test_merge(self):
        """
        A copy made before the revision takes it in a merge.
        """
        tracker, _ = build()
        copy = ct.Tracker.from_events(tracker.events())
        tracker.revise("indiatv", REVISED, at=T1)

        added = copy.merge(tracker)

        assert [EventKind.SOURCE_REVISED] == [e.kind for e in added]
        assert tracker == copy

    def test_divergent_revisions(self):
        """
        Two different first revisions of one source do not merge.
        """
        tracker, _ = build()
        copy = ct.Tracker.from_events(tracker.events())
        tracker.revise("indiatv", REVISED, at=T1)
        copy.revise("indiatv", ARTICLE + "\n\nOther.", at=T1)
        events = copy.events()

        with pytest.raises(ct.ConflictError) as e:
            copy.merge(tracker)

        assert "events[" in e.value.field
        assert e.value.field.endswith("].number")
        assert events == copy.events()


class TestApplyRevision:
    """
    A revision event from elsewhere is checked before it is applied.
    """

    def event(self):
        """
        A tracker, and the revision event another tracker made.
        """
        tracker, _ = build()
        other = ct.Tracker.from_events(tracker.events())
        other.revise("indiatv", REVISED, at=T1)
        return tracker, other.events()[-1]

    def check(self, tracker, event, error, field):
        """
        Applying *event* raises *error* at *field*, changing nothing.
        """
        events = tracker.events()
        with pytest.raises(error) as e:
            tracker.apply(event)
        assert field == e.value.field
        assert events == tracker.events()

    def test_applies(self):
        """
        The event as made applies.
        """
        tracker, event = self.event()

        assert event.payload == tracker.apply(event)

    def test_number(self):
        """
        A revision must follow the source's last.
        """
        tracker, event = self.event()
        skipped = attrs.evolve(
            event, payload=attrs.evolve(event.payload, number=2)
        )

        self.check(tracker, skipped, ct.ConflictError, "number")

    def test_unknown_source(self):
        """
        A revision of a source the tracker lacks is refused.
        """
        tracker, event = self.event()
        other = attrs.evolve(
            event, payload=attrs.evolve(event.payload, source="ap")
        )

        self.check(tracker, other, ct.UnknownSourceError, "source")

    def test_missing_span(self):
        """
        A revision must say where every span went.
        """
        tracker, event = self.event()
        short = attrs.evolve(
            event,
            payload=attrs.evolve(event.payload, spans=event.payload.spans[1:]),
        )

        self.check(tracker, short, ct.ConflictError, "spans")

    def test_missing_evidence_span(self):
        """
        The error names the evidence whose span is not accounted for.
        """
        tracker, event = self.event()
        short = attrs.evolve(
            event,
            payload=attrs.evolve(
                event.payload, spans=event.payload.spans[:-1]
            ),
        )

        with pytest.raises(ct.ConflictError) as e:
            tracker.apply(short)

        assert "the span of evidence " in e.value.reason

    def test_span_twice(self):
        """
        A revision moves each span once.
        """
        tracker, event = self.event()
        spans = event.payload.spans
        twice = attrs.evolve(
            event, payload=attrs.evolve(event.payload, spans=spans + spans[:1])
        )

        self.check(
            tracker, twice, ct.InvalidValueError, f"spans[{len(spans)}]"
        )

    def test_span_not_held(self):
        """
        A revision moves the spans the tracker holds, not others.
        """
        tracker, event = self.event()
        first = event.payload.spans[0]
        other = attrs.evolve(
            first,
            anchoring=attrs.evolve(
                first.anchoring, span=ARTICLE_SOURCE.span_of("43 migrants")
            ),
        )
        changed = attrs.evolve(
            event,
            payload=attrs.evolve(
                event.payload, spans=(other, *event.payload.spans[1:])
            ),
        )

        self.check(
            tracker, changed, ct.ConflictError, "spans[0].anchoring.span"
        )

    @pytest.mark.parametrize("start", [0, 5000])
    def test_found_not_true(self, start):
        """
        A span's new place must be true to the new text.
        """
        tracker, event = self.event()
        first = event.payload.spans[0]
        place = first.anchoring.found
        wrong = ct.Span(start, start + len(place.exact), place.exact)
        bad = attrs.evolve(
            first, anchoring=attrs.evolve(first.anchoring, found=wrong)
        )
        changed = attrs.evolve(
            event,
            payload=attrs.evolve(
                event.payload, spans=(bad, *event.payload.spans[1:])
            ),
        )

        self.check(
            tracker, changed, ct.SpanMismatchError, "spans[0].anchoring.found"
        )

    def test_from_json_names_the_path(self):
        """
        A malformed revision in a document is refused at its path.
        """
        tracker, _ = build()
        tracker.revise("indiatv", REVISED, at=T1)
        text = tracker.to_json().replace(
            '"candidates": []', '"candidates": 3', 1
        )

        with pytest.raises(ct.InvalidDocumentError) as e:
            ct.Tracker.from_json(text)

        assert e.value.field.endswith(".anchoring.candidates")

    def test_from_json_spans_must_be_a_list(self):
        """
        A revision's spans are a JSON list.
        """
        tracker, _ = build()
        tracker.revise("indiatv", REVISED, at=T1)
        data = tracker.to_json().replace('"spans": [', '"spans": {"x": [', 1)
        data = data.replace('"min_score"', '"y": 1}, "min_score"', 1)

        with pytest.raises(ct.InvalidDocumentError) as e:
            ct.Tracker.from_json(data)

        assert e.value.field.endswith(".payload.spans")


class TestRevisionModels:
    """
    The revision and its entries check their fields.
    """

    def test_evidence_names_its_item(self):
        """
        An evidence span names both its evidence and its item.
        """
        anchoring = reanchor(span("43 migrants"), ARTICLE)

        with pytest.raises(ct.InvalidValueError) as e:
            Reanchored("c", anchoring, evidence="e")

        assert "item" == e.value.field

    def test_revision_id(self):
        """
        A revision's id comes from its source, number and text.
        """
        at = dt.datetime.fromisoformat(T1)
        first = Revision("s", 1, "text", at=at)
        later = Revision("s", 1, "text", by="someone", at=at)

        assert first.id == later.id
        assert first.id != Revision("s", 2, "text", at=at).id
        assert first.id.startswith("revision-")

    def test_revision_checks(self):
        """
        A revision's minimum and spans are checked.
        """
        with pytest.raises(ct.InvalidFieldsError) as e:
            Revision("s", -1, "t", min_score=0.4)

        assert "number, min_score" == e.value.field
