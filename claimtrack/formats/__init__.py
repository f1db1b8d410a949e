"""
The field's formats, in and out.

Each format has a module; every importer reads text, bytes, a path or an
open file, never touches the network, refuses input over a size limit
before reading it, and imports all-or-nothing unless asked to be lenient.
"""

from claimtrack.formats import averitec, climate_fever, fever, liar
from claimtrack.formats._common import (
    MAX_BYTES,
    Flag,
    ImportReport,
    Record,
    Rejected,
)


__all__ = [
    "MAX_BYTES",
    "Flag",
    "ImportReport",
    "Record",
    "Rejected",
    "averitec",
    "climate_fever",
    "fever",
    "liar",
]
