"""
Hypothesis strategies for claimtrack's models and trackers.

This module is the implementation behind `claimtrack.strategies`; it
imports Hypothesis, which is an optional extra of claimtrack.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import urllib.parse
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

import attrs


try:
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ImportError as exc:
    msg = (
        "claimtrack.strategies needs Hypothesis, an optional extra of "
        'claimtrack: pip install "claimtrack[hypothesis]"'
    )
    raise ImportError(msg, name=exc.name) from exc

from claimtrack import scales as _scales
from claimtrack._contradictions import Contradiction, ContradictionKind
from claimtrack._dates import Precision, When
from claimtrack._evidence import (
    Citation,
    Evidence,
    Lineage,
    Policy,
    Retraction,
    SetAside,
    Stance,
    Support,
    Verdict,
)
from claimtrack._models import (
    Actor,
    ActorKind,
    Claim,
    Polarity,
    Proposition,
    Quantity,
    Source,
    Span,
)
from claimtrack._predicates import Predicate, Tolerance, predicate_key
from claimtrack._scales import RatingScale
from claimtrack._tracker import Tracker
from claimtrack.exceptions import (
    AmbiguousActorError,
    ConflictError,
    UnknownActorError,
)


if TYPE_CHECKING:
    from collections.abc import Sequence

    from hypothesis.strategies import DrawFn, SearchStrategy

    from claimtrack._anchor import Anchoring, Reanchored, Revision
    from claimtrack._events import Event


_T = TypeVar("_T")

__all__ = [
    "actors",
    "citations",
    "claims",
    "evidence",
    "policies",
    "predicates",
    "propositions",
    "quantities",
    "rating_scales",
    "retractions",
    "sources",
    "spans",
    "tolerances",
    "trackers",
    "verdicts",
    "whens",
]


# -- the building blocks ----------------------------------------------------

# Text as real sources have it: letters of several scripts, curly quotes,
# line breaks, tabs and doubled spaces. Shrinks towards "a".
_ALPHABET = st.sampled_from(
    [
        *"abcdefghijklmnopqrstuvwxyz ABCDE.,;:!?'\"\n",
        "\u201c",
        "\u201d",
        "\u2019",
        "é",
        "ñ",
        "ü",
        "م",
        "न",
        "ि",
        "த",
        "\t",
    ]
)
_TEXTS = st.text(_ALPHABET, min_size=1)
_T0 = dt.datetime(2025, 2, 4, tzinfo=dt.UTC)  # when drawn revisions are made
_IDS = st.from_regex(r"[a-z][a-z0-9\-]{0,11}", fullmatch=True)
_WORDS = (
    "Ana",
    "Nayib",
    "Bukele",
    "Marco",
    "Rubio",
    "Élodie",
    "Núñez",
    "Ministry",
    "of",
    "the",
    "Interior",
)
# Names that read like names, and names that only a machine would write;
# both kinds collide with each other now and then, as real names do.
_NAMES = st.one_of(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3).map(" ".join),
    st.text(
        st.sampled_from(list("abcdefghijklmnopqrstuvwxyzÁÉé .-")), min_size=1
    ).filter(lambda s: any(c.isalnum() for c in s)),
)
_ROLES = st.sampled_from(
    [
        "US Secretary of State",
        "President of El Salvador",
        "spokesperson",
        "Minister of the Interior",
    ]
)
_THINGS = st.sampled_from(
    [
        "the agreement",
        "deportees",
        "the border",
        "El Salvador",
        "any nationality",
        "agreed",
        "being finalized",
    ]
)
_PREDICATES = st.sampled_from(
    ["status", "accepts_deportees_of", "offered", "count", "holds"]
)
_STATEMENTS = st.one_of(
    st.sampled_from(
        [
            "El Salvador offered to accept US deportees",
            "The agreement is being finalized",
            "Deportations rose in February",
            "The border is closed",
        ]
    ),
    _TEXTS.filter(str.strip),
)
_TAGS = st.sampled_from(["migration", "el-salvador", "deportation", "policy"])
_PUBLISHERS = st.sampled_from(
    ["AP", "India TV", "Reuters", "El Faro", "Le Monde"]
)
_HOSTS = st.sampled_from(
    ["apnews.com", "www.indiatvnews.com", "elfaro.net", "example.org"]
)
_URLS = st.builds(
    "https://{}/{}".format,
    _HOSTS,
    st.from_regex(r"[a-z0-9\-]{0,12}", fullmatch=True),
)
_LANGUAGES = st.sampled_from(["en", "es", "pt-BR", "hi", "ar", "ta"])
_ANALYSTS = st.none() | st.sampled_from(["ana", "editor", "desk"])
_OFFSETS = st.sampled_from(
    [
        dt.UTC,
        dt.timezone(dt.timedelta(hours=5, minutes=30)),
        dt.timezone(dt.timedelta(hours=-3)),
    ]
)
_INSTANTS = st.datetimes(
    min_value=dt.datetime(2000, 1, 1),  # noqa: DTZ001 -- bounds are naive
    max_value=dt.datetime(2100, 1, 1),  # noqa: DTZ001
    timezones=_OFFSETS,
)
_NUMBERS = st.one_of(
    st.integers(-(10**6), 10**6),
    st.decimals(
        min_value=-(10**9),
        max_value=10**9,
        places=3,
        allow_nan=False,
        allow_infinity=False,
    ),
    st.floats(allow_nan=False, allow_infinity=False),
)
_UNITS = st.none() | st.sampled_from(
    ["migrants", "deportees", "USD", "km", "%"]
)


def _strategy(
    name: str, value: SearchStrategy[_T] | None, default: SearchStrategy[_T]
) -> SearchStrategy[_T]:
    """
    The strategy given for option *name*, or *default* for None.

    Raises:
        InvalidArgument: If the option is not a strategy.
    """
    if value is None:
        return default
    if not isinstance(value, st.SearchStrategy):
        raise InvalidArgument(
            f"{name}={value!r} must be a strategy; to always use one value, "
            f"pass st.just({value!r})"
        )
    return value


def _drawn(name: str, value: object, *types: type) -> None:
    """
    Check that what option *name*'s strategy drew has one of *types*.
    """
    if not isinstance(value, types):
        wanted = " or ".join(
            "None" if t is type(None) else t.__name__ for t in types
        )
        raise InvalidArgument(f"{name} drew {value!r}, which is not {wanted}")


def _check_date(name: str, value: object) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidArgument(
            f"{name}={value!r} must be a datetime.date (not a datetime)"
        )
    return value


def _check_size(name: str, value: object, *, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidArgument(f"{name}={value!r} must be an int")
    if value < minimum:
        raise InvalidArgument(f"{name}={value!r} must be >= {minimum}")
    return value


def _check_flag(name: str, value: object) -> bool | None:
    if value is not None and not isinstance(value, bool):
        raise InvalidArgument(f"{name}={value!r} must be True, False or None")
    return value


def _actor_id(name: str, value: object) -> str:
    _drawn(name, value, str, Actor)
    return value.id if isinstance(value, Actor) else str(value)


# -- dates ------------------------------------------------------------------


def _months(low: dt.date, high: dt.date) -> tuple[dt.date, dt.date] | None:
    """
    The first days of the first and last whole months within the bounds.
    """
    first: dt.date | None = low.replace(day=1)
    if low.day != 1:
        first = _next_month(low)
    last: dt.date | None = high.replace(day=1)
    if When.month(high.year, high.month).latest != high:
        last = _previous_month(high)  # the month of high is not whole
    if first is None or last is None or last < first:
        return None
    return first, last


def _next_month(d: dt.date) -> dt.date | None:
    if (d.year, d.month) == (9999, 12):
        return None
    return (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def _previous_month(d: dt.date) -> dt.date | None:
    if (d.year, d.month) == (1, 1):
        return None
    return (d.replace(day=1) - dt.timedelta(days=1)).replace(day=1)


def _years(low: dt.date, high: dt.date) -> tuple[int, int] | None:
    """
    The first and last whole calendar years within the bounds.
    """
    first = low.year + ((low.month, low.day) != (1, 1))
    last = high.year - ((high.month, high.day) != (12, 31))
    return (first, last) if first <= last else None


def _possible(low: dt.date, high: dt.date) -> list[Precision]:
    """
    The precisions of the values that fit within the bounds.
    """
    found = [Precision.DAY]
    if _months(low, high) is not None:
        found.append(Precision.MONTH)
    if _years(low, high) is not None:
        found.append(Precision.YEAR)
    if low < high:
        found.append(Precision.RANGE)
    return found


def _range(draw: DrawFn, low: dt.date, high: dt.date) -> When:
    """
    A span of days within the bounds that is not one day, month or year.
    """
    one = dt.timedelta(days=1)
    start = draw(st.dates(low, high - one))
    end = draw(st.dates(start + one, high))
    when = When.between(start, end)
    if when.precision is not Precision.RANGE:  # a whole month or year
        when = When.between(start, end - one)
    return when


@st.composite
def whens(
    draw: DrawFn,
    *,
    min_value: dt.date = dt.date.min,
    max_value: dt.date = dt.date.max,
    precision: SearchStrategy[Precision] | None = None,
) -> When:
    """
    Draw `When` values that lie wholly within the bounds.

    Each value has the tightest precision that describes it, as
    `When.between` gives, and its ``text`` is empty, its ISO format or its
    description (the words a person might have written).

    Args:
        min_value: The earliest day a value may include.
        max_value: The latest day a value may include.
        precision: A strategy for the `Precision` of each value; by default
            every precision that fits between the bounds.

    Raises:
        InvalidArgument: If a bound is not a ``date``, ``max_value`` is
            before ``min_value``, or *precision* draws a precision that
            does not fit between the bounds (a whole month between the
            3rd and the 20th of one month).

    .. versionadded:: 0.1.0
    """
    low = _check_date("min_value", min_value)
    high = _check_date("max_value", max_value)
    if high < low:
        raise InvalidArgument(
            f"max_value={high!r} is before min_value={low!r}"
        )
    possible = _possible(low, high)
    chosen = draw(_strategy("precision", precision, st.sampled_from(possible)))
    _drawn("precision", chosen, Precision)
    if chosen not in possible:
        raise InvalidArgument(
            f"precision drew {chosen}, but no such span of days lies "
            f"between {low} and {high}"
        )
    if chosen is Precision.DAY:
        when = When.day(draw(st.dates(low, high)))
    elif chosen is Precision.MONTH:
        months = _months(low, high)
        assert months is not None  # noqa: S101 -- a possible precision
        day = draw(st.dates(*months))
        when = When.month(day.year, day.month)
    elif chosen is Precision.YEAR:
        years = _years(low, high)
        assert years is not None  # noqa: S101 -- a possible precision
        first, last = (dt.date(year, 1, 1) for year in years)
        when = When.year(draw(st.dates(first, last)).year)
    else:
        when = _range(draw, low, high)
    words = draw(st.sampled_from(["", when.isoformat(), when.describe()]))
    return When(when.earliest, when.latest, when.precision, words)


# -- sources, spans and actors ----------------------------------------------


@st.composite
def sources(
    draw: DrawFn,
    *,
    id: SearchStrategy[str] | None = None,  # noqa: A002
    text: SearchStrategy[str | None] | None = None,
    published: SearchStrategy[When | None] | None = None,
    publisher: SearchStrategy[str | None] | None = None,
    url: SearchStrategy[str | None] | None = None,
    derived_from: SearchStrategy[Sequence[str]] | None = None,
) -> Source:
    """
    Draw valid `Source` values.

    By default a source has text (so spans can quote it), drawn from
    several scripts with curly quotes, tabs and line breaks; its other
    fields may be set or not. Its title and language are drawn too.

    Args:
        id: A strategy for the source's id.
        text: A strategy for its text; ``st.none()`` for sources without.
        published: A strategy for its publication date, a `When` or None.
        publisher: A strategy for its publisher's name, or None.
        url: A strategy for its http(s) URL, or None.
        derived_from: A strategy for the ids of its upstream sources; the
            source's own id is left out.

    Raises:
        InvalidArgument: If an option is not a strategy.

    .. versionadded:: 0.1.0
    """
    source_id = draw(_strategy("id", id, _IDS))
    _drawn("id", source_id, str)
    upstream = draw(
        _strategy(
            "derived_from",
            derived_from,
            st.lists(_IDS, max_size=2, unique=True),
        )
    )
    return Source(
        source_id,
        title=draw(st.none() | _STATEMENTS),
        publisher=draw(
            _strategy("publisher", publisher, st.none() | _PUBLISHERS)
        ),
        url=draw(_strategy("url", url, st.none() | _URLS)),
        published=draw(_strategy("published", published, st.none() | whens())),
        language=draw(st.none() | _LANGUAGES),
        text=draw(_strategy("text", text, _TEXTS)),
        derived_from=tuple(u for u in upstream if u != source_id),
    )


@st.composite
def spans(
    draw: DrawFn, *, source: SearchStrategy[Source] | None = None
) -> Span:
    """
    Draw spans that are true to their source's text.

    Each span quotes at least one code point of the text, names its source
    and carries its context, as `Source.span_at` makes it:
    ``source.text[span.start:span.end] == span.exact``. Spans shrink
    towards the first code point of the text.

    Args:
        source: A strategy for the sources quoted; each must have text.
            Use ``st.just(source)`` to quote one source.

    Raises:
        InvalidArgument: If *source* draws something that is not a source
            with text.

    .. versionadded:: 0.1.0
    """
    src = draw(_strategy("source", source, sources()))
    _drawn("source", src, Source)
    if not src.text:
        raise InvalidArgument(
            f"source drew {src!r}, which has no text to quote"
        )
    return _span_in(draw, src, src.text)


def _span_in(draw: DrawFn, source: Source, text: str) -> Span:
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    return source.span_at(start, end)


@st.composite
def actors(
    draw: DrawFn,
    *,
    id: SearchStrategy[str] | None = None,  # noqa: A002
    name: SearchStrategy[str | None] | None = None,
    aliases: SearchStrategy[Sequence[str]] | None = None,
    role: SearchStrategy[str | None] | None = None,
    kind: SearchStrategy[ActorKind] | None = None,
) -> Actor:
    """
    Draw valid `Actor` values, whose names now and then collide.

    Names are sometimes plain ("Nayib Bukele"), sometimes odd, and two
    actors drawn apart may share a name or an alias, as real people do:
    good for testing name resolution. An actor drawn without a name is a
    group ("officials").

    Args:
        id: A strategy for the actor's id.
        name: A strategy for its name, or None (only a group has none).
        aliases: A strategy for its other names.
        role: A strategy for its role, or None.
        kind: A strategy for its `ActorKind`; by default any kind, and a
            group when the name drawn is None.

    Raises:
        InvalidArgument: If an option is not a strategy, or *name* draws
            None when *kind* draws a kind other than a group.

    .. versionadded:: 0.1.0
    """
    actor_id = draw(_strategy("id", id, _IDS))
    actor_name = draw(_strategy("name", name, _NAMES | st.none()))
    if kind is None:
        actor_kind = (
            ActorKind.GROUP
            if actor_name is None
            else draw(st.sampled_from(ActorKind))
        )
    else:
        actor_kind = draw(_strategy("kind", kind, st.nothing()))
        _drawn("kind", actor_kind, ActorKind)
        if actor_name is None and actor_kind is not ActorKind.GROUP:
            raise InvalidArgument(
                f"name drew None and kind drew {actor_kind}: only a group "
                "may have no name"
            )
    return Actor(
        actor_id,
        actor_name,
        aliases=draw(
            _strategy("aliases", aliases, st.lists(_NAMES, max_size=2))
        ),
        role=draw(_strategy("role", role, st.none() | _ROLES)),
        kind=actor_kind,
    )


# -- propositions and claims ------------------------------------------------


@st.composite
def quantities(
    draw: DrawFn,
    *,
    value: SearchStrategy[int | float | Decimal] | None = None,
    unit: SearchStrategy[str | None] | None = None,
) -> Quantity:
    """
    Draw `Quantity` values: finite numbers with or without a unit.

    Args:
        value: A strategy for the finite ``int``, ``float`` or ``Decimal``.
        unit: A strategy for the unit ("migrants"), or None.

    Raises:
        InvalidArgument: If an option is not a strategy.

    .. versionadded:: 0.1.0
    """
    return draw(
        st.builds(
            Quantity,
            _strategy("value", value, _NUMBERS),
            _strategy("unit", unit, _UNITS),
        )
    )


@st.composite
def propositions(
    draw: DrawFn,
    *,
    subject: SearchStrategy[str] | None = None,
    predicate: SearchStrategy[str] | None = None,
    object: SearchStrategy[str | Quantity] | None = None,  # noqa: A002
    polarity: SearchStrategy[Polarity] | None = None,
    valid: SearchStrategy[When | None] | None = None,
) -> Proposition:
    """
    Draw `Proposition` values from a small vocabulary.

    Subjects, predicates and objects come from a few words each, so that
    propositions drawn apart often share a subject and predicate: the
    material contradictions are made of.

    Args:
        subject: A strategy for the subject, an actor id or a thing.
        predicate: A strategy for the predicate.
        object: A strategy for the object: text or a `Quantity`.
        polarity: A strategy for the `Polarity`.
        valid: A strategy for when it holds, a `When` or None (always).

    Raises:
        InvalidArgument: If an option is not a strategy.

    .. versionadded:: 0.1.0
    """
    return draw(
        st.builds(
            Proposition,
            _strategy("subject", subject, _THINGS),
            _strategy("predicate", predicate, _PREDICATES),
            _strategy("object", object, _THINGS | quantities()),
            polarity=_strategy(
                "polarity", polarity, st.sampled_from(Polarity)
            ),
            valid=_strategy("valid", valid, st.none() | whens()),
        )
    )


@st.composite
def claims(
    draw: DrawFn,
    *,
    id: SearchStrategy[str] | None = None,  # noqa: A002
    text: SearchStrategy[str] | None = None,
    speaker: SearchStrategy[str | Actor] | None = None,
    said: SearchStrategy[When | None] | None = None,
    source: SearchStrategy[Source | None] | None = None,
    reported_by: SearchStrategy[Sequence[str | Actor]] | None = None,
    proposition: SearchStrategy[Proposition | None] | None = None,
    tags: SearchStrategy[Sequence[str]] | None = None,
) -> Claim:
    """
    Draw valid `Claim` values, each true to its source.

    A claim whose source has text quotes it: its span is drawn as
    `spans` draws one, so ``source.text[span.start:span.end]`` is the
    quote. Its id is the stable one `Claim.make_id` derives, as
    `Tracker.add_claim` gives, unless *id* is given. To put claims in a
    tracker together with their actors and sources, use `trackers`.

    Args:
        id: A strategy for the claim's id.
        text: A strategy for its short neutral statement.
        speaker: A strategy for its speaker: an actor id or an `Actor`.
        said: A strategy for when it was said, a `When` or None.
        source: A strategy for its `Source`, or None.
        reported_by: A strategy for who relayed it (ids or Actors); the
            speaker is left out.
        proposition: A strategy for its `Proposition`, or None.
        tags: A strategy for its tags.

    Raises:
        InvalidArgument: If an option is not a strategy, or draws a value
            of the wrong type.

    .. versionadded:: 0.1.0
    """
    speaker_id = _actor_id(
        "speaker", draw(_strategy("speaker", speaker, _IDS))
    )
    src = draw(_strategy("source", source, st.none() | sources()))
    _drawn("source", src, Source, type(None))
    span = draw(spans(source=st.just(src))) if src and src.text else None
    relays = [
        _actor_id("reported_by", relay)
        for relay in draw(
            _strategy(
                "reported_by",
                reported_by,
                st.lists(_IDS, max_size=2, unique=True),
            )
        )
    ]
    statement = draw(_strategy("text", text, _STATEMENTS))
    when = draw(_strategy("said", said, st.none() | whens()))
    claim_id = None if id is None else draw(_strategy("id", id, _IDS))
    return Claim(
        claim_id
        or Claim.make_id(
            statement,
            speaker_id,
            said=when,
            source=src.id if src else None,
            span=span,
        ),
        statement,
        speaker_id,
        said=when,
        span=span,
        source=src.id if src else None,
        reported_by=tuple(r for r in relays if r != speaker_id),
        proposition=draw(
            _strategy("proposition", proposition, st.none() | propositions())
        ),
        tags=draw(_strategy("tags", tags, st.lists(_TAGS, max_size=3))),
    )


# -- evidence, verdicts, retractions ----------------------------------------


@st.composite
def citations(
    draw: DrawFn,
    *,
    claim: SearchStrategy[str | Claim] | None = None,
    source: SearchStrategy[Source] | None = None,
    url: SearchStrategy[str] | None = None,
) -> Citation:
    """
    Draw `Citation` values: a claim, a source or its span, or a URL.

    Each citation cites one thing, drawn from one of the three options; a
    source with text is cited by a span of it or whole. Pass
    ``st.nothing()`` for an option to leave that kind out.

    Args:
        claim: A strategy for the claims cited, ids or Claims.
        source: A strategy for the sources cited.
        url: A strategy for the http(s) URLs cited.

    Raises:
        InvalidArgument: If an option is not a strategy, or all three are
            ``st.nothing()``.

    .. versionadded:: 0.1.0
    """
    cited_claims = _strategy("claim", claim, _IDS)
    cited_sources = _strategy("source", source, sources())
    cited_urls = _strategy("url", url, _URLS)
    kinds = [
        kind
        for kind, strategy in (
            ("claim", cited_claims),
            ("source", cited_sources),
            ("url", cited_urls),
        )
        if not strategy.is_empty
    ]
    if not kinds:
        raise InvalidArgument("claim, source and url cannot all be empty")
    kind = draw(st.sampled_from(kinds))
    if kind == "claim":
        target = draw(cited_claims)
        _drawn("claim", target, str, Claim)
        return Citation(
            claim=target.id if isinstance(target, Claim) else target
        )
    if kind == "source":
        src = draw(cited_sources)
        _drawn("source", src, Source)
        if src.text and draw(st.booleans()):
            return Citation(span=draw(spans(source=st.just(src))))
        return Citation(source=src.id)
    address = draw(cited_urls)
    _drawn("url", address, str)
    return Citation(url=address)


@st.composite
def evidence(
    draw: DrawFn,
    *,
    claim: SearchStrategy[str | Claim] | None = None,
    stance: SearchStrategy[Stance] | None = None,
    items: SearchStrategy[Sequence[Citation]] | None = None,
    by: SearchStrategy[str | None] | None = None,
    at: SearchStrategy[dt.datetime] | None = None,
) -> Evidence:
    """
    Draw `Evidence` values: one citation, or an evidence set.

    The evidence's id is the one `Evidence.make_id` derives; a citation of
    the claim itself is left out.

    Args:
        claim: A strategy for the claim it bears on, an id or a Claim.
        stance: A strategy for its `Stance`.
        items: A strategy for what it cites, a non-empty list of
            `Citation` values (several make an evidence set).
        by: A strategy for who added it, or None.
        at: A strategy for when, aware datetimes.

    Raises:
        InvalidArgument: If an option is not a strategy, or *items* draws
            nothing but citations of the claim itself.

    .. versionadded:: 0.1.0
    """
    target = draw(_strategy("claim", claim, _IDS))
    _drawn("claim", target, str, Claim)
    claim_id = target.id if isinstance(target, Claim) else target
    kind = draw(_strategy("stance", stance, st.sampled_from(Stance)))
    others = citations(claim=_IDS.filter(lambda c: c != claim_id))
    cited = [
        c
        for c in draw(
            _strategy("items", items, st.lists(others, min_size=1, max_size=3))
        )
        if c.claim != claim_id
    ]
    if not cited:
        raise InvalidArgument(
            f"items drew no citation other than of the claim {claim_id!r}"
        )
    return Evidence(
        Evidence.make_id(claim_id, kind, cited),
        claim_id,
        kind,
        tuple(cited),
        by=draw(_strategy("by", by, _ANALYSTS)),
        at=draw(_strategy("at", at, _INSTANTS)),
        note=draw(st.none() | _STATEMENTS),
    )


def rating_scales() -> SearchStrategy[RatingScale]:
    """
    Draw `RatingScale` values: the built-in scales, and numeric ones.

    .. versionadded:: 0.1.0
    """
    numeric = st.sampled_from([(1, 5), (0, 10), (5, 1), (0, 1)]).map(
        lambda bounds: RatingScale.numeric(*bounds)
    )
    return st.sampled_from(list(_scales.BUILT_IN.values())) | numeric


@st.composite
def verdicts(
    draw: DrawFn,
    *,
    claim: SearchStrategy[str | Claim] | None = None,
    scale: SearchStrategy[RatingScale] | None = None,
    by: SearchStrategy[str | None] | None = None,
    at: SearchStrategy[dt.datetime] | None = None,
) -> Verdict:
    """
    Draw `Verdict` values: a label of a scale, and where it falls.

    The label is one of the scale's own, its rating is the scale's mapping
    of it, and the id is the one `Verdict.make_id` derives.

    Args:
        claim: A strategy for the claim rated, an id or a Claim.
        scale: A strategy for the `RatingScale`; see `rating_scales`.
        by: A strategy for who rated it, or None.
        at: A strategy for when, aware datetimes.

    Raises:
        InvalidArgument: If an option is not a strategy.

    .. versionadded:: 0.1.0
    """
    target = draw(_strategy("claim", claim, _IDS))
    _drawn("claim", target, str, Claim)
    claim_id = target.id if isinstance(target, Claim) else target
    chosen = draw(_strategy("scale", scale, rating_scales()))
    _drawn("scale", chosen, RatingScale)
    label = draw(st.sampled_from(chosen.label_names))
    analyst = draw(_strategy("by", by, _ANALYSTS))
    when = draw(_strategy("at", at, _INSTANTS))
    rationale = draw(st.none() | _STATEMENTS)
    return Verdict(
        Verdict.make_id(
            claim_id, label, chosen.name, analyst, when, rationale=rationale
        ),
        claim_id,
        label,
        chosen.name,
        chosen.rate(label),
        by=analyst,
        at=when,
        rationale=rationale,
    )


@st.composite
def retractions(
    draw: DrawFn,
    *,
    claim: SearchStrategy[str] | None = None,
    by: SearchStrategy[str | None] | None = None,
    at: SearchStrategy[dt.datetime] | None = None,
) -> Retraction:
    """
    Draw `Retraction` values.

    Args:
        claim: A strategy for the id of the claim retracted.
        by: A strategy for who recorded it, or None.
        at: A strategy for when, aware datetimes.

    Raises:
        InvalidArgument: If an option is not a strategy.

    .. versionadded:: 0.1.0
    """
    return draw(
        st.builds(
            Retraction,
            _strategy("claim", claim, _IDS),
            by=_strategy("by", by, _ANALYSTS),
            at=_strategy("at", at, _INSTANTS),
            note=st.none() | _STATEMENTS,
        )
    )


# -- predicates and policies ------------------------------------------------


def tolerances() -> SearchStrategy[Tolerance]:
    """
    Draw `Tolerance` values: absolute, relative, both or exact.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        Tolerance,
        absolute=st.sampled_from([0, 1, 5, Decimal("0.5")]),
        relative=st.sampled_from([0, 0.1, Decimal("0.05")]),
    )


@st.composite
def predicates(
    draw: DrawFn, *, name: SearchStrategy[str] | None = None
) -> Predicate:
    """
    Draw valid `Predicate` declarations.

    A declaration may be single-valued, name an inverse or a negated form
    (different from the predicate and from each other), and carry a
    `Tolerance` for numbers.

    Args:
        name: A strategy for the predicate's name.

    Raises:
        InvalidArgument: If *name* is not a strategy.

    .. versionadded:: 0.1.0
    """
    predicate = draw(_strategy("name", name, _PREDICATES))
    _drawn("name", predicate, str)
    others = [
        name
        for name in ("employs", "employed_by", "rejects", "denies", "stays")
        if predicate_key(name) != predicate_key(predicate)
    ]
    inverse = draw(st.none() | st.sampled_from(others))
    negation = draw(
        st.none() | st.sampled_from([n for n in others if n != inverse])
    )
    return Predicate(
        predicate,
        single_valued=draw(st.booleans()),
        inverse=inverse,
        negation=negation,
        tolerance=draw(st.none() | tolerances()),
    )


def policies() -> SearchStrategy[Policy]:
    """
    Draw `Policy` values: how many lineages corroborate a claim.

    .. versionadded:: 0.1.0
    """
    return st.builds(Policy, min_sources=st.integers(1, 4))


# -- trackers ---------------------------------------------------------------

_MAYBE_TRACKER_DATES = st.none() | whens(
    min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31)
)
_QUANTITIES = quantities()
_TAG_LISTS = st.lists(_TAGS, max_size=3)
_RATING_SCALES = rating_scales()
_DECLARATIONS = predicates()
_MINUTES = st.integers(0, 60 * 24 * 365 * 5)
_CLAIM_CAP = 8  # how many claims a tracker has at most, unless told
# A value conflict is planted with this predicate, declared single-valued
# by the builder alone: no declaration drawn names it.
_PLANTED_PREDICATE = "value_of"
# The parts of a tracker, unless told: trackers() has options named so.
_SOURCE_LISTS = st.lists(sources(), max_size=3, unique_by=lambda s: s.id)
_ACTOR_LISTS = [  # by the fewest actors needed
    st.lists(actors(), min_size=n, max_size=4, unique_by=lambda a: a.id)
    for n in (0, 1)
]


def _pick(draw: DrawFn, items: Sequence[_T]) -> _T:
    """
    One of *items*, shrinking towards the first.

    Drawing an index reuses one cached strategy, where ``st.sampled_from``
    would build and check a new one for every list.
    """
    return items[draw(st.integers(0, len(items) - 1))]


class _Builder:
    """
    Builds one tracker from draws, each change by an analyst at a time.
    """

    def __init__(
        self,
        draw: DrawFn,
        tracker: Tracker,
        *,
        contradictions: bool | None,
        corroborations: bool | None,
    ) -> None:
        self.draw = draw
        self.tracker = tracker
        self.contradictions = contradictions
        self.corroborations = corroborations
        self.clock = dt.datetime(2025, 1, 1, tzinfo=dt.UTC) + dt.timedelta(
            minutes=draw(_MINUTES)
        )
        self.actor_ids: list[str] = []
        self.claim_ids: list[str] = []

    def stamp(self) -> dict[str, Any]:
        """
        Who makes the next change, and when: a minute after the last.
        """
        self.clock += dt.timedelta(minutes=1)
        return {"by": self.draw(_ANALYSTS), "at": self.clock}

    def maybe(self) -> bool:
        """
        Whether to do something optional; shrinks towards not doing it.
        """
        return self.draw(st.booleans())

    def add_sources(self, drawn: list[Source]) -> None:
        # A source derives only from sources before it, or from ones the
        # tracker does not hold: lineages have no cycles.
        later = {s.id for s in drawn}
        for source in drawn:
            later.discard(source.id)
            upstream = tuple(u for u in source.derived_from if u not in later)
            if upstream != source.derived_from:
                source = attrs.evolve(source, derived_from=upstream)  # noqa: PLW2901
            self.tracker.add_source(source, **self.stamp())

    def add_actors(self, drawn: list[Actor]) -> None:
        for actor in drawn:
            while actor.id in self.tracker:  # a source has this id
                actor = attrs.evolve(actor, id=f"{actor.id}-actor")  # noqa: PLW2901
            self.tracker.add_actor(actor, **self.stamp())
            self.actor_ids.append(actor.id)

    def entity(self, value: str) -> str:
        """
        *value*, or an actor's id if the tracker could not tell whose it is.
        """
        try:
            self.tracker.actor(value)
        except AmbiguousActorError:
            return _pick(self.draw, self.actor_ids)
        except UnknownActorError:
            pass
        return value

    def proposition(self) -> Proposition:
        draw = self.draw
        subject = (
            _pick(draw, self.actor_ids) if self.maybe() else draw(_THINGS)
        )
        obj: str | Quantity = draw(_THINGS)
        if self.maybe():
            obj = (
                _pick(draw, self.actor_ids)
                if self.maybe()
                else draw(_QUANTITIES)
            )
        denied = self.contradictions is not False and self.maybe()
        return Proposition(
            self.entity(subject),
            draw(_PREDICATES),
            self.entity(obj) if isinstance(obj, str) else obj,
            polarity=Polarity.DENIED if denied else Polarity.ASSERTED,
            valid=draw(_MAYBE_TRACKER_DATES),
        )

    def claim(self, proposition: Proposition | None = None) -> Claim:
        """
        Add a claim by one of the actors, quoting one of the sources or not.
        """
        draw = self.draw
        speaker = _pick(draw, self.actor_ids)
        held = self.tracker.sources()
        source = _pick(draw, held) if held and self.maybe() else None
        span = (
            _span_in(draw, source, source.text)
            if source is not None and source.text
            else None
        )
        others = [a for a in self.actor_ids if a != speaker]
        relays = (
            [
                others[n]
                for n in draw(
                    st.lists(
                        st.integers(0, len(others) - 1),
                        max_size=2,
                        unique=True,
                    )
                )
            ]
            if others
            else []
        )
        if proposition is None and self.maybe():
            proposition = self.proposition()
        text = draw(_STATEMENTS)
        said = draw(_MAYBE_TRACKER_DATES)
        where = source.id if source is not None else None
        drawn = Claim.make_id(
            text, speaker, said=said, source=where, span=span
        )
        claim_id, number = drawn, 1
        while claim_id in self.tracker:  # the same claim drawn again
            number += 1
            claim_id = f"{drawn}-{number}"
        claim = Claim(
            claim_id,
            text,
            speaker,
            said=said,
            span=span,
            source=where,
            reported_by=relays,
            proposition=proposition,
            tags=draw(_TAG_LISTS),
        )
        stored = self.tracker.add_claim(claim, **self.stamp())
        self.claim_ids.append(stored.id)
        return stored

    def citation(self, target: str, *, claims_allowed: bool) -> object:
        """
        Something to cite as evidence on *target*: any kind the tracker has.
        """
        draw = self.draw
        held = self.tracker.sources()
        others = [c for c in self.claim_ids if c != target]
        kinds = ["url"]
        if others and claims_allowed:
            kinds.append("claim")
        if held:
            kinds.append("source")
        kind = _pick(draw, kinds)
        if kind == "claim":
            return _pick(draw, others)
        if kind == "source":
            source = _pick(draw, held)
            if source.text and self.maybe():
                return _span_in(draw, source, source.text)
            return source.id
        urls = [s.url for s in held if s.url]
        return _pick(draw, urls) if urls and self.maybe() else draw(_URLS)

    def corroborate(self) -> None:
        draw = self.draw
        target = _pick(draw, self.claim_ids)
        stances = [
            s
            for s in Stance
            if s is not Stance.SUPPORTS or self.corroborations is not False
        ]
        stance = _pick(draw, stances)
        claims_allowed = (
            stance is not Stance.REFUTES or self.contradictions is not False
        )
        items = [
            self.citation(target, claims_allowed=claims_allowed)
            for _ in range(draw(st.integers(1, 2)))
        ]
        self.tracker.corroborate(
            target,
            evidence=items if len(items) > 1 else items[0],
            stance=stance,
            **self.stamp(),
        )

    def rate(self) -> None:
        draw = self.draw
        target = _pick(draw, self.claim_ids)
        scale = draw(_RATING_SCALES)
        label = _pick(draw, scale.label_names)
        self.tracker.rate(target, label, scale=scale, **self.stamp())

    def retract(self) -> None:
        target = _pick(self.draw, self.claim_ids)
        self.tracker.retract(target, **self.stamp())

    def link(self) -> None:
        ids = self.claim_ids
        first = self.draw(st.integers(0, len(ids) - 1))
        second = self.draw(st.integers(0, len(ids) - 2))
        second += second >= first  # any claim but the first
        self.tracker.contradict(ids[first], ids[second], **self.stamp())

    def declare(self) -> None:
        # One that clashes with an earlier declaration is left out.
        with contextlib.suppress(ConflictError):
            self.tracker.declare(self.draw(_DECLARATIONS), **self.stamp())

    def change(self) -> None:
        """
        Make one change other than adding a claim, if there is a claim.
        """
        changes = [self.corroborate, self.rate, self.retract]
        if self.contradictions is not False:
            changes.append(self.declare)
            if len(self.claim_ids) > 1:
                changes.append(self.link)
        _pick(self.draw, changes)()

    def plant_contradiction(self) -> None:
        """
        Add two claims that contradict each other, in one of four ways.
        """
        draw = self.draw
        how = _pick(draw, list(ContradictionKind))
        base = attrs.evolve(self.proposition(), polarity=Polarity.ASSERTED)
        other = None
        if how is ContradictionKind.NEGATION:
            other = base.negated()
        elif how is ContradictionKind.VALUE_CONFLICT:
            # A predicate declared single-valued, given two numbers.
            self.tracker.declare(
                Predicate(_PLANTED_PREDICATE, single_valued=True),
                **self.stamp(),
            )
            number = draw(_QUANTITIES)
            base = attrs.evolve(
                base, predicate=_PLANTED_PREDICATE, object=number
            )
            other = attrs.evolve(
                base, object=Quantity(int(number.value == 0), number.unit)
            )
        first = self.claim(base)
        second = self.claim(other)
        if how is ContradictionKind.EXPLICIT:
            self.tracker.contradict(first, second, **self.stamp())
        elif how is ContradictionKind.REFUTING_EVIDENCE:
            self.tracker.corroborate(
                first, evidence=second, stance=Stance.REFUTES, **self.stamp()
            )

    def plant_corroboration(self) -> None:
        """
        Support a claim with a URL on a site no source of the tracker has.
        """
        held = self.claim_ids
        target = _pick(self.draw, held) if held else self.claim().id
        sites = {
            urllib.parse.urlsplit(s.url).hostname
            for s in self.tracker.sources()
            if s.url
        }
        number = 0
        while f"corroboration-{number}.example" in sites:
            number += 1
        self.tracker.corroborate(
            target,
            evidence=f"https://corroboration-{number}.example/",
            stance=Stance.SUPPORTS,
            **self.stamp(),
        )


@st.composite
def trackers(
    draw: DrawFn,
    *,
    sources: SearchStrategy[Source] | None = None,
    actors: SearchStrategy[Actor] | None = None,
    min_claims: int = 0,
    max_claims: int | None = None,
    contradictions: bool | None = None,
    corroborations: bool | None = None,
    policy: SearchStrategy[Policy] | None = None,
) -> Tracker:
    """
    Draw trackers whose every part is consistent.

    A tracker holds a few sources and actors, and claims by those actors
    that quote those sources truly. Along the way analysts add evidence,
    rate claims, record retractions, declare predicates and link claims
    that cannot both hold, each change with its author and a time, so the
    history is a realistic one.

    Args:
        sources: A strategy for the tracker's sources; their ids are made
            unique and their lineages free of cycles.
        actors: A strategy for its actors; their ids are made unique.
        min_claims: The fewest claims the tracker holds.
        max_claims: The most claims it holds; a few by default.
        contradictions: True for a tracker with at least one contradiction
            (``tracker.contradictions()`` is not empty); False for one with
            none; None (the default) for either.
        corroborations: True for a tracker where at least one claim has
            independent support (``tracker.support(claim).supported``);
            False for one without supporting evidence; None for either.
        policy: A strategy for the tracker's `Policy`; the two-source rule
            by default.

    Raises:
        InvalidArgument: If an option has the wrong type, ``max_claims`` is
            below ``min_claims``, or too low for the contradictions or
            corroborations asked for.

    .. versionadded:: 0.1.0
    """
    low = _check_size("min_claims", min_claims)
    _check_flag("contradictions", contradictions)
    _check_flag("corroborations", corroborations)
    reserve = 2 if contradictions else 0  # the claims that contradict
    if max_claims is None:
        high = max(low, reserve) + _CLAIM_CAP
    else:
        high = _check_size("max_claims", max_claims, minimum=low)
    if high < reserve:
        raise InvalidArgument(
            f"max_claims={high} leaves no room for two claims that "
            "contradict each other"
        )
    if corroborations and high < 1:
        raise InvalidArgument(
            "max_claims=0 leaves no room for a claim to corroborate"
        )
    chosen = draw(_strategy("policy", policy, st.just(Policy())))
    _drawn("policy", chosen, Policy)
    builder = _Builder(
        draw,
        Tracker(policy=chosen),
        contradictions=contradictions,
        corroborations=corroborations,
    )
    count = draw(st.integers(max(low - reserve, 0), high - reserve))
    builder.add_sources(
        draw(
            _SOURCE_LISTS
            if sources is None
            else st.lists(
                _strategy("sources", sources, st.nothing()),
                max_size=3,
                unique_by=lambda s: s.id,
            )
        )
    )
    needed = int(bool(count or reserve or corroborations))
    builder.add_actors(
        draw(
            _ACTOR_LISTS[needed]
            if actors is None
            else st.lists(
                _strategy("actors", actors, st.nothing()),
                min_size=needed,
                max_size=4,
                unique_by=lambda a: a.id,
            )
        )
    )
    for _ in range(count):
        builder.claim()
        for _ in range(draw(st.integers(0, 2))):
            builder.change()
    if contradictions:
        builder.plant_contradiction()
    if corroborations:
        builder.plant_corroboration()
    return builder.tracker


# -- what only a tracker makes, for st.from_type ------------------------------


def _events() -> SearchStrategy[Event]:
    """
    Events of drawn trackers.
    """
    return trackers(min_claims=1).flatmap(
        lambda t: st.sampled_from(t.events())
    )


def _contradictions() -> SearchStrategy[Contradiction]:
    """
    Contradictions found in drawn trackers.
    """
    return trackers(contradictions=True).flatmap(
        lambda t: st.sampled_from(t.contradictions())
    )


@st.composite
def _revised(draw: DrawFn) -> tuple[Tracker, Revision]:
    """
    A tracker with a claim quoting a source, and a revision of its text.

    The revision inserts, deletes or replaces a piece of the text, so its
    spans move, stay, are found approximately, or are lost.
    """
    source = draw(sources(text=_TEXTS, url=st.none()))
    span = draw(spans(source=st.just(source)))
    text = source.text or ""
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    revised = text[:start] + draw(st.text(_ALPHABET, max_size=20)) + text[end:]
    tracker = Tracker()
    tracker.add_actor(Actor("speaker", "Speaker"), at=_T0)
    tracker.add_source(source, at=_T0)
    tracker.add_claim("a claim", speaker="speaker", span=span, at=_T0)
    return tracker, tracker.revise(source, revised, at=_T0)


def _revisions() -> SearchStrategy[Revision]:
    """
    Revisions of drawn sources, as a tracker makes them.
    """
    return _revised().map(lambda pair: pair[1])


def _reanchored() -> SearchStrategy[Reanchored]:
    """
    How the spans of drawn revisions were found again, or lost.
    """
    return _revisions().flatmap(lambda r: st.sampled_from(r.spans))


def _anchorings() -> SearchStrategy[Anchoring]:
    """
    Spans of drawn sources re-anchored in drawn revisions of their text.
    """
    return _reanchored().map(lambda r: r.anchoring)


def _supports() -> SearchStrategy[Support]:
    """
    How the claims of drawn trackers are supported.
    """
    return trackers(min_claims=1).flatmap(
        lambda t: st.sampled_from(list(t)).map(t.support)
    )


def _lineages() -> SearchStrategy[Lineage]:
    """
    The lineages of support of drawn trackers' claims.
    """
    return _supports().flatmap(lambda s: st.sampled_from(s.lineages))


def _set_asides() -> SearchStrategy[SetAside]:
    """
    Evidence set aside, with reasons as a tracker gives them.
    """
    return st.builds(
        SetAside,
        st.from_regex(r"evidence-[0-9a-f]{16}", fullmatch=True),
        st.sampled_from(
            [
                (
                    "Marco Rubio is the claim's own speaker: repeating a "
                    "claim does not corroborate it"
                ),
                "it goes back to 'ap', as the claim's source does",
                "it has the claim's publisher (india tv)",
                "it is from the claim's own site (apnews.com)",
            ]
        ),
    )
