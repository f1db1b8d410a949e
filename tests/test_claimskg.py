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
import re
from decimal import Decimal
from pathlib import Path

import pytest

import claimtrack as ct
from claimtrack.formats import claimskg
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
            ("Jane Ruby and Stew Peters", "Jane Ruby and Stew Peters"),
        ],
    )
    def test_claimant_names(self, name, speaker):
        """
        Quotes, invisible marks and platform prefixes are dropped.
        """
        tracker, _ = imported(csv_text(row(creativeWork_author_name=name)))

        assert speaker == tracker.actor(only(tracker).speaker).name

    @pytest.mark.parametrize(
        "name",
        [
            "Multiple sources",
            "multiple Sources",
            "Multiples sources",
            "Various sources",
            '"FB User"',
            '"WhatsApp Users"',
            '"பேஸ்புக் பயனர்"',
            "examplecheck",
            "",
        ],
    )
    def test_placeholders_name_nobody(self, name):
        """
        Placeholders and the publisher's own name are no claimant.
        """
        tracker, report = imported(
            csv_text(row(creativeWork_author_name=name))
        )

        assert "unknown-claimant" == only(tracker).speaker
        assert any("no claimant" in f.message for f in report.flags)

    @pytest.mark.parametrize(
        "url",
        [
            "https://www.snopes.com/fact-check/x/",
            "https://fullfact.org/health/x/",
            "https://africacheck.org/fact-checks/x",
            "https://www.truthorfiction.com/x/",
        ],
    )
    def test_staff_writers_are_not_claimants(self, url):
        """
        Where ClaimsKG puts the publisher's writer, nobody is named.
        """
        tracker, _ = imported(
            csv_text(row(claimReview_url=url, creativeWork_author_name="Dan"))
        )

        assert "unknown-claimant" == only(tracker).speaker
        assert "dan" not in tracker

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
        them.
        """
        tracker, _ = imported(
            csv_text(row(claimReview_author="Ankita Deshkar,Pallavi Mishra"))
        )

        assert ["jane-doe"] == [a.id for a in tracker.actors()]

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
WRITERS = ("africacheck", "fullfact", "politifact", "snopes", "truthorfiction")
PF_URL = re.compile(r"/factchecks/(\d{4})/(\w{3})/(\d{1,2})/([\w-]+)/")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun")
MONTHS += ("jul", "aug", "sep", "oct", "nov", "dec")


def day(text):
    """
    A Y-M-D date, padded or not.
    """
    year, month, dd = (int(part) for part in text.split("-"))
    return dt.date(year, month, dd)


def speaker_key(name, publisher, url):
    """
    Who the row names as claimant, as a key; None for nobody.
    """
    found = PF_URL.search(url)
    if "politifact.com" in url and found:
        return found[4]
    if any(site in url for site in WRITERS):
        return None
    name = name.strip().strip('"').strip("\u200f ").strip()
    lowered = name.casefold()
    for prefix in PREFIXES:
        if lowered.startswith(prefix):
            rest = name[len(prefix) :].strip(" :")
            if rest and lowered not in PLACEHOLDERS:
                name, lowered = rest, rest.casefold()
            break
    if not name or lowered in PLACEHOLDERS or lowered == publisher.casefold():
        return None
    return " ".join(lowered.replace("-", " ").replace(".", "").split())


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
    for r in rows:
        url = r["claimReview_url"]
        publisher = r["claimReview_author_name"]
        text = (
            r["claimReview_claimReviewed"].strip() or r["extra_title"].strip()
        )
        speaker = speaker_key(r["creativeWork_author_name"], publisher, url)
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
        claim = (text, speaker, day(said) if said else None)
        claims.add(claim)
        if speaker is not None:
            speakers.add(speaker)
        label = r["rating_alternateName"].strip()
        if r["rating_ratingValue"]:
            value = number(r["rating_ratingValue"])
            verdicts.add((claim, value, review))
            if label == value:
                continue
        if label:
            verdicts.add((claim, label, review))
    labels = collections.Counter(label for _, label, _ in verdicts)
    unknown = any(speaker is None for _, speaker, _ in claims)
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
