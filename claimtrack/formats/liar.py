"""
LIAR: PolitiFact statements as tab-separated values.

LIAR (W. Y. Wang, ACL 2017) has one statement a line, 14 columns, no
header: id, label, statement, subjects, speaker, job title, state, party,
five credit-history counts, and context. Each line becomes:

- a claim with the id ``liar-<id>`` (``11972.json`` gives
  ``liar-11972``), the statement as its text, the speaker as its speaker,
  and as tags the subjects, then ``job:<job title>``, ``state:<state>`` and
  ``party:<party>`` for those that are given;
- the speaker, an actor whose id is LIAR's slug (``rick-perry``) and whose
  name is read from it ("Rick Perry"), with the job title as role; an
  actor of kind organization when the party is ``organization``, a group
  when the name is a placeholder, as PolitiFact's speaker pages for posts
  are (``facebook-posts``, ``viral-image``, ``chain-email``: the platforms
  named are its aliases, and the report flags it), else a person. The
  first line of a speaker (or the actor already in the tracker) decides
  the actor: the job title of each line stays in the claim's ``job:`` tag;
- where it was said: a source ``liar-<id>-context`` titled with the
  context ("Radio interview"), when the context is given;
- a verdict on the ``politifact`` scale, which knows LIAR's spellings
  ("pants-fire", "barely-true"), by ``"liar"`` at `AT`.

The credit-history counts are checked to be whole numbers (or empty), and
not imported: they describe the speaker's record when the dataset was
made, not the statement.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TYPE_CHECKING

import attrs

from claimtrack._models import Actor, ActorKind, Source
from claimtrack._scales import POLITIFACT
from claimtrack.exceptions import ClaimtrackError, InvalidDocumentError
from claimtrack.formats._claimants import read_claimant
from claimtrack.formats._common import (
    MAX_BYTES,
    Flag,
    Input,
    Record,
    failing,
    read_text,
    run,
)
from claimtrack.formats._datasets import counted, fits, known_actor, stamp


if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from claimtrack._tracker import Tracker
    from claimtrack.formats._common import ImportReport


__all__ = ["AT", "BY", "COLUMNS", "SCALE", "detects", "read", "speaker_name"]

BY = "liar"
"""Who the verdicts are by: the dataset."""

SCALE = "politifact"
"""The scale LIAR's labels are on."""

AT = dt.datetime(2017, 4, 23, tzinfo=dt.UTC)
"""When the verdicts are dated unless told otherwise: LIAR v1.0's date."""

COLUMNS = (
    "id",
    "label",
    "statement",
    "subjects",
    "speaker",
    "job_title",
    "state",
    "party",
    "barely_true_counts",
    "false_counts",
    "half_true_counts",
    "mostly_true_counts",
    "pants_on_fire_counts",
    "context",
)
"""LIAR's columns, in order; errors name a column by these names."""

_COUNTS = COLUMNS[8:13]
_REQUIRED = ("id", "label", "statement", "speaker")


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
    Import LIAR statements into *tracker*: all of them, or none.

    Args:
        tracker: Where to add them.
        data: The TSV: text, bytes, a `pathlib.Path` or an open file.
        lenient: Import the good lines and report the bad ones, instead
            of importing nothing when a line is bad.
        max_bytes: The largest input read; a larger one is refused before
            it is read.
        at: When the claims and verdicts are dated: an aware datetime or
            ISO string; `AT` if omitted, so that importing a file twice
            adds nothing the second time.
        progress: Called with the number of records read so far, every
            `PROGRESS_EVERY` records, and once with the total: for a
            progress display.

    Returns:
        What was imported, and, in a lenient import, what was left out;
        its flags say which speakers are groups, and an empty input.

    Raises:
        InvalidDocumentError: In a strict import, for the first bad line:
            its field is ``line <n>.<column>`` (``line 12.label``).
        UnknownLabelError: For a label not on the PolitiFact scale.
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
        "liar",
        counted(_records(tracker, text, when, flags), flags, "statements"),
        lenient=lenient,
        progress=progress,
        flags=flags,
    )


def detects(head: str, suffix: str) -> bool:
    """
    Whether a file looks like LIAR's, from its name or its first line.

    *suffix* is the name's extension, in lower case: ``.tsv`` tells it.
    *head* is the file's beginning, as text: a first line of LIAR's 14
    tab-separated `COLUMNS` tells it too.

    .. versionadded:: 0.1.0
    """
    first = head.split("\n", 1)[0]
    return suffix == ".tsv" or first.count("\t") == len(COLUMNS) - 1


def speaker_name(slug: str) -> str:
    """
    Read a readable name from a LIAR speaker slug.

    Each part between dashes gets a capital first letter: "rick-perry" is
    "Rick Perry", "H204TEXAS-PAC" is "H204TEXAS PAC". The slug stays the
    actor's id.

    .. versionadded:: 0.1.0
    """
    return " ".join(
        p[:1].upper() + p[1:] for p in re.split(r"[-\s]+", slug) if p
    )


@attrs.frozen
class _Row:
    """
    One LIAR line, read and checked.
    """

    id: str
    label: str
    statement: str
    subjects: tuple[str, ...]
    speaker: str
    job_title: str | None
    state: str | None
    party: str | None
    context: str | None

    @classmethod
    def parse(cls, line: str) -> _Row:
        cells = line.split("\t")
        if len(cells) != len(COLUMNS):
            raise InvalidDocumentError(
                "columns",
                len(cells),
                f"a LIAR line has {len(COLUMNS)} tab-separated columns "
                f"({', '.join(COLUMNS)}), this one {len(cells)}",
            )
        row = {
            name: cell.strip()
            for name, cell in zip(COLUMNS, cells, strict=True)
        }
        for name in _REQUIRED:
            if not row[name]:
                raise InvalidDocumentError(
                    name, cells[COLUMNS.index(name)], "is empty"
                )
        for name in _COUNTS:
            if row[name] and not row[name].isdecimal():
                raise InvalidDocumentError(
                    name, row[name], "must be a whole number, or empty"
                )
        POLITIFACT.canonical(row["label"])  # an unknown label fails here
        if not speaker_name(row["speaker"]):
            raise InvalidDocumentError(
                "speaker", row["speaker"], "has no name in it"
            )
        return cls(
            id=row["id"].removesuffix(".json") or row["id"],
            label=row["label"],
            statement=row["statement"],
            subjects=tuple(
                s.strip() for s in row["subjects"].split(",") if s.strip()
            ),
            speaker=row["speaker"],
            job_title=row["job_title"] or None,
            state=row["state"] or None,
            party=row["party"] or None,
            context=row["context"] or None,
        )

    @property
    def tags(self) -> tuple[str, ...]:
        """
        The subjects, then the speaker's job, state and party as given.
        """
        described = (
            ("job", self.job_title),
            ("state", self.state),
            ("party", self.party),
        )
        return self.subjects + tuple(
            f"{key}:{value}" for key, value in described if value
        )

    def actor(self) -> Actor:
        """
        The speaker as this line describes them.
        """
        name = speaker_name(self.speaker)
        named = read_claimant(name)
        if named is not None and named.placeholder:
            return Actor(
                self.speaker,
                name,
                role=self.job_title,
                kind=ActorKind.GROUP,
                aliases=named.platforms,
            )
        return Actor(
            self.speaker,
            name,
            role=self.job_title,
            kind=(
                ActorKind.ORGANIZATION
                if self.party == "organization"
                else ActorKind.PERSON
            ),
        )


def _records(
    tracker: Tracker, text: str, at: dt.datetime, flags: list[Flag]
) -> Iterator[Record]:
    for number, line in enumerate(text.split("\n"), 1):
        line = line.removesuffix("\r")  # noqa: PLW2901 -- the same line
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            row = _Row.parse(line)
        except ClaimtrackError as exc:
            yield failing(where, exc)
            continue
        yield Record(
            where, functools.partial(_add, row, tracker, at, flags, where)
        )


def _add(  # noqa: PLR0917 -- what each line needs, bound by partial
    row: _Row,
    tracker: Tracker,
    at: dt.datetime,
    flags: list[Flag],
    where: str,
    scratch: Tracker,
) -> list[str]:
    speaker = known_actor(row.actor(), scratch, tracker)
    source = None
    if row.context is not None:
        source = Source(f"liar-{row.id}-context", title=row.context)
        fits(source, "context", scratch, tracker)
    claim = scratch.add_claim(
        row.statement,
        speaker=speaker,
        source=source,
        tags=row.tags,
        id=f"liar-{row.id}",
        by=BY,
        at=at,
    )
    fits(claim, "id", tracker)
    scratch.rate(claim, row.label, scale=SCALE, by=BY, at=at)
    if speaker.kind is ActorKind.GROUP:
        flags.append(
            Flag(
                where,
                f"speaker {row.speaker!r} is no one person: a group named "
                f"{speaker.label!r}",
            )
        )
    return [claim.id]
