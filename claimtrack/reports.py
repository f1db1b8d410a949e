"""
Reports to read and records to analyse.

`html` writes one self-contained HTML page (inline style and SVG, no
script, nothing loaded from the network) with a timeline per speaker, the
graph of support and contradiction between claims, and tables of the
claims, evidence, contradictions and sources; `markdown` writes the same
as text. `timeline_svg` and `graph_svg` draw the two pictures on their
own, and `write` saves a report to a file. `to_csv` writes the records of
`claimtrack.Tracker.to_records` as CSV; `COLUMNS` names each kind's
columns.

.. versionadded:: 0.1.0
"""

from claimtrack._records import COLUMNS
from claimtrack._reports import (
    graph_svg,
    html,
    markdown,
    timeline_svg,
    to_csv,
    write,
)


__all__ = [
    "COLUMNS",
    "graph_svg",
    "html",
    "markdown",
    "timeline_svg",
    "to_csv",
    "write",
]
