"""
A tracker as plain records, and its claims as a graph (DOT and GraphML).

Records are plain dicts of plain values (str, int, bool or None), one list
per kind of thing, for pandas or the csv module; `to_csv` writes them as
CSV whose text cannot run as a spreadsheet formula. The graph has a node
per claim and an edge per link between two claims: evidence citing one
claim for or against another, and contradictions.
"""

from __future__ import annotations

import csv
import importlib
import io
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Final
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

import attrs

from claimtrack._contradictions import Contradiction, ContradictionKind
from claimtrack._evidence import Status
from claimtrack._models import Claim
from claimtrack.exceptions import (
    InvalidTypeError,
    InvalidValueError,
    MissingDependencyError,
)


if TYPE_CHECKING:
    from claimtrack._dates import When
    from claimtrack._readable import Readable as Tracker


__all__ = [
    "COLUMNS",
    "FORMULA_STARTS",
    "Edge",
    "chosen",
    "clean",
    "dataframe",
    "edges",
    "neutral",
    "records",
    "to_csv",
    "to_dot",
    "to_graphml",
]

Row = dict[str, Any]
"""One record: column name to a str, int, bool or None."""

JOIN: Final = "; "
"""How several values in one column are joined."""

COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "claims": (
        "id",
        "text",
        "speaker",
        "speaker_name",
        "said",
        "said_precision",
        "said_earliest",
        "said_latest",
        "said_text",
        "source",
        "quote",
        "span_start",
        "span_end",
        "reported_by",
        "subject",
        "predicate",
        "object",
        "polarity",
        "valid",
        "tags",
        "status",
        "support",
        "refuting",
        "evidence",
        "verdicts",
        "verdict",
        "retracted",
        "contradictions",
    ),
    "evidence": (
        "id",
        "claim",
        "stance",
        "items",
        "cites",
        "cited_claims",
        "cited_sources",
        "cited_urls",
        "by",
        "at",
        "note",
    ),
    "verdicts": (
        "id",
        "claim",
        "label",
        "scale",
        "rating",
        "counts",
        "by",
        "at",
        "rationale",
    ),
    "contradictions": (
        "id",
        "kind",
        "claim",
        "claim_text",
        "other",
        "other_text",
        "reason",
        "by",
        "at",
        "note",
        "evidence",
    ),
    "events": ("id", "kind", "by", "at", "claims", "payload"),
    "sources": (
        "id",
        "title",
        "publisher",
        "url",
        "published",
        "published_precision",
        "language",
        "derived_from",
        "text_length",
        "claims",
    ),
    "actors": (
        "id",
        "name",
        "label",
        "kind",
        "role",
        "aliases",
        "claims",
    ),
}
"""The columns of each kind of record, in order."""

# What XML 1.0 cannot hold, even escaped: most control characters, lone
# surrogates and the two non-characters U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """
    Replace what XML and HTML cannot hold by U+FFFD, the replacement mark.
    """
    return _NOT_XML.sub("\ufffd", text)


def chosen(
    tracker: Tracker, claims: Iterable[str | Claim] | None
) -> list[Claim]:
    """
    The claims asked for (all if None), once each, in the order added.

    Raises:
        InvalidTypeError: If *claims* is one claim or id, not several.
        UnknownClaimError: If a claim is not in the tracker.
    """
    if claims is None:
        return list(tracker)
    if isinstance(claims, str | Claim) or not isinstance(claims, Iterable):
        raise InvalidTypeError(
            "claims", claims, "must be a list of claims or claim ids"
        )
    wanted = {
        tracker.claim(c.id if isinstance(c, Claim) else c).id for c in claims
    }
    return [claim for claim in tracker if claim.id in wanted]


# -- the graph ---------------------------------------------------------------


@attrs.frozen
class Edge:
    """
    A link between two claims.

    Attributes:
        source: The id of the claim the link starts from: the claim cited
            as evidence, or a contradiction's first claim.
        target: The id of the claim it goes to: the claim the evidence is
            for or against, or the contradiction's other claim.
        relation: "supports", "refutes", "context" (evidence), or
            "contradicts".
        kind: For a contradiction, its kind's value; else None.
        ref: The id of the evidence or of the contradiction.
        note: The evidence's note, or the contradiction's reason.
    """

    source: str
    target: str
    relation: str
    kind: str | None
    ref: str
    note: str

    @property
    def directed(self) -> bool:
        """
        Whether the link has a direction: evidence has, contradiction not.
        """
        return self.relation != "contradicts"


RELATIONS: Final = ("supports", "refutes", "context", "contradicts")
"""Every relation an edge may have, in the order legends list them."""


def edges(tracker: Tracker, claims: list[Claim]) -> list[Edge]:
    """
    The links between *claims*: evidence first, then contradictions.

    A claim cited as refuting evidence is a "refutes" edge; the
    contradiction of kind refuting-evidence that it makes is not drawn
    again.
    """
    ids = {claim.id for claim in claims}
    found = [
        Edge(
            item.claim,
            claim.id,
            evidence.stance.value,
            None,
            evidence.id,
            evidence.note or "",
        )
        for claim in claims
        for evidence in tracker.evidence(claim)
        for item in evidence.items
        if item.claim is not None and item.claim in ids
    ]
    found.extend(
        Edge(c.claim, c.other, "contradicts", c.kind.value, c.id, c.reason)
        for c in contradictions(tracker, claims)
        if c.kind is not ContradictionKind.REFUTING_EVIDENCE
    )
    return found


def contradictions(
    tracker: Tracker, claims: list[Claim]
) -> list[Contradiction]:
    """
    Every contradiction between two of *claims*, as the tracker lists them.
    """
    ids = {claim.id for claim in claims}
    return [
        c
        for c in tracker.contradictions()
        if c.claim in ids and c.other in ids
    ]


# -- records -----------------------------------------------------------------


def _iso(value: Any) -> str | None:
    return None if value is None else str(value.isoformat())


def _joined(values: Iterable[object]) -> str:
    return JOIN.join(str(v) for v in values)


def _when(prefix: str, when: When | None) -> Row:
    if when is None:
        return {
            prefix: None,
            f"{prefix}_precision": None,
            f"{prefix}_earliest": None,
            f"{prefix}_latest": None,
            f"{prefix}_text": None,
        }
    return {
        prefix: when.isoformat(),
        f"{prefix}_precision": when.precision.value,
        f"{prefix}_earliest": when.earliest.isoformat(),
        f"{prefix}_latest": when.latest.isoformat(),
        f"{prefix}_text": when.text or None,
    }


def _claim_rows(tracker: Tracker) -> list[Row]:
    rows = []
    for claim in tracker:
        proposition = claim.proposition
        support = tracker.support(claim)
        verdict = tracker.verdict(claim)
        row: Row = {
            "id": claim.id,
            "text": claim.text,
            "speaker": claim.speaker,
            "speaker_name": tracker.actor(claim.speaker).label,
            **_when("said", claim.said),
            "source": claim.source,
            "quote": claim.span.exact if claim.span else None,
            "span_start": claim.span.start if claim.span else None,
            "span_end": claim.span.end if claim.span else None,
            "reported_by": _joined(claim.reported_by),
            "subject": proposition.subject if proposition else None,
            "predicate": proposition.predicate if proposition else None,
            "object": str(proposition.object) if proposition else None,
            "polarity": proposition.polarity.value if proposition else None,
            "valid": _iso(proposition.valid) if proposition else None,
            "tags": _joined(claim.tags),
            "status": tracker.status(claim).value,
            "support": support.count,
            "refuting": len(support.refuting),
            "evidence": len(tracker.evidence(claim)),
            "verdicts": _joined(v.label for v in tracker.verdicts(claim)),
            "verdict": verdict.label if verdict else None,
            "retracted": tracker.retraction(claim) is not None,
            "contradictions": len(tracker.contradictions(claim)),
        }
        rows.append(row)
    return rows


def _evidence_rows(tracker: Tracker) -> list[Row]:
    return [
        {
            "id": e.id,
            "claim": e.claim,
            "stance": e.stance.value,
            "items": len(e.items),
            "cites": _joined(e.items),
            "cited_claims": _joined(i.claim for i in e.items if i.claim),
            "cited_sources": _joined(i.source for i in e.items if i.source),
            "cited_urls": _joined(i.url for i in e.items if i.url),
            "by": e.by,
            "at": e.at.isoformat(),
            "note": e.note,
        }
        for claim in tracker
        for e in tracker.evidence(claim)
    ]


def _verdict_rows(tracker: Tracker) -> list[Row]:
    rows: list[Row] = []
    for claim in tracker:
        counting = tracker.verdict(claim)
        rows.extend(
            {
                "id": v.id,
                "claim": v.claim,
                "label": v.label,
                "scale": v.scale,
                "rating": v.rating.value if v.rating else None,
                "counts": v == counting,
                "by": v.by,
                "at": v.at.isoformat(),
                "rationale": v.rationale,
            }
            for v in tracker.verdicts(claim)
        )
    return rows


def _contradiction_rows(tracker: Tracker) -> list[Row]:
    return [
        {
            "id": c.id,
            "kind": c.kind.value,
            "claim": c.claim,
            "claim_text": tracker.claim(c.claim).text,
            "other": c.other,
            "other_text": tracker.claim(c.other).text,
            "reason": c.reason,
            "by": c.by,
            "at": _iso(c.at),
            "note": c.note,
            "evidence": _joined(c.evidence),
        }
        for c in tracker.contradictions()
    ]


def _event_rows(tracker: Tracker) -> list[Row]:
    return [
        {
            "id": event.id,
            "kind": event.kind.value,
            "by": event.by,
            "at": event.at.isoformat(),
            "claims": _joined(event.claims),
            "payload": event.payload.id,
        }
        for event in tracker.events()
    ]


def _source_rows(tracker: Tracker) -> list[Row]:
    return [
        {
            "id": source.id,
            "title": source.title,
            "publisher": source.publisher,
            "url": source.url,
            "published": _iso(source.published),
            "published_precision": source.published.precision.value
            if source.published
            else None,
            "language": source.language,
            "derived_from": _joined(source.derived_from),
            "text_length": None if source.text is None else len(source.text),
            "claims": len(tracker.claims(source=source.id)),
        }
        for source in tracker.sources()
    ]


def _actor_rows(tracker: Tracker) -> list[Row]:
    return [
        {
            "id": actor.id,
            "name": actor.name,
            "label": actor.label,
            "kind": actor.kind.value,
            "role": actor.role,
            "aliases": _joined(actor.aliases),
            "claims": len(tracker.claims(speaker=actor.id)),
        }
        for actor in tracker.actors()
    ]


_ROWS: Final[dict[str, Callable[[Tracker], list[Row]]]] = {
    "claims": _claim_rows,
    "evidence": _evidence_rows,
    "verdicts": _verdict_rows,
    "contradictions": _contradiction_rows,
    "events": _event_rows,
    "sources": _source_rows,
    "actors": _actor_rows,
}


def _kind(what: object) -> str:
    if not isinstance(what, str) or what not in COLUMNS:
        raise InvalidValueError(
            "what", what, f"must be one of {', '.join(COLUMNS)}"
        )
    return what


def records(tracker: Tracker, what: str) -> list[Row]:
    """
    The rows of one kind of thing, each a dict with `COLUMNS` [*what*].
    """
    return _ROWS[_kind(what)](tracker)


def dataframe(tracker: Tracker, what: str) -> Any:
    """
    The rows of one kind of thing as a pandas DataFrame.

    Raises:
        MissingDependencyError: If pandas is not installed.
    """
    kind = _kind(what)
    try:
        pd = importlib.import_module("pandas")  # optional: imported on use
    except ImportError as exc:
        raise MissingDependencyError(
            "module",
            "pandas",
            "is not installed; to_dataframe needs it: "
            "pip install 'claimtrack[pandas]'",
        ) from exc
    return pd.DataFrame.from_records(
        records(tracker, kind), columns=list(COLUMNS[kind])
    )


# -- CSV ---------------------------------------------------------------------

FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
"""The first characters that make a spreadsheet read a cell as a formula
(OWASP's "CSV Injection" list)."""

# A number as a spreadsheet reads one: a minus sign at most, digits, a
# decimal point, an exponent. It starts with "-" and runs nothing.
_NUMBER = re.compile(
    r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?", re.ASCII
)


def neutral(value: object) -> object:
    """
    A cell that a spreadsheet reads as text, never as a formula.

    Text starting with one of `FORMULA_STARTS` gets a single quote before
    it, as OWASP advises: ``=HYPERLINK(...)`` is written
    ``'=HYPERLINK(...)``. A number is not text and is left as it is, and so
    is text that is wholly a plain number (``-5``, ``-2.5e3``): a
    spreadsheet reads it as that number, and a number runs nothing.
    """
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_STARTS)
        and _NUMBER.fullmatch(value) is None
    ):
        return "'" + value
    return value


def to_csv(
    tracker: Tracker, what: str = "claims", *, raw: bool = False
) -> str:
    """
    The rows of one kind of thing as CSV text, with a header row.

    Each text cell that a spreadsheet would read as a formula is written
    with a single quote before it (see `neutral`), unless *raw*.

    Raises:
        InvalidValueError: For an unknown *what*.
        InvalidTypeError: If *raw* is not a bool.
    """
    kind = _kind(what)
    if not isinstance(raw, bool):
        raise InvalidTypeError("raw", raw, "must be True or False")
    rows = records(tracker, kind)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS[kind])
    writer.writeheader()
    writer.writerows(
        rows
        if raw
        else ({k: neutral(v) for k, v in row.items()} for row in rows)
    )
    return out.getvalue()


# -- the graph as text -------------------------------------------------------

STATUS_COLOURS: Final = {
    Status.UNVERIFIED: "#6b7280",
    Status.CORROBORATED: "#15803d",
    Status.VERIFIED: "#166534",
    Status.MOSTLY_TRUE: "#4d7c0f",
    Status.MIXED: "#a16207",
    Status.DISPUTED: "#c2410c",
    Status.MOSTLY_FALSE: "#b91c1c",
    Status.REFUTED: "#b91c1c",
    Status.FALSE: "#7f1d1d",
    Status.UNPROVEN: "#4b5563",
    Status.RETRACTED: "#6d28d9",
}
"""Each status's colour, dark enough for white text and a white page."""

RELATION_STYLES: Final = {
    # relation: (colour, SVG dash pattern or "", DOT style)
    "supports": ("#15803d", "", "solid"),
    "refutes": ("#b91c1c", "8 4", "dashed"),
    "context": ("#6b7280", "2 4", "dotted"),
    "contradicts": ("#c2410c", "10 3 2 3", "bold"),
}
"""How each relation is drawn: a colour and a line style."""


def short(text: str, limit: int) -> str:
    """
    *text* on one line, cut to *limit* characters with an ellipsis.
    """
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "\u2026"


def node_data(tracker: Tracker, claim: Claim, number: int) -> Row:
    """
    What a claim's node carries: its number, words, speaker, date, status.
    """
    return {
        "number": number,
        "label": f"C{number}",
        "text": claim.text,
        "speaker": claim.speaker,
        "speaker_name": tracker.actor(claim.speaker).label,
        "said": _iso(claim.said),
        "said_precision": claim.said.precision.value if claim.said else None,
        "status": tracker.status(claim).value,
        "support": tracker.support(claim).count,
    }


def _dot_string(value: object) -> str:
    text = clean(str(value)).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + text.replace("\n", "\\n") + '"'


def _dot_attributes(values: Row) -> str:
    return ", ".join(
        f"{name}={_dot_string(value)}"
        for name, value in values.items()
        if value is not None
    )


def to_dot(
    tracker: Tracker, claims: Iterable[str | Claim] | None = None
) -> str:
    """
    The graph of *claims* (all if None) as a Graphviz DOT digraph.
    """
    nodes = chosen(tracker, claims)
    lines = [
        "digraph claims {",
        '  graph [fontname="sans-serif", rankdir=LR];',
        (
            '  node [fontname="sans-serif", shape=box, '
            'style="rounded,filled", fillcolor="#ffffff", penwidth=2];'
        ),
        '  edge [fontname="sans-serif"];',
    ]
    for number, claim in enumerate(nodes, 1):
        data = node_data(tracker, claim, number)
        shown = {
            **data,
            "label": f"C{number} ({data['status']})\n{short(claim.text, 40)}",
            "tooltip": claim.text,
            "color": STATUS_COLOURS[Status(data["status"])],
        }
        del shown["number"]  # in "label" already
        lines.append(f"  {_dot_string(claim.id)} [{_dot_attributes(shown)}];")
    for edge in edges(tracker, nodes):
        colour, _, style = RELATION_STYLES[edge.relation]
        shown = {
            "relation": edge.relation,
            "kind": edge.kind,
            "ref": edge.ref,
            "tooltip": edge.note or None,
            "label": edge.kind,
            "color": colour,
            "style": style,
            "dir": None if edge.directed else "none",
        }
        lines.append(
            f"  {_dot_string(edge.source)} -> {_dot_string(edge.target)} "
            f"[{_dot_attributes(shown)}];"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


GRAPHML_NS: Final = "http://graphml.graphdrawing.org/xmlns"
_NODE_KEYS: Final = (
    ("number", "int"),
    ("label", "string"),
    ("text", "string"),
    ("speaker", "string"),
    ("speaker_name", "string"),
    ("said", "string"),
    ("said_precision", "string"),
    ("status", "string"),
    ("support", "int"),
)
_EDGE_KEYS: Final = (
    ("relation", "string"),
    ("kind", "string"),
    ("ref", "string"),
    ("note", "string"),
)


def _data(values: Row) -> list[str]:
    return [
        f"      <data key={quoteattr(name)}>"
        f"{xml_escape(clean(str(value)))}</data>"
        for name, value in values.items()
        if value is not None and value != ""
    ]


def to_graphml(
    tracker: Tracker, claims: Iterable[str | Claim] | None = None
) -> str:
    """
    The graph of *claims* (all if None) as a GraphML document.
    """
    nodes = chosen(tracker, claims)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        (
            f'<graphml xmlns="{GRAPHML_NS}" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            f'xsi:schemaLocation="{GRAPHML_NS} '
            'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">'
        ),
    ]
    for domain, keys in (("node", _NODE_KEYS), ("edge", _EDGE_KEYS)):
        lines.extend(
            f'  <key id="{name}" for="{domain}" attr.name="{name}" '
            f'attr.type="{kind}"/>'
            for name, kind in keys
        )
    lines.append('  <graph id="claims" edgedefault="directed">')
    for number, claim in enumerate(nodes, 1):
        lines.append(f"    <node id={quoteattr(clean(claim.id))}>")
        lines.extend(_data(node_data(tracker, claim, number)))
        lines.append("    </node>")
    for n, edge in enumerate(edges(tracker, nodes)):
        directed = "" if edge.directed else ' directed="false"'
        lines.append(
            f'    <edge id="e{n}" source={quoteattr(clean(edge.source))} '
            f"target={quoteattr(clean(edge.target))}{directed}>"
        )
        lines.extend(
            _data(
                {
                    "relation": edge.relation,
                    "kind": edge.kind,
                    "ref": edge.ref,
                    "note": edge.note,
                }
            )
        )
        lines.append("    </edge>")
    lines += ["  </graph>", "</graphml>"]
    return "\n".join(lines) + "\n"
