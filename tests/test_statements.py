"""
Statements: the candidate model, and accepting candidates as claims.

How statements are found in text is tested in
``tests/test_statements_finder.py`` and the properties of finding in
``tests/test_statements_properties.py``.
"""

import json
import math
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import claimtrack as ct
from claimtrack import reports, statements
from claimtrack import strategies as cst
from claimtrack._cli._statements import numbers
from claimtrack._statements import Found
from claimtrack.cli import ExitCode

from .test_cli import cli, ok  # noqa: F401 -- the fixture


TEXT = (
    '"We are ready," Ana Ruiz, the mayor, said on Monday. '
    "Officials said the plan was broad. "
    "It emerged that talks had stalled."
)


def span(text, quote):
    """
    The span of *quote* in the source ``s`` holding *text*.
    """
    return ct.Source("s", text=text).span_of(quote)


SOURCE = ct.Source("s", text=TEXT)
READY = span(TEXT, '"We are ready,"')
BROAD = span(TEXT, "the plan was broad")
STALLED = span(TEXT, "talks had stalled")

RUIZ = ct.Actor("ana-ruiz", "Ana Ruiz", role="the mayor")
OFFICIALS = ct.Actor("officials@s", kind="group", role="officials")
ANONYMOUS = ct.Actor(
    "anonymous-source@s", kind="group", role="anonymous source"
)


def statement(at=READY, speaker=RUIZ, **kwargs):
    """
    A statement in source ``s`` at *at*, by *speaker*.
    """
    kind = kwargs.pop(
        "kind", "direct" if at.exact.startswith('"') else "indirect"
    )
    return ct.Statement("s", at, kind, speaker, **kwargs)


def tracker(**source):
    """
    A tracker holding the source ``s`` (published 2025-02-04) and AP.
    """
    made = ct.Tracker()
    made.add_source(
        ct.Source("s", text=TEXT, published="2025-02-04", **source)
    )
    made.add_actor(
        ct.Actor(
            "ap", "Associated Press", aliases=("AP",), kind="organization"
        )
    )
    return made


AT = "2025-02-05T09:00:00+00:00"


class TestStatement:
    """
    A statement is a checked value, like every model.
    """

    def test_text_drops_quotation_marks_and_edge_punctuation(self):
        """
        Its text is the span's words, without marks, commas or dashes at
        their edges.
        """
        assert "We are ready" == statement().text
        assert "the plan was broad" == statement(BROAD).text

    @pytest.mark.parametrize(
        ("exact", "text"),
        [
            ("\u201cWe go,\u201d", "We go"),
            ("\u00ab Nous partons \u00bb", "Nous partons"),
            ("\u300c\u884c\u304f\u300d", "\u884c\u304f"),
            ('"It is\n\n"broad', "It is broad"),
            ('"', '"'),
        ],
    )
    def test_text_of_any_marks(self, exact, text):
        """
        Marks of every kind come off; spaces inside are collapsed; a span
        of marks alone keeps them rather than be empty.
        """
        at = span(exact, exact)

        assert text == statement(at, kind="direct").text

    def test_kind_from_its_value(self):
        """
        A kind is a StatementKind or its value.
        """
        assert ct.StatementKind.MIXED is statement(kind="mixed").kind

    @pytest.mark.parametrize(
        ("change", "field"),
        [
            ({"kind": "quoted"}, "kind"),
            ({"kind": 3}, "kind"),
            ({"confidence": 0}, "confidence"),
            ({"confidence": 1.5}, "confidence"),
            ({"confidence": math.nan}, "confidence"),
            ({"confidence": True}, "confidence"),
            ({"confidence": "high"}, "confidence"),
            ({"known": "yes"}, "known"),
            ({"cue": None}, "cue"),
            ({"said": ""}, "said"),
            ({"speaker": "ana-ruiz"}, "speaker"),
            ({"span": (0, 15)}, "span"),
            ({"source": ""}, "source"),
        ],
    )
    def test_refuses_bad_fields(self, change, field):
        """
        A bad field is refused with an error naming it.
        """
        arguments = {
            "source": "s",
            "span": READY,
            "kind": "direct",
            "speaker": RUIZ,
            **change,
        }
        with pytest.raises(ct.ClaimtrackError) as e:
            ct.Statement(**arguments)

        assert field == e.value.field

    @pytest.mark.parametrize("field", ["span", "speaker_span", "cue_span"])
    def test_spans_quote_its_own_source(self, field):
        """
        A span of another source is refused, naming which span.
        """
        other = ct.Source("t", text=TEXT).span_of("Ana Ruiz")
        arguments = {"span": READY, field: other}

        with pytest.raises(ct.InvalidValueError) as e:
            ct.Statement(
                "s",
                arguments.pop("span"),
                "direct",
                RUIZ,
                **arguments,
            )

        assert f"{field}.source" == e.value.field

    def test_evolve_checks_again(self):
        """
        `attrs.evolve` checks the new value as building does.
        """
        with pytest.raises(ct.InvalidValueError):
            attrs.evolve(statement(), confidence=2)


class TestAddStatements:
    """
    Accepted statements become claims, all or none.
    """

    def test_a_proposed_speaker_is_added_with_the_claim(self):
        """
        The claim has the statement's words, span and speaker; a speaker
        proposed from the text is added along with it.
        """
        made = tracker()

        (claim,) = made.add_statements([statement()], by="analyst", at=AT)

        assert ("We are ready", "ana-ruiz", READY) == (
            claim.text,
            claim.speaker,
            claim.span,
        )
        assert RUIZ == made.actor("ana-ruiz")
        assert "analyst" == made.history(claim)[0].by

    def test_a_known_speaker_is_the_stored_one(self):
        """
        A speaker already in the tracker is referred to by its id.
        """
        made = tracker()
        made.add_actor(RUIZ)

        (claim,) = made.add_statements([statement(known=True)], at=AT)

        assert "ana-ruiz" == claim.speaker
        assert 2 == len(made.actors())

    def test_said_from_the_date_words(self):
        """
        Date words are read against the source's publication date, and
        kept.
        """
        (claim,) = tracker().add_statements(
            [statement(said="on Monday")], at=AT
        )

        assert ("2025-02-03", "on Monday") == (
            claim.said.earliest.isoformat(),
            claim.said.text,
        )

    @pytest.mark.parametrize("said", [None, "at some point", "Smarch 40"])
    def test_said_on_the_source_date_without_readable_words(self, said):
        """
        Without date words, or with words no reader can place, the claim
        was said on the source's date.
        """
        (claim,) = tracker().add_statements([statement(said=said)], at=AT)

        assert ct.When.parse("2025-02-04") == claim.said

    def test_said_unknown_without_a_source_date(self):
        """
        A source with no date leaves *said* unknown, not today.
        """
        made = ct.Tracker()
        made.add_source(ct.Source("s", text=TEXT))

        (claim,) = made.add_statements([statement(said="on Monday")], at=AT)

        assert claim.said is None

    def test_relayed_by_the_wire_and_the_publisher(self):
        """
        The wire services the source derives from, then its publisher:
        each that names an actor, nearest the speaker first.
        """
        made = tracker(publisher="India TV", derived_from=("ap", "reuters"))
        made.add_actor(ct.Actor("india-tv", "India TV", kind="organization"))

        (claim,) = made.add_statements([statement()], at=AT)

        assert ("ap", "india-tv") == claim.reported_by

    def test_relayed_by_an_upstream_source_s_publisher(self):
        """
        An upstream source in the tracker is known by its publisher.
        """
        made = ct.Tracker()
        made.add_source(ct.Source("wire-1", publisher="AP"))
        made.add_source(ct.Source("s", text=TEXT, derived_from=("wire-1",)))
        made.add_actor(ct.Actor("ap", "Associated Press", aliases=("AP",)))

        (claim,) = made.add_statements([statement()], at=AT)

        assert ("ap",) == claim.reported_by

    def test_a_speaker_is_not_their_own_relay(self):
        """
        A publisher quoted in its own article is its speaker, not a relay.
        """
        made = tracker(publisher="AP")
        ap = made.actor("ap")

        (claim,) = made.add_statements([statement(speaker=ap)], at=AT)

        assert ("ap", ()) == (claim.speaker, claim.reported_by)

    def test_groups_and_anonymous_sources(self):
        """
        Groups and unattributed statements keep their unnamed speakers.
        """
        made = tracker()

        claims = made.add_statements(
            [
                statement(BROAD, OFFICIALS),
                statement(STALLED, ANONYMOUS),
            ],
            at=AT,
        )

        assert ["officials@s", "anonymous-source@s"] == [
            claim.speaker for claim in claims
        ]
        assert made.actor("anonymous-source@s").name is None

    def test_accepting_twice_returns_the_stored_claim(self):
        """
        The same statement accepted twice is one claim.
        """
        made = tracker()
        first = made.add_statements([statement()], at=AT)
        before = made.events()

        assert first == made.add_statements([statement()], at=AT)
        assert before == made.events()

    def test_all_or_none(self):
        """
        A statement that fails fails them all, naming its place, and
        nothing is added.
        """
        made = tracker()
        before = made.events()
        moved = attrs.evolve(READY, start=1, end=16, exact=TEXT[1:16])
        stale = attrs.evolve(moved, exact="x" * 15)

        with pytest.raises(ct.SpanMismatchError) as e:
            made.add_statements(
                [statement(), statement(stale, kind="direct")], at=AT
            )

        assert e.value.field.startswith("statements[1]")
        assert before == made.events()

    def test_an_unknown_source(self):
        """
        A statement of a source the tracker does not have is refused.
        """
        made = ct.Tracker()

        with pytest.raises(ct.UnknownSourceError):
            made.add_statements([statement()], at=AT)

        assert [] == made.events()

    @pytest.mark.parametrize(
        ("given", "field"),
        [
            (None, "statements"),
            ("statement", "statements"),
            (statement(), "statements"),
            ([statement(), {"text": "x"}], "statements[1]"),
        ],
    )
    def test_refuses_what_is_not_statements(self, given, field):
        """
        Only an iterable of statements is taken.
        """
        made = tracker()
        before = made.events()

        with pytest.raises(ct.InvalidTypeError) as e:
            made.add_statements(given, at=AT)

        assert field == e.value.field
        assert before == made.events()

    def test_a_generator_is_read_once(self):
        """
        Statements may come from a generator.
        """
        made = tracker()

        claims = made.add_statements(
            (s for s in [statement(), statement(BROAD, OFFICIALS)]), at=AT
        )

        assert 2 == len(claims)

    def test_on_the_sqlite_store(self, tmp_path):
        """
        The store keeps accepted statements' claims and speakers.
        """
        path = tmp_path / "claims.db"
        with ct.Tracker.open(path) as made:
            made.add_source(ct.Source("s", text=TEXT, published="2025-02-04"))
            made.add_statements([statement(), statement(BROAD, OFFICIALS)])

        with ct.Tracker.open(path) as read:
            assert ["ana-ruiz", "officials@s"] == [
                claim.speaker for claim in read.claims()
            ]

    @given(
        bounds=st.lists(
            st.integers(min_value=0, max_value=len(TEXT)),
            min_size=2,
            max_size=2,
            unique=True,
        ).map(sorted)
    )
    def test_any_span_of_the_text_is_the_claim_s_span(self, bounds):
        """
        Any statement whose span is true to the text becomes a claim with
        that span, or is refused with a ClaimtrackError changing nothing
        (a span of blanks has no words to be a claim's text).
        """
        made = tracker()
        at = made.source("s").span_at(*bounds)
        before = made.events()

        try:
            (claim,) = made.add_statements(
                [statement(at, kind="indirect")], at=AT
            )
        except ct.ClaimtrackError:
            assert before == made.events()
            assert not at.exact.strip()
        else:
            assert at == claim.span


class TestFindStatements:
    """
    `find_statements` reads a source and proposes speakers.
    """

    def test_a_source_without_a_tracker(self):
        """
        Speakers are proposed from the text, with the role apposition
        gives.
        """
        (found, *_) = ct.find_statements(ct.Source("s", text=TEXT))

        assert (READY, ct.StatementKind.DIRECT) == (found.span, found.kind)
        assert (RUIZ, False) == (found.speaker, found.known)
        assert "Ana Ruiz" == found.speaker_span.exact
        assert found.cue_span.exact == found.cue
        assert 0 < found.confidence <= 1

    def test_a_source_id_with_its_tracker(self):
        """
        A source id is looked up in the tracker, whose actors speakers are
        matched to by name, alias or role.
        """
        made = tracker()
        made.add_actor(ct.Actor("ruiz", "Ana M. Ruiz", aliases=("Ana Ruiz",)))
        before = made.events()

        (found, *_) = ct.find_statements("s", made)

        assert (made.actor("ruiz"), True) == (found.speaker, found.known)
        assert before == made.events()

    def test_a_group_by_its_alias(self):
        """
        Words that are exactly one actor's alias or role find that actor:
        a group the analyst named "officials" is the officials' speaker.
        """
        made = tracker()
        made.add_actor(
            ct.Actor(
                "us", kind="group", role="US officials", aliases=("officials",)
            )
        )

        found = ct.find_statements("s", made)

        broad = [s for s in found if "broad" in s.span.exact]
        assert [("us", True)] == [(s.speaker.id, s.known) for s in broad]

    def test_groups_are_this_source_s(self):
        """
        A group speaker is an unnamed group of this source, in lower case
        when only the sentence capitalised it.
        """
        found = ct.find_statements(ct.Source("s", text=TEXT))

        groups = [s.speaker for s in found if s.speaker.name is None]
        assert OFFICIALS in groups

    def test_never_invents_a_speaker(self):
        """
        An unattributed statement has an unnamed speaker.
        """
        found = ct.find_statements(ct.Source("s", text=TEXT))

        stalled = [s for s in found if "stalled" in s.span.exact]
        assert [None] == [s.speaker.name for s in stalled]

    @pytest.mark.parametrize(
        ("source", "tracker_", "error"),
        [
            (ct.Source("s"), None, ct.MissingTextError),
            ("s", None, ct.InvalidTypeError),
            (3, None, ct.InvalidTypeError),
            ("missing", ct.Tracker(), ct.UnknownSourceError),
            (ct.Source("s", text=TEXT), "tracker", ct.InvalidTypeError),
        ],
    )
    def test_refuses(self, source, tracker_, error):
        """
        A source without text, an id without a tracker, or a tracker that
        is not one is refused.
        """
        with pytest.raises(error):
            ct.find_statements(source, tracker_)

    def test_in_one_step(self):
        """
        Found and accepted, every statement is a claim quoting its span.
        """
        made = tracker()

        claims = made.add_statements(ct.find_statements("s", made), at=AT)

        assert len(claims) >= 3
        assert all(
            TEXT[c.span.start : c.span.end] == c.span.exact for c in claims
        )

    def test_lazy_export(self):
        """
        `ct.find_statements` is `claimtrack.statements.find_statements`.
        """
        assert statements.find_statements is ct.find_statements
        assert statements is ct.statements


class TestCommandLine:
    """
    ``claimtrack statements SOURCE`` lists; ``--accept`` adds.
    """

    @pytest.fixture(name="store")
    def _store(self, cli):  # noqa: F811 -- the imported fixture
        ok(cli("init"))
        with ct.Tracker.open("claims.db") as made:
            made.add_source(ct.Source("s", text=TEXT, published="2025-02-04"))
        return cli

    def test_lists_the_statements(self, store):
        """
        A numbered table, proposed speakers marked new.
        """
        result = ok(store("statements", "s"))

        assert "Ana Ruiz (new)" in result.out
        assert result.out.splitlines()[1].split()[:2] == ["1", "direct"]

    def test_as_json(self, store):
        """
        ``--json`` gives each statement with its number and words.
        """
        found = json.loads(ok(store("--json", "statements", "s")).out)

        assert (1, "We are ready", "direct") == (
            found[0]["number"],
            found[0]["text"],
            found[0]["kind"],
        )
        assert "ana-ruiz" == found[0]["speaker"]["id"]

    def test_accepts_some(self, store):
        """
        ``--accept`` adds the statements named, by whoever ran it.
        """
        result = ok(store("--by", "desk", "statements", "s", "--accept", "1"))

        with ct.Tracker.open("claims.db") as read:
            (claim,) = read.claims()
            assert [claim.id] == result.out.split()
            assert "desk" == read.history(claim)[0].by

    def test_accepts_all_as_json(self, store):
        """
        ``--accept all`` adds every statement listed.
        """
        listed = json.loads(ok(store("--json", "statements", "s")).out)
        added = json.loads(
            ok(store("--json", "statements", "s", "--accept", "all")).out
        )

        assert [s["text"] for s in listed] == [c["text"] for c in added]

    def test_min_confidence(self, store):
        """
        ``--min-confidence`` leaves out less certain statements.
        """
        every = json.loads(ok(store("--json", "statements", "s")).out)
        some = json.loads(
            ok(
                store("--json", "statements", "s", "--min-confidence", "0.8")
            ).out
        )

        assert [s for s in every if s["confidence"] >= 0.8] == some

    @pytest.mark.parametrize(
        ("args", "code"),
        [
            (["--accept", "99"], ExitCode.DATA_ERROR),
            (["--accept", "one"], ExitCode.DATA_ERROR),
            (["--accept", "2-1"], ExitCode.DATA_ERROR),
            (["--min-confidence", "2"], ExitCode.USAGE),
            (["--min-confidence", "nan"], ExitCode.USAGE),
        ],
    )
    def test_refuses_bad_arguments(self, store, args, code):
        """
        Numbers not listed, and a confidence outside 0 to 1, are refused
        and add nothing.
        """
        result = store("statements", "s", *args)

        assert code == result.code
        assert 1 == len(result.err.splitlines())
        with ct.Tracker.open("claims.db") as read:
            assert [] == read.claims()

    def test_a_source_without_statements(self, store):
        """
        A text where no one says anything lists none.
        """
        with ct.Tracker.open("claims.db") as made:
            made.add_source(ct.Source("quiet", text="The bridge opened."))

        assert "no statements\n" == ok(store("statements", "quiet")).out

    def test_an_unknown_source(self, store):
        """
        A source the store does not have is not found.
        """
        assert ExitCode.NOT_FOUND == store("statements", "nope").code

    def test_report_marks_them(self, store):
        """
        ``report --statements SOURCE`` shows the article, marked.
        """
        ok(store("statements", "s", "--accept", "1"))
        ok(store("report", "-o", "r.html", "--statements", "s"))
        ok(store("report", "-o", "r.md", "--statements", "s"))

        page = Path("r.html").read_text(encoding="utf-8")
        assert '<mark class="direct"' in page
        assert '<a href="#claim-1">C1</a>' in page
        assert "## Statements" in Path("r.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("given", "count", "chosen"),
    [
        ("1,3,5", 5, [1, 3, 5]),
        ("2-4", 5, [2, 3, 4]),
        (" 3 , 1-2,2", 3, [3, 1, 2]),
        ("ALL", 2, [1, 2]),
        ("all", 0, []),
    ],
)
def test_numbers(given, count, chosen):
    """
    ``--accept`` takes numbers and ranges, in the order given, once each.
    """
    assert chosen == numbers(given, count)


class TestReport:
    """
    The report shows an article with its statements marked.
    """

    def page(self, made, found, **kwargs):
        """
        The HTML report of *made* with *found*.
        """
        return reports.html(made, statements=found, **kwargs)

    def test_marks_each_statement_and_links_its_claim(self):
        """
        Each statement is marked with its kind, its speaker follows, and
        an accepted one links to its claim's row.
        """
        made = tracker()
        found = ct.find_statements("s", made)
        made.add_statements(found[:1], at=AT)

        page = self.page(made, found)

        assert page.count("<mark ") == len(found)
        assert '<a href="#claim-1">C1</a>' in page
        assert 'href="#statements">Statements</a>' in page

    def test_links_every_claim_quoting_it(self):
        """
        A claim quoting any part of a statement is linked from it, and a
        claim quoting other words is not.
        """
        made = tracker()
        made.add_actor(RUIZ)
        ready = made.add_claim(
            "Ruiz is ready",
            speaker="ana-ruiz",
            quote="We are ready",
            source="s",
        )
        made.add_claim(
            "Talks stalled",
            speaker="ana-ruiz",
            quote="talks had stalled",
            source="s",
        )

        page = self.page(made, [statement(known=True)])

        assert '<a href="#claim-1">C1</a></sup>' in page
        assert '<a href="#claim-2">' not in page.split('id="statements"')[1]
        assert ready.span.start > READY.start

    def test_no_statements_no_section(self):
        """
        Without statements the report is as it was.
        """
        made = tracker()

        assert reports.html(made) == self.page(made, [])
        assert "<mark" not in reports.html(made)

    def test_escapes_the_text(self):
        """
        The article's text and the speakers' names are escaped.
        """
        text = '<script>x</script>\n\n"Go <b>now</b>," said Ana <i>Ruiz</i>.'
        made = ct.Tracker()
        made.add_source(ct.Source("s", text=text, title="<h1>"))
        at = made.source("s").span_of('"Go <b>now</b>,"')
        who = ct.Actor("x", "<img src=x>")

        page = self.page(made, [statement(at, who)])

        assert "<script>x" not in page
        assert "<img" not in page
        assert "&lt;b&gt;now&lt;/b&gt;" in page

    def test_a_statement_over_paragraphs_is_marked_in_each(self):
        """
        A quotation going on in a new paragraph is marked in both, and
        its speaker follows its end.
        """
        text = '"We are ready.\n\n"We will go," Ruiz said.'
        made = ct.Tracker()
        made.add_source(ct.Source("s", text=text))
        at = made.source("s").span_of('"We are ready.\n\n"We will go,"')

        page = self.page(made, [statement(at, kind="direct")])

        assert 2 == page.count("<mark ")
        assert 1 == page.count('<sup class="who">')

    def test_blank_lines_around_the_text(self):
        """
        Blank lines before and after the text make no empty paragraphs.
        """
        text = "\n\n" + TEXT + "\n\n"
        made = ct.Tracker()
        made.add_source(ct.Source("s", text=text))
        at = made.source("s").span_of('"We are ready,"')

        page = self.page(made, [statement(at)])

        assert "<p></p>" not in page
        assert 1 == page.count("<mark ")

    def test_overlapping_statements(self):
        """
        A statement overlapping one marked earlier is counted, not marked.
        """
        made = tracker()

        page = self.page(made, [statement(), statement(), statement(BROAD)])

        assert 2 == page.count("<mark ")
        assert "1 statement overlaps another" in page

    def test_several_overlap(self):
        """
        Several overlapping statements are counted together.
        """
        made = tracker()

        page = self.page(made, [statement()] * 3)

        assert "2 statements overlap another" in page

    @pytest.mark.parametrize(
        ("found", "error"),
        [
            ("statement", ct.InvalidTypeError),
            (statement(), ct.InvalidTypeError),
            (None, ct.InvalidTypeError),
            (["x"], ct.InvalidTypeError),
        ],
    )
    def test_refuses_what_is_not_statements(self, found, error):
        """
        Only an iterable of statements is taken.
        """
        with pytest.raises(error):
            self.page(tracker(), found)

    def test_refuses_an_unknown_source_or_a_stale_span(self):
        """
        A statement must quote a source of the tracker truly.
        """
        stale = attrs.evolve(READY, exact="x" * len(READY.exact))

        with pytest.raises(ct.UnknownSourceError):
            self.page(ct.Tracker(), [statement()])
        with pytest.raises(ct.SpanMismatchError):
            self.page(tracker(), [statement(stale)])

    def test_markdown_lists_them(self):
        """
        The Markdown report has a table of each article's statements.
        """
        made = tracker()
        found = ct.find_statements("s", made)
        made.add_statements(found[:1], at=AT)

        text = reports.markdown(made, statements=found)

        assert "## Statements" in text
        assert "| direct | Ana Ruiz (new) |" in text
        assert "| C1 |" in text
        assert "| claims |" in text

    def test_write_passes_them_on(self, tmp_path):
        """
        `reports.write` shows statements in either format.
        """
        made = tracker()
        found = ct.find_statements("s", made)

        reports.write(made, tmp_path / "r.html", statements=found)
        reports.write(made, tmp_path / "r.md", statements=found)

        assert "<mark" in (tmp_path / "r.html").read_text(encoding="utf-8")
        assert "## Statements" in (tmp_path / "r.md").read_text(
            encoding="utf-8"
        )


class TestStrategy:
    """
    `cst.statements` draws statements true to their source's text.
    """

    @given(found=cst.statements(source=st.just(SOURCE)))
    def test_spans_are_true_to_the_text(self, found):
        """
        The statement's, the speaker's and the cue's spans quote the text.
        """
        for at in (found.span, found.speaker_span, found.cue_span):
            assert at is None or TEXT[at.start : at.end] == at.exact
        assert found.source == "s"

    @given(found=st.from_type(ct.Statement))
    def test_from_type(self, found):
        """
        `st.from_type(ct.Statement)` draws statements.
        """
        assert isinstance(found, ct.Statement)

    @given(data=st.data())
    def test_statements_become_claims(self, data):
        """
        Any statement drawn of a tracker's source is accepted or refused
        with a ClaimtrackError (its words may be blank), changing nothing.
        """
        made = tracker()
        found = data.draw(
            cst.statements(
                source=st.just(made.source("s")),
                speaker=cst.actors(id=st.sampled_from(["x", "y"])),
            )
        )
        before = made.events()

        try:
            made.add_statements([found], at=AT)
        except ct.ClaimtrackError:
            assert before == made.events()

    @pytest.mark.parametrize(
        "options",
        [
            {"source": st.just(ct.Source("s"))},
            {"source": st.just("s")},
            {"speaker": st.just("x")},
            {"source": "s"},
        ],
    )
    def test_bad_options(self, options):
        """
        A source without text, or an option that is not a strategy or
        draws the wrong thing, is an InvalidArgument.
        """

        @settings(max_examples=1, database=None)
        @given(cst.statements(**options))
        def draw(_):
            pass  # pragma: no cover -- never drawn

        with pytest.raises(InvalidArgument):
            draw()


class TestSpeakerWords:
    """
    How the words that name a speaker become an actor.
    """

    @pytest.mark.parametrize(
        ("words", "name"),
        [
            ("the Ministry of Finance", "Ministry of Finance"),
            ("An Agency", "Agency"),
            ("Marco Rubio", "Marco Rubio"),
            ("the ministry", None),
            ("He", None),
            ("they", None),
            ("the ", None),
        ],
    )
    def test_name(self, words, name):
        """
        Words with a capitalised word past any article are a name;
        pronouns and common nouns are not.
        """
        assert name == statements._name(words)

    @pytest.mark.parametrize(
        ("words", "lowered"),
        [
            ("Officials", "officials"),
            ("Police officers", "police officers"),
            ("White House officials", "White House officials"),
            ("", ""),
        ],
    )
    def test_lowered(self, words, lowered):
        """
        Only a sentence's capital comes off a group's words.
        """
        assert lowered == statements._lowered(words)

    def test_a_proposed_name_whose_id_is_taken(self):
        """
        A name the finder did not match, whose id is an actor's, is that
        actor.
        """
        ruiz = ct.Actor("ana-ruiz", "A. M. Ruiz")
        found = Found(
            start=0,
            end=15,
            kind="direct",
            speaker="Ana Ruiz",
            speaker_start=16,
            speaker_end=24,
            speaker_kind="person",
            role=None,
            known=None,
            cue="said",
            cue_start=38,
            cue_end=42,
            when=None,
            confidence=0.9,
        )

        assert (ruiz, True) == statements._speaker(
            SOURCE, found, {"ana-ruiz": ruiz}, {}
        )
