"""
Tests for the reports: one self-contained HTML page, Markdown, the SVG
timeline and graph, and writing them to files.
"""

import importlib.util
import os
import re
import stat
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import markdown_it
import pytest
from hypothesis import given

import claimtrack as ct
from claimtrack import reports
from claimtrack._charts import mark
from claimtrack._records import clean

from .trackers import HOSTILE, URLS, trackers


ROOT = Path(__file__).resolve().parent.parent
SVG = "{http://www.w3.org/2000/svg}"
AT = "2025-02-05T09:00:00+00:00"
# Tags that load something, or run something.
LOADING = {
    "script",
    "link",
    "img",
    "image",
    "iframe",
    "frame",
    "object",
    "embed",
    "audio",
    "video",
    "source",
    "track",
    "base",
    "use",
    "feimage",
    "foreignobject",
    "form",
}
LOADING_ATTRIBUTES = {
    "src",
    "srcset",
    "xlink:href",
    "data",
    "poster",
    "background",
    "action",
    "formaction",
    "style",
}


class Page(HTMLParser):
    """
    Every tag with its attributes, and all the text, of an HTML page.
    """

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.texts = []
        self.styles = []
        self._in_style = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        """
        Keep the tag and its attributes.
        """
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_startendtag(self, tag, attrs):
        """
        Keep a self-closing tag too.
        """
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        """
        Leave a style element.
        """
        self._in_style = False

    def handle_data(self, data):
        """
        Keep the text, and style sheets apart.
        """
        (self.styles if self._in_style else self.texts).append(data)

    @property
    def text(self):
        """
        All the page's text.
        """
        return "".join(self.texts)

    def ids(self):
        """
        Every element id on the page.
        """
        return [a["id"] for _, a in self.tags if "id" in a]


def external_urls(tracker):
    """
    The URLs a report may link to: the sources' and the evidence's.
    """
    urls = {s.url for s in tracker.sources() if s.url}
    for claim in tracker:
        for evidence in tracker.evidence(claim):
            urls |= {i.url for i in evidence.items if i.url}
    return urls


def assert_self_contained(page_text, tracker):
    """
    The page loads nothing, runs nothing, and links only where it may.
    """
    page = Page(page_text)
    ids = page.ids()
    assert len(ids) == len(set(ids))
    allowed = external_urls(tracker)
    for tag, attributes in page.tags:
        assert tag not in LOADING
        assert not LOADING_ATTRIBUTES & set(attributes)
        assert not [n for n in attributes if n.startswith("on")]
        for name, value in attributes.items():
            if name == "href":
                assert "a" == tag
                assert value in allowed or value[1:] in ids
            elif value and "url(" in value:
                assert re.fullmatch(r"url\(#[\w-]+\)", value)
                assert value[5:-1] in ids
    for sheet in page.styles:
        assert "url(" not in sheet
        assert "@import" not in sheet
    (policy,) = [
        a["content"]
        for t, a in page.tags
        if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert policy.startswith("default-src 'none'")
    return page


@pytest.fixture(name="tracker")
def _tracker():
    t = ct.Tracker()
    t.declare(ct.Predicate("status", single_valued=True))
    src = t.add_source(
        ct.Source(
            "wire",
            title="Wire story",
            publisher="AP",
            url="https://apnews.example/story?a=1&b=2",
            published="2025-02-04",
            text="Rubio said the deal is agreed. Bukele said they were "
            "finalizing one.",
        )
    )
    t.add_actor(ct.Actor("rubio", "Marco Rubio", aliases=("Rubio",)))
    t.add_actor(ct.Actor("bukele", "Nayib Bukele", aliases=("Bukele",)))
    t.add_actor(ct.Actor("officials", role="US officials", kind="group"))
    t.add_claim(
        "The deal is agreed",
        speaker="Rubio",
        said="Monday",
        source=src,
        quote="the deal is agreed",
        proposition=ct.Proposition("deal", "status", "agreed"),
        valid="Monday",
        by="ana",
        at=AT,
    )
    t.add_claim(
        "The deal is being finalized",
        speaker="Bukele",
        said="Monday",
        source=src,
        quote="they were finalizing one",
        proposition=ct.Proposition("deal", "status", "finalizing"),
        valid="Monday",
        by="ana",
        at=AT,
    )
    t.add_claim(
        "A deal is being floated",
        speaker="officials",
        said="early February 2025",
        source=src,
        by="ana",
        at=AT,
    )
    t.add_claim("Migration is the issue", speaker="rubio", by="ana", at=AT)
    agreed, finalizing, floated, undated = t.claims()
    t.corroborate(floated, evidence=finalizing, by="ana", at=AT, note="Yes")
    t.corroborate(
        undated,
        evidence=[
            "https://example.org/x",
            src.span_of("Bukele said"),
            agreed,
        ],
        stance="refutes",
        by="ana",
        at=AT,
    )
    t.rate(agreed, "mostly-false", by="ed", at=AT, rationale="Not signed")
    t.rate(finalizing, "in progress", scale="meedan-check", by="ed", at=AT)
    return t


def svg_root(text):
    """
    Parse an SVG document, which must be well-formed XML.
    """
    root = ET.fromstring(text)  # noqa: S314 -- our own output
    assert f"{SVG}svg" == root.tag
    return root


def classed(root, name):
    """
    The elements of an SVG with this class.
    """
    return [e for e in root.iter() if e.get("class") == name]


class TestHtml:
    """
    The HTML report is one self-contained page showing everything.
    """

    def test_self_contained(self, tracker):
        """
        No script, no loaded resource; links only inside or to sources.
        """
        page = assert_self_contained(reports.html(tracker), tracker)
        links = {a["href"] for t, a in page.tags if t == "a"}

        assert {"https://apnews.example/story?a=1&b=2"} | {
            "https://example.org/x"
        } == {h for h in links if not h.startswith("#")}
        assert {"#claim-1", "#claim-4", "#source-1", "#timeline"} <= links

    def test_sections(self, tracker):
        """
        The page has the timeline, the graph and the four tables.
        """
        page = Page(reports.html(tracker, title="Rubio & Bukele"))

        assert [
            "timeline",
            "graph",
            "claims",
            "evidence",
            "contradictions",
            "sources",
        ] == [a["id"] for t, a in page.tags if t == "section"]
        assert ["timeline", "graph", "key", "key", "key", "key"] == [
            a["class"] for t, a in page.tags if t == "svg"
        ]
        assert "Rubio & Bukele" in page.text
        assert [f"claim-{n}" for n in range(1, 5)] == [
            a["id"] for t, a in page.tags if t == "tr" and "id" in a
        ][:4]

    def test_tables_say_what_tracker_says(self, tracker):
        """
        Statuses, verdicts, evidence and contradictions are in words.
        """
        text = " ".join(Page(reports.html(tracker)).text.split())

        assert "4 claims by 3 speakers, from 1 source; 2 contradictions." in (
            text
        )
        assert "Said from 1 February 2025 to 10 February 2025." in text
        for words in (
            "mostly false",  # a verdict's status
            "Not signed",
            "in progress",
            "corroborated",
            "value-conflict",
            "refuting-evidence",
            "3 February 2025 (“Monday”)",
            "1–10 February 2025 (“early February 2025”)",
            "undated",
            "2 lineages",
            "“Bukele said”",
        ):
            assert words in text

    def test_every_claim_and_source_id(self, tracker):
        """
        Each claim's and source's id is on the page.
        """
        text = Page(reports.html(tracker)).text

        assert all(c.id in text for c in tracker)
        assert "wire" in text

    def test_subset(self, tracker):
        """
        claims= shows only those claims, and the sources they need.
        """
        agreed, finalizing, _, undated = tracker.claims()

        page = Page(reports.html(tracker, claims=[finalizing.id, undated]))

        assert {finalizing.id, undated.id} == {
            a["data-claim"] for _, a in page.tags if "data-claim" in a
        }
        assert agreed.id in page.text  # cited as evidence, by id
        assert "source-1" in page.ids()

    def test_empty(self):
        """
        An empty tracker gives a page that says so.
        """
        page = Page(reports.html(ct.Tracker()))

        assert "No claims to show." in page.text
        assert "No contradictions." in page.text
        assert "0 claims by 0 speakers, from 0 sources" in page.text

    @pytest.mark.parametrize("hostile", HOSTILE)
    def test_hostile_text(self, hostile):
        """
        Markup, quotes and control characters in any field stay text.
        """
        t = ct.Tracker()
        t.add_source(
            ct.Source(f"s{hostile}", title=hostile, publisher=hostile)
        )
        t.add_actor(ct.Actor(f"a{hostile}", hostile, role=hostile))
        t.add_claim(
            hostile, speaker=f"a{hostile}", id=hostile, source=f"s{hostile}"
        )
        t.rate(hostile, "true", rationale=hostile, at=AT)

        text = reports.html(t, title=hostile)
        page = assert_self_contained(text, t)

        assert "<script>" not in text
        assert clean(hostile) in page.text

    def test_not_a_title(self, tracker):
        """
        A title that is not a str is an InvalidTypeError.
        """
        with pytest.raises(ct.InvalidTypeError) as e:
            reports.html(tracker, title=3)

        assert "title" == e.value.field

    def test_deterministic(self, tracker):
        """
        The same tracker, or a copy read back, gives the same page.
        """
        copy = ct.Tracker.from_json(tracker.to_json())

        assert reports.html(tracker) == reports.html(copy)
        assert reports.markdown(tracker) == reports.markdown(copy)

    def test_from_the_store(self, tracker, tmp_path):
        """
        A tracker opened from its file gives the same page and records.
        """
        path = tmp_path / "claims.db"
        with ct.Tracker.open(path) as stored:
            stored.merge(tracker)

        with ct.Tracker.open(path) as reopened:
            page = reports.html(reopened)
            records = reopened.to_records("evidence")

        assert reports.html(tracker) == page
        assert tracker.to_records("evidence") == records

    @given(trackers())
    def test_any_tracker(self, tracker):
        """
        Any tracker's page is self-contained and names every claim.
        """
        page = assert_self_contained(reports.html(tracker), tracker)

        assert all(clean(c.id) in page.text for c in tracker)
        assert len(tracker) == sum(
            1 for t, a in page.tags if a.get("class") == "claim-mark"
        )


def cells(line):
    """
    A Markdown table row's cells, split at pipes not escaped.
    """
    assert line.startswith("| ")
    assert line.endswith(" |")
    found, current, chars = [], "", iter(line[1:-1])
    for ch in chars:
        if ch == "\\":  # an escape: it and the next character are text
            current += ch + next(chars, "")
        elif ch == "|":
            found.append(current)
            current = ""
        else:
            current += ch
    found.append(current)
    return [cell.removeprefix(" ").removesuffix(" ") for cell in found]


def tables(text):
    """
    Each Markdown table of a document, as its rows of cells.
    """
    found, current = [], []
    for line in [*text.splitlines(), ""]:
        if line.startswith("|"):
            current.append(line)
        elif current:
            found.append(current)
            current = []
    return [
        [cells(line) for line in rows if not line.startswith("|---")]
        for rows in found
    ]


class TestMarkdown:
    """
    The Markdown report has the same content, as text and tables.
    """

    def test_content(self, tracker):
        """
        A dated list per speaker, the links, and the tables.
        """
        text = reports.markdown(tracker, title="Rubio & Bukele")

        assert text.startswith("# Rubio \\& Bukele\n")
        assert "### Marco Rubio" in text
        assert (
            "- **1–10 February 2025** (a range; “early February 2025”) · C3"
            " · corroborated · A deal is being floated"
        ) in text
        assert "- **undated** · C4 · refuted · Migration is the issue" in text
        links, claims, evidence, contradictions, sources = tables(text)
        assert [
            ["C2", "supports", "C3", "Yes"],
            ["C1", "refutes", "C4", ""],
        ] == links[1:3]
        assert ["C1", "contradicts (value-conflict)", "C2"] == links[3][:3]
        assert ["C1", "C2", "C3", "C4"] == [row[0] for row in claims[1:]]
        assert "mostly-false (claimtrack)" == claims[1][9]
        assert "https://example.org/x; S1 “Bukele said”; C1" == evidence[2][3]
        assert ["C1 ↔ C2", "C1 ↔ C4"] == [r[0] for r in contradictions[1:]]
        assert (
            "[link](<https://apnews.example/story?a=1&b=2>)" == sources[1][6]
        )

    def test_timeline_order(self, tracker):
        """
        Each speaker's claims are listed in the order they were said.
        """
        t = ct.Tracker()
        t.add_actor(ct.Actor("a", "A"))
        for text, said in (
            ("late", "2025-03-01"),
            ("none", None),
            ("early", "2025-01-01"),
            ("month", "2025-02"),
        ):
            t.add_claim(text, speaker="a", said=said)

        text = reports.markdown(t)

        order = [text.index(f" · {w}\n") for w in ("early", "month", "late")]
        assert order == sorted(order)
        assert text.index(" · none\n") > order[-1]

    def test_empty(self):
        """
        An empty tracker's report says there is nothing, without tables.
        """
        text = reports.markdown(ct.Tracker())

        assert [] == tables(text)
        assert "No claims." in text

    @pytest.mark.parametrize("hostile", HOSTILE)
    def test_hostile_text(self, hostile):
        """
        Nothing in the tracker is read as Markdown, HTML or a table cell.
        """
        t = ct.Tracker()
        t.add_source(ct.Source("s", title=hostile, url=URLS[2]))
        t.add_actor(ct.Actor(f"a{hostile}", hostile))
        t.add_claim(hostile, speaker=f"a{hostile}", id=hostile, source="s")

        text = reports.markdown(t, title=hostile)

        assert not re.search(r"(?<!\\)<", text.replace("](<", ""))
        for rows in tables(text):
            assert {len(rows[0])} == {len(row) for row in rows}
        assert "[link](<https://x.example/a%20b%5Cc>)" in text

    @given(trackers())
    def test_any_tracker(self, tracker):
        """
        Tables are whole, and every claim has a row and a timeline item.
        """
        text = reports.markdown(tracker)

        for rows in tables(text):
            assert {len(rows[0])} == {len(row) for row in rows}
        assert len(tracker) == len(re.findall(r"^- \*\*", text, re.MULTILINE))


class TestMarkdownRendered:
    """
    A CommonMark renderer reads the report's text as the text it is.
    """

    @pytest.mark.parametrize("hostile", HOSTILE)
    def test_renders_as_text(self, hostile):
        """
        The rendered page has no markup from the tracker, only its text.
        """
        t = ct.Tracker()
        t.add_actor(ct.Actor("a", "A"))
        t.add_claim(hostile, speaker="a", said="2025-02-03", tags=[hostile])

        rendered = (
            markdown_it.MarkdownIt("commonmark")
            .enable("table")
            .render(reports.markdown(t, title=hostile))
        )
        page = Page(rendered)

        assert {"h1", "h2", "h3", "ul", "li", "strong", "table"} >= {
            tag
            for tag, _ in page.tags
            if tag not in ("thead", "tbody", "tr", "th", "td", "p")
        }
        flat = " ".join(clean(hostile).split())
        assert flat in " ".join(page.text.split())


class TestSvg:
    """
    The timeline and the graph, as SVG documents of their own.
    """

    def test_timeline_marks(self, tracker):
        """
        One mark per claim: a point for a day, a bar for a range.
        """
        root = svg_root(reports.timeline_svg(tracker))
        marks = classed(root, "claim-mark")

        assert [c.id for c in tracker] == sorted(
            (m.get("data-claim") for m in marks),
            key=[c.id for c in tracker].index,
        )
        assert {"day": 2, "range": 1, "undated": 1} == {
            p: sum(1 for m in marks if m.get("data-precision") == p)
            for p in ("day", "range", "undated")
        }
        bars = [m for m in marks if m.find(f"{SVG}rect") is not None]
        assert ["range"] == [b.get("data-precision") for b in bars]
        assert ["rubio", "bukele", "officials"] == [
            g.get("data-speaker") for g in classed(root, "speaker")
        ]
        assert [] == list(root.iter(f"{SVG}a"))  # no links on its own

    def test_legend_names_statuses(self, tracker):
        """
        The key names each status shown, in words and by a shape.
        """
        root = svg_root(reports.timeline_svg(tracker))

        shown = {m.get("data-status") for m in classed(root, "claim-mark")}
        keys = classed(root, "legend-status")
        assert shown == {k.get("data-status") for k in keys}
        assert all(
            k.find(f"{SVG}text").text == k.get("data-status").replace("-", " ")
            for k in keys
        )

    def test_status_shapes_differ(self):
        """
        Statuses differ by shape or fill, not by colour alone.
        """
        shapes = {
            re.sub(r'"#(?!ffffff)\w{6}"', '"colour"', mark(status, 0, 0, 6))
            for status in ct.Status
        }

        assert len(ct.Status) == len(shapes)

    def test_graph(self, tracker):
        """
        A node per claim; edges for evidence and contradictions.
        """
        root = svg_root(reports.graph_svg(tracker))
        agreed, finalizing, floated, undated = tracker.claims()

        assert {c.id for c in tracker} == {
            n.get("data-claim") for n in classed(root, "node")
        }
        assert [
            ("supports", finalizing.id, floated.id),
            ("refutes", agreed.id, undated.id),
            ("contradicts", agreed.id, finalizing.id),
        ] == [
            (
                e.get("data-relation"),
                e.get("data-source"),
                e.get("data-target"),
            )
            for e in classed(root, "edge")
        ]
        (path,) = classed(root, "edge")[2].iter(f"{SVG}path")
        assert "url(#ct-cross)" == path.get("marker-mid")
        assert ["supports", "refutes", "context", "contradicts"] == [
            g.get("data-relation") for g in classed(root, "legend-relation")
        ]

    def test_parallel_edges_bend_apart(self, tracker):
        """
        Two links between the same claims are drawn apart.
        """
        agreed, finalizing, *_ = tracker.claims()
        tracker.corroborate(finalizing, evidence=agreed, stance="refutes")

        root = svg_root(
            reports.graph_svg(tracker, claims=[agreed, finalizing])
        )
        paths = [
            next(e.iter(f"{SVG}path")).get("d") for e in classed(root, "edge")
        ]

        assert 2 == len(paths)
        assert paths[0] != paths[1]

    def test_empty(self):
        """
        With no claims, each picture says so.
        """
        for draw in (reports.timeline_svg, reports.graph_svg):
            root = svg_root(draw(ct.Tracker()))
            assert "No claims to show." in "".join(root.itertext())

    @pytest.mark.parametrize(
        ("dates", "shown", "not_shown"),
        [
            (["2025-02-03", "2025-02-05"], "4 Feb", "Mar"),
            (["2025-01-01", "2025-03-31"], "25 Jan", "Feb 2025"),
            (["2024-11-01", "2025-06-30"], "Feb 2025", "3 Feb"),
            (["1990-01-01", "2020-06-01"], "1995", "1996"),
            (["0001-01-01", "9999-12-31"], "5000", "5001"),
        ],
    )
    def test_axis(self, dates, shown, not_shown):
        """
        The axis is marked in days, weeks, months or years, as fits.
        """
        t = ct.Tracker()
        t.add_actor(ct.Actor("a", "A"))
        for n, day in enumerate(dates):
            t.add_claim(f"claim {n}", speaker="a", said=day)

        labels = [
            e.text
            for e in svg_root(reports.timeline_svg(t)).iter(f"{SVG}text")
        ]

        assert shown in labels
        assert not [label for label in labels if not_shown in label]

    def test_end_of_the_calendar(self):
        """
        Days at the very end of the calendar are marked, and no further.
        """
        t = ct.Tracker()
        t.add_actor(ct.Actor("a", "A"))
        for day in ("9999-12-29", "9999-12-31"):
            t.add_claim(day, speaker="a", said=day)

        labels = [
            e.text
            for e in svg_root(reports.timeline_svg(t)).iter(f"{SVG}text")
        ]

        assert ["28 Dec 9999", "29 Dec", "30 Dec", "31 Dec"] == [
            label for label in labels if "Dec" in label
        ]

    def test_key_wraps(self):
        """
        A key of every status runs over several rows, each one shown.
        """
        t = ct.Tracker()
        t.add_actor(ct.Actor("a", "A"))
        labels = [label for label, _ in ct.scales.CLAIMTRACK.labels]
        for label in labels:
            t.rate(t.add_claim(label, speaker="a"), label)
        retracted, refuted, disputed, corroborated, _ = t.add_claims(
            [{"text": f"c{n}", "speaker": "a"} for n in range(5)]
        )
        t.retract(retracted)
        t.corroborate(refuted, evidence=disputed, stance="refutes")
        t.corroborate(corroborated, evidence="https://example.org/one")

        root = svg_root(reports.timeline_svg(t))
        keys = classed(root, "legend-status")

        assert len(ct.Status) == len(keys)
        rows = {k.find(f"{SVG}text").get("y") for k in keys}
        assert 2 <= len(rows)

    def test_no_dates(self):
        """
        A timeline of undated claims says that no claim has a date.
        """
        root = svg_root(reports.timeline_svg(_one(None)))

        assert "No claim has a date." in "".join(root.itertext())

    @given(trackers())
    def test_any_tracker(self, tracker):
        """
        Both pictures are well-formed, with one mark and node per claim.
        """
        timeline = svg_root(reports.timeline_svg(tracker))
        graph = svg_root(reports.graph_svg(tracker))

        assert len(tracker) == len(classed(timeline, "claim-mark"))
        assert len(tracker) == len(classed(graph, "node"))


def _one(label, said="2025-02-03"):
    """
    A tracker of one claim, rated *label* (or not rated, if None).
    """
    t = ct.Tracker()
    t.add_actor(ct.Actor("a", "A"))
    claim = t.add_claim("c", speaker="a", said=None if label is None else said)
    if label is not None:
        t.rate(claim, label)
    return t


def table(text, head):
    """
    The rows of the Markdown table whose header starts with *head*, if
    there is one.
    """
    found = [t[1:] for t in tables(text) if t[0][: len(head)] == head]
    assert len(found) <= 1
    return found[0] if found else []


@pytest.fixture(name="lineages")
def _lineages():
    """
    A claim from a wire story, with evidence of every kind the engine
    counts or sets aside.
    """
    t = ct.Tracker()
    for outlet in ("one", "two"):
        t.add_source(
            ct.Source(
                outlet,
                publisher=f"Outlet {outlet}",
                text="Rubio said El Salvador will take deportees.",
                derived_from=("ap",),
            ),
            at=AT,
        )
    t.add_actor(ct.Actor("rubio", "Marco Rubio"), at=AT)
    t.add_actor(ct.Actor("bukele", "Nayib Bukele"), at=AT)
    t.add_actor(ct.Actor("desk", "The wire desk"), at=AT)
    offer = t.add_claim(
        "El Salvador will take deportees",
        speaker="rubio",
        source="one",
        quote="El Salvador will take deportees",
        reported_by=["desk"],
        at=AT,
    )
    again = t.add_claim("El Salvador will take them", speaker="rubio", at=AT)
    confirmed = t.add_claim("We will take them", speaker="bukele", at=AT)
    relayed = t.add_claim("They will take them", speaker="desk", at=AT)
    for evidence in (
        t.source("two").span_of("El Salvador will take deportees"),
        again,
        relayed,
        confirmed,
        "https://checks.example/a",
        "https://checks.example/b",
    ):
        t.corroborate(offer, evidence=evidence, by="ana", at=AT)
    t.corroborate(
        offer, evidence="https://ctx.example/", stance="context", at=AT
    )
    t.corroborate(again, evidence=confirmed, stance="refutes", at=AT)
    return t


class TestWhySetAside:
    """
    The evidence table says how each piece counts toward the status.
    """

    def test_markdown_says_why(self, lineages):
        """
        A reprint of the same wire story, the speaker's repeat and a
        relay's word are set aside with the engine's reasons; a second
        page of one site counts once with the first.
        """
        rows = table(reports.markdown(lineages), ["#", "claim", "stance"])

        assert [
            "set aside: it goes back to 'ap', as the claim's source does",
            (
                "set aside: Marco Rubio is the claim's own speaker: repeating "
                "a claim does not corroborate it"
            ),
            (
                "set aside: The wire desk relayed the claim: relaying it "
                "does not confirm it"
            ),
            "counts: an independent lineage (Nayib Bukele)",
            "counts: an independent lineage (the site checks.example)",
            (
                "set aside: the same lineage as E5 (the site "
                "checks.example), which counts for both"
            ),
            "context: counts neither for nor against",
            "counts against the claim",
        ] == [row[4] for row in rows]
        assert [f"E{n}" for n in range(1, 9)] == [row[0] for row in rows]

    def test_html_links_the_lineage(self, lineages):
        """
        The HTML names the same reasons, and links to the evidence that
        counts for a shared lineage.
        """
        text = reports.html(lineages)
        page = assert_self_contained(text, lineages)
        words = " ".join(page.text.split())

        assert "set aside: the same lineage as E5 (the site" in words
        assert '<a href="#evidence-5">E5</a>' in text
        assert [f"evidence-{n}" for n in range(1, 9)] == [
            i for i in page.ids() if i.startswith("evidence-")
        ]
        assert "3 lineages, 4 set aside" in words
        assert "ten outlets reprinting one wire story" in words

    def test_verdict_and_retraction_decide(self, lineages):
        """
        When a verdict or a retraction sets the status, each piece of the
        claim's evidence says so.
        """
        offer, again, *_ = lineages.claims()
        lineages.rate(offer, "false", by="ed", at=AT)
        lineages.retract(again, at=AT)

        rows = table(reports.markdown(lineages), ["#", "claim", "stance"])

        assert all(
            row[4].endswith(
                "; but the verdict “false” sets the status whatever the "
                "evidence says"
            )
            for row in rows
            if row[1] == "C1"
        )
        assert rows[-1][4] == (
            "counts against the claim; but the speaker retracted the claim, "
            "which sets its status whatever the evidence says"
        )

    @given(trackers())
    def test_every_piece_explained(self, tracker):
        """
        Each claim has as many pieces that count as independent lineages
        besides its own, and every other supporting piece is set aside.
        """
        rows = table(reports.markdown(tracker), ["#", "claim", "stance"])

        for n, claim in enumerate(tracker, 1):
            mine = [row for row in rows if row[1] == f"C{n}"]
            support = tracker.support(claim)
            counting = [r for r in mine if r[4].startswith("counts: ")]
            aside = [r for r in mine if r[4].startswith("set aside: ")]
            supporting = [r for r in mine if r[2] == "supports"]
            assert support.count - 1 == len(counting)
            assert len(supporting) == len(counting) + len(aside)
            assert len(support.refuting) == sum(
                1 for r in mine if r[4].startswith("counts against")
            )


@pytest.fixture(name="conflicted")
def _conflicted():
    """
    Two claims in conflict two ways: their values, and an analyst's link
    made from the second to the first.
    """
    t = ct.Tracker()
    t.declare(ct.Predicate("status", single_valued=True), at=AT)
    t.add_actor(ct.Actor("rubio", "Marco Rubio"), at=AT)
    t.add_actor(ct.Actor("bukele", "Nayib Bukele"), at=AT)
    agreed = t.add_claim(
        "The deal is agreed",
        speaker="rubio",
        proposition=ct.Proposition("deal", "status", "agreed"),
        at=AT,
    )
    pending = t.add_claim(
        "The deal is pending",
        speaker="bukele",
        proposition=ct.Proposition("deal", "status", "pending"),
        at=AT,
    )
    t.contradict(pending, agreed, by="ana", at=AT, note="Not the same")
    return t


class TestPairsOnce:
    """
    A pair of claims in conflict is listed, and drawn, once.
    """

    def test_markdown(self, conflicted):
        """
        One row, with both kinds, and what the claims say said once.
        """
        text = reports.markdown(conflicted)
        (row,) = table(text, ["claims", "kind", "reason"])

        assert ["C1 ↔ C2", "value-conflict, explicit"] == row[:2]
        assert 1 == row[2].count("says “The deal is agreed”")
        assert "value-conflict: the status of deal has one value" in row[2]
        assert "· explicit: ana linked them: Not the same" in row[2]
        assert "; 1 contradiction." in text
        (link,) = [
            r for r in table(text, ["from", "link"]) if "contradicts" in r[1]
        ]
        assert "contradicts (value-conflict, explicit)" == link[1]

    def test_html_and_graph(self, conflicted):
        """
        The HTML table has one row for the pair, and the graph one line.
        """
        text = reports.html(conflicted)
        root = svg_root(reports.graph_svg(conflicted))
        (edge,) = classed(root, "edge")
        title = edge.find(f"{SVG}title").text

        assert 1 == text.count("value-conflict, explicit</td>")
        assert title.startswith("C1 contradicts C2 (value-conflict, explicit)")
        assert 1 == title.count("says “The deal is agreed”")

    @given(trackers())
    def test_any_tracker(self, tracker):
        """
        The contradictions table has one row per pair of claims in
        conflict, with every kind the tracker gives the pair.
        """
        numbers = {f"C{n}": c.id for n, c in enumerate(tracker, 1)}
        kinds = {}
        for c in tracker.contradictions():
            key = frozenset((c.claim, c.other))
            kinds.setdefault(key, set()).add(c.kind.value)
        text = reports.markdown(tracker)
        rows = table(text, ["claims", "kind", "reason"]) if kinds else []

        found = {}
        for row in rows:
            first, second = row[0].split(" ↔ ")
            found[frozenset((numbers[first], numbers[second]))] = set(
                row[1].split(", ")
            )
        assert len(rows) == len(found)
        assert kinds == found
        drawn = classed(svg_root(reports.graph_svg(tracker)), "edge")
        lines = [
            frozenset((e.get("data-source"), e.get("data-target")))
            for e in drawn
            if e.get("data-relation") == "contradicts"
        ]
        assert len(lines) == len(set(lines))
        assert len(lines) == sum(
            1 for k in kinds.values() if k - {"refuting-evidence"}
        )


class TestCitations:
    """
    Evidence citing a whole source names the source, in both formats.
    """

    def test_whole_source(self):
        """
        A source cited without a span links to the source's row.
        """
        t = ct.Tracker()
        t.add_source(ct.Source("memo", title="A memo"))
        t.add_actor(ct.Actor("a", "A"))
        claim = t.add_claim("c", speaker="a")
        t.corroborate(claim, evidence="memo", by="ana", at=AT)

        page = Page(reports.html(t))
        _, evidence, _ = tables(reports.markdown(t))
        (row,) = evidence[1:]

        assert [("a", {"href": "#source-1"})] == [
            (tag, a) for tag, a in page.tags if a.get("href") == "#source-1"
        ]
        assert "S1 A memo" in page.text
        assert "S1" == row[3]


class TestWrite:
    """
    write() saves a report atomically, in the format its name says.
    """

    @pytest.mark.parametrize(
        ("name", "start"),
        [
            ("r.html", "<!DOCTYPE html>"),
            ("R.HTM", "<!DOCTYPE html>"),
            ("r.md", "# Claims report"),
            ("r.markdown", "# Claims report"),
        ],
    )
    def test_by_extension(self, tracker, tmp_path, name, start):
        """
        The extension chooses HTML or Markdown; nothing else is left.
        """
        reports.write(tracker, tmp_path / name)

        assert (tmp_path / name).read_text(encoding="utf-8").startswith(start)
        assert [name] == [p.name for p in tmp_path.iterdir()]
        assert 0o644 == stat.S_IMODE((tmp_path / name).stat().st_mode)

    def test_format_and_title(self, tracker, tmp_path):
        """
        format= overrides the extension; title= is the heading.
        """
        path = tmp_path / "report.txt"

        reports.write(tracker, str(path), format="markdown", title="T")

        assert path.read_text(encoding="utf-8").startswith("# T\n")

    def test_subset(self, tracker, tmp_path):
        """
        claims= is passed on to the report.
        """
        first = tracker.claims()[0]
        reports.write(tracker, tmp_path / "r.md", claims=[first])

        assert "1 claim by 1 speaker" in (tmp_path / "r.md").read_text(
            encoding="utf-8"
        )

    def test_replaces_keeping_mode(self, tracker, tmp_path):
        """
        Writing over a file replaces it and keeps its permissions.
        """
        path = tmp_path / "r.html"
        path.write_text("old", encoding="utf-8")
        path.chmod(0o600)

        reports.write(tracker, path)

        assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE")
        assert 0o600 == stat.S_IMODE(path.stat().st_mode)

    @pytest.mark.parametrize(
        ("name", "kind", "field"),
        [
            ("r.txt", None, "path"),
            ("r", None, "path"),
            ("r.md", "pdf", "format"),
        ],
    )
    def test_bad_format(self, tracker, tmp_path, name, kind, field):
        """
        An unknown format or extension is an InvalidValueError; no file.
        """
        with pytest.raises(ct.InvalidValueError) as e:
            reports.write(tracker, tmp_path / name, format=kind)

        assert field == e.value.field
        assert [] == list(tmp_path.iterdir())

    def test_missing_directory(self, tracker, tmp_path):
        """
        A path in no directory is a StoreError, also an OSError.
        """
        path = tmp_path / "nowhere" / "r.html"

        with pytest.raises(OSError) as e:
            reports.write(tracker, path)

        assert isinstance(e.value, ct.StoreError)
        assert ("path", str(path)) == (e.value.field, e.value.value)

    @pytest.mark.parametrize(
        ("error", "raised"),
        [
            (OSError(28, "No space left"), ct.StoreError),
            (KeyboardInterrupt, KeyboardInterrupt),
        ],
    )
    def test_failed_write_leaves_nothing(
        self, tracker, tmp_path, monkeypatch, error, raised
    ):
        """
        A write that fails halfway leaves the old file and no other.
        """
        path = tmp_path / "r.md"
        path.write_text("old", encoding="utf-8")

        def fail(fd):
            raise error

        monkeypatch.setattr(os, "fsync", fail)
        with pytest.raises(raised):
            reports.write(tracker, path)

        assert "old" == path.read_text(encoding="utf-8")
        assert ["r.md"] == [p.name for p in tmp_path.iterdir()]


def load_example():
    """
    Import the worked example as a module, without running it.
    """
    path = ROOT / "examples" / "el_salvador.py"
    spec = importlib.util.spec_from_file_location("el_salvador", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestSeedReport:
    """
    The seed article's report in docs/report/ is what the code makes.
    """

    def test_committed_report_is_current(self, tmp_path):
        """
        Writing the report again gives the committed files, byte for byte.

        If this fails, run: python examples/el_salvador.py --report
        docs/report
        """
        example = load_example()

        written = example.write_report(tmp_path)

        for path in written:
            committed = ROOT / "docs" / "report" / path.name
            assert committed.read_bytes() == path.read_bytes(), path.name

    def test_report_shows_the_article(self):
        """
        The seed report has its nine claims, the support and the conflict.
        """
        tracker = load_example().analysed()
        text = (ROOT / "docs" / "report" / "el_salvador.html").read_text(
            encoding="utf-8"
        )

        page = assert_self_contained(text, tracker)
        marks = [a for _, a in page.tags if a.get("class") == "claim-mark"]
        edges = [a for _, a in page.tags if a.get("class") == "edge"]
        assert 9 == len(marks)
        assert ["supports", "contradicts"] == [
            e["data-relation"] for e in edges
        ]
        assert {"corroborated", "disputed", "unverified"} == {
            m["data-status"] for m in marks
        }
        assert {"range"} == {
            m["data-precision"] for m in marks if m["data-precision"] != "day"
        }

    def test_example_usage(self, capsys):
        """
        The example refuses arguments it does not know, with its usage.
        """
        assert 2 == load_example().main(["--nothing"])
        assert "usage:" in capsys.readouterr().err
