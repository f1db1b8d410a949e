"""
Re-anchoring: finding a span again after its source's text was revised.

`reanchor` looks for a span in a new text in this order:

1. **Position.** The span's offsets still hold its quote, with its prefix
   just before and its suffix just after: the span stays where it is.
2. **Scored search.** Every place where the quote occurs exactly, and every
   place where it occurs with at most *k* edits, is a candidate (an
   approximate one ends where the span's suffix begins, and starts where
   its prefix ends, when they can be found there). Each is scored for how
   well its quote *and* the text around it agree with the span's quote,
   prefix and suffix::

       score = (2 * quote + before + after) / 4

   ``quote`` is ``1 - edits / len(exact)``, with the Levenshtein distance
   between the span's quote and the candidate's text. ``before`` is
   ``1 - edits / len(prefix)``, with the distance between the span's prefix
   and the text that ends where the candidate starts (the best such text,
   so an insertion of three characters costs three edits); ``after`` is
   the same for the suffix. Empty context agrees fully: there is nothing
   to disagree with. The quote weighs as much as its two sides together.

   When the old text is known (the tracker always knows it), a candidate
   that is a passage of the old text kept unchanged, from away from where
   the span was, is not counted: it is another passage that was already
   there, a lookalike, not the span's own text moved or edited (`Kept`).

   Overlapping candidates are one place seen with different bounds, and
   the best stands for it; only overlapping exact occurrences of the quote
   stay apart. The best score wins if it is at least the minimum
   (``MIN_SCORE``, 0.75, unless another is given) and no other place has
   the same score. The kind is `AnchorKind.QUOTE` when the winner's text
   is the quote itself, `AnchorKind.APPROXIMATE` when it differs. (When
   the quote and its whole context occur exactly once, that place scores 1
   and nothing else can: it is taken without the search.)
3. **Ambiguous.** Two or more places share the best score, at or above the
   minimum: all are reported, and none is chosen.
4. **Orphan.** No place reaches the minimum. The best places that were
   refused are reported, with their score.

The minimum is 0.75 because that is what a quote found verbatim scores
with one side of its context intact and the other wholly different: the
weakest evidence accepted. A verbatim copy of the quote with unrelated
context on both sides scores about 0.62 and stays an orphan; a candidate
whose quote has more than ``2 * (1 - minimum)`` of its characters edited
cannot reach the minimum whatever its context, so the search allows at
most that many edits (*k*, half the quote at 0.75).

The old offsets are only used for the position check: candidates are
ranked by score alone, never by nearness to where the quote was, so a
lookalike is never preferred for sitting where the original sat.

Edit distances are computed with Myers' bit-parallel algorithm (Myers
1999, in Hyyrö's formulation), using Python integers as bit vectors
(`claimtrack._text.edit_distances`, which `Source.span_of` also uses to
say which passage a missing quote is nearest): one pass over the text per
quote, plus short passes per candidate to find its bounds.
``tests/benchmarks/bench_anchor.py`` measures it on the seed article.

Over 800 lines, kept whole on purpose: the search and its scoring are one
algorithm, documented here, that reads best in one place.
"""

from __future__ import annotations

import bisect
import datetime as dt
import difflib
import enum
import hashlib
import json
import math
import re
from fractions import Fraction
from typing import Any

import attrs

from claimtrack._evidence import _check_instant
from claimtrack._models import CONTEXT_LENGTH, Span
from claimtrack._text import edit_distances as _distances
from claimtrack._validators import (
    check_fields,
    instance_of,
    member_of,
    non_empty_str,
    non_negative_int,
    optional,
    tuple_of,
)
from claimtrack.exceptions import InvalidTypeError, InvalidValueError


MIN_SCORE = 0.75
"""The score a re-anchored span needs unless another minimum is given."""


def _check(validator: Any) -> dict[str, Any]:
    return {"check": validator}


class AnchorKind(enum.Enum):
    """
    How a span was found in a revised text, or why it was not.

    .. versionadded:: 0.1.0
    """

    POSITION = "position"
    """Its offsets still hold its quote, with the same context."""
    QUOTE = "quote"
    """Its quote was found unchanged, at the one best place."""
    APPROXIMATE = "approximate"
    """A close match for its quote was found, at the one best place."""
    AMBIGUOUS = "ambiguous"
    """Several places match equally well; none was chosen."""
    ORPHAN = "orphan"
    """No place matches well enough."""


_LOST = (AnchorKind.AMBIGUOUS, AnchorKind.ORPHAN)


def _to_kind(value: object) -> object:
    try:
        return AnchorKind(value)
    except ValueError:
        return value  # the kind's check names it


def _to_tuple(value: object) -> object:
    return tuple(value) if isinstance(value, list | tuple) else value


@attrs.frozen(repr=False)
class _Fraction:
    """
    A field check: a number from *low* (or over it) to 1.
    """

    low: float = 0.0
    open_low: bool = False

    def __repr__(self) -> str:
        return f"<fraction validator from {self.low}>"

    def __call__(self, _inst: object, attr: Any, value: object) -> None:
        name = attr if isinstance(attr, str) else attr.name
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InvalidTypeError(
                name, value, f"must be a number, not {type(value).__name__}"
            )
        below = value <= self.low if self.open_low else value < self.low
        if not math.isfinite(value) or below or value > 1:
            bound = "over" if self.open_low else "from"
            raise InvalidValueError(
                name, value, f"must be {bound} {self.low} and at most 1"
            )


_SCORE = _Fraction()
_MIN_SCORE = _Fraction(low=0.5, open_low=True)


@attrs.frozen
class Anchoring:
    """
    Where a span was found in a revised text, and how; see `reanchor`.

    Args:
        span: The span as it was, on the old text.
        kind: How it was found, an `AnchorKind` (or its value).
        found: The span on the new text, with its context; ``None`` for an
            ambiguous or orphaned span.
        score: How well the place found agrees with the span, from 0 to 1
            (1 for a span found by position). For an ambiguous span, the
            score its candidates share; for an orphan, the best score of a
            place that was refused, or 0 if there was none.
        candidates: For an ambiguous span, every place that matches
            equally well; for an orphan, the best places refused (perhaps
            none). Empty for a span that was found.

    .. versionadded:: 0.1.0
    """

    span: Span = attrs.field(metadata=_check(instance_of(Span)))
    kind: AnchorKind = attrs.field(
        converter=_to_kind, metadata=_check(member_of(AnchorKind))
    )
    found: Span | None = attrs.field(
        default=None,
        kw_only=True,
        metadata=_check(optional(instance_of(Span))),
    )
    score: float = attrs.field(
        default=0.0, kw_only=True, metadata=_check(_SCORE)
    )
    candidates: tuple[Span, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=_to_tuple,
        metadata=_check(tuple_of(instance_of(Span))),
    )

    def __attrs_post_init__(self) -> None:
        check_fields(self)
        lost = self.kind in _LOST
        if lost is (self.found is not None):
            raise InvalidValueError(
                "found",
                self.found,
                f"an {self.kind.value} span has no place"
                if lost
                else f"a span found by {self.kind.value} needs its place",
            )
        if self.kind is AnchorKind.AMBIGUOUS and len(self.candidates) < 2:  # noqa: PLR2004
            raise InvalidValueError(
                "candidates",
                self.candidates,
                "an ambiguous span has two candidates or more",
            )
        if not lost and self.candidates:
            raise InvalidValueError(
                "candidates",
                self.candidates,
                "a span that was found has no other candidates",
            )

    @property
    def anchored(self) -> bool:
        """
        Whether the span was found (by position, quote or approximately).
        """
        return self.found is not None

    @property
    def moved(self) -> bool:
        """
        Whether the span was found at other offsets, or with another quote.
        """
        return self.found is not None and (
            (self.found.start, self.found.end, self.found.exact)
            != (self.span.start, self.span.end, self.span.exact)
        )


def reanchor(
    span: Span,
    text: str,
    *,
    min_score: float = MIN_SCORE,
    previous: str | None = None,
) -> Anchoring:
    """
    Find *span* in *text*, a revised version of the text it was made on.

    The span is found by position, else by its quote with its context,
    else by an approximate match scoring at least *min_score*; a span that
    several places match equally well is ambiguous, and one that no place
    matches well enough is an orphan. See :doc:`annotation` for the
    algorithm and the score.

    The result is the same for the same arguments, always.

    Args:
        span: The span, as it was on the old text.
        text: The new text.
        min_score: The score a match needs, over 0.5 and at most 1.
        previous: The old text, if known. A place in *text* that is a
            passage of the old text kept unchanged, but away from where the
            span was, is then not a candidate: it is another passage that
            was already there (a lookalike), not the span's moved or
            edited.

    Raises:
        InvalidTypeError: If *span* is not a `Span`, *text* (or
            *previous*) not a ``str``, or *min_score* not a number.
        InvalidValueError: If *min_score* is out of range.

    .. versionadded:: 0.1.0
    """
    instance_of(Span)(None, "span", span)
    instance_of(str)(None, "text", text)
    optional(instance_of(str))(None, "previous", previous)
    check_min_score(min_score)
    kept = None if previous is None else Kept(previous, text)
    return anchor(span, text, min_score, kept)


def check_min_score(value: object) -> None:
    """
    Check a minimum score: a number over 0.5 and at most 1.
    """
    _MIN_SCORE(None, "min_score", value)


def anchor(
    span: Span, text: str, min_score: float, kept: Kept | None
) -> Anchoring:
    """
    `reanchor`, its arguments checked, with the old text's kept passages.
    """
    if _in_place(span, text):
        return Anchoring(
            span,
            AnchorKind.POSITION,
            found=_span_in(text, span.start, span.end, span.source),
            score=1.0,
        )
    whole = span.prefix + span.exact + span.suffix
    at = [start + len(span.prefix) for start in find_all(whole, text)]
    if len(at) == 1 and not _refused(
        kept, span, at[0], at[0] + len(span.exact)
    ):
        # The quote and its whole context, once: nothing else scores 1.
        found = _span_in(text, at[0], at[0] + len(span.exact), span.source)
        return Anchoring(span, AnchorKind.QUOTE, found=found, score=1.0)
    most = _max_edits(len(span.exact), min_score)
    places = _places(span.exact, text, most)
    for (start, end), edits in list(places.items()):
        if edits:  # an approximate match: try the bounds its context gives
            place = _bounds(span, text, start, end, most)
            places.setdefault(place[:2], place[2])
    scored = _distinct(
        [
            (_score(span, text, start, end, edits), start, end, edits == 0)
            for (start, end), edits in places.items()
            if not _refused(kept, span, start, end)
        ],
        len(span.exact),
    )
    if not scored:
        return Anchoring(span, AnchorKind.ORPHAN)
    best = scored[0][0]
    top = [
        _span_in(text, start, end, span.source)
        for score, start, end, _ in scored
        if score == best
    ]
    if best < Fraction(min_score):
        kind = AnchorKind.ORPHAN
    elif len(top) > 1:
        kind = AnchorKind.AMBIGUOUS
    else:
        found = top[0]
        kind = (
            AnchorKind.QUOTE
            if found.exact == span.exact
            else AnchorKind.APPROXIMATE
        )
        return Anchoring(span, kind, found=found, score=float(best))
    return Anchoring(span, kind, score=float(best), candidates=top)


_Candidate = tuple[Fraction, int, int, bool]  # score, start, end, exact


def _distinct(candidates: list[_Candidate], length: int) -> list[_Candidate]:
    """
    The candidates at distinct places, best first.

    Overlapping candidates are one place, seen with different bounds, and
    the best of them stands for it (the exact quote, else the length
    nearest the quote's, else the first). Only exact occurrences of the
    quote that overlap stay apart: they are different occurrences.
    """
    ranked = sorted(
        candidates,
        key=lambda c: (-c[0], not c[3], abs(c[2] - c[1] - length), c[1], c[2]),
    )
    kept: list[_Candidate] = []
    for candidate in ranked:
        _, start, end, exact = candidate
        if not any(
            start < other[2] and other[1] < end and not (exact and other[3])
            for other in kept
        ):
            kept.append(candidate)
    return kept


def best_places(span: Span, text: str, starts: list[int]) -> list[int]:
    """
    Of the places *starts* where ``span.exact`` occurs in *text*, the best.

    The places whose context agrees best with the span's prefix and suffix
    (by the score of `reanchor`), in order: one, unless several tie.
    """
    end = len(span.exact)
    scores = [_score(span, text, at, at + end, 0) for at in starts]
    return [
        at
        for at, score in zip(starts, scores, strict=True)
        if score == max(scores)
    ]


def _refused(kept: Kept | None, span: Span, start: int, end: int) -> bool:
    return kept is not None and kept.elsewhere(start, end, span)


class Kept:
    """
    The passages of an old text kept unchanged in a new one, and where.

    The texts are compared sentence by sentence (a sentence ends at ``.``,
    ``!``, ``?``, their CJK forms, or a line break; the spaces around it
    are not part of it) with `difflib`, after setting aside the sentences
    both begin and end with. Sentences that were changed are then compared
    word by word, unless there are too many words (``_MAX_PAIRS``) to
    compare quickly.
    """

    def __init__(self, old: str, new: str) -> None:
        a, b = _sentences(old), _sentences(new)
        # (start in new, end in new, start in old) of each kept stretch
        self.stretches: list[tuple[int, int, int]] = []
        i2 = j2 = 0  # where the last run of equal sentences ended
        for i, j, size in _matching(
            [x for x, _, _ in a], [y for y, _, _ in b]
        ):
            if i > i2 and j > j2:  # sentences replaced: compare their words
                self.stretches += _words(
                    old, new, (a[i2][1], a[i - 1][2]), (b[j2][1], b[j - 1][2])
                )
            for n in range(size):
                _, old_start, _ = a[i + n]
                _, new_start, new_end = b[j + n]
                last = self.stretches[-1] if n else None
                if (
                    last is not None
                    and old[a[i + n - 1][2] : old_start]
                    == new[last[1] : new_start]
                ):
                    # the same space between two kept sentences: one stretch
                    self.stretches[-1] = (last[0], new_end, last[2])
                else:
                    self.stretches.append((new_start, new_end, old_start))
            i2, j2 = i + size, j + size
        self.starts = [stretch[0] for stretch in self.stretches]

    def elsewhere(self, start: int, end: int, span: Span) -> bool:
        """
        Whether ``new[start:end]`` is old text, kept, from away from *span*.
        """
        n = bisect.bisect_right(self.starts, start) - 1
        if n < 0:
            return False
        new_start, new_end, old_start = self.stretches[n]
        if end > new_end:
            return False
        old = old_start + start - new_start
        return old + end - start <= span.start or old >= span.end


_MAX_PAIRS = 250_000
"""The most word pairs a changed passage is compared word by word for."""

_SENTENCE = re.compile(
    r"[^\s.!?\u3002\uff01\uff1f](?:[^\n.!?\u3002\uff01\uff1f]*"
    r"[^\s.!?\u3002\uff01\uff1f])?[.!?\u3002\uff01\uff1f]*"
    r"|[.!?\u3002\uff01\uff1f]+"
)
_WORD = re.compile(r"\w+|\s+|[^\w\s]")


def _sentences(text: str) -> list[tuple[str, int, int]]:
    """
    The sentences of *text*, each with its start and end.
    """
    return [(m[0], m.start(), m.end()) for m in _SENTENCE.finditer(text)]


def _matching(a: list[str], b: list[str]) -> list[tuple[int, int, int]]:
    """
    The runs of equal items of *a* and *b*, ``(i, j, size)``, in order.

    The items both lists begin and end with are matched first, so that the
    common case, a few changes in a long text, costs little; the last run
    is the end of both lists, perhaps of size 0.
    """
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while (
        tail < min(len(a), len(b)) - head
        and a[len(a) - 1 - tail] == b[len(b) - 1 - tail]
    ):
        tail += 1
    middle = difflib.SequenceMatcher(
        None, a[head : len(a) - tail], b[head : len(b) - tail], autojunk=False
    ).get_matching_blocks()[:-1]
    return [
        (0, 0, head),
        *((head + i, head + j, size) for i, j, size in middle),
        (len(a) - tail, len(b) - tail, tail),
    ]


def _words(
    old: str, new: str, old_part: tuple[int, int], new_part: tuple[int, int]
) -> list[tuple[int, int, int]]:
    """
    The kept stretches of a changed passage, compared word by word.
    """
    a = [(m[0], m.start()) for m in _WORD.finditer(old, *old_part)]
    b = [(m[0], m.start()) for m in _WORD.finditer(new, *new_part)]
    if len(a) * len(b) > _MAX_PAIRS:
        return []
    return [
        (b[j][1], b[j + size - 1][1] + len(b[j + size - 1][0]), a[i][1])
        for i, j, size in _matching([x for x, _ in a], [y for y, _ in b])
        if size
    ]


def find_all(quote: str, text: str) -> list[int]:
    """
    Every offset where *quote* occurs in *text*, overlaps included.
    """
    found = []
    at = text.find(quote)
    while at != -1:
        found.append(at)
        at = text.find(quote, at + 1)
    return found


def _in_place(span: Span, text: str) -> bool:
    """
    Whether the span's offsets still hold its quote and its context.
    """
    start, end = span.start, span.end
    before = start - len(span.prefix)
    return (
        end <= len(text)
        and text[start:end] == span.exact
        and before >= 0
        and text[before:start] == span.prefix
        and text[end : end + len(span.suffix)] == span.suffix
    )


def _span_in(text: str, start: int, end: int, source: str | None) -> Span:
    return Span(
        start,
        end,
        text[start:end],
        prefix=text[max(0, start - CONTEXT_LENGTH) : start],
        suffix=text[end : end + CONTEXT_LENGTH],
        source=source,
    )


def _max_edits(length: int, min_score: float) -> int:
    """
    The most edits a quote of *length* can have and still reach the minimum.

    A candidate with perfect context scores ``(2 * quote + 2) / 4``, which
    is below *min_score* once ``quote < 2 * min_score - 1``.
    """
    return math.floor(2 * length * (1 - Fraction(min_score)))


def _places(quote: str, text: str, most: int) -> dict[tuple[int, int], int]:
    """
    Every place in *text* matching *quote* with at most *most* edits.

    Maps ``(start, end)`` to the number of edits. Every exact occurrence
    is a place, overlapping ones too; an approximate match is taken where
    its edit count is lowest among its neighbours, starting where it needs
    the fewest edits.
    """
    places = {(at, at + len(quote)): 0 for at in find_all(quote, text)}
    if most == 0:
        return places
    ends = _distances(quote, text, anchored=False)
    for j, edits in enumerate(ends):
        if (
            0 < edits <= most
            and (j == 0 or ends[j - 1] > edits)
            and (j + 1 == len(ends) or ends[j + 1] >= edits)
        ):
            start, found = _start(quote, text, j + 1, most)
            places.setdefault((start, j + 1), found)
    return places


def _bounds(
    span: Span, text: str, start: int, end: int, most: int
) -> tuple[int, int, int]:
    """
    The bounds the span's context gives an approximate match, and its edits.

    The match may end a little early or late; where the span's suffix
    begins best (within *most* characters) is where it ends, and where its
    prefix ends best is where it starts, if the context agrees there at
    least half.
    """
    if span.suffix:
        low, high = max(start + 1, end - most), min(len(text), end + most)
        reach = 2 * len(span.suffix)
        # Searched backwards, the suffix's best match ending at each place
        # is its best agreement with the text beginning there.
        window = text[low : high + reach][::-1]
        found = _distances(span.suffix[::-1], window, anchored=False)[::-1]
        found.append(len(span.suffix))  # at the end of the text: nothing
        best = min(
            range(low, high + 1),
            key=lambda e: (found[e - low], abs(e - end)),
        )
        if 2 * found[best - low] < len(span.suffix):  # agrees at least half
            end = best
    if span.prefix:
        reach = 2 * len(span.prefix)
        low, high = max(0, start - most), min(end - 1, start + most)
        base = max(0, low - reach)
        found = [len(span.prefix)]  # no text before: nothing agrees
        found += _distances(span.prefix, text[base:high], anchored=False)
        best = min(
            range(low, high + 1),
            key=lambda b: (found[b - base], abs(b - start)),
        )
        if 2 * found[best - base] < len(span.prefix):
            start = best
    edits = _distances(span.exact, text[start:end], anchored=True)[-1]
    return start, end, edits


def _start(quote: str, text: str, end: int, most: int) -> tuple[int, int]:
    """
    Where a match of *quote* ending at *end* starts, and its edit count.

    Of the starts with the fewest edits, the one whose length is closest to
    the quote's, then the shortest, is taken.
    """
    window = text[max(0, end - len(quote) - most) : end][::-1]
    edits = _distances(quote[::-1], window, anchored=True)
    # edits[i] is the distance from the quote to text[end - i - 1 : end].
    i = min(
        range(len(edits)),
        key=lambda i: (edits[i], abs(i + 1 - len(quote)), i),
    )
    return end - i - 1, edits[i]


def _score(
    span: Span, text: str, start: int, end: int, edits: int
) -> Fraction:
    """
    How well the place ``text[start:end]`` agrees with *span*, from 0 to 1.
    """
    quote = Fraction(len(span.exact) - edits, len(span.exact))
    reach = 2 * len(span.prefix)
    before = _agreement(
        span.prefix[::-1], text[max(0, start - reach) : start][::-1]
    )
    after = _agreement(span.suffix, text[end : end + 2 * len(span.suffix)])
    return (2 * quote + before + after) / 4


def _agreement(context: str, text: str) -> Fraction:
    """
    How much of *context* begins *text*, allowing edits, from 0 to 1.

    ``1 - d / len(context)``, where *d* is the least distance between
    *context* and a beginning of *text* (the empty one included).
    """
    if not context:
        return Fraction(1)
    least = min([len(context), *_distances(context, text, anchored=True)])
    return Fraction(len(context) - least, len(context))


# -- revisions --------------------------------------------------------------


@attrs.frozen
class Reanchored:
    """
    A span in a revised source, and where the revision put it.

    The span is a claim's own span, or the span of one citation of an
    evidence item on a claim.

    Args:
        claim: The id of the claim the span belongs to, or whose evidence
            it belongs to.
        anchoring: Where the span was found in the revised text, and how.
        evidence: The id of the evidence, for an evidence span.
        item: Which of the evidence's citations, counted from 0.

    .. versionadded:: 0.1.0
    """

    claim: str = attrs.field(metadata=_check(non_empty_str()))
    anchoring: Anchoring = attrs.field(metadata=_check(instance_of(Anchoring)))
    evidence: str | None = attrs.field(
        default=None, kw_only=True, metadata=_check(optional(non_empty_str()))
    )
    item: int | None = attrs.field(
        default=None,
        kw_only=True,
        metadata=_check(optional(non_negative_int())),
    )

    def __attrs_post_init__(self) -> None:
        check_fields(self)
        if (self.evidence is None) is not (self.item is None):
            raise InvalidValueError(
                "item",
                self.item,
                "an evidence span names its evidence and its item",
            )

    @property
    def key(self) -> tuple[str, str | None, int | None]:
        """
        What the span is: ``(claim, evidence, item)``.
        """
        return (self.claim, self.evidence, self.item)

    def __str__(self) -> str:
        """
        Say whose span it is and what became of it.
        """
        whose = (
            f"claim {self.claim}"
            if self.evidence is None
            else f"evidence {self.evidence} [{self.item}] on claim "
            f"{self.claim}"
        )
        old, found = self.anchoring.span, self.anchoring.found
        where = (
            f"{old.start}:{old.end} -> {found.start}:{found.end}"
            if found is not None
            else f"{old.start}:{old.end}"
        )
        return (
            f"{whose}: {self.anchoring.kind.value} {where} "
            f"(score {self.anchoring.score:.2f})"
        )


@attrs.frozen
class Revision:
    """
    A new text for a source, and where each span citing it went.

    `Tracker.revise` makes one and records it in the history; the source's
    old text and its spans as they were stay in the history before it.

    Args:
        source: The id of the revised source.
        number: Which revision of the source it is, from 1; revision 0 is
            the text the source was added with.
        text: The new text.
        spans: Every span that quoted the source, claims' and evidence's,
            orphans from earlier revisions included, each with where the
            revision put it.
        min_score: The score a re-anchored span needed.
        by: Who revised it.
        at: When, an aware datetime.

    .. versionadded:: 0.1.0
    """

    source: str = attrs.field(metadata=_check(non_empty_str()))
    number: int = attrs.field(metadata=_check(non_negative_int()))
    text: str = attrs.field(repr=False, metadata=_check(instance_of(str)))
    spans: tuple[Reanchored, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=_to_tuple,
        metadata=_check(tuple_of(instance_of(Reanchored))),
    )
    min_score: float = attrs.field(
        default=MIN_SCORE, kw_only=True, metadata=_check(_MIN_SCORE)
    )
    by: str | None = attrs.field(
        default=None, kw_only=True, metadata=_check(optional(non_empty_str()))
    )
    at: dt.datetime = attrs.field(
        factory=lambda: dt.datetime.now(dt.UTC),
        kw_only=True,
        metadata=_check(_check_instant),
    )

    def __attrs_post_init__(self) -> None:
        check_fields(self)

    @property
    def id(self) -> str:
        """
        The revision's id: its source, its number and its text.
        """
        blob = json.dumps([self.source, self.number, self.text])
        digest = hashlib.sha256(blob.encode()).hexdigest()
        return f"revision-{digest[:16]}"

    @property
    def claims(self) -> tuple[str, ...]:
        """
        The ids of the claims whose spans (or evidence spans) it concerns.
        """
        return tuple(dict.fromkeys(entry.claim for entry in self.spans))

    @property
    def moved(self) -> tuple[Reanchored, ...]:
        """
        The spans found at other offsets, or with another quote.
        """
        return tuple(e for e in self.spans if e.anchoring.moved)

    @property
    def orphans(self) -> tuple[Reanchored, ...]:
        """
        The spans that lost their place: orphaned or ambiguous.
        """
        return tuple(e for e in self.spans if not e.anchoring.anchored)

    @property
    def ambiguous(self) -> tuple[Reanchored, ...]:
        """
        The spans that several places match equally well.
        """
        return tuple(
            e for e in self.spans if e.anchoring.kind is AnchorKind.AMBIGUOUS
        )
