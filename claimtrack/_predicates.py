"""
Predicates: what may be said of a subject, and how claims about it clash.

A predicate is matched by its normal form ("Accepts deportees of" is
``accepts_deportees_of``). Declaring one tells the contradiction engine
that it is single-valued (one value at a time, like a status), that it has
an inverse (``employs`` and ``employed_by``), a negated form (``rejects``
for ``accepts``), or a tolerance for numbers.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from fractions import Fraction
from typing import Any, cast

import attrs

from claimtrack._text import name_key
from claimtrack._validators import (
    check_fields,
    finite_number,
    instance_of,
    non_empty_str,
    optional,
)
from claimtrack.exceptions import ConflictError, InvalidValueError


@functools.lru_cache(maxsize=4096)
def predicate_key(name: str) -> str:
    """
    The normal form of a predicate's name: folded, words joined by ``_``.

    Kept for the last 4,096 names: a tracker uses few predicates, often.
    """
    return "_".join(name_key(name.replace("_", " ")).split())


def _check_non_negative(inst: object, attr: Any, value: object) -> None:
    finite_number()(inst, attr, value)
    assert isinstance(value, int | float | Decimal)  # noqa: S101
    if value < 0:
        raise InvalidValueError(attr.name, value, "must be >= 0")


@attrs.frozen
class Tolerance:
    """
    How far apart two numbers may be and still agree.

    Two values agree when they differ by at most *absolute*, or by at most
    *relative* times the larger of their sizes, whichever allows more:
    ``Tolerance(relative=0.1)`` lets 43 and 45 agree, not 43 and 50.

    .. versionadded:: 0.1.0
    """

    absolute: int | float | Decimal = attrs.field(
        default=0, kw_only=True, metadata={"check": _check_non_negative}
    )
    relative: int | float | Decimal = attrs.field(
        default=0, kw_only=True, metadata={"check": _check_non_negative}
    )

    def __attrs_post_init__(self) -> None:
        check_fields(self)

    def agree(self, a: int | Fraction, b: int | Fraction) -> bool:
        """
        Tell whether *a* and *b* agree within this tolerance.
        """
        absolute, relative = _exact(self)
        difference = cast("Fraction", abs(a - b))
        if difference <= absolute:
            return True
        largest = max(cast("Fraction", abs(a)), cast("Fraction", abs(b)))
        return relative != 0 and difference <= relative * largest

    def __str__(self) -> str:
        """
        Describe the tolerance: "±5", "±10%", "±5 or ±10%".
        """
        parts = []
        if self.absolute:
            parts.append(f"±{self.absolute}")
        if self.relative:
            parts.append(f"±{float(self.relative) * 100:g}%")
        return " or ".join(parts) or "exact"


@functools.cache
def _exact(tolerance: Tolerance) -> tuple[int | Fraction, int | Fraction]:
    """
    A tolerance's bounds as exact numbers, ints where they are whole.
    """
    return exact_number(tolerance.absolute), exact_number(tolerance.relative)


def exact_number(value: float | Decimal) -> int | Fraction:
    """
    *value* as an exact number: itself if an int, else a `Fraction`.

    Whole numbers stay ints, which compare fastest; a Fraction equal to
    an int compares and hashes equal to it.
    """
    if isinstance(value, int):
        return value
    exact = Fraction(value)
    return exact.numerator if exact.denominator == 1 else exact


def _check_name(inst: object, attr: Any, value: object) -> None:
    non_empty_str()(inst, attr, value)
    assert isinstance(value, str)  # noqa: S101 -- narrowed above
    if not predicate_key(value):
        raise InvalidValueError(attr.name, value, "needs a letter or a digit")


@attrs.frozen
class Predicate:
    """
    A declared predicate and what it means for contradictions.

    Args:
        name: The predicate ("status", "accepts_deportees_of").
        single_valued: Whether a subject has one value of it at a time;
            then two claims giving different values for overlapping times
            conflict.
        inverse: The predicate that says the same the other way round:
            ``("a", "employs", "b")`` is ``("b", "employed_by", "a")``.
        negation: The predicate that denies this one: ``("a", "rejects",
            "b")`` is ``("a", "accepts", "b")`` denied.
        tolerance: For numeric values, how far apart two values may be and
            still agree (a `Tolerance`); exact if not given.

    .. versionadded:: 0.1.0
    """

    name: str = attrs.field(metadata={"check": _check_name})
    single_valued: bool = attrs.field(
        default=False, kw_only=True, metadata={"check": instance_of(bool)}
    )
    inverse: str | None = attrs.field(
        default=None, kw_only=True, metadata={"check": optional(_check_name)}
    )
    negation: str | None = attrs.field(
        default=None, kw_only=True, metadata={"check": optional(_check_name)}
    )
    tolerance: Tolerance | None = attrs.field(
        default=None,
        kw_only=True,
        metadata={"check": optional(instance_of(Tolerance))},
    )

    def __attrs_post_init__(self) -> None:
        check_fields(self)
        key = predicate_key(self.name)
        for field in ("inverse", "negation"):
            other = getattr(self, field)
            if other is not None and predicate_key(other) == key:
                raise InvalidValueError(
                    field, other, "must differ from the predicate itself"
                )
        if (
            self.inverse is not None
            and self.negation is not None
            and predicate_key(self.inverse) == predicate_key(self.negation)
        ):
            raise InvalidValueError(
                "negation", self.negation, "must differ from the inverse"
            )

    @property
    def id(self) -> str:
        """
        The predicate's normal form, which identifies it.
        """
        return predicate_key(self.name)


def _meaning(predicate: Predicate) -> tuple[object, ...]:
    # What a declaration says, spelling aside: "Status" is "status".
    return (
        predicate.id,
        predicate.single_valued,
        predicate_key(predicate.inverse) if predicate.inverse else None,
        predicate_key(predicate.negation) if predicate.negation else None,
        predicate.tolerance,
    )


@attrs.frozen
class Canonical:
    """
    How a claim's predicate reads in canonical form.

    Attributes:
        key: The canonical predicate's normal form.
        flip: Whether the polarity flips (a negated form was used).
        invert: Whether subject and object swap (the inverse was used).
        declared: The canonical predicate's declaration, if any.
    """

    key: str
    flip: bool = False
    invert: bool = False
    declared: Predicate | None = None


@attrs.define
class Registry:
    """
    The declared predicates, and the canonical form of any predicate.
    """

    _declared: dict[str, Predicate] = attrs.Factory(dict)
    _inverse: dict[str, str] = attrs.Factory(dict)
    _negative_of: dict[str, str] = attrs.Factory(dict)  # negated -> positive
    _positive_of: dict[str, str] = attrs.Factory(dict)  # positive -> negated
    # canonical()'s answers, kept until the next declaration.
    _canonical: dict[tuple[str, bool], Canonical] = attrs.field(
        factory=dict, eq=False, repr=False
    )

    def get(self, name: str) -> Predicate | None:
        """
        The declaration of *name*, if it was declared.
        """
        return self._declared.get(predicate_key(name))

    def declared(self, key: str) -> Predicate | None:
        """
        The declaration of a predicate already in normal form, if any.
        """
        return self._declared.get(key)

    def __iter__(self) -> Any:
        return iter(list(self._declared.values()))

    def check(self, predicate: Predicate) -> bool:
        """
        Check *predicate* fits the declarations; tell whether it is new.

        Raises:
            ConflictError: If it contradicts a declaration already made.
        """
        key = predicate.id
        existing = self._declared.get(key)
        if existing is not None:
            if _meaning(existing) == _meaning(predicate):
                return False
            raise ConflictError(
                "predicate",
                predicate.name,
                f"is already declared differently ({existing!r})",
            )
        if predicate.inverse is not None:
            inverse = predicate_key(predicate.inverse)
            if self._inverse.get(inverse, key) != key:
                raise ConflictError(
                    "inverse",
                    predicate.inverse,
                    f"is already the inverse of {self._inverse[inverse]!r}",
                )
        if predicate.negation is not None:
            negation = predicate_key(predicate.negation)
            taken = self._negative_of.get(negation) or self._positive_of.get(
                negation
            )
            if taken is not None and taken != key:
                raise ConflictError(
                    "negation",
                    predicate.negation,
                    f"is already paired with {taken!r}",
                )
            if negation in self._declared:
                raise ConflictError(
                    "negation",
                    predicate.negation,
                    "is declared as a predicate of its own "
                    f"({self._declared[negation]!r})",
                )
        if key in self._negative_of:
            raise ConflictError(
                "predicate",
                predicate.name,
                f"is declared as the negation of {self._negative_of[key]!r}",
            )
        return True

    def add(self, predicate: Predicate) -> None:
        """
        Record a checked declaration.
        """
        key = predicate.id
        self._canonical.clear()
        self._declared[key] = predicate
        if predicate.inverse is not None:
            inverse = predicate_key(predicate.inverse)
            self._inverse[key] = inverse
            self._inverse[inverse] = key
        if predicate.negation is not None:
            negation = predicate_key(predicate.negation)
            self._negative_of[negation] = key
            self._positive_of[key] = negation

    def related(self, predicate: Predicate) -> set[str]:
        """
        The predicate keys whose canonical form *predicate* may change.
        """
        keys = {predicate.id}
        for other in (predicate.inverse, predicate.negation):
            if other is not None:
                keys.add(predicate_key(other))
        return keys

    def canonical(self, name: str, *, invertible: bool = True) -> Canonical:
        """
        The canonical form of *name*.

        Its positive form; then, of a pair of inverses, the one whose
        normal form sorts first (unless the claim cannot be turned round,
        as when its object is a number).
        """
        found = self._canonical.get((name, invertible))
        if found is not None:
            return found
        key = predicate_key(name)
        flip = key in self._negative_of
        if flip:
            key = self._negative_of[key]
        invert = False
        inverse = self._inverse.get(key)
        if invertible and inverse is not None and inverse < key:
            key, invert = inverse, True
        found = Canonical(key, flip, invert, self._declared.get(key))
        self._canonical[name, invertible] = found
        return found
