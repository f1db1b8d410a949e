"""
What the I/O layer reads of a tracker: the `Readable` protocol.

The JSON document, the records and the graphs take a tracker and only
read it. They name this protocol rather than the `Tracker` class, so that
they depend on what a tracker answers, not on the module that makes one;
`Tracker` follows it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol


if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterator

    from claimtrack._contradictions import Contradiction, ContradictionKind
    from claimtrack._dates import When
    from claimtrack._events import Event
    from claimtrack._evidence import (
        Evidence,
        Policy,
        Retraction,
        Status,
        Support,
        Verdict,
    )
    from claimtrack._models import Actor, Claim, Source


__all__ = ["Readable"]


class Readable(Protocol):
    """
    A tracker, as what reads it sees it.
    """

    policy: Policy

    def __iter__(self) -> Iterator[Claim]:
        """
        The claims, in the order added.
        """
        ...

    def status(
        self, claim: str | Claim, *, policy: Policy | None = None
    ) -> Status:
        """
        The claim's status.
        """
        ...

    def support(self, claim: str | Claim) -> Support:
        """
        The claim's support.
        """
        ...

    def evidence(self, claim: str | Claim) -> list[Evidence]:
        """
        The evidence on the claim.
        """
        ...

    def verdicts(self, claim: str | Claim) -> list[Verdict]:
        """
        The verdicts on the claim.
        """
        ...

    def verdict(self, claim: str | Claim) -> Verdict | None:
        """
        The verdict that counts.
        """
        ...

    def retraction(self, claim: str | Claim) -> Retraction | None:
        """
        The claim's retraction.
        """
        ...

    def contradictions(
        self,
        claim: str | Claim | None = None,
        *,
        speaker: str | Actor | None = None,
        kind: ContradictionKind | str | None = None,
        said_between: tuple[
            When | dt.date | str | None, When | dt.date | str | None
        ]
        | None = None,
        same_speaker: bool | None = None,
    ) -> list[Contradiction]:
        """
        The claim's contradictions, or every contradiction.
        """
        ...

    def events(self) -> list[Event]:
        """
        Every event, in order.
        """
        ...

    def actor(self, name: str | Actor) -> Actor:
        """
        The actor with this id, name, alias or role.
        """
        ...

    def claim(self, id: str) -> Claim:  # noqa: A002
        """
        The claim with this id.
        """
        ...

    def sources(self) -> list[Source]:
        """
        Every source, in order.
        """
        ...

    def actors(self) -> list[Actor]:
        """
        Every actor, in order.
        """
        ...

    def claims(
        self,
        *,
        speaker: str | Actor | None = None,
        subject: str | Actor | None = None,
        source: str | Source | None = None,
        said_between: tuple[
            When | dt.date | str | None, When | dt.date | str | None
        ]
        | None = None,
        text_contains: str | None = None,
        tag: str | None = None,
    ) -> list[Claim]:
        """
        The claims that match every filter given.
        """
        ...
