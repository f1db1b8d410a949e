"""
Tests for claimtrack.formats.claimskg: ClaimsKG CSV files.

The corpus tests read ``../shared/corpora/claimskg`` and skip when it is
absent; their expected counts are derived from the CSV files here, with
the csv module, by rules written out independently of the importer's.
"""

import collections
import csv
import datetime as dt
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

import claimtrack as ct
from claimtrack.formats import averitec, claimskg
from claimtrack.formats._reviews import is_review_article
from claimtrack.scales import Rating


ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "claimskg"
FILES = sorted(CORPUS.glob("claimskg_output_sample_*.csv"))
AT = "2026-01-01T00:00:00+00:00"

HEADER = [
    "",
    "rating_ratingValue",
    "rating_worstRating",
    "rating_bestRating",
    "rating_alternateName",
    "creativeWork_author_name",
    "creativeWork_datePublished",
    "creativeWork_author_sameAs",
    "claimReview_author_name",
    "claimReview_author_url",
    "claimReview_url",
    "claimReview_claimReviewed",
    "claimReview_datePublished",
    "claimReview_source",
    "claimReview_author",
    "extra_body",
    "extra_refered_links",
    "extra_title",
    "extra_tags",
    "extra_entities_claimReview_claimReviewed",
    "extra_entities_body",
    "extra_entities_keywords",
    "extra_entities_author",
    "related_links",
]


def csv_text(*rows, newline="\n"):
    """
    A ClaimsKG CSV with *rows* (dicts of the columns that matter).
    """
    out = io.StringIO()
    writer = csv.DictWriter(out, HEADER, lineterminator=newline)
    writer.writeheader()
    for index, row in enumerate(rows):
        writer.writerow({"": str(index), **row})
    return out.getvalue()


def row(**columns):
    """
    A row of a made-up publisher: a claim by Jane Doe, rated False.
    """
    base = {
        "rating_alternateName": "False",
        "creativeWork_author_name": "Jane Doe",
        "creativeWork_datePublished": "2021-07-10",
        "claimReview_author_name": "examplecheck",
        "claimReview_url": "https://checks.example/review-1",
        "claimReview_claimReviewed": "The bridge cost 2 billion",
        "claimReview_datePublished": "2021-07-20",
        "extra_title": "No, the bridge did not cost 2 billion",
    }
    return {**base, **columns}


def imported(text, **options):
    """
    A new tracker with the CSV *text* imported, and the report.
    """
    tracker = ct.Tracker()
    report = claimskg.read(tracker, text, at=AT, **options)
    return tracker, report


def only(tracker):
    """
    The tracker's one claim.
    """
    (claim,) = list(tracker)
    return claim


class TestRows:
    """
    One row, one review: the columns and their quirks.
    """

    def test_row(self):
        """
        A row gives a claim, its claimant, verdict and review article.
        """
        tracker, report = imported(csv_text(row()))
        claim = only(tracker)
        article = tracker.source("https://checks.example/review-1")

        assert ("The bridge cost 2 billion", "jane-doe") == (
            claim.text,
            claim.speaker,
        )
        assert dt.date(2021, 7, 10) == claim.said.date
        assert ("No, the bridge did not cost 2 billion", "examplecheck") == (
            article.title,
            article.publisher,
        )
        assert dt.date(2021, 7, 20) == article.published.date
        assert [("False", "examplecheck", Rating.FALSE)] == [
            (v.label, v.scale, v.rating) for v in tracker.verdicts(claim)
        ]
        assert ("claimskg", 1, ()) == (
            report.format,
            report.records,
            report.flags,
        )

    def test_crlf_and_bytes(self):
        """
        CRLF line endings and bytes read as LF text does.
        """
        lf, _ = imported(csv_text(row()))
        crlf, _ = imported(csv_text(row(), newline="\r\n").encode())

        assert lf == crlf

    def test_empty_claim_falls_back_to_title(self):
        """
        An empty claimReviewed is replaced by the title, flagged.
        """
        tracker, report = imported(csv_text(row(claimReview_claimReviewed="")))

        assert row()["extra_title"] == only(tracker).text
        assert ["row 1"] == [f.where for f in report.flags]

    @pytest.mark.parametrize(
        ("name", "speaker"),
        [
            ('"Rohan नाशिककर"', "Rohan नाशिककर"),
            ("Facebook user Armaan Pathan", "Armaan Pathan"),
            ('"फेसबुक यूजर शानू खान"', "शानू खान"),
            ('"Grimm Hades \u200f"', "Grimm Hades"),
            ("\u200f'Phạm Hạnh'", "Phạm Hạnh"),
            ("Clean & Green Services", "Clean & Green Services"),
        ],
    )
    def test_claimant_names(self, name, speaker):
        """
        Quotes, invisible marks and platform prefixes are dropped.
        """
        tracker, _ = imported(csv_text(row(creativeWork_author_name=name)))

        assert speaker == tracker.actor(only(tracker).speaker).name

    @pytest.mark.parametrize(
        ("name", "speaker", "role", "alias"),
        [
            ("FB User-Jane Roe", "Jane Roe", "Facebook user", None),
            ("Facebook user Jane Doe", "Jane Doe", "Facebook user", None),
            ("Twitter user @jroe", "@jroe", "X/Twitter user", None),
            ("X user @jroe", "@jroe", "X/Twitter user", None),
            (
                "usuario de Facebook Juan Pérez",
                "Juan Pérez",
                "Facebook user",
                None,
            ),
            ("臉書用戶王小明", "王小明", "Facebook user", None),
            (
                '"FB user: https://www.facebook.com/jane.roe.9"',
                "facebook.com/jane.roe.9",
                "Facebook user",
                "https://www.facebook.com/jane.roe.9",
            ),
        ],
    )
    def test_accounts_keep_their_platform(self, name, speaker, role, alias):
        """
        "Facebook user Jane Doe" is Jane Doe, a Facebook user; an account
        named by its URL is named by its host and path, the URL an alias.
        """
        tracker, _ = imported(csv_text(row(creativeWork_author_name=name)))
        actor = tracker.actor(only(tracker).speaker)

        assert (speaker, role, ct.ActorKind.PERSON) == (
            actor.name,
            actor.role,
            actor.kind,
        )
        assert ([alias] if alias else []) == list(actor.aliases)

    @pytest.mark.parametrize(
        ("name", "speakers"),
        [
            ("Jane Ruby and Stew Peters", ["jane-ruby", "stew-peters"]),
            (
                "Pedro Sánchez y Pablo Iglesias",
                ["pedro-sanchez", "pablo-iglesias"],
            ),
            (
                "Jair Bolsonaro e Sergio Moro",
                ["jair-bolsonaro", "sergio-moro"],
            ),
            (
                "Olaf Scholz und Robert Habeck",
                ["olaf-scholz", "robert-habeck"],
            ),
            (
                "Jane Roe, John Doe and social media users",
                ["jane-roe", "john-doe", "social-media-users"],
            ),
        ],
    )
    def test_lists_are_several_claimants(self, name, speakers):
        """
        A list of claimants makes a claim for each, each rated, flagged.
        """
        tracker, report = imported(
            csv_text(row(creativeWork_author_name=name))
        )

        assert speakers == [c.speaker for c in tracker]
        assert len(speakers) == len(set(report.claims))
        assert all(
            [("False", Rating.FALSE)]
            == [(v.label, v.rating) for v in tracker.verdicts(c)]
            for c in tracker
        )
        assert any(
            f"names {len(speakers)} claimants" in f.message
            for f in report.flags
        )

    def test_institution_is_no_list(self):
        """
        "Ministry of Health and Family Welfare" is one claimant.
        """
        name = "Ministry of Health and Family Welfare"
        tracker, _ = imported(csv_text(row(creativeWork_author_name=name)))

        assert name == tracker.actor(only(tracker).speaker).name

    @pytest.mark.parametrize(
        ("name", "platforms"),
        [
            ("Multiple sources", ()),
            ("multiple Sources", ()),
            ("Multiples sources", ()),
            ("Various sources", ()),
            ('"FB User"', ("Facebook",)),
            ('"WhatsApp Users"', ("WhatsApp",)),
            ('"பேஸ்புக் பயனர்"', ("Facebook",)),
            ("Varias fuentes", ()),
            ("Facebook-Nutzer", ("Facebook",)),
            ("Posts on Facebook and Twitter", ("Facebook", "X/Twitter")),
            ("सोशल मीडिया यूजर्स", ()),
            ("صفحات على فيسبوك", ("Facebook",)),
            ("網傳", ()),
        ],
    )
    def test_placeholders_are_unnamed_groups(self, name, platforms):
        """
        A placeholder is an unnamed group: its role keeps the words, its
        aliases the platforms; the report says so.
        """
        tracker, report = imported(
            csv_text(row(creativeWork_author_name=name))
        )
        actor = tracker.actor(only(tracker).speaker)
        words = name.strip('"')

        assert (None, ct.ActorKind.GROUP, words) == (
            actor.name,
            actor.kind,
            actor.role,
        )
        assert platforms == actor.aliases
        assert [f"the claimant {words!r} is no one person"] == [
            f.message.split(":")[0] for f in report.flags
        ]

    def test_placeholder_claims_keep_their_ids(self):
        """
        A placeholder's claim has the id a claim with no claimant has: the
        one an export to ClaimReview, which names no unnamed group, reads
        back.
        """
        tracker, _ = imported(
            csv_text(row(creativeWork_author_name="Multiple sources"))
        )
        claim = only(tracker)

        assert (
            ct.Claim.make_id(claim.text, "unknown-claimant", said=claim.said)
            == claim.id
        )

    @pytest.mark.parametrize("name", ["examplecheck", "", '""'])
    def test_no_claimant(self, name):
        """
        No name, or the publisher's own, is no claimant.
        """
        tracker, report = imported(
            csv_text(row(creativeWork_author_name=name))
        )

        assert "unknown-claimant" == only(tracker).speaker
        assert any("no claimant" in f.message for f in report.flags)

    @pytest.mark.parametrize(
        ("url", "page"),
        [
            (
                "https://www.snopes.com/fact-check/x/",
                "https://www.snopes.com/author/dan/",
            ),
            (
                "https://checks.example/x",
                "https://checks.example/autor/dan-roe/",
            ),
            (
                "https://checks.example/x",
                "https://www.checks.example/auteur/danroe",
            ),
            (
                "https://checks.example/x",
                "https://checks.example/staff/dan-roe/",
            ),
            (
                "https://verify.checks.example/x",
                "https://checks.example/people/dan",
            ),
            (
                "https://checks.example/x",
                "https://checks.example/author/1234/",
            ),
            (
                "https://checks.example/x",
                "https://checks.example/author/checks/",
            ),
        ],
    )
    def test_writers_are_told_from_their_page(self, url, page):
        """
        An author URL that is a writer's page on the review's own site
        makes the name the review's author: no claimant, a note, a flag.
        """
        tracker, report = imported(
            csv_text(
                row(
                    claimReview_url=url,
                    claimReview_author_url=page,
                    creativeWork_author_name="Dan Roe",
                )
            )
        )
        (evidence,) = tracker.evidence(only(tracker))

        assert "unknown-claimant" == only(tracker).speaker
        assert "dan-roe" not in tracker
        assert "written by Dan Roe" == evidence.note
        assert any(page in f.message for f in report.flags)

    @pytest.mark.parametrize(
        "page",
        [
            "https://elsewhere.example/author/jane-doe/",
            "https://checks.example/fact-check/jane-doe/",
            "https://checks.example/author/dan/",
            "https://checks.example/jane-doe",
            "not a url",
        ],
    )
    def test_other_author_urls_keep_the_claimant(self, page):
        """
        An author URL on another site, of another shape, or of another
        name leaves the claimant as named.
        """
        tracker, _ = imported(csv_text(row(claimReview_author_url=page)))

        assert "jane-doe" == only(tracker).speaker

    def test_the_claimants_own_page(self):
        """
        The claimant's own URL (creativeWork_author_sameAs) on the review's
        site, a writer's page, is the writer's whatever its last part.
        """
        page = "https://checks.example/author/jd/"
        tracker, _ = imported(csv_text(row(creativeWork_author_sameAs=page)))

        assert "unknown-claimant" == only(tracker).speaker

    def test_a_writer_once_named_is_a_writer_in_every_row(self):
        """
        A writer told by their page in one row is the writer in the site's
        other rows, which give no page.
        """
        page = "https://checks.example/author/jane-doe/"
        text = csv_text(
            row(claimReview_claimReviewed="One"),
            row(claimReview_claimReviewed="Two", claimReview_author_url=page),
        )
        tracker, report = imported(text)

        assert {"unknown-claimant"} == {c.speaker for c in tracker}
        assert any(
            f.where == "row 1" and "row 2" in f.message for f in report.flags
        )

    def test_review_authors_are_writers(self):
        """
        A claimant who is one of claimReview_author's is the writer.
        """
        tracker, _ = imported(
            csv_text(
                row(
                    creativeWork_author_name="Ankita Deshkar",
                    claimReview_author="Ankita Deshkar,Pallavi Mishra",
                )
            )
        )
        (evidence,) = tracker.evidence(only(tracker))

        assert "unknown-claimant" == only(tracker).speaker
        assert "written by Ankita Deshkar, Pallavi Mishra" == evidence.note

    @pytest.mark.parametrize(
        ("url", "page", "speaker"),
        [
            ("https://fullfact.org/health/x/", "", "unknown-claimant"),
            ("https://www.snopes.com/fact-check/x/", "", "unknown-claimant"),
            (
                "https://fullfact.org/health/x/",
                "https://fullfact.org/people/someone-else/",
                "dan",
            ),
            ("https://checks.example/x", "", "dan"),
        ],
    )
    def test_staff_written_sites_without_a_page(self, url, page, speaker):
        """
        Only a row with no author URL falls back on `STAFF_WRITTEN`.
        """
        tracker, report = imported(
            csv_text(
                row(
                    claimReview_url=url,
                    claimReview_author_url=page,
                    creativeWork_author_name="Dan",
                )
            )
        )

        assert speaker == only(tracker).speaker
        assert (speaker != "dan") == any(
            "STAFF_WRITTEN" in f.message for f in report.flags
        )

    def test_politifact(self):
        """
        PolitiFact: claimant and review date from the URL, claim date from
        claimReview_datePublished, the writer ignored, http kept.
        """
        url = (
            "http://www.politifact.com/factchecks/2021/jul/22/bobby-scott/"
            "scott-falsely-accuses-gop-defunding-police/"
        )
        tracker, _ = imported(
            csv_text(
                row(
                    claimReview_url=url,
                    creativeWork_author_name="Warren Fiske",
                    creativeWork_datePublished="",
                    claimReview_datePublished="2021-07-12",
                )
            )
        )
        claim = only(tracker)

        assert ("bobby-scott", "Bobby Scott") == (
            claim.speaker,
            tracker.actor(claim.speaker).name,
        )
        assert dt.date(2021, 7, 12) == claim.said.date
        assert dt.date(2021, 7, 22) == tracker.source(url).published.date
        assert url == tracker.source(url).url
        assert "warren-fiske" not in tracker

    def test_politifact_writer_kept_as_author(self):
        """
        PolitiFact's writer, told by their staff page, is the review's
        author; the claimant is still the URL's.
        """
        url = "http://www.politifact.com/factchecks/2021/jul/22/bobby-scott/x/"
        tracker, _ = imported(
            csv_text(
                row(
                    claimReview_url=url,
                    creativeWork_author_name="Warren Fiske",
                    claimReview_author_url=(
                        "https://www.politifact.com/staff/warren-fiske/"
                    ),
                )
            )
        )
        (evidence,) = tracker.evidence(only(tracker))

        assert "bobby-scott" == only(tracker).speaker
        assert "written by Warren Fiske" == evidence.note

    def test_politifact_group_slug(self):
        """
        A PolitiFact slug that is a placeholder is an unnamed group with
        its words and its platform.
        """
        url = "http://www.politifact.com/factchecks/2021/jul/22/viral-tweet/x/"
        tracker, _ = imported(csv_text(row(claimReview_url=url)))
        actor = tracker.actor(only(tracker).speaker)

        assert ("viral-tweet", None, "Viral Tweet", ct.ActorKind.GROUP) == (
            actor.id,
            actor.name,
            actor.role,
            actor.kind,
        )
        assert ("X/Twitter",) == actor.aliases

    def test_afp_dates_are_swapped(self):
        """
        AFP: the claim's date is claimReview_datePublished.
        """
        tracker, _ = imported(
            csv_text(
                row(
                    claimReview_url="https://factcheck.afp.com/x",
                    creativeWork_datePublished="2021-06-22",
                    claimReview_datePublished="2021-06-02",
                )
            )
        )

        assert dt.date(2021, 6, 2) == only(tracker).said.date
        assert dt.date(2021, 6, 22) == tracker.sources()[0].published.date

    def test_numbers_as_strings_and_fractions(self):
        """
        "2.5" of "1" to "5" is a numeric verdict; the label counts.
        """
        tracker, _ = imported(
            csv_text(
                row(
                    rating_ratingValue="2.5",
                    rating_worstRating="1",
                    rating_bestRating="5",
                    rating_alternateName="Missing context",
                )
            )
        )

        assert [
            ("2.5", "numeric 1 to 5", Rating.MIXED),
            ("Missing context", "examplecheck", Rating.MIXED),
        ] == [
            (v.label, v.scale, v.rating)
            for v in tracker.verdicts(only(tracker))
        ]

    def test_label_that_is_the_number(self):
        """
        An alternateName that repeats the value is no label of its own.
        """
        tracker, _ = imported(
            csv_text(
                row(
                    rating_ratingValue="3",
                    rating_worstRating="1",
                    rating_bestRating="5",
                    rating_alternateName="3",
                )
            )
        )

        assert ["3"] == [v.label for v in tracker.verdicts(only(tracker))]

    def test_no_review_url(self):
        """
        A row without a review URL adds its claim and verdict, no source.
        """
        tracker, _ = imported(csv_text(row(claimReview_url="")))

        assert [] == tracker.sources()
        assert 1 == len(tracker.verdicts(only(tracker)))

    def test_politifact_url_without_date(self):
        """
        A PolitiFact URL with no date leaves the review undated.
        """
        url = "http://www.politifact.com/factchecks/2021/xyz/22/jane-doe/x/"
        tracker, report = imported(csv_text(row(claimReview_url=url)))

        assert tracker.source(url).published is None
        assert "jane-doe" == only(tracker).speaker
        assert any("no date" in f.message for f in report.flags)

    def test_number_without_label(self):
        """
        A rating of numbers alone is one numeric verdict.
        """
        tracker, _ = imported(
            csv_text(
                row(
                    rating_ratingValue="5",
                    rating_worstRating="1",
                    rating_bestRating="5",
                    rating_alternateName="",
                )
            )
        )

        assert ["5"] == [v.label for v in tracker.verdicts(only(tracker))]

    def test_no_rating(self):
        """
        A row without any rating adds no verdict, flagged.
        """
        tracker, report = imported(csv_text(row(rating_alternateName="")))

        assert [] == tracker.verdicts(only(tracker))
        assert any("no rating" in f.message for f in report.flags)

    def test_unpadded_and_missing_dates(self):
        """
        "2021-7-6" is read; a missing claim date stays unknown.
        """
        tracker, _ = imported(
            csv_text(
                row(
                    creativeWork_datePublished="",
                    claimReview_datePublished="2021-7-6",
                )
            )
        )
        article = tracker.sources()[0]

        assert only(tracker).said is None
        assert (dt.date(2021, 7, 6), "2021-7-6") == (
            article.published.date,
            article.published.text,
        )

    def test_tags(self):
        """
        Repeated tags with double spaces come once, spaces collapsed.
        """
        tags = (
            "Public Safety,Bobby  Scott,Public Safety,Bobby Scott, ,Virginia"
        )
        vishvas = "\"['Mukesh Ambani', 'Yogi Adityanath', 'Mukesh Ambani']\""
        tracker, _ = imported(
            csv_text(
                row(extra_tags=tags),
                row(
                    extra_tags=vishvas.strip('"'),
                    claimReview_claimReviewed="Other",
                ),
            )
        )
        first, second = list(tracker)

        assert ("Public Safety", "Bobby Scott", "Virginia") == first.tags
        assert ("Mukesh Ambani", "Yogi Adityanath") == second.tags

    def test_review_writers_are_not_claimants(self):
        """
        claimReview_author lists the review's writers: nobody is made of
        them, and they are the review's authors.
        """
        tracker, _ = imported(
            csv_text(row(claimReview_author="Ankita Deshkar,Pallavi Mishra"))
        )
        (evidence,) = tracker.evidence(only(tracker))

        assert ["jane-doe"] == [a.id for a in tracker.actors()]
        assert "written by Ankita Deshkar, Pallavi Mishra" == evidence.note

    def test_unmapped_label_is_flagged(self):
        """
        A label not in the tables is kept with no rating, flagged with
        the label; one in a publisher's language is rated.
        """
        tracker, report = imported(
            csv_text(
                row(rating_alternateName="Apresurado"),
                row(
                    rating_alternateName="❌ FALSO",
                    claimReview_claimReviewed="Other",
                ),
            )
        )
        first, second = tracker

        assert [("Apresurado", None)] == [
            (v.label, v.rating) for v in tracker.verdicts(first)
        ]
        assert [("❌ FALSO", Rating.FALSE)] == [
            (v.label, v.rating) for v in tracker.verdicts(second)
        ]
        assert [
            ("row 1", "the label 'Apresurado' is not in the label table")
        ] == [(f.where, f.message.split(":")[0]) for f in report.flags]

    def test_no_rows(self):
        """
        A file with a header and no row imports nothing, and says so.
        """
        tracker, report = imported(csv_text())

        assert 0 == len(tracker)
        assert [("$", "the input holds no rows: nothing to import")] == [
            (f.where, f.message) for f in report.flags
        ]

    def test_duplicate_rows(self):
        """
        A row repeated adds nothing more.
        """
        tracker, report = imported(csv_text(row(), row()))

        assert 2 == report.records
        assert 1 == len(tracker)
        assert 2 == len(report.claims)
        assert 1 == len(tracker.verdicts(only(tracker)))

    def test_same_file_twice(self):
        """
        Importing the file again adds no event.
        """
        tracker = ct.Tracker()
        text = csv_text(row(), row(claimReview_claimReviewed="Other"))
        claimskg.read(tracker, text)

        assert 0 == claimskg.read(tracker, text).added

    def test_odd_scale_among_usual_ones(self):
        """
        A row rating on 1 to 2.5 among 1-to-5 rows is flagged.
        """
        usual = {
            "rating_ratingValue": "1",
            "rating_worstRating": "1",
            "rating_bestRating": "5",
        }
        rows = [
            row(**usual, claimReview_claimReviewed=f"Claim {n}")
            for n in range(3)
        ]
        odd = row(**{**usual, "rating_bestRating": "2.5"})
        tracker, report = imported(csv_text(*rows, odd))

        assert {"row 4"} == {f.where for f in report.flags}
        assert 4 == len(tracker)


class TestErrors:
    """
    A bad row is named, with its line; strict imports nothing.
    """

    @pytest.mark.parametrize(
        ("columns", "field"),
        [
            (
                {"claimReview_datePublished": "soon"},
                "claimReview_datePublished",
            ),
            (
                {"creativeWork_datePublished": "03/04/2025"},
                "creativeWork_datePublished",
            ),
            ({"rating_ratingValue": "high"}, "rating_ratingValue"),
            ({"rating_alternateName": "—"}, "rating_alternateName"),
            (
                {"rating_ratingValue": "1", "rating_bestRating": "five"},
                "rating_bestRating",
            ),
            ({"claimReview_url": "checks.example/1"}, "claimReview_url"),
            (
                {"claimReview_claimReviewed": " ", "extra_title": ""},
                "claimReview_claimReviewed",
            ),
        ],
    )
    def test_row_and_column(self, columns, field):
        """
        The error names the row and column, and the line in its reason.
        """
        tracker = ct.Tracker()
        text = csv_text(row(), row(**columns))

        with pytest.raises(ct.InvalidDocumentError) as info:
            claimskg.read(tracker, text)

        assert f"row 2.{field}" == info.value.field
        assert 3 == info.value.line
        assert "(line 3)" in str(info.value)
        assert 0 == len(tracker.events())

    def test_line_counts_multiline_fields(self):
        """
        A field with line breaks moves the next row's line down.
        """
        text = csv_text(
            row(extra_body="one\ntwo\nthree"),
            row(claimReview_datePublished="soon"),
        )

        with pytest.raises(ct.InvalidDocumentError) as info:
            claimskg.read(ct.Tracker(), text)

        assert 5 == info.value.line

    def test_wrong_number_of_fields(self):
        """
        A row with fewer fields than the header is a fault of the row.
        """
        text = csv_text(row()) + "1,2,3\n"

        with pytest.raises(ct.InvalidDocumentError) as info:
            claimskg.read(ct.Tracker(), text)

        assert "row 2" == info.value.field
        assert "3 fields" in str(info.value)

    @pytest.mark.parametrize("text", ["", "a,b,c\n1,2,3\n"])
    def test_not_claimskg(self, text):
        """
        A file without ClaimsKG's header is refused whole.
        """
        with pytest.raises(ct.InvalidDocumentError) as info:
            claimskg.read(ct.Tracker(), text, lenient=True)

        assert ("header", 1) == (info.value.field, info.value.line)

    def test_too_large(self):
        """
        A file over max_bytes is refused before it is read.
        """
        with pytest.raises(ct.DocumentTooLargeError):
            claimskg.read(ct.Tracker(), csv_text(row()), max_bytes=100)

    def test_lenient(self):
        """
        Lenient: good rows come in; bad ones are reported with reasons.
        """
        text = csv_text(
            row(),
            row(claimReview_datePublished="soon"),
            row(claimReview_claimReviewed="Other"),
        )
        tracker, report = imported(text, lenient=True)

        assert 2 == len(tracker)
        assert ["row 2"] == [r.where for r in report.rejected]
        assert "line 3" in report.rejected[0].reason


# -- the corpus --------------------------------------------------------------

# The placeholder names the corpus holds, written out (the importer
# recognises them by pattern).
PLACEHOLDERS = {
    "multiple",
    "multiple authors",
    "multiple people",
    "multiple persons",
    "multiple resources",
    "multiple source",
    "multiple sources",
    "multiples sources",
    "various sources",
    "fb user",
    "whastapp user",
    "whatsapp users",
    "பேஸ்புக் பயனர்",
    "ட்விட்டர் பயனர்",
}
PREFIXES = (
    "facebook user:",
    "facebook user",
    "fb user:",
    "fb user",
    "facebook page",
    "फेसबुक यूजर",
    "ફેસબુક યુઝર",
    "பேஸ்புக் பயனர்",
)
# Writers' pages: a folder of writers on the review's own site. Full Fact's
# rows give no page; its writers are known as such (claimskg.STAFF_WRITTEN).
WRITER_PAGE = re.compile(r"/(author|authors|staff|people)/[^/]+/?$")
NO_PAGES = ("fullfact.org",)
PF_URL = re.compile(r"/factchecks/(\d{4})/(\w{3})/(\d{1,2})/([\w-]+)/")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun")
MONTHS += ("jul", "aug", "sep", "oct", "nov", "dec")


def day(text):
    """
    A Y-M-D date, padded or not.
    """
    year, month, dd = (int(part) for part in text.split("-"))
    return dt.date(year, month, dd)


def host(url):
    """
    A URL's host, without www.
    """
    return url.split("/")[2].removeprefix("www.") if "//" in url else ""


def speaker_keys(r):
    """
    Who a row names as claimants, as keys; a placeholder's key is
    ("group", words). None at all for nobody: a writer, the publisher.
    """
    url, page = r["claimReview_url"], r["claimReview_author_url"]
    found = PF_URL.search(url)
    if "politifact.com" in url and found:
        return [found[4]]
    if page and host(page) == host(url) and WRITER_PAGE.search(page):
        return []
    if not page and host(url) in NO_PAGES:
        return []
    name = r["creativeWork_author_name"].strip().strip('"').strip("\u200f ")
    lowered = name.strip().casefold()
    for prefix in PREFIXES:
        if lowered.startswith(prefix):
            rest = name.strip()[len(prefix) :].strip(" :")
            if rest and lowered not in PLACEHOLDERS:
                lowered = rest.casefold()
            break
    if not lowered or lowered == r["claimReview_author_name"].casefold():
        return []
    if lowered in PLACEHOLDERS:
        return [("group", lowered)]
    return [
        " ".join(part.replace("-", " ").replace(".", "").split())
        for part in lowered.split(" and ")
    ]


def number(text):
    """
    A rating number as the importer labels it.
    """
    value = Decimal(text)
    return str(int(value)) if value == int(value) else str(value)


def expected(path):
    """
    Claims, speakers and verdicts per label, derived from the CSV alone.
    """
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    claims, speakers, verdicts = set(), set(), set()
    unknown = False
    for r in rows:
        url = r["claimReview_url"]
        text = (
            r["claimReview_claimReviewed"].strip() or r["extra_title"].strip()
        )
        if "politifact.com" in url:
            found = PF_URL.search(url)
            said = r["claimReview_datePublished"]
            review = dt.date(
                int(found[1]), MONTHS.index(found[2]) + 1, int(found[3])
            )
        elif "factcheck.afp.com" in url:
            said = r["claimReview_datePublished"]
            review = day(r["creativeWork_datePublished"])
        else:
            said = r["creativeWork_datePublished"]
            review = day(r["claimReview_datePublished"])
        keys = speaker_keys(r)
        unknown = unknown or not keys
        speakers.update(keys)
        for key in keys or [None]:
            # a group's claim is made as one with no claimant
            speaker = None if isinstance(key, tuple) else key
            claim = (text, speaker, day(said) if said else None)
            claims.add(claim)
            label = r["rating_alternateName"].strip()
            if r["rating_ratingValue"]:
                value = number(r["rating_ratingValue"])
                verdicts.add((claim, value, review))
                if label == value:
                    continue
            if label:
                verdicts.add((claim, label, review))
    labels = collections.Counter(label for _, label, _ in verdicts)
    return len(rows), len(claims), len(speakers), unknown, dict(labels)


def corpus_file(name):
    """
    One corpus file, or a skip when the corpus is absent.
    """
    path = CORPUS / f"claimskg_output_sample_{name}.csv"
    if not path.exists():
        pytest.skip("the shared corpora are not here")
    return path


@pytest.fixture(
    name="corpus", scope="module", params=[p.stem for p in FILES] or ["absent"]
)
def _corpus(request):
    if not FILES:
        pytest.skip("the shared corpora are not here")
    path = CORPUS / f"{request.param}.csv"
    tracker = ct.Tracker()
    report = claimskg.read(tracker, path, at=AT)
    return path, tracker, report


def import_file(name):
    """
    A new tracker with one corpus file imported, and the report.
    """
    tracker = ct.Tracker()
    report = claimskg.read(tracker, corpus_file(name), at=AT)
    return tracker, report


class TestCorpus:
    """
    Every ClaimsKG sample imports strictly, with the counts it implies.
    """

    def test_counts(self, corpus):
        """
        Rows, claims, speakers and verdicts per label are as the CSV says.
        """
        path, tracker, report = corpus
        rows, claims, speakers, unknown, labels = expected(path)
        actors = {a.id for a in tracker.actors()}

        assert rows == report.records
        assert report.ok
        assert claims == len(tracker)
        assert unknown == ("unknown-claimant" in actors)
        assert speakers == len(actors - {"unknown-claimant"})
        assert labels == collections.Counter(
            v.label for c in tracker for v in tracker.verdicts(c)
        )

    def test_again_adds_nothing(self, corpus):
        """
        Importing the same file again adds no event.
        """
        path, tracker, _ = corpus
        copy = ct.Tracker.from_events(tracker.events())

        assert 0 == claimskg.read(copy, path).added

    def test_docs_table(self, corpus):
        """
        docs/claimreview.md's corpus table has the counts the CSV implies.
        """
        path, _, _ = corpus
        rows, claims, speakers, _, labels = expected(path)
        page = (ROOT / "docs" / "claimreview.md").read_text(encoding="utf-8")
        site = path.stem.removeprefix("claimskg_output_sample_")
        line = next(
            x for x in page.splitlines() if x.startswith(f"| {site} |")
        )
        cells = [c.strip() for c in line.strip("|").split("|")]
        written = dict(part.rsplit(" ", 1) for part in cells[4].split(", "))

        assert [str(rows), str(claims), str(speakers)] == cells[1:4]
        assert {k: str(v) for k, v in labels.items()} == written

    def test_afp(self):
        """
        AFP: CRLF, fractional ratings, and the bestRating 2.5 row flagged.
        """
        raw = corpus_file("afpfactcheck").read_bytes()
        tracker, report = import_file("afpfactcheck")
        fraction = [
            (v.label, v.scale, v.rating)
            for c in tracker
            for v in tracker.verdicts(c)
            if v.label == "2.5"
        ]
        odd = [f for f in report.flags if "2.5" in f.message]

        assert b"\r\n" in raw
        assert [("2.5", "numeric 1 to 5", Rating.MIXED)] == fraction
        assert {"row 33"} == {f.where for f in odd}
        assert any("differs from the 1 to 5" in f.message for f in odd)
        assert "numeric 1 to 2.5" in {
            v.scale for c in tracker for v in tracker.verdicts(c)
        }

    def test_politifact(self):
        """
        PolitiFact: Bobby Scott from the URL slug; writers are no actors.
        """
        tracker, _ = import_file("politifact")
        (claim,) = tracker.claims(speaker="bobby-scott")

        assert "Bobby Scott" == tracker.actor("bobby-scott").name
        assert dt.date(2021, 7, 12) == claim.said.date
        assert "warren-fiske" not in tracker
        assert all(s.url.startswith("http://") for s in tracker.sources())
        assert "Bobby Scott" in claim.tags
        assert len(claim.tags) == len({t.casefold() for t in claim.tags})

    def test_africacheck(self):
        """
        Africa Check: empty claims fall back to the review's title.
        """
        tracker, report = import_file("africacheck")
        path = corpus_file("africacheck")
        with path.open(encoding="utf-8", newline="") as handle:
            titles = {
                r["extra_title"].strip()
                for r in csv.DictReader(handle)
                if not r["claimReview_claimReviewed"].strip()
            }

        assert titles <= {c.text for c in tracker}
        assert 24 == sum(
            "extra_title is used" in f.message for f in report.flags
        )

    def test_vishvasnews(self):
        """
        Vishvas News: unpadded dates are read; quoted names unquoted.
        """
        tracker, _ = import_file("vishvasnews")
        texts = {s.published.text for s in tracker.sources()}

        assert "2021-7-16" in texts
        assert dt.date(2021, 7, 16) in {
            s.published.date for s in tracker.sources()
        }
        assert "Rohan नाशिककर" in {a.name for a in tracker.actors()}
        assert not any(a.label.startswith('"') for a in tracker.actors())


class TestReviewArticle:
    """
    The evidence a ClaimReview export takes for a review's article.
    """

    def test_review_article(self):
        """
        An imported review's article, a page cited whole, is one.
        """
        tracker, _ = imported(csv_text(row()))
        (evidence,) = tracker.evidence(only(tracker))

        assert is_review_article(tracker, evidence)

    def test_averitec(self):
        """
        AVeriTeC's fact-checking article is one; its answers are not.
        """
        record = {
            "claim": "The wall is 300 miles long.",
            "claim_date": "27-8-2020",
            "fact_checking_article": "https://checks.example/wall",
            "questions": [
                {
                    "question": "How long?",
                    "answers": [
                        {
                            "answer": "3 miles",
                            "source_url": "https://x.example/3",
                        }
                    ],
                }
            ],
        }
        tracker = ct.Tracker()
        averitec.read(tracker, json.dumps([record]))
        article, answer = tracker.evidence(only(tracker))

        assert is_review_article(tracker, article)
        assert not is_review_article(tracker, answer)

    def test_urls_and_sets(self):
        """
        A URL cited with no note is one; an evidence set, or a source
        with no URL, is not.
        """
        tracker = ct.Tracker()
        tracker.add_actor(ct.Actor("jane", "Jane"))
        claim = tracker.add_claim("The bridge cost 2 billion", speaker="jane")
        page = tracker.add_source(ct.Source("page", title="A page"))
        at = "2021-07-20T00:00:00+00:00"
        url = tracker.corroborate(
            claim,
            evidence=ct.evidence.Citation(url="https://checks.example/r"),
            by="checks",
            at=at,
        )
        pair = tracker.corroborate(
            claim,
            evidence=[
                ct.evidence.Citation(url="https://checks.example/a"),
                ct.evidence.Citation(url="https://checks.example/b"),
            ],
            by="checks",
            at=at,
        )
        bare = tracker.corroborate(claim, evidence=page, by="checks", at=at)

        assert is_review_article(tracker, url)
        assert not is_review_article(tracker, pair)
        assert not is_review_article(tracker, bare)
