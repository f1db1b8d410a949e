"""
Statements: who said what in a source's text, found but not yet accepted.

A `Statement` is a candidate. It becomes a claim only when an analyst
accepts it (`Tracker.add_statements`); until then it changes nothing in a
tracker. Its speaker is an `Actor`: one the tracker already has, or one
proposed from the text (a name, with a role read from apposition). An
unattributed statement keeps an unnamed speaker; none is ever invented.
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Iterable
from typing import Any

import attrs

from claimtrack._models import Actor, Span
from claimtrack._validators import (
    check_fields,
    instance_of,
    member_of,
    non_empty_str,
    optional,
)
from claimtrack.exceptions import InvalidTypeError, InvalidValueError


class StatementKind(enum.Enum):
    """
    How a statement is written in its source.

    .. versionadded:: 0.2.0
    """

    DIRECT = "direct"
    """A quotation, within quotation marks: *"We are ready," he said.*"""
    INDIRECT = "indirect"
    """Reported speech: *Bukele said they were finalizing one.*"""
    MIXED = "mixed"
    """Reported speech holding a quoted fragment: *He said it was "broad".*"""
    FLOATING = "floating"
    """A quotation alone in its sentence; its speaker is named nearby."""


def _to_kind(value: object) -> object:
    if isinstance(value, str):
        try:
            return StatementKind(value)
        except ValueError:
            return value  # the check names it
    return value


def _check_confidence(_inst: object, attr: Any, value: object) -> None:
    if (
        not isinstance(value, float | int)
        or isinstance(value, bool)
        or math.isnan(value)
        or not 0 < value <= 1
    ):
        raise InvalidValueError(
            attr.name, value, "must be a number above 0 and at most 1"
        )


_MARKS = (
    "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"
    "\u201e\u201a\u300c\u300d\u2039\u203a"
)
_EDGES = re.compile(
    f"^[\\s{_MARKS},;:]+|[\\s{_MARKS},;:\u2014\u2013-]+$",
)
"""What comes off a quotation's edges: its marks and punctuation."""
_BLANK_EDGES = re.compile("^[\\s,;:]+|[\\s,;:\u2014\u2013-]+$")
"""What comes off reported speech's edges, whose marks are its own."""
_REOPENED = re.compile(f"\\n\\s*[{_MARKS}]")
"""A quotation going on in the next paragraph: its opening mark again."""
_SPACE = re.compile(r"\s+")


@attrs.frozen
class Statement:
    """
    Who said what, where, as found in a source's text: a candidate claim.

    Find statements with `claimtrack.find_statements`; accept the ones
    you choose with `Tracker.add_statements`.

    Args:
        source: The id of the source it was found in.
        span: What was said, exact to the source's text (a direct
            quotation with its quotation marks).
        kind: A `StatementKind` or its value ("direct").
        speaker: Who said it: an actor the tracker has, or one proposed
            from the text (see *known*). An unattributed statement
            ("sources said") has an unnamed group here, never a name.
        known: Whether *speaker* is one of the tracker's actors.
        speaker_span: The words that name the speaker where the statement
            is attributed ("he", "the ministry", "Marco Rubio"), if any.
        cue: The words that report it ("said", "told reporters",
            "according to"); empty for a floating quotation.
        cue_span: Where the cue is, if anywhere.
        said: The date words of the attribution ("on Monday"), read
            against the source's publication date when accepted.
        confidence: How clearly the statement is attributed, above 0 and
            at most 1.

    .. versionadded:: 0.2.0
    """

    source: str = attrs.field(metadata={"check": non_empty_str()})
    span: Span = attrs.field(metadata={"check": instance_of(Span)})
    kind: StatementKind = attrs.field(
        converter=_to_kind, metadata={"check": member_of(StatementKind)}
    )
    speaker: Actor = attrs.field(metadata={"check": instance_of(Actor)})
    known: bool = attrs.field(
        default=False, kw_only=True, metadata={"check": instance_of(bool)}
    )
    speaker_span: Span | None = attrs.field(
        default=None,
        kw_only=True,
        metadata={"check": optional(instance_of(Span))},
    )
    cue: str = attrs.field(
        default="", kw_only=True, metadata={"check": instance_of(str)}
    )
    cue_span: Span | None = attrs.field(
        default=None,
        kw_only=True,
        metadata={"check": optional(instance_of(Span))},
    )
    said: str | None = attrs.field(
        default=None,
        kw_only=True,
        metadata={"check": optional(non_empty_str())},
    )
    confidence: float = attrs.field(
        default=1.0, kw_only=True, metadata={"check": _check_confidence}
    )

    def __attrs_post_init__(self) -> None:
        check_fields(self)
        for name in ("span", "speaker_span", "cue_span"):
            span = getattr(self, name)
            if span is not None and span.source not in (None, self.source):
                raise InvalidValueError(
                    f"{name}.source",
                    span.source,
                    f"must be the statement's source {self.source!r}",
                )

    @property
    def text(self) -> str:
        """
        What was said, as a claim's text.

        The span's words without the quotation marks and punctuation at
        the edges of a quotation, nor the marks that reopen one going on
        in a new paragraph; reported speech keeps the marks of the words
        it quotes. Spaces are collapsed.
        """
        quoted = self.kind in (StatementKind.DIRECT, StatementKind.FLOATING)
        edges = _EDGES if quoted else _BLANK_EDGES
        words = _REOPENED.sub(" ", edges.sub("", self.span.exact))
        words = _SPACE.sub(" ", words)
        return words or self.span.exact.strip() or self.span.exact


def statements_of(value: object) -> list[Statement]:
    """
    *value*, an iterable of statements, as a list: read once, in order.

    Raises:
        InvalidTypeError: If *value* is not an iterable (or is a str, bytes
            or one statement), naming it, or if an item is not a
            `Statement`, naming its place: ``statements[2]``.
    """
    if isinstance(value, str | bytes | Statement) or not isinstance(
        value, Iterable
    ):
        raise InvalidTypeError(
            "statements", value, "must be a list of Statement"
        )
    found = list(value)
    for n, statement in enumerate(found):
        if not isinstance(statement, Statement):
            raise InvalidTypeError(
                f"statements[{n}]", statement, "must be a Statement"
            )
    return found
