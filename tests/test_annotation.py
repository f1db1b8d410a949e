"""
Tests for W3C Web Annotation in and out: claimtrack.formats.annotation.
"""

import io
import json
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack import strategies as cst
from claimtrack.formats.annotation import (
    CONTEXT,
    SOURCE_IRI,
    from_annotation,
    source_iri,
    to_annotation,
)


ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (ROOT / "seeds" / "000_821ae99d464d4b5b.txt").read_text(
    encoding="utf-8"
)
URL = "https://www.indiatvnews.com/world/rubio-el-salvador"
WITH_URL = ct.Source("indiatv-2025-02-04", text=ARTICLE, url=URL)
WITHOUT_URL = ct.Source("indiatv-2025-02-04", text=ARTICLE)
POST = ct.Source("post", text="🇸🇻 Bukele: “done”, Bukele said.")


def target(*selectors, source=None):
    """
    An annotation whose target has these selectors.
    """
    found = {"selector": list(selectors)}
    if source is not None:
        found["source"] = source
    return {"@context": CONTEXT, "type": "Annotation", "target": found}


def quote(exact, prefix=None, suffix=None):
    """
    A TextQuoteSelector.
    """
    selector = {"type": "TextQuoteSelector", "exact": exact}
    if prefix is not None:
        selector["prefix"] = prefix
    if suffix is not None:
        selector["suffix"] = suffix
    return selector


def position(start, end):
    """
    A TextPositionSelector.
    """
    return {"type": "TextPositionSelector", "start": start, "end": end}


# -- out ---------------------------------------------------------------------


class TestToAnnotation:
    """
    A span written as a Web Annotation.
    """

    def test_shape(self):
        """
        The annotation has the model's context, type, target and selectors.
        """
        span = WITH_URL.span_of("has agreed to the most unprecedented")

        annotation = to_annotation(span, source=WITH_URL)

        assert {
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": annotation["id"],
            "type": "Annotation",
            "target": {
                "source": URL,
                "selector": [
                    {
                        "type": "TextQuoteSelector",
                        "exact": "has agreed to the most unprecedented",
                        "prefix": "o said, President Nayib Bukele “",
                        "suffix": ", extraordinary, extraordinary m",
                    },
                    {"type": "TextPositionSelector", "start": 321, "end": 357},
                ],
            },
        } == annotation
        assert annotation["id"].startswith("urn:claimtrack:annotation:")
        assert json.loads(json.dumps(annotation)) == annotation

    def test_id(self):
        """
        The made-up id is the same for the same target; one can be given.
        """
        span = WITH_URL.span_of("43 migrants")
        other = WITH_URL.span_of("El Salvador", occurrence=0)

        made = to_annotation(span, source=WITH_URL)["id"]

        assert made == to_annotation(span, source=WITH_URL)["id"]
        assert made != to_annotation(other, source=WITH_URL)["id"]
        assert (
            "https://example.org/anno1"
            == (to_annotation(span, id="https://example.org/anno1")["id"])
        )

    def test_source_without_url(self):
        """
        A source without a URL is named by its claimtrack IRI.
        """
        span = WITHOUT_URL.span_of("43 migrants")

        annotation = to_annotation(span)

        assert (
            "urn:claimtrack:source:indiatv-2025-02-04"
            == (annotation["target"]["source"])
        )
        assert annotation == to_annotation(span, source=WITHOUT_URL)

    @pytest.mark.parametrize(
        ("body", "written"),
        [
            (
                "Rubio's claim",
                {
                    "type": "TextualBody",
                    "value": "Rubio's claim",
                    "format": "text/plain",
                },
            ),
            (
                {"type": "SpecificResource", "source": "https://x.org/1"},
                {"type": "SpecificResource", "source": "https://x.org/1"},
            ),
        ],
    )
    def test_body(self, body, written):
        """
        Text becomes a TextualBody; a body object is copied as is.
        """
        span = WITH_URL.span_of("43 migrants")

        assert written == to_annotation(span, body=body)["body"]

    def test_no_body(self):
        """
        Without a body the annotation has none, as a highlight.
        """
        assert "body" not in to_annotation(WITH_URL.span_of("43 migrants"))

    def test_context_filled_from_the_source(self):
        """
        A bare span gets its context from its source's text.
        """
        bare = ct.Span(989, 1000, "43 migrants")

        selector = to_annotation(bare, source=WITH_URL)["target"]["selector"][
            0
        ]

        assert ("with ", " leaving from Panama for Colombi") == (
            selector["prefix"][-5:],
            selector["suffix"],
        )

    def test_source_without_text(self):
        """
        A source without text cannot check the span, but names it.
        """
        wire = ct.Source("ap", url="https://apnews.com/a")
        span = ct.Span(0, 5, "Rubio", source="ap")

        annotation = to_annotation(span, source=wire)

        assert "https://apnews.com/a" == annotation["target"]["source"]

    @pytest.mark.parametrize(
        ("span", "kwargs", "error", "field"),
        [
            ("43 migrants", {}, ct.InvalidTypeError, "span"),
            (ct.Span(0, 5, "Rubio"), {}, ct.InvalidValueError, "span.source"),
            (
                ct.Span(0, 5, "Rubio", source="ap"),
                {"source": WITH_URL},
                ct.SpanMismatchError,
                "span.source",
            ),
            (
                ct.Span(0, 5, "Rubio", source="ap"),
                {"source": ct.Source("x")},
                ct.SpanMismatchError,
                "span.source",
            ),
            (
                ct.Span(0, 5, "Rubio"),
                {"source": WITH_URL},
                ct.SpanMismatchError,
                "span.exact",
            ),
            (
                ct.Span(0, 5, "Rubio", source="ap"),
                {"body": 3},
                ct.InvalidTypeError,
                "body",
            ),
            (
                ct.Span(0, 5, "Rubio", source="ap"),
                {"id": ""},
                ct.InvalidValueError,
                "id",
            ),
            (
                ct.Span(0, 5, "Rubio", source="ap"),
                {"source": "ap"},
                ct.InvalidTypeError,
                "source",
            ),
        ],
    )
    def test_errors(self, span, kwargs, error, field):
        """
        Bad arguments are named.
        """
        with pytest.raises(error) as e:
            to_annotation(span, **kwargs)

        assert field == e.value.field


class TestSourceIri:
    """
    The IRI an annotation names a source by.
    """

    def test_url_first(self):
        """
        A source's URL is its IRI.
        """
        assert URL == source_iri(WITH_URL)

    def test_id_percent_encoded(self):
        """
        Without a URL, the id is percent-encoded after the prefix.
        """
        assert SOURCE_IRI + "a%20b%2Fc~d" == source_iri("a b/c~d")
        assert source_iri("x") == source_iri(ct.Source("x"))

    def test_empty_id(self):
        """
        An empty id names nothing.
        """
        with pytest.raises(ct.InvalidValueError):
            source_iri("")


# -- in -----------------------------------------------------------------------


class TestFromAnnotation:
    """
    An annotation read back as a span.
    """

    def test_round_trip(self):
        """
        A span written and read back is the same span.
        """
        span = WITH_URL.span_of("has agreed to the most unprecedented")

        annotation = to_annotation(span, source=WITH_URL, body="note")

        assert span == from_annotation(annotation, WITH_URL)

    @pytest.mark.parametrize(
        "form", ["text", "bytes", "path", "text file", "binary file"]
    )
    def test_inputs(self, form, tmp_path):
        """
        JSON text, bytes, a path and open files are read too.
        """
        span = WITH_URL.span_of("43 migrants")
        text = json.dumps(to_annotation(span, source=WITH_URL))
        path = tmp_path / "anno.json"
        path.write_text(text, encoding="utf-8")
        data = {
            "text": text,
            "bytes": text.encode(),
            "path": path,
            "text file": io.StringIO(text),
            "binary file": io.BytesIO(text.encode()),
        }[form]

        assert span == from_annotation(data, WITH_URL)

    def test_selector_alone_and_in_any_order(self):
        """
        One selector alone, or a list in any order, reads the same.
        """
        span = WITH_URL.span_of("43 migrants")
        quoted = quote("43 migrants", "flight with ", " leaving")
        placed = position(span.start, span.end)

        for annotation in (
            target(quoted),
            target(placed),
            target(placed, quoted),
            target(quoted, placed),
            {"target": {"selector": quoted}},
        ):
            assert span == from_annotation(annotation, WITH_URL)

    def test_hypothesis_api(self):
        """
        An annotation as Hypothesis's API returns it reads too.
        """
        span = WITH_URL.span_of("Bukele said it was a broad agreement")
        annotation = {
            "id": "qUfzE496S6mLWnDd4vlb1g",
            "uri": URL,
            "text": "Check this.",
            "target": [
                {
                    "source": URL,
                    "selector": [
                        {
                            "type": "RangeSelector",
                            "endOffset": 90,
                            "startOffset": 54,
                            "endContainer": "/main[1]/p[9]",
                            "startContainer": "/main[1]/p[9]",
                        },
                        position(span.start + 7, span.end + 7),
                        quote(span.exact, span.prefix, span.suffix),
                    ],
                }
            ],
        }

        assert span == from_annotation(annotation, WITH_URL)

    def test_position_true_to_the_quote(self):
        """
        A position selector whose text is the quote wins, context aside.
        """
        span = WITH_URL.span_of("Bukele", occurrence=2)
        annotation = target(
            position(span.start, span.end),
            quote("Bukele", "ran President Nayib "),
        )

        assert span == from_annotation(annotation, WITH_URL)

    def test_position_not_true_to_the_quote(self):
        """
        A position that does not hold the quote gives way to the quote.
        """
        span = WITH_URL.span_of("43 migrants")

        assert span == from_annotation(
            target(position(0, 11), quote("43 migrants")), WITH_URL
        )

    def test_utf16_offsets(self):
        """
        Offsets counted in UTF-16 units, as browsers count, are recognised.
        """
        span = POST.span_of("Bukele", occurrence=0)
        units = len("🇸🇻 ".encode("utf-16-le")) // 2

        annotation = target(
            position(units, units + 6), quote("Bukele", suffix=": “done”")
        )

        assert (3, units) == (span.start, 5)
        assert span == from_annotation(annotation, POST)

    def test_utf16_offset_inside_a_pair(self):
        """
        A UTF-16 offset inside a surrogate pair is no place: the quote
        decides.
        """
        span = POST.span_of("Bukele", occurrence=1)

        annotation = target(position(1, 7), quote("Bukele", suffix=" said."))

        assert span == from_annotation(annotation, POST)

    def test_utf16_offset_past_the_end(self):
        """
        A UTF-16 offset past the end is no place either.
        """
        span = POST.span_of("Bukele", occurrence=1)

        annotation = target(position(30, 99), quote("Bukele", prefix="”, "))

        assert span == from_annotation(annotation, POST)

    def test_context_chooses(self):
        """
        A quote found several times is chosen by its prefix and suffix.
        """
        for n in range(3):
            span = WITH_URL.span_of("Bukele", occurrence=n)
            annotation = target(quote("Bukele", span.prefix, span.suffix))

            assert span == from_annotation(annotation, WITH_URL)

    def test_long_context(self):
        """
        Context longer than a span keeps is cut to its nearest part.
        """
        span = WITH_URL.span_of("Bukele", occurrence=1)
        text = WITH_URL.text
        prefix = text[span.start - 80 : span.start]
        suffix = text[span.end : span.end + 80]

        annotation = target(quote("Bukele", prefix, suffix))

        assert span == from_annotation(annotation, WITH_URL)

    def test_claimtrack_iri_of_the_source(self):
        """
        A target naming the source's own claimtrack IRI, or a URL, reads.
        """
        span = WITHOUT_URL.span_of("43 migrants")

        for named in (
            source_iri(WITHOUT_URL),
            {"id": source_iri(WITHOUT_URL)},
            "https://elsewhere.example/copy",
        ):
            annotation = target(quote("43 migrants"), source=named)
            assert span == from_annotation(annotation, WITHOUT_URL)

    @pytest.mark.parametrize(
        "kind", ["Annotation", "oa:Annotation", ["Annotation", "x:Note"]]
    )
    def test_type(self, kind):
        """
        The type may be given in several spellings, or as a list.
        """
        annotation = target(quote("43 migrants"))
        annotation["type"] = kind

        assert 989 == from_annotation(annotation, WITH_URL).start

    def test_context_never_fetched(self):
        """
        A remote @context other than the model's is left alone.
        """
        annotation = target(quote("43 migrants"))
        annotation["@context"] = "https://unreachable.invalid/context.jsonld"

        assert 989 == from_annotation(annotation, WITH_URL).start


class TestFromAnnotationRefuses:
    """
    An annotation that does not anchor, or is malformed, is refused with
    the field named.
    """

    @pytest.mark.parametrize(
        ("annotation", "error", "field"),
        [
            (
                target(quote("Bukele")),
                ct.AmbiguousQuoteError,
                "target.selector[0].exact",
            ),
            (
                target(position(0, 4), quote("violent US criminals")),
                ct.QuoteNotFoundError,
                "target.selector[1].exact",
            ),
            (
                target(position(2000, 9000)),
                ct.SpanMismatchError,
                "target.selector[0].end",
            ),
            (
                target(quote("43 migrants"), source=SOURCE_IRI + "another"),
                ct.SpanMismatchError,
                "target.source",
            ),
            ({"target": [{}, {}]}, ct.InvalidDocumentError, "target"),
            ({"type": "Annotation"}, ct.InvalidDocumentError, "target"),
            ({"target": URL}, ct.InvalidDocumentError, "target"),
            ({"target": [3]}, ct.InvalidDocumentError, "target[0]"),
            ({"target": {}}, ct.InvalidDocumentError, "target.selector"),
            (
                {"target": {"selector": "https://example.org/selector1"}},
                ct.InvalidDocumentError,
                "target.selector",
            ),
            (target("x"), ct.InvalidDocumentError, "target.selector[0]"),
            (
                target({"type": "CssSelector", "value": "p"}),
                ct.InvalidDocumentError,
                "target.selector",
            ),
            (
                target({**quote("43 migrants"), "refinedBy": quote("43")}),
                ct.InvalidDocumentError,
                "target.selector[0].refinedBy",
            ),
            (
                target(quote("43 migrants"), quote("Bukele")),
                ct.InvalidDocumentError,
                "target.selector[1]",
            ),
            (
                target(quote("")),
                ct.InvalidDocumentError,
                "target.selector[0].exact",
            ),
            (
                target(quote(3)),
                ct.InvalidDocumentError,
                "target.selector[0].exact",
            ),
            (
                target(quote("43 migrants", prefix=["with"])),
                ct.InvalidDocumentError,
                "target.selector[0].prefix",
            ),
            (
                target(position(-1, 4)),
                ct.InvalidDocumentError,
                "target.selector[0].start",
            ),
            (
                target(position(start=True, end=4)),
                ct.InvalidDocumentError,
                "target.selector[0].start",
            ),
            (
                target(position(3, "4")),
                ct.InvalidDocumentError,
                "target.selector[0].end",
            ),
            (
                target(position(4, 4)),
                ct.InvalidDocumentError,
                "target.selector[0].end",
            ),
            (
                target(quote("43 migrants"), source=3),
                ct.InvalidDocumentError,
                "target.source",
            ),
            (
                {**target(quote("43 migrants")), "type": "AnnotationPage"},
                ct.InvalidDocumentError,
                "type",
            ),
            (
                {**target(quote("43 migrants")), "type": [3]},
                ct.InvalidDocumentError,
                "type",
            ),
        ],
    )
    def test_refused(self, annotation, error, field):
        """
        The error is the right one, at the right field.
        """
        with pytest.raises(error) as e:
            from_annotation(annotation, WITH_URL)

        assert field == e.value.field

    def test_ambiguous_candidates(self):
        """
        An ambiguous quote's candidates are the places it fits.
        """
        with pytest.raises(ct.AmbiguousQuoteError) as e:
            from_annotation(target(quote("Bukele", suffix=" said")), WITH_URL)

        assert [2065, 2138] == [c.start for c in e.value.candidates]

    def test_not_json(self):
        """
        Text that is not JSON is refused with its line.
        """
        with pytest.raises(ct.InvalidDocumentError) as e:
            from_annotation('{\n "target": ', WITH_URL)

        assert ("$", 2) == (e.value.field, e.value.line)

    def test_not_an_object(self):
        """
        A JSON list is not an annotation.
        """
        with pytest.raises(ct.InvalidDocumentError) as e:
            from_annotation("[]", WITH_URL)

        assert "$" == e.value.field

    def test_too_large(self):
        """
        Input over the limit is refused unread.
        """
        with pytest.raises(ct.DocumentTooLargeError):
            from_annotation(
                json.dumps(target(quote("43"))), WITH_URL, max_bytes=10
            )

    def test_file_too_large(self, tmp_path):
        """
        A file over the limit is refused before it is read.
        """
        path = tmp_path / "anno.json"
        path.write_text(json.dumps(target(quote("43"))), encoding="utf-8")

        with pytest.raises(ct.DocumentTooLargeError) as e:
            from_annotation(path, WITH_URL, max_bytes=10)

        assert "path" == e.value.field

    def test_not_utf8(self):
        """
        Bytes that are not UTF-8 are refused with their line.
        """
        with pytest.raises(ct.InvalidDocumentError) as e:
            from_annotation(b'{\n"target": "\xff"}', WITH_URL)

        assert 2 == e.value.line

    def test_not_an_input(self):
        """
        Something that is neither an annotation nor input is refused.
        """
        with pytest.raises(ct.InvalidTypeError) as e:
            from_annotation(42, WITH_URL)

        assert "data" == e.value.field

    def test_source(self):
        """
        The source must be a Source with text.
        """
        with pytest.raises(ct.InvalidTypeError):
            from_annotation(target(quote("43")), "indiatv-2025-02-04")
        with pytest.raises(ct.MissingTextError) as e:
            from_annotation(target(quote("43")), ct.Source("ap"))
        assert "source.text" == e.value.field


# -- properties --------------------------------------------------------------

# Letters of several scripts, curly quotes, line breaks, and characters
# outside the Basic Multilingual Plane (two UTF-16 units each).
LETTERS = st.sampled_from(
    [
        *"abcdefghijklmnopqrstuvwxyz ABCDE.,;:!?'\"\n\t",
        *"\u201c\u201d\u2019éñüمनिத",
        *"😀🇸🇻𝒳",
    ]
)


@st.composite
def sources_and_spans(draw):
    """
    A source, with or without a URL, and a span of its text.
    """
    source = draw(
        cst.sources(
            text=st.text(LETTERS, min_size=1, max_size=200),
            url=st.none() | st.just("https://example.org/a?b=c#d"),
        )
    )
    text = source.text
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    return source, source.span_at(start, end)


class TestProperties:
    """
    Annotations round-trip, for any source and span.
    """

    @given(sources_and_spans(), st.none() | st.text())
    def test_round_trip(self, case, body):
        """
        span -> annotation -> JSON -> span gives the same span.
        """
        source, span = case

        annotation = to_annotation(span, source=source, body=body)

        assert span == from_annotation(json.dumps(annotation), source)
        assert span == from_annotation(annotation, source)

    @given(sources_and_spans())
    def test_quote_alone(self, case):
        """
        Without its position, a span whose quote and context occur once
        is found by them.
        """
        source, span = case
        assume(source.text.count(span.prefix + span.exact + span.suffix) == 1)
        annotation = to_annotation(span, source=source)
        del annotation["target"]["selector"][1]

        assert span == from_annotation(annotation, source)

    @given(sources_and_spans())
    def test_utf16_positions(self, case):
        """
        Positions in UTF-16 units with the quote read as the same span.
        """
        source, span = case
        annotation = to_annotation(span, source=source)
        units = [
            len(source.text[:n].encode("utf-16-le")) // 2
            for n in (span.start, span.end)
        ]
        annotation["target"]["selector"][1].update(
            start=units[0], end=units[1]
        )
        if units[1] <= len(source.text) and units != [span.start, span.end]:
            # Read as code points, the units may fit as well: no telling.
            other = source.span_at(*units)
            assume(
                (other.prefix, other.exact, other.suffix)
                != (span.prefix, span.exact, span.suffix)
            )

        assert span == from_annotation(annotation, source)
