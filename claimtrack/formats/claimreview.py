"""
schema.org ClaimReview and Claim, in and out.

`read` imports what fact-checkers publish: a JSON-LD document (one object,
an array, a ``@graph`` or a ``DataFeed``) or a web page whose ``<script
type="application/ld+json">`` blocks, microdata (``itemscope``) or RDFa
(``typeof``) hold it. `to_jsonld` and `dumps` write a tracker's rated
claims back as ClaimReview JSON-LD with the properties Google's fact-check
markup asks for.

Nothing is fetched: a remote ``@context`` is taken as schema.org's and never
read, and ``@id`` references are resolved only within the input.

A ClaimReview becomes:

- a `Source` for the review article (its ``url``; the publisher is the
  review's ``author``; published on its ``datePublished``);
- an `Actor` for the claimant (``itemReviewed.author``; for a PolitiFact
  URL without one, the speaker named in the URL);
- a `Source` for where the claim appeared (``firstAppearance``, else the
  first ``appearance``, else ``itemReviewed.url``), which is the claim's
  source;
- a `Claim` (``claimReviewed``, said on ``itemReviewed.datePublished``);
- a `Verdict` with the ``alternateName`` as published, on the publisher's
  own scale, and one with the ``ratingValue`` on a numeric scale;
- `Evidence`: the publisher cites the review article.

Pages are read with the standard library's `html.parser`, by a small
parser of this module's own for microdata and RDFa: it takes what
schema.org's ClaimReview needs (items, their types and properties, nested
items, and the value of ``content``, ``href``, ``src``, ``datetime`` or
the text), which spares a dependency on lxml.

.. versionadded:: 0.1.0
.. versionchanged:: 0.2.0
   Microdata, RDFa, ``DataFeed``, relative URLs (*base_url*), the *kind*
   of input, and what fact-checkers publish in the wild: names with a
   role, numbers and arrays where text is expected, HTML entities, broken
   unrelated scripts. Written claims keep their ids.
"""

from __future__ import annotations

import html
import json
import re
import urllib.parse
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any, Literal

import attrs

from claimtrack._evidence import instant
from claimtrack._models import Actor, ActorKind, Claim, Source
from claimtrack._serialize import parse_json
from claimtrack._text import split_url
from claimtrack._validators import instance_of
from claimtrack.exceptions import (
    ClaimtrackError,
    DuplicateIdError,
    InvalidDocumentError,
    InvalidTypeError,
    InvalidValueError,
)
from claimtrack.formats._common import (
    MAX_BYTES,
    Flag,
    ImportReport,
    Input,
    Record,
    failing,
    has_keys,
    read_text,
    run,
)
from claimtrack.formats._reviews import (
    LABELS,
    UNKNOWN_CLAIMANT,
    Into,
    Review,
    adding,
    check_numbers,
    checked,
    claimant,
    claimants,
    date_text,
    flag_scales,
    host_name,
    is_review_article,
    label_of,
    language_of,
    numbers_of,
    politifact,
    rating_of,
    read_moment,
    read_number,
    read_when,
    source,
    tags_of,
    url_field,
)


if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterable, Iterator

    from claimtrack._evidence import Evidence, Verdict
    from claimtrack._tracker import Tracker


__all__ = [
    "CLAIM_ID",
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

CLAIM_ID = "urn:claimtrack:claim:"
"""
The prefix of a written Claim's ``@id``; the rest is the claim's id.

`to_jsonld` writes each claim's id so (``urn:claimtrack:claim:claim-…``),
and `read` gives a claim with such an ``@id`` that id: a claim exported
and imported again keeps its id.
"""

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
_RECORDS = frozenset({"ClaimReview", "Claim"})

Node = dict[str, Any]
Kind = Literal["page", "jsonld"]


def read(
    tracker: Tracker,
    data: Input,
    *,
    lenient: bool = False,
    max_bytes: int = MAX_BYTES,
    at: dt.datetime | str | None = None,
    progress: Callable[[int], None] | None = None,
    base_url: str | None = None,
    kind: Kind | None = None,
) -> ImportReport:
    """
    Import ClaimReview (and bare Claim) markup into *tracker*.

    Args:
        tracker: Where the claims go.
        data: JSON text, bytes, a `pathlib.Path` or an open file; or an
            HTML page, whose ``application/ld+json`` scripts, microdata
            and RDFa are read.
        lenient: Import the good records and report the bad ones, instead
            of importing nothing and raising the first bad one's error.
        max_bytes: Refuse input larger than this, before reading it.
        at: When the import happened, for the history: an aware datetime
            or ISO string; now if omitted. A review's verdicts are dated
            when the review was published (at *at* if it has no date).
        progress: Called with the number of records read so far, every
            `PROGRESS_EVERY` records, and once with the total: for a
            progress display.
        base_url: The page's own address (an absolute http(s) URL): a
            relative URL in the markup (``/verifica/…``) is read against
            it. Without it, a page's ``<link rel="canonical">``, else its
            ``og:url``, is used.
        kind: ``"page"`` to read *data* as a web page, ``"jsonld"`` as
            JSON-LD; told from its first character (after a byte-order
            mark, white space and a ``)]}'`` guard) if omitted: ``<`` is a
            page.

    Returns:
        What came in, what was left out, and what was odd.

    Raises:
        DocumentTooLargeError: If the input is larger than *max_bytes*.
        InvalidDocumentError: If the input is not JSON (with the line), or
            holds no ClaimReview or Claim (in a strict import), or, in a
            strict import, at the first bad record: its field is the path
            of the fault (``$[3].reviewRating.ratingValue``; ``script
            2.$`` for a page's second script; ``microdata 1.$.url``).
        InvalidValueError: If *base_url* is not an absolute http(s) URL,
            or *kind* is not one of the above.
        InvalidTypeError: If *base_url* is not text.
        ClaimtrackError: In a strict import, the first record that cannot
            be added (a claim id taken by something else, say).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       *base_url* and *kind*; microdata, RDFa and ``DataFeed``.
    """
    given = _base_url(base_url)
    if kind not in (None, "page", "jsonld"):
        raise InvalidValueError(
            "kind", kind, "must be 'page', 'jsonld' or None"
        )
    text = read_text(data, max_bytes=max_bytes)
    body, skipped = _unguarded(text)
    flags: list[Flag] = []
    if kind == "page" or (kind is None and body.startswith("<")):
        field, documents, base = _page(text, given, flags)
    else:
        field, base = "$", _Base(given, "base_url") if given else None
        documents = [("", _load(body, skipped, whole=True))]
    into = Into(tracker, instant(at))  # a bad *at* fails here, at once
    reviews: list[tuple[str, list[Review] | ClaimtrackError]] = []
    ids: list[tuple[str | None, str]] = []
    kinds: list[str] = []
    for prefix, document in documents:
        if isinstance(document, ClaimtrackError):
            reviews.append((prefix.rstrip("."), document))
            ids.append((None, ""))
            continue
        index = _index(document)
        found = list(_nodes(document, "$"))
        for path, node in found:
            review, wanted = _read_node(node, index, base, lenient=lenient)
            reviews.append((f"{prefix}{path}", review))
            ids.append(wanted)
        kinds.extend(_top_types(document))
        if prefix and not found:
            flags.append(
                Flag(
                    prefix.rstrip("."),
                    "holds no ClaimReview or Claim "
                    f"({_listed(_top_types(document))}): passed over",
                )
            )
    if not reviews:
        _nothing(field, kinds, flags, lenient=lenient)
    flag_scales(reviews)
    return run(
        tracker,
        "claimreview",
        _records(into, reviews, ids, flags),
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
    Whether a file is a web page, which `read` searches for markup.

    *suffix* is the name's extension, in lower case: ``.html`` or ``.htm``
    tells it. *head* is the file's beginning, as text: a first character
    ``<`` tells it too, after any byte-order mark, white space and
    ``)]}'`` guard (an HTML comment or a doctype begins with ``<``).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       A byte-order mark or a ``)]}'`` guard before the ``<``.
    """
    return suffix in (".html", ".htm") or _unguarded(head)[0].startswith("<")


# -- the input ----------------------------------------------------------------

_GUARD = re.compile(r"\)\]\}',?[ \t]*(?:\r?\n|$)")


def _unguarded(text: str) -> tuple[str, int]:
    """
    The text without a leading BOM, white space or ``)]}'`` guard.

    Also how many lines were taken off, to count lines in the input.
    """
    body = text.lstrip("\ufeff \t\r\n\f\v\u00a0")
    guard = _GUARD.match(body)
    if guard:
        body = body[guard.end() :].lstrip("\ufeff \t\r\n\f\v\u00a0")
    return body, text[: len(text) - len(body)].count("\n")


def _base_url(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidTypeError("base_url", value, "must be a URL as text")
    parts = split_url(value.strip())
    if (
        parts is None
        or parts.scheme not in ("http", "https")
        or not parts.netloc
    ):
        raise InvalidValueError(
            "base_url", value, "must be an absolute http(s) URL"
        )
    return value.strip()


def _load(text: str, first_line: int, *, whole: bool) -> Any:
    """
    Parse JSON; the error names the line (counted in the whole input).

    The whole input that is not JSON raises; a page's script returns its
    error, as a record that fails.
    """
    try:
        return parse_json(text, first_line=first_line)
    except InvalidDocumentError as error:
        if whole:
            raise
        return error


_RAW_CONTROL = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)


def _escaped(text: str) -> str:
    """
    JSON with raw control characters inside its strings escaped.

    Browsers' and search engines' readers take a raw line break or tab in
    a string; Python's `json` does not.
    """

    def escape(match: re.Match[str]) -> str:
        return re.sub(
            r"[\x00-\x1f]",
            lambda c: f"\\u{ord(c[0]):04x}",
            match[0],
        )

    return _RAW_CONTROL.sub(escape, text)


def _nothing(
    field: str, kinds: list[str], flags: list[Flag], *, lenient: bool
) -> None:
    """
    Say that the input holds no record: an error, or leniently a flag.
    """
    found = _listed(kinds)
    if not lenient:
        raise InvalidDocumentError(
            field,
            found,
            "holds no ClaimReview or Claim: there is nothing to import",
        )
    flags.append(
        Flag(field, f"the input has no ClaimReview or Claim ({found})")
    )


def _listed(kinds: Iterable[str]) -> str:
    names = sorted(set(kinds))
    return ", ".join(names) if names else "no typed node"


def _top_types(document: Any) -> list[str]:
    """
    The types of a document's nodes (at its top, in arrays and @graph).
    """
    if isinstance(document, list):
        return [k for item in document for k in _top_types(item)]
    if isinstance(document, dict):
        return [*_types(document), *_top_types(document.get("@graph"))]
    return []


# -- web pages ----------------------------------------------------------------


@attrs.frozen
class _Base:
    """
    The address relative URLs are read against, and where it came from.
    """

    url: str
    how: str


def _page(
    text: str, given: str | None, flags: list[Flag]
) -> tuple[str, list[tuple[str, Any]], _Base | None]:
    """
    A page's documents: its JSON-LD scripts, microdata and RDFa items.

    Also its address: *given*, else its canonical link, else its og:url.
    """
    parser = _Page(text)
    parser.feed(text)
    parser.close()
    base = None
    if given is not None:
        base = _Base(given, "base_url")
    else:
        for how, found in (
            ("the page's canonical link", parser.canonical),
            ("the page's og:url", parser.og_url),
        ):
            if found is not None and _absolute(found):
                base = _Base(found.strip(), how)
                break
    documents: list[tuple[str, Any]] = []
    for number, (line, block) in enumerate(parser.scripts, start=1):
        name = f"script {number}"
        document = _load(block, line - 1, whole=False)
        if isinstance(document, ClaimtrackError):
            repaired = _load(_escaped(block), line - 1, whole=False)
            if not isinstance(repaired, ClaimtrackError):
                flags.append(
                    Flag(
                        name,
                        "has raw line breaks or tabs inside its strings: "
                        "read with them escaped, as browsers read it",
                    )
                )
                document = repaired
            elif "ClaimReview" not in block:
                flags.append(
                    Flag(
                        name,
                        f"{document.reason}, and names no ClaimReview: "
                        "passed over",
                    )
                )
                continue
        documents.append((f"{name}.", document))
    for syntax in ("microdata", "rdfa"):
        items = [item for item in parser.items if item.syntax == syntax]
        documents.extend(
            (f"{syntax} {number}.", item.node)
            for number, item in enumerate(items, start=1)
        )
    return "page", documents, base


def _absolute(url: str) -> bool:
    parts = split_url(url.strip())
    return (
        parts is not None
        and parts.scheme in ("http", "https")
        and bool(parts.netloc)
    )


_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
_SOURCE_OF = {
    "a": "href",
    "area": "href",
    "link": "href",
    "audio": "src",
    "embed": "src",
    "iframe": "src",
    "img": "src",
    "source": "src",
    "track": "src",
    "video": "src",
    "object": "data",
    "data": "value",
    "meter": "value",
    "time": "datetime",
}


@attrs.define
class _Item:
    """
    A microdata or RDFa item: its syntax and the node it is read into.
    """

    syntax: str
    node: Node


@attrs.define
class _Open:
    """
    An element the parser is inside: what it started, what it collects.
    """

    tag: str
    item: _Item | None = None
    targets: list[tuple[_Item, list[str]]] = attrs.Factory(list)
    text: list[str] | None = None


def _property_names(value: str | None, *, rdfa: bool) -> list[str]:
    """
    The schema.org names in an ``itemprop`` or ``property`` attribute.

    ``schema:name`` and ``https://schema.org/name`` are ``name``; RDFa
    names of other vocabularies (``og:url``) are left out.
    """
    names = []
    for token in (value or "").split():
        if "//" in token:
            names.append(token.rstrip("/").rsplit("/", 1)[-1])
        elif ":" in token:
            prefix, _, name = token.partition(":")
            if not rdfa or prefix.lower() == "schema":
                names.append(name)
        else:
            names.append(token)
    return [name for name in names if name]


def _add(node: Node, names: list[str], value: object) -> None:
    for name in names:
        if name not in node:
            node[name] = value
        elif isinstance(node[name], list):
            node[name].append(value)
        else:
            node[name] = [node[name], value]


class _Page(HTMLParser):
    """
    Reads a page's JSON-LD scripts, microdata and RDFa, and its address.

    A JSON-LD script is kept with the line it starts on; a script left
    open runs to the end of the page, as in a browser. A microdata item
    (``itemscope``, ``itemtype``, ``itemprop``, ``itemid``) or an RDFa
    one (``typeof``, ``property``, ``resource``) becomes a node like a
    JSON-LD one, with nested items as nested nodes.
    """

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.scripts: list[tuple[int, str]] = []
        self.items: list[_Item] = []
        self.canonical: str | None = None
        self.og_url: str | None = None
        self._script: tuple[int, int, list[str]] | None = None
        self._stack: list[_Open] = []
        self._raw = False

    def handle_starttag(
        self, tag: str, attrs: list[tuple[str, str | None]]
    ) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "script":
            self._raw = True
            kind = values.get("type", "").split(";")[0].strip().lower()
            if kind == "application/ld+json":
                line, column = self.getpos()
                before = self.page.split("\n", line - 1)
                start = len(self.page) - len(before[-1]) + column
                end = start + len(self.get_starttag_text() or "")
                self._script = (line, end, [])
        elif tag == "style":
            self._raw = True
        self._address(tag, values)
        opened = self._structured(tag, values)
        if tag in _VOID:
            self._close(opened)
        else:
            self._stack.append(opened)

    def handle_startendtag(
        self, tag: str, attrs: list[tuple[str, str | None]]
    ) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script[2].append(data)
        if self._raw:
            return
        for opened in self._stack:
            if opened.text is not None:
                opened.text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._raw = False
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script[0], "".join(self._script[2])))
            self._script = None
        if not any(opened.tag == tag for opened in self._stack):
            return
        while True:  # down to the element it ends, closing those inside
            opened = self._stack.pop()
            self._close(opened)
            if opened.tag == tag:
                break

    def close(self) -> None:
        super().close()
        if self._script is not None:
            self.scripts.append(
                (self._script[0], self.page[self._script[1] :])
            )
            self._script = None
        while self._stack:
            self._close(self._stack.pop())

    def _address(self, tag: str, values: dict[str, str]) -> None:
        if (
            tag == "link"
            and "canonical" in values.get("rel", "").lower().split()
        ):
            self.canonical = self.canonical or values.get("href") or None
        if tag == "meta" and "og:url" in (
            values.get("property", "").lower(),
            values.get("name", "").lower(),
        ):
            self.og_url = self.og_url or values.get("content") or None

    def _owner(self, syntax: str) -> _Item | None:
        for opened in reversed(self._stack):
            if opened.item is not None and opened.item.syntax == syntax:
                return opened.item
        return None

    def _structured(self, tag: str, values: dict[str, str]) -> _Open:
        """
        The element's part in microdata and RDFa: an item, a property.
        """
        opened = _Open(tag)
        for syntax, starts, types, props, node_id in (
            ("microdata", "itemscope", "itemtype", "itemprop", "itemid"),
            ("rdfa", "typeof", "typeof", "property", "resource"),
        ):
            names = _property_names(values.get(props), rdfa=syntax == "rdfa")
            owner = self._owner(syntax)
            if starts in values:
                item = _Item(syntax, {})
                kinds = values.get(types, "").split()
                if kinds:
                    item.node["@type"] = kinds if len(kinds) > 1 else kinds[0]
                if values.get(node_id):
                    item.node["@id"] = values[node_id]
                if names and owner is not None:
                    _add(owner.node, names, item.node)
                else:
                    self.items.append(item)
                opened.item = item
            elif names and owner is not None:
                value = self._value(tag, values, syntax)
                if value is not None:
                    _add(owner.node, names, value)
                else:
                    opened.targets.append((owner, names))
                    opened.text = []
        return opened

    @staticmethod
    def _value(tag: str, values: dict[str, str], syntax: str) -> str | None:
        """
        A property's value given by an attribute, if one gives it.
        """
        if "content" in values:
            return values["content"]
        if syntax == "rdfa":
            for key in ("href", "src", "resource", "datetime"):
                if key in values:
                    return values[key]
            return None
        name = _SOURCE_OF.get(tag)
        return values.get(name) if name is not None else None

    @staticmethod
    def _close(opened: _Open) -> None:
        if opened.text is None:
            return
        value = " ".join("".join(opened.text).split())
        for owner, names in opened.targets:
            _add(owner.node, names, value)


# -- JSON-LD nodes ------------------------------------------------------------


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
    A ClaimReview or Claim node, and what reading it needs.

    The document's ``@id`` index, the address relative URLs are read
    against, and whether the import is lenient.
    """

    node: Node
    index: dict[str, Node]
    base: _Base | None = None
    lenient: bool = False

    def get(self, value: object) -> object:
        """
        A value, with a reference (``{"@id": ...}``) resolved if it can be.
        """
        if isinstance(value, dict) and set(value) <= {"@id", "@type"}:
            return self.index.get(value.get("@id"), value)  # type: ignore[arg-type]
        return value


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _nodes(
    value: Any, path: str, *, top: bool = True
) -> Iterator[tuple[str, Node | ClaimtrackError]]:
    """
    The ClaimReview and Claim nodes of a document, with their paths.

    Arrays, ``@graph`` and the properties of other nodes are walked (a
    ``DataFeed``'s ``dataFeedElement``, a ``DataFeedItem``'s ``item``, a
    page's ``mainEntity``); a ClaimReview or Claim is not looked into.
    """
    if isinstance(value, list):
        for number, item in enumerate(value):
            yield from _nodes(item, f"{path}[{number}]", top=top)
    elif isinstance(value, dict):
        if _types(value) & _RECORDS:
            yield path, value
            return
        for key, item in value.items():
            if key.startswith("@") and key != "@graph":
                continue
            where = f".{key}" if _NAME.fullmatch(key) else f"[{key!r}]"
            yield from _nodes(item, path + where, top=key == "@graph")
    elif top:
        yield (
            path,
            InvalidDocumentError(
                "", value, "must be a JSON object or an array of them"
            ),
        )


def _read_node(
    node: Node | ClaimtrackError,
    index: dict[str, Node],
    base: _Base | None,
    *,
    lenient: bool,
) -> tuple[list[Review] | ClaimtrackError, tuple[str | None, str]]:
    """
    Read one node, and the claim id it gives (a written ``@id``).

    A fault is an error whose field is its relative path.
    """
    if isinstance(node, ClaimtrackError):
        return node, (None, "")
    found = _Found(node, index, base, lenient)
    try:
        if "ClaimReview" in _types(node):
            review = _read_review(found)
            item = found.get(node.get("itemReviewed"))
            field = "itemReviewed.@id"
            return [review], (_claim_id(item, field), field)
        return [_read_claim(found)], (_claim_id(node, "@id"), "@id")
    except InvalidDocumentError as exc:
        return exc, (None, "")


def _claim_id(item: object, field: str) -> str | None:
    """
    The claim id a written ``@id`` (`CLAIM_ID` and the id) gives.
    """
    if not isinstance(item, dict):
        return None
    value = item.get("@id")
    if not isinstance(value, str) or not value.startswith(CLAIM_ID):
        return None
    claim_id = urllib.parse.unquote(value[len(CLAIM_ID) :])
    if not claim_id.strip():
        raise InvalidDocumentError(field, value, "names no claim id")
    return claim_id


# -- fields -------------------------------------------------------------------


def _unescaped(text: str) -> str:
    """
    Text with HTML entities decoded, twice over if it was escaped twice.

    Pages often put ``&#039;`` or ``&amp;quot;`` in JSON-LD text.
    """
    while "&" in text:  # each round is shorter: it ends
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    return text


def _one(
    found: _Found, mapping: Node, key: str, field: str, flags: list[str]
) -> object:
    """
    A field that holds one value, also given as an array of one.

    A longer array is an error, or leniently the first value, flagged.
    A JSON-LD value object (``{"@value": "..."}``) is its value.
    """
    value = mapping.get(key)
    if isinstance(value, list):
        values: list[object] = []
        for item in value:
            if item not in (None, "") and item not in values:
                values.append(item)
        if len(values) > 1:
            if not found.lenient:
                raise InvalidDocumentError(
                    field,
                    value,
                    f"has {len(values)} values where one is expected (a "
                    "lenient import takes the first)",
                )
            flags.append(
                f"{field} has {len(values)} values: only the first is kept"
            )
        value = values[0] if values else None
    if isinstance(value, dict) and "@value" in value:
        value = value["@value"]
    return value


def _text(
    found: _Found,
    mapping: Node,
    key: str,
    field: str,
    flags: list[str],
    *,
    numbers: bool = False,
) -> str | None:
    """
    A text field: stripped, entities decoded; None if missing or empty.

    With *numbers*, a number is read as its text (a ``ratingExplanation``
    of ``3``).

    Raises:
        InvalidDocumentError: If it is not text (or a number, if allowed).
    """
    value = _one(found, mapping, key, field, flags)
    if (
        numbers
        and isinstance(value, int | float)
        and not isinstance(value, bool)
    ):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidDocumentError(field, value, "must be text")
    return _unescaped(value).strip() or None


_HOST = re.compile(
    r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+"
    r"(?!(?:s?html?|php|aspx?|jsp|cgi|cfm|json|xml|pdf|jpe?g|png|gif|txt)"
    r"(?:[:/?#]|$))[a-z]{2,24}(?::[0-9]+)?(?:[/?#]|$)",
    re.IGNORECASE,
)


def _url(
    found: _Found, value: object, field: str, flags: list[str], lost: str
) -> str | None:
    """
    A URL, read against the page's address if it is relative.

    ``example.org/news/…`` (a host with no scheme) and ``//example.org/…``
    get the page's scheme (https if unknown); ``/verifica/…`` is read
    against the page's address. What was read so is flagged; a relative
    URL with no address to read it against is flagged, and None (*lost*
    says what follows).

    Raises:
        InvalidDocumentError: If it is not a URL, or not an http(s) one.
    """
    if isinstance(value, dict) and isinstance(value.get("@id"), str):
        value = value["@id"]
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise InvalidDocumentError(field, value, "must be a URL")
    given = _unescaped(value).strip()
    parts = split_url(given)
    if parts is None:
        raise InvalidDocumentError(field, value, "must be a URL")
    if parts.scheme and not _HOST.match(given):
        return url_field(given, field)  # absolute, or not http(s)
    if re.search(r"\s", given):
        raise InvalidDocumentError(field, value, "must be a URL")
    scheme = urllib.parse.urlsplit(found.base.url).scheme if found.base else ""
    if given.startswith("//"):
        resolved, how = f"{scheme or 'https'}:{given}", "has no scheme"
    elif _HOST.match(given):
        resolved, how = f"{scheme or 'https'}://{given}", "has no scheme"
    elif found.base is not None:
        resolved = urllib.parse.urljoin(found.base.url, given)
        how = f"is relative to {found.base.how}"
    else:
        flags.append(
            f"{field} {given!r} is relative, and the page's address is "
            f"unknown (give base_url): {lost}"
        )
        return None
    url = url_field(resolved, field)
    flags.append(f"{field} {given!r} {how}: read as {url}")
    return url


def _url_name(url: str) -> str | None:
    """
    The name of a claimant given only by a URL: its host and path.
    """
    path = urllib.parse.urlsplit(url).path.strip("/")
    return f"{host_name(url)}/{path}" if path else None


# -- reviews ------------------------------------------------------------------


def _read_review(found: _Found) -> Review:
    node = found.node
    flags: list[str] = []
    url = _url(
        found,
        _one(found, node, "url", "url", flags),
        "url",
        flags,
        "the review's article is not kept",
    )
    text = _text(found, node, "claimReviewed", "claimReviewed", flags)
    if text is None:
        raise InvalidDocumentError(
            "claimReviewed", node.get("claimReviewed"), "is required"
        )
    published = moment = None
    date = _one(found, node, "datePublished", "datePublished", flags)
    if date not in (None, ""):
        published, moment = read_moment(date, "datePublished")
    from_url = politifact(url) if url else None
    if published is None and from_url is not None and from_url[0]:
        published = from_url[0]
        moment = read_moment(published.isoformat(), "url")[1]
    publisher = _publisher(found, url, flags)
    item = found.get(_one(found, node, "itemReviewed", "itemReviewed", flags))
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
    title = _text(found, node, "name", "name", flags) or _text(
        found, node, "headline", "headline", flags
    )
    article = None
    if url is not None:
        language = _one(found, node, "inLanguage", "inLanguage", flags)
        article = source(
            url,
            title=title,
            publisher=publisher,
            published=published,
            language=language_of(language, flags),
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
    flags: list[str] = []
    text = _text(found, node, "text", "text", flags) or _text(
        found, node, "name", "name", flags
    )
    if text is None:
        raise InvalidDocumentError("text", node.get("text"), "is required")
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
    people = _people(found, item.get("author"), f"{path}author", flags)
    speakers: list[Actor] = []
    for n, person in enumerate(people):
        field = f"{path}author" if len(people) == 1 else f"{path}author[{n}]"
        speakers += _claimants(person, field, flags)
    speakers = list({actor.id: actor for actor in speakers}.values())
    speaker = speakers[0] if speakers else None
    said = None
    date = _one(found, item, "datePublished", f"{path}datePublished", flags)
    if date not in (None, ""):
        said = read_when(date, f"{path}datePublished")
    tags = _keywords(keywords, "keywords")
    if item is not keywords:
        tags = (*tags, *_keywords(item, f"{path}keywords"))
    return Review(
        "-",
        claimant=speaker,
        others=tuple(speakers[1:]),
        said=said,
        appearance=_appearance(found, item, path, flags),
        tags=tags_of(tags),
    )


def _keywords(node: Node, field: str) -> tuple[str, ...]:
    value = node.get("keywords")
    if value is None:
        return ()
    if isinstance(value, str):
        return tags_of(_unescaped(value))
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(_unescaped(v) for v in value)
    raise InvalidDocumentError(field, value, "must be text or a list of texts")


@attrs.frozen
class _Person:
    """
    An author as the markup gives it: a name, a kind, a role, a URL.
    """

    name: str | None
    kind: ActorKind = ActorKind.PERSON
    role: str | None = None
    url: str | None = None


def _people(
    found: _Found, value: object, field: str, flags: list[str]
) -> list[_Person]:
    """
    Authors: each a name (if any), a kind, a role (job title) and a URL.

    A ``name`` given as a list of texts is a name and a role (``["Jane
    Doe", "mayor of X"]``), flagged.
    """
    value = found.get(value)
    if value is None:
        return []
    if isinstance(value, list):
        return [
            person
            for number, item in enumerate(value)
            for person in _people(found, item, f"{field}[{number}]", flags)
        ]
    if isinstance(value, str):
        text = _unescaped(value).strip()
        if _absolute(text):
            return [_Person(None, url=url_field(text, field))]
        return [_Person(text or None)]
    if not isinstance(value, dict):
        raise InvalidDocumentError(
            field, value, "must be a name, a Person or an Organization"
        )
    kinds = [_KINDS[t] for t in sorted(_types(value)) if t in _KINDS]
    named = value.get("name")
    name: str | None
    role = None
    if (
        isinstance(named, list)
        and len([n for n in named if isinstance(n, str) and n.strip()]) > 1
        and all(isinstance(n, str) for n in named)
    ):
        parts = [_unescaped(n).strip() for n in named if n.strip()]
        name, role = parts[0], ", ".join(parts[1:])
        flags.append(
            f"{field}.name is a list: {name!r} is read as the name and "
            f"{role!r} as the role"
        )
    else:
        name = _text(found, value, "name", f"{field}.name", flags) or _text(
            found, value, "alternateName", f"{field}.alternateName", flags
        )
    role = (
        _text(found, value, "jobTitle", f"{field}.jobTitle", flags)
        or _text(found, value, "title", f"{field}.title", flags)
        or role
    )
    url = _url(
        found,
        _one(found, value, "url", f"{field}.url", flags),
        f"{field}.url",
        flags,
        "it is not kept",
    )
    return [_Person(name, kinds[0] if kinds else ActorKind.PERSON, role, url)]


def _claimants(
    person: _Person, field: str, flags: list[str]
) -> tuple[Actor, ...]:
    """
    The actors a claimant names: by its name, else by its URL alone.

    A name is read as the publishers write them (`claimants`): "Varias
    fuentes" is an unnamed group, "A and B" is two claimants, "Twitter
    user @x" is @x. A claimant's URL is kept as an alias of the one it
    names, and written back as its URL.
    """
    if person.name is None:
        name = None if person.url is None else _url_name(person.url)
        if name is None:
            return ()
        flags.append(
            f"{field} is given only by its URL, {person.url}: the "
            f"claimant is named {name!r}"
        )
        actors: tuple[Actor, ...] = (
            claimant(name, kind=person.kind, role=person.role),
        )
    else:  # a group or several are flagged when the review is checked
        actors = claimants(person.name, kind=person.kind, role=person.role)
    if person.url is not None and len(actors) == 1 and actors[0].name:
        actors = (attrs.evolve(actors[0], aliases=(person.url,)),)
    return actors


def _publisher(found: _Found, url: str | None, flags: list[str]) -> str | None:
    """
    Who published the review.

    Its publisher's name, else its (first organization) author's, else the
    site of its publisher or author, else the site of its URL.
    """
    node = found.node
    publishers = _people(found, node.get("publisher"), "publisher", flags)
    authors = _people(found, node.get("author"), "author", flags)
    organizations = [p for p in authors if p.kind is not ActorKind.PERSON]
    for person in (*publishers, *organizations, *authors):
        if person.name:
            return person.name
    for person in (*publishers, *authors):
        if person.url:
            return host_name(person.url)
    return host_name(url) if url else None


def _appearance(
    found: _Found, item: Node, path: str, flags: list[str]
) -> Source | None:
    """
    Where the claim appeared.

    ``firstAppearance``, else ``appearance``, else the item's own ``url``
    (a post or an article): a source with its headline, date, and
    publisher (or author).
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
    if path and item.get("url") not in (None, ""):
        places.append((f"{path}url", item))
    chosen: list[Source] = []
    for field, value in places:
        work, url = _place(found, value, field, flags)
        if url is None:
            continue
        if any(s.url == url for s in chosen):
            continue
        chosen.append(_work(found, work, url, field, flags, own=work is item))
    if len(chosen) > 1:
        flags.append(
            f"the claim appeared in {len(chosen)} places: only the first, "
            f"{chosen[0].url}, is kept"
        )
    return chosen[0] if chosen else None


def _place(
    found: _Found, value: object, field: str, flags: list[str]
) -> tuple[Node, str | None]:
    """
    A place a claim appeared (a URL, or a CreativeWork), and its URL.

    A place with no URL (or a relative one that cannot be read) is
    flagged, and not kept. A node's ``@id`` is its URL only when it is an
    absolute one.
    """
    place = found.get(value)
    work: Node = place if isinstance(place, dict) else {}
    given = place
    if work:
        node_id = work.get("@id")
        given = _one(found, work, "url", f"{field}.url", flags) or (
            node_id
            if isinstance(node_id, str) and _absolute(node_id)
            else None
        )
    before = len(flags)
    url = _url(found, given, field, flags, "it is not kept")
    if url is None and len(flags) == before:
        flags.append(f"{field} has no URL: it is not kept")
    return work, url


def _work(
    found: _Found,
    work: Node,
    url: str,
    field: str,
    flags: list[str],
    *,
    own: bool,
) -> Source:
    """
    The source a CreativeWork (or the reviewed item itself) describes.
    """
    where = field.removesuffix(".url") if own else field
    published = None
    date = _one(found, work, "datePublished", f"{where}.datePublished", flags)
    if date not in (None, ""):
        published = read_when(date, f"{where}.datePublished")
    title = _text(found, work, "headline", f"{where}.headline", flags)
    if title is None and not (own and "Claim" in _types(work)):
        title = _text(found, work, "name", f"{where}.name", flags)
    names = _people(found, work.get("publisher"), f"{where}.publisher", flags)
    if not own:
        names += _people(found, work.get("author"), f"{where}.author", flags)
    return source(
        url,
        title=title,
        publisher=next((p.name for p in names if p.name), None),
        published=published,
    )


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
        rating = found.get(rating[0]) if rating else None
    if rating is None:
        return None, None, None
    if not isinstance(rating, dict):
        raise InvalidDocumentError(
            "reviewRating", rating, "must be a Rating object"
        )
    field = "reviewRating."
    label = label_of(
        _text(
            found,
            rating,
            "alternateName",
            f"{field}alternateName",
            flags,
            numbers=True,
        ),
        f"{field}alternateName",
    )
    value, worst, best = (
        read_number(
            _one(found, rating, key, f"{field}{key}", flags), f"{field}{key}"
        )
        for key in ("ratingValue", "worstRating", "bestRating")
    )
    numbers = check_numbers(value, worst, best, flags)
    if numbers is not None and label == numbers.label:
        label = None  # the number again, not a label of its own
    explanation = _text(
        found,
        rating,
        "ratingExplanation",
        f"{field}ratingExplanation",
        flags,
        numbers=True,
    )
    return label, numbers, explanation


# -- records ------------------------------------------------------------------


@attrs.frozen
class _Keeping(Into):
    """
    Adds reviews as `Into` does, giving the claim the id it was written with.

    A claim the tracker holds under that id with other words is a clash.
    """

    wanted: str = ""
    field: str = "@id"

    def claim(self, scratch: Tracker, claim: Claim, by: str | None) -> str:
        """
        Add *claim* under the wanted id (or the one stored under it).
        """
        stored = self._stored(scratch, self.wanted, Claim)
        if stored is not None and stored.text.split() != claim.text.split():
            raise DuplicateIdError(
                self.field,
                f"{CLAIM_ID}{self.wanted}",
                f"the tracker's claim with this id is {stored.text!r}",
            )
        return super().claim(scratch, attrs.evolve(claim, id=self.wanted), by)


def _records(
    into: Into,
    reviews: list[tuple[str, list[Review] | ClaimtrackError]],
    ids: list[tuple[str | None, str]],
    flags: list[Flag],
) -> Iterable[Record]:
    """
    Records that add *reviews*, each claim under its written id if any.
    """
    return (
        failing(where, items)
        if isinstance(items, ClaimtrackError)
        else Record(
            where,
            adding(
                into
                if wanted is None
                else _Keeping(into.target, into.at, wanted, field),
                where,
                [checked(r) for r in items],
                flags,
            ),
        )
        for (where, items), (wanted, field) in zip(reviews, ids, strict=True)
    )


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
    said is its ``datePublished``, its source (if it has a URL) is its
    ``appearance``, and its id is its ``@id`` (`CLAIM_ID` and the id). A
    claim with no verdict is written as a bare Claim.

    A review the tracker holds no date for (an import dated its verdict
    at the import) has no ``datePublished``; an unnamed group is no
    author's name; a URL an actor is known by is its ``url``.

    Args:
        tracker: Where the claims are.
        claims: The claims (or their ids) to write; all, in the order
            added, if omitted.

    Raises:
        UnknownClaimError: If a claim is not in the tracker.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       Claims keep their ids; undated reviews, unnamed groups and
       appearances without a URL are written as they are known.
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
    writer = _Writer(tracker)
    written: list[dict[str, Any]] = []
    for claim in chosen:
        reviews = list(writer.reviews(claim))
        written.extend(reviews or [writer.claim(claim)])
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


class _Writer:
    """
    Writes one tracker's claims, with what it looks up once for them all.
    """

    def __init__(self, tracker: Tracker) -> None:
        self.tracker = tracker
        self._urls: dict[str, str] | None = None

    def reviews(self, claim: Claim) -> Iterator[dict[str, Any]]:
        """
        A claim's verdicts as ClaimReview objects.
        """
        tracker = self.tracker
        groups: dict[tuple[str | None, dt.datetime], list[Verdict]] = {}
        for verdict in tracker.verdicts(claim):
            groups.setdefault((verdict.by, verdict.at), []).append(verdict)
        cited = [
            e for e in tracker.evidence(claim) if is_review_article(tracker, e)
        ]
        added = tracker.history(claim)[0]
        for (by, at), verdicts in groups.items():
            numeric = [v for v in verdicts if numbers_of(v.label, v.scale)]
            labelled = [v for v in verdicts if v not in numeric] or numeric[:1]
            article = next(
                (e for e in cited if (e.by, e.at) == (by, at)), None
            )
            undated = self._undated(article, by, at, (added.by, added.at))
            for verdict in labelled:
                review: dict[str, Any] = {"@context": CONTEXT}
                review["@type"] = "ClaimReview"
                review.update(self._article(article))
                review["claimReviewed"] = claim.text
                if not undated:
                    review["datePublished"] = date_text(at)
                if by is not None:
                    review["author"] = {"@type": "Organization", "name": by}
                    if by in self.urls:
                        review["author"]["url"] = self.urls[by]
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
                review["itemReviewed"] = self.item(claim)
                if claim.tags:
                    review["keywords"] = list(claim.tags)
                yield review

    def claim(self, claim: Claim) -> dict[str, Any]:
        """
        A claim with no verdict, as a bare Claim.
        """
        written: dict[str, Any] = {"@context": CONTEXT}
        written.update(self.item(claim))
        written["text"] = claim.text
        if claim.tags:
            written["keywords"] = list(claim.tags)
        return written

    def item(self, claim: Claim) -> dict[str, Any]:
        """
        The Claim a review is of: its id, speaker, date and appearance.
        """
        item: dict[str, Any] = {"@type": "Claim"}
        item["@id"] = CLAIM_ID + urllib.parse.quote(claim.id, safe="")
        if claim.speaker != UNKNOWN_CLAIMANT.id:
            author = self.actor(self.tracker.actor(claim.speaker))
            if len(author) > 1:
                item["author"] = author
        if claim.said is not None:
            item["datePublished"] = claim.said.isoformat()
        if claim.source is not None:
            found = self.tracker.source(claim.source)
            if found.url is not None:
                item["appearance"] = _write_work(found)
        return item

    @property
    def urls(self) -> dict[str, str]:
        """
        The URL each actor is known by (an alias that is a URL), by name.
        """
        if self._urls is None:
            self._urls = {}
            for actor in self.tracker.actors():
                url = _actor_url(actor)
                if url is not None:
                    for name in (actor.id, actor.name):
                        if name is not None:
                            self._urls.setdefault(name, url)
        return self._urls

    @staticmethod
    def actor(actor: Actor) -> dict[str, Any]:
        """
        An actor as an author: its name, role and URL, as known.

        An unnamed group is an Organization with its role as the
        ``description``, never with its id as a name.
        """
        written: dict[str, Any] = {"@type": _TYPES[actor.kind]}
        if actor.name is not None:
            written["name"] = actor.name
        if actor.role and actor.kind is ActorKind.PERSON:
            written["jobTitle"] = actor.role
        elif actor.role and actor.name is None:
            written["description"] = actor.role
        url = _actor_url(actor)
        if url is not None:
            written["url"] = url
        return written

    def _article(self, article: Evidence | None) -> dict[str, Any]:
        if article is None:
            return {}
        item = article.items[0]
        if item.url is not None:
            return {"url": item.url}
        # A review's article (`is_review_article`) has a URL.
        found = self.tracker.source(item.source)  # type: ignore[arg-type]
        written: dict[str, Any] = {"url": found.url}
        if found.title:
            written["name"] = found.title
        if found.language:
            written["inLanguage"] = found.language
        return written

    def _undated(
        self,
        article: Evidence | None,
        by: str | None,
        at: dt.datetime,
        added: tuple[str | None, dt.datetime],
    ) -> bool:
        """
        Whether a review's time is only when an import recorded it.

        An import dates the verdicts of a review that gives no date at the
        import. Such a review's article (a source its publisher published)
        has no date; with no article, its claim was recorded by the same
        hand at the same moment as its verdicts.
        """
        if article is None or article.items[0].source is None:
            return added == (by, at)
        found = self.tracker.source(article.items[0].source)
        return found.published is None and found.publisher == by


def _actor_url(actor: Actor) -> str | None:
    """
    The URL an actor is known by: its first alias that is a URL.
    """
    return next((a for a in actor.aliases if _absolute(a)), None)


def _write_work(found: Source) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork"}
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
