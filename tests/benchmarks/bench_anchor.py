"""
Benchmark: how re-anchoring scores the edits articles go through.

Spans are drawn from the seed article (whole words, 12 to 60 characters,
each quote unique in the article); each kind of edit is applied to the
article, and the span re-anchored. The script prints, per kind of edit,
the share of spans found at their true place, found elsewhere, left
orphaned or ambiguous, and the scores found; then the time taken, and the
time a `difflib` sliding window would take to do the search instead:

    python tests/benchmarks/bench_anchor.py            # 300 spans per edit
    python tests/benchmarks/bench_anchor.py --spans 30   # smoke

docs/annotation.md quotes its numbers.
"""

from __future__ import annotations

import argparse
import difflib
import random
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import claimtrack as ct
from claimtrack import _anchor
from claimtrack.anchoring import AnchorKind, reanchor


ROOT = Path(__file__).resolve().parents[2]
ARTICLE = (ROOT / "seeds" / "000_821ae99d464d4b5b.txt").read_text(
    encoding="utf-8"
)
SOURCE = ct.Source("a", text=ARTICLE)
FILLER = "Officials in the region declined to comment on the talks."
WORDS = ["new", "the", "reported", "major", "US", "week", "said", "a"]
# An edit: (random, span) -> (the span, perhaps on an older text, the old
# text, the new text, and where the quote is in the new text, or None if
# its place is gone).
Place = tuple[int, int] | None
Edited = tuple[ct.Span, str, str, Place]
Edit = Callable[[random.Random, ct.Span], Edited]


def spans(n: int, rng: random.Random) -> list[ct.Span]:
    """
    *n* spans of whole words whose quotes occur once in the article.
    """
    bounds = [m.start() for m in re.finditer(r"\b\w", ARTICLE)]
    found: list[ct.Span] = []
    while len(found) < n:
        start = rng.choice(bounds)
        end = start + rng.randint(12, 60)
        while end < len(ARTICLE) and ARTICLE[end].isalnum():
            end += 1
        quote = ARTICLE[start:end]
        if end <= len(ARTICLE) and ARTICLE.count(quote) == 1:
            found.append(SOURCE.span_at(start, end))
    return found


def sentence_of(span: ct.Span) -> tuple[int, int]:
    """
    The bounds of the sentences the span is in.
    """
    start = max(ARTICLE.rfind(c, 0, span.start) for c in ".\n") + 1
    ends = [ARTICLE.find(c, span.end) for c in ".\n"]
    end = min([e for e in ends if e != -1] or [len(ARTICLE)]) + 1
    return start, min(end, len(ARTICLE))


def far_insertion(rng: random.Random, span: ct.Span) -> Edited:
    """
    A note added at the top.
    """
    del rng
    shift = len("Updated. ")
    place = (span.start + shift, span.end + shift)
    return span, ARTICLE, "Updated. " + ARTICLE, place


def near_insertion(rng: random.Random, span: ct.Span) -> Edited:
    """
    A sentence inserted right before the quote.
    """
    del rng
    text = ARTICLE[: span.start] + FILLER + " " + ARTICLE[span.start :]
    shift = len(FILLER) + 1
    return span, ARTICLE, text, (span.start + shift, span.end + shift)


def word_replaced(rng: random.Random, span: ct.Span) -> Edited:
    """
    One word of the quote replaced.
    """
    words = span.exact.split(" ")
    words[rng.randrange(len(words))] = rng.choice(WORDS)
    quote = " ".join(words)
    text = ARTICLE[: span.start] + quote + ARTICLE[span.end :]
    return span, ARTICLE, text, (span.start, span.start + len(quote))


def typo(rng: random.Random, span: ct.Span) -> Edited:
    """
    One character of the quote deleted.
    """
    at = rng.randrange(span.start + 1, span.end - 1)
    text = ARTICLE[:at] + ARTICLE[at + 1 :]
    return span, ARTICLE, text, (span.start, span.end - 1)


def double_space(rng: random.Random, span: ct.Span) -> Edited:
    """
    A space in the quote doubled.
    """
    spaces = [i for i in range(span.start, span.end) if ARTICLE[i] == " "]
    at = rng.choice(spaces) if spaces else span.start
    text = ARTICLE[:at] + " " + ARTICLE[at:]
    return span, ARTICLE, text, (span.start, span.end + 1)


def verbatim_elsewhere(rng: random.Random, span: ct.Span) -> Edited:
    """
    The quote's sentences cut; the quote alone, in a new sentence, added
    at another paragraph.
    """
    start, end = sentence_of(span)
    cut = ARTICLE[:start] + ARTICLE[end:]
    breaks = [m.end() for m in re.finditer("\n\n", cut)]
    at = rng.choice(breaks)
    text = cut[:at] + f"Critics noted that {span.exact} was new. " + cut[at:]
    return span, ARTICLE, text, None


def lookalike_elsewhere(
    rng: random.Random, span: ct.Span, changes: int
) -> Edited:
    """
    The quote's sentences cut; a copy of them with words changed, which
    was already in the text, remains at another paragraph.
    """
    start, end = sentence_of(span)
    words = ARTICLE[start:end].split(" ")
    for _ in range(changes):
        words[rng.randrange(len(words))] = rng.choice(WORDS)
    copy = " ".join(words)
    breaks = [m.end() for m in re.finditer("\n\n", ARTICLE)]
    at = rng.choice([b for b in breaks if not start <= b <= end])
    old = ARTICLE[:at] + copy + "\n\n" + ARTICLE[at:]
    shift = len(copy) + 2 if at <= start else 0
    new = old[: start + shift] + old[end + shift :]
    moved = ct.Source("a", text=old).span_at(
        span.start + shift, span.end + shift
    )
    return moved, old, new, None


def run(spans_per_edit: int, seed: int) -> None:
    """
    Apply each edit to each span, and print what became of them.
    """
    rng = random.Random(seed)
    chosen = spans(spans_per_edit, rng)
    edits: list[tuple[str, Edit, bool]] = [
        ("insertion far before", far_insertion, False),
        ("sentence inserted next to it", near_insertion, False),
        ("word replaced inside", word_replaced, False),
        ("character deleted inside", typo, False),
        ("space doubled inside", double_space, False),
        ("insertion far before +old", far_insertion, True),
        ("word replaced inside +old", word_replaced, True),
        ("cut; quote alone elsewhere", verbatim_elsewhere, False),
        ("cut; quote alone elsewhere +old", verbatim_elsewhere, True),
    ]
    for changes in (1, 2, 3):
        edit = lambda r, s, n=changes: lookalike_elsewhere(r, s, n)  # noqa: E731
        edits.append((f"cut; lookalike ({changes}w)", edit, False))
        edits.append((f"cut; lookalike ({changes}w) +old", edit, True))
    print(
        f"{len(chosen)} spans; how many were found at their true place, "
        "found elsewhere, orphaned, ambiguous\n"
        f"{'edit':34} {'true':>5} {'else':>5} {'orph':>5} {'ambi':>5}  "
        "score min / median"
    )
    for name, edit, with_old in edits:
        counts = {"true": 0, "else": 0, "orph": 0, "ambi": 0}
        scores = []
        for span in chosen:
            old_span, old, text, place = edit(rng, span)
            found = reanchor(
                old_span, text, previous=old if with_old else None
            )
            if found.kind is AnchorKind.AMBIGUOUS:
                counts["ambi"] += 1
            elif not found.anchored:
                counts["orph"] += 1
            elif place is not None and (
                found.found.start < place[1] and place[0] < found.found.end
            ):
                counts["true"] += 1
            else:
                counts["else"] += 1
            if found.anchored:
                scores.append(found.score)
        shares = " ".join(f"{v:5}" for v in counts.values())
        spread = (
            f"{min(scores):.2f} / {statistics.median(scores):.2f}"
            if scores
            else "-"
        )
        print(f"{name:34} {shares}  {spread}")
    unrelated_contexts(2000, rng)
    timing(chosen)


def unrelated_contexts(n: int, rng: random.Random) -> None:
    """
    How much the 32-character prefixes of unrelated places agree.
    """
    agreements = []
    while len(agreements) < n:
        i, j = rng.randrange(64, len(ARTICLE)), rng.randrange(64, len(ARTICLE))
        if abs(i - j) < 64:
            continue
        prefix = ARTICLE[i - 32 : i]
        text = ARTICLE[j - 64 : j][::-1]
        agreements.append(float(_anchor._agreement(prefix[::-1], text)))
    agreements.sort()
    print(
        f"\nunrelated contexts agree {statistics.median(agreements):.2f} "
        f"(median), {agreements[int(0.99 * n)]:.2f} (99th percentile), "
        f"{agreements[-1]:.2f} (most), over {n} pairs"
    )


def timing(chosen: list[ct.Span]) -> None:
    """
    Time reanchor, and a difflib sliding window, on the article.
    """
    text = ARTICLE.replace("the", "teh")
    t = time.perf_counter()
    for span in chosen:
        reanchor(span, text)
    per_span = (time.perf_counter() - t) / len(chosen)
    t = time.perf_counter()
    for span in chosen:
        reanchor(span, text, previous=ARTICLE)
    with_old = (time.perf_counter() - t) / len(chosen)
    span = chosen[0]
    t = time.perf_counter()
    size = len(span.exact)
    max(
        range(len(text) - size),
        key=lambda i: difflib.SequenceMatcher(
            None, span.exact, text[i : i + size], autojunk=False
        ).ratio(),
    )
    window = time.perf_counter() - t
    print(
        f"{len(ARTICLE):,} characters: {1000 * per_span:.1f} ms a span, "
        f"{1000 * with_old:.1f} ms with the old text; a difflib sliding "
        f"window takes {1000 * window:.0f} ms for one span"
    )


def main() -> None:
    """
    Read the options and run.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--spans", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    run(arguments.spans, arguments.seed)


if __name__ == "__main__":
    main()
