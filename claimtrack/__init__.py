"""
claimtrack: track claims made in public life.

Who said what, when, where it is written, how well it is verified, what
backs it up and what contradicts it.
"""

import typing as _typing

from claimtrack._contradictions import Contradiction, ContradictionKind
from claimtrack._dates import Precision, When
from claimtrack._evidence import Evidence, Policy, Stance, Status, Verdict
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
from claimtrack._statement import Statement, StatementKind
from claimtrack._tracker import Tracker
from claimtrack.exceptions import (
    AmbiguityError,
    AmbiguousActorError,
    AmbiguousDateError,
    AmbiguousQuoteError,
    ClaimtrackError,
    ClosedStoreError,
    ConflictError,
    DamagedStoreError,
    DocumentTooLargeError,
    DuplicateIdError,
    EmptyStoreError,
    InvalidDateError,
    InvalidDocumentError,
    InvalidFieldsError,
    InvalidTypeError,
    InvalidValueError,
    IsAFolderError,
    LineageCycleError,
    MissingDependencyError,
    MissingFileError,
    MissingReferenceError,
    MissingTextError,
    NotFoundError,
    QuoteNotFoundError,
    ReadOnlyStoreError,
    SpanMismatchError,
    StaleWriteError,
    StoreBusyError,
    StoreError,
    UnknownActorError,
    UnknownClaimError,
    UnknownLabelError,
    UnknownSourceError,
)


if _typing.TYPE_CHECKING:
    from claimtrack import anchoring as anchoring
    from claimtrack import cli as cli
    from claimtrack import events as events
    from claimtrack import evidence as evidence
    from claimtrack import exceptions as exceptions
    from claimtrack import formats as formats
    from claimtrack import journals as journals
    from claimtrack import reports as reports
    from claimtrack import scales as scales
    from claimtrack import statements as statements
    from claimtrack import strategies as strategies
    from claimtrack import validators as validators
    from claimtrack.statements import find_statements as find_statements

    __version__: str


__all__ = [
    "Actor",
    "ActorKind",
    "AmbiguityError",
    "AmbiguousActorError",
    "AmbiguousDateError",
    "AmbiguousQuoteError",
    "Claim",
    "ClaimtrackError",
    "ClosedStoreError",
    "ConflictError",
    "Contradiction",
    "ContradictionKind",
    "DamagedStoreError",
    "DocumentTooLargeError",
    "DuplicateIdError",
    "EmptyStoreError",
    "Evidence",
    "InvalidDateError",
    "InvalidDocumentError",
    "InvalidFieldsError",
    "InvalidTypeError",
    "InvalidValueError",
    "IsAFolderError",
    "LineageCycleError",
    "MissingDependencyError",
    "MissingFileError",
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
    "ReadOnlyStoreError",
    "Source",
    "Span",
    "SpanMismatchError",
    "StaleWriteError",
    "Stance",
    "Statement",
    "StatementKind",
    "Status",
    "StoreBusyError",
    "StoreError",
    "Tolerance",
    "Tracker",
    "UnknownActorError",
    "UnknownClaimError",
    "UnknownLabelError",
    "UnknownSourceError",
    "Verdict",
    "When",
    "find_statements",
]


_SUBMODULES = frozenset(
    {
        "anchoring",
        "cli",
        "events",
        "evidence",
        "exceptions",
        "formats",
        "journals",
        "reports",
        "scales",
        "statements",
        "strategies",
        "validators",
    }
)
"""The public modules, imported when first used: `import claimtrack` stays
light (the command line, the formats and the reports are not loaded), and
claimtrack.strategies, which needs the optional Hypothesis, is not loaded
either. None is in __all__, so `from claimtrack import *` works without
Hypothesis."""


def __getattr__(name: str) -> object:
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415

        return version("claimtrack")
    if name == "find_statements":  # the finder's rules load when used
        from claimtrack.statements import find_statements  # noqa: PLC0415

        return find_statements
    if name in _SUBMODULES:
        from importlib import import_module  # noqa: PLC0415

        return import_module(f"claimtrack.{name}")
    msg = f"module 'claimtrack' has no attribute {name!r}"
    raise AttributeError(msg)
