"""
Tests for how values, dates and documents refuse hostile input (issue 16).

Text a model keeps holds no NUL character and no lone surrogate, and is
no longer than its documented limit; an error's message shows a long
value cut short; date text over 200 characters is refused before any
parsing; every JSON reader refuses nesting over 200 levels and integers
too long to read, naming where; arguments of the wrong type are refused
naming the argument; URLs urllib cannot split are refused; and values of
str, int and float subclasses are written as their plain values.
"""

import contextlib
import datetime as dt
import functools
import json
import tempfile
from pathlib import Path
from unittest import mock

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack import _serialize
from claimtrack._dates import MAX_DATE_LENGTH, When
from claimtrack._dates import _when as when_module
from claimtrack._serialize import MAX_DEPTH, parse_json
from claimtrack._text import split_url
from claimtrack._validators import (
    MAX_INT,
    MAX_NAME_LENGTH,
    MAX_TEXT_LENGTH,
    _fast_checker,
    check_text,
    is_text,
)
from claimtrack.events import Event, EventKind
from claimtrack.evidence import Citation
from claimtrack.formats import (
    annotation,
    averitec,
    claimreview,
    climate_fever,
    factcheck,
    fever,
)
from claimtrack.formats._claimants import url_name
from claimtrack.formats._reviews import host_name, politifact

from . import test_fuzz as fuzz
from .test_trusted_paths import CHECKED, valid_models


AT = "2025-02-05T09:00:00+00:00"
TEXT = "Rubio said, “He has agreed.” Bukele said they were finalizing one."


def opened(journal, folder):
    """
    A new tracker in memory, or over a new store in *folder*.
    """
    if journal == "memory":
        return ct.Tracker()
    return ct.Tracker.open(folder / "t.db")


def tracker():
    """
    A tracker with a source, an actor and a claim.
    """
    made = ct.Tracker()
    made.add_source(ct.Source("s1", text=TEXT, published="2025-02-04"), at=AT)
    made.add_actor(ct.Actor("rubio", "Marco Rubio"), at=AT)
    made.add_claim("He has agreed", speaker="rubio", source="s1", at=AT)
    return made


# -- text: NUL, lone surrogates, length ---------------------------------------

BAD_CHARACTERS = st.sampled_from(["\x00", "\ud800", "\udfff", "\udc80"])


def str_places(value):
    """
    Each (field, index) of an attrs *value* that holds a str: index None
    for a str field, the item's index for a tuple of str.
    """
    for field in attrs.fields(type(value)):
        held = getattr(value, field.name)
        if type(held) is str and held:
            yield field, None
        elif type(held) is tuple:
            for index, item in enumerate(held):
                if type(item) is str:
                    yield field, index


def with_bad(held, at, bad, index):
    """
    *held* with *bad* put in at offset *at*, or in its item *index*.
    """
    if index is None:
        at = min(at, len(held))
        return held[:at] + bad + held[at:]
    items = list(held)
    items[index] = items[index][:at] + bad + items[index][at:]
    return tuple(items)


class TestText:
    """
    A NUL or a lone surrogate in any text field of any model is refused.
    """

    @pytest.mark.parametrize("cls", CHECKED, ids=lambda cls: cls.__name__)
    @given(data=st.data(), bad=BAD_CHARACTERS)
    def test_any_text_field_refuses_them(self, cls, data, bad):
        """
        Putting a NUL or a lone surrogate into any str of a valid model
        (a str field or an item of a tuple of str) makes it refused,
        naming the field and the offset; the fast checker refuses it too.
        """
        base = data.draw(valid_models(cls), label="valid")
        places = list(str_places(base))
        if not places:
            return
        field, index = data.draw(st.sampled_from(places), label="place")
        held = getattr(base, field.name)
        text = held if index is None else held[index]
        at = data.draw(st.integers(0, len(text)), label="offset")
        kwargs = {
            f.alias: getattr(base, f.name) for f in attrs.fields(cls) if f.init
        }
        kwargs[field.alias] = with_bad(held, at, bad, index)
        instance = attrs.evolve(base)  # valid, whole
        object.__setattr__(instance, field.name, kwargs[field.alias])

        try:
            fast = _fast_checker(cls)(instance)
        except ct.ClaimtrackError:  # a check called: "not sure"
            fast = False
        assert fast is False
        with pytest.raises(ct.InvalidValueError) as e:
            cls(**kwargs)
        error = e.value
        if isinstance(error, ct.InvalidFieldsError):
            (error,) = [x for x in error.exceptions if "offset" in x.reason]
        what = "a NUL character" if bad == "\x00" else "a lone surrogate"
        assert f"contains {what} at offset {at}" in error.reason
        name = field.name if index is None else f"{field.name}[{index}]"
        assert error.field in (name, field.alias)

    @pytest.mark.parametrize(
        ("bad", "why"),
        [
            ("a\x00b", "contains a NUL character at offset 1"),
            ("ab\ud800", "contains a lone surrogate at offset 2 (U+D800)"),
        ],
    )
    def test_names_the_field_and_the_offset(self, bad, why):
        """
        The error names the field, and where the character is.
        """
        with pytest.raises(ct.InvalidValueError) as e:
            ct.Actor("bukele", bad)

        assert "name" == e.value.field
        assert e.value.reason.startswith(why)

    @pytest.mark.parametrize(
        "text", ["Rubio\x01said", "tab\there", "\ufffe\u200b", "é ñ 中文 😀"]
    )
    def test_source_text_keeps_other_odd_characters(self, text):
        """
        A source's text may hold control characters, noncharacters and
        any Unicode text: only a NUL and lone surrogates are refused.
        """
        assert text == ct.Source("s", text=text).text

    def test_source_text_refuses_a_nul(self):
        """
        A NUL in a source's body is refused, with the reason.
        """
        with pytest.raises(ct.InvalidValueError) as e:
            ct.Source("s", text="Rubio said\x00 it.")

        assert "text" == e.value.field
        assert e.value.reason.startswith(
            "contains a NUL character at offset 10"
        )

    def test_from_json_refuses_an_escaped_surrogate(self):
        r"""
        A document holding "\ud800" written as a JSON escape is refused,
        naming the JSON path of the string.
        """
        document = tracker().to_json().replace("Marco Rubio", "\\ud800")

        with pytest.raises(ct.InvalidDocumentError) as e:
            ct.Tracker.from_json(document)

        assert "$.events[1].payload.name" == e.value.field
        assert "lone surrogate at offset 0" in e.value.reason

    @pytest.mark.parametrize("journal", ["memory", "sqlite"])
    @given(
        text=st.text(
            st.characters(codec=None, exclude_categories=()), max_size=12
        )
    )
    @example(text="\ud800")
    @example(text="a\x00")
    def test_what_is_kept_can_be_written(self, journal, text):
        """
        Any text is refused with a ClaimtrackError, changing nothing, or
        kept, and then written to the store and the JSON document, and
        read back equal.
        """
        with (
            tempfile.TemporaryDirectory() as folder,
            opened(journal, Path(folder)) as made,
        ):
            made.add_actor(ct.Actor("rubio", "Marco Rubio"), at=AT)
            before = made.events()
            try:
                made.add_claim(
                    "x" + text, speaker="rubio", tags=("t" + text,), at=AT
                )
                made.add_actor(
                    ct.Actor("a", "n" + text, role="r" + text), at=AT
                )
            except ct.ClaimtrackError:
                assert before == made.events()
                assert not is_text(text)
                return
            assert is_text(text)
            assert made == ct.Tracker.from_json(made.to_json())
            made.dump(Path(folder) / "t.json")
            assert made == ct.Tracker.load(Path(folder) / "t.json")

    def test_merge_meets_only_text(self):
        """
        A merge of a document read back brings in only text that was
        checked: a document with a surrogate never becomes a tracker.
        """
        ours, theirs = tracker(), tracker()
        theirs.add_actor(ct.Actor("bukele", "Nayib Bukele"), at=AT)
        document = theirs.to_json()

        assert 1 == len(ours.merge(ct.Tracker.from_json(document)))
        with pytest.raises(ct.InvalidDocumentError):
            ct.Tracker.from_json(document.replace("Nayib", "\\udfff"))


class TestLength:
    """
    Names and texts have documented limits; the JSON limit stays outer.
    """

    def test_a_5_mb_name_is_refused(self):
        """
        A name of 5 MB is refused, saying its length and the limit.
        """
        with pytest.raises(ct.InvalidValueError) as e:
            ct.Actor("bukele", "N" * 5_000_000)

        assert "name" == e.value.field
        assert (
            "is 5000000 characters long; at most 4096 are allowed"
            == e.value.reason
        )
        assert len(str(e.value)) < 200

    @pytest.mark.parametrize(
        ("build", "limit"),
        [
            (lambda v: ct.Actor(v, "N"), MAX_NAME_LENGTH),
            (lambda v: ct.Actor("a", v), MAX_NAME_LENGTH),
            (lambda v: ct.Actor("a", "N", aliases=(v,)), MAX_NAME_LENGTH),
            (lambda v: ct.Claim("c", "t", "s", tags=(v,)), MAX_NAME_LENGTH),
            (lambda v: ct.Source("s", publisher=v), MAX_NAME_LENGTH),
            (lambda v: ct.When.day(dt.date(2025, 2, 4), text=v), 4096),
            (lambda v: ct.Claim("c", v, "s"), MAX_TEXT_LENGTH),
            (lambda v: ct.Source("s", text=v), MAX_TEXT_LENGTH),
            (lambda v: ct.Source("s", title=v), MAX_TEXT_LENGTH),
            (lambda v: ct.Proposition("s", "p", v), MAX_TEXT_LENGTH),
        ],
    )
    def test_the_limit_is_exact(self, build, limit):
        """
        A value of the limit's length is taken; one more is refused.
        """
        build("x" * limit)

        with pytest.raises(ct.InvalidValueError) as e:
            build("x" * (limit + 1))

        assert f"at most {limit}" in e.value.reason

    def test_the_limits(self):
        """
        Names are at most 4,096 characters, texts 16 Mi.
        """
        assert (4096, 16_777_216) == (MAX_NAME_LENGTH, MAX_TEXT_LENGTH)

    @given(
        length=st.integers(0, 5000),
        limit=st.sampled_from([0, 1, 80, MAX_NAME_LENGTH]),
    )
    def test_check_text_fences_the_length(self, length, limit):
        """
        check_text takes a text of at most the limit, and refuses more.
        """
        text = "a" * length
        if length <= limit:
            check_text("f", text, limit)
            assert is_text(text, limit)
        else:
            with pytest.raises(ct.InvalidValueError):
                check_text("f", text, limit)
            assert not is_text(text, limit)

    def test_a_too_long_integer_is_refused(self):
        """
        A quantity of more digits than Python writes is refused; one of
        4,300 digits is kept and written.
        """
        ct.Quantity(MAX_INT - 1)
        kept = ct.Tracker()
        kept.add_actor(ct.Actor("rubio", "Marco Rubio"), at=AT)
        kept.add_claim(
            "big",
            speaker="rubio",
            proposition=ct.Proposition("x", "count", -(MAX_INT - 1)),
            at=AT,
        )
        assert kept == ct.Tracker.from_json(kept.to_json())

        with pytest.raises(ct.InvalidValueError) as e:
            ct.Quantity(-MAX_INT)

        assert "more than 4300 digits" in e.value.reason


class TestMessages:
    """
    Every error message cuts a long value short.
    """

    @given(
        seed=st.text(min_size=1, max_size=5)
        | st.binary(min_size=1, max_size=5),
        length=st.integers(0, 1_000_000),
    )
    @example(seed="\x00", length=30)
    @example(seed="x", length=81)
    def test_a_long_value_is_cut(self, seed, length):
        """
        A str or bytes of any length shows at most 80 characters in the
        message, with its length when it was cut.
        """
        value = (seed * (length // len(seed) + 1))[:length]
        unit = "characters" if isinstance(value, str) else "bytes"

        message = str(ct.InvalidValueError("field", value, "bad"))

        shown = message.removeprefix("field=").removesuffix(": bad")
        assert len(shown) <= 83  # 80, and quotes
        if shown != repr(value):
            assert "…" in shown
            assert shown.endswith(f" ({length} {unit})")

    def test_other_values_are_cut(self):
        """
        A list of a million items is written by its first items.
        """
        message = str(ct.InvalidTypeError("x", list(range(10**6)), "bad"))

        assert "x=[0, 1, 2, 3, 4, 5, ...]: bad" == message

    def test_a_long_repr_is_cut(self):
        """
        A value whose short form is still long is cut to 80 characters.
        """
        value = {"a": "b" * 1000}

        shown = str(ct.InvalidValueError("x", value, "bad"))[2:-5]

        assert 81 == len(shown)
        assert shown.endswith("…")

    def test_a_long_reason_is_cut(self):
        """
        A reason that holds a huge value is cut too, with its length.
        """
        message = str(ct.InvalidValueError("x", 1, "r" * 10**6))

        assert message.endswith("… (1000000 characters)")
        assert len(message) < 2100

    def test_a_date_error_is_short(self):
        """
        The error for a 1 MB date does not repeat it; the date is refused
        before the parser sees it (what that costs is in
        ``tests/benchmarks/bench_hostile.py``).
        """
        with mock.patch.object(
            when_module, "_Reader", wraps=when_module._Reader
        ) as reader:
            with pytest.raises(ct.InvalidDateError) as e:
                ct.Source("s", published="2025-02-04T" + "9" * 1_000_000)
            assert 0 == reader.call_count

        assert len(str(e.value)) < 300


# -- dates --------------------------------------------------------------------


def reads(value):
    """
    Each way a date string is read, as a call of *value*.
    """
    made = tracker()
    return {
        "When.parse": lambda: When.parse(value, reference=dt.date(2025, 2, 4)),
        "When.coerce": lambda: When.coerce(value),
        "Source.published": lambda: ct.Source("s", published=value),
        "Claim.said": lambda: ct.Claim("c", "t", "s", said=value),
        "Proposition.valid": lambda: ct.Proposition(
            "s", "p", "o", valid=value
        ),
        "add_claim said": lambda: made.add_claim(
            "x", speaker="rubio", source="s1", said=value, at=AT
        ),
        "claims said_between": lambda: made.claims(
            said_between=(value, "2025-03-01")
        ),
        "ClaimReview datePublished": lambda: claimreview.read(
            ct.Tracker(), json.dumps(review(datePublished=value))
        ),
    }


READS = list(reads("2025-02-04"))


def review(**changes):
    """
    A ClaimReview as a fact-checker publishes it, with *changes*.
    """
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://checker.example/r/1",
        "claimReviewed": "El Salvador will take deportees",
        "datePublished": "2025-02-04",
        "author": {"@type": "Organization", "name": "Checker"},
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Person", "name": "Marco Rubio"},
        },
        "reviewRating": {"@type": "Rating", "alternateName": "False"},
        **changes,
    }


class TestDates:
    """
    Date text over 200 characters is refused before any parsing.
    """

    def test_the_limit(self):
        """
        The limit is 200 characters.
        """
        assert 200 == MAX_DATE_LENGTH

    @pytest.mark.parametrize("how", READS)
    def test_every_read_refuses_long_text_unparsed(self, how):
        """
        Each way a date string is read refuses one of 201 characters
        without parsing it, naming the field.
        """
        call = reads("4 February 2025" + "!" * 186)[how]
        with mock.patch.object(
            when_module, "_Reader", wraps=when_module._Reader
        ) as reader:
            with pytest.raises(ct.ClaimtrackError) as e:
                call()
            assert 0 == reader.call_count

        assert "longer than any date" in str(e.value)
        assert "When.parse" != how or "when" == e.value.field

    @pytest.mark.parametrize("how", READS)
    @given(
        seed=st.text(min_size=1, max_size=8).filter(
            lambda seed: not any(c.isspace() for c in seed)
        ),
        length=st.integers(MAX_DATE_LENGTH + 1, 1_000_000),
    )
    @example(seed="1", length=1_000_000)
    @example(seed="2025-02-04T", length=200_000)
    def test_any_long_text_is_refused_at_once(self, how, seed, length):
        """
        Any text over the limit, up to 1 MB, is refused with a
        ClaimtrackError before the parser is called.
        """
        value = (seed * (length // len(seed) + 1))[:length]
        call = reads(value)[how]
        with mock.patch.object(
            when_module, "_Reader", wraps=when_module._Reader
        ) as reader:
            with pytest.raises(ct.ClaimtrackError):
                call()
            assert 0 == reader.call_count

    @given(text=st.text(max_size=MAX_DATE_LENGTH))
    @example(text="1" * 200)
    @example(text="February " * 22)
    def test_any_short_text_is_read_or_refused_quickly(self, text):
        """
        Any text within the limit is read or refused with a
        ClaimtrackError (what the worst of them costs is in
        ``tests/benchmarks/bench_hostile.py``).
        """
        with contextlib.suppress(ct.ClaimtrackError):
            When.parse(text, reference=dt.date(2025, 2, 4))

    @pytest.mark.parametrize("text", ["2025\x00", "\x00Monday", "\ud800"])
    def test_date_text_that_is_not_text_is_refused_unparsed(self, text):
        """
        Date words with a NUL or a lone surrogate are refused as a date,
        before the parser is called.
        """
        with mock.patch.object(
            when_module, "_Reader", wraps=when_module._Reader
        ) as reader:
            with pytest.raises(ct.InvalidDateError) as e:
                When.parse(text, reference=dt.date(2025, 2, 4))
            assert 0 == reader.call_count

        assert "contains a" in e.value.reason

    def test_dates_within_the_limit_are_read(self):
        """
        A date of 200 characters, spaces around it, is read.
        """
        text = " " * 92 + "4 February 2025" + " " * 93

        assert dt.date(2025, 2, 4) == When.parse(text).earliest


# -- JSON ---------------------------------------------------------------------


def nested(depth, inner="1"):
    """
    JSON text nesting arrays and objects *depth* levels around *inner*.
    """
    opens = ["[" if level % 2 else '{"k": ' for level in range(depth)]
    closes = ["]" if level % 2 else "}" for level in range(depth)]
    return "".join(reversed(opens)) + inner + "".join(closes)


DEEP = "[" * 5000 + "]" * 5000

READERS = {
    "from_json": ct.Tracker.from_json,
    "merge of a document": lambda text: ct.Tracker().merge(
        ct.Tracker.from_json(text)
    ),
    "ClaimReview JSON": lambda text: claimreview.read(ct.Tracker(), text),
    "ClaimReview page": lambda text: claimreview.read(
        ct.Tracker(),
        f'<html><script type="application/ld+json">{text}</script></html>',
    ),
    "Fact Check Tools": lambda text: factcheck.read(
        ct.Tracker(), '{"claims": ' + text + "}"
    ),
    "AVeriTeC": lambda text: averitec.read(ct.Tracker(), text),
    "FEVER": lambda text: fever.read(
        ct.Tracker(),
        '{"id": 1, "claim": "x", "label": "SUPPORTS", "evidence": '
        f"{text}}}\n",
    ),
    "Climate-FEVER": lambda text: climate_fever.read(
        ct.Tracker(),
        '{"claim_id": "1", "claim": "x", "evidences": ' + text + "}\n",
    ),
    "Web Annotation": lambda text: annotation.from_annotation(
        text, ct.Source("s", text=TEXT)
    ),
}


def depth_of(value):
    """
    How deep arrays and objects nest in a JSON value, counted plainly.
    """
    if isinstance(value, list):
        return 1 + max(map(depth_of, value), default=0)
    if isinstance(value, dict):
        return 1 + max(map(depth_of, value.values()), default=0)
    return 0


KEYS = st.sampled_from(["a", "speaker", "@id", "two words", "é", '"[{'])
JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.sampled_from('ab[]{}"\\\n\t, :é'), max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4)
    ),
    max_leaves=12,
)


MARKER = "__LONG_INTEGER__"


@st.composite
def long_integer_places(draw):
    """
    A JSON text with an integer too long to read somewhere in it, the
    JSON path of that integer, and its digits.
    """
    steps = draw(st.lists(KEYS | st.integers(0, 3), max_size=5), label="steps")
    value = MARKER
    path = ""
    for step in reversed(steps):
        if isinstance(step, int):
            before = draw(st.lists(JSON, min_size=step, max_size=step))
            value = [*before, value, *draw(st.lists(JSON, max_size=2))]
            path = f"[{step}]{path}"
        else:
            others = draw(st.dictionaries(KEYS, JSON, max_size=2))
            others.pop(step, None)
            value = {**others, step: value}
            named = (
                f".{step}"
                if step.lstrip("@").isidentifier()
                else f"[{json.dumps(step, ensure_ascii=False)}]"
            )
            path = f"{named}{path}"
    digits = draw(st.integers(4301, 6000))
    sign = draw(st.sampled_from(["", "-"]))
    indent = draw(st.none() | st.just(1))
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return text.replace(f'"{MARKER}"', sign + "9" * digits), "$" + path, digits


class TestJson:
    """
    Every JSON reader refuses nesting past 200 levels and integers too long
    to read, naming the input and where.
    """

    def test_the_limit(self):
        """
        Arrays and objects may nest 200 levels.
        """
        assert 200 == MAX_DEPTH

    @pytest.mark.parametrize("reader", list(READERS))
    def test_every_reader_refuses_deep_nesting(self, reader):
        """
        5,000 levels of arrays are an InvalidDocumentError naming the
        line, never a RecursionError.
        """
        with pytest.raises(ct.ClaimtrackError) as e:
            READERS[reader](DEEP)

        if reader != "ClaimReview page":  # a page's script is a record
            assert isinstance(e.value, ct.InvalidDocumentError)
            assert 1 == e.value.line
            assert "deeper than 200 levels" in e.value.reason

    def test_a_page_names_its_deep_script(self):
        """
        A page whose script nests too deep says so, passes it over, and
        imports the rest.
        """
        good = json.dumps(review())
        page = (
            '<html><script type="application/ld+json">\n'
            f"{DEEP}</script>"
            f'<script type="application/ld+json">{good}</script></html>'
        )

        report = claimreview.read(ct.Tracker(), page)

        assert 1 == len(report.claims)
        (flag,) = report.flags
        assert "deeper than 200 levels at line 2" in flag.message

    @pytest.mark.parametrize("depth", [199, 200])
    def test_200_levels_are_read(self, depth):
        """
        200 levels of arrays and objects are read.
        """
        assert depth == depth_of(parse_json(nested(depth)))

    @pytest.mark.parametrize("depth", [201, 202, 1000, 100_000])
    def test_201_levels_are_refused(self, depth):
        """
        201 levels are refused, at the line and column of level 201.
        """
        text = "\n" + nested(depth)

        with pytest.raises(ct.InvalidDocumentError) as e:
            parse_json(text, first_line=10)

        assert 12 == e.value.line
        assert "$" == e.value.field
        column = int(e.value.reason.rsplit(" ", 1)[1])
        assert text[column] in "[{"

    def test_a_json_line_names_its_column(self):
        """
        In JSON lines, the column is named (the caller names the line).
        """
        with pytest.raises(ct.InvalidDocumentError) as e:
            parse_json(DEEP, lines=False)

        assert e.value.reason.endswith("deeper than 200 levels at column 201")

    @given(value=JSON, indent=st.none() | st.integers(0, 2))
    def test_depth_is_counted_as_json_nests(self, value, indent):
        """
        The depth counted at C speed is the value's own, whatever its
        strings hold (brackets, quotes, escapes); the value reads back.
        """
        text = json.dumps(value, indent=indent, ensure_ascii=False)

        assert depth_of(value) == _serialize._depth(text)
        assert value == parse_json(text)
        assert value == parse_json(text.encode("utf-16"))

    @given(value=JSON, depth=st.integers(190, 210), key=KEYS)
    def test_only_the_deep_are_refused(self, value, depth, key):
        """
        A value nested to any depth is read when at most 200 levels
        deep, else refused.
        """
        for level in range(depth):
            value = [value] if level % 3 else {key: value}
        text = json.dumps(value)

        if depth_of(value) <= MAX_DEPTH:
            assert value == parse_json(text)
        else:
            with pytest.raises(ct.InvalidDocumentError):
                parse_json(text)

    @given(
        text=st.text(st.sampled_from('[]{}"\\ ,:1a\n'), max_size=400)
        | st.text(max_size=50)
    )
    def test_any_text_is_read_or_refused(self, text):
        """
        Any text is JSON or an InvalidDocumentError, never another error.
        """
        with contextlib.suppress(ct.InvalidDocumentError):
            parse_json(text)

    @pytest.mark.parametrize(
        "text",
        [
            "[" * 300 + '"' + "a" * 1_000_000,
            '["' + "\\" * 1_000_000 + '"' + "[" * 300,
            '["' + '\\"' * 500_000 + "[" * 300,
            "[" * 300 + '"' + '\\"' * 500_000,
            "[" * 201 + '"' * 1_000_000,
            "[" * 201 + "1" * 1_000_000 + ".",
            "[" + '"\\"",' * 200_000 + "9" * 5000 + "]",
        ],
    )
    def test_hostile_text_costs_little(self, text):
        """
        Text made to slow a scanner down (strings left open, runs of
        escapes, of quotes, of digits) is refused; what it costs is in
        ``tests/benchmarks/bench_hostile.py``.
        """
        with pytest.raises(ct.InvalidDocumentError):
            parse_json(text)

    def test_a_5000_digit_integer_names_its_path(self):
        """
        A 5,000-digit version is refused at its JSON path.
        """
        text = '{"format": "claimtrack", "version": ' + "9" * 5000 + "}"

        with pytest.raises(ct.InvalidDocumentError) as e:
            ct.Tracker.from_json(text)

        assert "$.version" == e.value.field
        assert "is an integer of 5000 digits; at most 4300" in str(e.value)

    def test_a_long_integer_in_a_payload(self):
        """
        A too long quantity in an event is refused at its path.
        """
        made = tracker()
        made.add_claim(
            "A count",
            speaker="rubio",
            proposition=ct.Proposition("x", "count", 987654321),
            at=AT,
        )
        text = made.to_json().replace("987654321", "1" * 4400)

        with pytest.raises(ct.InvalidDocumentError) as e:
            ct.Tracker.from_json(text)

        assert "$.events[3].payload.proposition.object.quantity" == (
            e.value.field
        )

    @pytest.mark.parametrize(
        ("reader", "path"),
        [
            ("ClaimReview JSON", "$.reviewRating.ratingValue"),
            ("FEVER", "line 1.$.id"),
        ],
    )
    def test_importers_name_a_long_integer(self, reader, path):
        """
        An importer names the path of an integer too long to read.
        """
        big = "9" * 5000
        text = {
            "ClaimReview JSON": json.dumps(
                review(reviewRating={"ratingValue": 0})
            ).replace('"ratingValue": 0', f'"ratingValue": {big}'),
            "FEVER": '{"id": ' + big + ', "claim": "x", "label": '
            '"SUPPORTS", "evidence": []}\n',
        }[reader]

        with pytest.raises(ct.InvalidDocumentError) as e:
            (claimreview.read if reader != "FEVER" else fever.read)(
                ct.Tracker(), text
            )

        assert path == e.value.field

    @given(case=long_integer_places())
    def test_a_long_integer_anywhere_is_named(self, case):
        """
        An integer too long to read, anywhere in any JSON value, is
        refused at its JSON path.
        """
        text, path, digits = case

        with pytest.raises(ct.InvalidDocumentError) as e:
            parse_json(text)

        assert path == e.value.field
        assert f"is an integer of {digits} digits" in e.value.reason

    def test_what_the_scans_cannot_place_is_still_refused(self):
        """
        Were the depth scans to disagree, or json to fail another way,
        the text is still refused with an InvalidDocumentError.
        """
        with mock.patch.object(_serialize, "_depth", return_value=10**6):
            assert [[]] * 250 == parse_json(json.dumps([[]] * 250))
        with mock.patch.object(
            _serialize.json, "loads", side_effect=RecursionError
        ):
            with pytest.raises(ct.InvalidDocumentError) as e:
                parse_json("[1]")
            assert "nests too deep to read here" in e.value.reason
        with mock.patch.object(
            _serialize.json, "loads", side_effect=ValueError("odd")
        ):
            with pytest.raises(ct.InvalidDocumentError) as e:
                parse_json("[1]")
            assert ("$", "is not JSON: odd") == (e.value.field, e.value.reason)


# -- arguments ----------------------------------------------------------------


class TestArguments:
    """
    Arguments of the wrong type are refused, naming the argument.
    """

    @pytest.mark.parametrize(
        ("kwargs", "error", "field"),
        [
            ({"text": None}, ct.InvalidTypeError, "text"),
            ({"text": 5}, ct.InvalidTypeError, "text"),
            ({"text": ["{}"]}, ct.InvalidTypeError, "text"),
            (
                {"text": "{}", "max_bytes": ""},
                ct.InvalidTypeError,
                "max_bytes",
            ),
            (
                {"text": "{}", "max_bytes": True},
                ct.InvalidTypeError,
                "max_bytes",
            ),
            (
                {"text": "{}", "max_bytes": 1.5},
                ct.InvalidTypeError,
                "max_bytes",
            ),
            (
                {"text": "{}", "max_bytes": -1},
                ct.InvalidValueError,
                "max_bytes",
            ),
        ],
    )
    def test_from_json(self, kwargs, error, field):
        """
        Tracker.from_json refuses a text that is not str or bytes, and a
        max_bytes that is not a whole number of bytes.
        """
        with pytest.raises(error) as e:
            ct.Tracker.from_json(**kwargs)

        assert field == e.value.field

    def test_from_json_takes_zero_bytes_as_a_limit(self):
        """
        A limit of 0 bytes is a limit: every document is over it.
        """
        with pytest.raises(ct.DocumentTooLargeError):
            ct.Tracker.from_json("{}", max_bytes=0)

    def test_load_checks_max_bytes_first(self, tmp_path):
        """
        Tracker.load refuses a max_bytes that is not an int, naming it.
        """
        path = tmp_path / "t.json"
        tracker().dump(path)

        with pytest.raises(ct.InvalidTypeError) as e:
            ct.Tracker.load(path, max_bytes="10")

        assert "max_bytes" == e.value.field

    @pytest.mark.parametrize("journal", ["memory", "sqlite"])
    @pytest.mark.parametrize(
        ("claims", "why"),
        [
            (None, "not NoneType"),
            (5, "not int"),
            ("He has agreed", "not one str"),
            ({"text": "x", "speaker": "rubio"}, "not one dict"),
            (ct.Claim("c", "t", "rubio"), "not one Claim"),
        ],
    )
    def test_add_claims(self, journal, claims, why, tmp_path):
        """
        add_claims refuses what holds no items, naming ``claims``, and
        changes nothing.
        """
        with opened(journal, tmp_path) as made:
            made.add_actor(ct.Actor("rubio", "Marco Rubio"), at=AT)
            before = made.events()

            with pytest.raises(ct.InvalidTypeError) as e:
                made.add_claims(claims)

            assert ("claims", claims) == (e.value.field, e.value.value)
            assert why in e.value.reason
            assert before == made.events()

    def test_add_claims_reads_a_generator_once(self, tmp_path):
        """
        A generator of claims is read whole before the write: a write
        done again on the whole state (after a revision) adds them all.
        """
        path = tmp_path / "t.db"
        with ct.Tracker.open(path) as made:
            made.add_actor(ct.Actor("rubio", "Marco Rubio"), at=AT)
            made.add_source(ct.Source("s", text="Rubio said so."), at=AT)
            made.revise("s", "Rubio said it was so.", at=AT)
        with ct.Tracker.open(path) as made:
            added = made.add_claims(
                {"text": f"claim {n}", "speaker": "rubio", "source": "s"}
                for n in range(3)
            )

            assert 3 == len(added) == len(made.claims())

    @pytest.mark.parametrize("events", [None, 3, "events", {"a": 1}])
    def test_from_events(self, events):
        """
        Tracker.from_events refuses what holds no events, naming it.
        """
        with pytest.raises(ct.InvalidTypeError) as e:
            ct.Tracker.from_events(events)

        assert "events" == e.value.field

    def test_from_events_refuses_a_lone_event(self):
        """
        A single event is refused: it belongs in a list.
        """
        event = tracker().events()[0]

        with pytest.raises(ct.InvalidTypeError) as e:
            ct.Tracker.from_events(event)

        assert "put it in a list" in e.value.reason
        assert 1 == len(ct.Tracker.from_events([event]).events())


# -- URLs ---------------------------------------------------------------------

BAD_URLS = [
    "http://[",
    "https://[::1",
    "http://]x",
    "http://\uff03x",
    "https://a\u2100b",
]


class TestUrls:
    """
    A URL urllib cannot split is refused, naming the field.
    """

    @pytest.mark.parametrize("url", BAD_URLS)
    @pytest.mark.parametrize(
        ("build", "field"),
        [
            (lambda url: ct.Source("s", url=url), "url"),
            (lambda url: Citation(url=url), "url"),
        ],
    )
    def test_models(self, build, field, url):
        """
        A source's URL and an evidence citation's are refused.
        """
        with pytest.raises(ct.InvalidValueError) as e:
            build(url)

        assert (field, url) == (e.value.field, e.value.value)
        assert "cannot be split" in e.value.reason

    @pytest.mark.parametrize("url", BAD_URLS)
    def test_evidence_by_url(self, url):
        """
        Evidence cited by such a URL is refused and changes nothing.
        """
        made = tracker()
        before = made.events()

        with pytest.raises(ct.InvalidValueError) as e:
            made.corroborate(made.claims()[0], evidence=url, at=AT)

        assert "cannot be split" in str(e.value)
        assert before == made.events()

    @pytest.mark.parametrize(
        "lenient", [False, True], ids=["strict", "lenient"]
    )
    @pytest.mark.parametrize("name", list(fuzz.READERS))
    def test_importers(self, name, lenient):
        """
        Every URL field of every importer's document, given a URL urllib
        cannot split: a ClaimtrackError that changes nothing, or an import.
        """
        read, document, write = fuzz.READERS[name]
        places = [
            path
            for path in fuzz._paths(document)
            if _url_field(path, document)
        ]
        assert places or name in ("liar", "climate-fever", "fever")

        for path in places:
            for url in [*BAD_URLS, "//[::1", "a\u2100b.com/x"]:
                given_ = write(fuzz._replaced(document, path, url))
                made = fuzz.populated()
                fuzz.fails_cleanly(
                    made,
                    functools.partial(
                        read, made, given_, lenient=lenient, at=AT
                    ),
                )

    @pytest.mark.parametrize("url", [*BAD_URLS, "//[::1"])
    def test_base_url(self, url):
        """
        A page address urllib cannot split is refused as ``base_url``.
        """
        with pytest.raises(ct.InvalidValueError) as e:
            claimreview.read(tracker(), "{}", base_url=url)

        assert ("base_url", url) == (e.value.field, e.value.value)

    @pytest.mark.parametrize("url", [*BAD_URLS, "//[::1"])
    def test_page_addresses(self, url):
        """
        A page's canonical link or og:url that urllib cannot split is not
        its address: a relative review URL is then flagged, not read.
        """
        review = {**fuzz.REVIEW, "url": "/r/1"}
        page = (
            f"<html><head><link rel='canonical' href='{url}'>"
            f"<meta property='og:url' content='{url}'>"
            "<script type='application/ld+json'>"
            + json.dumps(review)
            + "</script></head></html>"
        )
        made = tracker()

        report = claimreview.read(made, page, lenient=True, at=AT)

        assert any("is relative" in flag.message for flag in report.flags)

    @pytest.mark.parametrize("url", BAD_URLS)
    def test_names_from_urls(self, url):
        """
        The helpers that read names off a URL take one urllib cannot
        split as naming nothing, or as its own words.
        """
        assert politifact(url) is None
        assert "" == host_name(url)
        assert url == url_name(url)

    def test_split_url(self):
        """
        `split_url` splits what urllib splits and is None for the rest.
        """
        assert "example.org" == split_url("https://example.org/a").netloc
        assert [None] * len(BAD_URLS) == [split_url(url) for url in BAD_URLS]

    @given(url=st.text(max_size=30).map("https://".__add__))
    def test_any_url_is_taken_or_refused(self, url):
        """
        Any text after https:// is a URL or a ClaimtrackError.
        """
        with contextlib.suppress(ct.ClaimtrackError):
            ct.Source("s", url=url)


def _url_field(path, document):
    """
    Whether the field at *path* of *document* holds a URL, or is named
    for one.
    """
    value = document
    for step in path:
        value = value[step]
    named = bool(path) and str(path[-1]).lower().endswith(("url", "sameas"))
    return isinstance(value, str) and (named or value.startswith("http"))


# -- subclasses ---------------------------------------------------------------


class Text(str):
    """
    A caller's own str type, which says something else when printed.
    """

    __slots__ = ()

    def __str__(self):
        """
        Say something else than the text.
        """
        return "something else"


class Count(int):
    """
    A caller's own int type.
    """

    def __int__(self):
        """
        Say another number.
        """
        return 7


class Share(float):
    """
    A caller's own float type.
    """

    def __float__(self):
        """
        Say another number.
        """
        return 7.0


class TestSubclasses:
    """
    Values of str, int and float subclasses are kept, and written as their
    plain values.
    """

    @pytest.mark.parametrize("journal", ["memory", "sqlite"])
    def test_kept_and_written(self, journal, tmp_path):
        """
        A claim made of subclass values is stored, and reads back with
        plain values equal to them, in the store and the document.
        """
        made = opened(journal, tmp_path)
        made.add_actor(ct.Actor(Text("rubio"), Text("Marco Rubio")), at=AT)
        claim = made.add_claim(
            Text("He has agreed"),
            speaker=Text("rubio"),
            tags=(Text("deal"),),
            proposition=ct.Proposition(Text("x"), "count", Count(3)),
            at=AT,
        )
        made.add_claim(
            "A share",
            speaker="rubio",
            proposition=ct.Proposition("x", "share", Share(0.5)),
            at=AT,
        )
        made.retract(claim, note=Text("withdrawn"), at=AT)

        again = ct.Tracker.from_json(made.to_json())

        read = again.claim(claim.id)
        assert "He has agreed" == read.text
        assert str is type(read.text)
        assert int is type(read.proposition.object.value)
        assert 3 == read.proposition.object.value
        shares = [
            c.proposition.object.value
            for c in again.claims()
            if c.text == "A share"
        ]
        assert [0.5] == shares
        assert float is type(shares[0])
        made.close()
        if journal == "sqlite":
            with ct.Tracker.open(tmp_path / "t.db") as stored:
                assert again == stored

    def test_int_and_float_fields(self):
        """
        A span's offsets of an int subclass and a tolerance of a float
        subclass are written as plain numbers, and read back equal.
        """
        made = ct.Tracker()
        made.add_source(ct.Source("s1", text=TEXT), at=AT)
        made.add_actor(ct.Actor("rubio", "Marco Rubio"), at=AT)
        made.declare(
            ct.Predicate("share", tolerance=ct.Tolerance(relative=Share(0.1))),
            at=AT,
        )
        claim = made.add_claim(
            "Rubio said",
            speaker="rubio",
            span=ct.Span(Count(0), Count(5), "Rubio", source="s1"),
            at=AT,
        )

        document = json.loads(made.to_json())

        payloads = {e["kind"]: e["payload"] for e in document["events"]}
        span = payloads["claim-added"]["span"]
        assert [0, 5] == [span["start"], span["end"]]
        assert {"absolute": 0, "relative": 0.1} == (
            payloads["predicate-declared"]["tolerance"]
        )
        assert claim == ct.Tracker.from_json(made.to_json()).claim(claim.id)


# -- the events a user may apply ----------------------------------------------


class TestEvents:
    """
    Events built by hand meet the same checks.
    """

    @pytest.mark.parametrize("field", ["speaker", "source"])
    def test_a_store_is_never_asked_for_what_is_not_text(
        self, field, tmp_path
    ):
        """
        A speaker or source id holding a lone surrogate is refused with a
        ClaimtrackError, not looked up in the store.
        """
        path = tmp_path / "t.db"
        with ct.Tracker.open(path) as made:
            made.add_source(ct.Source("s1", text=TEXT), at=AT)
            made.add_actor(ct.Actor("rubio", "Marco Rubio"), at=AT)
        kwargs = {"speaker": "rubio", "source": "s1"} | {field: "x\ud800"}
        with ct.Tracker.open(path) as made:  # read only what is asked
            with pytest.raises(ct.ClaimtrackError):
                made.add_claim("He has agreed", **kwargs, at=AT)
            assert 2 == len(made.events())

    def test_fast_checker_of_a_str_among_types(self):
        """
        A field that takes a str among other types is checked as text by
        the fast checker too.
        """

        @attrs.frozen
        class Note:
            """
            A user's model with a field of an int or a str.
            """

            value: object = attrs.field(
                metadata={"check": ct.validators.instance_of(int, str)}
            )

        fast = _fast_checker(Note)

        assert [True, True, False, False] == [
            fast(Note(v)) for v in (3, "three", "th\x00ree", 2.5)
        ]

    @pytest.mark.parametrize("field", ["note", "reason"])
    def test_contradiction_text(self, field, tmp_path):
        """
        A contradiction's note or reason with a lone surrogate is refused
        before any store sees it.
        """
        with pytest.raises(ct.InvalidValueError) as e:
            ct.Contradiction(
                "claim-a", "claim-b", "explicit", **{field: "x\ud800"}
            )

        assert field == e.value.field

    def test_an_event_by_bad_text_is_refused(self):
        """
        An event whose author holds a lone surrogate cannot be built.
        """
        with pytest.raises(ct.InvalidValueError) as e:
            Event(
                EventKind.ACTOR_ADDED,
                ct.Actor("a", "A"),
                by="editor\udc00",
                at=dt.datetime(2025, 2, 4, tzinfo=dt.UTC),
            )

        assert "by" == e.value.field
