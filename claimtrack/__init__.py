"""
claimtrack: track claims made in public life.

Who said what, when, where it is written, how well it is verified, what
backs it up and what contradicts it.
"""

from claimtrack import exceptions, validators
from claimtrack._dates import Precision, When
from claimtrack._models import (
    Actor,
    ActorKind,
    Claim,
    Polarity,
    Proposition,
    Quantity,
    Source,
    Span,
)
from claimtrack._tracker import Tracker
from claimtrack.exceptions import (
    AmbiguityError,
    AmbiguousActorError,
    AmbiguousDateError,
    AmbiguousQuoteError,
    ClaimtrackError,
    ConflictError,
    DuplicateIdError,
    InvalidDateError,
    InvalidFieldsError,
    InvalidTypeError,
    InvalidValueError,
    MissingReferenceError,
    MissingTextError,
    NotFoundError,
    QuoteNotFoundError,
    SpanMismatchError,
    UnknownActorError,
    UnknownClaimError,
    UnknownSourceError,
)


__all__ = [
    "Actor",
    "ActorKind",
    "AmbiguityError",
    "AmbiguousActorError",
    "AmbiguousDateError",
    "AmbiguousQuoteError",
    "Claim",
    "ClaimtrackError",
    "ConflictError",
    "DuplicateIdError",
    "InvalidDateError",
    "InvalidFieldsError",
    "InvalidTypeError",
    "InvalidValueError",
    "MissingReferenceError",
    "MissingTextError",
    "NotFoundError",
    "Polarity",
    "Precision",
    "Proposition",
    "Quantity",
    "QuoteNotFoundError",
    "Source",
    "Span",
    "SpanMismatchError",
    "Tracker",
    "UnknownActorError",
    "UnknownClaimError",
    "UnknownSourceError",
    "When",
    "exceptions",
    "validators",
]


def __getattr__(name: str) -> str:
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415

        return version("claimtrack")
    msg = f"module 'claimtrack' has no attribute {name!r}"
    raise AttributeError(msg)
