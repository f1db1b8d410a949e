"""
The trusted paths accept only what the checks accept.

claimtrack skips work where it can: a generated fast checker decides
most valid models at once, models the library made itself or read back
from its own journal are built without checks (`trusted`), and
`Tracker.add_claim` takes a short way for its common arguments. These
properties hold that none of it lets through what the checks refuse, and
that bad input through any public entry point is refused with a
`ClaimtrackError` that changes nothing.

Values a user may pass come from `user_values`. What meets a known fault
is tested apart, in the tests marked xfail at the end: strings with lone
surrogates, instances of a str subclass, malformed http(s) URLs, and
arguments of the wrong type to add_claims, Tracker.from_json and
Tracker.open. Each of those tests has an explicit example that fails
while the fault is there.
"""

import contextlib
import copy
import datetime as dt
import enum
import functools
import importlib
import json
import math
import sqlite3
import tempfile
from pathlib import Path

import attrs
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack import strategies as cst
from claimtrack._anchor import Anchoring, Reanchored, Revision
from claimtrack._codec import Reader
from claimtrack._journals._sqlite import _TRUSTED, _decode
from claimtrack._scales import Rating
from claimtrack._trusted import trusted
from claimtrack._validators import _fast_checker
from claimtrack.events import Event, EventKind
from claimtrack.evidence import Citation, Evidence, Retraction, Verdict


# -- values a user may pass ---------------------------------------------------


class Str(str):
    """
    A str subclass, as a caller's own string type.
    """

    __slots__ = ()


@attrs.frozen
class AsStr:
    """
    A `Str` to be made in the test, from its text (see `realize`).

    Hypothesis cannot replay examples whose strategies return instances
    of a str subclass (it takes them for its own string choices and
    raises FlakyStrategyDefinition), so they are drawn as this marker.
    """

    text: str

    def __repr__(self) -> str:
        """
        Show the value as the `Str` it stands for.
        """
        return f"Str({self.text!r})"


def realize(value):
    """
    *value* with every `AsStr` in it made a `Str`.
    """
    if isinstance(value, AsStr):
        return Str(value.text)
    if type(value) is list:
        return [realize(v) for v in value]
    if type(value) is tuple:
        return tuple(realize(v) for v in value)
    if type(value) is dict:
        return {k: realize(v) for k, v in value.items()}
    return value


class WrongKind(enum.Enum):
    """
    An enum of the wrong type, whose values are those of claimtrack's.
    """

    PERSON = "person"
    ASSERTED = "asserted"
    SUPPORTS = "supports"
    NEGATION = "negation"
    DAY = "day"


TEXT = "Rubio said, “He has agreed.” Bukele said they were finalizing one."
SOURCE = ct.Source(
    "s1", text=TEXT, published="2025-02-04", url="https://example.com/a"
)
AT = "2025-02-05T09:00:00+00:00"
T0 = dt.datetime(2025, 2, 5, 9, tzinfo=dt.UTC)

WORDS = [
    *["", " ", "\t\n", "\u3000", "\x00", "a\x00b", "x", "s1", "s2"],
    *["rubio", "Rubio", "Marco Rubio", "bukele", "new", "claim-x"],
    *["Monday", "2025-02-03", "2025-02-30", "03/04/2025", "2025", "2025-02"],
    *["person", "group", "asserted", "denied", "supports", "refutes"],
    *["NOT ENOUGH INFO", "negation", "explicit", "half-true", "politifact"],
    *["https://example.org/x", "http://", "ftp://example.org/", "en", "e n"],
    *["has agreed", "Bukele said", "agrees", "day", "month"],
]
ENUMS = [
    *WrongKind,
    *ct.Polarity,
    *ct.ActorKind,
    *ct.Stance,
    *ct.ContradictionKind,
    *ct.Precision,
    *EventKind,
    *Rating,
]
NUMBERS = st.one_of(
    st.integers(),
    st.sampled_from([-1, 0, 1, 2**63, -(2**64), 10**40]),
    st.floats(),
    st.decimals(),
)
DATES = st.one_of(
    st.dates(),
    st.datetimes(),
    st.datetimes(timezones=st.just(dt.UTC)),
    st.sampled_from([dt.datetime.min, dt.datetime.max.replace(tzinfo=dt.UTC)]),
)
MODELS = st.one_of(
    cst.whens(),
    cst.spans(),
    cst.spans(source=st.just(SOURCE)),
    cst.quantities(),
    cst.propositions(),
    cst.citations(),
    cst.actors(),
    cst.sources(),
    cst.tolerances(),
    cst.predicates(),
    st.just(SOURCE),
)
SURROGATES = st.one_of(
    st.sampled_from(["\ud800", "a\udfff", "\udc80x"]),
    st.text(st.characters(categories=["Cs"]), min_size=1, max_size=3),
)
STR_SUBCLASSES = st.builds(AsStr, st.sampled_from(WORDS) | st.text(max_size=6))
BAD_URLS = st.sampled_from(
    [
        "http://[",
        "https://[::1",
        "http://]x",
        "http://\uff03x",
        "https://a\u2100b",
    ]
)


def user_values(*extra):
    """
    Values a user may pass anywhere, and any *extra* kinds of value.

    None, bools, numbers of every kind (huge, negative, nan, inf), blank
    and NUL-bearing strings, words claimtrack reads, bytes, dates, enums
    of the right and the wrong type, valid models, and lists, tuples and
    dicts of these.
    """
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        NUMBERS,
        st.sampled_from(WORDS),
        st.text(max_size=8),
        st.binary(max_size=4),
        DATES,
        st.sampled_from(ENUMS),
        *extra,
    )
    items = scalars | MODELS
    return st.one_of(
        scalars,
        MODELS,
        st.lists(items, max_size=3),
        st.lists(items, max_size=3).map(tuple),
        st.dictionaries(st.text(max_size=3), scalars, max_size=2),
    )


USER = user_values()
"""What the properties that hold draw from."""

EVERYTHING = user_values(SURROGATES, STR_SUBCLASSES, BAD_URLS)
"""Every kind of value, those with known faults too."""


# -- the checks, run one by one ---------------------------------------------


def checked_fields(cls):
    """
    The fields of *cls* that carry a ``check``.
    """
    return [f for f in attrs.fields(cls) if "check" in f.metadata]


def run_checks(instance):
    """
    Run every field's ``check`` on *instance*, as the slow path does.
    """
    for field in checked_fields(type(instance)):
        field.metadata["check"](instance, field, getattr(instance, field.name))


def check_deep(value, seen=None):
    """
    Run the field checks of *value* and of every model inside it.
    """
    seen = set() if seen is None else seen
    if attrs.has(type(value)):
        if id(value) in seen:
            return
        seen.add(id(value))
        run_checks(value)
        for field in attrs.fields(type(value)):
            check_deep(getattr(value, field.name), seen)
    elif isinstance(value, tuple | list):
        for item in value:
            check_deep(item, seen)


def check_tracker(tracker):
    """
    Every model *tracker* holds passes every field check.

    Its events, claims (with spans and propositions), actors, sources,
    evidence and contradictions.
    """
    seen = set()
    for event in tracker.events():
        check_deep(event, seen)
    for claim in tracker.claims():
        check_deep(claim, seen)
        for item in tracker.evidence(claim):
            check_deep(item, seen)
        for found in tracker.contradictions(claim):
            check_deep(found, seen)
    for held in [*tracker.actors(), *tracker.sources()]:
        check_deep(held, seen)


def populate(tracker):
    """
    Give *tracker* a source, two actors and two claims; return the claims.
    """
    tracker.add_source(SOURCE, by="analyst", at=AT)
    tracker.add_actor(
        ct.Actor("rubio", "Marco Rubio", aliases=("Rubio",)), at=AT
    )
    tracker.add_actor(ct.Actor("bukele", "Nayib Bukele"), by="analyst", at=AT)
    first = tracker.add_claim(
        "He has agreed",
        speaker="rubio",
        said="Monday",
        source="s1",
        quote="He has agreed",
        proposition=ct.Proposition("bukele", "agrees", "deal"),
        at=AT,
    )
    second = tracker.add_claim(
        "They are finalizing",
        speaker="bukele",
        said="2025-02-03",
        span=SOURCE.span_of("finalizing one"),
        at=AT,
    )
    return first, second


# -- A: the fast checker ------------------------------------------------------

MODULES = [
    "claimtrack._models",
    "claimtrack._evidence",
    "claimtrack._contradictions",
    "claimtrack._predicates",
    "claimtrack._events",
    "claimtrack._anchor",
]
"""Where claimtrack's models are."""

CHECKED = [
    ct.Span,
    ct.Source,
    ct.Actor,
    ct.Quantity,
    ct.Proposition,
    ct.Claim,
    ct.Contradiction,
    Evidence,
    Verdict,
    Retraction,
    Citation,
    ct.Predicate,
    ct.Tolerance,
    Event,
    Anchoring,
    Reanchored,
    Revision,
    ct.Policy,
]
"""Every model class whose fields carry checks."""


def test_every_checked_model_is_covered():
    """
    CHECKED holds every model class whose fields carry checks.
    """
    found = {
        cls
        for module in map(importlib.import_module, MODULES)
        for cls in vars(module).values()
        if attrs.has(cls)
        and cls.__module__ == module.__name__
        and checked_fields(cls)
    }
    assert found == set(CHECKED)


def _found_contradictions():
    """
    Contradictions as a lookup makes them, their reasons not yet written.
    """
    tracker = ct.Tracker()
    _, second = populate(tracker)
    tracker.declare(ct.Predicate("agrees", single_valued=True), at=AT)
    third = tracker.add_claim(
        "He has not agreed",
        speaker="bukele",
        proposition=ct.Proposition(
            "bukele", "agrees", "deal", polarity="denied"
        ),
        at=AT,
    )
    fourth = tracker.add_claim(
        "He agreed to another",
        speaker="rubio",
        proposition=ct.Proposition("bukele", "agrees", "another"),
        at=AT,
    )
    tracker.contradict(second, fourth, by="editor", at=AT, note="n")
    tracker.corroborate(third, evidence=second, stance="refutes", at=AT)
    return [
        c for claim in tracker.claims() for c in tracker.contradictions(claim)
    ]


IDS = st.sampled_from(["claim-a", "claim-b", "x"]) | st.text(
    st.characters(categories=["L", "N"]), min_size=1, max_size=6
)
CONTRADICTIONS = st.sampled_from(_found_contradictions()) | st.builds(
    ct.Contradiction,
    IDS,
    IDS.map(lambda other: f"{other}-other"),
    st.sampled_from(ct.ContradictionKind),
    st.text(st.characters(codec="utf-8", exclude_characters="\x00")),
    by=st.none() | IDS,
    at=st.none() | st.datetimes(timezones=st.just(dt.UTC)),
    note=st.none()
    | st.text(st.characters(codec="utf-8", exclude_characters="\x00")),
    evidence=st.lists(IDS, max_size=2),
)
"""Contradictions, without building whole trackers."""

_PAYLOADS = st.one_of(
    cst.sources().map(lambda s: (EventKind.SOURCE_ADDED, s)),
    cst.actors().map(lambda a: (EventKind.ACTOR_ADDED, a)),
    cst.claims().map(lambda c: (EventKind.CLAIM_ADDED, c)),
    cst.evidence().map(lambda e: (EventKind.EVIDENCE_ADDED, e)),
    cst.verdicts().map(lambda v: (EventKind.VERDICT_SET, v)),
    cst.retractions().map(lambda r: (EventKind.CLAIM_RETRACTED, r)),
    cst.predicates().map(lambda p: (EventKind.PREDICATE_DECLARED, p)),
    CONTRADICTIONS.map(lambda c: (EventKind.CONTRADICTION_ADDED, c)),
    st.from_type(Revision).map(lambda r: (EventKind.SOURCE_REVISED, r)),
)
EVENTS = st.builds(
    lambda pair, by, at: Event(*pair, by=by, at=at),
    _PAYLOADS,
    st.none() | st.sampled_from(["analyst", "editor"]),
    st.datetimes(timezones=st.just(dt.UTC)),
)
"""Events of every common kind, without building whole trackers."""


def valid_models(cls):
    """
    Valid instances of *cls*.
    """
    if cls is Event:
        return EVENTS
    if cls is ct.Contradiction:
        return CONTRADICTIONS
    return st.from_type(cls)


def build_trusted(cls, values):
    """
    *cls* built from *values* without checks; None if a converter refuses.

    A converter may refuse a value with a TypeError, or with the error of
    a model it builds: a bare number that is not finite never becomes a
    proposition's `Quantity`.
    """
    try:
        return trusted(cls)(**values)
    except (TypeError, ct.ClaimtrackError):
        return None


@functools.cache
def fast_checker(cls):
    """
    The fast checker of *cls*, made once.
    """
    return _fast_checker(cls)


@pytest.mark.parametrize("cls", CHECKED, ids=lambda cls: cls.__name__)
@given(data=st.data())
def test_fast_checker_never_accepts_what_the_checks_refuse(cls, data):
    """
    An instance the fast checker passes passes every field's check.

    Some fields of a valid instance are replaced by any value at all, the
    instance is built without checks, and if the fast checker says True
    the checks themselves raise nothing. A valid instance left whole
    takes the fast path.
    """
    base = data.draw(valid_models(cls), label="valid")
    values = {
        f.alias: getattr(base, f.name) for f in attrs.fields(cls) if f.init
    }
    replaced = data.draw(
        st.lists(st.sampled_from(sorted(values)), unique=True), label="fields"
    )
    for name in replaced:
        values[name] = realize(data.draw(EVERYTHING, label=name))
    instance = build_trusted(cls, values)
    assume(instance is not None)
    try:
        fast = fast_checker(cls)(instance)
    except Exception:  # noqa: BLE001 -- not sure: check_fields checks
        fast = False
    if fast is True:
        run_checks(instance)
    if not replaced:
        assert fast is True


# -- B: bad input through every entry point ----------------------------------


def _other_tracker():
    other = ct.Tracker()
    other.add_actor(ct.Actor("new", "New One"), at=AT)
    return other


def _add_claims(tracker, *, claims, by, at):
    return tracker.add_claims(claims, by=by, at=at)


def _add_claims_item(tracker, *, by, at, **item):
    return tracker.add_claims(
        [item, {"text": "x", "speaker": "rubio"}], by=by, at=at
    )


CALLS = {
    "add_actor": (
        ct.Tracker.add_actor,
        lambda a, b: {"actor": ct.Actor("new", "New"), "by": "x", "at": AT},
    ),
    "add_source": (
        ct.Tracker.add_source,
        lambda a, b: {
            "source": ct.Source("s2", text="Other text.", derived_from="ap"),
            "by": "x",
            "at": AT,
        },
    ),
    "add_claim": (
        ct.Tracker.add_claim,
        lambda a, b: {
            "text": "Bukele said so",
            "speaker": "Rubio",
            "said": "Monday",
            "source": "s1",
            "span": SOURCE.span_of("Bukele said"),
            "proposition": ct.Proposition("Bukele", "said", "so"),
            "valid": "2025-02-03",
            "reported_by": ("bukele",),
            "tags": ("x", "y"),
            "id": "claim-new",
            "dayfirst": None,
            "by": "analyst",
            "at": AT,
        },
    ),
    "add_claim by quote": (
        ct.Tracker.add_claim,
        lambda a, b: {
            "text": "Bukele said so",
            "speaker": ct.Actor("new", "New"),
            "said": ct.When.day(dt.date(2025, 2, 3)),
            "source": SOURCE,
            "quote": "said",
            "occurrence": -1,
            "reported_by": [],
            "tags": "x",
            "dayfirst": True,
            "at": AT,
        },
    ),
    "add_claim, common arguments": (
        ct.Tracker.add_claim,
        lambda a, b: {
            "text": "Bukele said so",
            "speaker": "rubio",
            "said": ct.When.day(dt.date(2025, 2, 3)),
            "source": "s1",
            "span": SOURCE.span_of("Bukele said"),
            "proposition": ct.Proposition("Bukele", "said", "so"),
            "tags": ("x",),
            "id": None,
            "by": "analyst",
            "at": AT,
        },
    ),
    "add_claim of a Claim": (
        ct.Tracker.add_claim,
        lambda a, b: {
            "text": ct.Claim(
                "claim-whole",
                "Rubio said",
                "rubio",
                span=SOURCE.span_of("Rubio said"),
            ),
            "by": "analyst",
            "at": AT,
        },
    ),
    "add_claims": (
        _add_claims,
        lambda a, b: {
            "claims": [{"text": "x", "speaker": "bukele", "source": "s1"}, a],
            "by": None,
            "at": AT,
        },
    ),
    "add_claims item": (
        _add_claims_item,
        lambda a, b: {
            "text": "x",
            "speaker": "bukele",
            "said": "Monday",
            "source": "s1",
            "quote": "Bukele",
            "by": None,
            "at": AT,
        },
    ),
    "corroborate": (
        ct.Tracker.corroborate,
        lambda a, b: {
            "claim": a.id,
            "evidence": [b.id, "https://example.org/x", b.span],
            "stance": "supports",
            "by": "analyst",
            "at": AT,
            "note": "n",
        },
    ),
    "rate": (
        ct.Tracker.rate,
        lambda a, b: {
            "claim": a,
            "label": "half-true",
            "scale": "politifact",
            "by": "editor",
            "at": AT,
            "rationale": "r",
        },
    ),
    "retract": (
        ct.Tracker.retract,
        lambda a, b: {"claim": b.id, "by": "editor", "at": AT, "note": "n"},
    ),
    "contradict": (
        ct.Tracker.contradict,
        lambda a, b: {"claim": a.id, "other": b, "by": "x", "at": AT},
    ),
    "declare": (
        ct.Tracker.declare,
        lambda a, b: {
            "predicate": ct.Predicate("agrees", single_valued=True),
            "by": "editor",
            "at": AT,
        },
    ),
    "revise": (
        ct.Tracker.revise,
        lambda a, b: {
            "source": "s1",
            "text": TEXT + " More.",
            "min_score": 0.8,
            "by": "editor",
            "at": AT,
        },
    ),
    "apply": (
        ct.Tracker.apply,
        lambda a, b: {
            "event": Event(EventKind.ACTOR_ADDED, ct.Actor("new", "N"), at=T0)
        },
    ),
    "merge": (ct.Tracker.merge, lambda a, b: {"other": _other_tracker()}),
}
"""Each entry point: the method, and valid arguments given two claims."""

_CLAIMS = (
    ct.Claim("claim-a", "a", "rubio"),
    ct.Claim("claim-b", "b", "bukele"),
)
KEYS = [
    (name, key) for name, (_, args) in CALLS.items() for key in args(*_CLAIMS)
]
"""Every argument of every entry point."""

EXTRA = {
    "merge": cst.trackers(max_claims=2),
    "apply": EVENTS,
}
"""Valid values of an argument's own kind, for arguments that take them."""


def iterable(value):
    """
    Whether *value* can be iterated over.
    """
    try:
        iter(value)
    except TypeError:
        return False
    return True


@st.composite
def bad_calls(draw, values, *, keys=KEYS):
    """
    An entry point, one of its arguments, and a value for it.

    `Tracker.add_claims` is given only iterables of claims here: what is
    not iterable is `test_add_claims_refuses_what_is_not_iterable`'s.
    """
    name, key = draw(st.sampled_from(keys))
    extra = EXTRA.get(name)
    drawn = values if extra is None else values | extra
    if (name, key) == ("add_claims", "claims"):
        drawn = drawn.filter(iterable)
    return name, key, draw(drawn)


def outcome_of(tracker, call, first, second):
    """
    Call the entry point with the one argument replaced; say how it went.
    """
    name, key, value = call
    method, arguments = CALLS[name]
    kwargs = arguments(first, second)
    kwargs[key] = realize(value)
    try:
        method(tracker, **kwargs)
    except ct.ClaimtrackError:
        return False
    return True


def check_bad_call(journal, call):
    """
    The call is refused with a ClaimtrackError and changes nothing, or
    it succeeds; either way every model held passes every check.

    Over SQLite the tracker making the call is freshly opened, so the
    call reads only what it needs, and the file is read again after.
    """
    if journal == "memory":
        tracker = ct.Tracker()
        first, second = populate(tracker)
        before = tracker.events()
        if not outcome_of(tracker, call, first, second):
            assert before == tracker.events()
        check_tracker(tracker)
        return
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "t.db"
        with ct.Tracker.open(path) as tracker:
            first, second = populate(tracker)
            before = tracker.events()
        with ct.Tracker.open(path) as tracker:
            if not outcome_of(tracker, call, first, second):
                assert before == tracker.events()
            check_tracker(tracker)
            after = tracker.events()
        with ct.Tracker.open(path) as again:
            assert after == again.events()
            check_tracker(again)


@pytest.mark.parametrize("journal", ["memory", "sqlite"])
@given(call=bad_calls(USER))
def test_bad_input_is_refused_and_changes_nothing(journal, call):
    """
    A bad argument to any tracker method is refused with a
    ClaimtrackError and leaves the tracker as it was; an argument that
    is taken leaves only models that pass every check.
    """
    check_bad_call(journal, call)


CONSTRUCTED = [*CHECKED, ct.When]
"""The models a user may build."""


@st.composite
def bad_models(draw, values):
    """
    A model class and its arguments, one of them replaced by a value.
    """
    cls = draw(st.sampled_from(CONSTRUCTED))
    base = draw(valid_models(cls))
    kwargs = {
        f.alias: getattr(base, f.name) for f in attrs.fields(cls) if f.init
    }
    key = draw(st.sampled_from(sorted(kwargs)))
    kwargs[key] = draw(values)
    return cls, kwargs


def check_bad_model(cls, kwargs):
    """
    Building the model raises a ClaimtrackError, or gives a model whose
    every field passes its check.
    """
    try:
        made = cls(**realize(kwargs))
    except ct.ClaimtrackError:
        return
    check_deep(made)


@given(model=bad_models(USER))
def test_bad_field_of_a_model_is_refused(model):
    """
    A model built with a bad field raises a ClaimtrackError; one built
    passes every field's check, run directly.
    """
    check_bad_model(*model)


@functools.cache
def document():
    """
    A tracker's JSON document, with every kind of event, as plain data.
    """
    tracker = ct.Tracker()
    first, second = populate(tracker)
    tracker.corroborate(first, evidence=[second.id, "https://e.org/"], at=AT)
    tracker.corroborate(second, evidence=first.span, stance="refutes", at=AT)
    tracker.rate(first, "half-true", scale="politifact", by="editor", at=AT)
    tracker.contradict(first, second, by="editor", at=AT, note="n")
    tracker.declare(ct.Predicate("agrees", single_valued=True), at=AT)
    tracker.retract(second, at=AT)
    tracker.revise("s1", "Rubio said: “He has agreed.”", at=AT)
    return json.loads(tracker.to_json())


def _places(node, here=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*here, key)
            yield from _places(value, (*here, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield (*here, index)
            yield from _places(value, (*here, index))


PLACES = list(_places(document()))
"""Every place in the document, as its path of keys and indexes."""

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.sampled_from(WORDS)
    | st.text(max_size=6),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=5,
)


@given(place=st.sampled_from(PLACES), value=JSON_VALUES, remove=st.booleans())
def test_bad_document_is_refused(place, value, remove):
    """
    A document with one value replaced (or one key removed) is refused
    with a ClaimtrackError, or read into a tracker whose every model
    passes every check.
    """
    data = copy.deepcopy(document())
    parent = data
    for step in place[:-1]:
        parent = parent[step]
    if remove and isinstance(parent, dict):
        del parent[place[-1]]
    else:
        parent[place[-1]] = value
    try:
        tracker = ct.Tracker.from_json(json.dumps(data, ensure_ascii=False))
    except ct.ClaimtrackError:
        return
    check_tracker(tracker)


@given(
    text=st.sampled_from(WORDS)
    | st.text()
    | st.binary()
    | st.sampled_from(['{"format": "claimtrack"}', "[]", "{", b"\xff{}"])
)
def test_bad_text_for_from_json_is_refused(text):
    """
    Tracker.from_json refuses a text or bytes that is no document with a
    ClaimtrackError.
    """
    with pytest.raises(ct.ClaimtrackError):
        ct.Tracker.from_json(text)


def open_with(journal, policy):
    """
    A tracker with *policy*, in memory or over a new file (closed).
    """
    if journal == "memory":
        return ct.Tracker(policy=policy)
    with (
        tempfile.TemporaryDirectory() as directory,
        ct.Tracker.open(Path(directory) / "t.db", policy=policy) as made,
    ):
        return made


@pytest.mark.parametrize("journal", ["memory", "sqlite"])
@given(policy=USER)
def test_bad_policy_is_refused(journal, policy):
    """
    A tracker, new or over a file, refuses what is not a Policy (None is
    the default one) with a ClaimtrackError.
    """
    try:
        made = open_with(journal, realize(policy))
    except ct.ClaimtrackError:
        return
    assert policy is None
    assert ct.Policy() == made.policy


# -- the short way through add_claim -----------------------------------------

QUOTED = SOURCE.span_of("He has agreed")
SPANS = st.one_of(
    st.none(),
    st.sampled_from(
        [
            QUOTED,  # whole, as span_of makes it
            ct.Span(QUOTED.start, QUOTED.end, QUOTED.exact),  # no context
            ct.Span(
                QUOTED.start,
                QUOTED.end,
                QUOTED.exact,
                prefix=QUOTED.prefix[-3:],
                source="s1",
            ),
            ct.Span(QUOTED.start, QUOTED.end, QUOTED.exact, source="s2"),
            ct.Span(QUOTED.start, QUOTED.end, QUOTED.exact, suffix="x"),
            ct.Span(1, 6, "Rubio"),
        ]
    ),
    cst.spans(source=st.just(SOURCE)),
)
COMMON = {
    "text": st.sampled_from(["He has agreed", " spaced  text "]),
    "speaker": st.sampled_from(["rubio", "bukele", "rubio", "Rubio"]),
    "said": st.none() | cst.whens(),
    "source": st.sampled_from(["s1", "s1", "s1", "s2", SOURCE]),
    "span": SPANS,
    "proposition": st.none()
    | st.sampled_from(
        [
            ct.Proposition("Bukele", "agrees", "deal"),
            ct.Proposition("bukele", "agrees", "deal", polarity="denied"),
            ct.Proposition("x", "y", 3, valid="2025-02"),
        ]
    )
    | cst.propositions(),
    "tags": st.lists(st.sampled_from(["x", "y", "x"]), max_size=3).map(tuple),
    "id": st.none() | st.sampled_from(["claim-x", "claim-a"]),
}
"""add_claim's common arguments, mostly valid."""


@st.composite
def common_arguments(draw):
    """
    add_claim's common arguments, mostly valid, one perhaps bad.
    """
    kwargs = {key: draw(values) for key, values in COMMON.items()}
    if draw(st.integers(0, 2)) == 1:  # one time in three
        key = draw(st.sampled_from(sorted(COMMON)))
        kwargs[key] = draw(USER)
    return kwargs


def _result(tracker, kwargs):
    try:
        return tracker.add_claim(**realize(kwargs), at=AT)
    except ct.ClaimtrackError as exc:
        return type(exc), str(exc)


@given(kwargs=common_arguments())
def test_short_way_gives_what_the_long_way_gives(kwargs):
    """
    add_claim with the common arguments gives the claim, or the error,
    that the long way gives; the same arguments with an empty list of
    relays take the long way.
    """
    short, long = ct.Tracker(), ct.Tracker()
    populate(short)
    populate(long)
    assert _result(long, {**kwargs, "reported_by": []}) == _result(
        short, kwargs
    )
    assert long.events() == short.events()


# -- C: rows read back --------------------------------------------------------


def same(a, b, where="event"):
    """
    *a* and *b* are equal, and so are their types, all the way down.
    """
    assert type(a) is type(b), (where, a, b)
    if attrs.has(type(a)):
        for field in attrs.fields(type(a)):
            name = field.name
            same(getattr(a, name), getattr(b, name), f"{where}.{name}")
    elif isinstance(a, tuple | list):
        assert len(a) == len(b), where
        for index, (x, y) in enumerate(zip(a, b, strict=True)):
            same(x, y, f"{where}[{index}]")
    elif isinstance(a, float) and math.isnan(a):
        assert math.isnan(b), where
    else:
        assert a == b, (where, a, b)


def rows(path):
    """
    The rows of an SQLite journal's events, in order.
    """
    db = sqlite3.connect(path)
    try:
        return db.execute(
            "select seq, kind, by, at, payload from events order by seq"
        ).fetchall()
    finally:
        db.close()


@given(
    tracker=cst.trackers(max_claims=4)
    | cst.trackers(max_claims=4, contradictions=True),
    revised=st.none()
    | st.text(
        st.characters(codec="utf-8", exclude_characters="\x00"), max_size=20
    ),
)
def test_rows_read_back_as_the_checked_reader_reads_them(tracker, revised):
    """
    A tracker written to SQLite reads back equal, in part and whole, and
    each row read without checks is exactly what the checked reader
    reads, and passes every check.
    """
    quoted = [s for s in tracker.sources() if s.text]
    if revised is not None and quoted:
        text = quoted[0].text
        tracker.revise(quoted[0], text[:5] + revised + text[5:], at=AT)
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "t.db"
        with ct.Tracker.open(path, policy=tracker.policy) as db:
            db.merge(tracker)
        with ct.Tracker.open(path) as again:  # read only what is asked
            for claim in tracker.claims():
                assert claim == again.claim(claim.id)
                assert tracker.history(claim) == again.history(claim.id)
                assert tracker.evidence(claim) == again.evidence(claim.id)
                assert tracker.status(claim) == again.status(claim.id)
                assert tracker.contradictions(claim) == again.contradictions(
                    claim.id
                )
        with ct.Tracker.open(path) as again:  # read whole
            assert len(tracker) == len(again)
            events = again.events()
            assert tracker == again
            check_tracker(again)
        stored = rows(path)
    assert len(events) == len(stored)
    for row, event in zip(stored, events, strict=True):
        seq, kind, by, at, payload = row
        data = {
            "kind": kind,
            "by": by,
            "at": at,
            "payload": json.loads(payload),
        }
        checked = Reader().event(copy.deepcopy(data), f"events[{seq}]")
        same(_TRUSTED.event(copy.deepcopy(data), ""), checked)
        if kind == "claim-added":
            same(_TRUSTED.claim(json.loads(payload)), checked.payload)
        same(_decode(row), checked)
        same(event, checked)
        check_deep(checked)


# -- known faults ------------------------------------------------------------


@pytest.mark.parametrize("journal", ["memory", "sqlite"])
@example(call=("add_claim, common arguments", "text", "\ud800"))
@given(call=bad_calls(user_values(SURROGATES)))
def test_lone_surrogates_are_refused(journal, call):
    """
    A string with a lone surrogate, which is no text UTF-8 can encode,
    is refused with a ClaimtrackError, or kept whole, as any bad value.
    """
    check_bad_call(journal, call)


@pytest.mark.parametrize("journal", ["memory", "sqlite"])
@example(call=("add_claim, common arguments", "id", AsStr("ab")))
@example(call=("retract", "note", AsStr("n")))
@given(call=bad_calls(user_values(STR_SUBCLASSES)))
def test_str_subclasses_are_refused_or_kept(journal, call):
    """
    A value of a str subclass is refused with a ClaimtrackError, or kept
    in a tracker that works, as any other value.
    """
    check_bad_call(journal, call)


@example(model=(ct.Source, {"id": "s", "url": "http://["}))
@given(model=bad_models(user_values(BAD_URLS)))
def test_malformed_urls_are_refused(model):
    """
    A malformed http(s) URL is refused with a ClaimtrackError.
    """
    check_bad_model(*model)


def _evidence_call(url):
    return ("corroborate", "evidence", url)


@pytest.mark.parametrize("journal", ["memory", "sqlite"])
@example(call=_evidence_call("http://["))
@given(call=BAD_URLS.map(_evidence_call))
def test_malformed_evidence_urls_are_refused(journal, call):
    """
    Evidence cited by a malformed URL is refused with a ClaimtrackError.
    """
    check_bad_call(journal, call)


@pytest.mark.parametrize("journal", ["memory", "sqlite"])
@example(call=("add_claims", "claims", None))
@given(
    call=USER.filter(lambda value: not iterable(value)).map(
        lambda value: ("add_claims", "claims", value)
    )
)
def test_add_claims_refuses_what_is_not_iterable(journal, call):
    """
    add_claims refuses claims that are not iterable with a
    ClaimtrackError.
    """
    check_bad_call(journal, call)


@example(text=None, max_bytes=None)
@given(text=USER, max_bytes=st.none() | USER)
def test_from_json_refuses_arguments_of_the_wrong_type(text, max_bytes):
    """
    Tracker.from_json refuses a text that is not str or bytes, or a
    max_bytes that is not a whole number, with a ClaimtrackError.
    """
    kwargs = {} if max_bytes is None else {"max_bytes": realize(max_bytes)}
    try:
        tracker = ct.Tracker.from_json(realize(text), **kwargs)
    except ct.ClaimtrackError:
        return
    check_tracker(tracker)


@example(path=None, timeout=5.0)
@given(path=USER, timeout=st.just(5.0) | USER)
def test_open_refuses_arguments_of_the_wrong_type(path, timeout):
    """
    Tracker.open refuses a path or timeout of the wrong type with a
    ClaimtrackError.
    """
    with (
        tempfile.TemporaryDirectory() as directory,
        contextlib.chdir(directory),  # where a relative path is made
    ):
        try:
            tracker = ct.Tracker.open(realize(path), timeout=realize(timeout))
        except ct.ClaimtrackError:
            return
        tracker.close()
