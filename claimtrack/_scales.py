"""
Rating scales: claimtrack's own, the field's, and numeric ClaimReview ones.

Every scale maps each of its labels onto a `Rating` of claimtrack's own
scale, and a `Verdict` keeps the label as it was given, so nothing of the
original rating is lost.
"""

from __future__ import annotations

import enum
import math
import re
from decimal import Decimal
from fractions import Fraction
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
    # "Pants on Fire!" and "PANTS_ON_FIRE" differ only in case, punctuation
    # and spacing: the key ignores all three ("pants on fire" is a separate
    # alias of PolitiFact's "pants-fire").
    return name_key(label.replace("_", " ")).replace(" ", "")


def _exact(value: object) -> Fraction | None:
    """
    A finite number as an exact fraction; None for NaN or infinity.

    Fractions make ints, floats and Decimals comparable and keep huge or
    far-apart bounds from overflowing.
    """
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, Decimal) and not value.is_finite():
        return None
    assert isinstance(value, int | float | Decimal)  # noqa: S101
    return Fraction(value)


def _check_labels(inst: object, attr: object, value: object) -> None:
    instance_of(tuple)(inst, "labels", value)
    assert isinstance(value, tuple)  # noqa: S101 -- narrowed above
    if not value:
        raise InvalidValueError("labels", value, "a scale needs labels")
    seen: dict[str, str] = {}
    for index, pair in enumerate(value):
        if not (
            isinstance(pair, tuple)
            and len(pair) == 2  # noqa: PLR2004
            and isinstance(pair[0], str)
            and (pair[1] is None or isinstance(pair[1], Rating))
        ):
            raise InvalidValueError(
                f"labels[{index}]",
                pair,
                "must be a (label, Rating or None) pair",
            )
        _check_new_label(f"labels[{index}]", pair, pair[0], seen)


def _check_new_label(
    field: str, pair: object, label: str, seen: dict[str, str]
) -> None:
    key = _label_key(label)
    if not key:
        raise InvalidValueError(
            field, pair, "a label needs a letter or a digit"
        )
    if key in seen:
        raise InvalidValueError(
            field, pair, f"{label!r} is the same label as {seen[key]!r}"
        )
    seen[key] = label


def _check_aliases(inst: object, attr: object, value: object) -> None:
    instance_of(tuple)(inst, "aliases", value)
    assert isinstance(value, tuple)  # noqa: S101 -- narrowed above
    for index, pair in enumerate(value):
        if not (
            isinstance(pair, tuple)
            and len(pair) == 2  # noqa: PLR2004
            and all(isinstance(x, str) for x in pair)
        ):
            raise InvalidValueError(
                f"aliases[{index}]", pair, "must be an (alias, label) pair"
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
    if _exact(value) is None:
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
        default=(),
        kw_only=True,
        converter=_to_pairs,
        metadata={"check": _check_aliases},
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
        if self.worst is not None and _exact(self.worst) == _exact(self.best):
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
            target = index[_label_key(label)]
            if index.get(_label_key(alias), target) != target:
                raise InvalidValueError(
                    f"aliases[{number}]",
                    pair,
                    f"{alias!r} is already the label "
                    f"{index[_label_key(alias)]!r}",
                )
            if not _label_key(alias):
                raise InvalidValueError(
                    f"aliases[{number}]",
                    pair,
                    "an alias needs a letter or a digit",
                )
            index[_label_key(alias)] = target
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
            name or f"numeric {worst} to {best}",
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
            return self._rate_value(label, label)
        if self.worst is not None and isinstance(label, str):
            number = _number(label)
            if number is not None:
                return self._rate_value(number, label)
        return dict(self.labels)[self.canonical(label)]  # type: ignore[arg-type]

    def _rate_value(self, value: object, given: object) -> Rating:
        if isinstance(value, bool) or not isinstance(
            value, int | float | Decimal
        ):
            raise InvalidTypeError(
                "label", given, "must be a label or a rating value"
            )
        worst, best, exact = (
            _exact(self.worst),
            _exact(self.best),
            _exact(value),
        )
        assert worst is not None  # noqa: S101 -- checked on construction
        assert best is not None  # noqa: S101
        if exact is None or not min(worst, best) <= exact <= max(worst, best):
            raise InvalidValueError(
                "label",
                given,
                f"is outside the {self.name} scale ({self.worst} to "
                f"{self.best})",
            )
        place = (exact - worst) / (best - worst)
        for limit, rating in _BANDS:
            if place < limit:
                return rating
        return Rating.TRUE


_BANDS = (
    (Fraction(1, 8), Rating.FALSE),
    (Fraction(3, 8), Rating.MOSTLY_FALSE),
    (Fraction(5, 8), Rating.MIXED),
    (Fraction(7, 8), Rating.MOSTLY_TRUE),
)


_NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")


def _number(text: str) -> Decimal | None:
    # Plain ASCII decimals only ("2.5", "-1", "1e3"), not "1_0" or "٢".
    stripped = text.strip()
    if not _NUMBER.fullmatch(stripped):
        return None
    return Decimal(stripped)


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


_BY_KEY = {_label_key(name): scale for name, scale in BUILT_IN.items()}


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
        return _BY_KEY[_label_key(name)]
    except KeyError:
        raise InvalidValueError(
            "scale",
            name,
            f"is not a built-in scale ({', '.join(BUILT_IN)}); "
            "pass a RatingScale",
        ) from None
