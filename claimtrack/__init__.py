"""
claimtrack: track claims made in public life.

Who said what, when, where it is written, how well it is verified, what
backs it up and what contradicts it.
"""

import typing as _typing

from claimtrack import cli, exceptions, formats, reports, scales, validators
from claimtrack._anchor import (
    Anchoring,
    AnchorKind,
    Reanchored,
    Revision,
    reanchor,
)
from claimtrack._contradictions import Contradiction, ContradictionKind
from claimtrack._dates import Precision, When
from claimtrack._events import Event, EventKind
from claimtrack._evidence import (
    Citation,
    Evidence,
    Lineage,
    Policy,
    Retraction,
    SetAside,
    Stance,
    Status,
    Support,
    Verdict,
)
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
from claimtrack._predicates import Predicate, Tolerance
from claimtrack._scales import Rating, RatingScale
from claimtrack._tracker import Tracker
from claimtrack.exceptions import (
    AmbiguityError,
    AmbiguousActorError,
    AmbiguousDateError,
    AmbiguousQuoteError,
    ClaimtrackError,
    ConflictError,
    DocumentTooLargeError,
    DuplicateIdError,
    InvalidDateError,
    InvalidDocumentError,
    InvalidFieldsError,
    InvalidTypeError,
    InvalidValueError,
    LineageCycleError,
    MissingDependencyError,
    MissingReferenceError,
    MissingTextError,
    NotFoundError,
    QuoteNotFoundError,
    SpanMismatchError,
    StoreBusyError,
    StoreError,
    UnknownActorError,
    UnknownClaimError,
    UnknownLabelError,
    UnknownSourceError,
)


if _typing.TYPE_CHECKING:
    from claimtrack import strategies as strategies

    __version__: str


__all__ = [
    "Actor",
    "ActorKind",
    "AmbiguityError",
    "AmbiguousActorError",
    "AmbiguousDateError",
    "AmbiguousQuoteError",
    "AnchorKind",
    "Anchoring",
    "Citation",
    "Claim",
    "ClaimtrackError",
    "ConflictError",
    "Contradiction",
    "ContradictionKind",
    "DocumentTooLargeError",
    "DuplicateIdError",
    "Event",
    "EventKind",
    "Evidence",
    "InvalidDateError",
    "InvalidDocumentError",
    "InvalidFieldsError",
    "InvalidTypeError",
    "InvalidValueError",
    "Lineage",
    "LineageCycleError",
    "MissingDependencyError",
    "MissingReferenceError",
    "MissingTextError",
    "NotFoundError",
    "Polarity",
    "Policy",
    "Precision",
    "Predicate",
    "Proposition",
    "Quantity",
    "QuoteNotFoundError",
    "Rating",
    "RatingScale",
    "Reanchored",
    "Retraction",
    "Revision",
    "SetAside",
    "Source",
    "Span",
    "SpanMismatchError",
    "Stance",
    "Status",
    "StoreBusyError",
    "StoreError",
    "Support",
    "Tolerance",
    "Tracker",
    "UnknownActorError",
    "UnknownClaimError",
    "UnknownLabelError",
    "UnknownSourceError",
    "Verdict",
    "When",
    "cli",
    "exceptions",
    "formats",
    "reanchor",
    "reports",
    "scales",
    "validators",
]


# claimtrack.strategies needs the optional Hypothesis: it is imported when
# first used, and is not in __all__, so that `import claimtrack` and
# `from claimtrack import *` work without Hypothesis.
def __getattr__(name: str) -> object:
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415

        return version("claimtrack")
    if name == "strategies":
        from importlib import import_module  # noqa: PLC0415

        return import_module("claimtrack.strategies")
    msg = f"module 'claimtrack' has no attribute {name!r}"
    raise AttributeError(msg)
