"""
Rating scales: claimtrack's own, the field's, and numeric ClaimReview ones.

Every scale maps each of its labels onto a `Rating` of claimtrack's own
scale, and a `Verdict` keeps the label as it was given, so nothing of the
original rating is lost.
"""

from __future__ import annotations

import enum
import math
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

import attrs

from claimtrack._text import name_key
from claimtrack._validators import check_fields, instance_of, non_empty_str
from claimtrack.exceptions import (
    InvalidTypeError,
    InvalidValueError,
    UnknownLabelError,
)


if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping


class Rating(enum.Enum):
    """
    claimtrack's own rating scale, from true to false.

    Other scales map onto it; `UNPROVEN` is "not enough evidence".

    .. versionadded:: 0.1.0
    """

    TRUE = "true"
    MOSTLY_TRUE = "mostly-true"
    MIXED = "mixed"
    MOSTLY_FALSE = "mostly-false"
    FALSE = "false"
    UNPROVEN = "unproven"


def _label_key(label: str) -> str:
    # "Pants on Fire!", "pants-fire" and "PANTS_ON_FIRE" differ only in
    # case, punctuation and "on": the key ignores all three.
    return name_key(label.replace("_", " ")).replace(" ", "")


def _check_labels(inst: object, attr: object, value: object) -> None:
    instance_of(tuple)(inst, "labels", value)
    assert isinstance(value, tuple)  # noqa: S101 -- narrowed above
    if not value:
        raise InvalidValueError("labels", value, "a scale needs labels")
    for index, pair in enumerate(value):
        if not (
            isinstance(pair, tuple)
            and len(pair) == 2  # noqa: PLR2004
            and isinstance(pair[0], str)
            and pair[0].strip()
            and (pair[1] is None or isinstance(pair[1], Rating))
        ):
            raise InvalidValueError(
                f"labels[{index}]",
                pair,
                "must be a (label, Rating or None) pair",
            )


def _to_pairs(value: object) -> object:
    if isinstance(value, dict):
        return tuple(value.items())
    if isinstance(value, list):
        return tuple(tuple(p) if isinstance(p, list) else p for p in value)
    return value


def _check_bound(inst: object, attr: Any, value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise InvalidTypeError(
            attr.name, value, "must be a number (int, float or Decimal)"
        )
    if not math.isfinite(value):
        raise InvalidValueError(attr.name, value, "must be finite")


@attrs.frozen
class RatingScale:
    """
    A publisher's or dataset's rating scale, mapped onto `Rating`.

    Args:
        name: The scale's name ("politifact").
        labels: ``(label, Rating)`` pairs, best first; a label mapped to
            ``None`` is a workflow state ("in progress"), not a judgement.
            Labels match whatever their case, spacing and punctuation.
        aliases: Other spellings of labels, ``(alias, label)`` pairs.
        worst: For a numeric scale, the worst rating value.
        best: For a numeric scale, the best rating value.

    .. versionadded:: 0.1.0
    """

    name: str = attrs.field(metadata={"check": non_empty_str()})
    labels: tuple[tuple[str, Rating | None], ...] = attrs.field(
        converter=_to_pairs, metadata={"check": _check_labels}
    )
    aliases: tuple[tuple[str, str], ...] = attrs.field(
        default=(), kw_only=True, converter=_to_pairs
    )
    worst: int | float | Decimal | None = attrs.field(
        default=None, kw_only=True, metadata={"check": _check_bound}
    )
    best: int | float | Decimal | None = attrs.field(
        default=None, kw_only=True, metadata={"check": _check_bound}
    )
    _index: dict[str, str] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        check_fields(self)
        if (self.worst is None) != (self.best is None):
            raise InvalidValueError(
                "best" if self.best is None else "worst",
                None,
                "a numeric scale needs both worst and best",
            )
        if self.worst is not None and self.worst == self.best:
            raise InvalidValueError(
                "best", self.best, "must differ from worst"
            )
        index = {_label_key(label): label for label, _ in self.labels}
        for number, pair in enumerate(self.aliases):
            alias, label = pair
            if _label_key(label) not in index:
                raise InvalidValueError(
                    f"aliases[{number}]", pair, f"{label!r} is not a label"
                )
            index.setdefault(_label_key(alias), index[_label_key(label)])
        object.__setattr__(self, "_index", index)

    @classmethod
    def numeric(
        cls,
        worst: float | Decimal,
        best: float | Decimal,
        *,
        name: str | None = None,
    ) -> RatingScale:
        """
        A ClaimReview numeric scale from *worst* to *best* (1 to 5, say).

        A value's place between them maps onto `Rating` in five equal
        bands: the bottom tenth-and-a-bit is false, the top is true, the
        middle fourth is mixed (so 2.5 on 1 to 5 is mixed). Text labels of
        claimtrack's own scale are also accepted.
        """
        return cls(
            name or f"numeric {worst}-{best}",
            [(r.value, r) for r in Rating],
            worst=worst,
            best=best,
        )

    @property
    def label_names(self) -> tuple[str, ...]:
        """
        The scale's labels, best first.
        """
        return tuple(label for label, _ in self.labels)

    def __contains__(self, label: object) -> bool:
        try:
            self.rate(label)  # type: ignore[arg-type]
        except (InvalidValueError, InvalidTypeError):
            return False
        return True

    def canonical(self, label: str) -> str:
        """
        Return the scale's own spelling of *label*.

        Raises:
            UnknownLabelError: If the label is not on the scale.
        """
        instance_of(str)(self, "label", label)
        found = self._index.get(_label_key(label))
        if found is None:
            raise UnknownLabelError(
                "label",
                label,
                f"is not on the {self.name} scale "
                f"({', '.join(self.label_names)})",
            )
        return found

    def rate(self, label: str | float | Decimal) -> Rating | None:
        """
        Map a label (or, on a numeric scale, a value) onto `Rating`.

        Raises:
            UnknownLabelError: If the label is not on the scale.
            InvalidValueError: If a value is outside the numeric scale.
        """
        if self.worst is not None and not isinstance(label, str | bool):
            return self._rate_value(label)
        if self.worst is not None and isinstance(label, str):
            number = _number(label)
            if number is not None:
                return self._rate_value(number)
        return dict(self.labels)[self.canonical(label)]  # type: ignore[arg-type]

    def _rate_value(self, value: object) -> Rating:
        assert self.worst is not None  # noqa: S101 -- numeric scales only
        assert self.best is not None  # noqa: S101
        if isinstance(value, bool) or not isinstance(
            value, int | float | Decimal
        ):
            raise InvalidTypeError(
                "label", value, "must be a label or a rating value"
            )
        low, high = sorted((self.worst, self.best))
        if not (math.isfinite(value) and low <= value <= high):
            raise InvalidValueError(
                "label",
                value,
                f"is outside the {self.name} scale ({self.worst} to "
                f"{self.best})",
            )
        place = float(value - self.worst) / float(self.best - self.worst)  # type: ignore[operator]
        for limit, rating in _BANDS:
            if place < limit:
                return rating
        return Rating.TRUE


_BANDS = (
    (0.125, Rating.FALSE),
    (0.375, Rating.MOSTLY_FALSE),
    (0.625, Rating.MIXED),
    (0.875, Rating.MOSTLY_TRUE),
)


def _number(text: str) -> Decimal | None:
    try:
        number = Decimal(text.strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _scale(
    name: str,
    labels: Mapping[str, Rating | None],
    aliases: Iterable[tuple[str, str]] = (),
) -> RatingScale:
    return RatingScale(name, tuple(labels.items()), aliases=tuple(aliases))


CLAIMTRACK = _scale("claimtrack", {r.value: r for r in Rating})
"""claimtrack's own scale: true, mostly-true, mixed, mostly-false, false,
unproven."""

POLITIFACT = _scale(
    "politifact",
    {
        "true": Rating.TRUE,
        "mostly-true": Rating.MOSTLY_TRUE,
        "half-true": Rating.MIXED,
        "mostly-false": Rating.MOSTLY_FALSE,
        "false": Rating.FALSE,
        "pants-fire": Rating.FALSE,
    },
    [
        ("pants on fire", "pants-fire"),
        ("barely-true", "mostly-false"),  # LIAR's name for mostly-false
    ],
)
"""PolitiFact's Truth-O-Meter, with LIAR's spellings (pants-fire,
barely-true)."""

FEVER = _scale(
    "fever",
    {
        "SUPPORTS": Rating.TRUE,
        "REFUTES": Rating.FALSE,
        "NOT ENOUGH INFO": Rating.UNPROVEN,
    },
)
"""FEVER's three labels."""

AVERITEC = _scale(
    "averitec",
    {
        "Supported": Rating.TRUE,
        "Refuted": Rating.FALSE,
        "Conflicting Evidence/Cherrypicking": Rating.MIXED,
        "Not Enough Evidence": Rating.UNPROVEN,
    },
)
"""AVeriTeC's four labels."""

CLIMATE_FEVER = _scale(
    "climate-fever",
    {
        "SUPPORTS": Rating.TRUE,
        "REFUTES": Rating.FALSE,
        "DISPUTED": Rating.MIXED,
        "NOT_ENOUGH_INFO": Rating.UNPROVEN,
    },
)
"""Climate-FEVER's four claim labels."""

MEEDAN_CHECK = _scale(
    "meedan-check",
    {
        "verified": Rating.TRUE,
        "false": Rating.FALSE,
        "not_applicable": Rating.UNPROVEN,
        "in_progress": None,
        "undetermined": None,
    },
    [
        ("inconclusive", "not_applicable"),
        ("unstarted", "undetermined"),
        ("in progress", "in_progress"),
    ],
)
"""Meedan Check's core media statuses; "in progress" and "unstarted" are
workflow states, not judgements."""

BUILT_IN = {
    s.name: s
    for s in (
        CLAIMTRACK,
        POLITIFACT,
        FEVER,
        AVERITEC,
        CLIMATE_FEVER,
        MEEDAN_CHECK,
    )
}


def get(name: str | RatingScale) -> RatingScale:
    """
    Return the built-in scale called *name*, or *name* if it is a scale.

    Raises:
        InvalidValueError: If there is no such built-in scale.

    .. versionadded:: 0.1.0
    """
    if isinstance(name, RatingScale):
        return name
    instance_of(str, RatingScale)(None, "scale", name)
    try:
        return BUILT_IN[name.casefold()]
    except KeyError:
        raise InvalidValueError(
            "scale",
            name,
            f"is not a built-in scale ({', '.join(BUILT_IN)}); "
            "pass a RatingScale",
        ) from None
