"""
Speakers: reading a mention of who speaks, and resolving it in the text.

A mention is a name with its titles ("US Secretary of State Marco
Rubio"), a pronoun ("she"), a title alone ("the secretary"), or a noun
phrase that speaks ("officials", "a spokesperson for the ministry").
`Resolver` follows the article from its start: it learns each person's
full name and role as they are introduced, so that a later surname, title
or pronoun resolves to the name.
"""

from collections.abc import Sequence

import attrs

from claimtrack._statements._cues import CUES
from claimtrack._statements._sentences import Token
from claimtrack._statements._words import (
    ANONYMOUS_WORDS,
    CAPITAL_STOP,
    CLAUSE_STARTS,
    DETERMINERS,
    FINITE_VERBS,
    GROUP_PRONOUNS,
    GROUP_WORDS,
    HONORIFICS,
    NAME_PARTICLES,
    ORGANIZATION_WORDS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    PRONOUNS,
    SPEAKING_NOUNS,
    TITLES,
    words,
)


_MAX_NOUN_WORDS = 5
"""How many words a speaking noun phrase may hold before its head."""

_MAX_APPOSITIVE = 16
"""How many tokens an appositive ("the US Secretary of State") may hold."""

_CHAIN = frozenset(("of", "for", "at", "from", "with"))
"""Prepositions that join a speaker to its body: "a spokesperson for"."""


_STOPS_FORWARD = (
    PRONOUNS
    | CLAUSE_STARTS
    | words(
        "who which that whose in on at during to after before as with about "
        "by while when"
    )
)
_FULL_NAME = 2
_REMEMBERED = 200
"""How many people and speakers the resolver keeps, the most recent."""
_RELATIVE_STOPS = frozenset(("who", "which", "that", "whose"))
_POSSESSIVES = {"his": "he", "her": "she", "their": "they", "its": "it"}
_DOCUMENTS = words(
    "statement office letter release website post tweet account memo email "
    "e-mail note"
)
_MEMBERSHIP = frozenset(("with", "of", "at", "from"))
_FEMALE = frozenset(("ms", "ms.", "mrs", "mrs.", "miss", "dame", "she"))
_MALE = frozenset(("mr", "mr.", "sir", "he"))


@attrs.frozen
class Mention:
    """
    A mention of who speaks.

    Attributes:
        first: The index of its first token in the sentence.
        last: The index of its last token in the sentence.
        start: The offset of its first character.
        end: The offset just after its last character.
        text: The mention as written.
        name: The name in it without titles, or the phrase itself.
        form: ``"name"``, ``"pronoun"``, ``"title"`` or ``"noun"``.
        kind: ``"person"``, ``"organization"``, ``"group"`` or
            ``"anonymous"``.
        role: The role its titles or appositive give, or None.
        honorific: A word such as "Mr." before the name, lower case.
    """

    first: int
    last: int
    start: int
    end: int
    text: str
    name: str
    form: str
    kind: str
    role: str | None = None
    honorific: str | None = None


def is_name_word(token: Token) -> bool:
    """
    Whether *token* can stand in a name: capitalised, not a stop word.
    """
    if not token.capital:
        return False
    low = token.lower
    return low not in CAPITAL_STOP or low in HONORIFICS


def _joined(text: str, tokens: Sequence[Token]) -> str:
    """
    The text from the first of *tokens* to the last, as written.
    """
    return text[tokens[0].start : tokens[-1].end]


def mention_ending(
    text: str, tokens: Sequence[Token], last: int, low: int
) -> Mention | None:
    """
    Read the mention that ends at token *last*, reading back to *low*.
    """
    token = tokens[last]
    if token.kind != "w":
        return None
    if token.lower in PRONOUNS:
        return _pronoun(token, last)
    if token.lower.endswith(("\u2019s", "'s", "s\u2019", "s'")):
        return None
    if is_name_word(token) and not _common_at_start(tokens, last, low):
        return _name_ending(text, tokens, last, low)
    return _noun_ending(text, tokens, last, low)


def _name_ending(
    text: str, tokens: Sequence[Token], last: int, low: int
) -> Mention:
    """
    Read the name that ends at *last*, with the titles before it.
    """
    first = last
    while first > low and _name_goes_on(tokens, first, low):
        first -= 1
    prefix = first
    while (
        prefix > low
        and first - prefix < _MAX_NOUN_WORDS
        and tokens[prefix - 1].kind == "w"
        and not tokens[prefix - 1].capital
        and tokens[prefix - 1].lower in TITLES | PERSON_NOUNS
    ):
        prefix -= 1
    if prefix < first:
        while prefix > low and is_name_word(tokens[prefix - 1]):
            prefix -= 1
    named = _name(text, tokens, prefix, first, last)
    member = _member_of(text, tokens, prefix, low)
    if named.kind == "organization" and member is not None:
        return member
    return named


def _member_of(
    text: str, tokens: Sequence[Token], first: int, low: int
) -> Mention | None:
    """
    The person named before a body they belong to, or None.

    For "Jane Roe with the Health Authority": the person's name before
    the body that *first* starts, or None.
    """
    at = first - 1
    if at > low and tokens[at].lower in DETERMINERS:
        at -= 1
    if at <= low or tokens[at].lower not in _MEMBERSHIP:
        return None
    mention = mention_ending(text, tokens, at - 1, low)
    if mention is None or mention.form != "name" or mention.kind != "person":
        return None
    role = text[tokens[at].start : tokens[first].end]
    return attrs.evolve(mention, role=mention.role or role)


def _common_at_start(tokens: Sequence[Token], at: int, low: int) -> bool:
    """
    Whether the word at *at* is a common noun capitalised at the start.

    Whether the capitalised word at *at* is a common noun that is
    capitalised only because it starts its sentence ("Officials said").
    """
    return (
        (at == low or not is_name_word(tokens[at - 1]))
        and tokens[at].lower in SPEAKING_NOUNS | ANONYMOUS_WORDS
        and not tokens[at].lower.endswith(".")
        and not tokens[at].text.isupper()
    )


def _name_goes_on(tokens: Sequence[Token], first: int, low: int) -> bool:
    """
    Whether the name that starts at token *first* begins further back.
    """
    before = tokens[first - 1]
    if is_name_word(before):
        return True
    return (
        before.lower in NAME_PARTICLES | {"of"}
        and first - 2 >= low
        and is_name_word(tokens[first - 2])
    )


def _name(
    text: str, tokens: Sequence[Token], prefix: int, first: int, last: int
) -> Mention:
    """
    Read a name run ``tokens[first:last+1]`` with its role words before.
    """
    run = tokens[first : last + 1]
    lows = [t.lower for t in run]
    honorific = None
    title = -1
    for index, low in enumerate(lows):
        if low in HONORIFICS:
            honorific, title = low, index
        elif low in TITLES:
            honorific, title = None, index
    name_start = title + 1
    if 0 <= title < len(run) - 1 and lows[title + 1] == "of":
        complement = len(run) - title - 2
        name_start = len(run) - max(0, min(2, complement - 1))
    words = run[name_start:]
    if title < 0 and "of" in lows[_FULL_NAME:]:
        words = run[: lows.index("of", _FULL_NAME)]
    role_tokens = [*tokens[prefix:first], *run[:name_start]]
    role_tokens = [t for t in role_tokens if t.lower not in HONORIFICS]
    role = _joined(text, role_tokens) if role_tokens else None
    mention_tokens = tokens[prefix : last + 1]
    if not words:
        return Mention(
            prefix,
            last,
            mention_tokens[0].start,
            mention_tokens[-1].end,
            _joined(text, mention_tokens),
            _joined(text, run),
            "title",
            "person",
            role,
        )
    name = _joined(text, words)
    kind = _name_kind(words)
    return Mention(
        prefix,
        last,
        mention_tokens[0].start,
        mention_tokens[-1].end,
        _joined(text, mention_tokens),
        name,
        "name",
        kind,
        role,
        honorific,
    )


def _name_kind(words: Sequence[Token]) -> str:
    """
    Whether the name *words* is of a person or an organisation.
    """
    if len(words) == 1 and words[0].text.isupper() and len(words[0].text) > 1:
        return "organization"
    if any(w.lower in ORGANIZATION_WORDS for w in words):
        return "organization"
    return "person"


def _pronoun(token: Token, at: int) -> Mention:
    """
    A pronoun's mention.
    """
    low = token.lower
    kind = (
        "person"
        if low in PERSON_PRONOUNS
        else "group"
        if low in GROUP_PRONOUNS
        else "organization"
    )
    return Mention(
        at, at, token.start, token.end, token.text, token.text, "pronoun", kind
    )


def _noun_ending(
    text: str, tokens: Sequence[Token], last: int, low: int
) -> Mention | None:
    """
    Read a speaking noun phrase that ends at *last* ("the ministry").
    """
    head = tokens[last]
    if head.capital and not _common_at_start(tokens, last, low):
        return None
    first = last
    determined = False
    while first > low and last - first < _MAX_NOUN_WORDS:
        before = tokens[first - 1]
        if before.kind != "w":
            break
        if before.lower in DETERMINERS:
            first -= 1
            determined = True
            break
        if before.lower in CLAUSE_STARTS or before.lower in _CHAIN:
            break
        if before.capital and not is_name_word(before):
            break
        first -= 1
    if first > low + 1 and tokens[first - 1].lower in _CHAIN:
        outer = _noun_ending(text, tokens, first - 2, low)
        if outer is not None and outer.form == "noun":
            span = tokens[outer.first : last + 1]
            return attrs.evolve(
                outer,
                last=last,
                end=span[-1].end,
                text=_joined(text, span),
                name=_joined(text, span),
            )
    word = head.lower
    if word not in SPEAKING_NOUNS and word not in ANONYMOUS_WORDS:
        return None
    del determined
    span = tokens[first : last + 1]
    return Mention(
        first,
        last,
        span[0].start,
        span[-1].end,
        _joined(text, span),
        _joined(text, span),
        "noun",
        _noun_kind(word),
    )


def _noun_kind(word: str) -> str:
    """
    The kind of speaker the head noun *word* names.
    """
    if word in ANONYMOUS_WORDS:
        return "anonymous"
    if word in GROUP_WORDS:
        return "group"
    if word in ORGANIZATION_WORDS:
        return "organization"
    return "person"


def mention_starting(
    text: str, tokens: Sequence[Token], first: int, high: int
) -> Mention | None:
    """
    Read the mention that starts at token *first*, up to *high*.
    """
    token = tokens[first]
    if token.kind != "w":
        return None
    if token.lower in PRONOUNS:
        return _pronoun(token, first)
    described = _described_name(text, tokens, first, high)
    if described is not None:
        return described
    if token.lower in DETERMINERS:
        return _determined(text, tokens, first, high)
    last = first
    if token.capital:
        last = _name_end(tokens, first, high)
        described = _described_name(text, tokens, last + 1, high, titled=True)
        if described is not None:
            return mention_ending(text, tokens, described.last, first)
        while (
            last + 1 < high
            and last - first < _MAX_NOUN_WORDS
            and not tokens[last + 1].capital
            and tokens[last + 1].lower in SPEAKING_NOUNS
        ):
            last += 1
    else:
        while (
            last + 1 < high
            and last - first < _MAX_NOUN_WORDS
            and tokens[last + 1].lower in SPEAKING_NOUNS
        ):
            last += 1
    return mention_ending(text, tokens, last, first)


def _described_name(
    text: str,
    tokens: Sequence[Token],
    first: int,
    high: int,
    *,
    titled: bool = False,
) -> Mention | None:
    """
    Read a name after lower-case words that describe it, or None.

    As "oil worker Jane Roe" or "the company's chief executive John Doe";
    when *titled*, the last of the words must be a title.
    """
    at = first
    while (
        at < high
        and at - first < _MAX_NOUN_WORDS
        and tokens[at].kind == "w"
        and not tokens[at].capital
        and tokens[at].lower not in PRONOUNS | _RELATIVE_STOPS
        and not _verb_like(tokens[at])
    ):
        at += 1
    if (
        at == first
        or at >= high
        or not is_name_word(tokens[at])
        or (titled and tokens[at - 1].lower not in TITLES | PERSON_NOUNS)
    ):
        return None
    last = at
    while last + 1 < high and is_name_word(tokens[last + 1]):
        last += 1
    words = [t.lower for t in tokens[first:at]]
    if words[0] in DETERMINERS and len(words) == 1:
        return None
    return _name(text, tokens, first, at, last)


def _determined(
    text: str, tokens: Sequence[Token], first: int, high: int
) -> Mention | None:
    """
    Read a noun phrase that starts with a determiner.

    It comes after its cue ("said the rookie defenceman", "says my
    neighbour") and runs up to a stop.
    """
    last = first
    while (
        last + 1 < high
        and last - first < _MAX_NOUN_WORDS
        and tokens[last + 1].kind == "w"
        and tokens[last + 1].lower not in _STOPS_FORWARD
        and not _verb_like(tokens[last + 1])
    ):
        last += 1
    if last == first:
        return None
    span = tokens[first : last + 1]
    head = _head(span)
    words = _joined(text, span)
    return Mention(
        first,
        last,
        span[0].start,
        span[-1].end,
        words,
        words,
        "noun",
        _noun_kind(head),
    )


def _verb_like(token: Token) -> bool:
    """
    Whether *token* is likely a verb that ends a subject: "issued", "is".
    """
    low = token.lower
    return not token.capital and (
        low.endswith("ed") or low in FINITE_VERBS or low in CUES
    )


def _head(span: Sequence[Token]) -> str:
    """
    The head noun of a noun phrase: its last word before a preposition.
    """
    for at, token in enumerate(span):
        if token.lower in _CHAIN and at > 0:
            return span[at - 1].lower
    return span[-1].lower


def _name_end(tokens: Sequence[Token], first: int, high: int) -> int:
    """
    The last token of the name that starts at *first*, read forward.
    """
    last = first
    while last + 1 < high and _name_goes_on_forward(tokens, last + 1, high):
        last += 1
    return last


def _name_goes_on_forward(tokens: Sequence[Token], at: int, high: int) -> bool:
    """
    Whether a name read forward goes on to token *at*.

    It does over a name word, and over a particle ("of", "de") before one.
    """
    token = tokens[at]
    if is_name_word(token):
        return True
    return (
        token.lower in NAME_PARTICLES | {"of"}
        and at + 1 < high
        and is_name_word(tokens[at + 1])
    )


def appositive(
    text: str, tokens: Sequence[Token], first: int, high: int
) -> tuple[str | None, int]:
    """
    Read an appositive that starts after the comma at *first*.

    Returns its text when it is a role (not a relative clause), and the
    index of the token after it (its closing comma, or *high*).
    """
    at = first + 1
    while (
        at < high
        and tokens[at].text not in ",;:()\u2014\u2013.!?"
        and tokens[at].kind != "q"
        and at - first <= _MAX_APPOSITIVE
    ):
        at += 1
    if at == first + 1 or at - first > _MAX_APPOSITIVE:
        return None, first
    words = tokens[first + 1 : at]
    if words[0].lower in ("who", "which", "whose", "where", "when"):
        return None, at
    return _joined(text, words), at


@attrs.frozen
class Person:
    """
    Someone or something named in the text, as the resolver knows it.

    Attributes:
        name: The fullest name seen.
        kind: As a mention's kind.
        role: The last role seen, or None.
        gender: ``"f"``, ``"m"`` or None, from honorifics and pronouns.
        key: The caller's key when the name is a known actor's.
    """

    name: str
    kind: str
    role: str | None = None
    gender: str | None = None
    key: str | None = None
    named: bool = True


@attrs.frozen
class Resolved:
    """
    What a mention resolved to: the name to give, its kind, role and key.

    Attributes:
        exact: Whether the mention was the name itself, not a pronoun or a
            title standing for it.
    """

    name: str
    kind: str
    role: str | None
    key: str | None
    exact: bool = attrs.field(kw_only=True)


@attrs.define
class Resolver:
    """
    Resolve mentions to names, learning the article's people in order.

    Attributes:
        known: The caller's actors, as ``(key, names, role, kind)``.
        people: Every person or body named so far, most recent last.
        speakers: Every resolved speaker so far, most recent last.
    """

    known: Sequence[tuple[str, tuple[str, ...], str | None, str]] = ()
    people: list[Person] = attrs.Factory(list)
    speakers: list[Person] = attrs.Factory(list)

    def learn(self, mention: Mention) -> Person:
        """
        Learn the name a mention gives, and return its person.
        """
        found = self._by_name(mention.name)
        gender = _gender(mention.honorific)
        if found is None:
            key, name, role, kind = self._known_name(mention.name)
            found = Person(
                name or mention.name,
                kind or mention.kind,
                mention.role or role,
                gender,
                key,
            )
        else:
            self.people.remove(found)
            longer = len(mention.name) > len(found.name) and not found.key
            found = attrs.evolve(
                found,
                name=mention.name if longer else found.name,
                role=mention.role or found.role,
                gender=found.gender or gender,
            )
        self.people.append(found)
        del self.people[:-_REMEMBERED]
        return found

    def notice(self, mention: Mention, *, evident: bool) -> None:
        """
        Note a person named outside any attribution.

        A pronoun in a later sentence may then stand for them: only when the
        name is known, or its mention makes it *evident* that it is a person's.
        """
        if mention.form != "name" or mention.kind != "person":
            return
        if (
            evident
            or mention.role is not None
            or mention.honorific is not None
            or self._by_name(mention.name) is not None
        ):
            self.learn(mention)

    def resolve(self, mention: Mention) -> Resolved:
        """
        Resolve *mention* to a name, and remember it as the last speaker.
        """
        person: Person | None = None
        if mention.form == "name":
            person = self.learn(mention)
        elif mention.form == "pronoun":
            person = self._pronoun(mention.name.lower())
        else:
            person = (
                self._possessor(mention)
                or self._title(mention)
                or self._body(mention)
            )
        if person is None:
            return Resolved(
                mention.text, mention.kind, mention.role, None, exact=False
            )
        self._spoke(person)
        return Resolved(
            person.name,
            person.kind,
            mention.role or person.role,
            person.key,
            exact=mention.form == "name",
        )

    def _possessor(self, mention: Mention) -> Person | None:
        """
        Who "her" stands for in "her statement said", or None.

        A statement, an office or a post speaks for the one who owns it.
        """
        written = mention.text.lower().split()
        pronoun = _POSSESSIVES.get(written[0])
        if pronoun is None or written[-1] not in _DOCUMENTS:
            return None
        return self._pronoun(pronoun)

    def _body(self, mention: Mention) -> Person:
        """
        Keep a speaker a noun phrase names ("the ministry", "officials").

        A later "it" or "they", or a quotation alone, may then go to it.
        """
        person = Person(mention.text, mention.kind, mention.role, named=False)
        self.people.append(person)
        del self.people[:-_REMEMBERED]
        return person

    def last_speaker(self) -> Person | None:
        """
        The speaker resolved last, or None.
        """
        return self.speakers[-1] if self.speakers else None

    def repeat(self, person: Person) -> None:
        """
        Count *person* as having spoken again.
        """
        self._spoke(person)

    def _spoke(self, person: Person) -> None:
        """
        Put *person* last among the speakers.
        """
        self.speakers = [p for p in self.speakers if p.name != person.name]
        self.speakers.append(person)
        del self.speakers[:-_REMEMBERED]

    def _by_name(self, name: str) -> Person | None:
        """
        The person already seen whose name or surname is *name*.
        """
        words = name.split()
        for person in reversed(self.people):
            if person.name == name:
                return person
        for person in reversed(self.people):
            theirs = person.name.split()
            if len(words) == 1 and words[0] in (theirs[-1], theirs[0]):
                return person
            if len(theirs) == 1 and theirs[0] == words[-1]:
                return person
            if (
                len(words) > 1
                and words[-1] == theirs[-1]
                and (words[0] == theirs[0])
            ):
                return person
        return None

    def _known_name(
        self, name: str
    ) -> tuple[str | None, str | None, str | None, str | None]:
        """
        The known actor whose name or alias *name* is, or Nones.
        """
        wanted = _fold(name)
        for key, names, role, kind in self.known:
            folded = [_fold(n) for n in names]
            if wanted in folded or any(
                f.split()[-1:] == wanted.split() for f in folded if f
            ):
                return key, names[0], role, kind
        return None, None, None, None

    def _pronoun(self, pronoun: str) -> Person | None:
        """
        The speaker a pronoun most likely stands for.

        "he" and "she" stand for the last person named whose gender fits;
        "they" for the last group or body, "it" for the last body; "I" and
        "we" for no one before them.
        """
        gender = _gender(pronoun)
        for person in reversed(self.people):
            if _fits(pronoun, person) and person.gender in (None, gender):
                if person.gender is None and gender is not None:
                    self._set_gender(person, gender)
                return person
        return None

    def _set_gender(self, person: Person, gender: str) -> None:
        """
        Record that *person* is spoken of with a gendered pronoun.
        """
        changed = attrs.evolve(person, gender=gender)
        self.people = [changed if p == person else p for p in self.people]
        self.speakers = [changed if p == person else p for p in self.speakers]

    def _title(self, mention: Mention) -> Person | None:
        """
        The person a title ("the secretary", "the judge") stands for.
        """
        words = [
            w for w in _fold(mention.text).split() if w not in DETERMINERS
        ]
        if not words or words[-1] not in TITLES | PERSON_NOUNS:
            return None
        phrase = " ".join(words)
        for key, names, role, kind in self.known:
            if role and (phrase in _fold(role) or _fold(role) in phrase):
                return self._known_person(key, names, role, kind)
        for person in reversed(self.speakers + self.people):
            if person.role and words[-1] in _fold(person.role).split():
                return person
        return None

    def _known_person(
        self, key: str, names: tuple[str, ...], role: str | None, kind: str
    ) -> Person:
        """
        The person for a known actor, as seen or new.
        """
        for person in self.people:
            if person.key == key:
                return person
        person = Person(names[0], kind, role, None, key)
        self.people.append(person)
        return person


def _fits(pronoun: str, person: Person) -> bool:
    """
    Whether *pronoun* may stand for *person*.
    """
    if pronoun in ("he", "she"):
        return person.kind == "person" and person.named
    if pronoun == "they":
        return person.kind in ("group", "organization")
    return pronoun == "it" and person.kind == "organization"


def _gender(word: str | None) -> str | None:
    """
    The gender an honorific or pronoun gives, or None.
    """
    if word in _FEMALE:
        return "f"
    if word in _MALE:
        return "m"
    return None


def _fold(text: str) -> str:
    """
    Fold *text* for comparing names: lower case, no punctuation.
    """
    kept = "".join(c if c.isalnum() else " " for c in text.casefold())
    return " ".join(kept.split())
