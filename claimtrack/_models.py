"""
The value objects: sources, spans, actors, propositions and claims.

Every model is a frozen attrs class, validated on construction (and so on
``attrs.evolve``). Converters only normalise cheaply (a list to a tuple, an
ISO date string to a `When`); anything that needs judgement, like reading
"Monday" against a publication date, happens in the `Tracker`.

Every str a model holds is text a store can keep: no NUL character, no
lone surrogate; ids, names, aliases, roles, tags and other names are at
most `MAX_NAME_LENGTH` (4,096) characters, texts (a claim's, a source's,
its title, a quote) at most `MAX_TEXT_LENGTH` (16 Mi). A str of a str
subclass is kept as it is, and written as its text.
"""

from __future__ import annotations

import enum
import functools
import hashlib
import json
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, cast

import attrs

from claimtrack._dates import When, check_when, to_when
from claimtrack._text import find_loosely, fold, loose_quote, nearest
from claimtrack._trusted import trusted
from claimtrack._validators import (
    MAX_NAME_LENGTH,
    MAX_TEXT_LENGTH,
    all_of,
    check_fields,
    fast_check,
    finite_number,
    http_url,
    instance_of,
    matches_re,
    max_len,
    member_of,
    non_empty_str,
    non_negative_int,
    optional,
    tuple_of,
)
from claimtrack.exceptions import (
    AmbiguousQuoteError,
    InvalidTypeError,
    InvalidValueError,
    MissingTextError,
    QuoteNotFoundError,
    SpanMismatchError,
)


_quote = json.encoder.encode_basestring
"""A str as JSON writes it with ``ensure_ascii=False``."""

CONTEXT_LENGTH = 32
"""How many characters of context a `Span` keeps on each side."""

_LANGUAGE = r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*"

_LOOSELY = " (taking quotation marks, dashes and spaces as the text has them)"
"""How a quote found in a text's loose form was matched, for errors."""

_SHOWN = 80
"""The longest passage a "did you mean" shows whole."""


def _check(validator: Any) -> dict[str, Any]:
    return {"check": validator}


_NON_EMPTY_TEXT = non_empty_str(max_length=MAX_TEXT_LENGTH)
"""A text that is not blank: a claim's text, a proposition's object."""


def _all(*validators: Any) -> Any:
    return all_of(*validators)


_SHORT_TEXT = _all(instance_of(str), max_len(MAX_NAME_LENGTH))
"""A str as long as a name may be: a publisher."""


@attrs.frozen(repr=False)
class _ObjectCheck:
    """
    A proposition's object: a non-blank str or a `Quantity`.
    """

    def __call__(self, inst: object, attr: Any, value: object) -> None:
        if isinstance(value, Quantity):
            instance_of(Quantity)(inst, attr, value)
        elif isinstance(value, str):
            _NON_EMPTY_TEXT(inst, attr, value)
        else:
            raise InvalidTypeError(
                attr.name,
                value,
                f"must be str or Quantity, not {type(value).__name__}",
            )

    def fast(self, var: str, names: dict[str, object]) -> str:
        """
        An expression true when *var* is a valid object.
        """
        names["_Quantity"] = Quantity
        text = fast_check(_NON_EMPTY_TEXT, var, names)
        return f"({text} or {var}.__class__ is _Quantity)"


def _to_tuple(value: object) -> object:
    """
    Turn a list, set or generator into a tuple; a lone string into a 1-tuple.

    Anything else is left for the validator to reject.
    """
    if isinstance(value, str):
        return (value,)
    if isinstance(value, tuple):
        return value
    if isinstance(value, list | set | frozenset) or (
        isinstance(value, Iterable) and not isinstance(value, dict | bytes)
    ):
        return tuple(value)
    return value


def _to_unique_tuple(value: object) -> object:
    converted = _to_tuple(value)
    if isinstance(converted, tuple):
        try:
            return tuple(dict.fromkeys(converted))
        except TypeError:  # an unhashable item: the check will name it
            return converted
    return converted


def _enum_member(enum_type: type[enum.Enum], value: object) -> object:
    if isinstance(value, str):
        spellings = _spellings(enum_type)
        found = spellings.get(value)  # as written, most often
        if found is None:
            return spellings.get(value.casefold(), value)
        return found
    return value


@functools.cache
def _spellings(enum_type: type[enum.Enum]) -> dict[str, enum.Enum]:
    # A member by its value or its name, whatever the case.
    found: dict[str, enum.Enum] = {}
    for member in enum_type:
        found[member.name.casefold()] = member
        found[str(member.value).casefold()] = member
    return found


def _to_actor_kind(value: object) -> object:
    return _enum_member(ActorKind, value)


def _to_polarity(value: object) -> object:
    return _enum_member(Polarity, value)


@attrs.frozen
class _WhenCheck:
    """
    A field check for `When` values; says how to get one from words.
    """

    def __call__(self, inst: object, attr: Any, value: object) -> None:
        check_when(attr.name, value)

    def fast(self, var: str, names: dict[str, object]) -> str:
        """
        An expression true when *var* is a `When`.
        """
        names["_When"] = When
        return f"{var}.__class__ is _When"


@attrs.frozen
class Span:
    """
    Where in a source's text a claim is quoted.

    Offsets count code points (Python ``str`` indices) in the source's raw
    text, ``end`` exclusive, so ``source.text[start:end] == exact``. This is
    the W3C Web Annotation model's TextPositionSelector (``start``, ``end``)
    and TextQuoteSelector (``exact``, ``prefix``, ``suffix``) in one value.
    Build spans with `Source.span_of`; a span whose ``exact`` does not match
    its source is rejected when it is checked against the source
    (`Source.check_span`, which the tracker calls).

    Args:
        start: Offset of the first quoted code point.
        end: Offset just past the last quoted code point.
        exact: The quoted text.
        prefix: Up to 32 code points just before the quote.
        suffix: Up to 32 code points just after the quote.
        source: The id of the source quoted, if known.

    .. versionadded:: 0.1.0
    """

    start: int = attrs.field(metadata=_check(non_negative_int()))
    end: int = attrs.field(metadata=_check(non_negative_int()))
    exact: str = attrs.field(metadata=_check(instance_of(str)))
    prefix: str = attrs.field(
        default="",
        kw_only=True,
        metadata=_check(_all(instance_of(str), max_len(CONTEXT_LENGTH))),
    )
    suffix: str = attrs.field(
        default="",
        kw_only=True,
        metadata=_check(_all(instance_of(str), max_len(CONTEXT_LENGTH))),
    )
    source: str | None = attrs.field(
        default=None,
        kw_only=True,
        metadata=_check(optional(non_empty_str())),
    )

    def __attrs_post_init__(self) -> None:
        check_fields(self)
        if self.end < self.start:
            raise InvalidValueError(
                "end", self.end, f"is before start={self.start}"
            )
        if not self.exact:
            raise InvalidValueError("exact", self.exact, "must not be empty")
        if len(self.exact) != self.end - self.start:
            raise SpanMismatchError(
                "exact",
                self.exact,
                f"is {len(self.exact)} code points long but the span "
                f"{self.start}:{self.end} covers {self.end - self.start}",
            )

    def matches(self, text: str) -> bool:
        """
        Tell whether *text* has this span's quote and context in place.
        """
        return (
            text[self.start : self.end] == self.exact
            and text[self.start - len(self.prefix) : self.start] == self.prefix
            and text[self.end : self.end + len(self.suffix)] == self.suffix
        )


@attrs.frozen
class Source:
    """
    A document a claim was found in.

    Args:
        id: The source's id, unique in a tracker.
        title: Its headline or title.
        publisher: Who published it ("India TV").
        url: Where it is, an absolute http(s) URL.
        published: When it was published: a `When`, a ``date``, an aware
            ``datetime`` or an ISO string ("2025-02-04", "2025-02").
            Relative dates in claims are read against it.
        language: A BCP 47 language tag ("en", "pt-BR").
        text: The document's raw text; spans index into it as given. It
            may hold any character but a NUL or a lone surrogate (see
            ``docs/reliability.md``), up to 16 Mi characters.
        derived_from: Ids of upstream sources it was built from, such as a
            wire service ("ap" for "With AP inputs").

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(metadata=_check(non_empty_str()))
    title: str | None = attrs.field(
        default=None, kw_only=True, metadata=_check(optional(instance_of(str)))
    )
    publisher: str | None = attrs.field(
        default=None, kw_only=True, metadata=_check(optional(_SHORT_TEXT))
    )
    url: str | None = attrs.field(
        default=None, kw_only=True, metadata=_check(optional(http_url()))
    )
    published: When | None = attrs.field(
        default=None,
        kw_only=True,
        converter=to_when,
        metadata=_check(optional(_WhenCheck())),
    )
    language: str | None = attrs.field(
        default=None,
        kw_only=True,
        metadata=_check(
            optional(
                _all(
                    matches_re(_LANGUAGE, "a BCP 47 language tag like 'en'"),
                    max_len(MAX_NAME_LENGTH),
                )
            )
        ),
    )
    text: str | None = attrs.field(
        default=None,
        kw_only=True,
        repr=False,
        metadata=_check(optional(instance_of(str))),
    )
    derived_from: tuple[str, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=_to_unique_tuple,
        metadata=_check(tuple_of(non_empty_str())),
    )

    def __attrs_post_init__(self) -> None:
        check_fields(self)
        if self.id in self.derived_from:
            raise InvalidValueError(
                "derived_from",
                self.derived_from,
                f"a source cannot derive from itself ({self.id!r})",
            )

    def _require_text(self) -> str:
        if self.text is None:
            raise MissingTextError(
                "text", None, f"source {self.id!r} has no text to quote"
            )
        return self.text

    def find(self, quote: str) -> list[int]:
        """
        Return the offset of every occurrence of *quote*, overlaps included.

        Raises:
            MissingTextError: If the source has no text.
        """
        text = self._require_text()
        if not isinstance(quote, str):
            raise InvalidTypeError(
                "quote", quote, f"must be str, not {type(quote).__name__}"
            )
        if not quote:
            raise InvalidValueError("quote", quote, "must not be empty")
        offsets = []
        at = text.find(quote)
        while at != -1:
            offsets.append(at)
            at = text.find(quote, at + 1)
        return offsets

    def span_at(self, start: int, end: int) -> Span:
        """
        Return the span of ``text[start:end]``, with its context.

        Raises:
            MissingTextError: If the source has no text.
            InvalidValueError: If the offsets are outside the text.
        """
        text = self._require_text()
        for name, value in (("start", start), ("end", end)):
            non_negative_int()(self, name, value)
            if value > len(text):
                raise InvalidValueError(
                    name,
                    value,
                    f"is past the end of source {self.id!r} "
                    f"({len(text)} code points)",
                )
        return Span(
            start,
            end,
            text[start:end],
            prefix=text[max(0, start - CONTEXT_LENGTH) : start],
            suffix=text[end : end + CONTEXT_LENGTH],
            source=self.id,
        )

    def span_of(self, quote: str, *, occurrence: int | None = None) -> Span:
        """
        Find *quote* in the text and return its span.

        The quote is looked for exactly first. When it is not in the text as
        it was given, it is looked for again with its quotation marks,
        dashes, spaces and invisible characters as the text has them:
        curly and straight quotation marks and apostrophes are alike, so
        are all dashes and hyphens, a run of whitespace of any kind (line
        breaks, no-break spaces) is one space, and soft hyphens and
        zero-width characters do not count. Either way the span is the
        source's own text: ``text[span.start:span.end] == span.exact``,
        with the source's characters, not the quote's. Case and every
        other character must be as they are.

        Args:
            quote: The text to find.
            occurrence: Which occurrence to take when the quote occurs more
                than once: ``0`` for the first, ``-1`` for the last, as with
                Python indices. Without it, a repeated quote is an error.

        Raises:
            QuoteNotFoundError: If the quote is not in the text, even so;
                the message gives the nearest passage and its offsets, if
                one is near enough.
            AmbiguousQuoteError: If it occurs more than once and no
                *occurrence* is given; ``candidates`` holds every span.
            InvalidValueError: If there is no such occurrence.
            MissingTextError: If the source has no text.

        .. versionchanged:: 0.2.0
           Quotes are also found with other quotation marks, dashes,
           spaces and invisible characters than the text's.
        """
        offsets = self.find(quote)
        if not offsets:
            return self._span_loosely(quote, occurrence)
        return self._occurrence(quote, occurrence, offsets, len(quote), "")

    def _span_loosely(self, quote: str, occurrence: int | None) -> Span:
        """
        Find *quote* with its marks and spaces as the text has them.
        """
        text = cast("str", self.text)
        places = find_loosely(quote, text)
        if not places:
            raise QuoteNotFoundError(
                "quote",
                quote,
                f"does not occur in source {self.id!r}"
                + self._nearest(loose_quote(quote)),
            )
        return self._occurrence(quote, occurrence, places, 0, _LOOSELY)

    def _nearest(self, wanted: str) -> str:
        """
        Say which passage of the text is nearest to a quote not in it.
        """
        text = cast("str", self.text)
        found = nearest(wanted, text)
        if found is None:
            return ""
        start, end = found
        passage = text[start:end]
        if len(passage) > _SHOWN:
            half = _SHOWN // 2 - 1
            passage = f"{passage[:half]}…{passage[-half:]}"
        return f"; did you mean {passage!r} at {start}:{end}?"

    def _occurrence(
        self,
        quote: str,
        occurrence: int | None,
        places: list[int] | list[tuple[int, int]],
        size: int,
        how: str,
    ) -> Span:
        """
        The span of the chosen occurrence among *places*.

        A place is an offset, the quote *size* long, or a ``(start, end)``
        pair; *how* says how the quote was matched, for the errors.
        """
        bounds = [
            place if isinstance(place, tuple) else (place, place + size)
            for place in places
        ]
        if occurrence is None:
            if len(bounds) > 1:
                raise AmbiguousQuoteError(
                    "quote",
                    quote,
                    f"occurs {len(bounds)} times in source {self.id!r}{how}, "
                    f"at offsets {[start for start, _ in bounds]}; pass "
                    "occurrence= to choose one",
                    [self.span_at(start, end) for start, end in bounds],
                )
            occurrence = 0
        instance_of(int)(self, "occurrence", occurrence)
        if not -len(bounds) <= occurrence < len(bounds):
            raise InvalidValueError(
                "occurrence",
                occurrence,
                f"the quote occurs {len(bounds)} time(s) in source "
                f"{self.id!r}{how}",
            )
        return self.span_at(*bounds[occurrence])

    def check_span(self, span: Span) -> Span:
        """
        Check that *span* quotes this source truly; return it with context.

        A span built elsewhere (say, from an annotation tool) may come
        without ``prefix`` and ``suffix``: they are filled in from the text.
        Context that is given must match.

        Raises:
            SpanMismatchError: If the text at the span's offsets is not its
                ``exact`` (or its context differs), or the span names
                another source.
            MissingTextError: If the source has no text.
        """
        text = self._require_text()
        if span.source is not None and span.source != self.id:
            raise SpanMismatchError(
                "span.source",
                span.source,
                f"the span quotes another source than {self.id!r}",
            )
        start, end = span.start, span.end
        found = text[start:end]
        if found != span.exact:
            raise SpanMismatchError(
                "span.exact",
                span.exact,
                f"source {self.id!r} has {found!r} at {start}:{end}",
            )
        prefix = text[max(0, start - CONTEXT_LENGTH) : start]
        suffix = text[end : end + CONTEXT_LENGTH]
        if (span.prefix, span.suffix, span.source) == (
            prefix,
            suffix,
            self.id,
        ):
            return span  # whole already, as Source.span_of makes them
        if not prefix.endswith(span.prefix):
            raise SpanMismatchError(
                "span.prefix",
                span.prefix,
                f"source {self.id!r} has {prefix!r} before the quote",
            )
        if not suffix.startswith(span.suffix):
            raise SpanMismatchError(
                "span.suffix",
                span.suffix,
                f"source {self.id!r} has {suffix!r} after the quote",
            )
        # Made of a checked span and this source's own text.
        full: Span = trusted(Span)(
            start, end, found, prefix=prefix, suffix=suffix, source=self.id
        )
        return full


class ActorKind(enum.Enum):
    """
    What kind of actor speaks or is spoken of.

    .. versionadded:: 0.1.0
    """

    PERSON = "person"
    ORGANIZATION = "organization"
    GOVERNMENT = "government"
    GROUP = "group"
    """People spoken of together, possibly unnamed ("officials")."""


@attrs.frozen
class Actor:
    """
    Who speaks or is spoken of.

    Args:
        id: The actor's id, unique in a tracker.
        name: The actor's name; a group ("officials") may have none.
        aliases: Other names the actor goes by ("Bukele").
        role: The actor's position ("President of El Salvador"). It is also
            a name the actor can be found by, as long as no one else has it.
        kind: An `ActorKind` or its value ("person").

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(metadata=_check(non_empty_str()))
    name: str | None = attrs.field(
        default=None, metadata=_check(optional(non_empty_str()))
    )
    aliases: tuple[str, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=_to_unique_tuple,
        metadata=_check(tuple_of(non_empty_str())),
    )
    role: str | None = attrs.field(
        default=None,
        kw_only=True,
        metadata=_check(optional(non_empty_str())),
    )
    kind: ActorKind = attrs.field(
        default=ActorKind.PERSON,
        kw_only=True,
        converter=_to_actor_kind,
        metadata=_check(member_of(ActorKind)),
    )

    def __attrs_post_init__(self) -> None:
        check_fields(self)
        if self.name is None and self.kind is not ActorKind.GROUP:
            raise InvalidValueError(
                "name", None, f"a {self.kind.value} must have a name"
            )

    @property
    def names(self) -> tuple[str, ...]:
        """
        Every name the actor can be found by: id, name, aliases and role.
        """
        names = [self.id, *([self.name] if self.name else []), *self.aliases]
        if self.role:
            names.append(self.role)
        return tuple(dict.fromkeys(names))

    @property
    def label(self) -> str:
        """
        A readable name: the name, else the role, else the id.
        """
        return self.name or self.role or self.id


class Polarity(enum.Enum):
    """
    Whether a proposition is asserted or denied.

    .. versionadded:: 0.1.0
    """

    ASSERTED = "asserted"
    DENIED = "denied"


@attrs.frozen
class Quantity:
    """
    A number with an optional unit, as the object of a proposition.

    Args:
        value: An ``int``, ``float`` or ``Decimal``; finite.
        unit: The unit ("migrants", "USD", "km"), if any.

    .. versionadded:: 0.1.0
    """

    value: int | float | Decimal = attrs.field(
        metadata=_check(finite_number())
    )
    unit: str | None = attrs.field(
        default=None, metadata=_check(optional(non_empty_str()))
    )

    def __attrs_post_init__(self) -> None:
        check_fields(self)

    def __str__(self) -> str:
        """
        Write the number and its unit: "43 migrants".
        """
        return f"{self.value} {self.unit}" if self.unit else f"{self.value}"


_NUMBERS = (int, float, Decimal)


def _to_object(value: object) -> object:
    if value.__class__ is str:  # the common case, first
        return value
    if isinstance(value, _NUMBERS) and not isinstance(value, bool):
        return Quantity(value)  # a bare number is a unitless quantity
    return value


@attrs.frozen
class Proposition:
    """
    The structured content of a claim: who or what, does what, to what.

    Args:
        subject: The id of an actor, or a thing ("the agreement"). The
            tracker replaces a name or alias of a known actor by its id.
        predicate: What is said of the subject ("accepts_deportees_of").
        object: Text, a `Quantity` (a bare number becomes one), or an id.
        polarity: `Polarity.ASSERTED` (default) or `Polarity.DENIED`.
        valid: When the proposition holds, a `When`; ``None`` for always.

    .. versionadded:: 0.1.0
    """

    subject: str = attrs.field(metadata=_check(non_empty_str()))
    predicate: str = attrs.field(metadata=_check(non_empty_str()))
    object: str | Quantity = attrs.field(
        converter=_to_object,
        metadata=_check(_ObjectCheck()),
    )
    polarity: Polarity = attrs.field(
        default=Polarity.ASSERTED,
        kw_only=True,
        converter=_to_polarity,
        metadata=_check(member_of(Polarity)),
    )
    valid: When | None = attrs.field(
        default=None,
        kw_only=True,
        converter=to_when,
        metadata=_check(optional(_WhenCheck())),
    )

    def __attrs_post_init__(self) -> None:
        check_fields(self)

    def negated(self) -> Proposition:
        """
        Return the same proposition with the opposite polarity.
        """
        flipped = (
            Polarity.DENIED
            if self.polarity is Polarity.ASSERTED
            else Polarity.ASSERTED
        )
        return attrs.evolve(self, polarity=flipped)


def span_source(self: object) -> str | None:
    """
    The source of a model's span, as the default of its ``source`` field.
    """
    span = getattr(self, "span", None)
    return span.source if isinstance(span, Span) else None


@attrs.frozen
class Claim:
    """
    One speaker asserting one proposition, as found in one place.

    Build claims with `Tracker.add_claim`, which resolves names, reads
    relative dates against the source and gives a stable id; the class can
    also be built directly, with ids already resolved.

    Args:
        id: The claim's id, unique in a tracker.
        text: A short, neutral statement of the claim (ClaimReview's
            ``claimReviewed``).
        speaker: The id of the actor who made it.
        said: When it was said, a `When`.
        span: Where it is quoted, a `Span`.
        source: The id of the source it was found in; taken from the span
            when not given.
        reported_by: Ids of the actors who relayed it, nearest the speaker
            first: Bukele's offer relayed by Rubio, relayed by AP, is
            ``("rubio", "ap")``.
        proposition: Its structured content, a `Proposition`.
        tags: Free labels ("migration", "el-salvador").

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(metadata=_check(non_empty_str()))
    text: str = attrs.field(metadata=_check(_NON_EMPTY_TEXT))
    speaker: str = attrs.field(metadata=_check(non_empty_str()))
    said: When | None = attrs.field(
        default=None,
        kw_only=True,
        converter=to_when,
        metadata=_check(optional(_WhenCheck())),
    )
    span: Span | None = attrs.field(
        default=None,
        kw_only=True,
        metadata=_check(optional(instance_of(Span))),
    )
    source: str | None = attrs.field(
        default=attrs.Factory(span_source, takes_self=True),
        kw_only=True,
        metadata=_check(optional(non_empty_str())),
    )
    reported_by: tuple[str, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=_to_tuple,
        metadata=_check(tuple_of(non_empty_str())),
    )
    proposition: Proposition | None = attrs.field(
        default=None,
        kw_only=True,
        metadata=_check(optional(instance_of(Proposition))),
    )
    tags: tuple[str, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=_to_unique_tuple,
        metadata=_check(tuple_of(non_empty_str())),
    )

    def __attrs_post_init__(self) -> None:
        check_fields(self)
        if self.span is not None:
            if self.source is None:
                raise InvalidValueError(
                    "source", None, "a claim with a span needs its source"
                )
            if self.span.source not in (None, self.source):
                raise SpanMismatchError(
                    "span.source",
                    self.span.source,
                    f"the span quotes another source than {self.source!r}",
                )
        if self.speaker in self.reported_by:
            raise InvalidValueError(
                "reported_by",
                self.reported_by,
                f"the speaker {self.speaker!r} cannot relay their own claim",
            )

    @staticmethod
    def make_id(
        text: str,
        speaker: str,
        *,
        said: When | None = None,
        source: str | None = None,
        span: Span | None = None,
    ) -> str:
        """
        Derive a claim's stable id from what makes it the same claim.

        The same speaker saying the same text (whitespace aside) at the same
        time, in the same place of the same source, gives the same id, in
        any tracker and any process: ``"claim-"`` and 16 hex digits.
        """
        # The JSON text of [text, speaker, said, source, [start, end]], as
        # json.dumps(..., ensure_ascii=False) writes it, put together
        # directly: the id of a claim never changes with how it is made.
        identity = (
            f"[{_quote(' '.join(text.split()))}, {_quote(speaker)}, "
            f"{'null' if said is None else _quote(said.isoformat())}, "
            f"{'null' if source is None else _quote(source)}, "
            f"{'null' if span is None else f'[{span.start}, {span.end}]'}]"
        )
        try:
            data = identity.encode()
        except UnicodeEncodeError:  # a lone surrogate: the claim refuses
            data = identity.encode("utf-8", "surrogatepass")  # it, not this
        digest = hashlib.sha256(data).hexdigest()
        return f"claim-{digest[:16]}"

    def matches_text(self, needle: str) -> bool:
        """
        Tell whether *needle* occurs in the claim's text or its quote.

        Case, accents, quote style and whitespace are ignored.
        """
        key = fold(needle)
        return key in fold(self.text) or (
            self.span is not None and key in fold(self.span.exact)
        )
