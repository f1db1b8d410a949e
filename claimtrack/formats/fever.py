"""
FEVER: claims written from Wikipedia, with sentence evidence, as JSON lines.

FEVER (J. Thorne et al., NAACL 2018) has one claim a line: ``id``,
``claim``, ``label`` (SUPPORTS, REFUTES or NOT ENOUGH INFO),
``verifiable``, and ``evidence``: a list of evidence sets, each a list of
``[annotation_id, evidence_id, wiki_page, sentence_id]`` sentences. Each
line becomes:

- a claim with the id ``fever-<id>``, ``claim`` as its text, and `SPEAKER`
  as its speaker: FEVER's claims were written by its annotators, who
  altered sentences taken from Wikipedia;
- for each sentence cited, a source standing for it: id
  ``fever-wiki:<wiki_page>:<sentence_id>``, the page as title (underscores
  as spaces, and FEVER's ``-LRB-``, ``-RRB-``, ``-COLON-``... as the marks
  they stand for), publisher "Wikipedia", language ``en``, and no text:
  FEVER gives the page and the sentence's number, not the sentence;
- for each evidence set, one evidence citing its sentences (an evidence set
  that counts only whole), with the stance of the label (SUPPORTS supports,
  REFUTES refutes, NOT ENOUGH INFO is context) and the annotation ids in
  its note. Sets citing the same sentences are one evidence. A NOT ENOUGH
  INFO claim's ``[annotation_id, null, null, null]`` cites nothing and
  adds no evidence;
- a verdict: ``label`` on the ``fever`` scale, by ``"fever"`` at `AT`.
  A line without a label (FEVER's unlabelled test split) gets no verdict.

``verifiable`` is not imported: it follows from the label.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING, Any

import attrs

from claimtrack._evidence import Citation, Stance
from claimtrack._models import Actor, ActorKind, Source
from claimtrack._scales import FEVER
from claimtrack.exceptions import ClaimtrackError, InvalidDocumentError
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
)


if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from claimtrack._tracker import Tracker
    from claimtrack.formats._common import ImportReport


__all__ = ["AT", "BY", "SCALE", "SPEAKER", "detects", "page_title", "read"]

BY = "fever"
"""Who the verdicts and evidence are by: the dataset."""

SCALE = "fever"
"""The scale FEVER's labels are on."""

AT = dt.datetime(2018, 3, 14, tzinfo=dt.UTC)
"""When the verdicts are dated unless told otherwise: the day the FEVER
paper first appeared (arXiv 1803.05355)."""

SPEAKER = Actor("fever-annotators", "FEVER annotators", kind=ActorKind.GROUP)
"""The speaker of every claim: the annotators who wrote FEVER's claims."""

_MARKS = {
    "-LRB-": "(",
    "-RRB-": ")",
    "-LSB-": "[",
    "-RSB-": "]",
    "-LCB-": "{",
    "-RCB-": "}",
    "-COLON-": ":",
}
_SENTENCE_LENGTH = 4


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
    Import FEVER claims into *tracker*: all of them, or none.

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
            its field is ``line <n>.<path>`` (``line 4.evidence[0][1]``).
        UnknownLabelError: For a label not on the FEVER scale.
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
        "fever",
        counted(_records(tracker, text, when), flags, "claims"),
        lenient=lenient,
        progress=progress,
        flags=flags,
    )


def detects(head: str, suffix: str) -> bool:  # noqa: ARG001 -- one signature for all
    """
    Whether a file looks like FEVER's, from its beginning.

    *head* is the file's beginning, as text: FEVER's lines have the keys
    ``claim``, ``label`` and ``evidence``. The name's extension (*suffix*)
    does not tell. `claimtrack.formats.detect` asks FEVER last, since
    other formats may have these keys too.

    .. versionadded:: 0.1.0
    """
    return has_keys(head, "claim", "label", "evidence")


def page_title(page: str) -> str:
    """
    Read a Wikipedia page's title from FEVER's page id.

    "Savages_-LRB-2012_film-RRB-" is "Savages (2012 film)".

    .. versionadded:: 0.1.0
    """
    for mark, char in _MARKS.items():
        page = page.replace(mark, char)
    return page.replace("_", " ")


@attrs.frozen
class _Sentence:
    page: str
    number: int

    def source(self) -> Source:
        """
        The sentence, as a source of its own.
        """
        return Source(
            f"fever-wiki:{self.page}:{self.number}",
            title=page_title(self.page),
            publisher="Wikipedia",
            language="en",
        )


@attrs.frozen
class _Set:
    sentences: tuple[_Sentence, ...]
    annotations: tuple[int, ...]

    @property
    def note(self) -> str | None:
        """
        The annotations the set comes from.
        """
        if not self.annotations:
            return None
        return "FEVER annotation " + ", ".join(map(str, self.annotations))


@attrs.frozen
class _Claim:
    id: str
    text: str
    label: str | None
    stance: Stance  # of its evidence: the label's, or context
    sets: tuple[_Set, ...]

    @classmethod
    def parse(cls, item: object) -> _Claim:
        fields = Fields(item)
        text = fields.text("claim", required=True)
        assert text is not None  # noqa: S101 -- required
        label = fields.text("label")
        stance = Stance.CONTEXT
        if label is not None:
            stance = Stance(FEVER.canonical(label))
        sets = []
        for index, value in enumerate(fields.array("evidence")):
            found = _evidence_set(fields, f"evidence[{index}]", value)
            if found.sentences:
                sets.append(found)
        return cls(fields.ident("id"), text, label, stance, tuple(sets))


def _evidence_set(fields: Fields, path: str, value: Any) -> _Set:
    if not isinstance(value, list):
        raise InvalidDocumentError(
            fields.at(path), value, "an evidence set is a JSON array"
        )
    sentences: list[_Sentence] = []
    annotations: list[int] = []
    for index, entry in enumerate(value):
        where = fields.at(f"{path}[{index}]")
        if not isinstance(entry, list) or len(entry) != _SENTENCE_LENGTH:
            raise InvalidDocumentError(
                where,
                entry,
                "must be [annotation_id, evidence_id, wiki_page, sentence_id]",
            )
        annotation, _, page, number = entry
        if _is_id(annotation) and annotation not in annotations:
            annotations.append(annotation)
        if page is None and number is None:
            continue
        if not isinstance(page, str) or not page.strip():
            raise InvalidDocumentError(
                f"{where}[2]", page, "a cited sentence needs its wiki page"
            )
        if not _is_id(number):
            raise InvalidDocumentError(
                f"{where}[3]",
                number,
                "a cited sentence needs its number, a whole number >= 0",
            )
        sentence = _Sentence(page.strip(), number)
        if sentence not in sentences:
            sentences.append(sentence)
    return _Set(tuple(sentences), tuple(annotations))


def _is_id(value: object) -> bool:
    return (
        isinstance(value, int) and not isinstance(value, bool) and value >= 0
    )


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
        id=f"fever-{item.id}",
        by=BY,
        at=at,
    )
    fits(claim, "id", tracker)
    for evidence_set in item.sets:
        citations = []
        for sentence in evidence_set.sentences:
            source = sentence.source()
            fits(source, "evidence", scratch, tracker)
            scratch.add_source(source, by=BY, at=at)
            citations.append(Citation(source=source.id))
        scratch.corroborate(
            claim,
            evidence=citations,
            stance=item.stance,
            by=BY,
            at=at,
            note=evidence_set.note,
        )
    if item.label is not None:
        scratch.rate(claim, item.label, scale=SCALE, by=BY, at=at)
    return [claim.id]
