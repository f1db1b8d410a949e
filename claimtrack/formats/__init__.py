"""
The field's formats, in and out.

Each format has a module; every importer reads text, bytes, a path or an
open file, never touches the network, refuses input over a size limit
before reading it, and imports all-or-nothing unless asked to be lenient.

- `claimreview`: schema.org ClaimReview and Claim JSON-LD, in and out.
- `factcheck`: Google Fact Check Tools ``claims:search`` responses.
- `claimskg`: ClaimsKG CSV files.
- `liar`, `averitec`, `climate_fever`, `fever`: the datasets of
  fact-checking research.

`detect` tells a file's format from its name and its beginning, asking
each format's ``detects``. A format's module is imported when it is
first used, not with this package.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Final

from claimtrack._files import checked_path, os_error
from claimtrack.formats._common import (
    MAX_BYTES,
    PROGRESS_EVERY,
    Flag,
    ImportReport,
    Record,
    Rejected,
    has_keys,
)


if TYPE_CHECKING:
    import os
    from collections.abc import Callable
    from types import ModuleType

    from claimtrack.formats import (
        averitec,
        claimreview,
        claimskg,
        climate_fever,
        factcheck,
        fever,
        liar,
    )


__all__ = [
    "MAX_BYTES",
    "PROGRESS_EVERY",
    "Flag",
    "ImportReport",
    "Record",
    "Rejected",
    "averitec",
    "claimreview",
    "claimskg",
    "climate_fever",
    "detect",
    "factcheck",
    "fever",
    "liar",
]

_MODULES: Final = frozenset(
    {
        "averitec",
        "claimreview",
        "claimskg",
        "climate_fever",
        "factcheck",
        "fever",
        "liar",
    }
)
"""The formats' modules, imported when first used."""

_HEAD: Final = 64 * 1024
"""How much of a file `detect` reads: 64 KiB."""


def __getattr__(name: str) -> ModuleType:
    """
    A format's module, imported when it is first asked for.
    """
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return importlib.import_module(f"{__name__}.{name}")


def __dir__() -> list[str]:
    """
    The package's names, with the modules not imported yet.
    """
    return sorted({*globals(), *_MODULES})


def detect(path: str | os.PathLike[str]) -> str | None:
    """
    Tell a file's format from its name and its first 64 KiB, or None.

    The file's beginning is read once, as UTF-8 (a byte that is not UTF-8
    is read as U+FFFD), and each format is asked in turn, with that text
    and the name's extension in lower case, whether the file is of it; the
    first to say yes names the format. They are asked in this order, so
    that a file's name or shape counts before its keys, and keys that
    several formats share count last:

    1. `claimreview`, for a web page (`claimreview.detects_page`): a name
       ending ``.html`` or ``.htm``, or text beginning with ``<`` (after
       any byte-order mark, white space and ``)]}'`` guard);
    2. `liar`: a name ending ``.tsv``, or a first line of 14 tab-separated
       columns;
    3. `claimskg`: a name ending ``.csv``;
    4. claimtrack's own JSON document, written by
       `claimtrack.Tracker.to_json`: the keys ``format``, ``claimtrack``
       and ``events``;
    5. `factcheck`: the keys ``claimReview`` and ``textualRating`` (a
       response, or one of its claims alone);
    6. `claimreview`, for JSON-LD: the key ``@type``;
    7. `averitec`: the keys ``claim_date`` and ``questions``;
    8. `climate_fever`: the keys ``claim_id`` and ``evidences``;
    9. `fever`: the keys ``claim``, ``label`` and ``evidence``.

    Args:
        path: The file.

    Returns:
        The format's name as ``claimtrack import --format`` takes it:
        ``claimreview``, ``liar``, ``claimskg``, ``json`` (claimtrack's
        document), ``factcheck``, ``averitec``, ``climate-fever`` or
        ``fever``; or None if no format knows the file.

    Raises:
        MissingFileError: There is no such file.
        IsAFolderError: The path names a folder.
        StoreError: The file cannot be read for another reason.
        InvalidValueError: The path is empty or holds a NUL.

    .. versionadded:: 0.1.0
    """
    from claimtrack.formats import (  # noqa: PLC0415 -- when first asked
        averitec,
        claimreview,
        claimskg,
        climate_fever,
        factcheck,
        fever,
        liar,
    )

    file = Path(checked_path(path))
    try:
        with file.open("rb") as f:
            head = f.read(_HEAD).decode("utf-8", "replace")
    except OSError as exc:
        raise os_error(exc, file, "read") from exc
    suffix = file.suffix.lower()
    formats: tuple[tuple[str, Callable[[str, str], bool]], ...] = (
        ("claimreview", claimreview.detects_page),
        ("liar", liar.detects),
        ("claimskg", claimskg.detects),
        ("json", _detects_document),
        ("factcheck", factcheck.detects),
        ("claimreview", claimreview.detects),
        ("averitec", averitec.detects),
        ("climate-fever", climate_fever.detects),
        ("fever", fever.detects),
    )
    return next((name for name, test in formats if test(head, suffix)), None)


def _detects_document(head: str, suffix: str) -> bool:  # noqa: ARG001 -- as the formats'
    """
    Whether a file looks like claimtrack's own JSON document.
    """
    return has_keys(head, "format", "claimtrack", "events")
