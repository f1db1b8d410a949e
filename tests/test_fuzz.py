"""
A fuzz of the entry points that read whole documents and files.

Every importer in `claimtrack.formats`, the annotation reader,
`Tracker.from_json`, `Tracker.merge` of a document, `Tracker.open` on a file
of any content and `claimtrack.formats.detect` are given hostile input:
text with NUL characters and lone surrogates, huge strings, deeply nested
JSON, random bytes, and valid documents with one field replaced by a value
of the wrong type. Whatever they are given, only a `ClaimtrackError`
escapes, and after a failure the tracker's events are what they were.

Each target runs the examples of the profile in use: a few in every run,
10,000 under ``HYPOTHESIS_PROFILE=fuzz`` (``.ci/fuzz``).
"""

import contextlib
import csv
import io
import json
import os
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack.formats import (
    annotation,
    averitec,
    claimreview,
    claimskg,
    climate_fever,
    detect,
    factcheck,
    fever,
    liar,
)

from .test_trusted_paths import SURROGATES as TRUSTED_SURROGATES


AT = "2025-02-05T09:00:00+00:00"
TEXT = "Rubio said, “He has agreed.” Bukele said they were finalizing one."
SOURCE = ct.Source(
    "s1", text=TEXT, published="2025-02-04", url="https://example.com/a"
)

# -- valid documents, one per format ------------------------------------------

REVIEW = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://factcheck.example.org/wall",
    "datePublished": "2020-08-28",
    "claimReviewed": "We have already built 300 miles of wall.",
    "author": {"@type": "Organization", "name": "Example Check"},
    "itemReviewed": {
        "@type": "Claim",
        "author": {"@type": "Person", "name": "Donald Trump"},
        "datePublished": "2020-08-27",
        "appearance": [{"@type": "CreativeWork", "url": "https://e.org/a"}],
    },
    "reviewRating": {
        "@type": "Rating",
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "False",
    },
}
RESPONSE = {
    "claims": [
        {
            "text": "Covid-19 vaccines contain microchips to track people",
            "claimant": "Social media users",
            "claimDate": "2020-12-01T00:00:00Z",
            "claimReview": [
                {
                    "publisher": {"name": "AFP", "site": "factcheck.afp.com"},
                    "url": "https://factcheck.afp.com/microchips",
                    "title": "No, Covid-19 vaccines do not contain microchips",
                    "reviewDate": "2020-12-04T13:27:00Z",
                    "textualRating": "False",
                    "languageCode": "en",
                }
            ],
        }
    ]
}
WALL = [
    {
        "claim": "Donald Trump said we have already built 300 miles of wall.",
        "label": "Refuted",
        "justification": "Only 3 miles were added, not 300.",
        "claim_date": "27-8-2020",
        "speaker": "Donald Trump",
        "original_claim_url": None,
        "fact_checking_article": "https://www.politifact.com/a/",
        "reporting_source": None,
        "location_ISO_code": "US",
        "claim_types": ["Position Statement"],
        "fact_checking_strategies": ["Written Evidence"],
        "questions": [
            {
                "question": "How much of a wall has been built?",
                "answers": [
                    {
                        "answer": "Under Trump, it grew by 3 miles.",
                        "answer_type": "Extractive",
                        "source_url": "https://www.politifact.com/b/",
                        "source_medium": "Web text",
                    }
                ],
            }
        ],
    }
]
BEARS = {
    "claim_id": "0",
    "claim": "Global warming is driving polar bears toward extinction",
    "claim_label": "SUPPORTS",
    "evidences": [
        {
            "evidence_id": "Habitat destruction:61",
            "evidence_label": "SUPPORTS",
            "article": "Habitat destruction",
            "evidence": "Rising temperatures endanger the polar bear.",
            "entropy": 0.0,
            "votes": ["SUPPORTS", None, None, None, None],
        }
    ],
}
COSTER = {
    "id": 75397,
    "verifiable": "VERIFIABLE",
    "label": "SUPPORTS",
    "claim": "Nikolaj Coster-Waldau worked with the Fox Broadcasting Company.",
    "evidence": [[[92206, 104971, "Nikolaj_Coster-Waldau", 7]]],
}
PERRY = [
    "11972.json",
    "true",
    "Building a wall on the U.S.-Mexico border will take literally years.",
    "immigration",
    "rick-perry",
    "Governor",
    "Texas",
    "republican",
    "30",
    "30",
    "42",
    "23",
    "18",
    "Radio interview",
]
CLAIMSKG = {
    "": "0",
    "rating_ratingValue": "1",
    "rating_worstRating": "1",
    "rating_bestRating": "5",
    "rating_alternateName": "False",
    "creativeWork_author_name": "Donald Trump",
    "creativeWork_datePublished": "2020-08-27",
    "creativeWork_author_sameAs": "",
    "claimReview_author_name": "PolitiFact",
    "claimReview_author_url": "https://www.politifact.com",
    "claimReview_url": "https://www.politifact.com/a/",
    "claimReview_claimReviewed": "We have already built 300 miles of wall.",
    "claimReview_datePublished": "2020-08-28",
    "claimReview_source": "politifact",
    "claimReview_author": "Jon Greenberg",
    "extra_body": "Only 3 miles were added.",
    "extra_refered_links": "",
    "extra_title": "No, not 300 miles",
    "extra_tags": "",
    "extra_entities_claimReview_claimReviewed": "",
    "extra_entities_body": "",
    "extra_entities_keywords": "",
    "extra_entities_author": "",
    "related_links": "",
}


_HUGE = "@@huge@@"
"""Marks the digit count of a huge integer, which `json.dumps` refuses."""


def _json(document):
    """
    *document* as JSON text, keeping lone surrogates and huge integers.
    """
    text = json.dumps(document, ensure_ascii=False)
    return re.sub(
        f'"{_HUGE}([0-9]+){_HUGE}"', lambda m: "1" + "0" * int(m[1]), text
    )


def _lines(document):
    """
    *document* as one line of JSON Lines.
    """
    return _json(document) + "\n"


def _tsv(row):
    """
    *row* as a LIAR line: its cells joined by tabs.
    """
    if not isinstance(row, list | dict):
        return str(row)
    cells = row if isinstance(row, list) else list(row.values())
    return "\t".join(str(cell) for cell in cells) + "\n"


def _csv(row):
    """
    *row* as a ClaimsKG file: the header and one line.
    """
    if not isinstance(row, dict):
        return str(row)
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=list(CLAIMSKG), restval="", extrasaction="ignore"
    )
    writer.writeheader()
    writer.writerow({key: str(value) for key, value in row.items()})
    return out.getvalue()


def _page(document):
    """
    *document* as a web page holding it in a ``ld+json`` script.
    """
    return (
        "<html><head><script type='application/ld+json'>"
        + _json(document)
        + "</script></head><body></body></html>"
    )


READERS = {
    "claimreview": (claimreview.read, REVIEW, _json),
    "claimreview-page": (claimreview.read, REVIEW, _page),
    "factcheck": (factcheck.read, RESPONSE, _json),
    "claimskg": (claimskg.read, CLAIMSKG, _csv),
    "liar": (liar.read, PERRY, _tsv),
    "averitec": (averitec.read, WALL, _json),
    "climate-fever": (climate_fever.read, BEARS, _lines),
    "fever": (fever.read, COSTER, _lines),
}
"""Each importer: its reader, a valid record or document, how to write it."""

# -- hostile values -----------------------------------------------------------

SURROGATES = TRUSTED_SURROGATES
"""Lone surrogates, drawn as `tests/test_trusted_paths.py` draws them."""

NULS = st.sampled_from(["\x00", "a\x00b", "\x00" * 3])
HUGE_INTEGERS = st.integers(min_value=4_000, max_value=6_000).map(
    lambda digits: f"{_HUGE}{digits}{_HUGE}"
)
"""Integers of 4,000 to 6,000 digits, written into JSON by `_json`."""
DEPTHS = st.integers(min_value=1, max_value=20_000)
HUGE = st.integers(min_value=1, max_value=300_000)
"""Lengths of huge strings: up to 300,000 characters."""
BROKEN_URLS = st.sampled_from(
    [
        "http://[",
        "//[::1",
        "https://[::1/x",
        "https://a\u2100b/x",
        "a\u2100b.com",
    ]
)
"""URLs `urllib.parse.urlsplit` cannot split, plain and with no scheme."""

CSV_FIELD_LIMIT = 131_072
"""
Python's `csv.field_size_limit` by default. A ClaimsKG cell longer than
this makes `claimskg.read` raise a raw ``_csv.Error`` ("field larger than
field limit") as an InvalidDocumentError, strict or lenient: see
`test_claimskg_reads_a_cell_over_the_csv_field_limit`. The fuzz of
ClaimsKG keeps its strings below it, to reach the rest of the reader.
"""


def json_values(longest=HUGE):
    """
    Values of every JSON type, hostile ones among them, with strings as
    long as *longest* draws.
    """
    return st.recursive(
        st.one_of(
            st.none(),
            st.booleans(),
            st.integers(),
            st.floats(),
            st.text(max_size=8),
            NULS,
            SURROGATES,
            HUGE_INTEGERS,
            BROKEN_URLS,
            longest.map(lambda n: "x" * n),
        ),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(st.text(max_size=4), inner, max_size=3)
        ),
        max_leaves=6,
    )


def _nested(depth, kind):
    """
    JSON text nested *depth* deep in lists or objects.
    """
    if kind == "list":
        return "[" * depth + "]" * depth
    return '{"a":' * depth + "1" + "}" * depth


NESTED = st.builds(_nested, DEPTHS, st.sampled_from(["list", "object"]))
"""Deeply nested JSON text."""


def _paths(value, path=()):
    """
    The path of every field and item inside *value*, itself first.
    """
    yield path
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _paths(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _paths(inner, (*path, index))


def _replaced(value, path, new):
    """
    A copy of *value* with the field at *path* replaced by *new*.
    """
    if not path:
        return new
    head, *rest = path
    if isinstance(value, dict):
        return {**value, head: _replaced(value[head], tuple(rest), new)}
    copy = list(value)
    copy[head] = _replaced(value[head], tuple(rest), new)
    return copy


@st.composite
def one_field_wrong(draw, document, longest=HUGE):
    """
    *document* with one of its fields or items replaced by any JSON value.
    """
    path = draw(st.sampled_from(list(_paths(document))))
    return _replaced(document, path, draw(json_values(longest)))


TEXTS = st.text() | st.builds(
    lambda a, b: a + b, st.text(max_size=8), SURROGATES
)
"""Any text: lone surrogates too, when they are fuzzed."""


def hostile_texts(document, write, *, longest=HUGE):
    """
    Hostile text for a reader of *document*, written by *write*, with huge
    strings as long as *longest* draws.
    """
    return st.one_of(
        one_field_wrong(document, longest).map(write),
        TEXTS,
        TEXTS.map(lambda text: write(document) + text),
        st.builds(lambda a, b: a + b, st.text(max_size=8), NULS),
        longest.map(lambda n: "x" * n),
        NESTED,
    )


def hostile_inputs(document, write, *, longest=HUGE):
    """
    What a reader may be given: hostile text, as text or UTF-8, or bytes.
    """
    texts = hostile_texts(document, write, longest=longest)
    return st.one_of(
        texts,
        texts.map(lambda text: text.encode("utf-8", "surrogatepass")),
        st.binary(),
    )


# -- the tracker, and what must not change ------------------------------------


def populated():
    """
    A tracker with a source, two actors and a claim.
    """
    tracker = ct.Tracker()
    tracker.add_source(SOURCE, by="analyst", at=AT)
    tracker.add_actor(
        ct.Actor("rubio", "Marco Rubio", aliases=("Rubio",)), at=AT
    )
    tracker.add_actor(ct.Actor("bukele", "Nayib Bukele"), at=AT)
    tracker.add_claim(
        "He has agreed",
        speaker="rubio",
        said="Monday",
        source="s1",
        quote="He has agreed",
        at=AT,
    )
    return tracker


def fails_cleanly(tracker, call):
    """
    Run *call*; if it fails, it fails with a ClaimtrackError, changing
    nothing in *tracker*. Return what it returned, or None.
    """
    before = list(tracker.events())
    try:
        return call()
    except ct.ClaimtrackError:
        assert before == list(tracker.events())
        return None


DOCUMENT = populated().to_json()
"""A valid claimtrack document."""


# -- the importers ------------------------------------------------------------


@pytest.mark.parametrize("lenient", [False, True], ids=["strict", "lenient"])
@pytest.mark.parametrize("name", list(READERS))
@given(data=st.data())
def test_importers_let_only_claimtrack_errors_out(name, lenient, data):
    """
    Every importer, given hostile input, fails with a ClaimtrackError and
    changes nothing, or imports.
    """
    read, document, write = READERS[name]
    longest = (
        st.integers(min_value=1, max_value=CSV_FIELD_LIMIT // 2)
        if name == "claimskg"
        else HUGE
    )
    given_ = data.draw(
        hostile_inputs(document, write, longest=longest), label="input"
    )
    tracker = populated()
    fails_cleanly(
        tracker, lambda: read(tracker, given_, lenient=lenient, at=AT)
    )


def test_every_importer_reads_its_valid_document():
    """
    The documents the fuzz starts from are valid: each imports a claim.
    """
    for read, document, write in READERS.values():
        tracker = populated()
        report = read(tracker, write(document), at=AT)
        assert 1 == len(report.claims)


@pytest.mark.parametrize("lenient", [False, True], ids=["strict", "lenient"])
def test_claimskg_reads_a_cell_over_the_csv_field_limit(lenient):
    """
    A ClaimsKG cell longer than csv's field limit is refused with a
    ClaimtrackError, changing nothing.
    """
    row = {**CLAIMSKG, "extra_body": "x" * (CSV_FIELD_LIMIT + 1)}
    tracker = populated()
    before = list(tracker.events())
    try:
        claimskg.read(tracker, _csv(row), lenient=lenient, at=AT)
    except ct.ClaimtrackError:
        assert before == list(tracker.events())


ANNOTATION = annotation.to_annotation(SOURCE.span_of("has agreed"))


@given(
    data=st.one_of(
        one_field_wrong(ANNOTATION),
        hostile_inputs(ANNOTATION, _json),
    )
)
def test_annotations_let_only_claimtrack_errors_out(data):
    """
    Reading a Web Annotation, given hostile input, returns a span of the
    source or fails with a ClaimtrackError.
    """
    try:
        span = annotation.from_annotation(data, SOURCE)
    except ct.ClaimtrackError:
        return
    assert SOURCE.text[span.start : span.end] == span.exact


# -- claimtrack's own document ------------------------------------------------


def _utf8(text):
    """
    *text* as UTF-8 bytes; a lone surrogate is written as its three bytes,
    which are not UTF-8 (as a file damaged so would hold them).
    """
    return text.encode("utf-8", "surrogatepass")


DOCUMENTS = hostile_texts(json.loads(DOCUMENT), _json)


@given(text=st.one_of(DOCUMENTS, DOCUMENTS.map(_utf8), st.binary()))
def test_from_json_lets_only_claimtrack_errors_out(text):
    """
    `Tracker.from_json` of hostile text builds a tracker or fails with a
    ClaimtrackError.
    """
    with contextlib.suppress(ct.ClaimtrackError):
        assert isinstance(ct.Tracker.from_json(text), ct.Tracker)


@given(text=DOCUMENTS)
def test_merge_of_a_hostile_document_changes_nothing_when_it_fails(text):
    """
    Merging a tracker read from a hostile document merges it or fails with
    a ClaimtrackError, changing nothing.
    """
    try:
        other = ct.Tracker.from_json(text)
    except ct.ClaimtrackError:
        other = None
    tracker = populated()
    if other is not None:
        fails_cleanly(tracker, lambda: tracker.merge(other))


# -- files: the store opener and detect ---------------------------------------


def _store_bytes():
    """
    The bytes of a small valid store.
    """
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.db"
        with ct.Tracker.open(path) as tracker:
            tracker.add_actor(ct.Actor("rubio", "Marco Rubio"), at=AT)
            tracker.add_claim("Rubio spoke.", speaker="rubio", at=AT)
        return path.read_bytes()


STORE = _store_bytes()


class Damaged:
    """
    A valid store's bytes, damaged: shown by what was done, not its bytes.
    """

    def __init__(self, content, how):
        self.content = content
        self.how = how

    def __repr__(self):
        """
        What was done to the store.
        """
        return f"Damaged({self.how})"


@st.composite
def damaged_stores(draw):
    """
    A valid store's bytes with a few bytes changed, or cut short.
    """
    content = bytearray(STORE)
    changes = []
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        at = draw(st.integers(min_value=0, max_value=len(content) - 1))
        content[at] = draw(st.integers(min_value=0, max_value=255))
        changes.append((at, content[at]))
    end = draw(st.sampled_from([len(content), *range(0, len(content), 512)]))
    how = f"changes={changes}, cut at {end}"
    return Damaged(bytes(content[:end]), how)


def _bad_schema_name():
    """
    The valid store with a byte that is not UTF-8 in its schema's names.
    """
    name = b"indexevents_speakerevents"
    assert 1 == STORE.count(name)
    content = STORE.replace(name, b"index\x80" + name[6:])
    return Damaged(content, "a name in sqlite_master is not UTF-8")


NOT_STORES = st.one_of(
    st.binary(),
    st.binary().map(lambda tail: b"SQLite format 3\x00" + tail),
    hostile_texts(json.loads(DOCUMENT), _json).map(
        lambda text: text.encode("utf-8", "surrogatepass")
    ),
)
"""Contents of a file that is no store: random bytes, JSON text."""

FILES = NOT_STORES | damaged_stores().map(lambda damaged: damaged.content)
"""Contents of a file a user may point claimtrack at."""


def opens_or_fails_cleanly(content, *, read_only):
    """
    `Tracker.open` of a file holding *content* opens a tracker that can be
    read, or fails with a ClaimtrackError.
    """
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.db"
        path.write_bytes(content)
        try:
            tracker = ct.Tracker.open(path, read_only=read_only, timeout=1)
        except ct.ClaimtrackError:
            return
        with contextlib.suppress(ct.ClaimtrackError), tracker:
            list(tracker.events())
            list(tracker.claims())


@given(content=NOT_STORES, read_only=st.booleans())
def test_open_lets_only_claimtrack_errors_out(content, read_only):
    """
    `Tracker.open` of a file of random bytes or text opens or fails with a
    ClaimtrackError.
    """
    opens_or_fails_cleanly(content, read_only=read_only)


@given(content=damaged_stores(), read_only=st.booleans())
@example(content=_bad_schema_name(), read_only=False)
def test_open_of_a_damaged_store_lets_only_claimtrack_errors_out(
    content, read_only
):
    """
    `Tracker.open` of a valid store with bytes changed or cut opens or
    fails with a ClaimtrackError.
    """
    opens_or_fails_cleanly(content.content, read_only=read_only)


SUFFIXES = st.sampled_from(
    ["", ".json", ".jsonl", ".html", ".htm", ".tsv", ".csv", ".db", ".TXT"]
)


@given(
    content=FILES | st.sampled_from([_json(REVIEW).encode()]), suffix=SUFFIXES
)
def test_detect_names_a_format_or_none(content, suffix):
    """
    `detect` of a file of any content and name says a format or None.
    """
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(content)
        assert detect(path) in {
            None,
            "claimreview",
            "liar",
            "claimskg",
            "json",
            "factcheck",
            "averitec",
            "climate-fever",
            "fever",
        }


def test_detect_of_a_missing_file_or_a_folder(tmp_path):
    """
    `detect` of a path that names no file, or a folder, says so clearly.
    """
    with pytest.raises(ct.MissingFileError) as missing:
        detect(tmp_path / "missing.json")
    assert isinstance(missing.value, FileNotFoundError)
    with pytest.raises(ct.IsAFolderError) as folder:
        detect(tmp_path)
    assert isinstance(folder.value, IsADirectoryError)
    assert str(tmp_path) in str(folder.value)


def test_the_fuzz_profile_runs_ten_thousand_examples():
    """
    The long profile ``.ci/fuzz`` selects runs 10,000 examples a target.
    """
    assert settings.get_profile("fuzz").max_examples >= 10_000
    assert os.environ.get("HYPOTHESIS_PROFILE") != "fuzz" or (
        settings.default.max_examples >= 10_000
    )
