"""
The Tracker: the façade a user works with.

A `Tracker` turns what users pass (ids, names and aliases, dates in words,
quotes, spans) into events, has the engine check them against its state,
and appends them to its journal. It never knows which journal it has: a
`MemoryJournal` for ``Tracker()``, an `SqliteJournal` for
``Tracker.open(path)``, or one the caller gives.

Over a journal that already holds events, nothing is read until needed:
`claim`, `get` and `contradictions` of one claim read only the rows they
need (`claimtrack._lookups`); any other use reads the journal into memory
once. A write takes the journal's write lock, catches up with what other
writers appended, checks its change against that state and appends it at
the position it expects: a change is never applied to a state its writer
had not seen.

The read side is `Queries` (``_queries``). This module is over 800 lines
because it is the write side of the public API with its documentation:
each method resolves its arguments (``_arguments``), makes events and
queues them; the checking and applying is the engine's.
"""

from __future__ import annotations

import datetime as dt  # noqa: TC003 -- the docs resolve the signatures
import functools
from collections.abc import (
    Callable,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
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

from claimtrack import _accepting as accepting
from claimtrack import _arguments as args
from claimtrack import _scales
from claimtrack._anchor import MIN_SCORE, Revision, check_min_score
from claimtrack._arguments import ADD_CLAIM_KEYS, Batch, DateLike, Errors
from claimtrack._codec import MAX_BYTES
from claimtrack._contradictions import Contradiction, ContradictionKind
from claimtrack._engine import (
    Changes,
    State,
    WholeStateNeeded,
    _conflicts,
    _revisions,
)
from claimtrack._events import Event, EventKind, Payload
from claimtrack._evidence import (
    Evidence,
    Policy,
    Retraction,
    Stance,
    Verdict,
)
from claimtrack._journals import (
    Journal,
    MemoryJournal,
    open_journal,
    wait_for,
)
from claimtrack._models import Actor, Claim, Source
from claimtrack._predicates import Predicate
from claimtrack._queries import Queries
from claimtrack._trusted import collector_paused, trusted
from claimtrack._validators import instance_of, optional
from claimtrack.exceptions import (
    ClaimtrackError,
    DuplicateIdError,
    InvalidTypeError,
    InvalidValueError,
    _relocate,
)


if TYPE_CHECKING:
    import os
    from decimal import Decimal

    from claimtrack._models import Proposition, Span
    from claimtrack._statement import Statement


__all__ = ["DateLike", "Tracker"]

_P = ParamSpec("_P")
_R = TypeVar("_R")


_EVENT = trusted(Event)
"""Make an event of checked parts, without checking them again."""

_BULK = frozenset({"_add_claims", "merge", "_replay"})
"""Writes that make many objects at once: the cyclic collector is paused
(`collector_paused`)."""

_WHOLE = frozenset({"declare", "revise"})
"""Writes that need the whole state: they re-read every claim of a
predicate, or move every span on a source."""


def _writes(
    method: Callable[Concatenate[Tracker, _P], _R],
) -> Callable[Concatenate[Tracker, _P], _R]:
    """
    Make a method that changes a tracker write through its journal.

    The journal's write lock is taken first. A tracker that has read its
    journal applies what other writers appended since; one that has not
    works on a partial state read inside the lock, which is current by
    construction. The method's checked events are queued, then applied,
    and appended with the state they changed at the position the tracker
    expects. If anything fails, the journal is left as it was and so is
    the tracker (a tracker that had read its journal forgets its state and
    reads it again when next used).
    """
    if method.__name__ in _BULK:
        plain = _writing(method)

        @functools.wraps(method)
        def bulk(self: Tracker, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
            with collector_paused():
                return plain(self, *args, **kwargs)

        return bulk
    return _writing(method)


def _writing(
    method: Callable[Concatenate[Tracker, _P], _R],
) -> Callable[Concatenate[Tracker, _P], _R]:
    @functools.wraps(method)
    def write(self: Tracker, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        self._writable()  # a closed tracker refuses before anything
        call = functools.partial(method, self, *args, **kwargs)
        if self._state is None and method.__name__ not in _WHOLE:
            try:
                return self._write(call, partial=True)
            except WholeStateNeeded:
                pass  # read the journal whole, and do it again
        return self._write(call, partial=False)

    return write


def _append(
    journal: Journal,
    state: State,
    events: list[Event],
    position: int,
    changes: Changes | None,
) -> int:
    """
    Append a write's events, with the state rows they changed if kept.
    """
    if changes is None:
        return journal.append(events, expected=position)
    facts, links = state.rows(changes)
    return journal.append(
        events,
        expected=position,
        facts=facts,
        links=links,
        entities=changes.entities,
        names=changes.names,
    )


class Tracker(Queries):
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

    The events live in a journal (`claimtrack.journals`): a new
    `MemoryJournal` unless one is given. Several trackers may share one;
    each write catches up with what the others appended first.

    Args:
        policy: How status is derived from evidence (`Policy`); for a
            journal that has one, it must be the journal's, or be omitted.
        journal: Where the events live; a new journal in memory if
            omitted. A tracker over a journal that holds events reads it
            only as far as each call needs, until a call needs all of it.

    Raises:
        InvalidTypeError: If *policy* is not a `Policy`.
        ConflictError: If *policy* differs from the journal's.

    .. versionadded:: 0.1.0
    """

    def __init__(
        self, *, policy: Policy | None = None, journal: Journal | None = None
    ) -> None:
        if policy is not None:
            instance_of(Policy)(self, "policy", policy)
        self._pending: list[Event] | None = None  # a write's events, queued
        self._applied = 0  # how many of them were applied at once
        self._position = 0  # the journal's position the state is at
        self._closed: str | None = None  # where the journal was, once closed
        # The state, or None while the journal is not read yet.
        self._state: State | None = None
        if journal is None:
            journal = MemoryJournal()
            self._state = State()  # a new journal: nothing to read
        self.policy = journal.prepare(policy)
        self._journal: Journal | None = journal

    def __repr__(self) -> str:
        state = self._state
        if state is None:
            if self._journal is None:
                return f"<Tracker: {self._closed}, closed>"
            return f"<Tracker: {self._journal.where}, not read yet>"
        return (
            f"<Tracker: {len(state.sources)} sources, "
            f"{len(state.actors)} actors, {len(state.claims)} claims>"
        )

    # -- the state and the journal ------------------------------------------

    def _writable(self) -> Journal:
        """
        The journal, to write to; a closed tracker refuses writes.
        """
        if self._journal is None:
            raise self._refused()
        return self._journal

    def _commit(self, event: Event) -> None:
        """
        Queue a checked event for the write under way.
        """
        assert self._pending is not None  # noqa: S101 -- only in a write
        self._pending.append(event)

    def _commit_now(self, state: State, event: Event) -> None:
        """
        Apply a checked event at once, and queue it.

        For a write whose next checks depend on it (`merge`).
        """
        assert self._pending is not None  # noqa: S101 -- only in a write
        state.apply(event)
        self._pending.append(event)
        self._applied += 1

    def _write(self, call: Callable[[], _R], *, partial: bool) -> _R:
        """
        Run a write: lock, catch up or read in part, check, apply, append.
        """
        if partial:
            journal = self._writable()
            journal.begin(None)
            try:
                position, state = self._partial(journal)
            except BaseException:
                journal.rollback()
                raise
            self._current = state
        else:
            state = self._whole()
            journal = self._writable()
            for position, event in journal.begin(self._position):
                state.apply(event)
                self._position = position
            position = self._position
        self._pending, self._applied = [], 0
        changes = Changes() if journal.keeps_rows else None
        state.changes = changes
        applying = False
        try:
            try:
                result = call()
                pending = self._pending
            finally:
                self._pending = None
            if not pending:
                journal.rollback()
                return result
            applying = True
            for event in pending[self._applied :]:
                state.apply(event)
            position = _append(journal, state, pending, position, changes)
        except BaseException:
            journal.rollback()
            if partial:
                self._cached = None  # it may hold what was not written
            elif applying or self._applied:
                self._forget()  # the journal holds the state as it was
            raise
        finally:
            state.changes = None
            self._current = None
        self._position = position
        if partial:
            self._cached = (position, state)  # what the journal now holds
        return result

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
        state = self._here()
        event = self._event(EventKind.SOURCE_ADDED, source, by, at)
        if state.check(event):
            self._commit(event)
        return state.sources.get(source.id, source)

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
        state = self._here()
        event = self._event(EventKind.ACTOR_ADDED, actor, by, at)
        if state.check(event):
            self._commit(event)
        return state.actors.get(actor.id, actor)

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
        author = args.author(by, at)
        state = self._here()
        batch = Batch()
        claim = args.prepare(
            state,
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
        stored = args.settle(state, claim, batch)
        self._commit_batch(batch, author)
        return stored

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
        stored, or given twice, is returned as stored. The items are taken
        once, before anything is written: a generator is read whole first.

        Returns:
            The stored claims, in the order given.

        Raises:
            InvalidTypeError: If *claims* is not an iterable of items (a
                single claim or mapping, a str, a number, None).
            ClaimtrackError: The first item's error, its field prefixed
                with the item's place: ``claims[3].speaker``.

        .. versionadded:: 0.1.0
        """
        # Read whole before the write: a write done again (on a state read
        # whole, after a partial one) must see every item again.
        items = tuple(_each(claims, "claims", "claims", (Claim,)))
        return self._add_claims(items, by=by, at=at)

    def add_statements(
        self,
        statements: Iterable[Statement],
        *,
        by: str | None = None,
        at: dt.datetime | str | None = None,
    ) -> list[Claim]:
        """
        Accept statements found in text: each becomes a claim, all or none.

        A statement's claim has its words (without quotation marks) as
        text, its span, and its speaker, added along with it if it was
        proposed from the text. It was said when the statement's date
        words say, read against the source's publication date ("on
        Monday"), else on the source's date. It was relayed by the wire
        services the source derives from and then by its publisher, as far
        as they name the tracker's actors. Statements not given are simply
        not added; accepting one twice returns the claim already stored.

        Args:
            statements: `Statement` candidates from `find_statements`.
            by: Who accepted them, for the history.
            at: When they were accepted: an aware datetime or ISO string;
                now if omitted.

        Returns:
            The stored claims, in the order given.

        Raises:
            InvalidTypeError: If *statements* is not an iterable of
                `Statement`.
            UnknownSourceError: If a statement's source is not here.
            ClaimtrackError: The first statement's error, its field
                prefixed with its place: ``statements[2].span``.

        .. versionadded:: 0.2.0
        """
        items = tuple(accepting.claim_items(self._here(), statements))
        return self._add_claims(items, by=by, at=at, where="statements")

    @_writes
    def _add_claims(
        self,
        items: Sequence[Claim | Mapping[str, Any]],
        *,
        by: str | None,
        at: dt.datetime | str | None,
        where: str = "claims",
    ) -> list[Claim]:
        """
        Add the items of `add_claims`, in one write.

        Errors name each item's place in *where*.
        """
        author = args.author(by, at)
        state = self._here()
        batch = Batch()
        results = []
        for index, item in enumerate(items):
            try:
                if isinstance(item, Claim):
                    claim = args.prepare_whole(state, item, batch)
                elif isinstance(item, Mapping):
                    arguments = dict(item)
                    if not ADD_CLAIM_KEYS.issuperset(arguments):
                        unknown = sorted(set(arguments) - ADD_CLAIM_KEYS)
                        raise InvalidValueError(
                            unknown[0],
                            arguments[unknown[0]],
                            "is not an argument of add_claim",
                        )
                    claim = args.prepare(
                        state, arguments.pop("text", None), batch, **arguments
                    )
                else:
                    raise InvalidTypeError(
                        "claim",
                        item,
                        "must be a Claim or a mapping of add_claim's "
                        "arguments",
                    )
                results.append(args.settle(state, claim, batch))
            except ClaimtrackError as exc:
                raise _relocate(exc, f"{where}[{index}]") from exc
        self._commit_batch(batch, author)
        return results

    def _commit_batch(
        self, batch: Batch, author: tuple[str | None, dt.datetime]
    ) -> None:
        """
        Queue a checked batch: actors, then sources, then claims.
        """
        args.check_batch(self._here(), batch)
        by, when = author
        # Every check has passed: from here on nothing can fail. The
        # events are made of checked models and a checked author.
        event = _EVENT
        pending = self._pending
        assert pending is not None  # noqa: S101 -- only in a write
        for kind, items in (
            (EventKind.ACTOR_ADDED, batch.actors),
            (EventKind.SOURCE_ADDED, batch.sources),
            (EventKind.CLAIM_ADDED, batch.claims),
        ):
            if items:
                pending += [
                    event(kind, item, by=by, at=when)
                    for item in items.values()
                ]

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
        state = self._here()
        errors = Errors("corroborate")
        target = errors.attempt(state.claim_id, claim, "claim")
        items = errors.attempt(args.citations, state, evidence)
        kind = errors.attempt(args.stance, stance)
        author = errors.attempt(args.author, by, at)
        errors.attempt(optional(instance_of(str)), self, "note", note)
        errors.raise_any()
        evidence_id = Evidence.make_id(target, kind, items)
        stored = state.evidence_ids.get(evidence_id)
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
        state = self._here()
        errors = Errors("rate")
        target = errors.attempt(state.claim_id, claim, "claim")
        chosen = errors.attempt(_scales.get, scale)
        rating = None
        if chosen is not None:
            rating = errors.attempt(chosen.rate, label)
        author = errors.attempt(args.author, by, at)
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
        stored = state.verdicts.get(target, {}).get(verdict.id)
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
        state = self._here()
        errors = Errors("retract")
        target = errors.attempt(state.claim_id, claim, "claim")
        author = errors.attempt(args.author, by, at)
        errors.attempt(optional(instance_of(str)), self, "note", note)
        errors.raise_any()
        if target in state.retractions:
            return state.retractions[target]
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
        state = self._here()
        event = self._event(EventKind.PREDICATE_DECLARED, predicate, by, at)
        if state.check(event):
            self._commit(event)
        return state.registry.get(predicate.name) or predicate

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
        state = self._here()
        errors = Errors("contradict")
        first = errors.attempt(state.claim_id, claim, "claim")
        second = errors.attempt(state.claim_id, other, "other")
        author = errors.attempt(args.author, by, at)
        errors.attempt(optional(instance_of(str)), self, "note", note)
        errors.raise_any()
        if first == second:
            raise InvalidValueError(
                "other", second, "a claim does not contradict itself"
            )
        existing = state.explicit.get(first, {}).get(second)
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
        return _conflicts.explain(
            state, first, second, ContradictionKind.EXPLICIT, link=existing
        )

    # -- history -----------------------------------------------------------

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
        state = self._here()
        checked, held = _checked(state, event)
        if checked is not None:
            self._commit(checked)
        return held

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
        state = self._here()
        errors = Errors("revise")
        found = errors.attempt(args.source_ref, state, source, None)
        errors.attempt(instance_of(str), self, "text", text)
        errors.attempt(check_min_score, min_score)
        author = errors.attempt(args.author, by, at)
        errors.raise_any()
        if text == found.text:
            return _revisions.latest(state, found)
        number = len(state.revisions.get(found.id, ())) + 1
        revision = Revision(
            found.id,
            number,
            text,
            spans=_revisions.reanchor_all(state, found, text, min_score),
            min_score=min_score,
            by=author[0],
            at=author[1],
        )
        event = Event(
            EventKind.SOURCE_REVISED, revision, by=author[0], at=author[1]
        )
        state.check(event)
        self._commit(event)
        return revision

    # -- journals ----------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        policy: Policy | None = None,
        timeout: float = 5.0,
        create: bool = True,
        read_only: bool = False,
    ) -> Tracker:
        """
        Open the tracker kept in an SQLite file, or in PostgreSQL.

        *path* is a file, or a ``postgresql://`` (``postgres://``) URL:
        the tracker named by its ``?tracker=`` parameter (``default`` if
        none) in that database, shared live by a team (see :doc:`team`;
        psycopg must be installed: ``claimtrack[postgres]``). Either is
        created if need be.

        The tracker works as one in memory, and every change is written to
        the file in one transaction, committed before the call returns.
        Before writing, it reads what other processes committed; `refresh`
        does so on demand. Use it as a context manager, or `close` it.

        Opening reads nothing but the file's format and policy. Questions
        about a few claims (`claim`, `status`, `history`, `contradictions`
        of one claim, a speaker's `claims`, ...) and small writes read only
        the rows they need, through the file's indexes; the first use that
        needs everything (`claims()`, `len`, `events`, `declare`, ...)
        reads the file into memory.

        A new file is made in an existing folder only, never in a folder
        made on the way, and with the user's usual permissions (0o666 less
        the umask), as a file saved by any other program. An empty file is
        made a store only if *create* allows it.

        Opening takes no lock: only a write does. A store opened with
        *read_only*, or a file the user may read but not write, answers
        every question, and every change raises `ReadOnlyStoreError` and
        changes nothing.

        Args:
            path: The file.
            policy: The policy of a new file; for an existing file it must
                be the file's, or be omitted.
            timeout: How many seconds to wait for another writer: a number
                from 0 to a day (86,400).
            create: False to open an existing store only: a missing file
                is then a `MissingFileError`, an empty one an
                `EmptyStoreError`, and nothing is created.
            read_only: True to read the store and never write it.

        Raises:
            MissingFileError: If the file's folder does not exist, or the
                file does not and *create* is False (also a
                `FileNotFoundError`).
            EmptyStoreError: If the file is empty and *create* is False.
            IsAFolderError: If *path* is a folder.
            DamagedStoreError: If the file's format rows are damaged.
            StoreError: If the file cannot be opened, or is not SQLite.
            InvalidDocumentError: If the file is not a claimtrack store, or
                was written by a newer version of claimtrack.
            InvalidTypeError: If an argument is of the wrong type; nothing
                is created.
            InvalidValueError: If *path* cannot name a file (empty, a NUL
                in it), or *timeout* is negative, NaN, infinite or over a
                day; nothing is created.

        .. versionadded:: 0.1.0
        .. versionchanged:: 0.1.0
           *read_only*.
        """
        if policy is not None:  # before a new file is made for nothing
            instance_of(Policy)(cls, "policy", policy)
        journal = open_journal(
            path, timeout=timeout, create=create, read_only=read_only
        )
        try:
            return cls(policy=policy, journal=journal)
        except BaseException:
            journal.close()
            raise

    def refresh(self) -> None:
        """
        Apply what other writers appended to the tracker's journal.

        Other processes writing the same file, or other trackers sharing
        one journal in memory. A tracker whose journal is not read yet
        reads it when first used, and a write catches up by itself; a
        tracker no one else writes to has nothing to read.

        Raises:
            ClosedStoreError: If the tracker is closed.

        .. versionadded:: 0.1.0
        """
        state, journal = self._state, self._journal
        if journal is None:
            raise self._refused()
        if state is not None:
            for position, event in journal.read(self._position):
                state.apply(event)
                self._position = position

    def follow(self, timeout: float = 1.0) -> list[Event]:
        """
        Wait for other writers' events; apply them and return them.

        Returns as soon as the journal holds events the tracker has not
        read, or after *timeout* seconds with none (an empty list). A
        tracker over PostgreSQL is woken by the commit itself (LISTEN /
        NOTIFY); one over another journal asks it every 50 ms. A tracker
        not read yet reads its journal first. What this tracker's own
        writes caught up with is applied by them, and not returned here:
        `events` holds it.

        Raises:
            ClosedStoreError: If the tracker is closed.

        .. versionadded:: 0.2.0
        """
        state, journal = self._whole(), self._writable()
        wait_for(journal, self._position, timeout)
        found = journal.read(self._position)
        for position, event in found:
            state.apply(event)
            self._position = position
        return [event for _, event in found]

    def close(self) -> None:
        """
        Close the tracker's journal; closing it again does nothing.

        A closed tracker refuses every call after, reads as well as writes,
        with a `ClosedStoreError` naming its store, whatever it had read:
        nothing it answers could be stale, and nothing it is given is lost.
        A ``with`` block closes the tracker at its end.

        .. versionadded:: 0.1.0
        """
        journal = self._journal
        if journal is not None:
            self._closed = journal.where
            self._journal = None
            self._state = self._current = self._cached = None
            self._position = 0
            journal.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- documents ---------------------------------------------------------

    @classmethod
    def from_json(
        cls, text: str | bytes, *, max_bytes: int = MAX_BYTES
    ) -> Tracker:
        """
        Read a tracker from a JSON document written by `to_json` or `dump`.

        Every event is checked as the method that made it would check it; a
        document wrong anywhere is refused whole.

        Raises:
            InvalidDocumentError: Naming the JSON path of the fault (and the
                line, for text that is not JSON or nests too deep).
            DocumentTooLargeError: If the document is over *max_bytes*.
            InvalidTypeError: If *text* is not str or bytes, or *max_bytes*
                not an int.
            ClaimtrackError: Any error an event would raise, at its path.

        .. versionadded:: 0.1.0
        """
        from claimtrack import _serialize  # noqa: PLC0415

        return _serialize.from_json(
            text,
            lambda e, p: cls.from_events(e, policy=p),
            max_bytes=max_bytes,
        )

    @classmethod
    def load(
        cls,
        path: str | os.PathLike[str],
        *,
        max_bytes: int = MAX_BYTES,
    ) -> Tracker:
        """
        Read a tracker from a file written by `dump`.

        A file over *max_bytes* is refused before it is read.

        Raises:
            MissingFileError: If there is no such file (also a
                `FileNotFoundError`).
            IsAFolderError: If *path* is a folder (also an
                `IsADirectoryError`).
            StoreError: If the file cannot be read (one not readable).
            InvalidDocumentError: As for `from_json`, at the JSON path of
                the fault.
            DocumentTooLargeError: If the file is over *max_bytes*.
            InvalidTypeError: If *path* is not a path.

        .. versionadded:: 0.1.0
        """
        from claimtrack import _serialize  # noqa: PLC0415

        return _serialize.load(
            path,
            lambda e, p: cls.from_events(e, policy=p),
            max_bytes=max_bytes,
        )

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
        state = self._here()
        theirs = other.events()
        have = self._events_by_id([event.id for event in theirs])
        missing = []
        for index, event in enumerate(theirs):
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
        added = []
        for index, event in missing:
            try:
                checked, _ = _checked(state, event)
            except ClaimtrackError as exc:
                raise _relocate(exc, f"events[{index}]") from exc
            # Its id is not this tracker's, so it is new: apply it at once,
            # for the next events' checks.
            self._commit_now(state, cast("Event", checked))
            added.append(cast("Event", checked))
        return added

    def _events_by_id(self, ids: list[str]) -> dict[str, Event]:
        """
        This tracker's events with these ids.
        """
        if self._current is not None and self._journal is not None:
            found = self._journal.events_by_id(ids)
            return {key: event for key, (_, event) in found.items()}
        return {event.id: event for event in self.events()}

    @classmethod
    def from_events(
        cls, events: Iterable[Event], *, policy: Policy | None = None
    ) -> Tracker:
        """
        Build a tracker by applying *events* in order, in one write.

        Replaying a tracker's own events gives an equal tracker; an event
        given twice is applied once.

        Raises:
            InvalidTypeError: If *events* is not an iterable of events.
            ClaimtrackError: The first event's error.

        .. versionadded:: 0.1.0
        """
        items = _each(events, "events", "events", (Event,))
        tracker = cls(policy=policy)
        tracker._replay(items)
        return tracker

    @_writes
    def _replay(self, events: Iterable[Event]) -> None:
        """
        Apply *events* in order, in one write: all of them, or none.
        """
        state = self._here()
        for event in events:
            instance_of(Event)(self, "event", event)
            checked, _ = _checked(state, event)
            if checked is not None:  # else held already: nothing changes
                self._commit_now(state, checked)

    # -- reading -----------------------------------------------------------

    # -- events ------------------------------------------------------------

    def _event(
        self,
        kind: EventKind,
        payload: Payload,
        by: str | None,
        at: dt.datetime | str | None,
    ) -> Event:
        by, when = args.author(by, at)
        return Event(kind, payload, by=by, at=when)


def _each(
    value: object, field: str, what: str, single: tuple[type, ...]
) -> Iterator[Any]:
    """
    An iterator over the items *value* holds, or refuse it, naming *field*.

    A str, bytes, a mapping and a lone item (of a type in *single*) are
    refused too: each can be iterated over, but does not hold items.
    """
    if isinstance(value, (str, bytes, Mapping, *single)):
        raise InvalidTypeError(
            field,
            value,
            f"must be an iterable of {what} (a list, say), not one "
            f"{type(value).__name__}; put it in a list",
        )
    try:
        return iter(value)  # type: ignore[call-overload,no-any-return]
    except TypeError:
        raise InvalidTypeError(
            field,
            value,
            f"must be an iterable of {what} (a list, say), "
            f"not {type(value).__name__}",
        ) from None


def _checked(state: State, event: Event) -> tuple[Event | None, Payload]:
    """
    An event checked against *state* as `Tracker.apply` takes it.

    Returns:
        The event to apply (its names resolved), or None if the state
        holds it already; and what the state will hold for its payload.
    """
    known = state.applied_before(event)
    if known is not None:
        return None, known
    payload = event.payload
    if isinstance(payload, Claim):
        if state.claims.get(payload.id) == payload:
            # Applied already: its names are not read again, as actors
            # added since may have made them mean someone else.
            return None, payload
        errors = Errors("apply")
        resolved = args.resolve_refs(state, payload, Batch(), errors)
        errors.raise_any()
        event = attrs.evolve(event, payload=resolved)
    elif isinstance(payload, Evidence):
        items = args.citations(state, list(payload.items))
        event = attrs.evolve(event, payload=attrs.evolve(payload, items=items))
    if state.check(event):
        return event, event.payload
    return None, state.stored(event)
