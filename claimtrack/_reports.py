"""
Reports an editor can read: one HTML file, or Markdown, from a tracker.

Over 800 lines, kept whole on purpose: the HTML and Markdown reports
share every section, and each section's two renderings sit side by side.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Final
from urllib.parse import quote

import attrs

from claimtrack import _articles, _charts, _files, _records
from claimtrack._charts import mark, status_words, when_words
from claimtrack._dates import When
from claimtrack._evidence import Stance
from claimtrack._statement import Statement, statements_of
from claimtrack._validators import instance_of, optional
from claimtrack.exceptions import (
    InvalidTypeError,
    InvalidValueError,
    MissingFileError,
    StoreError,
)


if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from claimtrack._contradictions import Contradiction
    from claimtrack._evidence import Citation, Evidence, Status, Support
    from claimtrack._models import Claim, Source
    from claimtrack._tracker import Tracker


__all__ = [
    "FORMATS",
    "graph_svg",
    "html",
    "markdown",
    "timeline_svg",
    "to_csv",
    "write",
]

TITLE: Final = "Claims report"
FORMATS: Final = {
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
}
"""The report format each file extension stands for."""

_e = _charts._e  # noqa: SLF001 -- one escaping rule for SVG and HTML


@attrs.frozen
class _Pair:
    """
    Two claims that contradict each other, and every way they do.

    The tracker lists a pair once per kind of conflict; a report shows it
    once, with each kind and its reason.
    """

    claim: str
    other: str
    found: tuple[Contradiction, ...]

    @property
    def kinds(self) -> str:
        """
        The kinds of conflict, in words: "value-conflict, explicit".
        """
        return ", ".join(c.kind.value for c in self.found)

    def reasons(self) -> tuple[str, list[str]]:
        """
        What the reasons share, then each one's own words after its kind.

        Each reason says first what the two claims say, then why they
        conflict; what they share is said once. For one reason, it is
        given whole.
        """
        return _together(
            [c.kind.value for c in self.found], [c.reason for c in self.found]
        )


def _together(kinds: list[str], reasons: list[str]) -> tuple[str, list[str]]:
    """
    The words several reasons start with, and each one's rest after its kind.

    What they share is cut after its last ": ", so that it is whole
    clauses: ``A says "x"; B says "y":``.
    """
    if len(reasons) == 1:
        return "", reasons
    shared = os.path.commonprefix(reasons)  # noqa: RUF071 -- of words
    lead = shared[: shared.rfind(": ") + 1]  # "" if there is no ": "
    return lead, [
        f"{kind}: {reason[len(lead) :].lstrip()}"
        for kind, reason in zip(kinds, reasons, strict=True)
    ]


def _pairs(found: Iterable[Contradiction]) -> list[_Pair]:
    """
    The contradictions grouped by pair of claims, whichever way round.
    """
    groups: dict[frozenset[str], list[Contradiction]] = {}
    for contradiction in found:
        key = frozenset((contradiction.claim, contradiction.other))
        groups.setdefault(key, []).append(contradiction)
    return [
        _Pair(group[0].claim, group[0].other, tuple(group))
        for group in groups.values()
    ]


def _edges(found: list[_records.Edge]) -> list[_records.Edge]:
    """
    The graph's links, each contradicting pair drawn once.

    Evidence is drawn link by link; the contradictions of one pair are one
    line, where the first was, with their kinds and reasons together.
    """
    groups: dict[frozenset[str], list[_records.Edge]] = {}
    for edge in found:
        if not edge.directed:
            key = frozenset((edge.source, edge.target))
            groups.setdefault(key, []).append(edge)
    merged = []
    for edge in found:
        if edge.directed:
            merged.append(edge)
            continue
        group = groups[frozenset((edge.source, edge.target))]
        if edge is not group[0]:
            continue  # drawn with the first
        lead, rests = _together(
            [str(e.kind) for e in group], [e.note for e in group]
        )
        merged.append(
            attrs.evolve(
                edge,
                kind=", ".join(str(e.kind) for e in group),
                note=" ".join([lead, " \u00b7 ".join(rests)]).strip(),
            )
        )
    return merged


@attrs.frozen
class _Report:
    """
    What a report shows, worked out once.
    """

    tracker: Tracker
    title: str
    claims: list[Claim]
    numbers: dict[str, int]
    statuses: dict[str, Status]
    supports: dict[str, Support]
    evidence: list[Evidence]
    evidence_numbers: dict[str, int]
    edges: list[_records.Edge]
    contradictions: list[_Pair]
    sources: list[Source]
    source_numbers: dict[str, int]

    @classmethod
    def of(
        cls,
        tracker: Tracker,
        title: str | None,
        claims: Iterable[str | Claim] | None,
    ) -> _Report:
        optional(instance_of(str))(None, "title", title)
        chosen = _records.chosen(tracker, claims)
        evidence = [e for c in chosen for e in tracker.evidence(c)]
        if claims is None:
            sources = tracker.sources()
        else:
            cited = {c.source for c in chosen} | {
                item.source for e in evidence for item in e.items
            }
            sources = [s for s in tracker.sources() if s.id in cited]
        return cls(
            tracker,
            TITLE if title is None else title,
            chosen,
            {claim.id: n for n, claim in enumerate(chosen, 1)},
            {claim.id: tracker.status(claim) for claim in chosen},
            {claim.id: tracker.support(claim) for claim in chosen},
            evidence,
            {item.id: n for n, item in enumerate(evidence, 1)},
            _edges(_records.edges(tracker, chosen)),
            _pairs(_records.contradictions(tracker, chosen)),
            sources,
            {source.id: n for n, source in enumerate(sources, 1)},
        )

    @property
    def speakers(self) -> list[str]:
        """
        The ids of the claims' speakers, in the order they were added.
        """
        mine = {c.speaker for c in self.claims}
        return [a.id for a in self.tracker.actors() if a.id in mine]

    def summary(self) -> str:
        """
        What the report covers, in a sentence or two.
        """
        text = (
            f"{_count(len(self.claims), 'claim')} by "
            f"{_count(len(self.speakers), 'speaker')}, from "
            f"{_count(len(self.sources), 'source')}; "
            f"{_count(len(self.contradictions), 'contradiction')}."
        )
        dated = [c.said for c in self.claims if c.said is not None]
        if dated:
            first = When.day(min(w.earliest for w in dated)).describe()
            last = When.day(max(w.latest for w in dated)).describe()
            text += (
                f" Said on {first}."
                if first == last
                else f" Said from {first} to {last}."
            )
        return text

    def source_label(self, source_id: str) -> str:
        """
        A source's number and publisher, else its title, else its id.
        """
        source = self.tracker.source(source_id)
        name = source.publisher or source.title or source.id
        return f"S{self.source_numbers[source_id]} {_records.short(name, 40)}"

    def counting(
        self, evidence: Evidence, ref: Callable[[int], str]
    ) -> tuple[str, str, str]:
        """
        How a piece of evidence counts toward its claim's status, and why.

        Returns the words before a reference to other evidence, the
        reference (*ref* of that evidence's number; empty when there is
        none) and the words after it, so that each rendering can make the
        reference a link. Supporting evidence counts as an independent
        lineage, or is set aside, with the engine's reason: it goes back
        to the claim's own speaker, relays or source, or to the same
        lineage as other evidence (ten outlets reprinting one wire story
        count once). Then, if a verdict or a retraction sets the claim's
        status, that is said too: the evidence does not decide it.
        """
        support = self.supports[evidence.claim]
        before, reference, after = "", "", ""
        if evidence.stance is Stance.REFUTES:
            before = "counts against the claim"
        elif evidence.stance is Stance.CONTEXT:
            before = "context: counts neither for nor against"
        else:
            aside = {a.evidence: a.reason for a in support.set_aside}
            if evidence.id in aside:
                before = f"set aside: {aside[evidence.id]}"
            else:
                lineage = next(
                    line
                    for line in support.lineages
                    if evidence.id in line.evidence
                )
                roots = self.roots_words(lineage.roots)
                if lineage.evidence[0] == evidence.id:
                    before = f"counts: an independent lineage ({roots})"
                else:
                    before = "set aside: the same lineage as "
                    reference = ref(self.evidence_numbers[lineage.evidence[0]])
                    after = f" ({roots}), which counts for both"
        return before, reference, after + self.decided(evidence.claim)

    def decided(self, claim_id: str) -> str:
        """
        What sets a claim's status if its evidence does not, in a clause.
        """
        tracker = self.tracker
        if tracker.retraction(claim_id) is not None:
            return (
                "; but the speaker retracted the claim, which sets its "
                "status whatever the evidence says"
            )
        verdict = tracker.verdict(claim_id)
        if verdict is not None:
            return (
                f"; but the verdict \u201c{verdict.label}\u201d sets the "
                "status whatever the evidence says"
            )
        return ""

    def roots_words(self, roots: Iterable[str]) -> str:
        """
        What a lineage goes back to, in words: "Nayib Bukele".
        """
        words = []
        for root in roots:
            kind, _, value = root.partition(":")
            if kind == "actor":
                words.append(self.tracker.actor(value).label)
            elif kind == "source":
                words.append(f"the source \u2018{value}\u2019")
            else:  # a publisher or a site
                words.append(f"the {kind} {value}")
        return ", ".join(words)

    def support_words(self, claim_id: str) -> str:
        """
        A claim's support: its lineages, what was set aside, what refutes.
        """
        support = self.supports[claim_id]
        words = _count(support.count, "lineage")
        aside = len(support.set_aside) + sum(  # and what shares a lineage
            len(line.evidence) - 1 for line in support.lineages if not line.own
        )
        if aside:
            words += f", {aside} set aside"
        if support.refuting:
            words += f", {len(support.refuting)} refuting"
        return words


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def timeline_svg(
    tracker: Tracker, *, claims: Iterable[str | Claim] | None = None
) -> str:
    """
    Draw a timeline per speaker as an SVG document.

    Each speaker has a row; each claim is marked where it was said: a point
    for a day, a bar across a longer period (a month, a year, a range of
    days), and a column of its own for undated claims. A mark's shape and
    colour give the claim's status, and a key explains them; each mark is
    labelled with the claim's number (``C1`` is the first claim, in the
    order added) and holds the whole claim in its ``<title>``.

    Args:
        tracker: Where the claims are.
        claims: The claims (or their ids) to draw; all if omitted.

    Raises:
        UnknownClaimError: If a claim is not in the tracker.
        InvalidTypeError: If *claims* is one claim, not a list of them.

    .. versionadded:: 0.1.0
    """
    report = _Report.of(tracker, None, claims)
    return _charts.timeline(
        tracker, report.claims, report.numbers, links=False
    )


def graph_svg(
    tracker: Tracker, *, claims: Iterable[str | Claim] | None = None
) -> str:
    """
    Draw the graph of support and contradiction as an SVG document.

    The claims are placed around a circle, grouped by speaker. An arrow
    goes from a claim cited as evidence to the claim it supports (a solid
    line), refutes (dashed) or gives context to (dotted); a dash-dot line
    with a cross at its middle joins two claims that contradict each other.
    Nodes have the status shapes of `timeline_svg`.

    Args:
        tracker: Where the claims are.
        claims: The claims (or their ids) to draw, with the links between
            them; all if omitted.

    Raises:
        UnknownClaimError: If a claim is not in the tracker.
        InvalidTypeError: If *claims* is one claim, not a list of them.

    .. versionadded:: 0.1.0
    """
    report = _Report.of(tracker, None, claims)
    return _charts.graph(
        tracker, report.claims, report.numbers, report.edges, links=False
    )


# -- HTML --------------------------------------------------------------------

_CSS: Final = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica,
  Arial, sans-serif; color: #111827; background: #ffffff; line-height: 1.45;
  max-width: 1120px; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .4rem; }
h2 { font-size: 1.25rem; margin: 2.2rem 0 .6rem; padding-bottom: .2rem;
  border-bottom: 1px solid #e5e7eb; }
nav { margin: .8rem 0; }
nav a { margin-right: 1rem; }
a { color: #1d4ed8; }
figure { margin: 1rem 0; }
figcaption, .muted { color: #4b5563; font-size: .85rem; }
svg { max-width: 100%; height: auto; }
svg a:focus { outline: 2px solid #1d4ed8; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem;
  border-bottom: 1px solid #e5e7eb; }
thead th { background: #f3f4f6; }
tbody tr:target { background: #fef3c7; }
td p { margin: 0 0 .3rem; }
code { font-size: .8rem; color: #4b5563; word-break: break-all; }
.quote { color: #374151; font-style: italic; }
.key { vertical-align: -2px; margin-right: .3rem; }
ul.plain { margin: 0; padding-left: 1rem; }
@media print { nav { display: none; } }
"""

_EVIDENCE_WORDS: Final = (
    "Support is counted in independent lineages, the claim's own "
    "included. Supporting evidence that goes back to the claim's own "
    "speaker, to someone who relayed it, or to its own source, publisher "
    "or site is set aside, and evidence that shares a lineage with other "
    "evidence counts once with it: ten outlets reprinting one wire story "
    "are one lineage. A verdict, or the speaker's retraction, sets a "
    "claim's status whatever its evidence says."
)
"""What the evidence table's "for the status" column means."""

_SECTIONS: Final = (
    ("timeline", "Timeline"),
    ("graph", "Support and contradiction"),
    ("claims", "Claims"),
    ("evidence", "Evidence"),
    ("contradictions", "Contradictions"),
    ("sources", "Sources"),
)


_STATEMENTS: Final = ("statements", "Statements")


def _articles_of(
    tracker: Tracker, statements: Iterable[Statement]
) -> list[tuple[Source, list[Statement]]]:
    """
    Each source with statements, in the order first named, with its own.

    Raises:
        InvalidTypeError: If *statements* is not an iterable of them.
        UnknownSourceError: If a source is not in *tracker*.
        SpanMismatchError: If a span is not true to its source's text.
    """
    found: dict[str, tuple[Source, list[Statement]]] = {}
    for statement in statements_of(statements):
        if statement.source not in found:
            found[statement.source] = (tracker.source(statement.source), [])
        source, own = found[statement.source]
        source.check_span(statement.span)
        own.append(statement)
    return list(found.values())


def _quoting(report: _Report, source: Source) -> list[_articles.Quoting]:
    """
    Where the report's claims quote *source*, with their numbers.
    """
    return [
        _articles.Quoting(c.span.start, c.span.end, report.numbers[c.id])
        for c in report.claims
        if c.source == source.id and c.span is not None
    ]


def _statements_section(
    report: _Report, articles: list[tuple[Source, list[Statement]]]
) -> str:
    """
    The "Statements" section: each article with its statements marked.
    """
    if not articles:
        return ""
    parts = [
        f'<section id="{_STATEMENTS[0]}"><h2>{_STATEMENTS[1]}</h2>',
        f"<p>{_e(_articles.LEGEND)}</p>",
    ]
    for number, (source, statements) in enumerate(articles, start=1):
        claims = _quoting(report, source)
        parts.append(
            _articles.marked(source, statements, claims, number=number)
        )
    parts.append("</section>")
    return "".join(parts)


def _table(head: Iterable[str], rows: list[str], empty: str) -> str:
    if not rows:
        return f'<p class="muted">{empty}</p>'
    cells = "".join(f'<th scope="col">{h}</th>' for h in head)
    return (
        f"<table><thead><tr>{cells}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _key(status: Status) -> str:
    return (
        '<svg class="key" xmlns="http://www.w3.org/2000/svg" width="14" '
        'height="14" viewBox="-8 -8 16 16" aria-hidden="true">'
        f"{mark(status, 0, 0, 5.5)}</svg>{status_words(status)}"
    )


def _claim_link(report: _Report, claim_id: str) -> str:
    number = report.numbers.get(claim_id)
    if number is None:
        return f"<code>{_e(claim_id)}</code>"
    return f'<a href="#claim-{number}">C{number}</a>'


def _source_link(report: _Report, source_id: str) -> str:
    number = report.source_numbers[source_id]
    return (
        f'<a href="#source-{number}">{_e(report.source_label(source_id))}</a>'
    )


def _citation(report: _Report, item: Citation) -> str:
    if item.claim is not None:
        return _claim_link(report, item.claim)
    if item.source is not None:
        where = _source_link(report, item.source)
        if item.span is not None:
            where += (
                f' <span class="quote">\u201c'
                f"{_e(_records.short(item.span.exact, 80))}\u201d</span>"
            )
        return where
    return f'<a href="{_e(item.url)}">{_e(item.url)}</a>'


def _claim_row(report: _Report, claim: Claim) -> str:
    tracker = report.tracker
    number = report.numbers[claim.id]
    speaker = tracker.actor(claim.speaker)
    counting = tracker.verdict(claim)
    text = f"<p>{_e(claim.text)}</p>"
    if claim.span is not None:
        text += f'<p class="quote">\u201c{_e(claim.span.exact)}\u201d</p>'
    text += f"<code>{_e(claim.id)}</code>"
    if claim.tags:
        text += f'<p class="muted">tags: {_e(", ".join(claim.tags))}</p>'
    who = _e(speaker.label)
    if speaker.role and speaker.name:
        who += f'<br><span class="muted">{_e(speaker.role)}</span>'
    if claim.reported_by:
        relays = ", ".join(tracker.actor(a).label for a in claim.reported_by)
        who += f'<br><span class="muted">reported by {_e(relays)}</span>'
    said = _e(when_words(claim.said))
    if claim.said is not None:
        said += f'<br><span class="muted">{claim.said.precision.value}</span>'
    source = _source_link(report, claim.source) if claim.source else "\u2014"
    lineages = report.support_words(claim.id)
    verdicts = [
        (f"<strong>{_e(v.label)}</strong>" if v == counting else _e(v.label))
        + f' <span class="muted">({_e(v.scale)}'
        + (f", {_e(v.by)}" if v.by else "")
        + f", {v.at.date().isoformat()})</span>"
        + (f"<br>{_e(v.rationale)}" if v.rationale else "")
        for v in tracker.verdicts(claim)
    ]
    verdict_cell = (
        '<ul class="plain">'
        + "".join(f"<li>{v}</li>" for v in verdicts)
        + "</ul>"
        if verdicts
        else "\u2014"
    )
    return (
        f'<tr id="claim-{number}"><th scope="row">C{number}</th>'
        f"<td>{text}</td><td>{who}</td><td>{said}</td><td>{source}</td>"
        f"<td>{_key(report.statuses[claim.id])}</td><td>{lineages}</td>"
        f"<td>{verdict_cell}</td></tr>"
    )


def _evidence_link(number: int) -> str:
    return f'<a href="#evidence-{number}">E{number}</a>'


def _evidence_row(report: _Report, evidence: Evidence) -> str:
    number = report.evidence_numbers[evidence.id]
    cites = "<br>".join(_citation(report, item) for item in evidence.items)
    before, reference, after = report.counting(evidence, _evidence_link)
    return (
        f'<tr id="evidence-{number}"><th scope="row">E{number}</th>'
        f"<td>{_claim_link(report, evidence.claim)}</td>"
        f"<td>{evidence.stance.value}</td><td>{cites}</td>"
        f"<td>{_e(before)}{reference}{_e(after)}</td>"
        f"<td>{_e(evidence.by or '')}</td>"
        f"<td>{evidence.at.date().isoformat()}</td>"
        f"<td>{_e(evidence.note or '')}</td></tr>"
    )


def _contradiction_row(report: _Report, pair: _Pair) -> str:
    lead, reasons = pair.reasons()
    why = (
        _e(reasons[0])
        if len(reasons) == 1
        else (f"<p>{_e(lead)}</p>" if lead else "")
        + '<ul class="plain">'
        + "".join(f"<li>{_e(r)}</li>" for r in reasons)
        + "</ul>"
    )
    return (
        f"<tr><td>{_claim_link(report, pair.claim)} \u2194 "
        f"{_claim_link(report, pair.other)}</td>"
        f"<td>{_e(pair.kinds)}</td><td>{why}</td></tr>"
    )


def _source_row(report: _Report, source: Source) -> str:
    number = report.source_numbers[source.id]
    title = _e(source.title or source.id)
    if source.url:
        title = f'<a href="{_e(source.url)}">{title}</a>'
    claims = sum(1 for c in report.claims if c.source == source.id)
    return (
        f'<tr id="source-{number}"><th scope="row">S{number}</th>'
        f"<td>{title}<br><code>{_e(source.id)}</code></td>"
        f"<td>{_e(source.publisher or '')}</td>"
        f"<td>{_e(when_words(source.published))}</td>"
        f"<td>{_e(source.language or '')}</td>"
        f"<td>{_e(', '.join(source.derived_from))}</td><td>{claims}</td></tr>"
    )


def html(
    tracker: Tracker,
    *,
    title: str | None = None,
    claims: Iterable[str | Claim] | None = None,
    statements: Iterable[Statement] = (),
) -> str:
    """
    Write a report as one self-contained HTML document.

    The page holds everything it shows: its style is inline, its pictures
    are inline SVG, it has no script, and it loads nothing from anywhere
    (its content security policy forbids it). Its only links to the
    outside are the sources' and the evidence's own URLs. It has a
    timeline per speaker and the graph of support and contradiction (see
    `timeline_svg` and `graph_svg`), then tables of the claims, the
    evidence, the contradictions and the sources. Claims are numbered in
    the order they were added (``C1``, ``C2``...), and every mark in the
    pictures links to its claim's row.

    The same tracker gives the same page, byte for byte: nothing in it
    depends on when or where it was written.

    Args:
        tracker: Where the claims are.
        title: The page's title; "Claims report" if omitted.
        claims: The claims (or their ids) to report on, with what links
            them; all if omitted.
        statements: Statements found in sources' text (`find_statements`):
            each source is shown whole in a "Statements" section, with
            them marked, and links from each to the claims that quote any
            of it (the claim it became, once accepted).

    Raises:
        UnknownClaimError: If a claim is not in the tracker.
        UnknownSourceError: If a statement's source is not in it.
        SpanMismatchError: If a statement's span is not true to the text.
        InvalidTypeError: If *claims* is one claim, *title* is not a str,
            or *statements* is not an iterable of `Statement`.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       The *statements* option.
    """
    report = _Report.of(tracker, title, claims)
    articles = _articles_of(tracker, statements)
    sections = _SECTIONS if not articles else (*_SECTIONS, _STATEMENTS)
    nav = " ".join(
        f'<a href="#{anchor}">{words}</a>' for anchor, words in sections
    )
    timeline = _charts.timeline(
        tracker, report.claims, report.numbers, links=True
    )
    graph = _charts.graph(
        tracker, report.claims, report.numbers, report.edges, links=True
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        (
            '<meta http-equiv="Content-Security-Policy" '
            "content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        ),
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(report.title)}</title>",
        f"<style>{_CSS}{_articles.CSS if articles else ''}</style>",
        "</head>",
        "<body>",
        f"<header><h1>{_e(report.title)}</h1>",
        f"<p>{_e(report.summary())}</p>",
        f'<nav aria-label="Sections">{nav}</nav></header>',
        "<main>",
        '<section id="timeline"><h2>Timeline</h2>',
        (
            "<p>Each row is a speaker. A point marks a claim said on a known "
            "day; a bar marks one said within a longer period (a month, or a "
            "range of days such as \u201cearly February\u201d). The shape and "
            "colour of a mark give the claim's status.</p>"
        ),
        (
            f"<figure>{timeline}<figcaption>When each claim was said, by "
            "speaker.</figcaption></figure></section>"
        ),
        '<section id="graph"><h2>Support and contradiction</h2>',
        (
            "<p>An arrow goes from a claim cited as evidence to the claim it "
            "supports, refutes or gives context to; a dash-dot line with a "
            "cross joins two claims that contradict each other.</p>"
        ),
        (
            f"<figure>{graph}<figcaption>The links between the claims."
            "</figcaption></figure></section>"
        ),
        '<section id="claims"><h2>Claims</h2>',
        _table(
            (
                "#",
                "Claim",
                "Speaker",
                "Said",
                "Source",
                "Status",
                "Support",
                "Verdicts",
            ),
            [_claim_row(report, c) for c in report.claims],
            "No claims.",
        ),
        "</section>",
        '<section id="evidence"><h2>Evidence</h2>',
        f"<p>{_e(_EVIDENCE_WORDS)}</p>" if report.evidence else "",
        _table(
            (
                "#",
                "Claim",
                "Stance",
                "Cites",
                "For the status",
                "By",
                "Added",
                "Note",
            ),
            [_evidence_row(report, e) for e in report.evidence],
            "No evidence has been added.",
        ),
        "</section>",
        '<section id="contradictions"><h2>Contradictions</h2>',
        _table(
            ("Claims", "Kind", "Reason"),
            [_contradiction_row(report, c) for c in report.contradictions],
            "No contradictions.",
        ),
        "</section>",
        '<section id="sources"><h2>Sources</h2>',
        _table(
            (
                "#",
                "Title",
                "Publisher",
                "Published",
                "Language",
                "Derived from",
                "Claims",
            ),
            [_source_row(report, s) for s in report.sources],
            "No sources.",
        ),
        "</section>",
        _statements_section(report, articles),
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


# -- Markdown ----------------------------------------------------------------

_MD_SPECIAL: Final = frozenset("\\`*_[]<>|~&$#!")
_URL_SAFE: Final = "!#$%&'()*+,-./:;=?@[]^_`{|}~"


def _md(text: object) -> str:
    """
    Text as it reads, safe in a Markdown table cell or paragraph.

    Every character that could start Markdown (or HTML) is escaped with a
    backslash, and line breaks become spaces.
    """
    line = " ".join(_records.clean(str(text)).split())
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in line)


def _md_url(url: str) -> str:
    """
    A link destination, in angle brackets.

    Spaces, angle brackets, backslashes and anything outside ASCII are
    percent-encoded.
    """
    return f"<{quote(url, safe=_URL_SAFE)}>"


def _md_table(head: Iterable[str], rows: list[list[str]], empty: str) -> str:
    if not rows:
        return f"{empty}\n"
    head = list(head)
    lines = [
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
        *("| " + " | ".join(cells) + " |" for cells in rows),
    ]
    return "\n".join(lines) + "\n"


def _md_citation(report: _Report, item: Citation) -> str:
    if item.claim is not None:
        number = report.numbers.get(item.claim)
        return f"C{number}" if number else _md(item.claim)
    if item.source is not None:
        text = f"S{report.source_numbers[item.source]}"
        if item.span is not None:
            text += f" \u201c{_md(_records.short(item.span.exact, 80))}\u201d"
        return text
    return _md(item.url)


def _md_reasons(pair: _Pair) -> str:
    lead, reasons = pair.reasons()
    return _md(" ".join([lead, " \u00b7 ".join(reasons)]).strip())


def _md_counting(report: _Report, evidence: Evidence) -> str:
    before, reference, after = report.counting(evidence, lambda n: f"E{n}")
    return _md(before + reference + after)


def _md_when(when: When | None) -> str:
    """
    A date in bold, then its precision if not a day, and its words.
    """
    if when is None:
        return "**undated**"
    notes = [] if when.date is not None else [f"a {when.precision.value}"]
    if when.text and when.text != when.isoformat():
        notes.append(f"\u201c{when.text}\u201d")
    notes_text = f" ({_md('; '.join(notes))})" if notes else ""
    return f"**{_md(when.describe())}**{notes_text}"


def _md_timeline(report: _Report) -> list[str]:
    tracker = report.tracker
    lines: list[str] = []
    for speaker in report.speakers:
        actor = tracker.actor(speaker)
        lines += ["", f"### {_md(actor.label)}", ""]
        mine = [c for c in report.claims if c.speaker == speaker]
        mine.sort(
            key=lambda c: (
                c.said is None,
                (c.said.earliest, c.said.latest) if c.said else (),
                report.numbers[c.id],
            )
        )
        for claim in mine:
            lines.append(
                f"- {_md_when(claim.said)} \u00b7 C{report.numbers[claim.id]} "
                f"\u00b7 {status_words(report.statuses[claim.id])} \u00b7 "
                f"{_md(claim.text)}"
            )
    return lines


def markdown(
    tracker: Tracker,
    *,
    title: str | None = None,
    claims: Iterable[str | Claim] | None = None,
    statements: Iterable[Statement] = (),
) -> str:
    """
    Write a report as Markdown: the HTML report's content, as text.

    The timeline is a list per speaker, in the order the claims were said
    (a day, or the month or range it was said within; undated claims
    last), each with its number and status. The graph is a table of its
    links, one row per link: evidence from one claim for or against
    another, and contradictions. Then come the tables of claims,
    evidence, contradictions and sources, as in `html`. Every value is
    escaped, so that no text in the tracker is read as Markdown or HTML.

    Args:
        tracker: Where the claims are.
        title: The report's title; "Claims report" if omitted.
        claims: The claims (or their ids) to report on; all if omitted.
        statements: Statements found in sources' text: a "Statements"
            section lists each article's, with the claim each became.

    Raises:
        UnknownClaimError: If a claim is not in the tracker.
        UnknownSourceError: If a statement's source is not in it.
        SpanMismatchError: If a statement's span is not true to the text.
        InvalidTypeError: If *claims* is one claim, *title* is not a str,
            or *statements* is not an iterable of `Statement`.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       The *statements* option.
    """
    report = _Report.of(tracker, title, claims)
    articles = _articles_of(tracker, statements)
    numbers = report.numbers
    lines = [f"# {_md(report.title)}", "", _md(report.summary()), ""]
    lines += ["## Timeline", ""]
    lines.append(
        "Each speaker's claims, in the order they were said, with their "
        "number and status."
        if report.claims
        else "No claims."
    )
    lines += _md_timeline(report)
    lines += ["", "## Support and contradiction", ""]
    lines.append(
        _md_table(
            ("from", "link", "to", "detail"),
            [
                [
                    f"C{numbers[e.source]}",
                    e.relation + (f" ({e.kind})" if e.kind else ""),
                    f"C{numbers[e.target]}",
                    _md(e.note),
                ]
                for e in report.edges
            ],
            "No links between the claims.",
        )
    )
    lines += ["## Claims", ""]
    lines.append(
        _md_table(
            (
                "#",
                "claim",
                "id",
                "speaker",
                "said",
                "precision",
                "source",
                "status",
                "support",
                "verdicts",
                "tags",
            ),
            [
                [
                    f"C{numbers[c.id]}",
                    _md(c.text),
                    _md(c.id),
                    _md(tracker.actor(c.speaker).label),
                    _md(when_words(c.said)),
                    c.said.precision.value if c.said else "",
                    f"S{report.source_numbers[c.source]}" if c.source else "",
                    status_words(report.statuses[c.id]),
                    str(tracker.support(c).count),
                    _md(
                        "; ".join(
                            f"{v.label} ({v.scale})"
                            for v in tracker.verdicts(c)
                        )
                    ),
                    _md(", ".join(c.tags)),
                ]
                for c in report.claims
            ],
            "No claims.",
        )
    )
    lines += ["## Evidence", ""]
    if report.evidence:
        lines += [_md(_EVIDENCE_WORDS), ""]
    lines.append(
        _md_table(
            (
                "#",
                "claim",
                "stance",
                "cites",
                "for the status",
                "by",
                "added",
                "note",
            ),
            [
                [
                    f"E{report.evidence_numbers[e.id]}",
                    f"C{numbers[e.claim]}",
                    e.stance.value,
                    "; ".join(_md_citation(report, i) for i in e.items),
                    _md_counting(report, e),
                    _md(e.by or ""),
                    e.at.date().isoformat(),
                    _md(e.note or ""),
                ]
                for e in report.evidence
            ],
            "No evidence has been added.",
        )
    )
    lines += ["## Contradictions", ""]
    lines.append(
        _md_table(
            ("claims", "kind", "reason"),
            [
                [
                    f"C{numbers[p.claim]} \u2194 C{numbers[p.other]}",
                    _md(p.kinds),
                    _md_reasons(p),
                ]
                for p in report.contradictions
            ],
            "No contradictions.",
        )
    )
    lines += ["## Sources", ""]
    lines.append(
        _md_table(
            (
                "#",
                "title",
                "id",
                "publisher",
                "published",
                "derived from",
                "link",
            ),
            [
                [
                    f"S{report.source_numbers[s.id]}",
                    _md(s.title or ""),
                    _md(s.id),
                    _md(s.publisher or ""),
                    _md(when_words(s.published)),
                    _md(", ".join(s.derived_from)),
                    f"[link]({_md_url(s.url)})" if s.url else "",
                ]
                for s in report.sources
            ],
            "No sources.",
        )
    )
    lines += _md_statements(report, articles)
    return "\n".join(lines).rstrip("\n") + "\n"


def _md_statements(
    report: _Report, articles: list[tuple[Source, list[Statement]]]
) -> list[str]:
    """
    The "Statements" section: a table of each article's statements.
    """
    if not articles:
        return []
    lines = ["", "## Statements", ""]
    for source, statements in articles:
        claims = _quoting(report, source)
        lines += [f"### {_md(source.title or source.id)}", ""]
        rows = []
        for s in sorted(statements, key=lambda s: s.span.start):
            quoted = _articles.quoting(s, claims)
            rows.append(
                [
                    _md(s.kind.value),
                    _md(s.speaker.label + ("" if s.known else " (new)")),
                    _md(s.cue),
                    _md(s.text),
                    ", ".join(f"C{n}" for n in quoted),
                ]
            )
        lines += [
            _md_table(("kind", "speaker", "cue", "words", "claims"), rows, ""),
            "",
        ]
    return lines


# -- files -------------------------------------------------------------------


def _target(path: object) -> Path:
    """
    *path* as a file to write, if it can name one.

    Raises:
        InvalidTypeError: If it is not a str or a path.
        InvalidValueError: If it holds a NUL character, or names no file.
    """
    if not isinstance(path, str | os.PathLike):
        raise InvalidTypeError("path", path, "must be a str or a path")
    target = Path(path)
    if "\x00" in str(target):
        raise InvalidValueError(
            "path", path, "holds a NUL character, which no file name can"
        )
    if not target.name:  # "", ".", "/"
        raise InvalidValueError("path", path, "names a folder, not a file")
    return target


def _format_of(
    path: str | os.PathLike[str],
    format: str | None,  # noqa: A002
) -> str:
    if format is not None:
        if format not in ("html", "markdown"):
            raise InvalidValueError(
                "format", format, "must be 'html' or 'markdown'"
            )
        return format
    found = FORMATS.get(Path(path).suffix.lower())
    if found is None:
        raise InvalidValueError(
            "path",
            path,
            "has no extension that names a report format "
            f"({', '.join(FORMATS)}); pass format='html' or "
            "format='markdown'",
        )
    return found


def write(
    tracker: Tracker,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,  # noqa: A002 -- the word a user looks for
    title: str | None = None,
    claims: Iterable[str | Claim] | None = None,
    statements: Iterable[Statement] = (),
) -> None:
    """
    Write a report to *path*, atomically: HTML or Markdown.

    The report goes to a temporary file beside *path*, is synced to disk
    and renamed over it, so that a reader sees the old file or the new one,
    never half of one. A new file gets the user's usual permissions (0o666
    less the umask); a file replaced keeps its mode.

    Args:
        tracker: Where the claims are.
        path: Where to write; its extension (``.html``, ``.htm``, ``.md``,
            ``.markdown``) gives the format unless *format* does.
        format: "html" or "markdown".
        title: The report's title.
        claims: The claims to report on; all if omitted.
        statements: Statements found in sources' text, shown with their
            articles (see `html` and `markdown`).

    Raises:
        InvalidValueError: For an unknown format, a path whose extension
            gives none, a path that names a folder (``"."``) or holds a
            NUL character.
        InvalidTypeError: If *path* is not a str or a path.
        MissingFileError: If the folder does not exist (a
            `FileNotFoundError`).
        StoreError: If the file cannot be written (an `OSError`).

    .. versionadded:: 0.1.0
    """
    target = _target(path)
    kind = _format_of(path, format)
    render = html if kind == "html" else markdown
    text = render(tracker, title=title, claims=claims, statements=statements)
    try:
        _files.replace(target, text)
    except FileNotFoundError as exc:
        raise MissingFileError(
            "path",
            str(path),
            f"cannot be written: there is no folder {str(target.parent)!r}",
        ) from exc
    except OSError as exc:
        raise StoreError(
            "path", str(path), f"cannot be written: {exc.strerror or exc}"
        ) from exc


def to_csv(
    tracker: Tracker, what: str = "claims", *, raw: bool = False
) -> str:
    """
    Write one kind of record as CSV text, with a header row.

    The rows are `Tracker.to_records`'s: an empty cell is None, several
    values in one cell are joined by "; ", and the lines end in CRLF as
    RFC 4180 has it. A text cell starting with ``=``, ``+``, ``-``, ``@``,
    a tab or a carriage return, which a spreadsheet would run as a
    formula, is written with a single quote before it (``'=1+1``), as
    OWASP advises; numbers, and text that is wholly a plain number such as
    ``-5``, are written as they are.

    Args:
        tracker: Where the records are.
        what: "claims", "evidence", "verdicts", "contradictions", "events",
            "sources" or "actors".
        raw: Write every cell as it is, formulas too.

    Raises:
        InvalidValueError: For anything else.
        InvalidTypeError: If *raw* is not a bool.

    .. versionadded:: 0.1.0
    """
    return _records.to_csv(tracker, what, raw=raw)
