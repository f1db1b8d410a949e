"""
AVeriTeC: real-world claims with question-answer evidence, as JSON.

An AVeriTeC file (M. Schlichtkrull et al., NeurIPS 2023) is a JSON array of
claims. Each element becomes:

- a claim: ``claim`` as its text, said on ``claim_date`` (read day first,
  ``DD-MM-YYYY``, padded or not: "27-8-2020" is 27 August 2020; the words
  are kept), ``claim_types`` and ``location:<location_ISO_code>`` as tags,
  and a derived id;
- its speaker: an actor named ``speaker`` (trimmed of spaces and invisible
  marks), whose id is the name folded to a slug ("Donald Trump" is
  ``donald-trump``; an actor already in the tracker under that id is
  used). The name is read as fact-checks' claimants are
  (`claimtrack.formats._reviews.claimants`): a placeholder ("Viral social
  media post", "Facebook users") is an unnamed group whose role keeps the
  words, an account ("Twitter user @jane") keeps its platform, and
  several speakers ("A and B") each make a claim of their own. A null or
  empty speaker is `UNATTRIBUTED`, an unnamed group that stands for "not
  attributed by AVeriTeC", never a person. The report flags each of these;
- its source, when ``original_claim_url`` or ``reporting_source`` is
  given: a source with that URL and that publisher (a blank URL is none);
- its id, derived (`ct.Claim.make_id`) from what a ClaimReview export
  keeps of it, so that exporting and importing it again gives the same
  id: the text, the speaker's id (an unnamed group's claim is made as one
  with no claimant, ``unknown-claimant``), the date, and the
  ``original_claim_url`` (not the source's own id, derived from the
  reporting source too, which ClaimReview has no place for);
- the ``fact_checking_article``: a source with its URL, cited as context
  evidence with the note "fact-checking article";
- each answer with a ``source_url``: context evidence citing the URL, with
  the question and the answer (its type, and a Boolean answer's
  ``boolean_explanation``) in the note. Answers citing the same URL make
  one evidence, their notes joined. AVeriTeC labels the claim, not its
  answers (a "No" may support a claim as well as refute it), so every
  answer is context; the verdict says where the evidence points.
  Answers with no URL (``Unanswerable``) or with ``Metadata`` (read from
  the claim's own metadata) cite nothing outside and add no evidence;
- a verdict: ``label`` on the ``averitec`` scale, ``justification`` as its
  rationale, by ``"averitec"`` at `AT`. A record with no label (AVeriTeC's
  test split) gets no verdict.

Not imported: ``required_reannotation``, ``fact_checking_strategies``,
``source_medium`` and the ``cached_*`` archive URLs, which may be missing.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TYPE_CHECKING

import attrs

from claimtrack._dates import When
from claimtrack._evidence import Citation, Stance
from claimtrack._models import Actor, Claim, Source
from claimtrack._scales import AVERITEC
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
    digest,
    fits,
    known_actor,
    load_json,
    slug,
    stamp,
    trim,
    unattributed,
)
from claimtrack.formats._reviews import claimants, speaker_key


if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from claimtrack._tracker import Tracker
    from claimtrack.formats._common import ImportReport


__all__ = ["AT", "BY", "SCALE", "UNATTRIBUTED", "detects", "read", "read_date"]

BY = "averitec"
"""Who the verdicts and evidence are by: the dataset."""

SCALE = "averitec"
"""The scale AVeriTeC's labels are on."""

AT = dt.datetime(2023, 5, 22, tzinfo=dt.UTC)
"""When the verdicts are dated unless told otherwise: the day the AVeriTeC
paper first appeared (arXiv 2305.13117)."""

UNATTRIBUTED = unattributed("averitec")
"""The speaker of claims whose ``speaker`` is null or empty."""

METADATA = "Metadata"
"""The ``source_url`` of answers read from the claim's own metadata."""

_DATE = re.compile(r"\s*(\d{1,2})-(\d{1,2})-(\d{4})\s*")


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
    Import AVeriTeC claims into *tracker*: all of them, or none.

    Args:
        tracker: Where to add them.
        data: The JSON array: text, bytes, a `pathlib.Path` or an open
            file.
        lenient: Import the good claims and report the bad ones, instead
            of importing nothing when a claim is bad.
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
        its flags say which speakers are no one person, and an empty
        array.

    Raises:
        InvalidDocumentError: If the input is not a JSON array; in a strict
            import, for the first bad claim, its field is the JSON path of
            the fault (``$[3].claim_date``).
        UnknownLabelError: For a label not on the AVeriTeC scale.
        DocumentTooLargeError: If the input is over *max_bytes*.
        DuplicateIdError: For a record whose id the tracker already gives
            to something different.
        InvalidDateError: If *at* is naive or not an ISO 8601 date and time.

    .. versionadded:: 0.1.0
    """
    when = stamp(at, AT)
    document = load_json(read_text(data, max_bytes=max_bytes))
    if not isinstance(document, list):
        raise InvalidDocumentError(
            "$",
            type(document).__name__,
            "an AVeriTeC file is a JSON array of claims",
        )
    flags: list[Flag] = []
    return run(
        tracker,
        "averitec",
        counted(_records(tracker, document, when, flags), flags, "claims"),
        lenient=lenient,
        progress=progress,
        flags=flags,
    )


def detects(head: str, suffix: str) -> bool:  # noqa: ARG001 -- one signature for all
    """
    Whether a file looks like AVeriTeC's, from its beginning.

    *head* is the file's beginning, as text: AVeriTeC's claims have the
    keys ``claim_date`` and ``questions``. The name's extension (*suffix*)
    does not tell.

    .. versionadded:: 0.1.0
    """
    return has_keys(head, "claim_date", "questions")


def read_date(text: str) -> When:
    """
    Read an AVeriTeC ``claim_date``: day first, ``DD-MM-YYYY``.

    The day and the month may be unpadded: "27-8-2020" is 27 August 2020
    and "1-10-2020" is 1 October 2020. The date is never read month first.

    Raises:
        InvalidDocumentError: If *text* is not in that form, or not a date.

    .. versionadded:: 0.1.0
    """
    found = _DATE.fullmatch(text)
    if found is None:
        raise InvalidDocumentError(
            "claim_date", text, "must be a date written DD-MM-YYYY (day first)"
        )
    day, month, year = (int(part) for part in found.groups())
    try:
        return When.day(dt.date(year, month, day), text=text.strip())
    except ValueError as exc:
        raise InvalidDocumentError(
            "claim_date", text, f"is not a date (day first): {exc}"
        ) from None


@attrs.frozen
class _Answer:
    url: str
    note: str


@attrs.frozen
class _Claim:
    """
    One AVeriTeC claim, read and checked.
    """

    text: str
    speaker: str | None
    said: When | None
    url: str | None
    reporting_source: str | None
    article: str | None
    label: str | None
    justification: str | None
    tags: tuple[str, ...]
    answers: tuple[_Answer, ...]

    @classmethod
    def parse(cls, item: object) -> _Claim:
        fields = Fields(item)
        text = fields.text("claim", required=True)
        assert text is not None  # noqa: S101 -- required
        speaker = fields.text("speaker", strip=False)
        date = fields.text("claim_date")
        location = fields.text("location_ISO_code")
        label = fields.text("label")
        if label is not None:
            AVERITEC.canonical(label)  # an unknown label fails here
        tags = [
            _tag(fields, f"claim_types[{i}]", value)
            for i, value in enumerate(fields.array("claim_types"))
        ]
        if location is not None:
            tags.append(f"location:{location}")
        return cls(
            text=text,
            speaker=_speaker(fields, speaker),
            said=read_date(date) if date is not None else None,
            url=fields.url("original_claim_url"),
            reporting_source=fields.text("reporting_source"),
            article=fields.url("fact_checking_article"),
            label=label,
            justification=fields.text("justification"),
            tags=tuple(t for t in tags if t),
            answers=tuple(_answers(fields)),
        )

    def actors(self) -> tuple[Actor, ...]:
        """
        The speakers: as `claimants` reads the name, or `UNATTRIBUTED`.

        A name that is just a name is kept as given, inner spaces and all.
        """
        if self.speaker is None:
            return (UNATTRIBUTED,)
        found = claimants(self.speaker)
        if (
            len(found) == 1
            and found[0].name is not None
            and not (found[0].role or found[0].aliases)
        ):
            return (Actor(slug(self.speaker), self.speaker),)
        return found

    def flags(self, speakers: list[Actor]) -> Iterator[str]:
        """
        What is worth saying about the speakers.
        """
        if self.speaker is None:
            yield (
                "speaker is null or empty: the claim's speaker is "
                f"{UNATTRIBUTED.id!r}"
            )
        for actor in speakers:
            if actor.name is None and actor is not UNATTRIBUTED:
                yield (
                    f"speaker {actor.label!r} is no one person: the claim's "
                    f"speaker is the unnamed group {actor.id!r}"
                )
        if len(speakers) > 1:
            yield (
                f"speaker names {len(speakers)} speakers "
                f"({', '.join(a.id for a in speakers)}): a claim for each"
            )

    def source(self) -> Source | None:
        """
        Where the claim was found, if AVeriTeC says.
        """
        if self.url is None and self.reporting_source is None:
            return None
        return Source(
            digest(
                "averitec-source", self.text, self.url, self.reporting_source
            ),
            url=self.url,
            publisher=self.reporting_source,
        )


def _speaker(fields: Fields, given: str | None) -> str | None:
    name = trim(given) if given is not None else ""
    if name and not slug(name):
        raise fields.error("speaker", "has no letter or digit to name by")
    return name or None


def _tag(fields: Fields, path: str, value: object) -> str:
    if not isinstance(value, str):
        raise InvalidDocumentError(
            fields.at(path), value, "a claim type must be text"
        )
    return value.strip()


def _answers(fields: Fields) -> Iterator[_Answer]:
    for q, question in enumerate(fields.array("questions")):
        asked = fields.child(question, f"questions[{q}]")
        text = asked.text("question")
        for a, answer in enumerate(asked.array("answers")):
            said = asked.child(answer, f"answers[{a}]")
            reply = said.text("answer")
            kind = said.text("answer_type")
            why = said.text("boolean_explanation")
            url = said.text("source_url")
            if url is None or url.casefold() == METADATA.casefold():
                continue
            url = said.url("source_url")
            assert url is not None  # noqa: S101 -- not blank, checked above
            lines = [
                *([f"Q: {text}"] if text else []),
                f"A{f' ({kind})' if kind else ''}: {reply or ''}".rstrip(),
                *([f"Why: {why}"] if why else []),
            ]
            yield _Answer(url, "\n".join(lines))


def _records(
    tracker: Tracker,
    document: list[object],
    at: dt.datetime,
    flags: list[Flag],
) -> Iterator[Record]:
    into = _Into(tracker, at, flags)
    for index, item in enumerate(document):
        where = f"$[{index}]"
        try:
            claim = _Claim.parse(item)
        except ClaimtrackError as exc:
            yield failing(where, exc)
            continue
        yield Record(where, functools.partial(into.add, claim, where))


@attrs.frozen
class _Into:
    """
    Adds AVeriTeC claims to a scratch tracker, flagging their speakers.
    """

    tracker: Tracker
    at: dt.datetime
    flags: list[Flag]

    def add(self, item: _Claim, where: str, scratch: Tracker) -> list[str]:
        """
        Add one record: a claim for each of its speakers.
        """
        speakers = [
            known_actor(actor, scratch, self.tracker)
            for actor in item.actors()
        ]
        found = [self._add(item, scratch, speaker) for speaker in speakers]
        self.flags.extend(Flag(where, m) for m in item.flags(speakers))
        return found

    @staticmethod
    def _id(item: _Claim, speaker: Actor) -> str:
        """
        The claim's id, from what a ClaimReview export keeps of it.
        """
        return Claim.make_id(
            item.text, speaker_key(speaker), said=item.said, source=item.url
        )

    def _again(
        self, item: _Claim, scratch: Tracker, speaker: Actor
    ) -> Claim | None:
        """
        The claim already read under this record's id, if it is this one.

        Two records of one claim (its text, speaker, date and URL) that
        name other reporting sources make one claim, with the source read
        first: the id has no place for the reporting source, which a
        ClaimReview export does not keep. A claim there under the id with
        other words or tags is left for `fits` to refuse.
        """
        ident = self._id(item, speaker)
        for tracker in (scratch, self.tracker):
            if ident not in tracker:
                continue
            found = tracker.get(ident)
            if not isinstance(found, Claim) or (
                found.text,
                found.speaker,
                found.said,
                found.tags,
            ) != (item.text, speaker.id, item.said, item.tags):
                return None
            if tracker is not scratch:
                if found.source is not None:
                    stored = tracker.source(found.source)
                    scratch.add_source(stored, by=BY, at=self.at)
                scratch.add_actor(speaker, by=BY, at=self.at)
                scratch.add_claim(found, by=BY, at=self.at)
            return found
        return None

    def _add(self, item: _Claim, scratch: Tracker, speaker: Actor) -> str:
        """
        Add the record's claim by one speaker, its evidence and verdict.
        """
        claim = self._again(item, scratch, speaker) or scratch.add_claim(
            item.text,
            speaker=speaker,
            said=item.said,
            source=item.source(),
            tags=item.tags,
            id=self._id(item, speaker),
            by=BY,
            at=self.at,
        )
        fits(claim, "claim", self.tracker)
        if item.article is not None:
            article = Source(
                digest("averitec-article", item.article), url=item.article
            )
            scratch.add_source(article, by=BY, at=self.at)
            scratch.corroborate(
                claim,
                evidence=Citation(source=article.id),
                stance=Stance.CONTEXT,
                by=BY,
                at=self.at,
                note="fact-checking article",
            )
        notes: dict[str, list[str]] = {}
        for answer in item.answers:
            notes.setdefault(answer.url, []).append(answer.note)
        for url, said in notes.items():
            scratch.corroborate(
                claim,
                evidence=Citation(url=url),
                stance=Stance.CONTEXT,
                by=BY,
                at=self.at,
                note="\n\n".join(said),
            )
        if item.label is not None:
            scratch.rate(
                claim,
                item.label,
                scale=SCALE,
                by=BY,
                at=self.at,
                rationale=item.justification,
            )
        return claim.id
