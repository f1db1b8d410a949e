"""
Tests for claimtrack.formats.factcheck: Fact Check Tools claims:search.
"""

import datetime as dt
import json

import pytest

import claimtrack as ct
from claimtrack.formats import claimreview, factcheck
from claimtrack.scales import Rating


AT = "2026-01-01T00:00:00+00:00"

# A claims:search response as the API returns it (query "microchip").
RESPONSE = {
    "claims": [
        {
            "text": "Covid-19 vaccines contain microchips to track people",
            "claimant": "Social media users",
            "claimDate": "2020-12-01T00:00:00Z",
            "claimReview": [
                {
                    "publisher": {
                        "name": "AFP Fact Check",
                        "site": "factcheck.afp.com",
                    },
                    "url": "https://factcheck.afp.com/covid-vaccines-microchips",
                    "title": "No, Covid-19 vaccines do not contain microchips",
                    "reviewDate": "2020-12-04T13:27:00Z",
                    "textualRating": "False",
                    "languageCode": "en",
                },
                {
                    "publisher": {"site": "fullfact.org"},
                    "url": "https://fullfact.org/online/vaccine-microchip/",
                    "reviewDate": "2020-12-09T00:00:00Z",
                    "textualRating": "Incorrect",
                    "languageCode": "en",
                },
            ],
        },
        {
            "text": "Bill Gates said vaccines will carry ID chips",
            "claimant": "Bill Gates",
            "claimDate": "2020-03-18T00:00:00Z",
            "claimReview": [
                {
                    "publisher": {
                        "name": "PolitiFact",
                        "site": "politifact.com",
                    },
                    "url": "https://www.politifact.com/factchecks/2020/apr/20/"
                    "facebook-posts/bill-gates-microchips/",
                    "title": "Bill Gates isn't planning to implant chips",
                    "reviewDate": "2020-04-20T00:00:00Z",
                    "textualRating": "Pants on Fire",
                    "languageCode": "en",
                }
            ],
        },
        {
            "text": "5G masts spread the virus",
            "claimReview": [
                {
                    "publisher": {"name": "Maldita.es", "site": "maldita.es"},
                    "url": "https://maldita.es/5g",
                    "title": "El 5G no propaga el virus",
                    "reviewDate": "2020-04-02T00:00:00Z",
                    "textualRating": "Falso",
                    "languageCode": "es",
                }
            ],
        },
    ],
    "nextPageToken": "CBQ",
}


def imported(document, **options):
    """
    A new tracker with *document* imported, and the report.
    """
    tracker = ct.Tracker()
    report = factcheck.read(tracker, json.dumps(document), at=AT, **options)
    return tracker, report


def claim_of(tracker, text):
    """
    The claim with this text.
    """
    (found,) = [c for c in tracker if c.text == text]
    return found


class TestRead:
    """
    A response's claims and reviews come in.
    """

    def test_claims_and_reviews(self):
        """
        Three claims, four reviews, one verdict each.
        """
        tracker, report = imported(RESPONSE)

        assert "factcheck" == report.format
        assert (3, 3) == (report.records, len(tracker))
        assert 4 == sum(len(tracker.verdicts(c)) for c in tracker)

    def test_claim_fields(self):
        """
        Text, claimant and claim date make the claim.
        """
        tracker, _ = imported(RESPONSE)
        claim = claim_of(tracker, RESPONSE["claims"][1]["text"])

        assert "bill-gates" == claim.speaker
        assert "Bill Gates" == tracker.actor("bill-gates").name
        assert dt.date(2020, 3, 18) == claim.said.date

    def test_review_fields(self):
        """
        Each review: an article source, a verdict, and evidence.
        """
        tracker, _ = imported(RESPONSE)
        claim = claim_of(tracker, RESPONSE["claims"][0]["text"])
        afp = RESPONSE["claims"][0]["claimReview"][0]
        article = tracker.source(afp["url"])

        assert (afp["title"], "AFP Fact Check", "en") == (
            article.title,
            article.publisher,
            article.language,
        )
        assert dt.date(2020, 12, 4) == article.published.date
        assert [
            ("False", "AFP Fact Check", Rating.FALSE),
            ("Incorrect", "fullfact.org", Rating.FALSE),
        ] == [(v.label, v.scale, v.rating) for v in tracker.verdicts(claim)]
        assert dt.datetime(2020, 12, 4, 13, 27, tzinfo=dt.UTC) == (
            tracker.verdicts(claim)[0].at
        )
        assert {ct.Stance.REFUTES} == {
            e.stance for e in tracker.evidence(claim)
        }

    def test_placeholder_and_missing_claimants(self):
        """
        "Social media users" names no one person: an unnamed group that
        keeps the words; no claimant is the unknown claimant. Both are
        flagged.
        """
        tracker, report = imported(RESPONSE)

        placeholder, missing = (
            claim_of(tracker, RESPONSE["claims"][n]["text"]).speaker
            for n in (0, 2)
        )
        group = tracker.actor(placeholder)
        assert (None, ct.ActorKind.GROUP) == (group.name, group.kind)
        assert "social media users" == group.role.casefold()
        assert "unknown-claimant" == missing
        assert {"$.claims[0]", "$.claims[2]"} == {
            f.where for f in report.flags if "claimant" in f.message
        }

    def test_foreign_label_kept_and_rated(self):
        """
        "Falso" is kept as published, rated by the Spanish label table.
        """
        tracker, _ = imported(RESPONSE)
        claim = claim_of(tracker, "5G masts spread the virus")

        assert [("Falso", Rating.FALSE)] == [
            (v.label, v.rating) for v in tracker.verdicts(claim)
        ]

    def test_pages(self):
        """
        An array of responses is the pages of one search.
        """
        first = {"claims": RESPONSE["claims"][:1], "nextPageToken": "x"}
        second = {"claims": RESPONSE["claims"][1:]}
        tracker, report = imported([first, second])

        assert 3 == len(tracker)
        assert {"$[0].claims[0]", "$[1].claims[1]"} == {
            f.where for f in report.flags if "claimant" in f.message
        }

    def test_empty_response(self):
        """
        The API answers {} when nothing matches: an error that says so, or
        leniently a flag.
        """
        with pytest.raises(ct.InvalidDocumentError) as info:
            imported({})
        tracker, report = imported({}, lenient=True)

        assert ("$", "no keys") == (info.value.field, info.value.value)
        assert "holds no claim" in str(info.value)
        assert (0, 0) == (report.records, len(tracker))
        assert [("$", "the input has no claim (no keys)")] == [
            (f.where, f.message) for f in report.flags
        ]

    def test_lone_claim(self):
        """
        One element of claims, without the response, is imported (strictly
        too), and so is an array of them.
        """
        lone = RESPONSE["claims"][1]
        tracker, report = imported(lone)
        again, pages = imported(RESPONSE["claims"])

        assert ["Bill Gates said vaccines will carry ID chips"] == [
            c.text for c in tracker
        ]
        assert (1, True, ()) == (report.records, report.ok, report.flags)
        assert 3 == len(again)
        assert {"$[0]", "$[2]"} == {f.where for f in pages.flags}

    def test_lone_claim_errors_name_its_fields(self):
        """
        A bad lone claim is named by its fields under $.
        """
        lone = dict(RESPONSE["claims"][0], claimDate="next week")

        with pytest.raises(ct.InvalidDocumentError) as info:
            imported(lone)

        assert "$.claimDate" == info.value.field

    def test_api_error_is_no_claim(self):
        """
        An API error saved as the response holds no claim: strict says so.
        """
        error = {"error": {"code": 403, "message": "denied"}}

        with pytest.raises(ct.InvalidDocumentError) as info:
            imported(error)

        assert "error" == info.value.value

    def test_lone_claim_file_is_detected(self, tmp_path):
        """
        A file of one claim, without its response, is told as factcheck.
        """
        path = tmp_path / "claim.json"
        path.write_text(json.dumps(RESPONSE["claims"][0], indent=2))

        assert "factcheck" == ct.formats.detect(path)
        assert 1 == factcheck.read(ct.Tracker(), path).records

    def test_claim_without_review(self):
        """
        A claim with no review comes in without a verdict, flagged.
        """
        tracker, report = imported(
            {"claims": [{"text": "Taxes fell", "claimant": "Jane Doe"}]}
        )

        assert [] == tracker.verdicts(claim_of(tracker, "Taxes fell"))
        assert any("no review" in f.message for f in report.flags)

    def test_review_without_rating_date_or_url(self):
        """
        A review with only a publisher adds no verdict and no source.
        """
        document = {
            "claims": [
                {
                    "text": "Taxes fell",
                    "claimant": "Jane Doe",
                    "claimReview": [
                        {
                            "publisher": {"name": "Checks"},
                            "languageCode": "English",
                        }
                    ],
                }
            ]
        }
        tracker, report = imported(document)

        assert [] == tracker.sources()
        assert [] == tracker.verdicts(claim_of(tracker, "Taxes fell"))
        assert any("no rating" in f.message for f in report.flags)
        assert any("language tag" in f.message for f in report.flags)

    def test_publisher_from_url(self):
        """
        A review with no publisher is published by its URL's site.
        """
        document = {
            "claims": [
                {
                    "text": "Taxes fell",
                    "claimReview": [
                        {
                            "url": "https://www.checks.example/1",
                            "textualRating": "True",
                        }
                    ],
                }
            ]
        }
        tracker, _ = imported(document)

        assert (
            "checks.example"
            == tracker.verdicts(claim_of(tracker, "Taxes fell"))[0].by
        )

    def test_same_file_twice(self):
        """
        Importing the same response again adds nothing.
        """
        tracker = ct.Tracker()
        data = json.dumps(RESPONSE)
        factcheck.read(tracker, data)

        assert 0 == factcheck.read(tracker, data).added

    def test_same_claim_as_claimreview(self):
        """
        The API's review and the publisher's markup meet on one source.
        """
        tracker, _ = imported(RESPONSE)
        afp = RESPONSE["claims"][0]["claimReview"][0]
        markup = {
            "@type": "ClaimReview",
            "url": afp["url"],
            "claimReviewed": "Vaccines hold microchips",
            "author": {"@type": "Organization", "name": "AFP Fact Check"},
            "reviewRating": {"alternateName": "False"},
        }
        before = len(tracker.sources())
        claimreview.read(tracker, json.dumps(markup))

        assert before == len(tracker.sources())


class TestErrors:
    """
    Faults are named by their JSON path; strict imports nothing.
    """

    @pytest.mark.parametrize(
        ("document", "field"),
        [
            ({"claims": [{"claimant": "X"}]}, "$.claims[0].text"),
            ({"claims": [5]}, "$.claims[0]"),
            (
                {"claims": [{"text": "X", "claimDate": "someday"}]},
                "$.claims[0].claimDate",
            ),
            (
                {"claims": [{"text": "X", "claimReview": {}}]},
                "$.claims[0].claimReview",
            ),
            (
                {"claims": [{"text": "X", "claimReview": ["bad"]}]},
                "$.claims[0].claimReview[0]",
            ),
            (
                {"claims": [{"text": "X", "claimReview": [{"url": "x"}]}]},
                "$.claims[0].claimReview[0].url",
            ),
            (
                {
                    "claims": [
                        {
                            "text": "X",
                            "claimReview": [{"reviewDate": "32/13/2020"}],
                        }
                    ]
                },
                "$.claims[0].claimReview[0].reviewDate",
            ),
            (
                {"claims": [{"text": "X", "claimReview": [{"publisher": 5}]}]},
                "$.claims[0].claimReview[0].publisher",
            ),
            (
                {
                    "claims": [
                        {
                            "text": "X",
                            "claimReview": [{"textualRating": ["False"]}],
                        }
                    ]
                },
                "$.claims[0].claimReview[0].textualRating",
            ),
            (
                {
                    "claims": [
                        {"text": "X", "claimReview": [{"textualRating": "!"}]}
                    ]
                },
                "$.claims[0].claimReview[0].textualRating",
            ),
        ],
    )
    def test_field_paths(self, document, field):
        """
        Each fault names its path, and the tracker is left as it was.
        """
        tracker = ct.Tracker()

        with pytest.raises(ct.InvalidDocumentError) as info:
            factcheck.read(tracker, json.dumps(document))

        assert field == info.value.field
        assert 0 == len(tracker.events())

    @pytest.mark.parametrize(
        ("document", "field"),
        [
            ([5], "$[0]"),
            ("claims", "$"),
            ({"claims": {"text": "X"}}, "$.claims"),
        ],
    )
    def test_not_a_response(self, document, field):
        """
        A document that is no response is refused whole, even leniently.
        """
        with pytest.raises(ct.InvalidDocumentError) as info:
            factcheck.read(ct.Tracker(), json.dumps(document), lenient=True)

        assert field == info.value.field

    def test_not_json(self):
        """
        Text that is not JSON is refused with its line.
        """
        with pytest.raises(ct.InvalidDocumentError) as info:
            factcheck.read(ct.Tracker(), '{"claims": [\n\n}')

        assert 3 == info.value.line

    def test_too_large(self):
        """
        A response over max_bytes is refused.
        """
        with pytest.raises(ct.DocumentTooLargeError):
            factcheck.read(ct.Tracker(), json.dumps(RESPONSE), max_bytes=100)

    def test_lenient(self):
        """
        Lenient: good claims come in, a bad one is reported.
        """
        document = {
            "claims": [
                RESPONSE["claims"][1],
                {"text": "X", "claimDate": "someday"},
            ]
        }
        tracker, report = imported(document, lenient=True)

        assert 1 == len(tracker)
        assert ["$.claims[1]"] == [r.where for r in report.rejected]
        assert "claimDate" == report.rejected[0].error.field.rsplit(".")[-1]
