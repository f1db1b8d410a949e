"""
W3C Web Annotation: a span as an annotation, and an annotation as a span.

An annotation written by `to_annotation` is a Web Annotation Data Model
JSON-LD object (https://www.w3.org/TR/annotation-model/)::

    {"@context": "http://www.w3.org/ns/anno.jsonld",
     "id": "urn:claimtrack:annotation:…",
     "type": "Annotation",
     "body": {"type": "TextualBody", "value": "…", "format": "text/plain"},
     "target": {
         "source": "https://…",
         "selector": [
             {"type": "TextQuoteSelector",
              "exact": "…", "prefix": "…", "suffix": "…"},
             {"type": "TextPositionSelector", "start": 321, "end": 357}]}}

The target's source is the source's URL when it has one, else
``urn:claimtrack:source:`` and the source's id, percent-encoded
(`source_iri`). Positions count code points, as the model requires ("in
terms of unicode code points ... not in terms of code units") and as
Python indexes a ``str``.

`from_annotation` reads such an object, or one from Hypothesis's API
(whose ``target`` is a list of one, without ``@context``), back into a
span of a source. The ``@context`` is never fetched, nor anything else.
"""

from __future__ import annotations

import hashlib
import json
import urllib.parse
from collections.abc import Mapping
from typing import Any, NamedTuple

from claimtrack._anchor import best_places, find_all
from claimtrack._models import CONTEXT_LENGTH, Source, Span
from claimtrack._serialize import parse_json
from claimtrack._validators import instance_of, non_empty_str
from claimtrack.exceptions import (
    AmbiguousQuoteError,
    InvalidDocumentError,
    InvalidTypeError,
    InvalidValueError,
    MissingTextError,
    QuoteNotFoundError,
    SpanMismatchError,
)
from claimtrack.formats._common import MAX_BYTES, Input, read_text


__all__ = [
    "CONTEXT",
    "SOURCE_IRI",
    "from_annotation",
    "source_iri",
    "to_annotation",
]

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
"""The JSON-LD context of the Web Annotation model."""

SOURCE_IRI = "urn:claimtrack:source:"
"""How the IRI of a source without a URL begins; its id follows."""

_ANNOTATION_IRI = "urn:claimtrack:annotation:"
_QUOTE = "TextQuoteSelector"
_POSITION = "TextPositionSelector"
_TYPES = {
    f"{prefix}{name}": name
    for name in (_QUOTE, _POSITION)
    for prefix in ("", "oa:", "http://www.w3.org/ns/oa#")
}
_ANNOTATION_TYPES = {
    "Annotation",
    "oa:Annotation",
    "http://www.w3.org/ns/oa#Annotation",
}


def source_iri(source: Source | str) -> str:
    """
    The IRI an annotation names a source by.

    The source's URL when it has one; otherwise ``urn:claimtrack:source:``
    and its id, percent-encoded (``urn:claimtrack:source:indiatv-2025``).

    Args:
        source: A `Source`, or a source's id.

    .. versionadded:: 0.1.0
    """
    if isinstance(source, Source):
        if source.url is not None:
            return source.url
        source = source.id
    non_empty_str()(None, "source", source)
    return SOURCE_IRI + urllib.parse.quote(source, safe="-._~")


def to_annotation(
    span: Span,
    *,
    source: Source | None = None,
    id: str | None = None,  # noqa: A002
    body: str | Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """
    Write *span* as a W3C Web Annotation, a JSON-LD ``dict``.

    The target has a TextQuoteSelector (the span's ``exact``, ``prefix``
    and ``suffix``) and a TextPositionSelector (its ``start`` and ``end``,
    in code points). ``json.dumps`` writes it out.

    Args:
        span: The span.
        source: Its source. The target names the source's URL if it has
            one; otherwise, as without a source, the source's IRI made from
            its id (see `source_iri`). A source with text is checked against
            the span, and gives it its context if it has none.
        id: The annotation's IRI. By default one is made from the target:
            ``urn:claimtrack:annotation:`` and 16 hex digits, the same for
            the same target.
        body: What the annotation says: text (written as a plain-text
            ``TextualBody``) or a body object, copied as is. None for an
            annotation without a body, such as a highlight.

    Raises:
        InvalidTypeError: If an argument has the wrong type.
        InvalidValueError: If neither the span nor *source* names the
            source.
        SpanMismatchError: If the span names another source than *source*,
            or is not true to its text.

    .. versionadded:: 0.1.0
    """
    instance_of(Span)(None, "span", span)
    if source is not None:
        instance_of(Source)(None, "source", source)
        if span.source not in (None, source.id):
            raise SpanMismatchError(
                "span.source",
                span.source,
                f"the span quotes another source than {source.id!r}",
            )
        if source.text is not None:
            span = source.check_span(span)
    elif span.source is None:
        raise InvalidValueError(
            "span.source",
            None,
            "the span does not name its source: give it one, or pass source=",
        )
    target = source_iri(source if source is not None else str(span.source))
    if id is None:
        blob = json.dumps([target, span.start, span.end, span.exact])
        digest = hashlib.sha256(blob.encode()).hexdigest()
        id = f"{_ANNOTATION_IRI}{digest[:16]}"  # noqa: A001
    non_empty_str()(None, "id", id)
    annotation: dict[str, Any] = {
        "@context": CONTEXT,
        "id": id,
        "type": "Annotation",
    }
    if isinstance(body, str):
        annotation["body"] = {
            "type": "TextualBody",
            "value": body,
            "format": "text/plain",
        }
    elif isinstance(body, Mapping):
        annotation["body"] = dict(body)
    elif body is not None:
        raise InvalidTypeError(
            "body", body, "must be text, a body object (a dict) or None"
        )
    annotation["target"] = {
        "source": target,
        "selector": [
            {
                "type": _QUOTE,
                "exact": span.exact,
                "prefix": span.prefix,
                "suffix": span.suffix,
            },
            {"type": _POSITION, "start": span.start, "end": span.end},
        ],
    }
    return annotation


def from_annotation(
    data: Mapping[str, Any] | Input,
    source: Source,
    *,
    max_bytes: int = MAX_BYTES,
) -> Span:
    """
    Read a W3C Web Annotation's target as a span of *source*.

    The annotation's TextPositionSelector is used when the text at its
    offsets is the quote of its TextQuoteSelector (or when it has no
    quote). Offsets that count UTF-16 code units, as browser tools such as
    Hypothesis write them, are recognised by the quote. Otherwise the quote
    is looked for: found once, that is the span; found several times, the
    prefix and suffix choose the one their text agrees with best. The
    selectors may come in any order, alone or in a list; other kinds of
    selector are skipped. The target's ``source`` is not compared with the
    source's URL (one article lives at many URLs), only with the IRI
    `source_iri` makes for another source.

    Args:
        data: The annotation: a ``dict`` as `json.loads` gives it, or JSON
            text, bytes, a path or an open file.
        source: The source the annotation is on; it must have text.
        max_bytes: The largest input read; larger is refused unread.

    Returns:
        The span, with its context from the source's text.

    Raises:
        InvalidDocumentError: If the annotation is malformed, naming the
            field (``target.selector[0].exact``).
        QuoteNotFoundError: If neither selector anchors: the quote is not
            in the text.
        AmbiguousQuoteError: If the quote occurs at several places its
            context cannot tell apart; ``candidates`` holds them.
        SpanMismatchError: If the only selector is a position outside the
            text, or the target names another claimtrack source.
        MissingTextError: If the source has no text.
        DocumentTooLargeError: If the input is over *max_bytes*.

    .. versionadded:: 0.1.0
    """
    instance_of(Source)(None, "source", source)
    if source.text is None:
        raise MissingTextError(
            "source.text", None, f"source {source.id!r} has no text"
        )
    annotation = _read(data, max_bytes)
    where, target = _target(annotation)
    _check_source(target, where, source)
    position, quote = _selectors(target, where)
    text = source.text
    if position is not None:
        found = _at_position(text, position.start, position.end, quote)
        if found is not None:
            return source.span_at(*found)
        if quote is None:
            raise SpanMismatchError(
                f"{position.path}.end",
                position.end,
                f"is past the end of source {source.id!r} "
                f"({len(text)} code points)",
            )
    assert quote is not None  # noqa: S101 -- _selectors found one
    return _by_quote(source, text, quote)


def _read(
    data: Mapping[str, Any] | Input, max_bytes: int
) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        text = read_text(data, max_bytes=max_bytes)
        data = parse_json(text)
        if not isinstance(data, dict):
            raise InvalidDocumentError(
                "$", data, "must be a JSON object: one annotation"
            )
    kind = data.get("type")
    kinds = kind if isinstance(kind, list) else [kind]
    if kind is not None and not _ANNOTATION_TYPES.intersection(
        k for k in kinds if isinstance(k, str)
    ):
        raise InvalidDocumentError("type", kind, "is not an Annotation")
    return data


def _target(annotation: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    """
    The annotation's one target, and where it is in the document.
    """
    target = annotation.get("target")
    where = "target"
    if isinstance(target, list):
        if len(target) != 1:
            raise InvalidDocumentError(
                "target",
                target,
                f"has {len(target)} targets; an annotation of one span has "
                "one",
            )
        target, where = target[0], "target[0]"
    if target is None:
        raise InvalidDocumentError(where, None, "is missing")
    if isinstance(target, str):
        raise InvalidDocumentError(
            where,
            target,
            "names a whole resource: it has no selector to find a span by",
        )
    if not isinstance(target, dict):
        raise InvalidDocumentError(where, target, "must be a JSON object")
    return where, target


def _check_source(target: dict[str, Any], where: str, source: Source) -> None:
    named = target.get("source")
    if isinstance(named, dict):
        named = named.get("id")
    if named is None:
        return
    if not isinstance(named, str):
        raise InvalidDocumentError(
            f"{where}.source", named, "must be an IRI, a string"
        )
    if named.startswith(SOURCE_IRI) and named != source_iri(source.id):
        raise SpanMismatchError(
            f"{where}.source",
            named,
            f"names another source than {source.id!r}",
        )


class _Position(NamedTuple):
    path: str
    start: int
    end: int


class _Quote(NamedTuple):
    path: str
    exact: str
    prefix: str
    suffix: str


def _selectors(
    target: dict[str, Any], where: str
) -> tuple[_Position | None, _Quote | None]:
    """
    The target's TextPositionSelector and TextQuoteSelector, read.
    """
    found = _find_selectors(target, f"{where}.selector")
    position = quote = None
    if _POSITION in found:
        position = _position(*found[_POSITION])
    if _QUOTE in found:
        quote = _quote(*found[_QUOTE])
    return position, quote


def _find_selectors(
    target: dict[str, Any], path: str
) -> dict[str, tuple[str, dict[str, Any]]]:
    """
    The target's quote and position selectors, by kind, with their paths.
    """
    given = target.get("selector")
    if given is None:
        raise InvalidDocumentError(path, None, "is missing")
    if isinstance(given, str):
        raise InvalidDocumentError(
            path,
            given,
            "refers to a selector elsewhere, which is never fetched",
        )
    found: dict[str, tuple[str, dict[str, Any]]] = {}
    items = given if isinstance(given, list) else [given]
    for n, selector in enumerate(items):
        at = f"{path}[{n}]" if isinstance(given, list) else path
        if not isinstance(selector, dict):
            raise InvalidDocumentError(at, selector, "must be a JSON object")
        kind = _TYPES.get(str(selector.get("type")))
        if kind is None:
            continue  # a selector of another kind: a CSS or XPath one
        if "refinedBy" in selector:
            raise InvalidDocumentError(
                f"{at}.refinedBy",
                selector["refinedBy"],
                "refines the selection, which claimtrack does not read",
            )
        if kind in found:
            raise InvalidDocumentError(
                at, selector, f"is a second {kind}; give one"
            )
        found[kind] = (at, selector)
    if not found:
        raise InvalidDocumentError(
            path, given, f"has no {_QUOTE} or {_POSITION}"
        )
    return found


def _position(at: str, selector: dict[str, Any]) -> _Position:
    start = _offset(selector, at, "start")
    end = _offset(selector, at, "end")
    if end <= start:
        raise InvalidDocumentError(
            f"{at}.end", end, f"must be after start={start}"
        )
    return _Position(at, start, end)


def _quote(at: str, selector: dict[str, Any]) -> _Quote:
    exact = selector.get("exact")
    if not isinstance(exact, str) or not exact:
        raise InvalidDocumentError(
            f"{at}.exact", exact, "must be the quoted text, not empty"
        )
    context = []
    for key in ("prefix", "suffix"):
        value = selector.get(key, "")
        if not isinstance(value, str):
            raise InvalidDocumentError(
                f"{at}.{key}", value, "must be a string"
            )
        context.append(value)
    # A span keeps 32 code points of context; the nearest ones count most.
    return _Quote(
        at, exact, context[0][-CONTEXT_LENGTH:], context[1][:CONTEXT_LENGTH]
    )


def _offset(selector: dict[str, Any], at: str, key: str) -> int:
    value = selector.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidDocumentError(
            f"{at}.{key}", value, "must be a whole number, 0 or more"
        )
    return value


def _at_position(
    text: str, start: int, end: int, quote: _Quote | None
) -> tuple[int, int] | None:
    """
    The offsets the position selector gives, if true to the quote.

    The offsets are read as code points and, if the text has characters
    outside the Basic Multilingual Plane, as UTF-16 code units too. Of the
    readings whose text is the quote, one whose context is the quote's
    wins; code points first.
    """
    if quote is None:
        return (start, end) if end <= len(text) else None
    readings = [(start, end)]
    if len(text) != len(text.encode("utf-16-le")) // 2:
        units = _units(text)
        if end < len(units) and units[start] >= 0 and units[end] >= 0:
            readings.append((units[start], units[end]))
    holding = [
        (s, e)
        for s, e in readings
        if e <= len(text) and text[s:e] == quote.exact
    ]
    fitting = [
        (s, e)
        for s, e in holding
        if text[:s].endswith(quote.prefix)
        and text[e:].startswith(quote.suffix)
    ]
    return next(iter(fitting or holding), None)


def _units(text: str) -> list[int]:
    """
    For each UTF-16 offset in *text*, its code point offset, or -1.

    An offset inside a surrogate pair is -1.
    """
    offsets = []
    for n, char in enumerate(text):
        offsets.append(n)
        if ord(char) > 0xFFFF:  # noqa: PLR2004 -- beyond the BMP: two units
            offsets.append(-1)
    offsets.append(len(text))
    return offsets


def _by_quote(source: Source, text: str, quote: _Quote) -> Span:
    path, exact, prefix, suffix = quote
    starts = find_all(exact, text)
    if not starts:
        raise QuoteNotFoundError(
            f"{path}.exact",
            exact,
            f"does not occur in source {source.id!r} (for an approximate "
            "match, see ct.reanchor)",
        )
    span = Span(0, len(exact), exact, prefix=prefix, suffix=suffix)
    best = best_places(span, text, starts) if len(starts) > 1 else starts
    if len(best) > 1:
        why = (
            f"and its prefix and suffix fit {len(best)} of them equally "
            f"well, at offsets {best}"
            if prefix or suffix
            else f"at offsets {best}, and it has no prefix or suffix to "
            "choose one by"
        )
        raise AmbiguousQuoteError(
            f"{path}.exact",
            exact,
            f"occurs {len(starts)} times in source {source.id!r}, {why}",
            [source.span_at(at, at + len(exact)) for at in best],
        )
    return source.span_at(best[0], best[0] + len(exact))
