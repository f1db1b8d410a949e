"""
Tests for the messy text analysts paste: quotes, speakers and dates.

Quotes are found with their quotation marks, dashes, spaces and invisible
characters as the source has them; speakers are found with their titles
set aside, and an unknown one is told the nearest names; dates in vague
words are read as ranges against the reference.
"""

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack import _text


ARTICLE = (
    Path(__file__).resolve().parent.parent
    / "seeds"
    / "000_821ae99d464d4b5b.txt"
).read_text(encoding="utf-8")

# How each plain character may be written in a source or a pasted quote.
VARIANTS = {
    '"': ['"', "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb"],
    "'": ["'", "\u2018", "\u2019"],
    "-": ["-", "\u2010", "\u2011", "\u2013", "\u2014", "\u2212"],
    " ": [
        " ",
        "  ",
        "\n",
        "\r\n",
        "\t",
        "\u00a0",
        "\u202f",
        "\u2009",
        " \n ",
        " \u200b",
    ],
}
INVISIBLE = ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
PLAIN = "abcdefghij" + "".join(VARIANTS)


def loose_oracle(text):
    """
    The loose form of a text, computed the slow, obvious way.
    """
    plain = {v: k for k, variants in VARIANTS.items() for v in variants}
    chars = [plain.get(ch, ch) for ch in text if ch not in INVISIBLE]
    return " ".join("".join(chars).split())


@st.composite
def messy(draw, plain):
    """
    *plain* written messily: each character as one of its variants, with
    invisible characters between some of them.
    """
    out = []
    for ch in plain:
        if draw(st.booleans()):
            out.append(draw(st.sampled_from(INVISIBLE)))
        out.append(draw(st.sampled_from(VARIANTS.get(ch, [ch]))))
    return "".join(out)


class TestQuotesExactFirst:
    """
    A quote in the text exactly is found there, as before.
    """

    def test_exact_wins(self):
        """
        An exact occurrence is taken over a loose one elsewhere.
        """
        source = ct.Source("s", text='“yes” he said. "yes" she said.')

        assert 15 == source.span_of('"yes"').start

    def test_exact_repeats_are_ambiguous(self):
        """
        Two exact occurrences stay ambiguous, without the loose wording.
        """
        source = ct.Source("s", text="no, no")

        with pytest.raises(ct.AmbiguousQuoteError) as e:
            source.span_of("no")

        assert "taking quotation marks" not in e.value.reason


class TestQuotesLoosely:
    """
    Quotes pasted with other marks and spaces are found, exactly.
    """

    @pytest.mark.parametrize(
        ("text", "quote", "exact"),
        [
            ("He said “no deal” twice.", '"no deal"', "“no deal”"),
            ('He said "no deal" twice.', "„no deal“", '"no deal"'),
            ("He said «no deal» twice.", '"no deal"', "«no deal»"),
            ("Bukele’s deal", "Bukele's deal", "Bukele’s deal"),
            ("Bukele's deal", "Bukele‘s deal", "Bukele's deal"),
            ("a so‑called deal", "a so-called deal", "a so‑called deal"),
            ("2020–2021 figures", "2020-2021 figures", "2020–2021 figures"),
            ("yes — no", "yes - no", "yes — no"),
            ("yes - no", "yes — no", "yes - no"),
            ("the most\nunprecedented", "the most unprecedented", None),
            ("the most\r\n\r\nunprecedented", "the most unprecedented", None),
            ("the  most   unprecedented", "the most unprecedented", None),
            (
                "the\u00a0most\u202funprecedented",
                "the most unprecedented",
                None,
            ),
            ("the most unprecedented", "the\u00a0most\nunprecedented", None),
            ("unprece\u00addented deal", "unprecedented deal", None),
            ("unprece\u200bdented deal", "unprecedented deal", None),
            ("\ufeffunprecedented deal", "unprecedented deal", None),
            ("unprecedented deal", "unprece\u00addented deal", None),
            ("unprecedented deal", "  unprecedented deal\n", None),
            ("a\u00ad \u200b b", "a b", None),
        ],
    )
    def test_examples(self, text, quote, exact):
        """
        The span is the source's own text, whatever the quote's marks.
        """
        source = ct.Source("s", text=text)

        span = source.span_of(quote)

        assert text[span.start : span.end] == span.exact
        if exact is not None:
            assert exact == span.exact
        assert _text.loose_quote(quote) == _text.loose_quote(span.exact)
        assert source.check_span(span) == span

    def test_seed_article(self):
        """
        The seed article's curly quotes and byline break are found.
        """
        article = ct.Source("a", text=ARTICLE)

        span = article.span_of('so-called "safe third country"')
        byline = article.span_of("Marco Rubio US Secretary of State")

        assert (1698, 1728) == (span.start, span.end)
        assert "so-called “safe third country”" == span.exact
        assert "Marco Rubio\n\nUS Secretary of State" == byline.exact

    def test_invisible_is_not_a_space(self):
        """
        An invisible character between two words does not make a space.
        """
        source = ct.Source("s", text="ab\u200bcd")

        assert "ab\u200bcd" == source.span_of("abcd").exact
        with pytest.raises(ct.QuoteNotFoundError):
            source.span_of("ab cd")

    def test_case_still_counts(self):
        """
        Only marks and spaces are set aside: case must be as written.
        """
        source = ct.Source("s", text="He said “No deal”.")

        with pytest.raises(ct.QuoteNotFoundError):
            source.span_of('"no deal"')

    @pytest.mark.parametrize("quote", [" ", "\u00ad", "\n\u200b "])
    def test_nothing_to_find(self, quote):
        """
        A quote of spaces and invisible characters alone is not found.
        """
        source = ct.Source("s", text="plain-words")

        with pytest.raises(ct.QuoteNotFoundError) as e:
            source.span_of(quote)

        assert ("quote", quote) == (e.value.field, e.value.value)
        assert "did you mean" not in e.value.reason

    def test_loose_repeats_are_ambiguous(self):
        """
        A quote found loosely twice is ambiguous; occurrence= chooses.
        """
        source = ct.Source(
            "s", text="Rubio: “It’s done.” Bukele: “It’s done.”"
        )

        with pytest.raises(ct.AmbiguousQuoteError) as e:
            source.span_of("It's done")

        assert [8, 29] == [c.start for c in e.value.candidates]
        assert all("It’s done" == c.exact for c in e.value.candidates)
        assert "taking quotation marks, dashes and spaces" in e.value.reason
        assert 29 == source.span_of("It's done", occurrence=-1).start
        assert 8 == source.span_of("It's done", occurrence=0).start

    def test_loose_no_such_occurrence(self):
        """
        An occurrence past a loose count is rejected, saying how it counted.
        """
        source = ct.Source("s", text="“yes” and “yes”")

        with pytest.raises(ct.InvalidValueError) as e:
            source.span_of('"yes"', occurrence=2)

        assert ("occurrence", 2) == (e.value.field, e.value.value)
        assert "2 time(s)" in e.value.reason
        assert "taking quotation marks" in e.value.reason

    def test_overlapping_loose_occurrences(self):
        """
        Loose occurrences that overlap are all counted, as exact ones are.
        """
        source = ct.Source("s", text="a–a–a")

        with pytest.raises(ct.AmbiguousQuoteError) as e:
            source.span_of("a-a")

        assert [0, 2] == [c.start for c in e.value.candidates]

    def test_tracker_keeps_the_source_text(self):
        """
        A claim quoted loosely stores the source's characters and offsets.
        """
        tracker = ct.Tracker()
        tracker.add_source(
            ct.Source("a", published="2025-02-04", text=ARTICLE)
        )
        tracker.add_actor(ct.Actor("rubio", "Marco Rubio"))

        claim = tracker.add_claim(
            "A safe third country agreement is planned",
            speaker="rubio",
            source="a",
            quote='a so-called "safe third country" agreement',
        )

        assert "a so-called “safe third country” agreement" == (
            claim.span.exact
        )
        assert ARTICLE[claim.span.start : claim.span.end] == claim.span.exact

    @given(st.data())
    def test_messy_quote_finds_the_original(self, data):
        """
        For any text and passage, the passage pasted messily is found at
        the passage's own place (among the candidates, if it repeats).
        """
        words = st.text("abcdefghij", min_size=1, max_size=6)
        plain = " ".join(data.draw(st.lists(words, min_size=2, max_size=12)))
        start = data.draw(st.integers(0, len(plain) - 1))
        end = data.draw(st.integers(start + 1, len(plain)))
        assume(plain[start] != " " and plain[end - 1] != " ")
        quote = data.draw(messy(plain[start:end]))
        source = ct.Source("s", text=plain)

        try:
            spans = [source.span_of(quote)]
        except ct.AmbiguousQuoteError as e:
            spans = list(e.candidates)

        assert (start, end) in [(s.start, s.end) for s in spans]
        assert all(plain[s.start : s.end] == s.exact for s in spans)

    @given(st.data())
    def test_plain_quote_finds_messy_text(self, data):
        """
        For any messy text, a passage of its plain form is found at the
        messy text's own place for it (unless it is in the text as it is).
        """
        words = st.text("abcdefghij\"'-", min_size=1, max_size=6)
        units = data.draw(st.lists(words, min_size=2, max_size=10))
        plain = " ".join(units)
        # Write each character messily, keeping where each one went.
        text, where = "", []
        for ch in plain:
            written = data.draw(messy(ch))
            shown = written.lstrip("".join(INVISIBLE))
            where.append(
                (
                    len(text) + len(written) - len(shown),
                    len(text) + len(written),
                )
            )
            text += written
        start = data.draw(st.integers(0, len(plain) - 1))
        end = data.draw(st.integers(start + 1, len(plain)))
        assume(plain[start] != " " and plain[end - 1] != " ")
        source = ct.Source("s", text=text)
        quote = plain[start:end]

        try:
            spans = [source.span_of(quote)]
        except ct.AmbiguousQuoteError as e:
            spans = list(e.candidates)

        assert all(text[s.start : s.end] == s.exact for s in spans)
        if quote in text:  # found as it is: the exact places win
            assert all(quote == s.exact for s in spans)
        else:
            assert (where[start][0], where[end - 1][1]) in [
                (s.start, s.end) for s in spans
            ]

    @given(
        st.text(PLAIN + "".join(INVISIBLE) + "“”’—\u00a0\n", max_size=40),
        st.text(PLAIN + "“”’—\u00a0\n\u00ad", min_size=1, max_size=6),
    )
    def test_never_found_when_not_there(self, text, quote):
        """
        A quote is found exactly when its loose form is in the text's, and
        what is found is the quote, loosely; never anything else.
        """
        source = ct.Source("s", text=text)
        wanted = loose_oracle(quote)
        there = quote in text or (
            bool(wanted) and wanted in loose_oracle(text)
        )

        try:
            spans = [source.span_of(quote)]
        except ct.AmbiguousQuoteError as e:
            spans = list(e.candidates)
        except ct.QuoteNotFoundError:
            spans = []

        assert there is bool(spans)
        for span in spans:
            assert text[span.start : span.end] == span.exact
            assert span.exact == quote or loose_oracle(span.exact) == wanted


class TestDidYouMean:
    """
    A quote that is not there is told the nearest passage, cheaply.
    """

    @pytest.mark.parametrize(
        ("quote", "passage", "at"),
        [
            ("violent US criminals", "violent American criminals", (225, 251)),
            (
                "has agred to the most unprecedented",
                "has agreed to the most unprecedented",
                (321, 357),
            ),
            ("RUBIO SAID", "Rubio said", (285, 295)),
            (
                'so-called "safe third nation"',
                "so-called “safe third country",
                (1698, 1727),
            ),
            (
                "El Salvador Offered To Accept",
                "El Salvador has offered to accept",
                (148, 181),
            ),
        ],
    )
    def test_examples(self, quote, passage, at):
        """
        The message names the nearest passage and its offsets.
        """
        article = ct.Source("a", text=ARTICLE)

        with pytest.raises(ct.QuoteNotFoundError) as e:
            article.span_of(quote)

        assert ARTICLE[at[0] : at[1]] == passage
        assert e.value.reason == (
            f"does not occur in source 'a'; did you mean {passage!r} at "
            f"{at[0]}:{at[1]}?"
        )

    @pytest.mark.parametrize(
        "quote", ["Trump wants a deal", "zzzz qqqq", "x" * 2001]
    )
    def test_nothing_near(self, quote):
        """
        Nothing near enough, or a very long quote: no suggestion.
        """
        article = ct.Source("a", text=ARTICLE)

        with pytest.raises(ct.QuoteNotFoundError) as e:
            article.span_of(quote)

        assert "does not occur in source 'a'" == e.value.reason

    def test_long_passage_shortened(self):
        """
        A long passage is shown by its two ends; the offsets are whole.
        """
        article = ct.Source("a", text=ARTICLE)
        quote = ARTICLE[344:429].replace(", extraordinary,", " and")

        with pytest.raises(ct.QuoteNotFoundError) as e:
            article.span_of(quote)

        shown = re.search(
            r"did you mean '(.*)' at (\d+):(\d+)\?", e.value.reason
        )
        assert shown is not None
        start, end = int(shown[2]), int(shown[3])
        head, tail = shown[1].split("…")
        assert ARTICLE[start:end].startswith(head)
        assert ARTICLE[start:end].endswith(tail)
        assert len(shown[1]) <= 80 < end - start

    def test_whole_words(self):
        """
        A suggestion does not cut a word at either end.
        """
        text = "The minister announced a comprehensive agreement today."

        found = _text.nearest("a comprehensiv agreemen", text)

        assert found is not None
        assert "a comprehensive agreement" == text[found[0] : found[1]]

    def test_work_is_bounded(self, monkeypatch):
        """
        In a long text with the quote's words everywhere, only so many
        characters are compared, and the best of them is still found.
        """
        compared = []
        distances = _text.edit_distances

        def counting(pattern, text, *, anchored):
            if not anchored:
                compared.append(len(text))
            return distances(pattern, text, anchored=anchored)

        monkeypatch.setattr(_text, "edit_distances", counting)
        filler = "the deal was the deal and the deal stands. " * 20_000
        text = "Rubio said the deal was agreed. " + filler
        source = ct.Source("s", text=text)

        with pytest.raises(ct.QuoteNotFoundError) as e:
            source.span_of("Rubio sayd the deal was agreed")

        assert "did you mean 'Rubio said the deal was agreed' at 0:30?" in (
            e.value.reason
        )
        assert sum(compared) <= _text._BUDGET

    def test_invisible_characters(self):
        """
        Invisible characters are no difference, and the passage's offsets
        are the text's, with them.
        """
        text = "The min\u00adister said the agree\u00adment was signed."
        source = ct.Source("s", text=text)

        with pytest.raises(ct.QuoteNotFoundError) as e:
            source.span_of("the agreemnt was signed")

        assert e.value.reason.endswith(
            "did you mean 'the agree\\xadment was signed' at 19:44?"
        )
        assert "the agree\u00adment was signed" == text[19:44]

    def test_budget_stops_early(self, monkeypatch):
        """
        Places past the budget are not compared at all.
        """
        monkeypatch.setattr(_text, "_BUDGET", 5)

        assert _text.nearest("agreed", "it was agreed") is None

    def test_case_changing_letters(self):
        """
        A text whose lower case changes its length is compared as it is.
        """
        text = "İstanbul talks: the deal was agreed."

        found = _text.nearest("the deal was agred", text)

        assert found is not None
        assert "the deal was agreed" == text[found[0] : found[1]]

    @given(
        st.text("abcdefghijklmnopqrstuvwxyz ", min_size=40, max_size=200),
        st.data(),
    )
    def test_one_slip_is_suggested(self, text, data):
        """
        A passage of 16 characters or more with one letter mistyped gets a
        suggestion, and the suggestion is a passage of the text.
        """
        start = data.draw(st.integers(0, len(text) - 16))
        end = data.draw(st.integers(start + 16, len(text)))
        at = data.draw(st.integers(start, end - 1))
        quote = text[start:at] + "#" + text[at + 1 : end]
        assume(_text.loose_quote(quote))

        found = _text.nearest(_text.loose_quote(quote), text)

        assert found is not None
        assert 0 <= found[0] < found[1] <= len(text)


@pytest.fixture(name="tracker")
def _tracker():
    tracker = ct.Tracker()
    tracker.add_actor(
        ct.Actor(
            "rubio",
            "Marco Rubio",
            role="US Secretary of State",
            aliases=("Rubio",),
        )
    )
    tracker.add_actor(
        ct.Actor(
            "bukele",
            "Nayib Bukele",
            role="President of El Salvador",
            aliases=("Bukele",),
        )
    )
    return tracker


class TestTitles:
    """
    A speaker's title or honorific does not keep the name from matching.
    """

    @pytest.mark.parametrize(
        "name",
        [
            "Mr Rubio",
            "Mr. Rubio",
            "Ms Rubio",
            "Mrs. Rubio",
            "Dr Rubio",
            "Prof. Rubio",
            "President Rubio",
            "Secretary Rubio",
            "Minister Rubio",
            "Senator Rubio",
            "Sen. Marco Rubio",
            "Rep. Rubio",
            "Gov. Rubio",
            "Sr. Rubio",
            "Sra. Rubio",
            "Señor Rubio",
            "M. Rubio",
            "Mme Rubio",
            "Herr Rubio",
            "Frau Rubio",
            "Secretary of State Rubio",
            "Secretary of State Marco Rubio",
            "US Secretary of State Marco Rubio",
            "U.S. Secretary Rubio",
            "Former Sen. Marco Rubio",
            "Mr. Secretary Rubio",
        ],
    )
    def test_rubio(self, tracker, name):
        """
        Each title, set aside, leaves a name only Rubio has.
        """
        assert "rubio" == tracker.actor(name).id

    @pytest.mark.parametrize(
        "name",
        [
            "President Bukele",
            "President of El Salvador Nayib Bukele",
            "President of El Salvador Bukele",  # "el" is no place
            "Salvadoran President Nayib Bukele",
            "El Salvador's President Bukele",
        ],
    )
    def test_bukele(self, tracker, name):
        """
        Words before a title, and a title with "of", are set aside too.
        """
        assert "bukele" == tracker.actor(name).id

    def test_speaker_of_a_claim(self, tracker):
        """
        A claim's speaker and relays are found with their titles.
        """
        claim = tracker.add_claim(
            "El Salvador will take deportees",
            speaker="President Bukele",
            reported_by=["Secretary of State Rubio"],
        )

        assert ("bukele", ("rubio",)) == (claim.speaker, claim.reported_by)

    def test_shared_name_stays_ambiguous(self, tracker):
        """
        A name without its title that two actors have is not guessed.
        """
        tracker.add_actor(
            ct.Actor("bukele-sr", "Armando Bukele", aliases=("Bukele",))
        )

        with pytest.raises(ct.AmbiguousActorError) as e:
            tracker.actor("President Bukele")

        assert ("actor", "President Bukele") == (e.value.field, e.value.value)
        assert "without its title" in e.value.reason
        assert ["bukele", "bukele-sr"] == [a.id for a in e.value.candidates]

    def test_a_name_as_given_wins(self, tracker):
        """
        An actor known by the whole name, title and all, is that actor.
        """
        tracker.add_actor(
            ct.Actor("trump", "Donald Trump", aliases=("President Bukele",))
        )

        assert "trump" == tracker.actor("President Bukele").id
        assert "bukele" == tracker.actor("Mr. Bukele").id

    @pytest.mark.parametrize(
        "name",
        [
            "Mr. Joe Rubio",  # a first name is not set aside
            "Secretary of State Joe Rubio",  # "State Joe" is no place
            "President of El Salvador Nayib Rubio",  # one after two
            "President",
            "Mr.",
            "Secretary of State",
            "Minister of the Interior",  # "the" is no place
            "Secretary of the Bukele",
        ],
    )
    def test_never_guessed(self, tracker, name):
        """
        What is left of a name after its title must be a name as it is.
        """
        with pytest.raises(ct.UnknownActorError) as e:
            tracker.actor(name)

        assert ("actor", name) == (e.value.field, e.value.value)

    def test_title_of_the_place(self, tracker):
        """
        A place with an article before it is a place all the same.
        """
        tracker.add_actor(ct.Actor("hill", "Alexandra Hill"))

        assert (
            "hill"
            == tracker.actor(
                "Minister of the Foreign Affairs Alexandra Hill"
            ).id
        )
        assert "rubio" == tracker.actor("Secretary of the State Rubio").id

    def test_queued_actor(self, tracker):
        """
        An actor added in the same call is found by its title too.
        """
        noem = ct.Actor("noem", "Kristi Noem", aliases=("Noem",))

        first, second = tracker.add_claims(
            [
                {"text": "The border is closed", "speaker": noem},
                {"text": "Flights will resume", "speaker": "Secretary Noem"},
            ]
        )

        assert ("noem", "noem") == (first.speaker, second.speaker)

    def test_queued_actor_shares_a_name(self, tracker):
        """
        A queued actor and a stored one sharing a name are not guessed.
        """
        other = ct.Actor("rubio-jr", "Marco Rubio Jr", aliases=("Rubio",))
        size = len(tracker)

        with pytest.raises(ct.AmbiguousActorError) as e:
            tracker.add_claims(
                [
                    {"text": "A", "speaker": other},
                    {"text": "B", "speaker": "Senator Rubio"},
                ]
            )

        assert ["rubio", "rubio-jr"] == [a.id for a in e.value.candidates]
        assert size == len(tracker)

    def test_over_a_store(self, tmp_path):
        """
        A tracker over a store finds names by their titles as well.
        """
        path = tmp_path / "claims.db"
        with ct.Tracker.open(path) as tracker:
            tracker.add_actor(
                ct.Actor("rubio", "Marco Rubio", aliases=("Rubio",))
            )
        with ct.Tracker.open(path) as tracker:
            claim = tracker.add_claim("A deal", speaker="Mr. Rubio")

        assert "rubio" == claim.speaker

    @given(
        st.lists(
            st.text("abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=8),
            min_size=1,
            max_size=5,
            unique=True,
        ),
        st.sampled_from(
            ["Mr.", "Mrs", "Dr.", "President", "Senator", "Gov.", "Frau"]
        ),
        st.data(),
    )
    def test_title_then_alias(self, surnames, title, data):
        """
        A title before an alias finds the alias's actor, or, for an alias
        two actors share, is ambiguous: never another actor.
        """
        assume(not set(surnames) & set(_text._TITLES))
        tracker = ct.Tracker()
        for n, surname in enumerate(surnames):
            tracker.add_actor(
                ct.Actor(f"a{n}", f"First {surname}", aliases=(surname,))
            )
        shared = data.draw(st.sampled_from(surnames))
        tracker.add_actor(ct.Actor("twin", "Twin", aliases=(shared,)))
        wanted = data.draw(st.sampled_from(surnames))

        if wanted == shared:
            with pytest.raises(ct.AmbiguousActorError):
                tracker.actor(f"{title} {wanted}")
        else:
            found = tracker.actor(f"{title} {wanted}")
            assert wanted in found.aliases

    @given(
        st.lists(
            st.sampled_from(
                [
                    "mr",
                    "of",
                    "state",
                    "president",
                    "el",
                    "rubio",
                    "nayib",
                    "us",
                ]
            ),
            max_size=8,
        )
    )
    def test_titled_names_are_tails(self, words):
        """
        A name with its title set aside is a shorter tail of the name.
        """
        key = " ".join(words)

        for name in _text.titled_names(key):
            assert name
            assert key.endswith(" " + name)


class TestDidYouMeanActor:
    """
    An unknown name is told the known names nearest to it.
    """

    @pytest.mark.parametrize(
        ("name", "suggested"),
        [
            ("Rubbio", "'Marco Rubio'"),
            ("Marco Rubios", "'Marco Rubio'"),
            ("Nayb Bukele", "'Nayib Bukele'"),
            ("Mr. Rubbio", "'Marco Rubio'"),
            ("Presdent of El Salvador", "'Nayib Bukele'"),
        ],
    )
    def test_examples(self, tracker, name, suggested):
        """
        The message ends with the nearest names, as their actors' labels.
        """
        with pytest.raises(ct.UnknownActorError) as e:
            tracker.actor(name)

        assert e.value.reason == (
            "no actor has this id, name, alias or role; did you mean "
            f"{suggested}?"
        )

    @pytest.mark.parametrize("name", ["Trump", "...", "x"])
    def test_nothing_near(self, tracker, name):
        """
        A name near no known name is told nothing more.
        """
        with pytest.raises(ct.UnknownActorError) as e:
            tracker.actor(name)

        assert "no actor has this id, name, alias or role" == e.value.reason

    def test_several(self, tracker):
        """
        Several near names are listed, best first; a label two actors
        share is told apart by their ids.
        """
        tracker.add_actor(ct.Actor("rubino", "Mario Rubino"))
        tracker.add_actor(ct.Actor("rubin-1", "Ruben Rubin"))
        tracker.add_actor(ct.Actor("rubin-2", "Ruben Rubin"))

        with pytest.raises(ct.UnknownActorError) as e:
            tracker.actor("Rubin")

        assert e.value.reason.endswith(
            "did you mean 'Ruben Rubin' (rubin-1), 'Ruben Rubin' (rubin-2) "
            "or 'Mario Rubino'?"
        )

    def test_two(self, tracker):
        """
        Two near names are joined by "or".
        """
        tracker.add_actor(ct.Actor("rubino", "Mario Rubino"))

        with pytest.raises(ct.UnknownActorError) as e:
            tracker.actor("Rubbino")

        assert e.value.reason.endswith(
            "did you mean 'Mario Rubino' or 'Marco Rubio'?"
        )

    def test_in_add_claim(self, tracker):
        """
        A claim's misspelt speaker is told the name, and nothing is added.
        """
        size = len(tracker)

        with pytest.raises(ct.UnknownActorError) as e:
            tracker.add_claim("A deal", speaker="Bukelle")

        assert ("speaker", "Bukelle") == (e.value.field, e.value.value)
        assert e.value.reason.endswith("did you mean 'Nayib Bukele'?")
        assert size == len(tracker)

    def test_queued_actor_suggested(self, tracker):
        """
        An actor added in the same call is among the names suggested.
        """
        noem = ct.Actor("noem", "Kristi Noem", aliases=("Noem",))

        with pytest.raises(ct.UnknownActorError) as e:
            tracker.add_claim(
                "A deal", speaker=noem, reported_by=["Kristi Neom"]
            )

        assert "reported_by[0]" == e.value.field
        assert e.value.reason.endswith("did you mean 'Kristi Noem'?")
        assert "noem" not in tracker

    def test_subject_query_unaffected(self, tracker):
        """
        A subject that is a thing, not an actor, is still a plain lookup.
        """
        assert [] == tracker.claims(subject="the agreemnt")

    def test_closest_is_bounded(self):
        """
        Among thousands of names sharing the query's pieces, a few are
        compared and at most *limit* returned.
        """
        keys = [f"rubio {n}" for n in range(6000)]

        found = _text.closest("rubio", keys, limit=2)

        assert 2 == len(found)
        assert set(found) <= set(keys)

    @given(
        st.lists(
            st.text("abcdefg h", min_size=1, max_size=10),
            min_size=1,
            max_size=20,
            unique=True,
        ),
        st.text("abcdefg h", min_size=1, max_size=10),
    )
    def test_closest_properties(self, keys, query):
        """
        Suggestions are known names, at most three, and a known name
        suggests itself first.
        """
        keys = [" ".join(k.split()) for k in keys if k.split()]
        assume(keys and len(set(keys)) == len(keys))

        found = _text.closest(query, keys)

        assert set(found) <= set(keys)
        assert len(found) <= 3
        assert keys[0] == _text.closest(keys[0], keys)[0]


TUESDAY = dt.date(2025, 2, 4)


def read(words, reference=TUESDAY):
    """
    Read *words* against *reference*; the When's days and precision.
    """
    when = ct.When.parse(words, reference=reference)
    assert words == when.text
    return when.earliest.isoformat(), when.latest.isoformat(), when.precision


class TestVagueDates:
    """
    Vague words for dates read as ranges against the reference.
    """

    @pytest.mark.parametrize(
        ("words", "earliest", "latest", "precision"),
        [
            ("a few days ago", "2025-01-30", "2025-02-02", "range"),
            ("few days ago", "2025-01-30", "2025-02-02", "range"),
            ("a couple of days ago", "2025-02-01", "2025-02-02", "range"),
            ("a couple of weeks ago", "2025-01-14", "2025-01-21", "range"),
            ("several weeks ago", "2024-12-17", "2025-01-14", "range"),
            ("a few fortnights ago", "2024-11-26", "2025-01-07", "range"),
            ("several months ago", "2024-07-01", "2024-11-30", "range"),
            ("a few years ago", "2020-01-01", "2023-12-31", "range"),
            ("two months ago", "2024-12-01", "2024-12-31", "month"),
            ("3 years ago", "2022-01-01", "2022-12-31", "year"),
            ("last month", "2025-01-01", "2025-01-31", "month"),
            ("earlier this year", "2025-01-01", "2025-02-03", "range"),
            ("the past week", "2025-01-28", "2025-02-04", "range"),
            ("in the past week", "2025-01-28", "2025-02-04", "range"),
            ("past month", "2025-01-04", "2025-02-04", "range"),
            ("over the past 12 months", "2024-02-04", "2025-02-04", "range"),
            ("in the last two weeks", "2025-01-21", "2025-02-04", "range"),
            ("the previous fortnight", "2025-01-21", "2025-02-04", "range"),
            ("the past few days", "2025-01-30", "2025-02-04", "range"),
            ("during the past year", "2024-02-04", "2025-02-04", "range"),
            ("in recent days", "2025-01-28", "2025-02-04", "range"),
            ("in recent weeks", "2024-12-17", "2025-02-04", "range"),
            ("recent months", "2024-07-04", "2025-02-04", "range"),
            ("in recent years", "2018-02-04", "2025-02-04", "range"),
            ("late last year", "2024-09-01", "2024-12-31", "range"),
            ("early this year", "2025-01-01", "2025-04-30", "range"),
            ("mid next year", "2026-05-01", "2026-08-31", "range"),
            ("early this month", "2025-02-01", "2025-02-10", "range"),
            ("mid-last month", "2025-01-11", "2025-01-20", "range"),
            ("late this month", "2025-02-21", "2025-02-28", "range"),
            ("early next week", "2025-02-10", "2025-02-11", "range"),
            ("mid this week", "2025-02-05", "2025-02-06", "range"),
            ("late last week", "2025-01-31", "2025-02-02", "range"),
            ("mid-2024", "2024-05-01", "2024-08-31", "range"),
            ("the 12 months to June", "2023-07-01", "2024-06-30", "range"),
            (
                "the 12 months to June 2025",
                "2024-07-01",
                "2025-06-30",
                "range",
            ),
            (
                "the twelve months ending in June",
                "2023-07-01",
                "2024-06-30",
                "range",
            ),
            ("in the year to March", "2023-04-01", "2024-03-31", "range"),
            ("the year to January", "2024-02-01", "2025-01-31", "range"),
            (
                "the six months to the end of June 2024",
                "2024-01-01",
                "2024-06-30",
                "range",
            ),
            (
                "the quarter to December 2024",
                "2024-10-01",
                "2024-12-31",
                "range",
            ),
            (
                "the half-year to June 2024",
                "2024-01-01",
                "2024-06-30",
                "range",
            ),
            (
                "the 12 months to December 2024",
                "2024-01-01",
                "2024-12-31",
                "year",
            ),
            ("the one month to May 2024", "2024-05-01", "2024-05-31", "month"),
        ],
    )
    def test_examples(self, words, earliest, latest, precision):
        """
        Each reads as its range, with its precision, keeping the words.
        """
        assert (earliest, latest, ct.Precision(precision)) == read(words)

    def test_month_ends(self):
        """
        A month back from a day its month lacks is that month's last day.
        """
        assert ("2025-02-28", "2025-03-31", ct.Precision.RANGE) == read(
            "the past month", dt.date(2025, 3, 31)
        )
        assert ("2023-02-28", "2024-02-29", ct.Precision.RANGE) == read(
            "the past year", dt.date(2024, 2, 29)
        )

    def test_no_year_needed(self):
        """
        The months to a month of a given year need no reference.
        """
        when = ct.When.parse("the 12 months to June 2025")

        assert "2024-07-01/2025-06-30" == when.isoformat()

    @pytest.mark.parametrize(
        "words",
        [
            "a few days ago",
            "the past week",
            "in recent weeks",
            "late last year",
            "the 12 months to June",
        ],
    )
    def test_need_a_reference(self, words):
        """
        Without a reference, relative words say they need one.
        """
        with pytest.raises(ct.MissingReferenceError) as e:
            ct.When.parse(words, field="said")

        assert ("said", words) == (e.value.field, e.value.value)

    @pytest.mark.parametrize(
        ("words", "why"),
        [
            ("the 0 months to June", "counts no months"),
            (
                "the umpteen months to June",
                "counts months by 'umpteen', not a number",
            ),
            (
                "the 12 months to date",
                "counts the months to 'date', not a month",
            ),
            ("the past 0 days", "the past 0 days is no time at all"),
            ("the past umpteen days", "'umpteen' is not a number"),
            ("umpteen days ago", "'umpteen' is not a number"),
            ("a few days from now", "the relative words it reads include"),
            ("99999 years ago", "is not a date claimtrack can read"),
        ],
    )
    def test_unreadable(self, words, why):
        """
        Words that cannot be read say why, with the words.
        """
        with pytest.raises(ct.InvalidDateError) as e:
            ct.When.parse(words, reference=TUESDAY, field="said")

        assert ("said", words) == (e.value.field, e.value.value)
        assert why in e.value.reason
        assert str(e.value).startswith(f"said={words!r}: ")

    def test_no_hint_for_other_words(self):
        """
        Words that look nothing like a relative date get no list of them.
        """
        with pytest.raises(ct.InvalidDateError) as e:
            ct.When.parse("soon", reference=TUESDAY)

        assert "relative words" not in e.value.reason

    def test_tracker_reads_against_the_source(self):
        """
        A claim said "a few days ago" is read against its source's day.
        """
        tracker = ct.Tracker()
        tracker.add_source(
            ct.Source("a", published="2025-02-04", text=ARTICLE)
        )
        tracker.add_actor(ct.Actor("rubio", "Marco Rubio"))

        claim = tracker.add_claim(
            "A deal was struck",
            speaker="rubio",
            source="a",
            said="a few days ago",
        )

        assert "2025-01-30/2025-02-02" == claim.said.isoformat()
        assert "a few days ago" == claim.said.text

    def test_tracker_without_a_day(self):
        """
        A source published in some month cannot anchor vague words.
        """
        tracker = ct.Tracker()
        tracker.add_source(ct.Source("a", published="2025-02"))
        tracker.add_actor(ct.Actor("rubio", "Marco Rubio"))

        with pytest.raises(ct.MissingReferenceError) as e:
            tracker.add_claim(
                "A deal", speaker="rubio", source="a", said="in recent weeks"
            )

        assert "not on a known day" in e.value.reason
        assert 0 == len(tracker)

    @given(
        st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
        st.sampled_from(["a couple of", "a few", "several"]),
        st.sampled_from(["days", "weeks", "fortnights", "months", "years"]),
    )
    def test_ago_is_before(self, reference, few, unit):
        """
        "A few days ago" and its kind end before the reference.
        """
        when = ct.When.parse(f"{few} {unit} ago", reference=reference)

        assert when.earliest <= when.latest < reference

    @given(
        st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
        st.one_of(
            st.integers(1, 40).map(str),
            st.sampled_from(["few", "several", "two"]),
        ),
        st.sampled_from(["days", "weeks", "months", "years"]),
    )
    def test_past_ends_at_reference(self, reference, count, unit):
        """
        "The past N days" and its kind run up to the reference.
        """
        when = ct.When.parse(f"the past {count} {unit}", reference=reference)

        assert when.earliest < when.latest == reference

    @given(
        st.integers(1, 48),
        st.integers(1, 12),
        st.integers(1901, 2099),
    )
    def test_months_to(self, count, month, year):
        """
        "The N months to M Y" is N whole months ending with M of Y.
        """
        name = dt.date(2000, month, 1).strftime("%B")

        when = ct.When.parse(f"the {count} months to {name} {year}")

        assert (when.latest.year, when.latest.month) == (year, month)
        assert when.earliest.day == 1
        months = (
            (year - when.earliest.year) * 12 + month - when.earliest.month + 1
        )
        assert count == months

    @given(
        st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
        st.sampled_from(["last", "this", "next"]),
        st.sampled_from(["week", "month", "year"]),
    )
    def test_parts_in_order(self, reference, which, unit):
        """
        Early, mid and late cover parts of the unit, in order, apart.
        """
        whole = ct.When.parse(f"{which} {unit}", reference=reference)
        parts = [
            ct.When.parse(f"{part} {which} {unit}", reference=reference)
            for part in ("early", "mid", "late")
        ]

        assert all(whole.contains(p) for p in parts)
        assert parts[0].latest < parts[1].earliest
        assert parts[1].latest < parts[2].earliest
        assert parts[0].earliest == whole.earliest
        assert parts[2].latest == whole.latest
