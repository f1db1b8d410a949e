r"""
A newsroom's tracker: three analysts' processes work on one tracker at once.

Ana records what the speakers said, Bo finds evidence for each claim as it
lands, and Cy rates each claim once it has its evidence. Each is a process
of its own with the tracker open in PostgreSQL; Bo and Cy follow the
tracker live (`Tracker.follow`), so each works on a claim as soon as the
one before them is done with it. The report that ends the run is read
from the tracker, and shows all their work: every claim, its evidence and
its verdict, and who did each.

Run it with a PostgreSQL server (see docs/team.md):

    CLAIMTRACK_POSTGRES_URL=postgresql://postgres@localhost/postgres \
        python examples/newsroom.py

Each run makes a tracker of its own in that database. Without a server, it
says so and exits.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import uuid
from typing import TYPE_CHECKING

import claimtrack as ct
from claimtrack.events import EventKind


if TYPE_CHECKING:
    from collections.abc import Callable


AT = "2025-02-04T18:00:00+00:00"
SAID = [
    ("rubio", "El Salvador offered to accept US deportees of any nationality"),
    ("bukele", "An agreement with the United States is being finalized"),
    ("rubio", "The offer covers dangerous criminals held in US prisons"),
    ("bukele", "El Salvador will charge a fee for each deportee it takes"),
]
"""What the speakers said, as Ana records it."""
EVIDENCE = "https://apnews.com/article/rubio-bukele-deportees"


def ana(url: str) -> None:
    """
    Record the speakers and what they said, one claim at a time.
    """
    with ct.Tracker.open(url) as tracker:
        tracker.add_actor(ct.Actor("rubio", "Marco Rubio"), by="ana", at=AT)
        tracker.add_actor(ct.Actor("bukele", "Nayib Bukele"), by="ana", at=AT)
        for n, (speaker, text) in enumerate(SAID, 1):
            tracker.add_claim(text, speaker=speaker, id=f"c{n}", by="ana")


def work_on(
    tracker: ct.Tracker, kind: EventKind, do: Callable[[str], object]
) -> None:
    """
    Do *do* to the claim of each event of *kind*, as each lands.

    First those already in the tracker, then the others, until every
    claim is done. An analyst's own write catches up with what others
    wrote first, so the events are read from the tracker's history, not
    only from `follow`.
    """
    seen = done = 0
    while done < len(SAID):
        events = tracker.events()
        for event in events[seen:]:
            if event.kind == kind:
                do(event.claims[0])
                done += 1
        seen = len(events)
        if done < len(SAID) and len(tracker.events()) == seen:
            tracker.follow(10)  # wait for what lands next


def bo(url: str) -> None:
    """
    Add evidence to each claim as soon as Ana has recorded it.
    """
    with ct.Tracker.open(url) as tracker:
        work_on(
            tracker,
            EventKind.CLAIM_ADDED,
            lambda claim: tracker.corroborate(
                claim, evidence=EVIDENCE, by="bo"
            ),
        )


def cy(url: str) -> None:
    """
    Rate each claim as soon as Bo has added its evidence.
    """

    def rate(claim: str) -> None:
        label = "half true" if claim in ("c2", "c4") else "mostly true"
        tracker.rate(claim, label, scale="politifact", by="cy")

    with ct.Tracker.open(url) as tracker:
        work_on(tracker, EventKind.EVIDENCE_ADDED, rate)


def report(url: str) -> str:
    """
    Every claim with its status, evidence and verdict, and who did each.
    """
    lines = []
    with ct.Tracker.open(url, read_only=True) as tracker:
        for claim in tracker:
            history = tracker.history(claim)
            lines.append(f"{claim.id}  {claim.speaker}: {claim.text}")
            lines.append(f"    status: {tracker.status(claim).value}")
            lines.extend(
                f"    {event.kind.value} by {event.by}" for event in history
            )
        authors = sorted({event.by or "-" for event in tracker.events()})
        lines.append(
            f"{len(tracker)} claims, {len(tracker.events())} events, "
            f"by {', '.join(authors)}"
        )
    return "\n".join(lines)


def main() -> int:
    """
    Run the three analysts at once on a new tracker, then report.
    """
    database = os.environ.get("CLAIMTRACK_POSTGRES_URL")
    if not database:
        print(
            "newsroom: no PostgreSQL server to share a tracker on: set "
            "CLAIMTRACK_POSTGRES_URL (see docs/team.md); nothing was run"
        )
        return 0
    joiner = "&" if "?" in database else "?"
    url = f"{database}{joiner}tracker=newsroom-{uuid.uuid4().hex[:8]}"
    ct.Tracker.open(url).close()  # made before the analysts open it
    context = multiprocessing.get_context("spawn")
    analysts = [
        context.Process(target=work, args=(url,)) for work in (ana, bo, cy)
    ]
    for analyst in analysts:
        analyst.start()
    for analyst in analysts:
        analyst.join()
    failed = [a.name for a in analysts if a.exitcode != 0]
    if failed:
        print(f"newsroom: {', '.join(failed)} failed", file=sys.stderr)
        return 1
    print(report(url))
    return 0


if __name__ == "__main__":
    sys.exit(main())
