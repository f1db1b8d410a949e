"""
Statements from text: who said what in a source, as candidate claims.

`find_statements` reads a source's text with careful rules (quotation
marks of every kind, reporting verbs and phrases, speakers named, titled,
or referred to by pronoun) and returns `Statement` candidates with spans
exact to the text. `Tracker.add_statements` turns the ones an analyst
accepts into claims; the others change nothing.

>>> import claimtrack as ct
>>> source = ct.Source("s", text='"We are ready," Ana Ruiz said on Monday.')
>>> (found,) = ct.find_statements(source)
>>> found.speaker.name, found.kind.value, found.said
('Ana Ruiz', 'direct', 'on Monday')

The rules, their limits and how well they do on annotated news articles
are in ``docs/finding-statements.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimtrack._models import Actor, ActorKind, Source, Span
from claimtrack._statement import Statement, StatementKind
from claimtrack._statements import Found, Known, find
from claimtrack._text import actor_id, name_key
from claimtrack._validators import instance_of
from claimtrack.exceptions import InvalidTypeError, MissingTextError


if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from claimtrack._tracker import Tracker


__all__ = ["Statement", "StatementKind", "find_statements"]


def find_statements(
    source: Source | str, tracker: Tracker | None = None
) -> list[Statement]:
    """
    Find who said what in *source*'s text: candidates, in text order.

    Speakers are matched to *tracker*'s actors through their names,
    aliases and roles ("Rubio", "the US Secretary of State"); a pronoun or
    a surname refers back to the person it names earlier in the text. A
    speaker the tracker does not have is proposed as a new actor, with the
    role its apposition gives ("Ana Ruiz, the mayor,"). Groups
    ("officials") and unattributed statements ("sources said") get an
    unnamed group of this source as speaker: no name is ever invented.

    Finding is deterministic and changes nothing in *tracker*.

    Args:
        source: A `Source` with text, or the id of one of *tracker*'s.
        tracker: The tracker whose actors speakers are matched to.

    Raises:
        MissingTextError: If the source has no text.
        UnknownSourceError: If *source* is an id *tracker* does not have.
        InvalidTypeError: If an argument is of the wrong type.

    .. versionadded:: 0.2.0
    """
    if isinstance(source, str) and tracker is not None:
        source = tracker.source(source)
    if not isinstance(source, Source):
        raise InvalidTypeError(
            "source",
            source,
            "must be a Source, or a source id given with its tracker",
        )
    if tracker is not None:
        _check_tracker(tracker)
    if source.text is None:
        raise MissingTextError(
            "text", None, f"source {source.id!r} has no text to read"
        )
    actors = {} if tracker is None else {a.id: a for a in tracker.actors()}
    known = [_known(actor) for actor in actors.values()]
    names = _names(actors.values())
    return [
        _statement(source, found, actors, names)
        for found in find(source.text, known)
    ]


def _check_tracker(tracker: object) -> None:
    from claimtrack._tracker import Tracker  # noqa: PLC0415 -- its own layer

    instance_of(Tracker)(None, "tracker", tracker)


def _known(actor: Actor) -> Known:
    return Known(
        actor.id,
        tuple(name for name in (actor.name, *actor.aliases) if name),
        role=actor.role,
        kind=actor.kind.value,
    )


def _names(actors: Iterable[Actor]) -> dict[str, list[str]]:
    """
    The ids of the actors each name key names: name, aliases and role.
    """
    names: dict[str, list[str]] = {}
    for actor in actors:
        for name in dict.fromkeys(name_key(n) for n in actor.names):
            names.setdefault(name, []).append(actor.id)
    return names


def _statement(
    source: Source,
    found: Found,
    actors: Mapping[str, Actor],
    names: Mapping[str, list[str]],
) -> Statement:
    speaker, known = _speaker(source, found, actors, names)
    return Statement(
        source.id,
        source.span_at(found.start, found.end),
        StatementKind(found.kind),
        speaker,
        known=known,
        speaker_span=_span(source, found.speaker_start, found.speaker_end),
        cue=found.cue,
        cue_span=_span(source, found.cue_start, found.cue_end),
        said=found.when or None,
        confidence=found.confidence,
    )


def _span(source: Source, start: int | None, end: int | None) -> Span | None:
    if start is None or end is None or start >= end:
        return None
    return source.span_at(start, end)


_PRONOUNS = frozenset(
    {"he", "she", "they", "him", "her", "them", "it", "we", "i", "you"}
)
_ARTICLES = ("the ", "a ", "an ")


def _speaker(
    source: Source,
    found: Found,
    actors: Mapping[str, Actor],
    names: Mapping[str, list[str]],
) -> tuple[Actor, bool]:
    """
    The speaker of *found*: one of *actors*, or one proposed from the text.

    The finder's match is taken first; else words that are exactly one
    actor's name, alias or role ("officials", an alias of a group).
    """
    if found.known is not None and found.known in actors:
        return actors[found.known], True
    words = " ".join(found.speaker.split())
    named = names.get(name_key(words), []) if words else []
    if len(named) == 1:
        return actors[named[0]], True
    name = _name(words) if found.speaker_kind != "anonymous" else None
    if name is None or found.speaker_kind == "group":
        role = _lowered(words) or "anonymous source"
        key = actor_id(role)
        return Actor(
            f"{key or 'speaker'}@{source.id}",
            kind=ActorKind.GROUP,
            role=role,
        ), False
    key = actor_id(name)
    if key in actors:
        return actors[key], True
    kind = (
        ActorKind.ORGANIZATION
        if found.speaker_kind == "organization"
        else ActorKind.PERSON
    )
    return Actor(key, name, role=found.role or None, kind=kind), False


def _lowered(words: str) -> str:
    """
    Common words capitalised only to begin a sentence, in lower case.

    "Officials" is "officials"; "White House officials" stays.
    """
    if words[1:] == words[1:].lower():
        return words[:1].lower() + words[1:]
    return words


def _name(words: str) -> str | None:
    """
    *words* as a name, or None if they name no one ("he", "the ministry").
    """
    lowered = words.lower()
    for article in _ARTICLES:
        if lowered.startswith(article):
            words, lowered = words[len(article) :], lowered[len(article) :]
            break
    if not words or lowered in _PRONOUNS:
        return None
    if not any(word[:1].isupper() for word in words.split()):
        return None
    return words
