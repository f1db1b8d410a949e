"""
Tests for the FEVER importer: claims, evidence sets of Wikipedia sentences,
and verdicts.
"""

import copy
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack.formats import fever
from claimtrack.formats._reviews import is_review_article
from claimtrack.scales import Rating


COSTER = {
    "id": 75397,
    "verifiable": "VERIFIABLE",
    "label": "SUPPORTS",
    "claim": "Nikolaj Coster-Waldau worked with the Fox Broadcasting Company.",
    "evidence": [
        [
            [92206, 104971, "Nikolaj_Coster-Waldau", 7],
            [92206, 104971, "Fox_Broadcasting_Company", 0],
        ],
        [[92207, 104972, "Nikolaj_Coster-Waldau", 7]],
    ],
}
SAVAGES = {
    "id": 150448,
    "verifiable": "VERIFIABLE",
    "label": "REFUTES",
    "claim": "Savages was exclusively a German film.",
    "evidence": [
        [[174271, 187498, "Savages_-LRB-2012_film-RRB-", 3]],
        [[174271, 187499, "Savages_-LRB-2012_film-RRB-", 3]],
    ],
}
KUSHAN = {
    "id": 108281,
    "verifiable": "NOT VERIFIABLE",
    "label": "NOT ENOUGH INFO",
    "claim": "Afghanistan is the source of the Kushan dynasty.",
    "evidence": [[[127045, None, None, None]]],
}
UNLABELLED = {"id": 1, "claim": "Roman Atwood is a content creator."}


def lines(*records):
    """
    A FEVER file holding *records*, one a line.
    """
    return "".join(json.dumps(r) + "\n" for r in records)


def changed(record, **fields):
    """
    A copy of *record* with some fields replaced.
    """
    out = copy.deepcopy(record)
    out.update(fields)
    return out


class TestMapping:
    """
    Each line becomes a claim with its evidence sets and verdict.
    """

    def test_claim(self):
        """
        The id makes the claim's id; FEVER's annotators are the speaker.
        """
        tracker = ct.Tracker()
        report = fever.read(tracker, lines(COSTER, KUSHAN))

        assert ("fever-75397", "fever-108281") == report.claims
        claim = tracker.claim("fever-75397")
        assert COSTER["claim"] == claim.text
        speaker = tracker.actor(claim.speaker)
        assert fever.SPEAKER == speaker
        assert (
            "fever-annotators",
            "FEVER annotators",
            ct.ActorKind.GROUP,
        ) == (
            speaker.id,
            speaker.name,
            speaker.kind,
        )

    def test_evidence_set(self):
        """
        An evidence set cites its sentences together, as Wikipedia sources.
        """
        tracker = ct.Tracker()
        fever.read(tracker, lines(COSTER))

        together, alone = tracker.evidence("fever-75397")
        assert ct.Stance.SUPPORTS == together.stance
        assert together.is_set
        assert [
            "fever-wiki:Nikolaj_Coster-Waldau:7",
            "fever-wiki:Fox_Broadcasting_Company:0",
        ] == [i.source for i in together.items]
        assert "FEVER annotation 92206" == together.note
        assert not alone.is_set
        source = tracker.source("fever-wiki:Fox_Broadcasting_Company:0")
        assert ("Fox Broadcasting Company", "Wikipedia", "en", None) == (
            source.title,
            source.publisher,
            source.language,
            source.text,
        )

    def test_same_sentences_one_evidence(self):
        """
        Two sets citing the same sentence are one refuting evidence.
        """
        tracker = ct.Tracker()
        fever.read(tracker, lines(SAVAGES))

        (only,) = tracker.evidence("fever-150448")
        assert ct.Stance.REFUTES == only.stance
        assert "FEVER annotation 174271" == only.note
        assert ct.Status.REFUTED == tracker.derived_status("fever-150448")
        title = tracker.source(only.items[0].source).title
        assert "Savages (2012 film)" == title

    @pytest.mark.parametrize(
        ("page", "title"),
        [
            ("Savages_-LRB-2012_film-RRB-", "Savages (2012 film)"),
            ("Star_Wars-COLON-_Episode_IV", "Star Wars: Episode IV"),
            ("A_-LSB-b-RSB-_-LCB-c-RCB-", "A [b] {c}"),
            ("Nikolaj_Coster-Waldau", "Nikolaj Coster-Waldau"),
        ],
    )
    def test_page_title(self, page, title):
        """
        Underscores are spaces, and FEVER's escapes are their marks.
        """
        assert title == fever.page_title(page)

    def test_not_enough_info(self):
        """
        NOT ENOUGH INFO cites nothing; its verdict says UNPROVEN.
        """
        tracker = ct.Tracker()
        fever.read(tracker, lines(KUSHAN))

        assert [] == tracker.evidence("fever-108281")
        verdict = tracker.verdict("fever-108281")
        assert ("NOT ENOUGH INFO", "fever", Rating.UNPROVEN) == (
            verdict.label,
            verdict.scale,
            verdict.rating,
        )
        assert "2018-03-14T00:00:00+00:00" == verdict.at.isoformat()

    def test_not_enough_info_with_sentences(self):
        """
        Sentences given for NOT ENOUGH INFO are context.
        """
        record = changed(KUSHAN, evidence=[[[1, 2, "Kushan_Empire", 0]]])
        tracker = ct.Tracker()
        fever.read(tracker, lines(record))

        (only,) = tracker.evidence("fever-108281")
        assert ct.Stance.CONTEXT == only.stance

    def test_unlabelled(self):
        """
        A line without label or evidence (the test split) is a bare claim.
        """
        tracker = ct.Tracker()
        report = fever.read(tracker, lines(UNLABELLED))

        assert ("fever-1",) == report.claims
        assert tracker.verdict("fever-1") is None

    def test_unlabelled_with_sentences(self):
        """
        Sentences given without a label are context, and have no note.
        """
        record = changed(
            UNLABELLED, evidence=[[[None, None, "Roman_Atwood", 1]]]
        )
        tracker = ct.Tracker()
        fever.read(tracker, lines(record))

        (only,) = tracker.evidence("fever-1")
        assert (ct.Stance.CONTEXT, None) == (only.stance, only.note)

    def test_twice(self):
        """
        Importing the same file twice adds nothing the second time.
        """
        text = lines(COSTER, SAVAGES, KUSHAN)
        tracker = ct.Tracker()
        first = fever.read(tracker, text)
        second = fever.read(tracker, text)

        assert first.added > 0
        assert 0 == second.added


class TestNotAReview:
    """
    FEVER's Wikipedia sentences are evidence, never a review's article.
    """

    def test_sentences_are_no_review_article(self):
        """
        No evidence of a FEVER claim is taken for a review's article.
        """
        tracker = ct.Tracker()
        fever.read(tracker, lines(COSTER, SAVAGES))

        evidence = [e for c in tracker for e in tracker.evidence(c)]
        assert evidence
        assert not any(is_review_article(tracker, e) for e in evidence)
        assert all(s.url is None for s in tracker.sources())

    def test_empty_input(self):
        """
        An input with no line imports nothing, and says so.
        """
        report = fever.read(ct.Tracker(), "")

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
            (changed(COSTER, id=None), "id"),
            (changed(COSTER, claim=None), "claim"),
            (changed(COSTER, evidence="x"), "evidence"),
            (changed(COSTER, evidence=[{}]), "evidence[0]"),
            (changed(COSTER, evidence=[[[1, 2, "A"]]]), "evidence[0][0]"),
            (changed(COSTER, evidence=[[[1, 2, "", 0]]]), "evidence[0][0][2]"),
            (
                changed(COSTER, evidence=[[[1, 2, "A", None]]]),
                "evidence[0][0][3]",
            ),
            (
                changed(COSTER, evidence=[[[1, 2, "A", -1]]]),
                "evidence[0][0][3]",
            ),
            (
                changed(COSTER, evidence=[[[1, 2, "A", 1.5]]]),
                "evidence[0][0][3]",
            ),
        ],
    )
    def test_bad_line(self, record, path):
        """
        The error names the line and the path inside it.
        """
        tracker = ct.Tracker()
        fever.read(tracker, lines(KUSHAN))
        before = tracker.events()

        with pytest.raises(ct.InvalidDocumentError) as e:
            fever.read(tracker, lines(SAVAGES, record))

        assert f"line 2.{path}" == e.value.field
        assert before == tracker.events()

    def test_unknown_label(self):
        """
        A label not on the FEVER scale is an UnknownLabelError.
        """
        with pytest.raises(ct.UnknownLabelError) as e:
            fever.read(ct.Tracker(), lines(changed(COSTER, label="TRUE")))

        assert "line 1.label" == e.value.field

    def test_clash_with_tracker(self):
        """
        A different claim under the id in the tracker is refused.
        """
        tracker = ct.Tracker()
        fever.read(tracker, lines(COSTER))

        with pytest.raises(ct.DuplicateIdError) as e:
            fever.read(tracker, lines(changed(COSTER, claim="Other.")))

        assert "line 1.id" == e.value.field

    def test_lenient(self):
        """
        A lenient import takes the good lines and reports the bad ones.
        """
        tracker = ct.Tracker()
        report = fever.read(
            tracker,
            lines(COSTER, changed(SAVAGES, label="?"), KUSHAN) + "{\n",
            lenient=True,
        )

        assert ("fever-75397", "fever-108281") == report.claims
        assert ["line 2", "line 4"] == [r.where for r in report.rejected]
        assert (4, False) == (report.records, report.ok)


# -- properties ------------------------------------------------------------

LABELS = ["SUPPORTS", "REFUTES", "NOT ENOUGH INFO"]
pages = st.from_regex(
    r"[A-Z][a-z]{0,5}(_[a-z]{1,5})?(-LRB-[a-z]{1,3}-RRB-)?", fullmatch=True
)
sentences = st.tuples(st.integers(0, 10**6), pages, st.integers(0, 40))
sets = st.lists(sentences, min_size=1, max_size=3).map(
    lambda s: [[a, a + 1, page, n] for a, page, n in s]
)
records = st.fixed_dictionaries(
    {
        "claim": st.text(
            st.characters(
                exclude_categories=("Cs",), exclude_characters="\x00"
            ),
            min_size=1,
            max_size=20,
        ).filter(lambda t: t == t.strip() and t),
        "label": st.sampled_from(LABELS),
        "evidence": st.lists(sets, max_size=3),
    }
)
CORRUPTIONS = {
    "claim": {"claim": ""},
    "label": {"label": "TRUE"},
    "evidence": {"evidence": [[["a", 1, "Page", "x"]]]},
    "shape": {"evidence": [[1, 2, 3, 4]]},
}
STANCE = {
    "SUPPORTS": ct.Stance.SUPPORTS,
    "REFUTES": ct.Stance.REFUTES,
    "NOT ENOUGH INFO": ct.Stance.CONTEXT,
}


def with_ids(drawn):
    """
    Give each drawn record its place as its id.
    """
    return [{"id": n, **r} for n, r in enumerate(drawn)]


class TestProperties:
    """
    Random FEVER files import to exactly what they say.
    """

    @given(st.lists(records, max_size=4))
    def test_fields_survive(self, drawn):
        """
        Each record's text, label and evidence sets survive.
        """
        data = with_ids(drawn)
        tracker = ct.Tracker()
        report = fever.read(tracker, lines(*data))

        assert tuple(f"fever-{r['id']}" for r in data) == report.claims
        for record in data:
            claim = tracker.claim(f"fever-{record['id']}")
            assert record["claim"] == claim.text
            assert record["label"] == tracker.verdict(claim).label
            expected = {
                frozenset(f"fever-wiki:{p}:{n}" for _, _, p, n in s)
                for s in record["evidence"]
            }
            found = tracker.evidence(claim)
            assert expected == {
                frozenset(i.source for i in e.items) for e in found
            }
            assert all(STANCE[record["label"]] == e.stance for e in found)

    @given(
        st.lists(
            st.tuples(records, st.none() | st.sampled_from(list(CORRUPTIONS))),
            max_size=4,
        )
    )
    def test_lenient_imports_exactly_the_good(self, mixed):
        """
        A lenient import takes the good lines and reports each bad one.
        """
        data = with_ids(
            [changed(r, **CORRUPTIONS[b]) if b else r for r, b in mixed]
        )
        tracker = ct.Tracker()
        report = fever.read(tracker, lines(*data), lenient=True)

        good = [f"fever-{n}" for n, (_, b) in enumerate(mixed) if not b]
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
        ).filter(lambda m: any(b for _, b in m))
    )
    def test_strict_changes_nothing(self, mixed):
        """
        A strict import of a file with a bad line raises, adding nothing.
        """
        data = with_ids(
            [changed(r, **CORRUPTIONS[b]) if b else r for r, b in mixed]
        )
        tracker = ct.Tracker()
        fever.read(tracker, lines(COSTER))
        before = tracker.events()

        with pytest.raises(ct.ClaimtrackError) as e:
            fever.read(tracker, lines(*data))

        first_bad = next(n for n, (_, b) in enumerate(mixed) if b)
        assert e.value.field.startswith(f"line {first_bad + 1}.")
        assert before == tracker.events()
