"""
Tests for the verdict labels in the publishers' languages.

The label table (claimtrack.formats._labels) maps "Falso", "Trompeur",
"錯誤", "زائف" and their kin onto claimtrack's ratings; imports keep the
label as published and flag a label that is in no table.
"""

import csv
import io
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack.formats import claimreview, claimskg
from claimtrack.formats._labels import LANGUAGE_LABELS, LANGUAGES, table_rows
from claimtrack.formats._words import label_key
from claimtrack.scales import Rating


ROOT = Path(__file__).resolve().parent.parent
ALL = [
    (tag, label, rating)
    for tag, labels in LANGUAGE_LABELS.items()
    for label, rating in labels.items()
]

# The labels the publishers' scales use, and what each means, written out
# here from the scales themselves (independently of the table).
PUBLISHED = [
    ("Falso", Rating.FALSE),
    ("Engañoso", None),
    ("Verdadero", Rating.TRUE),
    ("Impreciso", Rating.MIXED),
    ("Sin evidencia", Rating.UNPROVEN),
    ("Enganoso", None),
    ("Verdadeiro", Rating.TRUE),
    ("Distorcido", None),
    ("Sem contexto", None),
    ("Faux", Rating.FALSE),
    ("Trompeur", None),
    ("Vrai", Rating.TRUE),
    ("Partiellement faux", Rating.MIXED),
    ("Falsch", Rating.FALSE),
    ("Irreführend", None),
    ("Richtig", Rating.TRUE),
    ("Fehlender Kontext", None),
    ("Fuorviante", None),
    ("Vero", Rating.TRUE),
    ("Fals", Rating.FALSE),
    ("Enganyós", None),
    ("Cert", Rating.TRUE),
    ("Înșelător", None),
    ("Adevărat", Rating.TRUE),
    ("Parțial fals", Rating.MIXED),
    ("錯誤", Rating.FALSE),
    ("部分錯誤", Rating.MIXED),
    ("證據不足", Rating.UNPROVEN),
    ("正確", Rating.TRUE),
    ("误导", None),
    ("错误", Rating.FALSE),
    ("زائف", Rating.FALSE),
    ("مضلل", None),
    ("صحيح", Rating.TRUE),
    ("غير دقيق", Rating.FALSE),
    ("भ्रामक", None),
    ("झूठ", Rating.FALSE),
    ("गलत", Rating.FALSE),
    ("सच", Rating.TRUE),
    ("आंशिक रूप से सही", Rating.MIXED),
]


class TestTable:
    """
    Each label rates as its scale means it, however it is written.
    """

    @pytest.mark.parametrize(("label", "rating"), PUBLISHED)
    def test_published_labels(self, label, rating):
        """
        The labels the publishers use map to what they mean.
        """
        assert rating == claimreview.rating_of(label)

    @pytest.mark.parametrize(
        ("label", "rating"),
        [
            ("❌ FALSO", Rating.FALSE),
            ("Falso.", Rating.FALSE),
            ("FALSE!", Rating.FALSE),
            ("✅ Verdadeiro ✅", Rating.TRUE),
            ("⚠️ Enganoso", None),
            ("«Faux»", Rating.FALSE),
            ("FALSCH", Rating.FALSE),
            ("irrefuhrend", None),
            ("Inselator", None),
            ("Înşelător", None),  # with a cedilla, as Romanian is often typed
            ("【錯誤】", Rating.FALSE),
            ("ग़लत", Rating.FALSE),  # with a nukta
            ("زائِف", Rating.FALSE),  # with a vowel mark
            ("PARCIALMENTE_FALSO", Rating.MIXED),
        ],
    )
    def test_spellings(self, label, rating):
        """
        Case, accents, punctuation, emoji and a script's variants aside.
        """
        assert rating == claimreview.rating_of(label)

    @pytest.mark.parametrize("label", ["Apresurado", "Plutôt", "?!", "❌"])
    def test_unknown_labels(self, label):
        """
        A label in no table has no rating.
        """
        assert claimreview.rating_of(label) is None

    @given(
        st.sampled_from(ALL),
        st.sampled_from([str.upper, str.lower, str.title, str.casefold]),
        st.sampled_from(["", "❌ ", "✅", "⚠️ ", "« ", "(", " ", "*"]),
        st.sampled_from(["", ".", "!", " ❌", "»", ")", " ", "*"]),
        st.booleans(),
    )
    def test_any_spelling_rates_alike(
        self, item, case, before, after, accents
    ):
        """
        Any label of the table, in any case, between any marks, with or
        without its accents, rates as the table says.
        """
        _, label, rating = item
        spelt = case(label)
        if not accents:  # the accents, not the vowel signs of Devanagari
            spelt = "".join(
                c
                for c in unicodedata.normalize("NFD", spelt)
                if not unicodedata.name(c, "").startswith("COMBINING")
            )

        assert rating == claimreview.rating_of(f"{before}{spelt}{after}")

    def test_no_label_means_two_things(self):
        """
        A label written alike in two languages (or in English) rates alike.
        """
        meanings = {}
        for _, label, rating in ALL:
            meanings.setdefault(label_key(label), set()).add(rating)
        for label, rating in claimreview.LABELS.items():
            meanings.setdefault(label_key(label), set()).add(rating)

        assert {} == {k: v for k, v in meanings.items() if len(v) > 1}

    def test_every_language_has_true_and_false(self):
        """
        Each language's table says at least "true", "false", "misleading".
        """
        for tag, labels in LANGUAGE_LABELS.items():
            ratings = set(labels.values())
            assert {Rating.TRUE, Rating.FALSE, None} <= ratings, tag
            assert tag in LANGUAGES

    def test_table_is_read_only(self):
        """
        The table cannot be changed by accident.
        """
        with pytest.raises(TypeError):
            LANGUAGE_LABELS["es"]["Falso"] = Rating.TRUE  # type: ignore[index]

    def test_docs_show_the_table(self):
        """
        docs/languages.md's label table is the code's, row for row.
        """
        page = (ROOT / "docs" / "languages.md").read_text(encoding="utf-8")
        shown = [
            tuple(cell.strip() for cell in line.strip("|").split(" | "))
            for line in page.splitlines()
            if re.match(r"\| [^|]+ \(`[\w-]+`\) \|", line)
        ]

        assert table_rows() == shown


STANCES = {Rating.TRUE: ct.Stance.SUPPORTS, Rating.FALSE: ct.Stance.REFUTES}


def row(label, text="The bridge cost 2 billion"):
    """
    A ClaimsKG CSV of one row rated *label*.
    """
    out = io.StringIO()
    columns = {
        "rating_alternateName": label,
        "creativeWork_author_name": "Jane Doe",
        "claimReview_author_name": "examplecheck",
        "claimReview_url": "https://checks.example/review-1",
        "claimReview_claimReviewed": text,
        "claimReview_datePublished": "2021-07-20",
    }
    writer = csv.DictWriter(out, list(columns))
    writer.writeheader()
    writer.writerow(columns)
    return out.getvalue()


class TestImports:
    """
    An import keeps the label as published, rated by the table.
    """

    @pytest.mark.parametrize(("label", "rating"), PUBLISHED)
    def test_label_kept_and_rated(self, label, rating):
        """
        The verdict has the label as published and its rating, and the
        review's evidence the rating's stance (a label that judges no
        truth is context).
        """
        tracker = ct.Tracker()
        report = claimskg.read(tracker, row(label))
        (claim,) = tracker
        (verdict,) = tracker.verdicts(claim)
        (evidence,) = tracker.evidence(claim)

        assert (label, rating) == (verdict.label, verdict.rating)
        assert STANCES.get(rating, ct.Stance.CONTEXT) == evidence.stance
        assert () == report.flags

    def test_unmapped_label_is_flagged_with_the_label(self):
        """
        A label in no table is kept, with no rating, and the report says
        which.
        """
        tracker = ct.Tracker()
        report = claimskg.read(tracker, row("Apresurado"))
        (claim,) = tracker

        assert [("Apresurado", None)] == [
            (v.label, v.rating) for v in tracker.verdicts(claim)
        ]
        message = (
            "the label 'Apresurado' is not in the label table: it is kept, "
            "with no rating of its own"
        )
        assert [message] == [f.message for f in report.flags]
