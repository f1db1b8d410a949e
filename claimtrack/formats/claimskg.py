"""
ClaimsKG CSV: ClaimReview markup as the ClaimsKG extractor flattens it.

Each row is one publisher's review of one claim. The columns that matter:

- ``claimReview_claimReviewed``: the claim (``extra_title``, the review's
  title, when it is empty, as it is in most Africa Check rows);
- ``creativeWork_author_name``: the claimant, except where ClaimsKG put
  the publisher's own writer there (PolitiFact, Snopes, Full Fact, Africa
  Check, TruthOrFiction) or the publisher's name (Fatabyyano);
  placeholders ("Multiple sources", "FB User") name nobody, and quotes
  around names are dropped;
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
from typing import TYPE_CHECKING

from claimtrack._text import name_key
from claimtrack.exceptions import ClaimtrackError, InvalidDocumentError
from claimtrack.formats._common import (
    MAX_BYTES,
    Flag,
    ImportReport,
    Input,
    read_text,
    run,
)
from claimtrack.formats._reviews import (
    Numbers,
    Review,
    check_numbers,
    claimant,
    claimant_name,
    clean_name,
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


if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterator

    from claimtrack._dates import When
    from claimtrack._models import Actor
    from claimtrack._tracker import Tracker


__all__ = [
    "CLAIM_DATED_REVIEWS",
    "MAX_BYTES",
    "STAFF_WRITTEN",
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
"""Sites whose rows name the publisher's writer as the claim's author."""

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
        What came in, what was left out, and what was odd.

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
        records(tracker, reviews, flags, at=at),
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
    line = reader.line_num + 1
    for number, values in enumerate(reader, start=1):
        where = f"row {number}"
        try:
            if len(values) != len(header):
                raise InvalidDocumentError(  # noqa: TRY301 -- one handler
                    "",
                    len(values),
                    f"has {len(values)} fields, the header {len(header)}",
                )
            yield where, [_review(dict(zip(header, values, strict=True)))]
        except InvalidDocumentError as exc:
            error = InvalidDocumentError(
                exc.field, exc.value, f"{exc.reason} (line {line})"
            )
            error.line = line
            yield where, error
        line = reader.line_num + 1


def _review(row: dict[str, str]) -> Review:
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
    speaker = from_url[1] if from_url else _claimant(row, url, publisher)
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
        claimant=speaker,
        said=said,
        tags=tags_of(row.get("extra_tags", "")),
        article=article,
        publisher=publisher,
        published=published,
        moment=moment,
        label=label,
        numbers=numbers,
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


def _claimant(
    row: dict[str, str], url: str | None, publisher: str | None
) -> Actor | None:
    name = claimant_name(row.get("creativeWork_author_name", ""))
    if name is None:
        return None
    if _site_in(url, STAFF_WRITTEN):
        return None  # the publisher's writer, not the claimant
    if publisher is not None and name_key(name) == name_key(publisher):
        return None  # the publisher itself
    return claimant(name)
