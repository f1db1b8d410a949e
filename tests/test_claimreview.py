"""
Tests for claimtrack.formats.claimreview: ClaimReview JSON-LD in and out.
"""

import datetime as dt
import io
import json
import re
import socket
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack._scales import _label_key
from claimtrack.formats import claimreview as cr
from claimtrack.formats._reviews import (
    actor_id,
    claimant_name,
    number_text,
    tags_of,
)
from claimtrack.scales import Rating, RatingScale


ROOT = Path(__file__).resolve().parent.parent
AT = "2026-01-01T00:00:00+00:00"

# Google's fact-check markup example, as fact-checkers publish it.
GOOGLE = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://example.com/news/science/worldisflat.html",
    "name": "The world is flat",
    "claimReviewed": "The world is flat",
    "itemReviewed": {
        "@type": "Claim",
        "author": {
            "@type": "Organization",
            "name": "Square World Society",
            "sameAs": "https://example.flatworlders.com/we-know",
        },
        "datePublished": "2016-06-20",
        "appearance": {
            "@type": "OpinionNewsArticle",
            "url": "https://example.com/news/a122121",
            "headline": "Square Earth - Flat earthers for the Internet age",
            "datePublished": "2016-06-22",
            "author": {"@type": "Person", "name": "T. Tellor"},
            "publisher": {"@type": "Organization", "name": "Skeptical News"},
        },
    },
    "author": {"@type": "Organization", "name": "Example.com science watch"},
    "datePublished": "2016-07-01",
    "inLanguage": "en",
    "reviewRating": {
        "@type": "Rating",
        "ratingValue": "1",
        "bestRating": "5",
        "worstRating": "1",
        "alternateName": "False",
    },
}

# The ClaimReview proposal's PolitiFact example: a CreativeWork, a typo'd
# name, a job in jobTitle, an author with no name, and a 1-to-6 scale.
PERRY = {
    "@context": "http://schema.org",
    "@type": "ClaimReview",
    "datePublished": "2014-07-23",
    "url": "http://www.politifact.com/texas/statements/2014/jul/23/"
    "rick-perry/rick-perry-claim-about-3000-homicides-illegal-immi/",
    "author": {"@type": "Organization", "url": "http://www.politifact.com/"},
    "claimReviewed": "More than 3,000 homicides were committed by "
    '"illegal aliens" over the past six years.',
    "reviewRating": {
        "@type": "Rating",
        "ratingValue": 1,
        "bestRating": 6,
        "alternateName": "True",
    },
    "itemReviewed": {
        "@type": "CreativeWork",
        "author": {
            "@type": "Person",
            "name": "Rich Perry",
            "jobTitle": "Former Governor of Texas",
        },
        "datePublished": "2014-07-17",
    },
}


def review(**changes):
    """
    A minimal ClaimReview, with *changes* (None removes a key).
    """
    node = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://checks.example/reviews/1",
        "claimReviewed": "The bridge cost 2 billion",
        "author": {"@type": "Organization", "name": "Example Checks"},
        "datePublished": "2021-07-22",
        "reviewRating": {"@type": "Rating", "alternateName": "False"},
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Person", "name": "Jane Doe"},
            "datePublished": "2021-07-20",
        },
    }
    for key, value in changes.items():
        if value is None:
            node.pop(key, None)
        else:
            node[key] = value
    return node


def imported(*nodes, lenient=False):
    """
    A new tracker with *nodes* imported, and the report.
    """
    tracker = ct.Tracker()
    data = json.dumps(nodes[0] if len(nodes) == 1 else list(nodes))
    report = cr.read(tracker, data, lenient=lenient, at=AT)
    return tracker, report


def only(tracker):
    """
    The tracker's one claim.
    """
    (claim,) = list(tracker)
    return claim


def labels(tracker, claim):
    """
    The claim's verdicts as (label, scale, rating) triples.
    """
    return [
        (v.label, v.scale, v.rating and v.rating.name)
        for v in tracker.verdicts(claim)
    ]


def messages(report):
    """
    The report's flags, as their messages.
    """
    return [f.message for f in report.flags]


class TestGoogleExample:
    """
    Google's own example comes in whole.
    """

    def test_review_article(self):
        """
        The review article is a source: URL, title, publisher, date.
        """
        tracker, _ = imported(GOOGLE)
        article = tracker.source(GOOGLE["url"])

        assert GOOGLE["url"] == article.url
        assert "The world is flat" == article.title
        assert "Example.com science watch" == article.publisher
        assert dt.date(2016, 7, 1) == article.published.date
        assert "en" == article.language

    def test_claimant(self):
        """
        The claim's author is an organization actor.
        """
        tracker, _ = imported(GOOGLE)
        speaker = tracker.actor(only(tracker).speaker)

        assert "Square World Society" == speaker.name
        assert ct.ActorKind.ORGANIZATION == speaker.kind
        assert "square-world-society" == speaker.id

    def test_claim_and_appearance(self):
        """
        The claim is said on its date, and its source is the appearance.
        """
        tracker, _ = imported(GOOGLE)
        claim = only(tracker)
        appearance = tracker.source(claim.source)

        assert "The world is flat" == claim.text
        assert dt.date(2016, 6, 20) == claim.said.date
        assert "https://example.com/news/a122121" == appearance.url
        assert "Skeptical News" == appearance.publisher
        assert appearance.title.startswith("Square Earth")
        assert dt.date(2016, 6, 22) == appearance.published.date

    def test_verdicts(self):
        """
        The label and the number are both verdicts; the label counts.
        """
        tracker, _ = imported(GOOGLE)
        claim = only(tracker)

        assert [
            ("1", "numeric 1 to 5", "FALSE"),
            ("False", "Example.com science watch", "FALSE"),
        ] == labels(tracker, claim)
        assert "False" == tracker.verdict(claim).label
        assert ct.Status.FALSE == tracker.status(claim)
        assert {"Example.com science watch"} == {
            v.by for v in tracker.verdicts(claim)
        }
        assert {dt.datetime(2016, 7, 1, tzinfo=dt.UTC)} == {
            v.at for v in tracker.verdicts(claim)
        }

    def test_article_is_refuting_evidence(self):
        """
        The publisher cites its article; a false rating refutes.
        """
        tracker, _ = imported(GOOGLE)
        (evidence,) = tracker.evidence(only(tracker))

        assert ct.Stance.REFUTES == evidence.stance
        assert GOOGLE["url"] == evidence.items[0].source
        assert "Example.com science watch" == evidence.by

    def test_report(self):
        """
        The report counts the record and lists the claim.
        """
        tracker, report = imported(GOOGLE)

        assert "claimreview" == report.format
        assert 1 == report.records
        assert (only(tracker).id,) == report.claims
        assert report.ok
        assert len(tracker.events()) == report.added


class TestShapes:
    """
    The shapes fact-checkers' markup comes in.
    """

    def test_type_array(self):
        """
        @type may be an array, and a full IRI.
        """
        tracker, _ = imported(
            review(**{"@type": ["Review", "http://schema.org/ClaimReview"]})
        )

        assert 1 == len(tracker)

    def test_array(self):
        """
        A top-level array holds several reviews.
        """
        tracker, report = imported(
            review(), review(claimReviewed="Another claim")
        )

        assert 2 == report.records
        assert 2 == len(tracker)

    def test_graph_and_references(self):
        """
        @graph nodes are read, other nodes passed over, @id resolved.
        """
        graph = {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "WebPage", "@id": "https://checks.example/#page"},
                {
                    "@type": "Organization",
                    "@id": "https://checks.example/#org",
                    "name": "Graph Checks",
                },
                review(author={"@id": "https://checks.example/#org"}),
            ],
        }
        tracker, report = imported(graph)

        assert 1 == report.records
        assert ["Graph Checks"] == [
            v.by for v in tracker.verdicts(only(tracker))
        ]

    def test_item_reviewed_creative_work(self):
        """
        itemReviewed may be a CreativeWork; the job may be in jobTitle.
        """
        tracker, _ = imported(PERRY)
        speaker = tracker.actor(only(tracker).speaker)

        assert ("Rich Perry", "Former Governor of Texas") == (
            speaker.name,
            speaker.role,
        )

    def test_job_in_title(self):
        """
        A claimant's job may be in title instead of jobTitle.
        """
        item = {"author": {"@type": "Person", "name": "A B", "title": "Mayor"}}
        tracker, _ = imported(review(itemReviewed=item))

        assert "Mayor" == tracker.actor("a-b").role

    def test_author_without_name_publisher_from_url(self):
        """
        A review author with no name is known by its site.
        """
        tracker, _ = imported(PERRY)

        assert {"politifact.com"} == {
            v.by for v in tracker.verdicts(only(tracker))
        }

    def test_no_author_publisher_from_review_url(self):
        """
        With no author at all, the review's site is the publisher.
        """
        tracker, _ = imported(review(author=None))

        assert "checks.example" == tracker.verdict(only(tracker)).by

    def test_publisher_property(self):
        """
        The review's publisher wins over a journalist author.
        """
        tracker, _ = imported(
            review(
                author={"@type": "Person", "name": "Reporter"},
                publisher={"@type": "Organization", "name": "The Paper"},
            )
        )

        assert "The Paper" == tracker.verdict(only(tracker)).by

    def test_string_and_array_authors(self):
        """
        Authors may be names, and arrays: each claimant makes a claim of
        their own, reviewed alike.
        """
        item = {"author": ["Jane Doe", {"@type": "Person", "name": "Joe"}]}
        tracker, report = imported(
            review(author="Example Checks", itemReviewed=item)
        )

        claims = list(tracker)
        assert ["jane-doe", "joe"] == [c.speaker for c in claims]
        assert {"Example Checks"} == {tracker.verdict(c).by for c in claims}
        assert any("2 claimants" in m for m in messages(report))

    def test_government(self):
        """
        A GovernmentOrganization claimant is a government actor.
        """
        item = {
            "author": {"@type": "GovernmentOrganization", "name": "Ministry"}
        }
        tracker, _ = imported(review(itemReviewed=item))

        assert ct.ActorKind.GOVERNMENT == tracker.actor("ministry").kind

    def test_item_missing_politifact_slug(self):
        """
        A PolitiFact review with no claimant names it in its URL.
        """
        url = (
            "https://www.politifact.com/factchecks/2021/jul/22/bobby-scott/"
            "scott-falsely-accuses-gop-defunding-police/"
        )
        tracker, report = imported(
            review(url=url, itemReviewed=None, datePublished=None)
        )
        speaker = tracker.actor(only(tracker).speaker)

        assert ("bobby-scott", "Bobby Scott") == (speaker.id, speaker.name)
        assert dt.date(2021, 7, 22) == tracker.source(url).published.date
        assert only(tracker).said is None
        assert not any("claimant" in m for m in messages(report))

    @pytest.mark.parametrize(
        "path",
        [
            "/article/2021/jul/22/bobby-scott/",
            "/factchecks/2021/xyz/22/bobby-scott/x/",
            "/factchecks/2021/feb/30/bobby-scott/x/",
        ],
    )
    def test_politifact_urls_without_a_date(self, path):
        """
        A PolitiFact URL names a date only when it has a real one.
        """
        url = f"https://www.politifact.com{path}"
        tracker, _ = imported(
            review(url=url, itemReviewed=None, datePublished=None)
        )

        assert tracker.source(url).published is None

    def test_review_url_as_node(self):
        """
        A review's url may be a node with an @id.
        """
        tracker, _ = imported(
            review(url={"@id": "https://checks.example/reviews/1"})
        )

        assert "https://checks.example/reviews/1" in tracker

    def test_politifact_group_slug(self):
        """
        PolitiFact's "facebook-posts" is an unnamed group, not a person,
        keeping PolitiFact's words and the platform.
        """
        url = "https://www.politifact.com/factchecks/2021/jul/19/facebook-posts/x/"
        tracker, _ = imported(review(url=url, itemReviewed=None))

        speaker = tracker.actor("facebook-posts")
        assert (None, ct.ActorKind.GROUP, "Facebook posts") == (
            speaker.name,
            speaker.kind,
            speaker.role,
        )
        assert "Facebook" in speaker.aliases

    @pytest.mark.parametrize(
        "item",
        [
            None,
            {"@type": "Claim"},
            {"author": {"@type": "Person"}},
        ],
    )
    def test_unknown_claimant_is_flagged(self, item):
        """
        No claimant named: the unknown-claimant group speaks, flagged.
        """
        tracker, report = imported(review(itemReviewed=item))

        assert cr.UNKNOWN_CLAIMANT.id == only(tracker).speaker
        assert cr.UNKNOWN_CLAIMANT == tracker.actor(cr.UNKNOWN_CLAIMANT.id)
        assert any("no claimant" in m for m in messages(report))

    @pytest.mark.parametrize(
        ("name", "words", "platforms"),
        [
            ("Multiple sources", "Multiple sources", ()),
            ("FB user", "FB user", ("Facebook",)),
            ("Varias fuentes", "Varias fuentes", ()),
            ("Réseaux sociaux", "Réseaux sociaux", ()),
        ],
    )
    def test_placeholder_claimant_is_a_group(self, name, words, platforms):
        """
        A placeholder claimant is an unnamed group that keeps its words
        and its platform, never a person; flagged.
        """
        item = {"author": {"@type": "Person", "name": name}}
        tracker, report = imported(review(itemReviewed=item))

        speaker = tracker.actor(only(tracker).speaker)
        assert (None, ct.ActorKind.GROUP, words) == (
            speaker.name,
            speaker.kind,
            speaker.role,
        )
        assert set(platforms) <= set(speaker.aliases)
        assert any("no one person" in m for m in messages(report))

    def test_platform_user_prefix(self):
        """
        "Facebook user: Hervey Alvin" names Hervey Alvin.
        """
        item = {"author": '"Facebook user: Hervey Alvin"'}
        tracker, _ = imported(review(itemReviewed=item))

        assert "Hervey Alvin" == tracker.actor(only(tracker).speaker).name

    def test_appearances(self):
        """
        firstAppearance is the claim's source; others are flagged.
        """
        item = {
            "author": "Jane Doe",
            "firstAppearance": {"@id": "https://social.example/1"},
            "appearance": [
                "https://social.example/1",
                {"@type": "CreativeWork", "url": "https://social.example/2"},
                {"@type": "CreativeWork", "name": "A speech"},
            ],
        }
        tracker, report = imported(review(itemReviewed=item))

        assert "https://social.example/1" == only(tracker).source
        assert any("2 places" in m for m in messages(report))
        assert any("has no URL" in m for m in messages(report))

    def test_keywords_are_tags(self):
        """
        Keywords, as text or a list, become the claim's tags, once each.
        """
        item = {"author": "Jane Doe", "keywords": ["budget", "Budget"]}
        tracker, _ = imported(
            review(keywords="Bridges,  budget ,roads", itemReviewed=item)
        )

        assert ("Bridges", "budget", "roads") == only(tracker).tags

    def test_bare_claim(self):
        """
        A Claim with no review is a claim with no verdict.
        """
        tracker, report = imported(
            {
                "@context": "https://schema.org",
                "@type": "Claim",
                "text": "Taxes fell",
                "author": "Jane Doe",
                "datePublished": "2021",
            }
        )
        claim = only(tracker)

        assert ("Taxes fell", "jane-doe") == (claim.text, claim.speaker)
        assert ct.Precision.YEAR == claim.said.precision
        assert [] == tracker.verdicts(claim)
        assert report.ok

    def test_value_objects_and_language_object(self):
        """
        JSON-LD value objects are their value; a Language is its code.
        """
        tracker, _ = imported(
            review(
                claimReviewed={"@value": "Wages rose", "@language": "en"},
                inLanguage={
                    "@type": "Language",
                    "name": "English",
                    "alternateName": "en",
                },
            )
        )

        assert "Wages rose" == only(tracker).text
        assert "en" == tracker.source(review()["url"]).language

    def test_bad_language_is_flagged(self):
        """
        inLanguage that is not a tag is left out, flagged.
        """
        tracker, report = imported(review(inLanguage="English language"))

        assert tracker.source(review()["url"]).language is None
        assert any("language tag" in m for m in messages(report))

    def test_nothing_to_import(self):
        """
        An input with no ClaimReview is an error, or leniently a flag.
        """
        with pytest.raises(ct.InvalidDocumentError) as info:
            imported({"@type": "WebPage"})
        tracker, report = imported({"@type": "WebPage"}, lenient=True)

        assert ("$", "WebPage") == (info.value.field, info.value.value)
        assert "holds no ClaimReview or Claim" in str(info.value)
        assert 0 == report.records
        assert ["the input has no ClaimReview or Claim (WebPage)"] == (
            messages(report)
        )
        assert 0 == len(tracker)


class TestRatings:
    """
    Numbers, strings, fractions, labels, and both.
    """

    @pytest.mark.parametrize(
        ("rating", "expected"),
        [
            (
                {"ratingValue": 1, "worstRating": 1, "bestRating": 5},
                [("1", "numeric 1 to 5", "FALSE")],
            ),
            (
                {"ratingValue": "2.5", "worstRating": "1", "bestRating": "5"},
                [("2.5", "numeric 1 to 5", "MIXED")],
            ),
            (
                {"ratingValue": 4.0, "worstRating": 1, "bestRating": 5},
                [("4", "numeric 1 to 5", "MOSTLY_TRUE")],
            ),
            (
                {"alternateName": "Mostly True"},
                [("Mostly True", "Example Checks", "MOSTLY_TRUE")],
            ),
            (
                {
                    "alternateName": "Missing context",
                    "ratingValue": "2.5",
                    "worstRating": "1",
                    "bestRating": "5",
                },
                [
                    ("2.5", "numeric 1 to 5", "MIXED"),
                    ("Missing context", "Example Checks", "MIXED"),
                ],
            ),
            (
                {"alternateName": "2", "ratingValue": 2, "bestRating": 5},
                [("2", "numeric 1 to 5", "MOSTLY_FALSE")],
            ),
        ],
    )
    def test_rating_shapes(self, rating, expected):
        """
        Each rating shape gives its verdicts, labels as published.
        """
        tracker, _ = imported(review(reviewRating=rating))

        assert expected == labels(tracker, only(tracker))

    @pytest.mark.parametrize(
        ("label", "rating"),
        [
            ("Pants on Fire", Rating.FALSE),
            ("Partlyfalse", Rating.MIXED),
            ("Miscaptioned", None),
            ("Altered Image", None),
            ("Something Else Entirely", None),
        ],
    )
    def test_open_labels(self, label, rating):
        """
        Open labels map where clear; otherwise they judge nothing.
        """
        tracker, _ = imported(review(reviewRating={"alternateName": label}))
        (verdict,) = tracker.verdicts(only(tracker))

        assert (label, rating) == (verdict.label, verdict.rating)

    def test_unrated_open_label_leaves_status(self):
        """
        "Miscaptioned" is kept but leaves the claim unverified.
        """
        tracker, _ = imported(
            review(reviewRating={"alternateName": "Miscaptioned"})
        )
        claim = only(tracker)

        assert tracker.verdict(claim) is None
        assert ct.Status.UNVERIFIED == tracker.status(claim)
        assert ct.Stance.CONTEXT == tracker.evidence(claim)[0].stance

    def test_label_and_number_disagree(self):
        """
        "False" rated 5 of 5: the label counts, and the import says so.
        """
        rating = {
            "alternateName": "False",
            "ratingValue": "5",
            "worstRating": "1",
            "bestRating": "5",
        }
        tracker, report = imported(review(reviewRating=rating))

        assert Rating.FALSE == tracker.verdict(only(tracker)).rating
        assert any("the label counts" in m for m in messages(report))

    def test_missing_bounds_are_schema_org_defaults(self):
        """
        A value without bounds is on schema.org's 1 to 5, flagged.
        """
        tracker, report = imported(review(reviewRating={"ratingValue": 2}))

        assert [("2", "numeric 1 to 5", "MOSTLY_FALSE")] == labels(
            tracker, only(tracker)
        )
        assert 2 == sum("default" in m for m in messages(report))

    @pytest.mark.parametrize(
        "rating",
        [
            {"ratingValue": 7, "worstRating": 1, "bestRating": 5},
            {"ratingValue": 3, "worstRating": 3, "bestRating": 3},
        ],
    )
    def test_broken_numbers_are_dropped_and_flagged(self, rating):
        """
        A value off its scale, or a scale of one value, is not kept.
        """
        tracker, report = imported(
            review(reviewRating={**rating, "alternateName": "False"})
        )

        assert [("False", "Example Checks", "FALSE")] == labels(
            tracker, only(tracker)
        )
        assert any("not kept" in m for m in messages(report))

    def test_scale_contradicting_the_publisher_is_flagged(self):
        """
        bestRating 2.5 among a publisher's 1-to-5 reviews is flagged.
        """
        usual = {"ratingValue": "1", "worstRating": "1", "bestRating": "5"}
        odd = {"ratingValue": "1", "worstRating": "1", "bestRating": "2.5"}
        nodes = [
            review(reviewRating=usual, claimReviewed=f"Claim {n}")
            for n in range(2)
        ]
        tracker, report = imported(
            *nodes, review(reviewRating=odd, claimReviewed="Odd")
        )

        odd_flags = [f for f in report.flags if f.where == "$[2]"]
        assert 2 == len(odd_flags)
        assert any("differs from the 1 to 5" in f.message for f in odd_flags)
        assert all(f.where == "$[2]" for f in report.flags)
        assert 3 == len(tracker)

    def test_explanation_is_rationale(self):
        """
        ratingExplanation is the verdict's rationale.
        """
        rating = {"alternateName": "False", "ratingExplanation": "No record."}
        tracker, _ = imported(review(reviewRating=rating))

        assert "No record." == tracker.verdict(only(tracker)).rationale

    def test_rating_in_a_list_of_one(self):
        """
        A list of one rating is that rating, with no flag.
        """
        tracker, report = imported(
            review(reviewRating=[{"alternateName": "True"}])
        )

        assert Rating.TRUE == tracker.verdict(only(tracker)).rating
        assert () == report.flags

    def test_several_ratings_first_kept(self):
        """
        A list of ratings keeps the first, flagged.
        """
        tracker, report = imported(
            review(
                reviewRating=[
                    {"alternateName": "False"},
                    {"alternateName": "True"},
                ]
            )
        )

        assert [("False", "Example Checks", "FALSE")] == labels(
            tracker, only(tracker)
        )
        assert any("2 ratings" in m for m in messages(report))

    def test_no_rating(self):
        """
        A review without a rating adds its claim, no verdict, flagged.
        """
        tracker, report = imported(review(reviewRating=None))

        assert [] == tracker.verdicts(only(tracker))
        assert any("no rating" in m for m in messages(report))


class TestLabelTable:
    """
    The published-label table, checked against the built-in scales.
    """

    @pytest.mark.parametrize("scale", list(ct.scales.BUILT_IN.values()))
    def test_agrees_with_built_in_scales(self, scale):
        """
        Every label of every built-in scale maps as its scale maps it.
        """
        for label, rating in scale.labels:
            assert rating == cr.rating_of(label), label
        for alias, label in scale.aliases:
            assert scale.rate(label) == cr.rating_of(alias), alias

    @given(
        st.sampled_from(sorted(cr.LABELS)),
        st.sampled_from(["upper", "lower", "title"]),
    )
    def test_case_and_spacing_do_not_matter(self, label, case):
        """
        A label maps the same whatever its case and underscores.
        """
        spelt = getattr(label, case)().replace(" ", "_")

        assert cr.LABELS[label] == cr.rating_of(spelt)

    def test_docs_list_the_table(self):
        """
        docs/claimreview.md's label table lists every label, rightly.
        """
        page = (ROOT / "docs" / "claimreview.md").read_text(encoding="utf-8")
        listed = {}
        for line in page.splitlines():
            found = re.fullmatch(r"\| (`([A-Z_]+)`|none) \| (.+) \|", line)
            if found and (
                found[1] == "none" or found[2] in Rating.__members__
            ):
                names = found[3].split("; ")[0].split(", ")
                rating = found[2] and Rating[found[2]]
                listed.update({_label_key(n): rating for n in names})

        assert {_label_key(k): v for k, v in cr.LABELS.items()} == listed

    def test_table_is_read_only(self):
        """
        The table cannot be changed by accident.
        """
        with pytest.raises(TypeError):
            cr.LABELS["False"] = Rating.TRUE


class TestDates:
    """
    The date formats fact-checks come with.
    """

    @pytest.mark.parametrize(
        ("text", "day"),
        [
            ("2021-07-16", dt.date(2021, 7, 16)),
            ("2021-7-6", dt.date(2021, 7, 6)),
            ("31-10-2020", dt.date(2020, 10, 31)),
            ("1-10-2020", dt.date(2020, 10, 1)),
            ("2021-07-16T22:30:00-05:00", dt.date(2021, 7, 16)),
            ("2021-07-16T10:00:00", dt.date(2021, 7, 16)),
            ("2020-09-13-22-11-48", dt.date(2020, 9, 13)),
        ],
    )
    def test_claim_dates(self, text, day):
        """
        ISO, unpadded, day-first and datetime claim dates are read.
        """
        item = {"author": "Jane Doe", "datePublished": text}
        tracker, _ = imported(review(itemReviewed=item))

        assert day == only(tracker).said.date
        assert text == only(tracker).said.text

    def test_review_datetime_is_verdict_time(self):
        """
        A review's datetime, with its offset, dates its verdicts.
        """
        tracker, _ = imported(
            review(datePublished="2021-07-22T10:00:00+02:00")
        )

        assert dt.datetime(2021, 7, 22, 8, tzinfo=dt.UTC) == (
            tracker.verdict(only(tracker)).at
        )

    def test_undated_review_is_dated_at_import(self):
        """
        A review with no date is dated at the import, flagged.
        """
        tracker, report = imported(review(datePublished=None))

        assert dt.datetime(2026, 1, 1, tzinfo=dt.UTC) == (
            tracker.verdict(only(tracker)).at
        )
        assert any("no date" in m for m in messages(report))

    def test_claim_after_review_is_flagged(self):
        """
        A claim dated after its review is imported and flagged.
        """
        item = {"author": "Jane Doe", "datePublished": "2021-12-12"}
        _, report = imported(review(itemReviewed=item))

        assert any("2021-12-12" in m for m in messages(report))


class TestHtml:
    """
    A web page's JSON-LD scripts.
    """

    PAGE = (
        "<!doctype html>\n"
        "<html><head><title>Checks</title>\n"
        '<script type="text/javascript">var x = "{";</script>\n'
        '<script type="application/ld+json">\n'
        + json.dumps(review())
        + "\n</script>\n"
        '<script type="Application/LD+JSON; charset=utf-8">\n'
        '{"@type": "ClaimReview",\n'
        '  "claimReviewed": "x",\n'
        "}\n"
        "</script>\n"
        "</head><body><p>Text &amp; more</p></body></html>\n"
    )

    def test_strict_names_the_bad_script_and_line(self):
        """
        Strict: the invalid block is an error with its page line.
        """
        tracker = ct.Tracker()

        with pytest.raises(ct.InvalidDocumentError) as info:
            cr.read(tracker, self.PAGE)

        assert "script 2.$" == info.value.field
        assert 10 == info.value.line
        assert "line 10" in str(info.value)
        assert 0 == len(tracker.events())

    def test_lenient_imports_the_good_block(self):
        """
        Lenient: the good block comes in, the bad one is reported.
        """
        tracker = ct.Tracker()
        report = cr.read(tracker, self.PAGE, lenient=True)

        assert 1 == len(tracker)
        assert ["script 2"] == [r.where for r in report.rejected]
        assert "is not JSON" in report.rejected[0].reason
        assert not report.ok

    def test_record_paths_name_the_script(self):
        """
        A bad record in a page's script is named by script and path.
        """
        bad = review(reviewRating={"ratingValue": "high"})
        page = f'<script type="application/ld+json">[{json.dumps(bad)}]'

        with pytest.raises(ct.InvalidDocumentError) as info:
            cr.read(ct.Tracker(), page)

        assert "script 1.$[0].reviewRating.ratingValue" == info.value.field

    def test_page_without_scripts(self):
        """
        A page with no markup is an error, or leniently a flag.
        """
        page = "<html><body>Hello</body></html>"
        with pytest.raises(ct.InvalidDocumentError) as info:
            cr.read(ct.Tracker(), page)
        report = cr.read(ct.Tracker(), page, lenient=True)

        assert "page" == info.value.field
        assert (0, 1) == (report.records, len(report.flags))


class TestInputs:
    """
    Text, bytes, paths and files; size limits; no network.
    """

    def test_bytes_path_and_file(self, tmp_path):
        """
        Bytes (with a BOM), a path and an open file read the same.
        """
        data = json.dumps(review())
        path = tmp_path / "review.json"
        path.write_text(data, encoding="utf-8")
        sources = [
            b"\xef\xbb\xbf" + data.encode(),
            path,
            io.StringIO(data),
            io.BytesIO(data.encode()),
        ]
        trackers = []
        for item in sources:
            tracker = ct.Tracker()
            cr.read(tracker, item, at=AT)
            trackers.append(tracker)

        assert all(t == trackers[0] for t in trackers)

    def test_too_large_is_refused_before_reading(self, tmp_path):
        """
        Input over max_bytes is refused; a file is not even opened.
        """
        path = tmp_path / "big.json"
        path.write_text(json.dumps(review()), encoding="utf-8")

        with pytest.raises(ct.DocumentTooLargeError) as info:
            cr.read(ct.Tracker(), path, max_bytes=10)
        with pytest.raises(ct.DocumentTooLargeError):
            cr.read(ct.Tracker(), json.dumps(review()), max_bytes=10)
        with pytest.raises(ct.DocumentTooLargeError):
            cr.read(ct.Tracker(), io.StringIO("[" * 100), max_bytes=10)
        assert "path" == info.value.field

    def test_not_utf8(self):
        """
        Bytes that are not UTF-8 are refused with their line.
        """
        with pytest.raises(ct.InvalidDocumentError) as info:
            cr.read(ct.Tracker(), b'[\n"\xff"]')

        assert 2 == info.value.line

    def test_not_an_input(self):
        """
        A number is not an input.
        """
        with pytest.raises(ct.InvalidTypeError):
            cr.read(ct.Tracker(), 42)

    def test_remote_context_is_never_fetched(self, monkeypatch):
        """
        A remote @context is not fetched: no socket is ever opened.
        """

        def refuse(*args, **kwargs):
            raise AssertionError("network used")

        monkeypatch.setattr(socket, "socket", refuse)
        monkeypatch.setattr(socket, "create_connection", refuse)
        tracker, _ = imported(
            review(**{"@context": "https://remote.example/context.jsonld"})
        )

        assert 1 == len(tracker)

    def test_no_network_code(self):
        """
        The format modules import no network library at all.
        """
        root = Path(cr.__file__).parent
        text = "".join(p.read_text() for p in root.glob("*.py"))

        for name in ("urllib.request", "http.client", "socket", "httpx"):
            assert f"import {name}" not in text
            assert f"from {name}" not in text


class TestIdempotence:
    """
    Importing the same input again adds nothing.
    """

    def test_same_file_twice(self):
        """
        The second import adds no event.
        """
        tracker = ct.Tracker()
        data = json.dumps([GOOGLE, PERRY, review()])
        first = cr.read(tracker, data)
        events = tracker.events()
        second = cr.read(tracker, data)

        assert 0 < first.added
        assert 0 == second.added
        assert events == tracker.events()
        assert first.claims == second.claims

    def test_claimant_known_differently(self):
        """
        A claimant already known with a role is reused, not clashed with.
        """
        tracker = ct.Tracker()
        tracker.add_actor(ct.Actor("jane-doe", "Jane Doe", role="Senator"))
        cr.read(tracker, json.dumps(review()))

        assert "Senator" == tracker.actor("jane-doe").role
        assert "jane-doe" == only(tracker).speaker

    def test_claim_known_with_other_tags(self):
        """
        A claim already stored (tags aside) gets the new verdict.
        """
        tracker = ct.Tracker()
        cr.read(tracker, json.dumps(review(keywords="roads")))
        other = review(
            url="https://other.example/r",
            keywords="bridges",
            author={"@type": "Organization", "name": "Other"},
        )
        target = ct.Tracker.from_events(tracker.events())
        cr.read(target, json.dumps(other))

        assert ("roads",) == only(target).tags
        assert {"Example Checks", "Other"} == {
            v.by for v in target.verdicts(only(target))
        }

    def test_partial_record_is_undone(self):
        """
        A record that fails halfway adds none of its events.
        """
        tracker = ct.Tracker()
        tracker.add_actor(ct.Actor(review()["url"], "Squatter"))
        data = json.dumps(
            [
                review(),
                review(url="https://checks.example/2", claimReviewed="B"),
            ]
        )
        report = cr.read(tracker, data, lenient=True)

        assert ["$[0]"] == [r.where for r in report.rejected]
        assert "$[0].id" == report.rejected[0].error.field
        assert ["B"] == [c.text for c in tracker]

    def test_claim_adopted_from_target_brings_its_actors(self):
        """
        A stored claim with a relay and a source comes whole.
        """
        tracker = ct.Tracker()
        tracker.add_actor(ct.Actor("jane-doe", "Jane Doe"))
        tracker.add_actor(ct.Actor("ap", "AP", kind="organization"))
        claim = tracker.add_claim(
            "The bridge cost 2 billion",
            speaker="jane-doe",
            said=ct.When.day(dt.date(2021, 7, 20)),
            source=ct.Source(
                "https://social.example/1", url="https://social.example/1"
            ),
            reported_by=["ap"],
        )
        item = {
            "author": "Jane Doe",
            "datePublished": "2021-07-20",
            "appearance": "https://social.example/1",
        }
        report = cr.read(tracker, json.dumps(review(itemReviewed=item)))

        assert (claim.id,) == report.claims
        assert 1 == len(tracker)


class TestErrors:
    """
    A bad record names its place; strict imports nothing.
    """

    @pytest.mark.parametrize(
        ("node", "field"),
        [
            (review(claimReviewed=None), "$.claimReviewed"),
            (review(claimReviewed=["a", "b"]), "$.claimReviewed"),
            (review(url="mailto:checks@checks.example"), "$.url"),
            (review(url="/reviews/ 1"), "$.url"),
            (review(url=5), "$.url"),
            (review(reviewRating="False"), "$.reviewRating"),
            (
                review(reviewRating={"ratingValue": "high"}),
                "$.reviewRating.ratingValue",
            ),
            (
                review(reviewRating={"ratingValue": True}),
                "$.reviewRating.ratingValue",
            ),
            (
                review(reviewRating={"ratingValue": 1, "bestRating": "NaN"}),
                "$.reviewRating.bestRating",
            ),
            (review(itemReviewed="Jane"), "$.itemReviewed"),
            (
                review(itemReviewed={"author": 5}),
                "$.itemReviewed.author",
            ),
            (
                review(itemReviewed={"author": [{"name": 5}]}),
                "$.itemReviewed.author[0].name",
            ),
            (review(datePublished="soon"), "$.datePublished"),
            (review(datePublished=20210722), "$.datePublished"),
            (
                review(itemReviewed={"datePublished": "03/04/2025"}),
                "$.itemReviewed.datePublished",
            ),
            (
                review(itemReviewed={"datePublished": "Monday"}),
                "$.itemReviewed.datePublished",
            ),
            (
                review(itemReviewed={"datePublished": "2021-02-30T10:00"}),
                "$.itemReviewed.datePublished",
            ),
            (
                review(itemReviewed={"appearance": "not a url"}),
                "$.itemReviewed.appearance",
            ),
            (
                review(
                    itemReviewed={
                        "appearance": {
                            "url": "https://a.example",
                            "datePublished": "32-13-2020",
                        }
                    }
                ),
                "$.itemReviewed.appearance.datePublished",
            ),
            (review(keywords=5), "$.keywords"),
            (
                review(reviewRating={"alternateName": "?"}),
                "$.reviewRating.alternateName",
            ),
            ({"@type": "Claim"}, "$.text"),
        ],
    )
    def test_field_paths(self, node, field):
        """
        Each fault is named by its JSON path, and nothing is imported.
        """
        tracker = ct.Tracker()

        with pytest.raises(ct.InvalidDocumentError) as info:
            cr.read(tracker, json.dumps(node))

        assert field == info.value.field
        assert isinstance(info.value, ValueError)
        assert 0 == len(tracker.events())

    def test_array_and_graph_positions(self):
        """
        A bad record in an array or a @graph is named by its index.
        """
        good = review()
        bad = review(url="ftp://checks.example/1")
        graph = {"@graph": [{"@type": "WebPage"}, good, bad]}

        with pytest.raises(ct.InvalidDocumentError) as info:
            cr.read(ct.Tracker(), json.dumps([good, graph]))

        assert "$[1]['@graph'][2].url" == info.value.field

    def test_not_an_object(self):
        """
        A number where a node should be is a fault at its index.
        """
        with pytest.raises(ct.InvalidDocumentError) as info:
            cr.read(ct.Tracker(), json.dumps([review(), 3]))

        assert "$[1]" == info.value.field

    def test_bad_import_time(self):
        """
        An *at* that is no time is refused at once, even leniently.
        """
        tracker = ct.Tracker()

        with pytest.raises(ct.InvalidDateError) as info:
            cr.read(tracker, json.dumps(review()), at="noon", lenient=True)

        assert "at" == info.value.field
        assert 0 == len(tracker.events())

    def test_not_json(self):
        """
        Text that is not JSON is refused, with its line, even leniently.
        """
        with pytest.raises(ct.InvalidDocumentError) as info:
            cr.read(ct.Tracker(), '[\n{"a": 1,\n]', lenient=True)

        assert ("$", 3) == (info.value.field, info.value.line)

    def test_strict_imports_nothing(self):
        """
        One bad record among good ones: nothing is imported.
        """
        tracker = ct.Tracker()
        data = json.dumps([review(), review(datePublished="soon")])

        with pytest.raises(ct.InvalidDocumentError):
            cr.read(tracker, data)

        assert 0 == len(tracker.events())

    def test_lenient_imports_the_good_ones(self):
        """
        Lenient: the good records come in, the bad ones are reported.
        """
        tracker = ct.Tracker()
        data = json.dumps(
            [
                review(),
                review(datePublished="soon"),
                review(
                    claimReviewed="Another", reviewRating={"ratingValue": "x"}
                ),
            ]
        )
        report = cr.read(tracker, data, lenient=True)

        assert 1 == len(tracker)
        assert 3 == report.records
        assert [
            ("$[1]", "datePublished"),
            ("$[2]", "reviewRating.ratingValue"),
        ] == [
            (r.where, r.error.field.removeprefix(r.where + "."))
            for r in report.rejected
        ]
        assert all(r.reason for r in report.rejected)

    def test_clash_with_the_tracker(self):
        """
        An id taken by something else is the record's error; strict.
        """
        tracker = ct.Tracker()
        tracker.add_source(ct.Source("jane-doe", title="Not an actor"))

        with pytest.raises(ct.DuplicateIdError) as info:
            cr.read(tracker, json.dumps([review()]))

        assert "$[0].id" == info.value.field
        assert "jane-doe" == info.value.value
        assert 1 == len(tracker.events())


class TestWrite:
    """
    to_jsonld and dumps write what Google's markup asks for.
    """

    def test_required_and_recommended_properties(self):
        """
        A written ClaimReview has Google's required and recommended parts.
        """
        tracker, _ = imported(GOOGLE)
        (written,) = cr.to_jsonld(tracker)

        assert "https://schema.org" == written["@context"]
        assert "ClaimReview" == written["@type"]
        for key in ("claimReviewed", "reviewRating", "url"):
            assert written[key]
        for key in ("author", "datePublished", "itemReviewed"):
            assert written[key]
        assert {
            "@type": "Rating",
            "alternateName": "False",
            "ratingValue": 1,
            "bestRating": 5,
            "worstRating": 1,
        } == written["reviewRating"]
        item = written["itemReviewed"]
        assert "Claim" == item["@type"]
        assert {"@type": "Organization", "name": "Square World Society"} == (
            item["author"]
        )
        assert "2016-06-20" == item["datePublished"]
        assert "https://example.com/news/a122121" == item["appearance"]["url"]
        assert "en" == written["inLanguage"]

    def test_person_job_title_and_fraction(self):
        """
        A person's role is its jobTitle; a fraction stays a fraction.
        """
        rating = {
            "alternateName": "Missing context",
            "ratingValue": "2.5",
            "worstRating": "1",
            "bestRating": "5",
            "ratingExplanation": "Half of it.",
        }
        tracker, _ = imported(PERRY, review(reviewRating=rating))
        perry, other = cr.to_jsonld(tracker)

        assert {
            "@type": "Person",
            "name": "Rich Perry",
            "jobTitle": "Former Governor of Texas",
        } == perry["itemReviewed"]["author"]
        assert 2.5 == other["reviewRating"]["ratingValue"]
        assert "Half of it." == other["reviewRating"]["ratingExplanation"]

    def test_claims_without_verdicts_are_bare_claims(self):
        """
        A claim with no verdict is written as a schema.org Claim.
        """
        tracker = ct.Tracker()
        tracker.add_actor(ct.Actor("rubio", "Marco Rubio", kind="person"))
        claim = tracker.add_claim(
            "Deportees will be accepted", speaker="rubio", tags=["migration"]
        )

        assert [
            {
                "@context": "https://schema.org",
                "@type": "Claim",
                "@id": f"urn:claimtrack:claim:{claim.id}",
                "author": {"@type": "Person", "name": "Marco Rubio"},
                "text": "Deportees will be accepted",
                "keywords": ["migration"],
            }
        ] == cr.to_jsonld(tracker, [claim.id])

    def test_user_verdict_with_url_evidence(self):
        """
        A verdict with a URL cited at the same moment writes that URL.
        """
        tracker = ct.Tracker()
        tracker.add_actor(ct.Actor("rubio", "Marco Rubio"))
        claim = tracker.add_claim("X", speaker="rubio")
        at = "2025-02-05T10:00:00+00:00"
        tracker.rate(claim, "Mostly True", scale="politifact", by="ana", at=at)
        tracker.corroborate(
            claim, evidence="https://checks.example/x", by="ana", at=at
        )
        tracker.rate(claim, "half-true", scale="politifact", at=at)
        first, second = cr.to_jsonld(tracker, [claim])

        assert "https://checks.example/x" == first["url"]
        assert "2025-02-05T10:00:00+00:00" == first["datePublished"]
        assert "author" not in second
        assert "url" not in second

    def test_sources_without_urls(self):
        """
        A source without a URL is not written as the review's article (a
        dataset's evidence page is not a review), and an appearance without
        one is not written.
        """
        tracker = ct.Tracker()
        tracker.add_actor(ct.Actor("rubio", "Marco Rubio"))
        speech = ct.Source("speech", text="We agreed.")
        claim = tracker.add_claim("We agreed", speaker="rubio", source=speech)
        notes = tracker.add_source(ct.Source("notes", language="en"))
        at = "2025-02-05T00:00:00+00:00"
        tracker.rate(claim, "true", by="ana", at=at)
        tracker.corroborate(claim, evidence=notes, by="ana", at=at)
        (written,) = cr.to_jsonld(tracker)

        assert {} == {
            k: v
            for k, v in written.items()
            if k in ("url", "name", "inLanguage")
        }
        assert "appearance" not in written["itemReviewed"]

    def test_group_and_government_actors(self):
        """
        Groups and governments are written as organizations; an unnamed
        group has its role as a description, never its id as a name.
        """
        tracker = ct.Tracker()
        tracker.add_actor(
            ct.Actor("officials", kind="group", role="officials")
        )
        tracker.add_actor(ct.Actor("gov", "Government", kind="government"))
        one = tracker.add_claim("A", speaker="officials")
        two = tracker.add_claim("B", speaker="gov")
        first, second = cr.to_jsonld(tracker, [one, two])

        assert {"@type": "Organization", "description": "officials"} == (
            first["author"]
        )
        assert "GovernmentOrganization" == second["author"]["@type"]

    def test_unknown_claim(self):
        """
        Asking for a claim the tracker does not have is an error.
        """
        with pytest.raises(ct.UnknownClaimError):
            cr.to_jsonld(ct.Tracker(), ["nope"])

    def test_claims_must_be_a_list(self):
        """
        A lone claim id is refused: claims is a list.
        """
        with pytest.raises(ct.InvalidTypeError):
            cr.to_jsonld(ct.Tracker(), "claim-1")

    def test_dumps(self):
        """
        dumps writes the objects as a JSON array, indented if asked.
        """
        tracker, _ = imported(GOOGLE)

        assert cr.to_jsonld(tracker) == json.loads(cr.dumps(tracker))
        assert "\n  " in cr.dumps(tracker, indent=2)
        assert "\n" not in cr.dumps(tracker)
        with pytest.raises(ct.InvalidTypeError):
            cr.dumps(tracker, indent="2")


# -- round trip --------------------------------------------------------------

PUBLISHERS = ["PolitiFact", "AFP Fact Check", "Full Fact", None]
LABELS = [
    "False",
    "Pants on Fire",
    "Mostly True",
    "Missing context",
    "Miscaptioned",
    "Partlyfalse",
    "Altered Image",
    "half-true",
]
ZONES = [dt.UTC, dt.timezone(dt.timedelta(hours=5, minutes=30))]
words = (
    st.text(st.sampled_from("abcdefghij KLM"), min_size=1, max_size=12)
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)
speaker_names = words.filter(
    lambda n: claimant_name(n) == n and actor_id(n) and len(n) > 2
)
urls = st.from_regex(
    r"https://[a-z]{3,8}\.example/[a-z0-9]{1,8}", fullmatch=True
)


@st.composite
def whens(draw):
    """
    A claim date of any precision.
    """
    day = draw(st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)))
    kind = draw(st.sampled_from(["day", "month", "year", "range"]))
    if kind == "day":
        return ct.When.day(day)
    if kind == "month":
        return ct.When.month(day.year, day.month)
    if kind == "year":
        return ct.When.year(day.year)
    return ct.When.between(
        day, day + dt.timedelta(days=draw(st.integers(1, 40)))
    )


@st.composite
def numbers(draw):
    """
    A numeric rating: whole bounds, a value on the scale.
    """
    worst = draw(st.integers(0, 2))
    best = worst + draw(st.integers(1, 9))
    halves = draw(st.integers(0, 2 * (best - worst)))
    value = Decimal(worst) + Decimal(halves) / 2
    return value, Decimal(worst), Decimal(best)


@st.composite
def rated_trackers(draw):
    """
    A tracker of claims rated as fact-checkers rate them.

    Claims have a speaker (or none), maybe a date, an appearance and tags;
    each review is a label, numbers, or both, by a publisher at a moment,
    with the article cited.
    """
    tracker = ct.Tracker()
    speakers = draw(st.lists(speaker_names, max_size=3, unique_by=actor_id))
    actors = [cr.UNKNOWN_CLAIMANT]
    for name in speakers:
        kind = draw(st.sampled_from(["person", "organization", "government"]))
        role = draw(st.none() | words) if kind == "person" else None
        actors.append(
            tracker.add_actor(
                ct.Actor(actor_id(name), name, kind=kind, role=role)
            )
        )
    for number in range(draw(st.integers(1, 4))):
        text = f"{draw(words)} {number}"
        source = None
        if draw(st.booleans()):
            url = draw(urls)
            source = ct.Source(
                url,
                url=url,
                title=draw(st.none() | words),
                publisher=draw(st.none() | words),
                published=draw(st.none() | whens()),
            )
        tags = tags_of(draw(st.lists(words, max_size=3)))
        claim = tracker.add_claim(
            text,
            speaker=draw(st.sampled_from(actors)),
            said=draw(st.none() | whens()),
            source=source
            if source is None or source.id not in tracker
            else source.id,
            tags=tags,
        )
        base = draw(
            st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2030, 1, 1))
        )
        for step in range(draw(st.integers(0, 2))):
            zone = draw(st.sampled_from(ZONES))
            midnight = draw(st.booleans())
            at = (base + dt.timedelta(days=step)).replace(tzinfo=zone)
            if midnight:
                at = at.replace(
                    hour=0, minute=0, second=0, microsecond=0, tzinfo=dt.UTC
                )
            add_review(draw, tracker, claim, at)
    return tracker


def add_review(draw, tracker, claim, at):
    """
    Rate *claim* as a ClaimReview would: label, numbers, article.
    """
    publisher = draw(st.sampled_from(PUBLISHERS))
    label = draw(st.none() | st.sampled_from(LABELS))
    rated = draw(st.none() | numbers()) if label else draw(numbers())
    explanation = draw(st.none() | words)
    counted = None
    if rated is not None:
        value, worst, best = rated
        scale = RatingScale.numeric(
            worst, best, name=f"numeric {worst} to {best}"
        )
        counted = scale.rate(value)
        tracker.rate(
            claim,
            number_text(value),
            scale=scale,
            by=publisher,
            at=at,
            rationale=None if label else explanation,
        )
    if label is not None:
        counted = cr.rating_of(label) or counted
        tracker.rate(
            claim,
            label,
            scale=RatingScale(publisher or "claimreview", [(label, counted)]),
            by=publisher,
            at=at,
            rationale=explanation,
        )
    if publisher is not None and draw(st.booleans()):
        url = draw(urls)
        article = ct.Source(
            url,
            url=url,
            title=draw(st.none() | words),
            publisher=publisher,
            published=ct.When.day(at.date()),
            language=draw(st.sampled_from([None, "en", "pt-BR"])),
        )
        if url not in tracker:
            tracker.add_source(article)
            tracker.corroborate(claim, evidence=article, by=publisher, at=at)


def when_of(when):
    """
    A When's days and precision, not its words.
    """
    return (
        None if when is None else (when.earliest, when.latest, when.precision)
    )


def summary(tracker):
    """
    What ClaimReview carries of a tracker, without ids or words of dates.
    """
    claims = []
    for claim in tracker:
        speaker = tracker.actor(claim.speaker)
        source = tracker.source(claim.source) if claim.source else None
        verdicts = sorted(
            (
                (v.label, v.scale, v.rating, v.by, v.at, v.rationale)
                for v in tracker.verdicts(claim)
            ),
            key=repr,
        )
        articles = sorted(
            (
                e.by,
                e.at,
                s.url,
                s.title,
                s.publisher,
                s.language,
                when_of(s.published),
            )
            for e in tracker.evidence(claim)
            for s in [tracker.source(e.items[0].source)]
        )
        claims.append(
            (
                claim.text,
                (speaker.name, speaker.kind, speaker.role),
                when_of(claim.said),
                source
                and (
                    source.url,
                    source.title,
                    source.publisher,
                    when_of(source.published),
                ),
                claim.tags,
                verdicts,
                articles,
            )
        )
    return sorted(claims, key=repr)


class TestRoundTrip:
    """
    Export then import keeps every mapped field and the labels.
    """

    @given(rated_trackers())
    def test_export_then_import(self, tracker):
        """
        Importing what was exported gives back the same claims, speakers,
        dates, appearances, tags, verdicts and review articles.
        """
        again = ct.Tracker()
        report = cr.read(again, cr.dumps(tracker), at=AT)

        assert summary(tracker) == summary(again)
        assert report.ok

    @given(rated_trackers())
    def test_export_is_a_fixed_point(self, tracker):
        """
        Exporting an imported export gives the same JSON-LD, and importing
        it again adds nothing.
        """
        first = cr.to_jsonld(tracker)
        again = ct.Tracker()
        cr.read(again, json.dumps(first), at=AT)

        assert sorted(map(repr, first)) == sorted(
            map(repr, cr.to_jsonld(again))
        )
        assert 0 == cr.read(again, json.dumps(first)).added
