"""
Tests for rating scales and verdicts: built-in scales, numeric ClaimReview
scales, custom scales, and `Tracker.rate`.
"""

import csv
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack import scales
from claimtrack.events import EventKind
from claimtrack.scales import Rating, RatingScale


R = Rating
CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
ORDER = [R.FALSE, R.MOSTLY_FALSE, R.MIXED, R.MOSTLY_TRUE, R.TRUE]
AT = "2025-02-05T10:00:00+00:00"
LATER = "2025-02-06T10:00:00+00:00"
EARLIER = "2025-02-04T10:00:00+00:00"

# Every label of every built-in scale as documented, with an alias or two.
DOCUMENTED = [
    (scales.CLAIMTRACK, "true", R.TRUE),
    (scales.CLAIMTRACK, "mostly-true", R.MOSTLY_TRUE),
    (scales.CLAIMTRACK, "mixed", R.MIXED),
    (scales.CLAIMTRACK, "mostly-false", R.MOSTLY_FALSE),
    (scales.CLAIMTRACK, "false", R.FALSE),
    (scales.CLAIMTRACK, "unproven", R.UNPROVEN),
    (scales.POLITIFACT, "true", R.TRUE),
    (scales.POLITIFACT, "mostly-true", R.MOSTLY_TRUE),
    (scales.POLITIFACT, "half-true", R.MIXED),
    (scales.POLITIFACT, "mostly-false", R.MOSTLY_FALSE),
    (scales.POLITIFACT, "false", R.FALSE),
    (scales.POLITIFACT, "pants-fire", R.FALSE),
    (scales.POLITIFACT, "Pants on Fire", R.FALSE),
    (scales.POLITIFACT, "PANTS ON FIRE!", R.FALSE),
    (scales.POLITIFACT, "barely-true", R.MOSTLY_FALSE),
    (scales.FEVER, "SUPPORTS", R.TRUE),
    (scales.FEVER, "REFUTES", R.FALSE),
    (scales.FEVER, "NOT ENOUGH INFO", R.UNPROVEN),
    (scales.AVERITEC, "Supported", R.TRUE),
    (scales.AVERITEC, "Refuted", R.FALSE),
    (scales.AVERITEC, "Conflicting Evidence/Cherrypicking", R.MIXED),
    (scales.AVERITEC, "Not Enough Evidence", R.UNPROVEN),
    (scales.CLIMATE_FEVER, "SUPPORTS", R.TRUE),
    (scales.CLIMATE_FEVER, "REFUTES", R.FALSE),
    (scales.CLIMATE_FEVER, "DISPUTED", R.MIXED),
    (scales.CLIMATE_FEVER, "NOT_ENOUGH_INFO", R.UNPROVEN),
    (scales.MEEDAN_CHECK, "verified", R.TRUE),
    (scales.MEEDAN_CHECK, "false", R.FALSE),
    (scales.MEEDAN_CHECK, "not_applicable", R.UNPROVEN),
    (scales.MEEDAN_CHECK, "inconclusive", R.UNPROVEN),
    (scales.MEEDAN_CHECK, "in_progress", None),
    (scales.MEEDAN_CHECK, "in progress", None),
    (scales.MEEDAN_CHECK, "undetermined", None),
    (scales.MEEDAN_CHECK, "unstarted", None),
]

BUILT_IN_LABELS = [
    (scale, label)
    for scale in scales.BUILT_IN.values()
    for label in scale.label_names
]


def rank(rating):
    """
    Where *rating* stands from false (0) to true (4).
    """
    return ORDER.index(rating)


@pytest.fixture(name="tracker")
def _tracker():
    tracker = ct.Tracker()
    tracker.add_actor(ct.Actor("rubio", "Marco Rubio", aliases=("Rubio",)))
    tracker.add_claim(
        "El Salvador offered to accept US deportees of any nationality",
        speaker="Rubio",
        id="offer",
        at="2025-02-04T09:00:00+00:00",
    )
    return tracker


class TestRating:
    """
    claimtrack's own scale.
    """

    def test_values(self):
        """
        Each rating has the value its label on the claimtrack scale has.
        """
        assert [
            "true",
            "mostly-true",
            "mixed",
            "mostly-false",
            "false",
            "unproven",
        ] == [r.value for r in R]

    def test_claimtrack_scale_is_ours(self):
        """
        The claimtrack scale's labels are the ratings' values, in order.
        """
        assert tuple((r.value, r) for r in R) == scales.CLAIMTRACK.labels


class TestBuiltInScales:
    """
    Every built-in scale maps its labels as documented.
    """

    @pytest.mark.parametrize(
        ("scale", "label", "rating"),
        DOCUMENTED,
        ids=[f"{s.name}:{label}" for s, label, _ in DOCUMENTED],
    )
    def test_documented_mapping(self, scale, label, rating):
        """
        The label maps onto the documented rating (None for a workflow
        state).
        """
        assert rating == scale.rate(label)

    def test_names(self):
        """
        The built-in scales are registered under their names.
        """
        assert [
            "claimtrack",
            "politifact",
            "fever",
            "averitec",
            "climate-fever",
            "meedan-check",
        ] == list(scales.BUILT_IN)

    @pytest.mark.parametrize(
        ("scale", "names"),
        [
            (
                scales.POLITIFACT,
                (
                    "true",
                    "mostly-true",
                    "half-true",
                    "mostly-false",
                    "false",
                    "pants-fire",
                ),
            ),
            (scales.FEVER, ("SUPPORTS", "REFUTES", "NOT ENOUGH INFO")),
            (
                scales.AVERITEC,
                (
                    "Supported",
                    "Refuted",
                    "Conflicting Evidence/Cherrypicking",
                    "Not Enough Evidence",
                ),
            ),
            (
                scales.CLIMATE_FEVER,
                ("SUPPORTS", "REFUTES", "DISPUTED", "NOT_ENOUGH_INFO"),
            ),
            (
                scales.MEEDAN_CHECK,
                (
                    "verified",
                    "false",
                    "not_applicable",
                    "in_progress",
                    "undetermined",
                ),
            ),
        ],
        ids=lambda v: v.name if isinstance(v, RatingScale) else "",
    )
    def test_label_names(self, scale, names):
        """
        Each scale lists its own labels, best first, aliases left out.
        """
        assert names == scale.label_names

    def test_workflow_states_judge_nothing(self):
        """
        Only Meedan Check's workflow states map to None.
        """
        assert {"in_progress", "undetermined"} == {
            label
            for scale in scales.BUILT_IN.values()
            for label, rating in scale.labels
            if rating is None
        }


class TestLabelMatching:
    """
    Labels match whatever their case, spacing, punctuation or underscores.
    """

    @pytest.mark.parametrize(
        ("scale", "label", "canonical"),
        [
            (scales.POLITIFACT, "Pants on Fire", "pants-fire"),
            (scales.POLITIFACT, "PANTS ON FIRE!", "pants-fire"),
            (scales.POLITIFACT, "pants_on_fire", "pants-fire"),
            (scales.POLITIFACT, "Pants-On-Fire", "pants-fire"),
            (scales.POLITIFACT, "pants fire", "pants-fire"),
            (scales.POLITIFACT, "Half True", "half-true"),
            (scales.POLITIFACT, "HALF_TRUE", "half-true"),
            (scales.POLITIFACT, "Mostly False", "mostly-false"),
            (scales.POLITIFACT, "Barely True", "mostly-false"),
            (scales.POLITIFACT, "  True ", "true"),
            (scales.POLITIFACT, "False.", "false"),
            (scales.FEVER, "not enough info", "NOT ENOUGH INFO"),
            (scales.FEVER, "NOT_ENOUGH_INFO", "NOT ENOUGH INFO"),
            (scales.FEVER, "Supports", "SUPPORTS"),
            (
                scales.AVERITEC,
                "conflicting evidence / cherrypicking",
                "Conflicting Evidence/Cherrypicking",
            ),
            (
                scales.AVERITEC,
                "Conflicting  Evidence-Cherrypicking",
                "Conflicting Evidence/Cherrypicking",
            ),
            (scales.CLIMATE_FEVER, "Not Enough Info", "NOT_ENOUGH_INFO"),
            (scales.CLIMATE_FEVER, "disputed", "DISPUTED"),
            (scales.MEEDAN_CHECK, "In Progress", "in_progress"),
            (scales.MEEDAN_CHECK, "IN-PROGRESS", "in_progress"),
            (scales.MEEDAN_CHECK, "Unstarted", "undetermined"),
            (scales.MEEDAN_CHECK, "Not Applicable", "not_applicable"),
            (scales.MEEDAN_CHECK, "INCONCLUSIVE", "not_applicable"),
        ],
    )
    def test_canonical(self, scale, label, canonical):
        """
        A spelling of a label or alias gives the scale's own spelling.
        """
        assert canonical == scale.canonical(label)

    def test_spelling_does_not_change_the_rating(self):
        """
        Every spelling of a label rates as the label does.
        """
        assert {R.FALSE} == {
            scales.POLITIFACT.rate(label)
            for label in (
                "pants-fire",
                "Pants on Fire",
                "PANTS ON FIRE!",
                "pants_on_fire",
                "false",
                "FALSE",
            )
        }

    @pytest.mark.parametrize(
        ("label", "expected"),
        [
            ("pants on fire", True),
            ("Barely True", True),
            ("Miscaptioned", False),
            ("", False),
            (None, False),
            (2.5, False),
        ],
    )
    def test_contains(self, label, expected):
        """
        ``label in scale`` tells whether the scale can rate the label.
        """
        assert expected == (label in scales.POLITIFACT)


class TestUnknownLabels:
    """
    A label not on the scale is refused by name, with the scale's labels.
    """

    @pytest.mark.parametrize(
        "label",
        ["Miscaptioned", "Altered image", "Partlyfalse", "Legend", ""],
    )
    def test_rate(self, label):
        """
        Rating a label not on the scale raises UnknownLabelError.
        """
        with pytest.raises(ct.UnknownLabelError) as e:
            scales.POLITIFACT.rate(label)

        assert ("label", label) == (e.value.field, e.value.value)
        assert (
            "is not on the politifact scale (true, mostly-true, half-true, "
            "mostly-false, false, pants-fire)"
        ) == e.value.reason

    def test_canonical(self):
        """
        canonical() refuses an unknown label as rate() does.
        """
        with pytest.raises(ct.UnknownLabelError) as e:
            scales.FEVER.canonical("DISPUTED")

        assert "label" == e.value.field
        assert "SUPPORTS, REFUTES, NOT ENOUGH INFO" in str(e.value)

    def test_is_a_value_error(self):
        """
        An unknown label is also a ValueError and a ClaimtrackError.
        """
        with pytest.raises(ValueError, match="Unknown") as e:
            scales.AVERITEC.rate("Unknown")

        assert isinstance(e.value, ct.ClaimtrackError)

    @pytest.mark.parametrize("label", [None, 1, True, b"true"])
    def test_not_a_string(self, label):
        """
        A label that is not a string is refused as the wrong type.
        """
        with pytest.raises(ct.InvalidTypeError) as e:
            scales.CLAIMTRACK.rate(label)

        assert "label" == e.value.field


class TestGet:
    """
    scales.get finds a built-in scale by name, or passes a scale through.
    """

    @pytest.mark.parametrize(
        ("name", "scale"),
        [
            ("politifact", scales.POLITIFACT),
            ("PolitiFact", scales.POLITIFACT),
            ("FEVER", scales.FEVER),
            ("AVeriTeC", scales.AVERITEC),
            ("Climate-FEVER", scales.CLIMATE_FEVER),
            ("meedan-check", scales.MEEDAN_CHECK),
            ("claimtrack", scales.CLAIMTRACK),
        ],
    )
    def test_by_name(self, name, scale):
        """
        A built-in scale is found by its name, whatever the case.
        """
        assert scale is scales.get(name)

    def test_scale_passes_through(self):
        """
        A RatingScale is returned as it is.
        """
        custom = RatingScale("mine", {"yes": R.TRUE})

        assert custom is scales.get(custom)

    @pytest.mark.parametrize("name", ["snopes", "", "numeric 1 to 5"])
    def test_unknown(self, name):
        """
        An unknown name is refused, naming the field "scale".
        """
        with pytest.raises(ct.InvalidValueError) as e:
            scales.get(name)

        assert ("scale", name) == (e.value.field, e.value.value)
        assert "climate-fever" in e.value.reason

    def test_wrong_type(self):
        """
        Something neither a name nor a scale is refused as the wrong type.
        """
        with pytest.raises(ct.InvalidTypeError) as e:
            scales.get(5)

        assert "scale" == e.value.field


class TestNumeric:
    """
    ClaimReview numeric scales: ratingValue between worst and best.
    """

    @pytest.mark.parametrize(
        ("value", "rating"),
        [
            (1, R.FALSE),
            (1.4, R.FALSE),
            (1.5, R.MOSTLY_FALSE),
            (2, R.MOSTLY_FALSE),
            (2.49, R.MOSTLY_FALSE),
            (2.5, R.MIXED),
            (3, R.MIXED),
            (3.49, R.MIXED),
            (3.5, R.MOSTLY_TRUE),
            (4, R.MOSTLY_TRUE),
            (4.49, R.MOSTLY_TRUE),
            (4.5, R.TRUE),
            (5, R.TRUE),
        ],
    )
    def test_bands(self, value, rating):
        """
        A value falls in one of five bands, each starting at its limit.
        """
        assert rating == RatingScale.numeric(1, 5).rate(value)

    @pytest.mark.parametrize(
        "value", [Decimal("2.5"), "2.5", " 2.5 ", "2.50", 2.5]
    )
    def test_fractional(self, value):
        """
        2.5 on 1 to 5 is mixed, as a float, a Decimal or a string (AFP).
        """
        assert R.MIXED == RatingScale.numeric(1, 5).rate(value)

    @pytest.mark.parametrize(
        ("value", "rating"), [("1", R.FALSE), ("5", R.TRUE)]
    )
    def test_numeric_strings(self, value, rating):
        """
        Numeric strings, as ClaimsKG has them, are read as numbers.
        """
        assert rating == RatingScale.numeric(1, 5).rate(value)

    @pytest.mark.parametrize("value", [0, 0.99, 5.01, 6, "0", "6", -1])
    def test_outside(self, value):
        """
        A value outside the scale is refused, naming the field "label".
        """
        with pytest.raises(ct.InvalidValueError) as e:
            RatingScale.numeric(1, 5).rate(value)

        assert "label" == e.value.field
        assert "is outside the numeric 1 to 5 scale (1 to 5)" == e.value.reason

    @pytest.mark.parametrize(
        "value", [float("nan"), float("inf"), Decimal("NaN"), -float("inf")]
    )
    def test_not_finite(self, value):
        """
        NaN and infinities are outside every scale.
        """
        with pytest.raises(ct.InvalidValueError):
            RatingScale.numeric(1, 5).rate(value)

    @pytest.mark.parametrize(
        ("value", "rating"),
        [
            (5, R.FALSE),
            (4, R.MOSTLY_FALSE),
            (3, R.MIXED),
            (2, R.MOSTLY_TRUE),
            (1, R.TRUE),
            ("1", R.TRUE),
        ],
    )
    def test_reversed(self, value, rating):
        """
        A scale whose worst value is the highest rates the other way.
        """
        assert rating == RatingScale.numeric(5, 1).rate(value)

    def test_reversed_bounds(self):
        """
        A reversed scale also refuses values outside it.
        """
        with pytest.raises(ct.InvalidValueError):
            RatingScale.numeric(5, 1).rate(0)

    @pytest.mark.parametrize("value", [True, False])
    def test_bool(self, value):
        """
        A bool is not a rating value.
        """
        with pytest.raises(ct.InvalidTypeError) as e:
            RatingScale.numeric(0, 1).rate(value)

        assert "label" == e.value.field

    @pytest.mark.parametrize("value", [None, [3], b"3"])
    def test_wrong_type(self, value):
        """
        Neither a label nor a number is refused as the wrong type.
        """
        with pytest.raises(ct.InvalidTypeError) as e:
            RatingScale.numeric(1, 5).rate(value)

        assert "label" == e.value.field

    @pytest.mark.parametrize(
        ("label", "rating"),
        [
            ("true", R.TRUE),
            ("Mostly False", R.MOSTLY_FALSE),
            ("unproven", R.UNPROVEN),
        ],
    )
    def test_own_labels(self, label, rating):
        """
        A numeric scale also takes claimtrack's own text labels.
        """
        assert rating == RatingScale.numeric(1, 5).rate(label)

    def test_other_text(self):
        """
        Text that is neither a number nor one of our labels is unknown.
        """
        with pytest.raises(ct.UnknownLabelError):
            RatingScale.numeric(1, 5).rate("Missing context")

    def test_decimal_bounds(self):
        """
        Decimal bounds rate Decimal and integer values.
        """
        scale = RatingScale.numeric(Decimal(1), Decimal("2.5"))

        assert [R.FALSE, R.MIXED, R.TRUE] == [
            scale.rate(1),
            scale.rate(Decimal("1.75")),
            scale.rate("2.5"),
        ]

    @pytest.mark.parametrize(
        ("scale", "value"),
        [
            (RatingScale.numeric(Decimal(1), Decimal(5)), 2.5),
            (RatingScale.numeric(1.0, 5.0), "2.5"),
            (RatingScale.numeric(1.0, 5.0), Decimal("2.5")),
        ],
    )
    def test_float_and_decimal(self, scale, value):
        """
        A float value on a Decimal scale, or a numeric string or Decimal
        on a float scale, is rated.
        """
        assert R.MIXED == scale.rate(value)

    def test_huge_range(self):
        """
        The middle of a scale spanning most of the floats is mixed.
        """
        assert R.MIXED == RatingScale.numeric(-1e308, 1e308).rate(0)

    def test_huge_int(self):
        """
        An integer too large for a float is outside the scale, by name.
        """
        with pytest.raises(ct.InvalidValueError):
            RatingScale.numeric(0, 1).rate(10**400)

    def test_name(self):
        """
        A numeric scale is named by its bounds unless given a name.
        """
        assert ("numeric 1 to 5", "afp") == (
            RatingScale.numeric(1, 5).name,
            RatingScale.numeric(1, 5, name="afp").name,
        )

    def test_contains(self):
        """
        ``in`` tells values and labels the scale can rate.
        """
        scale = RatingScale.numeric(1, 5)

        assert [True, True, True, False, False, False] == [
            2.5 in scale,
            "2.5" in scale,
            "mixed" in scale,
            6 in scale,
            True in scale,
            "Misleading" in scale,
        ]


class TestCustomScales:
    """
    A publisher's own scale, built from labels and aliases.
    """

    def test_from_dict(self):
        """
        A dict of label to Rating builds a scale, best first as given.
        """
        snopes = RatingScale(
            "snopes",
            {
                "True": R.TRUE,
                "Mostly True": R.MOSTLY_TRUE,
                "Mixture": R.MIXED,
                "Miscaptioned": R.MOSTLY_FALSE,
                "False": R.FALSE,
                "Legend": R.UNPROVEN,
            },
        )

        assert (
            (
                "True",
                "Mostly True",
                "Mixture",
                "Miscaptioned",
                "False",
                "Legend",
            ),
            R.MOSTLY_FALSE,
            "Miscaptioned",
        ) == (
            snopes.label_names,
            snopes.rate("miscaptioned"),
            snopes.canonical("MISCAPTIONED"),
        )

    def test_from_pairs(self):
        """
        A list of pairs (tuples or lists) builds the same scale as a dict.
        """
        pairs = RatingScale("x", [("Correct", R.TRUE), ["Incorrect", R.FALSE]])
        mapping = RatingScale("x", {"Correct": R.TRUE, "Incorrect": R.FALSE})

        assert mapping == pairs

    def test_aliases(self):
        """
        An alias rates as its label and canonicalises to it.
        """
        scale = RatingScale(
            "africacheck",
            {"Correct": R.TRUE, "Incorrect": R.FALSE, "Misleading": None},
            aliases=[("Fake", "Incorrect"), ("Partlyfalse", "misleading")],
        )

        assert [R.FALSE, "Incorrect", None, "Misleading"] == [
            scale.rate("FAKE"),
            scale.canonical("fake"),
            scale.rate("Partly false"),
            scale.canonical("partlyfalse"),
        ]

    def test_aliases_from_dict(self):
        """
        Aliases may be given as a dict of alias to label.
        """
        scale = RatingScale(
            "x", {"Mixture": R.MIXED}, aliases={"Mixed": "Mixture"}
        )

        assert "Mixture" == scale.canonical("mixed")

    def test_workflow_state(self):
        """
        A label mapped to None is on the scale but judges nothing.
        """
        scale = RatingScale("x", [("Pending", None), ("True", R.TRUE)])

        assert (None, True) == (scale.rate("pending"), "pending" in scale)

    @pytest.mark.parametrize(
        ("args", "kwargs", "error", "field"),
        [
            (({},), {}, ct.InvalidValueError, "labels"),
            (([],), {}, ct.InvalidValueError, "labels"),
            (("True",), {}, ct.InvalidTypeError, "labels"),
            ((None,), {}, ct.InvalidTypeError, "labels"),
            (([("True", "true")],), {}, ct.InvalidValueError, "labels[0]"),
            (([("", R.TRUE)],), {}, ct.InvalidValueError, "labels[0]"),
            (([("  ", R.TRUE)],), {}, ct.InvalidValueError, "labels[0]"),
            (([("A",)],), {}, ct.InvalidValueError, "labels[0]"),
            (([("A", R.TRUE, 1)],), {}, ct.InvalidValueError, "labels[0]"),
            (([("A", R.TRUE), "B"],), {}, ct.InvalidValueError, "labels[1]"),
            (([(1, R.TRUE)],), {}, ct.InvalidValueError, "labels[0]"),
            (
                ([("A", R.TRUE)],),
                {"aliases": [("a1", "A"), ("b", "B")]},
                ct.InvalidValueError,
                "aliases[1]",
            ),
            (([("A", R.TRUE)],), {"worst": 1}, ct.InvalidValueError, "best"),
            (([("A", R.TRUE)],), {"best": 5}, ct.InvalidValueError, "worst"),
            (
                ([("A", R.TRUE)],),
                {"worst": 1, "best": 1.0},
                ct.InvalidValueError,
                "best",
            ),
            (
                ([("A", R.TRUE)],),
                {"worst": float("nan"), "best": 1},
                ct.InvalidValueError,
                "worst",
            ),
            (
                ([("A", R.TRUE)],),
                {"worst": 0, "best": float("inf")},
                ct.InvalidValueError,
                "best",
            ),
            (
                ([("A", R.TRUE)],),
                {"worst": Decimal("-Infinity"), "best": 1},
                ct.InvalidValueError,
                "worst",
            ),
            (
                ([("A", R.TRUE)],),
                {"worst": True, "best": 5},
                ct.InvalidTypeError,
                "worst",
            ),
            (
                ([("A", R.TRUE)],),
                {"worst": "1", "best": 5},
                ct.InvalidTypeError,
                "worst",
            ),
        ],
    )
    def test_invalid(self, args, kwargs, error, field):
        """
        A malformed scale is refused with an error naming the field.
        """
        with pytest.raises(error) as e:
            RatingScale("mine", *args, **kwargs)

        assert field == e.value.field
        assert isinstance(e.value, ct.ClaimtrackError)

    @pytest.mark.parametrize("name", ["", "  ", None])
    def test_invalid_name(self, name):
        """
        A scale needs a name.
        """
        with pytest.raises(ct.ClaimtrackError) as e:
            RatingScale(name, {"A": R.TRUE})

        assert "name" == e.value.field

    def test_numeric_invalid(self):
        """
        RatingScale.numeric refuses equal bounds, naming "best".
        """
        with pytest.raises(ct.InvalidValueError) as e:
            RatingScale.numeric(3, 3)

        assert "best" == e.value.field

    @pytest.mark.parametrize(
        "alias", [("b",), ("b", 1), "bad", ("b", "A", "c")]
    )
    def test_invalid_alias(self, alias):
        """
        A malformed alias pair is refused with an error naming it.
        """
        with pytest.raises(ct.ClaimtrackError) as e:
            RatingScale("mine", {"A": R.TRUE}, aliases=[alias])

        assert "aliases[0]" == e.value.field

    def test_colliding_labels(self):
        """
        Two labels that match the same spellings are refused.
        """
        with pytest.raises(ct.InvalidValueError):
            RatingScale("mine", [("A", R.TRUE), ("a!", R.FALSE)])

    def test_rate_keeps_its_own_rating(self):
        """
        Each label of a custom scale rates as it was mapped.
        """
        scale = RatingScale(
            "truthorfiction",
            {"True": R.TRUE, "Not True": R.FALSE, "Decontextualized": R.MIXED},
        )

        assert [R.TRUE, R.FALSE, R.MIXED] == [
            scale.rate(label) for label in scale.label_names
        ]


class TestTrackerRate:
    """
    Tracker.rate records verdicts; the latest that judges sets the status.
    """

    def test_keeps_label_as_given(self, tracker):
        """
        The verdict keeps the label exactly as given, with its rating.
        """
        verdict = tracker.rate(
            "offer",
            "Pants on Fire",
            scale="politifact",
            by="analyst",
            at=AT,
            rationale="No such offer was made.",
        )

        assert (
            "offer",
            "Pants on Fire",
            "politifact",
            R.FALSE,
            "analyst",
            dt.datetime(2025, 2, 5, 10, tzinfo=dt.UTC),
            "No such offer was made.",
        ) == (
            verdict.claim,
            verdict.label,
            verdict.scale,
            verdict.rating,
            verdict.by,
            verdict.at,
            verdict.rationale,
        )
        assert [verdict] == tracker.verdicts("offer")
        assert verdict == tracker.verdict("offer")

    def test_default_scale(self, tracker):
        """
        Without a scale, the label is on claimtrack's own scale.
        """
        verdict = tracker.rate("offer", "Mostly True", at=AT)

        assert ("claimtrack", R.MOSTLY_TRUE) == (verdict.scale, verdict.rating)

    def test_numeric_label(self, tracker):
        """
        A rating value is kept as text and rated on its numeric scale.
        """
        verdict = tracker.rate(
            "offer", Decimal("2.5"), scale=RatingScale.numeric(1, 5), at=AT
        )

        assert ("2.5", "numeric 1 to 5", R.MIXED, ct.Status.MIXED) == (
            verdict.label,
            verdict.scale,
            verdict.rating,
            tracker.status("offer"),
        )

    def test_custom_scale(self, tracker):
        """
        A custom scale's name is recorded on the verdict.
        """
        snopes = RatingScale("snopes", {"Miscaptioned": R.MOSTLY_FALSE})

        verdict = tracker.rate("offer", "miscaptioned", scale=snopes, at=AT)

        assert ("miscaptioned", "snopes", ct.Status.MOSTLY_FALSE) == (
            verdict.label,
            verdict.scale,
            tracker.status("offer"),
        )

    @pytest.mark.parametrize(
        ("label", "status"),
        [
            ("true", ct.Status.VERIFIED),
            ("mostly-true", ct.Status.MOSTLY_TRUE),
            ("mixed", ct.Status.MIXED),
            ("mostly-false", ct.Status.MOSTLY_FALSE),
            ("false", ct.Status.FALSE),
            ("unproven", ct.Status.UNPROVEN),
        ],
    )
    def test_status(self, tracker, label, status):
        """
        A verdict's rating gives the claim's status.
        """
        tracker.rate("offer", label, by="analyst", at=AT)

        assert status == tracker.status("offer")

    @pytest.mark.parametrize("rating", list(R))
    def test_status_of_rating(self, rating):
        """
        Status.of_rating gives VERIFIED for TRUE, else the same-named status.
        """
        expected = "verified" if rating is R.TRUE else rating.value

        assert expected == ct.Status.of_rating(rating).value

    def test_overrides_derived_status(self, tracker):
        """
        A verdict overrides the status derived from evidence.
        """
        tracker.corroborate(
            "offer",
            evidence="https://example.org/denial",
            stance="refutes",
            at=AT,
        )

        before = tracker.status("offer")
        tracker.rate("offer", "Supported", scale="averitec", at=LATER)

        assert (ct.Status.REFUTED, ct.Status.VERIFIED, ct.Status.REFUTED) == (
            before,
            tracker.status("offer"),
            tracker.derived_status("offer"),
        )

    def test_retraction_overrides_verdict(self, tracker):
        """
        A retraction overrides a verdict, which is kept.
        """
        verdict = tracker.rate("offer", "true", at=AT)
        tracker.retract("offer", at=EARLIER)

        assert (ct.Status.RETRACTED, verdict) == (
            tracker.status("offer"),
            tracker.verdict("offer"),
        )

    def test_workflow_state(self, tracker):
        """
        A workflow state is recorded but does not override the status.
        """
        rated = tracker.rate("offer", "false", scale="meedan-check", at=AT)
        state = tracker.rate(
            "offer", "in progress", scale="meedan-check", by="desk", at=LATER
        )

        assert (None, [rated, state], rated, ct.Status.FALSE) == (
            state.rating,
            tracker.verdicts("offer"),
            tracker.verdict("offer"),
            tracker.status("offer"),
        )

    def test_workflow_state_alone(self, tracker):
        """
        With only a workflow state, the status is the derived one.
        """
        tracker.rate("offer", "unstarted", scale="meedan-check", at=AT)

        assert (None, ct.Status.UNVERIFIED) == (
            tracker.verdict("offer"),
            tracker.status("offer"),
        )

    def test_latest_by_time(self, tracker):
        """
        The latest verdict by time counts, whatever the order of rating.
        """
        later = tracker.rate("offer", "false", by="a", at=LATER)
        tracker.rate("offer", "true", by="b", at=EARLIER)

        assert (later, ct.Status.FALSE) == (
            tracker.verdict("offer"),
            tracker.status("offer"),
        )

    def test_ties_by_order(self, tracker):
        """
        Of two verdicts at the same time, the one set last counts.
        """
        tracker.rate("offer", "false", by="a", at=AT)
        last = tracker.rate("offer", "mixed", by="b", at=AT)

        assert (last, ct.Status.MIXED) == (
            tracker.verdict("offer"),
            tracker.status("offer"),
        )

    def test_times_compare_across_zones(self, tracker):
        """
        Verdict times compare as instants, not as local clock readings.
        """
        later = tracker.rate("offer", "false", at="2025-02-05T06:00:00-05:00")
        tracker.rate("offer", "true", at="2025-02-05T10:30:00+01:00")

        assert later == tracker.verdict("offer")

    def test_by_claim_object(self, tracker):
        """
        A claim may be given as the Claim itself.
        """
        claim = tracker.claim("offer")

        assert "offer" == tracker.rate(claim, "false", at=AT).claim

    def test_same_verdict_twice(self, tracker):
        """
        The same label, author and time again returns the stored verdict
        and adds no event.
        """
        first = tracker.rate(
            "offer", "Pants on Fire", scale="politifact", by="a", at=AT
        )
        events = tracker.events()

        again = tracker.rate(
            "offer", "Pants on Fire", scale="politifact", by="a", at=AT
        )

        assert first is again
        assert events == tracker.events()
        assert [first] == tracker.verdicts("offer")

    def test_history(self, tracker):
        """
        Each verdict is an event in the claim's history.
        """
        verdict = tracker.rate("offer", "false", by="a", at=AT)

        assert (EventKind.VERDICT_SET, verdict, "a") == (
            tracker.history("offer")[-1].kind,
            tracker.history("offer")[-1].payload,
            tracker.history("offer")[-1].by,
        )

    def test_unknown_claim(self, tracker):
        """
        Rating an unknown claim raises and changes nothing.
        """
        events = tracker.events()

        with pytest.raises(ct.UnknownClaimError) as e:
            tracker.rate("nope", "true", at=AT)

        assert ("claim", "nope") == (e.value.field, e.value.value)
        assert events == tracker.events()

    def test_unknown_label(self, tracker):
        """
        A label not on the scale raises and changes nothing.
        """
        events = tracker.events()

        with pytest.raises(ct.UnknownLabelError) as e:
            tracker.rate("offer", "Miscaptioned", scale="politifact", at=AT)

        assert "label" == e.value.field
        assert events == tracker.events()
        assert [] == tracker.verdicts("offer")

    def test_unknown_scale(self, tracker):
        """
        An unknown scale name raises, naming "scale", and changes nothing.
        """
        events = tracker.events()

        with pytest.raises(ct.InvalidValueError) as e:
            tracker.rate("offer", "False", scale="snopes", at=AT)

        assert "scale" == e.value.field
        assert events == tracker.events()

    def test_outside_numeric_scale(self, tracker):
        """
        A value outside a numeric scale raises and changes nothing.
        """
        events = tracker.events()

        with pytest.raises(ct.InvalidValueError) as e:
            tracker.rate("offer", 6, scale=RatingScale.numeric(1, 5))

        assert "label" == e.value.field
        assert events == tracker.events()

    def test_several_errors(self, tracker):
        """
        An unknown claim and label are reported together.
        """
        events = tracker.events()

        with pytest.raises(ct.InvalidFieldsError) as e:
            tracker.rate("nope", "Miscaptioned", scale="politifact", at=AT)

        assert ["claim", "label"] == [x.field for x in e.value.exceptions]
        assert events == tracker.events()

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"at": "2025-02-05T10:00:00"}, "at"),
            ({"at": "yesterday"}, "at"),
            ({"by": ""}, "by"),
            ({"rationale": 3}, "rationale"),
        ],
    )
    def test_bad_arguments(self, tracker, kwargs, field):
        """
        A naive time, a blank author or a non-text rationale is refused.
        """
        kwargs = {"at": AT, **kwargs}
        events = tracker.events()

        with pytest.raises(ct.ClaimtrackError) as e:
            tracker.rate("offer", "true", **kwargs)

        assert field == e.value.field
        assert events == tracker.events()


@st.composite
def numeric_scales(draw):
    """
    A numeric scale with integer or Decimal bounds, either way round.
    """
    worst = draw(st.integers(-1000, 1000))
    best = draw(st.integers(-1000, 1000).filter(lambda b: b != worst))
    if draw(st.booleans()):
        return RatingScale.numeric(Decimal(worst), Decimal(best))
    return RatingScale.numeric(worst, best)


@st.composite
def float_scales(draw):
    """
    A numeric scale with float bounds, either way round.
    """
    worst = draw(st.floats(-1e6, 1e6))
    best = draw(st.floats(-1e6, 1e6).filter(lambda b: b != worst))
    return RatingScale.numeric(worst, best)


def values_on(draw, scale):
    """
    Draw a Decimal value between the scale's bounds.
    """
    low, high = sorted((scale.worst, scale.best))
    return draw(
        st.decimals(
            min_value=low,
            max_value=high,
            allow_nan=False,
            allow_infinity=False,
            places=3,
        )
    )


def toward_best(scale, a, b):
    """
    Order two values so the one nearer the scale's worst comes first.
    """
    return (a, b) if (a <= b) == (scale.worst < scale.best) else (b, a)


class TestProperties:
    """
    Invariants of numeric scales and of every built-in label.
    """

    @given(st.data(), numeric_scales())
    def test_decimal_values_rate(self, data, scale):
        """
        Every value between worst and best rates onto our five grades.
        """
        value = values_on(data.draw, scale)

        assert scale.rate(value) in ORDER

    @given(st.data(), numeric_scales())
    def test_decimal_monotone(self, data, scale):
        """
        A value nearer the best never rates worse than one nearer the
        worst.
        """
        lower, higher = toward_best(
            scale, values_on(data.draw, scale), values_on(data.draw, scale)
        )

        assert rank(scale.rate(lower)) <= rank(scale.rate(higher))

    @given(st.data(), float_scales())
    def test_float_monotone(self, data, scale):
        """
        The same holds for float values on a float scale.
        """
        low, high = sorted((scale.worst, scale.best))
        values = st.floats(low, high, allow_nan=False)
        lower, higher = toward_best(
            scale, data.draw(values), data.draw(values)
        )

        assert rank(scale.rate(lower)) <= rank(scale.rate(higher))

    @given(st.one_of(numeric_scales(), float_scales()))
    def test_ends(self, scale):
        """
        The worst value rates false and the best true.
        """
        assert (R.FALSE, R.TRUE) == (
            scale.rate(scale.worst),
            scale.rate(scale.best),
        )

    @given(st.data(), numeric_scales())
    def test_string_as_number(self, data, scale):
        """
        A value written as a string rates as the value itself.
        """
        value = values_on(data.draw, scale)

        assert scale.rate(value) == scale.rate(f" {value} ")

    @given(
        st.sampled_from(BUILT_IN_LABELS),
        st.lists(st.booleans(), min_size=40, max_size=40),
    )
    def test_labels_round_trip(self, scale_and_label, upper):
        """
        Every built-in label is its own canonical form, in any case.
        """
        scale, label = scale_and_label
        recased = "".join(
            c.upper() if up else c.lower()
            for c, up in zip(label, upper, strict=False)
        )

        assert (label, label, scale.rate(label)) == (
            scale.canonical(label),
            scale.canonical(recased),
            scale.rate(recased),
        )

    @given(st.sampled_from(BUILT_IN_LABELS), st.sampled_from(["_", " ", "-"]))
    def test_separators(self, scale_and_label, separator):
        """
        Every built-in label matches with any separator between words.
        """
        scale, label = scale_and_label
        respelled = separator.join(
            label.replace("_", " ").replace("-", " ").split()
        )

        assert label == scale.canonical(respelled)

    @given(st.sampled_from(BUILT_IN_LABELS))
    def test_canonical_idempotent(self, scale_and_label):
        """
        canonical() of a canonical label is the label.
        """
        scale, label = scale_and_label

        assert scale.canonical(label) == scale.canonical(
            scale.canonical(label.upper())
        )


def _corpus(path):
    """
    The path of a shared corpus file; skip when it is absent.
    """
    full = CORPORA / path
    if not full.is_file():
        pytest.skip(f"{path} is not available")
    return full


class TestCorpora:
    """
    The labels real datasets use are on their built-in scales.
    """

    def test_liar(self):
        """
        Every LIAR label is on the PolitiFact scale.
        """
        path = _corpus("datasets/liar_test_subset.tsv")
        with path.open(encoding="utf-8", newline="") as f:
            labels = {row[1] for row in csv.reader(f, delimiter="\t")}

        assert {
            "true": R.TRUE,
            "mostly-true": R.MOSTLY_TRUE,
            "half-true": R.MIXED,
            "barely-true": R.MOSTLY_FALSE,
            "false": R.FALSE,
            "pants-fire": R.FALSE,
        } == {label: scales.POLITIFACT.rate(label) for label in labels}

    def test_climate_fever(self):
        """
        Every Climate-FEVER claim label is on the Climate-FEVER scale.
        """
        path = _corpus("datasets/climate-fever_subset.jsonl")
        with path.open(encoding="utf-8") as f:
            labels = {json.loads(line)["claim_label"] for line in f}

        assert set(scales.CLIMATE_FEVER.label_names) == labels

    def test_averitec(self):
        """
        Every AVeriTeC label is on the AVeriTeC scale.
        """
        path = _corpus("datasets/averitec_dev_subset.json")
        labels = {
            d["label"] for d in json.loads(path.read_text(encoding="utf-8"))
        }

        assert set(scales.AVERITEC.label_names) == labels

    def test_politifact_claimreview(self):
        """
        Every PolitiFact alternateName in ClaimsKG is on the PolitiFact
        scale.
        """
        path = _corpus("claimskg/claimskg_output_sample_politifact.csv")
        with path.open(encoding="utf-8", newline="") as f:
            labels = {row["rating_alternateName"] for row in csv.DictReader(f)}

        assert {
            "False": R.FALSE,
            "Pants on Fire": R.FALSE,
            "Mostly False": R.MOSTLY_FALSE,
        } == {label: scales.POLITIFACT.rate(label) for label in labels}

    def test_afp_rating_values(self):
        """
        Every AFP ratingValue in ClaimsKG rates on its own numeric scale.
        """
        path = _corpus("claimskg/claimskg_output_sample_afpfactcheck.csv")
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))

        rated = {
            (
                r["rating_ratingValue"],
                r["rating_worstRating"],
                r["rating_bestRating"],
            ): (
                RatingScale.numeric(
                    Decimal(r["rating_worstRating"]),
                    Decimal(r["rating_bestRating"]),
                ).rate(r["rating_ratingValue"])
            )
            for r in rows
        }

        assert R.MIXED == rated["2.5", "1", "5"]
        assert R.FALSE == rated["1", "1", "2.5"]
        assert set(rated.values()) <= set(ORDER)


class TestStrictReading:
    """
    Scales refuse what they would otherwise read wrongly or silently.
    """

    def test_alias_clashing_with_label(self):
        """
        An alias that is already another label is refused.
        """
        with pytest.raises(ct.InvalidValueError) as e:
            RatingScale(
                "x",
                {"True": Rating.TRUE, "False": Rating.FALSE},
                aliases=[("false", "True")],
            )

        assert "aliases[0]" == e.value.field

    def test_redundant_alias_allowed(self):
        """
        An alias that already reads as its own label is harmless.
        """
        scale = RatingScale(
            "x",
            {"in_progress": None},
            aliases=[("in progress", "in_progress")],
        )

        assert "in_progress" == scale.canonical("In Progress")

    @pytest.mark.parametrize("label", ["!!", "  ", "--"])
    def test_label_without_letters(self, label):
        """
        A label made only of punctuation or spaces is refused.
        """
        with pytest.raises(ct.InvalidValueError) as e:
            RatingScale("x", {label: Rating.TRUE})

        assert "labels[0]" == e.value.field

    @pytest.mark.parametrize(
        "name",
        ["climate_fever", "Climate FEVER", " politifact", "MEEDAN CHECK"],
    )
    def test_get_matches_loosely(self, name):
        """
        Scale names match like labels do.
        """
        assert scales.get(name).name.replace("-", "") in (
            "climatefever",
            "politifact",
            "meedancheck",
        )

    @pytest.mark.parametrize("text", ["1_0", "\u0662", "0x1", "2,5"])
    def test_only_plain_numbers(self, text):
        """
        Only plain ASCII decimals are read as rating values.
        """
        with pytest.raises(ct.UnknownLabelError) as e:
            RatingScale.numeric(0, 10).rate(text)

        assert text == e.value.value

    def test_error_reports_text_given(self):
        """
        An out-of-range value is reported as it was given.
        """
        with pytest.raises(ct.InvalidValueError) as e:
            RatingScale.numeric(1, 5).rate(" 7.5 ")

        assert " 7.5 " == e.value.value

    def test_rationale_is_part_of_a_verdict(self):
        """
        The same label at the same time with another rationale is another
        verdict, not a silent duplicate.
        """
        tracker = ct.Tracker()
        tracker.add_actor(ct.Actor("a", "A"))
        claim = tracker.add_claim("c", speaker="a")
        when = dt.datetime(2025, 2, 5, tzinfo=dt.UTC)
        first = tracker.rate(claim, "true", at=when, rationale="one")
        second = tracker.rate(claim, "true", at=when, rationale="two")

        assert first != second
        assert ["one", "two"] == [v.rationale for v in tracker.verdicts(claim)]


class TestAliasWithoutLetters:
    """
    An alias needs a letter or digit, like a label.
    """

    def test_refused(self):
        """
        A punctuation-only alias is refused by field.
        """
        with pytest.raises(ct.InvalidValueError) as e:
            RatingScale("x", {"A": Rating.TRUE}, aliases=[("!!", "A")])

        assert "aliases[0]" == e.value.field
