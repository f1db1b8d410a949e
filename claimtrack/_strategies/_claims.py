"""
Strategies for sources, spans, actors, quantities, propositions and claims.

Spans are true to their source's text, claims quote their source, actors'
names now and then collide, and propositions come from a small vocabulary
so that they often meet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

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
from claimtrack._strategies._common import (
    _IDS,
    _LANGUAGES,
    _NAMES,
    _NUMBERS,
    _PREDICATES,
    _PUBLISHERS,
    _ROLES,
    _STATEMENTS,
    _TAGS,
    _TEXTS,
    _THINGS,
    _UNITS,
    _URLS,
    _actor_id,
    _drawn,
    _strategy,
)
from claimtrack._strategies._whens import whens


if TYPE_CHECKING:
    from collections.abc import Sequence
    from decimal import Decimal

    from hypothesis.strategies import DrawFn, SearchStrategy

    from claimtrack._dates import When


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
