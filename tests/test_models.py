"""
Tests for the value objects: Span, Source, Actor, Quantity, Proposition,
Claim.
"""

import datetime as dt
import pickle
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack import strategies as cst


# A source, and a quote of its text.
SOURCE_AND_QUOTE = cst.sources().flatmap(
    lambda s: cst.spans(source=st.just(s)).map(lambda span: (s, span.exact))
)
TEXT = "Rubio said, “He has agreed.” Rubio said it twice: He has agreed."


@pytest.fixture(name="source")
def _source():
    return ct.Source("s1", text=TEXT, published="2025-02-04")


class TestSpan:
    """
    Span's own invariants, independent of any source.
    """

    def test_valid(self):
        """
        A span with consistent offsets and quote is built as given.
        """
        span = ct.Span(3, 6, "abc", prefix="xyz", source="s")

        assert (3, 6, "abc", "xyz", "", "s") == attrs.astuple(span)

    def test_end_before_start(self):
        """
        An end before the start is rejected, naming `end`.
        """
        with pytest.raises(ct.InvalidValueError) as e:
            ct.Span(5, 3, "ab")

        assert ("end", 3) == (e.value.field, e.value.value)

    def test_length_mismatch(self):
        """
        An exact text whose length differs from the offsets is rejected.
        """
        with pytest.raises(ct.SpanMismatchError) as e:
            ct.Span(0, 3, "ab")

        assert "exact" == e.value.field

    def test_empty_quote(self):
        """
        A span must quote at least one code point.
        """
        with pytest.raises(ct.InvalidValueError, match="must not be empty"):
            ct.Span(2, 2, "")

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"start": -1, "end": 1, "exact": "ab"}, "start"),
            ({"start": True, "end": 1, "exact": "a"}, "start"),
            ({"start": 0, "end": "1", "exact": "a"}, "end"),
            ({"start": 0, "end": 1, "exact": b"a"}, "exact"),
        ],
    )
    def test_bad_fields(self, kwargs, field):
        """
        Negative, boolean or mistyped fields are rejected by name.
        """
        with pytest.raises(ct.ClaimtrackError) as e:
            ct.Span(**kwargs)

        assert field == e.value.field

    def test_context_limit(self):
        """
        More than 32 code points of context is rejected.
        """
        with pytest.raises(ct.InvalidValueError) as e:
            ct.Span(0, 1, "a", suffix="x" * 33)

        assert "suffix" == e.value.field

    def test_several_bad_fields_reported_together(self):
        """
        Several bad fields raise one group holding each error.
        """
        with pytest.raises(ct.InvalidFieldsError) as e:
            ct.Span(-1, "x", 3)

        assert ["start", "end", "exact"] == [
            x.field for x in e.value.exceptions
        ]
        assert isinstance(e.value, ValueError)

    def test_evolve_validates(self):
        """
        attrs.evolve re-validates: a span cannot be moved off its quote.
        """
        span = ct.Span(0, 2, "ab")

        with pytest.raises(ct.SpanMismatchError):
            attrs.evolve(span, end=3)


class TestSpanOf:
    """
    Source.span_of finds quotes exactly, and never guesses.
    """

    def test_finds_unique_quote(self, source):
        """
        A quote that occurs once gives its span with 32-char context.
        """
        span = source.span_of("Rubio said it twice")

        assert TEXT[span.start : span.end] == span.exact
        assert TEXT[: span.start][-32:] == span.prefix
        assert TEXT[span.end :][:32] == span.suffix
        assert "s1" == span.source

    def test_ambiguous_quote(self, source):
        """
        A repeated quote without occurrence is an ambiguity error.
        """
        with pytest.raises(ct.AmbiguousQuoteError) as e:
            source.span_of("He has agreed")

        assert ("quote", "He has agreed") == (e.value.field, e.value.value)
        assert [13, 50] == [c.start for c in e.value.candidates]

    @pytest.mark.parametrize(
        ("occurrence", "start"), [(0, 13), (1, 50), (-1, 50)]
    )
    def test_occurrence_chooses(self, source, occurrence, start):
        """
        occurrence picks a repeat like a Python index.
        """
        assert (
            start
            == source.span_of("He has agreed", occurrence=occurrence).start
        )

    def test_no_such_occurrence(self, source):
        """
        An occurrence past the count is rejected, naming `occurrence`.
        """
        with pytest.raises(ct.InvalidValueError) as e:
            source.span_of("He has agreed", occurrence=2)

        assert ("occurrence", 2) == (e.value.field, e.value.value)

    def test_not_found(self, source):
        """
        A missing quote says so, and names the passage nearest to it.
        """
        with pytest.raises(ct.QuoteNotFoundError) as e:
            source.span_of('"He has disagreed."')

        assert ("quote", '"He has disagreed."') == (
            e.value.field,
            e.value.value,
        )
        assert e.value.reason.startswith("does not occur in source 's1'")
        assert "did you mean '“He has agreed.”' at 12:28?" in e.value.reason

    def test_no_text(self):
        """
        A source without text cannot be quoted.
        """
        with pytest.raises(ct.MissingTextError):
            ct.Source("s").span_of("x")

    @pytest.mark.parametrize("quote", ["", 3])
    def test_bad_quote(self, source, quote):
        """
        An empty or non-string quote is rejected.
        """
        with pytest.raises(ct.ClaimtrackError) as e:
            source.span_of(quote)

        assert "quote" == e.value.field

    def test_span_at_bounds(self, source):
        """
        span_at refuses offsets past the end of the text.
        """
        with pytest.raises(ct.InvalidValueError) as e:
            source.span_at(0, len(TEXT) + 1)

        assert "end" == e.value.field

    @given(SOURCE_AND_QUOTE)
    def test_span_of_is_true_to_text(self, case):
        """
        For any text and quote, the span found quotes the text exactly.
        """
        source, quote = case
        span = source.span_of(quote, occurrence=0)

        assert source.text[span.start : span.end] == span.exact == quote
        assert span.matches(source.text)
        assert source.check_span(span) == span

    @given(SOURCE_AND_QUOTE)
    def test_every_candidate_is_true(self, case):
        """
        Every candidate of an ambiguity is a true span, in text order.
        """
        source, quote = case
        try:
            spans = [source.span_of(quote)]
        except ct.AmbiguousQuoteError as e:
            spans = list(e.candidates)

        assert all(source.text[s.start : s.end] == quote for s in spans)
        assert sorted(s.start for s in spans) == [s.start for s in spans]
        assert len(spans) == len(source.find(quote))


class TestCheckSpan:
    """
    Source.check_span rejects spans not true to the text.
    """

    def test_fills_context(self, source):
        """
        A bare span gets its prefix and suffix from the text.
        """
        bare = ct.Span(13, 26, "He has agreed")

        assert source.span_of(
            "He has agreed", occurrence=0
        ) == source.check_span(bare)

    def test_wrong_exact(self, source):
        """
        A span whose exact text is not at its offsets is rejected.
        """
        with pytest.raises(ct.SpanMismatchError) as e:
            source.check_span(ct.Span(0, 5, "Bukel"))

        assert ("span.exact", "Bukel") == (e.value.field, e.value.value)
        assert "'Rubio'" in str(e.value)

    def test_wrong_context(self, source):
        """
        Context that is given must be the text's.
        """
        with pytest.raises(ct.SpanMismatchError) as e:
            source.check_span(ct.Span(13, 26, "He has agreed", prefix="xx"))

        assert "span.prefix" == e.value.field

    def test_other_source(self, source):
        """
        A span that names another source is rejected.
        """
        with pytest.raises(ct.SpanMismatchError) as e:
            source.check_span(ct.Span(0, 5, "Rubio", source="s2"))

        assert "span.source" == e.value.field

    @given(cst.sources(), st.integers(0, 400), st.integers(1, 20))
    def test_shifted_span_never_passes_silently(self, source, start, size):
        """
        A span moved off its quote is rejected, or quotes identical text.
        """
        text = source.text
        end = min(len(text), start + size)
        start = min(start, end - 1)
        span = source.span_at(start, end)
        moved = ct.Span(
            (start + 1) % len(text),
            (start + 1) % len(text) + len(span.exact),
            span.exact,
        )
        try:
            checked = source.check_span(moved)
        except ct.SpanMismatchError:
            return
        assert text[checked.start : checked.end] == span.exact


class TestSource:
    """
    Source validation and conversion.
    """

    def test_published_iso_string(self):
        """
        An ISO string for published becomes a When of that precision.
        """
        assert ct.When.month(2025, 2) == attrs.evolve(
            ct.Source("s", published="2025-02").published, text=""
        )

    def test_published_date(self):
        """
        A date for published becomes a day When.
        """
        s = ct.Source("s", published=dt.date(2025, 2, 4))

        assert dt.date(2025, 2, 4) == s.published.date

    def test_published_relative_words_rejected(self):
        """
        Relative words cannot be a publication date: there is no reference.
        """
        with pytest.raises(ct.ClaimtrackError) as e:
            ct.Source("s", published="Monday")

        assert ("published", "Monday") == (e.value.field, e.value.value)

    def test_derived_from_normalised(self):
        """
        derived_from takes a list or one id and keeps each id once.
        """
        assert ("ap", "afp") == ct.Source(
            "s", derived_from=["ap", "afp", "ap"]
        ).derived_from
        assert ("ap",) == ct.Source("s", derived_from="ap").derived_from

    def test_derived_from_self(self):
        """
        A source cannot derive from itself.
        """
        with pytest.raises(ct.InvalidValueError) as e:
            ct.Source("s", derived_from=("s",))

        assert "derived_from" == e.value.field

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"id": ""}, "id"),
            ({"id": "s", "url": "ftp://x"}, "url"),
            ({"id": "s", "url": "example.com/x"}, "url"),
            ({"id": "s", "language": "english!"}, "language"),
            ({"id": "s", "text": 3}, "text"),
            ({"id": "s", "derived_from": [""]}, "derived_from[0]"),
            ({"id": "s", "published": 2025}, "published"),
        ],
    )
    def test_bad_fields(self, kwargs, field):
        """
        Each bad field is named with its value.
        """
        with pytest.raises(ct.ClaimtrackError) as e:
            ct.Source(**kwargs)

        assert field == e.value.field

    def test_text_not_in_repr(self):
        """
        A source's repr leaves out its (long) text.
        """
        assert "text=" not in repr(ct.Source("s", text="x" * 1000))


class TestActor:
    """
    Actor validation.
    """

    def test_names(self):
        """
        names lists id, name, aliases and role, each once.
        """
        a = ct.Actor(
            "bukele",
            "Nayib Bukele",
            aliases=["Bukele", "bukele"],
            role="President of El Salvador",
        )

        assert (
            "bukele",
            "Nayib Bukele",
            "Bukele",
            "President of El Salvador",
        ) == a.names

    def test_group_without_name(self):
        """
        A group may be unnamed; its label is its role.
        """
        a = ct.Actor("officials", role="US officials", kind="group")

        assert ct.ActorKind.GROUP is a.kind
        assert "US officials" == a.label

    def test_person_needs_name(self):
        """
        A person without a name is rejected.
        """
        with pytest.raises(ct.InvalidValueError) as e:
            ct.Actor("x")

        assert "name" == e.value.field

    def test_bad_kind(self):
        """
        An unknown kind is rejected, naming `kind`.
        """
        with pytest.raises(ct.InvalidValueError) as e:
            ct.Actor("x", "X", kind="alien")

        assert ("kind", "alien") == (e.value.field, e.value.value)
        assert "person, organization, government, group" in str(e.value)


class TestProposition:
    """
    Proposition and Quantity.
    """

    def test_defaults(self):
        """
        A proposition is asserted and always valid unless told otherwise.
        """
        p = ct.Proposition("bukele", "offers", "asylum")

        assert ct.Polarity.ASSERTED is p.polarity
        assert None is p.valid

    def test_number_becomes_quantity(self):
        """
        A bare number as object becomes a unitless Quantity.
        """
        assert ct.Quantity(43) == ct.Proposition("f", "carried", 43).object

    def test_negated(self):
        """
        negated flips polarity and back.
        """
        p = ct.Proposition("a", "b", "c", polarity="denied")

        assert ct.Polarity.ASSERTED is p.negated().polarity
        assert p == p.negated().negated()

    def test_valid_iso(self):
        """
        valid accepts an ISO date or interval string.
        """
        p = ct.Proposition("a", "b", "c", valid="2025-02-01/2025-02-10")

        assert dt.date(2025, 2, 10) == p.valid.latest

    @pytest.mark.parametrize("obj", [None, ["x"], True, " "])
    def test_bad_object(self, obj):
        """
        An object must be non-blank text or a number.
        """
        with pytest.raises(ct.ClaimtrackError) as e:
            ct.Proposition("a", "b", obj)

        assert "object" == e.value.field

    @pytest.mark.parametrize(
        "value", [float("nan"), float("inf"), Decimal("NaN")]
    )
    def test_quantity_finite(self, value):
        """
        A quantity must be finite.
        """
        with pytest.raises(ct.InvalidValueError) as e:
            ct.Quantity(value, "migrants")

        assert "value" == e.value.field

    def test_quantity_str(self):
        """
        A quantity reads as number and unit.
        """
        assert "43 migrants" == str(ct.Quantity(43, "migrants"))
        assert "2.5" == str(ct.Quantity(Decimal("2.5")))


class TestClaim:
    """
    Claim validation and identity.
    """

    def test_source_from_span(self):
        """
        A claim takes its source from its span.
        """
        c = ct.Claim("c", "t", "rubio", span=ct.Span(0, 1, "R", source="s1"))

        assert "s1" == c.source

    def test_span_other_source(self):
        """
        A span from another source than the claim's is rejected.
        """
        with pytest.raises(ct.SpanMismatchError):
            ct.Claim(
                "c",
                "t",
                "r",
                source="s2",
                span=ct.Span(0, 1, "R", source="s1"),
            )

    def test_span_needs_source(self):
        """
        A span with no source anywhere is rejected.
        """
        with pytest.raises(ct.InvalidValueError) as e:
            ct.Claim("c", "t", "r", span=ct.Span(0, 1, "R"))

        assert "source" == e.value.field

    def test_speaker_cannot_relay_self(self):
        """
        The speaker is not one of their own relays.
        """
        with pytest.raises(ct.InvalidValueError) as e:
            ct.Claim("c", "t", "rubio", reported_by=("ap", "rubio"))

        assert "reported_by" == e.value.field

    def test_make_id_stable(self):
        """
        make_id depends on content only, whitespace aside.
        """
        when = ct.When.day(dt.date(2025, 2, 3))

        assert ct.Claim.make_id("a  b", "r", said=when) == ct.Claim.make_id(
            " a b", "r", said=ct.When.parse("2025-02-03")
        )
        assert ct.Claim.make_id("a b", "r") != ct.Claim.make_id("a b", "s")
        assert ct.Claim.make_id("a b", "r").startswith("claim-")

    def test_pickle(self):
        """
        Claims pickle and compare equal.
        """
        c = ct.Claim("c", "t", "r", said="2025-02", tags=["x"])

        assert c == pickle.loads(pickle.dumps(c))

    @given(st.text(max_size=5), st.text(max_size=5))
    def test_blank_fields_never_build(self, text, speaker):
        """
        A claim is built only when its text and speaker are not blank.
        """
        try:
            c = ct.Claim("c", text, speaker)
        except ct.ClaimtrackError as e:
            assert e.field in ("text", "speaker", "text, speaker")
            assert not (text.strip() and speaker.strip()) or "\x00" in (
                text + speaker
            )
        else:
            assert c.text.strip()
            assert c.speaker.strip()


class TestCheckSpanSuffix:
    """
    The suffix given with a span must be the text's too.
    """

    def test_wrong_suffix(self, source):
        """
        A span whose suffix differs from the text is rejected.
        """
        with pytest.raises(ct.SpanMismatchError) as e:
            source.check_span(ct.Span(13, 26, "He has agreed", suffix="!!"))

        assert "span.suffix" == e.value.field


class TestUnhashableItems:
    """
    Converters never fail: a list inside a list is left for the check.
    """

    @pytest.mark.parametrize(
        ("build", "field"),
        [
            (lambda: ct.Claim("c", "t", "s", tags=[["x"]]), "tags[0]"),
            (lambda: ct.Actor("a", "A", aliases=[{}]), "aliases[0]"),
            (lambda: ct.Source("s", derived_from=[["ap"]]), "derived_from[0]"),
        ],
    )
    def test_named(self, build, field):
        """
        An unhashable item is refused by the check, naming its place.
        """
        with pytest.raises(ct.InvalidTypeError) as e:
            build()

        assert field == e.value.field
