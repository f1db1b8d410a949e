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
"""

from claimtrack.formats import (
    averitec,
    claimreview,
    claimskg,
    climate_fever,
    factcheck,
    fever,
    liar,
)
from claimtrack.formats._common import (
    MAX_BYTES,
    PROGRESS_EVERY,
    Flag,
    ImportReport,
    Record,
    Rejected,
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
    "factcheck",
    "fever",
    "liar",
]
