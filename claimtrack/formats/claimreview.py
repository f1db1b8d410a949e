"""
schema.org ClaimReview and Claim JSON-LD, in and out.

`read` imports what fact-checkers publish: a JSON-LD document (one object,
an array, or a ``@graph``) or a web page whose ``<script
type="application/ld+json">`` blocks hold it. `to_jsonld` and `dumps`
write a tracker's rated claims back as ClaimReview JSON-LD with the
properties Google's fact-check markup asks for.

Nothing is fetched: a remote ``@context`` is taken as schema.org's and never
read, and ``@id`` references are resolved only within the input.

A ClaimReview becomes:

- a `Source` for the review article (its ``url``; the publisher is the
  review's ``author``; published on its ``datePublished``);
- an `Actor` for the claimant (``itemReviewed.author``; for a PolitiFact
  URL without one, the speaker named in the URL);
- a `Source` for where the claim appeared (``firstAppearance``, else the
  first ``appearance``), which is the claim's source;
- a `Claim` (``claimReviewed``, said on ``itemReviewed.datePublished``);
- a `Verdict` with the ``alternateName`` as published, on the publisher's
  own scale, and one with the ``ratingValue`` on a numeric scale;
- `Evidence`: the publisher cites the review article.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

import attrs

from claimtrack._models import Actor, ActorKind, Claim, Source
from claimtrack._serialize import parse_json
from claimtrack._validators import instance_of
from claimtrack.exceptions import (
    ClaimtrackError,
    InvalidDocumentError,
    InvalidTypeError,
)
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
    LABELS,
    UNKNOWN_CLAIMANT,
    Review,
    check_numbers,
    claimant,
    claimant_name,
    date_text,
    flag_scales,
    host_name,
    label_of,
    language_of,
    numbers_of,
    politifact,
    rating_of,
    read_moment,
    read_number,
    read_when,
    records,
    source,
    tags_of,
    text_field,
    url_field,
)


if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterable, Iterator

    from claimtrack._evidence import Verdict
    from claimtrack._tracker import Tracker


__all__ = [
    "LABELS",
    "MAX_BYTES",
    "UNKNOWN_CLAIMANT",
    "detects",
    "detects_page",
    "dumps",
    "rating_of",
    "read",
    "to_jsonld",
]

CONTEXT = "https://schema.org"

_KINDS = {
    "Person": ActorKind.PERSON,
    "Organization": ActorKind.ORGANIZATION,
    "GovernmentOrganization": ActorKind.GOVERNMENT,
    "NewsMediaOrganization": ActorKind.ORGANIZATION,
    "PoliticalParty": ActorKind.ORGANIZATION,
}
_TYPES = {
    ActorKind.PERSON: "Person",
    ActorKind.ORGANIZATION: "Organization",
    ActorKind.GOVERNMENT: "GovernmentOrganization",
    ActorKind.GROUP: "Organization",
}

Node = dict[str, Any]


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
    Import ClaimReview (and bare Claim) JSON-LD into *tracker*.

    Args:
        tracker: Where the claims go.
        data: JSON text, bytes, a `pathlib.Path` or an open file; or an
            HTML page, whose ``application/ld+json`` scripts are read.
        lenient: Import the good records and report the bad ones, instead
            of importing nothing and raising the first bad one's error.
        max_bytes: Refuse input larger than this, before reading it.
        at: When the import happened, for the history: an aware datetime
            or ISO string; now if omitted. A review's verdicts are dated
            when the review was published (at *at* if it has no date).
        progress: Called with the number of records read so far, every
            `PROGRESS_EVERY` records, and once with the total: for a
            progress display.

    Returns:
        What came in, what was left out, and what was odd.

    Raises:
        DocumentTooLargeError: If the input is larger than *max_bytes*.
        InvalidDocumentError: If the input is not JSON (with the line), or,
            in a strict import, at the first bad record: its field is the
            JSON path of the fault (``$[3].reviewRating.ratingValue``;
            ``script 2.$`` for a page's second script).
        ClaimtrackError: In a strict import, the first record that cannot
            be added (a claim id taken by something else, say).

    .. versionadded:: 0.1.0
    """
    text = read_text(data, max_bytes=max_bytes)
    if text.lstrip().startswith("<"):
        documents = list(_scripts(text))
    else:
        documents = [("", _load(text, 0))]
    reviews: list[tuple[str, list[Review] | ClaimtrackError]] = []
    for prefix, document in documents:
        if isinstance(document, ClaimtrackError):
            reviews.append((prefix.rstrip("."), document))
            continue
        for path, node in _nodes(document, "$", _index(document)):
            reviews.append((f"{prefix}{path}", _read_node(node)))
    flag_scales(reviews)
    flags: list[Flag] = []
    if not reviews:
        flags.append(Flag("$", "the input has no ClaimReview or Claim"))
    return run(
        tracker,
        "claimreview",
        records(tracker, reviews, flags, at=at),
        lenient=lenient,
        progress=progress,
        flags=flags,
    )


def detects(head: str, suffix: str) -> bool:
    """
    Whether a file looks like ClaimReview: a web page, or JSON-LD.

    *head* is the file's beginning, as text, and *suffix* its name's
    extension, in lower case. A web page is told by `detects_page`;
    JSON-LD by an ``@type`` key. `claimtrack.formats.detect` asks this
    after a Fact Check Tools response, which `factcheck` reads.

    .. versionadded:: 0.1.0
    """
    return detects_page(head, suffix) or has_keys(head, "@type")


def detects_page(head: str, suffix: str) -> bool:
    """
    Whether a file is a web page, which `read` searches for JSON-LD.

    *suffix* is the name's extension, in lower case: ``.html`` or ``.htm``
    tells it. *head* is the file's beginning, as text: a first character
    (after any whitespace) ``<`` tells it too.

    .. versionadded:: 0.1.0
    """
    return suffix in (".html", ".htm") or head.lstrip().startswith("<")


# -- reading ------------------------------------------------------------------


def _load(text: str, first_line: int) -> Any:
    """
    Parse JSON; the error names the line (counted in the whole input).
    """
    try:
        return parse_json(text, first_line=first_line)
    except InvalidDocumentError as error:
        if first_line:
            return error
        raise


class _Scripts(HTMLParser):
    """
    Collects a page's JSON-LD scripts, with the line each starts on.

    A script left open runs to the end of the page, as in a browser.
    """

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.blocks: list[tuple[int, str]] = []
        self._open: tuple[int, int, list[str]] | None = None

    def handle_starttag(
        self, tag: str, attrs: list[tuple[str, str | None]]
    ) -> None:
        kind = dict(attrs).get("type") or ""
        if tag == "script" and kind.split(";")[0].strip().lower() == (
            "application/ld+json"
        ):
            line, column = self.getpos()
            before = self.page.split("\n", line - 1)
            start = len(self.page) - len(before[-1]) + column
            end = start + len(self.get_starttag_text() or "")
            self._open = (line, end, [])

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open[2].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._open is not None:
            self.blocks.append((self._open[0], "".join(self._open[2])))
            self._open = None

    def close(self) -> None:
        super().close()
        if self._open is not None:
            self.blocks.append((self._open[0], self.page[self._open[1] :]))
            self._open = None


def _scripts(page: str) -> Iterator[tuple[str, Any]]:
    """
    Each JSON-LD script of *page*, parsed (or its error), with its name.
    """
    parser = _Scripts(page)
    parser.feed(page)
    parser.close()
    for number, (line, block) in enumerate(parser.blocks, start=1):
        yield f"script {number}.", _load(block, line - 1)


def _index(document: Any) -> dict[str, Node]:
    """
    The document's nodes by ``@id``, to resolve references within it.
    """
    found: dict[str, Node] = {}
    todo = [document]
    while todo:
        value = todo.pop()
        if isinstance(value, list):
            todo.extend(value)
        elif isinstance(value, dict):
            node_id = value.get("@id")
            if isinstance(node_id, str) and len(value) > 1:
                found.setdefault(node_id, value)
            todo.extend(value.values())
    return found


def _types(node: Node) -> set[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {
        k.rsplit("/", 1)[-1].rsplit(":", 1)[-1]
        for k in kinds
        if isinstance(k, str)
    }


@attrs.frozen
class _Found:
    """
    A ClaimReview or Claim node, and the document's ``@id`` index.
    """

    node: Node
    index: dict[str, Node]

    def get(self, value: object) -> object:
        """
        A value, with a reference (``{"@id": ...}``) resolved if it can be.
        """
        if isinstance(value, dict) and set(value) <= {"@id", "@type"}:
            return self.index.get(value.get("@id"), value)  # type: ignore[arg-type]
        return value


def _nodes(
    value: Any, path: str, index: dict[str, Node]
) -> Iterator[tuple[str, _Found | ClaimtrackError]]:
    """
    The ClaimReview and Claim nodes of a document, with their paths.

    Arrays and ``@graph`` are walked; other nodes are passed over.
    """
    if isinstance(value, list):
        for number, item in enumerate(value):
            yield from _nodes(item, f"{path}[{number}]", index)
    elif isinstance(value, dict):
        if _types(value) & {"ClaimReview", "Claim"}:
            yield path, _Found(value, index)
        if "@graph" in value:
            yield from _nodes(value["@graph"], f"{path}['@graph']", index)
    else:
        yield (
            path,
            InvalidDocumentError(
                "", value, "must be a JSON object or an array of them"
            ),
        )


def _read_node(
    found: _Found | ClaimtrackError,
) -> list[Review] | ClaimtrackError:
    """
    Read one node; a fault is an error whose field is its relative path.
    """
    if isinstance(found, ClaimtrackError):
        return found
    try:
        if "ClaimReview" in _types(found.node):
            return [_read_review(found)]
        return [_read_claim(found)]
    except InvalidDocumentError as exc:
        return exc


def _read_review(found: _Found) -> Review:
    node = found.node
    flags: list[str] = []
    url = url_field(node.get("url"), "url")
    text = text_field(node, "claimReviewed", "claimReviewed")
    if text is None:
        raise InvalidDocumentError(
            "claimReviewed", node.get("claimReviewed"), "is required"
        )
    published = moment = None
    if node.get("datePublished") not in (None, ""):
        published, moment = read_moment(node["datePublished"], "datePublished")
    from_url = politifact(url) if url else None
    if published is None and from_url is not None and from_url[0]:
        published = from_url[0]
        moment = read_moment(published.isoformat(), "url")[1]
    publisher = _publisher(found, url)
    item = found.get(node.get("itemReviewed"))
    if item is not None and not isinstance(item, dict):
        raise InvalidDocumentError(
            "itemReviewed", item, "must be a Claim or a CreativeWork"
        )
    claim = _read_item(
        found, item or {}, "itemReviewed.", flags, keywords=node
    )
    if claim.claimant is None and from_url is not None:
        claim = attrs.evolve(claim, claimant=from_url[1])
    label, numbers, explanation = _rating(found, flags)
    if label is None and numbers is None:
        flags.append("the review gives no rating: no verdict is added")
    title = text_field(node, "name", "name") or text_field(
        node, "headline", "headline"
    )
    article = None
    if url is not None:
        article = source(
            url,
            title=title,
            publisher=publisher,
            published=published,
            language=language_of(node.get("inLanguage"), flags),
        )
    return attrs.evolve(
        claim,
        text=text,
        article=article,
        publisher=publisher,
        published=published,
        moment=moment,
        label=label,
        numbers=numbers,
        explanation=explanation,
        flags=(*claim.flags, *flags),
    )


def _read_claim(found: _Found) -> Review:
    node = found.node
    text = text_field(node, "text", "text") or text_field(node, "name", "name")
    if text is None:
        raise InvalidDocumentError("text", node.get("text"), "is required")
    flags: list[str] = []
    claim = _read_item(found, node, "", flags, keywords=node)
    return attrs.evolve(claim, text=text, flags=(*claim.flags, *flags))


def _read_item(
    found: _Found,
    item: Node,
    path: str,
    flags: list[str],
    *,
    keywords: Node,
) -> Review:
    """
    The claim an ``itemReviewed`` (or a bare Claim) describes.
    """
    people = _people(found, item.get("author"), f"{path}author")
    speaker = None
    for name, kind, role in people[:1]:
        clean = claimant_name(name) if name else None
        if clean is not None:
            speaker = claimant(clean, kind=kind, role=role)
    if len(people) > 1:
        flags.append(
            f"{path}author names {len(people)} claimants: only the first "
            "is kept"
        )
    said = None
    if item.get("datePublished") not in (None, ""):
        said = read_when(item["datePublished"], f"{path}datePublished")
    tags = _keywords(keywords, "keywords")
    if item is not keywords:
        tags = (*tags, *_keywords(item, f"{path}keywords"))
    return Review(
        "-",
        claimant=speaker,
        said=said,
        appearance=_appearance(found, item, path, flags),
        tags=tags_of(tags),
    )


def _keywords(node: Node, field: str) -> tuple[str, ...]:
    value = node.get("keywords")
    if value is None:
        return ()
    if isinstance(value, str):
        return tags_of(value)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise InvalidDocumentError(field, value, "must be text or a list of texts")


def _people(
    found: _Found, value: object, field: str
) -> list[tuple[str | None, ActorKind, str | None]]:
    """
    Authors: each a name (if any), a kind and a role (job title).
    """
    value = found.get(value)
    if value is None:
        return []
    if isinstance(value, list):
        return [
            person
            for number, item in enumerate(value)
            for person in _people(found, item, f"{field}[{number}]")
        ]
    if isinstance(value, str):
        return [(value.strip() or None, ActorKind.PERSON, None)]
    if not isinstance(value, dict):
        raise InvalidDocumentError(
            field, value, "must be a name, a Person or an Organization"
        )
    kinds = [_KINDS[t] for t in sorted(_types(value)) if t in _KINDS]
    name = text_field(value, "name", f"{field}.name") or text_field(
        value, "alternateName", f"{field}.alternateName"
    )
    role = text_field(value, "jobTitle", f"{field}.jobTitle") or text_field(
        value, "title", f"{field}.title"
    )
    return [(name, kinds[0] if kinds else ActorKind.PERSON, role)]


def _publisher(found: _Found, url: str | None) -> str | None:
    """
    Who published the review.

    Its publisher's name, else its (first organization) author's, else the
    site of its publisher or author, else the site of its URL.
    """
    node = found.node
    publishers = _people(found, node.get("publisher"), "publisher")
    authors = _people(found, node.get("author"), "author")
    organizations = [p for p in authors if p[1] is not ActorKind.PERSON]
    for name, _, _ in (*publishers, *organizations, *authors):
        if name:
            return name
    for key in ("publisher", "author"):
        value = found.get(node.get(key))
        first = value[0] if isinstance(value, list) and value else value
        if isinstance(first, dict) and first.get("url"):
            return host_name(url_field(first["url"], "author.url") or "")
    return host_name(url) if url else None


def _appearance(
    found: _Found, item: Node, path: str, flags: list[str]
) -> Source | None:
    """
    Where the claim appeared: ``firstAppearance``, else ``appearance``.
    """
    places: list[tuple[str, object]] = []
    for key in ("firstAppearance", "appearance"):
        value = found.get(item.get(key))
        if isinstance(value, list):
            places.extend(
                (f"{path}{key}[{n}]", v) for n, v in enumerate(value)
            )
        elif value is not None:
            places.append((f"{path}{key}", value))
    chosen: list[Source] = []
    for field, value in places:
        place = found.get(value)
        work: Node = place if isinstance(place, dict) else {}
        given = work.get("url") or work.get("@id") if work else place
        url = url_field(given, field)
        if url is None:
            flags.append(f"{field} has no URL: it is not kept")
            continue
        if any(s.url == url for s in chosen):
            continue
        published = None
        if work.get("datePublished") not in (None, ""):
            published = read_when(
                work["datePublished"], f"{field}.datePublished"
            )
        names = _people(found, work.get("publisher"), f"{field}.publisher")
        chosen.append(
            source(
                url,
                title=text_field(work, "headline", f"{field}.headline")
                or text_field(work, "name", f"{field}.name"),
                publisher=next((n for n, _, _ in names if n), None),
                published=published,
            )
        )
    if len(chosen) > 1:
        flags.append(
            f"the claim appeared in {len(chosen)} places: only the first, "
            f"{chosen[0].url}, is kept"
        )
    return chosen[0] if chosen else None


def _rating(
    found: _Found, flags: list[str]
) -> tuple[str | None, Any, str | None]:
    rating = found.get(found.node.get("reviewRating"))
    if isinstance(rating, list):
        if len(rating) > 1:
            flags.append(
                f"reviewRating has {len(rating)} ratings: only the first is "
                "kept"
            )
        rating = rating[0] if rating else None
    if rating is None:
        return None, None, None
    if not isinstance(rating, dict):
        raise InvalidDocumentError(
            "reviewRating", rating, "must be a Rating object"
        )
    label = label_of(
        text_field(rating, "alternateName", "reviewRating.alternateName"),
        "reviewRating.alternateName",
    )
    numbers = check_numbers(
        read_number(rating.get("ratingValue"), "reviewRating.ratingValue"),
        read_number(rating.get("worstRating"), "reviewRating.worstRating"),
        read_number(rating.get("bestRating"), "reviewRating.bestRating"),
        flags,
    )
    if numbers is not None and label == numbers.label:
        label = None  # the number again, not a label of its own
    explanation = text_field(
        rating, "ratingExplanation", "reviewRating.ratingExplanation"
    )
    return label, numbers, explanation


# -- writing ------------------------------------------------------------------


def to_jsonld(
    tracker: Tracker, claims: Iterable[str | Claim] | None = None
) -> list[dict[str, Any]]:
    """
    Write claims and their verdicts as ClaimReview JSON-LD objects.

    Each verdict that judges a claim becomes a ClaimReview: its label is
    the ``alternateName``, a verdict on a numeric scale given with it (by
    the same author at the same time) gives ``ratingValue``,
    ``worstRating`` and ``bestRating``, and the source that author cited
    then gives the review's ``url`` and ``name``. The claim is the
    ``claimReviewed`` and the ``itemReviewed`` Claim: its speaker is the
    ``author`` (a Person or an Organization, with its name), when it was
    said is its ``datePublished``, and its source is its ``appearance``. A
    claim with no verdict is written as a bare Claim.

    Args:
        tracker: Where the claims are.
        claims: The claims (or their ids) to write; all, in the order
            added, if omitted.

    Raises:
        UnknownClaimError: If a claim is not in the tracker.

    .. versionadded:: 0.1.0
    """
    if claims is None:
        chosen = list(tracker)
    else:
        if isinstance(claims, str | Claim):
            raise InvalidTypeError(
                "claims", claims, "must be a list of claims or claim ids"
            )
        chosen = [
            tracker.claim(c.id if isinstance(c, Claim) else c) for c in claims
        ]
    written: list[dict[str, Any]] = []
    for claim in chosen:
        reviews = list(_write_reviews(tracker, claim))
        written.extend(reviews or [_write_claim(tracker, claim)])
    return written


def dumps(
    tracker: Tracker,
    claims: Iterable[str | Claim] | None = None,
    *,
    indent: int | None = None,
) -> str:
    """
    Write `to_jsonld`'s objects as a JSON array.

    Args:
        tracker: Where the claims are.
        claims: As for `to_jsonld`.
        indent: Indent the JSON by this many spaces; compact if omitted.

    .. versionadded:: 0.1.0
    """
    if indent is not None:
        instance_of(int)(None, "indent", indent)
    return json.dumps(
        to_jsonld(tracker, claims), ensure_ascii=False, indent=indent
    )


def _write_reviews(tracker: Tracker, claim: Claim) -> Iterator[dict[str, Any]]:
    groups: dict[tuple[str | None, dt.datetime], list[Verdict]] = {}
    for verdict in tracker.verdicts(claim):
        groups.setdefault((verdict.by, verdict.at), []).append(verdict)
    cited = [
        e
        for e in tracker.evidence(claim)
        if len(e.items) == 1 and e.items[0].claim is None
    ]
    for (by, at), verdicts in groups.items():
        numeric = [v for v in verdicts if numbers_of(v.label, v.scale)]
        labelled = [v for v in verdicts if v not in numeric] or numeric[:1]
        article = next((e for e in cited if (e.by, e.at) == (by, at)), None)
        for verdict in labelled:
            review: dict[str, Any] = {"@context": CONTEXT}
            review["@type"] = "ClaimReview"
            review.update(_write_article(tracker, article))
            review["claimReviewed"] = claim.text
            review["datePublished"] = date_text(at)
            if by is not None:
                review["author"] = {"@type": "Organization", "name": by}
            rating: dict[str, Any] = {"@type": "Rating"}
            rating["alternateName"] = verdict.label
            if numeric:
                numbers = numbers_of(numeric[0].label, numeric[0].scale)
                assert numbers is not None  # noqa: S101 -- chosen so
                rating["ratingValue"] = _json_number(numbers.value)
                rating["bestRating"] = _json_number(numbers.best)
                rating["worstRating"] = _json_number(numbers.worst)
            if verdict.rationale:
                rating["ratingExplanation"] = verdict.rationale
            review["reviewRating"] = rating
            review["itemReviewed"] = _write_item(tracker, claim)
            if claim.tags:
                review["keywords"] = list(claim.tags)
            yield review


def _write_article(tracker: Tracker, article: Any) -> dict[str, Any]:
    if article is None:
        return {}
    item = article.items[0]
    if item.url is not None:
        return {"url": item.url}
    found = tracker.source(item.source)
    written: dict[str, Any] = {}
    if found.url is not None:
        written["url"] = found.url
    if found.title:
        written["name"] = found.title
    if found.language:
        written["inLanguage"] = found.language
    return written


def _write_item(tracker: Tracker, claim: Claim) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "Claim"}
    if claim.speaker != UNKNOWN_CLAIMANT.id:
        item["author"] = _write_actor(tracker.actor(claim.speaker))
    if claim.said is not None:
        item["datePublished"] = claim.said.isoformat()
    if claim.source is not None:
        item["appearance"] = _write_work(tracker.source(claim.source))
    return item


def _write_claim(tracker: Tracker, claim: Claim) -> dict[str, Any]:
    written: dict[str, Any] = {"@context": CONTEXT}
    written.update(_write_item(tracker, claim))
    written["text"] = claim.text
    if claim.tags:
        written["keywords"] = list(claim.tags)
    return written


def _write_actor(actor: Actor) -> dict[str, Any]:
    written = {"@type": _TYPES[actor.kind], "name": actor.label}
    if actor.role and actor.kind is ActorKind.PERSON:
        written["jobTitle"] = actor.role
    return written


def _write_work(found: Source) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if found.url is not None:
        work["url"] = found.url
    if found.title:
        work["headline"] = found.title
    if found.published is not None:
        work["datePublished"] = found.published.isoformat()
    if found.publisher:
        work["publisher"] = {"@type": "Organization", "name": found.publisher}
    return work


def _json_number(value: Any) -> int | float:
    if value == value.to_integral_value():
        return int(value)
    return float(value)
