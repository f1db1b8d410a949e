"""
Contradictions: two claims that cannot both hold, with a kind and a reason.

Claims are compared through *facts*: a proposition in canonical form
(subject and object matched through actor names, the predicate in its
positive form and canonical direction) with the time it holds. Only claims
with the same subject and predicate can conflict by their content, so an
index on that pair makes a lookup cost the same at any size.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import hashlib
import json
from fractions import Fraction
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

from claimtrack._validators import (
    check_fields,
    check_text,
    member_of,
    non_empty_str,
    optional,
    tuple_of,
)
from claimtrack.exceptions import InvalidDateError, InvalidValueError


if TYPE_CHECKING:
    from claimtrack._predicates import Predicate


class ContradictionKind(enum.Enum):
    """
    Why two claims conflict.

    .. versionadded:: 0.1.0
    """

    NEGATION = "negation"
    """Same subject, predicate and object; one asserts, the other denies."""
    VALUE_CONFLICT = "value-conflict"
    """A single-valued predicate given different values."""
    EXPLICIT = "explicit"
    """An analyst linked the two claims."""
    REFUTING_EVIDENCE = "refuting-evidence"
    """One claim was cited as evidence refuting the other."""


_KIND_ORDER = {kind: n for n, kind in enumerate(ContradictionKind)}


def _check_at(inst: object, attr: Any, value: object) -> None:
    if value is None:
        return
    if not isinstance(value, dt.datetime) or value.utcoffset() is None:
        raise InvalidDateError(
            attr.name, value, "must be an aware datetime or None"
        )


def _to_kind(value: object) -> object:
    try:
        return ContradictionKind(value)
    except ValueError:
        return value


def _to_tuple(value: object) -> object:
    return tuple(value) if isinstance(value, list | tuple) else value


def _check_reason(inst: object, attr: Any, value: object) -> None:
    if not isinstance(value, str | functools.partial):
        raise InvalidValueError("reason", value, "must be a str")
    if isinstance(value, str):
        check_text("reason", value)


def _check_note(inst: object, attr: Any, value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise InvalidValueError(attr.name, value, "must be a str or None")
    if value is not None:
        check_text(attr.name, value)


@attrs.frozen(eq=False, repr=False)
class Contradiction:
    """
    Two claims that cannot both hold.

    A contradiction is symmetric: ``tracker.contradictions(a)`` lists one
    with ``claim == a`` and ``other == b`` exactly when
    ``tracker.contradictions(b)`` lists its mirror.

    Args:
        claim: The id of the claim it was looked up from.
        other: The id of the claim that conflicts with it.
        kind: A `ContradictionKind`.
        reason: Why, in words a person can read. A contradiction a
            lookup finds writes it when it is first read.
        by: For an explicit link, who made it.
        at: For an explicit link, when.
        note: For an explicit link, the analyst's note.
        evidence: For refuting evidence, the ids of the evidence.

    .. versionadded:: 0.1.0
    """

    claim: str = attrs.field(metadata={"check": non_empty_str()})
    other: str = attrs.field(metadata={"check": non_empty_str()})
    kind: ContradictionKind = attrs.field(
        converter=_to_kind, metadata={"check": member_of(ContradictionKind)}
    )
    # The reason, or what writes it when first read (`explain`'s words).
    _reason: str | functools.partial[str] = attrs.field(
        default="", alias="reason", metadata={"check": _check_reason}
    )
    by: str | None = attrs.field(
        default=None,
        kw_only=True,
        metadata={"check": optional(non_empty_str())},
    )
    at: dt.datetime | None = attrs.field(
        default=None, kw_only=True, metadata={"check": _check_at}
    )
    note: str | None = attrs.field(
        default=None, kw_only=True, metadata={"check": _check_note}
    )
    evidence: tuple[str, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=_to_tuple,
        metadata={"check": tuple_of(non_empty_str())},
    )

    def __attrs_post_init__(self) -> None:
        check_fields(self)
        if self.claim == self.other:
            raise InvalidValueError(
                "other", self.other, "a claim does not contradict itself"
            )

    @property
    def reason(self) -> str:
        """
        Why, in words a person can read.
        """
        reason = self._reason
        if not isinstance(reason, str):
            reason = reason()  # written now, once
            object.__setattr__(self, "_reason", reason)
        return reason

    def _key(self) -> tuple[object, ...]:
        return (
            self.claim,
            self.other,
            self.kind,
            self.reason,
            self.by,
            self.at,
            self.note,
            self.evidence,
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        fields = ", ".join(
            f"{name}={getattr(self, name)!r}"
            for name in (
                "claim",
                "other",
                "kind",
                "reason",
                "by",
                "at",
                "note",
                "evidence",
            )
        )
        return f"Contradiction({fields})"

    @property
    def id(self) -> str:
        """
        The same for both directions: the pair of claims and the kind.
        """
        pair = sorted((self.claim, self.other))
        blob = json.dumps([*pair, self.kind.value]).encode()
        return f"contradiction-{hashlib.sha256(blob).hexdigest()[:16]}"

    @property
    def claims(self) -> tuple[str, str]:
        """
        Both claims' ids, the one looked up from first.
        """
        return (self.claim, self.other)


class Quantity_(NamedTuple):  # noqa: N801 -- private; Quantity is public
    """
    A number in a fact: its unit's normal form and its exact value.
    """

    unit: str
    value: int | Fraction  # an int when whole: it compares fastest


OPEN_LOW = dt.date.min.toordinal()
OPEN_HIGH = dt.date.max.toordinal()


class Fact(NamedTuple):
    """
    A claim's proposition in canonical form, with the days it holds.
    """

    subject: str
    predicate: str
    object: str | Quantity_
    asserted: bool
    low: int
    high: int


def fact_to_json(fact: Fact) -> str:
    """
    A fact as compact JSON, for the embedded store.
    """
    obj: object = fact.object
    if isinstance(obj, Quantity_):
        obj = [obj.unit, obj.value.numerator, obj.value.denominator]
    return json.dumps(
        [
            fact.subject,
            fact.predicate,
            obj,
            fact.asserted,
            fact.low,
            fact.high,
        ],
        ensure_ascii=False,
    )


def fact_from_json(text: str) -> Fact:
    """
    A fact written by `fact_to_json`.
    """
    subject, predicate, obj, asserted, low, high = json.loads(text)
    if isinstance(obj, list):
        unit, numerator, denominator = obj
        value = Fraction(numerator, denominator)
        obj = Quantity_(
            unit, value.numerator if value.denominator == 1 else value
        )
    return Fact(subject, predicate, obj, asserted, low, high)


def overlap(a: Fact, b: Fact) -> bool:
    """
    Whether the two facts hold on at least one common day.
    """
    return a.low <= b.high and b.low <= a.high


def _same(a: object, b: object, predicate: Predicate | None) -> bool:
    if isinstance(a, Quantity_) and isinstance(b, Quantity_):
        if a.unit != b.unit:
            return False
        if predicate is not None and predicate.tolerance is not None:
            return predicate.tolerance.agree(a.value, b.value)
        return a.value == b.value
    return a == b


def _comparable(a: object, b: object) -> bool:
    return not (
        isinstance(a, Quantity_)
        and isinstance(b, Quantity_)
        and a.unit != b.unit
    )


def conflict(
    a: Fact, b: Fact, predicate: Predicate | None
) -> ContradictionKind | None:
    """
    How two facts of the same subject and predicate conflict, if they do.

    - negation: the same object (within tolerance), one asserted and one
      denied;
    - value conflict: a single-valued predicate, both asserted, objects
      that differ (numbers beyond the tolerance; numbers of different units
      are not compared).

    Facts whose times do not overlap never conflict.
    """
    if not overlap(a, b):
        return None
    same = _same(a.object, b.object, predicate)
    if same and a.asserted != b.asserted:
        return ContradictionKind.NEGATION
    if (
        predicate is not None
        and predicate.single_valued
        and a.asserted
        and b.asserted
        and not same
        and _comparable(a.object, b.object)
    ):
        return ContradictionKind.VALUE_CONFLICT
    return None


def kind_order(kind: ContradictionKind) -> int:
    """
    The order kinds are listed in: negation, value, explicit, evidence.
    """
    return _KIND_ORDER[kind]
