"""
Google Fact Check Tools API: the response of ``claims:search``, from a file.

A response holds ``claims``, each with its ``text``, ``claimant`` and
``claimDate`` and the ``claimReview`` list of the publishers that reviewed
it: each review's ``publisher`` (``name``, ``site``), ``url``, ``title``,
``reviewDate``, ``textualRating`` and ``languageCode``. A file may hold
one response or an array of them (the pages of one search), or one
element of ``claims`` (or an array of them) without the response around
it. An input with no claim (the empty response ``{}``) is an error, or in
a lenient import a flag: an import never brings in nothing silently.

Each claim becomes a `Claim` of its claimant (an `Actor`), said on its
``claimDate``; each review a `Source` for the article, cited as evidence
by the publisher, and a `Verdict` with the ``textualRating`` as published,
on the publisher's own scale. The search is never run from here: nothing is
fetched.

.. versionadded:: 0.1.0
.. versionchanged:: 0.2.0
   A claim without its response; an input with no claim is an error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from claimtrack._serialize import parse_json
from claimtrack.exceptions import ClaimtrackError, InvalidDocumentError
from claimtrack.formats._common import (
    MAX_BYTES,
    Flag,
    ImportReport,
    Input,
    has_keys,
    read_text,
    run,
)
from claimtrack.formats._reviews import (
    Review,
    claimants,
    host_name,
    label_of,
    language_of,
    read_moment,
    read_when,
    records,
    source,
    text_field,
    url_field,
)


if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterator

    from claimtrack._tracker import Tracker


__all__ = ["MAX_BYTES", "detects", "read"]


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
    Import a ``claims:search`` response into *tracker*.

    Args:
        tracker: Where the claims go.
        data: JSON text, bytes, a `pathlib.Path` or an open file.
        lenient: Import the good claims and report the bad ones, instead
            of importing nothing and raising the first bad one's error.
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
        InvalidDocumentError: If the input is not JSON (with the line) or
            not a response, or holds no claim (in a strict import), or, in
            a strict import, at the first bad claim: its field is the JSON
            path of the fault (``$.claims[3].claimReview[0].reviewDate``).
            A lone claim's path is ``$`` (``$[2]`` in an array).
        ClaimtrackError: In a strict import, the first claim that cannot
            be added.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       A claim without its response; an input with no claim is an error.
    """
    text = read_text(data, max_bytes=max_bytes)
    document = parse_json(text)
    flags: list[Flag] = []
    claims = list(_claims(document))
    if not claims:
        keys = {key for _, page in _pages(document) for key in page}
        found = ", ".join(sorted(keys)) or "no keys"  # every page an object
        if not lenient:
            raise InvalidDocumentError(
                "$",
                found,
                "holds no claim: there is nothing to import (a search "
                "that matched nothing is {})",
            )
        flags.append(Flag("$", f"the input has no claim ({found})"))
    return run(
        tracker,
        "factcheck",
        records(tracker, claims, flags, at=at),
        lenient=lenient,
        progress=progress,
        flags=flags,
    )


def detects(head: str, suffix: str) -> bool:  # noqa: ARG001 -- one signature for all
    """
    Whether a file looks like a Fact Check Tools response.

    *head* is the file's beginning, as text: a ``claims:search`` response,
    or one of its claims, has the keys ``claimReview`` and
    ``textualRating``. The name's extension (*suffix*) does not tell.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       A claim without its response; ``claims`` is not needed.
    """
    return has_keys(head, "claimReview", "textualRating")


def _pages(document: Any) -> list[tuple[str, Any]]:
    if not isinstance(document, list):
        return [("$", document)]
    return [(f"$[{n}]", page) for n, page in enumerate(document)]


def _claims(
    document: Any,
) -> Iterator[tuple[str, list[Review] | ClaimtrackError]]:
    for path, page in _pages(document):
        if not isinstance(page, dict):
            raise InvalidDocumentError(
                path, page, "must be a claims:search response (an object)"
            )
        if "claims" not in page and _LONE_CLAIM & set(page):
            try:  # one element of claims, without the response
                yield path, _claim(page)
            except InvalidDocumentError as exc:
                yield path, exc
            continue
        claims = page.get("claims", [])
        if not isinstance(claims, list):
            raise InvalidDocumentError(
                f"{path}.claims", claims, "must be a list of claims"
            )
        for number, claim in enumerate(claims):
            where = f"{path}.claims[{number}]"
            try:
                yield where, _claim(claim)
            except InvalidDocumentError as exc:
                yield where, exc


_LONE_CLAIM = frozenset({"claimReview", "claimant", "claimDate"})
"""The keys that tell a claim, given without its response."""


def _claim(claim: object) -> list[Review]:
    if not isinstance(claim, dict):
        raise InvalidDocumentError("", claim, "must be a claim (an object)")
    text = text_field(claim, "text", "text")
    if text is None:
        raise InvalidDocumentError("text", claim.get("text"), "is required")
    name = text_field(claim, "claimant", "claimant")
    # A group, or several claimants, are flagged when the review is checked.
    speakers = claimants(name) if name else ()
    said = None
    if claim.get("claimDate") not in (None, ""):
        said = read_when(claim["claimDate"], "claimDate")
    reviews = claim.get("claimReview", [])
    if not isinstance(reviews, list):
        raise InvalidDocumentError(
            "claimReview", reviews, "must be a list of reviews"
        )
    base = Review(
        text,
        claimant=speakers[0] if speakers else None,
        others=speakers[1:],
        said=said,
    )
    if not reviews:
        flag = "the claim has no review: no verdict is added"
        return [attrs.evolve(base, flags=(*base.flags, flag))]
    return [
        _review(base, review, f"claimReview[{n}]")
        for n, review in enumerate(reviews)
    ]


def _review(base: Review, review: object, path: str) -> Review:
    if not isinstance(review, dict):
        raise InvalidDocumentError(
            path, review, "must be a review (an object)"
        )
    flags: list[str] = []
    url = url_field(review.get("url"), f"{path}.url")
    publisher_of = review.get("publisher") or {}
    if not isinstance(publisher_of, dict):
        raise InvalidDocumentError(
            f"{path}.publisher", publisher_of, "must be an object"
        )
    publisher = (
        text_field(publisher_of, "name", f"{path}.publisher.name")
        or text_field(publisher_of, "site", f"{path}.publisher.site")
        or (host_name(url) if url else None)
    )
    published = moment = None
    if review.get("reviewDate") not in (None, ""):
        published, moment = read_moment(
            review["reviewDate"], f"{path}.reviewDate"
        )
    label = label_of(
        text_field(review, "textualRating", f"{path}.textualRating"),
        f"{path}.textualRating",
    )
    if label is None:
        flags.append(f"{path} gives no rating: no verdict is added")
    language = language_of(review.get("languageCode"), flags)
    article = None
    if url is not None:
        article = source(
            url,
            title=text_field(review, "title", f"{path}.title"),
            publisher=publisher,
            published=published,
            language=language,
        )
    return attrs.evolve(
        base,
        article=article,
        publisher=publisher,
        published=published,
        moment=moment,
        label=label,
        flags=(*base.flags, *flags),
    )
