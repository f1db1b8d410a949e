"""
Tests for the Climate-FEVER importer: claims, Wikipedia sentences as
sources, evidence with stances and votes, and verdicts.
"""

import copy
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack.formats import climate_fever
from claimtrack.formats._reviews import is_review_article
from claimtrack.scales import Rating


def evidence(label, article, index, sentence, votes=None):
    """
    One Climate-FEVER evidence, as the dataset writes it.
    """
    return {
        "evidence_id": f"{article}:{index}",
        "evidence_label": label,
        "article": article,
        "evidence": sentence,
        "entropy": 0.0,
        "votes": votes or [label, label, None, None, None],
    }


BEARS = {
    "claim_id": "0",
    "claim": "Global warming is driving polar bears toward extinction",
    "claim_label": "SUPPORTS",
    "evidences": [
        evidence(
            "NOT_ENOUGH_INFO",
            "Extinction risk from global warming",
            170,
            '"Recent Research Shows Human Activity Driving Earth Towards '
            'Global Extinction Event".',
            ["SUPPORTS", "NOT_ENOUGH_INFO", None, None, None],
        ),
        evidence(
            "SUPPORTS",
            "Habitat destruction",
            61,
            "Rising global temperatures, caused by the greenhouse effect, "
            "contribute to habitat destruction, endangering various species, "
            "such as the polar bear.",
        ),
    ],
}
ANTARCTICA = {
    "claim_id": "430",
    "claim": "“But there are plenty of studies that show the total ice mass "
    "is increasing.”",
    "claim_label": "DISPUTED",
    "evidences": [
        evidence(
            "SUPPORTS",
            "Antarctica",
            363,
            "The East Antarctic ice sheet gained mass. ",
        ),
        evidence(
            "REFUTES",
            "Antarctic ice sheet",
            12,
            "Overall, Antarctica lost ice mass  between 2002 and 2020.",
        ),
    ],
}


def lines(*records):
    """
    A Climate-FEVER file holding *records*, one a line.
    """
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def changed(record, **fields):
    """
    A copy of *record* with some fields replaced.
    """
    out = copy.deepcopy(record)
    out.update(fields)
    return out


class TestMapping:
    """
    Each line becomes a claim with its evidence and verdict.
    """

    def test_claim(self):
        """
        The string id makes the claim's id; the speaker is unattributed.
        """
        tracker = ct.Tracker()
        report = climate_fever.read(tracker, lines(BEARS, ANTARCTICA))

        assert ("climate-fever-0", "climate-fever-430") == report.claims
        claim = tracker.claim("climate-fever-0")
        assert BEARS["claim"] == claim.text
        assert "climate-fever-unattributed" == claim.speaker
        speaker = tracker.actor(claim.speaker)
        assert (ct.ActorKind.GROUP, None) == (speaker.kind, speaker.name)
        assert climate_fever.SPEAKER == speaker

    def test_whole_number_id(self):
        """
        A whole-number id is taken as its text.
        """
        tracker = ct.Tracker()
        report = climate_fever.read(tracker, lines(changed(BEARS, claim_id=7)))

        assert ("climate-fever-7",) == report.claims

    def test_sentence_sources(self):
        """
        Each sentence is a Wikipedia source whose text is the sentence.
        """
        tracker = ct.Tracker()
        climate_fever.read(tracker, lines(ANTARCTICA))

        source = tracker.source("climate-fever-wiki:Antarctica:363")
        assert "Antarctica" == source.title
        assert ("Wikipedia", "en") == (source.publisher, source.language)
        assert "The East Antarctic ice sheet gained mass. " == source.text

    def test_evidence_cites_sentence_span(self):
        """
        Evidence cites the span of the whole raw sentence.
        """
        tracker = ct.Tracker()
        climate_fever.read(tracker, lines(ANTARCTICA))

        for item in tracker.evidence("climate-fever-430"):
            (cited,) = item.items
            text = tracker.source(cited.source).text
            assert (0, len(text)) == (cited.span.start, cited.span.end)
            assert text == cited.span.exact

    def test_stances_and_votes(self):
        """
        Labels give stances; votes, nulls included, and entropy are noted.
        """
        tracker = ct.Tracker()
        climate_fever.read(tracker, lines(BEARS))

        context, supports = tracker.evidence("climate-fever-0")
        assert ct.Stance.CONTEXT == context.stance
        assert ct.Stance.SUPPORTS == supports.stance
        assert (
            "NOT_ENOUGH_INFO; votes: SUPPORTS, NOT_ENOUGH_INFO, null, null, "
            "null; entropy: 0.0"
        ) == context.note
        assert ("climate-fever", climate_fever.AT) == (
            context.by,
            context.at,
        )

    def test_no_votes_no_entropy(self):
        """
        Votes and entropy may be missing.
        """
        item = evidence("REFUTES", "Ice", 1, "Ice melts.")
        del item["votes"], item["entropy"]
        tracker = ct.Tracker()
        climate_fever.read(tracker, lines(changed(BEARS, evidences=[item])))

        (only,) = tracker.evidence("climate-fever-0")
        assert "REFUTES; votes: none" == only.note

    def test_disputed(self):
        """
        A DISPUTED claim's derived status is DISPUTED; its verdict MIXED.
        """
        tracker = ct.Tracker()
        climate_fever.read(tracker, lines(ANTARCTICA))

        assert ct.Status.DISPUTED == tracker.derived_status(
            "climate-fever-430"
        )
        assert ct.Status.MIXED == tracker.status("climate-fever-430")

    def test_verdict(self):
        """
        The claim label is a verdict on the Climate-FEVER scale.
        """
        tracker = ct.Tracker()
        climate_fever.read(tracker, lines(BEARS))

        verdict = tracker.verdict("climate-fever-0")
        assert ("SUPPORTS", "climate-fever", Rating.TRUE) == (
            verdict.label,
            verdict.scale,
            verdict.rating,
        )
        assert "2020-12-01T00:00:00+00:00" == verdict.at.isoformat()

    def test_no_label_no_evidence(self):
        """
        A claim without label or evidences is a bare claim.
        """
        tracker = ct.Tracker()
        climate_fever.read(tracker, lines({"claim_id": "1", "claim": "Hot."}))

        assert tracker.verdict("climate-fever-1") is None
        assert [] == tracker.evidence("climate-fever-1")

    def test_shared_sentence(self):
        """
        A sentence cited by two claims is one source.
        """
        other = changed(ANTARCTICA, claim_id="431", claim="Ice grows.")
        tracker = ct.Tracker()
        climate_fever.read(tracker, lines(ANTARCTICA, other))

        assert 2 == len(tracker.sources())

    def test_twice(self):
        """
        Importing the same file twice adds nothing the second time.
        """
        text = lines(BEARS, ANTARCTICA)
        tracker = ct.Tracker()
        first = climate_fever.read(tracker, text)
        second = climate_fever.read(tracker, text)

        assert first.added > 0
        assert 0 == second.added


class TestNotAReview:
    """
    Climate-FEVER's Wikipedia sentences are evidence, never a review's
    article.
    """

    def test_sentences_are_no_review_article(self):
        """
        No evidence of a Climate-FEVER claim is taken for a review's
        article: each cites a span of its sentence.
        """
        tracker = ct.Tracker()
        climate_fever.read(tracker, lines(BEARS, ANTARCTICA))

        evidence = [e for c in tracker for e in tracker.evidence(c)]
        assert evidence
        assert not any(is_review_article(tracker, e) for e in evidence)
        assert all(e.items[0].span is not None for e in evidence)

    def test_empty_input(self):
        """
        An input with no line imports nothing, and says so.
        """
        report = climate_fever.read(ct.Tracker(), "\n")

        assert [("$", "the input holds no claims: nothing to import")] == [
            (f.where, f.message) for f in report.flags
        ]


class TestErrors:
    """
    A bad line is an error naming its line and path; nothing is added.
    """

    @pytest.mark.parametrize(
        ("record", "path"),
        [
            (changed(BEARS, claim_id=None), "claim_id"),
            (changed(BEARS, claim_id=True), "claim_id"),
            (changed(BEARS, claim=""), "claim"),
            (changed(BEARS, evidences={}), "evidences"),
            (changed(BEARS, evidences=["x"]), "evidences[0]"),
            (
                changed(BEARS, evidences=[evidence("DISPUTED", "A", 1, "a")]),
                "evidences[0].evidence_label",
            ),
            (
                changed(BEARS, evidences=[evidence("SUPPORTS", "A", 1, " ")]),
                "evidences[0].evidence",
            ),
            (
                changed(
                    BEARS,
                    evidences=[evidence("REFUTES", "A", 1, "a", ["YES"])],
                ),
                "evidences[0].votes[0]",
            ),
            (
                changed(
                    BEARS,
                    evidences=[
                        {**evidence("REFUTES", "A", 1, "a"), "entropy": "0"}
                    ],
                ),
                "evidences[0].entropy",
            ),
        ],
    )
    def test_bad_line(self, record, path):
        """
        The error names the line and the path inside it.
        """
        tracker = ct.Tracker()
        climate_fever.read(tracker, lines(ANTARCTICA))
        before = tracker.events()

        with pytest.raises(ct.InvalidDocumentError) as e:
            climate_fever.read(tracker, lines(BEARS) + "\n" + lines(record))

        assert f"line 3.{path}" == e.value.field
        assert before == tracker.events()

    def test_unknown_label(self):
        """
        A claim label not on the scale is an UnknownLabelError.
        """
        with pytest.raises(ct.UnknownLabelError) as e:
            climate_fever.read(
                ct.Tracker(), lines(changed(BEARS, claim_label="TRUE"))
            )

        assert "line 1.claim_label" == e.value.field
        assert "is not on the climate-fever scale" in e.value.reason

    @pytest.mark.parametrize(
        ("text", "reason"),
        [
            ("{nope}", "is not JSON"),
            ("[1]", "must be a JSON object, not an array"),
            ("null", "must be a JSON object, not null"),
            ('"x"', "must be a JSON object, not text"),
        ],
    )
    def test_not_an_object(self, text, reason):
        """
        A line that is not a JSON object is refused as a whole.
        """
        report = climate_fever.read(
            ct.Tracker(), lines(BEARS) + text + "\n", lenient=True
        )

        (rejected,) = report.rejected
        assert "line 2.$" == rejected.error.field
        assert reason in rejected.reason

    def test_not_json_names_line_and_column(self):
        """
        A line that is not JSON gives an error with its line and column.
        """
        with pytest.raises(ct.InvalidDocumentError) as e:
            climate_fever.read(ct.Tracker(), '\n\n{"claim_id": 1,}')

        assert "line 3.$" == e.value.field
        assert e.value.reason.endswith("at column 16")

    def test_sentence_changed(self):
        """
        One sentence id with two texts is refused at the second.
        """
        other = changed(
            ANTARCTICA,
            claim_id="9",
            evidences=[evidence("SUPPORTS", "Antarctica", 363, "Other.")],
        )
        tracker = ct.Tracker()
        report = climate_fever.read(
            tracker, lines(ANTARCTICA, other), lenient=True
        )

        (rejected,) = report.rejected
        assert "line 2.evidences[0].evidence_id" == rejected.error.field
        assert isinstance(rejected.error, ct.DuplicateIdError)
        assert ("climate-fever-430",) == report.claims

    def test_clash_with_tracker(self):
        """
        A different claim under the id in the tracker is refused.
        """
        tracker = ct.Tracker()
        climate_fever.read(tracker, lines(BEARS))

        with pytest.raises(ct.DuplicateIdError) as e:
            climate_fever.read(tracker, lines(changed(BEARS, claim="Other")))

        assert "line 1.claim_id" == e.value.field


# -- properties ------------------------------------------------------------

LABELS = ["SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO"]
text = st.text(
    st.characters(
        codec="utf-8", exclude_categories=("Cs",), exclude_characters="\x00"
    ),
    max_size=20,
).filter(str.strip)
evidences = st.builds(
    evidence,
    st.sampled_from(LABELS),
    st.sampled_from(["Ice", "Sea level", "Carbon dioxide"]),
    st.integers(0, 5),
    text,
    st.lists(st.none() | st.sampled_from(LABELS), min_size=5, max_size=5),
)
records = st.fixed_dictionaries(
    {
        "claim": text.map(str.strip),
        "claim_label": st.sampled_from([*LABELS, "DISPUTED"]),
        "evidences": st.lists(
            evidences, max_size=5, unique_by=lambda e: e["evidence_id"]
        ),
    }
)
CORRUPTIONS = {
    "claim": {"claim": None},
    "label": {"claim_label": "MAYBE"},
    "evidences": {"evidences": "none"},
    "votes": {"evidences": [evidence("SUPPORTS", "X", 1, "x", ["yes"])]},
}
STANCE = {
    "SUPPORTS": ct.Stance.SUPPORTS,
    "REFUTES": ct.Stance.REFUTES,
    "NOT_ENOUGH_INFO": ct.Stance.CONTEXT,
}


def with_ids(drawn):
    """
    Give each drawn record its place as a string claim id.
    """
    return [{"claim_id": str(n), **r} for n, r in enumerate(drawn)]


def one_text_per_sentence(drawn):
    """
    Whether each evidence id has one sentence text across the records.
    """
    seen = {}
    for record in drawn:
        for e in record.get("evidences", []):
            if (
                seen.setdefault(e["evidence_id"], e["evidence"])
                != e["evidence"]
            ):
                return False
    return True


class TestProperties:
    """
    Random Climate-FEVER files import to exactly what they say.
    """

    @given(st.lists(records, max_size=4).filter(one_text_per_sentence))
    def test_fields_survive(self, drawn):
        """
        Each record's text, label, evidence stances and sentences survive.
        """
        data = with_ids(drawn)
        tracker = ct.Tracker()
        report = climate_fever.read(tracker, lines(*data))

        assert tuple(f"climate-fever-{r['claim_id']}" for r in data) == (
            report.claims
        )
        for record in data:
            claim = tracker.claim(f"climate-fever-{record['claim_id']}")
            assert record["claim"] == claim.text
            assert record["claim_label"] == tracker.verdict(claim).label
            found = [
                (e.stance, e.items[0].span.exact)
                for e in tracker.evidence(claim)
            ]
            assert [
                (STANCE[e["evidence_label"]], e["evidence"])
                for e in record["evidences"]
            ] == found
            stances = {s for s, _ in found}
            if {ct.Stance.SUPPORTS, ct.Stance.REFUTES} <= stances:
                assert ct.Status.DISPUTED == tracker.derived_status(claim)

    @given(
        st.lists(
            st.tuples(records, st.none() | st.sampled_from(list(CORRUPTIONS))),
            max_size=4,
        ).filter(lambda m: one_text_per_sentence([r for r, _ in m]))
    )
    def test_lenient_imports_exactly_the_good(self, mixed):
        """
        A lenient import takes the good lines and reports each bad one.
        """
        data = with_ids(
            [changed(r, **CORRUPTIONS[b]) if b else r for r, b in mixed]
        )
        tracker = ct.Tracker()
        report = climate_fever.read(tracker, lines(*data), lenient=True)

        good = [
            f"climate-fever-{n}" for n, (_, b) in enumerate(mixed) if not b
        ]
        assert tuple(good) == report.claims
        assert good == [c.id for c in tracker]
        assert [f"line {n + 1}" for n, (_, b) in enumerate(mixed) if b] == [
            r.where for r in report.rejected
        ]

    @given(
        st.lists(
            st.tuples(records, st.none() | st.sampled_from(list(CORRUPTIONS))),
            min_size=1,
            max_size=4,
        ).filter(
            lambda m: (
                any(b for _, b in m)
                and one_text_per_sentence([r for r, _ in m])
            )
        )
    )
    def test_strict_changes_nothing(self, mixed):
        """
        A strict import of a file with a bad line raises, adding nothing.
        """
        data = with_ids(
            [changed(r, **CORRUPTIONS[b]) if b else r for r, b in mixed]
        )
        tracker = ct.Tracker()
        climate_fever.read(tracker, lines(ANTARCTICA))
        before = tracker.events()

        with pytest.raises(ct.ClaimtrackError) as e:
            climate_fever.read(tracker, lines(*data))

        first_bad = next(n for n, (_, b) in enumerate(mixed) if b)
        assert e.value.field.startswith(f"line {first_bad + 1}.")
        assert before == tracker.events()
