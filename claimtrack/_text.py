"""
Normal forms of text, for matching names, quotes and searching claims.

Matching never changes what is stored: these keys are computed beside the
original text, which is kept as it was given.

- `fold` and `name_key`: keys for comparing claims' text and names.
- `loose_quote` and `find_loosely`: finding a quote an analyst pasted
  with other quotation marks, dashes, spaces or invisible characters than
  the source has, at the source's own offsets.
- `edit_distances` and `nearest`: approximate matching, for re-anchoring
  spans and for saying which passage a quote that is not there is nearest.
- `titled_names` and `closest`: names with their titles set aside ("Mr.
  Rubio" is "rubio"), and the known names nearest a misspelt one.
"""

from __future__ import annotations

import bisect
import collections
import difflib
import functools
import re
import unicodedata
import urllib.parse
from typing import TYPE_CHECKING


if TYPE_CHECKING:
    from collections.abc import Iterable


_QUOTES = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark
        "\u201a": "'",  # single low-9 quotation mark
        "\u201b": "'",  # single high-reversed-9 quotation mark
        "\u2032": "'",  # prime
        "\u00b4": "'",  # acute accent used as an apostrophe
        "\u201c": '"',  # left double quotation mark
        "\u201d": '"',  # right double quotation mark
        "\u201e": '"',  # double low-9 quotation mark
        "\u201f": '"',  # double high-reversed-9 quotation mark
        "\u00ab": '"',  # left-pointing double angle quotation mark
        "\u00bb": '"',  # right-pointing double angle quotation mark
        "\u2033": '"',  # double prime
    }
)


# ASCII text folds by lower-casing alone, and its punctuation is a fixed
# set: these tables make the common case fast without changing a result.
_ASCII_PUNCTUATION = str.maketrans(
    {
        c: (" " if c in "-/" else None)
        for c in map(chr, range(128))
        if unicodedata.category(c).startswith("P")
    }
)


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """
    Fold *text* for comparison: case, accents, quotes and whitespace.

    "Nayib  Bukelé" and "nayib bukele" fold to the same string; so do curly
    and straight quotes. Only accents (the ``COMBINING`` marks of Unicode)
    are dropped: the vowel signs of Devanagari or Tamil and the harakat of
    Arabic are part of the word and are kept.
    """
    if text.isascii():
        return " ".join(text.lower().split())
    return _fold_unicode(text)


def _fold_unicode(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    stripped = "".join(ch for ch in decomposed if not _is_accent(ch))
    return " ".join(unicodedata.normalize("NFC", stripped).casefold().split())


@functools.lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """
    Fold a name for lookup, also ignoring punctuation ("U.S." is "us").

    Hyphens and slashes separate words ("Secretary-General" is
    "secretary general"); other punctuation is dropped.
    """
    if name.isascii():
        return " ".join(name.translate(_ASCII_PUNCTUATION).lower().split())
    return _name_key_unicode(name)


def _name_key_unicode(name: str) -> str:
    chars: list[str] = []
    for ch in fold(name):
        if not unicodedata.category(ch).startswith("P"):
            chars.append(ch)
        elif ch in "-/\u2010\u2011\u2013\u2014":
            chars.append(" ")
    return " ".join("".join(chars).split())


def _is_accent(ch: str) -> bool:
    return bool(unicodedata.combining(ch)) and unicodedata.name(
        ch, ""
    ).startswith("COMBINING")


# -- quotes as analysts paste them ------------------------------------------

_INVISIBLE = (
    "\u00ad"  # soft hyphen
    "\u180e"  # Mongolian vowel separator
    "\u200b\u200c\u200d"  # zero-width space, non-joiner and joiner
    "\u200e\u200f"  # left-to-right and right-to-left marks
    "\u202a\u202b\u202c\u202d\u202e"  # bidirectional embeddings
    "\u2060\u2061\u2062\u2063\u2064"  # word joiner, invisible operators
    "\u2066\u2067\u2068\u2069"  # bidirectional isolates
    "\ufeff"  # zero-width no-break space (a byte order mark)
)
"""Characters that do not show: the loose form leaves them out."""

_SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)
"""Every character Python counts as whitespace (``str.isspace``)."""

_DASHES = (
    "\u2010\u2011\u2012\u2013\u2014\u2015"  # hyphens, figure dash, en, em
    "\u2212"  # minus sign
    "\ufe58\ufe63\uff0d"  # small em dash, small and full-width hyphen-minus
)
"""Dashes and hyphens: the loose form writes each as ``-``."""

_ALIKE = {
    **_QUOTES,
    ord("\u2039"): "'",  # single left-pointing angle quotation mark
    ord("\u203a"): "'",  # single right-pointing angle quotation mark
    **{ord(c): " " for c in _SPACES},
    **{ord(c): "-" for c in _DASHES},
}
"""Quotation marks straight, dashes ``-``, spaces `` ``: one for one."""

_LOOSE = {**_ALIKE, **{ord(c): None for c in _INVISIBLE}}

_LIKE = {
    mark: mark + "".join(chr(k) for k, v in _LOOSE.items() if v == mark)
    for mark in "\"'-"
}
"""The characters each straight quotation mark and the hyphen stand for."""


def loose_quote(quote: str) -> str:
    """
    A quote's loose form: straight quotes, hyphens, single spaces.

    Curly and angled quotation marks become straight (double ones ``"``,
    single ones and apostrophes ``'``), every dash and hyphen ``-``, a run
    of whitespace of any kind one space; soft hyphens, zero-width and
    other invisible characters are left out, and so are spaces at either
    end.
    """
    return " ".join(quote.translate(_LOOSE).split())


@functools.lru_cache(maxsize=256)
def loose_pattern(quote: str) -> re.Pattern[str] | None:
    """
    A pattern finding *quote* however a text writes its marks and spaces.

    It matches a passage, of a text without invisible characters, whose
    loose form (see `loose_quote`) is the quote's: each quotation mark or
    dash of the quote matches any of its kind, and each space a run of
    whitespace of any kind. A match starts and ends on a character of the
    quote. None for a quote with nothing to find (only spaces and
    invisible characters).
    """
    wanted = loose_quote(quote)
    if not wanted:
        return None
    return re.compile(
        "".join(
            f"[{re.escape(_LIKE[c])}]"
            if c in _LIKE
            else f"[{_SPACES}]+"
            if c == " "
            else re.escape(c)
            for c in wanted
        )
    )


_INVISIBLE_RUN = re.compile(f"[{_INVISIBLE}]+")


class Visible:
    """
    A text without its invisible characters, and the way back to it.

    Soft hyphens, zero-width spaces and joiners and the other characters
    that do not show are left out; every other character is kept, in
    order, so a passage of the visible text is a passage of the text.

    Attributes:
        text: The text without its invisible characters.
    """

    __slots__ = ("_at", "_to", "text")

    def __init__(self, text: str) -> None:
        # Where each stretch of visible characters starts, in the visible
        # text (_at) and in the text (_to).
        self._at, self._to = [0], [0]
        pieces = []
        done = 0
        for m in _INVISIBLE_RUN.finditer(text):
            pieces.append(text[done : m.start()])
            done = m.end()
            self._at.append(self._at[-1] + len(pieces[-1]))
            self._to.append(done)
        self.text = "".join([*pieces, text[done:]]) if pieces else text

    def offset(self, index: int) -> int:
        """
        The offset in the text of the visible text's character at *index*.
        """
        n = bisect.bisect_right(self._at, index) - 1
        return self._to[n] + index - self._at[n]


@functools.lru_cache(maxsize=16)
def visible(text: str) -> Visible:
    """
    The `Visible` form of *text*, kept for the last few texts asked about.
    """
    return Visible(text)


def find_loosely(quote: str, text: str) -> list[tuple[int, int]]:
    """
    Every passage of *text* that is *quote* written loosely, overlaps too.

    Each is ``(start, end)`` in *text*: invisible characters are set
    aside (see `Visible`), then the quote is looked for with
    `loose_pattern`. A passage starts and ends on characters that show.
    """
    pattern = loose_pattern(quote)
    if pattern is None:
        return []
    shown = visible(text)
    found = []
    m = pattern.search(shown.text)
    while m is not None:
        start, end = m.span()
        found.append((shown.offset(start), shown.offset(end - 1) + 1))
        m = pattern.search(shown.text, start + 1)
    return found


# -- approximate matching -----------------------------------------------------


def edit_distances(pattern: str, text: str, *, anchored: bool) -> list[int]:
    """
    Edit distances from *pattern* to the text ending at each position.

    Item *j* is the Levenshtein distance from *pattern* to ``text[:j +
    1]`` when *anchored*, else to the best substring of *text* ending at
    *j*. Myers' bit-parallel algorithm (Myers 1999, in Hyyrö's
    formulation), using Python integers as bit vectors: one step per
    character of *text*.
    """
    length = len(pattern)
    mask = (1 << length) - 1
    high = 1 << (length - 1)
    masks: dict[str, int] = {}
    for i, char in enumerate(pattern):
        masks[char] = masks.get(char, 0) | 1 << i
    positive, negative = mask, 0  # vertical deltas +1 and -1
    score = length
    found = []
    for char in text:
        equal = masks.get(char, 0)
        xv = equal | negative
        xh = (((equal & positive) + positive) ^ positive) | equal
        ph = negative | (~(xh | positive) & mask)
        mh = positive & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = (ph << 1) & mask | anchored  # anchored: row 0 grows by 1
        mh = (mh << 1) & mask
        positive = mh | (~(xv | ph) & mask)
        negative = ph & xv
        found.append(score)
    return found


NEAREST_LONGEST = 2000
"""The longest quote `nearest` looks for; a longer one has no nearest."""

_SEED_WORDS = 6  # the longest words of a quote looked for in the text
_SEED_GRAMS = 4  # and a few pieces of it, wherever they fall
_PER_SEED = 16  # the most places each is taken at
_BUDGET = 40_000  # the most characters compared, all places together
_WORD = re.compile(r"\w+")
_SAME = 3 / 4  # the share of characters that is near enough by itself


def nearest(quote: str, text: str) -> tuple[int, int] | None:
    """
    The passage of *text* nearest to *quote*: its start and end.

    Case is ignored, and so are invisible characters (see `Visible`) and
    the differences `loose_quote` sets aside between quotation marks and
    dashes. A few pieces of the quote (its
    longest words, and short runs of characters spread along it) are
    looked for in the text, each at its first few places; around each
    place where the quote would then be, its best approximate match is
    found by edit distance (see `edit_distances`).

    A match is near enough when at most a quarter of the quote's
    characters are edited, or at most half of them and the share of
    characters kept plus the share of the quote's words found whole in
    the match is at least one: "violent American criminals" is near
    "violent US criminals", "Trump's admin" is not near "Trump wants a
    deal". Of the matches near enough, the one with the most characters
    and words kept so wins (then the fewest edits, then the first),
    widened to whole words.

    The cost is bounded whatever the text's length: a few scans of the
    text for the pieces, and edit distances over at most 40,000
    characters. A quote longer than `NEAREST_LONGEST` has no nearest.
    """
    size = len(quote)
    if not 0 < size <= NEAREST_LONGEST:
        return None
    shown = visible(text)
    text = shown.text
    low_quote, low_text = quote.lower(), text.lower()
    if len(low_quote) != size or len(low_text) != len(text):
        low_quote, low_text = quote, text  # lower() changed a length
    low_quote = low_quote.translate(_ALIKE)
    words = collections.Counter(_WORD.findall(low_quote))
    slack = size // 2 + 1
    found: list[tuple[float, int, int, int]] = []
    budget = _BUDGET
    for low, high in _places(low_quote, low_text, slack):
        budget -= high - low
        if budget < 0:
            break
        start, end, edits = _best_in(low_quote, low_text, low, high)
        same = 1 - edits / size
        whole = _kept(words, low_text[start:end].translate(_ALIKE))
        if same >= _SAME or (same >= 1 / 2 and same + whole >= 1):
            found.append((-(same + whole), edits, start, end))
    if not found:
        return None
    _, _, start, end = min(found)
    while start > 0 and not _edge(text, start):
        start -= 1  # a whole word, not the end of one
    while end < len(text) and not _edge(text, end):
        end += 1
    return shown.offset(start), shown.offset(end - 1) + 1


def _kept(words: collections.Counter[str], passage: str) -> float:
    """
    The share of the characters of *words* in words found in *passage*.
    """
    have = collections.Counter(_WORD.findall(passage))
    kept = sum(len(w) * min(n, have[w]) for w, n in words.items())
    total = sum(len(w) * n for w, n in words.items())
    return kept / total if total else 0.0


def _places(quote: str, text: str, slack: int) -> list[tuple[int, int]]:
    """
    Where in *text* to look for *quote*: windows, most pieces found first.
    """
    words = sorted(
        {(m[0], m.start()) for m in _WORD.finditer(quote)},
        key=lambda w: (-len(w[0]), w[1]),
    )[:_SEED_WORDS]
    gram = min(4, len(quote))
    step = max(1, (len(quote) - gram) // max(1, _SEED_GRAMS - 1))
    grams = [
        (quote[at : at + gram], at)
        for at in range(0, len(quote) - gram + 1, step)
    ][:_SEED_GRAMS]
    starts: collections.Counter[int] = collections.Counter()
    for seed, offset in [*words, *grams]:
        at = text.find(seed)
        for _ in range(_PER_SEED):
            if at == -1:
                break
            starts[at - offset] += 1
            at = text.find(seed, at + 1)
    # Starts within the slack of each other are one place, seen from
    # different pieces of the quote.
    clusters: list[list[int]] = []
    for start in sorted(starts):
        if clusters and start - clusters[-1][0] <= slack:
            clusters[-1].append(start)
        else:
            clusters.append([start])
    # Each is looked at from before its first start to past its last end;
    # windows that overlap are one window.
    windows: list[list[int]] = []  # low, high, pieces found
    for c in clusters:
        low = max(0, c[0] - slack)
        high = min(len(text), c[-1] + len(quote) + slack)
        hits = sum(starts[s] for s in c)
        if windows and low < windows[-1][1]:
            windows[-1][1:] = high, windows[-1][2] + hits
        else:
            windows.append([low, high, hits])
    windows.sort(key=lambda w: (-w[2], w[0]))
    return [(low, high) for low, high, _ in windows]


def _best_in(
    quote: str, text: str, low: int, high: int
) -> tuple[int, int, int]:
    """
    The best match of *quote* in ``text[low:high]``: start, end, edits.

    The fewest edits, then bounds that do not cut a word, then the length
    nearest the quote's, then the first; a match ends where the fewest
    edits end (at most the first four such places are tried).
    """
    window = text[low:high].translate(_ALIKE)
    ends = edit_distances(quote, window, anchored=False)
    least = min(ends)
    tried = [low + j + 1 for j, edits in enumerate(ends) if edits == least]
    reach = len(quote) + len(quote) // 2 + 1  # no longer match is near
    best: tuple[tuple[int, bool, int, int], tuple[int, int, int]] | None
    best = None
    for end in tried[:4]:
        before = window[max(0, end - low - reach) : end - low]
        back = edit_distances(quote[::-1], before[::-1], anchored=True)
        for i, edits in enumerate(back):
            start = end - i - 1
            rank = (
                edits,
                not (_edge(text, start) and _edge(text, end)),
                abs(end - start - len(quote)),
                start,
            )
            if best is None or rank < best[0]:
                best = rank, (start, end, edits)
    assert best is not None  # noqa: S101 -- the window is never empty
    return best[1]


def _edge(text: str, at: int) -> bool:
    """
    Whether *at* is not inside a word of *text*.
    """
    return (
        at in (0, len(text))
        or not text[at - 1].isalnum()
        or not text[at].isalnum()
    )


# -- names with titles, names nearly right -----------------------------------

_TITLES = frozenset(
    {
        # honorifics, in English and the languages of the news
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir",
        "dame", "lord", "lady", "sr", "sra", "srta", "senor", "senora",
        "m", "mme", "mlle", "monsieur", "madame", "herr", "frau",
        # offices
        "president", "vice", "secretary", "minister", "premier",
        "chancellor", "senator", "sen", "rep", "representative",
        "congressman", "congresswoman", "gov", "governor", "mayor",
        "ambassador", "judge", "justice", "general", "gen", "chairman",
        "chairwoman", "king", "queen", "prince", "princess", "pope",
        # words before a title
        "former", "acting", "then", "prime", "deputy",
    }
)  # fmt: skip
"""Words of a title, as name keys: "Rep." is "rep", "M." is "m"."""

_OF = frozenset({"of", "for"})
_ARTICLES = frozenset(
    {"the", "a", "an", "el", "la", "los", "las", "le", "les", "l", "der"}
    | {"die", "das", "o", "os", "as", "da", "do", "dos"}
)
"""Words that make no place by themselves: "Minister of the Interior"."""
_BEFORE_TITLE = 3  # words allowed before a title: "US", "El Salvador's"


def titled_names(key: str) -> list[str]:
    """
    The names a name key may stand for, its leading title set aside.

    "mr rubio", "president bukele" and "us secretary rubio" stand for
    "rubio" and "bukele"; titles may follow each other ("former vice
    president"), and up to three words may come before the first one
    ("el salvadors president"). A title with "of" or "for" takes the
    words after it too, but the name must remain: "secretary of state
    rubio" stands for "rubio", and "minister of foreign affairs alexandra
    hill" for "affairs alexandra hill" or "alexandra hill", in that order
    (longest first). One word is taken as the name only after a one-word
    place, articles aside ("president of el salvador bukele"), never
    after a longer one, where it may be a surname whose first name was
    taken for the place; an article alone is no place ("minister of the
    interior" stands for nothing). A key without a title stands for
    nothing else: the list is empty.
    """
    words = key.split()
    for first in range(min(_BEFORE_TITLE + 1, len(words))):
        if words[first] in _TITLES:
            break
    else:
        return []
    rest = first
    while rest < len(words) and words[rest] in _TITLES:
        rest += 1
    if rest < len(words) and words[rest] in _OF:
        names = []
        for at in range(rest + 2, len(words)):
            place = [w for w in words[rest + 1 : at] if w not in _ARTICLES]
            if place and (len(words) - at > 1 or len(place) == 1):
                names.append(" ".join(words[at:]))
        return names
    return [" ".join(words[rest:])] if rest < len(words) else []


_MAX_HITS = 5000  # the most pieces of names counted, in order
_MAX_COMPARED = 25  # the most names compared closely
_CLOSE = 0.75  # the least similarity of a name suggested


def closest(query: str, keys: Iterable[str], *, limit: int = 3) -> list[str]:
    """
    The name keys most like *query*, best first: at most *limit*.

    Names that share the most three-letter pieces with the query are
    compared with it (`difflib`'s ratio, on the whole name and, for a
    one-word query, on each word of it); those at least 0.75 alike are
    returned. The work is bounded: the names are searched for the pieces
    in one pass, and at most 25 are compared closely.
    """
    blob = "\n".join(keys)
    if not query or not blob:
        return []
    grams = {query[at : at + 3] for at in range(max(1, len(query) - 2))}
    pieces = re.compile("|".join(map(re.escape, sorted(grams))))
    hits: collections.Counter[str] = collections.Counter()
    for count, m in enumerate(pieces.finditer(blob)):
        if count == _MAX_HITS:
            break
        start = blob.rfind("\n", 0, m.start()) + 1
        end = blob.find("\n", m.end())
        hits[blob[start : end if end != -1 else len(blob)]] += 1
    scored = sorted(
        (_similarity(query, key), key)
        for key, _ in hits.most_common(_MAX_COMPARED)
    )
    return [key for (unlike, _), key in scored if -unlike >= _CLOSE][:limit]


def _similarity(query: str, key: str) -> tuple[float, float]:
    """
    How unlike *key* is to *query*: minus the best ratio, then the whole's.

    The best ratio is the whole key's or, for a one-word query, any of its
    words' ("rubbio" is near "marco rubio"); of two keys alike so, the
    one more like the query as a whole comes first.
    """
    whole = difflib.SequenceMatcher(None, query, key).ratio()
    best = whole
    if " " not in query:
        for word in key.split():
            best = max(
                best, difflib.SequenceMatcher(None, query, word).ratio()
            )
    return -best, -whole


def actor_id(name: str) -> str:
    """
    The id of the actor with this name: "Bobby Scott" is ``bobby-scott``.
    """
    return name_key(name).replace(" ", "-")


def split_url(url: str) -> urllib.parse.SplitResult | None:
    """
    *url* split into its parts, or None where ``urllib.parse`` cannot.

    It cannot split a bracketed host left open (``http://[``) or a host
    whose NFKC form holds characters that change its meaning
    (``https://a\u2100b``): no one can follow either.
    """
    try:
        return urllib.parse.urlsplit(url)
    except ValueError:
        return None
