"""
Tests for the AVeriTeC importer: claims, day-first dates, speakers,
sources, question-answer evidence and verdicts.
"""

import copy
import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack.formats import averitec
from claimtrack.formats._reviews import claimants
from claimtrack.scales import Rating


POLITIFACT = "https://www.politifact.com/truth-o-meter/promises/1397/"
ARTICLE = (
    "https://web.archive.org/web/20210227073357/https://www.politifact.com/"
    "article/2020/aug/28/fact-checking-donald-trumps-2020-rnc-speech/"
)
WALL = {
    "claim": 'Donald trump said "We have already built 300 miles of wall."',
    "required_reannotation": False,
    "label": "Refuted",
    "justification": "Only 3 miles were added, not 300.",
    "claim_date": "27-8-2020",
    "speaker": "Donald Trump",
    "original_claim_url": None,
    "fact_checking_article": ARTICLE,
    "reporting_source": None,
    "location_ISO_code": "US",
    "claim_types": ["Position Statement"],
    "fact_checking_strategies": ["Written Evidence"],
    "questions": [
        {
            "question": "How much of a wall has been built?",
            "answers": [
                {
                    "answer": "Under Trump, that has increased by 3 miles.",
                    "answer_type": "Extractive",
                    "source_url": POLITIFACT,
                    "source_medium": "Web text",
                    "cached_source_url": "https://web.archive.org/x",
                }
            ],
        },
        {
            "question": "What has been done since Trump took office?",
            "answers": [
                {
                    "answer": "Barriers were mainly replaced.",
                    "answer_type": "Extractive",
                    "source_url": POLITIFACT,
                    "source_medium": "Web text",
                }
            ],
        },
    ],
    "cached_original_claim_url": None,
}
CONNERY = {
    "claim": "In a letter to Steve Jobs, Sean Connery refused to appear in an "
    "apple commercial.",
    "label": "Not Enough Evidence",
    "justification": "",
    "claim_date": "1-10-2020",
    "speaker": None,
    "original_claim_url": "https://example.com/post",
    "fact_checking_article": None,
    "reporting_source": "Facebook",
    "location_ISO_code": None,
    "claim_types": ["Event/Property Claim"],
    "questions": [
        {
            "question": "Was the letter real?",
            "answers": [
                {
                    "answer": "No",
                    "answer_type": "Boolean",
                    "source_url": "https://scoopertino.com/about/",
                    "boolean_explanation": "Scoopertino is satire.",
                },
                {
                    "answer": "No answer could be found.",
                    "answer_type": "Unanswerable",
                    "source_url": "",
                    "source_medium": "",
                },
                {
                    "answer": "The speaker is a page.",
                    "answer_type": "Extractive",
                    "source_url": "Metadata",
                },
            ],
        }
    ],
}


def doc(*records):
    """
    An AVeriTeC file holding *records*, indented as the original is.
    """
    return json.dumps(list(records), indent=4) + "\n"


def changed(record, **fields):
    """
    A copy of *record* with some fields replaced.
    """
    out = copy.deepcopy(record)
    out.update(fields)
    return out


class TestDates:
    """
    claim_date is read day first, padded or not; never month first.
    """

    @pytest.mark.parametrize(
        ("text", "day"),
        [
            ("27-8-2020", dt.date(2020, 8, 27)),
            ("1-10-2020", dt.date(2020, 10, 1)),
            ("31-10-2020", dt.date(2020, 10, 31)),
            ("03-04-2020", dt.date(2020, 4, 3)),
            ("3-4-2020", dt.date(2020, 4, 3)),
        ],
    )
    def test_day_first(self, text, day):
        """
        The first number is the day, the second the month.
        """
        when = averitec.read_date(text)

        assert (day, day) == (when.earliest, when.latest)
        assert ct.Precision.DAY == when.precision
        assert text == when.text

    @pytest.mark.parametrize(
        "text", ["2020-10-01", "10/1/2020", "31-2-2020", "1-13-2020", "Oct 1"]
    )
    def test_other_forms_refused(self, text):
        """
        ISO, slashes, impossible dates and words are refused.
        """
        with pytest.raises(ct.InvalidDocumentError) as e:
            averitec.read_date(text)

        assert "claim_date" == e.value.field

    def test_claim_said(self):
        """
        The claim is said on the day, and keeps the words it was read from.
        """
        tracker = ct.Tracker()
        liar_like = averitec.read(tracker, doc(WALL, CONNERY))
        wall, connery = (tracker.claim(i) for i in liar_like.claims)

        assert "2020-08-27" == str(wall.said)
        assert "27-8-2020" == wall.said.text
        assert "2020-10-01" == str(connery.said)
        assert [wall] == tracker.claims(
            said_between=("2020-08-01", "2020-08-31")
        )

    @given(st.dates(dt.date(1000, 1, 1), dt.date(9999, 12, 31)), st.booleans())
    def test_any_date(self, day, padded):
        """
        Any date written day first, padded or not, reads back as itself.
        """
        text = (
            f"{day.day:02}-{day.month:02}-{day.year}"
            if padded
            else f"{day.day}-{day.month}-{day.year}"
        )

        assert day == averitec.read_date(text).date


class TestSpeakers:
    """
    Named speakers are actors; null or empty ones are unattributed.
    """

    def test_named(self):
        """
        "Donald Trump" is an actor with a slug id and the name as given.
        """
        tracker = ct.Tracker()
        report = averitec.read(tracker, doc(WALL))

        claim = tracker.claim(report.claims[0])
        assert "donald-trump" == claim.speaker
        assert ct.Actor("donald-trump", "Donald Trump") == tracker.actor(
            "Donald Trump"
        )

    @pytest.mark.parametrize("speaker", [None, "", "  ", "\u200f"])
    def test_unattributed(self, speaker):
        """
        A null, empty or blank speaker is the unattributed group.
        """
        tracker = ct.Tracker()
        report = averitec.read(tracker, doc(changed(WALL, speaker=speaker)))

        claim = tracker.claim(report.claims[0])
        assert averitec.UNATTRIBUTED.id == claim.speaker
        assert "averitec-unattributed" == claim.speaker
        actor = tracker.actor(claim.speaker)
        assert ct.ActorKind.GROUP == actor.kind
        assert actor.name is None

    def test_missing_speaker_key(self):
        """
        A record without the speaker key is unattributed too.
        """
        record = changed(WALL)
        del record["speaker"]
        tracker = ct.Tracker()
        report = averitec.read(tracker, doc(record))

        claim = tracker.claim(report.claims[0])
        assert averitec.UNATTRIBUTED.id == claim.speaker

    def test_trimmed(self):
        """
        Spaces and invisible marks around a name are dropped.
        """
        tracker = ct.Tracker()
        averitec.read(
            tracker, doc(changed(WALL, speaker="Paresh Rawal \u200f"))
        )

        assert "Paresh Rawal" == tracker.actor("paresh-rawal").name

    def test_same_slug_one_actor(self):
        """
        Names that fold to one slug are one actor, the first one's.
        """
        other = changed(CONNERY, speaker="donald  TRUMP")
        tracker = ct.Tracker()
        averitec.read(tracker, doc(WALL, other))

        assert ["donald-trump"] == [
            a.id for a in tracker.actors() if a.name is not None
        ]
        assert "Donald Trump" == tracker.actor("donald-trump").name

    def test_no_letters(self):
        """
        A speaker with no letter or digit is refused.
        """
        with pytest.raises(ct.InvalidDocumentError) as e:
            averitec.read(ct.Tracker(), doc(changed(WALL, speaker="@@")))

        assert "$[0].speaker" == e.value.field


class TestSpeakersInLanguages:
    """
    Speakers are read as fact-checks' claimants are: placeholders are
    groups, accounts keep their platform, lists are several claims.
    """

    @pytest.mark.parametrize(
        "speaker",
        ["Viral social media post", "Facebook users", "Usuarios de redes"],
    )
    def test_placeholder_is_a_group(self, speaker):
        """
        A placeholder is an unnamed group keeping the words, flagged; its
        claim's id is made as one with no claimant's.
        """
        tracker = ct.Tracker()
        report = averitec.read(tracker, doc(changed(WALL, speaker=speaker)))
        claim = tracker.claim(report.claims[0])
        actor = tracker.actor(claim.speaker)

        assert (None, ct.ActorKind.GROUP, speaker) == (
            actor.name,
            actor.kind,
            actor.role,
        )
        assert claim.id == ct.Claim.make_id(
            claim.text, "unknown-claimant", said=claim.said
        )
        assert [("$[0]", f"speaker {speaker!r} is no one person")] == [
            (f.where, f.message.split(":")[0]) for f in report.flags
        ]

    def test_account(self):
        """
        "Twitter user @jroe" is @jroe, an X/Twitter user.
        """
        tracker = ct.Tracker()
        report = averitec.read(
            tracker, doc(changed(WALL, speaker="Twitter user @jroe"))
        )
        actor = tracker.actor(tracker.claim(report.claims[0]).speaker)

        assert ("@jroe", "X/Twitter user") == (actor.name, actor.role)
        assert () == report.flags

    def test_several_speakers(self):
        """
        "Joe Biden and Kamala Harris" makes a claim for each, each rated
        and cited alike, flagged.
        """
        tracker = ct.Tracker()
        report = averitec.read(
            tracker, doc(changed(WALL, speaker="Joe Biden and Kamala Harris"))
        )
        claims = [tracker.claim(c) for c in report.claims]

        assert ["joe-biden", "kamala-harris"] == [c.speaker for c in claims]
        assert [["Refuted"], ["Refuted"]] == [
            [v.label for v in tracker.verdicts(c)] for c in claims
        ]
        assert [2, 2] == [len(tracker.evidence(c)) for c in claims]
        assert ["$[0]"] == [f.where for f in report.flags]
        assert "a claim for each" in report.flags[0].message

    def test_unattributed_is_flagged(self):
        """
        A null speaker is flagged with the group that stands for it.
        """
        report = averitec.read(ct.Tracker(), doc(CONNERY))

        message = (
            "speaker is null or empty: the claim's speaker is "
            "'averitec-unattributed'"
        )
        assert [("$[0]", message)] == [
            (f.where, f.message) for f in report.flags
        ]

    def test_empty_array(self):
        """
        An empty array imports nothing, and says so.
        """
        report = averitec.read(ct.Tracker(), "[]")

        assert [("$", "the input holds no claims: nothing to import")] == [
            (f.where, f.message) for f in report.flags
        ]


class TestIds:
    """
    A claim's id is made of what a ClaimReview export keeps of it.
    """

    def test_id_from_url_not_source(self):
        """
        The id is made from the claim's URL, not its source's id, which
        the reporting source goes into too.
        """
        tracker = ct.Tracker()
        (claim_id,) = averitec.read(tracker, doc(CONNERY)).claims
        claim = tracker.claim(claim_id)

        assert claim.source.startswith("averitec-source-")
        assert claim_id == ct.Claim.make_id(
            claim.text,
            "unknown-claimant",
            said=claim.said,
            source="https://example.com/post",
        )

    @pytest.mark.parametrize("url", [None, "https://example.com/post"])
    def test_other_reporting_source_is_one_claim(self, url):
        """
        Two records of one claim that name other reporting sources are one
        claim, with the first one's source, in one file or two.
        """
        first = changed(CONNERY, original_claim_url=url)
        second = changed(first, reporting_source="Instagram")
        one, two = ct.Tracker(), ct.Tracker()
        report = averitec.read(one, doc(first, second))
        averitec.read(two, doc(first))
        again = averitec.read(two, doc(second))

        assert 1 == len(set(report.claims)) == len(one)
        assert one.events() == two.events()[: len(one.events())]
        assert report.claims[:1] == again.claims
        assert (
            "Facebook"
            == one.source(one.claim(report.claims[0]).source).publisher
        )

    def test_other_words_are_refused(self):
        """
        A claim under the id with other tags is refused, in one file too.
        """
        with pytest.raises(ct.DuplicateIdError) as e:
            averitec.read(
                ct.Tracker(),
                doc(WALL, changed(WALL, claim_types=["Other"])),
            )

        assert "$[1].id" == e.value.field

    def test_id_taken_by_something_else(self):
        """
        An id that the tracker gives to an actor is refused.
        """
        tracker = ct.Tracker()
        (claim_id,) = averitec.read(ct.Tracker(), doc(WALL)).claims
        tracker.add_actor(ct.Actor(claim_id, "Someone"))

        with pytest.raises(ct.DuplicateIdError):
            averitec.read(tracker, doc(WALL))
        assert 1 == len(tracker.events())


class TestMapping:
    """
    Sources, evidence and verdicts come from the record's fields.
    """

    def test_source(self):
        """
        original_claim_url and reporting_source make the claim's source.
        """
        tracker = ct.Tracker()
        report = averitec.read(tracker, doc(WALL, CONNERY))
        wall, connery = (tracker.claim(i) for i in report.claims)

        assert wall.source is None
        source = tracker.source(connery.source)
        assert ("https://example.com/post", "Facebook") == (
            source.url,
            source.publisher,
        )

    def test_reporting_source_alone(self):
        """
        A reporting source without a URL is a source without a URL.
        """
        record = changed(CONNERY, original_claim_url="")
        tracker = ct.Tracker()
        report = averitec.read(tracker, doc(record))

        source = tracker.source(tracker.claim(report.claims[0]).source)
        assert (None, "Facebook") == (source.url, source.publisher)

    def test_tags(self):
        """
        Claim types and the location are tags.
        """
        tracker = ct.Tracker()
        report = averitec.read(tracker, doc(WALL, CONNERY))
        wall, connery = (tracker.claim(i) for i in report.claims)

        assert ("Position Statement", "location:US") == wall.tags
        assert ("Event/Property Claim",) == connery.tags

    def test_fact_checking_article(self):
        """
        The fact-checking article is a source cited as context.
        """
        tracker = ct.Tracker()
        report = averitec.read(tracker, doc(WALL))

        first = tracker.evidence(report.claims[0])[0]
        (item,) = first.items
        assert ct.Stance.CONTEXT == first.stance
        assert "fact-checking article" == first.note
        assert ARTICLE == tracker.source(item.source).url

    def test_answers_by_url(self):
        """
        Answers citing one URL are one context evidence, notes joined.
        """
        tracker = ct.Tracker()
        report = averitec.read(tracker, doc(WALL))

        _, answers = tracker.evidence(report.claims[0])
        assert POLITIFACT == answers.items[0].url
        assert ct.Stance.CONTEXT == answers.stance
        assert (
            "Q: How much of a wall has been built?\n"
            "A (Extractive): Under Trump, that has increased by 3 miles.\n\n"
            "Q: What has been done since Trump took office?\n"
            "A (Extractive): Barriers were mainly replaced."
        ) == answers.note
        assert ("averitec", averitec.AT) == (answers.by, answers.at)

    def test_boolean_metadata_unanswerable(self):
        """
        A Boolean answer keeps its explanation; no URL or Metadata cite none.
        """
        tracker = ct.Tracker()
        report = averitec.read(tracker, doc(CONNERY))

        (evidence,) = tracker.evidence(report.claims[0])
        assert "https://scoopertino.com/about/" == evidence.items[0].url
        assert (
            "Q: Was the letter real?\nA (Boolean): No\n"
            "Why: Scoopertino is satire."
        ) == evidence.note

    def test_bare_answer(self):
        """
        An answer with no question, text or type still cites its URL.
        """
        record = changed(
            WALL,
            questions=[{"answers": [{"source_url": POLITIFACT}]}],
            fact_checking_article=None,
        )
        tracker = ct.Tracker()
        report = averitec.read(tracker, doc(record))

        (evidence,) = tracker.evidence(report.claims[0])
        assert "A:" == evidence.note

    def test_verdict(self):
        """
        The label is an AVeriTeC verdict with the justification as rationale.
        """
        tracker = ct.Tracker()
        report = averitec.read(tracker, doc(WALL, CONNERY))
        wall, connery = (tracker.verdict(i) for i in report.claims)

        assert ("Refuted", "averitec", Rating.FALSE) == (
            wall.label,
            wall.scale,
            wall.rating,
        )
        assert "Only 3 miles were added, not 300." == wall.rationale
        assert connery.rationale is None
        assert ct.Status.UNPROVEN == tracker.status(report.claims[1])
        assert "2023-05-22T00:00:00+00:00" == wall.at.isoformat()

    def test_unlabelled(self):
        """
        A record without a label (the test split) gets no verdict.
        """
        record = changed(WALL, label=None, justification=None)
        tracker = ct.Tracker()
        report = averitec.read(tracker, doc(record))

        assert tracker.verdict(report.claims[0]) is None

    def test_missing_keys(self):
        """
        A record with only its claim imports; cached URLs may be missing.
        """
        tracker = ct.Tracker()
        report = averitec.read(tracker, doc({"claim": "Walls are tall."}))

        claim = tracker.claim(report.claims[0])
        assert (claim.said, claim.source, claim.tags) == (None, None, ())
        assert [] == tracker.evidence(claim)

    def test_twice(self):
        """
        Importing the same file twice adds nothing the second time.
        """
        text = doc(WALL, CONNERY)
        tracker = ct.Tracker()
        first = averitec.read(tracker, text)
        second = averitec.read(tracker, text)

        assert first.added > 0
        assert (0, first.claims) == (second.added, second.claims)

    def test_known_actor(self):
        """
        An actor already in the tracker under the slug is used, as it is.
        """
        tracker = ct.Tracker()
        trump = tracker.add_actor(
            ct.Actor("donald-trump", "Donald J. Trump", role="President")
        )
        averitec.read(tracker, doc(WALL))

        assert [trump] == tracker.actors()


class TestErrors:
    """
    A bad record is an error with its JSON path; nothing is added.
    """

    @pytest.mark.parametrize(
        ("fields", "path"),
        [
            ({"claim": " "}, "$[1].claim"),
            ({"claim": 3}, "$[1].claim"),
            ({"claim_date": "2020-10-01"}, "$[1].claim_date"),
            ({"claim_date": "31-9-2020"}, "$[1].claim_date"),
            ({"speaker": ["a"]}, "$[1].speaker"),
            ({"original_claim_url": "example.com"}, "$[1].original_claim_url"),
            (
                {"fact_checking_article": "ftp://x"},
                "$[1].fact_checking_article",
            ),
            ({"claim_types": "Claim"}, "$[1].claim_types"),
            ({"claim_types": ["a", 1]}, "$[1].claim_types[1]"),
            ({"questions": [3]}, "$[1].questions[0]"),
            ({"questions": [{"answers": {}}]}, "$[1].questions[0].answers"),
            (
                {"questions": [{"answers": [{"source_url": "not a url"}]}]},
                "$[1].questions[0].answers[0].source_url",
            ),
            (
                {"questions": [{"answers": [{"answer": False}]}]},
                "$[1].questions[0].answers[0].answer",
            ),
        ],
    )
    def test_bad_record(self, fields, path):
        """
        The error names the JSON path of the fault.
        """
        tracker = ct.Tracker()
        averitec.read(tracker, doc(WALL))
        before = tracker.events()

        with pytest.raises(ct.InvalidDocumentError) as e:
            averitec.read(tracker, doc(CONNERY, changed(CONNERY, **fields)))

        assert path == e.value.field
        assert before == tracker.events()

    def test_unknown_label(self):
        """
        A label not on the AVeriTeC scale is an UnknownLabelError.
        """
        with pytest.raises(ct.UnknownLabelError) as e:
            averitec.read(ct.Tracker(), doc(changed(WALL, label="Maybe")))

        assert "$[0].label" == e.value.field

    def test_not_an_object(self):
        """
        An element that is not an object is refused as a whole.
        """
        tracker = ct.Tracker()
        report = averitec.read(tracker, doc(WALL, [1, 2]), lenient=True)

        (rejected,) = report.rejected
        assert "$[1].$" == rejected.error.field
        assert "must be a JSON object, not an array" in rejected.reason

    @pytest.mark.parametrize(
        ("text", "line"), [("[\n{,}]", 2), ('{"claim": "x"}', None)]
    )
    def test_not_an_array(self, text, line):
        """
        A document that is not a JSON array is refused, even leniently.
        """
        tracker = ct.Tracker()

        with pytest.raises(ct.InvalidDocumentError) as e:
            averitec.read(tracker, text, lenient=True)

        assert "$" == e.value.field
        assert line == e.value.line
        assert [] == tracker.events()

    def test_lenient(self):
        """
        A lenient import takes the good records and reports the bad.
        """
        bad = changed(CONNERY, claim_date="2020-10-01")
        tracker = ct.Tracker()
        report = averitec.read(tracker, doc(bad, WALL), lenient=True)

        assert 1 == len(report.claims) == len(tracker)
        (rejected,) = report.rejected
        assert "$[0]" == rejected.where
        assert "DD-MM-YYYY" in rejected.reason

    def test_clash_with_tracker(self):
        """
        A different claim under the derived id is refused, named.
        """
        tracker = ct.Tracker()
        report = averitec.read(tracker, doc(WALL))
        before = tracker.events()

        with pytest.raises(ct.DuplicateIdError) as e:
            averitec.read(tracker, doc(changed(WALL, claim_types=["Other"])))

        assert "$[0].claim" == e.value.field
        assert report.claims[0] == e.value.value
        assert before == tracker.events()


# -- properties ------------------------------------------------------------

words = st.text(
    st.characters(
        codec="utf-8", exclude_categories=("Cs",), exclude_characters="\x00"
    ),
    max_size=15,
).map(str.strip)
names = st.from_regex(
    r"[A-Z][a-z]{1,6}( [A-Z][a-z]{1,6}){0,2}", fullmatch=True
).filter(
    lambda n: [n] == [a.name for a in claimants(n)]
)  # no "Fb", "Ab And Cd"
urls = st.from_regex(r"https://[a-z]{1,8}\.org/[a-z0-9]{0,6}", fullmatch=True)
answers = st.fixed_dictionaries(
    {
        "answer": words,
        "answer_type": st.sampled_from(["Extractive", "Abstractive"]),
        "source_url": urls,
    }
)
records = st.fixed_dictionaries(
    {
        "claim": words.filter(bool),
        "label": st.sampled_from(
            [
                "Supported",
                "Refuted",
                "Not Enough Evidence",
                "Conflicting Evidence/Cherrypicking",
            ]
        ),
        "justification": words,
        "claim_date": st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)).map(
            lambda d: f"{d.day}-{d.month}-{d.year}"
        ),
        "speaker": st.none() | st.just("") | names,
        "reporting_source": st.none() | names,
        "original_claim_url": st.none() | urls,
        "questions": st.lists(
            st.fixed_dictionaries(
                {"question": words, "answers": st.lists(answers, max_size=2)}
            ),
            max_size=2,
        ),
    }
)
CORRUPTIONS = {
    "claim": {"claim": ""},
    "date": {"claim_date": "2020-13-01"},
    "label": {"label": "Unsure"},
    "url": {"original_claim_url": "www.example.com"},
    "speaker": {"speaker": 7},
    "questions": {"questions": {"q": 1}},
}


class TestProperties:
    """
    Random AVeriTeC files import to exactly what they say.
    """

    @given(st.lists(records, max_size=5))
    def test_fields_survive(self, drawn):
        """
        Each record's text, date, speaker, source, evidence and verdict.
        """
        tracker = ct.Tracker()
        report = averitec.read(tracker, doc(*drawn))

        assert len(drawn) == len(report.claims)
        for record, claim_id in zip(drawn, report.claims, strict=True):
            claim = tracker.claim(claim_id)
            day, month, year = map(int, record["claim_date"].split("-"))
            assert record["claim"] == claim.text
            assert dt.date(year, month, day) == claim.said.date
            speaker = tracker.actor(claim.speaker)
            assert (record["speaker"] or None) == speaker.name
            # Records of one claim (the same text, speaker, date and URL)
            # share it, with the first one's source, and its evidence.
            same = [
                r
                for r, c in zip(drawn, report.claims, strict=True)
                if c == claim_id
            ]
            first = same[0]
            if first["original_claim_url"] or first["reporting_source"]:
                source = tracker.source(claim.source)
                assert first["original_claim_url"] == source.url
                assert first["reporting_source"] == source.publisher
            else:
                assert claim.source is None
            cited = [e.items[0].url for e in tracker.evidence(claim)]
            assert (
                list(
                    dict.fromkeys(
                        a["source_url"]
                        for r in same
                        for q in r["questions"]
                        for a in q["answers"]
                    )
                )
                == cited
            )
            labels = {v.label for v in tracker.verdicts(claim)}
            assert record["label"] in labels

    @given(
        st.lists(
            st.tuples(records, st.none() | st.sampled_from(list(CORRUPTIONS))),
            max_size=5,
        )
    )
    def test_lenient_imports_exactly_the_good(self, mixed):
        """
        A lenient import takes the good records and reports each bad one.
        """
        data = [
            changed(r, **CORRUPTIONS[bad]) if bad else r for r, bad in mixed
        ]
        tracker = ct.Tracker()
        report = averitec.read(tracker, doc(*data), lenient=True)

        expected = ct.Tracker()
        for record, bad in mixed:
            if bad is None:
                averitec.read(expected, doc(record))
        assert expected == tracker
        assert [f"$[{n}]" for n, (_, bad) in enumerate(mixed) if bad] == [
            r.where for r in report.rejected
        ]

    @given(
        st.lists(
            st.tuples(records, st.none() | st.sampled_from(list(CORRUPTIONS))),
            min_size=1,
            max_size=5,
        ).filter(lambda m: any(bad for _, bad in m))
    )
    def test_strict_changes_nothing(self, mixed):
        """
        A strict import of a file with a bad record raises, adding nothing.
        """
        data = [
            changed(r, **CORRUPTIONS[bad]) if bad else r for r, bad in mixed
        ]
        tracker = ct.Tracker()
        averitec.read(tracker, doc(WALL))
        before = tracker.events()

        with pytest.raises(ct.ClaimtrackError) as e:
            averitec.read(tracker, doc(*data))

        first_bad = next(n for n, (_, bad) in enumerate(mixed) if bad)
        assert e.value.field.startswith(f"$[{first_bad}].")
        assert before == tracker.events()
