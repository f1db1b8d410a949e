"""
What users pass, resolved against a tracker's state into checked values.

The Tracker's methods take ids, names, aliases, roles, `Actor` and
`Source` objects, dates in words ("Monday", read against a source's
publication date), quotes to find, and evidence of several kinds. This
module turns each into what an event holds — an actor id, a checked span,
a `When`, a `Citation` — or raises a `ClaimtrackError` naming the field.
It changes nothing: new actors and sources met along the way wait in a
`Batch` until the whole call has passed its checks.
"""

from __future__ import annotations

import collections
import datetime as dt
import itertools
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from claimtrack._contradictions import ContradictionKind
from claimtrack._dates import Precision, When
from claimtrack._evidence import Citation, Stance, instant
from claimtrack._models import Actor, Claim, Proposition, Source, Span
from claimtrack._text import closest, name_key, titled_names
from claimtrack._validators import instance_of, non_empty_str
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
    UnknownSourceError,
)


if TYPE_CHECKING:
    from claimtrack._engine import State


__all__ = ["Batch", "DateLike", "Errors"]

_T = TypeVar("_T")

DateLike = When | dt.date | str
"""What a date argument may be: a `When`, a ``date``, an aware ``datetime``
or words to read ("2025-02-04", "Monday", "February 2025")."""

ADD_CLAIM_KEYS = frozenset(
    {
        "text",
        "speaker",
        "said",
        "source",
        "span",
        "quote",
        "occurrence",
        "proposition",
        "valid",
        "reported_by",
        "tags",
        "id",
        "dayfirst",
    }
)
"""The arguments of `Tracker.add_claim`, which `add_claims` items may use."""


class Errors:
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


@attrs.define
class Batch:
    """
    What one call adds: new actors and sources, then claims.
    """

    actors: dict[str, Actor] = attrs.Factory(dict)
    sources: dict[str, Source] = attrs.Factory(dict)
    claims: dict[str, Claim] = attrs.Factory(dict)
    names: dict[str, list[str]] = attrs.Factory(dict)  # name_key -> actors

    def add_actor(self, actor: Actor) -> None:
        """
        Queue a new actor, and the names it can be found by.
        """
        self.actors[actor.id] = actor
        for key in dict.fromkeys(name_key(n) for n in actor.names):
            self.names.setdefault(key, []).append(actor.id)


def author(
    by: str | None, at: dt.datetime | str | None
) -> tuple[str | None, dt.datetime]:
    """
    Who made a change, and when: *at*, or now.
    """
    if by is not None:
        _BY(None, "by", by)
    return by, instant(at)


_BY = non_empty_str()


# -- actors, sources, claims -----------------------------------------------


def actor_ref(
    state: State, ref: str | Actor, field: str, batch: Batch | None
) -> str:
    """
    Resolve *ref* to an actor id; an `Actor` not yet stored is queued.
    """
    queued = batch.actors if batch is not None else {}
    if isinstance(ref, Actor):
        if batch is not None and state.is_new(ref):
            pending = queued.get(ref.id)
            if pending is not None and pending != ref:
                raise DuplicateIdError(
                    field, ref.id, "two different actors have this id"
                )
            if pending is None:
                batch.add_actor(ref)
            return ref.id
        if ref.id not in state.actors or state.actors[ref.id] != ref:
            raise UnknownActorError(
                field, ref.id, "this actor is not in the tracker"
            )
        return ref.id
    instance_of(str, Actor)(None, field, ref)
    if ref in state.actors or ref in queued:
        return ref
    key = name_key(ref)
    ids = list(state.names.get(key, ()))
    if batch is not None:
        ids += batch.names.get(key, ())
    if not ids:
        return _untitled(state, ref, key, field, batch)
    if len(ids) > 1:
        raise AmbiguousActorError(
            field,
            ref,
            f"is a name of {len(ids)} actors ({', '.join(ids)}); use an id",
            [state.actors.get(i) or queued[i] for i in ids],
        )
    return ids[0]


def _named(state: State, key: str, batch: Batch | None) -> list[str]:
    """
    The ids of the actors with a name of this name key.
    """
    ids = list(state.names.get(key, ()))
    if batch is not None:
        ids += batch.names.get(key, ())
    return ids


def _actor(state: State, actor_id: str, batch: Batch | None) -> Actor:
    found: Actor | None = state.actors.get(actor_id)
    if found is None:
        assert batch is not None  # noqa: S101 -- a name's actor is known
        found = batch.actors[actor_id]
    return found


def _untitled(
    state: State, ref: str, key: str, field: str, batch: Batch | None
) -> str:
    """
    Resolve a name no actor has: without its title, or not at all.

    "President Bukele" and "Mr. Rubio" find the actor named or aliased
    "Bukele" or "Rubio" (see `titled_names`), if only one actor is; a
    name no actor has, even so, is an error that suggests the nearest.
    """
    for name in titled_names(key):
        ids = _named(state, name, batch)
        if len(ids) == 1:
            return ids[0]
        if ids:
            raise AmbiguousActorError(
                field,
                ref,
                f"without its title, is a name of {len(ids)} actors "
                f"({', '.join(ids)}); use an id",
                [_actor(state, i, batch) for i in ids],
            )
    raise UnknownActorError(
        field,
        ref,
        "no actor has this id, name, alias or role"
        + _did_you_mean(state, key, batch),
    )


def _did_you_mean(state: State, key: str, batch: Batch | None) -> str:
    """
    Suggest the actors whose names are nearest to *key*, if any are near.

    Only names the state holds are compared: all of them over a whole
    state, those read so far over a partial one (see `closest` for the
    bound on the work).
    """
    queued = batch.names if batch is not None else {}
    ids: dict[str, None] = {}
    for query in (key, *titled_names(key)):
        names = itertools.chain(state.names, queued)
        for name in closest(query, names, limit=3 * _SUGGESTED):
            ids.update(dict.fromkeys(_named(state, name, batch)))
    if not ids:
        return ""
    actors = [_actor(state, i, batch) for i in list(ids)[:_SUGGESTED]]
    labels = collections.Counter(actor.label for actor in actors)
    shown = [
        repr(a.label) if labels[a.label] == 1 else f"{a.label!r} ({a.id})"
        for a in actors
    ]
    listed = (
        shown[0]
        if len(shown) == 1
        else f"{', '.join(shown[:-1])} or {shown[-1]}"
    )
    return f"; did you mean {listed}?"


_SUGGESTED = 3
"""The most actors an unknown name's error suggests."""


def source_ref(state: State, ref: str | Source, batch: Batch | None) -> Source:
    """
    Resolve *ref* to a source; a `Source` not yet stored is queued.
    """
    queued = batch.sources if batch is not None else {}
    if isinstance(ref, Source):
        if batch is not None and state.is_new(ref):
            if queued.get(ref.id, ref) != ref:
                raise DuplicateIdError(
                    "source", ref.id, "two different sources have this id"
                )
            queued[ref.id] = ref
            return ref
        if state.sources.get(ref.id) != ref:
            raise UnknownSourceError(
                "source", ref.id, "this source is not in the tracker"
            )
        return ref
    if isinstance(ref, str) and ref in queued:
        return queued[ref]
    return state.source(ref)


def subject_claims(
    state: State, subject: str | Actor, field: str
) -> list[str]:
    """
    The claims about *subject*, in the order they were added.

    A subject that names an actor also finds claims whose subject was
    stored as text before the actor was known ("Nayib Bukele" added
    before Bukele was).
    """
    if not isinstance(subject, Actor):
        instance_of(str)(None, field, subject)
    try:
        actor = state.actors[actor_ref(state, subject, field, None)]
    except UnknownActorError:
        assert isinstance(subject, str)  # noqa: S101 -- Actors resolve
        return state.by_subject.get(name_key(subject), [])
    keys = {actor.id, *(name_key(n) for n in actor.names)}
    found = set().union(*(state.by_subject.get(k, ()) for k in keys))
    return sorted(found, key=state.seq.__getitem__)


def read_date(
    value: DateLike,
    src: Source | None,
    *,
    dayfirst: bool | None,
    field: str,
) -> When:
    """
    Read a date argument, relative words against the source's day.
    """
    published = src.published if src is not None else None
    reference = (
        published.earliest
        if published is not None and published.precision is Precision.DAY
        else None
    )
    try:
        return When.coerce(
            value, reference=reference, dayfirst=dayfirst, field=field
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
            field, value, f"is a relative date and {why}"
        ) from exc


def window(
    value: tuple[DateLike | None, DateLike | None],
) -> tuple[dt.date, dt.date]:
    """
    A ``said_between`` window as its first and last day.
    """
    if not isinstance(value, tuple | list) or len(value) != 2:  # noqa: PLR2004
        raise InvalidTypeError(
            "said_between", value, "must be a (start, end) pair"
        )
    start, end = value
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
            "said_between", value, "its end is before its start"
        )
    return low, high


def stance(value: object) -> Stance:
    """
    A `Stance`, from itself, its value or a FEVER label.
    """
    if isinstance(value, Stance):
        return value
    try:
        return Stance(value)
    except ValueError:
        raise InvalidValueError(
            "stance",
            value,
            "must be supports, refutes or context (or FEVER's SUPPORTS, "
            "REFUTES, NOT ENOUGH INFO)",
        ) from None


def contradiction_kind(value: object) -> ContradictionKind:
    """
    A `ContradictionKind`, from itself or its value.
    """
    if isinstance(value, ContradictionKind):
        return value
    try:
        return ContradictionKind(value)
    except ValueError:
        raise InvalidValueError(
            "kind",
            value,
            "must be a ContradictionKind: "
            + ", ".join(k.value for k in ContradictionKind),
        ) from None


# -- evidence ----------------------------------------------------------------


def citations(state: State, evidence: object) -> tuple[Citation, ...]:
    """
    Read what is cited as evidence; check each item against the state.
    """
    items = (
        list(evidence) if isinstance(evidence, list | tuple) else [evidence]
    )
    if not items:
        raise InvalidValueError("evidence", evidence, "cite something")
    found = []
    for index, item in enumerate(items):
        field = "evidence" if len(items) == 1 else f"evidence[{index}]"
        found.append(_citation(state, item, field))
    return tuple(found)


def _citation(state: State, item: object, field: str) -> Citation:  # noqa: PLR0911
    if isinstance(item, Citation):
        return _recheck(state, item, field)
    if isinstance(item, Claim):
        return Citation(claim=state.claim_id(item, field))
    if isinstance(item, Span):
        if item.source is None:
            raise InvalidValueError(
                field, item, "a span cited as evidence needs its source"
            )
        return Citation(span=state.source(item.source).check_span(item))
    if isinstance(item, Source):
        return Citation(source=source_ref(state, item, None).id)
    if isinstance(item, str):
        if item in state.claims:
            return Citation(claim=item)
        if item in state.sources:
            return Citation(source=item)
        if item.startswith(("http://", "https://")):
            return Citation(url=item)
        raise NotFoundError(
            field,
            item,
            "is not the id of a claim or source, nor an http(s) URL",
        )
    raise InvalidTypeError(
        field,
        item,
        "must be a Claim, Span, Source, Citation, id or URL, "
        f"not {type(item).__name__}",
    )


def _recheck(state: State, item: Citation, field: str) -> Citation:
    """
    Check a ready-made citation against the state.
    """
    if item.claim is not None:
        return Citation(claim=state.claim_id(item.claim, field))
    if item.source is not None:
        source = state.source(item.source)
        if item.span is None:
            return item
        return Citation(span=source.check_span(item.span))
    return item


# -- claims ------------------------------------------------------------------


def prepare_whole(state: State, claim: Claim, batch: Batch) -> Claim:
    """
    Check a whole Claim against the state and the batch.
    """
    errors = Errors("add_claim")
    claim = resolve_refs(state, claim, batch, errors)
    errors.raise_any()
    return claim


def prepare(  # noqa: C901, PLR0912, PLR0915
    state: State,
    text: object,
    batch: Batch,
    *,
    speaker: str | Actor | None = None,
    said: DateLike | None = None,
    source: str | Source | None = None,
    span: Span | None = None,
    quote: str | None = None,
    occurrence: int | None = None,
    proposition: Proposition | None = None,
    valid: DateLike | None = None,
    reported_by: Iterable[str | Actor] = (),
    tags: Iterable[str] = (),
    id: str | None = None,  # noqa: A002
    dayfirst: bool | None = None,
) -> Claim:
    """
    Resolve add_claim's arguments into a checked Claim; store nothing.
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
            "valid": valid,
            "id": id,
            "dayfirst": dayfirst,
            "reported_by": reported_by or None,
            "tags": tags or None,
        }
        for field, value in given.items():
            if value is not None:
                raise InvalidValueError(
                    field, value, "cannot be given along with a Claim"
                )
        return prepare_whole(state, text, batch)

    if (
        quote is None
        and occurrence is None
        and valid is None
        and dayfirst is None
        and reported_by.__class__ is tuple
        and not reported_by
    ):
        claim = _plainly(
            state,
            text,
            speaker=speaker,
            said=said,
            source=source,
            span=span,
            proposition=proposition,
            tags=tags,
            id=id,
        )
        if claim is not None:
            return claim

    errors = Errors("add_claim")

    # The common cases first: an actor's id, a source's id, a When.
    if speaker is None:
        errors.errors.append(InvalidValueError("speaker", None, "is required"))
        speaker_id = None
    elif speaker.__class__ is str and speaker in state.actors:
        speaker_id = speaker
    else:
        speaker_id = errors.attempt(
            actor_ref, state, speaker, "speaker", batch
        )

    src = None
    if source is None and isinstance(span, Span) and span.source is not None:
        source = span.source
    if source.__class__ is str:
        src = state.sources.get(source)
    if src is None and source is not None:
        src = errors.attempt(source_ref, state, source, batch)

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
            span = errors.attempt(src.span_of, quote, occurrence=occurrence)
    elif occurrence is not None:
        errors.errors.append(
            InvalidValueError(
                "occurrence", occurrence, "is only used with quote"
            )
        )

    when = None
    if said.__class__ is When:
        when = said  # already read
    elif said is not None:
        when = errors.attempt(
            read_date, said, src, dayfirst=dayfirst, field="said"
        )
    if valid is not None:
        if not isinstance(proposition, Proposition):
            errors.errors.append(
                InvalidValueError(
                    "valid",
                    valid,
                    "is when the proposition holds: give a proposition",
                )
            )
        else:
            holds = errors.attempt(
                read_date, valid, src, dayfirst=dayfirst, field="valid"
            )
            if holds is not None:
                proposition = attrs.evolve(proposition, valid=holds)

    relays = []
    if reported_by.__class__ is tuple and not reported_by:
        pass  # the common case: nobody relayed it
    elif isinstance(reported_by, str | Actor):
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
                actor_ref, state, relay, f"reported_by[{index}]", batch
            )
        )
    span, proposition = _content(
        state,
        src,
        span=span,
        quote=quote,
        proposition=proposition,
        errors=errors,
    )
    errors.raise_any()

    # Every name is resolved and every reference known: what is left to
    # check is the claim's own fields, once, as it is built.
    claim = errors.attempt(
        _build_claim,
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
    return claim


def _plainly(
    state: State,
    text: object,
    *,
    speaker: object,
    said: object,
    source: object,
    span: object,
    proposition: object,
    tags: object,
    id: object,  # noqa: A002
) -> Claim | None:
    """
    The claim of the most common arguments, made straight through.

    An actor's id, a source's id, a `When` (or no date), a `Span` (or
    none) and a `Proposition` (or none): each is checked as `prepare`
    checks it, and the claim is built, checking its own fields, once.
    Anything else, or anything wrong, returns None: `prepare` then takes
    the long way, which reports every fault at once.
    """
    if speaker.__class__ is not str or speaker not in state.actors:
        return None
    src = state.sources.get(source) if source.__class__ is str else None
    if src is None or (said is not None and said.__class__ is not When):
        return None
    try:
        if span is not None:
            if span.__class__ is not Span:
                return None
            span = src.check_span(span)
        if proposition is not None:
            if proposition.__class__ is not Proposition:
                return None
            proposition = _canonical(state, proposition)
        return _build_claim(
            id=id,  # type: ignore[arg-type]
            text=text,  # type: ignore[arg-type]
            speaker=speaker,
            said=said,
            source=src.id,
            span=span,
            reported_by=(),
            proposition=proposition,
            tags=tags,  # type: ignore[arg-type]
        )
    except ClaimtrackError:
        return None


def _content(
    state: State,
    src: Source | None,
    *,
    span: object,
    quote: str | None,
    proposition: object,
    errors: Errors,
) -> tuple[Any, Any]:
    """
    Check a caller's span against its source once; canonical names.
    """
    if span is not None and quote is None:
        if not isinstance(span, Span):
            errors.errors.append(
                InvalidTypeError(
                    "span",
                    span,
                    f"must be a Span, not {type(span).__name__}; "
                    "make one with Source.span_of or Source.span_at",
                )
            )
        elif src is not None:
            span = errors.attempt(src.check_span, span)
    if proposition is not None:
        if not isinstance(proposition, Proposition):
            errors.errors.append(
                InvalidTypeError(
                    "proposition",
                    proposition,
                    f"must be a Proposition, not {type(proposition).__name__}",
                )
            )
        else:
            proposition = errors.attempt(_canonical, state, proposition)
    return span, proposition


def _build_claim(
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
            Claim.make_id(text, speaker, said=said, source=source, span=span)
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


def settle(state: State, claim: Claim, batch: Batch) -> Claim:
    """
    Return the stored twin of *claim*, or queue it in *batch* as new.

    Raises if its id is taken by something different.
    """
    for stored in (state.claims.get(claim.id), batch.claims.get(claim.id)):
        if stored is not None:
            aligned = _said_as(claim, stored)
            if stored == aligned:
                return stored  # the same claim, its date in other words
            state.is_new(aligned)  # raises if stored in the tracker
            raise DuplicateIdError(
                "id", claim.id, "a different claim in this batch has it"
            )
    state.is_new(claim)
    if claim.id in batch.actors or claim.id in batch.sources:
        raise DuplicateIdError(
            "id",
            claim.id,
            "the claim, its actors and its source share ids",
        )
    batch.claims[claim.id] = claim
    return claim


def check_batch(state: State, batch: Batch) -> None:
    """
    The last checks of a batch: ids shared by kinds, lineage cycles.
    """
    shared = batch.actors.keys() & batch.sources.keys()
    if shared:
        raise DuplicateIdError(
            "id", min(shared), "an actor and a source in one call share it"
        )
    for source in batch.sources.values():
        state.check_lineage(source, batch.sources)


def resolve_refs(
    state: State, claim: Claim, batch: Batch, errors: Errors
) -> Claim:
    """
    Check the claim's actors and source exist; anchor its span fully.
    """
    relays = [
        (f"reported_by[{n}]", relay)
        for n, relay in enumerate(claim.reported_by)
    ]
    for field, actor_id in [("speaker", claim.speaker), *relays]:
        if actor_id not in state.actors and actor_id not in batch.actors:
            errors.errors.append(
                UnknownActorError(field, actor_id, "no actor has this id")
            )
    changes: dict[str, Any] = {}
    if claim.source is not None:
        src = batch.sources.get(claim.source) or errors.attempt(
            state.source, claim.source
        )
        if src is not None and claim.span is not None:
            full = errors.attempt(src.check_span, claim.span)
            if full is not None and full != claim.span:
                changes["span"] = full
    if claim.proposition is not None:
        canonical = errors.attempt(_canonical, state, claim.proposition)
        if canonical is not None and canonical is not claim.proposition:
            changes["proposition"] = canonical
    return attrs.evolve(claim, **changes) if changes else claim


def _canonical(state: State, proposition: Proposition) -> Proposition:
    subject = _canonical_name(state, proposition.subject, "subject")
    obj = proposition.object
    if isinstance(obj, str):
        obj = _canonical_name(state, obj, "object")
    if (subject, obj) == (proposition.subject, proposition.object):
        return proposition
    return attrs.evolve(proposition, subject=subject, object=obj)


def _canonical_name(state: State, value: str, field: str) -> str:
    if value not in state.actors and name_key(value) not in state.names:
        return value  # a thing, not an actor: the common case, fast
    return actor_ref(state, value, f"proposition.{field}", None)


def _said_as(claim: Claim, stored: Claim) -> Claim:
    """
    Give *claim* the words of *stored*'s date, if both name the same time.
    """
    if (
        claim.said is not None
        and stored.said is not None
        and claim.said != stored.said  # the same words: nothing to align
        and claim.said.isoformat() == stored.said.isoformat()
    ):
        return attrs.evolve(claim, said=stored.said)
    return claim
