"""
The Tracker: the collection of sources, actors and claims a user works with.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import attrs

from claimtrack._dates import Precision, When
from claimtrack._models import Actor, Claim, Proposition, Source, Span
from claimtrack._text import fold, name_key
from claimtrack._validators import instance_of
from claimtrack.exceptions import (
    AmbiguousActorError,
    ClaimtrackError,
    DuplicateIdError,
    InvalidFieldsError,
    InvalidTypeError,
    InvalidValueError,
    MissingReferenceError,
    NotFoundError,
    UnknownActorError,
    UnknownClaimError,
    UnknownSourceError,
)


__all__ = ["Tracker"]

_T = TypeVar("_T")
_Index = dict[str, dict[str, None]]

DateLike = When | dt.date | str
"""What a date argument may be: a `When`, a ``date``, an aware ``datetime``
or words to read ("2025-02-04", "Monday", "February 2025")."""


class _Errors:
    """
    Collect the errors of several arguments, to report them together.
    """

    def __init__(self, what: str) -> None:
        self.what = what
        self.errors: list[ClaimtrackError] = []

    def attempt(self, fn: Callable[..., _T], *args: Any, **kw: Any) -> _T:
        """
        Call *fn*; remember a ClaimtrackError and return None instead.
        """
        try:
            return fn(*args, **kw)
        except ClaimtrackError as exc:
            self.errors.append(exc)
            return None  # type: ignore[return-value]

    def raise_any(self) -> None:
        """
        Raise what was collected: one error as itself, several as a group.
        """
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise InvalidFieldsError(self.what, self.errors)


def _add_to(index: _Index, key: str, claim_id: str) -> None:
    index.setdefault(key, {})[claim_id] = None


class Tracker:
    """
    The collection a user works with: sources, actors and claims.

    A tracker keeps its contents consistent: every claim's speaker and
    source are in it, every span is true to its source's text, and every id
    is unique across sources, actors and claims. A call that fails raises a
    `ClaimtrackError` and leaves the tracker exactly as it was.

    ``len(tracker)`` is the number of claims, and iterating a tracker gives
    its claims in the order they were added.

    .. versionadded:: 0.1.0
    """

    def __init__(self) -> None:
        self._sources: dict[str, Source] = {}
        self._actors: dict[str, Actor] = {}
        self._claims: dict[str, Claim] = {}
        self._names: _Index = {}  # name_key -> actor ids
        self._by_speaker: _Index = {}
        self._by_subject: _Index = {}
        self._by_source: _Index = {}
        self._by_tag: _Index = {}

    def __repr__(self) -> str:
        return (
            f"<Tracker: {len(self._sources)} sources, "
            f"{len(self._actors)} actors, {len(self._claims)} claims>"
        )

    def __len__(self) -> int:
        return len(self._claims)

    def __iter__(self) -> Iterator[Claim]:
        return iter(list(self._claims.values()))

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Source | Actor | Claim):
            return self._lookup(item.id) == item
        return isinstance(item, str) and self._lookup(item) is not None

    def __getitem__(self, id: str) -> Source | Actor | Claim:  # noqa: A002
        return self.get(id)

    # -- adding ------------------------------------------------------------

    def add_source(self, source: Source) -> Source:
        """
        Add *source*; adding an equal source again returns the stored one.

        Raises:
            InvalidTypeError: If *source* is not a `Source`.
            DuplicateIdError: If its id is taken by something different.

        .. versionadded:: 0.1.0
        """
        instance_of(Source)(self, "source", source)
        if self._is_new(source):
            self._sources[source.id] = source
        return self._sources[source.id]

    def add_actor(self, actor: Actor) -> Actor:
        """
        Add *actor*; adding an equal actor again returns the stored one.

        Two actors may share an alias; using that alias is then an
        `AmbiguousActorError`, and their ids still tell them apart.

        Raises:
            InvalidTypeError: If *actor* is not an `Actor`.
            DuplicateIdError: If its id is taken by something different.

        .. versionadded:: 0.1.0
        """
        instance_of(Actor)(self, "actor", actor)
        if self._is_new(actor):
            self._store_actor(actor)
        return self._actors[actor.id]

    def add_claim(  # noqa: C901, PLR0912
        self,
        text: str | Claim,
        *,
        speaker: str | Actor | None = None,
        said: DateLike | None = None,
        source: str | Source | None = None,
        span: Span | None = None,
        quote: str | None = None,
        occurrence: int | None = None,
        proposition: Proposition | None = None,
        reported_by: Iterable[str | Actor] = (),
        tags: Iterable[str] = (),
        id: str | None = None,  # noqa: A002
        dayfirst: bool | None = None,
    ) -> Claim:
        """
        Add a claim, resolving names and dates; return the stored claim.

        Adding the same claim twice returns the one already stored: a claim
        without an explicit *id* gets one derived from its speaker, text,
        time, source and span (`Claim.make_id`).

        Args:
            text: A short neutral statement of the claim, or a whole `Claim`
                (then no other argument may be given).
            speaker: Who made it: an actor's id, name or alias, or an
                `Actor` (added along with the claim if new).
            said: When it was said: a `When`, a date, or words. Relative
                words ("Monday", "last week") are read against the source's
                publication date, and the words are kept.
            source: The source it was found in: an id or a `Source` (added
                along with the claim if new). Taken from *span* if omitted.
            span: Where it is quoted; checked against the source's text.
            quote: Text to find in the source instead of giving a *span*.
            occurrence: Which occurrence of *quote* to take, as in
                `Source.span_of`.
            proposition: Its structured content. A subject or object that
                names a known actor is replaced by the actor's id.
            reported_by: Who relayed it, nearest the speaker first.
            tags: Free labels.
            id: An explicit id, instead of the derived one.
            dayfirst: How to read a numeric *said* like "03/04/2025".

        Raises:
            UnknownActorError: If the speaker or a relay is unknown.
            AmbiguousActorError: If a name belongs to several actors.
            UnknownSourceError: If the source is unknown.
            SpanMismatchError: If the span is not true to the source.
            InvalidDateError: If *said* cannot be read.
            DuplicateIdError: If the id is taken by something different.
            InvalidFieldsError: If several arguments are wrong at once; it
                holds each error.

        .. versionadded:: 0.1.0
        """
        if isinstance(text, Claim):
            given = {
                "speaker": speaker,
                "said": said,
                "source": source,
                "span": span,
                "quote": quote,
                "occurrence": occurrence,
                "proposition": proposition,
                "id": id,
                "dayfirst": dayfirst,
                "reported_by": tuple(reported_by) or None,
                "tags": tuple(tags) or None,
            }
            for field, value in given.items():
                if value is not None:
                    raise InvalidValueError(
                        field, value, "cannot be given along with a Claim"
                    )
            return self._admit(text, [], [])

        errors = _Errors("add_claim")
        new_actors: list[Actor] = []
        new_sources: list[Source] = []

        if speaker is None:
            errors.errors.append(
                InvalidValueError("speaker", None, "is required")
            )
            speaker_id = None
        else:
            speaker_id = errors.attempt(
                self._actor_ref, speaker, "speaker", new_actors
            )

        src = None
        if source is None and span is not None and span.source is not None:
            source = span.source
        if source is not None:
            src = errors.attempt(self._source_ref, source, new_sources)

        if span is not None and quote is not None:
            errors.errors.append(
                InvalidValueError(
                    "quote", quote, "give a span or a quote, not both"
                )
            )
        elif quote is not None:
            if src is None and source is None:
                errors.errors.append(
                    InvalidValueError(
                        "quote", quote, "a quote needs a source to be found in"
                    )
                )
            elif src is not None:
                span = errors.attempt(
                    src.span_of, quote, occurrence=occurrence
                )
        elif occurrence is not None:
            errors.errors.append(
                InvalidValueError(
                    "occurrence", occurrence, "is only used with quote"
                )
            )

        when = None
        if said is not None:
            when = errors.attempt(
                self._read_said, said, src, dayfirst=dayfirst
            )

        relays = []
        if isinstance(reported_by, str | Actor):
            reported_by = (reported_by,)
        if not isinstance(reported_by, Iterable):
            errors.errors.append(
                InvalidTypeError(
                    "reported_by",
                    reported_by,
                    "must be a sequence of actor ids, names or Actors",
                )
            )
            reported_by = ()
        for index, relay in enumerate(reported_by):
            relays.append(
                errors.attempt(
                    self._actor_ref,
                    relay,
                    f"reported_by[{index}]",
                    new_actors,
                )
            )
        errors.raise_any()

        claim = errors.attempt(
            self._build_claim,
            id=id,
            text=text,
            speaker=speaker_id,
            said=when,
            source=src.id if src is not None else None,
            span=span,
            reported_by=tuple(relays),
            proposition=proposition,
            tags=tags,
        )
        errors.raise_any()
        return self._admit(claim, new_actors, new_sources)

    # -- reading -----------------------------------------------------------

    def get(self, id: str) -> Source | Actor | Claim:  # noqa: A002
        """
        Return the source, actor or claim with this id.

        Raises:
            NotFoundError: If nothing has this id.

        .. versionadded:: 0.1.0
        """
        instance_of(str)(self, "id", id)
        found = self._lookup(id)
        if found is None:
            raise NotFoundError("id", id, "nothing in the tracker has this id")
        return found

    def source(self, id: str) -> Source:  # noqa: A002
        """
        Return the source with this id.

        Raises:
            UnknownSourceError: If there is none.

        .. versionadded:: 0.1.0
        """
        instance_of(str)(self, "source", id)
        try:
            return self._sources[id]
        except KeyError:
            raise UnknownSourceError(
                "source", id, "no source has this id"
            ) from None

    def actor(self, name: str | Actor) -> Actor:
        """
        Return the actor with this id, name, alias or role.

        Names match whatever their case, accents and punctuation: "bukele",
        "Bukelé" and "BUKELE" all find Nayib Bukele.

        Raises:
            UnknownActorError: If no actor has this name.
            AmbiguousActorError: If several do.

        .. versionadded:: 0.1.0
        """
        return self._actors[self._actor_ref(name, "actor", None)]

    def claim(self, id: str) -> Claim:  # noqa: A002
        """
        Return the claim with this id.

        Raises:
            UnknownClaimError: If there is none.

        .. versionadded:: 0.1.0
        """
        instance_of(str)(self, "claim", id)
        try:
            return self._claims[id]
        except KeyError:
            raise UnknownClaimError(
                "claim", id, "no claim has this id"
            ) from None

    def sources(self) -> list[Source]:
        """
        Return every source, in the order they were added.

        .. versionadded:: 0.1.0
        """
        return list(self._sources.values())

    def actors(self) -> list[Actor]:
        """
        Return every actor, in the order they were added.

        .. versionadded:: 0.1.0
        """
        return list(self._actors.values())

    def claims(
        self,
        *,
        speaker: str | Actor | None = None,
        subject: str | Actor | None = None,
        source: str | Source | None = None,
        said_between: tuple[DateLike | None, DateLike | None] | None = None,
        text_contains: str | None = None,
        tag: str | None = None,
    ) -> list[Claim]:
        """
        Return the claims that match every filter given, in added order.

        Args:
            speaker: Claims by this actor (id, name, alias or `Actor`).
            subject: Claims whose proposition is about this actor or thing.
            source: Claims found in this source (id or `Source`).
            said_between: ``(start, end)``: claims said wholly within the
                window from the first day of *start* to the last day of
                *end*; ``None`` leaves that end open. A claim said in
                "February 2025" is within ``("2025-02-01", "2025-02-28")``
                but not within ``("2025-02-01", "2025-02-10")``; a claim
                with no date is never within a window.
            text_contains: Claims whose text or quote contains this, case,
                accents, quote style and whitespace aside.
            tag: Claims with this tag (case aside).

        Raises:
            UnknownActorError: If *speaker* names no actor.
            UnknownSourceError: If *source* names no source.
            InvalidDateError: If a window end cannot be read.

        .. versionadded:: 0.1.0
        """
        errors = _Errors("claims")
        candidates = self._candidates(errors, speaker, subject, source, tag)
        window = None
        if said_between is not None:
            window = errors.attempt(self._window, said_between)
        if text_contains is not None:
            errors.attempt(
                instance_of(str), self, "text_contains", text_contains
            )
        errors.raise_any()

        ids: Iterable[str]
        if candidates:
            smallest, *others = sorted(candidates, key=len)
            # Each index lists claim ids in the order they were added.
            ids = [i for i in smallest if all(i in o for o in others)]
        else:
            ids = self._claims
        found = []
        for claim_id in ids:
            claim = self._claims[claim_id]
            if window is not None and not _said_within(claim, window):
                continue
            if text_contains is not None and not claim.matches_text(
                text_contains
            ):
                continue
            found.append(claim)
        return found

    # -- internals ---------------------------------------------------------

    def _candidates(
        self,
        errors: _Errors,
        speaker: str | Actor | None,
        subject: str | Actor | None,
        source: str | Source | None,
        tag: str | None,
    ) -> list[dict[str, None]]:
        """
        The index entries for the indexed filters that were given.
        """
        found = []
        if speaker is not None:
            sid = errors.attempt(self._actor_ref, speaker, "speaker", None)
            found.append(self._by_speaker.get(sid, {}))
        if subject is not None:
            key = errors.attempt(self._subject_key, subject, "subject")
            found.append(self._by_subject.get(key, {}))
        if source is not None:
            src = errors.attempt(self._source_ref, source, None)
            found.append(self._by_source.get(getattr(src, "id", ""), {}))
        if tag is not None:
            errors.attempt(instance_of(str), self, "tag", tag)
            found.append(self._by_tag.get(fold(str(tag)), {}))
        return found

    def _lookup(self, id: str) -> Source | Actor | Claim | None:  # noqa: A002
        return (
            self._claims.get(id)
            or self._sources.get(id)
            or self._actors.get(id)
        )

    def _is_new(self, item: Source | Actor | Claim) -> bool:
        """
        Tell whether *item* is new; raise if its id is taken by another.
        """
        existing = self._lookup(item.id)
        if existing is None:
            return True
        if existing == item:
            return False
        kind = type(existing).__name__.lower()
        if type(existing) is type(item):
            diff = [
                f.name
                for f in attrs.fields(type(item))
                if getattr(existing, f.name) != getattr(item, f.name)
            ]
            reason = (
                f"a different {kind} has this id "
                f"(it differs in {', '.join(diff)})"
            )
        else:
            reason = f"a {kind} has this id"
        raise DuplicateIdError("id", item.id, reason)

    def _store_actor(self, actor: Actor) -> None:
        self._actors[actor.id] = actor
        for name in actor.names:
            self._names.setdefault(name_key(name), {})[actor.id] = None

    def _actor_ref(
        self,
        ref: str | Actor,
        field: str,
        new_actors: list[Actor] | None,
    ) -> str:
        """
        Resolve *ref* to an actor id; an `Actor` not yet stored is queued.
        """
        if isinstance(ref, Actor):
            if new_actors is not None and self._is_new(ref):
                pending = next((a for a in new_actors if a.id == ref.id), None)
                if pending is not None and pending != ref:
                    raise DuplicateIdError(
                        field, ref.id, "two different actors have this id"
                    )
                new_actors.append(ref)
                return ref.id
            if ref.id not in self._actors or self._actors[ref.id] != ref:
                raise UnknownActorError(
                    field, ref.id, "this actor is not in the tracker"
                )
            return ref.id
        instance_of(str, Actor)(self, field, ref)
        if ref in self._actors:
            return ref
        ids = list(self._names.get(name_key(ref), ()))
        if not ids and new_actors:
            ids = [
                a.id
                for a in new_actors
                if name_key(ref) in {name_key(n) for n in a.names}
            ]
        if not ids:
            raise UnknownActorError(
                field, ref, "no actor has this id, name, alias or role"
            )
        if len(ids) > 1:
            raise AmbiguousActorError(
                field,
                ref,
                f"is a name of {len(ids)} actors ({', '.join(ids)}); "
                "use an id",
                [self._actors[i] for i in ids],
            )
        return ids[0]

    def _source_ref(
        self, ref: str | Source, new_sources: list[Source] | None
    ) -> Source:
        if isinstance(ref, Source):
            if new_sources is not None and self._is_new(ref):
                new_sources.append(ref)
                return ref
            if self._sources.get(ref.id) != ref:
                raise UnknownSourceError(
                    "source", ref.id, "this source is not in the tracker"
                )
            return ref
        return self.source(ref)

    def _subject_key(self, subject: str | Actor, field: str) -> str:
        """
        The canonical form of a subject or object: an actor id, else text.
        """
        if isinstance(subject, Actor):
            return self._actor_ref(subject, field, None)
        instance_of(str)(self, field, subject)
        try:
            return self._actor_ref(subject, field, None)
        except UnknownActorError:
            return fold(subject)

    def _read_said(
        self, said: DateLike, src: Source | None, *, dayfirst: bool | None
    ) -> When:
        published = src.published if src is not None else None
        reference = (
            published.earliest
            if published is not None and published.precision is Precision.DAY
            else None
        )
        try:
            return When.coerce(
                said, reference=reference, dayfirst=dayfirst, field="said"
            )
        except MissingReferenceError as exc:
            if src is None:
                why = "the claim has no source to read it against"
            elif published is None:
                why = f"source {src.id!r} has no publication date"
            else:
                why = (
                    f"source {src.id!r} was published {published}, "
                    "not on a known day"
                )
            raise MissingReferenceError(
                "said", said, f"is a relative date and {why}"
            ) from exc

    def _build_claim(
        self,
        *,
        id: str | None,  # noqa: A002
        text: str,
        speaker: str,
        said: When | None,
        source: str | None,
        span: Span | None,
        reported_by: tuple[str, ...],
        proposition: Proposition | None,
        tags: Iterable[str],
    ) -> Claim:
        if id is None:
            usable = isinstance(text, str) and text.strip()
            # Without a usable text, Claim reports the text, not the id.
            id = (  # noqa: A001
                Claim.make_id(
                    text, speaker, said=said, source=source, span=span
                )
                if usable
                else "claim-unnamed"
            )
        return Claim(
            id,
            text,
            speaker,
            said=said,
            span=span,
            source=source,
            reported_by=reported_by,
            proposition=proposition,
            tags=tags,
        )

    def _admit(
        self,
        claim: Claim,
        new_actors: list[Actor],
        new_sources: list[Source],
    ) -> Claim:
        """
        Check *claim* against the tracker, then store it and what it needs.

        Nothing is stored until every check has passed.
        """
        instance_of(Claim)(self, "claim", claim)
        errors = _Errors("add_claim")
        claim = self._resolve_refs(claim, new_actors, new_sources, errors)
        errors.raise_any()
        stored = self._claims.get(claim.id)
        if stored is not None and stored == _said_as(claim, stored):
            return stored  # the same claim, its date perhaps in other words
        self._is_new(claim)  # raises if the id is taken by something else
        taken = {a.id for a in new_actors} | {s.id for s in new_sources}
        if claim.id in taken:
            raise DuplicateIdError(
                "id", claim.id, "the claim and its speaker or source share it"
            )
        # Every check has passed: from here on nothing can fail.
        for actor in new_actors:
            self._store_actor(actor)
        for source in new_sources:
            self._sources[source.id] = source
        self._store_claim(claim)
        return claim

    def _resolve_refs(
        self,
        claim: Claim,
        new_actors: list[Actor],
        new_sources: list[Source],
        errors: _Errors,
    ) -> Claim:
        """
        Check the claim's actors and source exist; anchor its span fully.
        """
        pending_actors = {a.id for a in new_actors}
        relays = [
            (f"reported_by[{n}]", relay)
            for n, relay in enumerate(claim.reported_by)
        ]
        for field, actor_id in [("speaker", claim.speaker), *relays]:
            if actor_id not in self._actors and actor_id not in pending_actors:
                errors.errors.append(
                    UnknownActorError(field, actor_id, "no actor has this id")
                )
        if claim.source is not None:
            src = next(
                (s for s in new_sources if s.id == claim.source), None
            ) or errors.attempt(self.source, claim.source)
            if src is not None and claim.span is not None:
                full = errors.attempt(src.check_span, claim.span)
                if full is not None:
                    claim = attrs.evolve(claim, span=full)
        if claim.proposition is not None:
            claim = attrs.evolve(
                claim,
                proposition=errors.attempt(self._canonical, claim.proposition),
            )
        return claim

    def _canonical(self, proposition: Proposition) -> Proposition:
        subject = self._canonical_name(proposition.subject, "subject")
        obj = proposition.object
        if isinstance(obj, str):
            obj = self._canonical_name(obj, "object")
        return attrs.evolve(proposition, subject=subject, object=obj)

    def _canonical_name(self, value: str, field: str) -> str:
        try:
            return self._actor_ref(value, f"proposition.{field}", None)
        except UnknownActorError:
            return value

    def _store_claim(self, claim: Claim) -> None:
        self._claims[claim.id] = claim
        _add_to(self._by_speaker, claim.speaker, claim.id)
        if claim.source is not None:
            _add_to(self._by_source, claim.source, claim.id)
        if claim.proposition is not None:
            subject = claim.proposition.subject
            key = subject if subject in self._actors else fold(subject)
            _add_to(self._by_subject, key, claim.id)
        for tag in claim.tags:
            _add_to(self._by_tag, fold(tag), claim.id)

    def _window(
        self, window: tuple[DateLike | None, DateLike | None]
    ) -> tuple[dt.date, dt.date]:
        if not isinstance(window, tuple | list) or len(window) != 2:  # noqa: PLR2004
            raise InvalidTypeError(
                "said_between", window, "must be a (start, end) pair"
            )
        start, end = window
        low = (
            When.coerce(start, field="said_between").earliest
            if start is not None
            else dt.date.min
        )
        high = (
            When.coerce(end, field="said_between").latest
            if end is not None
            else dt.date.max
        )
        if high < low:
            raise InvalidValueError(
                "said_between", window, "its end is before its start"
            )
        return low, high


def _said_as(claim: Claim, stored: Claim) -> Claim:
    """
    Give *claim* the words of *stored*'s date, if both name the same time.
    """
    if (
        claim.said is not None
        and stored.said is not None
        and claim.said.isoformat() == stored.said.isoformat()
    ):
        return attrs.evolve(claim, said=stored.said)
    return claim


def _said_within(claim: Claim, window: tuple[dt.date, dt.date]) -> bool:
    return (
        claim.said is not None
        and window[0] <= claim.said.earliest
        and claim.said.latest <= window[1]
    )
