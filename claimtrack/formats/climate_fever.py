"""
Climate-FEVER: climate claims with Wikipedia evidence, as JSON lines.

Climate-FEVER (T. Diggelmann et al., 2020) has one claim a line. Each
becomes:

- a claim with the id ``climate-fever-<claim_id>`` (the id is text in the
  dataset, ``"0"``; a whole number is taken too), ``claim`` as its text,
  and `SPEAKER` as its speaker: the claims were collected from the web
  without saying who made them;
- for each of its evidences, a source standing for one Wikipedia
  sentence: id ``climate-fever-wiki:<evidence_id>`` (``Global
  warming:14``), the ``article`` as title, publisher "Wikipedia",
  language ``en``, and the sentence, exactly as given, as its text. The
  evidence cites the span of the whole sentence, with the stance of its
  ``evidence_label`` (SUPPORTS supports, REFUTES refutes, NOT_ENOUGH_INFO
  is context) and the annotators' ``votes`` (nulls are votes not cast)
  and ``entropy`` in its note;
- a verdict: ``claim_label`` on the ``climate-fever`` scale, by
  ``"climate-fever"`` at `AT`.

A DISPUTED claim has both supporting and refuting evidence, so the status
derived from its evidence (`Tracker.derived_status`) is
`Status.DISPUTED`, while its verdict gives `Status.MIXED`.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING, Any

import attrs

from claimtrack._evidence import Stance
from claimtrack._models import Source
from claimtrack._scales import CLIMATE_FEVER
from claimtrack.exceptions import (
    ClaimtrackError,
    InvalidDocumentError,
    UnknownLabelError,
)
from claimtrack.formats._common import (
    MAX_BYTES,
    Flag,
    Input,
    Record,
    failing,
    has_keys,
    read_text,
    run,
)
from claimtrack.formats._datasets import (
    Fields,
    counted,
    fits,
    json_lines,
    known_actor,
    stamp,
    unattributed,
)


if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from claimtrack._tracker import Tracker
    from claimtrack.formats._common import ImportReport


__all__ = ["AT", "BY", "SCALE", "SPEAKER", "STANCES", "detects", "read"]

BY = "climate-fever"
"""Who the verdicts and evidence are by: the dataset."""

SCALE = "climate-fever"
"""The scale Climate-FEVER's claim labels are on."""

AT = dt.datetime(2020, 12, 1, tzinfo=dt.UTC)
"""When the verdicts are dated unless told otherwise: the day the
Climate-FEVER paper first appeared (arXiv 2012.00614)."""

SPEAKER = unattributed("climate-fever")
"""The speaker of every claim: an unnamed group standing for "not
attributed by Climate-FEVER", never a person."""

STANCES = {
    "SUPPORTS": Stance.SUPPORTS,
    "REFUTES": Stance.REFUTES,
    "NOT_ENOUGH_INFO": Stance.CONTEXT,
}
"""The stance of each evidence label."""


def read(
    tracker: Tracker,
    data: Input,
    *,
    lenient: bool = False,
    max_bytes: int = MAX_BYTES,
    at: dt.datetime | str | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """
    Import Climate-FEVER claims into *tracker*: all of them, or none.

    Args:
        tracker: Where to add them.
        data: The JSON lines: text, bytes, a `pathlib.Path` or an open
            file. Blank lines are skipped.
        lenient: Import the good lines and report the bad ones, instead
            of importing nothing when a line is bad.
        max_bytes: The largest input read; a larger one is refused before
            it is read.
        at: When the claims, evidence and verdicts are dated: an aware
            datetime or ISO string; `AT` if omitted, so that importing a
            file twice adds nothing the second time.
        progress: Called with the number of records read so far, every
            `PROGRESS_EVERY` records, and once with the total: for a
            progress display.

    Returns:
        What was imported, and, in a lenient import, what was left out;
        an input with no claim is flagged.

    Raises:
        InvalidDocumentError: In a strict import, for the first bad line:
            its field is ``line <n>.<path>`` (``line 12.claim_label``,
            ``line 3.evidences[1].votes[0]``; ``line 5.$`` for a line
            that is not a JSON object).
        UnknownLabelError: For a claim label not on the Climate-FEVER
            scale.
        DocumentTooLargeError: If the input is over *max_bytes*.
        DuplicateIdError: For a record whose id the tracker already gives
            to something different.
        InvalidDateError: If *at* is naive or not an ISO 8601 date and time.

    .. versionadded:: 0.1.0
    """
    when = stamp(at, AT)
    text = read_text(data, max_bytes=max_bytes)
    flags: list[Flag] = []
    return run(
        tracker,
        "climate-fever",
        counted(_records(tracker, text, when), flags, "claims"),
        lenient=lenient,
        progress=progress,
        flags=flags,
    )


def detects(head: str, suffix: str) -> bool:  # noqa: ARG001 -- one signature for all
    """
    Whether a file looks like Climate-FEVER's, from its beginning.

    *head* is the file's beginning, as text: Climate-FEVER's lines have
    the keys ``claim_id`` and ``evidences``. The name's extension
    (*suffix*) does not tell.

    .. versionadded:: 0.1.0
    """
    return has_keys(head, "claim_id", "evidences")


@attrs.frozen
class _Evidence:
    id: str
    article: str
    sentence: str
    stance: Stance
    note: str

    def source(self) -> Source:
        """
        The Wikipedia sentence, as a source of its own.
        """
        return Source(
            f"climate-fever-wiki:{self.id}",
            title=self.article,
            publisher="Wikipedia",
            language="en",
            text=self.sentence,
        )


@attrs.frozen
class _Claim:
    id: str
    text: str
    label: str | None
    evidence: tuple[_Evidence, ...]

    @classmethod
    def parse(cls, item: object) -> _Claim:
        fields = Fields(item)
        text = fields.text("claim", required=True)
        assert text is not None  # noqa: S101 -- required
        label = fields.text("claim_label")
        if label is not None and label not in CLIMATE_FEVER:
            raise UnknownLabelError(
                "claim_label",
                label,
                f"is not on the climate-fever scale "
                f"({', '.join(CLIMATE_FEVER.label_names)})",
            )
        return cls(
            id=fields.ident("claim_id"),
            text=text,
            label=label,
            evidence=tuple(
                _evidence(fields.child(value, f"evidences[{index}]"))
                for index, value in enumerate(fields.array("evidences"))
            ),
        )


def _evidence(fields: Fields) -> _Evidence:
    label = fields.text("evidence_label", required=True)
    assert label is not None  # noqa: S101 -- required
    stance = STANCES.get(label.upper().replace(" ", "_"))
    if stance is None:
        raise fields.error(
            "evidence_label", f"must be one of {', '.join(STANCES)}"
        )
    sentence = fields.text("evidence", required=True, strip=False)
    article = fields.text("article", required=True)
    assert sentence is not None  # noqa: S101 -- required
    assert article is not None  # noqa: S101
    votes = [_vote(fields, i, v) for i, v in enumerate(fields.array("votes"))]
    entropy = fields.data.get("entropy")
    if entropy is not None and (
        isinstance(entropy, bool) or not isinstance(entropy, int | float)
    ):
        raise fields.error("entropy", "must be a number or null")
    note = f"{label}; votes: {', '.join(votes) or 'none'}"
    if entropy is not None:
        note += f"; entropy: {entropy}"
    return _Evidence(
        fields.ident("evidence_id"), article, sentence, stance, note
    )


def _vote(fields: Fields, index: int, value: Any) -> str:
    if value is None:
        return "null"
    if not isinstance(value, str) or value.upper() not in STANCES:
        raise InvalidDocumentError(
            fields.at(f"votes[{index}]"),
            value,
            f"a vote is null or one of {', '.join(STANCES)}",
        )
    return value


def _records(tracker: Tracker, text: str, at: dt.datetime) -> Iterator[Record]:
    for number, value in json_lines(text):
        where = f"line {number}"
        try:
            if isinstance(value, ClaimtrackError):
                raise value
            claim = _Claim.parse(value)
        except ClaimtrackError as exc:
            yield failing(where, exc)
            continue
        yield Record(where, functools.partial(_add, claim, tracker, at))


def _add(
    item: _Claim, tracker: Tracker, at: dt.datetime, scratch: Tracker
) -> list[str]:
    claim = scratch.add_claim(
        item.text,
        speaker=known_actor(SPEAKER, scratch, tracker),
        id=f"climate-fever-{item.id}",
        by=BY,
        at=at,
    )
    fits(claim, "claim_id", tracker)
    for index, evidence in enumerate(item.evidence):
        source = evidence.source()
        fits(source, f"evidences[{index}].evidence_id", scratch, tracker)
        scratch.add_source(source, by=BY, at=at)
        scratch.corroborate(
            claim,
            evidence=source.span_at(0, len(evidence.sentence)),
            stance=evidence.stance,
            by=BY,
            at=at,
            note=evidence.note,
        )
    if item.label is not None:
        scratch.rate(claim, item.label, scale=SCALE, by=BY, at=at)
    return [claim.id]
