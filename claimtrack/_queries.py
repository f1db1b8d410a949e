"""
What a tracker answers: the read side of the façade.

`Queries` holds a tracker's state over its journal and every question a
user asks of it: claims by speaker, subject, source, date, text or tag;
status and support; evidence, verdicts and retractions; contradictions;
history; and the tracker as a JSON document, records and graphs. Over a
journal not read yet, the questions about a few claims (the `point`
methods) read only the rows they need, on a partial state
(`claimtrack._lookups`); a question about everything reads the journal
into memory once. The write side, `Tracker`, builds on it.

Over 800 lines because it is the read side of the public API with its
documentation; each method resolves its arguments and calls the engine.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from claimtrack import _arguments as args
from claimtrack import _lookups
from claimtrack._arguments import Errors
from claimtrack._engine import State, WholeStateNeeded, _conflicts, _support
from claimtrack._evidence import Policy
from claimtrack._models import Actor, Claim, Source
from claimtrack._text import fold
from claimtrack._trusted import collector_paused
from claimtrack._validators import instance_of, optional
from claimtrack.exceptions import (
    ClosedStoreError,
    NotFoundError,
    UnknownClaimError,
)


if TYPE_CHECKING:
    import datetime as dt
    import os
    from collections.abc import Callable, Iterable, Iterator

    from claimtrack._anchor import Reanchored, Revision
    from claimtrack._arguments import DateLike
    from claimtrack._contradictions import Contradiction, ContradictionKind
    from claimtrack._events import Event
    from claimtrack._evidence import (
        Evidence,
        Retraction,
        Status,
        Support,
        Verdict,
    )
    from claimtrack._journals import Journal
    from claimtrack._predicates import Predicate


__all__ = ["Queries", "point"]

_Q = TypeVar("_Q", bound="Queries")
_P = ParamSpec("_P")
_R = TypeVar("_R")


def point(
    method: Callable[Concatenate[_Q, _P], _R],
) -> Callable[Concatenate[_Q, _P], _R]:
    """
    Make a method about a few claims read only what it needs.

    Over a journal not read yet, the method runs on a partial state read
    from the journal in one snapshot (`claimtrack._lookups.partial`);
    otherwise on the whole state. The partial state is dropped after.
    """

    @functools.wraps(method)
    def read(self: _Q, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        journal = self._journal
        if (
            self._current is not None
            or self._state is not None
            or journal is None
        ):
            return method(self, *args, **kwargs)
        with journal.reading():
            self._current = self._partial(journal)[1]
            try:
                return method(self, *args, **kwargs)
            except WholeStateNeeded:
                pass  # what a revision changed: read the journal whole
            finally:
                self._current = None
        return method(self, *args, **kwargs)

    return read


class Queries:
    """
    A tracker's state over its journal, and the questions it answers.

    `Tracker` is the class users make; this is its read side.
    """

    policy: Policy
    _state: State | None  # None while the journal is not read yet
    _journal: Journal | None  # None once closed
    _closed: str | None  # where the journal was, once closed
    _position: int  # the journal's position the state is at
    # The partial state of the operation under way, if it reads the
    # journal only as far as it needs (see `claimtrack._lookups`).
    _current: State | None = None
    # The last partial state read, and the journal's position it is of:
    # the next operation at that position goes on with it.
    _cached: tuple[int, State] | None = None

    __hash__ = None  # type: ignore[assignment]  # trackers change

    def _refused(self) -> ClosedStoreError:
        """
        The error a closed tracker raises, whatever it is asked.
        """
        return ClosedStoreError(
            "store",
            self._closed,
            "the tracker is closed: it answers nothing and changes "
            "nothing; open the store again to use it",
        )

    def _whole(self) -> State:
        """
        The whole state, read from the journal if it was not yet.

        A closed tracker has no state (`close` drops it): it refuses.
        """
        state = self._state
        if state is None:
            journal = self._journal
            if journal is None:
                raise self._refused()
            state = State()
            position = 0
            with collector_paused():  # a bulk read: see collector_paused
                for position, event in journal.read(0):  # noqa: B007
                    state.apply(event)
            self._state, self._position = state, position
            self._cached = None
        return state

    def _forget(self) -> None:
        """
        Drop the state: it is read from the journal when next needed.
        """
        self._state = None
        self._position = 0

    def _partial(self, journal: Journal) -> tuple[int, State]:
        """
        The journal's position, and a partial state of it there.

        The last one made, if the journal has not moved on since.
        """
        position = journal.last()
        cached = self._cached
        if cached is None or cached[0] != position:
            cached = self._cached = (
                position,
                _lookups.partial(journal, position),
            )
        return cached

    def _here(self) -> State:
        """
        The state an operation on a few claims works on.

        The partial state of the operation under way, if there is one;
        otherwise the whole state.
        """
        return self._current or self._whole()

    def __len__(self) -> int:
        return len(self._whole().claims)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Queries):
            return NotImplemented
        return (self.policy, self.events()) == (other.policy, other.events())

    def __iter__(self) -> Iterator[Claim]:
        return iter(list(self._whole().claims.values()))

    @point
    def __contains__(self, item: object) -> bool:
        state = self._here()
        if isinstance(item, Source | Actor | Claim):
            return state.lookup(item.id) == item
        return isinstance(item, str) and state.lookup(item) is not None

    def __getitem__(self, id: str) -> Source | Actor | Claim:  # noqa: A002
        return self.get(id)

    @property
    def position(self) -> int:
        """
        Where in its journal the tracker is: the last event read or written.

        Reading the journal moves it to the journal's end, as `refresh`
        does; each write moves it to the last event the write appended. A
        tracker that has neither read nor written is at 0. Over a journal
        only this tracker writes, it is the number of events.

        Raises:
            ClosedStoreError: If the tracker is closed.

        .. versionadded:: 0.1.0
        """
        if self._journal is None:
            raise self._refused()
        return self._position

    @point
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
        state = self._here()
        target = state.claim_id(claim, "claim")
        if policy is not None:
            instance_of(Policy)(self, "policy", policy)
        return _support.status(state, target, policy or self.policy)

    @point
    def derived_status(
        self, claim: str | Claim, *, policy: Policy | None = None
    ) -> Status:
        """
        Return the status that *claim*'s evidence gives, verdicts aside.

        .. versionadded:: 0.1.0
        """
        instance_of(Policy)(self, "policy", policy or self.policy)
        state = self._here()
        target = state.claim_id(claim, "claim")
        return _support.derived(state, target, policy or self.policy)

    @point
    def support(self, claim: str | Claim) -> Support:
        """
        Explain *claim*'s support: lineages, what was set aside, and why.

        The lineages are independent; evidence set aside is listed with its
        reason, and refuting and context evidence by id.

        .. versionadded:: 0.1.0
        """
        state = self._here()
        return _support.support(state, state.claim_id(claim, "claim"))

    @point
    def evidence(self, claim: str | Claim) -> list[Evidence]:
        """
        Return the evidence on *claim*, in the order it was added.

        .. versionadded:: 0.1.0
        """
        state = self._here()
        target = state.claim_id(claim, "claim")
        return list(state.evidence.get(target, {}).values())

    @point
    def verdicts(self, claim: str | Claim) -> list[Verdict]:
        """
        Return the verdicts on *claim*, in the order they were set.

        .. versionadded:: 0.1.0
        """
        state = self._here()
        target = state.claim_id(claim, "claim")
        return list(state.verdicts.get(target, {}).values())

    @point
    def verdict(self, claim: str | Claim) -> Verdict | None:
        """
        Return the verdict that counts: the latest that judges, or None.

        .. versionadded:: 0.1.0
        """
        state = self._here()
        return _support.verdict(state, state.claim_id(claim, "claim"))

    @point
    def retraction(self, claim: str | Claim) -> Retraction | None:
        """
        Return *claim*'s retraction, if it was retracted.

        .. versionadded:: 0.1.0
        """
        state = self._here()
        return state.retractions.get(state.claim_id(claim, "claim"))

    @point
    def predicates(self) -> list[Predicate]:
        """
        Return the declared predicates, in the order declared.

        .. versionadded:: 0.1.0
        """
        return list(self._here().registry)

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
        state = self._current or self._state
        if (
            claim.__class__ is str
            and state is not None
            and speaker is None
            and kind is None
            and said_between is None
            and same_speaker is None
            and claim in state.claims
        ):  # the plain lookup, on a state at hand: the common case, fast
            return _conflicts.explained(state, claim)
        if claim is None:
            return self._contradictions(
                self._whole(),
                None,
                speaker=speaker,
                kind=kind,
                said_between=said_between,
                same_speaker=same_speaker,
            )
        return self._contradictions_of(
            claim,
            speaker=speaker,
            kind=kind,
            said_between=said_between,
            same_speaker=same_speaker,
        )

    @point
    def _contradictions_of(
        self,
        claim: str | Claim,
        *,
        speaker: str | Actor | None,
        kind: ContradictionKind | str | None,
        said_between: tuple[DateLike | None, DateLike | None] | None,
        same_speaker: bool | None,
    ) -> list[Contradiction]:
        return self._contradictions(
            self._here(),
            claim,
            speaker=speaker,
            kind=kind,
            said_between=said_between,
            same_speaker=same_speaker,
        )

    def _contradictions(
        self,
        state: State,
        claim: str | Claim | None,
        *,
        speaker: str | Actor | None,
        kind: ContradictionKind | str | None,
        said_between: tuple[DateLike | None, DateLike | None] | None,
        same_speaker: bool | None,
    ) -> list[Contradiction]:
        if (
            speaker is None
            and kind is None
            and said_between is None
            and same_speaker is None
            and (stored := state.stored_id(claim)) is not None
        ):  # the plain lookup: no filter to check
            return _conflicts.explained(state, stored)
        errors = Errors("contradictions")
        target = None
        if claim is not None:
            target = errors.attempt(state.claim_id, claim, "claim")
        who = None
        if speaker is not None:
            who = errors.attempt(
                args.actor_ref, state, speaker, "speaker", None
            )
        wanted = None
        if kind is not None:
            wanted = errors.attempt(args.contradiction_kind, kind)
        window = None
        if said_between is not None:
            window = errors.attempt(args.window, said_between)
        errors.attempt(
            optional(instance_of(bool)), self, "same_speaker", same_speaker
        )
        errors.raise_any()

        pairs = (
            _conflicts.conflicts_of(state, target)
            if target is not None
            else _conflicts.every_conflict(state)
        )
        return [
            _conflicts.explain(state, first, second, how)
            for first, second, how in pairs
            if (wanted is None or how is wanted)
            and _pair_kept(
                state.claims[first],
                state.claims[second],
                who=who,
                one=target is not None,
                window=window,
                same_speaker=same_speaker,
            )
        ]

    @point
    def history(self, claim: str | Claim) -> list[Event]:
        """
        Return every event that concerns *claim*, in the order applied.

        .. versionadded:: 0.1.0
        """
        state = self._here()
        return state.history(state.claim_id(claim, "claim"))

    def events(self) -> list[Event]:
        """
        Return every event, in the order applied.

        .. versionadded:: 0.1.0
        """
        return self._whole().events()

    @point
    def revisions(self, source: str | Source) -> list[Revision]:
        """
        Return the revisions of *source*, oldest first.

        Raises:
            UnknownSourceError: If the source is not in the tracker.

        .. versionadded:: 0.1.0
        """
        state = self._here()
        found = args.source_ref(state, source, None)
        return list(state.revisions.get(found.id, ()))

    @point
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
        state = self._here()
        if source is None:
            groups: Iterable[dict[Any, tuple[Reanchored, int]]] = (
                state.orphans.values()
            )
        else:
            found = args.source_ref(state, source, None)
            groups = [state.orphans.get(found.id, {})]
        return [entry for group in groups for entry, _ in group.values()]

    @point
    def get(self, id: str) -> Source | Actor | Claim:  # noqa: A002
        """
        Return the source, actor or claim with this id.

        Raises:
            NotFoundError: If nothing has this id.

        .. versionadded:: 0.1.0
        """
        instance_of(str)(self, "id", id)
        stored = self._here().lookup(id)
        if stored is None:
            raise NotFoundError("id", id, "nothing in the tracker has this id")
        return stored

    @point
    def source(self, id: str) -> Source:  # noqa: A002
        """
        Return the source with this id.

        Raises:
            UnknownSourceError: If there is none.

        .. versionadded:: 0.1.0
        """
        return self._here().source(id)

    @point
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
        state = self._here()
        return state.actors[args.actor_ref(state, name, "actor", None)]

    @point
    def claim(self, id: str) -> Claim:  # noqa: A002
        """
        Return the claim with this id.

        Raises:
            UnknownClaimError: If there is none.

        .. versionadded:: 0.1.0
        """
        instance_of(str)(self, "claim", id)
        try:
            return self._here().claims[id]
        except KeyError:
            raise UnknownClaimError(
                "claim", id, "no claim has this id"
            ) from None

    def sources(self) -> list[Source]:
        """
        Return every source, in the order they were added.

        .. versionadded:: 0.1.0
        """
        return list(self._whole().sources.values())

    def actors(self) -> list[Actor]:
        """
        Return every actor, in the order they were added.

        .. versionadded:: 0.1.0
        """
        return list(self._whole().actors.values())

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
        if (
            speaker is not None
            and subject is None
            and source is None
            and tag is None
        ):  # the speaker's claims: read in part
            return self._claims_of(
                speaker, said_between=said_between, text_contains=text_contains
            )
        return self._select(
            self._whole(),
            speaker=speaker,
            subject=subject,
            source=source,
            said_between=said_between,
            text_contains=text_contains,
            tag=tag,
        )

    @point
    def _claims_of(
        self,
        speaker: str | Actor,
        *,
        said_between: tuple[DateLike | None, DateLike | None] | None,
        text_contains: str | None,
    ) -> list[Claim]:
        return self._select(
            self._here(),
            speaker=speaker,
            subject=None,
            source=None,
            said_between=said_between,
            text_contains=text_contains,
            tag=None,
        )

    def _select(
        self,
        state: State,
        *,
        speaker: str | Actor | None,
        subject: str | Actor | None,
        source: str | Source | None,
        said_between: tuple[DateLike | None, DateLike | None] | None,
        text_contains: str | None,
        tag: str | None,
    ) -> list[Claim]:
        errors = Errors("claims")
        candidates = []
        if speaker is not None:
            sid = errors.attempt(
                args.actor_ref, state, speaker, "speaker", None
            )
            candidates.append(state.by_speaker.get(sid, []))
        if subject is not None:
            found = errors.attempt(
                args.subject_claims, state, subject, "subject"
            )
            candidates.append(found or [])
        if source is not None:
            src = errors.attempt(args.source_ref, state, source, None)
            candidates.append(state.by_source.get(getattr(src, "id", ""), []))
        if tag is not None:
            errors.attempt(instance_of(str), self, "tag", tag)
            candidates.append(state.by_tag.get(fold(str(tag)), []))
        window = None
        if said_between is not None:
            window = errors.attempt(args.window, said_between)
        if text_contains is not None:
            errors.attempt(
                instance_of(str), self, "text_contains", text_contains
            )
        errors.raise_any()
        return _support.select(state, candidates, window, text_contains)

    # -- documents, records and graphs -------------------------------------

    def to_json(self, *, indent: int | None = None) -> str:
        """
        Return the whole tracker as a JSON document: its policy and history.

        `Tracker.from_json` reads it back into an equal tracker. The format
        is versioned and documented in :doc:`storage`.

        .. versionadded:: 0.1.0
        """
        import json  # noqa: PLC0415

        from claimtrack import _serialize  # noqa: PLC0415

        return json.dumps(
            _serialize.to_data(self), ensure_ascii=False, indent=indent
        )

    def dump(self, path: str | os.PathLike[str]) -> None:
        """
        Write the tracker's JSON document to *path*, atomically.

        The document goes to a temporary file beside *path*, is synced to
        disk and renamed over it: a reader never sees half a file.

        .. versionadded:: 0.1.0
        """
        from claimtrack import _serialize  # noqa: PLC0415

        _serialize.dump(self, path)

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
        from claimtrack import _records  # noqa: PLC0415

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
        from claimtrack import _records  # noqa: PLC0415

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
        from claimtrack import _records  # noqa: PLC0415

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
        from claimtrack import _records  # noqa: PLC0415

        return _records.to_graphml(self, claims)


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
        _support.said_within(a, window) and _support.said_within(b, window)
    )
