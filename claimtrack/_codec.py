"""
Models as plain data and back: what a journal or a document holds.

`plain` turns a model value (a `Claim`, an `Event`'s payload, a `When`)
into JSON-ready data: scalars, lists and dicts named after the model's
fields; dates as ISO 8601 strings; a ``Decimal`` as ``{"decimal": "2.5"}``;
a `Quantity` as ``{"quantity": number, "unit": ...}``; a value of a
subclass of ``str``, ``int`` or ``float`` as the plain value it holds
(models keep such values as given: converting each field would cost every
claim a call, writing them costs only the rare value). `Reader` turns such
data back into models, checking it throughout and naming the JSON path of
any fault. Neither reads nor writes text: the journals and the JSON
document do that.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, cast

import attrs

from claimtrack._anchor import Anchoring, Reanchored, Revision
from claimtrack._contradictions import Contradiction
from claimtrack._dates import Precision, When
from claimtrack._events import _PAYLOAD_TYPES, Event, EventKind
from claimtrack._evidence import Citation, Evidence, Retraction, Verdict
from claimtrack._models import Claim, Proposition, Quantity, Span
from claimtrack._predicates import Tolerance
from claimtrack._scales import Rating
from claimtrack._trusted import trusted
from claimtrack.exceptions import (
    ClaimtrackError,
    InvalidDocumentError,
    _relocate,
)


if TYPE_CHECKING:
    from collections.abc import Callable


__all__ = ["MAX_BYTES", "Reader", "TrustedReader", "event_plain", "plain"]

MAX_BYTES = 256 * 1024 * 1024
"""The largest claimtrack JSON document read unless a larger limit is
given: 256 MiB."""


def _number(value: float | Decimal) -> object:
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    return value


_SCALARS = frozenset({str, bool, int, float, type(None)})
_FIELDS: dict[type, tuple[str, ...]] = {}  # a model's fields, by its type


def plain(value: object) -> object:  # noqa: PLR0911
    """
    A model value as plain JSON data.
    """
    kind = type(value)
    if kind in _SCALARS:
        return value
    names = _FIELDS.get(kind)
    if names is not None:
        return {name: plain(getattr(value, name)) for name in names}
    if isinstance(value, Decimal):
        return _number(value)
    if isinstance(value, tuple):
        return [plain(v) for v in value]
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Quantity):
        return {"quantity": _number(value.value), "unit": value.unit}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, str | int | float):
        return _scalar(value)
    assert attrs.has(kind), value  # noqa: S101 -- models only
    _FIELDS[kind] = tuple(
        field.alias for field in attrs.fields(kind) if field.init
    )
    return plain(value)


def _scalar(value: str | float) -> object:
    """
    A value of a subclass of str, int or float as the value it holds.

    A caller's own str type is written as its text, never as what an
    override of ``__str__`` or ``__int__`` would say.
    """
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, int):
        return int.__int__(value)
    return float.__float__(value)


def claim_plain(claim: Claim) -> dict[str, object]:
    """
    A claim as plain JSON data: what `plain` gives, written directly.

    Claims are most of a journal; this skips the generic walk.
    """
    span, proposition = claim.span, claim.proposition
    return {
        "id": claim.id,
        "text": claim.text,
        "speaker": claim.speaker,
        "said": _when_plain(claim.said),
        "span": None
        if span is None
        else {
            "start": span.start,
            "end": span.end,
            "exact": span.exact,
            "prefix": span.prefix,
            "suffix": span.suffix,
            "source": span.source,
        },
        "source": claim.source,
        "reported_by": list(claim.reported_by),
        "proposition": None
        if proposition is None
        else {
            "subject": proposition.subject,
            "predicate": proposition.predicate,
            "object": plain(proposition.object),
            "polarity": proposition.polarity.value,
            "valid": _when_plain(proposition.valid),
        },
        "tags": list(claim.tags),
    }


def _when_plain(when: When | None) -> dict[str, str] | None:
    if when is None:
        return None
    return {
        "earliest": when.earliest.isoformat(),
        "latest": when.latest.isoformat(),
        "precision": when.precision.value,
        "text": when.text,
    }


class Reader:
    """
    Turn plain data back into models, naming the JSON path of any fault.
    """

    def fail(
        self, path: str, value: object, reason: str
    ) -> InvalidDocumentError:
        return InvalidDocumentError(path, value, reason)

    def mapping(
        self, data: object, path: str, keys: set[str], required: set[str]
    ) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise self.fail(path, data, "must be a JSON object")
        unknown = sorted(set(data) - keys)
        if unknown:
            raise self.fail(
                f"{path}.{unknown[0]}", data[unknown[0]], "is not a known key"
            )
        missing = sorted(required - set(data))
        if missing:
            raise self.fail(path, data, f"lacks the key {missing[0]!r}")
        return data

    def string(self, data: object, path: str) -> str:
        if not isinstance(data, str):
            raise self.fail(path, data, "must be a string")
        return data

    def date(self, data: object, path: str) -> dt.date:
        try:
            return dt.date.fromisoformat(self.string(data, path))
        except ValueError:
            raise self.fail(path, data, "is not an ISO 8601 date") from None

    def instant(self, data: object, path: str) -> dt.datetime:
        try:
            return dt.datetime.fromisoformat(self.string(data, path))
        except ValueError:
            raise self.fail(
                path, data, "is not an ISO 8601 date and time"
            ) from None

    def maybe_instant(self, data: object, path: str) -> dt.datetime | None:
        return None if data is None else self.instant(data, path)

    def number(self, data: object, path: str) -> float | Decimal:
        if isinstance(data, dict):
            self.mapping(data, path, {"decimal"}, {"decimal"})
            try:
                return Decimal(self.string(data["decimal"], f"{path}.decimal"))
            except InvalidOperation:
                raise self.fail(
                    f"{path}.decimal", data["decimal"], "is not a decimal"
                ) from None
        if isinstance(data, bool) or not isinstance(data, int | float):
            raise self.fail(path, data, "must be a number")
        return data

    def when(self, data: object, path: str) -> When | None:
        if data is None:
            return None
        fields = self.mapping(
            data,
            path,
            {"earliest", "latest", "precision", "text"},
            {"earliest", "latest", "precision"},
        )
        when: When = self.build(
            When,
            path,
            earliest=self.date(fields["earliest"], f"{path}.earliest"),
            latest=self.date(fields["latest"], f"{path}.latest"),
            precision=_precision(fields["precision"]),
            text=fields.get("text", ""),
        )
        return when

    def build(
        self, cls: Callable[..., Any], path: str, /, *args: Any, **kwargs: Any
    ) -> Any:
        """
        Build a model; a model's own error is located at *path*.
        """
        try:
            return cls(*args, **kwargs)
        except ClaimtrackError as exc:
            raise _relocate(exc, path, InvalidDocumentError) from exc

    def model(
        self,
        cls: type,
        data: object,
        path: str,
        special: dict[str, Callable[[object, str], object]],
    ) -> Any:
        """
        Read an attrs model whose fields are named as in *data*.
        """
        keys, required = _keys(cls)
        given = self.mapping(data, path, keys, required)
        kwargs = {}
        for name, value in given.items():
            reader = special.get(name)
            kwargs[name] = reader(value, f"{path}.{name}") if reader else value
        return self.build(cls, path, **kwargs)

    # the models ------------------------------------------------------------

    def span(self, data: object, path: str) -> Span | None:
        if data is None:
            return None
        span: Span = self.model(Span, data, path, {})
        return span

    def quantity_or_text(self, data: object, path: str) -> object:
        if isinstance(data, dict):
            fields = self.mapping(
                data, path, {"quantity", "unit"}, {"quantity"}
            )
            return self.build(
                Quantity,
                path,
                self.number(fields["quantity"], f"{path}.quantity"),
                fields.get("unit"),
            )
        return data

    def proposition(self, data: object, path: str) -> Proposition | None:
        if data is None:
            return None
        return self.model(  # type: ignore[no-any-return]
            Proposition,
            data,
            path,
            {"object": self.quantity_or_text, "valid": self.when},
        )

    def citations(self, data: object, path: str) -> list[Citation]:
        if not isinstance(data, list):
            raise self.fail(path, data, "must be a JSON list")
        return [
            self.model(Citation, item, f"{path}[{n}]", {"span": self.span})
            for n, item in enumerate(data)
        ]

    def spans(self, data: object, path: str) -> list[Span | None]:
        if not isinstance(data, list):
            raise self.fail(path, data, "must be a JSON list")
        return [self.span(item, f"{path}[{n}]") for n, item in enumerate(data)]

    def anchoring(self, data: object, path: str) -> Anchoring:
        return self.model(  # type: ignore[no-any-return]
            Anchoring,
            data,
            path,
            {"span": self.span, "found": self.span, "candidates": self.spans},
        )

    def reanchored(self, data: object, path: str) -> list[Reanchored]:
        if not isinstance(data, list):
            raise self.fail(path, data, "must be a JSON list")
        return [
            self.model(
                Reanchored, item, f"{path}[{n}]", {"anchoring": self.anchoring}
            )
            for n, item in enumerate(data)
        ]

    def tolerance(self, data: object, path: str) -> Tolerance | None:
        if data is None:
            return None
        return self.model(  # type: ignore[no-any-return]
            Tolerance,
            data,
            path,
            {"absolute": self.number, "relative": self.number},
        )

    def payload(self, kind: EventKind, data: object, path: str) -> Any:
        return self.model(_PAYLOAD_TYPES[kind], data, path, self.readers(kind))

    def readers(
        self, kind: EventKind
    ) -> dict[str, Callable[[object, str], object]]:
        """
        How to read the fields of a payload of *kind* that are not plain.
        """
        cls = _PAYLOAD_TYPES[kind]
        special: dict[str, Callable[[object, str], object]] = {
            "published": self.when,
            "said": self.when,
            "span": self.span,
            "proposition": self.proposition,
            "items": self.citations,
            "tolerance": self.tolerance,
            "spans": self.reanchored,
        }
        if cls is Verdict:
            special["rating"] = lambda v, _: None if v is None else _rating(v)
        if cls in (Evidence, Verdict, Retraction, Contradiction, Revision):
            special["at"] = self.maybe_instant
        return special

    def event(self, data: object, path: str) -> Event:
        fields = self.mapping(
            data,
            path,
            {"kind", "by", "at", "payload"},
            {"kind", "payload", "at"},
        )
        try:
            kind = EventKind(fields["kind"])
        except ValueError:
            raise self.fail(
                f"{path}.kind",
                fields["kind"],
                "is not an event kind ("
                + ", ".join(k.value for k in EventKind)
                + ")",
            ) from None
        payload = self.payload(kind, fields["payload"], f"{path}.payload")
        event: Event = self.build(
            Event,
            path,
            kind,
            payload,
            by=fields.get("by"),
            at=self.instant(fields["at"], f"{path}.at"),
        )
        return event


@functools.cache
def _keys(cls: type) -> tuple[set[str], set[str]]:
    """
    A model's keys in a document, and those that must be there.
    """
    fields = [f for f in attrs.fields(cls) if f.init]
    return (
        {f.alias for f in fields},
        {f.alias for f in fields if f.default is attrs.NOTHING},
    )


def _rating(value: object) -> object:
    try:
        return Rating(value)
    except ValueError:
        return value  # Verdict's own check names it


def _precision(value: object) -> object:
    try:
        return Precision(value)
    except ValueError:
        return value  # When's own check names it


def event_plain(event: Event) -> dict[str, Any]:
    """
    An event as plain data: its kind, author, time and payload.
    """
    return {
        "kind": event.kind.value,
        "by": event.by,
        "at": event.at.isoformat(),
        "payload": plain(event.payload),
    }


class TrustedReader(Reader):
    """
    Read back data claimtrack wrote itself, without checking it again.

    What a journal holds was checked when it was written. This reader
    builds the same models as `Reader` but skips the key checks and each
    model's field checks: converters still run (they only normalise),
    validators do not. Data it cannot read raises an ordinary exception;
    a journal then reads the same data with `Reader`, which names the
    fault.
    """

    def mapping(
        self,
        data: object,
        path: str,  # noqa: ARG002 -- the checking reader's signature
        keys: set[str],  # noqa: ARG002
        required: set[str],  # noqa: ARG002
    ) -> dict[str, Any]:
        return data  # type: ignore[return-value]  # a dict, as written

    def build(
        self,
        cls: Callable[..., Any],
        path: str,  # noqa: ARG002 -- the checking reader's signature
        /,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        return trusted(cast("type", cls))(*args, **kwargs)

    def model(
        self,
        cls: type,
        data: object,
        path: str,
        special: dict[str, Callable[[object, str], object]],
    ) -> Any:
        kwargs = {}
        for name, value in cast("dict[str, object]", data).items():
            reader = special.get(name)
            kwargs[name] = value if reader is None else reader(value, path)
        return trusted(cls)(**kwargs)

    def when(self, data: object, path: str) -> When | None:  # noqa: ARG002
        if data is None:
            return None
        fields = cast("dict[str, str]", data)
        when: When = trusted(When)(
            earliest=_DAY(fields["earliest"]),
            latest=_DAY(fields["latest"]),
            precision=_PRECISIONS[fields["precision"]],
            text=fields.get("text", ""),
        )
        return when

    def payload(self, kind: EventKind, data: object, path: str) -> Any:
        if kind is EventKind.CLAIM_ADDED:  # most of a journal: read direct
            return self.claim(cast("dict[str, Any]", data))
        special = self._special.get(kind)
        if special is None:
            special = self._special[kind] = self.readers(kind)
        return self.model(_PAYLOAD_TYPES[kind], data, path, special)

    def event(self, data: object, path: str) -> Event:
        fields = cast("dict[str, Any]", data)
        kind = _KINDS[fields["kind"]]
        event: Event = trusted(Event)(
            kind,
            self.payload(kind, fields["payload"], path),
            by=fields.get("by"),
            at=_INSTANT(fields["at"]),
        )
        return event

    def claim(self, data: dict[str, Any]) -> Claim:
        """
        A claim, its fields read straight into their models.
        """
        said, span, proposition = (
            data.get("said"),
            data.get("span"),
            data.get("proposition"),
        )
        claim: Claim = trusted(Claim)(
            data["id"],
            data["text"],
            data["speaker"],
            said=None if said is None else self.when(said, ""),
            span=None if span is None else trusted(Span)(**span),
            source=data.get("source"),
            reported_by=data.get("reported_by", ()),
            proposition=(
                None
                if proposition is None
                else self.proposition_of(proposition)
            ),
            tags=data.get("tags", ()),
        )
        return claim

    def proposition_of(self, data: dict[str, Any]) -> Proposition:
        """
        A claim's proposition, its fields read straight into it.
        """
        valid = data.get("valid")
        proposition: Proposition = trusted(Proposition)(
            data["subject"],
            data["predicate"],
            self.quantity_or_text(data["object"], ""),
            polarity=data.get("polarity", "asserted"),
            valid=None if valid is None else self.when(valid, ""),
        )
        return proposition

    @functools.cached_property
    def _special(self) -> dict[EventKind, dict[str, Any]]:
        return {}


_DAY = dt.date.fromisoformat
_INSTANT = dt.datetime.fromisoformat
_PRECISIONS = {precision.value: precision for precision in Precision}
_KINDS = {kind.value: kind for kind in EventKind}
