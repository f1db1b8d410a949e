"""
The Tracker: the collection of sources, actors and claims a user works with.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import inspect
import json
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Mapping
from fractions import Fraction
from typing import (
    TYPE_CHECKING,
    Any,
    Concatenate,
    ParamSpec,
    Self,
    TypeVar,
    cast,
)

import attrs

from claimtrack import _records, _scales, _serialize, _store
from claimtrack._anchor import (
    MIN_SCORE,
    Anchoring,
    AnchorKind,
    Kept,
    Reanchored,
    Revision,
    anchor,
    check_min_score,
)
from claimtrack._contradictions import (
    OPEN_HIGH,
    OPEN_LOW,
    Contradiction,
    ContradictionKind,
    Fact,
    Quantity_,
    conflict,
    fact_from_json,
    fact_to_json,
    kind_order,
)
from claimtrack._dates import Precision, When
from claimtrack._events import Event, EventKind, Payload
from claimtrack._evidence import (
    Citation,
    Evidence,
    Policy,
    Retraction,
    Stance,
    Status,
    Support,
    Verdict,
    assess,
    instant,
)
from claimtrack._models import (
    Actor,
    Claim,
    Polarity,
    Proposition,
    Quantity,
    Source,
    Span,
)
from claimtrack._predicates import Predicate, Registry, predicate_key
from claimtrack._text import fold, name_key
from claimtrack._validators import instance_of, non_empty_str, optional
from claimtrack.exceptions import (
    AmbiguousActorError,
    ClaimtrackError,
    ConflictError,
    DuplicateIdError,
    InvalidFieldsError,
    InvalidTypeError,
    InvalidValueError,
    LineageCycleError,
    MissingReferenceError,
    NotFoundError,
    SpanMismatchError,
    StoreError,
    UnknownActorError,
    UnknownClaimError,
    UnknownSourceError,
    _relocate,
)


if TYPE_CHECKING:
    import os
    from decimal import Decimal


__all__ = ["Tracker"]

_T = TypeVar("_T")
_Index = dict[str, list[str]]
_SpanKey = tuple[str, str | None, int | None]  # claim, evidence, item

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


@attrs.define
class _Added:
    """
    Claims added by one author at one time, in a row: their events.
    """

    first: int  # the order of the first claim added
    count: int
    by: str | None
    at: dt.datetime


@attrs.define
class _Batch:
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


_ADD_CLAIM_KEYS = frozenset(
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


def _add_to(index: _Index, key: str, claim_id: str) -> None:
    ids = index.get(key)
    if ids is None:
        index[key] = [claim_id]
    else:
        ids.append(claim_id)


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _writes(
    method: Callable[Concatenate[Tracker, _P], _R],
) -> Callable[Concatenate[Tracker, _P], _R]:
    """
    Make a method that changes a tracker write through to its store.

    Without a store the method runs as it is. With one, the write lock is
    taken and what other processes committed is read first; the method's
    checked events are queued, then applied, and written with the state
    they changed in one transaction. If the write fails, the tracker forgets
    its memory and reads the file again when next used: a write that fails
    changes neither the file nor the tracker.
    """

    @functools.wraps(method)
    def write(self: Tracker, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        store = self._store
        if store is None or self._pending is not None:
            return method(self, *args, **kwargs)
        for event in store.begin():
            self._apply_event(event)
        self._pending = []
        try:
            result = method(self, *args, **kwargs)
            pending = self._pending
        except BaseException:
            store.rollback()
            raise
        finally:
            self._pending = None
        if not pending:
            store.rollback()
            return result
        self._dirty, self._dirty_links = set(), set()
        try:
            for event in pending:
                self._apply_event(event)
            store.write(pending, *self._state_rows())
        except BaseException:
            store.rollback()
            self._forget()  # the file holds the state as it was
            raise
        finally:
            self._dirty = self._dirty_links = None
        return result

    return write


class Tracker:
    """
    The collection a user works with: sources, actors and claims.

    A tracker keeps its contents consistent: every claim's speaker and
    source are in it, every span is true to its source's text, and every id
    is unique across sources, actors and claims. A call that fails raises a
    `ClaimtrackError` and leaves the tracker exactly as it was.

    ``len(tracker)`` is the number of claims, and iterating a tracker gives
    its claims in the order they were added.

    Every change is an `Event` with its author and time; the tracker's
    state is what its events say. Two trackers are equal when they hold the
    same events in the same order under the same policy.

    Args:
        policy: How status is derived from evidence (`Policy`).

    .. versionadded:: 0.1.0
    """

    def __init__(self, *, policy: Policy | None = None) -> None:
        self.policy = Policy() if policy is None else policy
        instance_of(Policy)(self, "policy", self.policy)
        self._store: _store.Store | None = None
        self._pending: list[Event] | None = None  # a store's write, queued
        # In a store's write: the claims whose fact or links changed.
        self._dirty: set[str] | None = None
        self._dirty_links: set[str] | None = None
        # The history: events, with the claims added together kept as one
        # _Added record (the events are made again when asked for).
        self._log: list[Event | _Added] = []
        self._added: list[_Added] = []  # the records, by first claim
        self._claim_list: list[Claim] = []  # claims in the order added
        self._evidence: dict[str, dict[str, Evidence]] = {}
        self._evidence_ids: dict[str, Evidence] = {}
        self._verdicts: dict[str, dict[str, Verdict]] = {}
        self._retractions: dict[str, Retraction] = {}
        self._history: dict[str, list[Event]] = {}
        self._keys: dict[str, frozenset[str]] = {}  # lineage keys, cached
        self._registry = Registry()
        self._facts: dict[str, Fact] = {}
        # (subject, predicate) -> the claim id, or the ids, with that fact
        self._match: dict[tuple[str, str], str | list[str]] = {}
        self._entities: dict[str, str] = {}  # _entity's answers, cached
        self._by_entity: _Index = {}  # name_key of subject/object -> claims
        self._by_predicate: _Index = {}  # predicate_key -> claims
        self._explicit: dict[str, dict[str, Contradiction]] = {}
        self._refuting: dict[str, dict[str, list[str]]] = {}
        self._sources: dict[str, Source] = {}
        self._actors: dict[str, Actor] = {}
        self._claims: dict[str, Claim] = {}
        self._names: dict[str, dict[str, None]] = {}  # name_key -> actors
        self._by_speaker: _Index = {}
        self._by_subject: _Index = {}
        self._seq: dict[str, int] = {}  # claim id -> order added
        self._by_source: _Index = {}
        self._by_tag: _Index = {}
        # Revisions: each source's, by id, and what they changed.
        self._revisions: dict[str, list[Revision]] = {}
        self._revision_ids: dict[str, Revision] = {}
        # source -> span -> (its last re-anchoring, the revision it was lost)
        self._orphans: dict[str, dict[_SpanKey, tuple[Reanchored, int]]] = {}
        self._first_sources: dict[str, Source] = {}  # as added, if revised
        self._first_evidence: dict[str, Evidence] = {}  # the same

    def __repr__(self) -> str:
        return (
            f"<Tracker: {len(self._sources)} sources, "
            f"{len(self._actors)} actors, {len(self._claims)} claims>"
        )

    def __len__(self) -> int:
        return len(self._claims)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Tracker):
            return NotImplemented
        return (self.policy, self.events()) == (other.policy, other.events())

    __hash__ = None  # type: ignore[assignment]  # trackers change

    def __iter__(self) -> Iterator[Claim]:
        return iter(list(self._claims.values()))

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Source | Actor | Claim):
            return self._lookup(item.id) == item
        return isinstance(item, str) and self._lookup(item) is not None

    def __getitem__(self, id: str) -> Source | Actor | Claim:  # noqa: A002
        return self.get(id)

    # -- adding ------------------------------------------------------------

    @_writes
    def add_source(
        self,
        source: Source,
        *,
        by: str | None = None,
        at: dt.datetime | str | None = None,
    ) -> Source:
        """
        Add *source*; adding an equal source again returns the stored one.

        Args:
            source: The source.
            by: Who added it, for the history.
            at: When, an aware datetime or ISO string; now if omitted.

        Raises:
            InvalidTypeError: If *source* is not a `Source`.
            DuplicateIdError: If its id is taken by something different.
            LineageCycleError: If it would derive from itself through the
                sources it is derived from.

        .. versionadded:: 0.1.0
        """
        instance_of(Source)(self, "source", source)
        event = self._event(EventKind.SOURCE_ADDED, source, by, at)
        if self._check(event):
            self._commit(event)
        return self._sources.get(source.id, source)

    @_writes
    def add_actor(
        self,
        actor: Actor,
        *,
        by: str | None = None,
        at: dt.datetime | str | None = None,
    ) -> Actor:
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
        event = self._event(EventKind.ACTOR_ADDED, actor, by, at)
        if self._check(event):
            self._commit(event)
        return self._actors.get(actor.id, actor)

    @_writes
    def add_claim(
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
        valid: DateLike | None = None,
        reported_by: Iterable[str | Actor] = (),
        tags: Iterable[str] = (),
        id: str | None = None,  # noqa: A002
        dayfirst: bool | None = None,
        by: str | None = None,
        at: dt.datetime | str | None = None,
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
            valid: When the proposition holds, read like *said* (so
                "Monday" is read against the source's publication date);
                it replaces the proposition's own ``valid``.
            reported_by: Who relayed it, nearest the speaker first.
            tags: Free labels.
            id: An explicit id, instead of the derived one.
            dayfirst: How to read a numeric *said* like "03/04/2025".
            by: Who added it, for the history.
            at: When it was added (not said): an aware datetime or ISO
                string; now if omitted.

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
        author = self._author(by, at)
        batch = _Batch()
        claim = self._prepare(
            text,
            batch,
            speaker=speaker,
            said=said,
            source=source,
            span=span,
            quote=quote,
            occurrence=occurrence,
            proposition=proposition,
            valid=valid,
            reported_by=reported_by,
            tags=tags,
            id=id,
            dayfirst=dayfirst,
        )
        stored = self._settle(claim, batch)
        self._commit_batch(batch, author)
        return stored

    @_writes
    def add_claims(
        self,
        claims: Iterable[Claim | Mapping[str, Any]],
        *,
        by: str | None = None,
        at: dt.datetime | str | None = None,
    ) -> list[Claim]:
        """
        Add many claims at once: all of them, or, if one fails, none.

        Each item is a whole `Claim`, or a mapping of `add_claim`'s
        arguments (``{"text": ..., "speaker": ..., "said": ...}``). Actors
        and sources passed inside items are added once; a claim already
        stored, or given twice, is returned as stored.

        Returns:
            The stored claims, in the order given.

        Raises:
            ClaimtrackError: The first item's error, its field prefixed
                with the item's place: ``claims[3].speaker``.

        .. versionadded:: 0.1.0
        """
        author = self._author(by, at)
        batch = _Batch()
        results = []
        for index, item in enumerate(claims):
            try:
                if isinstance(item, Claim):
                    claim = self._prepare_whole(item, batch)
                elif isinstance(item, Mapping):
                    arguments = dict(item)
                    if not _ADD_CLAIM_KEYS.issuperset(arguments):
                        unknown = sorted(set(arguments) - _ADD_CLAIM_KEYS)
                        raise InvalidValueError(
                            unknown[0],
                            arguments[unknown[0]],
                            "is not an argument of add_claim",
                        )
                    claim = self._prepare(
                        arguments.pop("text", None), batch, **arguments
                    )
                else:
                    raise InvalidTypeError(
                        "claim",
                        item,
                        "must be a Claim or a mapping of add_claim's "
                        "arguments",
                    )
                results.append(self._settle(claim, batch))
            except ClaimtrackError as exc:
                raise _relocate(exc, f"claims[{index}]") from exc
        self._commit_batch(batch, author)
        return results

    def _prepare_whole(self, claim: Claim, batch: _Batch) -> Claim:
        """
        Check a whole Claim against the tracker and the batch.
        """
        errors = _Errors("add_claim")
        claim = self._resolve_refs(claim, batch, errors)
        errors.raise_any()
        return claim

    def _prepare(  # noqa: C901, PLR0912
        self,
        text: object,
        batch: _Batch,
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
            return self._prepare_whole(text, batch)

        errors = _Errors("add_claim")

        if speaker is None:
            errors.errors.append(
                InvalidValueError("speaker", None, "is required")
            )
            speaker_id = None
        else:
            speaker_id = errors.attempt(
                self._actor_ref, speaker, "speaker", batch
            )

        src = None
        if source is None and span is not None and span.source is not None:
            source = span.source
        if source is not None:
            src = errors.attempt(self._source_ref, source, batch)

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
                self._read_date, said, src, dayfirst=dayfirst, field="said"
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
                    self._read_date,
                    valid,
                    src,
                    dayfirst=dayfirst,
                    field="valid",
                )
                if holds is not None:
                    proposition = attrs.evolve(proposition, valid=holds)

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
                    batch,
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
        claim = self._resolve_refs(claim, batch, errors)
        errors.raise_any()
        return claim

    # -- evidence, verdicts, retractions -----------------------------------

    @_writes
    def corroborate(
        self,
        claim: str | Claim,
        *,
        evidence: object,
        stance: Stance | str = Stance.SUPPORTS,
        by: str | None = None,
        at: dt.datetime | str | None = None,
        note: str | None = None,
    ) -> Evidence:
        """
        Add evidence for or against *claim*; return the stored `Evidence`.

        Adding the same citations with the same stance to the same claim
        again returns the evidence already stored, whoever adds it.

        Args:
            claim: The claim, or its id.
            evidence: What backs it up or undercuts it: another claim (or
                its id), a `Span` of a source, a source (or its id), an
                http(s) URL, a `Citation`, or a list of these, which forms
                an evidence set that counts only whole.
            stance: A `Stance`, or its value ("supports", "refutes",
                "context"), or a FEVER label ("NOT ENOUGH INFO").
            by: Who added it.
            at: When: an aware datetime or ISO string; now if omitted.
            note: Why, in words.

        Raises:
            UnknownClaimError: If a claim is not in the tracker.
            UnknownSourceError: If a cited source is not in the tracker.
            SpanMismatchError: If a cited span is not true to its source.
            InvalidValueError: For an unknown stance or empty evidence.

        .. versionadded:: 0.1.0
        """
        errors = _Errors("corroborate")
        target = errors.attempt(self._claim_ref, claim, "claim")
        items = errors.attempt(self._citations, evidence)
        kind = errors.attempt(_stance, stance)
        author = errors.attempt(self._author, by, at)
        errors.attempt(optional(instance_of(str)), self, "note", note)
        errors.raise_any()
        evidence_id = Evidence.make_id(target, kind, items)
        stored = self._evidence_ids.get(evidence_id)
        if stored is not None:
            return stored
        item = Evidence(
            evidence_id,
            target,
            kind,
            items,
            by=author[0],
            at=author[1],
            note=note,
        )
        self._commit(
            Event(EventKind.EVIDENCE_ADDED, item, by=item.by, at=item.at)
        )
        return item

    @_writes
    def rate(
        self,
        claim: str | Claim,
        label: str | float | Decimal,
        *,
        scale: str | _scales.RatingScale = "claimtrack",
        by: str | None = None,
        at: dt.datetime | str | None = None,
        rationale: str | None = None,
    ) -> Verdict:
        """
        Record an analyst's verdict on *claim*; it overrides derived status.

        Args:
            claim: The claim, or its id.
            label: A label on *scale* ("pants on fire"), kept as given; on
                a numeric scale, a rating value (2.5).
            scale: A `RatingScale`, or the name of a built-in one
                ("claimtrack", "politifact", "fever", "averitec",
                "climate-fever", "meedan-check").
            by: Who rated it.
            at: When: an aware datetime or ISO string; now if omitted.
            rationale: Why, in words.

        Raises:
            UnknownClaimError: If the claim is not in the tracker.
            UnknownLabelError: If the label is not on the scale.

        .. versionadded:: 0.1.0
        """
        errors = _Errors("rate")
        target = errors.attempt(self._claim_ref, claim, "claim")
        chosen = errors.attempt(_scales.get, scale)
        rating = None
        if chosen is not None:
            rating = errors.attempt(chosen.rate, label)
        author = errors.attempt(self._author, by, at)
        errors.attempt(
            optional(instance_of(str)), self, "rationale", rationale
        )
        errors.raise_any()
        text = label if isinstance(label, str) else str(label)
        verdict = Verdict(
            Verdict.make_id(
                target,
                text,
                chosen.name,
                author[0],
                author[1],
                rationale=rationale,
            ),
            target,
            text,
            chosen.name,
            rating,
            by=author[0],
            at=author[1],
            rationale=rationale,
        )
        stored = self._verdicts.get(target, {}).get(verdict.id)
        if stored is not None:
            return stored
        self._commit(
            Event(EventKind.VERDICT_SET, verdict, by=verdict.by, at=verdict.at)
        )
        return verdict

    @_writes
    def retract(
        self,
        claim: str | Claim,
        *,
        by: str | None = None,
        at: dt.datetime | str | None = None,
        note: str | None = None,
    ) -> Retraction:
        """
        Record that the speaker withdrew *claim*; its status is `RETRACTED`.

        A claim is retracted once: retracting it again returns the first
        retraction.

        .. versionadded:: 0.1.0
        """
        errors = _Errors("retract")
        target = errors.attempt(self._claim_ref, claim, "claim")
        author = errors.attempt(self._author, by, at)
        errors.attempt(optional(instance_of(str)), self, "note", note)
        errors.raise_any()
        if target in self._retractions:
            return self._retractions[target]
        retraction = Retraction(target, by=author[0], at=author[1], note=note)
        self._commit(
            Event(
                EventKind.CLAIM_RETRACTED,
                retraction,
                by=retraction.by,
                at=retraction.at,
            )
        )
        return retraction

    def status(
        self, claim: str | Claim, *, policy: Policy | None = None
    ) -> Status:
        """
        Return the status of *claim*.

        A retraction gives `Status.RETRACTED`; otherwise the latest verdict
        that judges (by time, then order) gives its status; otherwise the
        status is derived from the evidence by the policy (the tracker's,
        or *policy*), as `support` explains.

        .. versionadded:: 0.1.0
        """
        target = self._claim_ref(claim, "claim")
        if target in self._retractions:
            return Status.RETRACTED
        verdict = self.verdict(target)
        if verdict is not None and verdict.rating is not None:
            return Status.of_rating(verdict.rating)
        return self.derived_status(target, policy=policy)

    def derived_status(
        self, claim: str | Claim, *, policy: Policy | None = None
    ) -> Status:
        """
        Return the status that *claim*'s evidence gives, verdicts aside.

        .. versionadded:: 0.1.0
        """
        instance_of(Policy)(self, "policy", policy or self.policy)
        return self.support(claim).status(
            policy or self.policy,
            contradicted=bool(
                self._conflicts_of(self._claim_ref(claim, "claim"))
            ),
        )

    def support(self, claim: str | Claim) -> Support:
        """
        Explain *claim*'s support: lineages, what was set aside, and why.

        The lineages are independent; evidence set aside is listed with its
        reason, and refuting and context evidence by id.

        .. versionadded:: 0.1.0
        """
        target = self._claims[self._claim_ref(claim, "claim")]
        return assess(
            target.id,
            self._own_keys(target),
            self._evidence.get(target.id, {}).values(),
            self._citation_keys,
            lambda key: self._set_aside_reason(target, key),
        )

    def evidence(self, claim: str | Claim) -> list[Evidence]:
        """
        Return the evidence on *claim*, in the order it was added.

        .. versionadded:: 0.1.0
        """
        target = self._claim_ref(claim, "claim")
        return list(self._evidence.get(target, {}).values())

    def verdicts(self, claim: str | Claim) -> list[Verdict]:
        """
        Return the verdicts on *claim*, in the order they were set.

        .. versionadded:: 0.1.0
        """
        target = self._claim_ref(claim, "claim")
        return list(self._verdicts.get(target, {}).values())

    def verdict(self, claim: str | Claim) -> Verdict | None:
        """
        Return the verdict that counts: the latest that judges, or None.

        .. versionadded:: 0.1.0
        """
        judging = [v for v in self.verdicts(claim) if v.rating is not None]
        if not judging:
            return None
        order = {v.id: n for n, v in enumerate(judging)}
        return max(judging, key=lambda v: (v.at, order[v.id]))

    def retraction(self, claim: str | Claim) -> Retraction | None:
        """
        Return *claim*'s retraction, if it was retracted.

        .. versionadded:: 0.1.0
        """
        return self._retractions.get(self._claim_ref(claim, "claim"))

    # -- contradictions ----------------------------------------------------

    @_writes
    def declare(
        self,
        predicate: Predicate,
        *,
        by: str | None = None,
        at: dt.datetime | str | None = None,
    ) -> Predicate:
        """
        Declare what a predicate means for contradictions.

        Declaring it again as it was changes nothing; claims already added
        are matched under the new declaration at once.

        Raises:
            InvalidTypeError: If *predicate* is not a `Predicate`.
            ConflictError: If it clashes with a declaration already made.

        .. versionadded:: 0.1.0
        """
        instance_of(Predicate)(self, "predicate", predicate)
        event = self._event(EventKind.PREDICATE_DECLARED, predicate, by, at)
        if self._check(event):
            self._commit(event)
        return self._registry.get(predicate.name) or predicate

    def predicates(self) -> list[Predicate]:
        """
        Return the declared predicates, in the order declared.

        .. versionadded:: 0.1.0
        """
        return list(self._registry)

    @_writes
    def contradict(
        self,
        claim: str | Claim,
        other: str | Claim,
        *,
        by: str | None = None,
        at: dt.datetime | str | None = None,
        note: str | None = None,
    ) -> Contradiction:
        """
        Record that two claims cannot both hold, as an analyst judges.

        Linking the same two claims again, either way round, returns the
        link already made.

        Raises:
            UnknownClaimError: If a claim is not in the tracker.
            InvalidValueError: If the two claims are the same.

        .. versionadded:: 0.1.0
        """
        errors = _Errors("contradict")
        first = errors.attempt(self._claim_ref, claim, "claim")
        second = errors.attempt(self._claim_ref, other, "other")
        author = errors.attempt(self._author, by, at)
        errors.attempt(optional(instance_of(str)), self, "note", note)
        errors.raise_any()
        if first == second:
            raise InvalidValueError(
                "other", second, "a claim does not contradict itself"
            )
        existing = self._explicit.get(first, {}).get(second)
        if existing is None:
            existing = Contradiction(
                first,
                second,
                ContradictionKind.EXPLICIT,
                f"{author[0] or 'an analyst'} linked them"
                + (f": {note}" if note else ""),
                by=author[0],
                at=author[1],
                note=note,
            )
            self._commit(
                Event(
                    EventKind.CONTRADICTION_ADDED,
                    existing,
                    by=author[0],
                    at=author[1],
                )
            )
        return self._explain(
            first, second, ContradictionKind.EXPLICIT, link=existing
        )

    def contradictions(
        self,
        claim: str | Claim | None = None,
        *,
        speaker: str | Actor | None = None,
        kind: ContradictionKind | str | None = None,
        said_between: tuple[DateLike | None, DateLike | None] | None = None,
        same_speaker: bool | None = None,
    ) -> list[Contradiction]:
        """
        Return the contradictions of *claim*, or every contradiction.

        For one claim, each conflicting claim is listed once per kind of
        conflict, with ``claim`` the one asked about. Without a claim, each
        conflicting pair is listed once per kind, the claim added first as
        ``claim``. Contradiction is symmetric, and a lookup costs the same
        however many claims the tracker holds.

        Args:
            claim: The claim, or its id; every contradiction if omitted.
            speaker: Keep contradictions a claim by this actor takes part
                in (for one claim: the other claim's speaker).
            kind: Keep only this `ContradictionKind` (or its value).
            said_between: Keep pairs of claims both said wholly within this
                window, as in `claims`.
            same_speaker: True for a speaker contradicting themselves only;
                False for different speakers only.

        Raises:
            UnknownClaimError: If the claim is not in the tracker.
            UnknownActorError: If *speaker* names no actor.
            InvalidValueError: For an unknown kind.

        .. versionadded:: 0.1.0
        """
        if (
            speaker is None
            and kind is None
            and said_between is None
            and same_speaker is None
            and claim is not None
            and (plain := self._stored_id(claim)) is not None
        ):  # the plain lookup: no filter to check
            if self._alone(plain):
                return []
            return [self._explain(*pair) for pair in self._conflicts_of(plain)]
        errors = _Errors("contradictions")
        target = None
        if claim is not None:
            target = errors.attempt(self._claim_ref, claim, "claim")
        who = None
        if speaker is not None:
            who = errors.attempt(self._actor_ref, speaker, "speaker", None)
        wanted = None
        if kind is not None:
            wanted = errors.attempt(_contradiction_kind, kind)
        window = None
        if said_between is not None:
            window = errors.attempt(self._window, said_between)
        errors.attempt(
            optional(instance_of(bool)), self, "same_speaker", same_speaker
        )
        errors.raise_any()

        pairs = (
            self._conflicts_of(target)
            if target is not None
            else self._all_conflicts()
        )
        return [
            self._explain(first, second, how)
            for first, second, how in pairs
            if (wanted is None or how is wanted)
            and self._pair_kept(
                self._claims[first],
                self._claims[second],
                who=who,
                one=target is not None,
                window=window,
                same_speaker=same_speaker,
            )
        ]

    @staticmethod
    def _pair_kept(
        a: Claim,
        b: Claim,
        *,
        who: str | None,
        one: bool,
        window: tuple[dt.date, dt.date] | None,
        same_speaker: bool | None,
    ) -> bool:
        """
        Whether a pair passes contradictions()'s speaker and date filters.
        """
        if who is not None and (
            b.speaker != who if one else who not in (a.speaker, b.speaker)
        ):
            return False
        if same_speaker is not None and (
            (a.speaker == b.speaker) is not same_speaker
        ):
            return False
        return window is None or (
            _said_within(a, window) and _said_within(b, window)
        )

    def _stored_id(self, claim: object) -> str | None:
        """
        The id of a stored claim given as itself or its id, else None.
        """
        if isinstance(claim, str):
            return claim if claim in self._claims else None
        if isinstance(claim, Claim) and self._claims.get(claim.id) == claim:
            return claim.id
        return None

    def _alone(self, claim_id: str) -> bool:
        """
        Whether nothing could conflict with the claim: the fast answer.
        """
        fact = self._facts.get(claim_id)
        return (
            (fact is None or self._match[fact[:2]].__class__ is str)
            and claim_id not in self._explicit
            and claim_id not in self._refuting
        )

    def _conflicts_of(
        self, claim_id: str
    ) -> list[tuple[str, str, ContradictionKind]]:
        found: list[tuple[str, ContradictionKind]] = []
        fact = self._facts.get(claim_id)
        if fact is not None:
            members = self._match[fact[:2]]
            if members.__class__ is not str:
                declared = self._registry.declared(fact.predicate)
                for other in members:
                    if other != claim_id:
                        how = conflict(fact, self._facts[other], declared)
                        if how is not None:
                            found.append((other, how))
        found.extend(
            (other, ContradictionKind.EXPLICIT)
            for other in self._explicit.get(claim_id, ())
        )
        found.extend(
            (other, ContradictionKind.REFUTING_EVIDENCE)
            for other in self._refuting.get(claim_id, ())
        )
        if not found:
            return []
        seq = self._seq
        found.sort(key=lambda x: (seq[x[0]], kind_order(x[1])))
        return [(claim_id, other, how) for other, how in found]

    def _all_conflicts(self) -> list[tuple[str, str, ContradictionKind]]:
        seq = self._seq
        found: set[tuple[str, str, ContradictionKind]] = set()
        for (_, predicate), members in self._match.items():
            if isinstance(members, str):
                continue  # a fact no other claim shares
            declared = self._registry.declared(predicate)
            ids = list(members)
            for n, first in enumerate(ids):
                fact = self._facts[first]
                for second in ids[n + 1 :]:
                    how = conflict(fact, self._facts[second], declared)
                    if how is not None:
                        found.add(_ordered(first, second, how, seq))
        for links, how in (
            (self._explicit, ContradictionKind.EXPLICIT),
            (self._refuting, ContradictionKind.REFUTING_EVIDENCE),
        ):
            for first, others in links.items():
                for second in others:
                    found.add(_ordered(first, second, how, seq))
        return sorted(
            found, key=lambda x: (seq[x[0]], seq[x[1]], kind_order(x[2]))
        )

    def _explain(
        self,
        first: str,
        second: str,
        how: ContradictionKind,
        *,
        link: Contradiction | None = None,
    ) -> Contradiction:
        a, b = self._claims[first], self._claims[second]
        both = f"{self._says(a)}; {self._says(b)}"
        if how is ContradictionKind.EXPLICIT:
            link = link or self._explicit[first][second]
            return Contradiction(
                first,
                second,
                how,
                f"{both}: {link.reason}",
                by=link.by,
                at=link.at,
                note=link.note,
            )
        if how is ContradictionKind.REFUTING_EVIDENCE:
            ids = tuple(self._refuting[first][second])
            refuted = self._evidence_ids[ids[0]].claim
            cited = second if refuted == first else first
            reason = (
                f"{both}: “{self._claims[cited].text}” was cited as evidence "
                f"refuting “{self._claims[refuted].text}”"
            )
            return Contradiction(first, second, how, reason, evidence=ids)
        fa, fb = self._facts[first], self._facts[second]
        assert a.proposition is not None  # noqa: S101 -- has a fact
        assert b.proposition is not None  # noqa: S101
        when = _overlap_words(fa, fb)
        if how is ContradictionKind.NEGATION:
            reason = (
                f"{both}: one asserts and the other denies that "
                f"{self._proposition_words(a.proposition)}{when}"
            )
        else:
            declared = self._registry.get(fa.predicate)
            tolerance = (
                f", more than {declared.tolerance} apart"
                if declared is not None and declared.tolerance is not None
                else ""
            )
            reason = (
                f"{both}: the {fa.predicate.replace('_', ' ')} of "
                f"{self._entity_words(a.proposition.subject)} has one value "
                f"at a time, and they give "
                f"{self._object_words(a.proposition.object)} and "
                f"{self._object_words(b.proposition.object)}"
                f"{tolerance}{when}"
            )
        return Contradiction(first, second, how, reason)

    def _says(self, claim: Claim) -> str:
        when = claim.said.isoformat() if claim.said is not None else "undated"
        who = self._actors[claim.speaker].label
        return f"{who} ({when}) says “{claim.text}”"

    def _entity_words(self, value: str) -> str:
        actor = self._actors.get(value)
        return actor.label if actor is not None else value

    def _object_words(self, value: object) -> str:
        if isinstance(value, str):
            return f"“{self._entity_words(value)}”"
        return str(value)

    def _proposition_words(self, proposition: Proposition) -> str:
        return (
            f"{self._entity_words(proposition.subject)} "
            f"{proposition.predicate.replace('_', ' ')} "
            f"{self._object_words(proposition.object)}"
        )

    # -- facts and their index ---------------------------------------------

    def _entity(self, value: str) -> str:
        """
        The match key of a subject or object: an actor's, else its text's.
        """
        found = self._entities.get(value)
        if found is None:
            if value in self._actors:
                found = f"a:{value}"
            else:
                key = name_key(value)
                ids = self._names.get(key, {})
                found = f"a:{next(iter(ids))}" if len(ids) == 1 else f"t:{key}"
            self._entities[value] = found
        return found

    def _fact(self, proposition: Proposition) -> Fact:
        value = proposition.object
        # A number cannot be a subject: such a claim keeps its direction.
        canon = self._registry.canonical(
            proposition.predicate, invertible=not isinstance(value, Quantity)
        )
        subject = self._entity(proposition.subject)
        obj: str | Quantity_
        if isinstance(value, Quantity):
            obj = Quantity_(fold(value.unit or ""), Fraction(value.value))
        else:
            obj = self._entity(value)
            if canon.invert:
                subject, obj = obj, subject
        valid = proposition.valid
        return Fact(
            subject,
            canon.key,
            obj,
            (proposition.polarity is Polarity.ASSERTED) is not canon.flip,
            valid.earliest.toordinal() if valid is not None else OPEN_LOW,
            valid.latest.toordinal() if valid is not None else OPEN_HIGH,
        )

    def _index_fact(self, claim_id: str) -> None:
        if self._dirty is not None:
            self._dirty.add(claim_id)
        old = self._facts.pop(claim_id, None)
        if old is not None:
            key = (old.subject, old.predicate)
            members: str | list[str] | None = self._match[key]
            if isinstance(members, list) and len(members) > 2:  # noqa: PLR2004
                members.remove(claim_id)
            elif isinstance(members, list):  # two: the other stands alone
                self._match[key] = next(m for m in members if m != claim_id)
            else:
                del self._match[key]
        proposition = self._claims[claim_id].proposition
        assert proposition is not None  # noqa: S101 -- only these are indexed
        fact = self._fact(proposition)
        self._facts[claim_id] = fact
        key = (fact.subject, fact.predicate)
        members = self._match.get(key)
        if members is None:
            self._match[key] = claim_id
        elif isinstance(members, str):
            self._match[key] = [members, claim_id]
        else:
            members.append(claim_id)

    def _reindex(self, claim_ids: Iterable[str]) -> None:
        for claim_id in sorted(set(claim_ids), key=self._seq.__getitem__):
            self._index_fact(claim_id)

    # -- history -----------------------------------------------------------

    def history(self, claim: str | Claim) -> list[Event]:
        """
        Return every event that concerns *claim*, in the order applied.

        .. versionadded:: 0.1.0
        """
        target = self._claims[self._claim_ref(claim, "claim")]
        return [self._added_event(target), *self._history.get(target.id, ())]

    def events(self) -> list[Event]:
        """
        Return every event, in the order applied.

        .. versionadded:: 0.1.0
        """
        events: list[Event] = []
        for entry in self._log:
            if isinstance(entry, Event):
                events.append(entry)
            else:
                claims = self._claim_list[
                    entry.first : entry.first + entry.count
                ]
                events.extend(
                    Event(EventKind.CLAIM_ADDED, c, by=entry.by, at=entry.at)
                    for c in claims
                )
        return events

    @_writes
    def apply(self, event: Event) -> Payload:
        """
        Apply *event*; applying an event already applied changes nothing.

        This is how a tracker is rebuilt from its history, or how two
        trackers that share history are merged. The event is checked as the
        method that makes it would check it.

        Returns:
            What the tracker holds for the event's payload.

        .. versionadded:: 0.1.0
        """
        instance_of(Event)(self, "event", event)
        known = self._applied_before(event)
        if known is not None:
            return known
        payload = event.payload
        if isinstance(payload, Claim):
            if self._claims.get(payload.id) == payload:
                # Applied already: its names are not read again, as actors
                # added since may have made them mean someone else.
                return payload
            errors = _Errors("apply")
            resolved = self._resolve_refs(payload, _Batch(), errors)
            errors.raise_any()
            event = attrs.evolve(event, payload=resolved)
        elif isinstance(payload, Evidence):
            items = self._citations(list(payload.items))
            event = attrs.evolve(
                event, payload=attrs.evolve(payload, items=items)
            )
        if self._check(event):
            self._commit(event)
            return event.payload
        return self._stored(event)

    # -- revisions ---------------------------------------------------------

    @_writes
    def revise(
        self,
        source: str | Source,
        text: str,
        *,
        min_score: float = MIN_SCORE,
        by: str | None = None,
        at: dt.datetime | str | None = None,
    ) -> Revision:
        """
        Give *source* a revised text, and move every span quoting it.

        Each claim's span and each evidence span on the source is found in
        the new text by `reanchor` (by position, by quote with context, or
        by an approximate match scoring at least *min_score*), with the old
        text known, so a passage that was already there elsewhere never
        captures a span. A span found moves there. A span that is lost
        (an orphan) or that several places match equally (ambiguous) is
        set aside: its claim keeps its source but no span, an evidence
        citation keeps its source but no span, and `orphans` lists it with
        where it was. Orphans from earlier revisions are looked for again.

        Nothing is lost: the old text and the old spans stay in the
        history, before the `Revision` recorded with kind
        `EventKind.SOURCE_REVISED`. Revising to the text the source already
        has changes nothing and returns its latest revision.

        Args:
            source: The source, or its id.
            text: The new text.
            min_score: The score an approximate match needs, over 0.5 and
                at most 1.
            by: Who revised it.
            at: When: an aware datetime or ISO string; now if omitted.

        Returns:
            The revision: every span, with how it was found (`moved`,
            `orphans` and `ambiguous` pick them out). For a text the source
            already has, its latest revision, or revision 0 (the text it
            was added with: every span where it is).

        Raises:
            UnknownSourceError: If the source is not in the tracker.
            InvalidTypeError: If *text* is not a ``str``.
            InvalidValueError: If *min_score* is out of range.
            InvalidFieldsError: If several arguments are wrong at once.

        .. versionadded:: 0.1.0
        """
        errors = _Errors("revise")
        found = errors.attempt(self._source_ref, source, None)
        errors.attempt(instance_of(str), self, "text", text)
        errors.attempt(check_min_score, min_score)
        author = errors.attempt(self._author, by, at)
        errors.raise_any()
        if text == found.text:
            return self._latest_revision(found)
        number = len(self._revisions.get(found.id, ())) + 1
        revision = Revision(
            found.id,
            number,
            text,
            spans=self._reanchor_all(found, text, min_score),
            min_score=min_score,
            by=author[0],
            at=author[1],
        )
        event = Event(
            EventKind.SOURCE_REVISED, revision, by=author[0], at=author[1]
        )
        self._check(event)
        self._commit(event)
        return revision

    def revisions(self, source: str | Source) -> list[Revision]:
        """
        Return the revisions of *source*, oldest first.

        Raises:
            UnknownSourceError: If the source is not in the tracker.

        .. versionadded:: 0.1.0
        """
        found = self._source_ref(source, None)
        return list(self._revisions.get(found.id, ()))

    def orphans(self, source: str | Source | None = None) -> list[Reanchored]:
        """
        Return the spans that revisions left without a place.

        Each is a `Reanchored`: whose span it is (a claim's, or an evidence
        citation's), and its anchoring, whose ``span`` is where it was
        last, whose ``kind`` says whether it was lost or ambiguous, and
        whose ``candidates`` are the places considered. A span found again
        by a later revision is no longer an orphan.

        Args:
            source: Only the orphans of this source (or its id).

        Raises:
            UnknownSourceError: If the source is not in the tracker.

        .. versionadded:: 0.1.0
        """
        if source is None:
            groups: Iterable[dict[_SpanKey, tuple[Reanchored, int]]] = (
                self._orphans.values()
            )
        else:
            groups = [self._orphans.get(self._source_ref(source, None).id, {})]
        return [entry for group in groups for entry, _ in group.values()]

    def _reanchor_all(
        self, source: Source, text: str, min_score: float
    ) -> tuple[Reanchored, ...]:
        """
        Find every span on *source* in its new *text*.
        """
        lost = self._orphans.get(source.id, {})
        kept: dict[int | None, Kept | None] = {}
        found = []
        for key, span in self._spans_on(source.id).items():
            # A span is looked for as of the text it was true to: the
            # current one, or, for an orphan, the one before it was lost.
            since = lost[key][1] if key in lost else None
            if since not in kept:
                old = self._text_before(source.id, since)
                kept[since] = None if old is None else Kept(old, text)
            claim, evidence, item = key
            anchoring = anchor(span, text, min_score, kept[since])
            found.append(
                Reanchored(claim, anchoring, evidence=evidence, item=item)
            )
        return tuple(found)

    def _text_before(self, source_id: str, number: int | None) -> str | None:
        """
        The source's text before revision *number*; None: its current text.
        """
        if number is None:
            return self._sources[source_id].text
        if number == 1:
            return self._first_sources[source_id].text
        return self._revisions[source_id][number - 2].text

    def _spans_on(self, source_id: str) -> dict[_SpanKey, Span]:
        """
        Every span on the source, orphans' last spans included, in order.
        """
        lost = self._orphans.get(source_id, {})
        spans: dict[_SpanKey, Span] = {}

        def note(key: _SpanKey, span: Span | None) -> None:
            if span is not None:
                spans[key] = span
            elif key in lost:
                spans[key] = lost[key][0].anchoring.span

        for claim_id in self._by_source.get(source_id, ()):
            note((claim_id, None, None), self._claims[claim_id].span)
        for evidence in self._evidence_ids.values():
            for item, citation in enumerate(evidence.items):
                if citation.source == source_id:
                    key = (evidence.claim, evidence.id, item)
                    note(key, citation.span)
        return spans

    def _latest_revision(self, source: Source) -> Revision:
        """
        The revision that gave *source* its text; revision 0 if none did.
        """
        done = self._revisions.get(source.id)
        if done:
            return done[-1]
        added = next(
            event
            for event in self._log
            if isinstance(event, Event)
            and event.kind is EventKind.SOURCE_ADDED
            and event.payload.id == source.id
        )
        return Revision(
            source.id,
            0,
            source.text or "",
            spans=[
                Reanchored(
                    claim,
                    Anchoring(span, AnchorKind.POSITION, found=span, score=1),
                    evidence=evidence,
                    item=item,
                )
                for (claim, evidence, item), span in self._spans_on(
                    source.id
                ).items()
            ],
            by=added.by,
            at=added.at,
        )

    def _check_revision(self, revision: Revision) -> bool:
        """
        Check a revision follows the source's last, and moves every span.
        """
        if revision.id in self._revision_ids:
            return False
        source = self.source(revision.source)
        done = len(self._revisions.get(source.id, ()))
        if revision.number != done + 1:
            raise ConflictError(
                "number",
                revision.number,
                f"source {source.id!r} has had {done} revision(s), so the "
                f"next is number {done + 1}",
            )
        expected = self._spans_on(source.id)
        revised = attrs.evolve(source, text=revision.text)
        seen: set[_SpanKey] = set()
        for n, entry in enumerate(revision.spans):
            field = f"spans[{n}]"
            if entry.key in seen:
                raise InvalidValueError(
                    field, str(entry), "the revision moves this span twice"
                )
            seen.add(entry.key)
            if expected.get(entry.key) != entry.anchoring.span:
                raise ConflictError(
                    f"{field}.anchoring.span",
                    entry.anchoring.span,
                    f"is not a span the tracker holds for {_whose(entry.key)}",
                )
            place = entry.anchoring.found
            if place is not None and (
                place.end > len(revision.text)
                or revised.span_at(place.start, place.end) != place
            ):
                raise SpanMismatchError(
                    f"{field}.anchoring.found",
                    place,
                    "is not true to the revised text",
                )
        missing = [key for key in expected if key not in seen]
        if missing:
            raise ConflictError(
                "spans",
                len(revision.spans),
                f"the revision does not say where the span of "
                f"{_whose(missing[0])} went",
            )
        return True

    def _apply_revision(self, revision: Revision) -> None:
        """
        Give the source its new text, and each span its new place.
        """
        source = self._sources[revision.source]
        self._first_sources.setdefault(source.id, source)
        self._sources[source.id] = attrs.evolve(source, text=revision.text)
        self._revisions.setdefault(source.id, []).append(revision)
        self._revision_ids[revision.id] = revision
        lost = self._orphans.setdefault(source.id, {})
        for entry in revision.spans:
            place = entry.anchoring.found
            if place is None:
                since = lost.get(entry.key, (entry, revision.number))[1]
                lost[entry.key] = (entry, since)
            else:
                lost.pop(entry.key, None)
            if entry.evidence is None:
                claim = self._claims[entry.claim]
                self._claims[claim.id] = attrs.evolve(claim, span=place)
                continue
            evidence = self._evidence_ids[entry.evidence]
            self._first_evidence.setdefault(evidence.id, evidence)
            assert entry.item is not None  # noqa: S101 -- it has evidence
            items = list(evidence.items)
            items[entry.item] = attrs.evolve(items[entry.item], span=place)
            moved = attrs.evolve(evidence, items=tuple(items))
            self._evidence_ids[evidence.id] = moved
            self._evidence[evidence.claim][evidence.id] = moved

    def _added_as(self, claim: Claim) -> bool:
        """
        Whether *claim* is a stored claim as it was added.
        """
        seq = self._seq.get(claim.id)
        return seq is not None and self._claim_list[seq] == claim

    def _applied_before(self, event: Event) -> Payload | None:
        """
        What the tracker holds for an event applied before a revision.

        A revision changes stored sources, claims and evidence; their
        events, applied again, are recognised by what they held then.
        """
        payload = event.payload
        if isinstance(payload, Source):
            first: object = self._first_sources.get(payload.id)
            if first == payload:
                return self._sources[payload.id]
        elif isinstance(payload, Claim):
            seq = self._seq.get(payload.id)
            if (
                seq is not None
                and self._claims[payload.id] is not self._claim_list[seq]
                and self._added_as(payload)
            ):
                return self._claims[payload.id]
        elif isinstance(payload, Evidence):
            first = self._first_evidence.get(payload.id)
            if first == payload:
                return self._evidence_ids[payload.id]
        return None

    # -- the embedded store ------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        policy: Policy | None = None,
        timeout: float = 5.0,
    ) -> Tracker:
        """
        Open the tracker kept in an SQLite file, creating it if need be.

        The tracker works as one in memory, and every change is written to
        the file in one transaction, committed before the call returns.
        Before writing, it reads what other processes committed; `refresh`
        does so on demand. Use it as a context manager, or `close` it.

        Opening reads nothing but the file's format and policy. `claim`,
        `get` and `contradictions` of one claim are answered from the
        file's indexes; the first other use reads the file into memory.

        Args:
            path: The file.
            policy: The policy of a new file; for an existing file it must
                be the file's, or be omitted.
            timeout: How many seconds to wait for another writer.

        Raises:
            StoreError: If the file cannot be opened.
            InvalidDocumentError: If the file is not a claimtrack store, or
                was written by a newer version of claimtrack.

        .. versionadded:: 0.1.0
        """
        store = _store.Store(path, timeout)
        try:
            tracker = _Unloaded(policy=store.prepare(policy))
        except BaseException:
            store.close()
            raise
        tracker._store = store  # noqa: SLF001 -- its own class's
        return tracker

    def refresh(self) -> None:
        """
        Read what other processes committed to the tracker's file.

        Does nothing for a tracker in memory.

        .. versionadded:: 0.1.0
        """
        if self._store is not None:
            for event in self._store.read_new():
                self._apply_event(event)

    def close(self) -> None:
        """
        Close the tracker's file; the tracker stays readable in memory.

        .. versionadded:: 0.1.0
        """
        if self._store is not None:
            self._store.close()
            self._store = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _state_rows(
        self, *, everything: bool = False
    ) -> tuple[list[_store.FactRow], dict[str, list[_store.LinkRow]]]:
        """
        The store's state rows for the claims a write changed, or for all.
        """
        dirty = self._dirty or set()
        dirty_links = self._dirty_links or set()
        if everything:
            dirty = set(self._facts)
            dirty_links = self._explicit.keys() | self._refuting.keys()
        facts = [
            (claim_id, fact.subject, fact.predicate, fact_to_json(fact))
            for claim_id in sorted(dirty)
            if (fact := self._facts.get(claim_id)) is not None
        ]
        explicit = ContradictionKind.EXPLICIT.value
        refuting = ContradictionKind.REFUTING_EVIDENCE.value
        links = {
            claim_id: [
                *(
                    (claim_id, other, explicit, json.dumps([link.id]))
                    for other, link in self._explicit.get(claim_id, {}).items()
                ),
                *(
                    (claim_id, other, refuting, json.dumps(ids))
                    for other, ids in self._refuting.get(claim_id, {}).items()
                ),
            ]
            for claim_id in sorted(dirty_links)
        }
        return facts, links

    def _hold(self, seq: int, payload: Payload) -> Iterable[str]:
        """
        Keep a claim, link or evidence read for a lookup (see `_Unloaded`).

        Returns:
            The names a claim's words need: its speaker, subject, object.
        """
        if isinstance(payload, Claim):
            self._claims[payload.id] = payload
            self._seq[payload.id] = seq
            proposition = payload.proposition
            if proposition is None:
                return (payload.speaker,)
            obj = proposition.object
            objects = (obj,) if isinstance(obj, str) else ()
            return (payload.speaker, proposition.subject, *objects)
        if isinstance(payload, Contradiction):
            self._store_link(payload)
        else:
            self._evidence_ids[payload.id] = cast("Evidence", payload)
        return ()

    def _forget(self) -> None:
        """
        Drop what is in memory: it is read from the file when next needed.
        """
        store = self._store
        assert store is not None  # noqa: S101 -- only a store's tracker forgets
        Tracker.__init__(self, policy=self.policy)
        self._store = store
        store.last = 0
        self.__class__ = _Unloaded

    # -- documents ---------------------------------------------------------

    def to_json(self, *, indent: int | None = None) -> str:
        """
        Return the whole tracker as a JSON document: its policy and history.

        `Tracker.from_json` reads it back into an equal tracker. The format
        is versioned and documented in :doc:`storage`.

        .. versionadded:: 0.1.0
        """
        return json.dumps(
            _serialize.to_data(self), ensure_ascii=False, indent=indent
        )

    @classmethod
    def from_json(
        cls, text: str | bytes, *, max_bytes: int = _serialize.MAX_BYTES
    ) -> Tracker:
        """
        Read a tracker from a JSON document written by `to_json` or `dump`.

        Every event is checked as the method that made it would check it; a
        document wrong anywhere is refused whole.

        Raises:
            InvalidDocumentError: Naming the JSON path of the fault (and the
                line, for text that is not JSON).
            DocumentTooLargeError: If the document is over *max_bytes*.
            ClaimtrackError: Any error an event would raise, at its path.

        .. versionadded:: 0.1.0
        """
        return _serialize.from_json(text, cls, max_bytes=max_bytes)

    def dump(self, path: str | os.PathLike[str]) -> None:
        """
        Write the tracker's JSON document to *path*, atomically.

        The document goes to a temporary file beside *path*, is synced to
        disk and renamed over it: a reader never sees half a file.

        .. versionadded:: 0.1.0
        """
        _serialize.dump(self, path)

    @classmethod
    def load(
        cls,
        path: str | os.PathLike[str],
        *,
        max_bytes: int = _serialize.MAX_BYTES,
    ) -> Tracker:
        """
        Read a tracker from a file written by `dump`.

        A file over *max_bytes* is refused before it is read.

        .. versionadded:: 0.1.0
        """
        return _serialize.load(path, cls, max_bytes=max_bytes)

    @_writes
    def merge(self, other: Tracker) -> list[Event]:
        """
        Add to this tracker the events of *other* it does not have yet.

        Two trackers that share history (copies of one file, a JSON export
        sent to a colleague and worked on) merge by the union of their
        events: what both have is kept once, what only *other* has is added
        in *other*'s order. The merge is checked whole before anything is
        added: if any event clashes with this tracker's (a different claim
        under one id, say), nothing is added.

        Returns:
            The events added.

        Raises:
            ClaimtrackError: The first clash, at the event's place in
                *other*'s history: ``events[12].id``.

        .. versionadded:: 0.1.0
        """
        instance_of(Tracker)(self, "other", other)
        mine = self.events()
        have = {event.id: event for event in mine}
        missing = []
        for index, event in enumerate(other.events()):
            ours = have.get(event.id)
            if ours is None:
                missing.append((index, event))
            elif (
                isinstance(event.payload, Source | Actor | Claim | Predicate)
                and ours.payload != event.payload
            ):
                raise DuplicateIdError(
                    f"events[{index}].id",
                    event.payload.id,
                    "this tracker has something different under this id",
                )
        scratch = Tracker.from_events(mine, policy=self.policy)
        for index, event in missing:
            try:
                scratch.apply(event)
            except ClaimtrackError as exc:
                raise _relocate(exc, f"events[{index}]") from exc
        added = scratch.events()[len(mine) :]
        for event in added:
            self._commit(event)
        return added

    @classmethod
    def from_events(
        cls, events: Iterable[Event], *, policy: Policy | None = None
    ) -> Tracker:
        """
        Build a tracker by applying *events* in order.

        Replaying a tracker's own events gives an equal tracker.

        .. versionadded:: 0.1.0
        """
        tracker = cls(policy=policy)
        for event in events:
            tracker.apply(event)
        return tracker

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
            sets = [set(o) for o in others]
            ids = [i for i in smallest if all(i in o for o in sets)]
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
    ) -> list[list[str]]:
        """
        The index entries for the indexed filters that were given.
        """
        found = []
        if speaker is not None:
            sid = errors.attempt(self._actor_ref, speaker, "speaker", None)
            found.append(self._by_speaker.get(sid, []))
        if subject is not None:
            found.append(
                errors.attempt(self._subject_claims, subject, "subject") or []
            )
        if source is not None:
            src = errors.attempt(self._source_ref, source, None)
            found.append(self._by_source.get(getattr(src, "id", ""), []))
        if tag is not None:
            errors.attempt(instance_of(str), self, "tag", tag)
            found.append(self._by_tag.get(fold(str(tag)), []))
        return found

    def _claim_ref(self, claim: str | Claim, field: str) -> str:
        """
        Resolve a claim or claim id to the id of a stored claim.

        A claim is known as it is, or as it was added (before a revision
        of its source moved its span).
        """
        if isinstance(claim, Claim):
            if self._claims.get(claim.id) != claim and not self._added_as(
                claim
            ):
                raise UnknownClaimError(
                    field, claim.id, "this claim is not in the tracker"
                )
            return claim.id
        instance_of(str, Claim)(self, field, claim)
        if claim not in self._claims:
            raise UnknownClaimError(field, claim, "no claim has this id")
        return claim

    def _citations(self, evidence: object) -> tuple[Citation, ...]:
        """
        Read what is cited as evidence; check each item against the state.
        """
        items = (
            list(evidence)
            if isinstance(evidence, list | tuple)
            else [evidence]
        )
        if not items:
            raise InvalidValueError("evidence", evidence, "cite something")
        found = []
        for index, item in enumerate(items):
            field = "evidence" if len(items) == 1 else f"evidence[{index}]"
            found.append(self._citation(item, field))
        return tuple(found)

    def _citation(self, item: object, field: str) -> Citation:  # noqa: PLR0911
        if isinstance(item, Citation):
            return self._recheck(item, field)
        if isinstance(item, Claim):
            return Citation(claim=self._claim_ref(item, field))
        if isinstance(item, Span):
            if item.source is None:
                raise InvalidValueError(
                    field, item, "a span cited as evidence needs its source"
                )
            return Citation(span=self.source(item.source).check_span(item))
        if isinstance(item, Source):
            return Citation(source=self._source_ref(item, None).id)
        if isinstance(item, str):
            if item in self._claims:
                return Citation(claim=item)
            if item in self._sources:
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

    def _recheck(self, item: Citation, field: str) -> Citation:
        """
        Check a ready-made citation against the state.
        """
        if item.claim is not None:
            return Citation(claim=self._claim_ref(item.claim, field))
        if item.source is not None:
            source = self.source(item.source)
            if item.span is None:
                return item
            return Citation(span=source.check_span(item.span))
        return item

    def _stored(self, event: Event) -> Payload:  # noqa: PLR0911 -- per kind
        payload = event.payload
        if isinstance(payload, Source | Actor | Claim):
            found = self._lookup(payload.id)
            assert found is not None  # noqa: S101 -- just applied
            return found
        if isinstance(payload, Evidence):
            return self._evidence_ids[payload.id]
        if isinstance(payload, Verdict):
            return self._verdicts[payload.claim][payload.id]
        if isinstance(payload, Retraction):
            return self._retractions[payload.claim]
        if isinstance(payload, Predicate):
            return self._registry.get(payload.name) or payload
        if isinstance(payload, Revision):
            return self._revision_ids[payload.id]
        return self._explicit[payload.claim][payload.other]

    def _source_keys(self, source_id: str) -> frozenset[str]:
        """
        What a source's lineage goes back to.

        Its root sources, and the publishers and sites along the way.
        """
        cached = self._keys.get(source_id)
        if cached is not None:
            return cached
        source = self._sources.get(source_id)
        if source is None:
            keys = frozenset({f"source:{source_id}"})
        else:
            found = set()
            if not source.derived_from:
                found.add(f"source:{source.id}")
            if source.publisher:
                found.add(f"publisher:{name_key(source.publisher)}")
            if source.url:
                found.add(f"site:{_site(source.url)}")
            for upstream in source.derived_from:
                found |= self._source_keys(upstream)
            keys = frozenset(found)
        self._keys[source_id] = keys
        return keys

    def _citation_keys(self, citation: Citation) -> frozenset[str]:
        if citation.claim is not None:
            return frozenset({f"actor:{self._claims[citation.claim].speaker}"})
        if citation.source is not None:
            return self._source_keys(citation.source)
        url = str(citation.url)
        for source in self._sources.values():
            if source.url == url:
                return self._source_keys(source.id)
        return frozenset({f"site:{_site(url)}"})

    def _own_keys(self, claim: Claim) -> frozenset[str]:
        keys = {f"actor:{claim.speaker}"}
        keys.update(f"actor:{relay}" for relay in claim.reported_by)
        if claim.source is not None:
            keys |= self._source_keys(claim.source)
        return frozenset(keys)

    def _set_aside_reason(self, claim: Claim, key: str) -> str:
        kind, _, value = key.partition(":")
        if kind == "actor":
            name = self._actors[value].label
            if value == claim.speaker:
                return (
                    f"{name} is the claim's own speaker: repeating a claim "
                    "does not corroborate it"
                )
            return f"{name} relayed the claim: relaying it does not confirm it"
        what = {
            "source": f"it goes back to {value!r}, as the claim's source does",
            "publisher": f"it has the claim's publisher ({value})",
        }
        return what.get(kind, f"it is from the claim's own site ({value})")

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
        article = "an" if kind[0] in "aeiou" else "a"
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
            reason = f"{article} {kind} has this id"
        raise DuplicateIdError("id", item.id, reason)

    def _store_actor(self, actor: Actor) -> None:
        self._actors[actor.id] = actor
        for name in actor.names:
            self._names.setdefault(name_key(name), {})[actor.id] = None

    def _actor_ref(
        self,
        ref: str | Actor,
        field: str,
        batch: _Batch | None,
    ) -> str:
        """
        Resolve *ref* to an actor id; an `Actor` not yet stored is queued.
        """
        queued = batch.actors if batch is not None else {}
        if isinstance(ref, Actor):
            if batch is not None and self._is_new(ref):
                pending = queued.get(ref.id)
                if pending is not None and pending != ref:
                    raise DuplicateIdError(
                        field, ref.id, "two different actors have this id"
                    )
                if pending is None:
                    batch.add_actor(ref)
                return ref.id
            if ref.id not in self._actors or self._actors[ref.id] != ref:
                raise UnknownActorError(
                    field, ref.id, "this actor is not in the tracker"
                )
            return ref.id
        instance_of(str, Actor)(self, field, ref)
        if ref in self._actors or ref in queued:
            return ref
        key = name_key(ref)
        ids = list(self._names.get(key, ()))
        if batch is not None:
            ids += batch.names.get(key, ())
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
                [self._actors.get(i) or queued[i] for i in ids],
            )
        return ids[0]

    def _source_ref(self, ref: str | Source, batch: _Batch | None) -> Source:
        queued = batch.sources if batch is not None else {}
        if isinstance(ref, Source):
            if batch is not None and self._is_new(ref):
                if queued.get(ref.id, ref) != ref:
                    raise DuplicateIdError(
                        "source", ref.id, "two different sources have this id"
                    )
                queued[ref.id] = ref
                return ref
            if self._sources.get(ref.id) != ref:
                raise UnknownSourceError(
                    "source", ref.id, "this source is not in the tracker"
                )
            return ref
        if isinstance(ref, str) and ref in queued:
            return queued[ref]
        return self.source(ref)

    def _subject_claims(self, subject: str | Actor, field: str) -> list[str]:
        """
        The claims about *subject*, in the order they were added.

        A subject that names an actor also finds claims whose subject was
        stored as text before the actor was known ("Nayib Bukele" added
        before Bukele was).
        """
        if not isinstance(subject, Actor):
            instance_of(str)(self, field, subject)
        try:
            actor = self._actors[self._actor_ref(subject, field, None)]
        except UnknownActorError:
            assert isinstance(subject, str)  # noqa: S101 -- Actors resolve
            return self._by_subject.get(name_key(subject), [])
        keys = {actor.id, *(name_key(n) for n in actor.names)}
        found = set().union(*(self._by_subject.get(k, ()) for k in keys))
        return sorted(found, key=self._seq.__getitem__)

    def _read_date(
        self,
        value: DateLike,
        src: Source | None,
        *,
        dayfirst: bool | None,
        field: str,
    ) -> When:
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

    def _settle(self, claim: Claim, batch: _Batch) -> Claim:
        """
        Return the stored twin of *claim*, or queue it in *batch* as new.

        Raises if its id is taken by something different.
        """
        for stored in (self._claims.get(claim.id), batch.claims.get(claim.id)):
            if stored is not None:
                aligned = _said_as(claim, stored)
                if stored == aligned:
                    return stored  # the same claim, its date in other words
                self._is_new(aligned)  # raises if stored in the tracker
                raise DuplicateIdError(
                    "id", claim.id, "a different claim in this batch has it"
                )
        self._is_new(claim)
        if claim.id in batch.actors or claim.id in batch.sources:
            raise DuplicateIdError(
                "id",
                claim.id,
                "the claim, its actors and its source share ids",
            )
        batch.claims[claim.id] = claim
        return claim

    def _commit_batch(
        self, batch: _Batch, author: tuple[str | None, dt.datetime]
    ) -> None:
        """
        Store a checked batch: actors, then sources, then claims.
        """
        shared = batch.actors.keys() & batch.sources.keys()
        if shared:
            raise DuplicateIdError(
                "id", min(shared), "an actor and a source in one call share it"
            )
        for source in batch.sources.values():
            self._check_lineage(source, batch.sources)
        by, when = author
        # Every check has passed: from here on nothing can fail.
        for actor in batch.actors.values():
            self._commit(Event(EventKind.ACTOR_ADDED, actor, by=by, at=when))
        for source in batch.sources.values():
            self._commit(Event(EventKind.SOURCE_ADDED, source, by=by, at=when))
        for claim in batch.claims.values():
            self._commit_claim(claim, by, when)

    # -- events ------------------------------------------------------------

    def _author(
        self, by: str | None, at: dt.datetime | str | None
    ) -> tuple[str | None, dt.datetime]:
        optional(non_empty_str())(self, "by", by)
        return by, instant(at)

    def _event(
        self,
        kind: EventKind,
        payload: Payload,
        by: str | None,
        at: dt.datetime | str | None,
    ) -> Event:
        by, when = self._author(by, at)
        return Event(kind, payload, by=by, at=when)

    def _check(self, event: Event) -> bool:  # noqa: PLR0911 -- per kind
        """
        Check *event* can be applied; tell whether it changes anything.
        """
        payload = event.payload
        if isinstance(payload, Revision):
            return self._check_revision(payload)
        if isinstance(payload, Source | Actor | Claim):
            if not self._is_new(payload):
                return False
            if isinstance(payload, Source):
                self._check_lineage(payload, {})
            return True
        if isinstance(payload, Predicate):
            return self._registry.check(payload)
        if isinstance(payload, Contradiction):
            self._claim_ref(payload.claim, "claim")
            self._claim_ref(payload.other, "other")
            return payload.other not in self._explicit.get(payload.claim, {})
        claim = self.claim(payload.claim)
        if isinstance(payload, Evidence):
            return payload.id not in self._evidence_ids
        if isinstance(payload, Verdict):
            return payload.id not in self._verdicts.get(claim.id, {})
        return claim.id not in self._retractions

    def _apply_event(self, event: Event) -> None:
        """
        Apply a checked event to the state; nothing here can fail.
        """
        payload = event.payload
        if isinstance(payload, Claim):
            self._apply_claim(payload, event.by, event.at)
            return
        self._log.append(event)
        for claim_id in event.claims:
            self._history.setdefault(claim_id, []).append(event)
        if isinstance(payload, Source):
            self._sources[payload.id] = payload
            self._keys.clear()
        elif isinstance(payload, Actor):
            self._store_actor(payload)
            self._entities.clear()  # names may now mean this actor
            self._reindex(
                claim_id
                for name in payload.names
                for claim_id in self._by_entity.get(name_key(name), ())
            )
        elif isinstance(payload, Evidence):
            self._store_evidence(payload)
        elif isinstance(payload, Predicate):
            self._registry.add(payload)
            self._reindex(
                claim_id
                for key in self._registry.related(payload)
                for claim_id in self._by_predicate.get(key, ())
            )
        elif isinstance(payload, Contradiction):
            self._store_link(payload)
        elif isinstance(payload, Verdict):
            self._verdicts.setdefault(payload.claim, {})[payload.id] = payload
        elif isinstance(payload, Revision):
            self._apply_revision(payload)
        else:
            self._retractions[payload.claim] = payload

    def _store_link(self, link: Contradiction) -> None:
        if self._dirty_links is not None:
            self._dirty_links.update((link.claim, link.other))
        self._explicit.setdefault(link.claim, {})[link.other] = link
        self._explicit.setdefault(link.other, {})[link.claim] = link

    def _commit(self, event: Event) -> None:
        """
        Apply a checked event, or, in a store's write, queue it for the file.
        """
        if self._pending is None:
            self._apply_event(event)
        else:
            self._pending.append(event)

    def _commit_claim(
        self, claim: Claim, by: str | None, at: dt.datetime
    ) -> None:
        """
        Apply a checked claim, or queue it, like `_commit`.
        """
        if self._pending is None:
            self._apply_claim(claim, by, at)
        else:
            self._pending.append(
                Event(EventKind.CLAIM_ADDED, claim, by=by, at=at)
            )

    def _apply_claim(
        self, claim: Claim, by: str | None, at: dt.datetime
    ) -> None:
        """
        Store a checked claim and note its claim-added event.
        """
        seq = len(self._claim_list)
        self._store_claim(claim)
        last = self._log[-1] if self._log else None
        if (
            isinstance(last, _Added)
            and (last.by, last.at) == (by, at)
            and last.first + last.count == seq
        ):
            last.count += 1
        else:
            record = _Added(seq, 1, by, at)
            self._log.append(record)
            self._added.append(record)

    def _added_event(self, claim: Claim) -> Event:
        """
        The claim-added event of a stored claim, made again.
        """
        seq = self._seq[claim.id]
        record = self._added[
            bisect.bisect_right(self._added, seq, key=lambda r: r.first) - 1
        ]
        # As added: a revision of its source may have moved its span since.
        added = self._claim_list[seq]
        return Event(EventKind.CLAIM_ADDED, added, by=record.by, at=record.at)

    def _store_evidence(self, evidence: Evidence) -> None:
        self._evidence.setdefault(evidence.claim, {})[evidence.id] = evidence
        self._evidence_ids[evidence.id] = evidence
        if evidence.stance is not Stance.REFUTES:
            return
        for item in evidence.items:
            if item.claim is not None:
                pair = (evidence.claim, item.claim)
                if self._dirty_links is not None:
                    self._dirty_links.update(pair)
                for a, b in (pair, pair[::-1]):
                    links = self._refuting.setdefault(a, {})
                    links.setdefault(b, []).append(evidence.id)

    def _check_lineage(
        self, source: Source, pending: Mapping[str, Source]
    ) -> None:
        """
        Refuse a source that would derive from itself.
        """
        seen: set[str] = set()
        todo = list(source.derived_from)
        while todo:
            upstream = todo.pop()
            if upstream == source.id:
                raise LineageCycleError(
                    "derived_from",
                    source.derived_from,
                    f"source {source.id!r} would derive from itself",
                )
            if upstream in seen:
                continue
            seen.add(upstream)
            found = pending.get(upstream) or self._sources.get(upstream)
            if found is not None:
                todo.extend(found.derived_from)

    def _resolve_refs(
        self, claim: Claim, batch: _Batch, errors: _Errors
    ) -> Claim:
        """
        Check the claim's actors and source exist; anchor its span fully.
        """
        relays = [
            (f"reported_by[{n}]", relay)
            for n, relay in enumerate(claim.reported_by)
        ]
        for field, actor_id in [("speaker", claim.speaker), *relays]:
            if actor_id not in self._actors and actor_id not in batch.actors:
                errors.errors.append(
                    UnknownActorError(field, actor_id, "no actor has this id")
                )
        changes: dict[str, Any] = {}
        if claim.source is not None:
            src = batch.sources.get(claim.source) or errors.attempt(
                self.source, claim.source
            )
            if src is not None and claim.span is not None:
                full = errors.attempt(src.check_span, claim.span)
                if full is not None and full != claim.span:
                    changes["span"] = full
        if claim.proposition is not None:
            canonical = errors.attempt(self._canonical, claim.proposition)
            if canonical is not None and canonical is not claim.proposition:
                changes["proposition"] = canonical
        return attrs.evolve(claim, **changes) if changes else claim

    def _canonical(self, proposition: Proposition) -> Proposition:
        subject = self._canonical_name(proposition.subject, "subject")
        obj = proposition.object
        if isinstance(obj, str):
            obj = self._canonical_name(obj, "object")
        if (subject, obj) == (proposition.subject, proposition.object):
            return proposition
        return attrs.evolve(proposition, subject=subject, object=obj)

    def _canonical_name(self, value: str, field: str) -> str:
        if value not in self._actors and name_key(value) not in self._names:
            return value  # a thing, not an actor: the common case, fast
        return self._actor_ref(value, f"proposition.{field}", None)

    def _store_claim(self, claim: Claim) -> None:
        self._claims[claim.id] = claim
        self._seq[claim.id] = len(self._seq)
        self._claim_list.append(claim)
        _add_to(self._by_speaker, claim.speaker, claim.id)
        if claim.source is not None:
            _add_to(self._by_source, claim.source, claim.id)
        if claim.proposition is not None:
            subject = claim.proposition.subject
            key = subject if subject in self._actors else name_key(subject)
            _add_to(self._by_subject, key, claim.id)
        for tag in claim.tags:
            _add_to(self._by_tag, fold(tag), claim.id)
        proposition = claim.proposition
        if proposition is not None:
            _add_to(
                self._by_predicate,
                predicate_key(proposition.predicate),
                claim.id,
            )
            for value in (proposition.subject, proposition.object):
                if isinstance(value, str) and value not in self._actors:
                    _add_to(self._by_entity, name_key(value), claim.id)
            self._index_fact(claim.id)

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

    # -- records and graphs ------------------------------------------------

    def to_records(self, what: str = "claims") -> list[dict[str, Any]]:
        """
        Return one kind of thing as rows of plain values, for pandas or csv.

        Each row is a dict of str, int, bool or None, with the columns of
        ``claimtrack.reports.COLUMNS[what]`` in order; several values in
        one column are joined by "; ". The documentation's "Reports and
        exports" page describes each column.

        Args:
            what: "claims", "evidence", "verdicts", "contradictions",
                "events", "sources" or "actors".

        Raises:
            InvalidValueError: For anything else.

        .. versionadded:: 0.1.0
        """
        return _records.records(self, what)

    def to_dataframe(self, what: str = "claims") -> Any:
        """
        Return `to_records` as a pandas ``DataFrame``, if pandas is there.

        Raises:
            MissingDependencyError: If pandas is not installed (also an
                `ImportError`).
            InvalidValueError: For an unknown *what*.

        .. versionadded:: 0.1.0
        """
        return _records.dataframe(self, what)

    def to_dot(self, *, claims: Iterable[str | Claim] | None = None) -> str:
        """
        Return the graph of support and contradiction as Graphviz DOT.

        A node per claim (its id, with its text, speaker, date and status
        as attributes); an edge per link between two claims: evidence from
        one for or against another (``relation`` "supports", "refutes" or
        "context"), and contradictions (``relation`` "contradicts", with
        their ``kind``, undirected).

        Args:
            claims: The claims (or ids) to include, with the links between
                them; all if omitted.

        Raises:
            UnknownClaimError: If a claim is not in the tracker.

        .. versionadded:: 0.1.0
        """
        return _records.to_dot(self, claims)

    def to_graphml(
        self, *, claims: Iterable[str | Claim] | None = None
    ) -> str:
        """
        Return the graph of `to_dot` as a GraphML document.

        Node ids are claim ids; every attribute is a declared ``<key>``.

        Raises:
            UnknownClaimError: If a claim is not in the tracker.

        .. versionadded:: 0.1.0
        """
        return _records.to_graphml(self, claims)


class _Unloaded(Tracker):
    """
    A tracker opened from a file, not read into memory yet.

    `claim`, `get` and `contradictions` of one claim read only the rows they
    need. Every other method first reads the whole file, and the tracker
    becomes a plain `Tracker`.
    """

    _closed: str | None = None  # the file's path, once closed unread

    def _load(self) -> None:
        if self.__class__ is not _Unloaded:
            return  # read already, by the call's arguments
        if self._store is None:
            raise StoreError(
                "path",
                self._closed,
                "the tracker was closed before it was read; open the file "
                "again",
            )
        self.__class__ = Tracker  # type: ignore[assignment]
        try:
            self.refresh()
        except BaseException:
            self._forget()
            raise

    def __repr__(self) -> str:
        if self.__class__ is not _Unloaded:
            return Tracker.__repr__(self)
        where = self._closed if self._store is None else self._store.path
        return f"<Tracker: {where}, not read yet>"

    def refresh(self) -> None:
        """
        Nothing to do: the file is read when it is needed.
        """

    def close(self) -> None:
        """
        Close the file; the tracker was not read, so it cannot be used.
        """
        if self._store is not None:
            self._closed = str(self._store.path)
        super().close()

    def claim(self, id: str) -> Claim:  # noqa: A002
        """
        The claim with this id, read from the file.
        """
        if _unread(self) and isinstance(id, str):
            found = self._read(_event_id(EventKind.CLAIM_ADDED, id))
            if isinstance(found, Claim):
                return found
        _Unloaded._load(self)
        return Tracker.claim(self, id)

    def get(self, id: str) -> Source | Actor | Claim:  # noqa: A002
        """
        The source, actor or claim with this id, read from the file.
        """
        if _unread(self) and isinstance(id, str):
            for kind in (
                EventKind.CLAIM_ADDED,
                EventKind.SOURCE_ADDED,
                EventKind.ACTOR_ADDED,
            ):
                found = self._read(_event_id(kind, id))
                if isinstance(found, Source | Actor | Claim):
                    return found
        _Unloaded._load(self)
        return Tracker.get(self, id)

    def contradictions(
        self,
        claim: str | Claim | None = None,
        **filters: Any,
    ) -> list[Contradiction]:
        """
        A claim's contradictions, from the file's indexes.
        """
        if _unread(self) and claim is not None and not filters:
            claim_id = claim if isinstance(claim, str) else claim.id
            with cast("_store.Store", self._store).reading():
                view = self._view(claim_id)
            if view is not None and (
                isinstance(claim, str) or view._claims[claim_id] == claim  # noqa: SLF001
            ):
                if view._alone(claim_id):  # noqa: SLF001
                    return []
                return [
                    view._explain(*pair)  # noqa: SLF001
                    for pair in view._conflicts_of(claim_id)  # noqa: SLF001
                ]
        _Unloaded._load(self)
        return Tracker.contradictions(self, claim, **filters)

    def _read(self, event_id: str) -> Payload | None:
        """
        The payload of an event in the file, unless a revision changed it.

        A claim or source added before its source's text was revised is
        read whole instead: the revision moved the spans.
        """
        store = cast("_store.Store", self._store)
        found = store.events_by_id([event_id]).get(event_id)
        if found is None:
            return None
        payload = found[1].payload
        source = payload.source if isinstance(payload, Claim) else None
        if isinstance(payload, Source):
            source = payload.id
        return None if store.revised([source]) else payload

    def _view(self, claim_id: str) -> Tracker | None:
        """
        A tracker holding just what a claim's contradictions are made of.

        The claim, the claims with a fact of its subject and predicate, the
        claims linked to it, their speakers and the actors they name, the
        links and the declared predicates: the same code then finds and
        explains the contradictions as it does for a whole tracker. None if
        the file has no such claim.
        """
        store = self._store
        assert store is not None  # noqa: S101 -- checked by the caller
        view = Tracker(policy=self.policy)
        wanted = [_event_id(EventKind.CLAIM_ADDED, claim_id)]
        key = store.fact(claim_id)
        if key is not None:
            members = []
            for other, fact in store.facts(*key):
                view._facts[other] = fact_from_json(fact)  # noqa: SLF001
                members.append(other)
            view._match[key] = members if len(members) > 1 else members[0]  # noqa: SLF001
            wanted.extend(_event_id(EventKind.CLAIM_ADDED, m) for m in members)
        links = store.links(claim_id)
        for other, kind, ids in links:
            wanted.append(_event_id(EventKind.CLAIM_ADDED, other))
            if kind == ContradictionKind.EXPLICIT.value:
                linked = EventKind.CONTRADICTION_ADDED
            else:
                linked = EventKind.EVIDENCE_ADDED
                refuting = view._refuting.setdefault(claim_id, {})  # noqa: SLF001
                refuting[other] = json.loads(ids)
            wanted.extend(_event_id(linked, i) for i in json.loads(ids))
        found = store.events_by_id(wanted)
        if wanted[0] not in found:
            return None
        names = {
            name
            for seq, event in found.values()
            for name in view._hold(seq, event.payload)  # noqa: SLF001
        }
        for _, event in store.events_by_id(
            _event_id(EventKind.ACTOR_ADDED, name) for name in names
        ).values():
            view._apply_event(event)  # noqa: SLF001
        for event in store.declared():
            view._registry.add(cast("Predicate", event.payload))  # noqa: SLF001
        return view


def _unread(tracker: Tracker) -> bool:
    """
    Whether the tracker's file is open and not read yet.

    A call's arguments may read it (``t.contradictions(t.claims()[0])``)
    after the call's method was looked up.
    """
    return tracker.__class__ is _Unloaded and tracker._store is not None  # noqa: SLF001


def _loading(method: Callable[..., _R]) -> Callable[..., _R]:
    @functools.wraps(method)
    def load_first(self: _Unloaded, *args: Any, **kwargs: Any) -> _R:
        self._load()
        return method(self, *args, **kwargs)

    return load_first


_READ_LAZILY = {
    "claim",
    "get",
    "contradictions",
    "refresh",
    "close",
    "__getitem__",
    "__repr__",
}
for _name, _value in list(vars(Tracker).items()):
    if (
        inspect.isfunction(_value)
        and _name not in _READ_LAZILY
        and (not _name.startswith("_") or _name.endswith("__"))
        and _name not in {"__init__", "__enter__", "__exit__"}
    ):
        setattr(_Unloaded, _name, _loading(_value))


def _event_id(kind: EventKind, payload_id: str) -> str:
    return f"{kind.value}:{payload_id}"


def _contradiction_kind(value: object) -> ContradictionKind:
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


def _ordered(
    first: str, second: str, how: ContradictionKind, seq: dict[str, int]
) -> tuple[str, str, ContradictionKind]:
    if seq[second] < seq[first]:
        first, second = second, first
    return (first, second, how)


def _overlap_words(a: Fact, b: Fact) -> str:
    low, high = max(a.low, b.low), min(a.high, b.high)
    if (low, high) == (OPEN_LOW, OPEN_HIGH):
        return ""  # both always hold
    # A valid time is a When or always: one bounded side bounds both ends.
    span = When.between(dt.date.fromordinal(low), dt.date.fromordinal(high))
    on = "on" if span.precision is Precision.DAY else "in"
    return f", both holding {on} {span.describe()}"


def _stance(value: object) -> Stance:
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


def _site(url: str) -> str:
    host = urllib.parse.urlsplit(url).hostname or url
    return host.removeprefix("www.")


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


def _whose(key: _SpanKey) -> str:
    claim, evidence, item = key
    if evidence is None:
        return f"claim {claim!r}"
    return f"evidence {evidence!r} [{item}] on claim {claim!r}"
