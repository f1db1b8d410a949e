"""
ClaimsKG CSV: ClaimReview markup as the ClaimsKG extractor flattens it.

Each row is one publisher's review of one claim. The columns that matter:

- ``claimReview_claimReviewed``: the claim (``extra_title``, the review's
  title, when it is empty, as it is in most Africa Check rows);
- ``creativeWork_author_name``: the claimant (`claimants`: a placeholder,
  "Multiple sources", "Varias fuentes", is an unnamed group; a list, "A
  and B", is each of them), except where it is the publisher's own writer
  or the publisher's name (Fatabyyano). The writer is told from the data:
  the row's author URL (``claimReview_author_url`` or
  ``creativeWork_author_sameAs``) is a writer's page on the review's own
  site (``/author/<name>``, ``/autor/``, ``/auteur/``, ``/staff/``,
  ``/people/`` ...) and its last part fits the name; or the name is such
  a writer elsewhere in the file, or one of ``claimReview_author``'s. A
  writer is kept as the review's author, and the claimant is unknown.
  Only where a row gives no author URL at all are the sites of
  `STAFF_WRITTEN` (Full Fact's rows never give one) taken to name their
  writer; quotes around names are dropped;
- ``creativeWork_datePublished``: when the claim was made;
- ``claimReview_url``, ``extra_title``, ``claimReview_author_name``,
  ``claimReview_datePublished``: the review article, its title, its
  publisher and its date;
- ``rating_alternateName`` and ``rating_ratingValue``,
  ``rating_worstRating``, ``rating_bestRating``: the rating;
- ``extra_tags``: tags, deduplicated.

Two publishers' rows differ. In PolitiFact's, ``claimReview_datePublished``
is when the claim was made, and the review's date and the claimant are in
the URL (``/factchecks/2021/jul/22/bobby-scott/...``). In AFP's, the two
dates are swapped: ``claimReview_datePublished`` is the claim's ("The photo
was published on Facebook on June 2, 2021", says the review of 22 June).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import csv
import io
import urllib.parse
from typing import TYPE_CHECKING

import attrs

from claimtrack._text import name_key, split_url
from claimtrack.exceptions import ClaimtrackError, InvalidDocumentError
from claimtrack.formats._claimants import clean_name
from claimtrack.formats._common import (
    MAX_BYTES,
    Flag,
    ImportReport,
    Input,
    read_text,
    run,
)
from claimtrack.formats._datasets import counted
from claimtrack.formats._reviews import (
    Numbers,
    Review,
    check_numbers,
    claimants,
    flag_scales,
    host_name,
    label_of,
    politifact,
    read_moment,
    read_number,
    read_when,
    records,
    source,
    tags_of,
    url_field,
)
from claimtrack.formats._words import word_key


if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterable, Iterator

    from claimtrack._dates import When
    from claimtrack._models import Actor
    from claimtrack._tracker import Tracker


__all__ = [
    "AUTHOR_URLS",
    "CLAIM_DATED_REVIEWS",
    "MAX_BYTES",
    "STAFF_WRITTEN",
    "WRITER_PAGES",
    "detects",
    "read",
]

REQUIRED = ("claimReview_claimReviewed", "claimReview_url")
"""The columns a ClaimsKG file must have."""

STAFF_WRITTEN = frozenset(
    {
        "africacheck.org",
        "fullfact.org",
        "politifact.com",
        "snopes.com",
        "truthorfiction.com",
    }
)
"""Sites whose rows name the publisher's writer as the claim's author.

Consulted only for a row that gives no author URL, which would tell; the
writer is told from the data wherever it can be.

.. versionchanged:: 0.2.0
   Only for rows with no author URL.
"""

WRITER_PAGES = frozenset(
    {
        "author",
        "authors",
        "autor",
        "autores",
        "autora",
        "auteur",
        "auteurs",
        "autore",
        "autori",
        "staff",
        "people",
        "team",
        "equipe",
        "equipo",
        "redaccion",
        "redacao",
        "writer",
        "writers",
        "reporter",
        "reporters",
        "journalist",
        "journalists",
        "periodista",
        "periodistas",
        "contributor",
        "contributors",
        "colaborador",
        "colaboradores",
    }
)
"""The folders of a site's pages about its writers: ``/author/<name>/``.

A row whose author URL is such a page on the review's own site names the
publisher's writer, not the claimant. Folded: "équipe" is "equipe".

.. versionadded:: 0.2.0
"""

AUTHOR_URLS = ("creativeWork_author_sameAs", "claimReview_author_url")
"""The columns that may give the author's page."""

CLAIM_DATED_REVIEWS = frozenset({"factcheck.afp.com", "politifact.com"})
"""Sites whose rows give the claim's date as ``claimReview_datePublished``.

AFP's review date is then ``creativeWork_datePublished``; PolitiFact's is
in the review's URL.
"""


def read(
    tracker: Tracker,
    data: Input,
    *,
    lenient: bool = False,
    max_bytes: int = MAX_BYTES,
    at: dt.datetime | str | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """
    Import a ClaimsKG CSV file into *tracker*.

    Args:
        tracker: Where the claims go.
        data: CSV text, bytes, a `pathlib.Path` or an open file; LF or
            CRLF line endings.
        lenient: Import the good rows and report the bad ones, instead of
            importing nothing and raising the first bad row's error.
        max_bytes: Refuse input larger than this, before reading it.
        at: When the import happened, for the history; now if omitted.
            Verdicts are dated when their review was published.
        progress: Called with the number of records read so far, every
            `PROGRESS_EVERY` records, and once with the total: for a
            progress display.

    Returns:
        What came in, what was left out, and what was odd (a file with no
        row is flagged).

    Raises:
        DocumentTooLargeError: If the input is larger than *max_bytes*.
        InvalidDocumentError: If the header is not ClaimsKG's, or, in a
            strict import, at the first bad row: ``row 7.rating_ratingValue``
            (rows count from 1 after the header; the reason gives the line).
        ClaimtrackError: In a strict import, the first row that cannot be
            added.

    .. versionadded:: 0.1.0
    """
    text = read_text(data, max_bytes=max_bytes)
    reviews = list(_rows(text))
    flag_scales(reviews)
    flags: list[Flag] = []
    return run(
        tracker,
        "claimskg",
        counted(records(tracker, reviews, flags, at=at), flags, "rows"),
        lenient=lenient,
        progress=progress,
        flags=flags,
    )


def detects(head: str, suffix: str) -> bool:  # noqa: ARG001 -- by name
    """
    Whether a file looks like ClaimsKG's, from its name.

    *suffix* is the name's extension, in lower case: ClaimsKG is the one
    format read from ``.csv`` files, so its text (*head*) is not looked at.

    .. versionadded:: 0.1.0
    """
    return suffix == ".csv"


def _rows(text: str) -> Iterator[tuple[str, list[Review] | ClaimtrackError]]:
    try:
        yield from _read_rows(text)
    except csv.Error as exc:  # a cell over the csv module's field limit
        raise InvalidDocumentError(
            "data",
            f"{len(text)} characters",
            f"is not CSV claimtrack reads: {exc}",
        ) from exc


def _read_rows(
    text: str,
) -> Iterator[tuple[str, list[Review] | ClaimtrackError]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    missing = [c for c in REQUIRED if c not in (header or ())]
    if header is None or missing:
        error = InvalidDocumentError(
            "header",
            header,
            "is not a ClaimsKG header: it has no "
            f"{', '.join(missing or REQUIRED)} (line 1)",
        )
        error.line = 1
        raise error
    table = []
    line = reader.line_num + 1
    for number, values in enumerate(reader, start=1):
        table.append((f"row {number}", line, values))
        line = reader.line_num + 1
    writers = _Writers.of(
        (where, dict(zip(header, values, strict=True)))
        for where, _, values in table
        if len(values) == len(header)
    )
    for where, line, values in table:
        try:
            if len(values) != len(header):
                raise InvalidDocumentError(  # noqa: TRY301 -- one handler
                    "",
                    len(values),
                    f"has {len(values)} fields, the header {len(header)}",
                )
            row = dict(zip(header, values, strict=True))
            yield where, [_review(row, writers.of_row(where))]
        except InvalidDocumentError as exc:
            error = InvalidDocumentError(
                exc.field, exc.value, f"{exc.reason} (line {line})"
            )
            error.line = line
            yield where, error


def _review(row: dict[str, str], writers: _Writers) -> Review:
    """
    The row's review; *writers* are the file's, seen from this row.
    """
    flags: list[str] = []
    url = url_field(row["claimReview_url"], "claimReview_url")
    publisher = (
        clean_name(row.get("claimReview_author_name", ""))
        or clean_name(row.get("claimReview_source", ""))
        or (host_name(url) if url else None)
    )
    title = row.get("extra_title", "").strip() or None
    text = row["claimReview_claimReviewed"].strip()
    if not text:
        if title is None:
            raise InvalidDocumentError(
                "claimReview_claimReviewed",
                "",
                "is empty, and so is extra_title",
            )
        text = title
        flags.append("claimReview_claimReviewed is empty: extra_title is used")
    from_url = politifact(url) if url else None
    said, published, moment = _dates(row, url, from_url)
    speakers, author = _claimants(row, url, publisher, writers, flags)
    if from_url:
        speakers = (from_url[1],)
    label, numbers = _rating(row, flags)
    article = None
    if url is not None:
        article = source(
            url,
            title=title,
            publisher=publisher,
            published=published,
        )
    return Review(
        text,
        claimant=speakers[0] if speakers else None,
        others=speakers[1:],
        said=said,
        tags=tags_of(row.get("extra_tags", "")),
        article=article,
        publisher=publisher,
        published=published,
        moment=moment,
        label=label,
        numbers=numbers,
        author=author,
        flags=tuple(flags),
    )


def _dates(
    row: dict[str, str],
    url: str | None,
    from_url: tuple[When | None, Actor] | None,
) -> tuple[When | None, When | None, dt.datetime | None]:
    """
    When the claim was made, and when its review was published.
    """
    claim_field, review_field = (
        "creativeWork_datePublished",
        "claimReview_datePublished",
    )
    if _site_in(url, CLAIM_DATED_REVIEWS):
        claim_field, review_field = review_field, claim_field
    published = moment = None
    review_date = row.get(review_field, "")
    if from_url is not None:
        review_date = ""
        published = from_url[0]
        if published is not None:
            moment = read_moment(published.isoformat(), "claimReview_url")[1]
    claim_date = row.get(claim_field, "")
    if review_date.strip():
        published, moment = read_moment(review_date, review_field)
    said = read_when(claim_date, claim_field) if claim_date.strip() else None
    return said, published, moment


def _site_in(url: str | None, sites: frozenset[str]) -> bool:
    site = host_name(url) if url else ""
    return any(site == s or site.endswith(f".{s}") for s in sites)


def _rating(
    row: dict[str, str], flags: list[str]
) -> tuple[str | None, Numbers | None]:
    numbers = check_numbers(
        read_number(row.get("rating_ratingValue"), "rating_ratingValue"),
        read_number(row.get("rating_worstRating"), "rating_worstRating"),
        read_number(row.get("rating_bestRating"), "rating_bestRating"),
        flags,
    )
    label = label_of(
        row.get("rating_alternateName", "").strip() or None,
        "rating_alternateName",
    )
    if numbers is not None and label == numbers.label:
        label = None
    if label is None and numbers is None:
        flags.append("the row gives no rating: no verdict is added")
    return label, numbers


def _claimants(
    row: dict[str, str],
    url: str | None,
    publisher: str | None,
    writers: _Writers,
    flags: list[str],
) -> tuple[tuple[Actor, ...], str | None]:
    """
    The row's claimants, and who wrote its review (if the row says).
    """
    name = clean_name(row.get("creativeWork_author_name", ""))
    reviewers = tags_of(row.get("claimReview_author", ""))
    author = ", ".join(reviewers) or None
    if not name_key(name):
        return (), author
    field = f"creativeWork_author_name {name!r}"
    why = writers.why(url, name)
    if why is None and word_key(name) in {word_key(r) for r in reviewers}:
        why = "is one of the review's authors (claimReview_author)"
    given = any(row.get(column, "").strip() for column in AUTHOR_URLS)
    if why is None and not given and _site_in(url, STAFF_WRITTEN):
        why = (
            "is taken to be the publisher's writer, as ClaimsKG's rows of "
            f"{host_name(url or '')} give it (claimskg.STAFF_WRITTEN)"
        )
    if why is not None:
        flags.append(
            f"{field} {why}: kept as the review's author, not as the claimant"
        )
        return (), author or name
    if publisher is not None and name_key(name) == name_key(publisher):
        return (), author  # the publisher itself
    return claimants(name), author


@attrs.frozen
class _Writers:
    """
    The publishers' writers a file names, by site and folded name.

    A row names a writer when its author URL is a writer's page on the
    review's own site; the other rows of that site with the same name
    name the writer too.
    """

    found: dict[tuple[str, str], tuple[str, str]]
    pages: dict[str, str]  # the writer's page each row gives, by row
    where: str = ""  # the row they are seen from

    @classmethod
    def of(cls, rows: Iterable[tuple[str, dict[str, str]]]) -> _Writers:
        """
        The writers named by *rows* (where each was read, and its columns).
        """
        found: dict[tuple[str, str], tuple[str, str]] = {}
        pages: dict[str, str] = {}
        for where, row in rows:
            review = row["claimReview_url"].strip()
            name = clean_name(row.get("creativeWork_author_name", ""))
            page = _writer_page(row, review, name)
            if page is not None:
                pages[where] = page
                key = (host_name(review), word_key(name))
                found.setdefault(key, (page, where))
        return cls(found, pages)

    def of_row(self, where: str) -> _Writers:
        """
        The writers, seen from the row read at *where*.
        """
        return attrs.evolve(self, where=where)

    def why(self, url: str | None, name: str) -> str | None:
        """
        Why *name* is the writer of the row's review; None if it is not.
        """
        page = self.pages.get(self.where)
        if page is not None:
            return f"is the publisher's writer: {page} is their page"
        seen = self.found.get((host_name(url or ""), word_key(name)))
        if seen is not None:
            page, where = seen
            return (
                f"is the publisher's writer, named with their page {page} "
                f"in {where}"
            )
        return None


def _writer_page(row: dict[str, str], review: str, name: str) -> str | None:
    """
    The row's author URL, if it is the page of *name* as a site's writer.

    The page is on the review's own site, in a folder of `WRITER_PAGES`,
    and its last part fits the name (the claimant's own URL,
    ``creativeWork_author_sameAs``, needs no fit).
    """
    site = host_name(review)
    for column in AUTHOR_URLS:
        page = row.get(column, "").strip()
        parts = split_url(page)
        if parts is None or parts.scheme not in ("http", "https"):
            continue
        host = parts.netloc.lower().removeprefix("www.")
        if not site or not host:
            continue
        if not (
            host == site
            or host.endswith(f".{site}")
            or site.endswith(f".{host}")
        ):
            continue
        folders = urllib.parse.unquote(parts.path).strip("/").split("/")
        if (
            len(folders) > 1
            and word_key(folders[-2]) in WRITER_PAGES
            and (column == AUTHOR_URLS[0] or _fits(folders[-1], name, site))
        ):
            return page
    return None


def _fits(slug: str, name: str, site: str) -> bool:
    """
    Whether a writer page's last part stands for *name*.

    "dan" for Dan Evon, "danmacguill" for Dan MacGuill, "art" for Arturo
    Garcia, "ciara-orourke" for Ciara O'Rourke. A page known by a number
    alone, or by the site's own name (the house's page, ``snopes.com``'s
    ``/author/snopes/``, ``factcheck.afp.com``'s ``/author/afp/``), fits
    any name.
    """
    parts = word_key(slug).split()
    words = word_key(name).split()
    if not any(ch.isalpha() for ch in slug):
        return True
    labels = {word_key(label) for label in site.split(".")[:-1]}
    if "".join(parts) in labels:
        return True
    if "".join(parts) == "".join(words):
        return True
    return any(
        word.startswith(part)
        for part in parts
        if len(part) > 1
        for word in words
    )
