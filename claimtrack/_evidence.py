"""
Evidence, verdicts and retractions, and the status that follows from them.

The status of a claim is derived from its evidence by a `Policy`:

- support is counted in *independent lineages*, the claim's own included;
- evidence that shares the claim's own lineage (the speaker repeating
  themselves, a relay, a reprint of the same wire story) is set aside, with
  the reason;
- evidence items that share a lineage with each other count once;
- an evidence set counts only whole.

An analyst's verdict overrides the derived status, and a retraction
overrides both; `Support` explains every count.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
from typing import TYPE_CHECKING, Any

import attrs

from claimtrack._models import Span, span_source
from claimtrack._scales import Rating
from claimtrack._validators import (
    check_fields,
    http_url,
    instance_of,
    non_empty_str,
    optional,
    tuple_of,
)
from claimtrack.exceptions import InvalidDateError, InvalidValueError


if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence


def _check(validator: Any) -> dict[str, Any]:
    return {"check": validator}


class Stance(enum.Enum):
    """
    What a piece of evidence does to a claim.

    FEVER's labels are accepted too: ``"SUPPORTS"``, ``"REFUTES"`` and
    ``"NOT ENOUGH INFO"`` (which is `CONTEXT`).

    .. versionadded:: 0.1.0
    """

    SUPPORTS = "supports"
    REFUTES = "refutes"
    CONTEXT = "context"

    @classmethod
    def _missing_(cls, value: object) -> Stance | None:
        if isinstance(value, str):
            key = " ".join(value.replace("_", " ").casefold().split())
            aliases = {
                "support": cls.SUPPORTS,
                "supports": cls.SUPPORTS,
                "supported": cls.SUPPORTS,
                "refute": cls.REFUTES,
                "refutes": cls.REFUTES,
                "refuted": cls.REFUTES,
                "context": cls.CONTEXT,
                "not enough info": cls.CONTEXT,
                "not enough evidence": cls.CONTEXT,
            }
            return aliases.get(key)
        return None


class Status(enum.Enum):
    """
    The status of a claim: derived, rated or retracted.

    Derived from evidence: `UNVERIFIED`, `CORROBORATED`, `DISPUTED`,
    `REFUTED`. Set by a verdict: `VERIFIED` (true), `MOSTLY_TRUE`, `MIXED`,
    `MOSTLY_FALSE`, `FALSE`, `UNPROVEN`. Set by the speaker: `RETRACTED`.

    .. versionadded:: 0.1.0
    """

    UNVERIFIED = "unverified"
    CORROBORATED = "corroborated"
    DISPUTED = "disputed"
    REFUTED = "refuted"
    VERIFIED = "verified"
    MOSTLY_TRUE = "mostly-true"
    MIXED = "mixed"
    MOSTLY_FALSE = "mostly-false"
    FALSE = "false"
    UNPROVEN = "unproven"
    RETRACTED = "retracted"

    @classmethod
    def of_rating(cls, rating: Rating) -> Status:
        """
        The status a verdict of *rating* gives.
        """
        if rating is Rating.TRUE:
            return cls.VERIFIED
        return cls(rating.value)


def _check_instant(inst: object, attr: Any, value: object) -> None:
    instance_of(dt.datetime)(inst, attr, value)
    assert isinstance(value, dt.datetime)  # noqa: S101 -- narrowed above
    if value.utcoffset() is None:
        raise InvalidDateError(
            attr if isinstance(attr, str) else attr.name,
            value,
            "has no time zone; use an aware datetime",
        )


def instant(value: object, field: str = "at") -> dt.datetime:
    """
    Read an event time: an aware datetime or ISO string; ``None`` is now.

    Raises:
        InvalidDateError: For a naive datetime or an unreadable string.
    """
    if value is None:
        return dt.datetime.now(dt.UTC)
    if isinstance(value, str):
        try:
            parsed = dt.datetime.fromisoformat(value)
        except ValueError as exc:
            raise InvalidDateError(
                field, value, "is not an ISO 8601 date and time"
            ) from exc
        value = parsed
    _check_instant(None, field, value)
    assert isinstance(value, dt.datetime)  # noqa: S101 -- checked above
    return value


def _digest(prefix: str, *parts: object) -> str:
    blob = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    return f"{prefix}-{hashlib.sha256(blob.encode()).hexdigest()[:16]}"


@attrs.frozen
class Citation:
    """
    One thing cited as evidence: a claim, a source or span, or a URL.

    Exactly one of ``claim``, ``source`` and ``url`` is set.

    Args:
        claim: The id of another claim.
        span: Where in a source the evidence is quoted.
        source: The id of a source; taken from *span* when not given.
        url: An http(s) URL outside the tracker.

    .. versionadded:: 0.1.0
    """

    claim: str | None = attrs.field(
        default=None, kw_only=True, metadata=_check(optional(non_empty_str()))
    )
    span: Span | None = attrs.field(
        default=None,
        kw_only=True,
        metadata=_check(optional(instance_of(Span))),
    )
    source: str | None = attrs.field(
        default=attrs.Factory(span_source, takes_self=True),
        kw_only=True,
        metadata=_check(optional(non_empty_str())),
    )
    url: str | None = attrs.field(
        default=None, kw_only=True, metadata=_check(optional(http_url()))
    )

    def __attrs_post_init__(self) -> None:
        check_fields(self)
        given = [x for x in (self.claim, self.source, self.url) if x]
        if len(given) != 1:
            raise InvalidValueError(
                "evidence",
                self,
                "cite exactly one claim, source (or span) or URL",
            )
        if self.span is not None and self.span.source not in (
            None,
            self.source,
        ):
            raise InvalidValueError(
                "span.source", self.span.source, "differs from source"
            )

    def __str__(self) -> str:
        """
        Say what is cited: "claim c1", "source s2 [10:40]", a URL.
        """
        if self.claim is not None:
            return f"claim {self.claim}"
        if self.source is not None:
            where = (
                f" [{self.span.start}:{self.span.end}]"
                if self.span is not None
                else ""
            )
            return f"source {self.source}{where}"
        return str(self.url)

    def key(self) -> list[object]:
        """
        What makes two citations the same, as plain data.
        """
        return [
            self.claim,
            self.source,
            [self.span.start, self.span.end] if self.span else None,
            self.url,
        ]


def _to_stance(value: object) -> object:
    try:
        return Stance(value)
    except ValueError:
        return value


def _to_items(value: object) -> object:
    if isinstance(value, Citation):
        return (value,)
    return tuple(value) if isinstance(value, list | tuple) else value


def _check_stance(inst: object, attr: Any, value: object) -> None:
    if not isinstance(value, Stance):
        raise InvalidValueError(
            attr.name,
            value,
            "must be a Stance: supports, refutes or context "
            "(FEVER's SUPPORTS, REFUTES, NOT ENOUGH INFO)",
        )


@attrs.frozen
class Evidence:
    """
    Evidence added to a claim: one citation, or a set that counts whole.

    Args:
        id: The evidence's id (see `Evidence.make_id`).
        claim: The id of the claim it bears on.
        stance: A `Stance` (or its value, or a FEVER label).
        items: What is cited: one `Citation`, or several forming an
            evidence set, which counts only as a whole.
        by: Who added it.
        at: When it was added, an aware datetime.
        note: Why it was added, in words.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(metadata=_check(non_empty_str()))
    claim: str = attrs.field(metadata=_check(non_empty_str()))
    stance: Stance = attrs.field(
        converter=_to_stance, metadata=_check(_check_stance)
    )
    items: tuple[Citation, ...] = attrs.field(
        converter=_to_items, metadata=_check(tuple_of(instance_of(Citation)))
    )
    by: str | None = attrs.field(
        default=None, kw_only=True, metadata=_check(optional(non_empty_str()))
    )
    at: dt.datetime = attrs.field(
        factory=lambda: dt.datetime.now(dt.UTC),
        kw_only=True,
        metadata=_check(_check_instant),
    )
    note: str | None = attrs.field(
        default=None, kw_only=True, metadata=_check(optional(instance_of(str)))
    )

    def __attrs_post_init__(self) -> None:
        check_fields(self)
        if not self.items:
            raise InvalidValueError("items", (), "cite at least one thing")
        if any(i.claim == self.claim for i in self.items):
            raise InvalidValueError(
                "evidence", self.claim, "a claim cannot be its own evidence"
            )

    @property
    def is_set(self) -> bool:
        """
        Whether this is an evidence set of several items.
        """
        return len(self.items) > 1

    @staticmethod
    def make_id(claim: str, stance: Stance, items: Sequence[Citation]) -> str:
        """
        The id of evidence, from what it cites, for what, and how.

        The same citations of the same stance on the same claim are the
        same evidence, whoever adds them and when.
        """
        keys = sorted((i.key() for i in items), key=json.dumps)
        return _digest("evidence", claim, stance.value, keys)


@attrs.frozen
class Verdict:
    """
    An analyst's rating of a claim, with the label as it was given.

    Args:
        id: The verdict's id.
        claim: The id of the claim rated.
        label: The label as given ("Pants on Fire", "2.5").
        scale: The name of the scale the label is on.
        rating: Where the label falls on claimtrack's own scale; ``None``
            for a workflow state that judges nothing ("in progress").
        by: Who rated it.
        at: When, an aware datetime.
        rationale: Why, in words.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(metadata=_check(non_empty_str()))
    claim: str = attrs.field(metadata=_check(non_empty_str()))
    label: str = attrs.field(metadata=_check(non_empty_str()))
    scale: str = attrs.field(metadata=_check(non_empty_str()))
    rating: Rating | None = attrs.field(
        metadata=_check(optional(instance_of(Rating)))
    )
    by: str | None = attrs.field(
        default=None, kw_only=True, metadata=_check(optional(non_empty_str()))
    )
    at: dt.datetime = attrs.field(
        factory=lambda: dt.datetime.now(dt.UTC),
        kw_only=True,
        metadata=_check(_check_instant),
    )
    rationale: str | None = attrs.field(
        default=None, kw_only=True, metadata=_check(optional(instance_of(str)))
    )

    def __attrs_post_init__(self) -> None:
        check_fields(self)

    @staticmethod
    def make_id(
        claim: str,
        label: str,
        scale: str,
        by: str | None,
        at: dt.datetime,
        *,
        rationale: str | None = None,
    ) -> str:
        """
        The id of a verdict: who rated which claim what, when, and why.
        """
        return _digest(
            "verdict", claim, label, scale, by, at.isoformat(), rationale
        )


@attrs.frozen
class Retraction:
    """
    The speaker's withdrawal of a claim, as recorded by an analyst.

    .. versionadded:: 0.1.0
    """

    claim: str = attrs.field(metadata=_check(non_empty_str()))
    by: str | None = attrs.field(
        default=None, kw_only=True, metadata=_check(optional(non_empty_str()))
    )
    at: dt.datetime = attrs.field(
        factory=lambda: dt.datetime.now(dt.UTC),
        kw_only=True,
        metadata=_check(_check_instant),
    )
    note: str | None = attrs.field(
        default=None, kw_only=True, metadata=_check(optional(instance_of(str)))
    )

    def __attrs_post_init__(self) -> None:
        check_fields(self)

    @property
    def id(self) -> str:
        """
        A claim is retracted once: the id is the claim's.
        """
        return f"retraction-{self.claim}"


def _check_min_sources(inst: object, attr: Any, value: object) -> None:
    instance_of(int)(inst, attr, value)
    assert isinstance(value, int)  # noqa: S101 -- narrowed above
    if value < 1:
        raise InvalidValueError(attr.name, value, "must be at least 1")


@attrs.frozen
class Policy:
    """
    How status is derived from evidence.

    Args:
        min_sources: How many independent lineages, the claim's own
            included, make a claim `Status.CORROBORATED`. The default, 2,
            is the two-source rule.

    .. versionadded:: 0.1.0
    """

    min_sources: int = attrs.field(
        default=2, kw_only=True, metadata=_check(_check_min_sources)
    )

    def __attrs_post_init__(self) -> None:
        check_fields(self)


@attrs.frozen
class Lineage:
    """
    One independent line of support: what it goes back to, and what in it.

    Attributes:
        roots: What the line goes back to: ``actor:bukele``,
            ``source:ap``, ``publisher:india tv``, ``url:example.com``.
        evidence: The ids of the evidence in it (none for the claim's own).
        own: Whether it is the claim's own lineage.

    .. versionadded:: 0.1.0
    """

    roots: tuple[str, ...]
    evidence: tuple[str, ...] = ()
    own: bool = False

    def __str__(self) -> str:
        """
        Describe the lineage in a line.
        """
        what = "the claim itself" if self.own else ", ".join(self.evidence)
        return f"{what} ({', '.join(self.roots)})"


@attrs.frozen
class SetAside:
    """
    Evidence that does not count toward support, and why.

    .. versionadded:: 0.1.0
    """

    evidence: str
    reason: str


@attrs.frozen
class Support:
    """
    Why a claim has the support it has.

    Attributes:
        claim: The claim's id.
        lineages: The independent lineages, the claim's own first.
        set_aside: Supporting evidence that does not count, with reasons.
        refuting: The ids of the evidence that refutes the claim.
        context: The ids of the evidence that only gives context.

    .. versionadded:: 0.1.0
    """

    claim: str
    lineages: tuple[Lineage, ...]
    set_aside: tuple[SetAside, ...] = ()
    refuting: tuple[str, ...] = ()
    context: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        """
        How many independent lineages support the claim, its own included.
        """
        return len(self.lineages)

    @property
    def supported(self) -> bool:
        """
        Whether any independent evidence supports the claim.
        """
        return self.count > 1

    def status(self, policy: Policy, *, contradicted: bool = False) -> Status:
        """
        The status this support gives under *policy*.
        """
        if self.refuting:
            return Status.DISPUTED if self.supported else Status.REFUTED
        if contradicted:
            return Status.DISPUTED
        if self.count >= policy.min_sources:
            return Status.CORROBORATED
        return Status.UNVERIFIED


_EXACT_LIMIT = 16


def assess(
    claim_id: str,
    own: frozenset[str],
    evidence: Iterable[Evidence],
    roots: Callable[[Citation], frozenset[str]],
    reasons: Callable[[str], str],
) -> Support:
    """
    Count a claim's independent lineages of support.

    Args:
        claim_id: The claim's id.
        own: The roots of the claim's own lineage.
        evidence: Its evidence.
        roots: The roots of what a citation cites.
        reasons: Why a root shared with the claim's own lineage sets
            evidence aside.
    """
    set_aside: list[SetAside] = []
    refuting: list[str] = []
    context: list[str] = []
    units: dict[frozenset[str], list[str]] = {}
    for item in evidence:
        if item.stance is Stance.REFUTES:
            refuting.append(item.id)
            continue
        if item.stance is Stance.CONTEXT:
            context.append(item.id)
            continue
        found = frozenset().union(*(roots(c) for c in item.items))
        shared = sorted(found & own, key=_reason_rank)
        if shared:
            reason = reasons(shared[0])
            if item.is_set:
                reason += "; an evidence set counts only whole"
            set_aside.append(SetAside(item.id, reason))
            continue
        units.setdefault(found, []).append(item.id)

    chosen = _pack(list(units))
    lineages = [Lineage(tuple(sorted(own)), own=True)]
    members: dict[frozenset[str], list[str]] = {r: [] for r in chosen}
    for found, ids in units.items():
        home = next(r for r in chosen if r & found)
        members[home].extend(ids)
    lineages.extend(
        Lineage(tuple(sorted(r)), tuple(members[r])) for r in chosen
    )
    return Support(
        claim_id,
        tuple(lineages),
        tuple(set_aside),
        tuple(refuting),
        tuple(context),
    )


def _reason_rank(key: str) -> tuple[int, str]:
    # The most telling reason first: a person, then a story, then a
    # publisher, then a site.
    order = ("actor", "source", "publisher", "site")
    kind = key.partition(":")[0]
    return (order.index(kind) if kind in order else len(order), key)


def _pack(sets: list[frozenset[str]]) -> list[frozenset[str]]:
    """
    Choose as many pairwise disjoint root sets as possible.

    Every set of one root is taken (taking it never costs a larger set
    anything it could not also have cost); the rest are searched exactly
    when they are few, greedily (smallest first) otherwise. The result is
    in the order of *sets*, and every set left out overlaps one chosen.
    """
    singles = [s for s in sets if len(s) == 1]
    taken = frozenset().union(*singles)
    rest = [s for s in sets if len(s) > 1 and not s & taken]
    if len(rest) <= _EXACT_LIMIT:
        best = _best_packing(rest, [])
    else:
        best = []
        for s in sorted(rest, key=lambda s: (len(s), sorted(s))):
            if all(not s & b for b in best):
                best.append(s)
    picked = set(singles) | set(best)
    return [s for s in sets if s in picked]


def _best_packing(
    rest: list[frozenset[str]], chosen: list[frozenset[str]]
) -> list[frozenset[str]]:
    if not rest:
        return chosen
    first, *others = rest
    without = _best_packing(others, chosen)
    if any(first & c for c in chosen):
        return without
    with_first = _best_packing(others, [*chosen, first])
    return with_first if len(with_first) > len(without) else without
