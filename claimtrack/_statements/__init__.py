"""
Find attributed statements (who said what) in news text, by rules.

`find` reads a text and returns each statement it finds: its exact span,
its kind (direct, indirect, mixed or floating), who said it, with which
cue, and how sure the rules are. It imports nothing beyond the standard
library and attrs.
"""

from collections.abc import Sequence

import attrs

from claimtrack._statements._finder import Found, find_drafts
from claimtrack.exceptions import InvalidTypeError, InvalidValueError


__all__ = ["Found", "Known", "find"]

KINDS = ("person", "organization", "government", "group")
"""The kinds of actor a `Known` may be."""

_SPEAKER_KINDS = {
    "person": "person",
    "organization": "organization",
    "government": "organization",
    "group": "group",
}
"""The speaker kind of each kind of known actor: a government is a body."""


def _names(instance: object, attribute: object, value: object) -> None:
    """
    Check that *value* is a non-empty tuple of non-empty strings.
    """
    del instance, attribute
    if not isinstance(value, tuple) or not all(
        isinstance(name, str) for name in value
    ):
        raise InvalidTypeError(
            "names", value, "must be a tuple of str: the name, then aliases"
        )
    if not value or not all(name.strip() for name in value):
        raise InvalidValueError(
            "names", value, "must hold at least one name, none of them blank"
        )


@attrs.frozen
class Known:
    """
    An actor the caller already knows, so that mentions resolve to it.

    Attributes:
        key: The caller's id for the actor.
        names: Its name first, then its aliases ("Marco Rubio", "Rubio").
        role: Its role ("US Secretary of State"), so that "the secretary"
            resolves to it; or None.
        kind: ``"person"``, ``"organization"``, ``"government"`` or
            ``"group"``.
    """

    key: str = attrs.field(validator=attrs.validators.instance_of(str))
    names: tuple[str, ...] = attrs.field(validator=_names)
    role: str | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(str)),
    )
    kind: str = attrs.field(
        default="person", validator=attrs.validators.in_(KINDS)
    )


def find(text: str, known: Sequence[Known] = ()) -> list[Found]:
    """
    Find the attributed statements in *text*.

    Args:
        text: The article's text.
        known: Actors already known, matched by name, alias and role.

    Returns:
        The statements in text order. The same text and actors always give
        the same statements.

    Raises:
        InvalidTypeError: *text* is not a str, or *known* is not a sequence
            of `Known`.
    """
    if not isinstance(text, str):
        raise InvalidTypeError("text", text, "must be a str")
    if isinstance(known, str | bytes) or not isinstance(known, Sequence):
        raise InvalidTypeError("known", known, "must be a sequence of Known")
    for actor in known:
        if not isinstance(actor, Known):
            raise InvalidTypeError("known", actor, "must hold only Known")
    actors = [(k.key, k.names, k.role, _SPEAKER_KINDS[k.kind]) for k in known]
    return find_drafts(text, actors)
