"""
What the fact-check formats share: one review of one claim, into a tracker.

ClaimReview JSON-LD, Google Fact Check Tools responses and ClaimsKG rows all
say the same things: a claim (its text, who made it, when, where it
appeared) and a publisher's review of it (the article, its date, and a
rating). Each format reads its input into `Review` values, checking every
field where it was read; `records` then turns them into records that put
each review into a tracker the same way for all of them (`Into.review`):

- the claimant is an `Actor` (or `UNKNOWN_CLAIMANT`, flagged); a
  placeholder ("Multiple sources", "Varias fuentes") is an unnamed group,
  and several claimants ("A and B") make a claim each (`claimants`);
- the place the claim appeared is the claim's `Source`;
- the claim's id follows from its text, claimant, date and source, as a
  ClaimReview export keeps them (`speaker_key`);
- the label is a `Verdict` on the publisher's own scale, with the label as
  published; a numeric rating is a second verdict on a numeric scale;
- the review article is a `Source`, cited as evidence by the publisher,
  with its writer, if the input names them, in the evidence's note.

Over 800 lines, kept whole on purpose: every format's reviews go into a
tracker through this one path, which is the contract the formats share.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, TypeVar

import attrs
from dateutil.parser import isoparse

from claimtrack._dates import When
from claimtrack._evidence import Stance, instant
from claimtrack._models import Actor, ActorKind, Claim, Source
from claimtrack._scales import Rating, RatingScale, _number
from claimtrack._text import actor_id, split_url
from claimtrack.exceptions import (
    ClaimtrackError,
    DuplicateIdError,
    InvalidDocumentError,
    MissingReferenceError,
    NotFoundError,
)
from claimtrack.formats._claimants import (
    Named,
    read_claimant,
    read_claimants,
)
from claimtrack.formats._common import Flag, Record, failing
from claimtrack.formats._labels import BY_KEY as _LANGUAGE_LABELS
from claimtrack.formats._words import label_key


if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

    from claimtrack._evidence import Evidence
    from claimtrack._tracker import Tracker


_M = TypeVar("_M")

UNKNOWN_CLAIMANT = Actor(
    "unknown-claimant", None, kind=ActorKind.GROUP, role="unknown claimant"
)
"""The speaker of a claim whose claimant the input does not name."""

DEFAULT_SCALE = "claimreview"
"""The scale's name when a review names no publisher."""

_T = Rating.TRUE
_MT = Rating.MOSTLY_TRUE
_MX = Rating.MIXED
_MF = Rating.MOSTLY_FALSE
_F = Rating.FALSE
_U = Rating.UNPROVEN

_LABELS: dict[str, Rating | None] = {
    # claimtrack's own labels, and the built-in scales' (PolitiFact, LIAR,
    # FEVER, AVeriTeC, Climate-FEVER, Meedan Check)
    "true": _T,
    "mostly-true": _MT,
    "mixed": _MX,
    "mostly-false": _MF,
    "false": _F,
    "unproven": _U,
    "half-true": _MX,
    "pants on fire": _F,
    "pants-fire": _F,
    "barely-true": _MF,
    "supports": _T,
    "refutes": _F,
    "not enough info": _U,
    "supported": _T,
    "refuted": _F,
    "conflicting evidence/cherrypicking": _MX,
    "not enough evidence": _U,
    "disputed": _MX,
    "verified": _T,
    "inconclusive": _U,
    "not applicable": _U,
    # the words fact-checkers publish, where their meaning is plain
    "correct": _T,
    "accurate": _T,
    "mostly correct": _MT,
    "mostly accurate": _MT,
    "mixture": _MX,
    "half truth": _MX,
    "partly true": _MX,
    "partly false": _MX,
    "partially true": _MX,
    "partially false": _MX,
    "mostly inaccurate": _MF,
    "incorrect": _F,
    "inaccurate": _F,
    "not true": _F,
    "untrue": _F,
    "wrong": _F,
    "fake": _F,
    "hoax": _F,
    "fabricated": _F,
    "unverified": _U,
    "unsubstantiated": _U,
    "unknown": _U,
    # labels that judge something other than the claim's truth, or judge
    # it in a way claimtrack does not guess at: kept, with no rating
    "misleading": None,
    "missing context": None,
    "miscaptioned": None,
    "altered image": None,
    "altered": None,
    "decontextualized": None,
    "misattributed": None,
    "correct attribution": None,
    "satire": None,
    "originated as satire": None,
    "labeled satire": None,
    "legend": None,
    "outdated": None,
    "scam": None,
    "other": None,
    "in progress": None,
    "undetermined": None,
}

LABELS: Mapping[str, Rating | None] = MappingProxyType(_LABELS)
"""Published labels and the `Rating` each maps to (``None``: no rating)."""

_BY_KEY = {
    **_LANGUAGE_LABELS,
    **{label_key(label): rating for label, rating in _LABELS.items()},
}


def rating_of(label: str) -> Rating | None:
    """
    The `Rating` a published label maps to, or None.

    Case, accents, spacing, punctuation, emoji and underscores do not
    matter ("Pants on Fire!", "PANTS_ON_FIRE", "Partlyfalse" is "partly
    false", "❌ FALSO" is "Falso"). The labels are those of `LABELS` and,
    in the publishers' languages, of
    `claimtrack.formats._labels.LANGUAGE_LABELS` ("Falso", "Faux",
    "錯誤", "زائف"). A label that is in neither, or that is there with
    ``None``, has no rating: its verdict is kept with its label and judges
    nothing.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       Labels in Spanish, Portuguese, French, German, Italian, Catalan,
       Romanian, Chinese, Arabic and Hindi; emoji around a label.
    """
    return _BY_KEY.get(label_key(label))


def is_known_label(label: str) -> bool:
    """
    Whether a label is in the label tables, with a rating or with none.

    An import flags a label that is not, so that a publisher's scale
    claimtrack does not know yet is seen ("Chequeado: Apresurado").

    .. versionadded:: 0.2.0
    """
    return label_key(label) in _BY_KEY


# -- numbers ------------------------------------------------------------------


def number_text(value: Decimal) -> str:
    """
    A number as plain text, without exponent or trailing zeros: "2.5", "10".
    """
    text = format(value.normalize(), "f")
    return text if text != "-0" else "0"


@attrs.frozen
class Numbers:
    """
    A numeric rating: a value between a worst and a best value.
    """

    value: Decimal
    worst: Decimal
    best: Decimal

    @property
    def label(self) -> str:
        """
        The value as the label of its verdict.
        """
        return number_text(self.value)

    @property
    def scale(self) -> RatingScale:
        """
        The numeric scale: ``numeric 1 to 5``.
        """
        return RatingScale.numeric(
            self.worst,
            self.best,
            name=f"numeric {number_text(self.worst)} to "
            f"{number_text(self.best)}",
        )

    def describe(self) -> str:
        """
        Say it in words: "2.5 on a scale from 1 to 5".
        """
        return (
            f"{self.label} on a scale from {number_text(self.worst)} to "
            f"{number_text(self.best)}"
        )


_DECIMAL = r"([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))"
_NUMERIC_SCALE = re.compile(f"numeric {_DECIMAL} to {_DECIMAL}")


def numbers_of(label: str, scale: str) -> Numbers | None:
    """
    The numbers of a verdict on a numeric scale, read from its label and name.
    """
    match = _NUMERIC_SCALE.fullmatch(scale)
    value = _number(label)
    if match is None or value is None:
        return None
    return Numbers(value, Decimal(match[1]), Decimal(match[2]))


def read_number(value: object, field: str) -> Decimal | None:
    """
    A rating number: a JSON number or a numeric string; None if empty.

    Raises:
        InvalidDocumentError: If it is not a finite number.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    number: Decimal | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
    elif isinstance(value, str):
        number = _number(value)
    if number is None or not number.is_finite():
        raise InvalidDocumentError(field, value, "is not a number")
    return number


def check_numbers(
    value: Decimal | None,
    worst: Decimal | None,
    best: Decimal | None,
    flags: list[str],
) -> Numbers | None:
    """
    The numeric rating, if it is one; odd ratings are flagged.

    Missing bounds are schema.org's defaults, 1 and 5. A value outside its
    own scale, or a scale whose ends are equal, gives no numbers.
    """
    if value is None:
        return None
    if worst is None:
        flags.append("worstRating is missing: schema.org's default 1 is used")
        worst = Decimal(1)
    if best is None:
        flags.append("bestRating is missing: schema.org's default 5 is used")
        best = Decimal(5)
    for name, bound in (("worstRating", worst), ("bestRating", best)):
        if bound != bound.to_integral_value():
            flags.append(
                f"{name} {number_text(bound)} is not a whole number, as the "
                "ends of a rating scale are; the rating is read on the scale "
                "as given"
            )
    if worst == best:
        flags.append(
            f"worstRating and bestRating are both {number_text(worst)}: the "
            "numbers are not kept"
        )
        return None
    numbers = Numbers(value, worst, best)
    if not min(worst, best) <= value <= max(worst, best):
        flags.append(
            f"ratingValue {numbers.describe()} is outside its scale: the "
            "numbers are not kept"
        )
        return None
    return numbers


# -- dates --------------------------------------------------------------------

_NAIVE_DATETIME = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?"
)
_DASHED_TIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})-\d{2}-\d{2}-\d{2}")
_DAY_FIRST = re.compile(r"\d{1,2}-\d{1,2}-\d{4}")
_AWARE = re.compile(r"\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}(:?\d{2})?)")


def read_when(value: object, field: str) -> When:
    """
    Read a date as fact-checks write it.

    ISO dates and datetimes, unpadded ``2021-7-16``, day-first
    ``31-10-2020``, datetimes with no time zone (their day is taken as
    written) and ``2020-09-13-22-11-48``.

    Raises:
        InvalidDocumentError: If it is not text or not such a date.
    """
    if not isinstance(value, str):
        raise InvalidDocumentError(field, value, "must be a date as text")
    text = value.strip()
    match = _NAIVE_DATETIME.fullmatch(text) or _DASHED_TIME.fullmatch(text)
    try:
        if match:
            return When.day(
                dt.date(int(match[1]), int(match[2]), int(match[3])),
                text=value,
            )
        dayfirst = True if _DAY_FIRST.fullmatch(text) else None
        return When.parse(text, dayfirst=dayfirst, field=field)
    except MissingReferenceError as exc:
        raise InvalidDocumentError(
            field,
            value,
            "is relative or has no year: an imported date must be whole",
        ) from exc
    except ClaimtrackError as exc:
        raise InvalidDocumentError(field, value, exc.reason) from exc
    except ValueError as exc:  # a day that is not in its month
        raise InvalidDocumentError(field, value, "is not a day") from exc


def read_moment(value: object, field: str) -> tuple[When, dt.datetime]:
    """
    Read when a review was published: the day, and the moment.

    The moment is the datetime given with its offset, or else midnight UTC
    of the first day.

    Raises:
        InvalidDocumentError: If it is not a date `read_when` reads.
    """
    when = read_when(value, field)
    moment = dt.datetime.combine(when.earliest, dt.time(), tzinfo=dt.UTC)
    if _AWARE.fullmatch(when.text.strip()):
        with contextlib.suppress(ValueError):  # When read it as ISO
            moment = isoparse(when.text.strip())
    return when, moment


def date_text(moment: dt.datetime) -> str:
    """
    Write a review's moment back: the day alone when it is midnight UTC.
    """
    if moment.utcoffset() == dt.timedelta(0) and moment.time() == dt.time():
        return moment.date().isoformat()
    return moment.isoformat()


# -- names --------------------------------------------------------------------


def claimant_name(value: str) -> str | None:
    """
    The claimant a name field names, or None for a placeholder.

    "Multiple sources", "FB User" and "Varias fuentes" name nobody;
    "Facebook user: Hervey Alvin" names Hervey Alvin. The field is taken
    whole: "Jane Ruby and Stew Peters" is one name here; `claimants`
    reads it as two, and keeps what a placeholder and a platform say.

    .. versionchanged:: 0.2.0
       Placeholders and platforms in the publishers' languages.
    """
    named = read_claimant(value)
    if named is None or named.name is None:
        return None
    return named.name


def claimant(
    name: str,
    *,
    kind: ActorKind = ActorKind.PERSON,
    role: str | None = None,
) -> Actor:
    """
    The actor for a claimant's (clean) name.
    """
    return Actor(actor_id(name), name, kind=kind, role=role)


def claimants(
    value: str,
    *,
    kind: ActorKind = ActorKind.PERSON,
    role: str | None = None,
) -> tuple[Actor, ...]:
    """
    The actors a claimant field names: none, one, or several.

    A placeholder ("Multiple sources", "Facebook-Nutzer", "網傳") is an
    unnamed group, whose role keeps the words and whose aliases name the
    platforms; an account ("Twitter user @x") is its name, with its
    platform in its role ("X/Twitter user") and its URL, if it is named by
    one, as an alias; a list ("A, B and social media users") is each of
    them. *kind* and *role* (a Person's or an Organization's, as the input
    gives them) go to the names that say neither.

    .. versionadded:: 0.2.0
    """
    found = (
        actor_of(named, kind=kind, role=role)
        for named in read_claimants(value)
    )
    return tuple(actor for actor in found if actor is not None)


def actor_of(
    named: Named,
    *,
    kind: ActorKind = ActorKind.PERSON,
    role: str | None = None,
) -> Actor | None:
    """
    The actor for one claimant `read_claimants` read.

    None if its name has no letter or digit to make an id of ("@@").

    .. versionadded:: 0.2.0
    """
    ident = actor_id(named.name or named.words)
    if not ident:
        return None
    if named.name is None:
        return Actor(
            ident,
            kind=ActorKind.GROUP,
            role=named.words,
            aliases=named.platforms,
        )
    return Actor(
        ident,
        named.name,
        kind=named.kind if kind is ActorKind.PERSON else kind,
        role=role or named.role,
        aliases=() if named.url is None else (named.url,),
    )


# PolitiFact's speakers that are not one person: their pages' names.
_POLITIFACT_GROUPS = {
    "facebook-posts": "Facebook posts",
    "instagram-posts": "Instagram posts",
    "tiktok-posts": "TikTok posts",
    "threads-posts": "Threads posts",
    "x-posts": "X posts",
    "tweets": "Tweets",
    "viral-image": "Viral image",
    "viral-video": "Viral video",
    "youtube-videos": "YouTube videos",
    "blog-posting": "Blog posting",
    "bloggers": "Bloggers",
    "chain-email": "Chain email",
    "social-media": "Social media",
    "instagram-post": "Instagram post",
    "facebook-post": "Facebook post",
}
_POLITIFACT = re.compile(
    r"/(?:factchecks|statements)/(?P<year>\d{4})/(?P<month>[a-z]{3})/"
    r"(?P<day>\d{1,2})/(?P<slug>[a-z0-9][a-z0-9-]*)/",
    re.IGNORECASE,
)
_MONTHS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)


def politifact(url: str) -> tuple[When | None, Actor] | None:
    """
    The review date and the claimant a PolitiFact URL names, if it is one.

    ``/factchecks/2021/jul/22/bobby-scott/...`` was published on 22 July
    2021 and reviews a claim by Bobby Scott (``bobby-scott``, the id his
    name gives, so that the claim's id survives a ClaimReview round
    trip). PolitiFact's pages for speakers who are not one person
    (``facebook-posts``, ``viral-image``, any slug `claimants` reads as a
    placeholder) are unnamed groups, their role the words PolitiFact
    gives them and their aliases the platforms they name, as any
    placeholder claimant is.

    .. versionchanged:: 0.2.0
       Any placeholder slug is a group; the platforms are aliases.
    """
    parts = split_url(url)
    if parts is None:
        return None
    host = parts.netloc.lower()
    match = _POLITIFACT.search(parts.path)
    if not (host == "politifact.com" or host.endswith(".politifact.com")):
        return None
    if match is None:
        return None
    slug = match["slug"].lower()
    when = None
    month = match["month"].lower()
    if month in _MONTHS:
        try:
            day = dt.date(
                int(match["year"]), _MONTHS.index(month) + 1, int(match["day"])
            )
        except ValueError:
            day = None
        when = None if day is None else When.day(day)
    name = _POLITIFACT_GROUPS.get(slug) or " ".join(
        word.capitalize() for word in slug.split("-") if word
    )
    named = read_claimant(name)  # taken whole: a slug is one speaker
    assert named is not None  # noqa: S101 -- a slug has a letter or digit
    if named.placeholder:  # posts, not a person: an unnamed group
        return when, Actor(
            actor_id(name),
            kind=ActorKind.GROUP,
            role=name,
            aliases=named.platforms,
        )
    return when, Actor(actor_id(name), name, aliases=named.platforms)


def host_name(url: str) -> str:
    """
    A URL's host without ``www.``: the name of a publisher that gave none.

    Empty for a URL ``urllib.parse`` cannot split.
    """
    parts = split_url(url)
    return "" if parts is None else parts.netloc.lower().removeprefix("www.")


# -- tags ---------------------------------------------------------------------

_LIST_ITEM = re.compile(r"'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\"")


def tags_of(value: str | Iterable[str]) -> tuple[str, ...]:
    """
    Tags from a comma-separated text, a list, or a Python list's text.

    Spaces are collapsed, empty tags dropped, and a tag repeated in any
    case is kept once, as first written.
    """
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("[") and text.endswith("]"):
            items = [a or b for a, b in _LIST_ITEM.findall(text)]
        else:
            items = text.split(",")
    else:
        items = list(value)
    seen: dict[str, str] = {}
    for item in items:
        tag = " ".join(item.split())
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return tuple(seen.values())


def label_of(value: str | None, field: str) -> str | None:
    """
    A rating's label, which must have a letter or a digit.

    Raises:
        InvalidDocumentError: If it has neither ("?", "—").
    """
    if value is not None and not label_key(value):
        raise InvalidDocumentError(
            field, value, "is no label: it has no letter or digit"
        )
    return value


def language_of(value: object, flags: list[str]) -> str | None:
    """
    A language tag ("en", "pt-BR"), also from a schema.org Language.

    Anything that is not a tag is flagged and left out.
    """
    if isinstance(value, dict):
        value = value.get("alternateName") or value.get("name")
    if value is None or value == "":
        return None
    if not (isinstance(value, str) and _LANGUAGE.fullmatch(value)):
        flags.append(f"the language {value!r} is not a language tag: not kept")
        return None
    return value


_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


# -- models built where the input names them -----------------------------


def source(
    url: str,
    *,
    title: str | None = None,
    publisher: str | None = None,
    published: When | None = None,
    language: str | None = None,
) -> Source:
    """
    The source at *url* (checked already); its id is the URL.
    """
    return Source(
        url,
        url=url,
        title=title,
        publisher=publisher,
        published=published,
        language=language,
    )


# -- one review ---------------------------------------------------------------


@attrs.frozen
class Review:
    """
    One review of one claim, read and checked.

    Args:
        text: The claim, as the reviewer summed it up.
        claimant: Who made it; None if the input does not say.
        others: Who else made it, when the input names several ("A and
            B"): each makes a claim of their own, reviewed alike.
        said: When it was made.
        appearance: Where it appeared.
        tags: Free labels.
        article: The review article.
        publisher: Who published the review.
        published: When the review was published.
        moment: When, to the second if the input says.
        label: The rating's label, as published.
        numbers: The rating's numbers.
        explanation: Why, as the reviewer put it.
        author: Who wrote the review for its publisher, as the input names
            them (a fact-checker's writer); noted on the evidence that
            cites the article.
        flags: What was odd in it.

    .. versionchanged:: 0.2.0
       *others* and *author*.
    """

    text: str
    claimant: Actor | None = None
    said: When | None = None
    appearance: Source | None = None
    tags: tuple[str, ...] = ()
    article: Source | None = None
    publisher: str | None = None
    published: When | None = None
    moment: dt.datetime | None = None
    label: str | None = None
    numbers: Numbers | None = None
    explanation: str | None = None
    flags: tuple[str, ...] = ()
    others: tuple[Actor, ...] = ()
    author: str | None = None


def stance_of(rating: Rating | None) -> Stance:
    """
    What a review rated *rating* does to its claim, as evidence.
    """
    if rating in (Rating.TRUE, Rating.MOSTLY_TRUE):
        return Stance.SUPPORTS
    if rating in (Rating.FALSE, Rating.MOSTLY_FALSE):
        return Stance.REFUTES
    return Stance.CONTEXT


def checked(review: Review) -> Review:
    """
    The review with what is odd in its rating and dates flagged.
    """
    flags = list(review.flags)
    if review.label is not None and review.numbers is not None:
        said = rating_of(review.label)
        counted = review.numbers.scale.rate(review.numbers.value)
        if said is not None and counted is not None and said is not counted:
            flags.append(
                f"the label {review.label!r} reads as {said.value} but "
                f"{review.numbers.describe()} reads as {counted.value}: the "
                "label counts"
            )
    if review.label is not None and not is_known_label(review.label):
        flags.append(
            f"the label {review.label!r} is not in the label table: it is "
            "kept, with no rating of its own"
        )
    if review.claimant is None:
        flags.append(
            "no claimant is named: the claim's speaker is "
            f"{UNKNOWN_CLAIMANT.id!r}"
        )
    speakers = [a for a in (review.claimant, *review.others) if a]
    flags.extend(
        f"the claimant {actor.label!r} is no one person: the claim's "
        f"speaker is the unnamed group {actor.id!r}"
        for actor in speakers
        if actor.name is None
    )
    if len(speakers) > 1:
        flags.append(
            f"the claimant names {len(speakers)} claimants "
            f"({', '.join(a.id for a in speakers)}): a claim for each"
        )
    if review.published is None and (
        review.label is not None or review.numbers is not None
    ):
        flags.append(
            "the review has no date: its verdict is dated at the import"
        )
    if (
        review.said is not None
        and review.published is not None
        and review.said.earliest > review.published.latest
    ):
        flags.append(
            f"the claim is dated {review.said} but its review "
            f"{review.published}"
        )
    return attrs.evolve(review, flags=tuple(flags))


@attrs.frozen
class Into:
    """
    Adds reviews to a scratch tracker, reusing what the target holds.

    An actor, source or claim whose id the target (or an earlier record)
    already has is taken as it is stored there, so that importing a file
    again, or two files that name one claimant differently (with a role
    and without), adds nothing twice and clashes with nothing.
    """

    target: Tracker
    at: dt.datetime

    def _stored(
        self, scratch: Tracker, item_id: str, kind: type[_M]
    ) -> _M | None:
        for tracker in (scratch, self.target):
            try:
                found = tracker.get(item_id)
            except NotFoundError:
                continue
            if not isinstance(found, kind):
                what = type(found).__name__.lower()
                raise DuplicateIdError(
                    "id", item_id, f"the tracker has a {what} with this id"
                )
            return found
        return None

    def actor(self, scratch: Tracker, actor: Actor, by: str | None) -> str:
        """
        Add *actor* (or the one stored under its id); return its id.
        """
        return self._actor(scratch, actor, by).id

    def _actor(self, scratch: Tracker, actor: Actor, by: str | None) -> Actor:
        stored = self._stored(scratch, actor.id, Actor) or actor
        scratch.add_actor(stored, by=by, at=self.at)
        return stored

    def source(self, scratch: Tracker, src: Source, by: str | None) -> str:
        """
        Add *src* (or the one stored under its id); return its id.
        """
        stored = self._stored(scratch, src.id, Source) or src
        scratch.add_source(stored, by=by, at=self.at)
        return stored.id

    def claim(self, scratch: Tracker, claim: Claim, by: str | None) -> str:
        """
        Add *claim* (or the one stored under its id); return its id.

        A claim taken from the target comes with its actors and source.
        """
        stored = self._stored(scratch, claim.id, Claim)
        if stored is None:
            stored = claim
        elif stored.id not in scratch:
            for name in (stored.speaker, *stored.reported_by):
                actor = self._stored(scratch, name, Actor)
                assert actor is not None  # noqa: S101 -- a stored claim's
                self.actor(scratch, actor, by)
            if stored.source is not None:
                src = self._stored(scratch, stored.source, Source)
                assert src is not None  # noqa: S101 -- ... and its source
                self.source(scratch, src, by)
        scratch.add_claim(stored, by=by, at=self.at)
        return stored.id

    def review(self, scratch: Tracker, review: Review) -> list[str]:
        """
        Add one review: its claimants, sources, claims, verdicts, evidence.

        Each claimant makes a claim of their own, which the review rates.
        """
        by = review.publisher
        where = None
        if review.appearance is not None:
            where = self.source(scratch, review.appearance, by)
        found: dict[str, None] = {}
        for named in (review.claimant or UNKNOWN_CLAIMANT, *review.others):
            speaker = self._actor(scratch, named, by)
            claim = Claim(
                Claim.make_id(
                    review.text,
                    speaker_key(speaker),
                    said=review.said,
                    source=where,
                ),
                review.text,
                speaker.id,
                said=review.said,
                source=where,
                tags=review.tags,
            )
            claim_id = self.claim(scratch, claim, by)
            self._rate(scratch, review, claim_id)
            found[claim_id] = None
        return list(found)

    def _rate(self, scratch: Tracker, review: Review, claim_id: str) -> None:
        """
        Add a review's verdicts of one claim, and cite its article.
        """
        by = review.publisher
        moment = review.moment or self.at
        counted = None
        if review.numbers is not None:
            numbers = review.numbers
            counted = numbers.scale.rate(numbers.value)
            scratch.rate(
                claim_id,
                numbers.label,
                scale=numbers.scale,
                by=by,
                at=moment,
                rationale=None if review.label else review.explanation,
            )
        if review.label is not None:
            counted = rating_of(review.label) or counted
            scratch.rate(
                claim_id,
                review.label,
                scale=RatingScale(
                    review.publisher or DEFAULT_SCALE,
                    [(review.label, counted)],
                ),
                by=by,
                at=moment,
                rationale=review.explanation,
            )
        if review.article is not None:
            article = self.source(scratch, review.article, by)
            scratch.corroborate(
                claim_id,
                evidence=scratch.source(article),
                stance=stance_of(counted),
                by=by,
                at=moment,
                note=None
                if review.author is None
                else (f"written by {review.author}"),
            )


def speaker_key(speaker: Actor) -> str:
    """
    The speaker a claim's id is made from: its id, if it has a name.

    An unnamed group (a placeholder's "Multiple sources", a dataset's
    unattributed speaker) is written to ClaimReview as no author's name,
    and read back as `UNKNOWN_CLAIMANT`; so the id of its claim is made as
    that of a claim with no claimant, and survives the round trip.

    .. versionadded:: 0.2.0
    """
    return speaker.id if speaker.name is not None else UNKNOWN_CLAIMANT.id


def is_review_article(tracker: Tracker, evidence: Evidence) -> bool:
    """
    Whether *evidence* cites a review's article: a page, whole.

    A review's article is one source with a URL, cited whole (as an
    import cites the review it read), or one URL with no note. A
    dataset's evidence is not: FEVER's Wikipedia sentences have no URL,
    Climate-FEVER's are cited as spans of their text, and AVeriTeC's
    answers are URLs noted with their question. The ClaimReview writer
    takes the review's ``url`` and ``name`` only from such evidence.

    .. versionadded:: 0.2.0
    """
    if len(evidence.items) != 1:
        return False
    item = evidence.items[0]
    if item.source is None:
        return item.url is not None and evidence.note is None
    return item.span is None and tracker.source(item.source).url is not None


def flag_scales(
    reviews: list[tuple[str, list[Review] | ClaimtrackError]],
) -> None:
    """
    Flag a numeric rating whose scale differs from its publisher's usual.

    A publisher rates on one scale; a review whose ends differ from those
    the publisher's other reviews in the same input use most (AFP's 1 to
    2.5 among its 1 to 5) is flagged, and read on its own scale.
    """
    readable = [items for _, items in reviews if isinstance(items, list)]
    scales: dict[str | None, dict[tuple[Decimal, Decimal], int]] = {}
    for items in readable:
        for review in items:
            if review.numbers is not None:
                ends = (review.numbers.worst, review.numbers.best)
                counts = scales.setdefault(review.publisher, {})
                counts[ends] = counts.get(ends, 0) + 1
    usual = {}
    for publisher, counts in scales.items():
        ranked = sorted(counts.items(), key=lambda pair: -pair[1])
        if len(ranked) > 1 and ranked[0][1] > ranked[1][1]:
            usual[publisher] = ranked[0][0]
    for items in readable:
        for index, review in enumerate(items):
            numbers = review.numbers
            common = usual.get(review.publisher)
            if numbers is None or common in (
                None,
                (numbers.worst, numbers.best),
            ):
                continue
            assert common is not None  # noqa: S101 -- narrowed above
            message = (
                f"the rating's scale, {number_text(numbers.worst)} to "
                f"{number_text(numbers.best)}, differs from the "
                f"{number_text(common[0])} to {number_text(common[1])} of "
                f"the publisher's other reviews here"
            )
            items[index] = attrs.evolve(review, flags=(*review.flags, message))


def records(
    target: Tracker,
    reviews: Iterable[tuple[str, list[Review] | ClaimtrackError]],
    flags: list[Flag],
    *,
    at: dt.datetime | str | None,
) -> Iterable[Record]:
    """
    Records that add *reviews* to a tracker, flagging what is odd.

    Each record adds the reviews of one claim (a ClaimReview, a row, a
    claim with its reviews). A record that could not be read comes as its
    error, and fails with it.
    """
    into = Into(target, instant(at))  # a bad *at* fails here, at once
    return (
        failing(where, items)
        if isinstance(items, ClaimtrackError)
        else Record(
            where, adding(into, where, [checked(r) for r in items], flags)
        )
        for where, items in reviews
    )


def adding(
    into: Into, where: str, reviews: list[Review], flags: list[Flag]
) -> Callable[[Tracker], Iterable[str]]:
    """
    How a record adds its reviews to a scratch tracker, noting its flags.
    """

    def add(scratch: Tracker) -> Iterable[str]:
        found: dict[str, None] = {}
        for review in reviews:
            found.update(dict.fromkeys(into.review(scratch, review)))
        flags.extend(
            Flag(where, message)
            for review in reviews
            for message in review.flags
        )
        return list(found)

    return add


# -- JSON fields --------------------------------------------------------------


def text_field(
    mapping: Mapping[str, object], key: str, field: str
) -> str | None:
    """
    A text field of a JSON object, stripped; None if missing or empty.

    A JSON-LD value object (``{"@value": "..."}``) is its value.

    Raises:
        InvalidDocumentError: If it is not text.
    """
    value = mapping.get(key)
    if isinstance(value, dict) and "@value" in value:
        value = value["@value"]
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidDocumentError(field, value, "must be text")
    return value.strip() or None


def url_field(value: object, field: str) -> str | None:
    """
    A URL: text, or a node's ``@id``; None if missing or empty.

    Raises:
        InvalidDocumentError: If it is not an absolute http(s) URL.
    """
    if isinstance(value, dict) and isinstance(value.get("@id"), str):
        value = value["@id"]
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise InvalidDocumentError(field, value, "must be a URL")
    url = value.strip()
    parts = split_url(url)
    if (
        parts is None
        or parts.scheme not in ("http", "https")
        or not parts.netloc
    ):
        raise InvalidDocumentError(
            field, value, "must be an absolute http(s) URL"
        )
    return url
