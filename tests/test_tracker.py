"""
Tests for the Tracker: adding, resolving names and dates, querying, and
failing without changing anything.
"""

import copy
import datetime as dt
import inspect

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack import strategies as cst
from claimtrack._engine import State
from claimtrack._journals import MemoryJournal
from claimtrack._readable import Readable


ARTICLE = (
    "US Secretary of State Marco Rubio said on Monday that President Nayib "
    "Bukele “has agreed” to take deportees. Bukele said they were "
    "finalizing one. Bukele said they were finalizing one."
)


def snapshot(tracker):
    """
    Everything a tracker holds, deep-copied, for before/after comparison:
    its own attributes, its engine state's and its journal's.
    """

    def inside(value):
        if isinstance(value, State | MemoryJournal):
            return (type(value), inside(vars(value)))
        if isinstance(value, dict):
            return {k: inside(v) for k, v in value.items()}
        return value

    return copy.deepcopy(
        inside({k: v for k, v in vars(tracker).items() if k.startswith("_")})
    )


@pytest.fixture(name="tracker")
def _tracker():
    t = ct.Tracker()
    t.add_source(
        ct.Source(
            "article",
            published="2025-02-04",
            text=ARTICLE,
            derived_from=("ap",),
        )
    )
    t.add_actor(
        ct.Actor(
            "rubio",
            "Marco Rubio",
            aliases=("Rubio",),
            role="US Secretary of State",
        )
    )
    t.add_actor(
        ct.Actor(
            "bukele",
            "Nayib Bukele",
            aliases=("Bukele",),
            role="President of El Salvador",
        )
    )
    return t


@pytest.fixture(name="offer")
def _offer(tracker):
    return tracker.add_claim(
        "Bukele agreed to take deportees",
        speaker="Rubio",
        said="Monday",
        quote="“has agreed”",
        source="article",
        proposition=ct.Proposition("Bukele", "agreed_to", "take deportees"),
        tags=["deportation"],
    )


class TestAddSource:
    """
    add_source and add_actor keep ids unique.
    """

    def test_idempotent(self, tracker):
        """
        Adding an equal source again returns the stored one.
        """
        again = tracker.add_source(
            ct.Source(
                "article",
                published="2025-02-04",
                text=ARTICLE,
                derived_from=("ap",),
            )
        )

        assert again is tracker.source("article")
        assert 1 == len(tracker.sources())

    def test_different_source_same_id(self, tracker):
        """
        A different source with a taken id is rejected, naming the change.
        """
        before = snapshot(tracker)
        with pytest.raises(ct.DuplicateIdError) as e:
            tracker.add_source(ct.Source("article", text="other"))

        assert ("id", "article") == (e.value.field, e.value.value)
        assert "text" in str(e.value)
        assert before == snapshot(tracker)

    def test_id_shared_across_kinds(self, tracker):
        """
        An actor cannot take a source's id.
        """
        with pytest.raises(ct.DuplicateIdError, match="a source has this id"):
            tracker.add_actor(ct.Actor("article", "A"))

    def test_wrong_type(self, tracker):
        """
        Adding something that is not a Source is a type error.
        """
        with pytest.raises(ct.InvalidTypeError) as e:
            tracker.add_source({"id": "x"})

        assert "source" == e.value.field
        assert isinstance(e.value, TypeError)


class TestActors:
    """
    Names resolve case- and accent-insensitively; shared ones are errors.
    """

    @pytest.mark.parametrize(
        "name",
        [
            "bukele",
            "Bukele",
            "BUKELÉ",
            "nayib  bukele",
            "President of El Salvador",
            "president of el salvador.",
        ],
    )
    def test_resolves(self, tracker, name):
        """
        Any of an actor's names, however written, finds it.
        """
        assert "bukele" == tracker.actor(name).id

    def test_unknown(self, tracker):
        """
        An unknown name is an error naming it.
        """
        with pytest.raises(ct.UnknownActorError) as e:
            tracker.actor("Trump")

        assert ("actor", "Trump") == (e.value.field, e.value.value)
        assert isinstance(e.value, KeyError)
        assert "Trump" in str(e.value)

    def test_shared_alias_is_ambiguous_when_used(self, tracker):
        """
        Two actors may share an alias; using it is an ambiguity error.
        """
        tracker.add_actor(
            ct.Actor("bukele-sr", "Armando Bukele", aliases=("Bukele",))
        )

        with pytest.raises(ct.AmbiguousActorError) as e:
            tracker.actor("Bukele")

        assert {"bukele", "bukele-sr"} == {a.id for a in e.value.candidates}
        assert "bukele" == tracker.actor("bukele").id  # ids still work

    @given(
        st.lists(cst.actors(), max_size=6, unique_by=lambda a: a.id),
        cst.actors().map(lambda a: a.label),
    )
    def test_resolution_is_never_a_guess(self, people, name):
        """
        A name resolves to the one actor that has it, or fails clearly.
        """
        tracker = ct.Tracker()
        for person in people:
            tracker.add_actor(person)
        key = ct._text.name_key(name)
        owners = {
            p.id
            for p in people
            if key in {ct._text.name_key(n) for n in p.names}
        }
        exact = [p.id for p in people if p.id == name]
        for untitled in [] if owners else ct._text.titled_names(key):
            # A name nobody has, its title set aside ("Mr. Rubio").
            owners = {
                p.id
                for p in people
                if untitled in {ct._text.name_key(n) for n in p.names}
            }
            if owners:
                break
        try:
            found = tracker.actor(name).id
        except ct.AmbiguousActorError:
            assert not exact
            assert len(owners) > 1
        except ct.UnknownActorError:
            assert not owners
        else:
            assert exact == [found] or owners == {found}


class TestAddClaim:
    """
    add_claim resolves speakers, sources, spans and dates.
    """

    def test_resolves_everything(self, tracker, offer):
        """
        Speaker alias, relative date, quote and subject are all resolved.
        """
        assert "rubio" == offer.speaker
        assert dt.date(2025, 2, 3) == offer.said.date
        assert "Monday" == offer.said.text
        assert "article" == offer.source
        assert "“has agreed”" == ARTICLE[offer.span.start : offer.span.end]
        assert "bukele" == offer.proposition.subject
        assert offer is tracker.claim(offer.id)

    def test_same_claim_twice(self, tracker, offer):
        """
        Adding the same claim again returns the stored claim.
        """
        again = tracker.add_claim(
            "Bukele agreed to take deportees",
            speaker="rubio",
            said="2025-02-03",
            span=tracker.source("article").span_of("“has agreed”"),
            proposition=ct.Proposition(
                "bukele", "agreed_to", "take deportees"
            ),
            tags=["deportation"],
        )

        assert offer is again
        assert 1 == len(tracker)

    def test_same_identity_different_content(self, tracker, offer):
        """
        The same claim with another proposition is a clear conflict.
        """
        before = snapshot(tracker)
        with pytest.raises(ct.DuplicateIdError) as e:
            tracker.add_claim(
                "Bukele agreed to take deportees",
                speaker="Rubio",
                said="Monday",
                quote="“has agreed”",
                source="article",
                tags=["deportation"],
            )

        assert "proposition" in str(e.value)
        assert before == snapshot(tracker)

    def test_span_carries_source(self, tracker):
        """
        A span from span_of is enough: the source comes with it.
        """
        span = tracker.source("article").span_of("has agreed")
        claim = tracker.add_claim("x", speaker="rubio", span=span)

        assert "article" == claim.source

    def test_bare_span_gets_context(self, tracker):
        """
        A span without context is stored with its context filled in.
        """
        at = ARTICLE.index("Marco Rubio")
        claim = tracker.add_claim(
            "x",
            speaker="rubio",
            source="article",
            span=ct.Span(at, at + 11, "Marco Rubio"),
        )

        assert ARTICLE[:at][-32:] == claim.span.prefix

    def test_repeated_quote_needs_occurrence(self, tracker):
        """
        A quote found twice needs occurrence; with it, the claim is added.
        """
        with pytest.raises(ct.AmbiguousQuoteError):
            tracker.add_claim(
                "f", speaker="bukele", source="article", quote="finalizing one"
            )

        claim = tracker.add_claim(
            "f",
            speaker="bukele",
            source="article",
            quote="finalizing one",
            occurrence=1,
        )

        assert ARTICLE.rindex("finalizing one") == claim.span.start

    def test_actor_and_source_objects_added_with_claim(self):
        """
        New Actor and Source objects are added along with the claim.
        """
        tracker = ct.Tracker()
        src = ct.Source("s", text="Hello there", published="2025-01-01")
        who = ct.Actor("a", "Ann")

        claim = tracker.add_claim("hi", speaker=who, source=src, quote="Hello")

        assert [src] == tracker.sources()
        assert [who] == tracker.actors()
        assert "a" == claim.speaker

    def test_whole_claim(self, tracker):
        """
        A whole Claim is checked against the tracker and stored.
        """
        claim = ct.Claim(
            "c1", "x", "bukele", source="article", span=ct.Span(0, 2, "US")
        )

        stored = tracker.add_claim(claim)

        assert ARTICLE[2:34] == stored.span.suffix
        assert stored == tracker.get("c1")

    def test_whole_claim_with_extras(self, tracker):
        """
        A whole Claim takes no other arguments.
        """
        with pytest.raises(ct.InvalidValueError) as e:
            tracker.add_claim(ct.Claim("c1", "x", "bukele"), tags=["a"])

        assert "tags" == e.value.field

    def test_whole_claim_unknown_refs(self, tracker):
        """
        A whole Claim with an unknown speaker and source reports both.
        """
        with pytest.raises(ct.InvalidFieldsError) as e:
            tracker.add_claim(ct.Claim("c1", "x", "trump", source="nyt"))

        assert ["speaker", "source"] == [x.field for x in e.value.exceptions]

    def test_reported_by(self, tracker):
        """
        Relays resolve by name, nearest the speaker first.
        """
        tracker.add_actor(
            ct.Actor(
                "ap", "Associated Press", aliases=("AP",), kind="organization"
            )
        )

        claim = tracker.add_claim(
            "x", speaker="Bukele", reported_by=["Rubio", "AP"]
        )

        assert ("rubio", "ap") == claim.reported_by

    def test_one_relay_as_a_string(self, tracker):
        """
        A single relay may be given as a plain name.
        """
        claim = tracker.add_claim("x", speaker="Bukele", reported_by="Rubio")

        assert ("rubio",) == claim.reported_by

    def test_explicit_id(self, tracker):
        """
        An explicit id is used as given.
        """
        assert "mine" == tracker.add_claim("x", speaker="rubio", id="mine").id

    def test_dayfirst(self, tracker):
        """
        dayfirst reads a numeric date day-first.
        """
        claim = tracker.add_claim(
            "x", speaker="rubio", said="03/02/2025", dayfirst=True
        )

        assert dt.date(2025, 2, 3) == claim.said.date

    def test_said_as_date(self, tracker):
        """
        said may be a date.
        """
        claim = tracker.add_claim(
            "x", speaker="rubio", said=dt.date(2025, 2, 3)
        )

        assert ct.Precision.DAY is claim.said.precision


class TestAddClaimErrors:
    """
    A failed add_claim names what was wrong and changes nothing.
    """

    @pytest.mark.parametrize(
        ("kwargs", "error", "field"),
        [
            ({"speaker": "Trump"}, ct.UnknownActorError, "speaker"),
            ({"speaker": None}, ct.InvalidValueError, "speaker"),
            ({"speaker": 3}, ct.InvalidTypeError, "speaker"),
            (
                {"speaker": "rubio", "source": "nyt"},
                ct.UnknownSourceError,
                "source",
            ),
            (
                {"speaker": "rubio", "said": "Mondy"},
                ct.InvalidDateError,
                "said",
            ),
            (
                {"speaker": "rubio", "said": "Monday"},
                ct.MissingReferenceError,
                "said",
            ),
            (
                {"speaker": "rubio", "said": "03/04/2025"},
                ct.AmbiguousDateError,
                "said",
            ),
            (
                {"speaker": "rubio", "source": "article", "quote": "Trump"},
                ct.QuoteNotFoundError,
                "quote",
            ),
            (
                {"speaker": "rubio", "quote": "Rubio"},
                ct.InvalidValueError,
                "quote",
            ),
            (
                {"speaker": "rubio", "occurrence": 1},
                ct.InvalidValueError,
                "occurrence",
            ),
            (
                {
                    "speaker": "rubio",
                    "span": ct.Span(0, 2, "UK", source="article"),
                },
                ct.SpanMismatchError,
                "span.exact",
            ),
            (
                {
                    "speaker": "rubio",
                    "source": "article",
                    "quote": "Monday",
                    "span": ct.Span(0, 2, "US"),
                },
                ct.InvalidValueError,
                "quote",
            ),
            (
                {"speaker": "rubio", "reported_by": ["nobody"]},
                ct.UnknownActorError,
                "reported_by[0]",
            ),
            (
                {"speaker": "rubio", "reported_by": ["rubio"]},
                ct.InvalidValueError,
                "reported_by",
            ),
            (
                {"speaker": "rubio", "proposition": "x"},
                ct.InvalidTypeError,
                "proposition",
            ),
            (
                {"speaker": "rubio", "tags": [""]},
                ct.InvalidValueError,
                "tags[0]",
            ),
            ({"speaker": "rubio", "id": "article"}, ct.DuplicateIdError, "id"),
        ],
    )
    def test_error_names_field_and_changes_nothing(
        self, tracker, offer, kwargs, error, field
    ):
        """
        Each bad argument raises its error class, naming the field.
        """
        before = snapshot(tracker)
        with pytest.raises(error) as e:
            tracker.add_claim("A claim", **kwargs)

        assert field == e.value.field
        assert before == snapshot(tracker)

    def test_quote_in_unknown_source(self, tracker):
        """
        A quote in an unknown source reports the source, not the quote.
        """
        with pytest.raises(ct.UnknownSourceError) as e:
            tracker.add_claim("x", speaker="rubio", source="nyt", quote="Hi")

        assert "source" == e.value.field

    def test_blank_text(self, tracker):
        """
        A blank claim text is rejected.
        """
        with pytest.raises(ct.InvalidValueError) as e:
            tracker.add_claim("  ", speaker="rubio")

        assert "text" == e.value.field

    def test_relative_date_source_month_only(self, tracker):
        """
        A source published in a month gives no day to read "Monday" from.
        """
        tracker.add_source(ct.Source("monthly", published="2025-02", text="x"))
        with pytest.raises(
            ct.MissingReferenceError, match="not on a known day"
        ):
            tracker.add_claim(
                "x", speaker="rubio", source="monthly", said="Monday"
            )

    def test_relative_date_source_undated(self, tracker):
        """
        An undated source gives nothing to read "yesterday" against.
        """
        tracker.add_source(ct.Source("undated", text="x"))
        with pytest.raises(
            ct.MissingReferenceError, match="no publication date"
        ):
            tracker.add_claim(
                "x", speaker="rubio", source="undated", said="yesterday"
            )

    def test_several_errors_together(self, tracker):
        """
        Several bad arguments are reported together, each by name.
        """
        before = snapshot(tracker)
        with pytest.raises(ct.InvalidFieldsError) as e:
            tracker.add_claim("x", speaker="Trump", said="Mondy", source="nyt")

        assert ["speaker", "source", "said"] == [
            x.field for x in e.value.exceptions
        ]
        assert isinstance(e.value, ValueError)
        assert before == snapshot(tracker)

    def test_new_actor_not_added_on_failure(self):
        """
        An Actor passed with a failing claim is not added either.
        """
        tracker = ct.Tracker()
        with pytest.raises(ct.UnknownSourceError):
            tracker.add_claim("x", speaker=ct.Actor("a", "A"), source="s")

        assert [] == tracker.actors()

    def test_unknown_actor_object(self, tracker):
        """
        Querying by an Actor that is not in the tracker is an error.
        """
        with pytest.raises(ct.UnknownActorError):
            tracker.claims(speaker=ct.Actor("zz", "Zed"))

    @given(
        st.dictionaries(
            st.sampled_from(
                [
                    "speaker",
                    "said",
                    "source",
                    "quote",
                    "tags",
                    "reported_by",
                    "occurrence",
                    "id",
                ]
            ),
            st.none()
            | st.text(max_size=8)
            | st.integers(-2, 3)
            | st.lists(st.text(max_size=3), max_size=2),
        ),
        st.text(max_size=10),
    )
    def test_any_input_adds_or_raises_cleanly(self, kwargs, text):
        """
        Any arguments either add one claim or raise a ClaimtrackError and
        change nothing.
        """
        tracker = ct.Tracker()
        tracker.add_source(
            ct.Source(
                "s", published="2025-02-04", text="Rubio spoke. Rubio spoke."
            )
        )
        tracker.add_actor(ct.Actor("rubio", "Marco Rubio"))
        before = snapshot(tracker)
        try:
            claim = tracker.add_claim(text, **kwargs)
        except ct.ClaimtrackError:
            assert before == snapshot(tracker)
        else:
            assert claim in tracker
            assert len(tracker) == 1
            if claim.span is not None:
                src = tracker.source(claim.source)
                assert (
                    src.text[claim.span.start : claim.span.end]
                    == claim.span.exact
                )


class TestQueries:
    """
    claims() filters, get(), len and iteration.
    """

    @pytest.fixture(name="full")
    def _full(self, tracker, offer):
        tracker.add_claim(
            "They are finalizing an agreement",
            speaker="Bukele",
            said="Monday",
            source="article",
            quote="finalizing one",
            occurrence=0,
            proposition=ct.Proposition(
                "agreement", "status", "being finalized"
            ),
            tags=["Agreement"],
        )
        tracker.add_claim(
            "Deportees arrive in February",
            speaker="Bukele",
            said="February 2025",
            tags=["deportation"],
        )
        tracker.add_claim("Undated remark", speaker="rubio")
        return tracker

    def test_len_and_iter(self, full):
        """
        len counts claims and iteration gives them in added order.
        """
        assert 4 == len(full)
        assert [
            "Bukele agreed to take deportees",
            "They are finalizing an agreement",
            "Deportees arrive in February",
            "Undated remark",
        ] == [c.text for c in full]

    @pytest.mark.parametrize(
        ("kwargs", "texts"),
        [
            (
                {"speaker": "BUKELE"},
                [
                    "They are finalizing an agreement",
                    "Deportees arrive in February",
                ],
            ),
            ({"subject": "Nayib Bukele"}, ["Bukele agreed to take deportees"]),
            ({"subject": "the  Agreement"}, []),
            ({"subject": "Agreement"}, ["They are finalizing an agreement"]),
            (
                {"source": "article"},
                [
                    "Bukele agreed to take deportees",
                    "They are finalizing an agreement",
                ],
            ),
            ({"tag": "agreement"}, ["They are finalizing an agreement"]),
            (
                {"tag": "deportation", "speaker": "bukele"},
                ["Deportees arrive in February"],
            ),
            (
                {"text_contains": "FINALIZING"},
                ["They are finalizing an agreement"],
            ),
            (
                {"text_contains": '"has agreed"'},
                ["Bukele agreed to take deportees"],
            ),
            (
                {"said_between": ("2025-02-03", "2025-02-03")},
                [
                    "Bukele agreed to take deportees",
                    "They are finalizing an agreement",
                ],
            ),
            (
                {"said_between": ("2025-02", "2025-02")},
                [
                    "Bukele agreed to take deportees",
                    "They are finalizing an agreement",
                    "Deportees arrive in February",
                ],
            ),
            (
                {"said_between": ("2025-02-01", "2025-02-10")},
                [
                    "Bukele agreed to take deportees",
                    "They are finalizing an agreement",
                ],
            ),
            ({"said_between": (None, "2025-01-31")}, []),
            (
                {"said_between": ("2025", None), "speaker": "rubio"},
                ["Bukele agreed to take deportees"],
            ),
        ],
    )
    def test_filters(self, full, kwargs, texts):
        """
        Each filter, alone or combined, selects the expected claims.
        """
        assert texts == [c.text for c in full.claims(**kwargs)]

    @pytest.mark.parametrize(
        ("kwargs", "error", "field"),
        [
            ({"speaker": "Trump"}, ct.UnknownActorError, "speaker"),
            ({"source": "nyt"}, ct.UnknownSourceError, "source"),
            (
                {"said_between": ("2025-03", "2025-02")},
                ct.InvalidValueError,
                "said_between",
            ),
            ({"said_between": "2025"}, ct.InvalidTypeError, "said_between"),
            (
                {"said_between": ("Monday", None)},
                ct.InvalidDateError,
                "said_between",
            ),
            ({"tag": 3}, ct.InvalidTypeError, "tag"),
            ({"text_contains": None, "tag": 3}, ct.InvalidTypeError, "tag"),
        ],
    )
    def test_filter_errors(self, full, kwargs, error, field):
        """
        A bad filter is an error naming it, not an empty answer.
        """
        with pytest.raises(error) as e:
            full.claims(**kwargs)

        assert field == e.value.field

    def test_get(self, full, offer):
        """
        get finds claims, sources and actors by id; [] and `in` too.
        """
        assert offer == full.get(offer.id) == full[offer.id]
        assert "article" == full.get("article").id
        assert "rubio" == full["rubio"].id
        assert "rubio" in full
        assert offer in full
        assert attrs.evolve(offer, tags=()) not in full
        assert "nobody" not in full

    def test_get_unknown(self, full):
        """
        An unknown id is a NotFoundError (a KeyError) naming it.
        """
        with pytest.raises(KeyError) as e:
            full.get("nobody")

        assert isinstance(e.value, ct.NotFoundError)
        assert ("id", "nobody") == (e.value.field, e.value.value)

    @pytest.mark.parametrize(
        ("method", "error"),
        [("claim", ct.UnknownClaimError), ("source", ct.UnknownSourceError)],
    )
    def test_typed_getters(self, full, method, error):
        """
        claim() and source() raise their own not-found errors.
        """
        with pytest.raises(error) as e:
            getattr(full, method)("nobody")

        assert method == e.value.field

    def test_repr(self, full):
        """
        The repr counts what the tracker holds.
        """
        assert "<Tracker: 1 sources, 2 actors, 4 claims>" == repr(full)

    @given(
        st.lists(st.sampled_from(["a", "b", "c"]), min_size=1, max_size=12),
        st.sampled_from(["a", "b", "c"]),
    )
    def test_index_agrees_with_scan(self, tags, wanted):
        """
        Tag and speaker filters agree with a scan of every claim.
        """
        tracker = ct.Tracker()
        tracker.add_actor(ct.Actor("x", "X"))
        tracker.add_actor(ct.Actor("y", "Y"))
        for n, tag in enumerate(tags):
            tracker.add_claim(f"claim {n}", speaker="xy"[n % 2], tags=[tag])

        assert [
            c for c in tracker if wanted in c.tags and c.speaker == "x"
        ] == (tracker.claims(tag=wanted, speaker="x"))


class TestEdges:
    """
    Less travelled paths of resolution and conflict.
    """

    def test_two_different_actors_one_id(self, tracker):
        """
        Two different new actors under one id in one call are refused.
        """
        with pytest.raises(ct.DuplicateIdError):
            tracker.add_claim(
                "x",
                speaker=ct.Actor("new", "New"),
                reported_by=[ct.Actor("new", "Other")],
            )
        assert "new" not in tracker

    def test_same_new_actor_twice(self, tracker):
        """
        The same new actor as speaker and relay is added once.
        """
        ann = ct.Actor("ann", "Ann")
        with pytest.raises(ct.InvalidValueError, match="relay their own"):
            tracker.add_claim("x", speaker=ann, reported_by=[ann])
        claim = tracker.add_claim(
            "x", speaker=ann, reported_by=[ct.Actor("bob", "Bob"), "rubio"]
        )

        assert ("bob", "rubio") == claim.reported_by
        assert 1 == sum(a.id == "ann" for a in tracker.actors())

    def test_claim_id_clashes_with_new_actor(self, tracker):
        """
        A claim may not take the id of the actor added with it.
        """
        with pytest.raises(ct.DuplicateIdError):
            tracker.add_claim("x", speaker=ct.Actor("c9", "C"), id="c9")
        assert "c9" not in tracker

    def test_source_object_not_stored(self, tracker):
        """
        Querying by a Source that is not in the tracker is an error.
        """
        with pytest.raises(ct.UnknownSourceError):
            tracker.claims(source=ct.Source("elsewhere"))

    def test_subject_by_actor_object(self, tracker, offer):
        """
        A subject may be given as an Actor.
        """
        assert [offer] == tracker.claims(subject=tracker.actor("bukele"))

    def test_same_id_other_said(self, tracker, offer):
        """
        A claim with the same explicit id but another date is a conflict.
        """
        with pytest.raises(ct.DuplicateIdError, match="said"):
            tracker.add_claim(
                offer.text,
                speaker="rubio",
                id=offer.id,
                said="2025-01-01",
                source="article",
                span=offer.span,
                proposition=offer.proposition,
                tags=offer.tags,
            )

    def test_undated_and_dated_same_id(self, tracker, offer):
        """
        An explicit id reused for an undated claim is a conflict too.
        """
        with pytest.raises(ct.DuplicateIdError):
            tracker.add_claim(offer.text, speaker="rubio", id=offer.id)

    def test_tags_must_be_a_sequence(self, tracker):
        """
        Tags given as a number are refused by name.
        """
        with pytest.raises(ct.InvalidTypeError) as e:
            tracker.add_claim("x", speaker="rubio", tags=5)

        assert "tags" == e.value.field

    def test_tags_from_generator(self, tracker):
        """
        Tags may come from any iterable.
        """
        claim = tracker.add_claim(
            "x", speaker="rubio", tags=(t for t in ["a", "b", "a"])
        )

        assert ("a", "b") == claim.tags


class TestAddClaims:
    """
    add_claims adds all of a batch, or nothing.
    """

    def test_adds_in_order(self, tracker):
        """
        Mappings and whole Claims are added in order, with one author.
        """
        added = tracker.add_claims(
            [
                {"text": "one", "speaker": "Rubio", "said": "2025-02-03"},
                ct.Claim("c2", "two", "bukele"),
                {
                    "text": "three",
                    "speaker": ct.Actor("ann", "Ann"),
                    "source": ct.Source("new", text="three"),
                },
                {
                    "text": "four",
                    "speaker": "Ann",
                    "source": "new",
                    "quote": "three",
                },
            ],
            by="bot",
            at="2025-02-05T09:00:00+00:00",
        )

        assert ["one", "two", "three", "four"] == [c.text for c in added]
        assert added == tracker.claims()
        assert {"bot"} == {e.by for e in tracker.events()[-6:]}
        assert ["ann"] == [a.id for a in tracker.actors()][-1:]

    def test_duplicates_return_stored(self, tracker, offer):
        """
        A claim already stored, or given twice, is returned as stored.
        """
        again = {
            "text": offer.text,
            "speaker": "rubio",
            "said": "2025-02-03",
            "source": "article",
            "span": offer.span,
            "proposition": offer.proposition,
            "tags": offer.tags,
        }
        first, second, third = tracker.add_claims(
            [
                again,
                {"text": "x", "speaker": "rubio"},
                {"text": "x", "speaker": "rubio"},
            ]
        )

        assert first is offer
        assert second is third
        assert 2 == len(tracker)

    @pytest.mark.parametrize(
        ("items", "error", "field"),
        [
            (
                [
                    {"text": "a", "speaker": "rubio"},
                    {"text": "b", "speaker": "nobody"},
                ],
                ct.UnknownActorError,
                "claims[1].speaker",
            ),
            (
                [{"text": "a", "speaker": "rubio", "color": "red"}],
                ct.InvalidValueError,
                "claims[0].color",
            ),
            (["a claim"], ct.InvalidTypeError, "claims[0].claim"),
            (
                [
                    {"text": "a", "speaker": "rubio", "id": "x"},
                    {"text": "b", "speaker": "rubio", "id": "x"},
                ],
                ct.DuplicateIdError,
                "claims[1].id",
            ),
            (
                [
                    {
                        "text": "a",
                        "speaker": ct.Actor("x", "X"),
                        "source": ct.Source("x"),
                    }
                ],
                ct.DuplicateIdError,
                "id",
            ),
        ],
    )
    def test_failure_adds_nothing(self, tracker, items, error, field):
        """
        One bad item fails the batch, naming its place; nothing is added.
        """
        before = snapshot(tracker)
        with pytest.raises(error) as e:
            tracker.add_claims(items)

        assert field == e.value.field
        assert before == snapshot(tracker)

    def test_several_errors_in_an_item(self, tracker):
        """
        An item with several bad arguments is reported as a located group.
        """
        with pytest.raises(ct.InvalidFieldsError) as e:
            tracker.add_claims(
                [{"text": "a", "speaker": "nobody", "said": "Mondy"}]
            )

        assert ["claims[0].speaker", "claims[0].said"] == [
            x.field for x in e.value.exceptions
        ]

    def test_two_sources_one_id(self, tracker):
        """
        Two different new sources under one id in one batch are refused.
        """
        with pytest.raises(ct.DuplicateIdError) as e:
            tracker.add_claims(
                [
                    {
                        "text": "a",
                        "speaker": "rubio",
                        "source": ct.Source("n", text="a"),
                    },
                    {
                        "text": "b",
                        "speaker": "rubio",
                        "source": ct.Source("n", text="b"),
                    },
                ]
            )

        assert "claims[1].source" == e.value.field
        assert "n" not in tracker

    def test_same_new_source_twice(self, tracker):
        """
        One new Source given with two items is added once.
        """
        shared = ct.Source("n", text="a b")
        tracker.add_claims(
            [
                {
                    "text": "a",
                    "speaker": "rubio",
                    "source": shared,
                    "quote": "a",
                },
                {
                    "text": "b",
                    "speaker": "rubio",
                    "source": shared,
                    "quote": "b",
                },
            ]
        )

        assert 1 == sum(s.id == "n" for s in tracker.sources())
        assert 2 == len(tracker.claims(source="n"))


class TestFromEvents:
    """
    from_events replays a history in one write: all of it, or none.
    """

    def test_event_given_twice_applied_once(self, tracker):
        """
        Events given twice are applied once: the replay equals the tracker.
        """
        events = tracker.events()
        assert tracker == ct.Tracker.from_events([*events, *events])

    def test_bad_event_builds_nothing(self, tracker):
        """
        A history with an event that cannot apply is refused whole, with
        the error that event raises.
        """
        events = tracker.events()
        with pytest.raises(ct.InvalidTypeError, match="event"):
            ct.Tracker.from_events([*events, "not an event"])


class TestReadable:
    """
    What the I/O layer reads of a tracker is what a Tracker has.
    """

    def test_tracker_follows_readable(self, tracker):
        """
        Every method of the Readable protocol is the Tracker's, with the
        same parameters, and a tracker has its policy.
        """
        names = [
            name
            for name, value in vars(Readable).items()
            if inspect.isfunction(value) and not name.startswith("_")
        ]
        assert {"claims", "events", "status", "contradictions"} <= set(names)
        for name in names:
            theirs = inspect.signature(getattr(Readable, name))
            ours = inspect.signature(getattr(ct.Tracker, name))
            assert list(theirs.parameters) == list(ours.parameters), name
        assert list(tracker) == tracker.claims()
        assert isinstance(tracker.policy, ct.Policy)
