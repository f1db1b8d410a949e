"""
Tests for claimtrack.formats.claimreview on markup as published in the wild.

Pages with several scripts (some broken, some of other types), relative
URLs, names with roles, arrays and numbers where text is expected, HTML
entities, DataFeeds, microdata and RDFa; and what is written back.
"""

import datetime as dt
import json

import pytest
from hypothesis import given

import claimtrack as ct
from claimtrack import strategies
from claimtrack.formats import claimreview as cr


AT = "2026-01-01T00:00:00+00:00"


def messages(report):
    """
    The report's flags, as (where, message) pairs.
    """
    return [(f.where, f.message) for f in report.flags]


def only(tracker):
    """
    The tracker's one claim.
    """
    (claim,) = list(tracker)
    return claim


def page(*scripts, head="", body=""):
    """
    A news site's page with these JSON-LD scripts (text, or JSON values).
    """
    blocks = "".join(
        '<script type="application/ld+json">\n'
        + (s if isinstance(s, str) else json.dumps(s, ensure_ascii=False))
        + "\n</script>\n"
        for s in scripts
    )
    return (
        '<!DOCTYPE html>\n<html lang="pt-BR"><head>\n'
        '<meta charset="utf-8">\n'
        "<title>Checagem</title>\n"
        f"{head}"
        '<script async src="https://cdn.example/analytics.js"></script>\n'
        f"{blocks}"
        "</head><body>\n"
        f"{body}"
        "<p>Leia tamb&eacute;m &amp; compartilhe</p>\n"
        "</body></html>\n"
    )


# A review as a Brazilian fact-checker publishes it: the claimant's name
# with their office, a relative URL, numbers as text, arrays of one.
AOS_FATOS = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "/verifica/2024/03/prefeito-onibus-gratis/",
    "claimReviewed": ["Curitiba tem &#039;ônibus grátis&#039; para todos"],
    "datePublished": "2024-03-12T09:30:00-03:00",
    "inLanguage": "pt-BR",
    "author": {
        "@type": "Organization",
        "name": "Aos Fatos",
        "url": "https://www.aosfatos.org",
    },
    "reviewRating": {
        "@type": "Rating",
        "ratingValue": "1",
        "bestRating": "5",
        "worstRating": "1",
        "alternateName": "Falso",
        "ratingExplanation": 3,
    },
    "itemReviewed": {
        "@type": "Claim",
        "author": {
            "@type": "Person",
            "name": ["Carlos Mendes", "prefeito de Curitiba"],
        },
        "datePublished": "2024-03-08",
        "appearance": {
            "@type": "CreativeWork",
            "url": "https://www.instagram.com/p/C4xYz12/",
        },
    },
}

NEWS_ARTICLE = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Prefeito diz que ônibus é grátis",
    "datePublished": "2024-03-12T09:30:00-03:00",
}

BREADCRUMBS = {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    "itemListElement": [
        {"@type": "ListItem", "position": 1, "name": "Checagem"},
        {"@type": "ListItem", "position": 2, "name": "Política"},
    ],
}

CANONICAL = (
    '<link rel="canonical" '
    'href="https://www.aosfatos.org/noticias/onibus-gratis/">\n'
)


class TestAuthorNameArray:
    """
    author.name given as [name, role]: the actor gets the role.
    """

    def test_name_and_role(self):
        """
        Strict, the first text is the name and the second the role.
        """
        tracker = ct.Tracker()
        report = cr.read(
            tracker,
            json.dumps(AOS_FATOS),
            base_url="https://www.aosfatos.org/noticias/",
            at=AT,
        )
        speaker = tracker.actor(only(tracker).speaker)

        assert ("carlos-mendes", "Carlos Mendes", "prefeito de Curitiba") == (
            speaker.id,
            speaker.name,
            speaker.role,
        )
        assert (
            "$",
            (
                "itemReviewed.author.name is a list: 'Carlos Mendes' is read "
                "as the name and 'prefeito de Curitiba' as the role"
            ),
        ) in messages(report)

    def test_job_title_wins_over_the_list(self):
        """
        A jobTitle given too is the role; the name is still the first.
        """
        node = dict(
            AOS_FATOS,
            url="https://www.aosfatos.org/x",
            itemReviewed={
                "author": {
                    "name": ["Ana Lima", "vereadora", "PT"],
                    "jobTitle": "Vereadora de Curitiba",
                }
            },
        )
        tracker = ct.Tracker()
        cr.read(tracker, json.dumps(node), at=AT)

        assert ("Ana Lima", "Vereadora de Curitiba") == (
            tracker.actor("ana-lima").name,
            tracker.actor("ana-lima").role,
        )


class TestRelativeUrls:
    """
    URLs without a scheme, or relative, are read against the page.
    """

    def test_base_url_given(self):
        """
        The caller's base_url resolves a relative review URL, flagged.
        """
        tracker = ct.Tracker()
        report = cr.read(
            tracker,
            page(AOS_FATOS),
            base_url="https://www.aosfatos.org/noticias/onibus/",
            at=AT,
        )
        url = (
            "https://www.aosfatos.org/verifica/2024/03/prefeito-onibus-gratis/"
        )

        assert tracker.source(url).publisher == "Aos Fatos"
        assert (
            "script 1.$",
            (
                "url '/verifica/2024/03/prefeito-onibus-gratis/' is relative "
                f"to base_url: read as {url}"
            ),
        ) in messages(report)

    def test_canonical_link(self):
        """
        Without base_url, the page's canonical link is its address.
        """
        tracker = ct.Tracker()
        report = cr.read(tracker, page(AOS_FATOS, head=CANONICAL), at=AT)
        url = (
            "https://www.aosfatos.org/verifica/2024/03/prefeito-onibus-gratis/"
        )

        assert url in tracker
        assert any(
            "is relative to the page's canonical link" in m
            for _, m in messages(report)
        )

    def test_og_url(self):
        """
        Without a canonical link, the page's og:url is its address.
        """
        head = (
            '<meta property="og:url" '
            'content="https://www.aosfatos.org/noticias/x/">\n'
            '<link rel="canonical" href="/noticias/x/">\n'
        )
        tracker = ct.Tracker()
        report = cr.read(tracker, page(AOS_FATOS, head=head), at=AT)

        assert (
            "https://www.aosfatos.org/verifica/2024/03/prefeito-onibus-gratis/"
            in tracker
        )
        assert any("the page's og:url" in m for _, m in messages(report))

    def test_base_url_wins(self):
        """
        base_url counts before the page's canonical link.
        """
        tracker = ct.Tracker()
        cr.read(
            tracker,
            page(AOS_FATOS, head=CANONICAL),
            base_url="http://mirror.example/a/",
            at=AT,
        )

        assert (
            "http://mirror.example/verifica/2024/03/prefeito-onibus-gratis/"
            in tracker
        )

    @pytest.mark.parametrize(
        ("given", "expected"),
        [
            (
                "example.org/news/2024/03/claim-check",
                "http://example.org/news/2024/03/claim-check",
            ),
            (
                "www.boatos.org/politica/x.html",
                "http://www.boatos.org/politica/x.html",
            ),
            ("//checks.example/x", "http://checks.example/x"),
            ("../outra/", "http://checks.example/verifica/outra/"),
            ("x.html", "http://checks.example/verifica/2024/x.html"),
        ],
    )
    def test_shapes(self, given, expected):
        """
        A host without a scheme gets the page's scheme (http here); a path
        is joined to the page's address.
        """
        node = dict(AOS_FATOS, url=given)
        tracker = ct.Tracker()
        report = cr.read(
            tracker,
            json.dumps(node),
            base_url="http://checks.example/verifica/2024/",
            at=AT,
        )

        assert expected in tracker
        assert any(
            m.endswith(f"read as {expected}") for _, m in messages(report)
        )

    def test_host_without_scheme_and_no_base(self):
        """
        With no address known, a host without a scheme is read as https.
        """
        node = dict(AOS_FATOS, url="example.org/news/claim")
        tracker = ct.Tracker()
        report = cr.read(tracker, json.dumps(node), at=AT)

        assert "https://example.org/news/claim" in tracker
        assert (
            "$",
            (
                "url 'example.org/news/claim' has no scheme: read as "
                "https://example.org/news/claim"
            ),
        ) in messages(report)

    def test_unresolvable_keeps_the_review(self):
        """
        Strict, a relative URL with no address keeps the review, flagged.
        """
        tracker = ct.Tracker()
        report = cr.read(tracker, json.dumps(AOS_FATOS), at=AT)
        claim = only(tracker)

        assert report.ok
        assert ["1", "Falso"] == sorted(
            v.label for v in tracker.verdicts(claim)
        )
        assert [] == tracker.evidence(claim)
        assert (
            "$",
            (
                "url '/verifica/2024/03/prefeito-onibus-gratis/' is relative, "
                "and the page's address is unknown (give base_url): the "
                "review's article is not kept"
            ),
        ) in messages(report)

    def test_relative_appearance_and_author(self):
        """
        An appearance's and an author's relative URLs are read too.
        """
        node = dict(
            AOS_FATOS,
            author={"@type": "Organization", "url": "/"},
            itemReviewed={
                "author": "Carlos Mendes",
                "appearance": {"url": "/arquivo/post-123"},
            },
        )
        tracker = ct.Tracker()
        cr.read(
            tracker,
            json.dumps(node),
            base_url="https://lupa.example/verifica/",
            at=AT,
        )
        claim = only(tracker)

        assert "https://lupa.example/arquivo/post-123" == claim.source
        assert "lupa.example" == tracker.verdicts(claim)[0].by

    def test_relative_appearance_without_base_is_not_kept(self):
        """
        An appearance that cannot be resolved is flagged, not kept.
        """
        node = dict(
            AOS_FATOS,
            url="https://lupa.example/v/1",
            itemReviewed={"appearance": "/arquivo/post-123"},
        )
        tracker = ct.Tracker()
        report = cr.read(tracker, json.dumps(node), at=AT)

        assert only(tracker).source is None
        assert any(
            m.startswith("itemReviewed.appearance '/arquivo/post-123' is")
            and m.endswith(": it is not kept")
            for _, m in messages(report)
        )

    @pytest.mark.parametrize(
        ("base_url", "error"),
        [
            ("/relative", ct.InvalidValueError),
            ("ftp://files.example/", ct.InvalidValueError),
            (5, ct.InvalidTypeError),
        ],
    )
    def test_bad_base_url(self, base_url, error):
        """
        A base_url that is no absolute http(s) URL is refused.
        """
        tracker = ct.Tracker()

        with pytest.raises(error) as info:
            cr.read(tracker, json.dumps(AOS_FATOS), base_url=base_url)

        assert ("base_url", base_url) == (info.value.field, info.value.value)
        assert 0 == len(tracker.events())


class TestNumbersAndArrays:
    """
    Numbers where text is expected, text where numbers are, arrays of one.
    """

    def test_numbers_as_strings_and_explanation_as_number(self):
        """
        "1" on "1" to "5" is a rating; an explanation 3 is the text "3".
        """
        tracker = ct.Tracker()
        cr.read(
            tracker,
            json.dumps(AOS_FATOS),
            base_url="https://www.aosfatos.org/",
            at=AT,
        )
        verdicts = {v.label: v for v in tracker.verdicts(only(tracker))}

        assert "numeric 1 to 5" == verdicts["1"].scale
        assert "3" == verdicts["Falso"].rationale

    def test_empty_best_rating(self):
        """
        bestRating "" is missing: schema.org's 5, flagged.
        """
        rating = {"ratingValue": "2", "bestRating": "", "worstRating": 1}
        node = dict(AOS_FATOS, reviewRating=rating, url="https://x.example/1")
        tracker = ct.Tracker()
        report = cr.read(tracker, json.dumps(node), at=AT)

        assert ["numeric 1 to 5"] == [
            v.scale for v in tracker.verdicts(only(tracker))
        ]
        assert (
            "$",
            "bestRating is missing: schema.org's default 5 is used",
        ) in messages(report)

    def test_one_element_arrays(self):
        """
        Text fields, dates and ratings given as arrays of one are read.
        """
        node = {
            "@type": "ClaimReview",
            "url": ["https://checks.example/1"],
            "claimReviewed": [{"@value": "Taxes doubled", "@language": "en"}],
            "name": ["Did taxes double?"],
            "datePublished": ["2024-05-02"],
            "author": {"name": ["Example Checks"]},
            "reviewRating": {
                "alternateName": ["False"],
                "ratingValue": [1],
            },
            "itemReviewed": [{"author": {"name": "Tom Reyes"}}],
        }
        tracker = ct.Tracker()
        report = cr.read(tracker, json.dumps(node), at=AT)
        claim = only(tracker)

        assert "Taxes doubled" == claim.text
        assert "tom-reyes" == claim.speaker
        assert "Did taxes double?" == tracker.source(node["url"][0]).title
        assert {"False", "1"} == {v.label for v in tracker.verdicts(claim)}
        assert report.ok

    def test_repeated_value_is_one(self):
        """
        The same text twice (as microdata often repeats it) is one value.
        """
        node = dict(
            AOS_FATOS,
            url="https://x.example/1",
            claimReviewed=["Curitiba tem ônibus grátis"] * 2,
        )
        tracker = ct.Tracker()
        report = cr.read(tracker, json.dumps(node), at=AT)

        assert "Curitiba tem ônibus grátis" == only(tracker).text
        assert not any("values" in m for _, m in messages(report))

    def test_longer_array_strict(self):
        """
        Strict, two claims in claimReviewed are an error naming the field.
        """
        node = dict(AOS_FATOS, claimReviewed=["Um", "Dois"])
        tracker = ct.Tracker()

        with pytest.raises(ct.InvalidDocumentError) as info:
            cr.read(tracker, json.dumps(node))

        assert "$.claimReviewed" == info.value.field
        assert "has 2 values where one is expected" in str(info.value)
        assert 0 == len(tracker.events())

    def test_longer_array_lenient(self):
        """
        Lenient, the first is taken and the record flagged.
        """
        node = dict(
            AOS_FATOS, url="https://x.example/1", claimReviewed=["Um", "Dois"]
        )
        tracker = ct.Tracker()
        report = cr.read(tracker, json.dumps(node), lenient=True, at=AT)

        assert "Um" == only(tracker).text
        assert ("$", "claimReviewed has 2 values: only the first is kept") in (
            messages(report)
        )

    def test_name_as_number_is_not_text(self):
        """
        A number is text only where it may be: not as a claimant's name.
        """
        node = dict(AOS_FATOS, itemReviewed={"author": {"name": 42}})

        with pytest.raises(ct.InvalidDocumentError) as info:
            cr.read(ct.Tracker(), json.dumps(node))

        assert "$.itemReviewed.author.name" == info.value.field


class TestEntities:
    """
    HTML entities in JSON-LD text, escaped once or twice, are decoded.
    """

    def test_decoded(self):
        """
        &#039;, &amp;quot; and &amp;amp; come out as the characters.
        """
        node = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": "https://checks.example/a?x=1&amp;y=2",
            "claimReviewed": "O&#039;Brien said &amp;quot;taxes&amp;quot; "
            "rose &amp;amp; fell",
            "name": "Fact check: O&#039;Brien",
            "author": {"name": "Checks &amp; Balances"},
            "datePublished": "2024-05-02",
            "reviewRating": {"alternateName": "Mostly&#x20;False"},
            "itemReviewed": {"author": {"name": "Pat O&#039;Brien"}},
            "keywords": "taxes, O&#039;Brien",
        }
        tracker = ct.Tracker()
        cr.read(tracker, json.dumps(node), at=AT)
        claim = only(tracker)
        article = tracker.source("https://checks.example/a?x=1&y=2")

        assert 'O\'Brien said "taxes" rose & fell' == claim.text
        assert "Pat O'Brien" == tracker.actor(claim.speaker).name
        assert ("Fact check: O'Brien", "Checks & Balances") == (
            article.title,
            article.publisher,
        )
        assert ("taxes", "O'Brien") == claim.tags
        assert ["Mostly False"] == [v.label for v in tracker.verdicts(claim)]


class TestOtherScripts:
    """
    A page's other scripts: broken, or of other types, never fail it.
    """

    def test_unrelated_types_are_flagged(self):
        """
        NewsArticle, BreadcrumbList and Organization blocks are passed
        over, each flagged.
        """
        organization = {"@type": "Organization", "name": "Aos Fatos"}
        tracker = ct.Tracker()
        report = cr.read(
            tracker,
            page(NEWS_ARTICLE, BREADCRUMBS, AOS_FATOS, organization),
            base_url="https://www.aosfatos.org/",
            at=AT,
        )

        assert 1 == len(tracker)
        assert 1 == report.records
        assert [
            (
                "script 1",
                "holds no ClaimReview or Claim (NewsArticle): passed over",
            ),
            (
                "script 2",
                "holds no ClaimReview or Claim (BreadcrumbList): passed over",
            ),
            (
                "script 4",
                "holds no ClaimReview or Claim (Organization): passed over",
            ),
        ] == [m for m in messages(report) if m[0] != "script 3.$"]

    def test_raw_newlines_are_escaped(self):
        """
        A block with raw line breaks and tabs in its strings is read as
        browsers read it, and flagged; strict too.
        """
        broken_article = (
            '{"@context": "https://schema.org", "@type": "NewsArticle",\n'
            ' "description": "Primeira linha\nsegunda\tlinha"}'
        )
        review = json.dumps(dict(AOS_FATOS, url="https://x.example/1"))
        broken_review = review.replace('"Curitiba', '"Curitiba\n')
        tracker = ct.Tracker()
        report = cr.read(tracker, page(broken_article, broken_review), at=AT)

        assert "Curitiba\n tem 'ônibus grátis' para todos" == (
            only(tracker).text
        )
        assert [
            (
                "script 1",
                (
                    "has raw line breaks or tabs inside its strings: read "
                    "with them escaped, as browsers read it"
                ),
            ),
            (
                "script 2",
                (
                    "has raw line breaks or tabs inside its strings: read "
                    "with them escaped, as browsers read it"
                ),
            ),
            (
                "script 1",
                "holds no ClaimReview or Claim (NewsArticle): passed over",
            ),
        ] == [m for m in messages(report) if not m[0].startswith("script 2.")]

    def test_broken_unrelated_block_is_passed_over(self):
        """
        Strict, a broken block that names no ClaimReview is flagged only.
        """
        broken = '{"@type": "WebSite", "name": "Aos Fatos",}'
        tracker = ct.Tracker()
        report = cr.read(
            tracker,
            page(broken, AOS_FATOS),
            base_url="https://www.aosfatos.org/",
            at=AT,
        )
        where, message = messages(report)[0]

        assert 1 == len(tracker)
        assert "script 1" == where
        assert message.startswith("is not JSON: Expecting property name")
        assert message.endswith(", and names no ClaimReview: passed over")

    def test_broken_review_block_still_fails(self):
        """
        Strict, a broken block that names a ClaimReview is an error.
        """
        broken = '{"@type": "ClaimReview", "claimReviewed": "x",}'
        tracker = ct.Tracker()

        with pytest.raises(ct.InvalidDocumentError) as info:
            cr.read(tracker, page(NEWS_ARTICLE, broken))

        assert "script 2.$" == info.value.field
        assert 0 == len(tracker.events())

    def test_nested_script_text(self):
        """
        An embed's script inside a JSON string, escaped as pages do, stays
        in its block; a script in the body is not JSON-LD.
        """
        embed = dict(
            AOS_FATOS,
            url="https://x.example/1",
            reviewBody="<blockquote>post</blockquote><script async "
            'src="https://www.instagram.com/embed.js"><\\/script>',
        )
        body = '<script>var ld = {"@type": "ClaimReview"};</script>\n'
        tracker = ct.Tracker()
        report = cr.read(
            tracker,
            page(embed, body=body).replace("<\\\\/script>", "<\\/script>"),
            at=AT,
        )

        assert 1 == report.records
        assert 1 == len(tracker)

    def test_only_unrelated_blocks(self):
        """
        A page with no ClaimReview is an error naming what it holds, or
        leniently a flag.
        """
        html = page(NEWS_ARTICLE, BREADCRUMBS)

        with pytest.raises(ct.InvalidDocumentError) as info:
            cr.read(ct.Tracker(), html)
        report = cr.read(ct.Tracker(), html, lenient=True)

        assert ("page", "BreadcrumbList, NewsArticle") == (
            info.value.field,
            info.value.value,
        )
        assert (
            "page",
            (
                "the input has no ClaimReview or Claim (BreadcrumbList, "
                "NewsArticle)"
            ),
        ) == messages(report)[-1]


# A Data Commons feed: items alone or in lists.
FEED = {
    "@context": "https://schema.org",
    "@type": "DataFeed",
    "name": "Example Checks fact-check feed",
    "dateModified": "2024-05-03T10:00:00Z",
    "dataFeedElement": [
        {
            "@type": "DataFeedItem",
            "dateCreated": "2024-05-02T10:00:00Z",
            "item": {
                "@type": "ClaimReview",
                "url": "https://checks.example/feed/1",
                "claimReviewed": "Inflation hit 20% in April",
                "author": {
                    "@type": "Organization",
                    "name": "Example Checks",
                },
                "datePublished": "2024-05-02",
                "reviewRating": {
                    "@type": "Rating",
                    "alternateName": "False",
                },
                "itemReviewed": {"author": "Sam Ortiz"},
            },
        },
        {
            "@type": "DataFeedItem",
            "item": [
                {
                    "@type": "ClaimReview",
                    "url": "https://checks.example/feed/2",
                    "claimReviewed": "Bread costs twice what it did",
                    "author": {"name": "Example Checks"},
                    "datePublished": "2024-05-02",
                    "reviewRating": {"alternateName": "Mostly True"},
                    "itemReviewed": {"author": "Sam Ortiz"},
                },
                {
                    "@type": "ClaimReview",
                    "claimReviewed": "Rent fell",
                    "datePublished": "2024-05-02",
                    "reviewRating": {"alternateName": "Soon"},
                },
            ],
        },
    ],
}


class TestDataFeed:
    """
    ClaimReviews in a Data Commons DataFeed.
    """

    def test_items_are_read(self):
        """
        Every item, alone or in a list, is a record named by its path.
        """
        tracker = ct.Tracker()
        report = cr.read(tracker, json.dumps(FEED), at=AT)

        assert 3 == report.records
        assert 3 == len(tracker)
        assert {
            "$.dataFeedElement[1].item[1]",
        } == {w for w, _ in messages(report)}

    def test_errors_name_the_feed_path(self):
        """
        A bad item is named by its place in the feed.
        """
        feed = json.loads(json.dumps(FEED))
        feed["dataFeedElement"][0]["item"]["datePublished"] = "someday"

        with pytest.raises(ct.InvalidDocumentError) as info:
            cr.read(ct.Tracker(), json.dumps(feed))

        assert "$.dataFeedElement[0].item.datePublished" == info.value.field


ON_PAGE = dict(AOS_FATOS, url="https://www.aosfatos.org/v/1")


class TestPageDetection:
    """
    A page that does not begin with "<"; saying what the input is.
    """

    @pytest.mark.parametrize(
        "before",
        [
            "\ufeff",
            "\n\n   \t",
            "\ufeff\n\n<!-- cache: hit 2024-03-12 -->\n",
            ")]}'\n",
            "\n\n\n",
        ],
    )
    def test_read_as_a_page(self, before):
        """
        A BOM, white space, a comment or a )]}' guard before the page.
        """
        tracker = ct.Tracker()
        report = cr.read(tracker, before + page(ON_PAGE), at=AT)

        assert 1 == len(tracker)
        assert 1 == report.records
        assert "script 1.$" == report.flags[0].where

    def test_bytes_with_a_bom(self, tmp_path):
        """
        A saved page with a BOM is told as a page, and read as one.
        """
        path = tmp_path / "checagem.txt"
        path.write_bytes(b"\xef\xbb\xbf\r\n" + page(ON_PAGE).encode())

        assert "claimreview" == ct.formats.detect(path)
        assert cr.detects_page("\ufeff)]}'\n<html>", ".txt")
        assert 1 == cr.read(ct.Tracker(), path).records

    def test_guarded_json(self):
        """
        JSON-LD behind a )]}' guard is JSON, its lines counted in the file.
        """
        tracker = ct.Tracker()
        cr.read(tracker, ")]}'\n" + json.dumps(ON_PAGE), at=AT)

        with pytest.raises(ct.InvalidDocumentError) as info:
            cr.read(ct.Tracker(), ')]}\',\n\n{\n  "@type": }')

        assert 1 == len(tracker)
        assert 4 == info.value.line

    def test_kind_page(self):
        """
        kind="page" reads a page that begins with text.
        """
        html = "Saved from the web\n" + page(ON_PAGE)

        with pytest.raises(ct.InvalidDocumentError):
            cr.read(ct.Tracker(), html)
        report = cr.read(ct.Tracker(), html, kind="page")

        assert 1 == report.records

    def test_kind_jsonld(self):
        """
        kind="jsonld" reads JSON even where a page might be guessed.
        """
        with pytest.raises(ct.InvalidDocumentError) as info:
            cr.read(ct.Tracker(), "<html></html>", kind="jsonld")

        assert "is not JSON" in str(info.value)
        assert (
            1
            == cr.read(
                ct.Tracker(), json.dumps(ON_PAGE), kind="jsonld"
            ).records
        )

    def test_bad_kind(self):
        """
        A kind that is neither is refused, naming it.
        """
        with pytest.raises(ct.InvalidValueError) as info:
            cr.read(ct.Tracker(), "{}", kind="html")

        assert ("kind", "html") == (info.value.field, info.value.value)


class TestItemReviewedSource:
    """
    The post or article that made the claim is the claim's source.
    """

    def test_item_url(self):
        """
        itemReviewed.url is the source when no appearance is given.
        """
        node = dict(
            AOS_FATOS,
            url="https://www.aosfatos.org/v/1",
            itemReviewed={
                "@type": "Claim",
                "url": "https://x.com/cmendes/status/1767",
                "author": {"@type": "Person", "name": "Carlos Mendes"},
                "datePublished": "2024-03-08",
            },
        )
        tracker = ct.Tracker()
        cr.read(tracker, json.dumps(node), at=AT)
        claim = only(tracker)
        post = tracker.source(claim.source)

        assert "https://x.com/cmendes/status/1767" == post.url
        assert "2024-03-08" == str(post.published)
        assert post.title is None

    def test_creative_work_item(self):
        """
        A CreativeWork item gives its headline, date and author too.
        """
        node = dict(
            AOS_FATOS,
            url="https://www.aosfatos.org/v/1",
            itemReviewed={
                "@type": "CreativeWork",
                "url": "https://blog.example/2024/03/onibus",
                "headline": "Ônibus de graça em Curitiba!",
                "datePublished": "2024-03-07",
                "author": {"@type": "Person", "name": "Carlos Mendes"},
                "publisher": {
                    "@type": "Organization",
                    "name": "Blog do Carlos",
                },
            },
        )
        tracker = ct.Tracker()
        cr.read(tracker, json.dumps(node), at=AT)
        claim = only(tracker)
        post = tracker.source(claim.source)

        assert "carlos-mendes" == claim.speaker
        assert (
            "Ônibus de graça em Curitiba!",
            "Blog do Carlos",
            "2024-03-07",
        ) == (post.title, post.publisher, str(post.published))
        assert "https://www.aosfatos.org/v/1" in tracker  # the review's own

    def test_appearance_work_with_author(self):
        """
        An appearance with an author and no publisher names its author.
        """
        appearance = {
            "@type": "SocialMediaPosting",
            "url": "https://www.facebook.com/groups/curitiba/posts/998",
            "headline": "ÔNIBUS GRÁTIS",
            "datePublished": "2024-03-06T21:04:00-03:00",
            "author": {"@type": "Person", "name": "Grupo Curitiba Unida"},
        }
        node = dict(
            AOS_FATOS,
            url="https://www.aosfatos.org/v/1",
            itemReviewed={
                "author": "Carlos Mendes",
                "url": "https://x.com/cmendes/status/1767",
                "firstAppearance": appearance,
            },
        )
        tracker = ct.Tracker()
        report = cr.read(tracker, json.dumps(node), at=AT)
        post = tracker.source(only(tracker).source)

        assert (appearance["url"], "Grupo Curitiba Unida", "2024-03-06") == (
            post.url,
            post.publisher,
            str(post.published),
        )
        assert any("appeared in 2 places" in m for _, m in messages(report))


MICRODATA = """<!doctype html>
<html lang="es">
<head>
<link rel="canonical" href="https://www.chequeado.example/verificacion/">
</head>
<body>
<nav itemscope itemtype="https://schema.org/BreadcrumbList">
  <span itemprop="itemListElement">Inicio</span>
</nav>
<article itemscope itemtype="https://schema.org/ClaimReview">
  <link itemprop="url" href="/verificacion/inflacion-abril/">
  <meta itemprop="datePublished" content="2024-05-03">
  <h1 itemprop="name">Es falso que la inflaci&oacute;n fue de 20% en abril</h1>
  <p>Lo que se dijo: <q itemprop="claimReviewed">La inflaci&oacute;n
     de abril fue   del 20%</q></p>
  <div itemprop="author" itemscope itemtype="https://schema.org/Organization">
    <meta itemprop="name" content="Chequeado">
    <img itemprop="logo" src="/logo.png">
  </div>
  <div itemprop="itemReviewed" itemscope itemtype="https://schema.org/Claim">
    <div itemprop="author" itemscope itemtype="https://schema.org/Person">
      <span itemprop="name">Laura Pérez</span>,
      <span itemprop="jobTitle">diputada nacional</span>
    </div>
    <time itemprop="datePublished" datetime="2024-05-01">1 de mayo</time>
    <a itemprop="appearance" href="https://www.youtube.com/watch?v=abc123">video</a>
  </div>
  <div itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating">
    <span itemprop="alternateName">Falso</span>
    <meta itemprop="ratingValue" content="1"/>
    <meta itemprop="worstRating" content="1">
    <meta itemprop="bestRating" content="5">
    <script>document.write("not a property");</script>
  </div>
  <p>Texto<br>de la nota
</article>
</body>
</html>
"""

RDFA = """<!DOCTYPE html>
<html lang="fr">
<body vocab="https://schema.org/">
<meta property="og:url" content="https://factuel.example/articles/retraites">
<article typeof="ClaimReview" resource="#review">
  <a property="url" href="/articles/retraites-64-ans">Lien</a>
  <h1 property="headline">Non, l'âge de départ n'est pas de 70 ans</h1>
  <span property="claimReviewed">L'âge de départ à la retraite
    passe à 70 ans</span>
  <time property="datePublished"
        datetime="2024-02-10T08:00:00+01:00">10 février</time>
  <div property="author" typeof="Organization">
    <span property="name">Factuel</span>
  </div>
  <div property="itemReviewed" typeof="Claim">
    <div property="author" typeof="Person">
      <span property="schema:name">Marc Dupont</span>
    </div>
    <meta property="datePublished" content="2024-02-08">
  </div>
  <div property="reviewRating" typeof="Rating">
    <span property="alternateName">Faux</span>
  </div>
</article>
</body>
</html>
"""


class TestMicrodataAndRdfa:
    """
    ClaimReview given as microdata or RDFa, not JSON-LD.
    """

    def test_microdata(self):
        """
        A microdata ClaimReview comes in whole, strictly.
        """
        tracker = ct.Tracker()
        report = cr.read(tracker, MICRODATA, at=AT)
        claim = only(tracker)
        speaker = tracker.actor(claim.speaker)
        url = "https://www.chequeado.example/verificacion/inflacion-abril/"
        article = tracker.source(url)

        assert "La inflación de abril fue del 20%" == claim.text
        assert ("Laura Pérez", "diputada nacional") == (
            speaker.name,
            speaker.role,
        )
        assert "2024-05-01" == str(claim.said)
        assert "https://www.youtube.com/watch?v=abc123" == claim.source
        assert (
            "Es falso que la inflación fue de 20% en abril",
            "Chequeado",
            "2024-05-03",
        ) == (article.title, article.publisher, str(article.published))
        assert {"Falso", "1"} == {v.label for v in tracker.verdicts(claim)}
        assert (
            "microdata 1",
            "holds no ClaimReview or Claim (BreadcrumbList): passed over",
        ) in messages(report)
        assert ["microdata 2.$"] == [
            w for w, _ in messages(report) if w.startswith("microdata 2")
        ]

    def test_rdfa(self):
        """
        An RDFa ClaimReview comes in whole, its URL read against og:url.
        """
        tracker = ct.Tracker()
        report = cr.read(tracker, RDFA, at=AT)
        claim = only(tracker)
        url = "https://factuel.example/articles/retraites-64-ans"

        assert "L'âge de départ à la retraite passe à 70 ans" == claim.text
        assert "marc-dupont" == claim.speaker
        assert "2024-02-08" == str(claim.said)
        assert ["Faux"] == [v.label for v in tracker.verdicts(claim)]
        assert tracker.verdicts(claim)[0].at == dt.datetime(
            2024, 2, 10, 7, tzinfo=dt.UTC
        )
        assert "Non, l'âge de départ n'est pas de 70 ans" == (
            tracker.source(url).title
        )
        assert any(
            "og:url" in m for w, m in messages(report) if w == "rdfa 1.$"
        )

    def test_errors_name_the_item(self):
        """
        A bad microdata field is named by its item and path.
        """
        bad = MICRODATA.replace('content="2024-05-03"', 'content="ayer"')

        with pytest.raises(ct.InvalidDocumentError) as info:
            cr.read(ct.Tracker(), bad)

        assert "microdata 2.$.datePublished" == info.value.field

    def test_other_vocabularies_and_nesting(self):
        """
        og: properties are not schema.org's; a property with no item is
        passed over; an unclosed element closes with its parent; the text
        is the elements' text content, as the microdata spec has it.
        """
        html = (
            '<div vocab="https://schema.org/" typeof="ClaimReview">'
            '<meta property="og:title" content="Not the claim">'
            '<span property="claimReviewed">The real claim'
            "<p>still it</div>"
            '<span property="name">outside</span>'
            '<span itemprop="name">outside too</span>'
        )
        tracker = ct.Tracker()
        report = cr.read(tracker, html, lenient=True, at=AT)

        assert "The real claimstill it" == only(tracker).text
        assert {"rdfa 1.$"} == {f.where for f in report.flags}
        assert 1 == report.records


class TestMarkupDetails:
    """
    The corners of microdata and of the fields that fact-checkers fill.
    """

    def test_microdata_corners(self):
        """
        Full-IRI itemprops, repeated properties, untyped items, style
        blocks, self-closed items and a stray end tag.
        """
        html = (
            "<style>.claim{color:red}</style>\n"
            '<div itemscope itemtype="https://schema.org/ClaimReview">\n'
            '<span itemprop="https://schema.org/claimReviewed">'
            "Water is dry</span>\n"
            '<meta itemprop="keywords" content="water">'
            '<meta itemprop="keywords" content="dry">'
            '<meta itemprop="keywords" content="science">\n'
            '<div itemprop="itemReviewed" itemscope>'
            '<span itemprop="author">Lee Park</span></div>\n'
            '<div itemprop="reviewRating" itemscope '
            'itemtype="https://schema.org/Rating"/>\n'
            '<meta itemprop="url" content="https://checks.example/water">\n'
            "</div></section>"
        )
        tracker = ct.Tracker()
        report = cr.read(tracker, html, at=AT)
        claim = only(tracker)

        assert ("Water is dry", "lee-park") == (claim.text, claim.speaker)
        assert ("water", "dry", "science") == claim.tags
        assert (
            "microdata 1.$",
            "the review gives no rating: no verdict is added",
        ) in messages(report)

    def test_whole_number_explanation(self):
        """
        A ratingExplanation of 3.0 is the text "3".
        """
        rating = {"alternateName": "False", "ratingExplanation": 3.0}
        node = dict(AOS_FATOS, url="https://x.example/1", reviewRating=rating)
        tracker = ct.Tracker()
        cr.read(tracker, json.dumps(node), at=AT)

        assert ["3"] == [v.rationale for v in tracker.verdicts(only(tracker))]

    def test_publisher_from_the_author_url(self):
        """
        A publisher with neither name nor URL: the author's site names it.
        """
        node = dict(
            AOS_FATOS,
            url="https://x.example/1",
            publisher={"@type": "Organization"},
            author={"@type": "Person", "url": "https://www.lupa.example/"},
        )
        tracker = ct.Tracker()
        cr.read(tracker, json.dumps(node), at=AT)

        assert ["lupa.example"] * 2 == [
            v.by for v in tracker.verdicts(only(tracker))
        ]


class TestWriting:
    """
    What is written back: ids, dates, authors and appearances as known.
    """

    def test_unnamed_group(self):
        """
        An unnamed group with no role is no author at all.
        """
        tracker = ct.Tracker()
        tracker.add_actor(ct.Actor("grp-7", kind="group"))
        tracker.add_claim("Prices rose", speaker="grp-7")
        (written,) = cr.to_jsonld(tracker)

        assert "author" not in written
        assert "grp-7" not in json.dumps(written)

    def test_unnamed_group_with_a_url(self):
        """
        An unnamed group known by a URL is an Organization with that URL.
        """
        tracker = ct.Tracker()
        tracker.add_actor(
            ct.Actor("grp-8", kind="group", aliases=("https://t.me/rumores",))
        )
        claim = tracker.add_claim("Prices rose", speaker="grp-8")
        tracker.rate(claim, "false", by="desk", at=AT)
        (written,) = cr.to_jsonld(tracker)

        assert {
            "@type": "Organization",
            "url": "https://t.me/rumores",
        } == written["itemReviewed"]["author"]
        assert {"@type": "Organization", "name": "desk"} == written["author"]

    def test_undated_review_has_no_date(self):
        """
        A review imported without a date is written without one, with or
        without an article; a dated one keeps its date.
        """
        undated = {
            "@type": "ClaimReview",
            "url": "https://checks.example/u",
            "claimReviewed": "Undated claim",
            "author": {"name": "Example Checks"},
            "reviewRating": {"alternateName": "False"},
        }
        no_url = dict(undated, claimReviewed="No URL either")
        no_url.pop("url")
        dated = dict(
            undated,
            url="https://checks.example/d",
            claimReviewed="Dated claim",
            datePublished="2024-01-02",
        )
        tracker = ct.Tracker()
        cr.read(tracker, json.dumps([undated, no_url, dated]), at=AT)
        written = {w["claimReviewed"]: w for w in cr.to_jsonld(tracker)}

        assert "datePublished" not in written["Undated claim"]
        assert "datePublished" not in written["No URL either"]
        assert "2024-01-02" == written["Dated claim"]["datePublished"]
        again = ct.Tracker()
        cr.read(again, cr.dumps(tracker), at="2026-02-02T00:00:00+00:00")
        assert written == {w["claimReviewed"]: w for w in cr.to_jsonld(again)}

    def test_own_rating_keeps_its_date(self):
        """
        An analyst's verdict with an undated article keeps its time.
        """
        tracker = ct.Tracker()
        tracker.add_actor(ct.Actor("rubio", "Marco Rubio"))
        claim = tracker.add_claim(
            "X", speaker="rubio", at="2025-02-01T00:00:00+00:00"
        )
        notes = tracker.add_source(
            ct.Source("notes", url="https://desk.example/notes"),
            at="2025-02-01T00:00:00+00:00",
        )
        at = "2025-02-05T10:00:00+00:00"
        tracker.rate(claim, "true", by="ana", at=at)
        tracker.corroborate(claim, evidence=notes, by="ana", at=at)
        (written,) = cr.to_jsonld(tracker)

        assert at == written["datePublished"]

    def test_author_urls(self):
        """
        A claimant's and a publisher's known URLs are written.
        """
        tracker = ct.Tracker()
        tracker.add_actor(
            ct.Actor(
                "carlos-mendes",
                "Carlos Mendes",
                aliases=("Mendes", "https://x.com/cmendes"),
            )
        )
        tracker.add_actor(
            ct.Actor(
                "aos-fatos",
                "Aos Fatos",
                kind="organization",
                aliases=("https://www.aosfatos.org",),
            )
        )
        claim = tracker.add_claim("Ônibus grátis", speaker="carlos-mendes")
        tracker.rate(claim, "false", by="Aos Fatos", at=AT)
        (written,) = cr.to_jsonld(tracker)

        assert {
            "@type": "Organization",
            "name": "Aos Fatos",
            "url": "https://www.aosfatos.org",
        } == written["author"]
        assert (
            "https://x.com/cmendes" == written["itemReviewed"]["author"]["url"]
        )

    def test_claimant_given_only_by_url(self):
        """
        A claimant given only by URL is named by it, written back with it,
        and the claim keeps its id across export and import.
        """
        node = dict(
            AOS_FATOS,
            url="https://www.aosfatos.org/v/9",
            itemReviewed={
                "author": {"@type": "Person", "url": "https://x.com/cmendes/"},
                "datePublished": "2024-03-08",
            },
        )
        tracker = ct.Tracker()
        report = cr.read(tracker, json.dumps(node), at=AT)
        claim = only(tracker)
        again = ct.Tracker()
        cr.read(again, cr.dumps(tracker), at=AT)

        assert "xcom-cmendes" == claim.speaker
        assert ("https://x.com/cmendes/",) == tracker.actor(
            claim.speaker
        ).aliases
        assert (
            "$",
            (
                "itemReviewed.author is given only by its URL, "
                "https://x.com/cmendes/: the claimant is named 'x.com/cmendes'"
            ),
        ) in messages(report)
        assert [claim.id] == [c.id for c in again]
        assert claim.speaker == only(again).speaker

    def test_claimant_url_without_path_names_nobody(self):
        """
        A site's home page names no claimant.
        """
        node = dict(
            AOS_FATOS,
            url="https://www.aosfatos.org/v/9",
            itemReviewed={"author": "https://www.facebook.com/"},
        )
        tracker = ct.Tracker()
        cr.read(tracker, json.dumps(node), at=AT)

        assert cr.UNKNOWN_CLAIMANT.id == only(tracker).speaker

    def test_written_id_clash(self):
        """
        A written @id the tracker holds with other words is a clash.
        """
        tracker = ct.Tracker()
        tracker.add_actor(ct.Actor("rubio", "Marco Rubio"))
        claim = tracker.add_claim("X", speaker="rubio")
        (written,) = cr.to_jsonld(tracker)
        written["text"] = "Something else"

        with pytest.raises(ct.DuplicateIdError) as info:
            cr.read(tracker, json.dumps(written))

        assert "$.@id" == info.value.field
        assert cr.CLAIM_ID + claim.id == info.value.value

    def test_empty_written_id(self):
        """
        A written @id with no claim id after the prefix is an error.
        """
        node = dict(
            AOS_FATOS, itemReviewed={"@id": cr.CLAIM_ID, "author": "Ana"}
        )

        with pytest.raises(ct.InvalidDocumentError) as info:
            cr.read(ct.Tracker(), json.dumps(node))

        assert "$.itemReviewed.@id" == info.value.field

    @given(strategies.trackers(min_claims=1))
    def test_claim_ids_are_stable(self, tracker):
        """
        Export any tracker, import it into a new one: every claim keeps its
        id; and what the new one writes reads back to the same reviews.
        """
        again = ct.Tracker()
        report = cr.read(again, cr.dumps(tracker), at=AT)
        third = ct.Tracker()
        cr.read(third, cr.dumps(again), at="2027-01-01T00:00:00+00:00")

        assert sorted(c.id for c in tracker) == sorted(c.id for c in again)
        assert report.ok
        assert sorted(map(repr, cr.to_jsonld(again))) == sorted(
            map(repr, cr.to_jsonld(third))
        )
