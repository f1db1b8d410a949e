"""
The worked example: the claims of one news article, modelled and queried.

India TV's AP-based report of 4 February 2025 (``seeds/``): Rubio says
El Salvador's president offered to take US deportees of any nationality;
Bukele says an agreement is being finalized; officials float a "safe third
country" deal. Every attributed statement becomes a claim with its speaker,
its date (the article's "Monday" read against its publication date), the
span it is quoted from and its structured proposition.

Run it from the project's root:

    python examples/el_salvador.py

``--report DIRECTORY`` writes the article's report instead, as
``el_salvador.html`` and ``el_salvador.md`` (the copies in ``docs/report/``
are made this way):

    python examples/el_salvador.py --report docs/report
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import claimtrack as ct


SEED = (
    Path(__file__).resolve().parent.parent
    / "seeds"
    / "000_821ae99d464d4b5b.txt"
)
AGREEMENT = "us-el-salvador-migration-agreement"
BY = "analyst"
AT = "2025-02-04T18:00:00+00:00"  # when the analyst read the article
TITLE = "Rubio, Bukele and the deportees: the claims of 4 February 2025"


def build(article_text: str) -> ct.Tracker:
    """
    Model the article's claims in a new tracker.

    Every change is recorded as done by "analyst" on 4 February 2025, so
    the history (and this script's output) is the same on every run.
    """
    tracker = ct.Tracker()
    # An agreement has one status at a time: "agreed" and "being
    # finalized" on the same day cannot both hold.
    tracker.declare(ct.Predicate("status", single_valued=True), by=BY, at=AT)
    article = tracker.add_source(
        ct.Source(
            "indiatv-2025-02-04",
            title="Rubio says El Salvador offered to accept US deportees "
            "of any nationality",
            publisher="India TV",
            published="2025-02-04",
            language="en",
            text=article_text,
            derived_from=("ap",),  # "(With AP inputs)"
        ),
        by=BY,
        at=AT,
    )
    for actor in (
        ct.Actor(
            "rubio",
            "Marco Rubio",
            role="US Secretary of State",
            aliases=("Rubio", "Secretary Rubio"),
        ),
        ct.Actor(
            "bukele",
            "Nayib Bukele",
            role="President of El Salvador",
            aliases=("Bukele", "President Bukele"),
        ),
        ct.Actor(
            "ap",
            "Associated Press",
            aliases=("AP",),
            kind=ct.ActorKind.ORGANIZATION,
        ),
        ct.Actor(
            "us-officials",
            role="US officials",
            aliases=("officials",),
            kind=ct.ActorKind.GROUP,
        ),
    ):
        tracker.add_actor(actor, by=BY, at=AT)

    # Rubio, in San Salvador on Monday, on what Bukele offered.
    tracker.add_claim(
        "El Salvador offered to accept US deportees of any nationality",
        speaker="Rubio",
        said="Monday",
        quote="the President of El Salvador has offered to accept US "
        "deportees of any nationality",
        source=article,
        proposition=ct.Proposition(
            "President of El Salvador",
            "offered_to_accept",
            "US deportees of any nationality",
        ),
        reported_by=["ap"],
        by=BY,
        at=AT,
        tags=["deportation", "third-country"],
    )
    tracker.add_claim(
        "Bukele has agreed to an unprecedented migration agreement",
        speaker="Rubio",
        said="Monday",
        span=article.span_of("has agreed to the most unprecedented"),
        proposition=ct.Proposition(AGREEMENT, "status", "agreed"),
        valid="Monday",  # the agreement's status as of that day
        reported_by=["ap"],
        by=BY,
        at=AT,
        tags=["agreement"],
    )
    tracker.add_claim(
        "El Salvador offered to jail dangerous criminals held in the US, "
        "even US citizens and legal residents",
        speaker="Rubio",
        said="Monday",
        quote="He's also offered to do the same for dangerous criminals "
        "currently in custody and serving their sentence in the United "
        "States even though they're US citizens or legal residents",
        source=article,
        proposition=ct.Proposition(
            "Bukele",
            "offered_to_accept",
            "US prisoners, including US citizens and legal residents",
        ),
        reported_by=["ap"],
        by=BY,
        at=AT,
        tags=["deportation", "prisons"],
    )
    # The article places the warning in Panama before Monday's arrival in
    # San Salvador without naming the day; AP's report dates it Sunday.
    tracker.add_claim(
        "The US will act on China's presence at the Panama Canal unless "
        "Panama moves immediately to reduce it",
        speaker="Rubio",
        said="Sunday",
        quote="unless the government moved immediately to reduce or "
        "eliminate China's presence at the Panama Canal, the US would "
        "continue to do so",
        source=article,
        proposition=ct.Proposition(
            "United States",
            "will_act_against",
            "China's presence at the Panama Canal",
        ),
        reported_by=["ap"],
        by=BY,
        at=AT,
        tags=["panama"],
    )
    # AP's own reporting: the deportation flight Rubio watched.
    tracker.add_claim(
        "A US-funded deportation flight carried 43 migrants from Panama "
        "to Colombia",
        speaker="AP",
        said="Monday",
        quote="a US-funded deportation flight with 43 migrants leaving "
        "from Panama for Colombia",
        source=article,
        proposition=ct.Proposition(
            "US-funded deportation flight from Panama to Colombia",
            "carried",
            ct.Quantity(43, "migrants"),
        ),
        by=BY,
        at=AT,
        tags=["deportation", "panama"],
    )
    # Unnamed officials; the article gives no day, only its own date.
    tracker.add_claim(
        "US officials are floating a 'safe third country' agreement "
        "with El Salvador",
        speaker="officials",
        said="early February 2025",
        quote="One idea being floated is to negotiate a so-called "
        "\u201csafe third country\u201d agreement with El Salvador",
        source=article,
        proposition=ct.Proposition(
            AGREEMENT, "proposed_form", "safe third country agreement"
        ),
        reported_by=["ap"],
        by=BY,
        at=AT,
        tags=["agreement", "third-country"],
    )
    tracker.add_claim(
        "A safe third country deal could cover Venezuelan gang members "
        "convicted in the US if Venezuela refuses them",
        speaker="officials",
        said="early February 2025",
        quote="Officials have suggested this might be an option for "
        "Venezuelan gang members convicted of crimes in the United States "
        "should Venezuela refuse to accept them",
        source=article,
        proposition=ct.Proposition(
            AGREEMENT,
            "would_cover",
            "Venezuelan gang members convicted in the US",
        ),
        reported_by=["ap"],
        by=BY,
        at=AT,
        tags=["agreement", "venezuela"],
    )
    # Bukele, answering questions beside Rubio on Monday.
    tracker.add_claim(
        "El Salvador and the US are finalizing a migration agreement "
        "that Rubio will announce",
        speaker="Bukele",
        said="Monday",
        quote="they were finalizing one and it would be announced by Rubio",
        source=article,
        proposition=ct.Proposition(AGREEMENT, "status", "being finalized"),
        valid="Monday",
        reported_by=["ap"],
        by=BY,
        at=AT,
        tags=["agreement"],
    )
    tracker.add_claim(
        "The agreement has no precedent in US–El Salvador relations or "
        "in Latin America",
        speaker="Bukele",
        said="Monday",
        quote="does not have precedent in the history of the relationship, "
        "not just of the United States with El Salvador but rather I think "
        "in Latin America.",
        source=article,
        proposition=ct.Proposition(
            AGREEMENT, "precedent", "none in Latin America"
        ),
        reported_by=["ap"],
        by=BY,
        at=AT,
        tags=["agreement"],
    )
    return tracker


def corroborate(tracker: ct.Tracker) -> None:
    """
    Weigh the evidence an analyst has on Rubio's account of the offer.

    A reprint of the same AP story is set aside (one lineage, however many
    outlets run it); Bukele's own words, the subject of the claim
    confirming it, are an independent lineage: with the article itself
    that makes two, and the offer is corroborated.
    """
    offer = tracker.claims(speaker="rubio", subject="bukele")[0]
    finalizing = tracker.claims(speaker="bukele", text_contains="finaliz")[0]
    article = tracker.source("indiatv-2025-02-04")

    # Suppose another outlet ran the same AP story word for word.
    reprint = tracker.add_source(
        ct.Source(
            "reprint-2025-02-04",
            publisher="Another outlet",
            published="2025-02-04",
            text=article.text,
            derived_from=("ap",),
        ),
        by="analyst",
        at="2025-02-05T09:00:00+00:00",
    )
    tracker.corroborate(
        offer,
        evidence=reprint.span_of("offered to accept US deportees"),
        by="analyst",
        at="2025-02-05T09:05:00+00:00",
        note="The same report in another outlet",
    )
    tracker.corroborate(
        offer,
        evidence=finalizing,
        by="analyst",
        at="2025-02-05T09:10:00+00:00",
        note="Bukele himself says the agreement is being finalized",
    )


def analysed() -> ct.Tracker:
    """
    The seed article's tracker with the analyst's evidence weighed.

    This is what the report shows; it prints nothing.
    """
    tracker = build(SEED.read_text(encoding="utf-8"))
    corroborate(tracker)
    return tracker


def write_report(directory: Path) -> list[Path]:
    """
    Write the article's report into *directory*, as HTML and as Markdown.
    """
    tracker = analysed()
    found = ct.find_statements("indiatv-2025-02-04", tracker)
    paths = [directory / "el_salvador.html", directory / "el_salvador.md"]
    for path in paths:
        ct.reports.write(tracker, path, title=TITLE, statements=found)
    return paths


def statements(tracker: ct.Tracker) -> str:
    """
    The statements found in the article, each with the claims quoting it.

    A check of the analyst's work: a statement no claim quotes is one the
    analyst may have missed.
    """
    found = ct.find_statements("indiatv-2025-02-04", tracker)
    spans = {c.id: c.span for c in tracker if c.span is not None}
    lines = [f"Statements found in the article: {len(found)}"]
    for statement in found:
        quoting = [
            claim
            for claim, span in spans.items()
            if span.start < statement.span.end
            and statement.span.start < span.end
        ]
        words = textwrap.shorten(statement.text, 64, placeholder="…")
        lines.append(
            f"  {statement.speaker.label} ({statement.kind.value}, "
            f"“{statement.cue}”): {words}"
        )
        lines.append(
            "      quoted by "
            + (", ".join(quoting) if quoting else "no claim yet")
        )
    return "\n".join(lines)


def describe_support(tracker: ct.Tracker, claim: ct.Claim) -> str:
    """
    Explain a claim's status: its lineages and what was set aside.
    """
    support = tracker.support(claim)
    lines = [
        f"Status of “{claim.text}”: {tracker.status(claim).value}",
        f"  {support.count} independent lineage(s):",
    ]
    lines += [f"    - {lineage}" for lineage in support.lineages]
    lines += [
        f"  set aside: {aside.evidence}: {aside.reason}"
        for aside in support.set_aside
    ]
    lines.append("  history:")
    lines += [
        f"    {event.at:%Y-%m-%d %H:%M} {event.kind.value} by "
        f"{event.by or 'unknown'}"
        + (
            f": {event.payload.note}"
            if isinstance(event.payload, ct.Evidence) and event.payload.note
            else ""
        )
        for event in tracker.history(claim)
    ]
    return "\n".join(lines)


def describe_when(when: ct.When | None) -> str:
    """
    Write a date with the words it was read from, when they differ.
    """
    if when is None:
        return "undated"
    if when.text and when.text != when.isoformat():
        return f"{when.describe()} (“{when.text}”)"
    return when.describe()


def report(tracker: ct.Tracker) -> str:
    """
    Write the claims per speaker, with their dates and quoted spans.
    """
    lines = [
        f"{source.title}\n{source.publisher}, "
        f"{describe_when(source.published)}, "
        f"via {', '.join(source.derived_from) or 'no wire service'}"
        for source in tracker.sources()
    ]
    lines.append(f"{len(tracker)} claims\n")
    for actor in tracker.actors():
        claims = tracker.claims(speaker=actor.id)
        if not claims:
            continue
        title = actor.label + (
            f", {actor.role}" if actor.role and actor.name else ""
        )
        lines.append(f"{title} — {len(claims)} claim(s)")
        for claim in claims:
            lines.append(f"  [{describe_when(claim.said)}] {claim.text}")
            if claim.span is not None:
                lines.append(
                    f"      quoted at {claim.span.start}–{claim.span.end}: "
                    f"“{' '.join(claim.span.exact.split())}”"
                )
            if claim.proposition is not None:
                p = claim.proposition
                lines.append(
                    f"      proposition: {p.subject} · {p.predicate} · "
                    f"{p.object}"
                )
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """
    Build the tracker from the seed article, print the report and a query.

    With ``--report DIRECTORY``, write the HTML and Markdown reports there
    instead.
    """
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--report"] and len(args) == 2:  # noqa: PLR2004
        for path in write_report(Path(args[1])):
            print(f"wrote {path}")
        return 0
    if args:
        print(
            "usage: python examples/el_salvador.py [--report DIRECTORY]",
            file=sys.stderr,
        )
        return 2
    tracker = build(SEED.read_text(encoding="utf-8"))
    print(report(tracker))
    about = tracker.claims(subject=AGREEMENT)
    print(f"Claims about the agreement: {len(about)}")
    for claim in about:
        print(f"  {tracker.actor(claim.speaker).label}: {claim.text}")
    said = tracker.claims(said_between=("2025-02-03", "2025-02-03"))
    print(f"Said on Monday 3 February 2025: {len(said)}")

    offer = tracker.claims(speaker="rubio", subject="bukele")[0]
    print(f"\nBefore any evidence: {tracker.status(offer).value}")
    corroborate(tracker)
    print(describe_support(tracker, offer))

    print("\nContradictions in the article:")
    for contradiction in tracker.contradictions():
        print(f"  [{contradiction.kind.value}] {contradiction.reason}")
        for claim_id in contradiction.claims:
            claim = tracker.claim(claim_id)
            print(f"    {claim.text}: {tracker.status(claim).value}")

    print()
    print(statements(tracker))
    return 0


if __name__ == "__main__":
    sys.exit(main())
